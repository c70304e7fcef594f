//! `jejaring sync setup`: finds the address book (and checks the calendar) on the
//! server, then records where they are; the password is never stored.

use super::server::{explain, password, warn_insecure};
use crate::app::{App, Change};
use crate::errors::UsageError;
use crate::sync::SyncState;
use crate::sync::dav::Dav;
use crate::sync::discover::{self, Found};
use crate::t;

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

pub(super) fn setup(app: &App, a: SetupArgs) -> anyhow::Result<()> {
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
