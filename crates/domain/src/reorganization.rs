//! What a reorganization (rename, move, merge, split, dissolve) needs before it is recorded.
//! Each is one event with its decision (domain.md §2), and coso never rewrites what happened
//! after its date (design.md principle 4: nothing is lost), so a change is refused when later
//! changes would have to be rewritten.
use chrono::NaiveDate;

use crate::Violation;
use crate::date;
use crate::org::OrgKind;

/// A reorganization is dated at or after the organization's last recorded change.
pub fn check_after_last_change(
    name: &str,
    on: NaiveDate,
    last_change: NaiveDate,
    stands_then_as_last: bool,
) -> Result<(), Violation> {
    if last_change > on || !stands_then_as_last {
        return Err(Violation::on(
            "effective_on",
            format!(
                "{name} đã có thay đổi từ ngày {}; chỉ ghi được sắp xếp từ ngày đó trở về sau.",
                date::format(last_change)
            ),
        ));
    }
    Ok(())
}

/// A rename gives a new, different name.
pub fn check_rename(current: &str, new: &str) -> Result<(), Violation> {
    match new.trim() {
        "" => Err(Violation::on("new_name", "Cần nhập tên mới.")),
        n if n == current => Err(Violation::on("new_name", "Tên mới trùng tên hiện tại.")),
        _ => Ok(()),
    }
}

/// A unit is dissolved only once it has no subordinate units and no members left: they are
/// moved or transferred first, each by its own decision.
pub fn check_dissolution(name: &str, units_left: usize, members_left: usize) -> Result<(), Violation> {
    if units_left > 0 {
        return Err(Violation::on(
            "kind",
            format!(
                "{name} còn {units_left} tổ chức trực thuộc; hãy điều chuyển hoặc giải thể các tổ chức đó trước."
            ),
        ));
    }
    if members_left > 0 {
        return Err(Violation::on(
            "kind",
            format!("{name} còn {members_left} đảng viên; hãy chuyển sinh hoạt cho họ trước khi giải thể."),
        ));
    }
    Ok(())
}

/// One stretch of a member's record in the unit, as a reorganization dated `on` sees it.
#[derive(Debug, Clone, Copy)]
pub struct Stretch {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub on_roll: bool,
}

/// The unit's members must not have changed after `on`: a stretch that starts later, or an
/// on-roll stretch that already ended, would be rewritten by the reorganization.
pub fn check_members_unchanged_after(
    name: &str,
    on: NaiveDate,
    stretches: &[Stretch],
) -> Result<(), Violation> {
    if stretches.iter().any(|s| s.from > on || (s.on_roll && s.to.is_some())) {
        return Err(Violation::on(
            "effective_on",
            format!(
                "Đảng viên của {name} có biến động sau ngày hiệu lực này; hãy chọn ngày hiệu lực muộn hơn."
            ),
        ));
    }
    Ok(())
}

/// A unit is merged into another one, and its members can only go to a cell, where members
/// are registered.
pub fn check_merge_target(same_unit: bool, members: usize, target: OrgKind) -> Result<(), Violation> {
    if same_unit {
        return Err(Violation::on("target_code", "Không thể sáp nhập một tổ chức vào chính nó."));
    }
    if members > 0 && !target.holds_members() {
        return Err(Violation::on(
            "target_code",
            "Tổ chức có đảng viên chỉ sáp nhập được vào một chi bộ, nơi đảng viên sinh hoạt.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn history_after_the_date_is_never_rewritten() {
        let on = d(2020, 6, 1);
        let cases = [
            (d(2020, 1, 1), true, true),
            (d(2020, 6, 1), true, true),
            (d(2020, 7, 1), true, false),
            (d(2020, 1, 1), false, false),
        ];
        for (last, stands, ok) in cases {
            assert_eq!(check_after_last_change("Chi bộ 1", on, last, stands).is_ok(), ok, "{last} {stands}");
        }
        let s = |from, to: Option<NaiveDate>, on_roll| Stretch { from, to, on_roll };
        let stretches = [
            (vec![s(d(2019, 1, 1), None, true)], true),
            (vec![s(d(2019, 1, 1), Some(d(2019, 5, 1)), false)], true),
            (vec![s(d(2020, 7, 1), None, true)], false),
            (vec![s(d(2019, 1, 1), Some(d(2020, 8, 1)), true)], false),
        ];
        for (list, ok) in stretches {
            assert_eq!(check_members_unchanged_after("Chi bộ 1", on, &list).is_ok(), ok, "{list:?}");
        }
    }

    #[test]
    fn renames_dissolutions_and_merges_need_their_conditions() {
        assert!(check_rename("Chi bộ 1", " Chi bộ Một ").is_ok());
        assert_eq!(check_rename("Chi bộ 1", "Chi bộ 1").unwrap_err().field, Some("new_name"));
        assert_eq!(check_rename("Chi bộ 1", "  ").unwrap_err().message, "Cần nhập tên mới.");
        let dissolutions = [(0, 0, true), (2, 0, false), (0, 3, false)];
        for (units, members, ok) in dissolutions {
            assert_eq!(check_dissolution("Chi bộ 1", units, members).is_ok(), ok, "{units} {members}");
        }
        let merges = [
            (false, 5, OrgKind::SubordinateCell, true),
            (false, 0, OrgKind::GrassrootsCommittee, true),
            (false, 5, OrgKind::GrassrootsCommittee, false),
            (true, 0, OrgKind::SubordinateCell, false),
        ];
        for (same, members, target, ok) in merges {
            assert_eq!(check_merge_target(same, members, target).is_ok(), ok, "{same} {members} {target:?}");
        }
    }
}
