//! The goal flags shared by `goal new` and `goal edit`, how they are checked and
//! applied, and how a goal is named on the command line (number, id or title).

use crate::i18n::Lang;
use crate::model::goal::{self, Goal, GoalInputError, Metric};
use crate::model::settings::MAX_WEEKLY_MINUTES;
use crate::model::{Circle, Network, Stage, text};
use crate::t;
use chrono::NaiveDate;

/// Every SMART answer as a flag.
#[derive(Debug, Default, clap::Args)]
pub struct GoalFields {
    /// A short name for the goal
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// S: what exactly, with whom
    #[arg(long, value_name = "TEXT")]
    pub specific: Option<String>,
    /// M: how progress is counted
    #[arg(long, value_enum)]
    pub metric: Option<Metric>,
    /// M: the number to reach
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub target: Option<String>,
    /// Only contacts in this circle count (repeatable)
    #[arg(long, value_enum)]
    pub circle: Vec<Circle>,
    /// Only contacts with this tag count (repeatable: any of them)
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Only contacts at this stage count; for stage-ups, the stage reached (repeatable)
    #[arg(long, value_enum)]
    pub stage: Vec<Stage>,
    /// A: why it is within reach, and the plan
    #[arg(long, value_name = "TEXT")]
    pub achievable: Option<String>,
    /// R: why it matters now
    #[arg(long, value_name = "TEXT")]
    pub relevant: Option<String>,
    /// T: the first day that counts [default: today]
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// T: the last day that counts (2027-03-31, in 3 months…)
    #[arg(long, value_name = "DATE")]
    pub deadline: Option<String>,
    /// A checkpoint DATE=COUNT, e.g. 2027-03-31=10 (repeatable)
    #[arg(long, value_name = "DATE=N")]
    pub milestone: Vec<String>,
    /// Minutes a week you have for networking (kept for all goals)
    #[arg(long, value_name = "MINUTES")]
    pub weekly_minutes: Option<String>,
}

impl GoalFields {
    /// Whether any flag was given.
    pub fn any(&self) -> bool {
        self.title.is_some()
            || self.specific.is_some()
            || self.metric.is_some()
            || self.target.is_some()
            || !self.circle.is_empty()
            || !self.tag.is_empty()
            || !self.stage.is_empty()
            || self.achievable.is_some()
            || self.relevant.is_some()
            || self.start.is_some()
            || self.deadline.is_some()
            || !self.milestone.is_empty()
            || self.weekly_minutes.is_some()
    }

    /// Checks every given flag and writes it into `g`; the caller discards `g` on error.
    pub fn apply(&self, g: &mut Goal, today: NaiveDate) -> Result<(), GoalInputError> {
        if let Some(v) = &self.title {
            g.title = goal::title(v)?;
        }
        if let Some(v) = &self.specific {
            g.specific = goal::optional_letter("--specific", v)?;
        }
        if let Some(m) = &self.metric {
            g.metric = m.clone();
        }
        if let Some(v) = &self.target {
            g.target = Some(goal::parse_count("--target", v)?);
        }
        if !self.circle.is_empty() {
            g.filters.circles = self.circle.clone();
        }
        if !self.tag.is_empty() {
            g.filters.tags = self.tag.iter().map(|t| text::tag(t)).collect::<Result<_, _>>()?;
        }
        if !self.stage.is_empty() {
            g.filters.stages = self.stage.clone();
        }
        if let Some(v) = &self.achievable {
            g.achievable = goal::optional_letter("--achievable", v)?;
        }
        if let Some(v) = &self.relevant {
            g.relevant = goal::optional_letter("--relevant", v)?;
        }
        if let Some(v) = &self.start {
            g.start = goal::parse_goal_day("--start", v, today)?;
        }
        if let Some(v) = &self.deadline {
            g.deadline = Some(goal::parse_goal_day("--deadline", v, today)?);
        }
        for m in &self.milestone {
            g.milestones.push(goal::parse_milestone(m, today)?);
        }
        g.milestones.sort_by_key(|m| m.on);
        goal::check_window(g.start, g.deadline)
    }

    /// The weekly minutes flag, checked.
    pub fn weekly_minutes(&self) -> Result<Option<u32>, GoalInputError> {
        self.weekly_minutes.as_deref().map(parse_weekly_minutes).transpose()
    }
}

/// Minutes a week: a whole number up to the minutes in a week.
pub fn parse_weekly_minutes(v: &str) -> Result<u32, GoalInputError> {
    let n = goal::parse_count("--weekly-minutes", v)?;
    if n > MAX_WEEKLY_MINUTES {
        return Err(GoalInputError::TooLarge { flag: "--weekly-minutes", value: v.trim().to_string() });
    }
    Ok(n)
}

/// Keeps a goal input error typed, so the error report words it in the user's language.
pub fn input(e: GoalInputError) -> anyhow::Error {
    e.into()
}

/// The index of the goal `query` names: its number (`3` or `#3`), its id, or a unique
/// part of its title.
pub fn goal_index(net: &Network, query: &str, lang: Lang) -> anyhow::Result<usize> {
    let q = query.trim().trim_start_matches('#');
    if let Ok(n) = q.parse::<u32>()
        && let Some(i) = net.goals.iter().position(|g| g.number == n)
    {
        return Ok(i);
    }
    if let Some(i) = net.goals.iter().position(|g| g.id.to_string() == q || g.id.simple().to_string() == q) {
        return Ok(i);
    }
    let folded = text::fold(q);
    if !folded.is_empty() && q.parse::<u32>().is_err() {
        let hits: Vec<usize> =
            (0..net.goals.len()).filter(|&i| text::fold(&net.goals[i].title).contains(&folded)).collect();
        match hits.len() {
            1 => return Ok(hits[0]),
            0 => {}
            _ => {
                let list = names(net, &hits);
                anyhow::bail!(t!(
                    lang,
                    "{query:?} could mean goals {list}; use the number",
                    "{query:?} bisa berarti tujuan {list}; pakai nomornya"
                ));
            }
        }
    }
    if net.goals.is_empty() {
        anyhow::bail!(t!(
            lang,
            "no goal {query:?}: there are no goals yet; set one with `jejaring goal new`",
            "tidak ada tujuan {query:?}: belum ada tujuan; buat dengan `jejaring goal new`"
        ));
    }
    let list = names(net, &(0..net.goals.len()).collect::<Vec<_>>());
    anyhow::bail!(t!(
        lang,
        "no goal {query:?}; the goals are {list}",
        "tidak ada tujuan {query:?}; tujuan yang ada: {list}"
    ))
}

/// `1 (Meet fintech people), 2 (Talk to strangers)`.
fn names(net: &Network, indexes: &[usize]) -> String {
    indexes.iter().map(|&i| format!("{} ({})", net.goals[i].number, net.goals[i].title)).collect::<Vec<_>>().join(", ")
}
