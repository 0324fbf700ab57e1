//! The member register book (Sổ danh sách đảng viên, Mẫu 7-HSĐV; issue 12): a unit's members
//! on a day as the book's fields, and the book as an Excel or CSV file. Reading a book back in
//! is [`super::import`]; comparing one with coso's roll is [`super::reconcile`].
use chrono::NaiveDate;
use coso_domain::access::Permission;
use coso_domain::date;
use coso_domain::member::MemberStatus;
use coso_domain::register::{Field, HEADER_SEARCH_ROWS, Layout, Values};
use coso_report::model::{MemberRegister, RegisterLine};
use coso_store::members::{self as store, RegisterRow};
use std::collections::BTreeMap;

use crate::orgs::org_on;
use crate::{Actor, App, AppError, AppResult, access};

/// What the note column says of an exempted member: the book has no status column.
pub const EXEMPTED_NOTE: &str = "Miễn công tác và sinh hoạt đảng";

/// The largest register file kept from the page or the API (a city's register of 3,000
/// members is under 1 MB as xlsx; a province's 450,000 would be read with `coso import`).
pub const MAX_UPLOAD_BYTES: usize = 20 * 1024 * 1024;

/// A file sent in is no larger than [`MAX_UPLOAD_BYTES`] and not empty.
pub fn check_upload(content: &[u8]) -> AppResult<()> {
    if content.is_empty() {
        return Err(AppError::field("file", "Cần chọn tệp sổ đảng viên (.xlsx, .xls hoặc .csv)."));
    }
    if content.len() > MAX_UPLOAD_BYTES {
        return Err(AppError::field(
            "file",
            format!(
                "Tệp quá lớn ({} MB; tối đa 20 MB). Hãy chia theo chi bộ, hoặc nhập bằng lệnh coso import members.",
                content.len() / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

/// The file formats a register is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookFormat {
    Xlsx,
    Csv,
}

impl BookFormat {
    pub fn from_code(code: &str) -> Option<BookFormat> {
        match code.trim() {
            "xlsx" => Some(BookFormat::Xlsx),
            "csv" => Some(BookFormat::Csv),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            BookFormat::Xlsx => "xlsx",
            BookFormat::Csv => "csv",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            BookFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            BookFormat::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// A register written as a file.
#[derive(Debug, Clone)]
pub struct BookFile {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
    pub members: usize,
}

/// A member's fields as the book writes them: dates dd/mm/yyyy, sex in words, the cell by code.
pub(crate) fn values_of(row: &RegisterRow, arrived_on: Option<NaiveDate>) -> Values {
    let p = &row.person;
    let m = &row.membership;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut v: BTreeMap<Field, String> = BTreeMap::new();
    v.insert(Field::FullName, p.full_name.clone());
    v.insert(Field::BirthName, opt(&p.birth_name));
    v.insert(Field::BornOn, date::format(p.born_on));
    v.insert(Field::Sex, p.sex.label().into());
    v.insert(Field::Ethnicity, p.ethnicity.clone());
    v.insert(Field::Religion, p.religion.clone());
    v.insert(Field::HomeTown, p.home_town.clone());
    v.insert(Field::Residence, p.residence.clone());
    v.insert(Field::Education, p.education.clone());
    v.insert(Field::TheoryLevel, p.theory_level.clone());
    v.insert(Field::Profession, p.profession.clone());
    v.insert(Field::Occupation, p.occupation.clone());
    v.insert(Field::AdmittedOn, date::format(m.admitted_on));
    v.insert(Field::OfficialOn, m.official_on.map(date::format).unwrap_or_default());
    v.insert(Field::CardNumber, opt(&m.card_number));
    v.insert(Field::RecordNumber, opt(&m.record_number));
    v.insert(Field::Cccd, opt(&p.cccd));
    v.insert(Field::Phone, opt(&p.phone));
    v.insert(Field::Cell, row.cell_code.clone());
    v.insert(Field::EnteredOn, arrived_on.map(date::format).unwrap_or_default());
    let note = if row.status == MemberStatus::Exempted { EXEMPTED_NOTE } else { "" };
    v.insert(Field::Note, note.into());
    Values(v)
}

/// A book read row by row: the header row found among the first rows, the row of column
/// numbers under it and empty rows passed over, each member's row given as its values.
#[derive(Debug, Default)]
pub(crate) struct BookReader {
    seen: usize,
    after_header: bool,
    pub layout: Option<Layout>,
    pub header_row: usize,
    pub headers: Vec<String>,
}

impl BookReader {
    /// The values of a member's row; `None` for the rows above the header, the header, the
    /// numbering row and empty rows. A header with a problem, or none in the first rows, is
    /// the file's error.
    pub fn feed(&mut self, number: usize, cells: &[String]) -> AppResult<Option<Values>> {
        self.seen += 1;
        let Some(layout) = &self.layout else {
            if let Some(layout) = Layout::of_header(cells) {
                let problems = layout.problems();
                if !problems.is_empty() {
                    let lead = format!("Dòng tiêu đề (dòng {number}): ");
                    return Err(AppError::Invalid(
                        problems
                            .into_iter()
                            .map(|m| coso_domain::Violation::on("file", format!("{lead}{m}")))
                            .collect(),
                    ));
                }
                self.header_row = number;
                self.headers = cells.iter().map(|c| c.trim().to_string()).collect();
                self.layout = Some(layout);
                self.after_header = true;
            } else if self.seen >= HEADER_SEARCH_ROWS {
                return Err(no_header());
            }
            return Ok(None);
        };
        if std::mem::take(&mut self.after_header) && Layout::is_numbering(cells) {
            return Ok(None);
        }
        let values = layout.read(cells);
        Ok((!values.is_blank()).then_some(values))
    }

    /// At the end of the file: the file's error when no header was found.
    pub fn finish(&self) -> AppResult<&Layout> {
        match &self.layout {
            Some(layout) => Ok(layout),
            None if self.seen == 0 => Err(AppError::field("file", "Tệp không có dòng nào.")),
            None => Err(no_header()),
        }
    }

    /// The header of the column that holds a field, as the file writes it, or the field's name.
    pub fn column_of(&self, field: Field) -> String {
        self.layout.as_ref().and_then(|l| l.header_of(field)).unwrap_or(field.label()).to_string()
    }
}

fn no_header() -> AppError {
    AppError::field(
        "file",
        format!(
            "Không thấy dòng tiêu đề trong {HEADER_SEARCH_ROWS} dòng đầu của trang tính: cần một dòng ghi tên các cột, như «Họ và tên», «Ngày sinh», «Giới tính», «Ngày vào Đảng», «Chi bộ»."
        ),
    )
}

/// The cells (units holding members) of a subtree in force on a day, by folded code and by
/// folded name: how a file names a member's cell.
pub(crate) fn cells_by_text(
    conn: &mut coso_store::DbConnection,
    path: &str,
    on: NaiveDate,
) -> AppResult<std::collections::HashMap<String, String>> {
    let mut out = std::collections::HashMap::new();
    for at in coso_store::orgs::subtree_on(conn, path, on)? {
        if at.version.kind.holds_members() {
            out.insert(coso_domain::text::fold(&at.org.code), at.org.code.clone());
            out.insert(at.version.name_folded.clone(), at.org.code.clone());
        }
    }
    Ok(out)
}

/// The members of a subtree on a day, as the book's lines.
pub(crate) fn lines_on(
    conn: &mut coso_store::DbConnection,
    path: &str,
    on: NaiveDate,
) -> AppResult<Vec<(RegisterRow, Values)>> {
    let rows = store::register_on(conn, path, on)?;
    let ids: Vec<_> = rows.iter().map(|r| r.membership.id.clone()).collect();
    let arrivals = store::arrivals(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let values = values_of(&r, arrivals.get(&r.membership.id).copied());
            (r, values)
        })
        .collect())
}

/// The unit whose register a page works on.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RegisterUnit {
    pub code: String,
    pub name: String,
    /// Whether the reader may import into it and settle its reconciliations.
    pub can_write: bool,
}

impl App {
    /// The unit `org_code` as its register pages show it, if the actor reads its members.
    pub fn register_unit(&self, actor: &Actor, org_code: &str) -> AppResult<RegisterUnit> {
        self.db.read(|conn| {
            let unit = org_on(conn, org_code, crate::today())?;
            access::org(conn, actor, Permission::ReadMembers, &unit)?;
            let can_write = access::can(conn, actor, Permission::WriteMembers, &unit)?;
            Ok(RegisterUnit { code: unit.org.code.clone(), name: unit.version.name.clone(), can_write })
        })
    }

    /// A unit's register on a day (today when none is given), in the book's layout.
    pub fn member_register(
        &self,
        actor: &Actor,
        org_code: &str,
        as_of: Option<NaiveDate>,
    ) -> AppResult<MemberRegister> {
        let on = as_of.unwrap_or_else(crate::today);
        if on > crate::today() {
            return Err(AppError::field("as_of", "Ngày tính sổ không thể ở tương lai."));
        }
        let register = self.db.read(|conn| -> AppResult<MemberRegister> {
            let unit = org_on(conn, org_code, on)?;
            let grant = access::org(conn, actor, Permission::ReadMembers, &unit)?;
            let superior = match &unit.version.parent_id {
                Some(parent) => crate::orgs::name_of(conn, parent, on)?.unwrap_or_default(),
                None => String::new(),
            };
            let lines = lines_on(conn, grant.path(), on)?
                .into_iter()
                .map(|(row, values)| RegisterLine { values, cell_name: row.cell_name })
                .collect();
            Ok(MemberRegister {
                superior_header: superior.to_uppercase(),
                unit_header: unit.version.name.to_uppercase(),
                as_of: on,
                lines,
            })
        })?;
        // A register is personal data: who took which, and when (issue 7).
        self.log_access(actor, "export", "register", org_code)?;
        Ok(register)
    }

    /// A unit's register on a day as an Excel or CSV file.
    pub fn export_register(
        &self,
        actor: &Actor,
        org_code: &str,
        as_of: Option<NaiveDate>,
        format: BookFormat,
    ) -> AppResult<BookFile> {
        let register = self.member_register(actor, org_code, as_of)?;
        let bytes = match format {
            BookFormat::Xlsx => coso_report::xlsx::member_register(&register)?,
            BookFormat::Csv => coso_report::register::csv(&register)?,
        };
        Ok(BookFile {
            file_name: format!(
                "so-dang-vien-{}-{}.{}",
                org_code.trim(),
                register.as_of.format("%Y%m%d"),
                format.extension()
            ),
            content_type: format.content_type(),
            bytes,
            members: register.lines.len(),
        })
    }
}
