//! Training (đào tạo, bồi dưỡng), domain.md §7, issue 11: classes by category and audience,
//! the people who take them (members or not), and the rows of a trainee list read from a file.
use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Violation;

coded! {
    /// What a class teaches.
    Category {
        PoliticalTheory => "political_theory", "Lý luận chính trị",
        Professional => "professional", "Chuyên môn, nghiệp vụ",
        CommitteeSkills => "committee_skills", "Nghiệp vụ công tác đảng, kỹ năng cấp ủy viên",
        Other => "other", "Khác",
    }
}

coded! {
    /// Whom a class is for (domain.md §7: cadres, civil servants and public employees,
    /// grassroots committee members, cell committee members; not all are party members).
    Audience {
        Cadres => "cadres", "Cán bộ, công chức, viên chức",
        GrassrootsCommitteeMembers => "grassroots_committee_members", "Cấp ủy viên cơ sở",
        CellCommitteeMembers => "cell_committee_members", "Cấp ủy viên chi bộ",
        Members => "members", "Đảng viên",
        Other => "other", "Đối tượng khác",
    }
}

coded! {
    /// How a trainee finished.
    Outcome {
        Completed => "completed", "Hoàn thành",
        NotCompleted => "not_completed", "Không hoàn thành",
    }
}

/// A class's dates: it ends on or after it starts.
pub fn check_dates(starts_on: NaiveDate, ends_on: NaiveDate) -> Result<(), Violation> {
    if ends_on >= starts_on {
        return Ok(());
    }
    Err(Violation::on("ends_on", "Ngày kết thúc lớp học không được trước ngày khai giảng."))
}

/// One row of a trainee list as read from a file, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraineeRow {
    /// The row's number in the file, as the reader sees it (the header is row 1).
    pub line: usize,
    pub full_name: String,
    pub born_on: String,
    pub sex: String,
    pub unit: String,
    pub outcome: String,
    pub grade: String,
}

/// A row that reads: its name, day of birth and outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trainee {
    pub line: usize,
    pub full_name: String,
    pub born_on: NaiveDate,
    /// Needed only for someone coso does not know yet.
    pub sex: Option<crate::member::Sex>,
    pub unit: String,
    pub outcome: Option<Outcome>,
    pub grade: String,
}

/// Checks every row of a list: a name and a day of birth are needed, the outcome if given must
/// be one of the list's, and nobody twice (same name and day of birth). Each refused row says
/// its number and why; the rows that read are returned beside them.
pub fn check_rows(rows: &[TraineeRow]) -> (Vec<Trainee>, Vec<Violation>) {
    let mut seen = HashSet::new();
    let (mut ok, mut wrong) = (Vec::new(), Vec::new());
    for r in rows {
        let mut why = Vec::new();
        let name = r.full_name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            why.push("thiếu họ và tên".to_string());
        }
        let born = crate::date::parse(&r.born_on);
        if born.is_none() {
            why.push(if r.born_on.trim().is_empty() {
                "thiếu ngày sinh".to_string()
            } else {
                format!("ngày sinh «{}» không đúng dạng dd/mm/yyyy", r.born_on.trim())
            });
        }
        let outcome = match r.outcome.trim() {
            "" => Ok(None),
            text => {
                let folded = crate::text::fold(text);
                Outcome::ALL
                    .iter()
                    .copied()
                    .find(|o| o.code() == text || crate::text::fold(o.label()) == folded)
                    .map(Some)
                    .ok_or_else(|| {
                        format!("kết quả «{text}» không phải «Hoàn thành» hoặc «Không hoàn thành»")
                    })
            }
        };
        if let Err(e) = &outcome {
            why.push(e.clone());
        }
        let sex = match crate::text::fold(r.sex.trim()).as_str() {
            "" => Ok(None),
            "nam" | "male" => Ok(Some(crate::member::Sex::Male)),
            "nu" | "female" => Ok(Some(crate::member::Sex::Female)),
            _ => Err(format!("giới tính «{}» không phải «Nam» hoặc «Nữ»", r.sex.trim())),
        };
        if let Err(e) = &sex {
            why.push(e.clone());
        }
        if let Some(b) = born
            && !name.is_empty()
            && !seen.insert((crate::text::fold(&name), b))
        {
            why.push(format!("{name} ({}) đã có ở dòng trên", crate::date::format(b)));
        }
        match (born, outcome, sex) {
            (Some(born_on), Ok(outcome), Ok(sex)) if why.is_empty() => ok.push(Trainee {
                line: r.line,
                full_name: name,
                born_on,
                sex,
                unit: r.unit.trim().to_string(),
                outcome,
                grade: r.grade.trim().to_string(),
            }),
            _ => wrong.push(Violation::new(format!("Dòng {}: {}.", r.line, why.join("; ")))),
        }
    }
    (ok, wrong)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, name: &str, born: &str, outcome: &str) -> TraineeRow {
        TraineeRow {
            line,
            full_name: name.into(),
            born_on: born.into(),
            outcome: outcome.into(),
            ..TraineeRow::default()
        }
    }

    #[test]
    fn each_bad_row_is_named_and_the_good_ones_read() {
        let rows = [
            row(2, "Nguyễn Văn Thử", "01/02/1980", "Hoàn thành"),
            row(3, "", "01/02/1980", ""),
            row(4, "Trần Thị Mẫu", "31/02/1980", ""),
            row(5, "nguyễn  văn thử", "1980-02-01", ""),
            row(6, "Lê Văn Học", "", "xuat sac"),
            row(7, "Lê Văn Đạt", "05/05/1975", "khong hoan thanh"),
        ];
        let (ok, wrong) = check_rows(&rows);
        let lines: Vec<usize> = ok.iter().map(|t| t.line).collect();
        assert_eq!(lines, [2, 7]);
        assert_eq!(ok[1].outcome, Some(Outcome::NotCompleted));
        let said: Vec<&str> = wrong.iter().map(|v| v.message.as_str()).collect();
        assert_eq!(said.len(), 4, "{said:?}");
        assert!(said[0].starts_with("Dòng 3: thiếu họ và tên"), "{said:?}");
        assert!(said[1].starts_with("Dòng 4: ngày sinh «31/02/1980»"), "{said:?}");
        assert!(said[2].starts_with("Dòng 5: nguyễn văn thử (01/02/1980) đã có ở dòng trên"), "{said:?}");
        assert!(said[3].contains("Dòng 6: thiếu ngày sinh; kết quả «xuat sac»"), "{said:?}");
    }

    #[test]
    fn a_class_ends_after_it_starts() {
        let d = |m| NaiveDate::from_ymd_opt(2021, m, 1).unwrap();
        assert!(check_dates(d(3), d(3)).is_ok());
        assert_eq!(check_dates(d(3), d(2)).unwrap_err().field, Some("ends_on"));
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(*c));
        }
        for a in Audience::ALL {
            assert_eq!(Audience::from_code(a.code()), Some(*a));
        }
    }
}
