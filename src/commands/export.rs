//! `jejaring export vcard|csv|json|ics`: take the network anywhere — to a phone, to
//! Google, to a calendar, or to another program as JSON.

use super::filter::ContactFilter;
use crate::app::App;
use crate::coach::index::Index;
use crate::coach::reminders::{self, Options};
use crate::interop::{self, ics, vcard};
use crate::model::Contact;
use crate::{t, tn};
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;

/// Export contacts as vCard, CSV (Google's layout), JSON or an iCalendar file
///
/// vCard re-imports into jejaring with nothing lost or doubled (circle, stage, the
/// trust level and the rest travel as X-JEJARING-* properties). JSON without filters
/// is the whole data file; with filters, a list of the matching contacts. The
/// calendar holds each person's next keep-in-touch day (by the rhythm you chose, the
/// follow-up of someone newly met, or the stage's default, as `list --due` says),
/// birthdays, open promises' due dates, and active goals' deadlines and milestones as
/// all-day events (with filters: only the matching people's dates, and no goals). Each
/// event's UID stays the same between exports, so importing a newer export updates the
/// events instead of doubling them.
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
    #[command(flatten)]
    pub filter: ContactFilter,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Vcard,
    Csv,
    Json,
    Ics,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let store = app.open_read()?;
    let net = &store.net;
    let keep = args.filter.matcher();
    let contacts: Vec<&Contact> = net.contacts.iter().filter(|c| keep(c)).collect();
    let mut count = contacts.len();

    let bytes = match args.format {
        ExportFormat::Vcard => {
            let index = Index::new(net);
            // Only a level a trust note set; one that follows from the stage is not news.
            let trust = |c: &Contact| Some(index.trust(c)).filter(|(_, from_note)| *from_note).map(|(l, _)| l);
            vcard::write_with(contacts.iter().copied(), args.vcard_version, trust).into_bytes()
        }
        ExportFormat::Csv => interop::csv::write(contacts.iter().copied()),
        ExportFormat::Json if args.filter.is_set() => serde_json::to_vec_pretty(&contacts)?,
        ExportFormat::Json => serde_json::to_vec_pretty(net)?,
        ExportFormat::Ics => {
            // Goals belong to the whole network, not to the contacts a filter picks.
            let options = Options { birthdays: true, goals: !args.filter.is_set() };
            let events = reminders::build(net, &contacts, app.clock.today, lang, options);
            if events.is_empty() {
                app.ui.info(t!(
                    lang,
                    "Nothing to put in a calendar yet: no contacts, open promises or goal deadlines (add someone with `jejaring add-contact`)",
                    "Belum ada yang bisa masuk kalender: tidak ada kontak, janji terbuka, atau tenggat tujuan (tambahkan seseorang dengan `jejaring add-contact`)"
                ));
            }
            count = events.len();
            ics::write(&events, app.clock.now).into_bytes()
        }
    };
    match &args.out {
        Some(path) => {
            write_file(path, &bytes).with_context(|| {
                let path = path.display();
                t!(lang, "could not write {path}", "tidak bisa menulis {path}")
            })?;
            let file = path.display();
            app.ui.info(if args.format == ExportFormat::Ics {
                tn!(
                    lang,
                    count,
                    "Exported {count} calendar event to {file}",
                    "Exported {count} calendar events to {file}",
                    "{count} acara kalender diekspor ke {file}"
                )
            } else {
                tn!(
                    lang,
                    count,
                    "Exported {count} contact to {file}",
                    "Exported {count} contacts to {file}",
                    "{count} kontak diekspor ke {file}"
                )
            });
        }
        None => {
            // To a pipe the bytes go out exactly as written (vCard and iCalendar lines end
            // in CRLF); to a terminal a value's escape codes are shown, never acted on.
            app.ui.document(&bytes, args.format == ExportFormat::Json)?;
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
