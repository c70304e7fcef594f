//! `jejaring log`: interactions with one or more contacts, their kind, day and note.

use crate::env::{TestEnv, one_error_line};
use serde_json::{Value, json};

const BUDI: &str = "0192f0a0-0000-7000-8000-00000000b0d1";
const SITI: &str = "0192f0a0-0000-7000-8000-000000005a1e";

/// The interactions logged after the three the fixture holds.
fn new_interactions(env: &TestEnv) -> Vec<Value> {
    env.json()["interactions"].as_array().unwrap()[3..].to_vec()
}

#[test]
fn several_contacts_and_the_last_argument_as_the_note() {
    let env = TestEnv::with_fixture("network.json");
    let (out, err) = env.ok(&["log", "budi", "siti", "coffee at the fintech meetup"]);
    assert_eq!(out, "");
    assert_eq!(err, "Logged a meeting with Budi Santoso, Siti Rahma on 2026-11-28\n");
    let new = new_interactions(&env);
    assert_eq!(new.len(), 1, "a group conversation is one record");
    let i = &new[0];
    assert_eq!(i["contacts"], json!([BUDI, SITI]));
    assert_eq!(i["kind"], "meeting");
    assert_eq!(i["on"], "2026-11-28");
    assert_eq!(i["text"], "coffee at the fintech meetup");
    assert_eq!(i["logged"], "2026-11-28T12:00:00Z");
    assert!(i.get("they_reached_out").is_none());
}

#[test]
fn a_last_argument_that_names_someone_is_a_contact() {
    let env = TestEnv::with_fixture("network.json");
    let (_, err) = env.ok(&["log", "budi", "5a1e"]);
    assert_eq!(err, "Logged a meeting with Budi Santoso, Siti Rahma on 2026-11-28\n");
    let i = &new_interactions(&env)[0];
    assert_eq!(i["contacts"], json!([BUDI, SITI]));
    assert!(i.get("text").is_none());

    // The same person twice is one participant.
    env.ok(&["log", "budi", "b0d1"]);
    assert_eq!(new_interactions(&env)[1]["contacts"], json!([BUDI]));
}

#[test]
fn dash_m_kind_day_and_who_reached_out() {
    let env = TestEnv::with_fixture("network.json");
    let (_, err) = env.ok(&[
        "log",
        "budi",
        "siti",
        "-m",
        "Quick call",
        "--kind",
        "call",
        "--on",
        "yesterday",
        "--they-reached-out",
    ]);
    assert_eq!(err, "Logged a call with Budi Santoso, Siti Rahma on 2026-11-27\n");
    let i = &new_interactions(&env)[0];
    assert_eq!(i["contacts"], json!([BUDI, SITI]), "with -m every argument is a contact");
    assert_eq!(i["kind"], "call");
    assert_eq!(i["on"], "2026-11-27");
    assert_eq!(i["text"], "Quick call");
    assert_eq!(i["they_reached_out"], true);
}

#[test]
fn days_are_read_from_words_and_iso_dates_and_echoed() {
    let env = TestEnv::with_fixture("network.json");
    // Today is Saturday 2026-11-28.
    let cases = [
        ("today", "2026-11-28"),
        ("fri", "2026-11-27"),
        ("monday", "2026-11-23"),
        ("sat", "2026-11-28"),
        ("3 days ago", "2026-11-25"),
        ("last friday", "2026-11-27"),
        ("2026-11-03", "2026-11-03"),
        ("kemarin", "2026-11-27"),
        ("3 hari lalu", "2026-11-25"),
    ];
    for (word, day) in cases {
        let (_, err) = env.ok(&["log", "ana", "--on", word, "--kind", "message"]);
        assert_eq!(err, format!("Logged a message with Ana Lestari on {day}\n"), "--on {word}");
    }
    let days: Vec<String> = new_interactions(&env).iter().map(|i| i["on"].as_str().unwrap().to_string()).collect();
    let expected: Vec<&str> = cases.iter().map(|(_, d)| *d).collect();
    assert_eq!(days, expected);
}

#[test]
fn every_kind_is_accepted() {
    let env = TestEnv::with_fixture("network.json");
    for kind in ["meeting", "call", "message", "email", "event", "intro", "other", "telepon"] {
        env.ok(&["log", "ana", "--kind", kind]);
    }
    let kinds: Vec<String> = new_interactions(&env).iter().map(|i| i["kind"].as_str().unwrap().to_string()).collect();
    assert_eq!(kinds, ["meeting", "call", "message", "email", "event", "intro", "other", "call"]);
}

#[test]
fn the_future_is_refused() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    for day in ["tomorrow", "2026-11-29", "in 2 weeks", "besok"] {
        let err = env.fails(&["log", "budi", "met again", "--on", day], 1);
        let line = one_error_line(&err);
        assert!(line.contains("is in the future; log what has happened"), "--on {day}: {line}");
    }
    before.assert_unchanged();
}

#[test]
fn log_json_prints_the_interaction() {
    let env = TestEnv::with_fixture("network.json");
    let (out, _) = env.ok(&["--json", "log", "siti", "-m", "Sent the deck", "--kind", "email"]);
    let printed: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(printed, new_interactions(&env)[0]);
    assert_eq!(printed["kind"], "email");
}

#[test]
fn logged_interactions_show_up_in_show_and_list() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["log", "sitorus", "Asked about his startup", "--on", "fri"]);
    let (out, _) = env.ok(&["show", "sitorus"]);
    assert!(out.contains("last talked:       2026-11-27 (yesterday)"), "{out}");
    assert!(out.contains("  2026-11-27  meeting      Asked about his startup"), "{out}");
    let (out, _) = env.ok(&["--json", "list", "--sort", "recent", "--limit", "2"]);
    let rows: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["last_contact"], "2026-11-27");
}

#[test]
fn an_unknown_or_ambiguous_participant_logs_nothing() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    let err = env.fails(&["log", "budi", "bodi", "-m", "lunch"], 1);
    assert!(one_error_line(&err).contains("did you mean Budi Santoso (b0d1)?"), "{err}");
    let err = env.fails(&["log", "sit", "lunch"], 1);
    assert!(one_error_line(&err).contains("could mean Siti Rahma (5a1e), Sitorus Pane (5b0e)"), "{err}");
    let err = env.fails(&["log", "nobody"], 1);
    assert!(one_error_line(&err).contains("no contact matches \"nobody\""), "{err}");
    before.assert_unchanged();
}

#[test]
fn log_needs_a_contact() {
    let env = TestEnv::with_fixture("network.json");
    let err = env.fails(&["log"], 2);
    assert!(err.starts_with("error: "), "{err}");
}
