//! The demo's organization tree of Lạng Sơn city from 2015, and the reorganizations that changed it.
use chrono::NaiveDate;
use coso_domain::org::{OrgKind, Sector};

use super::day;
use super::units::{CITY_CELLS, COMMITTEES, LATER_FOUNDINGS, PLACES, Profile};

/// Where coso's history of the city begins: the tree and the register as they stood then.
pub(crate) const HISTORY_START: NaiveDate = day(2015, 1, 1);
/// The date of the seed article (Báo Lạng Sơn, 17/10/2021): 73 TCCSĐ, 13 committees, 60 cells.
pub(crate) const ARTICLE_DAY: NaiveDate = day(2021, 10, 17);
/// The city committee's code.
pub(crate) const CITY: &str = "LS";

/// One organization of the demo, as founded.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) kind: OrgKind,
    pub(crate) sector: Option<Sector>,
    pub(crate) parent: Option<String>,
    pub(crate) founded_on: NaiveDate,
    pub(crate) founding_decision: String,
    /// Who its members are (cells only).
    pub(crate) profile: Profile,
    /// Where its members live, for residential and village cells: "khối 9, phường Hoàng Văn Thụ".
    pub(crate) locality: Option<String>,
}

/// What a reorganization does to its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change {
    Rename(&'static str),
    /// Under a new superior organization.
    Move(&'static str),
    /// Into another cell, which takes its members.
    Merge(&'static str),
    Dissolve,
}

/// A reorganization of the demo's history, applied through the reorganization use case.
#[derive(Debug, Clone)]
pub(crate) struct PlannedReorganization {
    pub(crate) code: &'static str,
    pub(crate) on: NaiveDate,
    pub(crate) decision: &'static str,
    pub(crate) change: Change,
    pub(crate) note: &'static str,
}

/// Why the city's tree changed between 2015 and 2021. The grassroots counts work out so that
/// 2015 has 13 committees and 61 cells, and 17/10/2021 has the article's 13 and 60.
pub(crate) const REORGANIZATIONS: [PlannedReorganization; 4] = [
    PlannedReorganization {
        code: "LS-VTNN",
        on: day(2017, 6, 30),
        decision: "421-QĐ/TU",
        change: Change::Dissolve,
        note: "Doanh nghiệp giải thể; đảng viên đã chuyển sinh hoạt.",
    },
    PlannedReorganization {
        code: "LS-TTTH",
        on: day(2019, 10, 1),
        decision: "1375-QĐ/TU",
        change: Change::Rename("Chi bộ Trung tâm Văn hóa, Thể thao và Truyền thông thành phố"),
        note: "Đổi tên theo tên đơn vị sau khi hợp nhất các đơn vị sự nghiệp.",
    },
    PlannedReorganization {
        code: "LS-CA-MP",
        on: day(2020, 3, 1),
        decision: "1587-QĐ/TU",
        change: Change::Move("LS-MP"),
        note: "Công an chính quy về xã: chi bộ trực thuộc Đảng ủy xã.",
    },
    PlannedReorganization {
        code: "LS-TTDT",
        on: day(2020, 7, 1),
        decision: "1702-QĐ/TU",
        change: Change::Merge("LS-QLDT"),
        note: "Sắp xếp tổ chức bộ máy: hợp nhất vào Phòng Quản lý đô thị.",
    },
];

/// The whole tree: every unit that ever existed, and the changes in date order.
#[derive(Debug, Clone)]
pub(crate) struct Tree {
    pub(crate) units: Vec<Unit>,
    pub(crate) reorganizations: Vec<PlannedReorganization>,
}

impl Tree {
    /// Lạng Sơn city as coso's history records it from 2015.
    pub(crate) fn lang_son() -> Tree {
        let mut units = vec![Unit {
            code: CITY.into(),
            name: "Đảng bộ thành phố Lạng Sơn".into(),
            kind: OrgKind::CityCommittee,
            sector: None,
            parent: None,
            founded_on: HISTORY_START,
            founding_decision: "1020-QĐ/TU".into(),
            profile: Profile::Leadership,
            locality: None,
        }];
        let grassroots =
            |code: String, name: String, kind, sector, profile, founded_on: NaiveDate, decision: &str| Unit {
                code,
                name,
                kind,
                sector: Some(sector),
                parent: Some(CITY.into()),
                founded_on,
                founding_decision: decision.into(),
                profile,
                locality: None,
            };
        let subordinate =
            |parent: &str, suffix: &str, name: String, profile, locality: Option<String>| Unit {
                code: format!("{parent}-{suffix}"),
                name,
                kind: OrgKind::SubordinateCell,
                sector: None,
                parent: Some(parent.into()),
                founded_on: HISTORY_START,
                founding_decision: "02-QĐ/ĐU".into(),
                profile,
                locality,
            };
        for place in PLACES {
            let (level, office) =
                if place.ward { ("phường", Profile::WardOffice) } else { ("xã", Profile::CommuneOffice) };
            let code = format!("{CITY}-{}", place.code);
            units.push(grassroots(
                code.clone(),
                format!("Đảng bộ {level} {}", place.name),
                OrgKind::GrassrootsCommittee,
                Sector::WardCommune,
                office,
                HISTORY_START,
                "15-QĐ/TU",
            ));
            units.push(subordinate(
                &code,
                "CQ",
                format!("Chi bộ Cơ quan {level} {}", place.name),
                office,
                None,
            ));
            for n in 1..=place.numbered_blocks {
                let locality = format!("khối {n}, phường {}", place.name);
                units.push(subordinate(
                    &code,
                    &format!("K{n}"),
                    format!("Chi bộ khối {n}"),
                    Profile::Residential,
                    Some(locality),
                ));
            }
            for (suffix, local) in place.named {
                let (prefix, profile) =
                    if place.ward { ("khối", Profile::Residential) } else { ("thôn", Profile::Village) };
                let locality = format!("{prefix} {local}, {level} {}", place.name);
                units.push(subordinate(
                    &code,
                    suffix,
                    format!("Chi bộ {prefix} {local}"),
                    profile,
                    Some(locality),
                ));
            }
            for (suffix, name, profile) in place.services {
                units.push(subordinate(&code, suffix, (*name).into(), *profile, None));
            }
        }
        for committee in COMMITTEES {
            let code = format!("{CITY}-{}", committee.code);
            units.push(grassroots(
                code.clone(),
                committee.name.into(),
                OrgKind::GrassrootsCommittee,
                committee.sector,
                committee.profile,
                HISTORY_START,
                "15-QĐ/TU",
            ));
            for (suffix, name) in committee.cells {
                units.push(subordinate(&code, suffix, (*name).into(), committee.profile, None));
            }
        }
        for group in CITY_CELLS {
            for (suffix, name) in group.cells {
                let later = LATER_FOUNDINGS.iter().find(|(code, _, _)| code == suffix);
                let (founded_on, decision) = match later {
                    Some((_, on, decision)) => (*on, *decision),
                    None => (HISTORY_START, "15-QĐ/TU"),
                };
                units.push(grassroots(
                    format!("{CITY}-{suffix}"),
                    (*name).into(),
                    OrgKind::GrassrootsCell,
                    group.sector,
                    group.profile,
                    founded_on,
                    decision,
                ));
            }
        }
        Tree { units, reorganizations: REORGANIZATIONS.to_vec() }
    }

    pub(crate) fn unit(&self, code: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.code == code)
    }

    /// The day a unit ceased (merged or dissolved), if it did.
    pub(crate) fn ends_on(&self, code: &str) -> Option<NaiveDate> {
        self.reorganizations
            .iter()
            .find(|r| r.code == code && matches!(r.change, Change::Merge(_) | Change::Dissolve))
            .map(|r| r.on)
    }

    pub(crate) fn exists_on(&self, code: &str, on: NaiveDate) -> bool {
        self.unit(code).is_some_and(|u| u.founded_on <= on) && self.ends_on(code).is_none_or(|end| on < end)
    }

    /// The superior organization of `code` on a date, after the moves up to that date.
    pub(crate) fn parent_on(&self, code: &str, on: NaiveDate) -> Option<&str> {
        let moved = self
            .reorganizations
            .iter()
            .filter(|r| r.code == code && r.on <= on)
            .filter_map(|r| match r.change {
                Change::Move(parent) => Some(parent),
                _ => None,
            })
            .next_back();
        moved.or_else(|| self.unit(code).and_then(|u| u.parent.as_deref()))
    }

    /// Whether `code` stands in the subtree of `root` (itself included) on a date.
    pub(crate) fn in_subtree_on(&self, code: &str, root: &str, on: NaiveDate) -> bool {
        let mut at = Some(code);
        while let Some(c) = at {
            if c == root {
                return true;
            }
            at = self.parent_on(c, on);
        }
        false
    }

    /// The cell that holds the members of `code` on a date: the cell itself, or the cell it
    /// was merged into.
    pub(crate) fn successor_on<'a>(&'a self, code: &'a str, on: NaiveDate) -> &'a str {
        let merged = self.reorganizations.iter().find_map(|r| match r.change {
            Change::Merge(target) if r.code == code && r.on <= on => Some(target),
            _ => None,
        });
        match merged {
            Some(target) => self.successor_on(target, on),
            None => code,
        }
    }

    /// Cells (where members are registered) standing on a date.
    pub(crate) fn cells_on(&self, on: NaiveDate) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(move |u| u.kind.is_cell() && self.exists_on(&u.code, on))
    }

    /// Units of a kind standing on a date.
    #[cfg(test)]
    pub(crate) fn count_on(&self, kind: OrgKind, on: NaiveDate) -> usize {
        self.units.iter().filter(|u| u.kind == kind && self.exists_on(&u.code, on)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_counts_hold_and_history_differs() {
        let tree = Tree::lang_son();
        for on in [ARTICLE_DAY, day(2021, 12, 31)] {
            assert_eq!(tree.count_on(OrgKind::GrassrootsCommittee, on), 13, "{on}");
            assert_eq!(tree.count_on(OrgKind::GrassrootsCell, on), 60, "{on}");
        }
        assert_eq!(tree.count_on(OrgKind::GrassrootsCell, day(2016, 6, 1)), 61);
    }

    #[test]
    fn codes_are_unique_and_parents_come_first() {
        let tree = Tree::lang_son();
        for (i, unit) in tree.units.iter().enumerate() {
            assert!(tree.units[..i].iter().all(|u| u.code != unit.code), "{} twice", unit.code);
            if let Some(parent) = &unit.parent {
                assert!(tree.units[..i].iter().any(|u| &u.code == parent), "{} before its parent", unit.code);
            }
        }
        for code in ["LS", "LS-HVT", "LS-HVT-K9", "LS-CL", "LS-CL-CN", "LS-DK"] {
            assert!(tree.unit(code).is_some(), "{code}");
        }
        assert_eq!(tree.unit("LS-HVT-K9").map(|u| u.name.as_str()), Some("Chi bộ khối 9"));
        assert_eq!(tree.unit("LS-CL-CN").map(|u| u.name.as_str()), Some("Chi bộ khối Cửa Nam"));
    }

    #[test]
    fn every_committee_has_three_to_ten_cells() {
        let tree = Tree::lang_son();
        for committee in tree.units.iter().filter(|u| u.kind == OrgKind::GrassrootsCommittee) {
            let cells = tree
                .cells_on(ARTICLE_DAY)
                .filter(|c| tree.parent_on(&c.code, ARTICLE_DAY) == Some(committee.code.as_str()))
                .count();
            assert!((3..=10).contains(&cells), "{}: {cells}", committee.name);
        }
    }

    #[test]
    fn moves_and_merges_follow_the_dates() {
        let tree = Tree::lang_son();
        assert_eq!(tree.parent_on("LS-CA-MP", day(2020, 2, 29)), Some("LS-CA"));
        assert_eq!(tree.parent_on("LS-CA-MP", day(2020, 3, 1)), Some("LS-MP"));
        assert!(tree.in_subtree_on("LS-CA-MP", "LS", day(2016, 1, 1)));
        assert_eq!(tree.successor_on("LS-TTDT", day(2020, 6, 30)), "LS-TTDT");
        assert_eq!(tree.successor_on("LS-TTDT", day(2020, 7, 1)), "LS-QLDT");
        assert!(!tree.exists_on("LS-BQLDA", day(2017, 1, 1)));
        assert!(tree.exists_on("LS-VTNN", day(2017, 6, 29)));
        assert!(!tree.exists_on("LS-VTNN", day(2017, 6, 30)));
    }
}
