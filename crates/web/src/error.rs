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
    /// Every broken rule: its field, its message and the text it rests on.
    pub details: Vec<ErrorItem>,
}

/// One broken rule in an error body.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorItem {
    pub field: Option<String>,
    pub message: String,
    /// The regulation the rule comes from, e.g. `Điều lệ Đảng, Điều 35, khoản 2`.
    pub citation: Option<String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        log(&self.0);
        let status = status_of(&self.0);
        let mut fields = BTreeMap::new();
        let mut details = Vec::new();
        if let AppError::Invalid(vs) = &self.0 {
            for v in vs {
                if let Some(f) = v.field {
                    fields.entry(f.to_string()).or_insert_with(|| v.message.clone());
                }
                details.push(ErrorItem {
                    field: v.field.map(String::from),
                    message: v.message.clone(),
                    citation: v.citation.map(String::from),
                });
            }
        }
        let body = ErrorBody {
            error: ErrorDetail { status: status.as_u16(), message: self.0.to_string(), fields, details },
        };
        (status, Json(body)).into_response()
    }
}

/// What a refusal that did not come from coso itself says: axum's own rejections (malformed
/// JSON, a missing content type, a query that does not parse), an unknown address or method.
fn house_message(status: StatusCode, method: &axum::http::Method) -> String {
    match status.as_u16() {
        400 => "Yêu cầu không đúng dạng: có tham số hoặc nội dung không đọc được.".into(),
        404 => "Không tìm thấy địa chỉ này.".into(),
        405 => format!("Địa chỉ này không nhận yêu cầu {method}."),
        408 => "Yêu cầu quá thời gian chờ; vui lòng thử lại.".into(),
        413 => "Dữ liệu gửi lên quá lớn (tối đa 2 MB).".into(),
        415 => "Cần gửi dữ liệu JSON (Content-Type: application/json).".into(),
        422 => "Nội dung gửi lên không đúng dạng: thiếu trường hoặc sai kiểu dữ liệu.".into(),
        500..=599 => "Hệ thống gặp lỗi, dữ liệu chưa được ghi. Vui lòng thử lại.".into(),
        _ => "Yêu cầu không hợp lệ.".into(),
    }
}

/// Gives every error the house's form: JSON under `/api/`, a Vietnamese page elsewhere. Errors
/// coso answers itself already have it and pass unchanged; the others (axum's English text or
/// an empty body) are replaced, their status kept.
pub async fn in_house_style(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let method = req.method().clone();
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let kind =
        res.headers().get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let ours = if api { kind.starts_with("application/json") } else { kind.starts_with("text/html") };
    if ours {
        return res;
    }
    let message = house_message(status, &method);
    let mut out = if api {
        let body = ErrorBody {
            error: ErrorDetail {
                status: status.as_u16(),
                message,
                fields: BTreeMap::new(),
                details: Vec::new(),
            },
        };
        (status, Json(body)).into_response()
    } else {
        let page = ErrorPage { status: status.as_u16(), message };
        (status, Html(crate::views::render(&page))).into_response()
    };
    // A 405 still says which methods the address takes.
    if let Some(allow) = res.headers().get(axum::http::header::ALLOW) {
        out.headers_mut().insert(axum::http::header::ALLOW, allow.clone());
    }
    out
}
