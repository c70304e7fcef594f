//! One sync of the address book, worked out on a copy of the network read without
//! holding its lock: pull what changed on the server, merge, push what changed here.
//! The result (`Outcome`) says what to change in the data file; `apply` does that
//! later, under the lock, on the network as it is by then.

use super::cards;
use super::dav::{self, Dav, DavError};
use super::fields::Fields;
use super::merge::{Conflict, Winner, newer, three_way};
use super::remote::{self, Written};
use super::state::{CardState, SyncState};
use crate::i18n::Lang;
use crate::interop::Record;
use crate::interop::merge::Finder;
use crate::model::Network;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// How often a write that lost a race (412) is merged again and retried.
const RETRIES: usize = 3;

/// What a sync did, for the summary line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub pulled: usize,
    pub pushed: usize,
    pub merged: usize,
    /// Each conflict with the name of the contact it was on.
    pub conflicts: Vec<(String, Conflict)>,
    pub deleted: usize,
    /// Contacts deleted on the phone but kept here, for their history.
    pub kept: Vec<String>,
    /// Cards jejaring cannot read (a group, a card without a name): left alone.
    pub skipped: usize,
}

/// A card new to jejaring, to become a contact when the sync is applied.
#[derive(Clone, Debug)]
pub struct NewCard {
    pub record: Record,
    pub href: String,
    pub uid: String,
    pub etag: Option<String>,
    pub base: Fields,
}

/// What the sync decided and did on the server; applied to the data file by `apply`.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub report: Report,
    /// A contact's fields before the sync and what the sync made of them.
    pub updates: Vec<(Uuid, Fields, Fields)>,
    pub adds: Vec<NewCard>,
    pub removes: Vec<Uuid>,
    pub kept: Vec<Uuid>,
    /// The state after the sync (cards and token), for contacts that existed before.
    pub state: SyncState,
}

/// Test builds only: runs `JEJARING_SYNC_TEST_BEFORE_WRITE` once, just before the first
/// card is written, so a test can change the server or the data file at exactly the
/// moment a race would (a 412, an edit made during the sync).
fn before_first_write() {
    #[cfg(debug_assertions)]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            if let Ok(cmd) = std::env::var("JEJARING_SYNC_TEST_BEFORE_WRITE") {
                let _ = std::process::Command::new("sh").arg("-c").arg(cmd).status();
            }
        });
    }
}

/// Told how much a sync has to do and each step done, for a progress bar on large
/// first syncs (the engine itself never prints).
pub trait Progress {
    fn total(&self, n: u64);
    fn step(&self);
}

impl Progress for () {
    fn total(&self, _: u64) {}
    fn step(&self) {}
}

/// Whether a contact has history of their own, which a delete on the phone must not take.
pub fn has_history(net: &Network, id: &Uuid) -> bool {
    net.interactions.iter().any(|i| i.involves(id))
        || net.facts.iter().any(|f| &f.contact == id)
        || net.promises.iter().any(|p| &p.contact == id)
        || net.trust_notes.iter().any(|t| &t.contact == id)
        || net.goals.iter().any(|g| g.contacts.contains(id))
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
    let changes = remote::changes(dav, &book, &state)?;
    // Cards pulled, plus at most one write for each contact not yet on the server.
    let unlinked = net.contacts.len().saturating_sub(state.cards.len());
    progress.total((changes.changed.len() + unlinked) as u64);
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
        linked: state.cards.iter().map(|c| c.contact).collect(),
    };
    let finder = Finder::new(net);
    let kept: HashSet<Uuid> = state.kept.iter().copied().collect();
    for (href, etag, text, modified) in changes.changed {
        run.pulled_card(&finder, &kept, href, etag, text, modified)?;
        progress.step();
    }
    for href in changes.deleted {
        run.deleted_card(&href);
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
    fn pulled_card(
        &mut self,
        finder: &Finder,
        kept: &HashSet<Uuid>,
        href: String,
        etag: Option<String>,
        text: String,
        modified: Option<DateTime<Utc>>,
    ) -> Result<(), DavError> {
        let Some(card) = cards::read(&text) else {
            self.out.report.skipped += 1;
            return Ok(());
        };
        let uid = card.uid.clone().unwrap_or_else(|| href.clone());
        let remote = Fields::from_record(&card.record);
        if let Some(entry) = self.entries.get(&href).cloned() {
            if let Some(c) = self.contact(&entry.contact) {
                let local = Fields::of(c);
                let remote = remote.filled_from(&entry.base);
                // Changed on both sides: whose change is the newer decides single values.
                // Servers that leave the time out of a multiget (Radicale) are asked.
                let both = local != entry.base;
                let modified =
                    modified.or_else(|| both.then(|| remote::modified(self.dav, &self.url(&href))).flatten());
                let newer = newer(c.edited, modified);
                return self.resolve(entry.contact, Some(&entry.base), local, remote, newer, href, uid, etag, text);
            }
            // Removed here but changed on the phone: the phone's change wins, and the
            // card comes back as a contact.
            self.entries.remove(&href);
        }
        if let Some(id) = self.find(finder, kept, &card.record, &uid) {
            let c = self.contact(&id).expect("found in this network");
            let (local, newer) = (Fields::of(c), newer(c.edited, modified));
            let remote = remote.filled_from(&local);
            return self.resolve(id, None, local, remote, newer, href, uid, etag, text);
        }
        self.out.report.pulled += 1;
        self.out.adds.push(NewCard { record: card.record, href, uid, etag, base: remote });
        Ok(())
    }

    /// The contact an unlinked card is: by the UID jejaring gave it, a UID imported
    /// before, or the identity rule (never a name alone); not one already linked.
    fn find(&self, finder: &Finder, kept: &HashSet<Uuid>, rec: &Record, uid: &str) -> Option<Uuid> {
        let free = |id: &Uuid| !self.linked.contains(id) && !kept.contains(id) && !self.touched.contains(id);
        let bare = uid.trim().to_lowercase();
        let bare = bare.strip_prefix("urn:uuid:").unwrap_or(&bare);
        if let Ok(id) = Uuid::parse_str(bare)
            && self.contact(&id).is_some()
            && free(&id)
        {
            return Some(id);
        }
        if let Some(c) = self.net.contacts.iter().find(|c| c.source_ids.iter().any(|s| s == uid) && free(&c.id)) {
            return Some(c.id);
        }
        let i = finder.find(rec)?;
        let id = self.net.contacts.get(i)?.id;
        free(&id).then_some(id)
    }

    /// Merges one card with its contact, pushes the result when the server needs it,
    /// and records the new state of the pair.
    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &mut self,
        id: Uuid,
        base: Option<&Fields>,
        local: Fields,
        remote: Fields,
        newer: Option<Winner>,
        href: String,
        uid: String,
        etag: Option<String>,
        text: String,
    ) -> Result<(), DavError> {
        let merged = three_way(base, &local, &remote, newer, self.today, self.lang);
        let mut fields = merged.fields;
        let name = fields.name.clone();
        self.out.report.conflicts.extend(merged.conflicts.into_iter().map(|c| (name.clone(), c)));
        let mut etag = etag;
        let pushed = fields != remote;
        if pushed && !self.dry_run {
            match self.put(&href, &uid, Some(text), etag.clone(), remote, fields)? {
                // A lost race merges again, so what comes back may hold the phone's news.
                Some((f, e)) => (fields, etag) = (f, e),
                // Gone from the server meanwhile: the next sync sees the delete.
                None => return Ok(()),
            }
        }
        let pulled = fields != local;
        if pulled {
            self.out.updates.push((id, local, fields.clone()));
        }
        self.out.report.pulled += usize::from(pulled);
        self.out.report.pushed += usize::from(pushed);
        self.out.report.merged += usize::from(pulled && pushed);
        self.touched.insert(id);
        self.linked.insert(id);
        self.entries.insert(href.clone(), CardState { contact: id, href, uid, etag, base: fields });
        Ok(())
    }

    /// Writes a card conditionally: over `etag`, or (None) only where none exists. On
    /// 412 the card changed meanwhile: fetch it, merge again, retry. Returns the fields
    /// written and the new ETag, or None when the card vanished.
    fn put(
        &mut self,
        href: &str,
        uid: &str,
        mut existing: Option<String>,
        mut etag: Option<String>,
        mut remote: Fields,
        mut fields: Fields,
    ) -> Result<Option<(Fields, Option<String>)>, DavError> {
        let url = self.url(href);
        before_first_write();
        for _ in 0..=RETRIES {
            let body = cards::write(existing.as_deref(), uid, &fields);
            let condition = match &etag {
                Some(e) => ("If-Match", e.clone()),
                None => ("If-None-Match", "*".to_string()),
            };
            let reply = self.dav.request(
                "PUT",
                &url,
                &[(condition.0, condition.1.as_str())],
                Some(("text/vcard; charset=utf-8", body)),
            )?;
            if reply.ok() {
                self.written.insert(href.to_string(), Written::Put(reply.etag.clone()));
                return Ok(Some((fields, reply.etag)));
            }
            if reply.status != 412 {
                return Err(DavError::Status { server: dav::host(&url), status: reply.status, what: "PUT".into() });
            }
            // Someone wrote the card first: merge with what is there now.
            let Some((text, new_etag)) = remote::get(self.dav, &url)? else { return Ok(None) };
            let Some(card) = cards::read(&text) else { return Ok(None) };
            let now = Fields::from_record(&card.record).filled_from(&fields);
            // The card was written while this sync ran: the phone's is the newer change.
            let merged = three_way(Some(&remote), &fields, &now, Some(Winner::Phone), self.today, self.lang);
            let name = merged.fields.name.clone();
            self.out.report.conflicts.extend(merged.conflicts.into_iter().map(|c| (name.clone(), c)));
            (remote, fields, existing) = (now, merged.fields, Some(text));
            etag = Some(new_etag.unwrap_or_else(|| "*".into()));
        }
        Err(DavError::Status { server: dav::host(&url), status: 412, what: "PUT".into() })
    }

    /// A card gone from the server.
    fn deleted_card(&mut self, href: &str) {
        let Some(entry) = self.entries.remove(href) else { return };
        let id = entry.contact;
        if self.contact(&id).is_none() {
            return;
        }
        self.touched.insert(id);
        if has_history(self.net, &id) {
            self.out.report.kept.push(self.name_of(&id));
            self.out.kept.push(id);
        } else {
            self.out.report.deleted += 1;
            self.out.removes.push(id);
        }
    }

    /// What changed here: edited contacts, removed contacts, new contacts.
    fn local_changes(&mut self, kept: &HashSet<Uuid>, progress: &dyn Progress) -> Result<(), DavError> {
        let mut linked: Vec<CardState> =
            self.entries.values().filter(|e| !self.touched.contains(&e.contact)).cloned().collect();
        linked.sort_by(|a, b| a.href.cmp(&b.href));
        for entry in linked {
            let url = self.url(&entry.href);
            let Some(c) = self.contact(&entry.contact) else {
                // Removed here: delete the card, unless it changed on the phone meanwhile.
                self.out.report.deleted += 1;
                if self.dry_run {
                    continue;
                }
                let etag = entry.etag.clone().unwrap_or_else(|| "*".into());
                let reply = self.dav.request("DELETE", &url, &[("If-Match", etag.as_str())], None)?;
                match reply.status {
                    200..=299 | 404 | 410 => {
                        self.written.insert(entry.href.clone(), Written::Deleted);
                        self.entries.remove(&entry.href);
                    }
                    // Changed on the phone: the next sync brings it back.
                    412 => self.out.report.deleted -= 1,
                    status => return Err(DavError::Status { server: dav::host(&url), status, what: "DELETE".into() }),
                }
                continue;
            };
            let local = Fields::of(c);
            if local == entry.base {
                continue;
            }
            if self.dry_run {
                self.out.report.pushed += 1;
                continue;
            }
            // The server's card, so what the phone set beside jejaring's fields stays.
            match remote::get(self.dav, &url)? {
                Some((text, etag)) => {
                    let remote = cards::read(&text)
                        .map(|card| Fields::from_record(&card.record).filled_from(&entry.base))
                        .unwrap_or_else(|| entry.base.clone());
                    let etag = etag.or(entry.etag.clone());
                    let base = Some(&entry.base);
                    self.resolve(entry.contact, base, local, remote, None, entry.href, entry.uid, etag, text)?;
                }
                None => self.deleted_card(&entry.href),
            }
        }
        let linked: HashSet<Uuid> = self.entries.values().map(|e| e.contact).collect();
        let new: Vec<Uuid> = self
            .net
            .contacts
            .iter()
            .map(|c| c.id)
            .filter(|id| !linked.contains(id) && !kept.contains(id) && !self.touched.contains(id))
            .collect();
        for id in new {
            let fields = Fields::of(self.contact(&id).expect("listed from this network"));
            let (uid, href) = (cards::uid_for(&id), dav::path(&format!("{}{}", self.book, cards::file_for(&id))));
            self.out.report.pushed += 1;
            progress.step();
            if self.dry_run {
                continue;
            }
            // Made only where no card is; a card already there (pushed by a sync that
            // was stopped before it could save) is merged instead.
            let Some((merged, etag)) = self.put(&href, &uid, None, None, fields.clone(), fields.clone())? else {
                continue;
            };
            if merged != fields {
                self.out.updates.push((id, fields, merged.clone()));
            }
            let fields = merged;
            self.touched.insert(id);
            self.entries.insert(href.clone(), CardState { contact: id, href, uid, etag, base: fields });
        }
        Ok(())
    }
}
