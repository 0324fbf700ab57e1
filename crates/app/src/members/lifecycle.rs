//! Lifecycle events of a membership, checked by the domain's state machine.
use chrono::NaiveDate;
use coso_domain::Violation;
use coso_domain::access::Permission;
use coso_domain::id::MembershipId;
use coso_domain::member::{self as rules, LeavingGround, MemberEventKind, MemberState};
use coso_store::members::{self as store, MembershipEventRow, MembershipRow, PeriodRow};
use coso_store::{DbConnection, new_id, now};

use crate::access::{self, OrgGrant};
use crate::input::{self, All, chosen, optional_date, past_date, required_text};

use crate::{Actor, App, AppError, AppResult, Tx, audit};

use super::{EventInput, MemberEventView, clean, member_org};
use crate::orgs::cell_on;

/// What an event rests on beyond its kind, date and decision.
#[derive(Debug, Default)]
struct Grounds {
    decision: String,
    note: String,
    ground: Option<LeavingGround>,
    approval: String,
    record_cleared_on: Option<NaiveDate>,
}

/// Writes one lifecycle event: checks it with the state machine (and a re-admission with its
/// conditions), updates the record, closes the open period and opens the next. A move to
/// another unit needs the grant to write there.
fn write_event(
    conn: &mut DbConnection,
    m: &mut MembershipRow,
    kind: MemberEventKind,
    on: NaiveDate,
    to: Option<&OrgGrant>,
    g: Grounds,
) -> AppResult<MembershipEventRow> {
    let state = MemberState {
        status: m.status,
        admitted_on: m.admitted_on,
        last_event_on: m.last_event_on,
        confirmed: m.official_on.is_some(),
    };
    let status = rules::apply_event(&state, kind, on).map_err(AppError::invalid)?;
    if kind == MemberEventKind::Readmission {
        let history = store::events(conn, &m.id)?;
        let left = history.iter().rev().find(|e| e.kind.leaving_form().is_some());
        let case = rules::ReadmissionCase {
            left_on: left.map_or(m.last_event_on, |e| e.occurred_on),
            ground: left.and_then(|e| e.ground),
            record_cleared_on: g.record_cleared_on,
            consent: &g.approval,
            readmitted_before: history.iter().any(|e| e.kind == MemberEventKind::Readmission),
        };
        input::rules(rules::check_readmission(&case, on)).map_err(AppError::Invalid)?;
    }
    let from_org = m.org_id.clone();
    if let Some(to) = to {
        if kind == MemberEventKind::TransferInternal && *to.org_id() == m.org_id {
            return Err(AppError::field("to_org_code", "Đảng viên đang sinh hoạt ở chính chi bộ này."));
        }
        m.org_id = to.org_id().clone();
    }
    match kind {
        // Official from the end of probation, whenever the decision comes (29-QĐ/TW mục 4).
        MemberEventKind::Confirmation => m.official_on = Some(rules::official_date(m.admitted_on)),
        MemberEventKind::Readmission => {
            m.admitted_on = on;
            m.official_on = None;
        }
        _ => {}
    }
    m.status = status;
    m.last_event_on = on;
    m.updated_at = now();
    store::update_membership(conn, m)?;
    store::close_open_period(conn, &m.id, on)?;
    store::insert_period(
        conn,
        &PeriodRow {
            id: new_id(),
            membership_id: m.id.clone(),
            org_id: m.org_id.clone(),
            status: m.status,
            valid_from: on,
            valid_to: None,
        },
    )?;
    let row = MembershipEventRow {
        id: new_id(),
        membership_id: m.id.clone(),
        kind,
        occurred_on: on,
        decision_number: g.decision,
        from_org_id: Some(from_org),
        to_org_id: to.map(|t| t.org_id().clone()),
        status_after: m.status,
        note: g.note,
        created_at: now(),
        ground: g.ground,
        approval: g.approval,
        record_cleared_on: g.record_cleared_on,
    };
    store::insert_event(conn, &row)?;
    Ok(row)
}

/// A member follows their cell when it is merged into another.
pub(crate) fn transfer_for_reorganization(
    conn: &mut DbConnection,
    actor: &Actor,
    m: &mut MembershipRow,
    target: &OrgGrant,
    on: NaiveDate,
    decision: &str,
) -> AppResult<()> {
    let before = m.clone();
    let grounds =
        Grounds {
            decision: decision.into(), note: "Theo sắp xếp tổ chức".into(), ..Grounds::default()
        };
    write_event(conn, m, MemberEventKind::TransferInternal, on, Some(target), grounds)?;
    audit::record(conn, actor, "event.transfer_internal", "membership", &m.id, Some(&before), Some(&*m))
}

/// A member expelled by a discipline decision: the membership ends through the lifecycle,
/// dated and numbered as the decision.
pub(crate) fn expel(
    conn: &mut DbConnection,
    actor: &Actor,
    m: &mut MembershipRow,
    on: NaiveDate,
    decision: &str,
) -> AppResult<()> {
    let before = m.clone();
    let grounds =
        Grounds { decision: decision.into(), note: "Kỷ luật khai trừ".into(), ..Grounds::default() };
    write_event(conn, m, MemberEventKind::Expulsion, on, None, grounds)?;
    audit::record(conn, actor, "event.expulsion", "membership", &m.id, Some(&before), Some(&*m))
}

impl App {
    /// Records a lifecycle event; refused with a Vietnamese reason if the statute forbids it.
    pub fn record_member_event(
        &self,
        actor: &Actor,
        id: &MembershipId,
        input: EventInput,
    ) -> AppResult<MemberEventView> {
        self.transaction(|tx| tx.record_member_event(actor, id, input))
    }
}

impl Tx<'_> {
    /// Records a lifecycle event; refused with a Vietnamese reason if the statute forbids it.
    pub fn record_member_event(
        &mut self,
        actor: &Actor,
        id: &MembershipId,
        input: EventInput,
    ) -> AppResult<MemberEventView> {
        let conn = &mut *self.conn;
        let kind = chosen(
            "kind",
            "Cần chọn loại sự kiện.",
            MemberEventKind::from_code(input.kind.trim()).filter(|k| k.follows_existing()),
        );
        let to_code = clean(input.to_org_code.as_deref());
        let target_named = match (&kind, &to_code) {
            (Ok(k), None) if k.needs_target_org() => {
                Err(vec![Violation::on("to_org_code", "Cần chọn chi bộ chuyển đến.")])
            }
            _ => Ok(()),
        };
        // A ground is for a leaving (xóa tên, khai trừ, xin ra khỏi Đảng).
        let ground = match clean(input.ground.as_deref()) {
            None => Ok(None),
            Some(code) => match (LeavingGround::from_code(&code), &kind) {
                (Some(g), Ok(k)) if k.leaving_form().is_some() => Ok(Some(g)),
                (Some(_), Ok(_)) => Err(vec![Violation::on(
                    "ground",
                    "Lý do ra khỏi Đảng chỉ ghi khi xóa tên, khai trừ hoặc xin ra.",
                )]),
                (Some(_), Err(_)) => Err(Vec::new()),
                (None, _) => {
                    Err(vec![Violation::on("ground", "Cần chọn lý do ra khỏi Đảng trong danh sách.")])
                }
            },
        };
        let (kind, on, decision, record_cleared_on, ground, ()) = (
            kind,
            past_date("occurred_on", "ngày sự kiện", &input.occurred_on),
            required_text("decision_number", "số quyết định", &input.decision_number),
            optional_date("record_cleared_on", "ngày được xóa án tích", input.record_cleared_on.as_deref()),
            ground,
            target_named,
        )
            .all()?;
        let note = input.note.unwrap_or_default().trim().to_string();
        {
            let mut m = store::membership(conn, id)?.ok_or_else(|| AppError::NotFound("đảng viên".into()))?;
            let unit = member_org(conn, &m)?;
            access::org(conn, actor, Permission::WriteMembers, &unit)?;
            let target = match (&to_code, kind.needs_target_org()) {
                (Some(code), true) => {
                    let cell = cell_on(conn, "to_org_code", code, on)?;
                    let grant = access::org(conn, actor, Permission::WriteMembers, &cell)?;
                    Some((cell, grant))
                }
                _ => None,
            };
            let before = m.clone();
            let grounds = Grounds {
                decision,
                note,
                ground,
                approval: clean(input.approval.as_deref()).unwrap_or_default(),
                record_cleared_on,
            };
            let row = write_event(conn, &mut m, kind, on, target.as_ref().map(|(_, g)| g), grounds)?;
            audit::record(
                conn,
                actor,
                &format!("event.{}", kind.code()),
                "membership",
                &m.id,
                Some(&before),
                Some(&m),
            )?;
            Ok(MemberEventView {
                kind: row.kind,
                label: kind.label().into(),
                occurred_on: on,
                decision_number: row.decision_number,
                from_org: None,
                to_org: target.map(|(cell, _)| cell.version.name),
                status_after_label: m.status.label().into(),
                note: row.note,
                ground: row.ground.map(|g| g.label().into()),
                approval: row.approval,
            })
        }
    }
}
