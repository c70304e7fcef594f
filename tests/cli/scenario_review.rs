//! The weekly review and promises over two months, stepping `JEJARING_NOW` week by
//! week (Saturdays, 2026-10-03 to 2026-11-28): the streak across a re-save and a
//! skipped week, the skipped week's events in the next review, overdue promises with a
//! snooze and `--count`, repair after a broken promise, reliability that counts an
//! overdue promise and a promise moved after it was overdue, and a birthday ahead.

use crate::env::TestEnv;
use crate::pty::{ENTER, exit_code, spawn};
use expectrl::Expect;
use serde_json::Value;

/// Runs `jejaring ARGS…` on `day`, expects success, returns (stdout, stderr).
fn at(env: &TestEnv, day: &str, args: &[&str]) -> (String, String) {
    let a = env.cmd().env("JEJARING_NOW", day).args(args).assert().success();
    let o = a.get_output();
    (String::from_utf8(o.stdout.clone()).unwrap(), String::from_utf8(o.stderr.clone()).unwrap())
}

/// Runs `jejaring --json ARGS…` on `day` and parses what it prints.
fn json_at(env: &TestEnv, day: &str, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let (out, _) = at(env, day, &all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// The network on 2026-10-01: people already known, one with a birthday in December.
fn network() -> TestEnv {
    let env = TestEnv::new();
    let people: [(&str, &[&str]); 9] = [
        ("Ana Putri", &["--circle", "friend", "--stage", "connection", "--every", "2w"]),
        ("Budi Santoso", &["--circle", "colleague", "--stage", "connection"]),
        ("Citra Lestari", &["--circle", "colleague", "--stage", "trusted"]),
        ("Dewi Anggraini", &["--circle", "family", "--stage", "trusted"]),
        ("Eko Prasetyo", &["--circle", "colleague", "--stage", "acquaintance"]),
        ("Fajar Nugroho", &["--circle", "other", "--stage", "connection"]),
        ("Gita Permata", &["--circle", "friend", "--stage", "connection"]),
        ("Hadi Wijaya", &["--circle", "colleague", "--stage", "connection"]),
        ("Indah Sari", &["--circle", "friend", "--stage", "connection", "--birthday", "1992-12-02"]),
    ];
    for (name, flags) in people {
        let mut args = vec!["add-contact", name, "--met-on", "2024-05-01"];
        args.extend_from_slice(flags);
        at(&env, "2026-10-01", &args);
    }
    env
}

fn reviews(env: &TestEnv) -> Vec<Value> {
    env.json()["reviews"].as_array().cloned().unwrap_or_default()
}

#[test]
fn two_months_of_weekly_reviews() {
    let env = network();

    // Week 1: the first review starts the streak.
    at(&env, "2026-10-02", &["log", "ana", "Lunch", "--kind", "meeting"]);
    let (out, _) = at(&env, "2026-10-03", &["review", "--no-input"]);
    assert!(out.contains("This review starts your streak."), "{out}");
    let (_, err) = at(&env, "2026-10-03", &["review", "--save"]);
    assert!(err.contains("Review saved. Streak: 1 week in a row."), "{err}");

    // Week 2: the streak continues; saving twice the same day keeps one review.
    at(&env, "2026-10-08", &["log", "budi", "Call about the project", "--kind", "call"]);
    let (out, _) = at(&env, "2026-10-10", &["review", "--no-input"]);
    assert!(out.contains("Streak: 1 week in a row; this review makes it 2 weeks."), "{out}");
    at(&env, "2026-10-10", &["review", "--save"]);
    let (_, err) = at(&env, "2026-10-10", &["review", "--save"]);
    assert!(err.contains("This replaces the review already saved this week."), "{err}");
    assert!(err.contains("Streak: 2 weeks in a row."), "{err}");
    assert_eq!(reviews(&env).len(), 2, "one review per week");
    // Saved again for last week, from this week: that week's review is the one replaced.
    let (_, err) = at(&env, "2026-10-10", &["review", "--save", "--week", "2026-10-03"]);
    assert!(err.contains("This replaces the review already saved for the week of 2026-09-28."), "{err}");
    assert_eq!(reviews(&env).len(), 2, "one review per week");
    let (_, err) = at(&env, "2026-10-10", &["review", "history"]);
    assert!(err.contains("Streak: 2 weeks in a row"), "{err}");

    // Week 3 is skipped, but things happen: a lunch and a promise kept on time.
    at(&env, "2026-10-12", &["promise", "citra", "Send the workshop notes", "--due", "2026-10-15"]);
    at(&env, "2026-10-14", &["log", "citra", "Lunch", "--kind", "meeting"]);
    at(&env, "2026-10-15", &["promise", "done", "1"]);
    let (_, err) = at(&env, "2026-10-19", &["review", "history"]);
    assert!(err.contains("Streak: none right now"), "{err}");

    // Week 4: the review covers the two weeks since the last one and says the streak ended.
    let (out, _) = at(&env, "2026-10-24", &["review", "--no-input"]);
    assert!(out.contains("Weekly review, 2026-10-11 to 2026-10-24"), "{out}");
    assert!(
        out.contains("2 weeks since your last review, on 2026-10-10: this one covers everything from 2026-10-11."),
        "{out}"
    );
    assert!(
        out.contains("No review was saved last week, so your streak of 2 weeks ended; this review starts a new one."),
        "{out}"
    );
    assert!(out.contains("#1") && out.contains("Send the workshop notes"), "the skipped week's promise: {out}");
    let (_, err) = at(&env, "2026-10-24", &["review", "--save"]);
    assert!(err.contains("Streak: 1 week in a row."), "{err}");
    let saved = reviews(&env).last().cloned().unwrap();
    assert_eq!(
        (saved["numbers"]["interactions"].as_u64(), saved["numbers"]["promises_kept"].as_u64()),
        (Some(1), Some(1))
    );
    let (_, err) = at(&env, "2026-10-24", &["review", "history"]);
    assert!(err.contains("Streak: 1 week in a row"), "header, save and history agree: {err}");

    // Week 5: six promises, all due on 2026-11-02; Gita is snoozed until the new year.
    for (who, what) in [
        ("ana", "Return the book"),
        ("eko", "Review his CV"),
        ("fajar", "Send the venue list"),
        ("gita", "Share the photos"),
        ("hadi", "Introduce him to Citra"),
        ("dewi", "Call about the holidays"),
    ] {
        at(&env, "2026-10-26", &["promise", who, what, "--due", "2026-11-02"]);
    }
    at(&env, "2026-10-26", &["snooze", "gita", "--until", "2026-12-31"]);
    let (_, err) = at(&env, "2026-10-31", &["review", "--save"]);
    assert!(err.contains("Streak: 2 weeks in a row."), "{err}");

    // Week 6: six overdue promises and --count 5: all six are named, the snoozed Gita too.
    let (out, err) = at(&env, "2026-11-07", &["select", "--count", "5"]);
    for n in 2..=7 {
        assert!(out.contains(&format!("promise #{n} was due 2026-11-02")), "#{n} missing: {out}");
    }
    assert!(out.contains("Gita Permata"), "{out}");
    assert!(err.contains("1 pick more than the 5 asked for: every overdue promise is named."), "{err}");
    let (out, _) = at(&env, "2026-11-07", &["today"]);
    assert!(out.contains("Gita Permata: Share the photos"), "today and select agree: {out}");
    let (out, _) = at(&env, "2026-11-07", &["review", "--no-input", "--count", "5"]);
    let next_week = out.split("6. Next week").nth(1).unwrap_or_default();
    for n in 2..=7 {
        assert!(next_week.contains(&format!("promise #{n} was due")), "#{n} missing from the picks: {out}");
    }
    assert!(next_week.contains("1 pick more than the 5 asked for"), "{out}");
    at(&env, "2026-11-07", &["review", "--save", "--count", "5"]);

    // Later that day: Ana's promise is moved, though it was already overdue; Eko's is broken.
    at(&env, "2026-11-07", &["promise", "move", "2", "--due", "2026-11-20", "--note", "Asked for two more weeks"]);
    at(&env, "2026-11-07", &["promise", "broke", "3", "--note", "Ran out of time"]);
    let (out, _) = at(&env, "2026-11-08", &["select"]);
    assert!(out.contains("Eko Prasetyo (colleague) — you broke promise #3 on 2026-11-07; acknowledge it"), "{out}");
    // A promise to Budi, moved before its date in good faith.
    at(&env, "2026-11-08", &["promise", "budi", "Draft the proposal", "--due", "2026-11-20"]);
    at(&env, "2026-11-09", &["log", "eko", "Apologised and set a new plan", "--kind", "call"]);
    let (out, _) = at(&env, "2026-11-10", &["select", "--count", "9"]);
    assert!(!out.contains("you broke promise #3"), "acknowledged once you talked: {out}");
    at(&env, "2026-11-10", &["promise", "done", "2"]);
    at(&env, "2026-11-12", &["promise", "move", "8", "--due", "2026-11-25", "--note", "Waiting for figures"]);
    at(&env, "2026-11-13", &["promise", "done", "8"]);

    // Week 7: reliability counts the four overdue promises and the late #2.
    let v = json_at(&env, "2026-11-14", &["trust"]);
    let r = &v["reliability"];
    assert_eq!(
        (r["kept_on_time"].as_u64(), r["kept_late"].as_u64(), r["broken"].as_u64(), r["overdue"].as_u64()),
        (Some(2), Some(1), Some(1), Some(4)),
        "{v}"
    );
    assert_eq!(v["reliability_rate"], 25, "2 of 8 kept on time");
    let (out, _) = at(&env, "2026-11-14", &["trust"]);
    assert!(out.contains("kept 2 of 8 promises on time, 4 of them overdue and counted as not kept"), "{out}");
    let (out, _) = at(&env, "2026-11-14", &["review", "--no-input"]);
    assert!(out.contains("reliability (90 days): 25%"), "{out}");
    at(&env, "2026-11-14", &["review", "--save"]);

    // Week 8 and 9: two more reviews; the birthday in the coming week shows up.
    at(&env, "2026-11-21", &["review", "--save"]);
    let (out, _) = at(&env, "2026-11-28", &["review", "--no-input"]);
    assert!(out.contains("Streak: 5 weeks in a row; this review makes it 6 weeks."), "{out}");
    assert!(out.contains("birthday: Indah Sari, in 4 days (2026-12-02)"), "{out}");
    let (out, _) = at(&env, "2026-11-28", &["select", "--count", "9"]);
    assert!(out.contains("Indah Sari (friend) — their birthday is in 4 days, on 2026-12-02"), "{out}");
    let (_, err) = at(&env, "2026-11-28", &["review", "--save"]);
    assert!(err.contains("Streak: 6 weeks in a row."), "{err}");
    let weeks: Vec<Value> = reviews(&env).iter().map(|r| r["on"].clone()).collect();
    assert_eq!(weeks.len(), 8, "one review a week, none for the skipped one: {weeks:?}");
}

#[test]
fn enter_on_an_overdue_promise_leaves_it_open_and_broke_it_asks_for_repair() {
    let env = network();
    at(&env, "2026-11-20", &["promise", "ana", "Return the book", "--due", "2026-11-24"]);
    at(&env, "2026-11-20", &["promise", "budi", "Send the slides", "--due", "2026-11-25"]);
    // On a terminal, on the tests' day (2026-11-28).
    let mut s = spawn(&env, &["review", "--count", "3"]);
    // #1: Enter alone. #2: "broke it", picked by typing it as a filter.
    s.expect("Return the book").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Send the slides").unwrap();
    s.send("broke").unwrap();
    s.send(ENTER).unwrap();
    // Next week is proposed after the answers: Ana's promise is still owed, and
    // Budi's broken promise asks for repair.
    s.expect("6. Next week").unwrap();
    s.expect("Ana Putri — promise #1 was due 2026-11-24").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Budi Santoso — you broke promise #2 on 2026-11-28; acknowledge it").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Eko Prasetyo — ").unwrap();
    s.send(ENTER).unwrap();
    s.expect("What went well this week?").unwrap();
    s.send(ENTER).unwrap();
    s.expect("What will you do differently?").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Review saved.").unwrap();
    assert_eq!(exit_code(s), 0);

    let data = env.json();
    let promises = data["promises"].as_array().unwrap();
    assert_eq!(promises[0]["status"], "open", "Enter left #1 open");
    assert!(promises[0].get("resolved_on").is_none());
    assert_eq!(
        (promises[1]["status"].as_str(), promises[1]["resolved_on"].as_str()),
        (Some("broken"), Some("2026-11-28"))
    );
    let plan = data["plans"].as_array().unwrap().last().cloned().unwrap();
    let reasons: Vec<&str> = plan["picks"].as_array().unwrap().iter().filter_map(|p| p["reason"].as_str()).collect();
    assert_eq!(reasons[..2], ["promise", "repair"], "{plan}");
}

/// A review saved on Sunday, and the next one on Monday: it covers one day, and says
/// so in the singular in both languages.
#[test]
fn a_review_the_day_after_the_last_one_covers_one_day() {
    let env = network();
    at(&env, "2026-10-04", &["review", "--save"]);
    at(&env, "2026-10-05", &["log", "ana", "Coffee", "--kind", "meeting"]);
    let (out, _) = at(&env, "2026-10-05", &["review", "--no-input"]);
    assert!(out.contains("Weekly review, 2026-10-05 to 2026-10-05"), "{out}");
    assert!(
        out.contains("1 day since your last review, on 2026-10-04: this one covers everything from 2026-10-05."),
        "{out}"
    );
    assert!(out.contains("2. This one day in numbers\n"), "{out}");
    assert!(!out.contains("1 days"), "{out}");
    let (id, _) = at(&env, "2026-10-05", &["--lang", "id", "review", "--no-input"]);
    assert!(id.contains("1 hari sejak tinjauan terakhir Anda, 2026-10-04"), "{id}");
    assert!(id.contains("2. 1 hari ini dalam angka\n"), "{id}");
    // Two weeks later the heading counts the days again.
    let (out, _) = at(&env, "2026-10-17", &["review", "--no-input"]);
    assert!(out.contains("13 days since your last review, on 2026-10-04"), "{out}");
    assert!(out.contains("2. These 13 days in numbers\n"), "{out}");
}
