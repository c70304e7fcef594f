//! Turning an error into the one line the user reads and the exit code scripts see.
//!
//! An error reaches the user in one of two forms, and only these. A command, which
//! knows the user's language and what it was doing, raises its sentence already worded
//! (`bail!(t!(..))`). Code that does not know the language (parsing input, dates,
//! cadences, goal values, import files, the data file) raises a typed error that
//! implements `Localized`: its wording in both languages sits beside the type, its
//! `Display` is that English wording (never a second text), and `report` asks it for
//! the user's language at the very end. Nothing is flattened to a string on the way.

use crate::dates::DateError;
use crate::i18n::{Lang, Localized};
use crate::interop::FormatError;
use crate::model::cadence::CadenceError;
use crate::model::contact::BirthdayError;
use crate::model::goal::GoalInputError;
use crate::model::text::InputError;
use crate::prompt::Interrupted;
use crate::store::StoreError;
use crate::sync::calendar::CalendarFailed;
use crate::sync::dav::DavError;
use crate::t;
use std::process::ExitCode;

/// Exit codes, as documented in the README.
pub mod code {
    /// Success (also when stdout was closed early, as in `jejaring list | head`).
    pub const OK: u8 = 0;
    /// Something went wrong: bad input, an unknown contact, a failed save.
    pub const ERROR: u8 = 1;
    /// The command line itself is wrong, or a needed flag is missing under `--no-input`.
    pub const USAGE: u8 = 2;
    /// The data file was refused (corrupt, newer version, locked too long, a folder).
    pub const DATA: u8 = 3;
    /// Interrupted at a prompt (Ctrl-C or Esc); nothing was saved, or the message names
    /// what earlier steps kept (`KeptBeforeInterruption`).
    pub const INTERRUPTED: u8 = 130;
}

/// What a command interrupted half-way had already saved ("2 people (Budi, Siti)"), in
/// the user's language: added as context to `Interrupted`, so the message says what was
/// kept instead of "nothing was saved".
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct KeptBeforeInterruption(pub String);

/// A mistake in how the command was called (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// What to print and how to exit for an error.
pub fn report(err: &anyhow::Error, lang: Lang) -> (Option<String>, ExitCode) {
    if err
        .chain()
        .any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
    {
        return (None, ExitCode::from(code::OK));
    }
    let code = if err.downcast_ref::<Interrupted>().is_some() {
        code::INTERRUPTED
    } else if err.chain().any(|e| {
        // A save that failed is an error (1); a data file refused is 3.
        e.downcast_ref::<StoreError>()
            .is_some_and(|s| !matches!(s, StoreError::Io { .. } | StoreError::ChangedMeanwhile { .. }))
    }) {
        code::DATA
    } else if err.chain().any(|e| e.is::<UsageError>()) {
        code::USAGE
    } else {
        code::ERROR
    };
    if code == code::INTERRUPTED {
        if let Some(KeptBeforeInterruption(kept)) = err.downcast_ref::<KeptBeforeInterruption>() {
            return (
                Some(t!(
                    lang,
                    "interrupted; what you entered before is saved: {kept}",
                    "dihentikan; yang sudah Anda isi sebelumnya tetap tersimpan: {kept}"
                )),
                ExitCode::from(code),
            );
        }
        return (
            Some(t!(lang, "interrupted; nothing was saved", "dihentikan; tidak ada yang disimpan")),
            ExitCode::from(code),
        );
    }
    // A refused data file's message already says the OS error it carries: the chain
    // stops there, so the OS error is not said twice.
    let mut parts: Vec<String> = Vec::new();
    for e in err.chain() {
        parts.push(localize(e, lang));
        if e.is::<StoreError>() {
            break;
        }
    }
    (Some(parts.join(": ")), ExitCode::from(code))
}

fn localize(e: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    macro_rules! first_of {
        ($($ty:ty),*) => {
            $(if let Some(e) = e.downcast_ref::<$ty>() {
                return e.message(lang);
            })*
        };
    }
    first_of!(
        StoreError,
        InputError,
        DateError,
        BirthdayError,
        CadenceError,
        GoalInputError,
        FormatError,
        DavError,
        CalendarFailed
    );
    // Already in the user's language: a command's own sentence.
    e.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_typed_error_displays_its_english_wording_and_has_an_indonesian_one() {
        let all: Vec<Box<dyn Localized>> = vec![
            Box::new(InputError::Email("budi@".into())),
            Box::new(DateError::Unreadable("someday".into())),
            Box::new(BirthdayError("31-31".into())),
            Box::new(CadenceError("often".into())),
            Box::new(GoalInputError::Milestone("x".into())),
            Box::new(FormatError::NoCards),
            Box::new(StoreError::IsFolder { path: "/tmp/x".into() }),
            Box::new(DavError::Timeout { server: "dav.example.com".into() }),
            Box::new(CalendarFailed(DavError::Timeout { server: "dav.example.com".into() })),
        ];
        for e in all {
            assert_eq!(e.to_string(), e.message(Lang::En), "one wording, not a second English text");
            assert_ne!(e.message(Lang::En), e.message(Lang::Id), "{e} has an Indonesian wording");
        }
    }

    #[test]
    fn a_typed_error_is_worded_in_the_users_language_at_the_end() {
        let err = anyhow::Error::from(DateError::Future(chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()))
            .context("--on");
        let (line, _) = report(&err, Lang::Id);
        assert_eq!(line.as_deref(), Some("--on: 2030-01-01 masih di masa depan; catat yang sudah terjadi"));
        let err = anyhow::Error::from(GoalInputError::Text(InputError::Empty { field: "--title" }));
        let (line, _) = report(&err, Lang::Id);
        assert_eq!(line.as_deref(), Some("--title tidak boleh kosong; isi dengan teks"));
    }
}
