//! Issue 9.5 on each backend: statistics are sums of the tally (ADR 0013). After every kind of
//! write (admission, confirmation, transfer, exemption, removal, and each reorganization) the
//! tally gives, on every date, what counting the register and the tree as they stood gives;
//! and the table the writes kept equals the one [`coso_store::tally::rebuild`] computes.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use common::{admit, change, city, d, event, ok};
use coso_app::{Actor, App};
use coso_store::tally::{self, Measure};
use coso_store::{Db, DbConnection};
use coso_testkit::each_backend;

/// What the statistics count under `path` on `on`, by counting the tree and the periods.
fn counted(conn: &mut DbConnection, path: &str, on: NaiveDate) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for (kind, n) in coso_store::orgs::count_by_kind(conn, path, on).unwrap() {
        *out.entry(format!("{kind:?}")).or_default() += n;
    }
    for (_, _, status, n) in coso_store::members::count_on(conn, path, on).unwrap() {
        *out.entry(format!("{status:?}")).or_default() += n;
    }
    out.retain(|_, n| *n != 0);
    out
}

/// The same from the tally.
fn tallied(conn: &mut DbConnection, path: &str, on: NaiveDate) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for (measure, n) in tally::totals_on(conn, tally::key_of(path), on).unwrap() {
        let key = match measure {
            Measure::Orgs(kind) => format!("{kind:?}"),
            Measure::Members(status) => format!("{status:?}"),
        };
        *out.entry(key).or_default() += n;
    }
    out
}

/// Every unit's path as of `on`, and the whole tree.
fn paths_on(app: &App, on: NaiveDate) -> Vec<String> {
    let tree = ok("tree", app.tree(&Actor::system(), on));
    std::iter::once("/".to_string()).chain(tree.orgs.into_iter().map(|o| o.path)).collect()
}

/// Members on the roll under `path` on `on`, counted from the periods.
fn on_roll(conn: &mut DbConnection, path: &str, on: NaiveDate) -> i64 {
    let rows = coso_store::members::count_on(conn, path, on).unwrap();
    rows.into_iter().filter(|(_, _, status, _)| status.on_roll()).map(|(_, _, _, n)| n).sum()
}

/// Tally and count agree for every unit on the first of every month in `years`, the tree's
/// count of each unit's subtree too (from the "now" rows after the last change, from the
/// periods before it), and the kept table equals a rebuild.
fn check(db: &Db, app: &App, years: std::ops::RangeInclusive<i32>, label: &str) {
    let mut conn = db.connection().unwrap();
    let mut compared = 0;
    for year in years {
        for month in 1..=12 {
            let on = d(year, month, 1);
            for path in paths_on(app, on) {
                let want = counted(&mut conn, &path, on);
                assert_eq!(tallied(&mut conn, &path, on), want, "{label}: {path} on {on}");
                compared += usize::from(!want.is_empty());
            }
            let tree = ok("tree", app.tree(&Actor::system(), on)).orgs;
            for org in &tree {
                let want = on_roll(&mut conn, &org.path, on);
                assert_eq!(org.members, want, "{label}: tree, {} on {on}", org.code);
                // The tree level under it: each unit's members and units below, as counted.
                let level = ok("level", app.tree_level(&Actor::system(), Some(&org.code), on));
                assert_eq!(level.members, org.members, "{label}: level of {} on {on}", org.code);
                let below =
                    |path: &str| tree.iter().filter(|o| o.path.starts_with(path) && o.path != path).count();
                let mut want: Vec<(String, i64, i64)> = tree
                    .iter()
                    .filter(|o| o.parent_id.as_ref() == Some(&org.id))
                    .map(|o| (o.code.clone(), o.members, below(&o.path) as i64))
                    .collect();
                let mut got: Vec<(String, i64, i64)> =
                    level.units.iter().map(|u| (u.org.code.clone(), u.org.members, u.units_under)).collect();
                got.sort();
                want.sort();
                assert_eq!(got, want, "{label}: units under {} on {on}", org.code);
            }
            // The top of the whole tree: its one root, or nothing before it was founded.
            let top = ok("top", app.tree_level(&Actor::system(), None, on));
            let root = tree.iter().find(|o| o.parent_id.is_none()).map(|o| o.code.as_str());
            assert_eq!(top.org.as_ref().map(|o| o.code.as_str()), root, "{label}: top on {on}");
        }
    }
    assert!(compared > 0, "{label}: nothing was compared");
    let kept = tally::all(&mut conn).unwrap();
    tally::rebuild(&mut conn).unwrap();
    let rebuilt = tally::all(&mut conn).unwrap();
    assert_eq!(kept.len(), rebuilt.len(), "{label}: rows kept by the writes against a rebuild");
    assert_eq!(kept, rebuilt, "{label}: the kept tally against a rebuild");
}

#[test]
fn statistics_from_the_tally_match_the_register_after_every_kind_of_write() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2015-03-01");
        let binh = admit(&app, "Lê Thị Bình", "DK-C1", "2016-05-10");
        let cuong = admit(&app, "Trần Văn Cường", "DK-C2", "2017-01-20");
        let dung = admit(&app, "Hoàng Văn Dũng", "VT-C1", "2015-08-01");
        admit(&app, "Vi Thị Em", "CB", "2018-02-01");
        check(db, &app, 2015..=2018, "admitted");

        type Step<'a> = (&'a str, Box<dyn Fn(&App) + 'a>);
        let steps: Vec<Step> = vec![
            (
                "confirmed",
                Box::new(|app| {
                    ok(
                        "confirm",
                        app.record_member_event(&sys, &an.id, event("confirmation", "2016-03-01", None)),
                    );
                }),
            ),
            (
                "transferred",
                Box::new(|app| {
                    let input = event("transfer_internal", "2019-06-01", Some("VT-C1"));
                    ok("transfer", app.record_member_event(&sys, &binh.id, input));
                }),
            ),
            (
                "exempted",
                Box::new(|app| {
                    let confirm = event("confirmation", "2016-08-01", None);
                    ok("confirm", app.record_member_event(&sys, &dung.id, confirm));
                    ok(
                        "exempt",
                        app.record_member_event(&sys, &dung.id, event("exemption", "2020-02-01", None)),
                    );
                }),
            ),
            (
                "removed",
                Box::new(|app| {
                    ok(
                        "remove",
                        app.record_member_event(&sys, &cuong.id, event("removal", "2020-09-01", None)),
                    );
                }),
            ),
            ("moved", Box::new(|app| ok("move", change(app, "VT-C1", "move", "2021-06-01", "DK")))),
            ("renamed", Box::new(|app| ok("rename", change(app, "DK", "rename", "2021-08-01", "Tên mới")))),
            ("merged", Box::new(|app| ok("merge", change(app, "DK-C2", "merge", "2022-01-01", "DK-C1")))),
        ];
        for (label, write) in steps {
            write(&app);
            check(db, &app, 2015..=2022, label);
        }
    });
}

#[test]
fn the_demo_statistics_from_the_tally_match_the_register() {
    each_backend(|db| {
        let app = App::with_db(db.clone());
        ok("demo", coso_demo::load(&app));
        let mut conn = db.connection().unwrap();
        let mut checked = 0;
        for year in 2015..=2021 {
            for month in [1, 7] {
                let on = d(year, month, 1);
                for path in paths_on(&app, on) {
                    assert_eq!(
                        tallied(&mut conn, &path, on),
                        counted(&mut conn, &path, on),
                        "{path} on {on}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked} units and dates");
        // The use case reads the tally: the seed article's day, as the statistics print it.
        let on = d(2021, 10, 17);
        let stats = ok("stats", app.org_stats(&Actor::system(), on));
        let want = counted(&mut conn, "/", on);
        let n = |k: &str| want.get(k).copied().unwrap_or(0);
        assert_eq!(stats.grassroots_total, n("GrassrootsCommittee") + n("GrassrootsCell"));
        assert_eq!(stats.subordinate_cells, n("SubordinateCell"));
        assert_eq!(stats.members_probationary, n("Probationary"));
        assert_eq!(stats.members_official, n("Official") + n("Exempted"));
        assert!(stats.members_official > 3000, "{stats:?}");
    });
}
