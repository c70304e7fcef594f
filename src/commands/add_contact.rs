//! `jejaring add-contact`: add a person, with how you met and your first impression
//! (reputation starts there). Asks for the fields on a terminal when no name is given.

use super::fields::{ContactFields, optional_cadence, optional_day};
use crate::app::{App, Change};
use crate::errors::UsageError;
use crate::i18n::Localized;
use crate::model::contact::new_handle;
use crate::model::head::Head;
use crate::model::lookup::likely_duplicates;
use crate::model::{Circle, Contact, Stage, text};
use crate::prompt::Prompter;
use crate::store::{Finding, Outline, Wanted};
use crate::t;
use chrono::NaiveDate;
use std::collections::HashSet;
use uuid::Uuid;

/// Add a person to your network
///
/// Every field has a flag. Without a name, on a terminal, jejaring asks for each field;
/// with --no-input (or without a terminal) the name is required.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Their name
    pub name: Option<String>,
    #[command(flatten)]
    pub fields: ContactFields,
    /// Add even when a contact with the same name or email exists
    #[arg(long)]
    pub force: bool,
    /// The contact who introduced you (recorded as someone who knows them)
    #[arg(long, value_name = "CONTACT")]
    pub introduced_by: Option<String>,
}

pub fn run(app: &App, mut args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let name = match args.name.take() {
        Some(name) => name,
        None => match app.prompter() {
            Some(mut p) => ask(app, &mut p, &mut args.fields, &mut args.introduced_by)?,
            None => {
                return Err(UsageError(t!(
                    lang,
                    "missing NAME: give the contact's name, as in `jejaring add-contact \"Budi Santoso\"` (prompts need a terminal)",
                    "NAMA belum diisi: berikan nama kontak, misalnya `jejaring add-contact \"Budi Santoso\"` (pertanyaan butuh terminal)"
                ))
                .into());
            }
        },
    };
    let name = text::line("NAME", &name, text::MAX_NAME)?;
    let emails = args.fields.checked_emails()?;

    let mut contact = Contact::new(Uuid::now_v7(), String::new(), name, app.clock.now);
    args.fields.apply(&mut contact, app.clock.today)?;
    if args.fields.met_on.is_none() {
        contact.met_on = met_on_by_default(&contact.stage, app.clock.today);
    }
    // A day the user said in words ("last friday", "kemarin") is echoed as the date it
    // was read as, so a wrong reading is seen at once.
    let said_met_on = args.fields.met_on.as_deref().is_some_and(|v| !v.trim().is_empty());

    let name = contact.name.clone();
    let dupes = |outline: &Outline| -> Option<String> {
        let found = likely_duplicates(&outline.heads, &name, &emails);
        let list: Vec<String> = found.iter().map(|c| format!("{} ({})", c.name(), c.handle())).collect();
        (!list.is_empty()).then(|| list.join(", "))
    };
    let refuse = |list: String| {
        anyhow::anyhow!(t!(
            lang,
            "{list} already has this name or email; nothing added (use --force to add another)",
            "{list} sudah memakai nama atau email ini; tidak ada yang ditambahkan (pakai --force untuk tetap menambah)"
        ))
    };
    // On a terminal, a likely duplicate is asked about before the lock is taken, so
    // another jejaring never waits while the user thinks. A yes counts as --force.
    let mut force = args.force;
    if let (false, Some(mut p)) = (force, app.prompter()) {
        // The network's outline says who is already there; no contact is read whole.
        let found = std::cell::RefCell::new(None);
        app.open_part(Finding::ByNameOrEmail, |outline| {
            *found.borrow_mut() = dupes(outline);
            Ok(Wanted::default())
        })?;
        if let Some(list) = found.into_inner() {
            app.ui.warn(t!(lang, "this looks like {list}", "ini mirip dengan {list}"));
            if !p.confirm(&t!(lang, "Add as a new contact anyway?", "Tetap tambahkan sebagai kontak baru?"), false)? {
                return Err(refuse(list));
            }
            force = true;
        }
    }

    // Whether they are already there, who introduced them and a handle nobody has are
    // all found in the network's outline; no contact needs reading whole.
    let id = contact.id;
    let choose = |outline: &Outline| {
        if let (false, Some(list)) = (force, dupes(outline)) {
            return Err(refuse(list));
        }
        // Who introduced them is looked up before they exist, so it is never them.
        let introducer =
            args.introduced_by.as_deref().map(|who| super::resolve::head(outline, who, lang)).transpose()?;
        let introducer = introducer.map(|i| outline.heads[i].id);
        let taken: HashSet<&str> = outline.heads.iter().map(Head::handle).collect();
        Ok((Wanted::default(), (new_handle(&id, |h| taken.contains(h)), introducer)))
    };
    app.change_part(
        choose,
        |net, (handle, introducer)| {
            contact.handle = handle;
            if let Some(via) = introducer {
                let on = contact.met_on.unwrap_or(app.clock.today);
                let mut link = crate::model::link::Link::new(via, contact.id, on, app.clock.now);
                link.introduced = true;
                net.links.push(link);
            }
            net.contacts.push(contact);
            Ok(Change::Save(()))
        },
        |net, ()| {
            let Some(contact) = net.contacts.last() else { return Ok(()) };
            if app.ui.json {
                app.ui.json_value(contact)?;
            }
            let (name, handle) = (&contact.name, &contact.handle);
            let (circle, stage) = (contact.circle.label(lang), contact.stage.label(lang));
            match contact.met_on.filter(|_| said_met_on) {
                Some(met) => app.ui.info(t!(
                    lang,
                    "Added {name} ({circle}, {stage}), met on {met}; handle {handle}",
                    "{name} ditambahkan ({circle}, {stage}), bertemu pada {met}; kodenya {handle}"
                )),
                None => app.ui.info(t!(
                    lang,
                    "Added {name} ({circle}, {stage}); handle {handle}",
                    "{name} ditambahkan ({circle}, {stage}); kodenya {handle}"
                )),
            }
            Ok(())
        },
    )
}

/// The meeting day when none was given: a stranger or acquaintance you enter by hand
/// is someone you just met, so today; a connection or someone you trust you knew
/// before, so no day, and they never count as new people. (`--met-on ""` says "long
/// ago" for anyone.)
fn met_on_by_default(stage: &Stage, today: NaiveDate) -> Option<NaiveDate> {
    matches!(stage, Stage::Stranger | Stage::Acquaintance).then_some(today)
}

/// Asks when you met: today, another day, or long ago. The default follows the stage,
/// as without a terminal. The answer goes into `met_on` as the flag would.
fn ask_met_on(app: &App, p: &mut dyn Prompter, stage: &Stage) -> anyhow::Result<String> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let options = vec![
        t!(lang, "today", "hari ini"),
        t!(lang, "on another day", "di hari lain"),
        t!(lang, "long ago (I already knew them)", "sudah lama (saya sudah mengenalnya)"),
    ];
    let default = if met_on_by_default(stage, today).is_some() { 0 } else { 2 };
    Ok(match p.choose(&t!(lang, "When did you meet?", "Kapan kalian bertemu?"), &options, default)? {
        0 => today.to_string(),
        1 => {
            let help = t!(lang, "2026-11-03, yesterday, last friday…", "2026-11-03, kemarin, jumat…");
            let check = move |v: &str| optional_day("--met-on", v, today).map(drop);
            // Enter keeps what the stage implies, as the question's default does: a
            // stranger met today, a connection known long ago.
            let implied = met_on_by_default(stage, today).map(|d| d.to_string()).unwrap_or_default();
            app.ask_checked(p, &t!(lang, "Which day?", "Hari apa?"), &help, &check)?.unwrap_or(implied)
        }
        _ => String::new(),
    })
}

/// Asks for the name and every field not given by a flag. Empty answers skip a field;
/// a bad answer is explained and asked again.
fn ask(
    app: &App,
    p: &mut dyn Prompter,
    f: &mut ContactFields,
    introduced_by: &mut Option<String>,
) -> anyhow::Result<String> {
    let lang = app.ui.lang;
    let name = loop {
        let answer = p.text(&t!(lang, "Name:", "Nama:"), None)?;
        match text::line("NAME", &answer, text::MAX_NAME) {
            Ok(n) => break n,
            Err(e) => app.ui.warn(e.message(lang)),
        }
    };
    if f.circle.is_none() {
        let options: Vec<String> = Circle::ALL.iter().map(|c| c.label(lang).to_string()).collect();
        let i = p.choose(&t!(lang, "Circle:", "Lingkaran:"), &options, 0)?;
        f.circle = Circle::ALL.get(i).cloned();
    }
    if f.stage.is_none() {
        let options: Vec<String> = Stage::ALL.iter().map(|s| s.label(lang).to_string()).collect();
        let i = p.choose(&t!(lang, "How well do you know them?", "Seberapa kenal Anda dengannya?"), &options, 1)?;
        f.stage = Stage::ALL.get(i).cloned();
    }
    // Each optional question: (where the answer goes, question, help, check).
    let skip = t!(lang, "Enter to skip", "Enter untuk melewati");
    let line =
        |field: &'static str| move |v: &str| text::optional_line(field, v).map(drop).map_err(anyhow::Error::from);
    let questions: [(&mut Option<String>, String, String, Check); 5] = [
        (&mut f.org, t!(lang, "Organisation:", "Organisasi:"), skip.clone(), Box::new(line("--org"))),
        (&mut f.role, t!(lang, "Role:", "Peran/jabatan:"), skip.clone(), Box::new(line("--role"))),
        (
            &mut f.met_at,
            t!(lang, "How or where did you meet?", "Bagaimana atau di mana kalian bertemu?"),
            skip.clone(),
            Box::new(line("--met-at")),
        ),
        (
            &mut f.impression,
            t!(lang, "First impression:", "Kesan pertama:"),
            t!(
                lang,
                "What stood out? Reputation starts here. Enter to skip",
                "Apa yang menonjol? Reputasi dimulai dari sini. Enter untuk melewati"
            ),
            Box::new(|v: &str| text::optional_text("--impression", v).map(drop).map_err(anyhow::Error::from)),
        ),
        (
            &mut f.every,
            t!(lang, "Keep in touch every:", "Jaga kontak setiap:"),
            t!(lang, "30d, 2w, 3m… Enter to skip", "30h, 2mg, 3bln… Enter untuk melewati"),
            Box::new(|v: &str| optional_cadence(v).map(drop)),
        ),
    ];
    // The meeting day is asked right after how you met.
    const AFTER_MET_AT: usize = 2;
    for (i, (slot, question, help, check)) in questions.into_iter().enumerate() {
        if slot.is_none() {
            *slot = app.ask_checked(p, &question, &help, &*check)?;
        }
        if i == AFTER_MET_AT && f.met_on.is_none() {
            let stage = f.stage.clone().unwrap_or(Stage::Acquaintance);
            f.met_on = Some(ask_met_on(app, p, &stage)?);
        }
        if i == AFTER_MET_AT && introduced_by.is_none() {
            *introduced_by = ask_introducer(app, p)?;
        }
    }
    if f.emails.is_empty() {
        let check = |v: &str| if v.trim().is_empty() { Ok(()) } else { text::email(v).map(drop).map_err(Into::into) };
        f.emails.extend(app.ask_checked(p, &t!(lang, "Email:", "Email:"), &skip, &check)?);
    }
    Ok(name)
}

/// Asks who introduced you, until the answer names one contact or is empty; not asked
/// while the network has nobody who could have.
fn ask_introducer(app: &App, p: &mut dyn Prompter) -> anyhow::Result<Option<String>> {
    let lang = app.ui.lang;
    let net = app.open_read()?.into_network();
    if net.contacts.is_empty() {
        return Ok(None);
    }
    let check = |v: &str| super::resolve::contact(&net, v, lang).map(drop);
    let help =
        t!(lang, "a contact's name or handle; Enter if nobody did", "nama atau handle kontak; Enter bila tidak ada");
    app.ask_checked(p, &t!(lang, "Who introduced you?", "Siapa yang memperkenalkan kalian?"), &help, &check)
}

/// A check on one answer; the error is shown and the question asked again.
type Check<'a> = Box<dyn Fn(&str) -> anyhow::Result<()> + 'a>;
