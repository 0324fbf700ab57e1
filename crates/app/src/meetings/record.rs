//! Recording a meeting as its minutes state it, and correcting the record afterwards.
use chrono::NaiveDate;
use coso_domain::Violation;
use coso_domain::access::Permission;
use coso_domain::id::MeetingId;
use coso_domain::meeting::{self as rules, MeetingKind};
use coso_store::meetings::{
    self as store, AbsenceRow, AttendanceRow, DeletedMeetingRow, Eligible, MeetingRow,
};
use coso_store::orgs::OrgAt;
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use super::{MeetingSummary, meeting_with_cell, summary};
use crate::access::{self, OrgGrant};
use crate::input::{self, All, chosen, optional_date, required_date, required_text};
use crate::orgs::cell_on;
use crate::{Actor, App, AppError, AppResult, Tx, audit};

/// A member absent from the meeting.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AbsenceInput {
    /// The membership id.
    pub member_id: String,
    pub with_reason: bool,
    pub reason: String,
}

/// A superior committee member who attended, and what they said or answered.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SuperiorInput {
    /// The person id (a membership id is accepted too).
    pub person_id: String,
    pub remarks: String,
}

/// What the minutes say in words: where, who chaired and who took them, and the text of the
/// meeting. The form sends it, the meeting page shows it, the Word minutes print it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MinutesText {
    pub venue: String,
    pub online: bool,
    pub chair: String,
    pub minute_taker: String,
    pub sources: String,
    pub agenda: String,
    pub content: String,
    pub questions: String,
    pub conclusions: String,
    pub self_assessment: String,
}

/// A meeting as the form and the API send it. Presence is not sent: whoever is invited and
/// not listed absent was present.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MeetingInput {
    /// regular, thematic, combined or extraordinary
    pub kind: String,
    pub held_on: String,
    /// HH:MM
    pub starts_at: String,
    pub duration_minutes: String,
    pub topic: String,
    #[serde(flatten)]
    pub minutes: MinutesText,
    pub notice_sent_on: Option<String>,
    pub notice_to_superior: bool,
    pub absences: Vec<AbsenceInput>,
    pub superiors: Vec<SuperiorInput>,
    /// A second meeting of the same kind on the same day is saved only when this is set (the
    /// user confirmed it is not the same meeting twice).
    pub confirm_duplicate: bool,
}

/// A meeting recorded by mistake, as the register lists it after its deletion.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DeletedMeetingView {
    #[schema(value_type = String)]
    pub id: MeetingId,
    /// The cell's code, for the way back to its register.
    pub org_code: String,
    pub kind_label: String,
    #[schema(value_type = String, format = Date)]
    pub held_on: NaiveDate,
    pub topic: String,
    pub reason: String,
    pub deleted_by: String,
}

/// Why a meeting is deleted.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DeleteMeetingInput {
    pub reason: String,
}

fn deleted_view(d: DeletedMeetingRow, org_code: &str) -> DeletedMeetingView {
    DeletedMeetingView {
        id: d.id,
        org_code: org_code.into(),
        kind_label: d.kind.label().into(),
        held_on: d.held_on,
        topic: d.topic,
        reason: d.reason,
        deleted_by: d.deleted_by,
    }
}

/// Refuses a second meeting of the same kind on the same day in the same cell, unless the
/// user confirmed it: a double tap or a second entry of the same minutes is the usual cause.
fn check_not_twice(
    conn: &mut DbConnection,
    grant: &OrgGrant,
    c: &Checked,
    input: &MeetingInput,
    except: Option<&MeetingId>,
) -> AppResult<()> {
    if input.confirm_duplicate || store::same_day(conn, grant.org_id(), c.kind, c.held_on, except)?.is_empty()
    {
        return Ok(());
    }
    Err(AppError::field(
        "confirm_duplicate",
        format!(
            "Chi bộ đã có cuộc sinh hoạt {} ngày {}. Nếu đây là một cuộc khác, đánh dấu «Vẫn ghi cuộc sinh hoạt này» rồi lưu lại.",
            c.kind.label().to_lowercase(),
            coso_domain::date::format(c.held_on)
        ),
    ))
}

/// The checked fields of a meeting (not yet its cell or attendance).
struct Checked {
    kind: MeetingKind,
    held_on: NaiveDate,
    /// Written back as HH:MM ("7:30" is stored "07:30").
    starts_at: chrono::NaiveTime,
    duration: i32,
    notice_sent_on: Option<NaiveDate>,
}

fn check_fields(input: &MeetingInput) -> AppResult<Checked> {
    let held_on = required_date("held_on", "ngày sinh hoạt", &input.held_on);
    let duration = chosen(
        "duration_minutes",
        "Thời lượng là số phút, ví dụ 90.",
        input.duration_minutes.trim().parse::<i32>().ok(),
    );
    let notice_sent_on =
        optional_date("notice_sent_on", "ngày gửi thông báo", input.notice_sent_on.as_deref());
    let absentees: Vec<&str> = input.absences.iter().map(|a| a.member_id.trim()).collect();
    let (held, minutes) = (held_on.clone().ok(), duration.clone().ok());
    let mut found = rules::check_meeting(held, minutes, crate::today(), &absentees);
    if input.minutes.chair.trim().is_empty() {
        found.push(Violation::on("chair", "Cần ghi người chủ trì."));
    }
    if input.minutes.minute_taker.trim().is_empty() {
        found.push(Violation::on("minute_taker", "Cần ghi thư ký ghi biên bản."));
    }
    if input.absences.iter().any(|a| !a.with_reason && !a.reason.trim().is_empty()) {
        found.push(Violation::on("absent", "Đảng viên vắng có lý do thì đánh dấu «có lý do»."));
    }
    let (kind, held_on, starts_at, duration, notice_sent_on, _topic, ()) = (
        chosen("kind", "Cần chọn loại sinh hoạt.", MeetingKind::from_code(input.kind.trim())),
        held_on,
        chosen(
            "starts_at",
            "Giờ bắt đầu theo dạng giờ:phút, ví dụ 19:30.",
            coso_domain::date::parse_time(&input.starts_at),
        ),
        duration,
        notice_sent_on,
        required_text("topic", "nội dung chính", &input.topic),
        input::rules(found),
    )
        .all()?;
    Ok(Checked { kind, held_on, starts_at, duration, notice_sent_on })
}

impl App {
    /// Records a held meeting of cell `code` with its absentees and superiors; all or nothing.
    pub fn record_meeting(
        &self,
        actor: &Actor,
        code: &str,
        input: MeetingInput,
    ) -> AppResult<MeetingSummary> {
        self.transaction(|tx| tx.record_meeting(actor, code, input))
    }

    /// Deletes a meeting recorded by mistake, with the reason: the register lists it as
    /// deleted, the audit trail keeps its whole record, and no count includes it any more.
    pub fn delete_meeting(
        &self,
        actor: &Actor,
        id: &MeetingId,
        input: DeleteMeetingInput,
    ) -> AppResult<DeletedMeetingView> {
        self.db.write(|conn| {
            let (m, cell) = meeting_with_cell(conn, id)?;
            access::org(conn, actor, Permission::WriteMeetings, &cell)?;
            let reason = required_text("reason", "lý do xóa", &input.reason).map_err(AppError::Invalid)?;
            let before = (&m, store::absences_of(conn, &m.id)?, store::attendances_of(conn, &m.id)?);
            audit::record(conn, actor, "delete", "meeting", &m.id, Some(&before), Some(&reason))?;
            let row = DeletedMeetingRow {
                id: m.id.clone(),
                org_id: m.org_id.clone(),
                kind: m.kind,
                held_on: m.held_on,
                topic: m.topic.clone(),
                reason,
                deleted_by: actor.display_name.clone(),
                deleted_at: now(),
            };
            store::delete_meeting(conn, &row)?;
            Ok(deleted_view(row, &cell.org.code))
        })
    }

    /// The meetings of cell `code` held in `[from, to]` that were deleted, newest first.
    pub fn deleted_meetings(
        &self,
        actor: &Actor,
        code: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<Vec<DeletedMeetingView>> {
        self.db.read(|conn| {
            let cell = cell_on(conn, "org", code, to).or_else(|_| cell_on(conn, "org", code, from))?;
            let grant = access::org(conn, actor, Permission::ReadMeetings, &cell)?;
            Ok(store::deleted_of(conn, grant.org_id(), from, to)?
                .into_iter()
                .map(|d| deleted_view(d, &cell.org.code))
                .collect())
        })
    }

    /// Corrects a recorded meeting: its fields, absentees and superiors are replaced.
    pub fn update_meeting(
        &self,
        actor: &Actor,
        id: &MeetingId,
        input: MeetingInput,
    ) -> AppResult<MeetingSummary> {
        self.db.write(|conn| {
            let (before, cell) = meeting_with_cell(conn, id)?;
            let grant = access::org(conn, actor, Permission::WriteMeetings, &cell)?;
            let c = check_fields(&input)?;
            let cell_then = cell_on(conn, "held_on", &cell.org.code, c.held_on)?;
            // A correction that keeps the kind and the day was judged when it was recorded.
            if (c.kind, c.held_on) != (before.kind, before.held_on) {
                check_not_twice(conn, &grant, &c, &input, Some(&before.id))?;
            }
            let eligible = store::eligible_on(conn, grant.org_id(), c.held_on)?;
            let mut row = meeting_row(before.id.clone(), &grant, &input, &c, eligible.len());
            row.created_at = before.created_at;
            store::update_meeting(conn, &row)?;
            let absent = write_attendance(conn, &row, &input, &eligible, &cell_then)?;
            audit::record(
                conn,
                actor,
                "update",
                "meeting",
                &row.id,
                Some(&before),
                Some(&(&row, &input.absences, &input.superiors)),
            )?;
            let lengths = super::lengths_for(conn, grant.org_id(), row.held_on)?;
            Ok(summary(&row.head(), &cell_then.org.code, &cell_then.version.name, absent, &lengths))
        })
    }
}

/// The stored row of a checked meeting input.
fn meeting_row(
    id: MeetingId,
    grant: &OrgGrant,
    input: &MeetingInput,
    c: &Checked,
    invited: usize,
) -> MeetingRow {
    let stamp = now();
    MeetingRow {
        id,
        org_id: grant.org_id().clone(),
        kind: c.kind,
        held_on: c.held_on,
        starts_at: c.starts_at.format("%H:%M").to_string(),
        duration_minutes: c.duration,
        venue: if input.minutes.online && input.minutes.venue.trim().is_empty() {
            "Trực tuyến".into()
        } else {
            input.minutes.venue.trim().into()
        },
        online: input.minutes.online,
        chair: input.minutes.chair.trim().into(),
        minute_taker: input.minutes.minute_taker.trim().into(),
        topic: input.topic.trim().into(),
        sources: input.minutes.sources.trim().into(),
        agenda: input.minutes.agenda.trim().into(),
        content: input.minutes.content.trim().into(),
        questions: input.minutes.questions.trim().into(),
        conclusions: input.minutes.conclusions.trim().into(),
        self_assessment: input.minutes.self_assessment.trim().into(),
        notice_sent_on: c.notice_sent_on,
        notice_to_superior: input.notice_to_superior,
        invited: i32::try_from(invited).unwrap_or(i32::MAX),
        created_at: stamp,
        updated_at: stamp,
    }
}

/// The absentees the minutes list, as rows of meeting `id`.
fn absence_rows(id: &MeetingId, input: &MeetingInput) -> Vec<AbsenceRow> {
    input
        .absences
        .iter()
        .map(|a| AbsenceRow {
            id: new_id(),
            meeting_id: id.clone(),
            membership_id: a.member_id.trim().into(),
            with_reason: a.with_reason,
            reason: a.reason.trim().into(),
        })
        .collect()
}

/// Writes the absentees and superiors of a meeting; returns how many were absent. Absentees
/// must be invited members that day; superiors must be people the cell may list that day
/// (`listable`), and those not assigned to follow it are flagged.
fn write_attendance(
    conn: &mut DbConnection,
    m: &MeetingRow,
    input: &MeetingInput,
    eligible: &[Eligible],
    cell: &OrgAt,
) -> AppResult<i64> {
    let mut found = Vec::new();
    let mut superiors = Vec::new();
    for s in &input.superiors {
        let given = s.person_id.trim();
        match crate::members::person_of(conn, given)? {
            Some(person_id) => superiors.push((person_id, s)),
            None => {
                found.push(Violation::on("superiors", format!("Không tìm thấy người dự với mã {given}.")))
            }
        }
    }
    let invitees: Vec<rules::Invitee> = eligible
        .iter()
        .map(|e| rules::Invitee {
            membership_id: e.membership_id.as_str(),
            person_id: e.person_id.as_str(),
            full_name: &e.full_name,
        })
        .collect();
    let absent: Vec<&str> = input.absences.iter().map(|a| a.member_id.trim()).collect();
    let came: Vec<&str> = superiors.iter().map(|(p, _)| p.as_str()).collect();
    // Who the cell may list is looked up only when the minutes name someone from above.
    let listable =
        if superiors.is_empty() { Vec::new() } else { super::superiors::listable(conn, cell, m.held_on)? };
    let may_list: Vec<&str> = listable.iter().map(|l| l.person_id.as_str()).collect();
    found.extend(rules::check_attendance(&invitees, &absent, &came, &may_list, m.held_on));
    input::rules(found)?;
    let absences = absence_rows(&m.id, input);
    let mut attendances = Vec::new();
    for (person_id, s) in superiors {
        let assigned = listable.iter().any(|l| l.person_id == person_id && l.assigned);
        attendances.push(AttendanceRow {
            id: new_id(),
            meeting_id: m.id.clone(),
            person_id,
            assigned,
            remarks: s.remarks.trim().into(),
        });
    }
    store::replace_absences(conn, &m.id, &absences)?;
    store::replace_attendances(conn, &m.id, &attendances)?;
    Ok(absences.len() as i64)
}

impl Tx<'_> {
    /// Records a held meeting of cell `code` with its absentees and superiors; all or nothing.
    pub fn record_meeting(
        &mut self,
        actor: &Actor,
        code: &str,
        input: MeetingInput,
    ) -> AppResult<MeetingSummary> {
        let conn = &mut *self.conn;
        let c = check_fields(&input)?;
        let cell = cell_on(conn, "org", code, c.held_on)?;
        let grant = access::org(conn, actor, Permission::WriteMeetings, &cell)?;
        check_not_twice(conn, &grant, &c, &input, None)?;
        let eligible = store::eligible_on(conn, grant.org_id(), c.held_on)?;
        let row = meeting_row(new_id().into(), &grant, &input, &c, eligible.len());
        store::insert_meeting(conn, &row)?;
        let absent = write_attendance(conn, &row, &input, &eligible, &cell)?;
        audit::record(
            conn,
            actor,
            "create",
            "meeting",
            &row.id,
            audit::NONE,
            Some(&(&row, &input.absences, &input.superiors)),
        )?;
        let lengths = super::lengths_for(conn, grant.org_id(), row.held_on)?;
        Ok(summary(&row.head(), &cell.org.code, &cell.version.name, absent, &lengths))
    }
}

/// How many meetings a batch entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ImportedMeetings {
    pub meetings: usize,
    pub absences: usize,
}

impl Tx<'_> {
    /// Enters a batch of held meetings of cell `code` (the bulk path: a register kept
    /// elsewhere, the scale generator). Each row is checked as [`Tx::record_meeting`] checks
    /// one, and against the rest of the batch; the cell's members are read once for the whole
    /// span. All or nothing: a refused row reads "Dòng N: …". Superiors' attendance is
    /// recorded meeting by meeting, since who may be listed depends on the day's assignments.
    pub fn import_meetings(
        &mut self,
        actor: &Actor,
        code: &str,
        inputs: &[MeetingInput],
    ) -> AppResult<ImportedMeetings> {
        let conn = &mut *self.conn;
        let row = |i: usize, e: AppError| e.prefixed(&format!("Dòng {}: ", i + 1));
        let mut checked = Vec::with_capacity(inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            if !input.superiors.is_empty() {
                return Err(row(
                    i,
                    AppError::field("superiors", "Người dự từ cấp trên được ghi từng cuộc sinh hoạt một."),
                ));
            }
            checked.push(check_fields(input).map_err(|e| row(i, e))?);
        }
        let (Some(from), Some(to)) =
            (checked.iter().map(|c| c.held_on).min(), checked.iter().map(|c| c.held_on).max())
        else {
            return Ok(ImportedMeetings { meetings: 0, absences: 0 });
        };
        // The cell stands on the first and the last day, and the actor may write its meetings.
        let first = checked.iter().position(|c| c.held_on == from).unwrap_or(0);
        let last = checked.iter().position(|c| c.held_on == to).unwrap_or(0);
        cell_on(conn, "org", code, from).map_err(|e| row(first, e))?;
        let cell = cell_on(conn, "org", code, to).map_err(|e| row(last, e))?;
        let grant = access::org(conn, actor, Permission::WriteMeetings, &cell)?;
        let mut held: std::collections::HashSet<(MeetingKind, NaiveDate)> =
            store::meeting_days(conn, grant.org_id(), from, to)?.into_iter().collect();
        let members = store::eligible_between(conn, grant.org_id(), from, to)?;
        let (mut rows, mut absences) = (Vec::with_capacity(inputs.len()), Vec::new());
        for (i, (input, c)) in inputs.iter().zip(&checked).enumerate() {
            if !held.insert((c.kind, c.held_on)) && !input.confirm_duplicate {
                return Err(row(
                    i,
                    AppError::field(
                        "confirm_duplicate",
                        format!(
                            "Chi bộ đã có cuộc sinh hoạt {} ngày {}.",
                            c.kind.label().to_lowercase(),
                            coso_domain::date::format(c.held_on)
                        ),
                    ),
                ));
            }
            let invited: Vec<rules::Invitee> = members
                .iter()
                .filter(|(_, since, until)| *since <= c.held_on && until.is_none_or(|u| c.held_on < u))
                .map(|(e, _, _)| rules::Invitee {
                    membership_id: e.membership_id.as_str(),
                    person_id: e.person_id.as_str(),
                    full_name: &e.full_name,
                })
                .collect();
            let absent: Vec<&str> = input.absences.iter().map(|a| a.member_id.trim()).collect();
            input::rules(rules::check_attendance(&invited, &absent, &[], &[], c.held_on))
                .map_err(|vs| row(i, AppError::Invalid(vs)))?;
            let m = meeting_row(new_id().into(), &grant, input, c, invited.len());
            absences.extend(absence_rows(&m.id, input));
            rows.push(m);
        }
        store::insert_meetings(conn, &rows, &absences)?;
        // One trail row per batch, naming every meeting it entered.
        let ids: Vec<&MeetingId> = rows.iter().map(|m| &m.id).collect();
        let first = ids.first().map_or("", |id| id.as_str());
        audit::record(conn, actor, "import", "meeting", first, audit::NONE, Some(&ids))?;
        Ok(ImportedMeetings { meetings: rows.len(), absences: absences.len() })
    }
}
