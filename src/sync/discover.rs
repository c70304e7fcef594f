//! Finding the address book (or the calendar) from what the user typed: its own URL, or
//! a server's root, from which `/.well-known/carddav` or `/.well-known/caldav` (RFC 6764)
//! leads to the user's principal, its address-book (calendar) home and the collections
//! in it.

use super::dav::{self, Dav, DavError};
use super::xml::{CALDAV, CARDDAV, DAV};

/// What discovery found.
#[derive(Debug, PartialEq)]
pub enum Found {
    /// One address book (the URL named it, or the account has exactly one).
    Book(String),
    /// Several: the user picks one by its URL. Each with its display name.
    Several(Vec<(String, Option<String>)>),
    /// None yet, in this home (where one can be made).
    None { home: String },
}

const MAX_REDIRECTS: usize = 5;

/// PROPFIND that follows redirects itself (keeping the method), as `/.well-known/`
/// answers with one.
fn propfind_following(dav: &Dav, url: &str, props: &[(&str, &str)]) -> Result<(String, dav::Reply), DavError> {
    let mut url = url.to_string();
    for _ in 0..MAX_REDIRECTS {
        let reply =
            dav.request("PROPFIND", &url, &[("Depth", "0")], Some(("application/xml", super::xml::propfind(props))))?;
        match (reply.status, &reply.location) {
            (301 | 302 | 303 | 307 | 308, Some(loc)) => url = dav::join(&url, loc),
            _ => return Ok((url, reply)),
        }
    }
    Err(DavError::NotDav { url })
}

/// What is looked for: address books (CardDAV) or calendars (CalDAV).
#[derive(Clone, Copy)]
pub struct Kind {
    ns: &'static str,
    home_set: &'static str,
    resource: &'static str,
    well_known: &'static str,
}

pub const ADDRESS_BOOK: Kind =
    Kind { ns: CARDDAV, home_set: "addressbook-home-set", resource: "addressbook", well_known: "carddav" };
pub const CALENDAR: Kind =
    Kind { ns: CALDAV, home_set: "calendar-home-set", resource: "calendar", well_known: "caldav" };

/// Finds the address book `url` stands for.
pub fn address_book(dav: &Dav, url: &str) -> Result<Found, DavError> {
    collection_of(dav, url, ADDRESS_BOOK)
}

/// Finds the address book or calendar (`kind`) that `url` stands for.
pub fn collection_of(dav: &Dav, url: &str, kind: Kind) -> Result<Found, DavError> {
    let url = if url.split_once("://").is_some_and(|(_, rest)| !rest.contains('/')) {
        format!("{url}/")
    } else {
        url.to_string()
    };
    let props = [(DAV, "resourcetype"), (DAV, "current-user-principal"), (kind.ns, kind.home_set)];
    let (at, reply) = propfind_following(dav, &url, &props)?;
    let here = (reply.status == 207).then(|| dav::multistatus_of(&at, reply, "PROPFIND")).transpose()?;
    let first = here.as_ref().and_then(|m| m.responses.first());
    if first.is_some_and(|r| r.is_type(kind.ns, kind.resource)) {
        return Ok(Found::Book(dav::collection(&at)));
    }
    let mut home = first.and_then(|r| r.prop_href(kind.ns, kind.home_set));
    let mut principal = first.and_then(|r| r.prop_href(DAV, "current-user-principal"));
    if home.is_none() && principal.is_none() {
        // Not a collection we know: ask the server's well-known address.
        let wk = format!("{}/.well-known/{}", dav::origin(&at), kind.well_known);
        let (wk_at, reply) = propfind_following(dav, &wk, &props)?;
        let ms = dav::multistatus_of(&wk_at, reply, "PROPFIND").map_err(|_| DavError::NotDav { url: url.clone() })?;
        let r = ms.responses.first();
        principal = r.and_then(|r| r.prop_href(DAV, "current-user-principal"));
        home = r.and_then(|r| r.prop_href(kind.ns, kind.home_set));
    }
    if home.is_none() {
        let principal = principal.ok_or(DavError::NotDav { url: url.clone() })?;
        let p_url = dav::join(&at, &principal);
        let ms = dav.propfind(&p_url, "0", &[(kind.ns, kind.home_set)])?;
        home = ms.responses.first().and_then(|r| r.prop_href(kind.ns, kind.home_set)).or(Some(principal));
    }
    let home = dav::collection(&dav::join(&at, &home.unwrap_or_default()));
    let ms = dav.propfind(&home, "1", &[(DAV, "resourcetype"), (DAV, "displayname")])?;
    let books: Vec<(String, Option<String>)> = ms
        .responses
        .iter()
        .filter(|r| r.is_type(kind.ns, kind.resource))
        .map(|r| {
            let name = r.prop(DAV, "displayname").map(|d| d.text.trim().to_string()).filter(|d| !d.is_empty());
            (dav::collection(&dav::join(&home, &r.href)), name)
        })
        .collect();
    Ok(match books.len() {
        0 => Found::None { home },
        1 => Found::Book(books[0].0.clone()),
        _ => Found::Several(books),
    })
}

/// Makes a collection named `name` in `home` (an address book, or a calendar).
pub fn create(dav: &Dav, home: &str, name: &str, calendar: bool) -> Result<String, DavError> {
    let url = format!("{}{name}/", dav::collection(home));
    let reply = dav.request("MKCOL", &url, &[], Some(("application/xml", super::xml::mkcol(calendar, name))))?;
    match reply.status {
        200..=299 => Ok(url),
        status => Err(DavError::Status { server: dav::host(&url), status, what: "MKCOL".into() }),
    }
}

/// Checks that `url` is a calendar; with `create`, makes it when it does not exist.
pub fn calendar(dav: &Dav, url: &str, create_missing: bool) -> Result<String, DavError> {
    let url = dav::collection(url);
    let reply = dav.request(
        "PROPFIND",
        &url,
        &[("Depth", "0")],
        Some(("application/xml", super::xml::propfind(&[(DAV, "resourcetype")]))),
    )?;
    if reply.status == 404 && create_missing {
        let (parent, name) = url.trim_end_matches('/').rsplit_once('/').unwrap_or((&url, "jejaring"));
        return create(dav, &format!("{parent}/"), name, true);
    }
    let ms = dav::multistatus_of(&url, reply, "PROPFIND")?;
    match ms.responses.first() {
        Some(r) if r.is_type(CALDAV, "calendar") => Ok(url),
        _ => Err(DavError::NotDav { url }),
    }
}
