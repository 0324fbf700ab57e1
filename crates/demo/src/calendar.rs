//! When every cell met from 2019 to the article's day: a regular meeting each month on the
//! cell's usual day, a thematic one each quarter (some cells combine the two), and the lapses
//! of a realistic few: months without a meeting, a quarter without a thematic one, meetings cut
//! short.
use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use coso_domain::date::add_months;
use coso_domain::meeting::MeetingKind;

use super::day;
use super::dice::Dice;
use super::tree::{ARTICLE_DAY, Tree, Unit};
use super::units::Profile;

/// The first meetings the demo records.
pub(crate) const MEETINGS_FROM: NaiveDate = day(2019, 1, 1);
/// The cell the seed article quotes on its meetings of 2021 (its deputy secretary speaks).
pub(crate) const BLOCK_9: &str = "LS-HVT-K9";
/// The cell whose secretary tells where topics come from.
pub(crate) const CUA_NAM: &str = "LS-CL-CN";
/// Lunar new year: nobody meets in the days around it.
const TET: [NaiveDate; 3] = [day(2019, 2, 5), day(2020, 1, 25), day(2021, 2, 12)];
/// Nationwide social distancing against Covid-19 (Chỉ thị 16/CT-TTg, 1–22/4/2020): one cell
/// let its April meeting go.
const DISTANCING: (i32, u32) = (2020, 4);
/// Cells that let a month or more go, and cells that let a quarter's thematic meeting go.
const MISSED_MONTHS: usize = 4;
const MISSED_QUARTERS: usize = 3;
/// Cells that cut a meeting or two short.
const SHORT: usize = 4;
/// Share of quarters whose thematic meeting is combined with the month's regular one.
const COMBINED: f64 = 0.35;

/// One meeting's time: what kind, when, how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) cell: String,
    pub(crate) kind: MeetingKind,
    pub(crate) held_on: NaiveDate,
    pub(crate) starts_at: &'static str,
    pub(crate) minutes: i32,
}

/// What a cell let go.
#[derive(Debug, Clone, Default)]
struct Lapse {
    months: Vec<(i32, u32)>,
    quarter: Option<(i32, u32)>,
    short: usize,
}

/// Every cell's meetings from 2019 to the article's day, in cell order, each cell's by date.
pub(crate) fn draw_calendar(dice: &mut Dice, tree: &Tree) -> Vec<Slot> {
    let lapses = draw_lapses(dice, tree);
    let mut slots = Vec::new();
    for unit in tree.units.iter().filter(|u| u.kind.is_cell()) {
        let start = unit.founded_on.max(MEETINGS_FROM);
        let end =
            tree.ends_on(&unit.code).unwrap_or(ARTICLE_DAY + Days::new(1)).min(ARTICLE_DAY + Days::new(1));
        if start >= end {
            continue;
        }
        let lapse = lapses.get(unit.code.as_str()).cloned().unwrap_or_default();
        slots.extend(cell_calendar(dice, unit, start, end, &lapse));
    }
    slots
}

/// Chooses the cells that lapse, among those standing the whole time, never the two the
/// article praises.
fn draw_lapses<'a>(dice: &mut Dice, tree: &'a Tree) -> HashMap<&'a str, Lapse> {
    let mut candidates: Vec<&str> = tree
        .cells_on(MEETINGS_FROM)
        .filter(|u| tree.exists_on(&u.code, ARTICLE_DAY) && u.code != BLOCK_9 && u.code != CUA_NAM)
        .map(|u| u.code.as_str())
        .collect();
    let mut draw = |dice: &mut Dice| candidates.remove(dice.below(candidates.len() as u64) as usize);
    let mut lapses: HashMap<&str, Lapse> = HashMap::new();
    for n in 0..MISSED_MONTHS {
        let cell = draw(dice);
        let (first, length) = if n == 0 {
            (DISTANCING, 1)
        } else {
            let first = add_months(day(2019, 2, 1), dice.below(30) as u32);
            ((first.year(), first.month()), dice.between(1, 3) as u32)
        };
        let first = day(first.0, first.1, 1);
        let months = (0..length).map(|k| add_months(first, k)).map(|d| (d.year(), d.month())).collect();
        lapses.entry(cell).or_default().months = months;
    }
    for _ in 0..MISSED_QUARTERS {
        let cell = draw(dice);
        let q = dice.below(11) as i32;
        lapses.entry(cell).or_default().quarter = Some((2019 + q / 4, (q % 4) as u32 + 1));
    }
    for _ in 0..SHORT {
        let cell = draw(dice);
        lapses.entry(cell).or_default().short = dice.between(1, 2) as usize;
    }
    lapses
}

/// How a cell meets: residential blocks and villages in the evening on a day of the month,
/// offices in the afternoon of a working day early in the month.
struct Habit {
    usual_day: i64,
    starts_at: &'static str,
    working_days: bool,
}

fn habit(dice: &mut Dice, unit: &Unit) -> Habit {
    match unit.profile {
        Profile::Residential | Profile::Village => {
            Habit { usual_day: dice.between(3, 12), starts_at: "19:30", working_days: false }
        }
        Profile::School => Habit { usual_day: dice.between(4, 14), starts_at: "16:00", working_days: true },
        _ => {
            let starts_at = if dice.chance(0.65) { "14:00" } else { "16:00" };
            Habit { usual_day: dice.between(4, 14), starts_at, working_days: true }
        }
    }
}

/// A day of the month near `wanted`, away from Tết and, for offices, on a working day.
fn meeting_day(year: i32, month: u32, wanted: i64, habit: &Habit) -> NaiveDate {
    let last = add_months(day(year, month, 1), 1).pred_opt().map(|d| d.day()).unwrap_or(28);
    let mut on = day(year, month, 1) + Days::new((wanted.clamp(1, i64::from(last)) - 1) as u64);
    for tet in TET {
        if tet - Days::new(3) <= on && on <= tet + Days::new(6) {
            let after = tet + Days::new(7);
            on = if after.month() == month { after } else { tet - Days::new(4) };
        }
    }
    if habit.working_days {
        let shifted = match on.weekday() {
            Weekday::Sat => on.pred_opt(),
            Weekday::Sun => on.succ_opt(),
            _ => Some(on),
        };
        on = shifted.filter(|d| d.month() == month).unwrap_or(on);
    }
    on
}

/// The meetings of one cell in `[start, end)`.
fn cell_calendar(dice: &mut Dice, unit: &Unit, start: NaiveDate, end: NaiveDate, lapse: &Lapse) -> Vec<Slot> {
    let habit = habit(dice, unit);
    let mut slots: Vec<Slot> = Vec::new();
    let mut month = day(start.year(), start.month(), 1);
    while month < end {
        let (y, m) = (month.year(), month.month());
        month = add_months(month, 1);
        let on = meeting_day(y, m, habit.usual_day + dice.between(-2, 2), &habit);
        if lapse.months.contains(&(y, m)) || on < start || on >= end {
            continue;
        }
        let minutes = dice.between(90, 130) as i32;
        slots.push(Slot {
            cell: unit.code.clone(),
            kind: MeetingKind::Regular,
            held_on: on,
            starts_at: habit.starts_at,
            minutes,
        });
    }
    let quarters: Vec<(i32, u32)> = {
        let mut qs: Vec<(i32, u32)> = slots.iter().map(|s| (s.held_on.year(), quarter(s.held_on))).collect();
        qs.dedup();
        qs
    };
    for (y, q) in quarters {
        // Khối 9's three thematic meetings of 2021 are the year's first three quarters' (the article).
        if lapse.quarter == Some((y, q)) || (unit.code == BLOCK_9 && (y, q) == (2021, 4)) {
            continue;
        }
        let in_quarter: Vec<usize> = (0..slots.len())
            .filter(|i| (slots[*i].held_on.year(), quarter(slots[*i].held_on)) == (y, q))
            .collect();
        let regular = in_quarter[dice.below(in_quarter.len() as u64) as usize];
        let base = slots[regular].held_on;
        let later = meeting_day(y, base.month(), i64::from(base.day()) + dice.between(7, 12), &habit);
        let separate =
            [later, meeting_day(y, base.month(), i64::from(base.day()) - dice.between(7, 10), &habit)]
                .into_iter()
                .find(|d| *d != base && d.month() == base.month() && start <= *d && *d < end);
        match separate {
            Some(on) if !dice.chance(COMBINED) => slots.push(Slot {
                cell: unit.code.clone(),
                kind: MeetingKind::Thematic,
                held_on: on,
                starts_at: habit.starts_at,
                minutes: dice.between(90, 150) as i32,
            }),
            _ => {
                slots[regular].kind = MeetingKind::Combined;
                slots[regular].minutes = dice.between(120, 150) as i32;
            }
        }
    }
    for _ in 0..lapse.short {
        let regular: Vec<usize> =
            (0..slots.len()).filter(|i| slots[*i].kind == MeetingKind::Regular).collect();
        if let Some(i) = (!regular.is_empty()).then(|| regular[dice.below(regular.len() as u64) as usize]) {
            slots[i].minutes = dice.between(60, 80) as i32;
        }
    }
    slots.sort_by_key(|s| s.held_on);
    slots
}

pub(crate) fn quarter(on: NaiveDate) -> u32 {
    (on.month() - 1) / 3 + 1
}
