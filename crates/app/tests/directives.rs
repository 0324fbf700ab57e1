//! Documents, resolutions and plans on both engines (issue 13): a document number must read
//! and a document is registered once; a resolution's targets need a unit and their figures a
//! year of the term; a committee assigns tasks within its subtree only; what is refused writes
//! nothing; the overview gathers the figures and refuses a period that ends before it starts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use coso_app::documents::{DocumentFilter, DocumentInput, LinkInput};
use coso_app::overview::OverviewFormat;
use coso_app::plans::{IndicatorInput, PlanInput, ProgressInput, TaskInput};
use coso_app::resolutions::{ResolutionInput, TargetInput, ValueInput};
use coso_app::{Actor, AppError};
use coso_testkit::each_backend;

use common::*;

fn document(number: &str, on: &str, title: &str) -> DocumentInput {
    DocumentInput {
        number: number.into(),
        issuer_name: "Thành ủy Lạng Sơn".into(),
        issuer_code: Some("TU".into()),
        issued_on: on.into(),
        title: title.into(),
        ..DocumentInput::default()
    }
}

fn target(name: &str, unit: &str, value: f64, direction: &str, reach: Option<i32>) -> TargetInput {
    TargetInput {
        name: name.into(),
        unit: unit.into(),
        value,
        direction: direction.into(),
        reach_year: reach,
    }
}

fn value(year: i32, value: f64) -> ValueInput {
    ValueInput { year, value, source: format!("Báo cáo năm {year}") }
}

fn all_documents(app: &coso_app::App) -> Vec<String> {
    ok("documents", app.documents(&Actor::system(), &DocumentFilter::default()))
        .into_iter()
        .map(|d| d.number)
        .collect()
}

#[test]
fn a_document_is_registered_once_by_a_number_that_reads() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        let before = audit_rows(db);
        // Refused: numbers that do not read, a missing title, a validity that ends first.
        for bad in ["35/KH-", "0-KH/TU", "KH/TU", ""] {
            let msg =
                refused_on(app.register_document(&sys, document(bad, "01/04/2021", "Kế hoạch")), "number");
            assert!(msg.starts_with("Số hiệu văn bản") || msg.contains("số hiệu"), "{bad}: {msg}");
        }
        refused_on(app.register_document(&sys, document("35-KH/TU", "01/04/2021", " ")), "title");
        let mut expired = document("35-KH/TU", "01/04/2021", "Kế hoạch");
        expired.valid_until = Some("01/01/2021".into());
        refused_on(app.register_document(&sys, expired), "valid_until");
        assert_eq!(audit_rows(db), before);
        assert!(all_documents(&app).is_empty());

        // Input in NFD is stored in NFC; the type's name is the code's unless the document says.
        let mut project = document("02-ĐA/TU", "26/04/2021", "Đề án");
        project.issuer_name = "Tha\u{0300}nh u\u{0309}y La\u{0323}ng So\u{031B}n".into();
        let id = ok("register", app.register_document(&sys, project));
        let mut rule = document("1764-QĐ/TU", "29/05/2019", "Về dự sinh hoạt chi bộ tại cơ sở");
        rule.issuer_name = "Ban Thường vụ Tỉnh ủy Lạng Sơn".into();
        rule.issuer_code = None;
        rule.type_name = Some("Quy định".into());
        let rule_id = ok("register rule", app.register_document(&sys, rule.clone()));
        let shown = ok("document", app.document(&sys, &rule_id));
        assert_eq!((shown.type_code.as_str(), shown.type_label.as_str()), ("QĐ", "Quy định"));
        let project = ok("document", app.document(&sys, &id));
        assert_eq!(project.type_label, "Đề án");
        assert_eq!(project.issuer_name, "Thành ủy Lạng Sơn", "NFD input is stored in NFC");

        // The same issuer, type, number and date once; the same number of another term is another.
        match app.register_document(&sys, rule.clone()) {
            Err(AppError::Conflict(m)) => assert!(m.contains("đã có trong sổ văn bản"), "{m}"),
            other => panic!("a second registration must be refused, got {other:?}"),
        }
        rule.issued_on = "12/03/2024".into();
        ok("next term", app.register_document(&sys, rule));
        assert_eq!(all_documents(&app).len(), 3);

        // Filters: by type, by number prefix, by period; a period that ends first is refused.
        let only = |f: DocumentFilter| -> Vec<String> {
            ok("filter", app.documents(&sys, &f)).into_iter().map(|d| d.number).collect()
        };
        assert_eq!(
            only(DocumentFilter { type_code: Some("ĐA".into()), ..DocumentFilter::default() }),
            ["02-ĐA/TU"]
        );
        assert_eq!(
            only(DocumentFilter { number: Some("1764".into()), ..DocumentFilter::default() }).len(),
            2
        );
        assert_eq!(
            only(DocumentFilter {
                from: Some("01/01/2021".into()),
                to: Some("31/12/2021".into()),
                ..DocumentFilter::default()
            }),
            ["02-ĐA/TU"]
        );
        refused_on(
            app.documents(
                &sys,
                &DocumentFilter {
                    from: Some("01/01/2022".into()),
                    to: Some("01/01/2021".into()),
                    ..DocumentFilter::default()
                },
            ),
            "to",
        );

        // Links: a subject coso knows; linking twice keeps one link.
        refused_on(
            app.link_document(&sys, &id, LinkInput { subject: "weather".into(), subject_ref: "x".into() }),
            "subject",
        );
        for _ in 0..2 {
            ok(
                "link",
                app.link_document(
                    &sys,
                    &id,
                    LinkInput { subject: "plan".into(), subject_ref: "02-ĐA/TU".into() },
                ),
            );
        }
        assert_eq!(ok("document", app.document(&sys, &id)).links.len(), 1);

        // A cell secretary reads the registry but does not write it.
        let secretary = account(&app, "bt.c1", "cell_secretary", Some("DK-C1"));
        assert_eq!(ok("read", app.documents(&secretary, &DocumentFilter::default())).len(), 3);
        let before = audit_rows(db);
        assert!(matches!(
            app.register_document(&secretary, document("36-KH/TU", "02/04/2021", "Kế hoạch")),
            Err(AppError::Forbidden)
        ));
        assert_eq!(audit_rows(db), before);
    });
}

#[test]
fn a_resolution_keeps_its_targets_within_the_term_and_counts_those_met() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        let resolution = |targets: Vec<TargetInput>| ResolutionInput {
            org_code: "TU".into(),
            title: "Nghị quyết Đại hội".into(),
            first_year: 2015,
            last_year: 2020,
            targets,
            ..ResolutionInput::default()
        };
        // A target without a unit, a reach year outside the term: every problem named, nothing written.
        let before = audit_rows(db);
        let bad = app.record_resolution(
            &sys,
            resolution(vec![
                target("Tăng trưởng", "", 10.0, "at_least", None),
                target("Chi bộ khu dân cư", "%", 100.0, "reach_by", Some(2022)),
            ]),
        );
        match &bad {
            Err(AppError::Invalid(v)) => {
                assert!(
                    v.iter().any(|v| v.field == Some("unit") && v.message.starts_with("Chỉ tiêu 1:")),
                    "{v:?}"
                );
                assert!(
                    v.iter().any(|v| v.field == Some("direction") && v.message.contains("2022")),
                    "{v:?}"
                );
            }
            other => panic!("expected refusal, got {other:?}"),
        }
        assert_eq!(audit_rows(db), before);
        assert!(ok("list", app.resolutions(&sys, None)).is_empty());

        let id = ok(
            "record",
            app.record_resolution(
                &sys,
                resolution(vec![
                    target("Tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ", "%", 85.0, "at_least", None),
                    target("Tỷ lệ hộ nghèo", "%", 1.0, "at_most", None),
                    target("Chi bộ khu dân cư", "%", 100.0, "reach_by", Some(2018)),
                ]),
            ),
        );
        let view = ok("view", app.resolution(&sys, &id, None));
        let ids: Vec<String> = view.targets.iter().map(|t| t.id.clone()).collect();
        // A figure outside the term is refused and writes nothing.
        let before = audit_rows(db);
        let msg = refused_on(app.record_target_value(&sys, &ids[0], value(2021, 90.0)), "year");
        assert!(msg.contains("ngoài nhiệm kỳ 2015–2020"), "{msg}");
        refused_on(
            app.record_target_value(&sys, &ids[0], ValueInput { source: " ".into(), ..value(2019, 90.0) }),
            "source",
        );
        assert_eq!(audit_rows(db), before);

        for (t, year, v) in
            [(0, 2019, 84.0), (0, 2020, 91.0), (1, 2020, 1.0), (2, 2018, 96.0), (2, 2020, 100.0)]
        {
            ok("value", app.record_target_value(&sys, &ids[t], value(year, v)));
        }
        // A later figure for the same year replaces the earlier one.
        ok("again", app.record_target_value(&sys, &ids[1], value(2020, 1.2)));
        let end = ok("end", app.resolution(&sys, &id, None));
        let statuses: Vec<&str> = end.targets.iter().map(|t| t.status_label.as_str()).collect();
        assert_eq!(statuses, ["Vượt chỉ tiêu", "Không đạt", "Đạt"]);
        assert_eq!((end.targets_reached, end.targets_total), (2, 3));
        assert_eq!(end.targets[1].values.len(), 1);
        // On 2019, the first target was not yet met.
        let y2019 = ok("2019", app.resolution(&sys, &id, Some(2019)));
        assert_eq!(y2019.targets[0].status_label, "Không đạt");

        // A ward's account reads the city's resolution but may not write its figures.
        let ward = account(&app, "dk.canbo", "org_admin", Some("DK"));
        assert_eq!(ok("ward reads", app.resolutions(&ward, None)).len(), 1);
        let before = audit_rows(db);
        assert!(matches!(
            app.record_target_value(&ward, &ids[0], value(2020, 99.0)),
            Err(AppError::Forbidden)
        ));
        assert_eq!(audit_rows(db), before);
    });
}

#[test]
fn a_plan_assigns_tasks_within_the_committee_and_shows_the_overdue() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        let ward = account(&app, "dk.canbo", "org_admin", Some("DK"));
        let plan = PlanInput {
            org_code: "DK".into(),
            kind: "plan".into(),
            title: "Nâng cao chất lượng sinh hoạt chi bộ năm 2021".into(),
            starts_on: "01/04/2021".into(),
            ends_on: "31/12/2021".into(),
            indicators: vec![IndicatorInput {
                name: "Chi bộ sinh hoạt đúng nền nếp".into(),
                unit: "%".into(),
                target: 95.0,
                measure: Some("meeting_compliance_pct".into()),
            }],
            ..PlanInput::default()
        };
        refused_on(app.record_plan(&ward, PlanInput { kind: "wish".into(), ..plan.clone() }), "kind");
        refused_on(
            app.record_plan(&ward, PlanInput { ends_on: "01/01/2021".into(), ..plan.clone() }),
            "ends_on",
        );
        assert!(matches!(
            app.record_plan(&ward, PlanInput { org_code: "VT".into(), ..plan.clone() }),
            Err(AppError::Forbidden)
        ));
        let id = ok("plan", app.record_plan(&ward, plan));

        // Tasks go to the ward itself or its cells; not to another ward, nor due before the plan.
        let task = |to: &str, due: &str| TaskInput {
            title: "Củng cố chi bộ".into(),
            assignee_code: to.into(),
            due_on: due.into(),
        };
        let before = audit_rows(db);
        let msg = refused_on(app.assign_task(&ward, &id, task("VT-C1", "30/06/2021")), "assignee_code");
        assert!(msg.contains("không thuộc phạm vi lãnh đạo"), "{msg}");
        refused_on(app.assign_task(&sys, &id, task("TU", "30/06/2021")), "assignee_code");
        refused_on(app.assign_task(&ward, &id, task("DK-C1", "01/03/2021")), "due_on");
        // An unknown code is the field's error; a unit outside is named by the code typed.
        let msg = refused_on(app.assign_task(&ward, &id, task("XX-9", "30/06/2021")), "assignee_code");
        assert!(msg.contains("«XX-9»"), "{msg}");
        let msg = refused_on(app.assign_task(&ward, &id, task("VT", "30/06/2021")), "assignee_code");
        assert!(msg.starts_with("Đơn vị mã VT") && !msg.contains("Vĩnh Trại"), "{msg}");
        assert_eq!(audit_rows(db), before);
        let late = ok("task", app.assign_task(&ward, &id, task("DK-C1", "30/06/2021")));
        let done = ok("task", app.assign_task(&ward, &id, task("DK", "30/06/2021")));
        ok("task", app.assign_task(&ward, &id, task("DK-C2", "31/12/2021")));

        // Progress: by the unit carrying the task out; a share from 0 to 100; 100 is done.
        let secretary = account(&app, "bt.c1", "cell_secretary", Some("DK-C1"));
        let progress = |pct: i32| ProgressInput {
            reported_on: "15/06/2021".into(),
            progress_pct: pct,
            note: "Đang làm".into(),
        };
        refused_on(app.report_progress(&ward, &late, progress(101)), "progress_pct");
        let other = account(&app, "vt.canbo", "org_admin", Some("VT"));
        assert!(matches!(app.report_progress(&other, &late, progress(50)), Err(AppError::Forbidden)));
        ok("progress", app.report_progress(&ward, &late, progress(20)));
        ok("done", app.report_progress(&ward, &done, progress(100)));
        // The secretary of the cell carrying a task out reports on it, not on the ward's own.
        assert!(matches!(app.report_progress(&secretary, &done, progress(100)), Err(AppError::Forbidden)));
        ok("secretary", app.report_progress(&secretary, &late, progress(40)));

        let view = ok("view", app.plan(&ward, &id, d(2021, 7, 1)));
        assert_eq!((view.tasks.len(), view.tasks_done, view.tasks_overdue), (3, 1, 1));
        let overdue: Vec<&str> =
            view.tasks.iter().filter(|t| t.overdue).map(|t| t.assignee_code.as_str()).collect();
        assert_eq!(overdue, ["DK-C1"]);
        assert_eq!(view.tasks.iter().find(|t| t.assignee_code == "DK-C1").unwrap().progress_pct, 40);
        assert_eq!(view.indicators[0].measure.as_deref(), Some("meeting_compliance_pct"));
        // Each reader may report on the tasks of its own units only; a cell's secretary sees
        // the ward's plan with the cell's own task alone.
        let reporting: Vec<(&str, bool)> =
            view.tasks.iter().map(|t| (t.assignee_code.as_str(), t.can_report)).collect();
        assert!(reporting.iter().all(|(_, can)| *can), "{reporting:?}");
        let seen = ok("secretary", app.plan(&secretary, &id, d(2021, 7, 1)));
        let tasks: Vec<(&str, bool)> =
            seen.tasks.iter().map(|t| (t.assignee_code.as_str(), t.can_report)).collect();
        assert_eq!(tasks, [("DK-C1", true)]);
        // The city reads the ward's plan; the other ward does not.
        assert_eq!(ok("city", app.plans(&sys, d(2021, 1, 1), d(2021, 12, 31))).len(), 1);
        assert!(ok("other", app.plans(&other, d(2021, 1, 1), d(2021, 12, 31))).is_empty());
    });
}

#[test]
fn the_overview_gathers_the_figures_and_refuses_a_period_that_ends_first() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        let msg = refused_on(app.overview(&sys, d(2021, 1, 1), d(2020, 1, 1), None), "to");
        assert!(msg.contains("kết thúc trước khi bắt đầu"), "{msg}");
        let doc =
            ok("doc", app.register_document(&sys, document("35-KH/TU", "01/04/2021", "Kế hoạch năm 2021")));
        ok(
            "link",
            app.link_document(
                &sys,
                &doc,
                LinkInput { subject: "plan".into(), subject_ref: "35-KH/TU".into() },
            ),
        );
        ok("unlinked", app.register_document(&sys, document("36-KH/TU", "02/04/2021", "Kế hoạch khác")));
        let id = ok(
            "resolution",
            app.record_resolution(
                &sys,
                ResolutionInput {
                    org_code: "TU".into(),
                    title: "Nghị quyết Đại hội".into(),
                    first_year: 2015,
                    last_year: 2020,
                    targets: vec![
                        target("A", "%", 50.0, "at_least", None),
                        target("B", "%", 50.0, "at_least", None),
                    ],
                    ..ResolutionInput::default()
                },
            ),
        );
        let targets = ok("view", app.resolution(&sys, &id, None)).targets;
        ok("a", app.record_target_value(&sys, &targets[0].id, value(2020, 60.0)));
        ok("b", app.record_target_value(&sys, &targets[1].id, value(2020, 40.0)));

        // The city's plan assigns a task to each ward.
        let plan = ok(
            "plan",
            app.record_plan(
                &sys,
                PlanInput {
                    org_code: "TU".into(),
                    kind: "plan".into(),
                    title: "Nâng cao năng lực tổ chức cơ sở đảng".into(),
                    starts_on: "01/04/2021".into(),
                    ends_on: "31/12/2021".into(),
                    ..PlanInput::default()
                },
            ),
        );
        for ward in ["DK", "VT"] {
            let task = TaskInput {
                title: "Củng cố chi bộ".into(),
                assignee_code: ward.into(),
                due_on: "30/09/2021".into(),
            };
            ok("task", app.assign_task(&sys, &plan, task));
        }
        let o = ok("overview", app.overview(&sys, d(2016, 1, 1), d(2021, 10, 17), None));
        assert_eq!((o.plans.len(), o.plans[0].tasks_total, o.plans[0].tasks_overdue), (1, 2, 2));
        assert!(o.plans_carried_out.is_empty());
        assert_eq!(
            (o.org_code.as_str(), o.grassroots_total, o.grassroots_committees, o.grassroots_cells),
            ("TU", 3, 2, 1)
        );
        assert_eq!((o.targets_total, o.targets_met), (2, 1));
        assert_eq!(o.resolutions[0].not_met, ["B"]);
        // Only documents that govern something coso records are named.
        let named: Vec<&str> = o.documents.iter().map(|d| d.number.as_str()).collect();
        assert_eq!(named, ["35-KH/TU"]);
        // A ward's overview is of its subtree; another ward's is refused.
        let ward = account(&app, "dk.canbo", "org_admin", Some("DK"));
        let w = ok("ward", app.overview(&ward, d(2016, 1, 1), d(2021, 10, 17), None));
        assert_eq!((w.org_code.as_str(), w.grassroots_total, w.targets_total), ("DK", 1, 0));
        // The ward carries out the city's plan: its own task only, not the other ward's.
        assert!(w.plans.is_empty());
        let carried: Vec<(&str, usize)> =
            w.plans_carried_out.iter().map(|p| (p.org_name.as_str(), p.tasks_total)).collect();
        assert_eq!(carried, [("Đảng bộ thành phố Lạng Sơn", 1)]);
        let ward_text = String::from_utf8(ok(
            "ward text",
            app.overview_file(&ward, d(2016, 1, 1), d(2021, 10, 17), None, OverviewFormat::Text),
        ))
        .unwrap();
        assert!(
            ward_text.contains("của Thành ủy Lạng Sơn") && ward_text.contains("được giao 1 nhiệm vụ"),
            "{ward_text}"
        );
        assert!(matches!(
            app.overview(&ward, d(2016, 1, 1), d(2021, 10, 17), Some("VT")),
            Err(AppError::Forbidden)
        ));

        // The three files state the figures; each export is logged.
        let before = audit_rows(db);
        let text = String::from_utf8(ok(
            "text",
            app.overview_file(&sys, d(2016, 1, 1), d(2021, 10, 17), None, OverviewFormat::Text),
        ))
        .unwrap();
        assert!(text.contains("THÀNH ỦY LẠNG SƠN") && text.contains("1/2 chỉ tiêu"), "{text}");
        let docx =
            ok("docx", app.overview_file(&sys, d(2016, 1, 1), d(2021, 10, 17), None, OverviewFormat::Docx));
        let xlsx =
            ok("xlsx", app.overview_file(&sys, d(2016, 1, 1), d(2021, 10, 17), None, OverviewFormat::Xlsx));
        assert!(docx.starts_with(b"PK") && xlsx.starts_with(b"PK"));
        assert_eq!(audit_rows(db), before + 3);
    });
}

/// The rows of an exported list's first sheet, as text, below its title, subtitle and header.
fn exported(bytes: Vec<u8>) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let header = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "STT" || c == "Việc" || c == "Kế hoạch, đề án"))
        .unwrap();
    rows[header + 1..].to_vec()
}

#[test]
fn every_list_exports_with_its_filters_applied() {
    each_backend(|db| {
        let app = city(db);
        let sys = Actor::system();
        for (name, cell) in
            [("Nguyễn Văn An", "DK-C1"), ("Trần Thị Bình", "DK-C2"), ("Lê Văn Cường", "VT-C1")]
        {
            admit(&app, name, cell, "2010-01-01");
        }
        // Members: the unit filter and the name filter hold in the file as on the page.
        let under_dk = exported(ok(
            "members",
            app.members_xlsx(
                &sys,
                &coso_app::members::MemberQuery { org: Some("DK".into()), ..Default::default() },
            ),
        ));
        let names: Vec<&str> = under_dk.iter().map(|r| r[1].as_str()).collect();
        assert_eq!(names, ["Nguyễn Văn An", "Trần Thị Bình"]);
        let by_name = exported(ok("members", app.members_xlsx(&sys, &query("cuong"))));
        assert_eq!(by_name.len(), 1);
        assert_eq!(by_name[0][1], "Lê Văn Cường");
        // A ward's account exports its own members only.
        let ward = account(&app, "dk.canbo", "org_admin", Some("DK"));
        assert_eq!(exported(ok("ward", app.members_xlsx(&ward, &Default::default()))).len(), 2);

        // Documents: by type.
        for (n, on) in [("35-KH/TU", "01/04/2021"), ("02-ĐA/TU", "26/04/2021")] {
            ok("doc", app.register_document(&sys, document(n, on, "Văn bản")));
        }
        let plans = exported(ok(
            "documents",
            app.documents_xlsx(
                &sys,
                &DocumentFilter { type_code: Some("KH".into()), ..DocumentFilter::default() },
            ),
        ));
        assert_eq!(plans.iter().map(|r| r[1].as_str()).collect::<Vec<_>>(), ["35-KH/TU"]);

        // Resolutions and plans export their targets and tasks; each export is logged.
        let before = audit_rows(db);
        let id = ok(
            "resolution",
            app.record_resolution(
                &sys,
                ResolutionInput {
                    org_code: "TU".into(),
                    title: "Nghị quyết".into(),
                    first_year: 2015,
                    last_year: 2020,
                    targets: vec![target("A", "%", 50.0, "at_least", None)],
                    ..ResolutionInput::default()
                },
            ),
        );
        let targets = exported(ok("xlsx", app.resolution_xlsx(&sys, &id, None)));
        assert_eq!(targets.len(), 1);
        assert_eq!(targets[0][1], "A");
        assert_eq!(audit_rows(db), before + 2);
        assert!(exported(ok("cases", app.cases_xlsx(&sys))).is_empty());
    });
}
