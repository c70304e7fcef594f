//! How a pick's reason reads, in English and Indonesian: one sentence per reason, with
//! the figures the reason carries.

use super::select::Reason;
use crate::i18n::Lang;
use crate::model::{Circle, Stage};
use crate::{t, tn};

impl Reason {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Reason::Promise { n, due, overdue: true, also } if also.is_empty() => t!(
                lang,
                "promise #{n} was due {due}; deliver it or agree a new date",
                "janji #{n} sudah lewat tenggat sejak {due}; tepati atau sepakati tanggal baru"
            ),
            Reason::Promise { n, due, overdue: true, also } => {
                let list = std::iter::once(n).chain(also).map(|n| format!("#{n}")).collect::<Vec<_>>().join(", ");
                t!(
                    lang,
                    "promises {list} are overdue, the first since {due}; deliver them or agree new dates",
                    "janji {list} sudah lewat tenggat, yang pertama sejak {due}; tepati atau sepakati tanggal baru"
                )
            }
            Reason::Promise { n, due, overdue: false, .. } => {
                t!(lang, "promise #{n} is due {due}", "janji #{n} jatuh tempo {due}")
            }
            Reason::Repair { n, on } => t!(
                lang,
                "you broke promise #{n} on {on}; acknowledge it",
                "Anda mengingkari janji #{n} pada {on}; akui itu kepadanya"
            ),
            Reason::Birthday { in_days: 0, .. } => t!(lang, "their birthday is today", "hari ini ulang tahunnya"),
            Reason::Birthday { on, in_days: 1 } => {
                t!(lang, "their birthday is tomorrow, {on}", "besok, {on}, ulang tahunnya")
            }
            Reason::Birthday { on, in_days } => t!(
                lang,
                "their birthday is in {in_days} days, on {on}",
                "ulang tahunnya {in_days} hari lagi, pada {on}"
            ),
            Reason::Goal { title } => t!(
                lang,
                "matters to your goal \"{title}\", which is behind",
                "penting untuk tujuan \"{title}\" yang tertinggal"
            ),
            Reason::Introduce { title, tags, circles } => introduce_text(lang, title, tags, circles),
            Reason::FollowUp { met, due, first: true, late: true } => t!(
                lang,
                "met on {met}; the first follow-up was due {due}, a week after meeting: reach out now",
                "bertemu pada {met}; tindak lanjut pertama sudah lewat tenggat sejak {due}, seminggu setelah bertemu: sapa dia sekarang"
            ),
            Reason::FollowUp { met, due, first: true, late: false } => t!(
                lang,
                "met on {met}; a first follow-up within a week keeps the door open (by {due})",
                "bertemu pada {met}; sapa lagi dalam seminggu agar pintu tetap terbuka (paling lambat {due})"
            ),
            Reason::FollowUp { met, due, first: false, late: true } => t!(
                lang,
                "met on {met}; the monthly follow-up while they are new was due {due}",
                "bertemu pada {met}; tindak lanjut bulanan selama masih baru dikenal sudah lewat tenggat sejak {due}"
            ),
            Reason::FollowUp { met, due, first: false, late: false } => t!(
                lang,
                "met on {met}; follow up monthly while they are new (next by {due})",
                "bertemu pada {met}; sapa sebulan sekali selama masih baru dikenal (berikutnya paling lambat {due})"
            ),
            Reason::Overdue { days } => {
                tn!(
                    lang,
                    days,
                    "{days} day past your keep-in-touch rhythm",
                    "{days} days past your keep-in-touch rhythm",
                    "{days} hari melewati irama jaga kontak"
                )
            }
            Reason::Cooling { from, to } => {
                t!(
                    lang,
                    "warmth fell from {from} to {to} in the last 30 days",
                    "kehangatan turun dari {from} ke {to} dalam 30 hari terakhir"
                )
            }
            Reason::Deepen => t!(
                lang,
                "you know them only in passing; learn one thing more",
                "Anda baru sekadar kenal; pelajari satu hal lagi tentangnya"
            ),
            Reason::Widen { stage: Stage::Stranger } => t!(
                lang,
                "a stranger you met: turn the conversation into a relationship",
                "orang asing yang Anda temui: jadikan percakapan itu sebuah hubungan"
            ),
            Reason::Widen { .. } => {
                t!(lang, "a new acquaintance: widen your circle", "kenalan baru: perluas lingkaran Anda")
            }
            Reason::Intro(pick) => super::intro_text::pick(pick, lang),
        }
    }
}

/// "ask them to introduce you to someone in fintech", for a new-contacts goal behind.
fn introduce_text(lang: Lang, title: &str, tags: &[String], circles: &[Circle]) -> String {
    let someone = if !tags.is_empty() {
        let tags = tags.join(" / ");
        t!(lang, "someone in {tags}", "seseorang dari kalangan {tags}")
    } else if !circles.is_empty() {
        let circles = circles.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join(" / ");
        t!(lang, "someone in your {circles} circle", "seseorang di lingkaran {circles} Anda")
    } else {
        t!(lang, "someone new", "seseorang yang baru")
    };
    t!(
        lang,
        "your goal \"{title}\" is behind: ask them to introduce you to {someone}",
        "tujuan \"{title}\" tertinggal: minta dia memperkenalkan Anda kepada {someone}"
    )
}
