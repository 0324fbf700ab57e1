//! Browser tests in headless Chromium (through chromedriver), run when COSO_E2E=1: the main
//! paths a user walks, with a screenshot of every page at desktop and phone widths.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};

fn enabled() -> bool {
    std::env::var("COSO_E2E").is_ok_and(|v| v == "1")
}

/// chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn start_driver() -> Driver {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver is installed (apt-get install chromium chromium-driver)");
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Driver { child, url }
}

async fn browser(driver: &Driver, profile: &std::path::Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=vi-VN", "--window-size=1280,900",
                format!("--user-data-dir={}", profile.display()),
            ]
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("chromium starts through chromedriver")
}

fn shots_dir() -> std::path::PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("e2e");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Saves the page at desktop and phone widths.
async fn shoot(c: &Client, name: &str) {
    let dir = shots_dir();
    for (label, w, h) in [("desktop", 1280, 900), ("phone", 390, 844)] {
        c.set_window_size(w, h).await.unwrap();
        tokio::time::sleep(Duration::from_millis(150)).await;
        let png = c.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}-{label}.png")), png).unwrap();
    }
    c.set_window_size(1280, 900).await.unwrap();
}

async fn fill(c: &Client, id: &str, value: &str) {
    let field = c.find(Locator::Id(id)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
}

/// Sets a date input through script: typing into date inputs depends on the browser locale.
async fn set_value(c: &Client, id: &str, value: &str) {
    c.execute(
        "document.getElementById(arguments[0]).value = arguments[1];",
        vec![serde_json::json!(id), serde_json::json!(value)],
    )
    .await
    .unwrap();
}

async fn body_text(c: &Client) -> String {
    c.find(Locator::Css("body")).await.unwrap().text().await.unwrap()
}

#[test]
fn a_secretary_logs_in_finds_a_member_and_enters_a_new_one() {
    if !enabled() {
        eprintln!("browser test skipped: set COSO_E2E=1 (needs chromium and chromedriver)");
        return;
    }
    let test_db = coso_testkit::sqlite();
    common::runtime().block_on(async {
        let run = common::spawn(&test_db.db).await;
        let summary = run.app.load_demo().expect("demo loads");
        assert!(summary.members > 1000);
        let driver = start_driver().await;
        let profile = std::env::temp_dir().join(format!("coso-e2e-{}", uuid::Uuid::new_v4()));
        let c = browser(&driver, &profile).await;
        let outcome = walk(&c, &run.base).await;
        let _ = c.close().await;
        let _ = std::fs::remove_dir_all(&profile);
        outcome
    });
}

async fn walk(c: &Client, base: &str) {
    // Log in.
    c.goto(&format!("{base}/login")).await.unwrap();
    shoot(c, "01-login").await;
    fill(c, "username", "thanhuy").await;
    fill(c, "password", "thanhuy123").await;
    c.find(Locator::Css("button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Id("tree")).await.unwrap();

    // The tree as of the seed's date: 73 basic organizations.
    c.goto(&format!("{base}/orgs?as_of=2021-10-17")).await.unwrap();
    let text = body_text(c).await;
    assert!(text.contains("73"), "the tree shows 73 TCCSĐ on 17/10/2021");
    assert!(text.contains("Đảng bộ phường Hoàng Văn Thụ"));
    shoot(c, "02-tree").await;

    // An organization page.
    c.goto(&format!("{base}/orgs/LS-HVT-K9")).await.unwrap();
    assert!(body_text(c).await.contains("Chi bộ khối 9"));
    shoot(c, "03-org-khoi-9").await;

    // Find a member by a name typed without diacritics: take a real name from the register.
    c.goto(&format!("{base}/members?org=LS-HVT-K9")).await.unwrap();
    let first = c.find(Locator::Css("#results tbody tr td a")).await.unwrap().text().await.unwrap();
    let typed = coso_domain::text::fold(&first);
    c.goto(&format!("{base}/members")).await.unwrap();
    shoot(c, "04-members").await;
    fill(c, "q", &typed).await;
    c.wait()
        .for_element(Locator::XPath(&format!("//div[@id='results']//a[normalize-space()='{first}']")))
        .await
        .unwrap();
    shoot(c, "05-members-search").await;

    // Enter a new member in Chi bộ khối 9.
    c.goto(&format!("{base}/members/new?org=LS-HVT-K9")).await.unwrap();
    fill(c, "full_name", "Hà Thị Thử Nghiệm").await;
    set_value(c, "born_on", "1996-08-15").await;
    c.find(Locator::Css("#sex option[value=female]")).await.unwrap().click().await.unwrap();
    fill(c, "cccd", "020196009999").await;
    set_value(c, "admitted_on", "2021-05-19").await;
    fill(c, "decision_number", "88-QĐ/ĐU").await;
    shoot(c, "06-member-form").await;
    c.find(Locator::Css("#member-form button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Id("events")).await.unwrap();
    let text = body_text(c).await;
    assert!(text.contains("Hà Thị Thử Nghiệm"));
    assert!(text.contains("Dự bị"));
    shoot(c, "07-member").await;

    // A bad CCCD is answered next to the field, in Vietnamese.
    c.goto(&format!("{base}/members/new?org=LS-HVT-K9")).await.unwrap();
    fill(c, "full_name", "Hà Văn Sai").await;
    set_value(c, "born_on", "1990-01-01").await;
    c.find(Locator::Css("#sex option[value=male]")).await.unwrap().click().await.unwrap();
    fill(c, "cccd", "0201").await;
    set_value(c, "admitted_on", "2021-05-19").await;
    fill(c, "decision_number", "89-QĐ/ĐU").await;
    c.find(Locator::Css("#member-form button[type=submit]")).await.unwrap().click().await.unwrap();
    let err = c.wait().for_element(Locator::Id("cccd-error")).await.unwrap();
    assert_eq!(err.text().await.unwrap(), "Số CCCD phải gồm đúng 12 chữ số.");
    shoot(c, "08-member-form-error").await;
}
