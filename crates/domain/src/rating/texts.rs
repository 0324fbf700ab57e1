//! Where each rating rule is written, per policy: the citation a refused rating shows. One
//! table, so that a text found later changes one line (issue 10: quote the article and point;
//! where the text could not be read, say so instead of guessing).
use super::Policy;

/// `(policy, rule, citation)`. A rule absent for a policy falls back to the policy's texts.
///
/// Read so far (issue 10's search, November 2026): 21-HD/BTCTW mục II điểm 2.3 a) and tiểu mục
/// 6; 132-QĐ/TW and 124-QĐ/TW Điều 12 khoản 4 (the lead-in to "không hoàn thành nhiệm vụ");
/// 366-QĐ/TW Điều 11 khoản 1. Where only the text, not its point, could be read, the citation
/// says "điểm chưa đối chiếu"; the closing note of issue 10 lists them.
const CITATIONS: &[(Policy, &str, &str)] = &[
    // 2018: 132-QĐ/TW with 16-HD/BTCTW (16-HD's points could not be read).
    (Policy::Qd132Hd16, "excellent_criteria", "Hướng dẫn 16-HD/BTCTW, mục II (điểm chưa đối chiếu)"),
    (Policy::Qd132Hd16, "sick_leave", "Hướng dẫn 16-HD/BTCTW, mục II (điểm chưa đối chiếu)"),
    (Policy::Qd132Hd16, "poor_criterion", "Quy định 132-QĐ/TW, Điều 12, khoản 4"),
    (Policy::Qd132Hd16, "disciplined", "Hướng dẫn 16-HD/BTCTW, mục II (điểm chưa đối chiếu)"),
    (Policy::Qd132Hd16, "targets", "Hướng dẫn 16-HD/BTCTW, mục II (điểm chưa đối chiếu)"),
    (Policy::Qd132Hd16, "degraded", "Hướng dẫn 16-HD/BTCTW, mục II (điểm chưa đối chiếu)"),
    (Policy::Qd132Hd16, "collective_excellent", "Hướng dẫn 16-HD/BTCTW, mục II (điểm chưa đối chiếu)"),
    (Policy::Qd132Hd16, "leadership_discipline", "Quy định 132-QĐ/TW, Điều 12, khoản 4, điểm a"),
    (Policy::Qd132Hd16, "disciplined_subordinates", "Quy định 132-QĐ/TW, Điều 12, khoản 4, điểm a"),
    (Policy::Qd132Hd16, "unit_disciplined", "Quy định 132-QĐ/TW, Điều 12, khoản 4, điểm a"),
    // 2019–2022: 132-QĐ/TW with 21-HD/BTCTW.
    (Policy::Qd132Hd21, "excellent_cap", "Hướng dẫn 21-HD/BTCTW, mục II, điểm 2.3 a)"),
    (Policy::Qd132Hd21, "excellent_criteria", "Hướng dẫn 21-HD/BTCTW, mục II, điểm 2.3 a)"),
    (Policy::Qd132Hd21, "sick_leave", "Hướng dẫn 21-HD/BTCTW, mục II, tiểu mục 6"),
    (Policy::Qd132Hd21, "poor_criterion", "Quy định 132-QĐ/TW, Điều 12, khoản 4"),
    (Policy::Qd132Hd21, "disciplined", "Hướng dẫn 21-HD/BTCTW, mục II (xếp loại không hoàn thành nhiệm vụ)"),
    (Policy::Qd132Hd21, "targets", "Hướng dẫn 21-HD/BTCTW, mục II (xếp loại không hoàn thành nhiệm vụ)"),
    (Policy::Qd132Hd21, "degraded", "Hướng dẫn 21-HD/BTCTW, mục II (xếp loại không hoàn thành nhiệm vụ)"),
    (Policy::Qd132Hd21, "collective_excellent", "Hướng dẫn 21-HD/BTCTW, mục II (điểm chưa đối chiếu)"),
    (
        Policy::Qd132Hd21,
        "leadership_discipline",
        "Hướng dẫn 21-HD/BTCTW, mục II (tập thể không hoàn thành nhiệm vụ)",
    ),
    (Policy::Qd132Hd21, "disciplined_subordinates", "Quy định 132-QĐ/TW, Điều 12, khoản 4, điểm a"),
    (Policy::Qd132Hd21, "unit_disciplined", "Quy định 132-QĐ/TW, Điều 12, khoản 4, điểm a"),
    (Policy::Qd132Hd21, "not_rated", "Hướng dẫn 21-HD/BTCTW, mục II, tiểu mục 6"),
    // 2023–2024: 124-QĐ/TW with 25-HD/BTCTW.
    (Policy::Qd124Hd25, "excellent_cap", "Quy định 124-QĐ/TW, Điều 12 (nguyên văn chưa đối chiếu)"),
    (Policy::Qd124Hd25, "excellent_criteria", "Quy định 124-QĐ/TW, Điều 12 (điểm chưa đối chiếu)"),
    (Policy::Qd124Hd25, "poor_criterion", "Quy định 124-QĐ/TW, Điều 12, khoản 4"),
    (Policy::Qd124Hd25, "disciplined", "Quy định 124-QĐ/TW, Điều 12, khoản 4"),
    (Policy::Qd124Hd25, "targets", "Quy định 124-QĐ/TW, Điều 12, khoản 4"),
    (Policy::Qd124Hd25, "degraded", "Quy định 124-QĐ/TW, Điều 12, khoản 4"),
    (
        Policy::Qd124Hd25,
        "collective_excellent",
        "Quy định 124-QĐ/TW; Hướng dẫn 25-HD/BTCTW (điểm chưa đối chiếu)",
    ),
    (Policy::Qd124Hd25, "leadership_discipline", "Quy định 124-QĐ/TW, Điều 12, khoản 4"),
    (Policy::Qd124Hd25, "disciplined_subordinates", "Quy định 124-QĐ/TW, Điều 12, khoản 4"),
    (Policy::Qd124Hd25, "unit_disciplined", "Quy định 124-QĐ/TW, Điều 12, khoản 4"),
    // 2025 on: 366-QĐ/TW with 43-HD/BTCTW, the 100-point score.
    (Policy::Qd366Hd43, "score_excellent", "Quy định 366-QĐ/TW, Điều 11, khoản 1"),
    (Policy::Qd366Hd43, "score_good", "Quy định 366-QĐ/TW, Điều 11, khoản 2"),
    (Policy::Qd366Hd43, "score_complete", "Quy định 366-QĐ/TW, Điều 11, khoản 3–4"),
    (Policy::Qd366Hd43, "disciplined", "Quy định 366-QĐ/TW, Điều 11 (điểm chưa đối chiếu)"),
    (Policy::Qd366Hd43, "targets", "Quy định 366-QĐ/TW, Điều 11 (điểm chưa đối chiếu)"),
    (Policy::Qd366Hd43, "degraded", "Quy định 366-QĐ/TW, Điều 11 (điểm chưa đối chiếu)"),
    (Policy::Qd366Hd43, "collective_excellent", "Quy định 366-QĐ/TW, Điều 11, khoản 1"),
    (Policy::Qd366Hd43, "leadership_discipline", "Quy định 366-QĐ/TW, Điều 11, khoản 1"),
    (Policy::Qd366Hd43, "disciplined_subordinates", "Quy định 366-QĐ/TW, Điều 11, khoản 1"),
    (Policy::Qd366Hd43, "unit_disciplined", "Quy định 366-QĐ/TW, Điều 11, khoản 1"),
    (
        Policy::Qd366Hd43,
        "excellent_cap",
        "Quy định 366-QĐ/TW (chưa tìm thấy điều khoản; coso giữ mức 20% của Quy định 124-QĐ/TW, Điều 12)",
    ),
];

/// Rules every checked policy shares, cited the same way for each.
const SHARED: &[(&str, &str)] = &[
    (
        "not_rated",
        "Hướng dẫn 21-HD/BTCTW, mục II, tiểu mục 6 (đảng viên chưa đủ 6 tháng); miễn, đình chỉ sinh hoạt: điểm chưa đối chiếu",
    ),
    (
        "competence",
        "Quy định về kiểm điểm, đánh giá, xếp loại chất lượng: cấp ủy cấp trên trực tiếp quyết định (domain.md §8; điểm chưa đối chiếu)",
    ),
    (
        "order",
        "Quy định về kiểm điểm, đánh giá, xếp loại chất lượng: tập thể trước, cá nhân sau; cấp dưới trước, cấp trên sau (domain.md §8)",
    ),
];

/// The text `rule` comes from under `policy`.
pub fn citation(policy: Policy, rule: &str) -> &'static str {
    CITATIONS
        .iter()
        .find(|(p, r, _)| *p == policy && *r == rule)
        .map(|(_, _, c)| *c)
        .or_else(|| SHARED.iter().find(|(r, _)| *r == rule).map(|(_, c)| *c))
        .unwrap_or(policy.texts())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_citation_names_a_text_of_its_own_policy() {
        for (policy, rule, cite) in CITATIONS {
            let own = policy.code().split('+').any(|text| cite.contains(text));
            assert!(own, "{policy:?} {rule}: {cite}");
            assert_eq!(citation(*policy, rule), *cite);
        }
    }
}
