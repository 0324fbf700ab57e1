//! Issue 9.7: two coso servers on one database, each with its own pool, as two processes
//! behind a load balancer without sticky routing would be: a session opened on one is
//! recognized by the other, logging out on one ends it on both, and failed logins spread over
//! both are counted together; the same behind a real nginx (Debian's) sending requests to both
//! in turn; and the client address that throttling counts comes from X-Forwarded-For only when
//! a trusted proxy sent it.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::net::IpAddr;

use common::{ADMIN, client, fixture, runtime, spawn, spawn_behind};
use coso_testkit::TestDb;
use coso_web::Proxies;

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

/// Tries to log in as `username` with `password`, sending `forwarded` as X-Forwarded-For.
async fn login_from(base: &str, username: &str, password: &str, forwarded: &str) -> (u16, String) {
    let c = client();
    let page = c.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let csrf = common::csrf_of(&page);
    let form = [("username", username), ("password", password), ("_csrf", csrf.as_str())];
    let res = c
        .post(format!("{base}/login"))
        .header("x-forwarded-for", forwarded)
        .form(&form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// Twenty failed logins at twenty accounts, each claiming another address, then the right
/// password: whether the address was locked out.
async fn locked_after_spoofed_failures(base: &str) -> bool {
    for i in 0..coso_app::auth::MAX_ADDRESS_FAILURES {
        let (status, _) = login_from(base, &format!("khong-co-{i}"), "sai", &format!("198.51.100.{i}")).await;
        assert_eq!(status, 401);
    }
    let (status, page) = login_from(base, ADMIN.0, ADMIN.1, "198.51.100.250").await;
    match status {
        303 => false,
        401 if page.contains("Đăng nhập sai quá nhiều lần") => true,
        other => panic!("unexpected answer {other}: {page}"),
    }
}

#[test]
fn a_client_chooses_its_address_only_through_a_trusted_proxy() {
    let loopback: IpAddr = "127.0.0.1".parse().unwrap();
    runtime().block_on(async {
        // Straight to coso: the header is the client's own say, and changes nothing.
        let direct = coso_testkit::sqlite();
        let a = spawn(&direct.db).await;
        fixture(&a.app);
        assert!(locked_after_spoofed_failures(&a.base).await, "a direct client cannot rotate its address");

        // Behind a proxy at 127.0.0.1 (the test plays the proxy): the header names the client.
        let proxied = coso_testkit::sqlite();
        let b = spawn_behind(&proxied.db, Proxies::new([loopback])).await;
        fixture(&b.app);
        assert!(!locked_after_spoofed_failures(&b.base).await, "the proxy's clients are told apart");
    });
}

/// nginx from Debian, when installed (CI installs it): `None` says why the test is skipped.
fn nginx() -> Option<std::path::PathBuf> {
    ["/usr/sbin/nginx", "/usr/bin/nginx"].iter().map(std::path::PathBuf::from).find(|p| p.exists())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// nginx on a free port in front of `backends` (host:port), in turn, with no stickiness; it
/// appends the client to X-Forwarded-For and names the backend that answered in X-Upstream.
struct Nginx {
    child: std::process::Child,
    base: String,
    _dir: Scratch,
}

/// nginx's folder (configuration, pid, temporary files), removed when dropped.
struct Scratch(std::path::PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Nginx {
    fn start(binary: &std::path::Path, backends: &[&str]) -> Nginx {
        let dir = std::env::temp_dir().join(format!("coso-nginx-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let port = free_port();
        let servers: String = backends.iter().map(|b| format!("server {b};")).collect();
        let d = dir.display();
        let conf = format!(
            "worker_processes 1; daemon off; pid {d}/nginx.pid; error_log {d}/error.log;\n\
             events {{ worker_connections 64; }}\n\
             http {{ access_log off; client_body_temp_path {d}/body; proxy_temp_path {d}/proxy;\n\
             fastcgi_temp_path {d}/fcgi; uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;\n\
             upstream coso {{ {servers} }}\n\
             server {{ listen 127.0.0.1:{port}; location / {{ proxy_pass http://coso;\n\
             proxy_set_header Host $http_host;\n\
             proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n\
             add_header X-Upstream $upstream_addr always; }} }} }}\n"
        );
        let path = dir.join("nginx.conf");
        std::fs::write(&path, conf).unwrap();
        let child = std::process::Command::new(binary)
            .arg("-p")
            .arg(&dir)
            .arg("-c")
            .arg(&path)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Nginx { child, base, _dir: Scratch(dir) }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn behind_nginx(binary: &std::path::Path, test_db: &TestDb) {
    let loopback: IpAddr = "127.0.0.1".parse().unwrap();
    runtime().block_on(async {
        let a = spawn_behind(&test_db.db, Proxies::new([loopback])).await;
        let other = coso_store::Db::connect(&test_db.url).unwrap();
        let b = spawn_behind(&other, Proxies::new([loopback])).await;
        fixture(&a.app);
        let hosts = [a.base.trim_start_matches("http://"), b.base.trim_start_matches("http://")];
        let nginx = Nginx::start(binary, &hosts);

        // Logged in through nginx, a browser stays logged in whichever server answers.
        let c = client();
        common::login(&c, &nginx.base, ADMIN).await;
        let mut answered = std::collections::BTreeSet::new();
        for _ in 0..6 {
            let res = c.get(format!("{}/orgs", nginx.base)).send().await.unwrap();
            assert_eq!(res.status(), 200, "logged in through nginx");
            let upstream =
                res.headers().get("x-upstream").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
            answered.insert(upstream);
        }
        let want: std::collections::BTreeSet<String> = hosts.iter().map(|h| h.to_string()).collect();
        assert_eq!(answered, want, "nginx sent the requests to both servers");

        // Five wrong passwords through nginx, each claiming another address: nginx appends the
        // real one, which both servers count, and the account is locked on both.
        for i in 0..coso_app::auth::MAX_FAILURES {
            let (status, _) = login_from(&nginx.base, ADMIN.0, "sai", &format!("203.0.113.{i}")).await;
            assert_eq!(status, 401, "attempt {}", i + 1);
        }
        for _ in 0..2 {
            let (status, page) = login_from(&nginx.base, ADMIN.0, ADMIN.1, "203.0.113.99").await;
            assert_eq!(status, 401);
            assert!(page.contains("Đăng nhập sai quá nhiều lần"), "{page}");
        }
    });
}

#[test]
fn two_servers_behind_nginx_share_sessions_and_throttling() {
    let Some(binary) = nginx() else {
        eprintln!("-- skipped: nginx is not installed (apt-get install nginx-light)");
        return;
    };
    eprintln!("-- on sqlite");
    behind_nginx(&binary, &coso_testkit::sqlite());
    match coso_testkit::postgres_url() {
        Some(url) => {
            eprintln!("-- on postgres");
            behind_nginx(&binary, &coso_testkit::postgres(&url));
        }
        None => eprintln!("-- postgres skipped: COSO_TEST_POSTGRES_URL is not set"),
    }
}
