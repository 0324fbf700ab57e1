//! The demo's units as data: wards and communes, the other grassroots committees, and the city's cells.
use chrono::NaiveDate;
use coso_domain::org::Sector;

use super::day;

/// Who a cell's members are: it decides their ages, occupations and how large the cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Profile {
    /// A residential block of a ward: many retired, elderly members.
    Residential,
    /// A village of a commune: farmers and traders of all ages.
    Village,
    /// The ward's own offices and mass organizations.
    WardOffice,
    CommuneOffice,
    School,
    Health,
    /// Offices of the city government and the state.
    Agency,
    /// The party's own offices and the Fatherland Front: where the city's leaders are.
    Leadership,
    Enterprise,
    Military,
    Police,
}

impl Profile {
    /// How many members a cell of this profile starts with, as a range.
    pub(crate) fn size(self) -> (i64, i64) {
        match self {
            Profile::Residential => (30, 58),
            Profile::Village => (16, 34),
            Profile::WardOffice | Profile::CommuneOffice => (14, 24),
            Profile::School => (8, 22),
            Profile::Health => (7, 20),
            Profile::Agency => (6, 24),
            Profile::Leadership => (16, 27),
            Profile::Enterprise => (6, 24),
            Profile::Military | Profile::Police => (10, 28),
        }
    }

    /// Whether members of this profile are past working age as a rule.
    pub(crate) fn is_residential(self) -> bool {
        matches!(self, Profile::Residential | Profile::Village)
    }
}

/// A ward or commune: its grassroots committee and the cells under it.
pub(crate) struct Place {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) ward: bool,
    /// Residential blocks named by number: "Chi bộ khối 1" to "Chi bộ khối N".
    pub(crate) numbered_blocks: u32,
    /// Blocks (wards) or villages (communes) known by name: (code suffix, name).
    pub(crate) named: &'static [(&'static str, &'static str)],
    /// Schools and health stations: (code suffix, cell name, profile).
    pub(crate) services: &'static [(&'static str, &'static str, Profile)],
}

pub(crate) const PLACES: [Place; 8] = [
    Place {
        code: "CL",
        name: "Chi Lăng",
        ward: true,
        numbered_blocks: 0,
        named: &[("CN", "Cửa Nam"), ("DT", "Đại Thắng"), ("VM", "Văn Miếu"), ("TT", "Tô Thị"), ("KL", "Kỳ Lừa")],
        services: &[
            ("TH", "Chi bộ Trường Tiểu học Chi Lăng", Profile::School),
            ("YT", "Chi bộ Trạm Y tế phường Chi Lăng", Profile::Health),
        ],
    },
    Place {
        code: "DK",
        name: "Đông Kinh",
        ward: true,
        numbered_blocks: 7,
        named: &[],
        services: &[("MN", "Chi bộ Trường Mầm non Đông Kinh", Profile::School)],
    },
    Place { code: "HVT", name: "Hoàng Văn Thụ", ward: true, numbered_blocks: 9, named: &[], services: &[] },
    Place {
        code: "TT",
        name: "Tam Thanh",
        ward: true,
        numbered_blocks: 6,
        named: &[],
        services: &[("TH", "Chi bộ Trường Tiểu học Tam Thanh", Profile::School)],
    },
    Place {
        code: "VT",
        name: "Vĩnh Trại",
        ward: true,
        numbered_blocks: 6,
        named: &[],
        services: &[
            ("MN", "Chi bộ Trường Mầm non Vĩnh Trại", Profile::School),
            ("YT", "Chi bộ Trạm Y tế phường Vĩnh Trại", Profile::Health),
        ],
    },
    Place {
        code: "HD",
        name: "Hoàng Đồng",
        ward: false,
        numbered_blocks: 0,
        named: &[("NC", "Nà Chuông"), ("KK", "Khòn Khuyển"), ("PM", "Pò Mỏ"), ("BT", "Bản Thẩu"), ("NCA", "Nà Cạn"), ("KP", "Khòn Pát")],
        services: &[("TH", "Chi bộ Trường Tiểu học Hoàng Đồng", Profile::School)],
    },
    Place {
        code: "MP",
        name: "Mai Pha",
        ward: false,
        numbered_blocks: 0,
        named: &[("NP", "Nà Pàn"), ("KC", "Khòn Coọng"), ("RP", "Rọ Phải"), ("KCA", "Kéo Cạn"), ("PD", "Pò Đứa")],
        services: &[("TH", "Chi bộ Trường Tiểu học Mai Pha", Profile::School)],
    },
    Place {
        code: "QL",
        name: "Quảng Lạc",
        ward: false,
        numbered_blocks: 0,
        named: &[("NS", "Nà Sàng"), ("NL", "Nà Lầm"), ("PS", "Pò Sóc"), ("KKH", "Khòn Khoang"), ("BL", "Bản Làn")],
        services: &[("YT", "Chi bộ Trạm Y tế xã Quảng Lạc", Profile::Health)],
    },
];

/// A grassroots committee that is not a ward or commune, with its cells: (code suffix, name).
pub(crate) struct Committee {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) sector: Sector,
    pub(crate) profile: Profile,
    pub(crate) cells: &'static [(&'static str, &'static str)],
}

pub(crate) const COMMITTEES: [Committee; 5] = [
    Committee {
        code: "QS",
        name: "Đảng bộ Quân sự thành phố",
        sector: Sector::ArmedForces,
        profile: Profile::Military,
        cells: &[
            ("CH", "Chi bộ Chỉ huy"),
            ("TM", "Chi bộ Cơ quan Tham mưu"),
            ("CT", "Chi bộ Cơ quan Chính trị - Hậu cần - Kỹ thuật"),
            ("DQ", "Chi bộ Trung đội Dân quân thường trực"),
        ],
    },
    Committee {
        code: "CA",
        name: "Đảng bộ Công an thành phố",
        sector: Sector::ArmedForces,
        profile: Profile::Police,
        cells: &[
            ("TH", "Chi bộ Đội Tham mưu - Tổng hợp"),
            ("AN", "Chi bộ Đội An ninh"),
            ("HS", "Chi bộ Đội Cảnh sát hình sự - Kinh tế - Ma túy"),
            ("GT", "Chi bộ Đội Cảnh sát giao thông - Trật tự"),
            ("MP", "Chi bộ Công an xã Mai Pha"),
        ],
    },
    Committee {
        code: "CQ",
        name: "Đảng bộ Cơ quan Chính quyền thành phố",
        sector: Sector::Agency,
        profile: Profile::Agency,
        cells: &[
            ("VP", "Chi bộ Văn phòng HĐND và UBND thành phố"),
            ("TCKH", "Chi bộ Phòng Tài chính - Kế hoạch"),
            ("NV", "Chi bộ Phòng Nội vụ"),
            ("TNMT", "Chi bộ Phòng Tài nguyên và Môi trường"),
            ("KT", "Chi bộ Phòng Kinh tế"),
            ("TTR", "Chi bộ Thanh tra thành phố"),
        ],
    },
    Committee {
        code: "YT",
        name: "Đảng bộ Trung tâm Y tế thành phố",
        sector: Sector::Agency,
        profile: Profile::Health,
        cells: &[
            ("HC", "Chi bộ Phòng Hành chính - Tổng hợp"),
            ("KB", "Chi bộ Khoa Khám bệnh - Cấp cứu"),
            ("NOI", "Chi bộ Khoa Nội - Nhi - Truyền nhiễm"),
            ("NGS", "Chi bộ Khoa Ngoại - Sản"),
            ("KSBT", "Chi bộ Khoa Kiểm soát bệnh tật"),
        ],
    },
    Committee {
        code: "MTDT",
        name: "Đảng bộ Công ty Cổ phần Môi trường đô thị Lạng Sơn",
        sector: Sector::Enterprise,
        profile: Profile::Enterprise,
        cells: &[
            ("VP", "Chi bộ Khối Văn phòng"),
            ("VS1", "Chi bộ Đội Vệ sinh môi trường số 1"),
            ("VS2", "Chi bộ Đội Vệ sinh môi trường số 2"),
            ("CX", "Chi bộ Đội Cây xanh - Chiếu sáng"),
        ],
    },
];

/// A grassroots cell directly under the city committee.
pub(crate) struct CityCell {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) sector: Sector,
    pub(crate) profile: Profile,
    /// Founded after coso's history begins: (date, decision).
    pub(crate) founded: Option<(NaiveDate, &'static str)>,
}

const fn cell(code: &'static str, name: &'static str, sector: Sector, profile: Profile) -> CityCell {
    CityCell { code, name, sector, profile, founded: None }
}

use Profile::{Agency, Enterprise, Leadership, Military, Police, School};
use Sector::{Agency as AgencySector, ArmedForces, Enterprise as EnterpriseSector};

/// The 61 cells of 2015 and the one founded in 2018; one is dissolved in 2017 and one merged
/// in 2020, which leaves the article's 60.
pub(crate) const CITY_CELLS: [CityCell; 62] = [
    cell("CQD", "Chi bộ các cơ quan Đảng thành phố", AgencySector, Leadership),
    cell("TTCT", "Chi bộ Trung tâm Chính trị thành phố", AgencySector, Leadership),
    cell("MTTQ", "Chi bộ Cơ quan Mặt trận Tổ quốc và các đoàn thể thành phố", AgencySector, Leadership),
    cell("GD", "Chi bộ Phòng Giáo dục và Đào tạo", AgencySector, Agency),
    cell("QLDT", "Chi bộ Phòng Quản lý đô thị", AgencySector, Agency),
    cell("TTDT", "Chi bộ Đội Quản lý trật tự đô thị", AgencySector, Agency),
    cell("LDXH", "Chi bộ Phòng Lao động - Thương binh và Xã hội", AgencySector, Agency),
    cell("VHTT", "Chi bộ Phòng Văn hóa và Thông tin", AgencySector, Agency),
    cell("TP", "Chi bộ Phòng Tư pháp", AgencySector, Agency),
    cell("PYT", "Chi bộ Phòng Y tế thành phố", AgencySector, Agency),
    cell("TTTH", "Chi bộ Đài Truyền thanh - Truyền hình thành phố", AgencySector, Agency),
    CityCell {
        code: "BQLDA",
        name: "Chi bộ Ban Quản lý dự án đầu tư xây dựng thành phố",
        sector: AgencySector,
        profile: Agency,
        founded: Some((day(2018, 3, 1), "512-QĐ/TU")),
    },
    cell("PTQD", "Chi bộ Trung tâm Phát triển quỹ đất thành phố", AgencySector, Agency),
    cell("VPDK", "Chi bộ Chi nhánh Văn phòng Đăng ký đất đai thành phố", AgencySector, Agency),
    cell("CHO", "Chi bộ Ban Quản lý các chợ thành phố", AgencySector, Agency),
    cell("DTDT", "Chi bộ Ban Quản lý di tích và danh thắng thành phố", AgencySector, Agency),
    cell("NVH", "Chi bộ Nhà Văn hóa thiếu nhi thành phố", AgencySector, Agency),
    cell("DVNN", "Chi bộ Trung tâm Dịch vụ nông nghiệp thành phố", AgencySector, Agency),
    cell("GDNN", "Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên thành phố", AgencySector, School),
    cell("THUE", "Chi bộ Chi cục Thuế thành phố", AgencySector, Agency),
    cell("KBNN", "Chi bộ Kho bạc Nhà nước thành phố", AgencySector, Agency),
    cell("VKS", "Chi bộ Viện Kiểm sát nhân dân thành phố", AgencySector, Agency),
    cell("TAND", "Chi bộ Tòa án nhân dân thành phố", AgencySector, Agency),
    cell("THA", "Chi bộ Chi cục Thi hành án dân sự thành phố", AgencySector, Agency),
    cell("TK", "Chi bộ Chi cục Thống kê thành phố", AgencySector, Agency),
    cell("BHXH", "Chi bộ Bảo hiểm xã hội thành phố", AgencySector, Agency),
    cell("NHCS", "Chi bộ Phòng giao dịch Ngân hàng Chính sách xã hội thành phố", AgencySector, Agency),
    cell("KL", "Chi bộ Hạt Kiểm lâm thành phố", AgencySector, Agency),
    cell("QLTT", "Chi bộ Đội Quản lý thị trường số 1", AgencySector, Agency),
    cell("THCS-TT", "Chi bộ Trường THCS Tam Thanh", AgencySector, School),
    cell("THCS-CL", "Chi bộ Trường THCS Chi Lăng", AgencySector, School),
    cell("THCS-HVT", "Chi bộ Trường THCS Hoàng Văn Thụ", AgencySector, School),
    cell("THCS-DK", "Chi bộ Trường THCS Đông Kinh", AgencySector, School),
    cell("THCS-VT", "Chi bộ Trường THCS Vĩnh Trại", AgencySector, School),
    cell("THCS-HD", "Chi bộ Trường THCS Hoàng Đồng", AgencySector, School),
    cell("THCS-QL", "Chi bộ Trường THCS Quảng Lạc", AgencySector, School),
    cell("THCS-MP", "Chi bộ Trường THCS Mai Pha", AgencySector, School),
    cell("TH-HVT", "Chi bộ Trường Tiểu học Hoàng Văn Thụ", AgencySector, School),
    cell("TH-DK", "Chi bộ Trường Tiểu học Đông Kinh", AgencySector, School),
    cell("TH-VT", "Chi bộ Trường Tiểu học Vĩnh Trại", AgencySector, School),
    cell("TH-QL", "Chi bộ Trường Tiểu học Quảng Lạc", AgencySector, School),
    cell("MN-HH", "Chi bộ Trường Mầm non Hoa Hồng", AgencySector, School),
    cell("MN-HS", "Chi bộ Trường Mầm non Hoa Sen", AgencySector, School),
    cell("MN-HM", "Chi bộ Trường Mầm non Hoa Mai", AgencySector, School),
    cell("MN-HPL", "Chi bộ Trường Mầm non Hoa Phong Lan", AgencySector, School),
    cell("MN-SC", "Chi bộ Trường Mầm non Sơn Ca", AgencySector, School),
    cell("MN-TT", "Chi bộ Trường Mầm non Tuổi Thơ", AgencySector, School),
    cell("BD", "Chi bộ Bưu điện thành phố", EnterpriseSector, Enterprise),
    cell("DL", "Chi bộ Điện lực thành phố", EnterpriseSector, Enterprise),
    cell("AGR", "Chi bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh thành phố", EnterpriseSector, Enterprise),
    cell("CNTP", "Chi bộ Xí nghiệp Cấp nước thành phố", EnterpriseSector, Enterprise),
    cell("VTKL", "Chi bộ Công ty Cổ phần Vận tải Kỳ Lừa", EnterpriseSector, Enterprise),
    cell("XDPV", "Chi bộ Công ty TNHH Xây dựng Phai Vệ", EnterpriseSector, Enterprise),
    cell("DLTT", "Chi bộ Công ty Cổ phần Du lịch Nhị Tam Thanh", EnterpriseSector, Enterprise),
    cell("TMDB", "Chi bộ Công ty TNHH Thương mại Đông Bắc", EnterpriseSector, Enterprise),
    cell("BX", "Chi bộ Công ty Cổ phần Bến xe khách thành phố", EnterpriseSector, Enterprise),
    cell("IN", "Chi bộ Công ty Cổ phần In và Bao bì Kỳ Lừa", EnterpriseSector, Enterprise),
    cell("HTX", "Chi bộ Hợp tác xã Dịch vụ nông nghiệp Mai Pha", EnterpriseSector, Enterprise),
    cell("VTNN", "Chi bộ Công ty Cổ phần Vật tư Nông nghiệp thành phố", EnterpriseSector, Enterprise),
    cell("PCCC", "Chi bộ Đội Cảnh sát Phòng cháy, chữa cháy và Cứu nạn, cứu hộ", ArmedForces, Police),
    cell("DQCD", "Chi bộ Đại đội Dân quân tự vệ cơ động thành phố", ArmedForces, Military),
    cell("KSQS", "Chi bộ Đội Kiểm soát quân sự khu vực thành phố", ArmedForces, Military),
];
