//! `jejaring remove`: delete a contact (asks first on a terminal; `--yes` in scripts).

use super::resolve;
use crate::app::{App, Change};
use crate::errors::UsageError;
use crate::prompt::Prompter;
use crate::t;

/// Remove a contact and their place in logged interactions
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Handle, name, unique prefix or fuzzy match
    pub contact: String,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    // Resolve and ask without holding the lock, then remove by id under it.
    let (id, name, talks) = {
        let net = app.open_read()?.into_network();
        let c = &net.contacts[resolve::contact(&net, &args.contact, lang)?];
        (c.id, c.name.clone(), net.interactions.iter().filter(|i| i.involves(&c.id)).count())
    };
    if !args.yes {
        let Some(mut p) = app.prompter() else {
            return Err(UsageError(t!(
                lang,
                "removing {name} needs confirmation; add --yes",
                "menghapus {name} perlu konfirmasi; tambahkan --yes"
            ))
            .into());
        };
        let question = t!(
            lang,
            "Remove {name} and their part in {talks} logged interactions?",
            "Hapus {name} beserta perannya dalam {talks} interaksi tercatat?"
        );
        if !p.confirm(&question, false)? {
            app.ui.info(t!(lang, "Kept {name}.", "{name} tidak dihapus."));
            return Ok(());
        }
    }
    app.change(
        |net| match net.remove_contact(&id) {
            Some(removed) => Ok(Change::Save(removed)),
            None => anyhow::bail!(t!(
                lang,
                "{name} was removed meanwhile; nothing to do",
                "{name} sudah dihapus; tidak ada yang perlu dilakukan"
            )),
        },
        |_, removed| {
            if app.ui.json {
                app.ui.json_value(&removed)?;
            }
            app.ui.info(t!(lang, "Removed {name}", "{name} dihapus"));
            Ok(())
        },
    )
}
