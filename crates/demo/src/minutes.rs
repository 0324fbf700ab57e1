//! The minutes of every planned meeting, written from its time, its people and the current
//! affairs of the day; and the meeting stage's recording: the quota policies, the assignments
//! and the meetings, through the use cases people use.
use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use coso_domain::meeting::MeetingKind;
use coso_domain::position::PositionRole as Role;

use super::Demo;
use super::attendance::Attendance;
use super::calendar::{CUA_NAM, Slot};
use super::dice::Dice;
use super::officers::PlannedPosition;
use super::register::PlannedMember;
use super::topics::{self, ADVICE};
use super::tree::{CITY, Tree};
use super::visits::{Following, PlannedAssignment, QUOTA_DOCUMENT, QUOTA_ISSUED_ON, QUOTA_ISSUER, QUOTAS};
use coso_app::meetings::{
    AbsenceInput, AssignmentInput, MeetingInput, MinutesText, QuotaPolicyInput, SuperiorInput,
};
use coso_app::{Actor, AppError, AppResult, Tx};

/// Where most cells take their topics from, and how khối Cửa Nam's secretary says it.
const SOURCES: &str = "Bản tin Thông báo nội bộ của Ban Tuyên giáo Tỉnh ủy; Báo Lạng Sơn";
const CUA_NAM_SOURCES: &str = "Bản tin Thông báo nội bộ của Ban Tuyên giáo Tỉnh ủy và Báo Lạng Sơn";
const THEMATIC_SOURCES: &str = "Tài liệu sinh hoạt chuyên đề của Ban Tuyên giáo Thành ủy; Bản tin Thông báo nội bộ của Ban Tuyên giáo Tỉnh ủy";
const OTHER_SOURCES: &str = "Báo Lạng Sơn; Cổng Thông tin điện tử thành phố Lạng Sơn";
/// Share of meetings without a superior at which a member raised a question.
const QUESTIONS_WITHOUT_SUPERIOR: f64 = 0.15;

/// A meeting as its minutes will state it.
#[derive(Debug, Clone)]
pub(crate) struct PlannedMeeting {
    pub(crate) slot: Slot,
    pub(crate) people: Attendance,
    /// The chair as the minutes name them: "name, role".
    pub(crate) chair: String,
    /// The superiors who attended, with what they said.
    pub(crate) superiors: Vec<(usize, String)>,
    pub(crate) notice_days: u64,
    pub(crate) notice_to_superior: bool,
    pub(crate) venue: String,
    pub(crate) topic: String,
    pub(crate) sources: &'static str,
    pub(crate) agenda: String,
    pub(crate) content: String,
    pub(crate) questions: String,
    pub(crate) conclusions: String,
    pub(crate) self_assessment: &'static str,
}

/// Writes the minutes of every slot.
pub(crate) fn write_minutes(
    dice: &mut Dice,
    tree: &Tree,
    members: &[PlannedMember],
    positions: &[PlannedPosition],
    slots: Vec<Slot>,
    people: Vec<Attendance>,
    following: &Following,
) -> Vec<PlannedMeeting> {
    let mut assigned: HashMap<&str, Vec<&PlannedAssignment>> = HashMap::new();
    for a in &following.assignments {
        assigned.entry(a.cell.as_str()).or_default().push(a);
    }
    let name = |i: usize| members[i].person.full_name.as_str();
    let mut themes: HashMap<(String, i32), Vec<String>> = HashMap::new();
    let mut out = Vec::with_capacity(slots.len());
    for ((slot, people), visitors) in slots.into_iter().zip(people).zip(&following.superiors) {
        let on = slot.held_on;
        let unit = tree.unit(&slot.cell);
        let residential = unit.is_some_and(|u| u.profile.is_residential());
        let thematic = slot.kind.is_thematic();
        let topic = if thematic {
            // A cell takes a different subject each quarter of a year when it can.
            let used = themes.entry((slot.cell.clone(), on.year())).or_default();
            let mut topic = topics::thematic_topic(dice, on, residential);
            for _ in 0..3 {
                if !used.contains(&topic) {
                    break;
                }
                topic = topics::thematic_topic(dice, on, residential);
            }
            used.push(topic.clone());
            topic
        } else {
            topics::regular_topic(dice, on, residential)
        };
        let sources = if slot.cell == CUA_NAM {
            CUA_NAM_SOURCES
        } else if thematic && dice.chance(0.3) {
            THEMATIC_SOURCES
        } else if dice.chance(0.9) {
            SOURCES
        } else {
            OTHER_SOURCES
        };
        let present = people.invited.len() - people.absences.len();
        // Who may raise a question: the members present besides the chair.
        let askers: Vec<usize> = people
            .invited
            .iter()
            .copied()
            .filter(|i| *i != people.chair && !people.absences.iter().any(|a| a.member == *i))
            .collect();
        let chair = format!("{}, {}", name(people.chair), people.chair_role);
        let asks = !visitors.is_empty() || dice.chance(QUESTIONS_WITHOUT_SUPERIOR);
        let asked = (asks && !askers.is_empty()).then(|| {
            let (about, answer) = topics::question(dice, on, residential);
            (name(*dice.pick(&askers)), about, answer)
        });
        let questions = match (asked, visitors.first()) {
            (Some((asker, about, answer)), Some(v)) => format!(
                "Đồng chí {asker} hỏi về {about}. Đồng chí {}, {}, giải đáp: {answer}.",
                name(*v),
                title(tree, positions, *v, on)
            ),
            (Some((asker, about, answer)), None) => {
                format!("Đồng chí {asker} hỏi về {about}. Đồng chí {chair}, giải đáp: {answer}.")
            }
            (None, _) => String::new(),
        };
        let mut superiors = Vec::new();
        for (k, v) in visitors.iter().enumerate() {
            let advice = dice.pick(&ADVICE);
            let remarks = match asked {
                Some((_, about, _)) if k == 0 => {
                    format!(
                        "Đồng chí {} giải đáp thắc mắc của đảng viên về {about}; đề nghị chi bộ {advice}.",
                        name(*v)
                    )
                }
                _ => format!("Đồng chí {} phát biểu ý kiến, đề nghị chi bộ {advice}.", name(*v)),
            };
            superiors.push((*v, remarks));
        }
        let notice_to_superior = assigned
            .get(slot.cell.as_str())
            .is_some_and(|list| list.iter().any(|a| a.from <= on && a.to.is_none_or(|t| on < t)));
        let self_assessment =
            if slot.minutes < 90 { "Trung bình" } else { *dice.weighted(&[("Tốt", 7), ("Khá", 3)]) };
        out.push(PlannedMeeting {
            agenda: agenda(&slot, &topic, &chair),
            chair,
            content: content(&slot, &topic, sources, present, people.invited.len()),
            conclusions: conclusions(&slot),
            venue: venue(tree, &slot.cell),
            notice_days: dice.between(2, 5) as u64,
            notice_to_superior,
            topic,
            sources,
            questions,
            superiors,
            self_assessment,
            slot,
            people,
        });
    }
    out
}

/// How the minutes name a superior: their seat on the day.
fn title(tree: &Tree, positions: &[PlannedPosition], member: usize, on: NaiveDate) -> String {
    let seat = positions
        .iter()
        .filter(|p| p.member == member && p.from <= on && p.to.is_none_or(|t| on < t))
        .min_by_key(|p| (p.org != CITY, p.org.len()));
    let Some(p) = seat else { return "cấp ủy viên cấp trên".into() };
    if p.org == CITY {
        return match p.role {
            Role::Secretary => "Bí thư Thành ủy",
            Role::DeputySecretary => "Phó Bí thư Thành ủy",
            Role::StandingCommitteeMember => "Ủy viên Ban Thường vụ Thành ủy",
            Role::CommitteeMember => "Thành ủy viên",
        }
        .into();
    }
    let committee = tree.unit(&p.org).map(|u| u.name.replacen("Đảng bộ ", "Đảng ủy ", 1)).unwrap_or_default();
    match p.role {
        Role::Secretary => format!("Bí thư {committee}"),
        Role::DeputySecretary => format!("Phó Bí thư {committee}"),
        Role::StandingCommitteeMember => format!("Ủy viên Ban Thường vụ {committee}"),
        Role::CommitteeMember => format!("Ủy viên {committee}"),
    }
}

/// A residential block or village meets at its cultural house, an office in its meeting room.
fn venue(tree: &Tree, cell: &str) -> String {
    let Some(unit) = tree.unit(cell) else { return String::new() };
    match unit.locality.as_deref().and_then(|l| l.split(',').next()) {
        Some(place) if unit.profile.is_residential() => format!("Nhà văn hóa {place}"),
        _ => format!("Phòng họp {}", unit.name.trim_start_matches("Chi bộ ")),
    }
}

fn month_before(on: NaiveDate) -> u32 {
    if on.month() == 1 { 12 } else { on.month() - 1 }
}

fn agenda(slot: &Slot, topic: &str, chair: &str) -> String {
    let m = slot.held_on.month();
    let regular = format!(
        "1. Thông tin thời sự trong nước, trong tỉnh. 2. Đánh giá kết quả thực hiện nhiệm vụ tháng {}. 3. {topic}. 4. Nhiệm vụ tháng {m}.",
        month_before(slot.held_on)
    );
    let thematic = format!(
        "Chuyên đề «{topic}»: đồng chí {chair} trình bày; đảng viên thảo luận, liên hệ bản thân; chi bộ kết luận."
    );
    match slot.kind {
        MeetingKind::Thematic => thematic,
        MeetingKind::Combined => format!(
            "Phần thường kỳ: thông tin thời sự; đánh giá nhiệm vụ tháng {}; nhiệm vụ tháng {m}. Phần chuyên đề: {thematic}",
            month_before(slot.held_on)
        ),
        _ => regular,
    }
}

fn content(slot: &Slot, topic: &str, sources: &str, present: usize, invited: usize) -> String {
    let attendance = format!("Có mặt {present}/{invited} đảng viên.");
    match slot.kind {
        MeetingKind::Regular => format!(
            "{attendance} Chi bộ nghe thông tin thời sự chọn từ {sources}; đánh giá kết quả tháng {}; thảo luận nội dung «{topic}» và thống nhất nhiệm vụ tháng {}.",
            month_before(slot.held_on),
            slot.held_on.month()
        ),
        _ => format!(
            "{attendance} Chi bộ sinh hoạt chuyên đề «{topic}»; các đảng viên phát biểu, liên hệ với nhiệm vụ được giao và với nơi cư trú, chỉ ra việc làm được và việc cần sửa."
        ),
    }
}

fn conclusions(slot: &Slot) -> String {
    let next = slot.held_on.month() % 12 + 1;
    match slot.kind {
        MeetingKind::Thematic => "Mỗi đảng viên đăng ký việc làm cụ thể để thực hiện chuyên đề; chi ủy theo dõi, đánh giá vào kỳ sinh hoạt cuối quý.".into(),
        _ => format!("Chi bộ thống nhất nhiệm vụ trọng tâm tháng {next}; phân công đảng viên phụ trách từng việc; đảng viên nộp đảng phí đúng hạn."),
    }
}

impl Demo {
    /// Records the quota policies of 1764-QĐ/TU, the assignments and the meetings with their
    /// attendance and superiors, in date order.
    pub(crate) fn record_meetings(&self, tx: &mut Tx<'_>, actor: &Actor) -> AppResult<usize> {
        let mut policies = HashMap::new();
        for (level, min_per_year) in QUOTAS {
            let input = QuotaPolicyInput {
                document: QUOTA_DOCUMENT.into(),
                issued_on: QUOTA_ISSUED_ON.to_string(),
                issuer: QUOTA_ISSUER.into(),
                level: level.code().into(),
                min_per_year,
                valid_from: QUOTA_ISSUED_ON.to_string(),
                valid_to: None,
            };
            policies.insert(level, tx.add_quota_policy(actor, input)?);
        }
        for a in &self.assignments {
            let input = AssignmentInput {
                person_id: self.person_id(a.member)?,
                cell_code: a.cell.clone(),
                policy_id: policies.get(&a.level).cloned().unwrap_or_default(),
                decision_number: self.numbers.text(&a.decision),
                valid_from: a.from.to_string(),
                valid_to: a.to.map(|d| d.to_string()),
            };
            tx.assign_superior(actor, input).inspect_err(|e| {
                tracing::error!(cell = %a.cell, error = ?e, "a demo assignment could not be recorded");
            })?;
        }
        let mut order: Vec<usize> = (0..self.meetings.len()).collect();
        order.sort_by_key(|i| (self.meetings[*i].slot.held_on, *i));
        for i in &order {
            let m = &self.meetings[*i];
            tx.record_meeting(actor, &m.slot.cell, self.meeting_input(m)?).inspect_err(|e| {
                tracing::error!(cell = %m.slot.cell, on = %m.slot.held_on, error = ?e, "a demo meeting could not be recorded");
            })?;
        }
        Ok(order.len())
    }

    fn meeting_input(&self, m: &PlannedMeeting) -> AppResult<MeetingInput> {
        let absences = m
            .people
            .absences
            .iter()
            .map(|a| {
                Ok(AbsenceInput {
                    member_id: self.membership_id(a.member)?,
                    with_reason: a.reason.is_some(),
                    reason: a.reason.unwrap_or_default().into(),
                })
            })
            .collect::<AppResult<Vec<_>>>()?;
        let superiors = m
            .superiors
            .iter()
            .map(|(member, remarks)| {
                Ok(SuperiorInput { person_id: self.person_id(*member)?, remarks: remarks.clone() })
            })
            .collect::<AppResult<Vec<_>>>()?;
        Ok(MeetingInput {
            kind: m.slot.kind.code().into(),
            held_on: m.slot.held_on.to_string(),
            starts_at: m.slot.starts_at.into(),
            duration_minutes: m.slot.minutes.to_string(),
            topic: m.topic.clone(),
            minutes: MinutesText {
                venue: m.venue.clone(),
                online: false,
                chair: m.chair.clone(),
                minute_taker: self.members[m.people.minute_taker].person.full_name.clone(),
                sources: m.sources.into(),
                agenda: m.agenda.clone(),
                content: m.content.clone(),
                questions: m.questions.clone(),
                conclusions: m.conclusions.clone(),
                self_assessment: m.self_assessment.into(),
            },
            notice_sent_on: Some((m.slot.held_on - Days::new(m.notice_days)).to_string()),
            notice_to_superior: m.notice_to_superior,
            absences,
            superiors,
            // The demo plans one meeting of a kind a day in a cell: a duplicate is a bug.
            confirm_duplicate: false,
        })
    }

    fn membership_id(&self, member: usize) -> AppResult<String> {
        let m = &self.members[member];
        m.membership_id.as_ref().map(ToString::to_string).ok_or_else(|| {
            AppError::Internal(format!("demo member {} was never entered", m.person.full_name))
        })
    }

    fn person_id(&self, member: usize) -> AppResult<String> {
        let m = &self.members[member];
        m.person_id.as_ref().map(ToString::to_string).ok_or_else(|| {
            AppError::Internal(format!("demo member {} was never entered", m.person.full_name))
        })
    }
}

/// Positions of both terms, for stages that ask who sat where on a day.
pub(crate) fn both_terms(demo: &Demo) -> Vec<PlannedPosition> {
    demo.earlier_officers.iter().chain(&demo.officers).cloned().collect()
}
