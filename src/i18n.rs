//! The user's language, and the `t!` macro that keeps every sentence in English and
//! Bahasa Indonesia side by side at the place it is used.
//!
//! Keeping both languages at the call site (rather than in a catalogue keyed by ids)
//! means a sentence cannot exist in one language only, and a reviewer reads both at once.

use serde::Serialize;

/// A language jejaring speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English
    #[default]
    En,
    /// Bahasa Indonesia
    Id,
}

impl Lang {
    /// The flag wins, then `JEJARING_LANG`, then a `LANG`/`LC_ALL` starting with `id`.
    pub fn detect(flag: Option<Lang>, jejaring_lang: Option<&str>, locale: Option<&str>) -> Lang {
        if let Some(lang) = flag {
            return lang;
        }
        if let Some(v) = jejaring_lang.map(str::trim).filter(|v| !v.is_empty()) {
            return Self::from_tag(v).unwrap_or_default();
        }
        locale.and_then(Self::from_tag).unwrap_or_default()
    }

    /// Reads a language tag such as `id`, `id_ID.UTF-8` or `en-GB`.
    fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.to_ascii_lowercase();
        if tag.starts_with("id") || tag.starts_with("in_") {
            Some(Lang::Id)
        } else if tag.starts_with("en") || tag == "c" || tag.starts_with("c.") || tag == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// Formats a sentence in the given language: `t!(lang, "Added {name}", "{name} ditambahkan")`.
/// Both literals capture the same variables, like `format!`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $en:literal, $id:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::En => format!($en),
            $crate::i18n::Lang::Id => format!($id),
        }
    };
}

/// Formats a sentence that carries a count, choosing English's singular or plural:
/// `tn!(lang, n, "{n} person", "{n} people", "{n} orang")`. Indonesian does not inflect
/// for number, so it has one form. English uses the first form for exactly one and the
/// second for everything else ("0 people", "2 people"). The count is any integer.
#[macro_export]
macro_rules! tn {
    ($lang:expr, $n:expr, $one:literal, $other:literal, $id:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::En if $crate::i18n::Count::is_one($n) => format!($one),
            $crate::i18n::Lang::En => format!($other),
            $crate::i18n::Lang::Id => format!($id),
        }
    };
}

/// A gap of `n` days in words: "today", "yesterday", "3 days ago", "tomorrow", "in 3
/// days" (negative `n` is ahead). The one place these words are made.
pub fn days_ago(n: i64, lang: Lang) -> String {
    match n {
        0 => t!(lang, "today", "hari ini"),
        1 => t!(lang, "yesterday", "kemarin"),
        -1 => t!(lang, "tomorrow", "besok"),
        n if n < 0 => {
            let n = -n;
            t!(lang, "in {n} days", "{n} hari lagi")
        }
        n => t!(lang, "{n} days ago", "{n} hari lalu"),
    }
}

/// A number a sentence can be inflected by (see `tn!`).
pub trait Count: Copy {
    /// Whether English says this count in the singular.
    fn is_one(self) -> bool;
}

macro_rules! count_for {
    ($($ty:ty),*) => {
        $(impl Count for $ty {
            fn is_one(self) -> bool {
                self == 1
            }
        })*
    };
}

count_for!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl<T: Count> Count for &T {
    fn is_one(self) -> bool {
        (*self).is_one()
    }
}

/// A whole percentage of `part` in `whole`, rounded to the nearest (half up): 1 of 6 is
/// 17%, 1 of 3 is 33%, 2 of 3 is 67%. Nothing of nothing is 0%.
pub fn percent(part: u64, whole: u64) -> u64 {
    if whole == 0 { 0 } else { (part * 200 + whole) / (whole * 2) }
}

/// An error that words itself in the user's language, saying what to do.
pub trait Localized: std::error::Error {
    fn message(&self, lang: Lang) -> String;
}

/// `Display` and `Error` for a `Localized` type: it displays its English message, so
/// there is one wording per error and logs or tests see the words the user would.
#[macro_export]
macro_rules! localized_error {
    ($ty:ty) => {
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::i18n::Localized::message(self, $crate::i18n::Lang::En))
            }
        }
        impl std::error::Error for $ty {}
    };
}

/// A field or argument as a sentence names it: a positional argument's placeholder
/// (`TEXT`, `NAME`) and a record's field key (`phones`) in the reader's language; flags
/// (`--title`) as they are typed.
pub fn field_name(field: &str, lang: Lang) -> &str {
    let (en, id) = match field {
        "TEXT" => ("TEXT", "teks"),
        "NAME" => ("NAME", "nama"),
        "NOTE" => ("NOTE", "catatan"),
        "name" => ("name", "nama"),
        "org" => ("organisation", "organisasi"),
        "role" => ("role", "peran"),
        "emails" => ("emails", "surel"),
        "phones" => ("phones", "telepon"),
        "tags" => ("tags", "tag"),
        "urls" => ("web", "web"),
        "addresses" => ("addresses", "alamat"),
        "birthday" => ("birthday", "ulang tahun"),
        "linkedin" => ("LinkedIn", "LinkedIn"),
        "note" => ("note", "catatan"),
        "met_on" => ("met", "bertemu"),
        "met_at" => ("where you met", "tempat bertemu"),
        "impression" => ("first impression", "kesan pertama"),
        "source_ids" => ("source ids", "id sumber"),
        _ => return field,
    };
    match lang {
        Lang::En => en,
        Lang::Id => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_environment() {
        assert_eq!(Lang::detect(Some(Lang::En), Some("id"), Some("id_ID.UTF-8")), Lang::En);
    }

    #[test]
    fn jejaring_lang_wins_over_locale() {
        assert_eq!(Lang::detect(None, Some("id"), Some("en_US.UTF-8")), Lang::Id);
        assert_eq!(Lang::detect(None, Some("en"), Some("id_ID.UTF-8")), Lang::En);
    }

    #[test]
    fn indonesian_locale_is_detected() {
        assert_eq!(Lang::detect(None, None, Some("id_ID.UTF-8")), Lang::Id);
        assert_eq!(Lang::detect(None, None, Some("de_DE.UTF-8")), Lang::En);
        assert_eq!(Lang::detect(None, None, None), Lang::En);
    }

    #[test]
    fn t_macro_picks_the_language() {
        let name = "Budi";
        assert_eq!(t!(Lang::En, "Hello {name}", "Halo {name}"), "Hello Budi");
        assert_eq!(t!(Lang::Id, "Hello {name}", "Halo {name}"), "Halo Budi");
    }

    #[test]
    fn tn_macro_inflects_english_only() {
        let plural = |lang, n: usize| tn!(lang, n, "{n} person", "{n} people", "{n} orang");
        assert_eq!(plural(Lang::En, 1), "1 person");
        assert_eq!(plural(Lang::En, 2), "2 people");
        assert_eq!(plural(Lang::En, 0), "0 people");
        assert_eq!(plural(Lang::Id, 1), "1 orang");
        assert_eq!(plural(Lang::Id, 2), "2 orang");
        let weeks: i64 = 1;
        assert_eq!(tn!(Lang::En, weeks, "{weeks} week", "{weeks} weeks", "{weeks} minggu"), "1 week");
        let count = &3u32;
        assert_eq!(tn!(Lang::En, count, "{count} promise", "{count} promises", "{count} janji"), "3 promises");
    }

    #[test]
    fn percentages_round_to_the_nearest() {
        assert_eq!(percent(1, 6), 17);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(5, 6), 83);
        assert_eq!(percent(6, 6), 100);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 200), 1);
        assert_eq!(percent(1, 201), 0);
    }
}
