//! Reading the files and folders `import history` is given, before the data file is
//! locked: what each is (from `--from` or its first bytes), then the reader for it. A
//! named file that is not what it should be stops the import; a file inside a folder
//! that is no export is skipped and named.

use crate::errors::UsageError;
use crate::history::{Harvest, Problem, ProblemKind, Source, calendar, detect, linkedin, mail, whatsapp};
use crate::i18n::Lang;
use crate::t;
use anyhow::Context;
use chrono::{DateTime, Utc};
use std::io::{BufReader, Read as _};
use std::path::{Path, PathBuf};

/// Everything read, with each problem's file.
#[derive(Default)]
pub struct Imported {
    pub harvest: Harvest,
    pub problems: Vec<(String, Problem)>,
    /// The files whose traces were read, for the report.
    pub files: usize,
}

impl Imported {
    fn add(&mut self, file: &str, mut h: Harvest) {
        self.problems.extend(h.problems.drain(..).map(|p| (file.to_string(), p)));
        self.harvest.extend(h);
        self.files += 1;
    }
}

/// Reads every path given.
pub fn all(
    paths: &[PathBuf],
    from: Option<Source>,
    order: Option<whatsapp::DateOrder>,
    now: DateTime<Utc>,
    lang: Lang,
    bar: &indicatif::ProgressBar,
) -> anyhow::Result<Imported> {
    let mut read = Imported::default();
    for path in paths {
        let shown = path.display().to_string();
        if path.is_dir() {
            if is_maildir(path) || (from == Some(Source::Maildir) && !path.join("cur").exists()) {
                maildir(path, &mut read, lang)?;
            } else {
                folder(path, from, order, now, &mut read, lang, bar)?;
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
        let head = head(path).with_context(|| format!("could not read {shown}"))?;
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
        let harvest = file(path, kind, order, now, bar).map_err(|e| match e {
            Failure::Io(e) => anyhow::Error::new(e).context(format!("could not read {shown}")),
            Failure::Not => not_a(&shown, kind, lang),
        })?;
        read.add(&shown, harvest);
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

fn is_maildir(path: &Path) -> bool {
    path.join("cur").is_dir() && path.join("new").is_dir()
}

fn head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(detect::HEAD);
    std::fs::File::open(path)?.take(detect::HEAD as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

enum Failure {
    Io(std::io::Error),
    Not,
}

/// Text as the exports write it: UTF-8, with or without a byte-order mark.
fn text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

fn file(
    path: &Path,
    kind: Source,
    order: Option<whatsapp::DateOrder>,
    now: DateTime<Utc>,
    bar: &indicatif::ProgressBar,
) -> Result<Harvest, Failure> {
    if kind == Source::Mbox {
        // The mailbox is streamed: one message in memory at a time.
        let f = std::fs::File::open(path).map_err(Failure::Io)?;
        return mail::mbox(BufReader::with_capacity(1 << 16, bar.wrap_read(f))).map_err(Failure::Io);
    }
    let bytes = std::fs::read(path).map_err(Failure::Io)?;
    bar.inc(bytes.len() as u64);
    match kind {
        Source::Calendar => calendar::parse(&text(&bytes), now).map_err(|_| Failure::Not),
        Source::LinkedinMessages => linkedin::parse(&bytes).map_err(|_| Failure::Not),
        Source::Whatsapp => {
            let chat = whatsapp::chat_name_of(path);
            Ok(whatsapp::parse_with(&text(&bytes), chat.as_deref(), order))
        }
        Source::Mbox | Source::Maildir => Err(Failure::Not),
    }
}

/// A folder of exports (calendars, chats): each file read as what it is; files that
/// are no export are named and skipped, sub-folders read too.
fn folder(
    path: &Path,
    from: Option<Source>,
    order: Option<whatsapp::DateOrder>,
    now: DateTime<Utc>,
    read: &mut Imported,
    lang: Lang,
    bar: &indicatif::ProgressBar,
) -> anyhow::Result<()> {
    let shown = path.display().to_string();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("could not read the folder {shown}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    entries.sort();
    let before = read.files;
    for entry in entries {
        let name = entry.display().to_string();
        if entry.is_dir() {
            if is_maildir(&entry) {
                maildir(&entry, read, lang)?;
            } else {
                folder(&entry, from, order, now, read, lang, bar)?;
            }
            continue;
        }
        let head = head(&entry).with_context(|| format!("could not read {name}"))?;
        let seen = detect::from_head(&head);
        let kind = match (from, seen) {
            (Some(f), Some(s)) if f == s => f,
            (None, Some(s)) => s,
            _ => {
                read.problems.push((name, Problem::new(0, ProblemKind::UnknownFile)));
                continue;
            }
        };
        if let Ok(meta) = entry.metadata() {
            bar.inc_length(meta.len());
        }
        match file(&entry, kind, order, now, bar) {
            Ok(h) => read.add(&name, h),
            Err(Failure::Io(e)) => return Err(anyhow::Error::new(e).context(format!("could not read {name}"))),
            Err(Failure::Not) => read.problems.push((name, Problem::new(0, ProblemKind::UnknownFile))),
        }
    }
    if read.files == before && read.problems.is_empty() {
        anyhow::bail!(t!(
            lang,
            "{shown} holds no calendar, mailbox or chat export; nothing was imported",
            "{shown} tidak berisi ekspor kalender, kotak surat, atau obrolan; tidak ada yang diimpor"
        ));
    }
    Ok(())
}

/// A maildir and its sub-folders (Maildir++ names them `.Sent`, `.Archive`…).
fn maildir(path: &Path, read: &mut Imported, lang: Lang) -> anyhow::Result<()> {
    let shown = path.display().to_string();
    if !is_maildir(path) {
        anyhow::bail!(t!(
            lang,
            "{shown}: this is not a maildir (no cur/ and new/ folders); nothing was imported",
            "{shown}: ini bukan maildir (tidak ada folder cur/ dan new/); tidak ada yang diimpor"
        ));
    }
    let folders = mail_parser::mailbox::maildir::FolderIterator::new(path, Some("."))
        .with_context(|| format!("could not read the maildir {shown}"))?;
    let mut reader = mail::Reader::new();
    for folder in folders {
        let folder = folder.with_context(|| format!("could not read the maildir {shown}"))?;
        let sent = folder.name().is_some_and(|n| n.to_lowercase().contains("sent"));
        for msg in folder {
            let msg = msg.with_context(|| format!("could not read a message in {shown}"))?;
            let before = (reader.problems(), msg.path().display().to_string());
            reader.message_in(msg.contents(), 0, sent);
            // A maildir message is a file of its own: its problem is named by it.
            if reader.problems() > before.0 {
                let mut h = std::mem::take(&mut reader).finish();
                let last = h.problems.pop();
                read.harvest.extend(h);
                read.problems.extend(last.map(|p| (before.1, p)));
            }
        }
    }
    read.add(&shown, reader.finish());
    Ok(())
}
