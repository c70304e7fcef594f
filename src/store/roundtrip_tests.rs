//! Property test: any network built by a random sequence of actions survives a save and
//! a load unchanged, byte for byte — strange text, unknown vocabulary and all.

use super::decode;
use crate::model::{
    Circle, Contact, Fact, Interaction, Kind, Network, Promise, PromiseStatus, Stage, Topic, TrustNote,
};
use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::path::Path;
use uuid::Uuid;

/// One thing a user (or a newer version) might do to the network.
#[derive(Debug, Clone)]
enum Action {
    Add { name: String, circle: String, stage: String, note: Option<String>, tags: Vec<String> },
    Log { who: usize, day: u64, text: Option<String>, they: bool },
    Promise { who: usize, due: u64 },
    Settle { which: usize, kept: bool, day: u64 },
    Move { which: usize, day: u64, note: String },
    Fact { who: usize, text: String },
    Trust { who: usize, level: Option<u8>, note: Option<String> },
    Remove { who: usize },
    Extra { key: String, value: String },
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, control characters and quotes included: the file must carry it all.
    proptest::string::string_regex("(?s).{1,24}").unwrap()
}

fn vocab(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![4 => proptest::sample::select(known).prop_map(str::to_string), 1 => "[a-z]{3,10}"]
}

fn action() -> impl Strategy<Value = Action> {
    let index = 0usize..8;
    prop_oneof![
        3 => (text(), vocab(&["friend", "colleague", "family", "other"]), vocab(&["stranger", "acquaintance", "connection", "trusted"]), proptest::option::of(text()), proptest::collection::vec("[a-z]{1,8}", 0..3))
            .prop_map(|(name, circle, stage, note, tags)| Action::Add { name, circle, stage, note, tags }),
        3 => (index.clone(), 0u64..400, proptest::option::of(text()), any::<bool>()).prop_map(|(who, day, text, they)| Action::Log { who, day, text, they }),
        2 => (index.clone(), 0u64..400).prop_map(|(who, due)| Action::Promise { who, due }),
        1 => (index.clone(), any::<bool>(), 0u64..400).prop_map(|(which, kept, day)| Action::Settle { which, kept, day }),
        1 => (index.clone(), 0u64..400, text()).prop_map(|(which, day, note)| Action::Move { which, day, note }),
        1 => (index.clone(), text()).prop_map(|(who, text)| Action::Fact { who, text }),
        1 => (index.clone(), proptest::option::of(1u8..=5), proptest::option::of(text())).prop_map(|(who, level, note)| Action::Trust { who, level, note }),
        1 => index.prop_map(|who| Action::Remove { who }),
        1 => ("x_[a-z]{1,8}", text()).prop_map(|(key, value)| Action::Extra { key, value }),
    ]
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap().checked_add_days(Days::new(offset)).unwrap()
}

fn at(offset: u64) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day(offset).and_hms_opt(9, 30, 0).unwrap())
}

fn apply(net: &mut Network, a: Action) {
    let pick = |net: &Network, i: usize| (!net.contacts.is_empty()).then(|| net.contacts[i % net.contacts.len()].id);
    match a {
        Action::Add { name, circle, stage, note, tags } => {
            let id = Uuid::now_v7();
            let mut c = Contact::new(id, format!("h{}", net.contacts.len()), name, at(0));
            c.circle = Circle::from_key(&circle);
            c.stage = Stage::from_key(&stage);
            c.note = note;
            c.tags = tags;
            net.contacts.push(c);
        }
        Action::Log { who, day: d, text, they } => {
            if let Some(id) = pick(net, who) {
                let mut i = Interaction::new(vec![id], Kind::Call, day(d), at(d));
                i.text = text;
                i.they_reached_out = they;
                net.interactions.push(i);
            }
        }
        Action::Promise { who, due } => {
            if let Some(id) = pick(net, who) {
                let n = net.promises.len() as u32 + 1;
                net.promises.push(Promise::new(n, id, "send the deck".into(), day(0), day(due), at(0)));
            }
        }
        Action::Settle { which, kept, day: d } => {
            if !net.promises.is_empty() {
                let len = net.promises.len();
                let status = if kept { PromiseStatus::Kept } else { PromiseStatus::Broken };
                net.promises[which % len].settle(status, day(d));
            }
        }
        Action::Move { which, day: d, note } => {
            if !net.promises.is_empty() {
                let len = net.promises.len();
                net.promises[which % len].move_due(day(d), day(0), note);
            }
        }
        Action::Fact { who, text } => {
            if let Some(id) = pick(net, who) {
                let n = net.facts.len() as u32 + 1;
                net.facts.push(Fact {
                    id: Uuid::now_v7(),
                    n,
                    contact: id,
                    topic: Topic::Interests,
                    text,
                    on: day(1),
                    logged: at(1),
                    extra: Map::new(),
                });
            }
        }
        Action::Trust { who, level, note } => {
            if let Some(id) = pick(net, who) {
                net.trust_notes.push(TrustNote {
                    id: Uuid::now_v7(),
                    contact: id,
                    on: day(2),
                    level,
                    note,
                    logged: at(2),
                    extra: Map::new(),
                });
            }
        }
        Action::Remove { who } => {
            if let Some(id) = pick(net, who) {
                net.remove_contact(&id);
            }
        }
        Action::Extra { key, value } => {
            net.extra.insert(key, Value::String(value));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_network_survives_a_save_and_a_load(actions in proptest::collection::vec(action(), 0..40)) {
        let mut net = Network::default();
        for a in actions {
            apply(&mut net, a);
        }
        let bytes = serde_json::to_vec_pretty(&net).unwrap();
        let (loaded, migrated) = decode(&bytes, Path::new("roundtrip.json")).unwrap();
        prop_assert_eq!(migrated, None);
        let again = serde_json::to_vec_pretty(&loaded).unwrap();
        prop_assert_eq!(String::from_utf8(again).unwrap(), String::from_utf8(bytes).unwrap());
    }
}
