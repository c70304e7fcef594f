//! Turning an error into the one line the user reads and the exit code scripts see.
//!
//! Commands raise typed errors (bad input, bad dates, a refused data file) and this
//! module words them in the user's language, so the wording lives in one place.

use crate::dates::DateError;
use crate::i18n::Lang;
use crate::model::cadence::CadenceError;
use crate::model::contact::BirthdayError;
use crate::model::text::InputError;
use crate::prompt::Interrupted;
use crate::store::StoreError;
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
    } else if err.chain().any(|e| e.downcast_ref::<StoreError>().is_some_and(|s| !matches!(s, StoreError::Io { .. }))) {
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
    if let Some(e) = e.downcast_ref::<StoreError>() {
        return e.message(lang);
    }
    if let Some(e) = e.downcast_ref::<InputError>() {
        return e.message(lang);
    }
    if let Some(e) = e.downcast_ref::<DateError>() {
        return match e {
            DateError::Impossible(s) => t!(
                lang,
                "{s:?} is not a real date; check the day and month",
                "{s:?} bukan tanggal yang ada; periksa hari dan bulannya"
            ),
            DateError::Future(day) => t!(
                lang,
                "{day} is in the future; log what has happened",
                "{day} masih di masa depan; catat yang sudah terjadi"
            ),
            DateError::Unreadable(s) => t!(
                lang,
                "{s:?} is not a date; use YYYY-MM-DD or words like today, yesterday, fri, 3 days ago, in 2 weeks",
                "{s:?} bukan tanggal; pakai YYYY-MM-DD atau kata seperti hari ini, kemarin, jumat lalu, senin depan, 3 hari lalu, 2 minggu lagi, akhir bulan"
            ),
        };
    }
    if let Some(BirthdayError(s)) = e.downcast_ref::<BirthdayError>() {
        return t!(
            lang,
            "{s:?} is not a birthday; use MM-DD (03-15) or YYYY-MM-DD (1990-03-15)",
            "{s:?} bukan tanggal lahir; pakai MM-DD (03-15) atau YYYY-MM-DD (1990-03-15)"
        );
    }
    if let Some(CadenceError(s)) = e.downcast_ref::<CadenceError>() {
        return t!(
            lang,
            "{s:?} is not a cadence; use a number and a unit such as 30d, 2w, 3m or 1y (at most 5 years)",
            "{s:?} bukan jangka waktu; pakai angka dan satuan seperti 30h, 2mg, 3bln atau 1th, atau 2 minggu (paling lama 5 tahun)"
        );
    }
    e.to_string()
}
