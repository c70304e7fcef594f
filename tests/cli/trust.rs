//! Step 1: trust notes and levels, facts and the knowing score, promises and
//! reliability, the brief, warmth in `show` and `list`.

use crate::env::{TestEnv, one_error_line};
use serde_json::Value;

fn promises(env: &TestEnv) -> Vec<Value> {
    env.json()["promises"].as_array().cloned().unwrap_or_default()
}

// ---------------------------------------------------------------- trust

#[test]
fn trust_levels_move_and_keep_their_history() {
    let env = TestEnv::with_fixture("network.json");
    let (_, err) = env.ok(&["trust", "siti", "--up", "--note", "Kept my secret"]);
    assert_eq!(err.trim(), "Trust with Siti Rahma: 3 → 4");
    env.ok(&["trust", "siti", "--level", "2", "--note", "Shared my salary with others", "--on", "yesterday"]);
    env.ok(&["trust", "siti", "--note", "Apologised sincerely"]);
    let notes = env.json()["trust_notes"].as_array().cloned().unwrap();
    assert_eq!(notes.len(), 3);
    assert_eq!(notes[0]["level"], 4);
    assert_eq!(notes[1]["level"], 2);
    assert_eq!(notes[1]["on"], "2026-11-27");
    assert!(notes[2].get("level").is_none(), "a note alone does not set a level");

    let (out, _) = env.ok(&["trust", "siti"]);
    assert!(out.contains("trust level 4 of 5"), "the latest level by date wins: {out}");
    assert!(out.contains("2026-11-27  →2 Shared my salary with others"), "{out}");
    assert!(out.contains("Apologised sincerely"), "{out}");

    let (out, _) = env.ok(&["--json", "trust", "siti"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["level"], 4);
    assert_eq!(v["notes"].as_array().unwrap().len(), 3);
}

#[test]
fn trust_refuses_bad_levels_and_changes_nothing() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    for args in [
        &["trust", "siti", "--level", "0"][..],
        &["trust", "siti", "--level", "6"],
        &["trust", "siti", "--level", "-1"],
        &["trust", "siti", "--note", "   "],
        &["trust", "budi", "--up", "--up"],
    ] {
        let err = env.run(args).failure().get_output().stderr.clone();
        assert!(!err.is_empty(), "{args:?}");
    }
    let err = env.fails(&["trust", "siti", "--level", "9"], 1);
    assert!(one_error_line(&err).contains("use 1 (just met) to 5"), "{err}");
    env.ok(&["trust", "ana", "--level", "5"]);
    let after_five = env.snapshot();
    let err = env.fails(&["trust", "ana", "--up"], 1);
    assert!(one_error_line(&err).contains("already at trust level 5"), "{err}");
    after_five.assert_unchanged();
    let err = env.fails(&["trust", "--up"], 2);
    assert!(err.contains("name the contact"), "{err}");
    drop(before);
}

#[test]
fn trust_summary_shows_reliability_and_levels() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["promise", "budi", "Send the slides", "--due", "2026-12-01"]);
    env.ok(&["promise", "siti", "Book the venue", "--due", "2026-11-25"]);
    env.ok(&["promise", "ana", "Call grandma", "--due", "2026-12-05"]);
    env.ok(&["promise", "done", "1"]);
    let err = env.fails(&["promise", "done", "3", "--on", "2026-11-19"], 1);
    assert!(one_error_line(&err).contains("before the promise was made"), "{err}");
    env.ok(&["promise", "broke", "2", "--note", "Forgot"]);
    let (out, _) = env.ok(&["trust"]);
    assert!(out.contains("overall: reliability 50%: kept 1 of 2 promises on time (1 open)"), "{out}");
    assert!(out.contains("Siti Rahma: reliability 0%"), "{out}");
    let (out, _) = env.ok(&["--json", "trust"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["reliability_rate"], 50);
    assert_eq!(v["reliability"]["broken"], 1);
    assert_eq!(v["levels"].as_array().unwrap().iter().map(|n| n.as_u64().unwrap()).sum::<u64>(), 5);
}

// ---------------------------------------------------------------- know

#[test]
fn facts_raise_the_knowing_score_and_suggest_the_next_question() {
    let env = TestEnv::with_fixture("network.json");
    let (_, err) = env.ok(&["know", "sitorus", "Runs a batik shop in Medan", "--topic", "work"]);
    assert!(err.contains("you now know 17% of the basics"), "one topic of six, rounded: {err}");
    assert!(err.contains("Next time, ask: What do you enjoy outside work?"), "{err}");
    env.ok(&["know", "sitorus", "Plays gondang drums", "--topic", "minat"]);
    let (out, _) = env.ok(&["know", "sitorus"]);
    assert!(out.contains("What you know about Sitorus Pane (33%)"), "{out}");
    assert!(out.contains("#2   interests         Plays gondang drums"), "{out}");
    assert!(out.contains("next time, ask: What are you aiming for this year?"), "{out}");

    env.ok(&["know", "sitorus", "--fix", "2", "Plays the gondang drums", "--topic", "values"]);
    let facts = env.json()["facts"].as_array().cloned().unwrap();
    assert_eq!(facts[1]["text"], "Plays the gondang drums");
    assert_eq!(facts[1]["topic"], "values");
    env.ok(&["know", "sitorus", "--remove", "1"]);
    assert_eq!(env.json()["facts"].as_array().unwrap().len(), 1);
}

#[test]
fn facts_refuse_bad_input() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["know", "budi", "Two daughters", "--topic", "family"]);
    let before = env.snapshot();
    let err = env.fails(&["know", "budi", "  "], 1);
    assert!(one_error_line(&err).contains("FACT must not be empty"), "{err}");
    let err = env.fails(&["know", "siti", "--remove", "1"], 1);
    assert!(one_error_line(&err).contains("no fact #1"), "another contact's fact: {err}");
    env.fails(&["know", "budi", "--fix", "1"], 2);
    env.fails(&["know", "budi", "x", "--topic", "hobbies"], 2);
    before.assert_unchanged();
}

// ---------------------------------------------------------------- promise

#[test]
fn promises_are_kept_late_broken_or_moved() {
    let env = TestEnv::with_fixture("network.json");
    let (_, err) = env.ok(&["promise", "budi", "Send the deck", "--due", "fri"]);
    assert!(err.contains("Promise #1 to Budi Santoso, due 2026-12-04"), "{err}");
    // A promise already past due is recorded with a warning.
    let (_, err) = env.ok(&["promise", "siti", "Return the book", "--due", "2026-11-20"]);
    assert!(err.contains("warning: #2 was already due on 2026-11-20"), "{err}");
    env.ok(&["promise", "budi", "Intro to Wei", "--due", "2026-11-30"]);

    let (out, _) = env.ok(&["promise", "list"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("#2   2026-11-20  Siti Rahma: Return the book  (overdue 8 days)"), "{out}");
    let (out, _) = env.ok(&["promise", "list", "--overdue"]);
    assert_eq!(out.lines().count(), 1);
    let (out, _) = env.ok(&["promise", "list", "budi"]);
    assert_eq!(out.lines().count(), 2);

    env.ok(&["promise", "done", "2"]);
    env.ok(&["promise", "move", "3", "--due", "2026-12-15", "--note", "Wei is travelling"]);
    env.ok(&["promise", "broke", "#1", "--note", "Deck cancelled"]);
    let ps = promises(&env);
    assert_eq!(ps[1]["status"], "kept");
    assert_eq!(ps[1]["resolved_on"], "2026-11-28");
    assert_eq!(ps[2]["due"], "2026-12-15");
    assert_eq!(ps[2]["moves"][0]["from"], "2026-11-30");
    assert_eq!(ps[2]["moves"][0]["note"], "Wei is travelling");
    assert_eq!(ps[0]["status"], "broken");

    let (out, _) = env.ok(&["promise", "list", "--all"]);
    assert!(out.contains("(kept late)"), "{out}");
    assert!(out.contains("(broken)"), "{out}");
    assert!(out.contains("(due in 17 days; first due 2026-11-30)"), "{out}");
    let (out, _) = env.ok(&["--json", "promise", "list", "--all"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert!(v.as_array().unwrap().iter().any(|p| p["outcome"] == "kept_late"));
}

#[test]
fn renegotiated_and_kept_by_the_new_date_counts_as_on_time() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["promise", "budi", "Send the deck", "--due", "2026-11-30"]);
    env.ok(&["promise", "move", "1", "--due", "2026-12-07", "--note", "Agreed a week more"]);
    env.ok(&["promise", "done", "1"]);
    let (out, _) = env.ok(&["show", "budi"]);
    assert!(out.contains("reliability 100%: kept 1 of 1 promise on time"), "{out}");
}

#[test]
fn promise_mistakes_change_nothing() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["promise", "budi", "Send the deck", "--due", "2026-12-01"]);
    env.ok(&["promise", "done", "1"]);
    let before = env.snapshot();
    let err = env.fails(&["promise", "done", "1"], 1);
    assert!(one_error_line(&err).contains("promise #1 is already kept"), "{err}");
    let err = env.fails(&["promise", "broke", "42"], 1);
    assert!(one_error_line(&err).contains("there is no promise #42"), "{err}");
    env.fails(&["promise", "move", "1", "--due", "2026-12-20", "--note", "late"], 1);
    let err = env.fails(&["promise", "budi", "Something"], 2);
    assert!(err.contains("missing --due"), "{err}");
    let err = env.fails(&["promise", "budi", "Something", "--due", "2026-02-30"], 1);
    assert!(one_error_line(&err).contains("not a real date"), "{err}");
    env.fails(&["promise", "budi", "  ", "--due", "fri"], 1);
    env.fails(&["promise", "nobody-at-all", "x", "--due", "fri"], 1);
    env.fails(&["promise", "done", "x"], 1);
    before.assert_unchanged();
}

#[test]
fn due_dates_cross_month_and_year_ends() {
    let env = TestEnv::with_fixture("network.json");
    env.cmd()
        .env("JEJARING_NOW", "2026-12-30")
        .args(["promise", "budi", "New year card", "--due", "in 3 days"])
        .assert()
        .success();
    env.cmd()
        .env("JEJARING_NOW", "2027-01-31")
        .args(["promise", "budi", "February plan", "--due", "tomorrow"])
        .assert()
        .success();
    let ps = promises(&env);
    assert_eq!(ps[0]["due"], "2027-01-02");
    assert_eq!(ps[1]["due"], "2027-02-01");
    let out = env.cmd().env("JEJARING_NOW", "2027-01-03").args(["promise", "list"]).assert().success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(out.contains("New year card  (overdue 1 day)"), "{out}");
}

// ---------------------------------------------------------------- show, brief, list

#[test]
fn show_explains_warmth_for_someone_never_contacted() {
    let env = TestEnv::with_fixture("network.json");
    let (out, _) = env.ok(&["show", "sitorus"]);
    assert!(out.contains("no conversation logged yet"), "{out}");
    assert!(out.contains("no conversation in the last 6 months"), "{out}");
    let (out, _) = env.ok(&["--json", "show", "sitorus"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let reasons: Vec<&str> =
        v["warmth"]["factors"].as_array().unwrap().iter().map(|f| f["reason"].as_str().unwrap()).collect();
    assert!(reasons.contains(&"never_talked"), "{reasons:?}");
    assert!(v["warmth"]["score"].as_u64().unwrap() <= 100);
}

#[test]
fn brief_gathers_what_matters_before_a_meeting() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["know", "budi", "Two daughters", "--topic", "family"]);
    env.ok(&["promise", "budi", "Bring the book", "--due", "mon"]);
    env.ok(&["trust", "budi", "--note", "Vouched for me"]);
    let (out, _) = env.ok(&["brief", "budi"]);
    for needle in [
        "Budi Santoso  Head of Digital Lending, Bank Mandiri",
        "met: My first team lead (2022-10-20)",
        "first impression: Calm, listens before he speaks",
        "#1   family            Two daughters",
        "next time, ask:",
        "Bring the book  (due in 2 days)",
        "Coffee after the fintech meetup",
        "Vouched for me",
        "Warmth ",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    let (out, _) = env.ok(&["--lang", "id", "brief", "budi"]);
    assert!(out.contains("kesan pertama:"), "{out}");
    assert!(out.contains("Kehangatan"), "{out}");
}

#[test]
fn list_due_and_sort_by_warmth() {
    let env = TestEnv::with_fixture("network.json");
    let (out, _) = env.ok(&["--json", "list", "--due"]);
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    let overdue: Vec<i64> = rows.iter().map(|r| r["overdue_days"].as_i64().unwrap()).collect();
    assert!(!rows.is_empty());
    assert!(overdue.iter().all(|d| *d > 0));
    assert!(overdue.windows(2).all(|w| w[0] >= w[1]), "most overdue first: {overdue:?}");

    let name = rows[0]["name"].as_str().unwrap().to_string();
    env.ok(&["snooze", &name, "--until", "in 2 weeks"]);
    let (out, _) = env.ok(&["--json", "list", "--due"]);
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert!(rows.iter().all(|r| r["name"] != name.as_str()), "snoozed people are not due");

    let (out, _) = env.ok(&["--json", "list", "--sort", "warmth"]);
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    let warmth: Vec<u64> = rows.iter().map(|r| r["warmth"].as_u64().unwrap()).collect();
    assert_eq!(warmth.len(), 5);
    assert!(warmth.windows(2).all(|w| w[0] <= w[1]), "coldest first: {warmth:?}");
    let (out, _) = env.ok(&["list", "--sort", "warmth"]);
    assert!(out.lines().next().unwrap().contains("warmth"), "{out}");
}

#[test]
fn removing_a_contact_removes_their_trust_records() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["know", "siti", "Loves durian"]);
    env.ok(&["promise", "siti", "Lunch", "--due", "fri"]);
    env.ok(&["trust", "siti", "--up"]);
    env.ok(&["remove", "siti", "--yes"]);
    let v = env.json();
    for key in ["facts", "promises", "trust_notes"] {
        assert!(v.get(key).is_none_or(|a| a.as_array().unwrap().is_empty()), "{key}: {v}");
    }
}
