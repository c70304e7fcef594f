//! What to do about each SMART finding: the wizard's hint (in answers) and the command
//! line's suggestion (in flags), in English and Indonesian.

use super::smart::Finding;
use crate::i18n::Lang;
use crate::t;

impl Finding {
    /// What to do about it inside the wizard, where the user answers questions: the same
    /// advice as `suggestion`, without the command line's flags.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use Finding::*;
        Some(match self {
            NoDescription => t!(
                lang,
                "say what exactly, and with whom, e.g. \"meet product people at fintech start-ups\"",
                "sebutkan apa tepatnya, dan dengan siapa, mis. \"bertemu orang produk di start-up fintech\""
            ),
            NoTargetGroup => t!(
                lang,
                "say who counts: a tag (e.g. fintech), a circle or a stage",
                "sebutkan siapa yang dihitung: sebuah tag (mis. fintech), lingkaran, atau tahap"
            ),
            NoTarget | ZeroTarget => t!(lang, "give a target number, e.g. 10", "berikan angka target, mis. 10"),
            Uncountable { .. } => t!(
                lang,
                "choose a way of counting this version knows, or count by hand",
                "pilih cara menghitung yang dikenal versi ini, atau hitung manual"
            ),
            NoPlan => t!(
                lang,
                "write the plan: where you will meet people, how often",
                "tulis rencananya: di mana bertemu orang, seberapa sering"
            ),
            TooFast { fair_target, fair_deadline: Some(d), .. } => t!(
                lang,
                "at your best pace you would reach {fair_target} by the deadline; lower the target to {fair_target} or move the deadline to {d}",
                "dengan laju terbaik Anda, tercapai {fair_target} pada tenggat; turunkan target ke {fair_target} atau mundurkan tenggat ke {d}"
            ),
            TooFast { fair_deadline: None, .. } => {
                t!(lang, "lower the target or move the deadline later", "turunkan target atau mundurkan tenggat")
            }
            NoReason => t!(
                lang,
                "write why it matters, e.g. \"I want to move into product within a year\"",
                "tulis mengapa ini penting, mis. \"saya ingin pindah ke bidang produk dalam setahun\""
            ),
            OverBudget { .. } => t!(
                lang,
                "lower a target, move a deadline, drop a goal, or set aside more minutes a week",
                "turunkan target, mundurkan tenggat, batalkan satu tujuan, atau sisihkan lebih banyak menit per minggu"
            ),
            NoWeeklyTime => t!(
                lang,
                "say how many minutes a week you have, e.g. 120",
                "sebutkan berapa menit per minggu yang Anda punya, mis. 120"
            ),
            NoDeadline => t!(lang, "give a deadline, e.g. \"in 3 months\"", "berikan tenggat, mis. \"3 bulan lagi\""),
            EndsBeforeStart => t!(lang, "pick a later deadline", "pilih tenggat yang lebih akhir"),
            FarWithoutMilestones { .. } => t!(
                lang,
                "once it is saved, add checkpoints: `jejaring goal edit ID --milestone DATE=COUNT`",
                "setelah tersimpan, tambahkan tonggak: `jejaring goal edit ID --milestone TANGGAL=JUMLAH`"
            ),
            _ => return self.suggestion(lang),
        })
    }

    /// What to do about it (nothing for most ok findings).
    pub fn suggestion(&self, lang: Lang) -> Option<String> {
        use Finding::*;
        Some(match self {
            Clear | Counted { .. } | Plan | WithinPace { .. } | Reason | WithinBudget { .. } | Deadline { .. } => {
                return None;
            }
            NoDescription => t!(
                lang,
                "describe it with --specific, e.g. \"meet product people at fintech start-ups\"",
                "jelaskan dengan --specific, mis. \"bertemu orang produk di start-up fintech\""
            ),
            Vague { .. } => t!(
                lang,
                "replace it with who and how many: \"meet 10 people who work in fintech\"",
                "ganti dengan siapa dan berapa: \"bertemu 10 orang yang bekerja di fintech\""
            ),
            NoTargetGroup => t!(
                lang,
                "narrow it with --tag, --circle or --stage (e.g. --tag fintech), or link people with `goal link`",
                "persempit dengan --tag, --circle atau --stage (mis. --tag fintech), atau tautkan orang dengan `goal link`"
            ),
            // A draft has no number yet: no placeholder for the user to decode.
            ByHand { number: 0 } => t!(
                lang,
                "once it is saved, log progress with `jejaring goal progress`, its number and +1",
                "setelah tersimpan, catat kemajuan dengan `jejaring goal progress`, nomornya dan +1"
            ),
            ByHand { number } => t!(
                lang,
                "log progress with `jejaring goal progress {number} +1`",
                "catat kemajuan dengan `jejaring goal progress {number} +1`"
            ),
            NoTarget | ZeroTarget => t!(
                lang,
                "set a number with --target, e.g. --target 10",
                "tetapkan angka dengan --target, mis. --target 10"
            ),
            Uncountable { .. } => t!(
                lang,
                "pick a metric this version knows with --metric, or use --metric manual",
                "pilih metrik yang dikenal versi ini dengan --metric, atau pakai --metric manual"
            ),
            NoPlan => t!(
                lang,
                "write the plan with --achievable: where you will meet people, how often",
                "tulis rencananya dengan --achievable: di mana bertemu orang, seberapa sering"
            ),
            TooFast { fair_target, fair_deadline, .. } => match fair_deadline {
                Some(d) => t!(
                    lang,
                    "at your best pace you would reach {fair_target} by the deadline; lower --target to {fair_target} or move --deadline to {d}",
                    "dengan laju terbaik Anda, tercapai {fair_target} pada tenggat; turunkan --target ke {fair_target} atau mundurkan --deadline ke {d}"
                ),
                None => {
                    t!(lang, "lower --target or move --deadline later", "turunkan --target atau mundurkan --deadline")
                }
            },
            NoHistory { .. } => t!(
                lang,
                "start small; after four weeks jejaring compares this with your own pace",
                "mulailah kecil; setelah empat minggu jejaring membandingkannya dengan laju Anda sendiri"
            ),
            NoReason => t!(
                lang,
                "write why with --relevant, e.g. \"I want to move into product within a year\"",
                "tulis alasannya dengan --relevant, mis. \"saya ingin pindah ke bidang produk dalam setahun\""
            ),
            OverBudget { .. } => t!(
                lang,
                "lower a target, move a deadline, drop a goal, or give more time with --weekly-minutes",
                "turunkan target, mundurkan tenggat, batalkan satu tujuan, atau tambah waktu dengan --weekly-minutes"
            ),
            NoWeeklyTime => t!(
                lang,
                "say how many minutes a week you have with --weekly-minutes, e.g. --weekly-minutes 120",
                "sebutkan menit per minggu dengan --weekly-minutes, mis. --weekly-minutes 120"
            ),
            NoDeadline => t!(
                lang,
                "set one with --deadline, e.g. --deadline \"in 3 months\"",
                "tetapkan dengan --deadline, mis. --deadline \"3 bulan lagi\""
            ),
            DeadlinePassed { .. } => t!(
                lang,
                "move it with `goal edit ID --deadline DATE`, or close it with `goal done` or `goal drop`",
                "geser dengan `goal edit ID --deadline TANGGAL`, atau tutup dengan `goal done` atau `goal drop`"
            ),
            EndsBeforeStart => t!(lang, "pick a later --deadline", "pilih --deadline yang lebih akhir"),
            FarWithoutMilestones { .. } => t!(
                lang,
                "add checkpoints with --milestone DATE=COUNT, e.g. --milestone 2027-03-31=10",
                "tambahkan tonggak dengan --milestone TANGGAL=JUMLAH, mis. --milestone 2027-03-31=10"
            ),
        })
    }
}
