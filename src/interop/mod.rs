//! Bringing contacts in from other address books and taking them back out.
//!
//! Every reader here is pure: bytes in, `Parsed` out — the records it could read and,
//! for each one it could not, where it was and why. Nothing reads files, the clock or
//! the store; the `import` and `export` commands do that. A record that cannot be
//! used (no name, a card that never ends) is skipped and named; a single bad value in
//! a good record (an email that is not one) is dropped and named, and the rest of the
//! record imports. A file that is not what it claims to be is a `FormatError`.
//!
//! `merge` decides, record by record, whether an incoming person is new or someone the
//! network already knows, and adds only what is missing. The writers (`vcard::write`,
//! `csv::write`, `ics::write`) turn the network back into bytes.

pub mod csv;
pub mod decode;
#[cfg(test)]
pub(crate) mod fuzz_kit;
#[cfg(test)]
mod fuzz_tests;
pub mod ics;
pub mod linkedin;
pub mod merge;
#[cfg(test)]
mod merge_props;
pub mod name_parts;
mod record;
pub mod vcard;
mod vcard_text;
mod vcard_write;

pub use decode::Guess;
pub use record::{Draft, Record};

use crate::i18n::Lang;
use crate::i18n::Localized;
use crate::model::text::InputError;
use crate::t;

/// Where in a file a record was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum At {
    /// The Nth card of a vCard file, starting at this line.
    Card { n: usize, line: usize },
    /// A line of a CSV file (the line the record starts on).
    Line(usize),
    #[default]
    Unknown,
}

impl At {
    pub fn describe(&self, lang: Lang) -> String {
        match *self {
            At::Card { n, line } => t!(lang, "card {n} (line {line})", "kartu {n} (baris {line})"),
            At::Line(line) => t!(lang, "line {line}", "baris {line}"),
            At::Unknown => String::new(),
        }
    }
}

/// A record that was skipped, or a value that was dropped from a record.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub at: At,
    /// The record's name, when it had one.
    pub name: Option<String>,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The whole record was left out.
    Skipped(SkipReason),
    /// One value was left out; the rest of the record imports.
    Dropped { field: &'static str, error: InputError },
    /// A date that could not be read was left out.
    BadDate { field: &'static str, value: String },
    /// A trust level outside 1 to 5 was left out.
    BadTrust(String),
    /// Values past the most one record keeps were left out: how many.
    TooMany { field: &'static str, more: usize },
    /// Nothing was left out, but the file's encoding had to be guessed.
    Guessed(Guess),
}

/// Why a whole record was left out.
#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    /// No name, organisation or email to call the person by.
    NoName,
    /// The name is not usable (too long, control characters).
    BadName(InputError),
    /// A vCard with no `END:VCARD` (often a file cut short).
    Unterminated,
    /// The vCard parser could not read the card.
    Unreadable,
    /// A file in a folder of cards holds no card.
    NoCards,
    /// A CSV row the CSV reader refused.
    BadRow(String),
    /// A vCard for a group (a family, a distribution list), not a person.
    Group,
    /// A quoted CSV cell that never closes: the rest of the file would be one cell.
    Unclosed,
}

impl Problem {
    /// True when the whole record was left out.
    pub fn is_skip(&self) -> bool {
        matches!(self.kind, ProblemKind::Skipped(_))
    }

    /// A guess about the whole file, for the problems of a reader.
    pub fn guessed(guess: Guess) -> Problem {
        Problem { at: At::Unknown, name: None, kind: ProblemKind::Guessed(guess) }
    }

    /// "card 3 (line 41), Budi Santoso: value left out: …", without the file name.
    pub fn message(&self, lang: Lang) -> String {
        let mut place = self.at.describe(lang);
        if let Some(name) = &self.name {
            place = if place.is_empty() { name.clone() } else { format!("{place}, {name}") };
        }
        let what = match &self.kind {
            ProblemKind::Skipped(reason) => {
                let why = match reason {
                    SkipReason::NoName => {
                        t!(lang, "no name, organisation or email", "tidak ada nama, organisasi, atau email")
                    }
                    SkipReason::BadName(e) => e.message(lang),
                    SkipReason::Unterminated => t!(
                        lang,
                        "the card never ends (no END:VCARD; is the file cut short?)",
                        "kartu tidak pernah ditutup (tidak ada END:VCARD; apakah berkasnya terpotong?)"
                    ),
                    SkipReason::Unreadable => {
                        t!(lang, "the card could not be read", "kartu tidak dapat dibaca")
                    }
                    SkipReason::NoCards => t!(lang, "no vCard in this file", "tidak ada vCard di berkas ini"),
                    SkipReason::BadRow(e) => t!(lang, "unreadable row: {e}", "baris tidak terbaca: {e}"),
                    SkipReason::Group => t!(
                        lang,
                        "a group card (a family or a list), not a person",
                        "kartu grup (keluarga atau daftar), bukan orang"
                    ),
                    SkipReason::Unclosed => t!(
                        lang,
                        "a quote (\") opens here and never closes, so this row and every row after it were left out; close the quote and import again",
                        "tanda kutip (\") dibuka di sini dan tidak pernah ditutup, jadi baris ini dan semua baris sesudahnya tidak diambil; tutup kutipnya lalu impor lagi"
                    ),
                };
                t!(lang, "skipped: {why}", "dilewati: {why}")
            }
            ProblemKind::Dropped { error, .. } => {
                let why = error.message(lang);
                t!(lang, "value left out: {why}", "nilai tidak diambil: {why}")
            }
            ProblemKind::BadDate { field, value } => t!(
                lang,
                "value left out: {field} {value:?} is not a date",
                "nilai tidak diambil: {field} {value:?} bukan tanggal"
            ),
            ProblemKind::BadTrust(value) => t!(
                lang,
                "value left out: trust level {value:?} is not a whole number from 1 to 5",
                "nilai tidak diambil: tingkat kepercayaan {value:?} bukan bilangan bulat 1 sampai 5"
            ),
            ProblemKind::TooMany { field, more } => {
                let max = record::MAX_VALUES;
                let (en, id) = match *field {
                    "email" => ("emails", "email"),
                    "phone" => ("phone numbers", "nomor telepon"),
                    "tag" => ("tags", "tag"),
                    "url" => ("web addresses", "alamat web"),
                    _ => ("addresses", "alamat"),
                };
                t!(
                    lang,
                    "{en}: only the first {max} are kept, {more} more left out",
                    "{id}: hanya {max} yang pertama disimpan, {more} lainnya tidak diambil"
                )
            }
            ProblemKind::Guessed(Guess::Utf16 { big_endian }) => {
                let order = if *big_endian { "UTF-16BE" } else { "UTF-16LE" };
                t!(
                    lang,
                    "no byte-order mark; read as {order} (a guess: check the names)",
                    "tanpa penanda urutan bita; dibaca sebagai {order} (tebakan: periksa nama-namanya)"
                )
            }
            ProblemKind::Guessed(Guess::Windows1252 { count, first }) => {
                let card = matches!(first, At::Card { .. });
                let first = first.describe(lang);
                match (card, *count) {
                    (true, 1) => t!(
                        lang,
                        "{first} is not UTF-8 and names no character set; read as Windows-1252 (a guess: check its accents)",
                        "{first} bukan UTF-8 dan tidak menyebut set karakter; dibaca sebagai Windows-1252 (tebakan: periksa aksennya)"
                    ),
                    (true, n) => t!(
                        lang,
                        "{n} cards are not UTF-8 and name no character set, the first at {first}; read as Windows-1252 (a guess: check their accents)",
                        "{n} kartu bukan UTF-8 dan tidak menyebut set karakter, yang pertama di {first}; dibaca sebagai Windows-1252 (tebakan: periksa aksennya)"
                    ),
                    (false, 1) => t!(
                        lang,
                        "{first} is not UTF-8; read as Windows-1252 (a guess: check its accents)",
                        "{first} bukan UTF-8; dibaca sebagai Windows-1252 (tebakan: periksa aksennya)"
                    ),
                    (false, n) => t!(
                        lang,
                        "{n} lines are not UTF-8, the first is {first}; read as Windows-1252 (a guess: check their accents)",
                        "{n} baris bukan UTF-8, yang pertama {first}; dibaca sebagai Windows-1252 (tebakan: periksa aksennya)"
                    ),
                }
            }
        };
        if place.is_empty() { what } else { format!("{place}: {what}") }
    }
}

/// What a reader got out of one file.
#[derive(Debug, Default)]
pub struct Parsed {
    pub records: Vec<Record>,
    pub problems: Vec<Problem>,
}

/// The file is not what the command was told it is; nothing from it is imported.
#[derive(Debug, PartialEq, Eq)]
pub enum FormatError {
    NotText,
    NoCards,
    NotContactsCsv,
    NotLinkedIn,
}

crate::localized_error!(FormatError);

impl Localized for FormatError {
    fn message(&self, lang: Lang) -> String {
        match self {
            FormatError::NotText => {
                t!(lang, "this is not a text file (it holds binary data)", "ini bukan berkas teks (isinya data biner)")
            }
            FormatError::NoCards => t!(
                lang,
                "this is not a vCard file: no BEGIN:VCARD line (for a CSV file use `jejaring import csv`)",
                "ini bukan berkas vCard: tidak ada baris BEGIN:VCARD (untuk berkas CSV pakai `jejaring import csv`)"
            ),
            FormatError::NotContactsCsv => t!(
                lang,
                "this is not a contacts CSV: no Name, First Name, Last Name, Company or E-mail column",
                "ini bukan CSV kontak: tidak ada kolom Name, First Name, Last Name, Company, atau E-mail"
            ),
            FormatError::NotLinkedIn => t!(
                lang,
                "this is not LinkedIn's Connections.csv: no \"First Name,Last Name,URL…\" header",
                "ini bukan Connections.csv dari LinkedIn: tidak ada judul kolom \"First Name,Last Name,URL…\""
            ),
        }
    }
}

pub use crate::model::identity::linkedin_profile;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_in_both_languages() {
        let p = Problem { at: At::Card { n: 3, line: 41 }, name: None, kind: ProblemKind::Skipped(SkipReason::NoName) };
        assert_eq!(p.message(Lang::En), "card 3 (line 41): skipped: no name, organisation or email");
        assert!(p.message(Lang::Id).starts_with("kartu 3 (baris 41): dilewati"));
    }
}
