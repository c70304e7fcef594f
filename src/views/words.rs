//! Small phrases many commands print: "3 days ago", "today", "never".

use crate::i18n::Lang;
use crate::t;
use chrono::NaiveDate;

/// How long ago `day` was, seen from `today`.
pub fn ago(day: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    crate::i18n::days_ago((today - day).num_days(), lang)
}

/// "never" for someone you have not talked to yet.
pub fn never(lang: Lang) -> String {
    t!(lang, "never", "belum pernah")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases() {
        let today: NaiveDate = "2026-11-28".parse().unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(ago(d("2026-11-28"), today, Lang::En), "today");
        assert_eq!(ago(d("2026-11-25"), today, Lang::En), "3 days ago");
        assert_eq!(ago(d("2026-11-25"), today, Lang::Id), "3 hari lalu");
        assert_eq!(ago(d("2026-12-01"), today, Lang::En), "in 3 days");
    }
}
