//! `jejaring intro draft A --to B`: a short message asking A for an introduction to B,
//! in the user's language, and a blurb about the user for A to forward. Plain templates
//! filled from the data (B's role and organisation, the goal B matters to or `--why`,
//! the line about you from `--about-me`); no network service, no model. Edit before
//! sending: it is a draft.

use crate::app::{App, Change};
use crate::i18n::Lang;
use crate::model::{Contact, Goal, Network, text};
use crate::t;
use rustc_hash::FxHashSet;
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Whom to ask (the introducer)
    pub via: String,
    /// Whom you want to meet
    #[arg(long, value_name = "CONTACT")]
    pub to: String,
    /// Why you want to meet them [default: from a goal they matter to]
    #[arg(long, value_name = "TEXT")]
    pub why: Option<String>,
    /// One line about you for the blurb (remembered for next time)
    #[arg(long, value_name = "TEXT")]
    pub about_me: Option<String>,
}

#[derive(Serialize)]
struct Draft {
    message: String,
    blurb: String,
    /// Where the reason came from: `why` (the flag), `goal`, or none.
    #[serde(skip_serializing_if = "Option::is_none")]
    why_from: Option<&'static str>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let why = args.why.as_deref().map(|w| text::line("--why", w, text::MAX_LINE)).transpose()?;
    let about = args.about_me.as_deref().map(|a| text::line("--about-me", a, text::MAX_LINE)).transpose()?;
    match about {
        Some(about) => app.change(
            |net| {
                let changed = net.about_me() != Some(about.as_str());
                net.set_about_me(about);
                Ok(if changed { Change::Save(()) } else { Change::Unchanged(()) })
            },
            |net, ()| show(app, net, &args, why.as_deref()),
        ),
        None => show(app, &app.open_read()?.net, &args, why.as_deref()),
    }
}

fn show(app: &App, net: &Network, args: &Args, why: Option<&str>) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let (via, to) = super::pair(net, &args.via, &args.to, lang)?;
    let (Some(a), Some(b)) = (net.contact(&via), net.contact(&to)) else { return Ok(()) };
    let goal = goal_for(net, b);
    let (why, why_from) = match (why, goal) {
        (Some(w), _) => (Some(w.to_string()), Some("why")),
        (None, Some(g)) => (Some(goal_reason(g, lang)), Some("goal")),
        (None, None) => (None, None),
    };
    let ties = crate::coach::graph::around(net, &FxHashSet::from_iter([to]), app.clock.today);
    let known = ties.between(&to, &via).is_some();
    let draft = Draft {
        message: message(a, b, why.as_deref(), known, lang),
        blurb: blurb(net.about_me(), b, why.as_deref(), lang),
        why_from,
    };
    if app.ui.json {
        return Ok(app.ui.json_value(&draft)?);
    }
    let forward = first(&a.name);
    app.ui.line(&draft.message)?;
    app.ui.line("")?;
    app.ui.line(t!(lang, "--- for {forward} to forward ---", "--- untuk diteruskan {forward} ---"))?;
    app.ui.line(&draft.blurb)?;
    if why.is_none() {
        app.ui.info(t!(
            lang,
            "Say why you want to meet them with --why, or link them to a goal: a reason makes the favour easy to grant.",
            "Sebutkan alasan ingin bertemu dengan --why, atau kaitkan dia ke sebuah tujuan: alasan membuat permintaan mudah dikabulkan."
        ));
    }
    if net.about_me().is_none() {
        app.ui.info(t!(
            lang,
            "Add one line about you with --about-me \"…\" (remembered for next time).",
            "Tambahkan satu kalimat tentang Anda dengan --about-me \"…\" (diingat untuk lain kali)."
        ));
    }
    Ok(())
}

/// The first active goal B is linked to, or whose group (tags, circles) B is in.
fn goal_for<'a>(net: &'a Network, b: &Contact) -> Option<&'a Goal> {
    let active = || net.goals.iter().filter(|g| g.is_active());
    active().find(|g| g.contacts.contains(&b.id)).or_else(|| {
        active().find(|g| !(g.filters.tags.is_empty() && g.filters.circles.is_empty()) && g.filters.matches(b))
    })
}

fn goal_reason(g: &Goal, lang: Lang) -> String {
    let title = &g.title;
    match &g.relevant {
        Some(r) => t!(lang, "I'm working on \"{title}\": {r}", "saya sedang mengerjakan \"{title}\": {r}"),
        None => t!(lang, "I'm working on \"{title}\"", "saya sedang mengerjakan \"{title}\""),
    }
}

fn first(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// "Dewi Lestari (head of partnerships at OVO)".
fn who(b: &Contact, lang: Lang) -> String {
    let name = &b.name;
    match (&b.role, &b.org) {
        (Some(role), Some(org)) => t!(lang, "{name} ({role} at {org})", "{name} ({role} di {org})"),
        (None, Some(org)) => t!(lang, "{name} at {org}", "{name} dari {org}"),
        (Some(role), None) => format!("{name} ({role})"),
        (None, None) => name.clone(),
    }
}

/// `known`: your data says they know each other; otherwise the message only wonders.
fn message(a: &Contact, b: &Contact, why: Option<&str>, known: bool, lang: Lang) -> String {
    let (hi, who) = (first(&a.name), who(b, lang));
    let why = why.map(|w| t!(lang, " The reason: {w}.", " Alasannya: {w}.")).unwrap_or_default();
    let acquainted = if known {
        t!(lang, "I understand you know each other", "Sepertinya kalian saling kenal")
    } else {
        t!(lang, "I wondered whether you know each other", "Saya pikir mungkin kalian saling kenal")
    };
    t!(
        lang,
        "Hi {hi},\n\nI hope you're well. Could I ask a small favour? I'd like to meet {who}.{why} {acquainted} — would you be comfortable introducing us?\n\nIf it isn't a good moment, or it doesn't feel right, no problem at all; just say so.\n\nThank you!",
        "Halo {hi},\n\nSemoga kabarmu baik. Boleh saya minta tolong sedikit? Saya ingin berkenalan dengan {who}.{why} {acquainted} — apakah kamu berkenan memperkenalkan kami?\n\nKalau waktunya kurang pas, atau rasanya kurang cocok, tidak apa-apa sama sekali; bilang saja.\n\nTerima kasih!"
    )
}

fn blurb(about: Option<&str>, b: &Contact, why: Option<&str>, lang: Lang) -> String {
    let them = first(&b.name);
    let about = about.map(|a| a.trim_end_matches('.').to_string()).unwrap_or_else(|| {
        t!(
            lang,
            "[one line about you: what you do, and what you are working on]",
            "[satu kalimat tentang Anda: apa pekerjaan Anda, dan apa yang sedang Anda kerjakan]"
        )
    });
    let because = why.map(|w| t!(lang, " — {w}", " — {w}")).unwrap_or_default();
    t!(
        lang,
        "{about}. I'd like to meet {them}{because}. Twenty minutes over coffee or a call, whenever suits {them} — and no pressure if now isn't the time.",
        "{about}. Saya ingin berkenalan dengan {them}{because}. Cukup dua puluh menit sambil ngopi atau lewat telepon, kapan pun {them} sempat — dan tidak apa-apa kalau sekarang belum waktunya."
    )
}
