//! The network's shape: how many people in each circle and stage, how many are new,
//! and a plain observation when it is lopsided — a network of one circle, or one that
//! has stopped growing, holds less than it seems.

use crate::i18n::Lang;
use crate::model::{Circle, Network, Stage};
use crate::t;
use chrono::NaiveDate;
use serde::Serialize;

/// Counts behind the observations.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Shape {
    pub total: usize,
    /// (circle key, count), in the vocabulary's order.
    pub circles: Vec<(String, usize)>,
    pub stages: Vec<(String, usize)>,
    /// Met in the last 30 days (`cadence::newly_met`), not the calendar month: the
    /// sentence says "met in the last 30 days"; the JSON key keeps its old name.
    pub new_this_month: usize,
    /// Days since the most recently added contact, if any.
    pub days_since_new: Option<i64>,
    pub observations: Vec<Observation>,
}

/// Something worth saying about the shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "observation", rename_all = "snake_case")]
pub enum Observation {
    /// One circle holds most of the network.
    Lopsided { circle: Circle, percent: usize },
    /// Nobody added for a while.
    NobodyNew { weeks: i64 },
    /// No strangers or acquaintances: nobody to widen the circle with.
    NoNewFaces,
}

/// Share of one circle above which the network counts as lopsided.
const LOPSIDED_PERCENT: usize = 60;
/// Weeks without a new person worth mentioning.
const QUIET_WEEKS: i64 = 6;

pub fn shape(net: &Network, today: NaiveDate) -> Shape {
    let total = net.contacts.len();
    let circles: Vec<(String, usize)> = Circle::ALL
        .iter()
        .map(|c| (c.key().to_string(), net.contacts.iter().filter(|x| &x.circle == c).count()))
        .collect();
    let stages: Vec<(String, usize)> = Stage::ALL
        .iter()
        .map(|s| (s.key().to_string(), net.contacts.iter().filter(|x| &x.stage == s).count()))
        .collect();
    // New means newly met, not newly entered: five old colleagues typed in today are
    // not five new people. The one window for "new" is the follow-up rule's.
    let new_this_month = net.contacts.iter().filter(|c| super::cadence::newly_met(c, today)).count();
    let days_since_new =
        net.contacts.iter().filter_map(|c| c.met_on).filter(|d| *d <= today).map(|d| (today - d).num_days()).min();

    let mut observations = Vec::new();
    // Below five people every network is lopsided; say nothing.
    if total >= 5
        && let Some((i, (_, n))) = circles.iter().enumerate().max_by_key(|(_, (_, n))| *n)
        && n * 100 / total >= LOPSIDED_PERCENT
    {
        observations.push(Observation::Lopsided {
            circle: Circle::ALL[i].clone(),
            percent: crate::i18n::percent(*n as u64, total as u64) as usize,
        });
    }
    if let Some(days) = days_since_new
        && days >= QUIET_WEEKS * 7
    {
        observations.push(Observation::NobodyNew { weeks: days / 7 });
    }
    let new_faces = net.contacts.iter().filter(|c| matches!(c.stage, Stage::Stranger | Stage::Acquaintance)).count();
    if total > 0 && new_faces == 0 {
        observations.push(Observation::NoNewFaces);
    }
    Shape { total, circles, stages, new_this_month, days_since_new, observations }
}

impl Observation {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Observation::Lopsided { circle, percent } => {
                let circle = circle.label(lang);
                t!(
                    lang,
                    "{percent}% of your network is {circle}; reach into the other circles too",
                    "{percent}% jaringan Anda adalah {circle}; jangkau juga lingkaran lain"
                )
            }
            Observation::NobodyNew { weeks } => t!(
                lang,
                "nobody new in {weeks} weeks; talk to someone you do not know yet",
                "tidak ada orang baru dalam {weeks} minggu; ajak bicara orang yang belum Anda kenal"
            ),
            Observation::NoNewFaces => t!(
                lang,
                "everyone is already close; the network grows when you meet strangers",
                "semua sudah dekat; jaringan tumbuh saat Anda bertemu orang asing"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Contact;
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    fn net(specs: &[(Circle, Stage, i64)]) -> Network {
        let mut net = Network::default();
        for (i, (circle, stage, days_ago)) in specs.iter().enumerate() {
            let added = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap() - chrono::Duration::days(*days_ago);
            let mut c = Contact::new(Uuid::now_v7(), format!("h{i}"), format!("P{i}"), added);
            c.circle = circle.clone();
            c.stage = stage.clone();
            c.met_on = Some(added.date_naive());
            net.contacts.push(c);
        }
        net
    }

    fn today() -> NaiveDate {
        "2026-11-28".parse().unwrap()
    }

    #[test]
    fn a_one_circle_network_is_lopsided_and_quiet() {
        let mut specs = vec![(Circle::Colleague, Stage::Connection, 60); 9];
        specs.push((Circle::Friend, Stage::Connection, 50));
        let s = shape(&net(&specs), today());
        assert!(s.observations.contains(&Observation::Lopsided { circle: Circle::Colleague, percent: 90 }));
        assert!(s.observations.contains(&Observation::NobodyNew { weeks: 7 }));
        assert!(s.observations.contains(&Observation::NoNewFaces));
        assert_eq!(s.new_this_month, 0);
    }

    #[test]
    fn a_balanced_growing_network_has_nothing_to_say() {
        let specs = [
            (Circle::Colleague, Stage::Connection, 100),
            (Circle::Friend, Stage::Stranger, 3),
            (Circle::Family, Stage::Trusted, 200),
            (Circle::Other, Stage::Acquaintance, 10),
            (Circle::Colleague, Stage::Acquaintance, 20),
        ];
        let s = shape(&net(&specs), today());
        assert!(s.observations.is_empty(), "{:?}", s.observations);
        assert_eq!(s.new_this_month, 3);
        assert_eq!(s.circles[1], ("colleague".to_string(), 2));
    }

    #[test]
    fn new_here_is_the_same_window_as_newly_met() {
        let net = net(&[(Circle::Friend, Stage::Stranger, 30), (Circle::Friend, Stage::Stranger, 31)]);
        let s = shape(&net, today());
        let newly_met = net.contacts.iter().filter(|c| super::super::cadence::newly_met(c, today())).count();
        assert_eq!((s.new_this_month, newly_met), (1, 1), "met 30 days ago is still new; 31 is not");
    }

    #[test]
    fn old_colleagues_entered_today_are_not_new() {
        let mut specs = vec![(Circle::Colleague, Stage::Connection, 0); 5];
        specs.push((Circle::Friend, Stage::Stranger, 3));
        let mut net = net(&specs);
        // Known since 2025, typed in today: no meeting day in the last month.
        for c in net.contacts.iter_mut().take(5) {
            c.met_on = Some("2025-03-01".parse().unwrap());
        }
        net.contacts[0].met_on = None;
        let s = shape(&net, today());
        assert_eq!(s.new_this_month, 1);
    }

    #[test]
    fn an_empty_network_is_quiet() {
        let s = shape(&Network::default(), today());
        assert!(s.observations.is_empty());
        assert_eq!(s.total, 0);
    }
}
