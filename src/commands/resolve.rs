//! Turning what the user typed into one contact, or a clear error listing candidates
//! or the closest names; and reading that one contact's part of the network.

use crate::app::App;
use crate::i18n::Lang;
use crate::model::Network;
use crate::model::lookup::{Found, Fuzzy, Lookup, Named};
use crate::store::{Finding, Outline, Store, Wanted};
use crate::t;

/// The index of the contact `query` names, or an error that helps the user pick.
pub fn contact(net: &Network, query: &str, lang: Lang) -> anyhow::Result<usize> {
    contact_in(&Lookup::new(&net.contacts), query, lang)
}

/// `contact`, among the heads of a network's outline.
pub fn head(outline: &Outline, query: &str, lang: Lang) -> anyhow::Result<usize> {
    contact_in(&Lookup::new(&outline.heads), query, lang)
}

/// `contact`, for a command that looks up several names among the same people.
pub fn contact_in<P: Named>(lookup: &Lookup<P>, query: &str, lang: Lang) -> anyhow::Result<usize> {
    let people = lookup.people;
    match lookup.find(query, Fuzzy::Allow) {
        Found::One(i) => Ok(i),
        Found::Ambiguous(candidates) => {
            let list = names(people, &candidates);
            anyhow::bail!(t!(
                lang,
                "{query:?} could mean {list}; type more of the name or use the handle",
                "{query:?} bisa berarti {list}; ketik nama lebih lengkap atau pakai kodenya"
            ))
        }
        Found::None(suggestions) if suggestions.is_empty() => anyhow::bail!(t!(
            lang,
            "no contact matches {query:?}; see `jejaring list`, or add them with `jejaring add-contact`",
            "tidak ada kontak yang cocok dengan {query:?}; lihat `jejaring list`, atau tambahkan dengan `jejaring add-contact`"
        )),
        Found::None(suggestions) => {
            let list = names(people, &suggestions);
            anyhow::bail!(t!(
                lang,
                "no contact matches {query:?}; did you mean {list}?",
                "tidak ada kontak yang cocok dengan {query:?}; mungkin maksudnya {list}?"
            ))
        }
    }
}

/// "Budi Santoso (a1b2), Siti Rahma (c3d4)".
pub fn names<P: Named>(people: &[P], indexes: &[usize]) -> String {
    indexes.iter().map(|&i| format!("{} ({})", people[i].name(), people[i].handle())).collect::<Vec<_>>().join(", ")
}

/// The network with only the contact `query` names read whole, and every record but the
/// other contacts and the interactions (see `App::open_part`), with the contact's place
/// in it: for a command that shows one person's own records (their facts, trust notes,
/// promises) and none of their conversations.
pub fn read_one(app: &App, query: &str) -> anyhow::Result<(Store, usize)> {
    read_around(app, query, |_, n| Wanted::new([n], []))
}

/// The part of the network `around` picks around the contact `query` names (the `n`th
/// of the outline), with that contact's place in it.
pub fn read_around(
    app: &App,
    query: &str,
    around: impl Fn(&Outline, usize) -> Wanted,
) -> anyhow::Result<(Store, usize)> {
    let lang = app.ui.lang;
    let chosen = std::cell::Cell::new(None);
    let store = app.open_part(Finding::ByName, |outline| {
        let n = head(outline, query, lang)?;
        chosen.set(Some(outline.heads[n].id));
        Ok(around(outline, n))
    })?;
    let n = chosen.get().and_then(|id| store.net.contact_index(&id)).ok_or_else(|| {
        anyhow::anyhow!(t!(
            lang,
            "the contact found is missing from what was read",
            "kontak yang ditemukan tidak ada dalam data yang dibaca"
        ))
    })?;
    Ok((store, n))
}
