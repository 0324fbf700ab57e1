//! Reconciling a unit's register with another level's (domain.md §3: every three months, cell,
//! grassroots committee and city compare their registers; issue 12): the members of a file
//! beside coso's roll of the unit on a day, matched by card number (or CCCD where a row has no
//! card number): in both, only in the file, only in coso, and the fields that differ. A
//! reconciliation started from the page keeps its file, so it is compared again as each
//! difference is settled: a field corrected from the file (audited, through the member form's
//! rules), an event recorded on the member's page, or a note that explains it.
use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read, Seek};

use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::id::MembershipId;
use coso_domain::register::{BY_EVENTS, CORRECTABLE, Field, Values, canonical};
use coso_domain::text::fold;
use coso_store::DbConnection;
use coso_store::members::RegisterRow;
use coso_store::register_files::{self as store, NoteRow, RECONCILE, RegisterFileRow};
use serde::Serialize;

use super::book::{BookReader, cells_by_text, lines_on};
use crate::orgs::org_on;
use crate::{Actor, App, AppError, AppResult, access, audit};

/// A field's code in forms and links ("born_on"…).
fn field_code(field: Field) -> String {
    format!("{field:?}")
}

fn field_of_code(code: &str) -> Option<Field> {
    Field::ALL.into_iter().find(|f| field_code(*f) == code)
}

/// A field that differs between coso and the file, for one member.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Difference {
    /// The member's key: the card number, or "CCCD …" for one without.
    pub card_number: String,
    /// The field's name in Vietnamese.
    pub field: String,
    pub coso: String,
    pub file: String,
    /// The field's code, for the forms that settle it.
    pub field_code: String,
    #[schema(value_type = String)]
    pub membership_id: MembershipId,
    pub full_name: String,
    /// Whether correcting coso's record from the file settles it (otherwise: an event).
    pub correctable: bool,
    pub explained: Option<String>,
}

/// A member on one side only.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OneSide {
    pub card_number: String,
    pub full_name: String,
    pub cell: String,
    /// The file's row (a member only in the file).
    pub row: Option<usize>,
    /// coso's membership (a member only in coso).
    #[schema(value_type = Option<String>)]
    pub membership_id: Option<MembershipId>,
    pub explained: Option<String>,
}

/// A reconciliation: what matched, what is on one side only, what differs.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Reconciliation {
    /// The kept reconciliation (started from the page or the API); none for a one-off.
    pub id: Option<String>,
    pub org_code: String,
    pub org_name: String,
    #[schema(value_type = String, format = Date)]
    pub as_of: NaiveDate,
    pub file_name: String,
    pub matched: usize,
    pub only_in_file: Vec<OneSide>,
    pub only_in_coso: Vec<OneSide>,
    pub differing: Vec<Difference>,
    pub can_settle: bool,
}

impl Reconciliation {
    /// Whether anything is left to settle (explained lines count as settled).
    pub fn settled(&self) -> bool {
        self.only_in_file.iter().all(|l| l.explained.is_some())
            && self.only_in_coso.iter().all(|l| l.explained.is_some())
            && self.differing.iter().all(|d| d.explained.is_some())
    }
}

/// What a kept reconciliation is opened with.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ExplainInput {
    pub member_key: String,
    /// A field's code, or "" for a member on one side only.
    #[serde(default)]
    pub field: String,
    pub note: String,
}

/// A member's key in a register: the card number, else the CCCD.
fn key_of(card: &str, cccd: &str) -> Option<String> {
    match (card.trim(), cccd.trim()) {
        ("", "") => None,
        ("", c) => Some(format!("CCCD {c}")),
        (c, _) => Some(c.to_string()),
    }
}

/// What a comparison finds: members matched, on one side only, and the differing fields.
struct Found {
    matched: usize,
    only_in_file: Vec<OneSide>,
    only_in_coso: Vec<OneSide>,
    differing: Vec<Difference>,
}

/// Compares a file with the roll of the subtree `path` on `on`.
fn compare<R: Read + Seek>(conn: &mut DbConnection, path: &str, on: NaiveDate, file: R) -> AppResult<Found> {
    let cells = cells_by_text(conn, path, on)?;
    let mut roll: BTreeMap<String, (RegisterRow, Values)> = BTreeMap::new();
    let mut keyless = Vec::new();
    for (row, values) in lines_on(conn, path, on)? {
        match key_of(values.get(Field::CardNumber), values.get(Field::Cccd)) {
            Some(k) => {
                roll.insert(k, (row, values));
            }
            None => keyless.push((row, values)),
        }
    }
    let by_cccd: HashMap<String, String> = roll
        .iter()
        .filter(|(_, (_, v))| !v.get(Field::Cccd).is_empty())
        .map(|(k, (_, v))| (v.get(Field::Cccd).to_string(), k.clone()))
        .collect();
    let mut book = BookReader::default();
    let (mut matched, mut only_in_file, mut differing) = (0, Vec::new(), Vec::new());
    coso_report::sheet::each_row(file, |number, cells_of_row| -> AppResult<()> {
        let Some(values) = book.feed(number, &cells_of_row)? else {
            return Ok(());
        };
        let card = canonical(Field::CardNumber, values.get(Field::CardNumber));
        let cccd = canonical(Field::Cccd, values.get(Field::Cccd));
        // A row keyed by CCCD finds a member coso keys by card through the CCCD too.
        let key = key_of(&card, &cccd);
        let found = key.as_ref().and_then(|k| roll.remove(k)).or_else(|| roll.remove(by_cccd.get(&cccd)?));
        let Some((row, coso)) = found else {
            let cell = values.get(Field::Cell).to_string();
            only_in_file.push(OneSide {
                card_number: key.unwrap_or_else(|| format!("dòng {number}")),
                full_name: values.get(Field::FullName).to_string(),
                cell,
                row: Some(number),
                membership_id: None,
                explained: None,
            });
            return Ok(());
        };
        matched += 1;
        let member_key = key_of(coso.get(Field::CardNumber), coso.get(Field::Cccd)).unwrap_or_default();
        for field in CORRECTABLE.into_iter().chain(BY_EVENTS) {
            if !values.has(field) {
                continue;
            }
            let written = match field {
                Field::Cell => {
                    let text = values.get(field);
                    cells.get(&fold(text)).cloned().unwrap_or_else(|| text.trim().to_string())
                }
                _ => canonical(field, values.get(field)),
            };
            if written != coso.get(field) {
                differing.push(Difference {
                    card_number: member_key.clone(),
                    field: field.label().into(),
                    coso: coso.get(field).into(),
                    file: written,
                    field_code: field_code(field),
                    membership_id: row.membership.id.clone(),
                    full_name: row.person.full_name.clone(),
                    correctable: CORRECTABLE.contains(&field),
                    explained: None,
                });
            }
        }
        Ok(())
    })?;
    book.finish()?;
    let one_side = |(k, (row, _)): (String, (RegisterRow, Values))| OneSide {
        card_number: k,
        full_name: row.person.full_name,
        cell: row.cell_name,
        row: None,
        membership_id: Some(row.membership.id),
        explained: None,
    };
    let mut only_in_coso: Vec<OneSide> = roll.into_iter().map(one_side).collect();
    only_in_coso.extend(keyless.into_iter().map(|(row, _)| OneSide {
        card_number: String::new(),
        ..one_side((String::new(), (row, Values::default())))
    }));
    Ok(Found { matched, only_in_file, only_in_coso, differing })
}

impl App {
    /// Compares a file with the roll of the unit `org_code` on `as_of` (today when none),
    /// without keeping anything: `coso reconcile`.
    pub fn reconcile_file<R: Read + Seek>(
        &self,
        actor: &Actor,
        org_code: &str,
        as_of: Option<NaiveDate>,
        file_name: &str,
        file: R,
    ) -> AppResult<Reconciliation> {
        let on = as_of.unwrap_or_else(crate::today);
        let result = self.db.read(|conn| -> AppResult<Reconciliation> {
            let unit = org_on(conn, org_code, on)?;
            let grant = access::org(conn, actor, Permission::ReadMembers, &unit)?;
            let Found { matched, only_in_file, only_in_coso, differing } =
                compare(conn, grant.path(), on, file)?;
            Ok(Reconciliation {
                id: None,
                org_code: unit.org.code.clone(),
                org_name: unit.version.name.clone(),
                as_of: on,
                file_name: file_name.to_string(),
                matched,
                only_in_file,
                only_in_coso,
                differing,
                can_settle: false,
            })
        })?;
        self.log_access(actor, "reconcile", "register", org_code)?;
        Ok(result)
    }

    /// Keeps a file to reconcile the unit's register with, once it reads: the id of the
    /// reconciliation the page then shows.
    pub fn start_reconciliation(
        &self,
        actor: &Actor,
        org_code: &str,
        as_of: Option<NaiveDate>,
        file_name: &str,
        content: Vec<u8>,
    ) -> AppResult<String> {
        super::book::check_upload(&content)?;
        let on = as_of.unwrap_or_else(crate::today);
        if on > crate::today() {
            return Err(AppError::field("as_of", "Ngày đối chiếu không thể ở tương lai."));
        }
        self.transaction(|tx| {
            let conn = &mut *tx.conn;
            let unit = org_on(conn, org_code, on)?;
            let grant = access::org(conn, actor, Permission::ReadMembers, &unit)?;
            // The file must read before it is kept.
            compare(conn, grant.path(), on, Cursor::new(&content))?;
            let row = RegisterFileRow {
                id: coso_store::new_id(),
                org_id: unit.org.id.clone(),
                purpose: RECONCILE.into(),
                as_of: on,
                file_name: file_name.chars().take(200).collect(),
                content,
                created_by: actor.username.clone(),
                created_at: coso_store::now(),
            };
            store::insert(conn, &row)?;
            audit::record(
                conn,
                actor,
                "create",
                "reconciliation",
                &row.id,
                audit::NONE,
                Some(&(&row.file_name, on)),
            )?;
            Ok(row.id)
        })
    }

    /// A kept reconciliation, compared again now, with its explanations.
    pub fn reconciliation(&self, actor: &Actor, id: &str) -> AppResult<Reconciliation> {
        let result = self.db.read(|conn| -> AppResult<Reconciliation> {
            let kept =
                store::get(conn, id, RECONCILE)?.ok_or_else(|| AppError::NotFound("lần đối chiếu".into()))?;
            let unit = crate::orgs::org_by_id_on(conn, &kept.org_id, kept.as_of)?;
            let grant = access::org(conn, actor, Permission::ReadMembers, &unit)?;
            let can_settle = access::can(conn, actor, Permission::WriteMembers, &unit)?;
            let Found { matched, mut only_in_file, mut only_in_coso, mut differing } =
                compare(conn, grant.path(), kept.as_of, Cursor::new(&kept.content))?;
            let notes: HashMap<(String, String), String> =
                store::notes(conn, id)?.into_iter().map(|n| ((n.member_key, n.field), n.note)).collect();
            let note = |key: &str, field: &str| notes.get(&(key.to_string(), field.to_string())).cloned();
            for line in only_in_file.iter_mut().chain(only_in_coso.iter_mut()) {
                line.explained = note(&line.card_number, "");
            }
            for d in differing.iter_mut() {
                d.explained = note(&d.card_number, &d.field_code);
            }
            Ok(Reconciliation {
                id: Some(kept.id),
                org_code: unit.org.code.clone(),
                org_name: unit.version.name.clone(),
                as_of: kept.as_of,
                file_name: kept.file_name,
                matched,
                only_in_file,
                only_in_coso,
                differing,
                can_settle,
            })
        })?;
        self.log_access(actor, "view", "reconciliation", id)?;
        Ok(result)
    }

    /// Marks a difference (or a member on one side only) as explained.
    pub fn explain_difference(&self, actor: &Actor, id: &str, input: ExplainInput) -> AppResult<()> {
        let note = input.note.trim().to_string();
        if note.is_empty() {
            return Err(AppError::field("note", "Cần ghi lý do chênh lệch."));
        }
        if !input.field.is_empty() && field_of_code(&input.field).is_none() {
            return Err(AppError::field("field", "Không có trường này trong sổ."));
        }
        self.transaction(|tx| {
            let conn = &mut *tx.conn;
            let kept =
                store::get(conn, id, RECONCILE)?.ok_or_else(|| AppError::NotFound("lần đối chiếu".into()))?;
            let unit = crate::orgs::org_by_id_on(conn, &kept.org_id, kept.as_of)?;
            access::org(conn, actor, Permission::WriteMembers, &unit)?;
            let row = NoteRow {
                file_id: kept.id,
                member_key: input.member_key.trim().to_string(),
                field: input.field.clone(),
                note,
                recorded_by: actor.username.clone(),
                recorded_at: coso_store::now(),
            };
            store::put_note(conn, &row)?;
            audit::record(conn, actor, "explain", "reconciliation", id, audit::NONE, Some(&row))?;
            Ok(())
        })
    }

    /// Settles a difference by correcting coso's record to the file's value, through the
    /// member form's rules (and its audit trail).
    pub fn correct_from_file(
        &self,
        actor: &Actor,
        id: &str,
        membership_id: &MembershipId,
        field_code_given: &str,
    ) -> AppResult<String> {
        let field = field_of_code(field_code_given).filter(|f| CORRECTABLE.contains(f)).ok_or_else(|| {
            AppError::field("field", "Trường này không sửa theo tệp được: hãy ghi sự kiện ở hồ sơ.")
        })?;
        let found = self.reconciliation(actor, id)?;
        let difference = found
            .differing
            .iter()
            .find(|d| d.membership_id == *membership_id && d.field_code == field_code_given)
            .ok_or_else(|| AppError::Conflict("Chênh lệch này đã được giải quyết.".into()))?;
        // coso's record as the book writes it, with the file's value in the one field.
        let mut values = self.db.read(|conn| -> AppResult<Values> {
            let m = coso_store::members::membership(conn, membership_id)?
                .ok_or_else(|| AppError::NotFound("đảng viên".into()))?;
            let person = coso_store::members::person(conn, &m.person_id)?
                .ok_or_else(|| AppError::NotFound("hồ sơ".into()))?;
            let row = RegisterRow {
                person,
                status: m.status,
                membership: m,
                cell_code: String::new(),
                cell_name: String::new(),
            };
            Ok(super::book::values_of(&row, None))
        })?;
        let name = values.get(Field::FullName).to_string();
        let value = difference.file.clone();
        values.0.insert(field, value.clone());
        let input = super::import::person_input(&values);
        self.update_member(actor, membership_id, input)?;
        Ok(format!("Đã sửa «{}» của {name} theo tệp: {value}.", field.label()))
    }
}
