//! LinkedIn's `messages.csv` ("Get a copy of your data" → Messages): one row per
//! message, with the conversation's id, the sender's name and profile URL, the
//! recipients' names and URLs, the date and the subject. The CONTENT column is never
//! read.
//!
//! One [`Found`] per row, keyed by conversation and day (the user's own day; LinkedIn
//! writes UTC), so a conversation logs one `message` a day; the conversation's
//! earliest message opened it. You are the one in the most conversations (a hint,
//! used beside `--me`).
//!
//! LinkedIn's own rows — no sender ("Message request accepted"), or LinkedIn itself —
//! and sponsored InMail (in a SPONSORED folder, or a conversation LinkedIn titles
//! "Sponsored Conversation") are nobody writing: they are counted and left out. A row
//! from "LinkedIn Member" elsewhere is a real person LinkedIn does not name (a closed
//! account, a hidden name): no contact can be matched with it, so it is left out and
//! counted for that reason, and the rest of its conversation still counts.
//! "LinkedIn Member" is never a person.
//!
//! The 2018 layout (From, To, Date, Subject, Content, Direction, Folder) has no
//! conversation id: a conversation is the messages with one other person on one day,
//! its first message opening it; OUTGOING rows are yours.

use super::{Found, Harvest, Person, Problem, ProblemKind, Skip, Zone};
use crate::model::{Kind, interaction::Origin};
use chrono::{DateTime, NaiveDateTime, Utc};
use std::collections::HashMap;

/// The file is not LinkedIn's messages.csv.
#[derive(Debug, PartialEq, Eq)]
pub struct NotMessages;

struct Row {
    conversation: String,
    at: DateTime<Utc>,
    sender: Person,
    recipients: Vec<Person>,
    subject: Option<String>,
    line: usize,
}

/// Reads LinkedIn's dates: `2024-03-05 14:22:01 UTC`, with or without the zone, or
/// RFC 3339.
fn date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    let s = s.strip_suffix("UTC").unwrap_or(s).trim();
    ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M", "%m/%d/%y, %I:%M %p"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .map(|d| d.and_utc())
}

fn one(name: &str, url: &str) -> Person {
    let name = name.trim();
    let url = url.trim();
    Person {
        name: (!name.is_empty()).then(|| name.to_string()),
        linkedin: crate::interop::linkedin_profile(url),
        ..Person::default()
    }
}

/// The title LinkedIn gives a conversation of sponsored InMail.
const SPONSORED_TITLE: &str = "Sponsored Conversation";

/// Why a row is left out, if it is: sponsored mail (by its folder or its
/// conversation's title), LinkedIn's own rows, or someone LinkedIn does not name —
/// "LinkedIn Member" is also how it shows a real person who closed their account or
/// hides their name, in ordinary conversations.
fn left_out(sender: &str, folder: &str, title: &str) -> Option<Skip> {
    let sender = sender.trim();
    if folder.to_ascii_uppercase().contains("SPONSORED") || title.trim().eq_ignore_ascii_case(SPONSORED_TITLE) {
        return Some(Skip::Sponsored);
    }
    if sender.eq_ignore_ascii_case("LinkedIn Member") {
        return Some(Skip::Unnamed);
    }
    (sender.is_empty() || sender.eq_ignore_ascii_case("LinkedIn")).then_some(Skip::LinkedinNotice)
}

/// Someone named in a row who is a person: not blank, not the anonymised member.
fn is_someone(p: &Person) -> bool {
    p.linkedin.is_some() || p.name.as_deref().is_some_and(|n| !n.eq_ignore_ascii_case("LinkedIn Member"))
}

/// A hash that is the same in every version of the program (FNV-1a), so that a key
/// names the other person without holding their name.
fn stable_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Reads the file, dated by UTC days.
pub fn parse(bytes: &[u8]) -> Result<Harvest, NotMessages> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    parse_in(&String::from_utf8_lossy(bytes), Zone::UTC)
}

/// Reads the file's text, each message on the user's own day in `zone`.
pub fn parse_in(text: &str, zone: Zone) -> Result<Harvest, NotMessages> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = crate::interop::csv::LineCounter::new(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| NotMessages)?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(from), Some(on)) = (col("FROM"), col("DATE")) else {
        return Err(NotMessages);
    };
    // 2018: no conversation id, a direction instead.
    let direction = col("DIRECTION");
    let conv = col("CONVERSATION ID");
    if conv.is_none() && direction.is_none() {
        return Err(NotMessages);
    }
    let (from_url, to, to_urls, subject, folder, title) = (
        col("SENDER PROFILE URL"),
        col("TO"),
        col("RECIPIENT PROFILE URLS"),
        col("SUBJECT"),
        col("FOLDER"),
        col("CONVERSATION TITLE"),
    );
    let mut harvest = Harvest::default();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = lines.at(e.position());
                harvest.problems.push(Problem::new(line, ProblemKind::BadRow(e.to_string())));
                continue;
            }
        };
        let line = lines.at(record.position());
        harvest.read += 1;
        let get = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or_default();
        if let Some(why) = left_out(get(Some(from)), get(folder), get(title)) {
            harvest.skip(why, 1);
            continue;
        }
        let Some(at) = date(get(Some(on))) else {
            harvest.problems.push(Problem::new(line, ProblemKind::NoDate));
            continue;
        };
        let names: Vec<&str> = get(to).split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        let urls: Vec<&str> = get(to_urls).split([' ', ',', ';']).filter(|s| !s.trim().is_empty()).collect();
        let recipients: Vec<Person> = if names.len() == urls.len() {
            names.iter().zip(&urls).map(|(n, u)| one(n, u)).collect()
        } else if urls.is_empty() {
            names.iter().map(|n| one(n, "")).collect()
        } else {
            urls.iter().map(|u| one("", u)).collect()
        };
        let recipients: Vec<Person> = recipients.into_iter().filter(is_someone).collect();
        let sender = Person { spoke: true, ..one(get(Some(from)), get(from_url)) };
        let conversation = match conv {
            Some(c) => get(Some(c)).trim().to_string(),
            None => {
                // 2018: the other person, on the user's day.
                let outgoing = get(direction).trim().eq_ignore_ascii_case("OUTGOING");
                if outgoing && !harvest.me_hints.iter().any(|h| Some(h) == sender.name.as_ref()) {
                    harvest.me_hints.extend(sender.name.clone());
                }
                let other =
                    if outgoing { recipients.first().map(Person::key).unwrap_or_default() } else { sender.key() };
                format!("{:016x}/{}", stable_hash(&other), zone.day(at))
            }
        };
        rows.push(Row { conversation, at, sender, recipients, subject: super::title(get(subject)), line });
    }
    // The conversation's first message opens it; exports list the newest first.
    let mut first: HashMap<&str, (DateTime<Utc>, usize)> = HashMap::new();
    for r in &rows {
        let e = first.entry(&r.conversation).or_insert((r.at, r.line));
        if (r.at, r.line) < *e {
            *e = (r.at, r.line);
        }
    }
    // The 2018 layout's conversation already holds its day; newer ones get it here.
    let dated = conv.is_none();
    let mut seen_in: HashMap<String, (usize, Person)> = HashMap::new();
    let mut counted: std::collections::HashSet<(String, &str)> = std::collections::HashSet::new();
    for r in &rows {
        for p in std::iter::once(&r.sender).chain(&r.recipients) {
            if counted.insert((p.key(), &r.conversation)) {
                seen_in.entry(p.key()).or_insert((0, p.clone())).0 += 1;
            }
        }
    }
    let mut ranked: Vec<&(usize, Person)> = seen_in.values().collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    if let [top, next, ..] = ranked.as_slice()
        && top.0 > next.0
        && conv.is_some()
    {
        let hint = top.1.linkedin.clone().or_else(|| top.1.name.clone());
        harvest.me_hints.extend(hint);
    }
    for r in &rows {
        let opens = first.get(r.conversation.as_str()) == Some(&(r.at, r.line));
        let on = zone.day(r.at);
        let mut people = vec![r.sender.clone()];
        people.extend(r.recipients.iter().cloned());
        harvest.found.push(Found {
            from: Origin::Linkedin,
            key: if dated { r.conversation.clone() } else { format!("{}/{on}", r.conversation) },
            exchange: r.conversation.clone(),
            on,
            at: r.at,
            kind: Kind::Message,
            title: r.subject.clone(),
            people,
            opener: opens.then_some(0),
            meeting: false,
            line: r.line,
        });
    }
    Ok(harvest)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n\
        c1,,Ayu Lestari,https://www.linkedin.com/in/ayu,Rahul Mehta,https://www.linkedin.com/in/rahul,2026-10-02 09:00:00 UTC,,Thanks for the intro!,INBOX\n\
        c1,,Rahul Mehta,https://www.linkedin.com/in/rahul,Ayu Lestari,https://www.linkedin.com/in/ayu,2026-10-01 08:00:00 UTC,Intro,\"Hi Ayu, secret body\",INBOX\n\
        c2,,Ayu Lestari,https://www.linkedin.com/in/ayu,Dewi,https://www.linkedin.com/in/dewi,2026-10-03 10:00:00 UTC,,Hello,SENT\n\
        c3,,Ayu Lestari,https://www.linkedin.com/in/ayu,Eko,https://www.linkedin.com/in/eko,not a date,,x,SENT\n";

    #[test]
    fn rows_become_traces_opened_by_the_first_message() {
        let h = parse(CSV.as_bytes()).unwrap();
        assert_eq!(h.found.len(), 3);
        assert_eq!(h.problems, [Problem::new(5, ProblemKind::NoDate)]);
        assert_eq!(h.me_hints, ["https://www.linkedin.com/in/ayu"]);
        let opened: Vec<_> = h.found.iter().map(|f| f.opener.is_some()).collect();
        assert_eq!(opened, [false, true, true]);
        assert_eq!(h.found[1].key, "c1/2026-10-01");
        assert_eq!(h.found[1].title.as_deref(), Some("Intro"));
        assert!(format!("{:?}", h.found).find("secret").is_none(), "the content is never read");
    }

    #[test]
    fn other_files_are_refused() {
        assert!(parse(b"First Name,Last Name,URL\nA,B,C\n").is_err());
    }

    #[test]
    fn linkedin_notices_and_sponsored_mail_are_nobody_writing() {
        let csv = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n\
            c1,,Ayu Lestari,https://www.linkedin.com/in/ayu,Rahul Mehta,https://www.linkedin.com/in/rahul,2026-10-01 09:00:00 UTC,,Hi,INBOX\n\
            c1,,,,Ayu Lestari,https://www.linkedin.com/in/ayu,2026-10-02 09:00:00 UTC,,Message request accepted,INBOX\n\
            c2,Sponsored Conversation,LinkedIn Member,,Ayu Lestari,https://www.linkedin.com/in/ayu,2026-10-03 09:00:00 UTC,Grow your business,ad,INBOX\n\
            c3,,Ads Co,https://www.linkedin.com/company/ads,Ayu Lestari,https://www.linkedin.com/in/ayu,2026-10-04 09:00:00 UTC,Offer,ad,SPONSORED\n";
        let h = parse(csv.as_bytes()).unwrap();
        assert_eq!(h.read, 4);
        assert_eq!(h.found.len(), 1, "only Ayu's message to Rahul");
        assert!(h.found[0].people.iter().all(|p| p.name.is_some()));
        assert_eq!(h.skipped, [(Skip::LinkedinNotice, 1), (Skip::Sponsored, 2)]);
    }

    #[test]
    fn a_member_linkedin_does_not_name_is_left_out_apart_from_sponsored_mail() {
        let path = format!("{}/tests/fixtures/history/messages-unnamed.csv", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let h = parse(&bytes).unwrap();
        // By hand: a "LinkedIn Member" wrote in the alumni conversation and alone on the
        // 10th (someone who closed their account); three rows are sponsored (by their
        // conversation's title or their folder); Budi's, Citra's and Ayu's four count.
        assert_eq!(h.read, 9);
        assert_eq!(h.skipped, [(Skip::Unnamed, 2), (Skip::Sponsored, 3)]);
        let senders: Vec<_> = h.found.iter().map(|f| f.people[0].name.as_deref().unwrap_or_default()).collect();
        assert_eq!(senders, ["Budi Santoso", "Ayu Lestari", "Citra Dewi", "Ayu Lestari"]);
        // The alumni conversation is Citra's and Ayu's, both wrote, and the member is in
        // it as no one.
        let alumni: Vec<&Found> = h.found.iter().filter(|f| f.exchange == "2-FFF=").collect();
        assert_eq!(alumni.len(), 2);
        assert!(alumni.iter().flat_map(|f| &f.people).all(|p| p.linkedin.is_some()), "{alumni:?}");
        assert!(format!("{h:?}").find("LinkedIn Member").is_none());
    }

    #[test]
    fn the_2018_layout_groups_by_the_other_person_and_day() {
        // Budi writes at 23:30 UTC on the 2nd (the 3rd in Jakarta); Ayu answers on the
        // 3rd; Sari writes on the 3rd too.
        let csv = "From,To,Date,Subject,Content,Direction,Folder\n\
            Budi Santoso,Ayu Lestari,2018-04-02 23:30:00 UTC,Coffee,secret,INCOMING,INBOX\n\
            Ayu Lestari,Budi Santoso,2018-04-03 02:00:00 UTC,Re: Coffee,secret,OUTGOING,SENT\n\
            Sari Dewi,Ayu Lestari,2018-04-03 05:00:00 UTC,Hello,secret,INCOMING,INBOX\n";
        let jakarta = Zone::Fixed(chrono::FixedOffset::east_opt(7 * 3600).unwrap());
        let h = parse_in(csv, jakarta).unwrap();
        assert_eq!(h.found.len(), 3);
        assert_eq!(h.me_hints, ["Ayu Lestari"]);
        let days: Vec<_> = h.found.iter().map(|f| f.on.to_string()).collect();
        assert_eq!(days, ["2018-04-03"; 3]);
        assert_eq!(h.found[0].key, h.found[1].key, "Budi's and Ayu's messages are one conversation");
        assert_ne!(h.found[0].key, h.found[2].key);
        assert_eq!((h.found[0].opener, h.found[1].opener, h.found[2].opener), (Some(0), None, Some(0)));
        assert!(!h.found[0].key.to_lowercase().contains("budi"), "a key holds no one's name");
        assert!(!format!("{h:?}").contains("secret"));
    }
}
