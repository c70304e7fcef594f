//! `jejaring log`: record a conversation or meeting with one or more people.

use super::resolve;
use crate::app::{App, Change};
use crate::dates::{self};
use crate::i18n::Lang;
use crate::model::lookup::Lookup;
use crate::model::{Interaction, Kind, text};
use crate::store::{Outline, Wanted};
use crate::t;
use anyhow::Context;
use uuid::Uuid;

/// Record an interaction with one or more contacts
///
/// The last argument is taken as the note when it does not name a contact
/// (use -m to be explicit): `jejaring log budi siti "coffee at the meetup"`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Contacts (handle, name, prefix or fuzzy), then optionally the note
    #[arg(required = true, value_name = "CONTACT… [TEXT]")]
    pub words: Vec<String>,
    /// What you talked about (then every argument is a contact)
    #[arg(long, short = 'm', value_name = "TEXT")]
    pub text: Option<String>,
    /// What kind of interaction
    #[arg(long, value_enum, default_value_t = Kind::Meeting)]
    pub kind: Kind,
    /// When it happened: 2026-11-03, yesterday, fri, 3 days ago [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// They made the first move (reciprocity counts in warmth)
    #[arg(long)]
    pub they_reached_out: bool,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let on = match &args.on {
        Some(s) => dates::parse_past_day(s, today).context("--on")?,
        None => today,
    };

    // Who was there is found in the network's outline; only they are read whole.
    let choose = |outline: &Outline| -> anyhow::Result<(Wanted, Said)> {
        // One lookup for every name: it folds the network's names once.
        let lookup = Lookup::new(&outline.heads);
        let mut words: &[String] = &args.words;
        let mut note = args.text.as_deref();
        // The last word is the note unless it names someone by handle, name or prefix.
        if let (None, [people @ .., last]) = (note, words)
            && !people.is_empty()
            && !lookup.names_someone(last)
        {
            (words, note) = (people, Some(last.as_str()));
        }
        let note = note.map(|t| text::text("TEXT", t)).transpose()?;
        let (mut places, mut ids) = (Vec::new(), Vec::new());
        for word in words {
            let n = resolve::contact_in(&lookup, word, lang)?;
            let id = outline.heads[n].id;
            if !ids.contains(&id) {
                ids.push(id);
                places.push(n);
            }
        }
        Ok((Wanted::new(places, []), (ids, note)))
    };
    app.change_part(
        choose,
        |net, (ids, note)| {
            let mut interaction = Interaction::new(ids, args.kind, on, app.clock.now);
            interaction.text = note;
            interaction.they_reached_out = args.they_reached_out;
            net.interactions.push(interaction);
            // A conversation before the day you said you met them moves the meeting day.
            net.settle_met_days();
            Ok(Change::Save(()))
        },
        |net, ()| {
            let Some(interaction) = net.interactions.last() else { return Ok(()) };
            if app.ui.json {
                app.ui.json_value(interaction)?;
            }
            let names: Vec<&str> =
                interaction.contacts.iter().filter_map(|id| net.contact(id)).map(|c| c.name.as_str()).collect();
            let names = names.join(", ");
            let kind = with_article(&interaction.kind, lang);
            app.ui.info(t!(lang, "Logged {kind} with {names} on {on}", "Tercatat {kind} dengan {names} pada {on}"));
            Ok(())
        },
    )
}

/// Who a conversation was with, and the note on it, as the command line says.
type Said = (Vec<Uuid>, Option<String>);

/// The kind as the object of "Logged …": English puts "an" before a vowel ("an email",
/// "an introduction"), and a kind of "other" is simply an interaction.
fn with_article(kind: &Kind, lang: Lang) -> String {
    match (kind, lang) {
        (Kind::Other, Lang::En) => "an interaction".to_string(),
        (Kind::Other, Lang::Id) => "interaksi".to_string(),
        (kind, Lang::En) => {
            let label = kind.label(lang);
            let vowel = label.starts_with(|c: char| "aeiouAEIOU".contains(c));
            format!("{} {label}", if vowel { "an" } else { "a" })
        }
        (kind, Lang::Id) => kind.label(lang).to_string(),
    }
}
