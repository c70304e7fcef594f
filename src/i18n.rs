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
}
