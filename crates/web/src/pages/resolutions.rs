//! The resolution pages (issue 13): the congress resolutions the reader sees with their targets
//! reached, and one resolution's targets year by year, where its committee records a figure.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::AppError;
use coso_app::resolutions::ValueInput;
use coso_domain::Violation;

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::session::{Posted, Session};
use crate::views::directives::{ResolutionPage, ResolutionsPage, ValueForm};
use crate::views::{Layout, render};

#[derive(serde::Deserialize, Default)]
pub struct YearQuery {
    #[serde(default)]
    year: Option<String>,
    #[serde(default)]
    saved: Option<String>,
}

/// The year statuses are read on: the term's end when empty.
fn year_of(q: &YearQuery) -> Result<Option<i32>, AppError> {
    match q.year.as_deref().map(str::trim).filter(|y| !y.is_empty()) {
        None => Ok(None),
        Some(y) => Ok(Some(coso_domain::date::read_year("year", Some(y), 0)?)),
    }
}

pub async fn list(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<YearQuery>,
) -> Result<Response, PageError> {
    let year = year_of(&q)?;
    let actor = session.actor.clone();
    let resolutions = state.run(move |app| app.resolutions(&actor, year)).await?;
    let page = ResolutionsPage { layout: Layout::of(&session, "dashboard"), resolutions, year };
    Ok(Html(render(&page)).into_response())
}

async fn detail(
    state: &AppState,
    session: &Session,
    id: String,
    year: Option<i32>,
    form: ValueForm,
    errors: FieldErrors,
    saved: bool,
) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let r = state.run(move |app| app.resolution(&actor, &id, year)).await?;
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = ResolutionPage::new(Layout::of(session, "dashboard"), r, session.day, form, errors, saved);
    Ok((status, Html(render(&page))).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<YearQuery>,
) -> Result<Response, PageError> {
    let year = year_of(&q)?;
    let saved = q.saved.is_some();
    detail(&state, &session, id, year, ValueForm::default(), FieldErrors::none(), saved).await
}

/// A resolution's targets with their yearly figures as an Excel file.
pub async fn targets_xlsx(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<YearQuery>,
) -> Result<Response, PageError> {
    let year = year_of(&q)?;
    let actor = session.actor.clone();
    let bytes = state.run(move |app| app.resolution_xlsx(&actor, &id, year)).await?;
    Ok(super::download(super::XLSX, "chi-tieu-nghi-quyet.xlsx", bytes))
}

/// A figure as people type it: "97,3" and "1.250,5" the Vietnamese way (a comma before the
/// decimals, dots between thousands), "97.3" as a phone's number pad sends it, "%" or spaces
/// around.
fn read_value(text: &str) -> Option<f64> {
    let bare: String = text.trim().trim_end_matches('%').chars().filter(|c| !c.is_whitespace()).collect();
    let cleaned = if bare.contains(',') { bare.replace('.', "").replace(',', ".") } else { bare };
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Records a target's figure for a year; the target must be one of this resolution's.
pub async fn record_value(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<ValueForm>,
) -> Result<Response, PageError> {
    let form = posted.form.clone();
    let (actor, rid) = (posted.session.actor.clone(), id.clone());
    let r = state.run(move |app| app.resolution(&actor, &rid, None)).await?;
    let mut problems = Vec::new();
    if !r.targets.iter().any(|t| t.id == form.target_id) {
        problems.push(Violation::on("target_id", "Cần chọn một chỉ tiêu của nghị quyết này."));
    }
    let year = form.year.trim().parse::<i32>().ok();
    if year.is_none() {
        problems.push(Violation::on("year", "Năm không hợp lệ, ví dụ 2020."));
    }
    let value = read_value(&form.value);
    if value.is_none() {
        problems.push(Violation::on("value", "Giá trị phải là một số, ví dụ 97,5."));
    }
    let refused = match (problems.is_empty(), year, value) {
        (true, Some(year), Some(value)) => {
            let input = ValueInput { year, value, source: form.source.clone() };
            let (actor, target) = (posted.session.actor.clone(), form.target_id.clone());
            match state.run(move |app| app.record_target_value(&actor, &target, input)).await {
                Ok(()) => {
                    return Ok(Redirect::to(&format!("/resolutions/{id}?saved=1#targets")).into_response());
                }
                Err(e) => FieldErrors::from_error(e)?,
            }
        }
        _ => FieldErrors::from_error(AppError::Invalid(problems))?,
    };
    detail(&state, &posted.session, id, None, form, refused, false).await
}

#[cfg(test)]
mod tests {
    use super::read_value;

    #[test]
    fn a_figure_reads_as_people_type_it() {
        let cases = [
            ("97,3", Some(97.3)),
            ("97.3", Some(97.3)),
            (" 100 % ", Some(100.0)),
            ("1 250", Some(1250.0)),
            ("1.250,5", Some(1250.5)),
            ("", None),
            ("chín mươi", None),
            ("NaN", None),
        ];
        for (typed, want) in cases {
            assert_eq!(read_value(typed), want, "{typed:?}");
        }
    }
}
