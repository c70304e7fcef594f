//! `jejaring goal check`: the SMART check of one goal, or of every active goal.

use super::fields::goal_index;
use crate::app::App;
use crate::coach::smart;
use crate::t;
use crate::ui::style;
use crate::views::goal::{self as render, CheckJson};
use serde::Serialize;

/// Check how SMART a goal is, letter by letter
///
/// Without an ID, checks every active goal.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Goal number, id or part of its title
    pub goal: Option<String>,
}

#[derive(Serialize)]
struct Row<'a> {
    number: u32,
    title: &'a str,
    check: CheckJson,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let goals: Vec<usize> = match &args.goal {
        Some(q) => vec![goal_index(net, q, lang)?],
        None => (0..net.goals.len()).filter(|&i| net.goals[i].is_active()).collect(),
    };
    let rows: Vec<(usize, smart::Check)> =
        goals.iter().map(|&i| (i, smart::check(&net.goals[i], net, today))).collect();
    if app.ui.json {
        let out: Vec<Row> = rows
            .iter()
            .map(|(i, c)| Row {
                number: net.goals[*i].number,
                title: &net.goals[*i].title,
                check: CheckJson::new(c, lang),
            })
            .collect();
        return Ok(app.ui.json_value(&out)?);
    }
    if rows.is_empty() {
        app.ui.info(t!(
            lang,
            "No active goals to check. Set one with `jejaring goal new`.",
            "Tidak ada tujuan aktif untuk dicek. Buat dengan `jejaring goal new`."
        ));
        return Ok(());
    }
    for (n, (i, c)) in rows.iter().enumerate() {
        let g = &net.goals[*i];
        if n > 0 {
            app.ui.line("")?;
        }
        let head = format!("#{} {}", g.number, g.title);
        app.ui.line(format!("{}  {}", app.ui.paint(style::HEADING, head), c.summary(false)))?;
        for line in render::check_lines(&app.ui, c, lang) {
            app.ui.line(line)?;
        }
    }
    Ok(())
}
