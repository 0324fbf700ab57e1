//! Facts about the database itself, by key (e.g. the demo's reference day).
use diesel::prelude::*;

use crate::schema::settings;
use crate::{DbConnection, StoreResult};

/// The value stored under `key`, if any.
pub fn get(conn: &mut DbConnection, key: &str) -> StoreResult<Option<String>> {
    Ok(settings::table.find(key).select(settings::value).first(conn).optional()?)
}

/// Stores `value` under `key`, replacing what was there. Call inside a write transaction.
pub fn put(conn: &mut DbConnection, key: &str, value: &str) -> StoreResult<()> {
    diesel::delete(settings::table.find(key)).execute(conn)?;
    diesel::insert_into(settings::table)
        .values((settings::key.eq(key), settings::value.eq(value)))
        .execute(conn)?;
    Ok(())
}
