//! CSV in (Google Contacts and Outlook exports, read by header name, never by position)
//! and out (Google Contacts' layout, which Google and most address books import).
//!
//! Google puts several values in one cell separated by ` ::: `; Outlook spreads them
//! over columns such as `E-mail 2 Address` or `Mobile Phone`. Both are read by asking
//! each header what it holds, so a file with columns in another order, or only some
//! of them, reads the same.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return as a formula, and company names, positions and notes come from strangers. So
//! the writer puts a `'` before such a cell (OWASP's advice for CSV injection), and
//! before a cell that already starts with `'`, so that one stays readable too; the
//! reader takes exactly that one `'` off again. An export therefore reads back as the
//! text it was written from.

use super::record::{Draft, Record, one_line};
use super::{At, FormatError, Parsed, Problem, ProblemKind, SkipReason, decode};
use crate::model::Contact;
use crate::model::contact::Birthday;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What a column holds.
#[derive(Clone, Debug, PartialEq)]
enum Column {
    FullName,
    Given,
    Middle,
    Family,
    Org,
    Role,
    Email,
    /// A phone number; Google's numbered columns name their `Phone N - Label` column.
    Phone(Option<String>),
    /// Google's `Phone N - Label`: says when the number beside it is a fax.
    PhoneLabel(String),
    Fax,
    Url,
    Birthday,
    Note,
    /// Google labels / group membership (` ::: `) or Outlook categories (`;`).
    Labels,
    /// A whole address in one cell, for the address named by the key.
    AddressFormatted(String),
    /// One part of the address named by the key (street, city…), in column order.
    AddressPart(String),
    Ignored,
}

/// Outlook's headers in other languages, as their English originals. Outlook writes
/// its CSV export with the headers of its own language (and with `;` where the comma is
/// the decimal mark); German is the most common after English.
fn english(h: &str) -> Option<&'static str> {
    Some(match h {
        "vorname" | "prénom" | "voornaam" | "nombre" => "first name",
        "weitere vornamen" | "deuxième prénom" | "tweede voornaam" | "segundo nombre" => "middle name",
        "nachname" | "nom" | "achternaam" | "apellidos" => "last name",
        "firma" | "société" | "bedrijf" | "organización" | "compañía" => "company",
        "position" | "fonction" | "functie" | "puesto" => "job title",
        "geburtstag" | "anniversaire" | "verjaardag" | "cumpleaños" => "birthday",
        "notizen" | "notes" | "notities" | "notas" => "notes",
        "kategorien" | "catégories" | "categorieën" | "categorías" => "categories",
        "webseite" | "page web" | "webpagina" | "página web" => "web page",
        _ => return None,
    })
}

/// The English address-column prefix for Outlook's German `… geschäftlich` / `… privat`
/// / `… weitere` columns, and the part.
fn german_address(h: &str) -> Option<(&'static str, &'static str)> {
    let (part, place) = h.rsplit_once(' ')?;
    let key = match place {
        "geschäftlich" => "business",
        "privat" => "home",
        "weitere" | "andere" => "other",
        _ => return None,
    };
    let part = match part {
        p if p.starts_with("straße") || p.starts_with("strasse") => "street",
        "ort" => "city",
        "bundesland/kanton" | "region" | "bundesland" => "state",
        "postleitzahl" => "postal code",
        "land/region" | "land" => "country",
        "postfach" => "po box",
        "adresse" => "address",
        _ => return None,
    };
    Some((key, part))
}

fn classify(header: &str, has_job_title: bool) -> Column {
    let lower = header.trim().to_lowercase();
    let h = english(&lower).unwrap_or(&lower);
    let value_col = !(h.ends_with("label")
        || h.ends_with("type")
        || h.ends_with("typ")
        || h.contains("display name")
        || h.contains("angezeigter name"));
    match h {
        "name" | "full name" | "display name" => return Column::FullName,
        "first name" | "given name" => return Column::Given,
        "middle name" | "additional name" => return Column::Middle,
        "last name" | "family name" | "surname" => return Column::Family,
        "organization name" | "organization 1 - name" | "company" | "organization" | "organisation" => {
            return Column::Org;
        }
        "organization title" | "organization 1 - title" | "job title" | "position" => return Column::Role,
        // Outlook's "Title" is Mr./Ms.; elsewhere a lone "Title" is the job title.
        "title" if !has_job_title => return Column::Role,
        "birthday" => return Column::Birthday,
        "notes" | "note" => return Column::Note,
        "labels" | "group membership" | "categories" => return Column::Labels,
        "web page" | "personal web page" | "website" | "url" => return Column::Url,
        _ => {}
    }
    // Google: "Phone 1 - Label" says "Work Fax" for a fax.
    if let Some(key) = h.strip_suffix(" - label")
        && key.starts_with("phone")
    {
        return Column::PhoneLabel(key.to_string());
    }
    if !value_col {
        return Column::Ignored;
    }
    if h.contains("e-mail") || h.starts_with("email") {
        return Column::Email;
    }
    if h.contains("fax") {
        return Column::Fax;
    }
    if h.contains("phone") || h.starts_with("mobile") || h.contains("telefon") {
        let key = h.strip_suffix(" - value").filter(|k| k.starts_with("phone"));
        return Column::Phone(key.map(str::to_string));
    }
    if h.starts_with("website") {
        return Column::Url;
    }
    // Google: "Address 1 - Formatted", "Address 1 - Street"…; Outlook: "Business Street",
    // "Home City", "Other Postal Code"…, and the whole address in "Home Address".
    if let Some((key, part)) = h.split_once(" - ")
        && key.starts_with("address")
    {
        return match part {
            "formatted" => Column::AddressFormatted(key.to_string()),
            "street" | "extended address" | "city" | "region" | "postal code" | "country" | "po box" => {
                Column::AddressPart(key.to_string())
            }
            _ => Column::Ignored,
        };
    }
    let (prefix, part) = match german_address(h) {
        Some((key, part)) => (key, part),
        None => match ["business ", "home ", "other "].iter().find_map(|p| h.strip_prefix(p).map(|rest| (*p, rest))) {
            Some((p, rest)) => (p.trim(), rest),
            None => return Column::Ignored,
        },
    };
    if part == "address" {
        return Column::AddressFormatted(prefix.to_string());
    }
    if part.starts_with("street")
        || ["city", "state", "postal code", "country/region", "country", "po box"].contains(&part)
    {
        return Column::AddressPart(prefix.to_string());
    }
    Column::Ignored
}

/// The separator: a comma unless the header line has more semicolons or tabs (Outlook
/// in some locales writes semicolons).
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let count = |c: char| first.matches(c).count();
    [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .max_by_key(|&(d, n)| (n, d == b','))
        .map_or(b',', |(d, _)| d)
}

/// Reads a Google or Outlook contacts CSV.
pub fn parse(bytes: &[u8]) -> Result<Parsed, FormatError> {
    let (text, guesses) = decode::text(bytes)?;
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(_) => return Err(FormatError::NotContactsCsv),
    };
    let has_job_title = headers.iter().any(|h| h.trim().eq_ignore_ascii_case("job title"));
    let columns: Vec<Column> = headers.iter().map(|h| classify(h, has_job_title)).collect();
    let names_someone =
        |c: &Column| matches!(c, Column::FullName | Column::Given | Column::Family | Column::Org | Column::Email);
    if !columns.iter().any(names_someone) {
        return Err(FormatError::NotContactsCsv);
    }
    let mut parsed = Parsed::default();
    parsed.problems.extend(guesses.into_iter().map(Problem::guessed));
    let unclosed = unclosed_quote(&text, delimiter);
    let mut lines = LineCounter::new(&text);
    let mut rows = reader.records().peekable();
    while let Some(row) = rows.next() {
        match row {
            Ok(row) => {
                let line = lines.at(row.position());
                if let Some(opened) = unclosed
                    && rows.peek().is_none()
                {
                    let kind = ProblemKind::Skipped(SkipReason::Unclosed);
                    parsed.problems.push(Problem { at: At::Line(opened.max(line)), name: None, kind });
                    continue;
                }
                let (rec, problems) = read_row(&columns, &row, At::Line(line));
                parsed.records.extend(rec);
                parsed.problems.extend(problems);
            }
            Err(e) => {
                let line = lines.at(e.position());
                let reason = SkipReason::BadRow(e.to_string());
                parsed.problems.push(Problem { at: At::Line(line), name: None, kind: ProblemKind::Skipped(reason) });
            }
        }
    }
    Ok(parsed)
}

/// The 1-based line a record starts on, counted from the record's byte offset (the
/// CSV reader's own line count is one short for CRLF files). Records come in order,
/// so each count starts where the last one stopped and the whole file is counted once.
pub struct LineCounter<'a> {
    text: &'a str,
    byte: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter { text, byte: 0, line: 1 }
    }

    pub fn at(&mut self, position: Option<&csv::Position>) -> usize {
        let Some(byte) = position.map(|p| p.byte() as usize) else { return self.line };
        // A record after a CRLF starts at the LF, by the reader's count; its line is the next.
        let bytes = self.text.as_bytes();
        let mut byte = byte.min(bytes.len());
        while byte < bytes.len() && matches!(bytes[byte], b'\r' | b'\n') {
            byte += 1;
        }
        if byte >= self.byte {
            self.line += bytes[self.byte..byte].iter().filter(|b| **b == b'\n').count();
            self.byte = byte;
        }
        self.line
    }
}

/// The line of a quote that opens a CSV cell and never closes, if there is one: the
/// reader would take the rest of the file as that one cell. A quote counts only at the
/// start of a cell, as the reader counts it; `""` inside a quoted cell is a quote.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let (mut line, mut opened_on) = (1, 0);
    let (mut quoted, mut at_start) = (false, true);
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if b == b'\n' {
            line += 1;
        }
        if quoted {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        if b == b'"' && at_start {
            quoted = true;
            opened_on = line;
        }
        at_start = b == delimiter || b == b'\n' || b == b'\r';
    }
    quoted.then_some(opened_on)
}

fn read_row(columns: &[Column], row: &csv::StringRecord, at: At) -> (Option<Record>, Vec<Problem>) {
    let mut d = Draft::new(at);
    let mut full = String::new();
    let (mut given, mut middle, mut family) = (String::new(), String::new(), String::new());
    let mut formatted: BTreeMap<&str, String> = BTreeMap::new();
    let mut parts: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    // Google's numbered phone columns whose label says fax.
    let faxes: Vec<&str> = columns
        .iter()
        .zip(row.iter())
        .filter_map(|(col, cell)| match col {
            Column::PhoneLabel(key) if cell.to_lowercase().contains("fax") => Some(key.as_str()),
            _ => None,
        })
        .collect();
    for (col, cell) in columns.iter().zip(row.iter()) {
        let cell = unneutralise(cell.trim());
        if cell.is_empty() {
            continue;
        }
        let many = || cell.split(" ::: ").map(str::trim);
        match col {
            Column::FullName => full = cell.to_string(),
            Column::Given => given = cell.to_string(),
            Column::Middle => middle = cell.to_string(),
            Column::Family => family = cell.to_string(),
            Column::Org => d.line("org", |r| &mut r.org, cell),
            Column::Role => d.line("role", |r| &mut r.role, cell),
            Column::Email => many().for_each(|v| d.email(v)),
            Column::Phone(Some(key)) if faxes.contains(&key.as_str()) => many().for_each(|v| d.fax(v)),
            Column::Phone(_) => many().for_each(|v| d.phone(v)),
            Column::Fax => many().for_each(|v| d.fax(v)),
            Column::Url => many().for_each(|v| d.url(v)),
            Column::Note => d.note(cell),
            Column::Birthday => match birthday(cell) {
                Ok(b) => d.rec.birthday = d.rec.birthday.or(b),
                Err(()) => d.bad_date("birthday", cell),
            },
            Column::Labels => {
                // Google's ` ::: ` cells mark its own labels with `* `; a plain label
                // there is the user's, whatever its name (see `is_system_label`).
                let google = cell.contains(" ::: ");
                let labels: Vec<&str> = if google { many().collect() } else { cell.split([';', ',']).collect() };
                for l in labels {
                    d.label(l, google);
                }
            }
            Column::AddressFormatted(key) => {
                formatted.insert(key, cell.to_string());
            }
            Column::AddressPart(key) => parts.entry(key).or_default().push(cell),
            Column::PhoneLabel(_) | Column::Ignored => {}
        }
    }
    for (key, blocks) in &formatted {
        for block in blocks.split(" ::: ") {
            d.address(&[block]);
        }
        parts.remove(key);
    }
    for p in parts.values() {
        d.address(p);
    }
    d.given = vec![given, middle, family];
    d.finish(&full)
}

/// A birthday as Google (`1990-05-17`, `--05-17`) or Outlook (`5/17/1990`, `0/0/00` for
/// none; `17.5.1990` in German) write it. Ok(None) means "no birthday".
fn birthday(s: &str) -> Result<Option<Birthday>, ()> {
    if let Ok(b) = s.parse::<Birthday>() {
        return Ok(Some(b));
    }
    // Outlook in German and most of Europe writes day.month.year.
    if let [d, m, y] = s.split('.').collect::<Vec<_>>()[..] {
        let (d, m, y): (u32, u32, i32) = (d.parse().map_err(drop)?, m.parse().map_err(drop)?, y.parse().map_err(drop)?);
        return Birthday::new(Some(y).filter(|y| *y > 0), m, d).map(Some).ok_or(());
    }
    let nums: Vec<&str> = s.split('/').collect();
    if let [m, d, y] = nums[..] {
        let (m, d, y): (u32, u32, i32) = (m.parse().map_err(drop)?, d.parse().map_err(drop)?, y.parse().map_err(drop)?);
        if m == 0 && d == 0 {
            return Ok(None);
        }
        let year = if y == 0 {
            None
        } else if y < 100 {
            Some(1900 + y)
        } else {
            Some(y)
        };
        return Birthday::new(year, m, d).map(Some).ok_or(());
    }
    Err(())
}

/// Whether a spreadsheet could run this cell, or it starts with the `'` that marks one.
fn needs_quote_mark(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
}

/// A cell as written to a CSV file: a `'` before a cell a spreadsheet would run.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if needs_quote_mark(cell) { Cow::Owned(format!("'{cell}")) } else { Cow::Borrowed(cell) }
}

/// A cell as read: the `'` that `neutralise` added is taken off. A `'` before anything
/// else is the cell's own text and stays.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote_mark(rest) => rest,
        _ => cell,
    }
}

/// Google Contacts' CSV columns that jejaring fills.
const GOOGLE_HEADERS: [&str; 14] = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Organization Name",
    "Organization Title",
    "Birthday",
    "Notes",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Address 1 - Formatted",
    "Website 1 - Value",
];

/// Writes contacts in Google Contacts' CSV layout; several values share one cell,
/// separated by ` ::: ` as Google writes them.
pub fn write<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(GOOGLE_HEADERS);
    for c in contacts {
        let (given, family) = split_name(&c.name);
        let join = |v: &[String]| v.join(" ::: ");
        // "* myContacts" puts the contact in Google's main list, not only in "Other contacts".
        let labels = std::iter::once("* myContacts".to_string()).chain(c.tags.iter().cloned()).collect::<Vec<_>>();
        let sites: Vec<String> = c.linkedin.iter().chain(&c.urls).cloned().collect();
        let addresses: Vec<String> = c.addresses.iter().map(|a| one_line(a)).collect();
        let cells = [
            given,
            "",
            family,
            c.org.as_deref().unwrap_or_default(),
            c.role.as_deref().unwrap_or_default(),
            &c.birthday.map(|b| b.to_string()).unwrap_or_default(),
            c.note.as_deref().unwrap_or_default(),
            &join(&labels),
            "",
            &join(&c.emails),
            "",
            &join(&c.phones),
            &addresses.join(" ::: "),
            &join(&sites),
        ];
        let _ = w.write_record(cells.iter().map(|c| neutralise(c).into_owned()));
    }
    w.into_inner().unwrap_or_default()
}

/// First and last name for Google's columns: the last word is the last name. A name
/// that would not read back the same from two parts joined by one space (a run of
/// spaces before the last word) goes whole into the first name.
fn split_name(name: &str) -> (&str, &str) {
    match name.rsplit_once(' ') {
        Some((given, family)) if !given.is_empty() && !given.ends_with(char::is_whitespace) && !family.is_empty() => {
            (given, family)
        }
        _ => (name, ""),
    }
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
