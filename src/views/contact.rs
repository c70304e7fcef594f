//! One contact as `show` and `brief` both present them: the `--json` document, where
//! you met, and a line of history.

use crate::app::App;
use crate::coach::cadence;
use crate::coach::index::Index;
use crate::coach::knowing::{self, Knowing};
use crate::coach::reliability::{self, Reliability};
use crate::coach::stage_up::{self, StageUp};
use crate::coach::warmth::Warmth;
use crate::i18n::Lang;
use crate::model::{Contact, Fact, Interaction, Network, Promise, TrustNote};
use crate::t;
use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

/// `show --json`: the contact and everything derived from the records about them.
#[derive(Serialize)]
struct View<'a> {
    contact: &'a Contact,
    last_contact: Option<NaiveDate>,
    next_due: NaiveDate,
    cadence_days: u32,
    cadence_chosen: bool,
    /// `first` or `monthly` while someone newly met is on the follow-up rhythm.
    #[serde(skip_serializing_if = "Option::is_none")]
    cadence_follow_up: Option<cadence::FollowUp>,
    warmth: &'a Warmth,
    trust_level: u8,
    trust_level_from_note: bool,
    trust_notes: &'a [&'a TrustNote],
    knowing: &'a Knowing,
    next_question: Option<String>,
    facts: &'a [&'a Fact],
    reliability: Reliability,
    reliability_rate: Option<u8>,
    promises: &'a [&'a Promise],
    interactions: &'a [&'a Interaction],
    /// Set when the stage-up rule suggests moving them up (see `coach::stage_up`).
    #[serde(skip_serializing_if = "Option::is_none")]
    stage_up: Option<StageUp>,
    /// Whom they know in your network, and who introduced you (`views::intro`).
    #[serde(flatten)]
    network: super::intro::AroundOut<'a>,
}

/// Prints the `show --json` document for a contact (also used by `brief --json`).
pub fn json(app: &App, net: &Network, c: &Contact) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let index = Index::new(net);
    let last_contact = index.last_talked(&c.id);
    let rhythm = cadence::rhythm(c, last_contact, today);
    let k = index.knowing(c);
    let (trust_level, trust_level_from_note) = index.trust(c);
    let rel = reliability::tally(index.promises(&c.id).iter().copied(), today, None);
    let view = View {
        contact: c,
        last_contact,
        next_due: cadence::next_due(c, last_contact, today),
        cadence_days: rhythm.days,
        cadence_chosen: rhythm.chosen,
        cadence_follow_up: rhythm.follow_up,
        warmth: &index.warmth(c, today),
        trust_level,
        trust_level_from_note,
        trust_notes: index.notes(&c.id),
        knowing: &k,
        next_question: k.next.as_ref().map(|t| knowing::question(t, lang)),
        facts: index.facts(&c.id),
        reliability: rel,
        reliability_rate: rel.rate(),
        promises: index.promises(&c.id),
        interactions: index.interactions(&c.id),
        stage_up: stage_up::check(&index, c, today),
        network: super::intro::around(net, c, today).into(),
    };
    Ok(app.ui.json_value(&view)?)
}

/// "Berlin partner summit (2026-05-12)".
pub fn met_line(c: &Contact) -> Option<String> {
    match (&c.met_at, c.met_on) {
        (Some(at), Some(on)) => Some(format!("{at} ({on})")),
        (Some(at), None) => Some(at.clone()),
        (None, Some(on)) => Some(on.to_string()),
        (None, None) => None,
    }
}

/// One line of history: day, kind, who reached out (or who wrote, when only one side
/// did), who else was there, the note, and where an imported one came from.
pub fn interaction_line(net: &Network, i: &Interaction, me: &Uuid, lang: Lang) -> String {
    let mut line = format!("  {}  {:<11}", i.on, i.kind.label(lang));
    // One side only is "wrote", not a talk: say whose side it was.
    let mark = match (i.two_way(), i.they_reached_out) {
        (false, true) => Some(t!(lang, "they wrote", "mereka menulis")),
        (false, false) => Some(t!(lang, "you wrote", "Anda menulis")),
        (true, true) => Some(t!(lang, "they reached out", "mereka menghubungi")),
        (true, false) => None,
    };
    if let Some(mark) = mark {
        // Two spaces, as before a note: what follows the kind starts in one column.
        line.push_str(&format!("  [{mark}]"));
    }
    let others: Vec<&str> =
        i.contacts.iter().filter(|id| *id != me).filter_map(|id| net.contact(id)).map(|c| c.name.as_str()).collect();
    if !others.is_empty() {
        let others = others.join(", ");
        line.push_str(&format!(" ({})", t!(lang, "with {others}", "bersama {others}")));
    }
    if let Some(text) = &i.text {
        line.push_str("  ");
        line.push_str(&text.replace('\n', " "));
    }
    if let Some(source) = &i.source {
        let from = source.from.label(lang);
        line.push_str(&t!(lang, "  · imported from {from}", "  · diimpor dari {from}"));
    }
    line.trim_end().to_string()
}
