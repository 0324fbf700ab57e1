//! Drawing the demo's register: how many members each cell has, when each was admitted, and the
//! confirmations, exemptions, deaths, transfers and removals of 2015–2021.
use chrono::{Datelike, Days, NaiveDate};
use coso_domain::date::add_months;
use coso_domain::member::{MemberEventKind as Kind, MemberStatus, PROBATION_MONTHS};
use coso_domain::org::OrgKind;

use super::day;
use super::dice::Dice;
use super::documents::{Decision, DocumentNumbers};
use super::people::{self, years_after};
use super::register::{PlannedEvent, PlannedMember};
use super::tree::{ARTICLE_DAY, CITY, Change, HISTORY_START, Tree, Unit};
use super::units::Profile;

/// Admissions lean towards the young end of the 18–45 range: higher means younger.
const YOUTH_LEAN: f64 = 1.6;
/// The share of members who could have been admitted since 2015 that were: the yearly intake
/// that keeps 2–4% of the register probationary.
const RECENT_INTAKE: f64 = 0.25;
/// The first admissions the demo draws (members admitted earlier have mostly left by 2015).
const EARLIEST_ADMISSION: NaiveDate = day(1975, 1, 1);
/// How the register of 2015 was opened: the members already on the rolls.
const OPENING_DECISION: &str = "Sổ đảng viên đầu kỳ 01/01/2015";
/// Where members who leave the city go.
const ELSEWHERE: [&str; 5] = [
    "Đảng bộ huyện Cao Lộc",
    "Đảng bộ huyện Văn Lãng",
    "Đảng bộ huyện Chi Lăng",
    "Đảng bộ Khối các cơ quan tỉnh",
    "Đảng bộ thành phố Bắc Giang",
];

/// Draws every member of every cell, then the transfers that empty a dissolved cell, two
/// removals, and the moves a merge makes.
pub(crate) fn draw_register(
    dice: &mut Dice,
    tree: &Tree,
    numbers: &mut DocumentNumbers,
) -> Vec<PlannedMember> {
    let mut members = Vec::new();
    for unit in tree.units.iter().filter(|u| u.kind.is_cell()) {
        let (lo, hi) = unit.profile.size();
        // A chi bộ cơ sở has fewer than 30 members (domain.md §2).
        let hi = if unit.kind == OrgKind::GrassrootsCell { hi.min(27) } else { hi };
        let dissolving =
            tree.reorganizations.iter().any(|r| r.code == unit.code && r.change == Change::Dissolve);
        for _ in 0..dice.between(lo, hi) {
            let serial = members.len() as u64;
            let mut member = draw_member(dice, tree, numbers, unit, serial, dissolving);
            if !dissolving {
                draw_life(dice, tree, numbers, unit.profile, &mut member);
            }
            members.push(member);
        }
    }
    leave_dissolving_cells(dice, tree, numbers, &mut members);
    remove_two(dice, tree, numbers, &mut members);
    follow_merges(tree, &mut members);
    members
}

/// Who decides on a member of `cell`: its grassroots committee, or the city committee for a
/// grassroots cell. (issuer code, abbreviation)
pub(crate) fn issuer_of(tree: &Tree, cell: &str, on: NaiveDate) -> (String, &'static str) {
    match tree.unit(cell) {
        Some(u) if u.kind == OrgKind::SubordinateCell => {
            (tree.parent_on(cell, on).unwrap_or(CITY).to_string(), "ĐU")
        }
        _ => (CITY.to_string(), "TU"),
    }
}

fn decision(
    tree: &Tree,
    numbers: &mut DocumentNumbers,
    cell: &str,
    kind: &'static str,
    on: NaiveDate,
) -> Decision {
    let (issuer, abbreviation) = issuer_of(tree, cell, on);
    numbers.issue(&issuer, abbreviation, kind, on)
}

/// A member entering `unit`: admitted there from 2015, or on its roll when it opens.
fn draw_member(
    dice: &mut Dice,
    tree: &Tree,
    numbers: &mut DocumentNumbers,
    unit: &Unit,
    serial: u64,
    dissolving: bool,
) -> PlannedMember {
    let opens = unit.founded_on.max(HISTORY_START);
    let closes = tree.ends_on(&unit.code).unwrap_or(ARTICLE_DAY + Days::new(1));
    let mut attempts = 0;
    let (person, admitted_on) = loop {
        attempts += 1;
        let person = people::person(dice, tree, unit, serial);
        if let Some(admitted) = draw_admission(dice, person.born_on) {
            // A cell that is dissolved takes no new members: all of them came before 2015.
            let fits = admitted < closes && (!dissolving || admitted < opens);
            if fits || attempts >= 1000 {
                break (person, admitted);
            }
        }
    };
    // Official from the end of probation; the committee decides within weeks (29-QĐ/TW mục 4).
    let due = add_months(admitted_on, PROBATION_MONTHS);
    let official = due + Days::new(dice.below(61));
    let (entry, entry_on, official_on) = if admitted_on < opens {
        (Kind::TransferIn, opens, (official <= opens).then_some(due))
    } else {
        (Kind::Admission, admitted_on, None)
    };
    let entry_decision = match entry {
        Kind::TransferIn if opens == HISTORY_START => Decision::Written(OPENING_DECISION.into()),
        Kind::TransferIn => numbers.issue(CITY, "BTCTU", "GGT", opens),
        _ => decision(tree, numbers, &unit.code, "QĐ", admitted_on),
    };
    let mut member = PlannedMember {
        person,
        cell: unit.code.clone(),
        admitted_on,
        entry,
        entry_on,
        official_on,
        entry_decision,
        card_number: format!("{:08}", 10_000_000 + (serial * 7919) % 90_000_000),
        record_number: format!("{:06}", 200_000 + serial),
        events: Vec::new(),
        membership_id: None,
        person_id: None,
    };
    // Điều lệ Đảng, Điều 5: confirmed after 12 months; the committee decides within weeks.
    if official_on.is_none() && official <= ARTICLE_DAY {
        let cell = tree.successor_on(&unit.code, official).to_string();
        let number = decision(tree, numbers, &cell, "QĐ", official);
        member.events.push(PlannedEvent::new(official, Kind::Confirmation, number));
    }
    member
}

/// An admission date at age 18 to 45, from 1975 to the article's day; `None` if there is none.
fn draw_admission(dice: &mut Dice, born_on: NaiveDate) -> Option<NaiveDate> {
    let year = born_on.year();
    let (lo, hi) = ((year + 18).max(EARLIEST_ADMISSION.year()), (year + 45).min(ARTICLE_DAY.year()));
    if lo > hi {
        return None;
    }
    if dice.chance(RECENT_INTAKE) {
        let from = (years_after(born_on, 18) + Days::new(1)).max(HISTORY_START);
        let until = years_after(born_on, 45).min(ARTICLE_DAY);
        if from <= until {
            return Some(dice.day_between(from, until));
        }
    }
    let lean = dice.unit().powf(YOUTH_LEAN);
    let at = lo + ((f64::from(hi - lo + 1)) * lean) as i32;
    let earliest = (years_after(born_on, at - year) + Days::new(1)).max(EARLIEST_ADMISSION);
    let admitted = earliest + Days::new(dice.below(365));
    (admitted <= ARTICLE_DAY).then_some(admitted)
}

/// The exemptions, deaths and transfers of one member between 2015 and the article's day.
fn draw_life(
    dice: &mut Dice,
    tree: &Tree,
    numbers: &mut DocumentNumbers,
    profile: Profile,
    m: &mut PlannedMember,
) {
    let born = m.person.born_on.year();
    let elderly = born <= 1952;
    if elderly && dice.chance(if born <= 1948 { 0.3 } else { 0.15 }) {
        let from = next_day(m).max(years_after(m.person.born_on, 70));
        if let Some(on) = day_from(dice, from) {
            if status_on(m, on) != Some(MemberStatus::Official) {
                return;
            }
            let number = numbers.issue(&cell_on(tree, m, on), "CB", "NQ", on);
            let mut event = PlannedEvent::new(on, Kind::Exemption, number);
            event.note = "Tuổi cao, sức khỏe yếu; chi bộ xét miễn công tác và sinh hoạt đảng.".into();
            m.events.push(event);
            if dice.chance(0.2) {
                die(dice, tree, numbers, m);
            } else if dice.chance(0.05)
                && let Some(on) = day_from(dice, next_day(m))
            {
                let number = numbers.issue(&cell_on(tree, m, on), "CB", "NQ", on);
                m.events.push(PlannedEvent::new(on, Kind::Return, number));
            }
        }
    } else if dice.chance(if elderly {
        0.1
    } else if born <= 1960 {
        0.03
    } else {
        0.003
    }) {
        die(dice, tree, numbers, m);
    } else if !elderly {
        let moving = match profile {
            Profile::Military | Profile::Police => 0.05,
            Profile::Residential | Profile::Village => 0.01,
            _ => 0.02,
        };
        if dice.chance(moving) {
            move_within_city(dice, tree, numbers, profile, m);
        } else if dice.chance(moving) {
            leave_city(dice, numbers, m);
        }
    }
}

fn next_day(m: &PlannedMember) -> NaiveDate {
    m.last_event_on().max(HISTORY_START) + Days::new(1)
}

/// A day from `from` to the article's day, if there is one.
fn day_from(dice: &mut Dice, from: NaiveDate) -> Option<NaiveDate> {
    (from <= ARTICLE_DAY).then(|| dice.day_between(from, ARTICLE_DAY))
}

fn status_on(m: &PlannedMember, on: NaiveDate) -> Option<MemberStatus> {
    m.standing_on(on).map(|(_, status)| status)
}

fn cell_on(tree: &Tree, m: &PlannedMember, on: NaiveDate) -> String {
    let cell = m.standing_on(on).map(|(cell, _)| cell).unwrap_or(&m.cell);
    tree.successor_on(cell, on).to_string()
}

fn die(dice: &mut Dice, tree: &Tree, numbers: &mut DocumentNumbers, m: &mut PlannedMember) {
    if let Some(on) = day_from(dice, next_day(m)) {
        let cell = cell_on(tree, m, on);
        let number = decision(tree, numbers, &cell, "TB", on);
        m.events.push(PlannedEvent::new(on, Kind::Death, number));
    }
}

/// An internal transfer to a cell like the member's own (a residential cell for the retired).
fn move_within_city(
    dice: &mut Dice,
    tree: &Tree,
    numbers: &mut DocumentNumbers,
    profile: Profile,
    m: &mut PlannedMember,
) {
    let Some(on) = day_from(dice, next_day(m)) else {
        return;
    };
    let current = cell_on(tree, m, on);
    let targets: Vec<&Unit> = tree
        .cells_on(on)
        .filter(|u| u.code != current && tree.ends_on(&u.code).is_none())
        .filter(|u| match profile {
            Profile::Military | Profile::Police => u.profile == profile,
            _ => u.profile.is_residential() == profile.is_residential(),
        })
        .collect();
    if targets.is_empty() {
        return;
    }
    let target = dice.pick(&targets);
    let mut event = PlannedEvent::new(on, Kind::TransferInternal, numbers.issue(CITY, "BTCTU", "GGT", on));
    event.to_cell = Some(target.code.clone());
    event.note = "Chuyển công tác trong thành phố.".into();
    m.events.push(event);
}

fn leave_city(dice: &mut Dice, numbers: &mut DocumentNumbers, m: &mut PlannedMember) {
    let Some(on) = day_from(dice, next_day(m)) else {
        return;
    };
    let mut event = PlannedEvent::new(on, Kind::TransferOut, numbers.issue(CITY, "BTCTU", "GGT", on));
    event.note = format!("Chuyển sinh hoạt đảng chính thức đến {}.", dice.pick(&ELSEWHERE));
    m.events.push(event);
}

/// Before a cell is dissolved every member leaves it: a few retire to residential cells of the
/// city, the others follow their new work elsewhere.
fn leave_dissolving_cells(
    dice: &mut Dice,
    tree: &Tree,
    numbers: &mut DocumentNumbers,
    members: &mut [PlannedMember],
) {
    for r in tree.reorganizations.iter().filter(|r| r.change == Change::Dissolve) {
        let eve = r.on - Days::new(1);
        let mut staying = 0;
        for m in members.iter_mut() {
            let on_roll = m.standing_on(eve).is_some_and(|(cell, status)| cell == r.code && status.on_roll());
            if !on_roll {
                continue;
            }
            let from = (r.on - Days::new(75)).max(next_day(m));
            let on = dice.day_between(from, r.on - Days::new(5));
            let mut event = PlannedEvent::new(on, Kind::TransferOut, numbers.issue(CITY, "BTCTU", "GGT", on));
            event.note = format!("Doanh nghiệp giải thể; chuyển sinh hoạt đến {}.", dice.pick(&ELSEWHERE));
            if staying < 3 {
                let homes: Vec<&Unit> =
                    tree.cells_on(on).filter(|u| u.profile == Profile::Residential).collect();
                if !homes.is_empty() {
                    staying += 1;
                    event.kind = Kind::TransferInternal;
                    event.to_cell = Some(dice.pick(&homes).code.clone());
                    event.note = "Doanh nghiệp giải thể; về sinh hoạt tại nơi cư trú.".into();
                }
            }
            m.events.push(event);
        }
    }
}

/// Xóa tên (Điều lệ Đảng, Điều 8): two members who stopped taking part without reason.
fn remove_two(dice: &mut Dice, tree: &Tree, numbers: &mut DocumentNumbers, members: &mut [PlannedMember]) {
    let since = day(2019, 1, 1);
    let candidates: Vec<usize> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            let profile = tree.unit(&m.cell).map(|u| u.profile);
            matches!(profile, Some(Profile::Village | Profile::Enterprise))
                && m.person.born_on.year() >= 1970
                && m.last_event_on() < since
                && m.official_in(&m.cell, &[since, ARTICLE_DAY])
        })
        .map(|(i, _)| i)
        .collect();
    let mut removed: Vec<usize> = Vec::new();
    while removed.len() < 2 && removed.len() < candidates.len() {
        let i = *dice.pick(&candidates);
        if removed.contains(&i) {
            continue;
        }
        removed.push(i);
        let m = &mut members[i];
        let on = dice.day_between(day(2019, 3, 1), day(2020, 11, 30));
        let mut event = PlannedEvent::new(on, Kind::Removal, decision(tree, numbers, &m.cell, "QĐ", on));
        event.note = "Bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng.".into();
        m.events.push(event);
    }
}

/// A merge moves the members on the cell's roll that day: recorded by the reorganization.
fn follow_merges(tree: &Tree, members: &mut [PlannedMember]) {
    for r in &tree.reorganizations {
        let Change::Merge(target) = r.change else {
            continue;
        };
        for m in members.iter_mut() {
            let on_roll =
                m.standing_on(r.on).is_some_and(|(cell, status)| cell == r.code && status.on_roll());
            if !on_roll {
                continue;
            }
            let at = m.events.iter().take_while(|e| e.on <= r.on).count();
            let mut event =
                PlannedEvent::new(r.on, Kind::TransferInternal, Decision::Written(r.decision.into()));
            event.to_cell = Some(target.to_string());
            event.note = "Theo sắp xếp tổ chức".into();
            event.by_reorganization = true;
            m.events.insert(at, event);
        }
    }
}
