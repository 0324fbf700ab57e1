//! Cell meetings: kinds, the meeting rules of each guideline version, and the compliance of a
//! cell's meetings over a period, each finding citing its rule (domain.md §4).
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{Violation, date};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum MeetingKind {
    /// Sinh hoạt thường kỳ.
    Regular,
    /// Sinh hoạt chuyên đề.
    Thematic,
    /// Thường kỳ kết hợp chuyên đề.
    Combined,
    /// Sinh hoạt bất thường.
    Extraordinary,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 4] =
        [MeetingKind::Regular, MeetingKind::Thematic, MeetingKind::Combined, MeetingKind::Extraordinary];

    pub fn code(self) -> &'static str {
        match self {
            MeetingKind::Regular => "regular",
            MeetingKind::Thematic => "thematic",
            MeetingKind::Combined => "combined",
            MeetingKind::Extraordinary => "extraordinary",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::Regular => "Thường kỳ",
            MeetingKind::Thematic => "Chuyên đề",
            MeetingKind::Combined => "Thường kỳ kết hợp chuyên đề",
            MeetingKind::Extraordinary => "Bất thường",
        }
    }

    /// Counts as the month's regular meeting.
    pub fn is_regular(self) -> bool {
        matches!(self, MeetingKind::Regular | MeetingKind::Combined)
    }

    /// Counts as the quarter's thematic meeting.
    pub fn is_thematic(self) -> bool {
        matches!(self, MeetingKind::Thematic | MeetingKind::Combined)
    }
}

/// The meeting rules of one guideline, in force from a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MeetingPolicy {
    pub document: &'static str,
    pub in_force_from: NaiveDate,
    /// Minimum length of a regular, thematic or extraordinary meeting.
    pub min_minutes: i32,
    /// Minimum length when regular and thematic are combined.
    pub min_combined_minutes: i32,
    /// Whether that figure is coso's reading rather than the text's own words: 120 minutes for
    /// a combined meeting is verified in 42-HD/BTCTW only (domain.md §4).
    pub combined_is_reading: bool,
    /// Days before the meeting that materials must be sent (0: no figure).
    pub notice_days: i64,
    /// Whether the competent committee may set a cell its own length (42-HD/BTCTW: cells with
    /// few members); see [`CellLength`].
    pub cell_length_may_be_set: bool,
}

/// Hướng dẫn 12-HD/BTCTW (06/7/2018), then 42-HD/BTCTW (28/10/2025), which keeps its figures and
/// adds that materials are posted at least 1 day before.
pub const MEETING_POLICIES: [MeetingPolicy; 2] = [
    MeetingPolicy {
        document: "12-HD/BTCTW",
        in_force_from: ymd(2018, 7, 6),
        min_minutes: 90,
        min_combined_minutes: 120,
        combined_is_reading: true,
        notice_days: 0,
        cell_length_may_be_set: false,
    },
    MeetingPolicy {
        document: "42-HD/BTCTW",
        in_force_from: ymd(2025, 10, 28),
        min_minutes: 90,
        min_combined_minutes: 120,
        combined_is_reading: false,
        notice_days: 1,
        cell_length_may_be_set: true,
    },
];

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// The guideline in force on a date. Before 12-HD/BTCTW took effect (06/7/2018) no guideline
/// is encoded, so a meeting of that time is judged by none (the earlier 09-HD/BTCTW of 2012 is
/// not yet read and cited here).
pub fn policy_on(on: NaiveDate) -> Option<&'static MeetingPolicy> {
    MEETING_POLICIES.iter().rev().find(|p| p.in_force_from <= on)
}

/// Said of what happened before any encoded guideline.
pub fn unjudged(on: NaiveDate) -> String {
    format!(
        "Ngày {} trước khi Hướng dẫn 12-HD/BTCTW có hiệu lực (06/7/2018): coso chưa có hướng dẫn nào để đánh giá.",
        date::format(on)
    )
}

/// What the rules need to know of one held meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldMeeting {
    pub held_on: NaiveDate,
    pub kind: MeetingKind,
    pub duration_minutes: i32,
    /// Eligible members on the day (the invited).
    pub invited: i64,
    pub absent: i64,
    /// A superior committee member was assigned to follow the cell that day.
    pub superior_assigned: bool,
    /// The notice went to that superior too.
    pub notice_to_superior: bool,
}

/// One way a cell fell short of the rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// `no_regular`, `no_thematic`, `too_short` or `no_superior_notice`.
    pub rule: &'static str,
    /// `YYYY-MM`, `YYYY-Qn` or the meeting date.
    pub when: String,
    pub message: String,
    pub citation: &'static str,
}

/// A cell's compliance over a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compliance {
    pub regular_held: i64,
    pub thematic_held: i64,
    pub months_without_regular: Vec<String>,
    pub quarters_without_thematic: Vec<String>,
    pub short_meetings: i64,
    /// Present over invited across the meetings held (1.0 when none were invited).
    pub attendance_rate: f64,
    pub findings: Vec<Finding>,
}

/// The months (`YYYY-MM`) wholly or partly in `[from, to]`.
fn months(from: NaiveDate, to: NaiveDate) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    let (mut y, mut m) = (from.year(), from.month());
    while (y, m) <= (to.year(), to.month()) {
        out.push((y, m));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

fn quarter(m: u32) -> u32 {
    (m - 1) / 3 + 1
}

/// Who was present at a meeting, as the minutes count it: the invited less the absent, with
/// or without reason. 12-HD/BTCTW: the meeting opens by announcing the members present, absent
/// with reason and absent without reason; coso records the absent and derives the present.
pub fn present(invited: i64, absent: i64) -> i64 {
    (invited - absent).max(0)
}

/// Checks a cell's held meetings in `[from, to]` against the guideline of each meeting's date.
/// A quarter is judged only when the period covers its last month; a month only when the
/// period covers its end, or reaches `today` after the month is over.
/// 12-HD/BTCTW, mục 1: chi bộ sinh hoạt thường kỳ mỗi tháng một lần; mỗi quý ít nhất một lần
/// sinh hoạt chuyên đề; thời lượng ít nhất 90 phút, kết hợp thì ít nhất 120 phút.
pub fn compliance(
    meetings: &[HeldMeeting],
    lengths: &[CellLength],
    from: NaiveDate,
    to: NaiveDate,
) -> Compliance {
    let inside: Vec<&HeldMeeting> =
        meetings.iter().filter(|m| m.held_on >= from && m.held_on <= to).collect();
    let mut findings = Vec::new();
    let mut months_without_regular = Vec::new();
    for (y, m) in months(from, to) {
        let month_end = date::add_months(ymd_or(y, m, 1), 1).pred_opt().unwrap_or(to);
        if month_end > to {
            continue; // the month is not over within the period
        }
        let Some(policy) = policy_on(month_end) else { continue };
        let held =
            inside.iter().any(|x| x.kind.is_regular() && x.held_on.year() == y && x.held_on.month() == m);
        if !held {
            let when = format!("{y}-{m:02}");
            findings.push(Finding {
                rule: "no_regular",
                message: format!("Tháng {m:02}/{y} không sinh hoạt thường kỳ."),
                citation: policy.document,
                when: when.clone(),
            });
            months_without_regular.push(when);
        }
    }
    let mut quarters_without_thematic = Vec::new();
    let mut seen = Vec::new();
    for (y, m) in months(from, to) {
        let q = quarter(m);
        if m % 3 != 0 || seen.contains(&(y, q)) {
            continue;
        }
        seen.push((y, q));
        let quarter_end = date::add_months(ymd_or(y, m, 1), 1).pred_opt().unwrap_or(to);
        if quarter_end > to {
            continue;
        }
        let Some(policy) = policy_on(quarter_end) else { continue };
        let held = inside
            .iter()
            .any(|x| x.kind.is_thematic() && x.held_on.year() == y && quarter(x.held_on.month()) == q);
        if !held {
            let when = format!("{y}-Q{q}");
            findings.push(Finding {
                rule: "no_thematic",
                message: format!("Quý {} không sinh hoạt chuyên đề.", quarter_label(&when)),
                citation: policy.document,
                when: when.clone(),
            });
            quarters_without_thematic.push(when);
        }
    }
    let mut short_meetings = 0;
    for x in &inside {
        let Some(needed) = required_length(x.held_on, x.kind, lengths) else { continue };
        if x.duration_minutes < needed.minutes {
            short_meetings += 1;
            findings.push(Finding {
                rule: "too_short",
                when: x.held_on.to_string(),
                message: format!(
                    "Cuộc sinh hoạt ngày {} chỉ {} phút, chưa đủ {} phút{}{}.",
                    date::format(x.held_on),
                    x.duration_minutes,
                    needed.minutes,
                    needed.set_by.as_ref().map(|s| format!(" theo {s}")).unwrap_or_default(),
                    needed.note
                ),
                citation: needed.citation,
            });
        }
    }
    // 12-HD/BTCTW, mục 2.1: thời gian, địa điểm, nội dung sinh hoạt được thông báo đến đảng viên
    // và cấp ủy viên cấp trên được phân công theo dõi chi bộ.
    for x in inside.iter().filter(|x| x.superior_assigned && !x.notice_to_superior) {
        let Some(policy) = policy_on(x.held_on) else { continue };
        findings.push(Finding {
            rule: "no_superior_notice",
            when: x.held_on.to_string(),
            message: format!(
                "Cuộc sinh hoạt ngày {} không thông báo cho cấp ủy viên được phân công theo dõi chi bộ.",
                date::format(x.held_on)
            ),
            citation: policy.document,
        });
    }
    let invited: i64 = inside.iter().map(|x| x.invited).sum();
    let present: i64 = inside.iter().map(|x| present(x.invited, x.absent)).sum();
    Compliance {
        regular_held: inside.iter().filter(|x| x.kind.is_regular()).count() as i64,
        thematic_held: inside.iter().filter(|x| x.kind.is_thematic()).count() as i64,
        months_without_regular,
        quarters_without_thematic,
        short_meetings,
        attendance_rate: if invited == 0 { 1.0 } else { present as f64 / invited as f64 },
        findings,
    }
}

/// A month code as readers write it: "2021-09" → "9/2021".
pub fn month_label(month: &str) -> String {
    match month.split_once('-') {
        Some((y, m)) => format!("{}/{y}", m.trim_start_matches('0')),
        None => month.into(),
    }
}

/// A quarter code as readers write it: "2021-Q3" → "III/2021".
pub fn quarter_label(quarter: &str) -> String {
    match quarter.split_once("-Q") {
        Some((y, n)) => {
            let roman = match n {
                "1" => "I",
                "2" => "II",
                "3" => "III",
                "4" => "IV",
                other => other,
            };
            format!("{roman}/{y}")
        }
        None => quarter.into(),
    }
}

fn ymd_or(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// How a length requirement is said: a figure that is coso's reading of the text says so.
pub fn length_note(policy: &MeetingPolicy, kind: MeetingKind) -> &'static str {
    if kind == MeetingKind::Combined && policy.combined_is_reading {
        " (mức 120 phút khi kết hợp là cách hiểu của coso với 12-HD/BTCTW, chưa đối chiếu nguyên văn)"
    } else {
        ""
    }
}

/// The minimum length of a meeting of this kind under a guideline.
pub fn required_minutes(policy: &MeetingPolicy, kind: MeetingKind) -> i32 {
    if kind == MeetingKind::Combined { policy.min_combined_minutes } else { policy.min_minutes }
}

/// A length the competent committee set for one cell with few members, by its decision.
/// 42-HD/BTCTW lets it do so; 12-HD/BTCTW does not, so a setting counts only for meetings held
/// under 42-HD (from 28/10/2025).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellLength {
    pub min_minutes: i32,
    pub min_combined_minutes: i32,
    /// The decision that set it, e.g. "Quyết định 25-QĐ/ĐU".
    pub decision: String,
    pub span: crate::date::Span,
}

/// The length a meeting must reach and what it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Required {
    pub minutes: i32,
    /// The cell's own decision under the guideline, when the figure is the cell's.
    pub set_by: Option<String>,
    /// The guideline in force, cited beside the finding.
    pub citation: &'static str,
    /// Said after the figure when it is coso's reading of the text.
    pub note: &'static str,
}

impl Required {
    /// What the figure rests on, as said after "theo": the cell's decision, else the guideline.
    pub fn basis(&self) -> &str {
        self.set_by.as_deref().unwrap_or(self.citation)
    }
}

/// The length a meeting of `kind` held on `held_on` must reach: the cell's own length when its
/// committee set one in force that day and the guideline allows it, else the guideline's.
/// `None` before any encoded guideline ([`unjudged`]).
pub fn required_length(held_on: NaiveDate, kind: MeetingKind, lengths: &[CellLength]) -> Option<Required> {
    let policy = policy_on(held_on)?;
    let set = lengths.iter().find(|l| policy.cell_length_may_be_set && l.span.contains(held_on));
    Some(match set {
        Some(l) => Required {
            minutes: if kind == MeetingKind::Combined { l.min_combined_minutes } else { l.min_minutes },
            set_by: Some(format!("{} (thời lượng riêng của chi bộ theo {})", l.decision, policy.document)),
            citation: policy.document,
            note: "",
        },
        None => Required {
            minutes: required_minutes(policy, kind),
            set_by: None,
            citation: policy.document,
            note: length_note(policy, kind),
        },
    })
}

/// Checks a cell length before it is recorded: a decision, figures no longer than the
/// guideline's own (it is for cells with few members), and a start under 42-HD/BTCTW.
pub fn check_cell_length(
    min_minutes: i32,
    min_combined_minutes: i32,
    valid_from: Option<NaiveDate>,
) -> Vec<Violation> {
    let mut found = Vec::new();
    let Some(allowing) = MEETING_POLICIES.iter().find(|p| p.cell_length_may_be_set) else {
        return found;
    };
    if !(1..=allowing.min_minutes).contains(&min_minutes) {
        found.push(
            Violation::on("min_minutes", format!("Thời lượng riêng từ 1 đến {} phút.", allowing.min_minutes))
                .cite(allowing.document),
        );
    }
    if !(min_minutes.max(1)..=allowing.min_combined_minutes).contains(&min_combined_minutes) {
        found.push(
            Violation::on(
                "min_combined_minutes",
                format!(
                    "Thời lượng khi kết hợp không ít hơn thời lượng thường kỳ và không quá {} phút.",
                    allowing.min_combined_minutes
                ),
            )
            .cite(allowing.document),
        );
    }
    if valid_from.is_some_and(|f| f < allowing.in_force_from) {
        found.push(
            Violation::on(
                "in_force_from",
                format!(
                    "Chỉ từ {} ({} có hiệu lực) cấp ủy mới được quy định thời lượng riêng cho chi bộ.",
                    date::format(allowing.in_force_from),
                    allowing.document
                ),
            )
            .cite(allowing.document),
        );
    }
    found
}

/// Checks a meeting record before it is saved: held meetings are not in the future, the length
/// is positive, nobody is both present and absent (absentees are given once each). Fields that
/// could not be read are `None` and skipped, so every other problem is still reported.
pub fn check_meeting(
    held_on: Option<NaiveDate>,
    duration_minutes: Option<i32>,
    today: NaiveDate,
    absentees: &[&str],
) -> Vec<Violation> {
    let mut found = Vec::new();
    if held_on.is_some_and(|h| h > today) {
        found.push(Violation::on("held_on", "Cuộc sinh hoạt đã diễn ra không thể có ngày ở tương lai."));
    }
    match duration_minutes {
        Some(d) if d <= 0 => found.push(Violation::on("duration_minutes", "Thời lượng phải lớn hơn 0 phút.")),
        Some(d) if d > 600 => {
            found.push(Violation::on("duration_minutes", "Thời lượng quá 10 giờ; hãy kiểm tra lại."))
        }
        _ => {}
    }
    let mut seen: Vec<&str> = Vec::new();
    for a in absentees {
        if seen.contains(a) {
            found.push(Violation::on("absent", "Một đảng viên được ghi vắng hai lần."));
            break;
        }
        seen.push(a);
    }
    found
}

/// A member a meeting invited, as the attendance check sees them.
#[derive(Debug, Clone, Copy)]
pub struct Invitee<'a> {
    pub membership_id: &'a str,
    pub person_id: &'a str,
    pub full_name: &'a str,
}

/// Checks who the minutes say was absent and which superiors came. 12-HD/BTCTW: the minutes
/// announce the members present and absent, so an absentee is a member the meeting invited
/// that day. 1764-QĐ/TU (domain.md §5): superiors attend as members of a committee above the
/// cell, which does not replace their own party activity, so a member of the cell is not its
/// superior; each superior is named once; and a superior is someone the cell may list that day
/// (`listable`: those assigned to follow it and the members of the committees above it). The
/// refusal names an outsider by the id given, never by name.
pub fn check_attendance(
    invited: &[Invitee],
    absentees: &[&str],
    superiors: &[&str],
    listable: &[&str],
    held_on: NaiveDate,
) -> Vec<Violation> {
    let mut found = Vec::new();
    for a in absentees {
        if !invited.iter().any(|i| i.membership_id == *a) {
            found.push(Violation::on(
                "absent",
                format!(
                    "Người được ghi vắng (mã {a}) không phải đảng viên sinh hoạt tại chi bộ vào ngày {}.",
                    crate::date::format(held_on)
                ),
            ));
        }
    }
    for (n, s) in superiors.iter().enumerate() {
        if let Some(own) = invited.iter().find(|i| i.person_id == *s) {
            found.push(Violation::on(
                "superiors",
                format!(
                    "Đồng chí {} là đảng viên của chi bộ; hãy ghi vào danh sách đảng viên dự họp, không phải cấp trên.",
                    own.full_name
                ),
            )
            .cite(SUPERIORS_RULE));
        } else if superiors[..n].contains(s) {
            found.push(
                Violation::on("superiors", "Một đồng chí cấp trên được ghi hai lần.").cite(SUPERIORS_RULE),
            );
        } else if !listable.contains(s) {
            found.push(Violation::on(
                "superiors",
                format!(
                    "Người dự với mã {s} không được phân công theo dõi chi bộ và không là cấp ủy viên cấp trên vào ngày {}; chỉ ghi các đồng chí có trong danh sách cấp trên của chi bộ.",
                    crate::date::format(held_on)
                ),
            )
            .cite(SUPERIORS_RULE));
        }
    }
    found
}

/// The text the superiors' checks rest on (domain.md §5).
pub const SUPERIORS_RULE: &str = "Quy định 1764-QĐ/TU";

/// What the notice date says about a meeting: a warning to look at, never a refusal.
/// 12-HD/BTCTW asks that the time, place and content be sent ahead but sets no period, so under
/// it only a notice dated after the meeting is flagged. 42-HD/BTCTW asks that the materials be
/// posted on the Sổ tay đảng viên app at least 1 day before (`notice_days`).
pub fn notice_warning(held_on: NaiveDate, notice_sent_on: NaiveDate) -> Option<String> {
    if notice_sent_on > held_on {
        return Some(format!(
            "Ngày gửi thông báo ({}) sau ngày sinh hoạt ({}); hãy kiểm tra lại.",
            crate::date::format(notice_sent_on),
            crate::date::format(held_on)
        ));
    }
    let policy = policy_on(held_on)?;
    let days = policy.notice_days;
    if days > 0 && notice_sent_on > held_on - chrono::Duration::days(days) {
        return Some(format!(
            "Theo {}, tài liệu sinh hoạt được đăng lên Sổ tay đảng viên điện tử ít nhất {days} ngày trước; thông báo ngày {} là muộn.",
            policy.document,
            crate::date::format(notice_sent_on)
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn held(on: NaiveDate, kind: MeetingKind, minutes: i32) -> HeldMeeting {
        HeldMeeting {
            held_on: on,
            kind,
            duration_minutes: minutes,
            invited: 20,
            absent: 2,
            superior_assigned: false,
            notice_to_superior: false,
        }
    }

    #[test]
    fn the_assigned_superior_must_be_told() {
        let base = held(d(2021, 1, 15), MeetingKind::Regular, 90);
        let cases = [(false, false, 0), (true, true, 0), (true, false, 1), (false, true, 0)];
        for (assigned, told, n) in cases {
            let m = HeldMeeting { superior_assigned: assigned, notice_to_superior: told, ..base.clone() };
            let c = compliance(&[m], &[], d(2021, 1, 1), d(2021, 1, 31));
            let found = c.findings.iter().filter(|f| f.rule == "no_superior_notice").count();
            assert_eq!(found, n, "assigned {assigned} told {told}");
        }
    }

    #[test]
    fn periods_read_as_people_write_them() {
        let cases = [("2021-09", "9/2021"), ("2021-10", "10/2021")];
        for (code, want) in cases {
            assert_eq!(month_label(code), want);
        }
        let cases = [("2021-Q1", "I/2021"), ("2021-Q3", "III/2021"), ("2021-Q4", "IV/2021")];
        for (code, want) in cases {
            assert_eq!(quarter_label(code), want);
        }
    }

    #[test]
    fn a_late_notice_is_a_warning_under_42_hd_only() {
        // (held, notice sent, warned): 12-HD sets no notice period; 42-HD asks 1 day ahead.
        let cases = [
            (d(2021, 4, 12), d(2021, 4, 9), false),
            (d(2021, 4, 12), d(2021, 4, 12), false),
            (d(2021, 4, 12), d(2021, 4, 13), true),
            (d(2025, 11, 12), d(2025, 11, 11), false),
            (d(2025, 11, 12), d(2025, 11, 12), true),
            (d(2025, 11, 12), d(2025, 11, 13), true),
        ];
        for (held, sent, warned) in cases {
            assert_eq!(notice_warning(held, sent).is_some(), warned, "{held} {sent}");
        }
        assert!(notice_warning(d(2025, 11, 12), d(2025, 11, 12)).is_some_and(|w| w.contains("42-HD/BTCTW")));
    }

    #[test]
    fn policy_versions_by_date() {
        let cases = [
            (d(2017, 1, 1), None),
            (d(2018, 7, 5), None),
            (d(2018, 7, 6), Some("12-HD/BTCTW")),
            (d(2021, 10, 17), Some("12-HD/BTCTW")),
            (d(2025, 10, 27), Some("12-HD/BTCTW")),
            (d(2025, 10, 28), Some("42-HD/BTCTW")),
        ];
        for (on, doc) in cases {
            assert_eq!(policy_on(on).map(|p| p.document), doc, "{on}");
        }
    }

    #[test]
    fn a_full_quarter_is_compliant() {
        let ms = [
            held(d(2021, 1, 15), MeetingKind::Regular, 95),
            held(d(2021, 2, 10), MeetingKind::Combined, 130),
            held(d(2021, 3, 12), MeetingKind::Regular, 90),
        ];
        let c = compliance(&ms, &[], d(2021, 1, 1), d(2021, 3, 31));
        assert_eq!((c.regular_held, c.thematic_held, c.short_meetings), (3, 1, 0));
        assert!(c.findings.is_empty(), "{:?}", c.findings);
        assert!((c.attendance_rate - 0.9).abs() < 1e-9);
    }

    #[test]
    fn missing_months_and_quarters_and_short_meetings_are_found() {
        let ms = [
            held(d(2021, 1, 15), MeetingKind::Regular, 60),
            // a thematic meeting does not replace the monthly regular one
            held(d(2021, 2, 10), MeetingKind::Thematic, 100),
            held(d(2021, 3, 12), MeetingKind::Combined, 110),
            held(d(2021, 4, 12), MeetingKind::Regular, 90),
        ];
        let c = compliance(&ms, &[], d(2021, 1, 1), d(2021, 6, 30));
        assert_eq!(c.months_without_regular, vec!["2021-02", "2021-05", "2021-06"]);
        assert_eq!(c.quarters_without_thematic, vec!["2021-Q2"]);
        assert_eq!(c.short_meetings, 2);
        let rules: Vec<&str> = c.findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules.iter().filter(|r| **r == "too_short").count(), 2);
        assert!(c.findings.iter().all(|f| f.citation == "12-HD/BTCTW"));
    }

    #[test]
    fn an_unfinished_month_or_quarter_is_not_judged() {
        let ms = [held(d(2021, 10, 5), MeetingKind::Regular, 90)];
        let c = compliance(&ms, &[], d(2021, 10, 1), d(2021, 10, 17));
        assert!(c.months_without_regular.is_empty());
        assert!(c.quarters_without_thematic.is_empty());
        let c = compliance(&[], &[], d(2021, 7, 1), d(2021, 10, 17));
        assert_eq!(c.months_without_regular, vec!["2021-07", "2021-08", "2021-09"]);
        assert_eq!(c.quarters_without_thematic, vec!["2021-Q3"]);
    }

    #[test]
    fn meeting_records_are_checked() {
        let today = d(2021, 10, 17);
        let cases: [(NaiveDate, i32, &[&str], usize); 5] = [
            (d(2021, 10, 1), 90, &["a", "b"], 0),
            (d(2021, 10, 18), 90, &[], 1),
            (d(2021, 10, 1), 0, &[], 1),
            (d(2021, 10, 1), 90, &["a", "a"], 1),
            (d(2021, 11, 1), -5, &["a", "a"], 3),
        ];
        for (on, minutes, absent, n) in cases {
            assert_eq!(
                check_meeting(Some(on), Some(minutes), today, absent).len(),
                n,
                "{on} {minutes} {absent:?}"
            );
        }
        // What could not be read is skipped; the rest is still checked.
        assert_eq!(check_meeting(None, Some(0), today, &["a", "a"]).len(), 2);
        assert_eq!(check_meeting(None, None, today, &[]).len(), 0);
        {}
    }

    #[test]
    fn kinds_count_toward_both_rhythms_when_combined() {
        let cases = [
            (MeetingKind::Regular, true, false),
            (MeetingKind::Thematic, false, true),
            (MeetingKind::Combined, true, true),
            (MeetingKind::Extraordinary, false, false),
        ];
        for (k, regular, thematic) in cases {
            assert_eq!((k.is_regular(), k.is_thematic()), (regular, thematic), "{k:?}");
            assert_eq!(MeetingKind::from_code(k.code()), Some(k));
        }
    }

    #[test]
    fn attendance_names_invited_absentees_and_outside_superiors_once() {
        let invited = [
            Invitee { membership_id: "m1", person_id: "p1", full_name: "Nguyễn Văn An" },
            Invitee { membership_id: "m2", person_id: "p2", full_name: "Trần Thị Bình" },
        ];
        let on = NaiveDate::from_ymd_opt(2021, 3, 10).unwrap_or_default();
        // p8 and p9 follow the cell or sit on a committee above it; p7 does neither.
        let listable = ["p8", "p9"];
        // (absentees, superiors, the fields refused)
        type Case<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a str]);
        let cases: [Case; 7] = [
            (&["m1"], &["p9"], &[]),
            (&["m7"], &[], &["absent"]),
            (&[], &["p2"], &["superiors"]),
            (&[], &["p9", "p9"], &["superiors"]),
            (&["m7", "m1"], &["p1", "p8"], &["absent", "superiors"]),
            (&[], &["p8", "p7"], &["superiors"]),
            (&[], &["p7", "p7"], &["superiors", "superiors"]),
        ];
        for (absent, superiors, want) in cases {
            let got: Vec<&str> = check_attendance(&invited, absent, superiors, &listable, on)
                .iter()
                .filter_map(|v| v.field)
                .collect();
            assert_eq!(got, want, "{absent:?} {superiors:?}");
        }
        // The outsider is named by the id given, and the day is said.
        let refusal = check_attendance(&invited, &[], &["p7"], &listable, on);
        assert_eq!(
            refusal.first().map(|v| v.message.as_str()),
            Some(
                "Người dự với mã p7 không được phân công theo dõi chi bộ và không là cấp ủy viên cấp trên vào ngày \
                 10/03/2021; chỉ ghi các đồng chí có trong danh sách cấp trên của chi bộ."
            )
        );
    }

    #[test]
    fn nothing_is_judged_before_12_hd_took_effect() {
        // 12-HD/BTCTW from 06/7/2018: an empty 2018 is short of regular meetings from July on
        // and of a thematic one in the third and fourth quarters only; a short meeting in May
        // is not judged.
        let short_in_may = held(d(2018, 5, 10), MeetingKind::Regular, 45);
        let c = compliance(&[short_in_may], &[], d(2018, 1, 1), d(2018, 12, 31));
        assert_eq!(
            c.months_without_regular,
            ["2018-07", "2018-08", "2018-09", "2018-10", "2018-11", "2018-12"]
        );
        assert_eq!(c.quarters_without_thematic, ["2018-Q3", "2018-Q4"]);
        assert_eq!(c.short_meetings, 0);
        assert!(unjudged(d(2018, 5, 10)).contains("06/7/2018"));
    }

    /// 42-HD/BTCTW lets the competent committee set a shorter length for a cell with few
    /// members; 12-HD/BTCTW does not, so a setting counts from 28/10/2025 only.
    #[test]
    fn a_cell_length_set_by_decision_counts_under_42_hd_only() {
        let set = CellLength {
            min_minutes: 60,
            min_combined_minutes: 90,
            decision: "Quyết định 25-QĐ/ĐU".into(),
            span: crate::date::Span { from: d(2025, 11, 1), to: Some(d(2026, 11, 1)) },
        };
        let lengths = [set];
        // (held on, kind) → (minutes required, set by the cell's decision)
        let cases = [
            (d(2025, 10, 20), MeetingKind::Regular, Some((90, false))),
            (d(2025, 10, 30), MeetingKind::Regular, Some((90, false))),
            (d(2025, 11, 1), MeetingKind::Regular, Some((60, true))),
            (d(2025, 11, 1), MeetingKind::Combined, Some((90, true))),
            (d(2026, 10, 31), MeetingKind::Thematic, Some((60, true))),
            (d(2026, 11, 1), MeetingKind::Regular, Some((90, false))),
            (d(2018, 5, 1), MeetingKind::Regular, None),
        ];
        for (on, kind, want) in cases {
            let got = required_length(on, kind, &lengths).map(|r| (r.minutes, r.set_by.is_some()));
            assert_eq!(got, want, "{on} {kind:?}");
        }
        let r = required_length(d(2025, 11, 5), MeetingKind::Regular, &lengths);
        assert_eq!(
            r.as_ref().map(Required::basis),
            Some("Quyết định 25-QĐ/ĐU (thời lượng riêng của chi bộ theo 42-HD/BTCTW)")
        );
        let short = held(d(2025, 11, 5), MeetingKind::Regular, 50);
        let c = compliance(
            &[short, held(d(2025, 11, 6), MeetingKind::Regular, 60)],
            &lengths,
            d(2025, 11, 1),
            d(2025, 11, 30),
        );
        assert_eq!(c.short_meetings, 1, "{c:?}");
        assert!(c.findings.iter().any(|f| f.rule == "too_short" && f.message.contains("25-QĐ/ĐU")), "{c:?}");
        // (regular, combined, from) → the fields refused
        let checks: [(i32, i32, Option<NaiveDate>, &[&str]); 6] = [
            (60, 90, Some(d(2025, 11, 1)), &[]),
            (90, 120, Some(d(2025, 10, 28)), &[]),
            (0, 90, Some(d(2025, 11, 1)), &["min_minutes"]),
            (95, 120, Some(d(2025, 11, 1)), &["min_minutes"]),
            (60, 50, Some(d(2025, 11, 1)), &["min_combined_minutes"]),
            (60, 90, Some(d(2025, 10, 27)), &["in_force_from"]),
        ];
        for (regular, combined, from, want) in checks {
            let found = check_cell_length(regular, combined, from);
            let fields: Vec<&str> = found.iter().filter_map(|v| v.field).collect();
            assert_eq!(fields, want, "{regular} {combined} {from:?}");
            assert!(found.iter().all(|v| v.citation == Some("42-HD/BTCTW")), "{found:?}");
        }
    }

    #[test]
    fn the_combined_length_under_12_hd_is_marked_as_a_reading() {
        let short = |on| held(on, MeetingKind::Combined, 100);
        let under_12 = compliance(&[short(d(2021, 3, 10))], &[], d(2021, 3, 1), d(2021, 3, 31));
        let under_42 = compliance(&[short(d(2025, 11, 10))], &[], d(2025, 11, 1), d(2025, 11, 30));
        let message =
            |c: &Compliance| c.findings.iter().find(|f| f.rule == "too_short").map(|f| f.message.clone());
        assert!(message(&under_12).is_some_and(|m| m.contains("cách hiểu của coso")), "{under_12:?}");
        assert!(message(&under_42).is_some_and(|m| !m.contains("cách hiểu")), "{under_42:?}");
    }
}
