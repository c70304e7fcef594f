//! `jejaring path NAME`: who in your network can introduce you to someone, best first,
//! each route with its evidence; two steps when nobody you know well knows them; and
//! when there is no route, how to make one.

use super::resolve;
use crate::app::App;
use crate::coach::graph;
use crate::coach::paths::{self, Route};
use crate::i18n::Lang;
use crate::model::lookup::Lookup;
use crate::model::{Contact, Network, Stage};
use crate::t;
use crate::ui::style;
use crate::views::intro::{self as view, Person, RouteOut};
use serde::Serialize;

/// Who can introduce you to someone
///
/// The people in your network who know them, best first: ranked by how much you can ask
/// of the introducer (your trust and warmth, promises you kept to them) times how well
/// they know the person, each with its evidence. Two steps when nobody you know well
/// knows them. For someone not in your network, give where they work with --at.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A contact (handle, name or unique prefix), or the name of someone you only know of
    pub name: String,
    /// Where they work, for someone not in your network: shows your routes into it
    #[arg(long, value_name = "ORG")]
    pub at: Option<String>,
}

#[derive(Serialize)]
struct Output<'a> {
    target: Person<'a>,
    /// Someone you know well (a connection, someone trusted) knows them directly.
    direct: bool,
    routes: Vec<RouteOut<'a>>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let lookup = Lookup::new(&net.contacts);
    // Nothing is guessed from a similar name: someone not named by handle, name or
    // prefix is someone you only know of.
    if !lookup.names_someone(&args.name) {
        return someone_you_know_of(app, net, &args);
    }
    let c = &net.contacts[resolve::contact_in(&lookup, &args.name, lang)?];
    let routes = paths::path(net, c.id, today);
    let direct = routes.iter().any(|r| r.steps == 1 && r.ask.askable);
    if app.ui.json {
        let target = Person { id: c.id, name: &c.name, handle: &c.handle };
        let routes = routes.iter().map(|r| view::route_json(net, r)).collect();
        return Ok(app.ui.json_value(&Output { target, direct, routes })?);
    }
    for line in lines(app, net, c, &routes, direct) {
        app.ui.line(line)?;
    }
    Ok(())
}

fn lines(app: &App, net: &Network, c: &Contact, routes: &[Route], direct: bool) -> Vec<String> {
    let lang = app.ui.lang;
    let who = match &c.org {
        Some(org) => format!("{} ({org})", c.name),
        None => c.name.clone(),
    };
    let mut lines = vec![app.ui.paint(style::HEADING, t!(lang, "Routes to {who}", "Jalan menuju {who}"))];
    if matches!(c.stage, Stage::Connection | Stage::Trusted) {
        let name = &c.name;
        lines.push(t!(
            lang,
            "  you already know {name} well: no introduction needed, reach out yourself",
            "  Anda sudah cukup mengenal {name}: tak perlu perkenalan, hubungi langsung"
        ));
        // Someone you know well needs no route made to them.
        if routes.is_empty() {
            return lines;
        }
    }
    if routes.is_empty() {
        lines.extend(no_route(net, c, lang));
        return lines;
    }
    if !direct {
        let name = &c.name;
        lines.push(t!(
            lang,
            "  Nobody you know well knows {name} directly; these routes take two steps or go through people you barely know.",
            "  Belum ada orang yang Anda kenal baik yang mengenal {name} langsung; jalan berikut dua langkah atau lewat orang yang baru sekilas Anda kenal."
        ));
    }
    for (i, r) in routes.iter().enumerate() {
        lines.extend(view::route_lines(net, i + 1, r, lang));
    }
    lines
}

/// No route: say so, and how to make one.
fn no_route(net: &Network, c: &Contact, lang: Lang) -> Vec<String> {
    let name = &c.name;
    let mut lines = vec![t!(
        lang,
        "  Nobody in your network is known to know {name} yet. To make a route:",
        "  Belum ada orang di jaringan Anda yang diketahui mengenal {name}. Untuk membuka jalan:"
    )];
    for g in net.goals.iter().filter(|g| g.is_active() && (g.contacts.contains(&c.id) || filtered(g, c))) {
        let title = &g.title;
        lines.push(t!(
            lang,
            "  - {name} is in the group of your goal \"{title}\": meet its people where they gather",
            "  - {name} termasuk kelompok tujuan \"{title}\": temui orang-orangnya di tempat mereka berkumpul"
        ));
    }
    lines.push(t!(
        lang,
        "  - go where they go: an event, a meetup, a talk they give",
        "  - datangi tempat mereka berada: acara, meetup, atau sesi yang mereka isi"
    ));
    if let Some(org) = &c.org {
        let trusted = most_recent_trusted(net);
        match trusted {
            Some(t) => {
                let friend = &t.name;
                lines.push(t!(
                    lang,
                    "  - ask someone you trust, such as {friend}: \"who do you know at {org}?\"",
                    "  - tanyakan kepada orang yang Anda percaya, misalnya {friend}: \"siapa yang kamu kenal di {org}?\""
                ));
            }
            None => lines.push(t!(
                lang,
                "  - ask someone you trust: \"who do you know at {org}?\"",
                "  - tanyakan kepada orang yang Anda percaya: \"siapa yang kamu kenal di {org}?\""
            )),
        }
    }
    let handle = &c.handle;
    lines.push(t!(
        lang,
        "  - when you learn who knows them, record it: `jejaring knows CONTACT {handle} --how \"…\"`",
        "  - bila Anda tahu siapa yang mengenalnya, catat: `jejaring knows KONTAK {handle} --how \"…\"`"
    ));
    lines
}

fn filtered(g: &crate::model::Goal, c: &Contact) -> bool {
    !(g.filters.tags.is_empty() && g.filters.circles.is_empty()) && g.filters.matches(c)
}

/// The trusted contact you talked to last.
fn most_recent_trusted(net: &Network) -> Option<&Contact> {
    let last = net.last_contacted();
    net.contacts.iter().filter(|c| c.stage == Stage::Trusted).max_by_key(|c| (last.get(&c.id).copied(), c.id))
}

#[derive(Serialize)]
struct KnownOf<'a> {
    name: &'a str,
    in_network: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<view::GroupOut<'a>>,
}

/// NAME is no contact: with an organisation (`--at`, or NAME is one), the routes into
/// it; otherwise how to find one.
fn someone_you_know_of(app: &App, net: &Network, args: &Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let name = args.name.trim();
    let org = args.at.as_deref().map(str::trim).filter(|o| !o.is_empty());
    let by_name = graph::at_org(net, name);
    let (group, members) = match org {
        Some(org) => (org, graph::at_org(net, org)),
        None if !by_name.is_empty() => (name, by_name),
        None => (name, Vec::new()),
    };
    let routes = (!members.is_empty()).then(|| paths::who_knows(net, &members, today));
    if app.ui.json {
        let at = routes.as_ref().map(|g| view::group_json(net, group, g));
        return Ok(app.ui.json_value(&KnownOf { name, in_network: false, at })?);
    }
    match (&routes, org) {
        (Some(g), _) => {
            if org.is_some() {
                app.ui.line(t!(
                    lang,
                    "{name} is not in your network; here is who can take you to {group}.",
                    "{name} belum ada di jaringan Anda; berikut siapa yang bisa membawa Anda ke {group}."
                ))?;
            }
            for line in view::group_lines(app, net, group, g) {
                app.ui.line(line)?;
            }
        }
        (None, Some(org)) => app.ui.line(t!(
            lang,
            "{name} is not in your network, and nobody in it works at {org} yet. Ask someone you trust: \"who do you know at {org}?\", or meet people from {org} at an event.",
            "{name} belum ada di jaringan Anda, dan belum ada yang bekerja di {org}. Tanyakan kepada orang yang Anda percaya: \"siapa yang kamu kenal di {org}?\", atau temui orang {org} di sebuah acara."
        ))?,
        (None, None) => app.ui.line(t!(
            lang,
            "{name} is not in your network. If you know where they work, see who can take you there: `jejaring path \"{name}\" --at ORG`; or add them with `jejaring add-contact \"{name}\"` and record who knows them with `jejaring knows`.",
            "{name} belum ada di jaringan Anda. Bila Anda tahu tempat kerjanya, lihat siapa yang bisa membawa Anda ke sana: `jejaring path \"{name}\" --at ORG`; atau tambahkan dengan `jejaring add-contact \"{name}\"` lalu catat siapa yang mengenalnya dengan `jejaring knows`."
        ))?,
    }
    Ok(())
}
