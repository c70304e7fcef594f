//! Parts of the network, for commands that show less than all of it: `list` reads each
//! contact's row (or, to search or print them whole, the contacts) and the day each was
//! last talked to, `show` reads one person and the people
//! and records around them. With a cache, the rest is never decoded; without one, the
//! whole file is parsed and the part taken from it, so both ways give the same part.

use super::load::{Opened, load};
use super::{Access, Store, Writer, cache, parse};
use crate::model::contact::handle_fits;
use crate::model::head::Head;
use crate::model::listed::Listed;
use crate::model::text::Needle;
use crate::model::{Contact, Interaction, Network};
use chrono::NaiveDate;
use std::fs::File;
use std::io;
use std::path::Path;
use std::time::Duration;
use uuid::Uuid;

/// The contacts a listing reads whole, each with the day of your last conversation with
/// them. A plain `list` reads rows instead (`Store::open_rows`).
pub struct Roster<'a> {
    /// Each contact `Listing` asked for, in file order.
    pub whole: &'a [Contact],
    /// The day of your last conversation with each of them, in their order.
    pub last: &'a [Option<NaiveDate>],
    /// How many contacts the network has in all.
    pub total: usize,
}

/// Which contacts a roster holds, and how much of each.
#[derive(Clone, Copy, Debug)]
pub enum Listing<'a> {
    /// Every contact, whole.
    Whole,
    /// The contacts that mention this text (see `Contact::mentions`), whole.
    Mentioning(&'a Needle),
}

/// The contacts a listing reads whole, the day of your last conversation with each, and
/// how many the network has: what a `Roster` borrows.
pub struct Found {
    pub contacts: Vec<Contact>,
    pub total: usize,
    pub last: Vec<Option<NaiveDate>>,
}

impl Found {
    /// What `listing` finds in a network read whole.
    pub fn of(net: Network, listing: Listing) -> Found {
        let last_contacted = net.last_contacted();
        let total = net.contacts.len();
        let mut contacts = net.contacts;
        if let Listing::Mentioning(needle) = listing {
            contacts.retain(|c| c.mentions(needle));
        }
        let last = contacts.iter().map(|c| last_contacted.get(&c.id).copied()).collect();
        Found { contacts, total, last }
    }

    /// The roster of what was found.
    pub fn roster(&self) -> Roster<'_> {
        Roster { whole: &self.contacts, last: &self.last, total: self.total }
    }
}

/// What `row` gathers into `new(n)` from `rows` (n of them), each with their last talk.
pub(super) fn gather<'a, S>(
    rows: impl ExactSizeIterator<Item = (Listed<'a>, Option<NaiveDate>)>,
    new: impl FnOnce(usize) -> S,
    row: impl Fn(&mut S, &Listed, Option<NaiveDate>),
) -> S {
    let mut gathered = new(rows.len());
    rows.for_each(|(listed, last)| row(&mut gathered, &listed, last));
    gathered
}

/// What `row` gathers into `new(n)` from the rows of `net` read whole (see
/// `Store::open_rows`).
pub fn rows_of<S>(net: &Network, new: impl FnOnce(usize) -> S, row: impl Fn(&mut S, &Listed, Option<NaiveDate>)) -> S {
    let last_contacted = net.last_contacted();
    gather(net.contacts.iter().map(|c| (c.listed(), last_contacted.get(&c.id).copied())), new, row)
}

/// The network in outline, for choosing what to read: in `rest`, every record but the
/// contacts and interactions whole; of each contact its head (see `Head`: its emails only
/// when read to change); of each interaction, who was in it (`people`).
pub struct Outline {
    pub rest: Network,
    /// Every contact's head, in the file's order: `Wanted` names contacts by place here.
    pub heads: Vec<Head>,
    pub(crate) whole: Whole,
}

/// Where the records an outline stands for are read from.
pub(crate) enum Whole {
    /// A cache: where each contact's record lies in it, and the index's interactions.
    Cached { contacts: Vec<super::cache::RecordAt>, interactions: super::cache::People },
    /// The parsed file: its contacts and interactions whole.
    Parsed { contacts: Vec<Contact>, interactions: Vec<Interaction> },
}

impl Outline {
    /// An outline of `net`, read whole (the file parsed, or the demo).
    pub fn of(mut net: Network) -> Outline {
        let (contacts, interactions) = (std::mem::take(&mut net.contacts), std::mem::take(&mut net.interactions));
        let heads = contacts.iter().map(Head::of).collect();
        Outline { rest: net, heads, whole: Whole::Parsed { contacts, interactions } }
    }

    /// The network the outline was made of (see `Outline::of`).
    pub(crate) fn into_network(self) -> Network {
        let Outline { rest: mut net, whole, .. } = self;
        if let Whole::Parsed { contacts, interactions } = whole {
            (net.contacts, net.interactions) = (contacts, interactions);
        }
        net
    }

    /// The place of the contact with this id.
    pub fn contact_index(&self, id: &Uuid) -> Option<usize> {
        self.heads.iter().position(|h| &h.id == id)
    }

    /// How many interactions the network has.
    pub fn interactions(&self) -> usize {
        match &self.whole {
            Whole::Cached { interactions, .. } => interactions.len(),
            Whole::Parsed { interactions, .. } => interactions.len(),
        }
    }

    /// Who was in interaction `n`.
    pub fn people(&self, n: usize) -> impl Iterator<Item = Uuid> + '_ {
        // One of the two is empty: the cache's section, or the parsed interactions.
        let (cached, parsed) = match &self.whole {
            Whole::Cached { interactions, .. } => (Some(interactions.ids(n)), &[][..]),
            Whole::Parsed { interactions, .. } => (None, interactions.get(n).map_or(&[][..], |i| &i.contacts[..])),
        };
        cached.into_iter().flatten().chain(parsed.iter().copied())
    }

    /// The network with only the wanted contacts and interactions, from a parsed file.
    pub(crate) fn taken(self, wanted: &Wanted) -> Network {
        let Outline { rest: mut net, whole, .. } = self;
        if let Whole::Parsed { contacts, interactions } = whole {
            net.contacts = take(contacts, &wanted.contacts);
            net.interactions = take(interactions, &wanted.interactions);
        }
        net
    }
}

/// How an outline's choice finds people: by name (and handle) alone, or by their emails
/// too, which an outline then reads for everyone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finding {
    ByName,
    ByNameOrEmail,
}

/// The contacts and interactions a command reads whole, by their place in the outline,
/// each once, in the order they are in the file.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Wanted {
    contacts: Vec<usize>,
    interactions: Vec<usize>,
}

impl Wanted {
    pub fn new(contacts: impl IntoIterator<Item = usize>, interactions: impl IntoIterator<Item = usize>) -> Wanted {
        let sorted = |list: &mut Vec<usize>| {
            list.sort_unstable();
            list.dedup();
        };
        let (mut contacts, mut interactions): (Vec<usize>, Vec<usize>) =
            (contacts.into_iter().collect(), interactions.into_iter().collect());
        sorted(&mut contacts);
        sorted(&mut interactions);
        Wanted { contacts, interactions }
    }

    pub(crate) fn contacts(&self) -> &[usize] {
        &self.contacts
    }

    pub(crate) fn interactions(&self) -> &[usize] {
        &self.interactions
    }
}

impl Store {
    /// Opens the data file to change part of it: `choose` is given the network in
    /// outline (see `Outline`) and picks the contacts the change needs whole, with what
    /// it found (`C`). The writer holds those contacts, no interaction, and every other
    /// record whole; the change may change the contacts held and add contacts and
    /// interactions, and its save copies the rest from the file read (see `cache::Kept`).
    /// Without a cache that can give a part, the writer holds the whole network. Either
    /// way the file written is the same. `choose` may be called twice.
    pub fn open_write_part<C>(
        path: &Path,
        lock_wait: Duration,
        on_wait: impl FnOnce(),
        choose: impl Fn(&Outline) -> anyhow::Result<(Wanted, C)>,
    ) -> anyhow::Result<(Writer, C)> {
        let Opened { path, lock, file } = Opened::new(path, Access::Write, lock_wait, on_wait)?;
        let store = |lock, net, migrated_from, prior, kept| Store {
            path: path.clone(),
            access: Access::Write,
            _lock: lock,
            migrated_from,
            prior,
            kept,
            leave_to_exit: false,
            net,
        };
        let Some(file) = file else {
            let outline = Outline::of(Network::default());
            let (_, chosen) = choose(&outline)?;
            return Ok((Writer(store(lock, outline.into_network(), None, None, None)), chosen));
        };
        let unused = match cache::read_with(&path, file, cache::Checked::outline_to_change) {
            // Handles an older version made are replaced as the network is read, and
            // saved with it: only a network read whole can save them all.
            Ok(((outline, _), checked)) if !outline.heads.iter().all(|h| handle_fits(h.handle())) => checked.unused(),
            Ok(((outline, read), checked)) => {
                let (wanted, chosen) = choose(&outline)?;
                match checked.part(outline, &wanted, read) {
                    Ok((net, copyable, kept)) => {
                        let part = store(lock, net, None, Some(checked.prior(copyable)), Some(kept));
                        return Ok((Writer(part), chosen));
                    }
                    Err(_) => checked.unused(),
                }
            }
            Err(unused) => unused,
        };
        let (mut net, migrated_from, prior) = load(unused.0, &path, false, true)?;
        crate::model::contact::shorten_handles(&mut net.contacts);
        let outline = Outline::of(net);
        let (_, chosen) = choose(&outline)?;
        Ok((Writer(store(lock, outline.into_network(), migrated_from, prior, None)), chosen))
    }
}

/// The contacts found with the handles `shorten_handles` gives them. New handles are
/// given against everyone's, so some contacts only take them from all the rows.
pub(super) fn with_handles(checked: &cache::Checked, mut found: Found) -> io::Result<Found> {
    use crate::model::contact::{handle_fits, new_handles, shorten_handles};
    if found.contacts.len() == found.total {
        shorten_handles(&mut found.contacts);
    } else if found.contacts.iter().any(|c| !handle_fits(&c.handle)) {
        let index = checked.index()?;
        let (all, _) = cache::read_rows(&index)?;
        let handles: rustc_hash::FxHashMap<Uuid, String> =
            new_handles(all.iter().map(|r| (&r.id, &*r.handle))).into_iter().map(|(n, h)| (all[n].id, h)).collect();
        for c in &mut found.contacts {
            if let Some(handle) = handles.get(&c.id) {
                c.handle = handle.clone();
            }
        }
    }
    Ok(found)
}

/// Every row with the handle `shorten_handles` gives it.
pub(super) fn with_row_handles(mut rows: Vec<Listed>) -> Vec<Listed> {
    let new = crate::model::contact::new_handles(rows.iter().map(|r| (&r.id, &*r.handle)));
    for (n, handle) in new {
        rows[n].handle = handle.into();
    }
    rows
}

/// The part `choose` wants of the network in `file` (see `Store::open_part`).
pub(super) fn read_part(
    file: File,
    path: &Path,
    refresh_cache: bool,
    finding: Finding,
    choose: impl Fn(&Outline) -> anyhow::Result<Wanted>,
) -> anyhow::Result<Network> {
    let unused = match cache::read_with(path, file, |checked| checked.outline_for(finding)) {
        Ok((mut outline, checked)) => {
            for (n, handle) in crate::model::contact::new_handles(outline.heads.iter().map(|h| (&h.id, h.handle()))) {
                outline.heads[n].set_handle(&handle);
            }
            let wanted = choose(&outline)?;
            // The handles the outline was given (an older version's are replaced as the
            // network is read), for the same people.
            let handles: Vec<String> =
                wanted.contacts().iter().map(|&n| outline.heads[n].handle().to_string()).collect();
            match checked.slice(outline, &wanted) {
                Ok(mut net) => {
                    for (c, handle) in net.contacts.iter_mut().zip(handles) {
                        c.handle = handle;
                    }
                    return Ok(net);
                }
                Err(_) => checked.unused(),
            }
        }
        Err(unused) => unused,
    };
    let (mut net, _) = parse(unused, path, refresh_cache)?;
    crate::model::contact::shorten_handles(&mut net.contacts);
    let outline = Outline::of(net);
    let wanted = choose(&outline)?;
    Ok(outline.taken(&wanted))
}

/// The items of `list` at the places `wanted` (in order, each once).
fn take<T>(list: Vec<T>, wanted: &[usize]) -> Vec<T> {
    let mut wanted = wanted.iter().peekable();
    list.into_iter()
        .enumerate()
        .filter(|(n, _)| wanted.next_if(|&&w| w == *n).is_some())
        .map(|(_, item)| item)
        .collect()
}
