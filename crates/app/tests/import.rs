//! The bulk path of the register (issue 9.4) on each backend: a batch enters every member under
//! the rules of a single entry, with the roll and the statistics in step; a refused row names
//! its line and leaves the register as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::{admission, audit_rows, city, d, ok};
use coso_app::members::{MemberInput, MemberQuery};
use coso_app::{Actor, App, AppError, AppResult};
use coso_testkit::each_backend;

fn row(name: &str, cell: &str, card: &str) -> MemberInput {
    MemberInput { card_number: Some(card.into()), ..admission(name, "1990-05-01", cell, "2016-03-01") }
}

fn import(app: &App, rows: &[MemberInput]) -> AppResult<usize> {
    app.transaction(|tx| tx.import_members(&Actor::system(), rows)).map(|i| i.members)
}

fn roll(app: &App, code: &str) -> Vec<String> {
    let q = MemberQuery { org: Some(code.into()), per_page: Some(100), ..MemberQuery::default() };
    ok(code, app.list_members(&Actor::system(), &q)).members.into_iter().map(|m| m.full_name).collect()
}

#[test]
fn a_batch_enters_every_member_with_the_roll_and_the_statistics_in_step() {
    each_backend(|db| {
        let app = city(db);
        let rows = [
            row("Vi Văn Một", "DK-C1", "A1"),
            row("Lò Thị Hai", "DK-C1", "A2"),
            row("Mông Văn Ba", "VT-C1", "A3"),
        ];
        assert_eq!(ok("import", import(&app, &rows)), 3);
        assert_eq!(roll(&app, "DK-C1"), ["Lò Thị Hai", "Vi Văn Một"]);
        assert_eq!(roll(&app, "TU"), ["Lò Thị Hai", "Mông Văn Ba", "Vi Văn Một"]);
        let stats = ok("stats", app.org_stats(&Actor::system(), d(2016, 6, 1)));
        assert_eq!(stats.members_probationary, 3);
        assert_eq!(ok("stats", app.org_stats(&Actor::system(), d(2016, 2, 1))).members_probationary, 0);
    });
}

#[test]
fn a_refused_row_names_its_line_and_nothing_is_written() {
    each_backend(|db| {
        let app = city(db);
        ok("first", import(&app, &[row("Hà Văn Có", "DK-C1", "B1")]));
        let trail = audit_rows(db);
        type Case<'a> = (&'a str, Vec<MemberInput>, &'a str);
        let cases: Vec<Case> = vec![
            (
                "a card twice in the batch",
                vec![row("Nông Văn Năm", "DK-C1", "C1"), row("Nông Thị Sáu", "DK-C1", "C1")],
                "Dòng 2: Số thẻ đảng viên C1 trùng",
            ),
            (
                "a card already in the register",
                vec![row("Nông Văn Năm", "DK-C1", "C2"), row("Nông Thị Sáu", "DK-C1", "B1")],
                "Số thẻ đảng viên B1 đã có trong sổ.",
            ),
            (
                "an unknown cell",
                vec![row("Nông Văn Năm", "DK-C1", "C3"), row("Nông Thị Sáu", "XX-C9", "C4")],
                "Dòng 2: Không có chi bộ mã XX-C9",
            ),
            (
                "a rule of the entry",
                vec![MemberInput { born_on: "2010-01-01".into(), ..row("Nông Văn Bảy", "DK-C1", "C5") }],
                "Dòng 1: ",
            ),
        ];
        for (label, rows, want) in cases {
            match import(&app, &rows) {
                Err(e @ AppError::Invalid(_)) => assert!(e.to_string().contains(want), "{label}: {e}"),
                other => panic!("{label}: expected a refusal, got {other:?}"),
            }
            assert_eq!(roll(&app, "DK-C1"), ["Hà Văn Có"], "{label}: nothing written");
            assert_eq!(audit_rows(db), trail, "{label}: no trail row");
        }
    });
}
