//! Positions held by persons in organizations' committees over date ranges.
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::{OrgId, PersonId};
use diesel::prelude::*;

use crate::schema::{persons, positions};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = positions, treat_none_as_default_value = false)]
pub struct PositionRow {
    pub id: String,
    pub person_id: PersonId,
    pub org_id: OrgId,
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
pub fn of_org(conn: &mut DbConnection, org_id: &OrgId) -> StoreResult<Vec<(PositionRow, String)>> {
    Ok(positions::table
        .inner_join(persons::table)
        .filter(positions::org_id.eq(org_id))
        .order((positions::valid_from.desc(), positions::role.asc()))
        .select((PositionRow::as_select(), persons::full_name))
        .load(conn)?)
}

/// Positions held by a person, newest first.
pub fn of_person(conn: &mut DbConnection, person_id: &PersonId) -> StoreResult<Vec<PositionRow>> {
    Ok(positions::table
        .filter(positions::person_id.eq(person_id))
        .order(positions::valid_from.desc())
        .load(conn)?)
}

/// Positions of one role in one organization: what a new one must not overlap.
pub fn of_org_role(conn: &mut DbConnection, org_id: &OrgId, role: &str) -> StoreResult<Vec<PositionRow>> {
    Ok(positions::table.filter(positions::org_id.eq(org_id)).filter(positions::role.eq(role)).load(conn)?)
}
