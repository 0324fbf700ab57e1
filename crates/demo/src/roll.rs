//! The planned register as stretches of time: who was on which cell's roll, with which status,
//! from when to when. Meetings ask it who is invited on a day; terms ask who served throughout.
use std::collections::HashMap;

use chrono::NaiveDate;
use coso_domain::member::MemberStatus;

use super::register::PlannedMember;

/// A stretch of a member's record in one cell with one status: `[from, to)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stint {
    pub(crate) member: usize,
    pub(crate) cell: String,
    pub(crate) status: MemberStatus,
    pub(crate) from: NaiveDate,
    pub(crate) to: Option<NaiveDate>,
}

impl Stint {
    fn covers(&self, on: NaiveDate) -> bool {
        self.from <= on && self.to.is_none_or(|t| on < t)
    }
}

/// Every member's stints, by member and by cell.
#[derive(Debug, Clone, Default)]
pub(crate) struct Roll {
    by_member: Vec<Vec<Stint>>,
    by_cell: HashMap<String, Vec<Stint>>,
}

impl Roll {
    /// Cuts each member's record at the days something happened to it, with the standing the
    /// register gives on each (the same the use cases will write).
    pub(crate) fn of(members: &[PlannedMember]) -> Roll {
        let mut roll = Roll::default();
        for (i, m) in members.iter().enumerate() {
            let mut days: Vec<NaiveDate> =
                std::iter::once(m.entry_on).chain(m.events.iter().map(|e| e.on)).collect();
            days.sort();
            days.dedup();
            let mut stints: Vec<Stint> = Vec::new();
            for (k, day) in days.iter().enumerate() {
                let Some((cell, status)) = m.standing_on(*day) else { continue };
                let to = days.get(k + 1).copied();
                match stints.last_mut() {
                    Some(last) if last.cell == cell && last.status == status => last.to = to,
                    _ => stints.push(Stint { member: i, cell: cell.to_string(), status, from: *day, to }),
                }
            }
            for s in &stints {
                roll.by_cell.entry(s.cell.clone()).or_default().push(s.clone());
            }
            roll.by_member.push(stints);
        }
        roll
    }

    /// The members a meeting of `cell` invites on `on`: on its roll, not exempted (by index).
    pub(crate) fn invited(&self, cell: &str, on: NaiveDate) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .by_cell
            .get(cell)
            .into_iter()
            .flatten()
            .filter(|s| {
                s.covers(on) && matches!(s.status, MemberStatus::Official | MemberStatus::Probationary)
            })
            .map(|s| s.member)
            .collect();
        out.sort_unstable();
        out
    }

    /// The cell whose roll `member` is on, as an official member, throughout `[from, to)`.
    pub(crate) fn official_cell_throughout(
        &self,
        member: usize,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Option<&str> {
        self.by_member.get(member)?.iter().find_map(|s| {
            let whole = s.from <= from && s.to.is_none_or(|t| t >= to);
            (whole && s.status == MemberStatus::Official).then_some(s.cell.as_str())
        })
    }

    /// Official members of `cell` throughout `[from, to)`, by index.
    pub(crate) fn officials_throughout(&self, cell: &str, from: NaiveDate, to: NaiveDate) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .by_cell
            .get(cell)
            .into_iter()
            .flatten()
            .filter(|s| s.status == MemberStatus::Official && s.from <= from && s.to.is_none_or(|t| t >= to))
            .map(|s| s.member)
            .collect();
        out.sort_unstable();
        out
    }

    /// Whether `member` is an official member of any cell on `on`.
    pub(crate) fn official_on(&self, member: usize, on: NaiveDate) -> bool {
        self.by_member
            .get(member)
            .is_some_and(|stints| stints.iter().any(|s| s.covers(on) && s.status == MemberStatus::Official))
    }

    /// The cell `member` is on the roll of on `on`.
    pub(crate) fn cell_on(&self, member: usize, on: NaiveDate) -> Option<&str> {
        self.by_member.get(member)?.iter().find(|s| s.covers(on)).map(|s| s.cell.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Demo;
    use crate::tree::ARTICLE_DAY;

    #[test]
    fn the_roll_agrees_with_the_register() {
        let demo = Demo::plan();
        let roll = Roll::of(&demo.members);
        let days = [super::super::day(2019, 1, 1), super::super::day(2020, 7, 1), ARTICLE_DAY];
        for (i, m) in demo.members.iter().enumerate() {
            for on in days {
                let standing = m.standing_on(on);
                assert_eq!(roll.cell_on(i, on), standing.map(|(c, _)| c), "{}", m.person.full_name);
                if let Some((cell, status)) = standing {
                    let invited = roll.invited(cell, on).contains(&i);
                    let expected = matches!(status, MemberStatus::Official | MemberStatus::Probationary);
                    assert_eq!(invited, expected, "{} {on}", m.person.full_name);
                }
            }
        }
    }
}
