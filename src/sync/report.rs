//! What a sync did (or, in a dry run, would do), by name: who was linked to which card,
//! added, changed and deleted on each side, kept or sent back. The summary counts are
//! read from these lists, so the line and the names never disagree.

use super::merge::Conflict;
use serde::Serialize;

/// A contact here and the card on the phone it was matched with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The contact's name here.
    pub contact: String,
    /// The name on the card.
    pub card: String,
    /// The card's path on the server.
    pub href: String,
}

/// A contact whose change here was not sent: its card on the phone is one jejaring
/// cannot edit line by line, so it was left as the phone has it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NotWritten {
    /// The contact's name here.
    pub contact: String,
    /// The card's path on the server.
    pub href: String,
}

/// What a sync did, for the summary line and the lists of names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub pulled: usize,
    pub pushed: usize,
    pub merged: usize,
    /// Each conflict with the name of the contact it was on.
    pub conflicts: Vec<(String, Conflict)>,
    /// Contacts here matched with a card on the phone for the first time.
    pub linked: Vec<Link>,
    /// Cards from the phone that became new contacts here.
    pub added_here: Vec<String>,
    /// Contacts sent to the phone as new cards.
    pub added_phone: Vec<String>,
    /// Contacts changed by what the phone changed.
    pub changed_here: Vec<String>,
    /// Cards changed by what was changed here.
    pub changed_phone: Vec<String>,
    /// Contacts removed here because their card was deleted on the phone.
    pub deleted_here: Vec<String>,
    /// Cards deleted on the phone because the contact was removed here.
    pub deleted_phone: Vec<String>,
    /// Contacts deleted on the phone but kept here for what the user recorded.
    pub kept: Vec<String>,
    /// Contacts deleted on the phone but edited here since the last sync: the edit is
    /// the latest word, so they stay and go back to the phone.
    pub restored: Vec<String>,
    /// Second cards of someone already linked to a card: each becomes its own contact,
    /// to merge with `dupes`/`merge` if they are one person.
    pub duplicates: Vec<Link>,
    /// Cards jejaring cannot read as sent (see `cards::editable`): never replaced.
    pub not_written: Vec<NotWritten>,
    /// Contacts not sent to the phone because of `sync --only`.
    pub held_back: usize,
    /// Cards jejaring cannot read (a group, a card without a name): left alone.
    pub skipped: usize,
    /// Hrefs the server named outside the address book: ignored (see `remote`).
    pub refused: Vec<String>,
}

impl Report {
    /// Deletes on both sides, for the summary line.
    pub fn deleted(&self) -> usize {
        self.deleted_here.len() + self.deleted_phone.len()
    }
}
