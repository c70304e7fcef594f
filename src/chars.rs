//! The one rule for characters no value should carry: what a terminal would act on or
//! a reader could not see. A leaf: input checks (`model::text`) refuse these characters
//! and the terminal writer (`ui::safe`) shows them made visible, both by this rule.
//!
//! Unsafe: every C0/C1 control (escape sequences start with one), the marks that
//! reorder text (the right-to-left override U+202E and its kin), characters of no width
//! (U+200B, U+2060…, U+FEFF), characters that render as nothing though they are not
//! controls (the soft hyphen U+00AD, the grapheme joiner U+034F, the Hangul fillers
//! U+115F, U+1160, U+3164 and U+FFA0), the line and paragraph separators U+2028 and
//! U+2029 (a line break in all but name), and the tag characters U+E0000–U+E007F, which
//! can carry a whole hidden text. A zero-width joiner or non-joiner stays allowed
//! between two non-ASCII characters, where emoji sequences and some scripts need it.

/// Whether `c`, between `prev` and `next`, is a character no value should carry;
/// `lines`: newlines and tabs are text (notes).
pub fn is_unsafe(c: char, prev: Option<char>, next: Option<char>, lines: bool) -> bool {
    match c {
        '\n' | '\t' => !lines,
        // Joiners shape emoji and some scripts; between two ASCII letters they only hide.
        '\u{200C}' | '\u{200D}' => !(prev.is_some_and(|p| !p.is_ascii()) && next.is_some_and(|n| !n.is_ascii())),
        // Marks that reorder text, and characters of no width.
        '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' => true,
        '\u{2066}'..='\u{2069}' | '\u{180E}' | '\u{FEFF}' => true,
        // Shown as nothing, or as a line break, though not controls.
        '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2028}' | '\u{2029}' => true,
        // Tag characters: invisible letters that can spell a hidden message.
        '\u{E0000}'..='\u{E007F}' => true,
        c => c.is_control(),
    }
}

/// Where the first unsafe character sits in `s` (see `is_unsafe`).
pub fn first_unsafe(s: &str, lines: bool) -> Option<usize> {
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if is_unsafe(c, prev, next, lines) {
            return Some(at);
        }
        prev = Some(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_that_are_not_controls_are_unsafe() {
        for c in ['\u{00AD}', '\u{034F}', '\u{3164}', '\u{2028}', '\u{2029}', '\u{E0041}', '\u{E0001}', '\u{E007F}'] {
            let s = format!("Bu{c}di");
            assert_eq!(first_unsafe(&s, true), Some(2), "{:04X}", c as u32);
        }
        assert_eq!(first_unsafe("\u{1b}]52;c;ZXZpbA==\u{7}", false), Some(0));
        assert_eq!(first_unsafe("line one\nline two", true), None);
        assert_eq!(first_unsafe("line one\nline two", false), Some(8));
    }

    #[test]
    fn scripts_and_emoji_are_fine() {
        for fine in ["Jürgen Müller", "Ni Luh Putu", "👩\u{200D}💻 dev", "می\u{200C}خواهم", "김민준", "山田太郎"]
        {
            assert_eq!(first_unsafe(fine, false), None, "{fine}");
        }
    }
}
