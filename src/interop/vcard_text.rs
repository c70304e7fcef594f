//! A vCard file cut into cards, each card's lines decoded into clean UTF-8 for calcard.
//!
//! The file is cut at `BEGIN:VCARD` / `END:VCARD` lines and each card is parsed on its
//! own. That gives every card its line number, and a card that never ends cannot
//! swallow the card after it (calcard alone would read the next card's `BEGIN` as the
//! end of the broken one and lose the good card). A vCard 2.1 `AGENT` whose value is a
//! whole card on the following lines is left out, so neither the outer card "never
//! ends" nor the inner one becomes a person; when the embedded card has no `END` of
//! its own, the outer card still ends at its `END` (the one before the next card).
//!
//! Each property is decoded on its own (see `decode`): old phones write Latin-1 or
//! Shift_JIS with a `CHARSET=` parameter, and joined files mix encodings. A vCard 2.1
//! quoted-printable value — with `ENCODING=QUOTED-PRINTABLE` or the bare
//! `QUOTED-PRINTABLE` parameter Evolution and old Nokia and Sony Ericsson phones
//! write, over soft line breaks — is decoded here too, in its character set, and
//! handed on as a plain value.

use super::decode;
use encoding_rs::Encoding;

/// One card's text, where it starts, whether it has its `END:VCARD`, and whether a
/// line of it had to be guessed as Windows-1252.
pub struct CardText {
    pub text: String,
    pub line: usize,
    pub ended: bool,
    pub guessed: bool,
}

/// A card being collected.
struct Open {
    card: CardText,
    /// How deep inside embedded `AGENT` cards the reader is (0: the card itself).
    depth: usize,
    /// The last property was an `AGENT` waiting for its card on the next line.
    agent: bool,
}

fn trimmed(line: &[u8]) -> &[u8] {
    line.trim_ascii()
}

fn is(line: &[u8], what: &str) -> bool {
    trimmed(line).eq_ignore_ascii_case(what.as_bytes())
}

/// Cuts the (UTF-8-compatible) bytes into decoded cards. Lines outside cards (junk,
/// blank lines) are ignored.
pub fn cards(bytes: &[u8]) -> Vec<CardText> {
    let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
    let mut cards = Vec::new();
    let mut open: Option<Open> = None;
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        if is(raw, "BEGIN:VCARD") {
            match &mut open {
                Some(o) if o.agent || o.depth > 0 => {
                    o.depth += 1;
                    o.agent = false;
                    i += 1;
                    continue;
                }
                Some(_) => cards.extend(open.take().map(|o| o.card)),
                None => {}
            }
            let card = CardText { text: "BEGIN:VCARD\r\n".to_string(), line: i + 1, ended: false, guessed: false };
            open = Some(Open { card, depth: 0, agent: false });
            i += 1;
            continue;
        }
        let Some(o) = &mut open else {
            i += 1;
            continue;
        };
        if is(raw, "END:VCARD") {
            // An embedded card that never ends (Outlook writes some) would take the
            // outer card's END for its own: an END followed by a new card or by the
            // end of the file is the outer card's, whatever the depth.
            if o.depth > 0 && !ends_the_file_or_a_card(&lines, i + 1) {
                o.depth -= 1;
            } else if let Some(mut o) = open.take() {
                o.card.text.push_str("END:VCARD\r\n");
                o.card.ended = true;
                cards.push(o.card);
            }
            i += 1;
            continue;
        }
        if o.depth > 0 {
            i += 1;
            continue;
        }
        i = property(&lines, i, o);
    }
    cards.extend(open.map(|o| o.card));
    cards
}

/// Whether the lines from `from` on are only blank ones, or blank ones and then a new
/// card's `BEGIN:VCARD`.
fn ends_the_file_or_a_card(lines: &[&[u8]], from: usize) -> bool {
    lines[from.min(lines.len())..].iter().find(|l| !trimmed(l).is_empty()).is_none_or(|l| is(l, "BEGIN:VCARD"))
}

/// The parts of a property line: everything before the value (group, name and
/// parameters) and the value.
struct Head<'a> {
    name: &'a [u8],
    params: Vec<&'a [u8]>,
    value: &'a [u8],
}

/// Splits a line at its first `:` outside double quotes.
fn head(line: &[u8]) -> Option<Head<'_>> {
    let mut quoted = false;
    let colon = line.iter().position(|&b| {
        if b == b'"' {
            quoted = !quoted;
        }
        b == b':' && !quoted
    })?;
    let mut parts = line[..colon].split(|b| *b == b';');
    let name = parts.next().unwrap_or_default();
    Some(Head { name, params: parts.collect(), value: &line[colon + 1..] })
}

fn param_value<'a>(p: &'a [u8], name: &str) -> Option<&'a [u8]> {
    let (n, v) = p.split_at(p.iter().position(|b| *b == b'=')?);
    n.trim_ascii().eq_ignore_ascii_case(name.as_bytes()).then_some(&v[1..])
}

fn is_quoted_printable(p: &[u8]) -> bool {
    let p = p.trim_ascii();
    p.eq_ignore_ascii_case(b"QUOTED-PRINTABLE")
        || param_value(p, "ENCODING").is_some_and(|v| v.trim_ascii().eq_ignore_ascii_case(b"QUOTED-PRINTABLE"))
}

/// Reads the property starting at line `i` (with its folded or soft-broken lines),
/// adds it to the card decoded, and returns the index of the line after it.
fn property(lines: &[&[u8]], i: usize, o: &mut Open) -> usize {
    let line = lines[i];
    let Some(h) = head(line) else {
        // Not a property line (a stray continuation): decoded as it is.
        let (text, guessed) = decode::line(line, None);
        o.card.text.push_str(&text);
        o.card.guessed |= guessed;
        return i + 1;
    };
    let declared = h.params.iter().find_map(|p| param_value(p, "CHARSET")).and_then(|v| {
        let label = String::from_utf8_lossy(v);
        decode::charset(&label)
    });
    o.agent = h.name.rsplit(|b| *b == b'.').next().is_some_and(|n| n.trim_ascii().eq_ignore_ascii_case(b"AGENT"));
    if o.agent {
        // An embedded card on the next lines (2.1), or starting on this one; left out.
        if is(h.value, "BEGIN:VCARD") {
            o.depth += 1;
            o.agent = false;
        } else if !trimmed(h.value).is_empty() {
            o.agent = false;
        }
        return skip_folded(lines, i + 1);
    }
    if h.params.iter().any(|p| is_quoted_printable(p)) {
        return quoted_printable(lines, i, &h, declared, o);
    }
    let end = skip_folded(lines, i + 1);
    // calcard reads the properties before VERSION by 4.0's rules (a 3.0 BDAY of
    // 1985-12-24 lost its day), so VERSION goes first, wherever the card put it.
    let at =
        if h.name.trim_ascii().eq_ignore_ascii_case(b"VERSION") { "BEGIN:VCARD\r\n".len() } else { o.card.text.len() };
    let mut text = String::new();
    for raw in &lines[i..end] {
        let (decoded, guessed) = decode::line(raw, declared);
        text.push_str(&decoded);
        o.card.guessed |= guessed;
    }
    o.card.text.insert_str(at, &text);
    end
}

/// The index of the first line after `from` that is not a folded continuation.
fn skip_folded(lines: &[&[u8]], mut from: usize) -> usize {
    while from < lines.len() && lines[from].first().is_some_and(|b| *b == b' ' || *b == b'\t') {
        from += 1;
    }
    from
}

/// A quoted-printable value: its soft line breaks (`=` at the end of a line) joined,
/// decoded in its character set, and written back as a plain property without the
/// encoding and character-set parameters. A `;`, `,`, `\` or line break that was
/// encoded is the value's own text, so it is escaped; the ones written plainly keep
/// their meaning (the `;` between the parts of `N`).
fn quoted_printable(
    lines: &[&[u8]],
    i: usize,
    h: &Head<'_>,
    declared: Option<&'static Encoding>,
    o: &mut Open,
) -> usize {
    let mut value: Vec<u8> = Vec::new();
    let mut part = h.value;
    let mut next = i + 1;
    loop {
        let body = part.strip_suffix(b"\n").unwrap_or(part);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        match body.strip_suffix(b"=") {
            Some(soft) if next < lines.len() && !is(lines[next], "END:VCARD") => {
                value.extend_from_slice(soft);
                part = lines[next];
                next += 1;
            }
            _ => {
                value.extend_from_slice(body.trim_ascii_end());
                break;
            }
        }
    }
    let bytes = unquote(&value);
    let (text, guessed) = decode::line(&bytes, declared);
    o.card.guessed |= guessed;
    let out = &mut o.card.text;
    out.push_str(&String::from_utf8_lossy(h.name));
    for p in h.params.iter().filter(|p| !is_quoted_printable(p) && param_value(p, "CHARSET").is_none()) {
        out.push(';');
        out.push_str(&String::from_utf8_lossy(p));
    }
    out.push(':');
    out.push_str(&text);
    out.push_str("\r\n");
    next
}

/// Quoted-printable bytes decoded; encoded separators and line breaks escaped.
fn unquote(value: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(value.len());
    let mut k = 0;
    while k < value.len() {
        let b = value[k];
        let byte = match (b, value.get(k + 1).and_then(|&x| hex(x)), value.get(k + 2).and_then(|&x| hex(x))) {
            (b'=', Some(h), Some(l)) => {
                k += 3;
                (h * 16 + l) as u8
            }
            _ => {
                out.push(b);
                k += 1;
                continue;
            }
        };
        match byte {
            b'\r' => {}
            b'\n' => out.extend_from_slice(b"\\n"),
            b';' | b',' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
            _ => out.push(byte),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &[u8]) -> CardText {
        let mut cards = cards(text);
        assert_eq!(cards.len(), 1);
        cards.remove(0)
    }

    #[test]
    fn a_bare_quoted_printable_parameter_with_soft_line_breaks() {
        // Evolution and old Nokia / Sony Ericsson phones write the bare parameter.
        let card =
            one(b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;QUOTED-PRINTABLE:J=C3=BCrgen =\r\nWei=C3=9F\r\n\
                         TEL;CELL;QUOTED-PRINTABLE:+49 30 =\r\n1234567\r\nEND:VCARD\r\n");
        assert_eq!(
            card.text,
            "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jürgen Weiß\r\nTEL;CELL:+49 30 1234567\r\nEND:VCARD\r\n"
        );
        assert!(card.ended && !card.guessed);
    }

    #[test]
    fn encoded_separators_are_the_values_own() {
        assert_eq!(unquote(b"a=3Bb;c=0D=0Ad=3D"), b"a\\;b;c\\nd=");
        assert_eq!(unquote(b"100=25 =ZZ"), b"100% =ZZ");
    }

    #[test]
    fn charsets_per_property_and_guesses_per_card() {
        let mut bytes = b"BEGIN:VCARD\r\nFN;CHARSET=SHIFT_JIS:".to_vec();
        bytes.extend_from_slice(&encoding_rs::SHIFT_JIS.encode("山田太郎").0);
        bytes.extend_from_slice(b"\r\nNOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:caf=E9\r\nEND:VCARD\r\n");
        bytes.extend_from_slice(b"BEGIN:VCARD\r\nFN:Jos\xe9\r\nEND:VCARD\r\n");
        let cards = cards(&bytes);
        assert_eq!(cards[0].text, "BEGIN:VCARD\r\nFN;CHARSET=SHIFT_JIS:山田太郎\r\nNOTE:café\r\nEND:VCARD\r\n");
        assert!(!cards[0].guessed, "a named character set is not a guess");
        assert_eq!(cards[1].text, "BEGIN:VCARD\r\nFN:José\r\nEND:VCARD\r\n");
        assert!(cards[1].guessed);
    }

    #[test]
    fn an_agent_card_is_left_out_and_the_outer_card_ends() {
        // vCard 2.1 AGENT as Outlook and old Palm desktop software write it.
        let text = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:Assistant\r\n\
                     END:VCARD\r\nTEL:+62 21 555\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Next\r\nEND:VCARD\r\n";
        let cards = cards(text);
        assert_eq!(cards.len(), 2);
        assert!(cards[0].ended);
        assert_eq!(cards[0].text, "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nTEL:+62 21 555\r\nEND:VCARD\r\n");
        assert_eq!((cards[1].line, cards[1].text.contains("Next")), (11, true));
    }

    #[test]
    fn an_agent_card_without_its_end_leaves_the_outer_card_its_own() {
        let text =
            b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nTEL:+62 21 555\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\n\
                     FN:Assistant\r\nEND:VCARD\r\n\r\nBEGIN:VCARD\r\nFN:Next\r\nEND:VCARD\r\n";
        let cards = cards(text);
        assert_eq!(cards.len(), 2);
        assert!(cards[0].ended);
        assert_eq!(cards[0].text, "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nTEL:+62 21 555\r\nEND:VCARD\r\n");
        assert_eq!(cards[1].text, "BEGIN:VCARD\r\nFN:Next\r\nEND:VCARD\r\n");
        // At the end of the file too.
        let last = cards_of_one(b"BEGIN:VCARD\nFN:Boss\nAGENT:\nBEGIN:VCARD\nFN:Assistant\nEND:VCARD\n");
        assert!(last.ended, "{}", last.text);
    }

    fn cards_of_one(text: &[u8]) -> CardText {
        let mut all = cards(text);
        assert_eq!(all.len(), 1);
        all.remove(0)
    }

    #[test]
    fn version_goes_first_wherever_the_card_put_it() {
        let card = one(b"BEGIN:VCARD\r\nBDAY:1985-12-24\r\nVERSION:3.0\r\nFN:Rina\r\nEND:VCARD\r\n");
        assert_eq!(card.text, "BEGIN:VCARD\r\nVERSION:3.0\r\nBDAY:1985-12-24\r\nFN:Rina\r\nEND:VCARD\r\n");
    }

    #[test]
    fn a_card_without_end_does_not_swallow_the_next() {
        let cards = cards(b"BEGIN:VCARD\nFN:Cut\nBEGIN:VCARD\nFN:Whole\nEND:VCARD\n");
        assert_eq!(cards.iter().map(|c| (c.line, c.ended)).collect::<Vec<_>>(), [(1, false), (3, true)]);
    }
}
