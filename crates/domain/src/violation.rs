//! A broken rule: which field, what the user reads (in Vietnamese), and the text it comes from.
use serde::Serialize;

/// One rule a proposed change breaks. `message` is shown to users as is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct Violation {
    /// The form field the message belongs to, when there is one.
    pub field: Option<&'static str>,
    pub message: String,
    /// The regulation the rule comes from, e.g. `Điều lệ Đảng, Điều 5`.
    pub citation: Option<&'static str>,
}

impl Violation {
    pub fn new(message: impl Into<String>) -> Self {
        Self { field: None, message: message.into(), citation: None }
    }

    pub fn on(field: &'static str, message: impl Into<String>) -> Self {
        Self { field: Some(field), message: message.into(), citation: None }
    }

    pub fn cite(mut self, citation: &'static str) -> Self {
        self.citation = Some(citation);
        self
    }
}
