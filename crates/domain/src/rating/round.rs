//! One TCCSĐ's rating checked as a whole: its members, the unit itself, and the cap between
//! them. The input is what `coso rating check` reads and what the rating round builds from its
//! records (issue 10, docs/rating-check.md); the verdict lists every violation with its rule and
//! text, who is not rated, and the highest tier each subject may get.
use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{
    CollectiveFacts, Level, Limit, MemberDiscipline, MemberFacts, Policy, RatedStatus, RatingViolation,
    ScoreFacts, Subordinate, Tier, check_excellent_cap, citation, collective_limits, default_rating_day,
    highest, member_limits, not_rated, score_limits,
};

/// The kind of TCCSĐ a check reads: a cell is judged over its members, a committee over its
/// subordinate organizations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    GrassrootsCell,
    GrassrootsCommittee,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    #[serde(default)]
    pub task: Option<Level>,
    #[serde(default)]
    pub others: Option<Level>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitInput {
    pub id: String,
    pub kind: UnitKind,
    #[serde(default)]
    pub proposed: Option<Tier>,
    /// Recorded; the collective's rules read its members, subordinates and score instead.
    #[serde(default)]
    pub criteria: Criteria,
    #[serde(default)]
    pub score: Option<u32>,
    #[serde(default)]
    pub tasks_on_time_pct: Option<u32>,
    #[serde(default)]
    pub tasks_exceeding_pct: Option<u32>,
    #[serde(default)]
    pub leadership_discipline: Option<MemberDiscipline>,
    #[serde(default)]
    pub disciplined_subordinates_pct: Option<u32>,
    #[serde(default)]
    pub subordinates: Vec<Subordinate>,
    #[serde(default)]
    pub tasks_late_pct: Option<u32>,
    #[serde(default)]
    pub shortcomings_remedied: Option<bool>,
    /// The unit itself was disciplined in the year.
    #[serde(default)]
    pub disciplined: bool,
    /// 2023 on: the unit found and remedied the violation first.
    #[serde(default)]
    pub self_detected_and_remedied: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberInput {
    pub id: String,
    pub status: RatedStatus,
    pub admitted_on: NaiveDate,
    #[serde(default)]
    pub proposed: Option<Tier>,
    #[serde(default)]
    pub criteria: Criteria,
    #[serde(default)]
    pub score: Option<u32>,
    #[serde(default)]
    pub tasks_on_time_pct: Option<u32>,
    #[serde(default)]
    pub tasks_exceeding_pct: Option<u32>,
    #[serde(default)]
    pub discipline_in_year: Option<MemberDiscipline>,
    #[serde(default)]
    pub self_detected_and_remedied: bool,
    #[serde(default)]
    pub targets_met_pct: Option<u32>,
    #[serde(default)]
    pub degraded: bool,
    #[serde(default)]
    pub sick_leave_months: u32,
    #[serde(default)]
    pub shortcomings_remedied: Option<bool>,
}

/// One TCCSĐ's rating: the unit, the day it is held (31 December when absent) and its members.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundInput {
    pub unit: UnitInput,
    #[serde(default)]
    pub rated_on: Option<NaiveDate>,
    #[serde(default)]
    pub members: Vec<MemberInput>,
}

/// The verdict on a [`RoundInput`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub policy: &'static str,
    pub valid: bool,
    pub violations: Vec<RatingViolation>,
    pub excluded: Vec<String>,
    pub max_tier: BTreeMap<String, Tier>,
}

/// An input that cannot be judged: a field out of range or facts that contradict each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckError {
    /// The field, as a path into the input (`members[2].targets_met_pct`).
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for CheckError {}

fn percent(field: String, value: Option<u32>, errors: &mut Vec<CheckError>) {
    if let Some(v) = value.filter(|v| *v > 100) {
        errors.push(CheckError {
            field, message: format!("{v} không phải tỷ lệ phần trăm (0–100).")
        });
    }
}

/// Checks the shape `check` relies on beyond what the types say.
fn validate(year: i32, input: &RoundInput) -> Result<(), CheckError> {
    let mut errors = Vec::new();
    let u = &input.unit;
    for (name, v) in [
        ("score", u.score),
        ("tasks_on_time_pct", u.tasks_on_time_pct),
        ("tasks_exceeding_pct", u.tasks_exceeding_pct),
        ("disciplined_subordinates_pct", u.disciplined_subordinates_pct),
        ("tasks_late_pct", u.tasks_late_pct),
    ] {
        percent(format!("unit.{name}"), v, &mut errors);
    }
    if let Some(pct) = u.disciplined_subordinates_pct
        && !u.subordinates.is_empty()
    {
        let n = u.subordinates.len() as u32;
        let d = u.subordinates.iter().filter(|s| s.disciplined).count() as u32;
        // Agree when the percentage is the share rounded either way.
        if pct < d * 100 / n || pct > (d * 100).div_ceil(n) {
            errors.push(CheckError {
                field: "unit.disciplined_subordinates_pct".into(),
                message: format!(
                    "{pct}% không khớp danh sách tổ chức trực thuộc: {d}/{n} tổ chức bị kỷ luật."
                ),
            });
        }
    }
    if let Some(rated_on) = input.rated_on
        && rated_on.year() != year
    {
        errors.push(CheckError {
            field: "rated_on".into(),
            message: format!("Ngày đánh giá {rated_on} không thuộc năm {year}."),
        });
    }
    let mut seen = HashSet::new();
    for (i, m) in input.members.iter().enumerate() {
        if !seen.insert(m.id.as_str()) || m.id == u.id {
            errors.push(CheckError {
                field: format!("members[{i}].id"),
                message: format!("Mã {} bị trùng.", m.id),
            });
        }
        for (name, v) in [
            ("score", m.score),
            ("tasks_on_time_pct", m.tasks_on_time_pct),
            ("tasks_exceeding_pct", m.tasks_exceeding_pct),
            ("targets_met_pct", m.targets_met_pct),
        ] {
            percent(format!("members[{i}].{name}"), v, &mut errors);
        }
        if m.sick_leave_months > 12 {
            errors.push(CheckError {
                field: format!("members[{i}].sick_leave_months"),
                message: format!("{} tháng nghỉ ốm vượt quá 12 tháng của năm.", m.sick_leave_months),
            });
        }
    }
    errors.into_iter().next().map_or(Ok(()), Err)
}

/// The violations of `limits` that a proposal of `proposed` commits: those allowing less.
fn broken(proposed: Option<Tier>, limits: Vec<Limit>, out: &mut Vec<RatingViolation>) -> Tier {
    let max = highest(&limits);
    if let Some(p) = proposed {
        out.extend(limits.into_iter().filter(|l| p < l.tier).map(|l| l.violation));
    }
    max
}

/// Judges one TCCSĐ's rating for `year` under the policy in force for it.
pub fn check(year: i32, input: &RoundInput) -> Result<Verdict, CheckError> {
    judge(year, input, true)
}

/// Judges a cell inside a grassroots committee: every rule but the cap on excellent members,
/// which counts over the whole TCCSĐ and is the committee's to check ([`check_excellent_cap`]).
pub fn check_subordinate_cell(year: i32, input: &RoundInput) -> Result<Verdict, CheckError> {
    judge(year, input, false)
}

fn judge(year: i32, input: &RoundInput, with_cap: bool) -> Result<Verdict, CheckError> {
    validate(year, input)?;
    let policy = Policy::for_year(year);
    let rated_on = input.rated_on.unwrap_or_else(|| default_rating_day(year));
    let mut violations = Vec::new();
    let mut excluded = Vec::new();
    let mut max_tier = BTreeMap::new();
    let mut member_tiers = Vec::new();
    let mut proposed_tiers = Vec::new();
    for m in &input.members {
        if policy == Policy::Unchecked {
            max_tier.insert(m.id.clone(), Tier::Excellent);
            member_tiers.extend(m.proposed);
            proposed_tiers.extend(m.proposed);
            continue;
        }
        if let Some(why) = not_rated(m.status, m.admitted_on, rated_on) {
            excluded.push(m.id.clone());
            if let Some(p) = m.proposed {
                violations.push(RatingViolation {
                    subject: m.id.clone(),
                    rule: "not_rated",
                    citation: citation(policy, "not_rated"),
                    message: format!("{why} Không được đề xuất mức \"{}\".", p.label()),
                });
            }
            continue;
        }
        let facts = MemberFacts {
            task: m.criteria.task,
            others: m.criteria.others,
            discipline_in_year: m.discipline_in_year,
            self_detected_and_remedied: m.self_detected_and_remedied,
            targets_met_pct: m.targets_met_pct,
            degraded: m.degraded,
            sick_leave_months: m.sick_leave_months,
        };
        let score = ScoreFacts {
            score: m.score,
            tasks_on_time_pct: m.tasks_on_time_pct,
            tasks_exceeding_pct: m.tasks_exceeding_pct,
            shortcomings_remedied: m.shortcomings_remedied,
            tasks_late_pct: None,
        };
        let mut limits = member_limits(policy, &m.id, &facts);
        limits.extend(score_limits(policy, &m.id, &score, false));
        let max = broken(m.proposed, limits, &mut violations);
        max_tier.insert(m.id.clone(), max);
        // A proposal above what the rules allow counts at what they allow; a member without
        // one counts, for the collective, at the most the rules allow, and not for the cap,
        // which counts the tiers given.
        member_tiers.push(m.proposed.map_or(max, |p| p.max(max)));
        proposed_tiers.extend(m.proposed.map(|p| p.max(max)));
    }
    let excellent = proposed_tiers.iter().filter(|t| **t == Tier::Excellent).count();
    let good = proposed_tiers.iter().filter(|t| **t == Tier::Good).count();
    if with_cap {
        violations.extend(check_excellent_cap(policy, &input.unit.id, excellent, good));
    }

    let u = &input.unit;
    let committee = u.kind == UnitKind::GrassrootsCommittee;
    let disciplined_subordinates_pct = u.disciplined_subordinates_pct.or_else(|| {
        let n = u.subordinates.len() as u32;
        (n > 0).then(|| (u.subordinates.iter().filter(|s| s.disciplined).count() as u32 * 100).div_ceil(n))
    });
    let rated: Vec<Tier> =
        if committee { u.subordinates.iter().filter_map(|s| s.tier).collect() } else { member_tiers };
    let facts = CollectiveFacts {
        leadership_discipline: u.leadership_discipline,
        disciplined_subordinates_pct,
        disciplined: u.disciplined,
        self_detected_and_remedied: u.self_detected_and_remedied,
    };
    let score = ScoreFacts {
        score: u.score,
        tasks_on_time_pct: u.tasks_on_time_pct,
        tasks_exceeding_pct: u.tasks_exceeding_pct,
        shortcomings_remedied: u.shortcomings_remedied,
        tasks_late_pct: u.tasks_late_pct,
    };
    let mut limits = collective_limits(policy, &u.id, committee, &facts, &rated);
    limits.extend(score_limits(policy, &u.id, &score, true));
    let max = broken(u.proposed, limits, &mut violations);
    max_tier.insert(u.id.clone(), max);
    Ok(Verdict { policy: policy.code(), valid: violations.is_empty(), violations, excluded, max_tier })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, proposed: Tier) -> MemberInput {
        MemberInput {
            id: id.into(),
            status: RatedStatus::Official,
            admitted_on: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            proposed: Some(proposed),
            criteria: Criteria::default(),
            score: None,
            tasks_on_time_pct: None,
            tasks_exceeding_pct: None,
            discipline_in_year: None,
            self_detected_and_remedied: false,
            targets_met_pct: None,
            degraded: false,
            sick_leave_months: 0,
            shortcomings_remedied: None,
        }
    }

    fn cell(proposed: Tier, members: Vec<MemberInput>) -> RoundInput {
        let unit = UnitInput {
            id: "C1".into(),
            kind: UnitKind::GrassrootsCell,
            proposed: Some(proposed),
            criteria: Criteria::default(),
            score: None,
            tasks_on_time_pct: None,
            tasks_exceeding_pct: None,
            leadership_discipline: None,
            disciplined_subordinates_pct: None,
            subordinates: Vec::new(),
            tasks_late_pct: None,
            shortcomings_remedied: None,
            disciplined: false,
            self_detected_and_remedied: false,
        };
        RoundInput { unit, rated_on: None, members }
    }

    fn rules(v: &Verdict) -> Vec<(&str, &str)> {
        v.violations.iter().map(|v| (v.subject.as_str(), v.rule)).collect()
    }

    #[test]
    fn a_round_lists_each_broken_rule_once_with_its_subject() {
        use Tier::*;
        let mut ms: Vec<MemberInput> = (0..8).map(|i| member(&format!("m{i}"), Good)).collect();
        ms[0].proposed = Some(Excellent);
        ms[1].proposed = Some(Excellent);
        ms[2].status = RatedStatus::Exempted;
        ms[3].discipline_in_year = Some(MemberDiscipline::Reprimand);
        let v = check(2020, &cell(Excellent, ms.clone())).unwrap();
        assert_eq!(v.policy, "132-QĐ/TW+21-HD/BTCTW");
        assert!(!v.valid);
        // m2 exempted but proposed; m3 reprimanded but proposed good; two excellent of six good
        // or better break the cap (2 × 5 > 6); m3, not complete, bars the cell from excellent.
        assert_eq!(
            rules(&v),
            [
                ("m2", "not_rated"),
                ("m3", "disciplined"),
                ("C1", "excellent_cap"),
                ("C1", "collective_excellent")
            ]
        );
        assert_eq!(v.excluded, ["m2"]);
        assert_eq!(v.max_tier["m3"], NotComplete);
        assert_eq!(v.max_tier["C1"], Good);

        ms[1].proposed = Some(Good);
        ms[2].proposed = None;
        ms[3].proposed = Some(NotComplete);
        let v = check(2020, &cell(Excellent, ms)).unwrap();
        assert_eq!(rules(&v), [("C1", "collective_excellent")]);
    }

    #[test]
    fn the_cap_counts_the_tiers_given_not_the_members_yet_to_be_rated() {
        // One member proposed excellent, four not yet proposed: 1 × 5 > 1 breaks the cap;
        // with four proposed good it holds (21-HD/BTCTW mục II điểm 2.3 a)).
        let mut ms: Vec<MemberInput> = (0..5).map(|i| member(&format!("m{i}"), Tier::Good)).collect();
        for m in &mut ms[1..] {
            m.proposed = None;
        }
        ms[0].proposed = Some(Tier::Excellent);
        let v = check(2020, &cell(Tier::Good, ms.clone())).unwrap();
        assert_eq!(rules(&v), [("C1", "excellent_cap")]);
        for m in &mut ms[1..] {
            m.proposed = Some(Tier::Good);
        }
        assert!(check(2020, &cell(Tier::Good, ms)).unwrap().valid);
    }

    #[test]
    fn before_2018_nothing_is_checked_and_the_verdict_says_so() {
        let mut ms = vec![member("m1", Tier::Excellent)];
        ms[0].degraded = true;
        let v = check(2017, &cell(Tier::Excellent, ms)).unwrap();
        assert_eq!((v.policy, v.valid), ("unchecked", true));
    }

    #[test]
    fn bad_input_names_its_field() {
        let mut ms = vec![member("m1", Tier::Good), member("m1", Tier::Good)];
        assert_eq!(check(2020, &cell(Tier::Good, ms.clone())).unwrap_err().field, "members[1].id");
        ms[1].id = "m2".into();
        ms[1].targets_met_pct = Some(140);
        assert_eq!(
            check(2020, &cell(Tier::Good, ms.clone())).unwrap_err().field,
            "members[1].targets_met_pct"
        );
        ms[1].targets_met_pct = None;
        let mut input = cell(Tier::Good, ms);
        input.rated_on = NaiveDate::from_ymd_opt(2021, 1, 5);
        assert_eq!(check(2020, &input).unwrap_err().field, "rated_on");
        input.rated_on = None;
        input.unit.kind = UnitKind::GrassrootsCommittee;
        input.unit.subordinates = vec![
            Subordinate { id: "a".into(), tier: None, disciplined: true },
            Subordinate { id: "b".into(), tier: None, disciplined: false },
            Subordinate { id: "c".into(), tier: None, disciplined: false },
        ];
        input.unit.disciplined_subordinates_pct = Some(50);
        assert_eq!(check(2020, &input).unwrap_err().field, "unit.disciplined_subordinates_pct");
        input.unit.disciplined_subordinates_pct = Some(33);
        assert!(check(2020, &input).is_ok());
        input.unit.disciplined_subordinates_pct = Some(34);
        let v = check(2023, &input).unwrap();
        assert_eq!(rules(&v), [("C1", "disciplined_subordinates")]);
    }

    #[test]
    fn the_issues_2025_example() {
        // 92 points, 20% exceeding, all on time: good.
        let mut m = member("m1", Tier::Excellent);
        (m.score, m.tasks_exceeding_pct, m.tasks_on_time_pct) = (Some(92), Some(20), Some(100));
        let mut ms = vec![m];
        ms.extend((2..6).map(|i| member(&format!("m{i}"), Tier::Good)));
        let v = check(2025, &cell(Tier::Good, ms)).unwrap();
        assert_eq!(v.max_tier["m1"], Tier::Good);
        assert_eq!(rules(&v), [("m1", "score_excellent")]);
    }
}
