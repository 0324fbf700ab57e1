//! Member and organization counts by ancestor and day (ADR 0013). A member's period in an
//! organization, cut by the organization's versions, adds one on the day it began and takes
//! one away on the day it ended, for each organization above it in that version (its own
//! included) and for the whole tree (`/`); an organization's version does the same for its
//! kind. A unit's statistics on a date are the sums of its deltas up to the date: one range of
//! the primary key, whatever the size of the unit.
//!
//! Every pair (period, version of its organization) is counted once, when the later of the
//! two is written: [`count_periods`] pairs a period with the versions already there,
//! [`count_version`] a version with the periods already there. A change takes the old row's
//! deltas away and adds the new one's. [`rebuild`] computes the whole table in SQL for bulk
//! loads and the migration.
use std::collections::HashMap;

use chrono::NaiveDate;
use coso_domain::id::{MembershipId, OrgId};
use coso_domain::member::MemberStatus;
use coso_domain::org::OrgKind;
use diesel::dsl::sum;
use diesel::prelude::*;
use diesel::upsert::excluded;

use crate::members::PeriodRow;
use crate::orgs::OrgVersionRow;
use crate::schema::{membership_periods, org_versions, tally};
use crate::{DbConnection, StoreResult};

thread_local! {
    /// Set while a bulk load on this thread leaves the tally to [`rebuild`].
    static DEFERRED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `work` with the tally's upkeep off on this thread, for bulk loads that write from
/// several connections at once: each write would lock the rows of the whole tree's days
/// until its transaction ends, and the loads would queue on them. The caller runs
/// [`rebuild`] when the load is done.
pub fn deferred<T>(work: impl FnOnce() -> T) -> T {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            DEFERRED.set(self.0);
        }
    }
    let _restore = Restore(DEFERRED.replace(true));
    work()
}

fn upkept() -> bool {
    !DEFERRED.get()
}

/// The key of the whole tree.
pub use crate::roster::WHOLE_TREE;

/// What a row counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Members(MemberStatus),
    Orgs(OrgKind),
}

impl Measure {
    fn key(self) -> String {
        match self {
            Measure::Members(s) => format!("m:{}", s.code()),
            Measure::Orgs(k) => format!("k:{}", k.code()),
        }
    }

    fn parse(key: &str) -> Option<Measure> {
        if let Some(code) = key.strip_prefix("m:") {
            return MemberStatus::from_code(code).map(Measure::Members);
        }
        key.strip_prefix("k:").and_then(OrgKind::from_code).map(Measure::Orgs)
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = tally)]
struct TallyRow {
    ancestor_id: String,
    measure: String,
    day: NaiveDate,
    delta: i32,
}

/// The key a unit's statistics read: its own id, or [`WHOLE_TREE`] for the whole tree (the
/// roster's keys).
pub use crate::roster::key_of;

/// Deltas being gathered before they are written, summed by (ancestor, measure, day).
#[derive(Default)]
struct Deltas(HashMap<(String, String, NaiveDate), i32>);

impl Deltas {
    /// `sign` for the span `[from, to)` of `measure` on every ancestor in `path`.
    fn span(&mut self, path: &str, measure: Measure, from: NaiveDate, to: Option<NaiveDate>, sign: i32) {
        if to.is_some_and(|t| t <= from) {
            return;
        }
        let key = measure.key();
        let now = format!("{NOW_PREFIX}{key}");
        for ancestor in crate::roster::keys(path) {
            *self.0.entry((ancestor.to_string(), key.clone(), from)).or_default() += sign;
            match to {
                Some(to) => *self.0.entry((ancestor.to_string(), key.clone(), to)).or_default() -= sign,
                // Still open: counted in the ancestor's total now.
                None => *self.0.entry((ancestor.to_string(), now.clone(), NOW_DAY)).or_default() += sign,
            }
        }
    }

    /// The part of a period that falls in a version of its organization.
    fn pair(&mut self, period: &PeriodRow, version: &OrgVersionRow, sign: i32) {
        let from = period.valid_from.max(version.valid_from);
        let to = match (period.valid_to, version.valid_to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.span(&version.path, Measure::Members(period.status), from, to, sign);
    }

    /// Adds the deltas to the table: multi-row upserts, each key once per statement.
    fn write(self, conn: &mut DbConnection) -> StoreResult<()> {
        let rows: Vec<TallyRow> = self
            .0
            .into_iter()
            .filter(|(_, delta)| *delta != 0)
            .map(|((ancestor_id, measure, day), delta)| TallyRow { ancestor_id, measure, day, delta })
            .collect();
        // Upserts need the engine's own connection: Diesel's multi-connection has none, and
        // upserts many rows at once on PostgreSQL only (on SQLite a statement is a call away).
        macro_rules! add {
            ($c:expr, $values:expr) => {
                diesel::insert_into(tally::table)
                    .values($values)
                    .on_conflict((tally::ancestor_id, tally::measure, tally::day))
                    .do_update()
                    .set(tally::delta.eq(tally::delta + excluded(tally::delta)))
                    .execute($c)?
            };
        }
        match &mut *conn {
            DbConnection::Sqlite(c) => {
                for row in &rows {
                    add!(c, row);
                }
            }
            DbConnection::Postgres(c) => {
                for chunk in rows.chunks(2000) {
                    add!(c, chunk);
                }
            }
        }
        Ok(())
    }
}

/// Adds (`sign` 1) or takes away (-1) periods, each paired with its organization's versions;
/// the versions of each organization are read once.
pub fn count_periods(conn: &mut DbConnection, periods: &[PeriodRow], sign: i32) -> StoreResult<()> {
    if !upkept() {
        return Ok(());
    }
    let mut versions: HashMap<&OrgId, Vec<OrgVersionRow>> = HashMap::new();
    let mut deltas = Deltas::default();
    for period in periods {
        if !versions.contains_key(&period.org_id) {
            let found = org_versions::table.filter(org_versions::org_id.eq(&period.org_id)).load(conn)?;
            versions.insert(&period.org_id, found);
        }
        for v in &versions[&period.org_id] {
            deltas.pair(period, v, sign);
        }
    }
    deltas.write(conn)
}

/// Adds (`sign` 1) or takes away (-1) a version: its kind, and the periods of its
/// organization paired with it.
pub fn count_version(conn: &mut DbConnection, version: &OrgVersionRow, sign: i32) -> StoreResult<()> {
    if !upkept() {
        return Ok(());
    }
    let periods: Vec<PeriodRow> =
        membership_periods::table.filter(membership_periods::org_id.eq(&version.org_id)).load(conn)?;
    let mut deltas = Deltas::default();
    deltas.span(&version.path, Measure::Orgs(version.kind), version.valid_from, version.valid_to, sign);
    for p in &periods {
        deltas.pair(p, version, sign);
    }
    deltas.write(conn)
}

/// The open periods of a membership, before a write closes them.
pub fn open_periods(conn: &mut DbConnection, membership_id: &MembershipId) -> StoreResult<Vec<PeriodRow>> {
    Ok(membership_periods::table
        .filter(membership_periods::membership_id.eq(membership_id))
        .filter(membership_periods::valid_to.is_null())
        .load(conn)?)
}

/// The counts under `key` (an organization's id or [`WHOLE_TREE`]) on `on`.
pub fn totals_on(conn: &mut DbConnection, key: &str, on: NaiveDate) -> StoreResult<Vec<(Measure, i64)>> {
    let rows: Vec<(String, Option<i64>)> = tally::table
        .filter(tally::ancestor_id.eq(key))
        .filter(tally::day.le(on))
        // The "now" rows sit on NOW_DAY, before every real day.
        .filter(tally::day.gt(NOW_DAY))
        .group_by(tally::measure)
        .select((tally::measure, sum(tally::delta)))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, n)| Some((Measure::parse(&m)?, n.unwrap_or(0))))
        .filter(|(_, n)| *n != 0)
        .collect())
}

/// The rows of what is open now: measure `now:` and the measure, on this day, which sorts
/// before every stored date (the sums up to a date skip these measures by name).
const NOW_PREFIX: &str = "now:";
const NOW_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// How many members are on the roll under `key` now: the open periods of the statuses on the
/// roll, kept in one row per status (ADR 0013). A register page's total, read in three rows
/// whatever the unit's size.
pub fn on_roll(conn: &mut DbConnection, key: &str) -> StoreResult<i64> {
    let measures: Vec<String> = MemberStatus::ALL
        .into_iter()
        .filter(|s| s.on_roll())
        .map(|s| format!("{NOW_PREFIX}{}", Measure::Members(s).key()))
        .collect();
    let n: Option<i64> = tally::table
        .filter(tally::ancestor_id.eq(key))
        .filter(tally::measure.eq_any(measures))
        .filter(tally::day.eq(NOW_DAY))
        .select(sum(tally::delta))
        .first(conn)?;
    Ok(n.unwrap_or(0))
}

/// The day of the latest change the tally counts: after it, every count stays as it is now.
/// None when nothing is counted.
pub fn last_change(conn: &mut DbConnection) -> StoreResult<Option<NaiveDate>> {
    Ok(tally::table
        .filter(tally::day.gt(NOW_DAY))
        .order(tally::day.desc())
        .select(tally::day)
        .first(conn)
        .optional()?)
}

/// How many members are on the roll now under each of these organizations (their subtrees),
/// from the "now" rows: three rows an organization, whatever its size. Organizations with
/// nobody are left out.
pub fn on_roll_under(conn: &mut DbConnection, orgs: &[&OrgId]) -> StoreResult<HashMap<OrgId, i64>> {
    let on_roll = MemberStatus::ALL.into_iter().filter(|s| s.on_roll()).map(Measure::Members);
    now_under(conn, orgs, on_roll)
}

/// How many organizations stand now under each of these (themselves included).
pub fn units_under(conn: &mut DbConnection, orgs: &[&OrgId]) -> StoreResult<HashMap<OrgId, i64>> {
    now_under(conn, orgs, OrgKind::ALL.into_iter().map(Measure::Orgs))
}

/// The sums of the "now" rows of `measures` under each of `orgs`.
fn now_under(
    conn: &mut DbConnection,
    orgs: &[&OrgId],
    measures: impl Iterator<Item = Measure>,
) -> StoreResult<HashMap<OrgId, i64>> {
    let measures: Vec<String> = measures.map(|m| format!("{NOW_PREFIX}{}", m.key())).collect();
    let mut out = HashMap::new();
    for chunk in orgs.chunks(500) {
        let rows: Vec<(String, Option<i64>)> = tally::table
            .filter(tally::ancestor_id.eq_any(chunk.iter().map(|o| o.as_str())))
            .filter(tally::measure.eq_any(&measures))
            .filter(tally::day.eq(NOW_DAY))
            .group_by(tally::ancestor_id)
            .select((tally::ancestor_id, sum(tally::delta)))
            .load(conn)?;
        out.extend(rows.into_iter().map(|(id, n)| (OrgId::from(id), n.unwrap_or(0))));
    }
    Ok(out)
}

/// Whether the table is empty while the tree is not: a database from before migration
/// 000011, or a bulk load that has not rebuilt it yet.
pub fn needs_rebuild(conn: &mut DbConnection) -> StoreResult<bool> {
    let any_tally: Option<String> = tally::table.select(tally::ancestor_id).first(conn).optional()?;
    let any_org: Option<OrgId> = org_versions::table.select(org_versions::org_id).first(conn).optional()?;
    Ok(any_tally.is_none() && any_org.is_some())
}

/// The whole table recomputed from the periods and versions, in one statement: for the
/// migration and after bulk loads.
pub fn rebuild(conn: &mut DbConnection) -> StoreResult<()> {
    diesel::delete(tally::table).execute(conn)?;
    diesel::sql_query(REBUILD).execute(conn)?;
    Ok(())
}

/// Valid on both engines. `spans` are the periods cut by versions and the versions' kinds;
/// `chains` pair each version with the organizations above it while it was in force (a
/// version of the ancestor whose path prefixes it and whose time meets it) and with '/'.
const REBUILD: &str = "\
WITH spans AS (
    SELECT v.id AS version_id, 'm:' || p.status AS measure,
        CASE WHEN p.valid_from > v.valid_from THEN p.valid_from ELSE v.valid_from END AS f,
        CASE WHEN p.valid_to IS NULL THEN v.valid_to WHEN v.valid_to IS NULL THEN p.valid_to
             WHEN p.valid_to < v.valid_to THEN p.valid_to ELSE v.valid_to END AS t
    FROM membership_periods p
    JOIN org_versions v ON v.org_id = p.org_id
        AND (v.valid_to IS NULL OR v.valid_to > p.valid_from)
        AND (p.valid_to IS NULL OR p.valid_to > v.valid_from)
    UNION ALL
    SELECT v.id, 'k:' || v.kind, v.valid_from, v.valid_to FROM org_versions v
),
chains AS (
    SELECT DISTINCT v.id AS version_id, a.org_id AS ancestor_id
    FROM org_versions v
    JOIN org_versions a ON v.path >= a.path AND v.path < a.path || '~'
        AND (a.valid_to IS NULL OR a.valid_to > v.valid_from)
        AND (v.valid_to IS NULL OR v.valid_to > a.valid_from)
    UNION ALL
    SELECT v.id, '/' FROM org_versions v
),
deltas AS (
    SELECT c.ancestor_id, s.measure, s.f AS day, 1 AS delta
    FROM spans s JOIN chains c ON c.version_id = s.version_id
    WHERE s.t IS NULL OR s.t > s.f
    UNION ALL
    SELECT c.ancestor_id, s.measure, s.t AS day, -1 AS delta
    FROM spans s JOIN chains c ON c.version_id = s.version_id
    WHERE s.t IS NOT NULL AND s.t > s.f
    UNION ALL
    SELECT c.ancestor_id, 'now:' || s.measure, '0001-01-01', 1 AS delta
    FROM spans s JOIN chains c ON c.version_id = s.version_id
    WHERE s.t IS NULL
)
INSERT INTO tally (ancestor_id, measure, day, delta)
SELECT ancestor_id, measure, day, CAST(SUM(delta) AS INTEGER) FROM deltas
GROUP BY ancestor_id, measure, day
HAVING SUM(delta) <> 0";

/// Every row with a delta, in key order: for tests that compare the kept table with a rebuild.
pub fn all(conn: &mut DbConnection) -> StoreResult<Vec<(String, String, NaiveDate, i32)>> {
    Ok(tally::table
        .filter(tally::delta.ne(0))
        .order((tally::ancestor_id, tally::measure, tally::day))
        .select((tally::ancestor_id, tally::measure, tally::day, tally::delta))
        .load(conn)?)
}
