//! A networking goal (step 2 of the method): what it is for, how it is counted, by
//! when, and the progress logged by hand. Progress measured from the data lives in
//! `coach::progress`; the SMART check in `coach::smart`.

use super::text;
use super::vocab::vocab;
use super::{Circle, Contact, Stage};
use crate::i18n::Lang;
use crate::t;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

mod input;
pub use input::*;

vocab! {
    /// How a goal's progress is counted.
    Metric {
        NewContacts => "new_contacts", "new contacts", "kontak-baru" ("kontak baru");
        Interactions => "interactions", "interactions", "interaksi";
        PeopleTalkedTo => "people_talked_to", "people talked to", "orang-diajak-bicara" ("orang yang diajak bicara");
        StageUps => "stage_ups", "stage-ups", "naik-tahap" ("naik tahap");
        PromisesKept => "promises_kept", "promises kept", "janji-ditepati" ("janji ditepati");
        Manual => "manual", "by hand", "hitung-sendiri" ("dihitung sendiri");
    }
}

vocab! {
    /// Where a goal stands in its life.
    Status {
        Active => "active", "active", "aktif";
        Done => "done", "done", "selesai";
        Dropped => "dropped", "dropped", "dibatalkan";
    }
}

impl Metric {
    /// What the metric counts, in a sentence fragment for cards and the wizard.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Metric::NewContacts => t!(
                lang,
                "new people you met (on the day you met them; someone with no meeting day is not counted)",
                "orang baru yang Anda temui (pada tanggal bertemu; yang tanpa tanggal bertemu tidak dihitung)"
            ),
            Metric::Interactions => t!(lang, "interactions logged", "interaksi yang dicatat"),
            Metric::PeopleTalkedTo => t!(lang, "different people you talked to", "orang berbeda yang Anda ajak bicara"),
            Metric::StageUps => t!(
                lang,
                "strangers or acquaintances who became connections (stage changes made with `edit --stage`)",
                "orang asing atau kenalan yang menjadi relasi (perubahan tahap lewat `edit --stage`)"
            ),
            Metric::PromisesKept => t!(lang, "promises kept", "janji yang ditepati"),
            Metric::Manual => {
                t!(lang, "counted by hand with `goal progress`", "dihitung sendiri dengan `goal progress`")
            }
            Metric::Unknown(k) => k.clone(),
        }
    }

    /// Whether the data can count this metric (otherwise progress is logged by hand).
    pub fn is_measured(&self) -> bool {
        !matches!(self, Metric::Manual | Metric::Unknown(_))
    }

    /// Whether the metric counts people, so a target group makes it specific.
    pub fn counts_people(&self) -> bool {
        matches!(self, Metric::NewContacts | Metric::Interactions | Metric::PeopleTalkedTo | Metric::StageUps)
    }
}

/// Which contacts count toward a goal. Empty lists mean "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub circles: Vec<Circle>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<Stage>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.circles.is_empty() && self.tags.is_empty() && self.stages.is_empty()
    }

    /// Whether a contact passes every filter that is set (tags: any one of them).
    pub fn matches(&self, c: &Contact) -> bool {
        (self.circles.is_empty() || self.circles.contains(&c.circle))
            && (self.stages.is_empty() || self.stages.contains(&c.stage))
            && (self.tags.is_empty()
                || self.tags.iter().any(|t| {
                    let t = text::fold(t);
                    c.tags.iter().any(|ct| text::fold(ct) == t)
                }))
    }

    /// Whether a contact passes the circle and tag filters (the stage filter is
    /// ignored; stage-up goals read it as the stage reached).
    pub fn matches_ignoring_stage(&self, c: &Contact) -> bool {
        Filters { stages: Vec::new(), ..self.clone() }.matches(c)
    }

    /// "circle colleague, tag fintech" for cards.
    pub fn describe(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if !self.circles.is_empty() {
            let v: Vec<&str> = self.circles.iter().map(|c| c.label(lang)).collect();
            parts.push(format!("{} {}", t!(lang, "circle", "lingkaran"), v.join("/")));
        }
        if !self.tags.is_empty() {
            parts.push(format!("tag {}", self.tags.join("/")));
        }
        if !self.stages.is_empty() {
            let v: Vec<&str> = self.stages.iter().map(|c| c.label(lang)).collect();
            parts.push(format!("{} {}", t!(lang, "stage", "tahap"), v.join("/")));
        }
        if parts.is_empty() { t!(lang, "any contact", "kontak mana pun") } else { parts.join(", ") }
    }
}

/// A checkpoint on the way: `target` reached by `on`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub on: NaiveDate,
    pub target: u32,
}

/// How a goal ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closed {
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One hand-logged change to a goal's count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// `+N` (or `-N` to correct a mistake).
    Add(i64),
    /// `=N`: the count is now N.
    Set(u32),
}

/// A hand-logged progress entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgressEntry {
    pub on: NaiveDate,
    pub change: Change,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub logged: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One goal. Optional letters may be empty: the SMART check says so rather than the
/// file refusing them, because "save anyway" is the user's call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: Uuid,
    /// The small number users type (`goal show 3`); never reused within a file.
    pub number: u32,
    pub title: String,
    /// S: what exactly, with whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specific: Option<String>,
    /// M: how it is counted, and the number to reach.
    pub metric: Metric,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u32>,
    #[serde(default, skip_serializing_if = "Filters::is_empty")]
    pub filters: Filters,
    /// A: why it is within reach, and the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievable: Option<String>,
    /// R: why it matters now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevant: Option<String>,
    /// T: the window is start..=deadline, both days included.
    pub start: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressEntry>,
    /// People who matter to this goal (step 3 proposes them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Uuid>,
    pub created: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Goal {
    /// A new active goal starting `today`, with nothing else filled in.
    pub fn new(number: u32, title: String, metric: Metric, today: NaiveDate, now: DateTime<Utc>) -> Goal {
        Goal {
            id: Uuid::now_v7(),
            number,
            title,
            specific: None,
            metric,
            target: None,
            filters: Filters::default(),
            achievable: None,
            relevant: None,
            start: today,
            deadline: None,
            milestones: Vec::new(),
            status: Status::Active,
            closed: None,
            progress: Vec::new(),
            contacts: Vec::new(),
            created: now,
            extra: Map::new(),
        }
    }

    pub fn is_active(&self) -> bool {
        self.status == Status::Active
    }

    /// The hand-logged count as of `day`: the entries made by then, replayed in order,
    /// never below zero.
    pub fn manual_count(&self, day: NaiveDate) -> u32 {
        self.progress.iter().filter(|e| e.on <= day).fold(0u32, |n, e| match e.change {
            Change::Add(d) => (i64::from(n) + d).clamp(0, i64::from(u32::MAX)) as u32,
            Change::Set(v) => v,
        })
    }
}

/// The number the next goal gets: one more than any goal has had.
pub fn next_number(goals: &[Goal]) -> u32 {
    goals.iter().map(|g| g.number).max().unwrap_or(0) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn manual_count_replays_entries_and_never_goes_negative() {
        let mut g = Goal::new(1, "t".into(), Metric::Manual, day("2026-11-01"), Utc::now());
        for c in [Change::Add(2), Change::Add(-5), Change::Add(3), Change::Set(10), Change::Add(1)] {
            g.progress.push(ProgressEntry {
                on: day("2026-11-02"),
                change: c,
                note: None,
                logged: Utc::now(),
                extra: Map::new(),
            });
        }
        assert_eq!(g.manual_count(day("2026-11-02")), 11);
        assert_eq!(g.manual_count(day("2026-11-01")), 0, "entries after the day do not count");
    }

    #[test]
    fn numbers_are_never_reused() {
        let mut goals = vec![Goal::new(1, "a".into(), Metric::Manual, day("2026-11-01"), Utc::now())];
        goals.push(Goal::new(next_number(&goals), "b".into(), Metric::Manual, day("2026-11-01"), Utc::now()));
        goals.remove(0);
        assert_eq!(next_number(&goals), 3);
    }

    #[test]
    fn filters_match_circle_tag_and_stage() {
        let mut c = Contact::new(Uuid::now_v7(), "abcd".into(), "Budi".into(), Utc::now());
        c.circle = Circle::Colleague;
        c.tags.push("Fintech".into());
        let f = Filters { circles: vec![Circle::Colleague], tags: vec!["fintech".into()], stages: vec![] };
        assert!(f.matches(&c));
        let f = Filters { stages: vec![Stage::Trusted], ..f };
        assert!(!f.matches(&c));
        assert!(f.matches_ignoring_stage(&c));
        assert!(Filters::default().matches(&c));
    }

    #[test]
    fn unknown_metric_survives_a_round_trip() {
        let m: Metric = serde_json::from_str("\"talks_given\"").unwrap();
        assert_eq!(m, Metric::Unknown("talks_given".into()));
        assert!(!m.is_measured());
    }
}
