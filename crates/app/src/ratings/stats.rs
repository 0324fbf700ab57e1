//! The rating's statistics (issue 10): per year and level, how many were rated and the share
//! of each tier; the good-or-better shares the seed reports (≥ 90% of TCCSĐ, > 95% of
//! members), their trend over the years, and the units below those targets.
use std::collections::HashMap;

use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::id::OrgId;
use coso_domain::org::{OrgKind, path_ids};
use coso_domain::rating::{self as rules, RatingStage, Tier};
use coso_report::{RatingStatistics, TierLine};
use coso_store::DbConnection;
use coso_store::orgs::OrgAt;
use coso_store::ratings as store;
use serde::Serialize;

use crate::{Actor, App, AppResult, access};

/// The share of TCCSĐ rated good or better the seed holds every year, in percent.
pub const ORGS_TARGET_PCT: f64 = 90.0;
/// The share of members rated good or better the seed exceeds every year, in percent.
pub const MEMBERS_TARGET_PCT: f64 = 95.0;

/// Counts per tier and the good-or-better share.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TierCounts {
    pub total: i64,
    pub excellent: i64,
    pub good: i64,
    pub complete: i64,
    pub not_complete: i64,
    /// In percent, one decimal.
    pub good_or_better_pct: f64,
}

impl TierCounts {
    fn add(&mut self, tier: Tier, n: i64) {
        self.total += n;
        match tier {
            Tier::Excellent => self.excellent += n,
            Tier::Good => self.good += n,
            Tier::Complete => self.complete += n,
            Tier::NotComplete => self.not_complete += n,
        }
        self.good_or_better_pct = pct(self.excellent + self.good, self.total);
    }

    fn line(&self, label: &str) -> TierLine {
        TierLine {
            label: label.into(),
            total: self.total,
            excellent: self.excellent,
            good: self.good,
            complete: self.complete,
            not_complete: self.not_complete,
        }
    }
}

fn pct(part: i64, whole: i64) -> f64 {
    if whole == 0 { 0.0 } else { (part as f64 * 1000.0 / whole as f64).round() / 10.0 }
}

/// The organizations of one kind.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LevelCounts {
    pub level: String,
    pub counts: TierCounts,
}

/// A unit below target, and why.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitBelow {
    pub code: String,
    pub name: String,
    pub reason: String,
}

/// One year's shares, for the trend chart.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TrendPoint {
    pub year: i32,
    pub orgs_pct: f64,
    pub members_pct: f64,
}

/// A year's rating statistics in the actor's scope.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RatingStats {
    pub year: i32,
    /// The unit the statistics are under, when one was asked for.
    pub scope_name: Option<String>,
    pub policy_texts: String,
    /// The TCCSĐ: grassroots committees and grassroots cells.
    pub orgs: TierCounts,
    pub members: TierCounts,
    pub levels: Vec<LevelCounts>,
    pub below_target: Vec<UnitBelow>,
    pub trend: Vec<TrendPoint>,
    /// Years with decided ratings, for the year picker.
    pub years: Vec<i32>,
    /// The grassroots units in scope whose rating is decided, of those standing that year.
    pub rated_units: i64,
    pub units: i64,
}

struct Year {
    orgs: TierCounts,
    members: TierCounts,
    levels: Vec<(OrgKind, TierCounts)>,
    below: Vec<UnitBelow>,
    units: i64,
}

/// The decided ratings of `year` under `scope`, as the tree stood at the year's end.
fn year_counts(conn: &mut DbConnection, scope: &str, year: i32) -> AppResult<Year> {
    let on: NaiveDate = rules::default_rating_day(year);
    let tree: HashMap<OrgId, OrgAt> =
        coso_store::orgs::subtree_on(conn, scope, on)?.into_iter().map(|o| (o.org.id.clone(), o)).collect();
    let org_tiers: HashMap<OrgId, Tier> =
        store::org_tiers_under(conn, scope, on, year, RatingStage::Decided)?.into_iter().collect();
    let mut orgs = TierCounts::default();
    let mut levels: Vec<(OrgKind, TierCounts)> =
        OrgKind::ALL.iter().map(|k| (*k, TierCounts::default())).collect();
    for (id, tier) in &org_tiers {
        let Some(at) = tree.get(id) else { continue };
        if at.version.kind.is_grassroots_org() {
            orgs.add(*tier, 1);
        }
        if let Some((_, c)) = levels.iter_mut().find(|(k, _)| *k == at.version.kind) {
            c.add(*tier, 1);
        }
    }
    // Members, in total and by the TCCSĐ their cell stands in.
    let mut members = TierCounts::default();
    let mut by_unit: HashMap<OrgId, TierCounts> = HashMap::new();
    for (cell, tier, n) in store::member_counts_under(conn, scope, on, year, RatingStage::Decided)? {
        members.add(tier, n);
        let unit = tree.get(&cell).and_then(|at| {
            path_ids(&at.version.path)
                .map(OrgId::from)
                .find(|id| tree.get(id).is_some_and(|a| a.version.kind.is_grassroots_org()))
        });
        if let Some(unit) = unit {
            by_unit.entry(unit).or_default().add(tier, n);
        }
    }
    let mut grassroots: Vec<&OrgAt> = tree.values().filter(|a| a.version.kind.is_grassroots_org()).collect();
    grassroots.sort_by(|a, b| a.version.path.cmp(&b.version.path));
    let mut below = Vec::new();
    for at in &grassroots {
        let mut why = Vec::new();
        match org_tiers.get(&at.org.id) {
            Some(t) if !t.good_or_better() => why.push(format!("Tổ chức xếp loại {}", t.label())),
            None => why.push("Chưa có quyết định xếp loại".to_string()),
            _ => {}
        }
        if let Some(c) = by_unit.get(&at.org.id)
            && c.total > 0
            && c.good_or_better_pct <= MEMBERS_TARGET_PCT
        {
            why.push(format!(
                "{}% đảng viên từ HTTNV trở lên (chỉ tiêu trên {MEMBERS_TARGET_PCT}%)",
                c.good_or_better_pct
            ));
        }
        if !why.is_empty() {
            below.push(UnitBelow {
                code: at.org.code.clone(),
                name: at.version.name.clone(),
                reason: why.join("; "),
            });
        }
    }
    levels.retain(|(_, c)| c.total > 0);
    Ok(Year { orgs, members, levels, below, units: grassroots.len() as i64 })
}

impl App {
    /// The statistics of `year`'s decided ratings in the actor's scope, or under the unit
    /// `under` (as the tree stood at the year's end), with the trend over every year rated.
    pub fn rating_stats(&self, actor: &Actor, year: i32, under: Option<&str>) -> AppResult<RatingStats> {
        let scope = access::scope(actor, Permission::ReadRatings)?;
        self.db.read(|conn| {
            let (path, scope_name) = match under.map(str::trim).filter(|c| !c.is_empty()) {
                Some(code) => {
                    let at = crate::orgs::org_on(conn, code, rules::default_rating_day(year))?;
                    access::org(conn, actor, Permission::ReadRatings, &at)?;
                    (at.version.path, Some(at.version.name))
                }
                None => (scope.path().to_string(), None),
            };
            let years = store::years(conn)?;
            let mut trend = Vec::new();
            for y in &years {
                let c = year_counts(conn, &path, *y)?;
                trend.push(TrendPoint {
                    year: *y,
                    orgs_pct: c.orgs.good_or_better_pct,
                    members_pct: c.members.good_or_better_pct,
                });
            }
            let c = year_counts(conn, &path, year)?;
            Ok(RatingStats {
                year,
                scope_name,
                policy_texts: rules::Policy::for_year(year).texts().into(),
                rated_units: c.orgs.total,
                units: c.units,
                orgs: c.orgs,
                members: c.members,
                levels: c
                    .levels
                    .into_iter()
                    .map(|(k, counts)| LevelCounts { level: k.label().into(), counts })
                    .collect(),
                below_target: c.below,
                trend,
                years,
            })
        })
    }
}

impl App {
    /// The statistics of `year` as an Excel file in the usual statistical layout.
    pub fn rating_stats_xlsx(&self, actor: &Actor, year: i32, under: Option<&str>) -> AppResult<Vec<u8>> {
        let stats = self.rating_stats(actor, year, under)?;
        let scope = match (&stats.scope_name, &actor.org_id) {
            (Some(name), _) => Some(name.clone()),
            (None, Some(id)) => {
                self.db.read(|conn| crate::orgs::name_of(conn, id, rules::default_rating_day(year)))?
            }
            (None, None) => None,
        };
        let report = stats.report(scope.as_deref().unwrap_or("Toàn hệ thống"));
        let bytes = coso_report::xlsx::rating_statistics(&report)?;
        self.log_access(actor, "export", "rating_statistics", &year.to_string())?;
        Ok(bytes)
    }
}

impl RatingStats {
    /// The statistics in the report model the Excel renderer reads.
    pub fn report(&self, scope_name: &str) -> RatingStatistics {
        let mut lines = vec![self.orgs.line("Tổ chức cơ sở đảng")];
        lines.extend(self.levels.iter().map(|l| l.counts.line(&l.level)));
        lines.push(self.members.line("Đảng viên"));
        RatingStatistics {
            title: format!("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {}", self.year),
            subtitle: format!("{scope_name} — {}", self.policy_texts),
            lines,
            below_target: self
                .below_target
                .iter()
                .map(|u| (u.code.clone(), u.name.clone(), u.reason.clone()))
                .collect(),
        }
    }
}

/// Which share a trend chart follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Orgs,
    Members,
}

/// The good-or-better share over the years, as an SVG bar chart `width` pixels wide.
pub fn trend_chart(stats: &RatingStats, trend: Trend, width: u32) -> String {
    let (title, pick): (&str, fn(&TrendPoint) -> f64) = match trend {
        Trend::Orgs => ("TCCSĐ hoàn thành tốt nhiệm vụ trở lên (%)", |p| p.orgs_pct),
        Trend::Members => ("Đảng viên hoàn thành tốt nhiệm vụ trở lên (%)", |p| p.members_pct),
    };
    let series = coso_report::Series {
        title: title.into(),
        unit: "%".into(),
        points: stats.trend.iter().map(|p| (p.year.to_string(), pick(p))).collect(),
        links: Vec::new(),
    };
    coso_report::svg::bar_chart(&series, width, if width < 400 { 240 } else { 260 })
}
