//! Finding the contact a user means: handle or id, exact name, a prefix of the name or
//! of one of its words (ambiguous when it fits more than one name), then a fuzzy match,
//! all with accents folded (`jurgen` finds `Jürgen`).
//! Pure: it returns what it found and leaves the wording to the caller.

use super::Contact;
use super::text::{Folded, fold, folds_to};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::cell::OnceCell;
use uuid::Uuid;

/// The result of looking up a name.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// Exactly one contact: its index in `contacts`.
    One(usize),
    /// Several fit equally well: their indexes, best first (at most `MAX_CANDIDATES`).
    Ambiguous(Vec<usize>),
    /// Nobody fits; the closest names as suggestions, best first.
    None(Vec<usize>),
}

/// How many candidates or suggestions are worth listing.
pub const MAX_CANDIDATES: usize = 8;

/// Whether a lookup may settle on a fuzzy match. Adding someone new must not mistake
/// them for an existing contact, so callers that create records ask for `Strict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fuzzy {
    Allow,
    Strict,
}

/// What finding someone reads of a person: a whole contact, or the head of one a
/// network's outline holds (`head::Head`).
pub trait Named {
    fn id(&self) -> &Uuid;
    fn handle(&self) -> &str;
    fn name(&self) -> &str;
    /// Their emails, when they were read (an outline read to show has none).
    fn emails(&self) -> &[String];
}

impl Named for Contact {
    fn id(&self) -> &Uuid {
        &self.id
    }
    fn handle(&self) -> &str {
        &self.handle
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn emails(&self) -> &[String] {
        &self.emails
    }
}

/// Lookups among people (a network's contacts, or an outline's heads) that fold the
/// names once, on the first lookup that needs them, however many a command makes
/// (`log budi siti …` makes several).
pub struct Lookup<'a, P: Named = Contact> {
    pub people: &'a [P],
    folded: OnceCell<Folded>,
}

impl<'a, P: Named> Lookup<'a, P> {
    pub fn new(people: &'a [P]) -> Lookup<'a, P> {
        Lookup { people, folded: OnceCell::new() }
    }

    /// Every contact's name, folded.
    fn names(&self) -> &Folded {
        self.folded.get_or_init(|| Folded::of(self.people.iter().map(Named::name)))
    }

    /// Finds the contact `query` names.
    pub fn find(&self, query: &str, fuzzy: Fuzzy) -> Found {
        let q = fold(query.trim());
        if q.is_empty() {
            return Found::None(Vec::new());
        }
        if let Some(i) = by_handle_or_id(self.people, &q) {
            return Found::One(i);
        }
        let folded = self.names();
        if let Some(found) = by_name(&q, folded) {
            return found;
        }
        // Fuzzy matching scores every name, so it runs only when its answer is used.
        if fuzzy == Fuzzy::Allow {
            let fuzzy_hits = fuzzy_matches(&q, folded);
            match fuzzy_hits.len() {
                1 => return Found::One(fuzzy_hits[0]),
                n if n > 1 => return Found::Ambiguous(fuzzy_hits.into_iter().take(MAX_CANDIDATES).collect()),
                _ => {}
            }
        }
        Found::None(suggestions(&q, folded))
    }

    /// Whether `query` names someone by handle, id, name, name prefix or word prefix:
    /// what `find` with `Fuzzy::Strict` would answer with anything but `Found::None`,
    /// without working out suggestions nobody reads (they compare the query with every
    /// name).
    pub fn names_someone(&self, query: &str) -> bool {
        let q = fold(query.trim());
        if q.is_empty() {
            return false;
        }
        by_handle_or_id(self.people, &q).is_some() || by_name(&q, self.names()).is_some()
    }
}

/// The people who look like the same person as someone of this name and these emails:
/// the same folded name, or a shared email.
pub fn likely_duplicates<'a, P: Named>(people: &'a [P], name: &str, emails: &[String]) -> Vec<&'a P> {
    let folded = fold(name);
    people.iter().filter(|c| folds_to(c.name(), &folded) || c.emails().iter().any(|e| emails.contains(e))).collect()
}

/// The contact whose handle or id (hyphenated or simple) is `q`, already folded.
fn by_handle_or_id<P: Named>(people: &[P], q: &str) -> Option<usize> {
    // Only a query shaped like a printed id can be one, so ids are compared as ids
    // instead of being printed for every contact (two strings each, on every lookup).
    let id = (q.len() == 36 || q.len() == 32).then(|| uuid::Uuid::try_parse(q).ok()).flatten();
    people.iter().position(|c| c.handle() == q || Some(c.id()) == id.as_ref())
}

/// The name steps that need no scoring: exact full name, then a prefix of the name or
/// of any word in it, taken together. Putri, Sari and Dewi are first names *and*
/// surnames, so `putri` matching the start of "Putri Maharani" must not win over the
/// "Putri" in "Nadia Putri": a query that fits more than one name is ambiguous,
/// whichever word it fits. `q` is folded and not empty; `folded` holds the folded names.
fn by_name(q: &str, folded: &Folded) -> Option<Found> {
    let steps: [&dyn Fn(&str) -> bool; 2] =
        [&|name| name == q, &|name| name.starts_with(q) || name.split_whitespace().any(|w| w.starts_with(q))];
    for step in steps {
        let hits: Vec<usize> = (0..folded.len()).filter(|&i| step(folded.get(i))).collect();
        match hits.len() {
            0 => continue,
            1 => return Some(Found::One(hits[0])),
            _ => return Some(Found::Ambiguous(best_first(hits, folded))),
        }
    }
    None
}

/// Shorter names first (the closer fit), then alphabetical.
fn best_first(mut hits: Vec<usize>, folded: &Folded) -> Vec<usize> {
    let name = |i: usize| folded.get(i);
    hits.sort_by(|&a, &b| name(a).len().cmp(&name(b).len()).then(name(a).cmp(name(b))));
    hits.truncate(MAX_CANDIDATES);
    hits
}

/// Every contact the fuzzy pattern matches, best score first.
fn fuzzy_matches(q: &str, folded: &Folded) -> Vec<usize> {
    let mut matcher = Matcher::new(Config::DEFAULT);
    let pattern = Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart);
    let mut buf = Vec::new();
    let mut scored: Vec<(u32, usize)> = folded
        .iter()
        .enumerate()
        .filter_map(|(i, name)| pattern.score(Utf32Str::new(name, &mut buf), &mut matcher).map(|s| (s, i)))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// The closest names by edit similarity, for "did you mean …?".
fn suggestions(q: &str, folded: &Folded) -> Vec<usize> {
    let mut scored: Vec<(f64, usize)> = folded
        .iter()
        .enumerate()
        .map(|(i, name)| {
            // Compare with the whole name and with each word, so a typo in a surname counts.
            let whole = strsim::jaro_winkler(q, name);
            let word = name.split_whitespace().map(|w| strsim::jaro_winkler(q, w)).fold(0.0, f64::max);
            (whole.max(word), i)
        })
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(3).map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(net: &Network, query: &str, fuzzy: Fuzzy) -> Found {
        Lookup::new(&net.contacts).find(query, fuzzy)
    }

    fn names_someone(net: &Network, query: &str) -> bool {
        Lookup::new(&net.contacts).names_someone(query)
    }
    use crate::model::Network;
    use chrono::Utc;

    fn net(names: &[&str]) -> Network {
        let mut net = Network::default();
        for (i, name) in names.iter().enumerate() {
            net.contacts.push(Contact::new(Uuid::now_v7(), format!("h{i:03}"), (*name).into(), Utc::now()));
        }
        net
    }

    #[test]
    fn handles_and_exact_names_win() {
        let n = net(&["Budi Santoso", "Budi"]);
        assert_eq!(find(&n, "h000", Fuzzy::Allow), Found::One(0));
        assert_eq!(find(&n, "budi", Fuzzy::Allow), Found::One(1));
        let id = n.contacts[0].id.to_string();
        assert_eq!(find(&n, &id, Fuzzy::Allow), Found::One(0));
    }

    #[test]
    fn unique_prefixes_and_word_prefixes() {
        let n = net(&["Budi Santoso", "Siti Rahma", "Sitorus Pane"]);
        assert_eq!(find(&n, "bud", Fuzzy::Allow), Found::One(0));
        assert_eq!(find(&n, "santo", Fuzzy::Allow), Found::One(0));
        assert_eq!(find(&n, "siti", Fuzzy::Allow), Found::One(1));
        assert!(matches!(find(&n, "sit", Fuzzy::Allow), Found::Ambiguous(v) if v.len() == 2));
    }

    #[test]
    fn a_word_shared_by_two_names_is_ambiguous_whichever_word_it_is() {
        // Putri, Sari and Dewi are first names and surnames alike.
        let n = net(&["Putri Maharani", "Nadia Putri", "Sari Dewi", "Dewi Sari", "Sari"]);
        for q in ["putri", "put", "p", "dewi", "dew", "d"] {
            let found = find(&n, q, Fuzzy::Allow);
            assert!(matches!(found, Found::Ambiguous(ref v) if v.len() >= 2), "{q:?}: {found:?}");
            assert!(names_someone(&n, q), "{q:?} names someone, just not one person");
        }
        // An exact full name or a handle still wins, and a longer query settles it.
        assert_eq!(find(&n, "sari", Fuzzy::Allow), Found::One(4));
        assert_eq!(find(&n, "Nadia Putri", Fuzzy::Allow), Found::One(1));
        assert_eq!(find(&n, "h000", Fuzzy::Allow), Found::One(0));
        assert_eq!(find(&n, "putri m", Fuzzy::Allow), Found::One(0));
        assert_eq!(find(&n, "nad", Fuzzy::Allow), Found::One(1));
        assert_eq!(find(&n, "sari d", Fuzzy::Allow), Found::One(2));
    }

    #[test]
    fn accents_are_folded() {
        let n = net(&["Jürgen Müller", "Ana"]);
        assert_eq!(find(&n, "jurgen", Fuzzy::Allow), Found::One(0));
        assert_eq!(find(&n, "MULLER", Fuzzy::Allow), Found::One(0));
    }

    #[test]
    fn fuzzy_matches_only_when_allowed() {
        let n = net(&["Budi Santoso", "Ana"]);
        assert_eq!(find(&n, "bdsnt", Fuzzy::Allow), Found::One(0));
        assert!(matches!(find(&n, "bdsnt", Fuzzy::Strict), Found::None(_)));
    }

    #[test]
    fn ids_are_found_hyphenated_or_simple_but_not_in_other_shapes() {
        let n = net(&["Budi Santoso", "Ana"]);
        let id = n.contacts[1].id;
        assert_eq!(find(&n, &id.to_string(), Fuzzy::Strict), Found::One(1));
        assert_eq!(find(&n, &id.simple().to_string().to_uppercase(), Fuzzy::Strict), Found::One(1));
        assert!(matches!(find(&n, &id.braced().to_string(), Fuzzy::Strict), Found::None(_)));
        assert!(matches!(find(&n, &id.urn().to_string(), Fuzzy::Strict), Found::None(_)));
    }

    #[test]
    fn names_someone_agrees_with_a_strict_find() {
        let n = net(&["Budi Santoso", "Siti Rahma", "Sitorus Pane", "Jürgen Müller"]);
        let id = n.contacts[2].id.to_string();
        for q in [
            "h001",
            id.as_str(),
            "budi",
            "santo",
            "sit",
            "jurgen",
            "bdsnt",
            "Bodi",
            "zzzz",
            "  ",
            "coffee at the meetup",
        ] {
            let strict = !matches!(find(&n, q, Fuzzy::Strict), Found::None(_));
            assert_eq!(names_someone(&n, q), strict, "{q:?}");
        }
    }

    #[test]
    fn one_lookup_answers_every_query_as_a_fresh_one_would() {
        let n = net(&["Budi Santoso", "Siti Rahma", "Sitorus Pane", "Jürgen Müller"]);
        let shared = Lookup::new(&n.contacts);
        for q in ["h001", "budi", "sit", "jurgen", "bdsnt", "Bodi", "zzzz", "coffee"] {
            for fuzzy in [Fuzzy::Allow, Fuzzy::Strict] {
                assert_eq!(shared.find(q, fuzzy), find(&n, q, fuzzy), "{q:?}");
            }
            assert_eq!(shared.names_someone(q), names_someone(&n, q), "{q:?}");
        }
    }

    #[test]
    fn unknown_names_suggest_the_closest() {
        let n = net(&["Budi Santoso", "Ana Lestari"]);
        assert_eq!(find(&n, "Bodi", Fuzzy::Allow), Found::None(vec![0]));
        assert_eq!(find(&n, "zzzz", Fuzzy::Allow), Found::None(vec![]));
        assert_eq!(find(&n, "  ", Fuzzy::Allow), Found::None(vec![]));
    }

    #[test]
    fn duplicates_match_folded_names_and_emails() {
        let mut net = Network::default();
        let mut a = Contact::new(Uuid::now_v7(), "h000".into(), "Jürgen Weiß".into(), Utc::now());
        a.emails.push("jw@example.com".into());
        net.contacts.push(a);
        assert_eq!(likely_duplicates(&net.contacts, "jurgen weiss", &[]).len(), 1);
        assert_eq!(likely_duplicates(&net.contacts, "Someone", &["jw@example.com".into()]).len(), 1);
        assert!(likely_duplicates(&net.contacts, "Someone", &[]).is_empty());
    }
}
