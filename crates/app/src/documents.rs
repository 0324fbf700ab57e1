//! Directive documents (domain.md §10, issue 13): the registry of party and state documents,
//! read by their number, with their issuing body and validity, and what each governs.
use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::date::Period;
use coso_domain::document::{self as number, Style};
use coso_domain::plan::Governs;
use coso_domain::text::nfc;
use coso_store::documents::{self as store, DocumentRow, LinkRow};
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use crate::input::{All, Field, chosen, optional_date, past_date, required_text, sentence_start};
use crate::orgs::org_on;
use crate::{Actor, App, AppError, AppResult, Tx, access, audit};

/// A document to register, as its first page states it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DocumentInput {
    /// "1764-QĐ/TU", "1206/QĐ-BTP"; NFC or NFD.
    pub number: String,
    /// The issuing body by name: "Ban Thường vụ Tỉnh ủy Lạng Sơn".
    pub issuer_name: String,
    /// The issuing organization's code, when coso holds it (the city committee "LS").
    pub issuer_code: Option<String>,
    pub issued_on: String,
    /// The kind as the document names itself, when its type code says otherwise: a "Quy
    /// định" numbered QĐ (domain.md §10). By default the type code's name.
    pub type_name: Option<String>,
    pub title: String,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
}

/// A link from a document to what it governs.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct LinkInput {
    /// `quota_policy`, `rating_policy`, `meeting_policy`, `pilot`, `plan`, `resolution`.
    pub subject: String,
    pub subject_ref: String,
}

/// Which documents a list shows.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DocumentFilter {
    pub from: Option<String>,
    pub to: Option<String>,
    /// A type code: "QĐ", "KH", "ĐA".
    #[serde(rename = "type")]
    pub type_code: Option<String>,
    /// The start of a number as written: "1764", "35-KH".
    pub number: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LinkView {
    pub subject: String,
    pub subject_label: String,
    pub subject_ref: String,
    /// The link in words: "Định mức dự sinh hoạt chi bộ: Thành ủy viên" (a quota policy is
    /// referred to by the code of the level it binds).
    pub text: String,
}

/// A document as lists and reports show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocumentView {
    pub id: String,
    pub number: String,
    /// `party` or `state`.
    pub style: String,
    pub type_code: String,
    /// "Quy định", "Kế hoạch": the kind as the document names itself.
    pub type_label: String,
    pub issuer_name: String,
    #[schema(value_type = String, format = Date)]
    pub issued_on: NaiveDate,
    pub title: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_from: Option<NaiveDate>,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_until: Option<NaiveDate>,
    /// In force today: begun and not yet expired.
    pub in_force: bool,
    pub links: Vec<LinkView>,
}

/// A number as the registry reads it, or the Vietnamese reason it cannot be read.
fn read_number(input: &str) -> Field<number::DocNumber> {
    number::parse(input).map_err(|reason| {
        let sentence = sentence_start(reason.trim_end_matches('.'));
        vec![
            coso_domain::Violation::on("number", format!("Số hiệu văn bản không hợp lệ: {sentence}."))
                .cite(number::NUMBER_CITATION),
        ]
    })
}

pub(crate) fn view(conn: &mut DbConnection, row: DocumentRow, today: NaiveDate) -> AppResult<DocumentView> {
    let links = store::links_of(conn, &row.id)?
        .into_iter()
        .map(|l| {
            let level = (l.subject == Governs::QuotaPolicy)
                .then(|| coso_domain::quota::QuotaLevel::from_code(&l.subject_ref))
                .flatten();
            let text = match level {
                Some(level) => format!("{}: {}", l.subject.label(), level.label()),
                None => format!("{}: {}", l.subject.label(), l.subject_ref),
            };
            LinkView {
                subject: l.subject.code().into(),
                subject_label: l.subject.label().into(),
                subject_ref: l.subject_ref,
                text,
            }
        })
        .collect();
    Ok(DocumentView {
        in_force: row.valid_from.unwrap_or(row.issued_on) <= today
            && row.valid_until.is_none_or(|u| u >= today),
        id: row.id,
        number: row.number,
        style: row.style,
        type_code: row.type_code,
        type_label: row.type_name,
        issuer_name: row.issuer_name,
        issued_on: row.issued_on,
        title: row.title,
        valid_from: row.valid_from,
        valid_until: row.valid_until,
        links,
    })
}

impl App {
    pub fn register_document(&self, actor: &Actor, input: DocumentInput) -> AppResult<String> {
        self.transaction(|tx| tx.register_document(actor, input))
    }

    pub fn link_document(&self, actor: &Actor, document_id: &str, input: LinkInput) -> AppResult<()> {
        self.transaction(|tx| tx.link_document(actor, document_id, input))
    }

    /// The registry, filtered; directive documents are public within the party, so every
    /// reader of organizations sees them all.
    pub fn documents(&self, actor: &Actor, filter: &DocumentFilter) -> AppResult<Vec<DocumentView>> {
        access::scope(actor, Permission::ReadOrgs)?;
        // An open end reaches every stored date (chrono's MIN and MAX do not compare as text).
        let open = Period {
            from: NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default(),
            to: NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
        };
        let Period { from, to } = Period::read(filter.from.as_deref(), filter.to.as_deref(), open)?;
        let type_code = filter.type_code.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let number = filter.number.as_deref().map(nfc).filter(|n| !n.is_empty());
        let today = crate::today();
        self.db.read(|conn| {
            store::issued_between(conn, from, to, type_code, number.as_deref())?
                .into_iter()
                .map(|row| view(conn, row, today))
                .collect()
        })
    }

    pub fn document(&self, actor: &Actor, id: &str) -> AppResult<DocumentView> {
        access::scope(actor, Permission::ReadOrgs)?;
        let today = crate::today();
        self.db.read(|conn| {
            let row = store::document(conn, id)?.ok_or_else(|| AppError::NotFound("văn bản".into()))?;
            view(conn, row, today)
        })
    }
}

impl Tx<'_> {
    /// Registers a document: its number must read, and the same issuer, type, number and date
    /// may be registered once (numbers recur by term, so a number alone is not unique).
    pub fn register_document(&mut self, actor: &Actor, input: DocumentInput) -> AppResult<String> {
        access::scope(actor, Permission::WriteOrgs)?;
        let conn = &mut *self.conn;
        let (parsed, issuer_name, issued_on, title, valid_from, valid_until) = (
            read_number(&input.number),
            required_text("issuer_name", "cơ quan ban hành", &nfc(&input.issuer_name)),
            past_date("issued_on", "ngày ban hành", &input.issued_on),
            required_text("title", "trích yếu", &nfc(&input.title)),
            optional_date("valid_from", "ngày có hiệu lực", input.valid_from.as_deref()),
            optional_date("valid_until", "ngày hết hiệu lực", input.valid_until.as_deref()),
        )
            .all()?;
        if let (Some(from), Some(until)) = (valid_from.or(Some(issued_on)), valid_until)
            && until < from
        {
            return Err(AppError::field("valid_until", "Ngày hết hiệu lực phải sau ngày có hiệu lực."));
        }
        let serial: i32 =
            parsed.serial.parse().map_err(|_| AppError::field("number", "Số văn bản quá lớn."))?;
        let issuer_org_id = match input.issuer_code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(code) => {
                let at = org_on(conn, code, issued_on)?;
                access::org(conn, actor, Permission::WriteOrgs, &at)?;
                Some(at.org.id)
            }
            None => None,
        };
        if store::same_document(conn, &issuer_name, &parsed.type_code, serial, issued_on)?.is_some() {
            return Err(AppError::Conflict(format!(
                "Văn bản {} ngày {} của {issuer_name} đã có trong sổ văn bản.",
                parsed.number,
                coso_domain::date::format(issued_on)
            )));
        }
        let type_name = match input.type_name.as_deref().map(nfc).filter(|t| !t.is_empty()) {
            Some(name) => name,
            None => parsed.type_label().map_or_else(|| parsed.type_code.clone(), String::from),
        };
        let row = DocumentRow {
            id: new_id(),
            type_name,
            number: parsed.number.clone(),
            style: match parsed.style {
                Style::Party => "party",
                Style::State => "state",
            }
            .into(),
            type_code: parsed.type_code,
            issuer_code: parsed.issuer,
            serial,
            issuer_name,
            issuer_org_id,
            issued_on,
            title,
            valid_from,
            valid_until,
            created_at: now(),
        };
        store::insert_document(conn, &row)?;
        audit::record(conn, actor, "document.register", "document", &row.id, None::<&()>, Some(&row))?;
        Ok(row.id)
    }

    /// Links a document to what it governs.
    pub fn link_document(&mut self, actor: &Actor, document_id: &str, input: LinkInput) -> AppResult<()> {
        access::scope(actor, Permission::WriteOrgs)?;
        let conn = &mut *self.conn;
        store::document(conn, document_id)?.ok_or_else(|| AppError::NotFound("văn bản".into()))?;
        let (subject, subject_ref) = (
            chosen(
                "subject",
                "Cần chọn văn bản điều chỉnh việc gì.",
                Governs::from_code(input.subject.trim()),
            ),
            required_text("subject_ref", "đối tượng", &input.subject_ref),
        )
            .all()?;
        let row = LinkRow { document_id: document_id.into(), subject, subject_ref };
        if store::links_of(conn, document_id)?
            .iter()
            .any(|l| l.subject == row.subject && l.subject_ref == row.subject_ref)
        {
            return Ok(());
        }
        store::insert_link(conn, &row)?;
        audit::record(conn, actor, "document.link", "document", document_id, None::<&()>, Some(&row))?;
        Ok(())
    }
}
