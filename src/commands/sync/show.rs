//! What `jejaring sync` tells the user: conflicts, who was kept, sent back or found
//! twice, who was deleted on each side, and the summary line; a dry run lists by name
//! (on stdout) who would be linked to which card, added, changed and deleted.

use crate::app::App;
use crate::i18n::Localized;
use crate::sync::calendar;
use crate::sync::engine::{Link, NotWritten, Report};
use crate::{t, tn};
use serde::Serialize;

#[derive(Serialize)]
struct JsonReport<'a> {
    dry_run: bool,
    pulled: usize,
    pushed: usize,
    merged: usize,
    conflicts: Vec<serde_json::Value>,
    deleted: usize,
    kept: &'a [String],
    skipped: usize,
    not_written: &'a [NotWritten],
    events: calendar::Counts,
    /// Why the calendar push stopped (the contacts were synced and saved), or null.
    calendar_error: Option<String>,
    linked: &'a [Link],
    added_here: &'a [String],
    added_to_phone: &'a [String],
    changed_here: &'a [String],
    changed_on_phone: &'a [String],
    deleted_here: &'a [String],
    deleted_on_phone: &'a [String],
    sent_back: &'a [String],
    duplicates: &'a [Link],
    held_back: usize,
}

/// How many of the hrefs a server named outside the address book the warning lists: a
/// hostile answer may name thousands, and the count says how many there were.
const SHOWN_REFUSED: usize = 10;

/// The first `most` items, joined; an ellipsis when there were more.
fn first_few(items: &[String], most: usize) -> String {
    let mut list = items.iter().take(most).map(String::as_str).collect::<Vec<_>>().join(", ");
    if items.len() > most {
        list.push_str(", …");
    }
    list
}

/// The card's file name (the last part of its path), which tells two cards of one name
/// apart.
fn file(href: &str) -> &str {
    href.trim_end_matches('/').rsplit('/').next().unwrap_or(href)
}

/// Prints what the sync did; `failed` is a calendar push that stopped after the cards
/// synced (its counts say what it did), which `--json` reports too and the command
/// then returns as its error.
pub(super) fn print(
    app: &App,
    r: &Report,
    events: &calendar::Counts,
    failed: Option<&calendar::CalendarFailed>,
    dry_run: bool,
) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    if app.ui.json {
        let conflicts = r
            .conflicts
            .iter()
            .map(|(name, c)| serde_json::json!({ "contact": name, "field": c.field, "kept": c.kept, "other": c.other }))
            .collect();
        app.ui.json_value(&JsonReport {
            dry_run,
            pulled: r.pulled,
            pushed: r.pushed,
            merged: r.merged,
            conflicts,
            deleted: r.deleted(),
            kept: &r.kept,
            skipped: r.skipped,
            not_written: &r.not_written,
            events: events.clone(),
            calendar_error: failed.map(|e| e.0.message(lang)),
            linked: &r.linked,
            added_here: &r.added_here,
            added_to_phone: &r.added_phone,
            changed_here: &r.changed_here,
            changed_on_phone: &r.changed_phone,
            deleted_here: &r.deleted_here,
            deleted_on_phone: &r.deleted_phone,
            sent_back: &r.restored,
            duplicates: &r.duplicates,
            held_back: r.held_back,
        })?;
        return Ok(());
    }
    if dry_run {
        lists(app, r)?;
    }
    for (name, c) in &r.conflicts {
        let field = c.field.label(lang);
        let (kept, other) = (&c.kept, &c.other);
        app.ui.warn(t!(
            lang,
            "conflict: {name}'s {field} changed on both sides; kept {kept:?}, and {other:?} as an extra value or in the note",
            "konflik: {field} {name} berubah di kedua sisi; {kept:?} dipakai, dan {other:?} disimpan sebagai nilai tambahan atau di catatan"
        ));
    }
    if !dry_run {
        said_after(app, r);
    }
    if !r.refused.is_empty() {
        let n = r.refused.len();
        let list = first_few(&r.refused, SHOWN_REFUSED);
        app.ui.warn(tn!(
            lang,
            n,
            "the server named {n} card outside the address book, which jejaring ignored: {list}",
            "the server named {n} cards outside the address book, which jejaring ignored: {list}",
            "server menyebut {n} kartu di luar buku alamat, yang diabaikan jejaring: {list}"
        ));
    }
    if r.skipped > 0 {
        let n = r.skipped;
        app.ui.warn(tn!(
            lang,
            n,
            "{n} card on the server is not a person jejaring can read (a group, or no name); left alone",
            "{n} cards on the server are not people jejaring can read (groups, or no name); left alone",
            "{n} kartu di server bukan orang yang bisa dibaca jejaring (grup, atau tanpa nama); dibiarkan"
        ));
    }
    for c in &r.not_written {
        let (name, file) = (&c.contact, file(&c.href));
        app.ui.warn(if dry_run {
            t!(
                lang,
                "not to be written: {name}'s card on the phone ({file}) is one jejaring cannot read as it was sent; it would be left as it is, and the change here not sent",
                "tidak akan ditulis: kartu {name} di ponsel ({file}) tidak bisa dibaca jejaring seperti yang dikirim; kartu itu akan dibiarkan, dan perubahan di sini tidak dikirim"
            )
        } else {
            t!(
                lang,
                "not written: {name}'s card on the phone ({file}) is one jejaring cannot read as it was sent; left as it is, and the change here not sent (edit the card on the phone, or delete it there to send a new one)",
                "tidak ditulis: kartu {name} di ponsel ({file}) tidak bisa dibaca jejaring seperti yang dikirim; dibiarkan, dan perubahan di sini tidak dikirim (ubah kartunya di ponsel, atau hapus di sana agar kartu baru dikirim)"
            )
        });
    }
    if r.held_back > 0 {
        let n = r.held_back;
        app.ui.info(tn!(
            lang,
            n,
            "{n} contact is not sent to the phone (outside `sync --only`; `sync --all` sends everyone)",
            "{n} contacts are not sent to the phone (outside `sync --only`; `sync --all` sends everyone)",
            "{n} kontak tidak dikirim ke ponsel (di luar `sync --only`; `sync --all` mengirim semuanya)"
        ));
    }
    let (pulled, pushed, merged, deleted) = (r.pulled, r.pushed, r.merged, r.deleted());
    let n = r.conflicts.len();
    let conflicts = tn!(lang, n, "{n} conflict", "{n} conflicts", "{n} konflik");
    app.ui.info(if dry_run {
        t!(
            lang,
            "Dry run, nothing changed: {pulled} to pull, {pushed} to push, {merged} to merge, {conflicts}, {deleted} to delete",
            "Uji coba, tidak ada yang berubah: {pulled} akan ditarik, {pushed} akan dikirim, {merged} akan digabung, {conflicts}, {deleted} akan dihapus"
        )
    } else {
        t!(
            lang,
            "Synced: {pulled} pulled, {pushed} pushed, {merged} merged, {conflicts}, {deleted} deleted",
            "Sinkron: {pulled} ditarik, {pushed} dikirim, {merged} digabung, {conflicts}, {deleted} dihapus"
        )
    });
    if events.total() > 0 {
        let (added, updated, removed) = (events.added, events.updated, events.removed);
        app.ui.info(t!(
            lang,
            "Calendar: {added} added, {updated} updated, {removed} removed",
            "Kalender: {added} ditambah, {updated} diperbarui, {removed} dihapus"
        ));
    }
    Ok(())
}

/// After a sync: who was kept, sent back, found twice, and deleted on each side.
fn said_after(app: &App, r: &Report) {
    let lang = app.ui.lang;
    for name in &r.kept {
        app.ui.warn(t!(
            lang,
            "kept: {name} was deleted on the phone, but you have history with them",
            "disimpan: {name} dihapus di ponsel, tetapi Anda punya riwayat dengan mereka"
        ));
    }
    for name in &r.restored {
        app.ui.warn(t!(
            lang,
            "sent back: {name} was deleted on the phone, but you changed them here since the last sync",
            "dikirim lagi: {name} dihapus di ponsel, tetapi Anda mengubahnya di sini sejak sinkron terakhir"
        ));
    }
    for d in &r.duplicates {
        let (card, file, contact) = (&d.card, file(&d.href), &d.contact);
        app.ui.warn(t!(
            lang,
            "second card: {card} ({file}) is also {contact}, who has a card already; kept as a contact of its own (see `jejaring dupes`)",
            "kartu kedua: {card} ({file}) juga {contact}, yang sudah punya kartu; disimpan sebagai kontak tersendiri (lihat `jejaring dupes`)"
        ));
    }
    if !r.deleted_here.is_empty() {
        let names = r.deleted_here.join(", ");
        app.ui.info(t!(
            lang,
            "Deleted here (deleted on the phone): {names}",
            "Dihapus di sini (dihapus di ponsel): {names}"
        ));
    }
    if !r.deleted_phone.is_empty() {
        let names = r.deleted_phone.join(", ");
        app.ui.info(t!(
            lang,
            "Deleted on the phone (removed here): {names}",
            "Dihapus di ponsel (dihapus di sini): {names}"
        ));
    }
}

/// A dry run's lists, one person a line under a heading for each kind of change.
fn lists(app: &App, r: &Report) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let links = |list: &[Link]| -> Vec<String> {
        list.iter().map(|l| format!("{} \u{2194} {} ({})", l.contact, l.card, file(&l.href))).collect()
    };
    let groups: [(String, Vec<String>); 10] = [
        (
            t!(
                lang,
                "Would link (the contact here and the card on the phone become one):",
                "Akan ditautkan (kontak di sini dan kartu di ponsel menjadi satu):"
            ),
            links(&r.linked),
        ),
        (
            t!(lang, "Would add here (new from the phone):", "Akan ditambahkan di sini (baru dari ponsel):"),
            r.added_here.clone(),
        ),
        (
            t!(
                lang,
                "Would add here as a contact of its own (a second card of someone linked; see `jejaring dupes` after):",
                "Akan ditambahkan di sini sebagai kontak tersendiri (kartu kedua seseorang yang sudah tertaut; lihat `jejaring dupes` sesudahnya):"
            ),
            links(&r.duplicates),
        ),
        (t!(lang, "Would add to the phone:", "Akan ditambahkan ke ponsel:"), r.added_phone.clone()),
        (t!(lang, "Would change here:", "Akan diubah di sini:"), r.changed_here.clone()),
        (t!(lang, "Would change on the phone:", "Akan diubah di ponsel:"), r.changed_phone.clone()),
        (
            t!(lang, "Would delete here (deleted on the phone):", "Akan dihapus di sini (dihapus di ponsel):"),
            r.deleted_here.clone(),
        ),
        (
            t!(lang, "Would delete on the phone (removed here):", "Akan dihapus di ponsel (dihapus di sini):"),
            r.deleted_phone.clone(),
        ),
        (
            t!(
                lang,
                "Would keep here only (deleted on the phone; you have history with them):",
                "Akan disimpan di sini saja (dihapus di ponsel; Anda punya riwayat dengan mereka):"
            ),
            r.kept.clone(),
        ),
        (
            t!(
                lang,
                "Would send back (deleted on the phone, changed here since the last sync):",
                "Akan dikirim lagi (dihapus di ponsel, diubah di sini sejak sinkron terakhir):"
            ),
            r.restored.clone(),
        ),
    ];
    for (head, names) in groups {
        if names.is_empty() {
            continue;
        }
        app.ui.line(head)?;
        for name in names {
            app.ui.line(format!("  {name}"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_of_refused_hrefs_is_cut_short() {
        let hrefs: Vec<String> = (0..5000).map(|i| format!("/x/{i}.vcf")).collect();
        assert_eq!(first_few(&hrefs[..2], SHOWN_REFUSED), "/x/0.vcf, /x/1.vcf");
        let shown = first_few(&hrefs, SHOWN_REFUSED);
        assert!(shown.ends_with("/x/9.vcf, …"), "{shown}");
        assert!(!shown.contains("/x/10.vcf"));
    }
}
