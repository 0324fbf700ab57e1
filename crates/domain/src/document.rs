//! Document numbers as committees write them (domain.md §10, issue 13). A party document's
//! number reads `{number}-{type}/{issuer}` (Hướng dẫn 36-HD/VPTW, 2018, on the form of party
//! documents): `1764-QĐ/TU`, `02-ĐA/TU`, `12-HD/BTCTW`. A state document's reads
//! `{number}/{type}-{issuer}`, with the year between for legal documents (Nghị định
//! 30/2020/NĐ-CP, on clerical work): `1206/QĐ-BTP`, `30/2020/NĐ-CP`. A number identifies a
//! document only with its issuer and date: numbers restart every term.
use unicode_normalization::UnicodeNormalization;

/// Where the two forms of a number are set, for a refusal to cite.
pub const NUMBER_CITATION: &str = "Hướng dẫn 36-HD/VPTW (2018), Nghị định 30/2020/NĐ-CP";

/// Which of the two forms a number is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    Party,
    State,
}

/// A party document type: its code in numbers and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartyType {
    pub code: &'static str,
    pub label: &'static str,
}

const fn party_type(code: &'static str, label: &'static str) -> PartyType {
    PartyType { code, label }
}

/// The party document types coso knows (domain.md §10; Hướng dẫn 36-HD/VPTW, phụ lục về tên
/// loại văn bản và chữ viết tắt).
pub const PARTY_TYPES: [PartyType; 15] = [
    party_type("NQ", "Nghị quyết"),
    party_type("QĐ", "Quyết định"),
    party_type("QĐi", "Quy định"),
    party_type("QC", "Quy chế"),
    party_type("CT", "Chỉ thị"),
    party_type("KL", "Kết luận"),
    party_type("HD", "Hướng dẫn"),
    party_type("KH", "Kế hoạch"),
    party_type("CTr", "Chương trình"),
    party_type("ĐA", "Đề án"),
    party_type("BC", "Báo cáo"),
    party_type("TB", "Thông báo"),
    party_type("TTr", "Tờ trình"),
    party_type("BB", "Biên bản"),
    party_type("CV", "Công văn"),
];

/// A document number read: its form, the number as written (NFC), the serial, the type's code
/// and the issuer's abbreviation (and the year, for a state legal document).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DocNumber {
    pub style: Style,
    pub number: String,
    pub serial: String,
    #[serde(rename = "type")]
    pub type_code: String,
    pub issuer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}

impl DocNumber {
    /// The name of the document's type, for a party type coso knows.
    pub fn type_label(&self) -> Option<&'static str> {
        PARTY_TYPES.iter().find(|t| t.code == self.type_code).map(|t| t.label)
    }
}

/// A serial: digits, not all zeros.
fn serial(text: &str) -> Result<String, String> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("số văn bản «{text}» phải là chữ số"));
    }
    if text.bytes().all(|b| b == b'0') {
        return Err("số văn bản không thể là 0".into());
    }
    Ok(text.to_string())
}

/// An issuer's abbreviation: capital letters (Đ included) and digits, in parts joined by `-`
/// (`BTCTW`, `ĐU`, `UBND-VP`).
fn issuer(text: &str) -> Result<String, String> {
    let part_ok = |p: &str| {
        !p.is_empty() && p.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == 'Đ')
    };
    if text.split('-').all(part_ok) {
        Ok(text.to_string())
    } else {
        Err(format!("cơ quan ban hành «{text}» phải viết tắt bằng chữ in hoa, như TU, ĐU, BTCTW, BTP"))
    }
}

/// Reads a document number, in either form. Input may be NFC or NFD (as some keyboards and
/// PDFs give Vietnamese); what is returned is NFC. Spaces around the parts are dropped.
pub fn parse(text: &str) -> Result<DocNumber, String> {
    let nfc: String = text.nfc().collect();
    let compact: String = nfc.split_whitespace().collect();
    if compact.is_empty() {
        return Err("Chưa có số hiệu văn bản.".into());
    }
    let wrap = |e: String| format!("Số hiệu «{compact}» không đúng: {e}.");
    let known_types = || PARTY_TYPES.iter().map(|t| t.code).collect::<Vec<_>>().join(", ");
    // Party: 1764-QĐ/TU.
    if let Some((head, issued_by)) = compact.split_once('/')
        && let Some((number, kind)) = head.split_once('-')
        && !issued_by.contains('/')
    {
        let serial = serial(number).map_err(wrap)?;
        let Some(t) = PARTY_TYPES.iter().find(|t| t.code == kind) else {
            return Err(wrap(format!(
                "loại văn bản «{kind}» không có trong danh mục của Đảng ({})",
                known_types()
            )));
        };
        let issuer = issuer(issued_by).map_err(wrap)?;
        return Ok(DocNumber {
            style: Style::Party,
            number: compact.clone(),
            serial,
            type_code: t.code.into(),
            issuer,
            year: None,
        });
    }
    // State: 1206/QĐ-BTP, or 30/2020/NĐ-CP.
    let parts: Vec<&str> = compact.split('/').collect();
    let (number, year, tail) = match parts.as_slice() {
        [number, tail] => (*number, None, *tail),
        [number, year, tail] => (*number, Some(*year), *tail),
        _ => {
            return Err(wrap(
                "cần dạng của Đảng «số-loại/cơ quan» (1764-QĐ/TU) hoặc của Nhà nước «số/loại-cơ quan» (1206/QĐ-BTP)"
                    .into(),
            ));
        }
    };
    let serial = serial(number).map_err(wrap)?;
    let year = match year {
        None => None,
        Some(y) => match y.parse::<u16>() {
            Ok(v) if y.len() == 4 && (1945..=2100).contains(&v) => Some(v),
            _ => return Err(wrap(format!("năm «{y}» phải có bốn chữ số"))),
        },
    };
    let Some((kind, issued_by)) = tail.split_once('-') else {
        return Err(wrap("văn bản Nhà nước ghi «loại-cơ quan» sau số, như QĐ-BTP".into()));
    };
    if kind.is_empty()
        || !kind.chars().all(|c| c.is_alphabetic())
        || !kind.starts_with(|c: char| c.is_uppercase())
    {
        return Err(wrap(format!("loại văn bản «{kind}» phải là chữ viết tắt, như QĐ, NĐ, TT")));
    }
    let issuer = issuer(issued_by).map_err(wrap)?;
    Ok(DocNumber {
        style: Style::State,
        number: compact.clone(),
        serial,
        type_code: kind.into(),
        issuer,
        year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_and_state_numbers_read_as_written() {
        // The seed's documents (domain.md §10) and the state's forms (Nghị định 30/2020/NĐ-CP).
        let cases = [
            ("1764-QĐ/TU", Style::Party, "1764", "QĐ", "TU", None),
            ("35-KH/TU", Style::Party, "35", "KH", "TU", None),
            ("02-ĐA/TU", Style::Party, "02", "ĐA", "TU", None),
            ("12-HD/BTCTW", Style::Party, "12", "HD", "BTCTW", None),
            ("24-QĐi/TW", Style::Party, "24", "QĐi", "TW", None),
            (" 15 - NQ / ĐU ", Style::Party, "15", "NQ", "ĐU", None),
            ("1206/QĐ-BTP", Style::State, "1206", "QĐ", "BTP", None),
            ("30/2020/NĐ-CP", Style::State, "30", "NĐ", "CP", Some(2020)),
            ("12/QĐ-UBND-VP", Style::State, "12", "QĐ", "UBND-VP", None),
        ];
        for (text, style, serial, kind, by, year) in cases {
            let n = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                (n.style, n.serial.as_str(), n.type_code.as_str(), n.issuer.as_str(), n.year),
                (style, serial, kind, by, year),
                "{text}"
            );
        }
        assert_eq!(parse("02-ĐA/TU").unwrap().type_label(), Some("Đề án"));
    }

    #[test]
    fn decomposed_input_gives_composed_output() {
        // "Đ" has no decomposition; a type written with a combining mark ("QĐi" is plain, but
        // an issuer typed with NFD letters) is composed before it is read.
        let nfd = "1764-QĐ/TU".nfd().collect::<String>();
        assert_eq!(parse(&nfd).unwrap().number, "1764-QĐ/TU");
        let decomposed_issuer = "5/QĐ-BỘ".nfd().collect::<String>();
        let err = parse(&decomposed_issuer).unwrap_err();
        assert!(err.contains("«BỘ»"), "the reason names the issuer composed: {err}");
    }

    #[test]
    fn what_is_not_a_document_number_is_refused_with_its_reason() {
        let cases = [
            ("", "Chưa có số hiệu"),
            ("abc", "cần dạng của Đảng"),
            ("x-QĐ/TU", "phải là chữ số"),
            ("0-QĐ/TU", "không thể là 0"),
            ("12-XX/TU", "loại văn bản «XX» không có trong danh mục"),
            ("12-QĐ/tu", "phải viết tắt bằng chữ in hoa"),
            ("12/QĐBTP", "ghi «loại-cơ quan»"),
            ("12/20/NĐ-CP", "năm «20» phải có bốn chữ số"),
            ("1/2/3/4", "cần dạng của Đảng"),
        ];
        for (text, want) in cases {
            let err = parse(text).expect_err(text);
            assert!(err.contains(want), "{text}: {err}");
        }
    }
}
