//! The review report as text, section by section.

use crate::app::App;
use crate::coach::review::{Change, Cooled, Report};
use crate::i18n::Lang;
use crate::model::{Network, Stage};
use crate::ui::style;
use crate::views::goal as goal_render;
use crate::{t, tn};

/// Section headings are numbered like the steps of the check-in.
fn heading(app: &App, n: usize, title: String) -> String {
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
    if let Some(line) = since_last(lang, r) {
        lines.push(line);
    }
    lines.push(streak_line(lang, r));

    lines.push(String::new());
    lines.push(heading(app, 1, t!(lang, "Last week's plan", "Rencana minggu lalu")));
    match &r.plan {
        // Under "Last week's plan": say no plan was made, not "for this week".
        None => lines.push(t!(
            lang,
            "  no plan was made for these days; `jejaring select` makes one for the week ahead",
            "  tidak ada rencana untuk hari-hari ini; `jejaring select` membuatnya untuk minggu ke depan"
        )),
        Some(p) => {
            let (done, total) = (p.reached.len(), p.reached.len() + p.missed.len());
            lines.push(tn!(
                lang,
                total,
                "  reached {done} of {total} planned person",
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
    // A review that covers more or less than a week says how many days it counts.
    let days = r.days();
    let title = match days {
        7 => t!(lang, "The week in numbers", "Minggu ini dalam angka"),
        _ => tn!(lang, days, "This one day in numbers", "These {days} days in numbers", "{days} hari ini dalam angka"),
    };
    lines.push(heading(app, 2, title));
    let n = &r.numbers;
    let (new, they, you) = (n.new_people, n.they_reached_out, n.you_reached_out);
    let quiet = n.interactions == 0;
    let (talks, people) = talks_and_people(n, lang);
    lines.push(t!(lang, "  {talks} with {people}", "  {talks} dengan {people}"));
    lines.push(t!(
        lang,
        "  who made the first move: you {you}, they {they}",
        "  yang lebih dulu menghubungi: Anda {you}, mereka {they}"
    ));
    let by_stage: Vec<String> =
        r.new_by_stage.iter().map(|(k, n)| format!("{} {n}", Stage::from_key(k).label(lang))).collect();
    let by_stage = if by_stage.is_empty() { String::new() } else { format!(" ({})", by_stage.join(", ")) };
    lines.push(t!(lang, "  new people: {new}{by_stage}", "  orang baru: {new}{by_stage}"));
    // Entries made after the last review about days it covered: counted here, and said.
    for late in &r.late_people {
        let (name, met) = (&late.name, late.met);
        lines.push(t!(
            lang,
            "    {name}: met on {met}, entered after that week's review, so counted here",
            "    {name}: bertemu pada {met}, dicatat setelah tinjauan minggu itu, jadi dihitung di sini"
        ));
    }
    if n.late_interactions > 0 {
        let late = n.late_interactions;
        lines.push(tn!(
            lang,
            late,
            "  {late} conversation dated in a week already reviewed was logged after its review, so it is counted here",
            "  {late} conversations dated in a week already reviewed were logged after its review, so they are counted here",
            "  {late} percakapan bertanggal di minggu yang sudah ditinjau dicatat setelah tinjauannya, jadi dihitung di sini"
        ));
    }
    if quiet {
        lines.push(t!(
            lang,
            "  a quiet week; one message to someone you like is enough to restart",
            "  minggu yang sepi; satu pesan kepada orang yang Anda sukai cukup untuk memulai lagi"
        ));
    }

    lines.push(String::new());
    lines.push(heading(app, 3, t!(lang, "Promises", "Janji")));
    let p = &r.promises;
    let show = |ns: &[u32], lines: &mut Vec<String>| {
        for n in ns {
            if let Some(pr) = net.promises.iter().find(|x| x.n == *n) {
                lines.push(format!("  {}", crate::views::promise::line(pr, net, end, lang)));
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

/// "2 weeks since your last review", when the review covers more or less than a week.
fn since_last(lang: Lang, r: &Report) -> Option<String> {
    let last = r.last_review?;
    let days = (r.end - last).num_days();
    let span = match days {
        7 => return None,
        d if d % 7 == 0 => weeks(lang, (d / 7) as usize),
        d => tn!(lang, d, "{d} day", "{d} days", "{d} hari"),
    };
    let start = r.start;
    Some(t!(
        lang,
        "{span} since your last review, on {last}: this one covers everything from {start}.",
        "{span} sejak tinjauan terakhir Anda, {last}: tinjauan ini mencakup semuanya sejak {start}."
    ))
}

/// "5 interactions (2 imported rather than logged)" and "3 people", for a week's numbers.
pub fn talks_and_people(n: &crate::model::review::Numbers, lang: Lang) -> (String, String) {
    let (talks, people, imported) = (n.interactions, n.people, n.imported);
    let mut words = tn!(lang, talks, "{talks} interaction", "{talks} interactions", "{talks} interaksi");
    if imported > 0 {
        words.push_str(&t!(
            lang,
            " ({imported} imported rather than logged)",
            " ({imported} diimpor, bukan dicatat sendiri)"
        ));
    }
    (words, tn!(lang, people, "{people} person", "{people} people", "{people} orang"))
}

/// A number of weeks, in words that agree with the number.
pub fn weeks(lang: Lang, n: usize) -> String {
    tn!(lang, n, "{n} week", "{n} weeks", "{n} minggu")
}

/// The streak before this review, and what this review does to it; a skipped week
/// is said plainly.
fn streak_line(lang: Lang, r: &Report) -> String {
    match (r.streak_before, r.ended_streak) {
        (0, Some(ended)) => {
            let ended = weeks(lang, ended);
            t!(
                lang,
                "No review was saved last week, so your streak of {ended} ended; this review starts a new one.",
                "Minggu lalu tidak ada tinjauan yang disimpan, jadi rangkaian tinjauan Anda selama {ended} terputus; tinjauan ini memulai yang baru."
            )
        }
        (0, None) => t!(lang, "This review starts your streak.", "Tinjauan ini memulai rangkaian tinjauan Anda."),
        (n, _) => {
            let (streak, next) = (weeks(lang, n), weeks(lang, n + 1));
            t!(
                lang,
                "Streak: {streak} in a row; this review makes it {next}.",
                "Anda sudah meninjau {streak} berturut-turut; tinjauan ini menjadikannya {next}."
            )
        }
    }
}

/// Section 4: each active goal's week, pace and weak SMART letters.
pub fn goals(app: &App, r: &Report) -> Vec<String> {
    let lang = app.ui.lang;
    let mut lines = vec![heading(app, 4, t!(lang, "Goals", "Tujuan"))];
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
        lines.push(if r.days() == 7 {
            t!(lang, "  {n}. {title}: {moved} this week", "  {n}. {title}: {moved} minggu ini")
        } else {
            let start = r.start;
            t!(lang, "  {n}. {title}: {moved} since {start}", "  {n}. {title}: {moved} sejak {start}")
        });
        lines.push(format!("     {}", goal_render::progress_line(&app.ui, &g.progress, lang)));
        if g.progress.state == crate::coach::progress::Pace::Reached {
            lines.push(t!(
                lang,
                "     → reached: close it with `jejaring goal done {n}`",
                "     → tercapai: tutup dengan `jejaring goal done {n}`"
            ));
        } else if g.progress.days_left.is_some_and(|d| d < 0) {
            lines.push(format!("     → {}", crate::views::past_deadline::commands(n, lang)));
        }
        lines.extend(goal_render::weak_lines(&app.ui, &g.check, lang).into_iter().map(|l| format!("   {l}")));
    }
    lines
}

/// Section 5: cooling relationships, trust changes and birthdays ahead.
pub fn warmth(app: &App, r: &Report) -> Vec<String> {
    let lang = app.ui.lang;
    let mut lines = vec![heading(app, 5, t!(lang, "Warmth and trust", "Kehangatan dan kepercayaan"))];
    if r.cooled.is_empty() {
        lines.push(t!(
            lang,
            "  no relationship fell behind its rhythm or cooled sharply",
            "  tidak ada hubungan yang melewati iramanya atau mendingin tajam"
        ));
    }
    lines.extend(r.cooled.iter().map(|c| cooled_line(lang, c)));
    if r.cooled_more > 0 {
        let more = r.cooled_more;
        lines.push(t!(
            lang,
            "  and {more} more; `jejaring list --due` shows everyone past their rhythm",
            "  dan {more} lagi; `jejaring list --due` menampilkan semua yang melewati iramanya"
        ));
    }
    let change = |c: &Change| (c.name.clone(), c.from, c.to);
    for (name, from, to) in r.trust_changes.iter().map(change) {
        lines.push(t!(lang, "  trust: {name}, {from} → {to}", "  kepercayaan: {name}, {from} → {to}"));
    }
    for b in &r.birthdays {
        let (name, on, days) = (&b.name, b.on, b.in_days);
        lines.push(match days {
            0 => t!(lang, "  birthday: {name}, today", "  ulang tahun: {name}, hari ini"),
            1 => t!(lang, "  birthday: {name}, tomorrow ({on})", "  ulang tahun: {name}, besok ({on})"),
            _ => {
                t!(lang, "  birthday: {name}, in {days} days ({on})", "  ulang tahun: {name}, {days} hari lagi ({on})")
            }
        });
    }
    lines
}

/// One cooled relationship, with the part of the cooling rule it met.
fn cooled_line(lang: Lang, c: &Cooled) -> String {
    let (name, from, to) = (&c.name, c.from, c.to);
    match c.past_rhythm_days {
        Some(days) => tn!(
            lang,
            days,
            "  cooling: {name}, now {days} day past your keep-in-touch rhythm (warmth {from} → {to})",
            "  cooling: {name}, now {days} days past your keep-in-touch rhythm (warmth {from} → {to})",
            "  mendingin: {name}, kini lewat {days} hari dari irama jaga kontak (kehangatan {from} → {to})"
        ),
        None => t!(
            lang,
            "  cooling: {name}, warmth fell sharply, {from} → {to}",
            "  mendingin: {name}, kehangatan turun tajam, {from} → {to}"
        ),
    }
}
