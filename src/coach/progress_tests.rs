//! Tests for progress measured over a goal's window.

use super::*;
use crate::coach::test_support::{add, day, goal, talk};
use crate::model::Stage;
use crate::model::goal::{Change, Filters, ProgressEntry};
use chrono::Utc;
use serde_json::Map;

#[test]
fn new_contacts_count_inclusive_window_and_not_the_future() {
    let mut net = Network::default();
    add(&mut net, "2026-10-31", &["fintech"]); // the day before the start: not counted
    add(&mut net, "2026-11-01", &["fintech"]); // the start day: counted
    add(&mut net, "2026-11-15", &["fintech"]); // inside: counted
    add(&mut net, "2026-11-15", &["health"]); // wrong tag: not counted
    add(&mut net, "2026-11-30", &["fintech"]); // the deadline day: counted
    add(&mut net, "2026-12-01", &["fintech"]); // the day after: not counted
    let g = goal(Metric::NewContacts, 10, "2026-11-01", "2026-11-30");
    assert_eq!(measure(&g, &net, day("2026-12-05")).current, 3);
    // Seen from the middle of the window, the deadline-day contact is still in the future.
    assert_eq!(measure(&g, &net, day("2026-11-20")).current, 2);
}

#[test]
fn the_day_you_met_wins_over_the_day_you_added() {
    let mut net = Network::default();
    let old = add(&mut net, "2026-11-10", &["fintech"]);
    net.contacts[0].met_on = Some(day("2019-05-01")); // an old friend entered late
    let _ = old;
    let fresh = add(&mut net, "2026-12-10", &["fintech"]);
    net.contacts[1].met_on = Some(day("2026-11-20")); // met in the window, added later
    let _ = fresh;
    let g = goal(Metric::NewContacts, 10, "2026-11-01", "2026-11-30");
    assert_eq!(measure(&g, &net, day("2026-12-15")).current, 1);
}

#[test]
fn stage_filter_on_new_contacts_reads_the_stage_when_added() {
    let mut net = Network::default();
    let id = add(&mut net, "2026-11-05", &[]);
    net.contacts[0].stage = Stage::Stranger;
    let mut g = goal(Metric::NewContacts, 5, "2026-11-01", "2026-11-30");
    g.filters = Filters { stages: vec![Stage::Stranger], ..Default::default() };
    assert_eq!(measure(&g, &net, day("2026-11-28")).current, 1);
    // They became a connection later: still a stranger met in the window.
    net.contacts[0].stage = Stage::Connection;
    net.record_stage_change(id, &Stage::Stranger, &Stage::Connection, day("2026-11-20"), Utc::now());
    assert_eq!(measure(&g, &net, day("2026-11-28")).current, 1);
}

#[test]
fn interactions_and_distinct_people() {
    let mut net = Network::default();
    let a = add(&mut net, "2026-01-01", &["fintech"]);
    let b = add(&mut net, "2026-01-01", &["fintech"]);
    let c = add(&mut net, "2026-01-01", &["health"]);
    talk(&mut net, &[a], "2026-10-31"); // before the window
    talk(&mut net, &[a], "2026-11-01");
    talk(&mut net, &[a, b], "2026-11-10");
    talk(&mut net, &[c], "2026-11-11"); // not in the target group
    talk(&mut net, &[b], "2026-11-30");
    let today = day("2026-12-01");
    assert_eq!(measure(&goal(Metric::Interactions, 5, "2026-11-01", "2026-11-30"), &net, today).current, 3);
    assert_eq!(measure(&goal(Metric::PeopleTalkedTo, 5, "2026-11-01", "2026-11-30"), &net, today).current, 2);
}

#[test]
fn stage_ups_count_people_once_and_only_real_crossings() {
    let mut net = Network::default();
    let a = add(&mut net, "2026-01-01", &["fintech"]);
    let b = add(&mut net, "2026-01-01", &["fintech"]);
    let now = Utc::now();
    net.record_stage_change(a, &Stage::Stranger, &Stage::Connection, day("2026-11-03"), now);
    net.record_stage_change(a, &Stage::Connection, &Stage::Acquaintance, day("2026-11-04"), now);
    net.record_stage_change(a, &Stage::Acquaintance, &Stage::Connection, day("2026-11-05"), now);
    net.record_stage_change(b, &Stage::Stranger, &Stage::Acquaintance, day("2026-11-06"), now);
    net.record_stage_change(b, &Stage::Connection, &Stage::Trusted, day("2026-11-07"), now);
    let g = goal(Metric::StageUps, 3, "2026-11-01", "2026-11-30");
    assert_eq!(measure(&g, &net, day("2026-11-28")).current, 1);
}

#[test]
fn manual_goals_replay_entries_up_to_today() {
    let net = Network::default();
    let mut g = goal(Metric::Manual, 10, "2026-11-01", "2026-11-30");
    for (on, change) in
        [("2026-11-02", Change::Add(3)), ("2026-11-05", Change::Set(5)), ("2026-11-06", Change::Add(-1))]
    {
        g.progress.push(ProgressEntry { on: day(on), change, note: None, logged: Utc::now(), extra: Map::new() });
    }
    let p = measure(&g, &net, day("2026-11-10"));
    assert_eq!(p.current, 4);
    assert!(!p.measured);
    assert_eq!(measure(&g, &net, day("2026-11-04")).current, 3);
}

#[test]
fn pace_projection_and_state() {
    let mut net = Network::default();
    for d in ["2026-11-01", "2026-11-03", "2026-11-05", "2026-11-07", "2026-11-09", "2026-11-10"] {
        add(&mut net, d, &["fintech"]);
    }
    // 30-day window, target 10; on day 10 six are in: expected 3.33, so ahead.
    let g = goal(Metric::NewContacts, 10, "2026-11-01", "2026-11-30");
    let p = measure(&g, &net, day("2026-11-10"));
    assert_eq!(p.current, 6);
    assert_eq!(p.state, Pace::Ahead);
    assert_eq!(p.time_elapsed, Some(0.33));
    assert_eq!(p.pace_per_week, Some(4.2));
    // 10 units at 6 per 10 days: 17 days from the start.
    assert_eq!(p.projected_finish, Some(day("2026-11-17")));
    // 4 remaining over 21 days (today included).
    assert_eq!(p.needed_per_week, Some(1.33));
    assert!(!p.projected_late);
    // By day 25 the count has not moved: behind, and finishing after the deadline.
    let late = measure(&g, &net, day("2026-11-25"));
    assert_eq!(late.state, Pace::Behind);
    assert_eq!(late.projected_finish, Some(day("2026-12-12")));
    assert!(late.projected_late);
    // A target of 6 is reached, on the day the sixth person was met.
    let g6 = goal(Metric::NewContacts, 6, "2026-11-01", "2026-11-30");
    let p6 = measure(&g6, &net, day("2026-11-20"));
    assert_eq!((p6.state, p6.reached_on), (Pace::Reached, Some(day("2026-11-10"))));
    assert_eq!(measure(&g, &net, day("2026-12-02")).state, Pace::Missed);
    assert_eq!(measure(&g, &net, day("2026-10-20")).state, Pace::NotStarted);
    let mut open = g.clone();
    open.deadline = None;
    assert_eq!(measure(&open, &net, day("2026-11-10")).state, Pace::Unknown);
}

#[test]
fn on_track_has_slack_on_day_one() {
    let net = Network::default();
    let g = goal(Metric::NewContacts, 10, "2026-11-01", "2026-11-30");
    assert_eq!(measure(&g, &net, day("2026-11-01")).state, Pace::OnTrack);
    // Only day one: with nothing done a day later there is no finish to project.
    let p = measure(&g, &net, day("2026-11-02"));
    assert_eq!((p.state, p.projected_finish), (Pace::Behind, None));
}

/// "6 new fintech contacts by 2027-01-25", from 2026-11-30: 57 days.
fn six_by_late_january(met: &[&str]) -> (Goal, Network) {
    let mut net = Network::default();
    for d in met {
        add(&mut net, d, &["fintech"]);
    }
    (goal(Metric::NewContacts, 6, "2026-11-30", "2027-01-25"), net)
}

#[test]
fn a_projected_finish_after_the_deadline_is_behind() {
    let (g, net) = six_by_late_january(&["2026-12-02", "2026-12-10", "2026-12-20"]);
    // Day 30 with 3 of 6: 60 days at this pace, three days past the deadline. The old
    // slack called this "on track".
    let p = measure(&g, &net, day("2026-12-29"));
    assert_eq!(p.current, 3);
    assert_eq!(p.projected_finish, Some(day("2027-01-28")));
    assert!(p.projected_late);
    assert_eq!(p.state, Pace::Behind);
    // Day 28 with the same three: 56 days, the day before the deadline. On track.
    let p = measure(&g, &net, day("2026-12-27"));
    assert_eq!(p.projected_finish, Some(day("2027-01-24")));
    assert_eq!(p.state, Pace::OnTrack);
    // Ahead needs a whole unit over the straight line: one on day one is on track, two
    // are ahead.
    let (g, net) = six_by_late_january(&["2026-11-30"]);
    assert_eq!(measure(&g, &net, day("2026-11-30")).state, Pace::OnTrack);
    let (g, net) = six_by_late_january(&["2026-11-30", "2026-11-30"]);
    assert_eq!(measure(&g, &net, day("2026-11-30")).state, Pace::Ahead);
}

#[test]
fn the_deadline_day_is_due_today_and_the_next_day_missed() {
    let (g, net) = six_by_late_january(&["2026-12-02", "2026-12-10", "2026-12-20", "2027-01-05", "2027-01-20"]);
    let due = measure(&g, &net, day("2027-01-25"));
    assert_eq!((due.state, due.current, due.days_left), (Pace::DueToday, 5, Some(0)));
    let missed = measure(&g, &net, day("2027-01-26"));
    assert_eq!((missed.state, missed.current), (Pace::Missed, 5));
    // Someone met after the deadline does not rescue the goal.
    let (g, net) =
        six_by_late_january(&["2026-12-02", "2026-12-10", "2026-12-20", "2027-01-05", "2027-01-20", "2027-01-27"]);
    assert_eq!(measure(&g, &net, day("2027-02-01")).state, Pace::Missed);
    // The sixth met on the deadline day: reached, not due.
    let (g, net) =
        six_by_late_january(&["2026-12-02", "2026-12-10", "2026-12-20", "2027-01-05", "2027-01-20", "2027-01-25"]);
    assert_eq!(measure(&g, &net, day("2027-01-25")).state, Pace::Reached);
}

#[test]
fn contacts_without_a_meeting_day_are_never_new() {
    let mut net = Network::default();
    add(&mut net, "2026-11-05", &["fintech"]);
    add(&mut net, "2026-11-05", &["fintech"]);
    // Imported, or entered as someone already known: no meeting day.
    net.contacts[1].met_on = None;
    let g = goal(Metric::NewContacts, 5, "2026-11-01", "2026-11-30");
    assert_eq!(measure(&g, &net, day("2026-11-28")).current, 1);
}

#[test]
fn best_pace_needs_four_weeks_of_history() {
    let mut net = Network::default();
    let g = goal(Metric::NewContacts, 10, "2026-11-01", "2026-11-30");
    assert_eq!(best_pace(&g, &net, day("2026-11-28")), None);
    add(&mut net, "2026-11-20", &["fintech"]);
    assert_eq!(best_pace(&g, &net, day("2026-11-28")), None, "only 8 days of history");
    // Six people in the four weeks to 2026-10-31, two in the four weeks before.
    for d in
        ["2026-09-10", "2026-09-20", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-20", "2026-10-21", "2026-10-30"]
    {
        add(&mut net, d, &["fintech"]);
    }
    let best = best_pace(&g, &net, day("2026-11-28")).unwrap();
    assert_eq!(best.per_week, 1.5);
    assert_eq!(best.ending, day("2026-10-31"));
    // Its progress reports the same best pace the SMART check uses.
    assert_eq!(measure(&g, &net, day("2026-11-28")).best_pace, Some(best));
}

#[test]
fn best_pace_counts_what_the_goal_counts() {
    let mut net = Network::default();
    // Two fintech people in October, six others: the fintech goal's best is 0.5 a week.
    for d in ["2026-10-05", "2026-10-06", "2026-10-07", "2026-10-20", "2026-10-21", "2026-10-30"] {
        add(&mut net, d, &[]);
    }
    add(&mut net, "2026-10-08", &["fintech"]);
    add(&mut net, "2026-10-25", &["fintech"]);
    let g = goal(Metric::NewContacts, 10, "2026-11-01", "2026-11-30");
    assert_eq!(best_pace(&g, &net, day("2026-11-28")).map(|b| b.per_week), Some(0.5));
    let everyone = Goal { filters: Default::default(), ..g.clone() };
    assert_eq!(best_pace(&everyone, &net, day("2026-11-28")).map(|b| b.per_week), Some(2.0));
    assert_eq!(measure(&g, &net, day("2026-11-28")).best_pace.map(|b| b.per_week), Some(0.5));
}

#[test]
fn milestones_are_checked_on_their_day() {
    let mut net = Network::default();
    add(&mut net, "2026-11-02", &["fintech"]);
    add(&mut net, "2026-11-20", &["fintech"]);
    let mut g = goal(Metric::NewContacts, 10, "2026-11-01", "2026-11-30");
    g.milestones = vec![
        crate::model::goal::Milestone { on: day("2026-11-10"), target: 2 },
        crate::model::goal::Milestone { on: day("2026-11-29"), target: 2 },
    ];
    let p = measure(&g, &net, day("2026-11-25"));
    assert_eq!((p.milestones[0].count, p.milestones[0].reached, p.milestones[0].due), (1, false, true));
    assert_eq!((p.milestones[1].count, p.milestones[1].reached, p.milestones[1].due), (2, true, false));
}

#[test]
fn weekly_counts_cover_the_window() {
    let mut net = Network::default();
    add(&mut net, "2026-11-02", &["fintech"]);
    add(&mut net, "2026-11-09", &["fintech"]);
    add(&mut net, "2026-11-10", &["fintech"]);
    let g = goal(Metric::NewContacts, 10, "2026-11-01", "2026-11-30");
    let w = weekly(&g, &net, day("2026-11-12"));
    assert_eq!(w, vec![(day("2026-11-01"), day("2026-11-07"), 1), (day("2026-11-08"), day("2026-11-12"), 2)]);
}

#[test]
fn promises_kept_count_by_the_day_they_were_kept() {
    use crate::model::{Promise, PromiseStatus};
    let mut net = Network::default();
    let who = add(&mut net, "2026-01-01", &[]);
    let mut promise = |status: PromiseStatus, resolved: Option<&str>| {
        net.promises.push(Promise {
            id: Uuid::now_v7(),
            n: net.promises.len() as u32 + 1,
            contact: who,
            what: "x".into(),
            made_on: day("2026-09-01"),
            due: day("2026-10-15"),
            status,
            resolved_on: resolved.map(day),
            moves: vec![],
            note: None,
            logged: chrono::Utc::now(),
            extra: serde_json::Map::new(),
        })
    };
    promise(PromiseStatus::Kept, Some("2026-09-30")); // before the window
    promise(PromiseStatus::Kept, Some("2026-10-01")); // on time, first day
    promise(PromiseStatus::Kept, Some("2026-10-20")); // late still counts as kept
    promise(PromiseStatus::Broken, Some("2026-10-05"));
    promise(PromiseStatus::Open, None);
    let g = goal(Metric::PromisesKept, 5, "2026-10-01", "2026-12-31");
    let p = measure(&g, &net, day("2026-11-28"));
    assert_eq!(p.current, 2);
    assert!(p.measured);
}
