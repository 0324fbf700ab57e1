//! The audit trail as people read it: who did what to which record, and when, including who
//! looked at a member's record and who took a file away (issue 7: personal data).
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::access::Permission;
use serde::Serialize;

use crate::{Actor, App, AppResult, access};

/// One line of the trail.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TrailEntry {
    #[schema(value_type = String, format = DateTime)]
    pub at: NaiveDateTime,
    pub actor: String,
    /// create, update, delete, view, export, login, login_refused, logout, …
    pub action: String,
    pub entity: String,
    pub entity_id: String,
}

/// Which lines of the trail to show.
#[derive(Debug, Clone, Default)]
pub struct TrailQuery {
    /// `member` reads as `membership`, the record a member's data lives in.
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub since: Option<NaiveDate>,
    /// At most this many lines, the newest; none or more than [`TRAIL_LIMIT`] reads as
    /// [`TRAIL_LIMIT`].
    pub limit: Option<u32>,
}

/// The most lines one look at the trail returns.
pub const TRAIL_LIMIT: u32 = 10_000;

impl App {
    /// The audit trail, newest first. Reading it is the city board's and the administrator's.
    pub fn audit_trail(&self, actor: &Actor, query: &TrailQuery) -> AppResult<Vec<TrailEntry>> {
        access::whole_tree(actor, Permission::ReadAudit)?;
        let entity = query.entity.as_deref().map(|e| if e == "member" { "membership" } else { e });
        let since = query.since.and_then(|d| d.and_hms_opt(0, 0, 0));
        let limit = i64::from(query.limit.map_or(TRAIL_LIMIT, |n| n.min(TRAIL_LIMIT)));
        let rows = self
            .db
            .read(|conn| coso_store::audit::trail(conn, entity, query.entity_id.as_deref(), since, limit))?;
        Ok(rows
            .into_iter()
            .map(|r| TrailEntry {
                at: r.at,
                actor: r.actor_name,
                action: r.action,
                entity: r.entity,
                entity_id: r.entity_id,
            })
            .collect())
    }

    /// Records that `actor` looked at or took away a record (a view or an export).
    pub(crate) fn log_access(&self, actor: &Actor, action: &str, entity: &str, id: &str) -> AppResult<()> {
        self.db.write(|conn| {
            crate::audit::record(conn, actor, action, entity, id, crate::audit::NONE, crate::audit::NONE)
        })
    }
}
