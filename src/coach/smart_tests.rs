//! Tests for every SMART verdict.

use super::*;
use crate::coach::test_support::{add, day, goal};
use crate::i18n::Lang;
use crate::model::goal::{Filters, Milestone};

fn codes(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(Finding::code).collect()
}

fn verdict(findings: &[Finding]) -> Verdict {
    findings.iter().map(Finding::verdict).max().unwrap()
}

const TODAY: &str = "2026-11-28";

#[test]
fn a_well_written_goal_is_smart() {
    let mut net = Network::default();
    net.set_weekly_minutes(120);
    let g = goal(Metric::NewContacts, 4, TODAY, "2027-02-28");
    let c = check(&g, &net, day(TODAY));
    assert_eq!(c.worst(), Verdict::Ok, "{c:?}");
    assert_eq!(c.summary(true), "S+ M+ A+ R+ T+");
    assert!(c.weak_letters().is_empty());
}

#[test]
fn specific_missing_without_description() {
    let mut g = goal(Metric::Manual, 4, TODAY, "2027-02-28");
    g.title = "Networking".into();
    g.specific = None;
    assert_eq!(codes(&specific(&g)), vec!["no_description"]);
    assert_eq!(verdict(&specific(&g)), Verdict::Missing);
}

#[test]
fn specific_weak_on_vague_words_without_who_or_how_many() {
    let mut g = goal(Metric::Manual, 4, TODAY, "2027-02-28");
    g.title = "Network more".into();
    g.specific = Some("Get better at it".into());
    g.filters = Filters::default();
    let f = specific(&g);
    assert_eq!(codes(&f), vec!["vague"]);
    assert_eq!(f[0], Finding::Vague { words: vec!["network more".into(), "better".into()] });
    // The same words in Indonesian.
    g.title = "Kenal lebih banyak orang".into();
    g.specific = Some("Pokoknya lebih baik".into());
    assert_eq!(codes(&specific(&g)), vec!["vague"]);
    // A number pins vague words down.
    g.specific = Some("Kenal 10 orang lebih banyak dari tahun lalu".into());
    assert_eq!(verdict(&specific(&g)), Verdict::Ok);
}

#[test]
fn specific_weak_without_target_group_for_people_metrics() {
    let mut g = goal(Metric::NewContacts, 4, TODAY, "2027-02-28");
    g.filters = Filters::default();
    assert_eq!(codes(&specific(&g)), vec!["no_target_group"]);
    assert_eq!(verdict(&specific(&g)), Verdict::Weak);
    // Linked people are a target group too.
    g.contacts.push(uuid::Uuid::nil());
    assert_eq!(codes(&specific(&g)), vec!["clear"]);
}

#[test]
fn measurable_verdicts() {
    let mut g = goal(Metric::NewContacts, 4, TODAY, "2027-02-28");
    assert_eq!(codes(&measurable(&g)), vec!["counted"]);
    g.target = None;
    assert_eq!(verdict(&measurable(&g)), Verdict::Missing);
    assert!(codes(&measurable(&g)).contains(&"no_target"));
    g.target = Some(0);
    assert!(codes(&measurable(&g)).contains(&"zero_target"));
    g.target = Some(3);
    g.metric = Metric::Unknown("vibes".into());
    assert_eq!(codes(&measurable(&g)), vec!["uncountable"]);
    assert_eq!(verdict(&measurable(&g)), Verdict::Missing);
    g.metric = Metric::Manual;
    assert_eq!((codes(&measurable(&g)), verdict(&measurable(&g))), (vec!["by_hand"], Verdict::Ok));
    g.metric = Metric::PromisesKept;
    assert_eq!(codes(&measurable(&g)), vec!["counted"], "kept promises are counted from the records");
}

/// A network with a best 4-week pace of 1.5 new fintech contacts a week (to 2026-10-31),
/// the people the test goals count.
fn history() -> Network {
    let mut net = Network::default();
    for d in ["2026-09-10", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-20", "2026-10-21", "2026-10-30"] {
        add(&mut net, d, &["fintech"]);
    }
    net
}

#[test]
fn achievable_missing_without_a_plan() {
    let mut g = goal(Metric::NewContacts, 4, TODAY, "2027-02-28");
    g.achievable = None;
    let f = achievable(&g, &Network::default(), day(TODAY));
    assert_eq!(codes(&f), vec!["no_plan", "no_history"]);
    assert_eq!(verdict(&f), Verdict::Missing);
}

#[test]
fn achievable_weak_when_the_pace_is_beyond_your_best() {
    let net = history();
    // 20 people in 4 weeks (28 days from today inclusive) = 5 a week.
    let g = goal(Metric::NewContacts, 20, TODAY, "2026-12-25");
    let f = achievable(&g, &net, day(TODAY));
    assert_eq!(verdict(&f), Verdict::Weak);
    let Finding::TooFast { needed, best, fair_target, fair_deadline } = &f[0] else { panic!("{f:?}") };
    assert_eq!((*needed, best.per_week), (5.0, 1.5));
    assert_eq!(*fair_target, 6);
    // 20 at 1.5 a week: 94 days.
    assert_eq!(*fair_deadline, Some(day("2027-03-02")));
    assert_eq!(f[0].reason(Lang::En), "needs 5 a week; your best 4-week pace was 1.5 a week (4 weeks to 2026-10-31)");
    assert!(f[0].suggestion(Lang::Id).unwrap().contains("turunkan --target ke 6"));
}

#[test]
fn achievable_ok_within_your_pace() {
    let net = history();
    let g = goal(Metric::NewContacts, 6, TODAY, "2026-12-25");
    let f = achievable(&g, &net, day(TODAY));
    assert_eq!(codes(&f), vec!["plan", "within_pace"]);
}

#[test]
fn realistic_missing_without_a_reason() {
    let mut g = goal(Metric::NewContacts, 4, TODAY, "2027-02-28");
    g.relevant = None;
    let f = realistic(&g, &Network::default(), day(TODAY));
    assert_eq!(codes(&f), vec!["no_reason", "no_weekly_time"]);
    assert_eq!(verdict(&f), Verdict::Missing);
}

#[test]
fn realistic_weak_when_all_goals_exceed_the_weekly_time() {
    let mut net = Network::default();
    net.set_weekly_minutes(60);
    // Another active goal: 4 stage-ups in 4 weeks = 1 a week = 120 minutes.
    let mut other = goal(Metric::StageUps, 4, TODAY, "2026-12-25");
    other.number = 2;
    net.goals.push(other);
    // This one: 4 new people in 4 weeks = 1 a week = 60 minutes.
    let g = goal(Metric::NewContacts, 4, TODAY, "2026-12-25");
    let f = realistic(&g, &net, day(TODAY));
    assert_eq!(f[0], Finding::OverBudget { total: 180, weekly: 60, this: 60, by_hand: 0, uncountable: vec![] });
    assert_eq!(verdict(&f), Verdict::Weak);
    // Dropping the other goal makes it fit.
    net.goals[0].status = crate::model::goal::Status::Dropped;
    assert_eq!(codes(&realistic(&g, &net, day(TODAY))), vec!["reason", "within_budget"]);
}

#[test]
fn timed_verdicts() {
    let today = day(TODAY);
    let mut g = goal(Metric::NewContacts, 4, TODAY, "2027-02-28");
    assert_eq!(codes(&timed(&g, today)), vec!["deadline"]);
    g.deadline = None;
    assert_eq!((codes(&timed(&g, today)), verdict(&timed(&g, today))), (vec!["no_deadline"], Verdict::Missing));
    g.start = day("2026-01-01");
    g.deadline = Some(day("2026-11-01"));
    assert_eq!(codes(&timed(&g, today)), vec!["deadline_passed", "deadline"]);
    assert_eq!(verdict(&timed(&g, today)), Verdict::Weak);
    g.deadline = Some(day("2025-12-01"));
    assert_eq!(verdict(&timed(&g, today)), Verdict::Missing);
    g.start = today;
    g.deadline = Some(day("2028-06-01"));
    assert_eq!(codes(&timed(&g, today)), vec!["far_without_milestones", "deadline"]);
    g.milestones.push(Milestone { on: day("2027-06-01"), target: 2 });
    assert_eq!(codes(&timed(&g, today)), vec!["deadline"]);
}

#[test]
fn every_finding_has_words_in_both_languages() {
    let net = history();
    let mut g = goal(Metric::NewContacts, 20, TODAY, "2026-12-25");
    g.relevant = None;
    let c = check(&g, &net, day(TODAY));
    for l in &c.letters {
        for f in &l.findings {
            assert_ne!(f.reason(Lang::En), f.reason(Lang::Id), "{f:?}");
        }
        assert_ne!(l.letter.explain(Lang::En), l.letter.explain(Lang::Id));
    }
    assert_eq!(c.summary(false), "S✓ M✓ A~ R✗ T✓");
}

#[test]
fn a_goal_this_version_cannot_count_is_not_said_to_be_counted_by_hand() {
    let mut net = Network::default();
    net.set_weekly_minutes(120);
    let mut newer = goal(Metric::Unknown("vibes".into()), 4, TODAY, "2026-12-25");
    newer.number = 3;
    net.goals.push(newer);
    let g = goal(Metric::NewContacts, 4, TODAY, "2026-12-25");
    let f = realistic(&g, &net, day(TODAY));
    let said = f.iter().find(|f| f.code() == "within_budget").expect("within budget").reason(Lang::En);
    assert!(!said.contains("by hand"), "{said}");
    assert!(
        said.ends_with(
            "; not counting goal 3, whose metric this version cannot count (update jejaring, or choose one it \
             knows: `jejaring goal edit 3 --metric`)"
        ),
        "{said}"
    );
    let id = f.iter().find(|f| f.code() == "within_budget").unwrap().reason(Lang::Id);
    assert!(id.contains("belum termasuk tujuan 3, yang metriknya tidak bisa dihitung versi ini"), "{id}");
    assert!(!id.contains("dihitung sendiri"), "{id}");
    // A goal counted by hand beside it is still said as one.
    let mut manual = goal(Metric::Manual, 4, TODAY, "2026-12-25");
    manual.number = 4;
    net.goals.push(manual);
    let f = realistic(&g, &net, day(TODAY));
    let said = f.iter().find(|f| f.code() == "within_budget").unwrap().reason(Lang::En);
    assert!(
        said.contains("; not counting 1 goal counted by hand, whose time is yours to judge; not counting goal 3,"),
        "{said}"
    );
}
