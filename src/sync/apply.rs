//! Applying a sync's outcome to the data file, under its lock, on the network as it is
//! by then: a contact edited while the sync talked to the server keeps that edit (the
//! next sync sends it), a contact given history meanwhile is not deleted.

use super::engine::{Outcome, has_history};
use super::fields::Fields;
use super::merge::{Winner, three_way};
use super::state::CardState;
use crate::i18n::Lang;
use crate::interop::merge::{Defaults, Merger, Outcome as Merged};
use crate::model::{Circle, Network};
use chrono::{DateTime, Utc};

/// Applies `outcome` to `net`. Returns the names of contacts a delete on the phone
/// found with history only now (kept, like the others).
pub fn apply(net: &mut Network, outcome: Outcome, now: DateTime<Utc>, lang: Lang) -> Vec<String> {
    let today = now.date_naive();
    let mut state = outcome.state;
    let index: std::collections::HashMap<uuid::Uuid, usize> =
        net.contacts.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    for (id, before, after) in &outcome.updates {
        let Some(c) = index.get(id).and_then(|&i| net.contacts.get_mut(i)) else { continue };
        let current = Fields::of(c);
        let target = if &current == before {
            after.clone()
        } else {
            // Edited here during the sync: that edit is the newer, and stays on top of
            // what was pulled.
            three_way(Some(before), &current, after, Some(Winner::Jejaring), today, lang).fields
        };
        target.apply(c);
    }
    let mut late_kept = Vec::new();
    for id in &outcome.removes {
        if net.contact(id).is_none() {
            continue;
        }
        if has_history(net, id) {
            late_kept.push(net.contact(id).map(|c| c.name.clone()).unwrap_or_default());
            state.kept.push(*id);
        } else {
            net.remove_contact(id);
        }
    }
    if !outcome.adds.is_empty() {
        let defaults = Defaults { circle: None, stage: None, fallback_circle: Circle::Other, tags: Vec::new() };
        let mut merger = Merger::new(net, now, today);
        let mut linked = Vec::new();
        for new in outcome.adds {
            let i = match merger.merge(new.record, &defaults) {
                Merged::Added(i) | Merged::Updated(i, _) | Merged::Unchanged(i) => i,
            };
            let Some(c) = merger.net().contacts.get(i) else { continue };
            let base = new.base.filled_from(&Fields::of(c));
            linked.push(CardState { contact: c.id, href: new.href, uid: new.uid, etag: new.etag, base });
        }
        state.cards.extend(linked);
        state.cards.sort_by(|a, b| a.href.cmp(&b.href));
    }
    state.kept.sort();
    state.kept.dedup();
    state.last_sync = Some(now);
    net.sync = Some(state);
    late_kept
}
