//! Congress resolutions and their targets (domain.md §10, issue 13): a committee records its
//! resolution for a term with its targets, the figures of each year and their source, and
//! reads each target's status on any year and at the term's end.
use coso_domain::Violation;
use coso_domain::access::Permission;
use coso_domain::org::in_subtree;
use coso_domain::resolution::{Direction, Status, Target};
use coso_domain::text::nfc;
use coso_store::resolutions::{self as store, ResolutionRow, TargetRow, ValueRow};
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use crate::input::{All, required_text, rules};
use crate::orgs::{org_by_id_on, org_on};
use crate::{Actor, App, AppError, AppResult, Tx, access, audit};

/// A resolution to record: the committee, the term and the targets in the resolution's order.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ResolutionInput {
    pub org_code: String,
    pub title: String,
    /// The resolution's own document in the registry, when registered.
    pub document_id: Option<String>,
    pub first_year: i32,
    pub last_year: i32,
    pub targets: Vec<TargetInput>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TargetInput {
    pub name: String,
    /// "%", "đảng viên", "chi bộ".
    pub unit: String,
    pub value: f64,
    /// `at_least`, `at_most` or `reach_by` (with `reach_year`).
    pub direction: String,
    pub reach_year: Option<i32>,
}

/// A target's figure for one year, and where it comes from.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ValueInput {
    pub year: i32,
    pub value: f64,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct YearValue {
    pub year: i32,
    pub value: f64,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TargetView {
    pub id: String,
    pub position: i32,
    pub name: String,
    pub unit: String,
    pub value: f64,
    pub direction: String,
    pub direction_label: String,
    pub values: Vec<YearValue>,
    /// On the year asked for (the term's end by default).
    #[schema(value_type = String)]
    pub status: Status,
    pub status_label: String,
    pub reached: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ResolutionView {
    pub id: String,
    pub org_code: String,
    pub org_name: String,
    pub title: String,
    pub document_number: Option<String>,
    pub first_year: i32,
    pub last_year: i32,
    /// The year the statuses are read on.
    pub year: i32,
    pub targets: Vec<TargetView>,
    pub targets_total: usize,
    /// Met or exceeded.
    pub targets_reached: usize,
    pub can_write: bool,
}

fn target_of(row: &TargetRow, first_year: i32, last_year: i32) -> AppResult<Target> {
    let direction = Direction::of(&row.direction, row.reach_year)
        .ok_or_else(|| AppError::Internal(format!("target {} has direction {}", row.id, row.direction)))?;
    Ok(Target {
        name: row.name.clone(),
        unit: row.unit.clone(),
        value: row.value,
        direction,
        first_year,
        last_year,
    })
}

/// Whether a reader in `scope` sees a resolution of the committee at `path`: its own and those
/// of its subtree, and those of the committees above it, which it carries out.
pub(crate) fn visible(path: &str, scope: &str) -> bool {
    in_subtree(path, scope) || in_subtree(scope, path)
}

fn view(
    conn: &mut DbConnection,
    actor: &Actor,
    row: ResolutionRow,
    year: Option<i32>,
) -> AppResult<ResolutionView> {
    let unit = org_by_id_on(conn, &row.org_id, crate::today())?;
    let values = store::values(conn, &row.id)?;
    let year = year.unwrap_or(row.last_year);
    let mut targets = Vec::new();
    for t in store::targets(conn, &row.id)? {
        let target = target_of(&t, row.first_year, row.last_year)?;
        let mine: Vec<&ValueRow> = values.iter().filter(|v| v.target_id == t.id).collect();
        let pairs: Vec<(i32, f64)> = mine.iter().map(|v| (v.year, v.value)).collect();
        let status = target.status_in(year, &pairs);
        targets.push(TargetView {
            id: t.id.clone(),
            position: t.position,
            name: t.name.clone(),
            unit: t.unit.clone(),
            value: t.value,
            direction: target.direction.code().into(),
            direction_label: target.direction.label(),
            values: mine
                .iter()
                .map(|v| YearValue { year: v.year, value: v.value, source: v.source.clone() })
                .collect(),
            status,
            status_label: status.label().into(),
            reached: status.reached(),
        });
    }
    let document_number = match &row.document_id {
        Some(id) => coso_store::documents::document(conn, id)?.map(|d| d.number),
        None => None,
    };
    Ok(ResolutionView {
        can_write: access::can(conn, actor, Permission::WriteOrgs, &unit)?,
        id: row.id,
        org_code: unit.org.code,
        org_name: unit.version.name,
        title: row.title,
        document_number,
        first_year: row.first_year,
        last_year: row.last_year,
        year,
        targets_total: targets.len(),
        targets_reached: targets.iter().filter(|t| t.reached).count(),
        targets,
    })
}

impl App {
    pub fn record_resolution(&self, actor: &Actor, input: ResolutionInput) -> AppResult<String> {
        self.transaction(|tx| tx.record_resolution(actor, input))
    }

    pub fn record_target_value(&self, actor: &Actor, target_id: &str, input: ValueInput) -> AppResult<()> {
        self.transaction(|tx| tx.record_target_value(actor, target_id, input))
    }

    /// The resolutions the actor sees, their statuses on `year` (each term's end by default).
    pub fn resolutions(&self, actor: &Actor, year: Option<i32>) -> AppResult<Vec<ResolutionView>> {
        let scope = access::scope(actor, Permission::ReadOrgs)?;
        self.db.read(|conn| {
            let mut out = Vec::new();
            for row in store::all(conn)? {
                let unit = org_by_id_on(conn, &row.org_id, crate::today())?;
                if visible(&unit.version.path, scope.path()) {
                    out.push(view(conn, actor, row, year)?);
                }
            }
            Ok(out)
        })
    }

    pub fn resolution(&self, actor: &Actor, id: &str, year: Option<i32>) -> AppResult<ResolutionView> {
        let scope = access::scope(actor, Permission::ReadOrgs)?;
        self.db.read(|conn| {
            let row = store::resolution(conn, id)?.ok_or_else(|| AppError::NotFound("nghị quyết".into()))?;
            let unit = org_by_id_on(conn, &row.org_id, crate::today())?;
            if !visible(&unit.version.path, scope.path()) {
                return Err(AppError::Forbidden);
            }
            view(conn, actor, row, year)
        })
    }
}

impl Tx<'_> {
    /// Records a resolution with its targets: every target is checked (a unit, a reach year
    /// within the term) and every problem of every target is named at once.
    pub fn record_resolution(&mut self, actor: &Actor, input: ResolutionInput) -> AppResult<String> {
        let conn = &mut *self.conn;
        let title = (required_text("title", "tên nghị quyết", &nfc(&input.title)),).all()?.0;
        let on = chrono::NaiveDate::from_ymd_opt(input.first_year, 1, 1)
            .filter(|_| (1930..=2100).contains(&input.first_year))
            .ok_or_else(|| AppError::field("first_year", "Năm đầu nhiệm kỳ không hợp lệ."))?;
        let unit =
            org_on(conn, &input.org_code, on).or_else(|_| org_on(conn, &input.org_code, crate::today()))?;
        access::org(conn, actor, Permission::WriteOrgs, &unit)?;
        if input.targets.is_empty() {
            return Err(AppError::field("targets", "Nghị quyết cần có ít nhất một chỉ tiêu."));
        }
        let mut problems: Vec<Violation> = Vec::new();
        let mut rows = Vec::new();
        let id = new_id();
        for (i, t) in input.targets.iter().enumerate() {
            let direction = Direction::of(t.direction.trim(), t.reach_year);
            let target = Target {
                name: nfc(&t.name),
                unit: nfc(&t.unit),
                value: t.value,
                direction: direction.unwrap_or(Direction::AtLeast),
                first_year: input.first_year,
                last_year: input.last_year,
            };
            let mut found = target.check();
            if direction.is_none() {
                found.push(Violation::on(
                    "direction",
                    "Cần chọn cách đạt chỉ tiêu (ít nhất, tối đa, đạt vào năm).",
                ));
            }
            // The form shows which target each problem is about.
            problems.extend(
                found
                    .into_iter()
                    .map(|v| Violation { message: format!("Chỉ tiêu {}: {}", i + 1, v.message), ..v }),
            );
            rows.push(TargetRow {
                id: new_id(),
                resolution_id: id.clone(),
                position: i as i32 + 1,
                name: target.name,
                unit: target.unit,
                value: target.value,
                direction: target.direction.code().into(),
                reach_year: target.direction.reach_year(),
                created_at: now(),
            });
        }
        (rules(problems),).all()?;
        let document_id = input.document_id.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
        if let Some(doc) = &document_id {
            coso_store::documents::document(conn, doc)?
                .ok_or_else(|| AppError::NotFound("văn bản".into()))?;
        }
        let row = ResolutionRow {
            id: id.clone(),
            org_id: unit.org.id.clone(),
            document_id,
            title,
            first_year: input.first_year,
            last_year: input.last_year,
            created_at: now(),
        };
        store::insert_resolution(conn, &row)?;
        store::insert_targets(conn, &rows)?;
        audit::record(
            conn,
            actor,
            "resolution.record",
            "resolution",
            &id,
            None::<&()>,
            Some(&(&row, &rows)),
        )?;
        Ok(id)
    }

    /// A resolution's targets as (id, position), in order: for loading their figures.
    pub fn resolution_targets(&mut self, resolution_id: &str) -> AppResult<Vec<(String, i32)>> {
        Ok(store::targets(self.conn, resolution_id)?.into_iter().map(|t| (t.id, t.position)).collect())
    }

    /// Records a target's figure for a year of the term, replacing an earlier figure.
    pub fn record_target_value(
        &mut self,
        actor: &Actor,
        target_id: &str,
        input: ValueInput,
    ) -> AppResult<()> {
        let conn = &mut *self.conn;
        let t = store::target(conn, target_id)?.ok_or_else(|| AppError::NotFound("chỉ tiêu".into()))?;
        let r = store::resolution(conn, &t.resolution_id)?
            .ok_or_else(|| AppError::NotFound("nghị quyết".into()))?;
        let unit = org_by_id_on(conn, &r.org_id, crate::today())?;
        access::org(conn, actor, Permission::WriteOrgs, &unit)?;
        let target = target_of(&t, r.first_year, r.last_year)?;
        if !input.value.is_finite() {
            return Err(AppError::field("value", "Giá trị phải là một số."));
        }
        let (_, source) = (
            target.check_year(input.year).map_err(|v| vec![v]),
            required_text("source", "nguồn số liệu", &nfc(&input.source)),
        )
            .all()?;
        let row =
            ValueRow { target_id: t.id, year: input.year, value: input.value, source, recorded_at: now() };
        let before = store::put_value(conn, &row)?;
        audit::record(conn, actor, "resolution.value", "target", target_id, before.as_ref(), Some(&row))?;
        Ok(())
    }
}
