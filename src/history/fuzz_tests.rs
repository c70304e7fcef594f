//! Fuzz guards for the history readers (calendar, mbox and maildir headers, LinkedIn
//! messages, WhatsApp lines) and the everyday date parser: arbitrary Unicode, and the
//! test fixtures mutated (cut short, with multi-byte and invisible characters put in,
//! lines repeated). Each must end without a panic and with output no bigger than its
//! input allows. `cargo test` runs a modest number of cases; `PROPTEST_CASES=20000
//! cargo test --lib fuzz_tests` runs more (see BENCHMARK.md).

use super::{calendar, linkedin, mail, whatsapp};
use crate::interop::fuzz_kit::{config, fixture, mutated, nasty_text};
use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    "2026-11-28T12:00:00Z".parse().unwrap()
}

fn lines(text: &str) -> usize {
    text.lines().count() + 1
}

const CHATS: &[&str] = &[
    "history/whatsapp/WhatsApp Chat with Siti Rahayu.txt",
    "history/whatsapp/WhatsApp Chat - Alumni ITB 2015.txt",
    "history/whatsapp/WhatsApp Chat - Dimas Pratama.txt",
    "whatsapp/ios-unanswered-_chat.txt",
    "whatsapp/ios-group-es.txt",
    "whatsapp/android-de-renamed.txt",
    "whatsapp/android-year-first.txt",
    "whatsapp/ios-2016.txt",
    "whatsapp/ios-vi-time-first.txt",
    "whatsapp/android-names-like-notices.txt",
    "whatsapp/WhatsApp Chat with Budi Keluar.txt",
    "whatsapp/android-month-first.txt",
    "whatsapp/android-day-first.txt",
    "whatsapp/android-no-such-day.txt",
];

fn check_chat(text: &str) -> Result<(), TestCaseError> {
    let h = whatsapp::parse(text, None);
    prop_assert!(h.found.len() <= lines(text));
    prop_assert!(h.found.iter().all(|f| f.people.len() <= lines(text) + 1));
    // At most one reason the chat is refused; otherwise a line each, at most (a day the
    // calendar does not have).
    let refusals = h.problems.iter().filter(|p| matches!(p.kind, super::ProblemKind::Chat(_))).count();
    prop_assert!(refusals <= 1 && h.problems.len() <= lines(text), "{:?}", h.problems);
    let named = whatsapp::parse_with(text, Some("Budi\u{202a}"), Some(whatsapp::DateOrder::Mdy));
    prop_assert!(named.found.len() <= lines(text));
    for l in text.lines() {
        let _ = whatsapp::is_chat_line(l);
    }
    Ok(())
}

fn check_calendar(text: &str) -> Result<(), TestCaseError> {
    if let Ok(h) = calendar::parse(text, now()) {
        // A repeating event yields at most its occurrences up to now; far below this.
        prop_assert!(h.found.len() <= 50_000, "{} meetings", h.found.len());
    }
    Ok(())
}

fn check_mail(bytes: &[u8]) -> Result<(), TestCaseError> {
    let newlines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
    let h = mail::mbox(bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(h.found.len() <= newlines);
    let mut reader = mail::Reader::new();
    reader.message_in(bytes, 0, false);
    let h = reader.finish();
    prop_assert!(h.found.len() <= 1 && h.problems.len() <= 1);
    Ok(())
}

fn check_messages(bytes: &[u8]) -> Result<(), TestCaseError> {
    let newlines = bytes.iter().filter(|b| **b == b'\n' || **b == b'\r').count() + 1;
    if let Ok(h) = linkedin::parse(bytes) {
        prop_assert!(h.found.len() <= newlines);
        prop_assert!(h.problems.len() <= newlines);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn whatsapp_survives_any_text(text in nasty_text()) {
        check_chat(&text)?;
    }

    #[test]
    fn whatsapp_survives_its_fixtures_mutated(bytes in mutated(CHATS)) {
        check_chat(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn calendars_survive_any_text(text in nasty_text()) {
        check_calendar(&format!("BEGIN:VCALENDAR\n{text}\nEND:VCALENDAR\n"))?;
        check_calendar(&text)?;
    }

    #[test]
    fn calendars_survive_their_fixtures_mutated(bytes in mutated(&["history/google-calendar.ics"])) {
        check_calendar(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn mail_headers_survive_any_text(text in nasty_text()) {
        check_mail(text.as_bytes())?;
        check_mail(format!("From x@y Mon Jan 01 00:00:00 2024\nFrom: {text}\nDate: {text}\n\nbody\n").as_bytes())?;
    }

    #[test]
    fn mail_survives_its_fixtures_mutated(bytes in mutated(&[
        "history/takeout.mbox",
        "history/maildir/cur/1763100000.M1P1.laptop",
        "history/maildir/new/1763200000.M2P1.laptop",
    ])) {
        check_mail(&bytes)?;
    }

    #[test]
    fn linkedin_messages_survive_any_text(text in nasty_text()) {
        check_messages(text.as_bytes())?;
        let csv = format!("CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n{text}\n");
        check_messages(csv.as_bytes())?;
    }

    #[test]
    fn linkedin_messages_survive_their_fixtures_mutated(bytes in mutated(&[
        "history/messages.csv",
        "history/messages-unnamed.csv",
    ])) {
        check_messages(&bytes)?;
    }

    #[test]
    fn everyday_dates_survive_any_text(text in nasty_text()) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        for lean in [crate::dates::Lean::Past, crate::dates::Lean::Future] {
            let _ = crate::dates::parse_day(&text, today, lean);
        }
        let _ = crate::dates::parse_past_day(&text, today);
    }
}

#[test]
fn the_guards_read_their_fixtures() {
    // A guard over fixtures that failed to load would test nothing.
    let others =
        ["history/google-calendar.ics", "history/takeout.mbox", "history/messages.csv", "history/messages-unnamed.csv"];
    for name in CHATS.iter().chain(&others) {
        assert!(!fixture(name).is_empty(), "{name}");
    }
}
