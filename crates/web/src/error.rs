//! Turning application errors into answers: a Vietnamese page for people, JSON for the API.
use std::collections::BTreeMap;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::AppError;

use crate::views::ErrorPage;

pub fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn log(e: &AppError) {
    if let AppError::Internal(detail) = e {
        tracing::error!(detail = %detail, "internal error");
    }
}

/// An error on an HTML page.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        log(&self.0);
        if matches!(self.0, AppError::Unauthenticated) {
            return Redirect::to("/login").into_response();
        }
        let status = status_of(&self.0);
        let page = ErrorPage { status: status.as_u16(), message: self.0.to_string() };
        (status, Html(crate::views::render(&page))).into_response()
    }
}

/// An error in the JSON API: `{"error": {"status", "message", "fields"}}`.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError(e)
    }
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    pub status: u16,
    pub message: String,
    /// Field name → message, for input that breaks a rule.
    pub fields: BTreeMap<String, String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        log(&self.0);
        let status = status_of(&self.0);
        let mut fields = BTreeMap::new();
        if let AppError::Invalid(vs) = &self.0 {
            for v in vs {
                if let Some(f) = v.field {
                    fields.entry(f.to_string()).or_insert_with(|| v.message.clone());
                }
            }
        }
        let body =
            ErrorBody { error: ErrorDetail { status: status.as_u16(), message: self.0.to_string(), fields } };
        (status, Json(body)).into_response()
    }
}
