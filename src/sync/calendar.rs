//! Reminders pushed to a CalDAV calendar that jejaring owns: the events of `export
//! ics` but birthdays (see `coach::reminders`), one resource per event named by its
//! stable UID. A changed event is written
//! again, a vanished one deleted; events nobody changed are not sent, and an overdue
//! one is not moved to each new day (see `unchanged`). One-way: what the calendar
//! holds is replaced by what jejaring would say today. A push stopped by an error says
//! how far it got (`Pushed`), so the sync keeps that and the next one does the rest;
//! `failed` words the error for a sync whose contacts were saved.

mod failed;

pub use failed::CalendarFailed;

use super::dav::{self, Dav, DavError};
use super::remote;
use super::state::{EventState, SyncState};
use crate::coach::reminders::{self, Options};
use crate::i18n::Lang;
use crate::interop::ics;
use crate::model::Network;
use crate::model::day_event::DayEvent;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What the calendar push did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.added + self.updated + self.removed
    }
}

/// The reminders today, as `export ics` builds them (`coach::reminders`), for the people
/// on the phone (`SyncState::on_phone`): a network of imports kept off the phone would
/// otherwise fill its calendar with people it does not hold. Without birthdays: the phone shows those from each
/// card's BDAY in its own birthday calendar.
pub fn events(net: &Network, state: &SyncState, today: chrono::NaiveDate, lang: Lang) -> Vec<DayEvent> {
    let on_phone = state.on_phone();
    let people: Vec<&crate::model::Contact> = net.contacts.iter().filter(|c| on_phone(c)).collect();
    reminders::build(net, &people, today, lang, Options { birthdays: false, goals: true })
}

/// What an event says, so an unchanged one is not sent again: a hash of its words and,
/// after an `@`, the day it was written on (which `unchanged` compares apart).
fn digest(e: &DayEvent) -> String {
    let text = format!("{}\n{}\n{}", e.uid, e.summary, e.description.as_deref().unwrap_or_default());
    format!("{:032x}@{}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()), e.date)
}

/// Whether the event the calendar holds (`old`, a `digest`) still stands for `new`:
/// the same words on the same day, or the same words of a reminder gone overdue.
/// A date already past is put on today (`coach::reminders`), so an overdue reminder
/// would otherwise move, and be written again, every day until it is done; it stays on
/// the day it was written until something real changes (its words: "Overdue", a new
/// conversation, a snooze).
fn unchanged(old: &str, new: &DayEvent, today: NaiveDate) -> bool {
    let fresh = digest(new);
    let (Some((words, on)), Some((new_words, _))) = (old.split_once('@'), fresh.split_once('@')) else {
        return false;
    };
    let on = on.parse::<NaiveDate>().ok();
    words == new_words && (on == Some(new.date) || (new.date == today && on.is_some_and(|d| d < today)))
}

/// A resource name from a UID: letters, digits, `-` and `.` only.
fn file(uid: &str) -> String {
    let safe: String =
        uid.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '_' }).collect();
    format!("{safe}.ics")
}

/// What a calendar push did. A push stopped by an error still says what it did, so the
/// sync can keep it: an event written before the error carries its new href and ETag;
/// the one that failed and those not reached keep what the last push left (a new one
/// stays unknown), so the next sync sends them again; an event whose delete failed or
/// was not reached is still remembered, so the next sync deletes it.
#[derive(Debug, Default)]
pub struct Pushed {
    /// The events the calendar holds now, as far as jejaring knows: what to remember.
    pub events: Vec<EventState>,
    /// What was done (in a dry run: what would be).
    pub counts: Counts,
    /// Why the push stopped before it was done.
    pub failed: Option<DavError>,
}

/// Pushes today's events to `calendar`, given what the last sync pushed.
pub fn push(
    dav: &Dav,
    calendar: &str,
    net: &Network,
    state: &SyncState,
    now: DateTime<Utc>,
    lang: Lang,
    dry_run: bool,
) -> Pushed {
    let events = events(net, state, now.date_naive(), lang);
    send(dav, calendar, &events, &state.events, now, dry_run)
}

/// What a push has done so far.
#[derive(Default)]
struct Done {
    /// The events written, by UID, with their new state.
    written: HashMap<String, EventState>,
    /// The UIDs of the events deleted.
    deleted: HashSet<String>,
    counts: Counts,
}

/// Brings `calendar` from `prev` (what the last push left there) to `events`, and says
/// what it now holds, even when an error stopped it midway (see `Pushed`).
fn send(
    dav: &Dav,
    calendar: &str,
    events: &[DayEvent],
    prev: &[EventState],
    now: DateTime<Utc>,
    dry_run: bool,
) -> Pushed {
    let (calendar, today) = (dav::collection(calendar), now.date_naive());
    let old: HashMap<&str, &EventState> = prev.iter().map(|e| (e.uid.as_str(), e)).collect();
    let live: HashSet<&str> = events.iter().map(|e| e.uid.as_str()).collect();
    let mut done = Done::default();
    // Writes the events that changed and deletes the vanished ones, recording each in
    // `done` as it succeeds; stops at the first error.
    let mut send_each = || -> Result<(), DavError> {
        for e in events {
            let old = old.get(e.uid.as_str()).copied();
            if old.is_some_and(|o| unchanged(&o.digest, e, today)) {
                continue;
            }
            if !dry_run {
                let href =
                    old.map(|o| o.href.clone()).unwrap_or_else(|| format!("{}{}", dav::path(&calendar), file(&e.uid)));
                let etag = write(
                    dav,
                    &calendar,
                    &href,
                    old.and_then(|o| o.etag.clone()),
                    old.is_some(),
                    ics::write(std::slice::from_ref(e), now),
                )?;
                done.written.insert(e.uid.clone(), EventState { uid: e.uid.clone(), href, etag, digest: digest(e) });
            }
            match old {
                Some(_) => done.counts.updated += 1,
                None => done.counts.added += 1,
            }
        }
        for old in prev.iter().filter(|o| !live.contains(o.uid.as_str())) {
            if !dry_run {
                delete(dav, &calendar, old)?;
                done.deleted.insert(old.uid.clone());
            }
            done.counts.removed += 1;
        }
        Ok(())
    };
    let failed = send_each().err();
    // In today's order, as a push that finishes leaves them; an event not written
    // (unchanged, failed or not reached) as the last push left it.
    let mut after: Vec<EventState> = events
        .iter()
        .filter_map(|e| done.written.remove(&e.uid).or_else(|| old.get(e.uid.as_str()).map(|&o| o.clone())))
        .collect();
    after.extend(prev.iter().filter(|o| !live.contains(o.uid.as_str()) && !done.deleted.contains(&o.uid)).cloned());
    Pushed { events: after, counts: done.counts, failed }
}

/// Deletes one event (one already gone, 404 or 410, is as good as deleted); one changed
/// by someone else is deleted anyway, as `write` writes over it.
fn delete(dav: &Dav, calendar: &str, old: &EventState) -> Result<(), DavError> {
    let url = dav::join(calendar, &old.href);
    let mut etag = old.etag.clone();
    for _ in 0..2 {
        let cond = etag.clone().unwrap_or_else(|| "*".into());
        let reply = dav.request("DELETE", &url, &[("If-Match", cond.as_str())], None)?;
        match reply.status {
            200..=299 | 404 | 410 => return Ok(()),
            // Changed by someone else: jejaring owns this calendar, so it goes anyway.
            412 => etag = remote::get(dav, &url)?.and_then(|(_, e)| e),
            status => return Err(DavError::Status { server: dav::host(&url), status, what: "DELETE".into() }),
        }
    }
    // Changed again each time it was asked for: still there, so still remembered, and
    // the next sync deletes it.
    Err(DavError::Status { server: dav::host(&url), status: 412, what: "DELETE".into() })
}

/// Writes one event conditionally; on 412 (changed by someone else) it takes the
/// server's ETag and writes again, since jejaring owns the calendar.
fn write(
    dav: &Dav,
    calendar: &str,
    href: &str,
    etag: Option<String>,
    existed: bool,
    body: String,
) -> Result<Option<String>, DavError> {
    let url = dav::join(calendar, href);
    let mut cond = match (existed, etag) {
        (true, Some(e)) => ("If-Match", e),
        _ => ("If-None-Match", "*".to_string()),
    };
    for _ in 0..3 {
        let reply = dav.request(
            "PUT",
            &url,
            &[(cond.0, cond.1.as_str())],
            Some(("text/calendar; charset=utf-8", body.clone())),
        )?;
        if reply.ok() {
            return Ok(reply.etag);
        }
        if reply.status != 412 {
            return Err(DavError::Status { server: dav::host(&url), status: reply.status, what: "PUT".into() });
        }
        cond = match remote::get(dav, &url)? {
            Some((_, Some(e))) => ("If-Match", e),
            _ => ("If-None-Match", "*".to_string()),
        };
    }
    Err(DavError::Status { server: dav::host(&url), status: 412, what: "PUT".into() })
}

#[cfg(test)]
mod push_tests;

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn event(date: &str, summary: &str) -> DayEvent {
        DayEvent { uid: "u@jejaring".into(), date: day(date), summary: summary.into(), description: None }
    }

    #[test]
    fn an_overdue_reminder_stays_on_the_day_it_was_written_until_its_words_change() {
        let written = digest(&event("2026-11-28", "Overdue: get in touch with Budi"));
        let next_day = day("2026-11-29");
        assert!(unchanged(&written, &event("2026-11-29", "Overdue: get in touch with Budi"), next_day));
        assert!(unchanged(&written, &event("2026-11-28", "Overdue: get in touch with Budi"), day("2026-11-28")));
        assert!(!unchanged(&written, &event("2026-11-29", "Follow up with Budi"), next_day), "new words");
        assert!(!unchanged(&written, &event("2026-12-20", "Overdue: get in touch with Budi"), next_day), "moved on");
        // A reminder due later that is brought forward to today is a real change.
        let later = digest(&event("2026-12-05", "Get in touch with Budi"));
        assert!(!unchanged(&later, &event("2026-11-29", "Get in touch with Budi"), next_day));
        // A digest written before the day was kept apart: written once more.
        assert!(!unchanged("0123abcd", &event("2026-11-29", "x"), next_day));
    }
}
