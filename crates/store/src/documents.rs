//! Directive documents (domain.md §10): the registry of party and state documents and what
//! each governs.
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::OrgId;
use coso_domain::plan::Governs;
use diesel::prelude::*;

use crate::schema::{document_links, documents};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = documents, treat_none_as_default_value = false)]
pub struct DocumentRow {
    pub id: String,
    /// As written, in NFC: "1764-QĐ/TU".
    pub number: String,
    /// `party` or `state`.
    pub style: String,
    pub type_code: String,
    /// "Quy định", "Kế hoạch": the kind as the document names itself.
    pub type_name: String,
    pub issuer_code: String,
    pub serial: i32,
    /// The issuing body by name: "Ban Thường vụ Tỉnh ủy Lạng Sơn".
    pub issuer_name: String,
    pub issuer_org_id: Option<OrgId>,
    pub issued_on: NaiveDate,
    pub title: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = document_links)]
pub struct LinkRow {
    pub document_id: String,
    pub subject: Governs,
    /// What is governed, by its code or id: a quota level, a pilot's id, a plan's id.
    pub subject_ref: String,
}

pub fn insert_document(conn: &mut DbConnection, row: &DocumentRow) -> StoreResult<()> {
    diesel::insert_into(documents::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_link(conn: &mut DbConnection, row: &LinkRow) -> StoreResult<()> {
    diesel::insert_into(document_links::table).values(row).execute(conn)?;
    Ok(())
}

pub fn document(conn: &mut DbConnection, id: &str) -> StoreResult<Option<DocumentRow>> {
    Ok(documents::table.find(id).first(conn).optional()?)
}

/// The documents with this issuing body, type, serial and date: at most one.
pub fn same_document(
    conn: &mut DbConnection,
    issuer_name: &str,
    type_code: &str,
    serial: i32,
    issued_on: NaiveDate,
) -> StoreResult<Option<DocumentRow>> {
    Ok(documents::table
        .filter(documents::issuer_name.eq(issuer_name))
        .filter(documents::type_code.eq(type_code))
        .filter(documents::serial.eq(serial))
        .filter(documents::issued_on.eq(issued_on))
        .first(conn)
        .optional()?)
}

/// Documents issued between two days (inclusive), by date; optionally of one type, or whose
/// number starts with `number` (as written, NFC).
pub fn issued_between(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
    type_code: Option<&str>,
    number: Option<&str>,
) -> StoreResult<Vec<DocumentRow>> {
    let mut query = documents::table
        .filter(documents::issued_on.ge(from))
        .filter(documents::issued_on.le(to))
        .into_boxed();
    if let Some(t) = type_code {
        query = query.filter(documents::type_code.eq(t.to_string()));
    }
    if let Some(n) = number {
        query = query.filter(documents::number.like(format!("{}%", n.replace(['%', '_'], ""))));
    }
    Ok(query.order((documents::issued_on.asc(), documents::number.asc())).load(conn)?)
}

/// The documents with this number as written, newest first (the same number recurs by term).
pub fn by_number(conn: &mut DbConnection, number: &str) -> StoreResult<Vec<DocumentRow>> {
    Ok(documents::table.filter(documents::number.eq(number)).order(documents::issued_on.desc()).load(conn)?)
}

pub fn links_of(conn: &mut DbConnection, document_id: &str) -> StoreResult<Vec<LinkRow>> {
    Ok(document_links::table
        .filter(document_links::document_id.eq(document_id))
        .order((document_links::subject.asc(), document_links::subject_ref.asc()))
        .load(conn)?)
}

/// The documents governing one subject, oldest first.
pub fn governing(
    conn: &mut DbConnection,
    subject: Governs,
    subject_ref: &str,
) -> StoreResult<Vec<DocumentRow>> {
    Ok(documents::table
        .inner_join(document_links::table)
        .filter(document_links::subject.eq(subject))
        .filter(document_links::subject_ref.eq(subject_ref))
        .order(documents::issued_on.asc())
        .select(DocumentRow::as_select())
        .load(conn)?)
}
