//! A table's cells packed into one buffer, and the plain layout a piped table gets.
//!
//! A listing of 10,000 contacts has 60,000 cells. Packed, they cost no string or list
//! per row, the rows can be built in the order the contacts sit in memory and shown in
//! another, and showing a row reads one short run of bytes.

use unicode_width::UnicodeWidthStr;

/// Rows of cells, each cell made of parts written one after another.
pub struct Grid {
    columns: usize,
    text: String,
    /// Where each cell's text ends in `text`, and how many columns it takes.
    cells: Vec<(usize, usize)>,
    /// Whether the plain layout covers every cell: each is one line, and no wider than
    /// comfy-table can measure (16 bits).
    plain: bool,
}

impl Grid {
    /// An empty grid of `columns` columns, with room for `rows` rows.
    pub fn new(columns: usize, rows: usize) -> Grid {
        Grid {
            columns,
            text: String::with_capacity(rows * columns * 12),
            cells: Vec::with_capacity(rows * columns),
            plain: true,
        }
    }

    /// Adds a cell made of `parts` written one after another. Cells fill a row, then
    /// the next.
    pub fn cell(&mut self, parts: &[&str]) {
        let start = self.text.len();
        for part in parts {
            self.text.push_str(part);
        }
        let cell = &self.text[start..];
        let width = width(cell);
        self.plain &= fits_plain(cell, width);
        self.cells.push((self.text.len(), width));
    }

    /// How many whole rows the grid has.
    pub fn len(&self) -> usize {
        self.cells.len().checked_div(self.columns).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `n`'s cells, each with its width.
    pub fn cells(&self, n: usize) -> impl Iterator<Item = (&str, usize)> {
        let first = n * self.columns;
        let mut start = first.checked_sub(1).map_or(0, |prev| self.cells[prev].0);
        self.cells[first..first + self.columns].iter().map(move |&(end, width)| {
            let cell = &self.text[start..end];
            start = end;
            (cell, width)
        })
    }
}

/// The columns `cell` takes, as comfy-table measures them. Printable ASCII, most cells,
/// is one column a byte.
fn width(cell: &str) -> usize {
    if cell.bytes().all(|b| (b' '..=b'~').contains(&b)) { cell.len() } else { cell.width() }
}

fn fits_plain(cell: &str, width: usize) -> bool {
    width <= usize::from(u16::MAX) && !cell.contains('\n')
}

/// Lays out `header` and the grid's rows in `order` exactly as a piped comfy-table does
/// (each column as wide as its widest cell in the grid and at least 1, one space of
/// padding each side, columns joined by a space, a dashed rule under the header), in one
/// pass and one allocation. None for what that simple layout does not cover, which is
/// left to comfy-table: cells spanning several lines, or too wide for its 16-bit widths.
pub fn plain_table(header: &[String], grid: &Grid, order: &[usize]) -> Option<String> {
    let header: Vec<(&str, usize)> = header.iter().map(|h| (h.as_str(), width(h))).collect();
    if header.is_empty()
        || header.len() != grid.columns
        || !grid.plain
        || !header.iter().all(|&(h, w)| fits_plain(h, w))
    {
        return None;
    }
    let mut widths: Vec<usize> = header.iter().map(|&(_, w)| w.max(1)).collect();
    for row in grid.cells.chunks_exact(grid.columns) {
        for (width, &(_, w)) in widths.iter_mut().zip(row) {
            *width = (*width).max(w);
        }
    }
    let line_bytes: usize = widths.iter().map(|w| w + 3).sum();
    let mut out = String::with_capacity(grid.text.len() + line_bytes * (order.len() + 2));
    let push_row = |out: &mut String, row: &mut dyn Iterator<Item = (&str, usize)>| {
        for (i, ((cell, used), width)) in row.zip(&widths).enumerate() {
            out.push_str(if i == 0 { " " } else { "  " });
            out.push_str(cell);
            pad(out, SPACES, width - used + 1);
        }
    };
    push_row(&mut out, &mut header.iter().copied());
    out.push('\n');
    for (i, width) in widths.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        pad(&mut out, DASHES, width + 2);
    }
    for &n in order {
        out.push('\n');
        push_row(&mut out, &mut grid.cells(n));
    }
    Some(out)
}

const SPACES: &str = "                                                                ";
const DASHES: &str = "----------------------------------------------------------------";

/// Appends `n` copies of the character `run` repeats.
fn pad(out: &mut String, run: &str, mut n: usize) {
    while n > 0 {
        let k = n.min(run.len());
        out.push_str(&run[..k]);
        n -= k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comfy(header: &[&str], rows: &[Vec<&str>]) -> String {
        let mut table = super::super::pipe_table();
        table.force_no_tty();
        table.set_header(header.to_vec());
        for row in rows {
            table.add_row(row.clone());
        }
        table.to_string()
    }

    fn grid(columns: usize, rows: &[Vec<&str>]) -> Grid {
        let mut grid = Grid::new(columns, rows.len());
        for cell in rows.iter().flatten() {
            grid.cell(&[cell]);
        }
        grid
    }

    fn plain(header: &[&str], rows: &[Vec<&str>]) -> Option<String> {
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        plain_table(&header, &grid(header.len(), rows), &(0..rows.len()).collect::<Vec<_>>())
    }

    #[test]
    fn plain_tables_match_comfy_table_when_piped() {
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
            assert_eq!(plain(&header, &rows).as_deref(), Some(comfy(&header, &rows).as_str()), "{rows:?}");
        }
        // Columns narrower than one character are still one wide.
        let rows = vec![vec!["", "x"]];
        assert_eq!(plain(&["", ""], &rows).unwrap(), comfy(&["", ""], &rows));
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
        let expected = comfy(&["h", "org"], &[vec!["c", "x"], vec!["a", "Bank / Head"], vec!["b", ""]]);
        assert_eq!(shown, expected);
    }

    #[test]
    fn plain_tables_leave_unusual_shapes_to_comfy_table() {
        assert_eq!(plain(&["a", "b"], &[vec!["two\nlines", "x"]]), None);
        assert_eq!(plain(&["a\nb", "b"], &[vec!["one", "x"]]), None);
        assert_eq!(
            plain(&["a"], &[vec!["one", "x"]]).map(|t| t.lines().count()),
            Some(3),
            "a cell past the header is dropped"
        );
    }
}
