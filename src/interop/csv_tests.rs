//! Tests for the CSV reader and writer: Google's and Outlook's layouts, encodings, and
//! a round trip through Google's layout.

use super::*;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/interop/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn google_layout_with_multi_values_and_multi_line_notes() {
    let p = parse(&fixture("google.csv")).unwrap();
    assert_eq!(p.records.len(), 2);
    let ayu = &p.records[0];
    assert_eq!(ayu.name, "Ayu Lestari");
    assert_eq!(ayu.emails, ["ayu@gojek.example", "ayu.lestari@gmail.example"]);
    assert_eq!(ayu.note.as_deref(), Some("Tall, curly hair.\nLoves kopi tubruk."));
    assert_eq!(ayu.tags, ["designers"]);
    assert_eq!(ayu.addresses, ["Pasaraya Blok M, Lt. 3, Jakarta 12160"]);
    assert_eq!(ayu.birthday.unwrap().to_string(), "--04-12");
    assert_eq!(ayu.at, At::Line(2));
    let hendra = &p.records[1];
    assert_eq!(hendra.phones, ["0812 9999 0000", "+62 21 888 7777"]);
    assert_eq!(hendra.at, At::Line(5), "line numbers count the lines of the multi-line cells");
    assert_eq!(p.problems.len(), 1);
    assert!(p.problems[0].is_skip(), "the row with only a label has no name");
}

#[test]
fn outlook_layout_with_a_byte_order_mark() {
    let p = parse(&fixture("outlook.csv")).unwrap();
    assert_eq!(p.records.len(), 3, "{:?}", p.problems);
    let dimas = &p.records[0];
    assert_eq!(dimas.name, "Dimas Pratama", "Outlook's Title (Mr.) is not the job title");
    assert_eq!(dimas.role.as_deref(), Some("Network Engineer"));
    assert_eq!(dimas.org.as_deref(), Some("Telkom Indonesia"));
    assert_eq!(dimas.phones, ["(021) 555-0102", "+62 812 7777 1234"]);
    assert_eq!(dimas.addresses, ["Jl. Japati No. 1, Bandung, 40133, Indonesia"]);
    assert_eq!(dimas.birthday.unwrap().to_string(), "1990-05-17");
    assert_eq!(dimas.note.as_deref(), Some("Said \"call me after Lebaran\"."));
    assert_eq!(p.records[1].birthday, None, "0/0/00 means no birthday");
    assert_eq!(p.records[2].name, "PT Maju Jaya", "a company without a person is named by the company");
}

#[test]
fn windows_1252_is_decoded() {
    let p = parse(&fixture("outlook-1252.csv")).unwrap();
    assert_eq!(p.records[0].name, "José Müller");
    assert_eq!(p.records[0].org.as_deref(), Some("Café Señor"));
    assert_eq!(p.records[0].note.as_deref(), Some("Prefers “smart quotes” and costs in €"));
    assert_eq!(p.records[1].name, "Zoë Ångström");
}

#[test]
fn other_csvs_are_refused() {
    assert_eq!(parse(&fixture("not-linkedin.csv")).unwrap_err(), FormatError::NotContactsCsv);
    assert_eq!(parse(b"").unwrap_err(), FormatError::NotContactsCsv);
}

#[test]
fn semicolon_files_and_plain_headers() {
    let p = parse(b"Name;Email;Title\nBudi;budi@x.example;CTO\n").unwrap();
    assert_eq!(p.records[0].name, "Budi");
    assert_eq!(p.records[0].role.as_deref(), Some("CTO"));
}

#[test]
fn google_layout_round_trip() {
    let now = chrono::Utc::now();
    let mut c = Contact::new(uuid::Uuid::now_v7(), "abcd".into(), "Siti Nur Rahma".into(), now);
    c.org = Some("Bank Mandiri".into());
    c.emails = vec!["siti@x.example".into(), "s@y.example".into()];
    c.phones = vec!["+62 812 1".into(), "021 555".into()];
    c.tags = vec!["fintech".into()];
    c.note = Some("two\nlines, \"quoted\"".into());
    c.birthday = Some("--07-09".parse().unwrap());
    c.addresses = vec!["Jl. A 1, Jakarta".into(), "Jl. B 2".into()];
    c.linkedin = Some("https://www.linkedin.com/in/siti".into());
    c.urls = vec!["https://siti.example".into()];
    let bytes = write([&c]);
    let r = &parse(&bytes).unwrap().records[0];
    assert_eq!(r.name, c.name);
    assert_eq!(r.emails, c.emails);
    assert_eq!(r.phones, c.phones);
    assert_eq!(r.tags, c.tags);
    assert_eq!(r.note, c.note);
    assert_eq!(r.birthday, c.birthday);
    assert_eq!(r.addresses, c.addresses);
    assert_eq!(r.linkedin, c.linkedin);
    assert_eq!(r.urls, c.urls);
}

#[test]
fn cells_a_spreadsheet_would_run_are_neutralised_and_read_back() {
    assert_eq!(neutralise("=1+2"), "'=1+2");
    assert_eq!(neutralise("@SUM(1+1)"), "'@SUM(1+1)");
    assert_eq!(neutralise("+62 812"), "'+62 812");
    assert_eq!(neutralise("-2+3"), "'-2+3");
    assert_eq!(neutralise("\tx"), "'\tx");
    assert_eq!(neutralise("\rx"), "'\rx");
    assert_eq!(neutralise("'quoted"), "''quoted", "a real leading quote is marked too");
    assert_eq!(neutralise("Budi = boss"), "Budi = boss");
    assert_eq!(unneutralise("'=1+2"), "=1+2");
    assert_eq!(unneutralise("''quoted"), "'quoted");
    assert_eq!(unneutralise("'quoted"), "'quoted", "a quote before plain text is the cell's own");
    assert_eq!(unneutralise("plain"), "plain");
}

#[test]
fn an_export_runs_no_formula_and_reads_back_the_same() {
    let now = chrono::Utc::now();
    let mut c = Contact::new(uuid::Uuid::now_v7(), "abcd".into(), "Ana =1+1".into(), now);
    c.org = Some("=HYPERLINK(\"https://evil.example\",\"click\")".into());
    c.role = Some("@SUM(1+1)".into());
    c.note = Some("-2+3 is a note".into());
    c.phones = vec!["+62 812 0000 111".into()];
    c.tags = vec!["'quoted".into()];
    let bytes = write([&c]);
    let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[..]);
    for row in reader.records() {
        for cell in row.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?} would run as a formula");
        }
    }
    let r = &parse(&bytes).unwrap().records[0];
    assert_eq!(r.name, "Ana =1+1");
    assert_eq!(r.org, c.org);
    assert_eq!(r.role, c.role);
    assert_eq!(r.note, c.note);
    assert_eq!(r.phones, c.phones);
    assert_eq!(r.tags, c.tags);
}

#[test]
fn names_with_a_run_of_spaces_read_back_the_same() {
    for name in ["Ana  Putri", "Ana  Maria Putri", "Tukiyem", "Siti Nur Rahma"] {
        let c = Contact::new(uuid::Uuid::now_v7(), "abcd".into(), name.into(), chrono::Utc::now());
        assert_eq!(parse(&write([&c])).unwrap().records[0].name, name);
    }
}

proptest! {
    #[test]
    fn any_cell_text_reads_back_the_same(text in "['=+@\t-]{0,3}[ -~]{0,20}") {
        let back = unneutralise(&neutralise(&text)).to_string();
        prop_assert_eq!(back, text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse(&bytes);
        let _ = crate::interop::linkedin::parse(&bytes);
    }

    #[test]
    fn header_shaped_garbage_never_panics(body in "(First Name|E-mail 1 - Value|Birthday|Labels|Notes|Address 1 - Street|,|;|\"|\n| ::: |[a-z0-9/-]{0,6})*") {
        let _ = parse(body.as_bytes());
        let _ = crate::interop::linkedin::parse(body.as_bytes());
    }
}

#[test]
fn utf16_without_a_mark_and_mixed_lines() {
    let p = parse(&fixture("outlook-utf16-nobom.csv")).unwrap();
    assert_eq!(p.records.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["Jürgen Weiß", "山田 太郎"]);
    assert_eq!(p.problems.len(), 1);
    assert!(p.problems[0].message(crate::i18n::Lang::En).contains("read as UTF-16LE (a guess"));
    let mut bytes = "Name,E-mail\nJürgen Weiß,j@x.example\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"Jos\xe9 M\xfcller,jm@x.example\n");
    let p = parse(&bytes).unwrap();
    assert_eq!(p.records[0].name, "Jürgen Weiß", "a Windows-1252 line leaves the UTF-8 lines alone");
    assert_eq!(p.records[1].name, "José Müller");
    assert_eq!(
        p.problems[0].message(crate::i18n::Lang::En),
        "line 3 is not UTF-8; read as Windows-1252 (a guess: check its accents)"
    );
}

#[test]
fn phones_keep_extensions_letters_and_faxes_and_lose_invisible_marks() {
    // Google Contacts CSV, LF line endings (see tests/fixtures/interop/README.txt).
    let p = parse(&fixture("google-marks.csv")).unwrap();
    let arjun = &p.records[0];
    assert_eq!(arjun.phones, ["+91 81297 00200", "+91 22 5555 0101 (fax)"], "direction marks go, the fax is marked");
    assert_eq!(arjun.tags, ["friends"], "Google's own `* ` labels are not tags");
    let elephant = &p.records[1];
    assert_eq!(elephant.phones, ["1-800-ELEPHANT", "+1 418 656 9254 ext. 102"]);
    assert_eq!(elephant.tags, ["starred"], "a plain label in a ` ::: ` cell is the user's own");
    assert_eq!(p.records[2].phones, ["+62 812 3456 7890 ext. 12"]);
    let problems: Vec<String> = p.problems.iter().map(|p| p.message(crate::i18n::Lang::En)).collect();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("line 4, Nia Putri: value left out"), "{problems:?}");
}

#[test]
fn line_numbers_are_right_for_lf_and_crlf() {
    for eol in ["\n", "\r\n"] {
        let text = ["Name,E-mail", "Ayu,ayu@x.example", "\"Budi", "Santoso\",nope", "", "Citra,bad"].join(eol) + eol;
        let p = parse(text.as_bytes()).unwrap();
        let at: Vec<At> = p.records.iter().map(|r| r.at).collect();
        assert_eq!(at, [At::Line(2), At::Line(3), At::Line(6)], "{eol:?}");
        let problems: Vec<At> = p.problems.iter().map(|p| p.at).collect();
        assert_eq!(problems, [At::Line(3), At::Line(6)], "{eol:?}");
    }
}

#[test]
fn an_unclosed_quote_is_named_not_swallowed() {
    let p = parse(&fixture("unclosed-quote.csv")).unwrap();
    assert_eq!(p.records.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["Ayu"]);
    assert_eq!(p.problems.len(), 1);
    assert!(p.problems[0].is_skip());
    assert!(
        p.problems[0]
            .message(crate::i18n::Lang::En)
            .starts_with("line 3: skipped: a quote (\") opens here and never closes")
    );
    assert_eq!(unclosed_quote("a,\"b\"\"c\",d\n", b','), None, "a doubled quote inside a quoted cell");
    assert_eq!(unclosed_quote("a,say \"hi,d\n", b','), None, "a quote inside a cell is text");
}

#[test]
fn german_outlook_headers_with_semicolons() {
    let p = parse(&fixture("outlook-de.csv")).unwrap();
    let j = &p.records[0];
    assert_eq!(j.name, "Jürgen Weiß", "Anrede (Herr) is not part of the name");
    assert_eq!(j.org.as_deref(), Some("Müller & Söhne GmbH"));
    assert_eq!(j.role.as_deref(), Some("Einkauf"));
    assert_eq!(j.emails, ["juergen@example.de"]);
    assert_eq!(j.phones, ["+49 89 1234 5679 (fax)", "+49 89 1234 5678", "+49 170 1234567"]);
    assert_eq!(j.addresses, ["Hauptstraße 5, München, 80331, Deutschland"]);
    assert_eq!(j.birthday.unwrap().to_string(), "1970-05-17");
    assert_eq!(j.note.as_deref(), Some("Kennt Budi"));
    assert_eq!(j.tags, ["lieferanten"]);
}

#[test]
fn outlook_whole_address_columns_and_system_categories() {
    let p = parse(&fixture("outlook-addresses.csv")).unwrap();
    let d = &p.records[0];
    assert_eq!(d.addresses, ["Menara BCA Lt. 5, Jakarta", "Jl. Japati No. 1, Bandung 40133"]);
    assert_eq!(d.phones, ["(021) 555-0199 (fax)"]);
    assert_eq!(d.tags, ["klien"], "myContacts and starred in a plain Categories cell are Google's");
}

#[test]
fn thousands_of_values_are_capped_and_counted() {
    let n = 5_000;
    let header: Vec<String> = (1..=n).map(|i| format!("E-mail {i} Address")).collect();
    let row: Vec<String> = (1..=n).map(|i| format!("p{i}@x.example")).collect();
    let text = format!("Name,{}\nBudi,{}\n", header.join(","), row.join(","));
    let p = parse(text.as_bytes()).unwrap();
    assert_eq!(p.records[0].emails.len(), crate::interop::record::MAX_VALUES);
    let message = p.problems[0].message(crate::i18n::Lang::En);
    assert_eq!(message, format!("line 2, Budi: emails: only the first 100 are kept, {} more left out", n - 100));
}

/// Cell text as people and strangers write it: formulas, quotes, accents, separators.
fn cell_text() -> impl Strategy<Value = String> {
    "['=+@-]?[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 ,;:.'\"()&=+-]{0,30}".prop_map(|s| s.trim().to_string())
}

prop_compose! {
    fn contact()(
        name in "[A-Za-zÀ-ÿ=+@'-][A-Za-zÀ-ÿ0-9'=+-]{0,10}( {1,2}[A-Za-zÀ-ÿ=+@'-][A-Za-zÀ-ÿ0-9'=+-]{0,10}){0,2}",
        org in proptest::option::of(cell_text()),
        role in proptest::option::of(cell_text()),
        emails in proptest::collection::vec("[a-z0-9._+-]{1,12}@[a-z0-9-]{1,10}\\.[a-z]{2,4}", 0..3),
        phones in proptest::collection::vec(
            // Letters as in 1-800-FLOWERS, but no E or X: `EXT 12` or `x12` after a number is an extension.
            "\\+?[0-9]{2,4}[ -]?[0-9A-DF-WYZ]{3,4}[ -]?[0-9]{3,4}( ext\\. [0-9]{1,4})?( \\(fax\\))?", 0..3),
        tags in proptest::collection::vec(
            prop_oneof!["[a-z0-9'=+-]([a-z0-9,-]| [a-z0-9]){0,12}", Just("starred".to_string()),
                Just("mycontacts".to_string()), Just("my contacts".to_string())], 0..4),
        note in proptest::option::of("['=+@-]?[A-Za-z0-9 ,;:\\n.!\"-]{0,80}"),
        birthday in proptest::option::of((proptest::option::of(1900..2020i32), 1..=12u32, 1..=28u32)),
    ) -> Contact {
        let mut c = Contact::new(uuid::Uuid::now_v7(), "abcd".into(), name, chrono::Utc::now());
        let keep = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        c.org = keep(org);
        c.role = keep(role);
        c.emails = emails.into_iter().fold(Vec::new(), |mut v, e| { if !v.contains(&e) { v.push(e) } v });
        c.phones = phones.into_iter().fold(Vec::new(), |mut v: Vec<String>, p| {
            if !v.iter().any(|q| crate::model::phone::key(q) == crate::model::phone::key(&p)) { v.push(p) } v
        });
        c.tags = tags.into_iter().fold(Vec::new(), |mut v, t| { if !v.contains(&t) { v.push(t) } v });
        c.note = keep(note.map(|n| n.trim().to_string()));
        c.birthday = birthday.and_then(|(y, m, d)| Birthday::new(y, m, d));
        c
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Import → export → import of any contact gives the same record, and the record
    /// holds what the contact held: tags named like system labels, formulas, faxes and
    /// extensions included.
    #[test]
    fn import_export_import_is_the_identity(c in contact()) {
        let first = parse(&write([&c])).unwrap();
        prop_assert!(first.problems.is_empty(), "{:?}", first.problems);
        let r = &first.records[0];
        prop_assert_eq!(&r.name, &c.name);
        prop_assert_eq!(&r.org, &c.org);
        prop_assert_eq!(&r.role, &c.role);
        prop_assert_eq!(&r.emails, &c.emails);
        prop_assert_eq!(&r.phones, &c.phones);
        prop_assert_eq!(&r.tags, &c.tags);
        prop_assert_eq!(&r.note, &c.note);
        prop_assert_eq!(&r.birthday, &c.birthday);
        // The imported person, as the import command makes them, exported and read again.
        let mut net = crate::model::Network::default();
        let now = chrono::Utc::now();
        let defaults = crate::interop::merge::Defaults {
            circle: None,
            stage: None,
            fallback_circle: crate::model::Circle::Other,
            tags: vec![],
        };
        crate::interop::merge::Merger::new(&mut net, now, now.date_naive()).merge(r.clone(), &defaults);
        let second = parse(&write(&net.contacts)).unwrap();
        prop_assert_eq!(&second.records[0], r);
    }
}
