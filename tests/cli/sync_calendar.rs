//! The reminders a sync keeps in the phone's calendar, day after day, against Radicale
//! and Xandikos: an overdue reminder is written once, not moved to each new day, and
//! written again only when something real changes.

use crate::env::TestEnv;
use crate::radicale::{PASSWORD, Server, USER, servers};

/// Runs jejaring on `day` with the sync password; returns stderr.
pub fn sync_on(env: &TestEnv, day: &str, args: &[&str]) -> String {
    let out =
        env.std_command().env("JEJARING_SYNC_PASSWORD", PASSWORD).env("JEJARING_NOW", day).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?} on {day}: {err}");
    err
}

#[test]
fn an_unchanged_overdue_reminder_is_not_written_again_the_next_day() {
    for kind in servers() {
        let server = Server::of(kind);
        server.make_book();
        server.make_calendar();
        let env = TestEnv::new();
        let setup = ["sync", "setup", &server.book_url(), "--user", USER, "--calendar", &server.calendar_url()];
        sync_on(&env, "2026-11-28", &setup);
        let budi = env.add("Budi Santoso", &["--every", "30d"]);
        env.ok(&["log", &budi, "Lunch", "--on", "2026-10-01"]);
        let err = sync_on(&env, "2026-11-28", &["sync"]);
        assert!(err.contains("Calendar: 1 added, 0 updated, 0 removed"), "{kind:?}: {err}");
        let first = server.items("reminders", "ics");
        assert_eq!(first.len(), 1, "{kind:?}");
        assert!(first[0].contains("Overdue: get in touch with Budi Santoso"), "{}", first[0]);
        assert!(first[0].contains("DTSTART;VALUE=DATE:20261128"), "{}", first[0]);
        // The next days: still overdue, nothing new, so nothing is written.
        for day in ["2026-11-29", "2026-11-30"] {
            let err = sync_on(&env, day, &["sync"]);
            assert!(!err.contains("Calendar:"), "{kind:?} {day}: {err}");
            assert_eq!(server.items("reminders", "ics"), first, "{kind:?} {day}: the event stays as it was");
        }
        // Something real: a conversation moves it to its next day.
        sync_on(&env, "2026-11-30", &["log", &budi, "Call", "--on", "2026-11-30"]);
        let err = sync_on(&env, "2026-11-30", &["sync"]);
        assert!(err.contains("Calendar: 0 added, 1 updated, 0 removed"), "{kind:?}: {err}");
        let events = server.items("reminders", "ics");
        assert!(events[0].contains("DTSTART;VALUE=DATE:20261230"), "{kind:?}: {}", events[0]);
    }
}
