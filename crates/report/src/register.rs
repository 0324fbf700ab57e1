//! The member register's cells (Mẫu 7-HSĐV, issue 12): how a member's fields fill the book's
//! fourteen columns and the columns coso adds, and the register as CSV. The Excel file is
//! [`crate::xlsx::member_register`]. What is written here reads back through
//! [`coso_domain::register::Layout`] to the same fields.
use coso_domain::register::{EXTRA_FIELDS, Field, REGISTER_COLUMNS, Values, neutralize};

use crate::ReportError;
use crate::model::{MemberRegister, RegisterLine};

/// The heading of the column that names a member's cell for people (the code is for coso).
pub const CELL_NAME_HEADING: &str = "Tên chi bộ";

/// The headings of the register as coso writes it: the book's fourteen, then its own.
pub fn headings() -> Vec<String> {
    let book = REGISTER_COLUMNS.iter().map(|c| c.heading.to_string());
    let extra =
        EXTRA_FIELDS.iter().map(|f| if *f == Field::Cell { "Mã chi bộ" } else { f.label() }.to_string());
    book.chain(extra).chain([CELL_NAME_HEADING.to_string()]).collect()
}

/// A column of the book for one member: its fields one a line, an empty line keeping the place
/// of an empty field, no empty lines at the end.
fn book_cell(values: &Values, fields: &[Option<Field>]) -> String {
    let mut lines: Vec<&str> = fields.iter().map(|f| f.map_or("", |f| values.get(f))).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// A member's cells in the order of [`headings`], neutralized against formulas; the first
/// column is the member's number in the register.
pub fn cells(number: usize, line: &RegisterLine) -> Vec<String> {
    let mut out: Vec<String> = REGISTER_COLUMNS
        .iter()
        .map(|c| if c.number == 1 { number.to_string() } else { book_cell(&line.values, c.fields) })
        .collect();
    out.extend(EXTRA_FIELDS.iter().map(|f| line.values.get(*f).to_string()));
    out.push(line.cell_name.clone());
    out.iter().map(|c| neutralize(c)).collect()
}

/// The register as CSV (UTF-8 with a byte-order mark, so Excel reads its Vietnamese): the
/// header row, then one row a member.
pub fn csv(register: &MemberRegister) -> Result<Vec<u8>, ReportError> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let failed = |e: csv::Error| ReportError::InvalidModel(e.to_string());
        writer.write_record(headings()).map_err(failed)?;
        for (i, line) in register.lines.iter().enumerate() {
            writer.write_record(cells(i + 1, line)).map_err(failed)?;
        }
        writer.flush().map_err(|e| ReportError::InvalidModel(e.to_string()))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use coso_domain::register::Layout;
    use std::collections::BTreeMap;

    fn line() -> RegisterLine {
        let values: BTreeMap<Field, String> = [
            (Field::FullName, "Nguyễn Văn Thử"),
            (Field::BornOn, "01/02/1980"),
            (Field::Sex, "Nam"),
            (Field::Ethnicity, "Kinh"),
            (Field::Religion, ""),
            (Field::Education, ""),
            (Field::TheoryLevel, "Trung cấp"),
            (Field::AdmittedOn, "03/02/2010"),
            (Field::OfficialOn, "03/02/2011"),
            (Field::CardNumber, "-123"),
            (Field::Cell, "DK-C1"),
            (Field::Note, "=HYPERLINK(\"x\")"),
        ]
        .into_iter()
        .map(|(f, v)| (f, v.to_string()))
        .collect();
        RegisterLine { values: Values(values), cell_name: "Chi bộ 1".into() }
    }

    #[test]
    fn a_member_fills_the_book_one_field_a_line_and_formulas_are_neutralized() {
        let cells = cells(7, &line());
        assert_eq!(cells.len(), headings().len());
        assert_eq!(cells[0], "7");
        assert_eq!(cells[2], "Nam\nKinh");
        // An empty education keeps its line so the theory level stays second.
        assert_eq!(cells[4], "\nTrung cấp");
        assert_eq!(cells[6], "03/02/2010\n03/02/2011");
        assert_eq!(cells[7], "'-123");
        assert_eq!(cells[13], "'=HYPERLINK(\"x\")");
        assert_eq!(cells[14..], ["01/02/1980", "", "", "", "DK-C1", "Chi bộ 1"]);
    }

    #[test]
    fn the_register_reads_back_to_the_same_fields() {
        let register = MemberRegister { lines: vec![line()], ..Default::default() };
        let bytes = csv(&register).unwrap();
        let mut rows = Vec::new();
        crate::sheet::each_row(std::io::Cursor::new(bytes), |_, cells| -> Result<(), ReportError> {
            rows.push(cells);
            Ok(())
        })
        .unwrap();
        let layout = Layout::of_header(&rows[0]).expect("a header");
        assert!(layout.problems().is_empty(), "{:?}", layout.problems());
        let back = layout.read(&rows[1]);
        for (field, value) in &line().values.0 {
            assert_eq!(back.get(*field), value, "{field:?}");
        }
    }

    #[test]
    fn the_excel_register_reads_back_past_its_party_header_and_column_numbers() {
        let register = MemberRegister {
            superior_header: "ĐẢNG BỘ THÀNH PHỐ LẠNG SƠN".into(),
            unit_header: "ĐẢNG BỘ PHƯỜNG ĐÔNG KINH".into(),
            as_of: chrono::NaiveDate::from_ymd_opt(2021, 6, 30).unwrap(),
            lines: vec![line()],
        };
        let bytes = crate::xlsx::member_register(&register).unwrap();
        let mut rows = Vec::new();
        crate::sheet::each_row(std::io::Cursor::new(bytes), |n, cells| -> Result<(), ReportError> {
            rows.push((n, cells));
            Ok(())
        })
        .unwrap();
        let at = rows.iter().position(|(_, r)| Layout::of_header(r).is_some()).expect("a header row");
        assert_eq!(rows[at].0, 6);
        assert!(Layout::is_numbering(&rows[at + 1].1));
        let layout = Layout::of_header(&rows[at].1).unwrap();
        let back = layout.read(&rows[at + 2].1);
        for (field, value) in &line().values.0 {
            assert_eq!(back.get(*field), value, "{field:?}");
        }
    }
}
