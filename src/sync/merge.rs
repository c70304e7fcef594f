//! The three-way merge of one card, field by field, against the version both sides last
//! agreed on. Pure: no network, no clock (the day is passed in), no printing.
//!
//! - A field only one side changed takes that side's value.
//! - A list (emails, phones, web pages, addresses) is merged value by value: what one
//!   side added is added, what one side removed (and the other left alone) goes. When
//!   both sides changed it, the phone's values come first and jejaring's new ones stay
//!   as extra values (a second phone, a second email): reported as a conflict.
//! - A single value both sides changed differently keeps the newer change: the card's
//!   time on the server against the contact's last edit here. When either time is
//!   unknown, the phone's value wins for the fields a phone shows (the phone's address
//!   book is the source for those) and jejaring's for circle, stage and cadence
//!   (jejaring's own ideas). The value that lost is written into the note, so nothing
//!   is lost, and the conflict is reported.
//! - A first link (a contact here and a card on the phone never synced together) is no
//!   conflict: the phone's spelling of a name (and its organisation, role, birthday)
//!   stays, jejaring's circle, stage and cadence stay, lists are joined, and two
//!   different notes are joined (the phone's first). Nothing is reported and no
//!   "both sides changed" lines are written onto the phone on day one.

use super::fields::{Field, Fields};
use crate::i18n::Lang;
use crate::t;
use chrono::{DateTime, NaiveDate, Utc};

/// One field both sides changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub field: Field,
    /// The value that stayed the field's value.
    pub kept: String,
    /// The value kept as an extra value or in the note.
    pub other: String,
}

/// The merged card and the conflicts met on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub fields: Fields,
    pub conflicts: Vec<Conflict>,
}

/// Which side wins a single value both changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Winner {
    Phone,
    Jejaring,
}

/// The side whose change is the newer, when both times are known: `here` is the
/// contact's last edit in jejaring, `phone` the card's last change on the server.
pub fn newer(here: Option<DateTime<Utc>>, phone: Option<DateTime<Utc>>) -> Option<Winner> {
    match (here, phone) {
        (Some(h), Some(p)) if h > p => Some(Winner::Jejaring),
        (Some(_), Some(_)) => Some(Winner::Phone),
        _ => None,
    }
}

/// Merges `local` (the contact now) and `remote` (the card now) against `base` (the
/// card as last synced; None for a pair never synced together, where an empty value
/// on one side is no change). `today` dates the note lines a conflict writes.
/// `newer` says whose change wins a single value both changed (see `newer`); None uses
/// the field's own side.
pub fn three_way(
    base: Option<&Fields>,
    local: &Fields,
    remote: &Fields,
    newer: Option<Winner>,
    today: NaiveDate,
    lang: Lang,
) -> Merged {
    let mut conflicts = Vec::new();
    let mut lost: Vec<(Field, String)> = Vec::new();
    let b = base;
    let mut scalar = |field: Field, get: fn(&Fields) -> Option<&String>, winner: Winner| {
        let (l, r) = (get(local).cloned(), get(remote).cloned());
        let base_value = b.map(|b| get(b).cloned());
        // A first link is no conflict: the field's own side keeps its value.
        let winner = if b.is_some() { newer.unwrap_or(winner) } else { winner };
        match pick(base_value, l, r, winner) {
            Pick::Plain(v) => v,
            Pick::Conflict { kept, .. } if b.is_none() => kept,
            Pick::Conflict { kept, other } => {
                conflicts.push(Conflict { field, kept: kept.clone().unwrap_or_default(), other: other.clone() });
                lost.push((field, other));
                kept
            }
        }
    };
    let name = scalar(Field::Name, |f| Some(&f.name), Winner::Phone).unwrap_or_default();
    let org = scalar(Field::Org, |f| f.org.as_ref(), Winner::Phone);
    let role = scalar(Field::Role, |f| f.role.as_ref(), Winner::Phone);
    let birthday = scalar(Field::Birthday, |f| f.birthday.as_ref(), Winner::Phone);
    let circle = scalar(Field::Circle, |f| f.circle.as_ref(), Winner::Jejaring);
    let stage = scalar(Field::Stage, |f| f.stage.as_ref(), Winner::Jejaring);
    let cadence = scalar(Field::Cadence, |f| f.cadence.as_ref(), Winner::Jejaring);
    let note_winner = if b.is_some() { newer.unwrap_or(Winner::Phone) } else { Winner::Phone };
    let note_pick = pick(b.map(|b| b.note.clone()), local.note.clone(), remote.note.clone(), note_winner);
    let mut lists = |field: Field, get: fn(&Fields) -> &Vec<String>| {
        let key = |v: &str| field.key(v);
        let merged = list(b.map(get), get(local), get(remote), field);
        let both_changed = b.is_some_and(|b| get(b) != get(local) && get(b) != get(remote));
        if both_changed && &merged != get(local) && &merged != get(remote) {
            let extra: Vec<&String> =
                get(local).iter().filter(|v| !get(remote).iter().any(|r| key(r) == key(v))).collect();
            conflicts.push(Conflict {
                field,
                kept: get(remote).join(", "),
                other: extra.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "),
            });
        }
        merged
    };
    let emails = lists(Field::Emails, |f| &f.emails);
    let phones = lists(Field::Phones, |f| &f.phones);
    let urls = lists(Field::Urls, |f| &f.urls);
    let addresses = lists(Field::Addresses, |f| &f.addresses);
    let mut note = match note_pick {
        Pick::Plain(v) => v,
        // A first link: both notes are the user's; joined, the phone's first.
        Pick::Conflict { kept, other } if b.is_none() => {
            let kept = kept.unwrap_or_default();
            Some(if kept.contains(other.trim()) { kept } else { format!("{}\n\n{}", kept.trim_end(), other.trim()) })
        }
        Pick::Conflict { kept, other } => {
            conflicts.push(Conflict {
                field: Field::Note,
                kept: kept.clone().unwrap_or_default(),
                other: other.clone(),
            });
            let kept = kept.unwrap_or_default();
            let head = t!(lang, "From jejaring, at the sync of {today}:", "Dari jejaring, saat sinkron {today}:");
            Some(format!("{kept}\n\n{head}\n{other}").trim().to_string())
        }
    };
    if !lost.is_empty() {
        let head = t!(
            lang,
            "Sync on {today}: both sides changed these; the other value was:",
            "Sinkron {today}: kedua sisi mengubah ini; nilai yang lain:"
        );
        let lines: Vec<String> = lost.iter().map(|(f, v)| format!("{}: {v}", f.label(lang))).collect();
        let block = format!("{head}\n{}", lines.join("\n"));
        note = Some(match note {
            Some(n) if !n.trim().is_empty() => format!("{n}\n\n{block}"),
            _ => block,
        });
    }
    Merged {
        fields: Fields { name, org, role, emails, phones, urls, addresses, birthday, note, circle, stage, cadence },
        conflicts,
    }
}

enum Pick {
    Plain(Option<String>),
    Conflict { kept: Option<String>, other: String },
}

fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

fn pick(base: Option<Option<String>>, local: Option<String>, remote: Option<String>, winner: Winner) -> Pick {
    if local == remote {
        return Pick::Plain(local);
    }
    match base {
        Some(b) if b == local => return Pick::Plain(remote),
        Some(b) if b == remote => return Pick::Plain(local),
        // Never synced together: a value on one side only is no conflict.
        None if blank(&local) => return Pick::Plain(remote),
        None if blank(&remote) => return Pick::Plain(local),
        _ => {}
    }
    let (kept, other) = match winner {
        Winner::Phone => (remote, local),
        Winner::Jejaring => (local, remote),
    };
    match other {
        // A value removed on the losing side loses nothing.
        None => Pick::Plain(kept),
        Some(o) if o.trim().is_empty() => Pick::Plain(kept),
        Some(o) => Pick::Conflict { kept, other: o },
    }
}

/// Merges a list value by value, comparing by the field's `key`: the phone's order first, then
/// jejaring's additions.
fn list(base: Option<&Vec<String>>, local: &[String], remote: &[String], field: Field) -> Vec<String> {
    let has = |list: &[String], v: &str| {
        let k = field.key(v);
        list.iter().any(|x| field.key(x) == k)
    };
    let in_base = |v: &str| base.is_some_and(|b| has(b, v));
    let mut out: Vec<String> = Vec::new();
    for v in remote {
        // Kept unless jejaring removed it since the last sync.
        if (has(local, v) || !in_base(v)) && !has(&out, v) {
            out.push(v.clone());
        }
    }
    for v in local {
        // Added in jejaring (or never synced): kept unless the phone removed it.
        if !has(remote, v) && !in_base(v) && !has(&out, v) {
            out.push(v.clone());
        }
    }
    out
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
