//! The annual rating round and discipline on both engines (issue 10): a cell proposes, the
//! committee above decides, each judged by the year's rules; a refused proposal or decision
//! lists its violations with their citations and writes nothing; discipline feeds the rules,
//! and an expulsion ends the membership.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use coso_app::discipline::DisciplineInput;
use coso_app::ratings::{RateInput, RateMember, RoundView};
use coso_app::{Actor, App, AppError, AppResult};
use coso_domain::id::MembershipId;
use coso_domain::rating::Tier;
use coso_testkit::each_backend;

use common::*;

fn rate(stage: &str, unit: Option<&str>, members: &[(&MembershipId, &str)]) -> RateInput {
    RateInput {
        stage: stage.into(),
        unit_tier: unit.map(String::from),
        members: members
            .iter()
            .map(|(id, tier)| RateMember {
                membership_id: id.to_string(),
                tier: Some(tier.to_string()),
                ..RateMember::default()
            })
            .collect(),
        ..RateInput::default()
    }
}

/// The messages and citations of a refusal; fails when it was not refused for broken rules.
fn refused<T: std::fmt::Debug>(result: AppResult<T>) -> Vec<(String, Option<&'static str>)> {
    match result {
        Err(AppError::Invalid(vs)) => vs.into_iter().map(|v| (v.message, v.citation)).collect(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn tiers(view: &RoundView) -> Vec<(String, Option<Tier>, Option<Tier>)> {
    view.members.iter().map(|m| (m.full_name.clone(), m.stages.proposed, m.stages.decided)).collect()
}

fn discipline(
    form: &str,
    by: &str,
    member: Option<&MembershipId>,
    org: Option<&str>,
    on: &str,
) -> DisciplineInput {
    DisciplineInput {
        org_code: org.map(String::from),
        membership_id: member.map(ToString::to_string),
        form: form.into(),
        decided_on: on.into(),
        by_org_code: by.into(),
        document: "12-QĐ/UBKT".into(),
        reason: "Vi phạm quy định về những điều đảng viên không được làm".into(),
        ..DisciplineInput::default()
    }
}

struct World {
    app: App,
    db: coso_store::Db,
    secretary: Actor,
    ward: Actor,
    city: Actor,
    /// Members of DK-C1 admitted in 2010, and one admitted in September 2020.
    c1: Vec<MembershipId>,
    newcomer: MembershipId,
    /// Members of the grassroots cell CB.
    cb: Vec<MembershipId>,
}

fn world(db: &coso_store::Db) -> World {
    let app = city(db);
    let c1 = (0..6).map(|i| admit(&app, &format!("Đảng viên C1 số {i}"), "DK-C1", "2010-03-01").id).collect();
    let newcomer = admit(&app, "Đảng viên mới C1", "DK-C1", "2020-09-02").id;
    let cb = (0..5).map(|i| admit(&app, &format!("Đảng viên CB số {i}"), "CB", "2012-05-01").id).collect();
    World {
        secretary: account(&app, "c1.bithu", "cell_secretary", Some("DK-C1")),
        ward: account(&app, "dk.canbo", "org_admin", Some("DK")),
        city: account(&app, "tu.btc", "city", Some("TU")),
        db: db.clone(),
        app,
        c1,
        newcomer,
        cb,
    }
}

#[test]
fn a_cell_proposes_and_its_committee_decides_under_the_years_rules() {
    each_backend(|db| {
        let w = world(db);
        let c = &w.c1;
        // The newcomer (admitted less than 6 months before 31/12/2020) is not rated.
        let view = ok("round", w.app.rating_round(&w.secretary, "DK-C1", 2020));
        assert_eq!(view.policy, "132-QĐ/TW+21-HD/BTCTW");
        assert!(view.can_propose && !view.can_decide, "{view:?}");
        assert_eq!(view.decider, "Đảng bộ phường Đông Kinh");
        let excluded: Vec<&str> =
            view.members.iter().filter(|m| m.excluded.is_some()).map(|m| m.full_name.as_str()).collect();
        assert_eq!(excluded, ["Đảng viên mới C1"]);

        // A tier for the excluded member is refused, with 21-HD's point; nothing is written.
        let audit = audit_rows(&w.db);
        let wrong = refused(w.app.rate(
            &w.secretary,
            "DK-C1",
            2020,
            rate("proposed", Some("good"), &[(&w.newcomer, "good")]),
        ));
        assert!(wrong[0].0.contains("Đảng viên mới C1") && wrong[0].0.contains("6 tháng"), "{wrong:?}");
        assert!(wrong[0].1.unwrap().contains("21-HD/BTCTW"), "{wrong:?}");
        assert_eq!(audit_rows(&w.db), audit);
        assert!(
            tiers(&ok("round", w.app.rating_round(&w.secretary, "DK-C1", 2020)))
                .iter()
                .all(|t| t.1.is_none())
        );

        // The proposal: one excellent, five good, the cell excellent.
        let mut members: Vec<(&MembershipId, &str)> = c.iter().map(|id| (id, "good")).collect();
        members[0].1 = "excellent";
        ok("propose", w.app.rate(&w.secretary, "DK-C1", 2020, rate("proposed", Some("excellent"), &members)));

        // The secretary may not decide: the ward's committee does, and says so.
        let wrong = refused(w.app.rate(&w.secretary, "DK-C1", 2020, rate("decided", Some("excellent"), &[])));
        assert!(wrong[0].0.contains("thuộc thẩm quyền Đảng bộ phường Đông Kinh"), "{wrong:?}");
        // Members are decided with or after their cell.
        let wrong = refused(w.app.rate(&w.ward, "DK-C1", 2020, rate("decided", None, &members)));
        assert!(wrong[0].0.contains("tập thể trước, cá nhân sau"), "{wrong:?}");
        // The ward decides the cell and its members at once.
        let view =
            ok("decide", w.app.rate(&w.ward, "DK-C1", 2020, rate("decided", Some("excellent"), &members)));
        assert_eq!(view.unit.decided, Some(Tier::Excellent));
        assert_eq!(view.members.iter().filter(|m| m.stages.decided == Some(Tier::Good)).count(), 5);

        // The ward itself is decided by the city, after DK-C2 is decided too.
        ok("propose DK", w.app.rate(&w.ward, "DK", 2020, rate("proposed", Some("good"), &[])));
        let wrong = refused(w.app.rate(&w.ward, "DK", 2020, rate("decided", Some("good"), &[])));
        assert!(wrong[0].0.contains("thuộc thẩm quyền Đảng bộ thành phố"), "{wrong:?}");
        let wrong = refused(w.app.rate(&w.city, "DK", 2020, rate("decided", Some("good"), &[])));
        assert!(wrong[0].0.contains("Chi bộ khối 2") && wrong[0].0.contains("cấp dưới trước"), "{wrong:?}");
        ok("propose DK-C2", w.app.rate(&w.ward, "DK-C2", 2020, rate("proposed", Some("good"), &[])));
        ok("decide DK-C2", w.app.rate(&w.ward, "DK-C2", 2020, rate("decided", Some("good"), &[])));
        ok("decide DK", w.app.rate(&w.city, "DK", 2020, rate("decided", Some("good"), &[])));

        let stats = ok("stats", w.app.rating_stats(&w.city, 2020, None));
        assert_eq!((stats.orgs.total, stats.orgs.good), (1, 1), "{stats:?}");
        assert_eq!((stats.members.total, stats.members.excellent, stats.members.good), (6, 1, 5));
        assert_eq!(stats.members.good_or_better_pct, 100.0);
        assert_eq!(stats.years, [2020]);
        // CB and VT are not decided: below target, as the list says.
        let below: Vec<&str> = stats.below_target.iter().map(|u| u.code.as_str()).collect();
        assert!(below.contains(&"CB") && below.contains(&"VT") && !below.contains(&"DK"), "{below:?}");
    });
}

#[test]
fn a_refused_decision_lists_every_broken_rule_with_its_text_and_writes_nothing() {
    each_backend(|db| {
        let w = world(db);
        // CB is a TCCSĐ: the cap counts there. Two excellent of five good or better: 2 × 5 > 5.
        let mut members: Vec<(&MembershipId, &str)> = w.cb.iter().map(|id| (id, "good")).collect();
        members[0].1 = "excellent";
        members[1].1 = "excellent";
        let before = (audit_rows(&w.db), ok("round", w.app.rating_round(&w.city, "CB", 2021)).members.len());
        let wrong = refused(w.app.rate(&w.city, "CB", 2021, rate("proposed", Some("excellent"), &members)));
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert!(
            wrong[0].0.starts_with("Chi bộ Trường THPT Việt Bắc: Số đảng viên hoàn thành xuất sắc"),
            "{wrong:?}"
        );
        assert_eq!(wrong[0].1, Some("Hướng dẫn 21-HD/BTCTW, mục II, điểm 2.3 a)"));
        assert_eq!(audit_rows(&w.db), before.0);
        assert!(tiers(&ok("round", w.app.rating_round(&w.city, "CB", 2021))).iter().all(|t| t.1.is_none()));

        // A reprimand in 2021 makes the member not complete; proposing good is refused.
        ok(
            "reprimand",
            w.app.decide_discipline(
                &w.city,
                discipline("reprimand", "TU", Some(&w.cb[2]), None, "2021-06-01"),
            ),
        );
        members[1].1 = "good";
        let wrong = refused(w.app.rate(&w.city, "CB", 2021, rate("proposed", Some("excellent"), &members)));
        assert!(
            wrong.iter().any(|(m, c)| m.contains("CB số 2") && m.contains("khiển trách") && c.is_some()),
            "{wrong:?}"
        );
        // And the cell cannot be excellent with a member not complete.
        members[0].1 = "good";
        members[2].1 = "not_complete";
        let wrong = refused(w.app.rate(&w.city, "CB", 2021, rate("proposed", Some("excellent"), &members)));
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert!(wrong[0].0.contains("100% đảng viên"), "{wrong:?}");
        ok("propose", w.app.rate(&w.city, "CB", 2021, rate("proposed", Some("good"), &members)));

        // Before 2018 nothing is checked, and the round says so.
        let view = ok("2017", w.app.rating_round(&w.city, "CB", 2017));
        assert!(!view.checked && view.policy == "unchecked");
        // A self-assessment is recorded as given, except for someone not rated.
        ok("self", w.app.rate(&w.city, "CB", 2021, rate("self", None, &[(&w.cb[2], "excellent")])));
    });
}

#[test]
fn discipline_forms_follow_the_subject_and_the_bodys_competence() {
    each_backend(|db| {
        let w = world(db);
        let cell = account(&w.app, "c1.ubkt", "org_admin", Some("DK-C1"));
        let counts = || (audit_rows(&w.db), membership_rows(&w.db));
        let before = counts();
        // A probationary member: reprimand or warning only (Điều lệ Đảng, Điều 35, khoản 2).
        let newcomer = &w.newcomer;
        let msg = refused_on(
            w.app.decide_discipline(
                &w.ward,
                discipline("expulsion", "DK", Some(newcomer), None, "2020-11-01"),
            ),
            "form",
        );
        assert!(msg.contains("đảng viên dự bị"), "{msg}");
        // A cell decides no more than a warning.
        let msg = refused_on(
            w.app.decide_discipline(
                &cell,
                discipline("expulsion", "DK-C1", Some(&w.c1[0]), None, "2020-11-01"),
            ),
            "by_org_code",
        );
        assert!(msg.contains("Chi bộ chỉ quyết định khiển trách, cảnh cáo"), "{msg}");
        // An organization is not disciplined by itself, nor by someone outside the tree above.
        let msg = refused_on(
            w.app.decide_discipline(&w.ward, discipline("warning", "DK", None, Some("DK"), "2020-11-01")),
            "by_org_code",
        );
        assert!(msg.contains("không tự quyết định"), "{msg}");
        let msg = refused_on(
            w.app
                .decide_discipline(&w.ward, discipline("expulsion", "DK", None, Some("DK-C1"), "2020-11-01")),
            "form",
        );
        assert!(msg.contains("tổ chức đảng"), "{msg}");
        assert!(matches!(
            w.app.decide_discipline(&w.ward, discipline("warning", "TU", None, Some("CB"), "2020-11-01")),
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            w.app.decide_discipline(
                &w.secretary,
                discipline("reprimand", "DK-C1", Some(&w.c1[0]), None, "2020-11-01")
            ),
            Err(AppError::Forbidden)
        ));
        assert_eq!(counts(), before);

        // The ward expels an official member: the membership ends through the lifecycle.
        ok(
            "confirm",
            w.app.record_member_event(&Actor::system(), &w.c1[5], event("confirmation", "2011-03-02", None)),
        );
        ok(
            "expel",
            w.app.decide_discipline(
                &w.ward,
                discipline("expulsion", "DK", Some(&w.c1[5]), None, "2020-11-01"),
            ),
        );
        let member = ok("member", w.app.member_detail(&Actor::system(), &w.c1[5]));
        assert_eq!(member.summary.status.code(), "expelled");
        let cases = ok("cases", w.app.cases(&w.ward));
        assert_eq!(cases.disciplines.len(), 1);
        assert_eq!(cases.disciplines[0].form_label, "Khai trừ");
        // The expelled member is no longer on the cell's roll at the year's end.
        let view = ok("round", w.app.rating_round(&w.ward, "DK-C1", 2020));
        assert_eq!(view.members.len(), 6);
    });
}

#[test]
fn facts_recorded_at_the_proposal_stand_at_the_decision_and_a_units_own_discipline_counts() {
    use coso_app::ratings::MemberFactsInput;
    each_backend(|db| {
        let w = world(db);
        let c = &w.c1;
        // The proposal records that c[0] met under half of the targets: not complete.
        let mut input = rate("proposed", Some("good"), &c.iter().map(|id| (id, "good")).collect::<Vec<_>>());
        input.members[0].tier = Some("not_complete".into());
        input.members[0].facts =
            Some(MemberFactsInput { targets_met_pct: Some(40), ..MemberFactsInput::default() });
        ok("propose", w.app.rate(&w.secretary, "DK-C1", 2020, input));
        // The decision sends tiers only: the facts on record still hold c[0] to not complete.
        let wrong =
            refused(w.app.rate(&w.ward, "DK-C1", 2020, rate("decided", Some("good"), &[(&c[0], "good")])));
        assert!(wrong[0].0.contains("dưới 50% chỉ tiêu"), "{wrong:?}");
        // Facts the rules cannot read are the submitter's to correct, not a server error.
        let mut bad = rate("proposed", None, &[(&c[1], "good")]);
        bad.members[0].facts =
            Some(MemberFactsInput { targets_met_pct: Some(140), ..MemberFactsInput::default() });
        let wrong = refused(w.app.rate(&w.secretary, "DK-C1", 2020, bad));
        assert!(
            wrong[0].0.starts_with("Đồng chí Đảng viên C1 số 1 (targets_met_pct): số liệu không hợp lệ"),
            "{wrong:?}"
        );

        // The ward warns the cell itself in 2020 (132-QĐ/TW Điều 12 khoản 4 điểm a): not complete.
        ok(
            "warn the cell",
            w.app.decide_discipline(&w.ward, discipline("warning", "DK", None, Some("DK-C1"), "2020-09-01")),
        );
        let wrong = refused(w.app.rate(&w.secretary, "DK-C1", 2020, rate("proposed", Some("good"), &[])));
        assert!(wrong[0].0.starts_with("Chi bộ khối 1: Tổ chức bị kỷ luật"), "{wrong:?}");
        assert_eq!(wrong[0].1, Some("Quy định 132-QĐ/TW, Điều 12, khoản 4, điểm a"));

        // An inspector records discipline but may not end a membership.
        let inspector = account(&w.app, "dk.ubkt", "inspector", Some("DK"));
        ok(
            "confirm",
            w.app.record_member_event(&Actor::system(), &c[4], event("confirmation", "2011-03-02", None)),
        );
        let before = (audit_rows(&w.db), membership_rows(&w.db));
        assert!(matches!(
            w.app.decide_discipline(
                &inspector,
                discipline("expulsion", "DK", Some(&c[4]), None, "2020-11-01")
            ),
            Err(AppError::Forbidden)
        ));
        assert_eq!((audit_rows(&w.db), membership_rows(&w.db)), before);
        ok(
            "reprimand",
            w.app.decide_discipline(
                &inspector,
                discipline("reprimand", "DK", Some(&c[4]), None, "2020-11-01"),
            ),
        );
    });
}
