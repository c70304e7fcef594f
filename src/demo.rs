//! The bundled demo network (`--demo`): a realistic network embedded in the binary and
//! held in memory, so anyone can try every command without touching their own data.
//! With `--lang id` it is the same network written in Indonesian (names, organisations,
//! notes, facts, goals), so an Indonesian screen shows no English the user did not type.
//!
//! The demo was written as of `ANCHOR`. On load every date in it is moved forward by
//! the days since then, so the demo looks just as lively on whatever day it is run.

use crate::i18n::Lang;
use crate::model::Network;
use crate::store;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde_json::Value;
use std::path::Path;

/// The demo network as written.
pub const DEMO_JSON: &str = include_str!("../examples/demo.json");

/// The same network in Indonesian: the same records, ids, handles and dates.
pub const DEMO_ID_JSON: &str = include_str!("../examples/demo_id.json");

/// The day the demo's dates were written against.
pub const ANCHOR: &str = "2026-11-28";

/// The demo network with its dates moved so that `ANCHOR` falls on `today`.
pub fn network(today: NaiveDate) -> anyhow::Result<Network> {
    network_in(today, Lang::En)
}

/// The demo network in `lang`, its dates moved so that `ANCHOR` falls on `today`.
pub fn network_in(today: NaiveDate, lang: Lang) -> anyhow::Result<Network> {
    let anchor: NaiveDate = ANCHOR.parse()?;
    let text = match lang {
        Lang::En => DEMO_JSON,
        Lang::Id => DEMO_ID_JSON,
    };
    let mut doc: Value = serde_json::from_str(text)?;
    let shift = (today - anchor).num_days();
    shift_dates(&mut doc, shift);
    let bytes = serde_json::to_vec(&doc)?;
    let (mut net, _) = store::decode(&bytes, Path::new("<demo>"))?;
    crate::model::contact::shorten_handles(&mut net.contacts);
    Ok(net)
}

/// Moves every calendar day (`YYYY-MM-DD`) and instant (RFC 3339) in the document.
fn shift_dates(v: &mut Value, days: i64) {
    match v {
        Value::String(s) => {
            if let Some(moved) = shift_one(s, days) {
                *s = moved;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| shift_dates(i, days)),
        Value::Object(map) => map.values_mut().for_each(|i| shift_dates(i, days)),
        _ => {}
    }
}

fn shift_one(s: &str, days: i64) -> Option<String> {
    let step = |d: NaiveDate| {
        if days >= 0 {
            d.checked_add_days(Days::new(days as u64))
        } else {
            d.checked_sub_days(Days::new(days.unsigned_abs()))
        }
    };
    if s.len() == 10 {
        let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
        return step(d).map(|d| d.to_string());
    }
    let t = DateTime::parse_from_rfc3339(s).ok()?.with_timezone(&Utc);
    let moved = t + chrono::Duration::days(days);
    Some(moved.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_parses_and_is_not_empty() {
        let net = network(ANCHOR.parse().unwrap()).unwrap();
        assert!(net.contacts.len() >= 10);
        assert!(!net.interactions.is_empty());
    }

    #[test]
    fn handles_are_letters_as_the_readme_promises() {
        for lang in [Lang::En, Lang::Id] {
            let net = network_in(ANCHOR.parse().unwrap(), lang).unwrap();
            for c in &net.contacts {
                let h = &c.handle;
                assert!((4..=6).contains(&h.len()) && h.bytes().all(|b| (b'k'..=b'z').contains(&b)), "{h}");
            }
        }
    }

    /// The Indonesian demo is the English one written in Indonesian: the same records,
    /// days and vocabulary, other words.
    #[test]
    fn the_indonesian_demo_is_the_same_network_in_other_words() {
        let day = ANCHOR.parse().unwrap();
        let (en, id) = (network(day).unwrap(), network_in(day, Lang::Id).unwrap());
        assert_eq!(en.contacts.len(), id.contacts.len());
        for (a, b) in en.contacts.iter().zip(&id.contacts) {
            assert_eq!(
                (a.id, &a.handle, &a.circle, &a.stage, a.met_on),
                (b.id, &b.handle, &b.circle, &b.stage, b.met_on)
            );
        }
        assert_eq!(en.interactions.len(), id.interactions.len());
        assert_eq!(en.promises.len(), id.promises.len());
        assert_eq!(en.goals.len(), id.goals.len());
        for (a, b) in en.interactions.iter().zip(&id.interactions) {
            assert_eq!((a.id, a.on, &a.kind), (b.id, b.on, &b.kind));
        }
        let budi = id.contacts.iter().find(|c| c.name == "Budi Santoso").unwrap();
        assert_eq!(budi.role.as_deref(), Some("Kepala Kredit Digital"));
        assert!(id.interactions.iter().any(|i| i.text.as_deref() == Some("Makan malam di Kemang")));
        assert!(id.goals.iter().any(|g| g.title == "Kenal 10 orang di fintech"));
    }

    #[test]
    fn dates_move_with_today() {
        let later = network("2027-01-07".parse().unwrap()).unwrap();
        let now = network(ANCHOR.parse().unwrap()).unwrap();
        let (a, b) = (&now.interactions[0], &later.interactions[0]);
        assert_eq!((b.on - a.on).num_days(), 40);
        assert_eq!((later.contacts[0].added - now.contacts[0].added).num_days(), 40);
        assert_eq!(now.contacts[0].name, later.contacts[0].name);
    }

    #[test]
    fn only_dates_are_touched() {
        assert_eq!(shift_one("2026-11-28", 3).as_deref(), Some("2026-12-01"));
        assert_eq!(shift_one("2026-11-28T10:00:00Z", -1).as_deref(), Some("2026-11-27T10:00:00Z"));
        assert_eq!(shift_one("Budi Santoso", 3), None);
        assert_eq!(shift_one("2026-99-99", 3), None);
    }
}
