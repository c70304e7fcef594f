//! Words that make a goal vague ("more", "better", "lebih banyak"), in English and
//! Indonesian. A goal that leans on them without naming who or how many cannot be
//! checked later, which is the whole point of writing it down.

use crate::model::text::fold;

/// English phrases that promise nothing in particular.
const ENGLISH: &[&str] = &[
    "more",
    "better",
    "network more",
    "more people",
    "connect more",
    "some",
    "a few",
    "several",
    "many",
    "lots",
    "a lot",
    "stuff",
    "things",
    "etc",
    "soon",
    "someday",
    "sometime",
    "improve",
    "expand",
    "bigger",
    "as many as possible",
    "get out there",
    "as much as possible",
];

/// Indonesian phrases that promise nothing in particular.
const INDONESIAN: &[&str] = &[
    "lebih banyak",
    "lebih baik",
    "lebih sering",
    "lebih luas",
    "beberapa",
    "banyak",
    "sebanyak mungkin",
    "secepatnya",
    "segera",
    "kapan kapan",
    "suatu saat",
    "suatu hari",
    "nanti",
    "dll",
    "dan lain lain",
    "meningkatkan",
    "tingkatkan",
    "memperluas",
    "perluas",
    "memperbanyak",
    "perbanyak",
    "sering",
];

/// Lower-case, accents folded, punctuation turned into spaces, padded with spaces so
/// whole words can be found with `contains(" word ")`.
fn normalize(s: &str) -> String {
    let folded: String = fold(s).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    format!(" {} ", folded.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The vague phrases found in `text`, longest first, without phrases contained in
/// another found one ("network more" hides "more").
pub fn find(text: &str) -> Vec<&'static str> {
    let hay = normalize(text);
    let mut hits: Vec<&'static str> =
        ENGLISH.iter().chain(INDONESIAN).copied().filter(|w| hay.contains(&normalize(w))).collect();
    hits.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let mut kept: Vec<&'static str> = Vec::new();
    for w in hits {
        if !kept.iter().any(|k| normalize(k).contains(&normalize(w))) {
            kept.push(w);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_indonesian_vague_words_are_found() {
        assert_eq!(find("Network more"), vec!["network more"]);
        assert_eq!(find("Be better at meeting people!"), vec!["better"]);
        assert_eq!(find("Kenal lebih banyak orang"), vec!["lebih banyak"]);
        assert_eq!(find("Ikut acara kapan-kapan"), vec!["kapan kapan"]);
    }

    #[test]
    fn whole_words_only() {
        assert!(find("Meet 10 fintech founders in Jakarta").is_empty());
        // "moreover" and "something" contain vague words but are not them.
        assert!(find("moreover something").is_empty());
        assert!(find("Bertemu 10 pendiri startup").is_empty());
    }
}
