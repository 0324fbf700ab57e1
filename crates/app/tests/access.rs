//! Who sees and changes what: an account bound to an organization acts only in its subtree,
//! and only as far as its role allows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use coso_app::auth::NewUser;
use coso_app::members::MemberQuery;
use coso_app::{Actor, App, AppError, AppResult};
use coso_testkit::each_backend;

use common::*;

/// The city tree with one member per unit and an account of each bound role.
struct World {
    app: App,
    /// The database under the app, to count rows from outside.
    db: coso_store::Db,
    org_admin: Actor,
    secretary: Actor,
    viewer: Actor,
    cadre: Actor,
    /// Membership ids by name.
    members: BTreeMap<&'static str, coso_domain::id::MembershipId>,
}

const AN: &str = "Nguyễn Văn An";
const BINH: &str = "Trần Thị Bình";
const CUONG: &str = "Lê Văn Cường";
const DUNG: &str = "Phạm Thị Dung";

fn world(db: &coso_store::Db) -> World {
    let app = App::with_db(db.clone());
    city_tree(&app);
    let members = [(AN, "DK-C1"), (BINH, "DK-C2"), (CUONG, "VT-C1"), (DUNG, "CB")]
        .into_iter()
        .map(|(name, org)| (name, admit(&app, name, org, "2020-01-10").id))
        .collect();
    World {
        db: db.clone(),
        org_admin: account(&app, "dk.admin", "org_admin", Some("DK")),
        secretary: account(&app, "c1.bithu", "cell_secretary", Some("DK-C1")),
        viewer: account(&app, "dk.xem", "viewer", Some("DK")),
        cadre: account(&app, "dk.capuy", "cadre", Some("DK")),
        members,
        app,
    }
}

fn forbidden<T: std::fmt::Debug>(what: &str, result: AppResult<T>) {
    assert!(matches!(result, Err(AppError::Forbidden)), "{what}: expected Forbidden, got {result:?}");
}

/// Rows a refused write must leave as they were.
fn counts(db: &coso_store::Db) -> (i64, i64, i64) {
    (membership_rows(db), audit_rows(db), org_rows(db))
}

#[test]
fn member_lists_hold_only_the_actor_subtree() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let in_org = |code: &str| MemberQuery { org: Some(code.into()), ..MemberQuery::default() };
        let all = MemberQuery::default();
        let cases: [(&str, &Actor, MemberQuery, Option<&[&str]>); 10] = [
            ("org admin", &w.org_admin, all.clone(), Some(&[AN, BINH])),
            ("secretary", &w.secretary, all.clone(), Some(&[AN])),
            ("viewer", &w.viewer, all.clone(), Some(&[AN, BINH])),
            ("system", &sys, all.clone(), Some(&[CUONG, AN, DUNG, BINH])),
            ("org admin in a cell", &w.org_admin, in_org("DK-C2"), Some(&[BINH])),
            ("org admin searching outside", &w.org_admin, query("le van"), Some(&[])),
            ("org admin asking for another committee", &w.org_admin, in_org("VT"), None),
            ("secretary asking for the committee above", &w.secretary, in_org("DK"), None),
            ("secretary asking for a sibling cell", &w.secretary, in_org("DK-C2"), None),
            ("cadre", &w.cadre, all, None),
        ];
        for (label, actor, q, want) in cases {
            let result = w.app.list_members(actor, &q);
            let Some(want) = want else {
                forbidden(label, result);
                continue;
            };
            let page = ok(label, result);
            let mut got: Vec<&str> = page.members.iter().map(|m| m.full_name.as_str()).collect();
            got.sort();
            let mut want = want.to_vec();
            want.sort();
            assert_eq!(got, want, "{label}");
            assert_eq!(page.total, want.len() as i64, "{label}: the total counts only the scope");
        }
    });
}

#[test]
fn a_member_outside_the_scope_cannot_be_read() {
    each_backend(|db| {
        let w = world(db);
        // Some(can_write) when the record opens, None when it is forbidden.
        let cases = [
            ("org admin", &w.org_admin, AN, Some(true)),
            ("org admin", &w.org_admin, CUONG, None),
            ("org admin", &w.org_admin, DUNG, None),
            ("secretary", &w.secretary, AN, Some(true)),
            ("secretary", &w.secretary, BINH, None),
            ("viewer", &w.viewer, BINH, Some(false)),
            ("viewer", &w.viewer, CUONG, None),
            ("cadre", &w.cadre, AN, None),
        ];
        for (label, actor, name, want) in cases {
            let id = &w.members[name];
            match want {
                Some(can_write) => {
                    let detail = ok(label, w.app.member_detail(actor, id));
                    assert_eq!(
                        (detail.summary.full_name.as_str(), detail.can_write),
                        (name, can_write),
                        "{label}"
                    );
                }
                None => {
                    forbidden(&format!("{label} reading {name}"), w.app.member_detail(actor, id));
                    forbidden(&format!("{label} reading events of {name}"), w.app.member_events(actor, id));
                }
            }
        }
    });
}

/// A write an actor attempts.
enum Write {
    Admit(&'static str, &'static str),
    Event(&'static str, &'static str, Option<&'static str>),
    Correct(&'static str),
    Found(&'static str, &'static str, Option<&'static str>),
    Rename(&'static str),
    /// (organization, kind, argument) as `reorg` builds it, on 01/01/2022.
    Reorg(&'static str, &'static str, &'static str),
}

fn attempt(w: &World, actor: &Actor, write: &Write) -> AppResult<()> {
    let app = &w.app;
    match *write {
        Write::Admit(name, org) => {
            let input = admission(name, "1995-05-01", org, "2021-03-01");
            app.create_member(actor, input).map(|_| ())
        }
        Write::Event(who, kind, to) => {
            let input = event(kind, "2022-01-01", to);
            app.record_member_event(actor, &w.members[who], input).map(|_| ())
        }
        Write::Correct(who) => {
            let input = admission(who, "1995-05-01", "DK-C2", "2020-01-10");
            app.update_member(actor, &w.members[who], input).map(|_| ())
        }
        Write::Found(code, kind, parent) => {
            let input = org_input(code, "Đơn vị mới", kind, parent, "2021-01-01");
            app.create_org(actor, input).map(|_| ())
        }
        Write::Rename(code) => app.reorganize(actor, code, reorg("rename", "2022-01-01", "Tên mới")),
        Write::Reorg(code, kind, arg) => app.reorganize(actor, code, reorg(kind, "2022-01-01", arg)),
    }
}

#[test]
fn writes_need_both_the_role_and_the_scope() {
    use Write::*;
    each_backend(|db| {
        let w = world(db);
        let (admin, secretary) = (&w.org_admin, &w.secretary);
        let cases = [
            ("viewer admits in its scope", &w.viewer, Admit("Võ Văn E", "DK-C1"), false),
            ("cadre admits in its scope", &w.cadre, Admit("Võ Văn F", "DK-C1"), false),
            ("secretary admits in its cell", secretary, Admit("Võ Văn G", "DK-C1"), true),
            ("secretary admits in a sibling cell", secretary, Admit("Võ Văn H", "DK-C2"), false),
            ("org admin admits in its committee", admin, Admit("Võ Văn I", "DK-C2"), true),
            ("org admin admits elsewhere", admin, Admit("Võ Văn K", "VT-C1"), false),
            ("org admin records outside", admin, Event(CUONG, "removal", None), false),
            (
                "secretary moves out of its cell",
                secretary,
                Event(AN, "transfer_internal", Some("DK-C2")),
                false,
            ),
            (
                "org admin moves out of its committee",
                admin,
                Event(AN, "transfer_internal", Some("VT-C1")),
                false,
            ),
            (
                "org admin moves within its committee",
                admin,
                Event(AN, "transfer_internal", Some("DK-C2")),
                true,
            ),
            ("viewer corrects a record", &w.viewer, Correct(BINH), false),
            (
                "org admin founds in its committee",
                admin,
                Found("DK-C7", "subordinate_cell", Some("DK")),
                true,
            ),
            ("org admin founds elsewhere", admin, Found("VT-C7", "subordinate_cell", Some("VT")), false),
            ("org admin founds a city committee", admin, Found("TU2", "city_committee", None), false),
            ("secretary renames its cell", secretary, Rename("DK-C1"), false),
            ("org admin renames another committee", admin, Rename("VT"), false),
            ("org admin renames its committee", admin, Rename("DK"), true),
            // A split founds the new units beside the source, under its parent.
            (
                "org admin splits its own committee (new units under the city)",
                admin,
                Reorg("DK", "split", "DK2 | Đảng bộ phường Đông Kinh 2"),
                false,
            ),
            (
                "org admin splits a cell of its committee",
                admin,
                Reorg("DK-C2", "split", "DK-C9 | Chi bộ khối 9"),
                true,
            ),
            ("org admin moves its cell to another committee", admin, Reorg("DK-C2", "move", "VT"), false),
            (
                "org admin merges its cell into another committee's",
                admin,
                Reorg("DK-C2", "merge", "VT-C1"),
                false,
            ),
            (
                "org admin moves another committee's cell into its own",
                admin,
                Reorg("VT-C1", "move", "DK"),
                false,
            ),
        ];
        for (label, actor, write, allowed) in cases {
            let before = counts(&w.db);
            let result = attempt(&w, actor, &write);
            if allowed {
                ok(label, result);
                assert_ne!(counts(&w.db), before, "{label}");
            } else {
                forbidden(label, result);
                assert_eq!(counts(&w.db), before, "{label}");
            }
        }
    });
}

#[test]
fn only_administrators_manage_accounts() {
    each_backend(|db| {
        let w = world(db);
        let city = account(&w.app, "btc.thanhuy", "city", Some("TU"));
        let users = || w.db.read(coso_store::accounts::count_users).unwrap();
        let new_user = || NewUser {
            username: "nguoi.moi".into(),
            display_name: None,
            role: "viewer".into(),
            org_code: Some("DK".into()),
            password: PASSWORD.into(),
        };
        for (label, actor) in
            [("org admin", &w.org_admin), ("city board", &city), ("secretary", &w.secretary)]
        {
            let before = (users(), audit_rows(&w.db));
            forbidden(label, w.app.add_user(actor, new_user()));
            forbidden(label, w.app.create_token(actor, "dk.admin"));
            assert_eq!((users(), audit_rows(&w.db)), before, "{label}");
        }
        let token = ok("token", w.app.create_token(&Actor::system(), "dk.xem"));
        forbidden("org admin revoking", w.app.revoke_token(&w.org_admin, &token));
        assert_eq!(ok("token actor", w.app.token_actor(&token)).username, "dk.xem");
        let admin = account(&w.app, "quan.tri", "admin", None);
        assert_eq!(admin.scope_path, None);
        ok("admin adds a user", w.app.add_user(&admin, new_user()));
    });
}

/// (who, actor, the codes of the tree they see, (committees, subordinate cells, members)).
type Scope<'a> = (&'a str, &'a Actor, &'a [&'a str], (i64, i64, i64));

#[test]
fn the_tree_and_counts_are_limited_to_the_scope() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let today = coso_app::today();
        let whole = tree_of(&w.app, &sys, today);
        assert_eq!(w.org_admin.scope_path.as_deref(), Some(whole["DK"].path.as_str()));
        assert_eq!(w.secretary.scope_path.as_deref(), Some(whole["DK-C1"].path.as_str()));
        let cases: [Scope; 5] = [
            ("org admin", &w.org_admin, &["DK", "DK-C1", "DK-C2"], (1, 2, 2)),
            ("secretary", &w.secretary, &["DK-C1"], (0, 1, 1)),
            ("viewer", &w.viewer, &["DK", "DK-C1", "DK-C2"], (1, 2, 2)),
            ("cadre", &w.cadre, &["DK", "DK-C1", "DK-C2"], (1, 2, 2)),
            ("system", &sys, &["CB", "DK", "DK-C1", "DK-C2", "TU", "VT", "VT-C1"], (2, 3, 4)),
        ];
        for (label, actor, want, (committees, cells, members)) in cases {
            assert_eq!(codes(&tree_of(&w.app, actor, today)), want, "{label}");
            let s = ok(label, w.app.org_stats(actor, today));
            assert_eq!(
                (s.grassroots_committees, s.subordinate_cells, s.members_probationary),
                (committees, cells, members),
                "{label}"
            );
        }
        let found: Vec<String> = ok("search", w.app.search_orgs(&w.org_admin, "chi bo", today, 20))
            .into_iter()
            .map(|o| o.code)
            .collect();
        assert_eq!(found, ["DK-C1", "DK-C2"]);
        forbidden("org admin opening another committee", w.app.org_detail(&w.org_admin, "VT", today));
        forbidden("secretary opening its committee", w.app.org_detail(&w.secretary, "DK", today));
        assert!(ok("detail", w.app.org_detail(&w.org_admin, "DK-C1", today)).can_write);
        assert!(!ok("detail", w.app.org_detail(&w.viewer, "DK-C1", today)).can_write);
    });
}

/// A cell moved from one ward to another belongs, with its history, to its new ward: writes are
/// judged by where the unit stands today; reads of a past date are open to those who held it
/// then and to its owners today.
#[test]
fn a_moved_cell_is_written_by_its_new_ward_and_read_by_both() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let vt_admin = account(&w.app, "vt.admin", "org_admin", Some("VT"));
        let cb_admin = account(&w.app, "cb.bithu", "cell_secretary", Some("CB"));
        let held_before = ok(
            "a meeting before the move",
            w.app.record_meeting(&sys, "DK-C1", meeting("regular", "2020-03-05", "90")),
        );
        ok("move", change(&w.app, "DK-C1", "move", "2020-06-01", "VT"));

        let before = (meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db));
        let old_ward = w.app.record_meeting(&w.org_admin, "DK-C1", meeting("regular", "2020-04-02", "90"));
        forbidden("the old ward records a meeting of the time it held the cell", old_ward);
        let edit =
            w.app.update_meeting(&w.org_admin, &held_before.id, meeting("regular", "2020-03-05", "120"));
        forbidden("the old ward corrects a meeting of the time it held the cell", edit);
        assert_eq!(
            (meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db)),
            before,
            "refused writes changed nothing"
        );

        ok(
            "the new ward records the cell's past",
            w.app.record_meeting(&vt_admin, "DK-C1", meeting("regular", "2020-04-02", "90")),
        );
        ok(
            "the new ward corrects it",
            w.app.update_meeting(&vt_admin, &held_before.id, meeting("regular", "2020-03-05", "120")),
        );

        let then = ok("the old ward reads its past", w.app.meeting_detail(&w.org_admin, &held_before.id));
        assert!(!then.can_write, "the old ward may read, not write");
        assert!(ok("the new ward reads", w.app.meeting_detail(&vt_admin, &held_before.id)).can_write);
        forbidden("a third unit reads", w.app.meeting_detail(&cb_admin, &held_before.id));
        forbidden(
            "the old ward's compliance after the move",
            w.app.meeting_compliance(&w.org_admin, "DK-C1", d(2021, 1, 1), d(2021, 12, 31)),
        );
        ok(
            "the old ward's compliance of its time",
            w.app.meeting_compliance(&w.org_admin, "DK-C1", d(2020, 1, 1), d(2020, 5, 31)),
        );
    });
}
