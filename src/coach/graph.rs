//! Who knows whom among your contacts, and how well: the evidence, each piece dated,
//! gathered around the people a question is about. One rule (README, "Who can
//! introduce you"):
//!
//! - an explicit link you recorded (`knows`, `--introduced-by`) counts 5;
//! - a conversation you logged with both counts 3;
//! - an imported meeting both attended counts 2 (declined attendees are never in it);
//! - a mail thread both were on, a WhatsApp group both wrote in, a LinkedIn thread
//!   count 1;
//! - anything with more than 15 people counts a quarter, and more than 100 nothing; a
//!   thread or group where only you wrote counts nothing;
//! - the same current organisation counts 1, undated: the weakest evidence.
//!
//! Each dated piece counts fully for a year, half in its second year, and a sixth after
//! two years, when it is said to be old. Strength is `100 × (1 − e^(−points/5))`: one
//! logged dinner is 45, four meetings this year 80. Evidence joins contact ids only:
//! nothing is inferred from similar names, so a namesake is a different person.
//!
//! Pure: the network and the day in, ties out. Nothing is stored, so the graph is
//! always what the data says today.

use crate::model::interaction::Origin;
use crate::model::{Network, text};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use uuid::Uuid;

/// More people than this make a gathering weak evidence.
pub const BIG_GROUP: u32 = 15;
/// More people than this (a conference, a company-wide list) make no evidence at all.
pub const HUGE_GROUP: u32 = 100;
/// Evidence older than this many days fades and is said to be old.
pub const OLD_DAYS: i64 = 730;

/// One kind of evidence that two people know each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// You recorded that they know each other.
    Link,
    /// You recorded that one introduced you to the other.
    Introduced,
    /// A conversation you logged with both.
    Talk,
    /// An imported meeting both attended.
    Meeting,
    /// A mail thread both were on.
    Mail,
    /// A WhatsApp group both wrote in.
    Group,
    /// A LinkedIn thread both were in.
    Message,
    /// Both work at the same organisation now.
    Org,
}

impl Via {
    fn weight(self) -> f64 {
        match self {
            Via::Link | Via::Introduced => 5.0,
            Via::Talk => 3.0,
            Via::Meeting => 2.0,
            Via::Mail | Via::Group | Via::Message | Via::Org => 1.0,
        }
    }
}

/// The evidence of one kind between two people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    pub via: Via,
    pub count: u32,
    /// Of them, how many had more than `BIG_GROUP` people.
    #[serde(skip_serializing_if = "is_zero")]
    pub big: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<NaiveDate>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Everything that says two people know each other.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tie {
    /// 0–100.
    pub strength: u8,
    /// The latest dated evidence is more than two years old.
    pub old: bool,
    /// By kind, strongest kind first.
    pub evidence: Vec<Count>,
    /// How they know each other, in your words (from `knows --how`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub how: Option<String>,
    #[serde(skip)]
    points: f64,
}

impl Tie {
    fn add(&mut self, via: Via, on: Option<NaiveDate>, big: bool, today: NaiveDate) {
        let fade = on.map_or(1.0, |d| fade((today - d).num_days()));
        self.points += via.weight() * fade * if big { 0.25 } else { 1.0 };
        let slot = match self.evidence.iter().position(|c| c.via == via) {
            Some(i) => &mut self.evidence[i],
            None => {
                self.evidence.push(Count { via, count: 0, big: 0, first: None, last: None });
                self.evidence.last_mut().expect("just pushed")
            }
        };
        slot.count += 1;
        slot.big += u32::from(big);
        if let Some(d) = on {
            slot.first = Some(slot.first.map_or(d, |f| f.min(d)));
            slot.last = Some(slot.last.map_or(d, |l| l.max(d)));
        }
    }

    fn finish(&mut self, today: NaiveDate) {
        self.strength = (100.0 * (1.0 - (-self.points / 5.0).exp())).round().clamp(0.0, 100.0) as u8;
        let last = self.evidence.iter().filter_map(|c| c.last).max();
        self.old =
            last.is_some_and(|d| (today - d).num_days() > OLD_DAYS) && !self.evidence.iter().any(|c| c.via == Via::Org);
        self.evidence.sort_by_key(|c| c.via);
    }

    /// The latest dated evidence.
    pub fn last(&self) -> Option<NaiveDate> {
        self.evidence.iter().filter_map(|c| c.last).max()
    }

    /// Conversations you logged with both and meetings both attended: what "they met N
    /// times" counts. A mail thread, a WhatsApp group or a LinkedIn thread is no meeting.
    pub fn shared(&self) -> u32 {
        self.met().0
    }

    /// How often they met (`shared`) and the latest of those days.
    pub fn met(&self) -> (u32, Option<NaiveDate>) {
        let met = self.evidence.iter().filter(|c| matches!(c.via, Via::Talk | Via::Meeting));
        met.fold((0, None), |(n, last), c| (n + c.count, last.max(c.last)))
    }
}

/// How much a piece of evidence `age` days old still counts.
fn fade(age: i64) -> f64 {
    match age {
        a if a <= 365 => 1.0,
        a if a <= OLD_DAYS => 0.5,
        _ => 1.0 / 6.0,
    }
}

/// The ties of some people (the "focus") with everyone else in the network:
/// `focus → other → tie`. Ties among the focus are kept too.
#[derive(Debug, Default)]
pub struct Ties {
    by_focus: Map,
}

impl Ties {
    /// Who knows `focus`, strongest first (ties the same strength by id, for a stable order).
    pub fn of(&self, focus: &Uuid) -> Vec<(Uuid, &Tie)> {
        let mut v: Vec<(Uuid, &Tie)> =
            self.by_focus.get(focus).map(|m| m.iter().map(|(k, t)| (*k, t)).collect()).unwrap_or_default();
        v.sort_by(|a, b| b.1.strength.cmp(&a.1.strength).then_with(|| b.1.last().cmp(&a.1.last())).then(a.0.cmp(&b.0)));
        v
    }

    /// The tie between a focus person and someone else.
    pub fn between(&self, focus: &Uuid, other: &Uuid) -> Option<&Tie> {
        self.by_focus.get(focus)?.get(other)
    }
}

/// Gathers the ties of the `focus` people, in one pass over the interactions.
pub fn around(net: &Network, focus: &FxHashSet<Uuid>, today: NaiveDate) -> Ties {
    let mut by_focus: Map = FxHashMap::default();
    if focus.is_empty() {
        return Ties::default();
    }
    for i in &net.interactions {
        if i.contacts.len() < 2 || !i.contacts.iter().any(|c| focus.contains(c)) {
            continue;
        }
        let (via, people) = match &i.source {
            None => (Via::Talk, i.contacts.len() as u32 + 1),
            Some(s) => {
                let via = match s.from {
                    Origin::Calendar => Via::Meeting,
                    Origin::Email => Via::Mail,
                    Origin::Whatsapp => Via::Group,
                    _ => Via::Message,
                };
                (via, s.people.unwrap_or(i.contacts.len() as u32 + 1))
            }
        };
        // Putting two people on one message of yours that nobody answered says nothing
        // about whether they know each other.
        let only_you_wrote = i.source.as_ref().is_some_and(|s| s.one_way) && !i.they_reached_out;
        if people > HUGE_GROUP || i.on > today || only_you_wrote {
            continue;
        }
        let big = people > BIG_GROUP;
        for f in i.contacts.iter().filter(|c| focus.contains(c)) {
            for o in &i.contacts {
                add(&mut by_focus, (*f, *o), via, Some(i.on), big, today);
            }
        }
    }
    for l in &net.links {
        let via = if l.introduced { Via::Introduced } else { Via::Link };
        for (f, o) in [(l.a, l.b), (l.b, l.a)] {
            if focus.contains(&f) {
                let tie = add(&mut by_focus, (f, o), via, Some(l.on.min(today)), false, today);
                if let (Some(tie), Some(how)) = (tie, &l.how) {
                    tie.how = Some(how.clone());
                }
            }
        }
    }
    same_org(net, focus, &mut |f, o| {
        add(&mut by_focus, (f, o), Via::Org, None, false, today);
    });
    for ties in by_focus.values_mut() {
        for t in ties.values_mut() {
            t.finish(today);
        }
    }
    Ties { by_focus }
}

type Map = FxHashMap<Uuid, FxHashMap<Uuid, Tie>>;

/// Adds one piece of evidence that `f` (a focus person) and `o` know each other.
fn add(
    map: &mut Map,
    (f, o): (Uuid, Uuid),
    via: Via,
    on: Option<NaiveDate>,
    big: bool,
    today: NaiveDate,
) -> Option<&mut Tie> {
    if f == o {
        return None;
    }
    let tie = map.entry(f).or_default().entry(o).or_default();
    tie.add(via, on, big, today);
    Some(tie)
}

/// The weakest evidence: both work at the same organisation now. An organisation of more
/// than `HUGE_GROUP` of your contacts says nothing about who knows whom.
fn same_org(net: &Network, focus: &FxHashSet<Uuid>, add: &mut impl FnMut(Uuid, Uuid)) {
    let wanted: FxHashSet<String> =
        net.contacts.iter().filter(|c| focus.contains(&c.id)).filter_map(|c| org_key(c.org.as_deref())).collect();
    if wanted.is_empty() {
        return;
    }
    let mut members: FxHashMap<&str, Vec<Uuid>> = FxHashMap::default();
    let keys: Vec<(Option<String>, Uuid)> = net.contacts.iter().map(|c| (org_key(c.org.as_deref()), c.id)).collect();
    for (k, id) in &keys {
        if let Some(k) = k.as_deref().filter(|k| wanted.contains(*k)) {
            members.entry(k).or_default().push(*id);
        }
    }
    for list in members.values().filter(|l| l.len() as u32 <= HUGE_GROUP) {
        for f in list.iter().filter(|c| focus.contains(c)) {
            for o in list {
                add(*f, *o);
            }
        }
    }
}

/// The contacts who work at `org` now (names compared folded).
pub fn at_org(net: &Network, org: &str) -> Vec<Uuid> {
    let Some(key) = org_key(Some(org)) else { return Vec::new() };
    net.contacts.iter().filter(|c| org_key(c.org.as_deref()).as_deref() == Some(key.as_str())).map(|c| c.id).collect()
}

/// An organisation's name as compared: folded, inner spaces collapsed; None when empty.
pub fn org_key(org: Option<&str>) -> Option<String> {
    let folded = text::fold(org?);
    let key = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    (!key.is_empty()).then_some(key)
}

/// Whether `org`'s key (`org_key`) is `key`, without making the key when the name is
/// plain ASCII: its words, compared ignoring case, are then the key's words.
pub fn has_org_key(org: &str, key: &str) -> bool {
    if !org.is_ascii() {
        return org_key(Some(org)).as_deref() == Some(key);
    }
    let (mut words, mut wanted) = (org.split_whitespace(), key.split(' '));
    loop {
        match (words.next(), wanted.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::interaction::Source;
    use crate::model::link::Link;
    use crate::model::{Contact, Interaction, Kind};
    use chrono::{DateTime, Utc};

    #[test]
    fn a_plain_name_is_compared_as_its_key_would_be() {
        let names = [
            "Bank Mandiri",
            "bank  MANDIRI ",
            " Bank\tMandiri",
            "Bank Mandiri Syariah",
            "BankMandiri",
            "Bänk Mandiri",
            "",
            "  ",
        ];
        for org in names {
            for other in names {
                let Some(key) = org_key(Some(other)) else { continue };
                assert_eq!(
                    has_org_key(org, &key),
                    org_key(Some(org)).as_deref() == Some(key.as_str()),
                    "{org:?} {other:?}"
                );
            }
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn today() -> NaiveDate {
        day("2026-11-28")
    }

    fn person(net: &mut Network, name: &str, org: Option<&str>) -> Uuid {
        let mut c = Contact::new(Uuid::now_v7(), format!("h{}", net.contacts.len()), name.into(), DateTime::UNIX_EPOCH);
        c.org = org.map(Into::into);
        let id = c.id;
        net.contacts.push(c);
        id
    }

    fn meet(net: &mut Network, who: &[Uuid], on: &str, from: Option<(Origin, u32)>) {
        let mut i = Interaction::new(who.to_vec(), Kind::Meeting, day(on), Utc::now());
        i.source = from.map(|(from, people)| Source { from, key: on.into(), one_way: false, people: Some(people) });
        net.interactions.push(i);
    }

    fn ties(net: &Network, focus: Uuid) -> Ties {
        around(net, &FxHashSet::from_iter([focus]), today())
    }

    #[test]
    fn threads_and_groups_are_not_meetings() {
        let mut net = Network::default();
        let (a, b) = (person(&mut net, "A", None), person(&mut net, "B", None));
        meet(&mut net, &[a, b], "2026-11-01", Some((Origin::Email, 3)));
        meet(&mut net, &[a, b], "2026-11-02", Some((Origin::Whatsapp, 5)));
        meet(&mut net, &[a, b], "2026-09-01", Some((Origin::Calendar, 3)));
        let t = ties(&net, a);
        let tie = t.between(&a, &b).unwrap();
        assert_eq!(tie.met(), (1, Some(day("2026-09-01"))), "one meeting, not three, and its day");
        assert_eq!(tie.last(), Some(day("2026-11-02")));
    }

    #[test]
    fn more_and_newer_evidence_is_stronger() {
        let mut net = Network::default();
        let (dewi, budi, citra) =
            (person(&mut net, "Dewi", None), person(&mut net, "Budi", None), person(&mut net, "Citra", None));
        for on in ["2026-03-02", "2026-06-01", "2026-09-01", "2026-11-20"] {
            meet(&mut net, &[dewi, budi], on, Some((Origin::Calendar, 3)));
        }
        meet(&mut net, &[dewi, citra], "2026-11-01", Some((Origin::Calendar, 3)));
        let t = ties(&net, dewi);
        let order: Vec<Uuid> = t.of(&dewi).into_iter().map(|(id, _)| id).collect();
        assert_eq!(order, [budi, citra]);
        let b = t.between(&dewi, &budi).unwrap();
        assert_eq!((b.strength, b.shared(), b.last()), (80, 4, Some(day("2026-11-20"))));
        assert_eq!(b.evidence[0].first, Some(day("2026-03-02")));
    }

    #[test]
    fn old_evidence_fades_and_is_said_to_be_old() {
        let mut net = Network::default();
        let (a, b) = (person(&mut net, "A", None), person(&mut net, "B", None));
        meet(&mut net, &[a, b], "2023-05-01", None);
        let t = ties(&net, a);
        let tie = t.between(&a, &b).unwrap();
        assert!(tie.old);
        assert_eq!(tie.strength, 10, "a sixth of a logged talk");
    }

    #[test]
    fn big_gatherings_are_weak_and_huge_ones_say_nothing() {
        let mut net = Network::default();
        let (a, b, c) = (person(&mut net, "A", None), person(&mut net, "B", None), person(&mut net, "C", None));
        meet(&mut net, &[a, b], "2026-11-01", Some((Origin::Calendar, 40)));
        meet(&mut net, &[a, c], "2026-11-01", Some((Origin::Calendar, 400)));
        let t = ties(&net, a);
        assert_eq!(t.between(&a, &b).map(|t| (t.strength, t.evidence[0].big)), Some((10, 1)));
        assert!(t.between(&a, &c).is_none());
    }

    #[test]
    fn a_message_of_yours_nobody_answered_is_no_evidence() {
        let mut net = Network::default();
        let (a, b) = (person(&mut net, "A", None), person(&mut net, "B", None));
        meet(&mut net, &[a, b], "2026-11-01", Some((Origin::Email, 3)));
        net.interactions[0].source.as_mut().unwrap().one_way = true;
        assert!(ties(&net, a).between(&a, &b).is_none());
        // One of them wrote to you both: they know of each other.
        net.interactions[0].they_reached_out = true;
        assert!(ties(&net, a).between(&a, &b).is_some());
    }

    #[test]
    fn links_orgs_and_nothing_from_names() {
        let mut net = Network::default();
        let dewi = person(&mut net, "Dewi", Some("OVO"));
        let eko = person(&mut net, "Eko", Some(" ovo "));
        let budi = person(&mut net, "Budi", None);
        let namesake = person(&mut net, "Budi", None);
        let mut l = Link::new(budi, dewi, day("2026-10-01"), Utc::now());
        l.how = Some("university friends".into());
        net.links.push(l);
        let t = ties(&net, dewi);
        let known: Vec<Uuid> = t.of(&dewi).into_iter().map(|(id, _)| id).collect();
        assert_eq!(known, [budi, eko], "a link outweighs the same organisation");
        assert!(!known.contains(&namesake));
        assert_eq!(t.between(&dewi, &budi).unwrap().how.as_deref(), Some("university friends"));
        assert_eq!(t.between(&dewi, &eko).unwrap().strength, 18);
    }
}
