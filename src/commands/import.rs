//! `jejaring import vcard|csv|linkedin FILE…`: bring contacts in from a phone, Google,
//! Outlook or LinkedIn, without duplicates and without overwriting what you wrote.
//! (`import history`, which logs conversations, is its own command: `import_history`.)
//!
//! Files are read and parsed before the data file is locked, then every record is
//! merged and the network is saved once: the import lands whole or not at all.

use crate::app::{App, Change};
use crate::errors::UsageError;
use crate::i18n::Lang;
use crate::i18n::Localized;
use crate::interop::merge::{Defaults, Merger, Outcome};
use crate::interop::{self, At, FormatError, Parsed, Problem, ProblemKind, SkipReason};
use crate::model::{Circle, Network, Stage, dupes, text};
use crate::{t, tn};
use anyhow::Context;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Import contacts from vCard, Google/Outlook CSV or LinkedIn files
///
/// A person already in your network (the same vCard UID, email, phone number or
/// LinkedIn profile, and no different UID, LinkedIn profile or birthday) is updated,
/// not added again: new emails, phones and tags are added and empty fields filled, but
/// nothing you wrote is overwritten. A name alone never makes two people one: a
/// namesake is added and counted as a possible duplicate (see `jejaring dupes`).
/// Records that cannot be used are skipped and named; the rest imports. Importing the
/// same file twice changes nothing the second time.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true, disable_help_subcommand = true)]
pub struct Args {
    #[command(subcommand)]
    pub history: Option<History>,
    /// What the files are: vcard (.vcf files or folders of them), csv (Google or
    /// Outlook export), linkedin (Connections.csv)
    #[arg(value_enum, required = true)]
    pub format: Option<ImportFormat>,
    /// The files to read
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Show what would be added, updated and skipped, and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Circle for new contacts [default: from the file; colleague for LinkedIn; else other]
    #[arg(long, value_enum)]
    pub circle: Option<Circle>,
    /// Stage for new contacts [default: from the file, else acquaintance]
    #[arg(long, value_enum)]
    pub stage: Option<Stage>,
    /// Tag every imported contact, such as the source (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
}

/// `import history`, beside the contact formats.
#[derive(Debug, clap::Subcommand)]
pub enum History {
    History(super::import_history::Args),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    Vcard,
    Csv,
    Linkedin,
}

/// How many problems are listed on stderr before the rest are only counted.
const MAX_LISTED: usize = 50;
/// From this many records on, a terminal shows a progress bar.
const PROGRESS_FROM: usize = 1000;

/// One problem with the file it came from.
struct Located {
    file: String,
    problem: Problem,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let format = match (args.history, args.format) {
        (Some(History::History(history)), _) => return super::import_history::run(app, history),
        (None, Some(format)) => format,
        // clap requires one or the other.
        (None, None) => return Err(UsageError("a format (vcard, csv, linkedin) or `history`".into()).into()),
    };
    let lang = app.ui.lang;
    let tags = args.tags.iter().map(|t| text::tag(t)).collect::<Result<Vec<_>, _>>()?;
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for path in &args.files {
        for (file, parsed) in read(path, format, lang)? {
            records.extend(parsed.records.into_iter().map(|r| (file.clone(), r)));
            problems.extend(parsed.problems.into_iter().map(|problem| Located { file: file.clone(), problem }));
        }
    }

    let defaults = Defaults {
        circle: args.circle.clone(),
        stage: args.stage.clone(),
        fallback_circle: if format == ImportFormat::Linkedin { Circle::Colleague } else { Circle::Other },
        tags,
    };
    let merge_all = |net: &mut Network| {
        let bar = progress(app, records.len());
        let mut report = Report { dry_run: args.dry_run, ..Report::default() };
        let mut merger = Merger::new(net, app.clock.now, app.clock.today);
        merger.expect(records.iter().map(|(_, r)| r));
        let mut added = HashSet::new();
        for (file, rec) in records {
            let at = rec.at.describe(lang);
            let outcome = merger.merge(rec, &defaults);
            let c = |i: usize| &merger.net().contacts[i];
            match outcome {
                Outcome::Added(i) => {
                    added.insert(i);
                    report.added.push(Entry::new(c(i), file, at, Vec::new()))
                }
                Outcome::Updated(i, fields) => report.updated.push(Entry::new(c(i), file, at, fields)),
                Outcome::Unchanged(_) => report.unchanged += 1,
            }
            bar.inc(1);
        }
        bar.finish_and_clear();
        // The pairs `dupes` would show that involve someone this import added: namesakes
        // are added, never merged, so the user is told where to look.
        report.possible_duplicates =
            dupes::find(&net.contacts).pairs.iter().filter(|p| added.contains(&p.a) || added.contains(&p.b)).count();
        report.skipped = problems.iter().filter(|p| p.problem.is_skip()).count();
        report.problems = problems.iter().map(|p| format!("{}: {}", p.file, p.problem.message(lang))).collect();
        report
    };
    if args.dry_run {
        let report = merge_all(&mut app.open_read()?.net);
        return print(app, &report);
    }
    app.change(
        |net| {
            let report = merge_all(net);
            match report.added.is_empty() && report.updated.is_empty() {
                true => Ok(Change::Unchanged(report)),
                false => Ok(Change::Save(report)),
            }
        },
        |_, report| print(app, &report),
    )
}

/// Reads one path: a file, or for vCard a folder of `.vcf` files (a vdir). A named
/// file that is not what the format says is an error; a bad file inside a folder is
/// skipped and named, like a bad card.
fn read(path: &Path, format: ImportFormat, lang: Lang) -> anyhow::Result<Vec<(String, Parsed)>> {
    let shown = path.display().to_string();
    if path.is_dir() {
        if format != ImportFormat::Vcard {
            return Err(UsageError(t!(
                lang,
                "{shown} is a folder; give the CSV file itself (only vCard imports read folders)",
                "{shown} adalah folder; berikan berkas CSV-nya (hanya impor vCard yang membaca folder)"
            ))
            .into());
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| t!(lang, "could not read the folder {shown}", "tidak bisa membaca folder {shown}"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("vcf")))
            .collect();
        if files.is_empty() {
            anyhow::bail!(t!(lang, "{shown} holds no .vcf files", "{shown} tidak berisi berkas .vcf"));
        }
        files.sort();
        let mut out = Vec::with_capacity(files.len());
        for f in files {
            let name = f.display().to_string();
            let bytes =
                std::fs::read(&f).with_context(|| t!(lang, "could not read {name}", "tidak bisa membaca {name}"))?;
            let parsed = interop::vcard::parse(&bytes).unwrap_or_else(|_| Parsed {
                records: Vec::new(),
                problems: vec![Problem {
                    at: At::Unknown,
                    name: None,
                    kind: ProblemKind::Skipped(SkipReason::NoCards),
                }],
            });
            out.push((name, parsed));
        }
        return Ok(out);
    }
    let bytes =
        std::fs::read(path).with_context(|| t!(lang, "could not read {shown}", "tidak bisa membaca {shown}"))?;
    let parsed = match format {
        ImportFormat::Vcard => interop::vcard::parse(&bytes),
        ImportFormat::Csv => interop::csv::parse(&bytes),
        ImportFormat::Linkedin => interop::linkedin::parse(&bytes),
    };
    let parsed = parsed.map_err(|e: FormatError| {
        let why = e.message(lang);
        anyhow::anyhow!(t!(lang, "{shown}: {why}; nothing was imported", "{shown}: {why}; tidak ada yang diimpor"))
    })?;
    Ok(vec![(shown, parsed)])
}

/// A progress bar on stderr for big imports; hidden when stderr is not a terminal.
fn progress(app: &App, len: usize) -> indicatif::ProgressBar {
    if app.ui.quiet || app.ui.json || len < PROGRESS_FROM {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(len as u64), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}") {
        bar.set_style(style);
    }
    bar
}

/// One added or updated contact, for the report.
#[derive(Serialize)]
struct Entry {
    handle: String,
    name: String,
    file: String,
    at: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fields: Vec<&'static str>,
}

impl Entry {
    fn new(c: &crate::model::Contact, file: String, at: String, fields: Vec<&'static str>) -> Entry {
        Entry { handle: c.handle.clone(), name: c.name.clone(), file, at, fields }
    }
}

#[derive(Default, Serialize)]
struct Report {
    dry_run: bool,
    added: Vec<Entry>,
    updated: Vec<Entry>,
    unchanged: usize,
    skipped: usize,
    /// Pairs `jejaring dupes` lists that involve a contact this import added.
    possible_duplicates: usize,
    /// Skipped records and left-out values, each with its file and place.
    problems: Vec<String>,
}

fn print(app: &App, r: &Report) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    if app.ui.json {
        app.ui.json_value(r)?;
        return Ok(());
    }
    crate::views::problems::warn(app, &r.problems, MAX_LISTED);
    if r.dry_run {
        for e in &r.added {
            let name = &e.name;
            app.ui.line(t!(lang, "would add     {name}", "akan ditambah   {name}"))?;
        }
        for e in &r.updated {
            let fields: Vec<&str> = e.fields.iter().map(|f| crate::i18n::field_name(f, lang)).collect();
            let (name, fields) = (&e.name, fields.join(", "));
            app.ui.line(t!(lang, "would update  {name} ({fields})", "akan diperbarui {name} ({fields})"))?;
        }
    }
    let (added, updated, unchanged, skipped) = (r.added.len(), r.updated.len(), r.unchanged, r.skipped);
    app.ui.info(if r.dry_run {
        t!(
            lang,
            "Dry run, nothing saved: {added} to add, {updated} to update, {unchanged} unchanged, {skipped} skipped",
            "Uji coba, tidak ada yang disimpan: {added} akan ditambah, {updated} akan diperbarui, {unchanged} tetap, {skipped} dilewati"
        )
    } else {
        t!(
            lang,
            "Imported: {added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped",
            "Impor selesai: {added} ditambah, {updated} diperbarui, {unchanged} tetap, {skipped} dilewati"
        )
    });
    let n = r.possible_duplicates;
    if n > 0 {
        app.ui.info(tn!(
            lang,
            n,
            "{n} possible duplicate — see `jejaring dupes`",
            "{n} possible duplicates — see `jejaring dupes`",
            "{n} kemungkinan duplikat — lihat `jejaring dupes`"
        ));
    }
    Ok(())
}
