//! The card writer against a corpus of real-shaped cards (tests/fixtures/sync-cards):
//! after an edit here, every line jejaring does not own is the same bytes, in the same
//! order, and the card reads back as the fields that were written.

use super::*;

fn fields() -> Fields {
    Fields {
        name: "Ayu Lestari".into(),
        org: Some("Gojek".into()),
        emails: vec!["ayu@example.id".into()],
        phones: vec!["+62 812 1111 2222".into()],
        birthday: Some("--03-15".into()),
        circle: Some("friend".into()),
        stage: Some("connection".into()),
        cadence: Some("30d".into()),
        ..Fields::default()
    }
}

#[test]
fn a_new_card_reads_back_as_the_same_fields() {
    let f = fields();
    let text = write(None, "urn:uuid:x", &f).unwrap();
    assert!(text.contains("UID:urn:uuid:x"), "{text}");
    assert!(text.contains("X-JEJARING-CADENCE:30d"), "{text}");
    let back = read(&text).unwrap();
    assert_eq!(Fields::from_record(&back.record), f);
    assert_eq!(back.uid.as_deref(), Some("urn:uuid:x"));
}

#[test]
fn an_update_keeps_what_the_phone_set() {
    let phone = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:abc\r\nFN:Ayu Lestari\r\nN:Lestari;Ayu;;;\r\nTEL;TYPE=CELL:+62 812 1111 2222\r\nTEL;TYPE=WORK:+62 21 555 0000\r\nPHOTO;VALUE=URI:http://example.com/a.jpg\r\nX-ABLABEL:mine\r\nEND:VCARD\r\n";
    let mut f = Fields::from_record(&read(phone).unwrap().record);
    f.phones.retain(|p| p.contains("812"));
    f.org = Some("Gojek".into());
    let text = write(Some(phone), "ignored", &f).unwrap();
    assert!(text.contains("UID:abc"), "{text}");
    assert!(!text.contains("ignored"), "{text}");
    assert!(text.contains("PHOTO"), "{text}");
    assert!(text.contains("X-ABLABEL:mine"), "{text}");
    assert!(text.contains("TEL;TYPE=CELL:+62 812 1111 2222"), "{text}");
    assert!(!text.contains("555"), "{text}");
    assert!(text.contains("ORG:Gojek"), "{text}");
    assert_eq!(text.matches("FN:").count(), 1, "{text}");
}

#[test]
fn an_update_of_a_card_with_a_byte_order_mark_keeps_its_other_lines() {
    let phone = "\u{feff}BEGIN:VCARD\r\nVERSION:3.0\r\nUID:abc\r\nFN:Ayu Lestari\r\nPHOTO;VALUE=URI:http://example.com/a.jpg\r\nEND:VCARD\r\n";
    let mut f = Fields::from_record(&read(phone).unwrap().record);
    f.org = Some("Gojek".into());
    let text = write(Some(phone), "ignored", &f).unwrap();
    assert!(text.starts_with("\u{feff}BEGIN:VCARD\r\nVERSION:3.0\r\nUID:abc\r\n"), "{text}");
    assert!(text.contains("PHOTO;VALUE=URI:http://example.com/a.jpg\r\n"), "{text}");
    assert!(text.contains("ORG:Gojek"), "{text}");
}

#[test]
fn a_card_that_cannot_be_read_as_sent_is_refused_never_replaced() {
    let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:abc\r\nFN:Ayu Lestari\r\nEND:VCARD\r\n";
    let f = Fields { name: "Ayu Lestari".into(), org: Some("Gojek".into()), ..Fields::default() };
    assert!(editable(card));
    assert!(editable(&format!("\u{feff}\r\n{card}\r\n")), "white space around it is not content");
    let refused = [
        // A second card after the first: the lines would lose it.
        format!("{card}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Budi\r\nEND:VCARD\r\n"),
        // Text after the end.
        format!("{card}X-NOTE:after the end\r\n"),
        // Cut short.
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ayu Lestari\r\nEMAIL:a@b.id\r\n".to_string(),
        // A group now (not a person jejaring reads).
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:abc\r\nFN:Family\r\nX-ADDRESSBOOKSERVER-KIND:group\r\nEND:VCARD\r\n"
            .to_string(),
        // Lines ended by a bare CR, which the lines cannot be cut at.
        card.replace("\r\n", "\r"),
        String::new(),
    ];
    for text in &refused {
        assert!(!editable(text), "{text:?}");
        assert_eq!(write(Some(text), "urn:uuid:x", &f), None, "{text:?}");
    }
    assert!(write(Some(card), "urn:uuid:x", &f).is_some_and(|out| out.contains("ORG:Gojek")));
}

use super::card_lines::{Line, split};

/// The corpus, by file name.
pub(crate) const CORPUS: &[(&str, &str)] = &[
    ("apple.vcf", include_str!("../../tests/fixtures/sync-cards/apple.vcf")),
    ("google.vcf", include_str!("../../tests/fixtures/sync-cards/google.vcf")),
    ("android.vcf", include_str!("../../tests/fixtures/sync-cards/android.vcf")),
    // Soft line breaks, a blank line after PHOTO and no UID: both servers refuse it,
    // but a phone's own file has it.
    ("android-soft-breaks.vcf", include_str!("../../tests/fixtures/sync-cards/android-soft-breaks.vcf")),
    ("outlook.vcf", include_str!("../../tests/fixtures/sync-cards/outlook.vcf")),
    ("evolution.vcf", include_str!("../../tests/fixtures/sync-cards/evolution.vcf")),
    ("bday-first.vcf", include_str!("../../tests/fixtures/sync-cards/bday-first.vcf")),
    ("five-types.vcf", include_str!("../../tests/fixtures/sync-cards/five-types.vcf")),
    ("source-key-logo.vcf", include_str!("../../tests/fixtures/sync-cards/source-key-logo.vcf")),
    ("v4.vcf", include_str!("../../tests/fixtures/sync-cards/v4.vcf")),
    ("jejaring.vcf", include_str!("../../tests/fixtures/sync-cards/jejaring.vcf")),
];

/// The lines of `text` that none of `fields` owns, as sent.
fn others(text: &str, fields: &[Field]) -> Vec<String> {
    split(text)
        .into_iter()
        .filter(|l: &Line| !Field::of_property(l.name()).is_some_and(|f| fields.contains(&f)))
        .map(|l| l.raw)
        .collect()
}

fn fields_of(text: &str) -> Fields {
    Fields::from_record(&read(text).expect("a readable card").record)
}

#[test]
fn an_edit_of_note_and_stage_changes_only_those_lines_on_every_card() {
    for (name, text) in CORPUS {
        let before = fields_of(text);
        let mut f = before.clone();
        f.note = Some("Asked for the deck; send it by Friday, with the numbers.\nThen call.".into());
        f.stage = Some("trusted".into());
        let out = write(Some(text), "urn:uuid:not-used", &f).unwrap();
        let mut expected = others(text, &[Field::Note, Field::Stage]);
        if !text.contains("\nUID:") {
            // A card without a UID (vCard 3.0 and 4.0 require one) gets one at its end.
            expected.insert(expected.len() - 1, "UID:urn:uuid:not-used\r\n".to_string());
        } else {
            assert!(!out.contains("not-used"), "{name} keeps its UID");
        }
        assert_eq!(expected, others(&out, &[Field::Note, Field::Stage]), "{name}:\n{out}");
        assert_eq!(fields_of(&out), f, "{name} reads back as written:\n{out}");
        // Nothing changed is nothing written.
        assert_eq!(write(Some(&out), "urn:uuid:not-used", &f).unwrap(), out, "{name}");
        if text.contains("\nUID:") {
            assert_eq!(write(Some(text), "urn:uuid:not-used", &before).unwrap(), *text, "{name}");
        }
    }
}

#[test]
fn what_the_importer_reads_on_the_corpus() {
    let f = |name: &str| fields_of(CORPUS.iter().find(|(n, _)| *n == name).unwrap().1);
    assert_eq!(f("bday-first.vcf").birthday.as_deref(), Some("1985-12-24"));
    assert_eq!(f("apple.vcf").birthday.as_deref(), Some("--03-15"));
    assert_eq!(f("android.vcf").name, "Éka Wijaya");
    assert_eq!(f("five-types.vcf").phones, ["+62 812 9999 0000"]);
    assert_eq!(f("v4.vcf").birthday.as_deref(), Some("--04-12"));
}

#[test]
fn a_removed_phone_takes_its_label_and_a_new_one_comes_after_the_others() {
    let (_, text) = CORPUS[0];
    let mut f = fields_of(text);
    f.phones.retain(|p| !p.contains("0199"));
    f.phones.push("+1 425 555 0142".into());
    let out = write(Some(text), "x", &f).unwrap();
    assert!(!out.contains("0199") && !out.contains("X-ABLabel:Assistant"), "{out}");
    assert!(out.contains("TEL;type=CELL;type=VOICE;type=pref:+1 425 555 0100\r\nTEL:+1 425 555 0142\r\n"), "{out}");
    // A new value never lands inside another value's group.
    let mut g = fields_of(text);
    g.phones.push("+1 425 555 0143".into());
    let added = write(Some(text), "x", &g).unwrap();
    assert!(added.contains("item2.X-ABLabel:Assistant\r\nTEL:+1 425 555 0143\r\n"), "{added}");
    assert_eq!(fields_of(&out), f);
    let untouched: Vec<String> =
        others(text, &[Field::Phones]).into_iter().filter(|l| !l.starts_with("item2.")).collect();
    assert_eq!(untouched, others(&out, &[Field::Phones]));
}

#[test]
fn one_number_under_five_types_keeps_every_line_when_an_email_is_added() {
    let text = CORPUS.iter().find(|(n, _)| *n == "five-types.vcf").unwrap().1;
    let mut f = fields_of(text);
    f.emails.push("hendra@work.example".into());
    let out = write(Some(text), "x", &f).unwrap();
    assert_eq!(out.matches("TEL;").count(), 3, "{out}");
    assert!(out.contains("TYPE=HOME;TYPE=WORK;TYPE=CELL;TYPE=VOICE;TYPE=PREF:+62 812 9999 0000"), "{out}");
    assert_eq!(fields_of(&out), f);
}

#[test]
fn a_rename_keeps_suffixes_out_of_the_family_name_and_an_unchanged_name_keeps_n() {
    let (_, text) = CORPUS[0];
    let mut f = fields_of(text);
    f.org = Some("Contoso".into());
    let out = write(Some(text), "x", &f).unwrap();
    assert!(out.contains("\r\nN:Stenerson;Derik;;;Jr.\r\n"), "N untouched: {out}");
    f.name = "Derik Stenerson Sr.".into();
    let out = write(Some(text), "x", &f).unwrap();
    assert!(out.contains("\r\nFN:Derik Stenerson Sr.\r\nN:Stenerson;Derik;;;Sr.\r\n"), "{out}");
    assert_eq!(fields_of(&out), f);
}

#[test]
fn new_lines_on_a_21_card_are_21_and_the_version_stays() {
    let text = CORPUS.iter().find(|(n, _)| *n == "outlook.vcf").unwrap().1;
    let mut f = fields_of(text);
    f.name = "Wei Chén".into();
    f.note = Some("Café; then the deck".into());
    f.emails.push("wei@home.example".into());
    let out = write(Some(text), "x", &f).unwrap();
    assert!(out.contains("\r\nVERSION:2.1\r\n"), "{out}");
    assert!(out.contains("EMAIL;INTERNET:wei@home.example"), "{out}");
    assert!(out.contains("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Wei Ch=C3=A9n"), "{out}");
    assert_eq!(fields_of(&out), f);
}

#[test]
fn jejarings_own_lines_are_rewritten_and_the_old_cadence_name_goes() {
    let text = CORPUS.iter().find(|(n, _)| *n == "jejaring.vcf").unwrap().1;
    let mut f = fields_of(text);
    assert_eq!(f.cadence.as_deref(), Some("30d"));
    f.cadence = Some("2w".into());
    f.circle = None;
    let out = write(Some(text), "x", &f).unwrap();
    assert!(out.contains("X-JEJARING-CADENCE:2w") && !out.contains("EVERY"), "{out}");
    assert!(!out.contains("CIRCLE"), "{out}");
    assert_eq!(others(text, &[Field::Cadence, Field::Circle]), others(&out, &[Field::Cadence, Field::Circle]));
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// Text a user could type: any printable Unicode (newlines in notes), trimmed, that
    /// the plain-text rule takes.
    fn typed(lines: bool) -> impl Strategy<Value = String> {
        let pattern = if lines { "[\\PC\n]{1,120}" } else { "\\PC{1,60}" };
        pattern.prop_map(|s: String| s.trim().to_string()).prop_filter("plain text", move |s| {
            let checked = if lines {
                crate::model::text::text("note", s)
            } else {
                crate::model::text::line("name", s, crate::model::text::MAX_LINE)
            };
            checked.as_deref() == Ok(s.as_str())
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the server sends, writing over it never panics and ends a card.
        #[test]
        fn any_text_from_a_server_is_written_over_without_a_panic(text in "\\PC{0,300}", note in typed(true)) {
            let f = Fields { name: "Ayu".into(), note: Some(note), ..Fields::default() };
            // A card it cannot edit line by line is refused, never replaced.
            match write(Some(&text), "urn:uuid:x", &f) {
                Some(out) => {
                    prop_assert!(editable(&text), "{text:?}");
                    prop_assert!(out.ends_with("END:VCARD\r\n") || out.ends_with("END:VCARD\n"), "{out:?}");
                }
                None => prop_assert!(!editable(&text), "{text:?}"),
            }
        }

        /// Any typed name, organisation and note reads back as written on every card of
        /// the corpus, in its own version, and every other line stays.
        #[test]
        fn typed_values_read_back_on_every_card(name in typed(false), org in typed(false), note in typed(true)) {
            for (file, text) in CORPUS {
                let mut f = fields_of(text);
                f.name = name.clone();
                f.org = Some(org.clone());
                f.note = Some(note.clone());
                let out = write(Some(text), "urn:uuid:x", &f).unwrap();
                let owned = [Field::Name, Field::Org, Field::Note];
                let mut expected = others(text, &owned);
                if !text.contains("\nUID:") {
                    expected.insert(expected.len() - 1, "UID:urn:uuid:x\r\n".to_string());
                }
                prop_assert_eq!(expected, others(&out, &owned), "{}", file);
                prop_assert_eq!(fields_of(&out), f, "{}:\n{}", file, out);
            }
        }
    }
}
