//! `jejaring goal link`: the people who matter to a goal (step 3 proposes them).

use super::fields::goal_index;
use crate::app::App;
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
    let mut store = app.open_write()?;
    let i = goal_index(&store.net, &args.goal, lang)?;
    // Resolve every name first, so one unknown name changes nothing.
    let mut ids = Vec::new();
    for q in &args.contacts {
        let c = &store.net.contacts[resolve::contact(&store.net, q, lang)?];
        if !ids.contains(&c.id) {
            ids.push(c.id);
        }
    }
    let names: Vec<String> = ids.iter().filter_map(|id| store.net.contact(id)).map(|c| c.name.clone()).collect();
    let names = names.join(", ");
    let g = &mut store.net.goals[i];
    let n = g.number;
    let before = g.contacts.len();
    if args.remove {
        let missing: Vec<_> = ids.iter().filter(|id| !g.contacts.contains(id)).collect();
        if !missing.is_empty() {
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
    let changed = g.contacts.len() != before;
    let total = g.contacts.len();
    if app.ui.json {
        app.ui.json_value(&store.net.goals[i])?;
    }
    if !changed {
        app.ui.info(t!(
            lang,
            "Goal {n}: already so; nothing changed",
            "Tujuan {n}: sudah begitu; tidak ada yang berubah"
        ));
        return Ok(());
    }
    app.save(&mut store)?;
    if args.remove {
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
}
