//! Pilot guidance and training on both engines (issue 11): a committee picks units of its own
//! subtree only; actions are due after they are set and show when overdue; the indicator comes
//! from the ratings; a trainee list is previewed and then written whole or not at all.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use coso_app::pilots::{ActionInput, ActionUpdate, FollowerInput, PilotInput, VisitInput};
use coso_app::ratings::RateInput;
use coso_app::training::ClassInput;
use coso_app::{Actor, AppError};
use coso_testkit::each_backend;

use common::*;

fn pilot(unit: &str, by: &str, on: &str) -> PilotInput {
    PilotInput {
        org_code: unit.into(),
        selected_by_code: by.into(),
        selected_on: on.into(),
        weaknesses: vec!["meeting_quality".into(), "head_capacity".into()],
        objectives: "Nâng cao chất lượng sinh hoạt".into(),
        target_pct: Some(100),
        decision: "45-KH/TU".into(),
        ..PilotInput::default()
    }
}

fn xlsx(rows: &[[&str; 4]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in ["Họ và tên", "Ngày sinh", "Giới tính", "Kết quả"].iter().enumerate() {
        sheet.write_string(0, r as u16, *row).unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(i as u32 + 1, c as u16, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_committee_follows_a_pilot_and_measures_it_by_the_ratings() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        let ward = account(&app, "dk.canbo", "org_admin", Some("DK"));
        // A ward picks its own cells, not another ward's, nor itself.
        let before = audit_rows(db);
        let msg = refused_on(app.open_pilot(&ward, pilot("VT-C1", "DK", "2019-02-01")), "org_code");
        assert!(msg.contains("không thuộc phạm vi lãnh đạo"), "{msg}");
        refused_on(app.open_pilot(&ward, pilot("DK", "DK", "2019-02-01")), "org_code");
        assert!(matches!(app.open_pilot(&ward, pilot("DK", "TU", "2019-02-01")), Err(AppError::Forbidden)));
        assert_eq!(audit_rows(db), before);

        // The city picks DK in 2019; its cells are rated 2019 (one of two good) and 2020 (both).
        let id = ok("open", app.open_pilot(&sys, pilot("DK", "TU", "2019-02-01")));
        for (year, c2) in [(2019, "complete"), (2020, "good")] {
            for (code, tier) in [("DK-C1", "good"), ("DK-C2", c2)] {
                for stage in ["proposed", "decided"] {
                    let input = RateInput {
                        stage: stage.into(),
                        unit_tier: Some(tier.into()),
                        ..RateInput::default()
                    };
                    ok("rate", app.rate(&sys, code, year, input));
                }
            }
        }
        let member = admit(&app, "Thành viên tổ công tác", "CB", "2010-01-01").id;
        ok(
            "follower",
            app.add_follower(
                &sys,
                &id,
                FollowerInput { membership_id: member.to_string(), role_note: "Tổ trưởng".into() },
            ),
        );
        ok(
            "visit",
            app.record_visit(
                &sys,
                &id,
                VisitInput {
                    visited_on: "2019-05-10".into(),
                    findings: "Dự sinh hoạt chi bộ".into(),
                    ..VisitInput::default()
                },
            ),
        );
        // An action due before it is set is refused; one long overdue shows so.
        let bad = ActionInput {
            title: "Kiện toàn".into(),
            owner: "Đảng ủy".into(),
            set_on: "2019-05-10".into(),
            due_on: "2019-05-01".into(),
        };
        refused_on(app.add_action(&sys, &id, bad.clone()), "due_on");
        let action =
            ok("action", app.add_action(&sys, &id, ActionInput { due_on: "2019-12-31".into(), ..bad }));
        let detail = ok("pilot", app.pilot(&sys, &id));
        assert_eq!(detail.unit.indicator, "cells_good_pct");
        assert_eq!((detail.unit.indicator_baseline, detail.unit.indicator_latest), (Some(50.0), Some(100.0)));
        assert_eq!(detail.unit.overdue_actions, 1);
        assert!(detail.actions[0].overdue);
        assert_eq!(detail.followers[0].full_name, "Thành viên tổ công tác");
        // Done needs its evidence.
        refused_on(
            app.update_action(&sys, &action, ActionUpdate { status: "done".into(), evidence: String::new() }),
            "evidence",
        );
        ok(
            "done",
            app.update_action(
                &sys,
                &action,
                ActionUpdate { status: "done".into(), evidence: "Quyết định số 5".into() },
            ),
        );
        assert_eq!(ok("pilot", app.pilot(&sys, &id)).unit.overdue_actions, 0);

        // The committee closes it with its assessment; not before it was opened.
        let closing = |on: &str| coso_app::pilots::ClosingInput {
            ends_on: on.into(),
            closing_assessment: "Đã khắc phục hạn chế".into(),
        };
        refused_on(app.close_pilot(&sys, &id, closing("2018-12-31")), "ends_on");
        ok("close", app.close_pilot(&sys, &id, closing("2020-12-31")));
        assert_eq!(ok("pilot", app.pilot(&sys, &id)).closing_assessment, "Đã khắc phục hạn chế");
        let report = ok("report", app.pilot_report(&sys, d(2017, 1, 1), d(2021, 10, 17)));
        assert_eq!(report.units_selected_by_city, 1);
        assert_eq!(report.units[0].org_code, "DK");
        // The ward sees its own pilot, the cell's secretary sees nothing outside its cell.
        let cell = account(&app, "c1.bithu", "cell_secretary", Some("DK-C1"));
        assert!(ok("cell", app.pilot_report(&cell, d(2017, 1, 1), d(2021, 10, 17))).units.is_empty());
    });
}

#[test]
fn a_trainee_list_is_previewed_and_written_whole_or_not_at_all() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        admit(&app, "Nguyễn Văn Học", "CB", "2010-01-01");
        let class = ok(
            "class",
            app.create_class(
                &sys,
                ClassInput {
                    title: "Bồi dưỡng cấp ủy viên chi bộ".into(),
                    category: "committee_skills".into(),
                    audience: "cell_committee_members".into(),
                    level: "Sơ cấp".into(),
                    organizer_code: "TU".into(),
                    starts_on: "2021-07-08".into(),
                    ends_on: "2021-07-12".into(),
                    place: "Trung tâm Chính trị".into(),
                },
            ),
        );
        // A bad file: a missing name, a bad date, a person twice, a new person without sex.
        let bad = xlsx(&[
            ["Nguyễn Văn Học", "01/05/1990", "", "Hoàn thành"],
            ["", "02/02/1985", "Nữ", ""],
            ["Trần Thị Lớp", "31/02/1985", "Nữ", ""],
            ["Nguyễn  Văn Học", "1990-05-01", "", ""],
            ["Lê Văn Mới", "03/03/1980", "", ""],
        ]);
        let preview = ok("preview", app.preview_trainees(&sys, &class.id, &bad));
        assert_eq!(preview.rows.len(), 2, "{preview:?}");
        assert!(preview.rows[0].known, "the member is matched by name and day of birth");
        let lines: Vec<&str> = preview.errors.iter().map(|e| e.split(':').next().unwrap()).collect();
        assert_eq!(lines, ["Dòng 3", "Dòng 4", "Dòng 5", "Dòng 6"], "{:?}", preview.errors);
        let before = (audit_rows(db), membership_rows(db));
        match app.import_trainees(&sys, &class.id, &bad) {
            Err(AppError::Invalid(vs)) => assert_eq!(vs.len(), 4),
            other => panic!("expected the list refused, got {other:?}"),
        }
        assert_eq!((audit_rows(db), membership_rows(db)), before);
        assert_eq!(ok("report", app.training_report(&sys, d(2021, 1, 1), d(2021, 12, 31))).trainees, 0);
        // A sheet without the list's header names what it needs.
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().write_string(0, 0, "Danh sách đảng viên").unwrap();
        let msg = refused_on(app.preview_trainees(&sys, &class.id, &book.save_to_buffer().unwrap()), "file");
        assert!(msg.contains("«Họ và tên» và «Ngày sinh»"), "{msg}");
        // Not a trainee list at all.
        let msg = refused_on(app.preview_trainees(&sys, &class.id, b"plain text"), "file");
        assert!(msg.contains("Không đọc được tệp"), "{msg}");

        // The fixed file: written whole, the new person created.
        let good = xlsx(&[
            ["Nguyễn Văn Học", "01/05/1990", "", "Hoàn thành"],
            ["Lê Văn Mới", "03/03/1980", "Nam", ""],
        ]);
        assert_eq!(ok("import", app.import_trainees(&sys, &class.id, &good)), 2);
        let r = ok("report", app.training_report(&sys, d(2021, 1, 1), d(2021, 12, 31)));
        assert_eq!((r.classes, r.trainees, r.people), (1, 2, 2));
        let cell = r.by_audience.iter().find(|a| a.audience == "cell_committee_members").unwrap();
        assert_eq!((cell.classes, cell.trainees), (1, 2));
        assert_eq!(r.by_unit[0].org_name, "Đảng bộ thành phố Lạng Sơn");
        // The member's page lists the class.
        let member = ok("list", app.list_members(&sys, &query("nguyen van hoc"))).members[0].id.clone();
        let history = ok("member", app.member_detail(&sys, &member)).training;
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].outcome.as_deref(), Some("Hoàn thành"));
    });
}
