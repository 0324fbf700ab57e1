//! The overview report written out: its figures as Vietnamese prose and tables in the party
//! document format (Hướng dẫn 36-HD/VPTW), for the Word, text and Excel forms.
use coso_domain::date::format as day;
use coso_domain::vi::{committee_of, number};
use coso_report::{PartyReport, ReportChart, ReportSection, ReportTable};

use super::Overview;

/// A share in percent as the tables write it: "95,2%".
fn pct(value: f64) -> String {
    format!("{}%", number(value))
}

/// A title inside a sentence: "Về dự sinh hoạt…" → "về dự sinh hoạt…".
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn section(heading: &str, paragraphs: Vec<String>, tables: Vec<ReportTable>) -> ReportSection {
    ReportSection { heading: heading.into(), paragraphs, tables }
}

impl Overview {
    /// The report as the committee's office would draft it, ready to number and sign.
    pub fn document(&self) -> PartyReport {
        let (committee, code) = committee_of(&self.org_name);
        let sections = vec![
            self.organizations(),
            self.pilots(&committee),
            self.meetings(),
            self.training(&committee),
            self.ratings(),
            self.targets(),
            self.plans_and_documents(&committee),
        ];
        PartyReport {
            superior_header: self.superior_name.to_uppercase(),
            issuer_header: committee.to_uppercase(),
            number: format!("Số       -BC/{code}"),
            place: self.place.clone(),
            dated: self.to,
            kind: "BÁO CÁO".into(),
            title: format!(
                "Kết quả nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng từ ngày {} đến ngày {}",
                day(self.from),
                day(self.to)
            ),
            sections,
            signer_role: "T/M BAN THƯỜNG VỤ".into(),
            signer_title: "BÍ THƯ".into(),
            signer: String::new(),
            recipients: vec![
                "- Cấp ủy cấp trên (báo cáo),".into(),
                "- Các chi, đảng bộ trực thuộc,".into(),
                "- Lưu Văn phòng.".into(),
            ],
        }
    }

    fn organizations(&self) -> ReportSection {
        section(
            "I. TỔ CHỨC CƠ SỞ ĐẢNG",
            vec![format!(
                "Tính đến ngày {}, {} có {} tổ chức cơ sở đảng (TCCSĐ) trực thuộc, trong đó có {} đảng bộ và {} chi bộ cơ sở, với {} đảng viên.",
                day(self.to),
                self.org_name,
                number(self.grassroots_total as f64),
                number(self.grassroots_committees as f64),
                number(self.grassroots_cells as f64),
                number(self.members as f64),
            )],
            Vec::new(),
        )
    }

    fn pilots(&self, committee: &str) -> ReportSection {
        let mut paragraphs = vec![format!(
            "Trong kỳ, {committee} đã lựa chọn {} chi, đảng bộ để tập trung lãnh đạo, chỉ đạo điểm, thành lập tổ công tác theo dõi, giúp cơ sở khắc phục hạn chế.",
            self.pilot_units_selected_by_city
        )];
        if self.pilot_units_selected_below > 0 {
            paragraphs.push(format!(
                "Các đảng ủy trực thuộc lựa chọn thêm {} chi bộ để chỉ đạo điểm việc nâng cao chất lượng sinh hoạt.",
                self.pilot_units_selected_below
            ));
        }
        let rows = self
            .pilot_units
            .iter()
            .enumerate()
            .map(|(i, p)| vec![(i + 1).to_string(), p.org_name.clone(), day(p.selected_on)])
            .collect();
        let table = ReportTable {
            caption: "Đơn vị chỉ đạo điểm".into(),
            columns: vec!["STT".into(), "Đơn vị".into(), "Ngày chọn".into()],
            rows,
            chart: None,
        };
        section(
            "II. CHỈ ĐẠO ĐIỂM",
            paragraphs,
            if self.pilot_units.is_empty() { Vec::new() } else { vec![table] },
        )
    }

    fn meetings(&self) -> ReportSection {
        let mut paragraphs = Vec::new();
        if let (Some(since), Some(document)) = (self.superior_attendances_from, &self.quota_document) {
            let named = self.documents.iter().find(|d| &d.number == document);
            let cited = match named {
                Some(d) => format!(
                    "{} số {}, ngày {} của {} {}",
                    d.type_label,
                    d.number,
                    day(d.date),
                    d.issuer_name,
                    lowercase_first(&d.title)
                ),
                None => format!("văn bản số {document}"),
            };
            paragraphs.push(format!(
                "Thực hiện {cited}, từ ngày {} đến ngày {}, các đồng chí ủy viên Ban Chấp hành {} đã dự {} lượt sinh hoạt tại các chi bộ.",
                day(since),
                day(self.to),
                self.org_name,
                number(self.superior_attendances as f64)
            ));
        }
        let mut held = format!(
            "Từ ngày {} đến ngày {}, các chi bộ đã tổ chức {} cuộc sinh hoạt",
            day(self.meetings_from),
            day(self.to),
            number(self.meetings_held as f64)
        );
        if let Some(p) = self.cells_compliant_pct {
            held.push_str(&format!("; {} chi bộ thực hiện đúng nền nếp sinh hoạt theo quy định", pct(p)));
        }
        held.push('.');
        paragraphs.push(held);
        section("III. CẤP ỦY VIÊN DỰ SINH HOẠT VÀ NỀN NẾP SINH HOẠT CHI BỘ", paragraphs, Vec::new())
    }

    fn training(&self, committee: &str) -> ReportSection {
        let mut paragraphs = vec![format!(
            "Từ ngày {} đến ngày {}, {committee} đã tổ chức {} lớp đào tạo, bồi dưỡng cho {} lượt người là cán bộ, công chức, viên chức, cấp ủy viên cơ sở về lý luận chính trị, chuyên môn nghiệp vụ.",
            day(self.from),
            day(self.to),
            number(self.training_classes as f64),
            number(self.trainees as f64)
        )];
        for a in &self.training_by_audience {
            paragraphs.push(format!(
                "Đối tượng {}: {} lớp, {} lượt người.",
                a.label.to_lowercase(),
                a.classes,
                number(a.trainees as f64)
            ));
        }
        let table = ReportTable {
            caption: "Đào tạo, bồi dưỡng theo đối tượng".into(),
            columns: vec!["Đối tượng".into(), "Số lớp".into(), "Lượt người".into()],
            rows: self
                .training_by_audience
                .iter()
                .map(|a| vec![a.label.clone(), a.classes.to_string(), a.trainees.to_string()])
                .collect(),
            chart: None,
        };
        let tables = if self.training_by_audience.is_empty() { Vec::new() } else { vec![table] };
        section("IV. ĐÀO TẠO, BỒI DƯỠNG", paragraphs, tables)
    }

    fn ratings(&self) -> ReportSection {
        let mut paragraphs = Vec::new();
        if !self.ratings.is_empty() {
            let n = self.ratings.len() as f64;
            let average = self.ratings.iter().map(|r| r.orgs_good_or_better_pct).sum::<f64>() / n;
            let lowest =
                self.ratings.iter().map(|r| r.members_good_or_better_pct).fold(f64::INFINITY, f64::min);
            paragraphs.push(format!(
                "Kết quả đánh giá, xếp loại từ năm {} đến năm {}: bình quân hằng năm {} TCCSĐ hoàn thành tốt nhiệm vụ trở lên; tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên hằng năm đạt từ {} trở lên.",
                self.ratings[0].year,
                self.ratings[self.ratings.len() - 1].year,
                pct((average * 10.0).round() / 10.0),
                pct(lowest)
            ));
            let own: Vec<String> = self
                .ratings
                .iter()
                .filter_map(|r| {
                    r.org_tier_label.as_ref().map(|t| format!("năm {}: {}", r.year, t.to_lowercase()))
                })
                .collect();
            if !own.is_empty() {
                paragraphs.push(format!("{} được cấp trên xếp loại: {}.", self.org_name, own.join("; ")));
            }
        }
        let table = ReportTable {
            caption: "Xếp loại chất lượng theo năm".into(),
            columns: vec![
                "Năm".into(),
                "TCCSĐ HTTNV trở lên".into(),
                "Đảng viên HTTNV trở lên".into(),
                "Xếp loại của đảng bộ".into(),
            ],
            rows: self
                .ratings
                .iter()
                .map(|r| {
                    vec![
                        r.year.to_string(),
                        pct(r.orgs_good_or_better_pct),
                        pct(r.members_good_or_better_pct),
                        r.org_tier_label.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
            chart: Some(ReportChart {
                title: "Tỷ lệ hoàn thành tốt nhiệm vụ trở lên".into(),
                series_columns: vec![1, 2],
                unit: "%".into(),
            }),
        };
        let tables = if self.ratings.is_empty() { Vec::new() } else { vec![table] };
        section("V. ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG", paragraphs, tables)
    }

    fn targets(&self) -> ReportSection {
        let paragraphs = self
            .resolutions
            .iter()
            .map(|r| {
                let mut text = format!(
                    "{} nhiệm kỳ {}–{}: hoàn thành đạt và vượt {}/{} chỉ tiêu đề ra",
                    r.title, r.first_year, r.last_year, r.targets_met, r.targets_total
                );
                if !r.not_met.is_empty() {
                    text.push_str(&format!("; chỉ tiêu chưa đạt: {}", r.not_met.join("; ").to_lowercase()));
                }
                text.push('.');
                text
            })
            .collect();
        section("VI. THỰC HIỆN CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI", paragraphs, Vec::new())
    }

    fn plans_and_documents(&self, committee: &str) -> ReportSection {
        let carried = self.plans_carried_out.iter().map(|p| {
            let number = p.number.as_deref().map(|n| format!(" {n}")).unwrap_or_default();
            let (issuer, _) = committee_of(&p.org_name);
            format!(
                "Thực hiện {}{number} của {issuer} về “{}”, {} được giao {} nhiệm vụ, đã hoàn thành {}, quá hạn {}.",
                p.kind_label, p.title, self.org_name, p.tasks_total, p.tasks_done, p.tasks_overdue
            )
        });
        let paragraphs = self
            .plans
            .iter()
            .map(|p| {
                let number = p.number.as_deref().map(|n| format!(" {n}")).unwrap_or_default();
                format!(
                    "Ngày {}, {committee} ban hành {}{number} về “{}”; đã giao {} nhiệm vụ, hoàn thành {}, quá hạn {}.",
                    day(p.starts_on),
                    p.kind_label,
                    p.title,
                    p.tasks_total,
                    p.tasks_done,
                    p.tasks_overdue
                )
            })
            .chain(carried)
            .collect();
        let table = ReportTable {
            caption: "Văn bản chỉ đạo".into(),
            columns: vec![
                "Số, ký hiệu".into(),
                "Ngày ban hành".into(),
                "Trích yếu".into(),
                "Cơ quan ban hành".into(),
            ],
            rows: self
                .documents
                .iter()
                .map(|d| vec![d.number.clone(), day(d.date), d.title.clone(), d.issuer_name.clone()])
                .collect(),
            chart: None,
        };
        let tables = if self.documents.is_empty() { Vec::new() } else { vec![table] };
        section("VII. KẾ HOẠCH, ĐỀ ÁN VÀ VĂN BẢN CHỈ ĐẠO", paragraphs, tables)
    }
}
