//! `jejaring sync`, `sync setup` and `sync status`: two-way sync with the phone's
//! address book (CardDAV) and reminders pushed to a calendar (CalDAV).
//!
//! The sync reads the network without keeping its lock, talks to the server, and only
//! then opens the data file for writing to apply what it learned (see `sync::apply`),
//! so other jejaring commands never wait on the network.

use crate::app::{App, Change};
use crate::errors::UsageError;
use crate::i18n::Lang;
use crate::sync::dav::{Dav, DavError};
use crate::sync::discover::{self, Found};
use crate::sync::engine::{self, Report};
use crate::sync::{SyncState, apply, calendar};
use crate::{t, tn};
use anyhow::anyhow;
use serde::Serialize;

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
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    Setup(SetupArgs),
    Status(StatusArgs),
}

/// Connect jejaring to a CardDAV server (the server's address or an address book's)
///
/// The password is never stored: it comes from --password-command (run at each sync;
/// its output is the password) or from JEJARING_SYNC_PASSWORD.
#[derive(Debug, clap::Args)]
pub struct SetupArgs {
    /// The server's address or an address book's
    pub url: String,
    /// The user name on the server
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// A command whose output is the password, run at each sync
    #[arg(long, value_name = "CMD")]
    pub password_command: Option<String>,
    /// A calendar jejaring owns, for reminders (its events are replaced at each sync)
    #[arg(long, value_name = "URL")]
    pub calendar: Option<String>,
    /// Make an address book (and the calendar) named jejaring when there is none
    #[arg(long)]
    pub create: bool,
    /// Do not check the server's certificate (only for a server you trust)
    #[arg(long)]
    pub insecure: bool,
}

/// Show the server, the last sync and what is waiting to be sent
#[derive(Debug, clap::Args)]
pub struct StatusArgs {}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    match args.action {
        Some(Action::Setup(a)) => setup(app, a),
        Some(Action::Status(_)) => status(app),
        None => sync(app, args.dry_run),
    }
}

/// The password: from the command (its first line), else from the environment.
fn password(command: Option<&str>, lang: Lang) -> anyhow::Result<Option<String>> {
    if let Some(cmd) = command {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .stderr(std::process::Stdio::inherit())
            .output()
            .map_err(|e| {
            anyhow!(t!(
                lang,
                "could not run the password command: {e}",
                "perintah kata sandi tidak bisa dijalankan: {e}"
            ))
        })?;
        if !out.status.success() {
            return Err(anyhow!(t!(
                lang,
                "the password command failed; check it with --password-command",
                "perintah kata sandi gagal; periksa --password-command"
            )));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        return Ok(Some(text.lines().next().unwrap_or_default().to_string()));
    }
    Ok(std::env::var("JEJARING_SYNC_PASSWORD").ok())
}

/// Words a server problem in the user's language, with what to check.
fn explain(e: DavError, lang: Lang) -> anyhow::Error {
    anyhow!(match e {
        DavError::Auth { server } => t!(
            lang,
            "{server} refused the user name or password; check --user and the password (JEJARING_SYNC_PASSWORD or --password-command)",
            "{server} menolak nama pengguna atau kata sandi; periksa --user dan kata sandinya (JEJARING_SYNC_PASSWORD atau --password-command)"
        ),
        DavError::NotDav { url } => t!(
            lang,
            "{url} is not a CardDAV server or address book; check the URL (see `jejaring sync setup --help`)",
            "{url} bukan server atau buku alamat CardDAV; periksa URL-nya (lihat `jejaring sync setup --help`)"
        ),
        DavError::Status { server, status, what } => t!(
            lang,
            "{server} answered {status} to {what}; check the server and try again",
            "{server} menjawab {status} untuk {what}; periksa servernya lalu coba lagi"
        ),
        DavError::Malformed { server, detail } => t!(
            lang,
            "{server} sent an answer that is not valid WebDAV ({detail}); check that the URL is a CardDAV server",
            "{server} mengirim jawaban yang bukan WebDAV yang sah ({detail}); periksa bahwa URL-nya server CardDAV"
        ),
        DavError::Connect { server, detail } => t!(
            lang,
            "could not talk to {server} ({detail}); check the address and your connection",
            "tidak bisa berbicara dengan {server} ({detail}); periksa alamat dan koneksi Anda"
        ),
        DavError::Timeout { server } => t!(
            lang,
            "{server} did not answer in time; check your connection and try again",
            "{server} tidak menjawab tepat waktu; periksa koneksi Anda lalu coba lagi"
        ),
        DavError::Tls { server, detail } => t!(
            lang,
            "the secure connection to {server} failed ({detail}); check the address, or pass --insecure to `sync setup` only for a server you trust",
            "koneksi aman ke {server} gagal ({detail}); periksa alamatnya, atau berikan --insecure ke `sync setup` hanya untuk server yang Anda percaya"
        ),
    })
}

fn warn_insecure(app: &App, insecure: bool) {
    if insecure {
        app.ui.warn(t!(
            app.ui.lang,
            "warning: the server's certificate is not checked (--insecure)",
            "peringatan: sertifikat server tidak diperiksa (--insecure)"
        ));
    }
}

fn setup(app: &App, a: SetupArgs) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    if a.url.split_once("://").is_some_and(|(_, rest)| rest.split('/').next().unwrap_or_default().contains('@')) {
        return Err(UsageError(t!(
            lang,
            "put the user name in --user, not in the URL (and never the password)",
            "tulis nama pengguna di --user, bukan di URL (dan jangan pernah kata sandinya)"
        ))
        .into());
    }
    if !a.url.starts_with("http://") && !a.url.starts_with("https://") {
        let url = &a.url;
        return Err(UsageError(t!(
            lang,
            "{url} is not a web address; start it with https://",
            "{url} bukan alamat web; awali dengan https://"
        ))
        .into());
    }
    warn_insecure(app, a.insecure);
    let pw = password(a.password_command.as_deref(), lang)?;
    let dav = Dav::new(a.user.as_deref(), pw.as_deref(), a.insecure);
    let book = match discover::address_book(&dav, &a.url).map_err(|e| explain(e, lang))? {
        Found::Book(url) => url,
        Found::Several(books) => {
            let list: Vec<String> = books
                .iter()
                .map(|(url, name)| match name {
                    Some(n) => format!("  {url} ({n})"),
                    None => format!("  {url}"),
                })
                .collect();
            let list = list.join("\n");
            return Err(UsageError(t!(
                lang,
                "the account has several address books; run setup again with the one to sync:\n{list}",
                "akun ini punya beberapa buku alamat; jalankan setup lagi dengan yang mau disinkronkan:\n{list}"
            ))
            .into());
        }
        Found::None { home } => {
            let create = a.create
                || match app.prompter() {
                    Some(mut p) => {
                        use crate::prompt::Prompter;
                        p.confirm(
                            &t!(
                                lang,
                                "The account has no address book. Make one named jejaring?",
                                "Akun ini belum punya buku alamat. Buat satu bernama jejaring?"
                            ),
                            true,
                        )?
                    }
                    None => false,
                };
            if !create {
                return Err(UsageError(t!(
                    lang,
                    "the account has no address book; pass --create to make one named jejaring",
                    "akun ini belum punya buku alamat; berikan --create untuk membuat satu bernama jejaring"
                ))
                .into());
            }
            discover::create(&dav, &home, "jejaring", false).map_err(|e| explain(e, lang))?
        }
    };
    let calendar = match &a.calendar {
        Some(url) => Some(discover::calendar(&dav, url, a.create).map_err(|e| explain(e, lang))?),
        None => None,
    };
    app.change(
        |net| {
            let same_book = net.sync.as_ref().is_some_and(|s| s.addressbook == book);
            let mut state = match net.sync.take() {
                // Same address book: what is known about its cards stays.
                Some(s) if same_book => s,
                _ => SyncState::new(book.clone()),
            };
            if state.calendar != calendar {
                state.events.clear();
            }
            state.user = a.user;
            state.password_command = a.password_command;
            state.calendar = calendar.clone();
            state.insecure = a.insecure;
            net.sync = Some(state);
            Ok(Change::Save(()))
        },
        |_, ()| {
            if app.ui.json {
                app.ui.json_value(&serde_json::json!({ "addressbook": book, "calendar": calendar }))?;
            } else {
                app.ui.info(t!(lang, "Sync set up with {book}", "Sinkron disiapkan dengan {book}"));
                if let Some(c) = &calendar {
                    app.ui.info(t!(lang, "Reminders go to {c}", "Pengingat dikirim ke {c}"));
                }
                app.ui.info(t!(
                    lang,
                    "Run `jejaring sync` to sync now.",
                    "Jalankan `jejaring sync` untuk sinkron sekarang."
                ));
            }
            Ok(())
        },
    )
}

fn not_set_up(lang: Lang) -> anyhow::Error {
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

fn sync(app: &App, dry_run: bool) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    // Read without keeping the lock: the network is not held while the server answers.
    let net = app.open_read()?.into_network();
    let state = net.sync.clone().filter(|s| !s.addressbook.is_empty()).ok_or_else(|| not_set_up(lang))?;
    warn_insecure(app, state.insecure);
    let pw = password(state.password_command.as_deref(), lang)?;
    let dav = Dav::new(state.user.as_deref(), pw.as_deref(), state.insecure);
    let now = app.clock.now;
    let bar = Bar(app.ui.quiet || app.ui.json, indicatif::ProgressBar::hidden());
    let outcome = engine::sync(&dav, &net, now, lang, dry_run, &bar).map_err(|e| explain(e, lang))?;
    bar.1.finish_and_clear();
    let (events, counts) = match &state.calendar {
        Some(url) => {
            calendar::push(&dav, url, &net, &state.events, now, lang, dry_run).map_err(|e| explain(e, lang))?
        }
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
        let field = crate::sync::merge::label(c.field, lang);
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

fn status(app: &App) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let store = app.open_read()?;
    let net = &store.net;
    let state = net.sync.as_ref().filter(|s| !s.addressbook.is_empty()).ok_or_else(|| not_set_up(lang))?;
    let linked: std::collections::HashSet<_> = state.cards.iter().map(|c| c.contact).collect();
    let new = net.contacts.iter().filter(|c| !linked.contains(&c.id) && !state.kept.contains(&c.id)).count();
    let edited = state
        .cards
        .iter()
        .filter(|card| net.contact(&card.contact).is_some_and(|c| crate::sync::Fields::of(c) != card.base))
        .count();
    let removed = state.cards.iter().filter(|card| net.contact(&card.contact).is_none()).count();
    let last = state.last_sync.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string());
    if app.ui.json {
        app.ui.json_value(&serde_json::json!({
            "addressbook": state.addressbook,
            "calendar": state.calendar,
            "user": state.user,
            "last_sync": state.last_sync,
            "cards": state.cards.len(),
            "pending": { "new": new, "edited": edited, "removed": removed },
            "kept": state.kept.len(),
        }))?;
        return Ok(());
    }
    let book = &state.addressbook;
    app.ui.line(t!(lang, "Address book: {book}", "Buku alamat: {book}"))?;
    if let Some(c) = &state.calendar {
        app.ui.line(t!(lang, "Calendar:     {c}", "Kalender:    {c}"))?;
    }
    let last = last.unwrap_or_else(|| t!(lang, "never", "belum pernah"));
    app.ui.line(t!(lang, "Last sync:    {last}", "Sinkron terakhir: {last}"))?;
    let cards = state.cards.len();
    app.ui.line(tn!(
        lang,
        cards,
        "Linked:       {cards} card",
        "Linked:       {cards} cards",
        "Tertaut:     {cards} kartu"
    ))?;
    app.ui.line(t!(
        lang,
        "Waiting to be sent: {new} new, {edited} edited, {removed} removed",
        "Menunggu dikirim: {new} baru, {edited} diubah, {removed} dihapus"
    ))?;
    Ok(())
}
