//! The demo's annual ratings, 2016–2020 (issue 10), and a few inspection cases and discipline
//! decisions that the ratings respect. Every unit is rated bottom-up through the round's use
//! cases (the cell proposes, the level above decides), so each rating is valid under its
//! year's rules or the load fails. The seed's figures hold: every year ≥ 90% of TCCSĐ and
//! more than 95% of members good or better; Đông Kinh's cells 80% good or better in 2017 and all in
//! 2020; Chi bộ khối Cửa Nam good or better every year with all its members good or better;
//! the city committee excellent in 2019 and 2020.
use std::collections::HashSet;

use chrono::NaiveDate;
use coso_app::discipline::{DisciplineInput, InspectionInput};
use coso_app::ratings::{RateInput, RateMember, RoundView};
use coso_app::{Actor, AppResult, Tx};
use coso_domain::id::MembershipId;
use coso_domain::org::OrgKind;
use coso_domain::rating::Tier;

use crate::Demo;
use crate::tree::CITY;

/// The years the demo rates.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 2016..=2020;
/// Chi bộ khối Cửa Nam, whose figures the seed quotes.
const CUA_NAM: &str = "LS-CL-CN";
/// Đông Kinh's grassroots committee, whose cells' figures the seed quotes.
const DONG_KINH: &str = "LS-DK";

/// A case of the demo: (year, kind, holding body, cell whose member is concerned or the unit
/// itself, a member's discipline form).
struct Case {
    on: NaiveDate,
    kind: &'static str,
    by: &'static str,
    unit: &'static str,
    /// The form decided for one of the unit's members, if any.
    form: Option<&'static str>,
    findings: &'static str,
}

const CASES: [Case; 3] = [
    Case {
        on: crate::day(2018, 8, 15),
        kind: "signs_of_violation",
        by: "LS-HVT",
        unit: "LS-HVT-K3",
        form: Some("reprimand"),
        findings: "Đảng viên vi phạm quy định về những điều đảng viên không được làm (nợ đọng kinh phí khu dân cư).",
    },
    Case {
        on: crate::day(2019, 6, 20),
        kind: "thematic",
        by: "LS",
        unit: "LS-TT",
        form: None,
        findings: "Kiểm tra chuyên đề việc thực hiện Quy định sinh hoạt chi bộ: các chi bộ sinh hoạt đủ, đúng kỳ.",
    },
    Case {
        on: crate::day(2020, 10, 5),
        kind: "supervision",
        by: "LS",
        unit: "LS-DK-K2",
        form: Some("warning"),
        findings: "Giám sát việc thực hiện nhiệm vụ đảng viên: một đồng chí vi phạm Quy định 47-QĐ/TW.",
    },
];

impl Demo {
    /// Records the cases, then the ratings of every year, bottom-up.
    pub(crate) fn record_ratings(&mut self, tx: &mut Tx<'_>, actor: &Actor) -> AppResult<()> {
        let officers: HashSet<MembershipId> = self
            .officers
            .iter()
            .chain(&self.earlier_officers)
            .filter_map(|p| self.members[p.member].membership_id.clone())
            .collect();
        for case in &CASES {
            record_case(tx, actor, case, &officers)?;
        }
        for year in YEARS {
            let on = crate::day(year, 12, 31);
            let mut units: Vec<(usize, String, OrgKind)> = self
                .tree
                .units
                .iter()
                .filter(|u| u.kind != OrgKind::PartyGroup && self.tree.exists_on(&u.code, on))
                .map(|u| (self.depth_on(&u.code, on), u.code.clone(), u.kind))
                .collect();
            // Lower levels before higher.
            units.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            let dong_kinh_cells: Vec<String> = units
                .iter()
                .filter(|(_, code, _)| self.tree.parent_on(code, on) == Some(DONG_KINH))
                .map(|(_, code, _)| code.clone())
                .collect();
            for (_, code, kind) in &units {
                let round = tx.rating_round(actor, code, year)?;
                let (unit, members) = self.choose(year, code, *kind, &round, &dong_kinh_cells);
                for stage in ["proposed", "decided"] {
                    let input = RateInput {
                        stage: stage.into(),
                        unit_tier: Some(unit.code().into()),
                        members: members
                            .iter()
                            .map(|(id, t)| RateMember {
                                membership_id: id.clone(),
                                tier: Some(t.code().into()),
                                ..RateMember::default()
                            })
                            .collect(),
                        ..RateInput::default()
                    };
                    tx.rate(actor, code, year, input).inspect_err(|e| {
                        tracing::error!(year, code, stage, error = %e, "the demo's rating was refused");
                    })?;
                }
            }
        }
        Ok(())
    }

    fn depth_on(&self, code: &str, on: NaiveDate) -> usize {
        let mut depth = 0;
        let mut at = code;
        while let Some(parent) = self.tree.parent_on(at, on) {
            depth += 1;
            at = parent;
        }
        depth
    }

    /// The tiers of a unit and its members: most members good, about a seventh excellent
    /// (within the cap), a few complete, the disciplined not complete; the unit excellent
    /// when the rules allow and the dice say so, now and then complete.
    fn choose(
        &mut self,
        year: i32,
        code: &str,
        kind: OrgKind,
        round: &RoundView,
        dong_kinh_cells: &[String],
    ) -> (Tier, Vec<(String, Tier)>) {
        let dice = &mut self.dice;
        let rated: Vec<_> = round.members.iter().filter(|m| m.excluded.is_none()).collect();
        let mut tiers: Vec<(String, Tier)> = rated
            .iter()
            .map(|m| {
                let tier = if m.discipline.is_some() {
                    Tier::NotComplete
                } else if code != CUA_NAM && dice.chance(0.02) {
                    Tier::Complete
                } else {
                    Tier::Good
                };
                (m.membership_id.clone(), tier)
            })
            .collect();
        let good = tiers.iter().filter(|(_, t)| *t == Tier::Good).count();
        let excellent = (good * 15 / 100).max(usize::from(good >= 5));
        let mut chosen = 0;
        for (_, t) in tiers.iter_mut().filter(|(_, t)| *t == Tier::Good) {
            if chosen < excellent && dice.chance(0.5) {
                *t = Tier::Excellent;
                chosen += 1;
            }
        }
        let n = tiers.len();
        let good_or_better = tiers.iter().filter(|(_, t)| t.good_or_better()).count();
        let failing = tiers.iter().any(|(_, t)| *t == Tier::NotComplete);
        let sub_tiers: Vec<Tier> = round.subordinates.iter().filter_map(|s| s.decided).collect();
        let sub_good = sub_tiers.iter().filter(|t| t.good_or_better()).count();
        let may_excel = if round.committee {
            !sub_tiers.contains(&Tier::NotComplete) && sub_good * 100 >= sub_tiers.len() * 80
        } else {
            !failing && good_or_better * 100 >= n * 80
        };
        let unit = if code == CITY {
            if year >= 2019 { Tier::Excellent } else { Tier::Good }
        } else if let Some(i) = dong_kinh_cells.iter().position(|c| c == code) {
            // Đông Kinh's cells: 80% good or better in 2017 (the fewest cells that reach it),
            // all of them in 2020.
            let cells = dong_kinh_cells.len();
            let complete = if year == 2017 { cells - (cells * 80).div_ceil(100) } else { 0 };
            if i < complete { Tier::Complete } else { Tier::Good }
        } else if code != CUA_NAM && kind != OrgKind::CityCommittee && dice.chance(0.03) {
            Tier::Complete
        } else if may_excel && dice.chance(0.3) {
            Tier::Excellent
        } else {
            Tier::Good
        };
        (unit, tiers)
    }
}

/// Records one case and, when it has one, the discipline of a rated member who holds no
/// office (so that no collective is limited by its officers' discipline).
fn record_case(
    tx: &mut Tx<'_>,
    actor: &Actor,
    case: &Case,
    officers: &HashSet<MembershipId>,
) -> AppResult<()> {
    let year = chrono::Datelike::year(&case.on);
    let member = match case.form {
        Some(_) => tx
            .rating_round(actor, case.unit, year)?
            .members
            .into_iter()
            .find(|m| {
                m.excluded.is_none()
                    && m.status == coso_domain::member::MemberStatus::Official
                    && !officers.contains(&MembershipId::from(m.membership_id.as_str()))
            })
            .map(|m| m.membership_id),
        None => None,
    };
    let date = case.on.format("%d/%m/%Y").to_string();
    let inspection = tx.open_inspection(
        actor,
        InspectionInput {
            kind: case.kind.into(),
            org_code: case.unit.into(),
            membership_id: member.clone(),
            by_org_code: case.by.into(),
            period_from: date.clone(),
            period_to: date.clone(),
            findings: case.findings.into(),
            conclusion: if case.form.is_some() {
                "Có vi phạm, đề nghị thi hành kỷ luật."
            } else {
                "Thực hiện tốt."
            }
            .into(),
            follow_up: if case.form.is_some() {
                "Đảng viên đã khắc phục."
            } else {
                "Tiếp tục duy trì."
            }
            .into(),
            concluded_on: Some(date.clone()),
        },
    )?;
    if let (Some(form), Some(member)) = (case.form, member) {
        tx.decide_discipline(
            actor,
            DisciplineInput {
                org_code: None,
                membership_id: Some(member),
                form: form.into(),
                decided_on: date,
                by_org_code: case.by.into(),
                document: format!("{}-QĐ/UBKT", 10 + year % 100),
                reason: case.findings.into(),
                self_detected: false,
                inspection_id: Some(inspection.id),
            },
        )?;
    }
    Ok(())
}
