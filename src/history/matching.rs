//! Who a person in a trace is: you, one of your contacts, or someone unknown.
//!
//! The rule is the network's (see `model::identity`): an email, then phone digits, then
//! a LinkedIn profile, then an exact name (accents and case folded). An identifier or
//! a name shared by more than one contact is not guessed at. Phone numbers compare
//! country-code aware: `+62 812-3456-7890`, `0812 3456 7890` and `62812 34567890` are
//! one number, because the shorter, without its trunk zero, ends the longer and only a
//! country code (at most three digits) is left over.

use super::Person;
use crate::model::Contact;
use crate::model::identity::{email_key, linkedin_key, name_key, phone_key};
use std::collections::{HashMap, HashSet};

/// A number's national digits: its key without the leading zeros of a trunk or an
/// international prefix; None for an extension or a fax, and for too few digits.
pub fn national(phone: &str) -> Option<String> {
    let key = phone_key(phone)?;
    if !key.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(key.trim_start_matches('0').to_string())
}

/// The fewest digits a number keeps without its country code.
const MIN_NATIONAL: usize = 8;

/// Whether two national numbers are one (see the module's note).
pub fn same_number(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= MIN_NATIONAL && long.ends_with(short) && long.len() - short.len() <= 3
}

/// Where lookups by a number start: its last digits.
fn tail(national: &str) -> &str {
    &national[national.len().saturating_sub(MIN_NATIONAL)..]
}

/// One person's place among the contacts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    One(usize),
    /// More than one contact has it: not guessed.
    Ambiguous,
    Unknown,
}

/// The contacts, looked up by every key a trace can name someone with.
pub struct Matcher {
    emails: HashMap<String, Vec<usize>>,
    phones: HashMap<String, Vec<(usize, String)>>,
    linkedin: HashMap<String, Vec<usize>>,
    names: HashMap<String, Vec<usize>>,
}

fn push(map: &mut HashMap<String, Vec<usize>>, key: String, i: usize) {
    let v = map.entry(key).or_default();
    if !v.contains(&i) {
        v.push(i);
    }
}

fn one(found: Option<&Vec<usize>>) -> Option<Match> {
    match found.map(Vec::as_slice) {
        Some([i]) => Some(Match::One(*i)),
        Some([_, _, ..]) => Some(Match::Ambiguous),
        _ => None,
    }
}

impl Matcher {
    pub fn new(contacts: &[Contact]) -> Matcher {
        let mut m =
            Matcher { emails: HashMap::new(), phones: HashMap::new(), linkedin: HashMap::new(), names: HashMap::new() };
        for (i, c) in contacts.iter().enumerate() {
            m.add(i, c);
        }
        m
    }

    /// Indexes one more contact (one `--add-unknown` created).
    pub fn add(&mut self, i: usize, c: &Contact) {
        for e in &c.emails {
            push(&mut self.emails, email_key(e), i);
        }
        for p in c.phones.iter().filter_map(|p| national(p)) {
            let list = self.phones.entry(tail(&p).to_string()).or_default();
            if !list.iter().any(|(j, q)| *j == i && *q == p) {
                list.push((i, p));
            }
        }
        if let Some(l) = &c.linkedin {
            push(&mut self.linkedin, linkedin_key(l), i);
        }
        push(&mut self.names, name_key(&c.name), i);
    }

    pub fn find(&self, p: &Person) -> Match {
        if let Some(m) = p.email.as_deref().and_then(|e| one(self.emails.get(&email_key(e)))) {
            return m;
        }
        if let Some(n) = p.phone.as_deref().and_then(national) {
            let mut hits: Vec<usize> = self
                .phones
                .get(tail(&n))
                .into_iter()
                .flatten()
                .filter(|(_, q)| same_number(&n, q))
                .map(|(i, _)| *i)
                .collect();
            hits.dedup();
            if let Some(m) = one(Some(&hits)) {
                return m;
            }
        }
        if let Some(m) = p.linkedin.as_deref().and_then(|l| one(self.linkedin.get(&linkedin_key(l)))) {
            return m;
        }
        if let Some(m) = p.name.as_deref().and_then(|n| one(self.names.get(&name_key(n)))) {
            return m;
        }
        Match::Unknown
    }
}

/// Who you are: the `--me` values, remembered ones and the exports' hints.
#[derive(Clone, Debug, Default)]
pub struct Me {
    emails: HashSet<String>,
    phones: Vec<String>,
    linkedin: HashSet<String>,
    names: HashSet<String>,
}

impl Me {
    /// Sorts each value by what it looks like: an address, a LinkedIn profile, a phone
    /// number, else a name.
    pub fn new<'a>(values: impl IntoIterator<Item = &'a str>) -> Me {
        let mut me = Me::default();
        for v in values {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            if v.contains('@') {
                me.emails.insert(email_key(v));
            } else if let Some(l) = crate::interop::linkedin_profile(v) {
                me.linkedin.insert(linkedin_key(&l));
            } else if let Some(n) = crate::model::phone::normalise(v).as_deref().and_then(national) {
                me.phones.push(n);
            } else {
                me.names.insert(name_key(v));
            }
        }
        me
    }

    pub fn is_empty(&self) -> bool {
        self.emails.is_empty() && self.phones.is_empty() && self.linkedin.is_empty() && self.names.is_empty()
    }

    /// Whether the person is you. A name counts only where the trace has no address
    /// or profile to go by (chats name people, mail has addresses).
    pub fn is(&self, p: &Person) -> bool {
        if let Some(e) = &p.email {
            return self.emails.contains(&email_key(e));
        }
        if let Some(l) = &p.linkedin
            && self.linkedin.contains(&linkedin_key(l))
        {
            return true;
        }
        if let Some(n) = p.phone.as_deref().and_then(national)
            && self.phones.iter().any(|q| same_number(&n, q))
        {
            return true;
        }
        p.name.as_deref().is_some_and(|n| self.names.contains(&name_key(n)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use uuid::Uuid;

    fn contact(name: &str, emails: &[&str], phones: &[&str]) -> Contact {
        let mut c = Contact::new(Uuid::now_v7(), name.to_lowercase(), name.into(), Utc::now());
        c.emails = emails.iter().map(|s| s.to_string()).collect();
        c.phones = phones.iter().map(|s| s.to_string()).collect();
        c
    }

    fn named(name: &str) -> Person {
        Person { name: Some(name.into()), ..Person::default() }
    }

    #[test]
    fn numbers_match_with_or_without_the_country_code() {
        let m = Matcher::new(&[contact("Budi", &[], &["0812 3456 7890"]), contact("Ayu", &[], &["+1 415 555 0101"])]);
        let phone = |p: &str| Person { phone: Some(p.into()), ..Person::default() };
        assert_eq!(m.find(&phone("+62 812-3456-7890")), Match::One(0));
        assert_eq!(m.find(&phone("62 812 3456 7890")), Match::One(0));
        assert_eq!(m.find(&phone("(415) 555-0101")), Match::One(1));
        assert_eq!(m.find(&phone("+62 813-3456-7890")), Match::Unknown);
        assert!(!same_number("5550101", "14155550101"), "too few digits to be sure");
    }

    #[test]
    fn emails_first_and_names_only_when_unique() {
        let m = Matcher::new(&[
            contact("Budi Santoso", &["Budi@Example.com"], &[]),
            contact("Budi", &[], &[]),
            contact("Budi", &[], &[]),
            contact("Siti Rahayu", &[], &[]),
        ]);
        let mail = Person { email: Some("budi@example.com".into()), name: Some("Budi".into()), ..Person::default() };
        assert_eq!(m.find(&mail), Match::One(0));
        assert_eq!(m.find(&named("Budi")), Match::Ambiguous);
        assert_eq!(m.find(&named("siti  RAHAYU")), Match::One(3));
        assert_eq!(m.find(&named("Siti")), Match::Unknown);
    }

    #[test]
    fn me_by_address_profile_number_or_name() {
        let me = Me::new(["ayu@example.com", "+62 811 1111 2222", "Ayu Lestari", "https://linkedin.com/in/ayu/"]);
        assert!(me.is(&Person { email: Some("AYU@example.com".into()), ..Person::default() }));
        assert!(!me.is(&Person {
            email: Some("x@example.com".into()),
            name: Some("Ayu Lestari".into()),
            ..Person::default()
        }));
        assert!(me.is(&Person { phone: Some("0811-1111-2222".into()), ..Person::default() }));
        assert!(me.is(&named("ayu lestari")));
        assert!(me.is(&Person { linkedin: Some("https://www.linkedin.com/in/ayu".into()), ..Person::default() }));
    }
}
