//! vCard out: 3.0 by default (what phones read best) or 4.0, through calcard's writer,
//! so folding and escaping follow the standard. jejaring's own fields travel as
//! `X-JEJARING-*` properties, which address books keep and jejaring reads back, so an
//! export re-imports with nothing lost and nothing doubled.

use crate::model::Contact;
use calcard::vcard::{VCard, VCardEntry, VCardParameter, VCardProperty, VCardType, VCardValue, VCardVersion};

/// The vCard version to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Version {
    #[default]
    #[value(name = "3.0")]
    V3,
    #[value(name = "4.0")]
    V4,
}

/// Writes the contacts as one vCard file, without trust levels.
pub fn write<'a>(contacts: impl IntoIterator<Item = &'a Contact>, version: Version) -> String {
    write_with(contacts, version, |_| None)
}

/// Writes the contacts as one vCard file; `trust` gives the level a trust note set for
/// a contact, written as `X-JEJARING-TRUST`. A level that only follows from the stage
/// is left out: the stage travels already, and the level is worked out again from it.
pub fn write_with<'a>(
    contacts: impl IntoIterator<Item = &'a Contact>,
    version: Version,
    trust: impl Fn(&Contact) -> Option<u8>,
) -> String {
    let v = match version {
        Version::V3 => VCardVersion::V3_0,
        Version::V4 => VCardVersion::V4_0,
    };
    let mut out = String::new();
    for c in contacts {
        let mut card = card(c, version);
        if let Some(level) = trust(c) {
            card.entries.push(x("X-JEJARING-TRUST", &level.to_string()));
        }
        // Writing into a String cannot fail.
        let _ = card.write_to(&mut out, v);
    }
    out
}

fn text(name: VCardProperty, value: &str) -> VCardEntry {
    VCardEntry::new(name).with_value(value.to_string())
}

fn x(name: &str, value: &str) -> VCardEntry {
    text(VCardProperty::Other(name.to_string()), value)
}

fn card(c: &Contact, version: Version) -> VCard {
    let mut e = Vec::with_capacity(16);
    e.push(text(VCardProperty::Fn, &c.name));
    // vCard 3.0 requires N: its parts by the rule that knows suffixes and particles
    // (see `name_parts`); jejaring itself reads FN back, never N.
    let parts = super::name_parts::split(&c.name);
    e.push(
        VCardEntry::new(VCardProperty::N)
            .with_values(parts.components().iter().map(|s| VCardValue::Text(s.to_string())).collect()),
    );
    if let Some(org) = &c.org {
        e.push(text(VCardProperty::Org, org));
    }
    if let Some(role) = &c.role {
        e.push(text(VCardProperty::Title, role));
    }
    for email in &c.emails {
        let mut entry = text(VCardProperty::Email, email);
        if version == Version::V3 {
            entry.add_param(VCardParameter::typ("INTERNET".to_string()));
        }
        e.push(entry);
    }
    for phone in &c.phones {
        // A fax goes out as TYPE=FAX, which every address book reads, without its mark.
        match phone.strip_suffix(crate::model::phone::FAX) {
            Some(number) => {
                let mut entry = text(VCardProperty::Tel, number);
                entry.add_param(VCardParameter::typ(VCardType::Fax));
                e.push(entry);
            }
            None => e.push(text(VCardProperty::Tel, phone)),
        }
    }
    for address in &c.addresses {
        // One line in the street part; the other parts stay empty rather than guessed.
        e.push(VCardEntry::new(VCardProperty::Adr).with_values(
            ["", "", address.as_str(), "", "", "", ""].iter().map(|s| VCardValue::Text(s.to_string())).collect(),
        ));
    }
    for url in c.linkedin.iter().chain(&c.urls) {
        e.push(text(VCardProperty::Url, url));
    }
    if let Some(b) = c.birthday {
        // Written as the forms phones read: `--MMDD` without a year (as Google writes it,
        // valid in 4.0 and understood in 3.0), `YYYY-MM-DD` or `YYYYMMDD` with one.
        let value = match (b.year, version) {
            (None, _) => format!("--{:02}{:02}", b.month, b.day),
            (Some(y), Version::V3) => format!("{y:04}-{:02}-{:02}", b.month, b.day),
            (Some(y), Version::V4) => format!("{y:04}{:02}{:02}", b.month, b.day),
        };
        e.push(text(VCardProperty::Bday, &value));
    }
    if !c.tags.is_empty() {
        e.push(
            VCardEntry::new(VCardProperty::Categories)
                .with_values(c.tags.iter().map(|t| VCardValue::Text(t.clone())).collect()),
        );
    }
    if let Some(note) = &c.note {
        e.push(text(VCardProperty::Note, note));
    }
    // The UID another address book gave the person, so re-importing there updates
    // their card; otherwise jejaring's own id.
    let uid = c.source_ids.first().cloned().unwrap_or_else(|| format!("urn:uuid:{}", c.id));
    e.push(text(VCardProperty::Uid, &uid));
    for other in c.source_ids.iter().skip(1) {
        e.push(x("X-JEJARING-UID", other));
    }
    e.push(x("X-JEJARING-CIRCLE", c.circle.key()));
    e.push(x("X-JEJARING-STAGE", c.stage.key()));
    if let Some(v) = &c.met_at {
        e.push(x("X-JEJARING-MET-AT", v));
    }
    if let Some(v) = c.met_on {
        e.push(x("X-JEJARING-MET-ON", &v.to_string()));
    }
    if let Some(v) = &c.impression {
        e.push(x("X-JEJARING-IMPRESSION", v));
    }
    if let Some(v) = c.every {
        e.push(x("X-JEJARING-EVERY", &v.to_string()));
    }
    VCard { entries: e }
}
