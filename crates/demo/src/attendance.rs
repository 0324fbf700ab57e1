//! Who was at each planned meeting: the invited members that day, the chair (the cell's
//! secretary, or its deputy when the secretary is away), the minute-taker, and the absent with
//! or without reason.
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use coso_domain::position::PositionRole as Role;

use super::calendar::Slot;
use super::dice::Dice;
use super::officers::PlannedPosition;
use super::register::PlannedMember;
use super::roll::Roll;
use super::terms::seats_on;
use super::tree::Tree;
use super::units::Profile;

/// A member absent from a meeting, with the reason the minutes give (none: without reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Absence {
    pub(crate) member: usize,
    pub(crate) reason: Option<&'static str>,
}

/// The people of one meeting.
#[derive(Debug, Clone)]
pub(crate) struct Attendance {
    /// The members invited that day (on the roll, not exempted), by index.
    pub(crate) invited: Vec<usize>,
    pub(crate) chair: usize,
    pub(crate) chair_role: &'static str,
    pub(crate) minute_taker: usize,
    pub(crate) absences: Vec<Absence>,
}

/// How many are absent from a meeting, with weights: most meetings miss one or two.
const ABSENT: [(usize, u32); 4] = [(0, 30), (1, 35), (2, 22), (3, 13)];
/// Share of meetings a secretary misses (on duty), leaving the chair to the deputy.
const SECRETARY_AWAY: f64 = 0.05;

/// Draws the people of every slot.
pub(crate) fn draw_attendance(
    dice: &mut Dice,
    tree: &Tree,
    members: &[PlannedMember],
    roll: &Roll,
    positions: &[PlannedPosition],
    slots: &[Slot],
) -> Vec<Attendance> {
    let mut minute_takers: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(slots.len());
    for slot in slots {
        let on = slot.held_on;
        let invited = roll.invited(&slot.cell, on);
        let officer = |role: Role| {
            seats_on(positions, &slot.cell, on)
                .find(|p| p.role == role)
                .map(|p| p.member)
                .filter(|m| invited.contains(m))
        };
        let secretary = officer(Role::Secretary);
        let deputy = officer(Role::DeputySecretary);
        let mut absences = Vec::new();
        let (chair, chair_role) = match (secretary, deputy) {
            (Some(s), Some(d)) if dice.chance(SECRETARY_AWAY) => {
                absences.push(Absence { member: s, reason: Some("Đi công tác") });
                (d, "Phó Bí thư Chi bộ")
            }
            (Some(s), _) => (s, "Bí thư Chi bộ"),
            (None, Some(d)) => (d, "Phó Bí thư Chi bộ"),
            (None, None) => {
                let first =
                    invited.iter().copied().find(|i| roll.official_on(*i, on)).or(invited.first().copied());
                (first.unwrap_or_default(), "Chi ủy viên")
            }
        };
        let officers: Vec<usize> = seats_on(positions, &slot.cell, on).map(|p| p.member).collect();
        let keeps = |i: &usize| {
            *i != chair && invited.contains(i) && !absences.iter().any(|a: &Absence| a.member == *i)
        };
        let minute_taker = match minute_takers.get(slot.cell.as_str()).copied().filter(keeps) {
            Some(m) => m,
            None => {
                let young: Vec<usize> = invited
                    .iter()
                    .copied()
                    .filter(|i| {
                        keeps(i)
                            && !officers.contains(i)
                            && on.year() - members[*i].person.born_on.year() < 60
                    })
                    .collect();
                let anyone: Vec<usize> = invited.iter().copied().filter(keeps).collect();
                let m = if young.is_empty() {
                    anyone.first().copied().unwrap_or(chair)
                } else {
                    *dice.pick(&young)
                };
                minute_takers.insert(&slot.cell, m);
                m
            }
        };
        let profile = tree.unit(&slot.cell).map(|u| u.profile).unwrap_or(Profile::Agency);
        let mut others: Vec<usize> = invited
            .iter()
            .copied()
            .filter(|i| *i != chair && *i != minute_taker && !absences.iter().any(|a| a.member == *i))
            .collect();
        for _ in 0..*dice.weighted(&ABSENT) {
            if others.is_empty() {
                break;
            }
            let member = others.remove(dice.below(others.len() as u64) as usize);
            absences
                .push(Absence { member, reason: reason(dice, profile, members[member].person.born_on, on) });
        }
        out.push(Attendance { invited, chair, chair_role, minute_taker, absences });
    }
    out
}

/// Why a member was away: the elderly are more often ill, those at work more often on duty;
/// about one absence in ten has no reason.
fn reason(dice: &mut Dice, profile: Profile, born_on: NaiveDate, on: NaiveDate) -> Option<&'static str> {
    let elderly = on.year() - born_on.year() >= 65;
    let weights: [(Option<&'static str>, u32); 4] = match (profile.is_residential(), elderly) {
        (_, true) => [(Some("Ốm"), 55), (Some("Đi công tác"), 0), (Some("Việc gia đình"), 35), (None, 10)],
        (true, false) => {
            [(Some("Ốm"), 20), (Some("Đi công tác"), 30), (Some("Việc gia đình"), 38), (None, 12)]
        }
        (false, false) => {
            [(Some("Ốm"), 20), (Some("Đi công tác"), 45), (Some("Việc gia đình"), 27), (None, 8)]
        }
    };
    *dice.weighted(&weights)
}
