//! Issue 9.7: two coso servers on one database, each with its own pool, as two processes
//! behind a load balancer without sticky routing would be: a session opened on one is
//! recognized by the other, logging out on one ends it on both, and failed logins spread over
//! both are counted together.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::{ADMIN, client, fixture, runtime, spawn};
use coso_testkit::TestDb;

/// Tries to log in; the answer's status and page.
async fn try_login(c: &reqwest::Client, base: &str, password: &str) -> (u16, String) {
    let page = c.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let csrf = common::csrf_of(&page);
    let form = [("username", ADMIN.0), ("password", password), ("_csrf", csrf.as_str())];
    let res = c.post(format!("{base}/login")).form(&form).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

fn two_servers_share_sessions_and_throttling(test_db: &TestDb) {
    runtime().block_on(async {
        // Server A on the test database's pool, server B on a pool of its own.
        let a = spawn(&test_db.db).await;
        let other = coso_store::Db::connect(&test_db.url).unwrap();
        let b = spawn(&other).await;
        fixture(&a.app);

        // One browser: its cookie goes to whichever server answers (same host, other port).
        let c = client();
        common::login(&c, &a.base, ADMIN).await;
        let res = c.get(format!("{}/orgs", b.base)).send().await.unwrap();
        assert_eq!(res.status(), 200, "a session opened on A is recognized by B");
        let page = res.text().await.unwrap();
        assert!(page.contains("Đảng bộ phường Đông Kinh Thử"));

        // Logging out on B ends the session on A too.
        let csrf = common::csrf_of(&page);
        let res =
            c.post(format!("{}/logout", b.base)).form(&[("_csrf", csrf.as_str())]).send().await.unwrap();
        assert_eq!(res.status(), 303);
        let res = c.get(format!("{}/orgs", a.base)).send().await.unwrap();
        assert_eq!(res.status(), 303, "after logging out on B, A asks for a login");

        // Five wrong passwords, alternating servers, lock the account on both.
        let fresh = client();
        for (i, base) in [&a.base, &b.base, &a.base, &b.base, &a.base].into_iter().enumerate() {
            let (status, page) = try_login(&fresh, base, "sai-mat-khau").await;
            assert_eq!(status, 401, "attempt {}", i + 1);
            assert!(page.contains("Tên đăng nhập hoặc mật khẩu không đúng."), "attempt {}", i + 1);
        }
        for base in [&a.base, &b.base] {
            let (status, page) = try_login(&fresh, base, ADMIN.1).await;
            assert_eq!(status, 401, "{base}");
            assert!(
                page.contains("Đăng nhập sai quá nhiều lần"),
                "{base}: the right password waits after five failures: {page}"
            );
        }
    });
}

#[test]
fn two_servers_on_one_database_share_sessions_and_login_throttling() {
    eprintln!("-- on sqlite");
    two_servers_share_sessions_and_throttling(&coso_testkit::sqlite());
    match coso_testkit::postgres_url() {
        Some(url) => {
            eprintln!("-- on postgres");
            two_servers_share_sessions_and_throttling(&coso_testkit::postgres(&url));
        }
        None => eprintln!("-- postgres skipped: COSO_TEST_POSTGRES_URL is not set"),
    }
}
