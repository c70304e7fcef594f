//! Closing a goal, shared by `goal done` and `goal drop`.

use super::fields::goal_index;
use crate::app::{App, Change};
use crate::i18n::Lang;
use crate::model::Network;
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
    // Checked before the question, asked before the lock: nobody waits on the answer.
    still_open(&app.open_read()?.net, query, lang)?;
    if how == Close::Drop
        && note.is_none()
        && let Some(mut p) = app.prompter()
    {
        let q = t!(lang, "Why drop it? (Enter to skip)", "Mengapa dibatalkan? (Enter untuk melewati)");
        note = text::optional_text("--note", &p.text(&q, None)?)?;
    }
    app.change(
        |net| {
            let i = still_open(net, query, lang)?;
            // Closed short of its target is not a success, and the message says so.
            let p = crate::coach::progress::measure(&net.goals[i], net, app.clock.today);
            let short = p.target.is_some_and(|t| p.current < t).then(|| crate::views::goal::count(&p));
            let g = &mut net.goals[i];
            g.status = if how == Close::Done { Status::Done } else { Status::Dropped };
            g.closed = Some(Closed { on: app.clock.today, note });
            Ok(Change::Save((i, short)))
        },
        |net, (i, short)| {
            let g = &net.goals[i];
            if app.ui.json {
                app.ui.json_value(g)?;
            }
            let (n, title) = (g.number, &g.title);
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
        },
    )
}

/// The goal `query` names, refused unless it is still active.
fn still_open(net: &Network, query: &str, lang: Lang) -> anyhow::Result<usize> {
    let i = goal_index(net, query, lang)?;
    let g = &net.goals[i];
    if !g.is_active() {
        let (n, status) = (g.number, g.status.label(lang));
        anyhow::bail!(t!(
            lang,
            "goal {n} is already {status}; nothing changed",
            "tujuan {n} sudah {status}; tidak ada yang berubah"
        ));
    }
    Ok(i)
}
