//! Folding Vietnamese text for search: lowercase, tone and vowel marks removed, đ → d.

/// The folded form stored beside names: "Đông Kinh" → "dong kinh".
/// Both precomposed letters and letters followed by combining marks fold the same way.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut last_space = true;
    for ch in input.chars() {
        if ('\u{0300}'..='\u{036f}').contains(&ch) {
            continue;
        }
        if ch.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        last_space = false;
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
            continue;
        }
        match base_letter(ch) {
            Some(b) => out.push(b),
            None => out.extend(ch.to_lowercase()),
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Whether a search text is a card number rather than a name: names carry no digits, card
/// numbers do. Each search then reads one column, which its index can serve.
pub fn is_card_number_query(query: &str) -> bool {
    query.chars().any(|c| c.is_ascii_digit())
}

/// The plain lowercase letter under a Vietnamese letter, if it carries marks.
fn base_letter(ch: char) -> Option<char> {
    const GROUPS: [(char, &str); 12] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"),
        ('e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"),
        ('i', "ìíỉĩịÌÍỈĨỊ"),
        ('o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"),
        ('u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"),
        ('y', "ỳýỷỹỵỲÝỶỸỴ"),
        ('d', "đĐÐ"),
        ('a', "ăâĂÂ"),
        ('e', "êÊ"),
        ('o', "ôơÔƠ"),
        ('u', "ưƯ"),
        ('c', "çÇ"),
    ];
    GROUPS.iter().find(|(_, letters)| letters.contains(ch)).map(|(base, _)| *base)
}

/// Text in Unicode NFC, trimmed: Vietnamese typed or pasted in NFD (some keyboards, PDFs) is
/// stored and compared in the one form.
pub fn nfc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.trim().nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn digits_make_a_card_number_query() {
        let cases =
            [("nguyen van an", false), ("Đông", false), ("0123", true), ("LS-00042", true), ("", false)];
        for (q, want) in cases {
            assert_eq!(super::is_card_number_query(q), want, "{q:?}");
        }
    }

    #[test]
    fn folds_vietnamese_names() {
        let cases = [
            ("Đông Kinh", "dong kinh"),
            ("HOÀNG VĂN THỤ", "hoang van thu"),
            ("Chi bộ khối Cửa Nam", "chi bo khoi cua nam"),
            ("Nguyễn  Thị   Ánh ", "nguyen thi anh"),
            ("Quảng Lạc", "quang lac"),
            ("Lương Ngọc Quyến", "luong ngoc quyen"),
            // decomposed: "Đô" + combining circumflex and tone marks
            ("Ðo\u{0302}\u{0301}ng", "dong"),
            ("ABC-123", "abc-123"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "input {input:?}");
        }
    }
}
