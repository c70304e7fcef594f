//! `jejaring goal link`: the people who matter to a goal (step 3 proposes them).

use super::fields::goal_index;
use crate::app::{App, Change};
use crate::commands::resolve;
use crate::t;

/// Link contacts to a goal (or unlink them with --remove)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Goal number, id or part of its title
    pub goal: String,
    /// Contacts: handle, name, prefix or fuzzy match
    #[arg(required = true, value_name = "CONTACT")]
    pub contacts: Vec<String>,
    /// Unlink these contacts instead
    #[arg(long)]
    pub remove: bool,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    app.change(
        |net| {
            let i = goal_index(net, &args.goal, lang)?;
            // Resolve every name first, so one unknown name changes nothing.
            let mut ids = Vec::new();
            for q in &args.contacts {
                let c = &net.contacts[resolve::contact(net, q, lang)?];
                if !ids.contains(&c.id) {
                    ids.push(c.id);
                }
            }
            let names: Vec<&str> = ids.iter().filter_map(|id| net.contact(id)).map(|c| c.name.as_str()).collect();
            let names = names.join(", ");
            let g = &mut net.goals[i];
            let n = g.number;
            let before = g.contacts.len();
            if args.remove {
                if ids.iter().any(|id| !g.contacts.contains(id)) {
                    anyhow::bail!(t!(
                        lang,
                        "not all of {names} are linked to goal {n}; nothing changed",
                        "tidak semua dari {names} terkait tujuan {n}; tidak ada yang berubah"
                    ));
                }
                g.contacts.retain(|c| !ids.contains(c));
            } else {
                for id in ids {
                    if !g.contacts.contains(&id) {
                        g.contacts.push(id);
                    }
                }
            }
            match g.contacts.len() != before {
                true => Ok(Change::Save((i, names, true))),
                false => Ok(Change::Unchanged((i, names, false))),
            }
        },
        |net, (i, names, changed)| {
            let g = &net.goals[i];
            let (n, total) = (g.number, g.contacts.len());
            if app.ui.json {
                app.ui.json_value(g)?;
            }
            if !changed {
                app.ui.info(t!(
                    lang,
                    "Goal {n}: already so; nothing changed",
                    "Tujuan {n}: sudah begitu; tidak ada yang berubah"
                ));
            } else if args.remove {
                app.ui.info(t!(
                    lang,
                    "Goal {n}: unlinked {names} ({total} linked)",
                    "Tujuan {n}: {names} dilepas ({total} terkait)"
                ));
            } else {
                app.ui.info(t!(
                    lang,
                    "Goal {n}: linked {names} ({total} linked)",
                    "Tujuan {n}: {names} ditautkan ({total} terkait)"
                ));
            }
            Ok(())
        },
    )
}
