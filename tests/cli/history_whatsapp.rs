//! `import history` on WhatsApp chats of the shapes people really have
//! (`tests/fixtures/whatsapp/`): iOS's `_chat.txt` where only you wrote, a Spanish iOS
//! group, a later export that overlaps an earlier one, an earlier version's keys, and
//! numbers wrapped in iOS's invisible marks. Each count is what a person would count.

use crate::env::{TestEnv, fixtures};
use serde_json::Value;

fn fixture(name: &str) -> std::path::PathBuf {
    fixtures().join("whatsapp").join(name)
}

fn import(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["--json", "import", "history", "--me", "Ayu Lestari"];
    all.extend_from_slice(args);
    let (out, _) = env.ok(&all);
    serde_json::from_str(&out).expect("import history --json prints JSON")
}

fn added(v: &Value) -> (u64, u64) {
    (v["added"].as_u64().unwrap(), v["already_known"].as_u64().unwrap())
}

/// A contact's WhatsApp days as (day, two-way, they reached out).
fn talks(env: &TestEnv, name: &str) -> Vec<(String, bool, bool)> {
    let id = env.contact(name)["id"].clone();
    let mut out: Vec<_> = env.json()["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["contacts"].as_array().unwrap().contains(&id))
        .map(|i| {
            let on = i["on"].as_str().unwrap().to_string();
            (on, i["source"]["one_way"] != Value::Bool(true), i["they_reached_out"] == Value::Bool(true))
        })
        .collect();
    out.sort();
    out
}

fn keys(env: &TestEnv) -> Vec<String> {
    let data = env.json();
    data["interactions"].as_array().unwrap().iter().map(|i| i["source"]["key"].as_str().unwrap().to_string()).collect()
}

#[test]
fn an_unanswered_chat_from_ios_logs_the_days_you_wrote() {
    let env = TestEnv::new();
    env.add("Pak Hendra", &["--phone", "0812 3456 7890"]);
    // iOS names the text inside the zip `_chat.txt`; unzipped, its folder names the chat.
    let folder = env.home().join("WhatsApp Chat - Pak Hendra");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(fixture("ios-unanswered-_chat.txt"), folder.join("_chat.txt")).unwrap();
    let r = import(&env, &[folder.join("_chat.txt").to_str().unwrap()]);
    // By hand: Ayu wrote on 14 Nov, 17 Nov and 2 Dec; Pak Hendra never answered, and
    // the notices iOS wrote under his number are not him writing.
    assert_eq!(added(&r), (3, 0));
    let wrote = |on: &str| (on.to_string(), false, false);
    assert_eq!(talks(&env, "Pak Hendra"), [wrote("2026-11-14"), wrote("2026-11-17"), wrote("2026-12-02")]);
}

#[test]
fn a_group_logs_its_members_and_never_its_name_nor_an_unknown_person() {
    let env = TestEnv::new();
    env.add("Budi", &[]);
    let r = import(&env, &[fixture("ios-group-es.txt").to_str().unwrap()]);
    // By hand: Budi wrote on 3 and 4 January (Ayu only on the 3rd; the new number
    // opened the 4th); the group's name is nobody.
    assert_eq!(added(&r), (2, 0));
    assert_eq!(talks(&env, "Budi"), [("2025-01-03".into(), true, true), ("2025-01-04".into(), false, true)]);
    let unknown = r["unknown"].to_string();
    assert!(unknown.contains("+62 811 1111 2222") && !unknown.contains("Familia"), "{unknown}");
    let text = String::from_utf8(env.bytes().unwrap()).unwrap();
    // The unknown number in any spelling: "811" alone also turns up by chance in ids.
    for never in ["Familia", "1111 2222", "11112222", "Siti"] {
        assert!(!text.contains(never), "{never} is stored");
    }
}

#[test]
fn a_later_overlapping_export_adds_only_its_new_days() {
    let env = TestEnv::new();
    env.add("Budi Santoso", &[]);
    let early = "[21/11/26 09.00.00] Budi Santoso: \u{200e}Messages and calls are end-to-end encrypted.\n\
                 [21/11/26 09.01.00] Ayu Lestari: halo\n[22/11/26 09.00.00] Joko Susilo: hai\n";
    let later = format!("{early}[22/11/26 10.00.00] Budi Santoso: ada\n[23/11/26 10.00.00] Siti Wulan: oke\n");
    let first = env.home().join("_chat.txt");
    std::fs::write(&first, early).unwrap();
    // An unknown Joko in a chat with Budi: a group; Budi never wrote in the first one.
    assert_eq!(added(&import(&env, &[first.to_str().unwrap()])), (0, 0));
    let second = env.home().join("WhatsApp Chat - Alumni.txt");
    std::fs::write(&second, &later).unwrap();
    let r = import(&env, &[second.to_str().unwrap()]);
    assert_eq!(added(&r), (1, 0), "22 Nov: Budi wrote");
    // A third export with one more writer adds nothing again.
    std::fs::write(&second, format!("{later}[23/11/26 11.00.00] Rina: x\n")).unwrap();
    assert_eq!(added(&import(&env, &[second.to_str().unwrap()])), (0, 1));
    let text = String::from_utf8(env.bytes().unwrap()).unwrap();
    assert!(!text.contains("Joko") && !text.contains("Siti") && !text.contains("Alumni"));
}

#[test]
fn an_earlier_versions_keys_are_taken_as_known_and_given_the_new_key() {
    let env = TestEnv::new();
    env.add("Dimas Pratama", &[]);
    let chat = env.home().join("WhatsApp Chat with Dimas Pratama.txt");
    std::fs::write(&chat, "14/11/26 09.00 - Dimas Pratama: halo\n14/11/26 09.05 - Joko: hai\n15/11/26 10.00 - Ayu Lestari: ya\n15/11/26 10.01 - Dimas Pratama: ok\n")
        .unwrap();
    assert_eq!(added(&import(&env, &[chat.to_str().unwrap()])), (2, 0));
    // What an earlier version stored: the chat named by the file, or by its writers.
    let mut data = env.json();
    for (i, old) in ["Dimas Pratama/2026-11-14", "Ayu Lestari, Dimas Pratama, Joko/2026-11-15"].iter().enumerate() {
        data["interactions"][i]["source"]["key"] = Value::String(old.to_string());
    }
    env.write_data(serde_json::to_vec(&data).unwrap());
    let r = import(&env, &[chat.to_str().unwrap()]);
    assert_eq!(added(&r), (0, 2));
    assert!(keys(&env).iter().all(|k| k.starts_with("group:") && !k.contains("Joko")), "{:?}", keys(&env));
}

#[test]
fn numbers_in_invisible_marks_match_the_contact_and_are_added_clean() {
    let env = TestEnv::new();
    env.add("Budi", &["--phone", "+62 812 1111 2222"]);
    let chat = env.home().join("_chat.txt");
    let text = "[14/11/26 21.41.05] Arisan: \u{200e}Budi created group \u{201c}Arisan\u{201d}\n\
                [14/11/26 21.42.00] \u{202a}+62 812\u{2011}1111\u{2011}2222\u{202c}: halo\n\
                [14/11/26 21.43.00] \u{202a}+62 811\u{a0}3333\u{a0}4444\u{202c}: hai\n\
                [14/11/26 21.44.00] Ayu Lestari: hai semua\n";
    std::fs::write(&chat, text).unwrap();
    let r = import(&env, &["--add-unknown", chat.to_str().unwrap()]);
    assert_eq!(added(&r), (1, 0));
    assert_eq!(talks(&env, "Budi"), [("2026-11-14".into(), true, true)]);
    assert_eq!(r["contacts_added"], serde_json::json!(["+62 811 3333 4444"]));
    let invisible =
        |s: &str| s.chars().any(|c| matches!(c, '\u{200e}' | '\u{202a}'..='\u{202e}' | '\u{a0}' | '\u{2011}'));
    for c in env.contacts() {
        assert!(!invisible(c["name"].as_str().unwrap()), "{c}");
        assert!(c["phones"].as_array().unwrap().iter().all(|p| !invisible(p.as_str().unwrap())), "{c}");
    }
}

#[test]
fn an_ambiguous_day_month_order_is_asked_for_and_a_refused_layout_named() {
    let env = TestEnv::new();
    env.add("Budi", &[]);
    let chat = fixture("ambiguous-order.txt");
    let (_, err) = env.ok(&["import", "history", "--me", "Ayu Lestari", chat.to_str().unwrap()]);
    assert!(err.contains("ambiguous-order.txt: line 1: skipped:") && err.contains("--date-order"), "{err}");
    assert_eq!(env.json()["interactions"].as_array().map_or(0, Vec::len), 0);
    let r = import(&env, &["--date-order", "mdy", chat.to_str().unwrap()]);
    assert_eq!(added(&r), (2, 0));
    assert_eq!(talks(&env, "Budi"), [("2024-01-02".into(), true, true), ("2024-01-05".into(), false, false)]);
    let vi = fixture("ios-vi-time-first.txt");
    let (_, err) = env.ok(&["import", "history", "--me", "Ayu Lestari", vi.to_str().unwrap()]);
    assert!(err.contains("the time before the date"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_link_back_up_a_folder_of_chats_is_read_once() {
    let env = TestEnv::new();
    env.add("Pak Hendra", &["--phone", "0812 3456 7890"]);
    let folder = env.home().join("WhatsApp Chat - Pak Hendra");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(fixture("ios-unanswered-_chat.txt"), folder.join("_chat.txt")).unwrap();
    // A link to the folder itself: followed round, the walk would never end.
    std::os::unix::fs::symlink(&folder, folder.join("again")).unwrap();
    let r = import(&env, &[folder.to_str().unwrap()]);
    assert_eq!(added(&r), (3, 0), "the chat's three days, once");
}

#[test]
fn an_empty_folder_inside_a_folder_of_chats_does_not_stop_the_import() {
    let env = TestEnv::new();
    env.add("Pak Hendra", &["--phone", "0812 3456 7890"]);
    let folder = env.home().join("WhatsApp Chat - Pak Hendra");
    // Sorted before the chat: an empty folder, as an unzipped export may leave one.
    std::fs::create_dir_all(folder.join("Media")).unwrap();
    std::fs::copy(fixture("ios-unanswered-_chat.txt"), folder.join("_chat.txt")).unwrap();
    let r = import(&env, &[folder.to_str().unwrap()]);
    assert_eq!(added(&r), (3, 0));
    // The folder named holding nothing still stops it, in one clear line.
    let err = env.fails(&["import", "history", folder.join("Media").to_str().unwrap()], 1);
    assert!(err.contains("holds no calendar, mailbox or chat export; nothing was imported"), "{err}");
}

#[test]
fn a_chat_falls_on_the_local_day_it_was_written_as_mail_does() {
    // The export writes the phone's own clock: 23:30 is still Saturday, 00:30 Sunday,
    // in Jakarta, as mail written at the same instants is.
    let env = TestEnv::new();
    env.add("Budi Santoso", &["--email", "budi@example.com"]);
    let chat = env.home().join("WhatsApp Chat with Budi Santoso.txt");
    std::fs::write(
        &chat,
        "21/11/26 23.30 - Budi Santoso: masih bangun?\n21/11/26 23.31 - Ayu Lestari: iya\n\
         22/11/26 00.30 - Budi Santoso: oke besok ya\n22/11/26 00.31 - Ayu Lestari: sip\n",
    )
    .unwrap();
    let mbox = env.home().join("mail.mbox");
    let mail = |subject: &str, date: &str| {
        format!(
            "From x Sat Nov 21 16:30:00 2026\nFrom: Budi Santoso <budi@example.com>\nTo: ayu@example.com\nSubject: {subject}\nDate: {date}\nMessage-ID: <{subject}@x>\n\nx\n"
        )
    };
    let text = mail("Malam", "Sat, 21 Nov 2026 23:40:00 +0700") + &mail("Pagi", "Sun, 22 Nov 2026 00:40:00 +0700");
    std::fs::write(&mbox, text).unwrap();
    env.cmd()
        .env("TZ", "Asia/Jakarta")
        .args(["import", "history", "--me", "Ayu Lestari", "--me", "ayu@example.com"])
        .arg(&chat)
        .arg(&mbox)
        .assert()
        .success();
    let (show, _) = env.ok(&["show", "Budi Santoso"]);
    let lines: Vec<&str> = show.lines().filter(|l| l.contains("imported from")).map(str::trim).collect();
    let day_kind: Vec<String> =
        lines.iter().map(|l| l.split_whitespace().take(2).collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(
        day_kind,
        ["2026-11-22 email", "2026-11-22 message", "2026-11-21 email", "2026-11-21 message"],
        "{show}"
    );
    // The review of the week from the 22nd counts Sunday's two, not Saturday's.
    let (review, _) = env.ok(&["review"]);
    assert!(review.contains("2 interactions (2 imported rather than logged) with 1 person"), "{review}");
}

#[test]
fn a_line_dated_a_day_that_does_not_exist_is_counted_among_those_left_out() {
    let env = TestEnv::new();
    env.add("Budi Santoso", &[]);
    let chat = env.home().join("WhatsApp Chat with Budi Santoso.txt");
    std::fs::write(
        &chat,
        "30/01/24 09.00 - Budi Santoso: halo\n31/02/24 09.00 - Budi Santoso: ada?\n\
         01/03/24 09.00 - Ayu Lestari: ada\n",
    )
    .unwrap();
    let r = import(&env, &["--dry-run", chat.to_str().unwrap()]);
    assert_eq!(added(&r), (2, 0));
    assert_eq!(r["left_out"], 1, "{r}");
    assert_eq!(r["readers"][0]["skipped"], serde_json::json!([{"why": "no-such-day", "count": 1}]));
    let (_, err) = env.ok(&["import", "history", "--dry-run", "--me", "Ayu Lestari", chat.to_str().unwrap()]);
    assert!(err.contains("line 2: skipped: a message dated 2024-02-31, a day that does not exist"), "{err}");
    assert!(err.contains("; left out 1: messages dated a day that does not exist (1)"), "{err}");
}

#[test]
fn a_date_order_the_chat_contradicts_refuses_that_chat_and_says_why() {
    let env = TestEnv::new();
    env.add("Budi", &[]);
    let chat = fixture("android-month-first.txt");
    let path = chat.to_str().unwrap();
    let r = import(&env, &["--date-order", "dmy", path]);
    assert_eq!(added(&r), (0, 0), "nothing from the chat: {r}");
    assert_eq!(r["readers"][0]["skipped"], serde_json::json!([{"why": "contradicted-date-order", "count": 1}]));
    assert_eq!(r["left_out"], 1, "{r}");
    assert_eq!(env.json()["interactions"].as_array().map_or(0, Vec::len), 0);
    for (lang, said) in [
        (
            "en",
            "android-month-first.txt: line 4: skipped: this chat writes month/day (1/13/2024 on this line), not day/month as --date-order dmy says; nothing from it was imported; run again without --date-order, or with --date-order mdy",
        ),
        (
            "id",
            "android-month-first.txt: baris 4: dilewati: obrolan ini menulis bulan/hari (1/13/2024 di baris ini), bukan hari/bulan seperti kata --date-order dmy; tidak ada yang diimpor darinya; jalankan lagi tanpa --date-order, atau dengan --date-order mdy",
        ),
    ] {
        let (_, err) =
            env.ok(&["--lang", lang, "import", "history", "--me", "Ayu Lestari", "--date-order", "dmy", path]);
        assert!(err.contains(said), "{lang}: {err}");
    }
    // Asked for the order the chat shows, it is read as without the flag.
    let r = import(&env, &["--date-order", "mdy", path]);
    assert_eq!(added(&r), (3, 0));
    assert_eq!(
        talks(&env, "Budi"),
        [("2024-01-02".into(), false, true), ("2024-01-05".into(), false, false), ("2024-01-13".into(), false, true)]
    );
}

#[test]
fn a_skipped_line_does_not_say_who_you_are() {
    // Ayu's only line is dated 31/02: skipped, so the chat does not say she is you.
    let env = TestEnv::new();
    env.add("Budi Santoso", &[]);
    let chat = env.home().join("WhatsApp Chat with Budi Santoso.txt");
    std::fs::copy(fixture("android-no-such-day.txt"), &chat).unwrap();
    let before = env.snapshot();
    let err = env.fails(&["import", "history", chat.to_str().unwrap()], 2);
    assert!(err.contains("cannot tell which of the people in the export is you"), "{err}");
    before.assert_unchanged();
    // Told, Budi's two days are his alone: "they wrote".
    let r = import(&env, &[chat.to_str().unwrap()]);
    assert_eq!(added(&r), (2, 0));
    assert_eq!(talks(&env, "Budi Santoso"), [("2024-01-30".into(), false, true), ("2024-03-01".into(), false, true)]);
}
