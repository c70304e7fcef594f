//! `jejaring import` and `jejaring export` through the real binary: fixtures from real
//! exports, idempotent re-import, dry runs, refusals that change nothing, round trips.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A temporary data file and a clean environment (fixed clock, no colour, English).
struct Env {
    dir: TempDir,
}

struct Out {
    stdout: String,
    stderr: String,
    code: i32,
}

impl Env {
    fn new() -> Env {
        Env { dir: tempfile::tempdir().unwrap() }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("jejaring.json")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Out {
        let out = Command::cargo_bin("jejaring")
            .unwrap()
            .args(args)
            .env_clear()
            .env("JEJARING_DATA", self.data())
            .env("JEJARING_NOW", "2026-11-28")
            .env("NO_COLOR", "1")
            .env("LANG", "C")
            .env("HOME", self.dir.path())
            .output()
            .unwrap();
        Out {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            code: out.status.code().unwrap_or(-1),
        }
    }

    fn ok(&self, args: &[&str]) -> Out {
        let out = self.run(args);
        assert_eq!(out.code, 0, "{args:?}\nstdout: {}\nstderr: {}", out.stdout, out.stderr);
        out
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(self.data()).unwrap()).unwrap()
    }

    fn contact(&self, name: &str) -> serde_json::Value {
        let data = self.json();
        let found = data["contacts"].as_array().unwrap().iter().find(|c| c["name"] == name).cloned();
        found.unwrap_or_else(|| panic!("no contact {name}"))
    }
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interop").join(name).display().to_string()
}

fn last_line(s: &str) -> &str {
    s.trim_end().lines().last().unwrap_or_default()
}

#[test]
fn vcards_import_once_and_reimport_changes_nothing() {
    let env = Env::new();
    let files = ["apple.vcf", "google.vcf", "android21.vcf", "v4.vcf", "broken-mixed.vcf", "vdir"].map(fixture);
    let mut args = vec!["import", "vcard"];
    args.extend(files.iter().map(String::as_str));
    let first = env.ok(&args);
    assert_eq!(last_line(&first.stderr), "Imported: 12 added, 0 updated, 0 unchanged, 3 skipped");
    assert!(first.stderr.contains("broken-mixed.vcf: card 3 (line 11), Never Ended: skipped: the card never ends"));
    assert!(first.stderr.contains("c3.vcf: skipped: no vCard in this file"));
    let budi = env.contact("Budi Santoso");
    assert_eq!(budi["birthday"], "--03-15");
    assert_eq!(budi["linkedin"], "https://www.linkedin.com/in/budisantoso");
    assert_eq!(budi["source_ids"][0], "6F1C3B2A-0000-4000-8000-000000000001");
    assert!(budi.get("photo").is_none());

    let before = std::fs::read(env.data()).unwrap();
    let again = env.ok(&args);
    assert_eq!(last_line(&again.stderr), "Imported: 0 added, 0 updated, 12 unchanged, 3 skipped");
    assert_eq!(std::fs::read(env.data()).unwrap(), before, "nothing changed, nothing written");
}

#[test]
fn dry_run_lists_and_writes_nothing() {
    let env = Env::new();
    let out = env.ok(&["import", "csv", &fixture("google.csv"), &fixture("outlook.csv"), "--dry-run"]);
    assert!(out.stdout.contains("would add     Ayu Lestari"), "{}", out.stdout);
    assert!(out.stdout.contains("would add     Dimas Pratama"));
    assert_eq!(last_line(&out.stderr), "Dry run, nothing saved: 5 to add, 0 to update, 0 unchanged, 1 skipped");
    assert!(!env.data().exists());
}

#[test]
fn a_file_that_is_not_what_it_claims_changes_nothing() {
    let env = Env::new();
    env.ok(&["add-contact", "Budi Santoso", "--email", "budi@example.com"]);
    let before = std::fs::read(env.data()).unwrap();
    // A good file first: one bad file stops the whole import.
    for (format, good, bad) in [
        ("vcard", "apple.vcf", "not-contacts.vcf"),
        ("vcard", "apple.vcf", "google.csv"),
        ("csv", "google.csv", "not-linkedin.csv"),
        ("linkedin", "Connections.csv", "google.csv"),
    ] {
        let file = bad;
        let out = env.run(&["import", format, &fixture(good), &fixture(bad)]);
        assert_eq!(out.code, 1, "{format} {file}: {}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "one line: {}", out.stderr);
        assert!(out.stderr.contains(file) && out.stderr.contains("nothing was imported"), "{}", out.stderr);
        assert_eq!(std::fs::read(env.data()).unwrap(), before);
    }
    let out = env.run(&["import", "csv", &fixture("vdir")]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let out = env.run(&["import", "vcard", &fixture("missing.vcf")]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("could not read"), "{}", out.stderr);
    assert_eq!(std::fs::read(env.data()).unwrap(), before);
}

#[test]
fn windows_1252_and_linkedin_connections() {
    let env = Env::new();
    env.ok(&["import", "csv", &fixture("outlook-1252.csv")]);
    assert_eq!(env.contact("José Müller")["org"], "Café Señor");
    let out = env.ok(&["import", "linkedin", &fixture("Connections.csv"), "--tag", "LinkedIn"]);
    assert_eq!(last_line(&out.stderr), "Imported: 3 added, 0 updated, 0 unchanged, 1 skipped");
    assert!(out.stderr.contains("Connections.csv: line 7: skipped"), "{}", out.stderr);
    let maria = env.contact("Maria Chen");
    assert_eq!(maria["circle"], "colleague");
    assert_eq!(maria["met_on"], "2023-03-15");
    assert_eq!(maria["tags"][0], "linkedin");
}

#[test]
fn user_edits_survive_a_reimport() {
    let env = Env::new();
    env.ok(&["import", "vcard", &fixture("apple.vcf")]);
    env.ok(&["edit", "Budi", "--org", "Own Startup", "--note", "my words", "--circle", "friend"]);
    let out = env.ok(&["import", "vcard", &fixture("apple.vcf"), "--circle", "family"]);
    assert_eq!(last_line(&out.stderr), "Imported: 0 added, 0 updated, 2 unchanged, 0 skipped");
    let budi = env.contact("Budi Santoso");
    assert_eq!(budi["org"], "Own Startup");
    assert_eq!(budi["note"], "my words");
    assert_eq!(budi["circle"], "friend");
}

#[test]
fn vcard_export_round_trips() {
    let env = Env::new();
    env.ok(&["import", "vcard", &fixture("apple.vcf"), &fixture("v4.vcf")]);
    env.ok(&[
        "add-contact",
        "Rina",
        "--circle",
        "friend",
        "--stage",
        "trusted",
        "--every",
        "30d",
        "--met-on",
        "2026-01-02",
    ]);
    for version in ["3.0", "4.0"] {
        let out = env.path(&format!("all-{version}.vcf"));
        let out = out.to_str().unwrap();
        env.ok(&["export", "vcard", "--vcard-version", version, "--out", out]);
        let again = env.ok(&["import", "vcard", out]);
        assert_eq!(last_line(&again.stderr), "Imported: 0 added, 0 updated, 4 unchanged, 0 skipped");

        let other = Env::new();
        other.ok(&["import", "vcard", out]);
        let (a, b) = (env.json(), other.json());
        for (x, y) in a["contacts"].as_array().unwrap().iter().zip(b["contacts"].as_array().unwrap()) {
            for field in
                ["name", "circle", "stage", "emails", "phones", "birthday", "every", "met_on", "linkedin", "note"]
            {
                assert_eq!(x[field], y[field], "{version} {field}");
            }
        }
    }
}

#[test]
fn csv_json_and_calendar_exports() {
    let env = Env::new();
    env.ok(&["add-contact", "Ayu Lestari", "--email", "ayu@example.com", "--tag", "design", "--every", "2w"]);
    env.ok(&["add-contact", "Budi", "--circle", "colleague"]);
    let csv = env.ok(&["export", "csv", "--tag", "design"]).stdout;
    assert!(csv.starts_with("First Name,Middle Name,Last Name,"));
    assert!(csv.contains("Ayu,,Lestari,") && csv.contains("* myContacts ::: design") && !csv.contains("Budi"));

    let whole: serde_json::Value = serde_json::from_str(&env.ok(&["export", "json"]).stdout).unwrap();
    assert_eq!(whole, env.json());
    let some: serde_json::Value =
        serde_json::from_str(&env.ok(&["export", "json", "--circle", "colleague"]).stdout).unwrap();
    assert_eq!(some.as_array().unwrap().len(), 1);

    let ics = env.ok(&["export", "ics"]).stdout;
    assert!(ics.contains("BEGIN:VEVENT\r\n") && ics.contains("SUMMARY:Get in touch with Ayu Lestari\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20261212\r\n") && ics.contains("DTEND;VALUE=DATE:20261213\r\n"));
    let uid = |s: &str| s.lines().find(|l| l.starts_with("UID:")).map(str::to_string);
    env.ok(&["log", "Ayu", "coffee", "--on", "2026-11-27"]);
    let later = env.ok(&["export", "ics"]).stdout;
    assert_eq!(uid(&ics), uid(&later), "the same event keeps its UID");
    assert!(later.contains("DTSTART;VALUE=DATE:20261211\r\n"));
}

#[test]
fn mutt_lookup_and_indonesian_summary() {
    let env = Env::new();
    env.ok(&["import", "vcard", &fixture("apple.vcf")]);
    let out = env.ok(&["list", "--format", "mutt", "--search", "rahma"]);
    assert_eq!(out.stdout, "jejaring: 1 addresses\nsiti.rahma@mandiri.example\tSiti Nur Rahma\tBank Mandiri\n");
    let out = env.ok(&["--lang", "id", "import", "vcard", &fixture("apple.vcf")]);
    assert_eq!(last_line(&out.stderr), "Impor selesai: 0 ditambah, 0 diperbarui, 2 tetap, 0 dilewati");
}

#[test]
fn the_calendar_holds_promises_goals_and_keep_in_touch_dates_with_stable_uids() {
    let env = Env::new();
    env.ok(&["add-contact", "Wei Chen", "--every", "30d"]);
    env.ok(&["add-contact", "Ayu Lestari", "--circle", "friend"]);
    env.ok(&["promise", "wei", "send the deck", "--due", "2026-12-03"]);
    env.ok(&["promise", "ayu", "lend the book", "--due", "2026-12-10"]);
    env.ok(&["promise", "done", "2"]);
    let goal = ["goal", "new", "--title", "Meet fintech people", "--metric", "new_contacts", "--target", "10"];
    let mut goal = goal.to_vec();
    goal.extend([
        "--start",
        "2026-10-01",
        "--deadline",
        "2027-01-31",
        "--milestone",
        "2026-12-20=4",
        "--milestone",
        "2026-11-01=1",
    ]);
    env.ok(&goal);

    let first = env.ok(&["export", "ics"]).stdout;
    for line in [
        "SUMMARY:Get in touch with Wei Chen\r\n",
        // No rhythm of her own, met today: her first follow-up, as `today` says.
        "SUMMARY:Follow up with Ayu Lestari\r\n",
        "SUMMARY:Promise to Wei Chen: send the deck\r\n",
        "SUMMARY:Goal deadline: Meet fintech people\r\n",
        "SUMMARY:Goal milestone: 4 for Meet fintech people\r\n",
        "DTSTART;VALUE=DATE:20261203\r\n",
        "DTEND;VALUE=DATE:20261204\r\n",
        "DTSTART;VALUE=DATE:20270131\r\n",
        "DTEND;VALUE=DATE:20270201\r\n",
    ] {
        assert!(first.contains(line), "{line:?} missing:\n{first}");
    }
    assert!(!first.contains("lend the book"), "a kept promise is not an event");
    assert_eq!(first.matches("BEGIN:VEVENT").count(), 5, "the milestone gone by is left out:\n{first}");

    let uids = |s: &str| {
        let mut v: Vec<String> = s.lines().filter(|l| l.starts_with("UID:")).map(str::to_string).collect();
        v.sort();
        v
    };
    let data = env.json();
    let promise_id = data["promises"][0]["id"].as_str().unwrap();
    let goal_id = data["goals"][0]["id"].as_str().unwrap();
    assert!(uids(&first).contains(&format!("UID:{promise_id}-promise@jejaring")), "{first}");
    assert!(uids(&first).contains(&format!("UID:{goal_id}-deadline@jejaring")), "{first}");

    // A day later, with a conversation logged, the same records keep their events.
    env.ok(&["log", "wei", "coffee", "--on", "2026-11-27"]);
    let out = env.path("cal.ics");
    let out = out.to_str().unwrap();
    let second = env.run(&["export", "ics", "--out", out]);
    assert_eq!(second.code, 0);
    assert_eq!(last_line(&second.stderr), format!("Exported 5 calendar events to {out}"));
    assert_eq!(uids(&first), uids(&std::fs::read_to_string(out).unwrap()));

    // Filtered to one person: their dates only, and no goals.
    let ayu = env.ok(&["export", "ics", "--circle", "friend"]);
    assert_eq!(ayu.stdout.matches("BEGIN:VEVENT").count(), 1, "{}", ayu.stdout);
    assert!(ayu.stdout.contains("Ayu Lestari") && !ayu.stdout.contains("Wei Chen"), "{}", ayu.stdout);
    assert!(!ayu.stdout.contains("Goal"), "{}", ayu.stdout);
}

#[test]
fn trust_levels_travel_in_a_vcard_and_a_reimport_changes_nothing() {
    let env = Env::new();
    env.ok(&["add-contact", "Wei Chen", "--stage", "connection", "--email", "wei@example.com"]);
    env.ok(&["add-contact", "Ayu Lestari", "--stage", "acquaintance"]);
    env.ok(&["trust", "wei", "--level", "5", "--note", "Vouched for me"]);
    let card = env.ok(&["export", "vcard"]).stdout;
    assert!(card.contains("X-JEJARING-TRUST:5\r\n"), "{card}");
    assert_eq!(card.matches("X-JEJARING-TRUST").count(), 1, "a level from the stage alone is not written");
    let file = env.path("all.vcf");
    std::fs::write(&file, &card).unwrap();
    let file = file.to_str().unwrap();

    let before = std::fs::read(env.data()).unwrap();
    let again = env.ok(&["import", "vcard", file]);
    assert_eq!(last_line(&again.stderr), "Imported: 0 added, 0 updated, 2 unchanged, 0 skipped");
    assert_eq!(std::fs::read(env.data()).unwrap(), before);

    let other = Env::new();
    other.ok(&["import", "vcard", file]);
    let shown = other.ok(&["--json", "show", "wei"]).stdout;
    let v: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(v["trust_level"], 5);
    assert_eq!(v["trust_notes"][0]["note"], "trust level from an imported vCard");
    let again = other.ok(&["import", "vcard", file]);
    assert_eq!(last_line(&again.stderr), "Imported: 0 added, 0 updated, 2 unchanged, 0 skipped");

    // The level changed here since: the level the user set stays, as any field they
    // wrote does.
    other.ok(&["trust", "wei", "--level", "3", "--note", "Missed a deadline"]);
    let again = other.ok(&["import", "vcard", file]);
    assert_eq!(last_line(&again.stderr), "Imported: 0 added, 0 updated, 2 unchanged, 0 skipped");
    let shown = other.ok(&["--json", "show", "wei"]).stdout;
    let v: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(v["trust_level"], 3);
}
