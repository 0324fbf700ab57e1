//! Pilot guidance and training over the API, as the pages offer them (issue 11).
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use coso_app::pilots::{ActionInput, PilotDetail, PilotInput, PilotReport};
use coso_app::training::{ClassDetail, ClassInput, ClassView, TrainingReport};

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::query::PeriodQuery;
use crate::session::ApiActor;

route_table! {
    ROUTES, routes:
    get "/pilots" => pilots,
    post "/pilots" => open_pilot,
    get "/pilots/{id}" => pilot,
    post "/pilots/{id}/actions" => add_action,
    get "/training" => training,
    post "/training/classes" => create_class,
    get "/training/classes/{id}" => class,
}

/// Pilot units selected in a period (`from`, `to`; from 01/01/2017 to the reference day by
/// default): by the top committee, and by the committees below it.
#[utoipa::path(get, path = "/api/v1/pilots", params(("from" = Option<String>, Query), ("to" = Option<String>, Query)), responses((status = 200, body = PilotReport), (status = 422, body = ErrorBody)))]
pub(crate) async fn pilots(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<PeriodQuery>,
) -> Result<Json<PilotReport>, ApiError> {
    let day = state.default_day().await?;
    let q = PeriodQuery { from: q.from.or_else(|| Some("2017-01-01".into())), ..q };
    let period = q.period(day)?;
    Ok(Json(state.run(move |app| app.pilot_report(&actor, period.from, period.to)).await?))
}

/// Picks a unit of the committee's subtree for pilot guidance; answers with its id.
#[utoipa::path(post, path = "/api/v1/pilots", request_body = PilotInput, responses((status = 201, body = String), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn open_pilot(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<PilotInput>,
) -> Result<impl IntoResponse, ApiError> {
    let id = state.run(move |app| app.open_pilot(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(id)))
}

/// A pilot with its work group, visits, actions and indicator.
#[utoipa::path(get, path = "/api/v1/pilots/{id}", params(("id" = String, Path)), responses((status = 200, body = PilotDetail), (status = 404, body = ErrorBody)))]
pub(crate) async fn pilot(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<PilotDetail>, ApiError> {
    Ok(Json(state.run(move |app| app.pilot(&actor, &id)).await?))
}

/// Sets a remediation action; answers with its id.
#[utoipa::path(post, path = "/api/v1/pilots/{id}/actions", params(("id" = String, Path)), request_body = ActionInput, responses((status = 201, body = String), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn add_action(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<ActionInput>,
) -> Result<impl IntoResponse, ApiError> {
    let created = state.run(move |app| app.add_action(&actor, &id, input)).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Classes starting in a period with their totals (from 01/01/2016 by default).
#[utoipa::path(get, path = "/api/v1/training", params(("from" = Option<String>, Query), ("to" = Option<String>, Query)), responses((status = 200, body = TrainingReport), (status = 422, body = ErrorBody)))]
pub(crate) async fn training(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<PeriodQuery>,
) -> Result<Json<TrainingReport>, ApiError> {
    let day = state.default_day().await?;
    let q = PeriodQuery { from: q.from.or_else(|| Some("2016-01-01".into())), ..q };
    let period = q.period(day)?;
    Ok(Json(state.run(move |app| app.training_report(&actor, period.from, period.to)).await?))
}

/// Opens a class.
#[utoipa::path(post, path = "/api/v1/training/classes", request_body = ClassInput, responses((status = 201, body = ClassView), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn create_class(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<ClassInput>,
) -> Result<impl IntoResponse, ApiError> {
    let created = state.run(move |app| app.create_class(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// A class with its trainees.
#[utoipa::path(get, path = "/api/v1/training/classes/{id}", params(("id" = String, Path)), responses((status = 200, body = ClassDetail), (status = 404, body = ErrorBody)))]
pub(crate) async fn class(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<ClassDetail>, ApiError> {
    Ok(Json(state.run(move |app| app.class_detail(&actor, &id)).await?))
}
