//! The calendar shapes real exports have, each counted by hand.

use super::*;
use crate::history::{ProblemKind, Zone};
use chrono::FixedOffset;

fn window() -> Window {
    Window { now: "2026-11-28T12:00:00Z".parse().unwrap(), since: None, zone: Zone::UTC }
}

fn cal(events: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n")
}

fn event(lines: &str) -> String {
    format!("BEGIN:VEVENT\r\n{lines}ATTENDEE;CN=Budi;PARTSTAT=ACCEPTED:mailto:budi@example.com\r\nEND:VEVENT\r\n")
}

/// (key, day, title) of each meeting, in order.
fn meetings(text: &str, w: &Window) -> Vec<(String, String, String)> {
    let h = parse_in(text, w).unwrap();
    let mut out: Vec<_> =
        h.found.iter().map(|f| (f.key.clone(), f.on.to_string(), f.title.clone().unwrap_or_default())).collect();
    out.sort();
    out
}

#[test]
fn a_moved_occurrence_belongs_to_its_own_series_only() {
    let text = cal(&[
        event("UID:a\r\nDTSTART;TZID=Asia/Jakarta:20261102T090000\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:A\r\n"),
        event("UID:b\r\nDTSTART;TZID=Asia/Jakarta:20261102T090000\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:B\r\n"),
        event(
            "UID:b\r\nRECURRENCE-ID;TZID=Asia/Jakarta:20261116T090000\r\nSEQUENCE:1\r\n\
             DTSTART;TZID=Asia/Jakarta:20261117T140000\r\nSUMMARY:B moved\r\n",
        ),
    ]
    .concat());
    let m = meetings(&text, &window());
    let a: Vec<_> = m.iter().filter(|x| x.2 == "A").map(|x| x.1.as_str()).collect();
    assert_eq!(a, ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"], "A keeps the week B moved");
    let b: Vec<_> = m.iter().filter(|x| x.0.starts_with("b/")).map(|x| (x.1.as_str(), x.2.as_str())).collect();
    assert_eq!(b, [("2026-11-02", "B"), ("2026-11-09", "B"), ("2026-11-17", "B moved"), ("2026-11-23", "B")]);
    assert!(m.iter().any(|x| x.0 == "b/20261116T090000" && x.2 == "B moved"), "keyed by its original start");
}

#[test]
fn a_recurrence_id_in_utc_replaces_the_occurrence_of_a_local_series() {
    let text = cal(&[
        event("UID:w\r\nDTSTART;TZID=Asia/Jakarta:20261102T090000\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:Sync\r\n"),
        event("UID:w\r\nRECURRENCE-ID:20261109T020000Z\r\nDTSTART:20261110T020000Z\r\nSUMMARY:Sync (moved)\r\n"),
    ]
    .concat());
    let m = meetings(&text, &window());
    let days: Vec<_> = m.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(days, ["2026-11-02", "2026-11-10", "2026-11-16", "2026-11-23"], "the 9th is counted once, moved");
    assert_eq!(m[1].0, "w/20261109T090000", "the same key the unmoved occurrence had");
}

#[test]
fn every_repeat_rule_of_an_event_counts() {
    let text = cal(&event(
        "UID:two\r\nDTSTART:20261102T090000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nRRULE:FREQ=WEEKLY;BYDAY=TH\r\n",
    ));
    let days: Vec<_> = meetings(&text, &window()).into_iter().map(|x| x.1).collect();
    let want = ["02", "05", "09", "12", "16", "19", "23", "26"].map(|d| format!("2026-11-{d}"));
    assert_eq!(days, want, "Mondays and Thursdays up to the 28th");
}

#[test]
fn of_several_versions_the_highest_sequence_counts() {
    let newer = cal(&event("UID:v\r\nSEQUENCE:2\r\nDTSTART:20261103T100000Z\r\nSUMMARY:New time\r\n"));
    let older = cal(&event("UID:v\r\nSEQUENCE:0\r\nDTSTART:20261102T090000Z\r\nSUMMARY:First time\r\n"));
    for text in [format!("{newer}{older}"), format!("{older}{newer}")] {
        let m = meetings(&text, &window());
        assert_eq!(m, [("v".to_string(), "2026-11-03".to_string(), "New time".to_string())]);
    }
}

#[test]
fn rules_more_often_than_daily_are_skipped_and_named() {
    let text = cal(&[
        event("UID:sec\r\nDTSTART:20260101T000000Z\r\nRRULE:FREQ=SECONDLY\r\n"),
        event("UID:old\r\nDTSTART:18500101T000000Z\r\nRRULE:FREQ=HOURLY\r\n"),
        event("UID:twice\r\nDTSTART:20261101T090000Z\r\nRRULE:FREQ=DAILY;BYHOUR=9,15\r\n"),
        event("UID:sec\r\nRECURRENCE-ID:20260101T000005Z\r\nDTSTART:20260101T000006Z\r\n"),
        event("UID:ok\r\nDTSTART:20261101T090000Z\r\n"),
    ]
    .concat());
    let h = parse_in(&text, &window()).unwrap();
    assert_eq!(h.found.len(), 1, "only the one-off meeting");
    let uids: Vec<_> = h
        .problems
        .iter()
        .map(|p| match &p.kind {
            ProblemKind::TooOften { uid } => uid.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(uids, ["sec", "old", "twice"]);
}

#[test]
fn a_hundred_thousand_excluded_dates_are_read() {
    // A daily meeting from 1 Nov; every day from 1800 on is excluded but the 1st to
    // the 10th of November.
    let first = chrono::NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
    let mut ex = String::new();
    let mut day = first;
    let mut n = 0;
    while n < 100_000 {
        let keep = day >= chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
            && day <= chrono::NaiveDate::from_ymd_opt(2026, 11, 10).unwrap();
        if !keep {
            ex.push_str(&format!("EXDATE:{}T090000Z\r\n", day.format("%Y%m%d")));
            n += 1;
        }
        day = day.succ_opt().unwrap();
    }
    let text = cal(&event(&format!("UID:x\r\nDTSTART:20261101T090000Z\r\nRRULE:FREQ=DAILY\r\n{ex}")));
    let days = meetings(&text, &window());
    assert_eq!(days.len(), 10);
    assert_eq!(days[9].1, "2026-11-10");
}

#[test]
fn only_the_window_is_expanded_and_keys_stay_the_same() {
    let text = cal(&event("UID:d\r\nDTSTART:18000101T090000Z\r\nRRULE:FREQ=DAILY\r\n"));
    let w = Window { since: Some("2026-11-20".parse().unwrap()), ..window() };
    let m = meetings(&text, &w);
    let days: Vec<_> = m.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(days.len(), 9, "the 20th to the 28th: {days:?}");
    assert_eq!(m[0].0, "d/20261120T090000");
    let monthly = cal(&event("UID:m\r\nDTSTART:19000115T090000Z\r\nRRULE:FREQ=MONTHLY;INTERVAL=2\r\n"));
    let w = Window { since: Some("2026-01-01".parse().unwrap()), ..window() };
    let days: Vec<_> = meetings(&monthly, &w).into_iter().map(|x| x.1).collect();
    // From January 1900 every other month: odd months, so January 2026 is one.
    assert_eq!(days, ["2026-01-15", "2026-03-15", "2026-05-15", "2026-07-15", "2026-09-15", "2026-11-15"]);
}

#[test]
fn meetings_fall_on_the_users_own_day() {
    // Wednesday 06:30 in Jakarta; a floating time is on its own day wherever you are.
    let text =
        cal(&[event("UID:utc\r\nDTSTART:20261103T233000Z\r\n"), event("UID:floating\r\nDTSTART:20261103T233000\r\n")]
            .concat());
    let jakarta = Window { zone: Zone::Fixed(FixedOffset::east_opt(7 * 3600).unwrap()), ..window() };
    let m = meetings(&text, &jakarta);
    assert_eq!(m[0].0, "floating");
    assert_eq!(m[0].1, "2026-11-03");
    assert_eq!((m[1].0.as_str(), m[1].1.as_str()), ("utc", "2026-11-04"));
}
