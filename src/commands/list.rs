//! `jejaring list`: the network as a table (or JSON), filtered and sorted.

use super::filter::ContactFilter;
use crate::app::App;
use crate::coach::cadence;
use crate::coach::index::Index;
use crate::i18n::Lang;
use crate::model::listed::Listed;
use crate::model::text::{self, Folded};
use crate::model::{Circle, Contact, Stage};
use crate::store::Listing;
use crate::ui::Grid;
use crate::views::words;
use crate::{t, tn};
use chrono::{DateTime, NaiveDate, Utc};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::cmp::Ordering;

/// List contacts
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filter: ContactFilter,
    /// Only contacts past their keep-in-touch rhythm, most overdue first
    #[arg(long)]
    pub due: bool,
    /// Only contacts snoozed today, with the day the snooze ends
    #[arg(long)]
    pub snoozed: bool,
    /// Sort order [default: name; with --due, most overdue first]
    #[arg(long, value_enum)]
    pub sort: Option<Sort>,
    /// Show at most N contacts
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output: a table, or `mutt` lines (email<TAB>name<TAB>org) for a mail client's
    /// address lookup: `set query_command = "jejaring list --format mutt --search %s"`
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Mutt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// By name
    Name,
    /// Most recently talked to first
    Recent,
    /// Most recently added first
    Added,
    /// Coldest relationships first (see `jejaring show` for the reasons)
    Warmth,
}

/// A row that passes the filters: its place among the rows read, the day you last
/// talked, when the contact was added, and what the sort or filter computed (days overdue
/// with --due, warmth with --sort warmth).
struct Kept {
    n: usize,
    last_contact: Option<NaiveDate>,
    added: DateTime<Utc>,
    overdue_days: Option<i64>,
    warmth: Option<u8>,
}

/// One row of `list --json`: the contact whole, and what the row adds.
#[derive(Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    contact: &'a Contact,
    last_contact: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    overdue_days: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warmth: Option<u8>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let sort = args.sort.unwrap_or(if args.due { Sort::Recent } else { Sort::Name });
    let records = app.ui.json || args.format == Format::Mutt;
    let on = On { lang: app.ui.lang, today: app.clock.today, table: !records };
    // Warmth weighs everything known about a person.
    if sort == Sort::Warmth {
        let store = app.open_read()?;
        let net = &store.net;
        let (last_contacted, index) = (net.last_contacted(), Index::new(net));
        let last = net.contacts.iter().map(|c| last_contacted.get(&c.id).copied());
        let rows = Gathered::new(on, &args, sort, net.contacts.len(), Some(&index)).of_whole(&net.contacts, last);
        return show(app, &args, sort, vec![rows], &net.contacts, net.contacts.len());
    }
    // Records, tags and text need the contacts whole; every other listing needs only
    // their rows, which are gathered as they are read.
    let needle = args.filter.search.as_deref().map(text::Needle::new);
    let listing = match &needle {
        Some(needle) => Listing::Mentioning(needle),
        None if records || !args.filter.tag.is_empty() => Listing::Whole,
        None => {
            let runs = app.open_rows(
                |room| Gathered::new(on, &args, sort, room, None),
                |rows, listed, last| rows.row(listed, None, last),
            )?;
            let total = runs.iter().map(|run| run.read).sum();
            return show(app, &args, sort, runs, &[], total);
        }
    };
    app.open_roster(listing, |roster| {
        let rows = Gathered::new(on, &args, sort, roster.whole.len(), None)
            .of_whole(roster.whole, roster.last.iter().copied());
        show(app, &args, sort, vec![rows], roster.whole, roster.total)
    })
}

/// What gathering needs of the app: the language, today, and whether a table is shown
/// (or records).
#[derive(Clone, Copy)]
struct On {
    lang: Lang,
    today: NaiveDate,
    table: bool,
}

/// The rows that pass the filters, gathered one at a time as they are read: what each
/// is sorted by and, for a table, its cells. Nothing else of a row is kept.
struct Gathered<'x> {
    args: &'x Args,
    sort: Sort,
    today: NaiveDate,
    /// Tags and search text, looked for in a contact read whole.
    keep: Box<dyn Fn(&Contact) -> bool + Send + Sync + 'x>,
    /// What weighs warmth, with --sort warmth.
    index: Option<&'x Index<'x>>,
    /// How many rows were read.
    read: usize,
    kept: Vec<Kept>,
    /// The kept rows' names, folded, when they are sorted by name.
    names: Option<Folded>,
    /// A row of cells for each kept row, when a table is shown.
    cells: Option<Cells>,
}

impl<'x> Gathered<'x> {
    /// None gathered yet, with room for `room` rows.
    fn new(on: On, args: &'x Args, sort: Sort, room: usize, index: Option<&'x Index<'x>>) -> Gathered<'x> {
        let On { lang, today, table } = on;
        let columns = header(lang, args, sort).len();
        Gathered {
            args,
            sort,
            today,
            keep: Box::new(args.filter.matcher()),
            index,
            read: 0,
            kept: Vec::with_capacity(room),
            names: (sort == Sort::Name).then(|| Folded::with_capacity(room)),
            cells: table.then(|| Cells::new(lang, columns, room)),
        }
    }

    /// These gathered from contacts read whole, each with the day of the last talk.
    fn of_whole(mut self, contacts: &[Contact], last: impl Iterator<Item = Option<NaiveDate>>) -> Gathered<'x> {
        for (c, last) in contacts.iter().zip(last) {
            self.row(&c.listed(), Some(c), last);
        }
        self
    }

    /// Gathers the next row read (and its contact, when read whole), if it passes the
    /// filters.
    fn row(&mut self, listed: &Listed, whole: Option<&Contact>, last_contact: Option<NaiveDate>) {
        let (n, today) = (self.read, self.today);
        self.read += 1;
        let kept = match whole {
            Some(c) => (self.keep)(c),
            None => self.args.filter.keeps(listed),
        };
        let overdue_days = self.args.due.then(|| cadence::overdue_days(listed, last_contact, today));
        let due = overdue_days.is_none_or(|d| d > 0 && !listed.snoozed(today));
        if !kept || !due || (self.args.snoozed && !listed.snoozed(today)) {
            return;
        }
        let warmth = self.index.zip(whole).map(|(index, c)| index.warmth(c, today).score);
        if let Some(names) = &mut self.names {
            names.push(listed.name);
        }
        if let Some(cells) = &mut self.cells {
            cells.row(listed, last_contact, overdue_days, warmth, self.args.snoozed, today);
        }
        self.kept.push(Kept { n, last_contact, added: listed.added, overdue_days, warmth });
    }

    /// The kept rows' order (places among them), cut at the limit.
    fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = match &self.names {
            // The order `cmp` gives, faster.
            Some(names) => by_name(names),
            None => {
                let mut order: Vec<usize> = (0..self.kept.len()).collect();
                order.sort_by(|&a, &b| self.cmp(a, self, b));
                order
            }
        };
        order.truncate(self.args.limit.unwrap_or(usize::MAX));
        order
    }

    /// How kept row `a` compares with kept row `b` of `other` (gathered alike) in the
    /// order they are shown in; rows that tie are shown in file order.
    fn cmp(&self, a: usize, other: &Gathered, b: usize) -> Ordering {
        let (x, y) = (&self.kept[a], &other.kept[b]);
        match self.sort {
            _ if self.args.due && self.args.sort.is_none() => y.overdue_days.cmp(&x.overdue_days),
            Sort::Warmth => x.warmth.cmp(&y.warmth),
            Sort::Name => match (&self.names, &other.names) {
                (Some(these), Some(those)) => these.get(a).cmp(those.get(b)),
                _ => Ordering::Equal,
            },
            Sort::Recent => y.last_contact.cmp(&x.last_contact),
            Sort::Added => y.added.cmp(&x.added),
        }
    }
}

/// The order the kept rows of `runs` (runs of rows read one after another) are shown
/// in, as places among them all, run after run; cut at the limit. Each run is sorted on
/// a thread of its own, then they are merged, the earlier run first where rows tie.
fn in_order(runs: &[Gathered]) -> Vec<usize> {
    let orders: Vec<Vec<usize>> = std::thread::scope(|s| {
        let later: Vec<_> = runs.iter().skip(1).map(|run| s.spawn(|| run.order())).collect();
        let first = runs.first().map(Gathered::order);
        let joined = later.into_iter().map(|t| t.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        first.into_iter().chain(joined).collect()
    });
    let mut merged: Vec<usize> = Vec::new();
    // Where each run's rows start among them all.
    let mut starts: Vec<(usize, &Gathered)> = Vec::with_capacity(runs.len());
    let mut start = 0;
    for (order, run) in orders.into_iter().zip(runs) {
        let earlier = std::mem::take(&mut merged);
        merged.reserve(earlier.len() + order.len());
        let mut earlier = earlier.into_iter().peekable();
        let mut later = order.into_iter().peekable();
        while let (Some(&a), Some(&b)) = (earlier.peek(), later.peek()) {
            let Some(&(from, was)) = starts.iter().rev().find(|(from, _)| a >= *from) else { break };
            if run.cmp(b, was, a - from) == Ordering::Less {
                merged.push(start + b);
                later.next();
            } else {
                merged.push(a);
                earlier.next();
            }
        }
        merged.extend(earlier);
        merged.extend(later.map(|b| start + b));
        starts.push((start, run));
        start += run.kept.len();
    }
    merged.truncate(runs.first().and_then(|run| run.args.limit).unwrap_or(usize::MAX));
    merged
}

/// Shows the rows gathered in `runs` (runs of rows read one after another, sorted by
/// `sort`) in their order: `whole` is every contact read whole, where the rows were read
/// whole, and `total` how many the network has.
fn show(
    app: &App,
    args: &Args,
    sort: Sort,
    runs: Vec<Gathered>,
    whole: &[Contact],
    total: usize,
) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let order = in_order(&runs);
    if app.ui.json || args.format == Format::Mutt {
        // Records: the rows were read whole (`Listing::Whole`, `Listing::Mentioning`, or
        // the network for warmth). Each kept row, with its place among all rows read.
        let mut read = 0;
        let kept: Vec<(usize, &Kept)> = runs
            .iter()
            .flat_map(|run| {
                let before = read;
                read += run.read;
                run.kept.iter().map(move |k| (before + k.n, k))
            })
            .collect();
        let shown = order.iter().filter_map(|&k| Some((kept[k].1, whole.get(kept[k].0)?)));
        if app.ui.json {
            let json = |(r, contact): (&Kept, _)| JsonRow {
                contact,
                last_contact: r.last_contact,
                overdue_days: r.overdue_days,
                warmth: r.warmth,
            };
            app.ui.json_value(&shown.map(json).collect::<Vec<_>>())?;
            return Ok(());
        }
        return mutt(app, shown.map(|(_, c)| c));
    }
    if order.is_empty() {
        if total == 0 {
            app.ui.info(t!(
                lang,
                "No contacts yet. Start with the people you have: `jejaring add-contact \"Name\" --circle friend`",
                "Belum ada kontak. Mulailah dari orang yang sudah Anda kenal: `jejaring add-contact \"Nama\" --circle friend`"
            ));
        } else {
            app.ui.info(t!(
                lang,
                "No contact matches these filters.",
                "Tidak ada kontak yang cocok dengan filter ini."
            ));
        }
        return Ok(());
    }
    let header = header(lang, args, sort);
    // The runs' cells as one grid, row after row as the order counts them.
    let mut grids = runs.into_iter().filter_map(|run| run.cells.map(|cells| cells.grid));
    let Some(mut grid) = grids.next() else { return Ok(()) };
    grids.for_each(|more| grid.join(more));
    app.ui.table_lines(header, &grid, &order)?;
    let shown = order.len();
    app.ui.info(tn!(
        lang,
        total,
        "{shown} of {total} contact",
        "{shown} of {total} contacts",
        "{shown} dari {total} kontak"
    ));
    Ok(())
}

/// The table's header: a column for each cell `Cells::row` makes.
fn header(lang: Lang, args: &Args, sort: Sort) -> Vec<String> {
    let mut header: Vec<String> = match lang {
        Lang::En => ["handle", "name", "circle", "stage", "org / role", "last talked"],
        Lang::Id => ["kode", "nama", "lingkaran", "tahap", "organisasi / peran", "terakhir bicara"],
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    if args.due {
        header.push(t!(lang, "overdue", "terlambat"));
    }
    if sort == Sort::Warmth {
        header.push(t!(lang, "warmth", "kehangatan"));
    }
    if args.snoozed {
        header.push(t!(lang, "snoozed until", "ditunda sampai"));
    }
    header
}

/// A table's cells, a row at a time; each "N days ago" is made once.
struct Cells {
    lang: Lang,
    grid: Grid,
    never: String,
    days: FxHashMap<NaiveDate, String>,
}

impl Cells {
    fn new(lang: Lang, columns: usize, room: usize) -> Cells {
        Cells { lang, grid: Grid::new(columns, room), never: words::never(lang), days: FxHashMap::default() }
    }

    fn row(
        &mut self,
        c: &Listed,
        last_contact: Option<NaiveDate>,
        overdue_days: Option<i64>,
        warmth: Option<u8>,
        snoozed: bool,
        today: NaiveDate,
    ) {
        let lang = self.lang;
        let work: &[&str] = match (c.org, c.role) {
            (Some(o), Some(r)) => &[o, " / ", r],
            (Some(x), None) | (None, Some(x)) => &[x],
            (None, None) => &[],
        };
        let last: &str = match last_contact {
            Some(day) => self.days.entry(day).or_insert_with(|| words::ago(day, today, lang)),
            None => &self.never,
        };
        let grid = &mut self.grid;
        grid.cell(&[&*c.handle]);
        grid.cell(&[c.name]);
        // Labels of values this build knows, and days, are words of its own; a value a
        // newer version wrote is the file's text.
        match c.circle {
            Circle::Unknown(_) => grid.cell(&[c.circle.label(lang)]),
            _ => grid.own_cell(c.circle.label(lang)),
        }
        match c.stage {
            Stage::Unknown(_) => grid.cell(&[c.stage.label(lang)]),
            _ => grid.own_cell(c.stage.label(lang)),
        }
        grid.cell(work);
        grid.own_cell(last);
        if let Some(days) = overdue_days {
            grid.own_cell(&tn!(lang, days, "{days} day", "{days} days", "{days} hari"));
        }
        if let Some(w) = warmth {
            grid.own_cell(&w.to_string());
        }
        if snoozed {
            grid.own_cell(&c.snoozed_until.map(|d| d.to_string()).unwrap_or_default());
        }
    }
}

/// The order of `names` (folded), ties in their order. Sorting small keys (the first
/// sixteen bytes as a number, and the place) settles most comparisons without the names.
fn by_name(names: &Folded) -> Vec<usize> {
    let mut order: Vec<(u128, usize)> = names
        .iter()
        .enumerate()
        .map(|(n, name)| {
            let mut head = [0u8; 16];
            let len = name.len().min(16);
            head[..len].copy_from_slice(&name.as_bytes()[..len]);
            (u128::from_be_bytes(head), n)
        })
        .collect();
    order.sort_unstable();
    for tied in order.chunk_by_mut(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        tied.sort_unstable_by(|a, b| names.get(a.1).cmp(names.get(b.1)).then(a.1.cmp(&b.1)));
    }
    order.into_iter().map(|(_, n)| n).collect()
}

/// mutt's query format: one status line (mutt shows it, then skips it), then one line
/// per email address.
fn mutt<'a>(app: &App, contacts: impl Iterator<Item = &'a Contact> + Clone) -> anyhow::Result<()> {
    let found = contacts.clone().map(|c| c.emails.len()).sum::<usize>();
    app.ui.line(t!(app.ui.lang, "jejaring: {found} addresses", "jejaring: {found} alamat"))?;
    for c in contacts {
        for email in &c.emails {
            app.ui.line(format!("{email}\t{}\t{}", c.name, c.org.as_deref().unwrap_or_default()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Network;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: Args,
    }

    /// The rows kept from the network's contacts, gathered in runs that start at
    /// `splits`.
    fn gathered<'x>(args: &'x Args, net: &Network, splits: &[usize], today: NaiveDate) -> Vec<Gathered<'x>> {
        let contacts = &net.contacts;
        let sort = args.sort.unwrap_or(if args.due { Sort::Recent } else { Sort::Name });
        let on = On { lang: Lang::En, today, table: true };
        let mut bounds = vec![0];
        bounds.extend(splits);
        bounds.push(contacts.len());
        let lasts = net.last_contacted();
        let last = |c: &Contact| lasts.get(&c.id).copied();
        bounds
            .windows(2)
            .map(|run| {
                let mut rows = Gathered::new(on, args, sort, run[1] - run[0], None);
                for c in &contacts[run[0]..run[1]] {
                    rows.row(&c.listed(), None, last(c));
                }
                rows
            })
            .collect()
    }

    #[test]
    fn the_words_a_table_writes_as_its_own_are_printable_ascii() {
        // What `Grid::own_cell` takes without a check.
        let printable = |s: &str| s.bytes().all(|b| (b' '..=b'~').contains(&b));
        for lang in [Lang::En, Lang::Id] {
            let labels = Circle::ALL.iter().map(|c| c.label(lang)).chain(Stage::ALL.iter().map(|s| s.label(lang)));
            for label in labels {
                assert!(printable(label), "{label:?}");
            }
            for n in -400..400 {
                assert!(printable(&crate::i18n::days_ago(n, lang)), "{n}");
            }
            assert!(printable(&words::never(lang)));
        }
    }

    #[test]
    fn runs_sorted_apart_and_merged_are_in_the_order_of_one_run() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut net = crate::demo::network(today).unwrap();
        // Namesakes, so ties are broken by file order across runs too.
        for n in [1, 4] {
            let mut twin = net.contacts[n].clone();
            twin.id = uuid::Uuid::now_v7();
            net.contacts.push(twin);
        }
        let sorts: [&[&str]; 7] = [
            &[],
            &["--sort", "recent"],
            &["--sort", "added"],
            &["--due"],
            &["--due", "--sort", "name"],
            &["--sort", "added", "--limit", "3"],
            &["--circle", "friend", "--sort", "name"],
        ];
        for sort in sorts {
            let args = Cli::parse_from(std::iter::once("list").chain(sort.iter().copied())).args;
            let one = in_order(&gathered(&args, &net, &[], today));
            assert!(one.len() > 1, "{sort:?}");
            for split in 0..=net.contacts.len() {
                for splits in [vec![split], vec![split / 2, split]] {
                    let runs = gathered(&args, &net, &splits, today);
                    assert_eq!(in_order(&runs), one, "{sort:?} in runs from {splits:?}");
                }
            }
        }
    }
}
