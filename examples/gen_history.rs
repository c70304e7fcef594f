//! Writes exports for the `import history` benchmark (see BENCHMARK.md) from a network
//! `gen_network` wrote: a year of calendar and a Takeout-style mbox, between "you"
//! (ayu.lestari@example.com) and the network's contacts.
//!
//! ```text
//! cargo run --release --example gen_history -- --network net.json \
//!     --calendar year.ics --events 2000 --mbox mail.mbox --messages 50000 [--seed 7]
//! ```
//!
//! The calendar holds single meetings with one to four contacts and, one in fifty,
//! weekly series with exceptions; a few events are cancelled or declined. The mbox holds
//! threads of one to four messages (you and a contact taking turns, each with a body of
//! about a kilobyte), and one message in eight from a mailing list or a robot. The same
//! seed gives the same bytes.

use chrono::{Duration, NaiveDate};
use clap::Parser;
use jejaring::model::Network;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(Parser)]
#[command(about = "Write calendar and mail exports for the import history benchmark")]
struct Args {
    /// The network whose contacts the exports talk with
    #[arg(long)]
    network: PathBuf,
    #[arg(long)]
    calendar: Option<PathBuf>,
    #[arg(long, default_value_t = 2_000)]
    events: usize,
    #[arg(long)]
    mbox: Option<PathBuf>,
    #[arg(long, default_value_t = 50_000)]
    messages: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The pretend "now" (give the same to jejaring as JEJARING_NOW)
    #[arg(long, default_value = "2026-11-28")]
    now: NaiveDate,
}

/// SplitMix64, as in gen_network: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const ME: &str = "ayu.lestari@example.com";
const TOPICS: [&str; 8] = [
    "Coffee next week?",
    "Intro: fintech founders",
    "Deck for the partner meeting",
    "Follow-up from the meetup",
    "Quick question about hiring",
    "Thanks for yesterday",
    "Proposal draft",
    "Catch-up",
];
const WORDS: [&str; 12] = [
    "jakarta",
    "meeting",
    "proposal",
    "budget",
    "quarter",
    "team",
    "launch",
    "partner",
    "ide",
    "besok",
    "rapat",
    "terima kasih",
];

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let net: Network =
        serde_json::from_reader(std::io::BufReader::new(File::open(&args.network)?)).map_err(std::io::Error::other)?;
    let people: Vec<(String, String)> =
        net.contacts.iter().filter_map(|c| c.emails.first().map(|e| (c.name.clone(), e.clone()))).collect();
    assert!(!people.is_empty(), "the network has no contact with an email");
    let mut rng = Rng(args.seed);
    let start = args.now - Duration::days(365);
    if let Some(path) = &args.calendar {
        calendar(&mut BufWriter::new(File::create(path)?), &mut rng, &people, start, args.events)?;
    }
    if let Some(path) = &args.mbox {
        mbox(&mut BufWriter::new(File::create(path)?), &mut rng, &people, start, args.messages)?;
    }
    Ok(())
}

fn calendar(
    out: &mut impl Write,
    rng: &mut Rng,
    people: &[(String, String)],
    start: NaiveDate,
    events: usize,
) -> std::io::Result<()> {
    write!(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jejaring bench//EN\r\nX-WR-CALNAME:{ME}\r\n")?;
    for n in 0..events {
        let day = start + Duration::days(rng.below(365) as i64);
        let hour = 1 + rng.below(10);
        let d = day.format("%Y%m%d");
        write!(out, "BEGIN:VEVENT\r\nUID:bench-{n}@example.com\r\nDTSTAMP:20261101T000000Z\r\n")?;
        write!(out, "DTSTART:{d}T{hour:02}0000Z\r\nDTEND:{d}T{:02}0000Z\r\n", hour + 1)?;
        if n % 50 == 0 {
            write!(
                out,
                "RRULE:FREQ=WEEKLY\r\nEXDATE:{}T{hour:02}0000Z\r\n",
                (day + Duration::days(14)).format("%Y%m%d")
            )?;
        }
        if n % 97 == 0 {
            write!(out, "STATUS:CANCELLED\r\n")?;
        }
        let (org_name, org) = &people[rng.below(people.len())];
        let by_me = rng.below(2) == 0;
        if by_me {
            write!(out, "ORGANIZER;CN=Ayu Lestari:mailto:{ME}\r\n")?;
        } else {
            write!(out, "ORGANIZER;CN={org_name}:mailto:{org}\r\n")?;
        }
        let mine = if n % 41 == 0 { "DECLINED" } else { "ACCEPTED" };
        write!(out, "ATTENDEE;CN=Ayu Lestari;PARTSTAT={mine}:mailto:{ME}\r\n")?;
        for _ in 0..1 + rng.below(4) {
            let (name, email) = &people[rng.below(people.len())];
            write!(out, "ATTENDEE;CN={name};PARTSTAT=ACCEPTED:mailto:{email}\r\n")?;
        }
        write!(out, "SUMMARY:{}\r\nDESCRIPTION:Agenda and notes\\, never stored.\r\nEND:VEVENT\r\n", TOPICS[n % 8])?;
    }
    write!(out, "END:VCALENDAR\r\n")?;
    out.flush()
}

fn body(rng: &mut Rng, out: &mut impl Write) -> std::io::Result<()> {
    for line in 0..14 {
        let words: Vec<&str> = (0..10).map(|_| WORDS[rng.below(WORDS.len())]).collect();
        writeln!(out, "{}{}", if line == 0 { "Hi, " } else { "" }, words.join(" "))?;
    }
    Ok(())
}

fn mbox(
    out: &mut impl Write,
    rng: &mut Rng,
    people: &[(String, String)],
    start: NaiveDate,
    messages: usize,
) -> std::io::Result<()> {
    let mut written = 0;
    let mut thread = 0;
    while written < messages {
        thread += 1;
        let day = start + Duration::days(rng.below(365) as i64);
        let date = day.format("%a, %d %b %Y");
        if thread % 8 == 0 {
            let (from, list) = if thread % 16 == 0 {
                ("GitHub <noreply@github.example>", "")
            } else {
                ("Fintech ID <announce@lists.example.org>", "List-Id: <fintech.lists.example.org>\n")
            };
            writeln!(out, "From {thread}@xxx {date} 08:00:00 +0000")?;
            write!(out, "Message-ID: <l{thread}@bench>\nDate: {date} 08:00:00 +0700\nFrom: {from}\nTo: {ME}\n{list}")?;
            writeln!(out, "Subject: Weekly digest {thread}\n")?;
            body(rng, out)?;
            written += 1;
            continue;
        }
        let (name, email) = &people[rng.below(people.len())];
        let they_first = rng.below(2) == 0;
        let replies = rng.below(4);
        for m in 0..=replies {
            if written >= messages {
                break;
            }
            let theirs = (m % 2 == 0) == they_first;
            let (from, to) = if theirs {
                (format!("{name} <{email}>"), ME.to_string())
            } else {
                (format!("Ayu Lestari <{ME}>"), format!("{name} <{email}>"))
            };
            let hour = 8 + m;
            writeln!(out, "From {thread}.{m}@xxx {date} {hour:02}:00:00 +0000")?;
            writeln!(out, "X-Gmail-Labels: {}", if theirs { "Inbox" } else { "Sent" })?;
            writeln!(out, "Message-ID: <t{thread}.{m}@bench>")?;
            if m > 0 {
                writeln!(out, "In-Reply-To: <t{thread}.{}@bench>\nReferences: <t{thread}.0@bench>", m - 1)?;
            }
            let re = if m > 0 { "Re: " } else { "" };
            writeln!(
                out,
                "Date: {date} {hour:02}:00:00 +0700\nFrom: {from}\nTo: {to}\nSubject: {re}{}\n",
                TOPICS[thread % 8]
            )?;
            body(rng, out)?;
            written += 1;
        }
    }
    out.flush()
}
