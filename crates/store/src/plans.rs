//! Plans and projects (Kế hoạch, Đề án; domain.md §10): their indicators, the tasks assigned
//! and the progress reported on them.
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::OrgId;
use coso_domain::pilot::ActionStatus;
use coso_domain::plan::{Measure, PlanKind};
use diesel::prelude::*;

use crate::schema::{plan_indicators, plan_tasks, plans, task_reports};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = plans, treat_none_as_default_value = false)]
pub struct PlanRow {
    pub id: String,
    pub org_id: OrgId,
    pub document_id: Option<String>,
    pub kind: PlanKind,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub objectives: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = plan_indicators, treat_none_as_default_value = false)]
pub struct IndicatorRow {
    pub id: String,
    pub plan_id: String,
    pub position: i32,
    pub name: String,
    pub unit: String,
    pub target: f64,
    pub measure: Option<Measure>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = plan_tasks)]
pub struct TaskRow {
    pub id: String,
    pub plan_id: String,
    pub title: String,
    pub assignee_org_id: OrgId,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    pub progress_pct: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = task_reports)]
pub struct ReportRow {
    pub id: String,
    pub task_id: String,
    pub reported_on: NaiveDate,
    pub progress_pct: i32,
    pub note: String,
    pub created_at: NaiveDateTime,
}

pub fn insert_plan(conn: &mut DbConnection, row: &PlanRow) -> StoreResult<()> {
    diesel::insert_into(plans::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_indicator(conn: &mut DbConnection, row: &IndicatorRow) -> StoreResult<()> {
    diesel::insert_into(plan_indicators::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_task(conn: &mut DbConnection, row: &TaskRow) -> StoreResult<()> {
    diesel::insert_into(plan_tasks::table).values(row).execute(conn)?;
    Ok(())
}

pub fn update_task(conn: &mut DbConnection, row: &TaskRow) -> StoreResult<()> {
    diesel::update(plan_tasks::table.find(&row.id)).set(row).execute(conn)?;
    Ok(())
}

pub fn insert_report(conn: &mut DbConnection, row: &ReportRow) -> StoreResult<()> {
    diesel::insert_into(task_reports::table).values(row).execute(conn)?;
    Ok(())
}

pub fn plan(conn: &mut DbConnection, id: &str) -> StoreResult<Option<PlanRow>> {
    Ok(plans::table.find(id).first(conn).optional()?)
}

pub fn task(conn: &mut DbConnection, id: &str) -> StoreResult<Option<TaskRow>> {
    Ok(plan_tasks::table.find(id).first(conn).optional()?)
}

/// Plans running at some time between two days, the latest first.
pub fn running_between(conn: &mut DbConnection, from: NaiveDate, to: NaiveDate) -> StoreResult<Vec<PlanRow>> {
    Ok(plans::table
        .filter(plans::starts_on.le(to))
        .filter(plans::ends_on.ge(from))
        .order((plans::starts_on.desc(), plans::id.asc()))
        .load(conn)?)
}

pub fn indicators(conn: &mut DbConnection, plan_id: &str) -> StoreResult<Vec<IndicatorRow>> {
    Ok(plan_indicators::table
        .filter(plan_indicators::plan_id.eq(plan_id))
        .order(plan_indicators::position.asc())
        .load(conn)?)
}

pub fn tasks(conn: &mut DbConnection, plan_id: &str) -> StoreResult<Vec<TaskRow>> {
    Ok(plan_tasks::table
        .filter(plan_tasks::plan_id.eq(plan_id))
        .order((plan_tasks::due_on.asc(), plan_tasks::id.asc()))
        .load(conn)?)
}

pub fn reports(conn: &mut DbConnection, task_id: &str) -> StoreResult<Vec<ReportRow>> {
    Ok(task_reports::table
        .filter(task_reports::task_id.eq(task_id))
        .order((task_reports::reported_on.desc(), task_reports::id.desc()))
        .load(conn)?)
}
