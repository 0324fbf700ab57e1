//! The append-only audit log: who changed what, when, and how it looked before and after.
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::audit_log;
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = audit_log, treat_none_as_default_value = false)]
pub struct AuditRow {
    pub id: String,
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub at: NaiveDateTime,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

pub fn insert(conn: &mut DbConnection, row: &AuditRow) -> StoreResult<()> {
    diesel::insert_into(audit_log::table).values(row).execute(conn)?;
    Ok(())
}

/// The audit rows of one entity, newest first.
pub fn of_entity(conn: &mut DbConnection, entity: &str, entity_id: &str) -> StoreResult<Vec<AuditRow>> {
    Ok(audit_log::table
        .filter(audit_log::entity.eq(entity))
        .filter(audit_log::entity_id.eq(entity_id))
        .order(audit_log::at.desc())
        .load(conn)?)
}

/// Audit rows, newest first, filtered by entity, entity id and a first moment; at most `limit`.
pub fn trail(
    conn: &mut DbConnection,
    entity: Option<&str>,
    entity_id: Option<&str>,
    since: Option<NaiveDateTime>,
    limit: i64,
) -> StoreResult<Vec<AuditRow>> {
    let mut q = audit_log::table.into_boxed();
    if let Some(e) = entity {
        q = q.filter(audit_log::entity.eq(e.to_string()));
    }
    if let Some(id) = entity_id {
        q = q.filter(audit_log::entity_id.eq(id.to_string()));
    }
    if let Some(t) = since {
        q = q.filter(audit_log::at.ge(t));
    }
    Ok(q.order((audit_log::at.desc(), audit_log::id.desc())).limit(limit).load(conn)?)
}

/// The (action, entity) of the rows an actor left, oldest first.
pub fn actions_of(conn: &mut DbConnection, actor_name: &str) -> StoreResult<Vec<(String, String)>> {
    Ok(audit_log::table
        .filter(audit_log::actor_name.eq(actor_name))
        .order((audit_log::at.asc(), audit_log::id.asc()))
        .select((audit_log::action, audit_log::entity))
        .load(conn)?)
}

pub fn count(conn: &mut DbConnection) -> StoreResult<i64> {
    Ok(audit_log::table.count().get_result(conn)?)
}
