//! From stranger to trusted, week by week: a stranger met at a meetup gets a first
//! follow-up within a week and then monthly while new (in `show`, `list --due`, `today`
//! and `select`); the widen pick takes them over an acquaintance 230 days quiet; after three
//! conversations, one of them theirs, `show`, `select` and `review` suggest moving them
//! up with the command; and a new-contacts goal that is behind asks its linked people
//! for introductions.

use crate::env::TestEnv;
use serde_json::Value;

/// The network on a given day: every command runs with `JEJARING_NOW` set to it.
struct Week<'a> {
    env: &'a TestEnv,
    now: &'a str,
}

impl Week<'_> {
    fn ok(&self, args: &[&str]) -> String {
        let out = self.env.std_command().env("JEJARING_NOW", self.now).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?} on {}: {}", self.now, String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    /// Adds a contact on this day and returns its handle.
    fn add(&self, name: &str, extra: &[&str]) -> String {
        let mut args = vec!["add-contact", name];
        args.extend_from_slice(extra);
        self.json(&args)["handle"].as_str().expect("a handle").to_string()
    }

    /// The "keep in touch" line of `show`.
    fn keep_in_touch(&self, who: &str) -> String {
        let out = self.ok(&["show", who]);
        out.lines().find(|l| l.contains("keep in touch:")).unwrap_or_default().trim().to_string()
    }

    /// Names in `list --due`.
    fn due(&self) -> Vec<String> {
        let v = self.json(&["list", "--due"]);
        v.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect()
    }

    /// The select picks, name and reason key, for `count` people.
    fn picks(&self, count: &str) -> Vec<(String, String)> {
        let v = self.json(&["select", "--count", count, "--no-input"]);
        let picks = v["picks"].as_array().unwrap();
        picks
            .iter()
            .map(|p| (p["name"].as_str().unwrap().into(), p["reason"]["reason"].as_str().unwrap().into()))
            .collect()
    }
}

/// A network of old ties: close people past their rhythm, a long-quiet acquaintance met
/// at a conference, and a mentor linked to a new-contacts goal.
fn network(day: &Week) {
    day.ok(&["add-contact", "Siti Rahmawati", "--circle", "friend", "--stage", "trusted", "--every", "2w"]);
    day.ok(&["log", "siti", "-m", "dinner", "--on", "2026-09-15"]);
    day.ok(&["add-contact", "Rina Wijaya", "--circle", "family", "--stage", "trusted", "--every", "1w"]);
    day.ok(&["log", "rina", "-m", "call", "--kind", "call", "--on", "2026-10-01"]);
    day.ok(&["add-contact", "Hiroshi Tanaka", "--circle", "colleague", "--stage", "acquaintance", "--every", "3m"]);
    day.ok(&["edit", "hiroshi", "--met-at", "Tokyo conference panel", "--met-on", "2026-03-24"]);
    day.ok(&["log", "hiroshi", "-m", "thanks for the panel", "--kind", "email", "--on", "2026-03-24"]);
    day.ok(&["add-contact", "Budi Santoso", "--circle", "colleague", "--stage", "trusted", "--tag", "fintech"]);
    day.ok(&["edit", "budi", "--met-on", "2022-10-20"]);
    day.ok(&["log", "budi", "-m", "mentoring call", "--kind", "call", "--on", "2026-10-30"]);
    day.ok(&[
        "goal",
        "new",
        "--title",
        "Meet 20 people in fintech",
        "--metric",
        "new_contacts",
        "--target",
        "20",
        "--tag",
        "fintech",
        "--start",
        "2026-10-01",
        "--deadline",
        "2026-12-31",
    ]);
    day.ok(&["goal", "link", "1", "budi"]);
}

#[test]
fn a_stranger_met_at_a_meetup_is_followed_up_and_moved_up() {
    let env = TestEnv::new();
    let monday = Week { env: &env, now: "2026-11-02" };
    network(&monday);
    // Week 0: Kofi, met at a fintech meetup tonight.
    let kofi = monday.add(
        "Kofi Mensah",
        &["--stage", "stranger", "--tag", "fintech", "--met-at", "Fintech meetup", "--met-on", "2026-11-02"],
    );
    monday.ok(&["log", "kofi", "-m", "coffee queue chat", "--kind", "event", "--on", "2026-11-02"]);
    assert_eq!(
        monday.keep_in_touch("kofi"),
        "keep in touch:     newly met: a first follow-up a week after meeting, then monthly; next 2026-11-09 (in 7 days)"
    );
    assert!(!monday.due().contains(&"Kofi Mensah".to_string()));

    // Week 1: the first follow-up is due today.
    let week1 = Week { env: &env, now: "2026-11-09" };
    let today = week1.ok(&["today"]);
    assert!(today.contains("follow up with Kofi Mensah: met 2026-11-02, first follow-up due today\n"), "{today}");
    let id = week1.ok(&["--lang", "id", "today"]);
    assert!(id.contains("sapa lagi Kofi Mensah: bertemu 2026-11-02, tindak lanjut pertama jatuh tempo hari ini"));
    // Hiroshi, an acquaintance quiet for 230 days, is picked for being past his rhythm;
    // he no longer takes the widen place: Kofi, newly met, does (over Siti and Rina,
    // who are more pressing than Kofi but are neither new).
    let picks = week1.picks("3");
    let expected = [("Hiroshi Tanaka", "overdue"), ("Budi Santoso", "introduce"), ("Kofi Mensah", "follow_up")];
    assert_eq!(picks, expected.map(|(n, r)| (n.to_string(), r.to_string())));
    let warmth = week1.ok(&["show", "hiroshi"]);
    assert!(warmth.contains("last talked:       2026-03-24 (230 days ago)"), "{warmth}");
    // The fintech goal is behind: Budi is asked for introductions.
    let select = week1.ok(&["select", "--count", "5", "--no-input"]);
    assert!(
        select.contains(
            "Budi Santoso (colleague) — your goal \"Meet 20 people in fintech\" is behind: \
             ask them to introduce you to someone in fintech"
        ),
        "{select}"
    );
    let id = week1.ok(&["--lang", "id", "select", "--count", "5", "--no-input"]);
    assert!(id.contains("minta dia memperkenalkan Anda kepada seseorang dari kalangan fintech"), "{id}");

    // A day late, Kofi shows in list --due; then the follow-up is done.
    let tuesday = Week { env: &env, now: "2026-11-10" };
    assert!(tuesday.due().contains(&"Kofi Mensah".to_string()));
    tuesday.ok(&["log", "kofi", "-m", "sent the article we talked about", "--kind", "message"]);
    assert_eq!(
        tuesday.keep_in_touch("kofi"),
        "keep in touch:     newly met: monthly for the first 30 days, then about every 120 days; \
         next 2026-12-10 (in 30 days)"
    );
    assert!(!tuesday.due().contains(&"Kofi Mensah".to_string()));

    // Week 2: nothing due. Week 3: he had called back; two conversations are not enough.
    let week2 = Week { env: &env, now: "2026-11-16" };
    assert_eq!(week2.ok(&["today"]), "", "nothing due: the follow-up was done");
    let week3 = Week { env: &env, now: "2026-11-23" };
    let call =
        ["log", "kofi", "-m", "he called about a role", "--kind", "call", "--they-reached-out", "--on", "2026-11-18"];
    week3.ok(&call);
    assert!(!week3.ok(&["show", "kofi"]).contains("next stage"));

    // Week 4: after a coffee, three conversations, one his: show, select and review
    // suggest the move.
    let week4 = Week { env: &env, now: "2026-11-30" };
    week4.ok(&["log", "kofi", "-m", "coffee near his office", "--on", "2026-11-25"]);
    let command = format!("`jejaring edit {kofi} --stage acquaintance`");
    let show = week4.ok(&["show", "kofi"]);
    assert!(
        show.contains(
            "next stage:        ready to move up to acquaintance: 3 conversations since 2026-11-10, 1 started by them"
        ),
        "{show}"
    );
    assert!(show.contains(&format!("move them up: {command}")), "{show}");
    let select = week4.ok(&["select", "--no-input"]);
    let line = format!(
        "Ready to move up a stage\n  Kofi Mensah: ready to move up to acquaintance: 3 conversations since 2026-11-10, \
         1 started by them — {command}\n"
    );
    assert!(select.contains(&line), "{select}");
    let review = week4.ok(&["review", "--no-input"]);
    assert!(review.contains(&format!("1 started by them — {command}")), "{review}");
    let id = week4.ok(&["--lang", "id", "show", "kofi"]);
    assert!(id.contains("siap naik menjadi kenalan: 3 percakapan sejak 2026-11-10, 1 di antaranya dimulai olehnya"));
    // The evidence starts with the first conversation counted (the message of 11-10,
    // not the meeting, which was an event): the day named holds as the days go by.
    let later = Week { env: &env, now: "2026-12-09" };
    assert!(later.ok(&["show", "kofi"]).contains("3 conversations since 2026-11-10, 1 started by them"));
    assert_eq!(later.json(&["select", "--no-input"])["stage_ups"][0]["since"], "2026-11-10");
    // Still monthly: the coffee was within 30 days of meeting.
    assert!(week4.keep_in_touch("kofi").contains("next 2026-12-25"));
    let v = week4.json(&["select", "--no-input"]);
    assert_eq!(v["stage_ups"][0]["to"], "acquaintance");
    assert_eq!(v["stage_ups"][0]["conversations"], 3);
    // The review's JSON carries the same suggestion.
    let r = week4.json(&["review", "--no-input"]);
    assert_eq!(r["stage_ups"], v["stage_ups"], "{r}");

    // Taking the advice: the suggestion goes, and the count starts again.
    week4.ok(&["edit", &kofi, "--stage", "acquaintance"]);
    assert!(!week4.ok(&["show", "kofi"]).contains("next stage"));
    assert!(!week4.ok(&["select", "--no-input"]).contains("Ready to move up a stage"));

    // Week 8: the first 30 days are over, so he is no longer newly met: the monthly
    // date (12-25) lapsed with them, and the acquaintance's 90 days run from the coffee.
    let week8 = Week { env: &env, now: "2026-12-28" };
    assert!(!week8.due().contains(&"Kofi Mensah".to_string()));
    assert!(
        week8.keep_in_touch("kofi").contains("about every 90 days (set one with --every); next 2027-02-23"),
        "{}",
        week8.keep_in_touch("kofi")
    );
    assert!(!week8.ok(&["today"]).contains("Kofi"));
    // A conversation now, past the first 30 days: the acquaintance's 90 days apply.
    week8.ok(&["log", "kofi", "-m", "year-end catch-up", "--kind", "call"]);
    assert!(week8.keep_in_touch("kofi").contains("about every 90 days"), "{}", week8.keep_in_touch("kofi"));
}

#[test]
fn people_already_known_get_no_follow_up_rhythm() {
    let env = TestEnv::new();
    let day = Week { env: &env, now: "2026-11-28" };
    // Entered today, met in 2022: the stage's rhythm, due in 120 days, not in a week.
    day.ok(&["add-contact", "Old Friend", "--stage", "stranger", "--met-on", "2022-10-20"]);
    assert!(day.keep_in_touch("old").starts_with("keep in touch:     about every 120 days"));
    // Met long ago, date unknown (`--met-on ""`, as an import leaves it): the same.
    day.ok(&["add-contact", "No Meeting Date", "--stage", "stranger", "--met-on", ""]);
    assert!(day.keep_in_touch("no meeting").starts_with("keep in touch:     about every 120 days"));
    assert_eq!(day.ok(&["today"]), "");
}

#[test]
fn the_demo_review_names_a_newly_met_person_for_next_week() {
    let env = TestEnv::new();
    let (out, _) = env.ok(&["--demo", "review", "--no-input"]);
    let next_week = out.split("6. Next week").nth(1).expect("a Next week section");
    let newly_met = ["Fatima Al-Sayed", "Kofi Mensah", "Lina Marlina"];
    assert!(newly_met.iter().any(|n| next_week.contains(n)), "{next_week}");
    assert!(next_week.contains("the first follow-up was due"), "{next_week}");
}

#[test]
fn a_first_follow_up_never_done_stays_in_today_after_the_first_month() {
    let env = TestEnv::new();
    Week { env: &env, now: "2026-10-01" }.add("Ama Owusu", &["--stage", "stranger", "--met-at", "a panel"]);
    // Six weeks on, never followed up: `today` says so, as `select` and `show` do.
    let later = Week { env: &env, now: "2026-11-15" };
    let today = later.ok(&["today"]);
    assert!(today.contains("follow up with Ama Owusu: met 2026-10-01, first follow-up was due 2026-10-08"), "{today}");
    let picks = later.json(&["select", "--no-input"]);
    assert!(picks["picks"].as_array().unwrap().iter().any(|p| p["name"] == "Ama Owusu"), "{picks}");
    // Once followed up, she leaves `today`.
    later.ok(&["log", "ama", "-m", "coffee at last"]);
    assert!(!later.ok(&["today"]).contains("Ama"));
}
