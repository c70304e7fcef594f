//! WhatsApp chats exported as text ("Export chat" → without media), from Android and
//! iOS, in the layouts of `line` (day/month order decided by `order`).
//!
//! A line that does not start with a date continues the message before it. Lines with
//! no sender are the app's own; so are the notices iOS writes under the chat's name
//! (`notices`), told by their text in every language WhatsApp writes them. The chat's
//! name comes from the file's name (`WhatsApp Chat with Budi.txt`, `WhatsApp Chat -
//! Budi.txt`, or the folder `_chat.txt` was unzipped into) or from the sender of
//! iOS's notices.
//!
//! One [`Found`] per day with messages. In a one-to-one chat both sides are in it, so
//! a day only you wrote is "wrote" (unanswered outreach) — the other side is the
//! chat's name when they never wrote, and the one who wrote is then you. In a group,
//! the members who wrote that day. Whoever wrote first that day opened it. No message
//! text is kept.
//!
//! A chat's days are keyed so that a later export of it adds nothing twice and no key
//! names anyone who is not a contact: a named group by a digest of its name
//! (`group:<digest>/<day>`), every other chat by the contacts in it, which
//! `resolve::plan` fills in (`with:<contact ids>/<day>`); see [`stored_key`].

mod line;
mod notices;
mod order;

pub use line::{Head, Unread, starts_message};
pub use order::DateOrder;

use super::{Found, Harvest, Person, Problem, ProblemKind};
use crate::i18n::Lang;
use crate::model::{Kind, interaction::Origin};
use crate::t;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use notices::Said;
use order::Told;
use std::collections::BTreeMap;
use std::path::Path;

/// A chat that is not read, and why (see [`ProblemKind::Chat`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    Layout(Unread),
    /// Every date's numbers are 12 or less and their order does not show which is the day.
    Order,
    /// `--date-order` asked for one order, and a date of the chat (its first two numbers
    /// and year as written) can only be read in the `file`'s.
    Contrary {
        file: DateOrder,
        date: (u32, u32, i32),
    },
}

impl Refused {
    pub fn message(&self, lang: Lang) -> String {
        let layout = |what: String| {
            t!(
                lang,
                "skipped: a chat with {what}, which is not read; export it again with the phone set to English or Indonesian dates",
                "dilewati: obrolan dengan {what}, yang tidak terbaca; ekspor lagi dengan tanggal ponsel dalam format Inggris atau Indonesia"
            )
        };
        match self {
            Refused::Layout(Unread::TimeFirst) => layout(t!(lang, "the time before the date", "jam sebelum tanggal")),
            Refused::Layout(Unread::ArabicDigits) => layout(t!(lang, "Arabic-Indic digits", "angka Arab-India")),
            Refused::Layout(Unread::BuddhistYear) => {
                layout(t!(lang, "Thai Buddhist-era years", "tahun era Buddha Thailand"))
            }
            Refused::Layout(Unread::JapaneseEra) => layout(t!(lang, "Japanese era years", "tahun era Jepang")),
            Refused::Order => t!(
                lang,
                "skipped: its dates could be day/month or month/day; run again with --date-order dmy (31/12) or --date-order mdy (12/31)",
                "dilewati: tanggalnya bisa hari/bulan atau bulan/hari; jalankan lagi dengan --date-order dmy (31/12) atau --date-order mdy (12/31)"
            ),
            Refused::Contrary { file, date: (a, b, year) } => {
                let (shown, asked) = (file.words(lang), file.other().words(lang));
                let (flag, other) = (file.other().flag(), file.flag());
                t!(
                    lang,
                    "skipped: this chat writes {shown} ({a}/{b}/{year} on this line), not {asked} as --date-order {flag} says; nothing from it was imported; run again without --date-order, or with --date-order {other}",
                    "dilewati: obrolan ini menulis {shown} ({a}/{b}/{year} di baris ini), bukan {asked} seperti kata --date-order {flag}; tidak ada yang diimpor darinya; jalankan lagi tanpa --date-order, atau dengan --date-order {other}"
                )
            }
        }
    }
}

/// Whether a line starts a chat message, in a layout that is read or one refused by
/// name (so a refused chat is named as such, not as an unknown file).
pub fn is_chat_line(line: &str) -> bool {
    starts_message(line).is_some() || line::unread(line).is_some()
}

/// Prefixes of the names WhatsApp gives an export, in its languages.
const FILE_PREFIXES: &[&str] = &[
    "whatsapp chat with ",
    "whatsapp chat - ",
    "chat whatsapp dengan ",
    "obrolan whatsapp dengan ",
    "chat de whatsapp con ",
    "conversa do whatsapp com ",
    "whatsapp chat mit ",
    "whatsapp-chat mit ",
    "discussion whatsapp avec ",
    "whatsapp-chat met ",
    "whatsapp chat met ",
    "chat whatsapp con ",
];

/// The chat's name from an export's file or folder name ("WhatsApp Chat with
/// Budi.txt", "WhatsApp Chat - Budi.zip"); None for names that name no one.
pub fn chat_name(file_name: &str) -> Option<String> {
    let stem = [".txt", ".zip"].iter().find_map(|x| file_name.strip_suffix(x)).unwrap_or(file_name);
    for prefix in FILE_PREFIXES {
        // `get`: the name is the user's, and the prefix's length may cut a character.
        if stem.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix)) {
            let name = clean(&stem[prefix.len()..]);
            return (!name.is_empty()).then_some(name);
        }
    }
    None
}

/// The chat's name for an export at `path`: from its own name, or — for iOS's
/// `_chat.txt`, which names no one — from the folder it was unzipped into.
pub fn chat_name_of(path: &Path) -> Option<String> {
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    name(path).and_then(|n| chat_name(&n)).or_else(|| path.parent().and_then(name).and_then(|n| chat_name(&n)))
}

/// A name or number as shown: iOS's invisible direction marks around an unsaved
/// number gone, its no-break spaces and hyphens made plain.
fn clean(name: &str) -> String {
    let plain: String = name
        .chars()
        .filter(|c| !notices::invisible(*c))
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\u{2007}' => ' ',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
            c => c,
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A sender as a person: an unsaved number is a phone, anything else a name.
fn person(sender: &str) -> Person {
    let digits = sender.chars().filter(char::is_ascii_digit).count();
    let phone_like = sender.starts_with(|c: char| c == '+' || c.is_ascii_digit())
        && sender.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if phone_like && digits >= 7 {
        return Person { phone: Some(sender.to_string()), ..Person::default() };
    }
    Person { name: Some(sender.to_string()), ..Person::default() }
}

/// A note of the app's that no shape in `notices` knows may have a colon in it; none
/// has a plausible sender, but a sender that is a whole sentence is one of them.
fn is_note_sender(sender: &str) -> bool {
    sender.split_whitespace().count() > 6
}

/// A digest of a group's name for its key: the same name gives the same key, and the
/// key does not spell it.
fn digest(name: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(crate::model::identity::name_key(name).as_bytes()))
}

/// The key a chat's day is stored under, once the contacts in it are known: a named
/// group's key as the reader made it, any other chat's by those contacts' ids (in
/// the order given; `resolve` sorts them). None for a key no reader of this version
/// made (an earlier import's).
pub fn stored_key(key: &str, contacts: &[uuid::Uuid]) -> Option<String> {
    if key.starts_with("group:") {
        return Some(key.to_string());
    }
    let day = key.strip_prefix("with:")?.rsplit_once('/')?.1;
    let ids: Vec<String> = contacts.iter().map(|id| id.to_string()).collect();
    Some(format!("with:{}/{day}", ids.join("+")))
}

/// Whether a stored key is one this version makes (else an earlier import's, which
/// named the chat by its writers).
pub fn is_current_key(key: &str) -> bool {
    key.starts_with("group:") || key.starts_with("with:")
}

/// One message as read, before the file's date order is known.
struct Line<'a> {
    head: Head<'a>,
    sender: String,
    line: usize,
}

/// Reads one exported chat. `chat` is its name from the file name, when it has one.
pub fn parse(text: &str, chat: Option<&str>) -> Harvest {
    parse_with(text, chat, None)
}

/// Reads one exported chat; `asked` is the day/month order `--date-order` asked for,
/// used when the file's own dates do not tell; a chat whose dates show the other order
/// is refused.
pub fn parse_with(text: &str, chat: Option<&str>, asked: Option<DateOrder>) -> Harvest {
    let mut harvest = Harvest::default();
    let mut lines: Vec<Line> = Vec::new();
    let mut refused: Option<(usize, Unread)> = None;
    // Who iOS wrote its notices under (the chat's name), and whether any was a group's.
    let mut notice_from: Option<String> = None;
    let mut group = false;
    // Every line's date, notices' too: the more dates, the surer their order.
    let mut dated: Vec<(usize, Head)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let head = match starts_message(raw) {
            Some(h) if h.date.2 < 2400 => h,
            _ => {
                if refused.is_none() {
                    refused = line::unread(raw).map(|u| (i + 1, u));
                }
                continue;
            }
        };
        dated.push((i + 1, head.clone()));
        // The app's own lines have no sender, Android's all of them; iOS writes its
        // notices under the chat's name, told by their text below.
        let unsigned = if head.ios && head.rest.contains(": ") { None } else { notices::unsigned(head.rest) };
        if let Some(said) = unsigned {
            group |= said == Said::GroupNotice;
            continue;
        }
        let Some((sender, body)) = head.rest.split_once(": ") else { continue };
        let sender = clean(sender);
        if sender.is_empty() || is_note_sender(&sender) {
            continue;
        }
        // Android writes its notices without a sender: what has one is someone writing
        // ("my security code changed" is a message there).
        let said = if head.ios { notices::said(body) } else { Said::Wrote };
        match said {
            Said::Wrote => lines.push(Line { head, sender, line: i + 1 }),
            said => {
                group |= said == Said::GroupNotice;
                notice_from.get_or_insert(sender);
            }
        }
    }
    if lines.is_empty() {
        if let Some((line, why)) = refused {
            harvest.problems.push(Problem::new(line, ProblemKind::Chat(Refused::Layout(why))));
        }
        return harvest;
    }
    let order = match (order::decide(&dated), asked) {
        // Neither order is the user's, silently, nor are days read in one the chat
        // cannot have: the chat is refused, named by the date that shows its order.
        (Told::Shown { order, line, date }, Some(asked)) if asked != order => {
            harvest.problems.push(Problem::new(line, ProblemKind::Chat(Refused::Contrary { file: order, date })));
            return harvest;
        }
        (Told::Shown { order, .. }, _) | (Told::Likely(order), None) => order,
        // The user's word outweighs a guess from which way the dates run.
        (Told::Likely(_) | Told::Open, Some(asked)) => asked,
        (Told::Open, None) => {
            harvest.problems.push(Problem::new(lines[0].line, ProblemKind::Chat(Refused::Order)));
            return harvest;
        }
    };
    // Each line's time; a line on a day the calendar does not have (31/02) is left out
    // and counted as such, so the report's numbers add up, and named by its line.
    let mut read: Vec<(&Line, NaiveDateTime)> = Vec::new();
    for l in &lines {
        match when(&l.head, order) {
            Some(at) => read.push((l, at)),
            None => {
                let (year, month, day) = order::ymd(&l.head, order);
                let date = format!("{year}-{month:02}-{day:02}");
                harvest.problems.push(Problem::new(l.line, ProblemKind::NoSuchDay { date }));
            }
        }
    }
    let chat = chat.map(clean).filter(|c| !c.is_empty()).or(notice_from);
    // Only what was read says who wrote: a line left out makes no one you, nor a member.
    let mut writers: Vec<&str> = Vec::new();
    for (l, _) in &read {
        if !writers.contains(&l.sender.as_str()) {
            writers.push(&l.sender);
        }
    }
    // One to one: at most two wrote, and a named chat's name is one of them or the
    // silent other side.
    let one_to_one = !group
        && match chat.as_deref() {
            Some(c) if writers.contains(&c) => writers.len() <= 2,
            Some(_) => writers.len() <= 1,
            None => writers.len() <= 2,
        };
    let mut members: Vec<&str> = writers.clone();
    if one_to_one && let Some(c) = chat.as_deref() {
        if let Some(me) = writers.iter().find(|w| **w != c) {
            harvest.me_hints.push(me.to_string());
        }
        if !members.contains(&c) {
            members.push(c);
        }
    }
    let chat_id = match (&chat, one_to_one) {
        (Some(c), false) => format!("group:{}", digest(c)),
        // Within one import only (see `stored_key`): the file's chat.
        (Some(c), true) => format!("with:{}", digest(c)),
        (None, _) => format!("with:{}", digest(&writers.join("\n"))),
    };
    // Per day: who wrote, in order, and the first line.
    let mut days: BTreeMap<NaiveDate, (NaiveDateTime, usize, Vec<&str>)> = BTreeMap::new();
    for &(l, at) in &read {
        let entry = days.entry(at.date()).or_insert((at, l.line, Vec::new()));
        if !entry.2.contains(&l.sender.as_str()) {
            entry.2.push(&l.sender);
        }
    }
    for (on, (at, line, wrote)) in days {
        let here: Vec<&str> = if one_to_one { members.clone() } else { wrote.clone() };
        let people: Vec<Person> = here.iter().map(|s| Person { spoke: wrote.contains(s), ..person(s) }).collect();
        let opener = wrote.first().and_then(|first| here.iter().position(|m| m == first));
        let key = format!("{chat_id}/{on}");
        harvest.found.push(Found {
            from: Origin::Whatsapp,
            exchange: key.clone(),
            key,
            // The export writes the phone's clock, the user's local time: its date is
            // already the user's day (as `Zone::day` gives mail's), and `at` only
            // orders this chat's own lines, so it is kept as written.
            on,
            at: at.and_utc(),
            kind: Kind::Message,
            title: None,
            people,
            opener,
            meeting: false,
            line,
        });
    }
    harvest
}

fn when(h: &Head, order: DateOrder) -> Option<NaiveDateTime> {
    let date = order::day(h, order)?;
    let hour = match h.pm {
        Some(true) if h.hour < 12 => h.hour + 12,
        Some(false) if h.hour == 12 => 0,
        _ => h.hour,
    };
    Some(date.and_time(NaiveTime::from_hms_opt(hour, h.minute, h.second)?))
}

#[cfg(test)]
mod tests;
