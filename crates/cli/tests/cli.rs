//! The `coso` binary as a user runs it: demo, statistics on both backends, accounts, tokens,
//! and one clear line on stderr with a non-zero exit for bad input.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn coso(db: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coso"))
        .args(args)
        .env("COSO_DATABASE_URL", db)
        .env("COSO_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("coso runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json_of(db: &str, args: &[&str]) -> serde_json::Value {
    let out = coso(db, args, None);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The seed's meeting figures: over 120 attendances by city committee members from 29/5/2019
/// to 17/10/2021; Chi bộ khối 9 held every regular meeting of 2021 and 3 thematic ones.
fn meeting_figures(db: &str) -> (serde_json::Value, Vec<(String, i64, i64, i64)>) {
    let sup = json_of(
        db,
        &["report", "superiors", "--from", "29/05/2019", "--to", "17/10/2021", "--format", "json"],
    );
    assert!(sup["total_attendances"].as_i64().unwrap() > 120, "{}", sup["total_attendances"]);
    let people: Vec<(String, i64, i64, i64)> = sup["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let n = |k: &str| p[k].as_i64().unwrap();
            (p["name"].as_str().unwrap().to_string(), n("required"), n("attended"), n("shortfall"))
        })
        .collect();
    assert!(!people.is_empty());
    assert!(people.iter().all(|(_, r, a, s)| *s == (r - a).max(0)));
    let k9 = json_of(
        db,
        &["report", "meetings", "--org", "LS-HVT-K9", "--from", "01/01/2021", "--to", "17/10/2021"],
    );
    let cell = &k9["cells"][0];
    assert_eq!(cell["org_code"], "LS-HVT-K9");
    assert_eq!(cell["months_without_regular"].as_array().unwrap().len(), 0, "{cell}");
    assert_eq!(cell["thematic_held"], 3);
    assert!(cell["regular_held"].as_i64().unwrap() >= 9);
    let rate = cell["attendance_rate"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&rate));
    (sup["total_attendances"].clone(), people)
}

/// The seed's rating figures, 2016–2020, as `coso report ratings` prints them (issue 10):
/// every year ≥ 90% of TCCSĐ and > 95% of members good or better; the city committee
/// excellent in 2019 and 2020; Đông Kinh's cells 80% good or better in 2017 and 100% in 2020;
/// Chi bộ khối Cửa Nam good or better every year, with more than 90% of its members.
fn rating_figures(db: &str) -> Vec<serde_json::Value> {
    let ratings = |year: &str, org: Option<&str>| {
        let mut args = vec!["report", "ratings", "--year", year, "--format", "json"];
        if let Some(org) = org {
            args.extend(["--org", org]);
        }
        json_of(db, &args)
    };
    let level = |v: &serde_json::Value, label: &str| {
        v["levels"].as_array().unwrap().iter().find(|l| l["level"] == label).map(|l| l["counts"].clone())
    };
    let mut all = Vec::new();
    for year in 2016..=2020 {
        let y = year.to_string();
        let v = ratings(&y, None);
        for key in ["total", "excellent", "good", "complete", "not_complete", "good_or_better_pct"] {
            assert!(v["orgs"][key].is_number() && v["members"][key].is_number(), "{key} in {year}");
        }
        assert_eq!(v["orgs"]["total"], v["rated_units"], "every TCCSĐ rated in {year}");
        assert!(v["orgs"]["good_or_better_pct"].as_f64().unwrap() >= 90.0, "{year}: {}", v["orgs"]);
        assert!(v["members"]["good_or_better_pct"].as_f64().unwrap() > 95.0, "{year}: {}", v["members"]);
        let city = level(&v, "Đảng bộ cấp huyện (Thành ủy)").unwrap();
        assert_eq!(city["excellent"].as_i64() == Some(1), year >= 2019, "{year}: {city}");
        let cua_nam = ratings(&y, Some("LS-CL-CN"));
        let cell = level(&cua_nam, "Chi bộ trực thuộc").unwrap();
        assert_eq!(
            (cell["total"].as_i64(), cell["good_or_better_pct"].as_f64()),
            (Some(1), Some(100.0)),
            "{year}"
        );
        assert!(cua_nam["members"]["good_or_better_pct"].as_f64().unwrap() > 90.0, "{year}");
        let dk = level(&ratings(&y, Some("LS-DK")), "Chi bộ trực thuộc").unwrap();
        match year {
            2017 => assert_eq!(dk["good_or_better_pct"].as_f64(), Some(80.0), "{dk}"),
            2020 => assert_eq!(dk["good_or_better_pct"].as_f64(), Some(100.0), "{dk}"),
            _ => {}
        }
        all.push(v);
    }
    all
}

/// The seed's pilot and training figures (issue 11): from 2017 to 17/10/2021 the city picked
/// Đông Kinh and 22 more units, Đông Kinh picking 1 or 2 of its cells a year; Đông Kinh's
/// cells 80% good or better when picked (2017) and 100% in 2020; from 2016 116 classes with
/// more than 10,500 and fewer than 11,000 trainees, 2 of them for 285 cell committee members.
fn pilot_and_training_figures(db: &str) -> (serde_json::Value, serde_json::Value) {
    let pilots =
        json_of(db, &["report", "pilots", "--from", "01/01/2017", "--to", "17/10/2021", "--format", "json"]);
    assert_eq!(pilots["units_selected_by_city"], 23);
    let dk =
        pilots["units"].as_array().unwrap().iter().find(|u| u["org_code"] == "LS-DK").expect("Đông Kinh");
    assert_eq!(dk["selected_on"], "2017-03-15");
    assert_eq!(dk["indicator"], "cells_good_pct");
    assert_eq!(
        (dk["indicator_baseline"].as_f64(), dk["indicator_latest"].as_f64()),
        (Some(80.0), Some(100.0))
    );
    assert!(!dk["weaknesses"].as_array().unwrap().is_empty());
    let by_ward: Vec<&serde_json::Value> =
        pilots["units_selected_by_others"].as_array().unwrap().iter().collect();
    for year in 2017..=2021 {
        let n = by_ward
            .iter()
            .filter(|u| u["selected_on"].as_str().unwrap().starts_with(&year.to_string()))
            .count();
        assert!((1..=2).contains(&n), "Đông Kinh picks 1 or 2 cells in {year}: {n}");
    }
    let training = json_of(
        db,
        &["report", "training", "--from", "01/01/2016", "--to", "17/10/2021", "--format", "json"],
    );
    assert_eq!(training["classes"], 116);
    let trainees = training["trainees"].as_i64().unwrap();
    assert!((10_501..11_000).contains(&trainees), "{trainees}");
    let cells = training["by_audience"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["audience"] == "cell_committee_members")
        .unwrap();
    assert_eq!((cells["classes"].as_i64(), cells["trainees"].as_i64()), (Some(2), Some(285)));
    let categories: i64 =
        training["by_category"].as_array().unwrap().iter().map(|c| c["classes"].as_i64().unwrap()).sum();
    assert_eq!(categories, 116);
    (pilots, training)
}

/// The overview report's figures (issue 13), its ids dropped so backends compare; its Word
/// file is written where told; a period that ends first is refused with one Vietnamese line.
fn overview_figures(db: &str) -> serde_json::Value {
    let period = ["--from", "01/01/2016", "--to", "17/10/2021", "--org", "LS"];
    let mut o = json_of(db, &[&["report", "overview"][..], &period, &["--format", "json"]].concat());
    for (key, want) in [("grassroots_total", 73), ("grassroots_committees", 13), ("grassroots_cells", 60)] {
        assert_eq!(o[key], want, "{key}");
    }
    assert_eq!((o["targets_met"].as_i64(), o["targets_total"].as_i64()), (Some(16), Some(17)));
    assert_eq!(o["pilot_units_selected_by_city"], 23);
    assert_eq!(o["training_classes"], 116);
    assert!(o["superior_attendances"].as_i64().unwrap() > 120);
    let docx = std::env::temp_dir().join(format!("coso-overview-{}.docx", std::process::id()));
    let out = coso(
        db,
        &[&["report", "overview"][..], &period, &["--format", "docx", "-o", docx.to_str().unwrap()]].concat(),
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"), "a Word file is a ZIP");
    let _ = std::fs::remove_file(&docx);
    let out = coso(
        db,
        &["report", "overview", "--from", "17/10/2021", "--to", "01/01/2016", "--format", "text"],
        None,
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("kết thúc trước khi bắt đầu"), "{err}");
    fn drop_ids(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("id");
                map.values_mut().for_each(drop_ids);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(drop_ids),
            _ => {}
        }
    }
    drop_ids(&mut o);
    o
}

fn stats(db: &str) -> serde_json::Value {
    let out = coso(db, &["stats", "orgs", "--as-of", "17/10/2021", "--format", "json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The city's register out and back (issue 12): the export re-imports as every row unchanged
/// and reconciles with no difference; a file with an error prints it by row and column, exits
/// non-zero and writes nothing. Gives the number of members.
fn register_round_trip(db: &str) -> u64 {
    let dir = std::env::temp_dir();
    let id = std::process::id();
    let mut rows = 0;
    for format in ["xlsx", "csv"] {
        let file = dir.join(format!("coso-so-{id}.{format}"));
        let path = file.to_str().unwrap();
        let out = coso(db, &["export", "members", "--org", "LS", "--format", format, "--output", path], None);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let report = json_of(
            db,
            &["import", "members", "--org", "LS", "--file", path, "--dry-run", "--format", "json"],
        );
        rows = report["rows"].as_u64().unwrap();
        assert!(rows > 3000, "{report}");
        assert_eq!(report["unchanged"].as_u64(), Some(rows), "{format}: {report}");
        assert_eq!(report["errors"], serde_json::json!([]));
        let found = json_of(db, &["reconcile", "--org", "LS", "--file", path, "--format", "json"]);
        assert_eq!(found["matched"].as_u64(), Some(rows), "{found}");
        assert_eq!(found["differing"], serde_json::json!([]));
        assert_eq!(found["only_in_file"], serde_json::json!([]));
        assert_eq!(found["only_in_coso"], serde_json::json!([]));
        let _ = std::fs::remove_file(&file);
    }
    let bad = dir.join(format!("coso-so-loi-{id}.csv"));
    std::fs::write(
        &bad,
        "Họ và tên,Ngày sinh,Giới tính,Số CCCD,Ngày vào Đảng,Chi bộ\nNông Văn Mới,01/01/1990,Nam,0200900000,01/03/2020,LS-HVT-K9\n",
    )
    .unwrap();
    let out = coso(
        db,
        &["import", "members", "--org", "LS", "--file", bad.to_str().unwrap(), "--format", "json"],
        None,
    );
    assert!(!out.status.success(), "an error exits non-zero");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["written"], false);
    assert_eq!(report["errors"][0]["row"], 2, "{report}");
    assert_eq!(report["errors"][0]["column"], "Số CCCD", "{report}");
    let _ = std::fs::remove_file(&bad);
    rows
}

#[test]
fn the_demo_gives_the_seed_figures_on_both_backends() {
    let sqlite = coso_testkit::sqlite();
    let out = coso(&sqlite.url, &["demo"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let on_sqlite = stats(&sqlite.url);
    assert_eq!(on_sqlite["grassroots_total"], 73);
    assert_eq!(on_sqlite["grassroots_committees"], 13);
    assert_eq!(on_sqlite["grassroots_cells"], 60);
    for key in ["subordinate_cells", "members_official", "members_probationary"] {
        assert!(on_sqlite[key].as_i64().is_some_and(|n| n > 0), "{key} in {on_sqlite}");
    }
    // The demo's figures run to 17/10/2021: without --as-of the statistics are of that day.
    let out = coso(&sqlite.url, &["stats", "orgs", "--format", "json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let by_default: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(by_default, on_sqlite, "the default day of a demo database is its reference day");

    let figures = meeting_figures(&sqlite.url);
    let ratings = rating_figures(&sqlite.url);
    let pilots = pilot_and_training_figures(&sqlite.url);
    let overview = overview_figures(&sqlite.url);
    let xlsx = std::env::temp_dir().join(format!("coso-register-{}.xlsx", std::process::id()));
    let out = coso(
        &sqlite.url,
        &[
            "report",
            "meetings",
            "--org",
            "LS",
            "--from",
            "2019-01-01",
            "--to",
            "2021-10-17",
            "--format",
            "xlsx",
            "--output",
            xlsx.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "an Excel file is a ZIP");
    let _ = std::fs::remove_file(&xlsx);
    let out = coso(
        &sqlite.url,
        &["report", "ratings", "--year", "2020", "--format", "xlsx", "--output", xlsx.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "an Excel file is a ZIP");
    let _ = std::fs::remove_file(&xlsx);

    let members = register_round_trip(&sqlite.url);

    // A second load is refused with one line and a non-zero exit.
    let again = coso(&sqlite.url, &["demo"], None);
    assert!(!again.status.success());
    let err = text(&again.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("đã có dữ liệu"), "{err}");

    if let Some(url) = coso_testkit::postgres_url() {
        let pg = coso_testkit::postgres(&url);
        let out = coso(&pg.url, &["demo"], None);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(stats(&pg.url), on_sqlite, "both backends give the same statistics");
        assert_eq!(register_round_trip(&pg.url), members, "both backends give the same register");
        assert_eq!(meeting_figures(&pg.url), figures, "both backends give the same meeting figures");
        assert_eq!(rating_figures(&pg.url), ratings, "both backends give the same ratings");
        assert_eq!(overview_figures(&pg.url), overview, "both backends give the same overview");
        let on_pg = pilot_and_training_figures(&pg.url);
        assert_eq!(on_pg.0["units"].as_array().map(Vec::len), pilots.0["units"].as_array().map(Vec::len));
        assert_eq!(
            on_pg.1["by_audience"], pilots.1["by_audience"],
            "both backends give the same training totals"
        );
    } else {
        eprintln!("-- postgres skipped: COSO_TEST_POSTGRES_URL is not set");
    }
}

#[test]
fn accounts_and_tokens_from_the_command_line() {
    let db = coso_testkit::sqlite();
    let out = coso(&db.url, &["migrate"], None);
    assert!(out.status.success());
    let out = coso(
        &db.url,
        &["user", "add", "--username", "Quantri", "--role", "admin", "--password-stdin"],
        Some("mat-khau-dai\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The global option may also come after the subcommand.
    let out = Command::new(env!("CARGO_BIN_EXE_coso"))
        .args(["token", "create", "--username", "quantri", "--database-url", &db.url])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let token = stdout.trim().lines().last().unwrap();
    assert!(token.starts_with("coso_") && !token.contains(' '), "{stdout}");

    let revoked = coso(&db.url, &["token", "revoke", "--token-stdin"], Some(token));
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));
    let again = coso(&db.url, &["token", "revoke", "--token-stdin"], Some(token));
    assert!(!again.status.success(), "a revoked token is no longer found");

    let bad = coso(
        &db.url,
        &["user", "add", "--username", "canbo1", "--role", "city", "--password-stdin"],
        Some("mat-khau-dai"),
    );
    assert!(!bad.status.success());
    assert_eq!(text(&bad.stderr).trim().lines().count(), 1);
    assert!(text(&bad.stderr).contains("tổ chức"));

    let bad_date = coso(&db.url, &["stats", "orgs", "--as-of", "32/13/2021"], None);
    assert!(!bad_date.status.success());
    assert!(text(&bad_date.stderr).contains("ngày không hợp lệ"));

    // The trail of what was done above: the account, the token created and revoked.
    let trail = json_of(&db.url, &["audit", "list", "--format", "json"]);
    let lines: Vec<(String, String)> = trail
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["action"].as_str().unwrap().to_string(), t["entity"].as_str().unwrap().to_string()))
        .collect();
    for want in [("create", "user"), ("create", "api_token"), ("revoke", "api_token")] {
        assert!(lines.contains(&(want.0.into(), want.1.into())), "{want:?} in {lines:?}");
    }
    assert!(trail[0]["at"].is_string() && trail[0]["actor"].is_string() && trail[0]["entity_id"].is_string());
    let tokens = json_of(&db.url, &["audit", "list", "--entity", "api_token", "--since", "01/01/2020"]);
    assert_eq!(tokens.as_array().unwrap().len(), 2, "{tokens}");
    let newest = json_of(&db.url, &["audit", "list", "--entity", "api_token", "--limit", "1"]);
    assert_eq!(newest.as_array().unwrap().len(), 1, "{newest}");
    assert_eq!(newest[0]["action"], "revoke", "the newest line is kept: {newest}");
}

/// `coso rating check` reads one TCCSĐ from a file and touches no database: the URL below
/// points where nothing can be opened.
#[test]
fn a_rating_is_checked_from_a_file_without_a_database() {
    let dir = std::env::temp_dir().join(format!("coso-rating-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let no_db = "sqlite:///nonexistent/dir/coso.db";
    let write = |name: &str, body: &str| {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        path.to_string_lossy().into_owned()
    };
    // 21-HD/BTCTW mục II điểm 2.3 a): one excellent needs four good; a reprimanded member
    // is not complete, and so the cell is not excellent; a member admitted in August 2020 is not rated in December 2020.
    let round = r#"{"unit": {"id": "LS-HVT-K9", "kind": "grassroots_cell", "proposed": "excellent"},
      "rated_on": "2020-12-10",
      "members": [
        {"id": "m1", "status": "official", "admitted_on": "2001-05-19", "proposed": "excellent",
         "criteria": {"task": "excellent", "others": "good"}},
        {"id": "m2", "status": "official", "admitted_on": "2010-03-02", "proposed": "good",
         "discipline_in_year": "reprimand"},
        {"id": "m3", "status": "official", "admitted_on": "2012-09-01", "proposed": "good"},
        {"id": "m4", "status": "probationary", "admitted_on": "2020-08-01", "proposed": "good"},
        {"id": "m5", "status": "exempted", "admitted_on": "1975-01-01"}]}"#;
    let file = write("k9.json", round);
    let out = coso(no_db, &["rating", "check", "--year", "2020", "--input", &file, "--format", "json"], None);
    assert!(!out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["policy"], "132-QĐ/TW+21-HD/BTCTW");
    assert_eq!(v["valid"], false);
    let found: Vec<(String, String)> = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["subject"].as_str().unwrap().into(), x["rule"].as_str().unwrap().into()))
        .collect();
    // m2, not complete, also bars the cell from excellent (100% at least complete).
    let want = [
        ("m2", "disciplined"),
        ("m4", "not_rated"),
        ("LS-HVT-K9", "excellent_cap"),
        ("LS-HVT-K9", "collective_excellent"),
    ];
    assert_eq!(found, want.map(|(s, r)| (s.to_string(), r.to_string())));
    assert!(v["violations"][2]["citation"].as_str().unwrap().contains("21-HD/BTCTW, mục II, điểm 2.3"));
    assert_eq!(v["excluded"], serde_json::json!(["m4", "m5"]));
    assert_eq!(v["max_tier"]["m2"], "not_complete");
    assert!(text(&out.stderr).contains("vi phạm 4 quy định"), "{}", text(&out.stderr));

    // The same unit with the rules kept: valid, exit 0.
    let kept = round
        .replace(
            r#""proposed": "excellent",
         "criteria""#,
            r#""proposed": "good",
         "criteria""#,
        )
        .replace(
            r#""proposed": "good",
         "discipline_in_year""#,
            r#""proposed": "not_complete",
         "discipline_in_year""#,
        )
        .replace(r#""admitted_on": "2020-08-01", "proposed": "good""#, r#""admitted_on": "2020-08-01""#)
        .replace(r#""proposed": "excellent"}"#, r#""proposed": "good"}"#);
    let out =
        coso(no_db, &["rating", "check", "--year", "2020", "--input", &write("kept.json", &kept)], None);
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["valid"].as_bool(), v["violations"].as_array().map(Vec::len)), (Some(true), Some(0)));

    // Malformed files: the field is named, nothing printed on stdout, exit non-zero.
    let bad = [
        (
            r#"{"unit": {"id": "x", "kind": "grassroots_cell"}, "members": [{"id": "a", "status": "official"}]}"#,
            "members[0]: thiếu trường `admitted_on`",
        ),
        (
            r#"{"unit": {"id": "x", "kind": "grassroots_cell", "proposed": "best"}}"#,
            "unit.proposed: giá trị không hợp lệ `best`",
        ),
        (
            r#"{"unit": {"id": "x", "kind": "grassroots_cell"}, "members": [{"id": "a", "status": "official", "admitted_on": "2020-13-01"}]}"#,
            "members[0].admitted_on: ngày không hợp lệ",
        ),
        (r#"{"unit": {"kind": "grassroots_cell"}}"#, "thiếu trường `id`"),
        (
            r#"{"unit": {"id": "x", "kind": "grassroots_cell"}, "members": [{"id": "a", "status": "official", "admitted_on": "2000-01-01", "targets_met_pct": 140}]}"#,
            "members[0].targets_met_pct",
        ),
        ("not json", "không hợp lệ"),
    ];
    for (i, (body, said)) in bad.iter().enumerate() {
        let out = coso(
            no_db,
            &["rating", "check", "--year", "2020", "--input", &write(&format!("bad{i}.json"), body)],
            None,
        );
        assert!(!out.status.success(), "{body}");
        assert!(out.stdout.is_empty(), "{body}");
        assert!(text(&out.stderr).contains(said), "{body}: {}", text(&out.stderr));
    }
    let out = coso(no_db, &["rating", "check", "--year", "2020", "--input", "-"], Some(&kept));
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_document_number_is_read_without_a_database() {
    // "1764-QĐ/TU" with its letters decomposed (NFD) reads back composed (NFC).
    let nfd = "02-\u{110}A/TU";
    let out =
        coso("sqlite:///nonexistent/never-opened.db", &["docnum", "parse", nfd, "--format", "json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let n: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(n["style"], "party");
    assert_eq!(n["number"], "02-ĐA/TU");
    assert_eq!(n["type"], "ĐA");
    assert_eq!(n["issuer"], "TU");
    let state =
        coso("sqlite:///nonexistent/x.db", &["docnum", "parse", "1206/QĐ-BTP", "--format", "json"], None);
    let n: serde_json::Value = serde_json::from_slice(&state.stdout).unwrap();
    assert_eq!((n["style"].as_str(), n["issuer"].as_str()), (Some("state"), Some("BTP")));
    let bad = coso("sqlite:///nonexistent/x.db", &["docnum", "parse", "12-XX/TU"], None);
    assert!(!bad.status.success());
    let err = text(&bad.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("loại văn bản «XX»"), "{err}");
    // Decomposed input (NFD: O + circumflex + dot below) is read, and answered, composed (NFC).
    let nfd = coso("sqlite:///nonexistent/x.db", &["docnum", "parse", "5/QĐ-BO\u{302}\u{323}"], None);
    assert!(!nfd.status.success());
    assert!(text(&nfd.stderr).contains("«BỘ»"), "{}", text(&nfd.stderr));
}
