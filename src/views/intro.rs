//! Who knows whom, as `path`, `who-knows`, `show`, `brief`, `today` and `select` show
//! it: a route with its evidence, the people someone knows in your network and who
//! introduced them, and the introductions waiting or to follow up.

use crate::app::App;
use crate::coach::graph::{self, Tie};
use crate::coach::intro::Pending;
use crate::coach::intro_text;
use crate::coach::paths::{Ask, GroupRoutes, Route};
use crate::i18n::Lang;
use crate::model::{Contact, Network, link};
use crate::ui::style;
use crate::{t, tn};
use chrono::NaiveDate;
use rustc_hash::FxHashSet;
use serde::Serialize;
use uuid::Uuid;

/// How many of the people someone knows `show` and `brief` list.
const KNOWN_SHOWN: usize = 5;

/// A person named in `--json`.
#[derive(Clone, Debug, Serialize)]
pub struct Person<'a> {
    pub id: Uuid,
    pub name: &'a str,
    pub handle: &'a str,
}

pub fn person<'a>(net: &'a Network, id: &Uuid) -> Option<Person<'a>> {
    net.contact(id).map(|c| Person { id: c.id, name: &c.name, handle: &c.handle })
}

/// "Budi Santoso (b1c2)": names with the handle, so namesakes are told apart.
pub fn named(net: &Network, id: &Uuid) -> String {
    net.contact(id).map(|c| format!("{} ({})", c.name, c.handle)).unwrap_or_default()
}

fn name(net: &Network, id: &Uuid) -> String {
    net.contact(id).map(|c| c.name.clone()).unwrap_or_default()
}

/// "you trust Budi 4/5, warmth 62, kept 2 of 2 promises to them on time".
pub fn ask_text(a: &Ask, who: &str, lang: Lang) -> String {
    let (trust, warmth) = (a.trust, a.warmth);
    let who = who.split_whitespace().next().unwrap_or(who);
    let mut s = t!(
        lang,
        "you trust {who} {trust}/5, warmth {warmth}",
        "kepercayaan Anda kepada {who} {trust}/5, kehangatan {warmth}"
    );
    if a.counted > 0 {
        let (kept, counted) = (a.kept, a.counted);
        s.push_str(&tn!(
            lang,
            counted,
            ", kept {kept} of {counted} promise to them on time",
            ", kept {kept} of {counted} promises to them on time",
            ", {kept} dari {counted} janji kepadanya ditepati tepat waktu"
        ));
    }
    if !a.askable {
        s.push_str(&t!(lang, "; you barely know them", "; Anda baru sekilas mengenalnya"));
    }
    // The contact's own screen says where a trust level comes from; so does this one.
    if !a.trust_noted {
        s.push_str(&t!(
            lang,
            " (trust from the stage; no trust note yet)",
            " (kepercayaan dari tahap; belum ada catatan kepercayaan)"
        ));
    }
    s
}

/// One route as lines: who to ask and why, then the evidence.
pub fn route_lines(net: &Network, n: usize, r: &Route, lang: Lang) -> Vec<String> {
    let via = named(net, &r.via);
    let target = name(net, &r.target);
    let ask = ask_text(&r.ask, &name(net, &r.via), lang);
    match (r.through, r.ties.as_slice()) {
        (Some(b), [first, last]) => {
            let (a_name, b_named, b_name) = (name(net, &r.via), named(net, &b), name(net, &b));
            vec![
                t!(
                    lang,
                    "  {n}. {via}, then {b_named} — two steps: ask {a_name} to introduce you to {b_name}, who knows {target}",
                    "  {n}. {via}, lalu {b_named} — dua langkah: minta {a_name} memperkenalkan Anda kepada {b_name}, yang mengenal {target}"
                ),
                format!("     {a_name} – {b_name}: {}", intro_text::tie(first, lang)),
                format!("     {b_name} – {target}: {}", intro_text::tie(last, lang)),
                format!("     {ask}"),
            ]
        }
        (_, [tie, ..]) => vec![format!("  {n}. {via} — {}", intro_text::tie(tie, lang)), format!("     {ask}")],
        _ => Vec::new(),
    }
}

/// A route in `--json`.
#[derive(Serialize)]
pub struct RouteOut<'a> {
    pub steps: u8,
    pub via: Option<Person<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub through: Option<Person<'a>>,
    pub ask: &'a Ask,
    pub ties: &'a [Tie],
    pub score: u8,
}

pub fn route_json<'a>(net: &'a Network, r: &'a Route) -> RouteOut<'a> {
    RouteOut {
        steps: r.steps,
        via: person(net, &r.via),
        through: r.through.and_then(|b| person(net, &b)),
        ask: &r.ask,
        ties: &r.ties,
        score: r.score,
    }
}

/// Someone a contact knows, in `show --json`.
#[derive(Serialize)]
pub struct Known<'a> {
    #[serde(flatten)]
    pub person: Person<'a>,
    pub tie: Tie,
}

/// Who a contact knows in your network (strongest first), and who introduced you.
pub struct Around<'a> {
    pub knows: Vec<Known<'a>>,
    pub introduced_by: Option<(Person<'a>, NaiveDate)>,
}

pub fn around<'a>(net: &'a Network, c: &Contact, today: NaiveDate) -> Around<'a> {
    let ties = graph::around(net, &FxHashSet::from_iter([c.id]), today);
    let knows = ties
        .of(&c.id)
        .into_iter()
        .take(KNOWN_SHOWN)
        .filter_map(|(id, tie)| Some(Known { person: person(net, &id)?, tie: tie.clone() }))
        .collect();
    let introduced_by = link::introducer(net, &c.id).and_then(|(id, on)| Some((person(net, &id)?, on)));
    Around { knows, introduced_by }
}

/// The block `show` and `brief` print: who introduced them, and whom they know.
/// `brief` names the introducer at the top instead (`with_introducer` false).
pub fn contact_block(app: &App, c: &Contact, around: &Around, with_introducer: bool) -> Vec<String> {
    let lang = app.ui.lang;
    let mut lines = Vec::new();
    let introduced_by = around.introduced_by.as_ref().filter(|_| with_introducer);
    if around.knows.is_empty() && introduced_by.is_none() {
        return lines;
    }
    let first = c.name.split_whitespace().next().unwrap_or(&c.name);
    lines.push(app.ui.paint(style::HEADING, t!(lang, "Who {first} knows", "Siapa yang dikenal {first}")));
    if let Some((p, on)) = introduced_by {
        let who = format!("{} ({})", p.name, p.handle);
        lines.push(t!(
            lang,
            "  introduced to you by {who} on {on}",
            "  diperkenalkan kepada Anda oleh {who} pada {on}"
        ));
    }
    for k in &around.knows {
        lines.push(format!("  {} ({}) — {}", k.person.name, k.person.handle, intro_text::tie(&k.tie, lang)));
    }
    lines
}

/// The digest's lines about introductions: waiting, ask again, thank, follow up.
pub fn pending_lines(net: &Network, pending: &[Pending], lang: Lang) -> Vec<String> {
    pending
        .iter()
        .map(|p| match p {
            Pending::Waiting { n, via, to, asked, due } => {
                let (via, to) = (name(net, via), name(net, to));
                t!(
                    lang,
                    "waiting on {via}'s introduction to {to} (#{n}, asked {asked}; ask again after {due})",
                    "menunggu perkenalan dari {via} dengan {to} (#{n}, diminta {asked}; tanyakan lagi setelah {due})"
                )
            }
            Pending::Nudge { n, via, to, asked, .. } => {
                let (via, to) = (name(net, via), name(net, to));
                t!(
                    lang,
                    "ask {via} again, kindly, about the introduction to {to} (#{n}, asked {asked})",
                    "tanyakan lagi kepada {via} dengan ramah soal perkenalan dengan {to} (#{n}, diminta {asked})"
                )
            }
            Pending::Thank { via, to, on, by, .. } => {
                let (via, to) = (name(net, via), name(net, to));
                t!(
                    lang,
                    "thank {via} for introducing you to {to} on {on} (by {by})",
                    "ucapkan terima kasih kepada {via} karena memperkenalkan Anda kepada {to} pada {on} (paling lambat {by})"
                )
            }
            Pending::FollowUp { via, to, on, by, .. } => {
                let (via, to) = (name(net, via), name(net, to));
                t!(
                    lang,
                    "follow up with {to}, whom {via} introduced on {on} (by {by})",
                    "tindak lanjuti {to}, yang diperkenalkan {via} pada {on} (paling lambat {by})"
                )
            }
        })
        .collect()
}

/// A pending item in `--json`, with names.
#[derive(Serialize)]
pub struct PendingOut<'a> {
    #[serde(flatten)]
    pub item: &'a Pending,
    pub via_name: String,
    pub to_name: String,
}

pub fn pending_json<'a>(net: &Network, pending: &'a [Pending]) -> Vec<PendingOut<'a>> {
    pending
        .iter()
        .map(|item| {
            let (via, to) = match item {
                Pending::Waiting { via, to, .. }
                | Pending::Nudge { via, to, .. }
                | Pending::Thank { via, to, .. }
                | Pending::FollowUp { via, to, .. } => (via, to),
            };
            PendingOut { item, via_name: name(net, via), to_name: name(net, to) }
        })
        .collect()
}

/// How many people a `who-knows` list shows before "… N more".
const GROUP_SHOWN: usize = 10;

/// `who-knows` (and `path` for someone known only by their organisation) as lines.
pub fn group_lines(app: &App, net: &Network, group: &str, g: &GroupRoutes) -> Vec<String> {
    let lang = app.ui.lang;
    let ui = &app.ui;
    let mut lines = vec![ui.paint(style::HEADING, t!(lang, "Your routes into {group}", "Jalan Anda menuju {group}"))];
    lines.push(t!(lang, "People you know there:", "Orang yang Anda kenal di sana:"));
    for (id, ask) in g.inside.iter().take(GROUP_SHOWN) {
        let stage = net.contact(id).map(|c| c.stage.label(lang).to_string()).unwrap_or_default();
        lines.push(format!("  {} — {stage}; {}", named(net, id), ask_text(ask, &name(net, id), lang)));
    }
    more(&mut lines, g.inside.len(), lang);
    if g.routes.is_empty() {
        lines.push(t!(
            lang,
            "Nobody else in your network is known to know them yet.",
            "Belum ada orang lain di jaringan Anda yang diketahui mengenal mereka."
        ));
        return lines;
    }
    lines.push(t!(lang, "People who know people there:", "Orang yang mengenal orang di sana:"));
    for (i, r) in g.routes.iter().take(GROUP_SHOWN).enumerate() {
        let n = i + 1;
        lines.push(format!("  {n}. {} — {}", named(net, &r.via), ask_text(&r.ask, &name(net, &r.via), lang)));
        for (m, tie) in &r.knows[..r.knows.len().min(3)] {
            lines.push(format!("     {} {}: {}", t!(lang, "knows", "kenal"), name(net, m), intro_text::tie(tie, lang)));
        }
        let others = r.members_known.saturating_sub(3);
        if others > 0 {
            lines.push(tn!(
                lang,
                others,
                "     and {others} more there",
                "     and {others} more there",
                "     dan {others} orang lain di sana"
            ));
        }
    }
    more(&mut lines, g.routes.len(), lang);
    lines
}

fn more(lines: &mut Vec<String>, total: usize, lang: Lang) {
    if total > GROUP_SHOWN {
        let more = total - GROUP_SHOWN;
        lines.push(t!(lang, "  … {more} more (all with --json)", "  … {more} lagi (semuanya dengan --json)"));
    }
}

/// `who-knows --json`.
#[derive(Serialize)]
pub struct GroupOut<'a> {
    pub group: &'a str,
    pub inside: Vec<InsideOut<'a>>,
    pub routes: Vec<GroupRouteOut<'a>>,
}

#[derive(Serialize)]
pub struct InsideOut<'a> {
    #[serde(flatten)]
    pub person: Person<'a>,
    pub ask: &'a Ask,
}

#[derive(Serialize)]
pub struct GroupRouteOut<'a> {
    pub via: Option<Person<'a>>,
    pub ask: &'a Ask,
    pub score: u8,
    pub members_known: usize,
    pub knows: Vec<Known<'a>>,
}

pub fn group_json<'a>(net: &'a Network, group: &'a str, g: &'a GroupRoutes) -> GroupOut<'a> {
    GroupOut {
        group,
        inside: g.inside.iter().filter_map(|(id, ask)| Some(InsideOut { person: person(net, id)?, ask })).collect(),
        routes: g
            .routes
            .iter()
            .map(|r| GroupRouteOut {
                via: person(net, &r.via),
                ask: &r.ask,
                score: r.score,
                members_known: r.members_known,
                knows: r
                    .knows
                    .iter()
                    .filter_map(|(m, tie)| Some(Known { person: person(net, m)?, tie: tie.clone() }))
                    .collect(),
            })
            .collect(),
    }
}

/// `select`'s block of introductions still open (the picks name those to act on): what
/// you are waiting for, so it stays in view until it is resolved.
pub fn waiting_lines(app: &App, net: &Network, today: NaiveDate) -> Vec<String> {
    let lang = app.ui.lang;
    let waiting: Vec<Pending> =
        crate::coach::intro::pending(net, today).into_iter().filter(|p| matches!(p, Pending::Waiting { .. })).collect();
    if waiting.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![
        String::new(),
        app.ui.paint(style::HEADING, t!(lang, "Introductions asked for", "Perkenalan yang diminta")),
    ];
    lines.extend(pending_lines(net, &waiting, lang).into_iter().map(|l| format!("  {l}")));
    lines
}

/// `show --json`'s part: `knows` and `introduced_by`.
#[derive(Serialize)]
pub struct AroundOut<'a> {
    pub knows: Vec<Known<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub introduced_by: Option<IntroducedBy<'a>>,
}

#[derive(Serialize)]
pub struct IntroducedBy<'a> {
    #[serde(flatten)]
    pub person: Person<'a>,
    pub on: NaiveDate,
}

impl<'a> From<Around<'a>> for AroundOut<'a> {
    fn from(a: Around<'a>) -> Self {
        AroundOut { knows: a.knows, introduced_by: a.introduced_by.map(|(person, on)| IntroducedBy { person, on }) }
    }
}

/// `brief`'s line under "met:": who introduced you, and what you know through them
/// (the note of your request, or how they know each other).
pub fn introduced_line(net: &Network, c: &Contact, lang: Lang) -> Option<String> {
    let (via, on) = link::introducer(net, &c.id)?;
    let who = named(net, &via);
    let through = net
        .intros
        .iter()
        .filter(|i| i.via == via && i.to == c.id)
        .find_map(|i| i.note.clone())
        .or_else(|| net.links.iter().filter(|l| l.joins(&via, &c.id)).find_map(|l| l.how.clone()));
    let mut line = t!(lang, "  introduced by {who} on {on}", "  diperkenalkan oleh {who} pada {on}");
    if let Some(note) = through {
        line.push_str(&format!(" — {}", note.replace('\n', " ")));
    }
    Some(line)
}
