//! `jejaring sync status`: the server, the last sync and what is waiting to be sent.

use crate::app::App;
use crate::{t, tn};

/// Show the server, the last sync and what is waiting to be sent
#[derive(Debug, clap::Args)]
pub struct StatusArgs {}

pub(super) fn status(app: &App) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let store = app.open_read()?;
    let net = &store.net;
    let state = net.sync.as_ref().filter(|s| !s.addressbook.is_empty()).ok_or_else(|| super::not_set_up(lang))?;
    let linked: std::collections::HashSet<_> = state.cards.iter().map(|c| c.contact).collect();
    let unlinked = || net.contacts.iter().filter(|c| !linked.contains(&c.id) && !state.kept.contains(&c.id));
    let new = unlinked().filter(|c| state.sends(c)).count();
    let held_back = unlinked().count() - new;
    let edited = state
        .cards
        .iter()
        .filter(|card| net.contact(&card.contact).is_some_and(|c| crate::sync::Fields::of(c) != card.base))
        .count();
    let removed = state.cards.iter().filter(|card| net.contact(&card.contact).is_none()).count();
    let last = state.last_sync.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string());
    if app.ui.json {
        app.ui.json_value(&serde_json::json!({
            "addressbook": state.addressbook,
            "calendar": state.calendar,
            "user": state.user,
            "last_sync": state.last_sync,
            "cards": state.cards.len(),
            "pending": { "new": new, "edited": edited, "removed": removed },
            "kept": state.kept.len(),
            "only": state.only,
            "held_back": held_back,
        }))?;
        return Ok(());
    }
    let book = &state.addressbook;
    app.ui.line(t!(lang, "Address book: {book}", "Buku alamat: {book}"))?;
    if let Some(c) = &state.calendar {
        app.ui.line(t!(lang, "Calendar:     {c}", "Kalender:    {c}"))?;
    }
    let last = last.unwrap_or_else(|| t!(lang, "never", "belum pernah"));
    app.ui.line(t!(lang, "Last sync:    {last}", "Sinkron terakhir: {last}"))?;
    let cards = state.cards.len();
    app.ui.line(tn!(
        lang,
        cards,
        "Linked:       {cards} card",
        "Linked:       {cards} cards",
        "Tertaut:     {cards} kartu"
    ))?;
    app.ui.line(t!(
        lang,
        "Waiting to be sent: {new} new, {edited} edited, {removed} removed",
        "Menunggu dikirim: {new} baru, {edited} diubah, {removed} dihapus"
    ))?;
    if !state.only.is_empty() {
        let only = state.only.join(", ");
        app.ui.line(tn!(
            lang,
            held_back,
            "Only:         {only} ({held_back} contact not sent; `jejaring sync --all` sends everyone)",
            "Only:         {only} ({held_back} contacts not sent; `jejaring sync --all` sends everyone)",
            "Hanya:       {only} ({held_back} kontak tidak dikirim; `jejaring sync --all` mengirim semuanya)"
        ))?;
    }
    Ok(())
}
