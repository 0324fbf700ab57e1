//! Checks of the planned demo against the rules the use cases will apply, without a database.
#![allow(clippy::unwrap_used)]
use std::collections::{HashMap, HashSet};

use coso_domain::member::{self as rules, MemberEventKind, MemberStatus};
use coso_domain::org::OrgKind;
use coso_domain::position::PositionRole;

use super::Demo;
use super::tree::ARTICLE_DAY;

#[test]
fn every_member_follows_the_statute_in_date_order() {
    let demo = Demo::plan();
    for m in &demo.members {
        let name = &m.person.full_name;
        assert!(demo.tree.exists_on(&m.cell, m.entry_on), "{name} enters {} before it exists", m.cell);
        if m.entry == MemberEventKind::Admission {
            rules::check_admission_age(m.person.born_on, m.admitted_on, None).unwrap();
        }
        assert!(
            rules::check_record_dates(m.person.born_on, Some(m.admitted_on), m.official_on, ARTICLE_DAY)
                .is_empty(),
            "{name}"
        );
        let mut state = m.entry_state();
        let mut cell = m.cell.clone();
        for e in &m.events {
            assert!(e.on <= ARTICLE_DAY, "{name}: {e:?}");
            state.status =
                rules::apply_event(&state, e.kind, e.on).unwrap_or_else(|v| panic!("{name}: {e:?}: {v}"));
            state.last_event_on = e.on;
            if !e.by_reorganization {
                cell = demo.tree.successor_on(&cell, e.on).to_string();
            }
            if let Some(to) = &e.to_cell {
                assert!(demo.tree.exists_on(to, e.on), "{name} moves to {to} on {}", e.on);
                assert_ne!(to, &cell, "{name} moves to their own cell");
                cell = to.clone();
            }
        }
    }
}

#[test]
fn the_register_matches_the_city() {
    let demo = Demo::plan();
    let mut by_status: HashMap<MemberStatus, usize> = HashMap::new();
    let mut by_cell: HashMap<&str, usize> = HashMap::new();
    for m in &demo.members {
        if let Some((cell, status)) = m.standing_on(ARTICLE_DAY) {
            *by_status.entry(status).or_default() += 1;
            if status.on_roll() {
                *by_cell.entry(cell).or_default() += 1;
            }
        }
    }
    let count = |s| by_status.get(&s).copied().unwrap_or(0);
    let active = count(MemberStatus::Official) + count(MemberStatus::Probationary);
    let share = count(MemberStatus::Probationary) as f64 / active as f64;
    eprintln!(
        "{} members drawn; on {ARTICLE_DAY}: {by_status:?}; probationary {:.1}%",
        demo.members.len(),
        share * 100.0
    );
    assert!((2500..=5000).contains(&active), "{active}");
    assert!((0.02..=0.04).contains(&share), "{share}");
    assert_eq!(count(MemberStatus::Removed), 2);
    for cell in demo.tree.cells_on(ARTICLE_DAY) {
        let n = by_cell.get(cell.code.as_str()).copied().unwrap_or(0);
        assert!((5..=60).contains(&n), "{}: {n}", cell.name);
    }
    let cccds: HashSet<&str> = demo.members.iter().map(|m| m.person.cccd.as_str()).collect();
    let cards: HashSet<&str> = demo.members.iter().map(|m| m.card_number.as_str()).collect();
    assert_eq!(cccds.len(), demo.members.len());
    assert_eq!(cards.len(), demo.members.len());
}

#[test]
fn every_unit_has_a_secretary_among_its_members() {
    let demo = Demo::plan();
    for unit in demo.tree.units.iter().filter(|u| demo.tree.exists_on(&u.code, ARTICLE_DAY)) {
        let secretaries: Vec<_> = demo
            .officers
            .iter()
            .filter(|p| p.org == unit.code && p.role == PositionRole::Secretary)
            .collect();
        assert_eq!(secretaries.len(), 1, "{}", unit.name);
        let holder = &demo.members[secretaries[0].member];
        let (cell, status) = holder.standing_on(secretaries[0].from).unwrap();
        assert_eq!(status, MemberStatus::Official);
        assert!(demo.tree.in_subtree_on(cell, &unit.code, secretaries[0].from), "{}", unit.name);
    }
    let standing = demo
        .officers
        .iter()
        .filter(|p| p.org == "LS" && p.role == PositionRole::StandingCommitteeMember)
        .count();
    assert!(standing >= 8, "{standing}");
    let committees = demo.tree.units.iter().filter(|u| u.kind == OrgKind::GrassrootsCommittee);
    for c in committees {
        let members = demo
            .officers
            .iter()
            .filter(|p| p.org == c.code && p.role == PositionRole::CommitteeMember)
            .count();
        assert!(members >= 4, "{}: {members}", c.name);
    }
}

#[test]
fn the_plan_is_the_same_every_time() {
    let (a, b) = (Demo::plan(), Demo::plan());
    let names = |d: &Demo| d.members.iter().map(|m| m.person.full_name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b));
}
