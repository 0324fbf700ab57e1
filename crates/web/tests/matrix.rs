//! The route × role matrix: every route the application serves (its route tables, so a new
//! route cannot be missed), for every role and for anonymous callers, with an object inside the
//! account's scope and one outside it. Outside the scope nothing is read and nothing is written:
//! the answer is 403 or 404, the audit log does not grow, and no page or answer of any route
//! names the unit or the member outside the scope. On both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use coso_app::auth::NewUser;
use coso_app::meetings::{MeetingInput, QuotaPolicyInput};
use coso_app::members::MemberQuery;
use coso_app::{Actor, App};
use coso_testkit::each_backend;
use serde_json::{Value, json};

use common::{ADMIN, WARD, client, fixture, login, runtime, spawn};

/// The unit outside every scoped account's subtree, and its member: neither may appear.
const OUTSIDE_UNIT: &str = "Chi bộ Trường Tiểu học Thử";
const OUTSIDE_MEMBER: &str = "Lương Văn Bình";

/// Routes that act on no unit: the session itself and pages that only lead elsewhere.
const UNSCOPED: [&str; 7] =
    ["/", "/login", "/logout", "/orgs/new", "/members/new", "/compliance", "/api/v1/openapi.json"];

/// Routes whose write applies to the whole tree (city-wide rules).
const WHOLE_TREE: [&str; 2] = ["/superiors/policies", "/api/v1/quota-policies"];

/// The objects a route is tried on, inside the scope of every scoped account and outside it.
struct Objects {
    cell_in: &'static str,
    cell_out: &'static str,
    member_in: String,
    member_out: String,
    meeting_in: String,
    meeting_out: String,
    policy: String,
    person: String,
    pilot_in: String,
    pilot_out: String,
    action_in: String,
    action_out: String,
    class_in: String,
    class_out: String,
    /// A register file previewed for import, and a reconciliation, of each unit.
    import_in: String,
    import_out: String,
    reconciliation_in: String,
    reconciliation_out: String,
    /// A resolution of each unit with one target, and a plan of each unit with one task.
    resolution_in: String,
    resolution_out: String,
    target_in: String,
    target_out: String,
    plan_in: String,
    plan_out: String,
    task_in: String,
    task_out: String,
}

/// Who tries: a role's account (None for an anonymous caller), its API token and its browser.
struct Caller {
    /// Whether the account sees the whole tree (nothing is outside its scope).
    whole: bool,
    token: Option<String>,
    browser: reqwest::Client,
    csrf: String,
}

fn meeting(held_on: &str) -> MeetingInput {
    MeetingInput {
        kind: "regular".into(),
        held_on: held_on.into(),
        starts_at: "19:30".into(),
        duration_minutes: "90".into(),
        topic: "Sinh hoạt thường kỳ".into(),
        minutes: coso_app::meetings::MinutesText {
            chair: "Bí thư chi bộ".into(),
            minute_taker: "Phó Bí thư".into(),
            ..Default::default()
        },
        ..MeetingInput::default()
    }
}

fn objects(app: &App) -> Objects {
    let sys = Actor::system();
    let find = |q: &str| {
        let page =
            app.list_members(&sys, &MemberQuery { q: Some(q.into()), ..MemberQuery::default() }).unwrap();
        page.members[0].clone()
    };
    let (dong, binh, lua) = (find("nguyen van dong"), find("luong van binh"), find("hoang thi lua"));
    let meeting_in = app.record_meeting(&sys, "T-A-1", meeting("2021-03-10")).unwrap().id;
    let meeting_out = app.record_meeting(&sys, "T-B", meeting("2021-03-11")).unwrap().id;
    let policy = app
        .add_quota_policy(
            &sys,
            QuotaPolicyInput {
                document: "1764-QĐ/TU".into(),
                issued_on: "2019-05-29".into(),
                issuer: "Ban Thường vụ Tỉnh ủy".into(),
                level: "grassroots_committee".into(),
                min_per_year: 4,
                valid_from: "2019-05-29".into(),
                valid_to: None,
            },
        )
        .unwrap();
    let person = app.member_detail(&sys, &lua.id).unwrap().summary.person_id;
    let pilot = |unit: &str, by: &str| {
        app.open_pilot(
            &sys,
            coso_app::pilots::PilotInput {
                org_code: unit.into(),
                selected_by_code: by.into(),
                selected_on: "2021-01-05".into(),
                weaknesses: vec!["meeting_quality".into()],
                decision: "1-KH".into(),
                ..Default::default()
            },
        )
        .unwrap()
    };
    let (pilot_in, pilot_out) = (pilot("T-A-1", "T-A"), pilot("T-B", "T"));
    let action = |pilot: &str| {
        let input = coso_app::pilots::ActionInput {
            title: "Kiện toàn".into(),
            owner: "Cấp ủy".into(),
            set_on: "2021-02-01".into(),
            due_on: "2021-03-01".into(),
        };
        app.add_action(&sys, pilot, input).unwrap()
    };
    let (action_in, action_out) = (action(&pilot_in), action(&pilot_out));
    let class = |org: &str| {
        let input = coso_app::training::ClassInput {
            title: "Lớp bồi dưỡng".into(),
            category: "professional".into(),
            audience: "cadres".into(),
            organizer_code: org.into(),
            starts_on: "2021-03-01".into(),
            ends_on: "2021-03-05".into(),
            ..Default::default()
        };
        app.create_class(&sys, input).unwrap().id
    };
    let (class_in, class_out) = (class("T-A-1"), class("T-B"));
    // A register of the unit's own members, as its export writes it.
    let register =
        |org: &str| app.export_register(&sys, org, None, coso_app::members::BookFormat::Csv).unwrap().bytes;
    let import =
        |org: &str| app.preview_register_import(&sys, org, "so.csv", register(org)).unwrap().0.unwrap();
    let reconcile = |org: &str| app.start_reconciliation(&sys, org, None, "so.csv", register(org)).unwrap();
    let (import_in, import_out) = (import("T-A-1"), import("T-B"));
    let (reconciliation_in, reconciliation_out) = (reconcile("T-A-1"), reconcile("T-B"));
    // Resolutions and plans are read by the units below their committee and those above it:
    // those of T-A-1 are inside every scoped account's view, those of T-B outside all of them.
    let resolution = |org: &str| {
        let input = coso_app::resolutions::ResolutionInput {
            org_code: org.into(),
            title: "Nghị quyết đại hội chi bộ".into(),
            first_year: 2020,
            last_year: 2025,
            targets: vec![coso_app::resolutions::TargetInput {
                name: "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ".into(),
                unit: "%".into(),
                value: 90.0,
                direction: "at_least".into(),
                reach_year: None,
            }],
            ..Default::default()
        };
        let id = app.record_resolution(&sys, input).unwrap();
        let target = app.resolution(&sys, &id, None).unwrap().targets[0].id.clone();
        (id, target)
    };
    let ((resolution_in, target_in), (resolution_out, target_out)) = (resolution("T-A-1"), resolution("T-B"));
    let plan = |org: &str| {
        let input = coso_app::plans::PlanInput {
            org_code: org.into(),
            kind: "plan".into(),
            title: "Kế hoạch nâng cao chất lượng sinh hoạt".into(),
            starts_on: "2021-01-01".into(),
            ends_on: "2021-12-31".into(),
            ..Default::default()
        };
        let id = app.record_plan(&sys, input).unwrap();
        let task = coso_app::plans::TaskInput {
            title: "Sinh hoạt chuyên đề mỗi quý".into(),
            assignee_code: org.into(),
            due_on: "2021-06-30".into(),
        };
        let task = app.assign_task(&sys, &id, task).unwrap();
        (id, task)
    };
    let ((plan_in, task_in), (plan_out, task_out)) = (plan("T-A-1"), plan("T-B"));
    Objects {
        cell_in: "T-A-1",
        cell_out: "T-B",
        member_in: dong.id.to_string(),
        member_out: binh.id.to_string(),
        meeting_in: meeting_in.to_string(),
        meeting_out: meeting_out.to_string(),
        policy,
        person: person.to_string(),
        pilot_in,
        pilot_out,
        action_in,
        action_out,
        class_in,
        class_out,
        import_in,
        import_out,
        reconciliation_in,
        reconciliation_out,
        resolution_in,
        resolution_out,
        target_in,
        target_out,
        plan_in,
        plan_out,
        task_in,
        task_out,
    }
}

async fn caller(app: &App, base: &str, role: &'static str, org: Option<&str>) -> Caller {
    let browser = client();
    if role == "anonymous" {
        return Caller { whole: false, token: None, browser, csrf: String::new() };
    }
    let sys = Actor::system();
    let username = format!("tk.{role}");
    let password = "mat-khau-ma-tran";
    let (username, password) = match role {
        "admin" => (ADMIN.0.to_string(), ADMIN.1),
        "org_admin" => (WARD.0.to_string(), WARD.1),
        _ => {
            let user = NewUser {
                username: username.clone(),
                role: role.into(),
                org_code: org.map(String::from),
                password: password.into(),
                ..NewUser::default()
            };
            app.add_user(&sys, user).unwrap();
            (username, password)
        }
    };
    let token = app.create_token(&sys, &username).unwrap();
    let csrf = login(&browser, base, (&username, password)).await;
    Caller { whole: matches!(role, "admin" | "city"), token: Some(token), browser, csrf }
}

/// The path with its parameters set to the objects inside or outside the scope, and a body
/// that would be a valid write there. A route the matrix does not know fails the test: add it.
fn request(method: &str, path: &str, o: &Objects, inside: bool, n: usize) -> (String, Value) {
    let cell = if inside { o.cell_in } else { o.cell_out };
    let member = if inside { &o.member_in } else { &o.member_out };
    let meeting_id = if inside { &o.meeting_in } else { &o.meeting_out };
    let url = path
        .replace("{code}", cell)
        .replace("/members/{id}", &format!("/members/{member}"))
        .replace("/meetings/{id}", &format!("/meetings/{meeting_id}"))
        .replace("{year}", "2021")
        .replace(
            "/pilots/actions/{id}",
            &format!("/pilots/actions/{}", if inside { &o.action_in } else { &o.action_out }),
        )
        .replace("/pilots/{id}", &format!("/pilots/{}", if inside { &o.pilot_in } else { &o.pilot_out }))
        .replace(
            "/training/classes/{id}",
            &format!("/training/classes/{}", if inside { &o.class_in } else { &o.class_out }),
        )
        .replace("/training/{id}", &format!("/training/{}", if inside { &o.class_in } else { &o.class_out }))
        .replace(
            "/registers/imports/{id}",
            &format!("/registers/imports/{}", if inside { &o.import_in } else { &o.import_out }),
        )
        .replace("{task}", if inside { &o.task_in } else { &o.task_out })
        .replace("/tasks/{id}", &format!("/tasks/{}", if inside { &o.task_in } else { &o.task_out }))
        .replace("/plans/{id}", &format!("/plans/{}", if inside { &o.plan_in } else { &o.plan_out }))
        .replace("/targets/{id}", &format!("/targets/{}", if inside { &o.target_in } else { &o.target_out }))
        .replace(
            "/resolutions/{id}",
            &format!("/resolutions/{}", if inside { &o.resolution_in } else { &o.resolution_out }),
        )
        .replace(
            "/reconciliations/{id}",
            &format!(
                "/reconciliations/{}",
                if inside { &o.reconciliation_in } else { &o.reconciliation_out }
            ),
        );
    assert!(!url.contains('{'), "{method} {path}: the matrix does not know this parameter; add it");
    if method == "get" {
        return (url, Value::Null);
    }
    let meeting = || {
        json!({"kind": "regular", "held_on": "2021-04-10", "starts_at": "19:30", "duration_minutes": "90",
               "chair": "Bí thư", "minute_taker": "Phó Bí thư", "topic": "Thường kỳ"})
    };
    let member_body = |name: &str, org: &str| {
        json!({"full_name": name, "born_on": "1985-01-01", "sex": "female", "ethnicity": "Kinh",
               "religion": "Không", "cccd": format!("0000900{n:05}"), "org_code": org,
               "admitted_on": "2010-03-03", "official_on": "2011-03-03", "entry": "transfer_in",
               "entry_on": "2016-01-01", "decision_number": "5-QĐ/ĐU"})
    };
    let api = path.starts_with("/api/v1");
    let route = path.trim_start_matches("/api/v1");
    let body = match (method, route) {
        ("post", "/login") => json!({"username": "khong-ai", "password": "sai-mat-khau"}),
        ("post", "/orgs") => json!({"code": format!("MX-{n}"), "name": "Tổ đảng mới", "kind": "party_group",
            "parent_code": cell, "founded_on": "2021-01-01", "decision_number": "1-QĐ/ĐU"}),
        ("post", "/orgs/{code}/reorganize" | "/orgs/{code}/reorganizations") => json!({"kind": "rename",
            "effective_on": "2022-01-01", "decision_number": "9-QĐ/ĐU", "new_name": format!("Chi bộ đổi tên {n}")}),
        ("post", "/orgs/{code}/positions") => json!({"member_id": member, "role": "deputy_secretary",
            "valid_from": "2021-01-01", "decision_number": "3-QĐ/ĐU"}),
        ("post", "/orgs/{code}/meetings") | ("put" | "post", "/meetings/{id}") => meeting(),
        ("delete", "/meetings/{id}") | ("post", "/meetings/{id}/delete") => json!({"reason": "Ghi nhầm"}),
        ("post", "/orgs/{code}/assignments" | "/superior-assignments") => json!({"person_id": o.person,
            "cell_code": cell, "policy_id": o.policy, "decision_number": "7-QĐ/TU", "valid_from": "2021-01-01"}),
        ("post", "/superiors/policies" | "/quota-policies") => json!({"document": format!("{n}-QĐ/TU"),
            "issued_on": "2021-01-01", "issuer": "Thành ủy", "level": "city_committee", "min_per_year": 2,
            "valid_from": "2021-01-01"}),
        ("post", "/orgs/{code}/meeting-lengths") => json!({"decision": format!("Quyết định {n}-QĐ/ĐU"),
            "min_minutes": 60, "min_combined_minutes": 90, "in_force_from": "2025-11-01"}),
        ("post", "/members") => member_body("Võ Thị Ma Trận", cell),
        ("put" | "post", "/members/{id}") => {
            member_body(if inside { "Nguyễn Văn Đông" } else { OUTSIDE_MEMBER }, cell)
        }
        ("post", "/members/{id}/events") => json!({"kind": "exemption", "occurred_on": "2021-06-01",
            "decision_number": "4-QĐ/ĐU"}),
        ("post", "/orgs/{code}/ratings" | "/ratings/{code}/{year}") => {
            json!({"year": "2021", "stage": "proposed", "unit_tier": "good"})
        }
        ("post", "/cases/inspections" | "/inspections") => json!({"kind": "thematic", "org_code": cell,
            "by_org_code": cell, "period_from": "2021-03-01", "period_to": "2021-03-31",
            "findings": "Kiểm tra chuyên đề sinh hoạt chi bộ", "conclusion": "Thực hiện tốt", "follow_up": ""}),
        ("post", "/cases/disciplines" | "/disciplines") => {
            json!({"membership_id": member, "form": "reprimand",
            "decided_on": "2021-06-01", "by_org_code": cell, "document": format!("{n}-QĐ/CB"),
            "reason": "Vi phạm quy định sinh hoạt"})
        }
        ("post", "/pilots") => {
            json!({"org_code": "T-A-2", "selected_by_code": "T-A", "selected_on": "2021-02-01",
            "weaknesses": ["key_tasks"], "decision": format!("{n}-KH/ĐU")})
        }
        ("post", "/pilots/{id}/followers") => json!({"membership_id": member, "role_note": "Tổ viên"}),
        ("post", "/pilots/{id}/visits") => {
            json!({"visited_on": "2021-05-01", "findings": "Dự sinh hoạt chi bộ"})
        }
        ("post", "/pilots/{id}/actions") => {
            json!({"title": "Kiện toàn", "owner": "Đảng ủy", "set_on": "2021-05-01",
            "due_on": "2021-06-01"})
        }
        ("post", "/pilots/{id}/close") => {
            json!({"ends_on": "2021-09-30", "closing_assessment": "Đã khắc phục"})
        }
        ("post", "/pilots/actions/{id}") => json!({"status": "in_progress", "evidence": ""}),
        ("post", "/training" | "/training/classes") => {
            json!({"title": "Lớp bồi dưỡng", "category": "professional",
            "audience": "cadres", "organizer_code": cell, "starts_on": "2021-03-01", "ends_on": "2021-03-05"})
        }
        ("post", "/training/{id}/preview") => json!({"file": "not a spreadsheet"}),
        ("post", "/training/{id}/import") => json!({"file_hex": "00"}),
        (
            "post",
            "/registers/{code}/import" | "/registers/{code}/reconcile" | "/registers/{code}/reconciliations",
        ) => {
            json!({"file": "not a spreadsheet", "as_of": "2021-06-30"})
        }
        ("post", "/registers/imports/{id}") => json!({"org": cell}),
        ("post", "/reconciliations/{id}/explain") => {
            json!({"member_key": "X1", "field": "", "note": "Đang chuyển sinh hoạt"})
        }
        ("post", "/reconciliations/{id}/correct") => json!({"membership_id": member, "field": "HomeTown"}),
        ("post", "/documents") => json!({"number": format!("{n}-KH/ĐU"), "issuer_name": "Đảng ủy phường",
            "issuer_code": cell, "issued_on": "2021-03-01", "title": "Kế hoạch sinh hoạt chuyên đề"}),
        ("post", "/resolutions") => {
            json!({"org_code": cell, "title": "Nghị quyết đại hội", "first_year": 2020,
            "last_year": 2025, "targets": [{"name": "Kết nạp đảng viên", "unit": "đảng viên", "value": 10.0,
            "direction": "at_least"}]})
        }
        ("post", "/resolutions/{id}/values") => {
            json!({"target_id": if inside { &o.target_in } else { &o.target_out },
            "year": "2021", "value": "92,5", "source": "Báo cáo năm 2021"})
        }
        ("post", "/targets/{id}/values") => {
            json!({"year": 2021, "value": 92.5, "source": "Báo cáo năm 2021"})
        }
        ("post", "/plans") => json!({"org_code": cell, "kind": "project", "title": "Đề án sinh hoạt",
            "starts_on": "2021-01-01", "ends_on": "2025-12-31"}),
        ("post", "/plans/{id}/tasks") => json!({"title": "Kiện toàn chi ủy", "assignee_code": cell,
            "due_on": "2021-09-30"}),
        ("post", "/plans/{id}/tasks/{task}/progress" | "/tasks/{id}/progress") => {
            json!({"reported_on": "2021-05-01", "progress_pct": 50, "note": "Đang thực hiện"})
        }
        _ => panic!("{method} {path}: the matrix has no body for this write; add one"),
    };
    // Forms send flat fields; the JSON body becomes one.
    if !api && body.is_object() {
        let form: serde_json::Map<String, Value> = body
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.as_str().map_or_else(|| v.to_string(), String::from))))
            .collect();
        return (url, Value::Object(form));
    }
    (url, body)
}

async fn send(c: &Caller, base: &str, method: &str, url: &str, body: &Value) -> (u16, String) {
    let api = url.starts_with("/api/v1");
    let full = format!("{base}{url}");
    let mut req = match method {
        "get" => c.browser.get(&full),
        "post" => c.browser.post(&full),
        "put" => c.browser.put(&full),
        "delete" => c.browser.delete(&full),
        other => panic!("method {other}"),
    };
    if api {
        if let Some(t) = &c.token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        if method != "get" {
            req = req.json(body);
        }
    } else if method != "get" {
        let mut fields: Vec<(String, String)> = body
            .as_object()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect())
            .unwrap_or_default();
        fields.push(("_csrf".into(), c.csrf.clone()));
        req = req.form(&fields);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let text = String::from_utf8_lossy(&res.bytes().await.unwrap()).into_owned();
    (status, text)
}

fn audit_rows(db: &coso_store::Db) -> i64 {
    db.read(coso_store::audit::count).unwrap()
}

#[test]
fn no_route_reads_or_writes_outside_the_callers_scope() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let o = objects(&run.app);
            let base = run.base.as_str();
            let roles: [(&'static str, Option<&str>); 8] = [
                ("admin", None),
                ("city", Some("T")),
                ("org_admin", Some("T-A")),
                ("cell_secretary", Some("T-A-1")),
                ("cadre", Some("T-A")),
                ("inspector", Some("T-A")),
                ("viewer", Some("T-A")),
                ("anonymous", None),
            ];
            let routes = coso_web::route_table();
            assert!(routes.len() > 40, "the route table lists every route: {}", routes.len());
            let mut tried = 0;
            let mut n = 0;
            for (role, org) in roles {
                let c = caller(&run.app, base, role, org).await;
                for (method, path) in &routes {
                    if path == "/logout" {
                        continue; // would end the caller's session; the HTTP tests cover it
                    }
                    let scoped_object = path.contains('{');
                    let whole_tree_write = WHOLE_TREE.contains(&path.as_str());
                    for inside in [true, false] {
                        if !scoped_object && !inside && !whole_tree_write {
                            continue;
                        }
                        n += 1;
                        let (url, body) = request(method, path, &o, inside, n);
                        let before = audit_rows(db);
                        let (status, text) = send(&c, base, method, &url, &body).await;
                        tried += 1;
                        let what = format!("{role} {method} {url}");
                        assert!(status < 500, "{what}: {status} {text}");
                        if c.whole || UNSCOPED.contains(&path.as_str()) && role != "anonymous" {
                            continue;
                        }
                        // Nothing outside the scope is ever shown, whatever the route.
                        assert!(
                            !text.contains(OUTSIDE_UNIT) && !text.contains(OUTSIDE_MEMBER),
                            "{what} shows what lies outside the scope"
                        );
                        let outside = !inside || role == "anonymous";
                        if outside && (scoped_object || whole_tree_write || role == "anonymous") {
                            let refused = match role {
                                "anonymous" if url.starts_with("/api/") => status == 401,
                                "anonymous" => status == 303 || status == 401 || status == 403,
                                _ => status == 403 || status == 404,
                            };
                            let public =
                                role == "anonymous" && (path == "/login" || path == "/api/v1/openapi.json");
                            assert!(refused || public, "{what}: answered {status} outside the scope");
                            assert_eq!(audit_rows(db), before, "{what}: wrote outside the scope");
                        }
                    }
                }
            }
            eprintln!("route × role matrix: {tried} requests over {} routes", routes.len());
        })
    });
}
