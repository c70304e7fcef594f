//! Trust as lines: the level and where it came from, a trust note, reliability.

use crate::coach::reliability::Reliability;
use crate::i18n::Lang;
use crate::model::TrustNote;
use crate::{t, tn};

/// "trust level 4 of 5" with where it came from.
pub fn level_line(level: u8, from_note: bool, lang: Lang) -> String {
    if from_note {
        t!(lang, "trust level {level} of 5", "tingkat kepercayaan {level} dari 5")
    } else {
        t!(
            lang,
            "trust level {level} of 5 (from the stage; set it with --level)",
            "tingkat kepercayaan {level} dari 5 (dari tahap; atur dengan --level)"
        )
    }
}

/// One trust note: `2026-11-20  3→4  vouched for me`.
pub fn note_line(n: &TrustNote) -> String {
    let level = n.level.map(|l| format!("→{l} ")).unwrap_or_default();
    let text = n.note.as_deref().unwrap_or("").replace('\n', " ");
    format!("  {}  {level}{text}", n.on).trim_end().to_string()
}

/// "reliability 80%: kept 4 of 5 promises on time (1 open)"; an overdue promise is
/// counted as not kept on time, and the line says so.
pub fn reliability_line(r: &Reliability, lang: Lang) -> String {
    let (kept, counted, overdue) = (r.kept_on_time, r.counted(), r.overdue);
    let open = r.open + r.overdue;
    let overdue_note = match overdue {
        0 => String::new(),
        _ => t!(
            lang,
            ", {overdue} of them overdue and counted as not kept",
            ", {overdue} di antaranya lewat tenggat dan dihitung belum ditepati"
        ),
    };
    match r.rate() {
        None => t!(lang, "no promise resolved yet ({open} open)", "belum ada janji yang selesai ({open} terbuka)"),
        Some(rate) => tn!(
            lang,
            counted,
            "reliability {rate}%: kept {kept} of {counted} promise on time{overdue_note} ({open} open)",
            "reliability {rate}%: kept {kept} of {counted} promises on time{overdue_note} ({open} open)",
            "keandalan {rate}%: {kept} dari {counted} janji ditepati tepat waktu{overdue_note} ({open} terbuka)"
        ),
    }
}
