//! coso-demo: the Lạng Sơn demo and the scale generator ([`scale`]).
//!
//! The Lạng Sơn demo: the city's party organizations, members, officers and accounts from 2015
//! to the seed article's day (17/10/2021), generated with fixed dice and loaded through the use
//! cases of coso-app in one transaction ([`coso_app::App::transaction`]).
//!
//! The demo is planned first, without the database ([`Demo::plan`]): the tree ([`tree`]), the
//! register ([`lifecycle`], [`register`]), the officers of 2020 ([`officers`]) and of the term
//! before ([`terms`]), and the cells' meetings from 2019 ([`calendar`], [`attendance`],
//! [`visits`], [`minutes`]). Loading then records it through the same use cases people use
//! ([`history`], [`minutes`], [`ratings`], [`pilots`], [`accounts`]). Later stages extend [`Demo`]: plan from
//! its tree and members, then record after the meetings.
mod accounts;
mod attendance;
mod calendar;
mod dice;
mod directives;
mod documents;
mod history;
mod lifecycle;
mod minutes;
mod names;
mod officers;
mod people;
mod pilots;
mod ratings;
mod register;
mod roll;
pub mod scale;
mod terms;
mod topics;
mod tree;
mod units;
mod visits;

#[cfg(test)]
mod checks;
#[cfg(test)]
mod meeting_checks;

use chrono::NaiveDate;
use serde::Serialize;

use self::dice::Dice;
use self::documents::DocumentNumbers;
use self::minutes::PlannedMeeting;
use self::officers::PlannedPosition;
use self::register::PlannedMember;
use self::roll::Roll;
use self::tree::{ARTICLE_DAY, Tree};
use self::visits::PlannedAssignment;
use coso_app::{Actor, App, AppError, AppResult, Tx};

/// What the demo loaded, and the accounts it created (username, password, role label, org name).
#[derive(Debug, Clone, Serialize)]
pub struct DemoSummary {
    pub organizations: i64,
    pub members: i64,
    /// Cell meetings recorded from 2019 to the article's day.
    pub meetings: i64,
    /// Attendances of superior committee members at those meetings.
    pub superior_attendances: i64,
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

pub(crate) const NOT_EMPTY: &str =
    "Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.";

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
    /// Officers from the congresses of 2020.
    pub(crate) officers: Vec<PlannedPosition>,
    /// Officers of the term before, to those congresses.
    pub(crate) earlier_officers: Vec<PlannedPosition>,
    /// Superior committee members assigned to follow cells under 1764-QĐ/TU.
    pub(crate) assignments: Vec<PlannedAssignment>,
    /// Every cell's meetings from 2019 to the article's day.
    pub(crate) meetings: Vec<PlannedMeeting>,
    pub(crate) accounts: Vec<DemoAccount>,
}

impl Demo {
    /// Plans the whole demo: organizations, members with their history, officers, meetings.
    pub(crate) fn plan() -> Demo {
        let mut demo = Demo {
            dice: Dice::new(SEED),
            numbers: DocumentNumbers::default(),
            tree: Tree::lang_son(),
            members: Vec::new(),
            officers: Vec::new(),
            earlier_officers: Vec::new(),
            assignments: Vec::new(),
            meetings: Vec::new(),
            accounts: Vec::new(),
        };
        demo.members = lifecycle::draw_register(&mut demo.dice, &demo.tree, &mut demo.numbers);
        demo.officers =
            officers::choose_officers(&mut demo.dice, &demo.tree, &demo.members, &mut demo.numbers);
        demo.plan_meetings();
        demo.numbers.seal();
        demo
    }

    /// The meeting stage: the earlier term's officers, every cell's meetings with their people,
    /// the assignments under 1764-QĐ/TU and the superiors' attendances, then the minutes.
    fn plan_meetings(&mut self) {
        let roll = Roll::of(&self.members);
        let dice = &mut self.dice;
        self.earlier_officers = terms::choose_earlier_officers(
            dice,
            &self.tree,
            &self.members,
            &roll,
            &self.officers,
            &mut self.numbers,
        );
        let positions = minutes::both_terms(self);
        let dice = &mut self.dice;
        let slots = calendar::draw_calendar(dice, &self.tree);
        let people = attendance::draw_attendance(dice, &self.tree, &self.members, &roll, &positions, &slots);
        let following =
            visits::draw_following(dice, &self.tree, &roll, &positions, &slots, &mut self.numbers);
        self.meetings =
            minutes::write_minutes(dice, &self.tree, &self.members, &positions, slots, people, &following);
        self.assignments = following.assignments;
    }

    /// Records the plan: history first (it is dated), then the officers, the meetings and the
    /// accounts. Returns how many meetings were recorded.
    fn load(&mut self, tx: &mut Tx<'_>, actor: &Actor) -> AppResult<usize> {
        self.record_history(tx, actor)?;
        self.record_officers(tx, actor)?;
        let meetings = self.record_meetings(tx, actor)?;
        self.record_ratings(tx, actor)?;
        self.record_pilots_and_training(tx, actor)?;
        self.record_directives(tx, actor)?;
        self.open_accounts(tx, actor)?;
        Ok(meetings)
    }
}

/// Loads the demo into an empty database, in one transaction; refuses a database that already
/// has organizations or users.
pub fn load(app: &App) -> AppResult<DemoSummary> {
    let actor = Actor::system();
    let mut demo = Demo::plan();
    let started = std::time::Instant::now();
    // A bulk load: the statistics' tally is computed once at the end, in the same transaction
    // (its upkeep on every write made the load three times slower on PostgreSQL).
    let summary = app.deferring_tally(|| {
        app.transaction(|tx| {
            if !tx.is_empty()? {
                return Err(AppError::Conflict(NOT_EMPTY.into()));
            }
            let meetings = demo.load(tx, &actor)?;
            tx.rebuild_tally()?;
            // The article's figures run to its day: default dates and periods end there.
            tx.mark_demo(ARTICLE_DAY)?;
            let (organizations, members) = tx.totals()?;
            Ok(DemoSummary {
                organizations,
                members,
                meetings: meetings as i64,
                superior_attendances: demo.meetings.iter().map(|m| m.superiors.len() as i64).sum(),
                accounts: std::mem::take(&mut demo.accounts),
            })
        })
    })?;
    app.vacuum_analyze()?;
    tracing::info!(
        organizations = summary.organizations,
        members = summary.members,
        meetings = summary.meetings,
        millis = started.elapsed().as_millis() as u64,
        "demo loaded"
    );
    Ok(summary)
}
