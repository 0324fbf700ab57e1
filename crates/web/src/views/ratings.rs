//! View models of the rating pages: a unit's round, the year's statistics, and the
//! inspection and discipline cases (issue 10).
use askama::Template;
use coso_app::discipline::{Cases, DisciplineInput, InspectionInput};
use coso_app::ratings::stats::RatingStats;
use coso_app::ratings::{RoundView, Stages};
use coso_domain::rating::{RatingStage, Tier};

use super::{Choice, Layout, Vi};
use crate::form::FieldErrors;

/// One tier a radio group offers.
#[derive(Debug, Clone)]
pub struct TierPick {
    pub value: &'static str,
    pub short: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

/// The four tiers, `chosen` checked.
pub fn tier_picks(chosen: &str) -> Vec<TierPick> {
    Tier::ALL
        .into_iter()
        .map(|t| TierPick {
            value: t.code(),
            short: t.short(),
            label: t.label(),
            selected: t.code() == chosen,
        })
        .collect()
}

/// What is recorded at each stage, as one line: "Tự ĐG: HTTNV · Đề xuất: HTTNV · QĐ: —".
pub fn recorded(s: &Stages) -> String {
    let short = |t: Option<Tier>| t.map_or("—", Tier::short);
    format!(
        "Tự đánh giá: {} · Đề xuất: {} · Quyết định: {}",
        short(s.self_assessed),
        short(s.proposed),
        short(s.decided)
    )
}

/// A member's line in the round's form.
#[derive(Debug, Clone)]
pub struct MemberPick {
    pub id: String,
    pub full_name: String,
    pub status_label: String,
    pub excluded: Option<String>,
    pub discipline: Option<String>,
    pub recorded: String,
    /// "Tối đa theo quy định: HTNV" when the rules allow less than excellent.
    pub cap_note: String,
    pub picks: Vec<TierPick>,
}

/// A subordinate unit's line on a committee's round.
#[derive(Debug, Clone)]
pub struct SubRow {
    pub code: String,
    pub name: String,
    pub decided: String,
    pub good: bool,
    pub disciplined: bool,
}

#[derive(Template)]
#[template(path = "rating_round.html")]
pub struct RoundPage {
    pub layout: Layout,
    pub r: RoundView,
    pub years: Vec<Choice>,
    /// The stages this reader may record, the chosen one checked.
    pub stages: Vec<Choice>,
    pub unit_picks: Vec<TierPick>,
    pub unit_recorded: String,
    pub unit_cap_note: String,
    pub members: Vec<MemberPick>,
    pub rated: usize,
    pub subordinates: Vec<SubRow>,
    pub errors: FieldErrors,
    pub saved: String,
    pub can_write: bool,
}

/// The stage a reader records by default: the decision when theirs and a proposal exists,
/// else the proposal.
pub fn default_stage(r: &RoundView) -> RatingStage {
    if r.can_decide && (r.unit.proposed.is_some() || !r.can_propose) {
        RatingStage::Decided
    } else {
        RatingStage::Proposed
    }
}

/// The tier a form opens with at `stage`: the one recorded there, else the stage before's.
pub fn prefill(s: &Stages, stage: RatingStage) -> &'static str {
    let t = match stage {
        RatingStage::Decided => s.decided.or(s.proposed),
        RatingStage::Proposed => s.proposed.or(s.self_assessed),
        RatingStage::SelfAssessed => s.self_assessed,
    };
    t.map_or("", Tier::code)
}

/// The note beside a subject the rules hold below excellent.
pub fn cap_note(max: Tier) -> String {
    if max == Tier::Excellent {
        String::new()
    } else {
        format!("Theo quy định tối đa: {}", max.label())
    }
}

/// One line of the statistics table.
#[derive(Debug, Clone)]
pub struct StatLine {
    pub label: String,
    pub total: i64,
    pub excellent: i64,
    pub good: i64,
    pub complete: i64,
    pub not_complete: i64,
    pub pct: String,
    pub below: bool,
}

#[derive(Template)]
#[template(path = "ratings.html")]
pub struct StatsPage {
    pub layout: Layout,
    pub s: RatingStats,
    pub years: Vec<Choice>,
    pub lines: Vec<StatLine>,
    pub orgs_pct: String,
    pub members_pct: String,
    pub orgs_ok: bool,
    pub members_ok: bool,
    pub charts: Vec<(String, (String, String))>,
    pub xlsx_url: String,
    /// The reader's own unit, to open its round.
    pub own_code: Option<String>,
}

#[derive(Template)]
#[template(path = "cases.html")]
pub struct CasesPage {
    pub layout: Layout,
    pub c: Cases,
    pub kinds: Vec<Choice>,
    pub forms: Vec<Choice>,
    pub inspection: InspectionInput,
    pub discipline: DisciplineInput,
    pub errors: FieldErrors,
    /// Which form the errors belong to.
    pub failed: &'static str,
}

impl CasesPage {
    pub fn member_value(&self) -> String {
        self.discipline.membership_id.clone().unwrap_or_default()
    }

    pub fn org_value(&self) -> String {
        self.discipline.org_code.clone().unwrap_or_default()
    }
}

/// A percentage as reports write it: "97,3%".
pub fn percent(p: f64) -> String {
    coso_domain::vi::share(p / 100.0)
}
