//! A record of a contact moving between stages (stranger → acquaintance → connection →
//! trusted). Contacts keep only their current stage, so without this log a goal such
//! as "turn 5 acquaintances into connections" could not be measured.

use super::{Network, Stage};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// One stage change, written when a contact's stage is edited.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageChange {
    pub contact: Uuid,
    pub from: Stage,
    pub to: Stage,
    /// The day it happened (the user's calendar day).
    pub on: NaiveDate,
    /// When it was recorded.
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl StageChange {
    /// Whether this change turned a stranger or acquaintance into a connection or
    /// someone trusted: the step the method calls key.
    pub fn is_stage_up(&self) -> bool {
        self.from <= Stage::Acquaintance && self.to >= Stage::Connection && !self.to.is_unknown()
    }
}

impl Stage {
    fn is_unknown(&self) -> bool {
        matches!(self, Stage::Unknown(_))
    }
}

impl Network {
    /// Notes that a contact's stage changed, when it did.
    pub fn record_stage_change(&mut self, contact: Uuid, from: &Stage, to: &Stage, on: NaiveDate, at: DateTime<Utc>) {
        if from != to {
            self.stage_changes.push(StageChange {
                contact,
                from: from.clone(),
                to: to.clone(),
                on,
                at,
                extra: Map::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_crossing_into_connection_is_a_stage_up() {
        let change = |from, to| StageChange {
            contact: Uuid::nil(),
            from,
            to,
            on: "2026-11-28".parse().unwrap(),
            at: Utc::now(),
            extra: Map::new(),
        };
        assert!(change(Stage::Stranger, Stage::Connection).is_stage_up());
        assert!(change(Stage::Acquaintance, Stage::Trusted).is_stage_up());
        assert!(!change(Stage::Stranger, Stage::Acquaintance).is_stage_up());
        assert!(!change(Stage::Connection, Stage::Trusted).is_stage_up());
        assert!(!change(Stage::Acquaintance, Stage::Unknown("x".into())).is_stage_up());
    }

    #[test]
    fn unchanged_stages_are_not_recorded() {
        let mut net = Network::default();
        let at = Utc::now();
        let on = at.date_naive();
        net.record_stage_change(Uuid::nil(), &Stage::Stranger, &Stage::Stranger, on, at);
        net.record_stage_change(Uuid::nil(), &Stage::Stranger, &Stage::Connection, on, at);
        assert_eq!(net.stage_changes.len(), 1);
    }
}
