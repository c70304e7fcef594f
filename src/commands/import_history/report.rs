//! What `import history` says: the summary line, problems with their file and line,
//! the people it did not know, and with `--dry-run` what it would log; or all of it
//! as JSON.

use super::read::{Imported, Reader};
use crate::app::App;
use crate::history::Person;
use crate::history::resolve::Plan;
use crate::i18n::Lang;
use crate::model::Network;
use crate::{t, tn};
use chrono::NaiveDate;
use serde::Serialize;

/// How many problems and unknown people are listed before the rest are only counted.
const MAX_LISTED: usize = 20;
/// From this many bytes of mail on, a terminal shows a progress bar.
const PROGRESS_FROM: u64 = 4 << 20;

/// A progress bar over the bytes of the files given, on stderr when it is a terminal
/// and there is enough to wait for (a big mailbox); folders add their files' sizes as
/// they are read.
pub fn progress(app: &App, paths: &[std::path::PathBuf]) -> indicatif::ProgressBar {
    let total: u64 =
        paths.iter().filter_map(|p| std::fs::metadata(p).ok()).filter(|m| m.is_file()).map(|m| m.len()).sum();
    if app.ui.quiet || app.ui.json || total < PROGRESS_FROM {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(total), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {elapsed}") {
        bar.set_style(style);
    }
    bar
}

#[derive(Serialize)]
struct Logged {
    on: NaiveDate,
    kind: String,
    with: Vec<String>,
    from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    talked: bool,
    they_reached_out: bool,
}

#[derive(Serialize)]
struct Stranger {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    linkedin: Option<String>,
    conversations: usize,
    /// A name more than one contact has.
    ambiguous: bool,
    two_way: bool,
    #[serde(skip)]
    label: String,
}

/// `import history --json`.
#[derive(Serialize)]
pub struct Report {
    dry_run: bool,
    added: usize,
    already_known: usize,
    with_unknown_people: usize,
    ignored: usize,
    /// Everything left out: the sum of `readers[].skipped`, and `left_out_files`.
    left_out: usize,
    /// How many of `left_out` are folders (a maildir's folders that hold none).
    left_out_folders: usize,
    /// How many of `left_out` are files in a folder given that are no export; the rest
    /// beside the folders are messages, rows, events or chat days.
    left_out_files: usize,
    interactions: Vec<Logged>,
    contacts_added: Vec<String>,
    unknown: Vec<Stranger>,
    problems: Vec<String>,
    /// What each reader read and left out, and why.
    readers: Vec<Reader>,
    #[serde(skip)]
    lang: Lang,
}

fn stranger(p: &Person, conversations: usize, ambiguous: bool, two_way: bool) -> Stranger {
    Stranger {
        name: p.name.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        linkedin: p.linkedin.clone(),
        conversations,
        ambiguous,
        two_way,
        label: p.label(),
    }
}

impl Report {
    pub fn new(
        net: &Network,
        plan: &Plan,
        people_added: &[usize],
        read: &Imported,
        dry_run: bool,
        lang: Lang,
    ) -> Report {
        let name = |id: &uuid::Uuid| net.contact(id).map(|c| c.name.clone()).unwrap_or_default();
        Report {
            dry_run,
            added: plan.add.len(),
            already_known: plan.known,
            with_unknown_people: plan.with_unknown,
            ignored: read.harvest.ignored,
            left_out: read.readers.iter().flat_map(|r| &r.skipped).map(|s| s.count).sum::<usize>() + read.unknown_files,
            left_out_folders: folders(&read.readers),
            left_out_files: read.unknown_files,
            interactions: plan
                .add
                .iter()
                .map(|i| Logged {
                    on: i.on,
                    kind: i.kind.key().to_string(),
                    with: i.contacts.iter().map(name).collect(),
                    from: i.source.as_ref().map(|s| s.from.key().to_string()).unwrap_or_default(),
                    title: i.text.clone(),
                    talked: i.two_way(),
                    they_reached_out: i.they_reached_out,
                })
                .collect(),
            contacts_added: people_added.iter().map(|&i| net.contacts[i].name.clone()).collect(),
            unknown: plan
                .unknown
                .iter()
                .filter(|u| !people_added.iter().any(|&i| net.contacts[i].name == u.person.label()))
                .map(|u| stranger(&u.person, u.conversations, u.ambiguous, u.two_way))
                .collect(),
            problems: read.problems.iter().map(|(file, p)| format!("{file}: {}", p.message(lang))).collect(),
            readers: read.readers.clone(),
            lang,
        }
    }
}

/// Folders left out: said apart, so "left out 3" never counts a folder as a message.
fn folders(readers: &[Reader]) -> usize {
    readers.iter().flat_map(|r| &r.skipped).filter(|s| s.folder).map(|s| s.count).sum()
}

/// "; skipped 2 folders that are no maildir", for a reader's line and the summary.
fn folders_said(n: usize, lang: Lang) -> String {
    tn!(
        lang,
        n,
        "; skipped {n} folder that is no maildir",
        "; skipped {n} folders that are no maildir",
        "; {n} folder yang bukan maildir dilewati"
    )
}

/// "; skipped 2 files that are no export", for the summary: files no reader read.
fn files_said(n: usize, lang: Lang) -> String {
    tn!(
        lang,
        n,
        "; skipped {n} file that is no export",
        "; skipped {n} files that are no export",
        "; {n} berkas yang bukan ekspor dilewati"
    )
}

/// What one reader left out or had to decode, in a line; None when it read all.
fn reader_line(r: &Reader, lang: Lang) -> Option<String> {
    let folders = folders(std::slice::from_ref(r));
    let left: usize = r.skipped.iter().filter(|s| !s.folder).map(|s| s.count).sum();
    if left == 0 && folders == 0 && r.decoded.is_none() {
        return None;
    }
    let (file, n) = (&r.file, r.read);
    let mut line = match r.kind {
        "calendar" => tn!(lang, n, "{file}: read {n} event", "{file}: read {n} events", "{file}: {n} acara dibaca"),
        "linkedin-messages" => {
            tn!(lang, n, "{file}: read {n} row", "{file}: read {n} rows", "{file}: {n} baris dibaca")
        }
        "whatsapp" => {
            tn!(lang, n, "{file}: read {n} chat day", "{file}: read {n} chat days", "{file}: {n} hari obrolan dibaca")
        }
        _ => tn!(lang, n, "{file}: read {n} message", "{file}: read {n} messages", "{file}: {n} pesan dibaca"),
    };
    if left > 0 {
        let why: Vec<String> =
            r.skipped.iter().filter(|s| !s.folder).map(|s| format!("{} ({})", s.words, s.count)).collect();
        let why = why.join(", ");
        line.push_str(&t!(lang, "; left out {left}: {why}", "; {left} dilewati: {why}"));
    }
    if folders > 0 {
        line.push_str(&folders_said(folders, lang));
    }
    if let Some(d) = &r.decoded {
        line.push_str(&format!("; {d}"));
    }
    Some(line)
}

pub fn print(app: &App, r: &Report) -> anyhow::Result<()> {
    let lang = r.lang;
    if app.ui.json {
        app.ui.json_value(r)?;
        return Ok(());
    }
    crate::views::problems::warn(app, &r.problems, MAX_LISTED);
    for reader in &r.readers {
        if let Some(line) = reader_line(reader, lang) {
            app.ui.info(line);
        }
    }
    if r.dry_run {
        for i in &r.interactions {
            let (on, with) = (i.on, i.with.join(", "));
            let kind = crate::model::Kind::from_key(&i.kind);
            let mut line = format!("{on}  {:<9} {with}", kind.label(lang));
            if let Some(title) = &i.title {
                line.push_str(&format!("  {title}"));
            }
            app.ui.line(line)?;
        }
    }
    for name in &r.contacts_added {
        app.ui.info(if r.dry_run {
            t!(lang, "would add {name} (you talked with them)", "akan menambah {name} (Anda pernah bercakap dengannya)")
        } else {
            t!(lang, "added {name} (you talked with them)", "{name} ditambahkan (Anda pernah bercakap dengannya)")
        });
    }
    if !r.unknown.is_empty() {
        let n = r.unknown.len();
        app.ui.info(tn!(
            lang,
            n,
            "{n} person in these conversations is not in your network:",
            "{n} people in these conversations are not in your network:",
            "{n} orang dalam percakapan ini tidak ada di jaringan Anda:"
        ));
        for u in r.unknown.iter().take(MAX_LISTED) {
            let (label, c) = (&u.label, u.conversations);
            let mut line = tn!(
                lang,
                c,
                "  {label}: {c} conversation",
                "  {label}: {c} conversations",
                "  {label}: {c} percakapan"
            );
            if u.ambiguous {
                line.push_str(&t!(
                    lang,
                    " (more than one contact has this name; not guessed)",
                    " (lebih dari satu kontak bernama ini; tidak ditebak)"
                ));
            }
            app.ui.info(line);
        }
        if n > MAX_LISTED {
            let more = n - MAX_LISTED;
            app.ui.info(t!(
                lang,
                "  … and {more} more (use --json to see them all)",
                "  … dan {more} lagi (pakai --json untuk melihat semuanya)"
            ));
        }
        if r.unknown.iter().any(|u| u.two_way && !u.ambiguous) && r.contacts_added.is_empty() {
            app.ui.info(t!(
                lang,
                "add the ones you talked with as contacts: run again with --add-unknown",
                "tambahkan yang pernah bercakap dengan Anda sebagai kontak: jalankan lagi dengan --add-unknown"
            ));
        }
    }
    app.ui.info(summary(r));
    Ok(())
}

/// Everything but folders the readers left out, by reason, in the order first met:
/// the per-file lines' counts added up, in their words.
fn left_out(readers: &[Reader]) -> Vec<(&str, usize)> {
    let mut all: Vec<(&str, usize)> = Vec::new();
    for s in readers.iter().flat_map(|r| &r.skipped).filter(|s| !s.folder) {
        match all.iter_mut().find(|(words, _)| *words == s.words) {
            Some((_, n)) => *n += s.count,
            None => all.push((&s.words, s.count)),
        }
    }
    all
}

/// The last line: conversations added, known and with people not in the network, and
/// what was left out — the per-file lines added up, said the same way, then the folders
/// and files no reader read, apart.
fn summary(r: &Report) -> String {
    let lang = r.lang;
    let (added, known, unknown) = (r.added, r.already_known, r.with_unknown_people);
    let mut line = if r.dry_run {
        let head = t!(lang, "History (dry run, nothing saved)", "Riwayat (uji coba, tidak ada yang disimpan)");
        let n = added;
        let to_add =
            tn!(lang, n, "{n} conversation to add", "{n} conversations to add", "{n} percakapan akan ditambah");
        t!(
            lang,
            "{head}: {to_add}, {known} already known, {unknown} with people not in your network",
            "{head}: {to_add}, {known} sudah ada, {unknown} dengan orang yang tidak ada di jaringan Anda"
        )
    } else {
        let n = added;
        let added = tn!(lang, n, "{n} conversation added", "{n} conversations added", "{n} percakapan ditambah");
        t!(
            lang,
            "History: {added}, {known} already known, {unknown} with people not in your network",
            "Riwayat: {added}, {known} sudah ada, {unknown} dengan orang yang tidak ada di jaringan Anda"
        )
    };
    let reasons = left_out(&r.readers);
    let left: usize = reasons.iter().map(|(_, n)| n).sum();
    if left > 0 {
        let why: Vec<String> = reasons.iter().map(|(words, n)| format!("{words} ({n})")).collect();
        let why = why.join(", ");
        line.push_str(&t!(lang, "; left out {left}: {why}", "; {left} dilewati: {why}"));
    }
    if r.left_out_folders > 0 {
        line.push_str(&folders_said(r.left_out_folders, lang));
    }
    if r.left_out_files > 0 {
        line.push_str(&files_said(r.left_out_files, lang));
    }
    line
}
