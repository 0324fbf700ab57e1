//! The pilot guidance pages (issue 11): the board of pilot units with their indicator and
//! overdue actions, one pilot with its work group, visits and actions, and the form that
//! picks a unit.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::pilots::{
    ActionInput, ActionUpdate, ClosingInput, FollowerInput, PilotInput, VisitInput, indicator_chart,
};
use coso_domain::access::Permission;

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::session::{Posted, Session};
use crate::views::pilots::{PilotPage, PilotsPage};
use crate::views::{Layout, render};

/// The first day pilots are listed from by default: the seed's programme began in 2017.
const PROGRAMME_START: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2017, 1, 1) {
    Some(d) => d,
    None => chrono::NaiveDate::MIN,
};

/// The pilot board as shown (from the programme's start to the reader's day), as an Excel file.
pub async fn list_xlsx(State(state): State<AppState>, session: Session) -> Result<Response, PageError> {
    let (actor, to) = (session.actor.clone(), session.day);
    let from = PROGRAMME_START.min(to);
    let bytes = state.run(move |app| app.pilot_report_xlsx(&actor, from, to)).await?;
    Ok(super::download(super::XLSX, &format!("chi-dao-diem-{from}-{to}.xlsx"), bytes))
}

async fn board(
    state: &AppState,
    session: &Session,
    form: PilotInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let (actor, to) = (session.actor.clone(), session.day);
    let r = state.run(move |app| app.pilot_report(&actor, PROGRAMME_START.min(to), to)).await?;
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = PilotsPage {
        layout: Layout::of(session, "pilots"),
        weaknesses: PilotsPage::weakness_choices(&form),
        can_write: session.actor.role.allows(Permission::WriteOrgs),
        r,
        form,
        errors,
    };
    Ok((status, Html(render(&page))).into_response())
}

pub async fn list(State(state): State<AppState>, session: Session) -> Result<Response, PageError> {
    board(&state, &session, PilotInput::default(), FieldErrors::none()).await
}

/// Picks a unit; the weaknesses come as repeated checkbox fields.
pub async fn open(
    State(state): State<AppState>,
    posted: Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = &posted.form;
    let one = |name: &str| f.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let input = PilotInput {
        org_code: one("org_code"),
        selected_by_code: one("selected_by_code"),
        selected_on: one("selected_on"),
        ends_on: None,
        weaknesses: f.iter().filter(|(k, _)| k == "weaknesses").map(|(_, v)| v.clone()).collect(),
        weakness_note: one("weakness_note"),
        objectives: one("objectives"),
        target_pct: one("target_pct").trim().parse().ok(),
        decision: one("decision"),
    };
    let (actor, sent) = (posted.session.actor.clone(), input.clone());
    match state.run(move |app| app.open_pilot(&actor, sent)).await {
        Ok(id) => Ok(Redirect::to(&format!("/pilots/{id}")).into_response()),
        Err(e) => board(&state, &posted.session, input, FieldErrors::from_error(e)?).await,
    }
}

async fn detail(
    state: &AppState,
    session: &Session,
    id: String,
    errors: FieldErrors,
    failed: &str,
) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let p = state.run(move |app| app.pilot(&actor, &id)).await?;
    let chart = (indicator_chart(&p, 560), indicator_chart(&p, 360));
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = PilotPage { layout: Layout::of(session, "pilots"), chart, p, errors, failed: failed.into() };
    Ok((status, Html(render(&page))).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    detail(&state, &session, id, FieldErrors::none(), "").await
}

/// Runs a write of the pilot page and comes back to it, with the errors when refused.
async fn write(
    state: AppState,
    session: Session,
    id: String,
    failed: &'static str,
    work: impl FnOnce(&coso_app::App, &coso_app::Actor) -> coso_app::AppResult<()> + Send + 'static,
) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    match state.run(move |app| work(app, &actor)).await {
        Ok(()) => Ok(Redirect::to(&format!("/pilots/{id}#{failed}s")).into_response()),
        Err(e) => detail(&state, &session, id, FieldErrors::from_error(e)?, failed).await,
    }
}

pub async fn add_follower(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<FollowerInput>,
) -> Result<Response, PageError> {
    let (form, pid) = (posted.form, id.clone());
    write(state, posted.session, id, "follower", move |app, actor| app.add_follower(actor, &pid, form)).await
}

pub async fn record_visit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<VisitInput>,
) -> Result<Response, PageError> {
    let (form, pid) = (posted.form, id.clone());
    write(state, posted.session, id, "visit", move |app, actor| app.record_visit(actor, &pid, form)).await
}

pub async fn add_action(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<ActionInput>,
) -> Result<Response, PageError> {
    let (form, pid) = (posted.form, id.clone());
    write(state, posted.session, id, "action", move |app, actor| {
        app.add_action(actor, &pid, form).map(|_| ())
    })
    .await
}

pub async fn update_action(
    State(state): State<AppState>,
    Path(action_id): Path<String>,
    posted: Posted<ActionUpdate>,
) -> Result<Response, PageError> {
    let actor = posted.session.actor.clone();
    let aid = action_id.clone();
    let pilot_id = state.run(move |app| app.action_pilot(&actor, &aid)).await?;
    let form = posted.form;
    write(state, posted.session, pilot_id, "action", move |app, actor| {
        app.update_action(actor, &action_id, form)
    })
    .await
}

pub async fn close(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<ClosingInput>,
) -> Result<Response, PageError> {
    let (form, pid) = (posted.form, id.clone());
    write(state, posted.session, id, "closing", move |app, actor| app.close_pilot(actor, &pid, form)).await
}
