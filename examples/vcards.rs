//! Writes N made-up contacts as one vCard 3.0 file on stdout, for the import benchmark:
//! `cargo run --release --example vcards -- 10000 > /tmp/10k.vcf`.

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
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let contacts: Vec<Contact> = (0..n)
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
        .collect();
    print!("{}", vcard::write(&contacts, vcard::Version::V3));
}
