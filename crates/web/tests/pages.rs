//! Issue 8 on each backend: where each role lands and which actions it is offered, the
//! organization picker, dates typed as Vietnamese write them, and the long reports' filters.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::{ADMIN, WARD, client, fixture, login, runtime, spawn};
use coso_app::Actor;
use coso_app::auth::NewUser;
use coso_testkit::each_backend;

const SECRETARY: (&str, &str) = ("chibo1", "matkhau-chibo1");

fn add_secretary(app: &coso_app::App) {
    let user = NewUser {
        username: SECRETARY.0.into(),
        role: "cell_secretary".into(),
        org_code: Some("T-A-1".into()),
        password: SECRETARY.1.into(),
        ..Default::default()
    };
    app.add_user(&Actor::system(), user).unwrap();
}

async fn text(c: &reqwest::Client, url: String) -> String {
    let res = c.get(&url).send().await.unwrap();
    assert_eq!(res.status(), 200, "{url}");
    res.text().await.unwrap()
}

async fn home_of(c: &reqwest::Client, base: &str) -> String {
    let res = c.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    res.headers()["location"].to_str().unwrap().to_string()
}

#[test]
fn each_role_lands_on_its_work_and_is_offered_only_what_it_may_do() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            add_secretary(&run.app);
            let base = &run.base;

            // (account, home, offered "Thêm tổ chức" on the tree, offered to record T-A-1's minutes)
            let cases = [
                (SECRETARY, "/orgs/T-A-1", false, true),
                (WARD, "/orgs/T-A", true, true),
                (ADMIN, "/orgs", true, true),
            ];
            for (who, home, adds_orgs, records) in cases {
                let c = client();
                // Logging in goes home (common::login checks), and home is the role's own unit.
                login(&c, base, who).await;
                assert_eq!(home_of(&c, base).await, home, "{}", who.0);

                let tree = text(&c, format!("{base}/orgs")).await;
                assert_eq!(tree.contains("href=\"/orgs/new\""), adds_orgs, "{}: Thêm tổ chức", who.0);
                let cell = text(&c, format!("{base}/orgs/T-A-1")).await;
                assert_eq!(
                    cell.contains("id=\"record-meeting\" href=\"/orgs/T-A-1/meetings/new\""),
                    records,
                    "{}: the cell page leads with Ghi biên bản sinh hoạt",
                    who.0
                );
                // The secretary enters members of the cell but founds no units under it.
                assert!(cell.contains("href=\"/members/new?org=T-A-1\""), "{}", who.0);
                assert_eq!(cell.contains("href=\"/orgs/new?parent=T-A-1\""), adds_orgs, "{}", who.0);
            }

            // A committee's page offers no minutes: meetings are a cell's.
            let c = client();
            login(&c, base, WARD).await;
            let ward = text(&c, format!("{base}/orgs/T-A")).await;
            assert!(!ward.contains("id=\"record-meeting\""));
        })
    });
}

#[test]
fn the_picker_finds_units_by_name_in_the_readers_scope() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let base = &run.base;
            let c = client();
            login(&c, base, WARD).await;

            // (query, only cells, codes offered, codes not offered)
            let cases: [(&str, bool, &[&str], &[&str]); 5] = [
                ("khoi", false, &["T-A-1", "T-A-2"], &["T-B", "T-A\""]),
                ("KHỐI 2", false, &["T-A-2"], &["T-A-1"]),
                ("dong kinh", false, &["T-A\""], &["T-A-1"]),
                ("dong kinh", true, &[], &["T-A\""]),
                ("truong tieu hoc", false, &[], &["T-B"]),
            ];
            for (q, cells, offered, not_offered) in cases {
                let url =
                    format!("{base}/pick/orgs?q={}{}", urlencode(q), if cells { "&cells=1" } else { "" });
                let html = text(&c, url).await;
                for code in offered {
                    assert!(html.contains(&format!("data-value=\"{code}")), "{q}: offers {code}: {html}");
                }
                for code in not_offered {
                    assert!(!html.contains(&format!("data-value=\"{code}")), "{q}: not {code}: {html}");
                }
                if offered.is_empty() {
                    assert!(html.contains("Không tìm thấy tổ chức nào có «"), "{q}: says so: {html}");
                }
            }
            assert!(text(&c, format!("{base}/pick/orgs?q=")).await.contains("Gõ vài chữ trong tên"));

            // Forms choose units with the picker, never a typed code.
            let form = text(&c, format!("{base}/members/new?org=T-A-1")).await;
            assert!(form.contains("data-picker=\"/pick/orgs?cells=1\""));
            assert!(form.contains("type=\"hidden\" id=\"org_code\" name=\"org_code\" value=\"T-A-1\""));
            assert!(!form.contains("Mã chi bộ sinh hoạt"));
            let form = text(&c, format!("{base}/orgs/new?parent=T-A")).await;
            assert!(form.contains("id=\"parent_code\" name=\"parent_code\" value=\"T-A\""));

            // Asking anonymously gets nothing.
            let res = client().get(format!("{base}/pick/orgs?q=khoi")).send().await.unwrap();
            assert_ne!(res.status(), 200);
        })
    });
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).unwrap().trim_start_matches('=').to_string()
}

#[test]
fn dates_are_typed_and_shown_as_vietnamese_write_them_on_every_form() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let base = &run.base;
            let c = client();
            login(&c, base, WARD).await;
            let pages = [
                "/orgs?as_of=2021-10-17",
                "/orgs/T-A-1?as_of=2021-10-17",
                "/orgs/new?parent=T-A",
                "/orgs/T-A-1/reorganize",
                "/members/new?org=T-A-1",
                "/orgs/T-A-1/meetings?from=2021-01-01&to=2021-10-17",
                "/orgs/T-A-1/meetings/new",
                "/orgs/T-A/compliance?from=2021-01-01&to=2021-10-17",
                "/superiors?from=2021-01-01&to=2021-10-17",
            ];
            for path in pages {
                let html = text(&c, format!("{base}{path}")).await;
                assert!(!html.contains("type=\"date\""), "{path}: no browser date picker");
                assert!(!html.contains("type=\"time\""), "{path}: no browser time picker");
                assert!(html.contains("placeholder=\"dd/mm/yyyy\""), "{path}: dd/mm/yyyy boxes");
                assert!(!html.contains("value=\"2021-"), "{path}: no ISO date shown in a box");
            }
            let tree = text(&c, format!("{base}/orgs?as_of=2021-10-17")).await;
            assert!(tree.contains("value=\"17/10/2021\""));
            let form = text(&c, format!("{base}/orgs/T-A-1/meetings/new")).await;
            assert!(form.contains("placeholder=\"HH:MM\"") && form.contains("inputmode=\"numeric\""));
            // A date typed as eight digits on a number pad reads as dd/mm/yyyy.
            let tree = text(&c, format!("{base}/orgs?as_of=17102021")).await;
            assert!(tree.contains("value=\"17/10/2021\""));
            let res = c.get(format!("{base}/orgs?as_of=10/17/2021")).send().await.unwrap();
            assert_eq!(res.status(), 422, "month/day/year is not a Vietnamese date");
        })
    });
}

#[test]
fn long_reports_filter_by_name_and_by_finding() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let base = &run.base;
            let c = client();
            login(&c, base, WARD).await;
            let period = "from=2021-01-01&to=2021-10-17";
            let all = text(&c, format!("{base}/orgs/T-A/compliance?{period}")).await;
            assert!(all.contains("Chi bộ khối 1") && all.contains("Chi bộ khối 2"));
            assert!(all.contains("Hiển thị 1–2 trong 2 chi bộ."), "{all}");
            let one = text(&c, format!("{base}/orgs/T-A/compliance?{period}&q=khoi+2")).await;
            assert!(!one.contains(">Chi bộ khối 1<") && one.contains(">Chi bộ khối 2<"), "{one}");
            assert!(one.contains("Hiển thị 1–1 trong 1 chi bộ khớp bộ lọc (tổng 2)."));
            assert!(one.contains("Bỏ lọc"));
            // Neither cell met in 2021: both have findings and stay.
            let found = text(&c, format!("{base}/orgs/T-A/compliance?{period}&only=on")).await;
            assert!(found.contains("Hiển thị 1–2 trong 2 chi bộ khớp bộ lọc (tổng 2)."), "{found}");
            assert!(found.contains("id=\"only\" name=\"only\" type=\"checkbox\" checked"));
            let none = text(&c, format!("{base}/orgs/T-A/compliance?{period}&q=khong+co")).await;
            assert!(none.contains("Không có chi bộ nào khớp."));
            // The chart is drawn for a desktop and for a phone.
            assert!(all.contains("class=\"chart-wide\"><svg") && all.contains("class=\"chart-narrow\"><svg"));
            assert!(all.contains("viewBox=\"0 0 360 ") && all.contains("viewBox=\"0 0 760 "));
        })
    });
}

#[test]
fn a_committee_records_a_position_by_picking_the_member_by_name() {
    each_backend(|db| {
        runtime().block_on(async {
            let run = spawn(db).await;
            fixture(&run.app);
            let base = &run.base;
            let c = client();
            let csrf = login(&c, base, WARD).await;

            // A committee's page offers the position form, its member chosen by name.
            let ward = text(&c, format!("{base}/orgs/T-A")).await;
            assert!(ward.contains("data-picker=\"/pick/members?org=T-A\""), "{ward}");
            let found = text(&c, format!("{base}/pick/members?org=T-A&q=nguyen+van+dong")).await;
            assert!(
                found.contains("data-label=\"Nguyễn Văn Đông\"") && found.contains("Chi bộ khối 1"),
                "{found}"
            );
            let id = found.split("data-value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
            let elsewhere = text(&c, format!("{base}/pick/members?org=T-A&q=luong+van+binh")).await;
            assert!(elsewhere.contains("Không tìm thấy đảng viên nào có «luong van binh»."), "out of scope");

            // Refused for a missing date: the form comes back with the name still in the box.
            let form = [
                ("_csrf", csrf.as_str()),
                ("member_id", id.as_str()),
                ("member_id_shown", "Nguyễn Văn Đông"),
                ("role", "secretary"),
                ("valid_from", ""),
                ("decision_number", "12-QĐ/ĐU"),
            ];
            let res = c.post(format!("{base}/orgs/T-A/positions")).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 422);
            let page = res.text().await.unwrap();
            assert!(page.contains("name=\"member_id_shown\"") && page.contains("value=\"Nguyễn Văn Đông\""));
            assert!(page.contains(&format!("name=\"member_id\" value=\"{id}\"")));

            let mut form = form;
            form[4] = ("valid_from", "01/01/2021");
            let res = c.post(format!("{base}/orgs/T-A/positions")).form(&form).send().await.unwrap();
            assert_eq!(res.status(), 303);
            let ward = text(&c, format!("{base}/orgs/T-A?as_of=17/10/2021")).await;
            let office = ward.split("id=\"in-office\"").nth(1).unwrap();
            assert!(office.contains("Nguyễn Văn Đông") && office.contains("Bí thư"), "{office}");
        })
    });
}
