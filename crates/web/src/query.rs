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

/// The filters of a long list on a report page: text in a name (diacritics ignored), only the
/// rows that need attention, and the page.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ListQuery {
    /// Text in the row's name.
    #[serde(default)]
    pub q: String,
    /// `1`: only rows with findings (a cell that missed a rule, a member short of quota).
    #[serde(default)]
    pub only: String,
    /// 1-based page; anything else is the first page.
    #[serde(default)]
    pub page: String,
}

impl ListQuery {
    pub fn only(&self) -> bool {
        matches!(self.only.as_str(), "1" | "on")
    }

    /// Whether `names` (any of them) hold the typed text, diacritics and case ignored.
    pub fn matches<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> bool {
        let wanted = coso_domain::text::fold(self.q.trim());
        wanted.is_empty() || names.into_iter().any(|n| coso_domain::text::fold(n).contains(&wanted))
    }

    pub fn page(&self) -> usize {
        self.page.trim().parse().ok().filter(|p| *p >= 1).unwrap_or(1)
    }

    /// Whether the list is narrowed by anything the user chose.
    pub fn filtered(&self) -> bool {
        self.only() || !self.q.trim().is_empty()
    }
}

/// One page of a filtered list, with the addresses of its neighbours.
#[derive(Debug, Clone)]
pub struct Paged<T> {
    pub items: Vec<T>,
    /// Rows after filtering, on every page.
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    /// The first row shown, 1-based (0 when none).
    pub first: usize,
    pub prev_url: String,
    pub next_url: String,
}

impl<T> Paged<T> {
    /// Cuts `all` into pages of `per`; `url(page)` gives a page's address. A page past the end
    /// shows the last.
    pub fn of(all: Vec<T>, page: usize, per: usize, url: impl Fn(usize) -> String) -> Paged<T> {
        let total = all.len();
        let pages = total.div_ceil(per).max(1);
        let page = page.clamp(1, pages);
        let start = (page - 1) * per;
        let items: Vec<T> = all.into_iter().skip(start).take(per).collect();
        Paged {
            first: if items.is_empty() { 0 } else { start + 1 },
            items,
            total,
            page,
            pages,
            prev_url: if page > 1 { url(page - 1) } else { String::new() },
            next_url: if page < pages { url(page + 1) } else { String::new() },
        }
    }

    /// The last row shown, 1-based.
    pub fn last(&self) -> usize {
        self.first + self.items.len().saturating_sub(1)
    }
}

/// An address with its query, empty values left out: for pager links that keep the filters.
pub fn with_query(path: &str, params: &[(&str, String)]) -> String {
    let kept: Vec<(&str, &str)> =
        params.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (*k, v.as_str())).collect();
    format!("{path}?{}", serde_urlencoded::to_string(kept).unwrap_or_default())
}

/// The year a reader most likely rates on `day`: the year ending, in December; the last one
/// before.
pub fn rating_year(day: NaiveDate) -> i32 {
    if chrono::Datelike::month(&day) == 12 {
        chrono::Datelike::year(&day)
    } else {
        chrono::Datelike::year(&day) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cut_the_list_and_link_their_neighbours() {
        let url = |p: usize| format!("/x?page={p}");
        // (rows, asked page, per page) -> (page shown, pages, first, last, items, has prev, has next)
        let cases = [
            (0, 1, 30, (1, 1, 0, 0, 0, false, false)),
            (10, 1, 30, (1, 1, 1, 10, 10, false, false)),
            (65, 1, 30, (1, 3, 1, 30, 30, false, true)),
            (65, 2, 30, (2, 3, 31, 60, 30, true, true)),
            (65, 3, 30, (3, 3, 61, 65, 5, true, false)),
            (65, 9, 30, (3, 3, 61, 65, 5, true, false)),
        ];
        for (rows, asked, per, want) in cases {
            let p = Paged::of((0..rows).collect::<Vec<_>>(), asked, per, url);
            let got = (
                p.page,
                p.pages,
                p.first,
                p.last(),
                p.items.len(),
                !p.prev_url.is_empty(),
                !p.next_url.is_empty(),
            );
            assert_eq!(got, want, "{rows} rows, page {asked}");
        }
        assert_eq!(Paged::of((0..65).collect::<Vec<_>>(), 2, 30, url).next_url, "/x?page=3");
    }

    #[test]
    fn a_list_filter_reads_what_people_type() {
        let q = ListQuery { q: " khoi 9 ".into(), only: "1".into(), page: "abc".into() };
        assert!(q.matches(["Chi bộ Khối 9"]));
        assert!(!q.matches(["Chi bộ Khối 8"]));
        assert!(q.only() && q.filtered());
        assert_eq!(q.page(), 1);
        assert!(ListQuery::default().matches(["bất kỳ"]));
        assert_eq!(ListQuery { page: "3".into(), ..Default::default() }.page(), 3);
        assert_eq!(
            with_query("/a", &[("q", "Khối 9".into()), ("only", String::new())]),
            "/a?q=Kh%E1%BB%91i+9"
        );
    }
}
