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
    /// Left the Party at their own request (xin ra khỏi Đảng).
    Withdrawn,
}

impl MemberStatus {
    pub const ALL: [MemberStatus; 8] = [
        MemberStatus::Probationary,
        MemberStatus::Official,
        MemberStatus::Exempted,
        MemberStatus::TransferredOut,
        MemberStatus::Removed,
        MemberStatus::Expelled,
        MemberStatus::Deceased,
        MemberStatus::Withdrawn,
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
            MemberStatus::Withdrawn => "withdrawn",
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
            MemberStatus::Withdrawn => "Đã ra khỏi Đảng",
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
    /// Xin ra khỏi Đảng: the member's own request, decided by the competent committee.
    Withdrawal,
}

impl MemberEventKind {
    pub const ALL: [MemberEventKind; 12] = [
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
        MemberEventKind::Withdrawal,
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
            MemberEventKind::Withdrawal => "withdrawal",
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
            MemberEventKind::Withdrawal => "Xin ra khỏi Đảng",
        }
    }

    /// How the member register (Mẫu 7-HSĐV) writes a leaving in its column "ngày và hình thức
    /// ra khỏi Đảng"; a transfer out and a death have their own columns. `None` for the rest.
    pub fn leaving_form(self) -> Option<&'static str> {
        match self {
            MemberEventKind::Withdrawal => Some("Xin ra khỏi Đảng"),
            MemberEventKind::Removal => Some("Xóa tên"),
            MemberEventKind::Expulsion => Some("Khai trừ"),
            _ => None,
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

/// Quy định 24-QĐ/TW (2021), mục 3.5.1: re-admission no sooner than 36 months after leaving.
pub const READMISSION_WAIT_MONTHS: u32 = 36;
/// Mục 3.5.1: after a conviction for a less serious crime, 60 months from the record's clearing.
pub const READMISSION_WAIT_AFTER_RECORD_MONTHS: u32 = 60;
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
        (S::Probationary | S::Official | S::Exempted, E::Withdrawal) => Ok(S::Withdrawn),
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
        // The conditions of a re-admission are checked by `check_readmission`.
        (S::Removed | S::Expelled | S::Withdrawn, E::Readmission) => Ok(S::Probationary),
        _ => refused(),
    }
}

/// Why a member left, where the re-admission rules depend on it (Quy định 24-QĐ/TW, mục 3.5;
/// Quy định 294-QĐ/TW, mục 3.5.2). Recorded on the leaving event; none when nothing of the
/// kind applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum LeavingGround {
    /// Tự bỏ sinh hoạt đảng.
    AbandonedActivity,
    /// Tự nguyện xin ra khỏi Đảng.
    Voluntary,
    /// Xin ra khỏi Đảng vì hoàn cảnh gia đình đặc biệt khó khăn.
    FamilyHardship,
    /// Gây mất đoàn kết nội bộ nghiêm trọng.
    SeriousDisunity,
    /// Bị kết án về tội tham nhũng.
    CorruptionConviction,
    /// Bị kết án về tội phạm nghiêm trọng trở lên.
    SeriousCrimeConviction,
    /// Bị án hình sự về tội phạm ít nghiêm trọng.
    MinorCrimeConviction,
}

impl LeavingGround {
    pub const ALL: [LeavingGround; 7] = [
        LeavingGround::AbandonedActivity,
        LeavingGround::Voluntary,
        LeavingGround::FamilyHardship,
        LeavingGround::SeriousDisunity,
        LeavingGround::CorruptionConviction,
        LeavingGround::SeriousCrimeConviction,
        LeavingGround::MinorCrimeConviction,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LeavingGround::AbandonedActivity => "abandoned_activity",
            LeavingGround::Voluntary => "voluntary",
            LeavingGround::FamilyHardship => "family_hardship",
            LeavingGround::SeriousDisunity => "serious_disunity",
            LeavingGround::CorruptionConviction => "corruption_conviction",
            LeavingGround::SeriousCrimeConviction => "serious_crime_conviction",
            LeavingGround::MinorCrimeConviction => "minor_crime_conviction",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            LeavingGround::AbandonedActivity => "Tự bỏ sinh hoạt đảng",
            LeavingGround::Voluntary => "Tự nguyện xin ra khỏi Đảng",
            LeavingGround::FamilyHardship => "Xin ra khỏi Đảng vì hoàn cảnh gia đình đặc biệt khó khăn",
            LeavingGround::SeriousDisunity => "Gây mất đoàn kết nội bộ nghiêm trọng",
            LeavingGround::CorruptionConviction => "Bị kết án về tội tham nhũng",
            LeavingGround::SeriousCrimeConviction => "Bị kết án về tội phạm nghiêm trọng trở lên",
            LeavingGround::MinorCrimeConviction => "Bị án hình sự về tội phạm ít nghiêm trọng",
        }
    }

    /// Quy định 294-QĐ/TW, mục 3.5.2 (from 01/7/2025): whoever left on this ground is never
    /// considered for re-admission.
    pub fn bars_readmission(self) -> bool {
        !matches!(self, LeavingGround::FamilyHardship | LeavingGround::MinorCrimeConviction)
    }
}

/// The day Quy định 294-QĐ/TW took effect, with its mục 3.5.2 (who is never re-admitted) and
/// its rule that a person is re-admitted only once.
pub const RULES_294_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2025, 7, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// What a re-admission is judged on: how the person left, and what the application holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadmissionCase<'a> {
    /// The day they left (the leaving event).
    pub left_on: NaiveDate,
    pub ground: Option<LeavingGround>,
    /// The day a conviction for a less serious crime was cleared (xóa án tích).
    pub record_cleared_on: Option<NaiveDate>,
    /// The provincial standing committee's written consent (its document number).
    pub consent: &'a str,
    /// Whether the person was re-admitted once already.
    pub readmitted_before: bool,
}

/// Checks a re-admission on `on` (Quy định 24-QĐ/TW, mục 3.5.1; from 01/7/2025 Quy định
/// 294-QĐ/TW, mục 3.5.1 and 3.5.2): the provincial standing committee consented in writing;
/// at least 36 months since leaving, or 60 months since a less serious crime's record was
/// cleared; and, from 01/7/2025, never after the grounds of 3.5.2, and only once.
pub fn check_readmission(case: &ReadmissionCase, on: NaiveDate) -> Vec<Violation> {
    let under_294 = on >= RULES_294_FROM;
    let basis =
        if under_294 { "Quy định 294-QĐ/TW, mục 3.5.1" } else { "Quy định 24-QĐ/TW, mục 3.5.1" };
    let mut found = Vec::new();
    if case.consent.trim().is_empty() {
        found.push(
            Violation::on(
                "approval",
                "Cần ghi văn bản đồng ý của Ban Thường vụ tỉnh ủy, thành ủy (hoặc tương đương).",
            )
            .cite(basis),
        );
    }
    let minor_crime = case.ground == Some(LeavingGround::MinorCrimeConviction);
    match (minor_crime, case.record_cleared_on) {
        (true, None) => {
            found.push(Violation::on("record_cleared_on", "Cần ghi ngày được xóa án tích.").cite(basis))
        }
        (true, Some(cleared)) => {
            let allowed = date::add_months(cleared, READMISSION_WAIT_AFTER_RECORD_MONTHS);
            if on < allowed {
                found.push(
                    Violation::on(
                        "occurred_on",
                        format!(
                            "Người bị án hình sự về tội ít nghiêm trọng chỉ được kết nạp lại sau 60 tháng kể từ khi được xóa án tích (sớm nhất ngày {}).",
                            date::format(allowed)
                        ),
                    )
                    .cite(basis),
                );
            }
        }
        (false, _) => {
            let allowed = date::add_months(case.left_on, READMISSION_WAIT_MONTHS);
            if on < allowed {
                found.push(
                    Violation::on(
                        "occurred_on",
                        format!(
                            "Chỉ được kết nạp lại sau ít nhất 36 tháng kể từ khi ra khỏi Đảng (sớm nhất ngày {}).",
                            date::format(allowed)
                        ),
                    )
                    .cite(basis),
                );
            }
        }
    }
    if under_294 {
        if let Some(ground) = case.ground.filter(|g| g.bars_readmission()) {
            found.push(
                Violation::on(
                    "kind",
                    format!(
                        "Không xem xét kết nạp lại người ra khỏi Đảng vì lý do: {}.",
                        ground.label().to_lowercase()
                    ),
                )
                .cite("Quy định 294-QĐ/TW, mục 3.5.2"),
            );
        }
        if case.readmitted_before {
            found.push(
                Violation::on("kind", "Người được kết nạp lại chỉ được kết nạp lại một lần.")
                    .cite("Quy định 294-QĐ/TW, mục 3.5.1"),
            );
        }
    }
    found
}

/// Checks the age at admission, counted in months on the day the cell considers it: 18 to 60
/// (Quy định 24-QĐ/TW, mục 1.1.1). Over 60 is for the committee directly under the Central
/// Committee to decide (mục 1.1.2): allowed when its decision (`over_age_decision`) is given.
pub fn check_admission_age(
    born_on: NaiveDate,
    admitted_on: NaiveDate,
    over_age_decision: Option<&str>,
) -> Result<(), Violation> {
    let age = date::years_between(born_on, admitted_on);
    let decided = over_age_decision.is_some_and(|d| !d.trim().is_empty());
    if age < ADMISSION_AGE.0 {
        return Err(Violation::on(
            "admitted_on",
            format!("Người vào Đảng phải đủ 18 tuổi khi chi bộ xét kết nạp (người này {age} tuổi)."),
        )
        .cite("Quy định 24-QĐ/TW, mục 1.1.1"));
    }
    if age > ADMISSION_AGE.1 && !decided {
        return Err(Violation::on(
            "admitted_on",
            format!(
                "Người trên 60 tuổi (người này {age} tuổi) chỉ được kết nạp khi cấp ủy trực thuộc Trung ương quyết định; hãy ghi số quyết định đó."
            ),
        )
        .cite("Quy định 24-QĐ/TW, mục 1.1.2"));
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

    /// Quy định 24-QĐ/TW, mục 3.5.1; Quy định 294-QĐ/TW, mục 3.5.1 and 3.5.2 (from 01/7/2025).
    #[test]
    fn readmission_follows_3_5_1_and_from_july_2025_3_5_2() {
        let base = ReadmissionCase {
            left_on: d(2018, 6, 1),
            ground: None,
            record_cleared_on: None,
            consent: "125-CV/TU",
            readmitted_before: false,
        };
        let with = |f: &dyn Fn(&mut ReadmissionCase)| {
            let mut c = base.clone();
            f(&mut c);
            c
        };
        type Case<'a> = (&'a str, ReadmissionCase<'a>, NaiveDate, &'a [(&'a str, &'a str)]);
        let cases: [Case; 12] = [
            ("36 months less a day", base.clone(), d(2021, 5, 31), &[("occurred_on", "24-QĐ/TW, mục 3.5.1")]),
            ("36 months", base.clone(), d(2021, 6, 1), &[]),
            ("no consent", with(&|c| c.consent = " "), d(2022, 1, 1), &[("approval", "24-QĐ/TW, mục 3.5.1")]),
            (
                "minor crime, no clearing date",
                with(&|c| c.ground = Some(LeavingGround::MinorCrimeConviction)),
                d(2022, 1, 1),
                &[("record_cleared_on", "24-QĐ/TW, mục 3.5.1")],
            ),
            (
                "minor crime, 60 months less a day after clearing",
                with(&|c| {
                    c.ground = Some(LeavingGround::MinorCrimeConviction);
                    c.record_cleared_on = Some(d(2019, 3, 1));
                }),
                d(2024, 2, 29),
                &[("occurred_on", "24-QĐ/TW, mục 3.5.1")],
            ),
            (
                "minor crime, 60 months after clearing",
                with(&|c| {
                    c.ground = Some(LeavingGround::MinorCrimeConviction);
                    c.record_cleared_on = Some(d(2019, 3, 1));
                }),
                d(2024, 3, 1),
                &[],
            ),
            // Before 294-QĐ/TW the grounds of its 3.5.2 and the once-only rule are not applied.
            (
                "abandoned, 2024",
                with(&|c| c.ground = Some(LeavingGround::AbandonedActivity)),
                d(2024, 6, 1),
                &[],
            ),
            (
                "abandoned, from 01/7/2025",
                with(&|c| c.ground = Some(LeavingGround::AbandonedActivity)),
                d(2025, 7, 1),
                &[("kind", "294-QĐ/TW, mục 3.5.2")],
            ),
            (
                "voluntary",
                with(&|c| c.ground = Some(LeavingGround::Voluntary)),
                d(2025, 8, 1),
                &[("kind", "294-QĐ/TW, mục 3.5.2")],
            ),
            (
                "family hardship",
                with(&|c| c.ground = Some(LeavingGround::FamilyHardship)),
                d(2025, 8, 1),
                &[],
            ),
            (
                "re-admitted before",
                with(&|c| c.readmitted_before = true),
                d(2025, 8, 1),
                &[("kind", "294-QĐ/TW, mục 3.5.1")],
            ),
            ("36 months under 294", base.clone(), d(2025, 8, 1), &[]),
        ];
        for (label, case, on, want) in cases {
            let got: Vec<(&str, &str)> = check_readmission(&case, on)
                .iter()
                .map(|v| (v.field.unwrap_or(""), v.citation.unwrap_or("")))
                .collect();
            let want: Vec<(&str, String)> = want.iter().map(|(f, c)| (*f, format!("Quy định {c}"))).collect();
            let got: Vec<(&str, String)> = got.into_iter().map(|(f, c)| (f, c.to_string())).collect();
            assert_eq!(got, want, "{label}");
        }
        for ground in LeavingGround::ALL {
            assert_eq!(LeavingGround::from_code(ground.code()), Some(ground));
        }
    }

    #[test]
    fn leaving_forms_are_the_registers_words() {
        let cases = [
            (E::Withdrawal, Some("Xin ra khỏi Đảng")),
            (E::Removal, Some("Xóa tên")),
            (E::Expulsion, Some("Khai trừ")),
            (E::Death, None),
            (E::TransferOut, None),
        ];
        for (event, want) in cases {
            assert_eq!(event.leaving_form(), want, "{event:?}");
        }
        assert_eq!(apply_event(&state(S::Probationary), E::Withdrawal, d(2021, 3, 1)), Ok(S::Withdrawn));
        assert_eq!(apply_event(&state(S::Withdrawn), E::Readmission, d(2024, 3, 1)), Ok(S::Probationary));
    }

    /// Quy định 24-QĐ/TW, mục 1.1.1 and 1.1.2.
    #[test]
    fn admission_age_is_18_to_60_unless_decided_above() {
        let born = d(2000, 6, 15);
        // (considered on, the over-age decision) → refused with this citation
        let cases = [
            (d(2018, 6, 14), None, Some("Quy định 24-QĐ/TW, mục 1.1.1")),
            (d(2018, 6, 14), Some("12-QĐ/TU"), Some("Quy định 24-QĐ/TW, mục 1.1.1")),
            (d(2018, 6, 15), None, None),
            (d(2060, 6, 14), None, None),
            (d(2061, 6, 15), None, Some("Quy định 24-QĐ/TW, mục 1.1.2")),
            (d(2061, 6, 15), Some(" "), Some("Quy định 24-QĐ/TW, mục 1.1.2")),
            (d(2061, 6, 15), Some("12-QĐ/TU"), None),
        ];
        for (on, decision, want) in cases {
            let got = check_admission_age(born, on, decision).err().and_then(|v| v.citation);
            assert_eq!(got, want, "{on} {decision:?}");
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
