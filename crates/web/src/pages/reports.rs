//! The reports on meetings: how the cells of a committee keep the meeting rules, and how the
//! committee members sent to cells meet their quotas; each with its Excel file.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::AppError;
use coso_app::meetings::QuotaPolicyInput;
use coso_app::meetings::files::{attendance_chart, quota_chart};
use coso_domain::access::Permission;
use coso_domain::quota::QuotaLevel;

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::query::PeriodQuery;
use crate::session::{Posted, Session};
use crate::views::meetings::{CompliancePage, ComplianceRow, SuperiorsPage};
use crate::views::{Choice, Layout, render};

/// How many committee members the quota chart shows at most.
const CHART_PEOPLE: usize = 20;

/// The compliance page of the top of the reader's scope.
pub async fn compliance_home(State(state): State<AppState>, session: Session) -> Result<Response, PageError> {
    let (actor, day) = (session.actor.clone(), session.day);
    let tree = state.run(move |app| app.tree(&actor, day)).await?;
    // The tree comes in path order: its first organization is the root of the scope.
    let root =
        tree.orgs.first().ok_or_else(|| AppError::NotFound("tổ chức đảng trong phạm vi của bạn".into()))?;
    Ok(Redirect::to(&format!("/orgs/{}/compliance", root.code)).into_response())
}

pub async fn compliance(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let period = q.period(session.day)?;
    let (from, to) = (period.from, period.to);
    let (actor, c) = (session.actor.clone(), code.clone());
    let mut r = state.run(move |app| app.meeting_compliance(&actor, &c, from, to)).await?;
    let chart = attendance_chart(&r);
    let meetings = r.meetings_held;
    let attendance = r.attendance_rate.map_or_else(|| "—".to_string(), coso_domain::vi::share);
    let (compliant, is_cell) = (r.compliant_cells, r.is_cell);
    let cells = std::mem::take(&mut r.cells);
    let page = CompliancePage {
        layout: Layout::of(&session, "meetings"),
        can_write: session.actor.role.allows(Permission::WriteMeetings),
        xlsx_url: format!("/orgs/{}/compliance.xlsx?from={from}&to={to}", r.org_code),
        is_cell,
        cell_count: cells.len(),
        compliant,
        rows: cells.into_iter().map(ComplianceRow::of).collect(),
        meetings,
        attendance,
        chart,
        r,
    };
    Ok(Html(render(&page)).into_response())
}

pub async fn compliance_xlsx(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let period = q.period(session.day)?;
    let (from, to) = (period.from, period.to);
    let (actor, c) = (session.actor.clone(), code.clone());
    let bytes = state.run(move |app| app.meeting_register_xlsx(&actor, &c, from, to)).await?;
    Ok(super::download(super::XLSX, &format!("so-theo-doi-sinh-hoat-{code}-{from}-{to}.xlsx"), bytes))
}

pub async fn superiors(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    superiors_page(&state, &session, &q, QuotaPolicyInput::default(), FieldErrors::none()).await
}

async fn superiors_page(
    state: &AppState,
    session: &Session,
    q: &PeriodQuery,
    policy: QuotaPolicyInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let (period, year) = (q.period(session.day)?, q.year(session.day)?);
    let (from, to) = (period.from, period.to);
    let actor = session.actor.clone();
    let (r, documents) = state
        .run(move |app| {
            let r = app.superior_report(&actor, from, to, year)?;
            Ok((r, app.quota_documents(&actor)?))
        })
        .await?;
    // A city has over a hundred assigned members: the chart shows those short of their quota
    // first (the report's order) and leaves the whole list to the table.
    let mut charted = r.clone();
    charted.people.truncate(CHART_PEOPLE);
    let can_set_quota = r.can_set_quota;
    let levels = Choice::list(QuotaLevel::ALL.iter().map(|l| (l.code(), l.label())), &policy.level);
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = SuperiorsPage {
        layout: Layout::of(session, "superiors"),
        chart: quota_chart(&charted),
        charted: charted.people.len(),
        xlsx_url: format!("/superiors.xlsx?from={from}&to={to}&year={year}"),
        from: r.from,
        to: r.to,
        year: r.year,
        total_attendances: r.total_attendances,
        all_attendances: r.all_attendances,
        people: r.people,
        cells: r.cells,
        documents,
        can_set_quota,
        policy,
        levels,
        errors,
    };
    Ok((status, Html(render(&page))).into_response())
}

/// Records a quota policy from the superiors page.
pub async fn add_quota_policy(
    State(state): State<AppState>,
    posted: Posted<QuotaPolicyInput>,
) -> Result<Response, PageError> {
    let (actor, form) = (posted.session.actor.clone(), posted.form.clone());
    match state.run(move |app| app.add_quota_policy(&actor, form)).await {
        Ok(_) => Ok(Redirect::to("/superiors#quota-policies").into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            superiors_page(&state, &posted.session, &PeriodQuery::default(), posted.form, errors).await
        }
    }
}

pub async fn superiors_xlsx(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let (period, year) = (q.period(session.day)?, q.year(session.day)?);
    let (from, to) = (period.from, period.to);
    let actor = session.actor.clone();
    let bytes = state.run(move |app| app.superior_report_xlsx(&actor, from, to, year)).await?;
    Ok(super::download(super::XLSX, &format!("du-sinh-hoat-chi-bo-{year}.xlsx"), bytes))
}
