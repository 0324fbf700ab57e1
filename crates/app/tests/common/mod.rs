//! Fixtures shared by the coso-app integration tests: a small city tree, members, accounts, and
//! the snapshots that show whether a write changed anything.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use coso_app::auth::NewUser;
use coso_app::members::{EventInput, MemberInput, MemberQuery, MemberSummary};
use coso_app::orgs::{NewOrg, OrgSummary};
use coso_app::reorg::Reorganization;
use coso_app::{Actor, App, AppResult};

pub const PASSWORD: &str = "mat-khau-an-toan";
/// The client address the tests log in from.
pub const OFFICE: &str = "10.0.0.5";

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Unwraps a use case's result, showing the user's message and the details when it failed.
pub fn ok<T>(what: &str, result: AppResult<T>) -> T {
    result.unwrap_or_else(|e| panic!("{what}: {e} ({e:?})"))
}

/// The message of a refusal naming `field`; fails when the call succeeded or blamed another
/// field (or refused for another reason).
pub fn refused_on<T: std::fmt::Debug>(result: AppResult<T>, field: &str) -> String {
    match result {
        Ok(v) => panic!("expected a refusal on `{field}`, got Ok({v:?})"),
        Err(e) => match e.message_for(field) {
            Some(m) => m.to_string(),
            None => panic!("expected a refusal on `{field}`, got {e:?}"),
        },
    }
}

pub fn org_input(code: &str, name: &str, kind: &str, parent: Option<&str>, founded: &str) -> NewOrg {
    NewOrg {
        code: code.into(),
        name: name.into(),
        kind: kind.into(),
        sector: None,
        parent_code: parent.map(String::from),
        founded_on: founded.into(),
        decision_number: "01-QĐ/TU".into(),
    }
}

pub fn create_org(
    app: &App,
    code: &str,
    name: &str,
    kind: &str,
    parent: Option<&str>,
    founded: &str,
) -> OrgSummary {
    ok(code, app.create_org(&Actor::system(), org_input(code, name, kind, parent, founded)))
}

/// The city tree every test starts from, all founded on 01/01/2010:
/// TU > (DK > DK-C1, DK-C2), (VT > VT-C1), CB.
pub fn city_tree(app: &App) {
    let units = [
        ("TU", "Đảng bộ thành phố Lạng Sơn", "city_committee", None),
        ("DK", "Đảng bộ phường Đông Kinh", "grassroots_committee", Some("TU")),
        ("DK-C1", "Chi bộ khối 1", "subordinate_cell", Some("DK")),
        ("DK-C2", "Chi bộ khối 2", "subordinate_cell", Some("DK")),
        ("VT", "Đảng bộ phường Vĩnh Trại", "grassroots_committee", Some("TU")),
        ("VT-C1", "Chi bộ khối Cửa Nam", "subordinate_cell", Some("VT")),
        ("CB", "Chi bộ Trường THPT Việt Bắc", "grassroots_cell", Some("TU")),
    ];
    for (code, name, kind, parent) in units {
        create_org(app, code, name, kind, parent, "01/01/2010");
    }
}

/// The app over a test database, with the city tree founded.
pub fn city(db: &coso_store::Db) -> App {
    let app = App::with_db(db.clone());
    city_tree(&app);
    app
}

/// One organization of a tree as the tests compare it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub id: coso_domain::id::OrgId,
    pub name: String,
    pub kind: String,
    /// The parent's code, or `None` at the root of what the actor sees.
    pub parent: Option<String>,
    pub depth: i32,
    pub path: String,
    pub members: i64,
}

/// The tree the actor sees on a date, by code.
pub fn tree_of(app: &App, actor: &Actor, on: NaiveDate) -> BTreeMap<String, Node> {
    let tree = ok("tree", app.tree(actor, on));
    assert_eq!(tree.as_of, on);
    let code_of: BTreeMap<coso_domain::id::OrgId, String> =
        tree.orgs.iter().map(|o| (o.id.clone(), o.code.clone())).collect();
    tree.orgs
        .iter()
        .map(|o| {
            let node = Node {
                id: o.id.clone(),
                name: o.name.clone(),
                kind: o.kind.code().to_string(),
                parent: o.parent_id.as_ref().and_then(|p| code_of.get(p).cloned()),
                depth: o.depth,
                path: o.path.clone(),
                members: o.members,
            };
            (o.code.clone(), node)
        })
        .collect()
}

/// Every organization sits where its parent says: path = parent's path + own id, depth + 1.
pub fn assert_consistent(tree: &BTreeMap<String, Node>, on: NaiveDate) {
    for (code, node) in tree {
        assert!(node.path.ends_with(&format!("/{}/", node.id)), "{code} on {on}: {node:?}");
        if let Some(parent) = node.parent.as_ref().and_then(|p| tree.get(p)) {
            assert_eq!(node.path, format!("{}{}/", parent.path, node.id), "{code} on {on}");
            assert_eq!(node.depth, parent.depth + 1, "{code} on {on}");
        }
    }
}

pub fn codes(tree: &BTreeMap<String, Node>) -> Vec<&str> {
    tree.keys().map(String::as_str).collect()
}

/// A new member admitted to `org` on `admitted`, with only the required fields.
pub fn admission(name: &str, born: &str, org: &str, admitted: &str) -> MemberInput {
    MemberInput {
        full_name: name.into(),
        born_on: born.into(),
        sex: "male".into(),
        ethnicity: "Kinh".into(),
        org_code: org.into(),
        admitted_on: admitted.into(),
        entry: "admission".into(),
        decision_number: "15-QĐ/ĐU".into(),
        ..MemberInput::default()
    }
}

pub fn admit(app: &App, name: &str, org: &str, admitted: &str) -> MemberSummary {
    ok(name, app.create_member(&Actor::system(), admission(name, "1990-05-01", org, admitted)))
}

pub fn event(kind: &str, on: &str, to: Option<&str>) -> EventInput {
    EventInput {
        kind: kind.into(),
        occurred_on: on.into(),
        decision_number: "20-QĐ/ĐU".into(),
        to_org_code: to.map(String::from),
        ..EventInput::default()
    }
}

/// Names of the members an actor lists with `query`, sorted.
pub fn listed(app: &App, actor: &Actor, query: &MemberQuery) -> Vec<String> {
    let page = ok("list_members", app.list_members(actor, query));
    let mut names: Vec<String> = page.members.into_iter().map(|m| m.full_name).collect();
    names.sort();
    names
}

pub fn query(q: &str) -> MemberQuery {
    MemberQuery { q: Some(q.into()), ..MemberQuery::default() }
}

/// Creates an account bound to `org` and logs in with it.
pub fn account(app: &App, username: &str, role: &str, org: Option<&str>) -> Actor {
    let input = NewUser {
        username: username.into(),
        display_name: None,
        role: role.into(),
        org_code: org.map(String::from),
        password: PASSWORD.into(),
    };
    ok(username, app.add_user(&Actor::system(), input));
    ok("login", app.login(username, PASSWORD, OFFICE)).actor
}

// Row counts are read from the database itself, beside the app, as a check from outside.
pub fn audit_rows(db: &coso_store::Db) -> i64 {
    db.read(coso_store::audit::count).unwrap()
}

pub fn membership_rows(db: &coso_store::Db) -> i64 {
    db.read(coso_store::members::count_memberships).unwrap()
}

pub fn org_rows(db: &coso_store::Db) -> i64 {
    db.read(coso_store::orgs::count_all).unwrap()
}

/// What a refused write must leave as it was: the tree on a few dates, and the row counts.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    trees: Vec<BTreeMap<String, Node>>,
    audit: i64,
    memberships: i64,
    orgs: i64,
}

pub fn snapshot(app: &App, db: &coso_store::Db, dates: &[NaiveDate]) -> Snapshot {
    let system = Actor::system();
    Snapshot {
        trees: dates.iter().map(|on| tree_of(app, &system, *on)).collect(),
        audit: audit_rows(db),
        memberships: membership_rows(db),
        orgs: org_rows(db),
    }
}

/// Founds a unit named after its code.
pub fn unit(app: &App, code: &str, kind: &str, parent: Option<&str>, founded: &str) -> OrgSummary {
    create_org(app, code, &format!("Đơn vị {code}"), kind, parent, founded)
}

/// A reorganization of `kind` on `on`; `arg` is the new name (rename), the new parent (move),
/// the target (merge) or the new units (split).
pub fn reorg(kind: &str, on: &str, arg: &str) -> Reorganization {
    let mut r = Reorganization {
        kind: kind.into(),
        effective_on: on.into(),
        decision_number: "35-QĐ/TU".into(),
        ..Reorganization::default()
    };
    let arg = Some(arg.to_string());
    match kind {
        "rename" => r.new_name = arg,
        "move" => r.new_parent_code = arg,
        "merge" => r.target_code = arg,
        "split" => r.new_units = arg,
        _ => {}
    }
    r
}

/// Applies a reorganization as the system, as [`reorg`] builds it.
pub fn change(app: &App, code: &str, kind: &str, on: &str, arg: &str) -> AppResult<()> {
    app.reorganize(&Actor::system(), code, reorg(kind, on, arg))
}

/// (event kind, related organization's code) of an organization, oldest first.
pub fn events_of(app: &App, code: &str) -> Vec<(String, Option<String>)> {
    let detail = ok(code, app.org_detail(&Actor::system(), code, coso_app::today()));
    detail.events.into_iter().map(|e| (e.kind.code().to_string(), e.related_code)).collect()
}

/// `(kind, Some(code))` as [`events_of`] lists an event naming another organization.
pub fn ev(kind: &str, related: Option<&str>) -> (String, Option<String>) {
    (kind.to_string(), related.map(String::from))
}

/// A member's input with one more field filled in.
pub fn with(mut input: MemberInput, field: &str, value: &str) -> MemberInput {
    let value = Some(value.to_string());
    match field {
        "cccd" => input.cccd = value,
        "card_number" => input.card_number = value,
        "official_on" => input.official_on = value,
        "entry_on" => input.entry_on = value,
        other => panic!("no such field in this fixture: {other}"),
    }
    input
}

// ---- Meetings ----

/// A held meeting of `kind` with what every record needs: start 19:30, chair, minute taker and
/// topic; no absentees, no superiors.
pub fn meeting(kind: &str, held_on: &str, minutes: &str) -> coso_app::meetings::MeetingInput {
    coso_app::meetings::MeetingInput {
        kind: kind.into(),
        held_on: held_on.into(),
        starts_at: "19:30".into(),
        duration_minutes: minutes.into(),
        topic: "Quán triệt nghị quyết, đánh giá công tác tháng".into(),
        minutes: coso_app::meetings::MinutesText {
            venue: "Nhà văn hóa khối".into(),
            chair: "Bí thư chi bộ".into(),
            minute_taker: "Phó Bí thư chi bộ".into(),
            sources: "Bản tin nội bộ; Báo Lạng Sơn".into(),
            ..coso_app::meetings::MinutesText::default()
        },
        ..coso_app::meetings::MeetingInput::default()
    }
}

/// A member absent from a meeting: with a reason when one is given.
pub fn absence(member_id: &str, reason: Option<&str>) -> coso_app::meetings::AbsenceInput {
    coso_app::meetings::AbsenceInput {
        member_id: member_id.into(),
        with_reason: reason.is_some(),
        reason: reason.unwrap_or_default().into(),
    }
}

/// A superior who attended, by person (or membership) id.
pub fn superior(person_id: &str, remarks: &str) -> coso_app::meetings::SuperiorInput {
    coso_app::meetings::SuperiorInput { person_id: person_id.into(), remarks: remarks.into() }
}

/// A quota policy under 1764-QĐ/TU (29/5/2019) for `level` with `min` meetings a year.
pub fn quota(level: &str, min: i32) -> coso_app::meetings::QuotaPolicyInput {
    coso_app::meetings::QuotaPolicyInput {
        document: "1764-QĐ/TU".into(),
        issued_on: "29/05/2019".into(),
        issuer: "Ban Thường vụ Tỉnh ủy Lạng Sơn".into(),
        level: level.into(),
        min_per_year: min,
        valid_from: "29/05/2019".into(),
        valid_to: None,
    }
}

/// Records a quota policy as the system; returns its id.
pub fn add_quota(app: &App, level: &str, min: i32) -> String {
    ok("quota policy", app.add_quota_policy(&Actor::system(), quota(level, min)))
}

/// Assigns a committee member to follow `cell` from `from` under `policy_id`, as the system.
pub fn assign(app: &App, person_id: &str, cell: &str, policy_id: &str, from: &str) -> String {
    let input = coso_app::meetings::AssignmentInput {
        person_id: person_id.into(),
        cell_code: cell.into(),
        policy_id: policy_id.into(),
        decision_number: "112-QĐ/TU".into(),
        valid_from: from.into(),
        valid_to: None,
    };
    ok("assignment", app.assign_superior(&Actor::system(), input))
}

/// Records that member `member_id` holds `role` in `org` from `from` (to `to`), as the system.
pub fn hold_position(app: &App, org: &str, member_id: &str, role: &str, from: &str, to: Option<&str>) {
    let input = coso_app::positions::PositionInput {
        member_id: member_id.into(),
        role: role.into(),
        valid_from: from.into(),
        valid_to: to.map(String::from),
        decision_number: "05-QĐ/TU".into(),
    };
    ok(role, app.add_position(&Actor::system(), org, input));
}

/// Records a lifecycle event (confirmation, exemption…) of a member on `on`, as the system.
pub fn member_event(app: &App, member_id: &coso_domain::id::MembershipId, kind: &str, on: &str) {
    ok(kind, app.record_member_event(&Actor::system(), member_id, event(kind, on, None)));
}

/// How many meetings of cell `code` are on record (2000 to today).
pub fn meeting_rows(app: &App, code: &str) -> usize {
    ok("cell meetings", app.cell_meetings(&Actor::system(), code, d(2000, 1, 1), coso_app::today())).len()
}
