//! Two-way sync with the phone's address book over CardDAV, and reminders pushed to a
//! CalDAV calendar.
//!
//! A sync reads the network (without holding its lock), talks to the server, and only
//! then opens the data file for writing to apply what it learned, on top of whatever
//! changed locally meanwhile; the sync state (`state`) goes into the same atomic save.
//! What travels is exactly `fields::Fields`; `merge` is the pure three-way merge;
//! `dav` and `xml` speak WebDAV; `discover` finds the address book; `cards` turns
//! fields into vCards and back (reading through the vCard importer, writing only
//! jejaring's lines into the server's card, cut by `card_lines`); `remote` asks what
//! changed on the server; `engine` runs one sync on a copy of the network and `report`
//! says by name what it did; `apply` brings its outcome into the data file; `calendar`
//! pushes the reminders; `state` names what is remembered (kept in `model::sync`).

pub mod apply;
pub mod calendar;
mod card_lines;
pub mod cards;
pub mod dav;
pub mod discover;
pub mod engine;
pub mod fields;
pub mod merge;
pub mod remote;
pub mod report;
pub mod state;
pub mod xml;

pub use fields::Fields;
pub use state::SyncState;
