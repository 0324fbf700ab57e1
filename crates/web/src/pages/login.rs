//! Logging in and out of a browser session.
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::AppError;
use rand::RngCore;

use crate::AppState;
use crate::error::PageError;
use crate::session::{ClientAddress, LOGIN_COOKIE, Posted, SESSION_COOKIE, cookie, same_secret, set_cookie};
use crate::views::{LoginPage, render};

#[derive(serde::Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

async fn login_page(state: &AppState, username: &str, error: &str) -> Response {
    let mut buf = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    let csrf = hex::encode(buf);
    // The login page says a demo is a demo too; a database that cannot answer says nothing.
    let demo_until = state.run(|app| app.demo_day()).await.ok().flatten();
    let page = LoginPage { csrf: csrf.clone(), username: username.into(), error: error.into(), demo_until };
    let status =
        if error.is_empty() { axum::http::StatusCode::OK } else { axum::http::StatusCode::UNAUTHORIZED };
    (status, [(header::SET_COOKIE, set_cookie(LOGIN_COOKIE, &csrf, 3600))], Html(render(&page)))
        .into_response()
}

pub async fn form(State(state): State<AppState>) -> Response {
    login_page(&state, "", "").await
}

pub async fn submit(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let expected = cookie(&headers, LOGIN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !same_secret(&expected, &form.csrf) {
        return login_page(&state, &form.username, "Phiên đăng nhập đã hết hạn. Vui lòng nhập lại.").await;
    }
    let (username, password) = (form.username.clone(), form.password);
    match state.run(move |app| app.login(&username, &password, &address)).await {
        Ok(s) => (
            [(
                header::SET_COOKIE,
                set_cookie(SESSION_COOKIE, &s.token, coso_app::auth::SESSION_HOURS * 3600),
            )],
            Redirect::to("/"),
        )
            .into_response(),
        Err(AppError::Unauthenticated) => {
            login_page(&state, &form.username, "Tên đăng nhập hoặc mật khẩu không đúng.").await
        }
        Err(e @ AppError::Throttled { .. }) => login_page(&state, &form.username, &e.to_string()).await,
        Err(e) => PageError(e).into_response(),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    posted: Posted<serde::de::IgnoredAny>,
) -> Result<Response, PageError> {
    let token = posted.session.token.clone();
    state.run(move |app| app.logout(&token)).await?;
    Ok(([(header::SET_COOKIE, set_cookie(SESSION_COOKIE, "", 0))], Redirect::to("/login")).into_response())
}
