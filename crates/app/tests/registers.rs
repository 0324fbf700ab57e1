//! Member registers in and out (issue 12) on each backend: a unit's export reads back as every
//! row unchanged, into an empty tree as the same members; a file with errors names each by row
//! and column and writes nothing; a row naming a member coso has is an update shown field by
//! field; reconciling a register with its own export finds nothing, with an edited copy exactly
//! the edits, each settled from coso.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::io::Cursor;

use common::{account, admission, audit_rows, city, membership_rows, ok};
use coso_app::members::{BookFormat, ExplainInput, ImportReport, MemberInput, MemberQuery, Verdict};
use coso_app::{Actor, App, AppError};
use coso_testkit::each_backend;

fn member(name: &str, cell: &str, card: &str, cccd: &str) -> MemberInput {
    MemberInput {
        card_number: Some(card.into()),
        cccd: Some(cccd.into()),
        home_town: "Xã Hoàng Đồng, Lạng Sơn".into(),
        education: "12/12".into(),
        theory_level: "Trung cấp".into(),
        occupation: "Giáo viên".into(),
        phone: Some("0912345678".into()),
        ..admission(name, "1980-05-01", cell, "2020-03-01")
    }
}

/// Three members in two cells of DK and one in VT: one official by transfer, one exempted.
fn register(app: &App) {
    let sys = Actor::system();
    ok("a", app.create_member(&sys, member("Vi Văn Một", "DK-C1", "DV001", "020080000001")));
    let official = MemberInput {
        official_on: Some("2011-03-01".into()),
        admitted_on: "2010-03-01".into(),
        entry: "transfer_in".into(),
        entry_on: Some("2015-06-01".into()),
        birth_name: Some("Vi Thị Hai Tí".into()),
        ..member("Lò Thị Hai", "DK-C2", "DV002", "020080000002")
    };
    ok("b", app.create_member(&sys, official));
    ok("c", app.create_member(&sys, member("Mông Văn Ba", "VT-C1", "DV003", "020080000003")));
}

fn export(app: &App, code: &str, format: BookFormat) -> Vec<u8> {
    ok("export", app.export_register(&Actor::system(), code, None, format)).bytes
}

fn import(
    app: &App,
    actor: &Actor,
    code: &str,
    bytes: &[u8],
    dry_run: bool,
) -> Result<ImportReport, AppError> {
    app.import_register(actor, code, Cursor::new(bytes.to_vec()), dry_run, &mut |_| {})
}

/// The roll of a unit as (name, card, cell, status), by card.
fn roll(app: &App, code: &str) -> Vec<(String, String, String, String)> {
    let q = MemberQuery { org: Some(code.into()), per_page: Some(200), ..MemberQuery::default() };
    let mut out: Vec<_> = ok("list", app.list_members(&Actor::system(), &q))
        .members
        .into_iter()
        .map(|m| (m.full_name, m.card_number.unwrap_or_default(), m.org_code, m.status.code().to_string()))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// The register as its fields, line by line (what an export says of each member).
fn fields(app: &App, code: &str) -> Vec<Vec<(String, String)>> {
    let register = ok("register", app.member_register(&Actor::system(), code, None));
    register
        .lines
        .iter()
        .map(|l| l.values.0.iter().map(|(f, v)| (format!("{f:?}"), v.clone())).collect())
        .collect()
}

fn csv_of(rows: &[&[&str]]) -> Vec<u8> {
    rows.iter().map(|r| r.join(";")).collect::<Vec<_>>().join("\n").into_bytes()
}

#[test]
fn an_export_reads_back_unchanged_and_into_an_empty_tree_as_the_same_members() {
    each_backend(|db| {
        let app = city(db);
        register(&app);
        ok("exempt", {
            let id = ok("list", app.list_members(&Actor::system(), &common::query("Lò Thị Hai"))).members[0]
                .id
                .clone();
            let ev = common::event("exemption", "2021-01-04", None);
            app.record_member_event(&Actor::system(), &id, ev)
        });
        let before = fields(&app, "TU");
        assert_eq!(before.len(), 3);
        for format in [BookFormat::Xlsx, BookFormat::Csv] {
            let bytes = export(&app, "TU", format);
            let trail = audit_rows(db);
            let report = ok("reimport", import(&app, &Actor::system(), "TU", &bytes, false));
            assert_eq!(
                (report.rows, report.unchanged, report.created, report.updated),
                (3, 3, 0, 0),
                "{format:?}"
            );
            assert!(report.errors.is_empty(), "{:?}", report.errors);
            assert_eq!(audit_rows(db), trail, "nothing to write, nothing written");
        }
        // The same tree with no members: the export creates every member with the same fields.
        let bytes = export(&app, "TU", BookFormat::Xlsx);
        each_backend(|empty| {
            let fresh = city(empty);
            let report = ok("import", import(&fresh, &Actor::system(), "TU", &bytes, false));
            assert_eq!((report.created, report.written), (3, true), "{:?}", report.errors);
            assert_eq!(fields(&fresh, "TU"), before);
            assert_eq!(roll(&fresh, "TU"), roll(&app, "TU"));
        });
    });
}

#[test]
fn a_file_with_errors_names_each_by_row_and_column_and_writes_nothing() {
    each_backend(|db| {
        let app = city(db);
        register(&app);
        let header: &[&str] = &[
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Số CCCD",
            "Số thẻ đảng viên",
            "Ngày vào Đảng",
            "Chi bộ",
        ];
        let file = csv_of(&[
            &["DANH SÁCH ĐẢNG VIÊN"],
            header,
            &["1", "2", "3", "4", "5", "6", "7", "8"],
            // Dates in three formats, a cell by its name: accepted.
            &[
                "1",
                "Hà Văn Đúng",
                "01/02/1985",
                "Nam",
                "020085000010",
                "DV010",
                "2020-03-01",
                "Chi bộ khối 1",
            ],
            &["2", "Hà Thị Đủ", "02.03.1986", "Nữ", "020086000011", "DV011", "01/03/2020", "DK-C2"],
            &["3", "Hà Văn Ngắn", "1/1/1990", "Nam", "02008600001", "DV012", "01/03/2020", "DK-C1"],
            &["4", "Hà Văn Nhỏ", "01/01/2006", "Nam", "020006000013", "DV013", "01/03/2021", "DK-C1"],
            &["5", "Hà Văn Trùng", "01/01/1990", "Nam", "020090000014", "DV001", "01/03/2020", "DK-C2"],
            &["6", "Hà Văn Xa", "01/01/1990", "Nam", "020090000015", "DV015", "01/03/2020", "VT-C1"],
            &["7", "=HYPERLINK(\"x\")", "01/01/1990", "Nam", "020090000016", "DV016", "01/03/2020", "DK-C1"],
            &["8", "Hà Văn Lặp", "01/01/1990", "Nam", "020090000017", "DV010", "01/03/2020", "DK-C1"],
            &["9", "Hà Văn Ngày", "31/02/1990", "Nam", "020090000018", "DV018", "01/03/2020", "DK-C1"],
        ]);
        let before = (membership_rows(db), audit_rows(db));
        let report = ok("import", import(&app, &Actor::system(), "DK", &file, false));
        assert!(!report.written);
        assert_eq!(report.rows, 9);
        assert_eq!(report.created, 2, "rows 4 and 5 would be created: {:?}", report.errors);
        let seen: Vec<(usize, &str)> = report.errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        for want in [
            (6, "Số CCCD"),
            (7, "Ngày vào Đảng"),
            (8, "Số thẻ đảng viên"),
            (9, "Chi bộ"),
            (10, "Họ và tên"),
            (11, ""),
            (12, "Ngày sinh"),
        ] {
            assert!(seen.contains(&want), "{want:?} in {:#?}", report.errors);
        }
        assert!(report.errors.iter().all(|e| !e.message.is_empty()));
        // A rule's refusal carries its text, as on the member form.
        let too_young = report.errors.iter().find(|e| e.row == 7).unwrap();
        assert!(
            too_young.message.contains("(Căn cứ: Quy định 24-QĐ/TW, mục 1.1.1.)"),
            "{}",
            too_young.message
        );
        let out_of_scope = report.errors.iter().find(|e| e.row == 9).unwrap();
        assert!(out_of_scope.message.contains("không thuộc đơn vị"), "{}", out_of_scope.message);
        assert_eq!((membership_rows(db), audit_rows(db)), before, "nothing written");

        // The preview marks the wrong cells of each wrong row.
        let line = report.lines.iter().find(|l| l.row == 6).unwrap();
        assert_eq!(line.verdict, Verdict::Error);
        assert_eq!(line.error_columns, [4]);

        // What is not a register at all is the file's error.
        let cases: [(&[u8], &str); 4] = [
            (b"", "rỗng"),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "không phải bảng tính"),
            (b"Ho va ten;Gioi tinh;Que quan\nA;Nam;X\n", "Thiếu cột «Ngày sinh»"),
            (b"a;b\n1;2\n", "Không thấy dòng tiêu đề"),
        ];
        for (bytes, want) in cases {
            match import(&app, &Actor::system(), "DK", bytes, false) {
                Err(e) => assert!(e.to_string().contains(want), "{want}: {e}"),
                Ok(r) => panic!("{want}: {r:?}"),
            }
        }
        assert_eq!((membership_rows(db), audit_rows(db)), before, "nothing written");
    });
}

#[test]
fn a_known_member_is_an_update_shown_field_by_field_and_a_dry_run_writes_nothing() {
    each_backend(|db| {
        let app = city(db);
        register(&app);
        let file = csv_of(&[
            &["Họ và tên", "Ngày sinh", "Giới tính", "Số thẻ đảng viên", "Quê quán", "Ngày vào Đảng"],
            &["Vi Văn Một", "01/05/1980", "Nam", "DV001", "Phường Đông Kinh, Lạng Sơn", "01/03/2020"],
            &["Vi Văn Bốn", "01/05/1981", "Nam", "DV004", "", "01/03/2020"],
        ]);
        let trail = audit_rows(db);
        let dry = ok("dry", import(&app, &Actor::system(), "DK-C1", &file, true));
        assert_eq!((dry.updated, dry.created, dry.written), (1, 1, false));
        let change = &dry.lines[0].changes;
        assert_eq!(change.len(), 1, "{change:?}");
        assert_eq!(
            (change[0].field.as_str(), change[0].coso.as_str(), change[0].file.as_str()),
            ("Quê quán", "Xã Hoàng Đồng, Lạng Sơn", "Phường Đông Kinh, Lạng Sơn")
        );
        assert_eq!(audit_rows(db), trail, "a dry run writes nothing");
        let done = ok("import", import(&app, &Actor::system(), "DK-C1", &file, false));
        assert!(done.written);
        // The new member is in the unit imported into (a cell: rows name no cell).
        assert_eq!(roll(&app, "DK-C1").len(), 2);
        let one = ok("list", app.list_members(&Actor::system(), &common::query("Vi Văn Một"))).members[0]
            .id
            .clone();
        let detail = ok("detail", app.member_detail(&Actor::system(), &one));
        assert_eq!(detail.home_town, "Phường Đông Kinh, Lạng Sơn");
        assert_eq!(detail.phone.as_deref(), Some("0912345678"), "a column the file lacks is kept");
        assert!(audit_rows(db) >= trail + 2, "the update and the import are audited");
        // Again: nothing changes.
        let again = ok("again", import(&app, &Actor::system(), "DK-C1", &file, false));
        assert_eq!((again.unchanged, again.updated, again.created), (2, 0, 0));
    });
}

#[test]
fn an_import_outside_the_importers_scope_is_refused_and_changes_nothing() {
    each_backend(|db| {
        let app = city(db);
        register(&app);
        let secretary = account(&app, "bithu-c1", "cell_secretary", Some("DK-C1"));
        let viewer = account(&app, "xem", "viewer", Some("TU"));
        let file = csv_of(&[
            &["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Chi bộ"],
            &["Nông Văn Khác", "01/01/1990", "Nam", "01/03/2020", "DK-C2"],
        ]);
        let before = (membership_rows(db), audit_rows(db));
        let report = ok("secretary", import(&app, &secretary, "DK-C1", &file, false));
        assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
        assert_eq!(report.errors[0].column, "Chi bộ");
        assert!(matches!(import(&app, &secretary, "DK", &file, false), Err(AppError::Forbidden)));
        assert!(matches!(import(&app, &viewer, "TU", &file, false), Err(AppError::Forbidden)));
        assert_eq!((membership_rows(db), audit_rows(db)), before);
    });
}

#[test]
fn reconciling_with_the_own_export_finds_nothing_and_with_an_edited_copy_exactly_the_edits() {
    each_backend(|db| {
        let app = city(db);
        register(&app);
        let sys = Actor::system();
        let bytes = export(&app, "DK", BookFormat::Csv);
        let same = ok("same", app.reconcile_file(&sys, "DK", None, "so.csv", Cursor::new(bytes.clone())));
        assert_eq!(same.matched, 2);
        assert!(
            same.only_in_file.is_empty() && same.only_in_coso.is_empty() && same.differing.is_empty(),
            "{same:?}"
        );

        // The copy: one member's home town changed, the other's row removed, a stranger added.
        let mut rows: Vec<Vec<String>> = Vec::new();
        coso_report::sheet::each_row(
            Cursor::new(bytes),
            |_, cells| -> Result<(), coso_report::ReportError> {
                rows.push(cells);
                Ok(())
            },
        )
        .unwrap();
        let first = rows.iter().position(|r| r.iter().any(|c| c.starts_with("DV001"))).unwrap();
        let home = rows[0].iter().position(|h| h == "Quê quán").unwrap();
        rows[first][home] = "Xã Mai Pha, Lạng Sơn".into();
        let mut stranger = rows[first].clone();
        rows.retain(|r| !r.iter().any(|c| c.starts_with("DV002")));
        for cell in stranger.iter_mut() {
            *cell = cell
                .replace("DV001", "DV099")
                .replace("Vi Văn Một", "Vi Văn Lạ")
                .replace("020080000001", "020080000099");
        }
        rows.push(stranger);
        let quoted = |c: &String| format!("\"{}\"", c.replace('"', "\"\""));
        let edited: Vec<u8> = rows
            .iter()
            .map(|r| r.iter().map(quoted).collect::<Vec<_>>().join(","))
            .collect::<Vec<_>>()
            .join("\n")
            .into_bytes();
        let id = ok("start", app.start_reconciliation(&sys, "DK", None, "so-sua.csv", edited));
        let found = ok("open", app.reconciliation(&sys, &id));
        assert_eq!(found.matched, 1);
        let cards =
            |v: &[coso_app::members::OneSide]| v.iter().map(|l| l.card_number.clone()).collect::<Vec<_>>();
        assert_eq!(cards(&found.only_in_file), ["DV099"]);
        assert_eq!(cards(&found.only_in_coso), ["DV002"]);
        let diffs: Vec<(&str, &str, &str, &str)> = found
            .differing
            .iter()
            .map(|d| (d.card_number.as_str(), d.field.as_str(), d.coso.as_str(), d.file.as_str()))
            .collect();
        assert_eq!(diffs, [("DV001", "Quê quán", "Xã Hoàng Đồng, Lạng Sơn", "Xã Mai Pha, Lạng Sơn")]);
        assert!(!found.settled());

        // Settled: the field corrected from the file (audited), the two others explained.
        let trail = audit_rows(db);
        let d = &found.differing[0];
        ok("correct", app.correct_from_file(&sys, &id, &d.membership_id, &d.field_code));
        assert!(audit_rows(db) > trail);
        for key in ["DV099", "DV002"] {
            let note = ExplainInput {
                member_key: key.into(),
                field: String::new(),
                note: "Đang chuyển sinh hoạt".into(),
            };
            ok("explain", app.explain_difference(&sys, &id, note));
        }
        let after = ok("again", app.reconciliation(&sys, &id));
        assert!(after.differing.is_empty(), "{:?}", after.differing);
        assert!(after.settled());
        // Explaining needs a reason; a viewer can look but not settle.
        let empty = ExplainInput { member_key: "DV002".into(), field: String::new(), note: " ".into() };
        assert!(matches!(app.explain_difference(&sys, &id, empty), Err(AppError::Invalid(_))));
        let viewer = account(&app, "xem", "viewer", Some("TU"));
        assert!(!ok("view", app.reconciliation(&viewer, &id)).can_settle);
        let note = ExplainInput { member_key: "DV002".into(), field: String::new(), note: "x".into() };
        let trail = audit_rows(db);
        assert!(matches!(app.explain_difference(&viewer, &id, note), Err(AppError::Forbidden)));
        assert_eq!(audit_rows(db), trail, "a refused explanation writes nothing");
    });
}

/// A list as an office makes it in Excel: a merged title above the table, a heading merged
/// across two columns (its text in the first), a hidden row, dates as Excel dates.
#[test]
fn an_office_spreadsheet_with_merged_cells_and_excel_dates_reads_as_written() {
    each_backend(|db| {
        let app = city(db);
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let merged = rust_xlsxwriter::Format::new();
        sheet.merge_range(0, 0, 0, 5, "DANH SÁCH ĐẢNG VIÊN CHI BỘ KHỐI 1", &merged).unwrap();
        sheet.merge_range(2, 0, 2, 1, "Họ và tên", &merged).unwrap();
        for (col, head) in [(2, "Ngày sinh"), (3, "Giới tính"), (4, "Ngày vào Đảng"), (5, "Số CCCD")]
        {
            sheet.write_string(2, col, head).unwrap();
        }
        let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        let day = |y, m, d| rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, d).unwrap();
        for (row, name, cccd) in [(3, "Hà Văn Gộp", "020090000031"), (4, "Hà Thị Ẩn", "020090000032")]
        {
            sheet.write_string(row, 0, name).unwrap();
            sheet.write_datetime_with_format(row, 2, day(1990, 4, 12), &date).unwrap();
            sheet.write_string(row, 3, "Nam").unwrap();
            sheet.write_datetime_with_format(row, 4, day(2021, 3, 1), &date).unwrap();
            sheet.write_string(row, 5, cccd).unwrap();
        }
        sheet.set_row_hidden(4).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let report = ok("import", import(&app, &Actor::system(), "DK-C1", &bytes, false));
        assert_eq!((report.rows, report.created, report.header_row), (2, 2, 3), "{:?}", report.errors);
        // The hidden row is read like any other: the preview lists it for the user to see.
        assert_eq!(
            roll(&app, "DK-C1").iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
            ["Hà Thị Ẩn", "Hà Văn Gộp"]
        );
        let detail = {
            let id = ok("list", app.list_members(&Actor::system(), &common::query("Hà Văn Gộp"))).members[0]
                .id
                .clone();
            ok("detail", app.member_detail(&Actor::system(), &id))
        };
        assert_eq!(
            (detail.summary.born_on, detail.summary.admitted_on),
            (common::d(1990, 4, 12), common::d(2021, 3, 1))
        );
    });
}
