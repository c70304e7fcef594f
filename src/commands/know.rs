//! `jejaring know`: what you have learned about someone, their knowing score and the
//! next question worth asking. Facts can be corrected or removed.

use super::resolve;
use crate::app::{App, Change};
use crate::coach::index::Index;
use crate::coach::knowing::{self, Knowing};
use crate::dates::{self};
use crate::errors::UsageError;
use crate::i18n::Lang;
use crate::model::promise::next_number;
use crate::model::{Fact, Topic, text};
use crate::store::{Outline, Wanted};
use crate::t;
use crate::views::blocks;
use anyhow::Context;
use serde::Serialize;
use serde_json::Map;
use uuid::Uuid;

/// Record what you know about someone
///
/// `jejaring know siti "training for the Bali marathon" --topic interests`.
/// Without a fact, lists what you know and the next question worth asking. (To record
/// that two people know each other, use `knows`.)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The contact
    pub contact: String,
    /// The fact you learned
    pub fact: Option<String>,
    /// What the fact is about
    #[arg(long, value_enum)]
    pub topic: Option<Topic>,
    /// When you learned it [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Correct fact number N (give the new text, and --topic to change the topic)
    #[arg(long, value_name = "N", conflicts_with = "remove")]
    pub fix: Option<u32>,
    /// Remove fact number N
    #[arg(long, value_name = "N")]
    pub remove: Option<u32>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    match (&args.fact, args.fix, args.remove) {
        (None, None, None) if args.topic.is_none() && args.on.is_none() => list(app, &args.contact),
        (Some(_), None, None) => add(app, &args),
        (_, Some(n), None) => fix(app, &args, n),
        (None, None, Some(n)) => remove(app, &args.contact, n),
        _ => Err(UsageError(t!(
            app.ui.lang,
            "give the fact to record, as in `jejaring know siti \"runs marathons\" --topic interests`",
            "berikan fakta yang dicatat, misalnya `jejaring know siti \"suka maraton\" --topic interests`"
        ))
        .into()),
    }
}

fn add(app: &App, args: &Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let fact_text = text::text("FACT", args.fact.as_deref().unwrap_or_default())?;
    let on = match &args.on {
        Some(s) => dates::parse_past_day(s, today).context("--on")?,
        None => today,
    };
    // The report says how well you know them, from their record and facts: read whole.
    app.change_part(
        person(&args.contact, lang, true),
        |net, id| {
            let fact = Fact {
                id: Uuid::now_v7(),
                // Facts are numbered per person: Budi's first fact is #1, whoever else you
                // know. `--fix N` and `--remove N` look the number up among that person's facts.
                n: next_number(net.facts.iter().filter(|f| f.contact == id).map(|f| f.n)),
                contact: id,
                topic: args.topic.clone().unwrap_or(Topic::Other),
                text: fact_text,
                on,
                logged: app.clock.now,
                extra: Map::new(),
            };
            net.facts.push(fact.clone());
            Ok(Change::Save(fact))
        },
        |net, fact| {
            if app.ui.json {
                app.ui.json_value(&fact)?;
            }
            let Some(c) = net.contact(&fact.contact) else { return Ok(()) };
            let (n, name) = (fact.n, &c.name);
            let k = Index::new(net).knowing(c);
            let score = k.score;
            app.ui.info(t!(
                lang,
                "Fact #{n} about {name}; you now know {score}% of the basics",
                "Fakta #{n} tentang {name}; kini Anda tahu {score}% hal dasar"
            ));
            if let Some(next) = &k.next {
                let q = knowing::question(next, lang);
                app.ui.info(t!(lang, "Next time, ask: {q}", "Lain kali, tanyakan: {q}"));
            }
            Ok(())
        },
    )
}

/// Finds `who` in the network's outline, for a change of their facts; `whole`: whether
/// the change reads them whole too.
fn person(who: &str, lang: Lang, whole: bool) -> impl Fn(&Outline) -> anyhow::Result<(Wanted, Uuid)> + '_ {
    move |outline| {
        let n = resolve::head(outline, who, lang)?;
        let wanted = if whole { Wanted::new([n], []) } else { Wanted::default() };
        Ok((wanted, outline.heads[n].id))
    }
}

fn owned_fact(net: &crate::model::Network, contact: &Uuid, n: u32, lang: Lang) -> anyhow::Result<usize> {
    net.facts.iter().position(|f| f.n == n && &f.contact == contact).ok_or_else(|| {
        anyhow::anyhow!(t!(
            lang,
            "this contact has no fact #{n}; list them with `jejaring know CONTACT`",
            "kontak ini tidak punya fakta #{n}; lihat daftarnya dengan `jejaring know KONTAK`"
        ))
    })
}

fn fix(app: &App, args: &Args, n: u32) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let new_text = args.fact.as_deref().map(|f| text::text("FACT", f)).transpose()?;
    if new_text.is_none() && args.topic.is_none() {
        return Err(UsageError(t!(
            lang,
            "--fix {n} needs the corrected text or a --topic",
            "--fix {n} perlu teks yang dibetulkan atau --topic"
        ))
        .into());
    }
    app.change_part(
        person(&args.contact, lang, false),
        |net, id| {
            let i = owned_fact(net, &id, n, lang)?;
            let fact = &mut net.facts[i];
            if let Some(t) = new_text {
                fact.text = t;
            }
            if let Some(topic) = &args.topic {
                fact.topic = topic.clone();
            }
            Ok(Change::Save(fact.clone()))
        },
        |_, fact| {
            if app.ui.json {
                app.ui.json_value(&fact)?;
            }
            app.ui.info(t!(lang, "Fact #{n} corrected", "Fakta #{n} dibetulkan"));
            Ok(())
        },
    )
}

fn remove(app: &App, who: &str, n: u32) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    app.change_part(
        person(who, lang, false),
        |net, id| {
            let i = owned_fact(net, &id, n, lang)?;
            Ok(Change::Save(net.facts.remove(i)))
        },
        |_, gone| {
            if app.ui.json {
                app.ui.json_value(&gone)?;
            }
            app.ui.info(t!(lang, "Fact #{n} removed", "Fakta #{n} dihapus"));
            Ok(())
        },
    )
}

#[derive(Serialize)]
struct Listing<'a> {
    contact: Uuid,
    name: &'a str,
    knowing: &'a Knowing,
    next_question: Option<String>,
    facts: &'a [&'a Fact],
}

fn list(app: &App, who: &str) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let (store, n) = resolve::read_one(app, who)?;
    let net = &store.net;
    let c = &net.contacts[n];
    let index = Index::new(net);
    let k = index.knowing(c);
    let facts = index.facts(&c.id);
    let next_question = k.next.as_ref().map(|t| knowing::question(t, lang));
    if app.ui.json {
        let l = Listing { contact: c.id, name: &c.name, knowing: &k, next_question, facts };
        return Ok(app.ui.json_value(&l)?);
    }
    let ui = &app.ui;
    for line in blocks::knowing(app, &c.name, &k, facts) {
        ui.line(line)?;
    }
    Ok(())
}
