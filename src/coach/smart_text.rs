//! The words of the SMART check: what each letter means (with an example, for the
//! wizard), and each finding's reason, in English and Indonesian; what to do about
//! a finding is in `smart_advice`.

use super::smart::{Finding, Letter, Verdict};
use crate::i18n::Lang;
use crate::{t, tn};

/// `1.5`, `2`, `0.25`: a pace without trailing zeros, with a decimal comma in
/// Indonesian (`1,75`).
pub fn num(x: f64, lang: Lang) -> String {
    let s = format!("{x:.2}");
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { &s };
    match lang {
        Lang::En => s.to_string(),
        Lang::Id => s.replace('.', ","),
    }
}

impl Letter {
    /// The letter's name.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Letter::Specific => t!(lang, "Specific", "Spesifik"),
            Letter::Measurable => t!(lang, "Measurable", "Terukur"),
            Letter::Achievable => t!(lang, "Achievable", "Dapat dicapai"),
            Letter::Realistic => t!(lang, "Realistic", "Realistis"),
            Letter::Timed => t!(lang, "Timed", "Berbatas waktu"),
        }
    }

    /// A short explanation of the letter, for the wizard.
    pub fn explain(self, lang: Lang) -> String {
        match self {
            Letter::Specific => t!(
                lang,
                "Say exactly what you want and with whom. A goal that names its people is one you can act on this week.",
                "Sebutkan dengan tepat apa yang Anda inginkan dan dengan siapa. Tujuan yang menyebut orangnya bisa langsung dikerjakan minggu ini."
            ),
            Letter::Measurable => t!(
                lang,
                "Choose how progress is counted and the number to reach, so jejaring can count it from your contacts and conversations.",
                "Pilih cara menghitung kemajuan dan angka yang ingin dicapai, supaya jejaring bisa menghitungnya dari kontak dan percakapan Anda."
            ),
            Letter::Achievable => t!(
                lang,
                "Say why this is within reach and how you will do it: where you will meet people, and when.",
                "Jelaskan mengapa ini bisa dicapai dan bagaimana caranya: di mana Anda akan bertemu orang, dan kapan."
            ),
            Letter::Realistic => t!(
                lang,
                "Say why this matters now. A reason you believe keeps you going in the weeks it gets hard.",
                "Jelaskan mengapa ini penting sekarang. Alasan yang Anda yakini membuat Anda bertahan saat minggu-minggu terasa berat."
            ),
            Letter::Timed => t!(
                lang,
                "Pick a start and a deadline. Without a date, \"some day\" never comes.",
                "Tentukan tanggal mulai dan tenggat. Tanpa tanggal, \"suatu hari nanti\" tidak pernah datang."
            ),
        }
    }

    /// An example answer for the letter.
    pub fn example(self, lang: Lang) -> String {
        match self {
            Letter::Specific => t!(
                lang,
                "e.g. Get to know product people at fintech start-ups in Jakarta",
                "mis. Berkenalan dengan orang produk di start-up fintech di Jakarta"
            ),
            Letter::Measurable => t!(
                lang,
                "e.g. new contacts tagged fintech, target 10",
                "mis. kontak baru dengan tag fintech, target 10"
            ),
            Letter::Achievable => t!(
                lang,
                "e.g. Two meetups a month and one coffee a week; I met 6 people at the last meetup",
                "mis. Dua meetup sebulan dan satu kali ngopi seminggu; di meetup terakhir saya kenal 6 orang"
            ),
            Letter::Realistic => t!(
                lang,
                "e.g. I want to move into product management within a year",
                "mis. Saya ingin pindah ke manajemen produk dalam setahun"
            ),
            Letter::Timed => {
                t!(lang, "e.g. deadline 2027-03-31, or in 3 months", "mis. tenggat 2027-03-31, atau 3 bulan lagi")
            }
        }
    }
}

impl Verdict {
    pub fn label(self, lang: Lang) -> String {
        match self {
            Verdict::Ok => t!(lang, "ok", "baik"),
            Verdict::Weak => t!(lang, "weak", "lemah"),
            Verdict::Missing => t!(lang, "missing", "kosong"),
        }
    }
}

impl Finding {
    /// A stable name for scripts (`--json`) and tests.
    pub fn code(&self) -> &'static str {
        use Finding::*;
        match self {
            Clear => "clear",
            NoDescription => "no_description",
            Vague { .. } => "vague",
            NoTargetGroup => "no_target_group",
            Counted { .. } => "counted",
            ByHand { .. } => "by_hand",
            NoTarget => "no_target",
            ZeroTarget => "zero_target",
            Uncountable { .. } => "uncountable",
            Plan => "plan",
            NoPlan => "no_plan",
            WithinPace { .. } => "within_pace",
            TooFast { .. } => "too_fast",
            NoHistory { .. } => "no_history",
            Reason => "reason",
            NoReason => "no_reason",
            OverBudget { .. } => "over_budget",
            WithinBudget { .. } => "within_budget",
            NoWeeklyTime => "no_weekly_time",
            Deadline { .. } => "deadline",
            NoDeadline => "no_deadline",
            DeadlinePassed { .. } => "deadline_passed",
            EndsBeforeStart => "ends_before_start",
            FarWithoutMilestones { .. } => "far_without_milestones",
        }
    }

    /// Why the check says so.
    pub fn reason(&self, lang: Lang) -> String {
        use Finding::*;
        match self {
            Clear => t!(lang, "says what and with whom", "menyebut apa dan dengan siapa"),
            NoDescription => t!(
                lang,
                "the title alone does not say what exactly you will do",
                "judulnya saja belum menjelaskan apa tepatnya yang akan dilakukan"
            ),
            Vague { words } => {
                let w = words.join("\", \"");
                t!(
                    lang,
                    "\"{w}\" is vague, and nothing says who or how many",
                    "\"{w}\" masih samar, dan tidak ada yang menyebut siapa atau berapa"
                )
            }
            NoTargetGroup => t!(
                lang,
                "no target group: any contact counts toward it",
                "belum ada kelompok sasaran: kontak mana pun ikut terhitung"
            ),
            Counted { metric } => {
                let m = metric.describe(lang);
                t!(lang, "counted from your data: {m}", "dihitung dari data Anda: {m}")
            }
            ByHand { .. } => t!(lang, "counted by hand", "dihitung sendiri"),
            NoTarget => t!(lang, "no number to reach", "belum ada angka yang ingin dicapai"),
            ZeroTarget => t!(
                lang,
                "the target is 0, so it is reached before you start",
                "targetnya 0, jadi sudah tercapai sebelum mulai"
            ),
            Uncountable { metric } => t!(
                lang,
                "this version cannot count the metric {metric:?}",
                "versi ini tidak bisa menghitung metrik {metric:?}"
            ),
            Plan => t!(lang, "a plan is written down", "rencananya sudah ditulis"),
            NoPlan => t!(lang, "no plan for how you will get there", "belum ada rencana untuk mencapainya"),
            WithinPace { needed, best } => {
                let (n, b) = (num(*needed, lang), num(*best, lang));
                t!(
                    lang,
                    "needs {n} a week; your best 4-week pace was {b} a week",
                    "butuh {n} per minggu; laju 4 minggu terbaik Anda {b} per minggu"
                )
            }
            TooFast { needed, best, .. } => {
                let (n, b, end) = (num(*needed, lang), num(best.per_week, lang), best.ending);
                t!(
                    lang,
                    "needs {n} a week; your best 4-week pace was {b} a week (4 weeks to {end})",
                    "butuh {n} per minggu; laju 4 minggu terbaik Anda {b} per minggu (4 minggu sampai {end})"
                )
            }
            NoHistory { needed } => {
                let n = num(*needed, lang);
                t!(
                    lang,
                    "needs {n} a week; no 4 weeks of your own history to compare with yet",
                    "butuh {n} per minggu; belum ada riwayat 4 minggu Anda sendiri untuk dibandingkan"
                )
            }
            Reason => t!(lang, "a reason is written down", "alasannya sudah ditulis"),
            NoReason => t!(lang, "no reason why it matters now", "alasan mengapa ini penting sekarang"),
            OverBudget { total, weekly, this, by_hand, uncountable } => {
                let said = t!(
                    lang,
                    "your active goals need about {total} minutes a week ({this} for this one); you set aside {weekly}",
                    "tujuan aktif Anda butuh sekitar {total} menit per minggu ({this} untuk yang ini), sedangkan waktu Anda {weekly} menit"
                );
                format!("{said}{}", not_counted(*by_hand, uncountable, lang))
            }
            WithinBudget { total, weekly, by_hand, uncountable } => {
                let said = t!(
                    lang,
                    "your active goals need about {total} of your {weekly} minutes a week",
                    "tujuan aktif Anda butuh sekitar {total} dari {weekly} menit per minggu"
                );
                format!("{said}{}", not_counted(*by_hand, uncountable, lang))
            }
            NoWeeklyTime => t!(
                lang,
                "you have not said how much time a week you have for networking",
                "Anda belum menyebut berapa waktu per minggu untuk berjejaring"
            ),
            Deadline { deadline, days_left } => match *days_left {
                d if d < 0 => t!(lang, "deadline {deadline}", "tenggat {deadline}"),
                0 => t!(lang, "deadline {deadline}, today", "tenggat {deadline}, hari ini"),
                1 => t!(lang, "deadline {deadline}, tomorrow", "tenggat {deadline}, besok"),
                d => t!(lang, "deadline {deadline}, {d} days from now", "tenggat {deadline}, {d} hari lagi"),
            },
            NoDeadline => t!(lang, "no deadline", "belum ada tenggat"),
            DeadlinePassed { deadline } => t!(
                lang,
                "the deadline {deadline} has passed and the goal is still open",
                "tenggat {deadline} sudah lewat dan tujuan ini masih terbuka"
            ),
            EndsBeforeStart => t!(lang, "the deadline is before the start", "tenggatnya sebelum tanggal mulai"),
            FarWithoutMilestones { days } => t!(
                lang,
                "{days} days long with no milestones to check on the way",
                "{days} hari lamanya tanpa tonggak untuk dicek di tengah jalan"
            ),
        }
    }
}

/// "; not counting 1 goal counted by hand, whose time is yours to judge", then the goals
/// whose metric this version cannot count, by number, with what to do; or nothing.
fn not_counted(by_hand: usize, uncountable: &[u32], lang: Lang) -> String {
    let mut said = match by_hand {
        0 => String::new(),
        n => tn!(
            lang,
            n,
            "; not counting {n} goal counted by hand, whose time is yours to judge",
            "; not counting {n} goals counted by hand, whose time is yours to judge",
            "; belum termasuk {n} tujuan yang dihitung sendiri, yang waktunya Anda perkirakan sendiri"
        ),
    };
    // Not counted by hand: nobody counts it until jejaring is updated or the metric changes.
    if let Some(first) = uncountable.first() {
        let (n, list) = (uncountable.len(), uncountable.iter().map(u32::to_string).collect::<Vec<_>>().join(", "));
        said.push_str(&tn!(
            lang,
            n,
            "; not counting goal {list}, whose metric this version cannot count (update jejaring, or choose one it knows: `jejaring goal edit {first} --metric`)",
            "; not counting goals {list}, whose metrics this version cannot count (update jejaring, or choose ones it knows: `jejaring goal edit {first} --metric`)",
            "; belum termasuk tujuan {list}, yang metriknya tidak bisa dihitung versi ini (perbarui jejaring, atau pilih metrik yang dikenalnya: `jejaring goal edit {first} --metric`)"
        ));
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_trailing_zeros_and_use_a_decimal_comma_in_indonesian() {
        for (x, en, id) in
            [(1.75, "1.75", "1,75"), (2.0, "2", "2"), (0.5, "0.5", "0,5"), (10.0, "10", "10"), (0.25, "0.25", "0,25")]
        {
            assert_eq!(num(x, Lang::En), en);
            assert_eq!(num(x, Lang::Id), id);
        }
    }
}
