//! Bad and hostile input at the edges (issue 7): a NUL byte anywhere, numbers out of range.
//! Whatever comes in, coso answers a refusal in Vietnamese and never a 500, on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::{WARD, client, fixture, login, runtime, spawn};
use coso_testkit::each_backend;

#[test]
fn nul_bytes_and_huge_numbers_are_refused_not_crashed_on() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let api = reqwest::Client::new();
            let auth = format!("Bearer {token}");
            let base = &run.base;
            let page = client();
            let csrf = login(&page, base, WARD).await;
            let audits = || db.read(coso_store::audit::count).unwrap();
            let before = audits();
            // (what, request, the statuses a refusal may answer)
            let gets = [
                "/api/v1/members?q=nguyen%00van",
                "/api/v1/members?q=12%00",
                "/api/v1/orgs?q=%00",
                "/api/v1/orgs/T-A%00",
                "/api/v1/members/abc%00def",
                "/api/v1/meetings/abc%00",
                "/api/v1/members?page=9223372036854775807",
                "/api/v1/members?page=9223372036854775807&per_page=200",
                "/api/v1/members?page=-9223372036854775808",
            ];
            for url in gets {
                let res = api.get(format!("{base}{url}")).header("authorization", &auth).send().await.unwrap();
                let status = res.status().as_u16();
                let body = res.text().await.unwrap();
                assert!(status < 500, "{url}: {status} {body}");
                if status >= 400 {
                    let json: serde_json::Value = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{url}: {body}"));
                    assert!(json["error"]["message"].is_string(), "{url}: {body}");
                }
            }
            for url in ["/members?q=ab%00c", "/orgs/T-A%00", "/members/x%00y", "/orgs?as_of=2021%00"] {
                let res = page.get(format!("{base}{url}")).send().await.unwrap();
                assert!(res.status().as_u16() < 500, "{url}: {}", res.status());
            }
            let nul_json = serde_json::json!({"full_name": "Nông\u{0}Văn", "born_on": "1990-01-01", "sex": "male",
                "org_code": "T-A-1", "admitted_on": "2015-01-01", "decision_number": "1-QĐ/ĐU"});
            let res = api.post(format!("{base}/api/v1/members")).header("authorization", &auth).json(&nul_json).send().await.unwrap();
            let status = res.status().as_u16();
            assert!((400..500).contains(&status), "NUL in JSON: {status} {}", res.text().await.unwrap());
            let res = page
                .post(format!("{base}/login"))
                .form(&[("username", "a\u{0}b"), ("password", "x"), ("_csrf", csrf.as_str())])
                .send()
                .await
                .unwrap();
            assert!(res.status().as_u16() < 500, "NUL in a login name: {}", res.status());
            assert_eq!(audits(), before, "nothing was written");
        })
    });
}

/// Every refusal speaks the house's language: JSON with a Vietnamese message under `/api/`, a
/// Vietnamese page elsewhere, whatever axum itself would have said.
#[test]
fn every_error_comes_in_the_house_style() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let api = reqwest::Client::new();
            let auth = format!("Bearer {token}");
            let base = &run.base;
            let json_error = |what: &'static str| {
                move |status: u16, body: String| {
                    let v: serde_json::Value =
                        serde_json::from_str(&body).unwrap_or_else(|_| panic!("{what}: not JSON: {body}"));
                    let message = v["error"]["message"].as_str().unwrap_or_default().to_string();
                    assert_eq!(v["error"]["status"], status, "{what}");
                    assert!(
                        message.chars().any(|c| "ếạảầđươ".contains(c)),
                        "{what}: not Vietnamese: {message}"
                    );
                }
            };
            // (what, method, path, content type, body, status)
            type Case<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, &'a str, u16);
            let cases: [Case; 6] = [
                (
                    "malformed JSON",
                    "post",
                    "/api/v1/members",
                    Some("application/json"),
                    "{\"full_name\": ",
                    400,
                ),
                (
                    "mistyped JSON",
                    "post",
                    "/api/v1/quota-policies",
                    Some("application/json"),
                    "{\"min_per_year\": \"hai\"}",
                    422,
                ),
                ("no content type", "post", "/api/v1/members", None, "{}", 415),
                ("unknown route", "get", "/api/v1/khong-co", None, "", 404),
                ("unknown method", "delete", "/api/v1/members", None, "", 405),
                ("page not a number", "get", "/api/v1/members?page=hai", None, "", 400),
            ];
            for (what, method, path, kind, body, status) in cases {
                let url = format!("{base}{path}");
                let mut req = match method {
                    "post" => api.post(&url),
                    "delete" => api.delete(&url),
                    _ => api.get(&url),
                }
                .header("authorization", &auth);
                if let Some(k) = kind {
                    req = req.header("content-type", k);
                }
                if !body.is_empty() {
                    req = req.body(body.to_string());
                }
                let res = req.send().await.unwrap();
                assert_eq!(res.status().as_u16(), status, "{what}");
                json_error(what)(status, res.text().await.unwrap());
            }
            let page = client();
            login(&page, base, WARD).await;
            for (what, path, status) in
                [("unknown page", "/khong-co", 404), ("page not a number", "/members?page=hai", 400)]
            {
                let res = page.get(format!("{base}{path}")).send().await.unwrap();
                assert_eq!(res.status().as_u16(), status, "{what}");
                let html = res.text().await.unwrap();
                assert!(html.contains("<html") && html.contains("Mã lỗi"), "{what}: {html}");
            }
        })
    });
}

/// A refusal that rests on a regulation names it: the API's error body carries the citation
/// beside each message, and the page shows it beside the field (issue 7, point 6).
#[test]
fn refusals_carry_their_citation() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let api = reqwest::Client::new();
            let auth = format!("Bearer {token}");
            let base = &run.base;
            let mut newcomer = common::member("Vi Thị Mới", "T-A-1", "000080000077");
            newcomer.entry = "admission".into();
            newcomer.official_on = None;
            newcomer.entry_on = None;
            newcomer.admitted_on = "2016-05-01".into();
            let res = api.post(format!("{base}/api/v1/members")).header("authorization", &auth).json(&newcomer).send().await.unwrap();
            let status = res.status();
            let created: serde_json::Value = res.json().await.unwrap();
            assert_eq!(status, 201, "{created}");
            let id = created["id"].as_str().unwrap().to_string();
            let expel = serde_json::json!({"kind": "expulsion", "occurred_on": "2016-12-01", "decision_number": "9-QĐ/ĐU"});
            let res = api
                .post(format!("{base}/api/v1/members/{id}/events"))
                .header("authorization", &auth)
                .json(&expel)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.unwrap();
            let detail = &body["error"]["details"][0];
            assert_eq!(detail["field"], "kind");
            assert_eq!(detail["citation"], "Điều lệ Đảng, Điều 35, khoản 2");

            let page = client();
            let csrf = login(&page, base, WARD).await;
            let res = page
                .post(format!("{base}/members/{id}/events"))
                .form(&[
                    ("kind", "expulsion"),
                    ("occurred_on", "2016-12-01"),
                    ("decision_number", "9-QĐ/ĐU"),
                    ("_csrf", csrf.as_str()),
                ])
                .send()
                .await
                .unwrap();
            let html = res.text().await.unwrap();
            assert!(html.contains("(Căn cứ: Điều lệ Đảng, Điều 35, khoản 2)"), "{html}");
        })
    });
}

/// Pages and API answers carry personal data, so no browser or proxy may keep them; the
/// stylesheet keeps its own long caching (issue 7, point 10).
#[test]
fn personal_data_is_never_cached() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let base = &run.base;
            let page = client();
            login(&page, base, WARD).await;
            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let cache = |res: &reqwest::Response| {
                res.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
            };
            for path in ["/members", "/orgs/T-A-1", "/khong-co"] {
                let res = page.get(format!("{base}{path}")).send().await.unwrap();
                assert_eq!(cache(&res), "no-store", "{path}");
            }
            let res = reqwest::Client::new()
                .get(format!("{base}/api/v1/members"))
                .header("authorization", format!("Bearer {token}"))
                .send()
                .await
                .unwrap();
            assert_eq!(cache(&res), "no-store");
            let css = page.get(format!("{base}/assets/coso.css")).send().await.unwrap();
            assert_ne!(cache(&css), "no-store");
        })
    });
}

/// A member who transferred out and comes back gets a transfer-in on the same record, through
/// the API, and keeps the status they left with (issue 7, point 4).
#[test]
fn a_member_who_comes_back_is_transferred_in_on_the_same_record() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let api = reqwest::Client::new();
            let auth = format!("Bearer {token}");
            let base = &run.base;
            let mut newcomer = common::member("Vi Thị Về", "T-A-1", "000080000066");
            newcomer.entry = "admission".into();
            newcomer.official_on = None;
            newcomer.entry_on = None;
            newcomer.admitted_on = "2020-05-01".into();
            let created: serde_json::Value = api
                .post(format!("{base}/api/v1/members"))
                .header("authorization", &auth)
                .json(&newcomer)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let id = created["id"].as_str().unwrap().to_string();
            let event = |body: serde_json::Value| {
                api.post(format!("{base}/api/v1/members/{id}/events")).header("authorization", &auth).json(&body).send()
            };
            let out = serde_json::json!({"kind": "transfer_out", "occurred_on": "2020-09-01", "decision_number": "5-QĐ/ĐU"});
            assert_eq!(event(out).await.unwrap().status(), 201);
            let back = serde_json::json!({"kind": "transfer_in", "occurred_on": "2021-02-01",
                "decision_number": "6-QĐ/ĐU", "to_org_code": "T-A-2"});
            let res = event(back).await.unwrap();
            assert_eq!(res.status(), 201);
            let detail = run.app.member_detail(&coso_app::Actor::system(), &id.as_str().into()).unwrap();
            assert_eq!(
                (detail.summary.status.code(), detail.summary.org_code.as_str()),
                ("probationary", "T-A-2"),
                "left probationary, comes back probationary"
            );
        })
    });
}

/// Behind a TLS proxy (`X-Forwarded-Proto: https`) every cookie is marked Secure; over plain
/// HTTP on the office network it is not, or the browser would drop it (issue 7, point 10).
#[test]
fn cookies_are_secure_behind_a_tls_proxy() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            let cookie = |res: &reqwest::Response| {
                res.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
            };
            let plain = reqwest::Client::new().get(format!("{}/login", run.base)).send().await.unwrap();
            assert!(!cookie(&plain).contains("Secure"), "{}", cookie(&plain));
            let proxied = reqwest::Client::new()
                .get(format!("{}/login", run.base))
                .header("x-forwarded-proto", "https")
                .send()
                .await
                .unwrap();
            let c = cookie(&proxied);
            assert!(c.contains("HttpOnly") && c.ends_with("; Secure"), "{c}");
        })
    });
}
