//! The reminders a calendar holds, built once for both `export ics` and the calendar a
//! sync keeps (`sync::calendar`), so the two hold the same dates as `today` and `list
//! --due`: each person's next keep-in-touch day by the rhythm in force (the one you
//! chose, the follow-up rhythm of someone newly met, or the stage's default — the same
//! due day `list --due`, `select` and `show` use), open promises on their due day,
//! active goals' deadlines and milestones, and, when asked, birthdays.
//!
//! Birthdays are an option because of where the events go: a phone already shows the
//! birthday of every card with a BDAY in its own birthday calendar, and a sync puts
//! each birthday on the card, so the synced calendar leaves them out rather than show
//! each twice; an exported `.ics` file may be read by a calendar with no address book,
//! so it keeps them. A date already past is put on `today`: a calendar shows nothing
//! useful on a day gone by.

use super::cadence::{self, FollowUp};
use crate::i18n::Lang;
use crate::model::day_event::{self, DayEvent};
use crate::model::{Contact, Network};
use crate::t;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use uuid::Uuid;

pub use super::reminder_dates::{goal_deadlines, promise_deadlines};

/// What to put in besides keep-in-touch days and promises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Each person's next birthday (see the module note).
    pub birthdays: bool,
    /// Goals' deadlines and milestones (they belong to the whole network, not to the
    /// people a filter picks).
    pub goals: bool,
}

/// The reminders for `contacts` (all of the network's, or those a filter picked), in
/// calendar order.
pub fn build(net: &Network, contacts: &[&Contact], today: NaiveDate, lang: Lang, options: Options) -> Vec<DayEvent> {
    let mut events = keep_in_touch(contacts.iter().copied(), &net.last_contacted(), today, lang);
    if options.birthdays {
        events.extend(birthdays(contacts.iter().copied(), today, lang));
    }
    let names: FxHashMap<Uuid, &str> = contacts.iter().map(|c| (c.id, c.name.as_str())).collect();
    events.extend(promise_deadlines(&net.promises, |id| names.get(id).copied(), today, lang));
    if options.goals {
        events.extend(goal_deadlines(&net.goals, today, lang));
    }
    day_event::sort(&mut events);
    events
}

/// Keep-in-touch days: for each contact, the day the next contact is due by the
/// rhythm in force (`cadence::next_due`), or the end of a snooze if that is later.
/// `last` is each contact's last interaction day (`Network::last_contacted`).
pub fn keep_in_touch<'a>(
    contacts: impl IntoIterator<Item = &'a Contact>,
    last: &FxHashMap<Uuid, NaiveDate>,
    today: NaiveDate,
    lang: Lang,
) -> Vec<DayEvent> {
    let mut events: Vec<DayEvent> = contacts
        .into_iter()
        .map(|c| {
            let since = last.get(&c.id).copied();
            let due = cadence::next_due(c, since, today).max(c.snoozed_until.unwrap_or(NaiveDate::MIN));
            let name = &c.name;
            let rhythm = cadence::rhythm(c, since, today);
            let summary = match (rhythm.follow_up, due < today) {
                (Some(FollowUp::First), true) => {
                    t!(lang, "Overdue: follow up with {name}", "Terlambat: tindak lanjuti {name}")
                }
                (Some(FollowUp::First), false) => t!(lang, "Follow up with {name}", "Tindak lanjuti {name}"),
                (_, true) => t!(lang, "Overdue: get in touch with {name}", "Terlambat: hubungi {name}"),
                (_, false) => t!(lang, "Get in touch with {name}", "Hubungi {name}"),
            };
            let why = why(c, rhythm, lang);
            let description = match since {
                Some(d) => t!(lang, "{why}; you last talked on {d}.", "{why}; terakhir bicara pada {d}."),
                None => t!(lang, "{why}; no conversation logged yet.", "{why}; belum ada percakapan tercatat."),
            };
            DayEvent {
                uid: format!("{}-keep-in-touch@jejaring", c.id),
                date: due.max(today),
                summary,
                description: Some(description),
            }
        })
        .collect();
    day_event::sort(&mut events);
    events
}

/// The rhythm in force, as the event's description says it.
fn why(c: &Contact, rhythm: cadence::Rhythm, lang: Lang) -> String {
    if let Some(every) = c.every.filter(|_| rhythm.chosen) {
        let every = every.every(lang);
        return t!(lang, "You wanted to be in touch {every}", "Anda ingin berkontak {every}");
    }
    let met = c.met_on.map(|d| d.to_string()).unwrap_or_default();
    let days = rhythm.days;
    match rhythm.follow_up {
        Some(FollowUp::First) => t!(
            lang,
            "Met on {met}: a first follow-up within a week keeps the door open",
            "Bertemu pada {met}: tindak lanjut pertama dalam seminggu menjaga pintu tetap terbuka"
        ),
        Some(FollowUp::Monthly) => t!(
            lang,
            "Met on {met}: about monthly for the first 30 days",
            "Bertemu pada {met}: sekitar sebulan sekali selama 30 hari pertama"
        ),
        None => t!(
            lang,
            "About every {days} days, the default for their stage (choose your own with `jejaring edit NAME --every 30d`)",
            "Sekitar setiap {days} hari, bawaan untuk tahapnya (pilih sendiri dengan `jejaring edit NAMA --every 30h`)"
        ),
    }
}

/// Each contact's next birthday, with the age they reach when the year is known.
pub fn birthdays<'a>(contacts: impl IntoIterator<Item = &'a Contact>, today: NaiveDate, lang: Lang) -> Vec<DayEvent> {
    contacts
        .into_iter()
        .filter_map(|c| {
            let on = c.birthday?.next_on(today)?;
            let name = &c.name;
            let summary = match c.birthday?.turns_on(on) {
                Some(age) => t!(lang, "{name}'s birthday ({age})", "Ulang tahun {name} (ke-{age})"),
                None => t!(lang, "{name}'s birthday", "Ulang tahun {name}"),
            };
            Some(DayEvent { uid: format!("{}-birthday@jejaring", c.id), date: on, summary, description: None })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Interaction, Kind, Network};
    use chrono::{TimeZone, Utc};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn network() -> Network {
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
        let mut net = Network::default();
        let mut a = Contact::new(Uuid::now_v7(), "aaaa".into(), "Ayu".into(), now);
        a.every = Some("30d".parse().unwrap());
        a.birthday = Some("1990-12-02".parse().unwrap());
        let mut b = Contact::new(Uuid::now_v7(), "bbbb".into(), "Budi".into(), now);
        b.every = Some("1w".parse().unwrap());
        // No rhythm of her own: the stage's default.
        let c = Contact::new(Uuid::now_v7(), "cccc".into(), "Citra".into(), now);
        // Met last week, entered the same day: the first follow-up is due.
        let mut d = Contact::new(
            Uuid::now_v7(),
            "dddd".into(),
            "Dewi".into(),
            Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
        );
        d.met_on = Some(day("2026-11-20"));
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
        net.contacts.extend([a, b, c, d]);
        net
    }

    fn summaries(events: &[DayEvent]) -> Vec<(String, NaiveDate)> {
        events.iter().map(|e| (e.summary.clone(), e.date)).collect()
    }

    #[test]
    fn every_rhythm_in_force_has_its_day_as_list_due_says() {
        let net = network();
        let today = day("2026-11-28");
        let all: Vec<&Contact> = net.contacts.iter().collect();
        let events = build(&net, &all, today, Lang::En, Options { birthdays: false, goals: true });
        let last = net.last_contacted();
        for c in &net.contacts {
            let e = events.iter().find(|e| e.uid == format!("{}-keep-in-touch@jejaring", c.id)).unwrap();
            assert_eq!(e.date, cadence::next_due(c, last.get(&c.id).copied(), today).max(today), "{}", c.name);
        }
        let s = summaries(&events);
        assert!(s.contains(&("Overdue: get in touch with Budi".into(), today)), "{s:?}");
        assert!(s.contains(&("Get in touch with Ayu".into(), day("2026-12-20"))), "{s:?}");
        assert!(s.contains(&("Overdue: follow up with Dewi".into(), today)), "{s:?}");
        let citra = events.iter().find(|e| e.summary.contains("Citra")).unwrap();
        assert!(citra.description.as_deref().unwrap().contains("default for their stage"), "{citra:?}");
        assert!(!events.iter().any(|e| e.uid.ends_with("-birthday@jejaring")), "birthdays only when asked");
    }

    #[test]
    fn birthdays_when_asked_and_a_snooze_moves_the_day() {
        let mut net = network();
        let today = day("2026-11-28");
        net.contacts[1].snoozed_until = Some(day("2026-12-15"));
        let all: Vec<&Contact> = net.contacts.iter().collect();
        let events = build(&net, &all, today, Lang::En, Options { birthdays: true, goals: true });
        let s = summaries(&events);
        assert!(s.contains(&("Ayu's birthday (36)".into(), day("2026-12-02"))), "{s:?}");
        assert!(s.contains(&("Get in touch with Budi".into(), day("2026-12-15"))), "{s:?}");
        let id = build(&net, &all, today, Lang::Id, Options { birthdays: true, goals: true });
        assert!(id.iter().any(|e| e.summary == "Ulang tahun Ayu (ke-36)"));
    }
}
