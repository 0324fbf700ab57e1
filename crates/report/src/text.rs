//! Plain-text renderers: the party report as UTF-8 text a person reads in a terminal.
use coso_domain::vi::document_date_line;

use crate::docx::SIGNATURE_SPACE;
use crate::model::{PartyReport, ReportTable};
use crate::xlsx::Cell;

/// Between the two columns of the header and of the signature block.
const SIDE_GAP: usize = 6;
/// Between a table's columns.
const COLUMN_GAP: &str = "  ";

/// The report as text: the header in two columns, kind and title, the sections with their
/// paragraphs and tables, then the recipients beside the signature. Paragraphs are not wrapped:
/// a terminal wraps them to its own width, and the text copies out as it was written.
pub fn party(report: &PartyReport) -> String {
    let number = report.number.trim();
    let mut left = vec![report.superior_header.trim(), report.issuer_header.trim(), "*"];
    let mut right = vec!["ĐẢNG CỘNG SẢN VIỆT NAM", ""];
    if !number.is_empty() {
        left.push(number);
        right.push("");
    }
    let date_line = document_date_line(&report.place, report.dated);
    right.push(&date_line);
    let header = side_by_side(&centred_in_column(&left), &centred_in_column(&right));
    // Kind and title are centred under the header, as the page centres them.
    let titles: Vec<&str> =
        [report.kind.trim(), report.title.trim()].into_iter().filter(|l| !l.is_empty()).collect();
    let page = header.iter().map(|l| width(l)).chain(titles.iter().map(|l| width(l))).max().unwrap_or(0);

    let mut blocks: Vec<Vec<String>> = vec![header];
    blocks.push(titles.iter().map(|l| centred(l, page).trim_end().to_string()).collect());
    for section in &report.sections {
        blocks.push(vec![section.heading.trim().to_string()]);
        blocks.extend(section.paragraphs.iter().map(|p| vec![p.trim().to_string()]));
        blocks.extend(section.tables.iter().map(table_lines));
    }
    blocks.push(signature(report));

    let blocks: Vec<String> =
        blocks.into_iter().filter(|b| b.iter().any(|l| !l.trim().is_empty())).map(|b| b.join("\n")).collect();
    format!("{}\n", blocks.join("\n\n"))
}

/// "Nơi nhận" and its lines on the left, the signer's role, title, room to sign and name on the
/// right; nothing when the report has neither.
fn signature(report: &PartyReport) -> Vec<String> {
    let mut left: Vec<&str> = Vec::new();
    if !report.recipients.is_empty() {
        left.push("Nơi nhận:");
        left.extend(report.recipients.iter().map(|r| r.trim()));
    }
    let mut right: Vec<&str> = Vec::new();
    if !report.signer_role.trim().is_empty() {
        right.extend(
            [report.signer_role.trim(), report.signer_title.trim()].into_iter().filter(|l| !l.is_empty()),
        );
        right.extend([""; SIGNATURE_SPACE]);
        right.push(report.signer.trim());
    }
    let left: Vec<String> = left.into_iter().map(str::to_string).collect();
    side_by_side(&left, &centred_in_column(&right))
}

/// A table as aligned columns under its caption: the headings, a rule, the rows; figures flush
/// right so their digits line up, text flush left.
fn table_lines(table: &ReportTable) -> Vec<String> {
    let mut out = Vec::new();
    if !table.caption.trim().is_empty() {
        out.push(table.caption.trim().to_string());
    }
    let widths = column_widths(table);
    if widths.is_empty() {
        return out;
    }
    let line = |cells: &[String], figures: bool| {
        let padded: Vec<String> = widths
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let text = cells.get(i).map_or(String::new(), |c| one_line(c));
                let pad = " ".repeat(w - width(&text));
                let figure = figures && matches!(Cell::read(&text), Cell::Number(_) | Cell::Percent(_));
                if figure { format!("{pad}{text}") } else { format!("{text}{pad}") }
            })
            .collect();
        padded.join(COLUMN_GAP).trim_end().to_string()
    };
    out.push(line(&table.columns, false));
    out.push(widths.iter().map(|&w| "-".repeat(w)).collect::<Vec<_>>().join(COLUMN_GAP));
    out.extend(table.rows.iter().map(|row| line(row, true)));
    out
}

/// A table's column count: its headings or its longest row, whichever has more.
pub(crate) fn column_count(table: &ReportTable) -> usize {
    table.rows.iter().map(Vec::len).chain([table.columns.len()]).max().unwrap_or(0)
}

/// The widest text of each column, headings included, in characters as a terminal shows them.
pub(crate) fn column_widths(table: &ReportTable) -> Vec<usize> {
    let mut widths = vec![0; column_count(table)];
    for row in std::iter::once(&table.columns).chain(&table.rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(&one_line(cell)));
        }
    }
    widths
}

/// How many columns a text takes in a terminal: its characters, less the combining accents a
/// decomposed Vietnamese letter carries (they sit on the letter before), so padding by bytes or
/// by code points does not misalign "ộ" written in two.
pub(crate) fn width(text: &str) -> usize {
    text.chars().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).count()
}

/// A cell's text on one line, since a table row is one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn centred(text: &str, page: usize) -> String {
    format!("{}{text}", " ".repeat(page.saturating_sub(width(text)) / 2))
}

/// Lines centred on their widest, as each column of a party document's header is.
fn centred_in_column(lines: &[&str]) -> Vec<String> {
    let widest = lines.iter().map(|l| width(l)).max().unwrap_or(0);
    lines.iter().map(|l| centred(l, widest)).collect()
}

/// Two columns of lines side by side, the left padded to its widest line.
fn side_by_side(left: &[String], right: &[String]) -> Vec<String> {
    let widest = left.iter().map(|l| width(l)).max().unwrap_or(0);
    (0..left.len().max(right.len()))
        .map(|i| {
            let l = left.get(i).map_or("", String::as_str);
            let r = right.get(i).map_or("", String::as_str);
            let gap = if right.is_empty() { 0 } else { widest - width(l) + SIDE_GAP };
            format!("{l}{}{r}", " ".repeat(gap)).trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    /// The character column where `needle` starts on the line holding it.
    fn column_of(text: &str, needle: &str) -> usize {
        let line = text.lines().find(|l| l.contains(needle)).unwrap();
        width(&line[..line.find(needle).unwrap()])
    }

    #[test]
    fn the_text_states_header_date_sections_tables_and_signature() {
        let report = sample::party_report();
        let text = party(&report);
        for want in [
            "ĐẢNG BỘ TỈNH LẠNG SƠN",
            "THÀNH ỦY LẠNG SƠN",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Số   -BC/TU",
            "Lạng Sơn, ngày 17 tháng 10 năm 2021",
            "BÁO CÁO",
            &report.title,
            "I. TỔ CHỨC CƠ SỞ ĐẢNG",
            "II. SINH HOẠT CHI BỘ",
            "III. NHIỆM VỤ THỜI GIAN TỚI",
            "Bảng 1: Tổ chức cơ sở đảng theo loại hình",
            "95,2%",
            "Nơi nhận:",
            "- Lưu Văn phòng Thành ủy.",
            "T/M BAN THƯỜNG VỤ",
            "Nguyễn Văn Mẫu",
        ] {
            assert!(text.contains(want), "text lacks {want:?}:\n{text}");
        }
        // The number sits level with the date line, as on paper.
        let number = text.lines().position(|l| l.contains("-BC/TU")).unwrap();
        assert!(text.lines().nth(number).unwrap().contains("ngày 17 tháng 10"));
        assert!(text.ends_with("Nguyễn Văn Mẫu\n"));
        assert_eq!(text, party(&report), "the text is not deterministic");
    }

    #[test]
    fn table_columns_align_by_characters_not_bytes() {
        let text = party(&sample::party_report());
        // Text columns start together; figures end together.
        let starts = ["Ghi chú", "Đã nhắc nhở", "=1+1"].map(|t| column_of(&text, t));
        assert!(starts.iter().all(|&s| s == starts[0]), "{starts:?}\n{text}");
        let ends = [("2345", 4), ("412", 3), ("95,2%", 5), ("100%", 4)].map(|(t, n)| column_of(&text, t) + n);
        assert_eq!(ends[0], ends[1], "{text}");
        assert_eq!(ends[2], ends[3], "{text}");
    }

    #[test]
    fn width_counts_letters_not_bytes_or_accents() {
        let cases = [("", 0), ("abc", 3), ("Đảng", 4), ("Đa\u{323}\u{302}ng", 4), ("95,2%", 5)];
        for (text, want) in cases {
            assert_eq!(width(text), want, "{text:?}");
        }
    }

    #[test]
    fn an_empty_report_still_has_its_header() {
        let text = party(&PartyReport::default());
        assert!(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"));
        assert!(!text.contains("Nơi nhận"));
        let ragged = ReportTable {
            caption: String::new(),
            columns: vec!["A".into()],
            rows: vec![vec!["x".into(), "12".into()], vec![]],
            chart: None,
        };
        assert_eq!(table_lines(&ragged), ["A", "-  --", "x  12", ""]);
    }
}
