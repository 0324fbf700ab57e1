//! Word renderers: cell meeting minutes in the party document format (36-HD/VPTW).
use std::io::Cursor;

use chrono::{Duration, NaiveDateTime};
use docx_rs::{
    AlignmentType, Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::ReportError;
use crate::model::Minutes;
use coso_domain::vi::{clock_words, document_date_line, parse_clock, percent, short_date};

const FONT: &str = "Times New Roman";
/// Sizes in half-points. 36-HD/VPTW sets body text at 13–14 pt, the document headers at 14–15.
pub(crate) const BODY: usize = 28;
const HEADER: usize = 26;
pub(crate) const TITLE: usize = 30;
/// 36-HD/VPTW margins on A4, in twips: top and bottom 20 mm, left 30 mm, right 15 mm.
const A4: (u32, u32) = (11906, 16838);
const MARGIN_TOP: i32 = 1134;
const MARGIN_BOTTOM: i32 = 1134;
const MARGIN_LEFT: i32 = 1701;
const MARGIN_RIGHT: i32 = 850;
pub(crate) const TEXT_WIDTH: usize = A4.0 as usize - MARGIN_LEFT as usize - MARGIN_RIGHT as usize;
/// The heading table reaches 9 mm into the wide left margin so that a long superior's name
/// ("ĐẢNG BỘ PHƯỜNG HOÀNG VĂN THỤ") keeps to one line beside the party's name.
const HEADER_INDENT: i32 = -510;
const HEADER_WIDTH: usize = TEXT_WIDTH + 510;
const HEADER_LEFT: usize = HEADER_WIDTH / 2;
/// 1 cm first-line indent of body paragraphs.
const INDENT: i32 = 567;
/// Blank lines left between a signature label and the name for the hand signature.
pub(crate) const SIGNATURE_SPACE: usize = 4;

/// The minutes of one cell meeting as a Word file, ready to print on A4 and to edit.
pub fn minutes(m: &Minutes) -> Result<Vec<u8>, ReportError> {
    let start = parse_clock(&m.starts_at).ok_or_else(|| {
        ReportError::InvalidModel(format!("giờ bắt đầu \"{}\" không đọc được", m.starts_at))
    })?;
    if m.duration_minutes < 0 {
        return Err(ReportError::InvalidModel(format!("thời lượng âm: {} phút", m.duration_minutes)));
    }
    let started = NaiveDateTime::new(m.held_on, start);
    let ended = started + Duration::minutes(i64::from(m.duration_minutes));

    let date_line = document_date_line(&m.place, m.held_on);
    let mut doc = a4_document()
        .add_table(header_table(&m.superior_header, &m.cell_header, "", &date_line))
        .add_paragraph(blank());
    for p in title_lines(&m.title) {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_paragraph(blank());

    doc = doc.add_paragraph(heading("I. THỜI GIAN, ĐỊA ĐIỂM")).add_paragraph(body(format!(
        "Vào hồi {}, ngày {}, chi bộ tiến hành sinh hoạt.",
        clock_words(start),
        short_date(m.held_on)
    )));
    doc = doc
        .add_paragraph(body(format!("- Thời lượng sinh hoạt: {} phút.", m.duration_minutes)))
        .add_paragraph(body(format!("- Địa điểm: {}.", or_none(&m.venue))));

    doc = doc.add_paragraph(heading("II. THÀNH PHẦN"));
    for p in attendance(m) {
        doc = doc.add_paragraph(p);
    }

    doc = doc.add_paragraph(heading("III. NỘI DUNG"));
    for p in labelled_block("1. Chủ đề sinh hoạt", &m.topic)
        .into_iter()
        .chain(labelled_block("2. Nguồn tài liệu", &m.sources))
        .chain(labelled_block("3. Chương trình", &m.agenda))
        .chain(std::iter::once(body_plain("4. Diễn biến buổi sinh hoạt:")))
        .chain(lines(&m.content))
    {
        doc = doc.add_paragraph(p);
    }

    doc = doc.add_paragraph(heading("IV. Ý KIẾN THẢO LUẬN, CÂU HỎI VÀ TRẢ LỜI"));
    for p in discussion(m) {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_paragraph(heading("V. KẾT LUẬN, NGHỊ QUYẾT"));
    for p in lines(&m.conclusions) {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_paragraph(heading("VI. TỰ ĐÁNH GIÁ CHẤT LƯỢNG"));
    for p in lines(&m.self_assessment) {
        doc = doc.add_paragraph(p);
    }

    // A meeting that runs past midnight must say which day it ended, not "the same day".
    let end_day = if ended.date() == m.held_on {
        "cùng ngày".to_string()
    } else {
        format!("ngày {}", short_date(ended.date()))
    };
    doc = doc
        .add_paragraph(body_plain(format!(
            "Buổi sinh hoạt kết thúc vào hồi {} {end_day}.",
            clock_words(ended.time())
        )))
        .add_paragraph(blank().keep_next(true))
        .add_table(signature_table(&m.minute_taker, &m.chair));

    let mut out = Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(docx_rs::DocxError::from)?;
    Ok(out.into_inner())
}

/// An empty A4 document in the party format: Times New Roman, the body size, 36-HD/VPTW margins.
pub(crate) fn a4_document() -> Docx {
    Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(567)
                .footer(567),
        )
        .default_fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT))
        .default_size(BODY)
        .default_line_spacing(LineSpacing::new().line_rule(LineSpacingType::Auto).line(264).after(80))
}

/// The two-column heading every party document opens with: the issuing bodies, the "*" and the
/// document's number (when it has one) on the left, the party's name and the date line on the
/// right, without borders. The date line sits level with the last line on the left.
pub(crate) fn header_table(superior: &str, issuer: &str, number: &str, date_line: &str) -> Table {
    let mut left = TableCell::new()
        .width(HEADER_LEFT, WidthType::Dxa)
        .add_paragraph(tight(Run::new().add_text(superior.trim()).size(HEADER)))
        .add_paragraph(tight(Run::new().add_text(issuer.trim()).size(HEADER).bold()))
        .add_paragraph(tight(Run::new().add_text("*").size(HEADER)));
    let mut right = TableCell::new()
        .width(HEADER_WIDTH - HEADER_LEFT, WidthType::Dxa)
        .add_paragraph(tight(
            Run::new().add_text("ĐẢNG CỘNG SẢN VIỆT NAM").size(TITLE).bold().underline("single"),
        ))
        .add_paragraph(tight(Run::new().add_text("")));
    if !number.trim().is_empty() {
        left = left.add_paragraph(tight(Run::new().add_text(number.trim()).size(HEADER)));
        right = right.add_paragraph(tight(Run::new().add_text("")));
    }
    right = right.add_paragraph(tight(Run::new().add_text(date_line).size(BODY).italic()));
    Table::without_borders(vec![TableRow::new(vec![left, right])])
        .set_grid(vec![HEADER_LEFT, HEADER_WIDTH - HEADER_LEFT])
        .width(HEADER_WIDTH, WidthType::Dxa)
        .indent(HEADER_INDENT)
        .layout(TableLayoutType::Fixed)
}

/// The title, centred and bold; "BIÊN BẢN" stands on its own line above what the minutes are of,
/// as the document type does in every party document.
fn title_lines(title: &str) -> Vec<Paragraph> {
    let title = title.trim();
    let (kind, rest) = match title.strip_prefix("BIÊN BẢN") {
        Some(rest) if !rest.trim().is_empty() => ("BIÊN BẢN", rest.trim()),
        _ => ("", title),
    };
    let mut out = Vec::new();
    if !kind.is_empty() {
        out.push(centred(Run::new().add_text(kind).size(TITLE).bold()));
    }
    out.push(centred(Run::new().add_text(rest).size(BODY).bold()));
    out
}

/// Section II: who chaired, who wrote, and who was there, stated the way the meeting announced it.
fn attendance(m: &Minutes) -> Vec<Paragraph> {
    let mut out = vec![
        body(format!("- Chủ trì: {}.", comrade(&m.chair))),
        body(format!("- Thư ký: {}.", comrade(&m.minute_taker))),
    ];
    let rate = percent(m.present, m.invited).map(|p| format!(" (đạt {p})")).unwrap_or_default();
    out.push(body(format!(
        "- Tổng số đảng viên được triệu tập: {} đồng chí; có mặt: {} đồng chí{rate}.",
        m.invited, m.present
    )));

    let with_reason: Vec<String> = m
        .absent_with_reason
        .iter()
        .map(|(name, reason)| match reason.trim() {
            "" => format!("+ {}.", capitalized(&comrade(name))),
            reason => format!("+ {}, lý do: {reason}.", capitalized(&comrade(name))),
        })
        .collect();
    out.extend(counted_list("- Vắng có lý do", with_reason));
    let without_reason: Vec<String> =
        m.absent_without_reason.iter().map(|name| format!("+ {}.", capitalized(&comrade(name)))).collect();
    out.extend(counted_list("- Vắng không lý do", without_reason));

    let superiors: Vec<String> =
        m.superiors.iter().map(|(name, _)| format!("+ {}.", capitalized(&comrade(name)))).collect();
    if superiors.is_empty() {
        out.push(body("- Đồng chí cấp trên dự: Không."));
    } else {
        out.push(body("- Đồng chí cấp trên dự:"));
        out.extend(superiors.into_iter().map(body));
    }
    out
}

/// "label: N đồng chí:" followed by one line each, or "label: Không." when nobody.
fn counted_list(label: &str, items: Vec<String>) -> Vec<Paragraph> {
    if items.is_empty() {
        return vec![body(format!("{label}: Không."))];
    }
    let mut out = vec![body(format!("{label}: {} đồng chí:", items.len()))];
    out.extend(items.into_iter().map(body));
    out
}

/// Section IV: what the superior members said, then members' questions and the answers.
fn discussion(m: &Minutes) -> Vec<Paragraph> {
    let remarks: Vec<Paragraph> = m
        .superiors
        .iter()
        .filter(|(_, said)| !said.trim().is_empty())
        .map(|(name, said)| body(format!("- Ý kiến {}: {}", comrade(name), said.trim())))
        .collect();
    if remarks.is_empty() {
        return lines(&m.questions);
    }
    let mut out = remarks;
    if !m.questions.trim().is_empty() {
        out.push(body_plain("- Câu hỏi của đảng viên và trả lời:"));
        out.extend(lines(&m.questions));
    }
    out
}

/// A label with its text on the same line when the text is one line, else below it.
fn labelled_block(label: &str, text: &str) -> Vec<Paragraph> {
    let items: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    match items.as_slice() {
        [] => vec![body(format!("{label}: Không."))],
        [one] => vec![body(format!("{label}: {one}"))],
        _ => std::iter::once(body_plain(format!("{label}:"))).chain(items.into_iter().map(item)).collect(),
    }
}

/// Free text, one paragraph per line; "Không" when there is none, so no section is left blank.
fn lines(text: &str) -> Vec<Paragraph> {
    let out: Vec<Paragraph> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(body).collect();
    if out.is_empty() { vec![body("Không.")] } else { out }
}

/// "đồng chí Nguyễn Văn A", leaving a name that already says so alone.
fn comrade(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        "(chưa ghi)".to_string()
    } else if name.to_lowercase().starts_with("đồng chí") {
        name.to_string()
    } else {
        format!("đồng chí {name}")
    }
}

/// The first letter in upper case, for a name that opens a list line.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A list line, given the dash it is written with unless the text brings its own mark.
fn item(text: &str) -> Paragraph {
    if text.starts_with(['-', '+', '*', '•']) { body(text) } else { body(format!("- {text}")) }
}

/// The name to print under a signature: without the title a model may carry after a comma or
/// a dash ("Vi Văn Thắng, Bí thư chi bộ"), since the label above already says the role.
fn signatory(name: &str) -> &str {
    let name = name.trim();
    let end = [name.find(','), name.find(" - "), name.find(" – ")].into_iter().flatten().min();
    end.map_or(name, |end| name[..end].trim())
}

fn or_none(text: &str) -> &str {
    match text.trim() {
        "" => "Không",
        t => t,
    }
}

/// The signature block: minute-taker on the left, chair on the right, space to sign between
/// each label and name.
fn signature_table(minute_taker: &str, chair: &str) -> Table {
    let half = TEXT_WIDTH / 2;
    let cell = |label: &str, name: &str| {
        let mut cell = TableCell::new()
            .width(half, WidthType::Dxa)
            .add_paragraph(centred(Run::new().add_text(label).bold()));
        for _ in 0..SIGNATURE_SPACE {
            cell = cell.add_paragraph(tight(Run::new()));
        }
        cell.add_paragraph(centred(Run::new().add_text(signatory(name)).bold()))
    };
    Table::without_borders(vec![
        TableRow::new(vec![cell("THƯ KÝ", minute_taker), cell("CHỦ TRÌ", chair)]).cant_split(),
    ])
    .set_grid(vec![half, TEXT_WIDTH - half])
    .width(TEXT_WIDTH, WidthType::Dxa)
    .layout(TableLayoutType::Fixed)
}

pub(crate) fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text).bold())
        .align(AlignmentType::Both)
        .line_spacing(LineSpacing::new().before(120).after(60))
        .keep_next(true)
}

/// A justified body paragraph with the 1 cm first-line indent.
pub(crate) fn body(text: impl Into<String>) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text)).align(AlignmentType::Both).indent(
        None,
        Some(SpecialIndentType::FirstLine(INDENT)),
        None,
        None,
    )
}

/// A body line that introduces what follows, so it stays on the page with it.
fn body_plain(text: impl Into<String>) -> Paragraph {
    body(text).keep_next(true)
}

pub(crate) fn centred(run: Run) -> Paragraph {
    Paragraph::new().add_run(run).align(AlignmentType::Center).line_spacing(LineSpacing::new().after(0))
}

/// A centred line without spacing after, for the stacked lines of headers and signatures.
pub(crate) fn tight(run: Run) -> Paragraph {
    centred(run).line_spacing(LineSpacing::new().line_rule(LineSpacingType::Auto).line(240).after(0))
}

pub(crate) fn blank() -> Paragraph {
    tight(Run::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn minutes_state_header_attendance_and_signatures() {
        let bytes = minutes(&sample::minutes()).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let xml = sample::zip_entry(&bytes, "word/document.xml");
        for want in [
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "ĐẢNG BỘ PHƯỜNG HOÀNG VĂN THỤ",
            "CHI BỘ KHỐI 9",
            "Lạng Sơn, ngày 15 tháng 9 năm 2021",
            "BIÊN BẢN",
            "SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 9/2021",
            "Vào hồi 19 giờ 30 phút, ngày 15/9/2021",
            "Nông Thị Hoa",
            "Đồng chí Nông Thị Hoa, lý do: đi công tác Hà Nội.",
            "Hoàng Văn Minh",
            "Thành ủy viên",
            "I. THỜI GIAN, ĐỊA ĐIỂM",
            "VI. TỰ ĐÁNH GIÁ CHẤT LƯỢNG",
            "Buổi sinh hoạt kết thúc vào hồi 21 giờ 30 phút cùng ngày.",
            "THƯ KÝ",
            "CHỦ TRÌ",
            "(đạt 87,5%)",
        ] {
            assert!(xml.contains(want), "document.xml lacks {want:?}");
        }
        // Times New Roman everywhere, the A4 page and the 30 mm left margin.
        let styles = sample::zip_entry(&bytes, "word/styles.xml");
        assert!(styles.contains("Times New Roman"));
        assert!(xml.contains("w:w=\"11906\"") && xml.contains("w:left=\"1701\""));
    }

    #[test]
    fn empty_lists_say_none_and_late_meetings_end_next_day() {
        let m = Minutes {
            starts_at: "23h15".into(),
            duration_minutes: 90,
            absent_with_reason: vec![],
            absent_without_reason: vec![],
            superiors: vec![],
            questions: String::new(),
            ..sample::minutes()
        };
        let xml = sample::zip_entry(&minutes(&m).unwrap(), "word/document.xml");
        assert!(xml.contains("- Vắng có lý do: Không."));
        assert!(xml.contains("- Vắng không lý do: Không."));
        assert!(xml.contains("- Đồng chí cấp trên dự: Không."));
        assert!(xml.contains("kết thúc vào hồi 0 giờ 45 phút ngày 16/9/2021."));
    }

    #[test]
    fn refuses_a_start_time_it_cannot_read() {
        let m = Minutes { starts_at: "tối".into(), ..sample::minutes() };
        assert!(matches!(minutes(&m), Err(ReportError::InvalidModel(_))));
        let m = Minutes { duration_minutes: -5, ..sample::minutes() };
        assert!(matches!(minutes(&m), Err(ReportError::InvalidModel(_))));
    }

    #[test]
    fn names_get_their_form_of_address_once() {
        assert_eq!(comrade("Nguyễn Văn A"), "đồng chí Nguyễn Văn A");
        assert_eq!(comrade("Đồng chí Lê B, Bí thư"), "Đồng chí Lê B, Bí thư");
        assert_eq!(capitalized("đồng chí Nông Thị Hoa"), "Đồng chí Nông Thị Hoa");
        assert_eq!(signatory(" Vi Văn Thắng, Bí thư chi bộ"), "Vi Văn Thắng");
        assert_eq!(signatory("Hà Thị Lan - Phó Bí thư"), "Hà Thị Lan");
        assert_eq!(signatory("Hà Thị Lan"), "Hà Thị Lan");
    }
}
