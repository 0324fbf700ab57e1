//! The rules for a collective: a cell over its rated members, a committee over its subordinate
//! organizations (domain.md §8, issue 10).
use serde::Deserialize;

use super::{Limit, Limits, MemberDiscipline, Policy, Tier};

/// A subordinate organization of a committee as its rating reads it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subordinate {
    pub id: String,
    #[serde(default)]
    pub tier: Option<Tier>,
    #[serde(default)]
    pub disciplined: bool,
}

/// What a collective's review found beside its score. An absent fact means nothing to report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollectiveFacts {
    /// The heaviest discipline of a member of its leadership (cấp ủy) in the year.
    pub leadership_discipline: Option<MemberDiscipline>,
    /// Share of its subordinate organizations disciplined in the year, in percent.
    pub disciplined_subordinates_pct: Option<u32>,
    /// The collective itself was disciplined in the year.
    pub disciplined: bool,
    /// 2023 on: it found and remedied the violation first.
    pub self_detected_and_remedied: bool,
}

/// The limits on a collective under `policy`. `rated` are the tiers of what it is judged over:
/// a cell's rated members, a committee's subordinate organizations; `committee` says which.
pub fn collective_limits(
    policy: Policy,
    id: &str,
    committee: bool,
    f: &CollectiveFacts,
    rated: &[Tier],
) -> Vec<Limit> {
    let mut l = Limits::new(policy, id);
    if policy == Policy::Unchecked {
        return l.found;
    }
    // Excellent only if all are at least complete and at least 80% good or better.
    let n = rated.len();
    let failing = rated.iter().filter(|t| **t == Tier::NotComplete).count();
    let good = rated.iter().filter(|t| t.good_or_better()).count();
    if n > 0 && (failing > 0 || good * 100 < n * 80) {
        let whom = if committee { "tổ chức đảng trực thuộc" } else { "đảng viên" };
        l.limit(
            Tier::Good,
            "collective_excellent",
            format!(
                "Chỉ được Hoàn thành xuất sắc nhiệm vụ khi 100% {whom} từ Hoàn thành nhiệm vụ trở lên và ít nhất \
                 80% Hoàn thành tốt trở lên; ở đây {good}/{n} Hoàn thành tốt trở lên, {failing} Không hoàn thành."
            ),
        );
    }
    if let Some(form) = f.leadership_discipline {
        match policy {
            // 21-HD/BTCTW: a member of the leadership disciplined with a warning or heavier.
            Policy::Qd132Hd16 | Policy::Qd132Hd21 if form >= MemberDiscipline::Warning => l.limit(
                Tier::NotComplete,
                "leadership_discipline",
                format!(
                    "Có thành viên cấp ủy bị kỷ luật {} trong năm: Không hoàn thành nhiệm vụ.",
                    form.label()
                ),
            ),
            Policy::Qd124Hd25 => l.limit(
                Tier::NotComplete,
                "leadership_discipline",
                format!(
                    "Có thành viên cấp ủy bị kỷ luật {} trong năm: Không hoàn thành nhiệm vụ.",
                    form.label()
                ),
            ),
            Policy::Qd366Hd43 => l.limit(
                Tier::Good,
                "leadership_discipline",
                format!(
                    "Có thành viên cấp ủy bị kỷ luật {} trong năm: không được Hoàn thành xuất sắc nhiệm vụ.",
                    form.label()
                ),
            ),
            _ => {}
        }
    }
    // 132-QĐ/TW and 124-QĐ/TW Điều 12 khoản 4 (a collective disciplined in the year: not
    // complete; from 2023 unless it found and remedied the violation itself); 366-QĐ/TW Điều 11
    // khoản 1 (excellent only if not disciplined).
    if f.disciplined {
        match policy {
            Policy::Qd132Hd16 | Policy::Qd132Hd21 => l.limit(
                Tier::NotComplete,
                "unit_disciplined",
                "Tổ chức bị kỷ luật trong năm: Không hoàn thành nhiệm vụ.".into(),
            ),
            Policy::Qd124Hd25 if !f.self_detected_and_remedied => l.limit(
                Tier::NotComplete,
                "unit_disciplined",
                "Tổ chức bị kỷ luật trong năm (không tự phát hiện, khắc phục): Không hoàn thành nhiệm vụ."
                    .into(),
            ),
            Policy::Qd366Hd43 => l.limit(
                Tier::Good,
                "unit_disciplined",
                "Tổ chức bị kỷ luật trong năm: không được Hoàn thành xuất sắc nhiệm vụ.".into(),
            ),
            _ => {}
        }
    }
    if let Some(pct) = f.disciplined_subordinates_pct.filter(|p| *p > 0) {
        if pct > 20 {
            // 132-QĐ/TW and 124-QĐ/TW Điều 12 khoản 4 điểm a; kept from 2025 (issue 10).
            l.limit(
                Tier::NotComplete,
                "disciplined_subordinates",
                format!(
                    "{pct}% tổ chức trực thuộc bị kỷ luật trong năm, trên 20%: Không hoàn thành nhiệm vụ."
                ),
            );
        } else if policy == Policy::Qd366Hd43 {
            l.limit(
                Tier::Good,
                "disciplined_subordinates",
                format!(
                    "{pct}% tổ chức trực thuộc bị kỷ luật trong năm: không được Hoàn thành xuất sắc nhiệm vụ."
                ),
            );
        }
    }
    l.found
}

#[cfg(test)]
mod tests {
    use super::super::highest;
    use super::*;
    use Tier::{Complete as C, Excellent as E, Good as G, NotComplete as N};

    #[test]
    fn a_collective_is_excellent_only_if_all_complete_and_four_fifths_good() {
        // domain.md §8 (132-QĐ/TW with 16-HD and 21-HD; kept by 124-QĐ/TW and 366-QĐ/TW):
        // 100% at least complete and ≥ 80% good or better.
        let cases: [(&str, &[Tier], Tier); 6] = [
            ("4 of 5 good", &[E, G, G, G, C], E),
            ("3 of 5 good", &[E, G, G, C, C], G),
            ("one not complete", &[E, G, G, G, G, G, G, G, G, N], G),
            ("all excellent", &[E, E], E),
            ("nobody rated", &[], E),
            ("79%", [G; 79].iter().chain([C; 21].iter()).copied().collect::<Vec<_>>().leak(), G),
        ];
        for policy in [Policy::Qd132Hd16, Policy::Qd132Hd21, Policy::Qd124Hd25, Policy::Qd366Hd43] {
            for (label, rated, want) in cases {
                let found = collective_limits(policy, "LS-DK-C1", false, &CollectiveFacts::default(), rated);
                assert_eq!(highest(&found), want, "{policy:?} {label}");
                assert!(found.iter().all(|l| l.violation.rule == "collective_excellent"));
            }
        }
    }

    #[test]
    fn leadership_and_subordinate_discipline_limit_a_collective_by_the_years_text() {
        // 21-HD/BTCTW mục II: leadership member disciplined with a warning or heavier; 132-QĐ/TW
        // and 124-QĐ/TW Điều 12 khoản 4 điểm a: leadership disciplined, or > 20% of the units
        // disciplined, or the collective itself (from 2023 unless self-detected); 366-QĐ/TW
        // Điều 11 khoản 1: excellent needs none disciplined.
        let lead = |form| CollectiveFacts { leadership_discipline: Some(form), ..CollectiveFacts::default() };
        let subs =
            |pct| CollectiveFacts { disciplined_subordinates_pct: Some(pct), ..CollectiveFacts::default() };
        let own = |self_detected| CollectiveFacts {
            disciplined: true,
            self_detected_and_remedied: self_detected,
            ..CollectiveFacts::default()
        };
        let cases = [
            (Policy::Qd132Hd21, lead(MemberDiscipline::Reprimand), E),
            (Policy::Qd132Hd21, lead(MemberDiscipline::Warning), N),
            (Policy::Qd132Hd16, lead(MemberDiscipline::Dismissal), N),
            (Policy::Qd124Hd25, lead(MemberDiscipline::Reprimand), N),
            (Policy::Qd366Hd43, lead(MemberDiscipline::Reprimand), G),
            (Policy::Qd132Hd21, subs(20), E),
            (Policy::Qd132Hd21, subs(21), N),
            (Policy::Qd124Hd25, subs(25), N),
            (Policy::Qd366Hd43, subs(10), G),
            (Policy::Qd366Hd43, subs(30), N),
            (Policy::Unchecked, subs(90), E),
            (Policy::Qd132Hd21, own(false), N),
            (Policy::Qd124Hd25, own(false), N),
            (Policy::Qd124Hd25, own(true), E),
            (Policy::Qd132Hd21, own(true), N),
            (Policy::Qd366Hd43, own(false), G),
        ];
        for (policy, facts, want) in cases {
            let found = collective_limits(policy, "LS-DK", true, &facts, &[]);
            assert_eq!(highest(&found), want, "{policy:?} {facts:?}");
            for l in &found {
                assert!(!l.violation.citation.is_empty() && l.violation.subject == "LS-DK");
            }
        }
    }
}
