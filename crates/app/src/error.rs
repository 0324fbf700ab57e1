//! The errors a use case returns, each with the Vietnamese message its user reads.
use coso_domain::Violation;
use coso_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input breaks rules; each violation names its field when it has one.
    #[error("{}", join(.0))]
    Invalid(Vec<Violation>),
    #[error("Không tìm thấy {0}.")]
    NotFound(String),
    #[error("Bạn không có quyền thực hiện thao tác này với dữ liệu ngoài phạm vi được giao.")]
    Forbidden,
    #[error("Cần đăng nhập.")]
    Unauthenticated,
    #[error("{0}")]
    Conflict(String),
    #[error("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.")]
    Throttled { minutes: i64 },
    /// Details go to the log, never to the user.
    #[error("Hệ thống gặp lỗi, dữ liệu chưa được ghi. Vui lòng thử lại.")]
    Internal(String),
}

fn join(violations: &[Violation]) -> String {
    violations.iter().map(|v| v.message.as_str()).collect::<Vec<_>>().join(" ")
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn invalid(violation: Violation) -> Self {
        AppError::Invalid(vec![violation])
    }

    /// The same error with `prefix` before each message a person reads: "Dòng 12: …" for a
    /// row of an import.
    pub fn prefixed(self, prefix: &str) -> Self {
        match self {
            AppError::Invalid(vs) => AppError::Invalid(
                vs.into_iter()
                    .map(|v| Violation { message: format!("{prefix}{}", v.message), ..v })
                    .collect(),
            ),
            AppError::NotFound(what) => AppError::Invalid(vec![Violation {
                field: None,
                message: format!("{prefix}không tìm thấy {what}."),
                citation: None,
            }]),
            AppError::Conflict(m) => AppError::Conflict(format!("{prefix}{m}")),
            other => other,
        }
    }

    pub fn field(field: &'static str, message: impl Into<String>) -> Self {
        AppError::Invalid(vec![Violation::on(field, message)])
    }

    /// The message a field's input shows, if the error names that field.
    pub fn message_for(&self, field: &str) -> Option<&str> {
        match self {
            AppError::Invalid(vs) => vs.iter().find(|v| v.field == Some(field)).map(|v| v.message.as_str()),
            _ => None,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        if e.is_unique_violation() {
            AppError::Conflict("Dữ liệu bị trùng với một bản ghi đã có.".into())
        } else {
            AppError::Internal(e.to_string())
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        AppError::from(StoreError::from(e))
    }
}

/// A file that could not be rendered is the system's failure, never the user's: logged, not
/// shown. A file sent in that cannot be read is the sender's: its field says why.
impl From<coso_report::ReportError> for AppError {
    fn from(e: coso_report::ReportError) -> Self {
        match e {
            coso_report::ReportError::Unreadable(why) => {
                AppError::field("file", format!("Không đọc được tệp: {why}."))
            }
            other => AppError::Internal(format!("report: {other}")),
        }
    }
}

/// The violations of an input's fields, all at once (see `input::All`).
impl From<Vec<Violation>> for AppError {
    fn from(violations: Vec<Violation>) -> Self {
        AppError::Invalid(violations)
    }
}
