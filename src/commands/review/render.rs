//! The review report as text, section by section.

use crate::app::App;
use crate::coach::review::{Change, Report};
use crate::commands::goal::render as goal_render;
use crate::commands::promise;
use crate::model::{Network, Stage};
use crate::t;
use crate::ui::style;

/// Section headings are numbered like the steps of the check-in.
fn heading(app: &App, n: usize, en_id: (String, String)) -> String {
    let title = match app.ui.lang {
        crate::i18n::Lang::En => en_id.0,
        crate::i18n::Lang::Id => en_id.1,
    };
    app.ui.paint(style::HEADING, format!("{n}. {title}"))
}

/// Sections 1–3 and 5: plan, numbers, promises, warmth and trust.
pub fn report(app: &App, net: &Network, r: &Report) -> Vec<String> {
    let lang = app.ui.lang;
    let (start, end) = (r.start, r.end);
    let mut lines =
        vec![app.ui.paint(
            style::HEADING,
            t!(lang, "Weekly review, {start} to {end}", "Tinjauan mingguan, {start} sampai {end}"),
        )];
    let streak = r.streak;
    lines.push(match streak {
        0 => t!(lang, "This review starts a new streak.", "Tinjauan ini memulai rangkaian baru."),
        n => {
            let next = n + 1;
            t!(
                lang,
                "Streak: {n} week(s) in a row; this review makes {next}.",
                "Rangkaian: {n} minggu berturut-turut; tinjauan ini menjadi yang ke-{next}."
            )
        }
    });

    lines.push(String::new());
    lines.push(heading(app, 1, ("Last week's plan".into(), "Rencana minggu lalu".into())));
    match &r.plan {
        None => lines.push(t!(
            lang,
            "  no plan for this week; `jejaring select` makes one",
            "  tidak ada rencana minggu ini; `jejaring select` membuatnya"
        )),
        Some(p) => {
            let (done, total) = (p.reached.len(), p.reached.len() + p.missed.len());
            lines.push(t!(
                lang,
                "  reached {done} of {total} planned people",
                "  menghubungi {done} dari {total} orang yang direncanakan"
            ));
            for person in &p.reached {
                lines.push(format!("  {} {}", app.ui.paint(style::GOOD, "✓"), person.name));
            }
            for person in &p.missed {
                lines.push(format!("  {} {}", app.ui.paint(style::WARN, "✗"), person.name));
            }
        }
    }

    lines.push(String::new());
    lines.push(heading(app, 2, ("The week in numbers".into(), "Minggu ini dalam angka".into())));
    let n = &r.numbers;
    let (talks, people, new, they, you) =
        (n.interactions, n.people, n.new_people, n.they_reached_out, n.you_reached_out);
    lines.push(t!(lang, "  {talks} interactions with {people} people", "  {talks} interaksi dengan {people} orang"));
    lines.push(t!(
        lang,
        "  who made the first move: you {you}, they {they}",
        "  yang lebih dulu menghubungi: Anda {you}, mereka {they}"
    ));
    let by_stage: Vec<String> =
        r.new_by_stage.iter().map(|(k, n)| format!("{} {n}", Stage::from_key(k).label(lang))).collect();
    let by_stage = if by_stage.is_empty() { String::new() } else { format!(" ({})", by_stage.join(", ")) };
    lines.push(t!(lang, "  new people: {new}{by_stage}", "  orang baru: {new}{by_stage}"));
    if talks == 0 {
        lines.push(t!(
            lang,
            "  a quiet week; one message to someone you like is enough to restart",
            "  minggu yang sepi; satu pesan kepada orang yang Anda sukai cukup untuk memulai lagi"
        ));
    }

    lines.push(String::new());
    lines.push(heading(app, 3, ("Promises".into(), "Janji".into())));
    let p = &r.promises;
    let show = |ns: &[u32], lines: &mut Vec<String>| {
        for n in ns {
            if let Some(pr) = net.promises.iter().find(|x| x.n == *n) {
                lines.push(format!("  {}", promise::line(pr, net, end, lang)));
            }
        }
    };
    if p.overdue.is_empty() && p.due_soon.is_empty() && p.kept.is_empty() && p.broken.is_empty() {
        lines.push(t!(lang, "  nothing due, nothing resolved", "  tidak ada yang jatuh tempo atau selesai"));
    }
    show(&p.overdue, &mut lines);
    show(&p.due_soon, &mut lines);
    show(&p.kept, &mut lines);
    show(&p.broken, &mut lines);
    lines.push(match (p.rate, p.rate_week_ago) {
        (None, _) => t!(
            lang,
            "  reliability: no promise resolved in the last 90 days",
            "  keandalan: belum ada janji selesai dalam 90 hari terakhir"
        ),
        (Some(now), Some(before)) if now != before => {
            let arrow = if now > before { "↑" } else { "↓" };
            t!(
                lang,
                "  reliability (90 days): {now}% {arrow} from {before}%",
                "  keandalan (90 hari): {now}% {arrow} dari {before}%"
            )
        }
        (Some(now), _) => t!(lang, "  reliability (90 days): {now}%", "  keandalan (90 hari): {now}%"),
    });
    lines
}

/// Section 4: each active goal's week, pace and weak SMART letters.
pub fn goals(app: &App, r: &Report) -> Vec<String> {
    let lang = app.ui.lang;
    let mut lines = vec![heading(app, 4, ("Goals".into(), "Tujuan".into()))];
    if r.goals.is_empty() {
        lines.push(t!(
            lang,
            "  no active goal; decide what the network is for with `jejaring goal new`",
            "  belum ada tujuan aktif; tentukan untuk apa jaringan ini dengan `jejaring goal new`"
        ));
    }
    for g in &r.goals {
        let (n, title, moved) = (g.number, &g.title, g.this_week);
        let moved = if moved >= 0 { format!("+{moved}") } else { moved.to_string() };
        lines.push(t!(lang, "  {n}. {title}: {moved} this week", "  {n}. {title}: {moved} minggu ini"));
        lines.push(format!("     {}", goal_render::progress_line(&app.ui, &g.progress, lang)));
        lines.extend(goal_render::weak_lines(&app.ui, &g.check, lang).into_iter().map(|l| format!("   {l}")));
    }
    lines
}

/// Section 5: cooling relationships and trust changes.
pub fn warmth(app: &App, r: &Report) -> Vec<String> {
    let lang = app.ui.lang;
    let mut lines = vec![heading(app, 5, ("Warmth and trust".into(), "Kehangatan dan kepercayaan".into()))];
    if r.cooled.is_empty() && r.trust_changes.is_empty() {
        lines.push(t!(lang, "  no relationship cooled this week", "  tidak ada hubungan yang mendingin minggu ini"));
    }
    let change = |c: &Change| (c.name.clone(), c.from, c.to);
    for (name, from, to) in r.cooled.iter().map(change) {
        lines.push(t!(
            lang,
            "  cooling: {name}, warmth {from} → {to}",
            "  mendingin: {name}, kehangatan {from} → {to}"
        ));
    }
    for (name, from, to) in r.trust_changes.iter().map(change) {
        lines.push(t!(lang, "  trust: {name}, {from} → {to}", "  kepercayaan: {name}, {from} → {to}"));
    }
    lines
}
