//! Cell meetings, their absentees and superior attendances; quota policies and assignments.
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::{MeetingId, MembershipId, OrgId, PersonId};
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::schema::{
    cell_lengths, deleted_meetings, meeting_absences, meetings, membership_periods, memberships,
    org_versions, organizations, persons, positions, quota_policies, superior_assignments,
    superior_attendances,
};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = meetings, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct MeetingRow {
    pub id: MeetingId,
    pub org_id: OrgId,
    pub kind: coso_domain::meeting::MeetingKind,
    pub held_on: NaiveDate,
    pub starts_at: String,
    pub duration_minutes: i32,
    pub venue: String,
    pub online: bool,
    pub chair: String,
    pub minute_taker: String,
    pub topic: String,
    pub sources: String,
    pub agenda: String,
    pub content: String,
    pub questions: String,
    pub conclusions: String,
    pub self_assessment: String,
    pub notice_sent_on: Option<NaiveDate>,
    pub notice_to_superior: bool,
    pub invited: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What lists and reports read of a meeting: its facts without the minutes' text, so reading a
/// city's year of meetings holds kilobytes, not the minutes (issue 9: city compliance held
/// 80 MiB under load when it loaded whole rows).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = meetings)]
pub struct MeetingHead {
    pub id: MeetingId,
    pub org_id: OrgId,
    pub kind: coso_domain::meeting::MeetingKind,
    pub held_on: NaiveDate,
    pub starts_at: String,
    pub duration_minutes: i32,
    pub topic: String,
    pub notice_to_superior: bool,
    pub invited: i32,
}

impl MeetingRow {
    /// The facts of this meeting, as [`meetings_of`] reads them.
    pub fn head(&self) -> MeetingHead {
        MeetingHead {
            id: self.id.clone(),
            org_id: self.org_id.clone(),
            kind: self.kind,
            held_on: self.held_on,
            starts_at: self.starts_at.clone(),
            duration_minutes: self.duration_minutes,
            topic: self.topic.clone(),
            notice_to_superior: self.notice_to_superior,
            invited: self.invited,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = meeting_absences)]
pub struct AbsenceRow {
    pub id: String,
    pub meeting_id: MeetingId,
    pub membership_id: MembershipId,
    pub with_reason: bool,
    pub reason: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = superior_attendances)]
pub struct AttendanceRow {
    pub id: String,
    pub meeting_id: MeetingId,
    pub person_id: PersonId,
    pub assigned: bool,
    pub remarks: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = quota_policies, treat_none_as_default_value = false)]
pub struct QuotaPolicyRow {
    pub id: String,
    pub document: String,
    pub issued_on: NaiveDate,
    pub issuer: String,
    pub level: coso_domain::quota::QuotaLevel,
    pub min_per_year: i32,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = superior_assignments, treat_none_as_default_value = false)]
pub struct AssignmentRow {
    pub id: String,
    pub person_id: PersonId,
    pub org_id: OrgId,
    pub quota_policy_id: String,
    pub decision_number: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

/// A length a competent committee set for one cell with few members (42-HD/BTCTW).
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = cell_lengths, treat_none_as_default_value = false)]
pub struct CellLengthRow {
    pub id: String,
    pub org_id: OrgId,
    pub min_minutes: i32,
    pub min_combined_minutes: i32,
    pub decision: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

impl CellLengthRow {
    /// As the meeting rules read it.
    pub fn rule(&self) -> coso_domain::meeting::CellLength {
        coso_domain::meeting::CellLength {
            min_minutes: self.min_minutes,
            min_combined_minutes: self.min_combined_minutes,
            decision: self.decision.clone(),
            span: coso_domain::date::Span { from: self.valid_from, to: self.valid_to },
        }
    }
}

pub fn insert_cell_length(conn: &mut DbConnection, row: &CellLengthRow) -> StoreResult<()> {
    diesel::insert_into(cell_lengths::table).values(row).execute(conn)?;
    Ok(())
}

/// The lengths set for the cells `org_ids`, oldest first.
pub fn cell_lengths_of(conn: &mut DbConnection, org_ids: &[OrgId]) -> StoreResult<Vec<CellLengthRow>> {
    let mut out = Vec::new();
    for chunk in org_ids.chunks(500) {
        out.extend(
            cell_lengths::table
                .filter(cell_lengths::org_id.eq_any(chunk))
                .order((cell_lengths::org_id, cell_lengths::valid_from))
                .select(CellLengthRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

impl QuotaPolicyRow {
    /// The days the policy is in force.
    pub fn span(&self) -> coso_domain::date::Span {
        coso_domain::date::Span { from: self.valid_from, to: self.valid_to }
    }
}

impl AssignmentRow {
    /// The days the assignment is in force.
    pub fn span(&self) -> coso_domain::date::Span {
        coso_domain::date::Span { from: self.valid_from, to: self.valid_to }
    }
}

/// A member expected at a meeting: on the cell's roll that day, not exempted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Eligible {
    pub membership_id: MembershipId,
    pub person_id: PersonId,
    pub full_name: String,
    pub status: coso_domain::member::MemberStatus,
}

pub fn insert_meeting(conn: &mut DbConnection, row: &MeetingRow) -> StoreResult<()> {
    diesel::insert_into(meetings::table).values(row).execute(conn)?;
    Ok(())
}

pub fn update_meeting(conn: &mut DbConnection, row: &MeetingRow) -> StoreResult<()> {
    diesel::update(meetings::table.find(&row.id)).set(row).execute(conn)?;
    Ok(())
}

pub fn meeting(conn: &mut DbConnection, id: &MeetingId) -> StoreResult<Option<MeetingRow>> {
    Ok(meetings::table.find(id).first(conn).optional()?)
}

/// A meeting recorded by mistake and deleted: what the register still shows of it.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = deleted_meetings)]
pub struct DeletedMeetingRow {
    /// The meeting's own id.
    pub id: MeetingId,
    pub org_id: OrgId,
    pub kind: coso_domain::meeting::MeetingKind,
    pub held_on: NaiveDate,
    pub topic: String,
    pub reason: String,
    /// Who deleted it (the account's display name).
    pub deleted_by: String,
    pub deleted_at: NaiveDateTime,
}

/// Deletes a meeting with its absentees and superiors, and keeps what the register shows of
/// it in `deleted_meetings`.
pub fn delete_meeting(conn: &mut DbConnection, deleted: &DeletedMeetingRow) -> StoreResult<()> {
    diesel::delete(meeting_absences::table.filter(meeting_absences::meeting_id.eq(&deleted.id)))
        .execute(conn)?;
    diesel::delete(superior_attendances::table.filter(superior_attendances::meeting_id.eq(&deleted.id)))
        .execute(conn)?;
    diesel::delete(meetings::table.find(&deleted.id)).execute(conn)?;
    diesel::insert_into(deleted_meetings::table).values(deleted).execute(conn)?;
    Ok(())
}

/// The deleted meetings of one organization held in `[from, to]`, newest first.
pub fn deleted_of(
    conn: &mut DbConnection,
    org_id: &OrgId,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<DeletedMeetingRow>> {
    Ok(deleted_meetings::table
        .filter(deleted_meetings::org_id.eq(org_id))
        .filter(deleted_meetings::held_on.ge(from))
        .filter(deleted_meetings::held_on.le(to))
        .order(deleted_meetings::held_on.desc())
        .select(DeletedMeetingRow::as_select())
        .load(conn)?)
}

/// The meetings of one organization of `kind` held on `on`, but `except` (the one being
/// corrected).
pub fn same_day(
    conn: &mut DbConnection,
    org_id: &OrgId,
    kind: coso_domain::meeting::MeetingKind,
    on: NaiveDate,
    except: Option<&MeetingId>,
) -> StoreResult<Vec<MeetingRow>> {
    let mut q = meetings::table
        .filter(meetings::org_id.eq(org_id))
        .filter(meetings::kind.eq(kind))
        .filter(meetings::held_on.eq(on))
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(meetings::id.ne(id));
    }
    Ok(q.load(conn)?)
}

/// Replaces the absentees of a meeting (an edit of the minutes).
pub fn replace_absences(
    conn: &mut DbConnection,
    meeting_id: &MeetingId,
    rows: &[AbsenceRow],
) -> StoreResult<()> {
    diesel::delete(meeting_absences::table.filter(meeting_absences::meeting_id.eq(meeting_id)))
        .execute(conn)?;
    for row in rows {
        diesel::insert_into(meeting_absences::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Replaces the superiors who attended a meeting.
pub fn replace_attendances(
    conn: &mut DbConnection,
    meeting_id: &MeetingId,
    rows: &[AttendanceRow],
) -> StoreResult<()> {
    diesel::delete(superior_attendances::table.filter(superior_attendances::meeting_id.eq(meeting_id)))
        .execute(conn)?;
    for row in rows {
        diesel::insert_into(superior_attendances::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Meetings of the given organizations held in `[from, to]`, oldest first.
pub fn meetings_of(
    conn: &mut DbConnection,
    org_ids: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<MeetingHead>> {
    let mut out = Vec::new();
    for chunk in org_ids.chunks(500) {
        let rows: Vec<MeetingHead> = meetings::table
            .filter(meetings::org_id.eq_any(chunk))
            .filter(meetings::held_on.ge(from))
            .filter(meetings::held_on.le(to))
            .order((meetings::held_on.asc(), meetings::starts_at.asc()))
            .select(MeetingHead::as_select())
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

/// What the meeting rules judge of one meeting, with its absentees counted: the compliance
/// report reads these for every cell of a unit, in one statement per 500 cells.
#[derive(Debug, Clone, Queryable)]
pub struct MeetingFact {
    pub org_id: OrgId,
    pub kind: coso_domain::meeting::MeetingKind,
    pub held_on: NaiveDate,
    pub duration_minutes: i32,
    pub notice_to_superior: bool,
    pub invited: i32,
    pub absent: i64,
}

/// The facts of the meetings of these cells held in `[from, to]`, in date order.
pub fn meeting_facts(
    conn: &mut DbConnection,
    org_ids: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<MeetingFact>> {
    let mut out = Vec::new();
    for chunk in org_ids.chunks(500) {
        // The count as a subquery per meeting: an index seek each, where a join grouped by
        // meeting sorted every row first (45 ms against 4 ms for a district in SQLite).
        let absent = diesel::dsl::sql::<diesel::sql_types::BigInt>(
            "(SELECT count(*) FROM meeting_absences a WHERE a.meeting_id = meetings.id)",
        );
        let rows: Vec<MeetingFact> = meetings::table
            .filter(meetings::org_id.eq_any(chunk))
            .filter(meetings::held_on.ge(from))
            .filter(meetings::held_on.le(to))
            .select((
                meetings::org_id,
                meetings::kind,
                meetings::held_on,
                meetings::duration_minutes,
                meetings::notice_to_superior,
                meetings::invited,
                absent,
            ))
            .load(conn)?;
        out.extend(rows);
    }
    out.sort_by_key(|m| m.held_on);
    Ok(out)
}

/// The absentees of a meeting with their names.
pub fn absences_of(
    conn: &mut DbConnection,
    meeting_id: &MeetingId,
) -> StoreResult<Vec<(AbsenceRow, String)>> {
    Ok(meeting_absences::table
        .inner_join(memberships::table.on(memberships::id.eq(meeting_absences::membership_id)))
        .inner_join(persons::table.on(persons::id.eq(memberships::person_id)))
        .filter(meeting_absences::meeting_id.eq(meeting_id))
        .order(persons::name_folded.asc())
        .select((AbsenceRow::as_select(), persons::full_name))
        .load(conn)?)
}

/// How many were absent from each of the given meetings.
pub fn absence_counts(
    conn: &mut DbConnection,
    meeting_ids: &[MeetingId],
) -> StoreResult<Vec<(MeetingId, i64)>> {
    let mut out = Vec::new();
    for chunk in meeting_ids.chunks(500) {
        let rows: Vec<(MeetingId, i64)> = meeting_absences::table
            .filter(meeting_absences::meeting_id.eq_any(chunk))
            .group_by(meeting_absences::meeting_id)
            .select((meeting_absences::meeting_id, count_star()))
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

/// The superiors who attended a meeting, with their names.
pub fn attendances_of(
    conn: &mut DbConnection,
    meeting_id: &MeetingId,
) -> StoreResult<Vec<(AttendanceRow, String)>> {
    Ok(superior_attendances::table
        .inner_join(persons::table)
        .filter(superior_attendances::meeting_id.eq(meeting_id))
        .order(persons::name_folded.asc())
        .select((AttendanceRow::as_select(), persons::full_name))
        .load(conn)?)
}

/// A superior attendance with the meeting's date and its cell as it stood that day.
#[derive(Debug, Clone)]
pub struct ScopedAttendance {
    pub attendance: AttendanceRow,
    pub held_on: NaiveDate,
    pub org_code: String,
    pub org_name: String,
}

/// Superior attendances at meetings held in `[from, to]` in cells that stood under
/// `scope_path` on the meeting's day: the scope is filtered here, not in memory.
pub fn attendances_in(
    conn: &mut DbConnection,
    scope_path: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<ScopedAttendance>> {
    let end = coso_domain::org::subtree_end(scope_path);
    let rows: Vec<(AttendanceRow, NaiveDate, String, String)> = superior_attendances::table
        .inner_join(meetings::table)
        .inner_join(
            org_versions::table.on(org_versions::org_id
                .eq(meetings::org_id)
                .and(org_versions::valid_from.le(meetings::held_on))
                .and(
                    org_versions::valid_to
                        .is_null()
                        .or(org_versions::valid_to.gt(meetings::held_on.nullable())),
                )),
        )
        .inner_join(organizations::table.on(organizations::id.eq(org_versions::org_id)))
        .filter(meetings::held_on.ge(from))
        .filter(meetings::held_on.le(to))
        .filter(org_versions::path.ge(scope_path))
        .filter(org_versions::path.lt(end))
        .select((AttendanceRow::as_select(), meetings::held_on, organizations::code, org_versions::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(attendance, held_on, org_code, org_name)| ScopedAttendance {
            attendance,
            held_on,
            org_code,
            org_name,
        })
        .collect())
}

/// Members on a cell's roll on `on` and not exempted: those a meeting that day invites.
pub fn eligible_on(conn: &mut DbConnection, org_id: &OrgId, on: NaiveDate) -> StoreResult<Vec<Eligible>> {
    let rows: Vec<(MembershipId, PersonId, String, coso_domain::member::MemberStatus)> =
        membership_periods::table
            .inner_join(memberships::table.on(memberships::id.eq(membership_periods::membership_id)))
            .inner_join(persons::table.on(persons::id.eq(memberships::person_id)))
            .filter(membership_periods::org_id.eq(org_id))
            .filter(membership_periods::valid_from.le(on))
            .filter(membership_periods::valid_to.is_null().or(membership_periods::valid_to.gt(on)))
            .filter(membership_periods::status.eq_any(coso_domain::member::MemberStatus::INVITED))
            .order(persons::name_folded.asc())
            .select((memberships::id, persons::id, persons::full_name, membership_periods::status))
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(membership_id, person_id, full_name, status)| Eligible {
            membership_id,
            person_id,
            full_name,
            status,
        })
        .collect())
}

/// The members expected at a cell's meetings between two days, each with the span of the
/// period that makes them expected: a batch of meetings reads them once and picks by date.
pub fn eligible_between(
    conn: &mut DbConnection,
    org_id: &OrgId,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<(Eligible, NaiveDate, Option<NaiveDate>)>> {
    let rows: Vec<(
        MembershipId,
        PersonId,
        String,
        coso_domain::member::MemberStatus,
        NaiveDate,
        Option<NaiveDate>,
    )> = membership_periods::table
        .inner_join(memberships::table.on(memberships::id.eq(membership_periods::membership_id)))
        .inner_join(persons::table.on(persons::id.eq(memberships::person_id)))
        .filter(membership_periods::org_id.eq(org_id))
        .filter(membership_periods::valid_from.le(to))
        .filter(membership_periods::valid_to.is_null().or(membership_periods::valid_to.gt(from)))
        .filter(membership_periods::status.eq_any(coso_domain::member::MemberStatus::INVITED))
        .order(persons::name_folded.asc())
        .select((
            memberships::id,
            persons::id,
            persons::full_name,
            membership_periods::status,
            membership_periods::valid_from,
            membership_periods::valid_to,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(membership_id, person_id, full_name, status, from, to)| {
            (Eligible { membership_id, person_id, full_name, status }, from, to)
        })
        .collect())
}

/// The (kind, day) of a cell's meetings between two days: what a batch must not repeat.
pub fn meeting_days(
    conn: &mut DbConnection,
    org_id: &OrgId,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<(coso_domain::meeting::MeetingKind, NaiveDate)>> {
    Ok(meetings::table
        .filter(meetings::org_id.eq(org_id))
        .filter(meetings::held_on.ge(from))
        .filter(meetings::held_on.le(to))
        .select((meetings::kind, meetings::held_on))
        .load(conn)?)
}

/// Meetings and their absentees in multi-row inserts: the bulk path of the meeting register.
pub fn insert_meetings(
    conn: &mut DbConnection,
    rows: &[MeetingRow],
    absences: &[AbsenceRow],
) -> StoreResult<()> {
    insert_all!(conn, meetings::table, rows, 500);
    insert_all!(conn, meeting_absences::table, absences, 2000);
    Ok(())
}

pub fn insert_policy(conn: &mut DbConnection, row: &QuotaPolicyRow) -> StoreResult<()> {
    diesel::insert_into(quota_policies::table).values(row).execute(conn)?;
    Ok(())
}

pub fn policies(conn: &mut DbConnection) -> StoreResult<Vec<QuotaPolicyRow>> {
    Ok(quota_policies::table
        .order((quota_policies::issued_on.asc(), quota_policies::level.asc()))
        .load(conn)?)
}

pub fn insert_assignment(conn: &mut DbConnection, row: &AssignmentRow) -> StoreResult<()> {
    diesel::insert_into(superior_assignments::table).values(row).execute(conn)?;
    Ok(())
}

/// Assignments in force at some time in `[from, to]` to cells that stood under `scope_path`
/// at some time in both the assignment and the period, with the person's name.
pub fn assignments_in(
    conn: &mut DbConnection,
    scope_path: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<(AssignmentRow, String)>> {
    let end = coso_domain::org::subtree_end(scope_path);
    let rows: Vec<(AssignmentRow, String)> = superior_assignments::table
        .inner_join(persons::table.on(persons::id.eq(superior_assignments::person_id)))
        .inner_join(org_versions::table.on(org_versions::org_id.eq(superior_assignments::org_id)))
        .filter(superior_assignments::valid_from.le(to))
        .filter(superior_assignments::valid_to.is_null().or(superior_assignments::valid_to.gt(from)))
        .filter(org_versions::valid_from.le(to))
        .filter(org_versions::valid_to.is_null().or(org_versions::valid_to.gt(from)))
        .filter(
            org_versions::valid_to
                .is_null()
                .or(org_versions::valid_to.gt(superior_assignments::valid_from.nullable())),
        )
        .filter(
            superior_assignments::valid_to
                .is_null()
                .or(superior_assignments::valid_to.gt(org_versions::valid_from.nullable())),
        )
        .filter(org_versions::path.ge(scope_path))
        .filter(org_versions::path.lt(end))
        .order((persons::name_folded.asc(), superior_assignments::id.asc()))
        .select((AssignmentRow::as_select(), persons::full_name))
        .load(conn)?;
    // A cell with several versions inside the period joins once per version.
    let mut seen = std::collections::HashSet::new();
    Ok(rows.into_iter().filter(|(a, _)| seen.insert(a.id.clone())).collect())
}

/// Assignments to the given cells in force at some time in `[from, to]`.
pub fn assignments_to_any(
    conn: &mut DbConnection,
    org_ids: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<AssignmentRow>> {
    let mut out = Vec::new();
    for chunk in org_ids.chunks(500) {
        let rows: Vec<AssignmentRow> = superior_assignments::table
            .filter(superior_assignments::org_id.eq_any(chunk))
            .filter(superior_assignments::valid_from.le(to))
            .filter(superior_assignments::valid_to.is_null().or(superior_assignments::valid_to.gt(from)))
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

/// Marks as assigned the person's attendances at the cell's meetings inside `[from, to)`: an
/// assignment decision entered after the minutes still clears their flag.
pub fn mark_assigned(
    conn: &mut DbConnection,
    person_id: &PersonId,
    org_id: &OrgId,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> StoreResult<usize> {
    // An open-ended assignment runs to the end of the calendar; text dates compare as dates.
    let until = to.unwrap_or_else(|| NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(from));
    let held = meetings::table
        .filter(meetings::org_id.eq(org_id.to_string()))
        .filter(meetings::held_on.ge(from))
        .filter(meetings::held_on.lt(until))
        .select(meetings::id);
    Ok(diesel::update(
        superior_attendances::table
            .filter(superior_attendances::person_id.eq(person_id))
            .filter(superior_attendances::meeting_id.eq_any(held)),
    )
    .set(superior_attendances::assigned.eq(true))
    .execute(conn)?)
}

/// Assignments of one person to one cell (to tell whether an attendance was assigned).
pub fn assignments_of(
    conn: &mut DbConnection,
    person_id: &PersonId,
    org_id: &OrgId,
) -> StoreResult<Vec<AssignmentRow>> {
    Ok(superior_assignments::table
        .filter(superior_assignments::person_id.eq(person_id))
        .filter(superior_assignments::org_id.eq(org_id))
        .load(conn)?)
}

/// Assignments to one cell with the person's name.
pub fn assignments_to(conn: &mut DbConnection, org_id: &OrgId) -> StoreResult<Vec<(AssignmentRow, String)>> {
    Ok(superior_assignments::table
        .inner_join(persons::table.on(persons::id.eq(superior_assignments::person_id)))
        .filter(superior_assignments::org_id.eq(org_id))
        .order(superior_assignments::valid_from.desc())
        .select((AssignmentRow::as_select(), persons::full_name))
        .load(conn)?)
}

/// Positions held in organizations of a kind: (person id, from, to). Whose seat is on the city
/// committee on a date is answered from these.
pub fn positions_in_kind(
    conn: &mut DbConnection,
    kind: coso_domain::org::OrgKind,
) -> StoreResult<Vec<(PersonId, NaiveDate, Option<NaiveDate>)>> {
    Ok(positions::table
        .inner_join(org_versions::table.on(org_versions::org_id.eq(positions::org_id)))
        .filter(org_versions::kind.eq(kind))
        .select((positions::person_id, positions::valid_from, positions::valid_to))
        .distinct()
        .load(conn)?)
}
