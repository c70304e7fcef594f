//! The contact field flags shared by `add-contact` and `edit`, and how they are checked
//! and applied. An empty value (`--org ""`) clears a field.

use crate::dates::{self, Lean};
use crate::model::{Cadence, Circle, Contact, Stage, text};
use anyhow::Context;
use chrono::NaiveDate;

#[derive(Debug, Default, clap::Args)]
pub struct ContactFields {
    /// Which circle they belong to
    #[arg(long, value_enum)]
    pub circle: Option<Circle>,
    /// How well you know them
    #[arg(long, value_enum)]
    pub stage: Option<Stage>,
    /// Organisation or company
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Role or job title
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
    /// Email address (repeatable)
    #[arg(long = "email", value_name = "EMAIL")]
    pub emails: Vec<String>,
    /// Phone number (repeatable)
    #[arg(long = "phone", value_name = "PHONE")]
    pub phones: Vec<String>,
    /// Tag such as a field or community (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// How or where you met
    #[arg(long, value_name = "TEXT")]
    pub met_at: Option<String>,
    /// When you met (2026-11-03, yesterday, last friday…)
    #[arg(long, value_name = "DATE")]
    pub met_on: Option<String>,
    /// Your first impression of them
    #[arg(long, value_name = "TEXT")]
    pub impression: Option<String>,
    /// How often to keep in touch: 30d, 2w, 3m, 1y
    #[arg(long, value_name = "CADENCE")]
    pub every: Option<String>,
    /// A free note
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

impl ContactFields {
    /// Whether any field flag was given.
    pub fn any(&self) -> bool {
        self.circle.is_some()
            || self.stage.is_some()
            || self.org.is_some()
            || self.role.is_some()
            || !self.emails.is_empty()
            || !self.phones.is_empty()
            || !self.tags.is_empty()
            || self.met_at.is_some()
            || self.met_on.is_some()
            || self.impression.is_some()
            || self.every.is_some()
            || self.note.is_some()
    }

    /// The emails given, checked and lower-cased.
    pub fn checked_emails(&self) -> anyhow::Result<Vec<String>> {
        self.emails.iter().map(|e| text::email(e).map_err(Into::into)).collect()
    }

    /// Checks every given field and writes it into `contact`. Nothing is written when
    /// any field is bad, because the caller discards the contact on error.
    pub fn apply(&self, contact: &mut Contact, today: NaiveDate) -> anyhow::Result<()> {
        if let Some(c) = &self.circle {
            contact.circle = c.clone();
        }
        if let Some(s) = &self.stage {
            contact.stage = s.clone();
        }
        if let Some(v) = &self.org {
            contact.org = text::optional_line("--org", v)?;
        }
        if let Some(v) = &self.role {
            contact.role = text::optional_line("--role", v)?;
        }
        for e in self.checked_emails()? {
            push_unique(&mut contact.emails, e);
        }
        for p in &self.phones {
            push_unique(&mut contact.phones, text::phone(p)?);
        }
        for t in &self.tags {
            push_unique(&mut contact.tags, text::tag(t)?);
        }
        if let Some(v) = &self.met_at {
            contact.met_at = text::optional_line("--met-at", v)?;
        }
        if let Some(v) = &self.met_on {
            contact.met_on = optional_day("--met-on", v, today)?;
        }
        if let Some(v) = &self.impression {
            contact.impression = text::optional_text("--impression", v)?;
        }
        if let Some(v) = &self.every {
            contact.every = optional_cadence(v)?;
        }
        if let Some(v) = &self.note {
            contact.note = text::optional_text("--note", v)?;
        }
        Ok(())
    }
}

/// Appends `value` unless it is already there.
pub fn push_unique(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// A day that happened (or empty to clear).
pub fn optional_day(flag: &str, v: &str, today: NaiveDate) -> anyhow::Result<Option<NaiveDate>> {
    if v.trim().is_empty() {
        return Ok(None);
    }
    let day = dates::parse_day(v, today, Lean::Past).with_context(|| flag.to_string())?;
    Ok(Some(day))
}

/// A cadence (or empty to clear).
pub fn optional_cadence(v: &str) -> anyhow::Result<Option<Cadence>> {
    if v.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(v.parse::<Cadence>().context("--every")?))
}
