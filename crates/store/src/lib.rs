//! coso-store: the database of coso on SQLite or PostgreSQL, with queries per aggregate.
pub mod accounts;
pub mod audit;
mod codes;
mod db;
pub mod meetings;
pub mod members;
pub mod orgs;
pub mod positions;
pub mod roster;
pub mod schema;
pub mod settings;

pub use db::{
    BackendKind, ConnectionManager, Db, DbConnection, POOL_SIZE, StoreError, StoreResult, new_id, now,
};
