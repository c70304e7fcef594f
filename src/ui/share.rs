//! How a table's columns share what is left of the window once each has its least: a
//! few columns at a time to the column whose widening saves the table the most lines
//! per column given. A long title then gets room before a short code column is laid
//! out over three lines, and a column that only needs a little more to stop wrapping
//! gets it.

use super::fit::wrap;

/// How many rows the sharing looks at; a longer table is laid out as its first rows
/// are, which keeps a terminal listing of thousands quick.
const SAMPLE: usize = 200;

/// Widens `widths` (each column's cells in `columns`, the header first) from `spare`,
/// never past a column's `full` width, while widening saves lines.
pub(super) fn by_height(columns: &[Vec<&str>], full: &[usize], widths: &mut [usize], spare: &mut usize) {
    let rows = columns.iter().map(|c| c.len().min(SAMPLE)).max().unwrap_or(0);
    // lines[i][k][r]: how many lines row r's cell in column i takes at widths[i] + k.
    let lines: Vec<Vec<Vec<usize>>> = columns
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let most = full[i].min(widths[i] + *spare).max(widths[i]);
            (widths[i]..=most)
                .map(|w| (0..rows).map(|r| cells.get(r).map_or(1, |c| wrap(c, w).len())).collect())
                .collect()
        })
        .collect();
    let start: Vec<usize> = widths.to_vec();
    loop {
        let at = |i: usize, w: usize, r: usize| lines[i][w - start[i]][r];
        // Each row's tallest and second tallest column, to see what widening one saves.
        let tallest: Vec<(usize, usize, usize)> = (0..rows)
            .map(|r| {
                let (mut first, mut who, mut second) = (0, usize::MAX, 0);
                for (i, &w) in widths.iter().enumerate() {
                    let h = at(i, w, r);
                    if h > first {
                        (second, first, who) = (first, h, i);
                    } else if h > second {
                        second = h;
                    }
                }
                (first, who, second)
            })
            .collect();
        let mut best: Option<(usize, usize, usize, usize)> = None; // (saved, cost, column, width)
        for i in 0..widths.len() {
            // Every width up to what is left: a word may need a few columns at once to
            // move up a line.
            let most = full[i].min(widths[i] + *spare).min(start[i] + lines[i].len() - 1);
            for w in widths[i] + 1..=most {
                // Lines the table saves come first; then lines the column saves, which
                // is how two columns of the same height both get wider, one after the
                // other, until the row is shorter.
                let saved: usize = (0..rows)
                    .map(|r| {
                        let (first, who, second) = tallest[r];
                        let shorter = at(i, widths[i], r) - at(i, w, r);
                        let table = if who == i { first - at(i, w, r).max(second) } else { 0 };
                        table * 1000 + shorter
                    })
                    .sum();
                if saved == 0 {
                    continue;
                }
                let cost = w - widths[i];
                // The most lines saved per column given; on a tie, the cheaper step.
                let better =
                    best.is_none_or(|(s, c, _, _)| saved * c > s * cost || (saved * c == s * cost && cost < c));
                if better {
                    best = Some((saved, cost, i, w));
                }
            }
        }
        let Some((_, cost, i, w)) = best else { return };
        widths[i] = w;
        *spare -= cost;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_gets_room_before_a_short_column_wraps_less() {
        let title = ["goal", "Talk with 15 different people this quarter"];
        let smart = ["SMART", "S✓ M✓ A✓ R✓ T✓"];
        let columns = vec![title.to_vec(), smart.to_vec()];
        let full = [42, 14];
        let mut widths = [8, 5];
        let mut spare = 30;
        by_height(&columns, &full, &mut widths, &mut spare);
        // Two lines for the title and one for SMART beat any other split of 30 columns.
        assert_eq!(wrap(title[1], widths[0]).len(), 2, "{widths:?}");
        assert_eq!(wrap(smart[1], widths[1]).len(), 1, "{widths:?}");
        assert!(widths[0] <= 42 && widths[1] <= 14 && widths.iter().sum::<usize>() + spare == 43);
    }
}
