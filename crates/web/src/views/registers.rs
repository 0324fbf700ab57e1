//! The member register pages (issue 12): export, import with its preview, reconciliation.
use askama::Template;
use coso_app::members::{ImportReport, Reconciliation};

use crate::form::FieldErrors;
use crate::views::{Layout, Vi};

#[derive(Template)]
#[template(path = "registers.html")]
pub struct RegistersPage {
    pub layout: Layout,
    /// The unit the page works on (the reader's own by default).
    pub unit: Option<coso_app::members::RegisterUnit>,
    /// The day of the register the export form offers.
    pub as_of: String,
    pub errors: FieldErrors,
    /// The preview of an import, with the kept file's id when it can be confirmed.
    pub preview: Option<ImportReport>,
    pub confirm_id: String,
    pub file_name: String,
    /// What a confirmed import wrote.
    pub done: String,
}

impl RegistersPage {
    /// The preview's lines with an error first, then the others.
    pub fn lines_in_order(&self) -> Vec<&coso_app::members::PreviewLine> {
        let Some(p) = &self.preview else { return Vec::new() };
        let (bad, good): (Vec<_>, Vec<_>) = p.lines.iter().partition(|l| !l.errors.is_empty());
        bad.into_iter().chain(good).collect()
    }
}

/// One cell of a row with errors: its column's header, its text, whether an error names it.
pub struct ShownCell {
    pub header: String,
    pub text: String,
    pub bad: bool,
}

impl RegistersPage {
    /// A row's filled or wrong cells under their headers, for the preview.
    pub fn cells_of(&self, line: &coso_app::members::PreviewLine) -> Vec<ShownCell> {
        let headers = self.preview.as_ref().map(|p| p.headers.as_slice()).unwrap_or_default();
        line.cells
            .iter()
            .enumerate()
            .map(|(i, text)| ShownCell {
                header: headers.get(i).cloned().unwrap_or_else(|| format!("Cột {}", i + 1)),
                text: text.clone(),
                bad: line.error_columns.contains(&i),
            })
            .filter(|c| c.bad || !c.text.trim().is_empty())
            .collect()
    }
}

#[derive(Template)]
#[template(path = "reconciliation.html")]
pub struct ReconciliationPage {
    pub layout: Layout,
    pub r: Reconciliation,
    pub id: String,
    pub saved: String,
    pub errors: FieldErrors,
}

/// A list of members on one side only, as the reconciliation page shows it.
pub struct Side<'a> {
    pub title: &'static str,
    pub section: &'static str,
    pub lines: &'a [coso_app::members::OneSide],
    /// Only in the file (settled by entering the member), or only in coso (by an event).
    pub in_file: bool,
}

impl ReconciliationPage {
    pub fn sides(&self) -> [Side<'_>; 2] {
        [
            Side {
                title: "Chỉ có trong tệp",
                section: "only-in-file",
                lines: &self.r.only_in_file,
                in_file: true,
            },
            Side {
                title: "Chỉ có trong coso",
                section: "only-in-coso",
                lines: &self.r.only_in_coso,
                in_file: false,
            },
        ]
    }
}
