//! The dashboard's view model (issue 13): the overview's figures with the addresses of the
//! pages behind them, and its ratings chart whose bars open each year's statistics.
use askama::Template;
use chrono::Datelike;
use coso_app::overview::{Overview, OverviewResolution};

#[allow(unused_imports)]
use super::Vi;
use super::{Layout, ratings::percent};
use crate::form::FieldErrors;
use crate::query::with_query;

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    pub layout: Layout,
    /// The figures; none when the period or unit asked for was refused.
    pub o: Option<Overview>,
    /// The form's values: the period read (ISO), or what was typed when refused.
    pub from: String,
    pub to: String,
    pub org: String,
    pub errors: FieldErrors,
    /// The ratings chart for a desktop and for a phone.
    pub chart: (String, String),
}

impl DashboardPage {
    /// Whether TCCSĐ are rated under the unit: a cell's dashboard has only its members.
    pub fn rates_orgs(&self, o: &Overview) -> bool {
        o.rates_orgs()
    }

    pub fn pct(&self, p: &f64) -> String {
        percent(*p)
    }

    /// The share of cells that kept every meeting rule, or a dash when there are none.
    pub fn compliance(&self, o: &Overview) -> String {
        o.cells_compliant_pct.map_or_else(|| "—".to_string(), percent)
    }

    /// The meeting compliance report of the unit over the same stretch as the figure.
    pub fn compliance_url(&self, o: &Overview) -> String {
        with_query(
            &format!("/orgs/{}/compliance", o.org_code),
            &[("from", o.meetings_from.to_string()), ("to", o.to.to_string())],
        )
    }

    /// The superior attendance report from the quota policy's start to the period's end.
    pub fn superiors_url(&self, o: &Overview) -> String {
        let from = o.superior_attendances_from.unwrap_or(o.from);
        with_query(
            "/superiors",
            &[("from", from.to_string()), ("to", o.to.to_string()), ("year", o.to.year().to_string())],
        )
    }

    pub fn training_url(&self, o: &Overview) -> String {
        with_query("/training", &[("from", o.from.to_string()), ("to", o.to.to_string())])
    }

    /// The resolution's page when there is one; the list when there are several.
    pub fn targets_url(&self, o: &Overview) -> String {
        match o.resolutions.as_slice() {
            [one] => format!("/resolutions/{}", one.id),
            _ => "/resolutions".into(),
        }
    }

    pub fn resolution_url(&self, r: &OverviewResolution) -> String {
        format!("/resolutions/{}", r.id)
    }

    pub fn rating_url(&self, o: &Overview, year: &i32) -> String {
        rating_url(o, *year)
    }

    pub fn plans_url(&self, o: &Overview) -> String {
        with_query("/plans", &[("from", o.from.to_string()), ("to", o.to.to_string())])
    }

    pub fn documents_url(&self, o: &Overview) -> String {
        with_query("/documents", &[("from", o.from.to_string()), ("to", o.to.to_string())])
    }

    /// A document in the registry, found by its number.
    pub fn document_url(&self, number: &str) -> String {
        with_query("/documents", &[("number", number.to_string())])
    }

    /// A report file of the unit and period the page shows.
    pub fn report_url(&self, ext: &str) -> String {
        with_query(
            &format!("/dashboard/report.{ext}"),
            &[("from", self.from.clone()), ("to", self.to.clone()), ("org", self.org.clone())],
        )
    }
}

/// The rating statistics of `year` for the dashboard's unit.
fn rating_url(o: &Overview, year: i32) -> String {
    with_query("/ratings", &[("year", year.to_string()), ("org", o.org_code.clone())])
}

/// The ratings chart of the dashboard, each bar leading to its year's rating statistics.
pub fn ratings_chart(o: &Overview, width: u32) -> String {
    o.ratings_chart(width, |year| rating_url(o, year))
}
