//! A networking goal (step 2 of the method): what it is for, how it is counted, by
//! when, and the progress logged by hand. Progress measured from the data lives in
//! `coach::progress`; the SMART check in `coach::smart`.

use super::text::{self, InputError};
use super::vocab::vocab;
use super::{Circle, Contact, Stage};
use crate::dates::{self, DateError, Lean};
use crate::i18n::Lang;
use crate::t;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

vocab! {
    /// How a goal's progress is counted.
    Metric {
        NewContacts => "new_contacts", "new contacts", "kontak-baru";
        Interactions => "interactions", "interactions", "interaksi";
        PeopleTalkedTo => "people_talked_to", "people talked to", "orang-diajak-bicara";
        StageUps => "stage_ups", "stage-ups", "naik-tahap";
        PromisesKept => "promises_kept", "promises kept", "janji-ditepati";
        Manual => "manual", "by hand", "hitung-sendiri";
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
                "new people added (by the day you met them, else the day you added them)",
                "orang baru yang ditambahkan (menurut tanggal bertemu, atau tanggal ditambahkan)"
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

    /// The hand-logged count: the entries replayed in order, never below zero.
    pub fn manual_count(&self) -> u32 {
        self.progress.iter().fold(0u32, |n, e| match e.change {
            Change::Add(d) => (i64::from(n) + d).clamp(0, i64::from(u32::MAX)) as u32,
            Change::Set(v) => v,
        })
    }
}

/// The number the next goal gets: one more than any goal has had.
pub fn next_number(goals: &[Goal]) -> u32 {
    goals.iter().map(|g| g.number).max().unwrap_or(0) + 1
}

/// Why a goal value was refused; `message` words it for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoalInputError {
    #[error("{0}")]
    Text(#[from] InputError),
    #[error("{flag}: {value} is not a whole number")]
    NotANumber { flag: &'static str, value: String },
    #[error("{flag}: {value} is negative")]
    Negative { flag: &'static str, value: String },
    #[error("{flag}: {value} is too large")]
    TooLarge { flag: &'static str, value: String },
    #[error("{flag}: {error}")]
    Date { flag: &'static str, error: DateError },
    #[error("deadline before start")]
    DeadlineBeforeStart { start: NaiveDate, deadline: NaiveDate },
    #[error("bad milestone {0}")]
    Milestone(String),
    #[error("bad change {0}")]
    Change(String),
}

/// The largest target accepted; beyond this a goal is a typo.
pub const MAX_TARGET: u32 = 1_000_000;

impl GoalInputError {
    /// The one-line message for the user, saying what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            GoalInputError::Text(e) => e.message(lang),
            GoalInputError::NotANumber { flag, value } => t!(
                lang,
                "{flag} {value:?} is not a whole number; give a count such as 10",
                "{flag} {value:?} bukan bilangan bulat; berikan jumlah seperti 10"
            ),
            GoalInputError::Negative { flag, value } => t!(
                lang,
                "{flag} {value:?} is negative; a target counts up from zero",
                "{flag} {value:?} negatif; target dihitung naik dari nol"
            ),
            GoalInputError::TooLarge { flag, value } => t!(
                lang,
                "{flag} {value:?} is too large; the limit is {MAX_TARGET}",
                "{flag} {value:?} terlalu besar; batasnya {MAX_TARGET}"
            ),
            GoalInputError::Date { flag, error } => match error {
                DateError::Impossible(s) => {
                    t!(lang, "{flag} {s:?} is not a real date", "{flag} {s:?} bukan tanggal yang ada")
                }
                DateError::Unreadable(s) => t!(
                    lang,
                    "{flag} {s:?} is not a date; use YYYY-MM-DD or words like in 3 months, next friday",
                    "{flag} {s:?} bukan tanggal; pakai YYYY-MM-DD atau kata seperti 3 bulan lagi, jumat"
                ),
            },
            GoalInputError::DeadlineBeforeStart { start, deadline } => t!(
                lang,
                "the deadline {deadline} is before the start {start}; pick a later --deadline or an earlier --start",
                "tenggat {deadline} sebelum mulai {start}; pilih --deadline lebih akhir atau --start lebih awal"
            ),
            GoalInputError::Milestone(v) => t!(
                lang,
                "--milestone {v:?} is not DATE=COUNT (for example 2027-03-31=10)",
                "--milestone {v:?} bukan TANGGAL=JUMLAH (misalnya 2027-03-31=10)"
            ),
            GoalInputError::Change(v) => t!(
                lang,
                "{v:?} is not a change; write +3 to add, -1 to take back, or =12 to set the count",
                "{v:?} bukan perubahan; tulis +3 untuk menambah, -1 untuk mengurangi, atau =12 untuk menetapkan"
            ),
        }
    }
}

/// A count typed by the user: a whole number from 0 to `MAX_TARGET`.
pub fn parse_count(flag: &'static str, s: &str) -> Result<u32, GoalInputError> {
    let v = s.trim();
    let err = |f: fn(&'static str, String) -> GoalInputError| f(flag, v.to_string());
    if let Some(rest) = v.strip_prefix('-')
        && !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(err(|flag, value| GoalInputError::Negative { flag, value }));
    }
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err(|flag, value| GoalInputError::NotANumber { flag, value }));
    }
    match v.parse::<u32>() {
        Ok(n) if n <= MAX_TARGET => Ok(n),
        _ => Err(err(|flag, value| GoalInputError::TooLarge { flag, value })),
    }
}

/// A day typed for a goal's start or deadline; bare weekdays point forward.
pub fn parse_goal_day(flag: &'static str, s: &str, today: NaiveDate) -> Result<NaiveDate, GoalInputError> {
    dates::parse_day(s, today, Lean::Future).map_err(|error| GoalInputError::Date { flag, error })
}

/// `2027-03-31=10` (or `:` instead of `=`).
pub fn parse_milestone(s: &str, today: NaiveDate) -> Result<Milestone, GoalInputError> {
    let bad = || GoalInputError::Milestone(s.to_string());
    let (day, count) = s.rsplit_once('=').or_else(|| s.rsplit_once(':')).ok_or_else(bad)?;
    let on = parse_goal_day("--milestone", day, today)?;
    let target = parse_count("--milestone", count).map_err(|_| bad())?;
    Ok(Milestone { on, target })
}

/// `+3`, `-1` or `=12`.
pub fn parse_change(s: &str) -> Result<Change, GoalInputError> {
    let v = s.trim();
    let bad = || GoalInputError::Change(v.to_string());
    let digits = |r: &str| -> Result<u32, GoalInputError> {
        if r.is_empty() || !r.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        r.parse::<u32>().ok().filter(|n| *n <= MAX_TARGET).ok_or_else(bad)
    };
    if let Some(r) = v.strip_prefix('+') {
        Ok(Change::Add(i64::from(digits(r)?)))
    } else if let Some(r) = v.strip_prefix('-') {
        Ok(Change::Add(-i64::from(digits(r)?)))
    } else if let Some(r) = v.strip_prefix('=') {
        Ok(Change::Set(digits(r)?))
    } else {
        Err(bad())
    }
}

/// Checks that the window makes sense.
pub fn check_window(start: NaiveDate, deadline: Option<NaiveDate>) -> Result<(), GoalInputError> {
    match deadline {
        Some(d) if d < start => Err(GoalInputError::DeadlineBeforeStart { start, deadline: d }),
        _ => Ok(()),
    }
}

/// A goal's free-text letter (specific, achievable, relevant): empty clears it.
pub fn optional_letter(flag: &'static str, v: &str) -> Result<Option<String>, GoalInputError> {
    Ok(text::optional_text(flag, v)?)
}

/// A goal's title.
pub fn title(v: &str) -> Result<String, GoalInputError> {
    Ok(text::line("--title", v, text::MAX_LINE)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn counts_are_whole_non_negative_numbers() {
        assert_eq!(parse_count("--target", " 12 "), Ok(12));
        assert_eq!(parse_count("--target", "0"), Ok(0));
        assert!(matches!(parse_count("--target", "-3"), Err(GoalInputError::Negative { .. })));
        assert!(matches!(parse_count("--target", "ten"), Err(GoalInputError::NotANumber { .. })));
        assert!(matches!(parse_count("--target", "2.5"), Err(GoalInputError::NotANumber { .. })));
        assert!(matches!(parse_count("--target", "99999999999"), Err(GoalInputError::TooLarge { .. })));
    }

    #[test]
    fn changes_add_subtract_or_set() {
        assert_eq!(parse_change("+3"), Ok(Change::Add(3)));
        assert_eq!(parse_change("-1"), Ok(Change::Add(-1)));
        assert_eq!(parse_change("=12"), Ok(Change::Set(12)));
        assert!(parse_change("3").is_err());
        assert!(parse_change("+x").is_err());
        assert!(parse_change("=").is_err());
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
        assert_eq!(g.manual_count(), 11);
    }

    #[test]
    fn milestones_and_windows() {
        let today = day("2026-11-28");
        assert_eq!(parse_milestone("2027-03-31=10", today), Ok(Milestone { on: day("2027-03-31"), target: 10 }));
        assert_eq!(parse_milestone("2027-03-31:4", today).unwrap().target, 4);
        assert!(parse_milestone("2027-03-31", today).is_err());
        assert!(parse_milestone("2027-02-30=3", today).is_err());
        assert!(check_window(today, Some(day("2026-11-27"))).is_err());
        assert!(check_window(today, Some(today)).is_ok());
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
