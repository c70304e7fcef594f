//! `jejaring sync setup`: finds the address book (and checks the calendar) on the
//! server, then records where they are; the password is never stored.

use super::server::{LimitArgs, in_clear, password, warn_in_clear, warn_insecure};
use crate::app::{App, Change};
use crate::errors::UsageError;
use crate::i18n::Lang;
use crate::model::Network;
use crate::model::sync::{SyncState, same_collection};
use crate::sync::calendar;
use crate::sync::dav::{self, Dav, DavError};
use crate::sync::discover::{self, Found};
use crate::{t, tn};

/// Connect jejaring to a CardDAV server (the server's address or an address book's)
///
/// The password is never stored: it comes from --password-command (run at each sync;
/// its output is the password), from JEJARING_SYNC_PASSWORD, or is asked for on a
/// terminal. It goes only to the server given here: a redirect to another server is
/// shown and needs a yes (or --follow-redirect), and plain http to another machine
/// needs --allow-insecure-http.
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
    /// A calendar jejaring owns, for reminders (its events are replaced at each sync);
    /// without a URL, the account's calendar named jejaring-reminders. Without this
    /// flag a calendar set up before is kept
    #[arg(long, value_name = "URL", num_args = 0..=1, default_missing_value = "")]
    pub calendar: Option<String>,
    /// Stop sending reminders, and remove the ones jejaring put in the calendar
    #[arg(long, conflicts_with = "calendar")]
    pub no_calendar: bool,
    /// Go ahead when the URL is another address book than the one synced so far
    #[arg(long)]
    pub switch_book: bool,
    /// Make an address book (and the calendar) named jejaring when there is none
    #[arg(long)]
    pub create: bool,
    /// Do not check the server's certificate (only for a server you trust)
    #[arg(long)]
    pub insecure: bool,
    /// Follow the server to another address (and send it the password) without asking
    #[arg(long)]
    pub follow_redirect: bool,
    /// Allow plain http to another machine, though the password then travels unencrypted
    #[arg(long)]
    pub allow_insecure_http: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// `url` as it is stored and asked: a web address with its scheme written lower-case
/// (schemes are case-insensitive: `HTTPS://` is `https://` from here on, so every check
/// of the scheme, such as plain http or a redirect down to it, and the address stored
/// see one spelling), with no user name or password in it.
fn address(url: &str, lang: Lang) -> anyhow::Result<String> {
    if url.split_once("://").is_some_and(|(_, rest)| rest.split('/').next().unwrap_or_default().contains('@')) {
        return Err(UsageError(t!(
            lang,
            "put the user name in --user, not in the URL (and never the password)",
            "tulis nama pengguna di --user, bukan di URL (dan jangan pernah kata sandinya)"
        ))
        .into());
    }
    dav::web_address(url).ok_or_else(|| {
        UsageError(t!(
            lang,
            "{url} is not a web address; start it with https://",
            "{url} bukan alamat web; awali dengan https://"
        ))
        .into()
    })
}

pub(super) fn setup(app: &App, mut a: SetupArgs) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    a.url = address(&a.url, lang)?;
    // A calendar named by its address is checked the same way, before any server is
    // asked (an empty --calendar asks for the account's own).
    if let Some(calendar) = a.calendar.as_mut().filter(|c| !c.is_empty()) {
        *calendar = address(calendar, lang)?;
    }
    let explicit_calendar = a.calendar.clone().filter(|c| !c.is_empty());
    for url in std::iter::once(&a.url).chain(&explicit_calendar) {
        refuse_in_clear(app, &a, url)?;
    }
    warn_insecure(app, a.insecure);
    let limits = a.limits.limits(lang)?;
    let pw = password(app, a.user.as_deref(), a.password_command.as_deref(), &a.url)?;
    let mut dav = Dav::new(&a.url, a.user.as_deref(), pw.as_deref(), a.insecure, limits);
    if let Some(c) = &explicit_calendar {
        dav.allow(c);
    }
    let book = match following(app, &a, &mut dav, |dav| Ok(discover::address_book(dav, &a.url)?))? {
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
            discover::create(&dav, &home, "jejaring", false)?
        }
    };
    let old = app.open_read()?.into_network().sync.filter(|s| !s.addressbook.is_empty());
    let same_book = old.as_ref().is_some_and(|s| same_collection(&s.addressbook, &book));
    if let Some(old) = old.as_ref().filter(|o| !same_book && (!o.cards.is_empty() || o.last_sync.is_some())) {
        confirm_switch(app, old, &book, a.switch_book)?;
    }
    let calendar = match a.calendar.as_deref() {
        _ if a.no_calendar => None,
        Some("") => Some(following(app, &a, &mut dav, |dav| own_calendar(app, dav, &a.url, a.create))?),
        Some(url) => Some(discover::calendar(&dav, url, a.create)?),
        // Setting up again (say, for a new password command) keeps the calendar.
        None => old.as_ref().and_then(|s| s.calendar.clone()),
    };
    // The reminders jejaring put in a calendar it no longer uses are removed: they hold
    // the text of open promises.
    let mut removed = 0;
    if let Some(old) = &old
        && let Some(was) = &old.calendar
        && !calendar.as_deref().is_some_and(|c| same_collection(c, was))
        && !old.events.is_empty()
    {
        // The user chose that calendar when setting it up.
        dav.allow(was);
        // Stopped midway, nothing is saved: the next setup deletes the rest (and finds
        // the ones already deleted gone).
        let pushed = calendar::push(&dav, was, &Network::default(), old, app.clock.now, lang, false);
        if let Some(e) = pushed.failed {
            return Err(e.into());
        }
        removed = pushed.counts.removed;
    }
    let kept_cards = if same_book { old.as_ref().map_or(0, |s| s.cards.len()) } else { 0 };
    app.change(
        |net| {
            let mut state = match net.sync.take() {
                // Same address book, however spelled: what is known about its cards stays.
                Some(s) if same_collection(&s.addressbook, &book) => s,
                // Another book: its cards are new to jejaring, but the people deleted on
                // the phone stay off it, --only stays chosen, and the calendar's events
                // stay known.
                Some(s) => SyncState {
                    kept: s.kept,
                    only: s.only,
                    calendar: s.calendar,
                    events: s.events,
                    ..SyncState::new(book.clone())
                },
                None => SyncState::new(book.clone()),
            };
            state.addressbook = book.clone();
            if !state.calendar.as_deref().zip(calendar.as_deref()).is_some_and(|(a, b)| same_collection(a, b)) {
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
                app.ui.json_value(&serde_json::json!({
                    "addressbook": book,
                    "calendar": calendar,
                    "cards_kept": kept_cards,
                    "reminders_removed": removed,
                }))?;
            } else {
                app.ui.info(t!(lang, "Sync set up with {book}", "Sinkron disiapkan dengan {book}"));
                if kept_cards > 0 {
                    let n = kept_cards;
                    app.ui.info(tn!(
                        lang,
                        n,
                        "The same address book as before: what is known about its {n} card stays.",
                        "The same address book as before: what is known about its {n} cards stays.",
                        "Buku alamat yang sama seperti sebelumnya: yang diketahui tentang {n} kartunya tetap."
                    ));
                }
                if removed > 0 {
                    let n = removed;
                    app.ui.info(tn!(
                        lang,
                        n,
                        "Removed the {n} reminder jejaring had put in the calendar it no longer uses.",
                        "Removed the {n} reminders jejaring had put in the calendar it no longer uses.",
                        "{n} pengingat yang ditaruh jejaring di kalender yang tidak dipakai lagi sudah dihapus."
                    ));
                }
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

/// Says what setting up another address book does, and goes ahead only with
/// `--switch-book` or a yes on a terminal.
fn confirm_switch(app: &App, old: &SyncState, book: &str, switch: bool) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let (was, n) = (&old.addressbook, old.cards.len());
    let what = tn!(
        lang,
        n,
        "{book} is another address book than the one synced so far ({was}): jejaring forgets its link to the {n} card there (which stays on that server as it is), and the next sync sends your contacts to the new one, matching cards already there by UID, email or phone",
        "{book} is another address book than the one synced so far ({was}): jejaring forgets its links to the {n} cards there (which stay on that server as they are), and the next sync sends your contacts to the new one, matching cards already there by UID, email or phone",
        "{book} adalah buku alamat lain dari yang disinkronkan selama ini ({was}): jejaring melupakan tautannya ke {n} kartu di sana (yang tetap ada di server itu), dan sinkron berikutnya mengirim kontak Anda ke buku yang baru, mencocokkan kartu yang sudah ada lewat UID, email, atau telepon"
    );
    if switch {
        app.ui.info(what);
        return Ok(());
    }
    if let Some(mut p) = app.prompter() {
        use crate::prompt::Prompter;
        app.ui.info(&what);
        if p.confirm(&t!(lang, "Switch to the new address book?", "Pindah ke buku alamat yang baru?"), false)? {
            return Ok(());
        }
        return Err(UsageError(t!(lang, "nothing changed", "tidak ada yang berubah")).into());
    }
    Err(UsageError(t!(
        lang,
        "{what}; pass --switch-book to go ahead",
        "{what}; berikan --switch-book untuk melanjutkan"
    ))
    .into())
}

/// The name of the calendar jejaring makes for its reminders: not `jejaring`, which an
/// address book made by setup may already be called in the same home.
const CALENDAR_NAME: &str = "jejaring-reminders";

/// Finds the account's calendar for reminders by CalDAV discovery from `url`: the one
/// named `jejaring-reminders` (by its address or its display name). Never another of
/// the user's calendars, since jejaring replaces the events of the one it owns. When
/// there is none it is made, with `--create` or a yes on a terminal.
fn own_calendar(app: &App, dav: &Dav, url: &str, create: bool) -> anyhow::Result<String> {
    let lang = app.ui.lang;
    let found = discover::collection_of(dav, url, discover::CALENDAR)?;
    let (home, calendars) = match found {
        Found::None { home } => (home, Vec::new()),
        Found::Book(url) => (parent(&url), vec![(url, None)]),
        Found::Several(list) => (list.first().map(|(u, _)| parent(u)).unwrap_or_default(), list),
    };
    let ours = calendars.into_iter().find(|(url, name)| {
        url.trim_end_matches('/').rsplit('/').next() == Some(CALENDAR_NAME) || name.as_deref() == Some(CALENDAR_NAME)
    });
    if let Some((url, _)) = ours {
        return Ok(url);
    }
    let create = create
        || match app.prompter() {
            Some(mut p) => {
                use crate::prompt::Prompter;
                p.confirm(
                    &t!(
                        lang,
                        "The account has no calendar named {CALENDAR_NAME}. Make one for the reminders?",
                        "Akun ini belum punya kalender bernama {CALENDAR_NAME}. Buat satu untuk pengingat?"
                    ),
                    true,
                )?
            }
            None => false,
        };
    if !create {
        return Err(UsageError(t!(
            lang,
            "the account has no calendar named {CALENDAR_NAME}; pass --create to make one, or give --calendar URL",
            "akun ini belum punya kalender bernama {CALENDAR_NAME}; berikan --create untuk membuatnya, atau --calendar URL"
        ))
        .into());
    }
    Ok(discover::create(dav, &home, CALENDAR_NAME, true)?)
}

/// Refuses plain http to another machine when a password would travel, unless the user
/// allowed it; says so when allowed.
fn refuse_in_clear(app: &App, a: &SetupArgs, url: &str) -> anyhow::Result<()> {
    if !in_clear(url, a.user.as_deref()) {
        return Ok(());
    }
    if a.allow_insecure_http {
        warn_in_clear(app, url, a.user.as_deref());
        return Ok(());
    }
    let lang = app.ui.lang;
    let host = dav::host(url);
    Err(UsageError(t!(
        lang,
        "{url} is plain http, so the password would travel unencrypted to {host}; use https://, or pass --allow-insecure-http if you accept that",
        "{url} memakai http biasa, jadi kata sandi akan terkirim tanpa enkripsi ke {host}; pakai https://, atau berikan --allow-insecure-http jika Anda menerimanya"
    ))
    .into())
}

/// Runs a discovery step; when the server sends jejaring to another server, shows
/// where and goes on only with the user's yes on a terminal or --follow-redirect (never
/// silently), then with that server allowed. A redirect down to plain http is never
/// followed (see `discover`).
fn following<T>(
    app: &App,
    a: &SetupArgs,
    dav: &mut Dav,
    step: impl Fn(&Dav) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let lang = app.ui.lang;
    for _ in 0..3 {
        let err = match step(dav) {
            Ok(found) => return Ok(found),
            Err(e) => e,
        };
        let Some(DavError::Elsewhere { from, to }) = err.downcast_ref::<DavError>().cloned() else {
            return Err(err);
        };
        refuse_in_clear(app, a, &to)?;
        let yes = if a.follow_redirect {
            app.ui.info(t!(
                lang,
                "Following {from} to {to} (--follow-redirect)",
                "Mengikuti {from} ke {to} (--follow-redirect)"
            ));
            true
        } else if let Some(mut p) = app.prompter() {
            use crate::prompt::Prompter;
            p.confirm(
                &t!(
                    lang,
                    "{from} sends jejaring to {to}, another server. Send your user name and password there?",
                    "{from} mengarahkan jejaring ke {to}, server lain. Kirim nama pengguna dan kata sandi Anda ke sana?"
                ),
                false,
            )?
        } else {
            false
        };
        if !yes {
            return Err(err);
        }
        dav.allow(&to);
    }
    Err(anyhow::Error::from(DavError::NotDav { url: a.url.clone() }))
}

/// The collection a collection's URL sits in.
fn parent(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    trimmed.rsplit_once('/').map_or_else(|| url.to_string(), |(parent, _)| format!("{parent}/"))
}
