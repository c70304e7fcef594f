//! The first run: the method in a few lines, then — on a terminal — the first contacts,
//! a first promise or trust note, and a first goal. Each step is skippable and saved on
//! its own, so stopping half-way keeps what was done.

use crate::app::{App, Change};
use crate::commands::goal;
use crate::dates::{self, Lean};
use crate::errors::KeptBeforeInterruption;
use crate::i18n::Localized;
use crate::model::contact::new_handle;
use crate::model::promise::next_number;
use crate::model::{Circle, Contact, Promise, Stage, TrustNote, text};
use crate::prompt::{Interrupted, Prompter};
use crate::ui::style;
use crate::{t, tn};
use serde_json::Map;
use std::collections::HashSet;
use uuid::Uuid;

/// How many first contacts the onboarding suggests.
const FIRST_CONTACTS: usize = 5;

pub fn run(app: &App) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    for line in intro(app) {
        app.ui.line(line)?;
    }
    let Some(mut p) = app.prompter() else {
        app.ui.line(t!(lang, "To begin:", "Untuk memulai:"))?;
        for line in [
            t!(
                lang,
                "  jejaring add-contact \"Name\" --circle friend",
                "  jejaring add-contact \"Nama\" --circle friend"
            ),
            t!(
                lang,
                "  jejaring promise NAME \"what you promised\" --due fri",
                "  jejaring promise NAMA \"apa yang dijanjikan\" --due jumat"
            ),
            "  jejaring goal new".to_string(),
            t!(
                lang,
                "  jejaring coach        (on a terminal, it walks you through these)",
                "  jejaring coach        (di terminal, perintah ini memandu langkah-langkahnya)"
            ),
        ] {
            app.ui.line(line)?;
        }
        return Ok(());
    };
    app.ui.flush()?;
    // Each step saves on its own; what was saved is named if a later step is interrupted.
    let mut kept = Vec::new();
    let added = first_contacts(app, &mut p)?;
    if !added.is_empty() {
        let count = added.len();
        let names = added.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ");
        kept.push(tn!(lang, count, "{count} person ({names})", "{count} people ({names})", "{count} orang ({names})"));
    }
    let rest = (|| -> anyhow::Result<()> {
        if !added.is_empty()
            && let Some(recorded) = first_trust(app, &mut p, &added)?
        {
            kept.push(recorded);
        }
        if p.confirm(&t!(lang, "Set your first SMART goal now?", "Susun tujuan SMART pertama sekarang?"), true)? {
            goal::new::run(app, goal::new::Args { fields: Default::default(), strict: false })?;
        }
        Ok(())
    })();
    if let Err(e) = rest {
        let and = t!(lang, " and ", " dan ");
        return Err(match e.downcast_ref::<Interrupted>() {
            Some(_) if !kept.is_empty() => e.context(KeptBeforeInterruption(kept.join(&and))),
            _ => e,
        });
    }
    app.ui.info(t!(
        lang,
        "Well started. Run `jejaring coach` any time to see where you stand, and `jejaring review` every week.",
        "Awal yang baik. Jalankan `jejaring coach` kapan saja untuk melihat posisi Anda, dan `jejaring review` setiap minggu."
    ));
    Ok(())
}

fn intro(app: &App) -> Vec<String> {
    let lang = app.ui.lang;
    let ui = &app.ui;
    vec![
        ui.paint(style::HEADING, t!(lang, "Welcome to jejaring", "Selamat datang di jejaring")),
        t!(
            lang,
            "A network that lasts grows in three steps, practised a little every week:",
            "Jaringan yang awet tumbuh lewat tiga langkah, dilatih sedikit demi sedikit setiap minggu:"
        ),
        t!(
            lang,
            "  1. Build trust: get to know people and keep what you promise.",
            "  1. Bangun kepercayaan: kenali orang dan tepati apa yang Anda janjikan."
        ),
        t!(
            lang,
            "  2. Set goals: decide what the network is for, in SMART goals you can measure.",
            "  2. Tetapkan tujuan: putuskan untuk apa jaringan ini, dalam tujuan SMART yang terukur."
        ),
        t!(
            lang,
            "  3. Select contacts: start from friends, colleagues and family, then talk to people you do not know yet.",
            "  3. Pilih kontak: mulai dari teman, kolega, dan keluarga, lalu ajak bicara orang yang belum Anda kenal."
        ),
        t!(
            lang,
            "What counts is the quality of each relationship, not the number of quick favours.",
            "Yang penting adalah kualitas setiap hubungan, bukan banyaknya bantuan sesaat."
        ),
        String::new(),
    ]
}

/// Asks for a few people the user already knows; an empty name ends the step.
fn first_contacts(app: &App, p: &mut dyn Prompter) -> anyhow::Result<Vec<(Uuid, String)>> {
    let lang = app.ui.lang;
    app.ui.info(t!(
        lang,
        "Step 1: name up to {FIRST_CONTACTS} people you already know (Enter on an empty name to go on).",
        "Langkah 1: sebutkan hingga {FIRST_CONTACTS} orang yang sudah Anda kenal (Enter pada nama kosong untuk lanjut)."
    ));
    let mut people: Vec<(String, Circle)> = Vec::new();
    while people.len() < FIRST_CONTACTS {
        let answer = p.text(&t!(lang, "Name:", "Nama:"), None)?;
        if answer.trim().is_empty() {
            break;
        }
        let name = match text::line("NAME", &answer, text::MAX_NAME) {
            Ok(n) => n,
            Err(e) => {
                app.ui.warn(e.message(lang));
                continue;
            }
        };
        let options: Vec<String> = Circle::ALL.iter().map(|c| c.label(lang).to_string()).collect();
        let i = p.choose(&t!(lang, "Circle:", "Lingkaran:"), &options, 0)?;
        people.push((name, Circle::ALL.get(i).cloned().unwrap_or(Circle::Other)));
    }
    if people.is_empty() {
        return Ok(Vec::new());
    }
    let mut added = Vec::new();
    app.change(
        |net| {
            for (name, circle) in people {
                let id = Uuid::now_v7();
                let taken: HashSet<&str> = net.contacts.iter().map(|c| c.handle.as_str()).collect();
                let mut c = Contact::new(id, new_handle(&id, |h| taken.contains(h)), name.clone(), app.clock.now);
                // Friends, family and colleagues the user names as people they already
                // know are connections, not acquaintances known "only in passing"; and
                // as people known before, they have no meeting day and are not new.
                c.stage = match circle {
                    Circle::Friend | Circle::Family | Circle::Colleague => Stage::Connection,
                    _ => Stage::Acquaintance,
                };
                c.circle = circle;
                net.contacts.push(c);
                added.push((id, name));
            }
            Ok(Change::Save(added.len()))
        },
        |_, count| {
            app.ui.info(tn!(
                lang,
                count,
                "Added {count} person.",
                "Added {count} people.",
                "{count} orang ditambahkan."
            ));
            Ok(())
        },
    )?;
    Ok(added)
}

/// A first promise or trust note about one of the new contacts; says what it saved.
fn first_trust(app: &App, p: &mut dyn Prompter, added: &[(Uuid, String)]) -> anyhow::Result<Option<String>> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    app.ui.info(t!(
        lang,
        "Step 2: trust grows when you keep your word. Record something you promised, or what built trust.",
        "Langkah 2: kepercayaan tumbuh saat Anda menepati janji. Catat janji Anda, atau apa yang membangun kepercayaan."
    ));
    let options = vec![
        t!(lang, "a promise", "sebuah janji"),
        t!(lang, "a trust note", "catatan kepercayaan"),
        t!(lang, "skip", "lewati"),
    ];
    let kind = p.choose(&t!(lang, "What would you like to record?", "Apa yang ingin dicatat?"), &options, 0)?;
    if kind == 2 {
        return Ok(None);
    }
    let names: Vec<String> = added.iter().map(|(_, n)| n.clone()).collect();
    let who = p.choose(&t!(lang, "About whom?", "Tentang siapa?"), &names, 0)?;
    let (contact, whom) = &added[who.min(added.len() - 1)];
    let contact = *contact;
    let what = loop {
        let q = if kind == 0 {
            t!(lang, "What did you promise?", "Apa yang Anda janjikan?")
        } else {
            t!(lang, "What built trust?", "Apa yang membangun kepercayaan?")
        };
        match text::text("TEXT", &p.text(&q, None)?) {
            Ok(t) => break t,
            Err(e) => app.ui.warn(e.message(lang)),
        }
    };
    let due = if kind == 0 {
        loop {
            let answer = p.text(&t!(lang, "By when?", "Kapan tenggatnya?"), Some("fri, in 2 weeks, 2026-12-15"))?;
            match dates::parse_day(&answer, today, Lean::Future) {
                Ok(d) => break Some(d),
                Err(e) => app.ui.warn(crate::errors::report(&anyhow::Error::from(e), lang).0.unwrap_or_default()),
            }
        }
    } else {
        None
    };
    let recorded = match due {
        // The day "fri" was read as, so a wrong reading is seen at once.
        Some(due) => t!(lang, "a promise to {whom}, due {due}", "janji kepada {whom}, jatuh tempo {due}"),
        None => t!(lang, "a trust note about {whom}", "catatan kepercayaan tentang {whom}"),
    };
    app.change(
        |net| {
            match due {
                Some(due) => {
                    let n = next_number(net.promises.iter().map(|p| p.n));
                    net.promises.push(Promise::new(n, contact, what, today, due, app.clock.now));
                }
                None => net.trust_notes.push(TrustNote {
                    id: Uuid::now_v7(),
                    contact,
                    on: today,
                    level: None,
                    note: Some(what),
                    logged: app.clock.now,
                    extra: Map::new(),
                }),
            }
            Ok(Change::Save(()))
        },
        |_, ()| {
            let said = &recorded;
            app.ui.info(t!(lang, "Recorded {said}.", "Tercatat: {said}."));
            Ok(())
        },
    )?;
    Ok(Some(recorded))
}
