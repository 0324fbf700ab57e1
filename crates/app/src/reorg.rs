//! Reorganizations: rename, move, merge, split and dissolve, each one event with its decision,
//! keeping every earlier version so the tree of any past date can still be shown.
use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::id::OrgId;
use coso_domain::org::{self as rules, OrgEventKind};
use coso_domain::{Violation, date, reorganization, text};
use coso_store::orgs::{self as store, OrgAt, OrgEventRow, OrgRow, OrgVersionRow};
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use crate::access::{self, OrgGrant};
use crate::input::{All, past_date, required_text};
use crate::orgs::{OrgSummary, org_on};
use crate::{Actor, App, AppError, AppResult, Tx, audit};

/// A reorganization as a form or the API sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Reorganization {
    /// rename, move, merge, split or dissolve
    pub kind: String,
    pub effective_on: String,
    pub decision_number: String,
    #[serde(default)]
    pub new_name: Option<String>,
    /// move: the new superior organization
    #[serde(default)]
    pub new_parent_code: Option<String>,
    /// merge: the organization this one is merged into
    #[serde(default)]
    pub target_code: Option<String>,
    /// split: one new unit per line, `MÃ | Tên`
    #[serde(default)]
    pub new_units: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

struct Ctx<'a> {
    actor: &'a Actor,
    on: NaiveDate,
    decision: String,
    note: String,
}

impl App {
    /// Applies one reorganization to the organization `code`; all or nothing.
    pub fn reorganize(&self, actor: &Actor, code: &str, input: Reorganization) -> AppResult<()> {
        self.transaction(|tx| tx.reorganize(actor, code, input))
    }
}

/// A change at `on` must come after every change already recorded for the organization.
fn ensure_latest(conn: &mut DbConnection, at: &OrgAt, on: NaiveDate) -> AppResult<()> {
    if let Some(latest) = store::latest_version(conn, &at.org.id)? {
        reorganization::check_after_last_change(
            &at.version.name,
            on,
            latest.valid_from,
            latest.id == at.version.id,
        )
        .map_err(AppError::invalid)?;
    }
    Ok(())
}

fn write_event(
    conn: &mut DbConnection,
    ctx: &Ctx,
    org: &OrgRow,
    kind: OrgEventKind,
    related: Option<&OrgId>,
) -> AppResult<OrgEventRow> {
    let row = OrgEventRow {
        id: new_id(),
        org_id: org.id.clone(),
        kind,
        effective_on: ctx.on,
        decision_number: ctx.decision.clone(),
        decision_date: None,
        related_org_id: related.cloned(),
        note: ctx.note.clone(),
        created_at: now(),
    };
    store::insert_event(conn, &row)?;
    Ok(row)
}

/// Ends `version` at `on` and starts a changed copy; a version that began that very day is
/// changed in place, since no date saw it in force.
fn supersede(
    conn: &mut DbConnection,
    version: &OrgVersionRow,
    on: NaiveDate,
    event: &OrgEventRow,
    change: impl FnOnce(&mut OrgVersionRow),
) -> AppResult<()> {
    let mut next = version.clone();
    change(&mut next);
    next.event_id = Some(event.id.clone());
    if version.valid_from == on {
        store::update_version(conn, &next)?;
    } else {
        store::close_version(conn, &version.id, on)?;
        next.id = new_id();
        next.valid_from = on;
        next.valid_to = None;
        store::insert_versions(conn, std::slice::from_ref(&next))?;
    }
    Ok(())
}

/// Puts `at` (and its whole subtree) under `parent` from `on`; `into` is the grant to write
/// under the parent.
fn move_under(
    conn: &mut DbConnection,
    at: &OrgAt,
    parent: &OrgAt,
    into: &OrgGrant,
    on: NaiveDate,
    event: &OrgEventRow,
) -> AppResult<()> {
    {
        rules::check_placement(Some(parent.version.kind), at.version.kind)
            .map_err(|v| AppError::invalid(Violation { field: Some("new_parent_code"), ..v }))?;
    }
    rules::check_move(&at.version.path, &parent.version.path)
        .map_err(|v| AppError::invalid(Violation { field: Some("new_parent_code"), ..v }))?;
    if at.version.parent_id.as_ref() == Some(&parent.org.id) {
        return Err(AppError::field("new_parent_code", "Tổ chức đã trực thuộc tổ chức này."));
    }
    let old_prefix = at.version.path.clone();
    let new_prefix = rules::child_path(Some(&parent.version.path), &at.org.id);
    let depth_shift = parent.version.depth + 1 - at.version.depth;
    for v in store::subtree_versions_from(conn, &old_prefix, on)? {
        if v.valid_to.is_some() || v.valid_from > on {
            let name = v.name.clone();
            return Err(AppError::field(
                "effective_on",
                format!("{name} đã có thay đổi sau ngày này; hãy chọn ngày hiệu lực muộn hơn."),
            ));
        }
        let is_root = v.org_id == at.org.id;
        let new_path = format!("{new_prefix}{}", &v.path[old_prefix.len()..]);
        supersede(conn, &v, on, event, |n| {
            n.path = new_path;
            n.depth += depth_shift;
            if is_root {
                n.parent_id = Some(into.org_id().clone());
            }
        })?;
    }
    Ok(())
}

/// Ends an organization at `on`; it must have no units and no members left.
fn dissolve(conn: &mut DbConnection, at: &OrgAt, on: NaiveDate, _event: &OrgEventRow) -> AppResult<()> {
    let children = store::children_on(conn, &at.org.id, on)?;
    let periods = coso_store::members::periods_of_org_from(conn, &at.org.id, on)?;
    let remaining = periods.iter().filter(|p| p.status.on_roll() && p.valid_to.is_none()).count();
    reorganization::check_dissolution(&at.version.name, children.len(), remaining)
        .map_err(AppError::invalid)?;
    reorganization::check_members_unchanged_after(&at.version.name, on, &stretches(&periods))
        .map_err(AppError::invalid)?;
    if at.version.valid_from == on {
        store::drop_unborn_version(conn, &at.version.id)?;
    } else {
        store::close_version(conn, &at.version.id, on)?;
    }
    store::set_dissolved(conn, &at.org.id, on)?;
    Ok(())
}

/// Merges `source` into `target`: its units move under the target, its members transfer to the
/// target, and the source ends. Both get an event naming the other.
fn merge_into(
    conn: &mut DbConnection,
    ctx: &Ctx,
    source: &OrgAt,
    target: &OrgAt,
    into: &OrgGrant,
) -> AppResult<()> {
    ensure_latest(conn, target, ctx.on)?;
    let periods = coso_store::members::periods_of_org_from(conn, &source.org.id, ctx.on)?;
    reorganization::check_members_unchanged_after(&source.version.name, ctx.on, &stretches(&periods))
        .map_err(AppError::invalid)?;
    let mut members = Vec::new();
    for p in periods.iter().filter(|p| p.status.on_roll()) {
        if let Some(m) = coso_store::members::membership(conn, &p.membership_id)? {
            members.push(m);
        }
    }
    reorganization::check_merge_target(source.org.id == target.org.id, members.len(), target.version.kind)
        .map_err(AppError::invalid)?;
    let event = write_event(conn, ctx, &source.org, OrgEventKind::MergedInto, Some(&target.org.id))?;
    write_event(conn, ctx, &target.org, OrgEventKind::Absorbed, Some(&source.org.id))?;
    for child in store::children_on(conn, &source.org.id, ctx.on)? {
        move_under(conn, &child, target, into, ctx.on, &event)?;
    }
    for mut m in members {
        crate::members::transfer_for_reorganization(conn, ctx.actor, &mut m, into, ctx.on, &ctx.decision)?;
    }
    dissolve(conn, source, ctx.on, &event)
}

/// The unit's membership periods as the reorganization rules see them.
fn stretches(periods: &[coso_store::members::PeriodRow]) -> Vec<reorganization::Stretch> {
    periods
        .iter()
        .map(|p| reorganization::Stretch { from: p.valid_from, to: p.valid_to, on_roll: p.status.on_roll() })
        .collect()
}

/// Creates new units beside `source` from one line each, `MÃ | Tên`; the source goes on.
fn split(conn: &mut DbConnection, ctx: &Ctx, source: &OrgAt, lines: &str) -> AppResult<()> {
    let mut units = Vec::new();
    for line in lines.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line.split_once('|') {
            Some((code, name)) if !code.trim().is_empty() && !name.trim().is_empty() => {
                units.push((code.trim().to_string(), name.trim().to_string()))
            }
            _ => {
                return Err(AppError::field(
                    "new_units",
                    format!("Dòng «{line}» cần có dạng MÃ | Tên đơn vị."),
                ));
            }
        }
    }
    if units.is_empty() {
        return Err(AppError::field("new_units", "Cần nhập ít nhất một đơn vị mới (MÃ | Tên)."));
    }
    // The new units stand beside the source, under its parent: the actor must be allowed to
    // found units there (a ward's account may split its cells, not the ward itself).
    let parent = match &source.version.parent_id {
        Some(pid) => {
            let parent = crate::orgs::org_by_id_on(conn, pid, ctx.on)?;
            let grant = access::org(conn, ctx.actor, Permission::WriteOrgs, &parent)?;
            Some((parent, grant))
        }
        None => {
            access::whole_tree(ctx.actor, Permission::ManageUsers)?;
            None
        }
    };
    for (code, name) in units {
        rules::check_code(&code)
            .map_err(|v| AppError::invalid(Violation { field: Some("new_units"), ..v }))?;
        if store::by_code(conn, &code)?.is_some() {
            return Err(AppError::field("new_units", format!("Mã {code} đã được dùng cho tổ chức khác.")));
        }
        let id = OrgId::from(new_id());
        let org = OrgRow { id: id.clone(), code, founded_on: ctx.on, dissolved_on: None, created_at: now() };
        store::insert_org(conn, &org)?;
        let event = write_event(conn, ctx, &org, OrgEventKind::SplitFrom, Some(&source.org.id))?;
        let version = OrgVersionRow {
            id: new_id(),
            org_id: id.clone(),
            valid_from: ctx.on,
            valid_to: None,
            name_folded: text::fold(&name),
            name,
            kind: source.version.kind,
            sector: source.version.sector,
            parent_id: parent.as_ref().map(|(_, g)| g.org_id().clone()),
            path: rules::child_path(parent.as_ref().map(|(p, _)| p.version.path.as_str()), &id),
            depth: source.version.depth,
            event_id: Some(event.id),
        };
        store::insert_versions(conn, std::slice::from_ref(&version))?;
        let summary = OrgSummary::of(&OrgAt { org, version }, 0);
        audit::record(conn, ctx.actor, "create", "organization", &id, audit::NONE, Some(&summary))?;
    }
    Ok(())
}

impl Tx<'_> {
    /// Applies one reorganization to the organization `code`; all or nothing.
    pub fn reorganize(&mut self, actor: &Actor, code: &str, input: Reorganization) -> AppResult<()> {
        let conn = &mut *self.conn;
        let (on, decision) = (
            past_date("effective_on", "ngày hiệu lực", &input.effective_on),
            required_text("decision_number", "số quyết định", &input.decision_number),
        )
            .all()?;
        let ctx =
            Ctx { actor, on, decision, note: input.note.clone().unwrap_or_default().trim().to_string() };
        {
            let at = org_on(conn, code, on)?;
            access::org(conn, actor, Permission::WriteOrgs, &at)?;
            ensure_latest(conn, &at, on)?;
            match input.kind.as_str() {
                "rename" => {
                    let name = input.new_name.as_deref().map(str::trim).unwrap_or_default().to_string();
                    reorganization::check_rename(&at.version.name, &name).map_err(AppError::invalid)?;
                    let event = write_event(conn, &ctx, &at.org, OrgEventKind::Rename, None)?;
                    supersede(conn, &at.version, on, &event, |v| {
                        v.name_folded = text::fold(&name);
                        v.name = name.clone();
                    })?;
                    Ok(())
                }
                "move" => {
                    let parent_code = input.new_parent_code.as_deref().map(str::trim).unwrap_or_default();
                    if parent_code.is_empty() {
                        return Err(AppError::field("new_parent_code", "Cần chọn tổ chức cấp trên mới."));
                    }
                    let parent = org_on(conn, parent_code, on).map_err(|_| {
                        AppError::field(
                            "new_parent_code",
                            format!("Không có tổ chức mã {parent_code} vào ngày {}.", date::format(on)),
                        )
                    })?;
                    let into = access::org(conn, actor, Permission::WriteOrgs, &parent)?;
                    let event = write_event(conn, &ctx, &at.org, OrgEventKind::Move, Some(&parent.org.id))?;
                    move_under(conn, &at, &parent, &into, on, &event)
                }
                "merge" => {
                    let target_code = input.target_code.as_deref().map(str::trim).unwrap_or_default();
                    if target_code.is_empty() {
                        return Err(AppError::field("target_code", "Cần chọn tổ chức nhận sáp nhập."));
                    }
                    let target = org_on(conn, target_code, on).map_err(|_| {
                        AppError::field(
                            "target_code",
                            format!("Không có tổ chức mã {target_code} vào ngày {}.", date::format(on)),
                        )
                    })?;
                    let into = access::org(conn, actor, Permission::WriteOrgs, &target)?;
                    merge_into(conn, &ctx, &at, &target, &into)
                }
                "split" => split(conn, &ctx, &at, input.new_units.as_deref().unwrap_or_default()),
                "dissolve" => {
                    let event = write_event(conn, &ctx, &at.org, OrgEventKind::Dissolve, None)?;
                    dissolve(conn, &at, on, &event)
                }
                _ => Err(AppError::field(
                    "kind",
                    "Cần chọn loại sắp xếp (đổi tên, điều chuyển, sáp nhập, chia tách, giải thể).",
                )),
            }?;
            // The roster follows the tree: the subtrees of every unit the change touched, as
            // they now stand, each once (a unit moved under a parent is in the parent's).
            let touched = [Some(code), input.target_code.as_deref(), input.new_parent_code.as_deref()];
            let mut paths = Vec::new();
            for code in touched.into_iter().flatten().map(str::trim).filter(|c| !c.is_empty()) {
                let Some(org) = store::by_code(conn, code)? else { continue };
                if let Some(v) = store::latest_version(conn, &org.id)?.filter(|v| v.valid_to.is_none()) {
                    paths.push(v.path);
                }
            }
            paths.sort();
            paths.dedup_by(|inner, outer| coso_domain::org::in_subtree(inner, outer));
            for path in &paths {
                coso_store::roster::refresh_subtree(conn, path)?;
            }
            let after = store::latest_version(conn, &at.org.id)?;
            audit::record(
                conn,
                actor,
                &format!("reorganize.{}", input.kind),
                "organization",
                &at.org.id,
                Some(&at.version),
                after.as_ref(),
            )
        }
    }
}
