//! The scale generator (`coso demo --scale`, `coso-bench`): a synthetic tree and register of a
//! city, a province or the country, drawn with seeded dice so a seed always gives the same
//! data, and written through the bulk path of the register ([`coso_app::Tx::import_members`]),
//! one district committee per transaction.
//!
//! The shapes follow the figures of domain.md §2 and issue 9: the country has about 52,000
//! grassroots organizations (TCCSĐ) and 215,000 cells holding 5.2 million members, a cell
//! about 24. District committees are the roots (there is no province level in the tree); half
//! the TCCSĐ are committees with 2–12 subordinate cells, half are grassroots cells; a cell
//! holds 5–45 members. Members are born 1945–2004 with the ethnicities and names of the Lạng
//! Sơn demo; most arrived by transfer at some point since their cell was founded, those
//! admitted in the last eleven months are probationary.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::{Datelike, Days, Months, NaiveDate};
use coso_app::auth::NewUser;
use coso_app::meetings::{AbsenceInput, MeetingInput, MinutesText};
use coso_app::members::MemberInput;
use coso_app::orgs::NewOrg;
use coso_app::{Actor, App, AppResult};
use coso_domain::access::Role;
use coso_domain::id::MembershipId;
use coso_domain::meeting::MeetingKind;
use coso_domain::member::Sex;

use crate::dice::Dice;
use crate::names;

/// How big a tree to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// One district committee with 30 TCCSĐ: about 3,000 members, the size of the demo.
    City,
    /// Eleven district committees with 410 TCCSĐ each: about 450,000 members.
    Province,
    /// 700 district committees with 75 TCCSĐ each: about 52,500 TCCSĐ and 5.2 million members.
    National,
}

impl Scale {
    pub fn from_code(code: &str) -> Option<Scale> {
        match code {
            "city" => Some(Scale::City),
            "province" => Some(Scale::Province),
            "national" => Some(Scale::National),
            _ => None,
        }
    }

    /// (district committees, TCCSĐ under each).
    fn shape(self) -> (usize, usize) {
        match self {
            Scale::City => (1, 30),
            Scale::Province => (11, 410),
            Scale::National => (700, 75),
        }
    }

    /// How many TCCSĐ the scale has: the progress bar's total.
    pub fn grassroots(self) -> usize {
        let (districts, each) = self.shape();
        districts * each
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScaleSummary {
    pub organizations: usize,
    pub members: usize,
    pub meetings: usize,
}

impl ScaleSummary {
    fn add(&mut self, other: ScaleSummary) {
        self.organizations += other.organizations;
        self.members += other.members;
        self.meetings += other.meetings;
    }
}

/// The generated database's one account (username, password), for trying it out only.
pub const ADMIN: (&str, &str) = ("admin", "admin12345");

/// Every organization of the generated tree was founded on this day.
const FOUNDED: NaiveDate = crate::day(2015, 1, 1);

fn org(code: String, name: String, kind: &str, parent: Option<&str>) -> NewOrg {
    NewOrg {
        code,
        name,
        kind: kind.into(),
        sector: Some("agency".into()),
        parent_code: parent.map(String::from),
        founded_on: FOUNDED.format("%Y-%m-%d").to_string(),
        decision_number: "1-QĐ/TU".into(),
    }
}

/// Draws the members of one cell. `n` numbers them across the whole tree (card and CCCD).
fn members(dice: &mut Dice, cell: &str, today: NaiveDate, n: &mut usize) -> Vec<MemberInput> {
    let size = dice.between(5, 25) + dice.between(0, 20);
    // Admitted in the last twelve months: still probationary.
    let recent = today.checked_sub_months(Months::new(12)).unwrap_or(today);
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    (0..size)
        .map(|_| {
            *n += 1;
            let sex = if dice.chance(0.36) { Sex::Female } else { Sex::Male };
            let ethnicity = *dice.weighted(&names::ETHNICITIES);
            // Younger members are more numerous: two draws, the later birth kept.
            let year = dice.between(1945, 2004).max(dice.between(1945, 2004)) as i32;
            let born = crate::day(year, dice.between(1, 12) as u32, dice.between(1, 28) as u32);
            let at_18 = born.with_year(born.year() + 18).unwrap_or(born);
            let at_35 = born.with_year(born.year() + 35).unwrap_or(born).min(today - Days::new(1));
            let admitted = dice.day_between(at_18, at_35.max(at_18));
            let mut input = MemberInput {
                full_name: names::full_name(dice, ethnicity, sex, year),
                born_on: iso(born),
                sex: sex.code().into(),
                ethnicity: ethnicity.into(),
                religion: (*dice.weighted(&names::RELIGIONS)).into(),
                cccd: Some(format!("{}{:02}{:09}", u8::from(sex == Sex::Female), dice.between(1, 96), *n)),
                card_number: Some(format!("{:09}", *n)),
                org_code: cell.into(),
                decision_number: format!("{}-QĐ/ĐU", dice.between(1, 300)),
                ..Default::default()
            };
            if admitted >= recent {
                input.admitted_on = iso(admitted);
                input.entry = "admission".into();
            } else {
                let official = admitted.checked_add_months(Months::new(12)).unwrap_or(admitted);
                let earliest = official.max(FOUNDED);
                input.admitted_on = iso(admitted);
                input.official_on = Some(iso(official));
                input.entry = "transfer_in".into();
                input.entry_on = Some(iso(dice.day_between(earliest, today.max(earliest))));
            }
            input
        })
        .collect()
}

/// How many years of meetings each cell has, up to today.
const MEETING_YEARS: u32 = 5;

/// Draws five years of one cell's meetings up to `today`, for its members (membership, as
/// entered): a regular meeting in most months, a thematic one in most quarters (Hướng dẫn
/// 12-HD/BTCTW: monthly and quarterly), a weak cell now and then skipping more, a few members
/// absent, most of them with a reason. Every meeting is in the past and lists only members on
/// the cell's roll that day.
fn meetings(dice: &mut Dice, roll: &[(&MembershipId, &MemberInput)], today: NaiveDate) -> Vec<MeetingInput> {
    let start = |m: &MemberInput| {
        let on = m.entry_on.as_deref().unwrap_or(&m.admitted_on);
        NaiveDate::parse_from_str(on, "%Y-%m-%d").unwrap_or(today)
    };
    let roll: Vec<(&MembershipId, &str, NaiveDate)> =
        roll.iter().map(|(id, m)| (*id, m.full_name.as_str(), start(m))).collect();
    let keeps = if dice.chance(0.08) { 0.75 } else { 0.97 };
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let first = today.with_day(1).and_then(|d| d.checked_sub_months(Months::new(MEETING_YEARS * 12 - 1)));
    let mut out = Vec::new();
    let Some(first) = first else { return out };
    let mut month = first;
    while month <= today {
        let mut held = vec![(MeetingKind::Regular, dice.between(3, 25))];
        if month.month() % 3 == 0 {
            held.push((MeetingKind::Thematic, dice.between(10, 28)));
        }
        for (kind, day) in held {
            let Some(on) = month.with_day(day as u32).filter(|on| *on <= today) else { continue };
            if !dice.chance(keeps) {
                continue;
            }
            let present: Vec<_> = roll.iter().filter(|(_, _, since)| *since <= on).collect();
            if present.len() < 2 {
                continue;
            }
            let mut absences = Vec::new();
            for (id, _, _) in &present {
                if dice.chance(0.05) {
                    let with_reason = dice.chance(0.8);
                    let reason = if with_reason { (*dice.pick(&REASONS)).into() } else { String::new() };
                    absences.push(AbsenceInput { member_id: id.to_string(), with_reason, reason });
                }
            }
            let topic = match kind {
                MeetingKind::Thematic => crate::topics::thematic_topic(dice, on, false),
                _ => crate::topics::regular_topic(dice, on, false),
            };
            out.push(MeetingInput {
                kind: kind.code().into(),
                held_on: iso(on),
                starts_at: "14:00".into(),
                // 42-HD asks 90 minutes at least; a few meetings run short.
                duration_minutes: if dice.chance(0.04) {
                    dice.between(60, 89)
                } else {
                    dice.between(90, 150)
                }
                .to_string(),
                topic,
                minutes: MinutesText {
                    venue: "Hội trường cơ quan".into(),
                    chair: present[0].1.into(),
                    minute_taker: present[1].1.into(),
                    ..MinutesText::default()
                },
                absences,
                ..MeetingInput::default()
            });
        }
        month = month.checked_add_months(Months::new(1)).unwrap_or(today + Days::new(1));
    }
    out
}

/// Why a member missed a meeting, as minutes put it.
const REASONS: [&str; 4] = ["Đi công tác", "Ốm", "Việc gia đình", "Đi học"];

/// Generates the tree of `scale` with `seed` into an empty database, one district per
/// transaction. `progress` is told after each (done, total).
pub fn generate(
    app: &App,
    scale: Scale,
    seed: u64,
    mut progress: impl FnMut(usize, usize),
) -> AppResult<ScaleSummary> {
    let sys = Actor::system();
    let today = coso_app::today();
    let (districts, each) = scale.shape();
    let total = districts * each;
    app.transaction(|tx| {
        if !tx.is_empty()? {
            return Err(coso_app::AppError::Conflict(crate::NOT_EMPTY.into()));
        }
        // One account to look around with; its password is printed like the demo's.
        let (username, password) = ADMIN;
        let admin = NewUser {
            username: username.into(),
            display_name: Some("Quản trị hệ thống".into()),
            role: Role::Admin.code().into(),
            org_code: None,
            password: password.into(),
        };
        tx.add_user(&sys, admin)
    })?;
    // One transaction per district committee (a commit is a flush to disk), as many at once as
    // the engine can write; each district draws from its own dice, so the data do not depend
    // on which worker wrote it first.
    let next = AtomicUsize::new(0);
    let (done, finished) = mpsc::channel::<()>();
    let parts: Vec<AppResult<ScaleSummary>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..app.parallel_writers().min(districts))
            .map(|_| {
                let done = done.clone();
                let next = &next;
                s.spawn(move || -> AppResult<ScaleSummary> {
                    app.deferring_tally(|| {
                        let mut part = ScaleSummary::default();
                        loop {
                            let d = next.fetch_add(1, Ordering::Relaxed);
                            if d >= districts {
                                return Ok(part);
                            }
                            let wrote = district(app, d, each, seed, today, &done)?;
                            part.add(wrote);
                        }
                    })
                })
            })
            .collect();
        drop(done);
        for (n, ()) in finished.iter().enumerate() {
            progress(n + 1, total);
        }
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|_| Err(coso_app::AppError::Internal("scale worker panicked".into())))
            })
            .collect()
    });
    let mut summary = ScaleSummary::default();
    for part in parts {
        summary.add(part?);
    }
    // The workers left the statistics' tally to one pass at the end.
    app.rebuild_tally()?;
    app.vacuum_analyze()?;
    Ok(summary)
}

/// Writes district `d` with its TCCSĐ, cells and members in one transaction; tells `done`
/// after each TCCSĐ.
fn district(
    app: &App,
    d: usize,
    each: usize,
    seed: u64,
    today: NaiveDate,
    done: &mpsc::Sender<()>,
) -> AppResult<ScaleSummary> {
    let sys = Actor::system();
    let mut dice = Dice::new(seed ^ (d as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    // Card and CCCD numbers: a million per district, unique across the tree.
    let mut n = d * 1_000_000;
    let mut summary = ScaleSummary::default();
    let district = format!("H{d:03}");
    app.transaction(|tx| -> AppResult<()> {
        let name = format!("Đảng bộ huyện số {}", d + 1);
        tx.create_org(&sys, org(district.clone(), name, "city_committee", None))?;
        summary.organizations += 1;
        for g in 0..each {
            let code = format!("{district}-{g:03}");
            let (mut register, mut cells) = (Vec::new(), Vec::new());
            if dice.chance(0.5) {
                let name = format!("Đảng bộ cơ sở số {} huyện {}", g + 1, d + 1);
                tx.create_org(&sys, org(code.clone(), name, "grassroots_committee", Some(&district)))?;
                summary.organizations += 1;
                for c in 0..dice.between(2, 12) {
                    let cell = format!("{code}-{c:02}");
                    let name = format!("Chi bộ {} đảng bộ cơ sở số {} huyện {}", c + 1, g + 1, d + 1);
                    tx.create_org(&sys, org(cell.clone(), name, "subordinate_cell", Some(&code)))?;
                    summary.organizations += 1;
                    let drawn = members(&mut dice, &cell, today, &mut n);
                    cells.push((cell, drawn.len()));
                    register.extend(drawn);
                }
            } else {
                let name = format!("Chi bộ cơ sở số {} huyện {}", g + 1, d + 1);
                tx.create_org(&sys, org(code.clone(), name, "grassroots_cell", Some(&district)))?;
                summary.organizations += 1;
                let drawn = members(&mut dice, &code, today, &mut n);
                cells.push((code, drawn.len()));
                register.extend(drawn);
            }
            let imported = tx.import_members(&sys, &register)?;
            summary.members += imported.members;
            // Each cell's five years of meetings, with absentees among its members.
            let mut at = 0;
            for (cell, size) in &cells {
                let roll: Vec<_> = imported.ids[at..at + size].iter().zip(&register[at..at + size]).collect();
                at += size;
                let planned = meetings(&mut dice, &roll, today);
                summary.meetings += tx.import_meetings(&sys, cell, &planned)?.meetings;
            }
            let _ = done.send(());
        }
        Ok(())
    })?;
    Ok(summary)
}
