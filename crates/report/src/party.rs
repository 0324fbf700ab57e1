//! The party report (36-HD/VPTW) as a Word file: header, title, sections with tables, signature.
use std::io::Cursor;

use coso_domain::vi::document_date_line;
use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, Paragraph, Run, Table, TableCell, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use crate::ReportError;
use crate::docx::{
    BODY, SIGNATURE_SPACE, TEXT_WIDTH, TITLE, a4_document, blank, body, centred, header_table, heading, tight,
};
use crate::model::{PartyReport, ReportTable};
use crate::text::{column_count, column_widths};
use crate::xlsx::Cell;

/// Tables are set a point below the body so that five or six columns fit the page.
const TABLE_TEXT: usize = 26;
/// 36-HD/VPTW sets the "Nơi nhận" list in 12 pt, smaller than the body.
const RECIPIENTS: usize = 24;
/// A column is given room for at least this many and at most this many characters' share of the
/// width, so a one-digit column stays legible and a long text column does not squeeze the rest.
const COLUMN_SHARE: (usize, usize) = (4, 30);

/// How wide a letter of table text (13 pt Times New Roman) is at most, in twips: a capital, any
/// other character; a cell's left and right margins take `CELL_MARGINS`. A column is never
/// narrower than its longest word: "2016" or "12-HD/BTCTW" broken over two lines reads as two.
const CAPITAL_TWIPS: usize = 190;
const CHAR_TWIPS: usize = 135;
const CELL_MARGINS: usize = 240;

/// A word's width in table text, in twips.
fn word_twips(word: &str) -> usize {
    word.chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c.is_uppercase() { CAPITAL_TWIPS } else { CHAR_TWIPS })
        .sum()
}

/// The text width shared out by `shares`, each column given at least its `least` twips when
/// the page has room: the columns below their least are fixed there, the rest share what is
/// left, until none falls short.
fn share_out(shares: &[usize], least: &[usize]) -> Vec<usize> {
    let mut fixed: Vec<Option<usize>> = vec![None; shares.len()];
    loop {
        let left = TEXT_WIDTH.saturating_sub(fixed.iter().flatten().sum());
        let total: usize = shares.iter().zip(&fixed).filter(|(_, f)| f.is_none()).map(|(s, _)| s).sum();
        let grid: Vec<usize> =
            shares.iter().zip(&fixed).map(|(s, f)| f.unwrap_or(left * s / total.max(1))).collect();
        let short: Vec<usize> =
            (0..grid.len()).filter(|&i| fixed[i].is_none() && grid[i] < least[i]).collect();
        let room = least.iter().sum::<usize>() <= TEXT_WIDTH;
        if short.is_empty() || !room {
            return grid;
        }
        for i in short {
            fixed[i] = Some(least[i]);
        }
    }
}

/// The widest word of each column, headings included, in twips.
fn longest_words(table: &ReportTable) -> Vec<usize> {
    let mut longest = vec![0; crate::text::column_count(table)];
    for row in std::iter::once(&table.columns).chain(&table.rows) {
        for (w, cell) in longest.iter_mut().zip(row) {
            let word = cell.split_whitespace().map(word_twips).max().unwrap_or(0);
            *w = (*w).max(word);
        }
    }
    longest
}

/// The report as a Word file on A4, ready to print and to edit. Charts are not drawn (docx-rs is
/// built without images); the tables carry the figures.
pub fn docx(report: &PartyReport) -> Result<Vec<u8>, ReportError> {
    let date_line = document_date_line(&report.place, report.dated);
    let mut doc = a4_document()
        .add_table(header_table(&report.superior_header, &report.issuer_header, &report.number, &date_line))
        .add_paragraph(blank());
    if !report.kind.trim().is_empty() {
        doc = doc.add_paragraph(centred(Run::new().add_text(report.kind.trim()).size(TITLE).bold()));
    }
    doc = doc
        .add_paragraph(centred(Run::new().add_text(report.title.trim()).size(BODY).bold()))
        .add_paragraph(blank());

    for section in &report.sections {
        if !section.heading.trim().is_empty() {
            doc = doc.add_paragraph(heading(section.heading.trim()));
        }
        // A line break inside a paragraph's text would print as a space in Word.
        let lines =
            section.paragraphs.iter().flat_map(|p| p.lines()).map(str::trim).filter(|l| !l.is_empty());
        for line in lines {
            doc = doc.add_paragraph(body(line));
        }
        for table in &section.tables {
            if !table.caption.trim().is_empty() {
                doc = doc.add_paragraph(caption(&table.caption));
            }
            // Word refuses a table without rows: a table of no columns has nothing to show.
            if column_count(table) > 0 {
                doc = doc.add_table(figures(table)).add_paragraph(blank());
            }
        }
    }

    let signed = !report.signer_role.trim().is_empty();
    if signed || !report.recipients.is_empty() {
        doc = doc.add_paragraph(blank().keep_next(true)).add_table(signature_table(report, signed));
    }
    let mut out = Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(docx_rs::DocxError::from)?;
    Ok(out.into_inner())
}

/// A table's caption: italic, centred, kept on the page with its table.
fn caption(text: &str) -> Paragraph {
    centred(Run::new().add_text(text.trim()).italic())
        .line_spacing(LineSpacing::new().before(120).after(60))
        .keep_next(true)
}

/// A bordered table across the text width: bold headings, figures flush right so their digits
/// line up, text flush left; each column as wide as its longest text asks, within bounds.
fn figures(table: &ReportTable) -> Table {
    let shares: Vec<usize> =
        column_widths(table).into_iter().map(|w| w.clamp(COLUMN_SHARE.0, COLUMN_SHARE.1)).collect();
    let least: Vec<usize> = longest_words(table).into_iter().map(|w| w + CELL_MARGINS).collect();
    let mut grid = share_out(&shares, &least);
    // Rounding leaves a few twips over; the last column takes them so the table fills the width.
    let used: usize = grid.iter().sum();
    if let Some(last) = grid.last_mut() {
        *last += TEXT_WIDTH.saturating_sub(used);
    }

    let cell = |width: usize, paragraph: Paragraph| {
        TableCell::new()
            .width(width, WidthType::Dxa)
            .vertical_align(VAlignType::Center)
            .add_paragraph(paragraph)
    };
    let headings = grid
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            let text = table.columns.get(i).map_or("", |c| c.trim());
            cell(w, table_text(Run::new().add_text(text).bold(), AlignmentType::Center))
        })
        .collect();
    let mut rows = vec![TableRow::new(headings).cant_split()];
    for row in &table.rows {
        let cells = grid
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let text = row.get(i).map_or("", |c| c.trim());
                let align = match Cell::read(text) {
                    Cell::Number(_) | Cell::Percent(_) => AlignmentType::Right,
                    Cell::Text(_) | Cell::Empty => AlignmentType::Left,
                };
                cell(w, table_text(Run::new().add_text(text), align))
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    Table::new(rows).set_grid(grid).width(TEXT_WIDTH, WidthType::Dxa).layout(TableLayoutType::Fixed)
}

/// A table cell's line, single-spaced, in the table's type size.
fn table_text(run: Run, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .add_run(run.size(TABLE_TEXT))
        .align(align)
        .line_spacing(LineSpacing::new().line_rule(LineSpacingType::Auto).line(240).before(40).after(40))
}

/// The recipients on the left in small type, the signature on the right: role, title, room to
/// sign, name. An unsigned report leaves the right side empty.
fn signature_table(report: &PartyReport, signed: bool) -> Table {
    let half = TEXT_WIDTH / 2;
    let mut left = TableCell::new().width(half, WidthType::Dxa);
    if report.recipients.is_empty() {
        left = left.add_paragraph(blank());
    } else {
        left =
            left.add_paragraph(flush_left(Run::new().add_text("Nơi nhận:").size(RECIPIENTS).bold().italic()));
        for line in &report.recipients {
            left = left.add_paragraph(flush_left(Run::new().add_text(line.trim()).size(RECIPIENTS)));
        }
    }
    let mut right = TableCell::new().width(TEXT_WIDTH - half, WidthType::Dxa);
    if signed {
        right = right.add_paragraph(tight(Run::new().add_text(report.signer_role.trim()).bold()));
        if !report.signer_title.trim().is_empty() {
            right = right.add_paragraph(tight(Run::new().add_text(report.signer_title.trim()).bold()));
        }
        for _ in 0..SIGNATURE_SPACE {
            right = right.add_paragraph(tight(Run::new()));
        }
        right = right.add_paragraph(tight(Run::new().add_text(report.signer.trim()).bold()));
    } else {
        right = right.add_paragraph(blank());
    }
    Table::without_borders(vec![TableRow::new(vec![left, right]).cant_split()])
        .set_grid(vec![half, TEXT_WIDTH - half])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

fn flush_left(run: Run) -> Paragraph {
    tight(run).align(AlignmentType::Left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn the_word_file_states_header_date_sections_tables_and_signature() {
        let report = sample::party_report();
        let bytes = docx(&report).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let xml = sample::zip_entry(&bytes, "word/document.xml");
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
            "Chi bộ Khối 12",
            "95,2%",
            "=1+1",
            "Nơi nhận:",
            "- Lưu Văn phòng Thành ủy.",
            "T/M BAN THƯỜNG VỤ",
            "PHÓ BÍ THƯ",
            "Nguyễn Văn Mẫu",
        ] {
            assert!(xml.contains(want), "document.xml lacks {want:?}");
        }
        // Figures flush right, the A4 page and the 30 mm left margin of 36-HD/VPTW.
        assert!(xml.contains("w:val=\"right\""));
        assert!(xml.contains("w:w=\"11906\"") && xml.contains("w:left=\"1701\""));
        assert!(sample::zip_entry(&bytes, "word/styles.xml").contains("Times New Roman"));
    }

    #[test]
    fn an_empty_or_unsigned_report_still_renders() {
        let xml = sample::zip_entry(&docx(&PartyReport::default()).unwrap(), "word/document.xml");
        assert!(xml.contains("ĐẢNG CỘNG SẢN VIỆT NAM"));
        assert!(!xml.contains("Nơi nhận"));

        let unsigned = PartyReport { signer_role: String::new(), ..sample::party_report() };
        let xml = sample::zip_entry(&docx(&unsigned).unwrap(), "word/document.xml");
        assert!(xml.contains("Nơi nhận:"));
        assert!(!xml.contains("Nguyễn Văn Mẫu"));
    }

    #[test]
    fn columns_share_the_text_width_by_their_text() {
        let long = "Tên tổ chức cơ sở đảng trực thuộc Thành ủy Lạng Sơn";
        // (the short column's heading and cell, its width beside three long columns): its text's
        // share (4 characters at least, 30 at most) unless its longest word asks for more.
        let by_share = |s: usize| TEXT_WIDTH * s / (s + 90);
        let by_word = |word: &str| word_twips(word) + CELL_MARGINS;
        let cases = [
            ("STT", "1", by_word("STT")),
            ("", "", by_share(4)),
            ("Năm", "2016", by_word("2016")),
            ("Số, ký hiệu", "12-HD/BTCTW", by_word("12-HD/BTCTW")),
            ("Họ và tên đồng chí bí thư", "Nguyễn Văn Mẫu", by_share(25)),
        ];
        for (heading, cell, first) in cases {
            let table = ReportTable {
                columns: vec![heading.into(), long.into(), long.into(), long.into()],
                rows: vec![vec![cell.into(), "Đảng bộ phường Mẫu".into()]],
                ..Default::default()
            };
            let xml = sample::zip_entry(
                &docx(&PartyReport {
                    sections: vec![crate::ReportSection { tables: vec![table], ..Default::default() }],
                    ..Default::default()
                })
                .unwrap(),
                "word/document.xml",
            );
            assert!(xml.contains(&format!("w:w=\"{first}\"")), "{heading}: no column of {first} twips");
            let rest = (TEXT_WIDTH - first) / 3;
            assert!(xml.contains(&format!("w:w=\"{rest}\"")), "{heading}: no column of {rest} twips");
        }
    }

    #[test]
    fn a_capital_is_wider_than_other_letters_and_accents_take_no_room() {
        let cases = [
            ("", 0),
            ("2016", 4 * CHAR_TWIPS),
            ("HD", 2 * CAPITAL_TWIPS),
            ("Đa\u{323}\u{302}ng", CAPITAL_TWIPS + 3 * CHAR_TWIPS),
        ];
        for (word, want) in cases {
            assert_eq!(word_twips(word), want, "{word:?}");
        }
    }

    #[test]
    fn the_width_is_shared_out_with_each_column_its_least() {
        // (shares, least widths, widths): the text width is 9355 twips.
        let cases: [(&[usize], &[usize], &[usize]); 3] = [
            (&[1, 1], &[0, 0], &[4677, 4677]),
            (&[1, 9], &[2000, 0], &[2000, 7355]),
            // No room for every least: the shares alone.
            (&[1, 1], &[9000, 9000], &[4677, 4677]),
        ];
        for (shares, least, want) in cases {
            assert_eq!(share_out(shares, least), want, "{shares:?} {least:?}");
        }
    }
}
