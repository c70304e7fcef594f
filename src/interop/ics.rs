//! iCalendar out: jejaring's dates as all-day events for a calendar app.
//!
//! The writer takes generic all-day events, so every kind of date (keep-in-touch dates
//! here; promise and goal deadlines in `ics_dates`) is one more list of `DayEvent`s fed
//! to the same `write`. Each event's UID is derived from the record it comes from, so
//! importing a newer export into the same calendar updates events instead of doubling
//! them; SEQUENCE grows with the export time so calendars take the newer version.

use crate::coach::cadence;
use crate::i18n::Lang;
use crate::model::Contact;
use crate::t;
use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarParameter, ICalendarProperty, ICalendarValue,
    ICalendarValueType,
};
use chrono::{DateTime, Datelike, Days, NaiveDate, Timelike, Utc};
use rustc_hash::FxHashMap;
use uuid::Uuid;

pub use super::ics_dates::{goal_deadlines, promise_deadlines};

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayEvent {
    /// Stable across exports: derived from the record's id and the kind of date.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: Option<String>,
}

/// Keep-in-touch dates: for each contact with a cadence, the day the next contact is
/// due (see `coach::cadence::next_due`), or the end of a snooze if that is later. A date already past
/// is put on `today`, since a calendar shows nothing useful on a day gone by.
/// `last` is each contact's last interaction day (`Network::last_contacted`).
pub fn keep_in_touch<'a>(
    contacts: impl IntoIterator<Item = &'a Contact>,
    last: &FxHashMap<Uuid, NaiveDate>,
    today: NaiveDate,
    lang: Lang,
) -> Vec<DayEvent> {
    let mut events: Vec<DayEvent> = contacts
        .into_iter()
        .filter_map(|c| {
            let every = c.every?.every(lang);
            let since = last.get(&c.id).copied();
            // The same due day `list --due` and `select` use, moved past a snooze.
            let due = cadence::next_due(c, since, today).max(c.snoozed_until.unwrap_or(NaiveDate::MIN));
            let name = &c.name;
            let summary = if due < today {
                t!(lang, "Overdue: get in touch with {name}", "Terlambat: hubungi {name}")
            } else {
                t!(lang, "Get in touch with {name}", "Hubungi {name}")
            };
            let description = match since {
                Some(d) => t!(
                    lang,
                    "You wanted to be in touch {every}; you last talked on {d}.",
                    "Anda ingin berkontak {every}; terakhir bicara pada {d}."
                ),
                None => t!(
                    lang,
                    "You wanted to be in touch {every}; no conversation logged yet.",
                    "Anda ingin berkontak {every}; belum ada percakapan tercatat."
                ),
            };
            Some(DayEvent {
                uid: format!("{}-keep-in-touch@jejaring", c.id),
                date: due.max(today),
                summary,
                description: Some(description),
            })
        })
        .collect();
    sort(&mut events);
    events
}

/// Puts events in calendar order (by day, then UID), so two exports of the same data
/// are the same file apart from the stamp.
pub fn sort(events: &mut [DayEvent]) {
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.uid.cmp(&b.uid)));
}

fn date(d: NaiveDate) -> PartialDateTime {
    PartialDateTime {
        year: u16::try_from(d.year()).ok(),
        month: u8::try_from(d.month()).ok(),
        day: u8::try_from(d.day()).ok(),
        ..PartialDateTime::default()
    }
}

fn utc(t: DateTime<Utc>) -> PartialDateTime {
    PartialDateTime {
        hour: u8::try_from(t.hour()).ok(),
        minute: u8::try_from(t.minute()).ok(),
        second: u8::try_from(t.second()).ok(),
        tz_hour: Some(0),
        tz_minute: Some(0),
        ..date(t.date_naive())
    }
}

/// Writes the events as one calendar. `stamp` is the export time (DTSTAMP, SEQUENCE).
pub fn write(events: &[DayEvent], stamp: DateTime<Utc>) -> String {
    let mut cal = ICalendarComponent::new(ICalendarComponentType::VCalendar);
    cal.add_property(ICalendarProperty::Version, "2.0");
    cal.add_property(ICalendarProperty::Prodid, "-//jejaring//jejaring//EN");
    cal.add_property(ICalendarProperty::Calscale, "GREGORIAN");
    let mut components = vec![cal];
    // Minutes since 2020 fit an integer for millennia and grow with every export.
    let sequence = (stamp.timestamp() - 1_577_836_800).max(0) / 60;
    for e in events {
        let mut ev = ICalendarComponent::new(ICalendarComponentType::VEvent);
        ev.add_uid(&e.uid);
        ev.add_dtstamp(utc(stamp));
        ev.add_sequence(sequence);
        let day = || [ICalendarParameter::value(ICalendarValueType::Date)];
        ev.add_property_with_params(ICalendarProperty::Dtstart, day(), date(e.date));
        // An all-day event ends (exclusively) on the next day.
        let next = e.date.checked_add_days(Days::new(1)).unwrap_or(e.date);
        ev.add_property_with_params(ICalendarProperty::Dtend, day(), date(next));
        ev.add_property(ICalendarProperty::Summary, ICalendarValue::Text(e.summary.clone()));
        if let Some(d) = &e.description {
            ev.add_property(ICalendarProperty::Description, ICalendarValue::Text(d.clone()));
        }
        // A reminder should not mark the whole day as busy.
        ev.add_property(ICalendarProperty::Transp, "TRANSPARENT");
        components.push(ev);
    }
    components[0].component_ids = (1..components.len() as u32).collect();
    ICalendar { components }.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Interaction, Kind, Network};
    use chrono::TimeZone;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn all_day_events_end_the_next_day_with_stable_uids() {
        let stamp = Utc.with_ymd_and_hms(2026, 11, 28, 9, 30, 0).unwrap();
        let ev = DayEvent {
            uid: "abc@jejaring".into(),
            date: day("2026-12-31"),
            summary: "Call Budi; bring the notes, please".into(),
            description: Some("line one\nline two".into()),
        };
        let ics = write(&[ev], stamp);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(ics.contains("UID:abc@jejaring\r\n"), "{ics}");
        assert!(ics.contains("DTSTART;VALUE=DATE:20261231\r\n"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20270101\r\n"), "{ics}");
        assert!(ics.contains("DTSTAMP:20261128T093000Z\r\n"), "{ics}");
        assert!(ics.contains("SUMMARY:Call Budi\\; bring the notes\\, please\r\n"), "{ics}");
        assert!(ics.contains("DESCRIPTION:line one\\nline two\r\n"), "{ics}");
        assert!(ics.trim_end().ends_with("END:VCALENDAR"));
        assert!(ICalendar::parse(&ics).is_ok());
    }

    #[test]
    fn keep_in_touch_counts_from_the_last_talk() {
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
        let mut net = Network::default();
        let mut a = Contact::new(Uuid::now_v7(), "aaaa".into(), "Ayu".into(), now);
        a.every = Some("30d".parse().unwrap());
        let mut b = Contact::new(Uuid::now_v7(), "bbbb".into(), "Budi".into(), now);
        b.every = Some("1w".parse().unwrap());
        let c = Contact::new(Uuid::now_v7(), "cccc".into(), "Citra".into(), now);
        net.interactions.push(Interaction {
            id: Uuid::now_v7(),
            contacts: vec![a.id],
            kind: Kind::Call,
            on: day("2026-11-20"),
            text: None,
            they_reached_out: false,
            logged: now,
            source: None,
            extra: Default::default(),
        });
        let aid = a.id;
        net.contacts.extend([a, b, c]);
        let events = keep_in_touch(&net.contacts, &net.last_contacted(), day("2026-11-28"), Lang::En);
        assert_eq!(events.len(), 2, "no cadence, no event");
        assert_eq!(events[0].summary, "Overdue: get in touch with Budi");
        assert_eq!(events[0].date, day("2026-11-28"));
        assert_eq!(events[1].date, day("2026-12-20"));
        assert_eq!(events[1].uid, format!("{aid}-keep-in-touch@jejaring"));

        // A snoozed contact's date waits for the end of the snooze.
        net.contacts[1].snoozed_until = Some(day("2026-12-15"));
        let events = keep_in_touch(&net.contacts, &net.last_contacted(), day("2026-11-28"), Lang::En);
        let budi = events.iter().find(|e| e.summary.contains("Budi")).unwrap();
        assert_eq!(budi.date, day("2026-12-15"));
    }
}
