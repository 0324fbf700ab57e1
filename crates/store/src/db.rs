//! Connections, the pool, migrations and transactions over either backend.
use std::sync::{Arc, Mutex};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Set on every SQLite connection: durable and concurrent enough for one server. Each
/// connection keeps its own page cache (ADR 0010): 8 MiB each, so whole-tree reports keep
/// their pages (2 MiB, SQLite's default, made them 1.5 to 2 times slower).
const SQLITE_PRAGMAS: &str = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
     PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000;";

/// Set on every PostgreSQL connection. Statements are prepared once and kept, but their plans
/// depend on the values (a LIKE pattern can use the trigram index, a path range may hold one
/// cell or the nation): plan each execution for its own values.
const POSTGRES_SETTINGS: &str = "SET plan_cache_mode = force_custom_plan;";

/// One connection to whichever database coso runs on; queries are written once for both.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("database connection: {0}")]
    Pool(#[from] r2d2::PoolError),
    #[error("database connection: {0}")]
    Connection(String),
    #[error("migrations: {0}")]
    Migration(String),
    #[error("unsupported database url (use sqlite://PATH or postgres://...): {0}")]
    Url(String),
}

impl StoreError {
    /// Whether the error is a unique constraint refusing a duplicate.
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            StoreError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            ))
        )
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
enum Target {
    Sqlite(String),
    Postgres(String),
}

impl Target {
    fn parse(url: &str) -> StoreResult<Target> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            Ok(Target::Sqlite(path.to_string()))
        } else if let Some(path) = url.strip_prefix("sqlite:") {
            Ok(Target::Sqlite(path.to_string()))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Target::Postgres(url.to_string()))
        } else {
            Err(StoreError::Url(url.chars().take(40).collect()))
        }
    }
}

/// Connections in the pool of a file or server database: enough to keep two cores busy while
/// some wait on the disk or the network; the server runs as many blocking threads.
pub const POOL_SIZE: usize = 8;

/// Opens connections of the configured backend for the pool.
pub struct ConnectionManager(Target);

impl ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match &self.0 {
            Target::Sqlite(path) => {
                let mut conn =
                    diesel::SqliteConnection::establish(path).map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute(SQLITE_PRAGMAS).map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
            Target::Postgres(url) => {
                let mut conn = diesel::PgConnection::establish(url).map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute(POSTGRES_SETTINGS).map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Postgres(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1").map_err(r2d2::Error::QueryError)
    }

    /// A connection whose last query lost the server (or a transaction left open by a panic)
    /// is dropped when it comes back to the pool: the check costs no round trip, where testing
    /// each connection on checkout cost one per request on PostgreSQL (issue 9.2).
    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        use diesel::r2d2::R2D2Connection;
        std::thread::panicking()
            || match conn {
                DbConnection::Sqlite(c) => c.is_broken(),
                DbConnection::Postgres(c) => c.is_broken(),
            }
    }
}

/// The database: a pool of connections. Cheap to clone.
#[derive(Clone)]
pub struct Db {
    pool: Pool<ConnectionManager>,
    backend: BackendKind,
    /// SQLite allows one writer: writers queue here instead of failing on a busy lock.
    write_lock: Arc<Mutex<()>>,
}

impl Db {
    /// Opens `sqlite://PATH` (created on first use) or `postgres://...`.
    pub fn connect(url: &str) -> StoreResult<Db> {
        let target = Target::parse(url)?;
        let (backend, size) = match &target {
            Target::Sqlite(path) if path == ":memory:" => (BackendKind::Sqlite, 1),
            Target::Sqlite(_) => (BackendKind::Sqlite, POOL_SIZE as u32),
            Target::Postgres(_) => (BackendKind::Postgres, POOL_SIZE as u32),
        };
        if let Target::Sqlite(path) = &target
            && path != ":memory:"
        {
            // A fresh file turns to WAL once, here, before the pool opens its connections side
            // by side: two of them switching the journal at once failed with "database is locked".
            let mut first = diesel::SqliteConnection::establish(path)
                .map_err(|e| StoreError::Connection(e.to_string()))?;
            first.batch_execute(SQLITE_PRAGMAS).map_err(|e| StoreError::Connection(e.to_string()))?;
        }
        let pool = Pool::builder()
            .max_size(size)
            .test_on_check_out(false)
            .connection_timeout(std::time::Duration::from_secs(15))
            .build(ConnectionManager(target))
            .map_err(|e| StoreError::Connection(e.to_string()))?;
        Ok(Db { pool, backend, write_lock: Arc::new(Mutex::new(())) })
    }

    pub fn backend(&self) -> BackendKind {
        self.backend
    }

    /// Applies the pending migrations of this backend.
    pub fn migrate(&self) -> StoreResult<()> {
        let mut conn = self.pool.get()?;
        let result = match &mut *conn {
            DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
            DbConnection::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
        };
        result.map_err(|e| StoreError::Migration(e.to_string()))?;
        // Migration 000011 adds the tally empty: fill it once from the register.
        if crate::tally::needs_rebuild(&mut conn)? {
            crate::tally::rebuild(&mut conn)?;
        }
        Ok(())
    }

    /// Settles a bulk load on PostgreSQL: `VACUUM (ANALYZE)`. Until autovacuum gets to new
    /// tables, the planner takes them for nearly empty (right after the demo loaded, a register
    /// page fetched its 25 rows by scanning every cell: 2.3 ms against 0.26 ms), and an index
    /// cannot answer alone before the visibility map is set (a province's broad name search
    /// read the table behind every roster entry it walked: 393 ms against 39 ms). SQLite plans
    /// from its indexes alone and reads them without the table; nothing is done there.
    pub fn vacuum_analyze(&self) -> StoreResult<()> {
        let mut conn = self.pool.get()?;
        if let DbConnection::Postgres(c) = &mut *conn {
            diesel::connection::SimpleConnection::batch_execute(c, "VACUUM (ANALYZE)")?;
        }
        Ok(())
    }

    /// Runs `work` on a pooled connection, outside any transaction.
    pub fn read<T, E>(&self, work: impl FnOnce(&mut DbConnection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let mut conn = self.pool.get().map_err(StoreError::from)?;
        work(&mut conn)
    }

    /// Runs `work` in one transaction: all of it is written, or none.
    pub fn write<T, E>(&self, work: impl FnOnce(&mut DbConnection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + From<diesel::result::Error>,
    {
        let _guard = match self.backend {
            BackendKind::Sqlite => Some(self.write_lock.lock().unwrap_or_else(|p| p.into_inner())),
            BackendKind::Postgres => None,
        };
        let mut pooled = self.pool.get().map_err(StoreError::from)?;
        let conn: &mut DbConnection = &mut pooled;
        conn.transaction(work)
    }

    /// Direct access for tests that inspect the backend's own catalog.
    pub fn connection(&self) -> StoreResult<r2d2::PooledConnection<ConnectionManager>> {
        Ok(self.pool.get()?)
    }
}

/// A new unique id: UUIDv7, time-ordered, generated here so several servers never collide.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The current time in UTC, as stored.
pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}
