//! Fuzz guards for the contact readers (vCard, Google and Outlook CSV, LinkedIn's
//! connections) and the phone number rule: arbitrary Unicode, and the test fixtures
//! mutated (see `crate::fuzz`). Each must end without a panic and with output no
//! bigger than its input allows.

use super::{csv, linkedin, vcard};
use crate::interop::fuzz_kit::{config, fixture, mutated, nasty_text};
use crate::model::phone;
use proptest::prelude::*;

fn lines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n' || **b == b'\r').count() + 1
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let n = lines(bytes);
    for parse in [vcard::parse, csv::parse, linkedin::parse] {
        if let Ok(p) = parse(bytes) {
            prop_assert!(p.records.len() <= n, "{} records from {n} lines", p.records.len());
            // A row can have a problem in each of its cells: linear in the bytes.
            prop_assert!(
                p.problems.len() <= bytes.len() + 2,
                "{} problems from {} bytes",
                p.problems.len(),
                bytes.len()
            );
            for r in &p.records {
                for number in &r.phones {
                    prop_assert!(phone::normalise(number).is_some(), "{number:?} kept as a phone");
                }
            }
        }
    }
    Ok(())
}

const CARDS: &[&str] = &[
    "interop/android21.vcf",
    "interop/apple.vcf",
    "interop/broken-mixed.vcf",
    "interop/charsets.vcf",
    "interop/evolution-qp.vcf",
    "interop/google.vcf",
    "interop/v4.vcf",
];

const TABLES: &[&str] = &[
    "interop/google.csv",
    "interop/google-marks.csv",
    "interop/outlook.csv",
    "interop/outlook-1252.csv",
    "interop/outlook-utf16-nobom.csv",
    "interop/Connections.csv",
    "interop/Connections-2018.csv",
];

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn contact_readers_survive_any_text(text in nasty_text()) {
        check(text.as_bytes())?;
        check(format!("BEGIN:VCARD\nVERSION:3.0\nFN:{text}\nTEL:{text}\nEMAIL:{text}\nEND:VCARD\n").as_bytes())?;
        check(format!("First Name,Last Name,E-mail Address,Mobile Phone\n{text},{text},{text},{text}\n").as_bytes())?;
    }

    #[test]
    fn vcards_survive_their_fixtures_mutated(bytes in mutated(CARDS)) {
        check(&bytes)?;
    }

    #[test]
    fn csvs_survive_their_fixtures_mutated(bytes in mutated(TABLES)) {
        check(&bytes)?;
    }

    #[test]
    fn phone_numbers_survive_any_text(text in nasty_text()) {
        if let Some(n) = phone::normalise(&text) {
            prop_assert!(n.len() <= text.len() + phone::FAX.len() + 8);
            let again = phone::normalise(&n);
            prop_assert_eq!(again.as_deref(), Some(n.as_str()), "normalising twice changes nothing");
        }
        prop_assert!(phone::key(&text).len() <= 2 * text.len() + 2);
    }
}

#[test]
fn the_guards_read_their_fixtures() {
    for name in CARDS.iter().chain(TABLES) {
        assert!(!fixture(name).is_empty(), "{name}");
    }
}
