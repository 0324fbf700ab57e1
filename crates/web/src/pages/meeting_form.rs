//! The minutes form: recording and correcting a meeting with its attendance, and the
//! attendance section that htmx reloads when the date changes.
use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use coso_app::meetings::{
    AbsenceInput, EligibleView, MeetingDetail, MeetingInput, MinutesText, SuperiorInput,
};
use coso_app::{Actor, App, AppError, AppResult};
use coso_domain::meeting::MeetingKind;

use crate::AppState;
use crate::error::PageError;
use crate::form::FieldErrors;
use crate::session::{Posted, Session};
use crate::views::meetings::{
    AttendanceFragment, AttendanceRow, AttendanceSection, EXCUSED, MeetingFormPage, PRESENT, SuperiorRow,
    UNEXCUSED,
};
use crate::views::{Choice, Layout, render};

/// Who may come from above: (person id, name with position, assigned to follow the cell).
type Candidate = (coso_domain::id::PersonId, String, bool);

/// Rows of superiors the form offers at least.
const SUPERIOR_ROWS: usize = 4;

/// The form as posted: `att_<membership id>` = present|excused|unexcused with
/// `reason_<membership id>`, `sup_<n>_person` with `sup_<n>_remarks`, checkboxes "on".
type Fields = HashMap<String, String>;

fn text(f: &Fields, key: &str) -> String {
    f.get(key).map(|v| v.trim().to_string()).unwrap_or_default()
}

/// The posted superiors in the order of their rows: (person id, remarks).
fn posted_superiors(f: &Fields) -> Vec<(String, String)> {
    let mut rows: Vec<(usize, String, String)> = f
        .iter()
        .filter_map(|(k, v)| {
            let n = k.strip_prefix("sup_")?.strip_suffix("_person")?.parse::<usize>().ok()?;
            let person = v.trim();
            (!person.is_empty()).then(|| (n, person.to_string(), text(f, &format!("sup_{n}_remarks"))))
        })
        .collect();
    rows.sort_by_key(|(n, _, _)| *n);
    rows.into_iter().map(|(_, p, r)| (p, r)).collect()
}

/// Reads the posted form into the meeting the application records.
fn meeting_input(f: &Fields) -> MeetingInput {
    let checked = |k: &str| f.get(k).is_some_and(|v| matches!(v.as_str(), "on" | "true" | "1"));
    let mut absences: Vec<AbsenceInput> = f
        .iter()
        .filter_map(|(k, v)| {
            let id = k.strip_prefix("att_")?;
            let with_reason = match v.as_str() {
                EXCUSED => true,
                UNEXCUSED => false,
                _ => return None,
            };
            // The reason box belongs to "absent with reason"; what stays typed in it after
            // another choice is not part of the minutes.
            let reason = if with_reason { text(f, &format!("reason_{id}")) } else { String::new() };
            Some(AbsenceInput { member_id: id.to_string(), with_reason, reason })
        })
        .collect();
    absences.sort_by(|a, b| a.member_id.cmp(&b.member_id));
    let superiors = posted_superiors(f)
        .into_iter()
        .map(|(person_id, remarks)| SuperiorInput { person_id, remarks })
        .collect();
    MeetingInput {
        kind: text(f, "kind"),
        held_on: text(f, "held_on"),
        starts_at: text(f, "starts_at"),
        duration_minutes: text(f, "duration_minutes"),
        topic: text(f, "topic"),
        minutes: MinutesText {
            venue: text(f, "venue"),
            online: checked("online"),
            chair: text(f, "chair"),
            minute_taker: text(f, "minute_taker"),
            sources: text(f, "sources"),
            agenda: text(f, "agenda"),
            content: text(f, "content"),
            questions: text(f, "questions"),
            conclusions: text(f, "conclusions"),
            self_assessment: text(f, "self_assessment"),
        },
        notice_sent_on: Some(text(f, "notice_sent_on")).filter(|s| !s.is_empty()),
        notice_to_superior: checked("notice_to_superior"),
        absences,
        superiors,
        confirm_duplicate: checked("confirm_duplicate"),
    }
}

/// A recorded meeting as the form would have posted it, to correct it.
fn fields_of(d: &MeetingDetail) -> Fields {
    let mut f = Fields::new();
    for a in &d.absences {
        f.insert(format!("att_{}", a.member_id), if a.with_reason { EXCUSED } else { UNEXCUSED }.into());
        f.insert(format!("reason_{}", a.member_id), a.reason.clone());
    }
    for (i, s) in d.superiors.iter().enumerate() {
        f.insert(format!("sup_{}_person", i + 1), s.person_id.to_string());
        f.insert(format!("sup_{}_remarks", i + 1), s.remarks.clone());
    }
    f
}

fn input_of(d: &MeetingDetail) -> MeetingInput {
    let s = &d.summary;
    MeetingInput {
        kind: s.kind.code().into(),
        held_on: s.held_on.to_string(),
        starts_at: s.starts_at.clone(),
        duration_minutes: s.duration_minutes.to_string(),
        topic: s.topic.clone(),
        minutes: d.minutes.clone(),
        notice_sent_on: d.notice_sent_on.map(|n| n.to_string()),
        notice_to_superior: d.notice_to_superior,
        absences: Vec::new(),
        superiors: Vec::new(),
        confirm_duplicate: false,
    }
}

/// Who is invited and who may come from above on a date. A date on which the cell did not
/// stand gives empty lists: the form says so, and saving says why.
fn attendance_data(
    app: &App,
    actor: &Actor,
    code: &str,
    on: NaiveDate,
) -> AppResult<(Vec<EligibleView>, Vec<Candidate>)> {
    fn lenient<T>(e: AppError) -> AppResult<Vec<T>> {
        match e {
            AppError::Invalid(_) | AppError::NotFound(_) => Ok(Vec::new()),
            other => Err(other),
        }
    }
    let eligible = app.eligible_members(actor, code, on).or_else(lenient)?;
    let candidates = app.superior_candidates(actor, code, on).or_else(lenient)?;
    Ok((eligible, candidates))
}

/// The attendance section from the invited, the candidates and what the form holds.
/// `known` names superiors already on the record who are no longer candidates.
fn section(
    on: NaiveDate,
    eligible: Vec<EligibleView>,
    candidates: &[Candidate],
    f: &Fields,
    known: &[(String, String)],
) -> AttendanceSection {
    let rows = eligible
        .into_iter()
        .map(|e| {
            let choice = match f.get(&format!("att_{}", e.member_id)).map(String::as_str) {
                Some(EXCUSED) => EXCUSED,
                Some(UNEXCUSED) => UNEXCUSED,
                _ => PRESENT,
            };
            AttendanceRow {
                reason: text(f, &format!("reason_{}", e.member_id)),
                status_label: e.status.label().into(),
                member_id: e.member_id.to_string(),
                full_name: e.full_name,
                choice: choice.into(),
            }
        })
        .collect();
    let posted = posted_superiors(f);
    let superiors = (0..posted.len().max(SUPERIOR_ROWS))
        .map(|i| {
            let (person, remarks) = posted.get(i).cloned().unwrap_or_default();
            let mut choices = vec![Choice {
                value: String::new(),
                label: "— Chọn đồng chí cấp trên —".into(),
                selected: person.is_empty(),
            }];
            choices.extend(candidates.iter().map(|(id, label, _)| Choice {
                value: id.to_string(),
                label: label.clone(),
                selected: id.as_str() == person,
            }));
            if !person.is_empty() && !candidates.iter().any(|(id, _, _)| id.as_str() == person) {
                let name = known.iter().find(|(id, _)| *id == person).map(|(_, n)| n.clone());
                choices.push(Choice {
                    label: name.unwrap_or_else(|| format!("Mã {person}")) + " (không được phân công)",
                    value: person,
                    selected: true,
                });
            }
            SuperiorRow { n: i + 1, choices, remarks }
        })
        .collect();
    AttendanceSection {
        on,
        rows,
        superiors,
        assigned_names: candidates
            .iter()
            .filter(|(_, _, assigned)| *assigned)
            .map(|(_, label, _)| label.trim_end_matches(" (được phân công)").to_string())
            .collect(),
    }
}

fn date_or_today(s: &str) -> NaiveDate {
    coso_domain::date::parse(s).unwrap_or_else(coso_app::today)
}

/// What the form page needs besides the input: the cell, the attendance section.
struct FormContext<'a> {
    code: String,
    editing: String,
    fields: &'a Fields,
    known: Vec<(String, String)>,
}

async fn form_page(
    state: &AppState,
    session: &Session,
    cx: FormContext<'_>,
    form: MeetingInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let on = date_or_today(&form.held_on);
    let (actor, code) = (session.actor.clone(), cx.code.clone());
    let (org_name, eligible, candidates) = state
        .run(move |app| {
            let org = app.org_detail(&actor, &code, on)?.org;
            let (eligible, candidates) = attendance_data(app, &actor, &code, on)?;
            Ok((org.name, eligible, candidates))
        })
        .await?;
    let a = section(on, eligible, &candidates, cx.fields, &cx.known);
    let kinds = Choice::list(MeetingKind::ALL.iter().map(|k| (k.code(), k.label())), &form.kind);
    let status =
        if errors.any() { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    let page = MeetingFormPage {
        layout: Layout::of(session, "meetings"),
        org_code: cx.code,
        org_name,
        editing: cx.editing,
        form,
        kinds,
        a,
        errors,
    };
    Ok((status, Html(render(&page))).into_response())
}

pub async fn new_form(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let today = session.day;
    let (actor, c) = (session.actor.clone(), code.clone());
    // The secretary usually chairs: offer the one in office today (the demo: its last day).
    let secretary =
        state.run(move |app| Ok(app.org_detail(&actor, &c, today)?.secretary.unwrap_or_default())).await?;
    let form = MeetingInput {
        kind: MeetingKind::Regular.code().into(),
        held_on: today.to_string(),
        starts_at: "19:30".into(),
        duration_minutes: "90".into(),
        minutes: MinutesText { chair: secretary, ..MinutesText::default() },
        ..Default::default()
    };
    let fields = Fields::new();
    let cx = FormContext { code, editing: String::new(), fields: &fields, known: Vec::new() };
    form_page(&state, &session, cx, form, FieldErrors::none()).await
}

pub async fn create(
    State(state): State<AppState>,
    Path(code): Path<String>,
    posted: Posted<Fields>,
) -> Result<Response, PageError> {
    let input = meeting_input(&posted.form);
    let (actor, c, i) = (posted.session.actor.clone(), code.clone(), input.clone());
    match state.run(move |app| app.record_meeting(&actor, &c, i)).await {
        Ok(m) => Ok(Redirect::to(&format!("/meetings/{}?saved=new", m.id)).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let cx = FormContext { code, editing: String::new(), fields: &posted.form, known: Vec::new() };
            form_page(&state, &posted.session, cx, input, errors).await
        }
    }
}

/// The attendance section for `on` (or the date input's own `held_on`), keeping the choices
/// the form already holds.
pub async fn attendance(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
    Query(q): Query<Fields>,
) -> Result<Response, PageError> {
    let given = q.get("on").or_else(|| q.get("held_on")).map(String::as_str).unwrap_or("");
    let on = date_or_today(given);
    let (actor, c) = (session.actor.clone(), code.clone());
    let (eligible, candidates) = state.run(move |app| attendance_data(app, &actor, &c, on)).await?;
    let a = section(on, eligible, &candidates, &q, &[]);
    Ok(Html(render(&AttendanceFragment { a, errors: FieldErrors::none() })).into_response())
}

fn known_superiors(d: &MeetingDetail) -> Vec<(String, String)> {
    d.superiors.iter().map(|s| (s.person_id.to_string(), s.full_name.clone())).collect()
}

pub async fn edit_form(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<coso_domain::id::MeetingId>,
) -> Result<Response, PageError> {
    let actor = session.actor.clone();
    let d = state.run(move |app| app.meeting_detail(&actor, &id)).await?;
    if !d.can_write {
        return Err(PageError(AppError::Forbidden));
    }
    let fields = fields_of(&d);
    let cx = FormContext {
        code: d.summary.org_code.clone(),
        editing: d.summary.id.to_string(),
        fields: &fields,
        known: known_superiors(&d),
    };
    form_page(&state, &session, cx, input_of(&d), FieldErrors::none()).await
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<coso_domain::id::MeetingId>,
    posted: Posted<Fields>,
) -> Result<Response, PageError> {
    let input = meeting_input(&posted.form);
    let (actor, mid, i) = (posted.session.actor.clone(), id.clone(), input.clone());
    match state.run(move |app| app.update_meeting(&actor, &mid, i)).await {
        Ok(_) => Ok(Redirect::to(&format!("/meetings/{id}?saved=edit")).into_response()),
        Err(e) => {
            let errors = FieldErrors::from_error(e)?;
            let actor = posted.session.actor.clone();
            let d = state.run(move |app| app.meeting_detail(&actor, &id)).await?;
            let cx = FormContext {
                code: d.summary.org_code.clone(),
                editing: d.summary.id.to_string(),
                fields: &posted.form,
                known: known_superiors(&d),
            };
            form_page(&state, &posted.session, cx, input, errors).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_posted_form_becomes_the_minutes() {
        let f: Fields = [
            ("kind", "regular"),
            ("held_on", "2021-09-15"),
            ("duration_minutes", " 90 "),
            ("online", "on"),
            ("att_m1", "present"),
            ("reason_m1", "typed then changed"),
            ("att_m2", "excused"),
            ("reason_m2", "Ốm"),
            ("att_m3", "unexcused"),
            ("reason_m3", "left over"),
            ("sup_2_person", "p2"),
            ("sup_2_remarks", "Phát biểu"),
            ("sup_1_person", "p1"),
            ("sup_3_person", ""),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let m = meeting_input(&f);
        assert_eq!(m.duration_minutes, "90");
        assert!(m.minutes.online && !m.notice_to_superior);
        assert_eq!(m.notice_sent_on, None);
        let absent: Vec<(&str, bool, &str)> =
            m.absences.iter().map(|a| (a.member_id.as_str(), a.with_reason, a.reason.as_str())).collect();
        assert_eq!(absent, [("m2", true, "Ốm"), ("m3", false, "")]);
        let sups: Vec<(&str, &str)> =
            m.superiors.iter().map(|s| (s.person_id.as_str(), s.remarks.as_str())).collect();
        assert_eq!(sups, [("p1", ""), ("p2", "Phát biểu")]);
    }
}
