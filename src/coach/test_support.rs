//! Small builders for coach tests: a network with contacts added on given days,
//! interactions, and goals.

use crate::model::goal::{Goal, Metric};
use crate::model::{Circle, Contact, Interaction, Kind, Network, Stage};
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use serde_json::Map;
use uuid::Uuid;

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Adds a contact on `added` (noon UTC) with the given tags, met that day (as
/// `add-contact` records an acquaintance entered by hand); returns its id.
pub fn add(net: &mut Network, added: &str, tags: &[&str]) -> Uuid {
    let at = Utc.from_utc_datetime(&day(added).and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap()));
    let id = Uuid::now_v7();
    let mut c = Contact::new(id, format!("h{}", net.contacts.len()), format!("P{}", net.contacts.len()), at);
    c.tags = tags.iter().map(|t| t.to_string()).collect();
    c.circle = Circle::Colleague;
    c.stage = Stage::Acquaintance;
    c.met_on = Some(day(added));
    net.contacts.push(c);
    id
}

pub fn talk(net: &mut Network, with: &[Uuid], on: &str) {
    net.interactions.push(Interaction {
        id: Uuid::now_v7(),
        contacts: with.to_vec(),
        kind: Kind::Call,
        on: day(on),
        text: None,
        they_reached_out: false,
        logged: Utc::now(),
        source: None,
        extra: Map::new(),
    });
}

/// A goal with every letter written, over `start..=deadline`.
pub fn goal(metric: Metric, target: u32, start: &str, deadline: &str) -> Goal {
    let mut g = Goal::new(1, "Meet fintech product people in Jakarta".into(), metric, day(start), Utc::now());
    g.specific = Some("Product managers at fintech start-ups".into());
    g.target = Some(target);
    g.deadline = Some(day(deadline));
    g.achievable = Some("Two meetups a month".into());
    g.relevant = Some("I am moving into product".into());
    g.filters.tags = vec!["fintech".into()];
    g
}

/// A promise to `contact` made on 2026-10-01, due on `due`, settled when `resolved` is given.
pub fn promise(
    contact: Uuid,
    n: u32,
    due: &str,
    status: crate::model::PromiseStatus,
    resolved: Option<&str>,
) -> crate::model::Promise {
    let mut p =
        crate::model::Promise::new(n, contact, "x".into(), day("2026-10-01"), day(due), chrono::DateTime::UNIX_EPOCH);
    if let Some(on) = resolved {
        p.settle(status, day(on));
    }
    p
}

/// A call with `with` on `on`; `they` when they reached out.
pub fn interaction(with: &[Uuid], on: &str, they: bool) -> Interaction {
    let mut i = Interaction::new(with.to_vec(), Kind::Call, day(on), chrono::DateTime::UNIX_EPOCH);
    i.they_reached_out = they;
    i
}
