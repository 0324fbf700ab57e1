//! The demo's directive documents, congress resolution and plans (issue 13), as the seed names
//! them: Quy định 1764-QĐ/TU (29/5/2019) on attending cell meetings, Kế hoạch 35-KH/TU
//! (1/4/2021) and Đề án 02-ĐA/TU (26/4/2021, 2021–2025), and the resolution of the 2015–2020
//! term, whose 17 targets were met or exceeded but one ("16/17 chỉ tiêu").
use coso_app::documents::{DocumentInput, LinkInput};
use coso_app::plans::{IndicatorInput, PlanInput, ProgressInput, TaskInput};
use coso_app::resolutions::{ResolutionInput, TargetInput, ValueInput};
use coso_app::{Actor, AppResult, Tx};

use crate::Demo;
use crate::tree::CITY;

/// The province's standing committee, which issued 1764-QĐ/TU; not an organization of coso's.
const PROVINCE_STANDING: &str = "Ban Thường vụ Tỉnh ủy Lạng Sơn";
const CITY_COMMITTEE: &str = "Thành ủy Lạng Sơn";
const CENTRAL_ORGANIZATION: &str = "Ban Tổ chức Trung ương";

/// (number, issuer, issuer's code in coso, date, title, what it governs).
type Directive = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const DIRECTIVES: [Directive; 6] = [
    (
        "01-NQ/TU",
        CITY_COMMITTEE,
        Some(CITY),
        "20/08/2015",
        "Nghị quyết Đại hội đại biểu Đảng bộ thành phố Lạng Sơn nhiệm kỳ 2015 – 2020",
        &[("resolution", "2015-2020")],
    ),
    (
        "12-HD/BTCTW",
        CENTRAL_ORGANIZATION,
        None,
        "06/07/2018",
        "Một số vấn đề cụ thể về nâng cao chất lượng sinh hoạt chi bộ",
        &[("meeting_policy", "12-HD/BTCTW")],
    ),
    (
        "1764-QĐ/TU",
        PROVINCE_STANDING,
        None,
        "29/05/2019",
        "Về dự sinh hoạt chi bộ tại cơ sở",
        &[("quota_policy", "city_committee"), ("quota_policy", "grassroots_committee")],
    ),
    (
        "21-HD/BTCTW",
        CENTRAL_ORGANIZATION,
        None,
        "18/10/2019",
        "Một số vấn đề cụ thể về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị",
        &[("rating_policy", "2019")],
    ),
    (
        "35-KH/TU",
        CITY_COMMITTEE,
        Some(CITY),
        "01/04/2021",
        "Tập trung lãnh đạo, chỉ đạo nâng cao năng lực, sức chiến đấu của tổ chức cơ sở đảng năm 2021",
        &[("plan", "35-KH/TU")],
    ),
    (
        "02-ĐA/TU",
        CITY_COMMITTEE,
        Some(CITY),
        "26/04/2021",
        "Nâng cao chất lượng sinh hoạt chi bộ trên địa bàn thành phố Lạng Sơn giai đoạn 2021 – 2025",
        &[("plan", "02-ĐA/TU")],
    ),
];

/// A target of the 2015–2020 resolution: name, unit, value, direction (with its year), and the
/// figures of 2016 and 2020 (the years between are drawn on the line from one to the other).
type PlannedTarget = (&'static str, &'static str, f64, &'static str, Option<i32>, f64, f64);

/// Generated figures in the shape of a city's resolution; the eleventh is the one not met.
const TARGETS: [PlannedTarget; 17] = [
    ("Tốc độ tăng trưởng kinh tế bình quân hằng năm", "%", 10.0, "at_least", None, 9.6, 10.4),
    ("Thu ngân sách nhà nước trên địa bàn tăng bình quân hằng năm", "%", 12.0, "at_least", None, 11.0, 13.5),
    ("Tỷ lệ hộ nghèo", "%", 1.0, "at_most", None, 2.1, 0.8),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 95.0, "at_least", None, 88.0, 96.1),
    ("Tỷ lệ trường đạt chuẩn quốc gia", "%", 60.0, "at_least", None, 48.0, 61.0),
    ("Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa", "%", 90.0, "at_least", None, 88.5, 91.2),
    ("Tỷ lệ thu gom, xử lý chất thải rắn đô thị", "%", 98.0, "at_least", None, 95.0, 98.0),
    ("Tỷ lệ dân số đô thị được dùng nước sạch", "%", 98.0, "at_least", None, 96.0, 99.0),
    ("Tỷ lệ lao động qua đào tạo", "%", 70.0, "at_least", None, 62.0, 72.0),
    ("Số xã đạt chuẩn nông thôn mới", "xã", 3.0, "reach_by", Some(2020), 1.0, 3.0),
    ("Tỷ lệ khối phố, thôn đạt chuẩn văn minh đô thị", "%", 85.0, "at_least", None, 72.0, 80.0),
    ("Số đảng viên mới kết nạp trong nhiệm kỳ", "đảng viên", 600.0, "at_least", None, 120.0, 642.0),
    (
        "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên hằng năm",
        "%",
        85.0,
        "at_least",
        None,
        100.0,
        97.3,
    ),
    ("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên hằng năm", "%", 90.0, "at_least", None, 98.0, 97.6),
    ("Tỷ lệ khối phố, thôn có chi bộ đảng", "%", 100.0, "reach_by", Some(2018), 96.0, 100.0),
    (
        "Tỷ lệ cán bộ chủ chốt cơ sở có trình độ lý luận chính trị trung cấp trở lên",
        "%",
        95.0,
        "at_least",
        None,
        90.0,
        100.0,
    ),
    ("Tỷ lệ tổ chức đảng được kiểm tra, giám sát trong nhiệm kỳ", "%", 100.0, "at_least", None, 40.0, 100.0),
];

/// Tasks of the plans: (plan's number, task, assignee, due, progress reported on the article's
/// day, or none).
const TASKS: [(&str, &str, &str, &str, Option<i32>); 8] = [
    ("35-KH/TU", "Rà soát, đánh giá thực trạng tổ chức cơ sở đảng yếu kém", "LS", "31/05/2021", Some(100)),
    (
        "35-KH/TU",
        "Kiện toàn cấp ủy, chi ủy các chi bộ khu dân cư sau đại hội",
        "LS-DK",
        "30/06/2021",
        Some(100),
    ),
    ("35-KH/TU", "Củng cố chi bộ có chất lượng sinh hoạt chưa cao", "LS-HVT", "30/09/2021", Some(60)),
    ("35-KH/TU", "Tổ chức sinh hoạt chuyên đề theo hướng dẫn của Thành ủy", "LS-CL", "30/09/2021", Some(100)),
    ("35-KH/TU", "Sơ kết việc cấp ủy viên dự sinh hoạt chi bộ năm 2021", "LS", "15/12/2021", None),
    ("02-ĐA/TU", "Xây dựng kế hoạch thực hiện đề án của các đảng bộ cơ sở", "LS-DK", "31/05/2021", Some(100)),
    (
        "02-ĐA/TU",
        "Xây dựng kế hoạch thực hiện đề án của các đảng bộ cơ sở",
        "LS-HVT",
        "31/05/2021",
        Some(100),
    ),
    ("02-ĐA/TU", "Sơ kết 1 năm thực hiện đề án", "LS", "30/04/2022", None),
];

/// The last day of a document that a later one replaced (domain.md §4, §8): 12-HD/BTCTW by
/// 42-HD/BTCTW (28/10/2025), 21-HD/BTCTW by 25-HD/BTCTW (10/11/2023).
fn replaced_after(number: &str) -> Option<&'static str> {
    match number {
        "12-HD/BTCTW" => Some("27/10/2025"),
        "21-HD/BTCTW" => Some("09/11/2023"),
        _ => None,
    }
}

impl Demo {
    /// Registers the documents, the resolution with its yearly figures and the two plans.
    pub(crate) fn record_directives(&mut self, tx: &mut Tx<'_>, actor: &Actor) -> AppResult<()> {
        tx.name_root_superior("Đảng bộ tỉnh Lạng Sơn")?;
        let mut ids = Vec::new();
        for (number, issuer, code, on, title, links) in DIRECTIVES {
            let id = tx.register_document(
                actor,
                DocumentInput {
                    number: number.into(),
                    issuer_name: issuer.into(),
                    issuer_code: code.map(String::from),
                    issued_on: on.into(),
                    // 1764-QĐ/TU is a regulation (Quy định) numbered as a decision.
                    type_name: number.contains("QĐ/").then(|| "Quy định".to_string()),
                    title: title.into(),
                    valid_from: None,
                    valid_until: replaced_after(number).map(String::from),
                },
            )?;
            for (subject, subject_ref) in links {
                tx.link_document(
                    actor,
                    &id,
                    LinkInput { subject: subject.to_string(), subject_ref: subject_ref.to_string() },
                )?;
            }
            ids.push((number, id));
        }
        let doc = |n: &str| ids.iter().find(|(number, _)| *number == n).map(|(_, id)| id.clone());
        self.record_resolution(tx, actor, doc("01-NQ/TU"))?;
        self.record_plans(tx, actor, doc("35-KH/TU"), doc("02-ĐA/TU"))
    }

    fn record_resolution(
        &mut self,
        tx: &mut Tx<'_>,
        actor: &Actor,
        document_id: Option<String>,
    ) -> AppResult<()> {
        let id = tx.record_resolution(
            actor,
            ResolutionInput {
                org_code: CITY.into(),
                title: "Nghị quyết Đại hội đại biểu Đảng bộ thành phố Lạng Sơn".into(),
                document_id,
                first_year: 2015,
                last_year: 2020,
                targets: TARGETS
                    .iter()
                    .map(|(name, unit, value, direction, reach_year, _, _)| TargetInput {
                        name: name.to_string(),
                        unit: unit.to_string(),
                        value: *value,
                        direction: direction.to_string(),
                        reach_year: *reach_year,
                    })
                    .collect(),
            },
        )?;
        let view = tx.resolution_targets(&id)?;
        for ((target_id, _), (_, unit, _, _, _, first, last)) in view.iter().zip(TARGETS) {
            // Shares carry a decimal; counts (members, communes) are whole.
            let precision = if unit == "%" { 10.0 } else { 1.0 };
            for year in 2016..=2020 {
                let value =
                    ((first + (last - first) * f64::from(year - 2016) / 4.0) * precision).round() / precision;
                tx.record_target_value(
                    actor,
                    target_id,
                    ValueInput {
                        year,
                        value,
                        source: format!("Báo cáo kết quả thực hiện nghị quyết năm {year}"),
                    },
                )?;
            }
        }
        Ok(())
    }

    fn record_plans(
        &mut self,
        tx: &mut Tx<'_>,
        actor: &Actor,
        plan_doc: Option<String>,
        project_doc: Option<String>,
    ) -> AppResult<()> {
        let indicator = |name: &str, target: f64, measure: &str| IndicatorInput {
            name: name.into(),
            unit: "%".into(),
            target,
            measure: Some(measure.into()),
        };
        let plan = tx.record_plan(
            actor,
            PlanInput {
                org_code: CITY.into(),
                kind: "plan".into(),
                title: "Tập trung lãnh đạo, chỉ đạo nâng cao năng lực, sức chiến đấu của tổ chức cơ sở đảng năm 2021".into(),
                document_id: plan_doc,
                starts_on: "01/04/2021".into(),
                ends_on: "31/12/2021".into(),
                objectives: "Khắc phục hạn chế của tổ chức cơ sở đảng yếu kém; 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.".into(),
                indicators: vec![
                    indicator("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", 90.0, "cells_good_pct"),
                    indicator("Chi bộ sinh hoạt đúng nền nếp", 95.0, "meeting_compliance_pct"),
                ],
            },
        )?;
        let project = tx.record_plan(
            actor,
            PlanInput {
                org_code: CITY.into(),
                kind: "project".into(),
                title: "Nâng cao chất lượng sinh hoạt chi bộ trên địa bàn thành phố Lạng Sơn giai đoạn 2021 – 2025".into(),
                document_id: project_doc,
                starts_on: "26/04/2021".into(),
                ends_on: "31/12/2025".into(),
                objectives: "100% chi bộ sinh hoạt đúng nền nếp; trên 95% đảng viên hoàn thành tốt nhiệm vụ trở lên.".into(),
                indicators: vec![
                    indicator("Chi bộ sinh hoạt đúng nền nếp", 100.0, "meeting_compliance_pct"),
                    indicator("Đảng viên hoàn thành tốt nhiệm vụ trở lên", 95.0, "members_good_pct"),
                ],
            },
        )?;
        for (number, title, assignee, due, progress) in TASKS {
            let plan_id = if number == "35-KH/TU" { &plan } else { &project };
            let task = tx.assign_task(
                actor,
                plan_id,
                TaskInput { title: title.into(), assignee_code: assignee.into(), due_on: due.into() },
            )?;
            if let Some(pct) = progress {
                tx.report_progress(
                    actor,
                    &task,
                    ProgressInput {
                        reported_on: "15/10/2021".into(),
                        progress_pct: pct,
                        note: if pct == 100 {
                            "Đã hoàn thành".into()
                        } else {
                            "Đang thực hiện".into()
                        },
                    },
                )?;
            }
        }
        Ok(())
    }
}
