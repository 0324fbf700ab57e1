//! Member registers over the API (issue 12): a unit's register as a file, a register sent in
//! as the request's body (previewed with `dry_run=true`, else written whole or not at all), and
//! reconciliations with their settling.
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::AppError;
use coso_app::members::{BookFormat, ExplainInput, ImportReport, Reconciliation};
use serde::Deserialize;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::session::ApiActor;

route_table! {
    ROUTES, routes:
    get "/registers/{code}" => export,
    post "/registers/{code}/import" => import,
    post "/registers/{code}/reconciliations" => reconcile,
    get "/reconciliations/{id}" => reconciliation,
    post "/reconciliations/{id}/explain" => explain,
    post "/reconciliations/{id}/correct" => correct,
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub(crate) struct RegisterQuery {
    /// The day of the register (dd/mm/yyyy or yyyy-mm-dd; default today).
    #[serde(default)]
    as_of: Option<String>,
    /// xlsx (default) or csv.
    #[serde(default)]
    format: Option<String>,
    /// Check every row, write nothing.
    #[serde(default)]
    dry_run: Option<bool>,
    /// The name of the file sent, kept with a reconciliation.
    #[serde(default)]
    file_name: Option<String>,
}

impl RegisterQuery {
    fn as_of(&self) -> Result<Option<chrono::NaiveDate>, AppError> {
        match self.as_of.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => coso_domain::date::parse(s)
                .map(Some)
                .ok_or_else(|| AppError::field("as_of", "Ngày không đúng dạng (dd/mm/yyyy).")),
        }
    }
}

/// A unit's register on a day, in the layout of Mẫu 7-HSĐV, as Excel or CSV.
#[utoipa::path(get, path = "/api/v1/registers/{code}", params(("code" = String, Path), RegisterQuery), responses((status = 200, description = "the file", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (status = 403, body = ErrorBody)))]
pub(crate) async fn export(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Query(q): Query<RegisterQuery>,
) -> Result<Response, ApiError> {
    let format = match q.format.as_deref() {
        None | Some("") => BookFormat::Xlsx,
        Some(f) => {
            BookFormat::from_code(f).ok_or_else(|| AppError::field("format", "Dạng tệp là xlsx hoặc csv."))?
        }
    };
    let as_of = q.as_of()?;
    let file = state.run(move |app| app.export_register(&actor, &code, as_of, format)).await?;
    Ok(crate::pages::download(file.content_type, &file.file_name, file.bytes))
}

/// A register (xlsx, xls or CSV) as the request's body, read into the unit: every row checked;
/// written when no row has an error and `dry_run` is not set. An error in a row answers 422
/// with the whole report.
#[utoipa::path(post, path = "/api/v1/registers/{code}/import", params(("code" = String, Path), RegisterQuery), request_body(content = String, content_type = "application/octet-stream"), responses((status = 200, body = ImportReport), (status = 422, body = ImportReport), (status = 403, body = ErrorBody)))]
pub(crate) async fn import(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Query(q): Query<RegisterQuery>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let dry_run = q.dry_run.unwrap_or(false);
    let report = state
        .run(move |app| {
            coso_app::members::check_upload(&body)?;
            app.import_register(&actor, &code, std::io::Cursor::new(body), dry_run, &mut |_| {})
        })
        .await?;
    let status = if report.errors_total > 0 { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, Json(report)).into_response())
}

/// Keeps a register from another level (the body) and compares it with the unit's roll on
/// `as_of`: the reconciliation, with its id.
#[utoipa::path(post, path = "/api/v1/registers/{code}/reconciliations", params(("code" = String, Path), RegisterQuery), request_body(content = String, content_type = "application/octet-stream"), responses((status = 201, body = Reconciliation), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn reconcile(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Query(q): Query<RegisterQuery>,
    body: Bytes,
) -> Result<impl IntoResponse, ApiError> {
    let as_of = q.as_of()?;
    let name = q.file_name.clone().unwrap_or_else(|| "so-dang-vien".into());
    let found = state
        .run(move |app| {
            let id = app.start_reconciliation(&actor, &code, as_of, &name, body.to_vec())?;
            app.reconciliation(&actor, &id)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(found)))
}

/// A kept reconciliation, compared again now.
#[utoipa::path(get, path = "/api/v1/reconciliations/{id}", params(("id" = String, Path)), responses((status = 200, body = Reconciliation), (status = 404, body = ErrorBody)))]
pub(crate) async fn reconciliation(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<Reconciliation>, ApiError> {
    Ok(Json(state.run(move |app| app.reconciliation(&actor, &id)).await?))
}

/// Marks a difference (or a member on one side only) explained.
#[utoipa::path(post, path = "/api/v1/reconciliations/{id}/explain", params(("id" = String, Path)), request_body = ExplainInput, responses((status = 204), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn explain(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<ExplainInput>,
) -> Result<StatusCode, ApiError> {
    state.run(move |app| app.explain_difference(&actor, &id, input)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Which difference to settle by correcting coso's record from the file.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub(crate) struct CorrectInput {
    membership_id: String,
    /// The difference's `field_code`.
    field: String,
}

/// Settles a difference by correcting coso's record to the file's value (audited).
#[utoipa::path(post, path = "/api/v1/reconciliations/{id}/correct", params(("id" = String, Path)), request_body = CorrectInput, responses((status = 200, body = String), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn correct(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(input): Json<CorrectInput>,
) -> Result<Json<String>, ApiError> {
    let member = coso_domain::id::MembershipId::from(input.membership_id);
    Ok(Json(state.run(move |app| app.correct_from_file(&actor, &id, &member, &input.field)).await?))
}
