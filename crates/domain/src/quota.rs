//! Superior attendance quotas: how many cell meetings a committee member must attend a year
//! under the policy that applies to them (domain.md §5). Quotas are data, never hard-wired.
use serde::Serialize;

use crate::Violation;

/// Which committee members a quota applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
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

#[cfg(test)]
mod tests {
    use super::*;

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
