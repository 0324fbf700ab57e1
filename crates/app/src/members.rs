//! Members: the register (list, search, paging), one member's record, admissions and edits,
//! and lifecycle events through the domain's state machine.
use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::member::{self as rules, MemberEventKind, MemberState, MemberStatus, Sex};
use coso_domain::org::OrgKind;
use coso_domain::{Violation, date, text};
use coso_store::members::{
    self as store, MemberFilter, MembershipEventRow, MembershipRow, PeriodRow, PersonRow,
};
use coso_store::orgs::OrgAt;
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use crate::access::authorize;
use crate::error::check_all;
use crate::orgs::{name_of, optional_date, org_on, required_date, required_text};
use crate::{Actor, App, AppError, AppResult, audit};

/// One line of the member register.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MemberSummary {
    /// The membership id: the member's address in coso.
    pub id: String,
    pub person_id: String,
    pub full_name: String,
    #[schema(value_type = String, format = Date)]
    pub born_on: NaiveDate,
    pub sex: String,
    pub sex_label: String,
    pub card_number: Option<String>,
    pub status: String,
    pub status_label: String,
    pub org_code: String,
    pub org_name: String,
    #[schema(value_type = String, format = Date)]
    pub admitted_on: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub official_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MemberPage {
    pub members: Vec<MemberSummary>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

impl MemberPage {
    pub fn pages(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
}

/// A lifecycle event as the member page and API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MemberEventView {
    pub kind: String,
    pub label: String,
    #[schema(value_type = String, format = Date)]
    pub occurred_on: NaiveDate,
    pub decision_number: String,
    pub from_org: Option<String>,
    pub to_org: Option<String>,
    pub status_after_label: String,
    pub note: String,
}

/// Everything the member page shows.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MemberDetail {
    pub summary: MemberSummary,
    pub birth_name: Option<String>,
    pub ethnicity: String,
    pub religion: String,
    pub home_town: String,
    pub residence: String,
    pub education: String,
    pub theory_level: String,
    pub profession: String,
    pub occupation: String,
    pub cccd: Option<String>,
    pub phone: Option<String>,
    pub record_number: Option<String>,
    pub events: Vec<MemberEventView>,
    pub positions: Vec<crate::positions::PositionView>,
    pub can_write: bool,
}

/// The fields of a person and their party record, as the form and the API send them.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MemberInput {
    pub full_name: String,
    #[serde(default)]
    pub birth_name: Option<String>,
    pub born_on: String,
    /// male or female
    pub sex: String,
    #[serde(default)]
    pub ethnicity: String,
    #[serde(default)]
    pub religion: String,
    #[serde(default)]
    pub home_town: String,
    #[serde(default)]
    pub residence: String,
    #[serde(default)]
    pub education: String,
    #[serde(default)]
    pub theory_level: String,
    #[serde(default)]
    pub profession: String,
    #[serde(default)]
    pub occupation: String,
    #[serde(default)]
    pub cccd: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub card_number: Option<String>,
    #[serde(default)]
    pub record_number: Option<String>,
    /// The cell the member is active in (new members only).
    #[serde(default)]
    pub org_code: String,
    pub admitted_on: String,
    #[serde(default)]
    pub official_on: Option<String>,
    /// How the member enters this register: `admission` (new member, probationary) or
    /// `transfer_in` (an existing member arriving). New members only.
    #[serde(default)]
    pub entry: String,
    /// The date the member arrives, for `transfer_in`.
    #[serde(default)]
    pub entry_on: Option<String>,
    #[serde(default)]
    pub decision_number: String,
}

/// A lifecycle event as the form and the API send it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EventInput {
    pub kind: String,
    pub occurred_on: String,
    pub decision_number: String,
    /// The cell the member goes to (internal transfer, re-admission).
    #[serde(default)]
    pub to_org_code: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// What a member list asks for.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MemberQuery {
    #[serde(default)]
    pub q: Option<String>,
    /// Limit to this organization's subtree (within the reader's scope).
    #[serde(default)]
    pub org: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub page: Option<i64>,
    #[serde(default)]
    pub per_page: Option<i64>,
}

fn summary(person: &PersonRow, m: &MembershipRow, org_code: String, org_name: String) -> MemberSummary {
    let sex = Sex::from_code(&person.sex);
    let status = MemberStatus::from_code(&m.status);
    MemberSummary {
        id: m.id.clone(),
        person_id: person.id.clone(),
        full_name: person.full_name.clone(),
        born_on: person.born_on,
        sex: person.sex.clone(),
        sex_label: sex.map(|s| s.label()).unwrap_or("").into(),
        card_number: m.card_number.clone(),
        status: m.status.clone(),
        status_label: status.map(|s| s.label()).unwrap_or("?").into(),
        org_code,
        org_name,
        admitted_on: m.admitted_on,
        official_on: m.official_on,
    }
}

fn clean(input: Option<&str>) -> Option<String> {
    input.map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

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

/// The cell a member can be placed in on a date: it must exist then and hold members.
fn cell_on(conn: &mut DbConnection, field: &'static str, code: &str, on: NaiveDate) -> AppResult<OrgAt> {
    let at = org_on(conn, code, on).map_err(|_| {
        AppError::field(field, format!("Không có tổ chức mã {} vào ngày {}.", code.trim(), date::format(on)))
    })?;
    if !OrgKind::from_code(&at.version.kind).is_some_and(|k| k.holds_members()) {
        return Err(AppError::field(
            field,
            format!("{} không phải chi bộ; đảng viên sinh hoạt ở chi bộ.", at.version.name),
        ));
    }
    Ok(at)
}

/// The path of the organization a membership belongs to today (or last).
fn member_path(conn: &mut DbConnection, m: &MembershipRow) -> AppResult<String> {
    Ok(coso_store::orgs::version_on(conn, &m.org_id, crate::today())?
        .or(coso_store::orgs::latest_version(conn, &m.org_id)?)
        .map(|v| v.path)
        .unwrap_or_default())
}

/// Writes one lifecycle event: checks it with the state machine, updates the record, closes
/// the open period and opens the next.
fn write_event(
    conn: &mut DbConnection,
    m: &mut MembershipRow,
    kind: MemberEventKind,
    on: NaiveDate,
    to: Option<&OrgAt>,
    decision: &str,
    note: &str,
) -> AppResult<MembershipEventRow> {
    let from_status = MemberStatus::from_code(&m.status)
        .ok_or_else(|| AppError::Internal(format!("unknown status {}", m.status)))?;
    let state =
        MemberState { status: from_status, admitted_on: m.admitted_on, last_event_on: m.last_event_on };
    let status = rules::apply_event(&state, kind, on).map_err(AppError::invalid)?;
    let from_org = m.org_id.clone();
    if let Some(to) = to {
        if kind == MemberEventKind::TransferInternal && to.org.id == m.org_id {
            return Err(AppError::field("to_org_code", "Đảng viên đang sinh hoạt ở chính chi bộ này."));
        }
        m.org_id = to.org.id.clone();
    }
    match kind {
        MemberEventKind::Confirmation => m.official_on = Some(on),
        MemberEventKind::Readmission => {
            m.admitted_on = on;
            m.official_on = None;
        }
        _ => {}
    }
    m.status = status.code().into();
    m.last_event_on = on;
    m.updated_at = now();
    store::update_membership(conn, m)?;
    store::close_open_period(conn, &m.id, on)?;
    store::insert_period(
        conn,
        &PeriodRow {
            id: new_id(),
            membership_id: m.id.clone(),
            org_id: m.org_id.clone(),
            status: m.status.clone(),
            valid_from: on,
            valid_to: None,
        },
    )?;
    let row = MembershipEventRow {
        id: new_id(),
        membership_id: m.id.clone(),
        kind: kind.code().into(),
        occurred_on: on,
        decision_number: decision.into(),
        from_org_id: Some(from_org),
        to_org_id: to.map(|t| t.org.id.clone()),
        status_after: m.status.clone(),
        note: note.into(),
        created_at: now(),
    };
    store::insert_event(conn, &row)?;
    Ok(row)
}

/// A member follows their cell when it is merged into another.
pub(crate) fn transfer_for_reorganization(
    conn: &mut DbConnection,
    actor: &Actor,
    m: &mut MembershipRow,
    target: &OrgAt,
    on: NaiveDate,
    decision: &str,
) -> AppResult<()> {
    let before = m.clone();
    write_event(
        conn,
        m,
        MemberEventKind::TransferInternal,
        on,
        Some(target),
        decision,
        "Theo sắp xếp tổ chức",
    )?;
    audit::record(conn, actor, "event.transfer_internal", "membership", &m.id, Some(&before), Some(&*m))
}

impl App {
    /// The register in the actor's scope, filtered and paged, ordered by name.
    pub fn list_members(&self, actor: &Actor, query: &MemberQuery) -> AppResult<MemberPage> {
        authorize(actor, Permission::ReadMembers, None)?;
        let per_page = query.per_page.unwrap_or(25).clamp(1, 200);
        let page = query.page.unwrap_or(1).max(1);
        self.db.read(|conn| {
            let today = crate::today();
            let scope_path = match clean(query.org.as_deref()) {
                Some(code) => {
                    let at = org_on(conn, &code, today)?;
                    authorize(actor, Permission::ReadMembers, Some(&at.version.path))?;
                    at.version.path
                }
                None => actor.scope().to_string(),
            };
            let statuses = match clean(query.status.as_deref()) {
                Some(s) if s == "all" => MemberStatus::ALL.iter().map(|s| s.code().to_string()).collect(),
                Some(s) => vec![s],
                None => Vec::new(),
            };
            let filter = MemberFilter {
                scope_path,
                query: clean(query.q.as_deref()),
                statuses,
                today: Some(today),
                limit: per_page,
                offset: (page - 1) * per_page,
            };
            let (rows, total) = store::list(conn, &filter)?;
            let codes = coso_store::orgs::names_on(
                conn,
                &rows.iter().map(|r| r.membership.org_id.clone()).collect::<Vec<_>>(),
                today,
            )?;
            let members = rows
                .iter()
                .map(|r| {
                    let code = codes
                        .iter()
                        .find(|(id, _, _)| *id == r.membership.org_id)
                        .map(|(_, c, _)| c.clone())
                        .unwrap_or_default();
                    summary(&r.person, &r.membership, code, r.org_name.clone())
                })
                .collect();
            Ok(MemberPage { members, total, page, per_page })
        })
    }

    /// One member's record with events and positions, if in the actor's scope.
    pub fn member_detail(&self, actor: &Actor, id: &str) -> AppResult<MemberDetail> {
        self.db.read(|conn| {
            let m = store::membership(conn, id)?.ok_or_else(|| AppError::NotFound("đảng viên".into()))?;
            let path = member_path(conn, &m)?;
            authorize(actor, Permission::ReadMembers, Some(&path))?;
            let can_write = authorize(actor, Permission::WriteMembers, Some(&path)).is_ok();
            let p = store::person(conn, &m.person_id)?.ok_or_else(|| AppError::NotFound("hồ sơ".into()))?;
            let org = coso_store::orgs::by_id(conn, &m.org_id)?;
            let org_name = name_of(conn, &m.org_id, crate::today())?.unwrap_or_default();
            let mut events = Vec::new();
            for e in store::events(conn, &m.id)? {
                let from_org = match &e.from_org_id {
                    Some(o) if e.to_org_id.is_some() => name_of(conn, o, e.occurred_on)?,
                    _ => None,
                };
                let to_org = match &e.to_org_id {
                    Some(o) => name_of(conn, o, e.occurred_on)?,
                    None => None,
                };
                events.push(MemberEventView {
                    label: MemberEventKind::from_code(&e.kind).map(|k| k.label()).unwrap_or("?").into(),
                    kind: e.kind,
                    occurred_on: e.occurred_on,
                    decision_number: e.decision_number,
                    from_org,
                    to_org,
                    status_after_label: MemberStatus::from_code(&e.status_after)
                        .map(|s| s.label())
                        .unwrap_or("?")
                        .into(),
                    note: e.note,
                });
            }
            let positions = crate::positions::positions_of_person(conn, &p.id)?;
            Ok(MemberDetail {
                summary: summary(&p, &m, org.map(|o| o.code).unwrap_or_default(), org_name),
                birth_name: p.birth_name,
                ethnicity: p.ethnicity,
                religion: p.religion,
                home_town: p.home_town,
                residence: p.residence,
                education: p.education,
                theory_level: p.theory_level,
                profession: p.profession,
                occupation: p.occupation,
                cccd: p.cccd,
                phone: p.phone,
                record_number: m.record_number,
                events,
                positions,
                can_write,
            })
        })
    }

    /// Enters a member in the register: a new admission (probationary) or a member arriving
    /// by transfer. Writes the person, the membership, its first event and period.
    pub fn create_member(&self, actor: &Actor, input: MemberInput) -> AppResult<MemberSummary> {
        self.db.write(|conn| self.create_member_in(conn, actor, input))
    }

    /// The same, inside a transaction the caller holds (the demo loads in one).
    pub(crate) fn create_member_in(
        &self,
        conn: &mut DbConnection,
        actor: &Actor,
        input: MemberInput,
    ) -> AppResult<MemberSummary> {
        authorize(actor, Permission::WriteMembers, None)?;
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
            authorize(actor, Permission::WriteMembers, Some(&cell.version.path))?;
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
                org_id: cell.org.id.clone(),
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
                    org_id: cell.org.id.clone(),
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
    pub fn update_member(&self, actor: &Actor, id: &str, input: MemberInput) -> AppResult<MemberSummary> {
        self.db.write(|conn| self.update_member_in(conn, actor, id, input))
    }

    /// The same, inside a transaction the caller holds (the demo loads in one).
    pub(crate) fn update_member_in(
        &self,
        conn: &mut DbConnection,
        actor: &Actor,
        id: &str,
        input: MemberInput,
    ) -> AppResult<MemberSummary> {
        let mut found = Vec::new();
        let edited = person_fields(&input, String::new(), &mut found);
        check_all(found)?;
        let Some(edited) = edited else { return Err(AppError::Internal("validated fields missing".into())) };
        {
            let mut m = store::membership(conn, id)?.ok_or_else(|| AppError::NotFound("đảng viên".into()))?;
            let path = member_path(conn, &m)?;
            authorize(actor, Permission::WriteMembers, Some(&path))?;
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

    /// Records a lifecycle event; refused with a Vietnamese reason if the statute forbids it.
    pub fn record_member_event(
        &self,
        actor: &Actor,
        id: &str,
        input: EventInput,
    ) -> AppResult<MemberEventView> {
        self.db.write(|conn| self.record_member_event_in(conn, actor, id, input))
    }

    /// The same, inside a transaction the caller holds (the demo loads in one).
    pub(crate) fn record_member_event_in(
        &self,
        conn: &mut DbConnection,
        actor: &Actor,
        id: &str,
        input: EventInput,
    ) -> AppResult<MemberEventView> {
        let mut found = Vec::new();
        let kind = MemberEventKind::from_code(input.kind.trim()).filter(|k| k.follows_existing());
        if kind.is_none() {
            found.push(Violation::on("kind", "Cần chọn loại sự kiện."));
        }
        let on = required_date("occurred_on", "ngày", &input.occurred_on, &mut found);
        crate::orgs::not_future("occurred_on", "Ngày sự kiện", on, &mut found);
        let decision = required_text("decision_number", "số quyết định", &input.decision_number, &mut found);
        let to_code = clean(input.to_org_code.as_deref());
        if kind.is_some_and(|k| k.needs_target_org()) && to_code.is_none() {
            found.push(Violation::on("to_org_code", "Cần chọn chi bộ chuyển đến."));
        }
        check_all(found)?;
        let (Some(kind), Some(on)) = (kind, on) else {
            return Err(AppError::Internal("validated fields missing".into()));
        };
        let note = input.note.unwrap_or_default().trim().to_string();
        {
            let mut m = store::membership(conn, id)?.ok_or_else(|| AppError::NotFound("đảng viên".into()))?;
            let path = member_path(conn, &m)?;
            authorize(actor, Permission::WriteMembers, Some(&path))?;
            let target = match (&to_code, kind.needs_target_org()) {
                (Some(code), true) => {
                    let cell = cell_on(conn, "to_org_code", code, on)?;
                    authorize(actor, Permission::WriteMembers, Some(&cell.version.path))?;
                    Some(cell)
                }
                _ => None,
            };
            let before = m.clone();
            let row = write_event(conn, &mut m, kind, on, target.as_ref(), &decision, &note)?;
            audit::record(
                conn,
                actor,
                &format!("event.{}", kind.code()),
                "membership",
                &m.id,
                Some(&before),
                Some(&m),
            )?;
            Ok(MemberEventView {
                kind: row.kind,
                label: kind.label().into(),
                occurred_on: on,
                decision_number: row.decision_number,
                from_org: None,
                to_org: target.map(|t| t.version.name),
                status_after_label: MemberStatus::from_code(&m.status)
                    .map(|s| s.label())
                    .unwrap_or("?")
                    .into(),
                note: row.note,
            })
        }
    }

    /// The events of a member (API).
    pub fn member_events(&self, actor: &Actor, id: &str) -> AppResult<Vec<MemberEventView>> {
        Ok(self.member_detail(actor, id)?.events)
    }
}
