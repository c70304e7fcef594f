//! Turning what the user typed into one contact, or a clear error listing candidates
//! or the closest names.

use crate::i18n::Lang;
use crate::model::Network;
use crate::model::lookup::{Found, Fuzzy, Lookup};
use crate::t;

/// The index of the contact `query` names, or an error that helps the user pick.
pub fn contact(net: &Network, query: &str, lang: Lang) -> anyhow::Result<usize> {
    contact_in(&Lookup::new(net), query, lang)
}

/// `contact`, for a command that looks up several names in one network.
pub fn contact_in(lookup: &Lookup, query: &str, lang: Lang) -> anyhow::Result<usize> {
    let net = lookup.net;
    match lookup.find(query, Fuzzy::Allow) {
        Found::One(i) => Ok(i),
        Found::Ambiguous(candidates) => {
            let list = names(net, &candidates);
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
            let list = names(net, &suggestions);
            anyhow::bail!(t!(
                lang,
                "no contact matches {query:?}; did you mean {list}?",
                "tidak ada kontak yang cocok dengan {query:?}; mungkin maksudnya {list}?"
            ))
        }
    }
}

/// "Budi Santoso (a1b2), Siti Rahma (c3d4)".
pub fn names(net: &Network, indexes: &[usize]) -> String {
    indexes
        .iter()
        .map(|&i| format!("{} ({})", net.contacts[i].name, net.contacts[i].handle))
        .collect::<Vec<_>>()
        .join(", ")
}
