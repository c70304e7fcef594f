//! A conversation or meeting with one or more contacts.

use super::vocab::vocab;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

vocab! {
    /// What kind of contact it was; meetings and calls are deeper than messages.
    Kind {
        Meeting => "meeting", "meeting", "pertemuan" ["rapat", "ketemu", "bertemu", "meet"];
        Call => "call", "call", "telepon" ["telp", "nelpon", "panggilan"];
        Message => "message", "message", "pesan" ["wa", "chat", "sms", "dm"];
        Email => "email", "email", "surel";
        Event => "event", "event", "acara";
        Intro => "intro", "introduction", "perkenalan";
        Other => "other", "other", "lainnya" ["lain"];
    }
}

vocab! {
    /// Where an imported conversation was found.
    Origin {
        Calendar => "calendar", "calendar", "kalender";
        Email => "email", "email", "surel";
        Linkedin => "linkedin", "LinkedIn", "LinkedIn";
        Whatsapp => "whatsapp", "WhatsApp", "WhatsApp";
    }
}

/// The trace an imported interaction came from. Only where it was and whether both
/// sides wrote are kept: never a message's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub from: Origin,
    /// What names it in the export, stable between exports: the event's UID and
    /// occurrence, the thread's first Message-ID and the day, the chat and the day.
    pub key: String,
    /// True when only one side wrote ("wrote", not "talked").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_way: bool,
    /// How many people the trace had, you included, known to you or not: a meeting of
    /// forty says less about who knows whom than a dinner of four (`coach::graph`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<u32>,
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
    /// Where an imported conversation came from (`import history`); None when typed in
    /// with `log`. It is how a second import of the same export knows what it added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
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
            source: None,
            extra: Map::new(),
        }
    }

    /// Whether both sides took part: everything logged by hand, meetings, and imported
    /// threads where you and they both wrote. "Wrote" (one side only) is not a talk.
    pub fn two_way(&self) -> bool {
        self.source.as_ref().is_none_or(|s| !s.one_way)
    }

    /// Whether this interaction involved the contact.
    pub fn involves(&self, contact: &Uuid) -> bool {
        self.contacts.contains(contact)
    }
}
