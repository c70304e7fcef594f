//! Cards on the server and the fields they carry. Reading goes through the vCard
//! importer, so a synced card passes the same checks as an imported one (and the same
//! plain-text rule as what is typed here). Writing changes only jejaring's lines: an
//! update starts from the server's card, cut into its lines as sent (`card_lines`),
//! and replaces the lines of a field only when that field's value changed here (its
//! `X-JEJARING-*` lines and the fields the user changed); every other line — a photo,
//! a key, a label, a group, a parameter, the order, the folding, the VERSION — is
//! copied byte for byte. A list field that changed keeps each of its lines whose value
//! is still wanted (with all its parameters) and adds lines only for new values. A card
//! that cannot be read so (`editable`) is never written over.

use super::card_lines::{self, Line, Syntax};
use super::fields::{Field, Fields};
use crate::interop::{Record, name_parts, vcard};
use crate::model::contact::Birthday;

/// A card as read from the server: its UID and fields (None when unreadable).
#[derive(Clone, Debug)]
pub struct Card {
    pub uid: Option<String>,
    pub record: Record,
}

/// Reads one card. None when it is not a readable vCard for a person (a group card,
/// a card with no name): such cards are left alone on the server.
pub fn read(text: &str) -> Option<Card> {
    let parsed = vcard::parse(text.as_bytes()).ok()?;
    let record = parsed.records.into_iter().next()?;
    let uid = calcard::vcard::VCard::parse(text).ok().and_then(|c| c.uid().map(str::to_string));
    Some(Card { uid, record })
}

/// The UID a contact's new card gets: derived from its id, so a card pushed by a sync
/// that was killed before it could save is recognised by the next one.
pub fn uid_for(contact: &uuid::Uuid) -> String {
    format!("urn:uuid:{contact}")
}

/// The file name of a contact's new card in the address book.
pub fn file_for(contact: &uuid::Uuid) -> String {
    format!("jejaring-{contact}.vcf")
}

/// Whether the server's card can be edited line by line: readable as a person, and cut
/// into lines, ending in `END:VCARD`, that hold all of it (nothing but white space
/// before `BEGIN:VCARD` or after `END:VCARD`). A card that is not would be replaced
/// rather than edited.
pub fn editable(text: &str) -> bool {
    lines_of(text).is_some()
}

/// An `editable` card's lines and the fields it holds.
fn lines_of(text: &str) -> Option<(Vec<Line>, Fields)> {
    let lines = card_lines::split(text);
    // A card cut short (no `END:VCARD`) is not one the importer reads either.
    if !lines.last().is_some_and(|l| l.is("END")) {
        return None;
    }
    let joined: String = lines.iter().map(|l| l.raw.as_str()).collect();
    let outside = |s: &str| s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty();
    let at = text.find(joined.as_str())?;
    if !outside(&text[..at]) || !outside(&text[at + joined.len()..]) {
        return None;
    }
    let card = read(text)?;
    Some((lines, Fields::from_record(&card.record)))
}

/// Writes the card for `fields`: a new one with `uid`, or the server's `existing`
/// card with only the lines of the fields that differ from it rewritten. None when
/// the existing card is not `editable`: it is never replaced by a card of ours.
pub fn write(existing: Option<&str>, uid: &str, f: &Fields) -> Option<String> {
    let (mut lines, before) = match existing {
        Some(text) => lines_of(text)?,
        None => {
            let fresh = format!("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{}\r\nEND:VCARD\r\n", card_lines::escape(uid));
            (card_lines::split(&fresh), Fields::default())
        }
    };
    let card = Ctx { syntax: Syntax::of(&lines), end: card_lines::line_end(&lines) };
    if !lines.iter().any(|l| l.is("UID")) {
        let at = end_of(&lines);
        lines.insert(at, Line { raw: card_lines::property("UID", &[uid], card.syntax, card.end) });
    }
    for field in Field::SINGLE {
        if field.single(&before) != field.single(f) {
            card.replace_single(&mut lines, field, field.single(f).map(String::as_str));
        }
    }
    for field in Field::LISTS {
        if field.list(&before) != field.list(f) {
            card.replace_list(&mut lines, field, field.list(f));
        }
    }
    Some(lines.iter().map(|l| l.raw.as_str()).collect())
}

/// Where new lines go when a field has none yet: before `END:VCARD`.
fn end_of(lines: &[Line]) -> usize {
    lines.iter().rposition(|l| l.is("END")).unwrap_or(lines.len())
}

fn field_of(l: &Line) -> Option<Field> {
    Field::of_property(l.name())
}

/// The card's syntax, which the lines jejaring adds follow.
struct Ctx {
    syntax: Syntax,
    end: &'static str,
}

impl Ctx {
    fn line(&self, head: &str, parts: &[&str]) -> Line {
        Line { raw: card_lines::property(head, parts, self.syntax, self.end) }
    }

    /// Replaces every line of a single field with the lines for `value` (none when it
    /// was cleared), where its first line was; a group (`item1.`) on it stays.
    fn replace_single(&self, lines: &mut Vec<Line>, field: Field, value: Option<&str>) {
        let first = lines.iter().position(|l| field_of(l) == Some(field));
        let group = first.map(|i| lines[i].group().to_string()).unwrap_or_default();
        lines.retain(|l| field_of(l) != Some(field));
        let at = first.unwrap_or_else(|| end_of(lines));
        let new = value.map(|v| self.single_lines(field, v, &group)).unwrap_or_default();
        lines.splice(at..at, new);
    }

    fn single_lines(&self, field: Field, v: &str, group: &str) -> Vec<Line> {
        let head = |name: &str| format!("{group}{name}");
        match field {
            Field::Name => {
                let parts = name_parts::split(v);
                vec![self.line(&head("FN"), &[v]), self.line(&head("N"), &parts.components())]
            }
            Field::Org => vec![self.line(&head("ORG"), &[v])],
            Field::Role => vec![self.line(&head("TITLE"), &[v])],
            Field::Note => vec![self.line(&head("NOTE"), &[v])],
            Field::Birthday => match v.parse::<Birthday>() {
                Ok(b) => vec![self.line(&head("BDAY"), &[&self.bday(b)])],
                Err(_) => Vec::new(),
            },
            Field::Circle => vec![self.line("X-JEJARING-CIRCLE", &[v])],
            Field::Stage => vec![self.line("X-JEJARING-STAGE", &[v])],
            Field::Cadence => vec![self.line("X-JEJARING-CADENCE", &[v])],
            Field::Emails | Field::Phones | Field::Urls | Field::Addresses => Vec::new(),
        }
    }

    /// A birthday in the forms phones read: `--MMDD` without a year (as Google writes
    /// it, valid in 4.0 and understood in 3.0), `YYYY-MM-DD` (2.1, 3.0) or `YYYYMMDD`
    /// (4.0) with one.
    fn bday(&self, b: Birthday) -> String {
        match (b.year, self.syntax) {
            (None, _) => format!("--{:02}{:02}", b.month, b.day),
            (Some(y), Syntax::V40) => format!("{y:04}{:02}{:02}", b.month, b.day),
            (Some(y), _) => format!("{y:04}-{:02}-{:02}", b.month, b.day),
        }
    }

    /// Brings a list field's lines to `wanted`: a line whose value is still wanted
    /// stays as it is (every one of them, parameters and all), a line whose value is
    /// not goes with the lines of its group (an Apple label), a line jejaring cannot
    /// read stays, and each new value gets a line after the field's last one.
    fn replace_list(&self, lines: &mut Vec<Line>, field: Field, wanted: &[String]) {
        let version = lines.iter().find(|l| l.is("VERSION")).map(|l| l.raw.clone()).unwrap_or_default();
        let want: Vec<String> = wanted.iter().map(|w| field.key(w)).collect();
        let mut have: Vec<String> = Vec::new();
        let mut gone_groups: Vec<String> = Vec::new();
        let mut keep = Vec::with_capacity(lines.len());
        for l in lines.iter() {
            if field_of(l) != Some(field) {
                keep.push(true);
                continue;
            }
            match value_of(&version, l, field) {
                Some(v) if !want.contains(&field.key(&v)) => {
                    if !l.group().is_empty() {
                        gone_groups.push(l.group().to_ascii_lowercase());
                    }
                    keep.push(false);
                }
                Some(v) => {
                    have.push(field.key(&v));
                    keep.push(true);
                }
                None => keep.push(true),
            }
        }
        // A group whose value went takes its label along, unless a kept line is in it.
        let kept_groups: Vec<String> = lines
            .iter()
            .zip(&keep)
            .filter(|(l, k)| **k && field_of(l).is_some() && !l.group().is_empty())
            .map(|(l, _)| l.group().to_ascii_lowercase())
            .collect();
        let mut at = None;
        let mut out = Vec::with_capacity(lines.len());
        for (l, kept) in lines.drain(..).zip(keep) {
            let group = l.group().to_ascii_lowercase();
            let orphan = !group.is_empty() && gone_groups.contains(&group) && !kept_groups.contains(&group);
            let is_field = field_of(&l) == Some(field);
            if kept && !orphan {
                out.push(l);
            }
            // New values go after the field's last line (or where it was).
            if is_field {
                at = Some(out.len());
            }
        }
        *lines = out;
        let mut at = at.unwrap_or_else(|| end_of(lines));
        // Never inside a group: after the label of the field's last value.
        while at > 0 && at < lines.len() && !lines[at].group().is_empty() && lines[at].group() == lines[at - 1].group()
        {
            at += 1;
        }
        let mut new = Vec::new();
        for (w, key) in wanted.iter().zip(&want) {
            if !have.contains(key) {
                have.push(key.clone());
                new.push(self.list_line(field, w));
            }
        }
        lines.splice(at..at, new);
    }

    fn list_line(&self, field: Field, v: &str) -> Line {
        match field {
            Field::Emails => match self.syntax {
                Syntax::V40 => self.line("EMAIL", &[v]),
                Syntax::V30 => self.line("EMAIL;TYPE=INTERNET", &[v]),
                Syntax::V21 => self.line("EMAIL;INTERNET", &[v]),
            },
            Field::Phones => match (v.strip_suffix(crate::model::phone::FAX), self.syntax) {
                (Some(number), Syntax::V21) => self.line("TEL;FAX", &[number]),
                (Some(number), _) => self.line("TEL;TYPE=FAX", &[number]),
                (None, _) => self.line("TEL", &[v]),
            },
            // One line in the street part; the other parts stay empty rather than guessed.
            Field::Addresses => self.line("ADR", &["", "", v, "", "", "", ""]),
            _ => self.line("URL", &[v]),
        }
    }
}

/// The value a list field's line holds, read by the importer as a card of its own
/// (with the card's VERSION line): None when the importer would not take it.
fn value_of(version: &str, l: &Line, field: Field) -> Option<String> {
    let end = if l.raw.ends_with('\n') { "" } else { "\r\n" };
    let mini = format!("BEGIN:VCARD\r\n{version}FN:x\r\n{}{end}END:VCARD\r\n", l.raw);
    let parsed = vcard::parse(mini.as_bytes()).ok()?;
    let record = parsed.records.into_iter().next()?;
    field.list(&Fields::from_record(&record)).first().cloned()
}

#[cfg(test)]
#[path = "cards_tests.rs"]
mod tests;
