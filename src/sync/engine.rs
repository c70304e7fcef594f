//! One sync of the address book, worked out on a copy of the network read without
//! holding its lock: pull what changed on the server, merge, push what changed here.
//! The result (`Outcome`) says what to change in the data file; `apply` does that
//! later, under the lock, on the network as it is by then. Cards pulled from the
//! server are handled here; what changed here, and the conditional write, in `local`.

use super::cards;
use super::dav::{self, Dav, DavError};
use super::fields::Fields;
use super::merge::{Winner, newer, three_way};
use super::remote::{self, Written};
use super::state::{CardState, SyncState};
use crate::i18n::Lang;
use crate::interop::Record;
use crate::interop::merge::Finder;
use crate::model::Network;
use crate::model::sync::recorded_here;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

mod local;

use local::Put;

pub use super::report::{Link, NotWritten, Report};

/// A card new to jejaring, to become a contact when the sync is applied.
#[derive(Clone, Debug)]
pub struct NewCard {
    pub record: Record,
    pub href: String,
    pub uid: String,
    pub etag: Option<String>,
    pub base: Fields,
    /// The contact already linked to another card that this card also matched: the
    /// card becomes a contact of its own, never folded into theirs.
    pub duplicate_of: Option<Uuid>,
}

/// One card as the server has it now.
struct Card {
    href: String,
    uid: String,
    etag: Option<String>,
    text: String,
    /// Its fields (a phone's missing circle, stage and cadence read as the contact's).
    fields: Fields,
}

/// Whom an unlinked card is.
enum Match {
    /// A contact no other card is linked to.
    Free(Uuid),
    /// A contact another card is already linked to.
    Taken(Uuid),
    None,
}

/// What the sync decided and did on the server; applied to the data file by `apply`.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub report: Report,
    /// A contact's fields before the sync and what the sync made of them.
    pub updates: Vec<(Uuid, Fields, Fields)>,
    pub adds: Vec<NewCard>,
    /// Contacts whose card the phone deleted, with their fields as this sync saw them:
    /// removed only if still so when the sync is applied.
    pub removes: Vec<(Uuid, Fields)>,
    pub kept: Vec<Uuid>,
    /// The state after the sync (cards and token), for contacts that existed before.
    pub state: SyncState,
}

/// Tests only (the `test-hooks` feature): runs `JEJARING_SYNC_TEST_BEFORE_WRITE` once, just before the first
/// card is written, so a test can change the server or the data file at exactly the
/// moment a race would (a 412, an edit made during the sync).
fn before_first_write() {
    #[cfg(feature = "test-hooks")]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            if let Ok(cmd) = std::env::var("JEJARING_SYNC_TEST_BEFORE_WRITE") {
                let _ = std::process::Command::new("sh").arg("-c").arg(cmd).status();
            }
        });
    }
}

/// Told how much a sync has to do and each step done, for a progress bar and the
/// notice before a large first sync (the engine itself never prints).
pub trait Progress {
    /// Before anything is sent: the cards to pull, the contacts to send as new cards,
    /// and the cards the address book holds (a server's time for each new card can grow
    /// with them).
    fn total(&self, pulls: u64, pushes: u64, on_server: u64);
    fn step(&self);
}

impl Progress for () {
    fn total(&self, _: u64, _: u64, _: u64) {}
    fn step(&self) {}
}

struct Run<'a> {
    dav: &'a Dav,
    net: &'a Network,
    book: String,
    today: NaiveDate,
    lang: Lang,
    dry_run: bool,
    out: Outcome,
    entries: HashMap<String, CardState>,
    touched: HashSet<Uuid>,
    written: HashMap<String, Written>,
    /// Each contact's place in the network, so a lookup costs O(1) at 10,000 contacts.
    index: HashMap<Uuid, usize>,
    /// The contacts some card is linked to (kept as cards are linked).
    linked: HashSet<Uuid>,
    /// Contacts deleted on the phone but edited here since: sent back as new cards.
    restore: HashSet<Uuid>,
    /// `sync --only`: which contacts go to the phone as new cards.
    only: Vec<String>,
}

/// Syncs the address book in `net.sync` (which must be set).
pub fn sync(
    dav: &Dav,
    net: &Network,
    now: DateTime<Utc>,
    lang: Lang,
    dry_run: bool,
    progress: &dyn Progress,
) -> Result<Outcome, DavError> {
    let state = net.sync.clone().unwrap_or_default();
    let book = state.addressbook.clone();
    let mut changes = remote::changes(dav, &book, &state)?;
    let kept: HashSet<Uuid> = state.kept.iter().copied().collect();
    let linked: HashSet<Uuid> = state.cards.iter().map(|c| c.contact).collect();
    // Cards pulled, plus at most one write for each contact not yet on the server.
    let unlinked =
        net.contacts.iter().filter(|c| !linked.contains(&c.id) && !kept.contains(&c.id) && state.sends(c)).count();
    let on_server = state.cards.len() + changes.changed.len();
    progress.total(changes.changed.len() as u64, unlinked as u64, on_server as u64);
    let mut run = Run {
        dav,
        net,
        book,
        today: now.date_naive(),
        lang,
        dry_run,
        out: Outcome::default(),
        entries: state.cards.iter().map(|c| (c.href.clone(), c.clone())).collect(),
        touched: HashSet::new(),
        written: HashMap::new(),
        index: net.contacts.iter().enumerate().map(|(i, c)| (c.id, i)).collect(),
        linked,
        restore: HashSet::new(),
        only: state.only.clone(),
    };
    run.out.report.refused = std::mem::take(&mut changes.refused);
    let finder = Finder::new(net);
    // Deletes first: a contact sent back to the phone by a sync stopped before it
    // could save is unlinked from its deleted card, so its new card links to it again.
    for href in changes.deleted {
        run.deleted_card(&href);
    }
    for pulled in changes.changed {
        run.pulled_card(&finder, pulled)?;
        progress.step();
    }
    run.local_changes(&kept, progress)?;
    let mut new_state = SyncState { cards: Vec::new(), token: changes.token, ..state };
    new_state.kept.extend(run.out.kept.iter().copied());
    // The token after this sync's own writes, so the next sync does not see them as news.
    if let (false, false, Some(token)) = (run.dry_run, run.written.is_empty(), new_state.token.clone())
        && let Some((token, etags)) = remote::absorb(dav, &run.book, &token, &run.written)
    {
        new_state.token = Some(token);
        for (href, etag) in etags {
            if let Some(e) = run.entries.get_mut(&href) {
                e.etag = Some(etag);
            }
        }
    }
    let mut cards: Vec<CardState> = run.entries.into_values().collect();
    cards.sort_by(|a, b| a.href.cmp(&b.href));
    // A contact kept off the phone whose card the phone made again is linked again.
    let linked: HashSet<Uuid> = cards.iter().map(|c| c.contact).collect();
    new_state.kept.retain(|id| !linked.contains(id));
    new_state.cards = cards;
    run.out.state = new_state;
    Ok(run.out)
}

impl Run<'_> {
    fn contact(&self, id: &Uuid) -> Option<&crate::model::Contact> {
        self.index.get(id).and_then(|&i| self.net.contacts.get(i))
    }

    fn url(&self, href: &str) -> String {
        dav::join(&self.book, href)
    }

    fn name_of(&self, id: &Uuid) -> String {
        self.contact(id).map(|c| c.name.clone()).unwrap_or_default()
    }

    /// A card the server has that is new or changed since the last sync.
    fn pulled_card(&mut self, finder: &Finder, pulled: remote::Pulled) -> Result<(), DavError> {
        let (href, etag, text, modified) = pulled;
        let Some(card) = cards::read(&text) else {
            self.out.report.skipped += 1;
            return Ok(());
        };
        let uid = card.uid.clone().unwrap_or_else(|| href.clone());
        let remote = Fields::from_record(&card.record);
        if let Some(entry) = self.entries.get(&href).cloned() {
            if let Some(c) = self.contact(&entry.contact) {
                let local = Fields::of(c);
                let fields = remote.filled_from(&entry.base);
                // Changed on both sides: whose change is the newer decides single values.
                // Servers that leave the time out of a multiget (Radicale) are asked.
                let both = local != entry.base;
                let modified =
                    modified.or_else(|| both.then(|| remote::modified(self.dav, &self.url(&href))).flatten());
                let newer = newer(c.edited, modified);
                let card = Card { href, uid, etag, text, fields };
                return self.resolve(entry.contact, Some(&entry.base), local, card, newer);
            }
            // Removed here but changed on the phone: the phone's change wins, and the
            // card comes back as a contact.
            self.entries.remove(&href);
        }
        let duplicate_of = match self.find(finder, &card.record, &uid) {
            Match::Free(id) => {
                let c = self.contact(&id).expect("found in this network");
                let local = Fields::of(c);
                let fields = remote.filled_from(&local);
                let link = Link { contact: c.name.clone(), card: fields.name.clone(), href: href.clone() };
                self.out.report.linked.push(link);
                // A first link: no time decides, no conflict (see `merge`).
                return self.resolve(id, None, local, Card { href, uid, etag, text, fields }, None);
            }
            Match::Taken(id) => {
                let link = Link { contact: self.name_of(&id), card: remote.name.clone(), href: href.clone() };
                self.out.report.duplicates.push(link);
                Some(id)
            }
            Match::None => {
                self.out.report.added_here.push(remote.name.clone());
                None
            }
        };
        self.out.report.pulled += 1;
        self.out.adds.push(NewCard { record: card.record, href, uid, etag, base: remote, duplicate_of });
        Ok(())
    }

    /// The contact an unlinked card is: by the UID jejaring gave it, a UID imported
    /// before, or the identity rule (never a name alone). A contact is linked to one
    /// card at most: one another card already has is `Taken`, and the card becomes a
    /// contact of its own (two cards of one person, or two people under one UID).
    fn find(&self, finder: &Finder, rec: &Record, uid: &str) -> Match {
        let classify = |id: Uuid| {
            if self.linked.contains(&id) || self.touched.contains(&id) { Match::Taken(id) } else { Match::Free(id) }
        };
        let bare = uid.trim().to_lowercase();
        let bare = bare.strip_prefix("urn:uuid:").unwrap_or(&bare);
        if let Ok(id) = Uuid::parse_str(bare)
            && self.contact(&id).is_some()
        {
            return classify(id);
        }
        let mut by_uid = self.net.contacts.iter().filter(|c| c.source_ids.iter().any(|s| s == uid)).map(|c| c.id);
        if let Some(first) = by_uid.next() {
            let free = std::iter::once(first).chain(by_uid).find(|id| matches!(classify(*id), Match::Free(_)));
            return classify(free.unwrap_or(first));
        }
        match finder.find(rec).and_then(|i| self.net.contacts.get(i)) {
            Some(c) => classify(c.id),
            None => Match::None,
        }
    }

    /// Merges one card with its contact (`base`: as last synced; None for a first
    /// link), pushes the result when the server needs it, and records the new state of
    /// the pair.
    fn resolve(
        &mut self,
        id: Uuid,
        base: Option<&Fields>,
        local: Fields,
        card: Card,
        newer: Option<Winner>,
    ) -> Result<(), DavError> {
        let merged = three_way(base, &local, &card.fields, newer, self.today, self.lang);
        let mut fields = merged.fields;
        let name = fields.name.clone();
        self.out.report.conflicts.extend(merged.conflicts.into_iter().map(|c| (name.clone(), c)));
        let Card { href, uid, etag, text, fields: remote } = card;
        let mut etag = etag;
        let mut pushed = fields != remote;
        let mut base_here = fields.clone();
        if pushed && !cards::editable(&text) {
            // Never replaced by a card of ours: the card stays, and the change here
            // waits (the state keeps the card's own fields, so the next sync tries again).
            self.out.report.not_written.push(NotWritten { contact: fields.name.clone(), href: href.clone() });
            pushed = false;
            base_here = remote;
        } else if pushed && !self.dry_run {
            match self.put(&href, &uid, Some(text), etag.clone(), remote.clone(), fields)? {
                // A lost race merges again, so what comes back may hold the phone's news.
                Put::Written(f, e) => (fields, etag, base_here) = (f.clone(), e, f),
                // Gone from the server meanwhile: the next sync sees the delete.
                Put::Gone => return Ok(()),
                Put::Refused(f) => {
                    self.out.report.not_written.push(NotWritten { contact: f.name.clone(), href: href.clone() });
                    (fields, base_here) = (f, remote);
                    pushed = false;
                }
            }
        }
        let pulled = fields != local;
        if pulled {
            self.out.updates.push((id, local, fields.clone()));
        }
        if base.is_some() {
            if pulled {
                self.out.report.changed_here.push(fields.name.clone());
            }
            if pushed {
                self.out.report.changed_phone.push(fields.name.clone());
            }
        }
        self.out.report.pulled += usize::from(pulled);
        self.out.report.pushed += usize::from(pushed);
        self.out.report.merged += usize::from(pulled && pushed);
        self.touched.insert(id);
        self.linked.insert(id);
        self.entries.insert(href.clone(), CardState { contact: id, href, uid, etag, base: base_here });
        Ok(())
    }

    /// A card gone from the server. Its contact goes too only when nothing speaks for
    /// keeping them: another card of theirs, an edit here since the last sync (then
    /// they go back to the phone), or something the user recorded here (then they stay
    /// here only).
    fn deleted_card(&mut self, href: &str) {
        let Some(entry) = self.entries.remove(href) else { return };
        let id = entry.contact;
        let Some(c) = self.contact(&id) else { return };
        // Linked to two cards by an older version: the other card is still them.
        if self.entries.values().any(|e| e.contact == id) {
            return;
        }
        let name = c.name.clone();
        if Fields::of(c) != entry.base {
            self.out.report.restored.push(name);
            self.restore.insert(id);
            // Unlinked: its new card (sent by a sync stopped before its save) links again.
            self.linked.remove(&id);
            return;
        }
        let recorded = recorded_here(self.net, c);
        self.touched.insert(id);
        if recorded {
            self.out.report.kept.push(name);
            self.out.kept.push(id);
        } else {
            self.out.report.deleted_here.push(name);
            self.out.removes.push((id, entry.base));
        }
    }
}
