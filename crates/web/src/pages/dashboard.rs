//! The dashboard (issue 13): a committee's party-building work over a period in figures, each
//! leading to its page, and the overview report in Word, Excel and text.
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use coso_app::overview::OverviewFormat;
use coso_app::{AppError, AppResult};
use coso_domain::date::Period;

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::query::PeriodQuery;
use crate::session::Session;
use crate::views::dashboard::{DashboardPage, ratings_chart};
use crate::views::{Layout, render};

/// A dashboard opened without dates starts here: the seed's figures (training, ratings, the
/// 2015–2020 resolution's yearly values, pilots) begin in 2016, and the article reports from
/// then on; a year-to-date default would hide most of them.
const FIRST_DAY: &str = "2016-01-01";

/// The period and unit the dashboard and its report files are asked for.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct OverviewQuery {
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    /// An organization's code; the reader's own committee when empty.
    #[serde(default)]
    org: Option<String>,
}

impl OverviewQuery {
    /// The period asked for, from 01/01/2016 and to `day` where a bound is left empty.
    pub fn period(&self, day: chrono::NaiveDate) -> AppResult<Period> {
        let from = self.from.clone().filter(|f| !f.trim().is_empty()).or_else(|| Some(FIRST_DAY.into()));
        PeriodQuery { from, to: self.to.clone(), year: None }.period(day)
    }

    pub fn org(&self) -> Option<String> {
        self.org.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(String::from)
    }
}

pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<OverviewQuery>,
) -> Result<Response, PageError> {
    let mut errors = FieldErrors::none();
    let mut overview = None;
    match q.period(session.day) {
        Ok(p) => {
            let (actor, org) = (session.actor.clone(), q.org());
            match state.run(move |app| app.overview(&actor, p.from, p.to, org.as_deref())).await {
                Ok(o) => overview = Some(o),
                // A period or unit the reader can correct comes back beside the form.
                Err(e @ AppError::Invalid(_)) => errors = FieldErrors::from_error(e)?,
                Err(e) => return Err(e.into()),
            }
        }
        Err(e) => errors = FieldErrors::from_error(e)?,
    }
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    // The form shows what was typed after a refusal, and the period read otherwise.
    let (from, to, org) = match &overview {
        Some(o) => (o.from.to_string(), o.to.to_string(), o.org_code.clone()),
        None => (
            q.from.clone().unwrap_or_default(),
            q.to.clone().unwrap_or_default(),
            q.org().unwrap_or_default(),
        ),
    };
    let chart = overview.as_ref().map(|o| (ratings_chart(o, 620), ratings_chart(o, 360))).unwrap_or_default();
    let page = DashboardPage {
        layout: Layout::of(&session, "dashboard"),
        o: overview,
        from,
        to,
        org,
        errors,
        chart,
    };
    Ok((status, Html(render(&page))).into_response())
}

/// The overview report as a file of `format`, named for its unit and period.
async fn report(
    state: AppState,
    session: Session,
    q: OverviewQuery,
    format: OverviewFormat,
) -> Result<Response, PageError> {
    let p = q.period(session.day)?;
    let (actor, org) = (session.actor.clone(), q.org());
    let (bytes, unit) = state
        .run(move |app| {
            let bytes = app.overview_file(&actor, p.from, p.to, org.as_deref(), format)?;
            // The file is named for its unit: the one asked for, or the reader's own.
            let unit = match org {
                Some(code) => Some(code),
                None => app.own_org_code(&actor)?,
            };
            Ok((bytes, unit))
        })
        .await?;
    let (content_type, ext) = match format {
        OverviewFormat::Docx => (super::DOCX, "docx"),
        OverviewFormat::Xlsx => (super::XLSX, "xlsx"),
        OverviewFormat::Text => ("text/plain; charset=utf-8", "txt"),
    };
    let unit = unit.map(|u| format!("-{u}")).unwrap_or_default();
    Ok(super::download(content_type, &format!("bao-cao-tong-quan{unit}-{}-{}.{ext}", p.from, p.to), bytes))
}

pub async fn report_docx(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<OverviewQuery>,
) -> Result<Response, PageError> {
    report(state, session, q, OverviewFormat::Docx).await
}

pub async fn report_xlsx(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<OverviewQuery>,
) -> Result<Response, PageError> {
    report(state, session, q, OverviewFormat::Xlsx).await
}

pub async fn report_txt(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<OverviewQuery>,
) -> Result<Response, PageError> {
    report(state, session, q, OverviewFormat::Text).await
}
