//! The HTML pages: login, the organization tree and pages, the member register and records,
//! cell meetings with their minutes, and the reports on meetings and superior attendance.
mod login;
mod meeting_form;
mod meetings;
mod members;
mod orgs;
mod reports;

use axum::Router;
use axum::response::Redirect;
use axum::routing::{get, post};

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/orgs") }))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/orgs", get(orgs::tree).post(orgs::create))
        .route("/orgs/new", get(orgs::new_form))
        .route("/orgs/{code}", get(orgs::show))
        .route("/orgs/{code}/reorganize", get(orgs::reorg_form).post(orgs::reorganize))
        .route("/orgs/{code}/positions", post(orgs::add_position))
        .route("/orgs/{code}/meetings", get(meetings::list).post(meeting_form::create))
        .route("/orgs/{code}/meetings/new", get(meeting_form::new_form))
        .route("/orgs/{code}/assignments", axum::routing::post(meetings::assign))
        .route("/orgs/{code}/meetings/attendance", get(meeting_form::attendance))
        .route("/orgs/{code}/compliance", get(reports::compliance))
        .route("/orgs/{code}/compliance.xlsx", get(reports::compliance_xlsx))
        .route("/meetings/{id}", get(meetings::show).post(meeting_form::update))
        .route("/meetings/{id}/edit", get(meeting_form::edit_form))
        .route("/meetings/{id}/minutes.docx", get(meetings::minutes_docx))
        .route("/compliance", get(reports::compliance_home))
        .route("/superiors", get(reports::superiors))
        .route("/superiors.xlsx", get(reports::superiors_xlsx))
        .route("/superiors/policies", axum::routing::post(reports::add_quota_policy))
        .route("/members", get(members::list).post(members::create))
        .route("/members/new", get(members::new_form))
        .route("/members/{id}", get(members::show).post(members::update))
        .route("/members/{id}/edit", get(members::edit_form))
        .route("/members/{id}/events", post(members::record_event))
}

/// Whether htmx asked for a fragment of the page (`HX-Request`). A history restore asks for
/// the whole page, as a browser that reloads the address does.
pub(crate) struct Fragment(pub bool);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Fragment {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        let h = &parts.headers;
        let htmx = h.get("hx-request").is_some_and(|v| v == "true");
        Ok(Fragment(htmx && !h.contains_key("hx-history-restore-request")))
    }
}

/// A file to download, named for the reader's disk.
pub(crate) fn download(
    content_type: &'static str,
    file_name: &str,
    bytes: Vec<u8>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    // Header values must stay ASCII; coso's file names are built from codes and dates.
    let safe: String = file_name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
        .collect();
    (
        [
            (axum::http::header::CONTENT_TYPE, content_type.to_string()),
            (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{safe}\"")),
            (axum::http::header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

pub(crate) const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
