//! Cell meetings: recording the minutes with absentees and superiors, the checks on a record,
//! compliance with the meeting rules, superior attendance quotas, access, and the files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use coso_app::meetings::{MeetingDetail, MeetingInput};
use coso_app::members::MemberSummary;
use coso_app::{Actor, App, AppError, AppResult};
use coso_testkit::each_backend;

use common::*;

/// DK-C1, admitted 2018, official from 15/01/2019.
const AN: &str = "Nguyễn Văn An";
/// DK-C1, probationary from 01/03/2020.
const BINH: &str = "Trần Thị Bình";
/// DK-C1, official from 15/01/2019, exempted from 01/06/2020.
const CUONG: &str = "Lê Văn Cường";
/// DK-C1, admitted 01/06/2021.
const DUNG: &str = "Phạm Thị Dung";
/// DK-C1, admitted 2018, official from 05/03/2019.
const EM: &str = "Đỗ Văn Em";
/// DK-C2.
const GIANG: &str = "Vũ Thị Giang";
/// CB; member of the city committee (TU) from 01/01/2019 to 01/07/2021.
const TUNG: &str = "Lò Văn Tùng";
/// CB; standing committee member of the city committee (TU) from 01/01/2019.
const QUAN: &str = "Vi Văn Quân";
/// VT-C1; member of the Vĩnh Trại grassroots committee (VT) from 01/01/2019.
const LAN: &str = "Hoàng Thị Lan";

/// The city tree with the members above, their events and positions.
struct World {
    app: App,
    /// The database under the app, to count rows from outside.
    db: coso_store::Db,
    members: BTreeMap<&'static str, MemberSummary>,
}

impl World {
    /// The membership id.
    fn id(&self, name: &str) -> String {
        self.members[name].id.to_string()
    }

    fn person(&self, name: &str) -> String {
        self.members[name].person_id.to_string()
    }
}

fn world(db: &coso_store::Db) -> World {
    let app = city(db);
    let admissions = [
        (AN, "DK-C1", "2018-01-10"),
        (BINH, "DK-C1", "2020-03-01"),
        (CUONG, "DK-C1", "2018-01-10"),
        (DUNG, "DK-C1", "2021-06-01"),
        (EM, "DK-C1", "2018-03-01"),
        (GIANG, "DK-C2", "2018-01-10"),
        (TUNG, "CB", "2015-01-10"),
        (QUAN, "CB", "2015-01-10"),
        (LAN, "VT-C1", "2015-01-10"),
    ];
    let members: BTreeMap<&'static str, MemberSummary> =
        admissions.into_iter().map(|(name, org, on)| (name, admit(&app, name, org, on))).collect();
    let events = [
        (AN, "confirmation", "2019-01-15"),
        (CUONG, "confirmation", "2019-01-15"),
        (CUONG, "exemption", "2020-06-01"),
        (EM, "confirmation", "2019-03-05"),
    ];
    for (name, kind, on) in events {
        member_event(&app, &members[name].id, kind, on);
    }
    hold_position(
        &app,
        "TU",
        members[TUNG].id.as_str(),
        "committee_member",
        "2019-01-01",
        Some("2021-07-01"),
    );
    hold_position(&app, "TU", members[QUAN].id.as_str(), "standing_committee", "2019-01-01", None);
    hold_position(&app, "VT", members[LAN].id.as_str(), "committee_member", "2019-01-01", None);
    World { app, db: db.clone(), members }
}

fn forbidden<T: std::fmt::Debug>(what: &str, result: AppResult<T>) {
    assert!(matches!(result, Err(AppError::Forbidden)), "{what}: expected Forbidden, got {result:?}");
}

/// Records a meeting as the system and reads it back.
fn record(app: &App, cell: &str, input: MeetingInput) -> MeetingDetail {
    let what = format!("{cell} {} {}", input.kind, input.held_on);
    let s = ok(&what, app.record_meeting(&Actor::system(), cell, input));
    ok(&what, app.meeting_detail(&Actor::system(), &s.id))
}

/// (held on, absent with reason, absent without, superiors) → (invited, present, absent)
type Attendance = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    (i64, i64, i64),
);

/// (held on, superiors who came) → (name, assigned) of each
type Came = (&'static str, &'static [&'static str], &'static [(&'static str, bool)]);

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

fn names(list: &[&str]) -> Vec<String> {
    sorted(list.iter().map(|s| s.to_string()).collect())
}

#[test]
fn a_meeting_invites_the_eligible_and_lists_absentees_and_superiors() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        // The invited are those on the roll, probationary or official, not exempted, that day.
        let cases: [(&str, &[&str]); 4] = [
            ("2019-12-31", &[AN, CUONG, EM]),
            ("2020-06-01", &[AN, BINH, EM]),
            ("2021-05-31", &[AN, BINH, EM]),
            ("2021-06-01", &[AN, BINH, DUNG, EM]),
        ];
        for (on, want) in cases {
            let on_date = coso_domain::date::parse(on).unwrap();
            let eligible = ok(on, w.app.eligible_members(&sys, "DK-C1", on_date));
            assert_eq!(sorted(eligible.into_iter().map(|e| e.full_name).collect()), names(want), "{on}");
        }
        let cases: [Attendance; 3] = [
            ("10/03/2021", &[AN], &[BINH], &[TUNG], (3, 1, 2)),
            ("2021-04-12", &[], &[EM], &[], (3, 2, 1)),
            ("15/06/2021", &[], &[], &[QUAN], (4, 4, 0)),
        ];
        for (on, with_reason, without, superiors, want) in cases {
            let audits = audit_rows(&w.db);
            let meetings = meeting_rows(&w.app, "DK-C1");
            let mut input = meeting("regular", on, "95");
            input.absences = with_reason.iter().map(|n| absence(&w.id(n), Some("Đi công tác"))).collect();
            input.absences.extend(without.iter().map(|n| absence(&w.id(n), None)));
            input.superiors = superiors.iter().map(|n| superior(&w.person(n), "Phát biểu chỉ đạo")).collect();
            let s = ok(on, w.app.record_meeting(&sys, "DK-C1", input));
            assert_eq!((s.invited, s.present, s.absent), want, "{on}");
            assert_eq!(
                (s.org_code.as_str(), s.kind_label.as_str(), s.too_short),
                ("DK-C1", "Thường kỳ", false)
            );
            assert_eq!(audit_rows(&w.db), audits + 1, "{on}: one audit row per meeting");
            assert_eq!(meeting_rows(&w.app, "DK-C1"), meetings + 1, "{on}");

            let detail = ok(on, w.app.meeting_detail(&sys, &s.id));
            assert_eq!((detail.summary.invited, detail.summary.present, detail.summary.absent), want);
            let absent: Vec<(String, bool, String)> = detail
                .absences
                .iter()
                .map(|a| (a.full_name.clone(), a.with_reason, a.reason.clone()))
                .collect();
            let mut want_absent: Vec<(String, bool, String)> = with_reason
                .iter()
                .map(|n| (n.to_string(), true, "Đi công tác".to_string()))
                .chain(without.iter().map(|n| (n.to_string(), false, String::new())))
                .collect();
            want_absent.sort();
            assert_eq!(sorted_tuples(absent), want_absent, "{on}");
            let came: Vec<String> = detail.superiors.iter().map(|x| x.full_name.clone()).collect();
            assert_eq!(sorted(came), names(superiors), "{on}");
            assert!(detail.superiors.iter().all(|x| x.remarks == "Phát biểu chỉ đạo"));
            assert_eq!(detail.eligible.len() as i64, want.0, "{on}");
            assert_eq!(
                (detail.minutes.chair.as_str(), detail.summary.starts_at.as_str()),
                ("Bí thư chi bộ", "19:30")
            );
            assert!(detail.can_write);
        }
        let listed = ok("list", w.app.cell_meetings(&sys, "DK-C1", d(2021, 1, 1), d(2021, 12, 31)));
        let dates: Vec<_> = listed.iter().map(|m| m.held_on).collect();
        assert_eq!(dates, [d(2021, 6, 15), d(2021, 4, 12), d(2021, 3, 10)], "newest first");
    });
}

fn sorted_tuples(mut v: Vec<(String, bool, String)>) -> Vec<(String, bool, String)> {
    v.sort();
    v
}

#[test]
fn a_wrong_record_is_refused_on_its_field_and_nothing_is_written() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let base = || meeting("regular", "10/03/2021", "95");
        let set = |f: &dyn Fn(&mut MeetingInput)| {
            let mut input = base();
            f(&mut input);
            input
        };
        let absent = |list: Vec<coso_app::meetings::AbsenceInput>| set(&|i| i.absences = list.clone());
        let future = (coso_app::today() + chrono::Duration::days(10)).format("%d/%m/%Y").to_string();
        let not_eligible = "không phải đảng viên sinh hoạt tại chi bộ vào ngày 10/03/2021.";
        let positive = "Thời lượng phải lớn hơn 0 phút.";
        let minutes = "Thời lượng là số phút, ví dụ 90.";
        let hh_mm = "Giờ bắt đầu theo dạng giờ:phút, ví dụ 19:30.";
        let cases: Vec<(&str, MeetingInput, &str, &str)> = vec![
            (
                "held in the future",
                set(&|i| i.held_on = future.clone()),
                "held_on",
                "Cuộc sinh hoạt đã diễn ra không thể có ngày ở tương lai.",
            ),
            ("no date", set(&|i| i.held_on = " ".into()), "held_on", "Cần nhập ngày sinh hoạt."),
            ("no such date", set(&|i| i.held_on = "31/02/2021".into()), "held_on", "không đúng dạng ngày"),
            ("zero minutes", set(&|i| i.duration_minutes = "0".into()), "duration_minutes", positive),
            ("negative minutes", set(&|i| i.duration_minutes = "-30".into()), "duration_minutes", positive),
            (
                "words for minutes",
                set(&|i| i.duration_minutes = "chín mươi".into()),
                "duration_minutes",
                minutes,
            ),
            ("empty minutes", set(&|i| i.duration_minutes = "".into()), "duration_minutes", minutes),
            ("eleven hours", set(&|i| i.duration_minutes = "660".into()), "duration_minutes", "quá 10 giờ"),
            ("a member of another cell", absent(vec![absence(&w.id(GIANG), None)]), "absent", not_eligible),
            ("an exempted member", absent(vec![absence(&w.id(CUONG), Some("Ốm"))]), "absent", not_eligible),
            ("a member who joined later", absent(vec![absence(&w.id(DUNG), None)]), "absent", not_eligible),
            ("no such member", absent(vec![absence("khong-co", None)]), "absent", not_eligible),
            (
                "absent twice",
                absent(vec![absence(&w.id(AN), Some("Ốm")), absence(&w.id(AN), None)]),
                "absent",
                "Một đảng viên được ghi vắng hai lần.",
            ),
            (
                "a reason without the mark",
                absent(vec![coso_app::meetings::AbsenceInput {
                    member_id: w.id(AN),
                    with_reason: false,
                    reason: "Ốm".into(),
                }]),
                "absent",
                "Đảng viên vắng có lý do thì đánh dấu «có lý do».",
            ),
            ("hour 25", set(&|i| i.starts_at = "25:00".into()), "starts_at", hh_mm),
            ("12-hour clock", set(&|i| i.starts_at = "7:30 PM".into()), "starts_at", hh_mm),
            ("no start", set(&|i| i.starts_at = "".into()), "starts_at", hh_mm),
            ("no chair", set(&|i| i.minutes.chair = "  ".into()), "chair", "Cần ghi người chủ trì."),
            (
                "no minute taker",
                set(&|i| i.minutes.minute_taker = "".into()),
                "minute_taker",
                "Cần ghi thư ký ghi biên bản.",
            ),
            ("no topic", set(&|i| i.topic = " ".into()), "topic", "Cần nhập nội dung chính."),
            ("no kind", set(&|i| i.kind = "monthly".into()), "kind", "Cần chọn loại sinh hoạt."),
            (
                "no such notice date",
                set(&|i| i.notice_sent_on = Some("32/02/2021".into())),
                "notice_sent_on",
                "không đúng dạng ngày",
            ),
            (
                "the same superior twice",
                set(&|i| i.superiors = vec![superior(&w.person(TUNG), ""), superior(&w.id(TUNG), "")]),
                "superiors",
                "Một đồng chí cấp trên được ghi hai lần.",
            ),
            (
                "no such superior",
                set(&|i| i.superiors = vec![superior("khong-co", "")]),
                "superiors",
                "Không tìm thấy người dự với mã khong-co.",
            ),
            (
                "a cell that did not stand then",
                set(&|i| i.held_on = "01/01/2009".into()),
                "org",
                "Không có chi bộ mã DK-C1 vào ngày 01/01/2009.",
            ),
        ];
        for (label, input, field, want) in cases {
            let before = (meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db));
            let message = refused_on(w.app.record_meeting(&sys, "DK-C1", input), field);
            assert!(message.contains(want), "{label}: {message}");
            assert_eq!(
                (meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db)),
                before,
                "{label}: nothing written"
            );
        }
        // A committee is not a cell: it holds no meetings, and the message says so.
        let message = refused_on(w.app.record_meeting(&sys, "DK", base()), "org");
        assert!(message.contains("không phải chi bộ"), "{message}");
        // The same base record is accepted: the refusals were about their one change.
        let s = ok("base", w.app.record_meeting(&sys, "DK-C1", base()));
        assert_eq!(s.invited, 3);
        // Notice sent the day before is in time.
        let noticed = set(&|i| {
            i.held_on = "2021-04-12".into();
            i.notice_sent_on = Some("2021-04-11".into());
            i.notice_to_superior = true;
        });
        let s = ok("noticed", w.app.record_meeting(&sys, "DK-C1", noticed));
        let detail = ok("noticed", w.app.meeting_detail(&sys, &s.id));
        assert_eq!((detail.notice_sent_on, detail.notice_to_superior), (Some(d(2021, 4, 11)), true));
    });
}

/// Quy định 1764-QĐ/TU (domain.md §5): the superiors at a cell's meeting are members of the
/// committees above it; those assigned to follow the cell count toward their quota, the others
/// are accepted and flagged. Anyone else is refused, named only by the id given.
#[test]
fn a_superior_not_assigned_is_flagged_and_an_outsider_refused() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let city_quota = add_quota(&w.app, "city_committee", 2);
        assign(&w.app, &w.person(TUNG), "DK-C1", &city_quota, "01/06/2019");
        // Lan sits on Vĩnh Trại's committee and follows DK-C2: she is not above DK-C1.
        let grassroots = add_quota(&w.app, "grassroots_committee", 4);
        assign(&w.app, &w.id(LAN), "DK-C2", &grassroots, "01/06/2019");
        let cases: [Came; 4] = [
            ("2021-01-12", &[TUNG], &[(TUNG, true)]),
            // Quân sits on the city's standing committee and follows no cell.
            ("2021-03-12", &[TUNG, QUAN], &[(TUNG, true), (QUAN, false)]),
            // Before the assignment began, Tùng sat on the city committee but was not assigned.
            ("2019-05-20", &[TUNG], &[(TUNG, false)]),
            // After he left the city committee his assignment still holds.
            ("2021-08-12", &[TUNG], &[(TUNG, true)]),
        ];
        for (on, came, want) in cases {
            let mut input = meeting("regular", on, "90");
            // A membership id is accepted as well as a person id.
            input.superiors = came.iter().map(|n| superior(&w.id(n), "Góp ý")).collect();
            let detail = record(&w.app, "DK-C1", input);
            let mut got: Vec<(String, bool)> =
                detail.superiors.iter().map(|s| (s.full_name.clone(), s.assigned)).collect();
            got.sort();
            let mut expected: Vec<(String, bool)> = want.iter().map(|(n, a)| (n.to_string(), *a)).collect();
            expected.sort();
            assert_eq!(got, expected, "{on}");
            for sup in &detail.superiors {
                assert_eq!(sup.person_id, w.members[sup.full_name.as_str()].person_id, "{on}");
            }
            let mut flags = detail.flags.clone();
            flags.sort();
            let mut want_flags: Vec<String> = want
                .iter()
                .filter(|(_, assigned)| !assigned)
                .map(|(n, _)| {
                    format!("Đồng chí {n} dự sinh hoạt nhưng không được phân công theo dõi chi bộ này.")
                })
                .collect();
            want_flags.sort();
            assert_eq!(flags, want_flags, "{on}");
        }
        // Refused, and nothing written: (held on, who came, why).
        let refusals: [(&str, &str, &str); 2] = [
            ("2021-02-12", LAN, "follows a sibling cell and sits on another ward's committee"),
            ("2018-12-20", QUAN, "before his seat on the city committee began"),
        ];
        for (on, who, why) in refusals {
            let mut input = meeting("regular", on, "90");
            input.superiors = vec![superior(&w.person(who), "")];
            let before = (meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db));
            let message = refused_on(w.app.record_meeting(&sys, "DK-C1", input), "superiors");
            assert!(message.contains(&w.person(who)), "{why}: {message}");
            assert!(!message.contains(who), "{why}: the outsider's name is not told: {message}");
            assert_eq!((meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db)), before, "{why}: nothing written");
        }
        // The candidates offered on the form start with the assigned, then the committees above;
        // Lan is not among them.
        let candidates = ok("candidates", w.app.superior_candidates(&sys, "DK-C1", d(2021, 3, 12)));
        assert_eq!(candidates.first().map(|c| (c.0.as_str(), c.2)), Some((w.person(TUNG).as_str(), true)));
        assert!(candidates.iter().any(|c| c.0.as_str() == w.person(QUAN) && !c.2), "{candidates:?}");
        assert!(!candidates.iter().any(|c| c.0.as_str() == w.person(LAN)), "{candidates:?}");
    });
}

#[test]
fn a_too_short_meeting_is_flagged_with_its_rule() {
    each_backend(|db| {
        let w = world(db);
        // (held on, kind, minutes) → the guideline it falls short of
        let cases = [
            ("2021-05-01", "regular", "89", Some("Thời lượng 89 phút chưa đủ 90 phút theo 12-HD/BTCTW.")),
            ("2021-05-02", "regular", "90", None),
            ("2021-05-03", "thematic", "90", None),
            // Under 12-HD the 120 minutes of a combined meeting is coso's reading, and says so.
            (
                "2021-05-04",
                "combined",
                "110",
                Some(
                    "Thời lượng 110 phút chưa đủ 120 phút theo 12-HD/BTCTW (mức 120 phút khi kết hợp là cách hiểu \
                     của coso với 12-HD/BTCTW, chưa đối chiếu nguyên văn).",
                ),
            ),
            ("2021-05-05", "combined", "120", None),
            (
                "2021-05-06",
                "extraordinary",
                "60",
                Some("Thời lượng 60 phút chưa đủ 90 phút theo 12-HD/BTCTW."),
            ),
            // From 28/10/2025 Hướng dẫn 42-HD/BTCTW is in force with the same figures.
            ("2025-10-27", "regular", "80", Some("Thời lượng 80 phút chưa đủ 90 phút theo 12-HD/BTCTW.")),
            ("2025-11-10", "regular", "80", Some("Thời lượng 80 phút chưa đủ 90 phút theo 42-HD/BTCTW.")),
            ("2025-11-11", "combined", "119", Some("Thời lượng 119 phút chưa đủ 120 phút theo 42-HD/BTCTW.")),
        ];
        for (on, kind, minutes, flag) in cases {
            let detail = record(&w.app, "DK-C1", meeting(kind, on, minutes));
            assert_eq!(detail.summary.too_short, flag.is_some(), "{on} {kind} {minutes}");
            let want: Vec<String> = flag.into_iter().map(String::from).collect();
            assert_eq!(detail.flags, want, "{on} {kind} {minutes}");
        }
    });
}

#[test]
fn quota_policies_are_checked_and_kept_to_the_city() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let org_admin = account(&w.app, "dk.admin", "org_admin", Some("DK"));
        let count = |app: &App| (ok("policies", app.quota_policies(&sys)).len(), audit_rows(&w.db));
        let cases = [
            (
                "negative",
                quota("city_committee", -1),
                "min_per_year",
                "Định mức dự sinh hoạt không thể là số âm.",
            ),
            ("too many", quota("city_committee", 61), "min_per_year", "quá 60 cuộc"),
            ("no level", quota("province", 2), "level", "Cần chọn đối tượng áp dụng định mức."),
            (
                "no document",
                coso_app::meetings::QuotaPolicyInput { document: " ".into(), ..quota("city_committee", 2) },
                "document",
                "Cần nhập số văn bản.",
            ),
        ];
        for (label, input, field, want) in cases {
            let before = count(&w.app);
            let message = refused_on(w.app.add_quota_policy(&sys, input), field);
            assert!(message.contains(want), "{label}: {message}");
            assert_eq!(count(&w.app), before, "{label}: nothing written");
        }
        let before = count(&w.app);
        forbidden("org admin", w.app.add_quota_policy(&org_admin, quota("grassroots_committee", 4)));
        assert_eq!(count(&w.app), before, "org admin: nothing written");
        // Zero is a quota (nobody owes a meeting); the system records it.
        let id = add_quota(&w.app, "grassroots_committee", 0);
        assert_eq!(count(&w.app), (before.0 + 1, before.1 + 1));
        let policies = ok("policies", w.app.quota_policies(&sys));
        assert_eq!(
            policies.iter().map(|p| (p.id.as_str(), p.min_per_year)).collect::<Vec<_>>(),
            [(id.as_str(), 0)]
        );
        // An assignment needs a policy on record.
        let input = coso_app::meetings::AssignmentInput {
            person_id: w.person(TUNG),
            cell_code: "DK-C1".into(),
            policy_id: "khong-co".into(),
            decision_number: "112-QĐ/TU".into(),
            valid_from: "01/06/2019".into(),
            valid_to: None,
        };
        refused_on(w.app.assign_superior(&sys, input), "policy_id");
    });
}

#[test]
fn compliance_finds_missing_months_and_short_meetings_and_ranks_cells() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        // DK-C1: January regular, February thematic only, March combined but 110 minutes.
        let c1: [(&str, &str, &str, &[&str]); 3] = [
            ("regular", "2021-01-15", "95", &[AN]),
            ("thematic", "2021-02-10", "100", &[]),
            ("combined", "2021-03-12", "110", &[BINH]),
        ];
        for (kind, on, minutes, away) in c1 {
            let mut input = meeting(kind, on, minutes);
            input.absences = away.iter().map(|n| absence(&w.id(n), Some("Ốm"))).collect();
            record(&w.app, "DK-C1", input);
        }
        // DK-C2 keeps every rule.
        for (kind, on, minutes) in [
            ("regular", "2021-01-14", "90"),
            ("regular", "2021-02-11", "95"),
            ("combined", "2021-03-11", "120"),
        ] {
            record(&w.app, "DK-C2", meeting(kind, on, minutes));
        }
        // A meeting outside the period does not count.
        record(&w.app, "DK-C2", meeting("thematic", "2021-04-08", "90"));

        let (from, to) = (d(2021, 1, 1), d(2021, 3, 31));
        let report = ok("compliance", w.app.meeting_compliance(&sys, "TU", from, to));
        let ranked: Vec<(&str, usize)> =
            report.cells.iter().map(|c| (c.org_code.as_str(), c.findings.len())).collect();
        // Cells with most findings first; ties by name (Chi bộ khối Cửa Nam before Chi bộ Trường…).
        assert_eq!(ranked, [("VT-C1", 4), ("CB", 4), ("DK-C1", 2), ("DK-C2", 0)]);
        assert_eq!((report.compliant_cells, report.is_cell), (1, false));
        // The figures of one cell's page: its three meetings of the quarter, nobody absent.
        let one = ok("DK-C2", w.app.meeting_compliance(&sys, "DK-C2", from, to));
        assert_eq!((one.is_cell, one.meetings_held, one.attendance_rate), (true, 3, Some(1.0)));
        let by_code: BTreeMap<&str, &coso_app::meetings::CellReport> =
            report.cells.iter().map(|c| (c.org_code.as_str(), c)).collect();
        let c1 = by_code["DK-C1"];
        assert_eq!(c1.months_without_regular, ["2021-02"]);
        assert!(c1.quarters_without_thematic.is_empty(), "{:?}", c1.quarters_without_thematic);
        assert_eq!((c1.regular_held, c1.thematic_held, c1.short_meetings), (2, 2, 1));
        // Invited 3 at each meeting (An, Bình, Em); one absent in January and in March.
        assert!((c1.attendance_rate - 7.0 / 9.0).abs() < 1e-9, "{}", c1.attendance_rate);
        let rules: Vec<(&str, &str, &str)> =
            c1.findings.iter().map(|f| (f.rule, f.when.as_str(), f.citation)).collect();
        assert_eq!(
            rules,
            [("no_regular", "2021-02", "12-HD/BTCTW"), ("too_short", "2021-03-12", "12-HD/BTCTW")]
        );
        let c2 = by_code["DK-C2"];
        assert_eq!((c2.regular_held, c2.thematic_held, c2.short_meetings), (3, 1, 0));
        assert!((c2.attendance_rate - 1.0).abs() < 1e-9);
        let empty = by_code["CB"];
        assert_eq!(empty.months_without_regular, ["2021-01", "2021-02", "2021-03"]);
        assert_eq!(empty.quarters_without_thematic, ["2021-Q1"]);
        // Month by month across the cells: (month, meetings, invited, present).
        let months: Vec<(&str, i64, i64, i64)> =
            report.months.iter().map(|m| (m.month.as_str(), m.meetings, m.invited, m.present)).collect();
        assert_eq!(months, [("2021-01", 2, 4, 3), ("2021-02", 2, 4, 4), ("2021-03", 2, 4, 3)]);
        // A grassroots committee sees only its cells.
        let dk = ok("DK", w.app.meeting_compliance(&sys, "DK", from, to));
        let codes: Vec<&str> = dk.cells.iter().map(|c| c.org_code.as_str()).collect();
        assert_eq!(codes, ["DK-C1", "DK-C2"]);
        // A cell on its own.
        let one = ok("DK-C1", w.app.meeting_compliance(&sys, "DK-C1", from, to));
        assert_eq!(one.cells.len(), 1);
        assert_eq!(one.cells[0].months_without_regular, ["2021-02"]);
    });
}

#[test]
fn the_superior_report_counts_city_members_and_quotas() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let city_quota = add_quota(&w.app, "city_committee", 2);
        let grassroots = add_quota(&w.app, "grassroots_committee", 4);
        assign(&w.app, &w.person(TUNG), "DK-C1", &city_quota, "01/06/2019");
        assign(&w.app, &w.person(LAN), "DK-C2", &grassroots, "01/06/2019");
        // (cell, held on, superiors)
        let held: [(&str, &str, &[&str]); 6] = [
            // Last year: neither this year's quota nor this period.
            ("DK-C1", "2020-12-10", &[TUNG]),
            ("DK-C1", "2021-01-15", &[TUNG]),
            ("DK-C2", "2021-02-11", &[LAN]),
            // Quân holds a seat on the city committee but follows no cell: counted, not in quotas.
            ("DK-C2", "2021-03-11", &[LAN, QUAN]),
            // Tùng left the city committee on 01/07/2021: his attendance counts for his quota
            // but not among the city committee's attendances.
            ("DK-C1", "2021-08-12", &[TUNG]),
            ("VT-C1", "2021-09-09", &[QUAN]),
        ];
        for (cell, on, came) in held {
            let mut input = meeting("regular", on, "90");
            input.superiors = came.iter().map(|n| superior(&w.person(n), "")).collect();
            record(&w.app, cell, input);
        }
        // (from, to) → (city committee attendances, all attendances)
        let cases = [
            ((2021, 1, 1), (2021, 12, 31), (3, 6)),
            ((2021, 1, 1), (2021, 6, 30), (2, 4)),
            ((2021, 7, 1), (2021, 12, 31), (1, 2)),
            ((2020, 1, 1), (2021, 12, 31), (4, 7)),
        ];
        for ((y1, m1, d1), (y2, m2, d2), want) in cases {
            let r = ok("report", w.app.superior_report(&sys, d(y1, m1, d1), d(y2, m2, d2), 2021));
            assert_eq!((r.total_attendances, r.all_attendances), want, "{y1}-{m1}-{d1}..{y2}-{m2}-{d2}");
            // The quota is for the year, whatever the period.
            let people: Vec<(&str, i64, i64, i64)> =
                r.people.iter().map(|p| (p.name.as_str(), p.required, p.attended, p.shortfall)).collect();
            assert_eq!(people, [(LAN, 4, 2, 2), (TUNG, 2, 2, 0)], "most owed first");
        }
        let r = ok("report", w.app.superior_report(&sys, d(2021, 1, 1), d(2021, 12, 31), 2021));
        let lan = r.people.iter().find(|p| p.name == LAN).unwrap();
        assert_eq!((lan.level.code(), lan.document.as_str()), ("grassroots_committee", "1764-QĐ/TU"));
        let cells: Vec<(&str, i64, Vec<String>)> =
            r.cells.iter().map(|c| (c.org_code.as_str(), c.attendances, sorted(c.names.clone()))).collect();
        assert_eq!(
            cells,
            [("DK-C2", 3, names(&[LAN, QUAN])), ("DK-C1", 2, names(&[TUNG])), ("VT-C1", 1, names(&[QUAN]))]
        );
        // The year 2020: Tùng's one attendance against a quota of 2; Lan none of 4.
        let r = ok("2020", w.app.superior_report(&sys, d(2020, 1, 1), d(2020, 12, 31), 2020));
        let people: Vec<(&str, i64, i64, i64)> =
            r.people.iter().map(|p| (p.name.as_str(), p.required, p.attended, p.shortfall)).collect();
        assert_eq!(people, [(LAN, 4, 0, 4), (TUNG, 2, 1, 1)]);
        assert_eq!((r.total_attendances, r.all_attendances), (1, 1));
        // An account bound to Đông Kinh sees only its cells' attendances.
        let org_admin = account(&w.app, "dk.admin", "org_admin", Some("DK"));
        let r = ok("DK", w.app.superior_report(&org_admin, d(2021, 1, 1), d(2021, 12, 31), 2021));
        assert_eq!((r.total_attendances, r.all_attendances), (2, 5));
        assert!(r.cells.iter().all(|c| c.org_code.starts_with("DK-")), "{:?}", r.cells);
    });
}

#[test]
fn editing_a_meeting_replaces_its_absentees_and_superiors() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let mut input = meeting("regular", "10/03/2021", "95");
        input.absences = vec![absence(&w.id(AN), Some("Ốm")), absence(&w.id(BINH), None)];
        input.superiors = vec![superior(&w.person(TUNG), "")];
        let first = record(&w.app, "DK-C1", input);
        let (audits, meetings) = (audit_rows(&w.db), meeting_rows(&w.app, "DK-C1"));

        let mut fixed = meeting("combined", "10/03/2021", "125");
        fixed.absences = vec![absence(&w.id(EM), Some("Đi viện"))];
        fixed.superiors = vec![superior(&w.person(QUAN), "Giải đáp câu hỏi về đất đai")];
        fixed.minutes.questions = "Hỏi về cấp giấy chứng nhận quyền sử dụng đất".into();
        let s = ok("update", w.app.update_meeting(&sys, &first.summary.id, fixed));
        assert_eq!(s.id, first.summary.id);
        assert_eq!((s.invited, s.present, s.absent), (3, 2, 1));
        assert_eq!((audit_rows(&w.db), meeting_rows(&w.app, "DK-C1")), (audits + 1, meetings));
        let detail = ok("detail", w.app.meeting_detail(&sys, &s.id));
        let absent: Vec<(&str, bool, &str)> = detail
            .absences
            .iter()
            .map(|a| (a.full_name.as_str(), a.with_reason, a.reason.as_str()))
            .collect();
        assert_eq!(absent, [(EM, true, "Đi viện")]);
        let came: Vec<(&str, &str)> =
            detail.superiors.iter().map(|x| (x.full_name.as_str(), x.remarks.as_str())).collect();
        assert_eq!(came, [(QUAN, "Giải đáp câu hỏi về đất đai")]);
        assert_eq!((detail.summary.kind.code(), detail.summary.duration_minutes), ("combined", 125));
        assert_eq!(detail.minutes.questions, "Hỏi về cấp giấy chứng nhận quyền sử dụng đất");

        // A refused edit leaves the record as it was.
        let mut wrong = meeting("regular", "10/03/2021", "95");
        wrong.absences = vec![absence(&w.id(GIANG), None)];
        refused_on(w.app.update_meeting(&sys, &s.id, wrong), "absent");
        let after = ok("detail", w.app.meeting_detail(&sys, &s.id));
        assert_eq!(after.absences.len(), 1);
        assert_eq!(after.absences[0].full_name, EM);
        assert_eq!(after.summary.kind.code(), "combined");
        assert_eq!(audit_rows(&w.db), audits + 1);
        assert!(matches!(
            w.app.update_meeting(&sys, &"khong-co".into(), meeting("regular", "10/03/2021", "95")),
            Err(AppError::NotFound(_))
        ));
    });
}

#[test]
fn a_secretary_records_only_in_the_own_cell_and_a_viewer_not_at_all() {
    each_backend(|db| {
        let w = world(db);
        let secretary = account(&w.app, "c1.bithu", "cell_secretary", Some("DK-C1"));
        let viewer = account(&w.app, "dk.xem", "viewer", Some("DK"));
        let org_admin = account(&w.app, "vt.admin", "org_admin", Some("VT"));
        let input = || meeting("regular", "10/03/2021", "95");
        // (who, cell) → allowed
        let cases = [
            ("secretary in the own cell", &secretary, "DK-C1", true),
            ("secretary in a sibling cell", &secretary, "DK-C2", false),
            ("secretary in another committee's cell", &secretary, "VT-C1", false),
            ("viewer", &viewer, "DK-C1", false),
            ("org admin outside the subtree", &org_admin, "DK-C1", false),
            ("org admin in the subtree", &org_admin, "VT-C1", true),
        ];
        for (label, actor, cell, allowed) in cases {
            let before = (meeting_rows(&w.app, cell), audit_rows(&w.db));
            let result = w.app.record_meeting(actor, cell, input());
            if allowed {
                let s = ok(label, result);
                assert_eq!(meeting_rows(&w.app, cell), before.0 + 1, "{label}");
                assert!(ok(label, w.app.meeting_detail(actor, &s.id)).can_write, "{label}");
            } else {
                forbidden(label, result);
                assert_eq!(
                    (meeting_rows(&w.app, cell), audit_rows(&w.db)),
                    before,
                    "{label}: nothing written"
                );
            }
        }
        // The viewer reads the secretary's meeting but may not write it.
        let c1 = ok("list", w.app.cell_meetings(&viewer, "DK-C1", d(2021, 1, 1), d(2021, 12, 31)));
        assert_eq!(c1.len(), 1);
        let detail = ok("viewer reads", w.app.meeting_detail(&viewer, &c1[0].id));
        assert!(!detail.can_write);
        forbidden("viewer edits", w.app.update_meeting(&viewer, &c1[0].id, input()));
        // The secretary neither reads nor edits Vĩnh Trại's meeting.
        let vt = ok("list", w.app.cell_meetings(&Actor::system(), "VT-C1", d(2021, 1, 1), d(2021, 12, 31)));
        forbidden("secretary reads outside", w.app.meeting_detail(&secretary, &vt[0].id));
        forbidden("secretary edits outside", w.app.update_meeting(&secretary, &vt[0].id, input()));
        forbidden(
            "secretary lists outside",
            w.app.cell_meetings(&secretary, "DK-C2", d(2021, 1, 1), d(2021, 12, 31)),
        );
        // Assigning superiors is for those who manage organizations.
        let policy = add_quota(&w.app, "city_committee", 2);
        let input = coso_app::meetings::AssignmentInput {
            person_id: w.person(TUNG),
            cell_code: "DK-C1".into(),
            policy_id: policy,
            decision_number: "112-QĐ/TU".into(),
            valid_from: "01/06/2019".into(),
            valid_to: None,
        };
        forbidden("secretary assigns", w.app.assign_superior(&secretary, input));
    });
}

#[test]
fn minutes_register_and_quota_report_are_office_files() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let policy = add_quota(&w.app, "city_committee", 2);
        assign(&w.app, &w.person(TUNG), "DK-C1", &policy, "01/06/2019");
        let cases = [
            ("regular", "10/03/2021"),
            ("thematic", "2021-03-20"),
            ("combined", "2021-04-12"),
            ("extraordinary", "2021-04-20"),
        ];
        for (kind, on) in cases {
            let mut input = meeting(kind, on, "125");
            input.absences = vec![absence(&w.id(AN), Some("Ốm")), absence(&w.id(BINH), None)];
            input.superiors = vec![superior(&w.person(TUNG), "Đề nghị chi bộ bám sát nghị quyết")];
            input.minutes.conclusions = "Chi bộ thống nhất nghị quyết tháng".into();
            let detail = record(&w.app, "DK-C1", input);
            let (name, bytes) = ok(kind, w.app.minutes_docx(&sys, &detail.summary.id));
            assert!(name.ends_with(".docx"), "{name}");
            assert_eq!(name, format!("bien-ban-DK-C1-{}.docx", detail.summary.held_on));
            assert!(bytes.starts_with(b"PK"), "{kind}: not a zip");
        }
        let register = ok("register", w.app.meeting_register_xlsx(&sys, "DK", d(2021, 1, 1), d(2021, 6, 30)));
        assert!(register.starts_with(b"PK"));
        let quota = ok("quota", w.app.superior_report_xlsx(&sys, d(2021, 1, 1), d(2021, 12, 31), 2021));
        assert!(quota.starts_with(b"PK"));
        // Files obey the same scope as the pages.
        let other = account(&w.app, "vt.admin", "org_admin", Some("VT"));
        let id = ok("list", w.app.cell_meetings(&sys, "DK-C1", d(2021, 1, 1), d(2021, 12, 31)))[0].id.clone();
        forbidden("minutes outside", w.app.minutes_docx(&other, &id));
        forbidden(
            "register outside",
            w.app.meeting_register_xlsx(&other, "DK", d(2021, 1, 1), d(2021, 6, 30)),
        );
    });
}

#[test]
fn every_wrong_field_is_reported_at_once() {
    each_backend(|db| {
        let w = world(db);
        let mut input = meeting("regular", "", "0");
        input.starts_at = "7 giờ tối".into();
        input.minutes.chair = String::new();
        input.absences = vec![absence(&w.id(AN), None), absence(&w.id(AN), None)];
        let before = (meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db));
        let result = w.app.record_meeting(&Actor::system(), "DK-C1", input);
        let Err(AppError::Invalid(found)) = &result else { panic!("expected Invalid, got {result:?}") };
        let mut fields: Vec<&str> = found.iter().filter_map(|v| v.field).collect();
        fields.sort();
        // A form shows every wrong field together (input::All): a missing date must not
        // hide a zero duration or a member written absent twice.
        assert_eq!(fields, ["absent", "chair", "duration_minutes", "held_on", "starts_at"], "{found:?}");
        assert_eq!((meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db)), before);
    });
}

#[test]
fn a_member_cannot_be_both_a_superior_present_and_absent() {
    each_backend(|db| {
        let w = world(db);
        // Tùng sits on the city committee and belongs to CB: at a CB meeting he cannot be listed
        // as a superior who came and as a member who was absent.
        let mut input = meeting("regular", "10/03/2021", "95");
        input.absences = vec![absence(&w.id(TUNG), Some("Đi công tác"))];
        input.superiors = vec![superior(&w.person(TUNG), "Phát biểu")];
        let before = (meeting_rows(&w.app, "CB"), audit_rows(&w.db));
        let result = w.app.record_meeting(&Actor::system(), "CB", input);
        let message = match &result {
            Err(e @ AppError::Invalid(_)) => {
                e.message_for("absent").or(e.message_for("superiors")).map(String::from)
            }
            _ => None,
        };
        assert!(message.is_some(), "expected a refusal on absent or superiors, got {result:?}");
        assert_eq!((meeting_rows(&w.app, "CB"), audit_rows(&w.db)), before, "nothing written");
    });
}

#[test]
fn the_assigned_mark_follows_assignments_recorded_afterwards() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let mut input = meeting("regular", "10/03/2021", "95");
        input.superiors = vec![superior(&w.person(TUNG), "")];
        let detail = record(&w.app, "DK-C1", input);
        assert_eq!(detail.flags.len(), 1, "{:?}", detail.flags);
        // The decision assigning Tùng from 01/06/2019 is entered after the minutes.
        let policy = add_quota(&w.app, "city_committee", 2);
        assign(&w.app, &w.person(TUNG), "DK-C1", &policy, "01/06/2019");
        let detail = ok("detail", w.app.meeting_detail(&sys, &detail.summary.id));
        assert!(detail.superiors[0].assigned, "{:?}", detail.superiors);
        assert!(detail.flags.is_empty(), "{:?}", detail.flags);
    });
}

/// The notice date never refuses minutes (12-HD/BTCTW sets no notice period); under 42-HD/BTCTW
/// a notice later than 1 day before is flagged on the meeting, and under either a notice dated
/// after the meeting is flagged.
#[test]
fn a_late_notice_is_recorded_and_flagged_under_42_hd_only() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        // (held on, notice sent on, flagged)
        let cases = [
            ("2021-03-10", "2021-03-10", None),
            ("2021-04-14", "2021-04-15", Some("sau ngày sinh hoạt")),
            ("2025-11-12", "2025-11-11", None),
            ("2025-11-19", "2025-11-19", Some("42-HD/BTCTW")),
        ];
        for (held, sent, flagged) in cases {
            let mut input = meeting("regular", held, "95");
            input.notice_sent_on = Some(sent.into());
            let id = ok(held, w.app.record_meeting(&sys, "DK-C1", input)).id;
            let flags = ok("detail", w.app.meeting_detail(&sys, &id)).flags;
            let notice: Vec<&String> = flags.iter().filter(|f| f.contains("thông báo")).collect();
            match flagged {
                None => assert!(notice.is_empty(), "{held} {sent}: {flags:?}"),
                Some(text) => assert!(notice.iter().any(|f| f.contains(text)), "{held} {sent}: {flags:?}"),
            }
        }
    });
}

/// A meeting held before 12-HD/BTCTW took effect (06/7/2018) is recorded and says that no
/// encoded guideline judges it; it is never called too short.
#[test]
fn meetings_before_12_hd_are_judged_by_no_guideline() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let id = ok("2018", w.app.record_meeting(&sys, "DK-C1", meeting("regular", "2018-05-10", "45"))).id;
        let detail = ok("detail", w.app.meeting_detail(&sys, &id));
        assert!(!detail.summary.too_short);
        assert!(detail.flags.iter().any(|f| f.contains("chưa có hướng dẫn nào")), "{:?}", detail.flags);
    });
}

/// Hướng dẫn 42-HD/BTCTW: the competent committee may set a shorter length for a cell with few
/// members, by decision. The setting judges that cell's meetings under 42-HD only.
#[test]
fn a_cell_length_set_by_its_committee_judges_its_meetings_under_42_hd() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let ward = account(&w.app, "dk.admin", "org_admin", Some("DK"));
        let secretary = account(&w.app, "c1.bithu", "cell_secretary", Some("DK-C1"));
        let input = |from: &str, regular: i32, combined: i32| coso_app::meetings::CellLengthInput {
            min_minutes: regular,
            min_combined_minutes: combined,
            decision: "Quyết định 25-QĐ/ĐU".into(),
            in_force_from: from.into(),
            in_force_to: None,
        };
        let lengths = |app: &App| ok("lengths", app.cell_lengths(&sys, "DK-C1", d(2025, 12, 1))).len();
        // Refused, and nothing written: (who, input, the field or forbidden).
        let before = (lengths(&w.app), audit_rows(&w.db));
        forbidden(
            "a cell secretary",
            w.app.set_cell_length(&secretary, "DK-C1", input("01/11/2025", 60, 90)),
        );
        let refusals = [
            (input("27/10/2025", 60, 90), "in_force_from", "42-HD/BTCTW"),
            (input("01/11/2025", 95, 120), "min_minutes", "90"),
            (input("01/11/2025", 60, 45), "min_combined_minutes", "không ít hơn"),
            (
                coso_app::meetings::CellLengthInput { decision: " ".into(), ..input("01/11/2025", 60, 90) },
                "decision",
                "quyết định",
            ),
        ];
        for (bad, field, says) in refusals {
            let message = refused_on(w.app.set_cell_length(&ward, "DK-C1", bad), field);
            assert!(message.contains(says), "{field}: {message}");
        }
        assert_eq!((lengths(&w.app), audit_rows(&w.db)), before, "nothing written");
        ok("set", w.app.set_cell_length(&ward, "DK-C1", input("01/11/2025", 60, 90)));
        let overlap =
            refused_on(w.app.set_cell_length(&ward, "DK-C1", input("01/12/2025", 45, 90)), "in_force_from");
        assert!(overlap.contains("25-QĐ/ĐU"), "{overlap}");
        let listed = ok("lengths", w.app.cell_lengths(&sys, "DK-C1", d(2025, 12, 1)));
        assert_eq!(listed.iter().map(|l| (l.min_minutes, l.current)).collect::<Vec<_>>(), [(60, true)]);
        // (held on, kind, minutes) → too short, and what the flag rests on
        let cases = [
            ("2025-11-10", "regular", "70", None),
            (
                "2025-11-11",
                "regular",
                "50",
                Some("60 phút theo Quyết định 25-QĐ/ĐU (thời lượng riêng của chi bộ theo 42-HD/BTCTW)"),
            ),
            ("2025-11-12", "combined", "95", None),
            // Before the setting, 42-HD's own figures.
            ("2025-10-29", "regular", "70", Some("90 phút theo 42-HD/BTCTW")),
            // A sibling cell has no setting.
        ];
        for (on, kind, minutes, flag) in cases {
            let detail = record(&w.app, "DK-C1", meeting(kind, on, minutes));
            assert_eq!(detail.summary.too_short, flag.is_some(), "{on} {minutes}");
            match flag {
                Some(f) => assert!(detail.flags.iter().any(|x| x.contains(f)), "{on}: {:?}", detail.flags),
                None => assert!(detail.flags.is_empty(), "{on}: {:?}", detail.flags),
            }
        }
        let sibling = record(&w.app, "DK-C2", meeting("regular", "2025-11-10", "70"));
        assert!(sibling.summary.too_short, "DK-C2 has no length of its own");
        // The compliance report judges by the same setting.
        let r = ok("compliance", w.app.meeting_compliance(&sys, "DK", d(2025, 11, 1), d(2025, 11, 30)));
        let short: Vec<(&str, i64)> =
            r.cells.iter().map(|c| (c.org_code.as_str(), c.short_meetings)).collect();
        assert!(short.contains(&("DK-C1", 1)) && short.contains(&("DK-C2", 1)), "{short:?}");
    });
}

/// Issue 8: a second meeting of the same kind on the same day in a cell is refused unless the
/// user confirms it; a meeting recorded by mistake is deleted with a reason, kept in the audit
/// trail and the register's deleted list, and left out of every count.
#[test]
fn a_second_meeting_the_same_day_needs_confirming_and_a_mistake_can_be_deleted() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let first = record(&w.app, "DK-C1", meeting("regular", "2021-03-10", "95"));
        let before = (meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db));
        let twice = w.app.record_meeting(&sys, "DK-C1", meeting("regular", "10/03/2021", "95"));
        let message = refused_on(twice, "confirm_duplicate");
        assert!(message.contains("thường kỳ ngày 10/03/2021"), "{message}");
        assert_eq!((meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db)), before, "nothing written");
        // Another kind on the same day, or the same kind in another cell, is no duplicate.
        record(&w.app, "DK-C1", meeting("thematic", "2021-03-10", "95"));
        record(&w.app, "DK-C2", meeting("regular", "2021-03-10", "95"));
        let mut confirmed = meeting("regular", "2021-03-10", "90");
        confirmed.confirm_duplicate = true;
        let second = record(&w.app, "DK-C1", confirmed);
        // Correcting a meeting without moving it needs no confirmation.
        ok("correct", w.app.update_meeting(&sys, &first.summary.id, meeting("regular", "2021-03-10", "100")));
        let held = |app: &App| {
            ok("compliance", app.meeting_compliance(&sys, "DK-C1", d(2021, 3, 1), d(2021, 3, 31)))
        };
        assert_eq!(held(&w.app).meetings_held, 3);

        let other = account(&w.app, "c2.bithu", "cell_secretary", Some("DK-C2"));
        let viewer = account(&w.app, "dk.xem", "viewer", Some("DK"));
        let reason = |r: &str| coso_app::meetings::DeleteMeetingInput { reason: r.into() };
        let before = (meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db));
        forbidden(
            "another cell's secretary",
            w.app.delete_meeting(&other, &second.summary.id, reason("Ghi trùng")),
        );
        forbidden("a viewer", w.app.delete_meeting(&viewer, &second.summary.id, reason("Ghi trùng")));
        refused_on(w.app.delete_meeting(&sys, &second.summary.id, reason("  ")), "reason");
        assert_eq!((meeting_rows(&w.app, "DK-C1"), audit_rows(&w.db)), before, "nothing written");

        let secretary = account(&w.app, "c1.bithu", "cell_secretary", Some("DK-C1"));
        let audits = audit_rows(&w.db);
        ok(
            "delete",
            w.app.delete_meeting(&secretary, &second.summary.id, reason("Ghi trùng biên bản ngày 10/3")),
        );
        assert_eq!(meeting_rows(&w.app, "DK-C1"), before.0 - 1);
        assert_eq!(audit_rows(&w.db), audits + 1, "the deletion is in the audit trail");
        assert!(matches!(w.app.meeting_detail(&sys, &second.summary.id), Err(AppError::NotFound(_))));
        assert_eq!(held(&w.app).meetings_held, 2, "a deleted meeting is counted nowhere");
        let deleted = ok("deleted", w.app.deleted_meetings(&sys, "DK-C1", d(2021, 1, 1), d(2021, 12, 31)));
        let listed: Vec<(&str, &str)> =
            deleted.iter().map(|x| (x.reason.as_str(), x.kind_label.as_str())).collect();
        assert_eq!(listed, [("Ghi trùng biên bản ngày 10/3", "Thường kỳ")]);
        assert!(matches!(
            w.app.delete_meeting(&sys, &second.summary.id, reason("lần nữa")),
            Err(AppError::NotFound(_))
        ));
    });
}

/// The bulk path of the meeting register (issue 9.6): a batch enters every meeting with its
/// absentees, each invited as the single path would invite it; a refused row names its line
/// and nothing of the batch is written, not even a trail row.
#[test]
fn a_batch_of_meetings_is_entered_whole_or_refused_whole() {
    each_backend(|db| {
        let w = world(db);
        let sys = Actor::system();
        let import =
            |rows: Vec<MeetingInput>| w.app.transaction(|tx| tx.import_meetings(&sys, "DK-C1", &rows));
        let with_absent = |on: &str, who: &str| MeetingInput {
            absences: vec![absence(&w.id(who), Some("Ốm"))],
            ..meeting("regular", on, "95")
        };
        let (before, trail) = (meeting_rows(&w.app, "DK-C1"), audit_rows(db));
        type Case = (&'static str, Vec<MeetingInput>, &'static str);
        let cases: Vec<Case> = vec![
            (
                "an absentee not yet on the roll",
                vec![meeting("regular", "10/01/2021", "95"), with_absent("10/02/2021", DUNG)],
                "Dòng 2: ",
            ),
            (
                "the same meeting twice",
                vec![meeting("regular", "10/01/2021", "95"), meeting("regular", "10/01/2021", "95")],
                "Dòng 2: Chi bộ đã có cuộc sinh hoạt thường kỳ ngày 10/01/2021.",
            ),
            (
                "a superior in a batch",
                vec![MeetingInput {
                    superiors: vec![coso_app::meetings::SuperiorInput {
                        person_id: w.person(TUNG),
                        remarks: String::new(),
                    }],
                    ..meeting("regular", "10/01/2021", "95")
                }],
                "Dòng 1: Người dự từ cấp trên",
            ),
            ("no date", vec![meeting("regular", "", "95")], "Dòng 1: Cần nhập ngày sinh hoạt."),
        ];
        for (label, rows, want) in cases {
            match import(rows) {
                Err(e @ AppError::Invalid(_)) => assert!(e.to_string().contains(want), "{label}: {e}"),
                other => panic!("{label}: expected a refusal, got {other:?}"),
            }
            assert_eq!(meeting_rows(&w.app, "DK-C1"), before, "{label}: nothing written");
            assert_eq!(audit_rows(db), trail, "{label}: no trail row");
        }

        let rows = vec![
            with_absent("10/01/2021", AN),
            meeting("thematic", "20/03/2021", "120"),
            with_absent("10/07/2021", DUNG),
        ];
        let done = ok("batch", import(rows));
        assert_eq!((done.meetings, done.absences), (3, 2));
        assert_eq!(meeting_rows(&w.app, "DK-C1"), before + 3);
        // Invited as the single path invites on the same day: the batch's July meeting (Dũng
        // on the roll since June, Cường exempted) beside one recorded alone in the same cell.
        let held = ok("list", w.app.cell_meetings(&sys, "DK-C1", d(2021, 1, 1), d(2021, 12, 31)));
        let july = held.iter().find(|m| m.held_on == d(2021, 7, 10)).unwrap();
        let single = record(&w.app, "DK-C1", meeting("thematic", "10/07/2021", "95"));
        assert_eq!(
            (july.invited, july.absent, july.present),
            (single.summary.invited, 1, single.summary.invited - 1)
        );
        let january = held.iter().find(|m| m.held_on == d(2021, 1, 10)).unwrap();
        assert_eq!(january.invited, july.invited - 1, "Dũng was not yet on the roll in January");
        let empty = ok("empty", w.app.transaction(|tx| tx.import_meetings(&sys, "DK-C1", &[])));
        assert_eq!((empty.meetings, empty.absences), (0, 0), "an empty batch enters nothing");
    });
}
