//! From gathered traces to interactions: who you are in each, whether both sides
//! wrote, who reached out, which contacts took part, and what the network already has.

use super::matching::{Match, Matcher, Me};
use super::{Gathered, Person};
use crate::model::interaction::{Origin, Source};
use crate::model::{Interaction, Network};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// One interaction as the export tells it, with you taken out.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversation {
    pub trace: Gathered,
    /// Everyone else who took part (declined attendees left out).
    pub others: Vec<Person>,
    /// You and they both wrote in the exchange, or it was a meeting.
    pub two_way: bool,
    pub they_reached_out: bool,
}

/// Takes you out of each trace. A meeting you declined is dropped, and so is a trace
/// with no one else in it (a note to self, an event of your own).
pub fn conversations(traces: Vec<Gathered>, me: &Me) -> Vec<Conversation> {
    // Who wrote in each exchange: (you, someone else).
    let mut sides: HashMap<(Origin, String), (bool, bool)> = HashMap::new();
    for g in &traces {
        let s = sides.entry((g.from.clone(), g.exchange.clone())).or_default();
        for p in g.people.iter().filter(|p| p.spoke) {
            if me.is(p) {
                s.0 = true;
            } else {
                s.1 = true;
            }
        }
    }
    let mut out = Vec::with_capacity(traces.len());
    for g in traces {
        if g.people.iter().any(|p| p.declined && me.is(p)) {
            continue;
        }
        let others: Vec<Person> = g.people.iter().filter(|p| !p.declined && !me.is(p)).cloned().collect();
        if others.is_empty() {
            continue;
        }
        let (you, they) = sides.get(&(g.from.clone(), g.exchange.clone())).copied().unwrap_or_default();
        let they_reached_out = g.opener.and_then(|i| g.people.get(i)).is_some_and(|p| !me.is(p));
        out.push(Conversation { two_way: g.meeting || (you && they), they_reached_out, others, trace: g });
    }
    out
}

/// Someone in the export who is none of your contacts.
#[derive(Clone, Debug, PartialEq)]
pub struct Unknown {
    pub person: Person,
    /// In how many conversations.
    pub conversations: usize,
    /// A name more than one contact has: not guessed.
    pub ambiguous: bool,
    /// They took part in a two-way exchange with you (`--add-unknown` adds only them).
    pub two_way: bool,
}

/// What importing the conversations would do to the network.
#[derive(Debug, Default)]
pub struct Plan {
    pub add: Vec<Interaction>,
    /// Already in the network from an earlier import.
    pub known: usize,
    /// Known ones a newer export shows both sides wrote in: (index, now two-way).
    pub upgrade: Vec<usize>,
    /// Known chats an earlier version stored under a key that named their writers
    /// (unknown people too): (index, the key they have now).
    pub rekey: Vec<(usize, String)>,
    /// Conversations where no one was a contact.
    pub with_unknown: usize,
    pub unknown: Vec<Unknown>,
}

/// The key an interaction is stored under: the reader's, except a WhatsApp chat's,
/// which names its contacts (see `whatsapp::stored_key`).
fn stored_key(t: &super::Gathered, contacts: &[Uuid]) -> String {
    if t.from != Origin::Whatsapp {
        return t.key.clone();
    }
    let mut ids = contacts.to_vec();
    ids.sort_unstable();
    super::whatsapp::stored_key(&t.key, &ids).unwrap_or_else(|| t.key.clone())
}

/// WhatsApp days an earlier import stored under another key (one that named the chat
/// by its writers, or a group by a name it has since changed), by day and contacts:
/// the same day with the same contacts is the same chat's day.
fn chat_days(net: &Network) -> HashMap<(NaiveDate, Vec<Uuid>), usize> {
    let mut days = HashMap::new();
    for (i, it) in net.interactions.iter().enumerate() {
        if it.source.as_ref().is_some_and(|s| s.from == Origin::Whatsapp) {
            let mut ids = it.contacts.clone();
            ids.sort_unstable();
            days.entry((it.on, ids)).or_insert(i);
        }
    }
    days
}

/// Matches each conversation's people with the contacts and leaves out what the
/// network already has (the same source and key). `since` leaves out older days.
pub fn plan(
    convs: &[Conversation],
    net: &Network,
    matcher: &Matcher,
    since: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Plan {
    let mut have: HashMap<(&Origin, &str), usize> = HashMap::new();
    for (i, it) in net.interactions.iter().enumerate() {
        if let Some(s) = &it.source {
            have.insert((&s.from, s.key.as_str()), i);
        }
    }
    let chat_days = chat_days(net);
    let mut plan = Plan::default();
    let mut unknown: HashMap<String, usize> = HashMap::new();
    let mut planned: HashMap<(Origin, String), usize> = HashMap::new();
    for c in convs {
        if since.is_some_and(|s| c.trace.on < s) {
            continue;
        }
        let mut contacts = Vec::new();
        for p in &c.others {
            match matcher.find(p) {
                Match::One(i) => {
                    let id = net.contacts[i].id;
                    if !contacts.contains(&id) {
                        contacts.push(id);
                    }
                }
                m => {
                    let k = p.key();
                    let at = *unknown.entry(k).or_insert_with(|| {
                        plan.unknown.push(Unknown {
                            person: p.clone(),
                            conversations: 0,
                            ambiguous: m == Match::Ambiguous,
                            two_way: false,
                        });
                        plan.unknown.len() - 1
                    });
                    let u = &mut plan.unknown[at];
                    u.conversations += 1;
                    u.two_way |= c.two_way && p.spoke;
                }
            }
        }
        if contacts.is_empty() {
            plan.with_unknown += 1;
            continue;
        }
        let t = &c.trace;
        let key = stored_key(t, &contacts);
        let earlier = || {
            let mut ids = contacts.clone();
            ids.sort_unstable();
            let i = *chat_days.get(&(t.on, ids))?;
            let old = &net.interactions[i].source.as_ref()?.key;
            // An earlier version's key, or the same kind of chat under an older name.
            let kind = |k: &str| k.split_once(':').map(|(kind, _)| kind.to_string());
            let again = !super::whatsapp::is_current_key(old) || kind(old) == kind(&key);
            again.then_some(i)
        };
        let known = match have.get(&(&t.from, key.as_str())) {
            Some(&i) => Some(i),
            None if t.from == Origin::Whatsapp => earlier(),
            None => None,
        };
        if let Some(i) = known {
            plan.known += 1;
            if c.two_way && !net.interactions[i].two_way() && !plan.upgrade.contains(&i) {
                plan.upgrade.push(i);
            }
            // An earlier version's key is replaced; a current one stays (a group renamed
            // since keeps the key of its old name, so the two never take turns).
            let stored = net.interactions[i].source.as_ref().map(|s| s.key.as_str());
            let legacy = stored.is_some_and(|k| t.from == Origin::Whatsapp && !super::whatsapp::is_current_key(k));
            if legacy && !plan.rekey.iter().any(|(j, _)| *j == i) {
                plan.rekey.push((i, key));
            }
            continue;
        }
        if let Some(&j) = planned.get(&(t.from.clone(), key.clone())) {
            // Two exports of one chat in one import: one interaction, two-way if
            // either shows both sides.
            plan.known += 1;
            if c.two_way
                && let Some(s) = plan.add[j].source.as_mut()
            {
                s.one_way = false;
            }
            continue;
        }
        planned.insert((t.from.clone(), key.clone()), plan.add.len());
        let mut it = Interaction::new(contacts, t.kind.clone(), t.on, now);
        it.text = t.title.clone();
        it.they_reached_out = c.they_reached_out;
        let people = u32::try_from(c.others.len() + 1).ok();
        it.source = Some(Source { from: t.from.clone(), key, one_way: !c.two_way, people });
        plan.add.push(it);
    }
    plan.unknown
        .sort_by(|a, b| b.conversations.cmp(&a.conversations).then_with(|| a.person.label().cmp(&b.person.label())));
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, Kind};
    use uuid::Uuid;

    fn mail(who: &str, spoke: bool) -> Person {
        Person { email: Some(who.into()), spoke, ..Person::default() }
    }

    fn trace(key: &str, exchange: &str, people: Vec<Person>, opener: Option<usize>) -> Gathered {
        Gathered {
            from: Origin::Email,
            key: key.into(),
            exchange: exchange.into(),
            on: "2026-11-02".parse().unwrap(),
            kind: Kind::Email,
            title: Some("Hello".into()),
            people,
            opener,
            meeting: false,
            line: 1,
        }
    }

    #[test]
    fn both_sides_of_a_thread_make_it_two_way_and_the_opener_decides() {
        let me = Me::new(["me@x.com"]);
        let traces = vec![
            trace("t/1", "t", vec![mail("budi@x.com", true), mail("me@x.com", false)], Some(0)),
            trace("t/2", "t", vec![mail("me@x.com", true), mail("budi@x.com", false)], None),
            trace("u/1", "u", vec![mail("me@x.com", true), mail("siti@x.com", false)], Some(0)),
            trace("v/1", "v", vec![mail("me@x.com", true)], Some(0)),
        ];
        let c = conversations(traces, &me);
        assert_eq!(c.len(), 3, "a note to self is no conversation");
        assert_eq!((c[0].two_way, c[0].they_reached_out), (true, true));
        assert_eq!((c[1].two_way, c[1].they_reached_out), (true, false));
        assert_eq!((c[2].two_way, c[2].they_reached_out), (false, false));
        assert_eq!(c[2].others, [mail("siti@x.com", false)]);
    }

    fn chat(key: &str, on: &str, people: Vec<Person>) -> Gathered {
        Gathered {
            from: Origin::Whatsapp,
            key: key.into(),
            exchange: key.into(),
            on: on.parse().unwrap(),
            kind: Kind::Message,
            title: None,
            people,
            opener: Some(0),
            meeting: false,
            line: 1,
        }
    }

    fn named(name: &str, spoke: bool) -> Person {
        Person { name: Some(name.into()), spoke, ..Person::default() }
    }

    #[test]
    fn a_chat_is_stored_by_its_contacts_and_an_earlier_key_is_known_and_replaced() {
        let now = Utc::now();
        let budi = Contact::new(Uuid::now_v7(), "budi".into(), "Budi".into(), now);
        let id = budi.id;
        let mut net = Network { contacts: vec![budi], ..Network::default() };
        let me = Me::new(["Ayu"]);
        // Two exports of one chat under different file names, and an unknown Joko.
        let traces = vec![
            chat("with:aaaa/2026-11-02", "2026-11-02", vec![named("Ayu", true), named("Budi", false)]),
            chat("with:bbbb/2026-11-02", "2026-11-02", vec![named("Budi", true), named("Ayu", false)]),
            chat("with:bbbb/2026-11-03", "2026-11-03", vec![named("Budi", true), named("Joko", true)]),
        ];
        let convs = conversations(traces, &me);
        let p = plan(&convs, &net, &Matcher::new(&net.contacts), None, now);
        let keys: Vec<&str> = p.add.iter().map(|i| i.source.as_ref().unwrap().key.as_str()).collect();
        assert_eq!(keys, [format!("with:{id}/2026-11-02"), format!("with:{id}/2026-11-03")]);
        assert_eq!(p.known, 1, "the second export's same day");
        net.interactions.extend(p.add);
        // What an earlier version stored: the writers' names, Joko's too.
        net.interactions[1].source.as_mut().unwrap().key = "Budi, Joko/2026-11-03".into();
        let again = plan(&convs, &net, &Matcher::new(&net.contacts), None, now);
        assert_eq!((again.add.len(), again.known), (0, 3));
        assert_eq!(again.rekey, [(1, format!("with:{id}/2026-11-03"))]);
    }

    #[test]
    fn a_plan_adds_once_and_counts_the_unknown() {
        let now = Utc::now();
        let mut budi = Contact::new(Uuid::now_v7(), "budi".into(), "Budi".into(), now);
        budi.emails.push("budi@x.com".into());
        let mut net = Network { contacts: vec![budi], ..Network::default() };
        let me = Me::new(["me@x.com"]);
        let traces = vec![
            trace("t/1", "t", vec![mail("budi@x.com", true), mail("me@x.com", false)], Some(0)),
            trace("u/1", "u", vec![mail("siti@x.com", true), mail("me@x.com", true)], Some(0)),
        ];
        let convs = conversations(traces, &me);
        let p = plan(&convs, &net, &Matcher::new(&net.contacts), None, now);
        assert_eq!((p.add.len(), p.known, p.with_unknown), (1, 0, 1));
        assert_eq!(p.unknown[0].person.email.as_deref(), Some("siti@x.com"));
        assert!(p.unknown[0].two_way);
        assert!(p.add[0].source.as_ref().unwrap().one_way, "only Budi wrote");
        net.interactions.extend(p.add);
        let again = plan(&convs, &net, &Matcher::new(&net.contacts), None, now);
        assert_eq!((again.add.len(), again.known), (0, 1));
        let later = plan(&convs, &net, &Matcher::new(&net.contacts), Some("2026-11-03".parse().unwrap()), now);
        assert_eq!((later.add.len(), later.known, later.with_unknown), (0, 0, 0));
    }
}
