//! Pilot guidance (chỉ đạo điểm) and work groups (tổ công tác), domain.md §6, issue 11: the
//! weaknesses a committee finds in a unit it picks, the indicator it measures the unit by, and
//! the remediation actions its work group follows ("yếu chỗ nào khắc phục chỗ đó").
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Violation;
use crate::org::in_subtree;

coded! {
    /// A weakness a committee finds in a unit it picks (domain.md §6; the seed names the first
    /// three). `Other` takes the committee's own words beside it.
    Weakness {
        KeyTasks => "key_tasks", "Thực hiện nhiệm vụ trọng tâm chưa hiệu quả",
        MeetingQuality => "meeting_quality", "Chất lượng sinh hoạt chi bộ chưa cao",
        HeadCapacity => "head_capacity", "Năng lực lãnh đạo của người đứng đầu còn hạn chế",
        Inspection => "inspection", "Công tác kiểm tra, giám sát còn yếu",
        Other => "other", "Hạn chế khác",
    }
}

coded! {
    /// What a pilot is measured by, from the ratings coso holds: for a committee the share of
    /// its cells rated good or better, for a cell the share of its members.
    Indicator {
        CellsGoodPct => "cells_good_pct", "Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên",
        MembersGoodPct => "members_good_pct", "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên",
    }
}

coded! {
    /// Where a remediation action stands.
    ActionStatus {
        Open => "open", "Chưa thực hiện",
        InProgress => "in_progress", "Đang thực hiện",
        Done => "done", "Đã hoàn thành",
        Cancelled => "cancelled", "Hủy bỏ",
    }
}

impl Indicator {
    /// The indicator a unit is measured by: a unit with cells under it by its cells, a cell by
    /// its members.
    pub fn for_unit(holds_members: bool) -> Indicator {
        if holds_members { Indicator::MembersGoodPct } else { Indicator::CellsGoodPct }
    }
}

/// Weaknesses as stored: their codes, comma-separated, in catalogue order.
pub fn weakness_codes(list: &[Weakness]) -> String {
    let mut sorted = list.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted.iter().map(|w| w.code()).collect::<Vec<_>>().join(",")
}

/// Reads stored weaknesses back; an unknown code is dropped.
pub fn weaknesses_of(codes: &str) -> Vec<Weakness> {
    codes.split(',').filter_map(|c| Weakness::from_code(c.trim())).collect()
}

/// A committee picks units inside its own subtree, never itself (domain.md §6: the city picks
/// wards and cells; a ward picks its cells).
pub fn check_selection(
    unit_path: &str,
    selector_path: &str,
    unit: &str,
    selector: &str,
) -> Result<(), Violation> {
    if unit_path != selector_path && in_subtree(unit_path, selector_path) {
        return Ok(());
    }
    Err(Violation::on(
        "org_code",
        format!(
            "{unit} không thuộc phạm vi lãnh đạo của {selector}; chỉ chọn đơn vị trực thuộc để chỉ đạo điểm."
        ),
    ))
}

/// An action is due on or after the day it is set.
pub fn check_due(created_on: NaiveDate, due_on: NaiveDate) -> Result<(), Violation> {
    if due_on >= created_on {
        return Ok(());
    }
    Err(Violation::on(
        "due_on",
        format!(
            "Hạn hoàn thành {} trước ngày giao việc {}.",
            crate::date::format(due_on),
            crate::date::format(created_on)
        ),
    ))
}

/// Whether an action is overdue on `today`: not done nor cancelled, past its due day.
pub fn is_overdue(status: ActionStatus, due_on: NaiveDate, today: NaiveDate) -> bool {
    matches!(status, ActionStatus::Open | ActionStatus::InProgress) && due_on < today
}

/// The share, in percent with one decimal, of `good` in `total`; none when nothing is rated.
pub fn share_pct(good: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| (good as f64 * 1000.0 / total as f64).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_committee_picks_only_units_below_it() {
        let cases = [
            ("/ls/dk/", "/ls/", true),
            ("/ls/dk/k1/", "/ls/dk/", true),
            ("/ls/", "/ls/", false),
            ("/ls/vt/k1/", "/ls/dk/", false),
            ("/ls/", "/ls/dk/", false),
        ];
        for (unit, selector, ok) in cases {
            let got = check_selection(unit, selector, "Đơn vị", "Cấp ủy");
            assert_eq!(got.is_ok(), ok, "{unit} under {selector}");
            if let Err(v) = got {
                assert_eq!(v.field, Some("org_code"));
            }
        }
    }

    #[test]
    fn actions_are_due_after_they_are_set_and_overdue_only_while_open() {
        assert!(check_due(d(2021, 3, 1), d(2021, 3, 1)).is_ok());
        assert_eq!(check_due(d(2021, 3, 1), d(2021, 2, 28)).unwrap_err().field, Some("due_on"));
        let cases = [
            (ActionStatus::Open, d(2021, 5, 1), d(2021, 5, 2), true),
            (ActionStatus::InProgress, d(2021, 5, 1), d(2021, 5, 2), true),
            (ActionStatus::Open, d(2021, 5, 1), d(2021, 5, 1), false),
            (ActionStatus::Done, d(2021, 5, 1), d(2021, 6, 1), false),
            (ActionStatus::Cancelled, d(2021, 5, 1), d(2021, 6, 1), false),
        ];
        for (status, due, today, overdue) in cases {
            assert_eq!(is_overdue(status, due, today), overdue, "{status:?} {due} {today}");
        }
    }

    #[test]
    fn weaknesses_round_trip_in_catalogue_order() {
        let stored = weakness_codes(&[Weakness::HeadCapacity, Weakness::KeyTasks, Weakness::KeyTasks]);
        assert_eq!(stored, "key_tasks,head_capacity");
        assert_eq!(weaknesses_of(&stored), [Weakness::KeyTasks, Weakness::HeadCapacity]);
        assert_eq!(weaknesses_of("key_tasks,unknown"), [Weakness::KeyTasks]);
        assert_eq!(share_pct(8, 10), Some(80.0));
        assert_eq!(share_pct(0, 0), None);
        assert_eq!(Indicator::for_unit(false), Indicator::CellsGoodPct);
    }
}
