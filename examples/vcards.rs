//! Writes N made-up contacts as one vCard 3.0 file on stdout, for the import benchmark:
//! `cargo run --release --example vcards -- 10000 > /tmp/10k.vcf`.
//!
//! Two adversarial files, for the import's worst cases (BENCHMARK.md):
//! `vcards --phones N` writes one card with N different TEL lines, and
//! `vcards --emails-csv N` a Google-style CSV whose one row has N email columns.

use chrono::{TimeZone, Utc};
use jejaring::interop::vcard;
use jejaring::model::Contact;
use uuid::Uuid;

const GIVEN: [&str; 12] =
    ["Budi", "Siti", "Ayu", "Dimas", "Putri", "Éka", "Made", "Maria", "Jürgen", "Aisha", "Kenji", "Priya"];
const FAMILY: [&str; 10] =
    ["Santoso", "Rahma", "Lestari", "Pratama", "Wijaya", "Arsana", "Chen", "Okafor", "Tanaka", "Sharma"];
const ORGS: [&str; 6] = ["Tokopedia", "Gojek", "Bank Mandiri", "Telkom Indonesia", "Grab", "Freelance"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = |i: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    match args.first().map(String::as_str) {
        Some("--phones") => {
            let mut out = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Budi Santoso\r\n");
            for i in 0..count(1) {
                out.push_str(&format!("TEL;TYPE=CELL:+62 812 {:04} {:04}\r\n", i / 10_000, i % 10_000));
            }
            out.push_str("END:VCARD\r\n");
            print!("{out}");
        }
        Some("--emails-csv") => {
            let n = count(1);
            let header: Vec<String> = (1..=n).map(|i| format!("E-mail {i} - Value")).collect();
            let row: Vec<String> = (1..=n).map(|i| format!("budi{i}@example.com")).collect();
            print!("First Name,{}\r\nBudi,{}\r\n", header.join(","), row.join(","));
        }
        _ => print!("{}", vcard::write(&contacts(count(0)), vcard::Version::V3)),
    }
}

fn contacts(n: usize) -> Vec<Contact> {
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    (0..n)
        .map(|i| {
            let name = format!("{} {} {i}", GIVEN[i % GIVEN.len()], FAMILY[(i / 7) % FAMILY.len()]);
            let mut c = Contact::new(Uuid::from_u128(i as u128 + 1), format!("h{i}"), name, now);
            c.org = Some(ORGS[i % ORGS.len()].to_string());
            c.role = Some("Engineer".into());
            c.emails = vec![format!("person{i}@example.com")];
            c.phones = vec![format!("+62 812 {:04} {:04}", i % 10_000, (i * 7919) % 10_000)];
            c.addresses = vec![format!("Jl. Merdeka {i}, Jakarta, 10110, Indonesia")];
            c.tags = vec!["work".into(), "meetup".into()];
            c.note = Some(format!("Met at meetup {i}, talked about jobs.\nFollow up."));
            c
        })
        .collect()
}
