//! Calendars (`.ics`, as Google Calendar, Outlook and Apple Calendar export them).
//! `series` turns the file's events into occurrences inside the import window (repeat
//! rules, excluded dates, moved and cancelled occurrences, versions of one event).
//!
//! Every occurrence that started by `now` becomes one [`Found`] meeting with its
//! organiser and attendees (declined ones marked, so the meeting is dropped when you
//! declined and they are left out when they did), on the day it falls on in the
//! user's zone (a floating time is on its own day). Cancelled events and occurrences,
//! and all-day events without attendees, are not meetings. A Google export's calendar
//! name is its owner's address: a hint of who you are.

mod series;

use super::{Found, Harvest, Person, Problem, Skip, Window};
use crate::model::{Kind, interaction::Origin};
use calcard::Entry;
use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarParameterName, ICalendarParameterValue,
    ICalendarParticipationStatus, ICalendarProperty, ICalendarStatus, ICalendarValue,
};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// The file holds no calendar.
#[derive(Debug, PartialEq, Eq)]
pub struct NotCalendar;

/// Reads a calendar up to `now`, dated by UTC days.
pub fn parse(text: &str, now: DateTime<Utc>) -> Result<Harvest, NotCalendar> {
    parse_in(text, &Window::utc(now))
}

/// Reads a calendar's meetings inside the window, each on the user's own day.
pub fn parse_in(text: &str, window: &Window) -> Result<Harvest, NotCalendar> {
    parse_files(&[text], window).pop().flatten().ok_or(NotCalendar)
}

/// Reads several calendar files as one (a folder of iTIP messages holds the versions
/// of one event in separate files): one harvest per file, None for a file that holds
/// no calendar.
pub fn parse_files(texts: &[&str], window: &Window) -> Vec<Option<Harvest>> {
    let mut cals = Vec::new();
    let mut file_of = Vec::new();
    let mut out: Vec<Option<Harvest>> = texts.iter().map(|_| None).collect();
    for (f, text) in texts.iter().enumerate() {
        let mut parser = calcard::Parser::new(text);
        loop {
            match parser.entry() {
                Entry::ICalendar(cal) => {
                    let h = out[f].get_or_insert_with(Harvest::default);
                    owner(&cal, h);
                    h.read += cal.components.iter().filter(|c| is_event(c)).count();
                    cals.push(cal);
                    file_of.push(f);
                }
                Entry::Eof | Entry::UnterminatedComponent(_) | Entry::TooManyComponents => break,
                _ => {}
            }
        }
    }
    let lines: Vec<HashMap<&str, usize>> = texts.iter().map(|t| uid_lines(t)).collect();
    // Where a UID is first written: its file and line.
    let place = |uid: &str| -> (usize, usize) {
        lines.iter().enumerate().find_map(|(f, l)| l.get(uid).map(|&line| (f, line))).unwrap_or((0, 0))
    };
    let expanded = series::expand(&mut cals, window);
    for (uid, kind) in expanded.skipped {
        let (f, line) = place(&uid);
        if let Some(h) = out.get_mut(f).and_then(Option::as_mut) {
            h.problems.push(Problem::new(line, kind));
        }
    }
    // What each event says once, however many occurrences it has (an event with
    // 100,000 excluded dates is not read again for each).
    let mut events: HashMap<(usize, usize), Option<Event>> = HashMap::new();
    for o in expanded.occurrences {
        let start = o.start.with_timezone(&Utc);
        if start > window.now {
            continue;
        }
        let on = match o.start.timezone() {
            Tz::Floating => o.start.date_naive(),
            _ => window.zone.day(start),
        };
        if window.before(on) {
            continue;
        }
        let f = file_of[o.cal];
        let comp = &cals[o.cal].components[o.comp];
        let Some(event) = events.entry((o.cal, o.comp)).or_insert_with(|| Event::of(comp, &lines[f])) else {
            continue;
        };
        let key = match o.stamp {
            Some(stamp) => format!("{}/{stamp}", event.uid),
            None => event.uid.clone(),
        };
        let Some(h) = out[f].as_mut() else { continue };
        h.found.push(Found {
            from: Origin::Calendar,
            exchange: key.clone(),
            key,
            on,
            at: start,
            kind: Kind::Meeting,
            title: event.title.clone(),
            people: event.people.clone(),
            opener: event.organiser,
            meeting: true,
            line: event.line,
        });
    }
    for ((cal, _), e) in &events {
        if e.is_none()
            && let Some(h) = out[file_of[*cal]].as_mut()
        {
            h.skip(Skip::NotMeeting, 1);
        }
    }
    out
}

fn is_event(comp: &ICalendarComponent) -> bool {
    comp.component_type == ICalendarComponentType::VEvent
}

/// What a meeting's occurrences share.
struct Event {
    uid: String,
    title: Option<String>,
    people: Vec<Person>,
    organiser: Option<usize>,
    line: usize,
}

impl Event {
    /// None when the event is no meeting with anyone: cancelled, an all-day event
    /// without attendees, or no one with an address in it.
    fn of(comp: &ICalendarComponent, lines: &HashMap<&str, usize>) -> Option<Event> {
        if matches!(comp.status(), Some(ICalendarStatus::Cancelled)) || (all_day(comp) && !has_attendees(comp)) {
            return None;
        }
        let (people, organiser) = people(comp);
        if people.is_empty() {
            return None;
        }
        let uid = comp.uid().unwrap_or_default().to_string();
        Some(Event {
            line: lines.get(uid.as_str()).copied().unwrap_or(0),
            uid,
            title: text_of(comp, &ICalendarProperty::Summary).and_then(super::title),
            people,
            organiser,
        })
    }
}

/// A Google export's calendar name, when it is its owner's address.
fn owner(cal: &ICalendar, harvest: &mut Harvest) {
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

#[cfg(test)]
mod shapes;
