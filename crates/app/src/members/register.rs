//! Entering members in the register and correcting their records.
use coso_domain::access::Permission;
use coso_domain::member::{self as rules, MemberEventKind, MemberStatus, Sex};
use coso_domain::{Violation, text};
use coso_store::members::{self as store, MembershipEventRow, MembershipRow, PeriodRow, PersonRow};
use coso_store::{DbConnection, new_id, now};

use crate::access;
use crate::error::check_all;
use crate::input::{optional_date, required_date, required_text};
use crate::orgs::name_of;
use crate::{Actor, App, AppError, AppResult, Tx, audit};

use super::{MemberInput, MemberSummary, cell_on, clean, member_org, summary};

/// Validated person fields; pushes every problem it finds.
fn person_fields(input: &MemberInput, id: String, found: &mut Vec<Violation>) -> Option<PersonRow> {
    let full_name = required_text("full_name", "họ và tên", &input.full_name, found);
    let born_on = required_date("born_on", "ngày sinh", &input.born_on, found);
    let sex = Sex::from_code(input.sex.trim());
    if sex.is_none() {
        found.push(Violation::on("sex", "Cần chọn giới tính."));
    }
    let cccd = clean(input.cccd.as_deref());
    if let Some(c) = &cccd
        && let Err(v) = rules::check_cccd(c)
    {
        found.push(v);
    }
    let stamp = now();
    Some(PersonRow {
        id,
        name_folded: text::fold(&full_name),
        full_name,
        birth_name: clean(input.birth_name.as_deref()),
        born_on: born_on?,
        sex: sex?.code().into(),
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
        && store::cccd_taken(conn, c, Some(&person.id))?
    {
        found.push(Violation::on("cccd", "Số CCCD này đã có trong sổ."));
    }
    check_all(found)
}

impl App {
    /// Enters a member in the register: a new admission (probationary) or a member arriving
    /// by transfer. Writes the person, the membership, its first event and period.
    pub fn create_member(&self, actor: &Actor, input: MemberInput) -> AppResult<MemberSummary> {
        self.transaction(|tx| tx.create_member(actor, input))
    }

    /// Corrects a member's personal data and card numbers; status changes go through events.
    pub fn update_member(&self, actor: &Actor, id: &str, input: MemberInput) -> AppResult<MemberSummary> {
        self.transaction(|tx| tx.update_member(actor, id, input))
    }
}

impl Tx<'_> {
    /// Enters a member in the register: a new admission (probationary) or a member arriving
    /// by transfer. Writes the person, the membership, its first event and period.
    pub fn create_member(&mut self, actor: &Actor, input: MemberInput) -> AppResult<MemberSummary> {
        let conn = &mut *self.conn;
        access::scope(actor, Permission::WriteMembers)?;
        let today = crate::today();
        let mut found = Vec::new();
        let person = person_fields(&input, new_id(), &mut found);
        let admitted_on = required_date("admitted_on", "ngày vào Đảng", &input.admitted_on, &mut found);
        let official_on =
            optional_date("official_on", "Ngày chính thức", input.official_on.as_deref(), &mut found);
        let entry = match input.entry.trim() {
            "" | "admission" => MemberEventKind::Admission,
            "transfer_in" => MemberEventKind::TransferIn,
            _ => {
                found.push(Violation::on(
                    "entry",
                    "Cần chọn hình thức: kết nạp mới hoặc chuyển sinh hoạt đến.",
                ));
                MemberEventKind::Admission
            }
        };
        let entry_on = match entry {
            MemberEventKind::TransferIn => required_date(
                "entry_on",
                "ngày chuyển đến",
                input.entry_on.as_deref().unwrap_or(""),
                &mut found,
            ),
            _ => admitted_on,
        };
        if entry == MemberEventKind::Admission && official_on.is_some() {
            found.push(Violation::on(
                "official_on",
                "Đảng viên mới kết nạp là dự bị; ngày chính thức ghi khi công nhận.",
            ));
        }
        let org_code = required_text("org_code", "chi bộ sinh hoạt", &input.org_code, &mut found);
        let decision = required_text("decision_number", "số quyết định", &input.decision_number, &mut found);
        if let Some(p) = &person {
            found.extend(rules::check_record_dates(p.born_on, admitted_on, official_on, today));
            if entry == MemberEventKind::Admission
                && let Some(a) = admitted_on
                && let Err(v) = rules::check_admission_age(p.born_on, a)
            {
                found.push(v);
            }
        }
        if let (Some(e), Some(a)) = (entry_on, admitted_on) {
            if e < a {
                found.push(Violation::on("entry_on", "Ngày chuyển đến phải sau ngày vào Đảng."));
            }
            if e > today {
                found.push(Violation::on("entry_on", "Ngày chuyển đến không thể ở tương lai."));
            }
        }
        check_all(found)?;
        let (Some(person), Some(admitted_on), Some(entry_on)) = (person, admitted_on, entry_on) else {
            return Err(AppError::Internal("validated fields missing".into()));
        };
        let card = clean(input.card_number.as_deref());
        {
            let cell = cell_on(conn, "org_code", &org_code, entry_on)?;
            let grant = access::org(conn, actor, Permission::WriteMembers, &cell)?;
            check_unique(conn, &person, card.as_deref(), None)?;
            store::insert_person(conn, &person)?;
            let status = match (entry, official_on) {
                (MemberEventKind::TransferIn, Some(_)) => MemberStatus::Official,
                _ => MemberStatus::Probationary,
            };
            let m = MembershipRow {
                id: new_id(),
                person_id: person.id.clone(),
                card_number: card.clone(),
                record_number: clean(input.record_number.as_deref()),
                admitted_on,
                official_on,
                status: status.code().into(),
                org_id: grant.org_id().to_string(),
                last_event_on: entry_on,
                created_at: now(),
                updated_at: now(),
            };
            store::insert_membership(conn, &m)?;
            store::insert_period(
                conn,
                &PeriodRow {
                    id: new_id(),
                    membership_id: m.id.clone(),
                    org_id: grant.org_id().to_string(),
                    status: m.status.clone(),
                    valid_from: entry_on,
                    valid_to: None,
                },
            )?;
            store::insert_event(
                conn,
                &MembershipEventRow {
                    id: new_id(),
                    membership_id: m.id.clone(),
                    kind: entry.code().into(),
                    occurred_on: entry_on,
                    decision_number: decision.clone(),
                    from_org_id: None,
                    to_org_id: Some(cell.org.id.clone()),
                    status_after: m.status.clone(),
                    note: String::new(),
                    created_at: now(),
                },
            )?;
            audit::record(conn, actor, "create", "membership", &m.id, audit::NONE, Some(&(&person, &m)))?;
            Ok(summary(&person, &m, cell.org.code.clone(), cell.version.name.clone()))
        }
    }

    /// Corrects a member's personal data and card numbers; status changes go through events.
    pub fn update_member(&mut self, actor: &Actor, id: &str, input: MemberInput) -> AppResult<MemberSummary> {
        let conn = &mut *self.conn;
        let mut found = Vec::new();
        let edited = person_fields(&input, String::new(), &mut found);
        check_all(found)?;
        let Some(edited) = edited else { return Err(AppError::Internal("validated fields missing".into())) };
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
            check_all(found)?;
            let card = clean(input.card_number.as_deref());
            check_unique(conn, &person, card.as_deref(), Some(&m.id))?;
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
