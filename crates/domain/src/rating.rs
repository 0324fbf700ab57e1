//! The annual review and rating of organizations and members (kiểm điểm, đánh giá, xếp loại
//! chất lượng; domain.md §8, issue 10): the four tiers, the policy in force for a rating's year,
//! and the rules every policy shares the shape of. A rule that a rating breaks is a
//! [`RatingViolation`] naming its subject, its rule id and the text it comes from.
//!
//! This module is the first step of issue 10: the tiers, the choice of policy by year, who is
//! not rated, and the cap on excellent members. The criteria, discipline and score rules of
//! each policy follow in the same shape.
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// A rating tier, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Hoàn thành xuất sắc nhiệm vụ (HTXSNV).
    Excellent,
    /// Hoàn thành tốt nhiệm vụ (HTTNV).
    Good,
    /// Hoàn thành nhiệm vụ (HTNV).
    Complete,
    /// Không hoàn thành nhiệm vụ (KHTNV).
    NotComplete,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Excellent, Tier::Good, Tier::Complete, Tier::NotComplete];

    pub fn code(self) -> &'static str {
        match self {
            Tier::Excellent => "excellent",
            Tier::Good => "good",
            Tier::Complete => "complete",
            Tier::NotComplete => "not_complete",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            Tier::Good => "Hoàn thành tốt nhiệm vụ",
            Tier::Complete => "Hoàn thành nhiệm vụ",
            Tier::NotComplete => "Không hoàn thành nhiệm vụ",
        }
    }

    /// The abbreviation reports use: HTXSNV, HTTNV, HTNV, KHTNV.
    pub fn short(self) -> &'static str {
        match self {
            Tier::Excellent => "HTXSNV",
            Tier::Good => "HTTNV",
            Tier::Complete => "HTNV",
            Tier::NotComplete => "KHTNV",
        }
    }

    /// Good or better: the share the seed reports every year.
    pub fn good_or_better(self) -> bool {
        self <= Tier::Good
    }
}

/// The rules a rating is judged by: the version in force for its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// Years before 2018: recorded without a policy check, and marked so, until the guidance
    /// then in force is found and cited.
    Unchecked,
    /// 2018: Quy định 132-QĐ/TW (8/3/2018) with Hướng dẫn 16-HD/BTCTW (24/9/2018).
    Qd132Hd16,
    /// 2019–2022: Quy định 132-QĐ/TW with Hướng dẫn 21-HD/BTCTW (18/10/2019).
    Qd132Hd21,
    /// 2023–2024: Quy định 124-QĐ/TW (4/10/2023) with Hướng dẫn 25-HD/BTCTW (10/11/2023).
    Qd124Hd25,
    /// 2025 on: Quy định 366-QĐ/TW (30/8/2025) with Hướng dẫn 43-HD/BTCTW (31/10/2025), the
    /// 100-point score.
    Qd366Hd43,
}

impl Policy {
    /// The policy in force for the ratings of `year` (domain.md §8).
    pub fn for_year(year: i32) -> Policy {
        match year {
            ..=2017 => Policy::Unchecked,
            2018 => Policy::Qd132Hd16,
            2019..=2022 => Policy::Qd132Hd21,
            2023..=2024 => Policy::Qd124Hd25,
            _ => Policy::Qd366Hd43,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Policy::Unchecked => "unchecked",
            Policy::Qd132Hd16 => "132-QĐ/TW+16-HD/BTCTW",
            Policy::Qd132Hd21 => "132-QĐ/TW+21-HD/BTCTW",
            Policy::Qd124Hd25 => "124-QĐ/TW+25-HD/BTCTW",
            Policy::Qd366Hd43 => "366-QĐ/TW+43-HD/BTCTW",
        }
    }

    /// The texts, as a rating's page cites them.
    pub fn texts(self) -> &'static str {
        match self {
            Policy::Unchecked => "Chưa đối chiếu quy định (năm trước 2018)",
            Policy::Qd132Hd16 => "Quy định 132-QĐ/TW ngày 8/3/2018; Hướng dẫn 16-HD/BTCTW ngày 24/9/2018",
            Policy::Qd132Hd21 => "Quy định 132-QĐ/TW ngày 8/3/2018; Hướng dẫn 21-HD/BTCTW ngày 18/10/2019",
            Policy::Qd124Hd25 => "Quy định 124-QĐ/TW ngày 4/10/2023; Hướng dẫn 25-HD/BTCTW ngày 10/11/2023",
            Policy::Qd366Hd43 => "Quy định 366-QĐ/TW ngày 30/8/2025; Hướng dẫn 43-HD/BTCTW ngày 31/10/2025",
        }
    }

    /// Where the cap on excellent members comes from, when this policy has one: at most 20%
    /// of those rated good within one TCCSĐ. 21-HD/BTCTW point 2.3 for 2019–2022; 124-QĐ/TW
    /// Điều 12 keeps it for 2023–2024. 16-HD/BTCTW (2018) and 366-QĐ/TW (2025 on) are not
    /// verified to set it: none until their text is found.
    pub fn excellent_cap(self) -> Option<&'static str> {
        match self {
            Policy::Qd132Hd21 => Some("Hướng dẫn 21-HD/BTCTW, điểm 2.3"),
            Policy::Qd124Hd25 => Some("Quy định 124-QĐ/TW, Điều 12"),
            Policy::Unchecked | Policy::Qd132Hd16 | Policy::Qd366Hd43 => None,
        }
    }
}

/// Where a member stands for a rating round: the register's statuses on the roll, and a
/// suspension from activity (đình chỉ sinh hoạt), which the rating asks about on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatedStatus {
    Official,
    Probationary,
    Exempted,
    Suspended,
}

/// A rule a rating breaks: whose rating, which rule, the text it comes from, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatingViolation {
    /// A member's id or the unit's.
    pub subject: String,
    pub rule: &'static str,
    pub citation: &'static str,
    pub message: String,
}

/// Why a member is not rated in a round held on `rated_on`, if they are not: exempted from
/// activity, suspended, or admitted less than six months before (domain.md §8; 132-QĐ/TW and
/// its successors keep these out of the rating).
pub fn not_rated(status: RatedStatus, admitted_on: NaiveDate, rated_on: NaiveDate) -> Option<&'static str> {
    match status {
        RatedStatus::Exempted => Some("Đảng viên được miễn công tác và sinh hoạt đảng không xếp loại."),
        RatedStatus::Suspended => Some("Đảng viên đang bị đình chỉ sinh hoạt không xếp loại."),
        _ if admitted_on.checked_add_months(Months::new(6)).is_none_or(|six| rated_on < six) => {
            Some("Đảng viên mới kết nạp chưa đủ 6 tháng tính đến thời điểm đánh giá không xếp loại.")
        }
        _ => None,
    }
}

/// The day a year's rating is taken as held when none is given: 31 December.
pub fn default_rating_day(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// The cap on excellent members within one TCCSĐ, when `policy` has one: the excellent are
/// chosen among those who reach good, and may not exceed 20% of them, which coso counts as
/// `excellent × 5 ≤ good + excellent`. `good` counts the members rated good, without the
/// excellent.
pub fn check_excellent_cap(
    policy: Policy,
    unit: &str,
    excellent: usize,
    good: usize,
) -> Option<RatingViolation> {
    let citation = policy.excellent_cap()?;
    (excellent * 5 > good + excellent).then(|| RatingViolation {
        subject: unit.to_string(),
        rule: "excellent_cap",
        citation,
        message: format!(
            "Số đảng viên hoàn thành xuất sắc nhiệm vụ ({excellent}) vượt quá 20% số đảng viên \
             hoàn thành tốt nhiệm vụ trở lên ({}); tối đa {} đồng chí.",
            good + excellent,
            (good + excellent) / 5
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_policy_is_chosen_by_the_ratings_year() {
        // domain.md §8: 132-QĐ/TW from 2018 (16-HD for 2018, 21-HD from 2019), 124-QĐ/TW for
        // 2023–2024, 366-QĐ/TW from 2025; earlier years are recorded unchecked.
        let cases = [
            (2016, Policy::Unchecked),
            (2017, Policy::Unchecked),
            (2018, Policy::Qd132Hd16),
            (2019, Policy::Qd132Hd21),
            (2022, Policy::Qd132Hd21),
            (2023, Policy::Qd124Hd25),
            (2024, Policy::Qd124Hd25),
            (2025, Policy::Qd366Hd43),
            (2026, Policy::Qd366Hd43),
        ];
        for (year, want) in cases {
            assert_eq!(Policy::for_year(year), want, "{year}");
        }
    }

    #[test]
    fn exempted_suspended_and_recently_admitted_members_are_not_rated() {
        // domain.md §8: not rated are the exempted, the suspended, and those admitted less than
        // six months before the rating.
        let rated_on = d(2020, 12, 15);
        let cases = [
            (RatedStatus::Official, d(2010, 1, 1), false),
            (RatedStatus::Exempted, d(2010, 1, 1), true),
            (RatedStatus::Suspended, d(2010, 1, 1), true),
            (RatedStatus::Probationary, d(2020, 6, 15), false),
            (RatedStatus::Probationary, d(2020, 6, 16), true),
            (RatedStatus::Probationary, d(2020, 11, 1), true),
        ];
        for (status, admitted, excluded) in cases {
            assert_eq!(not_rated(status, admitted, rated_on).is_some(), excluded, "{status:?} {admitted}");
        }
    }

    #[test]
    fn excellent_members_are_capped_at_a_fifth_of_those_rated_good_or_better() {
        // 21-HD/BTCTW 2.3 (2019–2022), 124-QĐ/TW Điều 12 (2023–2024): excellent × 5 ≤ good +
        // excellent; 2018 and 2025 on: not verified, not checked.
        let cases = [
            (Policy::Qd132Hd21, 2, 8, false),
            (Policy::Qd132Hd21, 3, 8, true),
            (Policy::Qd132Hd21, 0, 0, false),
            (Policy::Qd132Hd21, 1, 0, true),
            (Policy::Qd124Hd25, 4, 16, false),
            (Policy::Qd124Hd25, 5, 16, true),
            (Policy::Qd132Hd16, 5, 0, false),
            (Policy::Qd366Hd43, 5, 0, false),
            (Policy::Unchecked, 5, 0, false),
        ];
        for (policy, excellent, good, refused) in cases {
            let found = check_excellent_cap(policy, "LS-DK", excellent, good);
            assert_eq!(found.is_some(), refused, "{policy:?} {excellent}/{good}");
            if let Some(v) = found {
                assert_eq!((v.subject.as_str(), v.rule), ("LS-DK", "excellent_cap"));
                assert_eq!(Some(v.citation), policy.excellent_cap());
            }
        }
    }

    #[test]
    fn tiers_order_best_first_and_read_as_reports_write_them() {
        assert!(
            Tier::Excellent < Tier::Good && Tier::Good < Tier::Complete && Tier::Complete < Tier::NotComplete
        );
        let good: Vec<&str> = Tier::ALL.into_iter().filter(|t| t.good_or_better()).map(Tier::short).collect();
        assert_eq!(good, ["HTXSNV", "HTTNV"]);
        for t in Tier::ALL {
            assert_eq!(Tier::from_code(t.code()), Some(t));
        }
    }
}
