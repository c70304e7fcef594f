//! Phone numbers as people and address books write them: with an extension
//! (`+1-418-656-9254;ext=102`, `ext. 102`, `x102`), letters (`1-800-ELEPHANT`), a fax
//! marker, non-breaking spaces and the invisible direction marks Google's CSV puts
//! around numbers. The number is kept as written; only invisible marks go, and an
//! extension is written one way (` ext. 102`) so it reads the same everywhere.
//!
//! `key` is what makes two spellings one number: the digits (letters as on a phone's
//! keypad), then the extension, then whether it is a fax.

/// What marks a fax number in the stored text.
pub const FAX: &str = " (fax)";

/// Characters that take no space and only steer how text is shown (direction marks,
/// zero-width spaces, the byte-order mark, a soft hyphen).
fn invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The number as it is stored, or None when it is not a phone number: it must start
/// with a digit, `+` or `(`, hold at least three digits, and otherwise only letters,
/// spaces and `-().,/*#`.
pub fn normalise(value: &str) -> Option<String> {
    let cleaned: String =
        value.chars().filter(|c| !invisible(*c)).map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let mut v = cleaned.trim();
    let fax = match v.strip_suffix(FAX.trim_start()) {
        Some(rest) => {
            v = rest.trim_end();
            true
        }
        None => false,
    };
    // `get`, not `[..4]`: the value is user data and its fourth byte may sit inside
    // a character (`十城目管理大型知座`).
    if v.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("tel:")) {
        v = v[4..].trim_start();
    }
    let (main, ext) = split_extension(v);
    let main = main.trim();
    let allowed = |c: char| c.is_ascii_alphanumeric() || " +-().,/*#".contains(c);
    let starts_well = main.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '(');
    let digits = main.chars().filter(char::is_ascii_digit).count();
    if !starts_well || digits < 3 || !main.chars().all(allowed) {
        return None;
    }
    let mut out = main.to_string();
    if let Some(ext) = ext {
        out.push_str(" ext. ");
        out.push_str(ext);
    }
    if fax {
        out.push_str(FAX);
    }
    Some(out)
}

/// The number and its extension: `;ext=102` (a tel: URI, RFC 3966), `ext. 102`,
/// `ext 102`, `extension 102`, `x102`. Other tel: URI parameters are dropped.
fn split_extension(v: &str) -> (&str, Option<&str>) {
    let (number, params) = v.split_once(';').unwrap_or((v, ""));
    for param in params.split(';') {
        if let Some((name, value)) = param.split_once('=')
            && name.trim().eq_ignore_ascii_case("ext")
            && !value.trim().is_empty()
        {
            return (number, Some(value.trim()));
        }
    }
    if !params.is_empty() {
        return (number, None);
    }
    let lower = v.to_ascii_lowercase();
    for marker in ["extension", "ext.", "ext", "x"] {
        if let Some(i) = lower.rfind(marker) {
            let main = v[..i].trim_end();
            let ext = v[i + marker.len()..].trim_start_matches([' ', '.', ':']);
            // `00X00000` is letters in a number, not an extension of `00`.
            let ends_number = main.ends_with(|c: char| c.is_ascii_digit() || c == ')')
                && main.chars().filter(char::is_ascii_digit).count() >= 3;
            if ends_number && !ext.is_empty() && ext.chars().all(|c| c.is_ascii_digit()) {
                return (main, Some(ext));
            }
        }
    }
    (v, None)
}

/// The digit a letter stands for on a phone's keypad.
fn keypad(c: char) -> Option<char> {
    let d = match c.to_ascii_uppercase() {
        'A'..='C' => '2',
        'D'..='F' => '3',
        'G'..='I' => '4',
        'J'..='L' => '5',
        'M'..='O' => '6',
        'P'..='S' => '7',
        'T'..='V' => '8',
        'W'..='Z' => '9',
        _ => return None,
    };
    Some(d)
}

/// What two spellings of one number share: `+62 812-3456` and `+628123456` have one
/// key, `1-800-ELEPHANT` and `1-800-353-74268` too; another extension or a fax is
/// another number.
pub fn key(stored: &str) -> String {
    let (rest, fax) = match stored.strip_suffix(FAX) {
        Some(rest) => (rest, true),
        None => (stored, false),
    };
    let (main, ext) = rest.split_once(" ext. ").unwrap_or((rest, ""));
    let mut k: String = main.chars().filter_map(|c| if c.is_ascii_digit() { Some(c) } else { keypad(c) }).collect();
    if !ext.is_empty() {
        k.push('x');
        k.push_str(ext);
    }
    if fax {
        k.push('f');
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_kept_and_written_one_way() {
        // RFC 6350's own example, as iOS and Android write it in vCard 4.0.
        assert_eq!(normalise("tel:+1-418-656-9254;ext=102").unwrap(), "+1-418-656-9254 ext. 102");
        assert_eq!(normalise("+1 418 656 9254 ext. 102").unwrap(), "+1 418 656 9254 ext. 102");
        assert_eq!(normalise("+1 418 656 9254 Ext 102").unwrap(), "+1 418 656 9254 ext. 102");
        assert_eq!(normalise("(021) 555-0102 x102").unwrap(), "(021) 555-0102 ext. 102");
        assert_eq!(normalise("021 555 0102 extension 7").unwrap(), "021 555 0102 ext. 7");
        assert_eq!(normalise("tel:+62-21-555;phone-context=example.com").unwrap(), "+62-21-555");
    }

    #[test]
    fn invisible_marks_and_odd_spaces_are_cleaned() {
        // A real Google CSV row wraps numbers in LEFT-TO-RIGHT EMBEDDING … POP.
        assert_eq!(normalise("\u{202a}+91 81297 00200\u{202c}").unwrap(), "+91 81297 00200");
        assert_eq!(normalise("+62\u{a0}812\u{202f}3456\u{200b}7890").unwrap(), "+62 812 34567890");
    }

    #[test]
    fn letters_and_fax_marks_are_kept() {
        assert_eq!(normalise("1-800-ELEPHANT").unwrap(), "1-800-ELEPHANT");
        assert_eq!(normalise("00X00000").unwrap(), "00X00000", "too few digits before the x for an extension");
        assert_eq!(normalise("+62 21 555 0101 (fax)").unwrap(), "+62 21 555 0101 (fax)");
        assert_eq!(key("1-800-ELEPHANT"), key("1 800 353 74268"));
        assert_ne!(key("+62 21 555 0101 (fax)"), key("+62 21 555 0101"));
        assert_ne!(key("555 0101 ext. 1"), key("555 0101 ext. 2"));
        assert_eq!(key("+62 812-3456"), key("+628123456"));
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        // The last ones once panicked: a slice of the first four bytes cut a character.
        for bad in [
            "call me",
            "12",
            "call me at 555 1234",
            "+62 812 <b>",
            "ext. 102",
            "",
            "十城目管理大型知座",
            "té:1",
            "x\u{1F600}",
        ] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }
}
