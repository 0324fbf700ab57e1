//! Pilot guidance and work groups (domain.md §6, issue 11): a committee picks a weak unit of
//! its subtree, names its weaknesses, sends people to follow it, records their visits and the
//! actions set, and measures the unit by its ratings before and after.
use chrono::{Datelike, NaiveDate};
use coso_domain::access::Permission;
use coso_domain::id::MembershipId;
use coso_domain::org::in_subtree;
use coso_domain::pilot::{self as rules, ActionStatus, Indicator, Weakness};
use coso_domain::rating::{RatingStage, default_rating_day};
use coso_store::orgs::OrgAt;
use coso_store::pilots::{self as store, ActionRow, FollowerRow, PilotRow, VisitRow};
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use crate::input::{All, chosen, optional_date, past_date, required_date, required_text, rule};
use crate::orgs::{org_by_id_on, org_on};
use crate::{Actor, App, AppError, AppResult, Tx, access, audit};

/// A pilot to open: the unit, the committee that picks it, when, and why.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PilotInput {
    pub org_code: String,
    pub selected_by_code: String,
    pub selected_on: String,
    pub ends_on: Option<String>,
    /// Weakness codes: `key_tasks`, `meeting_quality`, `head_capacity`, `inspection`, `other`.
    pub weaknesses: Vec<String>,
    pub weakness_note: String,
    pub objectives: String,
    pub target_pct: Option<i32>,
    pub decision: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct FollowerInput {
    /// The member who follows the unit (a committee member, a board leader).
    pub membership_id: String,
    pub role_note: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct VisitInput {
    pub visited_on: String,
    pub findings: String,
    pub obstacles_removed: String,
    pub assessment: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ActionInput {
    pub title: String,
    pub owner: String,
    pub set_on: String,
    pub due_on: String,
}

/// The end of a pilot: the day and the committee's closing assessment.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ClosingInput {
    pub ends_on: String,
    pub closing_assessment: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ActionUpdate {
    /// `open`, `in_progress`, `done` or `cancelled`.
    pub status: String,
    pub evidence: String,
}

/// The indicator in one year.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IndicatorPoint {
    pub year: i32,
    pub pct: f64,
}

/// A pilot as lists and reports show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PilotUnit {
    pub id: String,
    pub org_code: String,
    pub org_name: String,
    pub selected_by: String,
    #[schema(value_type = String, format = Date)]
    pub selected_on: NaiveDate,
    /// Weakness labels, in Vietnamese.
    pub weaknesses: Vec<String>,
    /// The indicator's code (`cells_good_pct`, `members_good_pct`).
    pub indicator: String,
    pub indicator_label: String,
    /// In percent: the year it was selected, and the latest year rated.
    pub indicator_baseline: Option<f64>,
    pub indicator_latest: Option<f64>,
    pub latest_year: Option<i32>,
    pub target_pct: Option<i32>,
    pub overdue_actions: usize,
    pub closed: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FollowerView {
    pub full_name: String,
    pub role_note: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ActionView {
    pub id: String,
    pub title: String,
    pub owner: String,
    #[schema(value_type = String, format = Date)]
    pub set_on: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub due_on: NaiveDate,
    pub status: String,
    pub status_label: String,
    pub evidence: String,
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PilotDetail {
    pub unit: PilotUnit,
    pub objectives: String,
    pub weakness_note: String,
    pub decision: String,
    pub closing_assessment: String,
    pub followers: Vec<FollowerView>,
    #[schema(value_type = Vec<Object>)]
    pub visits: Vec<VisitRow>,
    pub actions: Vec<ActionView>,
    /// The indicator from the year before selection to the latest year rated.
    pub series: Vec<IndicatorPoint>,
    pub can_write: bool,
}

/// The pilots of a period: those the top committee picked, and those picked by committees
/// below it (a ward picking its cells).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PilotReport {
    #[schema(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub to: NaiveDate,
    pub units_selected_by_city: usize,
    pub units: Vec<PilotUnit>,
    pub units_selected_by_others: Vec<PilotUnit>,
}

/// The indicator of a unit in `year`: the share of its cells (or members) rated good or better
/// by the decisions of that year, as the tree stood at its end.
fn indicator_in(
    conn: &mut DbConnection,
    unit: &OrgAt,
    indicator: Indicator,
    year: i32,
) -> AppResult<Option<f64>> {
    let on = default_rating_day(year);
    Ok(match indicator {
        Indicator::CellsGoodPct => {
            let cells: Vec<_> = coso_store::orgs::children_on(conn, &unit.org.id, on)?
                .into_iter()
                .filter(|c| c.version.kind.is_cell())
                .map(|c| c.org.id)
                .collect();
            let tiers = coso_store::ratings::of_orgs(conn, &cells, year, RatingStage::Decided)?;
            let good = tiers.iter().filter(|r| r.tier.good_or_better()).count();
            rules::share_pct(good, tiers.len())
        }
        Indicator::MembersGoodPct => {
            let at = org_by_id_on(conn, &unit.org.id, on)?;
            let counts = coso_store::ratings::member_counts_under(
                conn,
                &at.version.path,
                on,
                year,
                RatingStage::Decided,
            )?;
            let total: i64 = counts.iter().map(|(_, _, n)| n).sum();
            let good: i64 = counts.iter().filter(|(_, t, _)| t.good_or_better()).map(|(_, _, n)| n).sum();
            rules::share_pct(good as usize, total as usize)
        }
    })
}

/// The indicator over the years from `first` to `last`, skipping years with nothing rated.
fn series(
    conn: &mut DbConnection,
    unit: &OrgAt,
    indicator: Indicator,
    first: i32,
    last: i32,
) -> AppResult<Vec<IndicatorPoint>> {
    let mut out = Vec::new();
    for year in first..=last {
        if let Some(pct) = indicator_in(conn, unit, indicator, year)? {
            out.push(IndicatorPoint { year, pct });
        }
    }
    Ok(out)
}

fn unit_view(
    conn: &mut DbConnection,
    p: &PilotRow,
    until: NaiveDate,
) -> AppResult<(PilotUnit, Vec<IndicatorPoint>)> {
    let unit = org_by_id_on(conn, &p.org_id, p.selected_on)?;
    let by = org_by_id_on(conn, &p.selected_by_org_id, p.selected_on)?;
    let year = p.selected_on.year();
    let last = p.ends_on.unwrap_or(until).min(until).year();
    let points = series(conn, &unit, p.indicator, year - 1, last.max(year))?;
    let baseline = points.iter().find(|x| x.year == year).map(|x| x.pct);
    let latest = points.iter().rev().find(|x| x.year > year).or(points.last());
    let today = crate::today();
    let overdue =
        store::actions(conn, &p.id)?.iter().filter(|a| rules::is_overdue(a.status, a.due_on, today)).count();
    Ok((
        PilotUnit {
            id: p.id.clone(),
            org_code: unit.org.code.clone(),
            org_name: unit.version.name.clone(),
            selected_by: by.version.name.clone(),
            selected_on: p.selected_on,
            weaknesses: rules::weaknesses_of(&p.weaknesses).iter().map(|w| w.label().to_string()).collect(),
            indicator: p.indicator.code().into(),
            indicator_label: p.indicator.label().into(),
            indicator_baseline: baseline,
            indicator_latest: latest.map(|x| x.pct),
            latest_year: latest.map(|x| x.year),
            target_pct: p.target_pct,
            overdue_actions: overdue,
            closed: p.ends_on.is_some_and(|e| e <= until),
        },
        points,
    ))
}

/// The pilot and the grant to write for its selecting committee.
fn pilot_for_write(conn: &mut DbConnection, actor: &Actor, id: &str) -> AppResult<PilotRow> {
    let p = store::pilot(conn, id)?.ok_or_else(|| AppError::NotFound("đơn vị chỉ đạo điểm".into()))?;
    let by = org_by_id_on(conn, &p.selected_by_org_id, p.selected_on)?;
    access::org(conn, actor, Permission::WriteOrgs, &by)?;
    Ok(p)
}

impl App {
    /// The pilots selected between two days whose unit lies in the actor's scope.
    pub fn pilot_report(&self, actor: &Actor, from: NaiveDate, to: NaiveDate) -> AppResult<PilotReport> {
        let scope = access::scope(actor, Permission::ReadOrgs)?;
        self.db.read(|conn| {
            let (mut units, mut others) = (Vec::new(), Vec::new());
            for p in store::selected_between(conn, from, to)? {
                let unit = org_by_id_on(conn, &p.org_id, p.selected_on)?;
                if !in_subtree(&unit.version.path, scope.path()) {
                    continue;
                }
                let by = org_by_id_on(conn, &p.selected_by_org_id, p.selected_on)?;
                let (view, _) = unit_view(conn, &p, to)?;
                if by.version.parent_id.is_none() { units.push(view) } else { others.push(view) }
            }
            Ok(PilotReport {
                from,
                to,
                units_selected_by_city: units.len(),
                units,
                units_selected_by_others: others,
            })
        })
    }

    /// One pilot with its work group, visits, actions and indicator over the years.
    pub fn pilot(&self, actor: &Actor, id: &str) -> AppResult<PilotDetail> {
        self.db.read(|conn| {
            let p =
                store::pilot(conn, id)?.ok_or_else(|| AppError::NotFound("đơn vị chỉ đạo điểm".into()))?;
            let unit = org_by_id_on(conn, &p.org_id, p.selected_on)?;
            access::org(conn, actor, Permission::ReadOrgs, &unit)?;
            let by = org_by_id_on(conn, &p.selected_by_org_id, p.selected_on)?;
            let can_write = access::can(conn, actor, Permission::WriteOrgs, &by)?;
            let (view, series) = unit_view(conn, &p, crate::today())?;
            let today = crate::today();
            let actions = store::actions(conn, &p.id)?
                .into_iter()
                .map(|a| ActionView {
                    overdue: rules::is_overdue(a.status, a.due_on, today),
                    status: a.status.code().into(),
                    status_label: a.status.label().into(),
                    id: a.id,
                    title: a.title,
                    owner: a.owner,
                    set_on: a.set_on,
                    due_on: a.due_on,
                    evidence: a.evidence,
                })
                .collect();
            let followers = store::followers(conn, &p.id)?
                .into_iter()
                .map(|(f, full_name)| FollowerView { full_name, role_note: f.role_note })
                .collect();
            Ok(PilotDetail {
                unit: view,
                objectives: p.objectives.clone(),
                weakness_note: p.weakness_note.clone(),
                decision: p.decision.clone(),
                closing_assessment: p.closing_assessment.clone(),
                followers,
                visits: store::visits(conn, &p.id)?,
                actions,
                series,
                can_write,
            })
        })
    }

    /// The pilot board of a period as an Excel file.
    pub fn pilot_report_xlsx(&self, actor: &Actor, from: NaiveDate, to: NaiveDate) -> AppResult<Vec<u8>> {
        use coso_report::xlsx::Cell;
        let r = self.pilot_report(actor, from, to)?;
        let pct = |p: Option<f64>| p.map_or(Cell::Empty, |p| Cell::Percent(p / 100.0));
        let rows: Vec<Vec<Cell>> = r
            .units
            .iter()
            .chain(&r.units_selected_by_others)
            .enumerate()
            .map(|(i, u)| {
                vec![
                    Cell::Number((i + 1) as f64),
                    Cell::Text(u.org_name.clone()),
                    Cell::Text(u.selected_by.clone()),
                    Cell::Text(coso_domain::date::format(u.selected_on)),
                    Cell::Text(u.weaknesses.join("; ")),
                    Cell::Text(u.indicator_label.clone()),
                    pct(u.indicator_baseline),
                    pct(u.indicator_latest),
                    Cell::Number(u.overdue_actions as f64),
                ]
            })
            .collect();
        let columns = [
            ("STT", 5.0),
            ("Đơn vị chỉ đạo điểm", 30.0),
            ("Cấp chọn", 24.0),
            ("Ngày chọn", 12.0),
            ("Hạn chế", 36.0),
            ("Chỉ số", 24.0),
            ("Khi chọn", 10.0),
            ("Gần nhất", 10.0),
            ("Việc quá hạn", 9.0),
        ];
        let subtitle =
            format!("Từ ngày {} đến ngày {}", coso_domain::date::format(from), coso_domain::date::format(to));
        let bytes =
            coso_report::xlsx::table("Chỉ đạo điểm", "ĐƠN VỊ CHỈ ĐẠO ĐIỂM", &subtitle, &columns, &rows)?;
        self.log_access(actor, "export", "pilot_report", &subtitle)?;
        Ok(bytes)
    }

    /// The pilot an action belongs to, for a reader of that pilot.
    pub fn action_pilot(&self, actor: &Actor, action_id: &str) -> AppResult<String> {
        self.db.read(|conn| {
            let a =
                store::action(conn, action_id)?.ok_or_else(|| AppError::NotFound("việc khắc phục".into()))?;
            let p = store::pilot(conn, &a.pilot_id)?
                .ok_or_else(|| AppError::NotFound("đơn vị chỉ đạo điểm".into()))?;
            let unit = org_by_id_on(conn, &p.org_id, p.selected_on)?;
            access::org(conn, actor, Permission::ReadOrgs, &unit)?;
            Ok(p.id)
        })
    }

    pub fn open_pilot(&self, actor: &Actor, input: PilotInput) -> AppResult<String> {
        self.transaction(|tx| tx.open_pilot(actor, input))
    }

    pub fn add_follower(&self, actor: &Actor, pilot_id: &str, input: FollowerInput) -> AppResult<()> {
        self.transaction(|tx| tx.add_follower(actor, pilot_id, input))
    }

    pub fn record_visit(&self, actor: &Actor, pilot_id: &str, input: VisitInput) -> AppResult<()> {
        self.transaction(|tx| tx.record_visit(actor, pilot_id, input))
    }

    pub fn add_action(&self, actor: &Actor, pilot_id: &str, input: ActionInput) -> AppResult<String> {
        self.transaction(|tx| tx.add_action(actor, pilot_id, input))
    }

    pub fn update_action(&self, actor: &Actor, action_id: &str, input: ActionUpdate) -> AppResult<()> {
        self.transaction(|tx| tx.update_action(actor, action_id, input))
    }

    pub fn close_pilot(&self, actor: &Actor, pilot_id: &str, input: ClosingInput) -> AppResult<()> {
        self.transaction(|tx| tx.close_pilot(actor, pilot_id, input))
    }
}

impl Tx<'_> {
    /// Opens a pilot: the committee picks a unit of its subtree, with its weaknesses.
    pub fn open_pilot(&mut self, actor: &Actor, input: PilotInput) -> AppResult<String> {
        let conn = &mut *self.conn;
        let weaknesses: Vec<Weakness> =
            input.weaknesses.iter().filter_map(|c| Weakness::from_code(c.trim())).collect();
        let (on, ends_on, decision, _) = (
            past_date("selected_on", "ngày chọn", &input.selected_on),
            optional_date("ends_on", "ngày kết thúc", input.ends_on.as_deref()),
            required_text("decision", "văn bản chỉ đạo", &input.decision),
            chosen(
                "weaknesses",
                "Cần chọn ít nhất một hạn chế của đơn vị.",
                (!weaknesses.is_empty() && weaknesses.len() == input.weaknesses.len()).then_some(()),
            ),
        )
            .all()?;
        if input.target_pct.is_some_and(|t| !(0..=100).contains(&t)) {
            return Err(AppError::field("target_pct", "Chỉ tiêu là tỷ lệ phần trăm từ 0 đến 100."));
        }
        let by = org_on(conn, &input.selected_by_code, on)?;
        access::org(conn, actor, Permission::WriteOrgs, &by)?;
        let unit = org_on(conn, &input.org_code, on)?;
        (rule(rules::check_selection(
            &unit.version.path,
            &by.version.path,
            &unit.version.name,
            &by.version.name,
        )),)
            .all()?;
        let row = PilotRow {
            id: new_id(),
            org_id: unit.org.id.clone(),
            selected_by_org_id: by.org.id.clone(),
            selected_on: on,
            ends_on,
            weaknesses: rules::weakness_codes(&weaknesses),
            weakness_note: input.weakness_note.trim().into(),
            objectives: input.objectives.trim().into(),
            indicator: Indicator::for_unit(unit.version.kind.holds_members()),
            target_pct: input.target_pct,
            closing_assessment: String::new(),
            decision,
            created_at: now(),
        };
        store::insert_pilot(conn, &row)?;
        audit::record(conn, actor, "pilot.open", "pilot", &row.id, None::<&()>, Some(&row))?;
        Ok(row.id)
    }

    /// Adds a member to the pilot's work group.
    pub fn add_follower(&mut self, actor: &Actor, pilot_id: &str, input: FollowerInput) -> AppResult<()> {
        let conn = &mut *self.conn;
        let p = pilot_for_write(conn, actor, pilot_id)?;
        let m = coso_store::members::membership(conn, &MembershipId::from(input.membership_id.as_str()))?
            .ok_or_else(|| AppError::field("membership_id", "Cần chọn một đảng viên trong danh sách."))?;
        let row = FollowerRow {
            id: new_id(),
            pilot_id: p.id.clone(),
            person_id: m.person_id,
            role_note: input.role_note.trim().into(),
            created_at: now(),
        };
        store::insert_follower(conn, &row)?;
        audit::record(conn, actor, "pilot.follower", "pilot", &p.id, None::<&()>, Some(&row))
    }

    /// Records a follow-up visit.
    pub fn record_visit(&mut self, actor: &Actor, pilot_id: &str, input: VisitInput) -> AppResult<()> {
        let conn = &mut *self.conn;
        let (on, findings) = (
            past_date("visited_on", "ngày làm việc", &input.visited_on),
            required_text("findings", "nội dung, kết quả", &input.findings),
        )
            .all()?;
        let p = pilot_for_write(conn, actor, pilot_id)?;
        if on < p.selected_on {
            return Err(AppError::field("visited_on", "Ngày làm việc trước ngày chọn đơn vị chỉ đạo điểm."));
        }
        let row = VisitRow {
            id: new_id(),
            pilot_id: p.id.clone(),
            visited_on: on,
            findings,
            obstacles_removed: input.obstacles_removed.trim().into(),
            assessment: input.assessment.trim().into(),
            created_at: now(),
        };
        store::insert_visit(conn, &row)?;
        audit::record(conn, actor, "pilot.visit", "pilot", &p.id, None::<&()>, Some(&row))
    }

    /// Sets a remediation action with its owner and due day.
    pub fn add_action(&mut self, actor: &Actor, pilot_id: &str, input: ActionInput) -> AppResult<String> {
        let conn = &mut *self.conn;
        let (title, owner, set_on, due_on) = (
            required_text("title", "nội dung khắc phục", &input.title),
            required_text("owner", "người chịu trách nhiệm", &input.owner),
            required_date("set_on", "ngày giao", &input.set_on),
            required_date("due_on", "hạn hoàn thành", &input.due_on),
        )
            .all()?;
        (rule(rules::check_due(set_on, due_on)),).all()?;
        let p = pilot_for_write(conn, actor, pilot_id)?;
        let at = now();
        let row = ActionRow {
            id: new_id(),
            pilot_id: p.id.clone(),
            title,
            owner,
            set_on,
            due_on,
            status: ActionStatus::Open,
            evidence: String::new(),
            created_at: at,
            updated_at: at,
        };
        store::insert_action(conn, &row)?;
        audit::record(conn, actor, "pilot.action", "pilot", &p.id, None::<&()>, Some(&row))?;
        Ok(row.id)
    }

    /// Ends a pilot with the committee's closing assessment.
    pub fn close_pilot(&mut self, actor: &Actor, pilot_id: &str, input: ClosingInput) -> AppResult<()> {
        let conn = &mut *self.conn;
        let (ends_on, assessment) = (
            past_date("ends_on", "ngày kết thúc", &input.ends_on),
            required_text("closing_assessment", "đánh giá kết thúc", &input.closing_assessment),
        )
            .all()?;
        let p = pilot_for_write(conn, actor, pilot_id)?;
        if ends_on < p.selected_on {
            return Err(AppError::field("ends_on", "Ngày kết thúc trước ngày chọn đơn vị chỉ đạo điểm."));
        }
        store::close_pilot(conn, &p.id, ends_on, &assessment)?;
        audit::record(conn, actor, "pilot.close", "pilot", &p.id, Some(&p), Some(&(ends_on, &assessment)))
    }

    /// Moves an action on: its status, and the evidence of what was done.
    pub fn update_action(&mut self, actor: &Actor, action_id: &str, input: ActionUpdate) -> AppResult<()> {
        let conn = &mut *self.conn;
        let status = chosen("status", "Cần chọn tình trạng.", ActionStatus::from_code(input.status.trim()))
            .map_err(AppError::Invalid)?;
        let mut a =
            store::action(conn, action_id)?.ok_or_else(|| AppError::NotFound("việc khắc phục".into()))?;
        pilot_for_write(conn, actor, &a.pilot_id)?;
        if status == ActionStatus::Done && input.evidence.trim().is_empty() {
            return Err(AppError::field(
                "evidence",
                "Cần ghi kết quả, minh chứng khi đánh dấu đã hoàn thành.",
            ));
        }
        let before = a.clone();
        a.status = status;
        a.evidence = input.evidence.trim().into();
        a.updated_at = now();
        store::update_action(conn, &a)?;
        audit::record(conn, actor, "pilot.action_update", "pilot", &a.pilot_id, Some(&before), Some(&a))
    }
}

/// The pilot's indicator over the years as an SVG bar chart `width` pixels wide.
pub fn indicator_chart(p: &PilotDetail, width: u32) -> String {
    let series = coso_report::Series {
        title: format!("{} (%)", p.unit.indicator_label),
        unit: "%".into(),
        points: p.series.iter().map(|x| (x.year.to_string(), x.pct)).collect(),
        links: Vec::new(),
    };
    coso_report::svg::bar_chart(&series, width, if width < 400 { 240 } else { 260 })
}
