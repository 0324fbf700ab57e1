//! Positions held in an organization's committee over a date range, and their overlap rules.
use serde::{Deserialize, Serialize};

use crate::Violation;
use crate::date::{self, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum PositionRole {
    Secretary,
    DeputySecretary,
    #[serde(rename = "standing_committee")]
    StandingCommitteeMember,
    CommitteeMember,
}

impl PositionRole {
    pub const ALL: [PositionRole; 4] = [
        PositionRole::Secretary,
        PositionRole::DeputySecretary,
        PositionRole::StandingCommitteeMember,
        PositionRole::CommitteeMember,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PositionRole::Secretary => "secretary",
            PositionRole::DeputySecretary => "deputy_secretary",
            PositionRole::StandingCommitteeMember => "standing_committee",
            PositionRole::CommitteeMember => "committee_member",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Protocol order, as a committee is listed: Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ,
    /// cấp ủy viên (lower first).
    pub fn rank(self) -> usize {
        match self {
            PositionRole::Secretary => 0,
            PositionRole::DeputySecretary => 1,
            PositionRole::StandingCommitteeMember => 2,
            PositionRole::CommitteeMember => 3,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PositionRole::Secretary => "Bí thư",
            PositionRole::DeputySecretary => "Phó Bí thư",
            PositionRole::StandingCommitteeMember => "Ủy viên Ban Thường vụ",
            PositionRole::CommitteeMember => "Cấp ủy viên",
        }
    }

    /// Roles one person at a time holds in an organization (Điều lệ Đảng, Điều 12).
    pub fn is_single_seat(self) -> bool {
        matches!(self, PositionRole::Secretary)
    }
}

/// An existing position, as the overlap check sees it.
#[derive(Debug, Clone, Copy)]
pub struct Held {
    pub same_person: bool,
    pub role: PositionRole,
    pub span: Span,
}

/// A new position must not overlap the same person's same role, nor another secretary.
pub fn check_position(role: PositionRole, span: Span, existing: &[Held]) -> Result<(), Violation> {
    span.check()?;
    for held in existing.iter().filter(|h| h.role == role && h.span.overlaps(&span)) {
        let until = held.span.to.map(date::format).unwrap_or_else(|| "nay".into());
        if held.same_person {
            return Err(Violation::on(
                "valid_from",
                format!(
                    "Người này đã giữ chức {} ở tổ chức này từ {} đến {}: khoảng thời gian bị trùng.",
                    role.label(),
                    date::format(held.span.from),
                    until
                ),
            ));
        }
        if role.is_single_seat() {
            return Err(Violation::on(
                "valid_from",
                format!(
                    "Tổ chức đã có {} từ {} đến {}; hãy kết thúc nhiệm kỳ đó trước.",
                    role.label(),
                    date::format(held.span.from),
                    until
                ),
            )
            .cite("Điều lệ Đảng, Điều 12"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn span(from: NaiveDate, to: Option<NaiveDate>) -> Span {
        Span { from, to }
    }

    #[test]
    fn roles_rank_in_protocol_order() {
        let mut roles = [
            PositionRole::CommitteeMember,
            PositionRole::Secretary,
            PositionRole::StandingCommitteeMember,
            PositionRole::DeputySecretary,
        ];
        roles.sort_by_key(|r| r.rank());
        assert_eq!(roles, PositionRole::ALL);
        let labels: Vec<&str> = roles.iter().map(|r| r.label()).collect();
        assert_eq!(labels, ["Bí thư", "Phó Bí thư", "Ủy viên Ban Thường vụ", "Cấp ủy viên"]);
    }

    #[test]
    fn spans_overlap_half_open() {
        let a = span(d(2020, 1, 1), Some(d(2021, 1, 1)));
        let cases = [
            (span(d(2021, 1, 1), None), false),
            (span(d(2020, 12, 31), None), true),
            (span(d(2019, 1, 1), Some(d(2020, 1, 1))), false),
            (span(d(2019, 1, 1), Some(d(2020, 1, 2))), true),
            (span(d(2019, 1, 1), None), true),
        ];
        for (b, want) in cases {
            assert_eq!(a.overlaps(&b), want, "{b:?}");
            assert_eq!(b.overlaps(&a), want, "{b:?} reversed");
        }
    }

    #[test]
    fn one_secretary_at_a_time_and_no_overlap_for_the_same_person() {
        let open = span(d(2020, 1, 1), None);
        let later = span(d(2022, 1, 1), None);
        let held_secretary = Held {
            same_person: false,
            role: PositionRole::Secretary,
            span: span(d(2015, 1, 1), Some(d(2021, 1, 1))),
        };
        let held_member = Held { same_person: true, role: PositionRole::CommitteeMember, span: open };
        let cases = [
            (PositionRole::Secretary, open, vec![held_secretary], false),
            (PositionRole::Secretary, later, vec![held_secretary], true),
            (PositionRole::CommitteeMember, later, vec![held_member], false),
            (PositionRole::DeputySecretary, later, vec![held_member], true),
            (PositionRole::CommitteeMember, later, vec![Held { same_person: false, ..held_member }], true),
        ];
        for (role, s, existing, ok) in cases {
            assert_eq!(check_position(role, s, &existing).is_ok(), ok, "{role:?} {s:?}");
        }
    }

    #[test]
    fn a_range_must_end_after_it_starts() {
        assert!(span(d(2020, 1, 1), Some(d(2020, 1, 1))).check().is_err());
        assert!(span(d(2020, 1, 1), Some(d(2020, 1, 2))).check().is_ok());
    }
}
