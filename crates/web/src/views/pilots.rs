//! View models of the pilot and training pages (issue 11).
use askama::Template;
use coso_app::pilots::{PilotDetail, PilotInput, PilotReport};
use coso_app::training::{ClassInput, ClassView, TraineePreview, TrainingReport};
use coso_domain::pilot::Weakness;

#[allow(unused_imports)]
use super::Vi;
use super::{Choice, Layout};
use crate::form::FieldErrors;

/// A percentage or a dash.
fn pct(p: Option<f64>) -> String {
    p.map_or_else(|| "—".to_string(), super::ratings::percent)
}

#[derive(Template)]
#[template(path = "pilots.html")]
pub struct PilotsPage {
    pub layout: Layout,
    pub r: PilotReport,
    pub form: PilotInput,
    pub weaknesses: Vec<Choice>,
    pub errors: FieldErrors,
    pub can_write: bool,
}

impl PilotsPage {
    pub fn pct(&self, p: &Option<f64>) -> String {
        pct(*p)
    }

    /// The target as the form holds it.
    pub fn target(&self) -> String {
        self.form.target_pct.map(|t| t.to_string()).unwrap_or_default()
    }

    pub fn weakness_choices(form: &PilotInput) -> Vec<Choice> {
        Weakness::ALL
            .iter()
            .map(|w| Choice {
                value: w.code().into(),
                label: w.label().into(),
                selected: form.weaknesses.iter().any(|c| c == w.code()),
            })
            .collect()
    }
}

#[derive(Template)]
#[template(path = "pilot.html")]
pub struct PilotPage {
    pub layout: Layout,
    pub p: PilotDetail,
    pub chart: (String, String),
    pub errors: FieldErrors,
    /// Which form the errors belong to.
    pub failed: String,
}

impl PilotPage {
    pub fn pct(&self, p: &Option<f64>) -> String {
        pct(*p)
    }
}

#[derive(Template)]
#[template(path = "training.html")]
pub struct TrainingPage {
    pub layout: Layout,
    pub r: TrainingReport,
    pub form: ClassInput,
    pub categories: Vec<Choice>,
    pub audiences: Vec<Choice>,
    pub errors: FieldErrors,
    pub can_write: bool,
}

#[derive(Template)]
#[template(path = "training_class.html")]
pub struct ClassPage {
    pub layout: Layout,
    pub c: ClassView,
    pub trainees: Vec<(String, String, String)>,
    pub preview: Option<TraineePreview>,
    /// The previewed file, hex-encoded, sent back with the confirmation.
    pub file_hex: String,
    pub errors: FieldErrors,
    pub saved: String,
    pub can_write: bool,
}
