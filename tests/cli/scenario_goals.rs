//! Two months of a new-contacts goal, stepping the clock a week at a time: who counts
//! as new (imports and people already known never do), the goal's state around its
//! deadline (behind, due today, missed, then a decision), and a best 4-week pace that
//! a day of data entry does not inflate.

use crate::env::TestEnv;
use serde_json::Value;

/// Runs `jejaring ARGS…` as of `now`; expects success and returns (stdout, stderr).
fn at(env: &TestEnv, now: &str, args: &[&str]) -> (String, String) {
    let out = env.cmd().env("JEJARING_NOW", now).args(args).output().unwrap();
    let (stdout, stderr) = (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
    assert!(out.status.success(), "{args:?} at {now}: {stderr}");
    (stdout, stderr)
}

/// The goal's progress as `goal list --json` reports it on `now`.
fn progress(env: &TestEnv, now: &str) -> Value {
    let (out, _) = at(env, now, &["--json", "goal", "list", "--all"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    v[0]["progress"].clone()
}

/// Someone met at a fintech meetup on `on`, entered the same day.
fn meet(env: &TestEnv, on: &str, name: &str) {
    at(env, on, &["add-contact", name, "--stage", "stranger", "--tag", "fintech", "--met-at", "fintech meetup"]);
}

#[test]
fn two_months_of_a_new_contacts_goal() {
    let env = TestEnv::new();
    let day_one = "2026-11-30";

    // Day one is data entry: an address book of old contacts, five colleagues known
    // since 2025 entered as connections, an old acquaintance with a meeting day, and
    // the people named in the coach as people already known.
    let book = env.home().join("contacts.csv");
    std::fs::write(
        &book,
        "First Name,Last Name,Labels\nAyu,Lestari,fintech\nBima,Sakti,fintech\nCitra,Dewi,fintech\nDedi,Kurnia,fintech\n",
    )
    .unwrap();
    at(&env, day_one, &["import", "csv", book.to_str().unwrap()]);
    for name in ["Eko Prasetyo", "Fajar Nugroho", "Gita Savitri", "Hendra Wijaya", "Indah Permata"] {
        at(&env, day_one, &["add-contact", name, "--stage", "connection", "--circle", "colleague", "--tag", "fintech"]);
    }
    at(&env, day_one, &["add-contact", "Joko Susilo", "--tag", "fintech", "--met-on", "2022-10-20"]);
    at(
        &env,
        day_one,
        &[
            "goal",
            "new",
            "--title",
            "Meet 6 people in fintech",
            "--metric",
            "new_contacts",
            "--target",
            "6",
            "--deadline",
            "2027-01-25",
            "--tag",
            "fintech",
        ],
    );

    // Ten people entered today, none of them new: the goal is at zero, on track on its
    // first day only, and the network's shape says nobody is new this month.
    let p = progress(&env, day_one);
    assert_eq!((p["current"].as_u64(), p["state"].as_str()), (Some(0), Some("on_track")));
    let (out, _) = at(&env, day_one, &["select", "--no-input"]);
    assert!(out.contains("0 met in the last 30 days"), "{out}");
    let (out, _) = at(&env, day_one, &["review", "--no-input"]);
    assert!(out.contains("new people: 0"), "{out}");
    // The next day, still nobody: behind, since no finish can be projected.
    assert_eq!(progress(&env, "2026-12-01")["state"], "behind");

    // December: three people met at meetups.
    meet(&env, "2026-12-02", "Kevin Halim");
    let (out, _) = at(&env, "2026-12-07", &["review", "--no-input"]);
    assert!(out.contains("new people: 1"), "{out}");
    // One in eight days: at this pace the sixth comes before the deadline.
    assert_eq!(progress(&env, "2026-12-07")["state"], "on_track");
    meet(&env, "2026-12-10", "Laras Ayu");
    meet(&env, "2026-12-20", "Maya Sari");
    let (out, _) = at(&env, "2026-12-21", &["select", "--no-input"]);
    assert!(out.contains("3 met in the last 30 days"), "{out}");

    // 2026-12-28: 3 of 6 after 29 days. At this pace the sixth comes on 2027-01-26, a
    // day after the deadline: behind, not "on track".
    let p = progress(&env, "2026-12-28");
    assert_eq!((p["current"].as_u64(), p["projected_finish"].as_str()), (Some(3), Some("2027-01-26")));
    assert_eq!(p["state"], "behind");
    let (out, _) = at(&env, "2026-12-28", &["goal", "list"]);
    assert!(out.contains("behind") && !out.contains("on track"), "{out}");

    // Best pace: the day of entering ten people is not a pace (it would read 2.75 a
    // week). The best four weeks, counted back from today, hold two met: 0.5 a week.
    let p = progress(&env, "2027-01-04");
    assert_eq!(p["best_pace"]["per_week"], 0.5, "{p}");

    meet(&env, "2027-01-05", "Nadia Putri");
    meet(&env, "2027-01-20", "Oki Setiawan");

    // The deadline day, one short.
    let p = progress(&env, "2027-01-25");
    assert_eq!((p["current"].as_u64(), p["state"].as_str()), (Some(5), Some("due_today")));
    assert!(p.get("needed_per_week").is_none_or(Value::is_null), "no weekly pace on the last day: {p}");
    let (out, _) = at(&env, "2027-01-25", &["goal", "list"]);
    assert!(out.contains("due today, 1 short"), "{out}");
    let (out, _) = at(&env, "2027-01-25", &["--lang", "id", "goal", "list"]);
    assert!(out.contains("tenggatnya hari ini, kurang 1"), "{out}");

    // The day after: missed, and someone met now does not count for it.
    meet(&env, "2027-01-27", "Putu Adi");
    let p = progress(&env, "2027-02-01");
    assert_eq!((p["current"].as_u64(), p["state"].as_str()), (Some(5), Some("missed")));
    let (out, _) = at(&env, "2027-02-01", &["goal", "list"]);
    assert!(out.contains("missed, 1 short"), "{out}");
    assert!(out.contains("Past the deadline"), "shown apart: {out}");
    assert!(out.contains("jejaring goal edit 1 --deadline"), "{out}");
    // Without a terminal the review names the commands that decide it.
    let (out, _) = at(&env, "2027-02-01", &["review", "--no-input"]);
    assert!(out.contains("jejaring goal done 1") && out.contains("jejaring goal drop 1"), "{out}");
    let (out, _) = at(&env, "2027-02-01", &["--lang", "id", "review", "--no-input"]);
    assert!(out.contains("putuskan:"), "{out}");

    // Closing it with what was reached is not called a success.
    let (_, err) = at(&env, "2027-02-01", &["goal", "done", "1", "--note", "five is a start"]);
    assert!(err.contains("5/6") && !err.contains("Well done"), "{err}");
    let (out, _) = at(&env, "2027-02-01", &["goal", "list"]);
    assert!(!out.contains("Past the deadline"), "{out}");
}
