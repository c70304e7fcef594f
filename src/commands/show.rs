//! `jejaring show`: everything known about one person, with the interaction history.

use super::{resolve, words};
use crate::app::App;
use crate::i18n::Lang;
use crate::model::{Contact, Interaction, Network};
use crate::t;
use crate::ui::style;
use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

/// Show everything about a contact
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Handle, name, unique prefix or fuzzy match
    pub contact: String,
    /// How many past interactions to show (all with --json)
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub history: usize,
}

#[derive(Serialize)]
struct View<'a> {
    contact: &'a Contact,
    last_contact: Option<NaiveDate>,
    next_due: Option<NaiveDate>,
    interactions: Vec<&'a Interaction>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let c = &net.contacts[resolve::contact(net, &args.contact, lang)?];
    let history = net.interactions_with(&c.id);
    let last_contact = history.first().map(|i| i.on);
    let next_due = c.every.map(|every| every.due_after(last_contact.unwrap_or(c.added.date_naive())));

    if app.ui.json {
        return Ok(app.ui.json_value(&View { contact: c, last_contact, next_due, interactions: history })?);
    }
    let ui = &app.ui;
    let mut lines = vec![format!("{}  {}", ui.paint(style::HEADING, &c.name), ui.paint(style::DIM, &c.handle))];
    let mut field = |label: String, value: String| lines.push(format!("  {:<18} {value}", format!("{label}:")));
    field(t!(lang, "circle", "lingkaran"), c.circle.label(lang).to_string());
    field(t!(lang, "stage", "tahap"), c.stage.label(lang).to_string());
    if let Some(v) = &c.org {
        field(t!(lang, "organisation", "organisasi"), v.clone());
    }
    if let Some(v) = &c.role {
        field(t!(lang, "role", "peran"), v.clone());
    }
    for e in &c.emails {
        field("email".into(), e.clone());
    }
    for p in &c.phones {
        field(t!(lang, "phone", "telepon"), p.clone());
    }
    if !c.tags.is_empty() {
        field(t!(lang, "tags", "tag"), c.tags.join(", "));
    }
    match (&c.met_at, c.met_on) {
        (Some(at), Some(on)) => field(t!(lang, "met", "bertemu"), format!("{at} ({on})")),
        (Some(at), None) => field(t!(lang, "met", "bertemu"), at.clone()),
        (None, Some(on)) => field(t!(lang, "met", "bertemu"), on.to_string()),
        (None, None) => {}
    }
    if let Some(v) = &c.impression {
        field(t!(lang, "first impression", "kesan pertama"), v.clone());
    }
    let last =
        last_contact.map(|d| format!("{d} ({})", words::ago(d, today, lang))).unwrap_or_else(|| words::never(lang));
    field(t!(lang, "last talked", "terakhir bicara"), last);
    if let (Some(every), Some(due)) = (c.every, next_due) {
        let when = words::ago(due, today, lang);
        let state = if due < today { ui.paint(style::WARN, t!(lang, "overdue", "terlambat")) } else { String::new() };
        field(
            t!(lang, "keep in touch", "jaga kontak"),
            t!(lang, "every {every}; next {due} ({when}) {state}", "setiap {every}; berikutnya {due} ({when}) {state}")
                .trim_end()
                .to_string(),
        );
    }
    if let Some(v) = &c.note {
        field(t!(lang, "note", "catatan"), v.clone());
    }
    field(t!(lang, "added", "ditambahkan"), c.added.date_naive().to_string());
    for line in lines {
        ui.line(line)?;
    }

    ui.line("")?;
    let total = history.len();
    ui.line(ui.paint(style::HEADING, t!(lang, "Interactions ({total})", "Interaksi ({total})")))?;
    if history.is_empty() {
        let handle = &c.handle;
        ui.line(t!(
            lang,
            "  none yet; log one with `jejaring log {handle} \"what you talked about\"`",
            "  belum ada; catat dengan `jejaring log {handle} \"apa yang dibicarakan\"`"
        ))?;
    }
    for i in history.iter().take(args.history) {
        ui.line(interaction_line(net, i, &c.id, lang))?;
    }
    if total > args.history {
        let more = total - args.history;
        ui.line(t!(lang, "  … {more} more (use --history N)", "  … {more} lagi (pakai --history N)"))?;
    }
    Ok(())
}

/// One line of history: day, kind, who reached out, who else was there, the note.
fn interaction_line(net: &Network, i: &Interaction, me: &Uuid, lang: Lang) -> String {
    let mut line = format!("  {}  {:<11}", i.on, i.kind.label(lang));
    if i.they_reached_out {
        line.push_str(&format!(" [{}]", t!(lang, "they reached out", "mereka menghubungi")));
    }
    let others: Vec<&str> =
        i.contacts.iter().filter(|id| *id != me).filter_map(|id| net.contact(id)).map(|c| c.name.as_str()).collect();
    if !others.is_empty() {
        let others = others.join(", ");
        line.push_str(&format!(" ({})", t!(lang, "with {others}", "bersama {others}")));
    }
    if let Some(text) = &i.text {
        line.push_str("  ");
        line.push_str(&text.replace('\n', " "));
    }
    line
}
