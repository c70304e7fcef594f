//! One all-day event: what a reminder is once the coach has worded it, and what the
//! calendar writer (`interop::ics`) writes. Plain data, so both depend on it and not
//! on each other.

use chrono::NaiveDate;

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayEvent {
    /// Stable across exports: derived from the record's id and the kind of date.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: Option<String>,
}

/// Puts events in calendar order (by day, then UID), so two exports of the same data
/// are the same file apart from the stamp.
pub fn sort(events: &mut [DayEvent]) {
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.uid.cmp(&b.uid)));
}
