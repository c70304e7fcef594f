//! `jejaring intro`: introductions you ask for — ask, made, dropped, a draft of the
//! message, and the list. A request that waits is yours to follow up, never a broken
//! promise of the introducer's.

mod ask;
mod done;
mod draft;
mod dropped;
mod list;

use super::resolve;
use crate::app::App;
use crate::dates;
use crate::errors::UsageError;
use crate::i18n::Lang;
use crate::model::Network;
use crate::model::link::Intro;
use crate::model::lookup::Lookup;
use crate::model::text;
use crate::t;
use anyhow::Context;
use chrono::NaiveDate;
use uuid::Uuid;

/// Introductions: ask for one, log it, drop it, draft the message
///
/// `jejaring intro ask budi --to dewi` records that you asked Budi to introduce you to
/// Dewi; `intro done budi --to dewi` logs the introduction; `intro draft budi --to dewi`
/// writes the message to send. Without a subcommand, lists your requests.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Sub>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// Record that you asked someone for an introduction
    Ask(ask::Args),
    /// Log an introduction that happened
    Done(done::Args),
    /// Close a request that will not happen, without blame
    Dropped(dropped::Args),
    /// Write the message asking for an introduction, and a blurb about you to forward
    Draft(draft::Args),
    /// List introduction requests
    List(list::Args),
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    match args.command {
        None => list::run(app, list::Args::default()),
        Some(Sub::Ask(a)) => ask::run(app, a),
        Some(Sub::Done(a)) => done::run(app, a),
        Some(Sub::Dropped(a)) => dropped::run(app, a),
        Some(Sub::Draft(a)) => draft::run(app, a),
        Some(Sub::List(a)) => list::run(app, a),
    }
}

/// The introducer and the person to meet, two different contacts.
fn pair(net: &Network, via: &str, to: &str, lang: Lang) -> anyhow::Result<(Uuid, Uuid)> {
    let lookup = Lookup::new(&net.contacts);
    let a = net.contacts[resolve::contact_in(&lookup, via, lang)?].id;
    let b = net.contacts[resolve::contact_in(&lookup, to, lang)?].id;
    if a == b {
        return Err(UsageError(t!(
            lang,
            "the introducer and the person to meet must be two people, as in `jejaring intro ask budi --to dewi`",
            "yang memperkenalkan dan yang ingin ditemui harus dua orang, misalnya `jejaring intro ask budi --to dewi`"
        ))
        .into());
    }
    Ok((a, b))
}

/// The `--on` day (today when not given, never ahead) and the `--note`, read alike by
/// `intro ask`, `intro done` and `intro dropped`.
fn day_and_note(on: Option<&str>, note: Option<&str>, today: NaiveDate) -> anyhow::Result<(NaiveDate, Option<String>)> {
    let day = on.map(|s| dates::parse_past_day(s, today).context("--on")).transpose()?.unwrap_or(today);
    let note = note.map(|n| text::text("--note", n)).transpose()?;
    Ok((day, note))
}

/// A request cannot end (`intro done`, `intro dropped`) before it was made.
fn not_before_asked(intro: &Intro, on: NaiveDate, lang: Lang) -> anyhow::Result<()> {
    if on < intro.asked_on {
        let (n, asked) = (intro.n, intro.asked_on);
        anyhow::bail!(t!(
            lang,
            "--on {on} is before you asked for this introduction (#{n}, on {asked}); give a later day",
            "--on {on} sebelum Anda meminta perkenalan ini (#{n}, pada {asked}); berikan tanggal yang lebih lambat"
        ));
    }
    Ok(())
}

/// The open request asking `via` to introduce you to `to`, if any.
fn open_request(net: &Network, via: &Uuid, to: &Uuid) -> Option<usize> {
    net.intros.iter().position(|i| i.is_open() && &i.via == via && &i.to == to)
}

fn name(net: &Network, id: &Uuid) -> String {
    net.contact(id).map(|c| c.name.clone()).unwrap_or_default()
}
