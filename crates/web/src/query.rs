//! The query values pages and the API share: a day (`as_of`), a period (`from`, `to`) and a
//! year. Both read them the same way: an empty value takes its default, a wrong one or a
//! reversed period is refused with its field named, never silently replaced. Defaults end on
//! the caller's `day`: [`coso_app::App::default_day`], today, or the demo's reference day.
use chrono::{Datelike, NaiveDate};
use coso_app::AppResult;
use coso_domain::date::{self, Period};

/// The day a page or answer shows the tree as of.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct DayQuery {
    /// The day (dd/mm/yyyy or yyyy-mm-dd); today by default (the demo: its reference day).
    pub as_of: Option<String>,
}

impl DayQuery {
    pub fn day(&self, default: NaiveDate) -> AppResult<NaiveDate> {
        day(self.as_of.as_deref(), default)
    }
}

/// The `as_of` day of a query; `default` when empty.
pub fn day(as_of: Option<&str>, default: NaiveDate) -> AppResult<NaiveDate> {
    Ok(date::read_day("as_of", as_of, default)?)
}

/// A report's period and, for quotas, its year.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct PeriodQuery {
    /// First day (dd/mm/yyyy or yyyy-mm-dd); January 1st of the default day's year by default.
    pub from: Option<String>,
    /// Last day; today by default (the demo: its reference day). It may not come before the
    /// first.
    pub to: Option<String>,
    /// The year whose quotas are judged (superior attendance only); the default day's year.
    pub year: Option<String>,
}

impl PeriodQuery {
    /// The period asked for; from January 1st to `day` where a bound is empty.
    pub fn period(&self, day: NaiveDate) -> AppResult<Period> {
        Ok(Period::read(self.from.as_deref(), self.to.as_deref(), Period::year_to_date(day))?)
    }

    pub fn year(&self, day: NaiveDate) -> AppResult<i32> {
        Ok(date::read_year("year", self.year.as_deref(), day.year())?)
    }
}
