//! The overview report (issue 13): a committee's party-building work over a period, in
//! figures, from coso's records: its TCCSĐ, pilot units, superior attendances, training,
//! ratings by year, the targets of its resolution, its plans and the documents that govern
//! them. The seed article is such a report; [`prose`] writes it in the party document format.
mod prose;

use chrono::{Datelike, NaiveDate};
use coso_domain::access::Permission;
use coso_domain::rating::{RatingStage, Tier};
use serde::Serialize;

use crate::orgs::org_on;
use crate::{Actor, App, AppError, AppResult, access};

/// One year's ratings under the unit: shares of its TCCSĐ and members rated good or better,
/// and the unit's own tier from the level above.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct YearRating {
    pub year: i32,
    pub orgs_good_or_better_pct: f64,
    pub members_good_or_better_pct: f64,
    pub orgs_rated: i64,
    pub members_rated: i64,
    /// `excellent`, `good`, `complete`, `not_complete`; none when not rated.
    pub org_tier: Option<String>,
    pub org_tier_label: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OverviewDocument {
    pub id: String,
    pub number: String,
    #[schema(value_type = String, format = Date)]
    pub date: NaiveDate,
    pub title: String,
    pub type_label: String,
    pub issuer_name: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OverviewPilot {
    pub org_code: String,
    pub org_name: String,
    #[schema(value_type = String, format = Date)]
    pub selected_on: NaiveDate,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OverviewResolution {
    pub id: String,
    pub title: String,
    pub first_year: i32,
    pub last_year: i32,
    pub targets_total: usize,
    pub targets_met: usize,
    /// The targets not met, by name.
    pub not_met: Vec<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OverviewPlan {
    pub id: String,
    /// The committee that issued it.
    pub org_name: String,
    pub kind_label: String,
    pub number: Option<String>,
    pub title: String,
    #[schema(value_type = String, format = Date)]
    pub starts_on: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub ends_on: NaiveDate,
    pub tasks_total: usize,
    pub tasks_done: usize,
    pub tasks_overdue: usize,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OverviewAudience {
    pub label: String,
    pub classes: i64,
    pub trainees: i64,
}

/// Every figure of the overview report; the Word, text and Excel forms state these.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Overview {
    pub org_code: String,
    pub org_name: String,
    /// The organization above the unit, which the report's header names: its parent, or for
    /// the root the body set up as above it ("Đảng bộ tỉnh Lạng Sơn"); empty when unknown.
    pub superior_name: String,
    /// The place of the date line: the name of the district-level unit ("Lạng Sơn").
    pub place: String,
    #[schema(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub to: NaiveDate,
    /// TCCSĐ under the unit at the period's end: committees plus cells.
    pub grassroots_total: i64,
    pub grassroots_committees: i64,
    pub grassroots_cells: i64,
    pub members: i64,
    /// Pilot units the unit's own committee selected in the period, and those selected by
    /// the committees below it.
    pub pilot_units_selected_by_city: usize,
    pub pilot_units_selected_below: usize,
    pub pilot_units: Vec<OverviewPilot>,
    /// Cell meetings attended by members of the city committee, from the first quota policy
    /// in force in the period (or the period's start, if later) to its end.
    pub superior_attendances: i64,
    #[schema(value_type = Option<String>, format = Date)]
    pub superior_attendances_from: Option<NaiveDate>,
    /// The document of that quota policy: "1764-QĐ/TU".
    pub quota_document: Option<String>,
    /// Cell meetings held from `meetings_from` (the start of the period's last year, or of the
    /// period if later) to the period's end, and the share of cells that kept every rule then.
    #[schema(value_type = String, format = Date)]
    pub meetings_from: NaiveDate,
    pub meetings_held: i64,
    pub cells_compliant_pct: Option<f64>,
    pub training_classes: i64,
    /// Enrollments.
    pub trainees: i64,
    pub training_by_audience: Vec<OverviewAudience>,
    pub ratings: Vec<YearRating>,
    /// The targets of the resolutions whose term ended in the period, at their term's end.
    pub targets_total: usize,
    /// Met or exceeded.
    pub targets_met: usize,
    pub resolutions: Vec<OverviewResolution>,
    pub plans: Vec<OverviewPlan>,
    /// The plans of the committees above that assigned tasks to the unit or its subtree, with
    /// those tasks only: what the unit carries out.
    pub plans_carried_out: Vec<OverviewPlan>,
    /// Documents issued in the period that govern something coso records.
    pub documents: Vec<OverviewDocument>,
}

impl App {
    /// The overview of `[from, to]` under the unit `code` (the actor's own unit by default).
    pub fn overview(
        &self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
        code: Option<&str>,
    ) -> AppResult<Overview> {
        if to < from {
            return Err(AppError::field(
                "to",
                "Kỳ báo cáo kết thúc trước khi bắt đầu: ngày cuối phải sau ngày đầu.",
            ));
        }
        access::scope(actor, Permission::ReadOrgs)?;
        // The unit, and the actor narrowed to it: every report below is then of its subtree.
        let (unit, narrowed) = self.db.read(|conn| {
            let unit = match code.map(str::trim).filter(|c| !c.is_empty()) {
                Some(c) => org_on(conn, c, to)?,
                None => crate::orgs::scope_root(conn, actor, to)?,
            };
            let grant = access::org(conn, actor, Permission::ReadOrgs, &unit)?;
            let mut narrowed = actor.clone();
            narrowed.scope_path = Some(grant.path().to_string());
            Ok::<_, AppError>((unit, narrowed))
        })?;
        let (superior_name, place) = self.db.read(|conn| header_names(conn, &unit, to))?;
        let stats = self.org_stats(&narrowed, to)?;
        let pilots = self.db.read(|conn| pilots_selected(conn, &unit, from, to))?;
        let (superior_attendances, superior_attendances_from, quota_document) =
            self.superiors_since_quota(&narrowed, from, to)?;
        // Meeting rules are judged month by month: the year to date says how cells keep them now.
        let meetings_from = NaiveDate::from_ymd_opt(to.year(), 1, 1).map_or(from, |jan| jan.max(from));
        let compliance = self.meeting_compliance(&narrowed, &unit.org.code, meetings_from, to)?;
        let training = self.training_report(&narrowed, from, to)?;
        let ratings = self.ratings_by_year(&narrowed, &unit, from, to)?;
        let resolutions: Vec<OverviewResolution> = self
            .resolutions(&narrowed, None)?
            .into_iter()
            .filter(|r| r.org_code == unit.org.code && (from.year()..=to.year()).contains(&r.last_year))
            .map(|r| OverviewResolution {
                not_met: r.targets.iter().filter(|t| !t.reached).map(|t| t.name.clone()).collect(),
                id: r.id,
                title: r.title,
                first_year: r.first_year,
                last_year: r.last_year,
                targets_total: r.targets_total,
                targets_met: r.targets_reached,
            })
            .collect();
        // The committees above the unit, whose plans it carries out.
        let above: Vec<String> = self.db.read(|conn| {
            coso_domain::org::path_ids(&unit.version.path)
                .filter(|id| *id != unit.org.id.as_str())
                .map(|id| {
                    Ok(crate::orgs::org_by_id_on(conn, &coso_domain::id::OrgId::from(id), to)?.org.code)
                })
                .collect::<AppResult<Vec<String>>>()
        })?;
        let (mut plans, mut plans_carried_out) = (Vec::new(), Vec::new());
        for p in self.plans(&narrowed, from, to)? {
            let own = p.org_code == unit.org.code;
            // A reader below the plan's committee sees the tasks of its own units only.
            let carried = above.contains(&p.org_code) && !p.tasks.is_empty();
            let summary = OverviewPlan {
                id: p.id,
                org_name: p.org_name,
                kind_label: p.kind_label,
                number: p.document_number,
                title: p.title,
                starts_on: p.starts_on,
                ends_on: p.ends_on,
                tasks_total: p.tasks.len(),
                tasks_done: p.tasks_done,
                tasks_overdue: p.tasks_overdue,
            };
            if own {
                plans.push(summary);
            } else if carried {
                plans_carried_out.push(summary);
            }
        }
        let documents = self.db.read(|conn| governing_documents(conn, from, to))?;
        let (selected_by_city, below): (Vec<_>, Vec<_>) =
            pilots.into_iter().partition(|(by_unit, _)| *by_unit);
        Ok(Overview {
            org_code: unit.org.code.clone(),
            org_name: unit.version.name.clone(),
            superior_name,
            place,
            from,
            to,
            grassroots_total: stats.grassroots_total,
            grassroots_committees: stats.grassroots_committees,
            grassroots_cells: stats.grassroots_cells,
            members: stats.members_official + stats.members_probationary,
            pilot_units_selected_by_city: selected_by_city.len(),
            pilot_units_selected_below: below.len(),
            pilot_units: selected_by_city.into_iter().map(|(_, p)| p).collect(),
            superior_attendances,
            superior_attendances_from,
            quota_document,
            meetings_from,
            meetings_held: compliance.meetings_held,
            cells_compliant_pct: coso_domain::pilot::share_pct(
                compliance.compliant_cells,
                compliance.cells.len(),
            ),
            training_classes: training.classes,
            trainees: training.trainees,
            training_by_audience: training
                .by_audience
                .iter()
                .filter(|a| a.classes > 0)
                .map(|a| OverviewAudience {
                    label: a.label.clone(),
                    classes: a.classes,
                    trainees: a.trainees,
                })
                .collect(),
            ratings,
            targets_total: resolutions.iter().map(|r| r.targets_total).sum(),
            targets_met: resolutions.iter().map(|r| r.targets_met).sum(),
            resolutions,
            plans,
            plans_carried_out,
            documents,
        })
    }

    /// Attendances by city committee members from the first quota policy in force in the
    /// period (Quy định 1764-QĐ/TU in the seed: "từ khi thực hiện quy định … (năm 2019)").
    fn superiors_since_quota(
        &self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<(i64, Option<NaiveDate>, Option<String>)> {
        let first = self.db.read(|conn| {
            Ok::<_, AppError>(
                coso_store::meetings::policies(conn)?
                    .into_iter()
                    .filter(|p| p.valid_from <= to && p.valid_to.is_none_or(|end| end >= from))
                    .min_by_key(|p| p.valid_from),
            )
        })?;
        let Some(policy) = first else { return Ok((0, None, None)) };
        let since = policy.valid_from.max(from);
        let report = self.superior_report(actor, since, to, to.year())?;
        Ok((report.total_attendances, Some(since), Some(policy.document)))
    }

    /// The ratings of each year of the period that has decided ratings under the unit.
    fn ratings_by_year(
        &self,
        actor: &Actor,
        unit: &coso_store::orgs::OrgAt,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<Vec<YearRating>> {
        let mut out = Vec::new();
        for year in from.year()..=to.year() {
            let s = self.rating_stats(actor, year, Some(&unit.org.code))?;
            if s.orgs.total == 0 && s.members.total == 0 {
                continue;
            }
            let tier: Option<Tier> = self.db.read(|conn| {
                Ok::<_, AppError>(coso_store::ratings::org_tier(
                    conn,
                    &unit.org.id,
                    year,
                    RatingStage::Decided,
                )?)
            })?;
            out.push(YearRating {
                year,
                orgs_good_or_better_pct: s.orgs.good_or_better_pct,
                members_good_or_better_pct: s.members.good_or_better_pct,
                orgs_rated: s.orgs.total,
                members_rated: s.members.total,
                org_tier: tier.map(|t| t.code().into()),
                org_tier_label: tier.map(|t| t.label().into()),
            });
        }
        Ok(out)
    }
}

/// The setting naming the body above the tree's root, for report headers.
pub(crate) const ROOT_SUPERIOR: &str = "report.root_superior";

/// The superior named in the header and the place of the date line.
fn header_names(
    conn: &mut coso_store::DbConnection,
    unit: &coso_store::orgs::OrgAt,
    on: NaiveDate,
) -> AppResult<(String, String)> {
    let superior = match &unit.version.parent_id {
        Some(parent) => crate::orgs::org_by_id_on(conn, parent, on)?.version.name,
        None => coso_store::settings::get(conn, ROOT_SUPERIOR)?.unwrap_or_default(),
    };
    let root_id = coso_domain::org::path_ids(&unit.version.path).next().unwrap_or_default().to_string();
    let root = crate::orgs::org_by_id_on(conn, &coso_domain::id::OrgId::from(root_id.as_str()), on)?;
    let place = coso_domain::vi::place_of(&root.version.name);
    Ok((superior, place))
}

/// Pilots selected in the period among the unit's subtree: whether the unit's own committee
/// selected each, and the unit picked.
fn pilots_selected(
    conn: &mut coso_store::DbConnection,
    unit: &coso_store::orgs::OrgAt,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<(bool, OverviewPilot)>> {
    let mut out = Vec::new();
    for p in coso_store::pilots::selected_between(conn, from, to)? {
        let picked = crate::orgs::org_by_id_on(conn, &p.org_id, p.selected_on)?;
        if !coso_domain::org::in_subtree(&picked.version.path, &unit.version.path) {
            continue;
        }
        out.push((
            p.selected_by_org_id == unit.org.id,
            OverviewPilot {
                org_code: picked.org.code,
                org_name: picked.version.name,
                selected_on: p.selected_on,
            },
        ));
    }
    Ok(out)
}

/// Documents issued in the period that govern something coso records, by date.
fn governing_documents(
    conn: &mut coso_store::DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<OverviewDocument>> {
    let today = crate::today();
    let mut out = Vec::new();
    for row in coso_store::documents::issued_between(conn, from, to, None, None)? {
        let view = crate::documents::view(conn, row, today)?;
        if view.links.is_empty() {
            continue;
        }
        out.push(OverviewDocument {
            id: view.id,
            number: view.number,
            date: view.issued_on,
            title: view.title,
            type_label: view.type_label,
            issuer_name: view.issuer_name,
        });
    }
    Ok(out)
}

/// The overview report's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewFormat {
    Docx,
    Xlsx,
    Text,
}

impl App {
    /// The overview as a Word file, an Excel file or text; the export is access-logged.
    pub fn overview_file(
        &self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
        code: Option<&str>,
        format: OverviewFormat,
    ) -> AppResult<Vec<u8>> {
        let overview = self.overview(actor, from, to, code)?;
        let document = overview.document();
        let bytes = match format {
            OverviewFormat::Docx => coso_report::party::docx(&document)?,
            OverviewFormat::Xlsx => coso_report::xlsx::party_report(&document)?,
            OverviewFormat::Text => coso_report::text::party(&document).into_bytes(),
        };
        self.log_access(actor, "export", "overview", &format!("{} {from} {to}", overview.org_code))?;
        Ok(bytes)
    }
}

impl Overview {
    /// Whether the unit has TCCSĐ rated under it (a cell has only members).
    pub fn rates_orgs(&self) -> bool {
        self.ratings.iter().any(|r| r.orgs_rated > 0)
    }

    /// The share of TCCSĐ rated good or better each year (of members, for a unit with no
    /// TCCSĐ: a cell), each bar leading to the page `link(year)` gives.
    pub fn ratings_chart(&self, width: u32, link: impl Fn(i32) -> String) -> String {
        let (title, share): (&str, fn(&YearRating) -> f64) = if self.rates_orgs() {
            ("TCCSĐ hoàn thành tốt nhiệm vụ trở lên (%)", |r| r.orgs_good_or_better_pct)
        } else {
            ("Đảng viên hoàn thành tốt nhiệm vụ trở lên (%)", |r| r.members_good_or_better_pct)
        };
        let series = coso_report::Series {
            title: title.into(),
            unit: "%".into(),
            points: self.ratings.iter().map(|r| (r.year.to_string(), share(r))).collect(),
            links: self.ratings.iter().map(|r| link(r.year)).collect(),
        };
        coso_report::svg::bar_chart(&series, width, if width < 400 { 240 } else { 260 })
    }
}
