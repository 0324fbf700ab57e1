//! Superior committee members attending cell meetings (Quy định 1764-QĐ/TU in Lạng Sơn): quota
//! policies as data, assignments to the cells they follow, and the quota report.
use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use coso_domain::access::Permission;
use coso_domain::date::Span;
use coso_domain::id::{OrgId, PersonId};
use coso_domain::quota::{self as rules, QuotaLevel};
use coso_store::meetings::{self as store, AssignmentRow, QuotaPolicyRow};
use coso_store::{new_id, now};
use serde::{Deserialize, Serialize};

use crate::access;
use crate::input::{self, All, chosen, optional_date, required_date, required_text};
use crate::orgs::cell_on;
use crate::{Actor, App, AppError, AppResult, Tx, audit};

/// A quota policy: which committee members must attend how many cell meetings a year.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct QuotaPolicyInput {
    /// e.g. 1764-QĐ/TU
    pub document: String,
    pub issued_on: String,
    /// The issuing body, e.g. Ban Thường vụ Tỉnh ủy Lạng Sơn
    pub issuer: String,
    /// city_committee or grassroots_committee
    pub level: String,
    pub min_per_year: i32,
    pub valid_from: String,
    pub valid_to: Option<String>,
}

/// Assigning a committee member to follow a cell, by decision.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AssignmentInput {
    /// The person (or membership) id of the committee member.
    pub person_id: String,
    pub cell_code: String,
    pub policy_id: String,
    pub decision_number: String,
    pub valid_from: String,
    pub valid_to: Option<String>,
}

/// A committee member assigned to follow a cell.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AssignmentView {
    #[schema(value_type = String)]
    pub person_id: coso_domain::id::PersonId,
    pub name: String,
    pub document: String,
    pub level_label: String,
    pub decision_number: String,
    #[schema(value_type = String, format = Date)]
    pub valid_from: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_to: Option<NaiveDate>,
    /// In force on the day asked about.
    pub current: bool,
}

/// One committee member's quota in the year.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QuotaView {
    #[schema(value_type = String)]
    pub person_id: coso_domain::id::PersonId,
    pub name: String,
    #[schema(value_type = String)]
    pub level: QuotaLevel,
    pub level_label: String,
    pub document: String,
    pub required: i64,
    pub attended: i64,
    pub shortfall: i64,
}

/// The superiors a cell received in the period.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CellSuperiors {
    pub org_code: String,
    pub org_name: String,
    pub attendances: i64,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SuperiorReport {
    #[schema(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub to: NaiveDate,
    pub year: i32,
    /// Attendances by members of the city committee in the period.
    pub total_attendances: i64,
    /// Attendances by anyone in the period.
    pub all_attendances: i64,
    pub people: Vec<QuotaView>,
    pub cells: Vec<CellSuperiors>,
    /// Whether the actor may record quota policies (they apply to the whole tree).
    pub can_set_quota: bool,
}

impl App {
    /// Records a quota policy. Only those who see the whole tree may.
    pub fn add_quota_policy(&self, actor: &Actor, input: QuotaPolicyInput) -> AppResult<String> {
        self.transaction(|tx| tx.add_quota_policy(actor, input))
    }

    /// Every quota policy, oldest first.
    pub fn quota_policies(&self, actor: &Actor) -> AppResult<Vec<QuotaPolicyRow>> {
        access::scope(actor, Permission::ReadMeetings)?;
        self.db.read(store::policies).map_err(AppError::from)
    }

    /// Assigns a committee member to follow a cell under a quota policy.
    pub fn assign_superior(&self, actor: &Actor, input: AssignmentInput) -> AppResult<String> {
        self.transaction(|tx| tx.assign_superior(actor, input))
    }

    /// The committee members assigned to follow cell `code`, newest first; `current` tells
    /// which are in force on `on`.
    pub fn cell_assignments(
        &self,
        actor: &Actor,
        code: &str,
        on: NaiveDate,
    ) -> AppResult<Vec<AssignmentView>> {
        self.db.read(|conn| {
            let cell = cell_on(conn, "org", code, on)?;
            let grant = access::org(conn, actor, Permission::ReadMeetings, &cell)?;
            let policies: HashMap<String, QuotaPolicyRow> =
                store::policies(conn)?.into_iter().map(|p| (p.id.clone(), p)).collect();
            Ok(store::assignments_to(conn, grant.org_id())?
                .into_iter()
                .map(|(a, name)| {
                    let policy = policies.get(&a.quota_policy_id);
                    let current = a.span().contains(on);
                    AssignmentView {
                        person_id: a.person_id,
                        name,
                        document: policy.map(|p| p.document.clone()).unwrap_or_default(),
                        level_label: policy.map(|p| p.level.label()).unwrap_or("").into(),
                        decision_number: a.decision_number,
                        valid_from: a.valid_from,
                        valid_to: a.valid_to,
                        current,
                    }
                })
                .collect())
        })
    }

    /// Who may come to a cell's meeting on `on` as a superior: the committee members assigned to
    /// follow it (assigned = true), then the members of the committees above it. Each is
    /// (person id, name with position, assigned).
    pub fn superior_candidates(
        &self,
        actor: &Actor,
        code: &str,
        on: NaiveDate,
    ) -> AppResult<Vec<(PersonId, String, bool)>> {
        self.db.read(|conn| {
            let cell = cell_on(conn, "org", code, on)?;
            access::org(conn, actor, Permission::ReadMeetings, &cell)?;
            let mut out = Vec::new();
            for l in listable(conn, &cell, on)? {
                let label = match &l.seat {
                    None => format!("{} (được phân công)", l.full_name),
                    Some((role, org_id)) => {
                        let org_name = crate::orgs::name_of(conn, org_id, on)?.unwrap_or_default();
                        format!("{} — {}, {org_name}", l.full_name, role.label())
                    }
                };
                out.push((l.person_id, label, l.assigned));
            }
            Ok(out)
        })
    }

    /// Superior attendance in `[from, to]` within the actor's scope, and each assigned committee
    /// member's quota for `year`: required, attended, shortfall.
    pub fn superior_report(
        &self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
        year: i32,
    ) -> AppResult<SuperiorReport> {
        let scope = access::scope(actor, Permission::ReadMeetings)?;
        let can_set_quota = access::may_act_on_whole_tree(actor, Permission::WriteOrgs);
        self.db.read(|conn| {
            let city: HashMap<PersonId, Vec<Span>> =
                store::positions_in_kind(conn, coso_domain::org::OrgKind::CityCommittee)?.into_iter().fold(
                    HashMap::new(),
                    |mut acc, (person, from, to)| {
                        acc.entry(person).or_default().push(Span { from, to });
                        acc
                    },
                );
            let mut names: HashMap<PersonId, String> = HashMap::new();
            let attendances = store::attendances_in(
                conn,
                scope.path(),
                from.min(rules::year_start(year)),
                to.max(rules::year_end(year)),
            )?;
            let mut total = 0;
            let mut all = 0;
            let mut cells: BTreeMap<String, CellSuperiors> = BTreeMap::new();
            let mut attended_in_year: HashMap<PersonId, i64> = HashMap::new();
            for store::ScopedAttendance { attendance: a, held_on, org_code: code, org_name: name } in
                attendances
            {
                if held_on.year() == year {
                    *attended_in_year.entry(a.person_id.clone()).or_default() += 1;
                }
                if held_on < from || held_on > to {
                    continue;
                }
                all += 1;
                if city.get(&a.person_id).is_some_and(|spans| spans.iter().any(|s| s.contains(held_on))) {
                    total += 1;
                }
                let person_name = match names.get(&a.person_id) {
                    Some(n) => n.clone(),
                    None => {
                        let n = coso_store::members::person(conn, &a.person_id)?
                            .map(|p| p.full_name)
                            .unwrap_or_default();
                        names.insert(a.person_id.clone(), n.clone());
                        n
                    }
                };
                let entry = cells.entry(code.clone()).or_insert(CellSuperiors {
                    org_code: code,
                    org_name: name,
                    attendances: 0,
                    names: Vec::new(),
                });
                entry.attendances += 1;
                if !entry.names.contains(&person_name) {
                    entry.names.push(person_name);
                }
            }
            let policies: HashMap<String, QuotaPolicyRow> =
                store::policies(conn)?.into_iter().map(|p| (p.id.clone(), p)).collect();
            // Each person's seats under each policy in the year (quota::required_in_year).
            let mut seats: BTreeMap<PersonId, (String, HashMap<String, Vec<Span>>)> = BTreeMap::new();
            for (assignment, name) in
                store::assignments_in(conn, scope.path(), rules::year_start(year), rules::year_end(year))?
            {
                let entry =
                    seats.entry(assignment.person_id.clone()).or_insert_with(|| (name, HashMap::new()));
                entry.1.entry(assignment.quota_policy_id.clone()).or_default().push(assignment.span());
            }
            let mut people: BTreeMap<PersonId, QuotaView> = BTreeMap::new();
            for (person_id, (name, by_policy)) in seats {
                let found: Vec<(&QuotaPolicyRow, Vec<Span>)> = by_policy
                    .into_iter()
                    .filter_map(|(policy_id, spans)| policies.get(&policy_id).map(|p| (p, spans)))
                    .collect();
                let under: Vec<rules::Seats> = found
                    .iter()
                    .map(|(p, spans)| rules::Seats {
                        min_per_year: p.min_per_year,
                        in_force: p.span(),
                        assignments: spans,
                    })
                    .collect();
                let Some((i, required)) = rules::required_in_year(year, &under) else { continue };
                let policy = found[i].0;
                people.insert(
                    person_id.clone(),
                    QuotaView {
                        person_id,
                        name,
                        level: policy.level,
                        level_label: policy.level.label().into(),
                        document: policy.document.clone(),
                        required,
                        attended: 0,
                        shortfall: 0,
                    },
                );
            }
            let mut people: Vec<QuotaView> = people
                .into_values()
                .map(|mut v| {
                    v.attended = attended_in_year.get(&v.person_id).copied().unwrap_or(0);
                    v.shortfall = rules::shortfall(v.required, v.attended);
                    v
                })
                .collect();
            people.sort_by(|a, b| b.shortfall.cmp(&a.shortfall).then_with(|| a.name.cmp(&b.name)));
            let mut cells: Vec<CellSuperiors> = cells.into_values().collect();
            cells.sort_by(|a, b| b.attendances.cmp(&a.attendances).then_with(|| a.org_name.cmp(&b.org_name)));
            Ok(SuperiorReport {
                from,
                to,
                year,
                total_attendances: total,
                all_attendances: all,
                people,
                cells,
                can_set_quota,
            })
        })
    }
}

impl Tx<'_> {
    /// Records a quota policy. Only those who see the whole tree may.
    pub fn add_quota_policy(&mut self, actor: &Actor, input: QuotaPolicyInput) -> AppResult<String> {
        let conn = &mut *self.conn;
        access::whole_tree(actor, Permission::WriteOrgs)?;
        let (document, issued_on, valid_from, valid_to, level, ()) = (
            required_text("document", "số văn bản", &input.document),
            required_date("issued_on", "ngày ban hành", &input.issued_on),
            required_date("valid_from", "ngày hiệu lực", &input.valid_from),
            optional_date("valid_to", "ngày hết hiệu lực", input.valid_to.as_deref()),
            chosen(
                "level",
                "Cần chọn đối tượng áp dụng định mức.",
                QuotaLevel::from_code(input.level.trim()),
            ),
            input::rule(rules::check_minimum(input.min_per_year)),
        )
            .all()?;
        Span { from: valid_from, to: valid_to }.check().map_err(AppError::invalid)?;
        let row = QuotaPolicyRow {
            id: new_id(),
            document,
            issued_on,
            issuer: input.issuer.trim().into(),
            level,
            min_per_year: input.min_per_year,
            valid_from,
            valid_to,
            created_at: now(),
        };
        store::insert_policy(conn, &row)?;
        audit::record(conn, actor, "create", "quota_policy", &row.id, audit::NONE, Some(&row))?;
        Ok(row.id)
    }

    /// Assigns a committee member to follow a cell under a quota policy.
    pub fn assign_superior(&mut self, actor: &Actor, input: AssignmentInput) -> AppResult<String> {
        let conn = &mut *self.conn;
        let (valid_from, valid_to, decision) = (
            required_date("valid_from", "ngày bắt đầu", &input.valid_from),
            optional_date("valid_to", "ngày kết thúc", input.valid_to.as_deref()),
            required_text("decision_number", "số quyết định phân công", &input.decision_number),
        )
            .all()?;
        Span { from: valid_from, to: valid_to }.check().map_err(AppError::invalid)?;
        let cell = cell_on(conn, "cell_code", &input.cell_code, valid_from)?;
        let grant = access::org(conn, actor, Permission::WriteOrgs, &cell)?;
        let person_id = crate::members::person_of(conn, input.person_id.trim())?
            .ok_or_else(|| AppError::field("person_id", "Không tìm thấy cấp ủy viên này."))?;
        let policy = store::policies(conn)?
            .into_iter()
            .find(|p| p.id == input.policy_id.trim())
            .ok_or_else(|| AppError::field("policy_id", "Cần chọn văn bản quy định định mức."))?;
        let row = AssignmentRow {
            id: new_id(),
            person_id,
            org_id: grant.org_id().clone(),
            quota_policy_id: policy.id,
            decision_number: decision,
            valid_from,
            valid_to,
            created_at: now(),
        };
        store::insert_assignment(conn, &row)?;
        store::mark_assigned(conn, &row.person_id, &row.org_id, row.valid_from, row.valid_to)?;
        audit::record(conn, actor, "create", "superior_assignment", &row.id, audit::NONE, Some(&row))?;
        Ok(row.id)
    }
}

/// Someone cell's minutes may list as a superior on a day: assigned to follow it, or
/// holding `seat` (role, organization) on a committee above it.
pub(crate) struct Listable {
    pub person_id: PersonId,
    pub full_name: String,
    pub assigned: bool,
    pub seat: Option<(coso_domain::position::PositionRole, OrgId)>,
}

/// Who cell `cell` may list as superiors at its meeting on `on` (Quy định 1764-QĐ/TU,
/// domain.md §5): those assigned to follow it that day, then the members of the committees
/// above it, nearest first. Each person once. The form's candidates and the check on saved
/// minutes both read this one list.
pub(crate) fn listable(
    conn: &mut coso_store::DbConnection,
    cell: &coso_store::orgs::OrgAt,
    on: NaiveDate,
) -> AppResult<Vec<Listable>> {
    let mut out: Vec<Listable> = Vec::new();
    for (a, full_name) in store::assignments_to(conn, &cell.org.id)? {
        if a.span().contains(on) && !out.iter().any(|l| l.person_id == a.person_id) {
            out.push(Listable { person_id: a.person_id, full_name, assigned: true, seat: None });
        }
    }
    for org_id in ancestors(cell) {
        for (p, full_name) in coso_store::positions::of_org(conn, &org_id)? {
            if p.span().contains(on) && !out.iter().any(|l| l.person_id == p.person_id) {
                out.push(Listable {
                    person_id: p.person_id,
                    full_name,
                    assigned: false,
                    seat: Some((p.role, org_id.clone())),
                });
            }
        }
    }
    Ok(out)
}

/// The organizations above a cell, nearest first.
fn ancestors(cell: &coso_store::orgs::OrgAt) -> Vec<OrgId> {
    let mut above: Vec<OrgId> = cell
        .version
        .path
        .split('/')
        .filter(|s| !s.is_empty() && *s != cell.org.id.as_str())
        .map(OrgId::from)
        .collect();
    above.reverse();
    above
}
