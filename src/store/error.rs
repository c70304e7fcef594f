//! The ways a data file can be refused. Each says what is wrong and what to do, in the
//! user's language; all of them leave the file exactly as it was.

use crate::i18n::Lang;
use crate::i18n::Localized;
use crate::t;
use std::path::PathBuf;

/// A refusal to use the data file. The command layer maps these to exit code 3.
#[derive(Debug)]
pub enum StoreError {
    /// The file is not valid JSON or does not have the expected shape.
    Corrupt { path: PathBuf, reason: String, line: usize, column: usize, backup: Option<PathBuf> },
    /// The file was written by a newer jejaring.
    TooNew { path: PathBuf, found: u64, supported: u32, backup: Option<PathBuf> },
    /// Other jejaring commands held the lock, one after another or one for long, for
    /// longer than the wait.
    Locked { path: PathBuf, waited_secs: f64 },
    /// The data path is a folder.
    IsFolder { path: PathBuf },
    /// The data path, or one of the paths jejaring keeps beside it, is a device, a pipe,
    /// or (beside it) a link.
    NotRegular { path: PathBuf },
    /// A change read part of the file, and another program wrote the file before the
    /// change was saved: the rest of the network it would copy is gone. Nothing was saved.
    ChangedMeanwhile { path: PathBuf },
    /// The file system refused a step (permissions, a full disk…). Nothing was saved.
    Io { step: IoStep, path: PathBuf, source: std::io::Error },
}

/// What the store was doing when the file system said no.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoStep {
    CreateFolder,
    Read,
    Lock,
    Backup,
    Save,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Localized for StoreError {
    /// The one-line message for the user.
    fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::Corrupt { path, reason, line, column, backup } => {
                let path = path.display();
                let restore = restore_hint(lang, backup.as_ref());
                t!(
                    lang,
                    "{path} is not a valid jejaring file ({reason} at line {line}, column {column}); it was left untouched. {restore}",
                    "{path} bukan berkas jejaring yang sah ({reason} di baris {line}, kolom {column}); berkas tidak diubah. {restore}"
                )
            }
            StoreError::TooNew { path, found, supported, backup } => {
                let path = path.display();
                let restore = restore_hint(lang, backup.as_ref());
                t!(
                    lang,
                    "{path} was written by a newer jejaring (schema {found}, this build knows up to {supported}); upgrade jejaring. The file was left untouched. {restore}",
                    "{path} ditulis oleh jejaring yang lebih baru (skema {found}, versi ini hanya sampai {supported}); perbarui jejaring. Berkas tidak diubah. {restore}"
                )
            }
            StoreError::Locked { path, waited_secs } => {
                let path = path.display();
                // Whole seconds as such ("10"); a test's short wait as a decimal.
                let waited_secs = match lang {
                    Lang::Id => waited_secs.to_string().replace('.', ","),
                    _ => waited_secs.to_string(),
                };
                t!(
                    lang,
                    "waited {waited_secs} s for {path}, and its lock was held all that time (by other jejaring commands, one long one or many in turn, or by another program); try again, close one that waits for an answer, or wait longer with JEJARING_LOCK_WAIT",
                    "sudah menunggu {path} selama {waited_secs} detik, dan selama itu kuncinya terus dipegang (oleh perintah jejaring lain, satu yang lama atau banyak bergantian, atau oleh program lain); coba lagi, tutup yang menunggu jawaban, atau tunggu lebih lama dengan JEJARING_LOCK_WAIT"
                )
            }
            StoreError::Io { step, path, source } => {
                let path = path.display();
                let source = source.to_string();
                match step {
                    IoStep::CreateFolder => t!(
                        lang,
                        "could not create the folder {path} ({source}); check its permissions or pass --data",
                        "folder {path} tidak bisa dibuat ({source}); periksa izinnya atau berikan --data"
                    ),
                    IoStep::Read => t!(
                        lang,
                        "could not read {path} ({source}); check its permissions",
                        "{path} tidak bisa dibaca ({source}); periksa izinnya"
                    ),
                    IoStep::Lock => t!(
                        lang,
                        "could not lock {path} ({source}); check the folder's permissions",
                        "{path} tidak bisa dikunci ({source}); periksa izin foldernya"
                    ),
                    IoStep::Backup => t!(
                        lang,
                        "could not keep a backup of {path} ({source}); nothing was saved",
                        "cadangan {path} tidak bisa dibuat ({source}); tidak ada yang disimpan"
                    ),
                    IoStep::Save => t!(
                        lang,
                        "could not save {path} ({source}); the file is as it was",
                        "{path} tidak bisa disimpan ({source}); berkas tetap seperti semula"
                    ),
                }
            }
            StoreError::ChangedMeanwhile { path } => {
                let path = path.display();
                t!(
                    lang,
                    "{path} was changed by another program while this command ran, so nothing was saved (the file is as that program left it); run the command again",
                    "{path} diubah oleh program lain selama perintah ini berjalan, jadi tidak ada yang disimpan (berkas tetap seperti yang ditinggalkan program itu); jalankan perintahnya lagi"
                )
            }
            StoreError::NotRegular { path } => {
                let path = path.display();
                t!(
                    lang,
                    "{path} is not a regular file (a device, a pipe, or a link where jejaring keeps its own files); jejaring reads and writes only plain files: move it away or pass another --data",
                    "{path} bukan berkas biasa (perangkat, pipa, atau tautan di tempat jejaring menyimpan berkasnya sendiri); jejaring hanya membaca dan menulis berkas biasa: pindahkan atau berikan --data lain"
                )
            }
            StoreError::IsFolder { path } => {
                let path = path.display();
                t!(
                    lang,
                    "{path} is a folder, not a data file; pass a file path with --data",
                    "{path} adalah folder, bukan berkas data; berikan jalur berkas dengan --data"
                )
            }
        }
    }
}

fn restore_hint(lang: Lang, backup: Option<&PathBuf>) -> String {
    match backup {
        Some(b) => {
            let b = b.display();
            t!(
                lang,
                "The newest backup is {b}; copy it over the data file to restore.",
                "Cadangan terbaru: {b}; salin ke berkas data untuk memulihkan."
            )
        }
        None => t!(lang, "There is no backup to restore from.", "Tidak ada cadangan untuk dipulihkan."),
    }
}
