//! Reading a register in (issue 12): an Excel or CSV file in the book's layout or a simple list,
//! streamed row by row, each row read into the member form's input and checked by the rules of
//! [`super::register`], matched to the register by card number or CCCD. The import writes every
//! accepted row or nothing: creates in multi-row inserts a thousand rows at a time, updates
//! one by one, audited, all in one transaction that an error or a dry run rolls back.
use std::collections::HashMap;
use std::io::{Read, Seek};

use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::date;
use coso_domain::id::{MembershipId, OrgId};
use coso_domain::member::{self as rules, MemberStatus};
use coso_domain::register::{CORRECTABLE, Field, Values, canonical, sex_named};
use coso_domain::text::fold;
use coso_store::members::{
    self as store, MembershipEventRow, MembershipRow, PeriodRow, PersonRow, RegisterRow,
};
use coso_store::register_files::{self as files, IMPORT, RegisterFileRow};
use coso_store::{DbConnection, StoreError, now};
use serde::Serialize;

use super::book::{BookReader, EXEMPTED_NOTE, cells_by_text, values_of};
use super::register::{Entry, person_fields};
use super::{MemberInput, clean};
use crate::access::{self, OrgGrant};
use crate::orgs::{cell_on, org_on};
use crate::{Actor, App, AppError, AppResult, audit};

/// The decision an imported member's first event names: the register it came from.
pub const IMPORT_DECISION: &str = "Nhập từ sổ danh sách đảng viên";
/// Rows checked together: one lookup of their keys.
const CHUNK: usize = 1000;
/// Accepted rows written together: one insert of each table, one update of the roster's and
/// the tally's rows (a write costs its units' lookups whatever its size, and the tally's rows
/// rewritten once a chunk grow slow on PostgreSQL). Ten thousand rows stay within tens of
/// megabytes.
const WRITE_BATCH: usize = 10_000;
/// The preview lists the first rows of a file; every error is listed up to [`MAX_ERRORS`].
const PREVIEW_LINES: usize = 300;
const MAX_ERRORS: usize = 2000;
/// A row's cells are kept for the preview only for rows with errors, and only this many.
const MAX_ERROR_LINES: usize = 300;

/// One error of an import: the row as the file numbers it, the column as its header names it
/// ("" for the row as a whole) and what is wrong, in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    pub message: String,
}

/// What an import does with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A member coso does not have: entered.
    New,
    /// A member coso has, some of whose fields the file changes.
    Update,
    /// A member coso has, as the file writes them.
    Unchanged,
    Error,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::New => "new",
            Verdict::Update => "update",
            Verdict::Unchanged => "unchanged",
            Verdict::Error => "error",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::New => "Thêm mới",
            Verdict::Update => "Cập nhật",
            Verdict::Unchanged => "Không đổi",
            Verdict::Error => "Có lỗi",
        }
    }
}

/// A field a row changes: its name, coso's value and the file's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Change {
    pub field: String,
    pub coso: String,
    pub file: String,
}

/// One row of the preview.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PreviewLine {
    pub row: usize,
    pub verdict: Verdict,
    pub full_name: String,
    pub card_number: String,
    pub cell: String,
    pub changes: Vec<Change>,
    pub errors: Vec<RowError>,
    /// The row's cells as read, for a row with errors (to show it with the wrong cells marked).
    pub cells: Vec<String>,
    /// The indexes (from 0) of the cells an error names.
    pub error_columns: Vec<usize>,
}

/// What an import found and did.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    /// Data rows read (the header, the numbering row and empty rows not counted).
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Every error, up to 2,000 (`errors_total` counts them all).
    pub errors: Vec<RowError>,
    pub errors_total: usize,
    /// Whether the rows were written: false on a dry run and whenever a row has an error.
    pub written: bool,
    /// The header row's number and its cells.
    pub header_row: usize,
    pub headers: Vec<String>,
    /// The first rows and the rows with errors, for the preview.
    pub lines: Vec<PreviewLine>,
}

/// Why the import's transaction ends without committing.
enum Stop {
    /// The rows were checked (a dry run, or errors): the report, nothing written.
    Rollback(Box<ImportReport>),
    Failed(AppError),
}

impl<E: Into<AppError>> From<E> for Stop {
    fn from(e: E) -> Stop {
        Stop::Failed(e.into())
    }
}

/// A row read, waiting for its chunk.
struct Pending {
    row: usize,
    values: Values,
    cells: Vec<String>,
    errors: Vec<RowError>,
}

/// A row's fate once checked.
enum Checked {
    New(Box<(PersonRow, MembershipRow, PeriodRow, MembershipEventRow)>),
    Update(Box<(PersonRow, MembershipRow, RegisterRow)>, Vec<Change>),
    Unchanged,
}

/// The import as it runs: the layout once the header is found, the keys seen, the counts.
struct Run<'a> {
    actor: &'a Actor,
    grant: OrgGrant,
    /// The unit imported into, when it is a cell: the cell of rows that name none.
    default_cell: Option<String>,
    /// The unit's cells (holding members) in force today: code by code and by folded name.
    cells_by_text: HashMap<String, String>,
    /// Cells checked for an entry day: code → (id, version span).
    cells: HashMap<String, (OrgId, NaiveDate, Option<NaiveDate>)>,
    /// The organizations of members matched so far, as they stand today.
    units: HashMap<OrgId, coso_store::orgs::OrgAt>,
    dry_run: bool,
    book: BookReader,
    /// Rows given their verdict so far.
    noted: usize,
    /// Accepted rows waiting to be written: new members, and updates with coso's record before.
    creates: Vec<(PersonRow, MembershipRow, PeriodRow, MembershipEventRow)>,
    updates: Vec<(PersonRow, MembershipRow, RegisterRow)>,
    pending: Vec<Pending>,
    cards: HashMap<String, usize>,
    cccds: HashMap<String, usize>,
    report: ImportReport,
    /// Whether writing stopped (an error was found): the rest is only checked.
    failed: bool,
}

impl Run<'_> {
    fn error(&self, row: usize, field: Option<Field>, message: impl Into<String>) -> RowError {
        let column = field.map(|f| self.book.column_of(f)).unwrap_or_default();
        RowError { row, column, message: message.into() }
    }

    /// A use case's refusal of a row, as the row's errors.
    fn errors_of(&self, row: usize, e: AppError) -> Result<Vec<RowError>, Stop> {
        match e {
            // The rule's text goes with its message, as on the member form.
            AppError::Invalid(vs) => Ok(vs
                .into_iter()
                .map(|v| {
                    let message = match v.citation {
                        Some(c) => format!("{} (Căn cứ: {c}.)", v.message),
                        None => v.message,
                    };
                    self.error(row, v.field.and_then(Field::of_input), message)
                })
                .collect()),
            AppError::NotFound(what) => Ok(vec![self.error(row, None, format!("Không tìm thấy {what}."))]),
            AppError::Forbidden => Ok(vec![self.error(
                row,
                Some(Field::Cell),
                "Chi bộ này ngoài phạm vi được giao: chỉ nhập đảng viên của đơn vị mình.",
            )]),
            other => Err(Stop::Failed(other)),
        }
    }

    /// One row of the file.
    fn row(&mut self, conn: &mut DbConnection, number: usize, cells: Vec<String>) -> Result<(), Stop> {
        let Some(values) = self.book.feed(number, &cells)? else {
            return Ok(());
        };
        self.report.rows += 1;
        // A formula typed into a CSV cell is refused: the register holds values. (An xlsx gives
        // a formula's value; a cell coso neutralized reads back behind its apostrophe.)
        let mut errors = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            if cell.trim_start().starts_with('=') {
                let header = self.book.headers.get(i).cloned().unwrap_or_default();
                errors.push(RowError {
                    row: number,
                    column: header,
                    message: "Ô chứa công thức: hãy ghi giá trị của nó.".into(),
                });
            }
        }
        self.pending.push(Pending { row: number, values, cells, errors });
        if self.pending.len() >= CHUNK {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// The member form's input a row gives, and whether it marks the member exempted.
    fn input_of(&self, p: &Pending) -> (MemberInput, bool, Vec<RowError>) {
        let v = &p.values;
        let mut errors = Vec::new();
        for (field, what) in [
            (Field::TransferredOutOn, "đã chuyển sinh hoạt đi"),
            (Field::DiedOn, "đã từ trần"),
            (Field::LeftOn, "đã ra khỏi Đảng"),
        ] {
            if !v.get(field).is_empty() {
                errors.push(self.error(
                    p.row,
                    Some(field),
                    format!(
                        "Theo sổ, đảng viên này {what}: chỉ nhập đảng viên đang trong danh sách; việc ra khỏi danh sách ghi ở hồ sơ đảng viên."
                    ),
                ));
            }
        }
        let written = v.get(Field::Sex);
        if !written.is_empty() && sex_named(written).is_none() {
            errors.push(self.error(
                p.row,
                Some(Field::Sex),
                format!("Giới tính ghi «{written}»: cần «Nam» hoặc «Nữ»."),
            ));
        }
        let cell_text = v.get(Field::Cell);
        let org_code = if cell_text.is_empty() {
            self.default_cell.clone().unwrap_or_default()
        } else {
            self.cells_by_text.get(&fold(cell_text)).cloned().unwrap_or_else(|| cell_text.to_string())
        };
        let entered = v.get(Field::EnteredOn);
        let official = v.get(Field::OfficialOn);
        let (entry, entry_on) = match (entered.is_empty(), official.is_empty()) {
            (false, _) => ("transfer_in", Some(entered.to_string())),
            // An official member the register already holds enters as it stands: official since
            // the day they were admitted, in this cell.
            (true, false) => ("transfer_in", Some(v.get(Field::AdmittedOn).to_string())),
            (true, true) => ("admission", None),
        };
        let input = MemberInput {
            org_code,
            admitted_on: v.get(Field::AdmittedOn).into(),
            official_on: clean(Some(official)),
            entry: entry.into(),
            entry_on,
            over_age_decision: None,
            decision_number: IMPORT_DECISION.into(),
            ..person_input(v)
        };
        let exempted = fold(v.get(Field::Note)).contains(&fold(EXEMPTED_NOTE));
        (input, exempted, errors)
    }

    /// The cell a new member enters, checked for the day of entry and the importer's grant.
    fn cell_for(&mut self, conn: &mut DbConnection, code: &str, on: NaiveDate) -> AppResult<OrgId> {
        if let Some((id, from, to)) = self.cells.get(code)
            && *from <= on
            && to.is_none_or(|t| on < t)
        {
            return Ok(id.clone());
        }
        let cell = cell_on(conn, "org_code", code, on)?;
        let grant = access::org(conn, self.actor, Permission::WriteMembers, &cell)?;
        if !cell.version.path.starts_with(self.grant.path()) {
            return Err(AppError::field(
                "org_code",
                format!("{} không thuộc đơn vị đang nhập sổ.", cell.version.name),
            ));
        }
        self.cells.insert(
            code.to_string(),
            (grant.org_id().clone(), cell.version.valid_from, cell.version.valid_to),
        );
        Ok(grant.org_id().clone())
    }

    /// A matched member's organization as it stands today, read once a file.
    fn unit(&mut self, conn: &mut DbConnection, id: &OrgId) -> AppResult<coso_store::orgs::OrgAt> {
        if let Some(at) = self.units.get(id) {
            return Ok(at.clone());
        }
        let at = crate::orgs::org_by_id_on(conn, id, crate::today())?;
        self.units.insert(id.clone(), at.clone());
        Ok(at)
    }

    /// Checks a new member's row.
    fn check_new(
        &mut self,
        conn: &mut DbConnection,
        p: &Pending,
        input: &MemberInput,
        exempted: bool,
    ) -> Result<Result<Checked, Vec<RowError>>, Stop> {
        let entry = match Entry::check(input) {
            Ok(e) => e,
            Err(e) => return Ok(Err(self.errors_of(p.row, e)?)),
        };
        // Whoever the register lists was at least 18 when admitted (24-QĐ/TW mục 1.1.1); an
        // admission over 60 needs its decision, which the form asks of a new admission only.
        if date::years_between(entry.person.born_on, entry.admitted_on) < rules::ADMISSION_AGE.0
            && let Err(v) = rules::check_admission_age(entry.person.born_on, entry.admitted_on, None)
        {
            return Ok(Err(self.errors_of(p.row, AppError::invalid(v))?));
        }
        let org_id = match self.cell_for(conn, &entry.org_code, entry.entry_on) {
            Ok(id) => id,
            Err(e) => return Ok(Err(self.errors_of(p.row, e)?)),
        };
        let (mut m, mut period, mut event) = entry.rows(&org_id);
        if exempted && m.status == MemberStatus::Official {
            m.status = MemberStatus::Exempted;
            period.status = MemberStatus::Exempted;
            event.status_after = MemberStatus::Exempted;
        }
        Ok(Ok(Checked::New(Box::new((entry.person, m, period, event)))))
    }

    /// Checks a row that names a member coso has: the fields it changes, or why it cannot.
    fn check_update(
        &mut self,
        conn: &mut DbConnection,
        p: &Pending,
        input: &MemberInput,
        found: &(PersonRow, MembershipRow),
    ) -> Result<Result<Checked, Vec<RowError>>, Stop> {
        let (person, m) = found;
        let at = self.unit(conn, &m.org_id)?;
        let current = RegisterRow {
            person: person.clone(),
            membership: m.clone(),
            status: m.status,
            cell_code: at.org.code.clone(),
            cell_name: at.version.name.clone(),
        };
        let mut errors = Vec::new();
        if !m.status.on_roll() {
            errors.push(self.error(
                p.row,
                None,
                format!(
                    "Đảng viên này không còn trong danh sách ({}): ghi ở hồ sơ đảng viên.",
                    m.status.label()
                ),
            ));
            return Ok(Err(errors));
        }
        if !at.version.path.starts_with(self.grant.path()) {
            errors.push(self.error(
                p.row,
                Some(Field::CardNumber),
                "Đảng viên này sinh hoạt ở đơn vị ngoài phạm vi đang nhập sổ.",
            ));
            return Ok(Err(errors));
        }
        let coso = values_of(&current, None);
        let file = &p.values;
        // What a register cannot change: the cell and the dates of the record move by events.
        for (field, how) in [
            (Field::Cell, "chuyển sinh hoạt"),
            (Field::AdmittedOn, "sửa ở hồ sơ đảng viên"),
            (Field::OfficialOn, "ghi công nhận chính thức"),
        ] {
            let written = match field {
                Field::Cell => input.org_code.clone(),
                _ => canonical(field, file.get(field)),
            };
            if file.has(field) && !(field == Field::Cell && written.is_empty()) && written != coso.get(field)
            {
                errors.push(self.error(
                    p.row,
                    Some(field),
                    format!(
                        "Sổ của coso ghi «{}», tệp ghi «{}»: việc này cần {how}, không nhập từ tệp.",
                        coso.get(field),
                        file.get(field)
                    ),
                ));
            }
        }
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        // The person's fields: the file's where it has the column, coso's elsewhere.
        let mut changes = Vec::new();
        let mut merged = coso.clone();
        for field in CORRECTABLE {
            if file.has(field) {
                let written = canonical(field, file.get(field));
                if written != coso.get(field) {
                    changes.push(Change {
                        field: field.label().into(),
                        coso: coso.get(field).into(),
                        file: written.clone(),
                    });
                }
                merged.0.insert(field, written);
            }
        }
        if changes.is_empty() {
            return Ok(Ok(Checked::Unchanged));
        }
        let edited = person_input(&merged);
        let new_person = match person_fields(&edited, person.id.clone()) {
            Ok(np) => PersonRow { created_at: person.created_at, ..np },
            Err(vs) => return Ok(Err(self.errors_of(p.row, AppError::Invalid(vs))?)),
        };
        let mut found_rules =
            rules::check_record_dates(new_person.born_on, Some(m.admitted_on), m.official_on, crate::today());
        found_rules.retain(|v| v.field == Some("born_on") || v.field == Some("admitted_on"));
        if !found_rules.is_empty() {
            return Ok(Err(self.errors_of(p.row, AppError::Invalid(found_rules))?));
        }
        let mut new_m = m.clone();
        new_m.card_number = clean(Some(merged.get(Field::CardNumber)));
        new_m.record_number = clean(Some(merged.get(Field::RecordNumber)));
        new_m.updated_at = now();
        Ok(Ok(Checked::Update(Box::new((new_person, new_m, current)), changes)))
    }

    /// Checks the rows read since the last chunk and, while no row has failed, writes them.
    fn flush(&mut self, conn: &mut DbConnection) -> Result<(), Stop> {
        let pending = std::mem::take(&mut self.pending);
        let inputs: Vec<(MemberInput, bool, Vec<RowError>)> =
            pending.iter().map(|p| self.input_of(p)).collect();
        let cards: Vec<String> = inputs.iter().filter_map(|(i, _, _)| i.card_number.clone()).collect();
        let cccds: Vec<String> = inputs.iter().filter_map(|(i, _, _)| i.cccd.clone()).collect();
        let mut by_card: HashMap<String, (PersonRow, MembershipRow)> = HashMap::new();
        let mut by_cccd: HashMap<String, (PersonRow, MembershipRow)> = HashMap::new();
        for (person, m) in store::by_keys(conn, &cards, &cccds)? {
            if let Some(c) = m.card_number.clone().filter(|c| cards.contains(c)) {
                by_card.insert(c, (person.clone(), m.clone()));
            }
            if let Some(c) = person.cccd.clone().filter(|c| cccds.contains(c)) {
                // The latest membership of the person wins (loaded in admission order).
                by_cccd.insert(c, (person, m));
            }
        }
        for (p, (input, exempted, mut errors)) in pending.into_iter().zip(inputs) {
            errors.splice(0..0, p.errors.iter().cloned());
            // Two rows for one person.
            for (key, field, seen) in [
                (input.card_number.clone(), Field::CardNumber, &mut self.cards),
                (input.cccd.clone(), Field::Cccd, &mut self.cccds),
            ] {
                if let Some(k) = key
                    && let Some(first) = seen.insert(k.clone(), p.row)
                {
                    errors.push(RowError {
                        row: p.row,
                        column: String::new(),
                        message: format!(
                            "{} {k} đã có ở dòng {first}: hai dòng cho một người.",
                            field.label()
                        ),
                    });
                }
            }
            let card_match = input.card_number.as_ref().and_then(|c| by_card.get(c));
            let cccd_match = input.cccd.as_ref().and_then(|c| by_cccd.get(c));
            let found = match (card_match, cccd_match) {
                (Some(a), Some(b)) if a.1.person_id != b.1.person_id => {
                    errors.push(self.error(
                        p.row,
                        Some(Field::Cccd),
                        format!(
                            "Số thẻ là của {}, số CCCD là của {}: hai người khác nhau trong sổ.",
                            a.0.full_name, b.0.full_name
                        ),
                    ));
                    None
                }
                // The card names a member whose CCCD is another: the card is someone else's.
                (Some(a), _)
                    if a.0
                        .cccd
                        .as_ref()
                        .zip(input.cccd.as_ref())
                        .is_some_and(|(theirs, ours)| theirs != ours) =>
                {
                    errors.push(self.error(
                        p.row,
                        Some(Field::CardNumber),
                        format!(
                            "Số thẻ đảng viên {} đã là của đảng viên {} (số CCCD khác).",
                            input.card_number.as_deref().unwrap_or_default(),
                            a.0.full_name
                        ),
                    ));
                    None
                }
                (Some(a), _) => Some(a.clone()),
                (None, Some(b)) => Some(b.clone()),
                (None, None) => None,
            };
            let checked = if !errors.is_empty() {
                Err(Vec::new())
            } else {
                match &found {
                    Some(f) => self.check_update(conn, &p, &input, f)?,
                    None => self.check_new(conn, &p, &input, exempted)?,
                }
            };
            let (verdict, changes) = match checked {
                Err(more) => {
                    errors.extend(more);
                    (Verdict::Error, Vec::new())
                }
                Ok(Checked::New(rows)) => {
                    self.report.created += 1;
                    self.creates.push(*rows);
                    (Verdict::New, Vec::new())
                }
                Ok(Checked::Update(rows, changes)) => {
                    self.report.updated += 1;
                    self.updates.push(*rows);
                    (Verdict::Update, changes)
                }
                Ok(Checked::Unchanged) => {
                    self.report.unchanged += 1;
                    (Verdict::Unchanged, Vec::new())
                }
            };
            self.note(p, &input, verdict, changes, errors);
        }
        if self.failed || self.dry_run {
            // Nothing will be written: what was accepted need not be kept.
            self.creates.clear();
            self.updates.clear();
        } else if self.creates.len() + self.updates.len() >= WRITE_BATCH {
            self.write(conn)?;
        }
        Ok(())
    }

    /// Records a row's verdict in the report.
    fn note(
        &mut self,
        p: Pending,
        input: &MemberInput,
        verdict: Verdict,
        changes: Vec<Change>,
        errors: Vec<RowError>,
    ) {
        let has_errors = !errors.is_empty();
        if has_errors {
            self.failed = true;
        }
        let error_lines = self.report.lines.iter().filter(|l| l.verdict == Verdict::Error).count();
        self.noted += 1;
        let shown = self.noted <= PREVIEW_LINES || (has_errors && error_lines < MAX_ERROR_LINES);
        if shown {
            let layout = self.book.layout.as_ref();
            let mut error_columns: Vec<usize> = errors
                .iter()
                .filter_map(|e| self.book.headers.iter().position(|h| !e.column.is_empty() && *h == e.column))
                .collect();
            error_columns.sort_unstable();
            error_columns.dedup();
            let cell = layout.and_then(|l| l.index_of(Field::Cell)).and_then(|i| p.cells.get(i)).cloned();
            self.report.lines.push(PreviewLine {
                row: p.row,
                verdict,
                full_name: input.full_name.trim().to_string(),
                card_number: input.card_number.clone().unwrap_or_default(),
                cell: cell.unwrap_or_else(|| input.org_code.clone()),
                changes,
                errors: errors.clone(),
                cells: if has_errors { p.cells } else { Vec::new() },
                error_columns,
            });
        }
        self.report.errors_total += errors.len();
        let room = MAX_ERRORS.saturating_sub(self.report.errors.len());
        self.report.errors.extend(errors.into_iter().take(room));
    }

    /// Writes the accepted rows kept so far: the new members in multi-row inserts, the
    /// updates one by one, each audited. A card number or CCCD a new member brings that the
    /// checks did not see (another member's, matched by neither key) is refused by the
    /// database's unique keys.
    fn write(&mut self, conn: &mut DbConnection) -> Result<(), Stop> {
        let creates = std::mem::take(&mut self.creates);
        let updates = std::mem::take(&mut self.updates);
        if !creates.is_empty() {
            let (mut persons, mut memberships, mut periods, mut events) = (vec![], vec![], vec![], vec![]);
            for (person, m, period, event) in creates {
                persons.push(person);
                memberships.push(m);
                periods.push(period);
                events.push(event);
            }
            store::insert_members(conn, &persons, &memberships, &periods, &events).map_err(unique_keys)?;
            let ids: Vec<&MembershipId> = memberships.iter().map(|m| &m.id).collect();
            let first = ids.first().map_or("", |id| id.as_str());
            audit::record(conn, self.actor, "import", "membership", first, audit::NONE, Some(&ids))?;
        }
        for (person, m, before) in updates {
            store::update_person(conn, &person).map_err(unique_keys)?;
            store::update_membership(conn, &m).map_err(unique_keys)?;
            audit::record(
                conn,
                self.actor,
                "update",
                "membership",
                &m.id,
                Some(&(&before.person, &before.membership)),
                Some(&(&person, &m)),
            )?;
        }
        Ok(())
    }
}

/// The member form's input for a person and the numbers of their record, from a register's
/// values (the cell, the dates and the entry are the caller's).
pub(super) fn person_input(v: &Values) -> MemberInput {
    let opt = |f: Field| clean(Some(v.get(f)));
    MemberInput {
        full_name: v.get(Field::FullName).into(),
        birth_name: opt(Field::BirthName),
        born_on: v.get(Field::BornOn).into(),
        sex: sex_named(v.get(Field::Sex)).map(|s| s.code().to_string()).unwrap_or_default(),
        ethnicity: v.get(Field::Ethnicity).into(),
        religion: v.get(Field::Religion).into(),
        home_town: v.get(Field::HomeTown).into(),
        residence: v.get(Field::Residence).into(),
        education: v.get(Field::Education).into(),
        theory_level: v.get(Field::TheoryLevel).into(),
        profession: v.get(Field::Profession).into(),
        occupation: v.get(Field::Occupation).into(),
        cccd: opt(Field::Cccd),
        phone: opt(Field::Phone),
        card_number: opt(Field::CardNumber),
        record_number: opt(Field::RecordNumber),
        ..MemberInput::default()
    }
}

/// A unique key the database refused (a card number or CCCD taken by a member the rows did
/// not match) as the user's message.
fn unique_keys(e: StoreError) -> Stop {
    match AppError::from(e) {
        AppError::Conflict(_) => Stop::Failed(AppError::field(
            "file",
            "Một số thẻ đảng viên hoặc số CCCD trong tệp đã thuộc một đảng viên khác trong sổ.",
        )),
        other => Stop::Failed(other),
    }
}

impl App {
    /// Reads a register (xlsx, xls or CSV) into the unit `org_code`: every row checked, every
    /// accepted row written, or nothing when a row has an error or on a dry run. `progress` is
    /// told how many rows have been read.
    pub fn import_register<R: Read + Seek>(
        &self,
        actor: &Actor,
        org_code: &str,
        file: R,
        dry_run: bool,
        progress: &mut dyn FnMut(usize),
    ) -> AppResult<ImportReport> {
        access::scope(actor, Permission::WriteMembers)?;
        let today = crate::today();
        let outcome = self.db.write(|conn| -> Result<ImportReport, Stop> {
            let unit = org_on(conn, org_code, today)?;
            let grant = access::org(conn, actor, Permission::WriteMembers, &unit)?;
            let cells_by_text = cells_by_text(conn, grant.path(), today)?;
            let mut run = Run {
                actor,
                default_cell: unit.version.kind.holds_members().then(|| unit.org.code.clone()),
                grant,
                cells_by_text,
                cells: HashMap::new(),
                units: HashMap::new(),
                dry_run,
                book: BookReader::default(),
                noted: 0,
                creates: Vec::new(),
                updates: Vec::new(),
                pending: Vec::new(),
                cards: HashMap::new(),
                cccds: HashMap::new(),
                report: ImportReport::default(),
                failed: false,
            };
            coso_report::sheet::each_row(file, |number, cells| -> Result<(), Stop> {
                run.row(conn, number, cells)?;
                progress(run.report.rows);
                Ok(())
            })?;
            run.book.finish()?;
            run.flush(conn)?;
            run.report.header_row = run.book.header_row;
            run.report.headers = run.book.headers.clone();
            if run.report.rows == 0 {
                return Err(Stop::Failed(AppError::field(
                    "file",
                    "Tệp chỉ có dòng tiêu đề, không có đảng viên nào.",
                )));
            }
            progress(run.report.rows);
            if run.failed || dry_run {
                return Err(Stop::Rollback(Box::new(run.report)));
            }
            run.write(conn)?;
            run.report.written = true;
            Ok(run.report)
        });
        match outcome {
            Ok(report) => Ok(report),
            Err(Stop::Rollback(report)) => Ok(*report),
            Err(Stop::Failed(e)) => Err(e),
        }
    }
}

impl App {
    /// The page's first step: reads a file sent in as a dry run and, when no row has an error,
    /// keeps it for [`App::confirm_register_import`]. Gives the kept file's id (none when a
    /// row has an error) and the preview.
    pub fn preview_register_import(
        &self,
        actor: &Actor,
        org_code: &str,
        file_name: &str,
        content: Vec<u8>,
    ) -> AppResult<(Option<String>, ImportReport)> {
        super::book::check_upload(&content)?;
        let report =
            self.import_register(actor, org_code, std::io::Cursor::new(&content), true, &mut |_| {})?;
        if report.errors_total > 0 {
            return Ok((None, report));
        }
        let id = self.transaction(|tx| {
            let conn = &mut *tx.conn;
            let unit = org_on(conn, org_code, crate::today())?;
            let row = RegisterFileRow {
                id: coso_store::new_id(),
                org_id: unit.org.id.clone(),
                purpose: IMPORT.into(),
                as_of: crate::today(),
                file_name: file_name.chars().take(200).collect(),
                content,
                created_by: actor.username.clone(),
                created_at: now(),
            };
            files::insert(conn, &row)?;
            Ok(row.id)
        })?;
        Ok((Some(id), report))
    }

    /// The page's second step: writes a previewed file (sent by the same account), all or
    /// nothing, and forgets it once written.
    pub fn confirm_register_import(&self, actor: &Actor, id: &str) -> AppResult<ImportReport> {
        let (kept, org_code) = self.db.read(|conn| -> AppResult<_> {
            let kept = files::get(conn, id, IMPORT)?
                .filter(|f| f.created_by == actor.username)
                .ok_or_else(|| AppError::NotFound("tệp đã xem trước (hãy gửi lại tệp)".into()))?;
            let code = coso_store::orgs::by_id(conn, &kept.org_id)?.map(|o| o.code).unwrap_or_default();
            Ok((kept, code))
        })?;
        let report =
            self.import_register(actor, &org_code, std::io::Cursor::new(&kept.content), false, &mut |_| {})?;
        if report.written {
            self.transaction(|tx| Ok(files::delete(tx.conn, id)?))?;
        }
        Ok(report)
    }
}
