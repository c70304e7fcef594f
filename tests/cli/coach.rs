//! `jejaring coach`: the three steps with scores, evidence and next actions, and the
//! onboarding of a new, empty network.

use crate::env::TestEnv;
use crate::pty::{DOWN, ENTER, answer, exit_code, spawn};
use expectrl::Expect;
use serde_json::Value;

fn demo_env() -> TestEnv {
    let env = TestEnv::new();
    env.write_data(std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/demo.json")).unwrap());
    env
}

#[test]
fn coach_scores_each_step_with_evidence_and_a_next_action() {
    let env = demo_env();
    let before = env.snapshot();
    let (out, _) = env.ok(&["coach"]);
    for needle in [
        "1. Build trust",
        // The overdue promise counts against reliability, once: 1 of 4 kept on time.
        "26/100",
        "· reliability 25%: kept 1 of 4 promises on time (resolved in the last 90 days, or overdue)",
        "· 1 promise overdue",
        "→ deliver promise #4 to Wei Chen (due 2026-11-20)",
        "2. Set goals",
        "· 12 of 15 SMART letters are sound",
        "→ goal 1 (Meet 10 people in fintech) is behind",
        "3. Select contacts",
        // Hiroshi, Budi and five more, and three people newly met whose first follow-up is late.
        "· 10 of 18 people are past their keep-in-touch rhythm",
        "Start with \"Build trust\": it has the lowest score.",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    before.assert_unchanged();

    let (out, _) = env.ok(&["--json", "coach"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["focus"], "trust");
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[0]["next"]["action"], "keep_promise");
    assert_eq!(steps[1]["next"]["action"], "catch_up");
    assert_eq!(steps[2]["next"]["action"], "reach");
}

#[test]
fn keeping_the_overdue_promise_moves_the_trust_step() {
    let env = demo_env();
    let before: Value = serde_json::from_str(&env.ok(&["--json", "coach"]).0).unwrap();
    env.ok(&["promise", "done", "4"]);
    let (out, _) = env.ok(&["--json", "coach"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_ne!(v["steps"][0]["next"]["action"], "keep_promise");
    let overdue = |v: &Value| v["steps"][0]["evidence"][1]["count"].as_u64();
    assert_eq!((overdue(&before), overdue(&v)), (Some(1), Some(0)));
    // Kept late is still not on time: the score neither rises as if it had been, nor falls.
    assert_eq!(v["steps"][0]["score"], before["steps"][0]["score"]);
}

#[test]
fn coach_speaks_indonesian() {
    let env = demo_env();
    let (out, _) = env.ok(&["--lang", "id", "coach"]);
    assert!(out.contains("1. Bangun kepercayaan"), "{out}");
    assert!(out.contains("→ tepati janji #4 kepada Wei Chen"), "{out}");
}

#[test]
fn an_empty_network_gets_the_method_and_first_commands() {
    let env = TestEnv::new();
    let (out, _) = env.ok(&["coach"]);
    assert!(out.contains("Welcome to jejaring"), "{out}");
    assert!(out.contains("1. Build trust"), "{out}");
    assert!(out.contains("jejaring add-contact \"Name\" --circle friend"), "{out}");
    assert!(env.bytes().is_none(), "nothing is written without a terminal");
    let (out, _) = env.ok(&["--json", "coach"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["steps"][1]["next"]["action"], "set_goal");
    assert_eq!(v["steps"][2]["next"]["action"], "add_people");
}

#[test]
fn onboarding_on_a_terminal_adds_people_and_a_first_promise() {
    let env = TestEnv::new();
    let mut s = spawn(&env, &["coach"]);
    s.expect("Welcome to jejaring").unwrap();
    answer(&mut s, "Name:", "Budi Santoso");
    s.expect("Circle:").unwrap();
    s.send(ENTER).unwrap(); // friend
    answer(&mut s, "Name:", "Siti Rahma");
    s.expect("Circle:").unwrap();
    s.send(DOWN).unwrap();
    s.send(ENTER).unwrap(); // colleague
    answer(&mut s, "Name:", "");
    s.expect("Added 2 people.").unwrap();
    s.expect("What would you like to record?").unwrap();
    s.send(ENTER).unwrap(); // a promise
    s.expect("About whom?").unwrap();
    s.send(DOWN).unwrap();
    s.send(ENTER).unwrap(); // Siti
    answer(&mut s, "What did you promise?", "Send her the meetup slides");
    answer(&mut s, "By when?", "someday");
    s.expect("is not a date").unwrap();
    answer(&mut s, "By when?", "fri");
    // The day "fri" was read as is said back.
    s.expect("Recorded a promise to Siti Rahma, due 2026-12-04.").unwrap();
    answer(&mut s, "Set your first SMART goal now?", "n");
    s.expect("Well started.").unwrap();
    assert_eq!(exit_code(s), 0);

    assert_eq!(env.contact("Budi Santoso")["circle"], "friend");
    let siti = env.contact("Siti Rahma");
    assert_eq!(siti["circle"], "colleague");
    // People named as already known: a friend and a colleague are connections, with no
    // meeting day, never acquaintances known "only in passing".
    for who in ["Budi Santoso", "Siti Rahma"] {
        let c = env.contact(who);
        assert_eq!((c["stage"].as_str(), c.get("met_on")), (Some("connection"), None), "{c}");
    }
    let (out, _) = env.ok(&["select", "--no-input"]);
    assert!(!out.contains("only in passing"), "{out}");
    let promise = env.json()["promises"][0].clone();
    assert_eq!(promise["contact"], siti["id"]);
    assert_eq!(promise["what"], "Send her the meetup slides");
    assert_eq!(promise["due"], "2026-12-04");
}
