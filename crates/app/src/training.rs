//! Training classes and their trainees (domain.md §7, issue 11): a class organized by a unit,
//! its trainee list imported from a spreadsheet (previewed, then written whole or not at all),
//! the totals of a period by category and audience, and a person's history.
use std::collections::HashMap;

use chrono::NaiveDate;
use coso_domain::Violation;
use coso_domain::access::Permission;
use coso_domain::id::PersonId;
use coso_domain::org::in_subtree;
use coso_domain::training::{self as rules, Audience, Category, Outcome, Trainee, TraineeRow};
use coso_store::members::PersonRow;
use coso_store::training::{self as store, ClassRow, EnrollmentRow};
use coso_store::{DbConnection, new_id, now};
use serde::{Deserialize, Serialize};

use crate::input::{All, chosen, required_date, required_text, rule};
use crate::orgs::{org_by_id_on, org_on};
use crate::{Actor, App, AppError, AppResult, Tx, access, audit};

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ClassInput {
    pub title: String,
    /// `political_theory`, `professional`, `committee_skills` or `other`.
    pub category: String,
    /// `cadres`, `grassroots_committee_members`, `cell_committee_members`, `members`, `other`.
    pub audience: String,
    pub level: String,
    pub organizer_code: String,
    pub starts_on: String,
    pub ends_on: String,
    pub place: String,
}

/// One enrollment to write, for a person coso knows.
#[derive(Debug, Clone)]
pub struct Enrollment {
    pub person_id: PersonId,
    pub unit: String,
    pub outcome: Option<Outcome>,
    pub grade: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClassView {
    pub id: String,
    pub title: String,
    pub category: String,
    pub category_label: String,
    pub audience: String,
    pub audience_label: String,
    pub level: String,
    pub organizer: String,
    #[schema(value_type = String, format = Date)]
    pub starts_on: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub ends_on: NaiveDate,
    pub place: String,
    pub trainees: i64,
}

/// A trainee of a class.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TraineeView {
    pub full_name: String,
    pub unit: String,
    pub outcome: Option<String>,
}

/// A class with its trainees.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClassDetail {
    pub class: ClassView,
    pub trainees: Vec<TraineeView>,
    pub can_write: bool,
}

/// A class in a person's history.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HistoryLine {
    pub title: String,
    pub category_label: String,
    #[schema(value_type = String, format = Date)]
    pub starts_on: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub ends_on: NaiveDate,
    pub outcome: Option<String>,
    pub grade: String,
}

/// A person's classes, newest first (the member page shows them).
pub(crate) fn history_of(conn: &mut DbConnection, person_id: &PersonId) -> AppResult<Vec<HistoryLine>> {
    Ok(store::history(conn, person_id)?
        .into_iter()
        .map(|(e, c)| HistoryLine {
            title: c.title,
            category_label: c.category.label().into(),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            outcome: e.outcome.map(|o| o.label().to_string()),
            grade: e.grade,
        })
        .collect())
}

/// The classes a unit organized in the period.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct UnitCount {
    pub org_name: String,
    pub classes: i64,
    pub trainees: i64,
}

/// A row of a trainee list as the preview shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PreviewRow {
    pub line: usize,
    pub full_name: String,
    #[schema(value_type = String, format = Date)]
    pub born_on: NaiveDate,
    pub unit: String,
    pub outcome: Option<String>,
    /// Whether the person is already known to coso (a member or an earlier trainee).
    pub known: bool,
}

/// What an import would write, or why it cannot.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TraineePreview {
    pub rows: Vec<PreviewRow>,
    /// One message per refused row ("Dòng 7: thiếu họ và tên."); none means it can be written.
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct CategoryCount {
    pub category: String,
    pub label: String,
    pub classes: i64,
    pub trainees: i64,
}

#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct AudienceCount {
    pub audience: String,
    pub label: String,
    pub classes: i64,
    pub trainees: i64,
}

/// The classes of a period with their totals.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TrainingReport {
    #[schema(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub to: NaiveDate,
    pub classes: i64,
    /// Enrollments.
    pub trainees: i64,
    /// Distinct persons.
    pub people: i64,
    pub by_category: Vec<CategoryCount>,
    pub by_audience: Vec<AudienceCount>,
    /// By the organizing unit, the most trainees first.
    pub by_unit: Vec<UnitCount>,
    pub list: Vec<ClassView>,
}

/// The columns a trainee list must have, and those it may have, by their header.
const NAME: &str = "ho va ten";
const BORN: &str = "ngay sinh";
const OPTIONAL: [(&str, usize); 4] = [("gioi tinh", 0), ("don vi", 1), ("ket qua", 2), ("xep loai", 3)];

/// The rows of a trainee list: the first sheet, its first row naming the columns.
pub fn read_trainee_list(bytes: &[u8]) -> AppResult<Vec<TraineeRow>> {
    let rows = coso_report::sheet::first_sheet_rows(bytes).map_err(|e| {
        AppError::field(
            "file",
            format!("Không đọc được tệp: {e}. Hãy gửi tệp Excel (.xlsx, .xls) hoặc .ods."),
        )
    })?;
    let Some(header) = rows.first() else {
        return Err(AppError::field("file", "Trang tính đầu tiên trống."));
    };
    let folded: Vec<String> = header.iter().map(|h| coso_domain::text::fold(h.trim())).collect();
    let find = |name: &str| folded.iter().position(|h| h == name);
    let (Some(name), Some(born)) = (find(NAME), find(BORN)) else {
        return Err(AppError::field(
            "file",
            "Trang tính đầu tiên cần dòng tiêu đề có cột «Họ và tên» và «Ngày sinh» (có thể thêm «Giới tính», «Đơn vị», «Kết quả», «Xếp loại»).",
        ));
    };
    let optional: Vec<Option<usize>> = OPTIONAL.iter().map(|(h, _)| find(h)).collect();
    let cell = |row: &Vec<String>, i: Option<usize>| i.and_then(|i| row.get(i)).cloned().unwrap_or_default();
    Ok(rows
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, r)| TraineeRow {
            line: i + 1,
            full_name: cell(r, Some(name)),
            born_on: cell(r, Some(born)),
            sex: cell(r, optional[0]),
            unit: cell(r, optional[1]),
            outcome: cell(r, optional[2]),
            grade: cell(r, optional[3]),
        })
        .collect())
}

/// Persons coso knows, by folded name and day of birth.
type Known = HashMap<(String, NaiveDate), PersonId>;

/// The persons a list names, matched by folded name and day of birth.
fn known_persons(
    conn: &mut DbConnection,
    trainees: &[Trainee],
) -> AppResult<HashMap<(String, NaiveDate), PersonId>> {
    let names: Vec<String> = trainees.iter().map(|t| coso_domain::text::fold(&t.full_name)).collect();
    Ok(store::persons_named(conn, &names)?.into_iter().map(|(id, name, born)| ((name, born), id)).collect())
}

/// Checks a list against the rules and coso's persons: every refused row, by number.
fn check_list(
    conn: &mut DbConnection,
    rows: &[TraineeRow],
) -> AppResult<(Vec<Trainee>, Known, Vec<Violation>)> {
    let (ok, mut wrong) = rules::check_rows(rows);
    let known = known_persons(conn, &ok)?;
    for t in &ok {
        let key = (coso_domain::text::fold(&t.full_name), t.born_on);
        if !known.contains_key(&key) && t.sex.is_none() {
            wrong.push(Violation::new(format!(
                "Dòng {}: {} chưa có trong hệ thống; cần ghi giới tính (Nam hoặc Nữ).",
                t.line, t.full_name
            )));
        }
    }
    wrong.sort_by_key(|v| {
        v.message.split(':').next().and_then(|d| d.trim_start_matches("Dòng ").parse::<usize>().ok())
    });
    if rows.is_empty() {
        wrong.push(Violation::new("Danh sách không có học viên nào."));
    }
    Ok((ok, known, wrong))
}

fn class_view(conn: &mut DbConnection, c: ClassRow, trainees: i64) -> AppResult<ClassView> {
    Ok(ClassView {
        organizer: org_by_id_on(conn, &c.organizer_org_id, c.starts_on)?.version.name,
        category: c.category.code().into(),
        category_label: c.category.label().into(),
        audience: c.audience.code().into(),
        audience_label: c.audience.label().into(),
        id: c.id,
        title: c.title,
        level: c.level,
        starts_on: c.starts_on,
        ends_on: c.ends_on,
        place: c.place,
        trainees,
    })
}

/// The class and the grant to write for its organizer.
fn class_for_write(conn: &mut DbConnection, actor: &Actor, id: &str) -> AppResult<ClassRow> {
    let c = store::class(conn, id)?.ok_or_else(|| AppError::NotFound("lớp học".into()))?;
    let organizer = org_by_id_on(conn, &c.organizer_org_id, c.starts_on)?;
    access::org(conn, actor, Permission::WriteOrgs, &organizer)?;
    Ok(c)
}

impl App {
    /// Classes starting in a period, organized in the actor's scope, with their totals.
    pub fn training_report(
        &self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<TrainingReport> {
        let scope = access::scope(actor, Permission::ReadMembers)?;
        self.db.read(|conn| {
            let counts: HashMap<String, i64> =
                store::enrollment_counts(conn, from, to)?.into_iter().collect();
            let mut list = Vec::new();
            let mut by_category: Vec<CategoryCount> = Category::ALL
                .iter()
                .map(|c| CategoryCount {
                    category: c.code().into(),
                    label: c.label().into(),
                    ..CategoryCount::default()
                })
                .collect();
            let mut by_audience: Vec<AudienceCount> = Audience::ALL
                .iter()
                .map(|a| AudienceCount {
                    audience: a.code().into(),
                    label: a.label().into(),
                    ..AudienceCount::default()
                })
                .collect();
            for c in store::classes_between(conn, from, to)? {
                let organizer = org_by_id_on(conn, &c.organizer_org_id, c.starts_on)?;
                if !in_subtree(&organizer.version.path, scope.path()) {
                    continue;
                }
                let n = counts.get(&c.id).copied().unwrap_or(0);
                if let Some(x) = by_category.iter_mut().find(|x| x.category == c.category.code()) {
                    x.classes += 1;
                    x.trainees += n;
                }
                if let Some(x) = by_audience.iter_mut().find(|x| x.audience == c.audience.code()) {
                    x.classes += 1;
                    x.trainees += n;
                }
                list.push(class_view(conn, c, n)?);
            }
            let mut by_unit: Vec<UnitCount> = Vec::new();
            for c in &list {
                match by_unit.iter_mut().find(|u| u.org_name == c.organizer) {
                    Some(u) => {
                        u.classes += 1;
                        u.trainees += c.trainees;
                    }
                    None => by_unit.push(UnitCount {
                        org_name: c.organizer.clone(),
                        classes: 1,
                        trainees: c.trainees,
                    }),
                }
            }
            by_unit.sort_by(|a, b| b.trainees.cmp(&a.trainees).then_with(|| a.org_name.cmp(&b.org_name)));
            Ok(TrainingReport {
                from,
                to,
                by_unit,
                classes: list.len() as i64,
                trainees: list.iter().map(|c| c.trainees).sum(),
                people: store::people_in(conn, &list.iter().map(|c| c.id.clone()).collect::<Vec<_>>())?,
                by_category,
                by_audience,
                list,
            })
        })
    }

    /// A class and its trainees.
    pub fn class_detail(&self, actor: &Actor, id: &str) -> AppResult<ClassDetail> {
        self.db.read(|conn| {
            let c = store::class(conn, id)?.ok_or_else(|| AppError::NotFound("lớp học".into()))?;
            let organizer = org_by_id_on(conn, &c.organizer_org_id, c.starts_on)?;
            access::org(conn, actor, Permission::ReadMembers, &organizer)?;
            let can_write = access::can(conn, actor, Permission::WriteOrgs, &organizer)?;
            let trainees: Vec<TraineeView> = store::trainees(conn, &c.id)?
                .into_iter()
                .map(|(e, full_name)| TraineeView {
                    full_name,
                    unit: e.unit,
                    outcome: e.outcome.map(|o| o.label().to_string()),
                })
                .collect();
            let n = trainees.len() as i64;
            Ok(ClassDetail { class: class_view(conn, c, n)?, trainees, can_write })
        })
    }

    /// What importing `bytes` into the class would write, row by row, writing nothing.
    pub fn preview_trainees(&self, actor: &Actor, class_id: &str, bytes: &[u8]) -> AppResult<TraineePreview> {
        self.db.read(|conn| {
            let c = store::class(conn, class_id)?.ok_or_else(|| AppError::NotFound("lớp học".into()))?;
            let organizer = org_by_id_on(conn, &c.organizer_org_id, c.starts_on)?;
            access::org(conn, actor, Permission::ReadMembers, &organizer)?;
            let rows = read_trainee_list(bytes)?;
            let (ok, known, wrong) = check_list(conn, &rows)?;
            Ok(TraineePreview {
                rows: ok
                    .iter()
                    .map(|t| PreviewRow {
                        line: t.line,
                        known: known.contains_key(&(coso_domain::text::fold(&t.full_name), t.born_on)),
                        full_name: t.full_name.clone(),
                        born_on: t.born_on,
                        unit: t.unit.clone(),
                        outcome: t.outcome.map(|o| o.label().to_string()),
                    })
                    .collect(),
                errors: wrong.into_iter().map(|v| v.message).collect(),
            })
        })
    }

    /// The classes of a period with their totals, as an Excel file.
    pub fn training_report_xlsx(&self, actor: &Actor, from: NaiveDate, to: NaiveDate) -> AppResult<Vec<u8>> {
        use coso_report::xlsx::Cell;
        let r = self.training_report(actor, from, to)?;
        let mut rows: Vec<Vec<Cell>> = r
            .list
            .iter()
            .enumerate()
            .map(|(i, c)| {
                vec![
                    Cell::Number((i + 1) as f64),
                    Cell::Text(c.title.clone()),
                    Cell::Text(c.category_label.clone()),
                    Cell::Text(c.audience_label.clone()),
                    Cell::Text(format!(
                        "{} – {}",
                        coso_domain::date::format(c.starts_on),
                        coso_domain::date::format(c.ends_on)
                    )),
                    Cell::Number(c.trainees as f64),
                ]
            })
            .collect();
        rows.push(vec![
            Cell::Empty,
            Cell::Text(format!("Cộng: {} lớp, {} người (lượt)", r.classes, r.trainees)),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Number(r.trainees as f64),
        ]);
        let columns = [
            ("STT", 5.0),
            ("Lớp", 44.0),
            ("Loại", 22.0),
            ("Đối tượng", 22.0),
            ("Thời gian", 22.0),
            ("Học viên", 10.0),
        ];
        let subtitle =
            format!("Từ ngày {} đến ngày {}", coso_domain::date::format(from), coso_domain::date::format(to));
        let bytes = coso_report::xlsx::table(
            "Đào tạo, bồi dưỡng",
            "CÁC LỚP ĐÀO TẠO, BỒI DƯỠNG",
            &subtitle,
            &columns,
            &rows,
        )?;
        self.log_access(actor, "export", "training_report", &subtitle)?;
        Ok(bytes)
    }

    pub fn create_class(&self, actor: &Actor, input: ClassInput) -> AppResult<ClassView> {
        self.transaction(|tx| tx.create_class(actor, input))
    }

    /// Imports a trainee list: every row is written, or none when any is refused.
    pub fn import_trainees(&self, actor: &Actor, class_id: &str, bytes: &[u8]) -> AppResult<usize> {
        self.transaction(|tx| {
            class_for_write(tx.conn, actor, class_id)?;
            let rows = read_trainee_list(bytes)?;
            tx.import_trainees(actor, class_id, &rows)
        })
    }
}

impl Tx<'_> {
    pub fn create_class(&mut self, actor: &Actor, input: ClassInput) -> AppResult<ClassView> {
        let conn = &mut *self.conn;
        let (title, category, audience, starts_on, ends_on) = (
            required_text("title", "tên lớp", &input.title),
            chosen("category", "Cần chọn loại lớp.", Category::from_code(input.category.trim())),
            chosen("audience", "Cần chọn đối tượng học.", Audience::from_code(input.audience.trim())),
            required_date("starts_on", "ngày khai giảng", &input.starts_on),
            required_date("ends_on", "ngày kết thúc", &input.ends_on),
        )
            .all()?;
        (rule(rules::check_dates(starts_on, ends_on)),).all()?;
        let organizer = org_on(conn, &input.organizer_code, starts_on)?;
        access::org(conn, actor, Permission::WriteOrgs, &organizer)?;
        let row = ClassRow {
            id: new_id(),
            title,
            category,
            audience,
            level: input.level.trim().into(),
            organizer_org_id: organizer.org.id.clone(),
            starts_on,
            ends_on,
            place: input.place.trim().into(),
            created_at: now(),
        };
        store::insert_class(conn, &row)?;
        audit::record(conn, actor, "training.class", "training_class", &row.id, None::<&()>, Some(&row))?;
        class_view(conn, row, 0)
    }

    /// Enrolls persons coso knows (the demo, an API client that names persons).
    pub fn enroll(&mut self, actor: &Actor, class_id: &str, people: &[Enrollment]) -> AppResult<usize> {
        let conn = &mut *self.conn;
        let c = class_for_write(conn, actor, class_id)?;
        let at = now();
        let rows: Vec<EnrollmentRow> = people
            .iter()
            .map(|p| EnrollmentRow {
                id: new_id(),
                class_id: c.id.clone(),
                person_id: p.person_id.clone(),
                unit: p.unit.clone(),
                outcome: p.outcome,
                grade: p.grade.clone(),
                created_at: at,
            })
            .collect();
        store::insert_enrollments(conn, &rows)?;
        audit::record(
            conn,
            actor,
            "training.enroll",
            "training_class",
            &c.id,
            None::<&()>,
            Some(&rows.len()),
        )?;
        Ok(rows.len())
    }

    /// Imports checked rows: persons coso does not know are created; a refused row refuses the
    /// whole list, each refusal naming its row.
    pub fn import_trainees(
        &mut self,
        actor: &Actor,
        class_id: &str,
        rows: &[TraineeRow],
    ) -> AppResult<usize> {
        let c = class_for_write(self.conn, actor, class_id)?;
        let (ok, known, wrong) = check_list(self.conn, rows)?;
        if !wrong.is_empty() {
            return Err(AppError::Invalid(wrong));
        }
        let mut people = Vec::new();
        for t in &ok {
            let key = (coso_domain::text::fold(&t.full_name), t.born_on);
            let person_id = match known.get(&key) {
                Some(id) => id.clone(),
                None => {
                    let at = now();
                    let row = PersonRow {
                        id: PersonId::from(new_id()),
                        full_name: t.full_name.clone(),
                        name_folded: key.0.clone(),
                        birth_name: None,
                        born_on: t.born_on,
                        sex: t.sex.unwrap_or(coso_domain::member::Sex::Male),
                        ethnicity: String::new(),
                        religion: String::new(),
                        home_town: String::new(),
                        residence: String::new(),
                        education: String::new(),
                        theory_level: String::new(),
                        profession: String::new(),
                        occupation: String::new(),
                        cccd: None,
                        phone: None,
                        created_at: at,
                        updated_at: at,
                    };
                    coso_store::members::insert_person(self.conn, &row)?;
                    row.id
                }
            };
            people.push(Enrollment {
                person_id,
                unit: t.unit.clone(),
                outcome: t.outcome,
                grade: t.grade.clone(),
            });
        }
        self.enroll(actor, &c.id, &people).map_err(|e| match e {
            AppError::Conflict(_) => AppError::Conflict("Có học viên đã có trong danh sách lớp này.".into()),
            other => other,
        })
    }
}
