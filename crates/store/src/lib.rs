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

/// The organization versions in force on `on`: valid_from <= on < valid_to.
macro_rules! in_force_on {
    ($on:expr) => {
        $crate::schema::org_versions::valid_from.le($on).and(
            $crate::schema::org_versions::valid_to
                .is_null()
                .or($crate::schema::org_versions::valid_to.gt($on)),
        )
    };
}

/// The join condition "the version of the organization in `org_col` in force on `on`": how a
/// record is placed in the tree as it stood that day (its path for subtree filters).
macro_rules! version_on {
    ($org_col:expr, $on:expr) => {
        $crate::schema::org_versions::org_id.eq($org_col).and(in_force_on!($on))
    };
}

pub mod accounts;
pub mod audit;
mod codes;
mod db;
pub mod discipline;
pub mod documents;
pub mod meetings;
pub mod members;
pub mod orgs;
pub mod pilots;
pub mod plans;
pub mod positions;
pub mod ratings;
pub mod register_files;
pub mod resolutions;
pub mod roster;
pub mod schema;
pub mod settings;
pub mod tally;
pub mod training;

pub use db::{
    BackendKind, ConnectionManager, Db, DbConnection, POOL_SIZE, StoreError, StoreResult, new_id, now,
};
