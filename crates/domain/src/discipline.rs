//! Inspection, supervision and discipline (kiểm tra, giám sát, kỷ luật; domain.md §9): the kinds
//! of case, the discipline forms each subject may receive, and which body may decide them.
use serde::{Deserialize, Serialize};

use crate::Violation;
use crate::org::OrgKind;
use crate::rating::MemberDiscipline;

/// Where the forms come from: the Party Statute's chapter on discipline.
pub const FORMS_CITATION: &str = "Điều lệ Đảng, Điều 35, khoản 2";
/// Who may decide them.
pub const COMPETENCE_CITATION: &str = "Điều lệ Đảng, Điều 36 (khoản chưa đối chiếu)";

/// A case of inspection or supervision (Quy định 22-QĐ/TW, 2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum InspectionKind {
    /// Kiểm tra thường xuyên / theo chương trình.
    Regular,
    /// Kiểm tra chuyên đề.
    Thematic,
    /// Kiểm tra khi có dấu hiệu vi phạm.
    SignsOfViolation,
    /// Giám sát.
    Supervision,
}

impl InspectionKind {
    pub const ALL: [InspectionKind; 4] = [
        InspectionKind::Regular,
        InspectionKind::Thematic,
        InspectionKind::SignsOfViolation,
        InspectionKind::Supervision,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InspectionKind::Regular => "regular",
            InspectionKind::Thematic => "thematic",
            InspectionKind::SignsOfViolation => "signs_of_violation",
            InspectionKind::Supervision => "supervision",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            InspectionKind::Regular => "Kiểm tra theo chương trình",
            InspectionKind::Thematic => "Kiểm tra chuyên đề",
            InspectionKind::SignsOfViolation => "Kiểm tra khi có dấu hiệu vi phạm",
            InspectionKind::Supervision => "Giám sát",
        }
    }
}

/// A discipline form, lightest first; dissolution is for organizations only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum DisciplineForm {
    Reprimand,
    Warning,
    Dismissal,
    Expulsion,
    Dissolution,
}

impl DisciplineForm {
    pub const ALL: [DisciplineForm; 5] = [
        DisciplineForm::Reprimand,
        DisciplineForm::Warning,
        DisciplineForm::Dismissal,
        DisciplineForm::Expulsion,
        DisciplineForm::Dissolution,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DisciplineForm::Reprimand => "reprimand",
            DisciplineForm::Warning => "warning",
            DisciplineForm::Dismissal => "dismissal",
            DisciplineForm::Expulsion => "expulsion",
            DisciplineForm::Dissolution => "dissolution",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            DisciplineForm::Reprimand => "Khiển trách",
            DisciplineForm::Warning => "Cảnh cáo",
            DisciplineForm::Dismissal => "Cách chức",
            DisciplineForm::Expulsion => "Khai trừ",
            DisciplineForm::Dissolution => "Giải tán",
        }
    }

    /// The form as the rating rules read a member's discipline.
    pub fn for_member(self) -> Option<MemberDiscipline> {
        match self {
            DisciplineForm::Reprimand => Some(MemberDiscipline::Reprimand),
            DisciplineForm::Warning => Some(MemberDiscipline::Warning),
            DisciplineForm::Dismissal => Some(MemberDiscipline::Dismissal),
            DisciplineForm::Expulsion => Some(MemberDiscipline::Expulsion),
            DisciplineForm::Dissolution => None,
        }
    }
}

/// Who is disciplined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisciplineSubject {
    Organization,
    OfficialMember,
    ProbationaryMember,
}

impl DisciplineSubject {
    fn label(self) -> &'static str {
        match self {
            DisciplineSubject::Organization => "tổ chức đảng",
            DisciplineSubject::OfficialMember => "đảng viên chính thức",
            DisciplineSubject::ProbationaryMember => "đảng viên dự bị",
        }
    }
}

/// The forms a subject may receive (Điều lệ Đảng, Điều 35): organizations reprimand, warning,
/// dissolution; official members reprimand, warning, dismissal, expulsion; probationary members
/// reprimand and warning only (an unfit probationary member is removed from the roll instead).
pub fn allowed_forms(subject: DisciplineSubject) -> &'static [DisciplineForm] {
    use DisciplineForm::*;
    match subject {
        DisciplineSubject::Organization => &[Reprimand, Warning, Dissolution],
        DisciplineSubject::OfficialMember => &[Reprimand, Warning, Dismissal, Expulsion],
        DisciplineSubject::ProbationaryMember => &[Reprimand, Warning],
    }
}

/// Refuses a form the subject may not receive.
pub fn check_form(subject: DisciplineSubject, form: DisciplineForm) -> Result<(), Violation> {
    if allowed_forms(subject).contains(&form) {
        return Ok(());
    }
    let allowed: Vec<&str> = allowed_forms(subject).iter().map(|f| f.label()).collect();
    Err(Violation::on(
        "form",
        format!(
            "Hình thức {} không áp dụng cho {}; chỉ có: {}.",
            form.label().to_lowercase(),
            subject.label(),
            allowed.join(", ").to_lowercase()
        ),
    )
    .cite(FORMS_CITATION))
}

/// Whether a body of kind `body` may decide `form` for `subject`, the body being the subject's
/// own organization (`own`) or one above it (Điều lệ Đảng, Điều 36, as coso reads it): a cell
/// decides reprimands and warnings of its members; a committee (grassroots or above) every form
/// of the members under it; an organization's discipline is decided by a committee above it,
/// never by itself. Whether the body is the subject's or above it is the caller's to establish.
pub fn check_competence(
    subject: DisciplineSubject,
    form: DisciplineForm,
    body: OrgKind,
    own: bool,
) -> Result<(), Violation> {
    let cell = matches!(body, OrgKind::GrassrootsCell | OrgKind::SubordinateCell | OrgKind::PartyGroup);
    let ok = match subject {
        DisciplineSubject::Organization => !own && !cell,
        _ => !cell || form <= DisciplineForm::Warning,
    };
    if ok {
        return Ok(());
    }
    let why = match subject {
        DisciplineSubject::Organization if own => {
            "Tổ chức đảng không tự quyết định kỷ luật chính mình; cấp ủy cấp trên quyết định.".to_string()
        }
        DisciplineSubject::Organization => {
            "Kỷ luật tổ chức đảng do cấp ủy cấp trên quyết định, không phải chi bộ.".to_string()
        }
        _ => format!(
            "Chi bộ chỉ quyết định khiển trách, cảnh cáo; hình thức {} do đảng ủy hoặc cấp ủy cấp trên quyết định.",
            form.label().to_lowercase()
        ),
    };
    Err(Violation::on("by_org_code", why).cite(COMPETENCE_CITATION))
}

#[cfg(test)]
mod tests {
    use super::*;
    use DisciplineForm::*;
    use DisciplineSubject::*;

    #[test]
    fn each_subject_receives_only_its_forms() {
        // Điều lệ Đảng, Điều 35.
        let cases = [
            (Organization, Reprimand, true),
            (Organization, Warning, true),
            (Organization, Dissolution, true),
            (Organization, Expulsion, false),
            (Organization, Dismissal, false),
            (OfficialMember, Dismissal, true),
            (OfficialMember, Expulsion, true),
            (OfficialMember, Dissolution, false),
            (ProbationaryMember, Reprimand, true),
            (ProbationaryMember, Warning, true),
            (ProbationaryMember, Dismissal, false),
            (ProbationaryMember, Expulsion, false),
        ];
        for (subject, form, ok) in cases {
            let got = check_form(subject, form);
            assert_eq!(got.is_ok(), ok, "{subject:?} {form:?}");
            if let Err(v) = got {
                assert_eq!((v.field, v.citation), (Some("form"), Some(FORMS_CITATION)));
            }
        }
    }

    #[test]
    fn a_cell_decides_only_the_lighter_forms_and_never_an_organizations() {
        // Điều lệ Đảng, Điều 36.
        let cases = [
            (OfficialMember, Warning, OrgKind::SubordinateCell, true, true),
            (OfficialMember, Expulsion, OrgKind::SubordinateCell, true, false),
            (OfficialMember, Expulsion, OrgKind::GrassrootsCommittee, false, true),
            (OfficialMember, Dismissal, OrgKind::GrassrootsCell, true, false),
            (OfficialMember, Expulsion, OrgKind::CityCommittee, false, true),
            (Organization, Warning, OrgKind::GrassrootsCommittee, true, false),
            (Organization, Warning, OrgKind::CityCommittee, false, true),
            (Organization, Reprimand, OrgKind::GrassrootsCell, false, false),
        ];
        for (subject, form, body, own, ok) in cases {
            assert_eq!(
                check_competence(subject, form, body, own).is_ok(),
                ok,
                "{subject:?} {form:?} {body:?}"
            );
        }
    }

    #[test]
    fn codes_round_trip() {
        for f in DisciplineForm::ALL {
            assert_eq!(DisciplineForm::from_code(f.code()), Some(f));
        }
        for k in InspectionKind::ALL {
            assert_eq!(InspectionKind::from_code(k.code()), Some(k));
        }
        assert_eq!(Dissolution.for_member(), None);
    }
}
