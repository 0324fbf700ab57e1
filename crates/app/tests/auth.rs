//! Accounts: password checks, throttling, browser sessions and API tokens.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use coso_app::auth::{MAX_FAILURES, NewUser, THROTTLE_MINUTES};
use coso_app::{Actor, App, AppError, AppResult};
use coso_domain::access::Role;
use coso_store::schema::{api_tokens, sessions};
use coso_store::{DbConnection, StoreError};
use coso_testkit::each_backend;
use diesel::prelude::*;

use common::*;

fn setup(db: &coso_store::Db) -> App {
    let app = App::with_db(db.clone());
    city_tree(&app);
    account(&app, "bithu.dk", "cell_secretary", Some("DK-C1"));
    account(&app, "dk.admin", "org_admin", Some("DK"));
    app
}

fn is_unauthenticated<T: std::fmt::Debug>(what: &str, result: AppResult<T>) {
    assert!(matches!(result, Err(AppError::Unauthenticated)), "{what}: {result:?}");
}

/// The secrets a table keeps, read straight from the database.
fn stored(
    db: &coso_store::Db,
    query: impl FnOnce(&mut DbConnection) -> QueryResult<Vec<String>>,
) -> Vec<String> {
    db.read(|c| query(c).map_err(StoreError::from)).unwrap()
}

#[test]
fn login_checks_the_password() {
    each_backend(|db| {
        let app = setup(db);
        let cell_path = tree_of(&app, &Actor::system(), coso_app::today())["DK-C1"].path.clone();
        let cases = [
            ("bithu.dk", PASSWORD, true),
            ("  BiThu.DK ", PASSWORD, true),
            ("bithu.dk", "sai-mat-khau", false),
            ("bithu.dk", "MAT-KHAU-AN-TOAN", false),
            ("bithu.dk", "", false),
            ("khong.co.ai", PASSWORD, false),
        ];
        for (username, password, accepted) in cases {
            let result = app.login(username, password, OFFICE);
            if !accepted {
                is_unauthenticated(username, result);
                continue;
            }
            let session = ok(username, result);
            let actor = &session.actor;
            assert_eq!((actor.username.as_str(), actor.role), ("bithu.dk", Role::CellSecretary));
            assert_eq!(actor.scope_path.as_deref(), Some(cell_path.as_str()));
            assert!(actor.user_id.is_some());
            assert!(session.token.len() >= 32 && session.csrf_token.len() >= 16);
        }
    });
}

#[test]
fn repeated_failures_lock_the_username_only_from_that_address() {
    each_backend(|db| {
        let app = setup(db);
        for n in 0..MAX_FAILURES {
            is_unauthenticated(&format!("failure {n}"), app.login("bithu.dk", "sai-mat-khau", OFFICE));
        }
        for (password, what) in [(PASSWORD, "the right password"), ("sai-mat-khau", "a wrong one")] {
            match app.login("bithu.dk", password, OFFICE) {
                Err(e @ AppError::Throttled { minutes }) => {
                    assert_eq!(minutes, THROTTLE_MINUTES);
                    assert_eq!(e.to_string(), "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");
                }
                other => panic!("{what} after {MAX_FAILURES} failures: {other:?}"),
            }
        }
        ok("another account", app.login("dk.admin", PASSWORD, OFFICE));
        // Whoever guessed cannot lock the owner out: from another address the account opens.
        ok("the owner elsewhere", app.login("bithu.dk", PASSWORD, "10.0.0.77"));
        // Failures before a successful login are forgiven.
        for round in 0..2 {
            for n in 0..MAX_FAILURES - 1 {
                is_unauthenticated(
                    &format!("round {round}, failure {n}"),
                    app.login("dk.admin", "sai", OFFICE),
                );
            }
            ok(&format!("round {round}"), app.login("dk.admin", PASSWORD, OFFICE));
        }
    });
}

#[test]
fn a_session_resolves_until_logout() {
    each_backend(|db| {
        let app = setup(db);
        let sessions_of =
            |db: &coso_store::Db| stored(db, |c| sessions::table.select(sessions::id_hash).load(c));
        let earlier = sessions_of(db).len();
        let first = ok("login", app.login("bithu.dk", PASSWORD, OFFICE));
        let second = ok("login", app.login("bithu.dk", PASSWORD, OFFICE));
        assert_ne!(first.token, second.token);
        let (actor, csrf) = ok("session", app.session(&first.token));
        assert_eq!(
            (actor.username.as_str(), actor.scope_path.clone()),
            ("bithu.dk", first.actor.scope_path.clone())
        );
        assert_eq!(csrf, first.csrf_token);
        is_unauthenticated("a made-up token", app.session("khong-phai-ma-phien"));
        // The cookie value is kept only as a hash.
        let kept = sessions_of(db);
        assert_eq!(kept.len(), earlier + 2);
        assert!(!kept.contains(&first.token) && !kept.contains(&second.token));
        ok("logout", app.logout(&first.token));
        assert_eq!(sessions_of(db).len(), earlier + 1);
        is_unauthenticated("after logout", app.session(&first.token));
        assert_eq!(ok("the other session", app.session(&second.token)).1, second.csrf_token);
    });
}

#[test]
fn api_tokens_work_until_revoked() {
    each_backend(|db| {
        let app = setup(db);
        let sys = Actor::system();
        let token = ok("token", app.create_token(&sys, "DK.Admin"));
        assert!(token.starts_with("coso_"), "{token}");
        let actor = ok("token actor", app.token_actor(&token));
        assert_eq!((actor.username.as_str(), actor.role), ("dk.admin", Role::OrgAdmin));
        let hashes = stored(db, |c| api_tokens::table.select(api_tokens::token_hash).load(c));
        assert_eq!(hashes.len(), 1);
        assert_ne!(hashes[0], token);
        let other = ok("second token", app.create_token(&sys, "dk.admin"));
        ok("revoke", app.revoke_token(&sys, &token));
        is_unauthenticated("a revoked token", app.token_actor(&token));
        assert_eq!(ok("the other token", app.token_actor(&other)).username, "dk.admin");
        is_unauthenticated("a made-up token", app.token_actor("coso_khong_co"));
        assert!(matches!(app.revoke_token(&sys, "coso_khong_co"), Err(AppError::NotFound(_))));
        assert!(matches!(app.create_token(&sys, "khong.co.ai"), Err(AppError::NotFound(_))));
    });
}

#[test]
fn passwords_are_stored_as_argon2id_hashes() {
    each_backend(|db| {
        setup(db);
        for username in ["bithu.dk", "dk.admin"] {
            let user = db.read(|c| coso_store::accounts::user_by_username(c, username)).unwrap().unwrap();
            assert!(user.password_hash.starts_with("$argon2id$"), "{username}: {}", user.password_hash);
            assert!(!user.password_hash.contains(PASSWORD));
        }
        let a = db.read(|c| coso_store::accounts::user_by_username(c, "bithu.dk")).unwrap().unwrap();
        let b = db.read(|c| coso_store::accounts::user_by_username(c, "dk.admin")).unwrap().unwrap();
        assert_ne!(a.password_hash, b.password_hash, "each password has its own salt");
    });
}

#[test]
fn accounts_are_checked_before_they_are_created() {
    let user = |username: &str, role: &str, org: Option<&str>, password: &str| NewUser {
        username: username.into(),
        display_name: Some("Người dùng".into()),
        role: role.into(),
        org_code: org.map(String::from),
        password: password.into(),
    };
    let cases = [
        (user("ab", "viewer", Some("DK"), PASSWORD), "username"),
        (user("người.dùng", "viewer", Some("DK"), PASSWORD), "username"),
        (user("dk.admin", "viewer", Some("DK"), PASSWORD), "username"),
        (user(" DK.Admin ", "viewer", Some("DK"), PASSWORD), "username"),
        (user("nguoi.moi", "viewer", Some("DK"), "ngan"), "password"),
        (user("nguoi.moi", "thu_ky", Some("DK"), PASSWORD), "role"),
        (user("nguoi.moi", "viewer", None, PASSWORD), "org"),
        (user("nguoi.moi", "viewer", Some("KHONG-CO"), PASSWORD), "org"),
    ];
    each_backend(|db| {
        let app = setup(db);
        let users = || db.read(coso_store::accounts::count_users).unwrap();
        for (input, field) in &cases {
            let before = (users(), audit_rows(db));
            refused_on(app.add_user(&Actor::system(), input.clone()), field);
            assert_eq!((users(), audit_rows(db)), before, "{}", input.username);
        }
        let audits = audit_rows(db);
        ok(
            "a good account",
            app.add_user(&Actor::system(), user("nguoi.moi", "viewer", Some("DK"), PASSWORD)),
        );
        assert_eq!(audit_rows(db), audits + 1);
    });
}

#[test]
fn a_login_sweeps_expired_sessions_and_old_attempts() {
    each_backend(|db| {
        let app = setup(db);
        let live = ok("login", app.login("bithu.dk", PASSWORD, OFFICE));
        let user_id = live.actor.user_id.clone().unwrap();
        let long_ago = coso_store::now() - chrono::Duration::days(40);
        db.write(|c| -> Result<(), StoreError> {
            coso_store::accounts::insert_session(
                c,
                &coso_store::accounts::SessionRow {
                    id_hash: "expired-session".into(),
                    user_id: user_id.clone(),
                    csrf_token: "x".into(),
                    created_at: long_ago,
                    expires_at: long_ago + chrono::Duration::hours(12),
                },
            )?;
            coso_store::accounts::insert_login_attempt(
                c,
                &coso_store::accounts::LoginAttemptRow {
                    id: "old-attempt".into(),
                    username: "bithu.dk".into(),
                    attempted_at: long_ago,
                    succeeded: false,
                    address: OFFICE.into(),
                },
            )
        })
        .unwrap();
        let sessions_of =
            |db: &coso_store::Db| stored(db, |c| sessions::table.select(sessions::id_hash).load(c));
        assert!(sessions_of(db).contains(&"expired-session".to_string()));
        ok("login", app.login("bithu.dk", PASSWORD, OFFICE));
        let kept = sessions_of(db);
        assert!(!kept.contains(&"expired-session".to_string()), "the expired session is gone");
        assert_eq!(ok("the live session", app.session(&live.token)).0.username, "bithu.dk");
        let attempts = stored(db, |c| {
            use coso_store::schema::login_attempts;
            login_attempts::table.select(login_attempts::id).load(c)
        });
        assert!(!attempts.contains(&"old-attempt".to_string()));
    });
}

/// Logins, refused logins and logouts leave audit rows: who, when, which account (issue 7,
/// point 10). A refused login names the account that was tried, known or not.
#[test]
fn logins_refusals_and_logouts_are_audited() {
    each_backend(|db| {
        let app = setup(db);
        let actions = |who: &str| -> Vec<(String, String)> {
            db.read(|c| coso_store::audit::actions_of(c, who)).unwrap()
        };
        // Setting up the accounts logged them in once.
        let earlier = actions("bithu.dk").len();
        is_unauthenticated("wrong password", app.login("bithu.dk", "sai-mat-khau", OFFICE));
        is_unauthenticated("no such account", app.login("khong.co", "sai-mat-khau", OFFICE));
        let session = app.login("bithu.dk", PASSWORD, OFFICE).unwrap();
        app.logout(&session.token).unwrap();
        assert_eq!(
            actions("bithu.dk")[earlier..],
            [
                ("login_refused".to_string(), "user".to_string()),
                ("login".into(), "user".into()),
                ("logout".into(), "user".into())
            ]
        );
        assert_eq!(actions("khong.co"), [("login_refused".to_string(), "user".to_string())]);
    });
}

/// An address that guesses at many accounts is held back from all of them.
#[test]
fn a_noisy_address_waits_whatever_account_it_tries() {
    each_backend(|db| {
        let app = setup(db);
        let noisy = "10.0.0.99";
        for n in 0..coso_app::auth::MAX_ADDRESS_FAILURES {
            let name = format!("doan.{n}");
            is_unauthenticated(&name, app.login(&name, "sai-mat-khau", noisy));
        }
        assert!(matches!(app.login("bithu.dk", PASSWORD, noisy), Err(AppError::Throttled { .. })));
        ok("the same account from the office", app.login("bithu.dk", PASSWORD, OFFICE));
    });
}
