//! Counts of organizations and members as of a date: what `coso stats orgs` prints.
use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::member::MemberStatus;
use coso_domain::org::OrgKind;
use coso_store::tally::Measure;
use serde::Serialize;

use crate::access;
use crate::{Actor, App, AppResult};

/// The organization statistics of the actor's scope on a date.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct OrgStats {
    #[schema(value_type = String, format = Date)]
    pub as_of: NaiveDate,
    /// TCCSĐ: grassroots committees plus grassroots cells.
    pub grassroots_total: i64,
    pub grassroots_committees: i64,
    pub grassroots_cells: i64,
    pub sub_committees: i64,
    pub subordinate_cells: i64,
    pub party_groups: i64,
    /// Official members, the exempted among them (domain.md §3).
    pub members_official: i64,
    pub members_probationary: i64,
    /// Of the official members, those exempted from activity.
    pub members_exempted: i64,
}

impl OrgStats {
    /// The statistics as lines a person reads.
    pub fn to_text(&self) -> String {
        format!(
            "Tính đến ngày {}:\n\
             Tổ chức cơ sở đảng: {} ({} đảng bộ cơ sở, {} chi bộ cơ sở)\n\
             Đảng bộ bộ phận: {}\n\
             Chi bộ trực thuộc: {}\n\
             Tổ đảng: {}\n\
             Đảng viên chính thức: {} (trong đó miễn công tác và sinh hoạt đảng: {})\n\
             Đảng viên dự bị: {}\n",
            coso_domain::date::format(self.as_of),
            self.grassroots_total,
            self.grassroots_committees,
            self.grassroots_cells,
            self.sub_committees,
            self.subordinate_cells,
            self.party_groups,
            self.members_official,
            self.members_exempted,
            self.members_probationary,
        )
    }
}

impl App {
    pub fn org_stats(&self, actor: &Actor, as_of: NaiveDate) -> AppResult<OrgStats> {
        let scope = access::scope(actor, Permission::ReadOrgs)?;
        self.db.read(|conn| {
            // Sums of maintained deltas (ADR 0013): the cost of a unit's statistics does not
            // grow with the unit.
            let totals = coso_store::tally::totals_on(conn, coso_store::tally::key_of(scope.path()), as_of)?;
            let kind = |k: OrgKind| {
                totals.iter().find(|(m, _)| *m == Measure::Orgs(k)).map(|(_, n)| *n).unwrap_or(0)
            };
            let count = |keep: &dyn Fn(MemberStatus) -> bool| {
                totals
                    .iter()
                    .filter_map(|(m, n)| match m {
                        Measure::Members(s) if keep(*s) => Some(*n),
                        _ => None,
                    })
                    .sum::<i64>()
            };
            let committees = kind(OrgKind::GrassrootsCommittee);
            let cells = kind(OrgKind::GrassrootsCell);
            Ok(OrgStats {
                as_of,
                grassroots_total: committees + cells,
                grassroots_committees: committees,
                grassroots_cells: cells,
                sub_committees: kind(OrgKind::SubCommittee),
                subordinate_cells: kind(OrgKind::SubordinateCell),
                party_groups: kind(OrgKind::PartyGroup),
                members_official: count(&|s| s.counts_as_official()),
                members_probationary: count(&|s| s == MemberStatus::Probationary),
                members_exempted: count(&|s| s == MemberStatus::Exempted),
            })
        })
    }
}
