//! The rating round, its statistics, and inspection and discipline, as the pages offer them
//! (issue 10).
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use coso_app::discipline::{Cases, DisciplineInput, DisciplineView, InspectionInput, InspectionView};
use coso_app::ratings::RateInput;
use coso_app::ratings::RoundView;
use coso_app::ratings::stats::RatingStats;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::session::ApiActor;

route_table! {
    ROUTES, routes:
    get "/ratings" => stats,
    get "/ratings/{code}/{year}" => round,
    post "/ratings/{code}/{year}" => rate,
    get "/cases" => cases,
    post "/inspections" => open_inspection,
    post "/disciplines" => decide_discipline,
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct StatsQuery {
    /// The rating's year; by default the last year rated by the reference day (the year
    /// ending, in December).
    year: Option<i32>,
    /// Only under this unit (its code).
    org: Option<String>,
}

/// The year's decided ratings in the caller's scope: counts and shares per tier, by level,
/// the trend over the years and the units below target.
#[utoipa::path(get, path = "/api/v1/ratings", params(StatsQuery), responses((status = 200, body = RatingStats), (status = 403, body = ErrorBody)))]
pub(crate) async fn stats(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<StatsQuery>,
) -> Result<Json<RatingStats>, ApiError> {
    let day = state.default_day().await?;
    let year = q.year.unwrap_or_else(|| crate::query::rating_year(day));
    Ok(Json(state.run(move |app| app.rating_stats(&actor, year, q.org.as_deref())).await?))
}

/// A unit's round for a year: its members or subordinate units, the tiers at each stage and
/// the highest each may get.
#[utoipa::path(get, path = "/api/v1/ratings/{code}/{year}", params(("code" = String, Path, description = "Organization code"), ("year" = i32, Path, description = "The rating's year")), responses((status = 200, body = RoundView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn round(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((code, year)): Path<(String, i32)>,
) -> Result<Json<RoundView>, ApiError> {
    Ok(Json(state.run(move |app| app.rating_round(&actor, &code, year)).await?))
}

/// Records a stage of the round (self-assessment, proposal, decision); a proposal or decision
/// that breaks a rule of the year is refused (422) with each violation and its citation.
#[utoipa::path(post, path = "/api/v1/ratings/{code}/{year}", params(("code" = String, Path, description = "Organization code"), ("year" = i32, Path, description = "The rating's year")), request_body = RateInput, responses((status = 201, body = RoundView), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn rate(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((code, year)): Path<(String, i32)>,
    Json(input): Json<RateInput>,
) -> Result<impl IntoResponse, ApiError> {
    let view = state.run(move |app| app.rate(&actor, &code, year, input)).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// Inspection and supervision cases and discipline decisions in the caller's scope.
#[utoipa::path(get, path = "/api/v1/cases", responses((status = 200, body = Cases), (status = 403, body = ErrorBody)))]
pub(crate) async fn cases(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<Cases>, ApiError> {
    Ok(Json(state.run(move |app| app.cases(&actor)).await?))
}

/// Opens an inspection or supervision case.
#[utoipa::path(post, path = "/api/v1/inspections", request_body = InspectionInput, responses((status = 201, body = InspectionView), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn open_inspection(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<InspectionInput>,
) -> Result<impl IntoResponse, ApiError> {
    let view = state.run(move |app| app.open_inspection(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// Records a discipline decision; an expulsion ends the membership.
#[utoipa::path(post, path = "/api/v1/disciplines", request_body = DisciplineInput, responses((status = 201, body = DisciplineView), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn decide_discipline(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<DisciplineInput>,
) -> Result<impl IntoResponse, ApiError> {
    let view = state.run(move |app| app.decide_discipline(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(view)))
}
