//! View models of the meeting pages: a cell's register, the minutes form, one meeting, the
//! compliance and superior-attendance reports.
use askama::Template;
use chrono::NaiveDate;
use coso_app::meetings::{
    CellReport, CellSuperiors, ComplianceReport, MeetingDetail, MeetingInput, MeetingSummary, QuotaView,
};

use coso_domain::meeting::{month_label, quarter_label};

use super::{Choice, Layout, Vi};
use crate::form::FieldErrors;
use crate::query::{ListQuery, Paged};

/// How a member took part in the meeting, as the attendance radios name it.
pub const PRESENT: &str = "present";
pub const EXCUSED: &str = "excused";
pub const UNEXCUSED: &str = "unexcused";

/// One invited member in the attendance section.
#[derive(Debug, Clone)]
pub struct AttendanceRow {
    pub member_id: String,
    pub full_name: String,
    pub status_label: String,
    /// present, excused or unexcused
    pub choice: String,
    pub reason: String,
}

/// One superior line of the form: whom (from the candidates) and what they said.
#[derive(Debug, Clone)]
pub struct SuperiorRow {
    pub n: usize,
    pub choices: Vec<Choice>,
    pub remarks: String,
}

/// The date-dependent part of the minutes form: who is invited, and who may come from above.
#[derive(Debug, Clone)]
pub struct AttendanceSection {
    pub on: NaiveDate,
    pub rows: Vec<AttendanceRow>,
    pub superiors: Vec<SuperiorRow>,
    /// Candidates assigned to follow the cell, to say so above the list.
    pub assigned_names: Vec<String>,
}

impl AttendanceSection {
    /// Whether any superior is chosen, to open their part of the form.
    pub fn has_superiors(&self) -> bool {
        self.superiors.iter().any(|s| s.choices.iter().any(|c| c.selected && !c.value.is_empty()))
    }
}

#[derive(Template)]
#[template(path = "meetings.html")]
pub struct MeetingsPage {
    pub layout: Layout,
    pub org_code: String,
    pub org_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub meetings: Vec<MeetingSummary>,
    pub can_write: bool,
    /// Committee members assigned to follow the cell.
    pub assignments: Vec<coso_app::meetings::AssignmentView>,
    /// The assignment form, for those who may assign (the organization's writers).
    pub can_assign: bool,
    pub assignment: coso_app::meetings::AssignmentInput,
    pub candidates: Vec<Choice>,
    pub policies: Vec<Choice>,
    pub errors: FieldErrors,
    /// Meetings of the period recorded by mistake and deleted, with the reason.
    pub deleted: Vec<coso_app::meetings::DeletedMeetingView>,
    /// The meeting lengths the cell's committee set for it (42-HD/BTCTW), newest first.
    pub lengths: Vec<coso_app::meetings::CellLengthView>,
    /// The length form, as typed, and what was refused in it.
    pub length: coso_app::meetings::CellLengthInput,
    pub length_errors: FieldErrors,
}

impl MeetingsPage {
    pub fn short_count(&self) -> usize {
        self.meetings.iter().filter(|m| m.too_short).count()
    }
}

#[derive(Template)]
#[template(path = "meeting_form.html")]
pub struct MeetingFormPage {
    pub layout: Layout,
    pub org_code: String,
    pub org_name: String,
    /// The meeting being corrected; empty for a new one.
    pub editing: String,
    pub form: MeetingInput,
    pub kinds: Vec<Choice>,
    pub a: AttendanceSection,
    pub errors: FieldErrors,
}

/// The attendance section alone, for htmx when the date changes.
#[derive(Template)]
#[template(path = "meeting_attendance.html")]
pub struct AttendanceFragment {
    pub a: AttendanceSection,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "meeting.html")]
pub struct MeetingPage {
    pub layout: Layout,
    pub d: MeetingDetail,
    pub title: String,
    /// Set right after a save: the page confirms it.
    pub saved: Option<&'static str>,
}

impl MeetingPage {
    pub fn excused(&self) -> Vec<&coso_app::meetings::AbsentView> {
        self.d.absences.iter().filter(|a| a.with_reason).collect()
    }

    pub fn unexcused(&self) -> Vec<&coso_app::meetings::AbsentView> {
        self.d.absences.iter().filter(|a| !a.with_reason).collect()
    }

    /// The date line of the minutes: "Lạng Sơn, ngày 15 tháng 9 năm 2021".
    pub fn date_line(&self) -> String {
        use chrono::Datelike;
        let d = self.d.summary.held_on;
        let place = if self.d.place.is_empty() { String::new() } else { format!("{}, ", self.d.place) };
        format!("{place}ngày {} tháng {} năm {}", d.day(), d.month(), d.year())
    }
}

/// A finding shown as a short label with its rule and citation on hover.
#[derive(Debug, Clone)]
pub struct Chip {
    pub label: String,
    pub title: String,
}

/// One cell in the compliance ranking.
#[derive(Debug, Clone)]
pub struct ComplianceRow {
    pub c: CellReport,
    pub months: Vec<Chip>,
    pub quarters: Vec<Chip>,
    /// Findings about single meetings, by date.
    pub meetings: Vec<Chip>,
    pub rate: String,
}

impl ComplianceRow {
    pub fn of(c: CellReport) -> ComplianceRow {
        let chips = |rule: &str, label: &dyn Fn(&str) -> String| -> Vec<Chip> {
            c.findings
                .iter()
                .filter(|f| f.rule == rule)
                .map(|f| Chip { label: label(&f.when), title: format!("{} ({})", f.message, f.citation) })
                .collect()
        };
        let months = chips("no_regular", &month_label);
        let quarters = chips("no_thematic", &|q: &str| format!("Quý {}", quarter_label(q)));
        // Every other finding is about one meeting (too short, no notice…) and names its date.
        let meetings = c
            .findings
            .iter()
            .filter(|f| f.rule != "no_regular" && f.rule != "no_thematic")
            .map(|f| Chip {
                label: coso_domain::date::parse(&f.when).map(|d| d.vi()).unwrap_or_else(|| f.when.clone()),
                title: format!("{} ({})", f.message, f.citation),
            })
            .collect();
        let rate = coso_domain::vi::share(c.attendance_rate);
        ComplianceRow { c, months, quarters, meetings, rate }
    }
}

#[derive(Template)]
#[template(path = "compliance.html")]
pub struct CompliancePage {
    pub layout: Layout,
    /// The report's heading (its cells are in `rows`).
    pub r: ComplianceReport,
    pub is_cell: bool,
    pub can_write: bool,
    pub cell_count: usize,
    pub compliant: usize,
    /// The cells shown: filtered by `list`, one page of them.
    pub rows: Paged<ComplianceRow>,
    pub list: ListQuery,
    pub meetings: i64,
    pub attendance: String,
    /// The attendance chart, SVG written by coso itself: wide (desktop) and narrow (phone).
    pub chart: (String, String),
    pub xlsx_url: String,
}

#[derive(Template)]
#[template(path = "superiors.html")]
pub struct SuperiorsPage {
    pub layout: Layout,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub year: i32,
    pub total_attendances: i64,
    pub all_attendances: i64,
    /// Everyone with a quota, and those short of it, before filtering.
    pub people_total: usize,
    pub short_total: usize,
    /// The people shown: filtered by `list`, one page of them.
    pub people: Paged<QuotaView>,
    /// The cells attended, filtered by the same text (a cell's or a visitor's name).
    pub cells: Vec<CellSuperiors>,
    pub list: ListQuery,
    pub documents: Vec<String>,
    /// The quota chart, SVG written by coso itself: wide (desktop) and narrow (phone).
    pub chart: (String, String),
    /// How many people the chart shows (the first of `people`).
    pub charted: usize,
    pub xlsx_url: String,
    /// The form for a new quota policy, shown to those who may set quotas for the whole tree.
    pub can_set_quota: bool,
    pub policy: coso_app::meetings::QuotaPolicyInput,
    pub levels: Vec<Choice>,
    pub errors: FieldErrors,
}
