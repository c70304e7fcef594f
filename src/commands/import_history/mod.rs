//! `jejaring import history FILE|FOLDER…`: conversations that log themselves, from
//! calendar exports, mailboxes, LinkedIn's messages.csv and WhatsApp chats.
//!
//! The files are read before the data file is locked (`read`); then you are told apart
//! from the others, people are matched with contacts, what an earlier import added is
//! left out (`history::resolve`), and the network is saved once. `report` prints.

mod maildir;
mod read;
mod report;

use crate::app::{App, Change};
use crate::dates;
use crate::errors::UsageError;
use crate::history::matching::{Matcher, Me};
use crate::history::{self, Source, Window, Zone, resolve};
use crate::interop::At;
use crate::interop::merge::{Defaults, Merger, Outcome};
use crate::model::{Circle, Network};
use crate::t;
use anyhow::Context;
use chrono::NaiveDate;
use std::path::PathBuf;

/// Log conversations from calendar, mail, LinkedIn and WhatsApp exports
///
/// Meetings in a calendar export (.ics), mail in an mbox (Gmail's Takeout) or a
/// maildir, LinkedIn's messages.csv and WhatsApp chats exported as .txt become
/// interactions with the contacts who took part: one per meeting, one per thread or
/// chat a day. People are matched by email, phone number, LinkedIn profile, then an
/// exact name that only one contact has; unknown people are listed, never created
/// unless you ask. Only a short subject or title is kept, never a message's text.
/// Importing the same export again adds nothing twice.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The exports to read: files, or folders of them (a maildir is a folder)
    #[arg(required = true, value_name = "FILE|FOLDER")]
    pub paths: Vec<PathBuf>,
    /// What the files are [default: told from their content]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<Source>,
    /// Leave out conversations before this day
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Who you are in the exports: your email, phone number or name (repeatable;
    /// remembered for the next import)
    #[arg(long = "me", value_name = "EMAIL|PHONE|NAME")]
    pub me: Vec<String>,
    /// Show what would be logged, and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Add the unknown people you had two-way conversations with as contacts
    #[arg(long)]
    pub add_unknown: bool,
    /// The order of day and month in WhatsApp chats whose dates do not show it
    /// (all 12 or less): dmy for 31/12, mdy for 12/31
    #[arg(long, value_enum, value_name = "ORDER")]
    pub date_order: Option<history::whatsapp::DateOrder>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let (now, today) = (app.clock.now, app.clock.today);
    let since: Option<NaiveDate> =
        args.since.as_deref().map(|s| dates::parse_past_day(s, today).context("--since")).transpose()?;
    let bar = report::progress(app, &args.paths);
    // Every trace is dated by the user's own day: the machine's zone (`TZ`).
    let window = Window { now, since, zone: Zone::Local };
    let mut read = read::all(&args.paths, args.from, args.date_order, &window, lang, &bar)?;
    let found = std::mem::take(&mut read.harvest.found);
    bar.finish_and_clear();

    // Everything after the read happens on the network as it is under the lock.
    let import = |net: &mut Network| -> anyhow::Result<(report::Report, bool)> {
        let mut values = net.history_me();
        values.extend(args.me.iter().cloned());
        let traces = history::gather(found);
        // What the exports say about you (a calendar's owner, mail in Sent, the other side
        // of a one-to-one chat) joins what you said: a mixed import needs both.
        let me = Me::new(values.iter().chain(&read.harvest.me_hints).map(String::as_str));
        if me.is_empty() && !traces.is_empty() {
            return Err(UsageError(t!(
                lang,
                "cannot tell which of the people in the export is you; say so with --me EMAIL, --me PHONE or --me NAME (it is remembered); nothing was imported",
                "tidak jelas siapa Anda di antara orang-orang dalam ekspor ini; sebutkan dengan --me EMAIL, --me TELEPON, atau --me NAMA (akan diingat); tidak ada yang diimpor"
            ))
            .into());
        }
        let convs = resolve::conversations(traces, &me);
        let mut matcher = Matcher::new(&net.contacts);
        let mut plan = resolve::plan(&convs, net, &matcher, since, now);

        let mut people_added = Vec::new();
        if args.add_unknown && plan.unknown.iter().any(|u| u.two_way && !u.ambiguous) {
            let defaults = Defaults { circle: None, stage: None, fallback_circle: Circle::Other, tags: Vec::new() };
            let mut merger = Merger::new(net, now, today);
            for u in plan.unknown.iter().filter(|u| u.two_way && !u.ambiguous) {
                let p = &u.person;
                let mut draft = crate::interop::Draft::new(At::Unknown);
                p.email.iter().for_each(|e| draft.email(e));
                p.phone.iter().for_each(|n| draft.phone(n));
                p.linkedin.iter().for_each(|l| draft.url(l));
                let name = p.name.clone().or_else(|| p.email.clone()).or_else(|| p.phone.clone()).unwrap_or_default();
                if let (Some(rec), _) = draft.finish(&name)
                    && let Outcome::Added(i) = merger.merge(rec, &defaults)
                {
                    people_added.push(i);
                }
            }
            drop(merger);
            for &i in &people_added {
                matcher.add(i, &net.contacts[i]);
            }
            plan = resolve::plan(&convs, net, &matcher, since, now);
        }

        let remembered = !args.me.is_empty() && net.remember_me(&args.me);
        let view = report::Report::new(net, &plan, &people_added, &read, args.dry_run, lang);
        let changed = remembered
            || !plan.add.is_empty()
            || !plan.upgrade.is_empty()
            || !plan.rekey.is_empty()
            || !people_added.is_empty();
        for &i in &plan.upgrade {
            if let Some(s) = net.interactions[i].source.as_mut() {
                s.one_way = false;
            }
        }
        // Chats an earlier version keyed by their writers' names get their new key.
        for (i, key) in &plan.rekey {
            if let Some(s) = net.interactions[*i].source.as_mut() {
                s.key = key.clone();
            }
        }
        net.interactions.extend(plan.add);
        // Someone entered as met today whose history shows earlier talks was met then.
        net.settle_met_days();
        Ok((view, changed))
    };
    if args.dry_run {
        let (view, _) = import(&mut app.open_read()?.net)?;
        return report::print(app, &view);
    }
    app.change(
        |net| {
            let (view, changed) = import(net)?;
            Ok(if changed { Change::Save(view) } else { Change::Unchanged(view) })
        },
        |_, view| report::print(app, &view),
    )
}
