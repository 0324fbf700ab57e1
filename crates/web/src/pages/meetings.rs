//! A cell's meeting register, one meeting's page (which prints as its minutes) and the minutes
//! as a Word file.
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_domain::access::Permission;

use super::PeriodQuery;
use crate::error::PageError;
use crate::session::Session;
use crate::views::meetings::{MeetingPage, MeetingsPage};
use crate::views::{Layout, render};
use crate::{AppState, blocking};

pub async fn list(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let (from, to) = q.dates();
    let (app, actor, c) = (state.app.clone(), session.actor.clone(), code.clone());
    let found = blocking(move || {
        let org = app.org_detail(&actor, &c, to)?.org;
        if !org.is_cell() {
            return Ok(None);
        }
        let meetings = app.cell_meetings(&actor, &c, from, to)?;
        Ok(Some((org, meetings)))
    })
    .await?;
    let Some((org, meetings)) = found else {
        // A committee holds no meetings of its own: show how its cells meet.
        return Ok(Redirect::to(&format!("/orgs/{code}/compliance?from={from}&to={to}")).into_response());
    };
    let page = MeetingsPage {
        layout: Layout::of(&session, "meetings"),
        can_write: session.actor.role.allows(Permission::WriteMeetings),
        org_code: org.code,
        org_name: org.name,
        from,
        to,
        meetings,
    };
    Ok(Html(render(&page)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (app, actor) = (state.app.clone(), session.actor.clone());
    let d = blocking(move || app.meeting_detail(&actor, &id)).await?;
    let page = MeetingPage { layout: Layout::of(&session, "meetings"), title: d.summary.minutes_title(), d };
    Ok(Html(render(&page)).into_response())
}

pub async fn minutes_docx(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (app, actor) = (state.app.clone(), session.actor.clone());
    let (name, bytes) = blocking(move || app.minutes_docx(&actor, &id)).await?;
    Ok(super::download(super::DOCX, &name, bytes))
}
