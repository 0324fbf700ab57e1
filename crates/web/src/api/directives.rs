//! The overview, documents, resolutions and plans over the API, as the pages offer them (issue 13).
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use coso_app::documents::{DocumentFilter, DocumentInput, DocumentView};
use coso_app::overview::Overview;
use coso_app::plans::{PlanInput, PlanView, ProgressInput, TaskInput};
use coso_app::resolutions::{ResolutionInput, ResolutionView, ValueInput};

use super::meetings::Created;
use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::query::{DayQuery, PeriodQuery};
use crate::session::ApiActor;

route_table! {
    ROUTES, routes:
    get "/overview" => overview,
    get "/documents" => documents,
    post "/documents" => register_document,
    get "/resolutions" => resolutions,
    post "/resolutions" => record_resolution,
    post "/targets/{id}/values" => record_value,
    get "/plans" => plans,
    post "/plans" => record_plan,
    get "/plans/{id}" => plan,
    post "/plans/{id}/tasks" => assign_task,
    post "/tasks/{id}/progress" => report_progress,
}

/// The overview's period and unit.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct OverviewQuery {
    /// First day (dd/mm/yyyy or yyyy-mm-dd); 01/01/2016 by default, where the seed's figures start.
    from: Option<String>,
    /// Last day; today by default (the demo: its reference day). It may not come before the first.
    to: Option<String>,
    /// The organization's code; the caller's own committee by default.
    org: Option<String>,
}

/// Every figure of the overview report of a committee over a period: its TCCSĐ, meeting
/// compliance, superior attendances since the quota policy, pilot units, training, ratings by
/// year, targets met, plans and the documents that govern them.
#[utoipa::path(get, path = "/api/v1/overview", params(OverviewQuery), responses((status = 200, body = Overview), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn overview(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<OverviewQuery>,
) -> Result<Json<Overview>, ApiError> {
    let day = state.default_day().await?;
    let from = q.from.filter(|f| !f.trim().is_empty()).or_else(|| Some("2016-01-01".into()));
    let period = PeriodQuery { from, to: q.to, year: None }.period(day)?;
    let org = q.org.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
    Ok(Json(state.run(move |app| app.overview(&actor, period.from, period.to, org.as_deref())).await?))
}

/// The document registry, filtered by issue date, type code (`QĐ`, `KH`, `ĐA`…) and the start
/// of the number; documents are public within the party.
#[utoipa::path(get, path = "/api/v1/documents", params(("from" = Option<String>, Query), ("to" = Option<String>, Query), ("type" = Option<String>, Query, description = "Type code: NQ, QĐ, KH, ĐA…"), ("number" = Option<String>, Query, description = "Start of the number: 35-KH, 1764")), responses((status = 200, body = [DocumentView]), (status = 422, body = ErrorBody)))]
pub(crate) async fn documents(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(filter): Query<DocumentFilter>,
) -> Result<Json<Vec<DocumentView>>, ApiError> {
    Ok(Json(state.run(move |app| app.documents(&actor, &filter)).await?))
}

/// Registers a document by its number as written (`1764-QĐ/TU`, `1206/QĐ-BTP`); a number that
/// does not read is refused with its reason.
#[utoipa::path(post, path = "/api/v1/documents", request_body = DocumentInput, responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn register_document(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<DocumentInput>,
) -> Result<impl IntoResponse, ApiError> {
    let id = state.run(move |app| app.register_document(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct YearQuery {
    /// The year statuses are read on; each term's end by default.
    year: Option<i32>,
}

/// The resolutions the caller sees (its committee's, those below and above it), each target
/// with its yearly figures and status.
#[utoipa::path(get, path = "/api/v1/resolutions", params(YearQuery), responses((status = 200, body = [ResolutionView])))]
pub(crate) async fn resolutions(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<YearQuery>,
) -> Result<Json<Vec<ResolutionView>>, ApiError> {
    Ok(Json(state.run(move |app| app.resolutions(&actor, q.year)).await?))
}

/// Records a congress resolution for a term with its targets; every problem of every target
/// is named at once.
#[utoipa::path(post, path = "/api/v1/resolutions", request_body = ResolutionInput, responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn record_resolution(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<ResolutionInput>,
) -> Result<impl IntoResponse, ApiError> {
    let id = state.run(move |app| app.record_resolution(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Records a target's figure for a year of the term, replacing an earlier one.
#[utoipa::path(post, path = "/api/v1/targets/{id}/values", params(("id" = String, Path)), request_body = ValueInput, responses((status = 204), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn record_value(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<ValueInput>,
) -> Result<StatusCode, ApiError> {
    state.run(move |app| app.record_target_value(&actor, &id, input)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Plans and projects running in a period (this year to date by default), their indicators
/// unmeasured: `/api/v1/plans/{id}` measures one.
#[utoipa::path(get, path = "/api/v1/plans", params(("from" = Option<String>, Query), ("to" = Option<String>, Query)), responses((status = 200, body = [PlanView]), (status = 422, body = ErrorBody)))]
pub(crate) async fn plans(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<PeriodQuery>,
) -> Result<Json<Vec<PlanView>>, ApiError> {
    let period = q.period(state.default_day().await?)?;
    Ok(Json(state.run(move |app| app.plans(&actor, period.from, period.to)).await?))
}

/// Records a plan or project with its indicators.
#[utoipa::path(post, path = "/api/v1/plans", request_body = PlanInput, responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn record_plan(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<PlanInput>,
) -> Result<impl IntoResponse, ApiError> {
    let id = state.run(move |app| app.record_plan(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A plan as it stands on a day (`as_of`, today by default): indicators measured to that day,
/// tasks overdue by it.
#[utoipa::path(get, path = "/api/v1/plans/{id}", params(("id" = String, Path), DayQuery), responses((status = 200, body = PlanView), (status = 404, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn plan(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Query(q): Query<DayQuery>,
) -> Result<Json<PlanView>, ApiError> {
    let on = q.day(state.default_day().await?)?;
    Ok(Json(state.run(move |app| app.plan(&actor, &id, on)).await?))
}

/// Assigns a task of the plan to its committee or a unit below it; a unit outside the
/// committee's subtree is refused.
#[utoipa::path(post, path = "/api/v1/plans/{id}/tasks", params(("id" = String, Path)), request_body = TaskInput, responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn assign_task(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<TaskInput>,
) -> Result<impl IntoResponse, ApiError> {
    let id = state.run(move |app| app.assign_task(&actor, &id, input)).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Reports progress on a task (0–100%; at 100% it is done), by the unit that carries it out
/// or the committee that assigned it.
#[utoipa::path(post, path = "/api/v1/tasks/{id}/progress", params(("id" = String, Path)), request_body = ProgressInput, responses((status = 204), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn report_progress(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<ProgressInput>,
) -> Result<StatusCode, ApiError> {
    state.run(move |app| app.report_progress(&actor, &id, input)).await?;
    Ok(StatusCode::NO_CONTENT)
}
