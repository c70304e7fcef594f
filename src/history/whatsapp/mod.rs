//! WhatsApp chats exported as text ("Export chat" → without media), as Android and iOS
//! write them in English and Indonesian:
//!
//! ```text
//! 12/31/23, 9:41 PM - Budi Santoso: See you tomorrow        Android, en-US
//! 31/12/2023, 21:41 - Budi Santoso: See you tomorrow        Android, en-GB
//! 31/12/23 21.41 - Budi Santoso: Sampai besok               Android, id-ID
//! [12/31/23, 9:41:05 PM] Budi Santoso: See you tomorrow     iOS, en-US
//! [31/12/23 21.41.05] Budi Santoso: Sampai besok            iOS, id-ID
//! ```
//!
//! A line that does not start with a date continues the message before it. Lines with
//! no sender (`Messages and calls are end-to-end encrypted`, `Budi added Siti`) are the
//! app's own notes. Whether the date is day-first is decided for the whole file: a
//! first number above 12 means day-first, a second above 12 month-first; otherwise an
//! AM/PM clock means month-first (the US layout) and a 24-hour one day-first.
//!
//! One [`Found`] per day with messages: everyone who wrote in a one-to-one chat (so a
//! day only you wrote is "wrote", not "talked"), or in a group the members who wrote
//! that day; whoever wrote first that day opened it. No message text is kept.

use super::{Found, Harvest, Person};
use crate::model::{Kind, interaction::Origin};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::BTreeMap;

/// The start of a chat line: its date and time as written, and what follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head<'a> {
    /// The three numbers of the date, in the order written.
    pub date: (u32, u32, i32),
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Some(true) for PM, Some(false) for AM, None for a 24-hour clock.
    pub pm: Option<bool>,
    /// "Sender: text", or the app's own note.
    pub rest: &'a str,
}

/// Spaces WhatsApp writes: plain, no-break, narrow no-break.
fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}'
}

/// Marks iOS puts in front of lines and attachments.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{feff}')
}

fn number(s: &str, max_len: usize) -> Option<(u32, &str)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > max_len {
        return None;
    }
    Some((s[..len].parse().ok()?, &s[len..]))
}

fn sep<'a>(s: &'a str, seps: &[char]) -> Option<&'a str> {
    let c = s.chars().next()?;
    seps.contains(&c).then(|| &s[c.len_utf8()..])
}

/// The date, time and rest of a line that starts a message, or None for a line that
/// continues one.
pub fn starts_message(line: &str) -> Option<Head<'_>> {
    let s = line.trim_start_matches(|c: char| is_mark(c) || c.is_whitespace());
    let (bracket, s) = match s.strip_prefix('[') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (a, s) = number(s, 2)?;
    let s = sep(s, &['/', '.', '-'])?;
    let (b, s) = number(s, 2)?;
    let s = sep(s, &['/', '.', '-'])?;
    let (y, s) = number(s, 4)?;
    let year = if y < 100 { 2000 + y as i32 } else { y as i32 };
    let s = s.strip_prefix(',').unwrap_or(s).trim_start_matches(is_space);
    let (hour, s) = number(s, 2)?;
    let s = sep(s, &[':', '.'])?;
    let (minute, mut s) = number(s, 2)?;
    let mut second = 0;
    if let Some(rest) = sep(s, &[':', '.'])
        && let Some((sec, rest)) = number(rest, 2)
    {
        second = sec;
        s = rest;
    }
    let t = s.trim_start_matches(is_space);
    let upper: String = t.chars().take(4).collect::<String>().to_ascii_uppercase();
    let (pm, s) = if upper.starts_with("PM") || upper.starts_with("P.M") {
        (Some(true), t.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '.'))
    } else if upper.starts_with("AM") || upper.starts_with("A.M") {
        (Some(false), t.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '.'))
    } else {
        (None, s)
    };
    let rest = if bracket {
        s.strip_prefix(']')?.trim_start_matches(is_space)
    } else {
        let s = s.trim_start_matches(is_space);
        s.strip_prefix('-').or_else(|| s.strip_prefix('–'))?.trim_start_matches(is_space)
    };
    if hour > 23 || minute > 59 || second > 59 || a == 0 || b == 0 {
        return None;
    }
    Some(Head { date: (a, b, year), hour, minute, second, pm, rest })
}

/// The chat's name from the export's file name: "WhatsApp Chat with Budi.txt",
/// "Chat WhatsApp dengan Budi.txt", "WhatsApp Chat - Budi.txt" (iOS names the zip so
/// and the text inside `_chat.txt`, which names no one).
pub fn chat_name(file_name: &str) -> Option<String> {
    let stem = file_name.strip_suffix(".txt").unwrap_or(file_name);
    let lower = stem.to_lowercase();
    for prefix in ["whatsapp chat with ", "chat whatsapp dengan ", "whatsapp chat - ", "obrolan whatsapp dengan "] {
        if lower.starts_with(prefix) {
            let name = stem[prefix.len()..].trim();
            return (!name.is_empty()).then(|| name.to_string());
        }
    }
    None
}

/// A sender as a person: an unsaved number is a phone, anything else a name.
fn person(sender: &str) -> Person {
    let digits = sender.chars().filter(char::is_ascii_digit).count();
    let phone_like = sender.starts_with(|c: char| c == '+' || c.is_ascii_digit())
        && sender.chars().all(|c| c.is_ascii_digit() || " +-().\u{a0}".contains(c));
    if phone_like && digits >= 7 {
        return Person { phone: Some(sender.to_string()), ..Person::default() };
    }
    Person { name: Some(sender.to_string()), ..Person::default() }
}

/// A line of the app's own (iOS writes them under the chat's name, behind a mark). A
/// photo or a sticker is behind the same mark, but it is someone writing.
fn is_note(text: &str) -> bool {
    const SENT: [&str; 4] = ["<attached:", "<terlampir:", " omitted", " tidak disertakan"];
    text.starts_with('\u{200e}') && !SENT.iter().any(|s| text.contains(s))
}

/// One message as read, before the file's date order is known.
struct Line<'a> {
    head: Head<'a>,
    sender: &'a str,
    line: usize,
}

/// Reads one exported chat. `chat` is its name from the file name, when it has one.
pub fn parse(text: &str, chat: Option<&str>) -> Harvest {
    let mut lines = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let Some(head) = starts_message(raw) else { continue };
        let Some((sender, body)) = head.rest.split_once(": ") else { continue };
        let sender = sender.trim_matches(|c: char| is_mark(c) || c.is_whitespace());
        if sender.is_empty() || (Some(sender) == chat && is_note(body)) || is_note_sender(body, sender) {
            continue;
        }
        lines.push(Line { head, sender, line: i + 1 });
    }
    let day_first = day_first(&lines);
    let mut senders: Vec<&str> = Vec::new();
    for l in &lines {
        if !senders.contains(&l.sender) {
            senders.push(l.sender);
        }
    }
    let one_to_one = senders.len() <= 2 && chat.is_none_or(|c| senders.contains(&c));
    let mut harvest = Harvest::default();
    if one_to_one
        && senders.len() == 2
        && let Some(c) = chat
        && let Some(me) = senders.iter().find(|s| **s != c)
    {
        harvest.me_hints.push(me.to_string());
    }
    let chat_id = match chat {
        Some(c) => c.to_string(),
        None => {
            let mut s = senders.clone();
            s.sort_unstable();
            s.join(", ")
        }
    };
    // Per day: who wrote, in order, and the first line.
    let mut days: BTreeMap<NaiveDate, (NaiveDateTime, usize, Vec<&str>)> = BTreeMap::new();
    for l in &lines {
        let Some(at) = when(&l.head, day_first) else { continue };
        let entry = days.entry(at.date()).or_insert((at, l.line, Vec::new()));
        if !entry.2.contains(&l.sender) {
            entry.2.push(l.sender);
        }
    }
    for (on, (at, line, wrote)) in days {
        let members: Vec<&str> = if one_to_one { senders.clone() } else { wrote.clone() };
        let people: Vec<Person> = members.iter().map(|s| Person { spoke: wrote.contains(s), ..person(s) }).collect();
        let opener = wrote.first().and_then(|first| members.iter().position(|m| m == first));
        let key = format!("{chat_id}/{on}");
        harvest.found.push(Found {
            from: Origin::Whatsapp,
            exchange: key.clone(),
            key,
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

/// Android writes some notes with a colon ("Budi changed the subject to: x"); none
/// has a plausible sender, but a sender that is a whole sentence is one of them.
fn is_note_sender(_body: &str, sender: &str) -> bool {
    sender.split_whitespace().count() > 6
}

/// Whether the file writes the day first (see the module's note).
fn day_first(lines: &[Line]) -> bool {
    if lines.iter().any(|l| l.head.date.0 > 12) {
        return true;
    }
    if lines.iter().any(|l| l.head.date.1 > 12) {
        return false;
    }
    !lines.iter().any(|l| l.head.pm.is_some())
}

fn when(h: &Head, day_first: bool) -> Option<NaiveDateTime> {
    let (a, b, year) = h.date;
    let (day, month) = if day_first { (a, b) } else { (b, a) };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let hour = match h.pm {
        Some(true) if h.hour < 12 => h.hour + 12,
        Some(false) if h.hour == 12 => 0,
        _ => h.hour,
    };
    Some(date.and_time(NaiveTime::from_hms_opt(hour, h.minute, h.second)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(line: &str) -> ((u32, u32, i32), u32, u32, Option<bool>, &str) {
        let h = starts_message(line).unwrap_or_else(|| panic!("not a message start: {line}"));
        (h.date, h.hour, h.minute, h.pm, h.rest)
    }

    #[test]
    fn android_and_ios_lines_in_english_and_indonesian() {
        assert_eq!(head("12/31/23, 9:41 PM - Budi: hi"), ((12, 31, 2023), 9, 41, Some(true), "Budi: hi"));
        assert_eq!(head("12/31/23, 9:41\u{202f}PM - Budi: hi"), ((12, 31, 2023), 9, 41, Some(true), "Budi: hi"));
        assert_eq!(head("31/12/2023, 21:41 - Budi: hi"), ((31, 12, 2023), 21, 41, None, "Budi: hi"));
        assert_eq!(head("31/12/23 21.41 - Budi: halo"), ((31, 12, 2023), 21, 41, None, "Budi: halo"));
        assert_eq!(head("[12/31/23, 9:41:05 PM] Budi: hi"), ((12, 31, 2023), 9, 41, Some(true), "Budi: hi"));
        assert_eq!(head("\u{200e}[31/12/23 21.41.05] Budi: halo"), ((31, 12, 2023), 21, 41, None, "Budi: halo"));
        for not in ["see you at 10/11, ok?", "", "Budi: 12/31/23", "[12/31/23] hi", "99/99/99, 25:00 - x: y"] {
            assert_eq!(starts_message(not), None, "{not}");
        }
    }

    #[test]
    fn chat_names_come_from_the_file_name() {
        assert_eq!(chat_name("WhatsApp Chat with Budi Santoso.txt").as_deref(), Some("Budi Santoso"));
        assert_eq!(chat_name("Chat WhatsApp dengan Alumni ITB.txt").as_deref(), Some("Alumni ITB"));
        assert_eq!(chat_name("WhatsApp Chat - Siti.txt").as_deref(), Some("Siti"));
        assert_eq!(chat_name("_chat.txt"), None);
    }

    #[test]
    fn one_interaction_a_day_opened_by_the_first_writer() {
        let text = "12/30/23, 9:00 AM - Messages and calls are end-to-end encrypted.\n\
                    12/30/23, 9:41 AM - Budi: hi\n\
                    a second line of the same message\n\
                    12/30/23, 9:45 AM - Ayu: hello\n\
                    12/31/23, 10:00 PM - Ayu: happy new year\n";
        let h = parse(text, Some("Budi"));
        assert_eq!(h.me_hints, ["Ayu"]);
        assert_eq!(h.found.len(), 2);
        let (a, b) = (&h.found[0], &h.found[1]);
        assert_eq!((a.on.to_string(), a.line), ("2023-12-30".into(), 2));
        assert_eq!(a.people[a.opener.unwrap()].name.as_deref(), Some("Budi"));
        assert!(a.people.iter().all(|p| p.spoke));
        assert_eq!(b.people.len(), 2, "the other side of a one-to-one chat is there even when silent");
        assert_eq!(b.people.iter().filter(|p| p.spoke).count(), 1);
        assert_eq!(b.people[b.opener.unwrap()].name.as_deref(), Some("Ayu"));
        assert_eq!(b.at.format("%H:%M").to_string(), "22:00");
    }

    #[test]
    fn day_first_is_read_from_the_file() {
        let us = "1/2/24, 9:00 AM - Budi: hi\n";
        assert_eq!(parse(us, None).found[0].on.to_string(), "2024-01-02");
        let id = "1/2/24 09.00 - Budi: hai\n";
        assert_eq!(parse(id, None).found[0].on.to_string(), "2024-02-01");
        let mixed = "1/2/24 09.00 - Budi: hai\n13/2/24 09.00 - Budi: hai\n";
        assert_eq!(parse(mixed, None).found[0].on.to_string(), "2024-02-01");
    }

    #[test]
    fn groups_log_the_members_who_wrote_and_numbers_are_phones() {
        let text = "[31/12/23 21.41.05] Alumni ITB: \u{200e}Pesan dan panggilan terenkripsi end-to-end.\n\
                    [31/12/23 21.42.00] Budi: halo\n\
                    [31/12/23 21.43.00] +62 812-3456-7890: hai\n\
                    [31/12/23 21.44.00] Ayu: hai semua\n";
        let h = parse(text, Some("Alumni ITB"));
        assert!(h.me_hints.is_empty());
        let f = &h.found[0];
        assert_eq!(f.people.len(), 3);
        assert_eq!(f.people[1].phone.as_deref(), Some("+62 812-3456-7890"));
        assert_eq!(f.key, "Alumni ITB/2023-12-31");
    }

    #[test]
    fn a_photo_is_writing_and_the_encryption_notice_is_not() {
        let text = "[14/11/26 21.41.05] Dimas: \u{200e}Pesan dan panggilan terenkripsi end-to-end.\n\
                    [14/11/26 21.50.12] Ayu: halo\n\
                    [15/11/26 09.00.00] Dimas: \u{200e}gambar tidak disertakan\n\
                    [16/11/26 09.00.00] Dimas: \u{200e}image omitted\n";
        let h = parse(text, Some("Dimas"));
        let days: Vec<(String, usize)> =
            h.found.iter().map(|f| (f.on.to_string(), f.people.iter().filter(|p| p.spoke).count())).collect();
        assert_eq!(days, [("2026-11-14".into(), 1), ("2026-11-15".into(), 1), ("2026-11-16".into(), 1)]);
        assert_eq!(h.found[0].people[h.found[0].opener.unwrap()].name.as_deref(), Some("Ayu"));
    }
}
