//! Organizations: the tree as of a date, one organization's page, founding a new one.
use std::collections::HashMap;

use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::id::OrgId;
use coso_domain::org::{self as rules, OrgEventKind, OrgKind, Sector};
use coso_domain::{date, text};
use coso_store::orgs::{self as store, OrgAt, OrgEventRow, OrgRow, OrgVersionRow};
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use crate::access;
use crate::input::{self, All, past_date, required_text};
use crate::{Actor, App, AppError, AppResult, Tx, audit};

/// An organization as lists and the API show it, on a given date.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OrgSummary {
    #[schema(value_type = String)]
    pub id: coso_domain::id::OrgId,
    pub code: String,
    pub name: String,
    #[schema(value_type = String)]
    pub kind: OrgKind,
    pub kind_label: String,
    #[schema(value_type = Option<String>)]
    pub sector: Option<Sector>,
    pub sector_label: Option<String>,
    #[schema(value_type = Option<String>)]
    pub parent_id: Option<coso_domain::id::OrgId>,
    pub depth: i32,
    #[schema(value_type = String, format = Date)]
    pub valid_from: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_to: Option<NaiveDate>,
    /// Members on the roll on the date in this organization and the units under it.
    pub members: i64,
    #[serde(skip)]
    pub path: String,
}

impl OrgSummary {
    pub(crate) fn of(at: &OrgAt, members: i64) -> OrgSummary {
        let v = &at.version;
        OrgSummary {
            id: at.org.id.clone(),
            code: at.org.code.clone(),
            name: v.name.clone(),
            kind: v.kind,
            kind_label: v.kind.label().into(),
            sector: v.sector,
            sector_label: v.sector.map(|s| s.label().to_string()),
            parent_id: v.parent_id.clone(),
            depth: v.depth,
            valid_from: v.valid_from,
            valid_to: v.valid_to,
            members,
            path: v.path.clone(),
        }
    }

    pub fn is_cell(&self) -> bool {
        self.kind.is_cell()
    }
}

/// The tree in the actor's scope as it stood on a date: organizations in path order.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Tree {
    #[schema(value_type = String, format = Date)]
    pub as_of: NaiveDate,
    pub orgs: Vec<OrgSummary>,
    pub counts: Vec<KindCount>,
}

/// One level of the tree: an organization (or the top of the whole tree) and the units
/// directly under it, each with the members and units of its subtree. A page of the tree costs
/// its level, whatever the size of the units below (issue 9).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TreeLevel {
    #[schema(value_type = String, format = Date)]
    pub as_of: NaiveDate,
    /// The organization whose units these are; none at the top of the whole tree when it has
    /// several roots (or none on the date).
    pub org: Option<OrgSummary>,
    /// Committees first, then cells, each by name.
    pub units: Vec<LevelUnit>,
    /// Organizations by kind in the level's subtree, the organization itself included.
    pub counts: Vec<KindCount>,
    /// Members on the roll in the level's subtree.
    pub members: i64,
}

/// A unit of a tree level.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LevelUnit {
    #[serde(flatten)]
    pub org: OrgSummary,
    /// Organizations under it, itself not included: none under a cell.
    pub units_under: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct KindCount {
    #[schema(value_type = String)]
    pub kind: OrgKind,
    pub label: String,
    pub count: i64,
}

/// One version of an organization's name, kind and place in the tree.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct VersionView {
    #[schema(value_type = String, format = Date)]
    pub valid_from: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_to: Option<NaiveDate>,
    pub name: String,
    pub kind_label: String,
    pub parent_name: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EventView {
    #[schema(value_type = String)]
    pub kind: OrgEventKind,
    pub label: String,
    #[schema(value_type = String, format = Date)]
    pub effective_on: NaiveDate,
    pub decision_number: String,
    pub related_code: Option<String>,
    pub related_name: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OfficerView {
    #[schema(value_type = String)]
    pub person_id: coso_domain::id::PersonId,
    pub full_name: String,
    #[schema(value_type = String)]
    pub role: coso_domain::position::PositionRole,
    pub role_label: String,
    #[schema(value_type = String, format = Date)]
    pub valid_from: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_to: Option<NaiveDate>,
    pub decision_number: String,
    /// Holds the seat on the day the page is of.
    pub in_office: bool,
}

/// Everything the organization page shows.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OrgDetail {
    pub org: OrgSummary,
    pub parent: Option<OrgSummary>,
    pub children: Vec<OrgSummary>,
    pub history: Vec<VersionView>,
    pub events: Vec<EventView>,
    pub officers: Vec<OfficerView>,
    /// The secretary in office on the date (Điều lệ Đảng, Điều 12: one at a time).
    pub secretary: Option<String>,
    /// Members on the roll in the whole subtree on the date.
    pub subtree_members: i64,
    #[schema(value_type = Option<String>, format = Date)]
    pub dissolved_on: Option<NaiveDate>,
    pub can_write: bool,
    /// Whether the reader may record this cell's meetings (false for any other unit).
    pub can_record_meetings: bool,
    /// Whether the reader may enter members in this cell (false for any other unit).
    pub can_add_members: bool,
}

/// Founding a new organization.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NewOrg {
    pub code: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub parent_code: Option<String>,
    /// dd/mm/yyyy or yyyy-mm-dd
    pub founded_on: String,
    pub decision_number: String,
}

/// Looks up an organization by code and its version on a date, or says which is missing.
pub(crate) fn org_on(conn: &mut DbConnection, code: &str, on: NaiveDate) -> AppResult<OrgAt> {
    let org = store::by_code(conn, code.trim())?
        .ok_or_else(|| AppError::NotFound(format!("tổ chức mã {}", code.trim())))?;
    let version = store::version_on(conn, &org.id, on)?.ok_or_else(|| {
        AppError::NotFound(format!("tổ chức mã {} vào ngày {}", org.code, date::format(on)))
    })?;
    Ok(OrgAt { org, version })
}

/// A cell standing on a date: members are registered and meetings held in cells only. A code
/// unknown that day is refused on `field`, as is a unit of another kind.
pub(crate) fn cell_on(
    conn: &mut DbConnection,
    field: &'static str,
    code: &str,
    on: NaiveDate,
) -> AppResult<OrgAt> {
    let at = org_on(conn, code, on).map_err(|e| match e {
        AppError::NotFound(_) => AppError::field(
            field,
            format!("Không có chi bộ mã {} vào ngày {}.", code.trim(), date::format(on)),
        ),
        other => other,
    })?;
    if !at.version.kind.holds_members() {
        return Err(AppError::field(
            field,
            format!("{} không phải chi bộ; đảng viên sinh hoạt ở chi bộ.", at.version.name),
        ));
    }
    Ok(at)
}

/// The version in force on `on`, or else the latest one (a dissolved organization's last form,
/// or a date before it was founded).
fn version_on_or_latest(
    conn: &mut DbConnection,
    org_id: &OrgId,
    on: NaiveDate,
) -> AppResult<Option<OrgVersionRow>> {
    Ok(match store::version_on(conn, org_id, on)? {
        Some(v) => Some(v),
        None => store::latest_version(conn, org_id)?,
    })
}

/// The organization `code`, on the date or else in its latest form.
fn org_on_or_latest(conn: &mut DbConnection, code: &str, on: NaiveDate) -> AppResult<OrgAt> {
    let org = store::by_code(conn, code.trim())?
        .ok_or_else(|| AppError::NotFound(format!("tổ chức mã {}", code.trim())))?;
    let version = version_on_or_latest(conn, &org.id, on)?
        .ok_or_else(|| AppError::NotFound(format!("tổ chức mã {}", org.code)))?;
    Ok(OrgAt { org, version })
}

/// The organization with id `org_id`, on the date or else in its latest form.
/// The unit a report of the actor's is about by default: the organization its account is bound
/// to, or the single root of the tree for an unbound account.
pub(crate) fn scope_root(conn: &mut DbConnection, actor: &Actor, on: NaiveDate) -> AppResult<OrgAt> {
    if let Some(id) = &actor.org_id {
        return org_by_id_on(conn, id, on);
    }
    let mut roots = store::roots_on(conn, on)?;
    match roots.len() {
        1 => Ok(roots.remove(0)),
        0 => Err(AppError::NotFound("tổ chức đảng".into())),
        _ => Err(AppError::field("org", "Cần chọn đơn vị báo cáo (mã tổ chức).")),
    }
}

pub(crate) fn org_by_id_on(conn: &mut DbConnection, org_id: &OrgId, on: NaiveDate) -> AppResult<OrgAt> {
    let org = store::by_id(conn, org_id)?.ok_or_else(|| AppError::NotFound("tổ chức".into()))?;
    let version =
        version_on_or_latest(conn, org_id, on)?.ok_or_else(|| AppError::NotFound("tổ chức".into()))?;
    Ok(OrgAt { org, version })
}

impl App {
    /// The tree in the actor's scope on `as_of`, with counts by kind and members per unit.
    pub fn tree(&self, actor: &Actor, as_of: NaiveDate) -> AppResult<Tree> {
        let scope = access::scope(actor, Permission::ReadOrgs)?;
        self.db.read(|conn| {
            let scope = scope.path();
            let orgs = store::subtree_on(conn, scope, as_of)?;
            let now = counted_now(conn, as_of)?;
            let members = subtree_members(conn, scope, &orgs.iter().collect::<Vec<_>>(), as_of, now)?;
            let counts = store::count_by_kind(conn, scope, as_of)?;
            Ok(Tree {
                as_of,
                orgs: orgs
                    .iter()
                    .map(|o| OrgSummary::of(o, members.get(&o.org.id).copied().unwrap_or(0)))
                    .collect(),
                counts: kind_counts(&counts),
            })
        })
    }

    /// One level of the tree on `as_of`: the units directly under `code`, or at the top of
    /// the actor's scope (its organization; the root of the whole tree when there is one).
    pub fn tree_level(&self, actor: &Actor, code: Option<&str>, as_of: NaiveDate) -> AppResult<TreeLevel> {
        let scope = access::scope(actor, Permission::ReadOrgs)?;
        self.db.read(|conn| {
            let (parent, units) = level_of(conn, actor, scope.path(), code, as_of)?;
            let path = parent.as_ref().map_or_else(|| scope.path().to_string(), |p| p.version.path.clone());
            let now = counted_now(conn, as_of)?;
            let members = subtree_members(conn, &path, &units.iter().collect::<Vec<_>>(), as_of, now)?;
            let under = units_under(conn, &path, &units, as_of, now)?;
            let mut level: Vec<LevelUnit> = units
                .iter()
                .map(|u| LevelUnit {
                    org: OrgSummary::of(u, members.get(&u.org.id).copied().unwrap_or(0)),
                    units_under: under.get(&u.org.id).copied().unwrap_or(0),
                })
                .collect();
            level.sort_by_cached_key(|u| (u.org.kind.rank(), text::fold(&u.org.name)));
            let key = coso_store::tally::key_of(&path).to_string();
            let totals = coso_store::tally::totals_on(conn, &key, as_of)?;
            let mut kinds = Vec::new();
            let mut on_roll = 0;
            for (measure, n) in totals {
                match measure {
                    coso_store::tally::Measure::Orgs(kind) => kinds.push((kind, n)),
                    coso_store::tally::Measure::Members(status) if status.on_roll() => on_roll += n,
                    coso_store::tally::Measure::Members(_) => {}
                }
            }
            Ok(TreeLevel {
                as_of,
                org: parent.as_ref().map(|p| OrgSummary::of(p, on_roll)),
                units: level,
                counts: kind_counts(&kinds),
                members: on_roll,
            })
        })
    }

    /// The code of the organization an account is bound to: where its home page opens.
    pub fn own_org_code(&self, actor: &Actor) -> AppResult<Option<String>> {
        let Some(id) = actor.org_id.clone() else { return Ok(None) };
        self.db.read(|conn| Ok(store::by_id(conn, &id)?.map(|o| o.code)))
    }

    /// Organizations in scope whose name or code contains `query` (diacritics ignored).
    pub fn search_orgs(
        &self,
        actor: &Actor,
        query: &str,
        as_of: NaiveDate,
        limit: i64,
    ) -> AppResult<Vec<OrgSummary>> {
        let scope = access::scope(actor, Permission::ReadOrgs)?;
        let folded = text::fold(query);
        self.db.read(|conn| {
            let found = store::search_on(conn, scope.path(), as_of, &folded, limit)?;
            Ok(found.iter().map(|o| OrgSummary::of(o, 0)).collect())
        })
    }

    /// One organization's page on `as_of`: details, history, children, officers.
    pub fn org_detail(&self, actor: &Actor, code: &str, as_of: NaiveDate) -> AppResult<OrgDetail> {
        self.db.read(|conn| {
            let at = org_on_or_latest(conn, code, as_of)?;
            access::org(conn, actor, Permission::ReadOrgs, &at)?;
            let can_write = access::can(conn, actor, Permission::WriteOrgs, &at)?;
            let is_cell = at.version.kind.is_cell();
            let can_record_meetings = is_cell && access::can(conn, actor, Permission::WriteMeetings, &at)?;
            let can_add_members = is_cell && access::can(conn, actor, Permission::WriteMembers, &at)?;
            let children = store::children_on(conn, &at.org.id, as_of)?;
            let wanted: Vec<&OrgAt> = std::iter::once(&at).chain(&children).collect();
            let now = counted_now(conn, as_of)?;
            let members = subtree_members(conn, &at.version.path, &wanted, as_of, now)?;
            let subtree_members = members.get(&at.org.id).copied().unwrap_or(0);
            let children = children
                .iter()
                .map(|c| OrgSummary::of(c, members.get(&c.org.id).copied().unwrap_or(0)))
                .collect();
            let parent = match &at.version.parent_id {
                Some(pid) => Some(OrgSummary::of(&org_by_id_on(conn, pid, at.version.valid_from)?, 0)),
                None => None,
            };
            let versions = store::history(conn, &at.org.id)?;
            let mut history = Vec::new();
            for v in &versions {
                history.push(VersionView {
                    valid_from: v.valid_from,
                    valid_to: v.valid_to,
                    name: v.name.clone(),
                    kind_label: v.kind.label().into(),
                    parent_name: match &v.parent_id {
                        Some(pid) => name_of(conn, pid, v.valid_from)?,
                        None => None,
                    },
                });
            }
            let mut events = Vec::new();
            for e in store::events(conn, &at.org.id)? {
                let (related_code, related_name) = match &e.related_org_id {
                    Some(rid) => {
                        let code = store::by_id(conn, rid)?.map(|o| o.code);
                        (code, name_of(conn, rid, e.effective_on)?)
                    }
                    None => (None, None),
                };
                events.push(EventView {
                    label: e.kind.label().into(),
                    kind: e.kind,
                    effective_on: e.effective_on,
                    decision_number: e.decision_number,
                    related_code,
                    related_name,
                    note: e.note,
                });
            }
            let officers = crate::positions::officers_of(conn, &at.org.id, as_of)?;
            let secretary = officers
                .iter()
                .find(|o| o.in_office && o.role == coso_domain::position::PositionRole::Secretary)
                .map(|o| o.full_name.clone());
            Ok(OrgDetail {
                org: OrgSummary::of(&at, members.get(&at.org.id).copied().unwrap_or(0)),
                dissolved_on: at.org.dissolved_on,
                parent,
                children,
                history,
                events,
                officers,
                secretary,
                subtree_members,
                can_write,
                can_record_meetings,
                can_add_members,
            })
        })
    }

    /// Founds an organization under a parent (or a root committee), by a decision.
    pub fn create_org(&self, actor: &Actor, input: NewOrg) -> AppResult<OrgSummary> {
        self.transaction(|tx| tx.create_org(actor, input))
    }
}

/// Members on the roll (probationary, official, exempted) directly in each organization under
/// `path` on `on`.
/// The organization a tree level is of and the units directly under it: `code`'s, else the
/// top of the scope's (the scope's unit; the whole tree's one root, or its roots when there are
/// several). A scoped account's unit not yet founded on `on` gives an empty level.
fn level_of(
    conn: &mut DbConnection,
    actor: &Actor,
    scope_path: &str,
    code: Option<&str>,
    on: NaiveDate,
) -> AppResult<(Option<OrgAt>, Vec<OrgAt>)> {
    let parent = match (code, coso_store::roster::unit_of(scope_path)) {
        (Some(code), _) => {
            let at = org_on(conn, code, on)?;
            access::org(conn, actor, Permission::ReadOrgs, &at)?;
            Some(at)
        }
        (None, Some(id)) => {
            let id = OrgId::from(id);
            store::by_id(conn, &id)?
                .zip(store::version_on(conn, &id, on)?)
                .map(|(org, version)| OrgAt { org, version })
        }
        (None, None) => {
            let mut roots = store::roots_on(conn, on)?;
            if roots.len() != 1 {
                return Ok((None, roots));
            }
            roots.pop()
        }
    };
    let units = match &parent {
        Some(p) => store::children_on(conn, &p.org.id, on)?,
        None => Vec::new(),
    };
    Ok((parent, units))
}

/// Members on the roll on `on` in the subtree of each of `orgs` (its own included), all of them
/// under `root_path`. When nothing has changed since `on` ([`counted_now`]), from the tally's
/// "now" rows, three rows an organization (ADR 0013); else counted from the periods under
/// `root_path` and added up each cell's path.
fn subtree_members(
    conn: &mut DbConnection,
    root_path: &str,
    orgs: &[&OrgAt],
    on: NaiveDate,
    now: bool,
) -> AppResult<HashMap<OrgId, i64>> {
    if now {
        let ids: Vec<&OrgId> = orgs.iter().map(|o| &o.org.id).collect();
        return Ok(coso_store::tally::on_roll_under(conn, &ids)?);
    }
    let mut by_org: HashMap<OrgId, i64> = orgs.iter().map(|o| (o.org.id.clone(), 0)).collect();
    for (_, path, status, n) in coso_store::members::count_on(conn, root_path, on)? {
        if !status.on_roll() {
            continue;
        }
        for id in coso_domain::org::path_ids(&path) {
            if let Some(total) = by_org.get_mut(&OrgId::from(id)) {
                *total += n;
            }
        }
    }
    Ok(by_org)
}

/// How many organizations stand on `on` under each of `orgs` (itself not included), all of them
/// under `root_path`: from the tally's "now" rows when nothing changed since ([`counted_now`]),
/// else counted from the tree under `root_path`.
fn units_under(
    conn: &mut DbConnection,
    root_path: &str,
    orgs: &[OrgAt],
    on: NaiveDate,
    now: bool,
) -> AppResult<HashMap<OrgId, i64>> {
    let mut by_org: HashMap<OrgId, i64> = if now {
        let ids: Vec<&OrgId> = orgs.iter().map(|o| &o.org.id).collect();
        coso_store::tally::units_under(conn, &ids)?
    } else {
        let mut counted: HashMap<OrgId, i64> = orgs.iter().map(|o| (o.org.id.clone(), 0)).collect();
        for o in store::subtree_on(conn, root_path, on)? {
            for id in coso_domain::org::path_ids(&o.version.path) {
                if let Some(n) = counted.get_mut(&OrgId::from(id)) {
                    *n += 1;
                }
            }
        }
        counted
    };
    // Each count included the organization itself.
    by_org.values_mut().for_each(|n| *n = (*n - 1).max(0));
    Ok(by_org)
}

/// Whether every count on `on` is the count now: no change lies after that day (ADR 0013).
fn counted_now(conn: &mut DbConnection, on: NaiveDate) -> AppResult<bool> {
    Ok(coso_store::tally::last_change(conn)?.is_none_or(|last| last <= on))
}

/// The name an organization had on a date (or its latest).
pub(crate) fn name_of(conn: &mut DbConnection, org_id: &OrgId, on: NaiveDate) -> AppResult<Option<String>> {
    Ok(version_on_or_latest(conn, org_id, on)?.map(|v| v.name))
}

fn kind_counts(counts: &[(OrgKind, i64)]) -> Vec<KindCount> {
    OrgKind::ALL
        .iter()
        .map(|k| KindCount {
            kind: *k,
            label: k.label().into(),
            count: counts.iter().find(|(c, _)| c == k).map(|(_, n)| *n).unwrap_or(0),
        })
        .collect()
}

impl Tx<'_> {
    /// Founds an organization under a parent (or a root committee), by a decision.
    pub fn create_org(&mut self, actor: &Actor, input: NewOrg) -> AppResult<OrgSummary> {
        let conn = &mut *self.conn;
        let code = required_text("code", "mã tổ chức", &input.code)
            .and_then(|code| input::rule(rules::check_code(&code)).map(|()| code));
        let sector = match input.sector.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => input::chosen("sector", "Khối không hợp lệ.", Sector::from_code(s)).map(Some),
            None => Ok(None),
        };
        let (code, name, kind, sector, founded_on, decision) = (
            code,
            required_text("name", "tên tổ chức", &input.name),
            input::chosen("kind", "Cần chọn loại tổ chức.", OrgKind::from_code(input.kind.trim())),
            sector,
            past_date("founded_on", "ngày thành lập", &input.founded_on),
            required_text("decision_number", "số quyết định", &input.decision_number),
        )
            .all()?;
        {
            if store::by_code(conn, &code)?.is_some() {
                return Err(AppError::field("code", format!("Mã {code} đã được dùng cho tổ chức khác.")));
            }
            let parent = match input.parent_code.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(pc) => Some(org_on(conn, pc, founded_on).map_err(|_| {
                    AppError::field(
                        "parent_code",
                        format!("Không có tổ chức cấp trên mã {pc} vào ngày {}.", date::format(founded_on)),
                    )
                })?),
                None => None,
            };
            rules::check_placement(parent.as_ref().map(|p| p.version.kind), kind)
                .map_err(AppError::invalid)?;
            // A unit is founded under a parent the actor may write, or as a root by the
            // administrator of the installation.
            let parent_grant = match &parent {
                Some(p) => Some(access::org(conn, actor, Permission::WriteOrgs, p)?),
                None => {
                    access::whole_tree(actor, Permission::ManageUsers)?;
                    None
                }
            };
            let id = OrgId::from(new_id());
            let org = OrgRow {
                id: id.clone(),
                code: code.clone(),
                founded_on,
                dissolved_on: None,
                created_at: now(),
            };
            store::insert_org(conn, &org)?;
            let event = OrgEventRow {
                id: new_id(),
                org_id: id.clone(),
                kind: OrgEventKind::Founding,
                effective_on: founded_on,
                decision_number: decision.clone(),
                decision_date: None,
                related_org_id: None,
                note: String::new(),
                created_at: now(),
            };
            store::insert_event(conn, &event)?;
            let version = OrgVersionRow {
                id: new_id(),
                org_id: id.clone(),
                valid_from: founded_on,
                valid_to: None,
                name_folded: text::fold(&name),
                name,
                kind,
                sector,
                parent_id: parent_grant.as_ref().map(|g| g.org_id().clone()),
                path: rules::child_path(parent.as_ref().map(|p| p.version.path.as_str()), &id),
                depth: parent.as_ref().map(|p| p.version.depth + 1).unwrap_or(0),
                event_id: Some(event.id.clone()),
            };
            store::insert_versions(conn, std::slice::from_ref(&version))?;
            audit::record(conn, actor, "create", "organization", &id, audit::NONE, Some(&(&org, &version)))?;
            Ok(OrgSummary::of(&OrgAt { org, version }, 0))
        }
    }
}
