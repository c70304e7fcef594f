//! `jejaring promise CONTACT "what" --due DATE`: record a commitment.

use crate::app::{App, Change};
use crate::commands::resolve;
use crate::dates::{self, Lean};
use crate::errors::UsageError;
use crate::model::promise::next_number;
use crate::model::{Promise, text};
use crate::store::{Outline, Wanted};
use crate::t;
use anyhow::Context;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Whom you promised (handle, name, prefix or fuzzy)
    #[arg(required = true)]
    pub contact: Option<String>,
    /// What you promised
    #[arg(required = true)]
    pub what: Option<String>,
    /// When it is due: 2026-12-04, fri, in 2 weeks
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// A note (context, what they need it for)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run(app: &App, args: NewArgs) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let (Some(who), Some(what)) = (args.contact, args.what) else {
        return Err(UsageError(t!(
            lang,
            "give the contact and the promise, as in `jejaring promise budi \"send the deck\" --due fri`",
            "berikan kontak dan janjinya, misalnya `jejaring promise budi \"kirim deck\" --due jumat`"
        ))
        .into());
    };
    let Some(due) = args.due else {
        return Err(UsageError(t!(
            lang,
            "missing --due: a promise needs a date, such as --due fri or --due 2026-12-04",
            "--due belum diisi: janji perlu tanggal, misalnya --due jumat atau --due 2026-12-04"
        ))
        .into());
    };
    let due = dates::parse_day(&due, today, Lean::Future).context("--due")?;
    let what = text::text("WHAT", &what)?;
    let note = args.note.as_deref().map(|n| text::text("--note", n)).transpose()?;

    // Whom is found in the network's outline; no contact needs reading whole.
    let choose = |outline: &Outline| {
        let contact = &outline.heads[resolve::head(outline, &who, lang)?];
        Ok((Wanted::default(), (contact.id, contact.name().to_string())))
    };
    app.change_part(
        choose,
        |net, (contact_id, name)| {
            let n = next_number(net.promises.iter().map(|p| p.n));
            let mut promise = Promise::new(n, contact_id, what, today, due, app.clock.now);
            promise.note = note;
            net.promises.push(promise.clone());
            Ok(Change::Save((promise, name)))
        },
        |_, (promise, name)| {
            if app.ui.json {
                app.ui.json_value(&promise)?;
            }
            let n = promise.n;
            if due < today {
                app.ui.warn(t!(
                    lang,
                    "#{n} was already due on {due}; recorded as overdue",
                    "#{n} sudah lewat tenggat sejak {due}; dicatat sebagai terlambat"
                ));
            }
            app.ui.info(t!(lang, "Promise #{n} to {name}, due {due}", "Janji #{n} kepada {name}, jatuh tempo {due}"));
            Ok(())
        },
    )
}
