//! `jejaring promise list`: open, overdue or all promises, optionally for one contact.

use crate::app::App;
use crate::commands::resolve;
use crate::model::{Outcome, Promise};
use crate::t;
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this contact's promises
    pub contact: Option<String>,
    /// Only open promises (the default)
    #[arg(long, conflicts_with_all = ["overdue", "all"])]
    pub open: bool,
    /// Only overdue promises
    #[arg(long, conflicts_with = "all")]
    pub overdue: bool,
    /// Every promise, kept and broken too
    #[arg(long)]
    pub all: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    promise: &'a Promise,
    outcome: Outcome,
    contact_name: &'a str,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let only = match &args.contact {
        Some(q) => Some(net.contacts[resolve::contact(net, q, lang)?].id),
        None => None,
    };
    let mut rows: Vec<Row> = net
        .promises
        .iter()
        .filter(|p| only.is_none_or(|id| p.contact == id))
        .map(|p| Row {
            promise: p,
            outcome: p.outcome(today),
            contact_name: net.contact(&p.contact).map_or("", |c| c.name.as_str()),
        })
        .filter(|r| match (args.all, args.overdue) {
            (true, _) => true,
            (_, true) => r.outcome == Outcome::Overdue,
            _ => matches!(r.outcome, Outcome::Open | Outcome::Overdue),
        })
        .collect();
    rows.sort_by_key(|r| (r.promise.due, r.promise.n));
    if app.ui.json {
        return Ok(app.ui.json_value(&rows)?);
    }
    if rows.is_empty() {
        app.ui.info(t!(
            lang,
            "No promises here. Record one with `jejaring promise CONTACT \"what\" --due DATE`",
            "Tidak ada janji. Catat dengan `jejaring promise KONTAK \"apa\" --due TANGGAL`"
        ));
    }
    for r in &rows {
        app.ui.line(crate::views::promise::line(r.promise, net, today, lang))?;
    }
    Ok(())
}
