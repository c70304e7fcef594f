//! Who knows whom, as the user recorded it: explicit links between two contacts
//! (`jejaring knows A B`, `add-contact --introduced-by A`) and introduction requests
//! (`jejaring intro ask A --to B`) with how they ended. Everything else the knows-whom
//! graph uses is derived from the interactions each time (`coach::graph`), never stored.

use super::Network;
use super::vocab::vocab;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// Days an introduction request waits, when no `--due` is given, before the coach
/// suggests asking again: two weeks is a kind interval to let someone find the moment.
pub const DEFAULT_WAIT_DAYS: u64 = 14;

/// "A knows B", as the user said it. Order does not matter, except for `introduced`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub id: Uuid,
    pub a: Uuid,
    pub b: Uuid,
    /// How they know each other, in the user's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<String>,
    /// `a` introduced you to `b`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub introduced: bool,
    /// The day it was true (the day recorded, or the day of the introduction).
    #[serde(deserialize_with = "super::stamp::day")]
    pub on: NaiveDate,
    #[serde(deserialize_with = "super::stamp::instant")]
    pub logged: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Link {
    pub fn new(a: Uuid, b: Uuid, on: NaiveDate, logged: DateTime<Utc>) -> Link {
        Link { id: Uuid::now_v7(), a, b, how: None, introduced: false, on, logged, extra: Map::new() }
    }

    /// Whether the link joins these two people, either way round.
    pub fn joins(&self, x: &Uuid, y: &Uuid) -> bool {
        (&self.a == x && &self.b == y) || (&self.a == y && &self.b == x)
    }

    /// The other end, when `who` is one end.
    pub fn other(&self, who: &Uuid) -> Option<Uuid> {
        if &self.a == who {
            Some(self.b)
        } else if &self.b == who {
            Some(self.a)
        } else {
            None
        }
    }
}

vocab! {
    /// Where an introduction request stands.
    IntroStatus {
        Open => "open", "open", "terbuka";
        Done => "done", "made", "terjadi";
        Dropped => "dropped", "dropped", "dibatalkan";
    }
}

/// You asked `via` to introduce you to `to`. `n` is the short number users type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Intro {
    pub id: Uuid,
    pub n: u32,
    /// The introducer.
    pub via: Uuid,
    /// The person you want to meet.
    pub to: Uuid,
    #[serde(deserialize_with = "super::stamp::day")]
    pub asked_on: NaiveDate,
    /// After this day the coach suggests asking again, kindly. It is never a promise of
    /// theirs, so it never counts against them.
    #[serde(deserialize_with = "super::stamp::day")]
    pub due: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub status: IntroStatus,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::stamp::optional_day")]
    pub resolved_on: Option<NaiveDate>,
    /// The conversation `intro done` logged with both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interaction: Option<Uuid>,
    #[serde(deserialize_with = "super::stamp::instant")]
    pub logged: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Intro {
    /// A new open request, numbered `n`: you asked `via` on `asked_on` to introduce you
    /// to `to`, to be asked again after `due`.
    pub fn new(n: u32, via: Uuid, to: Uuid, asked_on: NaiveDate, due: NaiveDate, logged: DateTime<Utc>) -> Intro {
        Intro {
            id: Uuid::now_v7(),
            n,
            via,
            to,
            asked_on,
            due,
            note: None,
            status: IntroStatus::Open,
            resolved_on: None,
            interaction: None,
            logged,
            extra: Map::new(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.status == IntroStatus::Open
    }

    /// Open and past its due day: time to ask again.
    pub fn nudge_due(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due < today
    }
}

/// Who introduced you to `who`: the introducer and the day, from an introduction made
/// or a link saying so (the latest).
pub fn introducer(net: &Network, who: &Uuid) -> Option<(Uuid, NaiveDate)> {
    let made = net
        .intros
        .iter()
        .filter(|i| &i.to == who && i.status == IntroStatus::Done)
        .filter_map(|i| i.resolved_on.map(|on| (i.via, on)));
    let linked = net.links.iter().filter(|l| l.introduced && &l.b == who).map(|l| (l.a, l.on));
    made.chain(linked).max_by_key(|(_, on)| *on)
}

/// Introductions asked and made between two days (inclusive): (asked, made).
pub fn counts_between(net: &Network, from: NaiveDate, to: NaiveDate) -> (usize, usize) {
    let within = |d: NaiveDate| d >= from && d <= to;
    let asked = net.intros.iter().filter(|i| within(i.asked_on)).count();
    let made = net.intros.iter().filter(|i| i.status == IntroStatus::Done && i.resolved_on.is_some_and(within)).count();
    (asked, made)
}

/// Forgets a removed contact: their links and introduction requests go with them.
pub fn forget(net: &mut Network, id: &Uuid) {
    net.links.retain(|l| &l.a != id && &l.b != id);
    net.intros.retain(|i| &i.via != id && &i.to != id);
}

/// B merged into A: B's links and requests become A's; a link of A's with B is no longer
/// a link between two people and goes.
pub fn rewire(net: &mut Network, a: Uuid, b: Uuid) {
    for l in &mut net.links {
        for end in [&mut l.a, &mut l.b] {
            if *end == b {
                *end = a;
            }
        }
    }
    net.links.retain(|l| l.a != l.b);
    for i in &mut net.intros {
        for end in [&mut i.via, &mut i.to] {
            if *end == b {
                *end = a;
            }
        }
    }
}

/// The key under which the line about you for introduction blurbs is kept.
const ABOUT_ME: &str = "intro_about_me";

impl Network {
    /// One line about you, for the blurb an introducer forwards (`intro draft --about-me`).
    pub fn about_me(&self) -> Option<&str> {
        self.settings.get(ABOUT_ME).and_then(Value::as_str).filter(|s| !s.trim().is_empty())
    }

    pub fn set_about_me(&mut self, line: String) {
        self.settings.insert(ABOUT_ME.into(), Value::from(line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn intro(via: Uuid, to: Uuid, asked: &str, status: IntroStatus, resolved: Option<&str>) -> Intro {
        let due = day(asked) + chrono::Days::new(DEFAULT_WAIT_DAYS);
        Intro {
            status,
            resolved_on: resolved.map(day),
            ..Intro::new(1, via, to, day(asked), due, DateTime::UNIX_EPOCH)
        }
    }

    #[test]
    fn the_introducer_is_the_latest_word() {
        let (a, b, c) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let mut net = Network::default();
        let mut l = Link::new(a, c, day("2026-01-01"), DateTime::UNIX_EPOCH);
        l.introduced = true;
        net.links.push(l);
        assert_eq!(introducer(&net, &c), Some((a, day("2026-01-01"))));
        net.intros.push(intro(b, c, "2026-10-01", IntroStatus::Done, Some("2026-10-10")));
        assert_eq!(introducer(&net, &c), Some((b, day("2026-10-10"))));
        // A link without "introduced" says they know each other, not who introduced whom.
        assert_eq!(introducer(&net, &a), None);
    }

    #[test]
    fn a_request_past_its_day_is_a_nudge_only_while_open() {
        let mut i = intro(Uuid::nil(), Uuid::nil(), "2026-11-01", IntroStatus::Open, None);
        assert!(!i.nudge_due(day("2026-11-15")));
        assert!(i.nudge_due(day("2026-11-16")));
        i.status = IntroStatus::Dropped;
        assert!(!i.nudge_due(day("2026-11-16")));
    }

    #[test]
    fn merging_and_removing_keep_the_records_honest() {
        let (a, b, c) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let mut net = Network::default();
        net.links.push(Link::new(a, b, day("2026-01-01"), DateTime::UNIX_EPOCH));
        net.links.push(Link::new(b, c, day("2026-01-01"), DateTime::UNIX_EPOCH));
        net.intros.push(intro(b, c, "2026-10-01", IntroStatus::Open, None));
        rewire(&mut net, a, b);
        assert_eq!(net.links.len(), 1, "A–B became A–A and went");
        assert!(net.links[0].joins(&a, &c));
        assert_eq!(net.intros[0].via, a);
        forget(&mut net, &c);
        assert!(net.links.is_empty() && net.intros.is_empty());
    }

    #[test]
    fn counts_look_at_the_days_asked_and_made() {
        let mut net = Network::default();
        net.intros.push(intro(Uuid::nil(), Uuid::nil(), "2026-10-01", IntroStatus::Done, Some("2026-10-20")));
        net.intros.push(intro(Uuid::nil(), Uuid::nil(), "2026-06-01", IntroStatus::Done, Some("2026-09-15")));
        net.intros.push(intro(Uuid::nil(), Uuid::nil(), "2026-11-01", IntroStatus::Dropped, Some("2026-11-20")));
        assert_eq!(counts_between(&net, day("2026-09-01"), day("2026-11-28")), (2, 2));
    }

    #[test]
    fn unknown_fields_round_trip() {
        let json = r#"{"id":"0190a0a0-0000-7000-8000-000000000001","a":"0190a0a0-0000-7000-8000-000000000002","b":"0190a0a0-0000-7000-8000-000000000003","on":"2026-01-01","logged":"2026-01-01T00:00:00Z","future":1}"#;
        let l: Link = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_value(&l).unwrap()["future"], 1);
    }
}
