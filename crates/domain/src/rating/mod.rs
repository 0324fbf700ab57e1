//! The annual review and rating of organizations and members (kiểm điểm, đánh giá, xếp loại
//! chất lượng; domain.md §8, issue 10): the four tiers, the policy in force for a rating's year,
//! and the rules every policy shares the shape of. A rule that a rating breaks is a
//! [`RatingViolation`] naming its subject, its rule id and the text it comes from.
//!
//! Here: the tiers, the choice of policy by year, who is not rated, the cap on excellent members
//! and a member's limits. Beside it: `collective` (a cell over its members, a committee over
//! its organizations), `score` (2025 on), `round` (one TCCSĐ checked as a whole, what
//! `coso rating check` prints) and `texts` (every rule's citation, in one table).
use chrono::{Months, NaiveDate};
use serde::Serialize;

mod collective;
mod round;
mod score;
mod texts;

pub use collective::{CollectiveFacts, Subordinate, collective_limits};
pub use round::{
    CheckError, Criteria, MemberInput, RoundInput, UnitInput, UnitKind, Verdict, check,
    check_subordinate_cell,
};
pub use score::{ScoreFacts, score_limits};
pub use texts::citation;

/// A rating tier, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
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

/// Where a rating stands in the round (domain.md §8): the subject's own assessment, the
/// proposal of the cell or committee, and the decision of the competent level, which may
/// re-rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum RatingStage {
    SelfAssessed,
    Proposed,
    Decided,
}

impl RatingStage {
    pub const ALL: [RatingStage; 3] =
        [RatingStage::SelfAssessed, RatingStage::Proposed, RatingStage::Decided];

    pub fn code(self) -> &'static str {
        match self {
            RatingStage::SelfAssessed => "self",
            RatingStage::Proposed => "proposed",
            RatingStage::Decided => "decided",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            RatingStage::SelfAssessed => "Tự đánh giá",
            RatingStage::Proposed => "Đề xuất",
            RatingStage::Decided => "Quyết định",
        }
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
    /// of those rated good within one TCCSĐ. 21-HD/BTCTW mục II điểm 2.3 a) for 2019–2022;
    /// 124-QĐ/TW Điều 12 keeps it for 2023–2024 (domain.md §8). For 2025 on no text was found:
    /// coso keeps the cap as a setting of its own, [`CAP_FROM_2025`], cited as such. 16-HD/BTCTW
    /// (2018) is not verified to set it: none.
    pub fn excellent_cap(self) -> Option<&'static str> {
        match self {
            Policy::Qd132Hd21 | Policy::Qd124Hd25 => Some(citation(self, "excellent_cap")),
            Policy::Qd366Hd43 if CAP_FROM_2025 => Some(citation(self, "excellent_cap")),
            Policy::Unchecked | Policy::Qd132Hd16 | Policy::Qd366Hd43 => None,
        }
    }
}

/// Whether coso keeps the 20% cap on excellent members from 2025 on, until 366-QĐ/TW's or
/// 43-HD/BTCTW's text on it is read (issue 10: "a policy setting until its text is found").
pub const CAP_FROM_2025: bool = true;

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

/// A criterion's level in a review (2018–2024): Xuất sắc, Tốt, Trung bình, Kém.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Excellent,
    Good,
    Average,
    Poor,
}

/// A discipline form a member may receive (domain.md §9), lightest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberDiscipline {
    Reprimand,
    Warning,
    Dismissal,
    Expulsion,
}

impl MemberDiscipline {
    pub fn label(self) -> &'static str {
        match self {
            MemberDiscipline::Reprimand => "khiển trách",
            MemberDiscipline::Warning => "cảnh cáo",
            MemberDiscipline::Dismissal => "cách chức",
            MemberDiscipline::Expulsion => "khai trừ",
        }
    }
}

/// What a member's review found, as far as the rules read it. An absent fact
/// means nothing to report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberFacts {
    /// The criterion of the tasks assigned.
    pub task: Option<Level>,
    /// The lowest of the other criteria (political quality, ethics, discipline…).
    pub others: Option<Level>,
    pub discipline_in_year: Option<MemberDiscipline>,
    /// 2023 on: the violation was found and remedied by the member first.
    pub self_detected_and_remedied: bool,
    /// Share of the year's targets met, in percent.
    pub targets_met_pct: Option<u32>,
    /// Concluded degraded in political ideology, ethics or lifestyle.
    pub degraded: bool,
    pub sick_leave_months: u32,
}

/// A rule that lowers the highest tier a subject may get: the tier it allows at most, and the
/// violation a rating above that tier commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub tier: Tier,
    pub violation: RatingViolation,
}

/// The limits a subject's facts set, gathered rule by rule.
pub(crate) struct Limits<'a> {
    policy: Policy,
    subject: &'a str,
    pub(crate) found: Vec<Limit>,
}

impl<'a> Limits<'a> {
    pub(crate) fn new(policy: Policy, subject: &'a str) -> Self {
        Limits { policy, subject, found: Vec::new() }
    }

    pub(crate) fn limit(&mut self, tier: Tier, rule: &'static str, message: String) {
        let violation = RatingViolation {
            subject: self.subject.to_string(),
            rule,
            citation: citation(self.policy, rule),
            message,
        };
        self.found.push(Limit { tier, violation });
    }
}

/// The best tier every one of `limits` allows.
pub fn highest(limits: &[Limit]) -> Tier {
    limits.iter().map(|l| l.tier).max().unwrap_or(Tier::Excellent)
}

/// The highest tier a member may get under `policy`, with each rule that lowers it (2018–2024:
/// 132-QĐ/TW with 16-HD or 21-HD, then 124-QĐ/TW with 25-HD; from 2025 the same discipline,
/// targets and degradation rules beside the score of [`score`]; domain.md §8). Years before
/// 2018 are not judged: every tier stays open.
pub fn member_limits(policy: Policy, id: &str, f: &MemberFacts) -> Vec<Limit> {
    let mut l = Limits::new(policy, id);
    let (criteria, self_detected_counts) = match policy {
        Policy::Unchecked => return l.found,
        Policy::Qd132Hd16 | Policy::Qd132Hd21 => (true, false),
        Policy::Qd124Hd25 => (true, true),
        Policy::Qd366Hd43 => (false, true),
    };
    if criteria {
        // Excellent only with the task criterion excellent and the others at least good.
        let excellent = f.task == Some(Level::Excellent) && f.others.is_none_or(|o| o <= Level::Good);
        if (f.task.is_some() || f.others.is_some()) && !excellent {
            l.limit(
                Tier::Good,
                "excellent_criteria",
                "Hoàn thành xuất sắc nhiệm vụ cần tiêu chí nhiệm vụ được giao đạt Xuất sắc và các tiêu chí khác từ Tốt trở lên.".into(),
            );
        }
        // 21-HD/BTCTW mục II tiểu mục 6; domain.md §8 lists it for 2018–2022 only, and 124-QĐ/TW's
        // guidance on it was not read: not applied from 2023.
        if f.sick_leave_months >= 3 && policy != Policy::Qd124Hd25 {
            l.limit(
                Tier::Complete,
                "sick_leave",
                format!(
                    "Nghỉ ốm {} tháng trong năm: xếp loại tối đa Hoàn thành nhiệm vụ.",
                    f.sick_leave_months
                ),
            );
        }
    }
    if criteria && [f.task, f.others].contains(&Some(Level::Poor)) {
        l.limit(
            Tier::NotComplete,
            "poor_criterion",
            "Có tiêu chí bị đánh giá Kém: Không hoàn thành nhiệm vụ.".into(),
        );
    }
    if let Some(form) = f.discipline_in_year
        && !(self_detected_counts && f.self_detected_and_remedied)
    {
        l.limit(
            Tier::NotComplete,
            "disciplined",
            format!("Bị kỷ luật {} trong năm: Không hoàn thành nhiệm vụ.", form.label()),
        );
    }
    if f.targets_met_pct.is_some_and(|p| p < 50) {
        l.limit(
            Tier::NotComplete,
            "targets",
            "Thực hiện dưới 50% chỉ tiêu, nhiệm vụ: Không hoàn thành nhiệm vụ.".into(),
        );
    }
    if f.degraded {
        l.limit(
            Tier::NotComplete,
            "degraded",
            "Có biểu hiện suy thoái đã được cấp có thẩm quyền kết luận: Không hoàn thành nhiệm vụ.".into(),
        );
    }
    l.found
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
        // excellent; 2018: not verified, not checked; 2025 on: coso's own setting.
        let cases = [
            (Policy::Qd132Hd21, 2, 8, false),
            (Policy::Qd132Hd21, 3, 8, true),
            (Policy::Qd132Hd21, 0, 0, false),
            (Policy::Qd132Hd21, 1, 0, true),
            (Policy::Qd124Hd25, 4, 16, false),
            (Policy::Qd124Hd25, 5, 16, true),
            (Policy::Qd132Hd16, 5, 0, false),
            (Policy::Qd366Hd43, 5, 0, true),
            (Policy::Qd366Hd43, 1, 4, false),
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
    fn a_members_facts_cap_the_tier_by_the_years_rules() {
        // domain.md §8: 132-QĐ/TW (2018–2022) and 124-QĐ/TW (2023–2024).
        let base =
            MemberFacts { task: Some(Level::Excellent), others: Some(Level::Good), ..MemberFacts::default() };
        let with = |f: &dyn Fn(&mut MemberFacts)| {
            let mut m = base.clone();
            f(&mut m);
            m
        };
        let (p21, p25) = (Policy::Qd132Hd21, Policy::Qd124Hd25);
        type Case = (&'static str, Policy, MemberFacts, Tier, &'static [&'static str]);
        let cases: Vec<Case> = vec![
            ("excellent criteria", p21, base.clone(), Tier::Excellent, &[]),
            (
                "task only good",
                p21,
                with(&|m| m.task = Some(Level::Good)),
                Tier::Good,
                &["excellent_criteria"],
            ),
            (
                "others average",
                p21,
                with(&|m| m.others = Some(Level::Average)),
                Tier::Good,
                &["excellent_criteria"],
            ),
            ("sick leave 3 months", p21, with(&|m| m.sick_leave_months = 3), Tier::Complete, &["sick_leave"]),
            (
                "sick leave, 2023–2024: not read in 124-QĐ/TW's texts, not applied",
                p25,
                with(&|m| m.sick_leave_months = 4),
                Tier::Excellent,
                &[],
            ),
            ("sick leave 2 months", p21, with(&|m| m.sick_leave_months = 2), Tier::Excellent, &[]),
            (
                "disciplined",
                p21,
                with(&|m| m.discipline_in_year = Some(MemberDiscipline::Reprimand)),
                Tier::NotComplete,
                &["disciplined"],
            ),
            (
                "disciplined, self-detected, 2019–2022: still not complete",
                p21,
                with(&|m| {
                    m.discipline_in_year = Some(MemberDiscipline::Reprimand);
                    m.self_detected_and_remedied = true;
                }),
                Tier::NotComplete,
                &["disciplined"],
            ),
            (
                "disciplined, self-detected, 2023 on: not limited by it",
                p25,
                with(&|m| {
                    m.discipline_in_year = Some(MemberDiscipline::Reprimand);
                    m.self_detected_and_remedied = true;
                }),
                Tier::Excellent,
                &[],
            ),
            ("targets 49%", p21, with(&|m| m.targets_met_pct = Some(49)), Tier::NotComplete, &["targets"]),
            ("targets 50%", p21, with(&|m| m.targets_met_pct = Some(50)), Tier::Excellent, &[]),
            ("degraded", p25, with(&|m| m.degraded = true), Tier::NotComplete, &["degraded"]),
            (
                "a poor criterion, 2023 on",
                p25,
                with(&|m| m.others = Some(Level::Poor)),
                Tier::NotComplete,
                &["excellent_criteria", "poor_criterion"],
            ),
            (
                "a poor criterion, 2019–2022 too (132-QĐ/TW Điều 12 khoản 4)",
                p21,
                with(&|m| m.others = Some(Level::Poor)),
                Tier::NotComplete,
                &["excellent_criteria", "poor_criterion"],
            ),
            (
                "2025: degradation still not complete",
                Policy::Qd366Hd43,
                with(&|m| m.degraded = true),
                Tier::NotComplete,
                &["degraded"],
            ),
            (
                "2025: the criteria levels are not used",
                Policy::Qd366Hd43,
                with(&|m| m.others = Some(Level::Poor)),
                Tier::Excellent,
                &[],
            ),
            (
                "2025: self-detected and remedied",
                Policy::Qd366Hd43,
                with(&|m| {
                    m.discipline_in_year = Some(MemberDiscipline::Warning);
                    m.self_detected_and_remedied = true;
                }),
                Tier::Excellent,
                &[],
            ),
            ("before 2018: unchecked", Policy::Unchecked, with(&|m| m.degraded = true), Tier::Excellent, &[]),
        ];
        for (label, policy, facts, want, rules) in cases {
            let found = member_limits(policy, "m1", &facts);
            let tier = highest(&found);
            assert_eq!(tier, want, "{label}");
            let got: Vec<&str> = found.iter().map(|l| l.violation.rule).collect();
            assert_eq!(got, rules, "{label}");
            for l in &found {
                assert_eq!(l.violation.subject, "m1", "{label}");
                assert_eq!(l.violation.citation, citation(policy, l.violation.rule), "{label}");
                assert!(
                    l.violation.citation.contains("-QĐ/TW") || l.violation.citation.contains("-HD/BTCTW"),
                    "{label}"
                );
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
