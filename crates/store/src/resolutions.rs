//! Congress resolutions (domain.md §10): a committee's resolution for a term, its targets and
//! their yearly values.
use chrono::NaiveDateTime;
use coso_domain::id::OrgId;
use diesel::prelude::*;

use crate::schema::{resolution_targets, resolutions, target_values};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = resolutions, treat_none_as_default_value = false)]
pub struct ResolutionRow {
    pub id: String,
    pub org_id: OrgId,
    pub document_id: Option<String>,
    pub title: String,
    pub first_year: i32,
    pub last_year: i32,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = resolution_targets, treat_none_as_default_value = false)]
pub struct TargetRow {
    pub id: String,
    pub resolution_id: String,
    pub position: i32,
    pub name: String,
    pub unit: String,
    pub value: f64,
    /// `at_least`, `at_most` or `reach_by` (`coso_domain::resolution::Direction::code`).
    pub direction: String,
    pub reach_year: Option<i32>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = target_values)]
pub struct ValueRow {
    pub target_id: String,
    pub year: i32,
    pub value: f64,
    /// Where the figure comes from: "Báo cáo tổng kết năm 2019 (…-BC/TU)".
    pub source: String,
    pub recorded_at: NaiveDateTime,
}

pub fn insert_resolution(conn: &mut DbConnection, row: &ResolutionRow) -> StoreResult<()> {
    diesel::insert_into(resolutions::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_targets(conn: &mut DbConnection, rows: &[TargetRow]) -> StoreResult<()> {
    for row in rows {
        diesel::insert_into(resolution_targets::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Records a target's value for a year, replacing the one recorded before.
pub fn put_value(conn: &mut DbConnection, row: &ValueRow) -> StoreResult<Option<ValueRow>> {
    let before: Option<ValueRow> =
        target_values::table.find((&row.target_id, row.year)).first(conn).optional()?;
    if before.is_some() {
        diesel::update(target_values::table.find((&row.target_id, row.year))).set(row).execute(conn)?;
    } else {
        diesel::insert_into(target_values::table).values(row).execute(conn)?;
    }
    Ok(before)
}

pub fn resolution(conn: &mut DbConnection, id: &str) -> StoreResult<Option<ResolutionRow>> {
    Ok(resolutions::table.find(id).first(conn).optional()?)
}

pub fn target(conn: &mut DbConnection, id: &str) -> StoreResult<Option<TargetRow>> {
    Ok(resolution_targets::table.find(id).first(conn).optional()?)
}

/// Every resolution, the latest term first.
pub fn all(conn: &mut DbConnection) -> StoreResult<Vec<ResolutionRow>> {
    Ok(resolutions::table.order((resolutions::first_year.desc(), resolutions::title.asc())).load(conn)?)
}

pub fn targets(conn: &mut DbConnection, resolution_id: &str) -> StoreResult<Vec<TargetRow>> {
    Ok(resolution_targets::table
        .filter(resolution_targets::resolution_id.eq(resolution_id))
        .order(resolution_targets::position.asc())
        .load(conn)?)
}

/// The yearly values of a resolution's targets, by target then year.
pub fn values(conn: &mut DbConnection, resolution_id: &str) -> StoreResult<Vec<ValueRow>> {
    Ok(target_values::table
        .inner_join(resolution_targets::table)
        .filter(resolution_targets::resolution_id.eq(resolution_id))
        .order((target_values::target_id.asc(), target_values::year.asc()))
        .select(ValueRow::as_select())
        .load(conn)?)
}
