//! The rating pages (issue 10): a unit's round, where the cell proposes and the level above
//! decides; the year's statistics with their Excel file; the inspection and discipline cases.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use coso_app::AppError;
use coso_app::discipline::{DisciplineInput, InspectionInput};
use coso_app::ratings::stats::{Trend, trend_chart};
use coso_app::ratings::{RateInput, RateMember, RoundView};
use coso_domain::discipline::{DisciplineForm, InspectionKind};
use coso_domain::rating::RatingStage;

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::query::rating_year;
use crate::session::{Posted, Session};
use crate::views::ratings::{
    CasesPage, MemberPick, RoundPage, StatLine, StatsPage, SubRow, cap_note, default_stage, percent, prefill,
    recorded, tier_picks,
};
use crate::views::{Choice, Layout, render};

/// The first year coso rates: the demo's history starts there.
const FIRST_YEAR: i32 = 2016;
const NARROW: u32 = 360;
const WIDE: u32 = 560;

fn year_choices(current: i32, last: i32) -> Vec<Choice> {
    (FIRST_YEAR..=last.max(current))
        .rev()
        .map(|y| Choice { value: y.to_string(), label: format!("Năm {y}"), selected: y == current })
        .collect()
}

#[derive(serde::Deserialize, Default)]
pub struct YearQuery {
    year: Option<i32>,
    org: Option<String>,
    saved: Option<String>,
}

pub async fn round(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
    Query(q): Query<YearQuery>,
) -> Result<Response, PageError> {
    let year = q.year.unwrap_or_else(|| rating_year(session.day));
    let (actor, c) = (session.actor.clone(), code.clone());
    let r = state.run(move |app| app.rating_round(&actor, &c, year)).await?;
    let stage = default_stage(&r);
    let saved = match q.saved.as_deref().and_then(RatingStage::from_code) {
        Some(s) => format!("Đã lưu bước «{}».", s.label()),
        None => String::new(),
    };
    let page = round_page(&session, r, stage, &[], FieldErrors::none(), saved);
    Ok(Html(render(&page)).into_response())
}

/// The round's page; `posted` (name, value) pairs, when a refused form comes back, keep the
/// reader's choices.
fn round_page(
    session: &Session,
    r: RoundView,
    stage: RatingStage,
    posted: &[(String, String)],
    errors: FieldErrors,
    saved: String,
) -> RoundPage {
    let sent = |name: &str| posted.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let mut stages = Vec::new();
    if r.can_propose {
        stages.push((RatingStage::SelfAssessed, "Tự đánh giá (đảng viên tự nhận mức)"));
        stages.push((RatingStage::Proposed, "Đề xuất (chi bộ, đảng ủy đề xuất)"));
    }
    if r.can_decide {
        stages.push((RatingStage::Decided, "Quyết định (cấp có thẩm quyền)"));
    }
    let stages = stages
        .into_iter()
        .map(|(s, label)| Choice { value: s.code().into(), label: label.into(), selected: s == stage })
        .collect();
    let members: Vec<MemberPick> = r
        .members
        .iter()
        .map(|m| {
            let chosen = sent(&format!("tier_{}", m.membership_id)).unwrap_or(prefill(&m.stages, stage));
            MemberPick {
                id: m.membership_id.clone(),
                full_name: m.full_name.clone(),
                status_label: m.status_label.clone(),
                excluded: m.excluded.clone(),
                discipline: m.discipline.clone(),
                recorded: recorded(&m.stages),
                cap_note: cap_note(m.max_tier),
                picks: tier_picks(chosen),
            }
        })
        .collect();
    let rated = members.iter().filter(|m| m.excluded.is_none()).count();
    let subordinates = r
        .subordinates
        .iter()
        .map(|s| SubRow {
            code: s.code.clone(),
            name: s.name.clone(),
            decided: s.decided.map_or_else(|| "Chưa quyết định".to_string(), |t| t.label().to_string()),
            good: s.decided.is_some_and(|t| t.good_or_better()),
            disciplined: s.disciplined,
        })
        .collect();
    let unit_chosen = sent("unit_tier").unwrap_or(prefill(&r.unit, stage));
    RoundPage {
        layout: Layout::of(session, "ratings"),
        years: year_choices(r.year, rating_year(session.day)),
        stages,
        unit_picks: tier_picks(unit_chosen),
        unit_recorded: recorded(&r.unit),
        unit_cap_note: cap_note(r.unit_max_tier),
        members,
        rated,
        subordinates,
        errors,
        saved,
        can_write: r.can_propose || r.can_decide,
        r,
    }
}

/// Records the stage the form names; a refusal comes back on the page with every violation
/// and its citation.
pub async fn rate(
    State(state): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let form = posted.form;
    let value = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string());
    let year: i32 = match value("year") {
        None => rating_year(posted.session.day),
        Some(y) => y.parse().map_err(|_| AppError::field("year", format!("Năm «{y}» không hợp lệ.")))?,
    };
    let input = RateInput {
        stage: value("stage").unwrap_or_default(),
        unit_tier: value("unit_tier").filter(|v| !v.is_empty()),
        members: form
            .iter()
            .filter_map(|(k, v)| {
                let id = k.strip_prefix("tier_")?;
                (!v.trim().is_empty()).then(|| RateMember {
                    membership_id: id.to_string(),
                    tier: Some(v.trim().to_string()),
                    ..RateMember::default()
                })
            })
            .collect(),
        ..RateInput::default()
    };
    let stage = RatingStage::from_code(&input.stage).unwrap_or(RatingStage::Proposed);
    let (actor, c) = (posted.session.actor.clone(), code.clone());
    match state.run(move |app| app.rate(&actor, &c, year, input)).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/orgs/{code}/ratings?year={year}&saved={}", stage.code()))
                .into_response())
        }
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let (actor, c) = (posted.session.actor.clone(), code.clone());
            let r = state.run(move |app| app.rating_round(&actor, &c, year)).await?;
            let page = round_page(&posted.session, r, stage, &form, errors, String::new());
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(render(&page))).into_response())
        }
    }
}

fn line(label: &str, c: &coso_app::ratings::stats::TierCounts, target: f64, strict: bool) -> StatLine {
    let pct = c.good_or_better_pct;
    StatLine {
        label: label.into(),
        total: c.total,
        excellent: c.excellent,
        good: c.good,
        complete: c.complete,
        not_complete: c.not_complete,
        pct: percent(pct),
        below: c.total > 0 && if strict { pct <= target } else { pct < target },
    }
}

pub async fn stats(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<YearQuery>,
) -> Result<Response, PageError> {
    use coso_app::ratings::stats::{MEMBERS_TARGET_PCT, ORGS_TARGET_PCT};
    let year = q.year.unwrap_or_else(|| rating_year(session.day));
    let (actor, org) = (session.actor.clone(), q.org.clone());
    let (s, own_code) = state
        .run(move |app| Ok((app.rating_stats(&actor, year, org.as_deref())?, app.own_org_code(&actor)?)))
        .await?;
    let mut lines = vec![line("Tổ chức cơ sở đảng", &s.orgs, ORGS_TARGET_PCT, false)];
    lines.extend(s.levels.iter().map(|l| line(&l.level, &l.counts, 0.0, false)));
    lines.push(line("Đảng viên", &s.members, MEMBERS_TARGET_PCT, true));
    let chart = |t: Trend| (trend_chart(&s, t, WIDE), trend_chart(&s, t, NARROW));
    let charts = vec![
        ("trend-orgs".to_string(), chart(Trend::Orgs)),
        ("trend-members".to_string(), chart(Trend::Members)),
    ];
    let xlsx_url = crate::query::with_query(
        "/ratings.xlsx",
        &[("year", year.to_string()), ("org", q.org.clone().unwrap_or_default())],
    );
    let page = StatsPage {
        layout: Layout::of(&session, "ratings"),
        years: year_choices(year, rating_year(session.day)),
        orgs_pct: percent(s.orgs.good_or_better_pct),
        members_pct: percent(s.members.good_or_better_pct),
        orgs_ok: s.orgs.total > 0 && s.orgs.good_or_better_pct >= ORGS_TARGET_PCT,
        members_ok: s.members.total > 0 && s.members.good_or_better_pct > MEMBERS_TARGET_PCT,
        xlsx_url,
        lines,
        charts,
        own_code,
        s,
    };
    Ok(Html(render(&page)).into_response())
}

pub async fn stats_xlsx(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<YearQuery>,
) -> Result<Response, PageError> {
    let year = q.year.unwrap_or_else(|| rating_year(session.day));
    let (actor, org) = (session.actor.clone(), q.org.clone());
    let bytes = state.run(move |app| app.rating_stats_xlsx(&actor, year, org.as_deref())).await?;
    Ok(super::download(super::XLSX, &format!("xep-loai-chat-luong-{year}.xlsx"), bytes))
}

/// The inspections and disciplines in the reader's scope, as an Excel file.
pub async fn cases_xlsx(State(state): State<AppState>, session: Session) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let bytes = state.run(move |app| app.cases_xlsx(&actor)).await?;
    Ok(super::download(super::XLSX, "kiem-tra-ky-luat.xlsx", bytes))
}

pub async fn cases(State(state): State<AppState>, session: Session) -> Result<Response, PageError> {
    cases_page(
        &state,
        &session,
        InspectionInput::default(),
        DisciplineInput::default(),
        FieldErrors::none(),
        "",
    )
    .await
}

async fn cases_page(
    state: &AppState,
    session: &Session,
    inspection: InspectionInput,
    discipline: DisciplineInput,
    errors: FieldErrors,
    failed: &'static str,
) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let c = state.run(move |app| app.cases(&actor)).await?;
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = CasesPage {
        layout: Layout::of(session, "cases"),
        kinds: Choice::list(InspectionKind::ALL.iter().map(|k| (k.code(), k.label())), &inspection.kind),
        forms: Choice::list(DisciplineForm::ALL.iter().map(|f| (f.code(), f.label())), &discipline.form),
        c,
        inspection,
        discipline,
        errors,
        failed,
    };
    Ok((status, Html(render(&page))).into_response())
}

pub async fn open_inspection(
    State(state): State<AppState>,
    posted: Posted<InspectionInput>,
) -> Result<Response, PageError> {
    let (actor, form) = (posted.session.actor.clone(), posted.form.clone());
    match state.run(move |app| app.open_inspection(&actor, form)).await {
        Ok(_) => Ok(Redirect::to("/cases#inspections").into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            cases_page(&state, &posted.session, posted.form, DisciplineInput::default(), errors, "inspection")
                .await
        }
    }
}

/// The discipline form sends a checkbox as "on"; the use case reads a boolean.
#[derive(serde::Deserialize, Default, Clone)]
#[serde(default)]
pub struct DisciplinePosted {
    org_code: String,
    membership_id: String,
    form: String,
    decided_on: String,
    by_org_code: String,
    document: String,
    reason: String,
    self_detected: Option<String>,
}

pub async fn decide_discipline(
    State(state): State<AppState>,
    posted: Posted<DisciplinePosted>,
) -> Result<Response, PageError> {
    let f = posted.form.clone();
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let input = DisciplineInput {
        org_code: some(&f.org_code),
        membership_id: some(&f.membership_id),
        form: f.form,
        decided_on: f.decided_on,
        by_org_code: f.by_org_code,
        document: f.document,
        reason: f.reason,
        self_detected: f.self_detected.is_some(),
        inspection_id: None,
    };
    let (actor, sent) = (posted.session.actor.clone(), input.clone());
    match state.run(move |app| app.decide_discipline(&actor, sent)).await {
        Ok(_) => Ok(Redirect::to("/cases#disciplines").into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            cases_page(&state, &posted.session, InspectionInput::default(), input, errors, "discipline").await
        }
    }
}
