//! The HTML pages: login, the organization tree and pages, the member register and records.
mod login;
mod members;
mod orgs;

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
        .route("/members", get(members::list).post(members::create))
        .route("/members/new", get(members::new_form))
        .route("/members/{id}", get(members::show).post(members::update))
        .route("/members/{id}/edit", get(members::edit_form))
        .route("/members/{id}/events", post(members::record_event))
}

/// Reads the `as_of` query value, defaulting to today; a wrong value also means today.
pub(crate) fn as_of(value: Option<&str>) -> chrono::NaiveDate {
    value.and_then(coso_domain::date::parse).unwrap_or_else(coso_app::today)
}
