//! A cell's meeting register, one meeting's page (which prints as its minutes) and the minutes
//! as a Word file.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use coso_app::meetings::{AssignmentInput, CellLengthInput};
use coso_domain::access::Permission;

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::query::PeriodQuery;
use crate::session::{Posted, Session};
use crate::views::meetings::{MeetingPage, MeetingsPage};
use crate::views::{Choice, Layout, render};

pub async fn list(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let period = q.period(session.day)?;
    register_page(&state, &session, code, period.from, period.to, Forms::blank(session.day)).await
}

/// The cell's meetings of the period shown, as an Excel file.
pub async fn list_xlsx(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let period = q.period(session.day)?;
    let (from, to) = (period.from, period.to);
    let (actor, c) = (session.actor.clone(), code.clone());
    let bytes = state.run(move |app| app.meetings_xlsx(&actor, &c, from, to)).await?;
    Ok(super::download(super::XLSX, &format!("sinh-hoat-{code}-{from}-{to}.xlsx"), bytes))
}

/// The two forms of a cell's register page, as typed, and what was refused in the one sent.
struct Forms {
    assignment: AssignmentInput,
    errors: FieldErrors,
    length: CellLengthInput,
    length_errors: FieldErrors,
}

impl Forms {
    fn blank(day: NaiveDate) -> Forms {
        let today = day.to_string();
        Forms {
            assignment: AssignmentInput { valid_from: today.clone(), ..Default::default() },
            errors: FieldErrors::none(),
            length: CellLengthInput {
                min_minutes: 60,
                min_combined_minutes: 90,
                in_force_from: today,
                ..Default::default()
            },
            length_errors: FieldErrors::none(),
        }
    }
}

/// A cell's meetings in a period, with the committee members assigned to follow it and the
/// meeting length its committee set for it.
async fn register_page(
    state: &AppState,
    session: &Session,
    code: String,
    from: NaiveDate,
    to: NaiveDate,
    forms: Forms,
) -> Result<Response, PageError> {
    let Forms { assignment, errors, length, length_errors } = forms;
    let (actor, c, day) = (session.actor.clone(), code.clone(), session.day);
    let found = state
        .run(move |app| {
            let detail = app.org_detail(&actor, &c, to)?;
            if !detail.org.is_cell() {
                return Ok(None);
            }
            let today = day;
            let meetings = app.cell_meetings(&actor, &c, from, to)?;
            let deleted = app.deleted_meetings(&actor, &c, from, to)?;
            let assignments = app.cell_assignments(&actor, &c, today)?;
            let lengths = app.cell_lengths(&actor, &c, today)?;
            let (candidates, policies) = if detail.can_write {
                (app.superior_candidates(&actor, &c, today)?, app.quota_policies(&actor)?)
            } else {
                (Vec::new(), Vec::new())
            };
            Ok(Some((detail, meetings, deleted, assignments, lengths, candidates, policies)))
        })
        .await?;
    let Some((detail, meetings, deleted, assignments, lengths, candidates, policies)) = found else {
        // A committee holds no meetings of its own: show how its cells meet.
        return Ok(Redirect::to(&format!("/orgs/{code}/compliance?from={from}&to={to}")).into_response());
    };
    let candidates = candidates
        .into_iter()
        .filter(|(_, _, assigned)| !assigned)
        .map(|(id, label, _)| Choice {
            selected: id.as_str() == assignment.person_id,
            value: id.to_string(),
            label,
        })
        .collect();
    let policies = policies
        .into_iter()
        .map(|p| Choice {
            selected: p.id == assignment.policy_id,
            label: format!("{} — {} cuộc/năm", p.document, p.min_per_year),
            value: p.id,
        })
        .collect();
    let refused = errors.any() || length_errors.any();
    let status = if refused { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = MeetingsPage {
        layout: Layout::of(session, "meetings"),
        can_write: session.actor.role.allows(Permission::WriteMeetings),
        org_code: detail.org.code,
        org_name: detail.org.name,
        from,
        to,
        meetings,
        deleted,
        assignments,
        can_assign: detail.can_write,
        assignment,
        candidates,
        policies,
        errors,
        lengths,
        length,
        length_errors,
    };
    Ok((status, Html(render(&page))).into_response())
}

/// Assigns a committee member to follow the cell, by decision.
pub async fn assign(
    State(state): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<AssignmentInput>,
) -> Result<Response, PageError> {
    let mut input = posted.form.clone();
    input.cell_code = code.clone();
    let (actor, form) = (posted.session.actor.clone(), input.clone());
    match state.run(move |app| app.assign_superior(&actor, form)).await {
        Ok(_) => Ok(Redirect::to(&format!("/orgs/{code}/meetings#assignments")).into_response()),
        Err(e) => {
            let day = posted.session.day;
            let forms = Forms { assignment: input, errors: FieldErrors::from_error(e)?, ..Forms::blank(day) };
            let period = PeriodQuery::default().period(day)?;
            register_page(&state, &posted.session, code, period.from, period.to, forms).await
        }
    }
}

/// Records the meeting length the cell's committee set for it (42-HD/BTCTW).
pub async fn set_length(
    State(state): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<CellLengthInput>,
) -> Result<Response, PageError> {
    let (actor, form, c) = (posted.session.actor.clone(), posted.form.clone(), code.clone());
    match state.run(move |app| app.set_cell_length(&actor, &c, form)).await {
        Ok(_) => Ok(Redirect::to(&format!("/orgs/{code}/meetings#lengths")).into_response()),
        Err(e) => {
            let day = posted.session.day;
            let forms = Forms {
                length: posted.form,
                length_errors: FieldErrors::from_error(e)?,
                ..Forms::blank(day)
            };
            let period = PeriodQuery::default().period(day)?;
            register_page(&state, &posted.session, code, period.from, period.to, forms).await
        }
    }
}

/// Deletes a meeting recorded by mistake, with its reason, and returns to the register.
pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<coso_domain::id::MeetingId>,
    posted: Posted<coso_app::meetings::DeleteMeetingInput>,
) -> Result<Response, PageError> {
    let (actor, form, mid) = (posted.session.actor.clone(), posted.form.clone(), id.clone());
    let deleted = state.run(move |app| app.delete_meeting(&actor, &mid, form)).await?;
    // Back to the register of the meeting's year, where it is now listed as deleted.
    let (code, year) = (deleted.org_code, chrono::Datelike::year(&deleted.held_on));
    Ok(Redirect::to(&format!("/orgs/{code}/meetings?from={year}-01-01&to={year}-12-31#deleted"))
        .into_response())
}

/// Where a meeting's page is reached from: after a save it says so (`?saved=new|edit`).
#[derive(Debug, Default, serde::Deserialize)]
pub struct ShowQuery {
    saved: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<coso_domain::id::MeetingId>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let d = state.run(move |app| app.meeting_detail(&actor, &id)).await?;
    let saved = match q.saved.as_deref() {
        Some("new") => Some("Đã lưu biên bản sinh hoạt"),
        Some("edit") => Some("Đã lưu các sửa đổi của biên bản"),
        _ => None,
    };
    let page =
        MeetingPage { layout: Layout::of(&session, "meetings"), title: d.summary.minutes_title(), d, saved };
    Ok(Html(render(&page)).into_response())
}

pub async fn minutes_docx(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<coso_domain::id::MeetingId>,
) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let (name, bytes) = state.run(move |app| app.minutes_docx(&actor, &id)).await?;
    Ok(super::download(super::DOCX, &name, bytes))
}
