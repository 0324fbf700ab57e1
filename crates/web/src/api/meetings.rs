//! The meeting endpoints of the JSON API: a cell's meetings, recording and correcting one, the
//! compliance report of a subtree and the superior attendance report.
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use coso_app::meetings::{
    AssignmentInput, CellLengthInput, CellLengthView, ComplianceReport, DeleteMeetingInput, MeetingDetail,
    MeetingInput, MeetingSummary, QuotaPolicyInput, SuperiorReport,
};

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::query::PeriodQuery;
use crate::session::ApiActor;

route_table! {
    ROUTES, routes:
    get "/orgs/{code}/meetings" => list_meetings,
    post "/orgs/{code}/meetings" => create_meeting,
    get "/orgs/{code}/compliance" => compliance,
    get "/meetings/{id}" => get_meeting,
    put "/meetings/{id}" => update_meeting,
    delete "/meetings/{id}" => delete_meeting,
    get "/superiors" => superiors,
    post "/quota-policies" => create_quota_policy,
    post "/superior-assignments" => create_assignment,
    get "/orgs/{code}/meeting-lengths" => list_lengths,
    post "/orgs/{code}/meeting-lengths" => create_length,
}

/// A cell's meetings in a period, newest first.
#[utoipa::path(get, path = "/api/v1/orgs/{code}/meetings", params(("code" = String, Path, description = "Cell code"), PeriodQuery), responses((status = 200, body = [MeetingSummary]), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn list_meetings(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Json<Vec<MeetingSummary>>, ApiError> {
    let period = q.period(state.default_day().await?)?;
    let (from, to) = (period.from, period.to);
    Ok(Json(state.run(move |app| app.cell_meetings(&actor, &code, from, to)).await?))
}

/// Records a held meeting of a cell with its absentees and the superiors who came.
#[utoipa::path(post, path = "/api/v1/orgs/{code}/meetings", params(("code" = String, Path, description = "Cell code")), request_body = MeetingInput, responses((status = 201, body = MeetingSummary), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn create_meeting(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Json(input): Json<MeetingInput>,
) -> Result<impl IntoResponse, ApiError> {
    let created = state.run(move |app| app.record_meeting(&actor, &code, input)).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// One meeting with its attendance and what deserves a second look.
#[utoipa::path(get, path = "/api/v1/meetings/{id}", params(("id" = String, Path)), responses((status = 200, body = MeetingDetail), (status = 404, body = ErrorBody)))]
pub(crate) async fn get_meeting(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<coso_domain::id::MeetingId>,
) -> Result<Json<MeetingDetail>, ApiError> {
    Ok(Json(state.run(move |app| app.meeting_detail(&actor, &id)).await?))
}

/// Corrects a recorded meeting: its fields, absentees and superiors are replaced.
#[utoipa::path(put, path = "/api/v1/meetings/{id}", params(("id" = String, Path)), request_body = MeetingInput, responses((status = 200, body = MeetingSummary), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn update_meeting(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<coso_domain::id::MeetingId>,
    Json(input): Json<MeetingInput>,
) -> Result<Json<MeetingSummary>, ApiError> {
    Ok(Json(state.run(move |app| app.update_meeting(&actor, &id, input)).await?))
}

/// Deletes a meeting recorded by mistake, with the reason (`{"reason": "…"}`): the register
/// lists it as deleted, the audit trail keeps its record, no count includes it.
#[utoipa::path(delete, path = "/api/v1/meetings/{id}", params(("id" = String, Path)), request_body = DeleteMeetingInput, responses((status = 204), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn delete_meeting(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<coso_domain::id::MeetingId>,
    Json(input): Json<DeleteMeetingInput>,
) -> Result<StatusCode, ApiError> {
    state.run(move |app| app.delete_meeting(&actor, &id, input)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// How the cells under an organization kept the meeting rules in a period, most findings first.
#[utoipa::path(get, path = "/api/v1/orgs/{code}/compliance", params(("code" = String, Path, description = "Organization code"), PeriodQuery), responses((status = 200, body = ComplianceReport), (status = 422, body = ErrorBody)))]
pub(crate) async fn compliance(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Json<ComplianceReport>, ApiError> {
    let period = q.period(state.default_day().await?)?;
    let (from, to) = (period.from, period.to);
    Ok(Json(state.run(move |app| app.meeting_compliance(&actor, &code, from, to)).await?))
}

/// Superior attendance in a period and each assigned committee member's quota for a year.
#[utoipa::path(get, path = "/api/v1/superiors", params(PeriodQuery), responses((status = 200, body = SuperiorReport), (status = 422, body = ErrorBody)))]
pub(crate) async fn superiors(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<PeriodQuery>,
) -> Result<Json<SuperiorReport>, ApiError> {
    let day = state.default_day().await?;
    let (period, year) = (q.period(day)?, q.year(day)?);
    let (from, to) = (period.from, period.to);
    Ok(Json(state.run(move |app| app.superior_report(&actor, from, to, year)).await?))
}

/// The id of something just created.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub(crate) struct Created {
    pub id: String,
}

/// Records a quota policy (e.g. 1764-QĐ/TU: city committee members at least 2 meetings a year).
#[utoipa::path(post, path = "/api/v1/quota-policies", request_body = QuotaPolicyInput, responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn create_quota_policy(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<QuotaPolicyInput>,
) -> Result<impl IntoResponse, ApiError> {
    let id = state.run(move |app| app.add_quota_policy(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Assigns a committee member to follow a cell, by decision and date range.
#[utoipa::path(post, path = "/api/v1/superior-assignments", request_body = AssignmentInput, responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn create_assignment(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<AssignmentInput>,
) -> Result<impl IntoResponse, ApiError> {
    let id = state.run(move |app| app.assign_superior(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// The meeting lengths a cell's committee set for it (42-HD/BTCTW), newest first; `current`
/// tells which is in force at the end of the period asked (today by default).
#[utoipa::path(get, path = "/api/v1/orgs/{code}/meeting-lengths", params(("code" = String, Path, description = "Cell code"), PeriodQuery), responses((status = 200, body = [CellLengthView]), (status = 403, body = ErrorBody)))]
pub(crate) async fn list_lengths(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Json<Vec<CellLengthView>>, ApiError> {
    let on = q.period(state.default_day().await?)?.to;
    Ok(Json(state.run(move |app| app.cell_lengths(&actor, &code, on)).await?))
}

/// Records the length a cell's committee set for it by decision (42-HD/BTCTW: cells with few
/// members); from 28/10/2025, not overlapping another.
#[utoipa::path(post, path = "/api/v1/orgs/{code}/meeting-lengths", params(("code" = String, Path, description = "Cell code")), request_body = CellLengthInput, responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn create_length(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Json(input): Json<CellLengthInput>,
) -> Result<impl IntoResponse, ApiError> {
    let id = state.run(move |app| app.set_cell_length(&actor, &code, input)).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}
