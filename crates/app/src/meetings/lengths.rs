//! The length a competent committee sets, by its decision, for a cell with few members
//! (Hướng dẫn 42-HD/BTCTW). Meetings of that cell held under 42-HD are judged by it.
use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::date::Span;
use coso_domain::meeting as rules;
use coso_store::meetings::{self as store, CellLengthRow};
use coso_store::{new_id, now};
use serde::{Deserialize, Serialize};

use crate::access;
use crate::input::{self, All, optional_date, required_date, required_text};
use crate::orgs::cell_on;
use crate::{Actor, App, AppError, AppResult, Tx, audit};

/// A cell's own meeting length, as the form and the API send it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CellLengthInput {
    /// Minutes for a regular, thematic or extraordinary meeting.
    pub min_minutes: i32,
    /// Minutes when regular and thematic are combined.
    pub min_combined_minutes: i32,
    /// The committee's decision, e.g. "Quyết định 25-QĐ/ĐU".
    pub decision: String,
    /// The first day it applies.
    pub in_force_from: String,
    /// The day it no longer applies; empty while in force.
    pub in_force_to: Option<String>,
}

/// A length set for a cell, as its page lists it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CellLengthView {
    pub min_minutes: i32,
    pub min_combined_minutes: i32,
    pub decision: String,
    #[schema(value_type = String, format = Date)]
    pub valid_from: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_to: Option<NaiveDate>,
    /// In force on the day asked.
    pub current: bool,
}

impl App {
    /// Records the length cell `code`'s committee set for it; all or nothing.
    pub fn set_cell_length(&self, actor: &Actor, code: &str, input: CellLengthInput) -> AppResult<String> {
        self.transaction(|tx| tx.set_cell_length(actor, code, input))
    }

    /// The lengths set for cell `code`, newest first; `current` tells which is in force on `on`.
    pub fn cell_lengths(&self, actor: &Actor, code: &str, on: NaiveDate) -> AppResult<Vec<CellLengthView>> {
        self.db.read(|conn| {
            let cell = cell_on(conn, "org", code, on)?;
            let grant = access::org(conn, actor, Permission::ReadMeetings, &cell)?;
            let mut rows = store::cell_lengths_of(conn, std::slice::from_ref(grant.org_id()))?;
            rows.reverse();
            Ok(rows
                .into_iter()
                .map(|l| CellLengthView {
                    current: l.rule().span.contains(on),
                    min_minutes: l.min_minutes,
                    min_combined_minutes: l.min_combined_minutes,
                    decision: l.decision,
                    valid_from: l.valid_from,
                    valid_to: l.valid_to,
                })
                .collect())
        })
    }
}

impl Tx<'_> {
    /// Records the length cell `code`'s committee set for it. Those who manage the cell's
    /// organization may (the committee above it); the setting may not overlap another.
    pub fn set_cell_length(
        &mut self,
        actor: &Actor,
        code: &str,
        input: CellLengthInput,
    ) -> AppResult<String> {
        let conn = &mut *self.conn;
        let valid_from = required_date("in_force_from", "ngày áp dụng", &input.in_force_from);
        let found =
            rules::check_cell_length(input.min_minutes, input.min_combined_minutes, valid_from.clone().ok());
        let (decision, valid_from, valid_to, ()) = (
            required_text("decision", "quyết định của cấp ủy", &input.decision),
            valid_from,
            optional_date("in_force_to", "ngày thôi áp dụng", input.in_force_to.as_deref()),
            input::rules(found),
        )
            .all()?;
        let span = Span { from: valid_from, to: valid_to };
        span.check().map_err(|v| AppError::field("in_force_to", v.message))?;
        let cell = cell_on(conn, "org", code, valid_from)?;
        let grant = access::org(conn, actor, Permission::WriteOrgs, &cell)?;
        let existing = store::cell_lengths_of(conn, std::slice::from_ref(grant.org_id()))?;
        if let Some(other) = existing.iter().find(|l| l.rule().span.overlaps(&span)) {
            return Err(AppError::field(
                "in_force_from",
                format!(
                    "Chi bộ đã có thời lượng riêng theo {} từ {}; hãy cho quyết định cũ thôi áp dụng trước.",
                    other.decision,
                    coso_domain::date::format(other.valid_from)
                ),
            ));
        }
        let row = CellLengthRow {
            id: new_id(),
            org_id: grant.org_id().clone(),
            min_minutes: input.min_minutes,
            min_combined_minutes: input.min_combined_minutes,
            decision,
            valid_from,
            valid_to,
            created_at: now(),
        };
        store::insert_cell_length(conn, &row)?;
        audit::record(conn, actor, "create", "cell_length", &row.id, audit::NONE, Some(&row))?;
        Ok(row.id)
    }
}
