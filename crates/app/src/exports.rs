//! List exports (issue 13): what a list page shows, with its filters applied, as an Excel
//! table a user opens and prints: members, a cell's meetings, inspections and disciplines,
//! documents, resolutions' targets and plans' tasks. Each export is access-logged.
use chrono::NaiveDate;
use coso_domain::date::format as day;
use coso_report::xlsx::{Cell, table};

use crate::documents::DocumentFilter;
use crate::members::MemberQuery;
use crate::{Actor, App, AppResult};

/// Rows beyond this are not written: a list that long is filtered first (by unit, status).
pub const MAX_ROWS: usize = 100_000;

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn number(n: impl Into<f64>) -> Cell {
    Cell::Number(n.into())
}

/// A note under a list cut at [`MAX_ROWS`].
fn cut_note(width: usize) -> Vec<Cell> {
    let mut row = vec![text(format!(
        "Danh sách chỉ ghi {MAX_ROWS} dòng đầu; hãy lọc theo đơn vị hoặc trạng thái để xuất phần còn lại."
    ))];
    row.resize(width, Cell::Empty);
    row
}

impl App {
    /// The members list with its filters (text, unit, status), every page of it.
    pub fn members_xlsx(&self, actor: &Actor, query: &MemberQuery) -> AppResult<Vec<u8>> {
        let mut rows = Vec::new();
        let mut q = MemberQuery { page: Some(1), per_page: Some(200), after: None, ..query.clone() };
        let cut = loop {
            let page = self.list_members(actor, &q)?;
            for m in page.members {
                if rows.len() == MAX_ROWS {
                    break;
                }
                rows.push(vec![
                    number((rows.len() + 1) as f64),
                    text(m.full_name),
                    text(day(m.born_on)),
                    text(m.sex_label),
                    text(m.card_number.unwrap_or_default()),
                    text(m.status_label),
                    text(m.org_name),
                    text(day(m.admitted_on)),
                    text(m.official_on.map(day).unwrap_or_default()),
                ]);
            }
            match page.next_after {
                _ if rows.len() == MAX_ROWS => break true,
                Some(after) => {
                    q = MemberQuery { after: Some(after), page: Some(q.page.unwrap_or(1) + 1), ..q }
                }
                None => break false,
            }
        };
        if cut {
            rows.push(cut_note(9));
        }
        let filters = [
            query.q.as_deref().map(|t| format!("tên có «{t}»")),
            query.org.as_deref().filter(|o| !o.is_empty()).map(|o| format!("đơn vị {o}")),
            query.status.as_deref().filter(|s| !s.is_empty()).map(|s| format!("trạng thái {s}")),
        ];
        let subtitle = filters.into_iter().flatten().collect::<Vec<_>>().join("; ");
        let columns = [
            ("STT", 6.0),
            ("Họ và tên", 28.0),
            ("Ngày sinh", 12.0),
            ("Giới tính", 9.0),
            ("Số thẻ đảng", 14.0),
            ("Trạng thái", 16.0),
            ("Chi bộ", 30.0),
            ("Ngày vào Đảng", 13.0),
            ("Ngày chính thức", 13.0),
        ];
        let bytes = table("Đảng viên", "DANH SÁCH ĐẢNG VIÊN", &subtitle, &columns, &rows)?;
        self.log_access(actor, "export", "members", &subtitle)?;
        Ok(bytes)
    }

    /// A cell's meetings in a period.
    pub fn meetings_xlsx(
        &self,
        actor: &Actor,
        code: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<Vec<u8>> {
        let list = self.cell_meetings(actor, code, from, to)?;
        let name = list.first().map_or_else(|| code.to_string(), |m| m.org_name.clone());
        let rows: Vec<Vec<Cell>> = list
            .iter()
            .enumerate()
            .map(|(i, m)| {
                vec![
                    number((i + 1) as f64),
                    text(day(m.held_on)),
                    text(m.kind_label.clone()),
                    text(m.topic.clone()),
                    number(m.duration_minutes),
                    number(m.invited as f64),
                    number(m.present as f64),
                    number(m.absent as f64),
                ]
            })
            .collect();
        let subtitle = format!("{name}, từ {} đến {}", day(from), day(to));
        let columns = [
            ("STT", 6.0),
            ("Ngày", 12.0),
            ("Loại", 16.0),
            ("Chủ đề", 40.0),
            ("Số phút", 9.0),
            ("Triệu tập", 10.0),
            ("Có mặt", 9.0),
            ("Vắng", 8.0),
        ];
        let bytes = table("Sinh hoạt", "DANH SÁCH CUỘC SINH HOẠT CHI BỘ", &subtitle, &columns, &rows)?;
        self.log_access(actor, "export", "meetings", &format!("{code} {from} {to}"))?;
        Ok(bytes)
    }

    /// The inspections and the discipline decisions in the actor's scope, one after the other.
    pub fn cases_xlsx(&self, actor: &Actor) -> AppResult<Vec<u8>> {
        let cases = self.cases(actor)?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        for i in &cases.inspections {
            rows.push(vec![
                text("Kiểm tra"),
                text(i.kind_label.clone()),
                text(i.subject.clone()),
                text(i.by_org.clone()),
                text(format!("{} – {}", day(i.period_from), day(i.period_to))),
                text(i.conclusion.clone()),
            ]);
        }
        for d in &cases.disciplines {
            rows.push(vec![
                text("Kỷ luật"),
                text(d.form_label.clone()),
                text(d.subject.clone()),
                text(d.by_org.clone()),
                text(day(d.decided_on)),
                text(format!("{} ({})", d.reason, d.document)),
            ]);
        }
        let columns = [
            ("Việc", 10.0),
            ("Hình thức", 20.0),
            ("Đối tượng", 34.0),
            ("Cấp thực hiện", 26.0),
            ("Thời gian", 22.0),
            ("Kết luận, lý do", 44.0),
        ];
        let bytes = table("Kiểm tra, kỷ luật", "KIỂM TRA, GIÁM SÁT VÀ KỶ LUẬT", "", &columns, &rows)?;
        self.log_access(actor, "export", "cases", "")?;
        Ok(bytes)
    }

    /// The document registry with its filters.
    pub fn documents_xlsx(&self, actor: &Actor, filter: &DocumentFilter) -> AppResult<Vec<u8>> {
        let list = self.documents(actor, filter)?;
        let rows: Vec<Vec<Cell>> = list
            .iter()
            .enumerate()
            .map(|(i, d)| {
                vec![
                    number((i + 1) as f64),
                    text(d.number.clone()),
                    text(day(d.issued_on)),
                    text(d.type_label.clone()),
                    text(d.title.clone()),
                    text(d.issuer_name.clone()),
                    text(if d.in_force { "Còn hiệu lực" } else { "Hết hiệu lực" }),
                ]
            })
            .collect();
        let filters = [
            filter.from.as_deref().filter(|f| !f.is_empty()).map(|f| format!("từ {f}")),
            filter.to.as_deref().filter(|t| !t.is_empty()).map(|t| format!("đến {t}")),
            filter.type_code.as_deref().filter(|t| !t.is_empty()).map(|t| format!("loại {t}")),
            filter.number.as_deref().filter(|n| !n.is_empty()).map(|n| format!("số bắt đầu «{n}»")),
        ];
        let subtitle = filters.into_iter().flatten().collect::<Vec<_>>().join("; ");
        let columns = [
            ("STT", 6.0),
            ("Số, ký hiệu", 16.0),
            ("Ngày ban hành", 13.0),
            ("Loại", 12.0),
            ("Trích yếu", 50.0),
            ("Cơ quan ban hành", 28.0),
            ("Hiệu lực", 13.0),
        ];
        let bytes = table("Văn bản", "SỔ VĂN BẢN CHỈ ĐẠO", &subtitle, &columns, &rows)?;
        self.log_access(actor, "export", "documents", &subtitle)?;
        Ok(bytes)
    }

    /// A resolution's targets with their yearly figures and status on `year`.
    pub fn resolution_xlsx(&self, actor: &Actor, id: &str, year: Option<i32>) -> AppResult<Vec<u8>> {
        let r = self.resolution(actor, id, year)?;
        let years: Vec<i32> = (r.first_year..=r.last_year).collect();
        let rows: Vec<Vec<Cell>> = r
            .targets
            .iter()
            .map(|t| {
                let mut row = vec![
                    number(t.position),
                    text(t.name.clone()),
                    text(t.unit.clone()),
                    text(format!("{} {}", t.direction_label, coso_domain::vi::number(t.value))),
                ];
                for y in &years {
                    row.push(t.values.iter().find(|v| v.year == *y).map_or(Cell::Empty, |v| number(v.value)));
                }
                row.push(text(t.status_label.clone()));
                row
            })
            .collect();
        let labels: Vec<String> = years.iter().map(|y| format!("Năm {y}")).collect();
        let mut columns: Vec<(&str, f64)> =
            vec![("STT", 6.0), ("Chỉ tiêu", 44.0), ("Đơn vị", 10.0), ("Mục tiêu", 18.0)];
        columns.extend(labels.iter().map(|l| (l.as_str(), 10.0)));
        columns.push(("Đánh giá", 16.0));
        let subtitle = format!(
            "{} nhiệm kỳ {}–{}: đạt và vượt {}/{} chỉ tiêu (năm {})",
            r.title, r.first_year, r.last_year, r.targets_reached, r.targets_total, r.year
        );
        let bytes = table("Chỉ tiêu", "KẾT QUẢ THỰC HIỆN CHỈ TIÊU NGHỊ QUYẾT", &subtitle, &columns, &rows)?;
        self.log_access(actor, "export", "resolution", id)?;
        Ok(bytes)
    }

    /// The tasks of the plans running in a period, with their progress and what is overdue.
    pub fn plans_xlsx(&self, actor: &Actor, from: NaiveDate, to: NaiveDate) -> AppResult<Vec<u8>> {
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        for p in self.plans(actor, from, to)? {
            let name = match &p.document_number {
                Some(n) => format!("{} {n}", p.kind_label),
                None => p.kind_label.clone(),
            };
            for t in &p.tasks {
                rows.push(vec![
                    text(name.clone()),
                    text(t.title.clone()),
                    text(t.assignee_name.clone()),
                    text(day(t.due_on)),
                    text(t.status_label.clone()),
                    Cell::Percent(f64::from(t.progress_pct) / 100.0),
                    text(if t.overdue { "Quá hạn" } else { "" }),
                ]);
            }
        }
        let subtitle = format!("Từ {} đến {}", day(from), day(to));
        let columns = [
            ("Kế hoạch, đề án", 22.0),
            ("Nhiệm vụ", 44.0),
            ("Đơn vị thực hiện", 28.0),
            ("Hạn", 12.0),
            ("Tình trạng", 16.0),
            ("Tiến độ", 9.0),
            ("Ghi chú", 10.0),
        ];
        let bytes = table("Nhiệm vụ", "TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH, ĐỀ ÁN", &subtitle, &columns, &rows)?;
        self.log_access(actor, "export", "plans", &format!("{from} {to}"))?;
        Ok(bytes)
    }
}
