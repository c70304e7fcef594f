//! The words for the coach's steps, evidence and next actions, in both languages.

use super::knowing;
use super::steps::{Action, Evidence, Step};
use crate::i18n::Lang;
use crate::{t, tn};

impl Step {
    pub fn title(self, lang: Lang) -> String {
        match self {
            Step::Trust => t!(lang, "Build trust", "Bangun kepercayaan"),
            Step::Goals => t!(lang, "Set goals", "Tetapkan tujuan"),
            Step::Contacts => t!(lang, "Select contacts", "Pilih kontak"),
        }
    }

    /// Why the step matters, in one line.
    pub fn why(self, lang: Lang) -> String {
        match self {
            Step::Trust => t!(
                lang,
                "a network without trust looks like a net and holds nothing; know people and keep your word",
                "jaringan tanpa kepercayaan hanya tampak seperti jaring dan tak menahan apa pun; kenali orang dan tepati janji Anda"
            ),
            Step::Goals => t!(
                lang,
                "decide what the network is for, in goals you can measure",
                "tentukan untuk apa jaringan ini, dalam tujuan yang bisa diukur"
            ),
            Step::Contacts => t!(
                lang,
                "start from the people you have, then widen the circle with people you do not know yet",
                "mulai dari orang yang Anda punya, lalu perluas dengan orang yang belum Anda kenal"
            ),
        }
    }
}

impl Evidence {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Evidence::Reliability { rate: None, .. } => t!(
                lang,
                "no promise resolved in the last 90 days, and none overdue",
                "belum ada janji yang selesai dalam 90 hari terakhir, dan tidak ada yang terlambat"
            ),
            Evidence::Reliability { rate: Some(rate), kept, counted } => tn!(
                lang,
                counted,
                "reliability {rate}%: kept {kept} of {counted} promise on time (resolved in the last 90 days, or overdue)",
                "reliability {rate}%: kept {kept} of {counted} promises on time (resolved in the last 90 days, or overdue)",
                "keandalan {rate}%: {kept} dari {counted} janji ditepati tepat waktu (selesai dalam 90 hari terakhir, atau terlambat)"
            ),
            Evidence::OverduePromises { count: 0 } => t!(lang, "no promise overdue", "tidak ada janji yang terlambat"),
            Evidence::OverduePromises { count } => {
                tn!(lang, count, "{count} promise overdue", "{count} promises overdue", "{count} janji terlambat")
            }
            Evidence::CloseKnowing { people: 0, .. } => t!(
                lang,
                "nobody close yet (connections or trusted people)",
                "belum ada orang dekat (relasi atau orang tepercaya)"
            ),
            Evidence::CloseKnowing { average, people } => tn!(
                lang,
                people,
                "you know {average}% of the basics about the one person closest to you",
                "you know {average}% of the basics about your {people} closest people, on average",
                "rata-rata Anda tahu {average}% hal dasar tentang {people} orang terdekat Anda"
            ),
            Evidence::ActiveGoals { count } => {
                tn!(lang, count, "{count} active goal", "{count} active goals", "{count} tujuan aktif")
            }
            Evidence::SmartLetters { ok, total } => {
                t!(lang, "{ok} of {total} SMART letters are sound", "{ok} dari {total} huruf SMART sudah baik")
            }
            Evidence::GoalsPace { on_track, behind } => {
                t!(lang, "{on_track} on track, {behind} behind", "{on_track} sesuai jadwal, {behind} tertinggal")
            }
            Evidence::Circles { covered } => {
                t!(lang, "{covered} of 4 circles have someone in them", "{covered} dari 4 lingkaran sudah berisi orang")
            }
            Evidence::NewFaces { count } => tn!(
                lang,
                count,
                "{count} stranger or acquaintance met in the last 30 days",
                "{count} strangers or acquaintances met in the last 30 days",
                "{count} orang asing atau kenalan yang ditemui dalam 30 hari terakhir"
            ),
            Evidence::Due { count, total } => tn!(
                lang,
                count,
                "{count} of {total} people is past their keep-in-touch rhythm",
                "{count} of {total} people are past their keep-in-touch rhythm",
                "{count} dari {total} orang melewati irama jaga kontak"
            ),
            Evidence::Introductions { asked, made } => tn!(
                lang,
                asked,
                "{asked} introduction asked for and {made} made in the last 90 days",
                "{asked} introductions asked for and {made} made in the last 90 days",
                "{asked} perkenalan diminta dan {made} terjadi dalam 90 hari terakhir"
            ),
        }
    }
}

impl Action {
    /// The action as a sentence, with the command that does it.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Action::KeepPromise { n, name, due } => t!(
                lang,
                "deliver promise #{n} to {name} (due {due}), or agree a new date: `jejaring promise move {n} --due DATE --note …`",
                "tepati janji #{n} kepada {name} (sudah lewat tenggat sejak {due}), atau sepakati tanggal baru: `jejaring promise move {n} --due TANGGAL --note …`"
            ),
            Action::RecordPromise => t!(
                lang,
                "write down the next thing you promise someone: `jejaring promise NAME \"what\" --due DATE`",
                "catat janji berikutnya kepada seseorang: `jejaring promise NAMA \"apa\" --due TANGGAL`"
            ),
            Action::LearnAbout { name, handle, topic } => {
                let q = knowing::question(topic, lang);
                t!(
                    lang,
                    "get to know {name} better; ask \"{q}\" and note it: `jejaring know {handle} \"…\"`",
                    "kenali {name} lebih baik; tanyakan \"{q}\" lalu catat: `jejaring know {handle} \"…\"`"
                )
            }
            Action::AddTrustNote { name, handle } => t!(
                lang,
                "note what built trust with {name}: `jejaring trust {handle} --note \"…\"`",
                "catat apa yang membangun kepercayaan dengan {name}: `jejaring trust {handle} --note \"…\"`"
            ),
            Action::SetGoal => t!(
                lang,
                "decide what your network is for: `jejaring goal new` walks you through a SMART goal",
                "tentukan untuk apa jaringan Anda: `jejaring goal new` memandu Anda menyusun tujuan SMART"
            ),
            Action::StrengthenGoal { number, letter } => {
                let l = letter.name(lang);
                t!(
                    lang,
                    "strengthen goal {number}'s {l}: `jejaring goal check {number}` says how",
                    "perkuat {l} pada tujuan {number}: `jejaring goal check {number}` menjelaskan caranya"
                )
            }
            Action::CatchUp { number, title } => t!(
                lang,
                "goal {number} ({title}) is behind; reach the people linked to it: `jejaring select`",
                "tujuan {number} ({title}) tertinggal; hubungi orang yang tertaut dengannya: `jejaring select`"
            ),
            Action::AddPeople => t!(
                lang,
                "start from the people you have: friends, colleagues, family: `jejaring add-contact`",
                "mulai dari orang yang Anda punya: teman, kolega, keluarga: `jejaring add-contact`"
            ),
            Action::WidenCircle { circle } => {
                let c = circle.label(lang);
                t!(
                    lang,
                    "nobody in your {c} circle yet; add the first: `jejaring add-contact NAME --circle {c}`",
                    "belum ada orang di lingkaran {c}; tambahkan yang pertama: `jejaring add-contact NAMA --circle {c}`"
                )
            }
            Action::MeetSomeoneNew => t!(
                lang,
                "talk to someone you do not know at the next event, then add them: `jejaring add-contact NAME --stage stranger`",
                "ajak bicara orang yang belum Anda kenal di acara berikutnya, lalu tambahkan: `jejaring add-contact NAMA --stage stranger`"
            ),
            Action::Reach { name, handle, days } => tn!(
                lang,
                days,
                "reach {name}, {days} day past your rhythm, and log it: `jejaring log {handle} \"…\"`",
                "reach {name}, {days} days past your rhythm, and log it: `jejaring log {handle} \"…\"`",
                "hubungi {name}, {days} hari melewati irama, lalu catat: `jejaring log {handle} \"…\"`"
            ),
            Action::Select => t!(
                lang,
                "pick this week's people: `jejaring select`",
                "pilih orang untuk minggu ini: `jejaring select`"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Circle, Topic};

    #[test]
    fn every_action_names_a_command_in_both_languages() {
        let actions = [
            Action::RecordPromise,
            Action::LearnAbout { name: "Ana".into(), handle: "a1".into(), topic: Topic::Goals },
            Action::SetGoal,
            Action::AddPeople,
            Action::WidenCircle { circle: Circle::Family },
            Action::MeetSomeoneNew,
            Action::Select,
        ];
        for a in actions {
            for lang in [Lang::En, Lang::Id] {
                assert!(a.describe(lang).contains("`jejaring "), "{a:?} in {lang:?}");
            }
        }
    }
}
