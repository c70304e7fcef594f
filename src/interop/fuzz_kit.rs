//! What the fuzz guards share (`history::fuzz_tests`, `interop::fuzz_tests`): the case
//! count, text of any Unicode with the characters real exports trip on, and the test
//! fixtures mutated.

use proptest::prelude::*;

/// `modest` cases, unless `PROPTEST_CASES` (read by proptest itself) asks for more.
pub fn config(modest: u32) -> ProptestConfig {
    let asked = ProptestConfig::default().cases;
    // proptest's own default is 256: a number set by PROPTEST_CASES is anything else.
    let cases = if asked == 256 { modest } else { asked };
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Characters exports are made of and trip on: multi-byte letters, direction marks
/// and other invisibles, a byte-order mark, odd spaces and line ends, separators.
const NASTY: &[&str] = &[
    "十城目管理大型知座",
    "é",
    "\u{1F600}",
    "\u{200e}",
    "\u{200f}",
    "\u{202a}",
    "\u{202c}",
    "\u{feff}",
    "\u{a0}",
    "\u{202f}",
    "\u{2011}",
    "\u{0}",
    "\r",
    "\r\n",
    "\n",
    ":",
    ",",
    ";",
    "\"",
    "[",
    "]",
    "<",
    ">",
    "@",
    "=",
    "/",
    "-",
    " - ",
    ": ",
    "12/31/23, 9:41 PM - ",
    "[31/12/23 21.41.05] ",
    "BEGIN:",
    "From ",
    "tel:",
    "+62 812",
    "ext. ",
    "p. m.",
    "٣",
];

/// Any Unicode, mixed with the characters of [`NASTY`].
pub fn nasty_text() -> impl Strategy<Value = String> {
    let piece =
        prop_oneof![any::<String>(), proptest::sample::select(NASTY).prop_map(str::to_string), "[0-9/:., ]{0,12}"];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// A file of `tests/fixtures`, or nothing when it is missing (the guards check they
/// loaded something).
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_default()
}

/// One change to a file's bytes.
#[derive(Clone, Debug)]
enum Change {
    /// Cut it at this fraction of its length (maybe inside a character).
    Cut(f64),
    /// Put this text in at this fraction of its length.
    Insert(f64, String),
    /// Repeat the line at this fraction this many times.
    Repeat(f64, usize),
}

fn at(bytes: &[u8], fraction: f64) -> usize {
    ((bytes.len() as f64) * fraction) as usize
}

fn apply(mut bytes: Vec<u8>, change: &Change) -> Vec<u8> {
    match change {
        Change::Cut(f) => bytes.truncate(at(&bytes, *f)),
        Change::Insert(f, text) => {
            let i = at(&bytes, *f);
            bytes.splice(i..i, text.bytes());
        }
        Change::Repeat(f, n) => {
            let i = at(&bytes, *f);
            let start = bytes[..i].iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
            let end = bytes[i..].iter().position(|b| *b == b'\n').map_or(bytes.len(), |p| i + p + 1);
            let line = bytes[start..end].to_vec();
            for _ in 0..*n {
                bytes.splice(end..end, line.iter().copied());
            }
        }
    }
    bytes
}

/// One of the fixtures named, changed a few times.
pub fn mutated(names: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    let change = prop_oneof![
        (0.0..1.0f64).prop_map(Change::Cut),
        (0.0..1.0f64, proptest::sample::select(NASTY)).prop_map(|(f, s)| Change::Insert(f, s.to_string())),
        (0.0..1.0f64, any::<String>()).prop_map(|(f, s)| Change::Insert(f, s)),
        (0.0..1.0f64, 1..40usize).prop_map(|(f, n)| Change::Repeat(f, n)),
    ];
    (proptest::sample::select(names), proptest::collection::vec(change, 1..6))
        .prop_map(|(name, changes)| changes.iter().fold(fixture(name), apply))
}
