//! A contact as a row of `list` sees it: what the row shows, filters on or sorts by,
//! borrowed from a whole contact or from the cache's index, so listing thousands of
//! people copies none of their text.

use super::{Cadence, Circle, Contact, Stage};
use chrono::{DateTime, NaiveDate, Utc};
use std::borrow::Cow;
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed<'a> {
    pub id: Uuid,
    /// Owned only when it replaces a handle an older version gave (see
    /// `contact::new_handles`).
    pub handle: Cow<'a, str>,
    pub name: &'a str,
    pub circle: Circle,
    pub stage: Stage,
    pub org: Option<&'a str>,
    pub role: Option<&'a str>,
    pub met_on: Option<NaiveDate>,
    pub every: Option<Cadence>,
    pub snoozed_until: Option<NaiveDate>,
    pub added: DateTime<Utc>,
}

impl Listed<'_> {
    /// A row with nothing read into it yet.
    pub fn blank() -> Listed<'static> {
        Listed {
            id: Uuid::nil(),
            handle: Cow::Borrowed(""),
            name: "",
            circle: Circle::Other,
            stage: Stage::Acquaintance,
            org: None,
            role: None,
            met_on: None,
            every: None,
            snoozed_until: None,
            added: DateTime::UNIX_EPOCH,
        }
    }

    /// Whether the contact is snoozed on `day` (as `Contact::snoozed`).
    pub fn snoozed(&self, day: NaiveDate) -> bool {
        self.snoozed_until.is_some_and(|until| day < until)
    }
}

impl Contact {
    /// The contact as a row of `list` sees it.
    pub fn listed(&self) -> Listed<'_> {
        Listed {
            id: self.id,
            handle: Cow::Borrowed(&self.handle),
            name: &self.name,
            circle: self.circle.clone(),
            stage: self.stage.clone(),
            org: self.org.as_deref(),
            role: self.role.as_deref(),
            met_on: self.met_on,
            every: self.every,
            snoozed_until: self.snoozed_until,
            added: self.added,
        }
    }
}
