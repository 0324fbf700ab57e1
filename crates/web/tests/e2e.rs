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
                "--disable-dev-shm-usage", "--lang=vi-VN", "--window-size=1366,900",
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

/// Where screenshots go: `target/e2e/` for SQLite, `target/e2e/postgres/` for PostgreSQL.
static SHOTS: std::sync::Mutex<Option<std::path::PathBuf>> = std::sync::Mutex::new(None);

fn shots_dir() -> std::path::PathBuf {
    if let Some(dir) = SHOTS.lock().unwrap().clone() {
        return dir;
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("e2e");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn shots_for(backend: coso_store::BackendKind) {
    *SHOTS.lock().unwrap() = None;
    let mut dir = shots_dir();
    if backend == coso_store::BackendKind::Postgres {
        dir = dir.join("postgres");
    }
    std::fs::create_dir_all(&dir).unwrap();
    *SHOTS.lock().unwrap() = Some(dir);
}

const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1366, 900);

/// Saves the page at desktop and phone widths, then gives the window its size back. At the
/// phone's width the page must fit: nothing wider than the screen but inside a scroller.
async fn shoot(c: &Client, name: &str) {
    let dir = shots_dir();
    let (_, _, w0, h0) = c.get_window_rect().await.unwrap();
    for (label, (w, h)) in [("desktop", DESKTOP), ("phone", PHONE)] {
        c.set_window_size(w, h).await.unwrap();
        // A resize loses the scroll: the field being typed in comes back into view.
        c.execute(
            "var f = document.activeElement; \
             if (f && f !== document.body && f.closest('main')) { f.scrollIntoView({block: 'center'}); }",
            vec![],
        )
        .await
        .unwrap();
        tokio::time::sleep(Duration::from_millis(150)).await;
        let png = c.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}-{label}.png")), png).unwrap();
        if label == "phone" {
            let over = c
                .execute("return document.documentElement.scrollWidth - window.innerWidth;", vec![])
                .await
                .unwrap();
            assert!(over.as_i64().unwrap_or(0) <= 0, "{name}: the page is wider than a phone by {over}px");
        }
    }
    c.set_window_size(w0 as u32, h0 as u32).await.unwrap();
}

async fn fill(c: &Client, id: &str, value: &str) {
    let field = c.find(Locator::Id(id)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
}

/// Taps an element as a thumb would: brought to the middle of the screen first, where no
/// sticky bar covers it.
async fn tap(c: &Client, element: &fantoccini::elements::Element) {
    let arg = serde_json::to_value(element).unwrap();
    c.execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg]).await.unwrap();
    element.click().await.unwrap();
}

async fn value_of(c: &Client, id: &str) -> String {
    c.find(Locator::Id(id)).await.unwrap().prop("value").await.unwrap().unwrap_or_default()
}

async fn body_text(c: &Client) -> String {
    c.find(Locator::Css("body")).await.unwrap().text().await.unwrap()
}

/// The demo on each backend, walked as its accounts would: the city board reads the tree and
/// the reports, enters a member; the secretary of Chi bộ khối 9 records, checks, corrects,
/// downloads and deletes a meeting on a phone.
#[test]
fn the_demo_walked_by_its_users_in_a_browser() {
    if !enabled() {
        eprintln!("browser test skipped: set COSO_E2E=1 (needs chromium and chromedriver)");
        return;
    }
    coso_testkit::each_backend(|db| {
        common::runtime().block_on(async {
            shots_for(db.backend());
            let run = common::spawn(db).await;
            let summary = coso_demo::load(&run.app).expect("demo loads");
            assert!(summary.members > 1000);
            let driver = start_driver().await;
            let profile = std::env::temp_dir().join(format!("coso-e2e-{}", uuid::Uuid::new_v4()));
            let c = browser(&driver, &profile).await;
            walk(&c, &run.base).await;
            reports(&c, &run.base).await;
            // Before the walks below change the demo's pilots and classes.
            the_dashboard_and_its_report(&c, &run.base).await;
            secretary_records_a_meeting(&c, &run.base).await;
            a_rating_round_on_a_phone(&c, &run.base).await;
            a_pilot_and_a_trainee_list(&c, &run.base).await;
            a_register_in_and_out_on_a_phone(&c, &run.base, &run.app).await;
            let _ = c.close().await;
            let _ = std::fs::remove_dir_all(&profile);
        })
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
    // Opening a ward loads its cells (a level at a time, issue 9).
    assert!(!text.contains("Chi bộ khối 9"), "cells load when their ward is opened");
    c.find(Locator::XPath(
        "//ul[@id='tree']//summary[.//a[normalize-space()='Đảng bộ phường Hoàng Văn Thụ']]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    c.wait()
        .for_element(Locator::XPath("//ul[@id='tree']//details[@open]//a[normalize-space()='Chi bộ khối 9']"))
        .await
        .unwrap();
    shoot(c, "02-tree-ward-open").await;

    // An organization page.
    c.goto(&format!("{base}/orgs/LS-HVT-K9")).await.unwrap();
    assert!(body_text(c).await.contains("Chi bộ khối 9"));
    shoot(c, "03-org-khoi-9").await;

    // A ward's committee: a position is recorded for a member picked by typing part of a name.
    c.goto(&format!("{base}/orgs/LS-HVT")).await.unwrap();
    c.find(Locator::Css("#position summary")).await.unwrap().click().await.unwrap();
    fill(c, "member_id-search", "be thi").await;
    let choice = c.wait().for_element(Locator::Css("#member_id-list li[data-value]")).await.unwrap();
    let name = choice.attr("data-label").await.unwrap().unwrap();
    shoot(c, "03b-org-position-picker").await;
    choice.click().await.unwrap();
    assert_eq!(value_of(c, "member_id-search").await, name);
    assert!(!value_of(c, "member_id").await.is_empty(), "the member's id goes with the form");

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

    // Enter a new member in Chi bộ khối 9, chosen by typing part of its name.
    c.goto(&format!("{base}/members/new")).await.unwrap();
    fill(c, "org_code-search", "khoi 9").await;
    let choice =
        c.wait().for_element(Locator::Css("#org_code-list li[data-value='LS-HVT-K9']")).await.unwrap();
    shoot(c, "06a-member-form-picker").await;
    choice.click().await.unwrap();
    assert_eq!(value_of(c, "org_code").await, "LS-HVT-K9");
    assert_eq!(value_of(c, "org_code-search").await, "Chi bộ khối 9");
    fill(c, "full_name", "Hà Thị Thử Nghiệm").await;
    fill(c, "born_on", "15081996").await;
    c.find(Locator::Css("#sex option[value=female]")).await.unwrap().click().await.unwrap();
    fill(c, "cccd", "000196009999").await;
    fill(c, "admitted_on", "19/05/2021").await;
    assert_eq!(value_of(c, "born_on").await, "15/08/1996", "the number pad's digits get their slashes");
    assert_eq!(value_of(c, "admitted_on").await, "19/05/2021", "typed slashes are not doubled");
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
    fill(c, "born_on", "01/01/1990").await;
    c.find(Locator::Css("#sex option[value=male]")).await.unwrap().click().await.unwrap();
    fill(c, "cccd", "0001").await;
    fill(c, "admitted_on", "19052021").await;
    fill(c, "decision_number", "89-QĐ/ĐU").await;
    c.find(Locator::Css("#member-form button[type=submit]")).await.unwrap().click().await.unwrap();
    let err = c.wait().for_element(Locator::Id("cccd-error")).await.unwrap();
    assert_eq!(
        err.text().await.unwrap(),
        "Số CCCD phải gồm đúng 12 chữ số. (Căn cứ: Luật Căn cước 2023, Điều 12)"
    );
    shoot(c, "08-member-form-error").await;
}

/// The city board reads the meeting reports: with no dates asked, they open on the demo's
/// period and its real figures, and fit a phone.
async fn reports(c: &Client, base: &str) {
    c.goto(&format!("{base}/compliance")).await.unwrap();
    c.wait().for_element(Locator::Id("cells")).await.unwrap();
    let text = body_text(c).await;
    assert!(text.contains("từ 01/01/2021 đến 17/10/2021"), "the demo's period: {text}");
    let compliant: i64 =
        c.find(Locator::Css(".stat-ok .value")).await.unwrap().text().await.unwrap().parse().unwrap();
    assert!(compliant > 100, "most cells keep the rules in the demo");
    assert!(text.contains("Hiển thị 1–30 trong"), "a long list is paged");
    shoot(c, "09-compliance-city").await;

    // Only the cells with findings, by a tap on the filter; a chip tells its rule on a tap.
    c.find(Locator::Css("#filter label[for=only]")).await.unwrap().click().await.unwrap();
    c.find(Locator::Css("#filter button[type=submit]")).await.unwrap().click().await.unwrap();
    // The box is ticked before the form is sent: wait for the filtered page itself.
    for _ in 0..100 {
        if c.current_url().await.unwrap().query().is_some_and(|q| q.contains("only=")) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    c.wait().for_element(Locator::Css("#only:checked")).await.unwrap();
    let rows = c.find_all(Locator::Css("#cells tbody tr")).await.unwrap();
    assert!(!rows.is_empty());
    assert!(
        c.find_all(Locator::Css("#cells tbody tr.ok")).await.unwrap().is_empty(),
        "only cells with findings"
    );
    c.set_window_size(PHONE.0, PHONE.1).await.unwrap();
    let chip = c.find(Locator::Css("#cells details.chip summary")).await.unwrap();
    chip.click().await.unwrap();
    let explain = c.find(Locator::Css("#cells details.chip[open] .explain")).await.unwrap();
    assert!(explain.text().await.unwrap().contains("HD/BTCTW"), "the rule is cited");
    c.execute("document.querySelector('#cells details.chip[open]').scrollIntoView();", vec![]).await.unwrap();
    shoot(c, "09b-compliance-findings").await;
    c.set_window_size(DESKTOP.0, DESKTOP.1).await.unwrap();

    c.goto(&format!("{base}/orgs/LS-HVT/compliance")).await.unwrap();
    c.wait().for_element(Locator::Id("cells")).await.unwrap();
    let text = body_text(c).await;
    assert!(text.contains("Chi bộ khối 9"));
    c.find(Locator::Css("#attendance-chart svg")).await.expect("the attendance chart is drawn");
    shoot(c, "09c-compliance-hoang-van-thu").await;

    c.goto(&format!("{base}/superiors")).await.unwrap();
    assert!(body_text(c).await.contains("Định mức năm 2021"), "the demo's year");
    let total: i64 =
        c.find(Locator::Id("total-attendances")).await.unwrap().text().await.unwrap().parse().unwrap();
    assert!(total > 50, "city committee members attended cells in 2021: {total}");
    c.find(Locator::Css("#quota-chart svg")).await.expect("the quota chart is drawn");
    shoot(c, "10-superiors").await;
    c.goto(&format!("{base}/superiors?from=2019-05-29&to=2021-10-17&year=2021")).await.unwrap();
    let total: i64 =
        c.find(Locator::Id("total-attendances")).await.unwrap().text().await.unwrap().parse().unwrap();
    assert!(total > 120, "city committee members attended over 120 meetings from 29/5/2019 to 17/10/2021");
}

/// The secretary of Chi bộ khối 9, on a phone: lands on the cell, records this month's meeting
/// with two absentees in a few taps, sees it confirmed, corrects it, downloads the minutes,
/// and deletes a meeting recorded by mistake.
async fn secretary_records_a_meeting(c: &Client, base: &str) {
    c.delete_all_cookies().await.unwrap();
    c.set_window_size(PHONE.0, PHONE.1).await.unwrap();
    let mut taps = 0;
    c.goto(&format!("{base}/login")).await.unwrap();
    fill(c, "username", "khoi9").await;
    fill(c, "password", "khoi9bithu").await;
    c.find(Locator::Css("button[type=submit]")).await.unwrap().click().await.unwrap();
    taps += 1;
    // Home is the cell, led by "Ghi biên bản sinh hoạt"; nothing the secretary cannot do.
    let record = c.wait().for_element(Locator::Id("record-meeting")).await.unwrap();
    assert!(c.current_url().await.unwrap().path().ends_with("/orgs/LS-HVT-K9"));
    assert!(!body_text(c).await.contains("Thêm đơn vị trực thuộc"));
    shoot(c, "11-home-khoi-9").await;
    record.click().await.unwrap();
    taps += 1;
    c.wait().for_element(Locator::Id("meeting-form")).await.unwrap();

    // The first day of this month, typed on the number pad: the roll is reloaded for it.
    let today = coso_app::today();
    let day = chrono::Datelike::with_day(&today, 1).unwrap();
    // Emptied by script so that only leaving the box (one change event) reloads the roll.
    c.execute(
        "document.getElementById('attendance').setAttribute('data-stale', '1');\
         document.getElementById('held_on').value = '';",
        vec![],
    )
    .await
    .unwrap();
    let held_on = c.find(Locator::Id("held_on")).await.unwrap();
    held_on.send_keys(&day.format("%d%m%Y").to_string()).await.unwrap();
    assert_eq!(value_of(c, "held_on").await, day.format("%d/%m/%Y").to_string());
    fill(c, "topic", "Kiểm điểm công tác tháng, triển khai nhiệm vụ tháng tới").await;
    c.wait().for_element(Locator::Css("#attendance:not([data-stale])")).await.unwrap();
    fill(c, "venue", "Nhà văn hóa khối 9").await;
    fill(c, "minute_taker", "Thư ký chi bộ").await;
    let rows = c.find_all(Locator::Css("#attendance li.attend")).await.unwrap();
    assert!(rows.len() > 5, "Chi bộ khối 9 has its roll");
    let count = || async { c.find(Locator::Id("roll-count")).await.unwrap().text().await.unwrap() };
    assert!(count().await.contains("Vắng 0"), "everyone is present by default");
    let mut absent = Vec::new();
    for (row, choice) in rows.iter().zip(["excused", "unexcused"]) {
        let legend = row.find(Locator::Css("legend")).await.unwrap().text().await.unwrap();
        absent.push(legend.split(" · ").next().unwrap().trim().to_string());
        tap(c, &row.find(Locator::Css(&format!("label.{choice}"))).await.unwrap()).await;
        taps += 1;
    }
    assert!(count().await.contains(&format!("Có mặt {} · Vắng 2 / {}", rows.len() - 2, rows.len())));
    let reason = rows[0].find(Locator::Css(".reason input")).await.unwrap();
    reason.send_keys("Ốm").await.unwrap();
    // The roll call filters by a name typed without diacritics.
    let typed = coso_domain::text::fold(&absent[1]);
    fill(c, "roll-filter", &typed).await;
    let shown = c.find_all(Locator::Css("#roll li.attend:not([hidden])")).await.unwrap();
    assert!(!shown.is_empty() && shown.len() < rows.len(), "the filter narrows the roll");
    c.execute("document.getElementById('roll-filter').scrollIntoView();", vec![]).await.unwrap();
    shoot(c, "13-meeting-form-roll-filter").await;
    fill(c, "roll-filter", "").await;
    let shown = c.find_all(Locator::Css("#roll li.attend:not([hidden])")).await.unwrap();
    assert_eq!(shown.len(), rows.len(), "an empty filter shows the whole roll");
    c.execute("window.scrollTo(0, 0);", vec![]).await.unwrap();
    shoot(c, "12-meeting-form").await;
    c.execute("document.getElementById('attendance').scrollIntoView();", vec![]).await.unwrap();
    shoot(c, "13-meeting-form-attendance").await;

    c.find(Locator::Css("#meeting-form button[type=submit]")).await.unwrap().click().await.unwrap();
    taps += 1;
    assert!(taps < 10, "recorded in {taps} taps");
    c.wait().for_element(Locator::Css("#minutes, .alert.error")).await.unwrap();
    let text = body_text(c).await;
    let saved =
        c.find(Locator::Id("saved")).await.unwrap_or_else(|_| panic!("the save is confirmed: {text}"));
    assert!(saved.text().await.unwrap().contains("Đã lưu biên bản sinh hoạt"));
    assert!(saved.text().await.unwrap().contains("vắng 2"));
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
    let url = c.current_url().await.unwrap();
    let id = url.path().strip_prefix("/meetings/").unwrap().to_string();

    // A mistake is fixed: the second absentee came after all.
    c.find(Locator::LinkText("Sửa")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Id("meeting-form")).await.unwrap();
    let row = c.find(Locator::XPath(&format!("//li[@data-name='{}']", absent[1]))).await.unwrap();
    tap(c, &row.find(Locator::Css("label.present")).await.unwrap()).await;
    assert!(count().await.contains("Vắng 1"));
    c.find(Locator::Css("#meeting-form button[type=submit]")).await.unwrap().click().await.unwrap();
    let saved = c.wait().for_element(Locator::Id("saved")).await.unwrap();
    assert!(saved.text().await.unwrap().contains("Đã lưu các sửa đổi"));
    assert!(saved.text().await.unwrap().contains("vắng 1"));
    shoot(c, "14b-meeting-corrected").await;

    // The minutes as Word, fetched with the browser's session.
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
    c.set_window_size(DESKTOP.0, DESKTOP.1).await.unwrap();
}

async fn login(c: &Client, base: &str, username: &str, password: &str) {
    c.delete_all_cookies().await.unwrap();
    c.goto(&format!("{base}/login")).await.unwrap();
    fill(c, "username", username).await;
    fill(c, "password", password).await;
    c.find(Locator::Css("button[type=submit]")).await.unwrap().click().await.unwrap();
    // The menu is on every page but the login form: the login is through.
    c.wait().for_element(Locator::Css("nav[aria-label='Chức năng chính']")).await.unwrap();
}

/// Checks every rated member's radio of `tier`, as a secretary tapping down the list would.
async fn every_member(c: &Client, tier: &str) {
    c.execute(
        &format!("document.querySelectorAll('#members input[value={tier}]').forEach(function (i) {{ i.checked = true; }});"),
        vec![],
    )
    .await
    .unwrap();
}

/// Issue 10 on a phone: the secretary of Chi bộ khối 9 proposes the cell's rating of 2021 and
/// sees a proposal that breaks a rule refused with its text; the ward's committee re-rates
/// everyone excellent, is refused by the cap on excellent members with 21-HD's point, and
/// decides what the cell proposed; the city board reads the statistics and the cases.
async fn a_rating_round_on_a_phone(c: &Client, base: &str) {
    c.set_window_size(PHONE.0, PHONE.1).await.unwrap();
    login(c, base, "khoi9", "khoi9bithu").await;
    c.goto(&format!("{base}/orgs/LS-HVT-K9/ratings?year=2021")).await.unwrap();
    c.wait().for_element(Locator::Id("rate")).await.unwrap();
    let text = body_text(c).await;
    assert!(
        text.contains("Xếp loại chất lượng năm 2021") && text.contains("Hướng dẫn 21-HD/BTCTW"),
        "{text}"
    );
    assert!(text.contains("Cấp quyết định: Đảng bộ phường Hoàng Văn Thụ"));
    // A secretary proposes; the decision is not theirs to take.
    assert!(c.find(Locator::Css("input[name=stage][value=decided]")).await.is_err());
    shoot(c, "40-rating-round").await;

    // The cell excellent with a member not complete: refused, the rule and its text named.
    tap(c, &c.find(Locator::Css("#unit-tier label.tier-excellent")).await.unwrap()).await;
    every_member(c, "good").await;
    tap(c, &c.find(Locator::Css("#members label.tier-not_complete")).await.unwrap()).await;
    tap(c, &c.find(Locator::Css("#rate button[type=submit]")).await.unwrap()).await;
    let refused = c.wait().for_element(Locator::Id("refused")).await.unwrap();
    let said = refused.text().await.unwrap();
    assert!(
        said.contains("Chi bộ khối 9: Chỉ được Hoàn thành xuất sắc nhiệm vụ khi 100% đảng viên"),
        "{said}"
    );
    assert!(said.contains("Căn cứ: Hướng dẫn 21-HD/BTCTW"), "{said}");
    // The choices come back as they were sent.
    let kept = c.find_all(Locator::Css("#members input[value=not_complete]:checked")).await.unwrap();
    assert_eq!(kept.len(), 1, "the refused form keeps the secretary's choices");
    shoot(c, "41-rating-refused").await;

    // Corrected: all good, one excellent.
    every_member(c, "good").await;
    tap(c, &c.find(Locator::Css("#members label.tier-excellent")).await.unwrap()).await;
    tap(c, &c.find(Locator::Css("#rate button[type=submit]")).await.unwrap()).await;
    let saved = c.wait().for_element(Locator::Id("saved")).await.unwrap();
    assert_eq!(saved.text().await.unwrap(), "Đã lưu bước «Đề xuất».");
    assert!(body_text(c).await.contains("Đề xuất: HTXSNV"), "the proposals are shown");
    shoot(c, "42-rating-proposed").await;

    // The ward re-rates everyone excellent: more than a fifth of its members, refused.
    login(c, base, "hoangvanthu", "hoangvanthu1").await;
    c.goto(&format!("{base}/orgs/LS-HVT-K9/ratings?year=2021")).await.unwrap();
    let decided = c.wait().for_element(Locator::Css("input[name=stage][value=decided]")).await.unwrap();
    assert_eq!(
        decided.prop("checked").await.unwrap().as_deref(),
        Some("true"),
        "the decision is the ward's default"
    );
    every_member(c, "excellent").await;
    tap(c, &c.find(Locator::Css("#rate button[type=submit]")).await.unwrap()).await;
    let said = c.wait().for_element(Locator::Id("refused")).await.unwrap().text().await.unwrap();
    assert!(said.contains("Đảng bộ phường Hoàng Văn Thụ: Số đảng viên hoàn thành xuất sắc"), "{said}");
    assert!(said.contains("vượt quá 20%"), "{said}");
    assert!(said.contains("Căn cứ: Hướng dẫn 21-HD/BTCTW, mục II, điểm 2.3 a)"), "{said}");
    shoot(c, "43-rating-decision-refused").await;

    // It decides what the cell proposed, as the form opens.
    c.goto(&format!("{base}/orgs/LS-HVT-K9/ratings?year=2021")).await.unwrap();
    c.wait().for_element(Locator::Id("rate")).await.unwrap();
    tap(c, &c.find(Locator::Css("#rate button[type=submit]")).await.unwrap()).await;
    let saved = c.wait().for_element(Locator::Id("saved")).await.unwrap();
    assert_eq!(saved.text().await.unwrap(), "Đã lưu bước «Quyết định».");
    assert!(body_text(c).await.contains("Quyết định: HTXSNV"));
    shoot(c, "44-rating-decided").await;

    // The city board: the year's statistics and the cases.
    c.set_window_size(DESKTOP.0, DESKTOP.1).await.unwrap();
    login(c, base, "thanhuy", "thanhuy123").await;
    c.goto(&format!("{base}/ratings?year=2020")).await.unwrap();
    let orgs = c.wait().for_element(Locator::Id("orgs-pct")).await.unwrap().text().await.unwrap();
    let pct: f64 = orgs.trim_end_matches('%').replace(',', ".").parse().unwrap();
    assert!(pct >= 90.0, "{orgs}");
    assert!(c.find(Locator::Id("levels")).await.is_ok());
    shoot(c, "45-rating-statistics").await;
    c.goto(&format!("{base}/cases")).await.unwrap();
    let text = body_text(c).await;
    assert!(text.contains("Khiển trách") && text.contains("Cảnh cáo"), "the demo's decisions are listed");
    shoot(c, "46-cases").await;
}

/// Picks an organization through its picker: types `typed`, taps the choice `code`.
async fn pick_org(c: &Client, name: &str, typed: &str, code: &str) {
    fill(c, &format!("{name}-search"), typed).await;
    let choice =
        c.wait().for_element(Locator::Css(&format!("#{name}-list li[data-value='{code}']"))).await.unwrap();
    tap(c, &choice).await;
    assert_eq!(value_of(c, name).await, code);
}

/// A trainee list as an office writes it, saved where the browser can upload it from.
fn trainee_list(name: &str, rows: &[[&str; 3]]) -> std::path::PathBuf {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, head) in ["Họ và tên", "Ngày sinh", "Giới tính"].iter().enumerate() {
        sheet.write_string(0, col as u16, *head).unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        for (col, v) in row.iter().enumerate() {
            sheet.write_string(i as u32 + 1, col as u16, *v).unwrap();
        }
    }
    let path = std::env::temp_dir().join(format!("coso-e2e-{}-{name}.xlsx", std::process::id()));
    book.save(&path).unwrap();
    path
}

/// Issue 11: the city board picks Chi bộ khối 9 for pilot guidance, gives it a work group and
/// an action (a due day before the day set is refused), then opens a class and imports its
/// trainee list: a file with a bad row is refused with the row named and nothing written, the
/// fixed file is previewed and written.
async fn a_pilot_and_a_trainee_list(c: &Client, base: &str) {
    c.set_window_size(DESKTOP.0, DESKTOP.1).await.unwrap();
    login(c, base, "thanhuy", "thanhuy123").await;
    c.goto(&format!("{base}/pilots")).await.unwrap();
    let by_city = c.wait().for_element(Locator::Id("by-city")).await.unwrap().text().await.unwrap();
    assert_eq!(by_city, "23", "the seed's 23 units picked by the city");
    assert!(body_text(c).await.contains("Đảng bộ phường Đông Kinh"));
    shoot(c, "50-pilots").await;

    tap(c, &c.find(Locator::Css("#new-pilot summary")).await.unwrap()).await;
    pick_org(c, "org_code", "khoi 9", "LS-HVT-K9").await;
    pick_org(c, "selected_by_code", "thanh pho lang son", "LS").await;
    fill(c, "selected_on", "01032021").await;
    tap(c, &c.find(Locator::Css("input[name=weaknesses][value=meeting_quality]")).await.unwrap()).await;
    fill(c, "decision", "99-KH/TU").await;
    shoot(c, "51-pilot-form").await;
    tap(c, &c.find(Locator::Css("#pilot-form button[type=submit]")).await.unwrap()).await;
    c.wait().for_element(Locator::Id("indicator-latest")).await.unwrap();
    assert!(body_text(c).await.contains("Chi bộ khối 9"));

    // The work group: a member picked by typing part of a name.
    tap(c, &c.find(Locator::Css("#followers summary")).await.unwrap()).await;
    fill(c, "membership_id-search", "be thi").await;
    let choice = c.wait().for_element(Locator::Css("#membership_id-list li[data-value]")).await.unwrap();
    let name = choice.attr("data-label").await.unwrap().unwrap();
    tap(c, &choice).await;
    fill(c, "role_note", "Tổ trưởng tổ công tác").await;
    tap(c, &c.find(Locator::Css("#follower-form button[type=submit]")).await.unwrap()).await;
    c.wait()
        .for_element(Locator::XPath(&format!(
            "//section[@id='followers']//strong[normalize-space()='{name}']"
        )))
        .await
        .unwrap();

    // An action due before the day it is set is refused, next to the field.
    tap(c, &c.find(Locator::Css("#actions summary")).await.unwrap()).await;
    fill(c, "title", "Mỗi quý một chuyên đề sinh hoạt").await;
    fill(c, "owner", "Chi ủy chi bộ khối 9").await;
    fill(c, "set_on", "10032021").await;
    fill(c, "due_on", "01032021").await;
    tap(c, &c.find(Locator::Css("#action-form button[type=submit]")).await.unwrap()).await;
    let said = c.wait().for_element(Locator::Css(".alert.error")).await.unwrap().text().await.unwrap();
    assert!(said.contains("Hạn hoàn thành 01/03/2021 trước ngày giao việc 10/03/2021"), "{said}");
    shoot(c, "52-pilot-action-refused").await;
    // The form stays open with the refusal.
    fill(c, "title", "Mỗi quý một chuyên đề sinh hoạt").await;
    fill(c, "owner", "Chi ủy chi bộ khối 9").await;
    fill(c, "set_on", "10032021").await;
    fill(c, "due_on", "30062021").await;
    tap(c, &c.find(Locator::Css("#action-form button[type=submit]")).await.unwrap()).await;
    c.wait()
        .for_element(Locator::XPath(
            "//section[@id='actions']//strong[normalize-space()='Mỗi quý một chuyên đề sinh hoạt']",
        ))
        .await
        .unwrap();
    shoot(c, "53-pilot").await;

    // A class, and its trainee list.
    c.goto(&format!("{base}/training")).await.unwrap();
    let classes = c.wait().for_element(Locator::Id("classes")).await.unwrap().text().await.unwrap();
    assert_eq!(classes, "116", "the seed's classes from 2016 to the article's day");
    shoot(c, "54-training").await;
    tap(c, &c.find(Locator::Css("#new-class summary")).await.unwrap()).await;
    fill(c, "title", "Bồi dưỡng nghiệp vụ cho bí thư chi bộ mới").await;
    c.find(Locator::Css("#category option[value=committee_skills]")).await.unwrap().click().await.unwrap();
    c.find(Locator::Css("#audience option[value=cell_committee_members]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    pick_org(c, "organizer_code", "thanh pho lang son", "LS").await;
    fill(c, "starts_on", "06092021").await;
    fill(c, "ends_on", "10092021").await;
    tap(c, &c.find(Locator::Css("#class-form button[type=submit]")).await.unwrap()).await;
    c.wait().for_element(Locator::Id("upload-form")).await.unwrap();

    let bad = trainee_list(
        "bad",
        &[["Hà Văn Học", "12/04/1982", "Nam"], ["", "01/01/1990", "Nữ"], ["Lò Thị Lớp", "31/02/1991", "Nữ"]],
    );
    c.find(Locator::Id("file")).await.unwrap().send_keys(bad.to_str().unwrap()).await.unwrap();
    tap(c, &c.find(Locator::Css("#upload-form button[type=submit]")).await.unwrap()).await;
    let said = c.wait().for_element(Locator::Id("refused")).await.unwrap().text().await.unwrap();
    assert!(
        said.contains("Dòng 3: thiếu họ và tên") && said.contains("Dòng 4: ngày sinh «31/02/1991»"),
        "{said}"
    );
    assert!(c.find(Locator::Id("confirm-import")).await.is_err(), "a list with a bad row cannot be written");
    assert!(body_text(c).await.contains("Lớp chưa có học viên"), "nothing was written");
    shoot(c, "55-trainees-refused").await;

    let good =
        trainee_list("good", &[["Hà Văn Học", "12/04/1982", "Nam"], ["Lò Thị Lớp", "21/02/1991", "Nữ"]]);
    c.find(Locator::Id("file")).await.unwrap().send_keys(good.to_str().unwrap()).await.unwrap();
    tap(c, &c.find(Locator::Css("#upload-form button[type=submit]")).await.unwrap()).await;
    let confirm = c.wait().for_element(Locator::Css("#confirm-import button[type=submit]")).await.unwrap();
    assert_eq!(confirm.text().await.unwrap(), "Ghi 2 học viên vào lớp");
    shoot(c, "56-trainees-preview").await;
    tap(c, &confirm).await;
    let saved = c.wait().for_element(Locator::Id("saved")).await.unwrap().text().await.unwrap();
    assert_eq!(saved, "Đã ghi 2 học viên vào lớp.");
    assert!(body_text(c).await.contains("Lò Thị Lớp"));
    shoot(c, "57-trainees-written").await;
    let _ = std::fs::remove_file(bad);
    let _ = std::fs::remove_file(good);
}

/// A file saved where the browser can upload it from.
fn saved_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("coso-e2e-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Issue 12 on a phone: the ward's office opens its register from the member list, uploads a
/// list with a wrong CCCD and a wrong date, sees each error at its row and column with the
/// wrong cells marked, fixes the file and writes it; then reconciles Chi bộ khối 9's register
/// with an edited copy, sees exactly the edit, and settles it by correcting from the file.
async fn a_register_in_and_out_on_a_phone(c: &Client, base: &str, app: &coso_app::App) {
    login(c, base, "hoangvanthu", "hoangvanthu1").await;
    c.set_window_size(PHONE.0, PHONE.1).await.unwrap();
    c.goto(&format!("{base}/members")).await.unwrap();
    tap(c, &c.wait().for_element(Locator::Id("registers-link")).await.unwrap()).await;
    c.wait().for_element(Locator::Id("import-form")).await.unwrap();
    assert!(body_text(c).await.contains("Xuất sổ Đảng bộ phường Hoàng Văn Thụ"));
    shoot(c, "60-registers").await;

    let header = "Họ và tên;Ngày sinh;Giới tính;Số CCCD;Ngày vào Đảng;Chi bộ";
    let bad = saved_file(
        "so-loi.csv",
        format!("{header}\nNông Văn Nhập;12/04/1992;Nam;09999000001;01/03/2020;LS-HVT-K9\nLò Thị Sổ;31/02/1993;Nữ;099990000002;01/03/2020;Chi bộ khối 9\n").as_bytes(),
    );
    c.find(Locator::Id("import-file")).await.unwrap().send_keys(bad.to_str().unwrap()).await.unwrap();
    tap(c, &c.find(Locator::Css("#import-form button[type=submit]")).await.unwrap()).await;
    let said = c.wait().for_element(Locator::Id("row-errors")).await.unwrap().text().await.unwrap();
    assert!(said.contains("Có 2 lỗi"), "{said}");
    let rows = c.find(Locator::Id("rows")).await.unwrap().text().await.unwrap();
    assert!(rows.contains("Số CCCD") && rows.contains("Ngày sinh"), "{rows}");
    let marked = c.find_all(Locator::Css("#rows .cell-bad")).await.unwrap();
    assert_eq!(marked.len(), 2, "the wrong CCCD and the wrong date are marked");
    assert!(c.find(Locator::Id("confirm-import")).await.is_err(), "nothing to write while a row is wrong");
    shoot(c, "61-register-errors").await;

    let good = saved_file(
        "so.csv",
        format!("{header}\nNông Văn Nhập;12/04/1992;Nam;099990000001;01/03/2020;LS-HVT-K9\nLò Thị Sổ;21/02/1993;Nữ;099990000002;01/03/2020;Chi bộ khối 9\n").as_bytes(),
    );
    c.find(Locator::Id("import-file")).await.unwrap().send_keys(good.to_str().unwrap()).await.unwrap();
    tap(c, &c.find(Locator::Css("#import-form button[type=submit]")).await.unwrap()).await;
    let confirm = c.wait().for_element(Locator::Css("#confirm-import button[type=submit]")).await.unwrap();
    assert_eq!(confirm.text().await.unwrap(), "Ghi vào sổ: 2 thêm mới, 0 cập nhật");
    shoot(c, "62-register-preview").await;
    tap(c, &confirm).await;
    let written = c.wait().for_element(Locator::Id("written")).await.unwrap().text().await.unwrap();
    assert_eq!(written, "Đã ghi 2 dòng vào sổ đảng viên.");
    c.goto(&format!("{base}/members?q=nong+van+nhap")).await.unwrap();
    assert!(body_text(c).await.contains("Chi bộ khối 9"), "the new member is in Chi bộ khối 9");

    // The cell's register with one home town edited, as a cell would send it back.
    let sys = coso_app::Actor::system();
    let export = app.export_register(&sys, "LS-HVT-K9", None, coso_app::members::BookFormat::Csv).unwrap();
    let text = String::from_utf8(export.bytes).unwrap();
    let edited = text.replacen(",\"xã ", ",\"thôn Mới, xã ", 1);
    assert_ne!(edited, text, "the export names a home town to edit");
    let copy = saved_file("so-chi-bo.csv", edited.as_bytes());
    c.goto(&format!("{base}/registers?org=LS-HVT-K9")).await.unwrap();
    c.find(Locator::Id("reconcile-file")).await.unwrap().send_keys(copy.to_str().unwrap()).await.unwrap();
    tap(c, &c.find(Locator::Css("#reconcile-form button[type=submit]")).await.unwrap()).await;
    c.wait().for_element(Locator::Id("differing")).await.unwrap();
    let summary = c.find(Locator::Id("summary")).await.unwrap().text().await.unwrap();
    assert!(summary.contains("1 trường khác nhau") && summary.contains("0 chỉ có trong tệp"), "{summary}");
    let diff = c.find(Locator::Id("differing")).await.unwrap().text().await.unwrap();
    assert!(diff.contains("Quê quán") && diff.contains("thôn Mới"), "{diff}");
    shoot(c, "63-reconciliation").await;
    tap(c, &c.find(Locator::Css("#differing button[type=submit].primary")).await.unwrap()).await;
    let saved = c.wait().for_element(Locator::Id("saved")).await.unwrap().text().await.unwrap();
    assert_eq!(saved, "Đã sửa hồ sơ theo tệp.");
    assert!(c.find(Locator::Id("settled")).await.is_ok(), "the registers agree");
    shoot(c, "64-reconciliation-settled").await;
    for file in [bad, good, copy] {
        let _ = std::fs::remove_file(file);
    }
}

/// Issue 13: the city board opens the dashboard on the article's figures, follows a bar of the
/// ratings chart to that year's statistics and the targets to the resolution, reads a plan and
/// the documents, and downloads the overview report in Word, which LibreOffice opens.
async fn the_dashboard_and_its_report(c: &Client, base: &str) {
    c.set_window_size(DESKTOP.0, DESKTOP.1).await.unwrap();
    login(c, base, "thanhuy", "thanhuy123").await;
    c.find(Locator::Css("nav a[href='/dashboard']")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Id("grassroots-total")).await.unwrap();
    let figure =
        |id: &'static str| async move { c.find(Locator::Id(id)).await.unwrap().text().await.unwrap() };
    assert_eq!(figure("grassroots-total").await, "73");
    assert_eq!(figure("grassroots-committees").await, "13");
    assert_eq!(figure("grassroots-cells").await, "60");
    assert_eq!(figure("targets").await, "16/17");
    assert_eq!(figure("pilots").await, "23", "the units the city picked");
    assert_eq!(figure("training-classes").await, "116");
    let text = body_text(c).await;
    assert!(text.contains("từ 01/01/2016 đến 17/10/2021"), "the seed's period: {text}");
    assert!(text.contains("1764-QĐ/TU") && text.contains("35-KH/TU") && text.contains("02-ĐA/TU"));
    c.find(Locator::Css("#ratings-chart svg a rect")).await.expect("the chart's bars are links");
    shoot(c, "70-dashboard").await;

    // A bar of the ratings chart opens that year's statistics.
    let bar = c.find(Locator::Css("#ratings-chart .chart-wide a[href*='year=2020']")).await.unwrap();
    let arg = serde_json::to_value(&bar).unwrap();
    c.execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg]).await.unwrap();
    bar.find(Locator::Css("rect")).await.unwrap().click().await.unwrap();
    let heading = c.wait().for_element(Locator::Css("main h1")).await.unwrap();
    assert_eq!(heading.text().await.unwrap(), "Xếp loại chất lượng năm 2020");
    assert!(c.current_url().await.unwrap().query().unwrap_or_default().contains("year=2020"));
    c.find(Locator::Id("orgs-pct")).await.expect("the year's statistics opened");

    // The targets tile opens the resolution: 16 of 17 met, the one not met marked.
    c.back().await.unwrap();
    tap(c, &c.wait().for_element(Locator::Id("tile-targets")).await.unwrap()).await;
    let reached = c.wait().for_element(Locator::Id("reached")).await.unwrap();
    assert_eq!(reached.text().await.unwrap(), "16/17");
    let missed = c.find_all(Locator::Css("#targets-table .badge.target-not_met")).await.unwrap();
    assert_eq!(missed.len(), 1, "one target not met");
    shoot(c, "71-resolution").await;

    // A plan from the dashboard, its overdue task marked; then the documents.
    c.goto(&format!("{base}/dashboard")).await.unwrap();
    let plan = c
        .wait()
        .for_element(Locator::XPath("//table[@id='plans-list']//a[contains(., '35-KH/TU')]"))
        .await
        .unwrap();
    tap(c, &plan).await;
    c.wait().for_element(Locator::Id("tasks-table")).await.unwrap();
    assert!(body_text(c).await.contains("Tập trung lãnh đạo, chỉ đạo nâng cao năng lực"));
    assert!(
        !c.find_all(Locator::Css("#tasks-table tr.overdue")).await.unwrap().is_empty(),
        "an overdue task"
    );
    shoot(c, "72-plan").await;
    c.goto(&format!("{base}/documents")).await.unwrap();
    c.wait().for_element(Locator::Id("documents")).await.unwrap();
    assert!(body_text(c).await.contains("1764-QĐ/TU"));
    shoot(c, "73-documents").await;

    // The overview report in Word, fetched with the browser's session as its button would.
    c.goto(&format!("{base}/dashboard")).await.unwrap();
    let link = c.wait().for_element(Locator::Id("report-docx")).await.unwrap();
    let href = link.attr("href").await.unwrap().unwrap();
    let cookies = c.get_all_cookies().await.unwrap();
    let session = cookies.iter().find(|k| k.name() == "coso_session").expect("a session cookie");
    let res = reqwest::Client::new()
        .get(format!("{base}{href}"))
        .header("cookie", format!("coso_session={}", session.value()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let docx = res.bytes().await.unwrap();
    assert!(docx.starts_with(b"PK"));
    let file = saved_file("bao-cao-tong-quan.docx", &docx);
    std::fs::write(shots_dir().join("74-overview-report.docx"), &docx).unwrap();
    opens_in_libreoffice(&file);
    let _ = std::fs::remove_file(file);

    // A ward's staff on a phone: the ward's own figures, and the city's plans it carries out
    // with its own tasks only (35-KH/TU gave Hoàng Văn Thụ one, overdue on the article's day).
    c.set_window_size(PHONE.0, PHONE.1).await.unwrap();
    login(c, base, "hoangvanthu", "hoangvanthu1").await;
    c.goto(&format!("{base}/dashboard")).await.unwrap();
    let carried = c.wait().for_element(Locator::Id("plans-carried-out")).await.unwrap();
    let said = carried.text().await.unwrap();
    assert!(said.contains("35-KH/TU") && said.contains("02-ĐA/TU"), "{said}");
    assert!(body_text(c).await.contains("Đảng bộ phường Hoàng Văn Thụ"));
    let arg = serde_json::to_value(&carried).unwrap();
    // The shot keeps the focused element in view: the table of plans from above.
    c.execute("arguments[0].querySelector('a').focus();", vec![arg]).await.unwrap();
    shoot(c, "75-dashboard-ward").await;
}

/// Converts a Word file to PDF with LibreOffice, as a user opening it would find it readable;
/// says so loudly when LibreOffice is not installed.
fn opens_in_libreoffice(file: &std::path::Path) {
    let Some(office) = ["libreoffice", "soffice"].into_iter().find(|b| {
        Command::new(b).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
    }) else {
        eprintln!("libreoffice skipped: not installed (apt-get install libreoffice-writer-nogui)");
        return;
    };
    let out = std::env::temp_dir().join(format!("coso-e2e-pdf-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&out).unwrap();
    // Its own profile: a user's open LibreOffice would otherwise take the conversion over.
    let profile = format!("-env:UserInstallation=file://{}", out.join("profile").display());
    let status = Command::new(office)
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("libreoffice runs");
    assert!(status.success(), "{office} could not convert the Word report");
    let pdf = out.join(file.with_extension("pdf").file_name().unwrap());
    let bytes = std::fs::read(&pdf).unwrap_or_else(|_| panic!("{office} wrote no PDF of the Word report"));
    assert!(bytes.starts_with(b"%PDF") && bytes.len() > 1000, "a PDF of the report");
    std::fs::write(shots_dir().join("74-overview-report.pdf"), bytes).unwrap();
    let _ = std::fs::remove_dir_all(out);
}
