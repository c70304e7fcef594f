//! Reading the files and folders `import history` is given, before the data file is
//! locked: what each is (from `--from` or its first bytes), then the reader for it. A
//! named file that is not what it should be stops the import; a file inside a folder
//! that is no export is skipped, named and counted. Text that is not UTF-8 (UTF-16, Windows-1252)
//! is decoded as the contact importers do, and the report says so. Each reader's
//! count of what it read and left out, and why, goes to the report.

use super::maildir;
use crate::errors::UsageError;
use crate::history::{Harvest, Problem, ProblemKind, Skip, Source, Window, calendar, detect, linkedin, mail, whatsapp};
use crate::i18n::Lang;
use crate::interop::{Guess, decode};
use crate::{t, tn};
use anyhow::Context;
use serde::Serialize;
use std::io::{BufReader, Read as _};
use std::path::{Path, PathBuf};

/// Everything read, with each problem's file.
#[derive(Default)]
pub struct Imported {
    pub harvest: Harvest,
    pub problems: Vec<(String, Problem)>,
    /// What each reader read and left out, file by file.
    pub readers: Vec<Reader>,
    /// Files in the folders given that are no export: no reader's, so counted apart.
    pub unknown_files: usize,
    /// The folders read, as their real paths: one reached again through a symbolic
    /// link is not read again (a link back up the tree would never end).
    folders: std::collections::HashSet<PathBuf>,
}

/// One reader's account of one file or maildir.
#[derive(Clone, Debug, Serialize)]
pub struct Reader {
    pub kind: &'static str,
    pub file: String,
    /// Messages, rows, events or chat days read.
    pub read: usize,
    pub skipped: Vec<Skipped>,
    /// How text that was not UTF-8 was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoded: Option<String>,
}

/// Left out for one reason.
#[derive(Clone, Debug, Serialize)]
pub struct Skipped {
    pub why: &'static str,
    pub count: usize,
    #[serde(skip)]
    pub words: String,
    /// Folders, not messages (a maildir's folder that holds none): said apart.
    #[serde(skip)]
    pub folder: bool,
}

impl Imported {
    /// A file in a folder that is no export: named, and counted.
    fn unknown(&mut self, file: String) {
        self.unknown_files += 1;
        self.problems.push((file, Problem::new(0, ProblemKind::UnknownFile)));
    }

    /// Adds what one reader got from `file`; `extra` are problems it named by other
    /// files (a maildir's messages).
    fn add(
        &mut self,
        file: &str,
        kind: Source,
        mut h: Harvest,
        extra: Vec<(String, Problem)>,
        decoded: Option<String>,
        lang: Lang,
    ) {
        let mut skipped: Vec<Skipped> = Vec::new();
        let mut count = |why: &'static str, words: String, n: usize, folder: bool| {
            if n == 0 {
                return;
            }
            match skipped.iter_mut().find(|s| s.why == why) {
                Some(s) => s.count += n,
                None => skipped.push(Skipped { why, count: n, words, folder }),
            }
        };
        count(Skip::Lists.key(), Skip::Lists.words(lang), h.ignored, false);
        for &(why, n) in &h.skipped {
            count(why.key(), why.words(lang), n, false);
        }
        for p in h.problems.iter().chain(extra.iter().map(|(_, p)| p)) {
            count(p.kind.key(), p.kind.words(lang), 1, p.kind.is_folder());
        }
        let read = if h.read == 0 { h.found.len() } else { h.read };
        self.readers.push(Reader { kind: kind.key(), file: file.to_string(), read, skipped, decoded });
        self.problems.extend(h.problems.drain(..).map(|p| (file.to_string(), p)));
        self.problems.extend(extra);
        self.harvest.extend(h);
    }
}

/// Reads every path given.
pub fn all(
    paths: &[PathBuf],
    from: Option<Source>,
    order: Option<whatsapp::DateOrder>,
    window: &Window,
    lang: Lang,
    bar: &indicatif::ProgressBar,
) -> anyhow::Result<Imported> {
    let mut read = Imported::default();
    for path in paths {
        let shown = path.display().to_string();
        if path.is_dir() {
            if maildir::is_maildir(path) || from == Some(Source::Maildir) {
                maildirs(path, window, &mut read, lang)?;
            } else {
                // Only the folder named holds nothing: an empty folder inside it is
                // no reason to stop.
                let before = (read.readers.len(), read.problems.len(), read.folders.len());
                folder(path, from, order, window, &mut read, lang, bar)?;
                let (readers, problems, folders) = before;
                if read.readers.len() == readers && read.problems.len() == problems && read.folders.len() > folders {
                    anyhow::bail!(t!(
                        lang,
                        "{shown} holds no calendar, mailbox or chat export; nothing was imported",
                        "{shown} tidak berisi ekspor kalender, kotak surat, atau obrolan; tidak ada yang diimpor"
                    ));
                }
            }
            continue;
        }
        if from == Some(Source::Maildir) {
            return Err(UsageError(t!(
                lang,
                "{shown} is a file; a maildir is a folder with cur/ and new/ in it",
                "{shown} adalah berkas; maildir adalah folder yang berisi cur/ dan new/"
            ))
            .into());
        }
        let head = head(path).with_context(|| t!(lang, "could not read {shown}", "tidak bisa membaca {shown}"))?;
        let seen = detect::from_head(&head);
        let kind = match (from, seen) {
            (Some(f), Some(s)) if f == s => f,
            (Some(f), _) => return Err(not_a(&shown, f, lang)),
            (None, Some(s)) => s,
            (None, None) => {
                return Err(anyhow::anyhow!(t!(
                    lang,
                    "{shown}: cannot tell what this is (not a calendar, mbox, LinkedIn messages.csv or WhatsApp chat); name it with --from; nothing was imported",
                    "{shown}: tidak jelas berkas apa ini (bukan kalender, mbox, messages.csv LinkedIn, atau obrolan WhatsApp); sebutkan dengan --from; tidak ada yang diimpor"
                )));
            }
        };
        let (harvest, decoded) = file(path, kind, order, window, lang, bar).map_err(|e| match e {
            Failure::Io(e) => {
                anyhow::Error::new(e).context(t!(lang, "could not read {shown}", "tidak bisa membaca {shown}"))
            }
            Failure::Not => not_a(&shown, kind, lang),
        })?;
        read.add(&shown, kind, harvest, Vec::new(), decoded, lang);
    }
    Ok(read)
}

/// A named file that is not the export it should be.
fn not_a(shown: &str, kind: Source, lang: Lang) -> anyhow::Error {
    let what = match kind {
        Source::Calendar => t!(lang, "an iCalendar (.ics) file", "berkas iCalendar (.ics)"),
        Source::Mbox => t!(lang, "an mbox mailbox", "kotak surat mbox"),
        Source::Maildir => "maildir".to_string(),
        Source::LinkedinMessages => t!(lang, "LinkedIn's messages.csv", "messages.csv dari LinkedIn"),
        Source::Whatsapp => t!(lang, "an exported WhatsApp chat", "ekspor obrolan WhatsApp"),
    };
    anyhow::anyhow!(t!(
        lang,
        "{shown}: this is not {what}; nothing was imported",
        "{shown}: ini bukan {what}; tidak ada yang diimpor"
    ))
}

/// A file's first bytes, as UTF-8 when they are UTF-16.
fn head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(detect::HEAD);
    std::fs::File::open(path)?.take(detect::HEAD as u64).read_to_end(&mut buf)?;
    let even = buf.len() & !1;
    if let Ok((text, _)) = decode::unicode(&buf[..even])
        && text.as_ref() != &buf[..even]
    {
        return Ok(text.into_owned());
    }
    Ok(buf)
}

enum Failure {
    Io(std::io::Error),
    Not,
}

/// Text as the exports write it: UTF-8 (with or without a byte-order mark), UTF-16, or
/// lines in Windows-1252; with how it was read when it was not UTF-8.
fn text(bytes: &[u8], lang: Lang) -> Result<(String, Option<String>), Failure> {
    let utf16 = bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff");
    let (text, guesses) = decode::text(bytes).map_err(|_| Failure::Not)?;
    let mut said: Vec<String> = Vec::new();
    if utf16 {
        said.push(t!(lang, "read as UTF-16", "dibaca sebagai UTF-16"));
    }
    for g in guesses {
        said.push(match g {
            Guess::Utf16 { .. } => {
                t!(lang, "read as UTF-16 (no byte-order mark)", "dibaca sebagai UTF-16 (tanpa penanda urutan bita)")
            }
            Guess::Windows1252 { count, .. } => tn!(
                lang,
                count,
                "{count} line read as Windows-1252",
                "{count} lines read as Windows-1252",
                "{count} baris dibaca sebagai Windows-1252"
            ),
        });
    }
    Ok((text.into_owned(), (!said.is_empty()).then(|| said.join("; "))))
}

fn file(
    path: &Path,
    kind: Source,
    order: Option<whatsapp::DateOrder>,
    window: &Window,
    lang: Lang,
    bar: &indicatif::ProgressBar,
) -> Result<(Harvest, Option<String>), Failure> {
    if kind == Source::Mbox {
        // The mailbox is streamed: one message in memory at a time.
        let f = std::fs::File::open(path).map_err(Failure::Io)?;
        let input = BufReader::with_capacity(1 << 16, bar.wrap_read(f));
        let (h, guessed) = mail::mbox_in(input, window.zone).map_err(Failure::Io)?;
        return Ok((h, guessed_headers(guessed, lang)));
    }
    let bytes = std::fs::read(path).map_err(Failure::Io)?;
    bar.inc(bytes.len() as u64);
    let (text, decoded) = text(&bytes, lang)?;
    let harvest = match kind {
        Source::Calendar => calendar::parse_in(&text, window).map_err(|_| Failure::Not)?,
        Source::LinkedinMessages => linkedin::parse_in(&text, window.zone).map_err(|_| Failure::Not)?,
        Source::Whatsapp => {
            let chat = whatsapp::chat_name_of(path);
            whatsapp::parse_with(&text, chat.as_deref(), order)
        }
        Source::Mbox | Source::Maildir => return Err(Failure::Not),
    };
    Ok((harvest, decoded))
}

/// How many messages' headers were read as Windows-1252, said.
fn guessed_headers(n: usize, lang: Lang) -> Option<String> {
    (n > 0).then(|| {
        tn!(
            lang,
            n,
            "{n} message's headers read as Windows-1252",
            "{n} messages' headers read as Windows-1252",
            "kepala {n} pesan dibaca sebagai Windows-1252"
        )
    })
}

/// A folder of exports (calendars, chats): each file read as what it is; files that
/// are no export are named and skipped, sub-folders read too.
fn folder(
    path: &Path,
    from: Option<Source>,
    order: Option<whatsapp::DateOrder>,
    window: &Window,
    read: &mut Imported,
    lang: Lang,
    bar: &indicatif::ProgressBar,
) -> anyhow::Result<()> {
    if !read.folders.insert(path.canonicalize().unwrap_or_else(|_| path.to_path_buf())) {
        return Ok(());
    }
    let shown = path.display().to_string();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| t!(lang, "could not read the folder {shown}", "tidak bisa membaca folder {shown}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    entries.sort();
    // The folder's calendars are read together: versions of one event (iTIP) may be
    // in separate files.
    let mut calendars: Vec<(String, String, Option<String>)> = Vec::new();
    for entry in entries {
        let name = entry.display().to_string();
        if entry.is_dir() {
            if maildir::is_maildir(&entry) {
                maildirs(&entry, window, read, lang)?;
            } else {
                folder(&entry, from, order, window, read, lang, bar)?;
            }
            continue;
        }
        let head = head(&entry).with_context(|| t!(lang, "could not read {name}", "tidak bisa membaca {name}"))?;
        let seen = detect::from_head(&head);
        let kind = match (from, seen) {
            (Some(f), Some(s)) if f == s => f,
            (None, Some(s)) => s,
            _ => {
                read.unknown(name);
                continue;
            }
        };
        if let Ok(meta) = entry.metadata() {
            bar.inc_length(meta.len());
        }
        if kind == Source::Calendar {
            let bytes = std::fs::read(&entry)
                .with_context(|| t!(lang, "could not read {name}", "tidak bisa membaca {name}"))?;
            bar.inc(bytes.len() as u64);
            match text(&bytes, lang) {
                Ok((text, decoded)) => calendars.push((name, text, decoded)),
                Err(_) => read.unknown(name),
            }
            continue;
        }
        match file(&entry, kind, order, window, lang, bar) {
            Ok((h, decoded)) => read.add(&name, kind, h, Vec::new(), decoded, lang),
            Err(Failure::Io(e)) => {
                return Err(anyhow::Error::new(e).context(t!(
                    lang,
                    "could not read {name}",
                    "tidak bisa membaca {name}"
                )));
            }
            Err(Failure::Not) => read.unknown(name),
        }
    }
    let texts: Vec<&str> = calendars.iter().map(|(_, t, _)| t.as_str()).collect();
    let harvests = calendar::parse_files(&texts, window);
    for ((name, _, decoded), h) in calendars.iter().zip(harvests) {
        match h {
            Some(h) => read.add(name, Source::Calendar, h, Vec::new(), decoded.clone(), lang),
            None => read.unknown(name.clone()),
        }
    }
    Ok(())
}

/// Every maildir in the folder, read as one: `--from maildir` on a folder of
/// maildirs, or one maildir with its sub-folders.
fn maildirs(path: &Path, window: &Window, read: &mut Imported, lang: Lang) -> anyhow::Result<()> {
    let shown = path.display().to_string();
    let tree = maildir::read(path, window.zone, lang)?;
    if tree.maildirs == 0 {
        anyhow::bail!(t!(
            lang,
            "{shown}: this is not a maildir and holds none (no folder with cur/ or new/); nothing was imported",
            "{shown}: ini bukan maildir dan tidak berisi maildir (tidak ada folder dengan cur/ atau new/); tidak ada yang diimpor"
        ));
    }
    read.add(&shown, Source::Maildir, tree.harvest, tree.problems, guessed_headers(tree.guessed, lang), lang);
    Ok(())
}
