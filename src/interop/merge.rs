//! Deciding whether an incoming record is someone the network already knows, and
//! adding only what is missing.
//!
//! A record matches a contact with the same vCard UID (or jejaring id), else the same
//! email, else the same LinkedIn profile, else the same name and organisation (accents
//! and case folded; no organisation on either side counts as the same). The first
//! contact that fits wins. Merging adds emails, phones, tags, web pages, addresses and
//! ids that are missing and fills empty fields; it never changes a name, circle, stage
//! or any field that already has a value — what the user wrote in jejaring stays.
//! Records are merged one by one, so a person listed twice in one file is added once.
//!
//! A trust level on the card (jejaring's own export writes the level a trust note set)
//! is kept as a trust note when it differs from the level the contact's notes set; the
//! history keeps the earlier notes, and importing the same card again finds the levels
//! equal and changes nothing.

use super::record::{Record, push_unique};
use crate::model::contact::new_handle;
use crate::model::text::fold;
use crate::model::{Circle, Contact, Network, Stage, TrustNote};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Map;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The note on a trust level that came in with an imported card. Stored data, so one
/// neutral wording rather than the user's language of the day.
pub const IMPORTED_TRUST_NOTE: &str = "trust level from an imported vCard";

/// What the import command adds to every record, from its flags.
#[derive(Clone, Debug)]
pub struct Defaults {
    /// `--circle`: wins over what the file says.
    pub circle: Option<Circle>,
    /// `--stage`: wins over what the file says.
    pub stage: Option<Stage>,
    /// The circle for new contacts when neither the flag nor the file names one.
    pub fallback_circle: Circle,
    /// `--tag`s (already checked), added to every imported contact.
    pub tags: Vec<String>,
}

/// What happened to one record. Each holds the contact's index in `contacts`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Added(usize),
    /// The fields that gained something.
    Updated(usize, Vec<&'static str>),
    Unchanged(usize),
}

/// Merges records into a network, keeping lookup tables so each record costs O(1).
pub struct Merger<'a> {
    net: &'a mut Network,
    now: DateTime<Utc>,
    today: NaiveDate,
    /// The latest level a trust note set for each contact, with the note's place in
    /// the history (day, time logged).
    levels: HashMap<Uuid, (NaiveDate, DateTime<Utc>, u8)>,
    by_uid: HashMap<String, usize>,
    by_email: HashMap<String, usize>,
    by_linkedin: HashMap<String, usize>,
    by_name_org: HashMap<(String, String), usize>,
    handles: HashSet<String>,
}

impl<'a> Merger<'a> {
    /// `today` is the day trust notes from imported cards are dated.
    pub fn new(net: &'a mut Network, now: DateTime<Utc>, today: NaiveDate) -> Merger<'a> {
        let n = net.contacts.len();
        let handles = net.contacts.iter().map(|c| c.handle.clone()).collect();
        let mut levels: HashMap<Uuid, (NaiveDate, DateTime<Utc>, u8)> = HashMap::new();
        for note in &net.trust_notes {
            if let Some(level) = note.level {
                let entry = levels.entry(note.contact).or_insert((note.on, note.logged, level));
                if (note.on, note.logged) >= (entry.0, entry.1) {
                    *entry = (note.on, note.logged, level);
                }
            }
        }
        let mut m = Merger {
            net,
            now,
            today,
            levels,
            by_uid: HashMap::with_capacity(n * 2),
            by_email: HashMap::with_capacity(n),
            by_linkedin: HashMap::new(),
            by_name_org: HashMap::with_capacity(n),
            handles,
        };
        for i in 0..n {
            m.index(i);
        }
        m
    }

    /// The network being merged into.
    pub fn net(&self) -> &Network {
        self.net
    }

    fn index(&mut self, i: usize) {
        let c = &self.net.contacts[i];
        for uid in c.source_ids.iter().cloned().chain([c.id.to_string(), format!("urn:uuid:{}", c.id)]) {
            self.by_uid.entry(uid.to_lowercase()).or_insert(i);
        }
        for e in &c.emails {
            self.by_email.entry(e.to_lowercase()).or_insert(i);
        }
        if let Some(l) = &c.linkedin {
            self.by_linkedin.entry(l.to_lowercase()).or_insert(i);
        }
        self.by_name_org.entry(name_org(&c.name, c.org.as_deref())).or_insert(i);
    }

    /// The contact this record is, if the network has them.
    pub fn find(&self, rec: &Record) -> Option<usize> {
        rec.uids
            .iter()
            .find_map(|u| self.by_uid.get(&u.to_lowercase()))
            .or_else(|| rec.emails.iter().find_map(|e| self.by_email.get(e)))
            .or_else(|| rec.linkedin.as_ref().and_then(|l| self.by_linkedin.get(&l.to_lowercase())))
            .or_else(|| self.by_name_org.get(&name_org(&rec.name, rec.org.as_deref())))
            .copied()
    }

    /// Adds the record as a new contact or merges it into the one it matches.
    pub fn merge(&mut self, rec: Record, defaults: &Defaults) -> Outcome {
        let trust = rec.trust;
        if let Some(i) = self.find(&rec) {
            let mut changed = merge_into(&mut self.net.contacts[i], rec, defaults);
            if self.set_trust(i, trust) {
                changed.push("trust");
            }
            if changed.is_empty() {
                return Outcome::Unchanged(i);
            }
            self.index(i);
            return Outcome::Updated(i, changed);
        }
        let id = Uuid::now_v7();
        let handle = new_handle(&id, |h| self.handles.contains(h));
        self.handles.insert(handle.clone());
        let mut c = Contact::new(id, handle, rec.name.clone(), self.now);
        c.circle = defaults.circle.clone().or_else(|| rec.circle.clone()).unwrap_or(defaults.fallback_circle.clone());
        c.stage = defaults.stage.clone().or_else(|| rec.stage.clone()).unwrap_or(c.stage);
        merge_into(&mut c, rec, defaults);
        self.net.contacts.push(c);
        let i = self.net.contacts.len() - 1;
        self.index(i);
        self.set_trust(i, trust);
        Outcome::Added(i)
    }

    /// Records the card's trust level as a note when the contact's notes set another
    /// one (or none); returns whether it did.
    fn set_trust(&mut self, i: usize, level: Option<u8>) -> bool {
        let Some(level) = level else { return false };
        let contact = self.net.contacts[i].id;
        // Like every other field, the trust level only fills a gap: a level the user
        // already set (even a different one) is theirs and stays.
        if self.levels.contains_key(&contact) {
            return false;
        }
        self.net.trust_notes.push(TrustNote {
            id: Uuid::now_v7(),
            contact,
            on: self.today,
            level: Some(level),
            note: Some(IMPORTED_TRUST_NOTE.to_string()),
            logged: self.now,
            extra: Map::new(),
        });
        self.levels.insert(contact, (self.today, self.now, level));
        true
    }
}

fn name_org(name: &str, org: Option<&str>) -> (String, String) {
    (fold(name.trim()), org.map(|o| fold(o.trim())).unwrap_or_default())
}

/// Fills what `c` lacks from `rec`; returns the names of the fields that changed.
fn merge_into(c: &mut Contact, rec: Record, defaults: &Defaults) -> Vec<&'static str> {
    let mut changed = Vec::new();
    macro_rules! fill {
        ($($field:ident),+) => {$(
            if c.$field.is_none() && rec.$field.is_some() {
                c.$field = rec.$field;
                changed.push(stringify!($field));
            }
        )+};
    }
    fill!(org, role, met_at, met_on, impression, every, note, birthday, linkedin);
    let mut add = |list: &mut Vec<String>, items: Vec<String>, field: &'static str| {
        let before = list.len();
        for item in items {
            push_unique(list, item);
        }
        if list.len() > before && !changed.contains(&field) {
            changed.push(field);
        }
    };
    add(&mut c.emails, rec.emails, "emails");
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let known: HashSet<String> = c.phones.iter().map(|p| digits(p)).collect();
    add(&mut c.phones, rec.phones.into_iter().filter(|p| !known.contains(&digits(p))).collect(), "phones");
    add(&mut c.tags, rec.tags.into_iter().chain(defaults.tags.iter().cloned()).collect(), "tags");
    add(&mut c.urls, rec.urls, "urls");
    add(&mut c.addresses, rec.addresses, "addresses");
    // jejaring's own id comes back in the UID of its own export; it is not a new id.
    let own = [c.id.to_string(), format!("urn:uuid:{}", c.id)];
    let uids = rec.uids.into_iter().filter(|u| !own.contains(&u.to_lowercase())).collect();
    add(&mut c.source_ids, uids, "source_ids");
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::At;
    use chrono::TimeZone;

    fn defaults() -> Defaults {
        Defaults { circle: None, stage: None, fallback_circle: Circle::Other, tags: vec![] }
    }

    fn rec(name: &str) -> Record {
        Record { at: At::Line(2), name: name.into(), ..Record::default() }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap()
    }

    #[test]
    fn the_same_record_twice_is_added_once() {
        let mut net = Network::default();
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        let mut r = rec("Budi Santoso");
        r.emails.push("budi@example.com".into());
        assert!(matches!(m.merge(r.clone(), &defaults()), Outcome::Added(0)));
        assert_eq!(m.merge(r, &defaults()), Outcome::Unchanged(0));
        assert_eq!(net.contacts.len(), 1);
    }

    #[test]
    fn matches_by_uid_email_linkedin_then_name_and_org() {
        let mut net = Network::default();
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        let mut a = rec("Budi");
        a.uids.push("ABC-1".into());
        a.emails.push("budi@x.example".into());
        a.linkedin = Some("https://www.linkedin.com/in/budi".into());
        a.org = Some("Tokopedia".into());
        m.merge(a, &defaults());
        let mut by_uid = rec("Someone Else");
        by_uid.uids.push("abc-1".into());
        let mut by_email = rec("B. Santoso");
        by_email.emails.push("budi@x.example".into());
        let mut by_linkedin = rec("Budi S");
        by_linkedin.linkedin = Some("https://www.linkedin.com/in/budi".into());
        let mut by_name = rec("BUDI");
        by_name.org = Some("tokopedia".into());
        for r in [by_uid, by_email, by_linkedin, by_name] {
            assert_eq!(m.find(&r), Some(0), "{r:?}");
        }
        let mut other = rec("Budi");
        other.org = Some("Gojek".into());
        assert_eq!(m.find(&other), None, "same name at another organisation is another person");
    }

    #[test]
    fn merging_adds_but_never_overwrites() {
        let mut net = Network::default();
        let mut c = Contact::new(Uuid::now_v7(), "abcd".into(), "Siti".into(), now());
        c.org = Some("Bank Mandiri".into());
        c.note = Some("my own words".into());
        c.circle = Circle::Friend;
        c.phones.push("+62 812 1111 2222".into());
        net.contacts.push(c);
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        let mut r = rec("Siti");
        r.org = Some("Bank Mandiri".into());
        r.note = Some("imported words".into());
        r.role = Some("Analyst".into());
        r.circle = Some(Circle::Colleague);
        r.phones = vec!["+628121111-2222".into(), "0813 0000".into()];
        let out = m.merge(r, &defaults());
        assert_eq!(out, Outcome::Updated(0, vec!["role", "phones"]));
        let c = &net.contacts[0];
        assert_eq!(c.note.as_deref(), Some("my own words"));
        assert_eq!(c.circle, Circle::Friend);
        assert_eq!(c.phones.len(), 2);
    }

    #[test]
    fn flags_win_for_new_contacts_and_tags_apply_to_all() {
        let mut net = Network::default();
        let d = Defaults {
            circle: Some(Circle::Colleague),
            stage: None,
            fallback_circle: Circle::Other,
            tags: vec!["linkedin".into()],
        };
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        let mut r = rec("Maria");
        r.circle = Some(Circle::Friend);
        r.stage = Some(Stage::Trusted);
        m.merge(r, &d);
        let c = &net.contacts[0];
        assert_eq!(c.circle, Circle::Colleague);
        assert_eq!(c.stage, Stage::Trusted);
        assert_eq!(c.tags, ["linkedin"]);
    }

    #[test]
    fn a_card_trust_level_becomes_a_note_once() {
        let mut net = Network::default();
        let mut c = Contact::new(Uuid::now_v7(), "abcd".into(), "Wei Chen".into(), now());
        c.emails.push("wei@example.com".into());
        let wei = c.id;
        net.contacts.push(c);
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        let mut r = rec("Wei Chen");
        r.emails.push("wei@example.com".into());
        r.trust = Some(4);
        assert_eq!(m.merge(r.clone(), &defaults()), Outcome::Updated(0, vec!["trust"]));
        assert_eq!(m.merge(r.clone(), &defaults()), Outcome::Unchanged(0), "the same level again changes nothing");
        r.trust = Some(3);
        assert_eq!(m.merge(r, &defaults()), Outcome::Unchanged(0), "a level already set is the user's and stays");
        let mut new = rec("Maria");
        new.trust = Some(5);
        assert!(matches!(m.merge(new, &defaults()), Outcome::Added(1)));
        let notes = crate::model::trust::notes_for(&net.trust_notes, &wei);
        assert_eq!(notes.iter().map(|n| n.level).collect::<Vec<_>>(), [Some(4)]);
        assert_eq!(notes[0].note.as_deref(), Some(IMPORTED_TRUST_NOTE));
        assert_eq!(net.trust_notes.len(), 2);
        // A network that already has the level from a note of its own is left alone.
        let mut again = Merger::new(&mut net, now(), now().date_naive());
        let mut r = rec("Wei Chen");
        r.emails.push("wei@example.com".into());
        r.trust = Some(3);
        assert_eq!(again.merge(r, &defaults()), Outcome::Unchanged(0));
    }
}
