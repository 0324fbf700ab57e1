//! Member registers over HTTP (issue 12), against a running app on each backend: the API's
//! export reads back through its import as every row unchanged and reconciles with no
//! difference; a page upload previews, marks the wrong cells and writes only when confirmed;
//! what is not a register, and a file over the limit, get a Vietnamese message, write nothing,
//! and leave the server up.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::{WARD, client, fixture, login, runtime, spawn};
use coso_testkit::each_backend;

fn memberships(db: &coso_store::Db) -> i64 {
    db.read(coso_store::members::count_memberships).unwrap()
}

#[test]
fn the_api_exports_imports_and_reconciles_a_register() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let auth = format!("Bearer {token}");
            let c = reqwest::Client::new();
            let base = &run.base;
            let res = c
                .get(format!("{base}/api/v1/registers/T-A?format=xlsx"))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            assert!(res.headers()["content-disposition"].to_str().unwrap().contains("so-dang-vien-T-A-"));
            let xlsx = res.bytes().await.unwrap();
            assert!(xlsx.starts_with(b"PK"));

            let report: serde_json::Value = c
                .post(format!("{base}/api/v1/registers/T-A/import?dry_run=true"))
                .header("authorization", &auth)
                .header("content-type", "application/octet-stream")
                .body(xlsx.clone())
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(report["rows"], report["unchanged"], "{report}");
            assert!(report["rows"].as_u64().unwrap() >= 2, "{report}");
            assert_eq!(report["written"], false);

            let res = c
                .post(format!("{base}/api/v1/registers/T-A/reconciliations?file_name=so.xlsx"))
                .header("authorization", &auth)
                .header("content-type", "application/octet-stream")
                .body(xlsx)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);
            let found: serde_json::Value = res.json().await.unwrap();
            assert_eq!(found["differing"], serde_json::json!([]));
            assert_eq!(found["only_in_file"], serde_json::json!([]));
            let id = found["id"].as_str().unwrap();
            let again = c
                .get(format!("{base}/api/v1/reconciliations/{id}"))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap();
            assert_eq!(again.status(), 200);

            // Not a register, and too large: a message, nothing written, the server still up.
            let before = memberships(db);
            let cases: [(Vec<u8>, u16, &str); 3] = [
                (b"\x89PNG\r\n\x1a\n\0\0".to_vec(), 422, "không phải bảng tính"),
                (Vec::new(), 422, "Cần chọn tệp"),
                (vec![b'a'; 50 * 1024 * 1024], 422, "tối đa 20 MB"),
            ];
            for (body, status, want) in cases {
                let res = c
                    .post(format!("{base}/api/v1/registers/T-A/import"))
                    .header("authorization", &auth)
                    .header("content-type", "application/octet-stream")
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), status, "{want}");
                let text = res.text().await.unwrap();
                assert!(text.contains(want), "{want}: {text}");
            }
            assert_eq!(memberships(db), before);
            let health = c.get(format!("{base}/healthz")).send().await.unwrap();
            assert_eq!(health.status(), 200, "the server stays up");
        })
    });
}

#[test]
fn a_page_upload_previews_marks_the_wrong_cells_and_writes_only_when_confirmed() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let browser = client();
            let base = &run.base;
            let csrf = login(&browser, base, WARD).await;
            let page = browser.get(format!("{base}/registers?org=T-A")).send().await.unwrap();
            assert_eq!(page.status(), 200);
            let html = page.text().await.unwrap();
            assert!(html.contains("/registers/T-A/import") && html.contains("/registers/T-A/export"), "{html}");

            let upload = |text: &'static str| {
                let part = reqwest::multipart::Part::bytes(text.as_bytes().to_vec()).file_name("danh-sach.csv");
                reqwest::multipart::Form::new().text("_csrf", csrf.clone()).part("file", part)
            };
            let bad = "Họ và tên;Ngày sinh;Giới tính;Số CCCD;Ngày vào Đảng;Chi bộ\nNông Văn Mới;01/01/1990;Nam;0200900000;01/03/2020;T-A-1\n";
            let before = memberships(db);
            let res = browser.post(format!("{base}/registers/T-A/import")).multipart(upload(bad)).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            assert!(html.contains("id=\"row-errors\"") && html.contains("cell-bad"), "{html}");
            assert!(!html.contains("confirm-import"), "nothing to confirm while a row is wrong");

            let good = "Họ và tên;Ngày sinh;Giới tính;Số CCCD;Ngày vào Đảng;Chi bộ\nNông Văn Mới;01/01/1990;Nam;020090000099;01/03/2020;T-A-1\n";
            let res = browser.post(format!("{base}/registers/T-A/import")).multipart(upload(good)).send().await.unwrap();
            assert_eq!(res.status(), 200);
            let html = res.text().await.unwrap();
            assert_eq!(memberships(db), before, "a preview writes nothing");
            let marker = "action=\"/registers/imports/";
            let start = html.find(marker).expect("a confirmation form") + marker.len();
            let id: String = html[start..].chars().take_while(|c| *c != '"').collect();
            let res = browser
                .post(format!("{base}/registers/imports/{id}"))
                .form(&[("_csrf", csrf.as_str()), ("org", "T-A")])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 303);
            assert_eq!(res.headers()["location"], "/registers?org=T-A&written=1");
            assert_eq!(memberships(db), before + 1);
            // The kept file is gone once written: confirming again finds nothing.
            let again = browser
                .post(format!("{base}/registers/imports/{id}"))
                .form(&[("_csrf", csrf.as_str()), ("org", "T-A")])
                .send()
                .await
                .unwrap();
            assert_eq!(again.status(), 422);
            assert_eq!(memberships(db), before + 1);
        })
    });
}
