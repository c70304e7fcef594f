//! Properties of the matching rule over random files: records with different UIDs are
//! never made one contact, and a second import of the same records (shared lines and
//! all) changes nothing.

use super::At;
use super::merge::{Defaults, Merger, Outcome};
use super::record::Record;
use crate::model::{Circle, Network};
use chrono::{TimeZone, Utc};
use proptest::prelude::*;

/// Few names, phones and emails, so random records collide often.
fn record() -> impl Strategy<Value = Record> {
    (
        prop::sample::select(vec!["Budi", "Tukiyem", "Siti", "Manu", "Rahul Sharma"]),
        prop::option::of(prop::sample::select(vec!["Gojek", "Tata Consultancy Services"])),
        prop::option::of("uid-[0-9]"),
        prop::collection::vec(prop::sample::select(vec!["0811 1111 111", "0812 2222 222", "0813 3333 333"]), 0..2),
        prop::collection::vec(prop::sample::select(vec!["a@x.example", "b@x.example"]), 0..2),
        prop::option::of(prop::sample::select(vec![
            "https://www.linkedin.com/in/r1",
            "https://www.linkedin.com/in/r2",
        ])),
        prop::option::of(prop::sample::select(vec!["1990-01-02", "--03-04"])),
    )
        .prop_map(|(name, org, uid, phones, emails, linkedin, birthday)| Record {
            at: At::Line(2),
            name: name.into(),
            org: org.map(Into::into),
            uids: uid.into_iter().collect(),
            phones: phones.into_iter().map(Into::into).collect(),
            emails: emails.into_iter().map(Into::into).collect(),
            linkedin: linkedin.map(Into::into),
            birthday: birthday.and_then(|b| b.parse().ok()),
            ..Record::default()
        })
}

fn defaults() -> Defaults {
    Defaults { circle: None, stage: None, fallback_circle: Circle::Other, tags: vec![] }
}

proptest! {
    #[test]
    fn records_with_conflicting_uids_are_never_merged(records in prop::collection::vec(record(), 1..25)) {
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
        let mut net = Network::default();
        let mut m = Merger::new(&mut net, now, now.date_naive());
        m.expect(&records);
        let mut landed = Vec::new();
        for r in &records {
            let i = match m.merge(r.clone(), &defaults()) {
                Outcome::Added(i) | Outcome::Updated(i, _) | Outcome::Unchanged(i) => i,
            };
            landed.push(i);
        }
        for (a, ra) in records.iter().enumerate() {
            for (b, rb) in records.iter().enumerate() {
                if let (Some(ua), Some(ub)) = (ra.uids.first(), rb.uids.first())
                    && ua != ub
                {
                    prop_assert_ne!(landed[a], landed[b], "{:?} and {:?} were merged", ra, rb);
                }
            }
        }
        for c in &net.contacts {
            prop_assert!(c.source_ids.len() <= 1, "one contact holds {:?}", c.source_ids);
        }
        // The second import of the same file finds everyone and changes nothing.
        let before = net.clone();
        let mut again = Merger::new(&mut net, now, now.date_naive());
        again.expect(&records);
        for r in &records {
            prop_assert!(matches!(again.merge(r.clone(), &defaults()), Outcome::Unchanged(_)), "{:?}", r);
        }
        prop_assert_eq!(before, net);
    }
}
