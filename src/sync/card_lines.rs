//! A card as the lines it was sent in, so an update can change jejaring's lines and
//! copy every other one byte for byte: parameters, groups, order, folding, line ends
//! and the card's VERSION (2.1 stays 2.1, 4.0 stays 4.0). Also the writing of the few
//! lines jejaring adds, in the syntax of the card's own version.
//!
//! A logical line is its first physical line plus the folded lines after it (starting
//! with a space or tab), plus, for a vCard 2.1 quoted-printable value, the lines its
//! soft line breaks (`=` at the end) join; an `AGENT` whose card follows on the next
//! lines keeps that card as part of its own line (when the embedded card has no END of
//! its own, the card's last END stays the card's). Nothing here decodes values: what a
//! line means is read by the vCard importer (see `cards`).

/// One logical line of a card, exactly as it was sent (with its line end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub raw: String,
}

impl Line {
    /// The property's name without its group, as written (`item1.TEL` → `TEL`).
    pub fn name(&self) -> &str {
        let head = head(&self.raw);
        let name = head.split(';').next().unwrap_or_default();
        name.rsplit('.').next().unwrap_or_default().trim()
    }

    /// The group with its dot (`item1.`), or "".
    pub fn group(&self) -> &str {
        let head = head(&self.raw);
        let name = head.split(';').next().unwrap_or_default();
        match name.rfind('.') {
            Some(dot) => &name[..=dot],
            None => "",
        }
    }

    /// Whether the property's name is `name` (any case).
    pub fn is(&self, name: &str) -> bool {
        self.name().eq_ignore_ascii_case(name)
    }

    /// The value as written on the first physical line, trimmed (for VERSION and UID).
    pub fn first_value(&self) -> &str {
        let first = self.raw.lines().next().unwrap_or_default();
        let at = value_start(first).unwrap_or(first.len());
        first[at..].trim()
    }
}

/// Everything before the value: group, name and parameters.
fn head(raw: &str) -> &str {
    let first = raw.lines().next().unwrap_or_default();
    match value_start(first) {
        Some(at) => &first[..at - 1],
        None => first,
    }
}

/// Where the value starts: after the first `:` outside double quotes.
fn value_start(line: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some(i + 1),
            _ => {}
        }
    }
    None
}

fn is_quoted_printable(head: &str) -> bool {
    head.split(';').skip(1).any(|p| {
        let p = p.trim();
        p.eq_ignore_ascii_case("QUOTED-PRINTABLE")
            || p.split_once('=').is_some_and(|(n, v)| {
                n.trim().eq_ignore_ascii_case("ENCODING") && v.trim().eq_ignore_ascii_case("QUOTED-PRINTABLE")
            })
    })
}

fn bare(line: &str) -> &str {
    line.trim_end_matches(['\r', '\n'])
}

/// The card cut into logical lines, from `BEGIN:VCARD` to `END:VCARD` included. Text
/// before the first or after the last line is left out (a server sends one card).
pub fn split(text: &str) -> Vec<Line> {
    let physical: Vec<&str> = text.split_inclusive('\n').collect();
    let mut lines: Vec<Line> = Vec::new();
    let mut i = 0;
    let mut begun = false;
    while i < physical.len() {
        let line = physical[i];
        i += 1;
        if !begun {
            // A UTF-8 byte order mark before it (which the importer skips) stays in
            // the line's bytes.
            begun = bare(line).trim_start_matches('\u{feff}').trim().eq_ignore_ascii_case("BEGIN:VCARD");
            if begun {
                lines.push(Line { raw: line.to_string() });
            }
            continue;
        }
        let mut raw = line.to_string();
        // Folded continuation lines.
        let fold = |i: &mut usize, raw: &mut String| {
            while *i < physical.len() && physical[*i].starts_with([' ', '\t']) {
                raw.push_str(physical[*i]);
                *i += 1;
            }
        };
        fold(&mut i, &mut raw);
        let h = head(line).to_string();
        if is_quoted_printable(&h) {
            // Soft line breaks: a line ending in `=` goes on.
            while bare(&raw).ends_with('=')
                && i < physical.len()
                && !bare(physical[i]).trim().eq_ignore_ascii_case("END:VCARD")
            {
                raw.push_str(physical[i]);
                i += 1;
            }
        }
        let name = h.split(';').next().unwrap_or_default();
        let agent = name.rsplit('.').next().is_some_and(|n| n.trim().eq_ignore_ascii_case("AGENT"));
        if agent && i < physical.len() && bare(physical[i]).trim().eq_ignore_ascii_case("BEGIN:VCARD") {
            // vCard 2.1: the agent's card follows on the next lines; it is part of this line.
            let mut depth = 0;
            while i < physical.len() {
                let t = bare(physical[i]).trim();
                // An embedded card without an END of its own: the END followed by
                // nothing (or a new card) is the outer card's, as the importer reads it.
                if depth > 0 && t.eq_ignore_ascii_case("END:VCARD") && only_blank_or_a_card_after(&physical, i + 1) {
                    break;
                }
                raw.push_str(physical[i]);
                i += 1;
                if t.eq_ignore_ascii_case("BEGIN:VCARD") {
                    depth += 1;
                } else if t.eq_ignore_ascii_case("END:VCARD") {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
        let end = bare(&raw).trim().eq_ignore_ascii_case("END:VCARD");
        lines.push(Line { raw });
        if end {
            break;
        }
    }
    lines
}

/// Whether the lines from `from` on are blank, or blank and then a new `BEGIN:VCARD`.
fn only_blank_or_a_card_after(physical: &[&str], from: usize) -> bool {
    physical[from.min(physical.len())..]
        .iter()
        .map(|l| bare(l).trim())
        .find(|l| !l.is_empty())
        .is_none_or(|l| l.eq_ignore_ascii_case("BEGIN:VCARD"))
}

/// The vCard version a card is written in: new lines follow its syntax.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    V21,
    V30,
    V40,
}

impl Syntax {
    /// The card's version, from its VERSION line (3.0 when there is none).
    pub fn of(lines: &[Line]) -> Syntax {
        match lines.iter().find(|l| l.is("VERSION")).map(Line::first_value) {
            Some("2.1") => Syntax::V21,
            Some("4.0") => Syntax::V40,
            _ => Syntax::V30,
        }
    }
}

/// The line end the card uses (CRLF unless its first line ends in a bare LF).
pub fn line_end(lines: &[Line]) -> &'static str {
    match lines.first() {
        Some(l) if l.raw.ends_with('\n') && !l.raw.ends_with("\r\n") => "\n",
        _ => "\r\n",
    }
}

/// One value or structured component escaped for vCard 3.0 and 4.0.
pub fn escape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one new property line in the card's syntax: `head` is the group, name and
/// parameters (`EMAIL;TYPE=INTERNET`), `parts` the value's components (one for a
/// plain value; `N` and `ADR` have several, joined by `;`). Folded at 75 octets.
pub fn property(head: &str, parts: &[&str], syntax: Syntax, end: &str) -> String {
    match syntax {
        Syntax::V21 if parts.iter().any(|p| needs_quoting_21(p)) => quoted_printable(head, parts, end),
        Syntax::V21 => {
            // 2.1 escapes only the `;` inside a structured value's component.
            let value: Vec<String> = parts.iter().map(|p| p.replace(';', "\\;")).collect();
            fold(&format!("{head}:{}", value.join(";")), end)
        }
        Syntax::V30 | Syntax::V40 => {
            let value: Vec<String> = parts.iter().map(|p| escape(p)).collect();
            fold(&format!("{head}:{}", value.join(";")), end)
        }
    }
}

/// Whether a 2.1 value needs quoted-printable: anything beyond printable ASCII, a line
/// break, or a character 2.1 readers take for syntax.
fn needs_quoting_21(v: &str) -> bool {
    v.chars().any(|c| !(' '..='~').contains(&c) || c == '\\' || c == '=')
}

/// A vCard 2.1 quoted-printable line in UTF-8, with soft line breaks at 76 characters.
fn quoted_printable(head: &str, parts: &[&str], end: &str) -> String {
    let mut value = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            value.push(';');
        }
        for b in part.replace("\r\n", "\n").bytes() {
            match b {
                b'\n' => value.push_str("=0D=0A"),
                b'!'..=b'~' if !matches!(b, b'=' | b';' | b',' | b'\\') => value.push(b as char),
                b' ' => value.push(' '),
                b => value.push_str(&format!("={b:02X}")),
            }
        }
    }
    let mut out = format!("{head};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:");
    let mut width = out.len();
    let mut rest = value.as_str();
    while !rest.is_empty() {
        // An encoded byte (`=XX`) is never cut by a soft break.
        let take = if rest.starts_with('=') { 3.min(rest.len()) } else { 1 };
        if width + take > 75 {
            out.push('=');
            out.push_str(end);
            width = 0;
        }
        out.push_str(&rest[..take]);
        width += take;
        rest = &rest[take..];
    }
    out.push_str(end);
    out
}

/// Folds a line at 75 octets, never inside a character, and ends it.
pub fn fold(line: &str, end: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str(end);
            out.push(' ');
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str(end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_folds_soft_breaks_and_ends() {
        let card = "junk\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\r\nb\r\nitem1.TEL;TYPE=CELL:1\r\n 23\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\nEND:VCARD\r\ntail";
        let lines = split(card);
        let raws: Vec<&str> = lines.iter().map(|l| l.raw.as_str()).collect();
        assert_eq!(
            raws,
            [
                "BEGIN:VCARD\r\n",
                "VERSION:2.1\r\n",
                "NOTE;ENCODING=QUOTED-PRINTABLE:a=\r\nb\r\n",
                "item1.TEL;TYPE=CELL:1\r\n 23\r\n",
                "AGENT:\r\nBEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n",
                "END:VCARD\r\n"
            ]
        );
        assert_eq!((lines[3].name(), lines[3].group()), ("TEL", "item1."));
        assert_eq!(Syntax::of(&lines), Syntax::V21);
        assert_eq!(line_end(&lines), "\r\n");
    }

    #[test]
    fn an_agent_card_without_its_end_leaves_the_outer_end_its_own_line() {
        let card = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n\r\n";
        let raws: Vec<String> = split(card).into_iter().map(|l| l.raw).collect();
        assert_eq!(raws.last().map(String::as_str), Some("END:VCARD\r\n"));
        assert_eq!(raws[3], "AGENT:\r\nBEGIN:VCARD\r\nFN:x\r\n");
        assert!(crate::sync::cards::editable(card), "read as the importer reads it");
    }

    #[test]
    fn a_byte_order_mark_before_the_card_is_kept_not_a_reason_to_drop_it() {
        let card = "\u{feff}BEGIN:VCARD\r\nFN:a\r\nEND:VCARD\r\n";
        let raws: Vec<String> = split(card).into_iter().map(|l| l.raw).collect();
        assert_eq!(raws.concat(), card);
    }

    #[test]
    fn a_colon_inside_a_quoted_parameter_is_not_the_value() {
        let lines = split("BEGIN:VCARD\nEMAIL;X-LABEL=\"a:b\":x@y.z\nEND:VCARD\n");
        assert_eq!(lines[1].first_value(), "x@y.z");
        assert_eq!(lines[1].name(), "EMAIL");
        assert_eq!(line_end(&lines), "\n");
    }

    #[test]
    fn new_lines_follow_the_cards_syntax() {
        assert_eq!(property("NOTE", &["a, b; c\nd"], Syntax::V30, "\r\n"), "NOTE:a\\, b\\; c\\nd\r\n");
        assert_eq!(property("N", &["Ba;r", "Foo"], Syntax::V21, "\r\n"), "N:Ba\\;r;Foo\r\n");
        assert_eq!(
            property("NOTE", &["Jürgen\nok=1"], Syntax::V21, "\r\n"),
            "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen=0D=0Aok=3D1\r\n"
        );
        let long = property("NOTE", &["é".repeat(60).as_str()], Syntax::V30, "\r\n");
        assert!(long.split("\r\n").all(|l| l.len() <= 75), "{long}");
        let long = property("NOTE", &["é".repeat(60).as_str()], Syntax::V21, "\r\n");
        assert!(long.split("\r\n").all(|l| l.len() <= 76), "{long}");
    }
}
