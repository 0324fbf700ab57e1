//! The demo's members as planned: each one's entry into the register and lifecycle events, and
//! where each stands on any date, so later stages can pick secretaries, attendees and ratings.
use chrono::NaiveDate;
use coso_domain::member::{self as rules, MemberEventKind, MemberState, MemberStatus};

use super::documents::{Decision, DocumentNumbers};
use super::people::Person;
use coso_app::members::{EventInput, MemberInput};

/// One lifecycle event of a planned member.
#[derive(Debug, Clone)]
pub(crate) struct PlannedEvent {
    pub(crate) on: NaiveDate,
    pub(crate) kind: MemberEventKind,
    /// The cell the member moves to (internal transfers).
    pub(crate) to_cell: Option<String>,
    pub(crate) decision: Decision,
    pub(crate) note: String,
    /// Written by a reorganization (a merge moves the cell's members), not recorded on its own.
    pub(crate) by_reorganization: bool,
}

impl PlannedEvent {
    pub(crate) fn new(on: NaiveDate, kind: MemberEventKind, decision: Decision) -> PlannedEvent {
        PlannedEvent { on, kind, to_cell: None, decision, note: String::new(), by_reorganization: false }
    }

    /// What the member event use case takes.
    pub(crate) fn input(&self, numbers: &DocumentNumbers) -> EventInput {
        EventInput {
            kind: self.kind.code().into(),
            occurred_on: self.on.to_string(),
            decision_number: numbers.text(&self.decision),
            to_org_code: self.to_cell.clone(),
            note: (!self.note.is_empty()).then(|| self.note.clone()),
            ..EventInput::default()
        }
    }
}

/// A member of the demo: the person, how they entered the register, and what happened since.
#[derive(Debug, Clone)]
pub(crate) struct PlannedMember {
    pub(crate) person: Person,
    /// The cell they entered.
    pub(crate) cell: String,
    pub(crate) admitted_on: NaiveDate,
    /// Admission (a new member) or transfer in (on the register before coso's history, or
    /// arriving at a cell founded later).
    pub(crate) entry: MemberEventKind,
    pub(crate) entry_on: NaiveDate,
    /// Set when the member was already official on entering.
    pub(crate) official_on: Option<NaiveDate>,
    pub(crate) entry_decision: Decision,
    /// Issued to official members: on entry, or right after confirmation.
    pub(crate) card_number: String,
    pub(crate) record_number: String,
    /// In date order.
    pub(crate) events: Vec<PlannedEvent>,
    /// The membership id the database gave, once loaded.
    pub(crate) membership_id: Option<coso_domain::id::MembershipId>,
    /// The person id the database gave, once loaded.
    pub(crate) person_id: Option<coso_domain::id::PersonId>,
}

impl PlannedMember {
    /// The cell and status of the member on a date, or `None` before they entered. The status
    /// follows the domain's state machine, the one the use cases apply.
    pub(crate) fn standing_on(&self, on: NaiveDate) -> Option<(&str, MemberStatus)> {
        if on < self.entry_on {
            return None;
        }
        let mut state = self.entry_state();
        let mut cell = self.cell.as_str();
        for event in self.events.iter().take_while(|e| e.on <= on) {
            if let Ok(status) = rules::apply_event(&state, event.kind, event.on) {
                let confirmed = state.confirmed || event.kind == MemberEventKind::Confirmation;
                state = MemberState { status, last_event_on: event.on, confirmed, ..state };
            }
            if let Some(to) = &event.to_cell {
                cell = to;
            }
        }
        Some((cell, state.status))
    }

    /// The state the member entered the register with.
    pub(crate) fn entry_state(&self) -> MemberState {
        let status =
            if self.official_on.is_some() { MemberStatus::Official } else { MemberStatus::Probationary };
        MemberState {
            status,
            admitted_on: self.admitted_on,
            last_event_on: self.entry_on,
            confirmed: self.official_on.is_some(),
        }
    }

    /// Whether the member is an official member of `cell` on every one of `dates`.
    pub(crate) fn official_in(&self, cell: &str, dates: &[NaiveDate]) -> bool {
        dates.iter().all(|d| self.standing_on(*d) == Some((cell, MemberStatus::Official)))
    }

    /// The date of the latest planned event (or the entry).
    pub(crate) fn last_event_on(&self) -> NaiveDate {
        self.events.last().map(|e| e.on).unwrap_or(self.entry_on)
    }

    /// What the member form takes, for entering the member or (with the card) correcting them.
    pub(crate) fn input(&self, with_card: bool, numbers: &DocumentNumbers) -> MemberInput {
        let p = &self.person;
        MemberInput {
            full_name: p.full_name.clone(),
            birth_name: None,
            born_on: p.born_on.to_string(),
            sex: p.sex.code().into(),
            ethnicity: p.ethnicity.into(),
            religion: p.religion.into(),
            home_town: p.home_town.clone(),
            residence: p.residence.clone(),
            education: p.education.into(),
            theory_level: p.theory_level.into(),
            profession: p.profession.into(),
            occupation: p.occupation.into(),
            cccd: Some(p.cccd.clone()),
            phone: p.phone.clone(),
            card_number: with_card.then(|| self.card_number.clone()),
            record_number: Some(self.record_number.clone()),
            org_code: self.cell.clone(),
            admitted_on: self.admitted_on.to_string(),
            official_on: self.official_on.map(|d| d.to_string()),
            entry: self.entry.code().into(),
            entry_on: (self.entry == MemberEventKind::TransferIn).then(|| self.entry_on.to_string()),
            decision_number: numbers.text(&self.entry_decision),
            over_age_decision: None,
        }
    }
}
