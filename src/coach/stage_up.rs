//! When to suggest moving someone up a stage (stranger → acquaintance → connection).
//!
//! The rule: a stranger or acquaintance with at least 3 conversations in the last 90
//! days, at least one of which they started, counted since you last changed their
//! stage. A conversation is a meeting, call, message, email or other exchange; being at
//! the same event or being introduced is not yet a conversation. Connections and people
//! you trust are not suggested: moving them further is a judgement about trust, not a count.

use super::index::Index;
use crate::i18n::Lang;
use crate::model::{Contact, Interaction, Kind, Network, Stage};
use crate::t;
use chrono::{Days, NaiveDate};
use serde::Serialize;
use uuid::Uuid;

/// Conversations needed before a stage-up is suggested.
pub const CONVERSATIONS: usize = 3;
/// Of those, how many they must have started.
pub const THEY_STARTED: usize = 1;
/// How far back conversations count.
pub const WINDOW_DAYS: u64 = 90;

/// A suggestion to move someone up one stage, with the figures behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageUp {
    pub contact: Uuid,
    #[serde(skip)]
    pub name: String,
    #[serde(skip)]
    pub handle: String,
    pub from: Stage,
    pub to: Stage,
    /// Conversations counted, and how many of them they started.
    pub conversations: usize,
    pub they_started: usize,
    /// The day the evidence starts: the first conversation counted (within 90 days,
    /// after the last stage change). It stays the same from day to day until that
    /// conversation leaves the window.
    pub since: NaiveDate,
    /// `since` is the day you met them: the run began with your first meeting.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub since_met: bool,
}

impl StageUp {
    /// "ready to move up to acquaintance: 4 conversations since …, 1 started by them".
    pub fn because(&self, lang: Lang) -> String {
        let (n, k, since, to) = (self.conversations, self.they_started, self.since, self.to.label(lang));
        // The span starts at the first conversation counted, never a day before it.
        if self.since_met {
            return t!(
                lang,
                "ready to move up to {to}: {n} conversations since you met on {since}, {k} started by them",
                "siap naik menjadi {to}: {n} percakapan sejak bertemu pada {since}, {k} di antaranya dimulai olehnya"
            );
        }
        t!(
            lang,
            "ready to move up to {to}: {n} conversations since {since}, {k} started by them",
            "siap naik menjadi {to}: {n} percakapan sejak {since}, {k} di antaranya dimulai olehnya"
        )
    }

    /// The command that makes the move.
    pub fn command(&self) -> String {
        format!("jejaring edit {} --stage {}", self.handle, self.to.key())
    }

    /// The whole suggestion on one line, with the person's name and the command.
    pub fn describe(&self, lang: Lang) -> String {
        format!("{}: {} — `{}`", self.name, self.because(lang), self.command())
    }
}

/// Everyone the rule suggests moving up, by name.
pub fn ready(net: &Network, today: NaiveDate) -> Vec<StageUp> {
    let index = Index::new(net);
    let mut ups: Vec<StageUp> = net.contacts.iter().filter_map(|c| check(&index, c, today)).collect();
    ups.sort_by(|a, b| a.name.cmp(&b.name));
    ups
}

/// The suggestion for one contact, if the rule holds for them.
pub fn check(index: &Index, c: &Contact, today: NaiveDate) -> Option<StageUp> {
    let to = match c.stage {
        Stage::Stranger => Stage::Acquaintance,
        Stage::Acquaintance => Stage::Connection,
        _ => return None,
    };
    let window_start = today.checked_sub_days(Days::new(WINDOW_DAYS)).unwrap_or(NaiveDate::MIN);
    let last_change = index.stage_changed(&c.id);
    let talks = conversations(index.interactions(&c.id), window_start, last_change, today);
    let (conversations, they_started) = (talks.len(), talks.iter().filter(|i| i.they_reached_out).count());
    // The evidence starts with the first conversation counted: not the window's edge,
    // which moves every day, nor the last conversation.
    let since = talks.iter().map(|i| i.on).min()?;
    let since_met = c.met_on == Some(since);
    (conversations >= CONVERSATIONS && they_started >= THEY_STARTED).then(|| StageUp {
        contact: c.id,
        name: c.name.clone(),
        handle: c.handle.clone(),
        from: c.stage.clone(),
        to,
        conversations,
        they_started,
        since,
        since_met,
    })
}

/// Conversations from `window_start` to `today`, after the last stage change. A
/// change's own day counts toward the old stage.
fn conversations<'a>(
    interactions: &[&'a Interaction],
    window_start: NaiveDate,
    last_change: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<&'a Interaction> {
    interactions
        .iter()
        .copied()
        .filter(|i| i.on >= window_start && i.on <= today && last_change.is_none_or(|d| i.on > d))
        .filter(|i| !matches!(i.kind, Kind::Event | Kind::Intro))
        // A message only one side wrote is no conversation (see `Interaction::two_way`).
        .filter(|i| i.two_way())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Interaction, Kind, StageChange};
    use chrono::{TimeZone, Utc};
    use serde_json::Map;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn today() -> NaiveDate {
        day("2026-12-28")
    }

    fn net_with(stage: Stage) -> (Network, Uuid) {
        let mut net = Network::default();
        let mut c = Contact::new(
            Uuid::now_v7(),
            "kofi".into(),
            "Kofi".into(),
            Utc.with_ymd_and_hms(2026, 11, 16, 0, 0, 0).unwrap(),
        );
        c.stage = stage;
        let id = c.id;
        net.contacts.push(c);
        (net, id)
    }

    fn talk(net: &mut Network, id: Uuid, on: &str, kind: Kind, they: bool) {
        let mut i = Interaction::new(vec![id], kind, day(on), Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap());
        i.they_reached_out = they;
        net.interactions.push(i);
    }

    fn suggestion(net: &Network) -> Option<StageUp> {
        ready(net, today()).into_iter().next()
    }

    #[test]
    fn three_conversations_one_of_theirs_suggest_the_next_stage() {
        let (mut net, id) = net_with(Stage::Stranger);
        talk(&mut net, id, "2026-11-16", Kind::Event, false);
        talk(&mut net, id, "2026-11-20", Kind::Message, false);
        talk(&mut net, id, "2026-12-01", Kind::Call, false);
        assert_eq!(suggestion(&net), None, "two conversations and an event are not yet enough");
        talk(&mut net, id, "2026-12-10", Kind::Meeting, false);
        assert_eq!(suggestion(&net), None, "three, but all started by you: not yet two-way");
        talk(&mut net, id, "2026-12-20", Kind::Email, true);
        let up = suggestion(&net).expect("four conversations, one of theirs");
        assert_eq!((&up.from, &up.to), (&Stage::Stranger, &Stage::Acquaintance));
        assert_eq!((up.conversations, up.they_started, up.since), (4, 1, day("2026-11-20")));
        assert_eq!(
            up.describe(Lang::En),
            "Kofi: ready to move up to acquaintance: 4 conversations since 2026-11-20, 1 started by them \
             — `jejaring edit kofi --stage acquaintance`"
        );
        assert!(up.describe(Lang::Id).starts_with("Kofi: siap naik menjadi kenalan: 4 percakapan"));
    }

    #[test]
    fn conversations_older_than_90_days_or_the_last_stage_change_do_not_count() {
        let (mut net, id) = net_with(Stage::Acquaintance);
        talk(&mut net, id, "2026-09-01", Kind::Call, true);
        talk(&mut net, id, "2026-11-01", Kind::Call, false);
        talk(&mut net, id, "2026-12-01", Kind::Call, false);
        assert_eq!(suggestion(&net), None, "the one they started is more than 90 days old");
        talk(&mut net, id, "2026-12-15", Kind::Message, true);
        assert_eq!(suggestion(&net).map(|u| u.to), Some(Stage::Connection));
        // Moved up to acquaintance on 2026-12-01: only what came after counts.
        net.stage_changes.push(StageChange {
            contact: id,
            from: Stage::Stranger,
            to: Stage::Acquaintance,
            on: day("2026-12-01"),
            at: Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
            extra: Map::new(),
        });
        assert_eq!(suggestion(&net), None);
    }

    #[test]
    fn since_is_the_first_conversation_counted_whatever_the_day() {
        let (mut net, id) = net_with(Stage::Stranger);
        net.contacts[0].met_on = Some(day("2026-11-16"));
        talk(&mut net, id, "2026-11-16", Kind::Event, false);
        talk(&mut net, id, "2026-11-20", Kind::Message, false);
        talk(&mut net, id, "2026-12-01", Kind::Call, false);
        talk(&mut net, id, "2026-12-20", Kind::Email, true);
        // The evidence starts with the message: the same day on each day it is read.
        for today in ["2026-12-20", "2026-12-28", "2027-01-15", "2027-02-18"] {
            let up = ready(&net, day(today)).into_iter().next().expect(today);
            assert_eq!((up.since, up.conversations, up.since_met), (day("2026-11-20"), 3, false), "{today}");
            assert!(up.because(Lang::En).ends_with("3 conversations since 2026-11-20, 1 started by them"), "{today}");
            assert!(up.because(Lang::Id).contains("3 percakapan sejak 2026-11-20, 1 di antaranya"), "{today}");
        }
        // Once the message is more than 90 days old the run is too short: no suggestion.
        assert_eq!(ready(&net, day("2027-02-19")), vec![]);
        // A call on the day you met starts the run: "since you met".
        talk(&mut net, id, "2026-11-16", Kind::Call, false);
        let up = ready(&net, day("2026-12-28")).into_iter().next().unwrap();
        assert_eq!((up.since, up.conversations, up.since_met), (day("2026-11-16"), 4, true));
        assert!(up.because(Lang::En).ends_with("4 conversations since you met on 2026-11-16, 1 started by them"));
    }

    #[test]
    fn connections_and_trusted_people_are_not_suggested() {
        for stage in [Stage::Connection, Stage::Trusted] {
            let (mut net, id) = net_with(stage);
            for d in ["2026-12-01", "2026-12-05", "2026-12-09"] {
                talk(&mut net, id, d, Kind::Call, true);
            }
            assert_eq!(suggestion(&net), None);
        }
    }
}
