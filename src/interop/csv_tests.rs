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
