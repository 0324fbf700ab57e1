//! Reading form and API input into checked values ("parse, don't validate"): each reader gives
//! its field's value or the violations that make it unreadable, and [`All::all`] joins the
//! fields of one input, so a use case holds checked values only and a form shows every wrong
//! field at once.
use chrono::NaiveDate;
use coso_domain::{Violation, date};

/// One field read from input: its checked value, or why it cannot be read.
pub type Field<T> = Result<T, Vec<Violation>>;

fn refuse<T>(field: &'static str, message: impl Into<String>) -> Field<T> {
    Err(vec![Violation::on(field, message)])
}

/// A required date (dd/mm/yyyy or yyyy-mm-dd).
pub fn required_date(field: &'static str, label: &str, input: &str) -> Field<NaiveDate> {
    match date::parse(input) {
        Some(d) => Ok(d),
        None if input.trim().is_empty() => refuse(field, format!("Cần nhập {label}.")),
        None => refuse(field, format!("{} không đúng dạng ngày (dd/mm/yyyy).", sentence_start(label))),
    }
}

/// A required date that has already come: events are recorded once they happened.
pub fn past_date(field: &'static str, label: &str, input: &str) -> Field<NaiveDate> {
    let on = required_date(field, label, input)?;
    if on > crate::today() {
        return refuse(field, format!("{} không thể ở tương lai.", sentence_start(label)));
    }
    Ok(on)
}

/// An optional date: empty is `None`, anything else must read as a date.
pub fn optional_date(field: &'static str, label: &str, input: Option<&str>) -> Field<Option<NaiveDate>> {
    match input.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => match date::parse(s) {
            Some(d) => Ok(Some(d)),
            None => refuse(field, format!("{} không đúng dạng ngày (dd/mm/yyyy).", sentence_start(label))),
        },
    }
}

/// A required text, trimmed.
pub fn required_text(field: &'static str, label: &str, input: &str) -> Field<String> {
    match input.trim() {
        "" => refuse(field, format!("Cần nhập {label}.")),
        s => Ok(s.to_string()),
    }
}

/// A value chosen from a list (a kind, a role…): `None` when the input named none of them.
pub fn chosen<T>(field: &'static str, message: &str, value: Option<T>) -> Field<T> {
    value.ok_or_else(|| vec![Violation::on(field, message)])
}

/// A rule's verdict on the input, as a field that holds nothing.
pub fn rule(verdict: Result<(), Violation>) -> Field<()> {
    verdict.map_err(|v| vec![v])
}

/// Several rules' violations, as a field that holds nothing.
pub fn rules(violations: Vec<Violation>) -> Field<()> {
    if violations.is_empty() { Ok(()) } else { Err(violations) }
}

/// A label at the start of a sentence: its first letter capitalised.
pub(crate) fn sentence_start(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The fields of one input read together: every value, or every violation of every field.
pub trait All {
    type Values;
    fn all(self) -> Field<Self::Values>;
}

macro_rules! all_of_tuple {
    ($($name:ident: $t:ident),+) => {
        impl<$($t),+> All for ($(Field<$t>,)+) {
            type Values = ($($t,)+);
            fn all(self) -> Field<Self::Values> {
                let ($($name,)+) = self;
                match ($($name,)+) {
                    ($(Ok($name),)+) => Ok(($($name,)+)),
                    ($($name,)+) => {
                        let mut found = Vec::new();
                        $(if let Err(v) = $name { found.extend(v); })+
                        Err(found)
                    }
                }
            }
        }
    };
}

all_of_tuple!(a: A);
all_of_tuple!(a: A, b: B);
all_of_tuple!(a: A, b: B, c: C);
all_of_tuple!(a: A, b: B, c: C, d: D);
all_of_tuple!(a: A, b: B, c: C, d: D, e: E);
all_of_tuple!(a: A, b: B, c: C, d: D, e: E, f: F);
all_of_tuple!(a: A, b: B, c: C, d: D, e: E, f: F, g: G);
all_of_tuple!(a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H);
all_of_tuple!(a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H, i: I);
all_of_tuple!(a: A, b: B, c: C, d: D, e: E, f: F, g: G, h: H, i: I, j: J);

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(result: Field<impl std::fmt::Debug>) -> Vec<&'static str> {
        match result {
            Err(vs) => vs.iter().filter_map(|v| v.field).collect(),
            Ok(values) => panic!("expected violations, got {values:?}"),
        }
    }

    #[test]
    fn all_gives_every_value_or_every_violation() {
        let ok = (required_text("a", "tên", " An "), required_date("b", "ngày", "17/10/2021")).all();
        assert_eq!(
            ok.ok(),
            Some(("An".to_string(), NaiveDate::from_ymd_opt(2021, 10, 17).unwrap_or_default()))
        );
        let bad =
            (required_text("a", "tên", ""), required_date("b", "ngày", "31/02/2021"), rule(Ok(()))).all();
        assert_eq!(fields(bad), ["a", "b"]);
    }

    #[test]
    fn dates_read_as_users_write_them() {
        let cases = [
            ("", Some("Cần nhập ngày sinh hoạt.")),
            ("32/01/2021", Some("Ngày sinh hoạt không đúng dạng ngày (dd/mm/yyyy).")),
            ("01/01/2999", Some("Ngày sinh hoạt không thể ở tương lai.")),
            ("2021-10-17", None),
        ];
        for (input, want) in cases {
            let got = past_date("held_on", "ngày sinh hoạt", input).err().map(|v| v[0].message.clone());
            assert_eq!(got.as_deref(), want, "{input}");
        }
        assert_eq!(optional_date("d", "ngày", Some("  ")), Ok(None));
    }
}
