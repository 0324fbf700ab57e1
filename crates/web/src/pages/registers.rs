//! The member register pages (issue 12): a unit's register as Excel or CSV; a register or list
//! sent in, previewed row by row (errors by row and column) and then written whole; and a
//! register from another level reconciled with coso's, each difference settled on the page.
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::AppError;
use coso_app::members::{BookFormat, ExplainInput, ImportReport, RegisterUnit};

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::session::{Posted, Session, same_secret};
use crate::views::registers::{ReconciliationPage, RegistersPage};
use crate::views::{Layout, render};

#[derive(serde::Deserialize, Default)]
pub struct RegisterQuery {
    #[serde(default)]
    org: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    written: Option<usize>,
}

/// What the page shows beside its forms.
#[derive(Default)]
struct Shown {
    org: String,
    errors: FieldErrors,
    preview: Option<ImportReport>,
    confirm_id: String,
    file_name: String,
    done: String,
}

async fn page(state: &AppState, session: &Session, shown: Shown) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let org = shown.org.trim().to_string();
    let unit = state
        .run(move |app| {
            let code = if org.is_empty() { app.own_org_code(&actor)?.unwrap_or_default() } else { org };
            if code.is_empty() { Ok(None) } else { app.register_unit(&actor, &code).map(Some) }
        })
        .await?;
    let refused = shown.errors.any() || shown.preview.as_ref().is_some_and(|p| p.errors_total > 0);
    let status = if refused { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let view = RegistersPage {
        layout: Layout::of(session, "members"),
        unit,
        as_of: coso_domain::date::format(session.day),
        errors: shown.errors,
        preview: shown.preview,
        confirm_id: shown.confirm_id,
        file_name: shown.file_name,
        done: shown.done,
    };
    Ok((status, Html(render(&view))).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<RegisterQuery>,
) -> Result<Response, PageError> {
    let done = q.written.map(|n| format!("Đã ghi {n} dòng vào sổ đảng viên.")).unwrap_or_default();
    page(&state, &session, Shown { org: q.org.unwrap_or_default(), done, ..Shown::default() }).await
}

/// The register as a file.
pub async fn export(
    State(state): State<AppState>,
    session: Session,
    Path(org): Path<String>,
    Query(q): Query<RegisterQuery>,
) -> Result<Response, PageError> {
    let format = BookFormat::from_code(q.format.as_deref().unwrap_or("xlsx"))
        .ok_or_else(|| AppError::field("format", "Dạng tệp là xlsx hoặc csv."))?;
    let as_of = match q.as_of.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            coso_domain::date::parse(s)
                .ok_or_else(|| AppError::field("as_of", "Ngày tính sổ không đúng dạng (dd/mm/yyyy)."))?,
        ),
    };
    let actor = session.actor.clone();
    let file = state.run(move |app| app.export_register(&actor, &org, as_of, format)).await?;
    Ok(super::download(file.content_type, &file.file_name, file.bytes))
}

/// A register upload: the form's fields and the file.
struct Upload {
    csrf: String,
    as_of: String,
    file_name: String,
    file: Vec<u8>,
}

async fn read_upload(
    session: &Session,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Upload, AppError> {
    let unreadable = || AppError::field("file", "Không đọc được tệp gửi lên.");
    let mut multipart =
        multipart.map_err(|_| AppError::field("file", "Cần chọn tệp sổ đảng viên để gửi."))?;
    let mut up =
        Upload { csrf: String::new(), as_of: String::new(), file_name: String::new(), file: Vec::new() };
    while let Some(field) = multipart.next_field().await.map_err(|_| unreadable())? {
        match field.name() {
            Some("_csrf") => up.csrf = field.text().await.unwrap_or_default(),
            Some("as_of") => up.as_of = field.text().await.unwrap_or_default(),
            Some("file") => {
                up.file_name = field.file_name().unwrap_or("so-dang-vien").to_string();
                up.file = field.bytes().await.map_err(|_| unreadable())?.to_vec();
            }
            _ => {}
        }
    }
    if !same_secret(&up.csrf, &session.csrf) {
        return Err(AppError::Conflict(
            "Biểu mẫu đã hết hạn hoặc không hợp lệ (thiếu mã bảo vệ CSRF). Hãy tải lại trang và gửi lại."
                .into(),
        ));
    }
    Ok(up)
}

/// The unit a register is sent to: the reader's to see, and to write when `write`, before
/// anything sent is read.
async fn unit_for(
    state: &AppState,
    session: &Session,
    code: &str,
    write: bool,
) -> Result<RegisterUnit, PageError> {
    let (actor, code) = (session.actor.clone(), code.to_string());
    let unit = state.run(move |app| app.register_unit(&actor, &code)).await?;
    if write && !unit.can_write {
        return Err(PageError(AppError::Forbidden));
    }
    Ok(unit)
}

/// The page again with an error the user can fix beside its forms (an error they cannot fix
/// is the error page).
async fn refused(
    state: &AppState,
    session: &Session,
    org: String,
    e: AppError,
) -> Result<Response, PageError> {
    page(state, session, Shown { org, errors: FieldErrors::from_error(e)?, ..Shown::default() }).await
}

/// A register sent to the unit `org`: the unit is the reader's (to write, when `write`) before
/// anything sent is read; a file that cannot be read gives the page with its error.
async fn upload(
    state: &AppState,
    session: &Session,
    org: &str,
    write: bool,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Result<Upload, Response>, PageError> {
    unit_for(state, session, org, write).await?;
    match read_upload(session, multipart).await {
        Ok(up) => Ok(Ok(up)),
        Err(e @ AppError::Conflict(_)) => Err(PageError(e)),
        Err(e) => Ok(Err(refused(state, session, org.to_string(), e).await?)),
    }
}

/// Reads a file sent in as a dry run and shows every row's verdict; writes nothing.
pub async fn preview(
    State(state): State<AppState>,
    session: Session,
    Path(org): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    let up = match upload(&state, &session, &org, true, multipart).await? {
        Ok(up) => up,
        Err(refused) => return Ok(refused),
    };
    let (actor, name) = (session.actor.clone(), up.file_name.clone());
    let org_shown = org.clone();
    match state.run(move |app| app.preview_register_import(&actor, &org, &name, up.file)).await {
        Ok((id, report)) => {
            let shown = Shown {
                org: org_shown,
                preview: Some(report),
                confirm_id: id.unwrap_or_default(),
                file_name: up.file_name,
                ..Shown::default()
            };
            page(&state, &session, shown).await
        }
        Err(e) => refused(&state, &session, org_shown, e).await,
    }
}

#[derive(serde::Deserialize, Default, Clone)]
pub struct ConfirmForm {
    /// The unit's page to come back to.
    #[serde(default)]
    org: String,
}

/// Writes a previewed file: every row, or none.
pub async fn confirm(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<ConfirmForm>,
) -> Result<Response, PageError> {
    let actor = posted.session.actor.clone();
    let org = posted.form.org.clone();
    match state.run(move |app| app.confirm_register_import(&actor, &id)).await {
        Ok(r) if r.written => {
            let org: String = posted
                .form
                .org
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                .collect();
            Ok(Redirect::to(&format!("/registers?org={org}&written={}", r.created + r.updated))
                .into_response())
        }
        // The register changed between the preview and the confirmation: the new verdicts.
        Ok(r) => page(&state, &posted.session, Shown { org, preview: Some(r), ..Shown::default() }).await,
        Err(e) => refused(&state, &posted.session, org, e).await,
    }
}

/// Keeps a register from another level and opens its reconciliation.
pub async fn reconcile(
    State(state): State<AppState>,
    session: Session,
    Path(org): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    let up = match upload(&state, &session, &org, false, multipart).await? {
        Ok(up) => up,
        Err(refused) => return Ok(refused),
    };
    let as_of = match up.as_of.trim() {
        "" => None,
        s => match coso_domain::date::parse(s) {
            Some(d) => Some(d),
            None => {
                let e = AppError::field("as_of", "Ngày đối chiếu không đúng dạng (dd/mm/yyyy).");
                return refused(&state, &session, org, e).await;
            }
        },
    };
    let (actor, name) = (session.actor.clone(), up.file_name.clone());
    let org_shown = org.clone();
    match state.run(move |app| app.start_reconciliation(&actor, &org, as_of, &name, up.file)).await {
        Ok(id) => Ok(Redirect::to(&format!("/reconciliations/{id}")).into_response()),
        Err(e) => refused(&state, &session, org_shown, e).await,
    }
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

async fn reconciliation_page(
    state: &AppState,
    session: &Session,
    id: String,
    saved: String,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let (actor, rid) = (session.actor.clone(), id.clone());
    let r = state.run(move |app| app.reconciliation(&actor, &rid)).await?;
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let view = ReconciliationPage { layout: Layout::of(session, "members"), r, id, saved, errors };
    Ok((status, Html(render(&view))).into_response())
}

pub async fn reconciliation(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    let saved = match q.saved.as_deref() {
        Some("explained") => "Đã ghi lý do chênh lệch.".to_string(),
        Some("corrected") => "Đã sửa hồ sơ theo tệp.".to_string(),
        _ => String::new(),
    };
    reconciliation_page(&state, &session, id, saved, FieldErrors::none()).await
}

#[derive(serde::Deserialize, Default, Clone)]
pub struct CorrectForm {
    #[serde(default)]
    membership_id: String,
    #[serde(default)]
    field: String,
}

/// Settles a difference by correcting coso's record from the file.
pub async fn correct(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<CorrectForm>,
) -> Result<Response, PageError> {
    let (actor, rid, form) = (posted.session.actor.clone(), id.clone(), posted.form.clone());
    let member = coso_domain::id::MembershipId::from(form.membership_id);
    match state.run(move |app| app.correct_from_file(&actor, &rid, &member, &form.field)).await {
        Ok(_) => Ok(Redirect::to(&format!("/reconciliations/{id}?saved=corrected")).into_response()),
        Err(e) => {
            reconciliation_page(&state, &posted.session, id, String::new(), FieldErrors::from_error(e)?).await
        }
    }
}

#[derive(serde::Deserialize, Default, Clone)]
pub struct ExplainForm {
    #[serde(default)]
    member_key: String,
    #[serde(default)]
    field: String,
    #[serde(default)]
    note: String,
}

/// Marks a difference explained.
pub async fn explain(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<ExplainForm>,
) -> Result<Response, PageError> {
    let (actor, rid) = (posted.session.actor.clone(), id.clone());
    let f = posted.form.clone();
    let input = ExplainInput { member_key: f.member_key, field: f.field, note: f.note };
    match state.run(move |app| app.explain_difference(&actor, &rid, input)).await {
        Ok(()) => Ok(Redirect::to(&format!("/reconciliations/{id}?saved=explained")).into_response()),
        Err(e) => {
            reconciliation_page(&state, &posted.session, id, String::new(), FieldErrors::from_error(e)?).await
        }
    }
}
