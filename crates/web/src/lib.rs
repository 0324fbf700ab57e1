//! coso-web: the web face of coso — HTML pages (askama + htmx) and the JSON API with OpenAPI.

/// A router and the list of its routes, from one table: the route × role test walks the list,
/// so a route added to a table cannot escape it.
macro_rules! route_table {
    ($(#[$doc:meta])* $list:ident, $router:ident: $($method:ident $path:literal => $handler:expr),* $(,)?) => {
        /// Every (method, path) the router beside it serves.
        pub const $list: &[(&str, &str)] = &[$((stringify!($method), $path)),*];

        $(#[$doc])*
        pub fn $router() -> axum::Router<crate::AppState> {
            axum::Router::new()$(.route($path, axum::routing::$method($handler)))*
        }
    };
}

mod api;
mod assets;
mod error;
mod form;
mod guard;
mod pages;
mod query;
mod session;
mod views;

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, Request, header};
use coso_app::App;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use api::openapi_json;

/// Every (method, path) the application serves but its static assets and health check: the
/// pages, then the API under `/api/v1`.
pub fn route_table() -> Vec<(&'static str, String)> {
    let pages = pages::ROUTES.iter().map(|(m, p)| (*m, p.to_string()));
    let api = api::ROUTES
        .iter()
        .chain(api::orgs::ROUTES)
        .chain(api::meetings::ROUTES)
        .chain(api::ratings::ROUTES)
        .chain(api::pilots::ROUTES)
        .chain(api::registers::ROUTES)
        .chain(api::directives::ROUTES);
    pages.chain(api.map(|(m, p)| (*m, format!("/api/v1{p}")))).collect()
}

/// Shared by every handler: the application (which holds only the database pool).
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    /// The reverse proxies (nginx) whose `X-Forwarded-For` names the client; a request from
    /// any other peer is its own client, whatever header it sends.
    pub proxies: Proxies,
}

/// The addresses of the trusted reverse proxies (`coso serve --trusted-proxy`).
#[derive(Debug, Clone, Default)]
pub struct Proxies(std::sync::Arc<[std::net::IpAddr]>);

impl Proxies {
    pub fn new(addresses: impl IntoIterator<Item = std::net::IpAddr>) -> Proxies {
        Proxies(addresses.into_iter().collect())
    }

    pub fn trusts(&self, peer: std::net::IpAddr) -> bool {
        self.0.contains(&peer)
    }
}

impl AppState {
    /// The day default dates and periods end on (the API's; pages take the session's).
    pub(crate) async fn default_day(&self) -> coso_app::AppResult<chrono::NaiveDate> {
        self.run(|app| app.default_day()).await
    }

    /// Runs a use case off the async workers (Diesel is synchronous): the one way a handler
    /// calls the app.
    pub(crate) async fn run<T, F>(&self, work: F) -> coso_app::AppResult<T>
    where
        F: FnOnce(&App) -> coso_app::AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let app = self.app.clone();
        blocking(move || work(&app)).await
    }
}

/// Runs blocking application work (Diesel is synchronous) off the async workers.
async fn blocking<T, F>(f: F) -> coso_app::AppResult<T>
where
    F: FnOnce() -> coso_app::AppResult<T> + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(coso_app::AppError::Internal(format!("task: {e}"))))
}

/// The whole HTTP application: pages, API, assets and health, with the common layers; no
/// proxy is trusted.
pub fn router(app: App) -> Router {
    router_behind(app, Proxies::default())
}

/// The same behind the reverse proxies `proxies`.
pub fn router_behind(app: App, proxies: Proxies) -> Router {
    let state = AppState { app, proxies };
    let request_id = HeaderName::from_static("x-request-id");
    Router::new()
        .merge(pages::routes())
        .nest("/api/v1", api::routes())
        .merge(assets::routes())
        .route("/healthz", axum::routing::get(health))
        .with_state(state)
        .layer(axum::middleware::from_fn(guard::refuse_nul))
        .layer(axum::middleware::from_fn(error::in_house_style))
        .layer(axum::middleware::from_fn(session::secure_cookies))
        .layer(axum::extract::DefaultBodyLimit::max(guard::REGISTER_LIMIT))
        .layer(CompressionLayer::new())
        // Pages and answers carry personal data: no browser or proxy keeps a copy. Assets set
        // their own caching and keep it.
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(60)))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
            ),
        ))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(
            // Only method and path are logged: query strings may carry names people searched for.
            TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                let id = req
                    .headers()
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-")
                    .to_string();
                tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), id = %id)
            }),
        )
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}

async fn health(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> (axum::http::StatusCode, &'static str) {
    match state.run(move |app| Ok(app.healthy())).await {
        Ok(true) => (axum::http::StatusCode::OK, "ok"),
        _ => (axum::http::StatusCode::SERVICE_UNAVAILABLE, "database unavailable"),
    }
}

/// Serves until Ctrl-C (or SIGTERM), then finishes the requests in flight; no proxy trusted.
pub async fn serve(app: App, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    serve_behind(app, listener, Proxies::default()).await
}

/// The same behind the reverse proxies `proxies` (nginx in front of several servers).
pub async fn serve_behind(
    app: App,
    listener: tokio::net::TcpListener,
    proxies: Proxies,
) -> std::io::Result<()> {
    axum::serve(listener, router_behind(app, proxies).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
