//! Reading what the user types for a goal (counts, days, milestones, `+N`/`=N`
//! changes) and the errors that say, in the user's language, what to do instead.

use super::{Change, Milestone};
use crate::dates::{self, DateError, Lean};
use crate::i18n::Lang;
use crate::i18n::Localized;
use crate::model::text::{self, InputError};
use crate::t;
use chrono::NaiveDate;

/// Why a goal value was refused; `message` words it for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoalInputError {
    Text(InputError),
    NotANumber { flag: &'static str, value: String },
    Negative { flag: &'static str, value: String },
    TooLarge { flag: &'static str, value: String },
    Date { flag: &'static str, error: DateError },
    DeadlineBeforeStart { start: NaiveDate, deadline: NaiveDate },
    Milestone(String),
    Change(String),
}

/// The largest target accepted; beyond this a goal is a typo.
pub const MAX_TARGET: u32 = 1_000_000;

impl From<InputError> for GoalInputError {
    fn from(e: InputError) -> Self {
        GoalInputError::Text(e)
    }
}

crate::localized_error!(GoalInputError);

impl Localized for GoalInputError {
    fn message(&self, lang: Lang) -> String {
        match self {
            GoalInputError::Text(e) => e.message(lang),
            GoalInputError::NotANumber { flag, value } => t!(
                lang,
                "{flag} {value:?} is not a whole number; give a count such as 10",
                "{flag} {value:?} bukan bilangan bulat; berikan jumlah seperti 10"
            ),
            GoalInputError::Negative { flag, value } => t!(
                lang,
                "{flag} {value:?} is negative; a target counts up from zero",
                "{flag} {value:?} negatif; target dihitung naik dari nol"
            ),
            GoalInputError::TooLarge { flag, value } => t!(
                lang,
                "{flag} {value:?} is too large; the limit is {MAX_TARGET}",
                "{flag} {value:?} terlalu besar; batasnya {MAX_TARGET}"
            ),
            GoalInputError::Date { flag, error } => match error {
                DateError::Impossible(s) => {
                    t!(lang, "{flag} {s:?} is not a real date", "{flag} {s:?} bukan tanggal yang ada")
                }
                DateError::Unreadable(s) => t!(
                    lang,
                    "{flag} {s:?} is not a date; use YYYY-MM-DD or words like in 3 months, next friday",
                    "{flag} {s:?} bukan tanggal; pakai YYYY-MM-DD atau kata seperti 3 bulan lagi, jumat"
                ),
                DateError::Future(day) => t!(
                    lang,
                    "{flag} {day} is in the future; log progress that has happened",
                    "{flag} {day} masih di masa depan; catat kemajuan yang sudah terjadi"
                ),
            },
            GoalInputError::DeadlineBeforeStart { start, deadline } => t!(
                lang,
                "the deadline {deadline} is before the start {start}; pick a later --deadline or an earlier --start",
                "tenggat {deadline} sebelum mulai {start}; pilih --deadline lebih akhir atau --start lebih awal"
            ),
            GoalInputError::Milestone(v) => t!(
                lang,
                "--milestone {v:?} is not DATE=COUNT (for example 2027-03-31=10)",
                "--milestone {v:?} bukan TANGGAL=JUMLAH (misalnya 2027-03-31=10)"
            ),
            GoalInputError::Change(v) => t!(
                lang,
                "{v:?} is not a change; write +3 to add, -1 to take back, or =12 to set the count",
                "{v:?} bukan perubahan; tulis +3 untuk menambah, -1 untuk mengurangi, atau =12 untuk menetapkan"
            ),
        }
    }
}

impl GoalInputError {
    /// The message for an answer typed at one of the wizard's questions: the same
    /// problem, said about the answer rather than a flag the user never typed.
    pub fn answer_message(&self, lang: Lang) -> String {
        match self {
            GoalInputError::Text(InputError::Empty { .. }) => {
                t!(lang, "this needs an answer; a few words are enough", "ini perlu dijawab; beberapa kata sudah cukup")
            }
            GoalInputError::Text(InputError::TooLong { max, len, .. }) => t!(
                lang,
                "that answer is {len} characters long; keep it within {max}",
                "jawaban itu panjangnya {len} karakter; cukup {max} saja"
            ),
            GoalInputError::Text(InputError::Control { .. }) => {
                t!(
                    lang,
                    "that answer has control characters; type plain text",
                    "jawaban itu berisi karakter kontrol; ketik teks biasa"
                )
            }
            GoalInputError::Text(e) => e.message(lang),
            GoalInputError::NotANumber { value, .. } => t!(
                lang,
                "{value:?} is not a whole number; type a count such as 10",
                "{value:?} bukan bilangan bulat; ketik jumlah seperti 10"
            ),
            GoalInputError::Negative { value, .. } => t!(
                lang,
                "{value:?} is negative; a target counts up from zero",
                "{value:?} negatif; target dihitung naik dari nol"
            ),
            GoalInputError::TooLarge { value, .. } => t!(
                lang,
                "{value:?} is too large; the limit is {MAX_TARGET}",
                "{value:?} terlalu besar; batasnya {MAX_TARGET}"
            ),
            GoalInputError::Date { error, .. } => match error {
                DateError::Impossible(s) => t!(lang, "{s:?} is not a real date", "{s:?} bukan tanggal yang ada"),
                DateError::Unreadable(s) => t!(
                    lang,
                    "{s:?} is not a date; type YYYY-MM-DD or words like in 3 months, next friday",
                    "{s:?} bukan tanggal; ketik YYYY-MM-DD atau kata seperti 3 bulan lagi, jumat"
                ),
                DateError::Future(day) => t!(
                    lang,
                    "{day} is in the future; give a day that has passed",
                    "{day} masih di masa depan; berikan hari yang sudah lewat"
                ),
            },
            GoalInputError::DeadlineBeforeStart { start, deadline } => t!(
                lang,
                "the deadline {deadline} is before the start {start}; give a later day",
                "tenggat {deadline} sebelum mulai {start}; berikan hari yang lebih akhir"
            ),
            GoalInputError::Milestone(v) => t!(
                lang,
                "{v:?} is not DATE=COUNT (for example 2027-03-31=10)",
                "{v:?} bukan TANGGAL=JUMLAH (misalnya 2027-03-31=10)"
            ),
            GoalInputError::Change(_) => self.message(lang),
        }
    }
}

/// A count typed by the user: a whole number from 0 to `MAX_TARGET`.
pub fn parse_count(flag: &'static str, s: &str) -> Result<u32, GoalInputError> {
    let v = s.trim();
    let err = |f: fn(&'static str, String) -> GoalInputError| f(flag, v.to_string());
    if let Some(rest) = v.strip_prefix('-')
        && !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(err(|flag, value| GoalInputError::Negative { flag, value }));
    }
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err(|flag, value| GoalInputError::NotANumber { flag, value }));
    }
    match v.parse::<u32>() {
        Ok(n) if n <= MAX_TARGET => Ok(n),
        _ => Err(err(|flag, value| GoalInputError::TooLarge { flag, value })),
    }
}

/// A day typed for a goal's start or deadline; bare weekdays point forward.
pub fn parse_goal_day(flag: &'static str, s: &str, today: NaiveDate) -> Result<NaiveDate, GoalInputError> {
    dates::parse_day(s, today, Lean::Future).map_err(|error| GoalInputError::Date { flag, error })
}

/// `2027-03-31=10` (or `:` instead of `=`).
pub fn parse_milestone(s: &str, today: NaiveDate) -> Result<Milestone, GoalInputError> {
    let bad = || GoalInputError::Milestone(s.to_string());
    let (day, count) = s.rsplit_once('=').or_else(|| s.rsplit_once(':')).ok_or_else(bad)?;
    let on = parse_goal_day("--milestone", day, today)?;
    let target = parse_count("--milestone", count).map_err(|_| bad())?;
    Ok(Milestone { on, target })
}

/// `+3`, `-1` or `=12`.
pub fn parse_change(s: &str) -> Result<Change, GoalInputError> {
    let v = s.trim();
    let bad = || GoalInputError::Change(v.to_string());
    let digits = |r: &str| -> Result<u32, GoalInputError> {
        if r.is_empty() || !r.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        r.parse::<u32>().ok().filter(|n| *n <= MAX_TARGET).ok_or_else(bad)
    };
    if let Some(r) = v.strip_prefix('+') {
        Ok(Change::Add(i64::from(digits(r)?)))
    } else if let Some(r) = v.strip_prefix('-') {
        Ok(Change::Add(-i64::from(digits(r)?)))
    } else if let Some(r) = v.strip_prefix('=') {
        Ok(Change::Set(digits(r)?))
    } else {
        Err(bad())
    }
}

/// Checks that the window makes sense.
pub fn check_window(start: NaiveDate, deadline: Option<NaiveDate>) -> Result<(), GoalInputError> {
    match deadline {
        Some(d) if d < start => Err(GoalInputError::DeadlineBeforeStart { start, deadline: d }),
        _ => Ok(()),
    }
}

/// A goal's free-text letter (specific, achievable, relevant): empty clears it.
pub fn optional_letter(flag: &'static str, v: &str) -> Result<Option<String>, GoalInputError> {
    Ok(text::optional_text(flag, v)?)
}

/// A goal's title.
pub fn title(v: &str) -> Result<String, GoalInputError> {
    Ok(text::line("--title", v, text::MAX_LINE)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn deadlines_take_the_words_the_wizard_hints() {
        let today = day("2026-11-28");
        for (given, read) in [
            ("in 3 months", "2027-02-28"),
            ("3 bulan lagi", "2027-02-28"),
            ("end of march", "2027-03-31"),
            ("akhir maret", "2027-03-31"),
            ("end of month", "2026-11-30"),
            ("akhir bulan", "2026-11-30"),
        ] {
            assert_eq!(parse_goal_day("--deadline", given, today), Ok(day(read)), "{given}");
        }
    }

    #[test]
    fn counts_are_whole_non_negative_numbers() {
        assert_eq!(parse_count("--target", " 12 "), Ok(12));
        assert_eq!(parse_count("--target", "0"), Ok(0));
        assert!(matches!(parse_count("--target", "-3"), Err(GoalInputError::Negative { .. })));
        assert!(matches!(parse_count("--target", "ten"), Err(GoalInputError::NotANumber { .. })));
        assert!(matches!(parse_count("--target", "2.5"), Err(GoalInputError::NotANumber { .. })));
        assert!(matches!(parse_count("--target", "99999999999"), Err(GoalInputError::TooLarge { .. })));
    }

    #[test]
    fn changes_add_subtract_or_set() {
        assert_eq!(parse_change("+3"), Ok(Change::Add(3)));
        assert_eq!(parse_change("-1"), Ok(Change::Add(-1)));
        assert_eq!(parse_change("=12"), Ok(Change::Set(12)));
        assert!(parse_change("3").is_err());
        assert!(parse_change("+x").is_err());
        assert!(parse_change("=").is_err());
    }

    #[test]
    fn milestones_and_windows() {
        let today = day("2026-11-28");
        assert_eq!(parse_milestone("2027-03-31=10", today), Ok(Milestone { on: day("2027-03-31"), target: 10 }));
        assert_eq!(parse_milestone("2027-03-31:4", today).unwrap().target, 4);
        assert!(parse_milestone("2027-03-31", today).is_err());
        assert!(parse_milestone("2027-02-30=3", today).is_err());
        assert!(check_window(today, Some(day("2026-11-27"))).is_err());
        assert!(check_window(today, Some(today)).is_ok());
    }
}
