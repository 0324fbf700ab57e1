//! coso-app: the use cases of coso. Each checks access, applies the domain's rules, writes in
//! one transaction with an audit row, and returns a view model for the web, API or CLI.
pub mod access;
mod audit;
pub mod auth;
pub mod discipline;
pub mod documents;
mod error;
pub mod exports;
mod input;
pub mod meetings;
pub mod members;
pub mod orgs;
pub mod overview;
pub mod pilots;
pub mod plans;
pub mod positions;
pub mod ratings;
pub mod reorg;
pub mod resolutions;
pub mod stats;
pub mod trail;
pub mod training;

pub use access::Actor;
/// Connections in the database pool; the server runs as many threads for database work.
pub use coso_store::POOL_SIZE;
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

    /// How many transactions may usefully write at once: one on SQLite (a single writer),
    /// one per core on PostgreSQL. Bulk loads split their work by it.
    pub fn parallel_writers(&self) -> usize {
        match self.db.backend() {
            coso_store::BackendKind::Sqlite => 1,
            coso_store::BackendKind::Postgres => std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }

    /// Runs a bulk load (`work`, on this thread) with the upkeep of the statistics' tally
    /// off, then recomputes the tally once: for loads that write from several threads, each
    /// of which calls this. Call [`App::rebuild_tally`] when every thread is done.
    pub fn deferring_tally<T>(&self, work: impl FnOnce() -> T) -> T {
        coso_store::tally::deferred(work)
    }

    /// Recomputes the statistics' tally from the register and the tree (ADR 0013).
    pub fn rebuild_tally(&self) -> AppResult<()> {
        self.transaction(|tx| tx.rebuild_tally())
    }

    /// After a bulk load: the database settles its statistics and visibility (PostgreSQL), so
    /// it plans for the data loaded and its indexes answer alone.
    pub fn vacuum_analyze(&self) -> AppResult<()> {
        Ok(self.db.vacuum_analyze()?)
    }

    /// Whether the database has no organizations and no users.
    pub fn is_empty(&self) -> AppResult<bool> {
        self.db.read(database_is_empty)
    }

    /// The day a demo database's figures run to; `None` when the database is not the demo.
    pub fn demo_day(&self) -> AppResult<Option<chrono::NaiveDate>> {
        self.db.read(demo_day)
    }

    /// The day default dates and periods end on: the demo's reference day in a demo database
    /// (its figures stop there), today otherwise. Checks such as "not in the future" keep
    /// using [`today`].
    pub fn default_day(&self) -> AppResult<chrono::NaiveDate> {
        Ok(self.demo_day()?.unwrap_or_else(today))
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

    /// Recomputes the statistics' tally from the register and the tree (ADR 0013): the end of
    /// a bulk load run under [`App::deferring_tally`].
    pub fn rebuild_tally(&mut self) -> AppResult<()> {
        Ok(coso_store::tally::rebuild(self.conn)?)
    }

    /// Marks the database as the demo, whose figures run to `day`.
    pub fn mark_demo(&mut self, day: chrono::NaiveDate) -> AppResult<()> {
        Ok(coso_store::settings::put(self.conn, DEMO_DAY, &day.to_string())?)
    }

    /// Names the body above the tree's root ("Đảng bộ tỉnh Lạng Sơn"), which the headers of
    /// the root's reports carry.
    pub fn name_root_superior(&mut self, name: &str) -> AppResult<()> {
        Ok(coso_store::settings::put(self.conn, overview::ROOT_SUPERIOR, name.trim())?)
    }

    /// How many organizations and memberships are on record.
    pub fn totals(&mut self) -> AppResult<(i64, i64)> {
        Ok((coso_store::orgs::count_all(self.conn)?, coso_store::members::count_memberships(self.conn)?))
    }
}

/// The setting under which a demo database keeps the day its figures run to.
const DEMO_DAY: &str = "demo_reference_day";

fn demo_day(conn: &mut DbConnection) -> AppResult<Option<chrono::NaiveDate>> {
    Ok(coso_store::settings::get(conn, DEMO_DAY)?.and_then(|v| v.parse().ok()))
}

fn database_is_empty(conn: &mut DbConnection) -> AppResult<bool> {
    Ok(coso_store::orgs::count_all(conn)? == 0 && coso_store::accounts::count_users(conn)? == 0)
}

/// Today's date where the server runs (UTC+7 is Vietnam's only time zone).
pub fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive()
}
