//! Positions held by persons in organizations' committees over date ranges.
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::schema::{persons, positions};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = positions, treat_none_as_default_value = false)]
pub struct PositionRow {
    pub id: String,
    pub person_id: String,
    pub org_id: String,
    pub role: coso_domain::position::PositionRole,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub decision_number: String,
    pub created_at: NaiveDateTime,
}

impl PositionRow {
    /// The days the position is held.
    pub fn span(&self) -> coso_domain::date::Span {
        coso_domain::date::Span { from: self.valid_from, to: self.valid_to }
    }
}

pub fn insert(conn: &mut DbConnection, row: &PositionRow) -> StoreResult<()> {
    diesel::insert_into(positions::table).values(row).execute(conn)?;
    Ok(())
}

/// Positions of an organization with the holder's name, newest first.
pub fn of_org(conn: &mut DbConnection, org_id: &str) -> StoreResult<Vec<(PositionRow, String)>> {
    Ok(positions::table
        .inner_join(persons::table)
        .filter(positions::org_id.eq(org_id))
        .order((positions::valid_from.desc(), positions::role.asc()))
        .select((PositionRow::as_select(), persons::full_name))
        .load(conn)?)
}

/// Positions held by a person, newest first.
pub fn of_person(conn: &mut DbConnection, person_id: &str) -> StoreResult<Vec<PositionRow>> {
    Ok(positions::table
        .filter(positions::person_id.eq(person_id))
        .order(positions::valid_from.desc())
        .load(conn)?)
}

/// Positions of one role in one organization: what a new one must not overlap.
pub fn of_org_role(conn: &mut DbConnection, org_id: &str, role: &str) -> StoreResult<Vec<PositionRow>> {
    Ok(positions::table.filter(positions::org_id.eq(org_id)).filter(positions::role.eq(role)).load(conn)?)
}
