//! A conversation or meeting with one or more contacts.

use super::vocab::vocab;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

vocab! {
    /// What kind of contact it was; meetings and calls are deeper than messages.
    Kind {
        Meeting => "meeting", "meeting", "pertemuan";
        Call => "call", "call", "telepon";
        Message => "message", "message", "pesan";
        Email => "email", "email", "surel";
        Event => "event", "event", "acara";
        Intro => "intro", "introduction", "perkenalan";
        Other => "other", "other", "lainnya";
    }
}

/// One logged interaction. A group conversation is one record naming several contacts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: Uuid,
    pub contacts: Vec<Uuid>,
    pub kind: Kind,
    /// The day it happened.
    #[serde(deserialize_with = "super::stamp::day")]
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// True when they made the first move (reciprocity).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub they_reached_out: bool,
    /// When it was logged.
    #[serde(deserialize_with = "super::stamp::instant")]
    pub logged: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Interaction {
    /// A new interaction with the given people on `on`, logged at `logged`.
    pub fn new(contacts: Vec<Uuid>, kind: Kind, on: NaiveDate, logged: DateTime<Utc>) -> Interaction {
        Interaction {
            id: Uuid::now_v7(),
            contacts,
            kind,
            on,
            text: None,
            they_reached_out: false,
            logged,
            extra: Map::new(),
        }
    }

    /// Whether this interaction involved the contact.
    pub fn involves(&self, contact: &Uuid) -> bool {
        self.contacts.contains(contact)
    }
}
