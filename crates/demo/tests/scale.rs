//! `coso demo --scale` (issue 9.6) on each backend: a seed always gives the same tree and
//! people, whatever the engine and however many writers; the shape follows the scale; the
//! statistics read from the tally count what the register holds; a second load is refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use coso_app::members::MemberQuery;
use coso_app::{Actor, App, AppError};
use coso_demo::scale::{self, Scale};

/// (name, born, cell) of the first 200 members in name order, and the total.
fn register(app: &App) -> (Vec<(String, String, String)>, i64) {
    let q = MemberQuery { per_page: Some(200), ..MemberQuery::default() };
    let page = app.list_members(&Actor::system(), &q).unwrap();
    let rows = page.members.into_iter().map(|m| (m.full_name, m.born_on.to_string(), m.org_code)).collect();
    (rows, page.total)
}

#[test]
fn a_seed_gives_the_same_city_on_every_engine_and_its_statistics_add_up() {
    let seen = std::sync::Mutex::new(Vec::new());
    coso_testkit::each_backend(|db| {
        let app = App::with_db(db.clone());
        let mut calls = Vec::new();
        let summary =
            scale::generate(&app, Scale::City, 42, |done, total| calls.push((done, total))).unwrap();
        assert_eq!(calls.len(), Scale::City.grassroots(), "one progress call per TCCSĐ");
        assert_eq!(calls.last(), Some(&(30, 30)));
        assert!((2_000..5_000).contains(&summary.members), "{summary:?}");

        let stats = app.org_stats(&Actor::system(), coso_app::today()).unwrap();
        assert_eq!(stats.grassroots_total, 30);
        assert_eq!(stats.grassroots_committees + stats.grassroots_cells, 30);
        assert!(stats.subordinate_cells >= 2 * stats.grassroots_committees, "{stats:?}");
        assert_eq!(stats.members_official + stats.members_probationary, summary.members as i64, "{stats:?}");
        assert!(stats.members_probationary > 0 && stats.members_probationary < summary.members as i64 / 10);

        // Five years of meetings: some cells kept every rule this year, not
        // every one, and the register counts what the generator wrote.
        let today = coso_app::today();
        let cells = (stats.grassroots_cells + stats.subordinate_cells) as usize;
        let most = cells * 16 * 5 * 8 / 10;
        assert!((most..=cells * 16 * 5).contains(&summary.meetings), "{summary:?} for {cells} cells");
        let january = chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), 1, 1).unwrap();
        let report = app.meeting_compliance(&Actor::system(), "H000", january, today).unwrap();
        assert_eq!(report.cells.len(), cells);
        assert!(
            report.compliant_cells > 0 && report.compliant_cells < cells,
            "{} compliant; {:?}",
            report.compliant_cells,
            report.cells.iter().map(|c| &c.findings).take(3).collect::<Vec<_>>()
        );
        let rate = report.attendance_rate.unwrap();
        assert!((0.9..1.0).contains(&rate), "attendance {rate}");

        // The planner knows the data loaded and the indexes answer alone (PostgreSQL).
        if let coso_store::DbConnection::Postgres(c) = &mut *db.connection().unwrap() {
            use diesel::prelude::*;
            #[derive(QueryableByName)]
            struct Analyzed {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                n: i64,
            }
            let sql = "SELECT count(*) AS n FROM pg_stat_user_tables \
                       WHERE relname IN ('memberships', 'roster', 'tally') \
                       AND last_analyze IS NOT NULL AND last_vacuum IS NOT NULL";
            assert_eq!(diesel::sql_query(sql).get_result::<Analyzed>(c).unwrap().n, 3);
        }

        let (rows, total) = register(&app);
        assert_eq!(total, summary.members as i64);
        seen.lock().unwrap().push((summary, rows));

        let again = scale::generate(&app, Scale::City, 42, |_, _| {});
        assert!(matches!(again, Err(AppError::Conflict(_))), "{again:?}");
    });
    let seen = seen.into_inner().unwrap();
    let (first, rest) = seen.split_first().unwrap();
    for other in rest {
        assert_eq!(other, first, "the same seed on the other engine");
    }
}

#[test]
fn another_seed_gives_other_people() {
    let one = coso_testkit::sqlite();
    let two = coso_testkit::sqlite();
    let (a, b) = (App::with_db(one.db.clone()), App::with_db(two.db.clone()));
    scale::generate(&a, Scale::City, 1, |_, _| {}).unwrap();
    scale::generate(&b, Scale::City, 2, |_, _| {}).unwrap();
    assert_ne!(register(&a).0, register(&b).0);
}
