//! The one table layout, on a terminal and piped. On a terminal it is fitted to the
//! width: columns shrink and wrap at spaces, a long word of letters may be cut short
//! with `…`, and no word, date, number or bar is ever split across lines. When even
//! that cannot fit, each row is shown as a short block of `header: value` lines instead.
//! Piped, it is given room to spare: one line a row, columns as wide as their widest
//! cell. Colour codes are never counted as text: only what is seen is measured.

use unicode_width::UnicodeWidthStr;

/// How far a word of letters may be cut (`acquai…`) when columns must shrink. Words with
/// digits or symbols (dates, counts, bars, handles) are never cut.
const CUT_TO: usize = 7;

/// The reset code that ends a style.
const RESET: &str = "\x1b[0m";

/// Lays out `header` and `rows` in at most `width` columns, each line ended. `rule` draws
/// the line under the header.
pub fn render(header: &[String], rows: &[Vec<String>], width: usize, rule: char) -> String {
    let n = header.len();
    if n == 0 {
        return String::new();
    }
    let needs: Vec<Need> = (0..n).map(|i| Need::of(&header[i], rows.iter().map(|r| cell(r, i)))).collect();
    let room = width.saturating_sub(3 * n - 1);
    let columns = || -> Vec<Vec<&str>> {
        (0..n).map(|i| std::iter::once(header[i].as_str()).chain(rows.iter().map(|r| cell(r, i))).collect()).collect()
    };
    match widths(&needs, room, columns) {
        Some(widths) if !cramped(rows, &widths) => table(header, rows, &widths, rule),
        _ => blocks(header, rows, width),
    }
}

/// The most lines a cell may take before the table reads one word a line, and each row
/// as a block of `header: value` lines reads better.
const TALLEST: usize = 4;

/// Whether some cell would be squeezed into more than `TALLEST` lines.
fn cramped(rows: &[Vec<String>], widths: &[usize]) -> bool {
    rows.iter().take(200).any(|row| widths.iter().enumerate().any(|(i, &w)| wrap(cell(row, i), w).len() > TALLEST))
}

fn cell(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", String::as_str)
}

/// What a column needs: its longest line, its longest word, and the least it can take
/// without splitting a word (long words of letters counted as cut).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Need {
    full: usize,
    word: usize,
    least: usize,
}

impl Need {
    /// What a column with `header` over `cells` needs. The header's words are never
    /// cut: a column whose name cannot be read is no column.
    fn of<'a>(header: &'a str, cells: impl Iterator<Item = &'a str>) -> Need {
        let mut need = Need { full: 1, word: 1, least: 1 };
        for (k, line) in std::iter::once(header).chain(cells).enumerate() {
            for line in line.lines() {
                need.full = need.full.max(seen_width(line));
                for word in line.split(' ') {
                    let w = seen_width(word);
                    need.word = need.word.max(w);
                    need.least = need.least.max(if k > 0 && cuttable(word) { w.min(CUT_TO) } else { w });
                }
            }
        }
        need
    }
}

/// Whether a word may be cut short: only letters and the punctuation of names and titles.
fn cuttable(word: &str) -> bool {
    seen(word).all(|text| text.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '-' | '.' | ',' | '/' | '&')))
}

/// Column widths for `room` characters of content, None when the least does not fit.
/// Every column gets at least its `least`; then the room left goes, in turn, to whole
/// words (a character at a time to the column lacking most), to the columns whose
/// widening saves the table most lines (`share`: a title before a column of codes), and
/// to whichever column still lacks most. With room for every whole line (a piped
/// table), each column is simply as wide as its widest line.
fn widths<'a>(needs: &[Need], room: usize, columns: impl FnOnce() -> Vec<Vec<&'a str>>) -> Option<Vec<usize>> {
    let least: usize = needs.iter().map(|n| n.least).sum();
    let mut spare = room.checked_sub(least)?;
    if needs.iter().map(|n| n.full).sum::<usize>() <= room {
        return Some(needs.iter().map(|n| n.full).collect());
    }
    let mut widths: Vec<usize> = needs.iter().map(|n| n.least).collect();
    let give = |widths: &mut Vec<usize>, goal: fn(&Need) -> usize, spare: &mut usize| {
        while *spare > 0 {
            let lacking =
                needs.iter().zip(widths.iter()).enumerate().map(|(i, (n, &w))| (goal(n).saturating_sub(w), i));
            let Some((lack, i)) = lacking.max_by_key(|&(lack, i)| (lack, std::cmp::Reverse(i))) else { break };
            if lack == 0 {
                break;
            }
            widths[i] += 1;
            *spare -= 1;
        }
    };
    give(&mut widths, |n| n.word, &mut spare);
    let full: Vec<usize> = needs.iter().map(|n| n.full).collect();
    super::share::by_height(&columns(), &full, &mut widths, &mut spare);
    give(&mut widths, |n| n.full, &mut spare);
    Some(widths)
}

fn table(header: &[String], rows: &[Vec<String>], widths: &[usize], rule: char) -> String {
    let mut out = String::new();
    push_row(&mut out, header.iter().map(String::as_str), widths);
    push_rule(&mut out, widths, rule);
    for row in rows {
        push_row(&mut out, (0..widths.len()).map(|i| cell(row, i)), widths);
    }
    out
}

/// The line under the header: `rule` under each column and its padding, columns
/// joined by a space.
pub fn push_rule(out: &mut String, widths: &[usize], rule: char) {
    for (i, &w) in widths.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(std::iter::repeat_n(rule, w + 2));
    }
    out.push('\n');
}

/// One row, its cells wrapped to their widths. A row whose cells all fit on one line
/// (every piped row) is written as it is, without wrapping.
fn push_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>, widths: &[usize]) {
    let cells: Vec<&str> = cells.collect();
    let used: Vec<usize> = cells.iter().map(|c| seen_width(c)).collect();
    if cells.iter().zip(&used).zip(widths).all(|((c, &u), &w)| u <= w && !c.contains('\n')) {
        return push_line(out, cells.iter().copied().zip(used), widths);
    }
    let wrapped: Vec<Vec<String>> = cells.iter().zip(widths).map(|(c, &w)| wrap(c, w)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for k in 0..height {
        let line = wrapped.iter().map(|lines| lines.get(k).map_or("", String::as_str)).map(|t| (t, seen_width(t)));
        push_line(out, line, widths);
    }
}

/// One line of a table, each cell one line of `used` columns: one space of padding each
/// side, columns joined by a space, and no spaces at the line's end. Piped tables
/// (`grid::write_plain`) write their rows with it too, so both layouts are one.
pub fn push_line<'a>(out: &mut String, cells: impl Iterator<Item = (&'a str, usize)>, widths: &[usize]) {
    // Spaces are written only once text follows them, so none end the line.
    let mut spaces = 0;
    for (i, ((text, used), &w)) in cells.zip(widths).enumerate() {
        spaces += if i == 0 { 1 } else { 2 };
        let shown = text.trim_end_matches(' ');
        if !shown.is_empty() {
            pad(out, spaces);
            out.push_str(shown);
            spaces = 0;
        }
        spaces += text.len() - shown.len() + w.saturating_sub(used) + 1;
    }
    out.push('\n');
}

/// Appends `n` spaces.
fn pad(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        n -= k;
    }
}

/// Each row as a block of `header: value` lines, values wrapped beside their labels;
/// empty values are left out and a blank line separates the blocks.
fn blocks(header: &[String], rows: &[Vec<String>], width: usize) -> String {
    let label = header.iter().map(|h| seen_width(h)).max().unwrap_or(0) + 2;
    // Labels beside values only while they leave the values most of the line.
    let indent = if label * 2 <= width { label } else { 2 };
    let room = width.saturating_sub(indent + 1).max(1);
    let mut out = String::new();
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            out.push('\n');
        }
        for (i, h) in header.iter().enumerate() {
            let value = cell(row, i);
            if value.trim().is_empty() {
                continue;
            }
            let head = format!(" {h}:");
            let lines = wrap(value, room);
            if indent == 2 {
                out.push_str(&head);
                out.push('\n');
            }
            for (k, line) in lines.iter().enumerate() {
                let lead = if k == 0 && indent > 2 { head.clone() } else { String::new() };
                let pad = (indent + 1).saturating_sub(seen_width(&lead));
                out.push_str(&lead);
                out.extend(std::iter::repeat_n(' ', pad));
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// `text` in lines of at most `width` columns, broken at spaces; a word wider than the
/// column is cut with `…`. A style open at a line's end is closed there and opened again
/// on the next line, so colour never runs into the padding.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for source in text.lines() {
        let mut line = String::new();
        let mut used = 0;
        for word in source.split(' ').filter(|w| !w.is_empty()) {
            let (word, w) = match seen_width(word) {
                w if w > width => (cut(word, width), width),
                w => (word.to_string(), w),
            };
            if used > 0 && used + 1 + w > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            line.push_str(&word);
            used += w;
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    carry_styles(&mut lines);
    lines
}

/// The word cut to `width` columns ending in `…`, keeping every colour code in it.
fn cut(word: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut full = false;
    for (part, code) in segments(word) {
        if code {
            out.push_str(part);
            continue;
        }
        for c in part.chars() {
            let w = UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
            if full || used + w + 1 > width {
                full = true;
                continue;
            }
            out.push(c);
            used += w;
        }
    }
    // The ellipsis goes before the codes that close the word's style.
    let mut at = 0;
    let mut pos = 0;
    for (part, code) in segments(&out) {
        pos += part.len();
        if !code {
            at = pos;
        }
    }
    out.insert(at, '…');
    out
}

/// Closes a style left open at a line's end and reopens it on the next line.
fn carry_styles(lines: &mut [String]) {
    let mut open = String::new();
    for line in lines.iter_mut() {
        let mut now = open.clone();
        for (part, code) in segments(line) {
            if code {
                if part == RESET || part == "\x1b[m" {
                    now.clear();
                } else {
                    now.push_str(part);
                }
            }
        }
        if !open.is_empty() {
            line.insert_str(0, &open);
        }
        if !now.is_empty() {
            line.push_str(RESET);
        }
        open = now;
    }
}

/// The columns `text` takes on screen, colour codes not counted.
pub fn seen_width(text: &str) -> usize {
    seen(text).map(UnicodeWidthStr::width).sum()
}

fn seen(text: &str) -> impl Iterator<Item = &str> {
    segments(text).filter(|(_, code)| !code).map(|(part, _)| part)
}

/// `text` split into runs of text and colour codes (`ESC [ … m`), each marked.
fn segments(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if let Some(after) = rest.strip_prefix("\x1b[") {
            let end = after.find(|c: char| ('@'..='~').contains(&c)).map_or(rest.len(), |i| i + 3);
            let (code, tail) = rest.split_at(end);
            rest = tail;
            return Some((code, true));
        }
        let end = rest.find('\x1b').filter(|&i| i > 0).unwrap_or(rest.len());
        let (part, tail) = rest.split_at(end);
        rest = tail;
        Some((part, false))
    })
}

#[cfg(test)]
#[path = "fit_tests.rs"]
mod tests;
