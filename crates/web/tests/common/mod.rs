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
    let app = App::with_db(db.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(coso_web::serve(app.clone(), listener));
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
    app.create_member(&sys, member("Nguyễn Văn Đông", "T-A-1", "020080000001")).unwrap();
    app.create_member(&sys, member("Hoàng Thị Lụa", "T-A-2", "020080000002")).unwrap();
    app.create_member(&sys, member("Lương Văn Bình", "T-B", "020080000003")).unwrap();
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
    let tree = c.get(format!("{base}/orgs")).send().await.unwrap().text().await.unwrap();
    csrf_of(&tree)
}
