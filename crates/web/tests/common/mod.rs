//! Running the web application on a free port over a test database, with a small fixture.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use coso_app::auth::NewUser;
use coso_app::members::MemberInput;
use coso_app::orgs::NewOrg;
use coso_app::{Actor, App};
use coso_store::Db;

pub const ADMIN: (&str, &str) = ("quantri", "matkhau-quantri");
pub const WARD: (&str, &str) = ("phuonga", "matkhau-phuonga");

/// The app serving on 127.0.0.1 at `base`; stops with the runtime.
pub struct Running {
    pub base: String,
    pub app: App,
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

pub async fn spawn(db: &Db) -> Running {
    spawn_behind(db, coso_web::Proxies::default()).await
}

/// The app behind the reverse proxies `proxies` (their X-Forwarded-For is believed).
pub async fn spawn_behind(db: &Db, proxies: coso_web::Proxies) -> Running {
    let app = App::with_db(db.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(coso_web::serve_behind(app.clone(), listener, proxies));
    Running { base, app }
}

fn org(code: &str, name: &str, kind: &str, parent: Option<&str>) -> NewOrg {
    NewOrg {
        code: code.into(),
        name: name.into(),
        kind: kind.into(),
        sector: Some("ward_commune".into()),
        parent_code: parent.map(String::from),
        founded_on: "2015-01-01".into(),
        decision_number: "1-QĐ/TU".into(),
    }
}

pub fn member(name: &str, org_code: &str, cccd: &str) -> MemberInput {
    MemberInput {
        full_name: name.into(),
        born_on: "1980-05-20".into(),
        sex: "male".into(),
        ethnicity: "Tày".into(),
        religion: "Không".into(),
        cccd: Some(cccd.into()),
        org_code: org_code.into(),
        admitted_on: "2010-03-03".into(),
        official_on: Some("2011-03-03".into()),
        entry: "transfer_in".into(),
        entry_on: Some("2015-01-01".into()),
        decision_number: "5-QĐ/ĐU".into(),
        ..Default::default()
    }
}

/// A city committee T with ward committee T-A (cells T-A-1, T-A-2) and grassroots cell T-B;
/// an administrator and an account of ward T-A; three members.
pub fn fixture(app: &App) {
    let sys = Actor::system();
    app.create_org(&sys, org("T", "Đảng bộ thành phố Thử", "city_committee", None)).unwrap();
    app.create_org(&sys, org("T-A", "Đảng bộ phường Đông Kinh Thử", "grassroots_committee", Some("T")))
        .unwrap();
    app.create_org(&sys, org("T-A-1", "Chi bộ khối 1", "subordinate_cell", Some("T-A"))).unwrap();
    app.create_org(&sys, org("T-A-2", "Chi bộ khối 2", "subordinate_cell", Some("T-A"))).unwrap();
    app.create_org(&sys, org("T-B", "Chi bộ Trường Tiểu học Thử", "grassroots_cell", Some("T"))).unwrap();
    app.create_member(&sys, member("Nguyễn Văn Đông", "T-A-1", "000080000001")).unwrap();
    app.create_member(&sys, member("Hoàng Thị Lụa", "T-A-2", "000080000002")).unwrap();
    app.create_member(&sys, member("Lương Văn Bình", "T-B", "000080000003")).unwrap();
    app.add_user(
        &sys,
        NewUser {
            username: ADMIN.0.into(),
            role: "admin".into(),
            password: ADMIN.1.into(),
            ..Default::default()
        },
    )
    .unwrap();
    app.add_user(
        &sys,
        NewUser {
            username: WARD.0.into(),
            role: "org_admin".into(),
            org_code: Some("T-A".into()),
            password: WARD.1.into(),
            ..Default::default()
        },
    )
    .unwrap();
}

/// The people of the meeting tests, by membership id (and person id for the superior).
pub struct MeetingPeople {
    /// Nguyễn Văn Đông, Vi Văn Khánh and Lục Thị Hoa: the roll of T-A-1.
    pub dong: String,
    pub khanh: String,
    pub hoa: String,
    /// Hoàng Thị Lụa, a member of T-A-2 (not of T-A-1).
    pub lua: String,
    /// Lương Văn Bình's person id: on the city committee T, assigned to follow T-A-1.
    pub binh_person: String,
}

/// On top of `fixture`: two more members in T-A-1, Lương Văn Bình on the city committee from
/// 01/10/2020 and assigned to follow T-A-1 under a 1764-QĐ/TU quota of 2 meetings a year.
pub fn meeting_fixture(app: &App) -> MeetingPeople {
    use coso_app::meetings::{AssignmentInput, QuotaPolicyInput};
    use coso_app::members::MemberQuery;
    use coso_app::positions::PositionInput;
    let sys = Actor::system();
    let khanh = app.create_member(&sys, member("Vi Văn Khánh", "T-A-1", "000080000004")).unwrap();
    let hoa = app.create_member(&sys, member("Lục Thị Hoa", "T-A-1", "000080000005")).unwrap();
    let find = |name: &str| {
        let q = MemberQuery { q: Some(name.into()), ..Default::default() };
        app.list_members(&sys, &q).unwrap().members.into_iter().next().unwrap()
    };
    let (dong, lua, binh) = (find("Nguyễn Văn Đông"), find("Hoàng Thị Lụa"), find("Lương Văn Bình"));
    app.add_position(
        &sys,
        "T",
        PositionInput {
            member_id: binh.id.to_string(),
            role: "committee_member".into(),
            valid_from: "2020-10-01".into(),
            valid_to: None,
            decision_number: "15-QĐ/TU".into(),
        },
    )
    .unwrap();
    let policy = app
        .add_quota_policy(
            &sys,
            QuotaPolicyInput {
                document: "1764-QĐ/TU".into(),
                issued_on: "2019-05-29".into(),
                issuer: "Ban Thường vụ Tỉnh ủy".into(),
                level: "city_committee".into(),
                min_per_year: 2,
                valid_from: "2019-05-29".into(),
                valid_to: None,
            },
        )
        .unwrap();
    app.assign_superior(
        &sys,
        AssignmentInput {
            person_id: binh.person_id.to_string(),
            cell_code: "T-A-1".into(),
            policy_id: policy,
            decision_number: "20-QĐ/TU".into(),
            valid_from: "2020-10-01".into(),
            valid_to: None,
        },
    )
    .unwrap();
    MeetingPeople {
        dong: dong.id.to_string(),
        khanh: khanh.id.to_string(),
        hoa: hoa.id.to_string(),
        lua: lua.id.to_string(),
        binh_person: binh.person_id.to_string(),
    }
}

/// The value of the hidden `_csrf` input in a page.
pub fn csrf_of(html: &str) -> String {
    let marker = "name=\"_csrf\" value=\"";
    let start = html.find(marker).map(|i| i + marker.len()).expect("page has a CSRF field");
    html[start..].split('"').next().unwrap_or_default().to_string()
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// Logs a browser client in; returns the page's CSRF token for later forms.
pub async fn login(c: &reqwest::Client, base: &str, who: (&str, &str)) -> String {
    let page = c.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let csrf = csrf_of(&page);
    let res = c
        .post(format!("{base}/login"))
        .form(&[("username", who.0), ("password", who.1), ("_csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "login of {} should redirect", who.0);
    assert_eq!(res.headers()["location"], "/", "login of {} goes home", who.0);
    let tree = c.get(format!("{base}/orgs")).send().await.unwrap().text().await.unwrap();
    csrf_of(&tree)
}
