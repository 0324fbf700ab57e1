//! The member register as committees exchange it (Sổ danh sách đảng viên, Mẫu 7-HSĐV; domain.md
//! §3, issue 12): its fourteen columns, how a header names them (with or without diacritics),
//! and what a cell written for a spreadsheet must not start with.

/// One column of the register: its place, the heading the book prints, and the headings a
/// simple list may use for it instead (folded: lowercase, no diacritics, đ→d).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub number: u8,
    pub heading: &'static str,
    pub aliases: &'static [&'static str],
}

/// The fourteen columns of Mẫu 7-HSĐV, in the book's order (domain.md §3).
pub const REGISTER_COLUMNS: [Column; 14] = [
    Column { number: 1, heading: "Số thứ tự", aliases: &["stt", "tt"] },
    Column {
        number: 2,
        heading: "Họ và tên khai sinh, họ và tên đang dùng",
        aliases: &["ho va ten", "ho ten"],
    },
    Column { number: 3, heading: "Giới tính, dân tộc, tôn giáo", aliases: &["gioi tinh"] },
    Column { number: 4, heading: "Quê quán", aliases: &["que quan", "que"] },
    Column {
        number: 5,
        heading: "Giáo dục phổ thông, lý luận chính trị, chuyên môn nghiệp vụ, ngoại ngữ",
        aliases: &["trinh do", "giao duc pho thong"],
    },
    Column {
        number: 6, heading: "Nghề nghiệp trước khi vào Đảng và hiện nay", aliases: &["nghe nghiep"]
    },
    Column {
        number: 7,
        heading: "Ngày vào Đảng, ngày chính thức",
        aliases: &["ngay vao dang", "ngay ket nap"],
    },
    Column {
        number: 8,
        heading: "Số thẻ đảng viên, số lý lịch, số huy hiệu",
        aliases: &["so the dang vien", "so the", "so the dang"],
    },
    Column {
        number: 9, heading: "Quân đội, công an, hưu trí", aliases: &["quan doi, cong an, huu tri"]
    },
    Column {
        number: 10,
        heading: "Ngày chuyển đi, chuyển đến tổ chức cơ sở đảng",
        aliases: &["ngay chuyen di"],
    },
    Column {
        number: 11, heading: "Ngày chuyển đến, từ tổ chức cơ sở đảng", aliases: &["ngay chuyen den"]
    },
    Column { number: 12, heading: "Ngày từ trần", aliases: &["ngay tu tran"] },
    Column {
        number: 13, heading: "Ngày và hình thức ra khỏi Đảng", aliases: &["ngay ra khoi dang"]
    },
    Column { number: 14, heading: "Ghi chú", aliases: &["ghi chu"] },
];

/// The register column a header cell names, if any: its own heading or one of its aliases,
/// compared folded and with spaces collapsed.
pub fn column_named(header: &str) -> Option<&'static Column> {
    let folded = crate::text::fold(header).split_whitespace().collect::<Vec<_>>().join(" ");
    REGISTER_COLUMNS
        .iter()
        .find(|c| crate::text::fold(c.heading) == folded || c.aliases.iter().any(|a| *a == folded))
}

/// A cell's text made safe for a spreadsheet: text starting with `=`, `+`, `-` or `@` would be
/// read as a formula by Excel, so it is written behind an apostrophe, which Excel does not show.
pub fn neutralize(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_book_has_fourteen_numbered_columns() {
        // Mẫu 7-HSĐV (domain.md §3): fourteen columns in this order.
        for (i, c) in REGISTER_COLUMNS.iter().enumerate() {
            assert_eq!(c.number as usize, i + 1);
        }
        assert_eq!(REGISTER_COLUMNS[7].heading, "Số thẻ đảng viên, số lý lịch, số huy hiệu");
    }

    #[test]
    fn a_header_names_its_column_with_or_without_diacritics() {
        let cases = [
            ("Họ và tên", Some(2)),
            ("HO VA TEN", Some(2)),
            ("  Số   thẻ đảng viên ", Some(8)),
            ("Ghi chú", Some(14)),
            ("Số thẻ đảng viên, số lý lịch, số huy hiệu", Some(8)),
            ("Ngày vào Đảng", Some(7)),
            ("Màu tóc", None),
        ];
        for (header, want) in cases {
            assert_eq!(column_named(header).map(|c| c.number), want, "{header}");
        }
    }

    #[test]
    fn formulas_are_neutralized_and_text_is_kept() {
        let cases = [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+84 123", "'+84 123"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("Nguyễn Văn A", "Nguyễn Văn A"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(neutralize(text), want, "{text}");
        }
    }
}
