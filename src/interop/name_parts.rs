//! A full name cut into vCard's `N` parts (family; given; additional; prefix; suffix)
//! for a card jejaring writes.
//!
//! Why a rule and not the phone's own reading of FN: vCard 3.0 requires `N`, and most
//! address books (Apple's first) show and sort by `N`, not `FN`; an empty `N` shows as
//! "No name" on some phones. So the parts are guessed, with a rule that knows what
//! splitting at the last space does not: suffixes at the end ("Jr.", "III", "PhD", and
//! everything after a comma, as in "Budi Santoso, S.Kom., M.T."), titles at the start
//! ("Dr.", "Prof.", "H.", "Hj."), and particles that belong to the family name ("van",
//! "von", "de", "bin", "binti"…). A name of one word (common in Indonesia) stays a given
//! name with no family name. jejaring itself reads FN back, never N; and a card's own N
//! is kept as it is unless the name changed here.

/// The parts of `N`, in vCard's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameParts {
    pub family: String,
    pub given: String,
    pub additional: String,
    pub prefix: String,
    pub suffix: String,
}

impl NameParts {
    /// The five components in the order `N` writes them.
    pub fn components(&self) -> [&str; 5] {
        [&self.family, &self.given, &self.additional, &self.prefix, &self.suffix]
    }
}

/// Words after a name that are not part of it (compared without dots, any case).
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "dds", "esq", "mba", "cpa", "obe", "mbe"];

/// Degrees that are also names or words ("Ma", "Se"), so they count only with a dot:
/// "S.T.", "M.M." and "S.Kom." are Indonesian degrees, "Jack Ma" is a name.
const DOTTED_SUFFIXES: &[&str] =
    &["ma", "ba", "msc", "bsc", "se", "st", "mt", "mm", "skom", "sh", "mh", "ssi", "spd", "ak", "sked", "ssos"];

/// Titles before a name (compared without dots, any case). One-letter titles ("H.")
/// count only with their dot, so an initial is never taken for one.
const PREFIXES: &[&str] = &["dr", "drs", "dra", "prof", "ir", "mr", "mrs", "ms", "mx", "miss", "hj", "h", "kh", "sir"];

/// Words that join the family name that follows them.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "da", "di", "do", "dos", "das", "du", "la", "le", "ter", "ten",
    "bin", "binti", "ibn", "al", "el", "ben", "bint", "op",
];

fn plain(word: &str) -> String {
    word.trim_end_matches(',').replace('.', "").to_lowercase()
}

fn is_suffix(word: &str) -> bool {
    let p = plain(word);
    SUFFIXES.contains(&p.as_str()) || (word.contains('.') && DOTTED_SUFFIXES.contains(&p.as_str()))
}

fn is_prefix(word: &str) -> bool {
    let p = plain(word);
    PREFIXES.contains(&p.as_str()) && (p.chars().count() > 1 || word.ends_with('.'))
}

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

/// Cuts `name` into its parts (see the module note).
pub fn split(name: &str) -> NameParts {
    let mut parts = NameParts::default();
    let (main, after_comma) = match name.split_once(',') {
        Some((main, rest)) => (main, rest.trim()),
        None => (name, ""),
    };
    let mut words: Vec<&str> = main.split_whitespace().collect();
    let mut suffixes: Vec<&str> = Vec::new();
    // A name is never all suffix or all title: one word always stays a name.
    while words.len() > 1 && words.last().is_some_and(|w| is_suffix(w)) {
        suffixes.insert(0, words.pop().unwrap_or_default());
    }
    if !after_comma.is_empty() {
        suffixes.push(after_comma);
    }
    let mut prefixes: Vec<&str> = Vec::new();
    while words.len() > 1 && is_prefix(words[0]) {
        prefixes.push(words.remove(0));
    }
    parts.prefix = prefixes.join(" ");
    parts.suffix = suffixes.join(" ");
    let Some((&given, rest)) = words.split_first() else {
        return parts;
    };
    parts.given = given.to_string();
    if let Some((&last, middle)) = rest.split_last() {
        // Particles just before the last word belong to the family name.
        let cut = middle.iter().rposition(|w| !is_particle(w)).map_or(0, |i| i + 1);
        let family: Vec<&str> = middle[cut..].iter().copied().chain([last]).collect();
        parts.family = family.join(" ");
        parts.additional = middle[..cut].join(" ");
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(name: &str) -> [String; 5] {
        split(name).components().map(str::to_string)
    }

    #[test]
    fn suffixes_titles_and_particles_are_known() {
        assert_eq!(n("Derik Stenerson Jr."), ["Stenerson", "Derik", "", "", "Jr."].map(String::from));
        assert_eq!(n("Martin Luther King III"), ["King", "Martin", "Luther", "", "III"].map(String::from));
        assert_eq!(n("Ludwig van Beethoven"), ["van Beethoven", "Ludwig", "", "", ""].map(String::from));
        assert_eq!(n("Ahmad bin Ismail"), ["bin Ismail", "Ahmad", "", "", ""].map(String::from));
        assert_eq!(n("Siti Aisyah binti Abdullah"), ["binti Abdullah", "Siti", "Aisyah", "", ""].map(String::from));
        assert_eq!(n("Dr. Ayu Lestari, S.Kom., M.T."), ["Lestari", "Ayu", "", "Dr.", "S.Kom., M.T."].map(String::from));
        assert_eq!(n("Jane Doe PhD"), ["Doe", "Jane", "", "", "PhD"].map(String::from));
        assert_eq!(n("H. Budi Santoso"), ["Santoso", "Budi", "", "H.", ""].map(String::from));
    }

    #[test]
    fn one_word_is_a_given_name_and_an_initial_is_not_a_title() {
        assert_eq!(n("Sukarno"), ["", "Sukarno", "", "", ""].map(String::from));
        assert_eq!(n("Jack Ma"), ["Ma", "Jack", "", "", ""].map(String::from));
        assert_eq!(n("Budi Santoso S.T."), ["Santoso", "Budi", "", "", "S.T."].map(String::from));
        assert_eq!(n("H Budi"), ["Budi", "H", "", "", ""].map(String::from));
        // A lone word that looks like a suffix or title is still the name.
        assert_eq!(n("Jr."), ["", "Jr.", "", "", ""].map(String::from));
        assert_eq!(n("Dr. Who"), ["", "Who", "", "Dr.", ""].map(String::from));
        assert_eq!(n(""), ["", "", "", "", ""].map(String::from));
    }
}
