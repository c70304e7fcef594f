//! A person in the network: who they are, how you met, and how often you want to talk.

mod birthday;

pub use birthday::{Birthday, BirthdayError};

use super::cadence::Cadence;
use super::vocab::vocab;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

vocab! {
    /// Where a person sits in your life: the circles the method starts from.
    Circle {
        Friend => "friend", "friend", "teman";
        Colleague => "colleague", "colleague", "kolega";
        Family => "family", "family", "keluarga";
        Other => "other", "other", "lainnya" ["lain"];
    }
}

vocab! {
    /// How well you know someone, from a stranger to someone you would vouch for.
    Stage {
        Stranger => "stranger", "stranger", "orang-asing" ("orang asing") ["asing"];
        Acquaintance => "acquaintance", "acquaintance", "kenalan";
        Connection => "connection", "connection", "relasi";
        Trusted => "trusted", "trusted", "tepercaya" ["terpercaya", "dipercaya"];
    }
}

/// One person. Optional fields are left out of the file when empty, so the file stays
/// readable; fields a newer version added are kept in `extra`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: Uuid,
    /// A short, stable name for scripts and quick typing, shown in lists.
    pub handle: String,
    pub name: String,
    pub circle: Circle,
    pub stage: Stage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// How or where you met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::stamp::optional_day")]
    pub met_on: Option<NaiveDate>,
    /// The first impression they made (and, by reflection, the one you hope you made).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impression: Option<String>,
    /// How often you want to be in touch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Cadence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Left out of the weekly picks and `list --due` until this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snoozed_until: Option<NaiveDate>,
    /// When the contact's details were last changed here (`edit`, `merge`, an import),
    /// so a sync can tell whose change to a field is the newer. Written before `added`,
    /// which is always there, so a first edit adds one line to the file and changes none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<DateTime<Utc>>,
    /// When the contact was added to jejaring.
    #[serde(deserialize_with = "super::stamp::instant")]
    pub added: DateTime<Utc>,
    /// Web pages (a site, a portfolio); the LinkedIn profile has its own field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<String>,
    /// Postal addresses, each on one line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<Birthday>,
    /// The LinkedIn profile URL, which also matches the contact on a LinkedIn import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linkedin: Option<String>,
    /// Ids other address books gave this person (vCard UIDs), so re-importing their
    /// export updates this contact instead of adding a copy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_ids: Vec<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Contact {
    /// A new contact with the given name and defaults for everything else.
    pub fn new(id: Uuid, handle: String, name: String, now: DateTime<Utc>) -> Contact {
        Contact {
            id,
            handle,
            name,
            circle: Circle::Other,
            stage: Stage::Acquaintance,
            org: None,
            role: None,
            emails: Vec::new(),
            phones: Vec::new(),
            tags: Vec::new(),
            met_at: None,
            met_on: None,
            impression: None,
            every: None,
            note: None,
            snoozed_until: None,
            added: now,
            urls: Vec::new(),
            addresses: Vec::new(),
            birthday: None,
            linkedin: None,
            source_ids: Vec::new(),
            edited: None,
            extra: Map::new(),
        }
    }

    /// Whether you met them in `from..=to`: the one rule for who is "new". The day they
    /// were entered never counts; a contact without a meeting day (imported, entered as
    /// someone you already knew, or met long ago) is new in no window.
    pub fn met_between(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.met_on.is_some_and(|d| from <= d && d <= to)
    }

    /// Whether the contact is snoozed on `day`.
    pub fn snoozed(&self, day: NaiveDate) -> bool {
        self.snoozed_until.is_some_and(|until| day < until)
    }

    /// Whether `needle` (already folded) occurs in the name, org, role, emails, tags,
    /// where you met, the note, web pages, LinkedIn profile, addresses or birthday.
    pub fn mentions(&self, needle: &super::text::Needle) -> bool {
        // One buffer for every field, and none for plain ASCII: a search of 10,000
        // people otherwise makes a folded copy of each field of each of them.
        let mut folded = String::new();
        let mut hit = |s: &str| needle.in_text(s, &mut folded);
        hit(&self.name)
            || self.org.as_deref().is_some_and(&mut hit)
            || self.role.as_deref().is_some_and(&mut hit)
            || self.met_at.as_deref().is_some_and(&mut hit)
            || self.note.as_deref().is_some_and(&mut hit)
            || self.emails.iter().any(|e| hit(e))
            || self.tags.iter().any(|t| hit(t))
            || self.urls.iter().any(|u| hit(u))
            || self.linkedin.as_deref().is_some_and(&mut hit)
            || self.addresses.iter().any(|a| hit(a))
            || self.birthday.is_some_and(|b| hit(&b.to_string()))
    }
}

/// The letters handles are spelled with: k to z, sixteen letters that are neither digits
/// nor hex digits, so a handle never reads as a number (a promise or goal number) nor as
/// part of an id, whatever its letters.
const HANDLE_LETTERS: &[u8; 16] = b"klmnopqrstuvwxyz";
/// The shortest and longest handle given to a new contact. Four letters give 65,536
/// handles, five a million, six sixteen million: enough for any network a person keeps.
pub const HANDLE_LEN: std::ops::RangeInclusive<usize> = 4..=6;
/// How many spellings of each length are tried before a longer one.
const TRIES_PER_LENGTH: u64 = 8;

/// Picks a handle for a new contact: the shortest spelling, in the letters k–z, of the
/// id's bits that no existing contact uses. The same id and the same taken handles give
/// the same handle. Four letters while the network has room, five or six in a network of
/// tens of thousands; longer only if sixteen million six-letter handles were all taken.
pub fn new_handle(id: &Uuid, taken: impl Fn(&str) -> bool) -> String {
    for len in HANDLE_LEN {
        for attempt in 0..TRIES_PER_LENGTH {
            let candidate = spell(id, attempt, len);
            if !taken(&candidate) {
                return candidate;
            }
        }
    }
    // Only a network of millions gets here: keep drawing, one letter longer each time.
    (TRIES_PER_LENGTH..)
        .map(|attempt| spell(id, attempt, 6 + (attempt / TRIES_PER_LENGTH) as usize))
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

/// Whether a handle follows today's rule: four to six characters, not only digits. Older
/// versions gave some contacts longer ones (up to the whole id) and a few digits only.
pub fn handle_fits(handle: &str) -> bool {
    HANDLE_LEN.contains(&handle.chars().count()) && !handle.bytes().all(|b| b.is_ascii_digit())
}

/// Gives every contact whose handle breaks the rule (`handle_fits`) a new one, as a
/// new contact would get, and returns how many changed. Handles that follow the rule are
/// kept: people and scripts know them. Running it again changes nothing, and the same
/// network always gets the same new handles.
pub fn shorten_handles(contacts: &mut [Contact]) -> usize {
    let new = new_handles(contacts.iter().map(|c| (&c.id, c.handle.as_str())));
    for (n, handle) in &new {
        contacts[*n].handle = handle.clone();
    }
    new.len()
}

/// The new handles `shorten_handles` gives the people listed by id and handle (whole
/// contacts, or rows of `list`): where each is in the list, and their new handle.
pub fn new_handles<'a>(people: impl Iterator<Item = (&'a Uuid, &'a str)> + Clone) -> Vec<(usize, String)> {
    if people.clone().all(|(_, h)| handle_fits(h)) {
        return Vec::new();
    }
    let mut taken: std::collections::HashSet<String> =
        people.clone().filter(|(_, h)| handle_fits(h)).map(|(_, h)| h.to_string()).collect();
    let mut new = Vec::new();
    for (n, (id, _)) in people.enumerate().filter(|(_, (_, h))| !handle_fits(h)) {
        let handle = new_handle(id, |h| taken.contains(h));
        taken.insert(handle.clone());
        new.push((n, handle));
    }
    new
}

/// The `attempt`th spelling of an id in `len` letters: four bits a letter from a hash of
/// the id and the attempt, so ids that share their first digits (Uuid v7 starts with the
/// time) still spread over every handle.
fn spell(id: &Uuid, attempt: u64, len: usize) -> String {
    let (hi, lo) = id.as_u64_pair();
    let mut out = String::with_capacity(len);
    let mut round = 0u64;
    while out.len() < len {
        let mut bits = mix(hi ^ mix(lo ^ mix(attempt.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ round)));
        for _ in 0..16 {
            if out.len() == len {
                break;
            }
            out.push(char::from(HANDLE_LETTERS[(bits & 0xF) as usize]));
            bits >>= 4;
        }
        round += 1;
    }
    out
}

/// SplitMix64's finaliser: every input bit moves about half the output bits.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Adds `n` contacts with fresh v7 ids and checks every handle against the rule.
    fn handles_for(n: usize) -> Vec<String> {
        let mut taken = HashSet::with_capacity(n);
        let mut handles = Vec::with_capacity(n);
        let start = Uuid::now_v7();
        for i in 0..n {
            // Ids made in one burst share their time prefix, as in a big import.
            let id = if i % 2 == 0 { Uuid::now_v7() } else { Uuid::from_u128(start.as_u128() + i as u128) };
            let h = new_handle(&id, |h| taken.contains(h));
            assert!(HANDLE_LEN.contains(&h.len()), "{h} has {} letters", h.len());
            assert!(h.bytes().all(|b| (b'k'..=b'z').contains(&b)), "{h} is not letters k to z");
            assert!(h.parse::<u64>().is_err() && u64::from_str_radix(&h, 16).is_err(), "{h} reads as a number");
            assert!(taken.insert(h.clone()), "{h} given twice");
            handles.push(h);
        }
        handles
    }

    #[test]
    fn handles_are_four_to_six_letters_and_unique_at_ten_thousand() {
        let handles = handles_for(10_000);
        let four = handles.iter().filter(|h| h.len() == 4).count();
        assert!(four > 9_000, "most handles are four letters: {four} of 10,000");
    }

    #[test]
    fn handles_are_four_to_six_letters_and_unique_at_a_hundred_thousand() {
        let handles = handles_for(100_000);
        assert!(handles.iter().all(|h| h.len() <= 6));
    }

    #[test]
    fn a_handle_depends_only_on_the_id_and_what_is_taken() {
        let id = Uuid::now_v7();
        let first = new_handle(&id, |_| false);
        assert_eq!(new_handle(&id, |_| false), first);
        let second = new_handle(&id, |h| h == first);
        assert_ne!(second, first);
        assert_eq!(second.len(), 4, "another four-letter spelling is tried before five letters");
    }

    #[test]
    fn a_full_network_still_finds_a_free_handle() {
        // Every four-, five- and six-letter handle taken: the next is longer, not a loop.
        let h = new_handle(&Uuid::now_v7(), |h| h.len() <= 6);
        assert!(h.len() > 6, "{h}");
    }

    #[test]
    fn long_and_digit_only_handles_are_shortened_and_the_rest_kept() {
        let now = Utc::now();
        let id = Uuid::parse_str("01a22d39-3e62-74e3-a983-387325280565").unwrap();
        let mut contacts = vec![
            Contact::new(Uuid::now_v7(), "b0d1".into(), "Budi".into(), now),
            Contact::new(id, id.simple().to_string(), "Long".into(), now),
            Contact::new(Uuid::now_v7(), "3898".into(), "Digits".into(), now),
            Contact::new(Uuid::now_v7(), "5a1e77".into(), "Six".into(), now),
        ];
        assert_eq!(shorten_handles(&mut contacts), 2);
        assert_eq!(contacts[0].handle, "b0d1");
        assert_eq!(contacts[3].handle, "5a1e77");
        for c in &contacts {
            assert!(handle_fits(&c.handle), "{}", c.handle);
        }
        assert_ne!(contacts[1].handle, contacts[2].handle);
        let again = contacts.clone();
        assert_eq!(shorten_handles(&mut contacts), 0, "a second pass changes nothing");
        assert_eq!(contacts, again);
    }

    #[test]
    fn unknown_circle_survives_a_round_trip() {
        let c: Circle = serde_json::from_str("\"neighbour\"").unwrap();
        assert_eq!(c, Circle::Unknown("neighbour".into()));
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"neighbour\"");
    }

    #[test]
    fn stages_are_ordered_from_stranger_to_trusted() {
        assert!(Stage::Stranger < Stage::Acquaintance);
        assert!(Stage::Connection < Stage::Trusted);
    }

    #[test]
    fn mentions_searches_folded_fields() {
        let mut c = Contact::new(Uuid::now_v7(), "abcd".into(), "Jürgen Weiß".into(), Utc::now());
        c.org = Some("Bank Mandiri".into());
        c.emails.push("jw@example.com".into());
        assert!(c.mentions(&crate::model::text::Needle::new("jurgen")));
        assert!(c.mentions(&crate::model::text::Needle::new("mandiri")));
        assert!(c.mentions(&crate::model::text::Needle::new("example.com")));
        assert!(!c.mentions(&crate::model::text::Needle::new("tokopedia")));
        c.urls.push("https://jurgen.example/portfolio".into());
        c.addresses.push("Jl. Braga 12, Bandung".into());
        c.linkedin = Some("https://www.linkedin.com/in/jweiss".into());
        c.birthday = Some("--03-15".parse().unwrap());
        for needle in ["portfolio", "bandung", "jweiss", "03-15"] {
            assert!(c.mentions(&crate::model::text::Needle::new(needle)), "{needle}");
        }
    }
}
