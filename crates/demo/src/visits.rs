//! Superior committee members at cell meetings under Quy định 1764-QĐ/TU (29/5/2019): the
//! quota policies, who was assigned to follow which cells, and the meetings each attended.
//!
//! A member of the city committee follows two or three cells under the city quota (a grassroots
//! secretary, who sits on it, follows cells of his own committee); the other members of a
//! grassroots committee follow one or two of its cells under the grassroots quota. Seats change
//! at the congresses of 2020, and so do assignments.
use std::collections::{BTreeMap, HashMap};

use chrono::{Days, NaiveDate};
use coso_domain::quota::QuotaLevel;

use super::calendar::{BLOCK_9, Slot};
use super::day;
use super::dice::Dice;
use super::documents::{Decision, DocumentNumbers};
use super::officers::PlannedPosition;
use super::roll::Roll;
use super::tree::{ARTICLE_DAY, CITY, Tree};

/// Quy định 1764-QĐ/TU of the provincial standing committee, in force from its signing.
pub(crate) const QUOTA_DOCUMENT: &str = "1764-QĐ/TU";
pub(crate) const QUOTA_ISSUED_ON: NaiveDate = day(2019, 5, 29);
pub(crate) const QUOTA_ISSUER: &str = "Ban Thường vụ Tỉnh ủy Lạng Sơn";
/// The quotas it sets: (level, minimum meetings a year).
pub(crate) const QUOTAS: [(QuotaLevel, i32); 2] =
    [(QuotaLevel::CityCommittee, 2), (QuotaLevel::GrassrootsCommittee, 4)];
/// The ward whose cells the city's work group visited beyond their assignments (the article).
const PILOT_WARD: &str = "LS-DK";
/// City committee members who attend fewer than their quota in 2021, and grassroots ones.
const CITY_SHORT: usize = 4;
const GRASSROOTS_SHORT: usize = 5;
/// The city committee's attendances the demo aims at (the article: "trên 120 lượt").
const CITY_TOTAL: (i64, i64) = (126, 138);

/// A committee member assigned to follow a cell from `from` to `to`.
#[derive(Debug, Clone)]
pub(crate) struct PlannedAssignment {
    pub(crate) member: usize,
    pub(crate) cell: String,
    pub(crate) level: QuotaLevel,
    pub(crate) from: NaiveDate,
    pub(crate) to: Option<NaiveDate>,
    pub(crate) decision: Decision,
}

/// A stretch of time in which a person follows the same cells under the same quota.
#[derive(Debug, Clone)]
struct Run {
    member: usize,
    level: QuotaLevel,
    /// The committee whose seat gives the quota (the city, or a grassroots committee).
    committee: String,
    from: NaiveDate,
    to: Option<NaiveDate>,
    cells: Vec<String>,
}

impl Run {
    fn covers(&self, on: NaiveDate) -> bool {
        self.from <= on && self.to.is_none_or(|t| on < t)
    }
}

/// The seat that gives a person a quota on a day, among their own seats: the city committee
/// first.
fn quota_seat(seats: &[&PlannedPosition], tree: &Tree, on: NaiveDate) -> Option<(QuotaLevel, String)> {
    let held = |p: &&&PlannedPosition| p.from <= on && p.to.is_none_or(|t| on < t);
    if seats.iter().filter(held).any(|p| p.org == CITY) {
        return Some((QuotaLevel::CityCommittee, CITY.into()));
    }
    seats
        .iter()
        .filter(held)
        .find(|p| tree.unit(&p.org).is_some_and(|u| u.kind == coso_domain::org::OrgKind::GrassrootsCommittee))
        .map(|p| (QuotaLevel::GrassrootsCommittee, p.org.clone()))
}

/// Every assignment from the regulation's day, as runs of unchanged seats.
fn draw_runs(dice: &mut Dice, tree: &Tree, roll: &Roll, positions: &[PlannedPosition]) -> Vec<Run> {
    let mut turns: Vec<NaiveDate> = positions
        .iter()
        .flat_map(|p| [Some(p.from), p.to])
        .flatten()
        .filter(|d| QUOTA_ISSUED_ON < *d && *d <= ARTICLE_DAY)
        .collect();
    turns.push(QUOTA_ISSUED_ON);
    turns.sort();
    turns.dedup();
    let mut people: BTreeMap<usize, Vec<&PlannedPosition>> = BTreeMap::new();
    for p in positions {
        people.entry(p.member).or_default().push(p);
    }
    let mut runs: Vec<Run> = Vec::new();
    for (member, seats) in people {
        let mut current: Option<Run> = None;
        for on in &turns {
            let seat = quota_seat(&seats, tree, *on);
            let same = current.as_ref().map(|r| (r.level, r.committee.clone()));
            if seat == same {
                continue;
            }
            if let Some(mut run) = current.take() {
                run.to = Some(*on);
                runs.push(run);
            }
            current = seat.map(|(level, committee)| Run {
                member,
                level,
                committee,
                from: *on,
                to: None,
                cells: Vec::new(),
            });
        }
        runs.extend(current);
    }
    // Khối 9 is followed by a city committee member from outside the ward and by a member of
    // the ward's committee, both through 2021 (the article).
    let through = |r: &Run| r.covers(QUOTA_ISSUED_ON) && r.to.is_none();
    let outside = |r: &Run| {
        roll.cell_on(r.member, ARTICLE_DAY).is_none_or(|c| !tree.in_subtree_on(c, "LS-HVT", ARTICLE_DAY))
    };
    let city_for_9 = pick_run(dice, &runs, |r| {
        r.level == QuotaLevel::CityCommittee
            && r.committee == CITY
            && through(r)
            && outside(r)
            && !grassroots_secretary(positions, tree, r)
    });
    let ward_for_9 = pick_run(dice, &runs, |r| {
        r.committee == "LS-HVT" && r.level == QuotaLevel::GrassrootsCommittee && r.covers(day(2021, 1, 1))
    });
    let mut followers: HashMap<(QuotaLevel, String), usize> = HashMap::new();
    let mut chosen: HashMap<(usize, QuotaLevel, String), Vec<String>> = HashMap::new();
    let mut cells_of: Vec<Vec<String>> = Vec::with_capacity(runs.len());
    for (k, run) in runs.iter().enumerate() {
        let key = (run.member, run.level, run.committee.clone());
        if let Some(cells) = chosen.get(&key) {
            cells_of.push(cells.clone());
            continue;
        }
        let own: Vec<&str> =
            [run.from, ARTICLE_DAY].iter().filter_map(|d| roll.cell_on(run.member, *d)).collect();
        let root = match (run.level, own_committee(positions, tree, run)) {
            (QuotaLevel::GrassrootsCommittee, _) => run.committee.clone(),
            (QuotaLevel::CityCommittee, Some(c)) => c,
            (QuotaLevel::CityCommittee, None) => CITY.to_string(),
        };
        let lasting = |code: &str| {
            [run.from, ARTICLE_DAY]
                .iter()
                .all(|d| tree.exists_on(code, *d) && tree.in_subtree_on(code, &root, *d))
        };
        let mut candidates: Vec<&str> = tree
            .units
            .iter()
            .filter(|u| u.kind.is_cell() && !own.contains(&u.code.as_str()) && lasting(&u.code))
            .map(|u| u.code.as_str())
            .collect();
        shuffle(dice, &mut candidates);
        candidates.sort_by_key(|c| followers.get(&(run.level, c.to_string())).copied().unwrap_or(0));
        let wanted = match run.level {
            QuotaLevel::CityCommittee => dice.between(2, 3),
            QuotaLevel::GrassrootsCommittee => dice.between(1, 2),
        } as usize;
        let mut cells: Vec<String> = Vec::new();
        if Some(k) == city_for_9 || Some(k) == ward_for_9 {
            cells.push(BLOCK_9.to_string());
        }
        for c in candidates {
            if cells.len() >= wanted {
                break;
            }
            if !cells.iter().any(|x| x == c) {
                cells.push(c.to_string());
            }
        }
        for c in &cells {
            *followers.entry((run.level, c.clone())).or_default() += 1;
        }
        chosen.insert(key, cells.clone());
        cells_of.push(cells);
    }
    for (run, cells) in runs.iter_mut().zip(cells_of) {
        run.cells = cells;
    }
    runs
}

/// The grassroots committee in which a city committee member holds a seat at the start of a run.
fn own_committee(positions: &[PlannedPosition], tree: &Tree, run: &Run) -> Option<String> {
    seats_of(positions, run.member, run.from)
        .find(|p| tree.unit(&p.org).is_some_and(|u| u.kind == coso_domain::org::OrgKind::GrassrootsCommittee))
        .map(|p| p.org.clone())
}

fn grassroots_secretary(positions: &[PlannedPosition], tree: &Tree, run: &Run) -> bool {
    own_committee(positions, tree, run).is_some()
}

fn seats_of(
    positions: &[PlannedPosition],
    member: usize,
    on: NaiveDate,
) -> impl Iterator<Item = &PlannedPosition> {
    positions.iter().filter(move |p| p.member == member && p.from <= on && p.to.is_none_or(|t| on < t))
}

fn pick_run(dice: &mut Dice, runs: &[Run], fits: impl Fn(&Run) -> bool) -> Option<usize> {
    let fitting: Vec<usize> = (0..runs.len()).filter(|k| fits(&runs[*k])).collect();
    (!fitting.is_empty()).then(|| *dice.pick(&fitting))
}

fn shuffle<T>(dice: &mut Dice, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, dice.below(i as u64 + 1) as usize);
    }
}

/// The assignments and who attended which meeting (indexes into `slots`).
pub(crate) struct Following {
    pub(crate) assignments: Vec<PlannedAssignment>,
    /// For each slot, the members who attended as superiors.
    pub(crate) superiors: Vec<Vec<usize>>,
}

/// Draws assignments under the quotas, then each year's attendances: about the quota, a few
/// short of it, and two visits by the city's work group to cells of the pilot ward that the
/// visitors were not assigned to.
pub(crate) fn draw_following(
    dice: &mut Dice,
    tree: &Tree,
    roll: &Roll,
    positions: &[PlannedPosition],
    slots: &[Slot],
    numbers: &mut DocumentNumbers,
) -> Following {
    let runs = draw_runs(dice, tree, roll, positions);
    let mut decisions: HashMap<(String, NaiveDate), Decision> = HashMap::new();
    let mut assignments = Vec::new();
    for run in &runs {
        let decision = decisions
            .entry((run.committee.clone(), run.from))
            .or_insert_with(|| match run.level {
                QuotaLevel::CityCommittee => numbers.issue(CITY, "TU", "QĐ", run.from),
                QuotaLevel::GrassrootsCommittee => numbers.issue(&run.committee, "ĐU", "QĐ", run.from),
            })
            .clone();
        for cell in &run.cells {
            assignments.push(PlannedAssignment {
                member: run.member,
                cell: cell.clone(),
                level: run.level,
                from: run.from,
                to: run.to,
                decision: decision.clone(),
            });
        }
    }
    let mut counts = draw_counts(dice, &runs);
    balance_city(&runs, &mut counts);
    let mut superiors: Vec<Vec<usize>> = vec![Vec::new(); slots.len()];
    let mut by_cell: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in slots.iter().enumerate() {
        by_cell.entry(s.cell.as_str()).or_default().push(i);
    }
    for ((k, year), count) in counts {
        let run = &runs[k];
        let (from, to) = window(run, year);
        let mut candidates: Vec<usize> = run
            .cells
            .iter()
            .flat_map(|c| by_cell.get(c.as_str()).into_iter().flatten().copied())
            .filter(|i| from <= slots[*i].held_on && slots[*i].held_on < to)
            .filter(|i| roll.official_on(run.member, slots[*i].held_on) && superiors[*i].len() < 3)
            .collect();
        candidates.sort_by_key(|i| (slots[*i].held_on, *i));
        let mut picked = Vec::new();
        if year == 2021 && run.cells.first().is_some_and(|c| c == BLOCK_9) {
            let block9: Vec<usize> =
                candidates.iter().copied().filter(|i| slots[*i].cell == BLOCK_9).collect();
            if !block9.is_empty() {
                picked.push(*dice.pick(&block9));
            }
        }
        let rest: Vec<usize> = candidates.iter().copied().filter(|i| !picked.contains(i)).collect();
        let more = count.saturating_sub(picked.len());
        for seg in 0..more {
            let lo = seg * rest.len() / more;
            let hi = ((seg + 1) * rest.len() / more).max(lo + 1).min(rest.len());
            if lo < hi {
                picked.push(rest[lo + dice.below((hi - lo) as u64) as usize]);
            }
        }
        for i in picked {
            superiors[i].push(run.member);
        }
    }
    visit_pilot_ward(dice, tree, &runs, slots, roll, &mut superiors);
    Following { assignments, superiors }
}

/// The part of a year in which a run's member visits: from the first of June 2019 (the
/// assignments are made in June), within the run, up to the article's day.
fn window(run: &Run, year: i32) -> (NaiveDate, NaiveDate) {
    let from = day(year, 1, 1).max(day(2019, 6, 1)).max(run.from);
    let to = day(year + 1, 1, 1).min(ARTICLE_DAY + Days::new(1));
    (from, run.to.map_or(to, |t| t.min(to)))
}

/// How many meetings each run's member attends each year, keyed by (run, year).
fn draw_counts(dice: &mut Dice, runs: &[Run]) -> Vec<((usize, i32), usize)> {
    let mut out = Vec::new();
    let short_pool = |level| {
        (0..runs.len())
            .filter(|k| runs[*k].level == level && runs[*k].covers(day(2021, 1, 1)))
            .collect::<Vec<_>>()
    };
    let mut short: Vec<usize> = Vec::new();
    for (level, n) in
        [(QuotaLevel::CityCommittee, CITY_SHORT), (QuotaLevel::GrassrootsCommittee, GRASSROOTS_SHORT)]
    {
        let mut pool = short_pool(level);
        shuffle(dice, &mut pool);
        short.extend(pool.into_iter().take(n));
    }
    for (k, run) in runs.iter().enumerate() {
        for year in 2019..=2021 {
            let (from, to) = window(run, year);
            if from >= to {
                continue;
            }
            let (full_from, full_to) = window(&Run { to: None, from: QUOTA_ISSUED_ON, ..run.clone() }, year);
            let share = (to - from).num_days() as f64 / (full_to - full_from).num_days().max(1) as f64;
            let city = run.level == QuotaLevel::CityCommittee;
            let usual = match (year, city) {
                (2019, true) => *dice.weighted(&[(0, 1), (1, 7), (2, 2)]),
                (2019, false) => *dice.weighted(&[(1, 1), (2, 6), (3, 3)]),
                (_, true) => *dice.weighted(&[(2, 8), (3, 2)]),
                (_, false) => *dice.weighted(&[(4, 8), (5, 2)]),
            };
            let count = if year == 2021 && short.contains(&k) {
                if city { 1 } else { dice.between(2, 3) as usize }
            } else {
                ((usual as f64) * share).round() as usize
            };
            out.push(((k, year), count));
        }
    }
    out
}

/// Trims or tops up the city committee's yearly counts, in a fixed order, so their total
/// (with the two visits to the pilot ward) lands in [`CITY_TOTAL`]: a third meeting goes
/// first, then 2019's second, then 2019's only one (the regulation's first half-year); a
/// second meeting of 2019 is added first.
fn balance_city(runs: &[Run], counts: &mut [((usize, i32), usize)]) {
    let city = |k: usize| runs[k].level == QuotaLevel::CityCommittee;
    let total = |counts: &[((usize, i32), usize)]| -> i64 {
        counts.iter().filter(|((k, _), _)| city(*k)).map(|(_, n)| *n as i64).sum::<i64>() + 2
    };
    for (year, floor) in [(2020, 2), (2021, 2), (2019, 1), (2019, 0)] {
        for i in 0..counts.len() {
            let ((k, y), n) = counts[i];
            if total(counts) > CITY_TOTAL.1 && city(k) && y == year && n > floor {
                counts[i].1 = n - 1;
            }
        }
    }
    for (year, ceiling) in [(2019, 2), (2020, 3)] {
        for i in 0..counts.len() {
            let ((k, y), n) = counts[i];
            if total(counts) < CITY_TOTAL.0 && city(k) && y == year && n < ceiling {
                counts[i].1 = n + 1;
            }
        }
    }
}

/// The city's work group at cells of the pilot ward in late 2020: two city committee members,
/// each at one meeting of a cell they do not follow (the app flags such attendances).
fn visit_pilot_ward(
    dice: &mut Dice,
    tree: &Tree,
    runs: &[Run],
    slots: &[Slot],
    roll: &Roll,
    superiors: &mut [Vec<usize>],
) {
    let mut visitors: Vec<usize> = (0..runs.len())
        .filter(|k| {
            let r = &runs[*k];
            r.level == QuotaLevel::CityCommittee && r.committee == CITY && r.covers(day(2020, 9, 1))
        })
        .collect();
    for _ in 0..2 {
        if visitors.is_empty() {
            return;
        }
        let run = &runs[visitors.remove(dice.below(visitors.len() as u64) as usize)];
        let meetings: Vec<usize> = (0..slots.len())
            .filter(|i| {
                let s = &slots[*i];
                tree.in_subtree_on(&s.cell, PILOT_WARD, s.held_on)
                    && (day(2020, 9, 1)..day(2021, 1, 1)).contains(&s.held_on)
                    && roll.official_on(run.member, s.held_on)
                    && !run.cells.contains(&s.cell)
                    && roll.cell_on(run.member, s.held_on) != Some(s.cell.as_str())
                    && !superiors[*i].contains(&run.member)
            })
            .collect();
        if !meetings.is_empty() {
            superiors[*dice.pick(&meetings)].push(run.member);
        }
    }
}
