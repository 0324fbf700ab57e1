//! Compliance with the meeting rules for the cells of a subtree over a period, ranked by
//! findings, with attendance month by month.
use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use coso_domain::access::Permission;
use coso_domain::id::OrgId;
use coso_domain::meeting::{self as rules, Compliance, HeldMeeting};
use coso_store::meetings as store;
use serde::Serialize;

use crate::access;
use crate::orgs::org_on;
use crate::{Actor, App, AppResult};

/// One cell's result: the cell, and how it kept the meeting rules as the domain judged it
/// (`coso_domain::meeting::compliance`), whose fields it shows as its own (in JSON too).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CellReport {
    pub org_code: String,
    pub org_name: String,
    /// Meetings held, months without a regular one (`YYYY-MM`), quarters without a thematic
    /// one (`YYYY-Qn`), short meetings, attendance (0..1) and the findings with citations.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub kept: Compliance,
}

impl std::ops::Deref for CellReport {
    type Target = Compliance;

    fn deref(&self) -> &Compliance {
        &self.kept
    }
}

/// Attendance in one month across the cells of the report.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MonthPoint {
    /// `YYYY-MM`
    pub month: String,
    pub meetings: i64,
    pub invited: i64,
    pub present: i64,
}

impl MonthPoint {
    pub fn rate(&self) -> f64 {
        if self.invited == 0 { 0.0 } else { self.present as f64 / self.invited as f64 }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ComplianceReport {
    pub org_code: String,
    pub org_name: String,
    #[schema(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub to: NaiveDate,
    /// Cells with the most findings first.
    pub cells: Vec<CellReport>,
    pub months: Vec<MonthPoint>,
    /// Meetings held in the period, all cells together.
    pub meetings_held: i64,
    /// Present over invited across those meetings; none when nobody was invited.
    pub attendance_rate: Option<f64>,
    /// Cells without any finding.
    pub compliant_cells: usize,
    /// Whether the report is of one cell (asked for the cell itself).
    pub is_cell: bool,
}

impl App {
    /// How the cells under `code` (or the cell itself) kept the meeting rules in `[from, to]`.
    pub fn meeting_compliance(
        &self,
        actor: &Actor,
        code: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<ComplianceReport> {
        self.db.read(|conn| {
            let root = org_on(conn, code, to)?;
            // Who may read the unit may read its subtree as it stood then.
            access::org(conn, actor, Permission::ReadMeetings, &root)?;
            // The cells under the root at the end of the period, and those that ceased inside it.
            let mut cells = coso_store::orgs::subtree_on(conn, &root.version.path, to)?;
            if let Some(root_then) = coso_store::orgs::version_on(conn, &root.org.id, from)? {
                for earlier in coso_store::orgs::subtree_on(conn, &root_then.path, from)? {
                    if earlier.org.dissolved_on.is_some() && !cells.iter().any(|c| c.org.id == earlier.org.id)
                    {
                        cells.push(earlier);
                    }
                }
            }
            cells.retain(|o| o.version.kind.is_cell());
            let ids: Vec<OrgId> = cells.iter().map(|c| c.org.id.clone()).collect();
            let meetings = store::meeting_facts(conn, &ids, from, to)?;
            let mut assignments: HashMap<OrgId, Vec<_>> = HashMap::new();
            for a in store::assignments_to_any(conn, &ids, from, to)? {
                assignments.entry(a.org_id.clone()).or_default().push(a.span());
            }
            let mut lengths: HashMap<OrgId, Vec<rules::CellLength>> = HashMap::new();
            for l in store::cell_lengths_of(conn, &ids)? {
                lengths.entry(l.org_id.clone()).or_default().push(l.rule());
            }
            let followed = |org_id: &OrgId, on: NaiveDate| {
                assignments.get(org_id).is_some_and(|spans| spans.iter().any(|s| s.contains(on)))
            };
            let mut by_cell: HashMap<&OrgId, Vec<HeldMeeting>> = HashMap::new();
            let mut months: BTreeMap<String, MonthPoint> = BTreeMap::new();
            for m in &meetings {
                let kind = m.kind;
                let absent = m.absent;
                by_cell.entry(&m.org_id).or_default().push(HeldMeeting {
                    held_on: m.held_on,
                    kind,
                    duration_minutes: m.duration_minutes,
                    invited: i64::from(m.invited),
                    absent,
                    superior_assigned: followed(&m.org_id, m.held_on),
                    notice_to_superior: m.notice_to_superior,
                });
                let key = format!("{}-{:02}", m.held_on.year(), m.held_on.month());
                let point = months.entry(key.clone()).or_insert(MonthPoint {
                    month: key,
                    meetings: 0,
                    invited: 0,
                    present: 0,
                });
                point.meetings += 1;
                point.invited += i64::from(m.invited);
                point.present += rules::present(i64::from(m.invited), absent);
            }
            let mut reports: Vec<CellReport> = cells
                .iter()
                .map(|c| {
                    let held = by_cell.get(&c.org.id).map(Vec::as_slice).unwrap_or(&[]);
                    // A cell founded inside the period is judged from its founding.
                    let start = from.max(c.org.founded_on);
                    let end = c.org.dissolved_on.and_then(|d| d.pred_opt()).map_or(to, |last| last.min(to));
                    let set = lengths.get(&c.org.id).map(Vec::as_slice).unwrap_or(&[]);
                    let r = rules::compliance(held, set, start, end);
                    CellReport { org_code: c.org.code.clone(), org_name: c.version.name.clone(), kept: r }
                })
                .collect();
            reports.sort_by_cached_key(|r| {
                (std::cmp::Reverse(r.findings.len()), coso_domain::text::fold(&r.org_name))
            });
            let months: Vec<MonthPoint> = months.into_values().collect();
            let invited: i64 = months.iter().map(|m| m.invited).sum();
            let present: i64 = months.iter().map(|m| m.present).sum();
            Ok(ComplianceReport {
                is_cell: reports.len() == 1 && reports[0].org_code == root.org.code,
                compliant_cells: reports.iter().filter(|c| c.findings.is_empty()).count(),
                meetings_held: months.iter().map(|m| m.meetings).sum(),
                attendance_rate: (invited > 0).then(|| present as f64 / invited as f64),
                org_code: root.org.code,
                org_name: root.version.name,
                from,
                to,
                cells: reports,
                months,
            })
        })
    }
}
