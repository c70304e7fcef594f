//! `jejaring export vcard|csv|json|ics`: take the network anywhere — to a phone, to
//! Google, to a calendar, or to another program as JSON.

use crate::app::App;
use crate::interop::{self, ics, vcard};
use crate::model::{Circle, Contact, Stage, text};
use crate::t;
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;

/// Export contacts as vCard, CSV (Google's layout), JSON or an iCalendar file
///
/// vCard re-imports into jejaring with nothing lost or doubled (circle, stage and the
/// rest travel as X-JEJARING-* properties). JSON without filters is the whole data
/// file; with filters, a list of the matching contacts. The calendar holds each
/// keep-in-touch date as an all-day event whose UID stays the same between exports,
/// so importing a newer export updates the events instead of doubling them.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// vCard version: 3.0 (read best by phones) or 4.0
    #[arg(long, value_enum, default_value = "3.0", value_name = "VERSION")]
    pub vcard_version: vcard::Version,
    /// Only this circle (repeatable)
    #[arg(long, value_enum)]
    pub circle: Vec<Circle>,
    /// Only this stage (repeatable)
    #[arg(long, value_enum)]
    pub stage: Vec<Stage>,
    /// Only contacts with this tag (repeatable: all must match)
    #[arg(long)]
    pub tag: Vec<String>,
    /// Only contacts whose name, org, role, emails, tags or notes contain TEXT
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Vcard,
    Csv,
    Json,
    Ics,
}

impl Args {
    fn filtered(&self) -> bool {
        !self.circle.is_empty() || !self.stage.is_empty() || !self.tag.is_empty() || self.search.is_some()
    }

    /// The same filters as `jejaring list`.
    fn keeps(&self, c: &Contact, tags: &[String], needle: Option<&str>) -> bool {
        (self.circle.is_empty() || self.circle.contains(&c.circle))
            && (self.stage.is_empty() || self.stage.contains(&c.stage))
            && tags.iter().all(|t| c.tags.iter().any(|ct| &text::fold(ct) == t))
            && needle.is_none_or(|n| c.mentions(n))
    }
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let store = app.open_read()?;
    let net = &store.net;
    let tags: Vec<String> = args.tag.iter().map(|t| text::fold(t.trim())).collect();
    let needle = args.search.as_deref().map(|s| text::fold(s.trim()));
    let contacts: Vec<&Contact> = net.contacts.iter().filter(|c| args.keeps(c, &tags, needle.as_deref())).collect();
    let count = contacts.len();

    let bytes = match args.format {
        ExportFormat::Vcard => vcard::write(contacts.iter().copied(), args.vcard_version).into_bytes(),
        ExportFormat::Csv => interop::csv::write(contacts.iter().copied()),
        ExportFormat::Json if args.filtered() => serde_json::to_vec_pretty(&contacts)?,
        ExportFormat::Json => serde_json::to_vec_pretty(net)?,
        ExportFormat::Ics => {
            let events = ics::keep_in_touch(contacts.iter().copied(), &net.last_contacted(), app.clock.today, lang);
            if events.is_empty() {
                app.ui.info(t!(
                    lang,
                    "No keep-in-touch dates yet; give contacts a cadence with `jejaring edit NAME --every 30d`",
                    "Belum ada jadwal jaga kontak; beri kontak jangka waktu dengan `jejaring edit NAMA --every 30d`"
                ));
            }
            ics::write(&events, app.clock.now).into_bytes()
        }
    };
    match &args.out {
        Some(path) => {
            write_file(path, &bytes).with_context(|| format!("could not write {}", path.display()))?;
            let file = path.display();
            app.ui.info(t!(lang, "Exported {count} contacts to {file}", "{count} kontak diekspor ke {file}"));
        }
        None => {
            // The bytes go out exactly as written (vCard and iCalendar lines end in CRLF).
            app.ui.flush()?;
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            if !bytes.ends_with(b"\n") {
                out.write_all(b"\n")?;
            }
            out.flush()?;
        }
    }
    Ok(())
}

/// Writes the export whole or not at all, readable by its owner only: it holds the
/// same private notes as the data file.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = atomic_write_file::AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.commit()
}
