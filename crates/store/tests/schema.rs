//! The SQLite and PostgreSQL migrations create the same tables and columns, and both match the
//! Diesel schema the queries are checked against.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use coso_store::{Db, DbConnection};
use diesel::prelude::*;
use diesel::sql_types::Text;

/// Diesel's own bookkeeping, which is not part of coso's schema.
const DIESEL_TABLE: &str = "__diesel_schema_migrations";

/// The tables the migrations must create on every backend.
const TABLES: [&str; 44] = [
    "organizations",
    "org_versions",
    "org_events",
    "persons",
    "memberships",
    "membership_events",
    "membership_periods",
    "positions",
    "users",
    "sessions",
    "api_tokens",
    "login_attempts",
    "audit_log",
    "meetings",
    "meeting_absences",
    "quota_policies",
    "superior_assignments",
    "superior_attendances",
    "cell_lengths",
    "settings",
    "deleted_meetings",
    "roster",
    "tally",
    "org_ratings",
    "member_ratings",
    "inspections",
    "disciplines",
    "pilots",
    "pilot_followers",
    "pilot_visits",
    "pilot_actions",
    "training_classes",
    "enrollments",
    "register_files",
    "reconciliation_notes",
    "documents",
    "document_links",
    "resolutions",
    "resolution_targets",
    "target_values",
    "plans",
    "plan_indicators",
    "plan_tasks",
    "task_reports",
];

#[derive(Debug, QueryableByName)]
struct CatalogColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Text)]
    is_nullable: String,
}

const SQLITE_CATALOG: &str = "SELECT m.name AS table_name, p.name AS column_name, \
     UPPER(p.type) AS data_type, CASE WHEN p.\"notnull\" = 0 THEN 'YES' ELSE 'NO' END AS is_nullable \
     FROM sqlite_master m JOIN pragma_table_info(m.name) p \
     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

const POSTGRES_CATALOG: &str = "SELECT table_name::text AS table_name, \
     column_name::text AS column_name, data_type::text AS data_type, \
     is_nullable::text AS is_nullable \
     FROM information_schema.columns WHERE table_schema = 'public'";

/// SQLite's name index (ADR 0012): the FTS5 table (with its shadow tables) and its numbering,
/// maintained by triggers and read in SQL only; PostgreSQL indexes the column itself.
fn sqlite_name_index(table: &str) -> bool {
    table == "person_numbers" || table.starts_with("person_names")
}

/// Every column the backend's catalog lists, without Diesel's migrations table and SQLite's
/// name index.
fn catalog(db: &Db) -> Vec<CatalogColumn> {
    let mut conn = db.connection().unwrap();
    let rows = match &mut *conn {
        DbConnection::Sqlite(c) => diesel::sql_query(SQLITE_CATALOG).load::<CatalogColumn>(c),
        DbConnection::Postgres(c) => diesel::sql_query(POSTGRES_CATALOG).load::<CatalogColumn>(c),
    };
    let rows = rows.unwrap_or_else(|e| panic!("catalog query: {e}"));
    rows.into_iter().filter(|c| c.table_name != DIESEL_TABLE && !sqlite_name_index(&c.table_name)).collect()
}

fn pairs(columns: &[CatalogColumn]) -> BTreeSet<(String, String)> {
    columns.iter().map(|c| (c.table_name.clone(), c.column_name.clone())).collect()
}

fn tables(columns: &[CatalogColumn]) -> BTreeSet<String> {
    columns.iter().map(|c| c.table_name.clone()).collect()
}

/// Column names of the SQL Diesel writes for `SELECT all_columns FROM table`.
fn selected_columns(sql: &str) -> Vec<String> {
    let select = sql.strip_prefix("SELECT ").and_then(|s| s.split(" FROM ").next());
    let select = select.unwrap_or_else(|| panic!("unexpected SQL: {sql}"));
    select
        .split(", ")
        .map(|qualified| qualified.rsplit('.').next().unwrap_or(qualified).trim_matches('`').to_string())
        .collect()
}

/// The (table, column) pairs that `coso_store::schema` declares.
macro_rules! schema_pairs {
    ($($table:ident),+ $(,)?) => {{
        let mut pairs = BTreeSet::new();
        $(
            let query = coso_store::schema::$table::table
                .select(coso_store::schema::$table::all_columns);
            let sql = diesel::debug_query::<diesel::sqlite::Sqlite, _>(&query).to_string();
            for column in selected_columns(&sql) {
                pairs.insert((stringify!($table).to_string(), column));
            }
        )+
        pairs
    }};
}

fn schema() -> BTreeSet<(String, String)> {
    schema_pairs!(
        organizations,
        org_events,
        org_versions,
        persons,
        memberships,
        membership_events,
        membership_periods,
        positions,
        users,
        sessions,
        api_tokens,
        login_attempts,
        audit_log,
        meetings,
        meeting_absences,
        quota_policies,
        superior_assignments,
        superior_attendances,
        cell_lengths,
        settings,
        deleted_meetings,
        roster,
        tally,
        org_ratings,
        member_ratings,
        inspections,
        disciplines,
        pilots,
        pilot_followers,
        pilot_visits,
        pilot_actions,
        training_classes,
        enrollments,
        register_files,
        reconciliation_notes,
        documents,
        document_links,
        resolutions,
        resolution_targets,
        target_values,
        plans,
        plan_indicators,
        plan_tasks,
        task_reports,
    )
}

#[test]
fn the_schema_declares_every_table() {
    let declared: BTreeSet<String> = schema().into_iter().map(|(t, _)| t).collect();
    let wanted: BTreeSet<String> = TABLES.iter().map(|t| t.to_string()).collect();
    assert_eq!(declared, wanted);
    assert!(schema().contains(&("org_versions".into(), "path".into())));
}

#[test]
fn sqlite_has_every_table_and_column_of_the_schema() {
    let sqlite = coso_testkit::sqlite();
    let columns = catalog(&sqlite.db);
    let found = tables(&columns);
    for table in TABLES {
        assert!(found.contains(table), "SQLite lacks table {table}; it has {found:?}");
    }
    assert_eq!(pairs(&columns), schema(), "SQLite migrations and schema.rs disagree");
    if coso_testkit::postgres_url().is_none() {
        eprintln!("-- postgres skipped: COSO_TEST_POSTGRES_URL is not set");
    }
}

#[test]
fn sqlite_and_postgres_have_the_same_tables_and_columns() {
    let Some(url) = coso_testkit::postgres_url() else {
        eprintln!("-- postgres skipped: COSO_TEST_POSTGRES_URL is not set");
        return;
    };
    let sqlite = coso_testkit::sqlite();
    let postgres = coso_testkit::postgres(&url);
    let lite = pairs(&catalog(&sqlite.db));
    let pg = pairs(&catalog(&postgres.db));
    let only_sqlite: Vec<_> = lite.difference(&pg).collect();
    let only_postgres: Vec<_> = pg.difference(&lite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only in SQLite: {only_sqlite:?}; only in PostgreSQL: {only_postgres:?}"
    );
    assert_eq!(pg, schema(), "PostgreSQL migrations and schema.rs disagree");
    for table in TABLES {
        assert!(pg.iter().any(|(t, _)| t == table), "PostgreSQL lacks table {table}");
    }
}

/// The same column must take the same kind of value, and refuse NULL on both or neither.
#[test]
fn sqlite_and_postgres_agree_on_column_types_and_nulls() {
    let Some(url) = coso_testkit::postgres_url() else {
        eprintln!("-- postgres skipped: COSO_TEST_POSTGRES_URL is not set");
        return;
    };
    let sqlite = coso_testkit::sqlite();
    let postgres = coso_testkit::postgres(&url);
    let shape = |columns: Vec<CatalogColumn>, pg: bool| -> BTreeSet<(String, String, String, String)> {
        columns
            .into_iter()
            .map(|c| {
                let kind = match (pg, c.data_type.as_str()) {
                    (true, "timestamp without time zone") => "TIMESTAMP".to_string(),
                    // Bytes: SQLite's BLOB is PostgreSQL's BYTEA (diesel's Binary on both).
                    (true, "bytea") => "BLOB".to_string(),
                    // Floating numbers: SQLite's REAL is PostgreSQL's DOUBLE PRECISION (Double).
                    (true, "double precision") => "REAL".to_string(),
                    (_, t) => t.to_uppercase(),
                };
                (c.table_name, c.column_name, kind, c.is_nullable)
            })
            .collect()
    };
    let lite = shape(catalog(&sqlite.db), false);
    let pg = shape(catalog(&postgres.db), true);
    let only_sqlite: Vec<_> = lite.difference(&pg).collect();
    let only_postgres: Vec<_> = pg.difference(&lite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "SQLite: {only_sqlite:?}; PostgreSQL: {only_postgres:?}"
    );
}
