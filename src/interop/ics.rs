//! iCalendar out: jejaring's dates as all-day events for a calendar app.
//!
//! The writer takes generic all-day events (`model::day_event`); which dates a calendar
//! holds, and how each is worded, is the coach's business (`coach::reminders`). Each event's UID is derived from the record it comes from, so
//! importing a newer export into the same calendar updates events instead of doubling
//! them; SEQUENCE grows with the export time so calendars take the newer version.

use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarParameter, ICalendarProperty, ICalendarValue,
    ICalendarValueType,
};
use chrono::{DateTime, Datelike, Days, NaiveDate, Timelike, Utc};

pub use crate::model::day_event::{DayEvent, sort};

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
}
