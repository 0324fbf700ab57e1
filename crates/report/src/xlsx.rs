//! Excel renderers: the register of cell meetings and superior attendance against quotas.
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::ReportError;
use crate::model::{MeetingRegister, MemberRegister, QuotaReport, RatingStatistics};

mod party;
pub use party::party_report;

/// Vietnamese offices print in Times New Roman; the sheets match the Word documents.
const FONT: &str = "Times New Roman";
/// Calm dark red on a pale red ground marks what falls short, as the charts do.
const ALERT_TEXT: u32 = 0xA4161A;
const ALERT_FILL: u32 = 0xFDE2E1;
const HEADER_FILL: u32 = 0xEDEDED;
/// Excel's paper size code for A4.
const A4: u8 = 9;

/// The register of cell meetings: one line per cell, gaps and short meetings highlighted.
pub fn meeting_register(report: &MeetingRegister) -> Result<Vec<u8>, ReportError> {
    const COLUMNS: [(&str, f64); 9] = [
        ("STT", 5.0),
        ("Mã", 10.0),
        ("Chi bộ", 34.0),
        ("Số cuộc thường kỳ", 11.0),
        ("Số cuộc chuyên đề", 11.0),
        ("Tháng không sinh hoạt thường kỳ", 24.0),
        ("Quý không sinh hoạt chuyên đề", 20.0),
        ("Số cuộc không đủ thời lượng", 13.0),
        ("Tỷ lệ dự (%)", 10.0),
    ];
    let f = Formats::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sinh hoạt chi bộ")?;
    sheet.set_landscape();
    let head = heading(sheet, &f, &report.title, &report.subtitle, &[], &COLUMNS)?;

    // Rows follow the header; the line number (STT) counts from 1.
    let rows = (head + 1..).zip(1u32..);
    for ((row, stt), cell) in rows.zip(&report.cells) {
        let months = cell.months_without_regular.join(", ");
        let quarters = cell.quarters_without_thematic.join(", ");
        sheet.write_number_with_format(row, 0, stt, &f.number)?;
        sheet.write_string_with_format(row, 1, &cell.org_code, &f.text)?;
        sheet.write_string_with_format(row, 2, &cell.org_name, &f.text)?;
        sheet.write_number_with_format(row, 3, cell.regular_held as f64, &f.number)?;
        sheet.write_number_with_format(row, 4, cell.thematic_held as f64, &f.number)?;
        // A month or quarter without its meeting breaks 12-HD/BTCTW: the eye must find it.
        sheet.write_string_with_format(row, 5, &months, f.text_or_alert(!months.is_empty()))?;
        sheet.write_string_with_format(row, 6, &quarters, f.text_or_alert(!quarters.is_empty()))?;
        sheet.write_number_with_format(
            row,
            7,
            cell.short_meetings as f64,
            f.number_or_alert(cell.short_meetings > 0),
        )?;
        if cell.attendance_rate.is_finite() {
            sheet.write_number_with_format(row, 8, cell.attendance_rate, &f.percent)?;
        } else {
            sheet.write_blank(row, 8, &f.percent)?;
        }
    }
    if !report.cells.is_empty() {
        let row = (head + 1).saturating_add(u32::try_from(report.cells.len()).unwrap_or(u32::MAX));
        // Sums are written as values, not formulas, so readers that do not recalculate see them.
        let sum = |pick: fn(&crate::model::CellCompliance) -> i64| {
            report.cells.iter().map(pick).sum::<i64>() as f64
        };
        sheet.merge_range(row, 0, row, 2, "Cộng", &f.total_label)?;
        sheet.write_number_with_format(row, 3, sum(|c| c.regular_held), &f.total_number)?;
        sheet.write_number_with_format(row, 4, sum(|c| c.thematic_held), &f.total_number)?;
        sheet.write_blank(row, 5, &f.total_number)?;
        sheet.write_blank(row, 6, &f.total_number)?;
        sheet.write_number_with_format(row, 7, sum(|c| c.short_meetings), &f.total_number)?;
        sheet.write_blank(row, 8, &f.total_number)?;
    }
    Ok(book.save_to_buffer()?)
}

/// The year's rating statistics: per level the number rated and, per tier, the count and its
/// share, with the good-or-better share last; then the units below target on a second sheet.
pub fn rating_statistics(report: &RatingStatistics) -> Result<Vec<u8>, ReportError> {
    const COLUMNS: [(&str, f64); 12] = [
        ("STT", 5.0),
        ("Đối tượng", 30.0),
        ("Tổng số được xếp loại", 11.0),
        ("HTXSNV: số", 9.0),
        ("HTXSNV: tỷ lệ (%)", 9.0),
        ("HTTNV: số", 9.0),
        ("HTTNV: tỷ lệ (%)", 9.0),
        ("HTNV: số", 9.0),
        ("HTNV: tỷ lệ (%)", 9.0),
        ("KHTNV: số", 9.0),
        ("KHTNV: tỷ lệ (%)", 9.0),
        ("Từ HTTNV trở lên (%)", 11.0),
    ];
    let f = Formats::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Xếp loại chất lượng")?;
    sheet.set_landscape();
    let head = heading(sheet, &f, &report.title, &report.subtitle, &[], &COLUMNS)?;
    for ((row, stt), line) in (head + 1..).zip(1u32..).zip(&report.lines) {
        let share = |n: i64| if line.total > 0 { n as f64 / line.total as f64 } else { 0.0 };
        sheet.write_number_with_format(row, 0, stt, &f.number)?;
        sheet.write_string_with_format(row, 1, &line.label, &f.text)?;
        sheet.write_number_with_format(row, 2, line.total as f64, &f.number)?;
        for (i, n) in [line.excellent, line.good, line.complete, line.not_complete].into_iter().enumerate() {
            let col = 3 + 2 * i as u16;
            sheet.write_number_with_format(row, col, n as f64, &f.number)?;
            sheet.write_number_with_format(row, col + 1, share(n), &f.percent)?;
        }
        sheet.write_number_with_format(row, 11, share(line.excellent + line.good), &f.percent)?;
    }
    let below = book.add_worksheet();
    below.set_name("Dưới chỉ tiêu")?;
    let columns = [("STT", 5.0), ("Mã", 12.0), ("Đơn vị", 36.0), ("Lý do", 50.0)];
    let head = heading(below, &f, "ĐƠN VỊ DƯỚI CHỈ TIÊU", &report.subtitle, &[], &columns)?;
    for ((row, stt), (code, name, why)) in (head + 1..).zip(1u32..).zip(&report.below_target) {
        below.write_number_with_format(row, 0, stt, &f.number)?;
        below.write_string_with_format(row, 1, code, &f.text)?;
        below.write_string_with_format(row, 2, name, &f.text)?;
        below.write_string_with_format(row, 3, why, &f.alert_text)?;
    }
    Ok(book.save_to_buffer()?)
}

/// One cell of a plain table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// A share from 0.0 to 1.0, shown as a percentage.
    Percent(f64),
    Empty,
}

/// A plain table in the house's layout: title, subtitle, one header row, one line per row
/// (the pilot board, the training totals).
pub fn table(
    sheet_name: &str,
    title: &str,
    subtitle: &str,
    columns: &[(&str, f64)],
    rows: &[Vec<Cell>],
) -> Result<Vec<u8>, ReportError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name)?;
    sheet.set_landscape();
    let head = heading(sheet, &f, title, subtitle, &[], columns)?;
    for (row, cells) in (head + 1..).zip(rows) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(t) => sheet.write_string_with_format(row, col, t, &f.text)?,
                Cell::Number(n) => sheet.write_number_with_format(row, col, *n, &f.number)?,
                Cell::Percent(p) => sheet.write_number_with_format(row, col, *p, &f.percent)?,
                Cell::Empty => sheet.write_blank(row, col, &f.text)?,
            };
        }
    }
    Ok(book.save_to_buffer()?)
}

/// A unit's member register in the layout of Mẫu 7-HSĐV: the party's header, the fourteen
/// columns of the book and coso's own after them, the row of column numbers, one row a member
/// with the cell column; text only, neutralized against formulas ([`crate::register::cells`]).
pub fn member_register(register: &MemberRegister) -> Result<Vec<u8>, ReportError> {
    let headings = crate::register::headings();
    let f = Formats::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sổ danh sách đảng viên")?;
    sheet.set_landscape();
    let last = u16::try_from(headings.len() - 1).unwrap_or(u16::MAX);
    sheet.merge_range(0, 0, 0, 5, &register.superior_header, &f.subtitle)?;
    sheet.merge_range(0, 6, 0, last, "ĐẢNG CỘNG SẢN VIỆT NAM", &f.title)?;
    sheet.merge_range(1, 0, 1, 5, &register.unit_header, &f.note)?;
    sheet.merge_range(2, 0, 2, last, "SỔ DANH SÁCH ĐẢNG VIÊN", &f.title)?;
    let as_of = format!("(Mẫu 7-HSĐV; tính đến ngày {})", coso_domain::date::format(register.as_of));
    sheet.merge_range(3, 0, 3, last, &as_of, &f.subtitle)?;
    let header = 5;
    for (col, name) in (0u16..).zip(&headings) {
        sheet.write_string_with_format(header, col, name, &f.header)?;
        sheet.write_number_with_format(header + 1, col, f64::from(col) + 1.0, &f.number)?;
        let width = match col {
            0 => 5.0,
            1 | 4 => 26.0,
            _ => 15.0,
        };
        sheet.set_column_width(col, width)?;
    }
    sheet.set_row_height(header, 64)?;
    sheet.set_freeze_panes(header + 2, 2)?;
    sheet.set_repeat_rows(header, header + 1)?;
    sheet.set_paper_size(A4).set_print_fit_to_pages(1, 0);
    for (row, (i, line)) in (header + 2..).zip(register.lines.iter().enumerate()) {
        for (col, text) in (0u16..).zip(crate::register::cells(i + 1, line)) {
            sheet.write_string_with_format(row, col, &text, &f.text)?;
        }
    }
    Ok(book.save_to_buffer()?)
}

/// Superior committee members' attendance of cell meetings against their yearly quota.
pub fn quota_report(report: &QuotaReport) -> Result<Vec<u8>, ReportError> {
    const COLUMNS: [(&str, f64); 7] = [
        ("STT", 5.0),
        ("Họ và tên", 26.0),
        ("Cấp", 22.0),
        ("Văn bản", 14.0),
        ("Định mức/năm", 10.0),
        ("Đã dự", 8.0),
        ("Còn thiếu", 9.0),
    ];
    let f = Formats::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Dự sinh hoạt")?;
    let total = format!("Tổng số lượt dự của cấp ủy viên thành phố: {}", report.total_attendances);
    let head = heading(sheet, &f, &report.title, &report.subtitle, &[total], &COLUMNS)?;

    for ((row, stt), person) in (head + 1..).zip(1u32..).zip(&report.people) {
        sheet.write_number_with_format(row, 0, stt, &f.number)?;
        sheet.write_string_with_format(row, 1, &person.name, &f.text)?;
        sheet.write_string_with_format(row, 2, &person.level, &f.text)?;
        sheet.write_string_with_format(row, 3, &person.document, &f.text)?;
        sheet.write_number_with_format(row, 4, person.required as f64, &f.number)?;
        sheet.write_number_with_format(row, 5, person.attended as f64, &f.number)?;
        sheet.write_number_with_format(
            row,
            6,
            person.shortfall as f64,
            f.number_or_alert(person.shortfall > 0),
        )?;
    }
    Ok(book.save_to_buffer()?)
}

/// Writes the title, subtitle, any note lines and the header row, sets column widths and the
/// A4 print layout, and freezes the panes under the header. Returns the header's row.
fn heading(
    sheet: &mut Worksheet,
    f: &Formats,
    title: &str,
    subtitle: &str,
    notes: &[String],
    columns: &[(&str, f64)],
) -> Result<u32, XlsxError> {
    let last = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    across(sheet, 0, last, title, &f.title)?;
    sheet.set_row_height(0, 22)?;
    across(sheet, 1, last, subtitle, &f.subtitle)?;
    let mut row = 2;
    for note in notes {
        across(sheet, row, last, note, &f.note)?;
        row += 1;
    }
    row += 1; // a blank line between the heading and the table, as on paper
    for (col, (name, width)) in (0u16..).zip(columns) {
        sheet.write_string_with_format(row, col, *name, &f.header)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_row_height(row, 48)?;
    sheet.set_freeze_panes(row + 1, 0)?;
    sheet.set_repeat_rows(row, row)?;
    sheet.set_paper_size(A4).set_print_fit_to_pages(1, 0).set_print_center_horizontally(true);
    Ok(row)
}

/// A line of text across the first `last + 1` columns: merged, or simply written when there is
/// one column, since Excel refuses to merge a single cell.
fn across(sheet: &mut Worksheet, row: u32, last: u16, text: &str, format: &Format) -> Result<(), XlsxError> {
    if last == 0 {
        sheet.write_string_with_format(row, 0, text, format)?;
    } else {
        sheet.merge_range(row, 0, row, last, text, format)?;
    }
    Ok(())
}

/// The cell formats both sheets share.
struct Formats {
    title: Format,
    subtitle: Format,
    note: Format,
    header: Format,
    text: Format,
    number: Format,
    percent: Format,
    alert_text: Format,
    alert_number: Format,
    total_label: Format,
    total_number: Format,
    /// A figure with decimals ("95,2"), where `number` would round it to a whole.
    decimal: Format,
    /// Running text of a report, wrapped in its wide column, unboxed as on paper.
    prose: Format,
    /// A report's title line: bold, centred and wrapped, since titles run long.
    lead: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new().set_font_name(FONT).set_font_size(12);
        let boxed = base.clone().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        let number = boxed.clone().set_align(FormatAlign::Center).set_num_format("0");
        let alert = |f: &Format| {
            f.clone().set_font_color(Color::RGB(ALERT_TEXT)).set_background_color(Color::RGB(ALERT_FILL))
        };
        let text = boxed.clone().set_text_wrap();
        Self {
            title: base.clone().set_bold().set_font_size(14).set_align(FormatAlign::Center),
            subtitle: base.clone().set_italic().set_align(FormatAlign::Center),
            note: base.clone().set_bold(),
            header: boxed
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEADER_FILL)),
            alert_text: alert(&text),
            alert_number: alert(&number).set_bold(),
            percent: boxed.clone().set_align(FormatAlign::Center).set_num_format("0.0%"),
            total_label: boxed.clone().set_bold().set_align(FormatAlign::Center),
            total_number: number.clone().set_bold(),
            decimal: boxed.clone().set_align(FormatAlign::Center).set_num_format("0.0##"),
            prose: base.clone().set_text_wrap().set_align(FormatAlign::Top),
            lead: base.clone().set_bold().set_text_wrap().set_align(FormatAlign::Center),
            text,
            number,
        }
    }

    fn text_or_alert(&self, alert: bool) -> &Format {
        if alert { &self.alert_text } else { &self.text }
    }

    fn number_or_alert(&self, alert: bool) -> &Format {
        if alert { &self.alert_number } else { &self.number }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn register_lists_every_cell_under_its_headers() {
        let bytes = meeting_register(&sample::register()).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let strings = sample::zip_entry(&bytes, "xl/sharedStrings.xml");
        for want in [
            "SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2021",
            "STT",
            "Chi bộ",
            "Số cuộc thường kỳ",
            "Tháng không sinh hoạt thường kỳ",
            "Quý không sinh hoạt chuyên đề",
            "Số cuộc không đủ thời lượng",
            "Tỷ lệ dự (%)",
            "Chi bộ Khối 9",
            "Chi bộ Trường Tiểu học Hoàng Văn Thụ",
            "2/2021, 8/2021",
            "III/2021",
            "Cộng",
        ] {
            assert!(strings.contains(want), "sharedStrings.xml lacks {want:?}");
        }
        let sheet = sample::zip_entry(&bytes, "xl/worksheets/sheet1.xml");
        // Frozen under the header on row 4 (0-based 3), the rate kept as a number.
        assert!(sheet.contains("topLeftCell=\"A5\""), "panes not frozen under the header");
        assert!(sheet.contains("<v>0.925</v>"));
        let book = sample::zip_entry(&bytes, "xl/workbook.xml");
        assert!(book.contains("name=\"Sinh hoạt chi bộ\""));
        let styles = sample::zip_entry(&bytes, "xl/styles.xml");
        assert!(styles.contains("0.0%"));
    }

    #[test]
    fn quota_report_states_the_total_and_marks_shortfalls() {
        let bytes = quota_report(&sample::quota()).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let strings = sample::zip_entry(&bytes, "xl/sharedStrings.xml");
        for want in [
            "Tổng số lượt dự của cấp ủy viên thành phố: 123",
            "Họ và tên",
            "Định mức/năm",
            "Còn thiếu",
            "Nguyễn Thị Thu",
            "Lộc Văn Hải",
            "1764-QĐ/TU",
        ] {
            assert!(strings.contains(want), "sharedStrings.xml lacks {want:?}");
        }
        let book = sample::zip_entry(&bytes, "xl/workbook.xml");
        assert!(book.contains("name=\"Dự sinh hoạt\""));
        let styles = sample::zip_entry(&bytes, "xl/styles.xml");
        assert!(styles.contains("FFFDE2E1"), "no highlight fill for shortfalls");
    }

    #[test]
    fn empty_reports_still_open() {
        let bytes = meeting_register(&MeetingRegister::default()).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let bytes = quota_report(&QuotaReport::default()).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
