//! Reading the first sheet of a spreadsheet people send (xlsx, xls, ods) into rows of text:
//! dates as dd/mm/yyyy, whole numbers without a decimal point, empty cells as "".
use std::io::{BufRead, BufReader, Cursor, Read, Seek, SeekFrom};

use calamine::{Data, DataRef, Reader};

use crate::ReportError;

/// Days from Excel's day zero (30/12/1899, counting its phantom 29/02/1900) to a serial date.
fn excel_day(serial: f64) -> Option<chrono::NaiveDate> {
    let zero = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    zero.checked_add_signed(chrono::Duration::days(serial.floor() as i64))
}

/// A cell's text, without control characters (a NUL cannot be stored, a tab or line break is
/// a typing slip in a list of names).
fn text(cell: &Data) -> String {
    let raw = raw_text(cell);
    if raw.chars().any(char::is_control) { raw.chars().filter(|c| !c.is_control()).collect() } else { raw }
}

fn raw_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            excel_day(d.as_f64()).map_or_else(String::new, |day| day.format("%d/%m/%Y").to_string())
        }
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A cell's text for a register: line breaks inside it kept (a column of the book holds one
/// field a line, and an empty line keeps its place), other control characters dropped.
fn lines_text(cell: &DataRef<'_>) -> String {
    let raw = match cell {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        other => return raw_text(&Data::from(other.clone())),
    };
    keep_lines(&raw)
}

fn keep_lines(raw: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    if raw.chars().any(|c| c.is_control() && c != '\n') {
        raw.chars().filter(|c| !c.is_control() || *c == '\n').collect()
    } else {
        raw
    }
}

/// What a file sent in is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A zip: xlsx (or ods).
    Zip,
    /// An old binary workbook (xls).
    Compound,
    /// Text: CSV.
    Text,
}

fn kind_of(head: &[u8]) -> Result<Kind, ReportError> {
    if head.starts_with(b"PK\x03\x04") {
        return Ok(Kind::Zip);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Ok(Kind::Compound);
    }
    // A text file is UTF-8 (a cut in the middle of a character at the end of the sample is
    // not an error) and holds no NUL.
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    if head.is_empty() {
        return Err(ReportError::Unreadable("tệp rỗng".into()));
    }
    if !valid || head.contains(&0) {
        return Err(ReportError::Unreadable(
            "tệp không phải bảng tính Excel (.xlsx, .xls, .ods) hay CSV (UTF-8)".into(),
        ));
    }
    Ok(Kind::Text)
}

/// The separator a CSV file uses: of comma, semicolon and tab, the one its first line holds
/// most (Excel in Vietnamese settings writes semicolons).
fn separator(first_line: &[u8]) -> u8 {
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|s| first_line.iter().filter(|b| *b == s).count())
        .unwrap_or(b',')
}

/// Reads every row of a spreadsheet (the first visible sheet of an xlsx, the first of an xls) or a CSV
/// file (UTF-8, with or without a byte-order mark; comma, semicolon or tab) in order, and calls
/// `row(number, cells)` with the row's number as the file shows it (from 1) and its cells as
/// text (dates dd/mm/yyyy, line breaks in a cell kept). Empty rows of a spreadsheet are not
/// passed. An xlsx sheet and a CSV file are streamed: memory does not grow with the file.
/// Stops at the first error `row` returns.
pub fn each_row<R, E>(mut file: R, mut row: impl FnMut(usize, Vec<String>) -> Result<(), E>) -> Result<(), E>
where
    R: Read + Seek,
    E: From<ReportError>,
{
    let unreadable = |e: &dyn std::fmt::Display| ReportError::Unreadable(e.to_string());
    let mut head = [0u8; 4096];
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..]).map_err(|e| unreadable(&e))? {
            0 => break,
            n => filled += n,
        }
    }
    let kind = kind_of(&head[..filled])?;
    file.seek(SeekFrom::Start(0)).map_err(|e| unreadable(&e))?;
    match kind {
        Kind::Text => {
            let mut reader = BufReader::new(file);
            if reader.fill_buf().map_err(|e| unreadable(&e))?.starts_with(b"\xEF\xBB\xBF") {
                reader.consume(3);
            }
            let mut csv = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(separator(&head[..filled]))
                .from_reader(reader);
            let mut record = csv::StringRecord::new();
            loop {
                let more = csv.read_record(&mut record).map_err(|e| match e.kind() {
                    csv::ErrorKind::Utf8 { pos, .. } => ReportError::Unreadable(format!(
                        "dòng {} không phải chữ UTF-8 (hãy lưu tệp CSV dạng UTF-8)",
                        pos.as_ref().map_or(0, |p| p.line())
                    )),
                    _ => unreadable(&e),
                })?;
                if !more {
                    return Ok(());
                }
                let number = record.position().map_or(0, |p| p.line() as usize);
                row(number, record.iter().map(keep_lines).collect())?;
            }
        }
        Kind::Zip => {
            let mut book = match calamine::Xlsx::new(BufReader::new(file)) {
                Ok(book) => book,
                Err(_) => {
                    return Err(ReportError::Unreadable("tệp nén không phải bảng tính .xlsx".into()).into());
                }
            };
            let name = book
                .sheets_metadata()
                .iter()
                .find(|s| s.visible == calamine::SheetVisible::Visible)
                .map(|s| s.name.clone())
                .ok_or_else(|| ReportError::Unreadable("tệp không có trang tính nào".into()))?;
            let mut cells = book.worksheet_cells_reader(&name).map_err(|e| unreadable(&e))?;
            let mut current: Option<(u32, Vec<String>)> = None;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
                let (r, c) = cell.get_position();
                let text = lines_text(cell.get_value());
                if current.as_ref().is_some_and(|(at, _)| *at != r)
                    && let Some((at, done)) = current.take()
                {
                    row(at as usize + 1, done)?;
                }
                let (_, line) = current.get_or_insert_with(|| (r, Vec::new()));
                let c = c as usize;
                if line.len() <= c {
                    line.resize(c + 1, String::new());
                }
                line[c] = text;
            }
            if let Some((at, done)) = current {
                row(at as usize + 1, done)?;
            }
            Ok(())
        }
        Kind::Compound => {
            let mut book: calamine::Xls<_> =
                calamine::Xls::new(BufReader::new(file)).map_err(|e| unreadable(&e))?;
            let range = book
                .worksheet_range_at(0)
                .ok_or_else(|| ReportError::Unreadable("tệp không có trang tính nào".into()))?
                .map_err(|e| unreadable(&e))?;
            let top = range.start().map_or(0, |(r, _)| r as usize);
            for (i, cells) in range.rows().enumerate() {
                if cells.iter().all(|c| matches!(c, Data::Empty)) {
                    continue;
                }
                row(top + i + 1, cells.iter().map(|c| keep_lines(&raw_text(c))).collect())?;
            }
            Ok(())
        }
    }
}

/// The rows of the first sheet, as text, the header included.
pub fn first_sheet_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, ReportError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| ReportError::Unreadable(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| ReportError::Unreadable("tệp không có trang tính nào".into()))?
        .map_err(|e| ReportError::Unreadable(e.to_string()))?;
    Ok(range.rows().map(|row| row.iter().map(text).collect()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_sheet_reads_back_as_text_with_dates_as_people_write_them() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Họ và tên").unwrap();
        sheet.write_string(0, 1, "Ngày sinh").unwrap();
        sheet.write_string(1, 0, "Nguyễn Văn Thử").unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(1980, 2, 1).unwrap();
        let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        sheet.write_datetime_with_format(1, 1, &date, &format).unwrap();
        sheet.write_number(2, 1, 12.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let rows = first_sheet_rows(&bytes).unwrap();
        assert_eq!(rows[0], ["Họ và tên", "Ngày sinh"]);
        assert_eq!(rows[1], ["Nguyễn Văn Thử", "01/02/1980"]);
        assert_eq!(rows[2], ["", "12"]);
        assert!(matches!(first_sheet_rows(b"not a spreadsheet"), Err(ReportError::Unreadable(_))));
    }

    fn rows_of(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, ReportError> {
        let mut rows = Vec::new();
        each_row(Cursor::new(bytes), |n, cells| -> Result<(), ReportError> {
            rows.push((n, cells));
            Ok(())
        })?;
        Ok(rows)
    }

    #[test]
    fn a_csv_reads_with_its_separator_its_quoted_line_breaks_and_without_its_byte_order_mark() {
        let text =
            "\u{feff}Họ và tên;Ngày sinh\n\"Nguyễn Văn Thử\nNguyễn Văn Tí\";01/02/1980\n;\n\"=1+1\";x\n";
        let rows = rows_of(text.as_bytes()).unwrap();
        assert_eq!(rows[0], (1, vec!["Họ và tên".to_string(), "Ngày sinh".into()]));
        assert_eq!(rows[1], (2, vec!["Nguyễn Văn Thử\nNguyễn Văn Tí".to_string(), "01/02/1980".into()]));
        // The row after a two-line cell is the file's fourth line.
        assert_eq!(rows[2].0, 4);
        assert_eq!(rows[3].1[0], "=1+1");
        let commas = rows_of(b"a,b,c\n1,\"2,5\",3\n").unwrap();
        assert_eq!(commas[1].1, ["1", "2,5", "3"]);
    }

    #[test]
    fn an_xlsx_streams_its_rows_with_their_numbers_dates_and_line_breaks() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "ĐẢNG CỘNG SẢN VIỆT NAM").unwrap();
        sheet.write_string(3, 0, "Họ và tên").unwrap();
        sheet.write_string(3, 2, "Ngày sinh").unwrap();
        sheet.write_string(4, 0, "Nguyễn Văn Thử\n\nTí").unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(1980, 2, 1).unwrap();
        let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        sheet.write_datetime_with_format(4, 2, &date, &format).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let rows = rows_of(&bytes).unwrap();
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[1], (4, vec!["Họ và tên".to_string(), String::new(), "Ngày sinh".into()]));
        assert_eq!(
            rows[2],
            (5, vec!["Nguyễn Văn Thử\n\nTí".to_string(), String::new(), "01/02/1980".into()])
        );
    }

    #[test]
    fn what_is_not_a_spreadsheet_is_refused_with_a_reason() {
        let cases: [(&[u8], &str); 3] = [
            (b"", "tệp rỗng"),
            (&[0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe], "không phải bảng tính"),
            (b"PK\x03\x04not really a zip", "không phải bảng tính .xlsx"),
        ];
        for (bytes, want) in cases {
            match rows_of(bytes) {
                Err(ReportError::Unreadable(m)) => assert!(m.contains(want), "{m}"),
                other => panic!("{other:?}"),
            }
        }
    }
}
