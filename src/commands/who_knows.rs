//! `jejaring who-knows ORG|--tag T|--circle C`: your routes into an organisation or a
//! group — the people you know there, and the people who know people there.

use crate::app::App;
use crate::coach::graph;
use crate::coach::paths;
use crate::errors::UsageError;
use crate::model::{Circle, text};
use crate::t;
use crate::views::intro as view;

/// Your routes into an organisation or a group
///
/// The people you know there, and the people in your network who know people there,
/// best first, each with its evidence. Give an organisation, or --tag or --circle.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The organisation (as in the contacts' --org)
    #[arg(required_unless_present_any = ["tag", "circle"], conflicts_with_all = ["tag", "circle"])]
    pub org: Option<String>,
    /// Everyone with this tag
    #[arg(long, value_name = "TAG", conflicts_with = "circle")]
    pub tag: Option<String>,
    /// Everyone in this circle
    #[arg(long, value_enum, value_name = "CIRCLE")]
    pub circle: Option<Circle>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let (group, members) = match (&args.org, &args.tag, &args.circle) {
        (Some(org), _, _) => {
            let org = text::line("ORG", org, text::MAX_LINE)?;
            let members = graph::at_org(net, &org);
            (org, members)
        }
        (_, Some(tag), _) => {
            let tag = text::fold(&text::tag(tag)?);
            let members = net.contacts.iter().filter(|c| c.tags.iter().any(|t| text::fold(t) == tag)).map(|c| c.id);
            (format!("#{tag}"), members.collect())
        }
        (_, _, Some(circle)) => {
            let members = net.contacts.iter().filter(|c| &c.circle == circle).map(|c| c.id).collect();
            let label = circle.label(lang);
            (t!(lang, "the {label} circle", "lingkaran {label}"), members)
        }
        _ => {
            return Err(UsageError(t!(
                lang,
                "give an organisation, --tag or --circle, as in `jejaring who-knows OVO`",
                "berikan organisasi, --tag atau --circle, misalnya `jejaring who-knows OVO`"
            ))
            .into());
        }
    };
    let routes = paths::who_knows(net, &members, today);
    if app.ui.json {
        return Ok(app.ui.json_value(&view::group_json(net, &group, &routes))?);
    }
    if members.is_empty() {
        app.ui.line(t!(
            lang,
            "Nobody in your network is in {group} yet. Ask someone you trust who they know there, or meet its people at an event; then add them with `jejaring add-contact`.",
            "Belum ada orang di jaringan Anda yang termasuk {group}. Tanyakan kepada orang yang Anda percaya siapa yang mereka kenal di sana, atau temui orang-orangnya di sebuah acara; lalu tambahkan dengan `jejaring add-contact`."
        ))?;
        return Ok(());
    }
    for line in view::group_lines(app, net, &group, &routes) {
        app.ui.line(line)?;
    }
    Ok(())
}
