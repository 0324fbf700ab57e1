//! The member register: entering members, the checks on a record, lifecycle events, search
//! and paging.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use coso_app::Actor;
use coso_app::members::{MemberInput, MemberQuery};
use coso_testkit::each_backend;

use common::*;

/// What a refused write must not have touched.
fn counts(db: &coso_store::Db) -> (i64, i64) {
    (membership_rows(db), audit_rows(db))
}

/// A member arriving in DK-C1 on `arrived`, admitted elsewhere on `admitted`.
fn transfer_in(admitted: &str, official: Option<&str>, arrived: &str) -> MemberInput {
    let mut input = admission("Trần Thị Bình", "1980-02-01", "DK-C1", admitted);
    input.entry = "transfer_in".into();
    input.official_on = official.map(String::from);
    with(input, "entry_on", arrived)
}

#[test]
fn admissions_and_transfers_in_enter_the_register() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let audits = audit_rows(db);
        let input = admission("Nguyễn Văn An", "1990-05-01", "DK-C1", "10/01/2020");
        let input = with(with(input, "cccd", "000090001234"), "card_number", "31000001");
        let an = ok("admission", app.create_member(&sys, input));
        let arrived = transfer_in("2005-03-01", Some("2006-03-01"), "2021-07-01");
        let binh = ok("transfer in", app.create_member(&sys, arrived));
        assert_eq!(audit_rows(db), audits + 2);
        let cases = [
            (&an, "probationary", (d(2020, 1, 10), None), ("admission", d(2020, 1, 10))),
            (&binh, "official", (d(2005, 3, 1), Some(d(2006, 3, 1))), ("transfer_in", d(2021, 7, 1))),
        ];
        for (m, status, dates, first_event) in cases {
            let name = &m.full_name;
            assert_eq!((m.status.code(), m.org_code.as_str()), (status, "DK-C1"), "{name}");
            assert_eq!((m.admitted_on, m.official_on), dates, "{name}");
            let detail = ok("detail", app.member_detail(&sys, &m.id));
            let events: Vec<_> = detail.events.iter().map(|e| (e.kind.code(), e.occurred_on)).collect();
            assert_eq!(events, [first_event], "{name}");
        }
        let detail = ok("detail", app.member_detail(&sys, &an.id));
        assert_eq!(detail.cccd.as_deref(), Some("000090001234"));
        assert_eq!(detail.summary.card_number.as_deref(), Some("31000001"));
        // The register as of a date counts who was on it then.
        let cases = [
            ((2020, 1, 9), (0, 0)),
            ((2020, 1, 10), (1, 0)),
            ((2021, 6, 30), (1, 0)),
            ((2021, 7, 1), (1, 1)),
        ];
        for ((y, m, day), want) in cases {
            let s = ok("stats", app.org_stats(&sys, d(y, m, day)));
            assert_eq!((s.members_probationary, s.members_official), want, "on {y}-{m}-{day}");
        }
        assert_eq!(tree_of(&app, &sys, coso_app::today())["DK-C1"].members, 2);
    });
}

#[test]
fn a_wrong_record_is_refused_on_its_field_in_vietnamese() {
    let member = || admission("Nguyễn Văn An", "1990-05-01", "DK-C1", "2020-01-10");
    let aged = |born: &str| admission("Nguyễn Văn An", born, "DK-C1", "2020-01-10");
    let placed = |org: &str, admitted: &str| admission("Nguyễn Văn An", "1990-05-01", org, admitted);
    let twelve_digits = "Số CCCD phải gồm đúng 12 chữ số.";
    let cases = [
        ("11 digits", with(member(), "cccd", "00109000123"), "cccd", twelve_digits),
        ("a letter", with(member(), "cccd", "00109000123a"), "cccd", twelve_digits),
        (
            "aged 16",
            aged("2003-02-01"),
            "admitted_on",
            "phải đủ 18 tuổi khi chi bộ xét kết nạp (người này 16 tuổi).",
        ),
        // Over 60 needs the decision of the committee directly under the Central Committee.
        ("aged 61", aged("1958-06-01"), "admitted_on", "Người trên 60 tuổi (người này 61 tuổi)"),
        (
            "official after 9 months",
            transfer_in("2019-01-01", Some("2019-10-01"), "2021-01-01"),
            "official_on",
            "Ngày chính thức là ngày đủ 12 tháng dự bị kể từ ngày vào Đảng: 01/01/2020.",
        ),
        (
            "official date on admission",
            with(member(), "official_on", "2021-01-10"),
            "official_on",
            "Đảng viên mới kết nạp là dự bị; ngày chính thức ghi khi công nhận.",
        ),
        ("no such birth date", aged("31/02/1990"), "born_on", "không đúng dạng ngày (dd/mm/yyyy)."),
        (
            "admitted in the future",
            placed("DK-C1", "2099-01-10"),
            "admitted_on",
            "Ngày vào Đảng không thể ở tương lai.",
        ),
        ("no name", admission(" ", "1990-05-01", "DK-C1", "2020-01-10"), "full_name", "Cần nhập họ và tên."),
        (
            "in a committee",
            placed("DK", "2020-01-10"),
            "org_code",
            "Đông Kinh không phải chi bộ; đảng viên sinh hoạt ở chi bộ.",
        ),
        (
            "before the cell",
            placed("DK-C1", "2009-01-10"),
            "org_code",
            "Không có chi bộ mã DK-C1 vào ngày 10/01/2009.",
        ),
        (
            "arrived before admission",
            transfer_in("2019-01-01", None, "2018-01-01"),
            "entry_on",
            "Ngày chuyển đến phải sau ngày vào Đảng.",
        ),
    ];
    each_backend(|db| {
        let app = city(db);
        for (label, input, field, want) in &cases {
            let before = counts(db);
            let message = refused_on(app.create_member(&Actor::system(), input.clone()), field);
            assert!(message.contains(want), "{label}: {message}");
            assert_eq!(counts(db), before, "{label}");
        }
    });
}

#[test]
fn card_numbers_and_cccd_are_unique() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let first = admission("Nguyễn Văn An", "1990-05-01", "DK-C1", "2020-01-10");
        let first = with(with(first, "cccd", "000090001234"), "card_number", "31000001");
        ok("first", app.create_member(&sys, first));
        let second = || admission("Trần Văn Bình", "1991-05-01", "VT-C1", "2020-02-10");
        let taken_card = "Số thẻ đảng viên 31000001 đã có trong sổ.";
        let cases = [
            (with(second(), "card_number", "31000001"), "card_number", taken_card),
            (with(second(), "card_number", " 31000001 "), "card_number", taken_card),
            (with(second(), "cccd", "000090001234"), "cccd", "Số CCCD này đã có trong sổ."),
        ];
        for (input, field, want) in cases {
            let before = counts(db);
            assert_eq!(refused_on(app.create_member(&sys, input), field), want);
            assert_eq!(counts(db), before, "{field}");
        }
        let fine = with(with(second(), "cccd", "000091001234"), "card_number", "31000002");
        ok("second", app.create_member(&sys, fine));
    });
}

#[test]
fn events_follow_the_statute_in_date_order() {
    let steps = [
        (
            "confirmation",
            "2020-12-01",
            Some((
                "occurred_on",
                "Chưa đủ 12 tháng dự bị: sớm nhất ngày 10/01/2021 mới được công nhận chính thức.",
            )),
        ),
        (
            "expulsion",
            "2020-12-01",
            Some(("kind", "Đảng viên dự bị không bị khai trừ; nếu không đủ tư cách thì xóa tên.")),
        ),
        ("confirmation", "10/01/2021", None),
        (
            "exemption",
            "2020-12-31",
            Some(("occurred_on", "Ngày sự kiện phải từ ngày 10/01/2021 (sự kiện gần nhất) trở về sau.")),
        ),
        ("death", "2099-01-01", Some(("occurred_on", "Ngày sự kiện không thể ở tương lai."))),
        ("death", "2023-05-01", None),
        (
            "confirmation",
            "2023-06-01",
            Some((
                "kind",
                "Không thể ghi sự kiện «Công nhận chính thức» cho đảng viên đang ở trạng thái «Đã từ trần».",
            )),
        ),
    ];
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2020-01-10");
        // Read from the database beside the app: a view through the app would be audited itself.
        let state = || (counts(db), db.read(|c| coso_store::members::events(c, &an.id)).unwrap().len());
        for (kind, on, refusal) in steps {
            let before = state();
            let result = app.record_member_event(&sys, &an.id, event(kind, on, None));
            match refusal {
                None => {
                    ok(kind, result);
                    let ((memberships, audits), events) = before;
                    assert_eq!(state(), ((memberships, audits + 1), events + 1), "{kind} on {on}");
                }
                Some((field, want)) => {
                    assert_eq!(refused_on(result, field), want, "{kind} on {on}");
                    assert_eq!(state(), before, "{kind} on {on}");
                }
            }
        }
        let detail = ok("detail", app.member_detail(&sys, &an.id));
        let s = &detail.summary;
        assert_eq!((s.status.code(), s.official_on), ("deceased", Some(d(2021, 1, 10))));
        let kinds: Vec<_> = detail.events.iter().map(|e| e.kind.code()).collect();
        assert_eq!(kinds, ["admission", "confirmation", "death"]);
        // The dead leave the roll but not the record.
        assert!(listed(&app, &sys, &MemberQuery::default()).is_empty());
        let all = MemberQuery { status: Some("all".into()), ..MemberQuery::default() };
        assert_eq!(listed(&app, &sys, &all), ["Nguyễn Văn An"]);
        assert_eq!(ok("stats", app.org_stats(&sys, d(2022, 1, 1))).members_official, 1);
        assert_eq!(ok("stats", app.org_stats(&sys, d(2023, 5, 1))).members_official, 0);
    });
}

#[test]
fn an_internal_transfer_moves_the_member_and_the_counts_by_date() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2020-01-10");
        let refusals = [
            (Some("DK-C1"), "Đảng viên đang sinh hoạt ở chính chi bộ này."),
            (Some("VT"), "Đảng bộ phường Vĩnh Trại không phải chi bộ; đảng viên sinh hoạt ở chi bộ."),
            (None, "Cần chọn chi bộ chuyển đến."),
        ];
        for (to, want) in refusals {
            let before = counts(db);
            let input = event("transfer_internal", "2022-06-01", to);
            assert_eq!(refused_on(app.record_member_event(&sys, &an.id, input), "to_org_code"), want);
            assert_eq!(counts(db), before);
        }
        let input = event("transfer_internal", "2022-06-01", Some("VT-C1"));
        ok("transfer", app.record_member_event(&sys, &an.id, input));
        let s = ok("detail", app.member_detail(&sys, &an.id)).summary;
        assert_eq!((s.org_code.as_str(), s.status.code()), ("VT-C1", "probationary"));
        let (eve, day) = (d(2022, 5, 31), d(2022, 6, 1));
        for (on, want) in [(eve, (1, 0)), (day, (0, 1))] {
            let tree = tree_of(&app, &sys, on);
            assert_eq!((tree["DK-C1"].members, tree["VT-C1"].members), want, "on {on}");
        }
        let dk = account(&app, "dk.admin", "org_admin", Some("DK"));
        let vt = account(&app, "vt.admin", "org_admin", Some("VT"));
        let cases =
            [(&dk, eve, 1), (&dk, day, 0), (&vt, eve, 0), (&vt, day, 1), (&sys, eve, 1), (&sys, day, 1)];
        for (actor, on, want) in cases {
            let s = ok("stats", app.org_stats(actor, on));
            assert_eq!(s.members_probationary, want, "{} on {on}", actor.username);
        }
    });
}

#[test]
fn search_ignores_diacritics_and_case_and_finds_card_prefixes() {
    let people = [
        ("Nguyễn Văn An", "31000101"),
        ("Nguyễn Văn Bình", "31000102"),
        ("NGUYỄN THỊ CÚC", "31000203"),
        ("Đinh Văn Dũng", "32000104"),
        ("Trần Đức Em", "32000205"),
    ];
    let (an, binh, cuc, dung, em) =
        ("Nguyễn Văn An", "Nguyễn Văn Bình", "NGUYỄN THỊ CÚC", "Đinh Văn Dũng", "Trần Đức Em");
    let cases: [(&str, &[&str]); 13] = [
        ("nguyen van", &[an, binh]),
        ("NGUYỄN", &[cuc, an, binh]),
        ("nguyễn thị", &[cuc]),
        ("dinh", &[dung]),
        ("ĐINH", &[dung]),
        ("duc", &[em]),
        ("van dung", &[dung]),
        ("3100010", &[an, binh]),
        ("31000102", &[binh]),
        ("000104", &[]),
        ("%", &[]),
        ("_", &[]),
        ("", &[cuc, an, binh, em, dung]),
    ];
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        for (name, card) in people {
            let input = with(admission(name, "1990-05-01", "DK-C1", "2020-01-10"), "card_number", card);
            ok(name, app.create_member(&sys, input));
        }
        for (q, want) in cases {
            assert_eq!(listed(&app, &sys, &query(q)), want, "query {q:?}");
        }
    });
}

/// Card numbers may hold letters; a prefix typed in either case finds them on both backends.
#[test]
fn card_numbers_are_found_in_any_case() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let input = admission("Hà Thị Giang", "1990-05-01", "DK-C1", "2020-01-10");
        ok("member", app.create_member(&sys, with(input, "card_number", "LS-00042")));
        for q in ["LS-0004", "ls-0004", "Ls-00042"] {
            let found = listed(&app, &sys, &query(q));
            assert_eq!(found, ["Hà Thị Giang"], "query {q:?} on {:?}", db.backend());
        }
    });
}

#[test]
fn lists_page_in_name_order() {
    let names = [
        "Vũ Văn Phúc",
        "Ánh Dương",
        "Lê Văn Nam",
        "Bùi Thị Hà",
        "Phạm Thị Oanh",
        "Đỗ Văn Long",
        "Hoàng Thị Mai",
    ];
    let cases: [(i64, &[&str]); 4] = [
        (1, &["Ánh Dương", "Bùi Thị Hà", "Đỗ Văn Long"]),
        (2, &["Hoàng Thị Mai", "Lê Văn Nam", "Phạm Thị Oanh"]),
        (3, &["Vũ Văn Phúc"]),
        (4, &[]),
    ];
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        for name in names {
            admit(&app, name, "DK-C1", "2020-01-10");
        }
        for (page, want) in cases {
            let q = MemberQuery { page: Some(page), per_page: Some(3), ..MemberQuery::default() };
            let found = ok("list", app.list_members(&sys, &q));
            let got: Vec<&str> = found.members.iter().map(|m| m.full_name.as_str()).collect();
            assert_eq!(got, want, "page {page}");
            let paging = (found.total, found.page, found.per_page, found.pages());
            assert_eq!(paging, (7, page, 3, 3), "page {page}");
        }
        let q = MemberQuery { per_page: Some(2), ..query("thi") };
        let found = ok("list", app.list_members(&sys, &q));
        assert_eq!((found.total, found.members.len(), found.pages()), (3, 2, 2));
    });
}

/// Users read refusals as sentences: a capital first, a full stop last.
#[test]
fn refusals_read_as_sentences() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2020-01-10");
        let bad_birth = admission("A", "31/02/1990", "DK-C1", "2020-01-10");
        let bad_arrival = transfer_in("2019-01-01", None, "hôm qua");
        let no_admission = admission("A", "1990-05-01", "DK-C1", "");
        let bad_founding = org_input("X1", "Chi bộ", "subordinate_cell", Some("DK"), "32/01/2015");
        let bad_event = event("death", "hôm qua", None);
        let cases = [
            ("born_on", refused_on(app.create_member(&sys, bad_birth), "born_on")),
            ("entry_on", refused_on(app.create_member(&sys, bad_arrival), "entry_on")),
            ("admitted_on", refused_on(app.create_member(&sys, no_admission), "admitted_on")),
            ("occurred_on", refused_on(app.record_member_event(&sys, &an.id, bad_event), "occurred_on")),
            ("founded_on", refused_on(app.create_org(&sys, bad_founding), "founded_on")),
        ];
        for (field, message) in cases {
            let first = message.chars().next().unwrap();
            assert!(first.is_uppercase() && message.ends_with('.'), "{field}: {message:?}");
        }
    });
}

/// A member exempted from activity (miễn công tác và sinh hoạt đảng) stays an official member
/// in every count; the statistics show the exempted as a part of the official (domain.md §3).
#[test]
fn the_exempted_count_among_the_official_members() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2019-01-10");
        admit(&app, "Trần Thị Bình", "DK-C1", "2019-03-01");
        member_event(&app, &an.id, "confirmation", "2020-01-10");
        member_event(&app, &an.id, "exemption", "2021-01-15");
        let stats = |y, m, day| {
            let s = ok("stats", app.org_stats(&sys, d(y, m, day)));
            (s.members_official, s.members_exempted, s.members_probationary)
        };
        // (official, of them exempted, probationary)
        assert_eq!(stats(2020, 6, 1), (1, 0, 1));
        assert_eq!(stats(2021, 2, 1), (1, 1, 1));
        let text = ok("stats", app.org_stats(&sys, d(2021, 2, 1))).to_text();
        assert!(
            text.contains("Đảng viên chính thức: 1 (trong đó miễn công tác và sinh hoạt đảng: 1)"),
            "{text}"
        );
    });
}

/// A probationary member is official from the day the 12 months end, even when the cell
/// decides later; the confirmation keeps its decision date (Quy định 29-QĐ/TW, mục 4).
#[test]
fn the_official_date_is_the_end_of_probation_whenever_it_is_decided() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2020-01-10");
        member_event(&app, &an.id, "confirmation", "2021-03-02");
        let detail = ok("detail", app.member_detail(&sys, &an.id));
        assert_eq!(detail.summary.official_on, Some(d(2021, 1, 10)));
        let confirmed = detail.events.iter().find(|e| e.kind.code() == "confirmation").map(|e| e.occurred_on);
        assert_eq!(confirmed, Some(d(2021, 3, 2)), "the event keeps the decision's date");
        // A record brought in by transfer states the end of probation, not another day.
        let late = transfer_in("2019-01-01", Some("2020-02-15"), "2021-01-01");
        let refused = refused_on(app.create_member(&sys, late), "official_on");
        assert_eq!(refused, "Ngày chính thức là ngày đủ 12 tháng dự bị kể từ ngày vào Đảng: 01/01/2020.");
    });
}

/// Each view of a member's record is in the audit trail, which the city board may read and a
/// ward's account may not (issue 7, point 9).
#[test]
fn views_of_a_member_are_in_the_trail() {
    each_backend(|db| {
        let app = city(db);
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2020-01-10");
        let ward = account(&app, "dk.admin", "org_admin", Some("DK"));
        let board = account(&app, "btc.thanhuy", "city", Some("TU"));
        ok("view", app.member_detail(&ward, &an.id));
        let query = coso_app::trail::TrailQuery {
            entity: Some("member".into()),
            entity_id: Some(an.id.to_string()),
            ..Default::default()
        };
        let trail = ok("trail", app.audit_trail(&board, &query));
        let lines: Vec<(&str, &str)> = trail.iter().map(|t| (t.action.as_str(), t.actor.as_str())).collect();
        assert_eq!(lines, [("view", "dk.admin"), ("create", "system")]);
        let newest = ok(
            "newest",
            app.audit_trail(&board, &coso_app::trail::TrailQuery { limit: Some(1), ..query.clone() }),
        );
        let newest: Vec<&str> = newest.iter().map(|t| t.action.as_str()).collect();
        assert_eq!(newest, ["view"], "a limit keeps the newest lines");
        assert!(matches!(app.audit_trail(&ward, &query), Err(coso_app::AppError::Forbidden)));
    });
}

/// Re-admission (Quy định 24-QĐ/TW, mục 3.5.1; from 01/7/2025 Quy định 294-QĐ/TW, mục 3.5.1 and
/// 3.5.2), the form and ground of leaving on the record, and an admission over 60 (24-QĐ/TW,
/// mục 1.1.2). Each refusal names its text and writes nothing.
#[test]
fn readmission_and_leaving_follow_their_rules_on_the_record() {
    each_backend(|db| {
        let (app, sys) = (city(db), Actor::system());
        let an = admit(&app, "Nguyễn Văn An", "DK-C1", "2010-01-10");
        let binh = admit(&app, "Trần Thị Bình", "DK-C1", "2010-01-10");
        member_event(&app, &an.id, "confirmation", "2011-01-10");
        member_event(&app, &binh.id, "confirmation", "2011-01-10");
        // An leaves by removal (no ground); Bình asks to leave of her own will.
        ok("removal", app.record_member_event(&sys, &an.id, event("removal", "2018-06-01", None)));
        let mut withdraw = event("withdrawal", "2021-02-01", None);
        withdraw.ground = Some("voluntary".into());
        ok("withdrawal", app.record_member_event(&sys, &binh.id, withdraw));
        let detail = ok("detail", app.member_detail(&sys, &binh.id));
        assert_eq!(detail.summary.status.code(), "withdrawn");
        let left = detail.events.last().unwrap();
        assert_eq!(
            (left.kind.leaving_form(), left.ground.as_deref()),
            (Some("Xin ra khỏi Đảng"), Some("Tự nguyện xin ra khỏi Đảng"))
        );
        // A ground is for a leaving only.
        let mut wrong = event("exemption", "2021-03-01", None);
        wrong.ground = Some("voluntary".into());
        let before = counts(db);
        refused_on(app.record_member_event(&sys, &an.id, wrong), "ground");

        let readmit = |on: &str, approval: Option<&str>| {
            let mut e = event("readmission", on, Some("DK-C1"));
            e.approval = approval.map(String::from);
            e
        };
        // (who, input, the field refused, its citation)
        let refusals = [
            (&an, readmit("2021-05-31", Some("125-CV/TU")), "occurred_on", "Quy định 24-QĐ/TW, mục 3.5.1"),
            (&an, readmit("2021-06-01", None), "approval", "Quy định 24-QĐ/TW, mục 3.5.1"),
            (&binh, readmit("2025-08-01", Some("130-CV/TU")), "kind", "Quy định 294-QĐ/TW, mục 3.5.2"),
        ];
        for (who, input, field, citation) in refusals {
            match app.record_member_event(&sys, &who.id, input) {
                Err(coso_app::AppError::Invalid(found)) => {
                    let v = found
                        .iter()
                        .find(|v| v.field == Some(field))
                        .unwrap_or_else(|| panic!("{field}: {found:?}"));
                    assert_eq!(v.citation, Some(citation), "{field}");
                }
                other => panic!("{field}: expected a refusal, got {other:?}"),
            }
        }
        assert_eq!(counts(db), before, "nothing written");
        let back = ok(
            "readmission",
            app.record_member_event(&sys, &an.id, readmit("2021-06-01", Some("125-CV/TU"))),
        );
        assert_eq!((back.status_after_label.as_str(), back.approval.as_str()), ("Dự bị", "125-CV/TU"));
        let detail = ok("detail", app.member_detail(&sys, &an.id));
        assert_eq!((detail.summary.admitted_on, detail.summary.official_on), (d(2021, 6, 1), None));
        // Re-admitted once: from 01/7/2025 never again.
        ok("removal", app.record_member_event(&sys, &an.id, event("removal", "2022-01-10", None)));
        let once = app.record_member_event(&sys, &an.id, readmit("2025-09-01", Some("140-CV/TU")));
        assert!(refused_on(once, "kind").contains("một lần"));

        // Over 60 when the cell considers it: only by the decision of the committee directly under
        // the Central Committee.
        let old = admission("Lý Văn Cao", "1960-01-01", "DK-C1", "2021-03-01");
        let before = counts(db);
        let message = refused_on(app.create_member(&sys, old.clone()), "admitted_on");
        assert!(message.contains("trên 60 tuổi"), "{message}");
        assert_eq!(counts(db), before);
        let mut decided = old;
        decided.over_age_decision = Some("512-QĐ/TU".into());
        let cao = ok("over 60", app.create_member(&sys, decided));
        let detail = ok("detail", app.member_detail(&sys, &cao.id));
        assert_eq!(detail.events[0].approval, "512-QĐ/TU");
    });
}
