//! LinkedIn's `messages.csv` ("Get a copy of your data" → Messages): one row per
//! message, with the conversation's id, the sender's name and profile URL, the
//! recipients' names and URLs, the date and the subject. The CONTENT column is never
//! read.
//!
//! One [`Found`] per row, keyed by conversation and day, so a conversation logs one
//! `message` a day; the conversation's earliest message opened it. You are the one in
//! the most conversations (a hint, used beside `--me`).

use super::{Found, Harvest, Person, Problem, ProblemKind};
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

pub fn parse(bytes: &[u8]) -> Result<Harvest, NotMessages> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes);
    let mut lines = crate::interop::csv::LineCounter::new(&text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| NotMessages)?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(conv), Some(from), Some(on)) = (col("CONVERSATION ID"), col("FROM"), col("DATE")) else {
        return Err(NotMessages);
    };
    let (from_url, to, to_urls, subject) =
        (col("SENDER PROFILE URL"), col("TO"), col("RECIPIENT PROFILE URLS"), col("SUBJECT"));
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
        let get = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or_default();
        let Some(at) = date(get(Some(on))) else {
            harvest.problems.push(Problem::new(line, ProblemKind::NoDate));
            continue;
        };
        let names: Vec<&str> = get(to).split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        let urls: Vec<&str> = get(to_urls).split([' ', ',', ';']).filter(|s| !s.trim().is_empty()).collect();
        let recipients = if names.len() == urls.len() {
            names.iter().zip(&urls).map(|(n, u)| one(n, u)).collect()
        } else if urls.is_empty() {
            names.iter().map(|n| one(n, "")).collect()
        } else {
            urls.iter().map(|u| one("", u)).collect()
        };
        rows.push(Row {
            conversation: get(Some(conv)).trim().to_string(),
            at,
            sender: Person { spoke: true, ..one(get(Some(from)), get(from_url)) },
            recipients,
            subject: super::title(get(subject)),
            line,
        });
    }
    // The conversation's first message opens it; exports list the newest first.
    let mut first: HashMap<&str, (DateTime<Utc>, usize)> = HashMap::new();
    for r in &rows {
        let e = first.entry(&r.conversation).or_insert((r.at, r.line));
        if (r.at, r.line) < *e {
            *e = (r.at, r.line);
        }
    }
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
    {
        let hint = top.1.linkedin.clone().or_else(|| top.1.name.clone());
        harvest.me_hints.extend(hint);
    }
    for r in &rows {
        let opens = first.get(r.conversation.as_str()) == Some(&(r.at, r.line));
        let on = r.at.date_naive();
        let mut people = vec![r.sender.clone()];
        people.extend(r.recipients.iter().cloned());
        harvest.found.push(Found {
            from: Origin::Linkedin,
            key: format!("{}/{on}", r.conversation),
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
}
