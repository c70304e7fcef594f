//! Applying a sync's outcome to the data file, under its lock, on the network as it is
//! by then: a contact edited while the sync talked to the server keeps that edit (the
//! next sync sends it), a contact given history meanwhile is not deleted, and a
//! `sync setup` run meanwhile keeps what it set (the sync brings only what it learned
//! about the cards).

use super::engine::{NewCard, Outcome};
use super::fields::Fields;
use super::merge::{Winner, three_way};
use super::state::{CardState, SyncState};
use crate::i18n::Lang;
use crate::interop::merge::{Defaults, Merger, Outcome as Merged};
use crate::model::contact::new_handle;
use crate::model::sync::recorded_here;
use crate::model::{Circle, Network};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashSet;
use uuid::Uuid;

/// What the data file said differently by the time the sync was applied: contacts the
/// phone deleted that are kept after all (given history meanwhile) or go back to the
/// phone (edited meanwhile). Both are no longer among the deleted.
#[derive(Debug, Default)]
pub struct Late {
    pub kept: Vec<String>,
    pub restored: Vec<String>,
}

/// Applies `outcome` to `net`.
pub fn apply(net: &mut Network, outcome: Outcome, now: DateTime<Utc>, lang: Lang) -> Late {
    let today = now.date_naive();
    let mut state = merged_state(net.sync.take(), outcome.state);
    let index: std::collections::HashMap<Uuid, usize> =
        net.contacts.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    for (id, before, after) in &outcome.updates {
        let Some(c) = index.get(id).and_then(|&i| net.contacts.get_mut(i)) else { continue };
        let current = Fields::of(c);
        let target = if &current == before {
            after.clone()
        } else {
            // Edited here during the sync: that edit is the newer, and stays on top of
            // what was pulled.
            three_way(Some(before), &current, after, Some(Winner::Jejaring), today, lang).fields
        };
        target.apply(c);
    }
    let mut late = Late::default();
    for (id, seen) in &outcome.removes {
        let Some(c) = net.contact(id) else { continue };
        if &Fields::of(c) != seen {
            // Edited during the sync: unlinked now, so the next sync sends it back.
            late.restored.push(c.name.clone());
        } else if recorded_here(net, c) {
            late.kept.push(c.name.clone());
            state.kept.push(*id);
        } else {
            net.remove_contact(id);
        }
    }
    if !outcome.adds.is_empty() {
        let linked = add(net, outcome.adds, &state, now, today);
        state.cards.extend(linked);
        state.cards.sort_by(|a, b| a.href.cmp(&b.href));
    }
    let linked: HashSet<Uuid> = state.cards.iter().map(|c| c.contact).collect();
    state.kept.retain(|id| !linked.contains(id));
    state.kept.sort();
    state.kept.dedup();
    state.last_sync = Some(now);
    net.sync = Some(state);
    late
}

/// The sync record to save: the one in the file now (a `sync setup` may have run
/// during the sync: its user, password command, calendar and address book spelling
/// stay), with what the sync learned about the cards. The events go with the calendar
/// they were pushed to.
fn merged_state(file: Option<SyncState>, synced: SyncState) -> SyncState {
    let Some(mut state) = file else { return synced };
    if state.calendar == synced.calendar {
        state.events = synced.events;
    }
    state.token = synced.token;
    state.cards = synced.cards;
    state.kept = synced.kept;
    state.only = synced.only;
    state
}

/// Makes the contacts for cards new to jejaring (or merges a card into the one contact
/// it is, when no card is linked to them yet), and returns the new links. A card that
/// matches a contact already linked to another card (a second card of one person, or
/// another person under the same UID) becomes a contact of its own.
fn add(
    net: &mut Network,
    adds: Vec<NewCard>,
    state: &SyncState,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Vec<CardState> {
    let defaults = Defaults { circle: None, stage: None, fallback_circle: Circle::Other, tags: Vec::new() };
    let mut taken: HashSet<Uuid> = state.cards.iter().map(|c| c.contact).collect();
    let mut uids: HashSet<String> = state.cards.iter().map(|c| c.uid.clone()).collect();
    let mut links = Vec::new();
    let mut apart = Vec::new();
    let mut merger = Merger::new(net, now, today);
    for new in adds {
        let found = merger.find(&new.record).and_then(|i| merger.net().contacts.get(i)).map(|c| c.id);
        if new.duplicate_of.is_some() || found.is_some_and(|id| taken.contains(&id)) || uids.contains(&new.uid) {
            apart.push(new);
            continue;
        }
        uids.insert(new.uid.clone());
        let i = match merger.merge(new.record, &defaults) {
            Merged::Added(i) | Merged::Updated(i, _) | Merged::Unchanged(i) => i,
        };
        let Some(c) = merger.net().contacts.get(i) else { continue };
        taken.insert(c.id);
        let base = new.base.filled_from(&Fields::of(c));
        links.push(CardState { contact: c.id, href: new.href, uid: new.uid, etag: new.etag, base });
    }
    if apart.is_empty() {
        return links;
    }
    let mut handles: HashSet<String> = net.contacts.iter().map(|c| c.handle.clone()).collect();
    uids.extend(net.contacts.iter().flat_map(|c| c.source_ids.iter().cloned()));
    for new in apart {
        // Made in an empty network, so nobody here is matched, then moved in.
        let mut scratch = Network::default();
        Merger::new(&mut scratch, now, today).merge(new.record, &defaults);
        let Some(mut c) = scratch.contacts.pop() else { continue };
        c.handle = new_handle(&c.id, |h| handles.contains(h));
        handles.insert(c.handle.clone());
        // A UID another contact has (two people's cards under one UID) names neither.
        c.source_ids.retain(|u| !uids.contains(u));
        let base = new.base.filled_from(&Fields::of(&c));
        links.push(CardState { contact: c.id, href: new.href, uid: new.uid, etag: new.etag, base });
        net.trust_notes.extend(scratch.trust_notes);
        net.contacts.push(c);
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::{At, Draft};

    fn now() -> DateTime<Utc> {
        "2026-12-01T10:00:00Z".parse().unwrap()
    }

    fn card(name: &str, email: &str, href: &str, uid: &str) -> NewCard {
        let mut d = Draft::new(At::Unknown);
        d.rec.name = name.into();
        d.email(email);
        d.rec.uids.push(uid.into());
        let base = Fields::from_record(&d.rec);
        NewCard { record: d.rec, href: href.into(), uid: uid.into(), etag: None, base, duplicate_of: None }
    }

    fn outcome(adds: Vec<NewCard>) -> Outcome {
        Outcome { adds, state: SyncState::new("http://127.0.0.1/b/".into()), ..Outcome::default() }
    }

    #[test]
    fn two_cards_of_one_person_stay_two_contacts_each_linked_once() {
        let mut net = Network::default();
        let adds = vec![card("Ayu", "ayu@x.id", "/b/1.vcf", "u1"), card("Ayu L.", "ayu@x.id", "/b/2.vcf", "u2")];
        apply(&mut net, outcome(adds), now(), Lang::En);
        assert_eq!(net.contacts.len(), 2, "{:?}", net.contacts);
        let state = net.sync.as_ref().unwrap();
        let linked: HashSet<Uuid> = state.cards.iter().map(|c| c.contact).collect();
        assert_eq!(linked.len(), 2, "one card each");
        assert_ne!(net.contacts[0].handle, net.contacts[1].handle);
        assert_eq!(net.contacts[1].source_ids, ["u2"]);
    }

    #[test]
    fn two_people_under_one_uid_are_kept_apart_by_href() {
        let mut net = Network::default();
        let adds = vec![card("Ayu", "ayu@x.id", "/b/1.vcf", "same"), card("Budi", "budi@x.id", "/b/2.vcf", "same")];
        apply(&mut net, outcome(adds), now(), Lang::En);
        let names: Vec<&str> = net.contacts.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Ayu", "Budi"]);
        assert_eq!(net.contacts[1].source_ids, Vec::<String>::new(), "the clashing UID names neither");
        assert_eq!(net.sync.as_ref().unwrap().cards.len(), 2);
    }

    #[test]
    fn a_setup_run_during_the_sync_is_not_reverted() {
        let mut net = Network::default();
        let mut file = SyncState::new("http://localhost/b/".into());
        file.password_command = Some("pass show new".into());
        file.calendar = None;
        net.sync = Some(file);
        let mut synced = SyncState::new("http://127.0.0.1/b/".into());
        synced.password_command = Some("pass show old".into());
        synced.calendar = Some("http://127.0.0.1/cal/".into());
        synced.token = Some("t2".into());
        synced.events.push(crate::model::sync::EventState {
            uid: "e".into(),
            href: "/cal/e.ics".into(),
            etag: None,
            digest: "d".into(),
        });
        apply(&mut net, Outcome { state: synced, ..Outcome::default() }, now(), Lang::En);
        let s = net.sync.unwrap();
        assert_eq!(s.password_command.as_deref(), Some("pass show new"));
        assert_eq!(s.addressbook, "http://localhost/b/");
        assert_eq!(s.calendar, None);
        assert!(s.events.is_empty(), "events of a calendar dropped meanwhile are not brought back");
        assert_eq!(s.token.as_deref(), Some("t2"));
    }
}
