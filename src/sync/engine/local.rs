//! The half of a sync that starts here: contacts edited, removed or new since the last
//! sync, and the conditional write every card goes through (merged again and retried
//! when the phone wrote first).

use super::{Card, NotWritten, Progress, Run, before_first_write};
use crate::model::sync::sends;
use crate::sync::cards;
use crate::sync::dav::{self, DavError};
use crate::sync::fields::Fields;
use crate::sync::merge::{Winner, three_way};
use crate::sync::remote::{self, Written};
use crate::sync::state::CardState;
use std::collections::HashSet;
use uuid::Uuid;

/// What became of a conditional write.
pub(super) enum Put {
    /// Written: the fields written and the new ETag.
    Written(Fields, Option<String>),
    /// The card vanished meanwhile.
    Gone,
    /// The card, changed meanwhile, is one jejaring cannot edit line by line (see
    /// `cards::editable`): left as it is. Holds the fields that were to be written.
    Refused(Fields),
}

/// How often a write that lost a race (412) is merged again and retried.
const RETRIES: usize = 3;

impl Run<'_> {
    /// What changed here: edited contacts, removed contacts, new contacts.
    pub(super) fn local_changes(&mut self, kept: &HashSet<Uuid>, progress: &dyn Progress) -> Result<(), DavError> {
        let mut linked: Vec<CardState> =
            self.entries.values().filter(|e| !self.touched.contains(&e.contact)).cloned().collect();
        linked.sort_by(|a, b| a.href.cmp(&b.href));
        for entry in linked {
            let url = self.url(&entry.href);
            let Some(c) = self.contact(&entry.contact) else {
                // Removed here: delete the card, unless it changed on the phone meanwhile.
                self.out.report.deleted_phone.push(entry.base.name.clone());
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
                    412 => {
                        self.out.report.deleted_phone.pop();
                    }
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
                self.out.report.changed_phone.push(local.name);
                continue;
            }
            // The server's card, so what the phone set beside jejaring's fields stays.
            match remote::get(self.dav, &url)? {
                Some((text, etag)) => {
                    let remote = cards::read(&text)
                        .map(|card| Fields::from_record(&card.record).filled_from(&entry.base))
                        .unwrap_or_else(|| entry.base.clone());
                    let etag = etag.or(entry.etag.clone());
                    let card = Card { href: entry.href, uid: entry.uid, etag, text, fields: remote };
                    self.resolve(entry.contact, Some(&entry.base), local, card, None)?;
                }
                None => self.deleted_card(&entry.href),
            }
        }
        let linked: HashSet<Uuid> = self.entries.values().map(|e| e.contact).collect();
        let mut new = Vec::new();
        for c in &self.net.contacts {
            if linked.contains(&c.id) || self.touched.contains(&c.id) {
                continue;
            }
            if self.restore.contains(&c.id) || (!kept.contains(&c.id) && sends(&self.only, c)) {
                new.push(c.id);
            } else if !kept.contains(&c.id) {
                self.out.report.held_back += 1;
            }
        }
        for id in new {
            let fields = Fields::of(self.contact(&id).expect("listed from this network"));
            let (uid, href) = (cards::uid_for(&id), dav::path(&format!("{}{}", self.book, cards::file_for(&id))));
            self.out.report.pushed += 1;
            if !self.restore.contains(&id) {
                self.out.report.added_phone.push(fields.name.clone());
            }
            progress.step();
            if self.dry_run {
                continue;
            }
            // Made only where no card is; a card already there (pushed by a sync that
            // was stopped before it could save) is merged instead.
            let (merged, etag) = match self.put(&href, &uid, None, None, fields.clone(), fields.clone())? {
                Put::Written(merged, etag) => (merged, etag),
                Put::Gone => continue,
                Put::Refused(_) => {
                    let contact = fields.name.clone();
                    self.out.report.not_written.push(NotWritten { contact, href });
                    continue;
                }
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

    /// Writes a card conditionally: over `etag`, or (None) only where none exists. On
    /// 412 the card changed meanwhile: fetch it, merge again, retry.
    pub(super) fn put(
        &mut self,
        href: &str,
        uid: &str,
        mut existing: Option<String>,
        mut etag: Option<String>,
        mut remote: Fields,
        mut fields: Fields,
    ) -> Result<Put, DavError> {
        let url = self.url(href);
        before_first_write();
        for _ in 0..=RETRIES {
            let Some(body) = cards::write(existing.as_deref(), uid, &fields) else {
                return Ok(Put::Refused(fields));
            };
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
                return Ok(Put::Written(fields, reply.etag));
            }
            if reply.status != 412 {
                return Err(DavError::Status { server: dav::host(&url), status: reply.status, what: "PUT".into() });
            }
            // Someone wrote the card first: merge with what is there now.
            let Some((text, new_etag)) = remote::get(self.dav, &url)? else { return Ok(Put::Gone) };
            let Some(card) = cards::read(&text) else { return Ok(Put::Refused(fields)) };
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
}
