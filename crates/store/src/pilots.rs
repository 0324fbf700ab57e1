//! Pilot guidance: the units picked, who follows them, their visits and remediation actions
//! (domain.md §6).
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::{OrgId, PersonId};
use coso_domain::pilot::{ActionStatus, Indicator};
use diesel::prelude::*;

use crate::schema::{persons, pilot_actions, pilot_followers, pilot_visits, pilots};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = pilots, treat_none_as_default_value = false)]
pub struct PilotRow {
    pub id: String,
    pub org_id: OrgId,
    pub selected_by_org_id: OrgId,
    pub selected_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    /// Weakness codes, comma-separated (`coso_domain::pilot::weakness_codes`).
    pub weaknesses: String,
    pub weakness_note: String,
    pub objectives: String,
    pub indicator: Indicator,
    pub target_pct: Option<i32>,
    pub closing_assessment: String,
    pub decision: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = pilot_followers)]
pub struct FollowerRow {
    pub id: String,
    pub pilot_id: String,
    pub person_id: PersonId,
    pub role_note: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = pilot_visits)]
pub struct VisitRow {
    pub id: String,
    pub pilot_id: String,
    pub visited_on: NaiveDate,
    pub findings: String,
    pub obstacles_removed: String,
    pub assessment: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = pilot_actions)]
pub struct ActionRow {
    pub id: String,
    pub pilot_id: String,
    pub title: String,
    pub owner: String,
    pub set_on: NaiveDate,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    pub evidence: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_pilot(conn: &mut DbConnection, row: &PilotRow) -> StoreResult<()> {
    diesel::insert_into(pilots::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_follower(conn: &mut DbConnection, row: &FollowerRow) -> StoreResult<()> {
    diesel::insert_into(pilot_followers::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_visit(conn: &mut DbConnection, row: &VisitRow) -> StoreResult<()> {
    diesel::insert_into(pilot_visits::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_action(conn: &mut DbConnection, row: &ActionRow) -> StoreResult<()> {
    diesel::insert_into(pilot_actions::table).values(row).execute(conn)?;
    Ok(())
}

pub fn update_action(conn: &mut DbConnection, row: &ActionRow) -> StoreResult<()> {
    diesel::update(pilot_actions::table.find(&row.id)).set(row).execute(conn)?;
    Ok(())
}

/// Ends a pilot on `ends_on` with its closing assessment.
pub fn close_pilot(
    conn: &mut DbConnection,
    id: &str,
    ends_on: NaiveDate,
    assessment: &str,
) -> StoreResult<()> {
    diesel::update(pilots::table.find(id))
        .set((pilots::ends_on.eq(Some(ends_on)), pilots::closing_assessment.eq(assessment)))
        .execute(conn)?;
    Ok(())
}

pub fn pilot(conn: &mut DbConnection, id: &str) -> StoreResult<Option<PilotRow>> {
    Ok(pilots::table.find(id).first(conn).optional()?)
}

pub fn action(conn: &mut DbConnection, id: &str) -> StoreResult<Option<ActionRow>> {
    Ok(pilot_actions::table.find(id).first(conn).optional()?)
}

/// Pilots selected between two days (inclusive), oldest first.
pub fn selected_between(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<PilotRow>> {
    Ok(pilots::table
        .filter(pilots::selected_on.ge(from))
        .filter(pilots::selected_on.le(to))
        .order((pilots::selected_on.asc(), pilots::id.asc()))
        .load(conn)?)
}

/// A pilot's followers with their names.
pub fn followers(conn: &mut DbConnection, pilot_id: &str) -> StoreResult<Vec<(FollowerRow, String)>> {
    Ok(pilot_followers::table
        .inner_join(persons::table)
        .filter(pilot_followers::pilot_id.eq(pilot_id))
        .order(persons::name_folded.asc())
        .select((FollowerRow::as_select(), persons::full_name))
        .load(conn)?)
}

pub fn visits(conn: &mut DbConnection, pilot_id: &str) -> StoreResult<Vec<VisitRow>> {
    Ok(pilot_visits::table
        .filter(pilot_visits::pilot_id.eq(pilot_id))
        .order(pilot_visits::visited_on.desc())
        .load(conn)?)
}

pub fn actions(conn: &mut DbConnection, pilot_id: &str) -> StoreResult<Vec<ActionRow>> {
    Ok(pilot_actions::table
        .filter(pilot_actions::pilot_id.eq(pilot_id))
        .order((pilot_actions::due_on.asc(), pilot_actions::id.asc()))
        .load(conn)?)
}
