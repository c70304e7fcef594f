//! Ten weeks of use, from 2026-12-07 to 2027-02-15, checked sentence by sentence in
//! English and Indonesian: each test follows one thread of the story day by day or week
//! by week (`JEJARING_NOW`), and each thread is a sentence the coach once said untruly.
//! Here, the people: two sharing a word of their names, people met 35–70 days ago still
//! "new", strangers crowded out by promises and birthdays, a history import before an
//! add, never-talked contacts, snoozes and dates said in words. The weekly review and
//! the goals are in `scenario_ten_weeks_review`, which shares `Day`.

use crate::env::TestEnv;
use serde_json::Value;

/// The network on a given day: every command runs with `JEJARING_NOW` set to it.
pub struct Day<'a> {
    env: &'a TestEnv,
    now: &'a str,
}

impl<'a> Day<'a> {
    pub fn on(env: &'a TestEnv, now: &'a str) -> Day<'a> {
        Day { env, now }
    }

    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.env.std_command().env("JEJARING_NOW", self.now).args(args).output().unwrap()
    }

    /// Stdout of a command that must succeed.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} on {}: {}", self.now, String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Stdout and stderr of a command that must succeed.
    pub fn both(&self, args: &[&str]) -> (String, String) {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} on {}: {}", self.now, String::from_utf8_lossy(&out.stderr));
        (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
    }

    /// Stderr of a command that must fail.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} on {} should fail", self.now);
        String::from_utf8(out.stderr).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    /// Adds a contact on this day and returns its handle.
    pub fn add(&self, name: &str, extra: &[&str]) -> String {
        let mut args = vec!["add-contact", name];
        args.extend_from_slice(extra);
        self.json(&args)["handle"].as_str().expect("a handle").to_string()
    }

    /// The line of `show` with this label (`keep in touch:`), trimmed.
    pub fn show_line(&self, who: &str, label: &str, lang: &str) -> String {
        let out = self.ok(&["--lang", lang, "show", who]);
        out.lines().find(|l| l.trim_start().starts_with(label)).unwrap_or_default().trim().to_string()
    }

    /// Names in `list --due`.
    pub fn due(&self) -> Vec<String> {
        names(&self.json(&["list", "--due"]))
    }

    /// The select picks: name and reason key.
    pub fn picks(&self, count: &str) -> Vec<(String, String)> {
        let v = self.json(&["select", "--count", count, "--no-input"]);
        v["picks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["name"].as_str().unwrap().into(), p["reason"]["reason"].as_str().unwrap().into()))
            .collect()
    }
}

pub fn names(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect()
}

/// Every day from `from` to `to`, inclusive, as `YYYY-MM-DD`.
pub fn days(from: &str, to: &str) -> Vec<String> {
    let (from, to): (chrono::NaiveDate, chrono::NaiveDate) = (from.parse().unwrap(), to.parse().unwrap());
    from.iter_days().take_while(|d| *d <= to).map(|d| d.to_string()).collect()
}

// ---------------------------------------------------------------------------------------
// Item 9: Putri, Sari and Dewi are first names and surnames alike.

#[test]
fn a_word_two_names_share_lists_both_and_changes_nothing() {
    let env = TestEnv::new();
    let day = Day::on(&env, "2026-12-07");
    let putri = day.add("Putri Maharani", &["--stage", "connection"]);
    let nadia = day.add("Nadia Putri", &["--stage", "connection"]);
    day.add("Sari Dewi", &["--stage", "connection"]);
    day.add("Dewi Sari", &["--stage", "connection"]);
    let before = std::fs::read(&env.data).unwrap();
    for (query, lang, says) in [
        ("putri", "en", "could mean"),
        ("put", "en", "could mean"),
        ("p", "id", "bisa berarti"),
        ("sari", "id", "bisa berarti"),
        ("dewi", "en", "could mean"),
    ] {
        let err = day.fails(&["--lang", lang, "log", query, "lunch at the canteen"]);
        assert!(err.contains(says), "{query}: {err}");
        let err = day.fails(&["--lang", lang, "show", query]);
        assert!(err.contains(says), "{query}: {err}");
        let err = day.fails(&["--lang", lang, "promise", query, "send the deck", "--due", "fri"]);
        assert!(err.contains(says), "{query}: {err}");
    }
    let err = day.fails(&["log", "putri", "lunch"]);
    assert!(err.contains("Putri Maharani") && err.contains("Nadia Putri"), "{err}");
    assert_eq!(std::fs::read(&env.data).unwrap(), before, "nothing changed");
    // A full name, a handle, or enough of the name settles it.
    day.ok(&["log", "Nadia Putri", "-m", "lunch"]);
    day.ok(&["log", &putri, "-m", "call"]);
    day.ok(&["log", "putri m", "-m", "coffee"]);
    let log = day.json(&["show", &nadia]);
    assert_eq!(log["interactions"].as_array().map(Vec::len), Some(1), "{log}");
}

// ---------------------------------------------------------------------------------------
// Item 4: "newly met" ends with the first 30 days, everywhere.

#[test]
fn newly_met_ends_after_thirty_days_in_show_list_coach_and_picks() {
    let env = TestEnv::new();
    // Rudi: met at a meetup on 10-28 and entered that evening; followed up 11-10.
    let met = Day::on(&env, "2026-10-28");
    met.add("Rudi Hartono", &["--stage", "acquaintance", "--circle", "other", "--met-on", "2026-10-28"]);
    met.ok(&["log", "rudi", "-m", "talk after the meetup"]);
    Day::on(&env, "2026-11-10").ok(&["log", "rudi", "-m", "coffee"]);
    // Inside the 30 days: monthly, next 12-10.
    let inside = Day::on(&env, "2026-11-27");
    assert!(inside.show_line("rudi", "keep in touch:", "en").contains("newly met: monthly"));
    assert!(inside.show_line("rudi", "keep in touch:", "en").contains("next 2026-12-10"));
    // From 11-28 (day 31) on, every day to the end of the story: the acquaintance's 90
    // days from the coffee, never "newly met", never past a rhythm.
    for today in days("2026-11-28", "2027-02-07") {
        let day = Day::on(&env, &today);
        let line = day.show_line("rudi", "keep in touch:", "en");
        assert!(line.contains("about every 90 days") && line.contains("next 2027-02-08"), "{today}: {line}");
        assert!(!line.contains("newly met") && !line.contains("overdue"), "{today}: {line}");
        if today.ends_with('1') || today == "2026-12-10" || today == "2027-01-09" {
            let id = day.show_line("rudi", "jaga kontak:", "id");
            assert!(!id.contains("baru dikenal") && !id.contains("terlambat"), "{today}: {id}");
            assert!(!day.due().contains(&"Rudi Hartono".to_string()), "{today}");
            let picks = day.picks("8");
            assert!(!picks.iter().any(|(n, r)| n == "Rudi Hartono" && (r == "overdue" || r == "follow_up")), "{today}");
            let coach = day.ok(&["coach"]);
            assert!(!coach.contains("past your rhythm"), "{today}: {coach}");
        }
    }
    // 90 days after the coffee he is due, by the stage's rhythm.
    let due = Day::on(&env, "2027-02-09");
    assert_eq!(due.due(), vec!["Rudi Hartono".to_string()]);
}

// ---------------------------------------------------------------------------------------
// Item 1: the widen place holds when promises and birthdays fill the rest.

#[test]
fn strangers_keep_a_place_when_promises_and_birthdays_fill_the_rest() {
    let env = TestEnv::new();
    let start = Day::on(&env, "2026-12-07");
    for (name, circle) in [
        ("Ayu Lestari", "friend"),
        ("Bima Sakti", "colleague"),
        ("Citra Kirana", "family"),
        ("Dodi Hartono", "colleague"),
    ] {
        start.add(name, &["--circle", circle, "--stage", "trusted"]);
        start.ok(&["log", name, "-m", "catch-up"]);
        start.ok(&["promise", name, "send the photos", "--due", "2026-12-18"]);
    }
    start.add("Eka Pratama", &["--circle", "friend", "--stage", "connection", "--birthday", "12-22"]);
    start.ok(&["promise", "eka", "return the book", "--due", "2026-12-19"]);
    start.add("Farah Anjani", &["--circle", "family", "--stage", "trusted", "--birthday", "12-21"]);
    // Met at a meetup on 12-14: two strangers and an acquaintance.
    let meetup = Day::on(&env, "2026-12-14");
    for (name, stage) in [("Gilang Ramadhan", "stranger"), ("Hana Wulan", "stranger"), ("Indra Kusuma", "acquaintance")]
    {
        meetup.add(name, &["--stage", stage, "--met-at", "fintech meetup", "--met-on", "2026-12-14"]);
    }
    // Every day of the week after, five debts fill the five places; a person met at
    // the meetup is still proposed, after them, and the note says so.
    for today in days("2026-12-20", "2026-12-26") {
        let day = Day::on(&env, &today);
        let picks = day.picks("5");
        assert_eq!(picks.len(), 6, "{today}: {picks:?}");
        assert!(picks[..5].iter().all(|(_, r)| r == "promise"), "{today}: {picks:?}");
        assert!(["Gilang Ramadhan", "Hana Wulan", "Indra Kusuma"].contains(&picks[5].0.as_str()), "{today}");
    }
    let day = Day::on(&env, "2026-12-20");
    let out = day.run(&["select", "--no-input"]);
    let (text, note) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("  6. Gilang Ramadhan (other) — met on 2026-12-14"), "{text}");
    assert!(
        note.contains("Overdue promises took all 5 places, so the list has one more: plus one new person"),
        "{note}"
    );
    let out = day.run(&["--lang", "id", "select", "--no-input"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("ditambah satu orang baru"));
    // The review's plan for next week keeps the place too.
    let review = day.ok(&["review", "--no-input"]);
    let next_week = review.split("6. Next week").nth(1).expect("a Next week section");
    assert!(next_week.contains("Gilang Ramadhan"), "{next_week}");
    assert!(next_week.contains("plus one new person"), "{next_week}");
}

// ---------------------------------------------------------------------------------------
// Item 15: history older than the day someone was entered moves the meeting day.

/// A calendar owned by me@example.com: a weekly meeting with Lukas, four times from 11-16.
const WEEKLY_WITH_LUKAS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\
X-WR-CALNAME:me@example.com\r\nBEGIN:VEVENT\r\nUID:weekly-lukas@example.com\r\n\
DTSTART:20261116T030000Z\r\nDTEND:20261116T040000Z\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n\
ORGANIZER;CN=Me:mailto:me@example.com\r\n\
ATTENDEE;PARTSTAT=ACCEPTED;CN=Lukas Wibowo:mailto:lukas@example.com\r\n\
ATTENDEE;PARTSTAT=ACCEPTED;CN=Me:mailto:me@example.com\r\n\
SUMMARY:Weekly sync\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

#[test]
fn a_contact_entered_after_a_month_of_meetings_was_met_at_the_first() {
    let env = TestEnv::new();
    let day = Day::on(&env, "2026-12-07");
    // Entered today as an acquaintance: "met today" by default.
    day.add("Lukas Wibowo", &["--email", "lukas@example.com", "--circle", "colleague"]);
    assert_eq!(day.json(&["show", "lukas"])["contact"]["met_on"], "2026-12-07");
    let calendar = env.home().join("weekly.ics");
    std::fs::write(&calendar, WEEKLY_WITH_LUKAS).unwrap();
    day.ok(&["import", "history", calendar.to_str().unwrap(), "--me", "me@example.com"]);
    // The calendar shows four meetings before today: he was met at the first.
    assert_eq!(day.json(&["show", "lukas"])["contact"]["met_on"], "2026-11-16");
    for lang in ["en", "id"] {
        let show = day.ok(&["--lang", lang, "show", "lukas"]);
        assert!(!show.contains("met today") && !show.contains("bertemu hari ini"), "{show}");
        assert!(!show.contains("within 7 days of meeting") && !show.contains("dalam 7 hari setelah"), "{show}");
    }
    assert!(day.show_line("lukas", "met:", "en").ends_with("2026-11-16"));
    // Not new this week, nor in the week's review.
    let review = Day::on(&env, "2026-12-13").json(&["review", "--no-input"]);
    assert_eq!(review["report"]["numbers"]["new_people"], 0, "{review}");
    // Logging an earlier talk by hand moves it the same way.
    day.add("Maya Sari", &["--circle", "friend"]);
    day.ok(&["log", "maya", "-m", "coffee", "--on", "2026-11-20"]);
    assert_eq!(day.json(&["show", "maya"])["contact"]["met_on"], "2026-11-20");
}

// ---------------------------------------------------------------------------------------
// Item 2: "new" in the network's shape is the last 30 days, and says so.

#[test]
fn the_shape_says_met_in_the_last_30_days() {
    let env = TestEnv::new();
    Day::on(&env, "2026-12-07").add("Putu Arya", &["--stage", "stranger", "--met-on", "2026-12-07"]);
    Day::on(&env, "2026-12-20").add("Wayan Sudi", &["--stage", "stranger", "--met-on", "2026-12-20"]);
    // Nobody met in January, yet on 01-04 two were met in the last 30 days: the line
    // says exactly that, never "this month".
    for (today, n) in [("2027-01-04", 2), ("2027-01-06", 2), ("2027-01-07", 1), ("2027-01-20", 0)] {
        let day = Day::on(&env, today);
        let out = day.ok(&["select", "--no-input"]);
        assert!(out.contains(&format!("Your network: 2 people, {n} met in the last 30 days")), "{today}: {out}");
        assert!(!out.contains("this month"), "{out}");
        let id = day.ok(&["--lang", "id", "select", "--no-input"]);
        assert!(id.contains(&format!("{n} ditemui dalam 30 hari terakhir")) && !id.contains("bulan ini"), "{id}");
    }
}

// ---------------------------------------------------------------------------------------
// Item 8: a relationship that never started is not "cooling".

#[test]
fn people_never_talked_to_are_not_cooling_in_any_week() {
    let env = TestEnv::new();
    let start = Day::on(&env, "2026-12-07");
    start.add("Nadia Putri", &["--stage", "connection", "--every", "2w"]);
    start.add("Rina Wijaya", &["--stage", "acquaintance", "--every", "3w"]);
    start.add("Budi Santoso", &["--stage", "connection", "--every", "2w"]);
    start.ok(&["log", "budi", "-m", "coffee"]);
    // Week by week: Nadia and Rina pass their rhythm without a word ever said; only
    // Budi, talked to and then quiet, can cool.
    let mut budi_cooled = false;
    for today in ["2026-12-13", "2026-12-20", "2026-12-27", "2027-01-03", "2027-01-10"] {
        let day = Day::on(&env, today);
        let v = day.json(&["review", "--no-input"]);
        let cooled = names(&v["report"]["cooled"]);
        assert!(!cooled.iter().any(|n| n == "Nadia Putri" || n == "Rina Wijaya"), "{today}: {cooled:?}");
        budi_cooled |= cooled.contains(&"Budi Santoso".to_string());
        let id = day.ok(&["--lang", "id", "review", "--no-input"]);
        assert!(!id.contains("mendingin: Nadia") && !id.contains("mendingin: Rina"), "{today}: {id}");
        day.ok(&["review", "--no-input", "--save"]);
    }
    assert!(budi_cooled, "Budi, quiet past his rhythm, does cool");
}

// ---------------------------------------------------------------------------------------
// Item 13: a snooze is shown, listed, and warns about what is still owed.

#[test]
fn a_snooze_is_shown_listed_and_warns_about_a_promise() {
    let env = TestEnv::new();
    let day = Day::on(&env, "2027-01-04");
    day.add("Wei Chen", &["--stage", "connection"]);
    day.add("Ana Lestari", &["--stage", "connection"]);
    day.ok(&["promise", "wei", "send the market sizing deck", "--due", "2027-01-08"]);
    let (_, err) = day.both(&["snooze", "wei", "--until", "2027-02-01"]);
    assert!(err.contains("Wei Chen is snoozed until 2027-02-01"), "{err}");
    assert!(err.contains("you owe Wei Chen promise #1, due 2027-01-08: the snooze does not move it"), "{err}");
    let (_, err) = day.both(&["snooze", "ana", "--until", "2027-01-20"]);
    assert!(!err.contains("you owe"), "{err}");
    // Day by day: show says so while it lasts, list --snoozed lists them.
    for today in days("2027-01-04", "2027-02-02") {
        let d = Day::on(&env, &today);
        let line = d.show_line("wei", "snoozed:", "en");
        let listed = names(&d.json(&["list", "--snoozed"]));
        if today.as_str() < "2027-02-01" {
            assert!(line.starts_with("snoozed:") && line.contains("until 2027-02-01"), "{today}: {line}");
            assert!(listed.contains(&"Wei Chen".to_string()), "{today}");
        } else {
            assert!(line.is_empty(), "{today}: {line}");
            assert!(listed.is_empty(), "{today}: {listed:?}");
        }
        assert_eq!(listed.contains(&"Ana Lestari".to_string()), today.as_str() < "2027-01-20", "{today}");
    }
    let d = Day::on(&env, "2027-01-10");
    assert!(d.show_line("wei", "ditunda:", "id").contains("sampai 2027-02-01"));
    let table = d.ok(&["list", "--snoozed"]);
    assert!(table.contains("snoozed until") && table.contains("2027-02-01"), "{table}");
    // Overdue now: the warning says it stays in the picks.
    let (_, err) = d.both(&["--lang", "id", "snooze", "wei", "--until", "2027-02-15"]);
    assert!(err.contains("Anda berutang janji #1 kepada Wei Chen, lewat tenggat sejak 2027-01-08"), "{err}");
}

// ---------------------------------------------------------------------------------------
// Item 14: a meeting day given in words is echoed as the date it was read as.

#[test]
fn a_meeting_day_in_words_is_echoed_as_a_date() {
    let env = TestEnv::new();
    // Wednesday 2026-12-09.
    let day = Day::on(&env, "2026-12-09");
    let (_, err) = day.both(&["add-contact", "Tono Prasetyo", "--stage", "stranger", "--met-on", "last friday"]);
    assert!(err.contains("Added Tono Prasetyo (other, stranger), met on 2026-12-04; handle"), "{err}");
    let (_, err) = day.both(&["--lang", "id", "add-contact", "Uli Siregar", "--met-on", "kemarin"]);
    assert!(err.contains("Uli Siregar ditambahkan (lainnya, kenalan), bertemu pada 2026-12-08; kodenya"), "{err}");
    let (_, err) = day.both(&["--lang", "id", "edit", "uli", "--met-on", "2 hari lalu"]);
    assert!(err.contains("bertemu pada 2026-12-07"), "{err}");
    let (_, err) = day.both(&["edit", "tono", "--met-on", "3 days ago"]);
    assert!(err.contains("Updated Tono Prasetyo") && err.contains("met on 2026-12-06"), "{err}");
    // Without --met-on nothing extra is said.
    let (_, err) = day.both(&["add-contact", "Vera Halim"]);
    assert!(!err.contains("met on"), "{err}");
}
