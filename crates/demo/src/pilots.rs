//! The demo's pilot guidance and training (issue 11), as the seed tells them: from 2017 the
//! city picked Đông Kinh ward and 22 more units (23 in all) to guide directly, and Đông Kinh
//! picks one or two of its cells every year; from 2016 to the article's day the city ran 116
//! classes for nearly 11,000 trainees, two of them for 285 cell committee members.
use chrono::NaiveDate;
use coso_app::pilots::{ActionInput, ActionUpdate, FollowerInput, PilotInput, VisitInput};
use coso_app::training::{ClassInput, Enrollment};
use coso_app::{Actor, AppResult, Tx};
use coso_domain::org::OrgKind;
use coso_domain::training::Outcome;

use crate::Demo;
use crate::tree::{ARTICLE_DAY, CITY};

/// Đông Kinh, the city's first pilot (2017).
const DONG_KINH: &str = "LS-DK";
/// Units the city picks besides Đông Kinh.
const CITY_PICKS: usize = 22;
/// The seed's classes and their trainees.
pub(crate) const CLASSES: usize = 116;
pub(crate) const ENROLLMENTS: usize = 10_715;
/// The two classes for cell committee members and their 285 trainees.
const CELL_COMMITTEE_CLASSES: [usize; 2] = [140, 145];

const WEAKNESSES: [&[&str]; 4] = [
    &["key_tasks", "meeting_quality", "head_capacity"],
    &["meeting_quality"],
    &["key_tasks", "head_capacity"],
    &["meeting_quality", "inspection"],
];

fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

impl Demo {
    /// Records the pilots, Đông Kinh's work group with its visits and actions, then the classes.
    pub(crate) fn record_pilots_and_training(&mut self, tx: &mut Tx<'_>, actor: &Actor) -> AppResult<()> {
        self.record_pilots(tx, actor)?;
        self.record_training(tx, actor)
    }

    fn record_pilots(&mut self, tx: &mut Tx<'_>, actor: &Actor) -> AppResult<()> {
        let open = |by: &str, code: &str, on: NaiveDate, weaknesses: &[&str], decision: String| {
            PilotInput {
            org_code: code.into(),
            selected_by_code: by.into(),
            selected_on: date(on),
            ends_on: None,
            weaknesses: weaknesses.iter().map(|w| w.to_string()).collect(),
            weakness_note: String::new(),
            objectives: "Nâng cao chất lượng sinh hoạt chi bộ và năng lực lãnh đạo; khắc phục dứt điểm hạn chế đã chỉ ra.".into(),
            target_pct: Some(100),
            decision,
        }
        };
        let dk_on = crate::day(2017, 3, 15);
        let dk = tx.open_pilot(actor, open(CITY, DONG_KINH, dk_on, WEAKNESSES[0], "45-KH/TU".into()))?;
        // The city's other picks: units standing on their day, spread over 2017 to the article.
        let candidates: Vec<(String, OrgKind)> = self
            .tree
            .units
            .iter()
            .filter(|u| u.code != DONG_KINH && u.code != CITY && u.kind != OrgKind::PartyGroup)
            .filter(|u| u.kind.is_grassroots_org() || u.kind == OrgKind::SubordinateCell)
            .map(|u| (u.code.clone(), u.kind))
            .collect();
        let span = (ARTICLE_DAY - crate::day(2017, 4, 1)).num_days();
        let mut picked = 0;
        let mut i = 0;
        while picked < CITY_PICKS && i < candidates.len() * 4 {
            let (code, _) = &candidates[self.dice.below(candidates.len() as u64) as usize];
            let on = crate::day(2017, 4, 1) + chrono::Duration::days(self.dice.below(span as u64) as i64);
            i += 1;
            if !self.tree.exists_on(code, on) || self.tree.in_subtree_on(code, DONG_KINH, on) {
                continue;
            }
            let weaknesses = WEAKNESSES[self.dice.below(WEAKNESSES.len() as u64) as usize];
            let decision = format!("{}-KH/TU", 46 + picked);
            if tx.open_pilot(actor, open(CITY, code, on, weaknesses, decision)).is_ok() {
                picked += 1;
            }
        }
        // Đông Kinh picks one or two of its cells each year.
        for year in 2017..=2021 {
            let on = crate::day(year, 2, 20);
            let cells: Vec<String> = self
                .tree
                .units
                .iter()
                .filter(|u| u.kind.is_cell() && self.tree.parent_on(&u.code, on) == Some(DONG_KINH))
                .map(|u| u.code.clone())
                .collect();
            let n = 1 + self.dice.below(2) as usize;
            for k in 0..n.min(cells.len()) {
                let code = &cells[(year as usize * 3 + k * 5) % cells.len()];
                let decision = format!("{}-KH/ĐU", 10 + k);
                tx.open_pilot(actor, open(DONG_KINH, code, on, WEAKNESSES[1], decision))?;
            }
        }
        // Đông Kinh's work group: three members of the city committee, their visits, the
        // actions set and how they went.
        let city_officers: Vec<String> = self
            .officers
            .iter()
            .chain(&self.earlier_officers)
            .filter(|p| p.org == CITY)
            .filter_map(|p| self.members[p.member].membership_id.as_ref().map(|id| id.to_string()))
            .take(3)
            .collect();
        for (k, id) in city_officers.iter().enumerate() {
            let role_note =
                if k == 0 { "Tổ trưởng tổ công tác" } else { "Thành viên tổ công tác" };
            tx.add_follower(
                actor,
                &dk,
                FollowerInput { membership_id: id.clone(), role_note: role_note.into() },
            )?;
        }
        for (on, findings) in [
            (
                crate::day(2017, 5, 12),
                "Dự sinh hoạt chi bộ khối 3: nội dung sinh hoạt còn chung chung, chưa bám nhiệm vụ trọng tâm.",
            ),
            (crate::day(2018, 6, 8), "Làm việc với Đảng ủy phường về nâng cao chất lượng sinh hoạt chi bộ."),
            (
                crate::day(2020, 9, 18),
                "Kiểm tra kết quả khắc phục: các chi bộ sinh hoạt đúng kỳ, nội dung thiết thực.",
            ),
        ] {
            tx.record_visit(
                actor,
                &dk,
                VisitInput {
                    visited_on: date(on),
                    findings: findings.into(),
                    obstacles_removed: "Hướng dẫn xây dựng chuyên đề sinh hoạt theo quý.".into(),
                    assessment: "Có chuyển biến.".into(),
                },
            )?;
        }
        let done = tx.add_action(
            actor,
            &dk,
            ActionInput {
                title: "Kiện toàn chức danh bí thư các chi bộ còn yếu".into(),
                owner: "Đảng ủy phường Đông Kinh".into(),
                set_on: date(crate::day(2017, 5, 12)),
                due_on: date(crate::day(2017, 12, 31)),
            },
        )?;
        tx.update_action(
            actor,
            &done,
            ActionUpdate {
                status: "done".into(),
                evidence: "Quyết định chuẩn y bí thư chi bộ khối 3, khối 6.".into(),
            },
        )?;
        tx.add_action(
            actor,
            &dk,
            ActionInput {
                title: "Mỗi chi bộ đăng ký một chuyên đề sinh hoạt mỗi quý".into(),
                owner: "Các chi bộ trực thuộc".into(),
                set_on: date(crate::day(2020, 9, 18)),
                due_on: date(crate::day(2021, 6, 30)),
            },
        )?;
        Ok(())
    }

    fn record_training(&mut self, tx: &mut Tx<'_>, actor: &Actor) -> AppResult<()> {
        const TOPICS: [(&str, &str); 4] = [
            ("political_theory", "Bồi dưỡng lý luận chính trị cho đảng viên mới"),
            ("professional", "Bồi dưỡng chuyên môn, nghiệp vụ công tác tổ chức"),
            ("committee_skills", "Bồi dưỡng nghiệp vụ công tác đảng cho cấp ủy viên cơ sở"),
            ("other", "Cập nhật kiến thức cho cán bộ, công chức"),
        ];
        let people: Vec<coso_domain::id::PersonId> =
            self.members.iter().filter_map(|m| m.person_id.clone()).collect();
        // Sizes that add up to the seed's total: the two classes of cell committee members
        // first, the others drawn and the last one taking the rest.
        let mut sizes: Vec<usize> = Vec::new();
        let others = CLASSES - CELL_COMMITTEE_CLASSES.len();
        for _ in 0..others - 1 {
            sizes.push(70 + self.dice.below(43) as usize);
        }
        let rest = ENROLLMENTS - CELL_COMMITTEE_CLASSES.iter().sum::<usize>() - sizes.iter().sum::<usize>();
        sizes.push(rest);
        let span = (ARTICLE_DAY - crate::day(2016, 1, 10)).num_days() - 30;
        for k in 0..CLASSES {
            let (category, audience, title, size) = if k < CELL_COMMITTEE_CLASSES.len() {
                let title =
                    format!("Bồi dưỡng nghiệp vụ cho cấp ủy viên chi bộ thôn, khối phố (lớp {})", k + 1);
                ("committee_skills", "cell_committee_members", title, CELL_COMMITTEE_CLASSES[k])
            } else {
                let (category, title) = TOPICS[k % TOPICS.len()];
                let audience = match category {
                    "committee_skills" => "grassroots_committee_members",
                    "political_theory" => "members",
                    _ => "cadres",
                };
                (category, audience, format!("{title} (lớp {k})"), sizes[k - CELL_COMMITTEE_CLASSES.len()])
            };
            let starts = if k < CELL_COMMITTEE_CLASSES.len() {
                crate::day(2019 + k as i32, 7, 8)
            } else {
                crate::day(2016, 1, 10) + chrono::Duration::days((span * k as i64) / CLASSES as i64)
            };
            let class = tx.create_class(
                actor,
                ClassInput {
                    title,
                    category: category.into(),
                    audience: audience.into(),
                    level: "Sơ cấp".into(),
                    organizer_code: CITY.into(),
                    starts_on: date(starts),
                    ends_on: date(starts + chrono::Duration::days(4)),
                    place: "Trung tâm Chính trị thành phố Lạng Sơn".into(),
                },
            )?;
            // Distinct people in a class: a stride through the register from a drawn start.
            let first = self.dice.below(people.len() as u64) as usize;
            // A stride prime to the register's length visits everyone before coming back.
            let gcd = |mut a: usize, mut b: usize| {
                while b != 0 {
                    (a, b) = (b, a % b);
                }
                a
            };
            let mut stride = 1 + 2 * self.dice.below(50) as usize;
            while gcd(stride, people.len()) != 1 {
                stride += 2;
            }
            let mut chosen = Vec::with_capacity(size);
            let mut seen = std::collections::HashSet::new();
            let mut at = first;
            while chosen.len() < size.min(people.len()) {
                if seen.insert(at) {
                    chosen.push(Enrollment {
                        person_id: people[at].clone(),
                        unit: String::new(),
                        outcome: Some(if self.dice.chance(0.98) {
                            Outcome::Completed
                        } else {
                            Outcome::NotCompleted
                        }),
                        grade: String::new(),
                    });
                }
                at = (at + stride) % people.len();
            }
            tx.enroll(actor, &class.id, &chosen)?;
        }
        Ok(())
    }
}
