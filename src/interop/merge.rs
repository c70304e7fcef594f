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
    fn a_switchboard_or_info_address_makes_nobody_one_person() {
        let people = ["Ani Wijaya", "Bayu Pratama", "Citra Lestari", "Dedi Kurniawan"];
        let records: Vec<Record> = people
            .iter()
            .map(|name| {
                let mut r = rec(name);
                r.phones.push("+62 21 555 1234".into());
                r.emails.push("info@acme.example".into());
                r
            })
            .collect();
        let mut net = Network::default();
        for round in 0..2 {
            let mut m = Merger::new(&mut net, now(), now().date_naive());
            m.expect(&records);
            for r in &records {
                let outcome = m.merge(r.clone(), &defaults());
                assert_eq!(matches!(outcome, Outcome::Added(_)), round == 0, "{outcome:?}");
            }
        }
        assert_eq!(net.contacts.len(), 4, "four people, added once, found again on the second import");
        // A fifth colleague on the same line, in a later file alone: four contacts fit,
        // none is clearly her, so she is somebody new.
        let m = Merger::new(&mut net, now(), now().date_naive());
        let mut eka = rec("Eka Saputra");
        eka.phones.push("+62-21-555-1234".into());
        eka.role = Some("Finance".into());
        assert_eq!(m.find(&eka), None);
    }

    #[test]
    fn a_family_landline_in_one_file_keeps_two_people() {
        let records: Vec<Record> = ["Rina Hartono", "Rudi Hartono"]
            .iter()
            .map(|name| {
                let mut r = rec(name);
                r.phones.push("+62 22 700 8000".into());
                r
            })
            .collect();
        let mut net = Network::default();
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        m.expect(&records);
        for r in &records {
            assert!(matches!(m.merge(r.clone(), &defaults()), Outcome::Added(_)));
        }
        // Later, one of them alone, by the landline: both fit, one has the name.
        let m = Merger::new(&mut net, now(), now().date_naive());
        let mut rudi = rec("Rudi Hartono");
        rudi.phones.push("+62-22-700-8000".into());
        rudi.org = Some("ITB".into());
        assert_eq!(m.find(&rudi), Some(1));
        let mut r = rec("R. Hartono");
        r.phones.push("+62 22 7008000".into());
        r.emails.push("r.hartono@example.com".into());
        assert_eq!(m.find(&r), None, "the landline does not say which of them gets the email");
    }

    #[test]
    fn a_record_goes_to_the_one_contact_its_identifiers_together_single_out() {
        // Two namesakes share a family address; each has an address and a phone of
        // their own (a vCard export of both). A Google CSV row of the first, with a
        // note the contact lacks, fits both by the family address, but its other
        // address and its phone are only the first's.
        let mut net = Network::default();
        for (own, phone) in [("budi.a@example.com", "+62 811 0000 0001"), ("budi.b@example.com", "+62 811 0000 0002")] {
            let mut c = Contact::new(Uuid::now_v7(), own[..6].into(), "Budi Santoso".into(), now());
            c.emails = vec!["keluarga@example.com".into(), own.into()];
            c.phones.push(phone.into());
            net.contacts.push(c);
        }
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        let mut row = rec("Budi Santoso");
        row.emails = vec!["keluarga@example.com".into(), "budi.b@example.com".into()];
        row.phones.push("+62 811-0000-0002".into());
        row.note = Some("from Google".into());
        assert_eq!(m.merge(row, &defaults()), Outcome::Updated(1, vec!["note"]));
        let mut family_only = rec("Budi Santoso");
        family_only.emails.push("keluarga@example.com".into());
        family_only.role = Some("Parent".into());
        assert_eq!(m.find(&family_only), None, "the family address alone singles out no one");
        assert_eq!(net.contacts.len(), 2);
        // The read-only finder that sync uses decides the same.
        let finder = Finder::new(&net);
        let mut again = rec("Budi Santoso");
        again.emails = vec!["keluarga@example.com".into(), "budi.a@example.com".into()];
        again.role = Some("Engineer".into());
        assert_eq!(finder.find(&again), Some(0));
    }

    #[test]
    fn matches_by_uid_email_linkedin_or_phone_never_by_name() {
        let mut net = Network::default();
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        let mut a = rec("Budi");
        a.uids.push("ABC-1".into());
        a.emails.push("budi@x.example".into());
        a.linkedin = Some("https://www.linkedin.com/in/budi".into());
        a.phones.push("+62 812 1111 2222".into());
        a.org = Some("Tokopedia".into());
        m.merge(a, &defaults());
        let mut by_uid = rec("Someone Else");
        by_uid.uids.push("abc-1".into());
        let mut by_email = rec("B. Santoso");
        by_email.emails.push("budi@x.example".into());
        let mut by_linkedin = rec("Budi S");
        by_linkedin.linkedin = Some("https://www.linkedin.com/in/budi".into());
        let mut by_phone = rec("Pak Budi");
        by_phone.phones.push("0062-812-1111-2222".into());
        by_phone.phones.push("+62 812 1111 2222".into());
        for r in [by_uid, by_email, by_linkedin, by_phone] {
            assert_eq!(m.find(&r), Some(0), "{r:?}");
        }
        let mut by_name = rec("BUDI");
        by_name.org = Some("tokopedia".into());
        assert_eq!(m.find(&by_name), None, "a name and organisation is only a suggestion");
        let mut other_uid = rec("Budi");
        other_uid.uids.push("XYZ-9".into());
        other_uid.emails.push("budi@x.example".into());
        assert_eq!(m.find(&other_uid), None, "another UID is another person, even with the same email");
    }

    #[test]
    fn namesakes_with_different_uids_or_profiles_stay_two() {
        let mut net = Network::default();
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        let mut a = rec("Budi");
        a.uids.push("aaaa-1".into());
        a.phones.push("+62 811 0000 0001".into());
        let mut b = rec("Budi");
        b.uids.push("bbbb-2".into());
        b.phones.push("+62 811 0000 0002".into());
        assert!(matches!(m.merge(a.clone(), &defaults()), Outcome::Added(0)));
        assert!(matches!(m.merge(b.clone(), &defaults()), Outcome::Added(1)));
        assert_eq!(m.merge(a, &defaults()), Outcome::Unchanged(0));
        assert_eq!(m.merge(b, &defaults()), Outcome::Unchanged(1));
        let rahul = |url: &str| {
            let mut r = rec("Rahul Sharma");
            r.org = Some("Tata Consultancy Services".into());
            r.linkedin = Some(url.into());
            r
        };
        assert!(matches!(m.merge(rahul("https://www.linkedin.com/in/rahul-1"), &defaults()), Outcome::Added(2)));
        assert!(matches!(m.merge(rahul("https://www.linkedin.com/in/rahul-2"), &defaults()), Outcome::Added(3)));
        assert_eq!(net.contacts[0].source_ids, ["aaaa-1"]);
        assert_eq!(net.contacts[1].source_ids, ["bbbb-2"]);
    }

    #[test]
    fn a_record_with_no_identifier_is_a_contact_only_when_it_repeats_them() {
        let mut net = Network::default();
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        let mut ana = rec("Ana");
        ana.org = Some("Gojek".into());
        assert!(matches!(m.merge(ana.clone(), &defaults()), Outcome::Added(0)));
        assert_eq!(m.merge(ana.clone(), &defaults()), Outcome::Unchanged(0), "an exact repeat is the same record");
        assert_eq!(m.merge(rec("ANA"), &defaults()), Outcome::Unchanged(0), "saying less is no new person");
        let mut elsewhere = ana.clone();
        elsewhere.org = Some("Tokopedia".into());
        assert!(matches!(m.merge(elsewhere, &defaults()), Outcome::Added(1)), "a different value is a namesake");
        let mut phoned = rec("Siti");
        phoned.phones.push("+62 812 5555 6666".into());
        m.merge(phoned, &defaults());
        assert!(
            matches!(m.merge(rec("Siti"), &defaults()), Outcome::Added(3)),
            "a contact with a phone is not a bare name"
        );
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
