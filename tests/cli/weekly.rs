//! Step 3 and the weekly habit: `select`, `snooze`, `today`, `review`, on the demo
//! network (copied into a data file, so changes can be checked) and on small networks.

use crate::env::{TestEnv, one_error_line};
use crate::pty::{DOWN, ENTER, UP, answer, exit_code, spawn};
use expectrl::Expect;
use serde_json::Value;

/// A data file holding the demo network. Its dates are written for 2026-11-28, the
/// tests' "now", so no shifting is needed.
fn demo_env() -> TestEnv {
    let env = TestEnv::new();
    env.write_data(std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/demo.json")).unwrap());
    env
}

fn plans(env: &TestEnv) -> Vec<Value> {
    env.json()["plans"].as_array().cloned().unwrap_or_default()
}

fn reviews(env: &TestEnv) -> Vec<Value> {
    env.json()["reviews"].as_array().cloned().unwrap_or_default()
}

// ---------------------------------------------------------------- select

#[test]
fn select_proposes_people_with_reasons_and_saves_only_when_asked() {
    let env = demo_env();
    let before = env.snapshot();
    let (out, err) = env.ok(&["select"]);
    assert!(out.contains("Your network: 18 people, 4 met in the last 30 days"), "{out}");
    assert!(out.contains("circles: friend 4, colleague 8, family 2, other 4"), "{out}");
    assert!(out.contains("1. Wei Chen (colleague) — promise #4 was due 2026-11-20"), "{out}");
    assert_eq!(out.lines().filter(|l| l.trim_start().starts_with(char::is_numeric)).count(), 5);
    assert!(err.contains("--save"), "{err}");
    before.assert_unchanged();

    let (out, _) = env.ok(&["--json", "select", "--count", "3", "--save"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["saved"], true);
    assert_eq!(v["picks"].as_array().unwrap().len(), 3);
    let plan = plans(&env).last().cloned().unwrap();
    assert_eq!(plan["starts"], "2026-11-28");
    assert_eq!(plan["picks"].as_array().unwrap().len(), 3);
    assert_eq!(plan["picks"][0]["reason"], "promise");
}

#[test]
fn select_always_includes_someone_new() {
    let env = TestEnv::new();
    for name in ["A", "B", "C", "D"] {
        env.add(name, &["--circle", "friend", "--stage", "trusted", "--every", "1w"]);
        env.ok(&["log", name, "Catch-up", "--on", "2026-10-01"]);
    }
    // Same circle as everyone else, so only the stranger rule can bring them in. Met
    // today, they are proposed for the first follow-up within a week.
    env.add("Stranger", &["--circle", "friend", "--stage", "stranger", "--met-at", "conference"]);
    let (out, _) = env.ok(&["--json", "select", "--count", "2"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let picks = v["picks"].as_array().unwrap();
    assert_eq!(picks.len(), 2);
    assert!(picks.iter().any(|p| p["name"] == "Stranger" && p["reason"]["reason"] == "follow_up"), "{v}");
}

#[test]
fn select_on_an_empty_network_says_where_to_start() {
    let env = TestEnv::new();
    let (out, err) = env.ok(&["select"]);
    assert!(out.contains("0 people"), "{out}");
    assert!(err.contains("add-contact"), "{err}");
    assert!(env.bytes().is_none(), "nothing written");
    env.fails(&["select", "--count", "0"], 1);
}

#[test]
fn snooze_keeps_people_out_of_the_picks_until_the_date() {
    let env = demo_env();
    // "wei" is a word of two names (Wei Chen, Jürgen Weiß): the full name settles it.
    env.ok(&["snooze", "wei chen", "--until", "2026-12-15"]);
    assert_eq!(env.contact("Wei Chen")["snoozed_until"], "2026-12-15");
    // A snooze rests the relationship, never a debt: Wei's overdue promise keeps him in.
    let (out, _) = env.ok(&["--json", "select"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let wei: Vec<&Value> = v["picks"].as_array().unwrap().iter().filter(|p| p["name"] == "Wei Chen").collect();
    assert_eq!(wei.len(), 1, "{out}");
    assert_eq!(wei[0]["reason"]["reason"], "promise");
    assert_eq!(wei[0]["reason"]["overdue"], true);
    let later = env.cmd().env("JEJARING_NOW", "2026-12-15").args(["--json", "select"]).assert().success();
    assert!(String::from_utf8_lossy(&later.get_output().stdout).contains("\"Wei Chen\""));
    // Once the promise is kept, the snooze rests him until the date.
    env.ok(&["promise", "done", "4"]);
    let (out, _) = env.ok(&["--json", "select"]);
    assert!(!out.contains("\"Wei Chen\""), "{out}");
    env.ok(&["snooze", "wei chen", "--off"]);
    assert!(env.contact("Wei Chen").get("snoozed_until").is_none());
    let before = env.snapshot();
    let err = env.fails(&["snooze", "wei chen", "--until", "yesterday"], 1);
    assert!(one_error_line(&err).contains("not in the future"), "{err}");
    env.fails(&["snooze", "wei chen"], 2);
    before.assert_unchanged();
}

// ---------------------------------------------------------------- today

#[test]
fn today_is_silent_when_there_is_nothing_to_do() {
    let env = TestEnv::with_fixture("network.json");
    let (out, err) = env.ok(&["today"]);
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
    let (out, _) = env.ok(&["--json", "today"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["promises"], serde_json::json!([]));
}

#[test]
fn today_lists_due_promises_and_planned_people() {
    let env = demo_env();
    env.ok(&["select", "--save", "--count", "2"]);
    env.ok(&["promise", "budi", "Call back", "--due", "today"]);
    let (out, _) = env.ok(&["today"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains("Wei Chen: Send the market sizing deck  (overdue 8 days"), "{out}");
    assert!(lines[1].contains("Budi Santoso: Call back  (due today)"), "{out}");
    // Two picks: Wei's overdue promise, and Fatima, newly met, whose first follow-up is late.
    assert!(lines[2].starts_with("still to reach this week: Wei Chen, Fatima Al-Sayed"), "{out}");
    // The other people newly met and due a follow-up; Fatima is in the plan already.
    assert_eq!(lines[3], "follow up with Nguyen Van An: met 2026-10-29, first follow-up was due 2026-11-05");
    assert_eq!(lines[4], "follow up with Kofi Mensah: met 2026-11-16, first follow-up was due 2026-11-23");
    env.ok(&["log", "fatima", "Sent her the panel notes", "--kind", "message"]);
    let (out, _) = env.ok(&["today"]);
    assert!(out.contains("still to reach this week: Wei Chen\n"), "{out}");
}

// ---------------------------------------------------------------- review

#[test]
fn review_without_input_prints_every_section_and_saves_nothing() {
    let env = demo_env();
    let before = env.snapshot();
    let (out, err) = env.ok(&["review", "--no-input"]);
    for needle in [
        "Weekly review, 2026-11-22 to 2026-11-28",
        "Streak: 3 weeks in a row; this review makes it 4 weeks.",
        "1. Last week's plan",
        "reached 3 of 5 planned people",
        "✗ Wei Chen",
        "2. The week in numbers",
        "3 interactions with 3 people",
        "new people: 1 (stranger 1)",
        "3. Promises",
        "Send the market sizing deck  (overdue 8 days",
        // #7 kept on time against #2 kept late, #3 broken and #4 still overdue.
        "reliability (90 days): 25% ↑ from 0%",
        "4. Goals",
        "1. Meet 10 people in fintech: +0 this week",
        "2/10  48% of the time used  behind",
        "R Realistic       missing",
        "5. Warmth and trust",
        // Hiroshi and Budi were already past their rhythm a week ago: not news. Fatima and
        // Kofi, met at the summit, missed their first follow-up this week: that is.
        "cooling: Fatima Al-Sayed, now 5 days past your keep-in-touch rhythm (warmth 39 → 12)",
        "cooling: Kofi Mensah, now 5 days past your keep-in-touch rhythm (warmth 39 → 12)",
        "trust: Agus Setiawan, 3 → 4",
        "6. Next week",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    assert!(err.contains("Nothing saved"), "{err}");
    before.assert_unchanged();
}

#[test]
fn review_save_and_json_and_history() {
    let env = demo_env();
    let (out, _) = env.ok(&["--json", "review", "--save"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["report"]["numbers"]["interactions"], 3);
    assert_eq!(v["report"]["plan"]["missed"].as_array().unwrap().len(), 2);
    assert_eq!(v["saved"], true);
    let saved = reviews(&env);
    assert_eq!(saved.len(), 4);
    assert_eq!(saved[3]["on"], "2026-11-28");
    assert_eq!(saved[3]["numbers"]["planned_reached"], 3);
    assert_eq!(saved[3]["plan"], plans(&env).last().unwrap()["id"]);

    let (out, err) = env.ok(&["review", "history"]);
    assert_eq!(out.lines().filter(|l| l.starts_with(" 2026-")).count(), 4, "{out}");
    assert!(err.contains("Streak: 4 weeks in a row"), "{err}");
    let (out, _) = env.ok(&["review", "show", "2026-11-14"]);
    assert!(out.contains("went well: Met two new people at the Fintech Summit"), "{out}");
    let err = env.fails(&["review", "show", "2026-01-01"], 1);
    assert!(one_error_line(&err).contains("no review for the week ending 2026-01-01"), "{err}");
}

#[test]
fn review_of_an_earlier_week() {
    let env = demo_env();
    let (out, _) = env.ok(&["review", "--week", "2026-11-14", "--no-input"]);
    assert!(out.contains("Weekly review, 2026-11-08 to 2026-11-14"), "{out}");
    // The plan made on 2026-11-07 ran that week; the one made on the 14th was for the next.
    assert!(out.contains("reached 0 of 3 planned people\n  ✗ Budi Santoso"), "{out}");
    assert!(out.contains("2 interactions with 2 people"), "{out}");
    assert!(out.contains("#4   2026-11-20  Wei Chen: Send the market sizing deck  (due in 6 days"), "{out}");
    env.fails(&["review", "--week", "2026-12-25", "--no-input"], 1);
    let err = env.fails(&["review", "--no-input", "--count", "0"], 1);
    assert!(one_error_line(&err).contains("--count must be between 1 and 50"), "{err}");
}

#[test]
fn review_speaks_indonesian() {
    let env = demo_env();
    let (out, _) = env.ok(&["--lang", "id", "review", "--no-input"]);
    assert!(out.contains("Tinjauan mingguan, 2026-11-22 sampai 2026-11-28"), "{out}");
    assert!(out.contains("1. Rencana minggu lalu"), "{out}");
    assert!(out.contains("6. Minggu depan"), "{out}");
}

#[test]
fn the_demo_review_never_touches_the_users_file() {
    let env = TestEnv::new();
    let (out, _) = env.ok(&["--demo", "review", "--save"]);
    assert!(out.contains("1. Last week's plan"), "{out}");
    assert!(env.bytes().is_none());
}

#[test]
fn a_whole_review_on_a_terminal() {
    let env = demo_env();
    let mut s = spawn(&env, &["review"]);
    // 3. The overdue promise: kept it (the first option; Enter alone would leave it open).
    s.expect("Send the market sizing deck").unwrap();
    for _ in 0..3 {
        s.send(UP).unwrap();
    }
    s.send(ENTER).unwrap();
    // 4. The goal counted by hand: a bad answer is explained, then one more talk.
    answer(&mut s, "Progress on goal 3 (Give two meetup talks)?", "lots");
    s.expect("+2 to add").unwrap();
    answer(&mut s, "Progress on goal 3 (Give two meetup talks)?", "+1");
    // 6. Accept the first pick, skip the second, accept the rest.
    s.expect("6. Next week").unwrap();
    s.expect(" — ").unwrap();
    s.send(ENTER).unwrap();
    s.expect("swap for someone else").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send(ENTER).unwrap();
    for _ in 0..3 {
        s.expect("accept").unwrap();
        s.send(ENTER).unwrap();
    }
    answer(&mut s, "What went well this week?", "Three planned people reached");
    answer(&mut s, "What will you do differently?", "");
    s.expect("Review saved. Streak: 4 weeks in a row.").unwrap();
    assert_eq!(exit_code(s), 0);

    let data = env.json();
    let wei = data["promises"].as_array().unwrap().iter().find(|p| p["n"] == 4).unwrap().clone();
    assert_eq!(wei["status"], "kept");
    assert_eq!(wei["resolved_on"], "2026-11-28");
    let plan = plans(&env).last().cloned().unwrap();
    assert_eq!(plan["starts"], "2026-11-28");
    assert_eq!(plan["picks"].as_array().unwrap().len(), 4);
    let review = reviews(&env).last().cloned().unwrap();
    assert_eq!(review["went_well"], "Three planned people reached");
    assert!(review.get("differently").is_none());
    assert_eq!(review["plan"], plan["id"]);
    assert_eq!(review["numbers"]["promises_kept"], 2, "#4 kept today and #7 earlier in the week");
    let talks = data["goals"].as_array().unwrap().iter().find(|g| g["number"] == 3).unwrap().clone();
    assert_eq!(talks["progress"].as_array().unwrap().last().unwrap()["change"], serde_json::json!({"add": 1}));
}

#[test]
fn an_interrupted_review_changes_nothing() {
    let env = demo_env();
    let before = env.snapshot();
    let mut s = spawn(&env, &["review"]);
    s.expect("Send the market sizing deck").unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "Progress on goal 3", "+1");
    s.expect("6. Next week").unwrap();
    s.expect(" — ").unwrap();
    s.send("\x03").unwrap(); // Ctrl-C at the first pick, after two decisions were made
    assert_eq!(exit_code(s), 130);
    before.assert_unchanged();
}
