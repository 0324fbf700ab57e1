//! Field-level messages for forms: which input was wrong and why, in Vietnamese.
use std::collections::BTreeMap;

use coso_app::AppError;

/// The messages of a refused form, by field name; `general` holds the rest.
#[derive(Debug, Clone, Default)]
pub struct FieldErrors {
    by_field: BTreeMap<String, String>,
    pub general: Vec<String>,
}

impl FieldErrors {
    pub fn none() -> Self {
        Self::default()
    }

    /// Splits an application error into field messages and general ones. Errors that are not
    /// about the input (forbidden, internal) are returned back.
    pub fn from_error(e: AppError) -> Result<Self, AppError> {
        let mut out = Self::default();
        match e {
            AppError::Invalid(vs) => {
                for v in vs {
                    // A refusal that rests on a text says which, beside the message.
                    let shown = match v.citation {
                        Some(c) => format!("{} (Căn cứ: {c})", v.message),
                        None => v.message,
                    };
                    match v.field {
                        Some(f) if f != "_form" => {
                            out.by_field.entry(f.to_string()).or_insert(shown);
                        }
                        _ => out.general.push(shown),
                    }
                }
            }
            AppError::Conflict(m) | AppError::NotFound(m) => out.general.push(m),
            other => return Err(other),
        }
        Ok(out)
    }

    /// The message of one field, or "" when it is fine.
    pub fn of(&self, field: &str) -> &str {
        self.by_field.get(field).map(String::as_str).unwrap_or("")
    }

    pub fn has(&self, field: &str) -> bool {
        self.by_field.contains_key(field)
    }

    /// Every message, general ones first, for the summary at the top of a form.
    pub fn messages(&self) -> Vec<&str> {
        self.general.iter().map(String::as_str).chain(self.by_field.values().map(String::as_str)).collect()
    }

    pub fn any(&self) -> bool {
        !self.by_field.is_empty() || !self.general.is_empty()
    }
}
