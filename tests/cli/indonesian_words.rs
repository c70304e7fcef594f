//! Indonesian date words and rhythm units on the command line, read as the English ones
//! are (JEJARING_NOW is Saturday 2026-11-28).

use crate::env::TestEnv;

#[test]
fn indonesian_units_and_date_words_work_on_the_command_line() {
    let env = TestEnv::new();
    env.ok(&["--lang", "id", "add-contact", "Dewi Lestari", "--every", "2mg", "--met-on", "jumat lalu"]);
    let c = env.contact("Dewi Lestari");
    assert_eq!((c["every"].as_str(), c["met_on"].as_str()), (Some("2w"), Some("2026-11-27")));
    env.ok(&["edit", "dewi", "--every", "3 bulan"]);
    assert_eq!(env.contact("Dewi Lestari")["every"], "3m");

    let (_, err) = env.ok(&["--lang", "id", "promise", "dewi", "Kirim slide", "--due", "senin depan"]);
    assert!(err.contains("2026-11-30"), "{err}");
    let (_, err) = env.ok(&["--lang", "id", "promise", "dewi", "Kenalkan ke Budi", "--due", "akhir bulan"]);
    assert!(err.contains("2026-11-30"), "{err}");
    let (_, err) = env.ok(&["--lang", "id", "promise", "dewi", "Makan siang", "--due", "15 des"]);
    assert!(err.contains("2026-12-15"), "{err}");

    let err = env.fails(&["--lang", "id", "edit", "dewi", "--every", "2x"], 1);
    assert!(err.contains("30h, 2mg, 3bln"), "the error names the Indonesian units: {err}");
}

/// What the screen shows can be typed back: the stage as tables show it, the words
/// people say for a circle, a stage or a kind of conversation.
#[test]
fn indonesian_values_and_their_synonyms_are_accepted() {
    let env = TestEnv::new();
    env.ok(&["--lang", "id", "add-contact", "Wayan", "--stage", "orang asing", "--circle", "lain"]);
    env.ok(&["--lang", "id", "add-contact", "Ketut", "--stage", "asing", "--circle", "lainnya"]);
    env.ok(&["--lang", "id", "add-contact", "Made", "--stage", "terpercaya", "--circle", "teman"]);
    env.ok(&["--lang", "id", "add-contact", "Nyoman", "--stage", "orang-asing"]);
    let stage = |name: &str| env.contact(name)["stage"].as_str().unwrap().to_string();
    assert_eq!(
        [stage("Wayan"), stage("Ketut"), stage("Made"), stage("Nyoman")],
        ["stranger", "stranger", "trusted", "stranger"]
    );
    assert_eq!(env.contact("Wayan")["circle"], "other");
    let (out, _) = env.ok(&["--lang", "id", "list", "--stage", "orang asing"]);
    assert!(out.contains("Wayan") && out.contains("Nyoman") && !out.contains("Made"), "{out}");
    for (kind, stored) in
        [("rapat", "meeting"), ("ketemu", "meeting"), ("wa", "message"), ("chat", "message"), ("telepon", "call")]
    {
        env.ok(&["--lang", "id", "log", "made", &format!("lewat {kind}"), "--kind", kind]);
        let kinds: Vec<String> = env.json()["interactions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["kind"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(kinds.last().map(String::as_str), Some(stored), "{kind}");
    }
}

/// Indonesian help and errors list values by their Indonesian names; English lists
/// the stored keys as before.
#[test]
fn indonesian_help_and_errors_list_indonesian_values() {
    let env = TestEnv::new();
    let err = env.fails(&["--lang", "id", "list", "--stage", "kenal"], 2);
    assert!(err.starts_with("galat: nilai 'kenal' tidak dikenal untuk '--stage"), "{err}");
    assert!(err.contains("[nilai yang mungkin: orang-asing, kenalan, relasi, tepercaya]"), "{err}");
    assert!(!err.contains("stranger"), "{err}");
    let (help, _) = env.ok(&["--lang", "id", "log", "--help"]);
    assert!(help.contains("pertemuan, telepon, pesan, surel, acara, perkenalan, lainnya"), "{help}");
    let err = env.fails(&["list", "--stage", "kenal"], 2);
    assert!(err.contains("[possible values: stranger, acquaintance, connection, trusted]"), "{err}");
}

/// The weekend, this week, the start or end of a month, a day of the month.
#[test]
fn indonesian_span_words_are_read_on_the_command_line() {
    let env = TestEnv::new();
    env.add("Dewi Lestari", &[]);
    // JEJARING_NOW is Saturday 2026-11-28.
    for (said, day) in [
        ("akhir pekan", "2026-11-28"),
        ("akhir minggu depan", "2026-12-05"),
        ("minggu ini", "2026-11-29"),
        ("awal bulan", "2026-12-01"),
        ("akhir bulan depan", "2026-12-31"),
        ("tgl 20", "2026-12-20"),
        ("start of next month", "2026-12-01"),
        ("this weekend", "2026-11-28"),
    ] {
        let (_, err) = env.ok(&["--lang", "id", "promise", "dewi", &format!("janji {said}"), "--due", said]);
        assert!(err.contains(day), "{said} is {day}: {err}");
    }
    env.ok(&["--lang", "id", "log", "dewi", "ngopi", "--on", "awal bulan"]);
    assert_eq!(env.json()["interactions"][0]["on"], "2026-11-01", "a day that happened: the month's first");
}

/// No English in an Indonesian screen: merge's values and note, import's field names,
/// an empty TEXT, the list's header.
#[test]
fn indonesian_screens_carry_no_english_words() {
    let env = TestEnv::new();
    let a = env.add("Budi Santoso", &["--circle", "colleague", "--stage", "connection", "--email", "budi@example.com"]);
    let b = env.add("Budi Santoso", &["--circle", "other", "--stage", "acquaintance", "--force"]);
    let (_, err) = env.ok(&["--lang", "id", "merge", &a, &b, "--yes"]);
    assert!(
        err.contains(&format!("Budi Santoso ({b}) digabung ke Budi Santoso ({a})")),
        "handles name namesakes: {err}"
    );
    let note = env.contact("Budi Santoso")["note"].as_str().unwrap().to_string();
    assert!(note.contains("lingkaran: lainnya") && note.contains("tahap: kenalan"), "{note}");
    assert!(!note.contains("other") && !note.contains("acquaintance"), "{note}");

    let err = env.fails(&["--lang", "id", "log", "budi", ""], 1);
    assert!(err.contains("teks tidak boleh kosong") && !err.contains("TEXT"), "{err}");
    let (out, _) = env.ok(&["--lang", "id", "list"]);
    assert!(out.starts_with(" kode "), "{out}");
}

#[test]
fn an_import_dry_run_names_fields_in_indonesian() {
    let env = TestEnv::new();
    env.add("Budi Santoso", &["--email", "budi@example.com"]);
    let card = env.home().join("budi.vcf");
    std::fs::write(
        &card,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Budi Santoso\r\nEMAIL:budi@example.com\r\nTEL:+62 812 1111 2222\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let (out, err) = env.ok(&["--lang", "id", "import", "vcard", card.to_str().unwrap(), "--dry-run"]);
    let all = format!("{out}{err}");
    assert!(all.contains("akan diperbarui Budi Santoso (telepon)"), "{all}");
    assert!(!all.contains("phones"), "{all}");
}
