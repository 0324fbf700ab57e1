//! A unit's round as the rules read it: who is on its roll, what is on record about them
//! (status, admission, discipline, the officers' discipline, the subordinate units), the tiers
//! already recorded and those being recorded, gathered into the domain's `RoundInput`.
use std::collections::HashMap;

use chrono::NaiveDate;
use coso_domain::Violation;
use coso_domain::id::{MembershipId, PersonId};
use coso_domain::member::MemberStatus;
use coso_domain::org::OrgKind;
use coso_domain::rating::{
    self as rules, Criteria, Level, MemberDiscipline, MemberInput, Policy, RatedStatus, RatingStage,
    RatingViolation, RoundInput, Subordinate, Tier, UnitInput, UnitKind, Verdict,
};
use coso_store::DbConnection;
use coso_store::discipline::{self as cases, DisciplineRow};
use coso_store::orgs::OrgAt;
use coso_store::ratings::{self as store, OnRoll};
use serde::{Deserialize, Serialize};

use super::{RateInput, RoundMember, RoundSubordinate, Stages, rated_kind};
use crate::{AppError, AppResult};

/// What a member's review found beyond the records: criteria (2018–2024), the score and its
/// conditions (2025 on), targets, degradation, sick leave.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MemberFactsInput {
    #[schema(value_type = Option<String>)]
    pub task: Option<Level>,
    #[schema(value_type = Option<String>)]
    pub others: Option<Level>,
    pub score: Option<u32>,
    pub tasks_on_time_pct: Option<u32>,
    pub tasks_exceeding_pct: Option<u32>,
    pub targets_met_pct: Option<u32>,
    pub degraded: bool,
    pub sick_leave_months: u32,
    pub shortcomings_remedied: Option<bool>,
}

/// What a unit's review found beyond the records (2025 on: the score and its conditions).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct UnitFactsInput {
    pub score: Option<u32>,
    pub tasks_on_time_pct: Option<u32>,
    pub tasks_exceeding_pct: Option<u32>,
    pub tasks_late_pct: Option<u32>,
    pub shortcomings_remedied: Option<bool>,
}

struct Entry {
    roll: OnRoll,
    stages: Stages,
    facts: MemberFactsInput,
    discipline: Option<DisciplineRow>,
}

struct Sub {
    at: OrgAt,
    decided: Option<Tier>,
    disciplined: bool,
}

/// The tiers a submission records.
pub(super) struct Tiers {
    pub(super) unit: Option<Tier>,
    pub(super) members: Vec<(MembershipId, Tier)>,
}

pub(super) struct Round {
    year: i32,
    on: NaiveDate,
    unit: OrgAt,
    pub(super) unit_stages: Stages,
    unit_facts: UnitFactsInput,
    members: Vec<Entry>,
    subordinates: Vec<Sub>,
    leadership: Option<MemberDiscipline>,
    /// The unit's own discipline of the year, the heaviest.
    own: Option<DisciplineRow>,
    /// For a cell inside a grassroots committee: that committee, over which the cap counts.
    tccsd: Option<OrgAt>,
}

/// The heaviest of a set of decisions.
fn heaviest<'a>(rows: impl Iterator<Item = &'a DisciplineRow>) -> Option<&'a DisciplineRow> {
    rows.max_by_key(|d| d.form)
}

fn year_span(year: i32) -> (NaiveDate, NaiveDate) {
    (NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN), rules::default_rating_day(year))
}

fn parse_tier(code: Option<&str>) -> Result<Option<Tier>, ()> {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(c) => Tier::from_code(c).map(Some).ok_or(()),
    }
}

impl Round {
    pub(super) fn load(conn: &mut DbConnection, unit: &OrgAt, year: i32, on: NaiveDate) -> AppResult<Round> {
        let (from, to) = year_span(year);
        let mut unit_stages = Stages::default();
        let mut unit_facts = UnitFactsInput::default();
        // The facts of the latest stage stand: a decision's over a proposal's over the member's own.
        let mut rows = store::of_org(conn, &unit.org.id, year)?;
        rows.sort_by_key(|r| r.stage);
        for r in rows {
            unit_stages.set(r.stage, r.tier);
            unit_facts = serde_json::from_str(&r.facts).unwrap_or_default();
        }
        let mut members = Vec::new();
        if unit.version.kind.holds_members() {
            let roll = store::roll_on(conn, &unit.org.id, on)?;
            let ids: Vec<MembershipId> = roll.iter().map(|m| m.membership_id.clone()).collect();
            let mut stored: HashMap<MembershipId, (Stages, MemberFactsInput)> = HashMap::new();
            let mut rows = store::of_members_in(conn, &unit.org.id, year)?;
            rows.sort_by_key(|r| r.stage);
            for r in rows {
                let e = stored.entry(r.membership_id.clone()).or_default();
                e.0.set(r.stage, r.tier);
                e.1 = serde_json::from_str(&r.facts).unwrap_or_default();
            }
            let decisions = cases::of_members_between(conn, &ids, from, to)?;
            for m in roll {
                let (stages, facts) = stored.remove(&m.membership_id).unwrap_or_default();
                let discipline =
                    heaviest(decisions.iter().filter(|d| d.membership_id.as_ref() == Some(&m.membership_id)))
                        .cloned();
                members.push(Entry { roll: m, stages, facts, discipline });
            }
        }
        let children: Vec<OrgAt> = coso_store::orgs::children_on(conn, &unit.org.id, on)?
            .into_iter()
            .filter(|c| rated_kind(c.version.kind))
            .collect();
        let child_ids: Vec<_> = children.iter().map(|c| c.org.id.clone()).collect();
        let decided: HashMap<_, _> = store::of_orgs(conn, &child_ids, year, RatingStage::Decided)?
            .into_iter()
            .map(|r| (r.org_id, r.tier))
            .collect();
        let disciplined = cases::of_orgs_between(conn, &child_ids, from, to)?;
        let own =
            heaviest(cases::of_orgs_between(conn, std::slice::from_ref(&unit.org.id), from, to)?.iter())
                .cloned();
        let subordinates = children
            .into_iter()
            .map(|at| Sub {
                decided: decided.get(&at.org.id).copied(),
                disciplined: disciplined.iter().any(|d| d.org_id == at.org.id),
                at,
            })
            .collect();
        let officers: Vec<PersonId> = coso_store::positions::of_org(conn, &unit.org.id)?
            .into_iter()
            .filter(|(p, _)| p.valid_from <= to && p.valid_to.is_none_or(|end| end >= from))
            .map(|(p, _)| p.person_id)
            .collect();
        let leadership = heaviest(cases::of_persons_between(conn, &officers, from, to)?.iter())
            .and_then(|d| d.form.for_member());
        let tccsd = match unit.version.kind {
            OrgKind::SubordinateCell | OrgKind::SubCommittee | OrgKind::PartyGroup => {
                grassroots_above(conn, unit, on)?
            }
            _ => None,
        };
        Ok(Round {
            year,
            on,
            unit: unit.clone(),
            unit_stages,
            unit_facts,
            members,
            subordinates,
            leadership,
            own,
            tccsd,
        })
    }

    /// Judged over subordinate organizations (a committee) rather than members (a cell).
    pub(super) fn committee(&self) -> bool {
        !self.unit.version.kind.holds_members()
    }

    /// Takes the submission's tiers and facts into the round; refuses unknown members and
    /// tiers.
    pub(super) fn apply(&mut self, stage: RatingStage, input: &RateInput) -> AppResult<Tiers> {
        let mut wrong = Vec::new();
        let unit = parse_tier(input.unit_tier.as_deref()).unwrap_or_else(|()| {
            wrong.push(Violation::on("unit_tier", "Mức xếp loại của tổ chức không hợp lệ."));
            None
        });
        if let Some(t) = unit {
            self.unit_stages.set(stage, t);
            if let Some(f) = &input.unit_facts {
                self.unit_facts = f.clone();
            }
        }
        let mut members = Vec::new();
        for m in &input.members {
            let id = MembershipId::from(m.membership_id.as_str());
            let Some(entry) = self.members.iter_mut().find(|e| e.roll.membership_id == id) else {
                wrong.push(Violation::new(format!(
                    "Đảng viên mã {} không có trong danh sách sinh hoạt của {} ngày {}.",
                    m.membership_id,
                    self.unit.version.name,
                    coso_domain::date::format(self.on)
                )));
                continue;
            };
            match parse_tier(m.tier.as_deref()) {
                Err(()) => wrong
                    .push(Violation::new(format!("{}: mức xếp loại không hợp lệ.", entry.roll.full_name))),
                Ok(None) => {}
                Ok(Some(t)) => {
                    entry.stages.set(stage, t);
                    if let Some(f) = &m.facts {
                        entry.facts = f.clone();
                    }
                    members.push((id, t));
                }
            }
        }
        if unit.is_none() && members.is_empty() && wrong.is_empty() {
            wrong.push(Violation::on("unit_tier", "Chưa chọn mức xếp loại nào."));
        }
        if wrong.is_empty() { Ok(Tiers { unit, members }) } else { Err(AppError::Invalid(wrong)) }
    }

    /// The round's order (domain.md §8): a decision follows the unit's proposal; members are
    /// decided with or after their unit; a committee after every unit under it.
    pub(super) fn check_order(&self, stage: RatingStage, tiers: &Tiers) -> AppResult<()> {
        if stage != RatingStage::Decided {
            return Ok(());
        }
        let cite = rules::citation(Policy::for_year(self.year), "order");
        let mut wrong = Vec::new();
        let name = &self.unit.version.name;
        if tiers.unit.is_some() && self.unit_stages.proposed.is_none() {
            wrong.push(
                Violation::new(format!(
                    "{name} chưa có đề xuất xếp loại năm {}; cần đề xuất trước khi quyết định.",
                    self.year
                ))
                .cite(cite),
            );
        }
        if !tiers.members.is_empty() && self.unit_stages.decided.is_none() {
            wrong.push(Violation::new(format!("Cần quyết định xếp loại {name} trước khi quyết định xếp loại đảng viên (tập thể trước, cá nhân sau).")).cite(cite));
        }
        if tiers.unit.is_some() {
            let pending: Vec<&str> = self
                .subordinates
                .iter()
                .filter(|s| s.decided.is_none())
                .map(|s| s.at.version.name.as_str())
                .collect();
            if !pending.is_empty() {
                wrong.push(
                    Violation::new(format!(
                        "Chưa có quyết định xếp loại của: {} (cấp dưới trước, cấp trên sau).",
                        pending.join(", ")
                    ))
                    .cite(cite),
                );
            }
        }
        if wrong.is_empty() { Ok(()) } else { Err(AppError::Invalid(wrong)) }
    }

    /// The round as the rules read it, each subject at `stage` (a decision not yet taken reads
    /// as the proposal).
    fn input(&self, stage: RatingStage) -> RoundInput {
        let tier_at = |s: &Stages| match stage {
            RatingStage::Decided => s.decided.or(s.proposed),
            other => s.at(other),
        };
        let members = self
            .members
            .iter()
            .map(|e| MemberInput {
                id: e.roll.membership_id.to_string(),
                status: match e.roll.status {
                    MemberStatus::Exempted => RatedStatus::Exempted,
                    MemberStatus::Probationary => RatedStatus::Probationary,
                    _ => RatedStatus::Official,
                },
                admitted_on: e.roll.admitted_on,
                proposed: tier_at(&e.stages),
                criteria: Criteria { task: e.facts.task, others: e.facts.others },
                score: e.facts.score,
                tasks_on_time_pct: e.facts.tasks_on_time_pct,
                tasks_exceeding_pct: e.facts.tasks_exceeding_pct,
                discipline_in_year: e.discipline.as_ref().and_then(|d| d.form.for_member()),
                self_detected_and_remedied: e.discipline.as_ref().is_some_and(|d| d.self_detected),
                targets_met_pct: e.facts.targets_met_pct,
                degraded: e.facts.degraded,
                sick_leave_months: e.facts.sick_leave_months,
                shortcomings_remedied: e.facts.shortcomings_remedied,
            })
            .collect();
        let f = &self.unit_facts;
        let unit = UnitInput {
            id: self.unit.org.id.to_string(),
            kind: if self.committee() { UnitKind::GrassrootsCommittee } else { UnitKind::GrassrootsCell },
            proposed: tier_at(&self.unit_stages),
            criteria: Criteria::default(),
            score: f.score,
            tasks_on_time_pct: f.tasks_on_time_pct,
            tasks_exceeding_pct: f.tasks_exceeding_pct,
            leadership_discipline: self.leadership,
            disciplined_subordinates_pct: None,
            subordinates: self
                .subordinates
                .iter()
                .map(|s| Subordinate {
                    id: s.at.org.code.clone(),
                    tier: s.decided,
                    disciplined: s.disciplined,
                })
                .collect(),
            tasks_late_pct: f.tasks_late_pct,
            shortcomings_remedied: f.shortcomings_remedied,
            disciplined: self.own.is_some(),
            self_detected_and_remedied: self.own.as_ref().is_some_and(|d| d.self_detected),
        };
        RoundInput { unit, rated_on: Some(self.on), members }
    }

    /// The verdict on the round at `stage`. A cell inside a grassroots committee is judged
    /// without the cap, which is counted over the committee's members: those decided in its
    /// other cells and this cell's as they now stand.
    pub(super) fn judge(&self, conn: &mut DbConnection, stage: RatingStage) -> AppResult<Verdict> {
        let input = self.input(stage);
        let Some(tccsd) = &self.tccsd else {
            return rules::check(self.year, &input).map_err(|e| self.refusal(e));
        };
        let mut verdict = rules::check_subordinate_cell(self.year, &input).map_err(|e| self.refusal(e))?;
        if stage == RatingStage::Decided {
            let (mut excellent, mut good) = (0usize, 0usize);
            for (org, tier, n) in store::member_counts_under(
                conn,
                &tccsd.version.path,
                self.on,
                self.year,
                RatingStage::Decided,
            )? {
                if org != self.unit.org.id {
                    match tier {
                        Tier::Excellent => excellent += n as usize,
                        Tier::Good => good += n as usize,
                        _ => {}
                    }
                }
            }
            for m in &input.members {
                let max = verdict.max_tier.get(&m.id).copied();
                match (m.proposed, max) {
                    (Some(p), Some(max)) if p.max(max) == Tier::Excellent => excellent += 1,
                    (Some(p), Some(max)) if p.max(max) == Tier::Good => good += 1,
                    _ => {}
                }
            }
            let policy = Policy::for_year(self.year);
            if let Some(v) = rules::check_excellent_cap(policy, tccsd.org.id.as_str(), excellent, good) {
                verdict.valid = false;
                verdict.violations.push(v);
            }
        }
        Ok(verdict)
    }

    /// Facts the rules cannot read (a percentage over 100, more sick leave than a year) are the
    /// submitter's to correct: said with the member's name and the field.
    fn refusal(&self, e: rules::CheckError) -> AppError {
        let whom = e
            .field
            .strip_prefix("members[")
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(i, field)| {
                let e = self.members.get(i.parse::<usize>().ok()?)?;
                Some(format!("Đồng chí {} ({})", e.roll.full_name, field.trim_start_matches('.')))
            })
            .unwrap_or_else(|| {
                format!("{} ({})", self.unit.version.name, e.field.trim_start_matches("unit."))
            });
        AppError::Invalid(vec![Violation::new(format!("{whom}: số liệu không hợp lệ: {}", e.message))])
    }

    /// Whether `subject` is one of the round's members (not the unit or its committee).
    pub(super) fn is_member(&self, subject: &str) -> bool {
        self.members.iter().any(|e| e.roll.membership_id.as_str() == subject)
    }

    /// A rule's violation as the user reads it: the subject by name, with the citation.
    pub(super) fn explain(&self, v: &RatingViolation) -> Violation {
        let name = if v.subject == self.unit.org.id.as_str() {
            self.unit.version.name.clone()
        } else if let Some(t) = self.tccsd.as_ref().filter(|t| t.org.id.as_str() == v.subject) {
            t.version.name.clone()
        } else {
            self.members
                .iter()
                .find(|e| e.roll.membership_id.as_str() == v.subject)
                .map_or_else(|| v.subject.clone(), |e| format!("Đồng chí {}", e.roll.full_name))
        };
        Violation::new(format!("{name}: {}", v.message)).cite(v.citation)
    }

    pub(super) fn unit_facts_json(&self) -> String {
        serde_json::to_string(&self.unit_facts).unwrap_or_else(|_| "{}".into())
    }

    pub(super) fn member_facts_json(&self, id: &MembershipId) -> String {
        self.members
            .iter()
            .find(|e| &e.roll.membership_id == id)
            .and_then(|e| serde_json::to_string(&e.facts).ok())
            .unwrap_or_else(|| "{}".into())
    }

    pub(super) fn members_view(&self, verdict: &Verdict) -> Vec<RoundMember> {
        self.members
            .iter()
            .map(|e| {
                // Who is not rated is a fact of the record, shown in every year; the rules
                // refuse a tier for them from 2018 (before, nothing is checked).
                let status = match e.roll.status {
                    MemberStatus::Exempted => RatedStatus::Exempted,
                    _ => RatedStatus::Official,
                };
                let excluded = rules::not_rated(status, e.roll.admitted_on, self.on).map(String::from);
                RoundMember {
                    membership_id: e.roll.membership_id.to_string(),
                    full_name: e.roll.full_name.clone(),
                    status: e.roll.status,
                    status_label: e.roll.status.label().into(),
                    excluded,
                    discipline: e.discipline.as_ref().map(|d| {
                        format!(
                            "{} ngày {}{}",
                            d.form.label(),
                            coso_domain::date::format(d.decided_on),
                            if d.self_detected { " (tự phát hiện, khắc phục)" } else { "" }
                        )
                    }),
                    stages: e.stages.clone(),
                    max_tier: verdict
                        .max_tier
                        .get(e.roll.membership_id.as_str())
                        .copied()
                        .unwrap_or(Tier::Excellent),
                }
            })
            .collect()
    }

    pub(super) fn subordinates_view(&self) -> Vec<RoundSubordinate> {
        self.subordinates
            .iter()
            .map(|s| RoundSubordinate {
                code: s.at.org.code.clone(),
                name: s.at.version.name.clone(),
                decided: s.decided,
                disciplined: s.disciplined,
            })
            .collect()
    }
}

/// The grassroots organization above a unit on a date, if any.
fn grassroots_above(conn: &mut DbConnection, unit: &OrgAt, on: NaiveDate) -> AppResult<Option<OrgAt>> {
    let mut at = unit.clone();
    while let Some(parent) = at.version.parent_id.clone() {
        at = crate::orgs::org_by_id_on(conn, &parent, on)?;
        if at.version.kind.is_grassroots_org() {
            return Ok(Some(at));
        }
    }
    Ok(None)
}
