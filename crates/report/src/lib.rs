//! coso-report: renders report models into Word (.docx), Excel (.xlsx), SVG chart and text files,
//! and reads the spreadsheets people send ([`sheet`]).
pub mod docx;
pub mod model;
pub mod party;
pub mod register;
pub mod sheet;
pub mod svg;
pub mod text;
pub mod xlsx;

#[cfg(test)]
mod sample;

pub use model::{
    CellCompliance, MeetingRegister, MemberRegister, Minutes, PartyReport, QuotaLine, QuotaReport,
    RatingStatistics, RegisterLine, ReportChart, ReportSection, ReportTable, Series, TierLine,
};

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The model holds a value the document cannot state; the message names it in Vietnamese.
    #[error("dữ liệu báo cáo không hợp lệ: {0}")]
    InvalidModel(String),
    #[error("không tạo được tệp Word")]
    Docx(#[from] docx_rs::DocxError),
    #[error("không tạo được tệp Excel")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// A file sent in could not be read as a spreadsheet.
    #[error("không đọc được tệp bảng tính: {0}")]
    Unreadable(String),
}
