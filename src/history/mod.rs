//! Conversations found in the traces people already have — calendar exports, mailboxes,
//! LinkedIn's messages.csv and WhatsApp chat exports — for `jejaring import history`.
//!
//! Each reader (`calendar`, `mail`, `linkedin`, `whatsapp`) is pure: bytes (or, for a
//! mailbox, a stream) and `now` in, a [`Harvest`] out. A reader reports every trace
//! finely — one [`Found`] per message or per occurrence — with everyone in it, who
//! wrote, and which trace opened the exchange. It does not decide who "you" are, nor
//! who is a contact: [`gather`] groups traces that are one interaction (a thread on one
//! day, a chat on one day), and `resolve` (with `matching`) says who you are, whether
//! both sides wrote, who reached out, and which contacts took part.
//!
//! Nothing of a message's text is kept: a reader hands on at most a short title (an
//! event's summary, an email's subject), cut to [`MAX_TITLE`] characters.

pub mod calendar;
pub mod detect;
#[cfg(test)]
mod fuzz_tests;
pub mod linkedin;
pub mod mail;
pub mod matching;
#[cfg(test)]
mod privacy_props;
mod problem;
pub mod resolve;
pub mod whatsapp;
mod window;

pub use detect::Source;
pub use problem::{Problem, ProblemKind, Skip};
pub use window::{Window, Zone};

use crate::model::{Kind, interaction::Origin};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

/// The longest title kept from a subject or an event summary, in characters.
pub const MAX_TITLE: usize = 80;

/// Someone seen in a trace, by whatever the trace names them with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin: Option<String>,
    /// They sent a message here, or accepted or organised the meeting.
    pub spoke: bool,
    /// They declined the meeting.
    pub declined: bool,
}

impl Person {
    /// One key per person within an export: the strongest identifier it has.
    pub fn key(&self) -> String {
        if let Some(e) = &self.email {
            return format!("e:{}", e.to_lowercase());
        }
        if let Some(l) = &self.linkedin {
            return format!("l:{}", crate::model::identity::linkedin_key(l));
        }
        if let Some(p) = &self.phone {
            return format!("p:{}", crate::model::phone::key(p));
        }
        format!("n:{}", self.name.as_deref().map(crate::model::identity::name_key).unwrap_or_default())
    }

    /// How the person is shown in the list of unknown people.
    pub fn label(&self) -> String {
        match (&self.name, &self.email, &self.phone) {
            (Some(n), Some(e), _) => format!("{n} <{e}>"),
            (Some(n), None, Some(p)) if n != p => format!("{n} ({p})"),
            (Some(n), _, _) => n.clone(),
            (None, Some(e), _) => e.clone(),
            (None, None, Some(p)) => p.clone(),
            (None, None, None) => self.linkedin.clone().unwrap_or_default(),
        }
    }
}

/// One trace: a message, a chat line's day, or one occurrence of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub from: Origin,
    /// Names the interaction this trace belongs to, stable between exports.
    pub key: String,
    /// Names the exchange whose two sides make it "talked": a thread, a LinkedIn
    /// conversation, a chat's day, an event.
    pub exchange: String,
    pub on: NaiveDate,
    /// When, to put the traces of one interaction in order.
    pub at: DateTime<Utc>,
    pub kind: Kind,
    pub title: Option<String>,
    /// Everyone in it, you included when the trace names you.
    pub people: Vec<Person>,
    /// Which of `people` opened the exchange with this trace (the sender of a thread's
    /// first message, of a chat's first line of the day, a meeting's organiser).
    pub opener: Option<usize>,
    /// A meeting is a two-way exchange however many wrote.
    pub meeting: bool,
    /// The line of its file it starts on.
    pub line: usize,
}

/// What a reader got out of one file or folder.
#[derive(Debug, Default)]
pub struct Harvest {
    pub found: Vec<Found>,
    /// Messages left out as mailing lists, bulk mail and robots.
    pub ignored: usize,
    pub problems: Vec<Problem>,
    /// How many messages, rows or events the reader read (0: it does not count them,
    /// and its traces are the count).
    pub read: usize,
    /// What was left out on purpose, and how many of each.
    pub skipped: Vec<(Skip, usize)>,
    /// Who the export says you are (a Google calendar's name, the sender of mail
    /// labelled Sent, the other side of a one-to-one chat), beside `--me`.
    pub me_hints: Vec<String>,
}

impl Harvest {
    pub fn extend(&mut self, other: Harvest) {
        self.found.extend(other.found);
        self.ignored += other.ignored;
        self.problems.extend(other.problems);
        self.read += other.read;
        for (why, n) in other.skipped {
            self.skip(why, n);
        }
        for h in other.me_hints {
            if !self.me_hints.contains(&h) {
                self.me_hints.push(h);
            }
        }
    }
}

impl Harvest {
    /// Counts `n` more left out for `why`.
    pub fn skip(&mut self, why: Skip, n: usize) {
        match self.skipped.iter_mut().find(|(w, _)| *w == why) {
            Some((_, count)) => *count += n,
            None => self.skipped.push((why, n)),
        }
    }
}

/// A short title: one line, at most [`MAX_TITLE`] characters, None when blank.
pub fn title(text: &str) -> Option<String> {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let line: String = line.chars().filter(|c| !c.is_control()).collect();
    if line.is_empty() {
        return None;
    }
    if line.chars().count() <= MAX_TITLE {
        return Some(line);
    }
    let mut cut: String = line.chars().take(MAX_TITLE - 1).collect();
    cut.push('…');
    Some(cut)
}

/// One interaction made of the traces that share a key.
#[derive(Clone, Debug, PartialEq)]
pub struct Gathered {
    pub from: Origin,
    pub key: String,
    pub exchange: String,
    pub on: NaiveDate,
    pub kind: Kind,
    pub title: Option<String>,
    pub people: Vec<Person>,
    pub opener: Option<usize>,
    pub meeting: bool,
    pub line: usize,
}

/// Groups traces by their key, in the order of their first trace: everyone in any of
/// them, who spoke in any, the first title, and the opener of the earliest trace.
pub fn gather(mut found: Vec<Found>) -> Vec<Gathered> {
    found.sort_by_key(|f| (f.at, f.line));
    let mut out: Vec<Gathered> = Vec::new();
    let mut by_key: HashMap<(Origin, String), usize> = HashMap::new();
    for f in found {
        let slot = by_key.get(&(f.from.clone(), f.key.clone())).copied();
        let Some(i) = slot else {
            by_key.insert((f.from.clone(), f.key.clone()), out.len());
            out.push(Gathered {
                from: f.from,
                key: f.key,
                exchange: f.exchange,
                on: f.on,
                kind: f.kind,
                title: f.title,
                people: f.people,
                opener: f.opener,
                meeting: f.meeting,
                line: f.line,
            });
            continue;
        };
        let g = &mut out[i];
        if g.title.is_none() {
            g.title = f.title;
        }
        for p in f.people {
            let k = p.key();
            match g.people.iter_mut().find(|q| q.key() == k) {
                Some(q) => {
                    q.spoke |= p.spoke;
                    q.declined &= p.declined;
                    if q.name.is_none() {
                        q.name = p.name;
                    }
                }
                None => g.people.push(p),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_one_short_line() {
        assert_eq!(title("  Re:\n  coffee\tnext week "), Some("Re: coffee next week".into()));
        assert_eq!(title(" \n "), None);
        let long = "x".repeat(200);
        let t = title(&long).unwrap();
        assert_eq!(t.chars().count(), MAX_TITLE);
        assert!(t.ends_with('…'));
    }
}
