//! The officers before the congresses of 2020: the city and grassroots committees of the
//! 2015–2020 term, the grassroots cells' secretaries of that term, and the cells under a
//! committee, which then elected their officers twice in five years, from their 2017 congress.
//! Many were re-elected in 2020; the meetings of 2019 are chaired by these officers.
use chrono::{Datelike, Days, NaiveDate};
use coso_domain::org::OrgKind;
use coso_domain::position::PositionRole as Role;

use super::day;
use super::dice::Dice;
use super::documents::{Decision, DocumentNumbers};
use super::lifecycle::issuer_of;
use super::officers::{
    CELL_COMMITTEE_FROM, CITY_AGENCIES, CITY_CONGRESS, CITY_HEADS, PlannedPosition, office_of,
};
use super::register::PlannedMember;
use super::roll::Roll;
use super::tree::{CITY, Tree, Unit};
use super::units::Profile;

const GRASSROOTS_CELL_CONGRESSES: (NaiveDate, NaiveDate) = (day(2015, 3, 2), day(2015, 4, 30));
const SUBORDINATE_CELL_CONGRESSES: (NaiveDate, NaiveDate) = (day(2017, 9, 5), day(2017, 10, 31));
const COMMITTEE_CONGRESSES: (NaiveDate, NaiveDate) = (day(2015, 5, 4), day(2015, 6, 26));
/// The city's congress of the 2015–2020 term.
pub(crate) const EARLIER_CITY_CONGRESS: NaiveDate = day(2015, 10, 1);
/// Terms that ended before the meetings the demo records are left out.
const RELEVANT_FROM: NaiveDate = day(2019, 1, 1);
/// How often an officer of 2020 had held the same seat in the term before, when they could.
const RE_ELECTED: f64 = 0.6;

/// The officers of the earlier term of every unit that stood in 2019, each seat ending at the
/// unit's 2020 congress (or when the unit ceased).
pub(crate) fn choose_earlier_officers(
    dice: &mut Dice,
    tree: &Tree,
    members: &[PlannedMember],
    roll: &Roll,
    officers: &[PlannedPosition],
    numbers: &mut DocumentNumbers,
) -> Vec<PlannedPosition> {
    let mut chosen = Vec::new();
    let cells = tree.units.iter().filter(|u| u.kind.is_cell());
    for unit in cells {
        let congresses = match unit.kind {
            OrgKind::SubordinateCell => SUBORDINATE_CELL_CONGRESSES,
            _ => GRASSROOTS_CELL_CONGRESSES,
        };
        let Some((from, to)) = span(dice, tree, unit, officers, congresses) else { continue };
        let (issuer, abbreviation) = issuer_of(tree, &unit.code, from);
        let decision = numbers.issue(&issuer, abbreviation, "QĐ", from);
        let pool = roll.officials_throughout(&unit.code, from, to);
        let officials = roll.invited(&unit.code, from).iter().filter(|i| roll.official_on(**i, from)).count();
        let ages = if unit.profile.is_residential() { (35, 75) } else { (30, 57) };
        let mut term =
            Seating { org: &unit.code, from, to, decision, members, officers, positions: &mut chosen };
        term.elect(dice, &pool, Role::Secretary, 1, ages);
        if officials >= CELL_COMMITTEE_FROM {
            term.elect(dice, &pool, Role::DeputySecretary, 1, ages);
            term.elect(dice, &pool, Role::CommitteeMember, if officials >= 20 { 2 } else { 1 }, ages);
        }
    }
    let mut secretaries = Vec::new();
    for unit in tree.units.iter().filter(|u| u.kind == OrgKind::GrassrootsCommittee) {
        let Some((from, to)) = span(dice, tree, unit, officers, COMMITTEE_CONGRESSES) else { continue };
        let decision = numbers.issue(CITY, "TU", "QĐ", from);
        let eve = to - Days::new(1);
        let in_subtree = |i: &usize| {
            roll.official_cell_throughout(*i, from, to).is_some_and(|c| {
                tree.in_subtree_on(c, &unit.code, from) && tree.in_subtree_on(c, &unit.code, eve)
            })
        };
        let pool: Vec<usize> = (0..members.len()).filter(in_subtree).collect();
        let office = office_of(tree, &unit.code);
        let staff: Vec<usize> = pool
            .iter()
            .copied()
            .filter(|i| roll.official_cell_throughout(*i, from, to) == Some(&office))
            .collect();
        let leaders = if staff.len() >= 3 { &staff } else { &pool };
        let ward = matches!(unit.profile, Profile::WardOffice | Profile::CommuneOffice);
        let mut term =
            Seating { org: &unit.code, from, to, decision, members, officers, positions: &mut chosen };
        term.elect(dice, leaders, Role::Secretary, 1, (38, 55));
        term.elect(dice, leaders, Role::DeputySecretary, if ward { 2 } else { 1 }, (38, 55));
        if ward {
            term.elect(dice, leaders, Role::StandingCommitteeMember, 2, (30, 55));
        }
        let rest = if ward { dice.between(8, 10) } else { dice.between(4, 6) };
        term.elect(dice, &pool, Role::CommitteeMember, rest as usize, (18, 120));
        secretaries.extend(term.holders(Role::Secretary));
    }
    // They sit on the city committee to its congress, after their own.
    secretaries.retain(|i| roll.official_cell_throughout(*i, EARLIER_CITY_CONGRESS, CITY_CONGRESS).is_some());
    choose_city_committee(dice, members, roll, officers, numbers, &secretaries, &mut chosen);
    chosen
}

/// The earlier term of a unit: from a congress day drawn in `congresses` (or soon after its
/// founding) to its 2020 congress or its end. `None` for units gone before 2019.
fn span(
    dice: &mut Dice,
    tree: &Tree,
    unit: &Unit,
    officers: &[PlannedPosition],
    congresses: (NaiveDate, NaiveDate),
) -> Option<(NaiveDate, NaiveDate)> {
    let next = officers.iter().find(|p| p.org == unit.code).map(|p| p.from);
    let to = match (next, tree.ends_on(&unit.code)) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    if to < RELEVANT_FROM {
        return None;
    }
    let drawn = dice.day_between(congresses.0, congresses.1);
    let from = drawn.max(unit.founded_on + Days::new(30));
    (from < to).then_some((from, to))
}

/// The city executive committee of 2015–2020, like the one of 2020 in its make-up.
fn choose_city_committee(
    dice: &mut Dice,
    members: &[PlannedMember],
    roll: &Roll,
    officers: &[PlannedPosition],
    numbers: &mut DocumentNumbers,
    grassroots_secretaries: &[usize],
    chosen: &mut Vec<PlannedPosition>,
) {
    let (from, to) = (EARLIER_CITY_CONGRESS, CITY_CONGRESS);
    let of = |cells: &[&str]| -> Vec<usize> {
        (0..members.len())
            .filter(|i| roll.official_cell_throughout(*i, from, to).is_some_and(|c| cells.contains(&c)))
            .collect()
    };
    let decision = numbers.issue("TINH", "TU", "QĐ", from);
    let mut term = Seating { org: CITY, from, to, decision, members, officers, positions: chosen };
    let leaders = (40, 57);
    let party = of(&["LS-CQD"]);
    term.elect(dice, &party, Role::Secretary, 1, leaders);
    term.elect(dice, &party, Role::DeputySecretary, 1, leaders);
    term.elect(dice, &of(&["LS-CQ-VP"]), Role::DeputySecretary, 1, leaders);
    term.elect(dice, &party, Role::StandingCommitteeMember, 3, leaders);
    for cell in CITY_HEADS {
        term.elect(dice, &of(&[cell]), Role::StandingCommitteeMember, 1, leaders);
    }
    term.elect(dice, grassroots_secretaries, Role::StandingCommitteeMember, 1, leaders);
    term.elect(dice, grassroots_secretaries, Role::CommitteeMember, grassroots_secretaries.len(), (18, 120));
    term.elect(dice, &of(&CITY_AGENCIES), Role::CommitteeMember, 8, (30, 57));
}

/// One unit's election of the earlier term.
struct Seating<'a> {
    org: &'a str,
    from: NaiveDate,
    to: NaiveDate,
    decision: Decision,
    members: &'a [PlannedMember],
    /// The 2020 officers: who held the seat next, and may have held it already.
    officers: &'a [PlannedPosition],
    positions: &'a mut Vec<PlannedPosition>,
}

impl Seating<'_> {
    /// Elects up to `seats` holders of `role` from `pool`, never one already seated here: the
    /// 2020 holder of the role when they were in the pool (and re-elected), else someone aged
    /// `ages` on the congress day when there is one.
    fn elect(&mut self, dice: &mut Dice, pool: &[usize], role: Role, seats: usize, ages: (i32, i32)) {
        for _ in 0..seats {
            let seated: Vec<usize> = self
                .positions
                .iter()
                .filter(|p| p.org == self.org && p.to == Some(self.to))
                .map(|p| p.member)
                .collect();
            let free: Vec<usize> = pool.iter().copied().filter(|i| !seated.contains(i)).collect();
            let successor = self
                .officers
                .iter()
                .filter(|p| p.org == self.org && p.role == role)
                .map(|p| p.member)
                .find(|i| free.contains(i));
            let fitting: Vec<usize> = free
                .iter()
                .copied()
                .filter(|i| {
                    (ages.0..=ages.1).contains(&(self.from.year() - self.members[*i].person.born_on.year()))
                })
                .collect();
            let choice = match successor {
                Some(i) if dice.chance(RE_ELECTED) => i,
                _ if !fitting.is_empty() => *dice.pick(&fitting),
                _ if !free.is_empty() => *dice.pick(&free),
                _ => return,
            };
            self.positions.push(PlannedPosition {
                org: self.org.to_string(),
                member: choice,
                role,
                from: self.from,
                to: Some(self.to),
                decision: self.decision.clone(),
            });
        }
    }

    fn holders(&self, role: Role) -> Vec<usize> {
        self.positions
            .iter()
            .filter(|p| p.org == self.org && p.role == role && p.to == Some(self.to))
            .map(|p| p.member)
            .collect()
    }
}

/// Who holds a seat in `org` on `on`, in either term, and in which role.
pub(crate) fn seats_on<'a>(
    positions: &'a [PlannedPosition],
    org: &'a str,
    on: NaiveDate,
) -> impl Iterator<Item = &'a PlannedPosition> + 'a {
    positions.iter().filter(move |p| p.org == org && p.from <= on && p.to.is_none_or(|t| on < t))
}
