//! `jejaring today`: a quiet digest for a shell start-up file or cron. Prints nothing
//! when there is nothing to do.

use super::promise;
use crate::app::App;
use crate::coach::today;
use crate::t;
use serde::Serialize;

/// What is due today (prints nothing when nothing is)
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Planned<'a> {
    contact: uuid::Uuid,
    name: &'a str,
    handle: &'a str,
}

pub fn run(app: &App, _args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let day = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let d = today::digest(net, day);
    let planned: Vec<Planned> = d
        .planned
        .iter()
        .filter_map(|id| net.contact(id))
        .map(|c| Planned { contact: c.id, name: &c.name, handle: &c.handle })
        .collect();
    if app.ui.json {
        #[derive(Serialize)]
        struct Out<'a> {
            promises: &'a [&'a crate::model::Promise],
            planned: &'a [Planned<'a>],
        }
        return Ok(app.ui.json_value(&Out { promises: &d.promises, planned: &planned })?);
    }
    for p in &d.promises {
        app.ui.line(promise::line(p, net, day, lang))?;
    }
    if !planned.is_empty() {
        let names: Vec<&str> = planned.iter().map(|p| p.name).collect();
        let names = names.join(", ");
        app.ui.line(t!(lang, "still to reach this week: {names}", "belum dihubungi minggu ini: {names}"))?;
    }
    Ok(())
}
