//! `jejaring brief`: one screen to read five minutes before you meet someone — how you
//! met, what you know and what to ask, open promises, recent talks, trust and warmth.

use super::resolve;
use crate::app::App;
use crate::coach::index::Index;
use crate::coach::reliability;
use crate::t;
use crate::ui::style;
use crate::views::{blocks, contact};

/// A one-screen brief before you meet someone
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Handle, name, unique prefix or fuzzy match
    pub contact: String,
}

/// How many recent conversations a brief shows.
const RECENT_TALKS: usize = 3;

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let c = &net.contacts[resolve::contact(net, &args.contact, lang)?];
    if app.ui.json {
        // The brief is a view of `show`; scripts get the same document.
        return contact::json(app, net, c);
    }
    let index = Index::new(net);
    let ui = &app.ui;
    let work = [c.role.as_deref(), c.org.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
    let mut lines = vec![format!("{}  {}", ui.paint(style::HEADING, &c.name), work)];
    if let Some(met) = contact::met_line(c) {
        lines.push(format!("  {} {met}", t!(lang, "met:", "bertemu:")));
    }
    lines.extend(crate::views::intro::introduced_line(net, c, lang));
    if let Some(imp) = &c.impression {
        lines.push(format!("  {} {imp}", t!(lang, "first impression:", "kesan pertama:")));
    }
    let k = index.knowing(c);
    let rel = reliability::tally(index.promises(&c.id).iter().copied(), today, None);
    let talks = index.interactions(&c.id);
    let mut recent = vec![ui.paint(style::HEADING, t!(lang, "Last conversations", "Percakapan terakhir"))];
    if talks.is_empty() {
        recent.push(t!(lang, "  none logged yet", "  belum ada yang dicatat"));
    }
    recent.extend(talks.iter().take(RECENT_TALKS).map(|i| contact::interaction_line(net, i, &c.id, lang)));
    for block in [
        blocks::knowing(app, &c.name, &k, index.facts(&c.id)),
        blocks::promises(app, net, index.promises(&c.id), false),
        recent,
        blocks::trust(app, index.trust(c), &rel, index.notes(&c.id), 2),
        blocks::warmth(app, &index.warmth(c, today)),
        crate::views::intro::contact_block(app, c, &crate::views::intro::around(net, c, today), false),
    ]
    .into_iter()
    .filter(|b| !b.is_empty())
    {
        lines.push(String::new());
        lines.extend(block);
    }
    for line in lines {
        ui.line(line)?;
    }
    Ok(())
}
