//! coso-app: the use cases of coso. Each checks access, applies the domain's rules, writes in
//! one transaction with an audit row, and returns a view model for the web, API or CLI.
pub mod access;
pub mod audit;
pub mod auth;
pub mod demo;
mod error;
pub mod input;
pub mod meetings;
pub mod members;
pub mod orgs;
pub mod positions;
pub mod reorg;
pub mod scale;
pub mod stats;

pub use access::Actor;
pub use error::{AppError, AppResult};

use coso_store::Db;

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

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Whether the database answers (health checks).
    pub fn healthy(&self) -> bool {
        self.db.read(coso_store::orgs::count_all).is_ok()
    }
}

/// Today's date where the server runs (UTC+7 is Vietnam's only time zone).
pub fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive()
}
