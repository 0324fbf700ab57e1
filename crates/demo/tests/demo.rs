//! The Lạng Sơn demo loads into an empty database on each backend, reproduces the seed
//! article's counts on 17/10/2021, keeps its history, and refuses a second load.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use chrono::NaiveDate;
use coso_app::{Actor, App, AppError};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The text of a Word file's body, its runs joined and its tags dropped.
fn docx_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    archive.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn the_demo_reproduces_the_article_and_keeps_its_history() {
    coso_testkit::each_backend(|db| {
        let app = App::with_db(db.clone());
        let system = Actor::system();
        assert!(app.is_empty().unwrap());

        let started = Instant::now();
        let summary = coso_demo::load(&app).unwrap_or_else(|e| panic!("load_demo: {e} ({e:?})"));
        eprintln!(
            "demo loaded on {:?} in {:.1?}: {} organizations, {} members, {} meetings, {} superior attendances",
            db.backend(),
            started.elapsed(),
            summary.organizations,
            summary.members,
            summary.meetings,
            summary.superior_attendances
        );
        assert!(summary.meetings > 5000 && summary.superior_attendances > 1000, "{summary:?}");
        assert!(!app.is_empty().unwrap());

        // The seed article: 73 TCCSĐ, of which 13 committees and 60 cells, still so at year end.
        for on in [date(2021, 10, 17), date(2021, 12, 31)] {
            let stats = app.org_stats(&system, on).unwrap();
            assert_eq!(stats.grassroots_total, 73, "{on}");
            assert_eq!(stats.grassroots_committees, 13, "{on}");
            assert_eq!(stats.grassroots_cells, 60, "{on}");
            let members = stats.members_official + stats.members_probationary;
            assert!((2500..=5000).contains(&members), "{on}: {members} members");
            assert!(stats.members_probationary > 0 && stats.members_exempted > 0, "{stats:?}");
        }

        // History: the tree of 2016 is not the tree of 2021.
        let counts = |on| {
            app.tree(&system, on).unwrap().counts.into_iter().map(|c| (c.kind, c.count)).collect::<Vec<_>>()
        };
        assert_ne!(counts(date(2016, 6, 1)), counts(date(2021, 10, 17)));
        let merged = app.org_detail(&system, "LS-TTDT", date(2021, 10, 17)).unwrap();
        assert_eq!(merged.dissolved_on, Some(date(2020, 7, 1)));

        // The units the article names, with their officers.
        let block9 = app.org_detail(&system, "LS-HVT-K9", date(2021, 10, 17)).unwrap();
        assert_eq!(block9.org.name, "Chi bộ khối 9");
        assert_eq!(block9.parent.map(|p| p.code), Some("LS-HVT".to_string()));
        let roles: Vec<&str> = block9.officers.iter().map(|o| o.role.code()).collect();
        assert!(roles.contains(&"secretary") && roles.contains(&"deputy_secretary"), "{roles:?}");
        let cua_nam = app.org_detail(&system, "LS-CL-CN", date(2021, 10, 17)).unwrap();
        assert_eq!(cua_nam.org.name, "Chi bộ khối Cửa Nam");
        assert!(app.org_detail(&system, "LS-DK", date(2021, 10, 17)).is_ok());

        // The accounts it prints can log in, each within its organization.
        let usernames: Vec<&str> = summary.accounts.iter().map(|a| a.username.as_str()).collect();
        assert_eq!(usernames, ["admin", "thanhuy", "hoangvanthu", "khoi9", "xem"]);
        let khoi9 = summary.accounts.iter().find(|a| a.username == "khoi9").unwrap();
        assert_eq!(khoi9.role, "Bí thư chi bộ");
        assert_eq!(khoi9.org, "Chi bộ khối 9");
        let session = app.login("khoi9", &khoi9.password, "127.0.0.1").unwrap();
        assert_eq!(session.actor.scope_path.as_deref(), Some(block9.org.path.as_str()));

        // Quy định 1764-QĐ/TU: city committee members attended over 120 cell meetings from
        // 29/5/2019 to the article's day; some committee members fell short of their 2021 quota.
        let superiors = app.superior_report(&system, date(2019, 5, 29), date(2021, 10, 17), 2021).unwrap();
        eprintln!(
            "superiors: {} attendances by city committee members, {} in all, {} people with a quota in 2021",
            superiors.total_attendances,
            superiors.all_attendances,
            superiors.people.len()
        );
        assert!(superiors.total_attendances > 120, "{}", superiors.total_attendances);
        assert!(superiors.total_attendances <= 145, "{}", superiors.total_attendances);
        let short: Vec<&str> =
            superiors.people.iter().filter(|p| p.shortfall > 0).map(|p| p.name.as_str()).collect();
        assert!((2..=12).contains(&short.len()), "{short:?}");
        assert!(
            superiors
                .people
                .iter()
                .any(|p| p.level == coso_domain::quota::QuotaLevel::CityCommittee && p.shortfall > 0)
        );
        assert!(
            superiors
                .people
                .iter()
                .any(|p| p.level == coso_domain::quota::QuotaLevel::GrassrootsCommittee && p.shortfall > 0)
        );
        let at_9 = superiors.cells.iter().find(|c| c.org_code == "LS-HVT-K9").expect("khối 9 had superiors");
        assert!(at_9.names.len() >= 2, "{at_9:?}");

        // Chi bộ khối 9 held every regular meeting of 2021 up to October and 3 thematic ones.
        let block9_meetings =
            app.meeting_compliance(&system, "LS-HVT-K9", date(2021, 1, 1), date(2021, 10, 17)).unwrap();
        assert_eq!(block9_meetings.cells.len(), 1);
        let k9 = &block9_meetings.cells[0];
        assert!(k9.months_without_regular.is_empty(), "{k9:?}");
        assert!(k9.regular_held >= 9, "{k9:?}");
        assert_eq!(k9.thematic_held, 3, "{k9:?}");
        assert!(k9.findings.is_empty(), "{k9:?}");

        // Most cells of the city kept the meeting rules; a few did not.
        let city = app.meeting_compliance(&system, "LS", date(2019, 1, 1), date(2021, 10, 17)).unwrap();
        let lapsed = city.cells.len() - city.compliant_cells;
        eprintln!("compliance: {} cells, {lapsed} with findings", city.cells.len());
        assert!(city.cells.len() >= 140, "{}", city.cells.len());
        assert!(lapsed >= 3 && lapsed * 10 <= city.cells.len(), "{lapsed} of {}", city.cells.len());
        let rules: Vec<&str> = city.cells.iter().flat_map(|c| c.findings.iter().map(|f| f.rule)).collect();
        for rule in ["no_regular", "no_thematic", "too_short"] {
            assert!(rules.contains(&rule), "{rule}: {rules:?}");
        }
        let cua_nam = app.cell_meetings(&system, "LS-CL-CN", date(2021, 1, 1), date(2021, 10, 17)).unwrap();
        let detail = app.meeting_detail(&system, &cua_nam[0].id).unwrap();
        assert_eq!(
            detail.minutes.sources,
            "Bản tin Thông báo nội bộ của Ban Tuyên giáo Tỉnh ủy và Báo Lạng Sơn"
        );

        // The overview report regenerates the article from the data (issue 13), in JSON, text
        // and Word: 73 TCCSĐ (13 + 60), 23 units picked by the city, over 120 attendances
        // since 1764-QĐ/TU, 116 classes for nearly 11,000, 16 of 17 targets, the documents named.
        let (from, to) = (date(2016, 1, 1), date(2021, 10, 17));
        let overview = app.overview(&system, from, to, Some("LS")).unwrap();
        let json = serde_json::to_value(&overview).unwrap();
        for (key, want) in [
            ("grassroots_total", 73),
            ("grassroots_committees", 13),
            ("grassroots_cells", 60),
            ("pilot_units_selected_by_city", 23),
            ("training_classes", 116),
            ("targets_total", 17),
            ("targets_met", 16),
        ] {
            assert_eq!(json[key], serde_json::json!(want), "{key}");
        }
        let attendances = json["superior_attendances"].as_i64().unwrap();
        assert!((121..=145).contains(&attendances), "{attendances}");
        assert_eq!(json["superior_attendances_from"], "2019-05-29");
        let trainees = json["trainees"].as_i64().unwrap();
        assert!((10_000..11_000).contains(&trainees), "nearly 11 thousand: {trainees}");
        let ratings = json["ratings"].as_array().unwrap();
        let years: Vec<i64> = ratings.iter().map(|r| r["year"].as_i64().unwrap()).collect();
        assert_eq!(years, [2016, 2017, 2018, 2019, 2020]);
        let average =
            ratings.iter().map(|r| r["orgs_good_or_better_pct"].as_f64().unwrap()).sum::<f64>() / 5.0;
        assert!(average >= 90.0, "TCCSĐ rated good or better, yearly average {average}");
        for r in ratings {
            assert!(r["members_good_or_better_pct"].as_f64().unwrap() > 95.0, "{r}");
            let tier = if r["year"].as_i64().unwrap() >= 2019 { "excellent" } else { "good" };
            assert_eq!(r["org_tier"], tier, "{r}");
        }
        let documents: Vec<(&str, &str)> = json["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["number"].as_str().unwrap(), d["date"].as_str().unwrap()))
            .collect();
        for named in [("1764-QĐ/TU", "2019-05-29"), ("35-KH/TU", "2021-04-01"), ("02-ĐA/TU", "2021-04-26")]
        {
            assert!(documents.contains(&named), "{named:?} in {documents:?}");
        }
        assert!(
            json["documents"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["title"].as_str().is_some_and(|t| !t.is_empty()))
        );
        // A guideline a later one replaced is no longer in force; the city's plan still is.
        let registry = app.documents(&system, &Default::default()).unwrap();
        let in_force = |n: &str| registry.iter().find(|d| d.number == n).map(|d| d.in_force);
        assert_eq!((in_force("12-HD/BTCTW"), in_force("35-KH/TU")), (Some(false), Some(true)));
        let text = String::from_utf8(
            app.overview_file(&system, from, to, Some("LS"), coso_app::overview::OverviewFormat::Text)
                .unwrap(),
        )
        .unwrap();
        for phrase in [
            "73 tổ chức cơ sở đảng",
            "13 đảng bộ và 60 chi bộ cơ sở",
            "lựa chọn 23 chi, đảng bộ",
            "Quy định số 1764-QĐ/TU, ngày 29/05/2019",
            "116 lớp đào tạo, bồi dưỡng",
            "16/17 chỉ tiêu",
            "Kế hoạch 35-KH/TU",
            "Đề án 02-ĐA/TU",
        ] {
            assert!(text.contains(phrase), "text lacks «{phrase}»");
        }
        let docx = app
            .overview_file(&system, from, to, Some("LS"), coso_app::overview::OverviewFormat::Docx)
            .unwrap();
        let xml = docx_text(&docx);
        for phrase in ["THÀNH ỦY LẠNG SƠN", "73 tổ chức cơ sở đảng", "16/17 chỉ tiêu", "02-ĐA/TU"]
        {
            assert!(xml.contains(phrase), "Word lacks «{phrase}»");
        }

        match coso_demo::load(&app) {
            Err(AppError::Conflict(message)) => assert_eq!(
                message,
                "Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống."
            ),
            other => panic!("a second load must be refused, got {:?}", other.map(|s| s.members)),
        }
    });
}
