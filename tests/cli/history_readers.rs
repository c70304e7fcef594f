//! `import history` on the shapes real exports have, for a user in Jakarta (`TZ`):
//! a UTF-16 Outlook calendar with two series in one slot, one occurrence moved by a
//! RECURRENCE-ID in UTC and a reminder every second; mail folders as notmuch and
//! mbsync leave them (no dots, a lost `new/`, a sender without angle brackets, a
//! folder that is no maildir); a Windows-1252 mbox; LinkedIn's 2018 messages.csv with
//! an unnamed member's and a system row, and a newer one with sponsored mail and a
//! member LinkedIn does not name. Each counted by hand.

use crate::env::{TestEnv, fixtures, one_error_line};
use serde_json::Value;

fn fixture(name: &str) -> String {
    fixtures().join("history").join(name).display().to_string()
}

fn network() -> TestEnv {
    let env = TestEnv::new();
    env.add("Budi Santoso", &["--email", "budi@example.com"]);
    env.add("Citra Dewi", &["--email", "citra@example.com"]);
    env
}

/// `import history ARGS… --json --me ayu@example.com` for a user in Jakarta.
fn import(env: &TestEnv, args: &[&str]) -> Value {
    let out = env
        .cmd()
        .env("TZ", "Asia/Jakarta")
        .args(["--json", "import", "history", "--me", "ayu@example.com", "--me", "Ayu Lestari"])
        .args(args)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).expect("import history --json prints JSON")
}

/// A contact's stored interactions as (day, two-way, they reached out, title).
fn talks(env: &TestEnv, name: &str) -> Vec<(String, bool, bool, String)> {
    let data = env.json();
    let id = env.contact(name)["id"].clone();
    let mut out: Vec<_> = data["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["contacts"].as_array().unwrap().contains(&id))
        .map(|i| {
            let one_way = i["source"]["one_way"].as_bool().unwrap_or(false);
            let reached = i["they_reached_out"].as_bool().unwrap_or(false);
            (i["on"].as_str().unwrap().to_string(), !one_way, reached, i["text"].as_str().unwrap_or("").to_string())
        })
        .collect();
    out.sort();
    out
}

fn days(env: &TestEnv, name: &str) -> Vec<String> {
    talks(env, name).into_iter().map(|t| t.0).collect()
}

/// The one reader of the report: (kind, read, [(why, count)], decoded).
fn reader(r: &Value) -> (String, u64, Vec<(String, u64)>, Option<String>) {
    let readers = r["readers"].as_array().unwrap();
    assert_eq!(readers.len(), 1, "{r}");
    let x = &readers[0];
    let skipped = x["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["why"].as_str().unwrap().to_string(), s["count"].as_u64().unwrap()))
        .collect();
    (x["kind"].as_str().unwrap().into(), x["read"].as_u64().unwrap(), skipped, x["decoded"].as_str().map(Into::into))
}

#[test]
fn a_utf16_calendar_with_a_moved_occurrence_and_a_reminder_every_second() {
    let env = network();
    let r = import(&env, &[&fixture("outlook-utf16.ics")]);
    // Budi's standup keeps all four Mondays; Citra's mentoring moved its second
    // Monday (written in UTC) to Wednesday 06:30 in Jakarta — Tuesday in UTC.
    assert_eq!(days(&env, "Budi Santoso"), ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]);
    let citra = talks(&env, "Citra Dewi");
    let citra_days: Vec<_> = citra.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(citra_days, ["2026-11-02", "2026-11-11", "2026-11-16", "2026-11-23"]);
    assert_eq!(citra[1].3, "Mentoring Citra (early Wednesday)");
    assert_eq!(r["added"], 8);
    let (kind, read, skipped, decoded) = reader(&r);
    assert_eq!((kind.as_str(), read), ("calendar", 4));
    assert_eq!(skipped, [("repeats-more-often-than-daily".to_string(), 1)]);
    assert_eq!(decoded.as_deref(), Some("read as UTF-16"));
    let problems = r["problems"].to_string();
    assert!(problems.contains("water-reminder repeats more often than daily"), "{problems}");
}

#[test]
fn mail_folders_without_dots_or_new_are_read_and_the_rest_named() {
    let env = network();
    let r = import(&env, &["--from", "maildir", &fixture("mail-folders")]);
    // Budi wrote Wednesday 06:30 in Jakarta and Ayu answered 40 minutes later: one
    // conversation on Wednesday (in UTC the two would fall on two days).
    assert_eq!(talks(&env, "Budi Santoso"), [("2026-11-04".into(), true, true, "Coffee on Wednesday?".into())]);
    // Citra's address was written without angle brackets.
    assert_eq!(talks(&env, "Citra Dewi"), [("2026-11-10".into(), false, true, "The report".into())]);
    assert_eq!((r["added"].as_u64(), r["with_unknown_people"].as_u64()), (Some(2), Some(0)));
    let (kind, read, skipped, _) = reader(&r);
    assert_eq!((kind.as_str(), read), ("maildir", 3));
    assert_eq!(skipped, [("not-a-maildir".to_string(), 1)]);
    assert!(r["problems"].to_string().contains("notes"), "the folder left out is named: {r}");

    // Told from the folder itself, each maildir is read and the text file is named.
    let env = network();
    let r = import(&env, &[&fixture("mail-folders")]);
    assert_eq!(r["added"], 2);
    assert_eq!(r["readers"].as_array().unwrap().len(), 3);
    assert!(r["problems"].to_string().contains("todo.txt"));
}

#[test]
fn the_human_report_names_what_was_left_out() {
    let env = network();
    let out = env
        .cmd()
        .env("TZ", "Asia/Jakarta")
        .args(["import", "history", "--me", "ayu@example.com", &fixture("outlook-utf16.ics")])
        .assert()
        .success();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains(
            "outlook-utf16.ics: read 4 events; left out 1: events repeating more often than daily (1); read as UTF-16"
        ),
        "{err}"
    );
}

#[test]
fn a_windows_1252_mbox_is_decoded_and_says_so() {
    let env = network();
    let r = import(&env, &[&fixture("windows-1252.mbox")]);
    let unknown = &r["unknown"][0];
    assert_eq!(unknown["name"], "José Müller");
    assert_eq!(unknown["email"], "jose@example.com");
    let (kind, read, skipped, decoded) = reader(&r);
    assert_eq!((kind.as_str(), read, skipped.len()), ("mbox", 2, 0));
    assert_eq!(decoded.as_deref(), Some("2 messages' headers read as Windows-1252"));
}

#[test]
fn linkedins_2018_layout_with_its_own_rows_and_an_unnamed_member() {
    let env = network();
    let r = import(&env, &[&fixture("messages-2018.csv")]);
    // Budi wrote at 23:30 UTC on 3 April (4 April in Jakarta), Ayu answered on the 4th.
    assert_eq!(talks(&env, "Budi Santoso"), [("2018-04-04".into(), true, true, "Coffee".into())]);
    let unknown: Vec<&str> = r["unknown"].as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert_eq!(unknown, ["Sari Wijaya"], "never LinkedIn Member, never a person without a name");
    let (kind, read, skipped, _) = reader(&r);
    assert_eq!((kind.as_str(), read), ("linkedin-messages", 5));
    // "LinkedIn Member" in the inbox, with nothing to say it is sponsored: a person
    // LinkedIn does not name.
    assert_eq!(skipped, [("unnamed-member".to_string(), 1), ("linkedin-notice".to_string(), 1)]);
    let text = String::from_utf8(env.bytes().unwrap()).unwrap();
    assert!(!text.contains("Sari") && !text.contains("secret"), "no unknown name or text is stored");
}

#[test]
fn a_member_linkedin_does_not_name_is_counted_apart_from_sponsored_mail() {
    let env = network();
    let r = import(&env, &[&fixture("messages-unnamed.csv")]);
    // By hand: Budi and Ayu on the 6th; in the alumni conversation a "LinkedIn Member"
    // wrote first, then Citra and Ayu: still their two-way conversation, which Citra
    // opened of the people who count.
    assert_eq!(talks(&env, "Budi Santoso"), [("2026-10-06".into(), true, true, String::new())]);
    assert_eq!(talks(&env, "Citra Dewi"), [("2026-10-08".into(), true, true, String::new())]);
    assert_eq!(r["added"], 2);
    let (kind, read, skipped, _) = reader(&r);
    assert_eq!((kind.as_str(), read), ("linkedin-messages", 9));
    assert_eq!(skipped, [("unnamed-member".to_string(), 2), ("sponsored".to_string(), 3)]);
    assert_eq!(r["unknown"], serde_json::json!([]), "no member, no sponsor is an unknown person");
    for (lang, end) in [
        ("en", "; left out 5: messages from a member LinkedIn does not name (2), sponsored messages (3)"),
        ("id", "; 5 dilewati: pesan dari anggota yang namanya tidak ditampilkan LinkedIn (2), pesan bersponsor (3)"),
    ] {
        let out = env
            .cmd()
            .env("TZ", "Asia/Jakarta")
            .args(["--lang", lang, "import", "history", "--dry-run", "--me", "ayu@example.com"])
            .arg(fixture("messages-unnamed.csv"))
            .assert()
            .success();
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(err.lines().last().unwrap().ends_with(end), "{lang}: {err}");
    }
}

#[test]
fn files_in_a_folder_that_are_no_export_are_counted_apart() {
    // LinkedIn's export unzipped: messages.csv beside the other files it holds.
    let folder = fixture("linkedin-export");
    let r = import(&network(), &["--dry-run", &folder]);
    assert_eq!(r["added"], 1, "Budi's conversation: {r}");
    assert_eq!((r["left_out"].as_u64(), r["left_out_files"].as_u64()), (Some(3), Some(3)), "{r}");
    assert_eq!(r["left_out_folders"], 0);
    let problems = r["problems"].to_string();
    for name in ["Connections.csv", "Invitations.csv", "Profile.csv"] {
        assert!(problems.contains(name), "{name} is named: {problems}");
    }
    for (lang, end) in [("en", "; skipped 3 files that are no export"), ("id", "; 3 berkas yang bukan ekspor dilewati")]
    {
        let out = env_import(lang, &folder);
        assert!(out.lines().last().unwrap().ends_with(end), "{lang}: {out}");
    }
    // One file: one, in the singular.
    let dir = tempfile::tempdir().unwrap();
    for name in ["messages.csv", "Profile.csv"] {
        std::fs::copy(format!("{folder}/{name}"), dir.path().join(name)).unwrap();
    }
    let out = env_import("en", &dir.path().display().to_string());
    assert!(out.lines().last().unwrap().ends_with("; skipped 1 file that is no export"), "{out}");
}

/// The human report's stderr of a dry run on `path`, in `lang`.
fn env_import(lang: &str, path: &str) -> String {
    let out = network()
        .cmd()
        .env("TZ", "Asia/Jakarta")
        .args(["--lang", lang, "import", "history", "--dry-run", "--me", "ayu@example.com", path])
        .assert()
        .success();
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

#[test]
fn a_folder_of_itip_messages_keeps_each_events_latest_version() {
    // The lunch moved to Friday in a later message; the dinner was cancelled in a
    // message that sorts before its invitation.
    let env = network();
    let r = import(&env, &[&fixture("itip")]);
    assert_eq!(talks(&env, "Budi Santoso"), [("2026-11-13".into(), true, true, "Lunch (Friday)".into())]);
    assert_eq!(r["added"], 1);
}

#[test]
fn from_maildir_on_a_folder_that_holds_none_is_one_clear_line() {
    let env = network();
    let before = env.snapshot();
    let err = env.fails(&["import", "history", "--from", "maildir", &fixture("itip")], 1);
    let line = one_error_line(&err);
    assert!(line.contains("holds none (no folder with cur/ or new/); nothing was imported"), "{line}");
    before.assert_unchanged();
}

#[test]
fn mail_whose_headers_pass_the_bound_is_skipped_and_named_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let budi = "From: Budi Santoso <budi@example.com>\nTo: ayu@example.com\nSubject: Coffee\n\
                Date: Wed, 4 Nov 2026 06:30:00 +0700\n\n";
    let huge = format!(
        "From: Citra Dewi <citra@example.com>\nX-Long: {}\nDate: Tue, 10 Nov 2026 09:00:00 +0700\n\nhi\n",
        "a".repeat(300 << 10)
    );
    let maildir = dir.path().join("Mail");
    std::fs::create_dir_all(maildir.join("cur")).unwrap();
    std::fs::write(maildir.join("cur/1"), format!("{budi}{}\n", "a large body ".repeat(100_000))).unwrap();
    std::fs::write(maildir.join("cur/2"), &huge).unwrap();
    let env = network();
    let r = import(&env, &["--from", "maildir", &maildir.display().to_string()]);
    assert_eq!(days(&env, "Budi Santoso"), ["2026-11-04"], "a large body is no obstacle");
    assert!(days(&env, "Citra Dewi").is_empty());
    let (kind, read, skipped, _) = reader(&r);
    assert_eq!((kind.as_str(), read), ("maildir", 2));
    assert_eq!(skipped, [("headers-too-large".to_string(), 1)]);
    let problems = r["problems"].to_string();
    assert!(problems.contains("cur/2") && problems.contains("headers are larger than 256 KiB"), "{problems}");
    // The same two in an mbox, in Indonesian words.
    let mbox = dir.path().join("all.mbox");
    let from = "From x@x Wed Nov 04 06:30:00 2026\n";
    std::fs::write(&mbox, format!("{from}{budi}body\n{from}{huge}")).unwrap();
    let env = network();
    let out = env
        .cmd()
        .env("TZ", "Asia/Jakarta")
        .args(["--lang", "id", "import", "history", "--me", "ayu@example.com", &mbox.display().to_string()])
        .assert()
        .success();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("baris 8: dilewati: pesan yang kepalanya lebih dari 256 KiB"), "{err}");
    assert_eq!(days(&env, "Budi Santoso"), ["2026-11-04"]);
}

#[test]
fn the_summary_adds_up_the_per_file_lines_in_their_words() {
    let env = network();
    let files = [fixture("takeout.mbox"), fixture("messages.csv"), fixture("outlook-utf16.ics")];
    for (lang, left) in [("en", "left out"), ("id", "dilewati")] {
        let out = env
            .cmd()
            .env("TZ", "Asia/Jakarta")
            .args(["--lang", lang, "import", "history", "--dry-run", "--me", "ayu@example.com"])
            .args(&files)
            .assert()
            .success();
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        let summary = err.lines().last().unwrap();
        // Each per-file line's "left out N: reason (n), …", added up by reason.
        let mut total = 0;
        let mut by_reason: Vec<(String, usize)> = Vec::new();
        let per_file = err.lines().filter(|l| !l.starts_with("warning") && !l.starts_with("peringatan"));
        for l in per_file.filter(|l| l.contains(".mbox:") || l.contains(".csv:") || l.contains(".ics:")) {
            let Some(rest) = l.split("; ").find(|p| p.contains(left)) else { continue };
            let (head, reasons) = rest.split_once(": ").unwrap();
            total += head.split_whitespace().find_map(|w| w.parse::<usize>().ok()).unwrap();
            for r in reasons.split("), ") {
                let (words, n) = r.trim_end_matches(')').rsplit_once(" (").unwrap();
                let n: usize = n.parse().unwrap();
                match by_reason.iter_mut().find(|(w, _)| w == words) {
                    Some((_, m)) => *m += n,
                    None => by_reason.push((words.to_string(), n)),
                }
            }
        }
        assert_eq!(total, 6, "{lang}: {err}");
        let why: Vec<String> = by_reason.iter().map(|(w, n)| format!("{w} ({n})")).collect();
        let expected = match lang {
            "en" => format!("; left out {total}: {}", why.join(", ")),
            _ => format!("; {total} dilewati: {}", why.join(", ")),
        };
        assert!(summary.ends_with(&expected), "{lang}: {summary}\nexpected the end: {expected}");
        assert!(!summary.contains("ignored") && !summary.contains("diabaikan"), "{summary}");
    }
    let r = import(&env, &files.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(r["left_out"], 6);
}

#[test]
fn folders_left_out_are_counted_apart_from_messages() {
    // A maildir with Budi's message, a mailing list's, and a folder of notes in it.
    let dir = tempfile::tempdir().unwrap();
    let mail = dir.path().join("Mail");
    std::fs::create_dir_all(mail.join("cur")).unwrap();
    std::fs::create_dir_all(mail.join("notes")).unwrap();
    std::fs::write(mail.join("notes/todo.txt"), "call Budi\n").unwrap();
    let head = "To: ayu@example.com\nDate: Wed, 4 Nov 2026 06:30:00 +0700\n";
    std::fs::write(mail.join("cur/1"), format!("From: Budi <budi@example.com>\n{head}\nhi\n")).unwrap();
    let list = format!("From: News <news@example.com>\nList-Id: <news.example.com>\n{head}\nnews\n");
    std::fs::write(mail.join("cur/2"), list).unwrap();
    let shown = mail.display().to_string();
    for (lang, per_file, end) in [
        (
            "en",
            ": read 2 messages; left out 1: mailing lists, bulk mail and robots (1); skipped 1 folder that is no maildir",
            "; left out 1: mailing lists, bulk mail and robots (1); skipped 1 folder that is no maildir",
        ),
        (
            "id",
            ": 2 pesan dibaca; 1 dilewati: milis, surat massal, dan robot (1); 1 folder yang bukan maildir dilewati",
            "; 1 dilewati: milis, surat massal, dan robot (1); 1 folder yang bukan maildir dilewati",
        ),
    ] {
        let env = network();
        let out = env
            .cmd()
            .env("TZ", "Asia/Jakarta")
            .args(["--lang", lang, "import", "history", "--dry-run", "--me", "ayu@example.com", &shown])
            .assert()
            .success();
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(err.contains(&format!("{shown}{per_file}\n")), "{lang}: {err}");
        let summary = err.lines().last().unwrap();
        assert!(summary.ends_with(end), "{lang}: {summary}");
    }
    // --json keeps `left_out` as everything left out, and says how many are folders.
    let r = import(&network(), &["--dry-run", &shown]);
    assert_eq!((r["left_out"].as_u64(), r["left_out_folders"].as_u64()), (Some(2), Some(1)), "{r}");
}
