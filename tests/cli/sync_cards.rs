//! What a sync does to the phone's cards, against real Radicale and Xandikos: the card
//! corpus (tests/fixtures/sync-cards: Apple, Google, Android, Outlook, Evolution, 2.1,
//! 4.0, BDAY before VERSION, one number under five TYPEs, SOURCE, KEY, LOGO, PHOTO)
//! written by the "phone", synced, then note and stage edited here and synced again:
//! every line jejaring does not own comes back byte for byte. Radicale rewrites cards
//! itself, so its check compares what the server gave jejaring with what it holds
//! after jejaring's write; Xandikos stores the bytes it is sent, so its check compares
//! with the phone's own card. Also: escape codes in a card never reach the data file.

use crate::env::TestEnv;
use crate::radicale::{Kind, PASSWORD, Server, USER, servers};

const CORPUS: &[&str] = &[
    "apple.vcf",
    "google.vcf",
    "android.vcf",
    "outlook.vcf",
    "evolution.vcf",
    "bday-first.vcf",
    "five-types.vcf",
    "source-key-logo.vcf",
    "v4.vcf",
    "jejaring.vcf",
];

fn corpus(name: &str) -> String {
    let path = crate::env::fixtures().join("sync-cards").join(name);
    String::from_utf8(std::fs::read(path).unwrap()).unwrap()
}

fn run(env: &TestEnv, args: &[&str]) -> (String, String) {
    let out = env.std_command().env("JEJARING_SYNC_PASSWORD", PASSWORD).args(args).output().unwrap();
    let (so, se) =
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned());
    assert!(out.status.success(), "{args:?} failed\nstdout: {so}\nstderr: {se}");
    (so, se)
}

/// A card's logical lines as sent: a line with its folded lines and, for a
/// quoted-printable value, the lines its soft breaks join.
fn lines(card: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut soft = false;
    for l in card.split_inclusive('\n') {
        let joins = l.starts_with([' ', '\t']) || soft;
        match out.last_mut() {
            Some(last) if joins => last.push_str(l),
            _ => out.push(l.to_string()),
        }
        let head = out.last().map(|s| s.split(':').next().unwrap_or_default().to_ascii_uppercase()).unwrap_or_default();
        soft = head.contains("QUOTED-PRINTABLE") && l.trim_end().ends_with('=');
    }
    out
}

/// The lines of a card that are not its NOTE or jejaring's own `X-JEJARING-*` (what
/// the edit owns: the stage changed, and the circle travels once jejaring writes).
fn not_owned(card: &str) -> Vec<String> {
    lines(card)
        .into_iter()
        .filter(|l| {
            let name = l.split([';', ':']).next().unwrap_or_default().rsplit('.').next().unwrap_or_default();
            !name.eq_ignore_ascii_case("NOTE") && !name.to_ascii_uppercase().starts_with("X-JEJARING-")
        })
        .collect()
}

fn get(server: &Server, file: &str) -> String {
    let (status, body) = server.request("GET", &format!("{}{file}", server.collection_path("contacts")), &[], "");
    assert_eq!(status, 200, "GET {file}: {body}");
    body
}

fn setup(kind: Kind) -> (Server, TestEnv) {
    let server = Server::of(kind);
    server.make_book();
    let env = TestEnv::new();
    run(&env, &["sync", "setup", &server.root(), "--user", USER]);
    (server, env)
}

#[test]
fn an_edit_here_changes_only_jejarings_lines_on_every_card_of_the_corpus() {
    for kind in servers() {
        let (server, env) = setup(kind);
        for file in CORPUS {
            server.put_card(file, &corpus(file));
        }
        run(&env, &["sync"]);
        assert_eq!(env.contacts().len(), CORPUS.len(), "{kind:?}: every card is a person");
        let fetched: Vec<String> = CORPUS.iter().map(|f| get(&server, f)).collect();
        if kind == Kind::Xandikos {
            // Xandikos stores what it is sent: the first sync wrote nothing.
            for (file, got) in CORPUS.iter().zip(&fetched) {
                assert_eq!(*got, corpus(file), "{file}");
            }
        }
        for c in env.contacts() {
            let name = c["name"].as_str().unwrap().to_string();
            run(&env, &["edit", &name, "--note", "Asked for the deck; send it, then call.", "--stage", "trusted"]);
        }
        let (_, stderr) = run(&env, &["sync"]);
        assert!(stderr.contains(&format!("{} pushed", CORPUS.len())), "{kind:?}: {stderr}");
        for (file, before) in CORPUS.iter().zip(&fetched) {
            let after = get(&server, file);
            assert_eq!(not_owned(before), not_owned(&after), "{kind:?} {file}:\n{after}");
            assert!(after.contains("X-JEJARING-STAGE:trusted"), "{kind:?} {file}:\n{after}");
            assert!(after.contains("Asked for the deck"), "{kind:?} {file}:\n{after}");
        }
        // The data file read each card as the phone wrote it.
        let rina = env.contacts().into_iter().find(|c| c["name"] == "Rina Hartono").unwrap();
        assert_eq!(rina["birthday"], "1985-12-24", "{kind:?}: BDAY before VERSION keeps its day");
        // A sync after that sends nothing.
        let (_, stderr) = run(&env, &["sync"]);
        assert!(stderr.contains("0 pushed"), "{kind:?}: {stderr}");
    }
}

#[test]
fn escape_codes_in_a_card_never_reach_the_data_file() {
    for kind in servers() {
        let (server, env) = setup(kind);
        let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:esc-1\r\nFN:Budi Santoso\r\nORG:Go\u{1b}[31mjek\r\n\
                    X-JEJARING-CIRCLE:friend\u{1b}]52;c;ZXZpbA==\u{7}\r\nX-JEJARING-STAGE:trusted\u{200b}\r\n\
                    NOTE:ok\u{e0041}\r\nEND:VCARD\r\n";
        server.put_card("esc.vcf", card);
        let (_, stderr) = run(&env, &["sync"]);
        let text = std::fs::read_to_string(&env.data).unwrap();
        for bad in ["\u{1b}", "\\u001b", "\u{7}", "\u{200b}", "\u{e0041}"] {
            assert!(!text.contains(bad), "{kind:?}: {bad:?} reached the data file\n{stderr}");
        }
        let budi = env.contact("Budi Santoso");
        assert_eq!(budi["stage"], "acquaintance", "{kind:?}: a stage with a hidden character is no stage");
    }
}

/// A data file whose contact carries an OSC 52 clipboard write in its circle and a
/// title change in its note and a screen clear in its name, as a hand edit or an older sync could leave them.
fn with_escapes() -> TestEnv {
    let env = TestEnv::new();
    env.add("Budi Santoso", &[]);
    let mut json = env.json();
    json["contacts"][0]["circle"] = "friend\u{1b}]52;c;ZXZpbA==\u{7}".into();
    json["contacts"][0]["note"] = "hi\u{1b}]0;pwned\u{7}".into();
    json["contacts"][0]["name"] = "Budi\u{1b}[2J Santoso".into();
    json["contacts"][0]["every"] = "30d".into();
    env.write_data(serde_json::to_vec_pretty(&json).unwrap());
    env
}

#[test]
fn export_to_a_terminal_shows_escape_codes_and_to_a_pipe_writes_exact_bytes() {
    use expectrl::{Eof, Expect};
    let env = with_escapes();
    for format in ["vcard", "csv", "ics", "json"] {
        let mut s = crate::pty::spawn(&env, &["export", format]);
        let seen = s.expect(Eof).expect("the program ends");
        let seen = String::from_utf8_lossy(seen.as_bytes()).into_owned();
        assert!(!seen.contains('\u{1b}') && !seen.contains('\u{7}'), "{format} on a terminal: {seen:?}");
        let visible = match format {
            "json" => seen.contains("\\u001b]0;pwned"),
            "ics" => seen.contains("Budi␛[2J Santoso"),
            _ => seen.contains("␛]0;pwned") || seen.contains("␛]0\\;pwned"),
        };
        assert!(visible, "{format}: the value is shown, made visible: {seen:?}");
    }
    // To a pipe: the exact bytes, escape and all (the file is what it is).
    let (out, _) = env.ok(&["export", "vcard"]);
    assert!(out.contains("friend\u{1b}]52"), "{out:?}");
    assert!(out.contains("\r\n"), "vCard lines end in CRLF in a pipe");
}

// The data file and what lies beside it: owner-only, whatever was there before.

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn a_data_file_restored_with_a_loose_mode_is_owner_only_after_the_next_save_and_so_are_its_backups() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.add("Ayu Lestari", &[]);
    // A restore through the shell: `jejaring export json > jejaring.json` makes 0644.
    let (json, _) = env.ok(&["export", "json"]);
    env.write_data(json);
    std::fs::set_permissions(&env.data, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.ok(&["edit", "Ayu Lestari", "--org", "Gojek"]);
    assert_eq!(mode(&env.data), 0o600, "the data file");
    let backups: Vec<_> = std::fs::read_dir(env.backups()).unwrap().flatten().map(|e| e.path()).collect();
    assert!(!backups.is_empty());
    for b in backups {
        assert_eq!(mode(&b), 0o600, "{}", b.display());
    }
}

#[cfg(unix)]
#[test]
fn a_hard_link_or_symlink_at_the_lock_path_never_has_its_targets_mode_changed() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.add("Ayu Lestari", &[]);
    let lock = env.data.with_file_name(format!("{}.lock", env.data.file_name().unwrap().to_string_lossy()));
    assert!(lock.exists(), "the lock file sits beside the data file: {}", lock.display());
    let victim = env.home().join("shared-notes.txt");
    std::fs::write(&victim, "readable by the team").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::remove_file(&lock).unwrap();
    std::fs::hard_link(&victim, &lock).unwrap();
    env.ok(&["edit", "Ayu Lestari", "--org", "Gojek"]);
    env.ok(&["list"]);
    assert_eq!(mode(&victim), 0o644, "a hard link's target keeps its mode");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "readable by the team");
    // A symbolic link is never followed: the command says so and changes nothing.
    std::fs::remove_file(&lock).unwrap();
    std::os::unix::fs::symlink(&victim, &lock).unwrap();
    let out = env.std_command().args(["edit", "Ayu Lestari", "--org", "Tokopedia"]).output().unwrap();
    assert!(!out.status.success());
    assert_eq!(mode(&victim), 0o644, "a symlink's target keeps its mode");
    assert_eq!(env.contact("Ayu Lestari")["org"], "Gojek");
}

#[test]
fn a_card_jejaring_cannot_read_as_sent_is_never_replaced_and_is_named() {
    for kind in servers() {
        let (server, env) = setup(kind);
        let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ayu-1\r\nFN:Ayu Lestari\r\nN:Lestari;Ayu;;;\r\nEND:VCARD\r\n";
        server.put_card("ayu.vcf", card);
        run(&env, &["sync"]);
        // The phone makes the card a group; here the person is edited.
        let group = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ayu-1\r\nFN:Ayu Lestari\r\nN:Lestari;Ayu;;;\r\nX-ADDRESSBOOKSERVER-KIND:group\r\nX-ADDRESSBOOKSERVER-MEMBER:urn:uuid:1\r\nEND:VCARD\r\n";
        server.put_card("ayu.vcf", group);
        let before = get(&server, "ayu.vcf");
        run(&env, &["edit", "Ayu Lestari", "--org", "Gojek"]);
        let (_, stderr) = run(&env, &["sync"]);
        assert!(stderr.contains("not written: Ayu Lestari's card on the phone (ayu.vcf)"), "{kind:?}: {stderr}");
        assert!(stderr.contains("0 pushed"), "{kind:?}: {stderr}");
        assert_eq!(get(&server, "ayu.vcf"), before, "{kind:?}: the server's bytes stay");
        // Named again by the next sync, in --json and in Indonesian, and still not written.
        let (out, _) = run(&env, &["--json", "sync"]);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["not_written"][0]["contact"], "Ayu Lestari", "{kind:?}: {out}");
        assert_eq!(json["not_written"][0]["href"].as_str().map(|h| h.ends_with("ayu.vcf")), Some(true), "{out}");
        let (_, stderr) = run(&env, &["--lang", "id", "sync"]);
        assert!(stderr.contains("tidak ditulis: kartu Ayu Lestari di ponsel (ayu.vcf)"), "{kind:?}: {stderr}");
        assert_eq!(get(&server, "ayu.vcf"), before, "{kind:?}");
        assert_eq!(env.contacts()[0]["org"], "Gojek", "{kind:?}: the change here stays here");
    }
}
