//! The weekly picks, without a terminal: who is proposed, in what order and why.

use super::*;
use crate::coach::test_support;
use crate::model::PromiseStatus;
use chrono::{TimeZone, Utc};

fn today() -> NaiveDate {
    "2026-11-28".parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn add(net: &mut Network, name: &str, circle: Circle, stage: Stage, every: Option<&str>) -> Uuid {
    let mut c = Contact::new(
        Uuid::now_v7(),
        format!("h{}", net.contacts.len()),
        name.into(),
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
    );
    c.circle = circle;
    c.stage = stage;
    c.every = every.map(|e| e.parse().unwrap());
    let id = c.id;
    net.contacts.push(c);
    id
}

fn talk(net: &mut Network, who: Uuid, on: &str) {
    net.interactions.push(test_support::interaction(&[who], on, false));
}

fn pick(net: &Network, count: usize) -> Selection {
    select(net, today(), count, &HashMap::new())
}

fn reason_of(s: &Selection, id: Uuid) -> Option<&Reason> {
    s.picks.iter().find(|c| c.contact == id).map(|c| &c.reason)
}

#[test]
fn overdue_people_come_first_most_overdue_first() {
    let mut net = Network::default();
    let a = add(&mut net, "A", Circle::Friend, Stage::Connection, Some("30d"));
    let b = add(&mut net, "B", Circle::Colleague, Stage::Connection, Some("30d"));
    talk(&mut net, a, "2026-09-01");
    talk(&mut net, b, "2026-10-01");
    let s = pick(&net, 2);
    assert_eq!(s.picks[0].contact, a);
    assert_eq!(s.picks[0].reason, Reason::Overdue { days: 58 });
    assert_eq!(reason_of(&s, b), Some(&Reason::Overdue { days: 28 }));
}

#[test]
fn promises_outrank_everything() {
    let mut net = Network::default();
    let a = add(&mut net, "A", Circle::Friend, Stage::Connection, Some("30d"));
    talk(&mut net, a, "2026-08-01");
    let b = add(&mut net, "B", Circle::Colleague, Stage::Connection, None);
    talk(&mut net, b, "2026-11-27");
    net.promises.push(test_support::promise(b, 7, "2026-11-25", PromiseStatus::Open, None));
    let s = pick(&net, 2);
    assert_eq!(s.picks[0].contact, b);
    assert_eq!(s.picks[0].reason, Reason::Promise { n: 7, due: day("2026-11-25"), overdue: true, also: vec![] });
}

#[test]
fn goal_people_are_proposed() {
    let mut net = Network::default();
    let a = add(&mut net, "A", Circle::Colleague, Stage::Connection, None);
    talk(&mut net, a, "2026-11-20");
    let goals = HashMap::from([(a, GoalLink { title: "Meet 10 fintech people".into(), introduce: None })]);
    let s = select(&net, today(), 3, &goals);
    assert_eq!(reason_of(&s, a), Some(&Reason::Goal { title: "Meet 10 fintech people".into() }));
}

#[test]
fn cooling_relationships_are_noticed() {
    let mut net = Network::default();
    let a = add(&mut net, "A", Circle::Friend, Stage::Trusted, Some("4w"));
    for d in ["2026-10-25", "2026-10-18", "2026-10-11", "2026-10-04", "2026-09-27"] {
        talk(&mut net, a, d);
    }
    let s = pick(&net, 1);
    // A month ago they talked weekly; now it has been five weeks.
    assert_eq!(s.picks[0].reason, Reason::Cooling { from: 69, to: 44 });
}

#[test]
fn someone_new_is_always_included() {
    let mut net = Network::default();
    for i in 0..6 {
        let id = add(
            &mut net,
            &format!("Close {i}"),
            if i % 2 == 0 { Circle::Friend } else { Circle::Family },
            Stage::Trusted,
            Some("30d"),
        );
        talk(&mut net, id, "2026-08-01");
    }
    let stranger = add(&mut net, "Stranger", Circle::Other, Stage::Stranger, None);
    let s = pick(&net, 3);
    assert_eq!(s.picks.len(), 3);
    assert_eq!(reason_of(&s, stranger), Some(&Reason::Widen { stage: Stage::Stranger }));
}

/// A stranger met on `met` at a meetup and entered that day, with the meeting logged.
fn met(net: &mut Network, name: &str, on: &str) -> Uuid {
    let id = add(net, name, Circle::Other, Stage::Stranger, None);
    let c = net.contacts.iter_mut().find(|c| c.id == id).unwrap();
    c.met_on = Some(day(on));
    c.added = Utc.from_utc_datetime(&day(on).and_hms_opt(20, 0, 0).unwrap());
    talk(net, id, on);
    id
}

#[test]
fn someone_newly_met_is_due_a_follow_up() {
    let mut net = Network::default();
    let kofi = met(&mut net, "Kofi", "2026-11-16");
    let s = pick(&net, 3);
    let due = Reason::FollowUp { met: day("2026-11-16"), due: day("2026-11-23"), first: true, late: true };
    assert_eq!(reason_of(&s, kofi), Some(&due));
    assert_eq!(
        due.describe(Lang::En),
        "met on 2026-11-16; the first follow-up was due 2026-11-23, a week after meeting: reach out now"
    );
    // Met four days ago: due in three days, within this week.
    let lina = met(&mut net, "Lina", "2026-11-24");
    let soon = Reason::FollowUp { met: day("2026-11-24"), due: day("2026-12-01"), first: true, late: false };
    assert_eq!(reason_of(&pick(&net, 3), lina), Some(&soon));
    // Followed up: next due a month later, so this week there is only the door to widen.
    talk(&mut net, kofi, "2026-11-20");
    assert_eq!(reason_of(&pick(&net, 3), kofi), Some(&Reason::Widen { stage: Stage::Stranger }));
}

#[test]
fn the_widen_pick_prefers_someone_newly_met_to_a_long_quiet_acquaintance() {
    let mut net = Network::default();
    for i in 0..4 {
        let id = add(&mut net, &format!("Close {i}"), Circle::Friend, Stage::Trusted, Some("30d"));
        talk(&mut net, id, "2026-09-01");
    }
    let old = add(&mut net, "Old acquaintance", Circle::Colleague, Stage::Acquaintance, Some("3m"));
    talk(&mut net, old, "2026-04-12");
    let new = met(&mut net, "Newly met", "2026-11-16");
    let s = pick(&net, 3);
    assert!(s.picks.iter().any(|c| c.contact == old), "230 days quiet: overdue, and picked for that");
    assert!(s.picks.iter().any(|c| c.contact == new), "and someone newly met still gets a place");
    assert_eq!(s.picks.len(), 3);
}

#[test]
fn a_new_contacts_goal_behind_asks_its_people_for_introductions() {
    let mut net = Network::default();
    let budi = add(&mut net, "Budi", Circle::Colleague, Stage::Trusted, None);
    talk(&mut net, budi, "2026-11-20");
    let link =
        GoalLink { title: "Meet 10 people in fintech".into(), introduce: Some((vec!["fintech".into()], Vec::new())) };
    let s = select(&net, today(), 3, &HashMap::from([(budi, link)]));
    let reason = reason_of(&s, budi).unwrap();
    assert_eq!(
        reason.describe(Lang::En),
        "your goal \"Meet 10 people in fintech\" is behind: ask them to introduce you to someone in fintech"
    );
    let by_circle = Reason::Introduce { title: "G".into(), tags: Vec::new(), circles: vec![Circle::Colleague] };
    assert!(by_circle.describe(Lang::Id).ends_with("kepada seseorang di lingkaran kolega Anda"));
}

#[test]
fn circles_are_balanced() {
    let mut net = Network::default();
    for i in 0..6 {
        let id = add(&mut net, &format!("Col {i}"), Circle::Colleague, Stage::Connection, Some("30d"));
        talk(&mut net, id, "2026-07-01");
    }
    let friend = add(&mut net, "Friend", Circle::Friend, Stage::Connection, Some("30d"));
    talk(&mut net, friend, "2026-10-20");
    let family = add(&mut net, "Family", Circle::Family, Stage::Connection, Some("30d"));
    talk(&mut net, family, "2026-10-21");
    let s = pick(&net, 4);
    let colleagues = s.picks.iter().filter(|c| c.circle == Circle::Colleague).count();
    assert_eq!(colleagues, 2, "the more overdue colleagues do not crowd out the other circles");
    assert!(s.picks.iter().any(|c| c.contact == friend));
    assert!(s.picks.iter().any(|c| c.contact == family));
    // With only colleagues left to choose from, the list is topped up from them.
    assert_eq!(pick(&net, 6).picks.iter().filter(|c| c.circle == Circle::Colleague).count(), 4);
}

#[test]
fn snoozed_and_just_contacted_people_rest() {
    let mut net = Network::default();
    let a = add(&mut net, "A", Circle::Friend, Stage::Stranger, None);
    net.contacts[0].snoozed_until = Some(day("2026-12-05"));
    let b = add(&mut net, "B", Circle::Friend, Stage::Stranger, None);
    talk(&mut net, b, "2026-11-27");
    let s = pick(&net, 5);
    assert!(s.picks.iter().all(|c| c.contact != a && c.contact != b));
}

#[test]
fn acquaintances_talked_to_lately_are_worth_deepening() {
    let mut net = Network::default();
    let a = add(&mut net, "Recent", Circle::Colleague, Stage::Acquaintance, None);
    talk(&mut net, a, "2026-11-01");
    let b = add(&mut net, "Long ago", Circle::Friend, Stage::Acquaintance, None);
    talk(&mut net, b, "2026-06-01");
    let s = pick(&net, 5);
    assert_eq!(reason_of(&s, a), Some(&Reason::Deepen));
    // Long out of touch: still someone to widen the circle with (or past the rhythm).
    assert!(matches!(reason_of(&s, b), Some(Reason::Widen { .. }) | Some(Reason::Overdue { .. })));
}

#[test]
fn a_snooze_never_hides_an_overdue_promise() {
    let mut net = Network::default();
    let a = add(&mut net, "A", Circle::Friend, Stage::Connection, Some("30d"));
    net.contacts[0].snoozed_until = Some(day("2026-12-20"));
    talk(&mut net, a, "2026-08-01");
    net.promises.push(test_support::promise(a, 1, "2026-12-01", PromiseStatus::Open, None));
    // Snoozed, a promise not yet overdue and a past rhythm rest with the snooze.
    assert!(pick(&net, 5).picks.is_empty());
    net.promises.push(test_support::promise(a, 2, "2026-11-20", PromiseStatus::Open, None));
    let s = pick(&net, 5);
    assert_eq!(s.picks.len(), 1);
    assert_eq!(s.picks[0].reason, Reason::Promise { n: 2, due: day("2026-11-20"), overdue: true, also: vec![] });
}

#[test]
fn every_overdue_promise_is_named_beyond_the_count() {
    let mut net = Network::default();
    for i in 0..6u32 {
        let id = add(&mut net, &format!("P{i}"), Circle::Colleague, Stage::Connection, None);
        net.promises.push(test_support::promise(id, i + 1, "2026-11-20", PromiseStatus::Open, None));
    }
    let stranger = add(&mut net, "Stranger", Circle::Other, Stage::Stranger, None);
    let s = pick(&net, 5);
    // Six debts over five places, plus the widen place: it always holds.
    assert_eq!((s.picks.len(), s.beyond_count, s.plus_new), (7, 1, true));
    assert!(s.picks[..6].iter().all(owes));
    assert_eq!(s.picks[6].contact, stranger);
    // With room left, the usual picks follow the debts.
    let s = pick(&net, 7);
    assert_eq!((s.picks.len(), s.beyond_count, s.plus_new), (7, 0, false));
    assert_eq!(reason_of(&s, stranger), Some(&Reason::Widen { stage: Stage::Stranger }));
}

#[test]
fn the_widen_place_holds_when_debts_fill_every_place() {
    let mut net = Network::default();
    for i in 0..5u32 {
        let id = add(&mut net, &format!("P{i}"), Circle::Friend, Stage::Trusted, None);
        net.promises.push(test_support::promise(id, i + 1, "2026-11-20", PromiseStatus::Open, None));
    }
    let new = met(&mut net, "Met last week", "2026-11-22");
    met(&mut net, "Met too", "2026-11-23");
    let s = pick(&net, 5);
    assert_eq!((s.picks.len(), s.beyond_count, s.plus_new), (6, 0, true));
    assert_eq!(s.picks[5].contact, new, "the earlier meeting first");
    // With a place left after the debts, the new person takes it: nothing is added.
    let s = pick(&net, 6);
    assert_eq!((s.picks.len(), s.plus_new), (6, false));
    assert!(s.picks.iter().any(|c| c.newly_met));
}

#[test]
fn several_overdue_promises_to_one_person_are_all_named() {
    let mut net = Network::default();
    let a = add(&mut net, "A", Circle::Friend, Stage::Connection, None);
    net.promises.push(test_support::promise(a, 4, "2026-11-22", PromiseStatus::Open, None));
    net.promises.push(test_support::promise(a, 3, "2026-11-10", PromiseStatus::Open, None));
    let s = pick(&net, 1);
    let reason = &s.picks[0].reason;
    assert_eq!(reason, &Reason::Promise { n: 3, due: day("2026-11-10"), overdue: true, also: vec![4] });
    assert!(reason.describe(Lang::En).starts_with("promises #3, #4 are overdue"), "{}", reason.describe(Lang::En));
}

#[test]
fn a_broken_promise_asks_for_repair_until_you_talk() {
    let mut net = Network::default();
    let a = add(&mut net, "A", Circle::Friend, Stage::Connection, None);
    talk(&mut net, a, "2026-11-20");
    net.promises.push(test_support::promise(a, 2, "2026-11-22", PromiseStatus::Broken, Some("2026-11-26")));
    let s = pick(&net, 3);
    assert_eq!(reason_of(&s, a), Some(&Reason::Repair { n: 2, on: day("2026-11-26") }));
    assert_eq!(s.picks[0].reason.describe(Lang::En), "you broke promise #2 on 2026-11-26; acknowledge it");
    talk(&mut net, a, "2026-11-27");
    assert_ne!(reason_of(&pick(&net, 3), a), Some(&Reason::Repair { n: 2, on: day("2026-11-26") }));
}

#[test]
fn a_birthday_in_the_coming_week_is_a_reason() {
    let mut net = Network::default();
    let a = add(&mut net, "A", Circle::Friend, Stage::Connection, None);
    talk(&mut net, a, "2026-11-20");
    net.contacts[0].birthday = Some("--12-03".parse().unwrap());
    let s = pick(&net, 3);
    assert_eq!(reason_of(&s, a), Some(&Reason::Birthday { on: day("2026-12-03"), in_days: 5 }));
    net.contacts[0].birthday = Some("--12-06".parse().unwrap());
    assert!(reason_of(&pick(&net, 3), a).is_none(), "8 days ahead is next week's news");
}

#[test]
fn empty_and_tiny_networks() {
    assert!(pick(&Network::default(), 5).picks.is_empty());
    let mut net = Network::default();
    add(&mut net, "Only", Circle::Other, Stage::Acquaintance, None);
    let s = pick(&net, 5);
    assert_eq!(s.picks.len(), 1);
    assert!(s.alternates.is_empty());
}
