//! Organizations, their dated versions (name, kind, parent, path) and reorganization events.
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::OrgId;
use coso_domain::org::{OrgEventKind, OrgKind, Sector};
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::schema::{org_events, org_versions, organizations};

diesel::define_sql_function! {
    /// SQL `lower()`: LIKE ignores case on SQLite but not on PostgreSQL.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = organizations)]
pub struct OrgRow {
    pub id: OrgId,
    pub code: String,
    pub founded_on: NaiveDate,
    pub dissolved_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = org_versions, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct OrgVersionRow {
    pub id: String,
    pub org_id: OrgId,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub name: String,
    pub name_folded: String,
    pub kind: OrgKind,
    pub sector: Option<Sector>,
    pub parent_id: Option<OrgId>,
    pub path: String,
    pub depth: i32,
    pub event_id: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = org_events, treat_none_as_default_value = false)]
pub struct OrgEventRow {
    pub id: String,
    pub org_id: OrgId,
    pub kind: OrgEventKind,
    pub effective_on: NaiveDate,
    pub decision_number: String,
    pub decision_date: Option<NaiveDate>,
    pub related_org_id: Option<OrgId>,
    pub note: String,
    pub created_at: NaiveDateTime,
}

/// An organization with the version in force on the date asked about.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OrgAt {
    pub org: OrgRow,
    pub version: OrgVersionRow,
}

pub fn insert_org(conn: &mut DbConnection, row: &OrgRow) -> StoreResult<()> {
    diesel::insert_into(organizations::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_versions(conn: &mut DbConnection, rows: &[OrgVersionRow]) -> StoreResult<()> {
    for row in rows {
        diesel::insert_into(org_versions::table).values(row).execute(conn)?;
        crate::tally::count_version(conn, row, 1)?;
    }
    Ok(())
}

pub fn insert_event(conn: &mut DbConnection, row: &OrgEventRow) -> StoreResult<()> {
    diesel::insert_into(org_events::table).values(row).execute(conn)?;
    Ok(())
}

pub fn by_code(conn: &mut DbConnection, code: &str) -> StoreResult<Option<OrgRow>> {
    Ok(organizations::table.filter(organizations::code.eq(code)).first(conn).optional()?)
}

pub fn by_id(conn: &mut DbConnection, id: &OrgId) -> StoreResult<Option<OrgRow>> {
    Ok(organizations::table.find(id).first(conn).optional()?)
}

pub fn count_all(conn: &mut DbConnection) -> StoreResult<i64> {
    Ok(organizations::table.count().get_result(conn)?)
}

pub fn set_dissolved(conn: &mut DbConnection, org_id: &OrgId, on: NaiveDate) -> StoreResult<()> {
    diesel::update(organizations::table.find(org_id))
        .set(organizations::dissolved_on.eq(Some(on)))
        .execute(conn)?;
    Ok(())
}

/// The version of one organization in force on a date.
pub fn version_on(
    conn: &mut DbConnection,
    org_id: &OrgId,
    on: NaiveDate,
) -> StoreResult<Option<OrgVersionRow>> {
    Ok(org_versions::table
        .filter(org_versions::org_id.eq(org_id))
        .filter(in_force_on!(on))
        .first(conn)
        .optional()?)
}

/// The latest version of an organization, whether or not it is still in force.
pub fn latest_version(conn: &mut DbConnection, org_id: &OrgId) -> StoreResult<Option<OrgVersionRow>> {
    Ok(org_versions::table
        .filter(org_versions::org_id.eq(org_id))
        .order(org_versions::valid_from.desc())
        .first(conn)
        .optional()?)
}

/// Every version of an organization, oldest first.
pub fn history(conn: &mut DbConnection, org_id: &OrgId) -> StoreResult<Vec<OrgVersionRow>> {
    Ok(org_versions::table
        .filter(org_versions::org_id.eq(org_id))
        .order(org_versions::valid_from.asc())
        .load(conn)?)
}

/// Reorganization events of an organization, oldest first.
pub fn events(conn: &mut DbConnection, org_id: &OrgId) -> StoreResult<Vec<OrgEventRow>> {
    Ok(org_events::table
        .filter(org_events::org_id.eq(org_id))
        .order((org_events::effective_on.asc(), org_events::created_at.asc()))
        .load(conn)?)
}

/// Ends a version on `on` (exclusive).
pub fn close_version(conn: &mut DbConnection, version_id: &str, on: NaiveDate) -> StoreResult<()> {
    let old = version(conn, version_id)?;
    crate::tally::count_version(conn, &old, -1)?;
    diesel::update(org_versions::table.find(version_id))
        .set(org_versions::valid_to.eq(Some(on)))
        .execute(conn)?;
    crate::tally::count_version(conn, &OrgVersionRow { valid_to: Some(on), ..old }, 1)
}

/// Rewrites a version in place: for a change that takes effect the day the version began.
pub fn update_version(conn: &mut DbConnection, row: &OrgVersionRow) -> StoreResult<()> {
    let old = version(conn, &row.id)?;
    crate::tally::count_version(conn, &old, -1)?;
    diesel::update(org_versions::table.find(&row.id)).set(row).execute(conn)?;
    crate::tally::count_version(conn, row, 1)
}

/// Deletes a version that a same-day change replaces before it ever was in force.
pub fn drop_unborn_version(conn: &mut DbConnection, version_id: &str) -> StoreResult<()> {
    let old = version(conn, version_id)?;
    crate::tally::count_version(conn, &old, -1)?;
    diesel::delete(org_versions::table.find(version_id)).execute(conn)?;
    Ok(())
}

fn version(conn: &mut DbConnection, version_id: &str) -> StoreResult<OrgVersionRow> {
    Ok(org_versions::table.find(version_id).first(conn)?)
}

/// The whole subtree under `root_path` (inclusive) as it stood on `on`, in path order.
pub fn subtree_on(conn: &mut DbConnection, root_path: &str, on: NaiveDate) -> StoreResult<Vec<OrgAt>> {
    let end = coso_domain::org::subtree_end(root_path);
    let rows: Vec<(OrgRow, OrgVersionRow)> = organizations::table
        .inner_join(org_versions::table)
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .filter(in_force_on!(on))
        .order(org_versions::path.asc())
        .select((OrgRow::as_select(), OrgVersionRow::as_select()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(org, version)| OrgAt { org, version }).collect())
}

/// Organizations in force on `on` at the top of the tree (no parent).
pub fn roots_on(conn: &mut DbConnection, on: NaiveDate) -> StoreResult<Vec<OrgAt>> {
    let rows: Vec<(OrgRow, OrgVersionRow)> = organizations::table
        .inner_join(org_versions::table)
        .filter(org_versions::parent_id.is_null())
        .filter(in_force_on!(on))
        .order(org_versions::name_folded.asc())
        .select((OrgRow::as_select(), OrgVersionRow::as_select()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(org, version)| OrgAt { org, version }).collect())
}

/// Organizations in force on `on` directly under `parent_id`.
pub fn children_on(conn: &mut DbConnection, parent_id: &OrgId, on: NaiveDate) -> StoreResult<Vec<OrgAt>> {
    let rows: Vec<(OrgRow, OrgVersionRow)> = organizations::table
        .inner_join(org_versions::table)
        .filter(org_versions::parent_id.eq(parent_id))
        .filter(in_force_on!(on))
        .order(org_versions::name_folded.asc())
        .select((OrgRow::as_select(), OrgVersionRow::as_select()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(org, version)| OrgAt { org, version }).collect())
}

/// Versions in force on `on` or later, under `root_path`: what a move at `on` must re-path.
pub fn subtree_versions_from(
    conn: &mut DbConnection,
    root_path: &str,
    on: NaiveDate,
) -> StoreResult<Vec<OrgVersionRow>> {
    let end = coso_domain::org::subtree_end(root_path);
    Ok(org_versions::table
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .filter(org_versions::valid_to.is_null().or(org_versions::valid_to.gt(on)))
        .load(conn)?)
}

/// How many organizations of each kind stood under `root_path` on `on`.
pub fn count_by_kind(
    conn: &mut DbConnection,
    root_path: &str,
    on: NaiveDate,
) -> StoreResult<Vec<(OrgKind, i64)>> {
    let end = coso_domain::org::subtree_end(root_path);
    Ok(org_versions::table
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .filter(in_force_on!(on))
        .group_by(org_versions::kind)
        .select((org_versions::kind, count_star()))
        .load(conn)?)
}

/// Organizations whose name or code matches `folded` (already folded), under `root_path`.
pub fn search_on(
    conn: &mut DbConnection,
    root_path: &str,
    on: NaiveDate,
    folded: &str,
    limit: i64,
) -> StoreResult<Vec<OrgAt>> {
    let end = coso_domain::org::subtree_end(root_path);
    let pattern = format!("%{}%", escape_like(folded));
    let rows: Vec<(OrgRow, OrgVersionRow)> = organizations::table
        .inner_join(org_versions::table)
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .filter(in_force_on!(on))
        .filter(
            org_versions::name_folded
                .like(pattern.clone())
                .escape('\\')
                .or(lower(organizations::code).like(pattern).escape('\\')),
        )
        .order(org_versions::path.asc())
        .limit(limit)
        .select((OrgRow::as_select(), OrgVersionRow::as_select()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(org, version)| OrgAt { org, version }).collect())
}

/// Escapes LIKE wildcards in user input.
pub fn escape_like(input: &str) -> String {
    input.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}
