//! Party membership: statuses, lifecycle events as a state machine, and the checks on a record.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Violation, date};

/// Where a membership stands (domain.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum MemberStatus {
    Probationary,
    Official,
    /// Miễn công tác và sinh hoạt đảng: still a member, not counted as active.
    Exempted,
    /// Chuyển sinh hoạt ra ngoài đảng bộ: the record now lives elsewhere.
    TransferredOut,
    Removed,
    Expelled,
    Deceased,
}

impl MemberStatus {
    pub const ALL: [MemberStatus; 7] = [
        MemberStatus::Probationary,
        MemberStatus::Official,
        MemberStatus::Exempted,
        MemberStatus::TransferredOut,
        MemberStatus::Removed,
        MemberStatus::Expelled,
        MemberStatus::Deceased,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MemberStatus::Probationary => "probationary",
            MemberStatus::Official => "official",
            MemberStatus::Exempted => "exempted",
            MemberStatus::TransferredOut => "transferred_out",
            MemberStatus::Removed => "removed",
            MemberStatus::Expelled => "expelled",
            MemberStatus::Deceased => "deceased",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            MemberStatus::Probationary => "Dự bị",
            MemberStatus::Official => "Chính thức",
            MemberStatus::Exempted => "Miễn công tác và sinh hoạt đảng",
            MemberStatus::TransferredOut => "Đã chuyển đi",
            MemberStatus::Removed => "Đã xóa tên",
            MemberStatus::Expelled => "Đã khai trừ",
            MemberStatus::Deceased => "Đã từ trần",
        }
    }

    /// Whom a cell's meeting invites: its members on the roll but the exempted, who are
    /// excused from activity (domain.md §3).
    pub const INVITED: [MemberStatus; 2] = [MemberStatus::Probationary, MemberStatus::Official];

    /// Counted as an official member: a member exempted from activity (miễn công tác và sinh
    /// hoạt đảng) stays an official member in every count (domain.md §3).
    pub fn counts_as_official(self) -> bool {
        matches!(self, MemberStatus::Official | MemberStatus::Exempted)
    }

    /// On the cell's roll: probationary, official or exempted.
    pub fn on_roll(self) -> bool {
        matches!(self, MemberStatus::Probationary | MemberStatus::Official | MemberStatus::Exempted)
    }
}

/// A lifecycle event of a membership, each with a date and a decision (domain.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum MemberEventKind {
    Admission,
    Confirmation,
    /// Chuyển sinh hoạt đến from outside the tree.
    TransferIn,
    /// Chuyển sinh hoạt between cells of the tree.
    TransferInternal,
    TransferOut,
    Exemption,
    Return,
    Removal,
    Expulsion,
    Death,
    Readmission,
}

impl MemberEventKind {
    pub const ALL: [MemberEventKind; 11] = [
        MemberEventKind::Admission,
        MemberEventKind::Confirmation,
        MemberEventKind::TransferIn,
        MemberEventKind::TransferInternal,
        MemberEventKind::TransferOut,
        MemberEventKind::Exemption,
        MemberEventKind::Return,
        MemberEventKind::Removal,
        MemberEventKind::Expulsion,
        MemberEventKind::Death,
        MemberEventKind::Readmission,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MemberEventKind::Admission => "admission",
            MemberEventKind::Confirmation => "confirmation",
            MemberEventKind::TransferIn => "transfer_in",
            MemberEventKind::TransferInternal => "transfer_internal",
            MemberEventKind::TransferOut => "transfer_out",
            MemberEventKind::Exemption => "exemption",
            MemberEventKind::Return => "return",
            MemberEventKind::Removal => "removal",
            MemberEventKind::Expulsion => "expulsion",
            MemberEventKind::Death => "death",
            MemberEventKind::Readmission => "readmission",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            MemberEventKind::Admission => "Kết nạp",
            MemberEventKind::Confirmation => "Công nhận chính thức",
            MemberEventKind::TransferIn => "Chuyển sinh hoạt đến",
            MemberEventKind::TransferInternal => "Chuyển sinh hoạt nội bộ",
            MemberEventKind::TransferOut => "Chuyển sinh hoạt đi",
            MemberEventKind::Exemption => "Miễn công tác và sinh hoạt",
            MemberEventKind::Return => "Trở lại sinh hoạt",
            MemberEventKind::Removal => "Xóa tên",
            MemberEventKind::Expulsion => "Khai trừ",
            MemberEventKind::Death => "Từ trần",
            MemberEventKind::Readmission => "Kết nạp lại",
        }
    }

    /// Events that name the cell the member goes to.
    pub fn needs_target_org(self) -> bool {
        matches!(
            self,
            MemberEventKind::Admission
                | MemberEventKind::TransferIn
                | MemberEventKind::TransferInternal
                | MemberEventKind::Readmission
        )
    }

    /// Events the user may record on an existing membership: all but an admission, which opens
    /// one. A transfer-in opens a record for a newcomer, and on an existing record brings back a
    /// member who had transferred out.
    pub fn follows_existing(self) -> bool {
        !matches!(self, MemberEventKind::Admission)
    }
}

/// What the state machine knows of a membership before an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberState {
    pub status: MemberStatus,
    pub admitted_on: NaiveDate,
    /// The date of the latest event on the record.
    pub last_event_on: NaiveDate,
    /// Whether the record was ever confirmed official (it holds an official date).
    pub confirmed: bool,
}

/// Điều lệ Đảng, Điều 5: a probationary member is considered for official status after
/// 12 months of probation.
pub const PROBATION_MONTHS: u32 = 12;
/// The day a probationary member becomes official: the day the 12 months of probation end,
/// even when the cell or the committee decides later (Quy định 29-QĐ/TW (2016), mục 4; Quy
/// định 24-QĐ/TW (2021) keeps it). The confirmation event keeps its own decision date.
pub fn official_date(admitted_on: NaiveDate) -> NaiveDate {
    date::add_months(admitted_on, PROBATION_MONTHS)
}

/// Quy định 24-QĐ/TW (2021), 1.3: re-admission no sooner than 36 months after leaving.
pub const READMISSION_WAIT_MONTHS: u32 = 36;
/// Điều lệ Đảng, Điều 1: admission age from 18 to 60 when the cell considers it.
pub const ADMISSION_AGE: (i32, i32) = (18, 60);

/// The status after `event` on `on`, or why the event cannot happen.
/// Events must come in date order and follow the statute's sequence (domain.md §3).
pub fn apply_event(
    state: &MemberState,
    event: MemberEventKind,
    on: NaiveDate,
) -> Result<MemberStatus, Violation> {
    use MemberEventKind as E;
    use MemberStatus as S;
    if on < state.last_event_on {
        return Err(Violation::on(
            "occurred_on",
            format!(
                "Ngày sự kiện phải từ ngày {} (sự kiện gần nhất) trở về sau.",
                date::format(state.last_event_on)
            ),
        ));
    }
    let refused = || {
        Err(Violation::on(
            "kind",
            format!(
                "Không thể ghi sự kiện «{}» cho đảng viên đang ở trạng thái «{}».",
                event.label(),
                state.status.label()
            ),
        ))
    };
    match (state.status, event) {
        (S::Probationary, E::Confirmation) => {
            let due = official_date(state.admitted_on);
            if on < due {
                return Err(Violation::on(
                    "occurred_on",
                    format!(
                        "Chưa đủ 12 tháng dự bị: sớm nhất ngày {} mới được công nhận chính thức.",
                        date::format(due)
                    ),
                )
                .cite("Điều lệ Đảng, Điều 5"));
            }
            Ok(S::Official)
        }
        (S::Probationary | S::Official | S::Exempted, E::TransferInternal) => Ok(state.status),
        (S::Probationary | S::Official | S::Exempted, E::TransferOut) => Ok(S::TransferredOut),
        (S::Official, E::Exemption) => Ok(S::Exempted),
        (S::Exempted, E::Return) => Ok(S::Official),
        (S::Probationary | S::Official | S::Exempted, E::Removal) => Ok(S::Removed),
        // Điều lệ Đảng, Điều 35, khoản 2: a probationary member is disciplined only by reprimand
        // or warning; one no longer fit is removed from the roll (xóa tên).
        (S::Probationary, E::Expulsion) => {
            Err(Violation::on("kind", "Đảng viên dự bị không bị khai trừ; nếu không đủ tư cách thì xóa tên.")
                .cite("Điều lệ Đảng, Điều 35, khoản 2"))
        }
        (S::Official | S::Exempted, E::Expulsion) => Ok(S::Expelled),
        (S::Probationary | S::Official | S::Exempted, E::Death) => Ok(S::Deceased),
        // A member who comes back keeps the status they left with: a probationary one stays
        // probationary and the probation clock runs on (domain.md §3).
        (S::TransferredOut, E::TransferIn) => Ok(if state.confirmed { S::Official } else { S::Probationary }),
        (S::Removed | S::Expelled, E::Readmission) => {
            let allowed = date::add_months(state.last_event_on, READMISSION_WAIT_MONTHS);
            if on < allowed {
                return Err(Violation::on(
                    "occurred_on",
                    format!(
                        "Chỉ được kết nạp lại sau ít nhất 36 tháng kể từ khi ra khỏi Đảng (sớm nhất ngày {}).",
                        date::format(allowed)
                    ),
                )
                .cite("Quy định 24-QĐ/TW, mục 3.5.1"));
            }
            Ok(S::Probationary)
        }
        _ => refused(),
    }
}

/// Checks the age at admission: 18 to 60 (Điều lệ Đảng, Điều 1; Quy định 24-QĐ/TW, mục 1.1 sets
/// the 60; an older applicant needs the competent committee's decision, not yet recorded here).
pub fn check_admission_age(born_on: NaiveDate, admitted_on: NaiveDate) -> Result<(), Violation> {
    let age = date::years_between(born_on, admitted_on);
    if age < ADMISSION_AGE.0 || age > ADMISSION_AGE.1 {
        return Err(Violation::on(
            "admitted_on",
            format!("Tuổi khi kết nạp phải từ 18 đến 60 (người này {age} tuổi)."),
        )
        .cite("Quy định 24-QĐ/TW, mục 1.1"));
    }
    Ok(())
}

/// Checks a citizen identity number (CCCD): exactly 12 digits.
pub fn check_cccd(cccd: &str) -> Result<(), Violation> {
    if cccd.len() == 12 && cccd.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Violation::on("cccd", "Số CCCD phải gồm đúng 12 chữ số.").cite("Luật Căn cước 2023, Điều 12"))
    }
}

/// The dates of a record must be consistent: born before admitted, admitted before official,
/// nothing in the future.
pub fn check_record_dates(
    born_on: NaiveDate,
    admitted_on: Option<NaiveDate>,
    official_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Violation> {
    let mut found = Vec::new();
    if born_on > today {
        found.push(Violation::on("born_on", "Ngày sinh không thể ở tương lai."));
    }
    if let Some(admitted) = admitted_on {
        if admitted > today {
            found.push(Violation::on("admitted_on", "Ngày vào Đảng không thể ở tương lai."));
        }
        if admitted <= born_on {
            found.push(Violation::on("admitted_on", "Ngày vào Đảng phải sau ngày sinh."));
        }
        if let Some(official) = official_on
            && official != official_date(admitted)
        {
            found.push(
                Violation::on(
                    "official_on",
                    format!(
                        "Ngày chính thức là ngày đủ 12 tháng dự bị kể từ ngày vào Đảng: {}.",
                        date::format(official_date(admitted))
                    ),
                )
                .cite("Quy định 29-QĐ/TW, mục 4"),
            );
        }
    } else if official_on.is_some() {
        found.push(Violation::on("official_on", "Có ngày chính thức thì phải có ngày vào Đảng."));
    }
    if let Some(official) = official_on
        && official > today
    {
        found.push(Violation::on("official_on", "Ngày chính thức không thể ở tương lai."));
    }
    found
}

/// Sex as written in the member register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "male" => Some(Sex::Male),
            "female" => Some(Sex::Female),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "Nam",
            Sex::Female => "Nữ",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MemberEventKind as E;
    use MemberStatus as S;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn state(status: S) -> MemberState {
        let confirmed = !matches!(status, S::Probationary);
        MemberState { status, admitted_on: d(2020, 1, 10), last_event_on: d(2020, 1, 10), confirmed }
    }

    #[test]
    fn lifecycle_follows_the_statute() {
        let on = d(2021, 3, 1);
        let cases = [
            (S::Probationary, E::Confirmation, Some(S::Official)),
            (S::Official, E::Confirmation, None),
            (S::Deceased, E::Confirmation, None),
            (S::Official, E::Exemption, Some(S::Exempted)),
            (S::Probationary, E::Exemption, None),
            (S::Exempted, E::Return, Some(S::Official)),
            (S::Official, E::Return, None),
            (S::Official, E::TransferOut, Some(S::TransferredOut)),
            (S::Expelled, E::TransferOut, None),
            (S::Expelled, E::TransferInternal, None),
            (S::Exempted, E::TransferInternal, Some(S::Exempted)),
            (S::TransferredOut, E::TransferIn, Some(S::Official)),
            (S::Official, E::Removal, Some(S::Removed)),
            (S::Probationary, E::Expulsion, None),
            (S::Official, E::Expulsion, Some(S::Expelled)),
            (S::Official, E::Death, Some(S::Deceased)),
            (S::Deceased, E::Death, None),
            (S::Official, E::Readmission, None),
        ];
        for (from, event, want) in cases {
            let got = apply_event(&state(from), event, on).ok();
            assert_eq!(got, want, "{from:?} + {event:?}");
        }
    }

    #[test]
    fn refusals_explain_in_vietnamese() {
        let err = apply_event(&state(S::Deceased), E::Confirmation, d(2021, 3, 1)).unwrap_err();
        assert_eq!(
            err.message,
            "Không thể ghi sự kiện «Công nhận chính thức» cho đảng viên đang ở trạng thái «Đã từ trần»."
        );
    }

    #[test]
    fn a_member_who_comes_back_keeps_the_status_they_left_with() {
        let left = |confirmed| MemberState { confirmed, ..state(S::TransferredOut) };
        assert_eq!(apply_event(&left(true), E::TransferIn, d(2021, 3, 1)), Ok(S::Official));
        assert_eq!(apply_event(&left(false), E::TransferIn, d(2021, 3, 1)), Ok(S::Probationary));
        assert!(E::TransferIn.follows_existing() && !E::Admission.follows_existing());
    }

    #[test]
    fn confirmation_waits_twelve_months() {
        let s = state(S::Probationary);
        let cases = [(d(2021, 1, 9), false), (d(2021, 1, 10), true), (d(2021, 6, 1), true)];
        for (on, ok) in cases {
            assert_eq!(apply_event(&s, E::Confirmation, on).is_ok(), ok, "{on}");
        }
    }

    #[test]
    fn events_must_come_in_date_order() {
        let s = MemberState { last_event_on: d(2021, 5, 1), ..state(S::Official) };
        let err = apply_event(&s, E::Exemption, d(2021, 4, 30)).unwrap_err();
        assert_eq!(err.field, Some("occurred_on"));
        assert!(apply_event(&s, E::Exemption, d(2021, 5, 1)).is_ok());
    }

    #[test]
    fn readmission_waits_thirty_six_months() {
        let s = MemberState { last_event_on: d(2018, 6, 1), ..state(S::Removed) };
        let cases = [(d(2021, 5, 31), false), (d(2021, 6, 1), true)];
        for (on, ok) in cases {
            assert_eq!(apply_event(&s, E::Readmission, on).is_ok(), ok, "{on}");
        }
    }

    #[test]
    fn admission_age_is_18_to_60() {
        let born = d(2000, 6, 15);
        let cases = [
            (d(2018, 6, 14), false),
            (d(2018, 6, 15), true),
            (d(2060, 6, 14), true),
            (d(2061, 6, 15), false),
        ];
        for (on, ok) in cases {
            assert_eq!(check_admission_age(born, on).is_ok(), ok, "{on}");
        }
    }

    #[test]
    fn cccd_is_twelve_digits() {
        let cases = [
            ("001203004567", true),
            ("00120300456", false),
            ("0012030045678", false),
            ("00120300456a", false),
            ("", false),
            ("００１２０３００４５６７", false),
        ];
        for (input, ok) in cases {
            assert_eq!(check_cccd(input).is_ok(), ok, "{input:?}");
        }
    }

    #[test]
    fn record_dates_must_be_consistent() {
        let today = d(2021, 10, 17);
        let born = d(1980, 1, 1);
        let cases = [
            (Some(d(2005, 1, 1)), Some(d(2006, 1, 1)), 0),
            (Some(d(2005, 1, 1)), Some(d(2005, 6, 1)), 1),
            // 29-QĐ/TW mục 4: official on the day probation ends, not on a later decision's.
            (Some(d(2005, 1, 1)), Some(d(2006, 2, 15)), 1),
            (Some(d(2020, 2, 29)), Some(d(2021, 2, 28)), 0),
            (Some(d(1979, 1, 1)), None, 1),
            (None, Some(d(2006, 1, 1)), 1),
            (Some(d(2022, 1, 1)), None, 1),
            (Some(d(2021, 1, 1)), Some(d(2022, 1, 1)), 1),
        ];
        for (admitted, official, n) in cases {
            let found = check_record_dates(born, admitted, official, today);
            assert_eq!(found.len(), n, "{admitted:?} {official:?}: {found:?}");
        }
    }
}
