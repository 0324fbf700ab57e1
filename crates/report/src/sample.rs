//! Sample models for the tests, from the Lạng Sơn story, and a way to look inside the files.
use std::io::{Cursor, Read};

use chrono::NaiveDate;

use crate::model::{
    CellCompliance, MeetingRegister, Minutes, PartyReport, QuotaLine, QuotaReport, ReportChart,
    ReportSection, ReportTable, Series,
};

pub(crate) fn minutes() -> Minutes {
    Minutes {
        superior_header: "ĐẢNG BỘ PHƯỜNG HOÀNG VĂN THỤ".into(),
        cell_header: "CHI BỘ KHỐI 9".into(),
        place: "Lạng Sơn".into(),
        title: "BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 9/2021".into(),
        held_on: NaiveDate::from_ymd_opt(2021, 9, 15).unwrap(),
        starts_at: "19:30".into(),
        duration_minutes: 120,
        venue: "Nhà văn hóa khối 9".into(),
        chair: "Vi Văn Thắng, Bí thư chi bộ".into(),
        minute_taker: "Hà Thị Lan".into(),
        invited: 24,
        present: 21,
        absent_with_reason: vec![
            ("Nông Thị Hoa".into(), "đi công tác Hà Nội".into()),
            ("Lương Văn Tuấn".into(), "ốm".into()),
        ],
        absent_without_reason: vec!["Hoàng Văn Bình".into()],
        superiors: vec![(
            "Hoàng Văn Minh, Thành ủy viên, Phó Trưởng Ban Tuyên giáo Thành ủy".into(),
            "Ghi nhận chi bộ chuẩn bị nội dung chu đáo; đề nghị chi bộ phân công đảng viên theo dõi \
             từng hộ dân trong công tác phòng, chống dịch Covid-19."
                .into(),
        )],
        topic: "Nâng cao chất lượng công tác phòng, chống dịch Covid-19 trên địa bàn khối".into(),
        sources: "Bản tin Thông báo nội bộ của Tỉnh ủy số 9/2021; Báo Lạng Sơn ngày 10/9/2021".into(),
        agenda: "Đồng chí Bí thư thông tin thời sự, văn bản mới của cấp trên.\n\
                 Đánh giá kết quả công tác tháng 8, triển khai nhiệm vụ tháng 9/2021.\n\
                 Thảo luận chuyên đề phòng, chống dịch."
            .into(),
        content: "Đồng chí Bí thư chi bộ thông báo lý do, giới thiệu đại biểu và chương trình.\n\
                  Đồng chí Phó Bí thư báo cáo kết quả công tác tháng 8/2021: 100% hộ gia đình ký cam kết \
                  phòng dịch; tổ Covid cộng đồng hoạt động thường xuyên.\n\
                  Chi bộ thảo luận, thống nhất nhiệm vụ tháng 9/2021."
            .into(),
        questions: "Đồng chí Hà Văn Sơn hỏi về việc hỗ trợ hộ khó khăn; đồng chí Bí thư trả lời: \
                    khối đã lập danh sách gửi Ủy ban nhân dân phường.\n\
                    Đồng chí Vy Thị Mai đề nghị tăng cường tuyên truyền trên loa truyền thanh."
            .into(),
        conclusions: "Chi bộ thống nhất 100% các nhiệm vụ trọng tâm tháng 9/2021.\n\
                      Giao đồng chí Phó Bí thư theo dõi, đôn đốc thực hiện."
            .into(),
        self_assessment:
            "Buổi sinh hoạt đảm bảo thời lượng, nội dung thiết thực; chi bộ tự đánh giá đạt chất lượng tốt."
                .into(),
    }
}

pub(crate) fn register() -> MeetingRegister {
    let cell =
        |code: &str, name: &str, regular, thematic, months: &[&str], quarters: &[&str], short, rate| {
            CellCompliance {
                org_code: code.into(),
                org_name: name.into(),
                regular_held: regular,
                thematic_held: thematic,
                months_without_regular: months.iter().map(|s| s.to_string()).collect(),
                quarters_without_thematic: quarters.iter().map(|s| s.to_string()).collect(),
                short_meetings: short,
                attendance_rate: rate,
            }
        };
    MeetingRegister {
        title: "SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2021".into(),
        subtitle: "Đảng bộ phường Hoàng Văn Thụ — từ 01/01/2021 đến 30/9/2021".into(),
        cells: vec![
            cell("HVT-09", "Chi bộ Khối 9", 9, 3, &[], &[], 0, 0.925),
            cell("HVT-10", "Chi bộ Khối 10", 7, 2, &["2/2021", "8/2021"], &["III/2021"], 1, 0.81),
            cell("HVT-TH", "Chi bộ Trường Tiểu học Hoàng Văn Thụ", 9, 3, &[], &[], 2, 0.967),
        ],
    }
}

pub(crate) fn quota() -> QuotaReport {
    let line = |name: &str, level: &str, required, attended| QuotaLine {
        name: name.into(),
        level: level.into(),
        document: "1764-QĐ/TU".into(),
        required,
        attended,
        shortfall: (required - attended).max(0),
    };
    QuotaReport {
        title: "CẤP ỦY VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2021".into(),
        subtitle: "Theo Quy định 1764-QĐ/TU ngày 29/5/2019 của Ban Thường vụ Tỉnh ủy".into(),
        total_attendances: 123,
        people: vec![
            line("Hoàng Văn Minh", "Thành ủy viên", 2, 3),
            line("Nguyễn Thị Thu", "Thành ủy viên", 2, 1),
            line("Lộc Văn Hải", "Đảng ủy viên cơ sở", 4, 0),
        ],
    }
}

pub(crate) fn series() -> Series {
    Series {
        title: "Số cuộc sinh hoạt chi bộ theo tháng".into(),
        unit: "cuộc".into(),
        points: (1..=9).map(|m| (format!("Tháng {m}"), f64::from(180 + m * 7 % 23))).collect(),
        links: Vec::new(),
    }
}

/// An overview report of the city committee, its figures generated: three sections, a table with
/// a chart, a table with a formula-looking note, and no table in the last.
pub(crate) fn party_report() -> PartyReport {
    let rows = |rows: &[&[&str]]| rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    PartyReport {
        superior_header: "ĐẢNG BỘ TỈNH LẠNG SƠN".into(),
        issuer_header: "THÀNH ỦY LẠNG SƠN".into(),
        number: "Số   -BC/TU".into(),
        place: "Lạng Sơn".into(),
        dated: NaiveDate::from_ymd_opt(2021, 10, 17).unwrap(),
        kind: "BÁO CÁO".into(),
        title: "Kết quả nâng cao chất lượng sinh hoạt chi bộ đến ngày 17/10/2021".into(),
        sections: vec![
            ReportSection {
                heading: "I. TỔ CHỨC CƠ SỞ ĐẢNG".into(),
                paragraphs: vec![
                    "Toàn Đảng bộ có 11 tổ chức cơ sở đảng với 2.757 đảng viên.".into(),
                    "Các chi bộ duy trì sinh hoạt thường kỳ hằng tháng theo Hướng dẫn 12-HD/BTCTW.".into(),
                ],
                tables: vec![ReportTable {
                    caption: "Bảng 1: Tổ chức cơ sở đảng theo loại hình".into(),
                    columns: ["Loại hình", "Số tổ chức", "Số đảng viên", "Tỷ lệ chi bộ sinh hoạt đủ"]
                        .map(String::from)
                        .to_vec(),
                    rows: rows(&[&["Phường", "8", "2345", "100%"], &["Xã", "3", "412", "95,2%"]]),
                    chart: Some(ReportChart {
                        title: "Số tổ chức cơ sở đảng theo loại hình".into(),
                        series_columns: vec![1],
                        unit: "tổ chức".into(),
                    }),
                }],
            },
            ReportSection {
                heading: "II. SINH HOẠT CHI BỘ".into(),
                paragraphs: vec!["Một số chi bộ sinh hoạt chưa đủ thời lượng 90 phút.".into()],
                tables: vec![ReportTable {
                    caption: "Bảng 2: Chi bộ sinh hoạt chưa đủ thời lượng".into(),
                    columns: ["Chi bộ", "Ghi chú", "Số cuộc"].map(String::from).to_vec(),
                    rows: rows(&[&["Chi bộ Khối 1", "Đã nhắc nhở", "2"], &["Chi bộ Khối 12", "=1+1", "1"]]),
                    chart: None,
                }],
            },
            ReportSection {
                heading: "III. NHIỆM VỤ THỜI GIAN TỚI".into(),
                paragraphs: vec!["Tiếp tục nâng cao chất lượng sinh hoạt chi bộ.".into()],
                tables: vec![],
            },
        ],
        signer_role: "T/M BAN THƯỜNG VỤ".into(),
        signer_title: "PHÓ BÍ THƯ".into(),
        signer: "Nguyễn Văn Mẫu".into(),
        recipients: ["- Ban Tổ chức Tỉnh ủy,", "- Các đảng bộ trực thuộc,", "- Lưu Văn phòng Thành ủy."]
            .map(String::from)
            .to_vec(),
    }
}

/// One file of a ZIP package (docx, xlsx) as text.
pub(crate) fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// With COSO_REPORT_SAMPLES=1, writes one file of each kind to /tmp/coso-report-samples/ so a
/// person can open them in Word, Excel or a browser and judge the layout.
#[test]
fn write_samples_when_asked() {
    if std::env::var("COSO_REPORT_SAMPLES").as_deref() != Ok("1") {
        return;
    }
    let dir = std::path::Path::new("/tmp/coso-report-samples");
    std::fs::create_dir_all(dir).unwrap();
    let items: Vec<(String, i64, i64)> =
        quota().people.iter().map(|p| (p.name.clone(), p.attended, p.required)).collect();
    let files: [(&str, Vec<u8>); 9] = [
        ("bien-ban.docx", crate::docx::minutes(&minutes()).unwrap()),
        ("so-sinh-hoat.xlsx", crate::xlsx::meeting_register(&register()).unwrap()),
        ("du-sinh-hoat.xlsx", crate::xlsx::quota_report(&quota()).unwrap()),
        ("bieu-do.svg", crate::svg::bar_chart(&series(), 720, 360).into_bytes()),
        // Narrow, so the labels slant.
        ("bieu-do-hep.svg", crate::svg::bar_chart(&series(), 360, 260).into_bytes()),
        ("dinh-muc.svg", crate::svg::progress_bars(&items, 640).into_bytes()),
        ("bao-cao.docx", crate::party::docx(&party_report()).unwrap()),
        ("bao-cao.xlsx", crate::xlsx::party_report(&party_report()).unwrap()),
        ("bao-cao.txt", crate::text::party(&party_report()).into_bytes()),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}
