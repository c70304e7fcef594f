//! The weekly review's numbers, without a terminal.

use super::*;
use crate::coach::test_support;
use crate::model::{Contact, Pick, PromiseStatus, TrustNote};
use chrono::{DateTime, TimeZone, Utc};
use serde_json::Map;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn end() -> NaiveDate {
    day("2026-11-28")
}

fn person(net: &mut Network, name: &str, stage: Stage, added: &str) -> Uuid {
    let at = Utc.from_utc_datetime(&day(added).and_hms_opt(9, 0, 0).unwrap());
    let mut c = Contact::new(Uuid::now_v7(), format!("h{}", net.contacts.len()), name.into(), at);
    c.stage = stage;
    c.met_on = Some(day(added));
    c.every = Some("2w".parse().unwrap());
    let id = c.id;
    net.contacts.push(c);
    id
}

fn talk(net: &mut Network, who: Uuid, on: &str, they: bool) {
    net.interactions.push(test_support::interaction(&[who], on, they));
}

fn promise(net: &mut Network, n: u32, due: &str, status: PromiseStatus, resolved: Option<&str>) {
    let who = net.contacts[0].id;
    net.promises.push(test_support::promise(who, n, due, status, resolved));
}

#[test]
fn the_plan_is_compared_with_what_happened() {
    let mut net = Network::default();
    let a = person(&mut net, "A", Stage::Connection, "2026-01-01");
    let b = person(&mut net, "B", Stage::Connection, "2026-01-01");
    net.plans.push(Plan {
        id: Uuid::now_v7(),
        starts: day("2026-11-21"),
        picks: vec![Pick { contact: a, reason: "overdue".into() }, Pick { contact: b, reason: "widen".into() }],
        made: Utc::now(),
        extra: Map::new(),
    });
    talk(&mut net, a, "2026-11-24", false);
    let r = report(&net, end());
    let plan = r.plan.unwrap();
    assert_eq!(plan.reached, vec![Person { contact: a, name: "A".into() }]);
    assert_eq!(plan.missed, vec![Person { contact: b, name: "B".into() }]);
    assert_eq!((r.numbers.planned, r.numbers.planned_reached), (2, 1));
}

#[test]
fn the_week_in_numbers() {
    let mut net = Network::default();
    let a = person(&mut net, "A", Stage::Connection, "2026-01-01");
    let s = person(&mut net, "S", Stage::Stranger, "2026-11-25");
    talk(&mut net, a, "2026-11-22", true);
    talk(&mut net, a, "2026-11-27", false);
    talk(&mut net, s, "2026-11-25", false);
    talk(&mut net, a, "2026-11-21", false); // the day before the week
    let r = report(&net, end());
    let n = &r.numbers;
    assert_eq!((n.interactions, n.people, n.new_people, n.they_reached_out, n.you_reached_out), (3, 2, 1, 1, 2));
    assert_eq!(r.new_by_stage, vec![("stranger".to_string(), 1)]);
    assert!(r.plan.is_none());
}

#[test]
fn promises_and_the_reliability_trend() {
    let mut net = Network::default();
    person(&mut net, "A", Stage::Connection, "2026-01-01");
    promise(&mut net, 1, "2026-11-20", PromiseStatus::Open, None);
    promise(&mut net, 2, "2026-12-02", PromiseStatus::Open, None);
    promise(&mut net, 3, "2026-11-25", PromiseStatus::Kept, Some("2026-11-24"));
    promise(&mut net, 4, "2026-11-10", PromiseStatus::Broken, Some("2026-11-11"));
    promise(&mut net, 5, "2027-02-01", PromiseStatus::Open, None);
    let r = report(&net, end()).promises;
    assert_eq!(r.overdue, vec![1]);
    assert_eq!(r.due_soon, vec![2]);
    assert_eq!(r.kept, vec![3]);
    assert!(r.broken.is_empty(), "broken before the week");
    // A week ago #1 was already overdue and #4 broken; now #3 is kept on time too,
    // and the overdue #1 still counts against the rate: 1 of 3.
    assert_eq!(r.rate_week_ago, Some(0));
    assert_eq!(r.rate, Some(33));
}

#[test]
fn cooling_and_trust_changes() {
    let mut net = Network::default();
    let a = person(&mut net, "A", Stage::Connection, "2026-01-01");
    talk(&mut net, a, "2026-11-10", false);
    net.trust_notes.push(TrustNote {
        id: Uuid::now_v7(),
        contact: a,
        on: day("2026-11-26"),
        level: Some(5),
        note: None,
        logged: DateTime::UNIX_EPOCH,
        extra: Map::new(),
    });
    let r = report(&net, end());
    assert_eq!(r.trust_changes, vec![Change { contact: a, name: "A".into(), from: 3, to: 5 }]);
    // 11 days → 18 days since the last talk on a 2-week rhythm: recency dropped.
    assert_eq!(r.cooled.len(), 1);
    assert!(r.cooled[0].from > r.cooled[0].to);
}

#[test]
fn a_relationship_that_never_started_is_not_cooling() {
    let mut net = Network::default();
    // Added in October on a 2-week rhythm, never talked to: past the rhythm during
    // the week, but there is nothing to cool from and the warmth did not move.
    person(&mut net, "Never talked", Stage::Acquaintance, "2026-11-08");
    person(&mut net, "Never talked either", Stage::Connection, "2026-11-09");
    assert!(report(&net, end()).cooled.is_empty());
}

#[test]
fn goals_report_the_weeks_progress_and_weak_letters() {
    use crate::model::goal::{Goal, Metric};
    let mut net = Network::default();
    person(&mut net, "Old", Stage::Connection, "2026-10-05");
    person(&mut net, "New 1", Stage::Stranger, "2026-11-23");
    person(&mut net, "New 2", Stage::Stranger, "2026-11-27");
    let mut g = Goal::new(1, "Meet people".into(), Metric::NewContacts, day("2026-10-01"), Utc::now());
    g.target = Some(10);
    g.deadline = Some(day("2026-12-31"));
    net.goals.push(g);
    let mut dropped = Goal::new(2, "Old goal".into(), Metric::Manual, day("2026-10-01"), Utc::now());
    dropped.status = crate::model::goal::Status::Dropped;
    net.goals.push(dropped);
    let r = report(&net, end());
    assert_eq!(r.goals.len(), 1, "only active goals");
    let g = &r.goals[0];
    assert_eq!((g.progress.current, g.this_week), (3, 2));
    // No specific description, no reasons: S, A and R are flagged.
    assert!(g.weak.contains(&Letter::Specific) && g.weak.contains(&Letter::Realistic), "{:?}", g.weak);
}

fn saved(net: &mut Network, on: &str) {
    net.reviews.push(crate::model::Review {
        id: Uuid::now_v7(),
        on: day(on),
        numbers: Numbers::default(),
        went_well: None,
        differently: None,
        plan: None,
        made: Utc::now(),
        extra: Map::new(),
    });
}

#[test]
fn a_review_covers_everything_since_the_last_one() {
    let mut net = Network::default();
    let a = person(&mut net, "A", Stage::Connection, "2026-01-01");
    saved(&mut net, "2026-11-14");
    // The week of 2026-11-16 had no review; its lunch and kept promise are not lost.
    talk(&mut net, a, "2026-11-18", false);
    promise(&mut net, 1, "2026-11-19", PromiseStatus::Kept, Some("2026-11-19"));
    talk(&mut net, a, "2026-11-26", true);
    let r = report(&net, end());
    assert_eq!((r.start, r.days(), r.last_review), (day("2026-11-15"), 14, Some(day("2026-11-14"))));
    assert_eq!(r.numbers.interactions, 2);
    assert_eq!(r.promises.kept, vec![1]);
    // The skipped week ended a streak of one week; nothing continues into this one.
    assert_eq!((r.streak_before, r.ended_streak), (0, Some(1)));
}

#[test]
fn a_second_review_in_the_same_week_covers_the_same_days() {
    let mut net = Network::default();
    saved(&mut net, "2026-11-21");
    saved(&mut net, "2026-11-27");
    let r = report(&net, end());
    // The review of 2026-11-27 is this week's and is being replaced, not continued.
    assert_eq!((r.start, r.last_review), (day("2026-11-22"), Some(day("2026-11-21"))));
    assert_eq!((r.streak_before, r.ended_streak), (1, None));
}

#[test]
fn cooling_names_only_a_crossed_rhythm_or_a_sharp_fall() {
    let mut net = Network::default();
    // Within a 2-week rhythm before and after: warmth slips a little, not news.
    let steady = person(&mut net, "Steady", Stage::Connection, "2026-01-01");
    talk(&mut net, steady, "2026-11-18", false);
    // Due on 2026-11-24: within the rhythm a week ago, past it now.
    let crossed = person(&mut net, "Crossed", Stage::Connection, "2026-01-01");
    talk(&mut net, crossed, "2026-11-10", false);
    // Long past the rhythm already a week ago: not a change this week.
    let long = person(&mut net, "Long", Stage::Connection, "2026-01-01");
    talk(&mut net, long, "2026-08-01", false);
    let r = report(&net, end());
    let names: Vec<&str> = r.cooled.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["Crossed"]);
    assert_eq!(r.cooled[0].past_rhythm_days, Some(4));
    let s = net.contacts.iter().find(|c| c.id == steady).unwrap();
    let index = Index::new(&net);
    assert!(index.warmth_on(s, day("2026-11-28")).score < index.warmth_on(s, day("2026-11-21")).score);
}

#[test]
fn a_sharp_fall_in_warmth_is_named_without_a_rhythm_crossed() {
    let mut net = Network::default();
    let a = person(&mut net, "A", Stage::Connection, "2026-01-01");
    net.contacts[0].every = Some("8w".parse().unwrap());
    // Since the last review a month ago: no talk, though still within 8 weeks, and
    // a promise to them went overdue. Together a steep fall.
    for d in ["2026-10-28", "2026-10-21", "2026-10-14", "2026-10-07"] {
        talk(&mut net, a, d, false);
    }
    promise(&mut net, 1, "2026-11-20", PromiseStatus::Open, None);
    saved(&mut net, "2026-10-31");
    let r = report(&net, end());
    assert_eq!(r.cooled.len(), 1, "{:?}", r.cooled);
    assert_eq!(r.cooled[0].past_rhythm_days, None);
    assert!(r.cooled[0].from >= r.cooled[0].to + SHARP_DROP);
}

#[test]
fn birthdays_in_the_coming_week() {
    let mut net = Network::default();
    person(&mut net, "Soon", Stage::Connection, "2026-01-01");
    person(&mut net, "Later", Stage::Connection, "2026-01-01");
    net.contacts[0].birthday = Some("1990-12-05".parse().unwrap());
    net.contacts[1].birthday = Some("--12-06".parse().unwrap());
    let r = report(&net, end());
    assert_eq!(r.birthdays.len(), 1);
    let b = &r.birthdays[0];
    assert_eq!((b.name.as_str(), b.on, b.in_days, b.turns), ("Soon", day("2026-12-05"), 7, Some(36)));
}

#[test]
fn an_empty_network_has_a_quiet_report() {
    let r = report(&Network::default(), end());
    assert_eq!(r.numbers, Numbers::default());
    assert!(r.cooled.is_empty() && r.trust_changes.is_empty() && r.plan.is_none());
    assert_eq!(r.streak, 0);
    assert_eq!(r.start, day("2026-11-22"));
}
