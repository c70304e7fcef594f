//! Tests for reading and writing vCards: the fixtures from real exports, broken
//! cards, a round trip through both versions, and arbitrary bytes.

use super::*;
use crate::interop::merge::{Defaults, Merger, Outcome};
use crate::model::trust::{self, TrustNote};
use crate::model::{Cadence, Circle, Contact, Network, Stage};
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use uuid::Uuid;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/interop/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn apple_export() {
    let p = parse(&fixture("apple.vcf")).unwrap();
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let budi = &p.records[0];
    assert_eq!(budi.name, "Budi Santoso");
    assert_eq!(budi.org.as_deref(), Some("Tokopedia"));
    assert_eq!(budi.role.as_deref(), Some("Engineering Manager"));
    assert_eq!(budi.emails, ["budi@tokopedia.example", "budi.s@mail.example"]);
    assert_eq!(budi.phones, ["+62 812-3456-7890", "+62 21 555 0101"]);
    assert_eq!(budi.addresses, ["Jl. Sudirman No. 1, Jakarta Selatan, DKI Jakarta, 12190, Indonesia"]);
    assert_eq!(budi.urls, ["https://budi.example/blog"]);
    assert_eq!(budi.linkedin.as_deref(), Some("https://www.linkedin.com/in/budisantoso"));
    assert_eq!(budi.birthday.unwrap().to_string(), "--03-15", "X-APPLE-OMIT-YEAR means no year");
    assert_eq!(
        budi.note.as_deref(),
        Some("Met at the PyCon ID booth, talked about Rust; wants an intro to Siti.\nFollow up in January.")
    );
    assert_eq!(budi.uids, ["6F1C3B2A-0000-4000-8000-000000000001"]);
    assert_eq!(budi.at, At::Card { n: 1, line: 1 });
    let siti = &p.records[1];
    assert_eq!(siti.birthday.unwrap().to_string(), "1991-07-09");
    assert_eq!(siti.tags, ["fintech", "alumni itb"]);
    assert!(siti.note.as_deref().unwrap().contains("seventy-five characters long and wraps and the folding"));
}

#[test]
fn google_export_drops_system_labels_and_reads_grouped_urls() {
    let p = parse(&fixture("google.vcf")).unwrap();
    assert_eq!(p.records.len(), 2);
    let ayu = &p.records[0];
    assert_eq!(ayu.tags, ["designers"]);
    assert_eq!(ayu.urls, ["https://dribbble.example/ayu"]);
    assert_eq!(ayu.birthday.unwrap().to_string(), "--04-12");
    assert_eq!(ayu.addresses, ["Pasaraya Blok M, Lt. 3, Jakarta, 12160, ID"]);
    assert_eq!(p.records[1].name, "Jürgen Weiß");
    assert!(p.records[1].tags.is_empty());
}

#[test]
fn android_21_quoted_printable_and_a_bare_photo_type() {
    let p = parse(&fixture("android21.vcf")).unwrap();
    assert_eq!(p.records.len(), 2, "{:?}", p.problems);
    let eka = &p.records[0];
    assert_eq!(eka.name, "Éka Wijaya");
    assert_eq!(eka.note.as_deref(), Some("Teman kuliah di Bandung; suka mendaki gunung dan minum kopi. ☕"));
    assert_eq!(eka.org.as_deref(), Some("Universitas Padjadjaran"), "the property after the photo survives");
    assert_eq!(p.records[1].name, "Dewi Kusuma", "N alone gives the name, given name first");
}

#[test]
fn version_4_cards() {
    let p = parse(&fixture("v4.vcf")).unwrap();
    let made = &p.records[0];
    assert_eq!(made.phones, ["+62-361-555-0199"], "tel: URIs are read as numbers");
    assert_eq!(made.birthday.unwrap().to_string(), "--02-29");
    assert_eq!(made.linkedin.as_deref(), Some("https://www.linkedin.com/in/made-arsana"));
    assert_eq!(made.role.as_deref(), Some("Community organiser"));
    assert_eq!(made.tags, ["community", "bali"]);
}

#[test]
fn broken_cards_are_named_and_good_ones_import() {
    let p = parse(&fixture("broken-mixed.vcf")).unwrap();
    let names: Vec<&str> = p.records.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Good One", "Bad Email", "Good Two"]);
    let skips: Vec<String> =
        p.problems.iter().filter(|p| p.is_skip()).map(|p| p.message(crate::i18n::Lang::En)).collect();
    assert_eq!(
        skips,
        [
            "card 2 (line 7): skipped: no name, organisation or email",
            "card 3 (line 11), Never Ended: skipped: the card never ends (no END:VCARD; is the file cut short?)",
        ]
    );
    let dropped = p.problems.iter().filter(|p| !p.is_skip()).count();
    assert_eq!(dropped, 2, "the bad email and the bad phone of card 4");
}

#[test]
fn files_without_cards_are_refused() {
    assert_eq!(parse(&fixture("not-contacts.vcf")).unwrap_err(), FormatError::NoCards);
    assert_eq!(parse(&fixture("google.csv")).unwrap_err(), FormatError::NoCards);
    assert_eq!(parse(b"").unwrap_err(), FormatError::NoCards);
}

#[test]
fn trust_levels_outside_one_to_five_are_named_and_left_out() {
    let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wei Chen\r\nX-JEJARING-TRUST:9\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria\r\nX-JEJARING-TRUST: 4 \r\nEND:VCARD\r\n";
    let p = parse(card.as_bytes()).unwrap();
    assert_eq!(p.records.len(), 2);
    assert_eq!(p.records[0].trust, None);
    assert_eq!(p.records[1].trust, Some(4));
    assert_eq!(p.problems.len(), 1);
    assert_eq!(
        p.problems[0].message(crate::i18n::Lang::En),
        "card 1 (line 1), Wei Chen: value left out: trust level \"9\" is not a whole number from 1 to 5"
    );
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap()
}

/// A line of text as a user might type it, with the characters vCard must escape.
fn words() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 ,;:.'\"\\\\/()&-]{0,40}".prop_map(|s| s.trim().to_string())
}

prop_compose! {
    fn contact()(
        name in words(),
        org in proptest::option::of(words()),
        role in proptest::option::of(words()),
        emails in proptest::collection::vec("[a-z0-9._+-]{1,12}@[a-z0-9-]{1,10}\\.[a-z]{2,4}", 0..3),
        // Letters as in 1-800-FLOWERS, but no E or X: `EXT 12` or `x12` after a number is an extension.
        phones in proptest::collection::vec("\\+?[0-9]{2,4}[ -]?[0-9A-DF-WYZ]{3,4}[ -]?[0-9]{3,4}( ext\\. [0-9]{1,4})?( \\(fax\\))?", 0..3),
        // calcard folds a run of spaces after an escaped comma inside CATEGORIES into one
        // space; tags with double spaces are not worth a workaround.
        // Tags named like Google's and Android's own labels are the user's here.
        tags in proptest::collection::vec(prop_oneof![
            "[a-z0-9]([a-z0-9,-]| [a-z0-9]){0,12}",
            Just("starred".to_string()),
            Just("mycontacts".to_string()),
            Just("my contacts".to_string()),
        ], 0..4),
        note in proptest::option::of("[A-Za-z0-9 ,;:\\\\\\n\\t.!-]{0,200}"),
        impression in proptest::option::of(words()),
        met_at in proptest::option::of(words()),
        urls in proptest::collection::vec("https://[a-z]{1,10}\\.example/[a-z0-9/]{0,10}", 0..2),
        addresses in proptest::collection::vec(words(), 0..2),
        birthday in proptest::option::of((proptest::option::of(1900..2020i32), 1..=12u32, 1..=28u32)),
        every in proptest::option::of(1..400u32),
        circle in 0..4usize,
        stage in 0..4usize,
        v4 in any::<bool>(),
        trust in proptest::option::of(1..=5u8),
    ) -> (Contact, bool, Option<u8>) {
        let mut c = Contact::new(Uuid::now_v7(), "abcd".into(), name, now());
        let keep = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        c.org = keep(org);
        c.role = keep(role);
        c.emails = emails;
        c.phones = phones.into_iter().fold(Vec::new(), |mut v: Vec<String>, p| {
            if !v.iter().any(|q| crate::model::phone::key(q) == crate::model::phone::key(&p)) { v.push(p) } v
        });
        // jejaring never stores a tag twice (see `fields::push_unique`), so neither may the input.
        c.tags = tags.into_iter().fold(Vec::new(), |mut v, t| { if !v.contains(&t) { v.push(t) } v });
        c.note = keep(note.map(|n| n.trim().to_string()));
        c.impression = keep(impression);
        c.met_at = keep(met_at);
        c.urls = urls;
        c.addresses = addresses.into_iter().filter(|a| !a.is_empty()).collect();
        c.birthday = birthday.and_then(|(y, m, d)| crate::model::contact::Birthday::new(y, m, d));
        c.every = every.map(|n| format!("{n}d").parse::<Cadence>().unwrap());
        c.circle = Circle::ALL[circle].clone();
        c.stage = Stage::ALL[stage].clone();
        c.met_on = Some("2025-06-01".parse().unwrap());
        c.linkedin = Some(format!("https://www.linkedin.com/in/{}", c.handle));
        (c, v4, trust)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Export then import into an empty network gives back every field and the trust
    /// level; importing the same export into the original network, or again into the
    /// new one, changes nothing.
    #[test]
    fn export_then_import_keeps_every_field((original, v4, trust) in contact()) {
        prop_assume!(!original.name.is_empty());
        let version = if v4 { Version::V4 } else { Version::V3 };
        let bytes = write_with([&original], version, |_| trust);
        let parsed = parse(bytes.as_bytes()).unwrap();
        prop_assert!(parsed.problems.is_empty(), "{:?}\n{bytes}", parsed.problems);
        prop_assert_eq!(parsed.records.len(), 1);
        let defaults = Defaults { circle: None, stage: None, fallback_circle: Circle::Other, tags: vec![] };
        let today = now().date_naive();

        let mut fresh = Network::default();
        let mut m = Merger::new(&mut fresh, now(), today);
        m.merge(parsed.records[0].clone(), &defaults);
        let mut m = Merger::new(&mut fresh, now(), today);
        prop_assert_eq!(m.merge(parsed.records[0].clone(), &defaults), Outcome::Unchanged(0));
        let mut back = fresh.contacts[0].clone();
        let notes = trust::notes_for(&fresh.trust_notes, &back.id);
        prop_assert_eq!(trust::current_level(&notes), trust);
        back.id = original.id;
        back.handle = original.handle.clone();
        back.source_ids.clear();
        prop_assert_eq!(&back, &original, "{}", bytes);

        let mut net = Network::default();
        if let Some(level) = trust {
            net.trust_notes.push(TrustNote {
                id: Uuid::now_v7(),
                contact: original.id,
                on: "2026-01-05".parse().unwrap(),
                level: Some(level),
                note: Some("we shipped together".into()),
                logged: now(),
                extra: Default::default(),
            });
        }
        net.contacts.push(original);
        let notes_before = net.trust_notes.clone();
        let mut m = Merger::new(&mut net, now(), today);
        let out = m.merge(parsed.records[0].clone(), &defaults);
        prop_assert_eq!(out, Outcome::Unchanged(0));
        prop_assert_eq!(net.trust_notes, notes_before);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse(&bytes);
    }

    #[test]
    fn card_shaped_garbage_never_panics(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("BEGIN:VCARD".to_string()),
                Just("END:VCARD".to_string()),
                Just("VERSION:2.1".to_string()),
                "(FN|N|TEL|EMAIL|ADR|BDAY|NOTE|ORG|PHOTO|CATEGORIES|UID|X-JEJARING-[A-Z-]{1,8})[;=A-Za-z0-9-]{0,12}:[ -~]{0,30}",
                "[ =][ -~]{0,20}",
            ],
            0..30,
        )
    ) {
        let text = lines.join("\r\n");
        let _ = parse(text.as_bytes());
    }
}

#[test]
fn bare_quoted_printable_with_soft_line_breaks() {
    // Evolution and old Nokia / Sony Ericsson phones: `QUOTED-PRINTABLE` without `ENCODING=`.
    let p = parse(&fixture("evolution-qp.vcf")).unwrap();
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let j = &p.records[0];
    assert_eq!(j.name, "Jürgen Weiß");
    assert_eq!(j.phones, ["+49 30 1234 5678"], "a phone on a quoted-printable line is kept");
    assert_eq!(j.org.as_deref(), Some("Müller & Söhne; Berlin"), "an encoded ; is the value's own");
    assert_eq!(j.note.as_deref(), Some("Erste Zeile\nZweite Zeile, mit Umlaut: äöü."));
    assert_eq!(p.records[1].name, "María Björk", "quoted-printable in ISO-8859-1");
}

#[test]
fn joined_files_are_decoded_card_by_card() {
    // `cat google.vcf old-outlook.vcf`: a UTF-8 card, a Windows-1252 card, a UTF-8 card.
    let p = parse(&fixture("joined-mixed.vcf")).unwrap();
    let names: Vec<&str> = p.records.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Jürgen Weiß", "José Müller", "Zoë Ångström"]);
    assert_eq!(p.problems.len(), 1, "the guess is named");
    assert_eq!(
        p.problems[0].message(crate::i18n::Lang::En),
        "card 2 (line 6) is not UTF-8 and names no character set; read as Windows-1252 (a guess: check its accents)"
    );
}

#[test]
fn a_charset_parameter_is_honoured() {
    // Japanese and Chinese feature phones write raw Shift_JIS or GB2312 with CHARSET=.
    let p = parse(&fixture("charsets.vcf")).unwrap();
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.records[0].name, "山田太郎");
    assert_eq!(p.records[0].phones, ["090-1234-5678"]);
    assert_eq!(p.records[1].name, "王小明");
    assert_eq!(p.records[1].org.as_deref(), Some("北京大学"), "quoted-printable in GB2312");
    assert_eq!(p.records[2].name, "Łukasz Żółć");
}

#[test]
fn utf16_without_a_mark_is_read_and_named() {
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jürgen Weiß\r\nEND:VCARD\r\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let p = parse(&bytes).unwrap();
    assert_eq!(p.records[0].name, "Jürgen Weiß");
    assert_eq!(p.problems, [Problem::guessed(crate::interop::Guess::Utf16 { big_endian: false })]);
}

#[test]
fn groups_agents_no_year_birthdays_and_extensions() {
    // Thunderbird CardBook, Apple/iCloud and vCard 4.0 group cards, an iOS tel: URI and an
    // Outlook 2003 AGENT (see tests/fixtures/interop/README.txt).
    let p = parse(&fixture("cardbook-apple-outlook.vcf")).unwrap();
    let names: Vec<&str> = p.records.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Sari Dewi", "Rudi Hartono", "Hendra Wijaya"], "groups and the agent are no people");
    let sari = &p.records[0];
    assert_eq!(sari.birthday.unwrap().to_string(), "--01-01", "year 1604 means no year");
    assert_eq!(sari.phones, ["+1-418-656-9254 ext. 102", "+62 21 555 0101 (fax)"]);
    assert_eq!(sari.tags, ["klien"], "Google's myContacts and starred are not the user's tags");
    assert_eq!(p.records[2].phones, ["+62 21 555 0100"], "the card goes on after its AGENT");
    let messages: Vec<String> = p.problems.iter().map(|p| p.message(crate::i18n::Lang::En)).collect();
    assert_eq!(
        messages,
        [
            "card 2 (line 9), Keluarga Santoso: skipped: a group card (a family or a list), not a person",
            "card 3 (line 15), Tim Futsal: skipped: a group card (a family or a list), not a person",
            "card 4 (line 21), Rudi Hartono: value left out: birthday \"sometime in May\" is not a date",
        ]
    );
}

#[test]
fn an_agent_card_without_its_own_end_never_takes_the_outer_cards_end() {
    // See tests/fixtures/interop/README.txt: the first and last AGENT cards never end.
    let p = parse(&fixture("agent-without-end.vcf")).unwrap();
    let names: Vec<&str> = p.records.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Hendra Wijaya", "Ayu Lestari", "Budi Santoso", "Dewi Sari"], "{:?}", p.problems);
    assert_eq!(p.records[0].phones, ["+62 21 555 0100"], "the agent's number is not the card's");
    assert_eq!(p.records[1].phones, ["+62 812 1111 2222"], "the next card is its own");
    assert_eq!(p.records[2].emails, ["budi@example.id"]);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
}

#[test]
fn own_export_keeps_tags_named_like_system_labels() {
    let mut c = Contact::new(Uuid::now_v7(), "abcd".into(), "Budi".into(), now());
    c.tags = vec!["starred".into(), "mycontacts".into(), "my contacts".into()];
    let p = parse(write([&c], Version::V3).as_bytes()).unwrap();
    assert_eq!(p.records[0].tags, c.tags);
    let bytes = crate::interop::csv::write([&c]);
    assert_eq!(crate::interop::csv::parse(&bytes).unwrap().records[0].tags, c.tags);
}

#[test]
fn a_fax_goes_out_as_a_fax_and_comes_back_marked() {
    let mut c = Contact::new(Uuid::now_v7(), "abcd".into(), "Budi".into(), now());
    c.phones = vec!["+62 21 555 0101 (fax)".into(), "+62 21 555 0101".into(), "+1 418 656 9254 ext. 102".into()];
    let text = write([&c], Version::V4);
    assert!(text.contains("TEL;TYPE=FAX:+62 21 555 0101\r\n"), "{text}");
    assert_eq!(parse(text.as_bytes()).unwrap().records[0].phones, c.phones);
}

#[test]
fn a_card_with_thousands_of_phones_keeps_the_first_hundred_and_counts_the_rest() {
    let mut text = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Budi\r\n");
    for i in 0..5_000 {
        text.push_str(&format!("TEL:+62 812 {:04} {:04}\r\n", i / 100, i % 100));
    }
    text.push_str("TEL:+62 812 0000 0000\r\nEND:VCARD\r\n");
    let p = parse(text.as_bytes()).unwrap();
    assert_eq!(p.records[0].phones.len(), crate::interop::record::MAX_VALUES);
    assert_eq!(
        p.problems[0].message(crate::i18n::Lang::En),
        "card 1 (line 1), Budi: phone numbers: only the first 100 are kept, 4901 more left out"
    );
}
