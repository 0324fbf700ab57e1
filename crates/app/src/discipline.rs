//! Inspection, supervision and discipline (domain.md §9, issue 10): the cases a committee
//! holds about a unit or member of its subtree, and its discipline decisions. A form the
//! subject may not receive, or one beyond the deciding body's competence, is refused with its
//! citation; an expulsion ends the membership through the lifecycle.
use chrono::NaiveDate;
use coso_domain::Violation;
use coso_domain::access::Permission;
use coso_domain::discipline::{self as rules, DisciplineForm, DisciplineSubject, InspectionKind};
use coso_domain::id::MembershipId;
use coso_domain::member::MemberStatus;
use coso_domain::org::in_subtree;
use coso_store::discipline::{self as store, DisciplineRow, InspectionRow};
use coso_store::orgs::OrgAt;
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use crate::input::{All, chosen, optional_date, past_date, required_date, required_text, rule};
use crate::orgs::{name_of, org_by_id_on, org_on};
use crate::{Actor, App, AppError, AppResult, Tx, access, audit};

/// An inspection or supervision case to open.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct InspectionInput {
    /// `regular`, `thematic`, `signs_of_violation` or `supervision`.
    pub kind: String,
    /// The organization inspected (for a member: their cell is found from the record).
    pub org_code: String,
    pub membership_id: Option<String>,
    /// The committee that holds the case.
    pub by_org_code: String,
    pub period_from: String,
    pub period_to: String,
    pub findings: String,
    pub conclusion: String,
    pub follow_up: String,
    pub concluded_on: Option<String>,
}

/// A discipline decision to record: about an organization (`org_code`) or a member
/// (`membership_id`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DisciplineInput {
    pub org_code: Option<String>,
    pub membership_id: Option<String>,
    /// `reprimand`, `warning`, `dismissal`, `expulsion` or `dissolution`.
    pub form: String,
    pub decided_on: String,
    pub by_org_code: String,
    pub document: String,
    pub reason: String,
    /// The violation was found and remedied by the subject first (124-QĐ/TW).
    pub self_detected: bool,
    pub inspection_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InspectionView {
    pub id: String,
    pub kind_label: String,
    pub subject: String,
    pub by_org: String,
    #[schema(value_type = String, format = Date)]
    pub period_from: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub period_to: NaiveDate,
    pub findings: String,
    pub conclusion: String,
    pub follow_up: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub concluded_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DisciplineView {
    pub id: String,
    pub subject: String,
    pub form_label: String,
    #[schema(value_type = String, format = Date)]
    pub decided_on: NaiveDate,
    pub by_org: String,
    pub document: String,
    pub reason: String,
    pub self_detected: bool,
}

/// The cases and decisions in the actor's scope.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Cases {
    pub inspections: Vec<InspectionView>,
    pub disciplines: Vec<DisciplineView>,
    pub can_write: bool,
}

/// A member's name with their cell's, as the lists show a subject.
fn member_subject(conn: &mut DbConnection, id: &MembershipId, org_name: &str) -> AppResult<String> {
    let name = coso_store::members::membership(conn, id)?
        .map(|m| coso_store::members::person(conn, &m.person_id))
        .transpose()?
        .flatten()
        .map_or_else(|| id.to_string(), |p| p.full_name);
    Ok(format!("Đồng chí {name} ({org_name})"))
}

fn inspection_view(conn: &mut DbConnection, r: InspectionRow) -> AppResult<InspectionView> {
    let org_name = name_of(conn, &r.org_id, r.period_to)?.unwrap_or_default();
    let subject = match &r.membership_id {
        Some(id) => member_subject(conn, id, &org_name)?,
        None => org_name,
    };
    Ok(InspectionView {
        kind_label: r.kind.label().into(),
        by_org: name_of(conn, &r.by_org_id, r.period_to)?.unwrap_or_default(),
        subject,
        id: r.id,
        period_from: r.period_from,
        period_to: r.period_to,
        findings: r.findings,
        conclusion: r.conclusion,
        follow_up: r.follow_up,
        concluded_on: r.concluded_on,
    })
}

fn discipline_view(conn: &mut DbConnection, r: DisciplineRow) -> AppResult<DisciplineView> {
    let org_name = name_of(conn, &r.org_id, r.decided_on)?.unwrap_or_default();
    let subject = match &r.membership_id {
        Some(id) => member_subject(conn, id, &org_name)?,
        None => org_name,
    };
    Ok(DisciplineView {
        form_label: r.form.label().into(),
        by_org: name_of(conn, &r.by_org_id, r.decided_on)?.unwrap_or_default(),
        subject,
        id: r.id,
        decided_on: r.decided_on,
        document: r.document,
        reason: r.reason,
        self_detected: r.self_detected,
    })
}

/// The deciding or inspecting body, with the grant to act for it.
fn body(conn: &mut DbConnection, actor: &Actor, code: &str, on: NaiveDate) -> AppResult<OrgAt> {
    let at = org_on(conn, code, on).map_err(|e| match e {
        AppError::NotFound(what) => AppError::field("by_org_code", format!("Không tìm thấy {what}.")),
        other => other,
    })?;
    access::org(conn, actor, Permission::WriteInspections, &at)?;
    Ok(at)
}

/// A subject must stand in the body's subtree on the day.
fn within(body: &OrgAt, subject: &OrgAt) -> AppResult<()> {
    if in_subtree(&subject.version.path, &body.version.path) {
        return Ok(());
    }
    Err(AppError::invalid(
        Violation::on(
            "by_org_code",
            format!("{} không thuộc phạm vi lãnh đạo của {}.", subject.version.name, body.version.name),
        )
        .cite(rules::COMPETENCE_CITATION),
    ))
}

impl App {
    /// The inspection cases and discipline decisions in the actor's scope, newest first.
    pub fn cases(&self, actor: &Actor) -> AppResult<Cases> {
        let scope = access::scope(actor, Permission::ReadInspections)?;
        let can_write = actor.role.allows(Permission::WriteInspections);
        self.db.read(|conn| {
            let on = crate::today();
            let mut inspections = Vec::new();
            for r in store::inspections_under(conn, scope.path(), on)? {
                inspections.push(inspection_view(conn, r)?);
            }
            let mut disciplines = Vec::new();
            for r in store::disciplines_under(conn, scope.path(), on)? {
                disciplines.push(discipline_view(conn, r)?);
            }
            Ok(Cases { inspections, disciplines, can_write })
        })
    }

    pub fn open_inspection(&self, actor: &Actor, input: InspectionInput) -> AppResult<InspectionView> {
        self.transaction(|tx| tx.open_inspection(actor, input))
    }

    pub fn decide_discipline(&self, actor: &Actor, input: DisciplineInput) -> AppResult<DisciplineView> {
        self.transaction(|tx| tx.decide_discipline(actor, input))
    }
}

impl Tx<'_> {
    /// Opens an inspection or supervision case held by `by_org_code` about a unit or member
    /// of its subtree.
    pub fn open_inspection(&mut self, actor: &Actor, input: InspectionInput) -> AppResult<InspectionView> {
        let conn = &mut *self.conn;
        let (kind, from, to, findings, concluded_on) = (
            chosen(
                "kind",
                "Cần chọn loại cuộc kiểm tra, giám sát.",
                InspectionKind::from_code(input.kind.trim()),
            ),
            required_date("period_from", "ngày bắt đầu", &input.period_from),
            required_date("period_to", "ngày kết thúc", &input.period_to),
            required_text("findings", "nội dung, kết quả kiểm tra", &input.findings),
            optional_date("concluded_on", "ngày kết luận", input.concluded_on.as_deref()),
        )
            .all()?;
        if to < from {
            return Err(AppError::field("period_to", "Ngày kết thúc không được trước ngày bắt đầu."));
        }
        let by = body(conn, actor, &input.by_org_code, to)?;
        let (org, membership_id) =
            match input.membership_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(id) => {
                    let id = MembershipId::from(id);
                    let period = coso_store::members::period_on(conn, &id, to)?.ok_or_else(|| {
                        AppError::field("membership_id", "Không tìm thấy đảng viên vào thời gian này.")
                    })?;
                    (org_by_id_on(conn, &period.org_id, to)?, Some(id))
                }
                None => (org_on(conn, &input.org_code, to)?, None),
            };
        within(&by, &org)?;
        let row = InspectionRow {
            id: new_id(),
            kind,
            org_id: org.org.id.clone(),
            membership_id,
            by_org_id: by.org.id.clone(),
            period_from: from,
            period_to: to,
            findings,
            conclusion: input.conclusion.trim().to_string(),
            follow_up: input.follow_up.trim().to_string(),
            concluded_on,
            created_at: now(),
        };
        store::insert_inspection(conn, &row)?;
        audit::record(conn, actor, "inspection.open", "inspection", &row.id, None::<&()>, Some(&row))?;
        inspection_view(conn, row)
    }

    /// Records a discipline decision; refuses a form the subject may not receive or one the
    /// body may not decide, and ends an expelled member's membership.
    pub fn decide_discipline(&mut self, actor: &Actor, input: DisciplineInput) -> AppResult<DisciplineView> {
        let conn = &mut *self.conn;
        let (form, on, document, reason) = (
            chosen("form", "Cần chọn hình thức kỷ luật.", DisciplineForm::from_code(input.form.trim())),
            past_date("decided_on", "ngày quyết định", &input.decided_on),
            required_text("document", "số quyết định", &input.document),
            required_text("reason", "nội dung vi phạm", &input.reason),
        )
            .all()?;
        let by = body(conn, actor, &input.by_org_code, on)?;
        let member = input.membership_id.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let org_code = input.org_code.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let (subject, org, mut membership) = match (member, org_code) {
            (Some(id), None) => {
                let m = coso_store::members::membership(conn, &MembershipId::from(id))?
                    .ok_or_else(|| AppError::field("membership_id", "Không tìm thấy đảng viên."))?;
                let period = coso_store::members::period_on(conn, &m.id, on)?.ok_or_else(|| {
                    AppError::field(
                        "membership_id",
                        "Đảng viên không có trong danh sách vào ngày quyết định.",
                    )
                })?;
                let subject = match period.status {
                    MemberStatus::Official | MemberStatus::Exempted => DisciplineSubject::OfficialMember,
                    MemberStatus::Probationary => DisciplineSubject::ProbationaryMember,
                    other => {
                        return Err(AppError::field(
                            "membership_id",
                            format!(
                                "Đảng viên đang ở trạng thái «{}»: không thi hành kỷ luật.",
                                other.label()
                            ),
                        ));
                    }
                };
                (subject, org_by_id_on(conn, &period.org_id, on)?, Some(m))
            }
            (None, Some(code)) => (DisciplineSubject::Organization, org_on(conn, code, on)?, None),
            _ => {
                return Err(AppError::field(
                    "membership_id",
                    "Cần chọn một đối tượng: một đảng viên hoặc một tổ chức đảng.",
                ));
            }
        };
        within(&by, &org)?;
        // An expulsion ends the membership: the register's grant too.
        if form == DisciplineForm::Expulsion {
            access::org(conn, actor, Permission::WriteMembers, &org)?;
        }
        let own = by.org.id == org.org.id;
        (
            rule(rules::check_form(subject, form)),
            rule(rules::check_competence(subject, form, by.version.kind, own)),
        )
            .all()?;
        let inspection_id = match input.inspection_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(id) => {
                let case = store::inspection(conn, id)?
                    .ok_or_else(|| AppError::field("inspection_id", "Không tìm thấy cuộc kiểm tra."))?;
                within(&by, &org_by_id_on(conn, &case.org_id, case.period_to)?)?;
                Some(case.id)
            }
            None => None,
        };
        let row = DisciplineRow {
            id: new_id(),
            org_id: org.org.id.clone(),
            membership_id: membership.as_ref().map(|m| m.id.clone()),
            form,
            decided_on: on,
            by_org_id: by.org.id.clone(),
            document,
            reason,
            self_detected: input.self_detected,
            inspection_id,
            created_at: now(),
        };
        store::insert_discipline(conn, &row)?;
        audit::record(conn, actor, "discipline.decide", "discipline", &row.id, None::<&()>, Some(&row))?;
        if let (DisciplineForm::Expulsion, Some(m)) = (form, membership.as_mut()) {
            crate::members::lifecycle::expel(conn, actor, m, on, &row.document)?;
        }
        discipline_view(conn, row)
    }
}
