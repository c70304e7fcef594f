//! Trust notes: dated notes on what built or eroded trust, and the trust level (1–5)
//! they set. The level's history is the notes that carry a level.

use super::contact::Stage;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// The lowest and highest trust levels: 1 = just met … 5 = would vouch for them.
pub const MIN_LEVEL: u8 = 1;
pub const MAX_LEVEL: u8 = 5;

/// One entry in a contact's trust history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrustNote {
    pub id: Uuid,
    pub contact: Uuid,
    pub on: NaiveDate,
    /// The trust level from this note on, when the note changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub logged: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The level a contact starts from before any note sets one: how well you know them.
pub fn baseline(stage: &Stage) -> u8 {
    match stage {
        Stage::Stranger => 1,
        Stage::Acquaintance => 2,
        Stage::Connection => 3,
        Stage::Trusted => 4,
        Stage::Unknown(_) => 2,
    }
}

/// A contact's notes, oldest first.
pub fn notes_for<'a>(notes: &'a [TrustNote], contact: &Uuid) -> Vec<&'a TrustNote> {
    let mut v: Vec<&TrustNote> = notes.iter().filter(|n| &n.contact == contact).collect();
    v.sort_by(|a, b| a.on.cmp(&b.on).then(a.logged.cmp(&b.logged)));
    v
}

/// The level set by the latest note that set one, if any.
pub fn current_level(notes: &[&TrustNote]) -> Option<u8> {
    notes.iter().rev().find_map(|n| n.level)
}

/// The level on a given day (for "trust changes this week").
pub fn level_on(notes: &[&TrustNote], day: NaiveDate) -> Option<u8> {
    notes.iter().rev().filter(|n| n.on <= day).find_map(|n| n.level)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(on: &str, level: Option<u8>) -> TrustNote {
        TrustNote {
            id: Uuid::now_v7(),
            contact: Uuid::nil(),
            on: on.parse().unwrap(),
            level,
            note: None,
            logged: DateTime::UNIX_EPOCH,
            extra: Map::new(),
        }
    }

    #[test]
    fn the_latest_level_counts() {
        let all = [note("2026-03-01", Some(4)), note("2026-01-01", Some(2)), note("2026-05-01", None)];
        let notes = notes_for(&all, &Uuid::nil());
        assert_eq!(current_level(&notes), Some(4));
        assert_eq!(level_on(&notes, "2026-02-01".parse().unwrap()), Some(2));
        assert_eq!(level_on(&notes, "2025-12-01".parse().unwrap()), None);
    }

    #[test]
    fn baseline_follows_the_stage() {
        assert_eq!(baseline(&Stage::Stranger), 1);
        assert_eq!(baseline(&Stage::Trusted), 4);
    }
}
