//! What changed in the address book since the last sync: the sync-collection report
//! (RFC 6578) from the saved token where the server offers it, else a listing of every
//! card's ETag compared with the saved ones; then the changed cards themselves, fetched
//! together with addressbook-multiget.
//!
//! Every href a server names is confined to the address book: one that leads out of it
//! (`/book/../victim/t1.vcf`, another server's URL, something deeper) is never fetched,
//! stored, written or deleted; it is counted in `Changes::refused` for a warning.

use super::dav::{self, Dav, DavError};
use super::state::SyncState;
use super::xml::{self, CARDDAV, DAV};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};

/// The address book's changes.
#[derive(Debug, Default)]
pub struct Changes {
    /// Cards new or changed since the last sync: path, ETag, the card's text, and when
    /// the server says it changed.
    pub changed: Vec<Pulled>,
    /// Paths of cards gone from the server.
    pub deleted: Vec<String>,
    /// The token to save after this sync (None: the server offers none).
    pub token: Option<String>,
    /// Hrefs the server named outside the address book: ignored.
    pub refused: Vec<String>,
}

/// How many cards one multiget asks for: with photos of a few hundred kilobytes each,
/// an answer stays far below `dav::MAX_ANSWER`.
pub const BATCH: usize = 100;

/// A card new or changed on the server: path, ETag, text, when it changed.
pub type Pulled = (String, Option<String>, String, Option<DateTime<Utc>>);

/// Lists what changed in `book` since `state`.
pub fn changes(dav: &Dav, book: &str, state: &SyncState) -> Result<Changes, DavError> {
    let known: HashMap<&str, Option<&str>> = state.cards.iter().map(|c| (c.href.as_str(), c.etag.as_deref())).collect();
    let mut refused = Vec::new();
    let (listed, deleted, token, full) = list(dav, book, state.token.as_deref(), &mut refused)?;
    let mut deleted = deleted;
    if full {
        let present: HashSet<&str> = listed.iter().map(|(h, _)| h.as_str()).collect();
        deleted.extend(known.keys().filter(|h| !present.contains(*h)).map(|h| h.to_string()));
    }
    deleted.retain(|h| known.contains_key(h.as_str()));
    let wanted: Vec<String> = listed
        .into_iter()
        .filter(|(h, etag)| etag.is_none() || known.get(h.as_str()).copied().flatten() != etag.as_deref())
        .map(|(h, _)| h)
        .collect();
    let mut changed = Vec::with_capacity(wanted.len());
    for batch in wanted.chunks(BATCH) {
        let ms = dav.report(book, "1", xml::addressbook_multiget(batch))?;
        for r in ms.responses {
            let Some(href) = confined(book, &r.href, &mut refused) else { continue };
            match r.prop(CARDDAV, "address-data") {
                Some(data) if r.status.is_none_or(|s| s < 300) => {
                    changed.push((href, r.etag(), data.text.clone(), r.modified()))
                }
                // Gone between the listing and the fetch.
                _ if known.contains_key(href.as_str()) => deleted.push(href),
                _ => {}
            }
        }
    }
    // A card whose ETag is unchanged is not news, even if the listing named it.
    changed.retain(|(h, etag, _, _)| etag.is_none() || known.get(h.as_str()).copied().flatten() != etag.as_deref());
    refused.sort();
    refused.dedup();
    Ok(Changes { changed, deleted, token, refused })
}

/// The path of a card the server names, when it is one of the address book's; the
/// address book itself is passed over, anything else goes to `refused`.
fn confined(book: &str, href: &str, refused: &mut Vec<String>) -> Option<String> {
    let found = dav::member(book, href);
    if found.is_none() && dav::collection(&dav::path(&dav::join(book, href))) != dav::path(book) {
        refused.push(href.to_string());
    }
    found
}

/// The cards the server lists (path, ETag), the paths it says were deleted, the new
/// token, and whether the listing is complete (so absent cards were deleted).
type Listing = (Vec<(String, Option<String>)>, Vec<String>, Option<String>, bool);

fn list(dav: &Dav, book: &str, token: Option<&str>, refused: &mut Vec<String>) -> Result<Listing, DavError> {
    if !asks_for_sync_collection() {
        return list_by_propfind(dav, book, refused);
    }
    let reply =
        dav.request("REPORT", book, &[("Depth", "1")], Some(("application/xml", xml::sync_collection(token))))?;
    match reply.status {
        207 => {
            let ms = dav::multistatus_of(book, reply, "REPORT")?;
            let mut listed = Vec::new();
            let mut deleted = Vec::new();
            for r in ms.responses {
                let Some(href) = confined(book, &r.href, refused) else { continue };
                if r.status == Some(404) {
                    deleted.push(href);
                } else {
                    listed.push((href, r.etag()));
                }
            }
            Ok((listed, deleted, ms.sync_token, token.is_none()))
        }
        // The token expired (or is not this server's): list everything afresh.
        403 | 409 | 400 if token.is_some() => list(dav, book, None, refused),
        // No sync-collection: every card's ETag, by PROPFIND.
        _ => list_by_propfind(dav, book, refused),
    }
}

/// Every card's ETag, for a server without sync-collection: a complete listing.
fn list_by_propfind(dav: &Dav, book: &str, refused: &mut Vec<String>) -> Result<Listing, DavError> {
    let ms = dav.propfind(book, "1", &[(DAV, "getetag"), (DAV, "resourcetype")])?;
    let listed = ms
        .responses
        .into_iter()
        .filter(|r| r.prop(DAV, "resourcetype").is_none_or(|t| t.child(DAV, "collection").is_none()))
        .filter_map(|r| Some((confined(book, &r.href, refused)?, r.etag())))
        .collect();
    Ok((listed, Vec::new(), None, true))
}

/// Whether to ask for sync-collection. Always, but with the `test-hooks` feature (on
/// only in the tests' builds) `JEJARING_SYNC_TEST_NO_SYNC_COLLECTION` makes jejaring
/// behave as with a server that has none, so the ETag path is tested against the same
/// real servers.
fn asks_for_sync_collection() -> bool {
    #[cfg(feature = "test-hooks")]
    if std::env::var_os("JEJARING_SYNC_TEST_NO_SYNC_COLLECTION").is_some() {
        return false;
    }
    true
}

/// After this sync's own writes: the token that already includes them, when the
/// server reports nothing else changed meanwhile (so the next sync starts clean).
pub fn absorb(
    dav: &Dav,
    book: &str,
    token: &str,
    ours: &HashMap<String, Written>,
) -> Option<(String, Vec<(String, String)>)> {
    let ms = dav.report(book, "1", xml::sync_collection(Some(token))).ok()?;
    let mut etags = Vec::new();
    for r in &ms.responses {
        let href = dav::member(book, &r.href)?;
        let theirs = ours.get(&href)?;
        let etag = r.etag();
        match (theirs, r.status == Some(404), etag) {
            (Written::Deleted, true, _) => {}
            (Written::Put(Some(known)), false, Some(e)) if *known == e => {}
            // The write did not say its ETag: take it from here.
            (Written::Put(None), false, Some(e)) => etags.push((href, e)),
            _ => return None,
        }
    }
    Some((ms.sync_token?, etags))
}

/// What this sync wrote to a card.
#[derive(Clone, Debug, PartialEq)]
pub enum Written {
    /// Its ETag, when the server said it.
    Put(Option<String>),
    Deleted,
}

/// One GET of a card: its text and ETag (None when it is gone).
pub fn get(dav: &Dav, url: &str) -> Result<Option<(String, Option<String>)>, DavError> {
    let reply = dav.request("GET", url, &[], None)?;
    match reply.status {
        200 => Ok(Some((reply.body, reply.etag))),
        404 | 410 => Ok(None),
        status => Err(DavError::Status { server: dav::host(url), status, what: "GET".into() }),
    }
}

/// When the server says the resource at `url` last changed; None when it does not say.
pub fn modified(dav: &Dav, url: &str) -> Option<DateTime<Utc>> {
    let ms = dav.propfind(url, "0", &[(DAV, "getlastmodified")]).ok()?;
    ms.responses.first()?.modified()
}
