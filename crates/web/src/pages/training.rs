//! The training pages (issue 11): the classes of a period with their totals, opening a class,
//! and a class's trainee list imported from a spreadsheet: previewed first, then written whole.
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::AppError;
use coso_app::training::{ClassInput, TraineePreview};
use coso_domain::access::Permission;
use coso_domain::training::{Audience, Category};

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::query::PeriodQuery;
use crate::session::{Posted, Session, same_secret};
use crate::views::pilots::{ClassPage, TrainingPage};
use crate::views::{Choice, Layout, render};

/// The seed's training figures start in 2016.
const FIRST_DAY: &str = "01/01/2016";

async fn list_page(
    state: &AppState,
    session: &Session,
    q: &PeriodQuery,
    form: ClassInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let from = q.from.clone().or_else(|| Some(FIRST_DAY.into()));
    let period = PeriodQuery { from, to: q.to.clone(), year: None }.period(session.day)?;
    let actor = session.actor.clone();
    let r = state.run(move |app| app.training_report(&actor, period.from, period.to)).await?;
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = TrainingPage {
        layout: Layout::of(session, "training"),
        categories: Choice::list(Category::ALL.iter().map(|c| (c.code(), c.label())), &form.category),
        audiences: Choice::list(Audience::ALL.iter().map(|a| (a.code(), a.label())), &form.audience),
        can_write: session.actor.role.allows(Permission::WriteOrgs),
        r,
        form,
        errors,
    };
    Ok((status, Html(render(&page))).into_response())
}

/// The classes of the period shown, with their totals, as an Excel file.
pub async fn list_xlsx(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let from = q.from.clone().or_else(|| Some(FIRST_DAY.into()));
    let period = PeriodQuery { from, to: q.to.clone(), year: None }.period(session.day)?;
    let (actor, from, to) = (session.actor.clone(), period.from, period.to);
    let bytes = state.run(move |app| app.training_report_xlsx(&actor, from, to)).await?;
    Ok(super::download(super::XLSX, &format!("dao-tao-{from}-{to}.xlsx"), bytes))
}

pub async fn list(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    list_page(&state, &session, &q, ClassInput::default(), FieldErrors::none()).await
}

pub async fn create(
    State(state): State<AppState>,
    posted: Posted<ClassInput>,
) -> Result<Response, PageError> {
    let (actor, form) = (posted.session.actor.clone(), posted.form.clone());
    match state.run(move |app| app.create_class(&actor, form)).await {
        Ok(c) => Ok(Redirect::to(&format!("/training/{}", c.id)).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            list_page(&state, &posted.session, &PeriodQuery::default(), posted.form, errors).await
        }
    }
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    saved: Option<usize>,
}

async fn class_page(
    state: &AppState,
    session: &Session,
    id: String,
    preview: Option<(TraineePreview, String)>,
    errors: FieldErrors,
    saved: String,
) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let d = state.run(move |app| app.class_detail(&actor, &id)).await?;
    let refused = errors.any() || preview.as_ref().is_some_and(|(p, _)| !p.errors.is_empty());
    let status = if refused { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let (preview, file_hex) = match preview {
        Some((p, hex)) => (Some(p), hex),
        None => (None, String::new()),
    };
    let mut errors = errors;
    if let Some(p) = &preview {
        errors.general.extend(p.errors.iter().cloned());
    }
    let page = ClassPage {
        layout: Layout::of(session, "training"),
        trainees: d
            .trainees
            .into_iter()
            .map(|t| (t.full_name, t.unit, t.outcome.unwrap_or_default()))
            .collect(),
        c: d.class,
        can_write: d.can_write,
        preview,
        file_hex,
        errors,
        saved,
    };
    Ok((status, Html(render(&page))).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    let saved = q.saved.map(|n| format!("Đã ghi {n} học viên vào lớp.")).unwrap_or_default();
    class_page(&state, &session, id, None, FieldErrors::none(), saved).await
}

/// Reads the uploaded file and shows what it would write, writing nothing.
pub async fn preview(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    // The class is the reader's to see before anything sent is read.
    let (actor, cid) = (session.actor.clone(), id.clone());
    state.run(move |app| app.class_detail(&actor, &cid).map(|_| ())).await?;
    let mut multipart = multipart.map_err(|_| AppError::field("file", "Cần chọn tệp danh sách để gửi."))?;
    let (mut csrf, mut file) = (String::new(), Vec::new());
    while let Some(field) =
        multipart.next_field().await.map_err(|_| AppError::field("file", "Không đọc được tệp gửi lên."))?
    {
        match field.name() {
            Some("_csrf") => csrf = field.text().await.unwrap_or_default(),
            Some("file") => {
                file = field
                    .bytes()
                    .await
                    .map_err(|_| AppError::field("file", "Không đọc được tệp gửi lên."))?
                    .to_vec()
            }
            _ => {}
        }
    }
    if !same_secret(&csrf, &session.csrf) {
        return Err(PageError(AppError::Conflict(
            "Biểu mẫu đã hết hạn hoặc không hợp lệ (thiếu mã bảo vệ CSRF). Hãy tải lại trang và gửi lại."
                .into(),
        )));
    }
    let (actor, cid, bytes) = (session.actor.clone(), id.clone(), file.clone());
    match state.run(move |app| app.preview_trainees(&actor, &cid, &bytes)).await {
        Ok(p) => {
            class_page(
                &state,
                &session,
                id,
                Some((p, hex::encode(&file))),
                FieldErrors::none(),
                String::new(),
            )
            .await
        }
        Err(e) => class_page(&state, &session, id, None, FieldErrors::from_error(e)?, String::new()).await,
    }
}

#[derive(serde::Deserialize, Default, Clone)]
pub struct ImportForm {
    #[serde(default)]
    file_hex: String,
}

/// Writes the previewed list: every row, or none.
pub async fn import(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted<ImportForm>,
) -> Result<Response, PageError> {
    let bytes = hex::decode(posted.form.file_hex.trim())
        .map_err(|_| AppError::field("file", "Tệp xem trước không còn hợp lệ; hãy gửi lại tệp."))?;
    let (actor, cid) = (posted.session.actor.clone(), id.clone());
    match state.run(move |app| app.import_trainees(&actor, &cid, &bytes)).await {
        Ok(n) => Ok(Redirect::to(&format!("/training/{id}?saved={n}")).into_response()),
        Err(e) => {
            class_page(&state, &posted.session, id, None, FieldErrors::from_error(e)?, String::new()).await
        }
    }
}
