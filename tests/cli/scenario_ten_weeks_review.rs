//! Ten weeks of use, continued (see `scenario_ten_weeks`): the weekly review and the
//! goals — a plan saved after a talk, late entries, a filtered goal's best pace, a
//! manual goal's minutes, the goal's weekly rows and the review's smaller sentences.

use crate::env::TestEnv;
use crate::scenario_ten_weeks::Day;

// ---------------------------------------------------------------------------------------
// Item 5: a plan counts the conversations after it was made.

#[test]
fn a_plan_is_not_credited_with_a_lunch_from_before_it() {
    let env = TestEnv::new();
    let start = Day::on(&env, "2026-12-07");
    // Birthdays and a promise keep them in next week's picks even after a lunch today.
    start.add("Bima Sakti", &["--circle", "colleague", "--stage", "connection", "--birthday", "12-23"]);
    start.add("Citra Kirana", &["--circle", "friend", "--stage", "connection", "--birthday", "12-24"]);
    start.ok(&["promise", "citra", "send the recipe", "--due", "2026-12-23"]);
    // 12-20: lunch with Bima at noon, logged at one; the review at six saves a plan that
    // starts that day and names him (his birthday is in three days).
    Day::on(&env, "2026-12-20T13:00:00Z").ok(&["log", "bima", "-m", "lunch"]);
    let (_, saved) = {
        let out = Day::on(&env, "2026-12-20T18:00:00Z").run(&["review", "--no-input", "--save"]);
        assert!(out.status.success());
        (out.stdout, String::from_utf8(out.stderr).unwrap())
    };
    assert!(saved.contains("Review saved"), "{saved}");
    // During the week: Citra is called on 12-22, Bima not again.
    Day::on(&env, "2026-12-22").ok(&["log", "citra", "-m", "call", "--kind", "call"]);
    let week = Day::on(&env, "2026-12-27");
    let review = week.ok(&["review", "--no-input"]);
    let section = review.split("Last week's plan").nth(1).unwrap();
    assert!(section.contains("✓ Citra Kirana") && section.contains("✗ Bima Sakti"), "{section}");
    assert!(section.contains("reached 1 of 2 planned people"), "{section}");
    let id = week.ok(&["--lang", "id", "review", "--no-input"]);
    assert!(id.contains("menghubungi 1 dari 2 orang yang direncanakan"), "{id}");
    // Saved, the week's numbers agree.
    week.ok(&["review", "--no-input", "--save"]);
    let history = week.json(&["review", "history"]);
    let last = history.as_array().unwrap().iter().find(|r| r["on"] == "2026-12-27").unwrap().clone();
    assert_eq!(
        (last["numbers"]["planned"].as_u64(), last["numbers"]["planned_reached"].as_u64()),
        (Some(2), Some(1)),
        "{last}"
    );
}

// ---------------------------------------------------------------------------------------
// Item 16: entries made after a week's review about that week count in the next one.

#[test]
fn late_entries_are_counted_in_the_next_review() {
    let env = TestEnv::new();
    let start = Day::on(&env, "2026-12-07");
    start.add("Bima Sakti", &["--circle", "colleague", "--stage", "connection"]);
    start.ok(&[
        "goal",
        "new",
        "--title",
        "Meet 10 people",
        "--metric",
        "new_contacts",
        "--target",
        "10",
        "--start",
        "2026-12-01",
        "--deadline",
        "2027-03-31",
    ]);
    Day::on(&env, "2026-12-10").add("Joko Widodo", &["--stage", "stranger", "--met-on", "2026-12-10"]);
    Day::on(&env, "2026-12-13T18:00:00Z").ok(&["review", "--no-input", "--save"]);
    Day::on(&env, "2026-12-16").add("Kartika Sari", &["--stage", "stranger", "--met-on", "2026-12-16"]);
    Day::on(&env, "2026-12-20T18:00:00Z").ok(&["review", "--no-input", "--save"]);
    // After the 12-20 review: Nadia, met on 12-20, is entered on 12-22, and a call with
    // Bima on 12-19 is logged then too; Omar is met on 12-24.
    let tuesday = Day::on(&env, "2026-12-22");
    tuesday.add("Nadia Rahma", &["--stage", "stranger", "--met-on", "2026-12-20"]);
    tuesday.ok(&["log", "bima", "-m", "call about the offsite", "--kind", "call", "--on", "2026-12-19"]);
    Day::on(&env, "2026-12-24").add("Omar Hakim", &["--stage", "stranger", "--met-on", "2026-12-24"]);
    let week = Day::on(&env, "2026-12-27");
    let review = week.ok(&["review", "--no-input"]);
    assert!(review.contains("  new people: 2 (stranger 2)"), "{review}");
    assert!(
        review.contains("    Nadia Rahma: met on 2026-12-20, entered after that week's review, so counted here"),
        "{review}"
    );
    assert!(
        review.contains("  1 conversation dated in a week already reviewed was logged after its review"),
        "{review}"
    );
    // The goal moved from the 2 the last review saw to 4: +2, not +1.
    assert!(review.contains("1. Meet 10 people: +2 this week"), "{review}");
    let id = week.ok(&["--lang", "id", "review", "--no-input"]);
    assert!(id.contains("Nadia Rahma: bertemu pada 2026-12-20, dicatat setelah tinjauan minggu itu"), "{id}");
    assert!(id.contains("1. Meet 10 people: +2 minggu ini"), "{id}");
    let v = week.json(&["review", "--no-input"]);
    assert_eq!(v["report"]["numbers"]["late_people"], 1);
    assert_eq!(v["report"]["numbers"]["late_interactions"], 1);
    assert_eq!(v["report"]["numbers"]["interactions"], 1);
}

#[test]
fn a_day_no_review_covered_is_not_a_late_entry() {
    let env = TestEnv::new();
    let start = Day::on(&env, "2026-12-07");
    start.add("Bima Sakti", &["--circle", "colleague", "--stage", "connection"]);
    Day::on(&env, "2026-12-13T18:00:00Z").ok(&["review", "--no-input", "--save"]);
    // After that review: an old friend met in 2019 is entered, and a lunch from October
    // (before the first review's days) is logged. Neither belongs to any reviewed week.
    let tuesday = Day::on(&env, "2026-12-15");
    tuesday.add("Sari Lama", &["--circle", "friend", "--stage", "trusted", "--met-on", "2019-05-01"]);
    tuesday.ok(&["log", "bima", "-m", "lunch", "--on", "2026-10-01"]);
    let week = Day::on(&env, "2026-12-20");
    let review = week.ok(&["review", "--no-input"]);
    assert!(review.contains("  new people: 0"), "{review}");
    assert!(!review.contains("Sari Lama: met on"), "{review}");
    assert!(!review.contains("logged after its review"), "{review}");
    let v = week.json(&["review", "--no-input"]);
    // Zero counts are left out of the JSON.
    assert_eq!(v["report"]["numbers"]["late_people"].as_u64().unwrap_or(0), 0);
    assert_eq!(v["report"]["numbers"]["late_interactions"].as_u64().unwrap_or(0), 0);
    assert_eq!(v["report"]["numbers"]["interactions"].as_u64().unwrap_or(0), 0);
}

// ---------------------------------------------------------------------------------------
// Items 6, 3 and 7: a filtered goal's best pace, the new-contacts label, a manual goal's
// minutes.

fn goal_new(day: &Day, title: &str, extra: &[&str]) {
    let mut args = vec!["goal", "new", "--title", title, "--deadline", "2027-02-28"];
    args.extend_from_slice(extra);
    day.ok(&args);
}

#[test]
fn a_goals_best_pace_counts_what_the_goal_counts() {
    let env = TestEnv::new();
    let day = Day::on(&env, "2026-11-01");
    for i in 0..6 {
        day.add(
            &format!("Colleague {}", ["Ani", "Bayu", "Cici", "Dedi", "Evi", "Fikri"][i]),
            &["--circle", "colleague"],
        );
    }
    for i in 0..10 {
        day.add(
            &format!("Friend {}", ["Gita", "Hadi", "Ika", "Jaka", "Kiki", "Lala", "Mira", "Nana", "Oki", "Pia"][i]),
            &["--circle", "friend"],
        );
    }
    // In the four weeks to 12-06: all ten friends and three colleagues.
    for (who, on) in [
        ("ani", "2026-11-10"),
        ("bayu", "2026-11-17"),
        ("cici", "2026-11-24"),
        ("gita", "2026-11-10"),
        ("hadi", "2026-11-11"),
        ("ika", "2026-11-12"),
        ("jaka", "2026-11-13"),
        ("kiki", "2026-11-14"),
        ("lala", "2026-11-20"),
        ("mira", "2026-11-21"),
        ("nana", "2026-11-22"),
        ("oki", "2026-12-01"),
        ("pia", "2026-12-02"),
    ] {
        Day::on(&env, "2026-12-06").ok(&["log", who, "-m", "catch-up", "--on", on]);
    }
    let start = Day::on(&env, "2026-12-07");
    goal_new(
        &start,
        "Talk to 12 colleagues",
        &[
            "--metric",
            "people_talked_to",
            "--circle",
            "colleague",
            "--target",
            "12",
            "--specific",
            "Colleagues across teams",
            "--achievable",
            "Lunch twice a week",
            "--relevant",
            "Know the company",
            "--weekly-minutes",
            "120",
        ],
    );
    // Item 6: three colleagues in the best four weeks, not thirteen people.
    let show = start.ok(&["goal", "show", "1"]);
    assert!(show.contains("your best 4 weeks: 0.75 a week"), "{show}");
    assert!(!show.contains("3.25"), "{show}");
    let check = start.ok(&["goal", "check", "1"]);
    assert!(check.contains("your best 4-week pace was 0.75 a week"), "{check}");
    let id = start.ok(&["--lang", "id", "goal", "check", "1"]);
    assert!(id.contains("laju 4 minggu terbaik Anda 0,75 per minggu"), "{id}");

    // Item 3: the new-contacts label says who counts.
    goal_new(&start, "Meet 5 people", &["--metric", "new_contacts", "--target", "5"]);
    let check = start.ok(&["goal", "check", "2"]);
    assert!(check.contains("new people you met (on the day you met them; someone with no meeting day is not counted)"));
    assert!(!check.contains("else the day you added them"), "{check}");
    let id = start.ok(&["--lang", "id", "goal", "check", "2"]);
    assert!(id.contains("yang tanpa tanggal bertemu tidak dihitung"), "{id}");

    // Item 7: a goal counted by hand is named as not counted in the minutes.
    let before = start.ok(&["goal", "check", "1"]);
    let minutes = |s: &str| s.lines().find(|l| l.contains("minutes a week")).unwrap_or_default().trim().to_string();
    assert!(!minutes(&before).contains("counted by hand"), "{before}");
    goal_new(&start, "Give a meetup talk", &["--metric", "manual", "--target", "1"]);
    let after = start.ok(&["goal", "check", "1"]);
    assert!(minutes(&after).ends_with("not counting 1 goal counted by hand, whose time is yours to judge"), "{after}");
    let id = start.ok(&["--lang", "id", "goal", "check", "1"]);
    assert!(id.contains("belum termasuk 1 tujuan yang dihitung sendiri"), "{id}");
    // Item 17: the hint names the goal's own number, not a placeholder.
    let check = start.ok(&["goal", "check", "3"]);
    assert!(check.contains("log progress with `jejaring goal progress 3 +1`"), "{check}");
    assert!(!check.contains(" ID "), "{check}");
}

// ---------------------------------------------------------------------------------------
// Item 12: the goal's weekly rows add up to its count, first week included.

#[test]
fn the_weekly_rows_add_up_to_the_goal_count_every_week() {
    let env = TestEnv::new();
    let start = Day::on(&env, "2026-12-07");
    goal_new(&start, "Meet 8 people", &["--metric", "new_contacts", "--target", "8", "--start", "2026-12-07"]);
    let met = [
        "2026-12-07",
        "2026-12-16",
        "2026-12-24",
        "2027-01-02",
        "2027-01-12",
        "2027-01-20",
        "2027-01-29",
        "2027-02-08",
    ];
    for (i, on) in met.iter().enumerate() {
        let name = format!("Person {}", ["Ani", "Bela", "Cahya", "Dimas", "Elok", "Fajar", "Gina", "Hari"][i]);
        Day::on(&env, on).add(&name, &["--stage", "stranger", "--met-on", on]);
    }
    let mut today: chrono::NaiveDate = "2026-12-07".parse().unwrap();
    let end: chrono::NaiveDate = "2027-02-15".parse().unwrap();
    while today <= end {
        let day = today.to_string();
        let show = Day::on(&env, &day).ok(&["goal", "show", "1"]);
        let rows: u32 = show
            .split("per week:")
            .nth(1)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split("  ").map(str::trim).find(|w| !w.is_empty() && w.parse::<u32>().is_ok()))
            .map(|n| n.parse::<u32>().unwrap())
            .sum();
        let count = met.iter().filter(|m| **m <= day.as_str()).count() as u32;
        assert_eq!(rows, count, "{day}: {show}");
        assert!(show.contains("2026-12-07 .."), "{day}: the first week is shown: {show}");
        today = today + chrono::Days::new(7);
    }
    // Item 17: reached once, with its day: "reached (on …)", not "reached (reached …)".
    let show = Day::on(&env, "2027-02-15").ok(&["goal", "show", "1"]);
    assert!(show.contains("reached (on 2027-02-08)") && !show.contains("reached (reached"), "{show}");
    let id = Day::on(&env, "2027-02-15").ok(&["--lang", "id", "goal", "show", "1"]);
    assert!(id.contains("tercapai (pada 2027-02-08)"), "{id}");
}

// ---------------------------------------------------------------------------------------
// Item 17: the smaller sentences.

#[test]
fn the_smaller_sentences_are_true() {
    let env = TestEnv::new();
    let start = Day::on(&env, "2026-12-07");
    // The first review: no plan was made for its days, not "no plan for this week".
    let first = start.ok(&["review", "--no-input"]);
    assert!(first.contains("1. Last week's plan\n  no plan was made for these days"), "{first}");
    assert!(first.contains("2. The week in numbers"), "{first}");
    start.ok(&["review", "--no-input", "--save"]);
    // Someone whose work is known from the organisation, with no facts noted.
    start.add("Yusuf Hakim", &["--stage", "connection", "--org", "Bank Jago", "--role", "Analyst"]);
    let show = start.ok(&["show", "yusuf"]);
    assert!(show.contains("What you know about Yusuf Hakim (17%)"), "{show}");
    assert!(!show.contains("nothing recorded yet"), "{show}");
    assert!(show.contains("no facts noted yet; their work is known from the organisation or role"), "{show}");
    // One promise kept: "1 of 1 promise", not "promises".
    start.ok(&["promise", "yusuf", "send the report", "--due", "2026-12-10"]);
    Day::on(&env, "2026-12-09").ok(&["promise", "done", "1"]);
    let show = Day::on(&env, "2026-12-09").ok(&["show", "yusuf"]);
    assert!(show.contains("kept 1 of 1 promise on time"), "{show}");
    // A goal counted by hand, reached on 12-16: "reached (on 2026-12-16)", no progress
    // question, and `goal done` offered.
    goal_new(&start, "Give a meetup talk", &["--metric", "manual", "--target", "1"]);
    Day::on(&env, "2026-12-16").ok(&["goal", "progress", "1", "+1"]);
    let later = Day::on(&env, "2026-12-21");
    let show = later.ok(&["goal", "show", "1"]);
    assert!(!show.contains("reached (reached"), "{show}");
    // A review two weeks after the last: its numbers are headed by its days.
    let review = later.ok(&["review", "--no-input"]);
    assert!(review.contains("2. These 14 days in numbers"), "{review}");
    assert!(review.contains("→ reached: close it with `jejaring goal done 1`"), "{review}");
    let id = later.ok(&["--lang", "id", "review", "--no-input"]);
    assert!(id.contains("2. 14 hari ini dalam angka") && id.contains("tercapai: tutup dengan `jejaring goal done 1`"));
    // The demo is never saved, and never says it was.
    let (_, err) = later.both(&["--demo", "review", "--no-input", "--save"]);
    assert!(err.contains("this change is not saved") && !err.contains("Review saved"), "{err}");
}
