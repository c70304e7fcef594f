//! `jejaring goal show`: the SMART card, progress and its history, milestones, the
//! linked people and the check.

use super::fields::goal_index;
use crate::app::App;
use crate::coach::{progress, smart};
use crate::i18n::Lang;
use crate::model::goal::{Change, Goal};
use crate::t;
use crate::ui::style;
use crate::views::goal::{self as render, GoalView};
use crate::views::words;

/// Show a goal: its SMART card, progress, history and linked people
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Goal number, id or part of its title
    pub goal: String,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let g = &net.goals[goal_index(net, &args.goal, lang)?];
    if app.ui.json {
        return Ok(app.ui.json_value(&GoalView::new(g, net, today, lang))?);
    }
    let ui = &app.ui;
    let p = progress::measure(g, net, today);
    let check = smart::check(g, net, today);
    let mut out = vec![format!(
        "{}  {}  {}",
        ui.paint(style::HEADING, format!("#{} {}", g.number, g.title)),
        ui.paint(style::DIM, g.status.label(lang)),
        check.summary(false)
    )];
    let mut field = |label: String, value: String| out.push(format!("  {:<14} {value}", format!("{label}:")));
    field("S".into(), g.specific.clone().unwrap_or_else(|| "-".into()));
    let target = g.target.map(|t| t.to_string()).unwrap_or_else(|| "-".into());
    let (metric, who) = (g.metric.describe(lang), g.filters.describe(lang));
    field("M".into(), t!(lang, "{target} {metric}; {who}", "{target} {metric}; {who}"));
    field("A".into(), g.achievable.clone().unwrap_or_else(|| "-".into()));
    field("R".into(), g.relevant.clone().unwrap_or_else(|| "-".into()));
    let deadline = g.deadline.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    field("T".into(), format!("{} .. {deadline}", g.start));
    if let Some(c) = &g.closed {
        let note = c.note.as_deref().map(|n| format!(" — {n}")).unwrap_or_default();
        field(t!(lang, "closed", "ditutup"), format!("{}{note}", c.on));
    }
    out.push(String::new());
    out.push(ui.paint(style::HEADING, t!(lang, "Progress", "Kemajuan")));
    out.push(format!("  {}", render::progress_line(ui, &p, lang)));
    if let Some(line) = render::pace_line(&p, lang) {
        out.push(format!("  {line}"));
    }
    for m in &p.milestones {
        let mark = if m.reached {
            "✓"
        } else if m.due {
            "✗"
        } else {
            "·"
        };
        out.push(format!("  {mark} {} {}/{}", m.on, m.count, m.target));
    }
    history(&mut out, g, net, today, lang);
    out.push(String::new());
    out.push(ui.paint(style::HEADING, t!(lang, "People linked to this goal", "Orang yang terkait tujuan ini")));
    if g.contacts.is_empty() {
        let n = g.number;
        out.push(t!(
            lang,
            "  none yet; add them with `jejaring goal link {n} NAME…`",
            "  belum ada; tambahkan dengan `jejaring goal link {n} NAMA…`"
        ));
    }
    let last = net.last_contacted();
    for id in &g.contacts {
        if let Some(c) = net.contact(id) {
            let when = last.get(id).map(|d| words::ago(*d, today, lang)).unwrap_or_else(|| words::never(lang));
            out.push(format!("  {:<6} {}  ({})", c.handle, c.name, when));
        }
    }
    out.push(String::new());
    out.push(ui.paint(style::HEADING, t!(lang, "SMART check", "Cek SMART")));
    out.extend(render::check_lines(ui, &check, lang));
    for line in out {
        ui.line(line)?;
    }
    Ok(())
}

/// The last weeks' counts (measured goals) or the hand-logged entries.
fn history(out: &mut Vec<String>, g: &Goal, net: &crate::model::Network, today: chrono::NaiveDate, lang: Lang) {
    if !g.progress.is_empty() {
        for e in g.progress.iter().rev().take(10) {
            let change = match e.change {
                Change::Add(d) if d >= 0 => format!("+{d}"),
                Change::Add(d) => d.to_string(),
                Change::Set(v) => format!("={v}"),
            };
            let note = e.note.as_deref().map(|n| format!("  {n}")).unwrap_or_default();
            out.push(format!("  {}  {change:>5}{note}", e.on));
        }
        return;
    }
    if !g.metric.is_measured() || today < g.start {
        return;
    }
    let weeks = progress::weekly(g, net, today);
    let from = weeks.len().saturating_sub(8);
    out.push(format!("  {}", t!(lang, "per week:", "per minggu:")));
    // The weeks before the last eight are one row, so the rows add up to the count.
    if let (Some(first), Some(last)) = (weeks.first(), weeks[..from].last()) {
        let (a, b) = (first.0, last.1);
        let n: u32 = weeks[..from].iter().map(|w| w.2).sum();
        let label = t!(lang, "(the weeks before)", "(minggu-minggu sebelumnya)");
        out.push(format!("    {a} .. {b}  {n:>3}  {label}"));
    }
    for (a, b, n) in &weeks[from..] {
        out.push(format!("    {a} .. {b}  {n:>3}  {}", "▪".repeat((*n as usize).min(40))));
    }
}
