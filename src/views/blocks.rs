//! Blocks of text several commands show about one contact (`show`, `brief`, `know`):
//! what you know, trust, promises, warmth and its reasons.

use super::{promise, trust};
use crate::app::App;
use crate::coach::knowing::{self, Knowing};
use crate::coach::reliability::Reliability;
use crate::coach::warmth::Warmth;
use crate::model::{Fact, Network, Promise, TrustNote};
use crate::t;
use crate::ui::style;

/// What you know, the gaps and the next question.
pub fn knowing(app: &App, name: &str, k: &Knowing, facts: &[&Fact]) -> Vec<String> {
    let lang = app.ui.lang;
    let ui = &app.ui;
    let score = k.score;
    let mut lines = vec![ui.paint(
        style::HEADING,
        t!(lang, "What you know about {name} ({score}%)", "Yang Anda tahu tentang {name} ({score}%)"),
    )];
    if facts.is_empty() && k.known.is_empty() {
        lines.push(t!(lang, "  nothing recorded yet", "  belum ada yang dicatat"));
    } else if facts.is_empty() {
        // The score counts work as known from the organisation or role: say so, rather
        // than a percentage above "nothing recorded".
        lines.push(t!(
            lang,
            "  no facts noted yet; their work is known from the organisation or role",
            "  belum ada fakta yang dicatat; pekerjaannya diketahui dari organisasi atau peran"
        ));
    }
    let mut sorted: Vec<&&Fact> = facts.iter().collect();
    sorted.sort_by_key(|f| (f.topic.clone(), f.on));
    for f in sorted {
        lines.push(format!("  #{:<3} {:<17} {}", f.n, f.topic.label(lang), f.text.replace('\n', " ")));
    }
    if !k.missing.is_empty() {
        let missing: Vec<&str> = k.missing.iter().map(|t| t.label(lang)).collect();
        let missing = missing.join(", ");
        lines.push(ui.paint(style::DIM, t!(lang, "  not yet known: {missing}", "  belum diketahui: {missing}")));
    }
    if let Some(next) = &k.next {
        let q = knowing::question(next, lang);
        lines.push(t!(lang, "  next time, ask: {q}", "  lain kali, tanyakan: {q}"));
    }
    lines
}

/// Trust level, reliability with this person, and the latest notes (newest first).
pub fn trust(app: &App, level: (u8, bool), rel: &Reliability, notes: &[&TrustNote], max_notes: usize) -> Vec<String> {
    let lang = app.ui.lang;
    let mut lines = vec![app.ui.paint(style::HEADING, t!(lang, "Trust", "Kepercayaan"))];
    lines.push(format!("  {}", trust::level_line(level.0, level.1, lang)));
    lines.push(format!("  {}", trust::reliability_line(rel, lang)));
    lines.extend(notes.iter().rev().take(max_notes).map(|n| trust::note_line(n)));
    lines
}

/// Open promises (overdue first), and the resolved ones when `all`.
pub fn promises(app: &App, net: &Network, promises: &[&Promise], all: bool) -> Vec<String> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let mut shown: Vec<&&Promise> = promises.iter().filter(|p| all || p.is_open()).collect();
    shown.sort_by_key(|p| (!p.is_open(), p.due));
    let mut lines = vec![app.ui.paint(style::HEADING, t!(lang, "Promises", "Janji"))];
    if shown.is_empty() {
        lines.push(t!(lang, "  none open", "  tidak ada yang terbuka"));
    }
    lines.extend(shown.iter().map(|p| format!("  {}", promise::line(p, net, today, lang))));
    lines
}

/// The warmth score and its reasons.
pub fn warmth(app: &App, w: &Warmth) -> Vec<String> {
    let lang = app.ui.lang;
    let ui = &app.ui;
    let score = w.score;
    let style = match score {
        0..=39 => style::BAD,
        40..=69 => style::WARN,
        _ => style::GOOD,
    };
    let mut lines = vec![format!(
        "{} {}",
        ui.paint(style::HEADING, t!(lang, "Warmth", "Kehangatan")),
        ui.paint(style, format!("{score}/100"))
    )];
    for f in &w.factors {
        let sign = if f.points < 0 { "−" } else { "+" };
        lines.push(format!("  {sign}{:<3} {}", f.points.abs(), f.reason.describe(lang)));
    }
    lines
}
