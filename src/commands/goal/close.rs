//! Closing a goal, shared by `goal done` and `goal drop`.

use super::fields::goal_index;
use crate::app::App;
use crate::model::goal::{Closed, Status};
use crate::model::text;
use crate::prompt::Prompter;
use crate::t;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Close {
    Done,
    Drop,
}

pub fn close(app: &App, query: &str, note: Option<String>, how: Close) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let mut note = note.as_deref().map(|n| text::text("--note", n)).transpose()?;
    let mut store = app.open_write()?;
    let i = goal_index(&store.net, query, lang)?;
    let g = &store.net.goals[i];
    let n = g.number;
    if !g.is_active() {
        let status = g.status.label(lang);
        anyhow::bail!(t!(
            lang,
            "goal {n} is already {status}; nothing changed",
            "tujuan {n} sudah {status}; tidak ada yang berubah"
        ));
    }
    if how == Close::Drop
        && note.is_none()
        && let Some(mut p) = app.prompter()
    {
        let q = t!(lang, "Why drop it? (Enter to skip)", "Mengapa dibatalkan? (Enter untuk melewati)");
        note = text::optional_text("--note", &p.text(&q, None)?)?;
    }
    // Closed short of its target is not a success, and the message says so.
    let p = crate::coach::progress::measure(&store.net.goals[i], &store.net, app.clock.today);
    let short = p.target.is_some_and(|t| p.current < t).then(|| super::render::count(&p));
    let g = &mut store.net.goals[i];
    g.status = if how == Close::Done { Status::Done } else { Status::Dropped };
    g.closed = Some(Closed { on: app.clock.today, note });
    let title = g.title.clone();
    if app.ui.json {
        app.ui.json_value(&store.net.goals[i])?;
    }
    app.save(&mut store)?;
    app.ui.info(match (how, short) {
        (Close::Done, Some(reached)) => t!(
            lang,
            "Goal {n} closed at {reached}: {title}. What you reached still counts.",
            "Tujuan {n} ditutup pada {reached}: {title}. Yang sudah tercapai tetap berarti."
        ),
        (Close::Done, None) => t!(
            lang,
            "Goal {n} done: {title}. Well done; what is next?",
            "Tujuan {n} selesai: {title}. Bagus; apa berikutnya?"
        ),
        (Close::Drop, _) => t!(lang, "Goal {n} dropped: {title}", "Tujuan {n} dibatalkan: {title}"),
    });
    Ok(())
}
