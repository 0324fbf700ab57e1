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

/// A name thousands of members share (issue 9.3): the search reads the roll in name order,
/// the names starting with the text first, and stops at its page; it counts up to 1,000 and
/// says there are more, and pages on by number and by cursor in the same order. A narrow name
/// is counted exactly.
#[test]
fn a_broad_name_search_pages_in_name_order_and_caps_its_count() {
    let given = ["An", "Bình", "Cường", "Dũng", "Hà", "Khánh", "Lan", "Minh", "Nga", "Sơn"];
    let other_middle = ["Thị", "Đức", "Hữu"];
    each_backend(|db| {
        let app = city(db);
        let mut rows = Vec::new();
        for i in 0..3_000 {
            // Most are Nguyễn; some Lê Nguyễn, whose names contain "nguyen van" later.
            let family = match i % 10 {
                9 => "Hoàng",
                8 => "Lê Nguyễn",
                _ => "Nguyễn",
            };
            let middle = if i % 5 == 4 { other_middle[(i / 5) % 3] } else { "Văn" };
            let name = format!("{family} {middle} {} {i:04}", given[(i / 11) % 10]);
            rows.push(row(&name, if i % 2 == 0 { "DK-C1" } else { "VT-C1" }, &format!("N{i:05}")));
        }
        assert_eq!(ok("import", import(&app, &rows)), 3_000);
        let fold = |s: &str| coso_domain::text::fold(s);
        let mut want: Vec<String> =
            rows.iter().map(|r| r.full_name.clone()).filter(|n| fold(n).contains("nguyen van")).collect();
        // Names starting with the text first, then those containing it later, each by name.
        want.sort_by_key(|n| (!fold(n).starts_with("nguyen van"), fold(n)));
        assert!(want.len() > 2_000, "the test needs a name more than 2,000 members share");

        let search = |page: i64, after: Option<String>| {
            let q = MemberQuery {
                q: Some("Nguyễn Văn".into()),
                page: Some(page),
                per_page: Some(25),
                after,
                ..MemberQuery::default()
            };
            ok("search", app.list_members(&Actor::system(), &q))
        };
        let names = |p: &coso_app::members::MemberPage| -> Vec<String> {
            p.members.iter().map(|m| m.full_name.clone()).collect()
        };
        let first = search(1, None);
        assert!(first.total_capped, "a count past 1,000 is capped");
        assert_eq!(first.total, 1_000);
        assert_eq!(names(&first), want[..25]);
        assert!(first.has_next());
        let second = search(2, first.next_after.clone());
        assert_eq!(names(&second), want[25..50], "the next page by cursor");
        // Past the cap, by number and by cursor, the order holds.
        let deep = search(41, None);
        assert_eq!(names(&deep), want[1_000..1_025], "page 41 by number");
        let after = search(42, deep.next_after.clone());
        assert_eq!(names(&after), want[1_025..1_050], "page 42 by cursor");
        assert!(after.total_capped);
        // The page where the names starting with the text end and the others begin.
        let starting = want.iter().filter(|n| fold(n).starts_with("nguyen van")).count();
        assert!(starting < want.len(), "the test needs names containing the text later");
        let p = starting as i64 / 25 + 1;
        let turn = search(p, None);
        let end = (p as usize * 25).min(want.len());
        assert_eq!(names(&turn), want[(p as usize - 1) * 25..end], "page {p}, where the two parts meet");

        // Within one cell, and a name few share: counted exactly.
        let q =
            MemberQuery { q: Some("nguyen van".into()), org: Some("DK-C1".into()), ..MemberQuery::default() };
        let in_cell = ok("in a cell", app.list_members(&Actor::system(), &q));
        let cell_want = rows
            .iter()
            .filter(|r| r.org_code == "DK-C1" && fold(&r.full_name).contains("nguyen van"))
            .count() as i64;
        assert_eq!(
            (in_cell.total.min(1_000), in_cell.total_capped),
            (cell_want.min(1_000), cell_want > 1_000)
        );
        // A narrower name goes by the name index, in the same order.
        let q =
            MemberQuery { q: Some("Nguyễn Văn An".into()), per_page: Some(200), ..MemberQuery::default() };
        let an = ok("narrower", app.list_members(&Actor::system(), &q));
        let mut an_want: Vec<String> =
            want.iter().filter(|n| fold(n).contains("nguyen van an")).cloned().collect();
        an_want.sort_by_key(|n| (!fold(n).starts_with("nguyen van an"), fold(n)));
        assert!(an_want.iter().any(|n| !fold(n).starts_with("nguyen van an")), "some contain it later");
        assert_eq!((an.total, an.total_capped), (an_want.len() as i64, false));
        assert_eq!(names(&an), an_want[..an_want.len().min(200)]);
        let q = MemberQuery { q: Some("Hoàng Hữu".into()), ..MemberQuery::default() };
        let narrow = ok("narrow", app.list_members(&Actor::system(), &q));
        let narrow_want = rows.iter().filter(|r| fold(&r.full_name).contains("hoang huu")).count() as i64;
        assert_eq!((narrow.total, narrow.total_capped), (narrow_want, false));
    });
}
