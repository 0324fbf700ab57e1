//! Documents, resolutions, plans and the dashboard over HTTP (issue 13), against a running app
//! on each backend: what is refused (a document number that does not read, a period that ends
//! before it starts, a task outside the committee's subtree, a figure that is not a number) is
//! answered in Vietnamese with 422 and writes nothing; the documents' Excel file holds exactly
//! the filtered rows; the Word report is a document naming its unit.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::io::Read;

use coso_app::Actor;
use coso_app::documents::{DocumentFilter, DocumentInput};
use coso_testkit::each_backend;

use common::{WARD, client, fixture, login, runtime, spawn};

fn audit_rows(db: &coso_store::Db) -> i64 {
    db.read(coso_store::audit::count).unwrap()
}

fn document_numbers(app: &coso_app::App) -> Vec<String> {
    app.documents(&Actor::system(), &DocumentFilter::default())
        .unwrap()
        .into_iter()
        .map(|d| d.number)
        .collect()
}

/// The text of the element with `id` in a page, tags removed.
fn text_of(html: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no #{id} in the page: {html}"));
    let open = start + html[start..].find('>').unwrap() + 1;
    let close = open + html[open..].find("</").unwrap();
    html[open..close].trim().to_string()
}

#[test]
fn a_document_whose_number_does_not_read_is_refused_and_nothing_written() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let (base, browser) = (&run.base, client());
            let csrf = login(&browser, base, WARD).await;
            let (before, audit) = (document_numbers(&run.app), audit_rows(db));
            let form = |number: &'static str| {
                vec![
                    ("_csrf", csrf.clone()),
                    ("number", number.to_string()),
                    ("issuer_name", "Đảng ủy phường Đông Kinh Thử".to_string()),
                    ("issuer_code", "T-A".to_string()),
                    ("issued_on", "05/03/2021".to_string()),
                    ("title", "Kế hoạch sinh hoạt chuyên đề năm 2021".to_string()),
                ]
            };
            let res = browser.post(format!("{base}/documents")).form(&form("35/KH-")).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            let said = text_of(&html, "number-error");
            assert!(said.starts_with("Số hiệu văn bản không hợp lệ"), "{said}");
            assert!(html.contains("value=\"35/KH-\""), "the number comes back for correcting");
            assert_eq!(document_numbers(&run.app), before, "nothing registered");
            assert_eq!(audit_rows(db), audit, "nothing written");

            // The API says the same, on the field.
            let token = run.app.create_token(&Actor::system(), WARD.0).unwrap();
            let res = reqwest::Client::new()
                .post(format!("{base}/api/v1/documents"))
                .bearer_auth(&token)
                .json(&serde_json::json!({"number": "0-KH/ĐU", "issuer_name": "Đảng ủy phường",
                    "issued_on": "2021-03-05", "title": "Kế hoạch"}))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.unwrap();
            let said = body["error"]["fields"]["number"].as_str().unwrap();
            assert!(said.starts_with("Số hiệu văn bản không hợp lệ"), "{body}");
            assert_eq!(document_numbers(&run.app), before);

            // The number written right is registered and listed.
            let res = browser.post(format!("{base}/documents")).form(&form("35-KH/ĐU")).send().await.unwrap();
            assert_eq!(res.status(), 303);
            let list = browser.get(format!("{base}{}", res.headers()["location"].to_str().unwrap())).send();
            let html = list.await.unwrap().text().await.unwrap();
            assert!(html.contains("id=\"saved\"") && html.contains("35-KH/ĐU"), "{html}");
            assert_eq!(document_numbers(&run.app).len(), before.len() + 1);
        })
    });
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused_on_the_dashboard_and_the_api() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let (base, browser) = (&run.base, client());
            login(&browser, base, WARD).await;
            let res = browser.get(format!("{base}/dashboard")).send().await.unwrap();
            assert_eq!(res.status(), 200);
            let html = res.text().await.unwrap();
            assert!(html.contains("Đảng bộ phường Đông Kinh Thử"), "the ward's own dashboard");
            assert_eq!(text_of(&html, "grassroots-total"), "1");

            let reversed = "from=17/10/2021&to=01/01/2021";
            let res = browser.get(format!("{base}/dashboard?{reversed}")).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            assert!(html.contains("id=\"refused\""), "{html}");
            assert!(text_of(&html, "to-error").contains("phải từ ngày bắt đầu"), "{html}");
            assert!(!html.contains("id=\"grassroots-total\""), "no figures for a period that cannot be");
            for ext in ["docx", "xlsx", "txt"] {
                let res =
                    browser.get(format!("{base}/dashboard/report.{ext}?{reversed}")).send().await.unwrap();
                assert_eq!(res.status(), 422, "{ext}");
                assert!(res.text().await.unwrap().contains("phải từ ngày bắt đầu"), "{ext}");
            }
            let token = run.app.create_token(&Actor::system(), WARD.0).unwrap();
            let res = reqwest::Client::new()
                .get(format!("{base}/api/v1/overview?from=2021-10-17&to=2021-01-01"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.unwrap();
            assert!(
                body["error"]["fields"]["to"].as_str().unwrap().contains("phải từ ngày bắt đầu"),
                "{body}"
            );
            let res = reqwest::Client::new()
                .get(format!("{base}/api/v1/overview?from=2021-01-01&to=2021-10-17"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            let body: serde_json::Value = res.json().await.unwrap();
            assert_eq!(body["org_code"], "T-A");
            assert_eq!(body["grassroots_total"], 1);
            // A unit outside the account's scope is not shown.
            let res = browser.get(format!("{base}/dashboard?org=T-B")).send().await.unwrap();
            assert_eq!(res.status(), 403);
        })
    });
}

/// A plan of ward T-A with one task, recorded by the system.
fn ward_plan(app: &coso_app::App) -> String {
    let sys = Actor::system();
    let plan = coso_app::plans::PlanInput {
        org_code: "T-A".into(),
        kind: "plan".into(),
        title: "Kế hoạch nâng cao chất lượng sinh hoạt chi bộ".into(),
        starts_on: "2021-01-01".into(),
        ends_on: "2021-12-31".into(),
        ..Default::default()
    };
    let id = app.record_plan(&sys, plan).unwrap();
    let task = coso_app::plans::TaskInput {
        title: "Kiện toàn chi ủy".into(),
        assignee_code: "T-A-1".into(),
        due_on: "2021-06-30".into(),
    };
    app.assign_task(&sys, &id, task).unwrap();
    id
}

fn tasks_of(app: &coso_app::App, plan: &str) -> usize {
    let on = chrono::NaiveDate::from_ymd_opt(2021, 10, 17).unwrap();
    app.plan(&Actor::system(), plan, on).unwrap().tasks.len()
}

#[test]
fn a_task_outside_the_committees_subtree_is_refused_and_nothing_written() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let plan = ward_plan(&run.app);
            let (base, browser) = (&run.base, client());
            let csrf = login(&browser, base, WARD).await;
            let token = run.app.create_token(&Actor::system(), WARD.0).unwrap();
            let audit = audit_rows(db);
            let task = |assignee: &'static str| {
                vec![
                    ("_csrf", csrf.clone()),
                    ("title", "Sinh hoạt chuyên đề quý III".to_string()),
                    ("assignee_code", assignee.to_string()),
                    ("due_on", "30/09/2021".to_string()),
                ]
            };
            let res =
                browser.post(format!("{base}/plans/{plan}/tasks")).form(&task("T-B")).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            assert!(text_of(&html, "assignee_code-error").contains("không thuộc phạm vi lãnh đạo"), "{html}");
            assert_eq!(tasks_of(&run.app, &plan), 1, "no task written");
            assert_eq!(audit_rows(db), audit);

            let res = reqwest::Client::new()
                .post(format!("{base}/api/v1/plans/{plan}/tasks"))
                .bearer_auth(&token)
                .json(&serde_json::json!({"title": "Sinh hoạt chuyên đề", "assignee_code": "T-B",
                    "due_on": "2021-09-30"}))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.unwrap();
            assert!(body["error"]["fields"]["assignee_code"].as_str().is_some(), "{body}");
            assert_eq!(tasks_of(&run.app, &plan), 1);
            assert_eq!(audit_rows(db), audit);

            // Within the subtree the task is assigned; a progress that is not a share is refused.
            let res =
                browser.post(format!("{base}/plans/{plan}/tasks")).form(&task("T-A-2")).send().await.unwrap();
            assert_eq!(res.status(), 303);
            assert_eq!(tasks_of(&run.app, &plan), 2);
            let on = chrono::NaiveDate::from_ymd_opt(2021, 10, 17).unwrap();
            let task_id = run.app.plan(&Actor::system(), &plan, on).unwrap().tasks[0].id.clone();
            let audit = audit_rows(db);
            for pct in ["150", "nửa"] {
                let res = browser
                    .post(format!("{base}/plans/{plan}/tasks/{task_id}/progress"))
                    .form(&[("_csrf", csrf.as_str()), ("reported_on", "01/05/2021"), ("progress_pct", pct)])
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), 422, "{pct}");
                assert!(
                    res.text().await.unwrap().contains("Tiến độ là tỷ lệ phần trăm từ 0 đến 100"),
                    "{pct}"
                );
            }
            assert_eq!(audit_rows(db), audit, "a refused report writes nothing");
            let res = browser
                .post(format!("{base}/plans/{plan}/tasks/{task_id}/progress"))
                .form(&[("_csrf", csrf.as_str()), ("reported_on", "01/05/2021"), ("progress_pct", "100")])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 303);
            let html =
                browser.get(format!("{base}/plans/{plan}")).send().await.unwrap().text().await.unwrap();
            assert_eq!(text_of(&html, "tasks-done"), "1/2", "{html}");
        })
    });
}

#[test]
fn a_yearly_figure_that_is_not_a_number_or_outside_the_term_is_refused() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let sys = Actor::system();
            let input = coso_app::resolutions::ResolutionInput {
                org_code: "T-A".into(),
                title: "Nghị quyết Đại hội Đảng bộ phường".into(),
                first_year: 2020,
                last_year: 2025,
                targets: vec![coso_app::resolutions::TargetInput {
                    name: "Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ".into(),
                    unit: "%".into(),
                    value: 90.0,
                    direction: "at_least".into(),
                    reach_year: None,
                }],
                ..Default::default()
            };
            let id = run.app.record_resolution(&sys, input).unwrap();
            let target = run.app.resolution(&sys, &id, None).unwrap().targets[0].id.clone();
            let (base, browser) = (&run.base, client());
            let csrf = login(&browser, base, WARD).await;
            let audit = audit_rows(db);
            let send = |year: &'static str, value: &'static str| {
                browser.post(format!("{base}/resolutions/{id}/values")).form(&[
                    ("_csrf", csrf.as_str()),
                    ("target_id", target.as_str()),
                    ("year", year),
                    ("value", value),
                    ("source", "Báo cáo tổng kết năm"),
                ])
            };
            let cases = [
                ("2021", "chín mươi", "value-error", "Giá trị phải là một số"),
                ("2019", "91", "_", "nằm ngoài nhiệm kỳ"),
            ];
            for (year, value, field, want) in cases {
                let res = send(year, value).send().await.unwrap();
                assert_eq!(res.status(), 422, "{year} {value}");
                let html = res.text().await.unwrap();
                if field != "_" {
                    assert!(text_of(&html, field).contains(want), "{html}");
                }
                assert!(html.contains(want), "{want}: {html}");
            }
            assert_eq!(audit_rows(db), audit, "nothing written");
            let res = send("2021", "92,5").send().await.unwrap();
            assert_eq!(res.status(), 303);
            let r = run.app.resolution(&sys, &id, Some(2021)).unwrap();
            assert_eq!(r.targets[0].values.len(), 1);
            assert_eq!(r.targets[0].values[0].value, 92.5);
            let html = browser.get(format!("{base}/resolutions/{id}?year=2021")).send().await.unwrap();
            assert_eq!(text_of(&html.text().await.unwrap(), "reached"), "1/1");
        })
    });
}

/// The data rows of an exported list's sheet: those under its header row (`STT` first).
fn exported_rows(bytes: Vec<u8>) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let header = rows.iter().position(|r| r.first().is_some_and(|c| c == "STT")).expect("a header row");
    rows[header + 1..].iter().filter(|r| r.iter().any(|c| !c.is_empty())).cloned().collect()
}

#[test]
fn the_documents_export_holds_exactly_the_filtered_rows() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let sys = Actor::system();
            let documents = [
                ("01-NQ/ĐU", "20/08/2020", "Nghị quyết Đại hội"),
                ("12-KH/ĐU", "15/01/2021", "Kế hoạch sinh hoạt chuyên đề"),
                ("17-KH/ĐU", "01/04/2021", "Kế hoạch kiểm tra"),
                ("18-KH/ĐU", "02/09/2021", "Kế hoạch tổng kết"),
                ("5-HD/ĐU", "01/03/2021", "Hướng dẫn đánh giá"),
            ];
            for (number, on, title) in documents {
                let input = DocumentInput {
                    number: number.into(),
                    issuer_name: "Đảng ủy phường Đông Kinh Thử".into(),
                    issuer_code: Some("T-A".into()),
                    issued_on: on.into(),
                    title: title.into(),
                    ..Default::default()
                };
                run.app.register_document(&sys, input).unwrap();
            }
            let (base, browser) = (&run.base, client());
            login(&browser, base, WARD).await;
            // The page's "Xuất Excel" link keeps the filters; the file holds the page's rows.
            let filters = "type=KH&from=01/02/2021&to=31/12/2021";
            let html = browser
                .get(format!("{base}/documents?{filters}"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let marker = "href=\"/documents.xlsx?";
            let start = html.find(marker).expect("an export link") + "href=\"".len();
            let link = html[start..].split('"').next().unwrap().replace("&#38;", "&").replace("&amp;", "&");
            assert!(link.contains("type=KH") && link.contains("from=") && link.contains("to="), "{link}");
            let res = browser.get(format!("{base}{link}")).send().await.unwrap();
            assert_eq!(res.status(), 200);
            assert!(res.headers()["content-disposition"].to_str().unwrap().contains(".xlsx"));
            let rows = exported_rows(res.bytes().await.unwrap().to_vec());
            let numbers: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
            assert_eq!(numbers, ["17-KH/ĐU", "18-KH/ĐU"], "{rows:?}");
            for n in &numbers {
                assert!(html.contains(n), "the page lists {n}");
            }
            assert!(!html.contains("12-KH/ĐU") && !html.contains("5-HD/ĐU"), "the page is filtered too");
            // By number, and with no filter at all: every document.
            let res = browser.get(format!("{base}/documents.xlsx?number=1")).send().await.unwrap();
            let rows = exported_rows(res.bytes().await.unwrap().to_vec());
            assert_eq!(
                rows.iter().map(|r| r[1].as_str()).collect::<Vec<_>>(),
                ["12-KH/ĐU", "17-KH/ĐU", "18-KH/ĐU"]
            );
            let res = browser.get(format!("{base}/documents.xlsx")).send().await.unwrap();
            assert_eq!(exported_rows(res.bytes().await.unwrap().to_vec()).len(), documents.len());
            // A filter that does not read is refused, not ignored.
            let res = browser.get(format!("{base}/documents.xlsx?from=31/02/2021")).send().await.unwrap();
            assert_eq!(res.status(), 422);
        })
    });
}

#[test]
fn the_word_report_is_a_document_naming_its_unit() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let (base, browser) = (&run.base, client());
            login(&browser, base, WARD).await;
            let html = browser.get(format!("{base}/dashboard")).send().await.unwrap().text().await.unwrap();
            let marker = "href=\"/dashboard/report.docx?";
            let start = html.find(marker).expect("a Word link") + "href=\"".len();
            let link = html[start..].split('"').next().unwrap().replace("&#38;", "&").replace("&amp;", "&");
            let res = browser.get(format!("{base}{link}")).send().await.unwrap();
            assert_eq!(res.status(), 200);
            assert_eq!(
                res.headers()["content-type"],
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            );
            let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
            assert!(
                disposition.contains("bao-cao-tong-quan-T-A-2016-01-01-") && disposition.ends_with(".docx\"")
            );
            let bytes = res.bytes().await.unwrap().to_vec();
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a Word file is a zip");
            let mut xml = String::new();
            zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
            assert!(xml.contains("Đảng bộ phường Đông Kinh Thử"), "the report names its unit");

            // The text report is UTF-8 Vietnamese; the Excel one a workbook.
            let res = browser.get(format!("{base}/dashboard/report.txt")).send().await.unwrap();
            assert_eq!(res.headers()["content-type"], "text/plain; charset=utf-8");
            let text = String::from_utf8(res.bytes().await.unwrap().to_vec()).expect("UTF-8");
            assert!(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), "{text}");
            let res = browser.get(format!("{base}/dashboard/report.xlsx")).send().await.unwrap();
            assert!(res.bytes().await.unwrap().starts_with(b"PK"));
        })
    });
}

/// The address of the link with `id` on a page, as the browser follows it.
fn link_of(html: &str, id: &str) -> String {
    let at = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id}"));
    let tag_start = html[..at].rfind('<').unwrap();
    let tag = &html[tag_start..html[at..].find('>').unwrap() + at];
    let href = tag.split("href=\"").nth(1).unwrap().split('"').next().unwrap();
    href.replace("&#38;", "&").replace("&amp;", "&")
}

#[test]
fn every_list_page_links_its_excel_export_with_its_filters() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let (base, browser) = (&run.base, client());
            login(&browser, base, WARD).await;
            // Members: the search typed on the page is the file's filter.
            let html =
                browser.get(format!("{base}/members?q=dong")).send().await.unwrap().text().await.unwrap();
            let link = link_of(&html, "members-xlsx");
            assert!(link.starts_with("/members.xlsx?") && link.contains("q=dong"), "{link}");
            let res = browser.get(format!("{base}{link}")).send().await.unwrap();
            assert_eq!(res.status(), 200);
            let rows = exported_rows(res.bytes().await.unwrap().to_vec());
            assert_eq!(rows.iter().map(|r| r[1].as_str()).collect::<Vec<_>>(), ["Nguyễn Văn Đông"]);
            // The other lists: their link answers with a workbook.
            for (page, id) in [
                ("/orgs/T-A-1/meetings?from=01/01/2021&to=31/12/2021", "meetings-xlsx"),
                ("/cases", "cases-xlsx"),
                ("/pilots", "pilots-xlsx"),
                ("/training", "training-xlsx"),
            ] {
                let html = browser.get(format!("{base}{page}")).send().await.unwrap().text().await.unwrap();
                let link = link_of(&html, id);
                let res = browser.get(format!("{base}{link}")).send().await.unwrap();
                assert_eq!(res.status(), 200, "{link}");
                assert!(
                    res.headers()["content-disposition"].to_str().unwrap().ends_with(".xlsx\""),
                    "{link}"
                );
                assert!(res.bytes().await.unwrap().starts_with(b"PK"), "{link}");
            }
        })
    });
}
