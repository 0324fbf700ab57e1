//! Cell meetings as their minutes state them: recording and editing a meeting with its
//! absentees and the superiors who came, and reading them back. Compliance with the meeting
//! rules lives in `compliance`, superior attendance and quotas in `superiors`, files in `files`.
mod compliance;
pub mod files;
mod lengths;
mod record;
mod superiors;

pub use compliance::{CellReport, ComplianceReport, MonthPoint};
pub use lengths::{CellLengthInput, CellLengthView};
pub use record::{
    AbsenceInput, DeleteMeetingInput, DeletedMeetingView, ImportedMeetings, MeetingInput, MinutesText,
    SuperiorInput,
};
pub use superiors::{
    AssignmentInput, AssignmentView, CellSuperiors, QuotaPolicyInput, QuotaView, SuperiorReport,
};

use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::id::{MeetingId, OrgId};
use coso_domain::meeting::{self as rules, MeetingKind};
use coso_store::DbConnection;
use coso_store::meetings::{self as store, Eligible, MeetingHead, MeetingRow};
use coso_store::orgs::OrgAt;
use serde::Serialize;

use crate::access;
use crate::orgs::cell_on;
use crate::{Actor, App, AppError, AppResult};

/// One line of a cell's meeting register.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MeetingSummary {
    #[schema(value_type = String)]
    pub id: coso_domain::id::MeetingId,
    pub org_code: String,
    pub org_name: String,
    #[schema(value_type = String)]
    pub kind: MeetingKind,
    pub kind_label: String,
    #[schema(value_type = String, format = Date)]
    pub held_on: NaiveDate,
    pub starts_at: String,
    pub duration_minutes: i32,
    pub invited: i64,
    pub present: i64,
    pub absent: i64,
    pub topic: String,
    /// Shorter than the guideline in force requires.
    pub too_short: bool,
}

impl MeetingSummary {
    /// The minutes' title as the minutes book writes it.
    pub fn minutes_title(&self) -> String {
        let month =
            format!("{}/{}", chrono::Datelike::month(&self.held_on), chrono::Datelike::year(&self.held_on));
        match self.kind {
            MeetingKind::Thematic => format!("BIÊN BẢN SINH HOẠT CHUYÊN ĐỀ THÁNG {month}"),
            MeetingKind::Combined => {
                format!("BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ KẾT HỢP CHUYÊN ĐỀ THÁNG {month}")
            }
            MeetingKind::Extraordinary => {
                format!(
                    "BIÊN BẢN SINH HOẠT CHI BỘ BẤT THƯỜNG NGÀY {}",
                    coso_domain::date::format(self.held_on)
                )
            }
            _ => format!("BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG {month}"),
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AbsentView {
    #[schema(value_type = String)]
    pub member_id: coso_domain::id::MembershipId,
    pub full_name: String,
    pub with_reason: bool,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SuperiorView {
    #[schema(value_type = String)]
    pub person_id: coso_domain::id::PersonId,
    pub full_name: String,
    /// Whether the person was assigned to follow this cell on the day.
    pub assigned: bool,
    pub remarks: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EligibleView {
    #[schema(value_type = String)]
    pub member_id: coso_domain::id::MembershipId,
    pub full_name: String,
    #[schema(value_type = String)]
    pub status: coso_domain::member::MemberStatus,
}

impl From<Eligible> for EligibleView {
    fn from(e: Eligible) -> Self {
        EligibleView { member_id: e.membership_id, full_name: e.full_name, status: e.status }
    }
}

/// Everything the meeting page shows.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MeetingDetail {
    pub summary: MeetingSummary,
    #[serde(flatten)]
    pub minutes: MinutesText,
    #[schema(value_type = Option<String>, format = Date)]
    pub notice_sent_on: Option<NaiveDate>,
    pub notice_to_superior: bool,
    pub absences: Vec<AbsentView>,
    pub superiors: Vec<SuperiorView>,
    /// The members invited on the day (on the roll, not exempted).
    pub eligible: Vec<EligibleView>,
    /// What deserves a second look, e.g. a superior who was not assigned to the cell.
    pub flags: Vec<String>,
    /// The committee above the cell on the day, for the minutes' header.
    pub superior_org: String,
    /// The place of the date line: the city of the root committee ("Lạng Sơn").
    pub place: String,
    pub can_write: bool,
}

/// A meeting as lists show it; `lengths` are those its cell's committee set (42-HD/BTCTW).
pub(crate) fn summary(
    m: &MeetingHead,
    org_code: &str,
    org_name: &str,
    absent: i64,
    lengths: &[rules::CellLength],
) -> MeetingSummary {
    let too_short =
        rules::required_length(m.held_on, m.kind, lengths).is_some_and(|r| m.duration_minutes < r.minutes);
    MeetingSummary {
        id: m.id.clone(),
        org_code: org_code.into(),
        org_name: org_name.into(),
        kind: m.kind,
        kind_label: m.kind.label().into(),
        held_on: m.held_on,
        starts_at: m.starts_at.clone(),
        duration_minutes: m.duration_minutes,
        invited: i64::from(m.invited),
        present: rules::present(i64::from(m.invited), absent),
        absent,
        topic: m.topic.clone(),
        too_short,
    }
}

/// The lengths set for one cell, as the rules read them.
pub(crate) fn lengths_of(conn: &mut DbConnection, org_id: &OrgId) -> AppResult<Vec<rules::CellLength>> {
    Ok(store::cell_lengths_of(conn, std::slice::from_ref(org_id))?.iter().map(|l| l.rule()).collect())
}

/// The lengths that can judge a meeting held on `on`: none are read where the guideline in
/// force lets no cell have its own (before 42-HD/BTCTW), which spares the query.
pub(crate) fn lengths_for(
    conn: &mut DbConnection,
    org_id: &OrgId,
    on: NaiveDate,
) -> AppResult<Vec<rules::CellLength>> {
    if rules::policy_on(on).is_some_and(|p| p.cell_length_may_be_set) {
        lengths_of(conn, org_id)
    } else {
        Ok(Vec::new())
    }
}

/// The meeting with its cell as it stood on the day.
pub(crate) fn meeting_with_cell(conn: &mut DbConnection, id: &MeetingId) -> AppResult<(MeetingRow, OrgAt)> {
    let m = store::meeting(conn, id)?.ok_or_else(|| AppError::NotFound("cuộc sinh hoạt".into()))?;
    let cell = crate::orgs::org_by_id_on(conn, &m.org_id, m.held_on)?;
    Ok((m, cell))
}

impl App {
    /// A cell's meetings in `[from, to]`, newest first.
    pub fn cell_meetings(
        &self,
        actor: &Actor,
        code: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<Vec<MeetingSummary>> {
        self.db.read(|conn| {
            let cell = cell_on(conn, "org", code, to).or_else(|_| cell_on(conn, "org", code, from))?;
            let grant = access::org(conn, actor, Permission::ReadMeetings, &cell)?;
            let rows = store::meetings_of(conn, std::slice::from_ref(grant.org_id()), from, to)?;
            let counts: std::collections::HashMap<MeetingId, i64> =
                store::absence_counts(conn, &rows.iter().map(|m| m.id.clone()).collect::<Vec<_>>())?
                    .into_iter()
                    .collect();
            let lengths = lengths_of(conn, grant.org_id())?;
            let mut out: Vec<MeetingSummary> = rows
                .iter()
                .map(|m| {
                    let absent = counts.get(&m.id).copied().unwrap_or(0);
                    summary(m, &cell.org.code, &cell.version.name, absent, &lengths)
                })
                .collect();
            out.reverse();
            Ok(out)
        })
    }

    /// The members a meeting of cell `code` on `on` invites: for the attendance form.
    pub fn eligible_members(&self, actor: &Actor, code: &str, on: NaiveDate) -> AppResult<Vec<EligibleView>> {
        self.db.read(|conn| {
            let cell = cell_on(conn, "org", code, on)?;
            let grant = access::org(conn, actor, Permission::ReadMeetings, &cell)?;
            Ok(store::eligible_on(conn, grant.org_id(), on)?.into_iter().map(EligibleView::from).collect())
        })
    }

    /// One meeting with its attendance, if in the actor's scope.
    pub fn meeting_detail(&self, actor: &Actor, id: &MeetingId) -> AppResult<MeetingDetail> {
        self.db.read(|conn| {
            let (m, cell) = meeting_with_cell(conn, id)?;
            access::org(conn, actor, Permission::ReadMeetings, &cell)?;
            let can_write = access::can(conn, actor, Permission::WriteMeetings, &cell)?;
            let absences: Vec<AbsentView> = store::absences_of(conn, &m.id)?
                .into_iter()
                .map(|(a, full_name)| AbsentView {
                    member_id: a.membership_id,
                    full_name,
                    with_reason: a.with_reason,
                    reason: a.reason,
                })
                .collect();
            let superiors: Vec<SuperiorView> = store::attendances_of(conn, &m.id)?
                .into_iter()
                .map(|(a, full_name)| SuperiorView {
                    person_id: a.person_id,
                    full_name,
                    assigned: a.assigned,
                    remarks: a.remarks,
                })
                .collect();
            let eligible = store::eligible_on(conn, &cell.org.id, m.held_on)?
                .into_iter()
                .map(EligibleView::from)
                .collect();
            let lengths = lengths_of(conn, &cell.org.id)?;
            let s = summary(&m.head(), &cell.org.code, &cell.version.name, absences.len() as i64, &lengths);
            let mut flags = Vec::new();
            match rules::required_length(m.held_on, m.kind, &lengths) {
                Some(needed) if s.too_short => {
                    flags.push(format!(
                        "Thời lượng {} phút chưa đủ {} phút theo {}{}.",
                        m.duration_minutes,
                        needed.minutes,
                        needed.basis(),
                        needed.note
                    ));
                }
                Some(_) => {}
                None => flags.push(rules::unjudged(m.held_on)),
            }
            if let Some(warning) = m.notice_sent_on.and_then(|n| rules::notice_warning(m.held_on, n)) {
                flags.push(warning);
            }
            for sup in superiors.iter().filter(|s| !s.assigned) {
                flags.push(format!(
                    "Đồng chí {} dự sinh hoạt nhưng không được phân công theo dõi chi bộ này.",
                    sup.full_name
                ));
            }
            let superior_org = match &cell.version.parent_id {
                Some(pid) => crate::orgs::name_of(conn, pid, m.held_on)?.unwrap_or_default(),
                None => String::new(),
            };
            let root_id =
                OrgId::from(cell.version.path.split('/').find(|s| !s.is_empty()).unwrap_or_default());
            let place =
                files::place_of(&crate::orgs::name_of(conn, &root_id, m.held_on)?.unwrap_or_default());
            Ok(MeetingDetail {
                summary: s,
                superior_org,
                place,
                minutes: MinutesText {
                    venue: m.venue,
                    online: m.online,
                    chair: m.chair,
                    minute_taker: m.minute_taker,
                    sources: m.sources,
                    agenda: m.agenda,
                    content: m.content,
                    questions: m.questions,
                    conclusions: m.conclusions,
                    self_assessment: m.self_assessment,
                },
                notice_sent_on: m.notice_sent_on,
                notice_to_superior: m.notice_to_superior,
                absences,
                superiors,
                eligible,
                flags,
                can_write,
            })
        })
    }
}
