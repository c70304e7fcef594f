//! The contact field flags shared by `add-contact` and `edit`, and how they are checked
//! and applied. An empty value (`--org ""`) clears a field.

use crate::dates::{self};
use crate::interop::linkedin_profile;
use crate::model::contact::Birthday;
use crate::model::text::InputError;
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
    /// Birthday: MM-DD, or YYYY-MM-DD when you know the year
    #[arg(long, value_name = "DATE")]
    pub birthday: Option<String>,
    /// LinkedIn profile URL
    #[arg(long, value_name = "URL")]
    pub linkedin: Option<String>,
    /// A web page such as a site or portfolio (repeatable)
    #[arg(long = "url", value_name = "URL")]
    pub urls: Vec<String>,
    /// A postal address, on one line (repeatable)
    #[arg(long = "address", value_name = "ADDRESS")]
    pub addresses: Vec<String>,
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
            || self.birthday.is_some()
            || self.linkedin.is_some()
            || !self.urls.is_empty()
            || !self.addresses.is_empty()
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
        if let Some(v) = &self.birthday {
            contact.birthday = optional_birthday(v)?;
        }
        if let Some(v) = &self.linkedin {
            contact.linkedin = optional_linkedin(v)?;
        }
        for u in &self.urls {
            let u = text::url(u)?;
            // A LinkedIn profile has its own field, as on import, so an export and
            // re-import do not see the same page twice.
            match linkedin_profile(&u) {
                Some(profile) if contact.linkedin.is_none() => contact.linkedin = Some(profile),
                Some(profile) if contact.linkedin.as_ref() == Some(&profile) => {}
                _ => push_unique(&mut contact.urls, u),
            }
        }
        for a in &self.addresses {
            push_unique(&mut contact.addresses, text::line("--address", a, text::MAX_LINE)?);
        }
        Ok(())
    }
}

/// A birthday, `MM-DD` or `YYYY-MM-DD` (or `--MM-DD` as vCard writes it); empty clears.
pub fn optional_birthday(v: &str) -> anyhow::Result<Option<Birthday>> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let full = if v.len() == 5 && v.as_bytes()[2] == b'-' { format!("--{v}") } else { v.to_string() };
    Ok(Some(
        full.parse::<Birthday>()
            .map_err(|_| crate::model::contact::BirthdayError(v.to_string()))
            .context("--birthday")?,
    ))
}

/// A LinkedIn profile URL in its canonical form; empty clears.
pub fn optional_linkedin(v: &str) -> anyhow::Result<Option<String>> {
    if v.trim().is_empty() {
        return Ok(None);
    }
    let v = text::line("--linkedin", v, text::MAX_LINE)?;
    Ok(Some(linkedin_profile(&v).ok_or(InputError::LinkedIn(v))?))
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
    let day = dates::parse_past_day(v, today).with_context(|| flag.to_string())?;
    Ok(Some(day))
}

/// A cadence (or empty to clear).
pub fn optional_cadence(v: &str) -> anyhow::Result<Option<Cadence>> {
    if v.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(v.parse::<Cadence>().context("--every")?))
}
