//! `jejaring sync`, `sync setup` and `sync status`: two-way sync with the phone's
//! address book (CardDAV) and reminders pushed to a calendar (CalDAV).
//!
//! The sync reads the network without keeping its lock, talks to the server, and only
//! then opens the data file for writing to apply what it learned (see `sync::apply`),
//! so other jejaring commands never wait on the network.

mod server;
mod setup;
mod status;

use crate::app::{App, Change};
use crate::errors::UsageError;
use crate::i18n::Lang;
use crate::sync::dav::Dav;
use crate::sync::engine::{self, Report};
use crate::sync::{apply, calendar};
use crate::{t, tn};
use anyhow::anyhow;
use serde::Serialize;
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
    /// Show what would happen; change nothing here or on the server
    #[arg(long)]
    pub dry_run: bool,
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
        Some(Action::Setup(a)) => setup::setup(app, a),
        Some(Action::Status(_)) => status::status(app),
        None => sync(app, args.dry_run, &args.limits),
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
#[derive(Serialize)]
struct JsonReport<'a> {
    dry_run: bool,
    pulled: usize,
    pushed: usize,
    merged: usize,
    conflicts: Vec<serde_json::Value>,
    deleted: usize,
    kept: &'a [String],
    skipped: usize,
    events: calendar::Counts,
}

fn sync(app: &App, dry_run: bool, limits: &LimitArgs) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    // Read without keeping the lock: the network is not held while the server answers.
    let net = app.open_read()?.into_network();
    let state = net.sync.clone().filter(|s| !s.addressbook.is_empty()).ok_or_else(|| not_set_up(lang))?;
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
    let bar = Bar(app.ui.quiet || app.ui.json, indicatif::ProgressBar::hidden());
    let outcome = engine::sync(&dav, &net, now, lang, dry_run, &bar)?;
    bar.1.finish_and_clear();
    let (events, counts) = match &state.calendar {
        Some(url) => calendar::push(&dav, url, &net, &state.events, now, lang, dry_run)?,
        None => (Vec::new(), calendar::Counts::default()),
    };
    let mut report = outcome.report.clone();
    let changes_here = !outcome.updates.is_empty()
        || !outcome.adds.is_empty()
        || !outcome.removes.is_empty()
        || !outcome.kept.is_empty();
    let state_changed =
        outcome.state.cards != state.cards || outcome.state.token != state.token || events != state.events;
    if dry_run || !(changes_here || state_changed) {
        return print(app, &report, &counts, dry_run);
    }
    // Only now is the data file opened for writing, and what changed in it meanwhile
    // is kept (see sync::apply).
    app.change(
        |net| {
            if net.sync.as_ref().map(|s| &s.addressbook) != Some(&state.addressbook) {
                return Err(anyhow!(t!(
                    lang,
                    "sync was set up again while this sync ran; run `jejaring sync` again",
                    "sinkron disiapkan ulang saat sinkron ini berjalan; jalankan `jejaring sync` lagi"
                )));
            }
            let mut outcome = outcome;
            outcome.state.events = events;
            Ok(Change::Save(apply::apply(net, outcome, now, lang)))
        },
        |_, late| {
            report.deleted -= late.len();
            report.kept.extend(late);
            print(app, &report, &counts, dry_run)
        },
    )
}

/// How many cards make a sync big enough for a progress bar.
const PROGRESS_FROM: u64 = 200;

/// A progress bar on stderr for large syncs; hidden when stderr is not a terminal.
struct Bar(bool, indicatif::ProgressBar);

impl engine::Progress for Bar {
    fn total(&self, n: u64) {
        if self.0 || n < PROGRESS_FROM {
            return;
        }
        self.1.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        self.1.set_length(n);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}") {
            self.1.set_style(style);
        }
    }

    fn step(&self) {
        self.1.inc(1);
    }
}

fn print(app: &App, r: &Report, events: &calendar::Counts, dry_run: bool) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    if app.ui.json {
        let conflicts = r
            .conflicts
            .iter()
            .map(|(name, c)| serde_json::json!({ "contact": name, "field": c.field, "kept": c.kept, "other": c.other }))
            .collect();
        app.ui.json_value(&JsonReport {
            dry_run,
            pulled: r.pulled,
            pushed: r.pushed,
            merged: r.merged,
            conflicts,
            deleted: r.deleted,
            kept: &r.kept,
            skipped: r.skipped,
            events: events.clone(),
        })?;
        return Ok(());
    }
    for (name, c) in &r.conflicts {
        let field = c.field.label(lang);
        let (kept, other) = (&c.kept, &c.other);
        app.ui.warn(t!(
            lang,
            "conflict: {name}'s {field} changed on both sides; kept {kept:?}, and {other:?} as an extra value or in the note",
            "konflik: {field} {name} berubah di kedua sisi; {kept:?} dipakai, dan {other:?} disimpan sebagai nilai tambahan atau di catatan"
        ));
    }
    for name in &r.kept {
        app.ui.warn(t!(
            lang,
            "kept: {name} was deleted on the phone, but you have history with them",
            "disimpan: {name} dihapus di ponsel, tetapi Anda punya riwayat dengan mereka"
        ));
    }
    if !r.refused.is_empty() {
        let n = r.refused.len();
        let list = r.refused.join(", ");
        app.ui.warn(tn!(
            lang,
            n,
            "the server named {n} card outside the address book, which jejaring ignored: {list}",
            "the server named {n} cards outside the address book, which jejaring ignored: {list}",
            "server menyebut {n} kartu di luar buku alamat, yang diabaikan jejaring: {list}"
        ));
    }
    if r.skipped > 0 {
        let n = r.skipped;
        app.ui.warn(tn!(
            lang,
            n,
            "{n} card on the server is not a person jejaring can read (a group, or no name); left alone",
            "{n} cards on the server are not people jejaring can read (groups, or no name); left alone",
            "{n} kartu di server bukan orang yang bisa dibaca jejaring (grup, atau tanpa nama); dibiarkan"
        ));
    }
    let (pulled, pushed, merged, conflicts, deleted) = (r.pulled, r.pushed, r.merged, r.conflicts.len(), r.deleted);
    app.ui.info(if dry_run {
        t!(
            lang,
            "Dry run, nothing changed: {pulled} to pull, {pushed} to push, {merged} to merge, {conflicts} conflicts, {deleted} to delete",
            "Uji coba, tidak ada yang berubah: {pulled} akan ditarik, {pushed} akan dikirim, {merged} akan digabung, {conflicts} konflik, {deleted} akan dihapus"
        )
    } else {
        t!(
            lang,
            "Synced: {pulled} pulled, {pushed} pushed, {merged} merged, {conflicts} conflicts, {deleted} deleted",
            "Sinkron: {pulled} ditarik, {pushed} dikirim, {merged} digabung, {conflicts} konflik, {deleted} dihapus"
        )
    });
    if events.total() > 0 {
        let (added, updated, removed) = (events.added, events.updated, events.removed);
        app.ui.info(t!(
            lang,
            "Calendar: {added} added, {updated} updated, {removed} removed",
            "Kalender: {added} ditambah, {updated} diperbarui, {removed} dihapus"
        ));
    }
    Ok(())
}
