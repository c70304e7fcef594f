//! What says two records are one person, and what says they are two.
//!
//! Namesakes are common (single-word Indonesian names especially), so a name never
//! makes two records one. The rule, used by every import and by `dupes`:
//!
//! - **Strong identifiers**: a vCard UID (or jejaring's own id), an email, a phone
//!   number (its digits, at least [`MIN_PHONE_DIGITS`] of them) and a LinkedIn profile.
//! - Two records are **the same person** when they share a strong identifier and none
//!   **conflicts**: a different UID (both have UIDs, none in common), a different
//!   LinkedIn profile, or a different birthday (the years are compared only when both
//!   have one). Different phones or emails are no conflict: people have several.
//! - A name, with or without an organisation, is at most a suggestion (`dupes`).

use super::Contact;
use super::contact::Birthday;
use super::text::fold;
use uuid::Uuid;

/// Fewer digits than this are not a phone number anyone else could share by chance
/// only (an extension, "112", a placeholder "0"); they never make two records one.
pub const MIN_PHONE_DIGITS: usize = 7;

/// A phone number's key (`model::phone::key`: one key however it is spelled, with
/// extensions and faxes kept apart), when its number has enough digits to identify
/// someone.
pub fn phone_key(phone: &str) -> Option<String> {
    let key = super::phone::key(phone);
    let digits = key.chars().take_while(char::is_ascii_digit).count();
    (digits >= MIN_PHONE_DIGITS).then_some(key)
}

/// An email address compared without regard to case.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A UID compared without regard to case (vCard UIDs are often upper-case UUIDs that
/// another client writes in lower case).
pub fn uid_key(uid: &str) -> String {
    uid.trim().to_lowercase()
}

/// A LinkedIn profile URL as compared: its canonical form (`linkedin_profile`), so a
/// country subdomain or `www.` never makes one profile two; a URL that is no profile is
/// compared without its scheme, `www.`, query or trailing slash.
pub fn linkedin_key(url: &str) -> String {
    if let Some(profile) = linkedin_profile(url) {
        return profile;
    }
    let lower = url.trim().to_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).unwrap_or(&lower);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    rest.trim_end_matches('/').to_string()
}

/// The canonical form of a LinkedIn profile URL (`https://www.linkedin.com/in/slug`),
/// or None when the URL is not a LinkedIn profile. Exports write it with and without
/// `www.`, a trailing slash or a query; all of them name one profile.
pub fn linkedin_profile(url: &str) -> Option<String> {
    let lower = url.trim().to_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).unwrap_or(&lower);
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let host_end = rest.find('/')?;
    let host = &rest[..host_end];
    if host != "linkedin.com" && !host.ends_with(".linkedin.com") {
        return None;
    }
    let slug = rest[host_end..].strip_prefix("/in/")?.trim_end_matches('/');
    if slug.is_empty() || slug.contains('/') {
        return None;
    }
    Some(format!("https://www.linkedin.com/in/{slug}"))
}

/// A name as `dupes` compares it: accents and case folded, words in sorted order, so
/// "Santoso, Budi", "budi santoso" and "Búdi Santoso" are one key.
pub fn name_key(name: &str) -> String {
    let folded = fold(name);
    let mut words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.sort_unstable();
    words.join(" ")
}

/// The identifiers of one person, whatever they came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ids {
    /// UIDs other address books gave the person.
    pub uids: Vec<String>,
    /// jejaring's own id: it matches a UID (`urn:uuid:…` in jejaring's export) but is
    /// never in conflict with one, since every contact has it.
    pub own: Option<Uuid>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub linkedin: Option<String>,
    pub birthday: Option<Birthday>,
}

/// Which strong identifier two records share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shared {
    Uid,
    Email,
    Phone,
    Linkedin,
}

/// Which identifier says two records are two people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Conflict {
    Uid,
    Linkedin,
    Birthday,
}

impl Ids {
    /// A contact's identifiers.
    pub fn of(c: &Contact) -> Ids {
        Ids::new(&c.source_ids, Some(c.id), &c.emails, &c.phones, c.linkedin.as_deref(), c.birthday)
    }

    /// Identifiers from their parts, each put in the form it is compared in.
    pub fn new(
        uids: &[String],
        own: Option<Uuid>,
        emails: &[String],
        phones: &[String],
        linkedin: Option<&str>,
        birthday: Option<Birthday>,
    ) -> Ids {
        let mut ids = Ids {
            uids: uids.iter().map(|u| uid_key(u)).filter(|u| !u.is_empty()).collect(),
            own,
            emails: emails.iter().map(|e| email_key(e)).filter(|e| !e.is_empty()).collect(),
            phones: phones.iter().filter_map(|p| phone_key(p)).collect(),
            linkedin: linkedin.map(linkedin_key).filter(|l| !l.is_empty()),
            birthday,
        };
        if let Some(own) = own {
            // jejaring's own id written back in a UID is not another address book's id.
            let forms = own_forms(own);
            ids.uids.retain(|u| !forms.contains(u));
        }
        ids
    }

    /// Whether there is anything here that could make two records one.
    pub fn has_strong(&self) -> bool {
        !self.uids.is_empty() || !self.emails.is_empty() || !self.phones.is_empty() || self.linkedin.is_some()
    }

    /// Every key to look this person up by, strongest first: `(kind, key)`.
    pub fn keys(&self) -> impl Iterator<Item = (Shared, &str)> {
        self.uids
            .iter()
            .map(|u| (Shared::Uid, u.as_str()))
            .chain(self.emails.iter().map(|e| (Shared::Email, e.as_str())))
            .chain(self.linkedin.iter().map(|l| (Shared::Linkedin, l.as_str())))
            .chain(self.phones.iter().map(|p| (Shared::Phone, p.as_str())))
    }

    fn uid_matches(&self, uid: &str) -> bool {
        self.uids.iter().any(|u| u == uid) || self.own.is_some_and(|own| own_forms(own).iter().any(|f| f == uid))
    }

    /// The strong identifiers both share, strongest first.
    pub fn shared(&self, other: &Ids) -> Vec<Shared> {
        let mut out = Vec::new();
        if self.uids.iter().any(|u| other.uid_matches(u)) || other.uids.iter().any(|u| self.uid_matches(u)) {
            out.push(Shared::Uid);
        }
        if self.emails.iter().any(|e| other.emails.contains(e)) {
            out.push(Shared::Email);
        }
        if self.phones.iter().any(|p| other.phones.contains(p)) {
            out.push(Shared::Phone);
        }
        if self.linkedin.is_some() && self.linkedin == other.linkedin {
            out.push(Shared::Linkedin);
        }
        out
    }

    /// The identifiers that say these are two people.
    pub fn conflicts(&self, other: &Ids) -> Vec<Conflict> {
        let mut out = Vec::new();
        let shares_uid =
            self.uids.iter().any(|u| other.uid_matches(u)) || other.uids.iter().any(|u| self.uid_matches(u));
        if !self.uids.is_empty() && !other.uids.is_empty() && !shares_uid {
            out.push(Conflict::Uid);
        }
        if let (Some(a), Some(b)) = (&self.linkedin, &other.linkedin)
            && a != b
        {
            out.push(Conflict::Linkedin);
        }
        if let (Some(a), Some(b)) = (self.birthday, other.birthday)
            && !same_birthday(a, b)
        {
            out.push(Conflict::Birthday);
        }
        out
    }

    /// The rule: a shared strong identifier and no conflicting one.
    pub fn same_person(&self, other: &Ids) -> bool {
        !self.shared(other).is_empty() && self.conflicts(other).is_empty()
    }
}

/// The forms jejaring's own id takes in a UID.
fn own_forms(id: Uuid) -> [String; 2] {
    [id.to_string(), format!("urn:uuid:{id}")]
}

/// Birthdays agree when the day and month do, and the years too when both are known.
fn same_birthday(a: Birthday, b: Birthday) -> bool {
    a.month == b.month && a.day == b.day && (a.year.is_none() || b.year.is_none() || a.year == b.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Ids {
        Ids::default()
    }

    #[test]
    fn linkedin_urls_are_normalised() {
        let canon = Some("https://www.linkedin.com/in/budi-s".to_string());
        assert_eq!(linkedin_profile("https://www.linkedin.com/in/budi-s/"), canon);
        assert_eq!(linkedin_profile("http://linkedin.com/in/Budi-S?trk=x"), canon);
        assert_eq!(linkedin_profile("www.linkedin.com/in/budi-s"), canon);
        assert_eq!(linkedin_profile("https://id.linkedin.com/in/budi-s"), canon);
        assert_eq!(linkedin_profile("https://www.linkedin.com/company/tokopedia"), None);
        assert_eq!(linkedin_profile("https://evil.example/linkedin.com/in/x"), None);
    }

    #[test]
    fn a_country_subdomain_is_the_same_profile() {
        let mut a = ids();
        a.linkedin = Some(linkedin_key("https://id.linkedin.com/in/budi-s"));
        let mut b = ids();
        b.linkedin = Some(linkedin_key("https://www.linkedin.com/in/Budi-S/"));
        assert!(a.same_person(&b) && a.conflicts(&b).is_empty());
    }

    #[test]
    fn a_shared_identifier_makes_one_person() {
        let mut a = ids();
        a.emails.push("budi@example.com".into());
        a.phones.push("6281211112222".into());
        let mut b = ids();
        b.emails.push("budi@example.com".into());
        assert_eq!(a.shared(&b), [Shared::Email]);
        assert!(a.same_person(&b));
        let mut c = ids();
        c.phones.push("6281211112222".into());
        assert!(a.same_person(&c));
    }

    #[test]
    fn names_and_different_phones_never_make_one_person() {
        let mut a = ids();
        a.phones.push("6281211112222".into());
        let mut b = ids();
        b.phones.push("6281233334444".into());
        assert!(!a.same_person(&b));
        assert!(a.conflicts(&b).is_empty(), "different phones are no conflict: people have several");
        assert!(!ids().same_person(&ids()), "two records with no identifier are not one person by rule");
    }

    #[test]
    fn a_conflicting_identifier_wins_over_a_shared_one() {
        let phone = |uid: &str| Ids::new(&[uid.into()], None, &[], &["+62 812 1111 2222".into()], None, None);
        let (a, b) = (phone("aaaa-1"), phone("BBBB-2"));
        assert_eq!(a.shared(&b), [Shared::Phone]);
        assert_eq!(a.conflicts(&b), [Conflict::Uid]);
        assert!(!a.same_person(&b));
        assert!(phone("AAAA-1").same_person(&a), "UIDs compare without case");

        let linked = |url: &str| Ids::new(&[], None, &["x@example.com".into()], &[], Some(url), None);
        assert!(!linked("https://www.linkedin.com/in/rahul-1").same_person(&linked("https://linkedin.com/in/rahul-2")));
        assert!(linked("https://www.linkedin.com/in/rahul-1/").same_person(&linked("http://linkedin.com/in/Rahul-1")));

        let born = |b: &str| Ids::new(&[], None, &["x@example.com".into()], &[], None, b.parse().ok());
        assert!(!born("1990-03-15").same_person(&born("1991-03-15")));
        assert!(!born("1990-03-15").same_person(&born("--04-15")));
        assert!(born("1990-03-15").same_person(&born("--03-15")), "a birthday without a year agrees with any year");
    }

    #[test]
    fn jejarings_own_id_matches_but_never_conflicts() {
        let own = Uuid::now_v7();
        let contact = Ids::new(&[], Some(own), &[], &[], None, None);
        let back = Ids::new(&[format!("urn:uuid:{own}")], None, &[], &[], None, None);
        assert!(contact.same_person(&back));
        let google = Ids::new(&["google-1".into()], None, &[], &["0812 1111 2222".into()], None, None);
        let mut mine = Ids::new(&[], Some(own), &[], &["0812-1111-2222".into()], None, None);
        assert!(mine.same_person(&google), "a contact typed in by hand has no UID to conflict with");
        mine.uids.push("icloud-9".into());
        assert!(!mine.same_person(&google));
    }

    #[test]
    fn short_numbers_identify_nobody() {
        assert_eq!(phone_key("112"), None);
        assert_eq!(phone_key("+62 (812) 1111-2222").as_deref(), Some("6281211112222"));
        // A fax or another extension of the same number is another line, not the same person.
        assert_ne!(phone_key("+62 812 1111 2222 (fax)"), phone_key("+62 812 1111 2222"));
        assert_ne!(phone_key("+1 418 656 9254 ext. 102"), phone_key("+1 418 656 9254"));
    }

    #[test]
    fn names_are_keyed_with_accents_case_and_order_folded() {
        assert_eq!(name_key("Santoso, Búdi"), name_key("budi  SANTOSO"));
        assert_ne!(name_key("Budi"), name_key("Budi Santoso"));
    }
}
