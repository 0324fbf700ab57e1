//! The annual rating's records: one row per subject, year and stage, and the counts the
//! statistics read (domain.md §8).
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::{MembershipId, OrgId, PersonId};
use coso_domain::member::MemberStatus;
use coso_domain::rating::{RatingStage, Tier};
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::schema::{member_ratings, membership_periods, memberships, org_ratings, org_versions, persons};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = org_ratings)]
pub struct OrgRatingRow {
    pub org_id: OrgId,
    pub year: i32,
    pub stage: RatingStage,
    pub tier: Tier,
    pub policy: String,
    /// The facts the rating was judged on, as JSON.
    pub facts: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = member_ratings)]
pub struct MemberRatingRow {
    pub membership_id: MembershipId,
    pub year: i32,
    pub stage: RatingStage,
    /// The cell the member was rated in.
    pub org_id: OrgId,
    pub tier: Tier,
    pub policy: String,
    pub facts: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

/// Writes an organization's rating at one stage, replacing the one it had.
pub fn put_org(conn: &mut DbConnection, row: &OrgRatingRow) -> StoreResult<()> {
    diesel::delete(
        org_ratings::table
            .filter(org_ratings::org_id.eq(&row.org_id))
            .filter(org_ratings::year.eq(row.year))
            .filter(org_ratings::stage.eq(row.stage)),
    )
    .execute(conn)?;
    diesel::insert_into(org_ratings::table).values(row).execute(conn)?;
    Ok(())
}

/// Writes members' ratings at one stage, each replacing the one it had.
pub fn put_members(conn: &mut DbConnection, rows: &[MemberRatingRow]) -> StoreResult<()> {
    for stage in RatingStage::ALL {
        for year in rows
            .iter()
            .filter(|r| r.stage == stage)
            .map(|r| r.year)
            .collect::<std::collections::BTreeSet<_>>()
        {
            let ids: Vec<&MembershipId> = rows
                .iter()
                .filter(|r| r.stage == stage && r.year == year)
                .map(|r| &r.membership_id)
                .collect();
            for chunk in ids.chunks(500) {
                diesel::delete(
                    member_ratings::table
                        .filter(member_ratings::membership_id.eq_any(chunk))
                        .filter(member_ratings::year.eq(year))
                        .filter(member_ratings::stage.eq(stage)),
                )
                .execute(conn)?;
            }
        }
    }
    insert_all!(conn, member_ratings::table, rows, 500);
    Ok(())
}

/// An organization's ratings of a year, every stage.
pub fn of_org(conn: &mut DbConnection, org_id: &OrgId, year: i32) -> StoreResult<Vec<OrgRatingRow>> {
    Ok(org_ratings::table
        .filter(org_ratings::org_id.eq(org_id))
        .filter(org_ratings::year.eq(year))
        .order(org_ratings::stage.asc())
        .load(conn)?)
}

/// Several organizations' ratings of a year at one stage.
pub fn of_orgs(
    conn: &mut DbConnection,
    org_ids: &[OrgId],
    year: i32,
    stage: RatingStage,
) -> StoreResult<Vec<OrgRatingRow>> {
    let mut out = Vec::new();
    for chunk in org_ids.chunks(500) {
        out.extend(
            org_ratings::table
                .filter(org_ratings::org_id.eq_any(chunk))
                .filter(org_ratings::year.eq(year))
                .filter(org_ratings::stage.eq(stage))
                .load::<OrgRatingRow>(conn)?,
        );
    }
    Ok(out)
}

/// The ratings of a year given to members in a cell, every stage.
pub fn of_members_in(
    conn: &mut DbConnection,
    org_id: &OrgId,
    year: i32,
) -> StoreResult<Vec<MemberRatingRow>> {
    Ok(member_ratings::table
        .filter(member_ratings::org_id.eq(org_id))
        .filter(member_ratings::year.eq(year))
        .load(conn)?)
}

/// A member's ratings over the years, every stage, newest first.
pub fn of_member(conn: &mut DbConnection, id: &MembershipId) -> StoreResult<Vec<MemberRatingRow>> {
    Ok(member_ratings::table
        .filter(member_ratings::membership_id.eq(id))
        .order((member_ratings::year.desc(), member_ratings::stage.desc()))
        .load(conn)?)
}

/// The organizations under `root_path` (as the tree stood on `on`) rated in `year` at
/// `stage`, with their tier.
pub fn org_tiers_under(
    conn: &mut DbConnection,
    root_path: &str,
    on: NaiveDate,
    year: i32,
    stage: RatingStage,
) -> StoreResult<Vec<(OrgId, Tier)>> {
    let end = coso_domain::org::subtree_end(root_path);
    Ok(org_ratings::table
        .inner_join(org_versions::table.on(version_on!(org_ratings::org_id, on)))
        .filter(org_ratings::year.eq(year))
        .filter(org_ratings::stage.eq(stage))
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .select((org_ratings::org_id, org_ratings::tier))
        .load(conn)?)
}

/// Members rated in `year` at `stage` in cells under `root_path` (as the tree stood on `on`),
/// counted by cell and tier.
pub fn member_counts_under(
    conn: &mut DbConnection,
    root_path: &str,
    on: NaiveDate,
    year: i32,
    stage: RatingStage,
) -> StoreResult<Vec<(OrgId, Tier, i64)>> {
    let end = coso_domain::org::subtree_end(root_path);
    Ok(member_ratings::table
        .inner_join(org_versions::table.on(version_on!(member_ratings::org_id, on)))
        .filter(member_ratings::year.eq(year))
        .filter(member_ratings::stage.eq(stage))
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .group_by((member_ratings::org_id, member_ratings::tier))
        .select((member_ratings::org_id, member_ratings::tier, count_star()))
        .load(conn)?)
}

/// The years with decided ratings, oldest first.
pub fn years(conn: &mut DbConnection) -> StoreResult<Vec<i32>> {
    Ok(org_ratings::table
        .filter(org_ratings::stage.eq(RatingStage::Decided))
        .select(org_ratings::year)
        .distinct()
        .order(org_ratings::year.asc())
        .load(conn)?)
}

/// A member on a cell's roll on the day of a rating: who the round lists.
#[derive(Debug, Clone)]
pub struct OnRoll {
    pub membership_id: MembershipId,
    pub person_id: PersonId,
    pub full_name: String,
    pub status: MemberStatus,
    pub admitted_on: NaiveDate,
}

/// Members on a cell's roll on `on`: official, probationary and exempted, by name.
pub fn roll_on(conn: &mut DbConnection, org_id: &OrgId, on: NaiveDate) -> StoreResult<Vec<OnRoll>> {
    let rows: Vec<(MembershipId, PersonId, String, MemberStatus, NaiveDate)> = membership_periods::table
        .inner_join(memberships::table.on(memberships::id.eq(membership_periods::membership_id)))
        .inner_join(persons::table.on(persons::id.eq(memberships::person_id)))
        .filter(membership_periods::org_id.eq(org_id))
        .filter(membership_periods::valid_from.le(on))
        .filter(membership_periods::valid_to.is_null().or(membership_periods::valid_to.gt(on)))
        .filter(membership_periods::status.eq_any([
            MemberStatus::Official,
            MemberStatus::Probationary,
            MemberStatus::Exempted,
        ]))
        .order(persons::name_folded.asc())
        .select((
            memberships::id,
            persons::id,
            persons::full_name,
            membership_periods::status,
            memberships::admitted_on,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(membership_id, person_id, full_name, status, admitted_on)| OnRoll {
            membership_id,
            person_id,
            full_name,
            status,
            admitted_on,
        })
        .collect())
}

/// One organization's own tier for `year` at `stage`, if rated.
pub fn org_tier(
    conn: &mut DbConnection,
    org_id: &OrgId,
    year: i32,
    stage: RatingStage,
) -> StoreResult<Option<Tier>> {
    Ok(org_ratings::table
        .filter(org_ratings::org_id.eq(org_id))
        .filter(org_ratings::year.eq(year))
        .filter(org_ratings::stage.eq(stage))
        .select(org_ratings::tier)
        .first(conn)
        .optional()?)
}
