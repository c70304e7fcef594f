//! Mail: an mbox (Gmail's Takeout writes one) read as a stream, and the messages of a
//! maildir. Only headers are read — who, when, the thread (References, In-Reply-To,
//! Message-ID) and the subject — never a body, and at most `MAX_HEADERS` of them.
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

/// The most of a message that is read: its headers, which real mail keeps far below
/// this (a long `Received` chain is a few KiB). A message whose headers go on past it
/// is skipped and named, and its body is never held in memory.
pub const MAX_HEADERS: usize = 256 * 1024;

/// The headers as UTF-8: as they are when they are, else each line that is not read
/// as Windows-1252. None when nothing needed decoding. `head` is the header block only
/// (the reader found its end as it read it), so it is not searched again here.
fn decoded_headers(head: &[u8]) -> Option<Vec<u8>> {
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

/// Reads one line of a stream into `out`, keeping at most its first `keep` bytes and
/// reading past the rest, so a line of any length costs no more memory. None at the
/// end of the stream; else whether the line was cut.
fn next_line(input: &mut impl BufRead, keep: usize, out: &mut Vec<u8>) -> io::Result<Option<bool>> {
    out.clear();
    let (mut any, mut cut) = (false, false);
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(any.then_some(cut));
        }
        any = true;
        let (len, ends) = match buf.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = keep.saturating_sub(out.len());
        out.extend_from_slice(&buf[..len.min(room)]);
        cut |= len > room;
        input.consume(len);
        if ends {
            return Ok(Some(cut));
        }
    }
}

fn is_blank(line: &[u8]) -> bool {
    line == b"\n" || line == b"\r\n"
}

/// A message's header block as it is read, line by line, up to `MAX_HEADERS`.
#[derive(Default)]
struct Head {
    bytes: Vec<u8>,
    /// The blank line after the headers was read (or they passed the bound).
    done: bool,
    too_large: bool,
}

impl Head {
    /// How much of the next line to keep: one byte past the bound tells it was passed.
    fn room(&self) -> usize {
        (MAX_HEADERS + 1).saturating_sub(self.bytes.len())
    }

    /// Takes one line of the headers (`cut`: it was longer than `room`).
    fn take(&mut self, line: &[u8], cut: bool) {
        if cut || self.bytes.len() + line.len() > MAX_HEADERS {
            (self.too_large, self.done) = (true, true);
            self.bytes = Vec::new();
            return;
        }
        self.bytes.extend_from_slice(line);
        self.done = is_blank(line);
    }
}

/// The header block of one message file (a maildir's), read up to its blank line and
/// never past `MAX_HEADERS`: None when the headers go on past it.
pub fn headers_of(mut input: impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut head = Head::default();
    let mut line = Vec::new();
    while !head.done {
        let Some(cut) = next_line(&mut input, head.room(), &mut line)? else { break };
        head.take(&line, cut);
    }
    Ok((!head.too_large).then_some(head.bytes))
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

    /// Reads one message's header block (what follows its first blank line is not
    /// read); `line` is where it starts in its file.
    pub fn message(&mut self, raw: &[u8], line: usize) {
        self.message_in(raw, line, false)
    }

    /// How many problems so far.
    pub fn problems(&self) -> usize {
        self.harvest.problems.len()
    }

    /// A message whose headers go on past `MAX_HEADERS`: counted as read, and skipped.
    pub fn too_large(&mut self, line: usize) {
        self.harvest.read += 1;
        let limit = MAX_HEADERS >> 10;
        self.harvest.problems.push(Problem::new(line, ProblemKind::HeadersTooLarge { kib: limit }));
    }

    /// Reads one message's header block; `sent` when it was in a folder of sent mail,
    /// so its sender is you.
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

/// Reads an mbox as a stream: of each message only its headers are kept, up to
/// `MAX_HEADERS`, and each is dated by the day of `zone`. A line starting `From ` begins
/// a message (as in mboxo and mboxrd, where a body's own is written `>From `). Also
/// says how many messages' headers were read as Windows-1252.
pub fn mbox_in(mut input: impl BufRead, zone: Zone) -> io::Result<(Harvest, usize)> {
    let mut reader = Reader::in_zone(zone);
    // The message being read: the line its `From ` is on, and its headers so far.
    let mut open: Option<(usize, Head)> = None;
    let mut line = Vec::new();
    let mut at = 0;
    let finish = |reader: &mut Reader, open: Option<(usize, Head)>| match open {
        Some((start, head)) if head.too_large => reader.too_large(start),
        Some((start, head)) => reader.message(&head.bytes, start),
        None => {}
    };
    loop {
        // Of a body line only its start is kept: enough to tell a `From ` line.
        let keep = open.as_ref().filter(|(_, h)| !h.done).map_or(5, |(_, h)| h.room().max(5));
        let Some(cut) = next_line(&mut input, keep, &mut line)? else { break };
        at += 1;
        if line.starts_with(b"From ") {
            finish(&mut reader, open.take());
            open = Some((at, Head::default()));
            continue;
        }
        if let Some((_, head)) = open.as_mut().filter(|(_, h)| !h.done) {
            head.take(&line, cut);
        }
    }
    finish(&mut reader, open.take());
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
    fn only_the_headers_are_kept_and_headers_past_the_bound_are_skipped_and_named() {
        let ok = |n: usize| {
            format!(
                "From {n}@x Mon Nov 02 09:00:00 +0000 2026\nMessage-ID: <m{n}@example.com>\n\
                 From: Budi <budi@example.com>\nDate: Mon, 2 Nov 2026 09:00:00 +0000\n\n"
            )
        };
        let huge_header = format!("X-Long: {}\n", "a".repeat(MAX_HEADERS));
        let many_headers = "X-Short: b\n".repeat(MAX_HEADERS / 10);
        let mut mbox_text = ok(1);
        // A body of one 3 MiB line with no line end until its last byte.
        mbox_text.push_str(&"z".repeat(3 << 20));
        mbox_text.push('\n');
        mbox_text.push_str(&format!("From 2@x Mon Nov 02 10:00:00 +0000 2026\n{huge_header}Date: x\n\nbody\n"));
        mbox_text.push_str(&format!("From 3@x Mon Nov 02 10:00:00 +0000 2026\n{many_headers}\nbody\n"));
        mbox_text.push_str(&ok(4));
        let h = mbox(mbox_text.as_bytes()).unwrap();
        assert_eq!(h.read, 4);
        assert_eq!(h.found.len(), 2, "{:?}", h.problems);
        let kib = MAX_HEADERS >> 10;
        // The first message: five lines of headers and one of body; the second: five.
        let (second, third) = (7, 12);
        assert_eq!(
            h.problems,
            [
                Problem::new(second, ProblemKind::HeadersTooLarge { kib }),
                Problem::new(third, ProblemKind::HeadersTooLarge { kib })
            ]
        );
        assert_eq!(h.found[1].line, third + 1 + MAX_HEADERS / 10 + 2, "line numbers count every line read past");
        assert!(h.problems[0].message(crate::i18n::Lang::En).contains("headers are larger than 256 KiB"));
        // A maildir's message: its header block, never its body.
        let file = "From: Budi <budi@example.com>\r\nDate: Mon, 2 Nov 2026 09:00:00 +0000\r\n\r\nthe body\r\n";
        assert_eq!(headers_of(file.as_bytes()).unwrap().as_deref(), Some(&file.as_bytes()[..file.len() - 10]));
        assert_eq!(headers_of(format!("{huge_header}\nbody").as_bytes()).unwrap(), None);
        assert_eq!(headers_of(format!("{many_headers}\nbody").as_bytes()).unwrap(), None);
    }

    #[test]
    fn a_line_is_kept_only_as_far_as_asked() {
        let mut input = &b"From abc\nrest"[..];
        let mut out = Vec::new();
        assert_eq!(next_line(&mut input, 5, &mut out).unwrap(), Some(true));
        assert_eq!(out, b"From ");
        assert_eq!(next_line(&mut input, 100, &mut out).unwrap(), Some(false));
        assert_eq!(out, b"rest");
        assert_eq!(next_line(&mut input, 100, &mut out).unwrap(), None);
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
