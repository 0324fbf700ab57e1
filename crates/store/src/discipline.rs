//! Inspection and supervision cases and discipline decisions (domain.md §9).
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::discipline::{DisciplineForm, InspectionKind};
use coso_domain::id::{MembershipId, OrgId};
use diesel::prelude::*;

use crate::schema::{disciplines, inspections, org_versions};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = inspections, treat_none_as_default_value = false)]
pub struct InspectionRow {
    pub id: String,
    pub kind: InspectionKind,
    /// The organization inspected, or the member's cell.
    pub org_id: OrgId,
    pub membership_id: Option<MembershipId>,
    /// The committee (or its inspection commission) that holds the case.
    pub by_org_id: OrgId,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub findings: String,
    pub conclusion: String,
    pub follow_up: String,
    pub concluded_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = disciplines, treat_none_as_default_value = false)]
pub struct DisciplineRow {
    pub id: String,
    /// The organization disciplined, or the member's cell.
    pub org_id: OrgId,
    pub membership_id: Option<MembershipId>,
    pub form: DisciplineForm,
    pub decided_on: NaiveDate,
    pub by_org_id: OrgId,
    pub document: String,
    pub reason: String,
    /// The violation was found and remedied by the subject first (124-QĐ/TW).
    pub self_detected: bool,
    pub inspection_id: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert_inspection(conn: &mut DbConnection, row: &InspectionRow) -> StoreResult<()> {
    diesel::insert_into(inspections::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_discipline(conn: &mut DbConnection, row: &DisciplineRow) -> StoreResult<()> {
    diesel::insert_into(disciplines::table).values(row).execute(conn)?;
    Ok(())
}

pub fn inspection(conn: &mut DbConnection, id: &str) -> StoreResult<Option<InspectionRow>> {
    Ok(inspections::table.find(id).first(conn).optional()?)
}

/// Cases about organizations under `root_path` (as the tree stands on `on`), newest first.
pub fn inspections_under(
    conn: &mut DbConnection,
    root_path: &str,
    on: NaiveDate,
) -> StoreResult<Vec<InspectionRow>> {
    let end = coso_domain::org::subtree_end(root_path);
    Ok(inspections::table
        .inner_join(org_versions::table.on(version_on!(inspections::org_id, on)))
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .order((inspections::period_from.desc(), inspections::id.asc()))
        .select(InspectionRow::as_select())
        .load(conn)?)
}

/// Decisions about organizations or members under `root_path` (as the tree stands on `on`),
/// newest first.
pub fn disciplines_under(
    conn: &mut DbConnection,
    root_path: &str,
    on: NaiveDate,
) -> StoreResult<Vec<DisciplineRow>> {
    let end = coso_domain::org::subtree_end(root_path);
    Ok(disciplines::table
        .inner_join(org_versions::table.on(version_on!(disciplines::org_id, on)))
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .order((disciplines::decided_on.desc(), disciplines::id.asc()))
        .select(DisciplineRow::as_select())
        .load(conn)?)
}

/// Decisions about the given members between two days (inclusive).
pub fn of_members_between(
    conn: &mut DbConnection,
    ids: &[MembershipId],
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<DisciplineRow>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            disciplines::table
                .filter(disciplines::membership_id.eq_any(chunk))
                .filter(disciplines::decided_on.ge(from))
                .filter(disciplines::decided_on.le(to))
                .load::<DisciplineRow>(conn)?,
        );
    }
    Ok(out)
}

/// Decisions about the given organizations themselves between two days (inclusive).
pub fn of_orgs_between(
    conn: &mut DbConnection,
    ids: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<DisciplineRow>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            disciplines::table
                .filter(disciplines::org_id.eq_any(chunk))
                .filter(disciplines::membership_id.is_null())
                .filter(disciplines::decided_on.ge(from))
                .filter(disciplines::decided_on.le(to))
                .load::<DisciplineRow>(conn)?,
        );
    }
    Ok(out)
}

/// Decisions about members who are the given persons between two days (inclusive): the
/// discipline of a committee's officers.
pub fn of_persons_between(
    conn: &mut DbConnection,
    person_ids: &[coso_domain::id::PersonId],
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<DisciplineRow>> {
    use crate::schema::memberships;
    let mut out = Vec::new();
    for chunk in person_ids.chunks(500) {
        out.extend(
            disciplines::table
                .inner_join(memberships::table.on(disciplines::membership_id.eq(memberships::id.nullable())))
                .filter(memberships::person_id.eq_any(chunk))
                .filter(disciplines::decided_on.ge(from))
                .filter(disciplines::decided_on.le(to))
                .select(DisciplineRow::as_select())
                .load::<DisciplineRow>(conn)?,
        );
    }
    Ok(out)
}
