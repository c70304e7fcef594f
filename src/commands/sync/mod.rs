//! `jejaring sync`, `sync setup` and `sync status`: two-way sync with the phone's
//! address book (CardDAV) and reminders pushed to a calendar (CalDAV).
//!
//! The sync reads the network without keeping its lock, talks to the server, and only
//! then opens the data file for writing to apply what it learned (see `sync::apply`),
//! so other jejaring commands never wait on the network.

mod progress;
mod server;
mod setup;
mod show;
mod status;

use crate::app::{App, Change};
use crate::errors::UsageError;
use crate::i18n::Lang;
use crate::model::Circle;
use crate::model::sync::same_collection;
use crate::sync::apply;
use crate::sync::calendar::{self, CalendarFailed};
use crate::sync::dav::{Dav, DavError, Stopped};
use crate::sync::engine;
use crate::t;
use anyhow::anyhow;
use server::{LimitArgs, password, warn_in_clear, warn_insecure};

pub use setup::SetupArgs;
pub use status::StatusArgs;

/// Sync contacts with your phone's address book (CardDAV) and reminders to a calendar
///
/// Names, emails, phones, organisation, role, addresses, birthday, web pages and the
/// contact's note travel both ways, with circle, stage and cadence as X-JEJARING-*
/// properties. Trust notes, facts, promises, impressions, conversations, goals and
/// reviews never leave this machine. Set up once with `jejaring sync setup URL`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Show who would be linked, added, changed and deleted; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Send to the phone only the contacts in this circle or with this tag (repeat
    /// for several); remembered for later syncs. Cards from the phone always come in,
    /// and contacts already on the phone stay synced
    #[arg(long, value_name = "TAG|CIRCLE", conflicts_with = "all")]
    pub only: Vec<String>,
    /// Forget --only: send every contact to the phone from now on
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    Setup(SetupArgs),
    Status(StatusArgs),
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    match args.action {
        // A setup stopped by --max-time says so, not "the sync".
        Some(Action::Setup(a)) => setup::setup(app, a).map_err(|e| match e.downcast::<DavError>() {
            Ok(e) => e.during(Stopped::Setup).into(),
            Err(e) => e,
        }),
        Some(Action::Status(_)) => status::status(app),
        None => sync(app, args.dry_run, &args.only, args.all, &args.limits),
    }
}
pub(super) fn not_set_up(lang: Lang) -> anyhow::Error {
    UsageError(t!(
        lang,
        "sync is not set up; run `jejaring sync setup URL` first",
        "sinkron belum disiapkan; jalankan `jejaring sync setup URL` dulu"
    ))
    .into()
}
/// The `--only` words as stored (a circle's key, or a tag), each checked: None when
/// none was given (the remembered choice stays).
fn only(lang: Lang, net: &crate::model::Network, words: &[String]) -> anyhow::Result<Option<Vec<String>>> {
    if words.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for w in words {
        let key = match <Circle as clap::ValueEnum>::from_str(w.trim(), true) {
            Ok(circle) => circle.key().to_string(),
            Err(_) => {
                let tag = crate::model::text::tag(w).unwrap_or_else(|_| w.trim().to_lowercase());
                if !net.contacts.iter().any(|c| c.tags.contains(&tag)) {
                    return Err(UsageError(t!(
                        lang,
                        "no circle or tag is called {w:?}; --only takes a circle (friend, colleague, family, other) or a tag someone has",
                        "tidak ada lingkaran atau tag bernama {w:?}; --only menerima lingkaran (teman, kolega, keluarga, lainnya) atau tag yang dimiliki seseorang"
                    ))
                    .into());
                }
                tag
            }
        };
        if !out.contains(&key) {
            out.push(key);
        }
    }
    Ok(Some(out))
}

fn sync(app: &App, dry_run: bool, only_words: &[String], all: bool, limits: &LimitArgs) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    // Read without keeping the lock: the network is not held while the server answers.
    let mut net = app.open_read()?.into_network();
    let mut state = net.sync.clone().filter(|s| !s.addressbook.is_empty()).ok_or_else(|| not_set_up(lang))?;
    let was = state.clone();
    let only = if all { Some(Vec::new()) } else { only(lang, &net, only_words)? };
    // What a time-out says was kept here.
    let mut stopped = Stopped::Sync;
    if let Some(only) = only.filter(|o| o != &state.only) {
        // Saved before the server is asked, so a first sync stopped midway and run
        // again (plainly) goes on sending only what was chosen.
        if !dry_run {
            let chosen = only.clone();
            app.change(
                |net| match net.sync.as_mut() {
                    Some(s) => {
                        s.only = chosen;
                        Ok(Change::Save(()))
                    }
                    None => Ok(Change::Unchanged(())),
                },
                |_, ()| Ok(()),
            )?;
            stopped = Stopped::SyncChoiceSaved;
        }
        state.only = only;
        net.sync = Some(state.clone());
    }
    warn_insecure(app, state.insecure);
    warn_in_clear(app, &state.addressbook, state.user.as_deref());
    let limits = limits.limits(lang)?;
    let pw = password(app, state.user.as_deref(), state.password_command.as_deref(), &state.addressbook)?;
    // The password goes only to the address book's and the calendar's servers, and
    // writes only into those two collections.
    let mut dav = Dav::new(&state.addressbook, state.user.as_deref(), pw.as_deref(), state.insecure, limits);
    let mut ours = vec![state.addressbook.clone()];
    if let Some(calendar) = &state.calendar {
        dav.allow(calendar);
        ours.push(calendar.clone());
    }
    dav.confine_writes(&ours);
    let now = app.clock.now;
    let bar = progress::Bar::new(app, dry_run, !state.only.is_empty());
    let outcome = engine::sync(&dav, &net, now, lang, dry_run, &bar).map_err(|e| e.during(stopped))?;
    bar.finish();
    // The cards are synced: a calendar that fails now does not undo that. Their outcome
    // is saved below with the events as far as the push got, and the error comes after.
    let pushed = match &state.calendar {
        Some(url) => calendar::push(&dav, url, &net, &state, now, lang, dry_run),
        None => calendar::Pushed::default(),
    };
    let failed = pushed.failed.map(|e| CalendarFailed(e.during(Stopped::Calendar)));
    let (events, counts) = (pushed.events, pushed.counts);
    let mut report = outcome.report.clone();
    let changes_here = !outcome.updates.is_empty()
        || !outcome.adds.is_empty()
        || !outcome.removes.is_empty()
        || !outcome.kept.is_empty();
    let state_changed = outcome.state.cards != was.cards
        || outcome.state.token != was.token
        || outcome.state.only != was.only
        || outcome.state.kept != was.kept
        || events != was.events;
    if dry_run || !(changes_here || state_changed) {
        show::print(app, &report, &counts, failed.as_ref(), dry_run)?;
        return calendar_failed(app, failed);
    }
    // Only now is the data file opened for writing, and what changed in it meanwhile
    // is kept (see sync::apply).
    app.change(
        |net| {
            if !net.sync.as_ref().is_some_and(|s| same_collection(&s.addressbook, &state.addressbook)) {
                return Err(anyhow!(t!(
                    lang,
                    "sync was set up with another address book while this sync ran; run `jejaring sync` again",
                    "sinkron disiapkan dengan buku alamat lain saat sinkron ini berjalan; jalankan `jejaring sync` lagi"
                )));
            }
            let mut outcome = outcome;
            outcome.state.events = events;
            Ok(Change::Save(apply::apply(net, outcome, now, lang)))
        },
        |_, late| {
            for name in late.kept.iter().chain(&late.restored) {
                if let Some(i) = report.deleted_here.iter().position(|n| n == name) {
                    report.deleted_here.remove(i);
                }
            }
            report.kept.extend(late.kept);
            report.restored.extend(late.restored);
            show::print(app, &report, &counts, failed.as_ref(), dry_run)
        },
    )?;
    calendar_failed(app, failed)
}

/// The error of a calendar that failed after the cards synced, once their report is
/// out: stdout is written first (`--json`'s report), since a failed command's stdout
/// is otherwise dropped, and this one's contacts were saved.
fn calendar_failed(app: &App, failed: Option<CalendarFailed>) -> anyhow::Result<()> {
    match failed {
        Some(e) => {
            app.ui.flush()?;
            Err(e.into())
        }
        None => Ok(()),
    }
}
