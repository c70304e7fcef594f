//! The `goal new` wizard through a real pseudo-terminal: every letter is asked, the
//! check finds Specific weak, the user fixes it, and the goal is saved.

use expectrl::{Eof, Expect, Session};
use std::process::Command;
use std::time::Duration;

const DOWN: &str = "\x1b[B";

#[test]
fn the_wizard_walks_every_letter_and_fixes_a_weak_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("jejaring.json");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jejaring"));
    cmd.args(["goal", "new"])
        .env_clear()
        .env("JEJARING_DATA", &data)
        .env("JEJARING_NOW", "2026-11-28")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env("TERM", "xterm")
        .env("HOME", dir.path());
    let mut s = Session::spawn(cmd).unwrap();
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    step(&mut s, "Goal, in a few words:", "Network more\r");
    step(&mut s, "What exactly, and with whom?", "\r");
    step(&mut s, "Which tag marks these people?", "\r");
    step(&mut s, "Which circle counts?", "\r");
    step(&mut s, "Which stage counts?", "\r");
    step(&mut s, "How is progress counted?", "\r");
    step(&mut s, "Target number:", "6\r");
    step(&mut s, "Why is it within reach", "Two meetups a month\r");
    step(&mut s, "Why does it matter now?", "I am moving into product\r");
    step(&mut s, "Minutes a week", "120\r");
    step(&mut s, "Start:", "\r");
    step(&mut s, "Deadline:", "in 3 months\r");
    // Specific is missing: the first option fixes it.
    s.expect("S✗").unwrap();
    step(&mut s, "What now?", "\r");
    step(&mut s, "What exactly, and with whom?", "Product managers at fintech start-ups\r");
    step(&mut s, "Which tag marks these people?", "fintech\r");
    step(&mut s, "Which circle counts?", &format!("{DOWN}{DOWN}\r"));
    step(&mut s, "Which stage counts?", "\r");
    s.expect("S✓ M✓ A✓ R✓ T✓").unwrap();
    s.expect("Saved goal 1").unwrap();
    s.expect(Eof).unwrap();

    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&data).unwrap()).unwrap();
    let g = &file["goals"][0];
    assert_eq!(g["title"], "Network more");
    assert_eq!(g["specific"], "Product managers at fintech start-ups");
    assert_eq!(g["filters"]["tags"][0], "fintech");
    assert_eq!(g["filters"]["circles"][0], "colleague");
    assert_eq!((g["target"].as_u64(), g["deadline"].as_str()), (Some(6), Some("2027-02-28")));
    assert_eq!(file["settings"]["weekly_minutes"], 120);
}

fn step<S: Expect>(s: &mut S, expect: &str, send: &str) {
    s.expect(expect).unwrap_or_else(|e| panic!("waiting for {expect:?}: {e}"));
    s.send(send).unwrap();
}
