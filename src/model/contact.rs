//! A person in the network: who they are, how you met, and how often you want to talk.

mod birthday;

pub use birthday::{Birthday, BirthdayError};

use super::cadence::Cadence;
use super::vocab::vocab;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

vocab! {
    /// Where a person sits in your life: the circles the method starts from.
    Circle {
        Friend => "friend", "friend", "teman";
        Colleague => "colleague", "colleague", "kolega";
        Family => "family", "family", "keluarga";
        Other => "other", "other", "lainnya";
    }
}

vocab! {
    /// How well you know someone, from a stranger to someone you would vouch for.
    Stage {
        Stranger => "stranger", "stranger", "orang-asing";
        Acquaintance => "acquaintance", "acquaintance", "kenalan";
        Connection => "connection", "connection", "relasi";
        Trusted => "trusted", "trusted", "tepercaya";
    }
}

/// One person. Optional fields are left out of the file when empty, so the file stays
/// readable; fields a newer version added are kept in `extra`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: Uuid,
    /// A short, stable name for scripts and quick typing, shown in lists.
    pub handle: String,
    pub name: String,
    pub circle: Circle,
    pub stage: Stage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// How or where you met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::stamp::optional_day")]
    pub met_on: Option<NaiveDate>,
    /// The first impression they made (and, by reflection, the one you hope you made).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impression: Option<String>,
    /// How often you want to be in touch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Cadence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Left out of the weekly picks and `list --due` until this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snoozed_until: Option<NaiveDate>,
    /// When the contact was added to jejaring.
    #[serde(deserialize_with = "super::stamp::instant")]
    pub added: DateTime<Utc>,
    /// Web pages (a site, a portfolio); the LinkedIn profile has its own field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<String>,
    /// Postal addresses, each on one line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<Birthday>,
    /// The LinkedIn profile URL, which also matches the contact on a LinkedIn import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linkedin: Option<String>,
    /// Ids other address books gave this person (vCard UIDs), so re-importing their
    /// export updates this contact instead of adding a copy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_ids: Vec<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Contact {
    /// A new contact with the given name and defaults for everything else.
    pub fn new(id: Uuid, handle: String, name: String, now: DateTime<Utc>) -> Contact {
        Contact {
            id,
            handle,
            name,
            circle: Circle::Other,
            stage: Stage::Acquaintance,
            org: None,
            role: None,
            emails: Vec::new(),
            phones: Vec::new(),
            tags: Vec::new(),
            met_at: None,
            met_on: None,
            impression: None,
            every: None,
            note: None,
            snoozed_until: None,
            added: now,
            urls: Vec::new(),
            addresses: Vec::new(),
            birthday: None,
            linkedin: None,
            source_ids: Vec::new(),
            extra: Map::new(),
        }
    }

    /// Whether the contact is snoozed on `day`.
    pub fn snoozed(&self, day: NaiveDate) -> bool {
        self.snoozed_until.is_some_and(|until| day < until)
    }

    /// Whether `needle` (already folded) occurs in the name, org, role, emails, tags,
    /// where you met, the note, web pages, LinkedIn profile, addresses or birthday.
    pub fn mentions(&self, needle: &str) -> bool {
        let hit = |s: &str| super::text::fold(s).contains(needle);
        hit(&self.name)
            || self.org.as_deref().is_some_and(hit)
            || self.role.as_deref().is_some_and(hit)
            || self.met_at.as_deref().is_some_and(hit)
            || self.note.as_deref().is_some_and(hit)
            || self.emails.iter().any(|e| hit(e))
            || self.tags.iter().any(|t| hit(t))
            || self.urls.iter().any(|u| hit(u))
            || self.linkedin.as_deref().is_some_and(hit)
            || self.addresses.iter().any(|a| hit(a))
            || self.birthday.is_some_and(|b| hit(&b.to_string()))
    }
}

/// Picks a handle for a new contact: the shortest run (at least four characters) of the
/// id's random hex digits that no existing contact uses. Uuid v7 starts with a timestamp,
/// so the handle is taken from the random tail, where contacts added together differ.
pub fn new_handle(id: &Uuid, taken: impl Fn(&str) -> bool) -> String {
    let hex = id.simple().to_string();
    let random = &hex[hex.len() - 12..];
    for len in 4..=random.len() {
        let candidate = &random[..len];
        // A handle made only of digits could be mistaken for a number in scripts.
        if candidate.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if !taken(candidate) {
            return candidate.to_string();
        }
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn handles_are_short_and_unique() {
        let mut taken = HashSet::new();
        for _ in 0..2000 {
            let h = new_handle(&Uuid::now_v7(), |h| taken.contains(h));
            assert!(h.len() >= 4);
            assert!(taken.insert(h));
        }
    }

    #[test]
    fn unknown_circle_survives_a_round_trip() {
        let c: Circle = serde_json::from_str("\"neighbour\"").unwrap();
        assert_eq!(c, Circle::Unknown("neighbour".into()));
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"neighbour\"");
    }

    #[test]
    fn stages_are_ordered_from_stranger_to_trusted() {
        assert!(Stage::Stranger < Stage::Acquaintance);
        assert!(Stage::Connection < Stage::Trusted);
    }

    #[test]
    fn mentions_searches_folded_fields() {
        let mut c = Contact::new(Uuid::now_v7(), "abcd".into(), "Jürgen Weiß".into(), Utc::now());
        c.org = Some("Bank Mandiri".into());
        c.emails.push("jw@example.com".into());
        assert!(c.mentions("jurgen"));
        assert!(c.mentions("mandiri"));
        assert!(c.mentions("example.com"));
        assert!(!c.mentions("tokopedia"));
        c.urls.push("https://jurgen.example/portfolio".into());
        c.addresses.push("Jl. Braga 12, Bandung".into());
        c.linkedin = Some("https://www.linkedin.com/in/jweiss".into());
        c.birthday = Some("--03-15".parse().unwrap());
        for needle in ["portfolio", "bandung", "jweiss", "03-15"] {
            assert!(c.mentions(needle), "{needle}");
        }
    }
}
