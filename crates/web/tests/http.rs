//! HTTP tests against a running coso on each backend: login, CSRF, scope, forms and the API.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::{ADMIN, WARD, client, fixture, login, runtime, spawn};
use coso_testkit::each_backend;

#[test]
fn health_answers_without_login_and_pages_ask_for_it() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            let c = client();
            let res = c.get(format!("{}/healthz", run.base)).send().await.unwrap();
            assert_eq!(res.status(), 200);
            let res = c.get(format!("{}/orgs", run.base)).send().await.unwrap();
            assert_eq!(res.status(), 303);
            assert_eq!(res.headers()["location"], "/login");
            let res = c.get(format!("{}/api/v1/members", run.base)).send().await.unwrap();
            assert_eq!(res.status(), 401);
            let body: serde_json::Value = res.json().await.unwrap();
            assert_eq!(body["error"]["message"], "Cần đăng nhập.");
        })
    });
}

#[test]
fn login_shows_the_tree_and_a_wrong_password_is_refused() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let c = client();
            let page = c.get(format!("{}/login", run.base)).send().await.unwrap().text().await.unwrap();
            let csrf = common::csrf_of(&page);
            let res = c
                .post(format!("{}/login", run.base))
                .form(&[("username", ADMIN.0), ("password", "sai-mat-khau"), ("_csrf", csrf.as_str())])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 401);
            assert!(res.text().await.unwrap().contains("Tên đăng nhập hoặc mật khẩu không đúng."));

            login(&c, &run.base, ADMIN).await;
            let tree = c.get(format!("{}/orgs?as_of=2021-10-17", run.base)).send().await.unwrap();
            assert_eq!(tree.status(), 200);
            let html = tree.text().await.unwrap();
            assert!(html.contains("Đảng bộ phường Đông Kinh Thử"));
            assert!(html.contains("Chi bộ Trường Tiểu học Thử"));
            // Before the units were founded the tree is empty.
            let old = c
                .get(format!("{}/orgs?as_of=2014-01-01", run.base))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(!old.contains("Chi bộ khối 1"));

            // The tree shows a level and loads the next when a unit is opened (issue 9): the
            // ward's cells are not on the page, its fragment lists them with their members.
            assert!(!html.contains("Chi bộ khối 1"), "the cells load when the ward is opened");
            assert!(html.contains("hx-get=\"/orgs/T-A/units?as_of=2021-10-17\""));
            let units = c
                .get(format!("{}/orgs/T-A/units?as_of=2021-10-17", run.base))
                .header("hx-request", "true")
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(units.contains("Chi bộ khối 1") && units.contains("Chi bộ khối 2"), "{units}");
            assert!(units.contains("1 đảng viên"), "{units}");
            let by_address = c.get(format!("{}/orgs/T-A/units", run.base)).send().await.unwrap();
            assert_eq!(by_address.status(), 303);
            assert!(by_address.headers()["location"].to_str().unwrap().starts_with("/orgs/T-A?as_of="));
        })
    });
}

#[test]
fn a_form_without_its_csrf_token_is_refused_and_changes_nothing() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let c = client();
            login(&c, &run.base, ADMIN).await;
            let before = run.app.list_members(&coso_app::Actor::system(), &Default::default()).unwrap().total;
            let res = c
                .post(format!("{}/members", run.base))
                .form(&[
                    ("full_name", "Vi Văn Mới"),
                    ("born_on", "1990-01-01"),
                    ("sex", "male"),
                    ("org_code", "T-B"),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 409);
            assert!(res.text().await.unwrap().contains("CSRF"));
            let after = run.app.list_members(&coso_app::Actor::system(), &Default::default()).unwrap().total;
            assert_eq!(before, after);
        })
    });
}

#[test]
fn member_form_shows_field_errors_in_vietnamese_then_saves() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let c = client();
            let csrf = login(&c, &run.base, ADMIN).await;
            let mut fields = vec![
                ("_csrf", csrf.clone()),
                ("full_name", "Vi Thị Mai".to_string()),
                ("born_on", "1995-04-02".to_string()),
                ("sex", "female".to_string()),
                ("cccd", "12345".to_string()),
                ("entry", "admission".to_string()),
                ("org_code", "T-B".to_string()),
                ("admitted_on", "2020-06-01".to_string()),
                ("decision_number", "12-QĐ/TU".to_string()),
            ];
            let res = c.post(format!("{}/members", run.base)).form(&fields).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            assert!(html.contains("Số CCCD phải gồm đúng 12 chữ số."), "{html}");
            assert!(html.contains("aria-invalid=\"true\""));
            assert!(html.contains("Vi Thị Mai"), "the form keeps what was typed");

            fields[4].1 = "000095000111".into();
            let res = c.post(format!("{}/members", run.base)).form(&fields).send().await.unwrap();
            assert_eq!(res.status(), 303);
            let location = res.headers()["location"].to_str().unwrap().to_string();
            let page = c.get(format!("{}{location}", run.base)).send().await.unwrap().text().await.unwrap();
            assert!(page.contains("Vi Thị Mai"));
            assert!(page.contains("Kết nạp"));
        })
    });
}

#[test]
fn search_ignores_diacritics_and_scope_limits_what_a_ward_sees() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let c = client();
            login(&c, &run.base, WARD).await;
            let html = c
                .get(format!("{}/members?q=nguyen+van+dong", run.base))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(html.contains("Nguyễn Văn Đông"));
            assert!(
                html.starts_with("<!doctype html>") || html.starts_with("<!DOCTYPE html>"),
                "a whole page"
            );
            // htmx's live search gets the results alone; a history restore gets the whole page.
            let get = |headers: &'static [(&'static str, &'static str)]| {
                let mut req = c.get(format!("{}/members?q=hoang", run.base));
                for (k, v) in headers {
                    req = req.header(*k, *v);
                }
                async move { req.send().await.unwrap().text().await.unwrap() }
            };
            let fragment = get(&[("hx-request", "true")]).await;
            assert!(fragment.trim_start().starts_with("<div id=\"results\">"), "{fragment}");
            assert!(fragment.contains("Hoàng Thị Lụa") && !fragment.contains("<form"), "{fragment}");
            let restored = get(&[("hx-request", "true"), ("hx-history-restore-request", "true")]).await;
            assert!(restored.contains("<form") && restored.contains("Hoàng Thị Lụa"));
            let all = c.get(format!("{}/members", run.base)).send().await.unwrap().text().await.unwrap();
            assert!(all.contains("Hoàng Thị Lụa"));
            assert!(!all.contains("Lương Văn Bình"), "a member of another grassroots org is out of scope");
            let other = c.get(format!("{}/orgs/T-B", run.base)).send().await.unwrap();
            assert_eq!(other.status(), 403);
        })
    });
}

#[test]
fn the_api_takes_bearer_tokens_and_answers_errors_in_json() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let c = reqwest::Client::new();
            let auth = format!("Bearer {token}");
            let page: serde_json::Value = c
                .get(format!("{}/api/v1/members?q=LUA", run.base))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(page["total"], 1);
            assert_eq!(page["members"][0]["full_name"], "Hoàng Thị Lụa");

            let tree: serde_json::Value = c
                .get(format!("{}/api/v1/orgs/tree?as_of=17/10/2021", run.base))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(tree["orgs"].as_array().unwrap().len(), 3, "T-A with its two cells");
            let level: serde_json::Value = c
                .get(format!("{}/api/v1/orgs/tree/level?under=T-A&as_of=17/10/2021", run.base))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let units: Vec<(&str, i64)> = level["units"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| (u["code"].as_str().unwrap(), u["members"].as_i64().unwrap()))
                .collect();
            assert_eq!(units, [("T-A-1", 1), ("T-A-2", 1)], "{level}");
            assert_eq!((level["org"]["code"].as_str(), level["members"].as_i64()), (Some("T-A"), Some(2)));

            let mut bad = common::member("Nông Văn Sai", "T-A-1", "12");
            bad.cccd = Some("00008000000X".into());
            let res = c
                .post(format!("{}/api/v1/members", run.base))
                .header("authorization", &auth)
                .json(&bad)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.unwrap();
            assert_eq!(body["error"]["fields"]["cccd"], "Số CCCD phải gồm đúng 12 chữ số.");

            let outside = common::member("Nông Văn Ngoài", "T-B", "000080000099");
            let res = c
                .post(format!("{}/api/v1/members", run.base))
                .header("authorization", &auth)
                .json(&outside)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 403);

            let good = common::member("Nông Văn Trong", "T-A-2", "000080000098");
            let res = c
                .post(format!("{}/api/v1/members", run.base))
                .header("authorization", &auth)
                .json(&good)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);

            run.app.revoke_token(&coso_app::Actor::system(), &token).unwrap();
            let res = c
                .get(format!("{}/api/v1/members", run.base))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 401);
        })
    });
}

#[test]
fn openapi_document_describes_the_endpoints() {
    let doc: serde_json::Value = serde_json::from_str(&coso_web::openapi_json()).unwrap();
    for path in [
        "/api/v1/orgs",
        "/api/v1/orgs/tree",
        "/api/v1/orgs/{code}",
        "/api/v1/members",
        "/api/v1/members/{id}",
        "/api/v1/members/{id}/events",
        "/api/v1/orgs/{code}/reorganizations",
        "/api/v1/orgs/{code}/positions",
    ] {
        assert!(doc["paths"][path].is_object(), "missing {path}");
    }
    assert!(doc["components"]["schemas"]["MemberInput"].is_object());
    assert!(doc["components"]["schemas"]["Reorganization"].is_object());
    assert!(doc["paths"]["/api/v1/orgs"]["post"].is_object());
    assert!(doc["paths"]["/api/v1/members/{id}"]["put"].is_object());
}

/// What a page form can do, the API can do: found, reorganize, record a position, correct a
/// member. Out of scope it answers 403 and writes nothing.
#[test]
fn the_api_reorganizes_records_positions_and_corrects_members_within_scope() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let sys = coso_app::Actor::system();
            let token = run.app.create_token(&sys, WARD.0).unwrap();
            let c = reqwest::Client::new();
            let auth = format!("Bearer {token}");
            let post = |path: &str, body: serde_json::Value| {
                c.post(format!("{}/api/v1{path}", run.base)).header("authorization", &auth).json(&body).send()
            };
            let tree =
                |on: &str| run.app.tree(&sys, coso_domain::date::parse(on).unwrap()).unwrap().orgs.len();
            let before = tree("2022-01-01");

            // A split founds its units beside the source: the ward cannot split itself.
            let split = serde_json::json!({"kind": "split", "effective_on": "2022-01-01",
                "decision_number": "12-QĐ/TU", "new_units": "T-C | Đảng bộ phường Mới"});
            let res = post("/orgs/T-A/reorganizations", split).await.unwrap();
            assert_eq!(res.status(), 403);
            assert_eq!(tree("2022-01-01"), before, "nothing founded");
            let res = post(
                "/orgs",
                serde_json::json!({"code": "T-X", "name": "Chi bộ ngoài",
                "kind": "subordinate_cell", "parent_code": "T-B", "founded_on": "2021-01-01",
                "decision_number": "1-QĐ/ĐU"}),
            )
            .await
            .unwrap();
            assert!(matches!(res.status().as_u16(), 403 | 422), "{}", res.status());

            let rename = serde_json::json!({"kind": "rename", "effective_on": "2022-01-01",
                "decision_number": "12-QĐ/ĐU", "new_name": "Chi bộ khối Một"});
            let res = post("/orgs/T-A-1/reorganizations", rename).await.unwrap();
            assert_eq!(res.status(), 201);
            let detail: serde_json::Value = res.json().await.unwrap();
            assert_eq!(detail["org"]["name"], "Chi bộ khối Một");
            let bad =
                post("/orgs/T-A-1/reorganizations", serde_json::json!({"kind": "rename"})).await.unwrap();
            assert_eq!(bad.status(), 422);

            let members = run
                .app
                .list_members(
                    &sys,
                    &coso_app::members::MemberQuery { q: Some("dong".into()), ..Default::default() },
                )
                .unwrap();
            let dong = &members.members[0];
            let position = serde_json::json!({"member_id": dong.id, "role": "secretary",
                "valid_from": "2020-06-01", "decision_number": "3-QĐ/ĐU"});
            let res = post("/orgs/T-A-1/positions", position.clone()).await.unwrap();
            assert_eq!(res.status(), 201);
            let detail: serde_json::Value = res.json().await.unwrap();
            assert_eq!(detail["officers"][0]["full_name"], "Nguyễn Văn Đông");
            let res = post("/orgs/T-B/positions", position).await.unwrap();
            assert_eq!(res.status(), 403);

            let mut fix = common::member("Nguyễn Văn Đông", "T-A-1", "000080000001");
            fix.phone = Some("0912345678".into());
            let res = c
                .put(format!("{}/api/v1/members/{}", run.base, dong.id))
                .header("authorization", &auth)
                .json(&fix)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            let detail = run.app.member_detail(&sys, &dong.id).unwrap();
            assert_eq!(detail.phone.as_deref(), Some("0912345678"));
        })
    });
}

/// Issue 8: the organization page lists the committee in office first, in protocol order, and
/// folds the other terms below.
#[test]
fn the_org_page_lists_the_committee_in_office_first_and_folds_other_terms() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let sys = coso_app::Actor::system();
            let members =
                run.app.list_members(&sys, &coso_app::members::MemberQuery::default()).unwrap().members;
            let id = |name: &str| members.iter().find(|m| m.full_name == name).unwrap().id.to_string();
            let seat =
                |who: &str, role: &str, from: &str, to: Option<&str>| coso_app::positions::PositionInput {
                    member_id: id(who),
                    role: role.into(),
                    valid_from: from.into(),
                    valid_to: to.map(String::from),
                    decision_number: "7-QĐ/ĐU".into(),
                };
            run.app
                .add_position(&sys, "T-A", seat("Hoàng Thị Lụa", "committee_member", "2020-10-01", None))
                .unwrap();
            run.app
                .add_position(&sys, "T-A", seat("Nguyễn Văn Đông", "secretary", "2020-10-01", None))
                .unwrap();
            run.app
                .add_position(
                    &sys,
                    "T-A",
                    seat("Hoàng Thị Lụa", "secretary", "2015-10-01", Some("2020-10-01")),
                )
                .unwrap();
            let c = client();
            login(&c, &run.base, WARD).await;
            let page = c
                .get(format!("{}/orgs/T-A?as_of=2021-06-01", run.base))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let in_office = &page[page.find("id=\"in-office\"").expect("the committee in office")..];
            let folded = page.find("id=\"former-officers\"").expect("other terms folded");
            let secretary = in_office.find("Nguyễn Văn Đông").unwrap();
            let member = in_office.find("Hoàng Thị Lụa").unwrap();
            assert!(secretary < member, "the secretary comes first");
            assert!(page.find("id=\"in-office\"").unwrap() < folded);
            assert!(page[folded..].contains("Các nhiệm kỳ khác (1 chức vụ)"), "{}", &page[folded..]);
        })
    });
}
