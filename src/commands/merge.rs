//! `jejaring merge A B`: two contacts who are one person become one (B goes into A).

use super::resolve;
use crate::app::{App, Change};
use crate::errors::UsageError;
use crate::i18n::Lang;
use crate::model::combine::{self, Combined, Kept, Moved};
use crate::model::{Contact, Network};
use crate::prompt::Prompter;
use crate::store::backup;
use crate::{t, tn};
use serde::Serialize;

/// Merge contact B into contact A (two records of one person)
///
/// Nothing is dropped: A gets both sets of emails, phones, tags, web pages and
/// addresses, and B's value for any field A leaves empty. Where both have a different
/// value, A's stays and B's is written into A's note. B's interactions, facts, promises,
/// trust history, goal links and plan picks become A's, and B is removed, in one save.
/// Asks first on a terminal; --yes in scripts. The backup taken before the save undoes
/// it (see `jejaring paths`).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The contact to keep: handle, name, unique prefix or fuzzy match
    pub a: String,
    /// The contact merged into A and then removed
    pub b: String,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Serialize)]
struct Report<'a> {
    kept: &'a Contact,
    removed: Who<'a>,
    gained: &'a [&'static str],
    kept_in_note: &'a [Kept],
    moved: &'a Moved,
}

#[derive(Serialize)]
struct Who<'a> {
    handle: &'a str,
    name: &'a str,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    // Resolve and ask without holding the lock, then merge by id under it.
    let (a, b, preview) = {
        let net = app.open_read()?.into_network();
        let (ia, ib) = (resolve::contact(&net, &args.a, lang)?, resolve::contact(&net, &args.b, lang)?);
        if ia == ib {
            let name = &net.contacts[ia].name;
            return Err(UsageError(t!(
                lang,
                "both names are {name}; name two different contacts",
                "kedua nama menunjuk {name}; sebutkan dua kontak yang berbeda"
            ))
            .into());
        }
        (net.contacts[ia].id, net.contacts[ib].id, describe(&net, ia, ib, lang))
    };
    if args.yes {
        app.ui.info(&preview);
    } else {
        // Refused before anything is printed: one line says what to do.
        let Some(mut p) = app.prompter() else {
            return Err(UsageError(t!(
                lang,
                "merging needs confirmation; add --yes",
                "penggabungan perlu konfirmasi; tambahkan --yes"
            ))
            .into());
        };
        app.ui.info(&preview);
        if !p.confirm(&t!(lang, "Merge them?", "Gabungkan keduanya?"), false)? {
            app.ui.info(t!(lang, "Nothing merged.", "Tidak ada yang digabung."));
            return Ok(());
        }
    }
    app.change(
        |net| {
            let (Some(ia), Some(ib)) = (net.contact_index(&a), net.contact_index(&b)) else {
                anyhow::bail!(t!(
                    lang,
                    "one of them was removed meanwhile; nothing merged",
                    "salah satunya sudah dihapus; tidak ada yang digabung"
                ));
            };
            // What is merged is what was shown: if another jejaring changed either of
            // them since the preview, the user agreed to something else.
            if describe(net, ia, ib, lang) != preview {
                anyhow::bail!(t!(
                    lang,
                    "one of them changed meanwhile; nothing merged (run the merge again to see what it does now)",
                    "salah satunya berubah sementara itu; tidak ada yang digabung (jalankan penggabungan lagi untuk melihat hasilnya sekarang)"
                ));
            }
            let mut done = combine::plan(net, ia, ib);
            let from = net.contacts[ib].clone();
            if !done.kept.is_empty() {
                let block = note_block(&from, &done.kept, app.clock.today.to_string(), lang);
                let note = match done.contact.note.take() {
                    Some(ours) => format!("{ours}\n\n{block}"),
                    None => block,
                };
                done.contact.note = Some(note);
            }
            done.contact.edited = Some(app.clock.now);
            combine::apply(net, done.contact.clone(), b);
            Ok(Change::Save((done, from)))
        },
        |_, (done, from)| {
            let (an, bn) = named(&done.contact, &from);
            if app.ui.json {
                let removed = Who { handle: &from.handle, name: &from.name };
                let r = Report {
                    kept: &done.contact,
                    removed,
                    gained: &done.gained,
                    kept_in_note: &done.kept,
                    moved: &done.moved,
                };
                app.ui.json_value(&r)?;
            }
            app.ui.info(t!(lang, "Merged {bn} into {an}.", "{bn} digabung ke {an}."));
            if let Some(before) = backup::newest(&app.data) {
                let (before, data) = (before.display(), app.data.display());
                app.ui.info(t!(
                    lang,
                    "To undo, put back the file from before the merge: cp \"{before}\" \"{data}\"",
                    "Untuk membatalkan, kembalikan berkas dari sebelum penggabungan: cp \"{before}\" \"{data}\""
                ));
            }
            Ok(())
        },
    )
}

/// What the merge will do, for the question.
fn describe(net: &Network, a: usize, b: usize, lang: Lang) -> String {
    let Combined { gained, kept, moved, .. } = combine::plan(net, a, b);
    let (ca, cb) = (&net.contacts[a], &net.contacts[b]);
    let (ah, bh) = (&ca.handle, &cb.handle);
    let (an, bn) = (&ca.name, &cb.name);
    let mut lines = vec![t!(lang, "Merge {bn} ({bh}) into {an} ({ah}):", "Gabungkan {bn} ({bh}) ke {an} ({ah}):")];
    let (an, bn) = named(ca, cb);
    if !gained.is_empty() {
        let list = gained.iter().map(|f| label(f, lang)).collect::<Vec<_>>().join(", ");
        lines.push(t!(lang, "  {an} gains: {list}", "  {an} mendapat: {list}"));
    }
    if !kept.is_empty() {
        let list = kept
            .iter()
            .map(|k| format!("{} {:?}", label(k.field, lang), value(k, lang)))
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(t!(
            lang,
            "  {an}'s own values stay; {bn}'s go into the note: {list}",
            "  nilai milik {an} tetap; nilai {bn} masuk ke catatan: {list}"
        ));
    }
    let moves = moved_list(&moved, lang);
    if !moves.is_empty() {
        lines.push(t!(lang, "  moves to {an}: {moves}", "  pindah ke {an}: {moves}"));
    }
    lines.push(t!(lang, "  then {bn} ({bh}) is removed", "  lalu {bn} ({bh}) dihapus"));
    lines.join("\n")
}

/// "3 interactions, 1 promise, 2 goal links": what moves, leaving out what is none.
fn moved_list(m: &Moved, lang: Lang) -> String {
    let counted = |n: usize, said: String| (n > 0).then_some(said);
    let (i, f, p, t, s, g, k) = (m.interactions, m.facts, m.promises, m.trust_notes, m.stage_changes, m.goals, m.plans);
    [
        counted(i, tn!(lang, i, "{i} interaction", "{i} interactions", "{i} interaksi")),
        counted(f, tn!(lang, f, "{f} fact", "{f} facts", "{f} fakta")),
        counted(p, tn!(lang, p, "{p} promise", "{p} promises", "{p} janji")),
        counted(t, tn!(lang, t, "{t} trust note", "{t} trust notes", "{t} catatan kepercayaan")),
        counted(s, tn!(lang, s, "{s} stage change", "{s} stage changes", "{s} perubahan tahap")),
        counted(g, tn!(lang, g, "{g} goal link", "{g} goal links", "{g} kaitan tujuan")),
        counted(k, tn!(lang, k, "{k} plan pick", "{k} plan picks", "{k} pilihan rencana")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// The lines added to A's note: B's values that A's replaced.
fn note_block(b: &Contact, kept: &[Kept], today: String, lang: Lang) -> String {
    let (bn, bh) = (&b.name, &b.handle);
    let mut lines = vec![t!(lang, "Merged from {bn} ({bh}) on {today}:", "Digabung dari {bn} ({bh}) pada {today}:")];
    for k in kept {
        lines.push(format!("{}: {}", label(k.field, lang), value(k, lang)));
    }
    lines.join("\n")
}

/// The two contacts as the merge's sentences name them: by name, and by name and handle
/// when both have the same name (else "Merged Budi into Budi" says nothing).
fn named(a: &Contact, b: &Contact) -> (String, String) {
    if a.name == b.name {
        (format!("{} ({})", a.name, a.handle), format!("{} ({})", b.name, b.handle))
    } else {
        (a.name.clone(), b.name.clone())
    }
}

/// A value kept in the note as a user reads it: a circle or stage by its name in the
/// user's language, not its stored key.
fn value(k: &Kept, lang: Lang) -> String {
    match k.field {
        "circle" => crate::model::Circle::from_key(&k.value).label(lang).to_string(),
        "stage" => crate::model::Stage::from_key(&k.value).label(lang).to_string(),
        _ => k.value.clone(),
    }
}

/// A field's name as a user reads it.
fn label(field: &str, lang: Lang) -> String {
    match field {
        "name" => t!(lang, "name", "nama"),
        "circle" => t!(lang, "circle", "lingkaran"),
        "stage" => t!(lang, "stage", "tahap"),
        "org" => t!(lang, "organisation", "organisasi"),
        "role" => t!(lang, "role", "peran"),
        "met_at" => t!(lang, "where you met", "tempat bertemu"),
        "met_on" => t!(lang, "day you met", "tanggal bertemu"),
        "impression" => t!(lang, "first impression", "kesan pertama"),
        "every" => t!(lang, "keep in touch every", "jaga kontak setiap"),
        "birthday" => t!(lang, "birthday", "ulang tahun"),
        "linkedin" => "LinkedIn".to_string(),
        "snoozed_until" => t!(lang, "snoozed until", "ditunda sampai"),
        "note" => t!(lang, "note", "catatan"),
        "emails" => t!(lang, "emails", "email"),
        "phones" => t!(lang, "phones", "telepon"),
        "tags" => t!(lang, "tags", "tag"),
        "urls" => t!(lang, "web pages", "halaman web"),
        "addresses" => t!(lang, "addresses", "alamat"),
        "source_ids" => t!(lang, "address-book ids", "id buku alamat"),
        "extra" => t!(lang, "other field", "kolom lain"),
        other => other.to_string(),
    }
}
