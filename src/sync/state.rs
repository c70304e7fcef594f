//! What jejaring remembers about the server between syncs, saved inside the data file
//! (the network's `sync` field) in the same atomic save as the contacts it describes,
//! so a sync killed at any point leaves the two in step.

use super::fields::Fields;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// The remote and everything known about it. Never holds a password.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// The address book's URL (a collection, ending in `/`). Empty in a `sync` record
    /// some other version wrote in another shape: that is kept as it is, and counts as
    /// not set up.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub addressbook: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Run at each sync; its standard output is the password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_command: Option<String>,
    /// The CalDAV calendar jejaring owns for reminders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// Certificates are not checked (chosen with `--insecure`, warned about each time).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub insecure: bool,
    /// The address book's sync token (RFC 6578) as of the last sync.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_sync: Option<DateTime<Utc>>,
    /// One entry per card linked to a contact.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<CardState>,
    /// Contacts whose card was deleted on the server while they had history here: kept
    /// locally and never pushed again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<Uuid>,
    /// The reminders pushed to the calendar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventState>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One card on the server and the contact it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    pub contact: Uuid,
    /// The card's path on the server.
    pub href: String,
    pub uid: String,
    /// The ETag the server gave the version in `base`; none when it gave none (the next
    /// sync asks again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The card's fields as last synced: the common ancestor of the three-way merge.
    pub base: Fields,
}

/// One reminder pushed to the calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventState {
    pub uid: String,
    pub href: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// A digest of what the event says, so an unchanged event is not sent again.
    pub digest: String,
}

impl SyncState {
    /// A fresh state for an address book.
    pub fn new(addressbook: String) -> SyncState {
        SyncState { addressbook, ..SyncState::default() }
    }

    pub fn card_for(&self, contact: &Uuid) -> Option<&CardState> {
        self.cards.iter().find(|c| &c.contact == contact)
    }
}
