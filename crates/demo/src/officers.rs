//! The 2020–2025 term's officers: a secretary for every cell and committee, deputies and
//! committee members where the unit is large enough, and the city's standing committee.
use chrono::{Datelike, NaiveDate};
use coso_domain::member::{MemberStatus, Sex};
use coso_domain::org::OrgKind;
use coso_domain::position::PositionRole as Role;

use super::day;
use super::dice::Dice;
use super::documents::{Decision, DocumentNumbers};
use super::lifecycle::issuer_of;
use super::register::PlannedMember;
use super::tree::{ARTICLE_DAY, CITY, Tree};
use super::units::Profile;
use coso_app::Tx;

/// Chi bộ congresses came first, from March 2020; grassroots committees' in May and June.
const CELL_CONGRESSES: (NaiveDate, NaiveDate) = (day(2020, 3, 2), day(2020, 4, 30));
const COMMITTEE_CONGRESSES: (NaiveDate, NaiveDate) = (day(2020, 5, 5), day(2020, 6, 25));
/// The city's congress for the 2020–2025 term.
pub(crate) const CITY_CONGRESS: NaiveDate = day(2020, 7, 15);
/// A cell of 9 or more official members elects a cell committee (domain.md §2).
pub(super) const CELL_COMMITTEE_FROM: usize = 9;

/// A position held from a congress: of the 2020–2025 term, or of the term before it (which ends).
#[derive(Debug, Clone)]
pub(crate) struct PlannedPosition {
    pub(crate) org: String,
    /// Index of the holder among the planned members.
    pub(crate) member: usize,
    pub(crate) role: Role,
    pub(crate) from: NaiveDate,
    /// When the term ended, for the 2015–2020 term; the current term runs on.
    pub(crate) to: Option<NaiveDate>,
    pub(crate) decision: Decision,
}

/// The officers of every unit standing on the article's day, chosen among members who are
/// official in the unit from the congress to that day.
pub(crate) fn choose_officers(
    dice: &mut Dice,
    tree: &Tree,
    members: &[PlannedMember],
    numbers: &mut DocumentNumbers,
) -> Vec<PlannedPosition> {
    let mut chosen = Vec::new();
    let standing = |kind: OrgKind| {
        tree.units.iter().filter(move |u| u.kind == kind && tree.exists_on(&u.code, ARTICLE_DAY))
    };
    let cells: Vec<_> = standing(OrgKind::SubordinateCell).chain(standing(OrgKind::GrassrootsCell)).collect();
    for unit in cells {
        let from = dice.day_between(CELL_CONGRESSES.0, CELL_CONGRESSES.1);
        let (issuer, abbreviation) = issuer_of(tree, &unit.code, from);
        let decision = numbers.issue(&issuer, abbreviation, "QĐ", from);
        let dates = [from, ARTICLE_DAY];
        let pool: Vec<usize> =
            (0..members.len()).filter(|i| members[*i].official_in(&unit.code, &dates)).collect();
        let cell = Some((unit.code.as_str(), MemberStatus::Official));
        let officials = members.iter().filter(|m| m.standing_on(from) == cell).count();
        let prefer = if unit.profile == Profile::Residential { Prefer::RESIDENT } else { Prefer::WORKING };
        // The seed article quotes a woman secretary of khối Cửa Nam and a woman deputy of khối 9.
        let (secretary, deputy) = match unit.code.as_str() {
            "LS-CL-CN" => (prefer.woman(), prefer),
            "LS-HVT-K9" => (prefer, prefer.woman()),
            _ => (prefer, prefer),
        };
        let mut term = Term { org: &unit.code, from, decision, members, positions: &mut chosen };
        term.elect(dice, &pool, Role::Secretary, 1, secretary);
        if officials >= CELL_COMMITTEE_FROM {
            term.elect(dice, &pool, Role::DeputySecretary, 1, deputy);
            term.elect(dice, &pool, Role::CommitteeMember, if officials >= 20 { 2 } else { 1 }, prefer);
        }
    }
    for unit in standing(OrgKind::GrassrootsCommittee) {
        let from = dice.day_between(COMMITTEE_CONGRESSES.0, COMMITTEE_CONGRESSES.1);
        let decision = numbers.issue(CITY, "TU", "QĐ", from);
        let dates = [from, ARTICLE_DAY];
        let in_subtree = |m: &PlannedMember| {
            dates.iter().all(|d| {
                m.standing_on(*d).is_some_and(|(cell, status)| {
                    status == MemberStatus::Official && tree.in_subtree_on(cell, &unit.code, *d)
                })
            })
        };
        let pool: Vec<usize> = (0..members.len()).filter(|i| in_subtree(&members[*i])).collect();
        // The committee's leaders work in its own office when it has one.
        let office = office_of(tree, &unit.code);
        let staff: Vec<usize> =
            pool.iter().copied().filter(|i| members[*i].official_in(&office, &dates)).collect();
        let leaders = if staff.len() >= 3 { &staff } else { &pool };
        let ward = matches!(unit.profile, Profile::WardOffice | Profile::CommuneOffice);
        let mut term = Term { org: &unit.code, from, decision, members, positions: &mut chosen };
        term.elect(dice, leaders, Role::Secretary, 1, Prefer::LEADER);
        term.elect(dice, leaders, Role::DeputySecretary, if ward { 2 } else { 1 }, Prefer::LEADER);
        if ward {
            term.elect(dice, leaders, Role::StandingCommitteeMember, 2, Prefer::WORKING);
        }
        let rest = if ward { dice.between(8, 10) } else { dice.between(4, 6) };
        term.elect(dice, &pool, Role::CommitteeMember, rest as usize, Prefer::ANYONE);
    }
    choose_city_committee(dice, tree, members, numbers, &mut chosen);
    chosen
}

/// The cells whose members fill the city executive committee's seats beside the standing
/// committee and the grassroots secretaries.
pub(super) const CITY_AGENCIES: [&str; 8] =
    ["LS-CQD", "LS-MTTQ", "LS-TTCT", "LS-GD", "LS-CQ-TCKH", "LS-CQ-NV", "LS-CQ-TNMT", "LS-YT-HC"];
/// The city's standing committee members who head the government, the front, the army and
/// the police sit in these cells.
pub(super) const CITY_HEADS: [&str; 4] = ["LS-MTTQ", "LS-CQ-VP", "LS-QS-CH", "LS-CA-TH"];

/// Where a committee's own staff hold their party activity.
pub(super) fn office_of(tree: &Tree, committee: &str) -> String {
    ["CQ", "VP", "HC", "CH", "TH"]
        .iter()
        .map(|suffix| format!("{committee}-{suffix}"))
        .find(|code| tree.unit(code).is_some())
        .unwrap_or_else(|| committee.to_string())
}

/// The city's secretary, deputies and standing committee from the party's offices and the
/// heads of government, army and police; its executive committee adds the grassroots
/// committees' secretaries.
fn choose_city_committee(
    dice: &mut Dice,
    tree: &Tree,
    members: &[PlannedMember],
    numbers: &mut DocumentNumbers,
    chosen: &mut Vec<PlannedPosition>,
) {
    let dates = [CITY_CONGRESS, ARTICLE_DAY];
    let of = |cells: &[&str]| -> Vec<usize> {
        (0..members.len()).filter(|i| cells.iter().any(|c| members[*i].official_in(c, &dates))).collect()
    };
    let grassroots_secretaries: Vec<usize> = chosen
        .iter()
        .filter(|p| p.role == Role::Secretary)
        .filter(|p| tree.unit(&p.org).is_some_and(|u| u.kind == OrgKind::GrassrootsCommittee))
        .map(|p| p.member)
        .collect();
    let decision = numbers.issue("TINH", "TU", "QĐ", CITY_CONGRESS);
    let mut term = Term { org: CITY, from: CITY_CONGRESS, decision, members, positions: chosen };
    let party = of(&["LS-CQD"]);
    term.elect(dice, &party, Role::Secretary, 1, Prefer::LEADER);
    term.elect(dice, &party, Role::DeputySecretary, 1, Prefer::LEADER);
    term.elect(dice, &of(&["LS-CQ-VP"]), Role::DeputySecretary, 1, Prefer::LEADER);
    term.elect(dice, &party, Role::StandingCommitteeMember, 3, Prefer::LEADER);
    for cell in CITY_HEADS {
        term.elect(dice, &of(&[cell]), Role::StandingCommitteeMember, 1, Prefer::LEADER);
    }
    let seats = grassroots_secretaries.len();
    term.elect(dice, &grassroots_secretaries, Role::StandingCommitteeMember, 1, Prefer::LEADER);
    term.elect(dice, &grassroots_secretaries, Role::CommitteeMember, seats, Prefer::ANYONE);
    term.elect(dice, &of(&CITY_AGENCIES), Role::CommitteeMember, 8, Prefer::WORKING);
}

/// Whom a seat goes to when there is a choice: a preference, never a rule.
#[derive(Debug, Clone, Copy)]
struct Prefer {
    sex: Option<Sex>,
    /// Age on the congress day, inclusive.
    ages: (i32, i32),
}

impl Prefer {
    /// Secretaries and deputies of committees and of the city.
    const LEADER: Prefer = Prefer { sex: None, ages: (40, 57) };
    /// Officers of working cells, before retirement.
    const WORKING: Prefer = Prefer { sex: None, ages: (30, 57) };
    /// Residential blocks often elect the retired.
    const RESIDENT: Prefer = Prefer { sex: None, ages: (35, 80) };
    const ANYONE: Prefer = Prefer { sex: None, ages: (18, 120) };

    fn woman(self) -> Prefer {
        Prefer { sex: Some(Sex::Female), ..self }
    }

    fn fits(self, m: &PlannedMember, on: NaiveDate) -> bool {
        let age = on.year() - m.person.born_on.year();
        self.sex.is_none_or(|s| m.person.sex == s) && (self.ages.0..=self.ages.1).contains(&age)
    }
}

/// One unit's election at its congress: who takes which seat.
struct Term<'a> {
    org: &'a str,
    from: NaiveDate,
    decision: Decision,
    members: &'a [PlannedMember],
    positions: &'a mut Vec<PlannedPosition>,
}

impl Term<'_> {
    /// Elects up to `seats` holders of `role` from `pool`, never one who already holds a seat
    /// here, preferring those who fit `prefer` when there are any.
    fn elect(&mut self, dice: &mut Dice, pool: &[usize], role: Role, seats: usize, prefer: Prefer) {
        for _ in 0..seats {
            let seated = |i: &usize| self.positions.iter().any(|p| p.org == self.org && p.member == *i);
            let free: Vec<usize> = pool.iter().copied().filter(|i| !seated(i)).collect();
            let fitting: Vec<usize> =
                free.iter().copied().filter(|i| prefer.fits(&self.members[*i], self.from)).collect();
            let choice = match (fitting.is_empty(), free.is_empty()) {
                (false, _) => *dice.pick(&fitting),
                (true, false) => *dice.pick(&free),
                (true, true) => return,
            };
            self.positions.push(PlannedPosition {
                org: self.org.to_string(),
                member: choice,
                role,
                from: self.from,
                to: None,
                decision: self.decision.clone(),
            });
        }
    }
}

impl super::Demo {
    /// Records the positions of both terms through the position use case.
    pub(crate) fn record_officers(
        &self,
        tx: &mut Tx<'_>,
        actor: &coso_app::Actor,
    ) -> coso_app::AppResult<()> {
        for p in self.earlier_officers.iter().chain(&self.officers) {
            let holder = &self.members[p.member];
            let member_id = holder.membership_id.as_ref().map(ToString::to_string).ok_or_else(|| {
                coso_app::AppError::Internal(format!("officer {} was never entered", holder.person.full_name))
            })?;
            let input = coso_app::positions::PositionInput {
                member_id,
                role: p.role.code().into(),
                valid_from: p.from.to_string(),
                valid_to: p.to.map(|d| d.to_string()),
                decision_number: self.numbers.text(&p.decision),
            };
            tx.add_position(actor, &p.org, input).inspect_err(|e| {
                tracing::error!(org = %p.org, role = ?p.role, error = ?e, "a demo position could not be recorded");
            })?;
        }
        Ok(())
    }
}
