//! Member registers received (issue 12): a file to import, kept from its preview to its
//! confirmation, or a register from another level to reconcile with, and the differences of a
//! reconciliation explained.
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::OrgId;
use diesel::prelude::*;

use crate::schema::{reconciliation_notes, register_files};
use crate::{DbConnection, StoreResult};

/// What a kept file is for.
pub const IMPORT: &str = "import";
pub const RECONCILE: &str = "reconcile";

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = register_files)]
pub struct RegisterFileRow {
    pub id: String,
    pub org_id: OrgId,
    /// [`IMPORT`] or [`RECONCILE`].
    pub purpose: String,
    pub as_of: NaiveDate,
    pub file_name: String,
    pub content: Vec<u8>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = reconciliation_notes)]
pub struct NoteRow {
    pub file_id: String,
    pub member_key: String,
    pub field: String,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &RegisterFileRow) -> StoreResult<()> {
    diesel::insert_into(register_files::table).values(row).execute(conn)?;
    Ok(())
}

/// A kept file for a purpose.
pub fn get(conn: &mut DbConnection, id: &str, purpose: &str) -> StoreResult<Option<RegisterFileRow>> {
    Ok(register_files::table.find(id).filter(register_files::purpose.eq(purpose)).first(conn).optional()?)
}

/// Forgets a file kept for an import once it is written: the members it held are in the
/// register and the trail.
pub fn delete(conn: &mut DbConnection, id: &str) -> StoreResult<()> {
    diesel::delete(register_files::table.find(id)).execute(conn)?;
    Ok(())
}

/// A difference explained; explaining it again replaces the note.
pub fn put_note(conn: &mut DbConnection, row: &NoteRow) -> StoreResult<()> {
    diesel::delete(reconciliation_notes::table.find((&row.file_id, &row.member_key, &row.field)))
        .execute(conn)?;
    diesel::insert_into(reconciliation_notes::table).values(row).execute(conn)?;
    Ok(())
}

pub fn notes(conn: &mut DbConnection, file_id: &str) -> StoreResult<Vec<NoteRow>> {
    Ok(reconciliation_notes::table.filter(reconciliation_notes::file_id.eq(file_id)).load(conn)?)
}
