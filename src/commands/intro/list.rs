//! `jejaring intro list`: your introduction requests — open ones first, then how the
//! others ended.

use crate::app::App;
use crate::model::link::{Intro, IntroStatus};
use crate::t;
use crate::ui::style;
use serde::Serialize;

#[derive(Debug, Default, clap::Args)]
pub struct Args {
    /// Also list requests that were made or dropped
    #[arg(long)]
    pub all: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    intro: &'a Intro,
    via_name: String,
    to_name: String,
    /// Open and past its day: time to ask again, kindly.
    ask_again: bool,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let mut list: Vec<&Intro> = net.intros.iter().filter(|i| args.all || i.is_open()).collect();
    list.sort_by_key(|i| (!i.is_open(), i.due, i.n));
    if app.ui.json {
        let rows: Vec<Row> = list
            .iter()
            .map(|i| Row {
                intro: i,
                via_name: super::name(net, &i.via),
                to_name: super::name(net, &i.to),
                ask_again: i.nudge_due(today),
            })
            .collect();
        return Ok(app.ui.json_value(&rows)?);
    }
    if list.is_empty() {
        app.ui.info(t!(
            lang,
            "No introduction requests open. Find who can introduce you with `jejaring path NAME`.",
            "Tidak ada permintaan perkenalan yang terbuka. Cari siapa yang bisa memperkenalkan Anda dengan `jejaring path NAMA`."
        ));
        return Ok(());
    }
    app.ui.line(app.ui.paint(style::HEADING, t!(lang, "Introductions", "Perkenalan")))?;
    for i in list {
        let (n, via, to, asked, due) = (i.n, super::name(net, &i.via), super::name(net, &i.to), i.asked_on, i.due);
        let state = match (&i.status, i.resolved_on) {
            (IntroStatus::Open, _) if i.nudge_due(today) => {
                t!(lang, "waited past {due}: ask again, kindly", "lewat {due}: tanyakan lagi dengan ramah")
            }
            (IntroStatus::Open, _) => t!(lang, "waiting until {due}", "menunggu sampai {due}"),
            (IntroStatus::Done, Some(on)) => t!(lang, "made on {on}", "terjadi pada {on}"),
            (status, on) => {
                let on = on.map(|d| d.to_string()).unwrap_or_default();
                format!("{} {on}", status.label(lang))
            }
        };
        app.ui.line(t!(
            lang,
            "  #{n}  {via} → {to}, asked {asked}: {state}",
            "  #{n}  {via} → {to}, diminta {asked}: {state}"
        ))?;
    }
    Ok(())
}
