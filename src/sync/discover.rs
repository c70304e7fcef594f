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
/// answers with one — but only within the origins the connection allows: a redirect
/// to another server is an error (`Elsewhere`) the caller may ask the user about, and
/// one from https down to plain http is never followed.
fn propfind_following(dav: &Dav, url: &str, props: &[(&str, &str)]) -> Result<(String, dav::Reply), DavError> {
    let mut url = url.to_string();
    for _ in 0..MAX_REDIRECTS {
        let reply =
            dav.request("PROPFIND", &url, &[("Depth", "0")], Some(("application/xml", super::xml::propfind(props))))?;
        match (reply.status, &reply.location) {
            (301 | 302 | 303 | 307 | 308, Some(loc)) => url = hop(dav, &url, loc)?,
            _ => return Ok((url, reply)),
        }
    }
    Err(DavError::NotDav { url })
}

/// Where an href or a redirect from `from` leads, when the connection may go there.
fn hop(dav: &Dav, from: &str, href: &str) -> Result<String, DavError> {
    let to = dav::join(from, href);
    if dav::scheme(from) == "https" && dav::scheme(&to) == "http" {
        return Err(DavError::Downgrade { from: dav::origin(from), to });
    }
    if !dav.allows(&to) {
        return Err(DavError::Elsewhere { from: dav::origin(from), to });
    }
    Ok(to)
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

/// Finds the address book `url` stands for: the address book itself, or the account
/// (the server's root, the user's principal or address-book home) whose address books
/// are listed. A URL that names anything else — nothing (404), a calendar, some other
/// folder — is an error naming what is there, never a reason to pick another of the
/// account's address books.
pub fn address_book(dav: &Dav, url: &str) -> Result<Found, DavError> {
    find(dav, url, ADDRESS_BOOK, true)
}

/// Finds the address book or calendar (`kind`) of the account `url` belongs to.
pub fn collection_of(dav: &Dav, url: &str, kind: Kind) -> Result<Found, DavError> {
    find(dav, url, kind, false).map_err(|e| match e {
        // Looking for a calendar, no CalDAV answered: say so, not "CardDAV".
        DavError::NotDav { url } if kind.ns == CALDAV => DavError::NotCalDav { url },
        e => e,
    })
}

/// What a resource's PROPFIND says it is.
fn found_as(r: &super::xml::Response) -> dav::Resource {
    // Xandikos answers a missing path with a multistatus whose response says 404.
    if r.status == Some(404) {
        dav::Resource::Missing
    } else if r.is_type(CARDDAV, "addressbook") {
        dav::Resource::AddressBook
    } else if r.is_type(CALDAV, "calendar") {
        dav::Resource::Calendar
    } else if r.is_type(DAV, "principal") {
        dav::Resource::Principal
    } else if r.is_type(DAV, "collection") {
        dav::Resource::Folder
    } else {
        dav::Resource::File
    }
}

/// `strict`: the URL must be the collection or the account (see `address_book`).
fn find(dav: &Dav, url: &str, kind: Kind, strict: bool) -> Result<Found, DavError> {
    let url = if url.split_once("://").is_some_and(|(_, rest)| !rest.contains('/')) {
        format!("{url}/")
    } else {
        url.to_string()
    };
    let root = dav::path(&url) == "/";
    let props = [(DAV, "resourcetype"), (DAV, "current-user-principal"), (kind.ns, kind.home_set)];
    let (at, reply) = propfind_following(dav, &url, &props)?;
    if strict && !root && reply.status == 404 {
        return Err(DavError::NotCollection { url: at, found: dav::Resource::Missing });
    }
    let here = (reply.status == 207).then(|| dav::multistatus_of(&at, reply, "PROPFIND")).transpose()?;
    let first = here.as_ref().and_then(|m| m.responses.first());
    if first.is_some_and(|r| r.is_type(kind.ns, kind.resource)) {
        return Ok(Found::Book(dav::collection(&at)));
    }
    let mut home = first.and_then(|r| r.prop_href(kind.ns, kind.home_set));
    let mut principal = first.and_then(|r| r.prop_href(DAV, "current-user-principal"));
    if strict && !root {
        // Only the account itself leads on to its address books.
        let same = |href: &Option<String>| {
            href.as_ref()
                .is_some_and(|h| dav::collection(&dav::path(&dav::join(&at, h))) == dav::collection(&dav::path(&at)))
        };
        let account = first.is_some_and(|r| r.is_type(DAV, "principal")) || same(&home) || same(&principal);
        if !account {
            let found = first.map_or(dav::Resource::Missing, found_as);
            // A plain folder may be the home the address books are in.
            if found != dav::Resource::Folder || !holds_any(dav, &at, kind)? {
                return Err(DavError::NotCollection { url: at, found });
            }
            home = Some(dav::path(&at));
        }
    }
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
        let p_url = hop(dav, &at, &principal)?;
        let ms = dav.propfind(&p_url, "0", &[(kind.ns, kind.home_set)])?;
        home = ms.responses.first().and_then(|r| r.prop_href(kind.ns, kind.home_set)).or(Some(principal));
    }
    let home = dav::collection(&hop(dav, &at, &home.unwrap_or_default())?);
    let books = listed(dav, &home, kind)?;
    Ok(match books.len() {
        0 => Found::None { home },
        1 => Found::Book(books[0].0.clone()),
        _ => Found::Several(books),
    })
}

/// The collections of `kind` in `home`, each with its display name. Hrefs leading out
/// of the home (to another server, or elsewhere on this one) are not listed.
fn listed(dav: &Dav, home: &str, kind: Kind) -> Result<Vec<(String, Option<String>)>, DavError> {
    let ms = dav.propfind(home, "1", &[(DAV, "resourcetype"), (DAV, "displayname")])?;
    Ok(ms
        .responses
        .iter()
        .filter(|r| r.is_type(kind.ns, kind.resource))
        .filter_map(|r| {
            let at = dav::member(home, r.href.trim_end_matches('/'))?;
            let name = r.prop(DAV, "displayname").map(|d| d.text.trim().to_string()).filter(|d| !d.is_empty());
            Some((dav::collection(&dav::join(home, &at)), name))
        })
        .collect())
}

/// Whether the folder at `url` holds any collection of `kind`.
fn holds_any(dav: &Dav, url: &str, kind: Kind) -> Result<bool, DavError> {
    Ok(!listed(dav, &dav::collection(url), kind)?.is_empty())
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
    let ms = match reply.status {
        404 => None,
        _ => Some(dav::multistatus_of(&url, reply, "PROPFIND").map_err(|e| match e {
            DavError::NotDav { url } => DavError::NotCalDav { url },
            e => e,
        })?),
    };
    let first = ms.as_ref().and_then(|m| m.responses.first());
    // Xandikos answers a missing path with a multistatus whose response says 404.
    if ms.is_none() || first.is_some_and(|r| r.status == Some(404)) {
        if !create_missing {
            return Err(DavError::NoCalendar { url });
        }
        let (parent, name) = url.trim_end_matches('/').rsplit_once('/').unwrap_or((&url, "jejaring"));
        return create(dav, &format!("{parent}/"), name, true);
    }
    match first {
        Some(r) if r.is_type(CALDAV, "calendar") => Ok(url),
        _ => Err(DavError::NotCalendar { url }),
    }
}
