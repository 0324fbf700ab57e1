//! Issue 9 on each backend: a unit's register is read from the roster (ADR 0011); after every
//! kind of write it lists exactly the members on the unit's roll, in name order, and its
//! keyset pages join up with its numbered pages.
mod common;

use common::{admission, admit, change, city, event, ok};
use coso_app::members::MemberQuery;
use coso_app::{Actor, App};
use coso_testkit::each_backend;

/// The roll of a unit in the order the register lists it.
fn roll(app: &App, code: &str) -> Vec<String> {
    let q = MemberQuery { org: Some(code.into()), per_page: Some(200), ..MemberQuery::default() };
    ok(code, app.list_members(&Actor::system(), &q)).members.into_iter().map(|m| m.full_name).collect()
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_roll_of_every_unit_follows_admissions_transfers_renames_departures_and_moves() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2015-03-01");
        let binh = admit(&app, "Lê Thị Bình", "DK-C1", "2015-03-01");
        let cuong = admit(&app, "Trần Văn Cường", "DK-C2", "2015-03-01");
        let dung = admit(&app, "Hoàng Văn Dũng", "VT-C1", "2015-03-01");
        let _ = an;

        type Step<'a> = (&'a str, Box<dyn Fn(&App) + 'a>, [(&'a str, &'a [&'a str]); 4]);
        let steps: Vec<Step> = vec![
            (
                "admitted",
                Box::new(|_| {}),
                [
                    ("DK-C1", &["Lê Thị Bình", "Nguyễn Văn An"]),
                    ("DK", &["Lê Thị Bình", "Nguyễn Văn An", "Trần Văn Cường"]),
                    ("VT", &["Hoàng Văn Dũng"]),
                    ("TU", &["Hoàng Văn Dũng", "Lê Thị Bình", "Nguyễn Văn An", "Trần Văn Cường"]),
                ],
            ),
            (
                "Bình transferred to VT-C1",
                Box::new(|app| {
                    let input = event("transfer_internal", "2020-06-01", Some("VT-C1"));
                    ok("transfer", app.record_member_event(&sys, &binh.id, input));
                }),
                [
                    ("DK-C1", &["Nguyễn Văn An"]),
                    ("DK", &["Nguyễn Văn An", "Trần Văn Cường"]),
                    ("VT", &["Hoàng Văn Dũng", "Lê Thị Bình"]),
                    ("TU", &["Hoàng Văn Dũng", "Lê Thị Bình", "Nguyễn Văn An", "Trần Văn Cường"]),
                ],
            ),
            (
                "Cường's name corrected",
                Box::new(|app| {
                    let input = admission("Bùi Văn Cường", "1990-05-01", "DK-C2", "2015-03-01");
                    ok("rename", app.update_member(&sys, &cuong.id, input));
                }),
                [
                    ("DK-C1", &["Nguyễn Văn An"]),
                    ("DK", &["Bùi Văn Cường", "Nguyễn Văn An"]),
                    ("VT", &["Hoàng Văn Dũng", "Lê Thị Bình"]),
                    ("TU", &["Bùi Văn Cường", "Hoàng Văn Dũng", "Lê Thị Bình", "Nguyễn Văn An"]),
                ],
            ),
            (
                "Dũng's name removed from the roll",
                Box::new(|app| {
                    ok(
                        "removal",
                        app.record_member_event(&sys, &dung.id, event("removal", "2021-02-01", None)),
                    );
                }),
                [
                    ("DK-C1", &["Nguyễn Văn An"]),
                    ("DK", &["Bùi Văn Cường", "Nguyễn Văn An"]),
                    ("VT", &["Lê Thị Bình"]),
                    ("TU", &["Bùi Văn Cường", "Lê Thị Bình", "Nguyễn Văn An"]),
                ],
            ),
            (
                "VT-C1 moved under DK",
                Box::new(|app| ok("move", change(app, "VT-C1", "move", "2021-06-01", "DK"))),
                [
                    ("DK-C1", &["Nguyễn Văn An"]),
                    ("DK", &["Bùi Văn Cường", "Lê Thị Bình", "Nguyễn Văn An"]),
                    ("VT", &[]),
                    ("TU", &["Bùi Văn Cường", "Lê Thị Bình", "Nguyễn Văn An"]),
                ],
            ),
        ];
        for (label, write, want) in steps {
            write(&app);
            for (code, expected) in want {
                assert_eq!(roll(&app, code), names(expected), "{label}: the roll of {code}");
                let q = MemberQuery { org: Some(code.into()), ..MemberQuery::default() };
                let total = ok(code, app.list_members(&sys, &q)).total;
                assert_eq!(total, expected.len() as i64, "{label}: the total of {code}");
            }
        }
    });
}

#[test]
fn keyset_pages_follow_one_another_as_numbered_pages_do() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        let people = [
            "Đỗ Văn Em",
            "Vi Thị Gấm",
            "Lục Văn Hải",
            "Nông Thị Hoa",
            "Hà Văn Ích",
            "Mã Thị Kim",
            "La Văn Lâm",
        ];
        for (i, name) in people.iter().enumerate() {
            admit(&app, name, if i % 2 == 0 { "DK-C1" } else { "VT-C1" }, "2016-01-01");
        }
        let all = roll(&app, "TU");
        assert_eq!(all.len(), people.len());
        let mut sorted = all.clone();
        sorted.sort_by_key(|n| coso_domain::text::fold(n));
        assert_eq!(all, sorted, "name order, diacritics ignored");

        // (page size) -> the whole roll walked by `next_after`, and each page by number.
        for per_page in [1, 2, 3, 7, 10] {
            let mut walked = Vec::new();
            let mut after: Option<String> = None;
            for page in 1.. {
                let q = MemberQuery {
                    org: Some("TU".into()),
                    per_page: Some(per_page),
                    page: Some(page),
                    after: after.clone(),
                    ..MemberQuery::default()
                };
                let got = ok("page", app.list_members(&sys, &q));
                let numbered = MemberQuery { after: None, ..q };
                let by_number = ok("page", app.list_members(&sys, &numbered));
                let names_of = |p: &coso_app::members::MemberPage| -> Vec<String> {
                    p.members.iter().map(|m| m.full_name.clone()).collect()
                };
                assert_eq!(names_of(&got), names_of(&by_number), "page {page} of {per_page}");
                walked.extend(names_of(&got));
                after = got.next_after;
                if after.is_none() {
                    break;
                }
            }
            assert_eq!(walked, all, "{per_page} a page");
        }
    });
}

/// The migration that created the roster filled it from the register already there: its
/// statement, run again on an emptied roster, gives back what the writes built.
#[test]
fn the_migration_fills_the_roster_from_an_existing_register() {
    use diesel::connection::SimpleConnection;
    each_backend(|db| {
        let app = city(db);
        for (name, unit) in [("Vi Văn Một", "DK-C1"), ("Lò Thị Hai", "DK-C2"), ("Mông Văn Ba", "CB")]
        {
            admit(&app, name, unit, "2016-01-01");
        }
        let removed = admit(&app, "Sầm Văn Bốn", "VT-C1", "2016-01-01");
        let input = event("removal", "2021-02-01", None);
        ok("removal", app.record_member_event(&Actor::system(), &removed.id, input));
        ok("move", change(&app, "VT-C1", "move", "2021-06-01", "DK"));
        let built = db.read(coso_store::roster::all).unwrap();
        // Một and Hai under TU > DK > their cell, Ba under TU > CB, each under '/' too; Bốn is
        // off the roll.
        assert_eq!(built.len(), 3 + 3 + 2 + 3, "a row per member on the roll and unit above them");

        // Migration 000009 filled the units' rows, 000012 the whole tree's.
        let (units, whole) = match db.backend() {
            coso_store::BackendKind::Sqlite => (
                include_str!("../../store/migrations/sqlite/2026-11-29-000009_roster/up.sql"),
                include_str!("../../store/migrations/sqlite/2026-11-30-000012_roster_keys/up.sql"),
            ),
            coso_store::BackendKind::Postgres => (
                include_str!("../../store/migrations/postgres/2026-11-29-000009_roster/up.sql"),
                include_str!("../../store/migrations/postgres/2026-11-30-000012_roster_keys/up.sql"),
            ),
        };
        let fill = |up: &'static str| &up[up.rfind("INSERT INTO roster").unwrap()..];
        let mut conn = db.connection().unwrap();
        conn.batch_execute("DELETE FROM roster").unwrap();
        conn.batch_execute(fill(units)).unwrap();
        conn.batch_execute(fill(whole)).unwrap();
        drop(conn);
        assert_eq!(db.read(coso_store::roster::all).unwrap(), built);
    });
}

/// Whole-tree search by part of a name reads SQLite's trigram index (ADR 0012) and PostgreSQL's
/// (ADR 0007): the same answers as the names say, after admissions and a corrected name, for
/// short texts the index cannot use and for LIKE's own characters.
#[test]
fn name_search_finds_what_the_names_hold_after_every_write() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        for (name, unit) in [
            ("Nguyễn Văn An", "DK-C1"),
            ("Nguyễn Thị Ánh", "DK-C2"),
            ("Hoàng Văn Anh", "VT-C1"),
            ("Lê Thị Bình", "CB"),
        ] {
            admit(&app, name, unit, "2016-01-01");
        }
        let binh = coso_app::members::MemberQuery { q: Some("binh".into()), ..MemberQuery::default() };
        let binh = ok("find", app.list_members(&sys, &binh)).members.remove(0);
        let input = admission("Lê Thị Bình Minh", "1990-05-01", "CB", "2016-01-01");
        ok("rename", app.update_member(&sys, &binh.id, input));

        let cases: [(&str, &[&str]); 9] = [
            ("nguyen van", &["Nguyễn Văn An"]),
            ("van an", &["Hoàng Văn Anh", "Nguyễn Văn An"]),
            ("NGUYỄN", &["Nguyễn Thị Ánh", "Nguyễn Văn An"]),
            ("anh", &["Hoàng Văn Anh", "Nguyễn Thị Ánh"]),
            ("an", &["Hoàng Văn Anh", "Nguyễn Thị Ánh", "Nguyễn Văn An"]),
            ("binh minh", &["Lê Thị Bình Minh"]),
            ("thi binh", &["Lê Thị Bình Minh"]),
            ("van_an", &[]),
            ("van%an", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(common::listed(&app, &sys, &common::query(text)), names(want), "search {text:?}");
        }
    });
}
