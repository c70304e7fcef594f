//! A promise as one line, wherever promises are shown (promise list, show, today, the
//! review).

use crate::i18n::Lang;
use crate::model::{Network, Outcome, Promise};
use crate::{t, tn};
use chrono::NaiveDate;

/// One promise as a line: `#3  2026-12-04  Wei Chen: send the deck  (overdue 2 days)`.
pub fn line(p: &Promise, net: &Network, today: NaiveDate, lang: Lang) -> String {
    let who = net.contact(&p.contact).map_or("?", |c| c.name.as_str());
    let state = match p.outcome(today) {
        Outcome::Open => {
            let days = (p.due - today).num_days();
            match days {
                0 => t!(lang, "due today", "jatuh tempo hari ini"),
                1 => t!(lang, "due tomorrow", "jatuh tempo besok"),
                _ => t!(lang, "due in {days} days", "jatuh tempo {days} hari lagi"),
            }
        }
        Outcome::Overdue => {
            let days = (today - p.due).num_days();
            tn!(lang, days, "overdue {days} day", "overdue {days} days", "terlambat {days} hari")
        }
        Outcome::KeptOnTime => t!(lang, "kept on time", "ditepati tepat waktu"),
        Outcome::KeptLate => t!(lang, "kept late", "ditepati terlambat"),
        Outcome::Broken => t!(lang, "broken", "diingkari"),
    };
    let moved = match p.moves.len() {
        0 => String::new(),
        _ => {
            let original = p.original_due();
            t!(lang, "; first due {original}", "; semula {original}")
        }
    };
    format!("#{:<3} {}  {who}: {}  ({state}{moved})", p.n, p.due, p.what)
}
