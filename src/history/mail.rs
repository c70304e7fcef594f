//! Mail: an mbox (Gmail's Takeout writes one) read as a stream, one message at a
//! time, and the messages of a maildir. Only headers are parsed — who, when, the
//! thread (References, In-Reply-To, Message-ID) and the subject — never a body.
//!
//! One [`Found`] per message, keyed by thread and day, so a thread logs one `email` a
//! day; the thread's first message (one that answers nothing) opened it. Mailing lists
//! (`List-Id`), bulk mail (`Precedence: bulk|list|junk`) and robots (`noreply`,
//! `no-reply`, `notifications`, `team`, `support` senders) are counted and left out.
//! The sender of mail Gmail labelled `Sent` is who you are (a hint, used beside `--me`).
//!
//! A message is dated by the user's own day (their time zone), not by UTC's. A sender
//! written without angle brackets (`Ruixin Wang wangruixin@CAICT.AC.CN`, as list
//! archives store it) is the address and a name. Headers that are not UTF-8 are read
//! as Windows-1252, and counted.

use super::{Found, Harvest, Person, Problem, ProblemKind, Zone};
use crate::model::{Kind, interaction::Origin};
use chrono::DateTime;
use mail_parser::{Address, HeaderValue, MessageParser};
use std::io::{self, BufRead};

/// Collects the messages of one mailbox.
pub struct Reader {
    parser: MessageParser,
    harvest: Harvest,
    zone: Zone,
    /// Messages whose headers were read as Windows-1252.
    guessed: usize,
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

/// Sender names robots write from.
const ROBOTS: [&str; 7] =
    ["noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "notifications", "notification"];
/// Shared mailboxes whose mail is from an organisation, not a person.
const SHARED: [&str; 2] = ["team", "support"];

/// Whether mail from this address is from a robot or a shared mailbox.
pub fn is_robot(address: &str) -> bool {
    let local = address.split('@').next().unwrap_or_default().to_lowercase();
    ROBOTS.iter().any(|r| local.contains(r))
        || SHARED.iter().any(|s| local == *s || local.starts_with(&format!("{s}+")))
}

fn first_id(v: &HeaderValue) -> Option<String> {
    match v {
        HeaderValue::Text(t) => Some(t.to_string()),
        HeaderValue::TextList(l) => l.first().map(|t| t.to_string()),
        _ => None,
    }
    .map(|s| s.trim().trim_matches(['<', '>']).to_string())
    .filter(|s| !s.is_empty())
}

/// The address and the name in what a header gives as the address: itself, or, when
/// it was written without angle brackets (`Ruixin Wang wangruixin@CAICT.AC.CN`), its
/// last word with an `@` and the words before it.
fn split_address(written: &str) -> Option<(String, Option<String>)> {
    let written = written.trim();
    let words: Vec<&str> = written.split_whitespace().collect();
    let at = words.iter().rposition(|w| w.contains('@'))?;
    let email = words[at].trim_matches(['<', '>', '"', '\'', '(', ')', ',', ';']);
    if !email.contains('@') || email.starts_with('@') || email.ends_with('@') {
        return None;
    }
    let name = words[..at].join(" ");
    let name = name.trim_matches(['"', '\'', ' ']);
    Some((email.to_lowercase(), (!name.is_empty()).then(|| name.to_string())))
}

fn people(a: Option<&Address>, spoke: bool, out: &mut Vec<Person>) {
    let Some(a) = a else { return };
    for addr in a.iter() {
        let Some((email, phrase)) = addr.address.as_deref().and_then(split_address) else { continue };
        if out.iter().any(|p| p.email.as_deref() == Some(email.as_str())) {
            continue;
        }
        let name = addr.name.as_deref().map(str::trim).filter(|n| !n.is_empty() && !n.contains('@'));
        let name = name.map(str::to_string).or(phrase.filter(|n| !n.contains('@')));
        out.push(Person { name, email: Some(email), spoke, ..Person::default() });
    }
}

/// The headers as UTF-8: as they are when they are, else each line that is not read
/// as Windows-1252. None when nothing needed decoding.
fn decoded_headers(raw: &[u8]) -> Option<Vec<u8>> {
    let crlf = raw.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4);
    let lf = raw.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    let end = crlf.into_iter().chain(lf).min().unwrap_or(raw.len());
    let head = &raw[..end];
    if std::str::from_utf8(head).is_ok() {
        return None;
    }
    let mut out = Vec::with_capacity(head.len() + 16);
    for line in head.split_inclusive(|b| *b == b'\n') {
        out.extend_from_slice(crate::interop::decode::line(line, None).0.as_bytes());
    }
    out.extend_from_slice(b"\n");
    Some(out)
}

impl Reader {
    pub fn new() -> Reader {
        Reader::in_zone(Zone::UTC)
    }

    /// A reader that dates messages by the days of `zone`.
    pub fn in_zone(zone: Zone) -> Reader {
        Reader { parser: MessageParser::new(), harvest: Harvest::default(), zone, guessed: 0 }
    }

    /// Takes back the last problem, for a caller that names it otherwise.
    pub fn take_problem(&mut self) -> Option<Problem> {
        self.harvest.problems.pop()
    }

    /// How many messages' headers were read as Windows-1252.
    pub fn guessed(&self) -> usize {
        self.guessed
    }

    /// Reads one message's headers; `line` is where it starts in its file.
    pub fn message(&mut self, raw: &[u8], line: usize) {
        self.message_in(raw, line, false)
    }

    /// How many problems so far.
    pub fn problems(&self) -> usize {
        self.harvest.problems.len()
    }

    /// Reads one message; `sent` when it was in a folder of sent mail, so its sender
    /// is you.
    pub fn message_in(&mut self, raw: &[u8], line: usize, sent: bool) {
        self.harvest.read += 1;
        let decoded = decoded_headers(raw);
        if decoded.is_some() {
            self.guessed += 1;
        }
        let raw = decoded.as_deref().unwrap_or(raw);
        let Some(msg) = self.parser.parse_headers(raw) else {
            self.harvest.problems.push(Problem::new(line, ProblemKind::BadMessage));
            return;
        };
        let precedence = msg.header_raw("Precedence").unwrap_or_default().trim().to_ascii_lowercase();
        let from_robot = msg.from().and_then(|f| f.first()).and_then(|a| a.address.as_deref()).is_some_and(is_robot);
        if !matches!(msg.list_id(), HeaderValue::Empty)
            || matches!(precedence.as_str(), "bulk" | "list" | "junk")
            || from_robot
        {
            self.harvest.ignored += 1;
            return;
        }
        let mut everyone = Vec::new();
        people(msg.from(), true, &mut everyone);
        if everyone.is_empty() {
            self.harvest.problems.push(Problem::new(line, ProblemKind::BadMessage));
            return;
        }
        let Some(at) = msg.date().and_then(|d| DateTime::from_timestamp(d.to_timestamp(), 0)) else {
            self.harvest.problems.push(Problem::new(line, ProblemKind::NoDate));
            return;
        };
        if (sent || msg.header_raw("X-Gmail-Labels").is_some_and(|l| l.split(',').any(|x| x.trim() == "Sent")))
            && let Some(me) = &everyone[0].email
            && !self.harvest.me_hints.contains(me)
        {
            self.harvest.me_hints.push(me.clone());
        }
        people(msg.to(), false, &mut everyone);
        people(msg.cc(), false, &mut everyone);
        let answers = first_id(msg.references()).or_else(|| first_id(msg.in_reply_to()));
        let opens = answers.is_none();
        let own = msg.message_id().map(|s| s.trim_matches(['<', '>']).to_string()).filter(|s| !s.is_empty());
        let thread = answers
            .or(own)
            .unwrap_or_else(|| format!("{}@{}", at.timestamp(), everyone[0].email.as_deref().unwrap_or_default()));
        let on = self.zone.day(at);
        self.harvest.found.push(Found {
            from: Origin::Email,
            key: format!("{thread}/{on}"),
            exchange: thread,
            on,
            at,
            kind: Kind::Email,
            title: msg.thread_name().and_then(super::title),
            people: everyone,
            opener: opens.then_some(0),
            meeting: false,
            line,
        });
    }

    pub fn finish(self) -> Harvest {
        self.harvest
    }
}

/// Reads an mbox as a stream, dated by UTC days.
pub fn mbox(input: impl BufRead) -> io::Result<Harvest> {
    mbox_in(input, Zone::UTC).map(|(h, _)| h)
}

/// Reads an mbox as a stream: one message in memory at a time, each dated by the day
/// of `zone`. Also says how many messages' headers were read as Windows-1252.
pub fn mbox_in(input: impl BufRead, zone: Zone) -> io::Result<(Harvest, usize)> {
    let mut reader = Reader::in_zone(zone);
    let mut line = 1;
    for msg in mail_parser::mailbox::mbox::MessageIterator::new(input) {
        let msg = msg?;
        let contents = msg.contents();
        // A message is named by its `From ` line; its text is the lines after it.
        reader.message(contents, line);
        line += 1 + contents.iter().filter(|b| **b == b'\n').count();
    }
    let guessed = reader.guessed();
    Ok((reader.finish(), guessed))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MBOX: &str = "From 1@x Mon Nov 02 09:00:00 +0000 2026\n\
        Message-ID: <a1@example.com>\n\
        From: Budi Santoso <budi@example.com>\n\
        To: Ayu <ayu@example.com>\n\
        Subject: Coffee next week?\n\
        Date: Mon, 2 Nov 2026 09:00:00 +0000\n\
        \n\
        The secret body of the message.\n\
        \n\
        From 2@x Mon Nov 02 10:00:00 +0000 2026\n\
        Message-ID: <a2@example.com>\n\
        In-Reply-To: <a1@example.com>\n\
        References: <a1@example.com>\n\
        X-Gmail-Labels: Sent,Opened\n\
        From: Ayu <ayu@example.com>\n\
        To: budi@example.com\n\
        Subject: Re: Coffee next week?\n\
        Date: Mon, 2 Nov 2026 10:00:00 +0000\n\
        \n\
        Yes!\n\
        From 3@x Mon Nov 02 11:00:00 +0000 2026\n\
        Message-ID: <l1@lists.example.com>\n\
        List-Id: <fintech.lists.example.com>\n\
        From: Someone <someone@example.com>\n\
        To: fintech@lists.example.com\n\
        Date: Mon, 2 Nov 2026 11:00:00 +0000\n\
        \n\
        list mail\n\
        From 4@x Mon Nov 02 12:00:00 +0000 2026\n\
        From: GitHub <noreply@github.com>\n\
        Date: Mon, 2 Nov 2026 12:00:00 +0000\n\
        \n\
        robot\n\
        From 5@x Mon Nov 02 13:00:00 +0000 2026\n\
        From: Dewi <dewi@example.com>\n\
        Subject: no date\n\
        \n\
        x\n";

    #[test]
    fn threads_lists_robots_and_hints() {
        let h = mbox(MBOX.as_bytes()).unwrap();
        assert_eq!(h.ignored, 2);
        assert_eq!(h.problems, [Problem::new(34, ProblemKind::NoDate)]);
        assert_eq!(h.me_hints, ["ayu@example.com"]);
        assert_eq!(h.found.len(), 2);
        let (a, b) = (&h.found[0], &h.found[1]);
        assert_eq!((a.key.as_str(), a.opener, a.line), ("a1@example.com/2026-11-02", Some(0), 1));
        assert_eq!((b.key.as_str(), b.opener, b.line), ("a1@example.com/2026-11-02", None, 10));
        assert_eq!(a.title.as_deref(), Some("Coffee next week?"));
        assert_eq!(b.title.as_deref(), Some("Coffee next week?"), "the thread's name, without Re:");
        assert_eq!(a.people[0].name.as_deref(), Some("Budi Santoso"));
        assert!(a.people[0].spoke && !a.people[1].spoke);
        assert!(!format!("{h:?}").contains("secret"));
    }

    #[test]
    fn robots_and_shared_mailboxes() {
        for robot in ["noreply@x.com", "no-reply@x.com", "notifications@github.com", "team@startup.io", "support@x.com"]
        {
            assert!(is_robot(robot), "{robot}");
        }
        for person in ["budi@x.com", "teamlead.sari@x.com", "support.engineer@x.com"] {
            assert!(!is_robot(person), "{person}");
        }
    }

    #[test]
    fn a_sender_without_angle_brackets_is_an_address_and_a_name() {
        let raw = b"From: Ruixin Wang wangruixin@CAICT.AC.CN\nTo: ayu@example.com\n\
                    Date: Wed, 4 Nov 2026 06:30:00 +0700\nSubject: hi\n\nbody\n";
        let mut r = Reader::new();
        r.message(raw, 1);
        let h = r.finish();
        let p = &h.found[0].people[0];
        assert_eq!(p.email.as_deref(), Some("wangruixin@caict.ac.cn"));
        assert_eq!(p.name.as_deref(), Some("Ruixin Wang"));
        assert_eq!(split_address("budi@example.com"), Some(("budi@example.com".into(), None)));
        assert_eq!(split_address("no address here"), None);
    }

    #[test]
    fn mail_is_dated_by_the_users_own_day() {
        // Wednesday 06:30 in Jakarta is Tuesday in UTC.
        let raw = b"From: Budi <budi@example.com>\nDate: Wed, 4 Nov 2026 06:30:00 +0700\n\nx\n";
        let jakarta = Zone::Fixed(chrono::FixedOffset::east_opt(7 * 3600).unwrap());
        let mut r = Reader::in_zone(jakarta);
        r.message(raw, 1);
        let f = &r.finish().found[0];
        assert_eq!(f.on.to_string(), "2026-11-04");
        assert!(f.key.ends_with("/2026-11-04"));
        let mut utc = Reader::new();
        utc.message(raw, 1);
        assert_eq!(utc.finish().found[0].on.to_string(), "2026-11-03");
    }

    #[test]
    fn windows_1252_headers_are_decoded_and_counted() {
        let mbox_bytes = b"From x Wed Nov 04 06:30:00 2026\nFrom: Jos\xe9 M\xfcller <jose@example.com>\n\
                           Date: Wed, 4 Nov 2026 06:30:00 +0000\nSubject: Caf\xe9\n\nbody \xe9\n";
        let (h, guessed) = mbox_in(&mbox_bytes[..], Zone::UTC).unwrap();
        assert_eq!(guessed, 1);
        assert_eq!(h.read, 1);
        assert_eq!(h.found[0].people[0].name.as_deref(), Some("José Müller"));
        assert_eq!(h.found[0].title.as_deref(), Some("Café"));
    }
}
