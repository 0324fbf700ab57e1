//! The stylesheet, vendored htmx and a few lines of script (assets/coso.js), embedded in the binary and served with long caching.
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::AppState;

const CSS: &str = include_str!("../../../assets/coso.css");
/// htmx 2.0.11 (0BSD), see assets/VENDORED.md.
const HTMX: &str = include_str!("../../../assets/htmx.min.js");
const CACHE: &str = "public, max-age=86400";
/// The few behaviours that need script (printing, no double saves), as a file because the CSP
/// refuses inline script.
const JS: &str = include_str!("../../../assets/coso.js");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/assets/coso.css",
            get(|| async {
                ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, CACHE)], CSS)
                    .into_response()
            }),
        )
        .route(
            "/assets/coso.js",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                        (header::CACHE_CONTROL, CACHE),
                    ],
                    JS,
                )
                    .into_response()
            }),
        )
        .route(
            "/assets/htmx.min.js",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                        (header::CACHE_CONTROL, CACHE),
                    ],
                    HTMX,
                )
                    .into_response()
            }),
        )
}
