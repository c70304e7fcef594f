//! A file's events as occurrences inside the import window. calcard expands a repeat
//! rule; what it does not do as people's calendars need is done here around it:
//!
//! - Of several versions of one event (iTIP sends one per change, in separate
//!   VCALENDARs), only the highest SEQUENCE counts (the later one on a tie).
//! - A moved occurrence (RECURRENCE-ID) replaces the occurrence of its own UID's
//!   series that starts at that instant, however the instant is written (UTC or a
//!   TZID). calcard pairs an override with any series at that time, so every override
//!   is given a SEQUENCE no series has and the pairing is made here.
//! - Every RRULE of an event counts, not only its last one.
//! - A rule more often than daily (SECONDLY, MINUTELY, HOURLY, or several times a day
//!   through BYHOUR/BYMINUTE/BYSECOND) is a reminder, not a meeting: the event is
//!   skipped and named.
//! - Every rule ends at `now`, and one with no COUNT starts shortly before `--since`:
//!   expanding costs the occurrences kept, and at most one a day.

use super::super::{ProblemKind, Window};
use calcard::common::PartialDateTime;
use calcard::common::timezone::Tz;
use calcard::icalendar::timezone::TzResolver;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarFrequency, ICalendarProperty,
    ICalendarRecurrenceRule, ICalendarValue,
};
use chrono::{DateTime, Datelike, Months, NaiveDateTime, TimeDelta, TimeZone, Timelike};
use std::collections::{HashMap, HashSet};

/// One occurrence of an event.
#[derive(Debug)]
pub struct Occurrence {
    /// Which calendar of the file, and which component in it.
    pub cal: usize,
    pub comp: usize,
    pub start: DateTime<Tz>,
    /// The occurrence's original start in its series' zone (`20261105T090000`), the
    /// same in every export; None for an event that does not repeat.
    pub stamp: Option<String>,
}

/// The occurrences, and the events skipped with why (by UID).
#[derive(Debug, Default)]
pub struct Expanded {
    pub occurrences: Vec<Occurrence>,
    pub skipped: Vec<(String, ProblemKind)>,
}

const DROPPED: &str = "X-JEJARING-SKIPPED";

fn is_event(comp: &ICalendarComponent) -> bool {
    comp.component_type == ICalendarComponentType::VEvent
}

fn sequence(comp: &ICalendarComponent) -> i64 {
    comp.property(&ICalendarProperty::Sequence).and_then(|e| e.values.first()).and_then(|v| v.as_integer()).unwrap_or(0)
}

fn rules(comp: &ICalendarComponent) -> impl Iterator<Item = &ICalendarRecurrenceRule> {
    comp.entries.iter().filter(|e| e.name == ICalendarProperty::Rrule).flat_map(|e| &e.values).filter_map(|v| match v {
        ICalendarValue::RecurrenceRule(r) => Some(&**r),
        _ => None,
    })
}

/// More often than once a day.
fn sub_daily(rule: &ICalendarRecurrenceRule) -> bool {
    let per_day = rule.byhour.len().max(1) * rule.byminute.len().max(1) * rule.bysecond.len().max(1);
    rule.freq > ICalendarFrequency::Daily || per_day > 1
}

/// A property's date-time as written, with its TZID.
fn written<'a>(
    comp: &'a ICalendarComponent,
    prop: &ICalendarProperty,
) -> Option<(&'a PartialDateTime, Option<&'a str>)> {
    let entry = comp.property(prop)?;
    Some((entry.values.first()?.as_partial_date_time()?, entry.tz_id()))
}

/// The instant a date-time names: its own offset, else its TZID, else `zone`.
fn instant(
    resolver: &calcard::icalendar::timezone::TzResolver<&str>,
    dt: &PartialDateTime,
    tzid: Option<&str>,
    zone: Tz,
) -> Option<DateTime<Tz>> {
    let tz = tzid.and_then(|t| resolver.resolve(t)).unwrap_or(zone);
    dt.to_date_time()?.to_date_time_with_tz(tz)
}

fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// An event's identity among its versions: its UID and which occurrence it is.
type Version = (String, Option<i64>);

/// The events that do not count, by (calendar, component): versions of an event
/// with a lower SEQUENCE than another (the earlier one on a tie), and every part of
/// an event that repeats more often than daily. Also the UIDs of those, in order.
fn versions(cals: &[ICalendar], resolvers: &[TzResolver<&str>]) -> (HashSet<(usize, usize)>, Vec<String>) {
    let mut best: HashMap<Version, (i64, usize, usize)> = HashMap::new();
    let mut losers: HashSet<(usize, usize)> = HashSet::new();
    let mut too_often: Vec<String> = Vec::new();
    let mut too_often_set: HashSet<&str> = HashSet::new();
    for (c, cal) in cals.iter().enumerate() {
        for (i, comp) in cal.components.iter().enumerate().filter(|(_, c)| is_event(c)) {
            let Some(uid) = comp.uid() else { continue };
            if rules(comp).any(sub_daily) && too_often_set.insert(uid) {
                too_often.push(uid.to_string());
            }
            let start_tz = written(comp, &ICalendarProperty::Dtstart).and_then(|(_, t)| t);
            let rid = match written(comp, &ICalendarProperty::RecurrenceId) {
                Some((dt, t)) => match instant(&resolvers[c], dt, t.or(start_tz), Tz::Floating) {
                    Some(at) => Some(at.timestamp()),
                    None => continue,
                },
                None => None,
            };
            let seq = sequence(comp);
            match best.insert((uid.to_string(), rid), (seq, c, i)) {
                Some((old, oc, oi)) if old > seq => {
                    best.insert((uid.to_string(), rid), (old, oc, oi));
                    losers.insert((c, i));
                }
                Some((_, oc, oi)) => {
                    losers.insert((oc, oi));
                }
                None => {}
            }
        }
    }
    for (c, cal) in cals.iter().enumerate() {
        for (i, comp) in cal.components.iter().enumerate().filter(|(_, c)| is_event(c)) {
            if comp.uid().is_some_and(|u| too_often_set.contains(u)) {
                losers.insert((c, i));
            }
        }
    }
    (losers, too_often)
}

pub fn expand(cals: &mut [ICalendar], window: &Window) -> Expanded {
    let mut out = Expanded::default();
    let resolvers: Vec<_> = cals.iter().map(|c| c.build_tz_resolver()).collect();

    let (losers, too_often) = versions(cals, &resolvers);
    for uid in too_often {
        out.skipped.push((uid.clone(), ProblemKind::TooOften { uid }));
    }

    // The series' zones, for overrides in another VCALENDAR of the file.
    let mut series_tz: HashMap<String, Tz> = HashMap::new();
    for (c, cal) in cals.iter().enumerate() {
        for (i, comp) in cal.components.iter().enumerate().filter(|(_, c)| is_event(c)) {
            if comp.has_property(&ICalendarProperty::RecurrenceId) || losers.contains(&(c, i)) {
                continue;
            }
            if let (Some(uid), Some((_, tzid))) = (comp.uid(), written(comp, &ICalendarProperty::Dtstart)) {
                let tz = tzid.and_then(|t| resolvers[c].resolve(t)).unwrap_or(Tz::Floating);
                series_tz.insert(uid.to_string(), tz);
            }
        }
    }
    drop(resolvers);
    for (c, i) in losers {
        cals[c].components[i].component_type = ICalendarComponentType::Other(DROPPED.into());
    }

    let mut series = Vec::new();
    let mut moved: HashSet<(String, i64)> = HashSet::new();
    let mut infos: Vec<Vec<Info>> = Vec::with_capacity(cals.len());
    for (c, cal) in cals.iter_mut().enumerate() {
        let limit = prepare(cal, window);
        let expanded = cal.expand_dates(Tz::Floating, limit);
        // Read once per event: an event's properties are not searched again for each
        // of its occurrences (100,000 excluded dates would make that quadratic).
        let info: Vec<Info> = cal.components.iter().map(Info::of).collect();
        for e in expanded.errors {
            let uid = cal.components.get(e.comp_id as usize).and_then(|c| c.uid()).unwrap_or_default();
            out.skipped.push((uid.to_string(), ProblemKind::BadEvent { uid: uid.to_string() }));
        }
        let resolver = cal.build_tz_resolver();
        for event in expanded.events {
            let i = event.comp_id as usize;
            let Some(comp) = cal.components.get(i).filter(|c| is_event(c)) else { continue };
            if !info[i].rid {
                series.push((c, i, event.start));
                continue;
            }
            let uid = info[i].uid.as_str();
            if let Some((dt, tzid)) = written(comp, &ICalendarProperty::RecurrenceId) {
                // A moved occurrence: its series' occurrence at that instant is replaced.
                let tz = series_tz.get(uid).copied();
                let start_tz = written(comp, &ICalendarProperty::Dtstart).and_then(|(_, t)| t);
                let at = instant(&resolver, dt, tzid.or(start_tz), tz.unwrap_or(Tz::Floating));
                let stamp = match (at, tz) {
                    (Some(at), Some(tz)) => {
                        moved.insert((uid.to_string(), at.timestamp()));
                        stamp(local(at, tz))
                    }
                    (Some(at), None) => stamp(at.naive_local()),
                    (None, _) => dt.to_date_time().map(|d| stamp(d.date_time)).unwrap_or_default(),
                };
                out.occurrences.push(Occurrence { cal: c, comp: i, start: event.start, stamp: Some(stamp) });
            }
        }
        infos.push(info);
    }
    let mut seen: HashSet<(String, i64)> = HashSet::new();
    for (c, i, start) in series {
        let info = &infos[c][i];
        let at = (info.uid.clone(), start.timestamp());
        if moved.contains(&at) || !seen.insert(at) {
            continue;
        }
        let stamp = info.recurrent.then(|| stamp(start.naive_local()));
        out.occurrences.push(Occurrence { cal: c, comp: i, start, stamp });
    }
    out.occurrences.sort_by_key(|o| (o.start.timestamp(), o.cal, o.comp));
    out
}

/// What an event is, read in one pass over its properties.
struct Info {
    uid: String,
    /// It is a moved occurrence (RECURRENCE-ID).
    rid: bool,
    /// It repeats or is an occurrence of something that does.
    recurrent: bool,
}

impl Info {
    fn of(comp: &ICalendarComponent) -> Info {
        let mut info = Info { uid: String::new(), rid: false, recurrent: false };
        for e in &comp.entries {
            match e.name {
                ICalendarProperty::Uid if info.uid.is_empty() => {
                    info.uid = e.values.first().and_then(|v| v.as_text()).unwrap_or_default().to_string();
                }
                ICalendarProperty::RecurrenceId => (info.rid, info.recurrent) = (true, true),
                ICalendarProperty::Rrule | ICalendarProperty::Rdate => info.recurrent = true,
                _ => {}
            }
        }
        info
    }
}

/// Readies one calendar for calcard: overrides kept from its pairing, each RRULE an
/// event of its own, every rule cut to the window. Returns how many occurrences the
/// rules can yield at most (one a day each).
fn prepare(cal: &mut ICalendar, window: &Window) -> usize {
    let mut clones = Vec::new();
    for (i, comp) in cal.components.iter_mut().enumerate().filter(|(_, c)| is_event(c)) {
        comp.entries.retain(|e| e.name != ICalendarProperty::Sequence);
        if comp.has_property(&ICalendarProperty::RecurrenceId) {
            comp.entries.push(calcard::icalendar::ICalendarEntry {
                name: ICalendarProperty::Sequence,
                params: Vec::new(),
                values: vec![ICalendarValue::Integer(i as i64)],
            });
            continue;
        }
        let at: Vec<usize> = comp
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.name == ICalendarProperty::Rrule)
            .map(|(j, _)| j)
            .collect();
        for &j in at.iter().skip(1) {
            let mut one = comp.clone();
            let keep = one.entries[j].clone();
            one.entries.retain(|e| e.name != ICalendarProperty::Rrule && e.name != ICalendarProperty::Rdate);
            one.entries.push(keep);
            clones.push(one);
        }
        for &j in at.iter().skip(1).rev() {
            comp.entries.remove(j);
        }
    }
    cal.components.extend(clones);
    let mut limit = 0usize;
    for comp in cal.components.iter_mut().filter(|c| is_event(c)) {
        if let Some(days) = cut(comp, window) {
            limit = limit.saturating_add(days);
        }
    }
    limit
}

/// The window's end as an UNTIL.
fn until(now: DateTime<chrono::Utc>) -> PartialDateTime {
    PartialDateTime {
        year: Some(now.year() as u16),
        month: Some(now.month() as u8),
        day: Some(now.day() as u8),
        hour: Some(now.hour() as u8),
        minute: Some(now.minute() as u8),
        second: Some(now.second() as u8),
        tz_hour: Some(0),
        tz_minute: Some(0),
        tz_minus: false,
    }
}

/// Ends an event's rule at `now` and, when it has no COUNT, moves its start to the
/// last whole period before `--since`. Returns the days its rule spans then.
fn cut(comp: &mut ICalendarComponent, window: &Window) -> Option<usize> {
    let (start, count, step) = {
        let rule = rules(comp).next()?;
        let start = written(comp, &ICalendarProperty::Dtstart)?.0.to_date_time()?.date_time;
        let interval = u32::from(rule.interval.unwrap_or(1).max(1));
        let step = match rule.freq {
            ICalendarFrequency::Daily => Step::Days(interval),
            ICalendarFrequency::Weekly => Step::Days(7 * interval),
            ICalendarFrequency::Monthly => Step::Months(interval),
            _ => Step::Months(12 * interval),
        };
        (start, rule.count, step)
    };
    let end = until(window.now);
    for entry in comp.entries.iter_mut().filter(|e| e.name == ICalendarProperty::Rrule) {
        for value in &mut entry.values {
            if let ICalendarValue::RecurrenceRule(rule) = value {
                let later = rule
                    .until
                    .as_ref()
                    .and_then(|u| u.to_date_time_with_tz(Tz::UTC))
                    .is_none_or(|u| u.timestamp() > window.now.timestamp());
                if later {
                    rule.until = Some(end.clone());
                }
            }
        }
    }
    let mut first = start;
    if let (None, Some(since)) = (count, window.since)
        && let Some(moved) = step.before(start, since.and_time(chrono::NaiveTime::MIN))
    {
        let by = moved - start;
        shift(comp, &ICalendarProperty::Dtstart, by);
        shift(comp, &ICalendarProperty::Dtend, by);
        first = moved;
    }
    let days = (window.now.naive_utc() - first).num_days().max(0) as usize;
    Some(days.saturating_add(2))
}

#[derive(Clone, Copy)]
enum Step {
    Days(u32),
    Months(u32),
}

impl Step {
    /// The latest start a whole number of periods after `start` that is still a
    /// period before `since`; None when `start` is already that close.
    fn before(self, start: NaiveDateTime, since: NaiveDateTime) -> Option<NaiveDateTime> {
        match self {
            Step::Days(d) => {
                let periods = (since - start).num_days() / i64::from(d) - 1;
                (periods > 0).then(|| start + TimeDelta::days(periods * i64::from(d)))
            }
            Step::Months(m) => {
                // Whole months keep the day only when every month has it.
                if start.day() > 28 {
                    return None;
                }
                let months = (since.year() - start.year()) * 12 + since.month() as i32 - start.month() as i32;
                let periods = months / m as i32 - 1;
                (periods > 0).then(|| start.checked_add_months(Months::new(periods as u32 * m))).flatten()
            }
        }
    }
}

/// Moves a date-time property by a duration, keeping how it is written.
fn shift(comp: &mut ICalendarComponent, prop: &ICalendarProperty, by: TimeDelta) {
    let Some(entry) = comp.property_mut(prop) else { return };
    let Some(ICalendarValue::PartialDateTime(dt)) = entry.values.first_mut() else { return };
    let Some(at) = dt.to_date_time().and_then(|d| d.date_time.checked_add_signed(by)) else { return };
    let Ok(year) = u16::try_from(at.year()) else { return };
    dt.year = Some(year);
    dt.month = Some(at.month() as u8);
    dt.day = Some(at.day() as u8);
    if dt.has_time() {
        dt.hour = Some(at.hour() as u8);
        dt.minute = Some(at.minute() as u8);
        dt.second = Some(at.second() as u8);
    }
}

/// An instant as the clock on the wall of `tz` shows it.
pub fn local(at: DateTime<Tz>, tz: Tz) -> NaiveDateTime {
    tz.from_utc_datetime(&at.naive_utc()).naive_local()
}
