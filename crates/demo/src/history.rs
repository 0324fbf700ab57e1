//! Recording the demo's history through the use cases, day by day: foundings, members'
//! entries and events, and reorganizations, in the order they happened.
use chrono::NaiveDate;
use coso_domain::member::MemberEventKind;

use super::Demo;
use super::tree::Change;
use coso_app::orgs::NewOrg;
use coso_app::reorg::Reorganization;
use coso_app::{Actor, AppError, AppResult, Tx};

/// One thing that happened, and what must come before it on the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Happening {
    /// Organizations first: members enter existing cells.
    Founding {
        unit: usize,
    },
    Entry {
        member: usize,
    },
    Event {
        member: usize,
        event: usize,
    },
    /// The party card, handed to a member once confirmed.
    Card {
        member: usize,
    },
    /// Last: a merge or a dissolution finds the day's transfers already made.
    Reorganization {
        index: usize,
    },
}

impl Happening {
    fn rank(self) -> u8 {
        match self {
            Happening::Founding { .. } => 0,
            Happening::Entry { .. } => 1,
            Happening::Event { .. } | Happening::Card { .. } => 2,
            Happening::Reorganization { .. } => 3,
        }
    }
}

impl Demo {
    /// Everything dated, in the order the use cases must see it.
    fn chronicle(&self) -> Vec<(NaiveDate, Happening)> {
        let mut days = Vec::new();
        for (unit, u) in self.tree.units.iter().enumerate() {
            days.push((u.founded_on, Happening::Founding { unit }));
        }
        for (member, m) in self.members.iter().enumerate() {
            days.push((m.entry_on, Happening::Entry { member }));
            for (event, e) in m.events.iter().enumerate().filter(|(_, e)| !e.by_reorganization) {
                days.push((e.on, Happening::Event { member, event }));
                if e.kind == MemberEventKind::Confirmation {
                    days.push((e.on, Happening::Card { member }));
                }
            }
        }
        for (index, r) in self.tree.reorganizations.iter().enumerate() {
            days.push((r.on, Happening::Reorganization { index }));
        }
        // Stable: a unit's parent was listed before it, a member's events in their order.
        days.sort_by_key(|(on, what)| (*on, what.rank()));
        days
    }

    /// Records the organizations' and members' history from 2015 to the article's day.
    pub(crate) fn record_history(&mut self, tx: &mut Tx<'_>, actor: &Actor) -> AppResult<()> {
        for (on, what) in self.chronicle() {
            self.record(tx, actor, what).inspect_err(|e| {
                tracing::error!(%on, ?what, error = ?e, "the demo's history could not be recorded");
            })?;
        }
        Ok(())
    }

    fn record(&mut self, tx: &mut Tx<'_>, actor: &Actor, what: Happening) -> AppResult<()> {
        match what {
            Happening::Founding { unit } => {
                let u = &self.tree.units[unit];
                let input = NewOrg {
                    code: u.code.clone(),
                    name: u.name.clone(),
                    kind: u.kind.code().into(),
                    sector: u.sector.map(|s| s.code().to_string()),
                    parent_code: u.parent.clone(),
                    founded_on: u.founded_on.to_string(),
                    decision_number: u.founding_decision.clone(),
                };
                tx.create_org(actor, input)?;
            }
            Happening::Entry { member } => {
                let m = &self.members[member];
                let summary = tx.create_member(actor, m.input(m.official_on.is_some(), &self.numbers))?;
                self.members[member].membership_id = Some(summary.id);
                self.members[member].person_id = Some(summary.person_id);
            }
            Happening::Event { member, event } => {
                let m = &self.members[member];
                tx.record_member_event(actor, membership_id(m)?, m.events[event].input(&self.numbers))?;
            }
            Happening::Card { member } => {
                let m = &self.members[member];
                tx.update_member(actor, membership_id(m)?, m.input(true, &self.numbers))?;
            }
            Happening::Reorganization { index } => {
                let r = &self.tree.reorganizations[index];
                let mut input = Reorganization {
                    effective_on: r.on.to_string(),
                    decision_number: r.decision.into(),
                    note: Some(r.note.into()),
                    ..Reorganization::default()
                };
                match r.change {
                    Change::Rename(name) => {
                        input.kind = "rename".into();
                        input.new_name = Some(name.into());
                    }
                    Change::Move(parent) => {
                        input.kind = "move".into();
                        input.new_parent_code = Some(parent.into());
                    }
                    Change::Merge(target) => {
                        input.kind = "merge".into();
                        input.target_code = Some(target.into());
                    }
                    Change::Dissolve => input.kind = "dissolve".into(),
                }
                tx.reorganize(actor, r.code, input)?;
            }
        }
        Ok(())
    }
}

/// The membership id of a member already entered (entries come before their events).
fn membership_id(m: &super::register::PlannedMember) -> AppResult<&coso_domain::id::MembershipId> {
    m.membership_id.as_ref().ok_or_else(|| {
        AppError::Internal(format!("demo member {} has no membership yet", m.person.full_name))
    })
}
