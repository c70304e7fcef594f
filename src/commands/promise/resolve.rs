//! `jejaring promise done|broke|move`: how a promise ended, or a new date agreed.

use crate::app::{App, Change};
use crate::dates::{self, Lean};
use crate::i18n::Lang;
use crate::model::{PromiseStatus, text};
use crate::store::{Outline, Wanted};
use crate::t;
use anyhow::Context;
use chrono::NaiveDate;

#[derive(Debug, clap::Args)]
pub struct DoneArgs {
    /// The promise number (see `jejaring promise list`)
    pub id: String,
    /// When you kept it [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct BrokeArgs {
    /// The promise number
    pub id: String,
    /// What happened (worth remembering, and maybe worth an apology)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When it was broken [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct MoveArgs {
    /// The promise number
    pub id: String,
    /// The new due date you agreed
    #[arg(long, value_name = "DATE", required = true)]
    pub due: String,
    /// What you agreed, e.g. "asked for one more week"
    #[arg(long, value_name = "TEXT", required = true)]
    pub note: String,
}

/// Marks a promise kept, on time or late as the dates say.
pub fn done(app: &App, args: DoneArgs) -> anyhow::Result<()> {
    let on = day(app, args.on.as_deref(), "--on")?;
    settle(app, &args.id, PromiseStatus::Kept, on, None)
}

/// Marks a promise broken.
pub fn broke(app: &App, args: BrokeArgs) -> anyhow::Result<()> {
    let on = day(app, args.on.as_deref(), "--on")?;
    let note = args.note.as_deref().map(|n| text::text("--note", n)).transpose()?;
    settle(app, &args.id, PromiseStatus::Broken, on, note)
}

/// Records a renegotiated due date; the history keeps both.
pub fn move_due(app: &App, args: MoveArgs) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let to = dates::parse_day(&args.due, today, Lean::Future).context("--due")?;
    let note = text::text("--note", &args.note)?;
    app.change_part(
        to_whom(&args.id, lang),
        |net, ()| {
            let i = super::by_number(net, &args.id, lang)?;
            let p = &mut net.promises[i];
            let n = p.n;
            if !p.is_open() {
                let status = p.status.label(lang).to_string();
                anyhow::bail!(t!(
                    lang,
                    "promise #{n} is already {status}; only open promises can move",
                    "janji #{n} sudah {status}; hanya janji terbuka yang bisa dipindah"
                ));
            }
            if to == p.due {
                anyhow::bail!(t!(lang, "promise #{n} is already due {to}", "tenggat janji #{n} memang sudah {to}"));
            }
            let from = p.due;
            p.move_due(to, today, note);
            Ok(Change::Save((i, from)))
        },
        |net, (i, from)| {
            let p = &net.promises[i];
            if app.ui.json {
                app.ui.json_value(p)?;
            }
            let n = p.n;
            app.ui.info(t!(lang, "Promise #{n} moved from {from} to {to}", "Janji #{n} dipindah dari {from} ke {to}"));
            Ok(())
        },
    )
}

/// Finds promise `id` in the network's outline and picks the person it was made to,
/// the one contact a change of it reads whole (the report names them).
fn to_whom(id: &str, lang: Lang) -> impl Fn(&Outline) -> anyhow::Result<(Wanted, ())> + '_ {
    move |outline| {
        let i = super::by_number(&outline.rest, id, lang)?;
        let person = outline.contact_index(&outline.rest.promises[i].contact);
        Ok((Wanted::new(person, []), ()))
    }
}

fn day(app: &App, s: Option<&str>, flag: &str) -> anyhow::Result<NaiveDate> {
    let today = app.clock.today;
    match s {
        Some(s) => Ok(dates::parse_past_day(s, today).with_context(|| flag.to_string())?),
        None => Ok(today),
    }
}

fn settle(app: &App, id: &str, status: PromiseStatus, on: NaiveDate, note: Option<String>) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    app.change_part(
        to_whom(id, lang),
        |net, ()| {
            let i = super::by_number(net, id, lang)?;
            let p = &mut net.promises[i];
            let n = p.n;
            if !p.is_open() {
                let was = p.status.label(lang).to_string();
                anyhow::bail!(t!(
                    lang,
                    "promise #{n} is already {was}; nothing changed",
                    "janji #{n} sudah {was}; tidak ada yang berubah"
                ));
            }
            if on < p.made_on {
                let made = p.made_on;
                anyhow::bail!(t!(
                    lang,
                    "--on {on} is before the promise was made ({made})",
                    "--on {on} sebelum janji dibuat ({made})"
                ));
            }
            p.settle(status, on);
            if note.is_some() {
                p.note = note;
            }
            Ok(Change::Save(i))
        },
        |net, i| {
            if app.ui.json {
                app.ui.json_value(&net.promises[i])?;
            }
            app.ui.info(crate::views::promise::line(&net.promises[i], net, today, lang));
            Ok(())
        },
    )
}
