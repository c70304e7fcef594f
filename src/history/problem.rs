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
    /// An event that repeats more often than once a day: a reminder, not a meeting.
    TooOften { uid: String },
    /// A folder inside a maildir that is no maildir (no cur/ with messages).
    NotMaildir,
    /// A message with no date, or one that cannot be read.
    NoDate,
    /// A mail message that is not a message at all.
    BadMessage,
    /// A mail message whose headers go on past the bound (in KiB) a reader keeps.
    HeadersTooLarge { kib: usize },
    /// A CSV row the CSV reader refused, or one without a date.
    BadRow(String),
    /// A file in a folder that is none of the known exports.
    UnknownFile,
    /// A WhatsApp chat that is not read, by name (a refused layout, an unknown order).
    Chat(super::whatsapp::Refused),
    /// A chat line dated a day the calendar does not have (31/02), as year-month-day.
    NoSuchDay { date: String },
}

/// What a reader leaves out on purpose: not a conversation, so not a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Skip {
    /// Mailing lists, bulk mail and robots.
    Lists,
    /// Cancelled events, all-day events without attendees, events with no one in them.
    NotMeeting,
    /// LinkedIn's own rows: no sender ("Message request accepted") or LinkedIn itself.
    LinkedinNotice,
    /// Sponsored InMail: in a sponsored folder or conversation.
    Sponsored,
    /// A row from "LinkedIn Member" outside sponsored mail: someone LinkedIn does not
    /// name (a closed account, a hidden name), whom no contact can be matched with.
    Unnamed,
}

impl Skip {
    /// A short name for `--json`.
    pub fn key(self) -> &'static str {
        match self {
            Skip::Lists => "mailing-lists-and-robots",
            Skip::NotMeeting => "not-a-meeting",
            Skip::LinkedinNotice => "linkedin-notice",
            Skip::Sponsored => "sponsored",
            Skip::Unnamed => "unnamed-member",
        }
    }

    /// What was left out, for a person.
    pub fn words(self, lang: Lang) -> String {
        match self {
            Skip::Lists => t!(lang, "mailing lists, bulk mail and robots", "milis, surat massal, dan robot"),
            Skip::NotMeeting => t!(
                lang,
                "cancelled or all-day events, or events with no one else",
                "acara batal, seharian, atau tanpa orang lain"
            ),
            Skip::LinkedinNotice => {
                t!(lang, "LinkedIn's own notices, without a sender", "pemberitahuan LinkedIn sendiri, tanpa pengirim")
            }
            Skip::Sponsored => t!(lang, "sponsored messages", "pesan bersponsor"),
            Skip::Unnamed => t!(
                lang,
                "messages from a member LinkedIn does not name",
                "pesan dari anggota yang namanya tidak ditampilkan LinkedIn"
            ),
        }
    }
}

impl ProblemKind {
    /// Whether what was left out is a folder, not a message: folders are counted apart,
    /// so a count of messages left out is one of messages.
    pub fn is_folder(&self) -> bool {
        matches!(self, ProblemKind::NotMaildir)
    }

    /// A short name for `--json`'s count of problems of one kind.
    pub fn key(&self) -> &'static str {
        match self {
            ProblemKind::BadEvent { .. } => "unreadable-event",
            ProblemKind::TooOften { .. } => "repeats-more-often-than-daily",
            ProblemKind::NotMaildir => "not-a-maildir",
            ProblemKind::NoDate => "no-date",
            ProblemKind::BadMessage => "not-a-message",
            ProblemKind::HeadersTooLarge { .. } => "headers-too-large",
            ProblemKind::BadRow(_) => "unreadable-row",
            ProblemKind::UnknownFile => "unknown-file",
            ProblemKind::Chat(super::whatsapp::Refused::Order) => "ambiguous-date-order",
            ProblemKind::Chat(super::whatsapp::Refused::Contrary { .. }) => "contradicted-date-order",
            ProblemKind::Chat(super::whatsapp::Refused::Layout(_)) => "unread-chat-layout",
            ProblemKind::NoSuchDay { .. } => "no-such-day",
        }
    }

    /// The kind in a few words, for a count of them.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            ProblemKind::BadEvent { .. } => t!(lang, "unreadable events", "acara tak terbaca"),
            ProblemKind::TooOften { .. } => {
                t!(lang, "events repeating more often than daily", "acara yang berulang lebih dari sehari sekali")
            }
            ProblemKind::NotMaildir => t!(lang, "folders that are no maildir", "folder yang bukan maildir"),
            ProblemKind::NoDate => t!(lang, "messages without a date", "pesan tanpa tanggal"),
            ProblemKind::BadMessage => t!(lang, "unreadable messages", "pesan tak terbaca"),
            ProblemKind::HeadersTooLarge { .. } => {
                t!(lang, "messages whose headers are too large", "pesan yang kepalanya terlalu besar")
            }
            ProblemKind::BadRow(_) => t!(lang, "unreadable rows", "baris tak terbaca"),
            ProblemKind::UnknownFile => t!(lang, "files that are no export", "berkas yang bukan ekspor"),
            ProblemKind::Chat(super::whatsapp::Refused::Order) => {
                t!(lang, "chats whose day/month order is unclear", "obrolan yang urutan hari/bulannya tidak jelas")
            }
            ProblemKind::Chat(super::whatsapp::Refused::Contrary { .. }) => t!(
                lang,
                "chats whose dates contradict --date-order",
                "obrolan yang tanggalnya bertentangan dengan --date-order"
            ),
            ProblemKind::Chat(super::whatsapp::Refused::Layout(_)) => {
                t!(lang, "chats in a date layout that is not read", "obrolan dengan format tanggal yang tidak terbaca")
            }
            ProblemKind::NoSuchDay { .. } => {
                t!(lang, "messages dated a day that does not exist", "pesan bertanggal hari yang tidak ada")
            }
        }
    }
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
            ProblemKind::TooOften { uid } => t!(
                lang,
                "skipped: the event {uid} repeats more often than daily (a reminder, not a meeting)",
                "dilewati: acara {uid} berulang lebih sering dari sehari sekali (pengingat, bukan rapat)"
            ),
            ProblemKind::NotMaildir => t!(
                lang,
                "skipped: a folder that is no maildir (no cur/ or new/ with messages)",
                "dilewati: folder yang bukan maildir (tanpa cur/ atau new/ berisi pesan)"
            ),
            ProblemKind::NoDate => {
                t!(lang, "skipped: a message without a readable date", "dilewati: pesan tanpa tanggal yang terbaca")
            }
            ProblemKind::BadMessage => {
                t!(lang, "skipped: not a mail message", "dilewati: bukan pesan surel")
            }
            ProblemKind::HeadersTooLarge { kib } => t!(
                lang,
                "skipped: a message whose headers are larger than {kib} KiB (only headers are read, and no more than that)",
                "dilewati: pesan yang kepalanya lebih dari {kib} KiB (hanya kepala pesan yang dibaca, dan tidak lebih dari itu)"
            ),
            ProblemKind::BadRow(why) => {
                t!(lang, "skipped: unreadable row: {why}", "dilewati: baris tidak terbaca: {why}")
            }
            ProblemKind::Chat(why) => why.message(lang),
            ProblemKind::NoSuchDay { date } => t!(
                lang,
                "skipped: a message dated {date}, a day that does not exist",
                "dilewati: pesan bertanggal {date}, hari yang tidak ada"
            ),
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
