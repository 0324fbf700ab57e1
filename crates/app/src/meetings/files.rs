//! The files of meeting work: minutes as Word, the meeting register and the quota report as
//! Excel, and the SVG charts of the compliance and quota pages.
use chrono::NaiveDate;
use coso_domain::id::MeetingId;
use coso_domain::meeting::{month_label, quarter_label};
use coso_report::{CellCompliance, MeetingRegister, Minutes, QuotaLine, QuotaReport, Series};

use super::{ComplianceReport, SuperiorReport};
use crate::{Actor, App, AppResult};

/// The place name of date lines: the city of the root committee ("Lạng Sơn").
pub(crate) fn place_of(root_name: &str) -> String {
    for prefix in ["Đảng bộ thành phố ", "Đảng bộ thị xã ", "Đảng bộ huyện ", "Đảng bộ tỉnh ", "Đảng bộ "]
    {
        if let Some(rest) = root_name.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    root_name.to_string()
}

impl App {
    /// The minutes of a meeting as a Word file: (file name, bytes).
    pub fn minutes_docx(&self, actor: &Actor, id: &MeetingId) -> AppResult<(String, Vec<u8>)> {
        let detail = self.meeting_detail(actor, id)?;
        let s = &detail.summary;
        let title = s.minutes_title();
        let minutes = Minutes {
            superior_header: detail.superior_org.to_uppercase(),
            cell_header: s.org_name.to_uppercase(),
            place: detail.place.clone(),
            title,
            held_on: s.held_on,
            starts_at: s.starts_at.clone(),
            duration_minutes: s.duration_minutes,
            venue: detail.minutes.venue.clone(),
            chair: detail.minutes.chair.clone(),
            minute_taker: detail.minutes.minute_taker.clone(),
            invited: s.invited,
            present: s.present,
            absent_with_reason: detail
                .absences
                .iter()
                .filter(|a| a.with_reason)
                .map(|a| (a.full_name.clone(), a.reason.clone()))
                .collect(),
            absent_without_reason: detail
                .absences
                .iter()
                .filter(|a| !a.with_reason)
                .map(|a| a.full_name.clone())
                .collect(),
            superiors: detail.superiors.iter().map(|x| (x.full_name.clone(), x.remarks.clone())).collect(),
            topic: s.topic.clone(),
            sources: detail.minutes.sources.clone(),
            agenda: detail.minutes.agenda.clone(),
            content: detail.minutes.content.clone(),
            questions: detail.minutes.questions.clone(),
            conclusions: detail.minutes.conclusions.clone(),
            self_assessment: detail.minutes.self_assessment.clone(),
        };
        let bytes = coso_report::docx::minutes(&minutes)?;
        // Each file taken away is logged (issue 7, personal data).
        self.log_access(actor, "export", "meeting", id.as_str())?;
        Ok((format!("bien-ban-{}-{}.docx", s.org_code, s.held_on), bytes))
    }

    /// The meeting register of the cells under `code` as an Excel file.
    pub fn meeting_register_xlsx(
        &self,
        actor: &Actor,
        code: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<Vec<u8>> {
        let report = self.meeting_compliance(actor, code, from, to)?;
        let bytes = meeting_register_file(&report)?;
        self.log_access(actor, "export", "meeting_register", &report.org_code)?;
        Ok(bytes)
    }

    /// The superior attendance and quota report as an Excel file.
    pub fn superior_report_xlsx(
        &self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
        year: i32,
    ) -> AppResult<Vec<u8>> {
        let report = self.superior_report(actor, from, to, year)?;
        let bytes = quota_file(&report)?;
        self.log_access(actor, "export", "superior_report", &year.to_string())?;
        Ok(bytes)
    }

    /// The quota policies (documents) on record, to show beside the quota report.
    pub fn quota_documents(&self, actor: &Actor) -> AppResult<Vec<String>> {
        Ok(self
            .quota_policies(actor)?
            .into_iter()
            .map(|p| format!("{} ({} cuộc/năm)", p.document, p.min_per_year))
            .collect())
    }
}

pub fn meeting_register_file(report: &ComplianceReport) -> AppResult<Vec<u8>> {
    let register = MeetingRegister {
        title: format!("SỔ THEO DÕI SINH HOẠT CHI BỘ — {}", report.org_name.to_uppercase()),
        subtitle: format!(
            "Từ ngày {} đến ngày {}",
            coso_domain::date::format(report.from),
            coso_domain::date::format(report.to)
        ),
        cells: report
            .cells
            .iter()
            .map(|c| CellCompliance {
                org_code: c.org_code.clone(),
                org_name: c.org_name.clone(),
                regular_held: c.regular_held,
                thematic_held: c.thematic_held,
                months_without_regular: c.months_without_regular.iter().map(|m| month_label(m)).collect(),
                quarters_without_thematic: c
                    .quarters_without_thematic
                    .iter()
                    .map(|q| quarter_label(q))
                    .collect(),
                short_meetings: c.short_meetings,
                attendance_rate: c.attendance_rate,
            })
            .collect(),
    };
    Ok(coso_report::xlsx::meeting_register(&register)?)
}

pub fn quota_file(report: &SuperiorReport) -> AppResult<Vec<u8>> {
    let quota = QuotaReport {
        title: format!("KẾT QUẢ DỰ SINH HOẠT CHI BỘ CỦA CẤP ỦY VIÊN NĂM {}", report.year),
        subtitle: format!(
            "Số lượt dự từ ngày {} đến ngày {}",
            coso_domain::date::format(report.from),
            coso_domain::date::format(report.to)
        ),
        total_attendances: report.total_attendances,
        people: report
            .people
            .iter()
            .map(|p| QuotaLine {
                name: p.name.clone(),
                level: p.level_label.clone(),
                document: p.document.clone(),
                required: p.required,
                attended: p.attended,
                shortfall: p.shortfall,
            })
            .collect(),
    };
    Ok(coso_report::xlsx::quota_report(&quota)?)
}

/// Attendance rate month by month, as an SVG bar chart `width` pixels wide.
pub fn attendance_chart(report: &ComplianceReport, width: u32) -> String {
    let series = Series {
        title: "Tỷ lệ đảng viên dự sinh hoạt theo tháng".into(),
        unit: "%".into(),
        points: report.months.iter().map(|m| (month_label(&m.month), m.rate() * 100.0)).collect(),
        links: Vec::new(),
    };
    coso_report::svg::bar_chart(&series, width, 260)
}

/// Quota fulfilment per committee member, as SVG bars `width` pixels wide.
pub fn quota_chart(report: &SuperiorReport, width: u32) -> String {
    let items: Vec<(String, i64, i64)> =
        report.people.iter().map(|p| (p.name.clone(), p.attended, p.required)).collect();
    coso_report::svg::progress_bars(&items, width)
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_as_readers_write_them() {
        assert_eq!(super::place_of("Đảng bộ thành phố Lạng Sơn"), "Lạng Sơn");
    }
}
