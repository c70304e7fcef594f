//! Checks on what the user types before it reaches the data file: empty names,
//! control characters, absurd lengths, malformed emails and phone numbers.
//!
//! "Control characters" are what a terminal would act on or a reader could not see, by
//! the one rule in `crate::chars` (escape sequences, marks that reorder text, characters
//! of no width, tag characters…); `ui::shown` renders the same characters harmlessly
//! when a value that got in another way (a hand-edited file) is printed.

use crate::chars::{first_unsafe, is_unsafe};
use crate::i18n::Lang;
use crate::i18n::Localized;
use crate::t;

/// The longest name accepted, in characters.
pub const MAX_NAME: usize = 200;
/// The longest single-line field (org, role, tag, where you met…).
pub const MAX_LINE: usize = 500;
/// The longest free text (notes, impressions, interaction notes).
pub const MAX_TEXT: usize = 20_000;

/// Why a piece of input was refused. `field` names the flag the value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty { field: &'static str },
    TooLong { field: &'static str, max: usize, len: usize },
    Control { field: &'static str },
    Email(String),
    Phone(String),
    Url(String),
    LinkedIn(String),
}

crate::localized_error!(InputError);

impl Localized for InputError {
    fn message(&self, lang: Lang) -> String {
        match self {
            InputError::Empty { field } => {
                let field = crate::i18n::field_name(field, lang);
                t!(lang, "{field} must not be empty; give it some text", "{field} tidak boleh kosong; isi dengan teks")
            }
            InputError::TooLong { field, max, len } => {
                let field = crate::i18n::field_name(field, lang);
                t!(
                    lang,
                    "{field} is {len} characters long; the limit is {max}, so shorten it",
                    "{field} panjangnya {len} karakter; batasnya {max}, jadi persingkat"
                )
            }
            InputError::Control { field } => t!(
                lang,
                "{field} contains control or invisible characters (an escape code, a right-to-left mark, a zero-width space…); use plain text",
                "{field} berisi karakter kontrol atau tak terlihat (kode escape, tanda kanan-ke-kiri, spasi nol-lebar…); gunakan teks biasa"
            ),
            InputError::Email(v) => t!(
                lang,
                "{v:?} is not an email address (expected name@example.com)",
                "{v:?} bukan alamat email (contoh: nama@contoh.com)"
            ),
            InputError::Phone(v) => t!(
                lang,
                "{v:?} is not a phone number (it starts with a digit, + or (, like +62 812-3456-7890 ext. 12)",
                "{v:?} bukan nomor telepon (diawali angka, + atau (, misalnya +62 812-3456-7890 ext. 12)"
            ),
            InputError::Url(v) => t!(
                lang,
                "{v:?} is not a web address (expected something like https://example.com/page)",
                "{v:?} bukan alamat web (contoh: https://contoh.com/halaman)"
            ),
            InputError::LinkedIn(v) => t!(
                lang,
                "{v:?} is not a LinkedIn profile (expected https://www.linkedin.com/in/NAME)",
                "{v:?} bukan profil LinkedIn (contoh: https://www.linkedin.com/in/NAMA)"
            ),
        }
    }
}

/// A single line of text: trimmed, non-empty, no control characters, at most `max` chars.
pub fn line(field: &'static str, value: &str, max: usize) -> Result<String, InputError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(InputError::Empty { field });
    }
    if first_unsafe(value, false).is_some() {
        return Err(InputError::Control { field });
    }
    check_len(field, value, max)?;
    Ok(value.to_string())
}

/// Free text: trimmed, non-empty; newlines and tabs allowed, other control characters not.
pub fn text(field: &'static str, value: &str) -> Result<String, InputError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(InputError::Empty { field });
    }
    if first_unsafe(&value.replace("\r\n", "\n"), true).is_some() {
        return Err(InputError::Control { field });
    }
    check_len(field, value, MAX_TEXT)?;
    Ok(value.replace("\r\n", "\n"))
}

/// An optional field: an empty value clears it (`--org ""`).
pub fn optional_line(field: &'static str, value: &str) -> Result<Option<String>, InputError> {
    if value.trim().is_empty() { Ok(None) } else { line(field, value, MAX_LINE).map(Some) }
}

/// Optional free text: an empty value clears it.
pub fn optional_text(field: &'static str, value: &str) -> Result<Option<String>, InputError> {
    if value.trim().is_empty() { Ok(None) } else { text(field, value).map(Some) }
}

/// An email address, lower-cased. Only the shape is checked: one `@`, text on both
/// sides, a dot in the domain, no spaces. Real validation is the mail server's job.
pub fn email(value: &str) -> Result<String, InputError> {
    let v = line("--email", value, MAX_LINE)?;
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !v.contains(char::is_whitespace)
        }
        None => false,
    };
    if ok { Ok(v.to_lowercase()) } else { Err(InputError::Email(v)) }
}

/// A phone number as the user writes it, with at least three digits; an extension,
/// letters and a fax mark are kept, invisible marks dropped (see `model::phone`).
pub fn phone(value: &str) -> Result<String, InputError> {
    // Address books wrap numbers in direction marks; a number has no text to reorder,
    // so invisible marks are dropped here (control characters are still refused).
    let value: String = value.chars().filter(|&c| c.is_control() || !is_unsafe(c, None, None, false)).collect();
    let v = line("--phone", &value, 64)?;
    super::phone::normalise(&v).ok_or(InputError::Phone(v))
}

/// A web address. Only the shape is checked: one line, no spaces, and a scheme
/// (`https://`) or a dot, so a stray word is not taken for a page.
pub fn url(value: &str) -> Result<String, InputError> {
    let v = line("--url", value, MAX_LINE)?;
    let ok = !v.contains(char::is_whitespace) && (v.contains("://") || v.contains('.'));
    if ok { Ok(v) } else { Err(InputError::Url(v)) }
}

/// A tag: one word-ish label, lower-cased so `Fintech` and `fintech` are one tag.
pub fn tag(value: &str) -> Result<String, InputError> {
    let v = line("--tag", value, 64)?;
    Ok(v.to_lowercase())
}

fn check_len(field: &'static str, value: &str, max: usize) -> Result<(), InputError> {
    let len = value.chars().count();
    if len > max { Err(InputError::TooLong { field, max, len }) } else { Ok(()) }
}

/// Folds a string for matching: accents removed, lower case (`Jürgen` → `jurgen`).
pub fn fold(s: &str) -> String {
    let mut folded = String::new();
    fold_into(&mut folded, s);
    folded
}

/// Appends `s`, folded, to `out`: folding many names into one buffer saves allocating
/// each, which is a visible part of a lookup in a big network.
fn fold_into(out: &mut String, s: &str) {
    let start = out.len();
    match s.is_ascii() {
        // Most text has no accent to look up.
        true => out.push_str(s),
        false => out.extend(unaccented(s)),
    }
    out[start..].make_ascii_lowercase();
}

/// `s` with its accents removed, in pieces, as `deunicode::deunicode` gives it (all
/// ASCII) but written straight where it goes: a search folds every field of thousands of
/// records, and a string made for each field was most of its work.
fn unaccented(s: &str) -> impl Iterator<Item = &str> {
    use deunicode::AsciiChars;
    // What `deunicode` passes over as it is: all of plain ASCII, or the part before the
    // first character it looks up (from DEL on).
    let kept = if s.is_ascii() { s.len() } else { s.bytes().take_while(|&b| b < 0x7F).count() };
    let (head, rest) = s.split_at(kept);
    std::iter::once(head).chain(rest.ascii_chars().map(|c| c.unwrap_or("[?]")))
}

/// Text to search for: folded once, with its searcher built once, for every field of
/// every contact it is looked for in.
#[derive(Clone, Debug)]
pub struct Needle {
    finder: memchr::memmem::Finder<'static>,
}

impl Needle {
    /// What the user typed, trimmed and folded (without NULs, which a command line
    /// cannot hold and a `Haystack` uses between fields).
    pub fn new(text: &str) -> Needle {
        let folded = fold(text.trim()).replace('\0', "");
        Needle { finder: memchr::memmem::Finder::new(folded.as_bytes()).into_owned() }
    }

    /// Whether any field of a haystack's bytes (`Haystack::bytes`, as a cache keeps them)
    /// contains the needle.
    pub fn in_folded(&self, haystack: &[u8]) -> bool {
        self.finder.find(haystack).is_some()
    }

    /// Whether `haystack`, folded, contains the needle. The haystack is folded into `buf`
    /// (room reused from field to field), unless it is plain ASCII with no capitals.
    pub fn in_text(&self, haystack: &str, buf: &mut String) -> bool {
        let folded = if haystack.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            haystack
        } else {
            buf.clear();
            fold_into(buf, haystack);
            buf.as_str()
        };
        self.finder.find(folded.as_bytes()).is_some()
    }
}

/// Many fields folded into one buffer, each ended by a NUL, so a needle (which holds no
/// NUL) is looked for in all of them at once and never across two: one search per
/// contact instead of one per field.
#[derive(Default)]
pub struct Haystack {
    bytes: Vec<u8>,
}

impl Haystack {
    pub fn clear(&mut self) {
        self.bytes.clear();
    }

    /// The fields, folded, each ended by a NUL.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Adds a field, folded.
    pub fn add(&mut self, field: &str) {
        let start = self.bytes.len();
        unaccented(field).for_each(|piece| self.bytes.extend_from_slice(piece.as_bytes()));
        self.end_field(start);
    }

    /// Adds a field given as bytes: plain ASCII (nearly every field) is lowered as it is
    /// copied, with no other check; anything else must be UTF-8, and is folded.
    pub fn add_bytes(&mut self, field: &[u8]) -> Result<(), std::str::Utf8Error> {
        if field.is_ascii() {
            let start = self.bytes.len();
            self.bytes.extend_from_slice(field);
            self.end_field(start);
        } else {
            self.add(std::str::from_utf8(field)?);
        }
        Ok(())
    }

    /// Lowers the field added from `start` on, and ends it.
    fn end_field(&mut self, start: usize) {
        self.bytes[start..].make_ascii_lowercase();
        self.bytes.push(0);
    }
}

/// Many strings folded into one buffer (one allocation, not one per name).
pub struct Folded {
    text: String,
    ends: Vec<usize>,
}

impl Folded {
    pub fn of<'a>(strings: impl IntoIterator<Item = &'a str>) -> Folded {
        let strings = strings.into_iter();
        let mut folded = Folded::with_capacity(strings.size_hint().0);
        strings.for_each(|s| folded.push(s));
        folded
    }

    /// None yet, with room for `n` names.
    pub fn with_capacity(n: usize) -> Folded {
        // Names run about sixteen bytes; growing a big buffer would copy it.
        Folded { text: String::with_capacity(n * 16), ends: Vec::with_capacity(n) }
    }

    /// Adds `s`, folded.
    pub fn push(&mut self, s: &str) {
        fold_into(&mut self.text, s);
        self.ends.push(self.text.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`th string, folded.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Whether `s` folds to `folded` (itself folded), without allocating for plain ASCII.
pub fn folds_to(s: &str, folded: &str) -> bool {
    if s.is_ascii() { s.eq_ignore_ascii_case(folded) } else { fold(s) == folded }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_haystack_finds_a_needle_in_one_field_never_across_two() {
        let mut hay = Haystack::default();
        hay.add("Bank MANDIRI");
        hay.add_bytes("Jürgen".as_bytes()).unwrap();
        assert!(hay.add_bytes(b"\xff").is_err());
        for (needle, found) in [("mandiri", true), ("jurgen", true), ("irij", false), ("", true), ("ri\0ju", false)] {
            assert_eq!(Needle::new(needle).in_folded(hay.bytes()), found, "{needle:?}");
        }
    }

    #[test]
    fn a_needle_is_found_where_fold_then_contains_finds_it() {
        let mut buf = String::new();
        for (hay, needle) in [
            ("Bank MANDIRI", "mandiri"),
            ("Jürgen Weiß", "jurgen"),
            ("jw@Example.com", "example.c"),
            ("abc", ""),
            ("Ab", "abc"),
            ("Søren", "soren"),
            ("Budi", "budi s"),
        ] {
            assert_eq!(Needle::new(needle).in_text(hay, &mut buf), fold(hay).contains(needle), "{hay:?} {needle:?}");
        }
    }
    use super::*;

    #[test]
    fn folding_removes_accents_and_case_however_it_is_done() {
        assert_eq!(fold("Jürgen WEISS"), "jurgen weiss");
        let all = Folded::of(["Budi", "Đặng Minh Anh", ""]);
        assert_eq!(all.iter().collect::<Vec<_>>(), ["budi", "dang minh anh", ""]);
        assert!(folds_to("BUDI Santoso", "budi santoso"));
        assert!(folds_to("Jürgen", "jurgen"));
        assert!(!folds_to("Budi", "bud"));
        assert!(!folds_to("Budi", "budi "));
    }

    #[test]
    fn lines_are_trimmed_and_checked() {
        assert_eq!(line("--name", "  Budi  ", MAX_NAME).unwrap(), "Budi");
        assert_eq!(line("--name", " \t ", MAX_NAME), Err(InputError::Empty { field: "--name" }));
        assert_eq!(line("--name", "Bu\u{7}di", MAX_NAME), Err(InputError::Control { field: "--name" }));
        assert!(matches!(line("--name", &"x".repeat(201), MAX_NAME), Err(InputError::TooLong { .. })));
    }

    #[test]
    fn text_keeps_newlines_but_not_other_controls() {
        assert_eq!(text("--note", "a\r\nb").unwrap(), "a\nb");
        assert!(text("--note", "a\u{0}b").is_err());
        assert!(text("--note", &"x".repeat(100_000)).is_err());
    }

    #[test]
    fn emails_are_shape_checked() {
        assert_eq!(email(" Budi@Example.COM ").unwrap(), "budi@example.com");
        for bad in ["budi", "@x.com", "budi@x", "a b@x.com", "a@b@c.com", "a@.com"] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls_are_shape_checked() {
        assert_eq!(url(" https://budi.example/blog ").unwrap(), "https://budi.example/blog");
        assert_eq!(url("budi.example").unwrap(), "budi.example");
        assert!(matches!(url("budi"), Err(InputError::Url(_))));
        assert!(matches!(url("https://a.example/x y"), Err(InputError::Url(_))));
    }

    #[test]
    fn phones_are_shape_checked() {
        assert_eq!(phone("+62 812-3456-7890").unwrap(), "+62 812-3456-7890");
        assert!(phone("call me").is_err());
        assert!(phone("12").is_err());
        assert_eq!(phone("\u{202a}+91 81297 00200\u{202c}").unwrap(), "+91 81297 00200");
        assert_eq!(phone("1-800-ELEPHANT").unwrap(), "1-800-ELEPHANT");
    }

    #[test]
    fn folding_removes_accents() {
        assert_eq!(fold("Jürgen Müller"), "jurgen muller");
        assert_eq!(fold("SITI"), "siti");
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let e = InputError::Empty { field: "--name" };
        assert!(e.message(Lang::En).contains("must not be empty"));
        assert!(e.message(Lang::Id).contains("tidak boleh kosong"));
    }

    proptest::proptest! {
        /// Folding is `deunicode`'s transliteration lowered, as it was when a string was
        /// made for it, for any text: accents, scripts it spells out, DEL, characters it
        /// has no spelling for, and a field added to a haystack is folded the same way.
        #[test]
        fn folding_is_deunicode_lowered(s in "(\\PC|[\u{7f}é\u{e000}\u{10fffd}]){0,12}") {
            let made = if s.is_ascii() { s.to_ascii_lowercase() } else { deunicode::deunicode(&s).to_lowercase() };
            proptest::prop_assert_eq!(fold(&s), made.clone());
            let mut hay = Haystack::default();
            hay.add(&s);
            proptest::prop_assert_eq!(hay.bytes, [made.as_bytes(), &[0]].concat());
        }
    }
}
