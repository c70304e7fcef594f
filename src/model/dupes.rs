//! Likely duplicates: pairs of contacts that may be one person, with the evidence for
//! and against, strongest first.
//!
//! Contacts are grouped by each key they could share (a UID, an email, a phone's
//! digits, a LinkedIn profile, a folded name) and only people in the same group are
//! compared, so the work grows with the contacts, not with every pair of them. A key
//! shared by more than [`MAX_GROUP`] contacts (a switchboard number, a very common
//! name) is reported as too common instead of pairing everyone in it.
//!
//! A pair is suggested when it shares a strong identifier, or a name (accents, case
//! and word order folded) with no different organisation. A pair whose only evidence is
//! the name is left out when an identifier says they are two people (different UIDs,
//! LinkedIn profiles or birthdays): that is the namesake case the rule exists for.

use super::Contact;
use super::identity::{Conflict, Ids, Shared, name_key};
use super::text::fold;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Groups bigger than this are not paired up.
pub const MAX_GROUP: usize = 50;

/// Why two contacts may be one person, strongest first.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Evidence {
    Uid(String),
    Email(String),
    Phone(String),
    Linkedin(String),
    /// The same name (folded) at the same organisation.
    NameAndOrg,
    /// The same name once accents, case and word order are folded; no organisation
    /// on at least one side.
    Name,
}

impl Evidence {
    /// Whether this is a strong identifier rather than a name.
    pub fn is_strong(&self) -> bool {
        !matches!(self, Evidence::NameAndOrg | Evidence::Name)
    }
}

/// Two contacts (indexes into the list given to [`find`]) that may be one person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    /// Never empty; strongest first.
    pub evidence: Vec<Evidence>,
    /// Identifiers that say they are two people.
    pub conflicts: Vec<Conflict>,
}

/// What a key is, for a group too common to pair up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    Uid,
    Email,
    Phone,
    Linkedin,
    Name,
}

/// A key too many contacts share to suggest every pair of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Crowd {
    pub kind: KeyKind,
    pub key: String,
    pub contacts: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub pairs: Vec<Pair>,
    pub crowds: Vec<Crowd>,
}

/// The likely duplicates among `contacts`, strongest first.
pub fn find(contacts: &[Contact]) -> Found {
    let ids: Vec<Ids> = contacts.iter().map(Ids::of).collect();
    let names: Vec<String> = contacts.iter().map(|c| name_key(&c.name)).collect();
    let mut groups: HashMap<(KeyKind, &str), Vec<usize>> = HashMap::with_capacity(contacts.len() * 3);
    for (i, id) in ids.iter().enumerate() {
        for (shared, key) in id.keys() {
            let kind = match shared {
                Shared::Uid => KeyKind::Uid,
                Shared::Email => KeyKind::Email,
                Shared::Phone => KeyKind::Phone,
                Shared::Linkedin => KeyKind::Linkedin,
            };
            let group = groups.entry((kind, key)).or_default();
            if group.last() != Some(&i) {
                group.push(i);
            }
        }
        if !names[i].is_empty() {
            groups.entry((KeyKind::Name, names[i].as_str())).or_default().push(i);
        }
    }
    let mut candidates = HashSet::new();
    let mut crowds = Vec::new();
    for ((kind, key), group) in &groups {
        if group.len() > MAX_GROUP {
            crowds.push(Crowd { kind: *kind, key: key.to_string(), contacts: group.len() });
            continue;
        }
        for (n, &a) in group.iter().enumerate() {
            for &b in &group[n + 1..] {
                candidates.insert((a.min(b), a.max(b)));
            }
        }
    }
    let mut pairs: Vec<Pair> = candidates
        .into_iter()
        .filter_map(|(a, b)| {
            let (evidence, conflicts) = pair(&contacts[a], &contacts[b], &ids[a], &ids[b], names[a] == names[b])?;
            Some(Pair { a, b, evidence, conflicts })
        })
        .collect();
    // Strongest evidence first, then more of it, then fewer conflicts; ties in the
    // order the contacts were added, so the list is the same every time.
    pairs.sort_by(|x, y| {
        rank(&x.evidence[0])
            .cmp(&rank(&y.evidence[0]))
            .then(y.evidence.len().cmp(&x.evidence.len()))
            .then(x.conflicts.len().cmp(&y.conflicts.len()))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    crowds.sort_by(|x, y| y.contacts.cmp(&x.contacts).then(x.kind.cmp(&y.kind)).then(x.key.cmp(&y.key)));
    Found { pairs, crowds }
}

fn rank(e: &Evidence) -> u8 {
    match e {
        Evidence::Uid(_) => 0,
        Evidence::Email(_) => 1,
        Evidence::Phone(_) => 2,
        Evidence::Linkedin(_) => 3,
        Evidence::NameAndOrg => 4,
        Evidence::Name => 5,
    }
}

/// The evidence for and against two contacts being one person, or None when there is
/// nothing worth suggesting.
pub fn pair(a: &Contact, b: &Contact, ia: &Ids, ib: &Ids, same_name: bool) -> Option<(Vec<Evidence>, Vec<Conflict>)> {
    let mut evidence = Vec::new();
    for shared in ia.shared(ib) {
        evidence.push(match shared {
            Shared::Uid => Evidence::Uid(first_common(&ia.uids, &ib.uids).unwrap_or_default()),
            Shared::Email => Evidence::Email(first_common(&ia.emails, &ib.emails).unwrap_or_default()),
            Shared::Phone => Evidence::Phone(first_common(&ia.phones, &ib.phones).unwrap_or_default()),
            Shared::Linkedin => Evidence::Linkedin(ia.linkedin.clone().unwrap_or_default()),
        });
    }
    let conflicts = ia.conflicts(ib);
    if same_name {
        let org = |c: &Contact| c.org.as_deref().map(|o| fold(o.trim())).filter(|o| !o.is_empty());
        match (org(a), org(b)) {
            (Some(x), Some(y)) if x == y => evidence.push(Evidence::NameAndOrg),
            (Some(_), Some(_)) => {}
            _ => evidence.push(Evidence::Name),
        }
    }
    let strong = evidence.iter().any(Evidence::is_strong);
    if evidence.is_empty() || (!strong && !conflicts.is_empty()) {
        return None;
    }
    Some((evidence, conflicts))
}

fn first_common(a: &[String], b: &[String]) -> Option<String> {
    a.iter().find(|x| b.contains(x)).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    fn person(name: &str) -> Contact {
        let id = Uuid::now_v7();
        Contact::new(id, id.simple().to_string()[..6].into(), name.into(), Utc.timestamp_opt(0, 0).unwrap())
    }

    #[test]
    fn pairs_come_with_their_evidence_strongest_first() {
        let mut budi = person("Budi Santoso");
        budi.emails.push("budi@x.example".into());
        let mut b2 = person("B. Santoso");
        b2.emails.push("BUDI@x.example".into());
        let mut manu1 = person("Manu");
        manu1.phones.push("+91 98450 00001".into());
        let mut manu2 = person("manu");
        manu2.phones.push("+91 98450 00002".into());
        let mut jose = person("José Pérez");
        jose.org = Some("Gojek".into());
        let mut jose2 = person("Perez, Jose");
        jose2.org = Some("gojek".into());
        let mut other_org = person("Budi Santoso");
        other_org.org = Some("Tokopedia".into());
        let mut other_org2 = person("Budi Santoso");
        other_org2.org = Some("Gojek".into());
        let found = find(&[budi, b2, manu1, manu2, jose, jose2, other_org, other_org2]);
        let got: Vec<_> = found.pairs.iter().map(|p| (p.a, p.b, p.evidence.clone())).collect();
        assert_eq!(
            got,
            [
                (0, 1, vec![Evidence::Email("budi@x.example".into())]),
                (4, 5, vec![Evidence::NameAndOrg]),
                (0, 6, vec![Evidence::Name]),
                (0, 7, vec![Evidence::Name]),
                (2, 3, vec![Evidence::Name]),
            ],
            "two Budis at different organisations are not suggested"
        );
    }

    #[test]
    fn namesakes_that_an_identifier_tells_apart_are_not_suggested() {
        let mut a = person("Budi");
        a.source_ids.push("aaaa-1".into());
        let mut b = person("Budi");
        b.source_ids.push("bbbb-2".into());
        let mut c = person("Rahul Sharma");
        c.linkedin = Some("https://www.linkedin.com/in/rahul-1".into());
        c.emails.push("rahul@tcs.example".into());
        let mut d = person("Rahul Sharma");
        d.linkedin = Some("https://www.linkedin.com/in/rahul-2".into());
        d.emails.push("rahul@tcs.example".into());
        let found = find(&[a, b, c, d]);
        assert_eq!(found.pairs.len(), 1, "{:?}", found.pairs);
        let p = &found.pairs[0];
        assert_eq!((p.a, p.b), (2, 3));
        assert_eq!(p.conflicts, [Conflict::Linkedin], "a shared email is shown with what speaks against it");
    }

    #[test]
    fn a_crowd_is_reported_instead_of_paired() {
        let people: Vec<Contact> = (0..MAX_GROUP + 1).map(|_| person("Tukiyem")).collect();
        let found = find(&people);
        assert!(found.pairs.is_empty());
        assert_eq!(found.crowds, [Crowd { kind: KeyKind::Name, key: "tukiyem".into(), contacts: MAX_GROUP + 1 }]);
    }
}
