//! What the demo's cells talked about, by date: the current affairs of Lạng Sơn from 2019 to
//! October 2021 as the internal bulletin and Báo Lạng Sơn carried them, the quarter's thematic
//! subjects, and the questions members raised with the answers they were given.
use chrono::{Datelike, NaiveDate};

use super::day;
use super::dice::Dice;

/// Who a text suits: residential blocks and villages, offices, or any cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    Residents,
    Offices,
    Any,
}

impl Audience {
    fn suits(self, residential: bool) -> bool {
        match self {
            Audience::Residents => residential,
            Audience::Offices => !residential,
            Audience::Any => true,
        }
    }
}

/// A text current in `[from, to)`.
struct Dated<T: 'static> {
    from: NaiveDate,
    to: NaiveDate,
    audience: Audience,
    item: T,
}

const ALWAYS: (NaiveDate, NaiveDate) = (day(2019, 1, 1), day(2022, 1, 1));

const fn dated<T>(window: (NaiveDate, NaiveDate), audience: Audience, item: T) -> Dated<T> {
    Dated { from: window.0, to: window.1, audience, item }
}

/// Regular meetings' main item besides the month's tasks.
const AFFAIRS: [Dated<&str>; 22] = [
    dated(
        (day(2019, 1, 1), day(2019, 3, 1)),
        Audience::Any,
        "Tổ chức đón Tết Kỷ Hợi 2019 vui tươi, an toàn, tiết kiệm",
    ),
    dated((day(2019, 1, 1), day(2019, 6, 1)), Audience::Any, "Quán triệt Nghị quyết Trung ương 8 khóa XII"),
    dated(
        (day(2019, 5, 1), day(2019, 10, 1)),
        Audience::Any,
        "Tổng kết 50 năm thực hiện Di chúc của Chủ tịch Hồ Chí Minh",
    ),
    dated(
        (day(2019, 7, 1), day(2020, 3, 1)),
        Audience::Any,
        "Quán triệt Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp tiến tới Đại hội XIII của Đảng",
    ),
    dated((day(2019, 12, 1), day(2020, 3, 1)), Audience::Any, "Chuẩn bị đại hội chi bộ nhiệm kỳ 2020–2025"),
    dated(
        (day(2020, 1, 1), day(2020, 2, 15)),
        Audience::Any,
        "Tổ chức đón Tết Canh Tý 2020 vui tươi, an toàn, tiết kiệm",
    ),
    dated(
        (day(2020, 2, 1), day(2020, 6, 1)),
        Audience::Residents,
        "Công tác phòng, chống dịch Covid-19 trên địa bàn khối",
    ),
    dated(
        (day(2020, 2, 1), day(2020, 6, 1)),
        Audience::Offices,
        "Công tác phòng, chống dịch Covid-19 tại cơ quan, đơn vị",
    ),
    dated(
        (day(2020, 8, 1), day(2020, 11, 1)),
        Audience::Any,
        "Góp ý dự thảo các văn kiện trình Đại hội XIII của Đảng",
    ),
    dated(
        (day(2020, 8, 1), day(2020, 12, 1)),
        Audience::Any,
        "Quán triệt Nghị quyết Đại hội Đảng bộ thành phố Lạng Sơn nhiệm kỳ 2020–2025",
    ),
    dated(
        (day(2020, 11, 1), day(2021, 3, 1)),
        Audience::Any,
        "Quán triệt Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII",
    ),
    dated(
        (day(2021, 1, 1), day(2021, 3, 1)),
        Audience::Any,
        "Tổ chức đón Tết Tân Sửu 2021 an toàn, phòng, chống dịch Covid-19",
    ),
    dated(
        (day(2021, 3, 1), day(2021, 7, 1)),
        Audience::Any,
        "Học tập, quán triệt Nghị quyết Đại hội XIII của Đảng",
    ),
    dated(
        (day(2021, 3, 1), day(2021, 6, 1)),
        Audience::Any,
        "Bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021–2026",
    ),
    dated(
        (day(2021, 5, 1), day(2021, 10, 18)),
        Audience::Residents,
        "Công tác phòng, chống dịch Covid-19 trên địa bàn khối",
    ),
    dated(
        (day(2021, 5, 1), day(2021, 10, 18)),
        Audience::Offices,
        "Công tác phòng, chống dịch Covid-19 tại cơ quan, đơn vị",
    ),
    dated((day(2021, 7, 1), day(2021, 10, 18)), Audience::Any, "Vận động tiêm vắc xin phòng Covid-19"),
    dated(ALWAYS, Audience::Residents, "Xây dựng khu dân cư văn hóa"),
    dated(ALWAYS, Audience::Residents, "Giữ gìn an ninh trật tự, vệ sinh môi trường trên địa bàn khối"),
    dated(ALWAYS, Audience::Offices, "Cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh"),
    dated(ALWAYS, Audience::Offices, "Thực hiện nhiệm vụ chuyên môn của cơ quan, đơn vị"),
    dated(ALWAYS, Audience::Any, "Công tác phát triển đảng viên"),
];

/// Thematic meetings' subjects.
const THEMES: [Dated<&str>; 11] = [
    dated(
        (day(2019, 1, 1), day(2020, 1, 1)),
        Audience::Any,
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: nêu cao tinh thần trách nhiệm, chống chủ nghĩa cá nhân, nói đi đôi với làm",
    ),
    dated(
        (day(2020, 1, 1), day(2021, 1, 1)),
        Audience::Any,
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tăng cường khối đại đoàn kết toàn dân tộc",
    ),
    dated(
        (day(2021, 1, 1), day(2022, 1, 1)),
        Audience::Any,
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước",
    ),
    dated((day(2021, 4, 26), day(2022, 1, 1)), Audience::Any, PROJECT_02),
    dated(ALWAYS, Audience::Any, "Trách nhiệm nêu gương của cán bộ, đảng viên theo Quy định 08-QĐi/TW"),
    dated(
        (day(2019, 1, 1), day(2020, 1, 1)),
        Audience::Any,
        "Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng",
    ),
    dated(
        (day(2020, 3, 1), day(2022, 1, 1)),
        Audience::Any,
        "Vai trò của chi bộ và đảng viên trong phòng, chống dịch Covid-19",
    ),
    dated(
        ALWAYS,
        Audience::Residents,
        "Vai trò của đảng viên trong xây dựng khu dân cư văn hóa, đô thị văn minh",
    ),
    dated(
        ALWAYS,
        Audience::Residents,
        "Đảng viên gương mẫu thực hiện nếp sống văn minh trong việc cưới, việc tang",
    ),
    dated(ALWAYS, Audience::Offices, "Nâng cao đạo đức công vụ, cải cách hành chính ở cơ quan, đơn vị"),
    dated(ALWAYS, Audience::Any, "Nâng cao chất lượng đảng viên và công tác quản lý đảng viên"),
];

/// Đề án 02-ĐA/TU of the city committee (26/4/2021), on the quality of cell meetings in
/// 2021–2025: many cells took it as their thematic subject soon after.
const PROJECT_02: &str = "Nâng cao chất lượng sinh hoạt chi bộ theo Đề án 02-ĐA/TU";
const PROJECT_02_FROM: NaiveDate = day(2021, 4, 26);

/// Questions members raised, with what they were told: (what it was about, the answer).
const QUESTIONS: [Dated<(&str, &str)>; 12] = [
    dated(
        (day(2020, 4, 1), day(2021, 1, 1)),
        Audience::Any,
        (
            "chính sách hỗ trợ người dân gặp khó khăn do đại dịch Covid-19",
            "đối tượng, mức hỗ trợ theo Nghị quyết 42/NQ-CP và hồ sơ nộp tại Ủy ban nhân dân phường, xã",
        ),
    ),
    dated(
        (day(2021, 7, 1), day(2021, 10, 18)),
        Audience::Any,
        (
            "chính sách hỗ trợ người lao động gặp khó khăn do đại dịch Covid-19",
            "đối tượng, mức hỗ trợ theo Nghị quyết 68/NQ-CP và thời hạn nộp hồ sơ",
        ),
    ),
    dated(
        (day(2021, 6, 1), day(2021, 10, 18)),
        Audience::Any,
        (
            "lịch tiêm vắc xin phòng Covid-19 cho người cao tuổi",
            "thứ tự ưu tiên theo kế hoạch của thành phố; Trạm Y tế thông báo lịch đến từng khối, thôn",
        ),
    ),
    dated(
        (day(2021, 4, 26), day(2021, 10, 18)),
        Audience::Any,
        (
            "cách đổi mới nội dung sinh hoạt chi bộ theo Đề án 02-ĐA/TU",
            "chi ủy chọn một vấn đề thiết thực mỗi kỳ, chuẩn bị trước và gửi nội dung cho đảng viên",
        ),
    ),
    dated(
        (day(2019, 7, 1), day(2020, 4, 1)),
        Audience::Any,
        (
            "số lượng, cơ cấu chi ủy nhiệm kỳ 2020–2025",
            "thực hiện theo Chỉ thị 35-CT/TW và hướng dẫn của Ban Thường vụ Thành ủy",
        ),
    ),
    dated(
        ALWAYS,
        Audience::Residents,
        (
            "việc thu gom rác thải sinh hoạt trên địa bàn khối",
            "Công ty Cổ phần Môi trường đô thị điều chỉnh giờ thu gom; khối tuyên truyền hộ gia đình để rác đúng giờ",
        ),
    ),
    dated(
        ALWAYS,
        Audience::Residents,
        (
            "thủ tục cấp giấy chứng nhận quyền sử dụng đất cho các hộ",
            "hồ sơ nộp tại Bộ phận một cửa của Ủy ban nhân dân thành phố; thời hạn giải quyết được niêm yết công khai",
        ),
    ),
    dated(
        ALWAYS,
        Audience::Residents,
        (
            "chế độ tặng Huy hiệu Đảng và thăm hỏi đảng viên cao tuổi",
            "chi bộ lập danh sách đề nghị trước các dịp 3/2, 19/5, 2/9 và 7/11",
        ),
    ),
    dated(
        ALWAYS,
        Audience::Residents,
        (
            "việc lắp đặt đèn chiếu sáng và camera an ninh trên các ngõ của khối",
            "thành phố đưa vào kế hoạch chỉnh trang đô thị; phường khảo sát và ưu tiên các ngõ sâu",
        ),
    ),
    dated(
        ALWAYS,
        Audience::Offices,
        (
            "việc sắp xếp tổ chức bộ máy, tinh giản biên chế",
            "thực hiện theo Nghị quyết 18-NQ/TW, 19-NQ/TW và đề án của thành phố; bảo đảm chế độ cho người lao động",
        ),
    ),
    dated(
        ALWAYS,
        Audience::Offices,
        (
            "thủ tục chuyển sinh hoạt đảng tạm thời khi đi học, đi công tác dài ngày",
            "chi bộ đề nghị, Văn phòng cấp ủy cấp giấy giới thiệu sinh hoạt tạm thời",
        ),
    ),
    dated(
        ALWAYS,
        Audience::Any,
        (
            "việc kết nạp quần chúng ưu tú là con em trong khối, trong cơ quan",
            "chi bộ phân công đảng viên chính thức giúp đỡ và đề nghị học lớp nhận thức về Đảng",
        ),
    ),
];

/// What superiors asked the cell to keep doing.
pub(crate) const ADVICE: [&str; 6] = [
    "tiếp tục đổi mới nội dung sinh hoạt, chọn vấn đề sát thực tế của địa phương",
    "chuẩn bị kỹ nội dung sinh hoạt chuyên đề, phân công đảng viên chuẩn bị tham luận",
    "quan tâm công tác phát triển đảng viên",
    "nắm chắc tình hình tư tưởng của đảng viên và nhân dân",
    "duy trì nền nếp sinh hoạt, nâng cao tính chiến đấu trong sinh hoạt chi bộ",
    "tiếp tục thực hiện tốt công tác phòng, chống dịch Covid-19",
];

fn current<T: Copy>(dice: &mut Dice, list: &[Dated<T>], on: NaiveDate, residential: bool) -> Option<T> {
    let fitting: Vec<T> = list
        .iter()
        .filter(|d| d.from <= on && on < d.to && d.audience.suits(residential))
        .map(|d| d.item)
        .collect();
    (!fitting.is_empty()).then(|| *dice.pick(&fitting))
}

/// The main item of a regular meeting: the party dues in January and July, the members' rating
/// in December, otherwise a current affair.
pub(crate) fn regular_topic(dice: &mut Dice, on: NaiveDate, residential: bool) -> String {
    match on.month() {
        12 => format!("Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {}", on.year()),
        1 | 7 if dice.chance(0.5) => "Thu nộp đảng phí".into(),
        _ => current(dice, &AFFAIRS, on, residential).unwrap_or("Thực hiện nhiệm vụ chính trị").into(),
    }
}

pub(crate) fn thematic_topic(dice: &mut Dice, on: NaiveDate, residential: bool) -> String {
    if on >= PROJECT_02_FROM && dice.chance(0.35) {
        return PROJECT_02.into();
    }
    current(dice, &THEMES, on, residential)
        .unwrap_or("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
        .into()
}

/// A question members raised at a meeting on `on`, with its answer.
pub(crate) fn question(dice: &mut Dice, on: NaiveDate, residential: bool) -> (&'static str, &'static str) {
    current(dice, &QUESTIONS, on, residential).unwrap_or(QUESTIONS[QUESTIONS.len() - 1].item)
}
