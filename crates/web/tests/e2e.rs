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
        let summary = coso_demo::load(&run.app).expect("demo loads");
        assert!(summary.members > 1000);
        let driver = start_driver().await;
        let profile = std::env::temp_dir().join(format!("coso-e2e-{}", uuid::Uuid::new_v4()));
        let c = browser(&driver, &profile).await;
        walk(&c, &run.base).await;
        reports(&c, &run.base).await;
        let outcome = secretary_records_a_meeting(&c, &run.base).await;
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
    fill(c, "cccd", "000196009999").await;
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
    fill(c, "cccd", "0001").await;
    set_value(c, "admitted_on", "2021-05-19").await;
    fill(c, "decision_number", "89-QĐ/ĐU").await;
    c.find(Locator::Css("#member-form button[type=submit]")).await.unwrap().click().await.unwrap();
    let err = c.wait().for_element(Locator::Id("cccd-error")).await.unwrap();
    assert_eq!(
        err.text().await.unwrap(),
        "Số CCCD phải gồm đúng 12 chữ số. (Căn cứ: Luật Căn cước 2023, Điều 12)"
    );
    shoot(c, "08-member-form-error").await;
}

/// The city board reads the meeting reports of the seed's period.
async fn reports(c: &Client, base: &str) {
    c.goto(&format!("{base}/orgs/LS-HVT/compliance?from=2021-01-01&to=2021-10-17")).await.unwrap();
    c.wait().for_element(Locator::Id("cells")).await.unwrap();
    let text = body_text(c).await;
    assert!(text.contains("Tình hình sinh hoạt chi bộ"));
    assert!(text.contains("Chi bộ khối 9"));
    c.find(Locator::Css("#attendance-chart svg")).await.expect("the attendance chart is drawn");
    shoot(c, "09-compliance-hoang-van-thu").await;

    c.goto(&format!("{base}/superiors?from=2019-05-29&to=2021-10-17&year=2021")).await.unwrap();
    let total: i64 =
        c.find(Locator::Id("total-attendances")).await.unwrap().text().await.unwrap().parse().unwrap();
    assert!(total > 120, "city committee members attended over 120 meetings from 29/5/2019 to 17/10/2021");
    c.find(Locator::Css("#quota-chart svg")).await.expect("the quota chart is drawn");
    shoot(c, "10-superiors").await;
}

/// The secretary of Chi bộ khối 9 records this month's meeting with two absentees from a
/// phone-sized form, then downloads its minutes.
async fn secretary_records_a_meeting(c: &Client, base: &str) {
    c.delete_all_cookies().await.unwrap();
    c.goto(&format!("{base}/login")).await.unwrap();
    fill(c, "username", "khoi9").await;
    fill(c, "password", "khoi9bithu").await;
    c.find(Locator::Css("button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Id("tree")).await.unwrap();

    c.goto(&format!("{base}/orgs/LS-HVT-K9")).await.unwrap();
    c.find(Locator::Css("main a[href='/orgs/LS-HVT-K9/meetings']")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::LinkText("Ghi biên bản sinh hoạt")).await.unwrap();
    shoot(c, "11-meetings-khoi-9").await;
    c.find(Locator::LinkText("Ghi biên bản sinh hoạt")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Id("meeting-form")).await.unwrap();

    // A day of this month: the attendance section is reloaded for it.
    let today = coso_app::today();
    let day = chrono::Datelike::with_day(&today, 1).unwrap();
    c.execute("document.getElementById('attendance').setAttribute('data-stale', '1');", vec![])
        .await
        .unwrap();
    set_value(c, "held_on", &day.to_string()).await;
    c.execute(
        "document.getElementById('held_on').dispatchEvent(new Event('change', {bubbles: true}));",
        vec![],
    )
    .await
    .unwrap();
    c.wait().for_element(Locator::Css("#attendance:not([data-stale])")).await.unwrap();
    fill(c, "topic", "Kiểm điểm công tác tháng, triển khai nhiệm vụ tháng tới").await;
    fill(c, "venue", "Nhà văn hóa khối 9").await;
    fill(c, "chair", "Bí thư chi bộ").await;
    fill(c, "minute_taker", "Thư ký chi bộ").await;
    let rows = c.find_all(Locator::Css("#attendance li.attend")).await.unwrap();
    assert!(rows.len() > 5, "Chi bộ khối 9 has its roll");
    let mut absent = Vec::new();
    for (row, choice) in rows.iter().zip(["excused", "unexcused"]) {
        let legend = row.find(Locator::Css("legend")).await.unwrap().text().await.unwrap();
        absent.push(legend.split(" · ").next().unwrap().trim().to_string());
        row.find(Locator::Css(&format!("label.{choice}"))).await.unwrap().click().await.unwrap();
    }
    let reason = rows[0].find(Locator::Css(".reason input")).await.unwrap();
    reason.send_keys("Ốm").await.unwrap();
    c.execute("window.scrollTo(0, 0);", vec![]).await.unwrap();
    shoot(c, "12-meeting-form").await;
    c.execute("document.getElementById('attendance').scrollIntoView();", vec![]).await.unwrap();
    shoot(c, "13-meeting-form-attendance").await;

    c.find(Locator::Css("#meeting-form button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("#minutes, .alert.error")).await.unwrap();
    let text = body_text(c).await;
    assert!(c.find(Locator::Id("minutes")).await.is_ok(), "the meeting is recorded: {text}");
    for name in &absent {
        assert!(text.contains(name.as_str()), "{name} is listed absent");
    }
    assert!(text.contains("Ốm"));
    assert!(text.contains("Tải biên bản (Word)"));
    shoot(c, "14-meeting").await;
    // The page prints as the minutes (A4, print stylesheet): kept beside the screenshots.
    let pdf = c.print(fantoccini::wd::PrintConfiguration::builder().build().unwrap()).await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    std::fs::write(shots_dir().join("14-meeting-print.pdf"), pdf).unwrap();

    // The minutes as Word, fetched with the browser's session.
    let url = c.current_url().await.unwrap();
    let id = url.path().strip_prefix("/meetings/").unwrap().to_string();
    let cookies = c.get_all_cookies().await.unwrap();
    let session = cookies.iter().find(|k| k.name() == "coso_session").expect("a session cookie");
    let res = reqwest::Client::new()
        .get(format!("{base}/meetings/{id}/minutes.docx"))
        .header("cookie", format!("coso_session={}", session.value()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(res.bytes().await.unwrap().starts_with(b"PK"));

    // The secretary's own compliance page is the top of the "Sinh hoạt chi bộ" menu.
    c.find(Locator::Css("nav a[href='/compliance']")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Id("cells")).await.unwrap();
    assert!(body_text(c).await.contains("Chi bộ khối 9"));
    shoot(c, "15-compliance-khoi-9").await;

    // A meeting recorded by mistake is deleted from its page with a reason; the register
    // lists it as deleted.
    c.goto(&format!("{base}/meetings/{id}")).await.unwrap();
    c.find(Locator::Css("#delete summary")).await.unwrap().click().await.unwrap();
    fill(c, "reason", "Ghi thử, không phải cuộc sinh hoạt thật").await;
    shoot(c, "16-meeting-delete").await;
    c.find(Locator::Css("#delete button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Id("deleted")).await.unwrap();
    assert!(body_text(c).await.contains("Ghi thử, không phải cuộc sinh hoạt thật"));
    c.execute("document.getElementById('deleted').scrollIntoView();", vec![]).await.unwrap();
    shoot(c, "17-meetings-deleted").await;
}
