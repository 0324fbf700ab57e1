//! Who is asking: the browser session (HttpOnly cookie, CSRF token on every non-GET) or an API
//! bearer token. These extractors are the only way handlers learn the `Actor`.
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use coso_app::{Actor, AppError};
use serde::de::DeserializeOwned;

use crate::AppState;
use crate::error::{ApiError, PageError};

pub const SESSION_COOKIE: &str = "coso_session";
/// Double-submit token for the login form, which has no session yet.
pub const LOGIN_COOKIE: &str = "coso_login";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// A cookie's value from the request headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The `Set-Cookie` value of a session or login cookie.
pub fn set_cookie(name: &str, value: &str, max_age_secs: i64) -> String {
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}")
}

/// Marks every cookie `Secure` when the browser reached coso over HTTPS. coso speaks plain HTTP
/// and is put behind a TLS proxy for the internet; the proxy says so with the standard
/// `X-Forwarded-Proto: https` header, and then cookies never travel unencrypted.
pub async fn secure_cookies(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let https = req
        .headers()
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https"));
    let mut res = next.run(req).await;
    if https {
        let cookies: Vec<_> = res.headers().get_all(header::SET_COOKIE).iter().cloned().collect();
        res.headers_mut().remove(header::SET_COOKIE);
        for c in cookies {
            let secured = format!("{}; Secure", c.to_str().unwrap_or_default());
            if let Ok(v) = axum::http::HeaderValue::from_str(&secured) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
        }
    }
    res
}

/// The address a request comes from, as login throttling counts it: the connection's peer, or,
/// when the peer is a trusted proxy, the address that proxy appended last to
/// `X-Forwarded-For` (nginx's `$proxy_add_x_forwarded_for`). A client talking to coso directly
/// cannot choose its address with the header.
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer =
            parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
        let forwarded = || {
            parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .and_then(|a| a.trim().parse::<std::net::IpAddr>().ok())
        };
        let client = match peer {
            Some(p) if state.proxies.trusts(p) => forwarded().unwrap_or(p),
            Some(p) => p,
            None => return Ok(ClientAddress(String::new())),
        };
        Ok(ClientAddress(client.to_string()))
    }
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A logged-in browser user.
#[derive(Debug, Clone)]
pub struct Session {
    pub actor: Actor,
    pub csrf: String,
    pub token: String,
    /// The day default dates and periods end on: today, or the demo's reference day.
    pub day: chrono::NaiveDate,
    /// The demo's reference day, when the database holds the demo (the banner says so).
    pub demo_until: Option<chrono::NaiveDate>,
}

async fn session_of(headers: &HeaderMap, state: &AppState) -> Result<Session, AppError> {
    let token = cookie(headers, SESSION_COOKIE).ok_or(AppError::Unauthenticated)?;
    let t = token.clone();
    let (actor, csrf, demo_until) = state
        .run(move |app| {
            let (actor, csrf) = app.session(&t)?;
            Ok((actor, csrf, app.demo_day()?))
        })
        .await?;
    let day = demo_until.unwrap_or_else(coso_app::today);
    Ok(Session { actor, csrf, token, day, demo_until })
}

impl FromRequestParts<AppState> for Session {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(session_of(&parts.headers, state).await?)
    }
}

/// A form posted by a logged-in user, its CSRF token checked before the handler runs.
pub struct Posted<T> {
    pub session: Session,
    pub form: T,
}

#[derive(serde::Deserialize)]
struct CsrfOnly {
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for Posted<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (parts, body) = req.into_parts();
        let session = session_of(&parts.headers, state).await?;
        let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(|_| AppError::field("_form", "Không đọc được nội dung biểu mẫu."))?;
        let sent: CsrfOnly = serde_urlencoded::from_bytes(&bytes).unwrap_or(CsrfOnly { csrf: String::new() });
        let header_token = parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
        let token = if sent.csrf.is_empty() { header_token } else { sent.csrf.as_str() };
        if !same_secret(token, &session.csrf) {
            return Err(PageError(AppError::Conflict(
                "Biểu mẫu đã hết hạn hoặc không hợp lệ (thiếu mã bảo vệ CSRF). Hãy tải lại trang và gửi lại."
                    .into(),
            )));
        }
        let form = serde_urlencoded::from_bytes(&bytes)
            .map_err(|e| AppError::field("_form", format!("Biểu mẫu không hợp lệ: {e}")))?;
        Ok(Posted { session, form })
    }
}

/// The caller of an API endpoint: a bearer token, or a browser session (which must send its
/// CSRF token in `X-CSRF-Token` for anything but GET).
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_string());
        if let Some(token) = bearer {
            return Ok(ApiActor(state.run(move |app| app.token_actor(&token)).await?));
        }
        let session = session_of(&parts.headers, state).await?;
        if parts.method != Method::GET && parts.method != Method::HEAD {
            let sent = parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
            if !same_secret(sent, &session.csrf) {
                return Err(ApiError(AppError::Forbidden));
            }
        }
        Ok(ApiActor(session.actor))
    }
}
