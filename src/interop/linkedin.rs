//! LinkedIn's `Connections.csv` (from "Get a copy of your data"): first and last name,
//! profile URL, email (only when the person allows it), company, position and the day
//! you connected, which becomes the day you met.
//!
//! Real exports start with a few lines of notes before the header, so the reader looks
//! for the header line rather than assuming it comes first.

use super::record::Draft;
use super::{At, FormatError, Parsed, Problem, ProblemKind, SkipReason, decode};
use chrono::NaiveDate;

/// Reads a LinkedIn Connections.csv.
pub fn parse(bytes: &[u8]) -> Result<Parsed, FormatError> {
    let (text, guesses) = decode::text(bytes)?;
    let (skipped_lines, body) = find_header(&text).ok_or(FormatError::NotLinkedIn)?;
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body.as_bytes());
    let headers: Vec<String> =
        reader.headers().map_err(|_| FormatError::NotLinkedIn)?.iter().map(|h| h.trim().to_lowercase()).collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (first, last, url, email, company, position, connected) = (
        col("first name"),
        col("last name"),
        col("url").or_else(|| col("profile url")),
        col("email address"),
        col("company"),
        col("position"),
        col("connected on"),
    );
    let mut lines = super::csv::LineCounter::new(body);
    let mut parsed = Parsed::default();
    parsed.problems.extend(guesses.into_iter().map(Problem::guessed));
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = skipped_lines + lines.at(e.position());
                let kind = ProblemKind::Skipped(SkipReason::BadRow(e.to_string()));
                parsed.problems.push(Problem { at: At::Line(line), name: None, kind });
                continue;
            }
        };
        let line = skipped_lines + lines.at(row.position());
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or_default().trim();
        let mut d = Draft::new(At::Line(line));
        d.given = vec![cell(first).to_string(), cell(last).to_string()];
        d.url(cell(url));
        d.email(cell(email));
        d.line("org", |r| &mut r.org, cell(company));
        d.line("role", |r| &mut r.role, cell(position));
        let when = cell(connected);
        if !when.is_empty() {
            match connected_on(when) {
                Some(day) => d.rec.met_on = Some(day),
                None => d.bad_date("connected on", when),
            }
        }
        // A member who left LinkedIn shows as a row with a URL and no name; the
        // fallback to org or email would name them wrongly, so only their name counts.
        if d.given.iter().all(|p| p.is_empty()) {
            let kind = ProblemKind::Skipped(SkipReason::NoName);
            parsed.problems.push(Problem { at: At::Line(line), name: None, kind });
            continue;
        }
        let (rec, problems) = d.finish("");
        parsed.records.extend(rec);
        parsed.problems.extend(problems);
    }
    Ok(parsed)
}

/// The header line and everything after it, with the number of lines before it.
fn find_header(text: &str) -> Option<(usize, &str)> {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate().take(50) {
        let l = line.trim().trim_start_matches('\u{feff}').to_lowercase();
        // "Connected On" tells it from other CSVs that start with First Name (Google's).
        if l.starts_with("first name,") && l.contains("last name") && l.contains("connected on") {
            return Some((i, &text[offset..]));
        }
        offset += line.len();
    }
    None
}

/// "08 Jan 2024" (today's exports), "8-Jan-24", "1/8/24" and, from 2018's exports,
/// "1/8/18, 6:14 PM" (the time of day is not needed).
fn connected_on(s: &str) -> Option<NaiveDate> {
    let day = s.split_once(", ").filter(|(_, time)| time.contains(':')).map_or(s, |(day, _)| day).trim();
    ["%d %b %Y", "%d-%b-%y", "%d %B %Y", "%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d", "%b %d, %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(day, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &[u8] = include_bytes!("../../tests/fixtures/interop/Connections.csv");

    #[test]
    fn reads_connections_after_the_notes() {
        let p = parse(FIXTURE).unwrap();
        assert_eq!(p.records.len(), 3);
        let budi = &p.records[0];
        assert_eq!(budi.name, "Budi Santoso");
        assert_eq!(budi.linkedin.as_deref(), Some("https://www.linkedin.com/in/budisantoso"));
        assert_eq!(budi.org.as_deref(), Some("Tokopedia"));
        assert_eq!(budi.met_on.unwrap().to_string(), "2024-01-08");
        assert_eq!(budi.at, At::Line(5));
        let maria = &p.records[1];
        assert_eq!(maria.role.as_deref(), Some("Head of Partnerships, SEA"));
        assert_eq!(maria.emails, ["maria.chen@example.sg"]);
        // The deleted member is skipped; Rizky's unreadable date is left out and named.
        assert_eq!(p.problems.len(), 2);
        assert!(p.problems[0].is_skip());
        assert!(matches!(p.problems[1].kind, ProblemKind::BadDate { .. }));
        assert_eq!(p.records[2].met_on, None);
    }

    #[test]
    fn exports_from_2018_with_a_time_of_day() {
        let p = parse(include_bytes!("../../tests/fixtures/interop/Connections-2018.csv")).unwrap();
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let days: Vec<String> = p.records.iter().map(|r| r.met_on.unwrap().to_string()).collect();
        assert_eq!(days, ["2018-01-08", "2017-12-31"]);
        assert_eq!(p.records[1].at, At::Line(3));
    }

    #[test]
    fn other_files_are_refused() {
        assert_eq!(parse(b"id,amount\n1,2\n").unwrap_err(), FormatError::NotLinkedIn);
        assert_eq!(parse(b"").unwrap_err(), FormatError::NotLinkedIn);
        assert_eq!(parse(b"First Name,Last Name,E-mail 1 - Value\nA,B,a@b.c\n").unwrap_err(), FormatError::NotLinkedIn);
    }

    #[test]
    fn dates_in_old_and_new_forms() {
        assert_eq!(connected_on("08 Jan 2024").unwrap().to_string(), "2024-01-08");
        assert_eq!(connected_on("8-Jan-24").unwrap().to_string(), "2024-01-08");
        assert_eq!(connected_on("1/8/24").unwrap().to_string(), "2024-01-08");
        assert_eq!(connected_on("1/8/18, 6:14 PM").unwrap().to_string(), "2018-01-08", "LinkedIn's 2018 exports");
        assert_eq!(connected_on("12/31/18, 11:59 AM").unwrap().to_string(), "2018-12-31");
        assert_eq!(connected_on("Jan 08, 2024").unwrap().to_string(), "2024-01-08");
        assert_eq!(connected_on("yesterday"), None);
    }
}
