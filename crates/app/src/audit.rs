//! Writing the audit row that every change leaves, in the change's own transaction.
use coso_store::{DbConnection, audit::AuditRow};
use serde::Serialize;

use crate::{Actor, AppResult};

/// Records `action` on `entity`/`id` by `actor`, with the states before and after.
pub fn record<B: Serialize, A: Serialize>(
    conn: &mut DbConnection,
    actor: &Actor,
    action: &str,
    entity: &str,
    id: impl AsRef<str>,
    before: Option<&B>,
    after: Option<&A>,
) -> AppResult<()> {
    record_by(conn, actor.user_id.clone(), &actor.username, action, entity, id, before, after)
}

/// The same, by someone who is not (or not yet) an actor: a refused login names the account
/// that was tried.
#[allow(clippy::too_many_arguments)]
pub fn record_by<B: Serialize, A: Serialize>(
    conn: &mut DbConnection,
    actor_id: Option<String>,
    actor_name: &str,
    action: &str,
    entity: &str,
    id: impl AsRef<str>,
    before: Option<&B>,
    after: Option<&A>,
) -> AppResult<()> {
    let row = AuditRow {
        id: coso_store::new_id(),
        actor_id,
        actor_name: actor_name.into(),
        at: coso_store::now(),
        action: action.into(),
        entity: entity.into(),
        entity_id: id.as_ref().into(),
        before_json: before.map(to_json),
        after_json: after.map(to_json),
    };
    coso_store::audit::insert(conn, &row)?;
    Ok(())
}

/// Nothing to show on one side of an audit row.
pub const NONE: Option<&()> = None;

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}
