//! Calendars (`.ics`, as Google Calendar, Outlook and Apple Calendar export them), read
//! and expanded by calcard: repeat rules, excluded dates and moved or cancelled
//! occurrences are its work, not ours.
//!
//! Every occurrence that started by `now` becomes one [`Found`] meeting with its
//! organiser and attendees (declined ones marked, so the meeting is dropped when you
//! declined and they are left out when they did). Cancelled events and occurrences, and
//! all-day events without attendees, are not meetings. A repeat rule with no end is
//! cut at `now` before expanding, so a weekly meeting since 2015 costs its past
//! occurrences and no more. A Google export's calendar name is its owner's address: a
//! hint of who you are.

use super::{Found, Harvest, Person, Problem, ProblemKind};
use crate::model::{Kind, interaction::Origin};
use calcard::Entry;
use calcard::common::PartialDateTime;
use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarParameterName, ICalendarParameterValue,
    ICalendarParticipationStatus, ICalendarProperty, ICalendarStatus, ICalendarValue,
};
use chrono::{DateTime, Datelike, Timelike, Utc};
use std::collections::HashMap;

/// The file holds no calendar.
#[derive(Debug, PartialEq, Eq)]
pub struct NotCalendar;

/// The most occurrences one file expands to: years of daily meetings fit many times
/// over; a hostile rule (every second since 1970) does not.
const MAX_OCCURRENCES: usize = 1_000_000;

pub fn parse(text: &str, now: DateTime<Utc>) -> Result<Harvest, NotCalendar> {
    let mut parser = calcard::Parser::new(text);
    let mut harvest = Harvest::default();
    let mut any = false;
    let lines = uid_lines(text);
    loop {
        match parser.entry() {
            Entry::ICalendar(mut cal) => {
                any = true;
                cut_at(&mut cal, now);
                read(&cal, now, &lines, &mut harvest);
            }
            Entry::Eof => break,
            Entry::UnterminatedComponent(_) | Entry::TooManyComponents => break,
            _ => {}
        }
    }
    if any { Ok(harvest) } else { Err(NotCalendar) }
}

/// The line each UID is first written on, to name an event's place.
fn uid_lines(text: &str) -> HashMap<&str, usize> {
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(uid) = line.get(..4).filter(|p| p.eq_ignore_ascii_case("UID:")).and(line.get(4..)) {
            out.entry(uid.trim()).or_insert(i + 1);
        }
    }
    out
}

/// Ends every open-ended repeat rule at `now`: only past occurrences count. Also drops
/// SEQUENCE, which calcard compares when it pairs a moved or cancelled occurrence with
/// its series: Google writes a higher one on every changed occurrence, and the change
/// would then be a second meeting beside the unchanged one.
fn cut_at(cal: &mut ICalendar, now: DateTime<Utc>) {
    let until = PartialDateTime {
        year: Some(now.year() as u16),
        month: Some(now.month() as u8),
        day: Some(now.day() as u8),
        hour: Some(now.hour() as u8),
        minute: Some(now.minute() as u8),
        second: Some(now.second() as u8),
        tz_hour: Some(0),
        tz_minute: Some(0),
        tz_minus: false,
    };
    for comp in &mut cal.components {
        comp.entries.retain(|e| e.name != ICalendarProperty::Sequence);
        for entry in comp.properties_mut(&ICalendarProperty::Rrule) {
            for value in &mut entry.values {
                if let ICalendarValue::RecurrenceRule(rule) = value
                    && rule.count.is_none()
                {
                    let later = rule
                        .until
                        .as_ref()
                        .and_then(|u| u.to_date_time_with_tz(Tz::UTC))
                        .is_none_or(|u| u.timestamp() > now.timestamp());
                    if later {
                        rule.until = Some(until.clone());
                    }
                }
            }
        }
    }
}

fn text_of<'a>(comp: &'a ICalendarComponent, prop: &ICalendarProperty) -> Option<&'a str> {
    comp.property(prop).and_then(|e| e.values.first()).and_then(|v| v.as_text())
}

/// The organiser and attendees, each once.
fn people(comp: &ICalendarComponent) -> (Vec<Person>, Option<usize>) {
    let mut out: Vec<Person> = Vec::new();
    let mut organiser = None;
    for entry in comp.entries.iter() {
        let is_organiser = entry.name == ICalendarProperty::Organizer;
        if !is_organiser && entry.name != ICalendarProperty::Attendee {
            continue;
        }
        let Some(address) = entry.calendar_address().map(str::trim).filter(|a| a.contains('@')) else { continue };
        let email = address.to_lowercase();
        let name = entry.parameter(&ICalendarParameterName::Cn).and_then(|v| v.as_text()).map(str::trim);
        let name = name.filter(|n| !n.is_empty() && !n.contains('@')).map(str::to_string);
        let status = entry.parameter(&ICalendarParameterName::Partstat);
        let declined =
            matches!(status, Some(ICalendarParameterValue::Partstat(ICalendarParticipationStatus::Declined)));
        let accepted =
            matches!(status, Some(ICalendarParameterValue::Partstat(ICalendarParticipationStatus::Accepted)));
        let i = match out.iter().position(|p| p.email.as_deref() == Some(email.as_str())) {
            Some(i) => i,
            None => {
                out.push(Person { name: None, email: Some(email), ..Person::default() });
                out.len() - 1
            }
        };
        let p = &mut out[i];
        if p.name.is_none() {
            p.name = name;
        }
        if is_organiser {
            p.spoke = true;
            organiser = Some(i);
        } else {
            p.spoke |= accepted;
            p.declined = declined;
        }
    }
    (out, organiser)
}

fn has_attendees(comp: &ICalendarComponent) -> bool {
    comp.has_property(&ICalendarProperty::Attendee)
}

fn all_day(comp: &ICalendarComponent) -> bool {
    match comp.property(&ICalendarProperty::Dtstart).and_then(|e| e.values.first()) {
        Some(ICalendarValue::PartialDateTime(dt)) => !dt.has_time(),
        _ => false,
    }
}

/// The occurrence's original start as written (`20261105T090000`), from its
/// RECURRENCE-ID when it was moved; the same in every export.
fn occurrence(comp: &ICalendarComponent, start: chrono::NaiveDateTime) -> String {
    let rid = comp
        .property(&ICalendarProperty::RecurrenceId)
        .and_then(|e| e.values.first())
        .and_then(|v| v.as_partial_date_time())
        .and_then(|p| p.to_date_time())
        .map(|r| r.date_time);
    rid.unwrap_or(start).format("%Y%m%dT%H%M%S").to_string()
}

fn read(cal: &ICalendar, now: DateTime<Utc>, lines: &HashMap<&str, usize>, harvest: &mut Harvest) {
    if let Some(root) = cal.components.first()
        && let Some(owner) = root
            .entries
            .iter()
            .find(|e| matches!(&e.name, ICalendarProperty::Other(n) if n.eq_ignore_ascii_case("X-WR-CALNAME")))
            .and_then(|e| e.values.first())
            .and_then(|v| v.as_text())
            .map(|s| s.trim().to_lowercase())
            .filter(|s| s.contains('@') && !s.contains(' '))
        && !harvest.me_hints.contains(&owner)
    {
        harvest.me_hints.push(owner);
    }
    let expanded = cal.expand_dates(Utc, MAX_OCCURRENCES);
    for e in expanded.errors {
        let uid = cal.components.get(e.comp_id as usize).and_then(|c| c.uid()).unwrap_or_default().to_string();
        let line = lines.get(uid.as_str()).copied().unwrap_or(0);
        harvest.problems.push(Problem::new(line, ProblemKind::BadEvent { uid }));
    }
    for event in expanded.events {
        let Some(comp) = cal.components.get(event.comp_id as usize) else { continue };
        if comp.component_type != ICalendarComponentType::VEvent {
            continue;
        }
        let start = event.start.with_timezone(&Utc);
        if start > now || matches!(comp.status(), Some(ICalendarStatus::Cancelled)) {
            continue;
        }
        if all_day(comp) && !has_attendees(comp) {
            continue;
        }
        let (people, organiser) = people(comp);
        if people.is_empty() {
            continue;
        }
        let uid = comp.uid().unwrap_or_default();
        let key = if comp.is_recurrent_or_override() {
            format!("{uid}/{}", occurrence(comp, event.start.naive_local()))
        } else {
            uid.to_string()
        };
        harvest.found.push(Found {
            from: Origin::Calendar,
            exchange: key.clone(),
            key,
            on: event.start.date_naive(),
            at: start,
            kind: Kind::Meeting,
            title: text_of(comp, &ICalendarProperty::Summary).and_then(super::title),
            people,
            opener: organiser,
            meeting: true,
            line: lines.get(uid).copied().unwrap_or(0),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-28T12:00:00Z".parse().unwrap()
    }

    const ICS: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
X-WR-CALNAME:ayu@example.com\r\n\
BEGIN:VEVENT\r\n\
UID:weekly-1\r\n\
DTSTART;TZID=Asia/Jakarta:20261102T090000\r\n\
DTEND;TZID=Asia/Jakarta:20261102T093000\r\n\
RRULE:FREQ=WEEKLY\r\n\
EXDATE;TZID=Asia/Jakarta:20261109T090000\r\n\
SUMMARY:Weekly sync\r\n\
ORGANIZER;CN=Budi:mailto:budi@example.com\r\n\
ATTENDEE;CN=Ayu;PARTSTAT=ACCEPTED:mailto:ayu@example.com\r\n\
ATTENDEE;CN=Budi;PARTSTAT=ACCEPTED:mailto:budi@example.com\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:weekly-1\r\n\
RECURRENCE-ID;TZID=Asia/Jakarta:20261116T090000\r\n\
SEQUENCE:2\r\n\
DTSTART;TZID=Asia/Jakarta:20261117T140000\r\n\
DTEND;TZID=Asia/Jakarta:20261117T143000\r\n\
SUMMARY:Weekly sync (moved)\r\n\
ORGANIZER;CN=Budi:mailto:budi@example.com\r\n\
ATTENDEE;CN=Ayu;PARTSTAT=ACCEPTED:mailto:ayu@example.com\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:weekly-1\r\n\
RECURRENCE-ID;TZID=Asia/Jakarta:20261123T090000\r\n\
DTSTART;TZID=Asia/Jakarta:20261123T090000\r\n\
STATUS:CANCELLED\r\n\
SUMMARY:Weekly sync\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:holiday\r\n\
DTSTART;VALUE=DATE:20261110\r\n\
SUMMARY:Holiday\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

    #[test]
    fn occurrences_up_to_now_with_exceptions() {
        let h = parse(ICS, now()).unwrap();
        assert_eq!(h.me_hints, ["ayu@example.com"]);
        let keys: Vec<_> = h.found.iter().map(|f| (f.key.as_str(), f.on.to_string())).collect();
        assert_eq!(
            keys,
            [
                ("weekly-1/20261102T090000", "2026-11-02".to_string()),
                ("weekly-1/20261116T090000", "2026-11-17".to_string()),
            ],
            "the 9th is excluded, the 16th moved to the 17th, the 23rd cancelled, the 30th is to come"
        );
        let f = &h.found[1];
        assert_eq!(f.title.as_deref(), Some("Weekly sync (moved)"));
        assert_eq!(f.people[f.opener.unwrap()].email.as_deref(), Some("budi@example.com"));
        assert!(f.meeting);
    }

    #[test]
    fn an_endless_daily_rule_is_cut_at_now() {
        let ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:d\nDTSTART:20160101T080000Z\nRRULE:FREQ=DAILY\n\
                   ATTENDEE:mailto:x@example.com\nEND:VEVENT\nEND:VCALENDAR\n";
        let h = parse(ics, now()).unwrap();
        assert_eq!(h.found.len(), 3985);
        assert_eq!(h.found.last().unwrap().on.to_string(), "2026-11-28");
    }

    #[test]
    fn other_text_is_not_a_calendar() {
        assert_eq!(parse("hello", now()).unwrap_err(), NotCalendar);
    }
}
