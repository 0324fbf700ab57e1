//! The Lạng Sơn demo: the city's party organizations, members, officers and accounts from 2015
//! to the seed article's day (17/10/2021), generated with fixed dice and loaded through the use
//! cases in one transaction.
//!
//! The demo is planned first, without the database ([`Demo::plan`]): the tree ([`tree`]), the
//! register ([`lifecycle`], [`register`]) and the officers ([`officers`]). Loading then records
//! it through the same use cases people use ([`history`], [`accounts`]). Later stages (meetings,
//! ratings…) extend [`Demo`]: plan from its tree and members, then record after the officers.
mod accounts;
mod dice;
mod documents;
mod history;
mod lifecycle;
mod names;
mod officers;
mod people;
mod register;
mod tree;
mod units;

#[cfg(test)]
mod checks;

use chrono::NaiveDate;
use serde::Serialize;

use self::dice::Dice;
use self::documents::DocumentNumbers;
use self::officers::PlannedPosition;
use self::register::PlannedMember;
use self::tree::Tree;
use crate::{Actor, App, AppError, AppResult};

/// What the demo loaded, and the accounts it created (username, password, role label, org name).
#[derive(Debug, Clone, Serialize)]
pub struct DemoSummary {
    pub organizations: i64,
    pub members: i64,
    pub accounts: Vec<DemoAccount>,
}

/// A demo account, printed when the demo loads: the passwords are for trying coso out only.
#[derive(Debug, Clone, Serialize)]
pub struct DemoAccount {
    pub username: String,
    pub password: String,
    pub role: String,
    pub org: String,
}

/// The demo's dice always start here, so every load gives the same people and history.
const SEED: u64 = 0x4C61_6E67_536F_6E21;

const NOT_EMPTY: &str = "Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.";

/// A date the demo's data names; an impossible one fails to compile where used in a constant.
pub(crate) const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("the demo names a date that does not exist"),
    }
}

/// The demo as planned and, once loaded, with the ids the database gave its members.
pub(crate) struct Demo {
    /// Shared by the stages in order: a stage added later draws after the others, so the
    /// members and officers already planned stay as they were.
    pub(crate) dice: Dice,
    pub(crate) numbers: DocumentNumbers,
    pub(crate) tree: Tree,
    pub(crate) members: Vec<PlannedMember>,
    pub(crate) officers: Vec<PlannedPosition>,
    pub(crate) accounts: Vec<DemoAccount>,
}

impl Demo {
    /// Plans the whole demo: organizations, members with their history, officers.
    pub(crate) fn plan() -> Demo {
        let mut demo = Demo {
            dice: Dice::new(SEED),
            numbers: DocumentNumbers::default(),
            tree: Tree::lang_son(),
            members: Vec::new(),
            officers: Vec::new(),
            accounts: Vec::new(),
        };
        demo.members = lifecycle::draw_register(&mut demo.dice, &demo.tree, &mut demo.numbers);
        demo.officers =
            officers::choose_officers(&mut demo.dice, &demo.tree, &demo.members, &mut demo.numbers);
        demo.numbers.seal();
        demo
    }

    /// Records the plan: history first (it is dated), then the officers, then the accounts.
    fn load(&mut self, app: &App, conn: &mut coso_store::DbConnection, actor: &Actor) -> AppResult<()> {
        self.record_history(app, conn, actor)?;
        self.record_officers(app, conn, actor)?;
        self.open_accounts(app, conn, actor)
    }
}

/// Whether the database has neither organizations nor users.
fn database_is_empty(conn: &mut coso_store::DbConnection) -> AppResult<bool> {
    Ok(coso_store::orgs::count_all(conn)? == 0 && coso_store::accounts::count_users(conn)? == 0)
}

impl App {
    /// Loads the demo into an empty database, in one transaction; refuses a database that
    /// already has organizations or users.
    pub fn load_demo(&self) -> AppResult<DemoSummary> {
        let actor = Actor::system();
        let mut demo = Demo::plan();
        let started = std::time::Instant::now();
        let summary = self.db.write(|conn| {
            if !database_is_empty(conn)? {
                return Err(AppError::Conflict(NOT_EMPTY.into()));
            }
            demo.load(self, conn, &actor)?;
            Ok(DemoSummary {
                organizations: coso_store::orgs::count_all(conn)?,
                members: coso_store::members::count_memberships(conn)?,
                accounts: std::mem::take(&mut demo.accounts),
            })
        })?;
        tracing::info!(
            organizations = summary.organizations,
            members = summary.members,
            millis = started.elapsed().as_millis() as u64,
            "demo loaded"
        );
        Ok(summary)
    }

    /// Whether the database has no organizations and no users.
    pub fn is_empty(&self) -> AppResult<bool> {
        self.db.read(database_is_empty)
    }
}
