//! Plans and projects (Kế hoạch, Đề án; domain.md §10, issue 13): what a committee sets out to
//! do, the indicators it measures by (coso's own measures where one exists), the tasks it
//! assigns to the organizations of its subtree, and which documents govern what.
use serde::{Deserialize, Serialize};

use crate::Violation;
use crate::org::in_subtree;

coded! {
    /// A plan for a year's work, or a project over several years.
    PlanKind {
        Plan => "plan", "Kế hoạch",
        Project => "project", "Đề án",
    }
}

coded! {
    /// A measure coso computes from its own records, which a plan's indicator may follow
    /// instead of figures typed in.
    Measure {
        MeetingCompliancePct => "meeting_compliance_pct", "Tỷ lệ chi bộ sinh hoạt đúng quy định",
        CellsGoodPct => "cells_good_pct", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
        MembersGoodPct => "members_good_pct", "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên",
    }
}

coded! {
    /// What a directive document governs in coso (a document number is the link people quote).
    Governs {
        QuotaPolicy => "quota_policy", "Định mức dự sinh hoạt chi bộ",
        RatingPolicy => "rating_policy", "Tiêu chí đánh giá, xếp loại",
        MeetingPolicy => "meeting_policy", "Nội dung, nền nếp sinh hoạt chi bộ",
        Pilot => "pilot", "Chỉ đạo điểm",
        Plan => "plan", "Kế hoạch, đề án",
        Resolution => "resolution", "Nghị quyết, chỉ tiêu",
    }
}

/// Where a committee's tasks may go: the lower level carries out the upper level's decisions.
pub const ASSIGNMENT_CITATION: &str = "Điều lệ Đảng, Điều 9 (khoản chưa đối chiếu)";

/// A committee assigns a plan's tasks to itself or to organizations of its own subtree, which
/// it leads (Điều lệ Đảng, Điều 9: democratic centralism, the lower level obeys the upper).
pub fn check_assignment(
    assignee_path: &str,
    assigner_path: &str,
    assignee: &str,
    assigner: &str,
) -> Result<(), Violation> {
    if in_subtree(assignee_path, assigner_path) {
        return Ok(());
    }
    Err(Violation::on(
        "assignee_code",
        format!("{assignee} không thuộc phạm vi lãnh đạo của {assigner}; không giao nhiệm vụ của kế hoạch."),
    )
    .cite(ASSIGNMENT_CITATION))
}

/// Progress reported on a task is a share from 0 to 100.
pub fn check_progress(pct: i32) -> Result<(), Violation> {
    if (0..=100).contains(&pct) {
        Ok(())
    } else {
        Err(Violation::on("progress_pct", "Tiến độ là tỷ lệ phần trăm từ 0 đến 100."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committee_assigns_tasks_within_its_subtree() {
        let cases = [
            ("/ls/", "/ls/", true),
            ("/ls/dk/", "/ls/", true),
            ("/ls/dk/k1/", "/ls/dk/", true),
            ("/ls/vt/", "/ls/dk/", false),
            ("/ls/", "/ls/dk/", false),
        ];
        for (assignee, assigner, ok) in cases {
            let got = check_assignment(assignee, assigner, "Đơn vị", "Cấp ủy");
            assert_eq!(got.is_ok(), ok, "{assignee} by {assigner}");
            if let Err(v) = got {
                assert_eq!(v.field, Some("assignee_code"));
                assert!(v.message.contains("không thuộc phạm vi"), "{}", v.message);
                assert_eq!(v.citation, Some(ASSIGNMENT_CITATION));
            }
        }
    }

    #[test]
    fn progress_is_a_percentage() {
        for (pct, ok) in [(-1, false), (0, true), (55, true), (100, true), (101, false)] {
            assert_eq!(check_progress(pct).is_ok(), ok, "{pct}");
        }
    }

    #[test]
    fn codes_read_back() {
        for m in Measure::ALL {
            assert_eq!(Measure::from_code(m.code()), Some(*m));
        }
        for g in Governs::ALL {
            assert_eq!(Governs::from_code(g.code()), Some(*g));
        }
        assert_eq!(PlanKind::Project.label(), "Đề án");
    }
}
