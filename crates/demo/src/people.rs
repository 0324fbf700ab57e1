//! Generated people of Lạng Sơn for the demo: birth, sex, home town, residence, schooling and
//! work by the kind of cell they belong to; their names come from [`super::names`].
use chrono::{Datelike, Days, NaiveDate};
use coso_domain::member::Sex;

use super::dice::Dice;
use super::names::{self, ETHNICITIES, RELIGIONS};
use super::tree::{HISTORY_START, Tree, Unit};
use super::units::Profile;

/// The province code of generated citizen ids: held by no province (they run 001–096).
const DEMO_PROVINCE: &str = "000";

/// A generated person, as the member form takes one.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub(crate) full_name: String,
    pub(crate) born_on: NaiveDate,
    pub(crate) sex: Sex,
    pub(crate) ethnicity: &'static str,
    pub(crate) religion: &'static str,
    pub(crate) home_town: String,
    pub(crate) residence: String,
    pub(crate) education: &'static str,
    pub(crate) theory_level: &'static str,
    pub(crate) profession: &'static str,
    pub(crate) occupation: &'static str,
    pub(crate) cccd: String,
    pub(crate) phone: Option<String>,
}

/// Districts of Lạng Sơn with a few of their communes, for home towns.
const HOME_DISTRICTS: [(&str, [&str; 3]); 11] = [
    ("huyện Cao Lộc", ["Hợp Thành", "Gia Cát", "Tân Liên"]),
    ("huyện Văn Lãng", ["Hoàng Việt", "Tân Mỹ", "Thụy Hùng"]),
    ("huyện Tràng Định", ["Đại Đồng", "Hùng Sơn", "Quốc Việt"]),
    ("huyện Bình Gia", ["Tân Văn", "Hồng Phong", "Mông Ân"]),
    ("huyện Văn Quan", ["Văn An", "Tràng Phái", "Yên Phúc"]),
    ("huyện Bắc Sơn", ["Vũ Lăng", "Hưng Vũ", "Chiến Thắng"]),
    ("huyện Hữu Lũng", ["Minh Sơn", "Đồng Tân", "Yên Thịnh"]),
    ("huyện Chi Lăng", ["Quang Lang", "Vân Thủy", "Bằng Mạc"]),
    ("huyện Lộc Bình", ["Khuất Xá", "Tú Đoạn", "Yên Khoái"]),
    ("huyện Đình Lập", ["Kiên Mộc", "Bắc Xa", "Châu Sơn"]),
    ("thành phố Lạng Sơn", ["Mai Pha", "Hoàng Đồng", "Quảng Lạc"]),
];
/// Where Kinh families who came to Lạng Sơn often come from.
const LOWLAND_HOMES: [&str; 5] = [
    "huyện Vũ Thư, tỉnh Thái Bình",
    "huyện Hải Hậu, tỉnh Nam Định",
    "huyện Gia Lâm, thành phố Hà Nội",
    "huyện Kim Thành, tỉnh Hải Dương",
    "huyện Yên Dũng, tỉnh Bắc Giang",
];

/// (occupation, profession) pairs by profile, for members of working age.
fn work(profile: Profile) -> &'static [(&'static str, &'static str)] {
    match profile {
        Profile::Residential => &[
            ("Kinh doanh", "Trung cấp Kế toán"),
            ("Lao động tự do", "Không"),
            ("Công nhân", "Công nhân kỹ thuật"),
            ("Viên chức", "Đại học Kinh tế"),
        ],
        Profile::Village => {
            &[("Nông dân", "Không"), ("Nông dân", "Trung cấp Nông lâm"), ("Kinh doanh", "Không")]
        }
        Profile::WardOffice | Profile::CommuneOffice => &[
            ("Công chức", "Đại học Luật"),
            ("Công chức", "Đại học Hành chính"),
            ("Công chức", "Đại học Kinh tế"),
            ("Cán bộ đoàn thể", "Đại học Nông lâm"),
        ],
        Profile::School => &[
            ("Giáo viên", "Đại học Sư phạm"),
            ("Giáo viên", "Cao đẳng Sư phạm"),
            ("Giáo viên", "Đại học Sư phạm Mầm non"),
            ("Nhân viên", "Trung cấp Kế toán"),
        ],
        Profile::Health => &[
            ("Bác sĩ", "Bác sĩ đa khoa"),
            ("Điều dưỡng", "Cử nhân Điều dưỡng"),
            ("Dược sĩ", "Dược sĩ đại học"),
            ("Y sĩ", "Trung cấp Y"),
        ],
        Profile::Agency => &[
            ("Công chức", "Đại học Kinh tế"),
            ("Công chức", "Đại học Luật"),
            ("Viên chức", "Đại học Xây dựng"),
            ("Viên chức", "Đại học Công nghệ thông tin"),
        ],
        Profile::Leadership => &[
            ("Công chức", "Thạc sĩ Quản lý kinh tế"),
            ("Công chức", "Đại học Luật"),
            ("Công chức", "Đại học Xây dựng Đảng"),
        ],
        Profile::Enterprise => &[
            ("Công nhân", "Công nhân kỹ thuật"),
            ("Nhân viên", "Cao đẳng Kế toán"),
            ("Kỹ sư", "Đại học Xây dựng"),
        ],
        Profile::Military => &[
            ("Sĩ quan quân đội", "Đại học Chỉ huy tham mưu"),
            ("Quân nhân chuyên nghiệp", "Trung cấp Quân sự"),
        ],
        Profile::Police => &[("Sĩ quan công an", "Đại học An ninh"), ("Sĩ quan công an", "Đại học Cảnh sát")],
    }
}

/// The years a member of this profile is born in, with weights.
fn birth_years(profile: Profile) -> &'static [((i32, i32), u32)] {
    match profile {
        Profile::Residential => {
            &[((1945, 1955), 45), ((1956, 1965), 30), ((1966, 1980), 15), ((1981, 1997), 10)]
        }
        Profile::Village => &[((1945, 1960), 25), ((1961, 1980), 40), ((1981, 1998), 35)],
        Profile::Leadership => &[((1962, 1975), 50), ((1976, 1992), 50)],
        Profile::Military | Profile::Police => &[((1968, 1985), 50), ((1986, 2000), 50)],
        _ => &[((1962, 1975), 40), ((1976, 1998), 60)],
    }
}

fn female_share(profile: Profile) -> f64 {
    match profile {
        Profile::School => 0.8,
        Profile::Health => 0.65,
        Profile::Military => 0.05,
        Profile::Police => 0.15,
        Profile::Enterprise | Profile::Village => 0.3,
        _ => 0.42,
    }
}

/// A generated person for a cell of the tree; `serial` numbers the person in the demo and
/// keeps CCCDs unique. Members of cells that are not residential live in a residential block.
pub(crate) fn person(dice: &mut Dice, tree: &Tree, unit: &Unit, serial: u64) -> Person {
    let profile = unit.profile;
    let (first, last) = *dice.weighted(birth_years(profile));
    let year = dice.between(i64::from(first), i64::from(last)) as i32;
    let born_on = new_year(year) + Days::new(dice.below(365));
    let sex = if dice.chance(female_share(profile)) { Sex::Female } else { Sex::Male };
    let ethnicity = *dice.weighted(&ETHNICITIES);
    let full_name = names::full_name(dice, ethnicity, sex, year);
    let home_town = if ethnicity == "Kinh" && dice.chance(0.4) {
        (*dice.pick(&LOWLAND_HOMES)).to_string()
    } else {
        let (district, communes) = dice.pick(&HOME_DISTRICTS);
        format!("xã {}, {district}, tỉnh Lạng Sơn", dice.pick(communes))
    };
    let locality = match &unit.locality {
        Some(locality) => locality.as_str(),
        None => {
            let blocks: Vec<&str> = tree
                .units
                .iter()
                .filter(|u| u.profile == Profile::Residential)
                .filter_map(|u| u.locality.as_deref())
                .collect();
            *dice.pick(&blocks)
        }
    };
    let residence = format!("{locality}, thành phố Lạng Sơn");
    let retired = year <= 1961;
    let (occupation, profession) = if retired && profile.is_residential() {
        (
            "Hưu trí",
            *dice.pick(&["Trung cấp Kế toán", "Cao đẳng Sư phạm", "Đại học Kinh tế", "Trung cấp Y", "Không"]),
        )
    } else {
        *dice.pick(work(profile))
    };
    let education =
        if year < 1960 { *dice.weighted(&[("10/10", 5), ("7/10", 2), ("12/12", 3)]) } else { "12/12" };
    let theory_level = match profile {
        Profile::Residential | Profile::Village => {
            *dice.weighted(&[("Sơ cấp", 7), ("Trung cấp", 2), ("Chưa qua đào tạo", 1)])
        }
        Profile::Leadership => *dice.weighted(&[("Cao cấp", 5), ("Trung cấp", 4), ("Sơ cấp", 1)]),
        Profile::WardOffice | Profile::CommuneOffice | Profile::Agency => {
            *dice.weighted(&[("Trung cấp", 5), ("Sơ cấp", 4), ("Cao cấp", 1)])
        }
        _ => *dice.weighted(&[("Sơ cấp", 7), ("Trung cấp", 3)]),
    };
    // CCCD: a province code, a digit for sex and century, two for the birth year, six serial.
    // The province code is 000, which no province holds (they run 001–096), so no generated
    // number is a real person's; Lạng Sơn's own code would be 020.
    let sex_century = match (sex, year >= 2000) {
        (Sex::Male, false) => 0,
        (Sex::Female, false) => 1,
        (Sex::Male, true) => 2,
        (Sex::Female, true) => 3,
    };
    let cccd =
        format!("{DEMO_PROVINCE}{sex_century}{:02}{:06}", year % 100, (serial * 7919 + 104_729) % 1_000_000);
    // Phones start 010: the 01x prefixes were withdrawn in 2018 and no ten-digit number under
    // them is assigned.
    let phone = dice.chance(0.75).then(|| format!("010{:07}", dice.below(10_000_000)));
    let religion = *dice.weighted(&RELIGIONS);
    Person {
        full_name,
        born_on,
        sex,
        ethnicity,
        religion,
        home_town,
        residence,
        education,
        theory_level,
        profession,
        occupation,
        cccd,
        phone,
    }
}

/// The first day of a year (a year the demo can name always has one).
pub(crate) fn new_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(HISTORY_START)
}

/// The date `years` whole years after `date` (28 February for a 29 February birthday).
pub(crate) fn years_after(date: NaiveDate, years: i32) -> NaiveDate {
    let year = date.year() + years;
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::tree::Tree;

    #[test]
    fn people_carry_identity_and_phone_numbers_no_real_person_holds() {
        let tree = Tree::lang_son();
        let unit = tree.unit("LS-HVT-K9").unwrap();
        let mut dice = Dice::new(1);
        for serial in 0..2000 {
            let p = person(&mut dice, &tree, unit, serial);
            assert!(coso_domain::member::check_cccd(&p.cccd).is_ok(), "{}", p.cccd);
            assert!(p.cccd.starts_with(DEMO_PROVINCE), "{}", p.cccd);
            assert!(
                p.phone.as_deref().is_none_or(|n| n.len() == 10 && n.starts_with("010")),
                "{:?}",
                p.phone
            );
            assert!(p.residence.starts_with("khối 9, phường Hoàng Văn Thụ"), "{}", p.residence);
        }
    }

    #[test]
    fn whole_years_after_a_leap_day() {
        let leap = NaiveDate::from_ymd_opt(2000, 2, 29).unwrap();
        assert_eq!(years_after(leap, 18), NaiveDate::from_ymd_opt(2018, 2, 28).unwrap());
    }
}
