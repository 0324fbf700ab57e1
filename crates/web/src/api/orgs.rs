//! The organization endpoints that change the tree: founding a unit, reorganizing one (rename,
//! move, merge, split, dissolve) and recording a position in it, as the pages do.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use coso_app::orgs::{NewOrg, OrgDetail, OrgSummary};
use coso_app::positions::PositionInput;
use coso_app::reorg::Reorganization;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::session::ApiActor;

route_table! {
    ROUTES, routes:
    post "/orgs" => create_org,
    post "/orgs/{code}/reorganizations" => reorganize,
    post "/orgs/{code}/positions" => add_position,
}

/// Founds an organization under a parent, by a decision.
#[utoipa::path(post, path = "/api/v1/orgs", request_body = NewOrg, responses((status = 201, body = OrgSummary), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn create_org(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<NewOrg>,
) -> Result<impl IntoResponse, ApiError> {
    let created = state.run(move |app| app.create_org(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Applies one reorganization to the organization, all or nothing; answers with the
/// organization as it stands after it.
#[utoipa::path(post, path = "/api/v1/orgs/{code}/reorganizations", params(("code" = String, Path, description = "Organization code")), request_body = Reorganization, responses((status = 201, body = OrgDetail), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn reorganize(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Json(input): Json<Reorganization>,
) -> Result<impl IntoResponse, ApiError> {
    let detail = state
        .run(move |app| {
            app.reorganize(&actor, &code, input)?;
            app.org_detail(&actor, &code, app.default_day()?)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(detail)))
}

/// Records that a member holds a position (secretary, deputy, committee member…) in the
/// organization; answers with the organization and its officers.
#[utoipa::path(post, path = "/api/v1/orgs/{code}/positions", params(("code" = String, Path, description = "Organization code")), request_body = PositionInput, responses((status = 201, body = OrgDetail), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn add_position(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Json(input): Json<PositionInput>,
) -> Result<impl IntoResponse, ApiError> {
    let detail = state
        .run(move |app| {
            app.add_position(&actor, &code, input)?;
            app.org_detail(&actor, &code, app.default_day()?)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(detail)))
}
