//! `jejaring show`: everything known about one person — their details, warmth and its
//! reasons, trust, what you know, promises and the interaction history (with where an
//! imported one came from, and "wrote" where only one side did).

use super::resolve;
use crate::app::App;
use crate::coach::cadence;
use crate::coach::graph;
use crate::coach::index::Index;
use crate::coach::reliability::{self};
use crate::coach::stage_up::{self};
use crate::model::Contact;
use crate::model::head::Head;
use crate::store::{Outline, Wanted};
use crate::t;
use crate::ui::style;
use crate::views::{blocks, contact, words};
use chrono::NaiveDate;
use rustc_hash::FxHashSet;
use uuid::Uuid;

/// Show everything about a contact
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Handle, name, unique prefix or fuzzy match
    pub contact: String,
    /// How many past interactions to show (all with --json)
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub history: usize,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let (store, n) = resolve::read_around(app, &args.contact, around)?;
    let net = &store.net;
    let c = &net.contacts[n];
    if app.ui.json {
        return contact::json(app, net, c);
    }
    let index = Index::new(net);
    let history = index.interactions(&c.id);
    let last_contact = index.last_talked(&c.id);
    let next_due = cadence::next_due(c, last_contact, today);
    let warmth = index.warmth(c, today);
    let trust = index.trust(c);
    let k = index.knowing(c);
    let rel = reliability::tally(index.promises(&c.id).iter().copied(), today, None);
    let ui = &app.ui;
    let mut lines = details(app, c, last_contact, next_due);
    if let Some(up) = stage_up::check(&index, c, today) {
        let label = t!(lang, "next stage:", "tahap berikutnya:");
        lines.push(format!("  {label:<18} {}", up.because(lang)));
        let command = up.command();
        lines.push(format!("  {:<18} {}", "", t!(lang, "move them up: `{command}`", "naikkan tahapnya: `{command}`")));
    }
    for block in [
        blocks::warmth(app, &warmth),
        blocks::trust(app, trust, &rel, index.notes(&c.id), 5),
        blocks::knowing(app, &c.name, &k, index.facts(&c.id)),
        blocks::promises(app, net, index.promises(&c.id), true),
        crate::views::intro::contact_block(app, c, &crate::views::intro::around(net, c, today), true),
    ]
    .into_iter()
    .filter(|b| !b.is_empty())
    {
        lines.push(String::new());
        lines.extend(block);
    }
    lines.push(String::new());
    let total = history.len();
    let wrote = history.iter().filter(|i| !i.two_way()).count();
    lines.push(ui.paint(
        style::HEADING,
        if wrote == 0 {
            t!(lang, "Interactions ({total})", "Interaksi ({total})")
        } else {
            let talked = total - wrote;
            t!(
                lang,
                "Interactions ({total}: {talked} talked, {wrote} wrote)",
                "Interaksi ({total}: {talked} bercakap, {wrote} menulis)"
            )
        },
    ));
    if history.is_empty() {
        let handle = &c.handle;
        lines.push(t!(
            lang,
            "  none yet; log one with `jejaring log {handle} \"what you talked about\"`",
            "  belum ada; catat dengan `jejaring log {handle} \"apa yang dibicarakan\"`"
        ));
    }
    lines.extend(history.iter().take(args.history).map(|i| contact::interaction_line(net, i, &c.id, lang)));
    if total > args.history {
        let more = total - args.history;
        lines.push(t!(lang, "  … {more} more (use --history N)", "  … {more} lagi (pakai --history N)"));
    }
    for line in lines {
        ui.line(line)?;
    }
    Ok(())
}

/// What `show` reads whole of the network (given in outline) about contact `n`: their
/// interactions, and everyone who may be named beside them: the people in those
/// interactions, at the same organisation, or in any link or introduction.
fn around(outline: &Outline, n: usize) -> Wanted {
    let (rest, heads) = (&outline.rest, &outline.heads);
    let c = &heads[n];
    let interactions: Vec<usize> =
        (0..outline.interactions()).filter(|&i| outline.people(i).any(|p| p == c.id)).collect();
    let mut people: FxHashSet<Uuid> = interactions.iter().flat_map(|&i| outline.people(i)).collect();
    people.extend(rest.links.iter().flat_map(|l| [l.a, l.b]));
    people.extend(rest.intros.iter().flat_map(|i| [i.via, i.to]));
    let org = graph::org_key(c.org());
    let same_org = |other: &Head| match (&org, other.org()) {
        (Some(key), Some(theirs)) => graph::has_org_key(theirs, key),
        _ => false,
    };
    let contacts = (0..heads.len()).filter(|&k| k == n || people.contains(&heads[k].id) || same_org(&heads[k]));
    Wanted::new(contacts, interactions)
}

/// The contact's own fields, one per line.
fn details(app: &App, c: &Contact, last_contact: Option<NaiveDate>, next_due: NaiveDate) -> Vec<String> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let ui = &app.ui;
    let mut lines = vec![format!("{}  {}", ui.paint(style::HEADING, &c.name), ui.paint(style::DIM, &c.handle))];
    // A value of several lines (a note) continues under itself, not at the margin.
    let mut field = |label: String, value: String| {
        lines.push(format!("  {:<18} {}", format!("{label}:"), value.replace('\n', &format!("\n{:21}", ""))))
    };
    field(t!(lang, "circle", "lingkaran"), c.circle.label(lang).to_string());
    field(t!(lang, "stage", "tahap"), c.stage.label(lang).to_string());
    if let Some(v) = &c.org {
        field(t!(lang, "organisation", "organisasi"), v.clone());
    }
    if let Some(v) = &c.role {
        field(t!(lang, "role", "peran"), v.clone());
    }
    for e in &c.emails {
        field(t!(lang, "email", "surel"), e.clone());
    }
    for p in &c.phones {
        field(t!(lang, "phone", "telepon"), p.clone());
    }
    if let Some(v) = &c.linkedin {
        field("LinkedIn".into(), v.clone());
    }
    for u in &c.urls {
        field("web".into(), u.clone());
    }
    for a in &c.addresses {
        field(t!(lang, "address", "alamat"), a.clone());
    }
    if let Some(b) = c.birthday {
        // Without a year the stored `--03-15` reads better as `03-15`.
        let mut shown = b.year.map_or_else(|| format!("{:02}-{:02}", b.month, b.day), |_| b.to_string());
        if let Some(next) = b.next_on(today) {
            let when = words::ago(next, today, lang);
            shown = match b.turns_on(next) {
                Some(age) => t!(lang, "{shown} (turns {age} {when})", "{shown} (genap {age} tahun {when})"),
                None => t!(lang, "{shown} (next {when})", "{shown} (berikutnya {when})"),
            };
        }
        field(t!(lang, "birthday", "ulang tahun"), shown);
    }
    if !c.tags.is_empty() {
        field(t!(lang, "tags", "tag"), c.tags.join(", "));
    }
    if let Some(met) = contact::met_line(c) {
        field(t!(lang, "met", "bertemu"), met);
    }
    if let Some(v) = &c.impression {
        field(t!(lang, "first impression", "kesan pertama"), v.clone());
    }
    let last =
        last_contact.map(|d| format!("{d} ({})", words::ago(d, today, lang))).unwrap_or_else(|| words::never(lang));
    field(t!(lang, "last talked", "terakhir bicara"), last);
    let when = words::ago(next_due, today, lang);
    let overdue = if next_due < today {
        format!(" {}", ui.paint(style::WARN, t!(lang, "overdue", "terlambat")))
    } else {
        String::new()
    };
    let rhythm = match (c.every, cadence::rhythm(c, last_contact, today).follow_up) {
        (Some(every), _) => every.every(lang),
        (None, Some(cadence::FollowUp::First)) if cadence::newly_met(c, today) => t!(
            lang,
            "newly met: a first follow-up a week after meeting, then monthly",
            "baru dikenal: sapa lagi seminggu setelah bertemu, lalu sebulan sekali"
        ),
        // Past the first 30 days they are not new any more, but the follow-up never
        // done is still owed.
        (None, Some(cadence::FollowUp::First)) => {
            let days = cadence::stage_days(c);
            t!(
                lang,
                "the first follow-up after meeting is still to do, then about every {days} days",
                "tindak lanjut pertama setelah bertemu belum dilakukan, lalu sekitar setiap {days} hari"
            )
        }
        (None, Some(cadence::FollowUp::Monthly)) => {
            let days = cadence::stage_days(c);
            t!(
                lang,
                "newly met: monthly for the first 30 days, then about every {days} days",
                "baru dikenal: sebulan sekali selama 30 hari pertama, lalu sekitar setiap {days} hari"
            )
        }
        (None, None) => {
            let days = cadence::rhythm(c, last_contact, today).days;
            t!(
                lang,
                "about every {days} days (set one with --every)",
                "sekitar setiap {days} hari (atur dengan --every)"
            )
        }
    };
    field(
        t!(lang, "keep in touch", "jaga kontak"),
        format!("{rhythm}; {} {next_due} ({when}){overdue}", t!(lang, "next", "berikutnya")),
    );
    if let Some(until) = c.snoozed_until.filter(|_| c.snoozed(today)) {
        let when = words::ago(until, today, lang);
        field(
            t!(lang, "snoozed", "ditunda"),
            t!(
                lang,
                "until {until} ({when}): left out of `list --due`, and of the picks unless a promise to them is overdue",
                "sampai {until} ({when}): tidak muncul di `list --due`, dan tidak diusulkan kecuali ada janji kepadanya yang lewat tenggat"
            ),
        );
    }
    if let Some(v) = &c.note {
        field(t!(lang, "note", "catatan"), v.clone());
    }
    field(t!(lang, "added", "ditambahkan"), c.added.date_naive().to_string());
    lines
}
