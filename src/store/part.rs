//! Parts of the network, for commands that show less than all of it: `list` reads the
//! contacts and the day each was last talked to, `show` reads one person and the people
//! and records around them. With a cache, the rest is never decoded; without one, the
//! whole file is parsed and the part taken from it, so both ways give the same part.

use crate::model::{Contact, Network};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::ops::Range;
use uuid::Uuid;

/// The contacts, each with the day of your last conversation with them: all `list`
/// shows, filters on or sorts by (but warmth, which needs the whole network).
pub struct Roster {
    pub contacts: Vec<Contact>,
    pub last_contacted: FxHashMap<Uuid, NaiveDate>,
}

impl Roster {
    pub fn of(net: Network) -> Roster {
        let last_contacted = net.last_contacted();
        Roster { contacts: net.contacts, last_contacted }
    }
}

/// The network in outline, for choosing what to read: every record but contacts and
/// interactions whole; of each contact only its id, handle, name and organisation, and
/// of each interaction only its people and day (its other fields are placeholders).
pub struct Outline {
    pub net: Network,
    /// Where each contact's and interaction's record lies, when they come from a cache.
    pub(super) spans: (Vec<Range<usize>>, Vec<Range<usize>>),
}

/// The contacts and interactions a command reads whole, by their place in the outline.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Wanted {
    pub contacts: Vec<usize>,
    pub interactions: Vec<usize>,
}

impl Wanted {
    /// `net` with only the wanted contacts and interactions, in the order wanted.
    pub fn taken_from(&self, mut net: Network) -> Network {
        let pick = |n: &usize| *n;
        net.contacts = take(std::mem::take(&mut net.contacts), self.contacts.iter().map(pick));
        net.interactions = take(std::mem::take(&mut net.interactions), self.interactions.iter().map(pick));
        net
    }
}

fn take<T>(list: Vec<T>, wanted: impl Iterator<Item = usize>) -> Vec<T> {
    let mut slots: Vec<Option<T>> = list.into_iter().map(Some).collect();
    wanted.filter_map(|n| slots.get_mut(n).and_then(Option::take)).collect()
}
