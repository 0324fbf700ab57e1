//! The 100-point score of 2025 on (Quy định 366-QĐ/TW with Hướng dẫn 43-HD/BTCTW; domain.md
//! §8, issue 10): excellent from 90 points with every task on time, at least 30% of them
//! exceeding and every earlier shortcoming remedied; good from 70 with every task on time;
//! complete from 50 (a collective: every task done, at most 20% late); below 50 not complete.
//! The bands are floors: each condition a subject misses lowers its tier on its own, so a
//! subject gets the highest tier whose conditions it meets.
use super::{Limit, Limits, Policy, Tier};

/// What the score rules read. An absent fact means nothing to report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScoreFacts {
    pub score: Option<u32>,
    pub tasks_on_time_pct: Option<u32>,
    pub tasks_exceeding_pct: Option<u32>,
    /// Every shortcoming found earlier has been remedied (absent: nothing left to remedy).
    pub shortcomings_remedied: Option<bool>,
    /// A collective's share of tasks done late.
    pub tasks_late_pct: Option<u32>,
}

/// The limits the score rules set under `policy`; none before 2025.
pub fn score_limits(policy: Policy, id: &str, f: &ScoreFacts, collective: bool) -> Vec<Limit> {
    let mut l = Limits::new(policy, id);
    if policy != Policy::Qd366Hd43 {
        return l.found;
    }
    if let Some(score) = f.score {
        if score < 50 {
            l.limit(
                Tier::NotComplete,
                "score_complete",
                format!("Đạt {score} điểm, dưới 50 điểm: Không hoàn thành nhiệm vụ."),
            );
        } else if score < 70 {
            l.limit(
                Tier::Complete,
                "score_good",
                format!("Đạt {score} điểm, dưới 70 điểm: tối đa Hoàn thành nhiệm vụ."),
            );
        } else if score < 90 {
            l.limit(
                Tier::Good,
                "score_excellent",
                format!("Đạt {score} điểm, dưới 90 điểm: tối đa Hoàn thành tốt nhiệm vụ."),
            );
        }
    }
    if let Some(on_time) = f.tasks_on_time_pct.filter(|p| *p < 100) {
        l.limit(
            Tier::Complete,
            "score_good",
            format!("Chỉ {on_time}% nhiệm vụ hoàn thành đúng tiến độ: từ Hoàn thành tốt trở lên cần 100% đúng tiến độ."),
        );
    }
    if let Some(exceeding) = f.tasks_exceeding_pct.filter(|p| *p < 30) {
        l.limit(
            Tier::Good,
            "score_excellent",
            format!(
                "Chỉ {exceeding}% nhiệm vụ vượt tiến độ, chất lượng: Hoàn thành xuất sắc cần từ 30% trở lên."
            ),
        );
    }
    if f.shortcomings_remedied == Some(false) {
        l.limit(
            Tier::Good,
            "score_excellent",
            "Còn hạn chế, khuyết điểm đã chỉ ra chưa khắc phục: không được Hoàn thành xuất sắc nhiệm vụ."
                .into(),
        );
    }
    if collective && let Some(late) = f.tasks_late_pct.filter(|p| *p > 20) {
        l.limit(
            Tier::NotComplete,
            "score_complete",
            format!("{late}% nhiệm vụ chậm tiến độ, quá 20%: tập thể Không hoàn thành nhiệm vụ."),
        );
    }
    l.found
}

#[cfg(test)]
mod tests {
    use super::super::highest;
    use super::*;

    #[test]
    fn the_score_bands_are_floors_and_each_condition_lowers_the_tier_on_its_own() {
        // Quy định 366-QĐ/TW, Điều 11 (excerpts, domain.md §8): ≥ 90 excellent with all tasks on
        // time and ≥ 30% exceeding; 70–89 good with all on time; 50–69 complete; < 50 not.
        let f = |score, on_time, exceeding| ScoreFacts {
            score: Some(score),
            tasks_on_time_pct: Some(on_time),
            tasks_exceeding_pct: Some(exceeding),
            ..ScoreFacts::default()
        };
        let cases = [
            ("95, all on time, 40% exceeding", f(95, 100, 40), false, Tier::Excellent, vec![]),
            ("90 is excellent", f(90, 100, 30), false, Tier::Excellent, vec![]),
            (
                "92, 20% exceeding: good (the issue's example)",
                f(92, 100, 20),
                false,
                Tier::Good,
                vec!["score_excellent"],
            ),
            ("89: good", f(89, 100, 50), false, Tier::Good, vec!["score_excellent"]),
            ("70: good", f(70, 100, 50), false, Tier::Good, vec!["score_excellent"]),
            ("95 but late: complete", f(95, 90, 40), false, Tier::Complete, vec!["score_good"]),
            ("69: complete", f(69, 100, 50), false, Tier::Complete, vec!["score_good"]),
            ("50: complete", f(50, 100, 0), false, Tier::Complete, vec!["score_good", "score_excellent"]),
            ("49: not complete", f(49, 100, 50), false, Tier::NotComplete, vec!["score_complete"]),
        ];
        for (label, facts, collective, want, rules) in cases {
            let found = score_limits(Policy::Qd366Hd43, "x", &facts, collective);
            assert_eq!(highest(&found), want, "{label}");
            let got: Vec<&str> = found.iter().map(|l| l.violation.rule).collect();
            assert_eq!(got, rules, "{label}");
        }
    }

    #[test]
    fn shortcomings_and_a_collectives_late_tasks() {
        // 366-QĐ/TW Điều 11: excellent needs earlier shortcomings remedied; a collective is
        // complete only with at most 20% of its tasks late.
        let unremedied =
            ScoreFacts { score: Some(95), shortcomings_remedied: Some(false), ..ScoreFacts::default() };
        assert_eq!(highest(&score_limits(Policy::Qd366Hd43, "x", &unremedied, false)), Tier::Good);
        let late = ScoreFacts { score: Some(60), tasks_late_pct: Some(25), ..ScoreFacts::default() };
        assert_eq!(highest(&score_limits(Policy::Qd366Hd43, "x", &late, true)), Tier::NotComplete);
        assert_eq!(highest(&score_limits(Policy::Qd366Hd43, "x", &late, false)), Tier::Complete);
        let late20 = ScoreFacts { tasks_late_pct: Some(20), ..late };
        assert_eq!(highest(&score_limits(Policy::Qd366Hd43, "x", &late20, true)), Tier::Complete);
    }

    #[test]
    fn no_score_rules_before_2025() {
        let low = ScoreFacts { score: Some(10), ..ScoreFacts::default() };
        for policy in [Policy::Unchecked, Policy::Qd132Hd16, Policy::Qd132Hd21, Policy::Qd124Hd25] {
            assert!(score_limits(policy, "x", &low, true).is_empty(), "{policy:?}");
        }
    }
}
