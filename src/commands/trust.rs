//! `jejaring trust`: record what built or eroded trust with someone and their trust
//! level; with no contact, a summary of your reliability and trust across the network.

use super::resolve;
use crate::app::{App, Change};
use crate::coach::index::Index;
use crate::coach::reliability::{self, Reliability};
use crate::dates::{self};
use crate::errors::UsageError;
use crate::model::trust::{MAX_LEVEL, MIN_LEVEL};
use crate::model::{TrustNote, text};
use crate::store::{Outline, Wanted};
use crate::t;
use crate::ui::style;
use crate::views::trust as views;
use anyhow::Context;
use chrono::Days;
use serde::Serialize;
use serde_json::Map;
use uuid::Uuid;

/// How far back "recent" reliability looks.
pub const RECENT_DAYS: u64 = 90;

/// Record or review trust
///
/// `jejaring trust budi --up --note "vouched for me with the hiring manager"`.
/// With a contact and no flags, shows their trust history; with no contact, your
/// reliability and trust across the network.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The contact (leave out for the summary)
    pub contact: Option<String>,
    /// Set the trust level: 1 = just met … 5 = would vouch for them
    #[arg(long, value_name = "1-5", conflicts_with_all = ["up", "down"], allow_negative_numbers = true)]
    pub level: Option<i64>,
    /// One level up
    #[arg(long, conflicts_with = "down")]
    pub up: bool,
    /// One level down
    #[arg(long)]
    pub down: bool,
    /// What built or eroded trust
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When it happened [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

impl Args {
    fn records(&self) -> bool {
        self.level.is_some() || self.up || self.down || self.note.is_some()
    }
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    match &args.contact {
        None if args.records() || args.on.is_some() => Err(UsageError(t!(
            app.ui.lang,
            "name the contact whose trust you are recording, as in `jejaring trust budi --up`",
            "sebutkan kontak yang kepercayaannya dicatat, misalnya `jejaring trust budi --up`"
        ))
        .into()),
        None => summary(app),
        Some(who) if args.records() => record(app, who, &args),
        Some(who) => history(app, who),
    }
}

fn record(app: &App, who: &str, args: &Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    if let Some(level) = args.level
        && !(i64::from(MIN_LEVEL)..=i64::from(MAX_LEVEL)).contains(&level)
    {
        anyhow::bail!(t!(
            lang,
            "--level {level} is out of range; use 1 (just met) to 5 (would vouch for them)",
            "--level {level} di luar jangkauan; pakai 1 (baru kenal) sampai 5 (berani menjamin mereka)"
        ));
    }
    let note = args.note.as_deref().map(|n| text::text("--note", n)).transpose()?;
    let on = match &args.on {
        Some(s) => dates::parse_past_day(s, today).context("--on")?,
        None => today,
    };
    // Who is found in the network's outline; their level comes from their stage and
    // trust notes, so only they are read whole.
    let choose = |outline: &Outline| {
        let n = resolve::head(outline, who, lang)?;
        Ok((Wanted::new([n], []), outline.heads[n].id))
    };
    app.change_part(
        choose,
        |net, id| {
            let c = net.contact(&id).ok_or_else(|| {
                anyhow::anyhow!(t!(lang, "{who} is no longer in the network", "{who} sudah tidak ada di jaringan"))
            })?;
            let name = c.name.clone();
            let (before, from_note) = Index::new(net).trust(c);
            let level = match (args.level, args.up, args.down) {
                // The level you already set: nothing to record unless there is a note with it.
                (Some(l), _, _) if l as u8 == before && from_note && note.is_none() => {
                    return Ok(Change::Unchanged(Set { name, before, level: None, entry: None }));
                }
                (Some(l), _, _) if l as u8 == before && from_note => None,
                (Some(l), _, _) => Some(l as u8),
                (_, true, _) if before >= MAX_LEVEL => {
                    anyhow::bail!(t!(
                        lang,
                        "{name} is already at trust level 5",
                        "{name} sudah di tingkat kepercayaan 5"
                    ))
                }
                (_, _, true) if before <= MIN_LEVEL => {
                    anyhow::bail!(t!(
                        lang,
                        "{name} is already at trust level 1",
                        "{name} sudah di tingkat kepercayaan 1"
                    ))
                }
                (_, true, _) => Some(before + 1),
                (_, _, true) => Some(before - 1),
                _ => None,
            };
            let entry = TrustNote {
                id: Uuid::now_v7(),
                contact: id,
                on,
                level,
                note,
                logged: app.clock.now,
                extra: Map::new(),
            };
            net.trust_notes.push(entry.clone());
            Ok(Change::Save(Set { name, before, level, entry: Some(entry) }))
        },
        |_, Set { name, before, level, entry }| {
            let Some(entry) = entry else {
                app.ui.info(t!(
                    lang,
                    "{name} is already at trust level {before}; nothing changed",
                    "{name} sudah di tingkat kepercayaan {before}; tidak ada yang berubah"
                ));
                return Ok(());
            };
            if app.ui.json {
                app.ui.json_value(&entry)?;
            }
            match level {
                // Setting the level the stage implied makes it yours: it no longer follows the stage.
                Some(after) if after == before => app.ui.info(t!(
                    lang,
                    "Trust with {name} set at {after} (it was {before} from their stage)",
                    "Kepercayaan dengan {name} ditetapkan {after} (sebelumnya {before} dari tahapnya)"
                )),
                Some(after) => app.ui.info(t!(
                    lang,
                    "Trust with {name}: {before} → {after}",
                    "Kepercayaan dengan {name}: {before} → {after}"
                )),
                None => app.ui.info(t!(
                    lang,
                    "Noted for {name} (trust level stays {before})",
                    "Dicatat untuk {name} (tingkat kepercayaan tetap {before})"
                )),
            }
            Ok(())
        },
    )
}

/// What `trust` set, for the report after the save: no entry when nothing changed.
struct Set {
    name: String,
    before: u8,
    level: Option<u8>,
    entry: Option<TrustNote>,
}

#[derive(Serialize)]
struct History<'a> {
    contact: Uuid,
    name: &'a str,
    level: u8,
    level_from_note: bool,
    notes: &'a [&'a TrustNote],
    reliability: Reliability,
    reliability_rate: Option<u8>,
}

fn history(app: &App, who: &str) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let (store, n) = resolve::read_one(app, who)?;
    let net = &store.net;
    let c = &net.contacts[n];
    let index = Index::new(net);
    let (level, from_note) = index.trust(c);
    let notes = index.notes(&c.id);
    let rel = reliability::tally(index.promises(&c.id).iter().copied(), app.clock.today, None);
    if app.ui.json {
        let h = History {
            contact: c.id,
            name: &c.name,
            level,
            level_from_note: from_note,
            notes,
            reliability: rel,
            reliability_rate: rel.rate(),
        };
        return Ok(app.ui.json_value(&h)?);
    }
    let ui = &app.ui;
    ui.line(ui.paint(style::HEADING, &c.name))?;
    ui.line(format!("  {}", views::level_line(level, from_note, lang)))?;
    ui.line(format!("  {}", views::reliability_line(&rel, lang)))?;
    if notes.is_empty() {
        ui.line(t!(lang, "  No trust notes yet.", "  Belum ada catatan kepercayaan."))?;
    }
    for n in notes.iter().rev() {
        ui.line(views::note_line(n))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Summary {
    reliability: Reliability,
    reliability_rate: Option<u8>,
    last_90_days: Reliability,
    last_90_days_rate: Option<u8>,
    /// How many contacts are at each trust level 1..=5.
    levels: [usize; 5],
    per_contact: Vec<PerContact>,
}

#[derive(Serialize)]
struct PerContact {
    contact: Uuid,
    name: String,
    reliability: Reliability,
    reliability_rate: Option<u8>,
}

fn summary(app: &App) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let index = Index::new(net);
    let since = today.checked_sub_days(Days::new(RECENT_DAYS));
    let all = reliability::tally(&net.promises, today, None);
    let recent = reliability::tally(&net.promises, today, since);
    let mut levels = [0usize; 5];
    for c in &net.contacts {
        let (l, _) = index.trust(c);
        levels[usize::from(l.clamp(MIN_LEVEL, MAX_LEVEL) - 1)] += 1;
    }
    let mut per_contact: Vec<PerContact> = net
        .contacts
        .iter()
        .filter(|c| !index.promises(&c.id).is_empty())
        .map(|c| {
            let r = reliability::tally(index.promises(&c.id).iter().copied(), today, None);
            PerContact { contact: c.id, name: c.name.clone(), reliability: r, reliability_rate: r.rate() }
        })
        .collect();
    per_contact.sort_by_key(|p| (p.reliability.overdue == 0, p.reliability_rate.unwrap_or(101)));
    if app.ui.json {
        let s = Summary {
            reliability: all,
            reliability_rate: all.rate(),
            last_90_days: recent,
            last_90_days_rate: recent.rate(),
            levels,
            per_contact,
        };
        return Ok(app.ui.json_value(&s)?);
    }
    let ui = &app.ui;
    ui.line(ui.paint(style::HEADING, t!(lang, "Reliability", "Keandalan")))?;
    ui.line(format!("  {}: {}", t!(lang, "overall", "keseluruhan"), views::reliability_line(&all, lang)))?;
    ui.line(format!("  {}: {}", t!(lang, "last 90 days", "90 hari terakhir"), views::reliability_line(&recent, lang)))?;
    let overdue: Vec<_> = net.promises.iter().filter(|p| p.outcome(today) == crate::model::Outcome::Overdue).collect();
    if !overdue.is_empty() {
        ui.line("")?;
        ui.line(ui.paint(style::WARN, t!(lang, "Overdue promises", "Janji yang terlambat")))?;
        for p in overdue {
            ui.line(format!("  {}", crate::views::promise::line(p, net, today, lang)))?;
        }
    }
    let shaky: Vec<_> = per_contact.iter().filter(|p| p.reliability_rate.is_some_and(|r| r < 100)).collect();
    if !shaky.is_empty() {
        ui.line("")?;
        ui.line(
            ui.paint(style::HEADING, t!(lang, "Where your record slipped", "Kepada siapa janji Anda pernah meleset")),
        )?;
        for p in shaky.iter().take(5) {
            ui.line(format!("  {}: {}", p.name, views::reliability_line(&p.reliability, lang)))?;
        }
    }
    ui.line("")?;
    ui.line(ui.paint(style::HEADING, t!(lang, "Trust levels", "Tingkat kepercayaan")))?;
    for (i, count) in levels.iter().enumerate().rev() {
        let level = i + 1;
        ui.line(format!("  {level}: {count}"))?;
    }
    if net.promises.is_empty() {
        app.ui.info(t!(
            lang,
            "Reliability grows trust: record what you promise with `jejaring promise CONTACT \"what\" --due DATE`",
            "Keandalan menumbuhkan kepercayaan: catat janji Anda dengan `jejaring promise KONTAK \"apa\" --due TANGGAL`"
        ));
    }
    Ok(())
}
