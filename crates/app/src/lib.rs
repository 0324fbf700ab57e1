//! coso-app: the use cases of coso. Each checks access, applies the domain's rules, writes in
//! one transaction with an audit row, and returns a view model for the web, API or CLI.
pub mod access;
mod audit;
pub mod auth;
mod error;
mod input;
pub mod meetings;
pub mod members;
pub mod orgs;
pub mod positions;
pub mod reorg;
pub mod stats;
pub mod trail;

pub use access::Actor;
pub use error::{AppError, AppResult};

use coso_store::{Db, DbConnection};

/// The application: the database and nothing else, so several servers can share one database.
#[derive(Clone)]
pub struct App {
    pub(crate) db: Db,
}

impl App {
    /// Opens the database at `url` and applies pending migrations.
    pub fn open(url: &str) -> AppResult<App> {
        let db = Db::connect(url)?;
        db.migrate()?;
        Ok(App { db })
    }

    /// Wraps an already migrated database (tests).
    pub fn with_db(db: Db) -> App {
        App { db }
    }

    /// Runs `work` in one transaction: every use case it calls on the [`Tx`] is written, or
    /// none is (the demo and imports record thousands of rows this way).
    pub fn transaction<T>(&self, work: impl FnOnce(&mut Tx<'_>) -> AppResult<T>) -> AppResult<T> {
        self.db.write(|conn| work(&mut Tx { conn }))
    }

    /// Whether the database has no organizations and no users.
    pub fn is_empty(&self) -> AppResult<bool> {
        self.db.read(database_is_empty)
    }

    /// Whether the database answers (health checks).
    pub fn healthy(&self) -> bool {
        self.db.read(coso_store::orgs::count_all).is_ok()
    }
}

/// A transaction in progress: the write use cases, run inside it. Each checks access and the
/// domain's rules and writes its audit row exactly as the same use case on [`App`] does.
pub struct Tx<'c> {
    conn: &'c mut DbConnection,
}

impl Tx<'_> {
    /// Whether the database has neither organizations nor users (the demo loads only there).
    pub fn is_empty(&mut self) -> AppResult<bool> {
        database_is_empty(self.conn)
    }

    /// How many organizations and memberships are on record.
    pub fn totals(&mut self) -> AppResult<(i64, i64)> {
        Ok((coso_store::orgs::count_all(self.conn)?, coso_store::members::count_memberships(self.conn)?))
    }
}

fn database_is_empty(conn: &mut DbConnection) -> AppResult<bool> {
    Ok(coso_store::orgs::count_all(conn)? == 0 && coso_store::accounts::count_users(conn)? == 0)
}

/// Today's date where the server runs (UTC+7 is Vietnam's only time zone).
pub fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive()
}
