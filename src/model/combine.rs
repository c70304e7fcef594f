//! Making two contacts who are one person into one (`jejaring merge A B`): B goes into
//! A field by field and everything about B becomes about A. Nothing is dropped: lists
//! are joined, an empty field of A takes B's value, and where both have a different
//! value A's wins and B's is handed back as [`Kept`] for the caller to write into A's
//! note (in the user's language).

use super::{Contact, Network};
use super::{identity, phone};
use uuid::Uuid;

/// A value of B that lost to A's.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Kept {
    pub field: &'static str,
    pub value: String,
}

/// How many records about B become records about A.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Moved {
    pub interactions: usize,
    pub facts: usize,
    pub promises: usize,
    pub trust_notes: usize,
    pub stage_changes: usize,
    pub goals: usize,
    pub plans: usize,
}

/// What merging B into A does.
#[derive(Clone, Debug, PartialEq)]
pub struct Combined {
    /// A with B's values in; the note does not yet hold `kept`.
    pub contact: Contact,
    /// The fields of A that gained something from B.
    pub gained: Vec<&'static str>,
    /// B's values that differ from A's and stay only in the note.
    pub kept: Vec<Kept>,
    pub moved: Moved,
}

/// What merging `b` into `a` (indexes into `net.contacts`) would do; nothing changes.
pub fn plan(net: &Network, a: usize, b: usize) -> Combined {
    let (ca, cb) = (&net.contacts[a], &net.contacts[b]);
    let (contact, gained, kept) = fields(ca, cb);
    let id = cb.id;
    let moved = Moved {
        interactions: net.interactions.iter().filter(|i| i.contacts.contains(&id)).count(),
        facts: net.facts.iter().filter(|f| f.contact == id).count(),
        promises: net.promises.iter().filter(|p| p.contact == id).count(),
        trust_notes: net.trust_notes.iter().filter(|n| n.contact == id).count(),
        stage_changes: net.stage_changes.iter().filter(|s| s.contact == id).count(),
        goals: net.goals.iter().filter(|g| g.contacts.contains(&id)).count(),
        plans: net.plans.iter().filter(|p| p.picks.iter().any(|k| k.contact == id)).count(),
    };
    Combined { contact, gained, kept, moved }
}

/// Replaces A with `merged` (A's id), makes every record about `b` a record about A,
/// and removes B. Returns false, changing nothing, when either is missing.
pub fn apply(net: &mut Network, merged: Contact, b: Uuid) -> bool {
    let a = merged.id;
    let (Some(ia), Some(ib)) = (net.contact_index(&a), net.contact_index(&b)) else { return false };
    if ia == ib {
        return false;
    }
    net.contacts[ia] = merged;
    // B's place in a list becomes A's, or goes when A is already there.
    let swap = |list: &mut Vec<Uuid>| {
        if list.contains(&a) {
            list.retain(|c| *c != b);
        } else {
            list.iter_mut().filter(|c| **c == b).for_each(|c| *c = a);
        }
    };
    for i in &mut net.interactions {
        swap(&mut i.contacts);
    }
    for g in &mut net.goals {
        swap(&mut g.contacts);
    }
    for plan in &mut net.plans {
        let a_picked = plan.picks.iter().any(|p| p.contact == a);
        if a_picked {
            plan.picks.retain(|p| p.contact != b);
        } else {
            plan.picks.iter_mut().filter(|p| p.contact == b).for_each(|p| p.contact = a);
        }
    }
    move_facts(net, a, b);
    net.promises.iter_mut().filter(|p| p.contact == b).for_each(|p| p.contact = a);
    net.trust_notes.iter_mut().filter(|n| n.contact == b).for_each(|n| n.contact = a);
    net.stage_changes.iter_mut().filter(|s| s.contact == b).for_each(|s| s.contact = a);
    super::link::rewire(net, a, b);
    net.contacts.remove(ib);
    true
}

/// Makes B's facts A's. Facts are numbered per person, so a fact of B's whose number A
/// already uses takes the next free one: `know --fix N` must name one fact only.
fn move_facts(net: &mut Network, a: Uuid, b: Uuid) {
    let both = |c: &Uuid| *c == a || *c == b;
    let mut next = net.facts.iter().filter(|f| both(&f.contact)).map(|f| f.n).max().unwrap_or(0) + 1;
    let taken: std::collections::HashSet<u32> = net.facts.iter().filter(|f| f.contact == a).map(|f| f.n).collect();
    for f in net.facts.iter_mut().filter(|f| f.contact == b) {
        if taken.contains(&f.n) {
            f.n = next;
            next += 1;
        }
        f.contact = a;
    }
}

/// A's fields with B's merged in: (merged, fields gained, B's values kept aside).
fn fields(a: &Contact, b: &Contact) -> (Contact, Vec<&'static str>, Vec<Kept>) {
    let mut c = a.clone();
    let mut gained = Vec::new();
    let mut kept = Vec::new();
    if a.name != b.name {
        kept.push(Kept { field: "name", value: b.name.clone() });
    }
    if a.circle != b.circle {
        kept.push(Kept { field: "circle", value: b.circle.key().to_string() });
    }
    if a.stage != b.stage {
        kept.push(Kept { field: "stage", value: b.stage.key().to_string() });
    }
    macro_rules! one {
        ($($field:ident => $label:literal),+ $(,)?) => {$(
            match (&c.$field, &b.$field) {
                (None, Some(v)) => {
                    c.$field = Some(v.clone());
                    gained.push($label);
                }
                (Some(ours), Some(theirs)) if ours != theirs => {
                    kept.push(Kept { field: $label, value: theirs.to_string() });
                }
                _ => {}
            }
        )+};
    }
    one!(
        org => "org",
        role => "role",
        met_at => "met_at",
        met_on => "met_on",
        impression => "impression",
        every => "every",
        birthday => "birthday",
        linkedin => "linkedin",
        snoozed_until => "snoozed_until",
        note => "note",
    );
    let mut join =
        |list: &mut Vec<String>, theirs: &[String], field: &'static str, same: &dyn Fn(&str, &str) -> bool| {
            let before = list.len();
            for t in theirs {
                if !list.iter().any(|o| same(o, t)) {
                    list.push(t.clone());
                }
            }
            if list.len() > before {
                gained.push(field);
            }
        };
    let exact = |x: &str, y: &str| x == y;
    let caseless = |x: &str, y: &str| x.eq_ignore_ascii_case(y);
    // Compared as the identity rule compares them, and one number however it is spelled,
    // as import de-duplicates phones (short numbers too: identity's key only decides
    // whether two records are one person).
    let email = |x: &str, y: &str| identity::email_key(x) == identity::email_key(y);
    let uid = |x: &str, y: &str| identity::uid_key(x) == identity::uid_key(y);
    let digits = |x: &str, y: &str| phone::key(x) == phone::key(y);
    join(&mut c.emails, &b.emails, "emails", &email);
    join(&mut c.phones, &b.phones, "phones", &digits);
    join(&mut c.tags, &b.tags, "tags", &caseless);
    join(&mut c.urls, &b.urls, "urls", &exact);
    join(&mut c.addresses, &b.addresses, "addresses", &exact);
    join(&mut c.source_ids, &b.source_ids, "source_ids", &uid);
    // The person has been in the network since the earlier of the two was added.
    c.added = a.added.min(b.added);
    // Fields a newer version wrote: B's go in where A has none; where A has another
    // value, B's is kept aside like any other, never dropped.
    for (k, v) in &b.extra {
        match c.extra.get(k) {
            None => {
                c.extra.insert(k.clone(), v.clone());
                gained.push("extra");
            }
            Some(ours) if ours != v => kept.push(Kept { field: "extra", value: format!("{k}: {v}") }),
            Some(_) => {}
        }
    }
    (c, gained, kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Interaction, Kind, Pick, Plan};
    use chrono::{TimeZone, Utc};
    use serde_json::Map;

    fn person(name: &str, secs: i64) -> Contact {
        let id = Uuid::now_v7();
        Contact::new(id, id.simple().to_string()[..6].into(), name.into(), Utc.timestamp_opt(secs, 0).unwrap())
    }

    #[test]
    fn b_goes_into_a_and_nothing_is_dropped() {
        let mut a = person("Budi Santoso", 100);
        a.org = Some("Tokopedia".into());
        a.emails.push("budi@tokopedia.example".into());
        a.phones.push("+62 812 1111 2222".into());
        a.tags.push("fintech".into());
        let mut b = person("Budi S.", 50);
        b.org = Some("Gojek".into());
        b.role = Some("Engineer".into());
        b.emails.push("BUDI@tokopedia.example".into());
        b.emails.push("budi.s@mail.example".into());
        b.phones.push("+62-812-1111-2222".into());
        b.phones.push("+62 813 0000 0001".into());
        b.tags.push("kopi".into());
        b.source_ids.push("bbbb-2".into());
        let (c, gained, kept) = fields(&a, &b);
        assert_eq!(c.id, a.id);
        assert_eq!(c.name, "Budi Santoso");
        assert_eq!(c.org.as_deref(), Some("Tokopedia"), "A's value wins");
        assert_eq!(c.role.as_deref(), Some("Engineer"), "an empty field takes B's");
        assert_eq!(c.emails, ["budi@tokopedia.example", "budi.s@mail.example"]);
        assert_eq!(c.phones, ["+62 812 1111 2222", "+62 813 0000 0001"]);
        assert_eq!(c.tags, ["fintech", "kopi"]);
        assert_eq!(c.source_ids, ["bbbb-2"]);
        assert_eq!(c.added, b.added, "the person was known since the earlier record");
        assert_eq!(gained, ["role", "emails", "phones", "tags", "source_ids"]);
        let kept: Vec<(&str, &str)> = kept.iter().map(|k| (k.field, k.value.as_str())).collect();
        assert_eq!(kept, [("name", "Budi S."), ("org", "Gojek")]);
    }

    #[test]
    fn records_about_b_become_records_about_a() {
        let (a, b, other) = (person("A", 0), person("B", 0), person("C", 0));
        let (ia, ib, ic) = (a.id, b.id, other.id);
        let mut net = Network { contacts: vec![a, b, other], ..Network::default() };
        let talk = |with: Vec<Uuid>| Interaction {
            id: Uuid::now_v7(),
            contacts: with,
            kind: Kind::Call,
            on: "2026-11-01".parse().unwrap(),
            text: None,
            they_reached_out: false,
            logged: Utc.timestamp_opt(0, 0).unwrap(),
            source: None,
            extra: Map::new(),
        };
        net.interactions = vec![talk(vec![ia, ib]), talk(vec![ib, ic]), talk(vec![ic])];
        let pick = |contact| Pick { contact, reason: "widen".into() };
        let plan = |picks| Plan {
            id: Uuid::now_v7(),
            starts: "2026-11-23".parse().unwrap(),
            picks,
            made: Utc.timestamp_opt(0, 0).unwrap(),
            extra: Map::new(),
        };
        net.plans = vec![plan(vec![pick(ia), pick(ib)]), plan(vec![pick(ib), pick(ic)])];
        let combined = plan_of(&net);
        assert_eq!(combined.moved.interactions, 2);
        assert_eq!(combined.moved.plans, 2);
        assert!(apply(&mut net, combined.contact, ib));
        assert_eq!(net.contacts.iter().map(|c| c.id).collect::<Vec<_>>(), [ia, ic]);
        let with: Vec<Vec<Uuid>> = net.interactions.iter().map(|i| i.contacts.clone()).collect();
        assert_eq!(with, [vec![ia], vec![ia, ic], vec![ic]], "one talk with both is one talk with A");
        let picks: Vec<Vec<Uuid>> = net.plans.iter().map(|p| p.picks.iter().map(|k| k.contact).collect()).collect();
        assert_eq!(picks, [vec![ia], vec![ia, ic]]);
        assert!(!apply(&mut net.clone(), net.contacts[0].clone(), ib), "B is gone: nothing to do");
    }

    fn plan_of(net: &Network) -> Combined {
        plan(net, 0, 1)
    }

    #[test]
    fn facts_moved_from_b_keep_numbers_a_does_not_use() {
        use crate::model::fact::{Fact, Topic};
        let (a, b) = (person("A", 0), person("B", 0));
        let (ia, ib) = (a.id, b.id);
        let fact = |contact, n| Fact {
            id: Uuid::now_v7(),
            n,
            contact,
            topic: Topic::Work,
            text: format!("fact {n}"),
            on: "2026-11-01".parse().unwrap(),
            logged: Utc.timestamp_opt(0, 0).unwrap(),
            extra: Map::new(),
        };
        let mut net = Network { contacts: vec![a.clone(), b], ..Network::default() };
        net.facts = vec![fact(ia, 1), fact(ia, 2), fact(ib, 1), fact(ib, 5)];
        assert!(apply(&mut net, a, ib));
        let numbers: Vec<u32> = net.facts.iter().map(|f| f.n).collect();
        assert_eq!(numbers, [1, 2, 6, 5], "B's #1 collides with A's and takes the next free number");
        assert!(net.facts.iter().all(|f| f.contact == ia));
    }

    #[test]
    fn fields_from_a_newer_version_are_joined_and_never_dropped() {
        let (mut a, mut b) = (person("A", 0), person("B", 0));
        a.extra.insert("x_pronouns".into(), "she/her".into());
        b.extra.insert("x_pronouns".into(), "they/them".into());
        b.extra.insert("x_team".into(), "growth".into());
        b.emails.push("B@Example.com".into());
        a.emails.push("b@example.com".into());
        let (c, gained, kept) = fields(&a, &b);
        assert_eq!(c.extra["x_pronouns"], "she/her", "A's value stays");
        assert_eq!(c.extra["x_team"], "growth");
        assert!(gained.contains(&"extra") && !gained.contains(&"emails"), "{gained:?}");
        assert!(kept.contains(&Kept { field: "extra", value: "x_pronouns: \"they/them\"".into() }), "{kept:?}");
    }
}
