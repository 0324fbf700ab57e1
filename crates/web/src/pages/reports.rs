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
use crate::query::{ListQuery, Paged, PeriodQuery, with_query};
use crate::session::{Posted, Session};
use crate::views::meetings::{CompliancePage, ComplianceRow, SuperiorsPage};
use crate::views::{Choice, Layout, render};

/// How many committee members the quota chart shows at most.
const CHART_PEOPLE: usize = 20;
/// Rows per page of the long lists (cells of a city, committee members with quotas): a phone
/// scrolls through a page in a few flicks.
const PER_PAGE: usize = 30;
/// A chart drawn for a phone's width, and one for a desktop's: the page shows the one that fits.
const NARROW: u32 = 360;
const WIDE: u32 = 760;

/// The compliance page of the top of the reader's scope.
pub async fn compliance_home(State(state): State<AppState>, session: Session) -> Result<Response, PageError> {
    let (actor, day) = (session.actor.clone(), session.day);
    let level = state.run(move |app| app.tree_level(&actor, None, day)).await?;
    // The top of the scope, or its first unit when the whole tree has several roots.
    let root = level
        .org
        .or_else(|| level.units.into_iter().next().map(|u| u.org))
        .ok_or_else(|| AppError::NotFound("tổ chức đảng trong phạm vi của bạn".into()))?;
    Ok(Redirect::to(&format!("/orgs/{}/compliance", root.code)).into_response())
}

pub async fn compliance(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
    Query(list): Query<ListQuery>,
) -> Result<Response, PageError> {
    let period = q.period(session.day)?;
    let (from, to) = (period.from, period.to);
    let (actor, c) = (session.actor.clone(), code.clone());
    let mut r = state.run(move |app| app.meeting_compliance(&actor, &c, from, to)).await?;
    let chart = (attendance_chart(&r, WIDE), attendance_chart(&r, NARROW));
    let meetings = r.meetings_held;
    let attendance = r.attendance_rate.map_or_else(|| "—".to_string(), coso_domain::vi::share);
    let (compliant, is_cell) = (r.compliant_cells, r.is_cell);
    let cells = std::mem::take(&mut r.cells);
    let cell_count = cells.len();
    let shown: Vec<ComplianceRow> = cells
        .into_iter()
        .filter(|c| !list.only() || !c.findings.is_empty())
        .filter(|c| list.matches([c.org_name.as_str(), c.org_code.as_str()]))
        .map(ComplianceRow::of)
        .collect();
    let path = format!("/orgs/{}/compliance", r.org_code);
    let url = |page: usize| {
        with_query(
            &path,
            &[
                ("from", from.to_string()),
                ("to", to.to_string()),
                ("q", list.q.trim().to_string()),
                ("only", list.only.clone()),
                ("page", page.to_string()),
            ],
        )
    };
    let rows = Paged::of(shown, list.page(), PER_PAGE, url);
    let page = CompliancePage {
        layout: Layout::of(&session, "meetings"),
        can_write: session.actor.role.allows(Permission::WriteMeetings),
        xlsx_url: format!("/orgs/{}/compliance.xlsx?from={from}&to={to}", r.org_code),
        is_cell,
        cell_count,
        compliant,
        rows,
        list,
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
    Query(list): Query<ListQuery>,
) -> Result<Response, PageError> {
    superiors_page(&state, &session, &q, list, QuotaPolicyInput::default(), FieldErrors::none()).await
}

async fn superiors_page(
    state: &AppState,
    session: &Session,
    q: &PeriodQuery,
    list: ListQuery,
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
    let (people_total, short_total) = (r.people.len(), r.people.iter().filter(|p| p.shortfall > 0).count());
    let shown: Vec<_> = r
        .people
        .into_iter()
        .filter(|p| !list.only() || p.shortfall > 0)
        .filter(|p| list.matches([p.name.as_str()]))
        .collect();
    let url = |page: usize| {
        with_query(
            "/superiors",
            &[
                ("from", from.to_string()),
                ("to", to.to_string()),
                ("year", year.to_string()),
                ("q", list.q.trim().to_string()),
                ("only", list.only.clone()),
                ("page", page.to_string()),
            ],
        )
    };
    let people = Paged::of(shown, list.page(), PER_PAGE, url);
    let cells: Vec<_> = r
        .cells
        .into_iter()
        .filter(|c| {
            list.matches(std::iter::once(c.org_name.as_str()).chain(c.names.iter().map(String::as_str)))
        })
        .collect();
    let page = SuperiorsPage {
        layout: Layout::of(session, "superiors"),
        chart: (quota_chart(&charted, WIDE), quota_chart(&charted, NARROW)),
        charted: charted.people.len(),
        xlsx_url: format!("/superiors.xlsx?from={from}&to={to}&year={year}"),
        from: r.from,
        to: r.to,
        year: r.year,
        total_attendances: r.total_attendances,
        all_attendances: r.all_attendances,
        people_total,
        short_total,
        people,
        cells,
        list,
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
            let (period, list) = (PeriodQuery::default(), ListQuery::default());
            superiors_page(&state, &posted.session, &period, list, posted.form, errors).await
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
