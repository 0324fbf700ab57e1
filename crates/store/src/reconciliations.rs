//! Reconciliations of a unit's member register with a file from another level (issue 12):
//! the file kept, and the differences explained.
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::OrgId;
use diesel::prelude::*;

use crate::schema::{reconciliation_notes, reconciliations};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = reconciliations)]
pub struct ReconciliationRow {
    pub id: String,
    pub org_id: OrgId,
    pub as_of: NaiveDate,
    pub file_name: String,
    pub content: Vec<u8>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = reconciliation_notes)]
pub struct NoteRow {
    pub reconciliation_id: String,
    pub member_key: String,
    pub field: String,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &ReconciliationRow) -> StoreResult<()> {
    diesel::insert_into(reconciliations::table).values(row).execute(conn)?;
    Ok(())
}

pub fn get(conn: &mut DbConnection, id: &str) -> StoreResult<Option<ReconciliationRow>> {
    Ok(reconciliations::table.find(id).first(conn).optional()?)
}

/// A difference explained; explaining it again replaces the note.
pub fn put_note(conn: &mut DbConnection, row: &NoteRow) -> StoreResult<()> {
    diesel::delete(reconciliation_notes::table.find((&row.reconciliation_id, &row.member_key, &row.field)))
        .execute(conn)?;
    diesel::insert_into(reconciliation_notes::table).values(row).execute(conn)?;
    Ok(())
}

pub fn notes(conn: &mut DbConnection, reconciliation_id: &str) -> StoreResult<Vec<NoteRow>> {
    Ok(reconciliation_notes::table
        .filter(reconciliation_notes::reconciliation_id.eq(reconciliation_id))
        .load(conn)?)
}
