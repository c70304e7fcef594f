//! `jejaring intro ask A --to B`: you asked A to introduce you to B.

use crate::app::{App, Change};
use crate::dates::{self, Lean};
use crate::model::link::{DEFAULT_WAIT_DAYS, Intro};
use crate::model::promise::next_number;
use crate::t;
use anyhow::Context;
use chrono::Days;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Whom you asked (the introducer)
    pub via: String,
    /// Whom you want to meet
    #[arg(long, value_name = "CONTACT")]
    pub to: String,
    /// When to ask again if nothing has happened [default: in two weeks]
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// A note: what you asked, why
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When you asked [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let (asked, note) = super::day_and_note(args.on.as_deref(), args.note.as_deref(), today)?;
    let due = match &args.due {
        Some(s) => dates::parse_day(s, today, Lean::Future).context("--due")?,
        None => asked.checked_add_days(Days::new(DEFAULT_WAIT_DAYS)).unwrap_or(asked),
    };
    if due < asked {
        anyhow::bail!(t!(
            lang,
            "--due {due} is before the day you asked ({asked}); give a later day",
            "--due {due} sebelum hari Anda meminta ({asked}); berikan tanggal yang lebih lambat"
        ));
    }
    app.change(
        |net| {
            let (via, to) = super::pair(net, &args.via, &args.to, lang)?;
            if let Some(i) = super::open_request(net, &via, &to) {
                let (n, on) = (net.intros[i].n, net.intros[i].asked_on);
                anyhow::bail!(t!(
                    lang,
                    "you already asked for this introduction on {on} (#{n}); log it with `jejaring intro done` or close it with `jejaring intro dropped`",
                    "Anda sudah meminta perkenalan ini pada {on} (#{n}); catat dengan `jejaring intro done` atau tutup dengan `jejaring intro dropped`"
                ));
            }
            let n = next_number(net.intros.iter().map(|i| i.n));
            let intro = Intro { note, ..Intro::new(n, via, to, asked, due, app.clock.now) };
            net.intros.push(intro.clone());
            Ok(Change::Save(intro))
        },
        |net, intro| {
            if app.ui.json {
                app.ui.json_value(&intro)?;
            }
            let (via, to, n, due) = (super::name(net, &intro.via), super::name(net, &intro.to), intro.n, intro.due);
            app.ui.info(t!(
                lang,
                "Asked {via} to introduce you to {to} (#{n}). If nothing has happened by {due}, the coach will suggest asking again, kindly.",
                "Meminta {via} memperkenalkan Anda kepada {to} (#{n}). Bila belum terjadi apa-apa sampai {due}, pelatih akan menyarankan bertanya lagi dengan ramah."
            ));
            Ok(())
        },
    )
}
