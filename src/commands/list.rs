//! `jejaring list`: the network as a table (or JSON), filtered and sorted.

use super::words;
use crate::app::App;
use crate::model::{Circle, Contact, Stage, text};
use crate::t;
use chrono::NaiveDate;
use serde::Serialize;

/// List contacts
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this circle (repeatable)
    #[arg(long, value_enum)]
    pub circle: Vec<Circle>,
    /// Only this stage (repeatable)
    #[arg(long, value_enum)]
    pub stage: Vec<Stage>,
    /// Only contacts with this tag (repeatable: all must match)
    #[arg(long)]
    pub tag: Vec<String>,
    /// Only contacts whose name, org, role, emails, tags or notes contain TEXT
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Sort order
    #[arg(long, value_enum, default_value_t = Sort::Name)]
    pub sort: Sort,
    /// Show at most N contacts
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// By name
    Name,
    /// Most recently talked to first
    Recent,
    /// Most recently added first
    Added,
}

/// One row of `list --json`: the contact and the day you last talked.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    contact: &'a Contact,
    last_contact: Option<NaiveDate>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let store = app.open_read()?;
    let net = &store.net;
    let tags: Vec<String> = args.tag.iter().map(|t| text::fold(t.trim())).collect();
    let needle = args.search.as_deref().map(|s| text::fold(s.trim()));
    let last = net.last_contacted();

    let mut rows: Vec<Row> = net
        .contacts
        .iter()
        .filter(|c| args.circle.is_empty() || args.circle.contains(&c.circle))
        .filter(|c| args.stage.is_empty() || args.stage.contains(&c.stage))
        .filter(|c| tags.iter().all(|t| c.tags.iter().any(|ct| &text::fold(ct) == t)))
        .filter(|c| needle.as_deref().is_none_or(|n| c.mentions(n)))
        .map(|c| Row { contact: c, last_contact: last.get(&c.id).copied() })
        .collect();
    match args.sort {
        Sort::Name => {
            let mut keyed: Vec<(String, Row)> = rows.into_iter().map(|r| (text::fold(&r.contact.name), r)).collect();
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            rows = keyed.into_iter().map(|(_, r)| r).collect();
        }
        Sort::Recent => rows.sort_by_key(|r| std::cmp::Reverse(r.last_contact)),
        Sort::Added => rows.sort_by_key(|r| std::cmp::Reverse(r.contact.added)),
    }
    if let Some(n) = args.limit {
        rows.truncate(n);
    }

    if app.ui.json {
        app.ui.json_value(&rows)?;
        return Ok(());
    }
    if rows.is_empty() {
        if net.contacts.is_empty() {
            app.ui.info(t!(
                lang,
                "No contacts yet. Start with the people you have: `jejaring add-contact \"Name\" --circle friend`",
                "Belum ada kontak. Mulailah dari orang yang sudah Anda kenal: `jejaring add-contact \"Nama\" --circle friend`"
            ));
        } else {
            app.ui.info(t!(
                lang,
                "No contact matches these filters.",
                "Tidak ada kontak yang cocok dengan filter ini."
            ));
        }
        return Ok(());
    }
    let header = match lang {
        crate::i18n::Lang::En => ["handle", "name", "circle", "stage", "org / role", "last talked"],
        crate::i18n::Lang::Id => ["handle", "nama", "lingkaran", "tahap", "organisasi / peran", "terakhir bicara"],
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let c = r.contact;
            let work = match (&c.org, &c.role) {
                (Some(o), Some(r)) => format!("{o} / {r}"),
                (Some(x), None) | (None, Some(x)) => x.clone(),
                (None, None) => String::new(),
            };
            let last =
                r.last_contact.map(|d| words::ago(d, app.clock.today, lang)).unwrap_or_else(|| words::never(lang));
            vec![
                c.handle.clone(),
                c.name.clone(),
                c.circle.label(lang).to_string(),
                c.stage.label(lang).to_string(),
                work,
                last,
            ]
        })
        .collect();
    app.ui.line(app.ui.render_table(header.iter().map(|s| s.to_string()).collect(), cells))?;
    let (shown, total) = (rows.len(), net.contacts.len());
    app.ui.info(t!(lang, "{shown} of {total} contacts", "{shown} dari {total} kontak"));
    Ok(())
}
