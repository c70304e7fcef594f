//! The words for introductions and the evidence of who knows whom, in both languages:
//! a tie's evidence ("4 meetings together since 2026-03-02, last on 2026-11-20"), the
//! introduction picks and the digest's lines.

use super::graph::{Count, Tie, Via};
use super::intro::IntroPick;
use crate::i18n::Lang;
use crate::{t, tn};

/// One kind of evidence in words.
pub fn count(c: &Count, lang: Lang) -> String {
    let n = c.count;
    let last = c.last.map(|d| d.to_string()).unwrap_or_default();
    let first = c.first.map(|d| d.to_string()).unwrap_or_default();
    let mut s = match c.via {
        Via::Link => t!(lang, "you noted they know each other ({last})", "Anda mencatat mereka saling kenal ({last})"),
        Via::Introduced => t!(lang, "an introduction on {last}", "perkenalan pada {last}"),
        Via::Talk if n == 1 => t!(
            lang,
            "a conversation you logged with both, on {last}",
            "percakapan yang Anda catat bersama keduanya, pada {last}"
        ),
        Via::Talk => t!(
            lang,
            "{n} conversations you logged with both, last on {last}",
            "{n} percakapan yang Anda catat bersama keduanya, terakhir pada {last}"
        ),
        Via::Meeting if n == 1 => t!(lang, "a meeting together on {last}", "satu rapat bersama pada {last}"),
        Via::Meeting => t!(
            lang,
            "{n} meetings together since {first}, last on {last}",
            "{n} rapat bersama sejak {first}, terakhir pada {last}"
        ),
        Via::Mail => tn!(
            lang,
            n,
            "{n} mail thread together, last on {last}",
            "{n} mail threads together, last on {last}",
            "{n} utas surel bersama, terakhir pada {last}"
        ),
        Via::Group => tn!(
            lang,
            n,
            "wrote in the same WhatsApp group on {n} day, last on {last}",
            "wrote in the same WhatsApp group on {n} days, last on {last}",
            "menulis di grup WhatsApp yang sama pada {n} hari, terakhir pada {last}"
        ),
        Via::Message => tn!(
            lang,
            n,
            "{n} LinkedIn thread together, last on {last}",
            "{n} LinkedIn threads together, last on {last}",
            "{n} utas LinkedIn bersama, terakhir pada {last}"
        ),
        Via::Org => t!(lang, "the same organisation", "organisasi yang sama"),
    };
    if c.big > 0 {
        let big = c.big;
        s.push_str(&tn!(
            lang,
            big,
            " ({big} with more than 15 people)",
            " ({big} with more than 15 people)",
            " ({big} dengan lebih dari 15 orang)"
        ));
    }
    s
}

/// A tie's evidence in one line, strongest kind first; old evidence is said to be old.
pub fn tie(tie: &Tie, lang: Lang) -> String {
    let mut parts: Vec<String> = tie.evidence.iter().map(|c| count(c, lang)).collect();
    if let Some(how) = &tie.how {
        parts.insert(0, format!("\u{201c}{how}\u{201d}"));
    }
    let mut s = parts.join("; ");
    if tie.old {
        s.push_str(&t!(lang, " — old: more than two years ago", " — sudah lama: lebih dari dua tahun lalu"));
    }
    s
}

/// The reason an introduction gives a pick, said about the person picked.
pub fn pick(p: &IntroPick, lang: Lang) -> String {
    match p {
        IntroPick::Ask { to_name, org, goal, shared, last, evidence, .. } => {
            let who = match org {
                Some(org) => t!(lang, "{to_name} at {org}", "{to_name} di {org}"),
                None => to_name.clone(),
            };
            let evidence = match (shared, last) {
                // Never met: what the data does say (a thread, the same organisation).
                (0, _) | (_, None) => match evidence {
                    Some(c) => count(c, lang),
                    None => t!(lang, "they know each other", "mereka saling kenal"),
                },
                (n, Some(last)) => tn!(
                    lang,
                    *n,
                    "they met once, on {last}",
                    "they met {n} times, last on {last}",
                    "mereka bertemu {n} kali, terakhir pada {last}"
                ),
            };
            t!(
                lang,
                "ask them to introduce you to {who} for your goal \"{goal}\" — {evidence}",
                "minta dia memperkenalkan Anda kepada {who} untuk tujuan \"{goal}\" — {evidence}"
            )
        }
        IntroPick::Nudge { n, to_name, asked } => t!(
            lang,
            "ask again, kindly, about the introduction to {to_name} you asked for on {asked} (#{n})",
            "tanyakan lagi dengan ramah soal perkenalan dengan {to_name} yang Anda minta pada {asked} (#{n})"
        ),
        IntroPick::Thank { to_name, on, by } => t!(
            lang,
            "introduced you to {to_name} on {on}: thank them by {by}",
            "memperkenalkan Anda kepada {to_name} pada {on}: ucapkan terima kasih paling lambat {by}"
        ),
        IntroPick::FollowUp { via_name, on, by } => t!(
            lang,
            "{via_name} introduced you on {on}: follow up by {by}",
            "{via_name} memperkenalkan kalian pada {on}: tindak lanjuti paling lambat {by}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn evidence_reads_naturally_in_both_languages() {
        let c = Count {
            via: Via::Meeting,
            count: 4,
            big: 1,
            first: Some(day("2026-03-02")),
            last: Some(day("2026-11-20")),
        };
        assert_eq!(
            count(&c, Lang::En),
            "4 meetings together since 2026-03-02, last on 2026-11-20 (1 with more than 15 people)"
        );
        assert_eq!(
            count(&c, Lang::Id),
            "4 rapat bersama sejak 2026-03-02, terakhir pada 2026-11-20 (1 dengan lebih dari 15 orang)"
        );
        let one =
            Count { via: Via::Mail, count: 1, big: 0, first: Some(day("2026-01-02")), last: Some(day("2026-01-02")) };
        assert_eq!(count(&one, Lang::En), "1 mail thread together, last on 2026-01-02");
    }

    #[test]
    fn picks_say_what_to_do() {
        let ask = IntroPick::Ask {
            to: uuid::Uuid::nil(),
            to_name: "Dewi".into(),
            org: Some("OVO".into()),
            goal: "Fintech".into(),
            shared: 4,
            last: Some(day("2026-11-20")),
            evidence: None,
        };
        let org_only = IntroPick::Ask {
            to: uuid::Uuid::nil(),
            to_name: "Dewi".into(),
            org: Some("OVO".into()),
            goal: "Fintech".into(),
            shared: 0,
            last: None,
            evidence: Some(Count { via: Via::Org, count: 1, big: 0, first: None, last: None }),
        };
        assert_eq!(
            pick(&org_only, Lang::En),
            "ask them to introduce you to Dewi at OVO for your goal \"Fintech\" — the same organisation"
        );
        assert_eq!(
            pick(&ask, Lang::En),
            "ask them to introduce you to Dewi at OVO for your goal \"Fintech\" — they met 4 times, last on 2026-11-20"
        );
        let nudge = IntroPick::Nudge { n: 2, to_name: "Dewi".into(), asked: day("2026-11-01") };
        assert!(pick(&nudge, Lang::Id).starts_with("tanyakan lagi dengan ramah"));
    }
}
