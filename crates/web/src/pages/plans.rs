//! The plan pages (issue 13): the plans and projects running in a period, and one plan with
//! its indicators measured by coso, its tasks, and the forms that assign a task and report on it.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::AppError;
use coso_app::plans::{ProgressInput, TaskInput};
use coso_domain::Violation;

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::query::PeriodQuery;
use crate::session::{Posted, Session};
use crate::views::directives::{PlanPage, PlansPage, ProgressForm};
use crate::views::{Layout, render};

pub async fn list(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let period = q.period(session.day)?;
    let (actor, from, to) = (session.actor.clone(), period.from, period.to);
    let plans = state.run(move |app| app.plans(&actor, from, to)).await?;
    let page = PlansPage { layout: Layout::of(&session, "dashboard"), plans, from, to };
    Ok(Html(render(&page)).into_response())
}

/// The tasks of the plans running in the period as an Excel file.
pub async fn xlsx(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let period = q.period(session.day)?;
    let (actor, from, to) = (session.actor.clone(), period.from, period.to);
    let bytes = state.run(move |app| app.plans_xlsx(&actor, from, to)).await?;
    Ok(super::download(super::XLSX, &format!("nhiem-vu-ke-hoach-{from}-{to}.xlsx"), bytes))
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

/// What the plan page shows beside the plan: a refused form and its values, or what was saved.
#[derive(Default)]
struct Shown {
    task: TaskInput,
    progress: ProgressForm,
    errors: FieldErrors,
    failed: String,
    saved: String,
}

async fn detail(
    state: &AppState,
    session: &Session,
    id: String,
    shown: Shown,
) -> Result<Response, PageError> {
    let (actor, day) = (session.actor.clone(), session.day);
    let p = state.run(move |app| app.plan(&actor, &id, day)).await?;
    let status = if shown.errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = PlanPage {
        layout: Layout::of(session, "dashboard"),
        p,
        day,
        task: shown.task,
        progress: shown.progress,
        errors: shown.errors,
        failed: shown.failed,
        saved: shown.saved,
    };
    Ok((status, Html(render(&page))).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    let saved = match q.saved.as_deref() {
        Some("task") => "Đã giao nhiệm vụ.",
        Some("progress") => "Đã ghi tiến độ nhiệm vụ.",
        _ => "",
    };
    detail(&state, &session, id, Shown { saved: saved.into(), ..Shown::default() }).await
}

/// Assigns a task of the plan to the committee or a unit below it.
pub async fn assign(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<TaskInput>,
) -> Result<Response, PageError> {
    let (actor, pid, form) = (posted.session.actor.clone(), id.clone(), posted.form.clone());
    match state.run(move |app| app.assign_task(&actor, &pid, form)).await {
        Ok(_) => Ok(Redirect::to(&format!("/plans/{id}?saved=task#tasks")).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let shown = Shown { task: posted.form, errors, failed: "task".into(), ..Shown::default() };
            detail(&state, &posted.session, id, shown).await
        }
    }
}

/// Reports progress on a task of the plan.
pub async fn report(
    State(state): State<AppState>,
    Path((id, task)): Path<(String, String)>,
    posted: Posted<ProgressForm>,
) -> Result<Response, PageError> {
    let form = posted.form.clone();
    let pct = form.progress_pct.trim().trim_end_matches('%').trim().parse::<i32>();
    let result = match pct {
        Ok(progress_pct) => {
            let input = ProgressInput {
                reported_on: form.reported_on.clone(),
                progress_pct,
                note: form.note.clone(),
            };
            let (actor, tid) = (posted.session.actor.clone(), task.clone());
            state.run(move |app| app.report_progress(&actor, &tid, input)).await
        }
        Err(_) => Err(AppError::Invalid(vec![Violation::on(
            "progress_pct",
            "Tiến độ là tỷ lệ phần trăm từ 0 đến 100, ví dụ 50.",
        )])),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/plans/{id}?saved=progress#task-{task}")).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let shown = Shown { progress: form, errors, failed: task, ..Shown::default() };
            detail(&state, &posted.session, id, shown).await
        }
    }
}
