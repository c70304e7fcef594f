//! A reminders calendar that fails after the cards synced, against Radicale and
//! Xandikos (the calendar reached through a `front` that passes requests on, or answers
//! 500 to the writes a test chooses): the cards' sync is saved all the same, the command
//! says the calendar was not synced and exits 1, and the next sync with the calendar
//! back writes exactly what it is missing, pushing no card again.

use crate::env::TestEnv;
use crate::front::{Front, Mode, Request, answer, forward};
use crate::radicale::{PASSWORD, Server, USER, servers};
use crate::sync::{card, summary};
use crate::sync_calendar::sync_on;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs jejaring on `day` with the sync password.
fn run_on(env: &TestEnv, day: &str, args: &[&str]) -> std::process::Output {
    env.std_command().env("JEJARING_SYNC_PASSWORD", PASSWORD).env("JEJARING_NOW", day).args(args).output().unwrap()
}

/// Passes requests on to the server on `port`, but answers 500 to every PUT after the
/// first `let_through`.
fn puts_fail_after(port: u16, let_through: usize) -> Mode {
    let passed = AtomicUsize::new(0);
    Mode::Reply(Arc::new(move |req: &Request| {
        if req.method == "PUT" && passed.fetch_add(1, Ordering::SeqCst) >= let_through {
            return answer("500 Internal Server Error", "text/plain", "");
        }
        forward(req, port)
    }))
}

/// The writes the calendar got after the first `from` requests.
fn writes(front: &Front, from: usize) -> Vec<String> {
    front.seen()[from..]
        .iter()
        .filter(|r| r.method == "PUT" || r.method == "DELETE")
        .map(|r| r.method.clone())
        .collect()
}

const DAY: &str = "2026-11-28";

#[test]
fn a_calendar_that_fails_after_the_cards_synced_keeps_the_cards_and_is_retried_exactly() {
    for kind in servers() {
        let server = Server::of(kind);
        server.make_book();
        server.make_calendar();
        let front = Front::start(Mode::Forward(server.port));
        let calendar = format!("{}{}", front.root(), server.collection_path("reminders"));
        let env = TestEnv::new();
        sync_on(&env, DAY, &["sync", "setup", &server.book_url(), "--user", USER, "--calendar", &calendar]);
        let budi = env.add("Budi Santoso", &["--every", "30d"]);
        let citra = env.add("Citra Dewi", &["--every", "30d"]);
        for h in [&budi, &citra] {
            env.ok(&["log", h, "Lunch", "--on", "2026-10-01"]);
        }
        let err = sync_on(&env, DAY, &["sync"]);
        assert!(err.contains("Calendar: 2 added, 0 updated, 0 removed"), "{kind:?}: {err}");

        // Changes on both sides: two new people overdue today (their events come first,
        // in calendar order), Budi's reminder moved on by a call, Citra removed here,
        // and a card new on the phone.
        for name in ["Dewi Lestari", "Eko Prasetyo"] {
            let h = env.add(name, &["--every", "30d"]);
            env.ok(&["log", &h, "Lunch", "--on", "2026-10-01"]);
        }
        env.ok(&["log", &budi, "Call", "--on", DAY]);
        env.ok(&["remove", &citra, "--yes"]);
        server.put_card("wei.vcf", &card("wei", "Wei Chen", ""));
        // The calendar takes one event, then answers 500.
        front.set(puts_fail_after(server.port, 1));
        let out = run_on(&env, DAY, &["sync"]);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{kind:?}: {err}");
        assert_eq!(summary(&err), "Synced: 1 pulled, 2 pushed, 0 merged, 0 conflicts, 1 deleted", "{kind:?}: {err}");
        assert!(err.contains("Calendar: 1 added, 0 updated, 0 removed"), "what was done: {kind:?}: {err}");
        let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
        let server_name = format!("127.0.0.1:{}", front.port);
        assert_eq!(
            errors,
            [format!(
                "error: the contacts were synced, but the reminders calendar was not: {server_name} answered 500 to PUT; check the server and try again; run `jejaring sync` again to retry the calendar"
            )],
            "{kind:?}: {err}"
        );
        // The cards' outcome is saved: Wei came in, Citra went, and the new cards are
        // linked; the calendar as far as it got.
        let mut names: Vec<String> =
            env.contacts().iter().map(|c| c["name"].as_str().unwrap_or_default().to_string()).collect();
        names.sort();
        assert_eq!(names, ["Budi Santoso", "Dewi Lestari", "Eko Prasetyo", "Wei Chen"], "{kind:?}");
        let sync = &env.json()["sync"];
        assert_eq!(sync["cards"].as_array().map(Vec::len), Some(4), "{kind:?}: {sync}");
        assert_eq!(server.cards().len(), 4, "{kind:?}");
        assert_eq!(sync["events"].as_array().map(Vec::len), Some(3), "written, not reached, to delete: {sync}");
        assert_eq!(server.items("reminders", "ics").len(), 3, "{kind:?}");

        // Still failing: no card is pushed again, nothing new is saved, and --json says
        // what happened too.
        front.set(puts_fail_after(server.port, 0));
        let before = env.bytes();
        let out = run_on(&env, DAY, &["--json", "sync"]);
        assert_eq!(out.status.code(), Some(1), "{kind:?}");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the report on stdout");
        assert_eq!((report["pulled"].as_u64(), report["pushed"].as_u64()), (Some(0), Some(0)), "{report}");
        assert_eq!(report["events"], serde_json::json!({ "added": 0, "updated": 0, "removed": 0 }), "{report}");
        let why = report["calendar_error"].as_str().unwrap_or_default();
        assert!(why.contains(&format!("{server_name} answered 500 to PUT")), "{report}");
        assert_eq!(env.bytes(), before, "{kind:?}");
        let out = run_on(&env, DAY, &["--lang", "id", "sync"]);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{kind:?}: {err}");
        assert!(err.contains("Sinkron: 0 ditarik, 0 dikirim, 0 digabung, 0 konflik, 0 dihapus"), "{err}");
        assert!(
            err.contains(&format!(
                "galat: kontak sudah disinkronkan, tetapi kalender pengingat belum: {server_name} menjawab 500 untuk PUT"
            )),
            "{err}"
        );
        assert!(err.contains("jalankan `jejaring sync` lagi"), "{err}");

        // The calendar back: exactly what it missed, once (Eko's event, Budi's move and
        // Citra's delete; Dewi's was written before), and Wei's, who came from the phone
        // in the sync the calendar failed: a sync's reminders are those of the people it
        // started with, so his comes now, as it would have after a sync that worked.
        front.set(Mode::Forward(server.port));
        let seen = front.seen().len();
        let err = sync_on(&env, DAY, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{kind:?}: {err}");
        assert!(err.contains("Calendar: 2 added, 1 updated, 1 removed"), "{kind:?}: {err}");
        assert_eq!(writes(&front, seen), ["PUT", "PUT", "PUT", "DELETE"], "{kind:?}");
        let events = server.items("reminders", "ics");
        assert_eq!(events.len(), 4, "{kind:?}: {events:?}");
        for name in ["Dewi Lestari", "Eko Prasetyo", "Wei Chen"] {
            assert_eq!(events.iter().filter(|e| e.contains(name)).count(), 1, "{kind:?}: {name}");
        }
        assert!(events.iter().any(|e| e.contains("Budi Santoso") && e.contains("DTSTART;VALUE=DATE:20261228")));
        assert!(!events.iter().any(|e| e.contains("Citra")), "{kind:?}");
        // And then nothing is left to do.
        let seen = front.seen().len();
        let err = sync_on(&env, DAY, &["sync"]);
        assert!(!err.contains("Calendar:"), "{kind:?}: {err}");
        assert!(writes(&front, seen).is_empty(), "{kind:?}");
    }
}
