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
#[path = "mail_tests.rs"]
mod tests;
