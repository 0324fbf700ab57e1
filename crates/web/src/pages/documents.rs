//! The document registry's page (issue 13): party and state documents filtered by date, type
//! and number, the same list as an Excel file, and the form that registers a document.
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::AppError;
use coso_app::documents::{DocumentFilter, DocumentInput};
use coso_domain::access::Permission;
use coso_domain::document::PARTY_TYPES;

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::query::with_query;
use crate::session::{Posted, Session};
use crate::views::directives::{DocumentForm, DocumentsPage};
use crate::views::{Choice, Layout, render};

/// The list's filters and, after a registration, what was saved.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ListQuery {
    #[serde(flatten)]
    filter: DocumentFilter,
    #[serde(default)]
    saved: Option<String>,
}

/// The filters as an address's query, empty ones left out: the export link keeps them.
fn filter_query(path: &str, f: &DocumentFilter) -> String {
    let value = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or_default().to_string();
    with_query(
        path,
        &[
            ("from", value(&f.from)),
            ("to", value(&f.to)),
            ("type", value(&f.type_code)),
            ("number", value(&f.number)),
        ],
    )
}

async fn page(
    state: &AppState,
    session: &Session,
    filter: DocumentFilter,
    form: DocumentForm,
    errors: FieldErrors,
    saved: bool,
) -> Result<Response, PageError> {
    let (actor, f) = (session.actor.clone(), filter.clone());
    let (documents, filter_errors) = match state.run(move |app| app.documents(&actor, &f)).await {
        Ok(d) => (d, FieldErrors::none()),
        Err(e @ AppError::Invalid(_)) => (Vec::new(), FieldErrors::from_error(e)?),
        Err(e) => return Err(e.into()),
    };
    let refused = errors.any() || filter_errors.any();
    let status = if refused { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let current = filter.type_code.clone().unwrap_or_default();
    let mut types =
        vec![Choice { value: String::new(), label: "Tất cả".into(), selected: current.is_empty() }];
    types.extend(Choice::list(PARTY_TYPES.iter().map(|t| (t.code, t.label)), current.trim()));
    let view = DocumentsPage {
        layout: Layout::of(session, "dashboard"),
        xlsx_url: filter_query("/documents.xlsx", &filter),
        can_write: session.actor.role.allows(Permission::WriteOrgs),
        documents,
        filter,
        types,
        filter_errors,
        form,
        errors,
        saved,
    };
    Ok((status, Html(render(&view))).into_response())
}

pub async fn list(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let saved = q.saved.is_some();
    page(&state, &session, q.filter, DocumentForm::default(), FieldErrors::none(), saved).await
}

/// A form's optional value: none when left empty.
fn optional(value: &str) -> Option<String> {
    Some(value.trim().to_string()).filter(|v| !v.is_empty())
}

pub async fn register(
    State(state): State<AppState>,
    posted: Posted<DocumentForm>,
) -> Result<Response, PageError> {
    let f = posted.form.clone();
    let input = DocumentInput {
        number: f.number.clone(),
        issuer_name: f.issuer_name.clone(),
        issuer_code: optional(&f.issuer_code),
        issued_on: f.issued_on.clone(),
        type_name: optional(&f.type_name),
        title: f.title.clone(),
        valid_from: optional(&f.valid_from),
        valid_until: optional(&f.valid_until),
    };
    let actor = posted.session.actor.clone();
    match state.run(move |app| app.register_document(&actor, input)).await {
        Ok(_) => {
            // The new document is shown among those of its number.
            let number = coso_domain::text::nfc(f.number.trim());
            Ok(Redirect::to(&with_query("/documents", &[("number", number), ("saved", "1".into())]))
                .into_response())
        }
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            page(&state, &posted.session, DocumentFilter::default(), posted.form, errors, false).await
        }
    }
}

/// The filtered list as an Excel file: the same rows as the page.
pub async fn xlsx(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let (actor, f) = (session.actor.clone(), q.filter);
    let bytes = state.run(move |app| app.documents_xlsx(&actor, &f)).await?;
    Ok(super::download(super::XLSX, "so-van-ban.xlsx", bytes))
}
