//! Persons, their party memberships, lifecycle events and the periods they write.
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::{MembershipId, OrgId, PersonId};
use coso_domain::member::{LeavingGround, MemberEventKind, MemberStatus, Sex};
use diesel::dsl::{count_star, sql};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

use crate::orgs::escape_like;

diesel::define_sql_function! {
    /// SQL `lower()` of a nullable text.
    #[sql_name = "lower"]
    fn lower_opt(x: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Text>;
}
use crate::schema::{
    membership_events, membership_periods, memberships, org_versions, organizations, persons,
};
use crate::{DbConnection, StoreResult};

// [`count_on`] groups the periods by organization, its path that day and status.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    membership_periods::org_id,
    membership_periods::status,
    org_versions::path,
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = persons, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct PersonRow {
    pub id: PersonId,
    pub full_name: String,
    pub name_folded: String,
    pub birth_name: Option<String>,
    pub born_on: NaiveDate,
    pub sex: Sex,
    pub ethnicity: String,
    pub religion: String,
    pub home_town: String,
    pub residence: String,
    pub education: String,
    pub theory_level: String,
    pub profession: String,
    pub occupation: String,
    pub cccd: Option<String>,
    pub phone: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = memberships, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct MembershipRow {
    pub id: MembershipId,
    pub person_id: PersonId,
    pub card_number: Option<String>,
    pub record_number: Option<String>,
    pub admitted_on: NaiveDate,
    pub official_on: Option<NaiveDate>,
    pub status: MemberStatus,
    pub org_id: OrgId,
    pub last_event_on: NaiveDate,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = membership_events, treat_none_as_default_value = false)]
pub struct MembershipEventRow {
    pub id: String,
    pub membership_id: MembershipId,
    pub kind: MemberEventKind,
    pub occurred_on: NaiveDate,
    pub decision_number: String,
    pub from_org_id: Option<OrgId>,
    pub to_org_id: Option<OrgId>,
    pub status_after: MemberStatus,
    pub note: String,
    pub created_at: NaiveDateTime,
    /// Why the member left, where the re-admission rules depend on it.
    pub ground: Option<LeavingGround>,
    /// The higher body's written consent or decision the event rests on, if any.
    pub approval: String,
    /// The day a criminal record was cleared (a re-admission after a less serious crime).
    pub record_cleared_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = membership_periods, treat_none_as_default_value = false)]
pub struct PeriodRow {
    pub id: String,
    pub membership_id: MembershipId,
    pub org_id: OrgId,
    pub status: MemberStatus,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// A row of the register: the person, the membership, and its unit's code, name and path.
#[derive(Debug, Clone, Queryable, Selectable)]
pub struct MemberRow {
    #[diesel(embed)]
    pub person: PersonRow,
    #[diesel(embed)]
    pub membership: MembershipRow,
    #[diesel(select_expression = organizations::code)]
    pub org_code: String,
    #[diesel(select_expression = org_versions::name)]
    pub org_name: String,
    #[diesel(select_expression = org_versions::path)]
    pub org_path: String,
}

/// What a member list is filtered by; every list is limited to a subtree.
#[derive(Debug, Clone, Default)]
pub struct MemberFilter {
    /// The subtree path the reader may see (or asked for).
    pub scope_path: String,
    /// Text matched against the folded name or, when it has digits, the card number's start.
    pub query: Option<String>,
    /// Only these statuses; empty means the members on the roll.
    pub statuses: Vec<MemberStatus>,
    pub today: Option<NaiveDate>,
    pub limit: i64,
    pub offset: i64,
    /// Keyset paging: the page after this membership (the last of the previous page), in
    /// place of `offset`. Served on the unfiltered roll of a unit.
    pub after: Option<MembershipId>,
}

pub fn insert_person(conn: &mut DbConnection, row: &PersonRow) -> StoreResult<()> {
    diesel::insert_into(persons::table).values(row).execute(conn)?;
    Ok(())
}

/// Updates a person; the roster re-sorts their memberships under a changed name.
pub fn update_person(conn: &mut DbConnection, row: &PersonRow) -> StoreResult<()> {
    diesel::update(persons::table.find(&row.id)).set(row).execute(conn)?;
    crate::roster::refresh_person(conn, &row.id)
}

/// Inserts a membership and its rows in the roster.
pub fn insert_membership(conn: &mut DbConnection, row: &MembershipRow) -> StoreResult<()> {
    diesel::insert_into(memberships::table).values(row).execute(conn)?;
    crate::roster::refresh(conn, std::slice::from_ref(&row.id))
}

/// Updates a membership (its unit, its status…) and its rows in the roster.
pub fn update_membership(conn: &mut DbConnection, row: &MembershipRow) -> StoreResult<()> {
    diesel::update(memberships::table.find(&row.id)).set(row).execute(conn)?;
    crate::roster::refresh(conn, std::slice::from_ref(&row.id))
}

pub fn insert_event(conn: &mut DbConnection, row: &MembershipEventRow) -> StoreResult<()> {
    diesel::insert_into(membership_events::table).values(row).execute(conn)?;
    Ok(())
}

/// New members written together (issue 9.4, the bulk path of imports and generation): each
/// table in multi-row inserts, then their roster rows and their tally, in the caller's
/// transaction. Every membership's organization must exist; the rows are checked by the caller.
pub fn insert_members(
    conn: &mut DbConnection,
    persons: &[PersonRow],
    memberships: &[MembershipRow],
    periods: &[PeriodRow],
    events: &[MembershipEventRow],
) -> StoreResult<()> {
    // Below both engines' limits on bound values (PostgreSQL 65,535; SQLite 32,766).
    insert_all!(conn, persons::table, persons, 1000);
    insert_all!(conn, memberships::table, memberships, 2000);
    insert_all!(conn, membership_periods::table, periods, 4000);
    insert_all!(conn, membership_events::table, events, 1500);
    let names: std::collections::HashMap<&PersonId, &str> =
        persons.iter().map(|p| (&p.id, p.name_folded.as_str())).collect();
    let on_roll: Vec<(&MembershipId, &OrgId, &str)> = memberships
        .iter()
        .filter(|m| m.status.on_roll())
        .filter_map(|m| Some((&m.id, &m.org_id, *names.get(&m.person_id)?)))
        .collect();
    crate::roster::add(conn, &on_roll)?;
    crate::tally::count_periods(conn, periods, 1)
}

pub fn insert_period(conn: &mut DbConnection, row: &PeriodRow) -> StoreResult<()> {
    diesel::insert_into(membership_periods::table).values(row).execute(conn)?;
    crate::tally::count_periods(conn, std::slice::from_ref(row), 1)
}

/// Ends the open period of a membership on `on` (exclusive); a period that would end on
/// the day it began is removed instead, since it never was in force.
pub fn close_open_period(
    conn: &mut DbConnection,
    membership_id: &MembershipId,
    on: NaiveDate,
) -> StoreResult<()> {
    let open = crate::tally::open_periods(conn, membership_id)?;
    for p in &open {
        crate::tally::count_periods(conn, std::slice::from_ref(p), -1)?;
    }
    diesel::delete(
        membership_periods::table
            .filter(membership_periods::membership_id.eq(membership_id))
            .filter(membership_periods::valid_to.is_null())
            .filter(membership_periods::valid_from.eq(on)),
    )
    .execute(conn)?;
    diesel::update(
        membership_periods::table
            .filter(membership_periods::membership_id.eq(membership_id))
            .filter(membership_periods::valid_to.is_null()),
    )
    .set(membership_periods::valid_to.eq(Some(on)))
    .execute(conn)?;
    for p in open.into_iter().filter(|p| p.valid_from != on) {
        crate::tally::count_periods(conn, &[PeriodRow { valid_to: Some(on), ..p }], 1)?;
    }
    Ok(())
}

pub fn person(conn: &mut DbConnection, id: &PersonId) -> StoreResult<Option<PersonRow>> {
    Ok(persons::table.find(id).first(conn).optional()?)
}

pub fn membership(conn: &mut DbConnection, id: &MembershipId) -> StoreResult<Option<MembershipRow>> {
    Ok(memberships::table.find(id).first(conn).optional()?)
}

pub fn count_memberships(conn: &mut DbConnection) -> StoreResult<i64> {
    Ok(memberships::table.count().get_result(conn)?)
}

/// Whether a card number is used by a membership other than `except`.
pub fn card_number_taken(conn: &mut DbConnection, card: &str, except: Option<&str>) -> StoreResult<bool> {
    let n: i64 = memberships::table
        .filter(memberships::card_number.eq(card))
        .filter(memberships::id.ne(except.unwrap_or("")))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Which of these card numbers the register already holds (an import's check).
pub fn cards_taken(conn: &mut DbConnection, cards: &[String]) -> StoreResult<Vec<String>> {
    let mut out = Vec::new();
    for chunk in cards.chunks(500) {
        let found: Vec<Option<String>> = memberships::table
            .filter(memberships::card_number.eq_any(chunk))
            .select(memberships::card_number)
            .load(conn)?;
        out.extend(found.into_iter().flatten());
    }
    Ok(out)
}

/// Which of these CCCD numbers the register already holds (an import's check).
pub fn cccds_taken(conn: &mut DbConnection, cccds: &[String]) -> StoreResult<Vec<String>> {
    let mut out = Vec::new();
    for chunk in cccds.chunks(500) {
        let found: Vec<Option<String>> =
            persons::table.filter(persons::cccd.eq_any(chunk)).select(persons::cccd).load(conn)?;
        out.extend(found.into_iter().flatten());
    }
    Ok(out)
}

/// Whether a CCCD is used by a person other than `except`.
pub fn cccd_taken(conn: &mut DbConnection, cccd: &str, except: Option<&str>) -> StoreResult<bool> {
    let n: i64 = persons::table
        .filter(persons::cccd.eq(cccd))
        .filter(persons::id.ne(except.unwrap_or("")))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn events(conn: &mut DbConnection, membership_id: &MembershipId) -> StoreResult<Vec<MembershipEventRow>> {
    Ok(membership_events::table
        .filter(membership_events::membership_id.eq(membership_id))
        .order((membership_events::occurred_on.asc(), membership_events::created_at.asc()))
        .load(conn)?)
}

pub fn periods(conn: &mut DbConnection, membership_id: &MembershipId) -> StoreResult<Vec<PeriodRow>> {
    Ok(membership_periods::table
        .filter(membership_periods::membership_id.eq(membership_id))
        .order(membership_periods::valid_from.asc())
        .load(conn)?)
}

/// A page of the register and how many members the filter holds.
#[derive(Debug)]
pub struct MemberList {
    pub rows: Vec<MemberRow>,
    pub total: i64,
    /// The total is a floor: a name many members share is counted up to [`COUNT_CAP`] only.
    pub capped: bool,
}

/// How far a broad name search counts its matches.
pub const COUNT_CAP: i64 = 1000;

/// Under this many persons with a matching name, a search reads them all by the name index
/// and sorts them; at or over it, it walks the roll in name order and stops at the page.
const FEW_MATCHES: i64 = 2000;

/// Members in the subtree of the filter, with the total before paging. The roll of a unit,
/// unfiltered or searched by a name many share, is read from the roster (ADR 0011): its cost
/// is its page's.
pub fn list(conn: &mut DbConnection, filter: &MemberFilter) -> StoreResult<MemberList> {
    let query = filter.query.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let unit = crate::roster::key_of(&filter.scope_path);
    if filter.statuses.is_empty() {
        match query {
            None => return list_roll(conn, unit, None, filter),
            Some(q) if !coso_domain::text::is_card_number_query(q) => {
                let folded = coso_domain::text::fold(q);
                // A name that starts enough names ("nguyen van") answers from one range of the
                // roster; else the name index says whether the matches are few.
                let starting = names_starting(conn, unit, &folded, filter)?;
                if starting.len() as i64 == wanted(filter)
                    || !name_matches_fewer_than(conn, &folded, FEW_MATCHES)?
                {
                    return list_roll(conn, unit, Some((&folded, starting)), filter);
                }
            }
            Some(_) => {}
        }
    }
    list_filtered(conn, filter)
}

/// Whether fewer than `n` persons have a name containing `folded`, asked of the name index
/// (ADR 0012 on SQLite, the trigram index on PostgreSQL), which stops at the `n`-th.
fn name_matches_fewer_than(conn: &mut DbConnection, folded: &str, n: i64) -> StoreResult<bool> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        found: i64,
    }
    let found = match conn {
        // The trigram index takes no ESCAPE: text with LIKE's own characters walks the roll.
        DbConnection::Sqlite(_) if folded.contains(['%', '_', '\\']) => return Ok(false),
        DbConnection::Sqlite(_) => diesel::sql_query(
            "SELECT count(*) AS found FROM (SELECT 1 FROM person_names WHERE name_folded LIKE ? LIMIT ?)",
        )
        .bind::<Text, _>(format!("%{folded}%"))
        .bind::<diesel::sql_types::BigInt, _>(n)
        .get_result::<Found>(conn)?,
        DbConnection::Postgres(_) => diesel::sql_query(
            "SELECT count(*) AS found FROM \
             (SELECT 1 FROM persons WHERE name_folded LIKE $1 ESCAPE '\\' LIMIT $2) AS s",
        )
        .bind::<Text, _>(format!("%{}%", escape_like(folded)))
        .bind::<diesel::sql_types::BigInt, _>(n)
        .get_result::<Found>(conn)?,
    };
    Ok(found.found < n)
}

/// The general path: members filtered by status and search, counted and sorted in full.
fn list_filtered(conn: &mut DbConnection, filter: &MemberFilter) -> StoreResult<MemberList> {
    let today = filter.today.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let name_index = matches!(conn, DbConnection::Sqlite(_));
    let end = coso_domain::org::subtree_end(&filter.scope_path);
    let statuses: Vec<MemberStatus> = if filter.statuses.is_empty() {
        MemberStatus::ALL.into_iter().filter(|s| s.on_roll()).collect()
    } else {
        filter.statuses.clone()
    };
    let base = || {
        let mut q = memberships::table
            .inner_join(persons::table)
            .inner_join(organizations::table.on(organizations::id.eq(memberships::org_id)))
            .inner_join(
                org_versions::table.on(org_versions::org_id
                    .eq(memberships::org_id)
                    .and(org_versions::valid_from.le(today))
                    .and(org_versions::valid_to.is_null().or(org_versions::valid_to.gt(today)))),
            )
            .filter(org_versions::path.ge(filter.scope_path.clone()))
            .filter(org_versions::path.lt(end.clone()))
            .filter(memberships::status.eq_any(statuses.clone()))
            .into_boxed();
        if let Some(q_text) = filter.query.as_deref().filter(|s| !s.is_empty()) {
            // One column per search, served by its index on PostgreSQL (migration 000003).
            if coso_domain::text::is_card_number_query(q_text) {
                let card = format!("{}%", escape_like(&q_text.trim().to_lowercase()));
                q = q.filter(lower_opt(memberships::card_number).like(card).escape('\\'));
            } else {
                let folded = coso_domain::text::fold(q_text);
                q = match name_index {
                    // SQLite: the trigram index answers the LIKE (ADR 0012); it takes no ESCAPE,
                    // so text with LIKE's own characters is matched by scanning.
                    true if !folded.contains(['%', '_', '\\']) => q.filter(
                        sql::<Bool>(
                            "persons.id IN (SELECT n.person_id FROM person_names f \
                             JOIN person_numbers n ON n.n = f.rowid WHERE f.name_folded LIKE ",
                        )
                        .bind::<Text, _>(format!("%{folded}%"))
                        .sql(")"),
                    ),
                    _ => q.filter(
                        persons::name_folded.like(format!("%{}%", escape_like(&folded))).escape('\\'),
                    ),
                };
            }
        }
        q
    };
    let total: i64 = base().select(count_star()).first(conn)?;
    // A name search lists the names starting with the text first, as the roll's walk does.
    let (from, to) = match filter.query.as_deref().map(coso_domain::text::fold) {
        Some(f) if !f.is_empty() => (f.clone(), format!("{f}\u{7f}")),
        _ => (String::new(), String::new()),
    };
    let later = sql::<Bool>("NOT (persons.name_folded >= ")
        .bind::<Text, _>(from)
        .sql(" AND persons.name_folded < ")
        .bind::<Text, _>(to)
        .sql(")");
    let rows: Vec<MemberRow> = base()
        .order((later.asc(), persons::name_folded.asc(), persons::id.asc()))
        .limit(filter.limit)
        .offset(filter.offset)
        .select(MemberRow::as_select())
        .load(conn)?;
    Ok(MemberList { rows, total, capped: false })
}

/// How many matches of a name a page reads: down to its own last row, and one past the count's
/// cap.
fn wanted(filter: &MemberFilter) -> i64 {
    (filter.offset + filter.limit).max(COUNT_CAP + 1)
}

/// The first [`wanted`] memberships of the roll under `unit` whose names start with `folded`.
fn names_starting(
    conn: &mut DbConnection,
    unit: &str,
    folded: &str,
    filter: &MemberFilter,
) -> StoreResult<Vec<MembershipId>> {
    crate::roster::page(conn, unit, crate::roster::Names::Starting(folded), None, 0, wanted(filter))
}

/// One page of a unit's roll from the roster in name order; searched by a name, the names
/// starting with it first, then those containing it later, each in name order ("nguyen van"
/// lists the Nguyễn Văn before a Lê Nguyễn Văn). The total of the whole roll is read from the
/// tally; a name's is counted up to [`COUNT_CAP`], in the same walk as its first pages: those
/// starting with it are one range of the index, and the walk for the others only runs when
/// the range holds fewer than the page and the count need.
fn list_roll(
    conn: &mut DbConnection,
    unit: &str,
    name: Option<(&str, Vec<MembershipId>)>,
    filter: &MemberFilter,
) -> StoreResult<MemberList> {
    use crate::roster::{Names, page};
    let (ids, total, capped) = match name {
        None => {
            let total = crate::tally::on_roll(conn, unit)?;
            (page(conn, unit, Names::All, filter.after.as_ref(), filter.offset, filter.limit)?, total, false)
        }
        Some((name, mut found)) => {
            let want = wanted(filter);
            if (found.len() as i64) < want {
                let rest = want - found.len() as i64;
                found.extend(page(conn, unit, Names::ContainingLater(name), None, 0, rest)?);
            }
            let n = found.len() as i64;
            let shown = found.into_iter().skip(filter.offset as usize).take(filter.limit as usize).collect();
            (shown, n.min(COUNT_CAP), n > COUNT_CAP)
        }
    };
    let found: Vec<MemberRow> = memberships::table
        .inner_join(persons::table)
        .inner_join(organizations::table.on(organizations::id.eq(memberships::org_id)))
        .inner_join(
            org_versions::table
                .on(org_versions::org_id.eq(memberships::org_id).and(org_versions::valid_to.is_null())),
        )
        .filter(memberships::id.eq_any(&ids))
        .select(MemberRow::as_select())
        .load(conn)?;
    let mut by_id: std::collections::HashMap<MembershipId, MemberRow> =
        found.into_iter().map(|r| (r.membership.id.clone(), r)).collect();
    Ok(MemberList { rows: ids.iter().filter_map(|id| by_id.remove(id)).collect(), total, capped })
}

/// Memberships under `root_path` on `on`, counted by organization (with its path that day)
/// and status, from the periods: the register as it stood that day. Statistics sum it by
/// status, the tree by organization.
pub fn count_on(
    conn: &mut DbConnection,
    root_path: &str,
    on: NaiveDate,
) -> StoreResult<Vec<(OrgId, String, MemberStatus, i64)>> {
    let end = coso_domain::org::subtree_end(root_path);
    Ok(membership_periods::table
        .inner_join(org_versions::table.on(version_on!(membership_periods::org_id, on)))
        .filter(membership_periods::valid_from.le(on))
        .filter(membership_periods::valid_to.is_null().or(membership_periods::valid_to.gt(on)))
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .group_by((membership_periods::org_id, org_versions::path, membership_periods::status))
        .select((membership_periods::org_id, org_versions::path, membership_periods::status, count_star()))
        .load(conn)?)
}

/// Periods spent in an organization that were in force on `on` or began later: whoever a
/// reorganization dated `on` would have to account for.
pub fn periods_of_org_from(
    conn: &mut DbConnection,
    org_id: &OrgId,
    on: NaiveDate,
) -> StoreResult<Vec<PeriodRow>> {
    Ok(membership_periods::table
        .filter(membership_periods::org_id.eq(org_id))
        .filter(membership_periods::valid_to.is_null().or(membership_periods::valid_to.gt(on)))
        .load(conn)?)
}

/// The period of a membership in force on a date.
pub fn period_on(
    conn: &mut DbConnection,
    membership_id: &MembershipId,
    on: NaiveDate,
) -> StoreResult<Option<PeriodRow>> {
    Ok(membership_periods::table
        .filter(membership_periods::membership_id.eq(membership_id))
        .filter(membership_periods::valid_from.le(on))
        .filter(membership_periods::valid_to.is_null().or(membership_periods::valid_to.gt(on)))
        .first(conn)
        .optional()?)
}

/// One member of a unit's register on a day (issue 12): the person, the membership, the status
/// and the cell of that day.
#[derive(Debug, Clone)]
pub struct RegisterRow {
    pub person: PersonRow,
    pub membership: MembershipRow,
    pub status: MemberStatus,
    pub cell_code: String,
    pub cell_name: String,
}

/// The members on the roll on `on` of every cell under `root_path` (inclusive), by the cell's
/// place in the tree, then by name.
pub fn register_on(conn: &mut DbConnection, root_path: &str, on: NaiveDate) -> StoreResult<Vec<RegisterRow>> {
    let end = coso_domain::org::subtree_end(root_path);
    let rows: Vec<(PersonRow, MembershipRow, MemberStatus, String, String)> = membership_periods::table
        .inner_join(memberships::table.on(memberships::id.eq(membership_periods::membership_id)))
        .inner_join(persons::table.on(persons::id.eq(memberships::person_id)))
        .inner_join(organizations::table.on(organizations::id.eq(membership_periods::org_id)))
        .inner_join(org_versions::table.on(version_on!(membership_periods::org_id, on)))
        .filter(membership_periods::valid_from.le(on))
        .filter(membership_periods::valid_to.is_null().or(membership_periods::valid_to.gt(on)))
        .filter(membership_periods::status.eq_any(MemberStatus::ALL.iter().filter(|s| s.on_roll())))
        .filter(org_versions::path.ge(root_path))
        .filter(org_versions::path.lt(end))
        .order((org_versions::path.asc(), persons::name_folded.asc(), memberships::id.asc()))
        .select((
            PersonRow::as_select(),
            MembershipRow::as_select(),
            membership_periods::status,
            organizations::code,
            org_versions::name,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(person, membership, status, cell_code, cell_name)| RegisterRow {
            person,
            membership,
            status,
            cell_code,
            cell_name,
        })
        .collect())
}

/// The day each of these memberships arrived by transfer, for those whose first event is a
/// transfer in (column 11 of the register).
pub fn arrivals(
    conn: &mut DbConnection,
    ids: &[MembershipId],
) -> StoreResult<std::collections::HashMap<MembershipId, NaiveDate>> {
    let mut out = std::collections::HashMap::new();
    for chunk in ids.chunks(1000) {
        let events: Vec<(MembershipId, MemberEventKind, NaiveDate)> = membership_events::table
            .filter(membership_events::membership_id.eq_any(chunk))
            .order((
                membership_events::membership_id,
                membership_events::occurred_on,
                membership_events::created_at,
            ))
            .select((
                membership_events::membership_id,
                membership_events::kind,
                membership_events::occurred_on,
            ))
            .load(conn)?;
        let mut seen = std::collections::HashSet::new();
        for (id, kind, on) in events {
            if seen.insert(id.clone()) && kind == MemberEventKind::TransferIn {
                out.insert(id, on);
            }
        }
    }
    Ok(out)
}

/// The members a register's keys name: memberships by card number and persons (with their
/// latest membership) by CCCD (an import matches its rows to these).
pub fn by_keys(
    conn: &mut DbConnection,
    cards: &[String],
    cccds: &[String],
) -> StoreResult<Vec<(PersonRow, MembershipRow)>> {
    let mut out: Vec<(PersonRow, MembershipRow)> = Vec::new();
    for chunk in cards.chunks(1000) {
        out.extend(
            memberships::table
                .inner_join(persons::table.on(persons::id.eq(memberships::person_id)))
                .filter(memberships::card_number.eq_any(chunk))
                .select((PersonRow::as_select(), MembershipRow::as_select()))
                .load::<(PersonRow, MembershipRow)>(conn)?,
        );
    }
    for chunk in cccds.chunks(1000) {
        out.extend(
            memberships::table
                .inner_join(persons::table.on(persons::id.eq(memberships::person_id)))
                .filter(persons::cccd.eq_any(chunk))
                .order(memberships::admitted_on.asc())
                .select((PersonRow::as_select(), MembershipRow::as_select()))
                .load::<(PersonRow, MembershipRow)>(conn)?,
        );
    }
    Ok(out)
}
