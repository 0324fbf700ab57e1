//! Names of the demo's people: ethnicities, religions, family, middle and given names as common
//! in Lạng Sơn. The given names of the people the seed article quotes are left out, so no
//! generated member can carry a real person's name from it.
use coso_domain::member::Sex;

use super::dice::Dice;

/// Most members follow no religion.
pub(crate) const RELIGIONS: [(&str, u32); 2] = [("Không", 97), ("Phật giáo", 3)];
/// The peoples of Lạng Sơn's members, with weights.
pub(crate) const ETHNICITIES: [(&str, u32); 6] =
    [("Tày", 42), ("Nùng", 33), ("Kinh", 20), ("Dao", 2), ("Sán Chay", 2), ("Hoa", 1)];

/// Family names as common among each people of Lạng Sơn.
fn family_names(ethnicity: &str) -> &'static [(&'static str, u32)] {
    match ethnicity {
        "Tày" | "Nùng" => &[
            ("Hoàng", 20),
            ("Nông", 12),
            ("Lương", 9),
            ("Vi", 8),
            ("Nguyễn", 8),
            ("Lăng", 5),
            ("Lộc", 5),
            ("Chu", 4),
            ("Hà", 5),
            ("Triệu", 4),
            ("Lý", 4),
            ("Mã", 3),
            ("Hứa", 3),
            ("Đinh", 3),
            ("Dương", 3),
            ("Bế", 3),
            ("Lục", 2),
            ("Vy", 2),
            ("La", 2),
        ],
        "Dao" => &[("Triệu", 5), ("Bàn", 4), ("Lý", 3), ("Đặng", 3)],
        "Sán Chay" => &[("Lâm", 3), ("Hoàng", 3), ("Trương", 2), ("Lục", 1)],
        "Hoa" => &[("Lý", 3), ("Trương", 3), ("Lâm", 2), ("Hoàng", 2)],
        _ => &[
            ("Nguyễn", 30),
            ("Trần", 10),
            ("Lê", 8),
            ("Phạm", 8),
            ("Hoàng", 6),
            ("Vũ", 5),
            ("Đỗ", 4),
            ("Bùi", 4),
            ("Đặng", 3),
            ("Phan", 3),
            ("Đinh", 3),
            ("Dương", 2),
        ],
    }
}

const MALE_MIDDLE: [(&str, u32); 14] = [
    ("Văn", 40),
    ("Đức", 8),
    ("Minh", 8),
    ("Quang", 6),
    ("Hữu", 5),
    ("Thanh", 5),
    ("Xuân", 4),
    ("Ngọc", 3),
    ("Đình", 4),
    ("Công", 4),
    ("Mạnh", 3),
    ("Tiến", 3),
    ("Quốc", 3),
    ("Trung", 3),
];
const FEMALE_MIDDLE: [(&str, u32); 10] = [
    ("Thị", 50),
    ("Thu", 6),
    ("Thanh", 6),
    ("Ngọc", 5),
    ("Minh", 4),
    ("Kim", 4),
    ("Phương", 4),
    ("Bích", 3),
    ("Hải", 2),
    ("Hoài", 2),
];
/// Without the given names of the people the seed article quotes.
const MALE_GIVEN: [&str; 36] = [
    "Hùng", "Dũng", "Tuấn", "Hải", "Long", "Thành", "Sơn", "Bình", "Toàn", "Khánh", "Lâm", "Hưng", "Phong",
    "Quý", "Tùng", "Vinh", "Hiếu", "Nam", "Trung", "Đạt", "Kiên", "Lợi", "Chiến", "Tâm", "Hoàn", "Quyết",
    "Tuyên", "Luân", "Thịnh", "Việt", "Hòa", "Đông", "Phúc", "Huy", "Cường", "Chung",
];
const FEMALE_GIVEN: [&str; 30] = [
    "Lan",
    "Hương",
    "Hà",
    "Hoa",
    "Mai",
    "Thủy",
    "Hạnh",
    "Huyền",
    "Nga",
    "Liên",
    "Nhung",
    "Thảo",
    "Yến",
    "Loan",
    "Phượng",
    "Vân",
    "Dung",
    "Hằng",
    "Hiền",
    "Quyên",
    "Trang",
    "Ngân",
    "Oanh",
    "Tuyết",
    "Thơm",
    "Lụa",
    "Duyên",
    "Linh",
    "Nhàn",
    "Hảo",
];

/// A full name: family, middle and given name.
pub(crate) fn full_name(dice: &mut Dice, ethnicity: &str, sex: Sex, year: i32) -> String {
    let family = *dice.weighted(family_names(ethnicity));
    match sex {
        Sex::Male => format!("{family} {} {}", dice.weighted(&MALE_MIDDLE), dice.pick(&MALE_GIVEN)),
        Sex::Female => {
            let middle = *dice.weighted(&FEMALE_MIDDLE);
            // Younger women often carry a second middle name after Thị: "Hoàng Thị Thu Hà".
            if middle == "Thị" && year >= 1975 && dice.chance(0.3) {
                let second = *dice.pick(&["Thu", "Minh", "Ngọc", "Bích", "Kim", "Thanh"]);
                format!("{family} Thị {second} {}", dice.pick(&FEMALE_GIVEN))
            } else {
                format!("{family} {middle} {}", dice.pick(&FEMALE_GIVEN))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The people named in the seed article and its authors' pen names: never to be generated.
    const SEED_NAMES: [&str; 7] = [
        "Lục Mạnh Cương",
        "Mai Thị Bích Hồng",
        "Ngô Mai Trâm",
        "Hoàng Minh Thắng",
        "Trịnh Tiến Duy",
        "Phương Dung",
        "Thanh Mai",
    ];

    #[test]
    fn seed_names_cannot_be_produced() {
        for seed in SEED_NAMES.iter().filter(|s| s.split(' ').count() >= 3) {
            let given = seed.rsplit(' ').next().unwrap_or_default();
            assert!(!MALE_GIVEN.contains(&given) && !FEMALE_GIVEN.contains(&given), "{seed}");
        }
        let mut dice = Dice::new(1);
        for i in 0..20_000 {
            let (ethnicity, _) = ETHNICITIES[i % ETHNICITIES.len()];
            let sex = if i % 2 == 0 { Sex::Male } else { Sex::Female };
            let name = full_name(&mut dice, ethnicity, sex, 1950 + (i % 50) as i32);
            assert!(!SEED_NAMES.contains(&name.as_str()), "{name}");
            assert!((3..=4).contains(&name.split(' ').count()), "{name}");
        }
    }
}
