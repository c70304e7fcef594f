//! Deciding whether an incoming record is someone the network already knows, and
//! adding only what is missing.
//!
//! A record is a contact when they share a strong identifier — a vCard UID (or
//! jejaring's id), an email, a phone's digits or a LinkedIn profile — and no identifier
//! conflicts (a different UID, LinkedIn profile or birthday): `model::identity` has the
//! rule. A name, with or without an organisation, never makes a record someone already
//! known: a namesake is added, and `dupes` suggests the pair. One exception keeps a
//! file with names only (no identifier at all) importing twice without copies: such a
//! record is the contact with no identifier either whose name folds the same and who
//! already holds every value the record carries — an exact repeat, not a guess.
//!
//! A phone number or email that differently named people carry in the files being
//! imported is a shared line (a switchboard, `info@`, a family's landline), not an
//! identifier: it makes nobody one person, and the records are added apart (`dupes`
//! shows the pairs, should two of them be one person after all). Only the files decide
//! it, so importing them again decides the same way. When several contacts fit a
//! record, it goes to the one that already holds all of it (a repeat import) or the
//! only one with its name; otherwise it is added, rather than merged into whichever
//! came first.
//!
//! Merging adds emails, phones, tags, web pages, addresses and ids that are missing and
//! fills empty fields; it never changes a name, circle, stage or any field that already
//! has a value — what the user wrote in jejaring stays. Records are merged one by one,
//! so a person listed twice in one file (by the rule above) is added once.
//!
//! A trust level on the card (jejaring's own export writes the level a trust note set)
//! is kept as a trust note when it differs from the level the contact's notes set; the
//! history keeps the earlier notes, and importing the same card again finds the levels
//! equal and changes nothing.

use super::record::Record;
use crate::model::contact::new_handle;
use crate::model::identity::{Ids, Shared, email_key, name_key};
use crate::model::phone;
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

/// The lookup tables that say which contact a record is. They do not hold the
/// contacts, so a [`Merger`] can change the network while it keeps them, and a
/// [`Finder`] can read a network it does not own (sync reads one it must not change).
struct Index {
    /// The latest level a trust note set for each contact, with the note's place in
    /// the history (day, time logged).
    levels: HashMap<Uuid, (NaiveDate, DateTime<Utc>, u8)>,
    /// Each strong identifier, and the contacts that have it (a family can share a
    /// phone, so there may be several).
    by_key: HashMap<(Shared, String), Vec<usize>>,
    /// Each folded name, for records with no identifier at all.
    by_name: HashMap<String, Vec<usize>>,
    /// The names each phone and email carries in the files being imported.
    names_on_line: HashMap<(Shared, String), HashSet<String>>,
}

impl Index {
    fn new(net: &Network) -> Index {
        let n = net.contacts.len();
        let mut levels: HashMap<Uuid, (NaiveDate, DateTime<Utc>, u8)> = HashMap::new();
        for note in &net.trust_notes {
            if let Some(level) = note.level {
                let entry = levels.entry(note.contact).or_insert((note.on, note.logged, level));
                if (note.on, note.logged) >= (entry.0, entry.1) {
                    *entry = (note.on, note.logged, level);
                }
            }
        }
        let mut index = Index {
            levels,
            by_key: HashMap::with_capacity(n * 3),
            by_name: HashMap::with_capacity(n),
            names_on_line: HashMap::new(),
        };
        for (i, c) in net.contacts.iter().enumerate() {
            index.add(i, c);
        }
        index
    }

    fn expect<'r>(&mut self, records: impl IntoIterator<Item = &'r Record>) {
        for rec in records {
            let ids = record_ids(rec);
            let lines = ids.keys().filter(|(kind, _)| matches!(kind, Shared::Email | Shared::Phone));
            for (kind, key) in lines {
                self.names_on_line.entry((kind, key.to_string())).or_default().insert(name_key(&rec.name));
            }
        }
    }

    /// The identifiers that identify someone: shared lines taken out.
    fn identifying(&self, mut ids: Ids) -> Ids {
        let shared = |kind: Shared, key: &String| {
            self.names_on_line.get(&(kind, key.clone())).is_some_and(|names| names.len() > 1)
        };
        ids.emails.retain(|e| !shared(Shared::Email, e));
        ids.phones.retain(|p| !shared(Shared::Phone, p));
        ids
    }

    fn add(&mut self, i: usize, c: &Contact) {
        let ids = Ids::of(c);
        let own = c.id.to_string();
        let keys = ids.keys().chain([(Shared::Uid, own.as_str())]);
        for (kind, key) in keys {
            let list = self.by_key.entry((kind, key.to_string())).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
        let list = self.by_name.entry(name_key(&c.name)).or_default();
        if !list.contains(&i) {
            list.push(i);
        }
    }

    /// The contact this record is, if `contacts` has them (see the module note for
    /// the rule).
    fn find(&self, contacts: &[Contact], rec: &Record) -> Option<usize> {
        let all = record_ids(rec);
        let on_shared_lines = all.has_strong();
        let ids = self.identifying(all);
        if !ids.has_strong() {
            // No identifier (or only shared lines): only an exact repeat is someone known.
            let names = self.by_name.get(&name_key(&rec.name))?;
            return names.iter().copied().find(|&i| {
                let c = &contacts[i];
                (on_shared_lines || !Ids::of(c).has_strong())
                    && holds(c, rec)
                    && (rec.trust.is_none() || self.levels.contains_key(&c.id))
            });
        }
        // jejaring's own export writes `urn:uuid:<id>`; the index holds the bare id.
        let own_uids = rec.uids.iter().filter_map(|u| {
            let u = u.trim().to_lowercase();
            let bare = u.strip_prefix("urn:uuid:").unwrap_or(&u).to_string();
            Uuid::parse_str(&bare).ok().map(|id| (Shared::Uid, id.to_string()))
        });
        let keys: Vec<(Shared, String)> = ids.keys().map(|(k, v)| (k, v.to_string())).chain(own_uids).collect();
        // For each contact that fits, how many of the record's identifiers it holds.
        let mut tried = HashSet::new();
        let mut same: Vec<usize> = Vec::new();
        let mut held: HashMap<usize, usize> = HashMap::new();
        for key in &keys {
            for &i in self.by_key.get(key).map(Vec::as_slice).unwrap_or_default() {
                if tried.insert(i) && Ids::of(&contacts[i]).same_person(&ids) {
                    same.push(i);
                }
                *held.entry(i).or_default() += 1;
            }
        }
        // When several contacts fit (a phone two people share), the one that already
        // holds all of the record is the one it went into last time: importing the
        // same file again must find the same contact (among several such, the one with
        // its name, or any: the record changes none of them). Then the one that the
        // record's identifiers together single out: an email a family shares fits
        // both, but the row's other email and phone point to one of them. When none
        // holds it, the only one with its name; else nobody, rather than whichever
        // came first.
        if let [one] = same.as_slice() {
            return Some(*one);
        }
        let name = name_key(&rec.name);
        let named = |list: &[usize]| -> Option<usize> {
            let mut it = list.iter().copied().filter(|&i| name_key(&contacts[i].name) == name);
            it.next().filter(|_| it.next().is_none())
        };
        let holders: Vec<usize> = same.iter().copied().filter(|&i| adds_nothing(&contacts[i], rec)).collect();
        if let [first, ..] = holders.as_slice() {
            return named(&holders).or(Some(*first));
        }
        singled_out(&same, &held).or_else(|| named(&same))
    }
}

/// Among the contacts that fit, the one holding more of the record's identifiers than
/// any other (and more than one of them), or None when no one stands out.
fn singled_out(same: &[usize], held: &HashMap<usize, usize>) -> Option<usize> {
    let count = |i: &usize| held.get(i).copied().unwrap_or_default();
    let best = same.iter().map(count).max()?;
    let mut top = same.iter().copied().filter(|i| count(i) == best);
    let one = top.next()?;
    (best > 1 && top.next().is_none()).then_some(one)
}

/// Which contact a record is, in a network that is only read (sync asks it of cards
/// it pulls before it changes anything).
pub struct Finder<'a> {
    net: &'a Network,
    index: Index,
}

impl<'a> Finder<'a> {
    pub fn new(net: &'a Network) -> Finder<'a> {
        Finder { index: Index::new(net), net }
    }

    /// The contact this record is, by the same rule as [`Merger::find`].
    pub fn find(&self, rec: &Record) -> Option<usize> {
        self.index.find(&self.net.contacts, rec)
    }
}

/// Merges records into a network, keeping lookup tables so each record costs O(1).
pub struct Merger<'a> {
    net: &'a mut Network,
    now: DateTime<Utc>,
    today: NaiveDate,
    index: Index,
    handles: HashSet<String>,
}

impl<'a> Merger<'a> {
    /// `today` is the day trust notes from imported cards are dated.
    pub fn new(net: &'a mut Network, now: DateTime<Utc>, today: NaiveDate) -> Merger<'a> {
        let handles = net.contacts.iter().map(|c| c.handle.clone()).collect();
        Merger { index: Index::new(net), net, now, today, handles }
    }

    /// Takes note of all the records about to be merged, so the phones and emails they
    /// share under different names are known as shared lines before any is matched.
    pub fn expect<'r>(&mut self, records: impl IntoIterator<Item = &'r Record>) {
        self.index.expect(records);
    }

    /// The network being merged into.
    pub fn net(&self) -> &Network {
        self.net
    }

    fn index(&mut self, i: usize) {
        self.index.add(i, &self.net.contacts[i]);
    }

    /// The contact this record is, if the network has them (see the module note for
    /// the rule).
    pub fn find(&self, rec: &Record) -> Option<usize> {
        self.index.find(&self.net.contacts, rec)
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
            self.net.contacts[i].edited = Some(self.now);
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
        if self.index.levels.contains_key(&contact) {
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
        self.index.levels.insert(contact, (self.today, self.now, level));
        true
    }
}

/// The identifiers a record carries.
fn record_ids(rec: &Record) -> Ids {
    Ids::new(&rec.uids, None, &rec.emails, &rec.phones, rec.linkedin.as_deref(), rec.birthday)
}

/// Whether merging the record into the contact would change nothing.
fn adds_nothing(c: &Contact, rec: &Record) -> bool {
    let quiet = Defaults { circle: None, stage: None, fallback_circle: Circle::Other, tags: Vec::new() };
    merge_into(&mut c.clone(), rec.clone(), &quiet).is_empty()
}

/// Whether the contact already holds every value the record carries, each the same:
/// a record with no identifier is this contact only then.
fn holds(c: &Contact, rec: &Record) -> bool {
    fn same<T: PartialEq>(ours: &Option<T>, theirs: &Option<T>) -> bool {
        theirs.is_none() || ours == theirs
    }
    fn all(ours: &[String], theirs: &[String]) -> bool {
        theirs.iter().all(|t| ours.contains(t))
    }
    // Phones and emails too: on this path they are shared lines, not identifiers.
    let has_email = |e: &String| c.emails.iter().any(|x| email_key(x) == email_key(e));
    let has_phone = |p: &String| c.phones.iter().any(|x| phone::key(x) == phone::key(p));
    rec.emails.iter().all(has_email)
        && rec.phones.iter().all(has_phone)
        && same(&c.org, &rec.org)
        && same(&c.role, &rec.role)
        && same(&c.met_at, &rec.met_at)
        && same(&c.met_on, &rec.met_on)
        && same(&c.impression, &rec.impression)
        && same(&c.every, &rec.every)
        && same(&c.note, &rec.note)
        && same(&c.birthday, &rec.birthday)
        && all(&c.tags, &rec.tags)
        && all(&c.urls, &rec.urls)
        && all(&c.addresses, &rec.addresses)
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
    // Linear: each list's values go into a set once, so a card with thousands of
    // values costs thousands of steps, not millions.
    let mut add = |list: &mut Vec<String>, items: Vec<String>, field: &'static str| {
        let before = list.len();
        let mut known: HashSet<String> = list.iter().cloned().collect();
        for item in items {
            if known.insert(item.clone()) {
                list.push(item);
            }
        }
        if list.len() > before && !changed.contains(&field) {
            changed.push(field);
        }
    };
    add(&mut c.emails, rec.emails, "emails");
    // Phones are one number however they are spelled (`model::phone::key`).
    let known: HashSet<String> = c.phones.iter().map(|p| phone::key(p)).collect();
    add(&mut c.phones, rec.phones.into_iter().filter(|p| !known.contains(&phone::key(p))).collect(), "phones");
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
#[path = "merge_tests.rs"]
mod tests;
