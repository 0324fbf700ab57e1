//! Subtree queries over materialized paths, as of dates, on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use coso_domain::id::OrgId;
use coso_store::orgs::{self, OrgRow, OrgVersionRow};
use coso_store::{Db, StoreResult};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// One version: (org id, kind, parent id, path, valid from, valid to).
type Version = (&'static str, &'static str, Option<&'static str>, &'static str, NaiveDate, Option<NaiveDate>);

/// A city `r` with committees `a`, `ab` (whose id starts with `a`'s) and `a-b` (whose path
/// sorts just before `a`'s); cell `a2` moves from `a` to `ab` on 01/01/2020; `a3` is
/// dissolved on 01/06/2019; `ab1` is founded on 01/01/2018.
fn versions() -> Vec<Version> {
    let founded = d(2015, 1, 1);
    vec![
        ("r", "city_committee", None, "/r/", founded, None),
        ("a", "grassroots_committee", Some("r"), "/r/a/", founded, None),
        ("ab", "grassroots_committee", Some("r"), "/r/ab/", founded, None),
        ("a-b", "grassroots_cell", Some("r"), "/r/a-b/", founded, None),
        ("a1", "subordinate_cell", Some("a"), "/r/a/a1/", founded, None),
        ("a1g", "party_group", Some("a1"), "/r/a/a1/a1g/", d(2016, 1, 1), None),
        ("a2", "subordinate_cell", Some("a"), "/r/a/a2/", founded, Some(d(2020, 1, 1))),
        ("a2", "subordinate_cell", Some("ab"), "/r/ab/a2/", d(2020, 1, 1), None),
        ("a3", "subordinate_cell", Some("a"), "/r/a/a3/", founded, Some(d(2019, 6, 1))),
        ("ab1", "subordinate_cell", Some("ab"), "/r/ab/ab1/", d(2018, 1, 1), None),
    ]
}

fn seed(db: &Db) {
    let versions = versions();
    db.write(|conn| -> StoreResult<()> {
        let mut seen = Vec::new();
        for (id, ..) in &versions {
            if seen.contains(id) {
                continue;
            }
            seen.push(*id);
            let dissolved_on = (*id == "a3").then(|| d(2019, 6, 1));
            let org = OrgRow {
                id: (*id).into(),
                code: id.to_uppercase(),
                founded_on: d(2015, 1, 1),
                dissolved_on,
                created_at: coso_store::now(),
            };
            orgs::insert_org(conn, &org)?;
        }
        let rows: Vec<OrgVersionRow> = versions
            .iter()
            .enumerate()
            .map(|(n, (id, kind, parent, path, from, to))| OrgVersionRow {
                id: format!("v{n}"),
                org_id: (*id).into(),
                valid_from: *from,
                valid_to: *to,
                name: format!("Tổ chức {id}"),
                name_folded: format!("to chuc {id}"),
                kind: coso_domain::org::OrgKind::from_code(kind).expect("a known kind"),
                sector: None,
                parent_id: parent.map(OrgId::from),
                path: path.to_string(),
                depth: path.matches('/').count() as i32 - 2,
                event_id: None,
            })
            .collect();
        orgs::insert_versions(conn, &rows)
    })
    .unwrap();
}

/// (org id, path) of the subtree under `root` on `on`, in the order the query returns.
fn subtree(db: &Db, root: &str, on: NaiveDate) -> Vec<(String, String)> {
    let found = db.read(|conn| orgs::subtree_on(conn, root, on)).unwrap();
    found.into_iter().map(|at| (at.org.id.to_string(), at.version.path)).collect()
}

#[test]
fn subtree_holds_exactly_the_descendants_in_force_on_the_date() {
    let cases: Vec<(&str, NaiveDate, Vec<&str>)> = vec![
        ("/r/a/", d(2017, 1, 1), vec!["a", "a1", "a1g", "a2", "a3"]),
        ("/r/a/", d(2019, 5, 31), vec!["a", "a1", "a1g", "a2", "a3"]),
        ("/r/a/", d(2019, 6, 1), vec!["a", "a1", "a1g", "a2"]),
        ("/r/a/", d(2019, 12, 31), vec!["a", "a1", "a1g", "a2"]),
        ("/r/a/", d(2020, 1, 1), vec!["a", "a1", "a1g"]),
        ("/r/a/", d(2015, 6, 1), vec!["a", "a1", "a2", "a3"]),
        ("/r/ab/", d(2017, 1, 1), vec!["ab"]),
        ("/r/ab/", d(2019, 12, 31), vec!["ab", "ab1"]),
        ("/r/ab/", d(2020, 1, 1), vec!["ab", "a2", "ab1"]),
        ("/r/a-b/", d(2021, 1, 1), vec!["a-b"]),
        ("/r/a/a1/", d(2021, 1, 1), vec!["a1", "a1g"]),
        ("/r/", d(2014, 12, 31), vec![]),
        ("/r/", d(2021, 1, 1), vec!["r", "a-b", "a", "a1", "a1g", "ab", "a2", "ab1"]),
        ("/", d(2021, 1, 1), vec!["r", "a-b", "a", "a1", "a1g", "ab", "a2", "ab1"]),
        ("/x/", d(2021, 1, 1), vec![]),
    ];
    coso_testkit::each_backend(|db| {
        seed(db);
        for (root, on, want) in &cases {
            let got = subtree(db, root, *on);
            let ids: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
            assert_eq!(&ids, want, "subtree of {root} on {on}");
            for (id, path) in &got {
                assert!(path.starts_with(root), "{id} at {path} is outside {root} on {on}");
            }
            let mut sorted = got.clone();
            sorted.sort_by(|x, y| x.1.as_bytes().cmp(y.1.as_bytes()));
            assert_eq!(got, sorted, "subtree of {root} on {on} is in path order");
        }
    });
}

#[test]
fn a_moved_unit_is_found_under_each_parent_with_the_path_of_the_date() {
    coso_testkit::each_backend(|db| {
        seed(db);
        let cases = [
            ("/r/a/", d(2019, 12, 31), Some("/r/a/a2/")),
            ("/r/ab/", d(2019, 12, 31), None),
            ("/r/a/", d(2020, 1, 1), None),
            ("/r/ab/", d(2020, 1, 1), Some("/r/ab/a2/")),
        ];
        for (root, on, want) in cases {
            let got = subtree(db, root, on);
            let path = got.iter().find(|(id, _)| id == "a2").map(|(_, p)| p.as_str());
            assert_eq!(path, want, "a2 under {root} on {on}");
        }
    });
}

/// (subtree root, date, how many of each kind stood there).
type KindCounts = (&'static str, NaiveDate, Vec<(&'static str, i64)>);

#[test]
fn counts_by_kind_stay_inside_the_subtree() {
    let cases: Vec<KindCounts> = vec![
        (
            "/r/a/",
            d(2017, 1, 1),
            vec![("grassroots_committee", 1), ("party_group", 1), ("subordinate_cell", 3)],
        ),
        (
            "/r/a/",
            d(2021, 1, 1),
            vec![("grassroots_committee", 1), ("party_group", 1), ("subordinate_cell", 1)],
        ),
        ("/r/ab/", d(2017, 1, 1), vec![("grassroots_committee", 1)]),
        ("/r/ab/", d(2021, 1, 1), vec![("grassroots_committee", 1), ("subordinate_cell", 2)]),
        (
            "/r/",
            d(2021, 1, 1),
            vec![
                ("city_committee", 1),
                ("grassroots_cell", 1),
                ("grassroots_committee", 2),
                ("party_group", 1),
                ("subordinate_cell", 3),
            ],
        ),
        ("/r/", d(2014, 12, 31), vec![]),
    ];
    coso_testkit::each_backend(|db| {
        seed(db);
        for (root, on, want) in &cases {
            let got: BTreeMap<String, i64> = db
                .read(|conn| orgs::count_by_kind(conn, root, *on))
                .unwrap()
                .into_iter()
                .map(|(k, n)| (k.code().to_string(), n))
                .collect();
            let want: BTreeMap<String, i64> = want.iter().map(|(k, n)| (k.to_string(), *n)).collect();
            assert_eq!(got, want, "kinds under {root} on {on}");
        }
    });
}

#[test]
fn children_and_versions_follow_the_dates() {
    coso_testkit::each_backend(|db| {
        seed(db);
        let children = |parent: &str, on: NaiveDate| -> Vec<String> {
            let mut ids: Vec<String> = db
                .read(|conn| orgs::children_on(conn, &parent.into(), on))
                .unwrap()
                .into_iter()
                .map(|at| at.org.id.to_string())
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(children("a", d(2019, 1, 1)), ["a1", "a2", "a3"]);
        assert_eq!(children("a", d(2020, 1, 1)), ["a1"]);
        assert_eq!(children("ab", d(2020, 1, 1)), ["a2", "ab1"]);
        let version = |on| db.read(|conn| orgs::version_on(conn, &"a2".into(), on)).unwrap().map(|v| v.path);
        assert_eq!(version(d(2014, 12, 31)), None);
        assert_eq!(version(d(2019, 12, 31)).as_deref(), Some("/r/a/a2/"));
        assert_eq!(version(d(2020, 1, 1)).as_deref(), Some("/r/ab/a2/"));
        let history = db.read(|conn| orgs::history(conn, &"a2".into())).unwrap();
        assert_eq!(history.iter().map(|v| v.path.as_str()).collect::<Vec<_>>(), ["/r/a/a2/", "/r/ab/a2/"]);
    });
}

/// Codes cross the database boundary as the domain's enums: each kind reads back as itself,
/// and a code the domain does not know is a read error, never a row with a placeholder.
#[test]
fn kinds_are_read_back_as_enums_and_an_unknown_code_is_an_error() {
    coso_testkit::each_backend(|db| {
        seed(db);
        let read = |id: &str| db.read(|conn| orgs::version_on(conn, &id.into(), d(2021, 1, 1)));
        let cases = [
            ("r", coso_domain::org::OrgKind::CityCommittee),
            ("a", coso_domain::org::OrgKind::GrassrootsCommittee),
            ("a-b", coso_domain::org::OrgKind::GrassrootsCell),
            ("a1", coso_domain::org::OrgKind::SubordinateCell),
            ("a1g", coso_domain::org::OrgKind::PartyGroup),
        ];
        for (id, kind) in cases {
            assert_eq!(read(id).unwrap().map(|v| v.kind), Some(kind), "{id}");
        }
        db.write(|conn| -> StoreResult<usize> {
            use diesel::RunQueryDsl;
            Ok(diesel::sql_query("UPDATE org_versions SET kind = 'committee_of_nowhere' WHERE org_id = 'a'")
                .execute(conn)?)
        })
        .unwrap();
        let err = read("a").expect_err("an unknown kind is refused on reading");
        assert!(format!("{err:?}").contains("committee_of_nowhere"), "{err:?}");
    });
}
