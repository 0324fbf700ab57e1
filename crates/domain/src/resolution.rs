//! The targets (chỉ tiêu) of a congress resolution for a term (domain.md §10, issue 13): each
//! with its unit, its value and its direction, its yearly values, and its status on any year
//! and at the term's end. The seed: 17 targets for 2015–2020, 16 met or exceeded.
use crate::Violation;

/// How a target is reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Direction {
    /// The value must be at least the target (a share of cells rated good: ≥ 80%).
    AtLeast,
    /// The value must be at most the target (members not completing their tasks: ≤ 2%).
    AtMost,
    /// The value must reach the target by a year and stay there (every ward has a cell in
    /// every residential block by 2018).
    ReachBy(i32),
}

impl Direction {
    /// How the direction is stored: its code, the year apart.
    pub fn code(self) -> &'static str {
        match self {
            Direction::AtLeast => "at_least",
            Direction::AtMost => "at_most",
            Direction::ReachBy(_) => "reach_by",
        }
    }

    /// The year a `ReachBy` target is due.
    pub fn reach_year(self) -> Option<i32> {
        match self {
            Direction::ReachBy(year) => Some(year),
            _ => None,
        }
    }

    /// Reads a stored or typed direction back; `reach_by` needs its year.
    pub fn of(code: &str, reach_year: Option<i32>) -> Option<Direction> {
        match (code, reach_year) {
            ("at_least", _) => Some(Direction::AtLeast),
            ("at_most", _) => Some(Direction::AtMost),
            ("reach_by", Some(year)) => Some(Direction::ReachBy(year)),
            _ => None,
        }
    }

    /// As a resolution states it: "tối thiểu", "tối đa", "đạt vào năm 2018".
    pub fn label(self) -> String {
        match self {
            Direction::AtLeast => "Đạt ít nhất".into(),
            Direction::AtMost => "Không vượt quá".into(),
            Direction::ReachBy(year) => format!("Đạt vào năm {year}"),
        }
    }
}

/// A target's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Better than the target.
    Exceeded,
    Met,
    NotMet,
    /// No value recorded for the term up to that year.
    NoData,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Exceeded => "Vượt chỉ tiêu",
            Status::Met => "Đạt",
            Status::NotMet => "Không đạt",
            Status::NoData => "Chưa có số liệu",
        }
    }

    /// Met or exceeded: what the seed counts ("16 of 17 met or exceeded").
    pub fn reached(self) -> bool {
        matches!(self, Status::Exceeded | Status::Met)
    }
}

/// A target of a resolution for the term `first_year..=last_year`.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub name: String,
    pub unit: String,
    pub value: f64,
    pub direction: Direction,
    pub first_year: i32,
    pub last_year: i32,
}

/// Values within this of the target are the target: recorded figures carry a decimal or two.
const SAME: f64 = 1e-9;

impl Target {
    /// What makes a target unusable, every problem at once.
    pub fn check(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        if self.name.trim().is_empty() {
            found.push(Violation::on("name", "Cần ghi tên chỉ tiêu."));
        }
        if self.unit.trim().is_empty() {
            found.push(Violation::on("unit", "Cần ghi đơn vị tính của chỉ tiêu (%, cuộc, đảng viên…)."));
        }
        if !self.value.is_finite() {
            found.push(Violation::on("value", "Giá trị chỉ tiêu phải là một số."));
        }
        if self.first_year > self.last_year {
            found.push(Violation::on("last_year", "Năm cuối nhiệm kỳ phải sau năm đầu."));
        }
        if let Direction::ReachBy(year) = self.direction
            && !(self.first_year..=self.last_year).contains(&year)
        {
            found.push(Violation::on(
                "direction",
                format!(
                    "Năm phải đạt chỉ tiêu ({year}) phải nằm trong nhiệm kỳ {}–{}.",
                    self.first_year, self.last_year
                ),
            ));
        }
        found
    }

    /// Whether a yearly value may be recorded for `year`: only within the term.
    pub fn check_year(&self, year: i32) -> Result<(), Violation> {
        if (self.first_year..=self.last_year).contains(&year) {
            Ok(())
        } else {
            Err(Violation::on(
                "year",
                format!(
                    "Năm {year} nằm ngoài nhiệm kỳ {}–{} của nghị quyết: không ghi số liệu của chỉ tiêu.",
                    self.first_year, self.last_year
                ),
            ))
        }
    }

    /// The status in `year` from the yearly values `(year, value)`: the latest value of the
    /// term up to that year against the target. A target to reach by a year is not met before
    /// that year unless already reached; from the term's last year on, the last value decides.
    pub fn status_in(&self, year: i32, values: &[(i32, f64)]) -> Status {
        let upto = year.min(self.last_year);
        let latest = values
            .iter()
            .filter(|(y, _)| (self.first_year..=upto).contains(y))
            .max_by_key(|(y, _)| *y)
            .map(|(_, v)| *v);
        let Some(value) = latest else { return Status::NoData };
        let (better, same) = match self.direction {
            Direction::AtLeast | Direction::ReachBy(_) => {
                (value > self.value + SAME, value >= self.value - SAME)
            }
            Direction::AtMost => (value < self.value - SAME, value <= self.value + SAME),
        };
        match (better, same) {
            (true, _) => Status::Exceeded,
            (false, true) => Status::Met,
            _ => Status::NotMet,
        }
    }

    /// The status at the term's end.
    pub fn status_at_end(&self, values: &[(i32, f64)]) -> Status {
        self.status_in(self.last_year, values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(value: f64, direction: Direction) -> Target {
        Target {
            name: "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên".into(),
            unit: "%".into(),
            value,
            direction,
            first_year: 2015,
            last_year: 2020,
        }
    }

    #[test]
    fn the_status_compares_the_latest_value_of_the_term_with_the_target() {
        use Direction::*;
        use Status::*;
        // (direction, target, yearly values, year asked, status)
        type Case<'a> = (Direction, f64, &'a [(i32, f64)], i32, Status);
        let cases: [Case; 10] = [
            (AtLeast, 80.0, &[(2016, 75.0), (2020, 90.4)], 2020, Exceeded),
            (AtLeast, 80.0, &[(2016, 75.0), (2020, 80.0)], 2020, Met),
            (AtLeast, 80.0, &[(2016, 85.0), (2020, 79.9)], 2020, NotMet),
            // On a year inside the term: the value of that year or before it.
            (AtLeast, 80.0, &[(2016, 85.0), (2020, 79.9)], 2018, Exceeded),
            (AtMost, 2.0, &[(2020, 0.5)], 2020, Exceeded),
            (AtMost, 2.0, &[(2020, 2.0)], 2020, Met),
            (AtMost, 2.0, &[(2020, 2.5)], 2020, NotMet),
            (ReachBy(2018), 100.0, &[(2018, 100.0)], 2020, Met),
            (AtLeast, 80.0, &[], 2020, NoData),
            // Values outside the term do not count; after the term its last value stands.
            (AtLeast, 80.0, &[(2014, 99.0), (2021, 99.0), (2019, 70.0)], 2025, NotMet),
        ];
        for (direction, value, values, year, want) in cases {
            assert_eq!(
                target(value, direction).status_in(year, values),
                want,
                "{direction:?} {value} {values:?} {year}"
            );
        }
    }

    #[test]
    fn met_or_exceeded_is_what_the_seed_counts() {
        // "16 of 17 targets met or exceeded" (the seed, 2015–2020).
        let statuses = [Status::Exceeded, Status::Met, Status::NotMet, Status::NoData];
        assert_eq!(statuses.iter().filter(|s| s.reached()).count(), 2);
    }

    #[test]
    fn a_target_without_a_unit_and_a_value_outside_the_term_are_refused() {
        let mut t = target(80.0, Direction::ReachBy(2022));
        t.unit = " ".into();
        let fields: Vec<_> = t.check().iter().map(|v| v.field).collect();
        assert_eq!(fields, [Some("unit"), Some("direction")]);
        assert!(target(80.0, Direction::AtLeast).check().is_empty());
        let t = target(80.0, Direction::AtLeast);
        assert!(t.check_year(2015).is_ok() && t.check_year(2020).is_ok());
        let refused = t.check_year(2021).unwrap_err();
        assert!(refused.message.contains("ngoài nhiệm kỳ 2015–2020"), "{}", refused.message);
    }

    #[test]
    fn a_direction_reads_back_from_its_code() {
        let cases = [
            ("at_least", None, Some(Direction::AtLeast)),
            ("at_most", Some(2019), Some(Direction::AtMost)),
            ("reach_by", Some(2018), Some(Direction::ReachBy(2018))),
            ("reach_by", None, None),
            ("sometime", None, None),
        ];
        for (code, year, want) in cases {
            assert_eq!(Direction::of(code, year), want, "{code} {year:?}");
            if let Some(d) = want {
                assert_eq!(Direction::of(d.code(), d.reach_year()), Some(d));
            }
        }
    }
}
