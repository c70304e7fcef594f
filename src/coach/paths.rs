//! Routes to people you do not know yet: who in your network can introduce you, ranked
//! by how much you can ask of them (your trust and warmth with them, promises you kept
//! to them) times how well they know the person (`graph`). Two steps (you → A → B →
//! them) go through someone who knows them but whom you barely know yourself.

use super::graph::{self, Tie, Ties};
use super::knowing;
use super::reliability;
use super::warmth::{self, Inputs};
use crate::model::trust::{self, TrustNote};
use crate::model::{Contact, Fact, Interaction, Network, Promise, Stage};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use uuid::Uuid;

/// How much you can ask of someone, 0–100, and what it rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ask {
    pub score: u8,
    /// Your trust in them, 1–5 (a note's level, else the stage's).
    pub trust: u8,
    /// Whether a trust note of yours set `trust` (else it is the stage's).
    pub trust_noted: bool,
    pub warmth: u8,
    /// Promises to them kept on time, of those counted (resolved or overdue).
    pub kept: usize,
    pub counted: usize,
    /// You know them well enough to ask a favour: a connection or someone trusted, or
    /// trust 3 or more.
    pub askable: bool,
}

/// One way in: ask `via` (who knows `target`, or knows `through` who does).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Route {
    pub steps: u8,
    pub via: Uuid,
    pub ask: Ask,
    /// The second introducer, on a two-step route.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub through: Option<Uuid>,
    pub target: Uuid,
    /// `via`–target, or `via`–`through` then `through`–target.
    pub ties: Vec<Tie>,
    /// 0–100: the ask times each tie's strength.
    pub score: u8,
}

impl Route {
    /// Askable one-step routes first, then two-step routes, then people you barely know
    /// who know them; best score first within each.
    fn rank(&self) -> (u8, std::cmp::Reverse<u8>) {
        let group = match (self.steps, self.ask.askable) {
            (1, true) => 0,
            (2, _) => 1,
            _ => 2,
        };
        (group, std::cmp::Reverse(self.score))
    }
}

/// The most routes worth listing.
pub const MAX_ROUTES: usize = 8;

/// Routes to one person, best first (at most `MAX_ROUTES`).
pub fn path(net: &Network, target: Uuid, today: NaiveDate) -> Vec<Route> {
    let ties = graph::around(net, &FxHashSet::from_iter([target]), today);
    let knowers = ties.of(&target);
    let mut want: FxHashSet<Uuid> = knowers.iter().map(|(id, _)| *id).collect();
    let first = asks(net, &want, today);
    let mut routes: Vec<Route> = knowers
        .iter()
        .filter_map(|(id, tie)| {
            let ask = first.get(id)?.clone();
            let score = mul(ask.score, tie.strength);
            Some(Route { steps: 1, via: *id, ask, through: None, target, ties: vec![(*tie).clone()], score })
        })
        .collect();
    // Two steps through those you barely know, by way of someone you can ask.
    let middles: FxHashSet<Uuid> = routes.iter().filter(|r| !r.ask.askable).map(|r| r.via).collect();
    if !middles.is_empty() {
        let second = graph::around(net, &middles, today);
        want.clear();
        for m in &middles {
            want.extend(second.of(m).into_iter().map(|(id, _)| id).filter(|id| *id != target && !middles.contains(id)));
        }
        let more = asks(net, &want, today);
        for m in &middles {
            let Some(last) = ties.between(&target, m) else { continue };
            routes.extend(two_steps(&second, m, last, &more, target));
        }
    }
    routes.sort_by(|a, b| a.rank().cmp(&b.rank()).then(a.via.cmp(&b.via)));
    routes.truncate(MAX_ROUTES);
    routes
}

fn two_steps<'a>(
    second: &'a Ties,
    middle: &'a Uuid,
    last: &'a Tie,
    asks: &'a FxHashMap<Uuid, Ask>,
    target: Uuid,
) -> impl Iterator<Item = Route> + 'a {
    second.of(middle).into_iter().filter_map(move |(a, first)| {
        let ask = asks.get(&a).filter(|x| x.askable)?.clone();
        let score = mul(mul(ask.score, first.strength), last.strength);
        Some(Route {
            steps: 2,
            via: a,
            ask,
            through: Some(*middle),
            target,
            ties: vec![first.clone(), last.clone()],
            score,
        })
    })
}

fn mul(a: u8, b: u8) -> u8 {
    ((u32::from(a) * u32::from(b) + 50) / 100) as u8
}

/// Your routes into a group: the people you know there, and the people who know them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRoutes {
    /// Members, the ones you can ask most first.
    pub inside: Vec<(Uuid, Ask)>,
    /// People outside the group who know members, best first.
    pub routes: Vec<GroupRoute>,
}

/// Someone outside a group who knows people in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRoute {
    pub via: Uuid,
    pub ask: Ask,
    /// The members they know, strongest tie first (at most `MAX_ROUTES`), and how many.
    pub knows: Vec<(Uuid, Tie)>,
    pub members_known: usize,
    /// The ask times their strongest tie.
    pub score: u8,
}

/// Routes into the group of `members`.
pub fn who_knows(net: &Network, members: &[Uuid], today: NaiveDate) -> GroupRoutes {
    let group: FxHashSet<Uuid> = members.iter().copied().collect();
    let ties = graph::around(net, &group, today);
    let mut by_knower: FxHashMap<Uuid, Vec<(Uuid, &Tie)>> = FxHashMap::default();
    for m in members {
        for (k, tie) in ties.of(m) {
            if !group.contains(&k) {
                by_knower.entry(k).or_default().push((*m, tie));
            }
        }
    }
    let mut want: FxHashSet<Uuid> = by_knower.keys().copied().collect();
    want.extend(members.iter().copied());
    let found = asks(net, &want, today);
    let mut inside: Vec<(Uuid, Ask)> = members.iter().filter_map(|m| Some((*m, found.get(m)?.clone()))).collect();
    inside.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    let mut routes: Vec<GroupRoute> = by_knower
        .into_iter()
        .filter_map(|(via, mut known)| {
            let ask = found.get(&via)?.clone();
            known.sort_by(|a, b| b.1.strength.cmp(&a.1.strength).then(a.0.cmp(&b.0)));
            let score = mul(ask.score, known.first()?.1.strength);
            let members_known = known.len();
            let knows = known.into_iter().take(MAX_ROUTES).map(|(m, t)| (m, t.clone())).collect();
            Some(GroupRoute { via, ask, knows, members_known, score })
        })
        .collect();
    routes.sort_by(|a, b| {
        (!a.ask.askable, std::cmp::Reverse(a.score), a.via).cmp(&(!b.ask.askable, std::cmp::Reverse(b.score), b.via))
    });
    GroupRoutes { inside, routes }
}

/// How much you can ask of each of `ids`, in one pass over the network.
pub fn asks(net: &Network, ids: &FxHashSet<Uuid>, today: NaiveDate) -> FxHashMap<Uuid, Ask> {
    let mut talks: FxHashMap<Uuid, Vec<&Interaction>> = FxHashMap::default();
    if ids.is_empty() {
        return FxHashMap::default();
    }
    for i in &net.interactions {
        for c in i.contacts.iter().filter(|c| ids.contains(c)) {
            talks.entry(*c).or_default().push(i);
        }
    }
    let mut promises: FxHashMap<Uuid, Vec<&Promise>> = FxHashMap::default();
    for p in net.promises.iter().filter(|p| ids.contains(&p.contact)) {
        promises.entry(p.contact).or_default().push(p);
    }
    let mut notes: FxHashMap<Uuid, Vec<&TrustNote>> = FxHashMap::default();
    for n in net.trust_notes.iter().filter(|n| ids.contains(&n.contact)) {
        notes.entry(n.contact).or_default().push(n);
    }
    let mut facts: FxHashMap<Uuid, Vec<&Fact>> = FxHashMap::default();
    for f in net.facts.iter().filter(|f| ids.contains(&f.contact)) {
        facts.entry(f.contact).or_default().push(f);
    }
    let mut out = FxHashMap::default();
    for c in net.contacts.iter().filter(|c| ids.contains(&c.id)) {
        let mut mine = talks.remove(&c.id).unwrap_or_default();
        mine.sort_by(|a, b| b.on.cmp(&a.on).then(b.logged.cmp(&a.logged)));
        let theirs = promises.remove(&c.id).unwrap_or_default();
        let mut notes = notes.remove(&c.id).unwrap_or_default();
        notes.sort_by(|a, b| a.on.cmp(&b.on).then(a.logged.cmp(&b.logged)));
        let facts = facts.remove(&c.id).unwrap_or_default();
        out.insert(c.id, ask(c, &Records { talks: &mine, promises: &theirs, notes: &notes, facts: &facts }, today));
    }
    out
}

/// One contact's records, as `ask` needs them.
struct Records<'a> {
    /// Most recent first.
    talks: &'a [&'a Interaction],
    promises: &'a [&'a Promise],
    /// Oldest first.
    notes: &'a [&'a TrustNote],
    facts: &'a [&'a Fact],
}

fn ask(c: &Contact, r: &Records, today: NaiveDate) -> Ask {
    let (talks, promises) = (r.talks, r.promises);
    let trust = match trust::current_level(r.notes) {
        Some(level) => (level, true),
        None => (trust::baseline(&c.stage), false),
    };
    let knowing = knowing::knowing(c, r.facts).score;
    let w = warmth::warmth(&Inputs { contact: c, interactions: talks, trust, knowing, promises }, today).score;
    let rel = reliability::tally(promises.iter().copied(), today, None);
    let kept_share = rel.rate().map_or(0.5, |r| f64::from(r) / 100.0);
    let score = 50.0 * f64::from(trust.0.saturating_sub(1)) / 4.0 + 40.0 * f64::from(w) / 100.0 + 10.0 * kept_share;
    Ask {
        score: score.round().clamp(0.0, 100.0) as u8,
        trust: trust.0,
        trust_noted: trust.1,
        warmth: w,
        kept: rel.kept_on_time,
        counted: rel.counted(),
        askable: matches!(c.stage, Stage::Connection | Stage::Trusted) || trust.0 >= 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::link::Link;
    use crate::model::{Circle, Kind};
    use chrono::{DateTime, Utc};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn today() -> NaiveDate {
        day("2026-11-28")
    }

    fn person(net: &mut Network, name: &str, stage: Stage) -> Uuid {
        let mut c = Contact::new(Uuid::now_v7(), format!("h{}", net.contacts.len()), name.into(), DateTime::UNIX_EPOCH);
        c.stage = stage;
        c.circle = Circle::Colleague;
        let id = c.id;
        net.contacts.push(c);
        id
    }

    fn talk(net: &mut Network, who: &[Uuid], on: &str) {
        net.interactions.push(Interaction::new(who.to_vec(), Kind::Meeting, day(on), Utc::now()));
    }

    #[test]
    fn the_trusted_colleague_comes_before_two_steps_and_the_stranger_last() {
        let mut net = Network::default();
        let dewi = person(&mut net, "Dewi", Stage::Stranger);
        let budi = person(&mut net, "Budi", Stage::Trusted);
        let citra = person(&mut net, "Citra", Stage::Connection);
        let eko = person(&mut net, "Eko", Stage::Acquaintance);
        talk(&mut net, &[budi, dewi], "2026-11-20");
        talk(&mut net, &[budi], "2026-11-25");
        talk(&mut net, &[eko, dewi], "2026-11-10");
        talk(&mut net, &[eko, dewi], "2026-10-10");
        talk(&mut net, &[citra, eko], "2026-11-01");
        let routes = path(&net, dewi, today());
        let shape: Vec<(u8, Uuid, Option<Uuid>)> = routes.iter().map(|r| (r.steps, r.via, r.through)).collect();
        assert_eq!(shape, [(1, budi, None), (2, citra, Some(eko)), (1, eko, None)]);
        assert!(routes[0].ask.askable && routes[0].ask.trust == 4);
        assert_eq!(routes[1].ties.len(), 2);
    }

    #[test]
    fn nobody_knows_them_means_no_route() {
        let mut net = Network::default();
        let dewi = person(&mut net, "Dewi", Stage::Stranger);
        let budi = person(&mut net, "Budi", Stage::Trusted);
        talk(&mut net, &[budi], "2026-11-20");
        assert!(path(&net, dewi, today()).is_empty());
    }

    #[test]
    fn kept_promises_and_trust_make_an_easier_ask() {
        let mut net = Network::default();
        let a = person(&mut net, "A", Stage::Connection);
        let b = person(&mut net, "B", Stage::Connection);
        let ids = FxHashSet::from_iter([a, b]);
        let mut p = crate::model::Promise::new(1, a, "deck".into(), day("2026-11-01"), day("2026-11-10"), Utc::now());
        p.settle(crate::model::PromiseStatus::Kept, day("2026-11-09"));
        net.promises.push(p);
        let asks = asks(&net, &ids, today());
        assert!(asks[&a].score > asks[&b].score);
        assert_eq!((asks[&a].kept, asks[&a].counted), (1, 1));
    }

    #[test]
    fn who_knows_a_group_lists_insiders_and_outsiders() {
        let mut net = Network::default();
        let dewi = person(&mut net, "Dewi", Stage::Stranger);
        let eko = person(&mut net, "Eko", Stage::Connection);
        let budi = person(&mut net, "Budi", Stage::Trusted);
        net.links.push(Link::new(budi, dewi, day("2026-10-01"), Utc::now()));
        let g = who_knows(&net, &[dewi, eko], today());
        assert_eq!(g.inside.iter().map(|(id, _)| *id).collect::<Vec<_>>(), [eko, dewi]);
        assert_eq!(g.routes.len(), 1);
        assert_eq!((g.routes[0].via, g.routes[0].knows[0].0, g.routes[0].members_known), (budi, dewi, 1));
    }
}
