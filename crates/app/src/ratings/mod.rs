//! The annual rating round (domain.md §8, issue 10): a unit's self-assessment, its proposal
//! and the decision of the level above, each judged by the policy of the rating's year
//! (`coso_domain::rating::check`) and refused with every violation and its citation.
mod facts;
pub mod stats;

use chrono::{Datelike, NaiveDate};
use coso_domain::Violation;
use coso_domain::access::Permission;
use coso_domain::org::OrgKind;
use coso_domain::rating::{self as rules, Policy, RatingStage, Tier, Verdict};
use coso_store::orgs::OrgAt;
use coso_store::ratings::{self as store, MemberRatingRow, OrgRatingRow};
use coso_store::{DbConnection, now};
use serde::{Deserialize, Serialize};

use self::facts::Round;
pub use self::facts::{MemberFactsInput, UnitFactsInput};
use crate::orgs::org_on;
use crate::{Actor, App, AppError, AppResult, Tx, access, audit};

/// A subject's tier at each stage of the round.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Stages {
    #[schema(value_type = Option<String>)]
    pub self_assessed: Option<Tier>,
    #[schema(value_type = Option<String>)]
    pub proposed: Option<Tier>,
    #[schema(value_type = Option<String>)]
    pub decided: Option<Tier>,
}

impl Stages {
    fn set(&mut self, stage: RatingStage, tier: Tier) {
        match stage {
            RatingStage::SelfAssessed => self.self_assessed = Some(tier),
            RatingStage::Proposed => self.proposed = Some(tier),
            RatingStage::Decided => self.decided = Some(tier),
        }
    }

    pub fn at(&self, stage: RatingStage) -> Option<Tier> {
        match stage {
            RatingStage::SelfAssessed => self.self_assessed,
            RatingStage::Proposed => self.proposed,
            RatingStage::Decided => self.decided,
        }
    }
}

/// A member in a unit's round.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RoundMember {
    pub membership_id: String,
    pub full_name: String,
    #[schema(value_type = String)]
    pub status: coso_domain::member::MemberStatus,
    pub status_label: String,
    /// Why the member is not rated this year, if not.
    pub excluded: Option<String>,
    /// The discipline of the year, in words, if any.
    pub discipline: Option<String>,
    pub stages: Stages,
    /// The highest tier the rules allow on the facts on record.
    #[schema(value_type = String)]
    pub max_tier: Tier,
}

/// A subordinate organization of a committee in its round.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RoundSubordinate {
    pub code: String,
    pub name: String,
    #[schema(value_type = Option<String>)]
    pub decided: Option<Tier>,
    pub disciplined: bool,
}

/// One unit's rating round for a year, as its page shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RoundView {
    pub year: i32,
    /// The policy's code, `unchecked` before 2018.
    pub policy: String,
    pub policy_texts: String,
    pub checked: bool,
    pub org_code: String,
    pub org_name: String,
    pub kind_label: String,
    /// Judged over its subordinate organizations rather than its members.
    pub committee: bool,
    #[schema(value_type = String, format = Date)]
    pub rated_on: NaiveDate,
    pub unit: Stages,
    #[schema(value_type = String)]
    pub unit_max_tier: Tier,
    pub members: Vec<RoundMember>,
    pub subordinates: Vec<RoundSubordinate>,
    /// The organization whose decision it is.
    pub decider: String,
    pub can_propose: bool,
    pub can_decide: bool,
}

/// A stage of the round to record: the unit's tier and its members', with the facts the
/// rules read that the records do not hold (discipline, status and admission come from the
/// records and cannot be overridden here).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RateInput {
    /// `self`, `proposed` or `decided`.
    pub stage: String,
    /// `excellent`, `good`, `complete` or `not_complete`; absent leaves the unit's as it is.
    pub unit_tier: Option<String>,
    /// Absent keeps the facts recorded at an earlier stage.
    pub unit_facts: Option<UnitFactsInput>,
    pub members: Vec<RateMember>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RateMember {
    pub membership_id: String,
    pub tier: Option<String>,
    /// Absent keeps the facts recorded at an earlier stage.
    pub facts: Option<MemberFactsInput>,
}

/// The units a rating round is held for: every organization but a party group.
fn rated_kind(kind: OrgKind) -> bool {
    kind != OrgKind::PartyGroup
}

/// The last day of the year the rating is taken on (31 December).
fn rating_day(year: i32) -> AppResult<NaiveDate> {
    if !(1930..=crate::today().year()).contains(&year) {
        return Err(AppError::field("year", format!("Năm {year} không hợp lệ cho xếp loại chất lượng.")));
    }
    Ok(rules::default_rating_day(year))
}

/// The unit rated, refused when it cannot be.
fn rated_unit(conn: &mut DbConnection, code: &str, on: NaiveDate) -> AppResult<OrgAt> {
    let at = org_on(conn, code, on)?;
    if !rated_kind(at.version.kind) {
        return Err(AppError::field(
            "org",
            format!("{} không xếp loại riêng; tổ đảng thuộc chi bộ.", at.version.name),
        ));
    }
    Ok(at)
}

/// The organization whose decision a unit's rating is: the committee directly above it, or
/// the unit itself at the top of the tree (its superior is outside coso).
fn decider_of(conn: &mut DbConnection, unit: &OrgAt, on: NaiveDate) -> AppResult<OrgAt> {
    match &unit.version.parent_id {
        Some(parent) => crate::orgs::org_by_id_on(conn, parent, on),
        None => Ok(unit.clone()),
    }
}

impl App {
    /// A unit's rating round for `year`: its members (or subordinate organizations) and the
    /// tiers recorded at each stage, with the highest tier the rules allow each.
    pub fn rating_round(&self, actor: &Actor, code: &str, year: i32) -> AppResult<RoundView> {
        self.db.read(|conn| round_view(conn, actor, code, year))
    }

    /// Records a stage of a unit's round; a proposal or decision that breaks a rule of the
    /// year is refused with each violation and its citation, and nothing is written.
    pub fn rate(&self, actor: &Actor, code: &str, year: i32, input: RateInput) -> AppResult<RoundView> {
        self.transaction(|tx| tx.rate(actor, code, year, input))
    }
}

impl Tx<'_> {
    /// See [`App::rating_round`].
    pub fn rating_round(&mut self, actor: &Actor, code: &str, year: i32) -> AppResult<RoundView> {
        round_view(self.conn, actor, code, year)
    }

    /// See [`App::rate`].
    pub fn rate(&mut self, actor: &Actor, code: &str, year: i32, input: RateInput) -> AppResult<RoundView> {
        let conn = &mut *self.conn;
        let on = rating_day(year)?;
        let stage = RatingStage::from_code(input.stage.trim()).ok_or_else(|| {
            AppError::field("stage", "Cần chọn bước: tự đánh giá, đề xuất hoặc quyết định.")
        })?;
        let unit = rated_unit(conn, code, on)?;
        let decider = decider_of(conn, &unit, on)?;
        match stage {
            RatingStage::Decided => {
                if let Err(e) = access::org(conn, actor, Permission::DecideRatings, &decider) {
                    return Err(outside_competence(conn, actor, year, &unit, &decider, e));
                }
            }
            _ => {
                access::org(conn, actor, Permission::ProposeRatings, &unit)?;
            }
        }
        let mut round = Round::load(conn, &unit, year, on)?;
        let tiers = round.apply(stage, &input)?;
        round.check_order(stage, &tiers)?;
        let verdict = round.judge(conn, stage)?;
        // A self-assessment is the member's own word: recorded as given, but never for
        // someone the round does not rate.
        // Refused is what this submission touches: the members it rates, and the unit and the
        // cap, which read every member; a member left as recorded does not block the others.
        let written: std::collections::HashSet<&str> =
            tiers.members.iter().map(|(id, _)| id.as_str()).collect();
        let refused: Vec<Violation> = verdict
            .violations
            .iter()
            .filter(|v| stage != RatingStage::SelfAssessed || v.rule == "not_rated")
            .filter(|v| written.contains(v.subject.as_str()) || !round.is_member(&v.subject))
            .map(|v| round.explain(v))
            .collect();
        if !refused.is_empty() {
            return Err(AppError::Invalid(refused));
        }
        let policy = Policy::for_year(year).code().to_string();
        let (by, at) = (actor.username.clone(), now());
        if let Some(tier) = tiers.unit {
            let row = OrgRatingRow {
                org_id: unit.org.id.clone(),
                year,
                stage,
                tier,
                policy: policy.clone(),
                facts: round.unit_facts_json(),
                recorded_by: by.clone(),
                recorded_at: at,
            };
            store::put_org(conn, &row)?;
        }
        let rows: Vec<MemberRatingRow> = tiers
            .members
            .iter()
            .map(|(id, tier)| MemberRatingRow {
                membership_id: id.clone(),
                year,
                stage,
                org_id: unit.org.id.clone(),
                tier: *tier,
                policy: policy.clone(),
                facts: round.member_facts_json(id),
                recorded_by: by.clone(),
                recorded_at: at,
            })
            .collect();
        store::put_members(conn, &rows)?;
        let summary = serde_json::json!({
            "year": year,
            "stage": stage.code(),
            "unit_tier": tiers.unit.map(Tier::code),
            "members": rows.len(),
        });
        audit::record(
            conn,
            actor,
            &format!("rating.{}", stage.code()),
            "organization",
            &unit.org.id,
            None::<&()>,
            Some(&summary),
        )?;
        round_view(conn, actor, code, year)
    }
}

/// A decision refused for want of competence: said in words when the actor may at least read
/// the unit, so they learn whose decision it is.
fn outside_competence(
    conn: &mut DbConnection,
    actor: &Actor,
    year: i32,
    unit: &OrgAt,
    decider: &OrgAt,
    refused: AppError,
) -> AppError {
    match access::can(conn, actor, Permission::ReadRatings, unit) {
        Ok(true) => AppError::invalid(
            Violation::new(format!(
                "Quyết định xếp loại chất lượng của {} thuộc thẩm quyền {}: cấp ủy cấp trên trực tiếp quyết định.",
                unit.version.name, decider.version.name
            ))
            .cite(rules::citation(Policy::for_year(year), "competence")),
        ),
        Ok(false) => refused,
        Err(other) => other,
    }
}

fn round_view(conn: &mut DbConnection, actor: &Actor, code: &str, year: i32) -> AppResult<RoundView> {
    let on = rating_day(year)?;
    let unit = rated_unit(conn, code, on)?;
    access::org(conn, actor, Permission::ReadRatings, &unit)?;
    let decider = decider_of(conn, &unit, on)?;
    let can_propose = access::can(conn, actor, Permission::ProposeRatings, &unit)?;
    let can_decide = access::can(conn, actor, Permission::DecideRatings, &decider)?;
    let round = Round::load(conn, &unit, year, on)?;
    let verdict: Verdict = round.judge(conn, RatingStage::Proposed)?;
    let policy = Policy::for_year(year);
    Ok(RoundView {
        year,
        policy: policy.code().into(),
        policy_texts: policy.texts().into(),
        checked: policy != Policy::Unchecked,
        org_code: unit.org.code.clone(),
        org_name: unit.version.name.clone(),
        kind_label: unit.version.kind.label().into(),
        committee: round.committee(),
        rated_on: on,
        unit: round.unit_stages.clone(),
        unit_max_tier: verdict.max_tier.get(unit.org.id.as_str()).copied().unwrap_or(Tier::Excellent),
        members: round.members_view(&verdict),
        subordinates: round.subordinates_view(),
        decider: decider.version.name.clone(),
        can_propose,
        can_decide,
    })
}
