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
        named: &[
            ("CN", "Cửa Nam"),
            ("DT", "Đại Thắng"),
            ("VM", "Văn Miếu"),
            ("TT", "Tô Thị"),
            ("KL", "Kỳ Lừa"),
        ],
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
        // Ten cells: the seed's 80% of 2017 and 100% of 2020 are shares of them.
        services: &[
            ("MN", "Chi bộ Trường Mầm non Đông Kinh", Profile::School),
            ("YT", "Chi bộ Trạm Y tế phường Đông Kinh", Profile::Health),
        ],
    },
    Place {
        code: "HVT", name: "Hoàng Văn Thụ", ward: true, numbered_blocks: 9, named: &[], services: &[]
    },
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
        named: &[
            ("NC", "Nà Chuông"),
            ("KK", "Khòn Khuyển"),
            ("PM", "Pò Mỏ"),
            ("BT", "Bản Thẩu"),
            ("NCA", "Nà Cạn"),
            ("KP", "Khòn Pát"),
        ],
        services: &[("TH", "Chi bộ Trường Tiểu học Hoàng Đồng", Profile::School)],
    },
    Place {
        code: "MP",
        name: "Mai Pha",
        ward: false,
        numbered_blocks: 0,
        named: &[
            ("NP", "Nà Pàn"),
            ("KC", "Khòn Coọng"),
            ("RP", "Rọ Phải"),
            ("KCA", "Kéo Cạn"),
            ("PD", "Pò Đứa"),
        ],
        services: &[("TH", "Chi bộ Trường Tiểu học Mai Pha", Profile::School)],
    },
    Place {
        code: "QL",
        name: "Quảng Lạc",
        ward: false,
        numbered_blocks: 0,
        named: &[
            ("NS", "Nà Sàng"),
            ("NL", "Nà Lầm"),
            ("PS", "Pò Sóc"),
            ("KKH", "Khòn Khoang"),
            ("BL", "Bản Làn"),
        ],
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

/// Grassroots cells directly under the city committee, of one sector and profile:
/// (code suffix, name).
pub(crate) struct CellGroup {
    pub(crate) sector: Sector,
    pub(crate) profile: Profile,
    pub(crate) cells: &'static [(&'static str, &'static str)],
}

/// Cells founded after coso's history begins: (code suffix, date, decision).
pub(crate) const LATER_FOUNDINGS: [(&str, NaiveDate, &str); 1] = [("BQLDA", day(2018, 3, 1), "512-QĐ/TU")];

/// The 61 cells of 2015 and the one founded in 2018; one is dissolved in 2017 and one merged
/// in 2020, which leaves the article's 60.
pub(crate) const CITY_CELLS: [CellGroup; 6] = [
    CellGroup {
        sector: Sector::Agency,
        profile: Profile::Leadership,
        cells: &[
            ("CQD", "Chi bộ các cơ quan Đảng thành phố"),
            ("TTCT", "Chi bộ Trung tâm Chính trị thành phố"),
            ("MTTQ", "Chi bộ Cơ quan Mặt trận Tổ quốc và các đoàn thể thành phố"),
        ],
    },
    CellGroup {
        sector: Sector::Agency,
        profile: Profile::Agency,
        cells: &[
            ("GD", "Chi bộ Phòng Giáo dục và Đào tạo"),
            ("QLDT", "Chi bộ Phòng Quản lý đô thị"),
            ("TTDT", "Chi bộ Đội Quản lý trật tự đô thị"),
            ("LDXH", "Chi bộ Phòng Lao động - Thương binh và Xã hội"),
            ("VHTT", "Chi bộ Phòng Văn hóa và Thông tin"),
            ("TP", "Chi bộ Phòng Tư pháp"),
            ("PYT", "Chi bộ Phòng Y tế thành phố"),
            ("TTTH", "Chi bộ Đài Truyền thanh - Truyền hình thành phố"),
            ("BQLDA", "Chi bộ Ban Quản lý dự án đầu tư xây dựng thành phố"),
            ("PTQD", "Chi bộ Trung tâm Phát triển quỹ đất thành phố"),
            ("VPDK", "Chi bộ Chi nhánh Văn phòng Đăng ký đất đai thành phố"),
            ("CHO", "Chi bộ Ban Quản lý các chợ thành phố"),
            ("DTDT", "Chi bộ Ban Quản lý di tích và danh thắng thành phố"),
            ("NVH", "Chi bộ Nhà Văn hóa thiếu nhi thành phố"),
            ("DVNN", "Chi bộ Trung tâm Dịch vụ nông nghiệp thành phố"),
            ("THUE", "Chi bộ Chi cục Thuế thành phố"),
            ("KBNN", "Chi bộ Kho bạc Nhà nước thành phố"),
            ("VKS", "Chi bộ Viện Kiểm sát nhân dân thành phố"),
            ("TAND", "Chi bộ Tòa án nhân dân thành phố"),
            ("THA", "Chi bộ Chi cục Thi hành án dân sự thành phố"),
            ("TK", "Chi bộ Chi cục Thống kê thành phố"),
            ("BHXH", "Chi bộ Bảo hiểm xã hội thành phố"),
            ("NHCS", "Chi bộ Phòng giao dịch Ngân hàng Chính sách xã hội thành phố"),
            ("KL", "Chi bộ Hạt Kiểm lâm thành phố"),
            ("QLTT", "Chi bộ Đội Quản lý thị trường số 1"),
        ],
    },
    CellGroup {
        sector: Sector::Agency,
        profile: Profile::School,
        cells: &[
            ("GDNN", "Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên thành phố"),
            ("THCS-TT", "Chi bộ Trường THCS Tam Thanh"),
            ("THCS-CL", "Chi bộ Trường THCS Chi Lăng"),
            ("THCS-HVT", "Chi bộ Trường THCS Hoàng Văn Thụ"),
            ("THCS-DK", "Chi bộ Trường THCS Đông Kinh"),
            ("THCS-VT", "Chi bộ Trường THCS Vĩnh Trại"),
            ("THCS-HD", "Chi bộ Trường THCS Hoàng Đồng"),
            ("THCS-QL", "Chi bộ Trường THCS Quảng Lạc"),
            ("THCS-MP", "Chi bộ Trường THCS Mai Pha"),
            ("TH-HVT", "Chi bộ Trường Tiểu học Hoàng Văn Thụ"),
            ("TH-DK", "Chi bộ Trường Tiểu học Đông Kinh"),
            ("TH-VT", "Chi bộ Trường Tiểu học Vĩnh Trại"),
            ("TH-QL", "Chi bộ Trường Tiểu học Quảng Lạc"),
            ("MN-HH", "Chi bộ Trường Mầm non Hoa Hồng"),
            ("MN-HS", "Chi bộ Trường Mầm non Hoa Sen"),
            ("MN-HM", "Chi bộ Trường Mầm non Hoa Mai"),
            ("MN-HPL", "Chi bộ Trường Mầm non Hoa Phong Lan"),
            ("MN-SC", "Chi bộ Trường Mầm non Sơn Ca"),
            ("MN-TT", "Chi bộ Trường Mầm non Tuổi Thơ"),
        ],
    },
    CellGroup {
        sector: Sector::Enterprise,
        profile: Profile::Enterprise,
        cells: &[
            ("BD", "Chi bộ Bưu điện thành phố"),
            ("DL", "Chi bộ Điện lực thành phố"),
            ("AGR", "Chi bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh thành phố"),
            ("CNTP", "Chi bộ Xí nghiệp Cấp nước thành phố"),
            ("VTKL", "Chi bộ Công ty Cổ phần Vận tải Kỳ Lừa"),
            ("XDPV", "Chi bộ Công ty TNHH Xây dựng Phai Vệ"),
            ("DLTT", "Chi bộ Công ty Cổ phần Du lịch Nhị Tam Thanh"),
            ("TMDB", "Chi bộ Công ty TNHH Thương mại Đông Bắc"),
            ("BX", "Chi bộ Công ty Cổ phần Bến xe khách thành phố"),
            ("IN", "Chi bộ Công ty Cổ phần In và Bao bì Kỳ Lừa"),
            ("HTX", "Chi bộ Hợp tác xã Dịch vụ nông nghiệp Mai Pha"),
            ("VTNN", "Chi bộ Công ty Cổ phần Vật tư Nông nghiệp thành phố"),
        ],
    },
    CellGroup {
        sector: Sector::ArmedForces,
        profile: Profile::Police,
        cells: &[("PCCC", "Chi bộ Đội Cảnh sát Phòng cháy, chữa cháy và Cứu nạn, cứu hộ")],
    },
    CellGroup {
        sector: Sector::ArmedForces,
        profile: Profile::Military,
        cells: &[
            ("DQCD", "Chi bộ Đại đội Dân quân tự vệ cơ động thành phố"),
            ("KSQS", "Chi bộ Đội Kiểm soát quân sự khu vực thành phố"),
        ],
    },
];
