//! The current roster by ancestor (ADR 0011): a row per member on the roll and per
//! organization above them, their own included, indexed in name order. A unit's register page
//! is one range of that index, so it costs its page whatever the unit's size. The writes that
//! change a membership, a person's name or the tree call [`refresh`] or [`refresh_subtree`]
//! in their transaction.
use coso_domain::id::{MembershipId, OrgId};
use coso_domain::member::MemberStatus;
use diesel::prelude::*;

use crate::schema::{memberships, org_versions, persons, roster};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = roster)]
struct RosterRow {
    ancestor_id: String,
    membership_id: String,
    name_folded: String,
}

use coso_domain::org::path_ids as ancestors;

/// The organization a materialized path ends on; none for the whole tree (`/`).
pub fn unit_of(path: &str) -> Option<&str> {
    ancestors(path).last()
}

/// The key of the whole tree's roll: every member on the roll has a row under it too.
pub const WHOLE_TREE: &str = "/";

/// The roster's key for a scope: its unit, or [`WHOLE_TREE`].
pub fn key_of(scope_path: &str) -> &str {
    unit_of(scope_path).unwrap_or(WHOLE_TREE)
}

/// The keys a member in an organization at `path` is listed under: the whole tree, then the
/// organizations of the path, root first. The tally counts under the same keys.
pub(crate) fn keys(path: &str) -> impl Iterator<Item = &str> {
    std::iter::once(WHOLE_TREE).chain(ancestors(path))
}

/// Rebuilds the rows of these memberships from the register and the tree as it stands. One
/// membership at a time, with `=` and no `IN`: Diesel caches those statements, and preparing
/// them anew was a third of a member's write (perf, issue 9).
pub fn refresh(conn: &mut DbConnection, ids: &[MembershipId]) -> StoreResult<()> {
    for id in ids {
        diesel::delete(roster::table.filter(roster::membership_id.eq(id))).execute(conn)?;
        let found: Option<(MemberStatus, String, String)> = memberships::table
            .inner_join(persons::table)
            .inner_join(
                org_versions::table
                    .on(org_versions::org_id.eq(memberships::org_id).and(org_versions::valid_to.is_null())),
            )
            .filter(memberships::id.eq(id))
            .select((memberships::status, persons::name_folded, org_versions::path))
            .first(conn)
            .optional()?;
        let Some((_, name, path)) = found.filter(|(status, _, _)| status.on_roll()) else { continue };
        for ancestor in keys(&path) {
            let row = RosterRow {
                ancestor_id: ancestor.to_string(),
                membership_id: id.to_string(),
                name_folded: name.clone(),
            };
            diesel::insert_into(roster::table).values(&row).execute(conn)?;
        }
    }
    Ok(())
}

/// Rows for new memberships on the roll: (membership, its organization, the folded name), in
/// multi-row inserts; the organizations' paths are read once each.
pub fn add(conn: &mut DbConnection, members: &[(&MembershipId, &OrgId, &str)]) -> StoreResult<()> {
    let mut paths: std::collections::HashMap<&OrgId, String> = std::collections::HashMap::new();
    let mut rows = Vec::new();
    for (id, org, name) in members {
        if !paths.contains_key(org) {
            let path: String = org_versions::table
                .filter(org_versions::org_id.eq(*org))
                .filter(org_versions::valid_to.is_null())
                .select(org_versions::path)
                .first(conn)?;
            paths.insert(org, path);
        }
        for ancestor in keys(&paths[org]) {
            rows.push(RosterRow {
                ancestor_id: ancestor.to_string(),
                membership_id: id.to_string(),
                name_folded: name.to_string(),
            });
        }
    }
    // In the order of the roster's key: each insert lands next to the one before it in the
    // b-tree, whose pages then stay in the cache (in the members' order, a bulk load of a
    // province spent more than half its time on the roster's random inserts).
    rows.sort_unstable_by(|a, b| (&a.ancestor_id, &a.name_folded).cmp(&(&b.ancestor_id, &b.name_folded)));
    insert_all!(conn, roster::table, &rows, 5000);
    Ok(())
}

/// Rebuilds the rows of every membership whose organization lies in the subtree at
/// `root_path` as the tree stands: after the tree under it changed.
pub fn refresh_subtree(conn: &mut DbConnection, root_path: &str) -> StoreResult<()> {
    let end = coso_domain::org::subtree_end(root_path);
    let ids: Vec<MembershipId> = memberships::table
        .inner_join(
            org_versions::table
                .on(org_versions::org_id.eq(memberships::org_id).and(org_versions::valid_to.is_null())),
        )
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .select(memberships::id)
        .load(conn)?;
    refresh(conn, &ids)
}

/// The memberships of a person: a change of name re-sorts each of them.
pub fn refresh_person(conn: &mut DbConnection, person_id: &coso_domain::id::PersonId) -> StoreResult<()> {
    let ids: Vec<MembershipId> =
        memberships::table.filter(memberships::person_id.eq(person_id)).select(memberships::id).load(conn)?;
    refresh(conn, &ids)
}

/// Which names of the roll a page reads.
#[derive(Debug, Clone, Copy)]
pub enum Names<'a> {
    All,
    /// Names starting with this (folded) text: one range of the index.
    Starting(&'a str),
    /// Names containing this text elsewhere than at their start: a walk of the index with the
    /// pattern, which stops at the page.
    ContainingLater(&'a str),
}

/// One page of the roll under `ancestor_id` in name order, of the names `names`: after the
/// membership `after` when given (keyset), else skipping `offset` rows.
pub fn page(
    conn: &mut DbConnection,
    ancestor_id: &str,
    names: Names,
    after: Option<&MembershipId>,
    offset: i64,
    limit: i64,
) -> StoreResult<Vec<MembershipId>> {
    let mut q = roster::table
        .filter(roster::ancestor_id.eq(ancestor_id))
        .order((roster::name_folded.asc(), roster::membership_id.asc()))
        .select(roster::membership_id)
        .limit(limit)
        .into_boxed();
    match names {
        Names::All => {}
        Names::Starting(text) => {
            q = q
                .filter(roster::name_folded.ge(text.to_string()))
                .filter(roster::name_folded.lt(after_all(text)));
        }
        Names::ContainingLater(text) => {
            let pattern = format!("%{}%", crate::orgs::escape_like(text));
            q = q
                .filter(roster::name_folded.like(pattern).escape('\\'))
                .filter(roster::name_folded.lt(text.to_string()).or(roster::name_folded.ge(after_all(text))));
        }
    }
    let key = match after {
        Some(id) => roster::table
            .filter(roster::ancestor_id.eq(ancestor_id))
            .filter(roster::membership_id.eq(id))
            .select(roster::name_folded)
            .first::<String>(conn)
            .optional()?,
        None => None,
    };
    match (key, after) {
        (Some(name), Some(id)) => {
            q = q.filter(
                roster::name_folded
                    .gt(name.clone())
                    .or(roster::name_folded.eq(name).and(roster::membership_id.gt(id.to_string()))),
            );
        }
        _ => q = q.offset(offset),
    }
    let ids: Vec<String> = q.load(conn)?;
    Ok(ids.into_iter().map(MembershipId::from).collect())
}

/// The first text after every text starting with `text`: folded names are ASCII, below DEL.
fn after_all(text: &str) -> String {
    format!("{text}\u{7f}")
}

/// Every row, ordered: for checks that the roster holds what the register does.
pub fn all(conn: &mut DbConnection) -> StoreResult<Vec<(String, String, String)>> {
    Ok(roster::table
        .order((roster::ancestor_id, roster::name_folded, roster::membership_id))
        .select((roster::ancestor_id, roster::membership_id, roster::name_folded))
        .load(conn)?)
}
