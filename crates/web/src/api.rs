//! The JSON API under /api/v1, described by the OpenAPI document it serves.
pub(crate) mod directives;
pub(crate) mod meetings;
pub(crate) mod orgs;
pub(crate) mod pilots;
pub(crate) mod ratings;
pub(crate) mod registers;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::{Json, Router};
use coso_app::AppError;
use coso_app::meetings::{
    AbsenceInput, AbsentView, CellReport, CellSuperiors, ComplianceReport, EligibleView, MeetingDetail,
    MeetingInput, MeetingSummary, MinutesText, MonthPoint, QuotaView, SuperiorInput, SuperiorReport,
    SuperiorView,
};
use coso_app::members::{
    EventInput, MemberDetail, MemberEventView, MemberInput, MemberPage, MemberQuery, MemberSummary,
};
use coso_app::orgs::{LevelUnit, OrgDetail, OrgSummary, Tree, TreeLevel};
use utoipa::OpenApi;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::session::ApiActor;

#[derive(OpenApi)]
#[openapi(
    info(title = "coso API", version = "1", description = "Tổ chức đảng, đảng viên, sự kiện sinh hoạt đảng, sinh hoạt chi bộ và cấp ủy viên dự sinh hoạt, xếp loại, chỉ đạo điểm, đào tạo, sổ đảng viên, văn bản, nghị quyết, kế hoạch và báo cáo tổng quan. Xác thực bằng `Authorization: Bearer <mã>` (tạo bằng `coso token create`)."),
    paths(
        list_orgs, org_tree, org_tree_level, get_org, orgs::create_org, orgs::reorganize, orgs::add_position,
        list_members, create_member, get_member, update_member, member_events, record_event,
        meetings::list_meetings, meetings::create_meeting, meetings::get_meeting, meetings::update_meeting,
        meetings::compliance, meetings::superiors, meetings::create_quota_policy, meetings::create_assignment,
        meetings::list_lengths, meetings::create_length, meetings::delete_meeting,
        ratings::stats, ratings::round, ratings::rate, ratings::cases, ratings::open_inspection, ratings::decide_discipline,
        pilots::pilots, pilots::open_pilot, pilots::pilot, pilots::add_action, pilots::training, pilots::create_class, pilots::class,
        registers::export, registers::import, registers::reconcile, registers::reconciliation, registers::explain, registers::correct,
        directives::overview, directives::documents, directives::register_document, directives::resolutions, directives::record_resolution,
        directives::record_value, directives::plans, directives::record_plan, directives::plan, directives::assign_task, directives::report_progress
    ),
    components(schemas(
        OrgSummary, Tree, TreeLevel, LevelUnit, OrgDetail, coso_app::orgs::NewOrg, coso_app::reorg::Reorganization, coso_app::positions::PositionInput, MemberPage, MemberSummary, MemberDetail, MemberInput, EventInput, MemberEventView,
        MeetingSummary, MeetingDetail, MeetingInput, MinutesText, AbsenceInput, SuperiorInput, AbsentView, SuperiorView, EligibleView,
        ComplianceReport, CellReport, MonthPoint, SuperiorReport, QuotaView, CellSuperiors, ErrorBody,
        coso_app::meetings::QuotaPolicyInput, coso_app::meetings::AssignmentInput, meetings::Created,
        coso_app::meetings::CellLengthInput, coso_app::meetings::CellLengthView,
        coso_app::meetings::DeleteMeetingInput,
        coso_app::ratings::RoundView, coso_app::ratings::RoundMember, coso_app::ratings::RoundSubordinate, coso_app::ratings::Stages,
        coso_app::ratings::RateInput, coso_app::ratings::RateMember, coso_app::ratings::MemberFactsInput, coso_app::ratings::UnitFactsInput,
        coso_app::ratings::stats::RatingStats, coso_app::ratings::stats::TierCounts, coso_app::ratings::stats::LevelCounts,
        coso_app::ratings::stats::UnitBelow, coso_app::ratings::stats::TrendPoint,
        coso_app::discipline::Cases, coso_app::discipline::InspectionView, coso_app::discipline::DisciplineView,
        coso_app::discipline::InspectionInput, coso_app::discipline::DisciplineInput,
        coso_app::pilots::PilotReport, coso_app::pilots::PilotUnit, coso_app::pilots::PilotDetail, coso_app::pilots::PilotInput,
        coso_app::pilots::ActionInput, coso_app::pilots::ActionView, coso_app::pilots::FollowerView, coso_app::pilots::IndicatorPoint,
        coso_app::training::TrainingReport, coso_app::training::ClassView, coso_app::training::ClassInput, coso_app::training::ClassDetail,
        coso_app::training::TraineeView, coso_app::training::CategoryCount, coso_app::training::AudienceCount,
        coso_app::members::ImportReport, coso_app::members::RowError, coso_app::members::PreviewLine, coso_app::members::Verdict, coso_app::members::Change,
        coso_app::members::Reconciliation, coso_app::members::Difference, coso_app::members::OneSide, coso_app::members::ExplainInput, registers::CorrectInput,
        coso_app::overview::Overview, coso_app::overview::YearRating, coso_app::overview::OverviewDocument, coso_app::overview::OverviewPilot,
        coso_app::overview::OverviewResolution, coso_app::overview::OverviewPlan, coso_app::overview::OverviewAudience,
        coso_app::documents::DocumentInput, coso_app::documents::DocumentView, coso_app::documents::LinkView,
        coso_app::resolutions::ResolutionInput, coso_app::resolutions::TargetInput, coso_app::resolutions::ValueInput,
        coso_app::resolutions::ResolutionView, coso_app::resolutions::TargetView, coso_app::resolutions::YearValue,
        coso_app::plans::PlanInput, coso_app::plans::IndicatorInput, coso_app::plans::TaskInput, coso_app::plans::ProgressInput,
        coso_app::plans::PlanView, coso_app::plans::IndicatorView, coso_app::plans::TaskView
    )),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document as JSON text.
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_else(|_| "{}".into())
}

route_table! {
    /// The API's organization and member endpoints.
    ROUTES, own_routes:
    get "/openapi.json" => || async { ([(axum::http::header::CONTENT_TYPE, "application/json")], openapi_json()) },
    get "/orgs" => list_orgs,
    get "/orgs/tree" => org_tree,
    get "/orgs/tree/level" => org_tree_level,
    get "/orgs/{code}" => get_org,
    get "/members" => list_members,
    post "/members" => create_member,
    get "/members/{id}" => get_member,
    put "/members/{id}" => update_member,
    get "/members/{id}/events" => member_events,
    post "/members/{id}/events" => record_event,
}

/// The whole API: its tables, and a JSON 404 for any other address.
pub fn routes() -> Router<AppState> {
    own_routes()
        .merge(orgs::routes())
        .merge(meetings::routes())
        .merge(ratings::routes())
        .merge(pilots::routes())
        .merge(registers::routes())
        .merge(directives::routes())
        .fallback(|| async { ApiError(AppError::NotFound("địa chỉ API này".into())) })
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct OrgListQuery {
    /// Date of the tree (yyyy-mm-dd or dd/mm/yyyy); today by default.
    as_of: Option<String>,
    /// Text in the name (diacritics ignored) or the code.
    q: Option<String>,
}

/// Organizations in the caller's scope on a date, optionally filtered by text.
#[utoipa::path(get, path = "/api/v1/orgs", params(OrgListQuery), responses((status = 200, body = [OrgSummary]), (status = 401, body = ErrorBody)))]
async fn list_orgs(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<OrgListQuery>,
) -> Result<Json<Vec<OrgSummary>>, ApiError> {
    let as_of = crate::query::day(q.as_of.as_deref(), state.default_day().await?)?;
    let orgs = state
        .run(move |app| match q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(text) => app.search_orgs(&actor, text, as_of, 500),
            None => Ok(app.tree(&actor, as_of)?.orgs),
        })
        .await?;
    Ok(Json(orgs))
}

/// The tree in the caller's scope on a date, in path order, with counts by kind.
#[utoipa::path(get, path = "/api/v1/orgs/tree", params(OrgListQuery), responses((status = 200, body = Tree)))]
async fn org_tree(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<OrgListQuery>,
) -> Result<Json<Tree>, ApiError> {
    let as_of = crate::query::day(q.as_of.as_deref(), state.default_day().await?)?;
    Ok(Json(state.run(move |app| app.tree(&actor, as_of)).await?))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct TreeLevelQuery {
    /// Date of the tree (yyyy-mm-dd or dd/mm/yyyy); today by default.
    as_of: Option<String>,
    /// The organization whose units to list; the top of the caller's scope by default.
    under: Option<String>,
}

/// One level of the tree: the units directly under an organization (or at the top of the
/// caller's scope), each with the members and units of its subtree. Its cost is its level's,
/// whatever the size of the units below; `/orgs/tree` answers the whole tree at once.
#[utoipa::path(get, path = "/api/v1/orgs/tree/level", params(TreeLevelQuery), responses((status = 200, body = TreeLevel), (status = 404, body = ErrorBody)))]
async fn org_tree_level(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<TreeLevelQuery>,
) -> Result<Json<TreeLevel>, ApiError> {
    let as_of = crate::query::day(q.as_of.as_deref(), state.default_day().await?)?;
    let under = q.under.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
    Ok(Json(state.run(move |app| app.tree_level(&actor, under.as_deref(), as_of)).await?))
}

/// One organization: details, history, subordinate units, officers.
#[utoipa::path(get, path = "/api/v1/orgs/{code}", params(("code" = String, Path, description = "Organization code"), OrgListQuery), responses((status = 200, body = OrgDetail), (status = 404, body = ErrorBody)))]
async fn get_org(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
    Query(q): Query<OrgListQuery>,
) -> Result<Json<OrgDetail>, ApiError> {
    let as_of = crate::query::day(q.as_of.as_deref(), state.default_day().await?)?;
    Ok(Json(state.run(move |app| app.org_detail(&actor, &code, as_of)).await?))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct MemberListQuery {
    /// Limit to this organization's subtree.
    org: Option<String>,
    /// Name (diacritics and case ignored) or card number prefix.
    q: Option<String>,
    /// A status code, or `all`; members on the roll by default.
    status: Option<String>,
    page: Option<i64>,
    per_page: Option<i64>,
    /// The page after this member: the `next_after` of the previous answer (keyset paging,
    /// as fast deep in the list as at its start).
    after: Option<String>,
}

/// Members in the caller's scope, ordered by name, paged.
#[utoipa::path(get, path = "/api/v1/members", params(MemberListQuery), responses((status = 200, body = MemberPage)))]
async fn list_members(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<MemberListQuery>,
) -> Result<Json<MemberPage>, ApiError> {
    let query = MemberQuery {
        q: q.q,
        org: q.org,
        status: q.status,
        page: q.page,
        per_page: q.per_page,
        after: q.after,
    };
    Ok(Json(state.run(move |app| app.list_members(&actor, &query)).await?))
}

/// Enters a member: a new admission or a member transferred in.
#[utoipa::path(post, path = "/api/v1/members", request_body = MemberInput, responses((status = 201, body = MemberSummary), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn create_member(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Json(input): Json<MemberInput>,
) -> Result<impl IntoResponse, ApiError> {
    let created = state.run(move |app| app.create_member(&actor, input)).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// One member's record with events and positions.
#[utoipa::path(get, path = "/api/v1/members/{id}", params(("id" = String, Path)), responses((status = 200, body = MemberDetail), (status = 404, body = ErrorBody)))]
async fn get_member(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<coso_domain::id::MembershipId>,
) -> Result<Json<MemberDetail>, ApiError> {
    Ok(Json(state.run(move |app| app.member_detail(&actor, &id)).await?))
}

/// Corrects a member's personal data and card numbers; status changes go through events.
#[utoipa::path(put, path = "/api/v1/members/{id}", params(("id" = String, Path)), request_body = MemberInput, responses((status = 200, body = MemberSummary), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn update_member(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<coso_domain::id::MembershipId>,
    Json(input): Json<MemberInput>,
) -> Result<Json<MemberSummary>, ApiError> {
    Ok(Json(state.run(move |app| app.update_member(&actor, &id, input)).await?))
}

/// A member's lifecycle events, oldest first.
#[utoipa::path(get, path = "/api/v1/members/{id}/events", params(("id" = String, Path)), responses((status = 200, body = [MemberEventView])))]
async fn member_events(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<coso_domain::id::MembershipId>,
) -> Result<Json<Vec<MemberEventView>>, ApiError> {
    Ok(Json(state.run(move |app| app.member_events(&actor, &id)).await?))
}

/// Records a lifecycle event (confirmation, transfer, exemption, removal, death…).
#[utoipa::path(post, path = "/api/v1/members/{id}/events", params(("id" = String, Path)), request_body = EventInput, responses((status = 201, body = MemberEventView), (status = 422, body = ErrorBody)))]
async fn record_event(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<coso_domain::id::MembershipId>,
    Json(input): Json<EventInput>,
) -> Result<impl IntoResponse, ApiError> {
    let event = state.run(move |app| app.record_member_event(&actor, &id, input)).await?;
    Ok((StatusCode::CREATED, Json(event)))
}
