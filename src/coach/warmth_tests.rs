//! Warmth scores and their reasons, factor by factor.

use super::*;
use crate::coach::test_support;
use crate::model::PromiseStatus;
use chrono::{TimeZone, Utc};

use uuid::Uuid;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn today() -> NaiveDate {
    day("2026-11-28")
}

fn contact(every: Option<&str>) -> Contact {
    let mut c = Contact::new(Uuid::nil(), "h".into(), "X".into(), Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
    c.every = every.map(|e| e.parse().unwrap());
    c
}

fn talk(on: &str, they: bool) -> Interaction {
    test_support::interaction(&[Uuid::nil()], on, they)
}

fn promise(due: &str, status: PromiseStatus, resolved: Option<&str>) -> Promise {
    test_support::promise(Uuid::nil(), 1, due, status, resolved)
}

fn run(c: &Contact, talks: &[Interaction], promises: &[Promise]) -> Warmth {
    let talks: Vec<&Interaction> = talks.iter().collect();
    let promises: Vec<&Promise> = promises.iter().collect();
    warmth(&Inputs { contact: c, interactions: &talks, trust: (3, true), knowing: 50, promises: &promises }, today())
}

fn has(w: &Warmth, r: &Reason) -> bool {
    w.factors.iter().any(|f| &f.reason == r)
}

#[test]
fn overdue_against_the_chosen_cadence() {
    let w = run(&contact(Some("60d")), &[talk("2026-08-26", false)], &[]);
    assert!(has(&w, &Reason::Overdue { days_since: 94, every_days: 60, chosen: true }));
    assert_eq!(w.factors[0].reason.describe(Lang::En), "last conversation 94 days ago; you wanted every 60 days");
}

#[test]
fn a_first_follow_up_is_measured_against_its_due_date() {
    let mut c = contact(None);
    c.stage = crate::model::Stage::Stranger;
    c.met_on = Some(day("2026-11-10"));
    // Entered 18 days after meeting (today): the first follow-up is due today, not
    // eleven days ago, so the meeting's talk is within the rhythm, not cold.
    c.added = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
    let w = run(&c, &[talk("2026-11-10", false)], &[]);
    let entered_later = Some(day("2026-11-28"));
    let due_today = Reason::FollowUp { days_since: 18, every_days: 7, first: true, late: false, entered_later };
    assert_eq!(w.factors[0], Factor { points: 32, reason: due_today });
    // Not "within 7 days of meeting", which 18 days ago could not be.
    assert_eq!(
        w.factors[0].reason.describe(Lang::En),
        "met 18 days ago, entered since; the first follow-up is due 2026-11-28"
    );
}

#[test]
fn someone_newly_met_is_measured_against_the_follow_up() {
    let mut c = contact(None);
    c.stage = crate::model::Stage::Stranger;
    c.met_on = Some(day("2026-11-16"));
    c.added = Utc.with_ymd_and_hms(2026, 11, 16, 20, 0, 0).unwrap();
    // Only the meeting itself, 12 days ago: the week for a first follow-up has passed.
    let w = run(&c, &[talk("2026-11-16", false)], &[]);
    let late = Reason::FollowUp { days_since: 12, every_days: 7, first: true, late: true, entered_later: None };
    assert_eq!(w.factors[0], Factor { points: 5, reason: late });
    assert_eq!(
        w.factors[0].reason.describe(Lang::En),
        "met 12 days ago and no follow-up yet; someone newly met needs one within 7 days"
    );
    // Followed up 8 days ago: on the monthly rhythm, not the stranger's 120 days.
    let w = run(&c, &[talk("2026-11-20", true), talk("2026-11-16", false)], &[]);
    let on = Reason::FollowUp { days_since: 8, every_days: 30, first: false, late: false, entered_later: None };
    assert!(w.factors.contains(&Factor { points: 40, reason: on }));
}

#[test]
fn within_the_rhythm_scores_recency_high() {
    let w = run(&contact(Some("30d")), &[talk("2026-11-20", false)], &[]);
    let f = w.factors.iter().find(|f| matches!(f.reason, Reason::OnRhythm { .. })).unwrap();
    assert_eq!(f.points, 40);
}

#[test]
fn no_interactions_still_explains_itself() {
    let w = run(&contact(None), &[], &[]);
    assert!(has(&w, &Reason::NeverTalked { days_known: 331 }));
    assert!(has(&w, &Reason::Frequency { count: 0, window_days: WINDOW_DAYS }));
    assert!(w.factors.iter().all(|f| !f.reason.describe(Lang::Id).is_empty()));
}

#[test]
fn reciprocity_is_read_from_the_last_five() {
    let one_sided: Vec<_> = (1..=5).map(|d| talk(&format!("2026-11-{:02}", 20 - d), false)).collect();
    assert!(has(&run(&contact(None), &one_sided, &[]), &Reason::YouReachOut { times: 5 }));
    let theirs: Vec<_> = (1..=3).map(|d| talk(&format!("2026-11-{:02}", 20 - d), true)).collect();
    assert!(has(&run(&contact(None), &theirs, &[]), &Reason::TheyReachOut { times: 3 }));
    let mixed = [talk("2026-11-20", true), talk("2026-11-10", false), talk("2026-11-01", false)];
    assert!(has(&run(&contact(None), &mixed, &[]), &Reason::Mutual { they: 1, of: 3 }));
    assert!(
        !run(&contact(None), &[talk("2026-11-20", true)], &[]).factors.iter().any(|f| matches!(
            f.reason,
            Reason::Mutual { .. } | Reason::YouReachOut { .. } | Reason::TheyReachOut { .. }
        ))
    );
}

#[test]
fn trust_and_knowing_contribute() {
    let w = run(&contact(None), &[], &[]);
    assert!(w.factors.contains(&Factor { points: 9, reason: Reason::Trust { level: 3, from_note: true } }));
    assert!(w.factors.contains(&Factor { points: 5, reason: Reason::Knowing { score: 50 } }));
}

#[test]
fn promises_overdue_broken_and_kept() {
    let ps = [
        promise("2026-11-20", PromiseStatus::Open, None),
        promise("2026-10-01", PromiseStatus::Broken, Some("2026-10-02")),
        promise("2026-09-01", PromiseStatus::Kept, Some("2026-08-30")),
    ];
    let w = run(&contact(None), &[talk("2026-11-25", false)], &ps);
    assert!(w.factors.contains(&Factor { points: -10, reason: Reason::PromisesOverdue { count: 1 } }));
    assert!(w.factors.contains(&Factor { points: -5, reason: Reason::PromisesBroken { count: 1 } }));
    assert!(w.factors.contains(&Factor { points: 2, reason: Reason::PromisesKept { count: 1 } }));
    // Problems come first.
    assert!(w.factors[0].points < 0);
}

#[test]
fn the_score_is_the_clamped_sum() {
    let w = run(&contact(Some("30d")), &[talk("2026-11-27", true), talk("2026-11-20", false)], &[]);
    let sum: i32 = w.factors.iter().map(|f| f.points).sum();
    assert_eq!(i32::from(w.score), sum.clamp(0, 100));
    assert!(w.score > 50);
}

#[test]
fn a_one_day_rhythm_and_short_gaps_are_never_said_as_1_days() {
    let r = Reason::Overdue { days_since: 2, every_days: 1, chosen: true };
    assert_eq!(r.describe(Lang::En), "last conversation 2 days ago; you wanted every day");
    let r = Reason::FollowUp { days_since: 1, every_days: 7, first: false, late: false, entered_later: None };
    assert_eq!(r.describe(Lang::En), "talked yesterday, within the 7-day follow-up of someone newly met");
    let r = Reason::FollowUp { days_since: 8, every_days: 7, first: true, late: true, entered_later: None };
    assert_eq!(
        r.describe(Lang::Id),
        "bertemu 8 hari lalu dan belum ada tindak lanjut; orang yang baru dikenal perlu disapa lagi dalam 7 hari"
    );
}

#[test]
fn someone_met_long_ago_and_never_followed_up_is_not_called_newly_met() {
    let r = Reason::FollowUp { days_since: 400, every_days: 7, first: true, late: true, entered_later: None };
    let said = r.describe(Lang::En);
    assert_eq!(said, "met 400 days ago and never followed up; the first follow-up was due a week after meeting");
    assert!(!said.contains("newly"));
}
