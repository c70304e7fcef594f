//! What jejaring remembers about the phone's address book between syncs, saved inside
//! the data file (the network's `sync` field) in the same atomic save as the contacts
//! it describes, so a sync killed at any point leaves the two in step. Plain data and
//! the rules on it; talking to the server is `crate::sync`'s.

use super::sync_fields::Fields;
use super::{Contact, Network, Stage};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// The remote and everything known about it. Never holds a password.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// The address book's URL (a collection, ending in `/`). Empty in a `sync` record
    /// some other version wrote in another shape: that is kept as it is, and counts as
    /// not set up.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub addressbook: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Run at each sync; its standard output is the password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_command: Option<String>,
    /// The CalDAV calendar jejaring owns for reminders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// Certificates are not checked (chosen with `--insecure`, warned about each time).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub insecure: bool,
    /// The address book's sync token (RFC 6578) as of the last sync.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_sync: Option<DateTime<Utc>>,
    /// One entry per card linked to a contact.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<CardState>,
    /// Contacts whose card was deleted on the server while they had history here: kept
    /// locally and never pushed again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<Uuid>,
    /// The reminders pushed to the calendar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventState>,
    /// `sync --only`: the circles and tags whose contacts are sent to the phone as new
    /// cards (empty: everyone). Remembered, so a later plain `sync` does not send the
    /// thousands of imports the user chose to keep off the phone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only: Vec<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One card on the server and the contact it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    pub contact: Uuid,
    /// The card's path on the server.
    pub href: String,
    pub uid: String,
    /// The ETag the server gave the version in `base`; none when it gave none (the next
    /// sync asks again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The card's fields as last synced: the common ancestor of the three-way merge.
    pub base: Fields,
}

/// One reminder pushed to the calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventState {
    pub uid: String,
    pub href: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// A digest of what the event says, so an unchanged event is not sent again.
    pub digest: String,
}

impl SyncState {
    /// A fresh state for an address book.
    pub fn new(addressbook: String) -> SyncState {
        SyncState { addressbook, ..SyncState::default() }
    }

    pub fn card_for(&self, contact: &Uuid) -> Option<&CardState> {
        self.cards.iter().find(|c| &c.contact == contact)
    }

    /// Whether a contact not yet on the phone is sent there: everyone, or (after
    /// `sync --only`) those in one of the chosen circles or with one of the chosen tags.
    pub fn sends(&self, c: &Contact) -> bool {
        sends(&self.only, c)
    }

    /// Whether the phone holds a contact, or the next sync puts them there: linked to a
    /// card, or not kept off the phone (a card deleted there, a history kept here) and
    /// taken in by `sync --only`. The sets are made once, for a pass over the network.
    pub fn on_phone(&self) -> impl Fn(&Contact) -> bool + '_ {
        let linked: std::collections::HashSet<Uuid> = self.cards.iter().map(|c| c.contact).collect();
        let kept: std::collections::HashSet<Uuid> = self.kept.iter().copied().collect();
        move |c| linked.contains(&c.id) || (!kept.contains(&c.id) && self.sends(c))
    }
}

/// Whether `only` (circle keys and tags; empty for everyone) takes in the contact.
pub fn sends(only: &[String], c: &Contact) -> bool {
    only.is_empty() || only.iter().any(|w| c.circle.key() == w || c.tags.iter().any(|t| t == w))
}

/// Whether the user recorded something of their own about a contact here — a
/// conversation, a fact, a promise, a trust note, a goal or a plan that names them, a
/// stage they were moved to, how they met or the impression they made. A card deleted
/// on the phone never deletes such a contact: the phone never held those.
pub fn recorded_here(net: &Network, c: &Contact) -> bool {
    let id = &c.id;
    c.stage != Stage::Acquaintance
        || c.met_at.is_some()
        || c.met_on.is_some()
        || c.impression.is_some()
        || net.interactions.iter().any(|i| i.involves(id))
        || net.facts.iter().any(|f| &f.contact == id)
        || net.promises.iter().any(|p| &p.contact == id)
        || net.trust_notes.iter().any(|t| &t.contact == id)
        || net.goals.iter().any(|g| g.contacts.contains(id))
        || net.plans.iter().any(|p| p.picks.iter().any(|k| &k.contact == id))
        || net.stage_changes.iter().any(|s| &s.contact == id)
}

/// Whether two spellings of a collection's URL name the same collection on the same
/// server: scheme and host compared without case, `localhost`, `127.0.0.1` and `::1`
/// as one host, a port left out as the scheme's own, and the path without its
/// trailing slash (percent-escapes compared without case).
pub fn same_collection(a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (UrlKey::of(a), UrlKey::of(b)) else { return a == b };
    a == b
}

#[derive(PartialEq, Eq)]
struct UrlKey {
    scheme: String,
    host: String,
    port: Option<u16>,
    path: String,
}

impl UrlKey {
    fn of(url: &str) -> Option<UrlKey> {
        let (scheme, rest) = url.trim().split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        let (authority, path) = rest.find('/').map_or((rest, "/"), |i| rest.split_at(i));
        let authority = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
        let (host, port) = match authority.strip_prefix('[') {
            // [::1]:5232
            Some(v6) => {
                let (host, after) = v6.split_once(']')?;
                (host.to_string(), after.strip_prefix(':'))
            }
            None => match authority.rsplit_once(':') {
                Some((h, p)) => (h.to_string(), Some(p)),
                None => (authority.to_string(), None),
            },
        };
        let port = match port.filter(|p| !p.is_empty()) {
            Some(p) => Some(p.parse::<u16>().ok()?),
            None => None,
        };
        let default = match scheme.as_str() {
            "http" => Some(80),
            "https" => Some(443),
            _ => None,
        };
        let mut host = host.trim_end_matches('.').to_ascii_lowercase();
        if matches!(host.as_str(), "localhost" | "127.0.0.1" | "::1") {
            host = "loopback".into();
        }
        let path = path.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
        Some(UrlKey { scheme, host, port: port.or(default), path: unescape_case(path) })
    }
}

/// A path with its percent-escapes upper-cased and unreserved ones decoded, so `%7e`,
/// `%7E` and `~` compare equal.
fn unescape_case(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(path.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = path.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(hex, 16)
        {
            if v.is_ascii_alphanumeric() || b"-._~".contains(&v) {
                out.push(char::from(v));
            } else {
                out.push_str(&format!("%{v:02X}"));
            }
            i += 3;
            continue;
        }
        let ch = path[i..].chars().next().unwrap_or_default();
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_collection_spelled_several_ways_is_one() {
        let a = "http://localhost:5232/ayu/contacts/";
        for b in [
            "http://127.0.0.1:5232/ayu/contacts",
            "HTTP://LOCALHOST:5232/ayu/contacts/",
            "http://[::1]:5232/ayu/contacts/",
            "http://127.0.0.1:5232/ayu/%63ontacts/",
        ] {
            assert!(same_collection(a, b), "{b}");
        }
        assert!(same_collection("https://dav.example.com/a/", "https://dav.example.com:443/a"));
        for b in [
            "http://localhost:5233/ayu/contacts/",
            "https://localhost:5232/ayu/contacts/",
            "http://localhost:5232/ayu/contacts2/",
            "http://localhost:5232/ayu/Contacts/",
            "http://dav.example.com:5232/ayu/contacts/",
        ] {
            assert!(!same_collection(a, b), "{b}");
        }
    }

    #[test]
    fn on_the_phone_are_the_linked_and_those_a_sync_sends_never_those_kept_off_it() {
        let now = chrono::TimeZone::timestamp_opt(&Utc, 0, 0).unwrap();
        let person = |n: u128, tag: &str| {
            let mut c = Contact::new(Uuid::from_u128(n), format!("h{n}"), format!("P{n}"), now);
            c.tags = vec![tag.to_string()];
            c
        };
        let (linked, sent, kept, left) = (person(1, "x"), person(2, "inner"), person(3, "inner"), person(4, "x"));
        let mut state = SyncState { only: vec!["inner".into()], kept: vec![kept.id], ..SyncState::default() };
        let (href, uid, etag, base) = ("/book/1.vcf".into(), "1".into(), None, Fields::default());
        state.cards.push(CardState { contact: linked.id, href, uid, etag, base });
        let on_phone = state.on_phone();
        assert!(on_phone(&linked), "linked, whatever --only says");
        assert!(on_phone(&sent));
        assert!(!on_phone(&kept), "deleted on the phone and kept here");
        assert!(!on_phone(&left), "outside --only");
    }

    #[test]
    fn only_sends_the_chosen_circles_and_tags() {
        let now = chrono::TimeZone::timestamp_opt(&Utc, 0, 0).unwrap();
        let mut c = Contact::new(Uuid::nil(), "a".into(), "Ayu".into(), now);
        let mut state = SyncState::default();
        assert!(state.sends(&c), "everyone without --only");
        state.only = vec!["colleague".into(), "mentor".into()];
        assert!(!state.sends(&c));
        c.tags.push("mentor".into());
        assert!(state.sends(&c));
        c.tags.clear();
        c.circle = super::super::Circle::Colleague;
        assert!(state.sends(&c));
    }
}
