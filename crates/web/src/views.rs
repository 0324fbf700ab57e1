//! The pages' view models (askama templates) and the small formatting they share.
pub mod dashboard;
pub mod directives;
pub mod meetings;
pub mod pilots;
pub mod ratings;
pub mod registers;

use askama::Template;
use chrono::NaiveDate;
use coso_app::members::{EventInput, MemberDetail, MemberInput, MemberPage};
use coso_app::orgs::{KindCount, LevelUnit, NewOrg, OrgDetail, OrgSummary};
use coso_app::positions::PositionInput;
use coso_app::reorg::Reorganization;

use crate::form::FieldErrors;
use crate::session::Session;

/// Renders a template; a template error becomes a plain message (logged), never a panic.
pub fn render<T: Template>(t: &T) -> String {
    t.render().unwrap_or_else(|e| {
        tracing::error!(error = %e, "template");
        "Lỗi hiển thị trang.".into()
    })
}

/// Dates and counts as Vietnamese users read them.
pub trait Vi {
    fn vi(&self) -> String;
}

impl Vi for NaiveDate {
    fn vi(&self) -> String {
        coso_domain::date::format(*self)
    }
}

/// A date as a form holds it (typed, or ISO from a link): dd/mm/yyyy when it reads as a day,
/// else as typed, so a wrong entry comes back for correcting.
impl Vi for str {
    fn vi(&self) -> String {
        coso_domain::date::parse(self).map_or_else(|| self.to_string(), coso_domain::date::format)
    }
}

/// A count with "." between thousands: 3.246 đảng viên.
impl Vi for i64 {
    fn vi(&self) -> String {
        coso_domain::vi::number(*self as f64)
    }
}

impl Vi for usize {
    fn vi(&self) -> String {
        coso_domain::vi::number(*self as f64)
    }
}

impl Vi for Option<NaiveDate> {
    fn vi(&self) -> String {
        self.map(coso_domain::date::format).unwrap_or_default()
    }
}

/// One option of a select box.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    pub fn list<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>, current: &str) -> Vec<Choice> {
        items
            .into_iter()
            .map(|(value, label)| Choice {
                value: value.into(),
                label: label.into(),
                selected: value == current,
            })
            .collect()
    }
}

/// What every page's frame shows: who is logged in, the CSRF token, the current section.
#[derive(Debug, Clone)]
pub struct Layout {
    pub user: String,
    pub role: String,
    pub csrf: String,
    pub nav: &'static str,
    pub can_manage: bool,
    /// Whether the role founds organizations (in its scope): the tree offers "Thêm tổ chức".
    pub can_add_orgs: bool,
    /// Whether the role reads inspection and discipline cases: the menu offers them.
    pub can_read_cases: bool,
    /// The demo's reference day, when the database holds the demo: every page says so.
    pub demo_until: Option<chrono::NaiveDate>,
}

impl Layout {
    pub fn of(session: &Session, nav: &'static str) -> Layout {
        Layout {
            user: session.actor.display_name.clone(),
            role: session.actor.role.label().into(),
            csrf: session.csrf.clone(),
            nav,
            can_manage: session.actor.role.allows(coso_domain::access::Permission::WriteMembers),
            can_add_orgs: session.actor.role.allows(coso_domain::access::Permission::WriteOrgs),
            can_read_cases: session.actor.role.allows(coso_domain::access::Permission::ReadInspections),
            demo_until: session.demo_until,
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub status: u16,
    pub message: String,
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub csrf: String,
    pub username: String,
    pub error: String,
    pub demo_until: Option<NaiveDate>,
}

/// The choices of a member picker as the user types: a fragment of list items.
#[derive(Template)]
#[template(path = "pick_members.html")]
pub struct PickMembers {
    pub members: Vec<coso_app::members::MemberSummary>,
    pub query: String,
}

/// The choices of an organization picker as the user types: a fragment of list items.
#[derive(Template)]
#[template(path = "pick_orgs.html")]
pub struct PickOrgs {
    pub orgs: Vec<OrgSummary>,
    pub query: String,
}

#[derive(Template)]
#[template(path = "tree.html")]
pub struct TreePage {
    pub layout: Layout,
    pub as_of: NaiveDate,
    /// The organization at the top of the reader's view, when there is one.
    pub root: Option<OrgSummary>,
    pub units: Vec<LevelUnit>,
    pub counts: Vec<KindCount>,
    pub grassroots_total: i64,
    pub members_total: i64,
    pub is_today: bool,
}

/// The units under an organization, loaded when the tree opens it.
#[derive(Template)]
#[template(path = "tree_units.html")]
pub struct TreeUnits {
    pub as_of: NaiveDate,
    pub units: Vec<LevelUnit>,
}

#[derive(Template)]
#[template(path = "org.html")]
pub struct OrgPage {
    pub layout: Layout,
    pub as_of: NaiveDate,
    pub d: OrgDetail,
    pub members: Option<MemberPage>,
    pub position: PositionInput,
    pub roles: Vec<Choice>,
    /// The name of the member the position form holds (after a refusal), for its picker.
    pub position_member: String,
    pub errors: FieldErrors,
}

impl OrgPage {
    /// Where the position form's member picker looks: members of this unit's subtree.
    pub fn pick_members_url(&self) -> String {
        format!("/pick/members?org={}", self.d.org.code)
    }

    /// The committee in office on the page's day, in protocol order.
    pub fn in_office(&self) -> Vec<&coso_app::orgs::OfficerView> {
        self.d.officers.iter().filter(|o| o.in_office).collect()
    }

    /// The seats of other terms, newest first: folded below the committee in office.
    pub fn other_terms(&self) -> Vec<&coso_app::orgs::OfficerView> {
        self.d.officers.iter().filter(|o| !o.in_office).collect()
    }
}

#[derive(Template)]
#[template(path = "org_form.html")]
pub struct OrgFormPage {
    pub layout: Layout,
    pub form: NewOrg,
    pub kinds: Vec<Choice>,
    pub sectors: Vec<Choice>,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "reorg_form.html")]
pub struct ReorgPage {
    pub layout: Layout,
    pub org: OrgSummary,
    pub form: Reorganization,
    pub kinds: Vec<Choice>,
    pub errors: FieldErrors,
}

/// The register; its `results` block alone answers htmx's live search.
#[derive(Template)]
#[template(path = "members.html", blocks = ["results"])]
pub struct MembersPage {
    pub layout: Layout,
    pub page: MemberPage,
    pub q: String,
    pub org: String,
    pub statuses: Vec<Choice>,
    pub prev_url: String,
    pub next_url: String,
    /// The list as shown, every page of it, as an Excel file.
    pub export_url: String,
}

#[derive(Template)]
#[template(path = "member.html")]
pub struct MemberView {
    pub layout: Layout,
    pub d: MemberDetail,
    pub event: EventInput,
    pub event_kinds: Vec<Choice>,
    /// Why a member leaves, where the re-admission rules depend on it.
    pub grounds: Vec<Choice>,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "member_form.html")]
pub struct MemberFormPage {
    pub layout: Layout,
    pub form: MemberInput,
    /// The membership being edited; empty for a new member.
    pub editing: String,
    pub sexes: Vec<Choice>,
    pub entries: Vec<Choice>,
    pub errors: FieldErrors,
}
