//! The HTML pages: login, the organization tree and pages, the member register and records,
//! cell meetings with their minutes, the reports on meetings and superior attendance, and the
//! annual rating with inspections and discipline, pilots and training, the member registers,
//! and the dashboard with the resolutions, plans and documents behind it.
mod dashboard;
mod documents;
mod login;
mod meeting_form;
mod meetings;
mod members;
mod orgs;
mod pilots;
mod plans;
mod ratings;
mod registers;
mod reports;
mod resolutions;
mod training;

route_table! {
    /// The pages, each a GET to read or a POST of its form.
    ROUTES, routes:
    get "/" => orgs::home,
    get "/pick/orgs" => orgs::pick,
    get "/pick/members" => orgs::pick_members,
    get "/login" => login::form,
    post "/login" => login::submit,
    post "/logout" => login::logout,
    get "/orgs" => orgs::tree,
    post "/orgs" => orgs::create,
    get "/orgs/new" => orgs::new_form,
    get "/orgs/{code}" => orgs::show,
    get "/orgs/{code}/units" => orgs::units,
    get "/orgs/{code}/reorganize" => orgs::reorg_form,
    post "/orgs/{code}/reorganize" => orgs::reorganize,
    post "/orgs/{code}/positions" => orgs::add_position,
    get "/orgs/{code}/meetings" => meetings::list,
    get "/orgs/{code}/meetings.xlsx" => meetings::list_xlsx,
    post "/orgs/{code}/meetings" => meeting_form::create,
    get "/orgs/{code}/meetings/new" => meeting_form::new_form,
    post "/orgs/{code}/assignments" => meetings::assign,
    post "/orgs/{code}/meeting-lengths" => meetings::set_length,
    get "/orgs/{code}/meetings/attendance" => meeting_form::attendance,
    get "/orgs/{code}/compliance" => reports::compliance,
    get "/orgs/{code}/compliance.xlsx" => reports::compliance_xlsx,
    get "/meetings/{id}" => meetings::show,
    post "/meetings/{id}" => meeting_form::update,
    post "/meetings/{id}/delete" => meetings::delete,
    get "/meetings/{id}/edit" => meeting_form::edit_form,
    get "/meetings/{id}/minutes.docx" => meetings::minutes_docx,
    get "/compliance" => reports::compliance_home,
    get "/superiors" => reports::superiors,
    get "/superiors.xlsx" => reports::superiors_xlsx,
    post "/superiors/policies" => reports::add_quota_policy,
    get "/members" => members::list,
    get "/members.xlsx" => members::list_xlsx,
    post "/members" => members::create,
    get "/members/new" => members::new_form,
    get "/members/{id}" => members::show,
    post "/members/{id}" => members::update,
    get "/members/{id}/edit" => members::edit_form,
    post "/members/{id}/events" => members::record_event,
    get "/registers" => registers::show,
    get "/registers/{code}/export" => registers::export,
    post "/registers/{code}/import" => registers::preview,
    post "/registers/imports/{id}" => registers::confirm,
    post "/registers/{code}/reconcile" => registers::reconcile,
    get "/reconciliations/{id}" => registers::reconciliation,
    post "/reconciliations/{id}/correct" => registers::correct,
    post "/reconciliations/{id}/explain" => registers::explain,
    get "/ratings" => ratings::stats,
    get "/ratings.xlsx" => ratings::stats_xlsx,
    get "/orgs/{code}/ratings" => ratings::round,
    post "/orgs/{code}/ratings" => ratings::rate,
    get "/cases" => ratings::cases,
    get "/cases.xlsx" => ratings::cases_xlsx,
    post "/cases/inspections" => ratings::open_inspection,
    post "/cases/disciplines" => ratings::decide_discipline,
    get "/pilots" => pilots::list,
    get "/pilots.xlsx" => pilots::list_xlsx,
    post "/pilots" => pilots::open,
    get "/pilots/{id}" => pilots::show,
    post "/pilots/{id}/followers" => pilots::add_follower,
    post "/pilots/{id}/visits" => pilots::record_visit,
    post "/pilots/{id}/actions" => pilots::add_action,
    post "/pilots/{id}/close" => pilots::close,
    post "/pilots/actions/{id}" => pilots::update_action,
    get "/training" => training::list,
    get "/training.xlsx" => training::list_xlsx,
    post "/training" => training::create,
    get "/training/{id}" => training::show,
    post "/training/{id}/preview" => training::preview,
    post "/training/{id}/import" => training::import,
    get "/dashboard" => dashboard::show,
    get "/dashboard/report.docx" => dashboard::report_docx,
    get "/dashboard/report.xlsx" => dashboard::report_xlsx,
    get "/dashboard/report.txt" => dashboard::report_txt,
    get "/resolutions" => resolutions::list,
    get "/resolutions/{id}" => resolutions::show,
    get "/resolutions/{id}/targets.xlsx" => resolutions::targets_xlsx,
    post "/resolutions/{id}/values" => resolutions::record_value,
    get "/plans" => plans::list,
    get "/plans.xlsx" => plans::xlsx,
    get "/plans/{id}" => plans::show,
    post "/plans/{id}/tasks" => plans::assign,
    post "/plans/{id}/tasks/{task}/progress" => plans::report,
    get "/documents" => documents::list,
    post "/documents" => documents::register,
    get "/documents.xlsx" => documents::xlsx,
}

/// Whether htmx asked for a fragment of the page (`HX-Request`). A history restore asks for
/// the whole page, as a browser that reloads the address does.
pub(crate) struct Fragment(pub bool);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Fragment {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        let h = &parts.headers;
        let htmx = h.get("hx-request").is_some_and(|v| v == "true");
        Ok(Fragment(htmx && !h.contains_key("hx-history-restore-request")))
    }
}

/// A file to download, named for the reader's disk.
pub(crate) fn download(
    content_type: &'static str,
    file_name: &str,
    bytes: Vec<u8>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    // Header values must stay ASCII; coso's file names are built from codes and dates.
    let safe: String = file_name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
        .collect();
    (
        [
            (axum::http::header::CONTENT_TYPE, content_type.to_string()),
            (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{safe}\"")),
            (axum::http::header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

pub(crate) const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
