//! Kinds and sectors of party organizations, where each may stand in the tree, and reorganizations.
use serde::{Deserialize, Serialize};

use crate::Violation;

/// The level of a party organization (domain.md §2). Stored explicitly: never inferred
/// from member counts, since exceptions exist by the superior's written approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum OrgKind {
    /// Thành ủy / Huyện ủy: the district-level committee.
    CityCommittee,
    /// Đảng bộ cơ sở: a TCCSĐ with subordinate cells.
    GrassrootsCommittee,
    /// Chi bộ cơ sở: a TCCSĐ without subordinate cells.
    GrassrootsCell,
    /// Đảng bộ bộ phận: between a grassroots committee and its cells.
    SubCommittee,
    /// Chi bộ trực thuộc.
    SubordinateCell,
    /// Tổ đảng.
    PartyGroup,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [
        OrgKind::CityCommittee,
        OrgKind::GrassrootsCommittee,
        OrgKind::GrassrootsCell,
        OrgKind::SubCommittee,
        OrgKind::SubordinateCell,
        OrgKind::PartyGroup,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::CityCommittee => "city_committee",
            OrgKind::GrassrootsCommittee => "grassroots_committee",
            OrgKind::GrassrootsCell => "grassroots_cell",
            OrgKind::SubCommittee => "sub_committee",
            OrgKind::SubordinateCell => "subordinate_cell",
            OrgKind::PartyGroup => "party_group",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Where the kind comes in a list of units: committees before cells (the order of [`ALL`]).
    ///
    /// [`ALL`]: OrgKind::ALL
    pub fn rank(self) -> usize {
        Self::ALL.iter().position(|k| *k == self).unwrap_or(Self::ALL.len())
    }

    pub fn label(self) -> &'static str {
        match self {
            OrgKind::CityCommittee => "Đảng bộ cấp huyện (Thành ủy)",
            OrgKind::GrassrootsCommittee => "Đảng bộ cơ sở",
            OrgKind::GrassrootsCell => "Chi bộ cơ sở",
            OrgKind::SubCommittee => "Đảng bộ bộ phận",
            OrgKind::SubordinateCell => "Chi bộ trực thuộc",
            OrgKind::PartyGroup => "Tổ đảng",
        }
    }

    /// A TCCSĐ (tổ chức cơ sở đảng) is a grassroots committee or a grassroots cell.
    pub fn is_grassroots_org(self) -> bool {
        matches!(self, OrgKind::GrassrootsCommittee | OrgKind::GrassrootsCell)
    }

    /// Cells are where members hold their party activity.
    pub fn is_cell(self) -> bool {
        matches!(self, OrgKind::GrassrootsCell | OrgKind::SubordinateCell)
    }

    /// Whether members can be registered directly in an organization of this kind.
    /// Party groups live inside a cell; members belong to the cell.
    pub fn holds_members(self) -> bool {
        self.is_cell()
    }

    /// Which kinds may stand directly under this one (Điều lệ Đảng, Điều 21–25; domain.md §2).
    pub fn may_contain(self, child: OrgKind) -> bool {
        use OrgKind::*;
        match self {
            CityCommittee => matches!(child, GrassrootsCommittee | GrassrootsCell),
            GrassrootsCommittee => matches!(child, SubCommittee | SubordinateCell),
            SubCommittee => matches!(child, SubordinateCell),
            GrassrootsCell | SubordinateCell => matches!(child, PartyGroup),
            PartyGroup => false,
        }
    }
}

/// Checks that `child` may be placed under `parent` (or at the top when there is none).
pub fn check_placement(parent: Option<OrgKind>, child: OrgKind) -> Result<(), Violation> {
    match parent {
        None if child == OrgKind::CityCommittee => Ok(()),
        None => Err(Violation::on("parent_code", format!("{} phải có tổ chức cấp trên.", child.label()))),
        Some(p) if p.may_contain(child) => Ok(()),
        Some(p) => Err(Violation::on(
            "parent_code",
            format!("{} không thể trực thuộc {}.", child.label(), p.label().to_lowercase()),
        )
        .cite("Điều lệ Đảng, Chương IV")),
    }
}

/// Checks an organization code: ASCII letters, digits, dot, dash or underscore, no spaces.
pub fn check_code(code: &str) -> Result<(), Violation> {
    if code.is_empty()
        || code.len() > 40
        || !code.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    {
        return Err(Violation::on(
            "code",
            format!(
                "Mã tổ chức «{code}» chỉ được gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 40 ký tự)."
            ),
        ));
    }
    Ok(())
}

/// Sector of a TCCSĐ (domain.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum Sector {
    /// Xã, phường, thị trấn.
    WardCommune,
    /// Hành chính – sự nghiệp: agencies and schools.
    Agency,
    /// Doanh nghiệp.
    Enterprise,
    /// Lực lượng vũ trang.
    ArmedForces,
}

impl Sector {
    pub const ALL: [Sector; 4] =
        [Sector::WardCommune, Sector::Agency, Sector::Enterprise, Sector::ArmedForces];

    pub fn code(self) -> &'static str {
        match self {
            Sector::WardCommune => "ward_commune",
            Sector::Agency => "agency",
            Sector::Enterprise => "enterprise",
            Sector::ArmedForces => "armed_forces",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Sector::WardCommune => "Xã, phường, thị trấn",
            Sector::Agency => "Hành chính – sự nghiệp",
            Sector::Enterprise => "Doanh nghiệp",
            Sector::ArmedForces => "Lực lượng vũ trang",
        }
    }
}

/// What happened to an organization on a date, by a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum OrgEventKind {
    Founding,
    Rename,
    Move,
    /// This organization was merged into another and ceased.
    MergedInto,
    /// Another organization was merged into this one.
    Absorbed,
    /// This organization was created by splitting another.
    SplitFrom,
    Dissolve,
}

impl OrgEventKind {
    pub const ALL: [OrgEventKind; 7] = [
        OrgEventKind::Founding,
        OrgEventKind::Rename,
        OrgEventKind::Move,
        OrgEventKind::MergedInto,
        OrgEventKind::Absorbed,
        OrgEventKind::SplitFrom,
        OrgEventKind::Dissolve,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgEventKind::Founding => "founding",
            OrgEventKind::Rename => "rename",
            OrgEventKind::Move => "move",
            OrgEventKind::MergedInto => "merged_into",
            OrgEventKind::Absorbed => "absorbed",
            OrgEventKind::SplitFrom => "split_from",
            OrgEventKind::Dissolve => "dissolve",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            OrgEventKind::Founding => "Thành lập",
            OrgEventKind::Rename => "Đổi tên",
            OrgEventKind::Move => "Điều chuyển trực thuộc",
            OrgEventKind::MergedInto => "Sáp nhập vào tổ chức khác",
            OrgEventKind::Absorbed => "Tiếp nhận tổ chức sáp nhập",
            OrgEventKind::SplitFrom => "Thành lập do chia tách",
            OrgEventKind::Dissolve => "Giải thể",
        }
    }
}

/// A materialized path segment list `/a/b/c/`: the ids from the root down to the org itself.
pub fn child_path(parent_path: Option<&str>, id: &crate::id::OrgId) -> String {
    format!("{}{}/", parent_path.unwrap_or("/"), id)
}

/// Whether `path` lies in the subtree rooted at `root_path` (inclusive).
pub fn in_subtree(path: &str, root_path: &str) -> bool {
    path.starts_with(root_path)
}

/// The organizations of a materialized path, root first: `/a/b/c/` holds a, b and c.
pub fn path_ids(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

/// The exclusive upper bound of a subtree's path range: every path under `root_path` sorts
/// in `[root_path, subtree_end(root_path))` byte-wise, which both databases can index.
pub fn subtree_end(root_path: &str) -> String {
    format!("{root_path}~")
}

/// A move must not place an organization under itself or its own descendants.
pub fn check_move(moving_path: &str, new_parent_path: &str) -> Result<(), Violation> {
    if in_subtree(new_parent_path, moving_path) {
        return Err(Violation::on(
            "parent",
            "Không thể chuyển một tổ chức vào chính nó hoặc tổ chức cấp dưới của nó.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrgKind::*;

    #[test]
    fn placement_follows_the_party_statute() {
        let cases = [
            (None, CityCommittee, true),
            (None, GrassrootsCell, false),
            (Some(CityCommittee), GrassrootsCommittee, true),
            (Some(CityCommittee), GrassrootsCell, true),
            (Some(CityCommittee), SubordinateCell, false),
            (Some(GrassrootsCommittee), SubordinateCell, true),
            (Some(GrassrootsCommittee), SubCommittee, true),
            (Some(GrassrootsCommittee), GrassrootsCell, false),
            (Some(SubCommittee), SubordinateCell, true),
            (Some(GrassrootsCell), SubordinateCell, false),
            (Some(GrassrootsCell), PartyGroup, true),
            (Some(SubordinateCell), PartyGroup, true),
            (Some(PartyGroup), PartyGroup, false),
        ];
        for (parent, child, ok) in cases {
            assert_eq!(check_placement(parent, child).is_ok(), ok, "{parent:?} > {child:?}");
        }
    }

    #[test]
    fn organization_codes_are_plain_ascii() {
        let cases = [("LS-HVT-K9", true), ("LS.C01", true), ("DK C8", false), ("Đông", false), ("", false)];
        for (code, ok) in cases {
            assert_eq!(check_code(code).is_ok(), ok, "{code:?}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::from_code(k.code()), Some(k));
        }
        for s in Sector::ALL {
            assert_eq!(Sector::from_code(s.code()), Some(s));
        }
        for e in OrgEventKind::ALL {
            assert_eq!(OrgEventKind::from_code(e.code()), Some(e));
        }
        assert_eq!(OrgKind::from_code("cell"), None);
    }

    #[test]
    fn moves_that_make_cycles_are_refused() {
        let cases = [
            ("/r/a/", "/r/a/", false),
            ("/r/a/", "/r/a/b/", false),
            ("/r/a/", "/r/b/", true),
            ("/r/a/", "/r/", true),
            ("/r/a/", "/r/ab/", true),
        ];
        for (moving, parent, ok) in cases {
            assert_eq!(check_move(moving, parent).is_ok(), ok, "{moving} under {parent}");
        }
    }

    #[test]
    fn subtree_range_holds_exactly_the_descendants() {
        let root = "/r/a/";
        let end = subtree_end(root);
        for (path, inside) in [("/r/a/", true), ("/r/a/x/y/", true), ("/r/ab/", false), ("/r/b/", false)] {
            let in_range = path >= root && path < end.as_str();
            assert_eq!(in_range, inside, "{path}");
            assert_eq!(in_subtree(path, root), inside, "{path}");
        }
    }
}
