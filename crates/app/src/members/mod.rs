//! Members: the register (list, search, paging) and one member's record; entering and
//! editing members lives in `register`, lifecycle events in `lifecycle`.
use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::id::{MembershipId, PersonId};
use coso_domain::member::{MemberEventKind, MemberStatus};
use coso_store::DbConnection;
use coso_store::members::{self as store, MemberFilter, MembershipRow, PersonRow};
use coso_store::orgs::OrgAt;
use serde::{Deserialize, Serialize};

use crate::access;
use crate::orgs::{name_of, org_on};
use crate::{Actor, App, AppError, AppResult};

mod book;
mod import;
pub(crate) mod lifecycle;
mod reconcile;
mod register;

pub use book::{BookFile, BookFormat, MAX_UPLOAD_BYTES, RegisterUnit, check_upload};
pub use import::{Change, ImportReport, PreviewLine, RowError, Verdict};
pub use reconcile::{Difference, ExplainInput, OneSide, Reconciliation};

pub(crate) use lifecycle::transfer_for_reorganization;

/// One line of the member register.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MemberSummary {
    /// The membership id: the member's address in coso.
    #[schema(value_type = String)]
    pub id: coso_domain::id::MembershipId,
    #[schema(value_type = String)]
    pub person_id: coso_domain::id::PersonId,
    pub full_name: String,
    #[schema(value_type = String, format = Date)]
    pub born_on: NaiveDate,
    #[schema(value_type = String)]
    pub sex: coso_domain::member::Sex,
    pub sex_label: String,
    pub card_number: Option<String>,
    #[schema(value_type = String)]
    pub status: MemberStatus,
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
    /// `total` is a floor: a name many members share is counted up to 1,000 only, and the
    /// pages run on while they are full.
    pub total_capped: bool,
    pub page: i64,
    pub per_page: i64,
    /// The cursor of the next page (`after`), when there is one: its cost does not grow with
    /// how far down the list it is.
    pub next_after: Option<String>,
}

impl MemberPage {
    pub fn pages(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }

    /// Whether a page follows this one.
    pub fn has_next(&self) -> bool {
        if self.total_capped { self.next_after.is_some() } else { self.page < self.pages() }
    }
}

/// A lifecycle event as the member page and API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MemberEventView {
    #[schema(value_type = String)]
    pub kind: MemberEventKind,
    pub label: String,
    #[schema(value_type = String, format = Date)]
    pub occurred_on: NaiveDate,
    pub decision_number: String,
    pub from_org: Option<String>,
    pub to_org: Option<String>,
    pub status_after_label: String,
    pub note: String,
    /// Why the member left, in words, when recorded.
    pub ground: Option<String>,
    /// The higher body's written consent or decision the event rests on.
    pub approval: String,
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
    /// The classes the person took, newest first.
    pub training: Vec<crate::training::HistoryLine>,
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
    /// An admission over 60: the decision of the committee directly under the Central Committee
    /// (Quy định 24-QĐ/TW, mục 1.1.2).
    #[serde(default)]
    pub over_age_decision: Option<String>,
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
    /// Why the member leaves (removal, expulsion, withdrawal): a `LeavingGround` code, or none.
    #[serde(default)]
    pub ground: Option<String>,
    /// A re-admission: the provincial standing committee's written consent (its number).
    #[serde(default)]
    pub approval: Option<String>,
    /// A re-admission after a less serious crime: the day the record was cleared.
    #[serde(default)]
    pub record_cleared_on: Option<String>,
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
    /// The page after this member (`next_after` of the previous page); `page` then only
    /// numbers it.
    #[serde(default)]
    pub after: Option<String>,
}

fn summary(person: &PersonRow, m: &MembershipRow, org_code: String, org_name: String) -> MemberSummary {
    MemberSummary {
        id: m.id.clone(),
        person_id: person.id.clone(),
        full_name: person.full_name.clone(),
        born_on: person.born_on,
        sex: person.sex,
        sex_label: person.sex.label().into(),
        card_number: m.card_number.clone(),
        status: m.status,
        status_label: m.status.label().into(),
        org_code,
        org_name,
        admitted_on: m.admitted_on,
        official_on: m.official_on,
    }
}

fn clean(input: Option<&str>) -> Option<String> {
    input.map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

/// The person a form names, by person id or by membership id (forms list members, the API
/// may send either).
pub(crate) fn person_of(conn: &mut DbConnection, given: &str) -> AppResult<Option<PersonId>> {
    if let Some(p) = store::person(conn, &PersonId::from(given))? {
        return Ok(Some(p.id));
    }
    Ok(store::membership(conn, &MembershipId::from(given))?.map(|m| m.person_id))
}

/// The organization a membership belongs to, as it stands today (or last stood).
fn member_org(conn: &mut DbConnection, m: &MembershipRow) -> AppResult<OrgAt> {
    crate::orgs::org_by_id_on(conn, &m.org_id, crate::today())
}

/// The last page a list may ask for: 200 members a page over it is more than the country's
/// party (about 5.2 million members, domain.md §11), and the offset stays far inside i64.
const MAX_PAGE: i64 = 100_000;

impl App {
    /// The register in the actor's scope, filtered and paged, ordered by name.
    pub fn list_members(&self, actor: &Actor, query: &MemberQuery) -> AppResult<MemberPage> {
        let scope = access::scope(actor, Permission::ReadMembers)?;
        let per_page = query.per_page.unwrap_or(25).clamp(1, 200);
        let page = query.page.unwrap_or(1);
        if !(1..=MAX_PAGE).contains(&page) {
            return Err(AppError::field("page", format!("Số trang phải từ 1 đến {MAX_PAGE}.")));
        }
        self.db.read(|conn| {
            let today = crate::today();
            let scope_path = match clean(query.org.as_deref()) {
                Some(code) => {
                    let at = org_on(conn, &code, today)?;
                    access::org(conn, actor, Permission::ReadMembers, &at)?.path().to_string()
                }
                None => scope.path().to_string(),
            };
            let statuses = match clean(query.status.as_deref()) {
                Some(s) if s == "all" => MemberStatus::ALL.to_vec(),
                Some(s) => vec![MemberStatus::from_code(&s).ok_or_else(|| {
                    AppError::field("status", format!("Không có trạng thái đảng viên «{s}»."))
                })?],
                None => Vec::new(),
            };
            let filter = MemberFilter {
                scope_path,
                query: clean(query.q.as_deref()),
                statuses,
                today: Some(today),
                limit: per_page,
                offset: (page - 1) * per_page,
                after: clean(query.after.as_deref()).map(MembershipId::from),
            };
            let store::MemberList { rows, total, capped } = store::list(conn, &filter)?;
            let members = rows
                .iter()
                .map(|r| summary(&r.person, &r.membership, r.org_code.clone(), r.org_name.clone()))
                .collect();
            let shown_to = (page - 1) * per_page + rows.len() as i64;
            let next_after = (rows.len() as i64 == per_page && (capped || shown_to < total))
                .then(|| rows.last().map(|r| r.membership.id.to_string()))
                .flatten();
            Ok(MemberPage { members, total, total_capped: capped, page, per_page, next_after })
        })
    }

    /// One member's record with events and positions, if in the actor's scope.
    pub fn member_detail(&self, actor: &Actor, id: &MembershipId) -> AppResult<MemberDetail> {
        let detail = self.db.read(|conn| -> AppResult<MemberDetail> {
            let m = store::membership(conn, id)?.ok_or_else(|| AppError::NotFound("đảng viên".into()))?;
            let unit = member_org(conn, &m)?;
            access::org(conn, actor, Permission::ReadMembers, &unit)?;
            let can_write = access::can(conn, actor, Permission::WriteMembers, &unit)?;
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
                    label: e.kind.label().into(),
                    kind: e.kind,
                    occurred_on: e.occurred_on,
                    decision_number: e.decision_number,
                    from_org,
                    to_org,
                    status_after_label: e.status_after.label().into(),
                    note: e.note,
                    ground: e.ground.map(|g| g.label().into()),
                    approval: e.approval,
                });
            }
            let positions = crate::positions::positions_of_person(conn, &p.id)?;
            let training = crate::training::history_of(conn, &p.id)?;
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
                training,
                can_write,
            })
        })?;
        // Each view of a member's record is logged: who, when, which (issue 7, personal data).
        self.log_access(actor, "view", "membership", id.as_str())?;
        Ok(detail)
    }

    /// The events of a member (API).
    pub fn member_events(&self, actor: &Actor, id: &MembershipId) -> AppResult<Vec<MemberEventView>> {
        Ok(self.member_detail(actor, id)?.events)
    }
}
