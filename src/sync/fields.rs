//! The part of a contact that travels to the phone: the fields an address book shows,
//! plus jejaring's circle, stage and cadence. Everything else about a person (how you
//! met, your impression, trust, facts, promises, conversations) has no place here, so
//! it cannot leave the machine by mistake.

use crate::i18n::Lang;
use crate::interop::Record;
use crate::model::contact::Birthday;
use crate::model::{Cadence, Circle, Contact, Stage};
use crate::t;
use serde::Serialize;

/// One travelling field: what the merge reports a conflict in, and what a card's
/// property feeds. Serialised (in `sync --json`) as its snake-case name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Org,
    Role,
    Emails,
    Phones,
    Urls,
    Addresses,
    Birthday,
    Note,
    Circle,
    Stage,
    Cadence,
}

impl Field {
    /// The fields with one value, in the order a card is written.
    pub const SINGLE: [Field; 8] = [
        Field::Name,
        Field::Org,
        Field::Role,
        Field::Birthday,
        Field::Note,
        Field::Circle,
        Field::Stage,
        Field::Cadence,
    ];
    /// The fields that hold a list of values.
    pub const LISTS: [Field; 4] = [Field::Emails, Field::Phones, Field::Addresses, Field::Urls];

    /// The field's name as a user reads it.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Field::Name => t!(lang, "name", "nama"),
            Field::Org => t!(lang, "organisation", "organisasi"),
            Field::Role => t!(lang, "role", "peran"),
            Field::Birthday => t!(lang, "birthday", "tanggal lahir"),
            Field::Circle => t!(lang, "circle", "lingkaran"),
            Field::Stage => t!(lang, "stage", "tahap"),
            Field::Cadence => t!(lang, "keep in touch every", "jaga kontak setiap"),
            Field::Note => t!(lang, "note", "catatan"),
            Field::Emails => t!(lang, "emails", "email"),
            Field::Phones => t!(lang, "phones", "telepon"),
            Field::Urls => t!(lang, "web pages", "halaman web"),
            Field::Addresses => t!(lang, "addresses", "alamat"),
        }
    }

    /// Whether the field holds a list of values.
    pub fn is_list(self) -> bool {
        Field::LISTS.contains(&self)
    }

    /// What two values of a list field are compared by: the identity rule's key for
    /// emails and phones, the trimmed text for the rest. Single fields compare whole.
    pub fn key(self, value: &str) -> String {
        match self {
            Field::Emails => crate::model::identity::email_key(value),
            Field::Phones => crate::model::phone::key(value),
            _ => value.trim().to_string(),
        }
    }

    /// A single field's value (None for a list field).
    pub fn single(self, f: &Fields) -> Option<&String> {
        match self {
            Field::Name => Some(&f.name),
            Field::Org => f.org.as_ref(),
            Field::Role => f.role.as_ref(),
            Field::Birthday => f.birthday.as_ref(),
            Field::Note => f.note.as_ref(),
            Field::Circle => f.circle.as_ref(),
            Field::Stage => f.stage.as_ref(),
            Field::Cadence => f.cadence.as_ref(),
            Field::Emails | Field::Phones | Field::Urls | Field::Addresses => None,
        }
    }

    /// A list field's values (empty for a single field).
    pub fn list(self, f: &Fields) -> &[String] {
        match self {
            Field::Emails => &f.emails,
            Field::Phones => &f.phones,
            Field::Urls => &f.urls,
            Field::Addresses => &f.addresses,
            _ => &[],
        }
    }

    /// The field a card property feeds (its name without a group, any case), as the
    /// vCard reader takes it; None for every property jejaring leaves alone.
    pub fn of_property(name: &str) -> Option<Field> {
        let field = match name.to_ascii_uppercase().as_str() {
            "FN" | "N" => Field::Name,
            "ORG" => Field::Org,
            "TITLE" | "ROLE" => Field::Role,
            "BDAY" => Field::Birthday,
            "NOTE" => Field::Note,
            "EMAIL" => Field::Emails,
            "TEL" => Field::Phones,
            "ADR" => Field::Addresses,
            "URL" | "X-SOCIALPROFILE" => Field::Urls,
            "X-JEJARING-CIRCLE" => Field::Circle,
            "X-JEJARING-STAGE" => Field::Stage,
            "X-JEJARING-CADENCE" | "X-JEJARING-EVERY" => Field::Cadence,
            _ => return None,
        };
        Some(field)
    }
}

pub use crate::model::sync_fields::Fields;

impl Fields {
    /// What a contact would put on a card.
    pub fn of(c: &Contact) -> Fields {
        Fields {
            name: c.name.clone(),
            org: c.org.clone(),
            role: c.role.clone(),
            emails: c.emails.clone(),
            phones: c.phones.clone(),
            urls: c.linkedin.iter().chain(&c.urls).cloned().collect(),
            addresses: c.addresses.clone(),
            birthday: c.birthday.map(|b| b.to_string()),
            note: c.note.clone(),
            circle: Some(c.circle.key().to_string()),
            stage: Some(c.stage.key().to_string()),
            cadence: c.every.map(|e| e.to_string()),
        }
    }

    /// What a card read from the server says. A card without jejaring's properties
    /// (made on the phone) has no circle, stage or cadence.
    pub fn from_record(r: &Record) -> Fields {
        Fields {
            name: r.name.clone(),
            org: r.org.clone(),
            role: r.role.clone(),
            emails: r.emails.clone(),
            phones: r.phones.clone(),
            urls: r.linkedin.iter().chain(&r.urls).cloned().collect(),
            addresses: r.addresses.clone(),
            birthday: r.birthday.map(|b| b.to_string()),
            note: r.note.clone(),
            circle: r.circle.as_ref().map(|c| c.key().to_string()),
            stage: r.stage.as_ref().map(|s| s.key().to_string()),
            cadence: r.every.map(|e| e.to_string()),
        }
    }

    /// Writes the fields into a contact. A circle, stage or cadence the card does not
    /// carry leaves the contact's own as it is (a phone's card has none of them).
    pub fn apply(&self, c: &mut Contact) {
        c.name = self.name.clone();
        c.org = self.org.clone();
        c.role = self.role.clone();
        c.emails = self.emails.clone();
        c.phones = self.phones.clone();
        c.linkedin = None;
        c.urls.clear();
        for url in &self.urls {
            match crate::interop::linkedin_profile(url) {
                Some(profile) if c.linkedin.is_none() => c.linkedin = Some(profile),
                _ => c.urls.push(url.clone()),
            }
        }
        c.addresses = self.addresses.clone();
        c.birthday = self.birthday.as_deref().and_then(|b| b.parse::<Birthday>().ok());
        c.note = self.note.clone();
        if let Some(circle) = &self.circle {
            c.circle = Circle::from_key(circle);
        }
        if let Some(stage) = &self.stage {
            c.stage = Stage::from_key(stage);
        }
        if let Some(every) = &self.cadence {
            c.every = every.parse::<Cadence>().ok();
        }
    }

    /// The same fields with a phone's missing circle, stage and cadence read as the
    /// contact's, so a card made on the phone does not look like it changed them.
    pub fn filled_from(mut self, local: &Fields) -> Fields {
        if self.circle.is_none() {
            self.circle = local.circle.clone();
        }
        if self.stage.is_none() {
            self.stage = local.stage.clone();
        }
        if self.cadence.is_none() {
            self.cadence = local.cadence.clone();
        }
        self
    }
}
