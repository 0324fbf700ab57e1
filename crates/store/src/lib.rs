//! coso-store: the database of coso on SQLite or PostgreSQL, with queries per aggregate.
/// Inserts `rows` (a slice) into `table` in multi-row statements of `chunk` rows, on the
/// engine's own connection (Diesel's multi-connection inserts one row at a time).
macro_rules! insert_all {
    ($conn:expr, $table:expr, $rows:expr, $chunk:expr) => {
        for chunk in $rows.chunks($chunk) {
            match &mut *$conn {
                $crate::DbConnection::Sqlite(c) => diesel::insert_into($table).values(chunk).execute(c)?,
                $crate::DbConnection::Postgres(c) => diesel::insert_into($table).values(chunk).execute(c)?,
            };
        }
    };
}

pub mod accounts;
pub mod audit;
mod codes;
mod db;
pub mod discipline;
pub mod meetings;
pub mod members;
pub mod orgs;
pub mod pilots;
pub mod positions;
pub mod ratings;
pub mod roster;
pub mod schema;
pub mod settings;
pub mod tally;
pub mod training;

pub use db::{
    BackendKind, ConnectionManager, Db, DbConnection, POOL_SIZE, StoreError, StoreResult, new_id, now,
};
