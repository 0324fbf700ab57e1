//! Organization pages: the tree as of a date, one organization, founding and reorganizing.
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::members::MemberQuery;
use coso_app::orgs::NewOrg;
use coso_app::positions::PositionInput;
use coso_app::reorg::Reorganization;
use coso_domain::org::{OrgKind, Sector};
use coso_domain::position::PositionRole;

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::query::DayQuery;
use crate::session::{Posted, Session};
use crate::views::{
    Choice, Layout, OrgFormPage, OrgPage, PickMembers, PickOrgs, ReorgPage, TreePage, TreeUnits, render,
};

/// Where a user lands after logging in: a cell secretary or a grassroots committee's staff on
/// their own unit (the cell page leads with "Ghi biên bản sinh hoạt"); the city board and
/// everyone else on the tree.
pub async fn home(State(state): State<AppState>, session: Session) -> Result<Response, PageError> {
    use coso_domain::access::Role;
    let actor = session.actor.clone();
    let own = match session.actor.role {
        Role::CellSecretary | Role::OrgAdmin => state.run(move |app| app.own_org_code(&actor)).await?,
        _ => None,
    };
    Ok(Redirect::to(&own.map_or_else(|| "/orgs".to_string(), |code| format!("/orgs/{code}"))).into_response())
}

#[derive(serde::Deserialize, Default)]
pub struct PickQuery {
    #[serde(default)]
    q: String,
    /// Only cells (where members are registered and meetings held).
    #[serde(default)]
    cells: Option<String>,
}

/// The organization picker's choices for what has been typed: units in the reader's scope
/// standing on the session's day, by name (diacritics ignored) or code.
pub async fn pick(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<PickQuery>,
) -> Result<Response, PageError> {
    const SHOWN: usize = 12;
    let query = q.q.trim().to_string();
    let cells_only = q.cells.is_some_and(|c| c == "1");
    let (actor, day, text) = (session.actor.clone(), session.day, query.clone());
    let orgs = if query.is_empty() {
        Vec::new()
    } else {
        let found = state.run(move |app| app.search_orgs(&actor, &text, day, 200)).await?;
        found.into_iter().filter(|o| !cells_only || o.is_cell()).take(SHOWN).collect()
    };
    Ok(Html(render(&PickOrgs { orgs, query })).into_response())
}

pub async fn tree(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<DayQuery>,
) -> Result<Html<String>, PageError> {
    let as_of = q.day(session.day)?;
    let actor = session.actor.clone();
    let level = state.run(move |app| app.tree_level(&actor, None, as_of)).await?;
    let grassroots_total = level.counts.iter().filter(|c| c.kind.is_grassroots_org()).map(|c| c.count).sum();
    let page = TreePage {
        layout: Layout::of(&session, "orgs"),
        as_of,
        root: level.org,
        units: level.units,
        counts: level.counts,
        grassroots_total,
        members_total: level.members,
        is_today: as_of == session.day,
    };
    Ok(Html(render(&page)))
}

/// The units under an organization, as the tree shows them when it is opened (htmx); a visit
/// by address goes to the organization's page.
pub async fn units(
    State(state): State<AppState>,
    session: Session,
    fragment: super::Fragment,
    Path(code): Path<String>,
    Query(q): Query<DayQuery>,
) -> Result<Response, PageError> {
    let as_of = q.day(session.day)?;
    let (actor, c) = (session.actor.clone(), code.clone());
    // Read first: a unit outside the reader's scope is refused either way.
    let level = state.run(move |app| app.tree_level(&actor, Some(&c), as_of)).await?;
    if !fragment.0 {
        return Ok(Redirect::to(&format!("/orgs/{code}?as_of={as_of}")).into_response());
    }
    Ok(Html(render(&TreeUnits { as_of, units: level.units })).into_response())
}

async fn org_page(
    state: &AppState,
    session: &Session,
    code: String,
    as_of: chrono::NaiveDate,
    position: PositionInput,
    position_member: String,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let (detail, members) = state
        .run(move |app| {
            let detail = app.org_detail(&actor, &code, as_of)?;
            let members =
                if detail.org.is_cell() && actor.role.allows(coso_domain::access::Permission::ReadMembers) {
                    let q = MemberQuery {
                        org: Some(detail.org.code.clone()),
                        per_page: Some(200),
                        ..Default::default()
                    };
                    Some(app.list_members(&actor, &q)?)
                } else {
                    None
                };
            Ok((detail, members))
        })
        .await?;
    let status =
        if errors.any() { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    let page = OrgPage {
        layout: Layout::of(session, "orgs"),
        as_of,
        roles: Choice::list(PositionRole::ALL.iter().map(|r| (r.code(), r.label())), &position.role),
        d: detail,
        members,
        position,
        position_member,
        errors,
    };
    Ok((status, Html(render(&page))).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
    Query(q): Query<DayQuery>,
) -> Result<Response, PageError> {
    let as_of = q.day(session.day)?;
    org_page(&state, &session, code, as_of, PositionInput::default(), String::new(), FieldErrors::none())
        .await
}

fn org_form(session: &Session, form: NewOrg, errors: FieldErrors) -> Response {
    let kinds = Choice::list(
        std::iter::once(("", "— Chọn loại —")).chain(OrgKind::ALL.iter().map(|k| (k.code(), k.label()))),
        &form.kind,
    );
    let sectors = Choice::list(
        std::iter::once(("", "— Không —")).chain(Sector::ALL.iter().map(|s| (s.code(), s.label()))),
        form.sector.as_deref().unwrap_or(""),
    );
    let status =
        if errors.any() { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    let page = OrgFormPage { layout: Layout::of(session, "orgs"), form, kinds, sectors, errors };
    (status, Html(render(&page))).into_response()
}

#[derive(serde::Deserialize, Default)]
pub struct NewQuery {
    parent: Option<String>,
}

pub async fn new_form(session: Session, Query(q): Query<NewQuery>) -> Response {
    let form = NewOrg { parent_code: q.parent, founded_on: session.day.to_string(), ..Default::default() };
    org_form(&session, form, FieldErrors::none())
}

pub async fn create(State(state): State<AppState>, posted: Posted<NewOrg>) -> Result<Response, PageError> {
    let (actor, form) = (posted.session.actor.clone(), posted.form.clone());
    match state.run(move |app| app.create_org(&actor, form)).await {
        Ok(org) => Ok(Redirect::to(&format!("/orgs/{}", org.code)).into_response()),
        Err(e) => Ok(org_form(&posted.session, posted.form, FieldErrors::from_error(e)?)),
    }
}

fn reorg_kinds(current: &str) -> Vec<Choice> {
    Choice::list(
        [
            ("rename", "Đổi tên"),
            ("move", "Điều chuyển sang tổ chức cấp trên khác"),
            ("merge", "Sáp nhập vào tổ chức khác"),
            ("split", "Chia tách, thành lập đơn vị mới"),
            ("dissolve", "Giải thể"),
        ],
        current,
    )
}

async fn reorg_page(
    state: &AppState,
    session: &Session,
    code: String,
    form: Reorganization,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let (actor, day) = (session.actor.clone(), session.day);
    let detail = state.run(move |app| app.org_detail(&actor, &code, day)).await?;
    if !detail.can_write {
        return Err(PageError(coso_app::AppError::Forbidden));
    }
    let status =
        if errors.any() { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    let page = ReorgPage {
        layout: Layout::of(session, "orgs"),
        org: detail.org,
        kinds: reorg_kinds(&form.kind),
        form,
        errors,
    };
    Ok((status, Html(render(&page))).into_response())
}

pub async fn reorg_form(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let form =
        Reorganization { kind: "rename".into(), effective_on: session.day.to_string(), ..Default::default() };
    reorg_page(&state, &session, code, form, FieldErrors::none()).await
}

pub async fn reorganize(
    State(state): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<Reorganization>,
) -> Result<Response, PageError> {
    let (actor, form, c) = (posted.session.actor.clone(), posted.form.clone(), code.clone());
    match state.run(move |app| app.reorganize(&actor, &c, form)).await {
        Ok(()) => Ok(Redirect::to(&format!("/orgs/{code}")).into_response()),
        Err(e) => reorg_page(&state, &posted.session, code, posted.form, FieldErrors::from_error(e)?).await,
    }
}

/// The position form as posted: the input, and the name its member picker showed (so that a
/// refused form comes back with the name in the box).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PositionForm {
    #[serde(flatten)]
    input: PositionInput,
    #[serde(default)]
    member_id_shown: String,
}

pub async fn add_position(
    State(state): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<PositionForm>,
) -> Result<Response, PageError> {
    let (actor, form, c) = (posted.session.actor.clone(), posted.form.input.clone(), code.clone());
    match state.run(move |app| app.add_position(&actor, &c, form)).await {
        Ok(()) => Ok(Redirect::to(&format!("/orgs/{code}#officers")).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let PositionForm { input, member_id_shown } = posted.form;
            org_page(&state, &posted.session, code, posted.session.day, input, member_id_shown, errors).await
        }
    }
}

#[derive(serde::Deserialize, Default)]
pub struct PickMembersQuery {
    #[serde(default)]
    q: String,
    /// The unit whose subtree the members come from.
    #[serde(default)]
    org: Option<String>,
}

/// The member picker's choices for what has been typed: members on the roll in the reader's
/// scope (and the unit's subtree), by name without diacritics or card number.
pub async fn pick_members(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<PickMembersQuery>,
) -> Result<Response, PageError> {
    let query = q.q.trim().to_string();
    let members = if query.is_empty() {
        Vec::new()
    } else {
        let (actor, text) = (session.actor.clone(), query.clone());
        let find = MemberQuery { q: Some(text), org: q.org, per_page: Some(12), ..Default::default() };
        state.run(move |app| app.list_members(&actor, &find)).await?.members
    };
    Ok(Html(render(&PickMembers { members, query })).into_response())
}
