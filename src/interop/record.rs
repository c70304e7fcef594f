//! One person as an import file describes them, and the checks every value passes on
//! its way in (the same checks `add-contact` applies to flags).

use super::{At, Problem, ProblemKind, SkipReason};
use crate::model::contact::Birthday;
use crate::model::phone;
use crate::model::text::{self, InputError};
use crate::model::trust::{MAX_LEVEL, MIN_LEVEL};
use crate::model::{Cadence, Circle, Stage};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

/// The most values of one kind (emails, phones, tags…) one record keeps. Real cards
/// hold a handful; a file with thousands is broken or hostile, and the rest are
/// counted and named instead of slowing the import down.
pub const MAX_VALUES: usize = 100;

/// A person read from an import file, every value already checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    pub at: At,
    pub name: String,
    pub org: Option<String>,
    pub role: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub tags: Vec<String>,
    pub urls: Vec<String>,
    pub addresses: Vec<String>,
    pub birthday: Option<Birthday>,
    pub linkedin: Option<String>,
    /// Ids other address books gave this person (vCard UIDs).
    pub uids: Vec<String>,
    pub note: Option<String>,
    pub met_at: Option<String>,
    pub met_on: Option<NaiveDate>,
    pub impression: Option<String>,
    pub every: Option<Cadence>,
    /// Set by jejaring's own vCard export (X-JEJARING-CIRCLE) or the LinkedIn reader.
    pub circle: Option<Circle>,
    pub stage: Option<Stage>,
    /// The trust level a trust note set (X-JEJARING-TRUST from jejaring's own export).
    pub trust: Option<u8>,
}

/// A record being read: values go in through checks, and a value that fails is left
/// out and named instead of sinking the whole record.
#[derive(Debug, Default)]
pub struct Draft {
    pub rec: Record,
    /// Name parts to fall back on when the file has no full name.
    pub given: Vec<String>,
    pub dropped: Vec<(&'static str, InputError)>,
    pub bad_dates: Vec<(&'static str, String)>,
    pub bad_levels: Vec<String>,
    /// The keys of the values already in each list, so a repeat costs O(1).
    seen: HashSet<(&'static str, String)>,
    /// How many values past `MAX_VALUES` were left out, per field.
    over: BTreeMap<&'static str, usize>,
}

impl Draft {
    pub fn new(at: At) -> Draft {
        Draft { rec: Record { at, ..Record::default() }, ..Draft::default() }
    }

    fn keep<T>(&mut self, field: &'static str, r: Result<T, InputError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.dropped.push((field, e));
                None
            }
        }
    }

    /// Sets an optional one-line field unless it is already set or the value is blank.
    pub fn line(&mut self, field: &'static str, slot: fn(&mut Record) -> &mut Option<String>, value: &str) {
        let value = one_line(value);
        if value.is_empty() || slot(&mut self.rec).is_some() {
            return;
        }
        let v = self.keep(field, text::line(field, &value, text::MAX_LINE));
        *slot(&mut self.rec) = v;
    }

    /// Whether the list for `field` is full; a value that finds it full is counted.
    fn full(&mut self, field: &'static str, len: usize) -> bool {
        if len < MAX_VALUES {
            return false;
        }
        *self.over.entry(field).or_default() += 1;
        true
    }

    /// Adds a value unless one with the same key is in the list already.
    fn push(&mut self, field: &'static str, slot: fn(&mut Record) -> &mut Vec<String>, key: String, value: String) {
        if self.seen.insert((field, key)) {
            slot(&mut self.rec).push(value);
        }
    }

    pub fn email(&mut self, value: &str) {
        let value = value.trim().trim_start_matches("mailto:");
        if value.is_empty() || self.full("email", self.rec.emails.len()) {
            return;
        }
        if let Some(e) = self.keep("email", text::email(value)) {
            self.push("email", |r| &mut r.emails, e.clone(), e);
        }
    }

    pub fn phone(&mut self, value: &str) {
        if value.trim().is_empty() || self.full("phone", self.rec.phones.len()) {
            return;
        }
        if let Some(p) = self.keep("phone", text::phone(value)) {
            self.push("phone", |r| &mut r.phones, phone::key(&p), p);
        }
    }

    /// A fax number, kept apart from the phones by its mark.
    pub fn fax(&mut self, value: &str) {
        let value = value.trim();
        if value.is_empty() || value.ends_with(phone::FAX.trim_start()) {
            self.phone(value);
        } else {
            self.phone(&format!("{value}{}", phone::FAX));
        }
    }

    pub fn tag(&mut self, value: &str) {
        let value = value.trim();
        if value.is_empty() || self.full("tag", self.rec.tags.len()) {
            return;
        }
        if let Some(t) = self.keep("tag", text::tag(value)) {
            self.push("tag", |r| &mut r.tags, t.clone(), t);
        }
    }

    /// A label from an address book: a tag, unless it is one the address book adds by
    /// itself (see `is_system_label`). `own_file` is true for jejaring's own exports
    /// and Google's ` ::: ` label cells, where a plain `starred` is the user's own.
    pub fn label(&mut self, value: &str, own_file: bool) {
        if !is_system_label(value, own_file) {
            self.tag(value);
        }
    }

    /// A web address; a LinkedIn profile goes to its own field.
    pub fn url(&mut self, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        if let Some(profile) = super::linkedin_profile(value) {
            if self.rec.linkedin.is_none() {
                self.rec.linkedin = Some(profile);
            }
            return;
        }
        if self.full("url", self.rec.urls.len()) {
            return;
        }
        if let Some(u) = self.keep("url", text::line("url", value, text::MAX_LINE)) {
            self.push("url", |r| &mut r.urls, u.clone(), u);
        }
    }

    /// An address from its parts (or a formatted block), kept on one line.
    pub fn address(&mut self, parts: &[&str]) {
        let joined = parts.iter().map(|p| one_line(p)).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ");
        if joined.is_empty() || self.full("address", self.rec.addresses.len()) {
            return;
        }
        if let Some(a) = self.keep("address", text::line("address", &joined, text::MAX_LINE)) {
            self.push("address", |r| &mut r.addresses, a.clone(), a);
        }
    }

    pub fn note(&mut self, value: &str) {
        if value.trim().is_empty() || self.rec.note.is_some() {
            return;
        }
        self.rec.note = self.keep("note", text::text("note", value));
    }

    pub fn impression(&mut self, value: &str) {
        if value.trim().is_empty() || self.rec.impression.is_some() {
            return;
        }
        self.rec.impression = self.keep("impression", text::text("impression", value));
    }

    /// A trust level, 1 to 5; anything else is left out and named.
    pub fn trust(&mut self, value: &str) {
        let value = value.trim();
        match value.parse::<u8>() {
            Ok(l) if (MIN_LEVEL..=MAX_LEVEL).contains(&l) => self.rec.trust = Some(l),
            _ => self.bad_levels.push(value.chars().take(40).collect()),
        }
    }

    /// Notes a date that could not be read; the rest of the record imports.
    pub fn bad_date(&mut self, field: &'static str, value: &str) {
        self.bad_dates.push((field, value.trim().chars().take(40).collect()));
    }

    /// Finishes the record: the name is the full name, else the name parts, else the
    /// organisation, else the first email. Without any of them the record is skipped.
    pub fn finish(mut self, full_name: &str) -> (Option<Record>, Vec<Problem>) {
        let mut name = one_line(full_name);
        if name.is_empty() {
            name = self.given.iter().map(|p| one_line(p)).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
        }
        if name.is_empty() {
            name = self.rec.org.clone().or_else(|| self.rec.emails.first().cloned()).unwrap_or_default();
        }
        let at = self.rec.at;
        let shown = (!name.is_empty()).then(|| name.chars().take(60).collect::<String>());
        let mut problems: Vec<Problem> = self
            .dropped
            .drain(..)
            .map(|(field, error)| Problem { at, name: shown.clone(), kind: ProblemKind::Dropped { field, error } })
            .collect();
        problems.extend(self.bad_dates.drain(..).map(|(field, value)| Problem {
            at,
            name: shown.clone(),
            kind: ProblemKind::BadDate { field, value },
        }));
        problems.extend(self.bad_levels.drain(..).map(|value| Problem {
            at,
            name: shown.clone(),
            kind: ProblemKind::BadTrust(value),
        }));
        problems.extend(std::mem::take(&mut self.over).into_iter().map(|(field, more)| Problem {
            at,
            name: shown.clone(),
            kind: ProblemKind::TooMany { field, more },
        }));
        let skip = |reason| Problem { at, name: shown.clone(), kind: ProblemKind::Skipped(reason) };
        if name.is_empty() {
            problems.push(skip(SkipReason::NoName));
            return (None, problems);
        }
        match text::line("name", &name, text::MAX_NAME) {
            Ok(n) => {
                self.rec.name = n;
                (Some(self.rec), problems)
            }
            Err(e) => {
                problems.push(skip(SkipReason::BadName(e)));
                (None, problems)
            }
        }
    }
}

/// Whether a label is one an address book adds by itself rather than one the user
/// made: Google's `* ` in front (`* myContacts`, `* starred`), and — except in
/// jejaring's own exports and Google's ` ::: ` label cells, where the user's labels
/// cannot be mistaken for them — `myContacts`, `starred`, `My Contacts` (Android) and
/// `Starred in Android`, in any case and spacing.
pub fn is_system_label(label: &str, own_file: bool) -> bool {
    let l = label.trim();
    if l.starts_with('*') {
        return true;
    }
    if own_file {
        return false;
    }
    let folded: String = l.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    matches!(folded.as_str(), "mycontacts" | "starred" | "starredinandroid")
}

/// Multi-line values (an address block) on one line, the lines joined by commas.
pub fn one_line(s: &str) -> String {
    let parts: Vec<&str> = s.split(['\n', '\r']).map(str::trim).filter(|p| !p.is_empty()).collect();
    parts.join(", ")
}

pub fn push_unique(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_values_are_dropped_and_named() {
        let mut d = Draft::new(At::Line(4));
        d.email("budi@example.com");
        d.email("not-an-email");
        d.phone("+62 812 0000 111");
        d.phone("+62-812-0000-111");
        d.url("https://www.linkedin.com/in/budi/");
        let (rec, problems) = d.finish("Budi");
        let rec = rec.unwrap();
        assert_eq!(rec.emails, ["budi@example.com"]);
        assert_eq!(rec.phones.len(), 1, "the same number written twice is kept once");
        assert_eq!(rec.linkedin.as_deref(), Some("https://www.linkedin.com/in/budi"));
        assert_eq!(problems.len(), 1);
        assert!(!problems[0].is_skip());
    }

    #[test]
    fn the_name_falls_back_to_parts_then_org_then_email() {
        let mut d = Draft::new(At::Line(1));
        d.given = vec!["Siti".into(), "".into(), "Rahma".into()];
        assert_eq!(d.finish("  ").0.unwrap().name, "Siti Rahma");
        let mut d = Draft::new(At::Line(1));
        d.line("org", |r| &mut r.org, "PT Maju");
        assert_eq!(d.finish("").0.unwrap().name, "PT Maju");
        let (rec, problems) = Draft::new(At::Line(9)).finish("");
        assert!(rec.is_none());
        assert!(problems[0].is_skip());
    }

    #[test]
    fn one_line_joins_blocks() {
        assert_eq!(one_line("Jl. Sudirman 1\r\nJakarta 12190\n"), "Jl. Sudirman 1, Jakarta 12190");
    }
}
