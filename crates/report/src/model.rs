//! Report models: plain data that the app layer fills and the renderers turn into files.
use chrono::NaiveDate;

/// One cell meeting as its minutes book records it (12-HD/BTCTW: the meeting names a minute-taker
/// and announces who is present, absent with reason and absent without reason).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Minutes {
    /// The superior organization, uppercase: "ĐẢNG BỘ PHƯỜNG HOÀNG VĂN THỤ".
    pub superior_header: String,
    /// The cell itself, uppercase: "CHI BỘ KHỐI 9".
    pub cell_header: String,
    /// The place name of the date line: "Lạng Sơn".
    pub place: String,
    /// "BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 9/2021"; a leading "BIÊN BẢN" gets its own line.
    pub title: String,
    pub held_on: NaiveDate,
    /// Start time as "19:30" (also accepted: "19h30", "19 giờ 30").
    pub starts_at: String,
    pub duration_minutes: i32,
    /// "Nhà văn hóa khối 9" or "Trực tuyến".
    pub venue: String,
    pub chair: String,
    pub minute_taker: String,
    /// Members called to the meeting (the cell's eligible members on that date).
    pub invited: i64,
    pub present: i64,
    /// (name, reason).
    pub absent_with_reason: Vec<(String, String)>,
    pub absent_without_reason: Vec<String>,
    /// Superior committee members who attended: (name with title, what they said).
    pub superiors: Vec<(String, String)>,
    pub topic: String,
    pub sources: String,
    pub agenda: String,
    /// How the meeting went; one paragraph per line.
    pub content: String,
    /// Questions raised by members and how they were answered; one paragraph per line.
    pub questions: String,
    pub conclusions: String,
    pub self_assessment: String,
}

/// One cell's meeting record over the register's period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CellCompliance {
    pub org_code: String,
    pub org_name: String,
    pub regular_held: i64,
    pub thematic_held: i64,
    /// Months with no regular meeting, as the reader should see them: "9/2021".
    pub months_without_regular: Vec<String>,
    /// Quarters with no thematic meeting: "III/2021".
    pub quarters_without_thematic: Vec<String>,
    /// Meetings shorter than the required length.
    pub short_meetings: i64,
    /// Share of invited members present, from 0.0 to 1.0 (shown as a percentage).
    pub attendance_rate: f64,
}

/// The register of cell meetings over a period, one line per cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingRegister {
    pub title: String,
    pub subtitle: String,
    pub cells: Vec<CellCompliance>,
}

/// One committee member's attendance of cell meetings against the quota of his level.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuotaLine {
    pub name: String,
    /// Committee level or role the quota applies to: "Thành ủy viên".
    pub level: String,
    /// The document that sets the quota: "1764-QĐ/TU".
    pub document: String,
    pub required: i64,
    pub attended: i64,
    pub shortfall: i64,
}

/// Superior attendance against quotas over a year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuotaReport {
    pub title: String,
    pub subtitle: String,
    /// All attendances by city committee members in the period.
    pub total_attendances: i64,
    pub people: Vec<QuotaLine>,
}

/// One series for a bar chart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub title: String,
    /// Unit shown after values: "cuộc", "%".
    pub unit: String,
    /// (label, value) in display order.
    pub points: Vec<(String, f64)>,
    /// The page each bar leads to, one per point in order (a chart on a page); empty for none.
    pub links: Vec<String>,
}

/// A line of the rating statistics: how many subjects of one level got each tier.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TierLine {
    pub label: String,
    pub total: i64,
    pub excellent: i64,
    pub good: i64,
    pub complete: i64,
    pub not_complete: i64,
}

/// The year's rating statistics in the usual statistical layout: one line per level (the
/// TCCSĐ, their cells, the members), counts and shares per tier, then the units below target.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RatingStatistics {
    pub title: String,
    pub subtitle: String,
    pub lines: Vec<TierLine>,
    /// (code, name, why).
    pub below_target: Vec<(String, String, String)>,
}

/// A unit's member register as of a day, in the layout of Mẫu 7-HSĐV (issue 12).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberRegister {
    /// The committee above, uppercase: "ĐẢNG BỘ THÀNH PHỐ LẠNG SƠN" (empty for a root).
    pub superior_header: String,
    /// The unit itself, uppercase: "ĐẢNG BỘ PHƯỜNG ĐÔNG KINH".
    pub unit_header: String,
    pub as_of: NaiveDate,
    /// One line a member, in the register's order (by cell, then by name).
    pub lines: Vec<RegisterLine>,
}

/// One member of a register: the fields coso keeps, and the name of the member's cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegisterLine {
    pub values: coso_domain::register::Values,
    pub cell_name: String,
}

/// A report in the party document format (36-HD/VPTW): the issuing body's header, number,
/// place and date, title, a body of numbered sections with their figures and tables, and the
/// signature block and recipients (issue 13: the overview report).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartyReport {
    /// The committee above the issuer, uppercase: "ĐẢNG BỘ TỈNH LẠNG SƠN" (empty for none).
    pub superior_header: String,
    /// The issuing body, uppercase: "THÀNH ỦY LẠNG SƠN".
    pub issuer_header: String,
    /// The number as the document is numbered: "Số   -BC/TU" (left for the office to fill).
    pub number: String,
    /// The place of the date line: "Lạng Sơn".
    pub place: String,
    pub dated: NaiveDate,
    /// The kind of document, uppercase: "BÁO CÁO".
    pub kind: String,
    /// What it is about, one sentence: "Kết quả nâng cao hiệu quả hoạt động … đến 17/10/2021".
    pub title: String,
    pub sections: Vec<ReportSection>,
    /// "T/M BAN THƯỜNG VỤ" and the title under it ("PHÓ BÍ THƯ"); empty when unsigned.
    pub signer_role: String,
    pub signer_title: String,
    pub signer: String,
    /// "Nơi nhận": one line each ("- Ban Tổ chức Tỉnh ủy,").
    pub recipients: Vec<String>,
}

/// A numbered part of a report's body: "I. TỔ CHỨC CƠ SỞ ĐẢNG", its paragraphs and tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportSection {
    pub heading: String,
    /// Paragraphs of prose, in order, each a full sentence or more.
    pub paragraphs: Vec<String>,
    /// Tables after the paragraphs.
    pub tables: Vec<ReportTable>,
}

/// A table of a report: a caption, column headings, and rows of text already formatted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportTable {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A chart of the table, when it has one: the rows' first column as labels and the
    /// named columns (by index) as series of numbers (the Excel form draws it natively).
    pub chart: Option<ReportChart>,
}

/// A column chart drawn from a table: which columns are values, and the axis' unit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportChart {
    pub title: String,
    /// Indexes of the numeric columns to draw, one series each.
    pub series_columns: Vec<usize>,
    /// "%" or "lớp" …
    pub unit: String,
}
