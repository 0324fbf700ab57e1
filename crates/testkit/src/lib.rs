//! Test helpers: a fresh, migrated database per test on SQLite and, when configured, PostgreSQL.
use coso_store::{BackendKind, Db};
use diesel_cleanup::drop_database;

/// A database made for one test and removed when the test ends, even when it fails.
pub struct TestDb {
    pub db: Db,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    SqliteFile(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::SqliteFile(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
            Cleanup::Postgres { admin_url, name } => drop_database(admin_url, name),
        }
    }
}

/// A fresh migrated SQLite database in a temporary file.
pub fn sqlite() -> TestDb {
    let path = std::env::temp_dir().join(format!("coso-test-{}.db", uuid::Uuid::new_v4()));
    let url = format!("sqlite://{}", path.display());
    let db = Db::connect(&url).unwrap_or_else(|e| panic!("sqlite test database: {e}"));
    db.migrate().unwrap_or_else(|e| panic!("sqlite migrations: {e}"));
    TestDb { db, url, cleanup: Cleanup::SqliteFile(path) }
}

/// The PostgreSQL server given by `COSO_TEST_POSTGRES_URL`, if any.
pub fn postgres_url() -> Option<String> {
    std::env::var("COSO_TEST_POSTGRES_URL").ok().filter(|s| !s.is_empty())
}

/// A freshly created, migrated PostgreSQL database, dropped after the test.
pub fn postgres(admin_url: &str) -> TestDb {
    let name = format!("coso_test_{}", uuid::Uuid::new_v4().simple());
    let admin = Db::connect(admin_url).unwrap_or_else(|e| panic!("postgres admin connection: {e}"));
    {
        use diesel::connection::SimpleConnection;
        let mut conn = admin.connection().unwrap_or_else(|e| panic!("postgres admin connection: {e}"));
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("create test database: {e}"));
    }
    let url = with_database(admin_url, &name);
    let db = Db::connect(&url).unwrap_or_else(|e| panic!("postgres test database: {e}"));
    db.migrate().unwrap_or_else(|e| panic!("postgres migrations: {e}"));
    TestDb { db, url, cleanup: Cleanup::Postgres { admin_url: admin_url.to_string(), name } }
}

/// The same server URL pointing at another database.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// Runs `test` on a fresh SQLite database and, when `COSO_TEST_POSTGRES_URL` is set, on a
/// fresh PostgreSQL database too.
pub fn each_backend(test: impl Fn(&Db)) {
    let sqlite = sqlite();
    eprintln!("-- on sqlite");
    test(&sqlite.db);
    drop(sqlite);
    if let Some(url) = postgres_url() {
        let pg = postgres(&url);
        assert_eq!(pg.db.backend(), BackendKind::Postgres);
        eprintln!("-- on postgres");
        test(&pg.db);
    } else {
        eprintln!("-- postgres skipped: COSO_TEST_POSTGRES_URL is not set");
    }
}

mod diesel_cleanup {
    //! Dropping a test database, forcing out connections its pool still holds.
    use diesel::connection::SimpleConnection;

    pub fn drop_database(admin_url: &str, name: &str) {
        if let Ok(admin) = coso_store::Db::connect(admin_url)
            && let Ok(mut conn) = admin.connection()
        {
            let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn swaps_the_database_in_a_url() {
        let cases = [
            ("postgres://postgres@127.0.0.1:5432/test", "postgres://postgres@127.0.0.1:5432/x"),
            ("postgres://u@h/test?sslmode=disable", "postgres://u@h/x?sslmode=disable"),
            ("postgres://u@h", "postgres://u@h/x"),
        ];
        for (input, want) in cases {
            assert_eq!(super::with_database(input, "x"), want);
        }
    }
}
