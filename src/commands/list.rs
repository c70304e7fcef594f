//! `jejaring list`: the network as a table (or JSON), filtered and sorted.

use super::filter::ContactFilter;
use crate::app::App;
use crate::coach::cadence;
use crate::coach::index::Index;
use crate::i18n::Lang;
use crate::model::listed::Listed;
use crate::model::text::{self, Folded};
use crate::model::{Contact, Network};
use crate::store::{Listing, Roster};
use crate::ui::Grid;
use crate::views::words;
use crate::{t, tn};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

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

/// One row: the contact as a row sees them (and whole, when read whole), the day you
/// last talked, and what the sort or filter computed (days overdue with --due, warmth
/// with --sort warmth).
struct Row<'a> {
    listed: &'a Listed<'a>,
    whole: Option<&'a Contact>,
    last_contact: Option<NaiveDate>,
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
    // Warmth weighs everything known about a person; every other listing needs only the
    // contacts (their rows alone for a plain table) and the day of the last talk with
    // each.
    if sort == Sort::Warmth {
        let store = app.open_read()?;
        let net = &store.net;
        let last_contacted = net.last_contacted();
        let last: Vec<_> = net.contacts.iter().map(|c| last_contacted.get(&c.id).copied()).collect();
        let rows = net.contacts.iter().map(Contact::listed).collect();
        let roster = Roster { rows, whole: &net.contacts, last: &last, total: net.contacts.len() };
        return show(app, &args, sort, roster, Some(net));
    }
    let needle = args.filter.search.as_deref().map(text::Needle::new);
    let listing = match &needle {
        Some(needle) => Listing::Mentioning(needle),
        None if app.ui.json || args.format == Format::Mutt || !args.filter.tag.is_empty() => Listing::Whole,
        None => Listing::Rows,
    };
    app.open_roster(listing, |roster| show(app, &args, sort, roster, None))
}

/// Shows the roster's rows that pass the filters, in `sort`'s order; `net` is the whole
/// network when the sort is by warmth.
fn show(app: &App, args: &Args, sort: Sort, roster: Roster, net: Option<&Network>) -> anyhow::Result<()> {
    let (lang, today) = (app.ui.lang, app.clock.today);
    let keep = args.filter.matcher();
    // Rows stay in file order, where the contacts sit in memory one after another;
    // `order` is the order they are shown in. Tags and text are looked for in the whole
    // contacts, which a listing reads whenever either is asked for.
    let Roster { rows: listed, whole, last, total } = roster;
    // Room for every row: what a filter leaves unused is never touched.
    let mut rows: Vec<Row> = Vec::with_capacity(listed.len());
    rows.extend(
        listed
            .iter()
            .zip(last)
            .enumerate()
            .filter_map(|(n, (listed, &last_contact))| {
                let whole = whole.get(n);
                let kept = match whole {
                    Some(c) => keep(c),
                    None => args.filter.keeps(listed),
                };
                let overdue_days = args.due.then(|| cadence::overdue_days(listed, last_contact, today));
                kept.then_some(Row { listed, whole, last_contact, overdue_days, warmth: None })
            })
            .filter(|r| r.overdue_days.is_none_or(|d| d > 0 && !r.listed.snoozed(today)))
            .filter(|r| !args.snoozed || r.listed.snoozed(today)),
    );
    if let Some(net) = net {
        let index = Index::new(net);
        for r in &mut rows {
            r.warmth = r.whole.map(|c| index.warmth(c, today).score);
        }
    }
    let in_order = |rows: &[Row]| {
        let mut order = sorted(rows, sort, args.due && args.sort.is_none());
        order.truncate(args.limit.unwrap_or(usize::MAX));
        order
    };
    if app.ui.json || args.format == Format::Mutt {
        let order = in_order(&rows);
        // Both are made from whole contacts, which their listings (`Whole`, `Mentioning`,
        // or the network for warmth) always read.
        let whole = order.iter().filter_map(|&n| Some((&rows[n], rows[n].whole?)));
        if app.ui.json {
            let json = |(r, contact): (&Row, _)| JsonRow {
                contact,
                last_contact: r.last_contact,
                overdue_days: r.overdue_days,
                warmth: r.warmth,
            };
            app.ui.json_value(&whole.map(json).collect::<Vec<_>>())?;
            return Ok(());
        }
        return mutt(app, whole.map(|(_, c)| c));
    }
    if rows.is_empty() || args.limit == Some(0) {
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
    // Every row is shown unless there is a limit: then the cells are made on this thread
    // while the order is worked out on another.
    let columns = header.len();
    let (grid, order) = match args.limit {
        None => std::thread::scope(|s| {
            let order = s.spawn(|| in_order(&rows));
            let grid = cells(app, args, &rows, None, columns);
            (grid, order.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        }),
        Some(_) => {
            let order = in_order(&rows);
            (cells(app, args, &rows, Some(&order), columns), order)
        }
    };
    let (grid, at) = grid;
    let order: Vec<usize> = order.iter().map(|&n| at[n]).collect();
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

/// The order the rows are shown in.
fn sorted(rows: &[Row], sort: Sort, most_overdue_first: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    match sort {
        _ if most_overdue_first => order.sort_by_key(|&n| std::cmp::Reverse(rows[n].overdue_days)),
        Sort::Warmth => order.sort_by_key(|&n| rows[n].warmth),
        Sort::Name => order = by_name(rows),
        Sort::Recent => order.sort_by_key(|&n| std::cmp::Reverse(rows[n].last_contact)),
        Sort::Added => order.sort_by_key(|&n| std::cmp::Reverse(rows[n].listed.added)),
    }
    order
}

/// The table's cells for the rows `shown` (all when None), built in file order; with
/// where each row landed in the grid. Each "N days ago" is made once.
fn cells(app: &App, args: &Args, rows: &[Row], shown: Option<&[usize]>, columns: usize) -> (Grid, Vec<usize>) {
    let (lang, today) = (app.ui.lang, app.clock.today);
    let mut selected = vec![shown.is_none(); rows.len()];
    shown.into_iter().flatten().for_each(|&n| selected[n] = true);
    let never = words::never(lang);
    let mut days: FxHashMap<NaiveDate, String> = FxHashMap::default();
    let mut grid = Grid::new(columns, shown.map_or(rows.len(), <[usize]>::len));
    let mut at = vec![0; rows.len()];
    for (n, r) in rows.iter().enumerate().filter(|(n, _)| selected[*n]) {
        let c = r.listed;
        let work: &[&str] = match (c.org, c.role) {
            (Some(o), Some(r)) => &[o, " / ", r],
            (Some(x), None) | (None, Some(x)) => &[x],
            (None, None) => &[],
        };
        let last: &str = match r.last_contact {
            Some(day) => days.entry(day).or_insert_with(|| words::ago(day, today, lang)),
            None => &never,
        };
        at[n] = grid.len();
        for cell in [&[&*c.handle], &[c.name], &[c.circle.label(lang)], &[c.stage.label(lang)], work, &[last]] {
            grid.cell(cell);
        }
        if let Some(days) = r.overdue_days {
            grid.cell(&[&tn!(lang, days, "{days} day", "{days} days", "{days} hari")]);
        }
        if let Some(w) = r.warmth {
            grid.cell(&[&w.to_string()]);
        }
        if args.snoozed {
            grid.cell(&[&c.snoozed_until.map(|d| d.to_string()).unwrap_or_default()]);
        }
    }
    (grid, at)
}

/// The rows' order by folded name, ties in file order. Sorting small keys (the first
/// sixteen bytes as a number, and the row) settles most comparisons without the names.
fn by_name(rows: &[Row]) -> Vec<usize> {
    let names = Folded::of(rows.iter().map(|r| r.listed.name));
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
