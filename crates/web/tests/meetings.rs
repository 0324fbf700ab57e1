//! HTTP tests of cell meetings on each backend: the minutes form with attendance, its refusals,
//! the meeting page and its Word file, the compliance and superior reports, and their API.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::{ADMIN, MeetingPeople, WARD, client, fixture, login, meeting_fixture, runtime, spawn};
use coso_testkit::each_backend;

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The minutes form of T-A-1 on 15/09/2021 as a browser posts it: Khánh absent with reason,
/// Hoa absent without, Đông present, Bình attending from the city committee.
fn minutes_form(csrf: &str, p: &MeetingPeople) -> Vec<(String, String)> {
    [
        ("_csrf", csrf),
        ("kind", "regular"),
        ("held_on", "15092021"),
        ("starts_at", "19h30"),
        ("duration_minutes", "90"),
        ("venue", "Nhà văn hóa khối 1"),
        ("chair", "Nguyễn Văn Đông"),
        ("minute_taker", "Vi Văn Khánh"),
        ("topic", "Kiểm điểm công tác tháng 9"),
        ("sources", "Bản tin nội bộ; Báo Lạng Sơn"),
        ("conclusions", "Chi bộ thống nhất nhiệm vụ tháng 10."),
        ("sup_1_remarks", "Đồng chí Bình phát biểu chỉ đạo"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .chain([
        (format!("att_{}", p.dong), "present".to_string()),
        (format!("att_{}", p.khanh), "excused".to_string()),
        (format!("reason_{}", p.khanh), "Ốm".to_string()),
        (format!("att_{}", p.hoa), "unexcused".to_string()),
        ("sup_1_person".to_string(), p.binh_person.clone()),
    ])
    .collect()
}

fn set(form: &mut [(String, String)], key: &str, value: &str) {
    form.iter_mut().find(|(k, _)| k == key).unwrap().1 = value.into();
}

async fn text(c: &reqwest::Client, url: String) -> String {
    let res = c.get(url).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.text().await.unwrap()
}

#[test]
fn a_meeting_recorded_through_the_form_shows_its_absentees_and_downloads_its_minutes() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let people = meeting_fixture(&run.app);
            let c = client();
            let csrf = login(&c, &run.base, WARD).await;
            let base = &run.base;

            // The org page of a cell links to its meetings; the register offers the form.
            let org = text(&c, format!("{base}/orgs/T-A-1")).await;
            assert!(org.contains("href=\"/orgs/T-A-1/meetings\""));
            let committee = text(&c, format!("{base}/orgs/T-A")).await;
            assert!(committee.contains("href=\"/orgs/T-A/compliance\""));
            let register = text(&c, format!("{base}/orgs/T-A-1/meetings")).await;
            assert!(register.contains("Ghi biên bản sinh hoạt"));
            let form = text(&c, format!("{base}/orgs/T-A-1/meetings/new")).await;
            assert!(form.contains("value=\"19:30\"") && form.contains("value=\"90\""));
            assert!(form.contains("hx-get=\"/orgs/T-A-1/meetings/attendance\""));

            // The attendance section for the date lists the roll with three choices each.
            let section = text(&c, format!("{base}/orgs/T-A-1/meetings/attendance?on=2021-09-15")).await;
            for name in ["Nguyễn Văn Đông", "Vi Văn Khánh", "Lục Thị Hoa"] {
                assert!(section.contains(name), "{name} is invited");
            }
            assert!(!section.contains("Hoàng Thị Lụa"), "a member of another cell is not");
            assert!(section.contains(&format!("name=\"att_{}\" value=\"excused\"", people.khanh)));
            assert!(section.contains(&format!("name=\"reason_{}\"", people.khanh)));
            assert!(section.contains(&format!("<option value=\"{}\"", people.binh_person)), "{section}");

            let res = c
                .post(format!("{base}/orgs/T-A-1/meetings"))
                .form(&minutes_form(&csrf, &people))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
            let location = res.headers()["location"].to_str().unwrap().to_string();
            let (path, saved) = location.split_once('?').unwrap();
            assert_eq!(saved, "saved=new", "the page after a save confirms it");
            let id = path.strip_prefix("/meetings/").unwrap().to_string();

            let page = text(&c, format!("{base}{location}")).await;
            assert!(
                page.contains("Đã lưu biên bản sinh hoạt") && page.contains("có mặt 1/3, vắng 2"),
                "{page}"
            );
            assert!(page.contains("BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 9/2021"));
            assert!(page.contains("<td>Vi Văn Khánh</td><td>Có lý do</td><td>Ốm</td>"), "{page}");
            assert!(
                page.contains(
                    "<td>Lục Thị Hoa</td><td><span class=\"badge status-removed\">Không lý do</span>"
                )
            );
            assert!(page.contains("1/3"), "present over invited");
            assert!(page.contains("Lương Văn Bình") && page.contains("Đồng chí Bình phát biểu chỉ đạo"));
            assert!(!page.contains("Không được phân công"), "Bình is assigned to the cell");
            assert!(page.contains(&format!("href=\"/meetings/{id}/minutes.docx\"")));
            assert!(page.contains("data-print"));

            let api: serde_json::Value =
                c.get(format!("{base}/api/v1/meetings/{id}")).send().await.unwrap().json().await.unwrap();
            let s = &api["summary"];
            assert_eq!(s["invited"], 3);
            assert_eq!(s["present"].as_i64().unwrap(), s["invited"].as_i64().unwrap() - 2);
            assert_eq!(api["absences"].as_array().unwrap().len(), 2);

            let register =
                text(&c, format!("{base}/orgs/T-A-1/meetings?from=2021-01-01&to=2021-12-31")).await;
            assert!(register.contains("15/09/2021") && register.contains("Kiểm điểm công tác tháng 9"));
            assert!(!register.contains("<span class=\"badge warn\">chưa đủ thời lượng</span>"));

            let res = c.get(format!("{base}/meetings/{id}/minutes.docx")).send().await.unwrap();
            assert_eq!(res.status(), 200);
            assert_eq!(res.headers()["content-type"], DOCX);
            let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
            assert!(disposition.starts_with("attachment; filename=\"") && disposition.ends_with(".docx\""));
            let body = res.bytes().await.unwrap();
            assert!(body.starts_with(b"PK"), "a docx is a zip");

            // Correcting it: the form comes back filled in, and a short meeting is marked.
            let edit = text(&c, format!("{base}/meetings/{id}/edit")).await;
            assert!(edit.contains(&format!("name=\"att_{}\" value=\"unexcused\" checked", people.hoa)));
            assert!(edit.contains("value=\"Ốm\""));
            let mut form = minutes_form(&csrf, &people);
            set(&mut form, "duration_minutes", "60");
            let res = c.post(format!("{base}/meetings/{id}")).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 303);
            let page = text(&c, format!("{base}/meetings/{id}")).await;
            assert!(page.contains("chưa đủ thời lượng"));
            assert!(
                page.contains("Thời lượng 60 phút chưa đủ 90 phút theo 12-HD/BTCTW."),
                "the flag is shown"
            );
            let register =
                text(&c, format!("{base}/orgs/T-A-1/meetings?from=2021-01-01&to=2021-12-31")).await;
            assert!(register.contains("60 phút <span class=\"badge warn\">chưa đủ thời lượng</span>"));
        })
    });
}

#[test]
fn the_minutes_form_refuses_bad_input_in_vietnamese_and_keeps_what_was_typed() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let people = meeting_fixture(&run.app);
            let c = client();
            let csrf = login(&c, &run.base, WARD).await;
            let base = &run.base;
            let recorded = || {
                let from = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
                let to = chrono::NaiveDate::from_ymd_opt(2021, 12, 31).unwrap();
                run.app.cell_meetings(&coso_app::Actor::system(), "T-A-1", from, to).unwrap().len()
            };

            let mut form = minutes_form(&csrf, &people);
            form.retain(|(k, _)| k != "_csrf");
            let res = c.post(format!("{base}/orgs/T-A-1/meetings")).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 409);
            assert!(res.text().await.unwrap().contains("CSRF"));

            let mut form = minutes_form(&csrf, &people);
            form.push((format!("att_{}", people.lua), "unexcused".into()));
            let res = c.post(format!("{base}/orgs/T-A-1/meetings")).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            assert!(
                html.contains("không phải đảng viên sinh hoạt tại chi bộ vào ngày 15/09/2021"),
                "an absentee from another cell is refused: {html}"
            );
            assert!(html.contains("value=\"Kiểm điểm công tác tháng 9\""), "the topic is kept");
            assert!(html.contains(&format!("name=\"att_{}\" value=\"excused\" checked", people.khanh)));
            assert!(html.contains(&format!("name=\"att_{}\" value=\"unexcused\" checked", people.hoa)));
            assert!(html.contains("value=\"Ốm\""), "the reason is kept");

            let mut form = minutes_form(&csrf, &people);
            set(&mut form, "duration_minutes", "0");
            let res = c.post(format!("{base}/orgs/T-A-1/meetings")).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            assert!(html.contains(
                "<span class=\"error\" id=\"duration_minutes-error\">Thời lượng phải lớn hơn 0 phút.</span>"
            ));
            assert!(html.contains("aria-invalid=\"true\""));

            assert_eq!(recorded(), 0, "nothing was written");
        })
    });
}

#[test]
fn compliance_and_superior_reports_answer_as_pages_files_and_json() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let people = meeting_fixture(&run.app);
            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let auth = format!("Bearer {token}");
            let api = reqwest::Client::new();
            let base = &run.base;

            // Recorded through the API (JSON MeetingInput), then read back.
            let input = serde_json::json!({
                "kind": "regular",
                "held_on": "15/09/2021",
                "starts_at": "19:30",
                "duration_minutes": "90",
                "chair": "Nguyễn Văn Đông",
                "minute_taker": "Vi Văn Khánh",
                "topic": "Kiểm điểm công tác tháng 9",
                "absences": [{"member_id": people.khanh, "with_reason": true, "reason": "Ốm"}],
                "superiors": [{"person_id": people.binh_person, "remarks": "Chỉ đạo"}]
            });
            let res = api
                .post(format!("{base}/api/v1/orgs/T-A-1/meetings"))
                .header("authorization", &auth)
                .json(&input)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);
            let created: serde_json::Value = res.json().await.unwrap();
            assert_eq!(created["present"], 2);
            let id = created["id"].as_str().unwrap().to_string();
            let mut changed = input.clone();
            changed["duration_minutes"] = "100".into();
            let res = api
                .put(format!("{base}/api/v1/meetings/{id}"))
                .header("authorization", &auth)
                .json(&changed)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            let list: serde_json::Value = api
                .get(format!("{base}/api/v1/orgs/T-A-1/meetings?from=2021-01-01&to=2021-12-31"))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(list[0]["duration_minutes"], 100);

            let report: serde_json::Value = api
                .get(format!("{base}/api/v1/orgs/T-A/compliance?from=01/01/2021&to=31/12/2021"))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let cells = report["cells"].as_array().unwrap();
            assert_eq!(cells.len(), 2);
            let k1 = cells.iter().find(|c| c["org_code"] == "T-A-1").unwrap();
            let months: Vec<&str> = k1["months_without_regular"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap())
                .collect();
            assert_eq!(months.len(), 11);
            assert!(months.contains(&"2021-01") && !months.contains(&"2021-09"));
            let findings = |c: &serde_json::Value| c["findings"].as_array().unwrap().len();
            assert!(findings(&cells[0]) >= findings(&cells[1]), "cells with more findings rank first");

            let res = api
                .get(format!("{base}/api/v1/orgs/T-A/compliance?from=2021-13-01"))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.unwrap();
            assert_eq!(
                body["error"]["fields"]["from"],
                "Ngày không hợp lệ; hãy ghi theo dạng dd/mm/yyyy (ví dụ 17/10/2021)."
            );
            // A reversed period is refused, by the API and the page alike, never reported on.
            let reversed = "from=17/10/2021&to=01/01/2021";
            let res = api
                .get(format!("{base}/api/v1/orgs/T-A/compliance?{reversed}"))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.unwrap();
            assert_eq!(
                body["error"]["fields"]["to"],
                "Ngày kết thúc (01/01/2021) phải từ ngày bắt đầu (17/10/2021) trở về sau."
            );

            let quota: serde_json::Value = api
                .get(format!("{base}/api/v1/superiors?from=2021-01-01&to=2021-12-31&year=2021"))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(quota["total_attendances"], 1);
            assert_eq!(quota["people"][0]["name"], "Lương Văn Bình");
            assert_eq!(quota["people"][0]["required"], 2);
            assert_eq!(quota["people"][0]["attended"], 1);
            assert_eq!(quota["people"][0]["shortfall"], 1);
            let res = api
                .get(format!("{base}/api/v1/superiors?year=hai"))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.unwrap();
            assert!(body["error"]["fields"]["year"].is_string());

            // The pages and their Excel files, for a browser of ward T-A.
            let c = client();
            login(&c, base, WARD).await;
            let res = c.get(format!("{base}/compliance")).send().await.unwrap();
            assert_eq!(res.status(), 303);
            assert_eq!(res.headers()["location"], "/orgs/T-A/compliance");
            let res = c.get(format!("{base}/orgs/T-A/compliance?{reversed}")).send().await.unwrap();
            assert_eq!(res.status(), 422, "a reversed period is refused on the page too");
            assert!(res.text().await.unwrap().contains("phải từ ngày bắt đầu (17/10/2021) trở về sau"));
            let page = text(&c, format!("{base}/orgs/T-A/compliance?from=2021-01-01&to=2021-12-31")).await;
            assert!(page.contains("Chi bộ khối 1") && page.contains("Chi bộ khối 2"));
            assert!(
                page.contains(
                    "<summary>1/2021</summary><span class=\"explain\">Tháng 01/2021 không sinh hoạt thường kỳ. (12-HD/BTCTW)</span>"
                )
            );
            assert!(
                page.contains(
                    "<summary>Quý I/2021</summary><span class=\"explain\">Quý I/2021 không sinh hoạt chuyên đề. (12-HD/BTCTW)</span>"
                )
            );
            assert!(
                page.contains(
                    "<summary>15/09/2021</summary><span class=\"explain\">Cuộc sinh hoạt ngày 15/09/2021 không thông báo cho cấp ủy viên được phân công theo dõi chi bộ. (12-HD/BTCTW)</span>"
                ),
                "a finding about one meeting is shown by its date"
            );
            assert!(page.contains("Tải sổ theo dõi (Excel)"));
            let chart = page.split("id=\"attendance-chart\"><div class=\"chart-wide\">").nth(1).unwrap();
            assert!(chart.starts_with("<svg") && chart.contains("9/2021"), "the chart is inline SVG");
            assert!(
                !chart.split("</svg>").next().unwrap().contains("style="),
                "the CSP refuses style attributes"
            );
            assert!(
                page.contains("href=\"/compliance\" aria-current=\"page\""),
                "the navigation shows where we are"
            );
            let res = c
                .get(format!("{base}/orgs/T-A/compliance.xlsx?from=2021-01-01&to=2021-12-31"))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            assert_eq!(res.headers()["content-type"], XLSX);
            assert!(res.bytes().await.unwrap().starts_with(b"PK"));

            let page = text(&c, format!("{base}/superiors?from=2021-01-01&to=2021-12-31&year=2021")).await;
            assert!(page.contains("<span class=\"value\" id=\"total-attendances\">1</span>"));
            assert!(page.contains("Lương Văn Bình") && page.contains("1764-QĐ/TU"));
            assert!(page.contains("id=\"quota-chart\"><div class=\"chart-wide\"><svg"), "the quota chart is inline SVG");
            assert!(
                page.contains("<span class=\"badge status-removed\">1</span>"),
                "the shortfall stands out"
            );
            let res = c.get(format!("{base}/superiors.xlsx?year=2021")).send().await.unwrap();
            assert_eq!(res.status(), 200);
            assert_eq!(res.headers()["content-type"], XLSX);
            assert!(res.bytes().await.unwrap().starts_with(b"PK"));

            // A committee has no meetings of its own: its register shows its cells instead.
            let res = c.get(format!("{base}/orgs/T-A/meetings")).send().await.unwrap();
            assert_eq!(res.status(), 303);
            assert!(res.headers()["location"].to_str().unwrap().starts_with("/orgs/T-A/compliance"));
        })
    });
}

#[test]
fn openapi_document_describes_the_meeting_endpoints() {
    let doc: serde_json::Value = serde_json::from_str(&coso_web::openapi_json()).unwrap();
    for (path, method) in [
        ("/api/v1/orgs/{code}/meetings", "get"),
        ("/api/v1/orgs/{code}/meetings", "post"),
        ("/api/v1/meetings/{id}", "get"),
        ("/api/v1/meetings/{id}", "put"),
        ("/api/v1/orgs/{code}/compliance", "get"),
        ("/api/v1/superiors", "get"),
        ("/api/v1/quota-policies", "post"),
        ("/api/v1/superior-assignments", "post"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "missing {method} {path}");
    }
    for schema in ["MeetingInput", "MeetingDetail", "ComplianceReport", "CellReport", "SuperiorReport"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "missing schema {schema}");
    }
}

#[test]
fn quota_policies_and_assignments_are_recorded_through_the_api() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let people = meeting_fixture(&run.app);
            let sys = coso_app::Actor::system();
            let c = reqwest::Client::new();
            let admin = format!("Bearer {}", run.app.create_token(&sys, ADMIN.0).unwrap());
            let ward = format!("Bearer {}", run.app.create_token(&sys, WARD.0).unwrap());
            let policy = serde_json::json!({
                "document": "1764-QĐ/TU", "issued_on": "29/05/2019", "issuer": "Ban Thường vụ Tỉnh ủy",
                "level": "grassroots_committee", "min_per_year": -1, "valid_from": "2019-05-29"
            });
            let url = format!("{}/api/v1/quota-policies", run.base);
            let res = c.post(&url).header("authorization", &admin).json(&policy).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.unwrap();
            assert_eq!(body["error"]["fields"]["min_per_year"], "Định mức dự sinh hoạt không thể là số âm.");
            let mut good = policy.clone();
            good["min_per_year"] = serde_json::json!(4);
            // A ward account may not set quotas for the whole city.
            let res = c.post(&url).header("authorization", &ward).json(&good).send().await.unwrap();
            assert_eq!(res.status(), 403);
            let res = c.post(&url).header("authorization", &admin).json(&good).send().await.unwrap();
            assert_eq!(res.status(), 201);
            let policy_id =
                res.json::<serde_json::Value>().await.unwrap()["id"].as_str().unwrap().to_string();

            let assignment = serde_json::json!({
                "person_id": people.dong, "cell_code": "T-A-2", "policy_id": policy_id,
                "decision_number": "31-QĐ/ĐU", "valid_from": "2021-01-01"
            });
            let url = format!("{}/api/v1/superior-assignments", run.base);
            let res = c.post(&url).header("authorization", &ward).json(&assignment).send().await.unwrap();
            assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
            let mut outside = assignment.clone();
            outside["cell_code"] = serde_json::json!("T-B");
            let res = c.post(&url).header("authorization", &ward).json(&outside).send().await.unwrap();
            assert_eq!(res.status(), 403, "T-B is outside the ward's subtree");

            let report = run
                .app
                .superior_report(
                    &sys,
                    chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
                    chrono::NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
                    2021,
                )
                .unwrap();
            let dong = report
                .people
                .iter()
                .find(|p| p.name == "Nguyễn Văn Đông")
                .expect("assigned person is in the quota report");
            assert_eq!((dong.required, dong.attended, dong.shortfall), (4, 0, 4));
        })
    });
}

#[test]
fn a_ward_assigns_a_committee_member_to_follow_a_cell_from_its_meetings_page() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let people = meeting_fixture(&run.app);
            let policy = run.app.quota_policies(&coso_app::Actor::system()).unwrap().remove(0).id;
            let c = client();
            let csrf = login(&c, &run.base, WARD).await;
            let page = text(&c, format!("{}/orgs/T-A-2/meetings", run.base)).await;
            assert!(page.contains("Chưa có cấp ủy viên nào được phân công theo dõi chi bộ."), "{page}");
            assert!(page.contains("Phân công cấp ủy viên theo dõi chi bộ"));

            let url = format!("{}/orgs/T-A-2/assignments", run.base);
            let mut form = vec![
                ("_csrf", csrf.clone()),
                ("person_id", people.binh_person.clone()),
                ("policy_id", policy.clone()),
                ("decision_number", String::new()),
                ("valid_from", "2021-01-01".to_string()),
            ];
            let res = c.post(&url).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 422);
            assert!(res.text().await.unwrap().contains("Cần nhập số quyết định phân công."));

            form[3].1 = "45-QĐ/ĐU".into();
            let res = c.post(&url).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 303);
            let page = text(&c, format!("{}/orgs/T-A-2/meetings", run.base)).await;
            assert!(page.contains("Lương Văn Bình") && page.contains("45-QĐ/ĐU"), "{page}");

            // Without its CSRF token the form changes nothing.
            let before = run
                .app
                .cell_assignments(&coso_app::Actor::system(), "T-A-2", coso_app::today())
                .unwrap()
                .len();
            let res = c.post(&url).form(&form[1..]).send().await.unwrap();
            assert_eq!(res.status(), 409);
            let after = run
                .app
                .cell_assignments(&coso_app::Actor::system(), "T-A-2", coso_app::today())
                .unwrap()
                .len();
            assert_eq!(before, after);
        })
    });
}

#[test]
fn the_administrator_records_a_quota_policy_from_the_superiors_page() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let ward = client();
            login(&ward, &run.base, WARD).await;
            let page = text(&ward, format!("{}/superiors", run.base)).await;
            assert!(!page.contains("Thêm văn bản định mức"), "a ward does not set city-wide quotas");

            let c = client();
            let csrf = login(&c, &run.base, ADMIN).await;
            let page = text(&c, format!("{}/superiors", run.base)).await;
            assert!(page.contains("Thêm văn bản định mức"));
            let url = format!("{}/superiors/policies", run.base);
            let mut form = vec![
                ("_csrf", csrf.clone()),
                ("document", "1764-QĐ/TU".to_string()),
                ("issued_on", "2019-05-29".to_string()),
                ("issuer", "Ban Thường vụ Tỉnh ủy".to_string()),
                ("level", "grassroots_committee".to_string()),
                ("min_per_year", "-4".to_string()),
                ("valid_from", "2019-05-29".to_string()),
            ];
            let res = c.post(&url).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 422);
            assert!(res.text().await.unwrap().contains("Định mức dự sinh hoạt không thể là số âm."));
            form[5].1 = "4".into();
            let res = c.post(&url).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 303);
            let page = text(&c, format!("{}/superiors", run.base)).await;
            assert!(page.contains("1764-QĐ/TU (4 cuộc/năm)"), "{page}");
        })
    });
}

/// 42-HD/BTCTW: the committee above a small cell records the length it set, on the cell's
/// meeting page and through the API; a refusal names its text, and the cell's meetings are
/// judged by it.
#[test]
fn a_ward_sets_a_small_cells_meeting_length_on_its_page_and_through_the_api() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let base = &run.base;
            let c = client();
            let csrf = login(&c, base, WARD).await;
            let url = format!("{base}/orgs/T-A-1/meeting-lengths");
            let mut form = vec![
                ("_csrf", csrf.clone()),
                ("decision", "Quyết định 25-QĐ/ĐU".to_string()),
                ("min_minutes", "60".to_string()),
                ("min_combined_minutes", "90".to_string()),
                ("in_force_from", "2025-10-01".to_string()),
            ];
            let res = c.post(&url).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let page = res.text().await.unwrap();
            assert!(page.contains("42-HD/BTCTW có hiệu lực"), "{page}");
            assert!(page.contains("Quyết định 25-QĐ/ĐU"), "what was typed is kept");
            form[4].1 = "2025-11-01".into();
            let res = c.post(&url).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 303);
            let page = text(&c, format!("{base}/orgs/T-A-1/meetings")).await;
            assert!(page.contains("Quyết định 25-QĐ/ĐU") && page.contains("60 phút"), "{page}");

            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let auth = format!("Bearer {token}");
            let api = reqwest::Client::new();
            let lengths = format!("{base}/api/v1/orgs/T-A-1/meeting-lengths");
            let listed: serde_json::Value =
                api.get(&lengths).header("authorization", &auth).send().await.unwrap().json().await.unwrap();
            assert_eq!(listed[0]["min_minutes"], 60, "{listed}");
            assert_eq!(listed[0]["current"], true, "{listed}");
            let bad = serde_json::json!({"decision": "Quyết định 26-QĐ/ĐU", "min_minutes": 120,
                "min_combined_minutes": 120, "in_force_from": "2026-12-01"});
            let res = api.post(&lengths).header("authorization", &auth).json(&bad).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let body: serde_json::Value = res.json().await.unwrap();
            let detail = &body["error"]["details"][0];
            assert_eq!((detail["field"].as_str(), detail["citation"].as_str()), (Some("min_minutes"), Some("42-HD/BTCTW")));
            // A meeting of 70 minutes under the setting is long enough.
            let meeting = serde_json::json!({"kind": "regular", "held_on": "10/11/2025", "starts_at": "19:30",
                "duration_minutes": "70", "chair": "Bí thư", "minute_taker": "Phó Bí thư", "topic": "Thường kỳ"});
            let res = api
                .post(format!("{base}/api/v1/orgs/T-A-1/meetings"))
                .header("authorization", &auth)
                .json(&meeting)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);
            let created: serde_json::Value = res.json().await.unwrap();
            assert_eq!(created["too_short"], false, "{created}");
        })
    });
}

/// In a demo database every default period ends on the demo's reference day, stored in the
/// database, and every page says the data is a demo; elsewhere defaults end today.
#[test]
fn a_demo_database_says_so_and_its_defaults_end_on_its_reference_day() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let base = &run.base;
            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let auth = format!("Bearer {token}");
            let api = reqwest::Client::new();
            let compliance = format!("{base}/api/v1/orgs/T-A/compliance");
            let period = |r: &serde_json::Value| {
                (r["from"].as_str().map(String::from), r["to"].as_str().map(String::from))
            };
            let c = client();
            login(&c, base, WARD).await;

            let today = coso_app::today();
            let r: serde_json::Value = api
                .get(&compliance)
                .header("authorization", &auth)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(period(&r).1, Some(today.to_string()), "{r}");
            let page = text(&c, format!("{base}/orgs")).await;
            assert!(!page.contains("Dữ liệu minh họa"), "not a demo");

            run.app
                .transaction(|tx| tx.mark_demo(chrono::NaiveDate::from_ymd_opt(2021, 10, 17).unwrap()))
                .unwrap();
            let r: serde_json::Value = api
                .get(&compliance)
                .header("authorization", &auth)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(period(&r), (Some("2021-01-01".into()), Some("2021-10-17".into())), "{r}");
            // An explicit period is kept.
            let asked: serde_json::Value = api
                .get(format!("{compliance}?from=2020-01-01&to=2020-12-31"))
                .header("authorization", &auth)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(period(&asked), (Some("2020-01-01".into()), Some("2020-12-31".into())));
            for path in ["/orgs", "/members", "/orgs/T-A/compliance", "/superiors"] {
                let page = text(&c, format!("{base}{path}")).await;
                assert!(page.contains("Dữ liệu minh họa — số liệu đến 17/10/2021"), "{path}");
            }
            let login_page = text(&client(), format!("{base}/login")).await;
            assert!(login_page.contains("Dữ liệu minh họa — số liệu đến 17/10/2021"), "the login page too");
            let page = text(&c, format!("{base}/orgs/T-A/compliance")).await;
            assert!(page.contains("17/10/2021"), "the period shown ends on the reference day");
        })
    });
}

/// Issue 8: a meeting recorded twice by mistake is refused unless confirmed, and one recorded
/// by mistake is deleted with a reason from its page or `DELETE /api/v1/meetings/{id}`; the
/// register lists it as deleted.
#[test]
fn a_duplicate_is_confirmed_and_a_mistake_deleted_from_the_page_and_the_api() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let base = &run.base;
            let c = client();
            let csrf = login(&c, base, WARD).await;
            let url = format!("{base}/orgs/T-A-1/meetings");
            let mut form = vec![
                ("_csrf", csrf.clone()),
                ("kind", "regular".to_string()),
                ("held_on", "2021-09-15".to_string()),
                ("starts_at", "19:30".to_string()),
                ("duration_minutes", "90".to_string()),
                ("chair", "Nguyễn Văn Đông".to_string()),
                ("minute_taker", "Vi Văn Khánh".to_string()),
                ("topic", "Kiểm điểm tháng 9".to_string()),
            ];
            let res = c.post(&url).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 303);
            let res = c.post(&url).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let page = res.text().await.unwrap();
            assert!(page.contains("Vẫn ghi cuộc sinh hoạt này") && page.contains("15/09/2021"), "{page}");
            form.push(("confirm_duplicate", "on".to_string()));
            let res = c.post(&url).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 303);
            let second = res.headers()["location"].to_str().unwrap().to_string();
            let id = second.trim_start_matches("/meetings/").trim_end_matches("?saved=new").to_string();

            // Deleted from the page, with its reason.
            let res = c
                .post(format!("{base}/meetings/{id}/delete"))
                .form(&[("_csrf", csrf.as_str()), ("reason", "Ghi trùng")])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 303);
            let page = text(&c, format!("{base}/orgs/T-A-1/meetings?from=2021-01-01&to=2021-12-31")).await;
            assert!(page.contains("Cuộc sinh hoạt đã xóa") && page.contains("Ghi trùng"), "{page}");

            // And through the API: a reason is required.
            let token = run.app.create_token(&coso_app::Actor::system(), WARD.0).unwrap();
            let api = reqwest::Client::new();
            let list: serde_json::Value = api
                .get(format!("{base}/api/v1/orgs/T-A-1/meetings?from=2021-01-01&to=2021-12-31"))
                .header("authorization", format!("Bearer {token}"))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
            let first = list[0]["id"].as_str().unwrap().to_string();
            let delete = |reason: &str| {
                api.delete(format!("{base}/api/v1/meetings/{first}"))
                    .header("authorization", format!("Bearer {token}"))
                    .json(&serde_json::json!({ "reason": reason }))
                    .send()
            };
            let res = delete("").await.unwrap();
            assert_eq!(res.status(), 422);
            let res = delete("Ghi nhầm chi bộ").await.unwrap();
            assert_eq!(res.status(), 204);
            let res = api
                .get(format!("{base}/api/v1/meetings/{first}"))
                .header("authorization", format!("Bearer {token}"))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 404);
        })
    });
}
