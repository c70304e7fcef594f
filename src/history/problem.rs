//! What a history reader could not use, with the line it was on, in both languages.

use crate::i18n::Lang;
use crate::t;

/// A trace that was left out; the rest of the file imports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line of the file it starts on (0 when the file has no lines to speak of).
    pub line: usize,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// An event whose dates or recurrence rule could not be read.
    BadEvent { uid: String },
    /// A message with no date, or one that cannot be read.
    NoDate,
    /// A mail message that is not a message at all.
    BadMessage,
    /// A CSV row the CSV reader refused, or one without a date.
    BadRow(String),
    /// A file in a folder that is none of the known exports.
    UnknownFile,
    /// A WhatsApp chat that is not read, by name (a refused layout, an unknown order).
    Chat(super::whatsapp::Refused),
}

impl Problem {
    pub fn new(line: usize, kind: ProblemKind) -> Problem {
        Problem { line, kind }
    }

    /// "line 12: skipped: …", without the file name.
    pub fn message(&self, lang: Lang) -> String {
        let what = match &self.kind {
            ProblemKind::BadEvent { uid } => t!(
                lang,
                "skipped: the event {uid} has dates or a repeat rule that cannot be read",
                "dilewati: acara {uid} punya tanggal atau aturan ulang yang tidak terbaca"
            ),
            ProblemKind::NoDate => {
                t!(lang, "skipped: a message without a readable date", "dilewati: pesan tanpa tanggal yang terbaca")
            }
            ProblemKind::BadMessage => {
                t!(lang, "skipped: not a mail message", "dilewati: bukan pesan surel")
            }
            ProblemKind::BadRow(why) => {
                t!(lang, "skipped: unreadable row: {why}", "dilewati: baris tidak terbaca: {why}")
            }
            ProblemKind::Chat(why) => why.message(lang),
            ProblemKind::UnknownFile => t!(
                lang,
                "skipped: not a calendar, mailbox, LinkedIn messages.csv or WhatsApp chat",
                "dilewati: bukan kalender, kotak surat, messages.csv LinkedIn, atau obrolan WhatsApp"
            ),
        };
        let line = self.line;
        if line == 0 { what } else { t!(lang, "line {line}: {what}", "baris {line}: {what}") }
    }
}
