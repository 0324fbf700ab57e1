//! Member pages: the register with search and paging, a member's record, forms and events.
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::members::{EventInput, MemberInput, MemberQuery};
use coso_domain::member::{MemberEventKind, MemberStatus};

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::session::{Posted, Session};
use crate::views::{Choice, Layout, MemberFormPage, MemberView, MembersPage, render};

/// A page of the register: by number, or after a member (the next page's cursor).
fn page_url(q: &MemberQuery, page: i64, after: Option<&str>) -> String {
    let mut params = vec![("page", page.to_string())];
    if let Some(after) = after {
        params.push(("after", after.to_string()));
    }
    params.extend(filters(q));
    format!("/members?{}", serde_urlencoded::to_string(params).unwrap_or_default())
}

/// The list's filters as the address carries them.
fn filters(q: &MemberQuery) -> Vec<(&'static str, String)> {
    [("q", &q.q), ("org", &q.org), ("status", &q.status)]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().filter(|s| !s.is_empty()).map(|v| (k, v.to_string())))
        .collect()
}

/// The list with its filters, every page, as an Excel file.
pub async fn list_xlsx(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<MemberQuery>,
) -> Result<Response, PageError> {
    let (actor, query) = (session.actor.clone(), q.clone());
    let bytes = state.run(move |app| app.members_xlsx(&actor, &query)).await?;
    let unit = q.org.as_deref().filter(|o| !o.is_empty()).map(|o| format!("-{o}")).unwrap_or_default();
    Ok(super::download(super::XLSX, &format!("danh-sach-dang-vien{unit}.xlsx"), bytes))
}

pub async fn list(
    State(state): State<AppState>,
    session: Session,
    fragment: super::Fragment,
    Query(q): Query<MemberQuery>,
) -> Result<Html<String>, PageError> {
    let (actor, query) = (session.actor.clone(), q.clone());
    let page = state.run(move |app| app.list_members(&actor, &query)).await?;
    let status = q.status.clone().unwrap_or_default();
    let statuses = Choice::list(
        std::iter::once(("", "Đang sinh hoạt"))
            .chain(MemberStatus::ALL.iter().map(|s| (s.code(), s.label())))
            .chain(std::iter::once(("all", "Tất cả"))),
        &status,
    );
    let prev_url = if page.page > 1 { page_url(&q, page.page - 1, None) } else { String::new() };
    let next_url =
        if page.has_next() { page_url(&q, page.page + 1, page.next_after.as_deref()) } else { String::new() };
    let view = MembersPage {
        layout: Layout::of(&session, "members"),
        q: q.q.clone().unwrap_or_default(),
        org: q.org.clone().unwrap_or_default(),
        page,
        statuses,
        prev_url,
        next_url,
        export_url: crate::query::with_query("/members.xlsx", &filters(&q)),
    };
    // Live search swaps the results only: the form being typed in stays as it is.
    Ok(Html(if fragment.0 { render(&view.as_results()) } else { render(&view) }))
}

fn form_page(session: &Session, form: MemberInput, editing: &str, errors: FieldErrors) -> Response {
    let sexes = Choice::list([("", "— Chọn —"), ("male", "Nam"), ("female", "Nữ")], &form.sex);
    let entries = Choice::list(
        [("admission", "Kết nạp mới (đảng viên dự bị)"), ("transfer_in", "Chuyển sinh hoạt đến")],
        if form.entry.is_empty() { "admission" } else { &form.entry },
    );
    let status =
        if errors.any() { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    let page = MemberFormPage {
        layout: Layout::of(session, "members"),
        form,
        editing: editing.into(),
        sexes,
        entries,
        errors,
    };
    (status, Html(render(&page))).into_response()
}

#[derive(serde::Deserialize, Default)]
pub struct NewQuery {
    org: Option<String>,
}

pub async fn new_form(session: Session, Query(q): Query<NewQuery>) -> Response {
    let form = MemberInput {
        org_code: q.org.unwrap_or_default(),
        ethnicity: "Kinh".into(),
        religion: "Không".into(),
        entry: "admission".into(),
        ..Default::default()
    };
    form_page(&session, form, "", FieldErrors::none())
}

pub async fn create(
    State(state): State<AppState>,
    posted: Posted<MemberInput>,
) -> Result<Response, PageError> {
    let (actor, form) = (posted.session.actor.clone(), posted.form.clone());
    match state.run(move |app| app.create_member(&actor, form)).await {
        Ok(m) => Ok(Redirect::to(&format!("/members/{}", m.id)).into_response()),
        Err(e) => Ok(form_page(&posted.session, posted.form, "", FieldErrors::from_error(e)?)),
    }
}

async fn member_page(
    state: &AppState,
    session: &Session,
    id: coso_domain::id::MembershipId,
    event: EventInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let d = state.run(move |app| app.member_detail(&actor, &id)).await?;
    let event_kinds = Choice::list(
        std::iter::once(("", "— Chọn sự kiện —")).chain(
            MemberEventKind::ALL.iter().filter(|k| k.follows_existing()).map(|k| (k.code(), k.label())),
        ),
        &event.kind,
    );
    let grounds = Choice::list(
        std::iter::once(("", "— Không thuộc các trường hợp này —"))
            .chain(coso_domain::member::LeavingGround::ALL.iter().map(|g| (g.code(), g.label()))),
        event.ground.as_deref().unwrap_or(""),
    );
    let status =
        if errors.any() { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    let page = MemberView { layout: Layout::of(session, "members"), d, event, event_kinds, grounds, errors };
    Ok((status, Html(render(&page))).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<coso_domain::id::MembershipId>,
) -> Result<Response, PageError> {
    let event = EventInput { occurred_on: session.day.to_string(), ..Default::default() };
    member_page(&state, &session, id, event, FieldErrors::none()).await
}

pub async fn record_event(
    State(state): State<AppState>,
    Path(id): Path<coso_domain::id::MembershipId>,
    posted: Posted<EventInput>,
) -> Result<Response, PageError> {
    let (actor, form, mid) = (posted.session.actor.clone(), posted.form.clone(), id.clone());
    match state.run(move |app| app.record_member_event(&actor, &mid, form)).await {
        Ok(_) => Ok(Redirect::to(&format!("/members/{id}#events")).into_response()),
        Err(e) => member_page(&state, &posted.session, id, posted.form, FieldErrors::from_error(e)?).await,
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<coso_domain::id::MembershipId>,
) -> Result<Response, PageError> {
    let (actor, mid) = (session.actor.clone(), id.clone());
    let d = state.run(move |app| app.member_detail(&actor, &mid)).await?;
    if !d.can_write {
        return Err(PageError(coso_app::AppError::Forbidden));
    }
    let form = MemberInput {
        full_name: d.summary.full_name.clone(),
        birth_name: d.birth_name.clone(),
        born_on: d.summary.born_on.to_string(),
        sex: d.summary.sex.code().into(),
        ethnicity: d.ethnicity.clone(),
        religion: d.religion.clone(),
        home_town: d.home_town.clone(),
        residence: d.residence.clone(),
        education: d.education.clone(),
        theory_level: d.theory_level.clone(),
        profession: d.profession.clone(),
        occupation: d.occupation.clone(),
        cccd: d.cccd.clone(),
        phone: d.phone.clone(),
        card_number: d.summary.card_number.clone(),
        record_number: d.record_number.clone(),
        org_code: d.summary.org_code.clone(),
        admitted_on: d.summary.admitted_on.to_string(),
        ..Default::default()
    };
    Ok(form_page(&session, form, id.as_str(), FieldErrors::none()))
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<coso_domain::id::MembershipId>,
    posted: Posted<MemberInput>,
) -> Result<Response, PageError> {
    let (actor, form, mid) = (posted.session.actor.clone(), posted.form.clone(), id.clone());
    match state.run(move |app| app.update_member(&actor, &mid, form)).await {
        Ok(_) => Ok(Redirect::to(&format!("/members/{id}")).into_response()),
        Err(e) => Ok(form_page(&posted.session, posted.form, id.as_str(), FieldErrors::from_error(e)?)),
    }
}
