//! How each warmth factor reads, in English and Indonesian: short gaps in words
//! ("yesterday"), rhythms agreeing with their number ("every day", never "1 days").

use super::cadence;
use super::warmth::Reason;
use crate::i18n::Lang;
use crate::{t, tn};

impl Reason {
    /// The reason as a sentence fragment for the reader.
    pub fn describe(&self, lang: Lang) -> String {
        // Short gaps read as words ("today", "yesterday"), a rhythm of one day in the
        // singular ("every day"): never "1 days".
        let ago = |d: i64| crate::i18n::days_ago(d, lang);
        let every = |e: u32| tn!(lang, e, "every day", "every {e} days", "setiap {e} hari");
        let within = |e: u32| tn!(lang, e, "within a day", "within {e} days", "dalam {e} hari");
        match *self {
            Reason::Overdue { days_since, every_days, chosen: true } => {
                let (ago, every) = (ago(days_since), every(every_days));
                t!(lang, "last conversation {ago}; you wanted {every}", "terakhir bicara {ago}; Anda ingin {every}")
            }
            Reason::Overdue { days_since, every_days, chosen: false } => {
                let (ago, every) = (ago(days_since), every(every_days));
                t!(
                    lang,
                    "last conversation {ago}; about {every} suits this contact",
                    "terakhir bicara {ago}; sekitar {every} cocok untuk kontak ini"
                )
            }
            // Past the first 30 days they are no longer newly met: say what is true then.
            // Entered later than a week after meeting: the first follow-up is due from
            // the day they were entered, and the sentence gives that day.
            Reason::FollowUp { days_since, first: true, late, entered_later: Some(due), .. } => {
                let ago = ago(days_since);
                match late {
                    true => t!(
                        lang,
                        "met {ago} and never followed up; the first follow-up was due {due}",
                        "bertemu {ago} dan belum pernah ditindaklanjuti; tindak lanjut pertama mestinya {due}"
                    ),
                    false => t!(
                        lang,
                        "met {ago}, entered since; the first follow-up is due {due}",
                        "bertemu {ago}, dicatat belakangan; tindak lanjut pertama jatuh pada {due}"
                    ),
                }
            }
            Reason::FollowUp { days_since, first: true, late: true, .. } if days_since > cadence::NEW_DAYS => {
                let ago = ago(days_since);
                t!(
                    lang,
                    "met {ago} and never followed up; the first follow-up was due a week after meeting",
                    "bertemu {ago} dan belum pernah ditindaklanjuti; tindak lanjut pertama mestinya seminggu setelah bertemu"
                )
            }
            Reason::FollowUp { days_since, every_days, first: true, late: true, .. } => {
                let (ago, within) = (ago(days_since), within(every_days));
                t!(
                    lang,
                    "met {ago} and no follow-up yet; someone newly met needs one {within}",
                    "bertemu {ago} dan belum ada tindak lanjut; orang yang baru dikenal perlu disapa lagi {within}"
                )
            }
            Reason::FollowUp { days_since, every_days, first: true, late: false, .. } => {
                let (ago, within) = (ago(days_since), within(every_days));
                t!(
                    lang,
                    "met {ago}; a first follow-up is due {within} of meeting",
                    "bertemu {ago}; tindak lanjut pertama sebaiknya {within} setelah bertemu"
                )
            }
            Reason::FollowUp { days_since, every_days, first: false, late: true, .. } => {
                let (ago, every) = (ago(days_since), every(every_days));
                t!(
                    lang,
                    "last conversation {ago}; someone newly met needs a follow-up {every}",
                    "terakhir bicara {ago}; orang yang baru dikenal perlu disapa {every}"
                )
            }
            Reason::FollowUp { days_since, every_days, first: false, late: false, .. } => {
                let ago = ago(days_since);
                t!(
                    lang,
                    "talked {ago}, within the {every_days}-day follow-up of someone newly met",
                    "bicara {ago}, masih dalam tindak lanjut {every_days} hari untuk orang yang baru dikenal"
                )
            }
            Reason::OnRhythm { days_since: 0, every_days, .. } => t!(
                lang,
                "talked today, within the {every_days}-day rhythm",
                "bicara hari ini, masih dalam irama {every_days} hari"
            ),
            Reason::OnRhythm { days_since: 1, every_days, .. } => t!(
                lang,
                "talked yesterday, within the {every_days}-day rhythm",
                "bicara kemarin, masih dalam irama {every_days} hari"
            ),
            Reason::OnRhythm { days_since, every_days, .. } => t!(
                lang,
                "talked {days_since} days ago, within the {every_days}-day rhythm",
                "bicara {days_since} hari lalu, masih dalam irama {every_days} hari"
            ),
            Reason::NeverTalked { days_known: 0 } => t!(
                lang,
                "no conversation logged yet (added today)",
                "belum ada percakapan tercatat (baru ditambahkan hari ini)"
            ),
            Reason::NeverTalked { days_known } => tn!(
                lang,
                days_known,
                "no conversation logged yet (known for {days_known} day)",
                "no conversation logged yet (known for {days_known} days)",
                "belum ada percakapan tercatat (dikenal sejak {days_known} hari)"
            ),
            Reason::Frequency { count: 0, .. } => {
                t!(lang, "no conversation in the last 6 months", "tidak ada percakapan dalam 6 bulan terakhir")
            }
            Reason::Frequency { count, .. } => {
                tn!(
                    lang,
                    count,
                    "{count} conversation in the last 6 months",
                    "{count} conversations in the last 6 months",
                    "{count} percakapan dalam 6 bulan terakhir"
                )
            }
            Reason::YouReachOut { times } => {
                t!(lang, "you reached out the last {times} times", "Anda yang menghubungi {times} kali terakhir")
            }
            Reason::TheyReachOut { times } => t!(
                lang,
                "they reached out the last {times} times; return the favour",
                "mereka yang menghubungi {times} kali terakhir; balaslah perhatiannya"
            ),
            Reason::Mutual { they, of } => t!(
                lang,
                "they started {they} of the last {of} conversations",
                "mereka memulai {they} dari {of} percakapan terakhir"
            ),
            Reason::Trust { level, from_note: true } => {
                t!(lang, "trust level {level} of 5", "tingkat kepercayaan {level} dari 5")
            }
            Reason::Trust { level, from_note: false } => t!(
                lang,
                "trust level {level} of 5 (from the stage; no trust note yet)",
                "tingkat kepercayaan {level} dari 5 (dari tahap; belum ada catatan kepercayaan)"
            ),
            Reason::Knowing { score } => {
                t!(lang, "you know {score}% of the basics about them", "Anda tahu {score}% hal dasar tentang mereka")
            }
            Reason::PromisesOverdue { count } => {
                tn!(lang, count, "{count} promise overdue", "{count} promises overdue", "{count} janji terlambat")
            }
            Reason::PromisesBroken { count } => tn!(
                lang,
                count,
                "{count} promise broken in the last 6 months",
                "{count} promises broken in the last 6 months",
                "{count} janji diingkari dalam 6 bulan terakhir"
            ),
            Reason::PromisesKept { count } => tn!(
                lang,
                count,
                "{count} promise kept on time recently",
                "{count} promises kept on time recently",
                "{count} janji ditepati tepat waktu belakangan ini"
            ),
        }
    }
}
