//! Entering members in the register and correcting their records.
use coso_domain::access::Permission;
use std::collections::{HashMap, HashSet};

use coso_domain::id::{MembershipId, OrgId, PersonId};
use coso_domain::member::{self as rules, MemberEventKind, MemberStatus, Sex};
use coso_domain::{Violation, text};
use coso_store::members::{self as store, MembershipEventRow, MembershipRow, PeriodRow, PersonRow};
use coso_store::{DbConnection, new_id, now};

use crate::access;
use crate::input::{self, All, Field, chosen, optional_date, required_date, required_text};
use crate::orgs::name_of;
use crate::{Actor, App, AppError, AppResult, Tx, audit};

use super::{MemberInput, MemberSummary, clean, member_org, summary};
use crate::orgs::cell_on;

/// Validated person fields; pushes every problem it finds.
pub(super) fn person_fields(input: &MemberInput, id: PersonId) -> Field<PersonRow> {
    let cccd = match clean(input.cccd.as_deref()) {
        Some(c) => input::rule(rules::check_cccd(&c)).map(|()| Some(c)),
        None => Ok(None),
    };
    let (full_name, born_on, sex, cccd) = (
        required_text("full_name", "họ và tên", &input.full_name),
        required_date("born_on", "ngày sinh", &input.born_on),
        chosen("sex", "Cần chọn giới tính.", Sex::from_code(input.sex.trim())),
        cccd,
    )
        .all()?;
    let stamp = now();
    Ok(PersonRow {
        id,
        name_folded: text::fold(&full_name),
        full_name,
        birth_name: clean(input.birth_name.as_deref()),
        born_on,
        sex,
        ethnicity: input.ethnicity.trim().into(),
        religion: input.religion.trim().into(),
        home_town: input.home_town.trim().into(),
        residence: input.residence.trim().into(),
        education: input.education.trim().into(),
        theory_level: input.theory_level.trim().into(),
        profession: input.profession.trim().into(),
        occupation: input.occupation.trim().into(),
        cccd,
        phone: clean(input.phone.as_deref()),
        created_at: stamp,
        updated_at: stamp,
    })
}

/// Card number and CCCD must be unique across the register.
fn check_unique(
    conn: &mut DbConnection,
    person: &PersonRow,
    card: Option<&str>,
    membership_id: Option<&str>,
) -> AppResult<()> {
    let mut found = Vec::new();
    if let Some(c) = card
        && store::card_number_taken(conn, c, membership_id)?
    {
        found.push(Violation::on("card_number", format!("Số thẻ đảng viên {c} đã có trong sổ.")));
    }
    if let Some(c) = person.cccd.as_deref()
        && store::cccd_taken(conn, c, Some(person.id.as_str()))?
    {
        found.push(Violation::on("cccd", "Số CCCD này đã có trong sổ."));
    }
    Ok(input::rules(found)?)
}

impl App {
    /// Enters a member in the register: a new admission (probationary) or a member arriving
    /// by transfer. Writes the person, the membership, its first event and period.
    pub fn create_member(&self, actor: &Actor, input: MemberInput) -> AppResult<MemberSummary> {
        self.transaction(|tx| tx.create_member(actor, input))
    }

    /// Corrects a member's personal data and card numbers; status changes go through events.
    pub fn update_member(
        &self,
        actor: &Actor,
        id: &MembershipId,
        input: MemberInput,
    ) -> AppResult<MemberSummary> {
        self.transaction(|tx| tx.update_member(actor, id, input))
    }
}

/// A member's entry, checked without the database: the rows to write once the cell is known.
pub(super) struct Entry {
    pub(super) person: PersonRow,
    pub(super) admitted_on: chrono::NaiveDate,
    official_on: Option<chrono::NaiveDate>,
    entry: MemberEventKind,
    pub(super) entry_on: chrono::NaiveDate,
    pub(super) org_code: String,
    decision: String,
    pub(super) card: Option<String>,
    record_number: Option<String>,
    approval: String,
}

impl Entry {
    /// Every rule of an entry that needs no database; every problem is reported at once.
    pub(super) fn check(input: &MemberInput) -> AppResult<Entry> {
        let today = crate::today();
        let admitted_on = required_date("admitted_on", "ngày vào Đảng", &input.admitted_on);
        let official_on = optional_date("official_on", "ngày chính thức", input.official_on.as_deref());
        let entry = match input.entry.trim() {
            "" | "admission" => Ok(MemberEventKind::Admission),
            "transfer_in" => Ok(MemberEventKind::TransferIn),
            _ => Err(vec![Violation::on(
                "entry",
                "Cần chọn hình thức: kết nạp mới hoặc chuyển sinh hoạt đến.",
            )]),
        };
        let admission = entry.as_ref().is_ok_and(|e| *e == MemberEventKind::Admission);
        // An admission enters on its own date; its errors are already admitted_on's.
        let entry_on = match entry {
            Ok(MemberEventKind::TransferIn) => {
                required_date("entry_on", "ngày chuyển đến", input.entry_on.as_deref().unwrap_or(""))
            }
            _ => admitted_on.clone().map_err(|_| Vec::new()),
        };
        let (admitted, official) = (admitted_on.clone().ok(), official_on.clone().ok().flatten());
        let new_is_probationary = if admission && official.is_some() {
            Err(vec![Violation::on(
                "official_on",
                "Đảng viên mới kết nạp là dự bị; ngày chính thức ghi khi công nhận.",
            )])
        } else {
            Ok(())
        };
        // The record's dates are checked against the birth date even when another personal
        // field is wrong, so the form shows every error at once.
        let record_dates = match coso_domain::date::parse(&input.born_on) {
            Some(born) => {
                let mut found = rules::check_record_dates(born, admitted, official, today);
                if admission
                    && let Some(a) = admitted
                    && let Err(v) = rules::check_admission_age(born, a, input.over_age_decision.as_deref())
                {
                    found.push(v);
                }
                input::rules(found)
            }
            None => Ok(()),
        };
        let entry_order = match (&entry_on, admitted) {
            (Ok(e), Some(a)) if *e < a => {
                Err(vec![Violation::on("entry_on", "Ngày chuyển đến phải sau ngày vào Đảng.")])
            }
            (Ok(e), _) if *e > today => {
                Err(vec![Violation::on("entry_on", "Ngày chuyển đến không thể ở tương lai.")])
            }
            _ => Ok(()),
        };
        let (person, admitted_on, official_on, entry, entry_on, org_code, decision, (), (), ()) = (
            person_fields(input, new_id().into()),
            admitted_on,
            official_on,
            entry,
            entry_on,
            required_text("org_code", "chi bộ sinh hoạt", &input.org_code),
            required_text("decision_number", "số quyết định", &input.decision_number),
            new_is_probationary,
            record_dates,
            entry_order,
        )
            .all()?;
        let approval = if entry == MemberEventKind::Admission {
            clean(input.over_age_decision.as_deref()).unwrap_or_default()
        } else {
            String::new()
        };
        Ok(Entry {
            person,
            admitted_on,
            official_on,
            entry,
            entry_on,
            org_code,
            decision,
            card: clean(input.card_number.as_deref()),
            record_number: clean(input.record_number.as_deref()),
            approval,
        })
    }

    /// The membership, its first period and its first event, in the cell `org_id`.
    pub(super) fn rows(&self, org_id: &OrgId) -> (MembershipRow, PeriodRow, MembershipEventRow) {
        let status = match (self.entry, self.official_on) {
            (MemberEventKind::TransferIn, Some(_)) => MemberStatus::Official,
            _ => MemberStatus::Probationary,
        };
        let m = MembershipRow {
            id: new_id().into(),
            person_id: self.person.id.clone(),
            card_number: self.card.clone(),
            record_number: self.record_number.clone(),
            admitted_on: self.admitted_on,
            official_on: self.official_on,
            status,
            org_id: org_id.clone(),
            last_event_on: self.entry_on,
            created_at: now(),
            updated_at: now(),
        };
        let period = PeriodRow {
            id: new_id(),
            membership_id: m.id.clone(),
            org_id: org_id.clone(),
            status,
            valid_from: self.entry_on,
            valid_to: None,
        };
        let event = MembershipEventRow {
            id: new_id(),
            membership_id: m.id.clone(),
            kind: self.entry,
            occurred_on: self.entry_on,
            decision_number: self.decision.clone(),
            from_org_id: None,
            to_org_id: Some(org_id.clone()),
            status_after: status,
            note: String::new(),
            created_at: now(),
            ground: None,
            approval: self.approval.clone(),
            record_cleared_on: None,
        };
        (m, period, event)
    }
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Imported {
    pub members: usize,
    /// The memberships entered, in the order of the rows.
    pub ids: Vec<MembershipId>,
}

impl Tx<'_> {
    /// Enters a member in the register: a new admission (probationary) or a member arriving
    /// by transfer. Writes the person, the membership, its first event and period.
    pub fn create_member(&mut self, actor: &Actor, input: MemberInput) -> AppResult<MemberSummary> {
        let conn = &mut *self.conn;
        access::scope(actor, Permission::WriteMembers)?;
        let entry = Entry::check(&input)?;
        let cell = cell_on(conn, "org_code", &entry.org_code, entry.entry_on)?;
        let grant = access::org(conn, actor, Permission::WriteMembers, &cell)?;
        check_unique(conn, &entry.person, entry.card.as_deref(), None)?;
        let (m, period, event) = entry.rows(grant.org_id());
        let person = entry.person;
        store::insert_person(conn, &person)?;
        store::insert_membership(conn, &m)?;
        store::insert_period(conn, &period)?;
        store::insert_event(conn, &event)?;
        audit::record(conn, actor, "create", "membership", &m.id, audit::NONE, Some(&(&person, &m)))?;
        Ok(summary(&person, &m, cell.org.code.clone(), cell.version.name.clone()))
    }

    /// Enters many members at once (imports, generated registers): the same rules as
    /// [`Tx::create_member`] for each, card numbers and CCCDs unique across the batch and the
    /// register, then every table written in multi-row inserts (issue 9.4). All or nothing: a
    /// refused row refuses the batch, its message led by the row's number (from 1).
    pub fn import_members(&mut self, actor: &Actor, inputs: &[MemberInput]) -> AppResult<Imported> {
        let conn = &mut *self.conn;
        access::scope(actor, Permission::WriteMembers)?;
        let row = |i: usize, e: AppError| e.prefixed(&format!("Dòng {}: ", i + 1));
        // The cells already found, by code, with the span of the version found: the next row
        // in the same cell and span needs no query.
        let mut cells: HashMap<String, (OrgId, chrono::NaiveDate, Option<chrono::NaiveDate>)> =
            HashMap::new();
        let (mut persons, mut memberships, mut periods, mut events) = (vec![], vec![], vec![], vec![]);
        let (mut cards, mut cccds) = (HashSet::new(), HashSet::new());
        for (i, input) in inputs.iter().enumerate() {
            let entry = Entry::check(input).map_err(|e| row(i, e))?;
            let on = entry.entry_on;
            let known = cells
                .get(&entry.org_code)
                .filter(|(_, from, to)| *from <= on && to.is_none_or(|t| on < t))
                .map(|(id, _, _)| id.clone());
            let org_id = match known {
                Some(id) => id,
                None => {
                    let cell = cell_on(conn, "org_code", &entry.org_code, on).map_err(|e| row(i, e))?;
                    let grant =
                        access::org(conn, actor, Permission::WriteMembers, &cell).map_err(|e| row(i, e))?;
                    let span = (grant.org_id().clone(), cell.version.valid_from, cell.version.valid_to);
                    cells.insert(entry.org_code.clone(), span);
                    grant.org_id().clone()
                }
            };
            let twice = |field: &'static str, what: &str| {
                row(
                    i,
                    AppError::field(field, format!("{what} trùng với một dòng trước trong cùng lần nhập.")),
                )
            };
            if let Some(c) = &entry.card
                && !cards.insert(c.clone())
            {
                return Err(twice("card_number", &format!("Số thẻ đảng viên {c}")));
            }
            if let Some(c) = &entry.person.cccd
                && !cccds.insert(c.clone())
            {
                return Err(twice("cccd", "Số CCCD"));
            }
            let (m, period, event) = entry.rows(&org_id);
            persons.push(entry.person);
            memberships.push(m);
            periods.push(period);
            events.push(event);
        }
        let cards: Vec<String> = cards.into_iter().collect();
        if let Some(c) = store::cards_taken(conn, &cards)?.first() {
            return Err(AppError::field("card_number", format!("Số thẻ đảng viên {c} đã có trong sổ.")));
        }
        let cccds: Vec<String> = cccds.into_iter().collect();
        if !store::cccds_taken(conn, &cccds)?.is_empty() {
            return Err(AppError::field("cccd", "Một số CCCD trong lần nhập đã có trong sổ."));
        }
        store::insert_members(conn, &persons, &memberships, &periods, &events)?;
        let count = memberships.len();
        // One trail row per import, naming every membership it entered.
        let ids: Vec<&MembershipId> = memberships.iter().map(|m| &m.id).collect();
        let first = ids.first().map_or("", |id| id.as_str());
        audit::record(conn, actor, "import", "membership", first, audit::NONE, Some(&ids))?;
        Ok(Imported { members: count, ids: memberships.into_iter().map(|m| m.id).collect() })
    }

    /// Corrects a member's personal data and card numbers; status changes go through events.
    pub fn update_member(
        &mut self,
        actor: &Actor,
        id: &MembershipId,
        input: MemberInput,
    ) -> AppResult<MemberSummary> {
        let conn = &mut *self.conn;
        let edited = person_fields(&input, PersonId::from(String::new()))?;
        {
            let mut m = store::membership(conn, id)?.ok_or_else(|| AppError::NotFound("đảng viên".into()))?;
            let unit = member_org(conn, &m)?;
            access::org(conn, actor, Permission::WriteMembers, &unit)?;
            let before_person =
                store::person(conn, &m.person_id)?.ok_or_else(|| AppError::NotFound("hồ sơ".into()))?;
            let before_m = m.clone();
            let person = PersonRow {
                id: before_person.id.clone(),
                created_at: before_person.created_at,
                ..edited.clone()
            };
            let mut found =
                rules::check_record_dates(person.born_on, Some(m.admitted_on), m.official_on, crate::today());
            found.retain(|v| v.field == Some("born_on") || v.field == Some("admitted_on"));
            input::rules(found)?;
            let card = clean(input.card_number.as_deref());
            check_unique(conn, &person, card.as_deref(), Some(m.id.as_str()))?;
            store::update_person(conn, &person)?;
            m.card_number = card;
            m.record_number = clean(input.record_number.as_deref());
            m.updated_at = now();
            store::update_membership(conn, &m)?;
            audit::record(
                conn,
                actor,
                "update",
                "membership",
                &m.id,
                Some(&(&before_person, &before_m)),
                Some(&(&person, &m)),
            )?;
            let org = coso_store::orgs::by_id(conn, &m.org_id)?.map(|o| o.code).unwrap_or_default();
            let org_name = name_of(conn, &m.org_id, crate::today())?.unwrap_or_default();
            Ok(summary(&person, &m, org, org_name))
        }
    }
}
