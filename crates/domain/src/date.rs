//! Dates as Vietnamese users write them (dd/mm/yyyy) and as forms send them (yyyy-mm-dd).
use chrono::{Datelike, NaiveDate};

/// Reads `dd/mm/yyyy`, `d/m/yyyy` or ISO `yyyy-mm-dd`.
pub fn parse(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y")).ok()
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
            ("31/02/2021", None),
            ("", None),
            ("hôm qua", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input), want, "input {input:?}");
        }
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
