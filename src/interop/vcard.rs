//! vCard in: 2.1, 3.0 and 4.0 as Apple, Google, Android and Outlook write them, one
//! card at a time through calcard. Writing cards lives in `vcard_write`.
//!
//! The file is first cut into cards and each card's lines decoded (`vcard_text`); then
//! each card is parsed on its own.

use super::record::{Draft, Record};
use super::{At, FormatError, Guess, Parsed, Problem, ProblemKind, SkipReason, decode, vcard_text};
use crate::model::contact::Birthday;
use calcard::vcard::{
    VCard, VCardEntry, VCardKind, VCardParameterName, VCardParameterValue, VCardProperty, VCardType, VCardValue,
};

pub use super::vcard_write::{Version, write, write_with};

/// Reads every card in a vCard file.
pub fn parse(bytes: &[u8]) -> Result<Parsed, FormatError> {
    let (bytes, utf16) = decode::unicode(bytes)?;
    let cards = vcard_text::cards(&bytes);
    if cards.is_empty() {
        return Err(FormatError::NoCards);
    }
    let mut parsed = Parsed { records: Vec::with_capacity(cards.len()), problems: Vec::new() };
    parsed.problems.extend(utf16.map(Problem::guessed));
    let (mut guessed, mut first_guess) = (0, At::Unknown);
    for (i, card) in cards.iter().enumerate() {
        let at = At::Card { n: i + 1, line: card.line };
        if card.guessed {
            guessed += 1;
            if guessed == 1 {
                first_guess = at;
            }
        }
        let parsed_card = VCard::parse(&card.text).ok();
        if !card.ended {
            let name = parsed_card.as_ref().and_then(full_name).filter(|n| !n.is_empty());
            parsed.problems.push(Problem { at, name, kind: ProblemKind::Skipped(SkipReason::Unterminated) });
            continue;
        }
        let Some(vcard) = parsed_card else {
            parsed.problems.push(Problem { at, name: None, kind: ProblemKind::Skipped(SkipReason::Unreadable) });
            continue;
        };
        let (record, problems) = to_record(&vcard, at);
        parsed.records.extend(record);
        parsed.problems.extend(problems);
    }
    if guessed > 0 {
        parsed.problems.push(Problem::guessed(Guess::Windows1252 { count: guessed, first: first_guess }));
    }
    Ok(parsed)
}

/// The text values of a property; a comma list inside one component is rejoined.
fn texts(e: &VCardEntry) -> impl Iterator<Item = String> + '_ {
    e.values.iter().filter_map(|v| match v {
        VCardValue::Text(s) => Some(s.clone()),
        VCardValue::Component(parts) => Some(parts.join(",")),
        _ => None,
    })
}

fn first_text(e: &VCardEntry) -> String {
    texts(e).next().unwrap_or_default()
}

fn full_name(card: &VCard) -> Option<String> {
    card.property(&VCardProperty::Fn).map(first_text)
}

/// Whether the card is a group (a family, a distribution list), not a person: vCard
/// 4.0's `KIND:group`, or Apple's `X-ADDRESSBOOKSERVER-KIND:group` in 3.0.
fn is_group(card: &VCard) -> bool {
    card.entries.iter().any(|e| match &e.name {
        VCardProperty::Kind => e.values.iter().any(|v| match v {
            VCardValue::Kind(k) => *k == VCardKind::Group,
            VCardValue::Text(t) => t.trim().eq_ignore_ascii_case("group"),
            _ => false,
        }),
        VCardProperty::Other(x) if x.eq_ignore_ascii_case("X-ADDRESSBOOKSERVER-KIND") => {
            first_text(e).trim().eq_ignore_ascii_case("group")
        }
        _ => false,
    })
}

/// Whether a TEL is a fax number (`TYPE=FAX`, or a bare `FAX` in vCard 2.1).
fn is_fax(e: &VCardEntry) -> bool {
    e.params.iter().any(|p| match &p.value {
        VCardParameterValue::Type(t) => *t == VCardType::Fax,
        VCardParameterValue::Text(t) => {
            matches!(p.name, VCardParameterName::Type) && t.split(',').any(|t| t.trim().eq_ignore_ascii_case("fax"))
        }
        _ => false,
    })
}

/// Maps one parsed card to a record. Photos, logos, sounds and keys are never kept.
fn to_record(card: &VCard, at: At) -> (Option<Record>, Vec<Problem>) {
    if is_group(card) {
        let name = full_name(card).filter(|n| !n.trim().is_empty());
        return (None, vec![Problem { at, name, kind: ProblemKind::Skipped(SkipReason::Group) }]);
    }
    // jejaring's own export: every category is the user's own tag, even `starred`.
    let own = card.entries.iter().any(
        |e| matches!(&e.name, VCardProperty::Other(x) if x.len() > 11 && x.get(..11).is_some_and(|p| p.eq_ignore_ascii_case("X-JEJARING-"))),
    );
    let mut d = Draft::new(at);
    let mut name = String::new();
    for e in &card.entries {
        match &e.name {
            VCardProperty::Fn if name.trim().is_empty() => name = first_text(e),
            VCardProperty::N => {
                // N is family;given;additional;prefix;suffix — read as given additional family.
                let parts: Vec<String> = texts(e).collect();
                let part = |i: usize| parts.get(i).cloned().unwrap_or_default();
                d.given = vec![part(1), part(2), part(0)];
            }
            VCardProperty::Org => {
                let org = texts(e).find(|s| !s.trim().is_empty()).unwrap_or_default();
                d.line("org", |r| &mut r.org, &org);
            }
            VCardProperty::Title | VCardProperty::Role => d.line("role", |r| &mut r.role, &first_text(e)),
            VCardProperty::Email => d.email(&first_text(e)),
            VCardProperty::Tel if is_fax(e) => d.fax(&first_text(e)),
            VCardProperty::Tel => d.phone(&first_text(e)),
            VCardProperty::Adr => {
                let parts: Vec<String> = texts(e).collect();
                d.address(&parts.iter().map(String::as_str).collect::<Vec<_>>());
            }
            VCardProperty::Url | VCardProperty::Socialprofile => d.url(&first_text(e)),
            VCardProperty::Bday if d.rec.birthday.is_none() => match birthday(e) {
                Some(b) => d.rec.birthday = Some(b),
                None => d.bad_date("birthday", &bday_text(e)),
            },
            VCardProperty::Categories => {
                for label in texts(e) {
                    d.label(&label, own);
                }
            }
            VCardProperty::Note => d.note(&first_text(e)),
            VCardProperty::Uid => uid(&mut d, &first_text(e)),
            VCardProperty::Other(x) => other(&mut d, x, e),
            _ => {}
        }
    }
    d.finish(&name)
}

/// Properties vCard has no name for: social profiles, and jejaring's own.
fn other(d: &mut Draft, name: &str, e: &VCardEntry) {
    let value = first_text(e);
    match name.to_ascii_uppercase().as_str() {
        "X-SOCIALPROFILE" => d.url(&value),
        "X-JEJARING-UID" => uid(d, &value),
        // A key with an escape code or a hidden character (from a file or a server) is
        // no key: it passes the same plain-text rule as a typed value, or is left out.
        "X-JEJARING-CIRCLE" => d.rec.circle = plain_key(&value).map(crate::model::Circle::from_key),
        "X-JEJARING-STAGE" => d.rec.stage = plain_key(&value).map(crate::model::Stage::from_key),
        "X-JEJARING-MET-AT" => d.line("met-at", |r| &mut r.met_at, &value),
        "X-JEJARING-MET-ON" => d.rec.met_on = value.trim().parse().ok(),
        "X-JEJARING-IMPRESSION" => d.impression(&value),
        "X-JEJARING-EVERY" | "X-JEJARING-CADENCE" => d.rec.every = value.trim().parse().ok(),
        "X-JEJARING-TRUST" => d.trust(&value),
        _ => {}
    }
}

fn plain_key(value: &str) -> Option<&str> {
    crate::model::text::line("key", value, 64).is_ok().then(|| value.trim())
}

fn uid(d: &mut Draft, value: &str) {
    let value = value.trim();
    // A UID is an id, not prose: an absurd one is ignored rather than stored.
    if !value.is_empty() && value.len() <= 500 && !value.chars().any(char::is_control) {
        super::record::push_unique(&mut d.rec.uids, value.to_string());
    }
}

/// The year address books write for a birthday without one: Apple and Radicale use
/// 1604 (and mark it with X-APPLE-OMIT-YEAR), Thunderbird's CardBook writes it bare.
const NO_YEAR: u16 = 1604;

/// A BDAY value that could not be read, as the file wrote it.
fn bday_text(e: &VCardEntry) -> String {
    texts(e).next().unwrap_or_else(|| match e.values.iter().find_map(|v| v.as_partial_date_time()) {
        Some(when) => {
            let part = |v: Option<u32>| v.map_or_else(|| "?".to_string(), |n| n.to_string());
            let (y, m, d) = (when.year.map(u32::from), when.month.map(u32::from), when.day.map(u32::from));
            format!("{}-{}-{}", part(y), part(m), part(d))
        }
        None => String::new(),
    })
}

/// A birthday from BDAY; Apple marks a birthday without a year with X-APPLE-OMIT-YEAR,
/// and year 1604 means "no year" on its own too.
fn birthday(e: &VCardEntry) -> Option<Birthday> {
    let when = e.values.iter().find_map(|v| v.as_partial_date_time())?;
    let omit = e.params.iter().any(|p| {
        matches!(&p.name, VCardParameterName::Other(n) if n.eq_ignore_ascii_case("X-APPLE-OMIT-YEAR"))
            && matches!(&p.value, VCardParameterValue::Text(y) if y.parse::<u16>().ok() == when.year)
    });
    let year = if omit || when.year == Some(NO_YEAR) { None } else { when.year.map(i32::from) };
    Birthday::new(year, when.month?.into(), when.day?.into())
}

#[cfg(test)]
#[path = "vcard_tests.rs"]
mod tests;
