//! Prose on a terminal, wrapped to its width at spaces: a line too long for the window
//! continues on the next line under its value (a hanging indent), so the terminal never
//! splits a word. Widths are display columns (wide characters count two, colour codes
//! nothing). Piped output is never wrapped: `Ui` calls this only for a terminal.
//!
//! Where a line's value starts is read from its shape, so commands print as they always
//! did and get the indent for free: after a label ending in `: ` (`  note:      …`,
//! `warning: …`), after a bullet (`- `, `• `, `1. `), or after a gap of two or more
//! spaces that lines up a column (`  2026-12-01  meeting     …`).

use super::fit::seen_width;
use std::borrow::Cow;
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// The least room a continuation keeps for its words; a hanging indent that would leave
/// less falls back to the line's own indent.
const LEAST_ROOM: usize = 20;

/// `text` with every line longer than `width` columns wrapped at spaces, continuation
/// lines indented under the line's value. Lines that fit are left as they are; a word
/// longer than the whole width is left whole (the terminal must cut it; nothing else
/// can be done without cutting it ourselves).
pub fn prose(text: &str, width: usize) -> Cow<'_, str> {
    if text.split('\n').all(|line| seen_width(line) <= width) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        push_line(&mut out, line, width);
    }
    Cow::Owned(out)
}

/// `text` as it continues a line already `at` columns long (a prompt's echoed answer
/// after its question): wrapped at spaces to `width`, later lines indented by two.
/// When too little of the line is left, it starts on a line of its own.
pub fn continued(text: &str, at: usize, width: usize) -> String {
    if at + seen_width(text) <= width {
        return text.to_string();
    }
    let (lead, at) = if at + LEAST_ROOM > width { ("\n  ", 2) } else { ("", at) };
    let start = " ".repeat(at);
    let options = Options::new(width)
        .initial_indent(&start)
        .subsequent_indent("  ")
        .break_words(false)
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    let lines = textwrap::wrap(text, options);
    let joined = lines.iter().map(|l| l.trim_end_matches(' ')).collect::<Vec<_>>().join("\n");
    format!("{lead}{}", joined.strip_prefix(start.as_str()).unwrap_or(&joined))
}

fn push_line(out: &mut String, line: &str, width: usize) {
    // A line with tabs is data for a program (`list --format mutt`), never prose.
    if seen_width(line) <= width || line.contains('\t') {
        out.push_str(line);
        return;
    }
    let plain = plain(line);
    let hang = hang(&plain, width);
    let (head, rest) = line.split_at(byte_at_column(line, hang));
    let indent = " ".repeat(hang);
    let options = Options::new(width)
        .initial_indent(head)
        .subsequent_indent(&indent)
        .break_words(false)
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    let lines = textwrap::wrap(rest, options);
    for (k, l) in lines.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(l.trim_end_matches(' '));
    }
}

/// The column continuation lines start at: the furthest of the value's starts the line
/// shows (see the module's note) that leaves most of the line to the words, else the
/// line's own indent.
fn hang(plain: &str, width: usize) -> usize {
    let chars: Vec<(usize, char)> = columns(plain);
    let lead = chars.iter().take_while(|(_, c)| *c == ' ').count();
    let limit = (width / 2).min(width.saturating_sub(LEAST_ROOM));
    let col_at = |i: usize| chars.get(i).map_or(usize::MAX, |&(col, _)| col);
    // After `i`, skipping spaces: where the value starts.
    let after_spaces = |mut i: usize| {
        while chars.get(i).is_some_and(|(_, c)| *c == ' ') {
            i += 1;
        }
        i
    };
    let mut best = lead;
    let mut take = |i: usize| {
        let col = col_at(i);
        if col <= limit && col > best && i < chars.len() {
            best = col;
        }
    };
    // A bullet: `- `, `• `, `1. `, `2) `.
    let body: String = chars[lead..].iter().map(|(_, c)| c).collect();
    let bullet = ["- ", "• ", "* ", "· ", "→ ", "✓ ", "✗ ", "> "].iter().find(|b| body.starts_with(**b));
    if let Some(b) = bullet {
        take(after_spaces(lead + b.chars().count()));
    } else {
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        if (1..=3).contains(&digits) && [". ", ") "].iter().any(|m| body[digits..].starts_with(m)) {
            take(after_spaces(lead + digits + 2));
        }
    }
    // A label: a few words ending in `: `.
    if let Some(colon) =
        (lead..chars.len()).find(|&i| chars[i].1 == ':' && chars.get(i + 1).is_some_and(|c| c.1 == ' '))
    {
        let label: String = chars[lead..colon].iter().map(|(_, c)| c).collect();
        if label.split_whitespace().count() <= 4 {
            take(after_spaces(colon + 1));
        }
    }
    // Columns lined up by runs of two or more spaces.
    let mut i = lead;
    while i < chars.len() && col_at(i) <= limit {
        if chars[i].1 == ' ' && chars.get(i + 1).is_some_and(|c| c.1 == ' ') {
            let end = after_spaces(i);
            take(end);
            i = end;
        } else {
            i += 1;
        }
    }
    if width.saturating_sub(best) < LEAST_ROOM { lead.min(width / 2) } else { best }
}

/// Each character of `plain` with the column it starts at.
fn columns(plain: &str) -> Vec<(usize, char)> {
    let mut col = 0;
    plain
        .chars()
        .map(|c| {
            let at = col;
            col += seen_width(c.encode_utf8(&mut [0; 4]));
            (at, c)
        })
        .collect()
}

/// `line` without its colour codes.
fn plain(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find(|c: char| ('@'..='~').contains(&c)).map_or(after.len(), |e| e + 1);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The byte where `line` has shown `col` columns (colour codes at that point stay with
/// what follows).
fn byte_at_column(line: &str, col: usize) -> usize {
    let mut seen = 0;
    let mut rest = line;
    let mut at = 0;
    while seen < col && !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("\x1b[") {
            let end = after.find(|c: char| ('@'..='~').contains(&c)).map_or(after.len(), |e| e + 1) + 2;
            at += end;
            rest = &rest[end..];
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        seen += seen_width(c.encode_utf8(&mut [0; 4]));
        at += c.len_utf8();
        rest = &rest[c.len_utf8()..];
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line fits and the words, read in order, are the text's words.
    fn whole(text: &str, width: usize) -> String {
        let wrapped = prose(text, width).into_owned();
        for line in wrapped.lines() {
            assert!(seen_width(line) <= width, "{line:?} wider than {width}:\n{wrapped}");
            assert!(!line.ends_with(' '), "{line:?} ends in a space");
        }
        let words = |s: &str| plain(s).split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&wrapped), words(text), "words kept in order:\n{wrapped}");
        wrapped
    }

    #[test]
    fn lines_that_fit_are_untouched() {
        let text = "  note:   short\nanother";
        assert!(matches!(prose(text, 60), Cow::Borrowed(_)));
        let data = "budi@example.com\tBudi Santoso\tBank Mandiri with a long name";
        assert_eq!(prose(data, 30), data, "tab-separated data is not prose");
    }

    #[test]
    fn a_label_s_value_continues_under_the_value() {
        let text =
            "  keep in touch:    newly met: monthly for the first 30 days, then about every 90 days; next 2027-01-09";
        let shown = whole(text, 60);
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines.len() > 1, "{shown}");
        assert!(lines[0].starts_with("  keep in touch:    newly"), "{shown}");
        for l in &lines[1..] {
            assert!(l.starts_with(&" ".repeat(20)) && !l.starts_with(&" ".repeat(21)), "{shown}");
        }
    }

    #[test]
    fn bullets_numbers_and_columns_hang_too() {
        let shown = whole("  - call Budi about the payments team before the end of the month, he asked twice", 40);
        assert!(shown.lines().skip(1).all(|l| l.starts_with("    ") && !l.starts_with("     ")), "{shown}");
        let shown = whole("1. Write down three people you already know and would like to know better", 40);
        assert!(shown.lines().skip(1).all(|l| l.starts_with("   ") && !l.starts_with("    ")), "{shown}");
        let row = "  2026-12-01  meeting      Lunch; he suggested I speak at the fintech meetup next month";
        let shown = whole(row, 60);
        let under = " ".repeat(27);
        assert!(
            shown.lines().skip(1).all(|l| l.starts_with(&under) && !l.starts_with(&(under.clone() + " "))),
            "{shown}"
        );
    }

    #[test]
    fn plain_sentences_wrap_at_their_indent_and_wide_characters_count_twice() {
        let shown =
            whole("Tujuan menjelaskan untuk apa jejaring Anda. Kita isi S-M-A-R-T satu huruf demi satu huruf.", 30);
        assert!(shown.lines().all(|l| !l.starts_with(' ')), "{shown}");
        whole("  王伟 王伟 王伟 王伟 王伟 王伟 王伟 王伟 王伟 王伟 王伟 王伟 王伟 王伟", 21);
    }

    #[test]
    fn colour_codes_take_no_room() {
        let text = "\x1b[1mWarmth\x1b[0m \x1b[32m72/100\x1b[0m and a long explanation that has to wrap somewhere";
        let shown = whole(text, 30);
        assert!(shown.starts_with("\x1b[1mWarmth\x1b[0m \x1b[32m72/100\x1b[0m and a"), "{shown:?}");
    }

    #[test]
    fn an_answer_continues_after_its_question() {
        assert_eq!(continued("short", 30, 60), "short");
        let answer = continued("Meet more people in fintech this quarter", 18, 40);
        assert_eq!(answer, "Meet more people in\n  fintech this quarter");
        assert_eq!(continued("Meet more people", 35, 40), "\n  Meet more people");
    }

    #[test]
    fn a_word_longer_than_the_line_is_left_whole() {
        let url = "https://example.com/a/very/long/path/that/does/not/fit/anywhere";
        let shown = prose(&format!("  web:  {url} and more"), 30).into_owned();
        assert!(shown.contains(url), "{shown}");
    }
}
