//! The member register as committees exchange it (Sổ danh sách đảng viên, Mẫu 7-HSĐV; domain.md
//! §3, issue 12): its fourteen columns, the simpler lists people keep instead (a header row
//! naming the fields, with or without diacritics), how a header row becomes a [`Layout`], how a
//! row becomes the [`Values`] of coso's fields, and what a cell written for a spreadsheet must
//! not start with.
use std::collections::BTreeMap;

use crate::text::fold;

/// A field of coso's member record that a register or a list carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    FullName,
    BirthName,
    BornOn,
    Sex,
    Ethnicity,
    Religion,
    HomeTown,
    Residence,
    Education,
    TheoryLevel,
    Profession,
    Occupation,
    AdmittedOn,
    OfficialOn,
    CardNumber,
    RecordNumber,
    Cccd,
    Phone,
    /// The cell the member is active in: its code or its name.
    Cell,
    /// The day the member arrived by transfer (column 11).
    EnteredOn,
    /// The day the member transferred out (column 10): such a member is not on the roll.
    TransferredOutOn,
    /// The day of death (column 12).
    DiedOn,
    /// The day and form of leaving the Party (column 13).
    LeftOn,
    Note,
}

impl Field {
    /// Every field, in the order a simple list shows them.
    pub const ALL: [Field; 24] = [
        Field::FullName,
        Field::BirthName,
        Field::BornOn,
        Field::Sex,
        Field::Ethnicity,
        Field::Religion,
        Field::HomeTown,
        Field::Residence,
        Field::Education,
        Field::TheoryLevel,
        Field::Profession,
        Field::Occupation,
        Field::AdmittedOn,
        Field::OfficialOn,
        Field::CardNumber,
        Field::RecordNumber,
        Field::Cccd,
        Field::Phone,
        Field::Cell,
        Field::EnteredOn,
        Field::TransferredOutOn,
        Field::DiedOn,
        Field::LeftOn,
        Field::Note,
    ];

    /// The field's name in Vietnamese, as a list's header writes it.
    pub fn label(self) -> &'static str {
        match self {
            Field::FullName => "Họ và tên",
            Field::BirthName => "Họ và tên khai sinh",
            Field::BornOn => "Ngày sinh",
            Field::Sex => "Giới tính",
            Field::Ethnicity => "Dân tộc",
            Field::Religion => "Tôn giáo",
            Field::HomeTown => "Quê quán",
            Field::Residence => "Nơi cư trú",
            Field::Education => "Giáo dục phổ thông",
            Field::TheoryLevel => "Lý luận chính trị",
            Field::Profession => "Chuyên môn nghiệp vụ",
            Field::Occupation => "Nghề nghiệp",
            Field::AdmittedOn => "Ngày vào Đảng",
            Field::OfficialOn => "Ngày chính thức",
            Field::CardNumber => "Số thẻ đảng viên",
            Field::RecordNumber => "Số lý lịch",
            Field::Cccd => "Số CCCD",
            Field::Phone => "Điện thoại",
            Field::Cell => "Chi bộ",
            Field::EnteredOn => "Ngày chuyển đến",
            Field::TransferredOutOn => "Ngày chuyển đi",
            Field::DiedOn => "Ngày từ trần",
            Field::LeftOn => "Ngày ra khỏi Đảng",
            Field::Note => "Ghi chú",
        }
    }

    /// Other headings a simple list uses for the field (folded: lowercase, no diacritics).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::FullName => &["ho ten", "ho va ten dang dung", "ten dang vien"],
            Field::BirthName => &["ho ten khai sinh", "ten khai sinh"],
            Field::BornOn => &["ngay thang nam sinh", "sinh ngay"],
            Field::Sex => &["gioi"],
            Field::HomeTown => &["que"],
            Field::Residence => &["noi o", "noi o hien nay", "cho o hien nay", "dia chi"],
            Field::Education => &["trinh do hoc van", "van hoa", "trinh do van hoa"],
            Field::TheoryLevel => &["trinh do ly luan chinh tri", "llct"],
            Field::Profession => &["chuyen mon", "trinh do chuyen mon"],
            Field::Occupation => &["nghe nghiep hien nay", "cong viec hien nay", "chuc vu, noi cong tac"],
            Field::AdmittedOn => &["ngay ket nap", "ngay vao dang"],
            Field::CardNumber => &["so the", "so the dang", "the dang vien"],
            Field::RecordNumber => &["so ll", "so ho so"],
            Field::Cccd => {
                &["cccd", "can cuoc cong dan", "so can cuoc", "so dinh danh", "so dinh danh ca nhan"]
            }
            Field::Phone => &["so dien thoai", "sdt", "dt"],
            Field::Cell => &["chi bo sinh hoat", "ma chi bo", "noi sinh hoat"],
            _ => &[],
        }
    }

    /// The field of the member form and API an error names (`born_on`, `card_number`…).
    pub fn of_input(name: &str) -> Option<Field> {
        Some(match name {
            "full_name" => Field::FullName,
            "birth_name" => Field::BirthName,
            "born_on" => Field::BornOn,
            "sex" => Field::Sex,
            "cccd" => Field::Cccd,
            "phone" => Field::Phone,
            "card_number" => Field::CardNumber,
            "record_number" => Field::RecordNumber,
            "org_code" => Field::Cell,
            "admitted_on" => Field::AdmittedOn,
            "official_on" => Field::OfficialOn,
            "entry_on" => Field::EnteredOn,
            _ => return None,
        })
    }
}

/// One column of the register: its place, the heading the book prints, and the fields it holds
/// one per line (`None`: a line coso does not keep, such as the party-badge number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub number: u8,
    pub heading: &'static str,
    pub fields: &'static [Option<Field>],
    /// Whether a single-line cell may list its fields separated by commas ("Nam, Kinh, Không").
    pub commas: bool,
}

const fn column(number: u8, heading: &'static str, fields: &'static [Option<Field>], commas: bool) -> Column {
    Column { number, heading, fields, commas }
}

/// The fourteen columns of Mẫu 7-HSĐV, in the book's order (domain.md §3).
pub const REGISTER_COLUMNS: [Column; 14] = [
    column(1, "Số thứ tự", &[], false),
    column(
        2,
        "Họ và tên khai sinh, họ và tên đang dùng",
        &[Some(Field::FullName), Some(Field::BirthName)],
        false,
    ),
    column(
        3,
        "Giới tính, dân tộc, tôn giáo",
        &[Some(Field::Sex), Some(Field::Ethnicity), Some(Field::Religion)],
        true,
    ),
    column(4, "Quê quán", &[Some(Field::HomeTown)], false),
    column(
        5,
        "Giáo dục phổ thông, lý luận chính trị, chuyên môn nghiệp vụ, ngoại ngữ",
        &[Some(Field::Education), Some(Field::TheoryLevel), Some(Field::Profession), None],
        false,
    ),
    column(6, "Nghề nghiệp trước khi vào Đảng và hiện nay", &[Some(Field::Occupation)], false),
    column(7, "Ngày vào Đảng, ngày chính thức", &[Some(Field::AdmittedOn), Some(Field::OfficialOn)], true),
    column(
        8,
        "Số thẻ đảng viên, số lý lịch, số huy hiệu",
        &[Some(Field::CardNumber), Some(Field::RecordNumber), None],
        true,
    ),
    column(9, "Quân đội, công an, hưu trí", &[], false),
    column(
        10,
        "Ngày chuyển đi, chuyển đến tổ chức cơ sở đảng",
        &[Some(Field::TransferredOutOn), None],
        false,
    ),
    column(11, "Ngày chuyển đến, từ tổ chức cơ sở đảng", &[Some(Field::EnteredOn), None], false),
    column(12, "Ngày từ trần", &[Some(Field::DiedOn)], false),
    column(13, "Ngày và hình thức ra khỏi Đảng", &[Some(Field::LeftOn), None], false),
    column(14, "Ghi chú", &[Some(Field::Note)], false),
];

/// The columns coso writes after the book's fourteen: what the book leaves to the member's
/// record but a register must carry to be read back whole.
pub const EXTRA_FIELDS: [Field; 5] =
    [Field::BornOn, Field::Cccd, Field::Residence, Field::Phone, Field::Cell];

/// The fields a register may correct on a member coso has: the person's and the numbers of the
/// record. The cell, the dates of the record and leaving the roll change by events.
pub const CORRECTABLE: [Field; 16] = [
    Field::FullName,
    Field::BirthName,
    Field::BornOn,
    Field::Sex,
    Field::Ethnicity,
    Field::Religion,
    Field::HomeTown,
    Field::Residence,
    Field::Education,
    Field::TheoryLevel,
    Field::Profession,
    Field::Occupation,
    Field::Cccd,
    Field::Phone,
    Field::CardNumber,
    Field::RecordNumber,
];

/// The fields whose difference between two registers is an event of the member's life: the
/// cell, the dates of the record, leaving the roll.
pub const BY_EVENTS: [Field; 6] = [
    Field::Cell,
    Field::AdmittedOn,
    Field::OfficialOn,
    Field::TransferredOutOn,
    Field::DiedOn,
    Field::LeftOn,
];

/// What a header cell names: a column of the book (several fields) or one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Column(&'static Column),
    Field(Field),
}

impl Slot {
    fn fields(self) -> Vec<Field> {
        match self {
            Slot::Column(c) => c.fields.iter().flatten().copied().collect(),
            Slot::Field(f) => vec![f],
        }
    }
}

/// What a header cell names, if anything: a heading of the book, or a field by its label or
/// an alias, compared folded (no diacritics, case or repeated spaces).
pub fn slot_named(header: &str) -> Option<Slot> {
    let folded = fold(header.trim());
    if folded.is_empty() {
        return None;
    }
    if let Some(c) = REGISTER_COLUMNS.iter().find(|c| fold(c.heading) == folded) {
        return Some(Slot::Column(c));
    }
    Field::ALL
        .iter()
        .find(|f| fold(f.label()) == folded || f.aliases().contains(&folded.as_str()))
        .map(|f| Slot::Field(*f))
}

/// How a file's columns map to coso's fields, read off its header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// (column index from 0, what it holds, its header as written).
    slots: Vec<(usize, Slot, String)>,
}

/// The fields a row must carry for coso to enter a member.
pub const REQUIRED: [Field; 4] = [Field::FullName, Field::BornOn, Field::Sex, Field::AdmittedOn];

/// The header row is looked for among a file's first rows (the party's header above it).
pub const HEADER_SEARCH_ROWS: usize = 20;

impl Layout {
    /// The layout a row names, when it is a header: at least three of its cells name something.
    pub fn of_header(cells: &[String]) -> Option<Layout> {
        let slots: Vec<(usize, Slot, String)> = cells
            .iter()
            .enumerate()
            .filter_map(|(i, h)| slot_named(h).map(|s| (i, s, h.trim().to_string())))
            .collect();
        (slots.len() >= 3).then_some(Layout { slots })
    }

    /// What is wrong with the header for an import: required fields no column holds, and a
    /// field two columns hold.
    pub fn problems(&self) -> Vec<String> {
        let mut seen: BTreeMap<Field, &str> = BTreeMap::new();
        let mut found = Vec::new();
        for (_, slot, header) in &self.slots {
            for f in slot.fields() {
                if let Some(first) = seen.insert(f, header) {
                    found.push(format!("Hai cột cùng ghi «{}»: «{first}» và «{header}».", f.label()));
                }
            }
        }
        for f in REQUIRED {
            if !seen.contains_key(&f) {
                found.push(format!("Thiếu cột «{}».", f.label()));
            }
        }
        found
    }

    /// The header of the column that holds a field, as the file writes it.
    pub fn header_of(&self, field: Field) -> Option<&str> {
        self.slots.iter().find(|(_, s, _)| s.fields().contains(&field)).map(|(_, _, h)| h.as_str())
    }

    /// The index (from 0) of the column that holds a field.
    pub fn index_of(&self, field: Field) -> Option<usize> {
        self.slots.iter().find(|(_, s, _)| s.fields().contains(&field)).map(|(i, _, _)| *i)
    }

    /// Whether a row under the header is the row of column numbers forms print ("1 2 3 …").
    pub fn is_numbering(cells: &[String]) -> bool {
        let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
        filled.len() >= 3 && filled.iter().all(|c| c.trim().parse::<u16>().is_ok())
    }

    /// A row's values by field; a column of the book is split by lines (or by commas where it
    /// lists short values on one line), the apostrophe of a neutralized cell dropped. Absent
    /// columns give no value; empty cells give "".
    pub fn read(&self, cells: &[String]) -> Values {
        let mut values = BTreeMap::new();
        for (i, slot, _) in &self.slots {
            let cell = cells.get(*i).map_or("", String::as_str);
            match slot {
                Slot::Field(f) => {
                    values.insert(*f, unneutralize(&one_line(cell)).to_string());
                }
                Slot::Column(c) => {
                    let cell = unneutralize(cell);
                    let mut parts: Vec<String> = cell.split('\n').map(|l| l.trim().to_string()).collect();
                    if parts.len() == 1 && c.commas {
                        parts = cell.split(',').map(|l| l.trim().to_string()).collect();
                    }
                    for (k, f) in c.fields.iter().enumerate() {
                        if let Some(f) = f {
                            values.insert(*f, parts.get(k).cloned().unwrap_or_default());
                        }
                    }
                }
            }
        }
        Values(values)
    }
}

/// One line of text from a cell: line breaks inside it become spaces.
fn one_line(cell: &str) -> String {
    cell.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A row's values by field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values(pub BTreeMap<Field, String>);

impl Values {
    /// The value of a field, "" when its column is empty or absent.
    pub fn get(&self, field: Field) -> &str {
        self.0.get(&field).map_or("", String::as_str)
    }

    /// Whether the file has a column for the field.
    pub fn has(&self, field: Field) -> bool {
        self.0.contains_key(&field)
    }

    /// Whether every cell of the row is empty.
    pub fn is_blank(&self) -> bool {
        self.0.values().all(|v| v.is_empty())
    }
}

/// A value as the book writes it, for comparing a file's with coso's: dates dd/mm/yyyy, sex
/// in words, spaces collapsed.
pub fn canonical(field: Field, text: &str) -> String {
    let one = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match field {
        Field::BornOn | Field::AdmittedOn | Field::OfficialOn | Field::EnteredOn => {
            crate::date::parse(&one).map(crate::date::format).unwrap_or(one)
        }
        Field::Sex => sex_named(&one).map_or(one, |s| s.label().to_string()),
        _ => one,
    }
}

/// A sex as a register writes it: "Nam"/"Nữ" (or the codes).
pub fn sex_named(text: &str) -> Option<crate::member::Sex> {
    match fold(text.trim()).as_str() {
        "nam" | "male" | "m" => Some(crate::member::Sex::Male),
        "nu" | "female" | "f" => Some(crate::member::Sex::Female),
        _ => None,
    }
}

/// A cell's text made safe for a spreadsheet: text starting with `=`, `+`, `-` or `@` would be
/// read as a formula by Excel, so it is written behind an apostrophe, which Excel does not show.
pub fn neutralize(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() }
}

/// A cell's text as read back: the apostrophe [`neutralize`] put before a formula sign is
/// dropped, so an export reads back as it was.
pub fn unneutralize(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn the_book_has_fourteen_numbered_columns() {
        // Mẫu 7-HSĐV (domain.md §3): fourteen columns in this order.
        for (i, c) in REGISTER_COLUMNS.iter().enumerate() {
            assert_eq!(c.number as usize, i + 1);
        }
        assert_eq!(REGISTER_COLUMNS[7].heading, "Số thẻ đảng viên, số lý lịch, số huy hiệu");
    }

    #[test]
    fn a_header_names_a_column_of_the_book_or_a_field_with_or_without_diacritics() {
        let column = |n: usize| Some(Slot::Column(&REGISTER_COLUMNS[n - 1]));
        let cases = [
            ("Họ và tên", Some(Slot::Field(Field::FullName))),
            ("HO VA TEN", Some(Slot::Field(Field::FullName))),
            ("  Số   thẻ đảng viên ", Some(Slot::Field(Field::CardNumber))),
            ("so the", Some(Slot::Field(Field::CardNumber))),
            ("Ghi chú", column(14)),
            ("Số thẻ đảng viên, số lý lịch, số huy hiệu", column(8)),
            ("ngay vao dang, ngay chinh thuc", column(7)),
            ("Ngày vào Đảng", Some(Slot::Field(Field::AdmittedOn))),
            ("Căn cước công dân", Some(Slot::Field(Field::Cccd))),
            ("Mã chi bộ", Some(Slot::Field(Field::Cell))),
            ("Màu tóc", None),
            ("", None),
        ];
        for (header, want) in cases {
            assert_eq!(slot_named(header), want, "{header}");
        }
    }

    #[test]
    fn a_header_row_needs_three_named_cells_and_the_required_fields() {
        // The party's header above the table names nothing; a title row names one cell.
        assert!(Layout::of_header(&cells(&["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Ghi chú"])).is_none());
        let simple =
            Layout::of_header(&cells(&["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng"]))
                .expect("a header");
        assert!(simple.problems().is_empty(), "{:?}", simple.problems());
        let short = Layout::of_header(&cells(&["Họ và tên", "Giới tính", "Quê quán"])).expect("a header");
        assert_eq!(short.problems(), ["Thiếu cột «Ngày sinh».", "Thiếu cột «Ngày vào Đảng»."]);
        let twice =
            Layout::of_header(&cells(&["Họ và tên", "Ho ten", "Ngày sinh", "Giới tính", "Ngày vào Đảng"]))
                .expect("a header");
        assert_eq!(twice.problems(), ["Hai cột cùng ghi «Họ và tên»: «Họ và tên» và «Ho ten»."]);
    }

    #[test]
    fn a_row_of_the_book_splits_by_lines_or_by_commas_where_the_column_lists_short_values() {
        let headers: Vec<String> = REGISTER_COLUMNS.iter().map(|c| c.heading.to_string()).collect();
        let layout = Layout::of_header(&headers).expect("the book's header");
        let row = cells(&[
            "1",
            "Nguyễn Văn Thử\nNguyễn Văn Tí",
            "Nam, Kinh, Không",
            "Đông Kinh, Lạng Sơn",
            "12/12\n\nCử nhân Luật, Kinh tế\nAnh B",
            "Giáo viên",
            "03/02/2010\n03/02/2011",
            "123456\nLS-001\n",
            "",
            "",
            "01/05/2015\nĐảng bộ xã X",
            "",
            "",
            "",
        ]);
        let v = layout.read(&row);
        let want = [
            (Field::FullName, "Nguyễn Văn Thử"),
            (Field::BirthName, "Nguyễn Văn Tí"),
            (Field::Sex, "Nam"),
            (Field::Ethnicity, "Kinh"),
            (Field::Religion, "Không"),
            // Quê quán is one field: its comma stays.
            (Field::HomeTown, "Đông Kinh, Lạng Sơn"),
            (Field::Education, "12/12"),
            (Field::TheoryLevel, ""),
            // Column 5 is split by lines only: a profession may hold a comma.
            (Field::Profession, "Cử nhân Luật, Kinh tế"),
            (Field::Occupation, "Giáo viên"),
            (Field::AdmittedOn, "03/02/2010"),
            (Field::OfficialOn, "03/02/2011"),
            (Field::CardNumber, "123456"),
            (Field::RecordNumber, "LS-001"),
            (Field::EnteredOn, "01/05/2015"),
            (Field::DiedOn, ""),
        ];
        for (f, text) in want {
            assert_eq!(v.get(f), text, "{f:?}");
        }
        assert!(v.has(Field::DiedOn) && !v.has(Field::Cccd) && !v.has(Field::BornOn));
        assert_eq!(layout.header_of(Field::OfficialOn), Some("Ngày vào Đảng, ngày chính thức"));
        assert_eq!(layout.index_of(Field::CardNumber), Some(7));
    }

    #[test]
    fn the_numbering_row_under_a_header_is_recognised() {
        assert!(Layout::is_numbering(&cells(&["1", "2", "3", "4", ""])));
        assert!(!Layout::is_numbering(&cells(&["1", "Nguyễn Văn Thử", "3"])));
        assert!(!Layout::is_numbering(&cells(&["", "", ""])));
    }

    #[test]
    fn values_compare_as_the_book_writes_them() {
        let cases = [
            (Field::BornOn, "1980-02-01", "01/02/1980"),
            (Field::AdmittedOn, "1.2.2010", "01/02/2010"),
            (Field::OfficialOn, "không rõ", "không rõ"),
            (Field::Sex, "nu", "Nữ"),
            (Field::HomeTown, "  Xã   Mai Pha ", "Xã Mai Pha"),
        ];
        for (field, text, want) in cases {
            assert_eq!(canonical(field, text), want, "{field:?} {text}");
        }
    }

    #[test]
    fn sexes_read_as_registers_write_them() {
        use crate::member::Sex;
        let cases =
            [("Nam", Some(Sex::Male)), ("NỮ", Some(Sex::Female)), ("nu", Some(Sex::Female)), ("x", None)];
        for (text, want) in cases {
            assert_eq!(sex_named(text), want, "{text}");
        }
    }

    #[test]
    fn formulas_are_neutralized_and_read_back_as_written() {
        let cases = [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+84 123", "'+84 123"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("Nguyễn Văn A", "Nguyễn Văn A"),
            ("'quoted", "'quoted"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(neutralize(text), want, "{text}");
            assert_eq!(unneutralize(&neutralize(text)), text, "{text}");
        }
    }

    #[test]
    fn every_field_a_form_error_names_has_a_column() {
        for name in
            ["full_name", "born_on", "sex", "cccd", "card_number", "org_code", "admitted_on", "official_on"]
        {
            assert!(Field::of_input(name).is_some(), "{name}");
        }
        assert_eq!(Field::of_input("colour"), None);
    }
}
