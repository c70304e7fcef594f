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
use crate::t;
use anyhow::Context;

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

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let how = args.how.as_deref().map(|h| text::line("--how", h, text::MAX_LINE)).transpose()?;
    let on = match &args.on {
        Some(s) => dates::parse_past_day(s, today).context("--on")?,
        None => today,
    };
    app.change(
        |net| {
            let lookup = Lookup::new(net);
            let a = net.contacts[resolve::contact_in(&lookup, &args.a, lang)?].id;
            let b = net.contacts[resolve::contact_in(&lookup, &args.b, lang)?].id;
            if a == b {
                return Err(UsageError(t!(
                    lang,
                    "give two different people, as in `jejaring knows budi dewi`",
                    "berikan dua orang yang berbeda, misalnya `jejaring knows budi dewi`"
                ))
                .into());
            }
            let at = net.links.iter().position(|l| !l.introduced && l.joins(&a, &b));
            match (at, args.forget) {
                (Some(i), true) => Ok(Change::Save((net.links.remove(i), true))),
                (None, true) => Err(anyhow::anyhow!(t!(
                    lang,
                    "no link between them to forget",
                    "tidak ada tautan di antara mereka untuk dilupakan"
                ))),
                (Some(i), false) => {
                    let link = &mut net.links[i];
                    if how.is_none() || link.how == how {
                        return Ok(Change::Unchanged((link.clone(), false)));
                    }
                    link.how = how;
                    Ok(Change::Save((link.clone(), false)))
                }
                (None, false) => {
                    let mut link = Link::new(a, b, on, app.clock.now);
                    link.how = how;
                    net.links.push(link.clone());
                    Ok(Change::Save((link, false)))
                }
            }
        },
        |net, (link, forgot)| {
            if app.ui.json {
                app.ui.json_value(&link)?;
            }
            let name = |id| net.contact(id).map(|c| c.name.clone()).unwrap_or_default();
            let (a, b) = (name(&link.a), name(&link.b));
            app.ui.info(if forgot {
                t!(lang, "Forgot that {a} and {b} know each other", "Tautan {a} dan {b} dilupakan")
            } else {
                t!(lang, "Noted: {a} and {b} know each other", "Tercatat: {a} dan {b} saling kenal")
            });
            Ok(())
        },
    )
}
