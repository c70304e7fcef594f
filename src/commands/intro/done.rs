//! `jejaring intro done A --to B`: the introduction happened. It logs a conversation with
//! both, makes B's meeting day and "introduced by A" when B is new, adds a trust note
//! to A, and the coach proposes thanking A and following up with B within a week.

use crate::app::{App, Change};
use crate::coach::intro::THANK_DAYS;
use crate::model::link::{Intro, IntroStatus, Link};
use crate::model::promise::next_number;
use crate::model::{Interaction, Kind, TrustNote};
use crate::t;
use chrono::{Days, NaiveDate};
use serde::Serialize;
use serde_json::Map;
use uuid::Uuid;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who introduced you
    pub via: String,
    /// Whom you were introduced to
    #[arg(long, value_name = "CONTACT")]
    pub to: String,
    /// When [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// What was said, worth remembering
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Serialize)]
struct Done {
    intro: Intro,
    interaction: Uuid,
    /// B had no conversation before: their meeting day and "introduced by" were set.
    new: bool,
    thank_by: NaiveDate,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let (on, note) = super::day_and_note(args.on.as_deref(), args.note.as_deref(), today)?;
    let now = app.clock.now;
    app.change(
        |net| {
            let (via, to) = super::pair(net, &args.via, &args.to, lang)?;
            if let Some(i) = super::open_request(net, &via, &to) {
                super::not_before_asked(&net.intros[i], on, lang)?;
            }
            let (via_name, to_name) = (super::name(net, &via), super::name(net, &to));
            let new = !net.interactions.iter().any(|i| i.involves(&to) && i.on <= on);
            let mut talk = Interaction::new(vec![via, to], Kind::Intro, on, now);
            talk.text = Some(note.clone().unwrap_or_else(|| {
                t!(lang, "{via_name} introduced you to {to_name}", "{via_name} memperkenalkan Anda kepada {to_name}")
            }));
            let talk_id = talk.id;
            net.interactions.push(talk);
            if new && let Some(c) = net.contacts.iter_mut().find(|c| c.id == to) {
                if c.met_on.is_none_or(|m| m > on) {
                    c.met_on = Some(on);
                }
                if c.met_at.is_none() {
                    c.met_at = Some(t!(lang, "introduced by {via_name}", "diperkenalkan oleh {via_name}"));
                }
                c.edited = Some(now);
            }
            if !net.links.iter().any(|l| l.introduced && l.a == via && l.b == to) {
                let mut link = Link::new(via, to, on, now);
                link.introduced = true;
                net.links.push(link);
            }
            net.trust_notes.push(TrustNote {
                id: Uuid::now_v7(),
                contact: via,
                on,
                level: None,
                note: Some(t!(lang, "introduced you to {to_name}", "memperkenalkan Anda kepada {to_name}")),
                logged: now,
                extra: Map::new(),
            });
            let i = match super::open_request(net, &via, &to) {
                Some(i) => i,
                None => {
                    // An introduction nobody asked for is still one to thank for.
                    let n = next_number(net.intros.iter().map(|i| i.n));
                    net.intros.push(Intro::new(n, via, to, on, on, now));
                    net.intros.len() - 1
                }
            };
            let intro = &mut net.intros[i];
            intro.status = IntroStatus::Done;
            intro.resolved_on = Some(on);
            intro.interaction = Some(talk_id);
            let thank_by = on.checked_add_days(Days::new(THANK_DAYS)).unwrap_or(on);
            Ok(Change::Save(Done { intro: intro.clone(), interaction: talk_id, new, thank_by }))
        },
        |net, done| {
            if app.ui.json {
                app.ui.json_value(&done)?;
            }
            let (via, to) = (super::name(net, &done.intro.via), super::name(net, &done.intro.to));
            let (on, by) = (on, done.thank_by);
            app.ui.info(t!(
                lang,
                "Logged: {via} introduced you to {to} on {on}. Thank {via} by {by}, and follow up with {to} within a week.",
                "Tercatat: {via} memperkenalkan Anda kepada {to} pada {on}. Ucapkan terima kasih kepada {via} paling lambat {by}, dan tindak lanjuti {to} dalam seminggu."
            ));
            Ok(())
        },
    )
}
