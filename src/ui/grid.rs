//! A table's cells packed into one buffer, written when piped a line at a time by the
//! one table layout (`fit`), without a string per cell.
//!
//! A listing has several cells for every contact. Packed, they cost no string or list
//! per row, the rows can be built in the order the contacts sit in memory and shown in
//! another, and showing a row reads one short run of bytes.

use super::fit;
use std::io;

/// Rows of cells, each cell made of parts written one after another.
pub struct Grid {
    columns: usize,
    /// The rows, in runs of rows: one, or one for each grid joined (see `join`).
    runs: Vec<Run>,
    /// Whether the plain layout covers every cell: each is one line.
    plain: bool,
}

/// Rows of cells packed in one buffer.
struct Run {
    text: String,
    /// Where each cell's text ends in `text`, and how many columns it takes.
    cells: Vec<(usize, usize)>,
}

impl Grid {
    /// An empty grid of `columns` columns, with room for `rows` rows.
    pub fn new(columns: usize, rows: usize) -> Grid {
        let run = Run { text: String::with_capacity(rows * columns * 12), cells: Vec::with_capacity(rows * columns) };
        Grid { columns, runs: vec![run], plain: true }
    }

    /// Adds a cell made of `parts` written one after another, made harmless to show
    /// (`safe::shown`) as it is added: a table's lines are mostly padding, so the cells
    /// are checked rather than the lines. Cells fill a row, then the next.
    pub fn cell(&mut self, parts: &[&str]) {
        let Some(Run { text, cells }) = self.runs.last_mut() else { return };
        let start = text.len();
        for part in parts {
            text.push_str(part);
        }
        // Printable ASCII, nearly every cell, needs no change and is one column a byte.
        let width = if printable(&text[start..]) {
            text.len() - start
        } else {
            if let std::borrow::Cow::Owned(safe) = super::safe::shown(&text[start..]) {
                text.truncate(start);
                text.push_str(&safe);
            }
            let cell = &text[start..];
            self.plain &= !cell.contains('\n');
            width(cell)
        };
        cells.push((text.len(), width));
    }

    /// Adds a cell of words jejaring writes itself (a label, a day, a number): printable
    /// ASCII, which needs no check and is one column a byte.
    pub fn own_cell(&mut self, own: &str) {
        debug_assert!(printable(own), "{own:?} is not printable ASCII");
        let Some(Run { text, cells }) = self.runs.last_mut() else { return };
        text.push_str(own);
        cells.push((text.len(), own.len()));
    }

    /// `other`'s rows after this grid's (of as many columns, its rows whole), without
    /// copying them: grids made on two threads become one.
    pub fn join(&mut self, other: Grid) {
        self.plain &= other.plain;
        self.runs.extend(other.runs);
    }

    /// How many whole rows the grid has.
    pub fn len(&self) -> usize {
        self.runs.iter().map(|run| run.cells.len()).sum::<usize>().checked_div(self.columns).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `n`'s cells, each with its width.
    pub fn cells(&self, n: usize) -> impl Iterator<Item = (&str, usize)> {
        let (run, first) = self.run_of(n);
        let mut start = first.checked_sub(1).map_or(0, |prev| run.cells[prev].0);
        run.cells[first..first + self.columns].iter().map(move |&(end, width)| {
            let cell = &run.text[start..end];
            start = end;
            (cell, width)
        })
    }

    /// The run row `n` is in, and where the row's first cell is among the run's.
    fn run_of(&self, n: usize) -> (&Run, usize) {
        let mut first = n * self.columns;
        let (last, before) = self.runs.split_last().expect("a grid has a run");
        for run in before {
            match first.checked_sub(run.cells.len()) {
                Some(after) => first = after,
                None => return (run, first),
            }
        }
        (last, first)
    }
}

/// The columns `cell` takes on screen, as the table layout measures them. Printable
/// ASCII, most cells, is one column a byte.
fn width(cell: &str) -> usize {
    if printable(cell) { cell.len() } else { fit::seen_width(cell) }
}

fn printable(text: &str) -> bool {
    // Every byte looked at, without stopping at the first that is not: a loop the
    // compiler can run over many bytes at once, on cells that are nearly always all
    // printable.
    text.bytes().fold(true, |all, b| all & (b' '..=b'~').contains(&b))
}

/// The column widths a piped table gives `header` and the grid's rows in `order` (each
/// column as wide as its widest cell shown and at least 1, as `fit::render` gives them
/// with room to spare); None when a cell spans several lines, which the caller leaves to
/// `fit::render`.
pub fn plain_widths(header: &[String], grid: &Grid, order: &[usize]) -> Option<Vec<usize>> {
    if header.is_empty() || header.len() != grid.columns || !grid.plain {
        return None;
    }
    let mut widths = Vec::with_capacity(header.len());
    for h in header {
        if h.contains('\n') {
            return None;
        }
        widths.push(width(h).max(1));
    }
    let mut widen = |row: &[(usize, usize)]| {
        for (width, &(_, w)) in widths.iter_mut().zip(row) {
            *width = (*width).max(w);
        }
    };
    // Every row shown: the rows as they lie in memory, one after another.
    if order.len() == grid.len() {
        grid.runs.iter().flat_map(|run| run.cells.chunks_exact(grid.columns)).for_each(widen);
    } else {
        for &n in order {
            let (run, first) = grid.run_of(n);
            widen(&run.cells[first..first + grid.columns]);
        }
    }
    Some(widths)
}

/// Writes `header` and the grid's rows in `order`, each line ended, with `widths` (from
/// `plain_widths`) and the table layout's own line writer: what `fit::render` gives the
/// same rows when nothing needs to shrink. The lines go out in pieces of about 64 KiB,
/// so a big table is never whole in memory; every second piece is made on another
/// thread while this one makes and writes the others, in order.
pub fn write_plain(
    header: &[String],
    grid: &Grid,
    order: &[usize],
    widths: &[usize],
    out: &mut impl io::Write,
) -> io::Result<()> {
    const PIECE: usize = 64 << 10;
    let line_bytes: usize = widths.iter().map(|w| w + 3).sum();
    let lines = |rows: &[usize]| {
        let mut text = String::with_capacity(rows.len() * line_bytes);
        for &n in rows {
            fit::push_line(&mut text, grid.cells(n), widths);
        }
        text
    };
    let mut head = String::with_capacity(2 * line_bytes);
    fit::push_line(&mut head, header.iter().map(|h| (h.as_str(), width(h))), widths);
    fit::push_rule(&mut head, widths, '-');
    out.write_all(head.as_bytes())?;
    let pieces = || order.chunks((PIECE / line_bytes.max(1)).max(1));
    std::thread::scope(|s| {
        let (made, taken) = std::sync::mpsc::sync_channel(1);
        let others: Vec<&[usize]> = pieces().skip(1).step_by(2).collect();
        if !others.is_empty() {
            // Ends when the pieces are made, or when this thread stops taking them.
            s.spawn(move || others.into_iter().try_for_each(|rows| made.send(lines(rows))));
        }
        for (k, rows) in pieces().enumerate() {
            // A thread that stopped early panicked, which the scope passes on.
            let text = if k % 2 == 0 { lines(rows) } else { taken.recv().unwrap_or_default() };
            out.write_all(text.as_bytes())?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one table layout with room to spare, as a piped table gets it, without its
    /// last line's end.
    fn layout(header: &[&str], rows: &[Vec<&str>]) -> String {
        let strings = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let rows: Vec<Vec<String>> = rows.iter().map(|r| strings(r)).collect();
        let text = fit::render(&strings(header), &rows, usize::MAX / 4, '-');
        text.strip_suffix('\n').unwrap().to_string()
    }

    fn grid(columns: usize, rows: &[Vec<&str>]) -> Grid {
        let mut grid = Grid::new(columns, rows.len());
        for cell in rows.iter().flatten() {
            grid.cell(&[cell]);
        }
        grid
    }

    /// The plain layout of the grid's rows in `order`, without its last line's end.
    fn plain_table(header: &[String], grid: &Grid, order: &[usize]) -> Option<String> {
        let widths = plain_widths(header, grid, order)?;
        let mut out = Vec::new();
        write_plain(header, grid, order, &widths, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        Some(text.strip_suffix('\n').unwrap().to_string())
    }

    fn plain(header: &[&str], rows: &[Vec<&str>]) -> Option<String> {
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        plain_table(&header, &grid(header.len(), rows), &(0..rows.len()).collect::<Vec<_>>())
    }

    #[test]
    fn plain_tables_match_the_table_layout() {
        let header = ["handle", "name", "circle", "org / role", "last talked"];
        let cases: Vec<Vec<Vec<&str>>> = vec![
            vec![],
            vec![vec!["128b", "Budi Santoso", "colleague", "Bank Mandiri / Head", "3 days ago"]],
            vec![
                vec!["e8e2", "Jürgen Weiß", "friend", "", "never"],
                vec!["a1", "王伟", "other", "Alibaba Cloud", "today"],
                vec!["b2", "محمد العلي", "family", "", ""],
                vec!["c3", "Nguyễn Thị Lan 🌱", "colleague", "VinGroup / Kỹ sư", "12 days ago"],
                vec!["", "", "", "", ""],
            ],
        ];
        for rows in cases {
            assert_eq!(plain(&header, &rows).as_deref(), Some(layout(&header, &rows).as_str()), "{rows:?}");
        }
        // Columns narrower than one character are still one wide.
        let rows = vec![vec!["", "x"]];
        assert_eq!(plain(&["", ""], &rows).unwrap(), layout(&["", ""], &rows));
    }

    #[test]
    fn piped_lines_never_end_in_spaces() {
        let rows = vec![vec!["a1", "Ana", ""], vec!["b2", "Budi Santoso", "x"]];
        let text = plain(&["handle", "name", "org"], &rows).unwrap();
        assert!(text.lines().all(|l| !l.ends_with(' ')), "{text:?}");
        assert!(text.lines().nth(2).unwrap().ends_with("Ana"), "{text:?}");
    }

    #[test]
    fn rows_are_shown_in_the_order_asked_and_cells_join_their_parts() {
        let mut g = Grid::new(2, 3);
        for cell in [&["a"][..], &["Bank", " / ", "Head"], &["b"], &[], &["c"], &["x"]] {
            g.cell(cell);
        }
        assert_eq!(g.len(), 3);
        assert_eq!(g.cells(0).collect::<Vec<_>>(), [("a", 1), ("Bank / Head", 11)]);
        assert_eq!(g.cells(1).collect::<Vec<_>>(), [("b", 1), ("", 0)]);
        let header = vec!["h".to_string(), "org".to_string()];
        let shown = plain_table(&header, &g, &[2, 0, 1]).unwrap();
        let expected = layout(&["h", "org"], &[vec!["c", "x"], vec!["a", "Bank / Head"], vec!["b", ""]]);
        assert_eq!(shown, expected);
        // Rows left out are not shown, and do not widen the columns.
        assert_eq!(plain_table(&header, &g, &[2]).unwrap(), layout(&["h", "org"], &[vec!["c", "x"]]));
    }

    #[test]
    fn grids_joined_are_the_grid_of_all_their_rows() {
        let rows = vec![vec!["a1", "Ana"], vec!["b2", "Budi Santoso"], vec!["c3", "Citra"], vec!["d4", "Dewi"]];
        let header = vec!["h".to_string(), "name".to_string()];
        let mut joined = grid(2, &rows[..1]);
        joined.join(grid(2, &rows[1..3]));
        joined.join(grid(2, &rows[3..]));
        assert_eq!(joined.len(), 4);
        let order = [3, 1, 0, 2];
        assert_eq!(plain_table(&header, &joined, &order), plain_table(&header, &grid(2, &rows), &order));
        // A cell of several lines in any of them leaves the whole to the table layout.
        joined.join(grid(2, &[vec!["e5", "two\nlines"]]));
        assert_eq!(plain_table(&header, &joined, &order), None);
    }

    #[test]
    fn plain_tables_leave_cells_of_several_lines_to_the_table_layout() {
        assert_eq!(plain(&["a", "b"], &[vec!["two\nlines", "x"]]), None);
        assert_eq!(plain(&["a\nb", "b"], &[vec!["one", "x"]]), None);
        // A last row left unfinished is not shown.
        let mut g = Grid::new(2, 1);
        g.cell(&["alone"]);
        assert_eq!(g.len(), 0);
        assert_eq!(plain_table(&["a".into(), "b".into()], &g, &[]).map(|t| t.lines().count()), Some(2));
    }

    #[test]
    fn big_tables_go_out_in_pieces_that_join_up() {
        let rows: Vec<Vec<String>> = (0..5000).map(|n| vec![format!("{n:x}"), format!("Name number {n}")]).collect();
        let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
        struct Pieces(Vec<usize>, Vec<u8>);
        impl io::Write for Pieces {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.0.push(buf.len());
                self.1.extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let header = vec!["handle".to_string(), "name".to_string()];
        let g = grid(2, &rows);
        let order: Vec<usize> = (0..rows.len()).collect();
        let mut out = Pieces(Vec::new(), Vec::new());
        write_plain(&header, &g, &order, &plain_widths(&header, &g, &order).unwrap(), &mut out).unwrap();
        assert!(out.0.len() > 1 && out.0.iter().all(|&n| n < 70 << 10), "{:?}", out.0);
        assert_eq!(String::from_utf8(out.1).unwrap(), layout(&["handle", "name"], &rows) + "\n");
    }
}
