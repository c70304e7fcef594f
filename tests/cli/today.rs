//! `jejaring today` beyond promises and plans: birthdays today and in the next 3 days,
//! and active goal deadlines within a week — and still silence when nothing is due.

use crate::env::TestEnv;
use serde_json::Value;

/// A goal due on `deadline`, counted by hand.
fn goal(env: &TestEnv, title: &str, deadline: &str) {
    env.ok(&["goal", "new", "--title", title, "--metric", "manual", "--target", "3", "--deadline", deadline]);
}

#[test]
fn birthdays_and_goal_deadlines_are_listed_soonest_first() {
    let env = TestEnv::new();
    env.add("Ayu Lestari", &["--birthday", "1996-11-28"]);
    env.add("Budi Santoso", &["--birthday", "11-30"]);
    env.add("Citra", &["--birthday", "12-02"]);
    env.add("Dewi", &["--birthday", "11-27"]);
    goal(&env, "Three coffees with designers", "2026-12-05");
    goal(&env, "Speak at a meetup", "2026-12-06");
    let (out, err) = env.ok(&["today"]);
    assert_eq!(err, "");
    assert_eq!(
        out,
        "birthday today: Ayu Lestari, turning 30\n\
         birthday in 2 days (2026-11-30): Budi Santoso\n\
         goal 1 deadline in 7 days (2026-12-05): Three coffees with designers\n"
    );

    let (out, _) = env.ok(&["--lang", "id", "today"]);
    assert!(out.starts_with("ulang tahun hari ini: Ayu Lestari, genap 30 tahun\n"), "{out}");
    assert!(out.contains("ulang tahun 2 hari lagi (2026-11-30): Budi Santoso\n"), "{out}");
    assert!(out.contains("tenggat tujuan 1 jatuh 7 hari lagi (2026-12-05)"), "{out}");

    let (out, _) = env.ok(&["--json", "today"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let birthdays = v["birthdays"].as_array().unwrap();
    assert_eq!(birthdays.len(), 2);
    assert_eq!(birthdays[0]["name"], "Ayu Lestari");
    assert_eq!(birthdays[0]["in_days"], 0);
    assert_eq!(birthdays[0]["turns"], 30);
    assert_eq!(birthdays[1]["on"], "2026-11-30");
    assert_eq!(birthdays[1]["turns"], Value::Null);
    let goals = v["goal_deadlines"].as_array().unwrap();
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0]["number"], 1);
    assert_eq!(goals[0]["deadline"], "2026-12-05");
    assert_eq!(goals[0]["in_days"], 7);
}

#[test]
fn tomorrow_is_said_as_tomorrow_and_closed_goals_stay_quiet() {
    let env = TestEnv::new();
    env.add("Eka", &["--birthday=--11-29"]);
    goal(&env, "Finished already", "2026-11-30");
    env.ok(&["goal", "done", "1"]);
    let (out, _) = env.ok(&["today"]);
    assert_eq!(out, "birthday tomorrow (2026-11-29): Eka\n");
}

#[test]
fn nothing_due_still_prints_nothing() {
    let env = TestEnv::new();
    env.add("Fajar", &["--birthday", "12-02"]);
    goal(&env, "Later", "2026-12-06");
    let before = env.snapshot();
    let (out, err) = env.ok(&["today"]);
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
    let (out, _) = env.ok(&["--json", "today"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["birthdays"], serde_json::json!([]));
    assert_eq!(v["goal_deadlines"], serde_json::json!([]));
    before.assert_unchanged();
}
