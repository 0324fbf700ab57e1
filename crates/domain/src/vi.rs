//! How dates, clock times, numbers and shares are written in Vietnamese: the one place pages,
//! documents and spreadsheets take them from.
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

/// The date line of a party document: "Lạng Sơn, ngày 05 tháng 9 năm 2021".
/// 36-HD/VPTW (2018): days below 10 and months below 3 take a leading zero, so the line reads
/// the same whoever types it (the guideline's own date line is "ngày 03 tháng 4 năm 2018").
pub fn document_date_line(place: &str, date: NaiveDate) -> String {
    let day = date.day();
    let month = date.month();
    let day = if day < 10 { format!("0{day}") } else { day.to_string() };
    let month = if month < 3 { format!("0{month}") } else { month.to_string() };
    let place = place.trim();
    let date = format!("ngày {day} tháng {month} năm {}", date.year());
    if place.is_empty() { date } else { format!("{place}, {date}") }
}

/// A date inside running text, the way minutes write it: "15/9/2021".
pub fn short_date(date: NaiveDate) -> String {
    format!("{}/{}/{}", date.day(), date.month(), date.year())
}

/// Reads a start time as secretaries type it: "19:30", "7:05", "19h30", "19h", "19 giờ 30 phút".
pub fn parse_clock(input: &str) -> Option<NaiveTime> {
    let lower = input.trim().to_lowercase();
    let cleaned = lower.replace("phút", " ").replace("giờ", ":").replace(['h', 'g', '.'], ":");
    let mut parts = cleaned.split(':').map(str::trim);
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = match parts.next() {
        None | Some("") => 0,
        Some(m) => m.parse().ok()?,
    };
    if parts.any(|rest| !rest.is_empty()) {
        return None;
    }
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// A clock time in words: "19 giờ 30 phút", "21 giờ 00 phút".
pub fn clock_words(time: NaiveTime) -> String {
    format!("{} giờ {:02} phút", time.hour(), time.minute())
}

/// A number with "." between thousands and "," before one decimal, the decimal dropped when
/// it is zero: 1234.5 → "1.234,5", 90.0 → "90".
pub fn number(value: f64) -> String {
    // Beyond this a tenth no longer fits an i64; such values are not counts people report.
    if !value.is_finite() || value.abs() >= 1e15 {
        return format!("{value}");
    }
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let whole = (tenths / 10).unsigned_abs();
    let tenth = (tenths % 10).unsigned_abs();
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    if tenth == 0 { format!("{sign}{grouped}") } else { format!("{sign}{grouped},{tenth}") }
}

/// A ratio 0..1 as a percentage: 0.935 → "93,5%", 1.0 → "100%".
pub fn share(ratio: f64) -> String {
    format!("{}%", number(ratio * 100.0))
}

/// `part` of `whole` as a percentage in words: "88%", "91,7%"; none when `whole` is not positive.
pub fn percent(part: i64, whole: i64) -> Option<String> {
    (whole > 0).then(|| format!("{}%", number(part as f64 * 100.0 / whole as f64)))
}

/// The body that leads a party organization and issues its documents, and the abbreviation
/// its document numbers carry, from the organization's name (Hướng dẫn 36-HD/VPTW: a
/// district-level committee signs as "Thành ủy", "Huyện ủy"…, a grassroots one as "Đảng ủy",
/// a cell as "Chi bộ"): "Đảng bộ thành phố Lạng Sơn" → ("Thành ủy Lạng Sơn", "TU").
pub fn committee_of(org_name: &str) -> (String, &'static str) {
    let name = org_name.trim();
    match district_of(name) {
        Some((body, code, place)) => (format!("{body} {place}"), code),
        None => match name.to_lowercase().strip_prefix("đảng bộ ") {
            Some(rest) => (format!("Đảng ủy {}", &name[name.len() - rest.len()..]), "ĐU"),
            None if name.to_lowercase().starts_with("chi bộ") => (name.to_string(), "CB"),
            None => (name.to_string(), "ĐU"),
        },
    }
}

/// The place a district-level party organization is named for, which its documents' date
/// line carries: "Đảng bộ thành phố Lạng Sơn" → "Lạng Sơn"; any other name is its own place.
pub fn place_of(org_name: &str) -> String {
    let name = org_name.trim();
    district_of(name).map_or_else(|| name.to_string(), |(_, _, place)| place.to_string())
}

/// A district-level organization's committee title, its documents' abbreviation and its
/// place: "Đảng bộ thành phố Lạng Sơn" → ("Thành ủy", "TU", "Lạng Sơn").
fn district_of(name: &str) -> Option<(&'static str, &'static str, &str)> {
    const DISTRICT: [(&str, &str, &str); 5] = [
        ("tỉnh ", "Tỉnh ủy", "TU"),
        ("thành phố ", "Thành ủy", "TU"),
        ("thị xã ", "Thị ủy", "TU"),
        ("huyện ", "Huyện ủy", "HU"),
        ("quận ", "Quận ủy", "QU"),
    ];
    let lower = name.to_lowercase();
    let rest = lower.strip_prefix("đảng bộ ")?;
    let tail = &name[name.len() - rest.len()..];
    DISTRICT.iter().find(|(prefix, _, _)| rest.starts_with(prefix)).map(|(prefix, body, code)| {
        // Lowercasing keeps these letters' lengths, so the prefix's length cuts the name as typed.
        (*body, *code, &tail[prefix.len()..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn date_line_pads_small_days_and_early_months() {
        let cases = [
            ("Lạng Sơn", d(2021, 9, 15), "Lạng Sơn, ngày 15 tháng 9 năm 2021"),
            ("Lạng Sơn", d(2021, 9, 5), "Lạng Sơn, ngày 05 tháng 9 năm 2021"),
            ("Hà Nội", d(2018, 4, 3), "Hà Nội, ngày 03 tháng 4 năm 2018"),
            ("Hà Nội", d(2022, 2, 28), "Hà Nội, ngày 28 tháng 02 năm 2022"),
            (" ", d(2022, 12, 1), "ngày 01 tháng 12 năm 2022"),
        ];
        for (place, date, want) in cases {
            assert_eq!(document_date_line(place, date), want);
        }
        assert_eq!(short_date(d(2021, 9, 5)), "5/9/2021");
    }

    #[test]
    fn reads_start_times_as_typed() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        let cases = [
            ("19:30", t(19, 30)),
            ("7:05", t(7, 5)),
            ("19h30", t(19, 30)),
            ("19H", t(19, 0)),
            ("19 giờ 30 phút", t(19, 30)),
            ("8g15", t(8, 15)),
            ("25:00", None),
            ("tối", None),
            ("", None),
            ("19:30:10", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_clock(input), want, "input {input:?}");
        }
        assert_eq!(clock_words(NaiveTime::from_hms_opt(21, 0, 0).unwrap()), "21 giờ 00 phút");
    }

    #[test]
    fn writes_numbers_the_vietnamese_way() {
        let cases = [
            (0.0, "0"),
            (90.0, "90"),
            (1234.5, "1.234,5"),
            (1_000_000.0, "1.000.000"),
            (-2.25, "-2,3"),
            (0.04, "0"),
            (999.96, "1.000"),
        ];
        for (value, want) in cases {
            assert_eq!(number(value), want, "value {value}");
        }
        assert_eq!(percent(22, 24).as_deref(), Some("91,7%"));
        assert_eq!(percent(22, 22).as_deref(), Some("100%"));
        assert_eq!(percent(1, 0), None);
        assert_eq!(share(0.935), "93,5%");
        assert_eq!(share(1.0), "100%");
    }

    #[test]
    fn a_committee_is_named_from_its_organization() {
        let cases = [
            ("Đảng bộ thành phố Lạng Sơn", "Thành ủy Lạng Sơn", "TU"),
            ("Đảng bộ tỉnh Lạng Sơn", "Tỉnh ủy Lạng Sơn", "TU"),
            ("Đảng bộ huyện Cao Lộc", "Huyện ủy Cao Lộc", "HU"),
            ("Đảng bộ phường Đông Kinh", "Đảng ủy phường Đông Kinh", "ĐU"),
            ("Chi bộ khối 9", "Chi bộ khối 9", "CB"),
        ];
        for (org, body, code) in cases {
            assert_eq!(committee_of(org), (body.to_string(), code), "{org}");
        }
        let places = [
            ("Đảng bộ thành phố Lạng Sơn", "Lạng Sơn"),
            ("Đảng bộ huyện Cao Lộc", "Cao Lộc"),
            ("Đảng bộ phường Đông Kinh", "Đảng bộ phường Đông Kinh"),
        ];
        for (org, place) in places {
            assert_eq!(place_of(org), place, "{org}");
        }
    }
}
