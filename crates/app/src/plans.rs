//! Plans and projects (Kế hoạch, Đề án; domain.md §10, issue 13): a committee's objectives,
//! indicators that follow coso's own measures where one exists, tasks assigned to the
//! organizations of its subtree with due dates, the progress reported, and what is overdue.
use chrono::{Datelike, NaiveDate};
use coso_domain::access::Permission;
use coso_domain::org::in_subtree;
use coso_domain::pilot::{ActionStatus, check_due, is_overdue};
use coso_domain::plan::{self as rules, Measure, PlanKind};
use coso_domain::text::nfc;
use coso_store::orgs::OrgAt;
use coso_store::plans::{self as store, IndicatorRow, PlanRow, ReportRow, TaskRow};
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use crate::input::{All, chosen, required_date, required_text, rule};
use crate::orgs::{org_by_id_on, org_on};
use crate::resolutions::visible;

/// Who may report progress on a task assigned to `assignee`: the unit carrying it out, its
/// committee's staff or the secretary who keeps a cell's records (a cell has no staff writing
/// organizations), and the committees above it.
fn may_report(conn: &mut DbConnection, actor: &Actor, assignee: &OrgAt) -> AppResult<bool> {
    Ok(access::can(conn, actor, Permission::WriteOrgs, assignee)?
        || access::can(conn, actor, Permission::WriteMeetings, assignee)?)
}
use crate::{Actor, App, AppError, AppResult, Tx, access, audit};

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PlanInput {
    /// The committee that issues it.
    pub org_code: String,
    /// `plan` or `project`.
    pub kind: String,
    pub title: String,
    pub document_id: Option<String>,
    pub starts_on: String,
    pub ends_on: String,
    pub objectives: String,
    pub indicators: Vec<IndicatorInput>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct IndicatorInput {
    pub name: String,
    pub unit: String,
    pub target: f64,
    /// `meeting_compliance_pct`, `cells_good_pct`, `members_good_pct`, or none.
    pub measure: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TaskInput {
    pub title: String,
    /// The organization that carries the task out: the committee itself or one below it.
    pub assignee_code: String,
    pub due_on: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProgressInput {
    pub reported_on: String,
    pub progress_pct: i32,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IndicatorView {
    pub name: String,
    pub unit: String,
    pub target: f64,
    pub measure: Option<String>,
    pub measure_label: Option<String>,
    /// coso's figure for the measure, over the plan's period to the day read; none in a list
    /// of plans (see [`App::plans`]).
    pub current: Option<f64>,
    pub reached: Option<bool>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TaskView {
    pub id: String,
    pub title: String,
    pub assignee_code: String,
    pub assignee_name: String,
    #[schema(value_type = String, format = Date)]
    pub due_on: NaiveDate,
    pub status: String,
    pub status_label: String,
    pub progress_pct: i32,
    pub overdue: bool,
    /// Whether the reader may report progress on it: the unit carrying it out or one above.
    pub can_report: bool,
    #[schema(value_type = Vec<Object>)]
    pub reports: Vec<ReportRow>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlanView {
    pub id: String,
    pub org_code: String,
    pub org_name: String,
    pub kind: String,
    pub kind_label: String,
    pub title: String,
    pub document_number: Option<String>,
    #[schema(value_type = String, format = Date)]
    pub starts_on: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub ends_on: NaiveDate,
    pub objectives: String,
    pub indicators: Vec<IndicatorView>,
    pub tasks: Vec<TaskView>,
    pub tasks_done: usize,
    pub tasks_overdue: usize,
    pub can_write: bool,
}

impl App {
    pub fn record_plan(&self, actor: &Actor, input: PlanInput) -> AppResult<String> {
        self.transaction(|tx| tx.record_plan(actor, input))
    }

    pub fn assign_task(&self, actor: &Actor, plan_id: &str, input: TaskInput) -> AppResult<String> {
        self.transaction(|tx| tx.assign_task(actor, plan_id, input))
    }

    pub fn report_progress(&self, actor: &Actor, task_id: &str, input: ProgressInput) -> AppResult<()> {
        self.transaction(|tx| tx.report_progress(actor, task_id, input))
    }

    /// The plans running between two days that the actor sees: its committee's, those of the
    /// units below, and those of the committees above, which it carries out. Their indicators
    /// are listed unmeasured: measuring one reads the meetings or ratings of a whole subtree,
    /// which [`App::plan`] does for the plan opened.
    pub fn plans(&self, actor: &Actor, from: NaiveDate, to: NaiveDate) -> AppResult<Vec<PlanView>> {
        let scope = access::scope(actor, Permission::ReadOrgs)?;
        let ids: Vec<String> = self.db.read(|conn| {
            let mut ids = Vec::new();
            for row in store::running_between(conn, from, to)? {
                let unit = org_by_id_on(conn, &row.org_id, row.starts_on)?;
                if visible(&unit.version.path, scope.path()) {
                    ids.push(row.id);
                }
            }
            Ok::<_, AppError>(ids)
        })?;
        ids.iter().map(|id| self.plan_unmeasured(actor, id, to)).collect()
    }

    /// A plan as it stands on `on`: indicators measured to that day, tasks overdue by it.
    pub fn plan(&self, actor: &Actor, id: &str, on: NaiveDate) -> AppResult<PlanView> {
        let mut view = self.plan_unmeasured(actor, id, on)?;
        let until = on.min(view.ends_on);
        for i in &mut view.indicators {
            let Some(measure) = i.measure.as_deref().and_then(Measure::from_code) else { continue };
            // A reader who may not see the measure's records sees the indicator without it.
            i.current = self.measure(actor, measure, &view.org_code, view.starts_on, until).ok().flatten();
            i.reached = i.current.map(|c| c >= i.target);
        }
        Ok(view)
    }

    /// A plan as it stands on `on`, its indicators not yet measured.
    fn plan_unmeasured(&self, actor: &Actor, id: &str, on: NaiveDate) -> AppResult<PlanView> {
        let scope = access::scope(actor, Permission::ReadOrgs)?;
        self.db.read(|conn| {
            let row = store::plan(conn, id)?.ok_or_else(|| AppError::NotFound("kế hoạch".into()))?;
            let unit = org_by_id_on(conn, &row.org_id, row.starts_on)?;
            if !visible(&unit.version.path, scope.path()) {
                return Err(AppError::Forbidden);
            }
            // A reader holding the plan's committee sees every task; a unit below it, the
            // tasks of its own subtree (lists are filtered to the reader's scope).
            let whole = in_subtree(&unit.version.path, scope.path());
            let mut tasks = Vec::new();
            for t in store::tasks(conn, &row.id)? {
                let assignee = org_by_id_on(conn, &t.assignee_org_id, t.due_on)?;
                if !whole && !in_subtree(&assignee.version.path, scope.path()) {
                    continue;
                }
                tasks.push(TaskView {
                    can_report: may_report(conn, actor, &assignee)?,
                    overdue: is_overdue(t.status, t.due_on, on),
                    reports: store::reports(conn, &t.id)?,
                    id: t.id,
                    title: t.title,
                    assignee_code: assignee.org.code,
                    assignee_name: assignee.version.name,
                    due_on: t.due_on,
                    status: t.status.code().into(),
                    status_label: t.status.label().into(),
                    progress_pct: t.progress_pct,
                });
            }
            let indicators = store::indicators(conn, &row.id)?
                .into_iter()
                .map(|i| IndicatorView {
                    name: i.name,
                    unit: i.unit,
                    target: i.target,
                    measure: i.measure.map(|m| m.code().into()),
                    measure_label: i.measure.map(|m| m.label().into()),
                    current: None,
                    reached: None,
                })
                .collect();
            let document_number = match &row.document_id {
                Some(d) => coso_store::documents::document(conn, d)?.map(|d| d.number),
                None => None,
            };
            Ok(PlanView {
                can_write: access::can(conn, actor, Permission::WriteOrgs, &unit)?,
                id: row.id,
                org_code: unit.org.code,
                org_name: unit.version.name,
                kind: row.kind.code().into(),
                kind_label: row.kind.label().into(),
                title: row.title,
                document_number,
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                objectives: row.objectives,
                indicators,
                tasks_done: tasks.iter().filter(|t| t.status == ActionStatus::Done.code()).count(),
                tasks_overdue: tasks.iter().filter(|t| t.overdue).count(),
                tasks,
            })
        })
    }

    /// coso's figure for a measure under a unit over `[from, to]`, in percent: meeting
    /// compliance over the period, or the latest year's decided ratings up to `to`.
    pub fn measure(
        &self,
        actor: &Actor,
        measure: Measure,
        org_code: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<Option<f64>> {
        if from > to {
            return Ok(None);
        }
        match measure {
            Measure::MeetingCompliancePct => {
                let r = self.meeting_compliance(actor, org_code, from, to)?;
                Ok(coso_domain::pilot::share_pct(r.compliant_cells, r.cells.len()))
            }
            Measure::CellsGoodPct | Measure::MembersGoodPct => {
                for year in [to.year(), to.year() - 1] {
                    let s = self.rating_stats(actor, year, Some(org_code))?;
                    let counts = if measure == Measure::CellsGoodPct { &s.orgs } else { &s.members };
                    if counts.total > 0 {
                        return Ok(Some(counts.good_or_better_pct));
                    }
                }
                Ok(None)
            }
        }
    }
}

impl Tx<'_> {
    pub fn record_plan(&mut self, actor: &Actor, input: PlanInput) -> AppResult<String> {
        let conn = &mut *self.conn;
        let (kind, title, starts_on, ends_on) = (
            chosen("kind", "Cần chọn kế hoạch hay đề án.", PlanKind::from_code(input.kind.trim())),
            required_text("title", "tên kế hoạch", &nfc(&input.title)),
            required_date("starts_on", "ngày bắt đầu", &input.starts_on),
            required_date("ends_on", "ngày kết thúc", &input.ends_on),
        )
            .all()?;
        if ends_on < starts_on {
            return Err(AppError::field("ends_on", "Ngày kết thúc phải sau ngày bắt đầu."));
        }
        let unit = org_on(conn, &input.org_code, starts_on)?;
        access::org(conn, actor, Permission::WriteOrgs, &unit)?;
        let mut indicators = Vec::new();
        let id = new_id();
        for (i, ind) in input.indicators.iter().enumerate() {
            let measure = match ind.measure.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
                Some(code) => Some(Measure::from_code(code).ok_or_else(|| {
                    AppError::field("measure", format!("Chỉ số {}: thước đo không có trong coso.", i + 1))
                })?),
                None => None,
            };
            let (name, unit_name) = (
                required_text("name", "tên chỉ số", &nfc(&ind.name)),
                required_text("unit", "đơn vị tính của chỉ số", &nfc(&ind.unit)),
            )
                .all()?;
            if !ind.target.is_finite() {
                return Err(AppError::field("target", "Giá trị chỉ số phải là một số."));
            }
            indicators.push(IndicatorRow {
                id: new_id(),
                plan_id: id.clone(),
                position: i as i32 + 1,
                name,
                unit: unit_name,
                target: ind.target,
                measure,
                created_at: now(),
            });
        }
        let document_id = input.document_id.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
        if let Some(doc) = &document_id {
            coso_store::documents::document(conn, doc)?
                .ok_or_else(|| AppError::NotFound("văn bản".into()))?;
        }
        let row = PlanRow {
            id: id.clone(),
            org_id: unit.org.id.clone(),
            document_id,
            kind,
            title,
            starts_on,
            ends_on,
            objectives: nfc(&input.objectives),
            created_at: now(),
        };
        store::insert_plan(conn, &row)?;
        for i in &indicators {
            store::insert_indicator(conn, i)?;
        }
        audit::record(conn, actor, "plan.record", "plan", &id, None::<&()>, Some(&(&row, &indicators)))?;
        Ok(id)
    }

    /// Assigns a task of the plan to the committee itself or to a unit of its subtree.
    pub fn assign_task(&mut self, actor: &Actor, plan_id: &str, input: TaskInput) -> AppResult<String> {
        let conn = &mut *self.conn;
        let plan = store::plan(conn, plan_id)?.ok_or_else(|| AppError::NotFound("kế hoạch".into()))?;
        let by = org_by_id_on(conn, &plan.org_id, crate::today())?;
        access::org(conn, actor, Permission::WriteOrgs, &by)?;
        let (title, due_on) = (
            required_text("title", "nội dung nhiệm vụ", &nfc(&input.title)),
            required_date("due_on", "hạn hoàn thành", &input.due_on),
        )
            .all()?;
        let code = input.assignee_code.trim();
        let assignee = match org_on(conn, code, due_on.min(crate::today()).max(plan.starts_on)) {
            Ok(at) => at,
            Err(AppError::NotFound(_)) => {
                return Err(AppError::field("assignee_code", format!("Không có tổ chức mã «{code}».")));
            }
            Err(e) => return Err(e),
        };
        (
            // Named by the code typed: a unit outside the committee's subtree may be outside
            // the reader's too, and its name is not the reader's to learn.
            rule(rules::check_assignment(
                &assignee.version.path,
                &by.version.path,
                &format!("Đơn vị mã {code}"),
                &by.version.name,
            )),
            rule(check_due(plan.starts_on, due_on)),
        )
            .all()?;
        let row = TaskRow {
            id: new_id(),
            plan_id: plan.id,
            title,
            assignee_org_id: assignee.org.id,
            due_on,
            status: ActionStatus::Open,
            progress_pct: 0,
            created_at: now(),
            updated_at: now(),
        };
        store::insert_task(conn, &row)?;
        audit::record(conn, actor, "plan.task", "plan_task", &row.id, None::<&()>, Some(&row))?;
        Ok(row.id)
    }

    /// Records progress on a task: by the unit that carries it out, or by a committee above it.
    /// At 100% the task is done.
    pub fn report_progress(&mut self, actor: &Actor, task_id: &str, input: ProgressInput) -> AppResult<()> {
        let conn = &mut *self.conn;
        let before = store::task(conn, task_id)?.ok_or_else(|| AppError::NotFound("nhiệm vụ".into()))?;
        let assignee = org_by_id_on(conn, &before.assignee_org_id, crate::today())?;
        if !may_report(conn, actor, &assignee)? {
            return Err(AppError::Forbidden);
        }
        let (reported_on, _) = (
            required_date("reported_on", "ngày báo cáo", &input.reported_on),
            rule(rules::check_progress(input.progress_pct)),
        )
            .all()?;
        let report = ReportRow {
            id: new_id(),
            task_id: task_id.into(),
            reported_on,
            progress_pct: input.progress_pct,
            note: nfc(&input.note),
            created_at: now(),
        };
        let after = TaskRow {
            status: match input.progress_pct {
                100 => ActionStatus::Done,
                0 => before.status,
                _ => ActionStatus::InProgress,
            },
            progress_pct: input.progress_pct,
            updated_at: now(),
            ..before.clone()
        };
        store::insert_report(conn, &report)?;
        store::update_task(conn, &after)?;
        audit::record(conn, actor, "plan.progress", "plan_task", task_id, Some(&before), Some(&after))?;
        Ok(())
    }
}
