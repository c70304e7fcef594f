//! Text shown on a terminal, made harmless: a value that holds an escape sequence, a
//! control character, a mark that reorders text or a zero-width character (see
//! `crate::chars`) is shown with those characters made visible, never acted on. Input
//! refuses them, but a hand-edited or synced data file can still hold them.
//!
//! jejaring's own colours are escape sequences too, so `paint` does not write them
//! directly: it writes a marker holding a random key made once per process, and `shown`
//! turns markers back into escapes after everything else is neutralised. A value in the
//! file cannot know the key, so it cannot pass for jejaring's own colour.

use crate::chars::is_unsafe;
use std::borrow::Cow;
use std::fmt::Write;
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

/// What `paint` writes in place of the escape character: a private-use character and
/// the key.
fn marker() -> &'static str {
    static MARKER: OnceLock<String> = OnceLock::new();
    MARKER.get_or_init(|| {
        let key = std::collections::hash_map::RandomState::new().build_hasher().finish();
        format!("\u{F8FF}{key:016x}")
    })
}

/// A style's escape sequence (`\x1b[1m`) in the form `paint` writes it.
pub(super) fn marked(sequence: &str) -> String {
    sequence.replace('\x1b', marker())
}

/// `text` as it may reach the terminal: unsafe characters made visible (newlines and
/// tabs kept), then jejaring's own styles turned into escapes.
pub fn shown(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    if needs_a_change(text) {
        let mut safe = String::with_capacity(text.len());
        let mut prev = None;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if is_unsafe(c, prev, chars.peek().copied(), true) {
                visible(c, &mut safe);
            } else {
                safe.push(c);
            }
            prev = Some(c);
        }
        if safe.contains(marker()) {
            safe = safe.replace(marker(), "\x1b");
        }
        out = Cow::Owned(safe);
    }
    out
}

/// Whether `shown` must change anything in `text`: an unsafe character, or one of
/// jejaring's own style markers. Printable ASCII, newlines and tabs (nearly all of a
/// table of names) are passed over a byte at a time; only other characters are looked
/// at with their neighbours.
fn needs_a_change(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    let plain = |b: &u8| (0x20..0x7f).contains(b) || *b == b'\n' || *b == b'\t';
    while at < bytes.len() {
        at += bytes[at..].iter().take_while(|b| plain(b)).count();
        let Some(&b) = bytes.get(at) else { break };
        if b.is_ascii() {
            return true;
        }
        let Some(c) = text[at..].chars().next() else { return true };
        let (prev, next) = (text[..at].chars().next_back(), text[at + c.len_utf8()..].chars().next());
        if c == '\u{F8FF}' || is_unsafe(c, prev, next, true) {
            return true;
        }
        at += c.len_utf8();
    }
    false
}

/// A character written so it can be seen: a control picture for C0 controls (`␛` for
/// escape), `<U+202E>` for the rest.
fn visible(c: char, out: &mut String) {
    match c as u32 {
        n @ 0..0x20 => out.push(char::from_u32(0x2400 + n).unwrap_or('?')),
        0x7f => out.push('␡'),
        n => {
            let _ = write!(out, "<U+{n:04X}>");
        }
    }
}

/// JSON text as it may reach the terminal: the same characters are written as JSON
/// escapes (`\u202e`), which read back as the same value. (serde_json already escapes
/// C0 controls.)
pub(super) fn json_shown(json: &str) -> Cow<'_, str> {
    if json.is_ascii() {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len());
    let mut prev = None;
    let mut chars = json.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe(c, prev, chars.peek().copied(), true) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_nothing_to_change_is_not_copied() {
        for text in ["Budi Santoso  Bank Mandiri\n", "Jürgen Müller\tKöln", "山田太郎", "👩\u{200D}💻 dev"] {
            assert!(matches!(shown(text), Cow::Borrowed(_)), "{text:?}");
        }
        // A joiner between two ASCII letters hides; a marker becomes an escape.
        assert!(matches!(shown("a\u{200D}b"), Cow::Owned(_)));
        assert_eq!(shown(&format!("{}x", marked("\x1b[1m"))), "\x1b[1mx");
    }

    #[test]
    fn escapes_and_hidden_characters_are_made_visible() {
        assert_eq!(shown("Budi\x1b[31m red"), "Budi␛[31m red");
        assert_eq!(shown("\x1b]0;pwned\x07"), "␛]0;pwned␇");
        assert_eq!(shown("abc\u{202E}fed"), "abc<U+202E>fed");
        assert_eq!(shown("Bu\u{200B}di\u{200D}x"), "Bu<U+200B>di<U+200D>x");
        assert_eq!(shown("c\u{9b}2J"), "c<U+009B>2J");
        assert_eq!(shown("line one\nline\ttwo\r"), "line one\nline\ttwo␍");
        assert_eq!(shown("a\u{E0041}\u{AD}b\u{2028}"), "a<U+E0041><U+00AD>b<U+2028>");
        // What is fine is left alone: accents, scripts, emoji joined by a joiner.
        for fine in ["Jürgen Müller", "Ni Luh Putu", "👩\u{200D}💻 dev", "می\u{200C}خواهم"] {
            assert_eq!(shown(fine), fine);
        }
    }

    #[test]
    fn only_jejarings_own_styles_become_escapes() {
        let ours = format!("{}bold{}", marked("\x1b[1m"), marked("\x1b[0m"));
        assert_eq!(shown(&format!("{ours} \x1b[31m")), "\x1b[1mbold\x1b[0m ␛[31m");
        // A marker without the key is just a character.
        assert_eq!(shown("\u{F8FF}[31m"), "\u{F8FF}[31m");
    }

    #[test]
    fn json_keeps_its_values_but_not_their_effect() {
        let json = serde_json::to_string(&"a\u{202E}b\x1bc").unwrap();
        let safe = json_shown(&json);
        assert_eq!(safe, "\"a\\u202eb\\u001bc\"");
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), "a\u{202E}b\x1bc");
    }
}
