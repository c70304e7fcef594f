//! What needs doing today: promises due or overdue, this week's planned people not yet
//! reached. Short by design: it runs from a shell start-up file.

use crate::model::plan;
use crate::model::{Network, Outcome, Promise};
use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Default, Serialize)]
pub struct Digest<'a> {
    /// Open promises due today or earlier, most overdue first.
    pub promises: Vec<&'a Promise>,
    /// People in this week's plan you have not talked to since it started.
    pub planned: Vec<Uuid>,
}

impl Digest<'_> {
    pub fn is_empty(&self) -> bool {
        self.promises.is_empty() && self.planned.is_empty()
    }
}

pub fn digest(net: &Network, today: NaiveDate) -> Digest<'_> {
    let mut promises: Vec<&Promise> = net
        .promises
        .iter()
        .filter(|p| matches!(p.outcome(today), Outcome::Overdue | Outcome::Open) && p.due <= today)
        .collect();
    promises.sort_by_key(|p| (p.due, p.n));
    let planned = match plan::current(&net.plans, today) {
        Some(plan) => plan
            .picks
            .iter()
            .map(|p| p.contact)
            .filter(|id| !net.interactions.iter().any(|i| i.on >= plan.starts && i.on <= today && i.involves(id)))
            .filter(|id| net.contact(id).is_some())
            .collect(),
        None => Vec::new(),
    };
    Digest { promises, planned }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, Interaction, Kind, Pick, Plan, PromiseStatus};
    use chrono::{DateTime, Utc};
    use serde_json::Map;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn promise(n: u32, due: &str, status: PromiseStatus) -> Promise {
        Promise {
            id: Uuid::now_v7(),
            n,
            contact: Uuid::nil(),
            what: "x".into(),
            made_on: day("2026-11-01"),
            due: day(due),
            status,
            resolved_on: None,
            moves: vec![],
            note: None,
            logged: DateTime::UNIX_EPOCH,
            extra: Map::new(),
        }
    }

    #[test]
    fn due_and_overdue_promises_only() {
        let net = Network {
            promises: vec![
                promise(1, "2026-11-28", PromiseStatus::Open),
                promise(2, "2026-11-20", PromiseStatus::Open),
                promise(3, "2026-11-29", PromiseStatus::Open),
                promise(4, "2026-11-20", PromiseStatus::Kept),
            ],
            ..Network::default()
        };
        let d = digest(&net, day("2026-11-28"));
        assert_eq!(d.promises.iter().map(|p| p.n).collect::<Vec<_>>(), vec![2, 1]);
    }

    #[test]
    fn planned_people_drop_off_once_reached() {
        let mut net = Network::default();
        let (a, b) = (
            Contact::new(Uuid::now_v7(), "a".into(), "A".into(), Utc::now()),
            Contact::new(Uuid::now_v7(), "b".into(), "B".into(), Utc::now()),
        );
        let (aid, bid) = (a.id, b.id);
        net.contacts = vec![a, b];
        net.plans.push(Plan {
            id: Uuid::now_v7(),
            starts: day("2026-11-25"),
            picks: vec![Pick { contact: aid, reason: "overdue".into() }, Pick { contact: bid, reason: "widen".into() }],
            made: Utc::now(),
            extra: Map::new(),
        });
        net.interactions.push(Interaction {
            id: Uuid::now_v7(),
            contacts: vec![aid],
            kind: Kind::Call,
            on: day("2026-11-26"),
            text: None,
            they_reached_out: false,
            logged: DateTime::UNIX_EPOCH,
            extra: Map::new(),
        });
        let d = digest(&net, day("2026-11-28"));
        assert_eq!(d.planned, vec![bid]);
        assert!(digest(&Network::default(), day("2026-11-28")).is_empty());
    }
}
