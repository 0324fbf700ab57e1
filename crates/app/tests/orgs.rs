//! Organizations through time: founding, the tree as of dates, and reorganizations.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use coso_app::members::MemberQuery;
use coso_app::{Actor, App, AppError, AppResult};
use coso_testkit::each_backend;

use common::*;

#[test]
fn the_tree_stands_as_it_did_on_each_date() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        unit(&app, "DK-C3", "subordinate_cell", Some("DK"), "2020-06-15");
        let first = vec!["CB", "DK", "DK-C1", "DK-C2", "TU", "VT", "VT-C1"];
        let mut later = first.clone();
        later.insert(4, "DK-C3");
        let cases = [
            (d(2009, 12, 31), vec![]),
            (d(2010, 1, 1), first.clone()),
            (d(2020, 6, 14), first),
            (d(2020, 6, 15), later),
        ];
        for (on, want) in cases {
            let tree = tree_of(&app, &sys, on);
            assert_eq!(codes(&tree), want, "on {on}");
            assert_consistent(&tree, on);
        }
        let tree = tree_of(&app, &sys, d(2021, 1, 1));
        let places = [
            ("TU", None, 0, "city_committee"),
            ("DK", Some("TU"), 1, "grassroots_committee"),
            ("CB", Some("TU"), 1, "grassroots_cell"),
            ("DK-C3", Some("DK"), 2, "subordinate_cell"),
            ("VT-C1", Some("VT"), 2, "subordinate_cell"),
        ];
        for (code, parent, depth, kind) in places {
            let node = &tree[code];
            let got = (node.parent.as_deref(), node.depth, node.kind.as_str());
            assert_eq!(got, (parent, depth, kind), "{code}");
        }
        let counts = ok("tree", app.tree(&sys, d(2021, 1, 1))).counts;
        let counts: Vec<(&str, i64)> = counts.iter().map(|c| (c.kind.code(), c.count)).collect();
        let want = [
            ("city_committee", 1),
            ("grassroots_committee", 2),
            ("grassroots_cell", 1),
            ("sub_committee", 0),
            ("subordinate_cell", 4),
            ("party_group", 0),
        ];
        assert_eq!(counts, want);
        let s = ok("stats", app.org_stats(&sys, d(2020, 6, 14)));
        let got = (s.grassroots_total, s.grassroots_committees, s.grassroots_cells);
        assert_eq!((got, s.subordinate_cells), ((3, 2, 1), 3));
        let s = ok("stats", app.org_stats(&sys, d(2020, 6, 15)));
        assert_eq!(s.subordinate_cells, 4);
        // The parent must exist on the founding date, and nothing is founded in the future.
        for (founded, field) in [("2009-06-01", "parent_code"), ("2099-01-01", "founded_on")] {
            let input = org_input("DK-C9", "Chi bộ 9", "subordinate_cell", Some("DK"), founded);
            refused_on(app.create_org(&sys, input), field);
        }
    });
}

#[test]
fn a_rename_keeps_the_old_name_for_earlier_dates() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let (old, new) = ("Đảng bộ phường Đông Kinh", "Đảng bộ phường Đông Kinh mới");
        ok("rename", change(&app, "DK", "rename", "01/07/2020", new));
        let dates = [(2015, 1, 1, old), (2020, 6, 30, old), (2020, 7, 1, new), (2024, 1, 1, new)];
        for (y, m, day, want) in dates {
            let on = d(y, m, day);
            let tree = tree_of(&app, &sys, on);
            assert_eq!(tree["DK"].name, want, "on {on}");
            assert_eq!(tree["DK-C1"].parent.as_deref(), Some("DK"), "on {on}");
            assert_consistent(&tree, on);
        }
        let detail = ok("detail", app.org_detail(&sys, "DK", d(2024, 1, 1)));
        let history: Vec<_> =
            detail.history.iter().map(|v| (v.name.as_str(), v.valid_from, v.valid_to)).collect();
        let (founded, renamed) = (d(2010, 1, 1), d(2020, 7, 1));
        assert_eq!(history, [(old, founded, Some(renamed)), (new, renamed, None)]);
        assert_eq!(events_of(&app, "DK"), [ev("founding", None), ev("rename", None)]);
        let found = |q: &str, on| -> Vec<String> {
            let orgs = ok("search", app.search_orgs(&sys, q, on, 10));
            orgs.into_iter().map(|o| o.code).collect()
        };
        assert_eq!(found("dong kinh moi", d(2021, 1, 1)), ["DK"]);
        assert!(found("dong kinh moi", d(2019, 1, 1)).is_empty());
        // A change dated before the last one, or to the same name, is refused.
        let early = reorg("rename", "2020-01-01", "Tên khác");
        refused_on(app.reorganize(&sys, "DK", early), "effective_on");
        refused_on(change(&app, "DK", "rename", "2021-01-01", new), "new_name");
    });
}

/// Users type names without marks and codes in any case; both backends must answer alike.
#[test]
fn organizations_are_found_by_name_or_code_in_any_case() {
    let cases: [(&str, &[&str]); 6] = [
        ("vinh trai", &["VT"]),
        ("Khối Cửa Nam", &["VT-C1"]),
        ("chi bo khoi", &["DK-C1", "DK-C2", "VT-C1"]),
        ("VT-C1", &["VT-C1"]),
        ("vt-c1", &["VT-C1"]),
        ("DK", &["DK", "DK-C1", "DK-C2"]),
    ];
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        for (q, want) in cases {
            let found = ok(q, app.search_orgs(&sys, q, d(2021, 1, 1), 20));
            let mut got: Vec<String> = found.into_iter().map(|o| o.code).collect();
            got.sort();
            assert_eq!(got, want, "query {q:?} on {:?}", db.backend());
        }
    });
}

#[test]
fn a_move_repaths_the_subtree_and_keeps_the_old_parent_for_earlier_dates() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        unit(&app, "DK-C2-T1", "party_group", Some("DK-C2"), "2015-01-01");
        admit(&app, "Nguyễn Văn An", "DK-C2", "2018-03-01");
        ok("move", change(&app, "DK-C2", "move", "2021-01-01", "VT"));
        let (eve, day) = (d(2020, 12, 31), d(2021, 1, 1));
        let (before, after) = (tree_of(&app, &sys, eve), tree_of(&app, &sys, day));
        assert_eq!(before["DK-C2"].parent.as_deref(), Some("DK"));
        assert_eq!(after["DK-C2"].parent.as_deref(), Some("VT"));
        assert!(before["DK-C2-T1"].path.starts_with(&before["DK"].path));
        assert!(after["DK-C2-T1"].path.starts_with(&after["VT"].path));
        assert_eq!((after["DK-C2"].depth, after["DK-C2-T1"].depth), (2, 3));
        for (on, tree) in [(eve, &before), (day, &after)] {
            assert_consistent(tree, on);
            assert_eq!(tree["DK-C2"].members, 1, "the member follows the cell on {on}");
        }
        // Counts by committee follow the date.
        let dk = account(&app, "dk.admin", "org_admin", Some("DK"));
        let vt = account(&app, "vt.admin", "org_admin", Some("VT"));
        let cases =
            [(&dk, eve, (2, 1, 1)), (&dk, day, (1, 0, 0)), (&vt, eve, (1, 0, 0)), (&vt, day, (2, 1, 1))];
        for (actor, on, want) in cases {
            let s = ok("stats", app.org_stats(actor, on));
            let got = (s.subordinate_cells, s.party_groups, s.members_probationary);
            assert_eq!(got, want, "{} on {on}", actor.username);
        }
        assert_eq!(codes(&tree_of(&app, &dk, coso_app::today())), ["DK", "DK-C1"]);
        let detail = ok("detail", app.org_detail(&sys, "DK-C2", d(2021, 6, 1)));
        let parents: Vec<_> = detail.history.iter().map(|v| v.parent_name.as_deref()).collect();
        assert_eq!(parents, [Some("Đảng bộ phường Đông Kinh"), Some("Đảng bộ phường Vĩnh Trại")]);
        assert_eq!(events_of(&app, "DK-C2")[1], ev("move", Some("VT")));
    });
}

/// A move recorded late, dated before a unit was founded under the moving one: the unit must
/// end up under the moved path too (or the move be refused), never be left at the old path.
#[test]
fn a_backdated_move_carries_units_founded_after_its_date() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        unit(&app, "DK-C2-T2", "party_group", Some("DK-C2"), "2022-01-01");
        let dates = [d(2021, 6, 1), d(2022, 6, 1), coso_app::today()];
        let before = snapshot(&app, db, &dates);
        match change(&app, "DK-C2", "move", "2021-01-01", "VT") {
            Err(e) => {
                refused_on(Err::<(), _>(e), "effective_on");
                assert_eq!(snapshot(&app, db, &dates), before);
            }
            Ok(()) => {
                for on in dates {
                    assert_consistent(&tree_of(&app, &sys, on), on);
                }
                let tree = tree_of(&app, &sys, d(2022, 6, 1));
                let group = &tree["DK-C2-T2"];
                assert!(group.path.starts_with(&tree["VT"].path), "{group:?}");
                let vt = account(&app, "vt.admin", "org_admin", Some("VT"));
                assert_eq!(ok("stats", app.org_stats(&vt, d(2022, 6, 1))).party_groups, 1);
            }
        }
    });
}

#[test]
fn a_move_into_its_own_subtree_is_refused_and_changes_nothing() {
    each_backend(|db| {
        let app = city(db);
        unit(&app, "DK-C1-T1", "party_group", Some("DK-C1"), "2015-01-01");
        let dates = [d(2020, 12, 31), d(2021, 1, 1), coso_app::today()];
        let cases = [
            ("DK", "DK-C1"),
            ("DK", "DK-C1-T1"),
            ("DK", "DK"),
            ("DK-C1", "DK-C1-T1"),
            ("DK-C1", "DK-C1"),
            ("DK-C1", "DK"),
            ("DK-C1", "KHONG-CO"),
        ];
        for (moving, parent) in cases {
            let before = (snapshot(&app, db, &dates), events_of(&app, moving));
            let result = change(&app, moving, "move", "2021-01-01", parent);
            let message = refused_on(result, "new_parent_code");
            assert!(!message.is_empty(), "{moving} under {parent}");
            let after = (snapshot(&app, db, &dates), events_of(&app, moving));
            assert_eq!(after, before, "{moving} under {parent}");
        }
    });
}

#[test]
fn founding_follows_the_placement_rules() {
    let cases = [
        ("subordinate_cell", Some("TU"), false),
        ("grassroots_cell", Some("DK"), false),
        ("grassroots_committee", Some("DK"), false),
        ("party_group", Some("DK"), false),
        ("sub_committee", Some("TU"), false),
        ("grassroots_committee", None, false),
        ("subordinate_cell", None, false),
        ("sub_committee", Some("DK"), true),
        ("subordinate_cell", Some("DK"), true),
        ("party_group", Some("DK-C1"), true),
        ("party_group", Some("CB"), true),
        ("grassroots_cell", Some("TU"), true),
        ("grassroots_committee", Some("TU"), true),
        ("city_committee", None, true),
    ];
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        for (n, (kind, parent, allowed)) in cases.into_iter().enumerate() {
            let code = format!("X{n}");
            let before = (org_rows(db), audit_rows(db));
            let input = org_input(&code, "Đơn vị thử", kind, parent, "2015-01-01");
            match app.create_org(&sys, input) {
                Ok(_) if allowed => {
                    let tree = tree_of(&app, &sys, d(2015, 1, 1));
                    assert_eq!(tree[&code].parent.as_deref(), parent, "{kind} under {parent:?}");
                    assert!(audit_rows(db) > before.1);
                }
                Err(AppError::Invalid(found)) if !allowed => {
                    let m = &found[0].message;
                    let why = ["không thể trực thuộc", "phải có tổ chức cấp trên"];
                    assert!(why.iter().any(|w| m.contains(w)), "{m}");
                    assert_eq!((org_rows(db), audit_rows(db)), before, "{kind} under {parent:?}");
                }
                other => panic!("{kind} under {parent:?}: {other:?}"),
            }
        }
    });
}

/// The form shows a refusal beside the input it names: for a founding that is `parent_code`.
#[test]
fn a_misplaced_unit_is_reported_on_the_parent_code_field() {
    each_backend(|db| {
        let app = city(db);
        for (kind, parent) in [("subordinate_cell", Some("TU")), ("grassroots_cell", None)] {
            let input = org_input("X1", "Đơn vị thử", kind, parent, "2015-01-01");
            refused_on(app.create_org(&Actor::system(), input), "parent_code");
        }
    });
}

#[test]
fn dissolving_waits_until_no_member_or_unit_remains() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2018-03-01");
        let dates = [d(2021, 12, 31), d(2022, 1, 1), coso_app::today()];
        for (code, remains) in [("DK-C1", "còn 1 đảng viên"), ("DK", "còn 2 tổ chức trực thuộc")]
        {
            let before = snapshot(&app, db, &dates);
            let result = change(&app, code, "dissolve", "2022-01-01", "");
            let message = refused_on(result, "kind");
            assert!(message.contains(remains), "{message}");
            assert_eq!(snapshot(&app, db, &dates), before, "{code}");
        }
        let away = event("transfer_internal", "2021-06-01", Some("DK-C2"));
        ok("transfer", app.record_member_event(&sys, &an.id, away));
        ok("dissolve", change(&app, "DK-C1", "dissolve", "2022-01-01", ""));
        assert!(tree_of(&app, &sys, d(2021, 12, 31)).contains_key("DK-C1"));
        assert!(!tree_of(&app, &sys, d(2022, 1, 1)).contains_key("DK-C1"));
        assert_eq!(tree_of(&app, &sys, d(2021, 5, 31))["DK-C1"].members, 1);
        let detail = ok("detail", app.org_detail(&sys, "DK-C1", coso_app::today()));
        assert_eq!(detail.dissolved_on, Some(d(2022, 1, 1)));
        assert_eq!(events_of(&app, "DK-C1").last(), Some(&ev("dissolve", None)));
    });
}

#[test]
fn a_merge_moves_members_and_units_and_dissolves_the_source() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        unit(&app, "DK-C1-T1", "party_group", Some("DK-C1"), "2015-01-01");
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2018-03-01");
        let binh = admit(&app, "Trần Văn Bình", "DK-C1", "2019-04-01");
        admit(&app, "Lê Thị Cúc", "DK-C2", "2019-05-01");
        let in_c2 = MemberQuery { org: Some("DK-C2".into()), ..MemberQuery::default() };
        assert_eq!(listed(&app, &sys, &in_c2), ["Lê Thị Cúc"]);
        let (eve, day) = (d(2021, 12, 31), d(2022, 1, 1));
        let stats_before = ok("stats", app.org_stats(&sys, eve));
        let tree_before = tree_of(&app, &sys, eve);
        ok("merge", change(&app, "DK-C1", "merge", "01/01/2022", "DK-C2"));
        let all = ["Lê Thị Cúc", "Nguyễn Văn An", "Trần Văn Bình"];
        assert_eq!(listed(&app, &sys, &in_c2), all);
        for m in [&an, &binh] {
            let detail = ok("member", app.member_detail(&sys, &m.id));
            assert_eq!(detail.summary.org_code, "DK-C2");
            let last = detail.events.last().unwrap();
            assert_eq!((last.kind.code(), last.occurred_on), ("transfer_internal", day));
        }
        let source = ok("detail", app.org_detail(&sys, "DK-C1", coso_app::today()));
        assert_eq!(source.dissolved_on, Some(day));
        assert!(events_of(&app, "DK-C1").contains(&ev("merged_into", Some("DK-C2"))));
        assert!(events_of(&app, "DK-C2").contains(&ev("absorbed", Some("DK-C1"))));
        let after = tree_of(&app, &sys, day);
        assert!(!after.contains_key("DK-C1"));
        assert_eq!(after["DK-C2"].members, 3);
        assert_eq!(after["DK-C1-T1"].parent.as_deref(), Some("DK-C2"));
        assert_consistent(&after, day);
        // The past is unchanged; after the merge one cell fewer holds the same members.
        assert_eq!(ok("stats", app.org_stats(&sys, eve)), stats_before);
        assert_eq!(tree_of(&app, &sys, eve), tree_before);
        let stats_after = ok("stats", app.org_stats(&sys, day));
        assert_eq!(stats_after.subordinate_cells, stats_before.subordinate_cells - 1);
        assert_eq!(stats_after.members_probationary, stats_before.members_probationary);
        // Members go only to a cell, and nothing merges into itself.
        admit(&app, "Phạm Văn Dũng", "VT-C1", "2019-01-01");
        for (code, target) in [("VT-C1", "VT"), ("DK-C2", "DK-C2"), ("VT-C1", "KHONG-CO")] {
            let before = snapshot(&app, db, &[eve, day]);
            let result = change(&app, code, "merge", "2022-01-01", target);
            refused_on(result, "target_code");
            assert_eq!(snapshot(&app, db, &[eve, day]), before, "{code} into {target}");
        }
    });
}

/// Members on the roll on a date, counted two ways: per unit of the tree, and by status.
fn on_roll(app: &App, on: chrono::NaiveDate) -> (i64, i64) {
    let sys = Actor::system();
    let per_unit = tree_of(app, &sys, on).values().map(|n| n.members).sum();
    let s = ok("stats", app.org_stats(&sys, on));
    // The exempted are counted among the official members (domain.md §3).
    (per_unit, s.members_official + s.members_probationary)
}

/// A reorganization dated before a member's latest event must not leave the member counted
/// nowhere in between: either it is refused, or every date still counts every member.
#[test]
fn reorganizations_never_drop_members_from_the_counts() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2018-03-01");
        let binh = admit(&app, "Trần Văn Bình", "VT-C1", "2018-03-01");
        let away = event("transfer_internal", "2022-06-01", Some("DK-C2"));
        ok("transfer", app.record_member_event(&sys, &an.id, away));
        let confirmed = event("confirmation", "2022-06-01", None);
        ok("confirmed", app.record_member_event(&sys, &binh.id, confirmed));
        let dates = [d(2021, 12, 31), d(2022, 3, 1), d(2022, 6, 1), coso_app::today()];
        let changes = [
            ("dissolve", "DK-C1", reorg("dissolve", "2022-01-01", "")),
            ("merge", "VT-C1", reorg("merge", "2022-01-01", "DK-C2")),
        ];
        let mut lost = Vec::new();
        for (what, code, change) in changes {
            if app.reorganize(&sys, code, change).is_ok() {
                let counts = dates.map(|on| (on, on_roll(&app, on)));
                lost.extend(counts.into_iter().filter(|(_, n)| *n != (2, 2)).map(|c| (what, c)));
            }
        }
        assert!(lost.is_empty(), "members counted nowhere: {lost:?}");
    });
}

#[test]
fn a_split_founds_new_units_beside_the_source() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let audits = audit_rows(db);
        let units = "DK-C5 | Chi bộ khối 5\n \nDK-C6 | Chi bộ khối 6";
        ok("split", change(&app, "DK-C1", "split", "01/03/2022", units));
        assert!(audit_rows(db) >= audits + 3, "one row per new unit and one for the split");
        assert!(!tree_of(&app, &sys, d(2022, 2, 28)).contains_key("DK-C5"));
        let after = tree_of(&app, &sys, d(2022, 3, 1));
        for (code, name) in [("DK-C5", "Chi bộ khối 5"), ("DK-C6", "Chi bộ khối 6")] {
            let node = &after[code];
            let got = (node.name.as_str(), node.parent.as_deref(), node.depth, node.kind.as_str());
            assert_eq!(got, (name, Some("DK"), 2, "subordinate_cell"));
            assert_eq!(events_of(&app, code), [ev("split_from", Some("DK-C1"))]);
        }
        assert!(after.contains_key("DK-C1"), "the source goes on");
        assert_consistent(&after, d(2022, 3, 1));
        admit(&app, "Hoàng Văn Em", "DK-C5", "2022-03-01");
        assert_eq!(tree_of(&app, &sys, d(2022, 3, 1))["DK-C5"].members, 1);
        let cases = [
            "",
            "DK-C7 Chi bộ khối 7",
            " | Không mã",
            "DK-C2 | Trùng mã",
            "DK-C7 | Khối 7\nDK-C5 | Trùng mã",
        ];
        for lines in cases {
            let before = snapshot(&app, db, &[d(2022, 3, 1)]);
            let result = change(&app, "DK-C1", "split", "2022-03-01", lines);
            refused_on(result, "new_units");
            assert_eq!(snapshot(&app, db, &[d(2022, 3, 1)]), before, "{lines:?}");
        }
    });
}

/// One way to check a code: a split must refuse what founding refuses.
#[test]
fn a_split_refuses_codes_that_founding_refuses() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let input = org_input("DK C8", "Chi bộ khối 8", "subordinate_cell", Some("DK"), "2022-03-01");
        refused_on(app.create_org(&sys, input), "code");
        let before = snapshot(&app, db, &[d(2022, 3, 1)]);
        let split = reorg("split", "2022-03-01", "DK C8 | Chi bộ khối 8");
        refused_on(app.reorganize(&sys, "DK-C1", split), "new_units");
        assert_eq!(snapshot(&app, db, &[d(2022, 3, 1)]), before);
    });
}

#[test]
fn an_organization_code_is_used_once() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        for code in ["DK", " DK "] {
            let before = snapshot(&app, db, &[coso_app::today()]);
            let input = org_input(code, "Đảng bộ khác", "grassroots_committee", Some("TU"), "2015-01-01");
            let message = refused_on(app.create_org(&sys, input), "code");
            assert_eq!(message, "Mã DK đã được dùng cho tổ chức khác.");
            assert_eq!(snapshot(&app, db, &[coso_app::today()]), before, "{code:?}");
        }
    });
}

#[test]
fn every_successful_write_leaves_audit_rows() {
    type Step = Box<dyn Fn(&App, &Actor) -> AppResult<()>>;
    let found = |code: &'static str, kind: &'static str, parent: Option<&'static str>| -> Step {
        let input = org_input(code, code, kind, parent, "2010-01-01");
        Box::new(move |app, sys| app.create_org(sys, input.clone()).map(|_| ()))
    };
    let change = |code: &'static str, kind: &str, on: &str, arg: &str| -> Step {
        let input = reorg(kind, on, arg);
        Box::new(move |app, sys| app.reorganize(sys, code, input.clone()))
    };
    let steps: Vec<(&str, &str, Step)> = vec![
        ("TU", "create", found("TU", "city_committee", None)),
        ("DK", "create", found("DK", "grassroots_committee", Some("TU"))),
        ("VT", "create", found("VT", "grassroots_committee", Some("TU"))),
        ("C1", "create", found("C1", "subordinate_cell", Some("DK"))),
        ("C2", "create", found("C2", "subordinate_cell", Some("DK"))),
        ("DK", "reorganize.rename", change("DK", "rename", "2020-01-01", "Đảng bộ Đông Kinh")),
        ("C2", "reorganize.move", change("C2", "move", "2020-01-01", "VT")),
        ("C1", "reorganize.split", change("C1", "split", "2021-01-01", "C3 | Chi bộ 3")),
        ("C3", "reorganize.merge", change("C3", "merge", "2022-01-01", "C1")),
        ("C1", "reorganize.dissolve", change("C1", "dissolve", "2023-01-01", "")),
    ];
    each_backend(|db| {
        let app = App::with_db(db.clone());
        let sys = Actor::system();
        for (code, action, step) in &steps {
            let before = audit_rows(db);
            ok(action, step(&app, &sys));
            assert!(audit_rows(db) > before, "{action} on {code} left no audit row");
            let rows = db.read(|c| {
                let org = coso_store::orgs::by_code(c, code)?.unwrap();
                coso_store::audit::of_entity(c, "organization", org.id.as_str())
            });
            let rows = rows.unwrap();
            let mine = |r: &&coso_store::audit::AuditRow| r.action == *action && r.actor_name == "system";
            assert!(rows.iter().any(|r| mine(&r)), "{action} on {code}: {rows:?}");
        }
    });
}

/// Issue 8: a committee is listed by term: those in office on the day first, in protocol order
/// (Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ, cấp ủy viên), then the other terms, newest first.
#[test]
fn a_committee_is_listed_by_term_in_protocol_order() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let people = ["Vũ Văn Ất", "Trần Thị Bính", "Lê Văn Canh", "Đỗ Thị Đinh", "Hà Văn Mậu", "Bế Văn Kỷ"];
        let ids: Vec<String> =
            people.iter().map(|n| admit(&app, n, "DK-C1", "2010-01-10").id.to_string()).collect();
        // (who, role, from, to)
        let seats = [
            (0, "committee_member", "2020-10-01", None),
            (1, "secretary", "2020-10-01", None),
            (2, "standing_committee", "2020-10-01", None),
            (3, "deputy_secretary", "2020-10-01", None),
            (5, "committee_member", "2020-10-01", None),
            (4, "secretary", "2015-10-01", Some("2020-10-01")),
        ];
        for (who, role, from, to) in seats {
            hold_position(&app, "DK", &ids[who], role, from, to);
        }
        let detail = ok("detail", app.org_detail(&sys, "DK", d(2021, 6, 1)));
        let listed: Vec<(&str, &str, bool)> = detail
            .officers
            .iter()
            .map(|o| (o.full_name.as_str(), o.role_label.as_str(), o.in_office))
            .collect();
        assert_eq!(
            listed,
            [
                ("Trần Thị Bính", "Bí thư", true),
                ("Đỗ Thị Đinh", "Phó Bí thư", true),
                ("Lê Văn Canh", "Ủy viên Ban Thường vụ", true),
                // Among equals, by given name: Ất before Kỷ.
                ("Vũ Văn Ất", "Cấp ủy viên", true),
                ("Bế Văn Kỷ", "Cấp ủy viên", true),
                ("Hà Văn Mậu", "Bí thư", false),
            ]
        );
        assert_eq!(detail.secretary.as_deref(), Some("Trần Thị Bính"));
        // On a day of the earlier term, that term is the one in office.
        let then = ok("2018", app.org_detail(&sys, "DK", d(2018, 6, 1)));
        let in_office: Vec<&str> =
            then.officers.iter().filter(|o| o.in_office).map(|o| o.full_name.as_str()).collect();
        assert_eq!(in_office, ["Hà Văn Mậu"]);
        assert_eq!(then.secretary.as_deref(), Some("Hà Văn Mậu"));
    });
}
