//! Positions in organizations' committees: who is secretary, deputy, committee member, when.
use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::date::Span;
use coso_domain::id::{OrgId, PersonId};
use coso_domain::position::{self as rules, Held, PositionRole};
use coso_store::positions::{self as store, PositionRow};
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use crate::access;
use crate::input::{All, chosen, optional_date, required_date, required_text};
use crate::orgs::{OfficerView, name_of, org_on};
use crate::{Actor, App, AppError, AppResult, Tx, audit};

/// A position as the member page shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PositionView {
    pub org_name: String,
    pub role_label: String,
    #[schema(value_type = String, format = Date)]
    pub valid_from: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_to: Option<NaiveDate>,
    pub decision_number: String,
}

/// A position to record.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PositionInput {
    /// The membership id of the holder.
    pub member_id: String,
    pub role: String,
    pub valid_from: String,
    #[serde(default)]
    pub valid_to: Option<String>,
    pub decision_number: String,
}

/// An organization's committee as it is listed on `on`: those in office that day first, in
/// protocol order (Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ, cấp ủy viên) and then by given
/// name, as Vietnamese lists are ordered; then the seats of other terms, the newest first.
pub(crate) fn officers_of(
    conn: &mut DbConnection,
    org_id: &OrgId,
    on: NaiveDate,
) -> AppResult<Vec<OfficerView>> {
    let mut officers: Vec<OfficerView> = store::of_org(conn, org_id)?
        .into_iter()
        .map(|(p, full_name)| OfficerView {
            in_office: p.span().contains(on),
            person_id: p.person_id,
            full_name,
            role_label: p.role.label().into(),
            role: p.role,
            valid_from: p.valid_from,
            valid_to: p.valid_to,
            decision_number: p.decision_number,
        })
        .collect();
    officers.sort_by(|a, b| {
        b.in_office.cmp(&a.in_office).then_with(|| {
            if a.in_office {
                a.role.rank().cmp(&b.role.rank()).then_with(|| given_name_order(&a.full_name, &b.full_name))
            } else {
                b.valid_from.cmp(&a.valid_from).then_with(|| a.role.rank().cmp(&b.role.rank()))
            }
        })
    });
    Ok(officers)
}

/// Two names as a Vietnamese list orders them: by the given name (the last word), then whole.
fn given_name_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |n: &str| {
        let folded = coso_domain::text::fold(n);
        (folded.rsplit(' ').next().unwrap_or_default().to_string(), folded)
    };
    key(a).cmp(&key(b))
}

pub(crate) fn positions_of_person(
    conn: &mut DbConnection,
    person_id: &PersonId,
) -> AppResult<Vec<PositionView>> {
    let mut out = Vec::new();
    for p in store::of_person(conn, person_id)? {
        out.push(PositionView {
            org_name: name_of(conn, &p.org_id, p.valid_from)?.unwrap_or_default(),
            role_label: p.role.label().into(),
            valid_from: p.valid_from,
            valid_to: p.valid_to,
            decision_number: p.decision_number,
        });
    }
    Ok(out)
}

impl App {
    /// Records that a member holds a position in organization `code`; refuses overlaps.
    pub fn add_position(&self, actor: &Actor, code: &str, input: PositionInput) -> AppResult<()> {
        self.transaction(|tx| tx.add_position(actor, code, input))
    }
}

impl Tx<'_> {
    /// Records that a member holds a position in organization `code`; refuses overlaps.
    pub fn add_position(&mut self, actor: &Actor, code: &str, input: PositionInput) -> AppResult<()> {
        let conn = &mut *self.conn;
        let (role, from, to, decision) = (
            chosen("role", "Cần chọn chức vụ.", PositionRole::from_code(input.role.trim())),
            required_date("valid_from", "ngày bắt đầu", &input.valid_from),
            optional_date("valid_to", "ngày kết thúc", input.valid_to.as_deref()),
            required_text("decision_number", "số quyết định", &input.decision_number),
        )
            .all()?;
        let span = Span { from, to };
        {
            let org = org_on(conn, code, from)?;
            let grant = access::org(conn, actor, Permission::WriteOrgs, &org)?;
            let m = coso_store::members::membership(conn, &input.member_id.as_str().into())?
                .ok_or_else(|| AppError::field("member_id", "Không tìm thấy đảng viên này."))?;
            let holder_cell = coso_store::members::period_on(conn, &m.id, from)?
                .filter(|p| p.status.on_roll())
                .map(|p| coso_store::orgs::version_on(conn, &p.org_id, from))
                .transpose()?
                .flatten();
            if !holder_cell.is_some_and(|v| coso_domain::org::in_subtree(&v.path, &org.version.path)) {
                return Err(AppError::field(
                    "member_id",
                    format!(
                        "Người này không sinh hoạt trong {} vào ngày {}.",
                        org.version.name,
                        coso_domain::date::format(from)
                    ),
                ));
            }
            let existing: Vec<Held> = store::of_org_role(conn, &org.org.id, role.code())?
                .iter()
                .map(|p| Held { same_person: p.person_id == m.person_id, role, span: p.span() })
                .collect();
            rules::check_position(role, span, &existing).map_err(AppError::invalid)?;
            let row = PositionRow {
                id: new_id(),
                person_id: m.person_id.clone(),
                org_id: grant.org_id().clone(),
                role,
                valid_from: from,
                valid_to: to,
                decision_number: decision.clone(),
                created_at: now(),
            };
            store::insert(conn, &row)?;
            audit::record(conn, actor, "create", "position", &row.id, audit::NONE, Some(&row))
        }
    }
}
