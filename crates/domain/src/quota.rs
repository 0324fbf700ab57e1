//! Superior attendance quotas: how many cell meetings a committee member must attend a year
//! under the policy that applies to them (domain.md §5). Quotas are data, never hard-wired.
use chrono::NaiveDate;
use serde::Serialize;

use crate::Violation;
use crate::date::Span;

/// Which committee members a quota applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum QuotaLevel {
    /// Members of the district-level (city) executive committee and leaders of its
    /// party-building boards.
    CityCommittee,
    /// Members of grassroots party committees.
    GrassrootsCommittee,
}

impl QuotaLevel {
    pub const ALL: [QuotaLevel; 2] = [QuotaLevel::CityCommittee, QuotaLevel::GrassrootsCommittee];

    pub fn code(self) -> &'static str {
        match self {
            QuotaLevel::CityCommittee => "city_committee",
            QuotaLevel::GrassrootsCommittee => "grassroots_committee",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            QuotaLevel::CityCommittee => "Cấp ủy thành phố, lãnh đạo ban xây dựng Đảng",
            QuotaLevel::GrassrootsCommittee => "Đảng ủy viên cơ sở",
        }
    }
}

/// A quota's minimum per year must be a whole number of meetings, not negative.
pub fn check_minimum(min_per_year: i32) -> Result<(), Violation> {
    if min_per_year < 0 {
        return Err(Violation::on("min_per_year", "Định mức dự sinh hoạt không thể là số âm."));
    }
    if min_per_year > 60 {
        return Err(Violation::on("min_per_year", "Định mức quá 60 cuộc một năm; hãy kiểm tra lại."));
    }
    Ok(())
}

/// Meetings still owed in a year: the quota minus what was attended, never below zero.
/// 1764-QĐ/TU (29/5/2019): cấp ủy thành phố ≥ 2 lần/năm, đảng ủy viên cơ sở ≥ 4 kỳ/năm.
pub fn shortfall(required: i64, attended: i64) -> i64 {
    (required - attended).max(0)
}

/// The quota for the part of a year a seat and its regulation were in force: the yearly
/// minimum times the share of the year's days, rounded to the nearest meeting (half up).
/// 1764-QĐ/TU states the minimum per year; holding a seat for part of a year to its share is
/// coso's reading, since the text for partial years could not be verified (domain.md §5).
pub fn prorated(min_per_year: i32, days_in_force: i64, days_in_year: i64) -> i64 {
    if days_in_year <= 0 || days_in_force <= 0 {
        return 0;
    }
    let days = days_in_force.min(days_in_year);
    (i64::from(min_per_year) * days * 2 + days_in_year) / (days_in_year * 2)
}

/// A person's seats under one quota policy in a year: the policy's minimum, the days it is in
/// force, and the assignments that put the person under it.
#[derive(Debug, Clone)]
pub struct Seats<'a> {
    pub min_per_year: i32,
    pub in_force: Span,
    pub assignments: &'a [Span],
}

/// How many meetings a person must attend in `year`: under each policy, its minimum prorated
/// to the days of the year both the policy and one of the person's assignments under it are
/// in force ([`prorated`]); when several policies apply, the largest (the strictest) holds.
/// Returns the index of the policy that holds and its requirement.
pub fn required_in_year(year: i32, under: &[Seats]) -> Option<(usize, i64)> {
    let (first, last) = (year_start(year), year_end(year));
    let days_in_year = (last - first).num_days() + 1;
    let mut best: Option<(usize, i64)> = None;
    for (i, seats) in under.iter().enumerate() {
        let covered = first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| seats.in_force.contains(*d) && seats.assignments.iter().any(|s| s.contains(*d)))
            .count() as i64;
        let required = prorated(seats.min_per_year, covered, days_in_year);
        if best.is_none_or(|(_, b)| required > b) {
            best = Some((i, required));
        }
    }
    best
}

/// January 1st of `year`.
pub fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// December 31st of `year`.
pub fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_strictest_policy_holds_for_the_days_it_covers() {
        // 1764-QĐ/TU from 29/5/2019: city committee 2 a year, grassroots committee 4 a year.
        let in_force = Span { from: d(2019, 5, 29), to: None };
        let from_january = [Span { from: d(2019, 1, 1), to: None }];
        let from_july = [Span { from: d(2021, 7, 1), to: None }];
        let city = Seats { min_per_year: 2, in_force, assignments: &from_january };
        let ward = Seats { min_per_year: 4, in_force, assignments: &from_january };
        let ward_from_july = Seats { min_per_year: 4, in_force, assignments: &from_july };
        // (year, the person's seats, the policy that holds and the meetings it requires)
        type Case<'a> = (i32, Vec<Seats<'a>>, Option<(usize, i64)>);
        let cases: [Case; 5] = [
            (2021, vec![city.clone()], Some((0, 2))),
            (2021, vec![city.clone(), ward.clone()], Some((1, 4))),
            (2021, vec![ward_from_july], Some((0, 2))),
            // The policy took effect on 29/5/2019: 217 of 365 days, 2.4 meetings, rounded to 2.
            (2019, vec![ward], Some((0, 2))),
            (2021, vec![], None),
        ];
        for (year, under, want) in cases {
            assert_eq!(required_in_year(year, &under), want, "{year} {under:?}");
        }
    }

    #[test]
    fn partial_years_hold_their_share() {
        let cases = [
            (2, 365, 365, 2),
            (2, 217, 365, 1),
            (4, 217, 365, 2),
            (2, 0, 365, 0),
            (4, 183, 366, 2),
            (2, 400, 365, 2),
            (4, 46, 365, 1),
        ];
        for (min, days, year, want) in cases {
            assert_eq!(prorated(min, days, year), want, "{min} {days}/{year}");
        }
    }

    #[test]
    fn shortfall_never_negative() {
        let cases = [(2, 0, 2), (2, 1, 1), (2, 2, 0), (4, 7, 0), (0, 0, 0)];
        for (required, attended, want) in cases {
            assert_eq!(shortfall(required, attended), want, "{required} {attended}");
        }
    }

    #[test]
    fn minimum_is_checked() {
        let cases = [(-1, false), (0, true), (2, true), (4, true), (61, false)];
        for (n, ok) in cases {
            assert_eq!(check_minimum(n).is_ok(), ok, "{n}");
        }
        for l in QuotaLevel::ALL {
            assert_eq!(QuotaLevel::from_code(l.code()), Some(l));
        }
    }
}
