//! `jejaring knows A B`: record that two of your contacts know each other, the strongest
//! evidence of who knows whom (not to be confused with `know`, which records facts
//! about one person).

use super::resolve;
use crate::app::{App, Change};
use crate::dates;
use crate::errors::UsageError;
use crate::model::link::Link;
use crate::model::lookup::Lookup;
use crate::model::text;
use crate::store::{Outline, Wanted};
use crate::t;
use anyhow::Context;
use chrono::NaiveDate;

/// Record that two of your contacts know each other
///
/// `jejaring knows budi dewi --how "studied together at ITB"`. The strongest evidence
/// for `path` and `who-knows`. (To note facts about one person, use `know`.)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// One contact
    pub a: String,
    /// The other contact
    pub b: String,
    /// How they know each other
    #[arg(long, value_name = "TEXT")]
    pub how: Option<String>,
    /// Since when you know they know each other [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Forget the link instead (it was a mistake)
    #[arg(long, conflicts_with_all = ["how", "on"])]
    pub forget: bool,
}

/// What `knows` did to the link between the two.
enum Outcome {
    Added,
    /// An existing link took a new `--how` or `--on`; `was` is its day before.
    Updated {
        was: NaiveDate,
    },
    /// The link was already there, as given.
    Unchanged,
    Forgot,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let how = args.how.as_deref().map(|h| text::line("--how", h, text::MAX_LINE)).transpose()?;
    // Only a day the user gave moves a known link: its day is when they learned it, and
    // the evidence ages from then. Without --on a new link is dated today.
    let on = args.on.as_deref().map(|s| dates::parse_past_day(s, today).context("--on")).transpose()?;
    // Both are found in the network's outline and read whole (for their names).
    let choose = |outline: &Outline| {
        let lookup = Lookup::new(&outline.heads);
        let (na, nb) = (resolve::contact_in(&lookup, &args.a, lang)?, resolve::contact_in(&lookup, &args.b, lang)?);
        if outline.heads[na].id == outline.heads[nb].id {
            return Err(UsageError(t!(
                lang,
                "give two different people, as in `jejaring knows budi dewi`",
                "berikan dua orang yang berbeda, misalnya `jejaring knows budi dewi`"
            ))
            .into());
        }
        Ok((Wanted::new([na, nb], []), (outline.heads[na].id, outline.heads[nb].id)))
    };
    app.change_part(
        choose,
        |net, (a, b)| {
            let at = net.links.iter().position(|l| !l.introduced && l.joins(&a, &b));
            match (at, args.forget) {
                (Some(i), true) => Ok(Change::Save((net.links.remove(i), Outcome::Forgot))),
                (None, true) => Err(anyhow::anyhow!(t!(
                    lang,
                    "no link between them to forget",
                    "tidak ada tautan di antara mereka untuk dilupakan"
                ))),
                (Some(i), false) => {
                    let link = &mut net.links[i];
                    let new_how = how.filter(|h| link.how.as_ref() != Some(h));
                    let new_on = on.filter(|d| *d != link.on);
                    if new_how.is_none() && new_on.is_none() {
                        return Ok(Change::Unchanged((link.clone(), Outcome::Unchanged)));
                    }
                    let was = link.on;
                    link.how = new_how.or(link.how.take());
                    link.on = new_on.unwrap_or(link.on);
                    Ok(Change::Save((link.clone(), Outcome::Updated { was })))
                }
                (None, false) => {
                    let mut link = Link::new(a, b, on.unwrap_or(today), app.clock.now);
                    link.how = how;
                    net.links.push(link.clone());
                    Ok(Change::Save((link, Outcome::Added)))
                }
            }
        },
        |net, (link, outcome)| {
            if app.ui.json {
                app.ui.json_value(&link)?;
            }
            let name = |id| net.contact(id).map(|c| c.name.clone()).unwrap_or_default();
            let (a, b, on) = (name(&link.a), name(&link.b), link.on);
            app.ui.info(match outcome {
                Outcome::Forgot => t!(lang, "Forgot that {a} and {b} know each other", "Tautan {a} dan {b} dilupakan"),
                Outcome::Added => t!(lang, "Noted: {a} and {b} know each other", "Tercatat: {a} dan {b} saling kenal"),
                Outcome::Updated { was } if was != on => t!(
                    lang,
                    "Updated: {a} and {b} know each other, since {on} (was {was})",
                    "Diperbarui: {a} dan {b} saling kenal, sejak {on} (sebelumnya {was})"
                ),
                Outcome::Updated { .. } => t!(
                    lang,
                    "Updated: {a} and {b} know each other, since {on}",
                    "Diperbarui: {a} dan {b} saling kenal, sejak {on}"
                ),
                Outcome::Unchanged => t!(
                    lang,
                    "Already noted: {a} and {b} know each other, since {on}",
                    "Sudah tercatat: {a} dan {b} saling kenal, sejak {on}"
                ),
            });
            Ok(())
        },
    )
}
