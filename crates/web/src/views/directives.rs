//! View models of the resolution, plan and document pages (issue 13).
use askama::Template;
use chrono::{Datelike, NaiveDate};
use coso_app::documents::{DocumentFilter, DocumentView};
use coso_app::plans::{PlanView, TaskInput, TaskView};
use coso_app::resolutions::{ResolutionView, TargetView};
use coso_domain::resolution::Status;

#[allow(unused_imports)]
use super::Vi;
use super::{Choice, Layout};
use crate::form::FieldErrors;

/// A figure with its unit, as a resolution writes it: "85%", "100 chi bộ".
pub fn with_unit(value: f64, unit: &str) -> String {
    let n = coso_domain::vi::number(value);
    match unit.trim() {
        "" => n,
        "%" => format!("{n}%"),
        u => format!("{n} {u}"),
    }
}

#[derive(Template)]
#[template(path = "resolutions.html")]
pub struct ResolutionsPage {
    pub layout: Layout,
    pub resolutions: Vec<ResolutionView>,
    /// The year statuses are read on; each term's end when none.
    pub year: Option<i32>,
}

/// The yearly-figure form as sent.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ValueForm {
    pub target_id: String,
    pub year: String,
    pub value: String,
    pub source: String,
}

/// A target's line: what it asks, its figure each year of the term, its status.
pub struct TargetLine {
    pub t: TargetView,
    pub asked: String,
    /// One per year of the term, "—" where none is recorded; the unit is the target's.
    pub cells: Vec<String>,
    /// The badge's class: `target-exceeded`, `target-met`, `target-not_met`, `target-no_data`.
    pub badge: &'static str,
}

#[derive(Template)]
#[template(path = "resolution.html")]
pub struct ResolutionPage {
    pub layout: Layout,
    pub r: ResolutionView,
    pub years: Vec<i32>,
    pub lines: Vec<TargetLine>,
    pub targets: Vec<Choice>,
    pub year_choices: Vec<Choice>,
    pub form: ValueForm,
    pub errors: FieldErrors,
    pub saved: bool,
}

impl ResolutionPage {
    pub fn new(
        layout: Layout,
        mut r: ResolutionView,
        day: NaiveDate,
        form: ValueForm,
        errors: FieldErrors,
        saved: bool,
    ) -> ResolutionPage {
        let years: Vec<i32> = (r.first_year..=r.last_year).collect();
        let lines: Vec<TargetLine> = std::mem::take(&mut r.targets)
            .into_iter()
            .map(|t| TargetLine {
                // "Đạt ít nhất 85%", "Đạt vào năm 2018: 100%".
                asked: if t.direction == "reach_by" {
                    format!("{}: {}", t.direction_label, with_unit(t.value, &t.unit))
                } else {
                    format!("{} {}", t.direction_label, with_unit(t.value, &t.unit))
                },
                cells: years
                    .iter()
                    .map(|y| {
                        t.values
                            .iter()
                            .find(|v| v.year == *y)
                            .map_or_else(|| "—".to_string(), |v| coso_domain::vi::number(v.value))
                    })
                    .collect(),
                badge: match t.status {
                    Status::Exceeded => "target-exceeded",
                    Status::Met => "target-met",
                    Status::NotMet => "target-not_met",
                    Status::NoData => "target-no_data",
                },
                t,
            })
            .collect();
        let targets = lines
            .iter()
            .map(|l| Choice {
                value: l.t.id.clone(),
                label: format!("{}. {}", l.t.position, l.t.name),
                selected: l.t.id == form.target_id,
            })
            .collect();
        // The year most likely recorded next: this year, or the term's last once it is over.
        let default_year = day.year().clamp(r.first_year, r.last_year).to_string();
        let chosen = if form.year.trim().is_empty() { default_year } else { form.year.trim().to_string() };
        let year_choices = years
            .iter()
            .map(|y| Choice {
                value: y.to_string(),
                label: format!("Năm {y}"),
                selected: y.to_string() == chosen,
            })
            .collect();
        ResolutionPage { layout, r, years, lines, targets, year_choices, form, errors, saved }
    }
}

#[derive(Template)]
#[template(path = "plans.html")]
pub struct PlansPage {
    pub layout: Layout,
    pub plans: Vec<PlanView>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A progress report as sent.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ProgressForm {
    pub reported_on: String,
    pub progress_pct: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "plan.html")]
pub struct PlanPage {
    pub layout: Layout,
    pub p: PlanView,
    /// The day the plan is read on (overdue tasks, measures), and progress is reported on.
    pub day: NaiveDate,
    pub task: TaskInput,
    pub progress: ProgressForm,
    pub errors: FieldErrors,
    /// Which form the errors belong to: `task`, or the id of the task reported on.
    pub failed: String,
    pub saved: String,
}

impl PlanPage {
    pub fn figure(&self, value: &f64, unit: &str) -> String {
        with_unit(*value, unit)
    }

    pub fn current(&self, value: &Option<f64>, unit: &str) -> String {
        value.map_or_else(|| "—".to_string(), |v| with_unit(v, unit))
    }

    /// Whether the errors shown belong to this task's progress form.
    pub fn failed_on(&self, t: &TaskView) -> bool {
        self.failed == t.id
    }

    /// The progress form's values: as sent when it was refused, else the day and the task's
    /// progress.
    pub fn reported_on(&self, t: &TaskView) -> String {
        if self.failed_on(t) { self.progress.reported_on.clone() } else { self.day.to_string() }
    }

    pub fn pct_value(&self, t: &TaskView) -> String {
        if self.failed_on(t) { self.progress.progress_pct.clone() } else { t.progress_pct.to_string() }
    }

    pub fn note(&self, t: &TaskView) -> String {
        if self.failed_on(t) { self.progress.note.clone() } else { String::new() }
    }
}

/// A document to register, as the form sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct DocumentForm {
    pub number: String,
    pub issuer_name: String,
    pub issuer_code: String,
    pub issued_on: String,
    pub type_name: String,
    pub title: String,
    pub valid_from: String,
    pub valid_until: String,
}

#[derive(Template)]
#[template(path = "documents.html")]
pub struct DocumentsPage {
    pub layout: Layout,
    pub documents: Vec<DocumentView>,
    pub filter: DocumentFilter,
    pub types: Vec<Choice>,
    pub xlsx_url: String,
    /// Why the filter was refused (a wrong date); the list is then empty.
    pub filter_errors: FieldErrors,
    pub form: DocumentForm,
    pub errors: FieldErrors,
    pub can_write: bool,
    pub saved: bool,
}

impl DocumentsPage {
    /// A filter value as the form holds it.
    pub fn kept(value: &Option<String>) -> String {
        value.clone().unwrap_or_default()
    }

    pub fn filtered(&self) -> bool {
        [&self.filter.from, &self.filter.to, &self.filter.type_code, &self.filter.number]
            .iter()
            .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
    }
}
