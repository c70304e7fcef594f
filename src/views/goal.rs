//! How goals look: progress bars, pace words, the SMART card, and the JSON views that
//! every goal command shares (so the schema is the same wherever a goal appears).

use crate::coach::num;
use crate::coach::progress::{self, Pace, Progress};
use crate::coach::smart::{self, Check, Finding, Verdict};
use crate::i18n::Lang;
use crate::model::Network;
use crate::model::goal::Goal;
use crate::t;
use crate::ui::{Ui, style};
use chrono::NaiveDate;
use serde::Serialize;

/// A finding as scripts see it.
#[derive(Serialize)]
pub struct FindingJson {
    pub code: &'static str,
    pub verdict: Verdict,
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// A letter as scripts see it.
#[derive(Serialize)]
pub struct LetterJson {
    pub letter: smart::Letter,
    pub verdict: Verdict,
    pub findings: Vec<FindingJson>,
}

/// The SMART check as scripts see it.
#[derive(Serialize)]
pub struct CheckJson {
    pub summary: String,
    pub worst: Verdict,
    pub letters: Vec<LetterJson>,
}

impl CheckJson {
    pub fn new(c: &Check, lang: Lang) -> CheckJson {
        CheckJson {
            summary: c.summary(true),
            worst: c.worst(),
            letters: c
                .letters
                .iter()
                .map(|l| LetterJson {
                    letter: l.letter,
                    verdict: l.verdict,
                    findings: l
                        .findings
                        .iter()
                        .map(|f| FindingJson {
                            code: f.code(),
                            verdict: f.verdict(),
                            reason: f.reason(lang),
                            suggestion: f.suggestion(lang),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// A goal with its progress and check: the stable JSON shape of every goal command.
#[derive(Serialize)]
pub struct GoalView<'a> {
    pub goal: &'a Goal,
    pub progress: Progress,
    pub check: CheckJson,
}

impl<'a> GoalView<'a> {
    pub fn new(goal: &'a Goal, net: &Network, today: NaiveDate, lang: Lang) -> GoalView<'a> {
        GoalView {
            goal,
            progress: progress::measure(goal, net, today),
            check: CheckJson::new(&smart::check(goal, net, today), lang),
        }
    }
}

/// `██████░░░░` for a share done (0..1, capped at full).
pub fn bar(fraction: f64, width: usize) -> String {
    let filled = ((fraction.clamp(0.0, 1.0)) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// "4/10" or "4" when there is no target.
pub fn count(p: &Progress) -> String {
    match p.target {
        Some(t) => format!("{}/{t}", p.current),
        None => p.current.to_string(),
    }
}

/// The pace state in words.
pub fn pace(state: Pace, lang: Lang) -> String {
    match state {
        Pace::NotStarted => t!(lang, "not started", "belum mulai"),
        Pace::Ahead => t!(lang, "ahead", "lebih cepat dari jadwal"),
        Pace::OnTrack => t!(lang, "on track", "sesuai jadwal"),
        Pace::Behind => t!(lang, "behind", "tertinggal"),
        Pace::Reached => t!(lang, "reached", "tercapai"),
        Pace::DueToday => t!(lang, "due today", "tenggatnya hari ini"),
        Pace::Missed => t!(lang, "missed", "tidak tercapai"),
        Pace::Unknown => t!(lang, "no target or deadline", "tanpa target atau tenggat"),
    }
}

/// The pace state in words, with how many are still missing once the deadline has
/// come: "due today, 1 short", "missed, 2 short".
pub fn state(p: &Progress, lang: Lang) -> String {
    let words = pace(p.state, lang);
    let short = p.target.unwrap_or(0).saturating_sub(p.current);
    match p.state {
        Pace::DueToday | Pace::Missed if short > 0 => t!(lang, "{words}, {short} short", "{words}, kurang {short}"),
        _ => words,
    }
}

/// The pace state, coloured.
pub fn pace_painted(ui: &Ui, p: &Progress, lang: Lang) -> String {
    let s = match p.state {
        Pace::Ahead | Pace::OnTrack | Pace::Reached => style::GOOD,
        Pace::Behind | Pace::DueToday | Pace::Missed => style::BAD,
        Pace::NotStarted | Pace::Unknown => style::DIM,
    };
    ui.paint(s, state(p, lang))
}

/// "at this pace 2027-01-15", or the day it was reached ("on 2026-11-10": the state
/// beside it already says "reached"), when known.
pub fn finish(p: &Progress, lang: Lang) -> Option<String> {
    if let Some(d) = p.reached_on {
        return Some(t!(lang, "on {d}", "pada {d}"));
    }
    // Once the deadline has come, a projection says nothing the state does not.
    if matches!(p.state, Pace::DueToday | Pace::Missed) {
        return None;
    }
    p.projected_finish.map(|d| match p.projected_late {
        true => t!(lang, "at this pace {d}, after the deadline", "dengan laju ini {d}, lewat tenggat"),
        false => t!(lang, "at this pace {d}", "dengan laju ini {d}"),
    })
}

/// One line describing progress: bar, count, time used, state and finish.
pub fn progress_line(ui: &Ui, p: &Progress, lang: Lang) -> String {
    let mut line = format!("{} {}", bar(p.fraction_done.unwrap_or(0.0), 10), count(p));
    if let Some(te) = p.time_elapsed {
        let pct = (te * 100.0).round();
        line.push_str(&t!(lang, "  {pct}% of the time used", "  {pct}% waktu terpakai"));
    }
    line.push_str(&format!("  {}", pace_painted(ui, p, lang)));
    if let Some(f) = finish(p, lang) {
        line.push_str(&format!(" ({f})"));
    }
    line
}

/// "5 a week so far; 2.5 a week needed"
pub fn pace_line(p: &Progress, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(x) = p.pace_per_week {
        let x = num(x, lang);
        parts.push(t!(lang, "{x} a week so far", "{x} per minggu sejauh ini"));
    }
    if let Some(x) = p.needed_per_week {
        let x = num(x, lang);
        parts.push(t!(lang, "{x} a week needed from today", "{x} per minggu dibutuhkan mulai hari ini"));
    }
    if let Some(b) = p.best_pace {
        let (x, end) = (num(b.per_week, lang), b.ending);
        parts.push(t!(
            lang,
            "your best 4 weeks: {x} a week (to {end})",
            "4 minggu terbaik Anda: {x} per minggu (sampai {end})"
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The check as lines: one per letter, then its suggestion.
pub fn check_lines(ui: &Ui, c: &Check, lang: Lang) -> Vec<String> {
    letter_lines(ui, c, lang, false, Finding::suggestion)
}

/// The SMART check inside the wizard, on a terminal: its hints name what to answer, not
/// the flags of the command line.
pub fn wizard_check_lines(ui: &Ui, c: &Check, lang: Lang) -> Vec<String> {
    letter_lines(ui, c, lang, false, Finding::hint)
}

/// Only the letters that are weak or missing.
pub fn weak_lines(ui: &Ui, c: &Check, lang: Lang) -> Vec<String> {
    letter_lines(ui, c, lang, true, Finding::suggestion)
}

fn letter_lines(
    ui: &Ui,
    c: &Check,
    lang: Lang,
    only_weak: bool,
    advice: fn(&Finding, Lang) -> Option<String>,
) -> Vec<String> {
    let mut lines = Vec::new();
    for l in c.letters.iter().filter(|l| !only_weak || l.verdict != Verdict::Ok) {
        let label = l.verdict.label(lang);
        let painted = match l.verdict {
            Verdict::Ok => ui.paint(style::GOOD, format!("{label:<9}")),
            Verdict::Weak => ui.paint(style::WARN, format!("{label:<9}")),
            Verdict::Missing => ui.paint(style::BAD, format!("{label:<9}")),
        };
        let first = l.findings.first();
        let reason = first.map(|f| f.reason(lang)).unwrap_or_default();
        lines.push(format!("  {} {:<15} {painted} {reason}", l.letter.initial(), l.letter.name(lang)));
        for f in l.findings.iter().skip(1).filter(|f| f.verdict() != Verdict::Ok || l.verdict == Verdict::Ok) {
            lines.push(format!("  {:<28}{}", "", f.reason(lang)));
        }
        if let Some(s) = l.findings.iter().find_map(|f| (f.verdict() == l.verdict).then(|| advice(f, lang)).flatten()) {
            lines.push(format!("  {:<28}→ {s}", ""));
        }
    }
    lines
}
