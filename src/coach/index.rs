//! Everything known about each contact, grouped once per run: interactions, trust
//! notes, facts and promises by contact id. Scoring one contact or a hundred thousand
//! then costs one pass over the network, not one per contact.

use super::knowing::{self, Knowing};
use super::warmth::{self, Inputs, Warmth};
use crate::model::trust::{self, TrustNote};
use crate::model::{Contact, Fact, Interaction, Network, Promise};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use uuid::Uuid;

/// The network's records grouped by contact.
pub struct Index<'a> {
    /// Most recent first.
    interactions: FxHashMap<Uuid, Vec<&'a Interaction>>,
    /// Oldest first.
    notes: FxHashMap<Uuid, Vec<&'a TrustNote>>,
    facts: FxHashMap<Uuid, Vec<&'a Fact>>,
    promises: FxHashMap<Uuid, Vec<&'a Promise>>,
    /// The day of each contact's latest stage change.
    stage_changed: FxHashMap<Uuid, NaiveDate>,
}

impl<'a> Index<'a> {
    pub fn new(net: &'a Network) -> Index<'a> {
        let mut interactions: FxHashMap<Uuid, Vec<&Interaction>> =
            FxHashMap::with_capacity_and_hasher(net.contacts.len(), Default::default());
        for i in &net.interactions {
            for c in &i.contacts {
                interactions.entry(*c).or_default().push(i);
            }
        }
        for list in interactions.values_mut() {
            list.sort_by(|a, b| b.on.cmp(&a.on).then(b.logged.cmp(&a.logged)));
        }
        let mut notes: FxHashMap<Uuid, Vec<&TrustNote>> = FxHashMap::default();
        for n in &net.trust_notes {
            notes.entry(n.contact).or_default().push(n);
        }
        for list in notes.values_mut() {
            list.sort_by(|a, b| a.on.cmp(&b.on).then(a.logged.cmp(&b.logged)));
        }
        let mut facts: FxHashMap<Uuid, Vec<&Fact>> = FxHashMap::default();
        for f in &net.facts {
            facts.entry(f.contact).or_default().push(f);
        }
        let mut promises: FxHashMap<Uuid, Vec<&Promise>> = FxHashMap::default();
        for p in &net.promises {
            promises.entry(p.contact).or_default().push(p);
        }
        let mut stage_changed: FxHashMap<Uuid, NaiveDate> = FxHashMap::default();
        for s in &net.stage_changes {
            let day = stage_changed.entry(s.contact).or_insert(s.on);
            *day = (*day).max(s.on);
        }
        Index { interactions, notes, facts, promises, stage_changed }
    }

    pub fn interactions(&self, c: &Uuid) -> &[&'a Interaction] {
        self.interactions.get(c).map_or(&[], Vec::as_slice)
    }

    pub fn notes(&self, c: &Uuid) -> &[&'a TrustNote] {
        self.notes.get(c).map_or(&[], Vec::as_slice)
    }

    pub fn facts(&self, c: &Uuid) -> &[&'a Fact] {
        self.facts.get(c).map_or(&[], Vec::as_slice)
    }

    pub fn promises(&self, c: &Uuid) -> &[&'a Promise] {
        self.promises.get(c).map_or(&[], Vec::as_slice)
    }

    /// The day their stage last changed.
    pub fn stage_changed(&self, c: &Uuid) -> Option<NaiveDate> {
        self.stage_changed.get(c).copied()
    }

    /// The day of the last interaction.
    pub fn last_talked(&self, c: &Uuid) -> Option<NaiveDate> {
        self.interactions(c).first().map(|i| i.on)
    }

    /// The trust level in force and whether a note set it (else the stage's baseline).
    pub fn trust(&self, c: &Contact) -> (u8, bool) {
        match trust::current_level(self.notes(&c.id)) {
            Some(level) => (level, true),
            None => (trust::baseline(&c.stage), false),
        }
    }

    pub fn knowing(&self, c: &Contact) -> Knowing {
        knowing::knowing(c, self.facts(&c.id))
    }

    pub fn warmth(&self, c: &Contact, today: NaiveDate) -> Warmth {
        self.warmth_from(c, self.interactions(&c.id), today)
    }

    /// Warmth as it stood on an earlier day, from the interactions up to then (trust,
    /// knowing and promises as they are now): to see which relationships are cooling.
    pub fn warmth_on(&self, c: &Contact, day: NaiveDate) -> Warmth {
        let talks = self.interactions(&c.id);
        let from = talks.partition_point(|i| i.on > day);
        self.warmth_from(c, &talks[from..], day)
    }

    fn warmth_from(&self, c: &Contact, interactions: &[&Interaction], today: NaiveDate) -> Warmth {
        let inputs = Inputs {
            contact: c,
            interactions,
            trust: self.trust(c),
            knowing: self.knowing(c).score,
            promises: self.promises(&c.id),
        };
        warmth::warmth(&inputs, today)
    }
}
