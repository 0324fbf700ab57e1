//! Reading form and API input: required and optional dates and texts, with Vietnamese messages.
use chrono::NaiveDate;
use coso_domain::{Violation, date};

/// Reads a required date field.
pub fn required_date(
    field: &'static str,
    label: &str,
    input: &str,
    found: &mut Vec<Violation>,
) -> Option<NaiveDate> {
    match date::parse(input) {
        Some(d) => Some(d),
        None if input.trim().is_empty() => {
            found.push(Violation::on(field, format!("Cần nhập {label}.")));
            None
        }
        None => {
            found.push(Violation::on(
                field,
                format!("{} không đúng dạng ngày (dd/mm/yyyy).", sentence_start(label)),
            ));
            None
        }
    }
}

/// Reads an optional date field.
pub fn optional_date(
    field: &'static str,
    label: &str,
    input: Option<&str>,
    found: &mut Vec<Violation>,
) -> Option<NaiveDate> {
    let s = input.map(str::trim).filter(|s| !s.is_empty())?;
    let parsed = date::parse(s);
    if parsed.is_none() {
        found.push(Violation::on(
            field,
            format!("{} không đúng dạng ngày (dd/mm/yyyy).", sentence_start(label)),
        ));
    }
    parsed
}

/// A label at the start of a sentence: its first letter capitalised.
fn sentence_start(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn required_text(field: &'static str, label: &str, input: &str, found: &mut Vec<Violation>) -> String {
    let s = input.trim();
    if s.is_empty() {
        found.push(Violation::on(field, format!("Cần nhập {label}.")));
    }
    s.to_string()
}

pub fn not_future(field: &'static str, label: &str, on: Option<NaiveDate>, found: &mut Vec<Violation>) {
    if let Some(d) = on
        && d > crate::today()
    {
        found.push(Violation::on(field, format!("{label} không thể ở tương lai.")));
    }
}
