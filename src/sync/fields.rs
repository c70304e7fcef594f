//! The part of a contact that travels to the phone: the fields an address book shows,
//! plus jejaring's circle, stage and cadence. Everything else about a person (how you
//! met, your impression, trust, facts, promises, conversations) has no place here, so
//! it cannot leave the machine by mistake.

use crate::interop::Record;
use crate::model::contact::Birthday;
use crate::model::{Cadence, Circle, Contact, Stage};

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
