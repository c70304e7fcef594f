//! The table layout's tests: every width fits, no word is split, width goes where it
//! saves lines.

use super::*;

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}

/// Every word of `cells` appears whole in `shown`, or cut with `…` when it is a
/// word of letters.
fn whole_words(cells: &[&str], shown: &str) {
    for word in cells.iter().flat_map(|c| c.split_whitespace()) {
        let plain: String = seen(word).collect();
        let kept = shown.split_whitespace().any(|w| seen(w).collect::<String>() == plain);
        let cut_ok = cuttable(word)
            && shown.split_whitespace().any(|w| {
                let w: String = seen(w).collect();
                w.strip_suffix('…').is_some_and(|head| plain.starts_with(head) && !head.is_empty())
            });
        assert!(kept || cut_ok, "{word:?} split in\n{shown}");
    }
}

fn goals() -> (Vec<String>, Vec<Vec<String>>) {
    let header = strings(&["#", "goal", "counts", "progress", "time", "state", "deadline", "SMART"]);
    let rows = vec![
        strings(&[
            "1",
            "Meet 10 people in fintech",
            "new contacts",
            "██░░░░░░░░ 2/10",
            "48%",
            "\x1b[33mbehind\x1b[0m (at this pace 2027-07-24, after the deadline)",
            "2027-02-02",
            "S✓ M✓ A✓ R✓ T✓",
        ]),
        strings(&[
            "2",
            "Talk with 15 different people this quarter",
            "people talked to",
            "█████████░ 13/15",
            "64%",
            "\x1b[32mon track\x1b[0m (at this pace 2026-12-10)",
            "2027-01-02",
            "S~ M✓ A✓ R✓ T✓",
        ]),
    ];
    (header, rows)
}

#[test]
fn tables_fit_the_width_and_never_split_a_word() {
    let (header, rows) = goals();
    for width in [40, 60, 80, 100, 120, 200] {
        let shown = render(&header, &rows, width, '─');
        for line in shown.lines() {
            assert!(seen_width(line) <= width, "{width}: {line:?} is {} wide", seen_width(line));
        }
        for row in &rows {
            whole_words(&row.iter().map(String::as_str).collect::<Vec<_>>(), &shown);
        }
    }
}

#[test]
fn wide_terminals_show_one_line_a_row_and_narrow_ones_wrap_or_stack() {
    let (header, rows) = goals();
    let wide = render(&header, &rows, 200, '─');
    assert_eq!(wide.lines().count(), 4, "{wide}");
    let at_120 = render(&header, &rows, 120, '─');
    assert!(at_120.lines().nth(1).unwrap().starts_with("───"), "a table at 120:\n{at_120}");
    assert!(at_120.lines().count() > 4);
    // At 80 the title would read one word a line: each goal is a block instead.
    let at_80 = render(&header, &rows, 80, '─');
    assert!(at_80.contains(" goal:     Talk with 15 different people this quarter\n"), "blocks at 80:\n{at_80}");
    let at_40 = render(&header, &rows, 40, '─');
    assert!(at_40.contains(" deadline: 2027-02-02"), "blocks at 40:\n{at_40}");
}

#[test]
fn long_words_of_letters_are_cut_and_numbers_never() {
    let header = strings(&["handle", "name", "stage", "org / role", "last talked"]);
    let rows = vec![strings(&["128b", "Budi Santoso", "acquaintance", "Bank Mandiri / Head", "230 days ago"])];
    let shown = render(&header, &rows, 50, '─');
    assert!(shown.lines().any(|l| l.starts_with("───")), "a table at 50:\n{shown}");
    let cut = shown.split_whitespace().any(|w| w.starts_with("acquai") && w.ends_with('…'));
    assert!(cut && !shown.contains("acquaintance"), "{shown}");
    assert!(shown.contains("230"), "{shown}");
    assert!(shown.lines().all(|l| seen_width(l) <= 50), "{shown}");
}

#[test]
fn width_goes_where_it_saves_lines_and_headers_are_never_cut() {
    let header = strings(&["#", "tujuan", "dihitung", "kemajuan", "waktu", "status", "tenggat", "SMART"]);
    let rows = vec![strings(&[
        "2",
        "Bicara dengan 15 orang berbeda kuartal ini",
        "orang yang diajak bicara",
        "█████████░ 13/15",
        "64%",
        "lebih cepat dari jadwal (dengan laju ini 2026-12-17)",
        "2027-01-09",
        "S~ M✓ A✓ R✓ T✓",
    ])];
    let shown = render(&header, &rows, 120, '─');
    // Two lines a row: no column is left taller than the rest need.
    assert_eq!(shown.lines().count(), 4, "{shown}");
    assert!(shown.lines().next().unwrap().contains("dihitung"), "{shown}");
    let history = strings(&["week ending", "interaksi", "ditepati", "diingkari", "yang baik"]);
    let row = vec![strings(&["2026-11-30", "2", "0", "0", "Siti menelepon saya lebih dulu"])];
    let shown = render(&history, &row, 60, '─');
    for h in &history {
        assert!(shown.contains(h.as_str()), "{h} whole in\n{shown}");
    }
}

#[test]
fn wrapping_keeps_colour_inside_its_line() {
    let lines = wrap("\x1b[32mon track today\x1b[0m (at this pace)", 8);
    assert_eq!(lines[0], "\x1b[32mon track\x1b[0m");
    assert_eq!(lines[1], "\x1b[32mtoday\x1b[0m");
    assert_eq!(lines[2], "(at this");
    assert_eq!(wrap("\x1b[33macquaintance\x1b[0m", 6), ["\x1b[33macqua…\x1b[0m"]);
    assert_eq!(seen_width("\x1b[33mbehind\x1b[0m"), 6);
}

proptest::proptest! {
    /// A line is its cells, each after one space (two between columns) and padded to its
    /// column, with the spaces at its end taken off: cells that end in spaces, cells of
    /// spaces alone and empty cells, anywhere on the line.
    #[test]
    fn a_line_is_its_padded_cells_without_spaces_at_the_end(
        cells in proptest::collection::vec(("[ ab]{0,4}", 0usize..3), 0..5),
    ) {
        let widths: Vec<usize> = cells.iter().map(|(c, more)| c.len() + more).collect();
        let mut line = String::new();
        push_line(&mut line, cells.iter().map(|(c, _)| (c.as_str(), c.len())), &widths);
        let mut padded = String::new();
        for (i, ((c, _), w)) in cells.iter().zip(&widths).enumerate() {
            padded.push_str(if i == 0 { " " } else { "  " });
            padded += &format!("{c:w$} ");
        }
        proptest::prop_assert_eq!(line, format!("{}\n", padded.trim_end_matches(' ')));
    }
}
