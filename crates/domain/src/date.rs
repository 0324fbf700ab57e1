//! Dates as Vietnamese users write them (dd/mm/yyyy) and as forms send them (yyyy-mm-dd);
//! date ranges: the half-open [`Span`] of records and the closed [`Period`] of reports.
use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::Violation;

/// Reads a day as people type it: `dd/mm/yyyy`, `d/m/yyyy`, with dots or dashes for slashes,
/// eight digits `ddmmyyyy` (a phone's number pad has no slash), or ISO `yyyy-mm-dd` (what
/// links and the API send).
pub fn parse(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(iso) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(iso);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%d%m%Y").ok();
    }
    let slashed = s.replace(['.', '-'], "/");
    // A year must be written in full: "1/4/21" is not the year 21.
    if slashed.rsplit('/').next().is_none_or(|year| year.len() != 4) {
        return None;
    }
    NaiveDate::parse_from_str(&slashed, "%d/%m/%Y").ok()
}

/// Reads a time of day as people type it, always on the 24-hour clock: `19:30`, `7:30`,
/// `19h30`, `19h`, `1930` or `730`.
pub fn parse_time(input: &str) -> Option<NaiveTime> {
    let s = input.trim().to_lowercase();
    let (h, m) = match s.split_once([':', 'h', '.']) {
        Some((h, m)) => (h.trim(), if m.trim().is_empty() { "0" } else { m.trim() }),
        None if (3..=4).contains(&s.len()) => s.split_at(s.len() - 2),
        None => return None,
    };
    let digits = |t: &str| !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Writes `dd/mm/yyyy`.
pub fn format(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// Whole years between `from` and `on` (age on a date).
pub fn years_between(from: NaiveDate, on: NaiveDate) -> i32 {
    let mut years = on.year() - from.year();
    if (on.month(), on.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}

/// The date `months` calendar months after `date` (clamped to the month's end).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(months)).unwrap_or(date)
}

/// A half-open date range `[from, to)`; `to = None` means still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl Span {
    pub fn overlaps(&self, other: &Span) -> bool {
        let a_ends_after_b_starts = self.to.is_none_or(|t| t > other.from);
        let b_ends_after_a_starts = other.to.is_none_or(|t| t > self.from);
        a_ends_after_b_starts && b_ends_after_a_starts
    }

    pub fn check(&self) -> Result<(), Violation> {
        match self.to {
            Some(to) if to <= self.from => {
                Err(Violation::on("valid_to", "Ngày kết thúc phải sau ngày bắt đầu."))
            }
            _ => Ok(()),
        }
    }

    pub fn contains(&self, on: NaiveDate) -> bool {
        self.from <= on && self.to.is_none_or(|t| on < t)
    }
}

/// The days a report covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

const NOT_A_DATE: &str = "Ngày không hợp lệ; hãy ghi theo dạng dd/mm/yyyy (ví dụ 17/10/2021).";

impl Period {
    /// January 1st of `today`'s year to `today`: what a report covers unless asked otherwise.
    pub fn year_to_date(today: NaiveDate) -> Period {
        Period { from: NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today), to: today }
    }

    /// Reads a period as a query gives it: an empty end takes `default`'s; a date that cannot
    /// be read or a period that ends before it starts is refused, never silently replaced.
    pub fn read(from: Option<&str>, to: Option<&str>, default: Period) -> Result<Period, Vec<Violation>> {
        let from = read_day("from", from, default.from);
        let to = read_day("to", to, default.to);
        match (from, to) {
            (Ok(from), Ok(to)) if to < from => Err(vec![Violation::on(
                "to",
                format!("Ngày kết thúc ({}) phải từ ngày bắt đầu ({}) trở về sau.", format(to), format(from)),
            )]),
            (Ok(from), Ok(to)) => Ok(Period { from, to }),
            (from, to) => Err(from.err().into_iter().chain(to.err()).flatten().collect()),
        }
    }
}

/// Reads one day from a query value: empty is `default`; anything else must be a date.
pub fn read_day(
    field: &'static str,
    value: Option<&str>,
    default: NaiveDate,
) -> Result<NaiveDate, Vec<Violation>> {
    match value.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some(s) => parse(s).ok_or_else(|| vec![Violation::on(field, NOT_A_DATE)]),
    }
}

/// Reads a year (a rating's, a quota's): empty is `default`.
pub fn read_year(field: &'static str, value: Option<&str>, default: i32) -> Result<i32, Vec<Violation>> {
    match value.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some(s) => s
            .parse::<i32>()
            .ok()
            .filter(|y| (1930..=2100).contains(y))
            .ok_or_else(|| vec![Violation::on(field, "Năm không hợp lệ, ví dụ 2021.")]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_both_forms_and_refuses_nonsense() {
        let cases = [
            ("17/10/2021", Some(d(2021, 10, 17))),
            ("1/4/2021", Some(d(2021, 4, 1))),
            ("2021-10-17", Some(d(2021, 10, 17))),
            (" 2019-05-29 ", Some(d(2019, 5, 29))),
            ("17.10.2021", Some(d(2021, 10, 17))),
            ("17-10-2021", Some(d(2021, 10, 17))),
            ("17102021", Some(d(2021, 10, 17))),
            ("31/02/2021", None),
            ("1/4/21", None),
            ("10/17/2021", None),
            ("32122021", None),
            ("", None),
            ("hôm qua", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input), want, "input {input:?}");
        }
    }

    #[test]
    fn reads_times_on_the_24_hour_clock() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        let cases = [
            ("19:30", t(19, 30)),
            ("7:30", t(7, 30)),
            ("07:05", t(7, 5)),
            ("19h30", t(19, 30)),
            ("19h", t(19, 0)),
            ("19H", t(19, 0)),
            ("1930", t(19, 30)),
            ("730", t(7, 30)),
            ("24:00", None),
            ("19:60", None),
            ("7:30 PM", None),
            ("", None),
            ("tối", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_time(input), want, "input {input:?}");
        }
    }

    #[test]
    fn a_period_is_read_whole_or_refused() {
        let default = Period::year_to_date(d(2021, 10, 17));
        assert_eq!(default, Period { from: d(2021, 1, 1), to: d(2021, 10, 17) });
        let fields = |r: Result<Period, Vec<Violation>>| -> Vec<&'static str> {
            r.err().unwrap_or_default().iter().filter_map(|v| v.field).collect()
        };
        // (from, to, the period read or the fields refused)
        type Case<'a> = (Option<&'a str>, Option<&'a str>, Result<Period, Vec<&'a str>>);
        let cases: [Case; 6] = [
            (None, None, Ok(default)),
            (Some("01/01/2019"), Some(""), Ok(Period { from: d(2019, 1, 1), to: d(2021, 10, 17) })),
            (
                Some("2019-05-29"),
                Some("17/10/2021"),
                Ok(Period { from: d(2019, 5, 29), to: d(2021, 10, 17) }),
            ),
            (Some("17/10/2021"), Some("01/01/2021"), Err(vec!["to"])),
            (Some("32/01/2021"), Some("hôm nay"), Err(vec!["from", "to"])),
            (
                Some("17/10/2021"),
                Some("17/10/2021"),
                Ok(Period { from: d(2021, 10, 17), to: d(2021, 10, 17) }),
            ),
        ];
        for (from, to, want) in cases {
            let got = Period::read(from, to, default);
            match want {
                Ok(p) => assert_eq!(got, Ok(p), "{from:?} {to:?}"),
                Err(f) => assert_eq!(fields(got), f, "{from:?} {to:?}"),
            }
        }
        assert_eq!(read_year("year", Some("2021"), 2026), Ok(2021));
        assert!(read_year("year", Some("21"), 2026).is_err());
    }

    #[test]
    fn formats_day_first() {
        assert_eq!(format(d(2019, 5, 29)), "29/05/2019");
    }

    #[test]
    fn counts_whole_years() {
        let cases = [
            (d(2000, 10, 17), d(2018, 10, 16), 17),
            (d(2000, 10, 17), d(2018, 10, 17), 18),
            (d(2000, 2, 29), d(2018, 2, 28), 17),
        ];
        for (from, on, want) in cases {
            assert_eq!(years_between(from, on), want);
        }
    }
}
