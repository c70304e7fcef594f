//! `jejaring dupes`: contacts that may be one person, with the evidence, strongest first.

use crate::app::App;
use crate::i18n::Lang;
use crate::model::dupes::{self, Evidence, KeyKind};
use crate::model::identity::Conflict;
use crate::model::{Contact, Network};
use crate::t;
use serde::Serialize;

/// List likely duplicate contacts, with the evidence
///
/// Pairs that share an email, a phone number (its digits), a vCard UID or a LinkedIn
/// profile come first; then the same name at the same organisation, then the same name
/// with accents, case and word order folded. What speaks against a pair (different
/// birthdays, UIDs or LinkedIn profiles) is shown too. Nothing is changed: merge a pair
/// you recognise with `jejaring merge A B`.
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Who<'a> {
    handle: &'a str,
    name: &'a str,
}

impl<'a> Who<'a> {
    fn of(c: &'a Contact) -> Who<'a> {
        Who { handle: &c.handle, name: &c.name }
    }
}

#[derive(Serialize)]
struct PairOut<'a> {
    a: Who<'a>,
    b: Who<'a>,
    evidence: &'a [Evidence],
    conflicts: &'a [Conflict],
}

#[derive(Serialize)]
struct Report<'a> {
    pairs: Vec<PairOut<'a>>,
    /// Keys so many contacts share that their pairs are not listed.
    crowds: &'a [dupes::Crowd],
}

pub fn run(app: &App, _args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let net: Network = app.open_read()?.into_network();
    let found = dupes::find(&net.contacts);
    let c = |i: usize| &net.contacts[i];
    if app.ui.json {
        let pairs = found
            .pairs
            .iter()
            .map(|p| PairOut { a: Who::of(c(p.a)), b: Who::of(c(p.b)), evidence: &p.evidence, conflicts: &p.conflicts })
            .collect();
        app.ui.json_value(&Report { pairs, crowds: &found.crowds })?;
        return Ok(());
    }
    for p in &found.pairs {
        let (a, b) = (c(p.a), c(p.b));
        let (an, ah, bn, bh) = (&a.name, &a.handle, &b.name, &b.handle);
        let why = p.evidence.iter().map(|e| evidence(e, lang)).collect::<Vec<_>>().join(", ");
        let mut line = format!("{an} ({ah}) + {bn} ({bh}): {why}");
        if !p.conflicts.is_empty() {
            let against = p.conflicts.iter().map(|k| conflict(*k, lang)).collect::<Vec<_>>().join(", ");
            line.push_str(&t!(lang, "; but {against}", "; tetapi {against}"));
        }
        app.ui.line(line)?;
    }
    for crowd in &found.crowds {
        let (key, n) = (&crowd.key, crowd.contacts);
        let what = match crowd.kind {
            KeyKind::Name => t!(lang, "the name {key:?}", "nama {key:?}"),
            KeyKind::Email => t!(lang, "the email {key}", "email {key}"),
            KeyKind::Phone => t!(lang, "the phone number {key}", "nomor telepon {key}"),
            KeyKind::Uid => t!(lang, "the vCard UID {key}", "UID vCard {key}"),
            KeyKind::Linkedin => t!(lang, "the LinkedIn profile {key}", "profil LinkedIn {key}"),
        };
        app.ui.warn(t!(
            lang,
            "{n} contacts share {what}: too many to pair up; see them with `jejaring list`",
            "{n} kontak sama-sama memakai {what}: terlalu banyak untuk dipasangkan; lihat dengan `jejaring list`"
        ));
    }
    let n = found.pairs.len();
    app.ui.info(match n {
        0 => t!(lang, "No likely duplicates.", "Tidak ada kemungkinan duplikat."),
        1 => t!(
            lang,
            "1 likely duplicate pair. Merge it with `jejaring merge A B` (B goes into A).",
            "1 pasangan kemungkinan duplikat. Gabungkan dengan `jejaring merge A B` (B masuk ke A)."
        ),
        n => t!(
            lang,
            "{n} likely duplicate pairs. Merge one with `jejaring merge A B` (B goes into A).",
            "{n} pasangan kemungkinan duplikat. Gabungkan satu dengan `jejaring merge A B` (B masuk ke A)."
        ),
    });
    Ok(())
}

fn evidence(e: &Evidence, lang: Lang) -> String {
    match e {
        Evidence::Uid(v) => t!(lang, "same vCard UID {v}", "UID vCard sama {v}"),
        Evidence::Email(v) => t!(lang, "same email {v}", "email sama {v}"),
        Evidence::Phone(v) => t!(lang, "same phone number (digits {v})", "nomor telepon sama (angka {v})"),
        Evidence::Linkedin(v) => t!(lang, "same LinkedIn profile {v}", "profil LinkedIn sama {v}"),
        Evidence::NameAndOrg => t!(lang, "same name and organisation", "nama dan organisasi sama"),
        Evidence::Name => t!(
            lang,
            "same name (accents, case and word order aside)",
            "nama sama (tanpa memandang aksen, huruf besar, dan urutan kata)"
        ),
    }
}

fn conflict(k: Conflict, lang: Lang) -> String {
    match k {
        Conflict::Uid => t!(lang, "different vCard UIDs", "UID vCard berbeda"),
        Conflict::Linkedin => t!(lang, "different LinkedIn profiles", "profil LinkedIn berbeda"),
        Conflict::Birthday => t!(lang, "different birthdays", "tanggal lahir berbeda"),
    }
}
