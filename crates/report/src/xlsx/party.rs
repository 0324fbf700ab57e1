//! The party report as an Excel workbook, and how a report table's text reads as figures.
use std::collections::HashSet;

use coso_domain::register::neutralize;
use coso_domain::vi::document_date_line;
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet};

use super::{A4, Cell, Formats, heading};
use crate::ReportError;
use crate::model::{PartyReport, ReportChart, ReportTable};
use crate::text::{column_count, column_widths};

/// The first sheet, with the report's prose; the tables follow on their own sheets.
const SUMMARY: &str = "Tổng hợp";
/// Excel's limit on the length of a worksheet's name.
const SHEET_NAME_MAX: usize = 31;
/// Characters Excel refuses in a worksheet's name.
const SHEET_NAME_FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

/// The report as a workbook: "Tổng hợp" with the title and every section's paragraphs, then one
/// sheet a table, its figures typed as numbers and its chart drawn natively when it has one.
pub fn party_report(report: &PartyReport) -> Result<Vec<u8>, ReportError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let tables: Vec<(&str, &ReportTable)> =
        report.sections.iter().flat_map(|s| s.tables.iter().map(move |t| (s.heading.as_str(), t))).collect();
    let names = sheet_names(tables.iter().map(|(_, t)| t.caption.as_str()));
    let captions: Vec<&str> = tables.iter().map(|(_, t)| t.caption.as_str()).collect();
    summary(book.add_worksheet(), &f, report, &captions, &names)?;
    for ((section, table), name) in tables.iter().zip(&names) {
        figures(book.add_worksheet(), &f, name, section, table)?;
    }
    Ok(book.save_to_buffer()?)
}

/// The summary sheet: the issuer, kind, title and date line, then each section's heading and
/// paragraphs one a row, and where each table went.
fn summary(
    sheet: &mut Worksheet,
    f: &Formats,
    report: &PartyReport,
    captions: &[&str],
    names: &[String],
) -> Result<(), ReportError> {
    sheet.set_name(SUMMARY)?;
    sheet.set_column_width(0, 100)?;
    sheet.set_paper_size(A4).set_print_fit_to_pages(1, 0);
    let mut row = 0;
    let mut put = |text: &str, format: &Format| -> Result<(), ReportError> {
        if !text.trim().is_empty() {
            sheet.write_string_with_format(row, 0, neutralize(text.trim()), format)?;
        }
        row += 1;
        Ok(())
    };
    put(&report.issuer_header, &f.note)?;
    put(&report.kind, &f.title)?;
    put(&report.title, &f.lead)?;
    put(&document_date_line(&report.place, report.dated), &f.subtitle)?;
    let mut tables = captions.iter().zip(names);
    for section in &report.sections {
        put("", &f.prose)?;
        put(&section.heading, &f.note)?;
        for paragraph in &section.paragraphs {
            put(paragraph, &f.prose)?;
        }
        // The tables' sheets are named after their captions, shortened; say which is which.
        for (caption, name) in tables.by_ref().take(section.tables.len()) {
            put(&format!("{caption} (trang tính \"{name}\")"), &f.prose)?;
        }
    }
    Ok(())
}

/// One table on its own sheet in the house's layout, under its caption and section heading.
fn figures(
    sheet: &mut Worksheet,
    f: &Formats,
    name: &str,
    section: &str,
    table: &ReportTable,
) -> Result<(), ReportError> {
    sheet.set_name(name)?;
    let count = column_count(table);
    // Headings wrap, so a long heading need not widen its column past a short figure's.
    let headings: Vec<(String, f64)> = column_widths(table)
        .into_iter()
        .enumerate()
        .map(|(i, widest)| {
            let heading = table.columns.get(i).map_or("", String::as_str);
            let heading_width = crate::text::width(heading).min(14);
            (neutralize(heading), (widest.max(heading_width) + 2).clamp(6, 50) as f64)
        })
        .collect();
    let columns: Vec<(&str, f64)> = headings.iter().map(|(h, w)| (h.as_str(), *w)).collect();
    let head = heading(sheet, f, &neutralize(&table.caption), &neutralize(section), &[], &columns)?;
    for (row, cells) in (head + 1..).zip(&table.rows) {
        for (col, text) in (0u16..).zip(cells) {
            match Cell::read(text) {
                Cell::Text(t) => sheet.write_string_with_format(row, col, neutralize(&t), &f.text)?,
                Cell::Number(n) if n.fract() == 0.0 => {
                    sheet.write_number_with_format(row, col, n, &f.number)?
                }
                Cell::Number(n) => sheet.write_number_with_format(row, col, n, &f.decimal)?,
                Cell::Percent(p) => sheet.write_number_with_format(row, col, p, &f.percent)?,
                Cell::Empty => sheet.write_blank(row, col, &f.text)?,
            };
        }
    }
    if let Some(chart) = &table.chart {
        let at = u16::try_from(count + 1).unwrap_or(u16::MAX);
        if let Some(chart) = column_chart(name, head, table, chart)? {
            sheet.insert_chart(head, at, &chart)?;
        }
    }
    Ok(())
}

/// The table's chart: one column series per named column against the first column's labels,
/// read from the cells just written; none when the table has no rows to draw.
fn column_chart(
    sheet: &str,
    head: u32,
    table: &ReportTable,
    asked: &ReportChart,
) -> Result<Option<Chart>, ReportError> {
    let count = column_count(table);
    if let Some(col) = asked.series_columns.iter().find(|&&c| c >= count) {
        return Err(ReportError::InvalidModel(format!(
            "biểu đồ \"{}\" lấy cột {} nhưng bảng \"{}\" chỉ có {count} cột",
            asked.title,
            col + 1,
            table.caption
        )));
    }
    if table.rows.is_empty() || asked.series_columns.is_empty() {
        return Ok(None);
    }
    let first = head + 1;
    let last = head.saturating_add(u32::try_from(table.rows.len()).unwrap_or(u32::MAX));
    let mut chart = Chart::new(ChartType::Column);
    for &col in &asked.series_columns {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        chart
            .add_series()
            .set_name((sheet, head, col))
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, col, last, col));
    }
    chart.title().set_name(asked.title.as_str());
    chart.y_axis().set_name(asked.unit.as_str());
    // Shares are stored as fractions (0.952); the axis shows them as the cells do.
    if asked.unit.trim() == "%" {
        chart.y_axis().set_num_format("0%");
    }
    Ok(Some(chart))
}

/// A worksheet name for each caption: without the characters Excel refuses, at most 31
/// characters, unique regardless of case (as Excel compares them) and never "Tổng hợp".
fn sheet_names<'a>(captions: impl Iterator<Item = &'a str>) -> Vec<String> {
    // "History" is reserved by English Excel.
    let mut used: HashSet<String> = [SUMMARY, "History"].iter().map(|n| n.to_lowercase()).collect();
    let mut out = Vec::new();
    for (i, caption) in captions.enumerate() {
        let cleaned: String =
            caption.chars().map(|c| if SHEET_NAME_FORBIDDEN.contains(&c) { ' ' } else { c }).collect();
        let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
        // An apostrophe may not open or close a sheet name.
        let cleaned = cleaned.trim_matches(|c: char| c == '\'' || c.is_whitespace());
        let base = if cleaned.is_empty() { format!("Bảng {}", i + 1) } else { cleaned.to_string() };
        let mut name = shortened(&base, "");
        let mut n = 2;
        while used.contains(&name.to_lowercase()) {
            name = shortened(&base, &format!(" ({n})"));
            n += 1;
        }
        used.insert(name.to_lowercase());
        out.push(name);
    }
    out
}

/// `base` cut so that it and `suffix` fit a sheet name, without a space or apostrophe at the cut.
fn shortened(base: &str, suffix: &str) -> String {
    let room = SHEET_NAME_MAX - suffix.chars().count();
    let cut: String = base.chars().take(room).collect();
    format!("{}{suffix}", cut.trim_end_matches(|c: char| c == '\'' || c.is_whitespace()))
}

impl Cell {
    /// A report table's cell as written ("73", "95,2", "95.2", "95,2%", "1.234") read as a
    /// number, a share (from its percentage) or text. A dot between groups of three digits
    /// separates thousands, as [`coso_domain::vi::number`] writes them; a lone dot or comma
    /// before other digits is the decimal mark. Whole numbers with a leading zero ("05") stay
    /// text: they are codes, and a number would lose the zero.
    pub fn read(text: &str) -> Cell {
        let t = text.trim();
        if t.is_empty() {
            return Cell::Empty;
        }
        let read = match t.strip_suffix('%') {
            Some(share) => decimal(share.trim_end()).map(|p| Cell::Percent(p / 100.0)),
            None => decimal(t).map(Cell::Number),
        };
        read.unwrap_or_else(|| Cell::Text(t.to_string()))
    }
}

/// A decimal number in Vietnamese or plain writing; none for anything else.
fn decimal(text: &str) -> Option<f64> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, text),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped = |s: &str| {
        let mut groups = s.split('.');
        let lead = groups.next().unwrap_or("");
        s.contains('.')
            && all_digits(lead)
            && lead.len() <= 3
            && !lead.starts_with('0')
            && groups.all(|g| g.len() == 3 && all_digits(g))
    };
    let (whole, fraction) = match digits.split_once(',') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None if grouped(digits) => (digits, None),
        None => match digits.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (digits, None),
        },
    };
    let whole = if grouped(whole) { whole.replace('.', "") } else { whole.to_string() };
    if !all_digits(&whole) || fraction.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    if fraction.is_none() && whole.len() > 1 && whole.starts_with('0') {
        return None;
    }
    let plain = match fraction {
        Some(fraction) => format!("{whole}.{fraction}"),
        None => whole,
    };
    plain.parse::<f64>().ok().map(|v| sign * v)
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx};

    use super::*;
    use crate::sample;

    #[test]
    fn cells_read_as_numbers_shares_or_text() {
        let cases = [
            ("73", Cell::Number(73.0)),
            (" 95,2 ", Cell::Number(95.2)),
            ("95.2", Cell::Number(95.2)),
            ("0.952", Cell::Number(0.952)),
            ("1.234", Cell::Number(1234.0)),
            ("12.345,5", Cell::Number(12345.5)),
            ("-3", Cell::Number(-3.0)),
            ("95,2%", Cell::Percent(0.952)),
            ("100 %", Cell::Percent(1.0)),
            ("", Cell::Empty),
            ("05", Cell::Text("05".into())),
            ("=1+1", Cell::Text("=1+1".into())),
            ("1,2,3", Cell::Text("1,2,3".into())),
            ("12.34.5", Cell::Text("12.34.5".into())),
            ("Phường", Cell::Text("Phường".into())),
            ("-", Cell::Text("-".into())),
            ("%", Cell::Text("%".into())),
        ];
        for (text, want) in cases {
            match (Cell::read(text), &want) {
                (Cell::Number(a), Cell::Number(b)) | (Cell::Percent(a), Cell::Percent(b)) => {
                    assert!((a - b).abs() < 1e-9, "{text:?} read {a}, want {b}")
                }
                (got, _) => assert_eq!(got, want, "{text:?}"),
            }
        }
    }

    #[test]
    fn sheet_names_are_clean_short_and_unique() {
        let captions = [
            "Bảng 1: Tổ chức cơ sở đảng [theo loại hình] / năm 2021",
            "Bảng 1: Tổ chức cơ sở đảng [theo loại hình] / năm 2021",
            "",
            "tổng hợp",
            "'Ghi chú'",
        ];
        let names = sheet_names(captions.into_iter());
        assert_eq!(names[0], "Bảng 1 Tổ chức cơ sở đảng theo");
        assert_eq!(names[1], "Bảng 1 Tổ chức cơ sở đảng t (2)");
        assert_eq!(names[2], "Bảng 3");
        assert_eq!(names[3], "tổng hợp (2)");
        assert_eq!(names[4], "Ghi chú");
        for name in &names {
            rust_xlsxwriter::utility::check_sheet_name(name).unwrap();
        }
    }

    /// Where a text is in a sheet, relative to the sheet's used range (as `Range::get` takes it).
    fn cell(range: &calamine::Range<Data>, text: &str) -> (usize, usize) {
        range.cells().find(|(_, _, d)| **d == Data::String(text.into())).map(|(r, c, _)| (r, c)).unwrap()
    }

    #[test]
    fn the_workbook_has_the_summary_a_sheet_a_table_typed_figures_and_the_chart() {
        let report = sample::party_report();
        let bytes = party_report(&report).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
        let names = book.sheet_names();
        assert_eq!(names, ["Tổng hợp", "Bảng 1 Tổ chức cơ sở đảng theo", "Bảng 2 Chi bộ sinh hoạt chưa đủ"]);

        let summary = book.worksheet_range("Tổng hợp").unwrap();
        let texts: Vec<String> = summary.cells().map(|(_, _, d)| d.to_string()).collect();
        for want in [&report.title, &report.sections[0].heading, &report.sections[2].paragraphs[0]] {
            assert!(texts.contains(want), "summary lacks {want:?}");
        }

        let first = book.worksheet_range(&names[1]).unwrap();
        let (row, col) = cell(&first, "Phường");
        assert_eq!(first.get((row, col + 1)), Some(&Data::Float(8.0)));
        assert_eq!(first.get((row, col + 2)), Some(&Data::Float(2345.0)));
        let Some(Data::Float(share)) = first.get((row + 1, col + 3)) else { panic!("share not a number") };
        assert!((share - 0.952).abs() < 1e-9);

        // A formula-looking text stays text, marked by the register's apostrophe.
        let second = book.worksheet_range(&names[2]).unwrap();
        cell(&second, "'=1+1");
        let sheet = sample::zip_entry(&bytes, "xl/worksheets/sheet3.xml");
        assert!(!sheet.contains("<f>"), "a formula was written");

        let chart = sample::zip_entry(&bytes, "xl/charts/chart1.xml");
        assert!(chart.contains("Số tổ chức cơ sở đảng theo loại hình"));
        assert!(chart.contains("tổ chức"));
        let files = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        assert!(files.file_names().all(|n| n != "xl/charts/chart2.xml"), "a chart no table asked for");
    }

    #[test]
    fn a_chart_of_a_missing_column_is_refused() {
        let mut report = sample::party_report();
        report.sections[0].tables[0].chart.as_mut().unwrap().series_columns = vec![9];
        assert!(matches!(party_report(&report), Err(ReportError::InvalidModel(_))));
    }

    #[test]
    fn an_empty_report_and_a_table_of_one_column_still_open() {
        let bytes = party_report(&PartyReport::default()).unwrap();
        let book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), ["Tổng hợp"]);

        let mut report = sample::party_report();
        report.sections[1].tables[0] = ReportTable {
            caption: "Danh sách".into(),
            columns: vec!["Chi bộ".into()],
            rows: vec![],
            chart: Some(ReportChart { series_columns: vec![0], ..Default::default() }),
        };
        assert_eq!(&party_report(&report).unwrap()[..2], b"PK");
    }
}
