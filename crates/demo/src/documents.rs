//! Party document numbers for the demo's decisions, `{number}-{type}/{issuer}`: each issuer
//! numbers each type of document anew every year, in date order (domain.md §10).
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

/// A decision the demo cites: written out, or issued by an organization and numbered once the
/// whole plan is drawn, so numbers follow the dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Decision {
    Written(String),
    /// An index into [`DocumentNumbers`]; copies share the one number.
    Issued(usize),
}

#[derive(Debug, Clone)]
struct Issue {
    issuer: String,
    abbreviation: &'static str,
    kind: &'static str,
    on: NaiveDate,
}

/// The register of the decisions the demo issues.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocumentNumbers {
    issued: Vec<Issue>,
    numbers: Vec<u32>,
}

impl DocumentNumbers {
    /// A decision of `kind` (QĐ, NQ, TB…) that the organization `issuer` signs on `on`,
    /// written with the issuer's abbreviation (ĐU, TU, CB…).
    pub(crate) fn issue(
        &mut self,
        issuer: &str,
        abbreviation: &'static str,
        kind: &'static str,
        on: NaiveDate,
    ) -> Decision {
        self.issued.push(Issue { issuer: issuer.to_string(), abbreviation, kind, on });
        Decision::Issued(self.issued.len() - 1)
    }

    /// Numbers every issued decision in date order, per issuer, type and year. Call again
    /// after issuing more.
    pub(crate) fn seal(&mut self) {
        let mut order: Vec<usize> = (0..self.issued.len()).collect();
        order.sort_by_key(|i| self.issued[*i].on);
        let mut counters: HashMap<(&str, &str, i32), u32> = HashMap::new();
        self.numbers = vec![0; self.issued.len()];
        for i in order {
            let issue = &self.issued[i];
            let n = counters.entry((issue.issuer.as_str(), issue.kind, issue.on.year())).or_insert(0);
            *n += 1;
            self.numbers[i] = *n;
        }
    }

    /// The decision as written on documents: `12-QĐ/ĐU`.
    pub(crate) fn text(&self, decision: &Decision) -> String {
        match decision {
            Decision::Written(text) => text.clone(),
            Decision::Issued(i) => match (self.issued.get(*i), self.numbers.get(*i)) {
                (Some(issue), Some(n)) => format!("{n:02}-{}/{}", issue.kind, issue.abbreviation),
                _ => format!("{i}-QĐ"),
            },
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_dates_per_issuer_type_and_year() {
        let d = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        let mut numbers = DocumentNumbers::default();
        let late = numbers.issue("LS-HVT", "ĐU", "QĐ", d(2020, 9));
        let early = numbers.issue("LS-HVT", "ĐU", "QĐ", d(2020, 2));
        let notice = numbers.issue("LS-HVT", "ĐU", "TB", d(2020, 5));
        let other = numbers.issue("LS-DK", "ĐU", "QĐ", d(2020, 5));
        let next_year = numbers.issue("LS-HVT", "ĐU", "QĐ", d(2021, 1));
        numbers.seal();
        let cases = [
            (early, "01-QĐ/ĐU"),
            (late.clone(), "02-QĐ/ĐU"),
            (notice, "01-TB/ĐU"),
            (other, "01-QĐ/ĐU"),
            (next_year, "01-QĐ/ĐU"),
            (Decision::Written("Sổ đảng viên".into()), "Sổ đảng viên"),
        ];
        for (decision, want) in cases {
            assert_eq!(numbers.text(&decision), want, "{decision:?}");
        }
        assert_eq!(numbers.text(&late.clone()), numbers.text(&late));
    }
}
