//! Reading the first sheet of a spreadsheet people send (xlsx, xls, ods) into rows of text:
//! dates as dd/mm/yyyy, whole numbers without a decimal point, empty cells as "".
use std::io::Cursor;

use calamine::{Data, Reader};

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
}
