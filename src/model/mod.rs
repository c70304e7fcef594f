//! The network as stored: plain serde types and the rules they keep. Nothing here
//! reads the clock, touches files or prints; callers pass `now` in.

pub mod cadence;
pub mod combine;
pub mod contact;
pub mod day_event;
pub mod dupes;
pub mod fact;
pub mod goal;
pub mod head;
pub mod identity;
pub mod interaction;
pub mod link;
pub mod listed;
pub mod lookup;
pub mod phone;
pub mod plan;
pub mod promise;
pub mod review;
pub mod settings;
pub mod stage_change;
pub mod stamp;
pub mod sync;
pub mod sync_fields;
pub mod text;
pub mod trust;
mod vocab;

pub use cadence::Cadence;
pub use contact::{Circle, Contact, Stage};
pub use fact::{Fact, Topic};
pub use goal::Goal;
pub use interaction::{Interaction, Kind};
pub use plan::{Pick, Plan};
pub use promise::{Outcome, Promise, PromiseStatus};
pub use review::Review;
pub use stage_change::StageChange;
pub use trust::TrustNote;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// The schema version this build writes. Older files are migrated on load
/// (see `store::migrate`); newer ones are refused.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything jejaring knows, as one JSON document. `version` is serialized first so a
/// reader (or a person) can tell the layout before reading the rest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Network {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub settings: Map<String, Value>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub interactions: Vec<Interaction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trust_notes: Vec<TrustNote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promises: Vec<Promise>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<Plan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// SMART goals (step 2), in the order they were set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Every stage change made since this was recorded (stage-up goals count these).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stage_changes: Vec<StageChange>,
    /// "A knows B", as the user recorded it (`knows`, `add-contact --introduced-by`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<link::Link>,
    /// Introductions asked for (`intro ask`) and how they ended.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intros: Vec<link::Intro>,
    /// The phone's address book this network syncs with, and what the last sync left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync: Option<sync::SyncState>,
    /// Records written by a newer version (or by later features) that this build keeps
    /// as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Network {
    fn default() -> Self {
        Network {
            version: SCHEMA_VERSION,
            settings: Map::new(),
            contacts: Vec::new(),
            interactions: Vec::new(),
            trust_notes: Vec::new(),
            facts: Vec::new(),
            promises: Vec::new(),
            plans: Vec::new(),
            reviews: Vec::new(),
            goals: Vec::new(),
            stage_changes: Vec::new(),
            links: Vec::new(),
            intros: Vec::new(),
            sync: None,
            extra: Map::new(),
        }
    }
}

impl Network {
    /// The contact with this id.
    pub fn contact(&self, id: &Uuid) -> Option<&Contact> {
        self.contacts.iter().find(|c| &c.id == id)
    }

    /// A contact's position in `contacts`, by id.
    pub fn contact_index(&self, id: &Uuid) -> Option<usize> {
        self.contacts.iter().position(|c| &c.id == id)
    }

    /// The day of the most recent interaction with each contact, in one pass.
    pub fn last_contacted(&self) -> FxHashMap<Uuid, NaiveDate> {
        let mut last: FxHashMap<Uuid, NaiveDate> =
            FxHashMap::with_capacity_and_hasher(self.contacts.len(), Default::default());
        for i in &self.interactions {
            for c in &i.contacts {
                last.entry(*c).and_modify(|d| *d = (*d).max(i.on)).or_insert(i.on);
            }
        }
        last
    }

    /// Moves each contact's meeting day back to their first two-way conversation when
    /// that came earlier: someone added today ("met today") whose calendar shows four
    /// weekly meetings before was met at the first of them, and is not new this week. A
    /// message nobody answered is not a meeting; a contact with no meeting day (known
    /// long ago, or imported) keeps none. Returns how many moved.
    pub fn settle_met_days(&mut self) -> usize {
        let mut first: FxHashMap<Uuid, NaiveDate> = FxHashMap::default();
        for i in self.interactions.iter().filter(|i| i.two_way()) {
            for c in &i.contacts {
                first.entry(*c).and_modify(|d| *d = (*d).min(i.on)).or_insert(i.on);
            }
        }
        let mut moved = 0;
        for c in &mut self.contacts {
            if let (Some(met), Some(&talked)) = (c.met_on, first.get(&c.id))
                && talked < met
            {
                c.met_on = Some(talked);
                moved += 1;
            }
        }
        moved
    }

    /// Whether anyone logged a conversation with the contact between two days (inclusive).
    pub fn talked_with(&self, contact: &Uuid, from: NaiveDate, to: NaiveDate) -> bool {
        self.interactions.iter().any(|i| i.on >= from && i.on <= to && i.involves(contact))
    }

    /// Removes a contact, their place in every interaction (an interaction left with
    /// nobody goes too) and the trust notes, facts, promises, links and introduction
    /// requests about them.
    pub fn remove_contact(&mut self, id: &Uuid) -> Option<Contact> {
        let index = self.contact_index(id)?;
        let contact = self.contacts.remove(index);
        self.interactions.retain_mut(|i| {
            i.contacts.retain(|c| c != id);
            !i.contacts.is_empty()
        });
        self.trust_notes.retain(|n| &n.contact != id);
        self.facts.retain(|f| &f.contact != id);
        self.promises.retain(|p| &p.contact != id);
        for plan in &mut self.plans {
            plan.picks.retain(|p| &p.contact != id);
        }
        link::forget(self, id);
        Some(contact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meeting_day_is_the_first_conversation_when_that_came_earlier() {
        let mut net = Network::default();
        let mut a = contact("Added today");
        a.met_on = Some("2026-12-07".parse().unwrap());
        let mut b = contact("Met before talking");
        b.met_on = Some("2026-11-01".parse().unwrap());
        let c = contact("Known long ago");
        let (aid, bid, cid) = (a.id, b.id, c.id);
        net.contacts.extend([a, b, c]);
        for on in ["2026-11-16", "2026-11-23", "2026-11-30"] {
            net.interactions.push(talk(&[aid, bid, cid], on));
        }
        let mut unanswered = talk(&[aid], "2026-11-02");
        unanswered.source = Some(interaction::Source {
            from: interaction::Origin::Email,
            key: "m1".into(),
            one_way: true,
            people: None,
        });
        net.interactions.push(unanswered);
        assert_eq!(net.settle_met_days(), 1);
        let met = |id| net.contact(&id).unwrap().met_on.map(|d| d.to_string());
        assert_eq!(met(aid).as_deref(), Some("2026-11-16"), "the first conversation, not the unanswered mail");
        assert_eq!(met(bid).as_deref(), Some("2026-11-01"), "met before the first talk: unchanged");
        assert_eq!(met(cid), None, "no meeting day stays none");
        assert_eq!(net.settle_met_days(), 0);
    }
    use chrono::{TimeZone, Utc};

    fn contact(name: &str) -> Contact {
        let id = Uuid::now_v7();
        Contact::new(id, id.simple().to_string()[..6].into(), name.into(), Utc.timestamp_opt(0, 0).unwrap())
    }

    fn talk(with: &[Uuid], on: &str) -> Interaction {
        Interaction {
            id: Uuid::now_v7(),
            contacts: with.to_vec(),
            kind: Kind::Call,
            on: on.parse().unwrap(),
            text: None,
            they_reached_out: false,
            logged: Utc.timestamp_opt(0, 0).unwrap(),
            source: None,
            extra: Map::new(),
        }
    }

    #[test]
    fn last_contacted_takes_the_latest_day() {
        let mut net = Network::default();
        let (a, b) = (contact("A"), contact("B"));
        net.interactions.push(talk(&[a.id], "2026-01-05"));
        net.interactions.push(talk(&[a.id, b.id], "2026-03-01"));
        net.interactions.push(talk(&[a.id], "2026-02-01"));
        let last = net.last_contacted();
        assert_eq!(last[&a.id].to_string(), "2026-03-01");
        assert_eq!(last[&b.id].to_string(), "2026-03-01");
    }

    #[test]
    fn removing_a_contact_cleans_interactions() {
        let mut net = Network::default();
        let (a, b) = (contact("A"), contact("B"));
        let (aid, bid) = (a.id, b.id);
        net.contacts.extend([a, b]);
        net.interactions.push(talk(&[aid], "2026-01-05"));
        net.interactions.push(talk(&[aid, bid], "2026-03-01"));
        assert!(net.remove_contact(&aid).is_some());
        assert_eq!(net.contacts.len(), 1);
        assert_eq!(net.interactions.len(), 1);
        assert_eq!(net.interactions[0].contacts, vec![bid]);
    }

    #[test]
    fn unknown_fields_are_kept() {
        let json = r#"{"version":1,"contacts":[],"interactions":[],"records_from_the_future":[{"x":1}],"future":true}"#;
        let net: Network = serde_json::from_str(json).unwrap();
        let back = serde_json::to_value(&net).unwrap();
        assert_eq!(back["records_from_the_future"][0]["x"], 1);
        assert_eq!(back["future"], true);
    }
}
