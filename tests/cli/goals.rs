//! `jejaring goal` through the flag path: saving, progress measured from the data,
//! hand-logged progress, closing, linking, and bad input that changes nothing.
//!
//! Self-contained (its own tiny environment helper) so it can be hooked into the
//! shared integration binary with one `mod goals;` line.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;
use tempfile::TempDir;

/// A temporary data file, a fixed "now" and a plain, English, colourless terminal.
pub struct Env {
    _dir: TempDir,
    pub data: PathBuf,
    pub now: String,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("jejaring.json");
        Env { _dir: dir, data, now: "2026-11-28".into() }
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_jejaring"));
        c.args(args)
            .env_clear()
            .env("JEJARING_DATA", &self.data)
            .env("JEJARING_NOW", &self.now)
            .env("NO_COLOR", "1")
            .env("LANG", "C")
            .env("HOME", self._dir.path());
        c
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and expects the exit code; returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd(args).output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stderr).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let mut a = vec!["--json"];
        a.extend_from_slice(args);
        serde_json::from_str(&self.ok(&a)).unwrap()
    }

    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.data).unwrap_or_default()
    }

    pub fn file(&self) -> Value {
        serde_json::from_slice(&self.bytes()).unwrap()
    }
}

const FINTECH: &[&str] = &[
    "goal",
    "new",
    "--title",
    "Meet fintech product people",
    "--specific",
    "Product managers at fintech start-ups in Jakarta",
    "--metric",
    "new_contacts",
    "--target",
    "10",
    "--tag",
    "fintech",
    "--achievable",
    "Two meetups a month",
    "--relevant",
    "I am moving into product",
    "--start",
    "2026-11-01",
    "--deadline",
    "2026-11-30",
    "--weekly-minutes",
    "120",
];

#[test]
fn a_goal_from_flags_is_saved_checked_and_numbered() {
    let env = Env::new();
    let out = env.cmd(FINTECH).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Saved goal 1: Meet fintech product people"), "{err}");
    let file = env.file();
    assert_eq!(file["settings"]["weekly_minutes"], 120);
    let g = &file["goals"][0];
    assert_eq!(
        (g["number"].as_u64(), g["metric"].as_str(), g["target"].as_u64()),
        (Some(1), Some("new_contacts"), Some(10))
    );
    assert_eq!(g["filters"]["tags"][0], "fintech");
    assert_eq!((g["start"].as_str(), g["deadline"].as_str()), (Some("2026-11-01"), Some("2026-11-30")));
    let check = env.json(&["goal", "check", "1"]);
    // Ten people in the three days left is far more than 120 minutes a week.
    assert_eq!(check[0]["check"]["summary"], "S+ M+ A+ R~ T+");
    assert_eq!(check[0]["check"]["letters"][3]["findings"][0]["code"], "over_budget");
    env.ok(&["goal", "new", "--title", "Second", "--metric", "manual", "--target", "3", "--deadline", "in 2 weeks"]);
    assert_eq!(env.file()["goals"][1]["number"], 2);
    assert_eq!(env.file()["goals"][1]["deadline"], "2026-12-12");
}

#[test]
fn progress_moves_with_contacts_in_the_window_both_ends_included() {
    let mut env = Env::new();
    env.ok(FINTECH);
    // Meetings are recorded after they happened: from a week past the deadline.
    env.now = "2026-12-05".into();
    for (name, met) in
        [("Before", "2026-10-31"), ("First", "2026-11-01"), ("Last", "2026-11-30"), ("After", "2026-12-01")]
    {
        env.ok(&["add-contact", name, "--tag", "fintech", "--met-on", met]);
    }
    env.ok(&["add-contact", "Other field", "--tag", "health", "--met-on", "2026-11-10"]);
    let view = env.json(&["goal", "show", "1"]);
    assert_eq!(view["progress"]["current"], 2, "{view:#}");
    assert_eq!(view["progress"]["state"], "missed");
    let list = env.json(&["goal", "list"]);
    assert_eq!(list[0]["progress"]["current"], 2);
    let table = env.ok(&["goal", "list"]);
    assert!(table.contains("2/10"), "{table}");
}

#[test]
fn conversations_and_stage_changes_are_counted() {
    let env = Env::new();
    env.ok(&["add-contact", "Budi Santoso", "--stage", "acquaintance"]);
    env.ok(&["add-contact", "Siti Rahma", "--stage", "stranger"]);
    let common = ["--target", "2", "--start", "2026-11-01", "--deadline", "2026-12-31"];
    let mut talk = vec!["goal", "new", "--title", "Talk to people", "--metric", "people_talked_to"];
    talk.extend(common);
    env.ok(&talk);
    let mut up = vec!["goal", "new", "--title", "Deepen ties", "--metric", "stage_ups"];
    up.extend(common);
    env.ok(&up);
    env.ok(&["log", "budi", "siti", "-m", "coffee", "--on", "2026-11-20"]);
    env.ok(&["log", "budi", "-m", "call", "--on", "2026-11-21"]);
    env.ok(&["edit", "budi", "--stage", "connection"]);
    env.ok(&["edit", "siti", "--stage", "acquaintance"]);
    assert_eq!(env.json(&["goal", "progress", "1"])["progress"]["current"], 2);
    assert_eq!(env.json(&["goal", "progress", "2"])["progress"]["current"], 1);
    assert_eq!(env.file()["stage_changes"].as_array().unwrap().len(), 2);
}

#[test]
fn manual_progress_done_and_drop() {
    let env = Env::new();
    env.ok(&[
        "goal",
        "new",
        "--title",
        "Give talks",
        "--metric",
        "manual",
        "--target",
        "4",
        "--deadline",
        "2027-01-31",
    ]);
    env.ok(&["goal", "progress", "1", "+2", "--note", "two meetups"]);
    env.ok(&["goal", "progress", "1", "-1"]);
    env.ok(&["goal", "progress", "1", "=3"]);
    let view = env.json(&["goal", "show", "1"]);
    assert_eq!(view["progress"]["current"], 3);
    assert_eq!(view["goal"]["progress"][0]["change"]["add"], 2);
    assert_eq!(view["goal"]["progress"][0]["note"], "two meetups");
    env.ok(&["goal", "done", "1", "--note", "spoke at two events"]);
    assert_eq!(env.file()["goals"][0]["status"], "done");
    assert_eq!(env.file()["goals"][0]["closed"]["on"], "2026-11-28");
    env.ok(&["goal", "new", "--title", "Old idea", "--metric", "manual", "--target", "1", "--deadline", "2027-01-31"]);
    env.ok(&["goal", "drop", "2", "--note", "not a priority"]);
    assert_eq!(env.file()["goals"][1]["closed"]["note"], "not a priority");
    assert_eq!(env.json(&["goal", "list"]).as_array().unwrap().len(), 0);
    assert_eq!(env.json(&["goal", "list", "--all"]).as_array().unwrap().len(), 2);
    env.ok(&["goal", "edit", "2", "--reopen"]);
    assert_eq!(env.json(&["goal", "list", "--status", "active"])[0]["goal"]["number"], 2);
}

#[test]
fn linking_people_by_name() {
    let env = Env::new();
    env.ok(&["add-contact", "Budi Santoso"]);
    env.ok(&["add-contact", "Siti Rahma"]);
    env.ok(FINTECH);
    env.ok(&["goal", "link", "1", "budi", "siti"]);
    assert_eq!(env.file()["goals"][0]["contacts"].as_array().unwrap().len(), 2);
    let show = env.ok(&["goal", "show", "1"]);
    assert!(show.contains("Budi Santoso") && show.contains("Siti Rahma"), "{show}");
    env.ok(&["goal", "link", "1", "siti", "--remove"]);
    assert_eq!(env.file()["goals"][0]["contacts"].as_array().unwrap().len(), 1);
}

#[test]
fn edit_changes_letters_and_runs_the_check_again() {
    let env = Env::new();
    env.ok(FINTECH);
    env.ok(&["goal", "edit", "1", "--target", "12", "--deadline", "2027-01-31", "--specific", ""]);
    let g = &env.file()["goals"][0];
    assert_eq!((g["target"].as_u64(), g["deadline"].as_str()), (Some(12), Some("2027-01-31")));
    assert!(g.get("specific").is_none());
    env.ok(&["goal", "edit", "meet fintech", "--clear-filters"]);
    let check = env.json(&["goal", "check", "1"]);
    let s = &check[0]["check"]["letters"][0];
    assert_eq!(s["verdict"], "weak");
    assert_eq!(s["findings"][0]["code"], "no_target_group");
}

#[test]
fn missing_flags_without_a_terminal_name_the_flag() {
    let env = Env::new();
    let err = env.fails(&["--no-input", "goal", "new", "--title", "X", "--metric", "manual"], 2);
    assert!(err.contains("missing --target, --deadline"), "{err}");
    assert!(!env.data.exists(), "nothing written");
}

#[test]
fn strict_refuses_a_weak_goal() {
    let env = Env::new();
    let err = env.fails(
        &[
            "goal",
            "new",
            "--title",
            "Network more",
            "--metric",
            "manual",
            "--target",
            "5",
            "--deadline",
            "2027-01-31",
            "--strict",
        ],
        1,
    );
    assert!(err.contains("\"network more\" is vague"), "{err}");
    assert!(err.contains("not saved"), "{err}");
    assert!(!env.data.exists());
}

#[test]
fn bad_input_changes_nothing() {
    let env = Env::new();
    env.ok(FINTECH);
    env.ok(&["goal", "new", "--title", "Hand", "--metric", "manual", "--target", "3", "--deadline", "2027-01-31"]);
    env.ok(&["goal", "done", "2"]);
    let before = env.bytes();
    let base = ["goal", "new", "--title", "X", "--metric", "new_contacts"];
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        ([&base[..], &["--target", "-3", "--deadline", "2027-01-01"]].concat(), 1, "negative"),
        ([&base[..], &["--target", "ten", "--deadline", "2027-01-01"]].concat(), 1, "not a whole number"),
        ([&base[..], &["--target", "5", "--deadline", "2026-02-30"]].concat(), 1, "not a real date"),
        ([&base[..], &["--target", "5", "--deadline", "2026-10-01"]].concat(), 1, "before the start"),
        ([&base[..], &["--target", "5", "--deadline", "2027-01-01", "--circle", "aliens"]].concat(), 2, "aliens"),
        (
            vec!["goal", "new", "--title", "X", "--metric", "vibes", "--target", "5", "--deadline", "2027-01-01"],
            2,
            "vibes",
        ),
        (vec!["goal", "show", "9"], 1, "no goal \"9\""),
        (vec!["goal", "progress", "1", "+2"], 1, "counted from your data"),
        (vec!["goal", "progress", "2", "+1"], 1, "progress is closed"),
        (vec!["goal", "progress", "2", "7"], 1, "not a change"),
        (vec!["goal", "done", "2"], 1, "already done"),
        (vec!["goal", "link", "1", "nobody"], 1, "no contact matches"),
        (vec!["goal", "edit", "1"], 2, "nothing to change"),
        (vec!["goal", "edit", "1", "--target", "-1"], 1, "negative"),
    ];
    for (args, code, says) in cases {
        let err = env.fails(&args, code);
        assert!(err.contains(says), "{args:?}: {err}");
        if code == 1 {
            assert_eq!(err.trim().lines().count(), 1, "one line: {args:?}: {err}");
        }
        assert_eq!(env.bytes(), before, "{args:?} changed the file");
    }
}

#[test]
fn the_check_speaks_indonesian() {
    let env = Env::new();
    env.ok(&[
        "goal",
        "new",
        "--title",
        "Kenal lebih banyak orang",
        "--metric",
        "manual",
        "--target",
        "5",
        "--deadline",
        "2027-01-31",
    ]);
    let out = env.ok(&["--lang", "id", "goal", "check", "1"]);
    assert!(out.contains("\"lebih banyak\" masih samar"), "{out}");
    assert!(out.contains("Berbatas waktu"), "{out}");
}
