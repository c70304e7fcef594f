//! Tables on a real pseudo-terminal of 60, 80 and 120 columns, in both languages: every
//! line fits the window and no word, date or bar is split across a column's lines,
//! with `NO_COLOR` set (colour and layout are separate decisions).

use crate::env::TestEnv;
use expectrl::{Eof, Expect};
use std::collections::HashSet;
use unicode_width::UnicodeWidthStr;

/// What `jejaring ARGS…` shows on a terminal `cols` wide (the test environment sets
/// `NO_COLOR`; `extra` adds variables).
fn on_terminal(env: &TestEnv, cols: u16, args: &[&str], extra: &[(&str, &str)]) -> String {
    let mut cmd = env.std_command();
    cmd.env("TERM", "xterm").envs(extra.iter().copied()).current_dir(env.home()).args(args);
    let mut s = crate::pty::spawn_sized(cmd, cols, 60);
    let seen = s.expect(Eof).expect("the program ends");
    String::from_utf8_lossy(seen.as_bytes()).replace("\r\n", "\n")
}

/// The words of the same command's piped output (never wrapped) and its messages.
fn piped_words(env: &TestEnv, args: &[&str]) -> HashSet<String> {
    let (out, err) = env.ok(args);
    out.split_whitespace().chain(err.split_whitespace()).map(str::to_string).collect()
}

/// Every line fits `cols`, and every word shown is a word of the piped output, or one
/// cut short with `…` (a label in the narrow layout ends with `:`).
fn assert_fits(shown: &str, cols: u16, whole: &HashSet<String>, what: &str) {
    for line in shown.lines() {
        assert!(line.width() <= usize::from(cols), "{what} at {cols}: {line:?} is {} wide\n{shown}", line.width());
    }
    for word in shown.split_whitespace() {
        if word.chars().all(|c| c == '─') {
            continue;
        }
        let ok = whole.contains(word)
            || word.strip_suffix(':').is_some_and(|w| whole.contains(w))
            || word.strip_suffix('…').is_some_and(|head| !head.is_empty() && whole.iter().any(|w| w.starts_with(head)));
        assert!(ok, "{what} at {cols}: {word:?} is not a whole word\n{shown}");
    }
}

#[test]
fn tables_fit_60_80_and_120_columns_in_both_languages_without_splitting_words() {
    let env = TestEnv::new();
    let commands: [&[&str]; 4] = [&["list"], &["list", "--due"], &["goal", "list", "--all"], &["review", "history"]];
    for lang in ["en", "id"] {
        for command in commands {
            let args: Vec<&str> = ["--demo", "--lang", lang].iter().chain(command).copied().collect();
            let whole = piped_words(&env, &args);
            for cols in [60, 80, 120] {
                let shown = on_terminal(&env, cols, &args, &[]);
                let what = args.join(" ");
                assert!(shown.lines().count() > 3, "{what} at {cols} shows rows:\n{shown}");
                assert_fits(&shown, cols, &whole, &what);
            }
        }
    }
}

#[test]
fn the_known_splits_are_gone_at_80_columns() {
    let env = TestEnv::new();
    let goals = on_terminal(&env, 80, &["--demo", "goal", "list"], &[]);
    for word in ["behind", "██░░░░░░░░"] {
        assert!(goals.split_whitespace().any(|w| w == word), "{word} whole in\n{goals}");
    }
    let dates = |s: &str| s.split_whitespace().filter(|w| w.starts_with("202") && w.len() >= 10).count();
    let (piped, _) = env.ok(&["--demo", "goal", "list"]);
    assert_eq!(dates(&goals), dates(&piped), "every deadline and projected day whole:\n{goals}");
    let list = on_terminal(&env, 80, &["--demo", "list"], &[]);
    assert!(list.split_whitespace().any(|w| w == "acquaintance"), "{list}");
    // At 120 columns every contact is one line.
    let wide = on_terminal(&env, 120, &["--demo", "list"], &[]);
    assert_eq!(wide.lines().count(), 2 + 18 + 1, "header, rule, 18 contacts, the count:\n{wide}");
}

#[test]
fn no_color_keeps_the_terminal_width_and_colour_keeps_the_layout() {
    let env = TestEnv::new();
    let args = ["--demo", "list"];
    let plain = on_terminal(&env, 60, &args, &[]);
    assert!(!plain.contains('\x1b'), "NO_COLOR means no colour codes:\n{plain}");
    assert!(plain.lines().all(|l| l.width() <= 60), "NO_COLOR still fits 60 columns:\n{plain}");
    assert!(plain.lines().any(|l| l.width() > 40), "and uses them:\n{plain}");
    // Colour forced on changes the look, not the layout.
    let coloured = on_terminal(&env, 80, &["--color", "always", "--demo", "goal", "list"], &[]);
    let uncoloured = on_terminal(&env, 80, &["--demo", "goal", "list"], &[]);
    assert!(coloured.contains('\x1b'), "{coloured}");
    assert_eq!(strip(&coloured), uncoloured);
}

/// Colour codes taken out.
fn strip(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\x1b') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('m').map_or(rest.len(), |e| i + e + 1);
        rest = &rest[end..];
    }
    out + rest
}

#[test]
fn colour_forced_on_a_pipe_keeps_the_columns_aligned() {
    let env = TestEnv::new();
    let (coloured, _) = env.ok(&["--color", "always", "--demo", "goal", "list"]);
    let (plain, _) = env.ok(&["--demo", "goal", "list"]);
    assert!(coloured.contains('\x1b'), "{coloured}");
    let trimmed = |s: &str| s.lines().map(|l| l.trim_end().to_string()).collect::<Vec<_>>();
    assert_eq!(trimmed(&strip(&coloured)), trimmed(&plain));
}

#[test]
fn width_is_shared_by_content_and_headers_are_never_cut() {
    let env = TestEnv::new();
    // At 80 columns the Indonesian goal list does not squeeze its titles to a word a
    // line while SMART takes three: each goal's title and SMART letters read whole.
    let goals = on_terminal(&env, 80, &["--demo", "--lang", "id", "goal", "list"], &[]);
    for whole in ["Bicara dengan 15 orang berbeda kuartal ini", "S~ M✓ A✓ R✓ T✓", "Kenal 10 orang di fintech"] {
        assert!(goals.lines().any(|l| l.contains(whole)), "{whole:?} on one line:\n{goals}");
    }
    // Every header of review history is shown whole, and a reflection is not a word a line.
    for lang in ["en", "id"] {
        let args = ["--demo", "--lang", lang, "review", "history"];
        let (piped, _) = env.ok(&args);
        let header: Vec<&str> =
            piped.lines().next().unwrap().split("  ").map(str::trim).filter(|h| !h.is_empty()).collect();
        for cols in [60, 80] {
            let shown = on_terminal(&env, cols, &args, &[]);
            for h in &header {
                assert!(shown.contains(h), "{lang} at {cols}: header {h:?} whole in\n{shown}");
            }
            let (first, last, words) = if lang == "en" { ("Siti", "first", 4usize) } else { ("Siti", "dulu", 5) };
            let lines: Vec<&str> = shown.lines().collect();
            let from = lines.iter().position(|l| l.contains(first)).unwrap();
            let to = lines.iter().position(|l| l.split_whitespace().any(|w| w == last)).unwrap();
            assert!(
                to + 1 - from <= words.div_ceil(2),
                "{lang} at {cols}: a reflection two words a line or more:\n{shown}"
            );
        }
    }
    // At 120 the goals are a table again, two lines a goal at most.
    let wide = on_terminal(&env, 120, &["--demo", "--lang", "id", "goal", "list"], &[]);
    assert!(wide.lines().nth(1).unwrap().starts_with("───"), "{wide}");
    assert!(wide.lines().count() <= 2 + 3 * 2 + 1, "{wide}");
}

#[test]
fn piped_table_lines_never_end_in_spaces() {
    let env = TestEnv::new();
    for args in [&["--demo", "list"][..], &["--demo", "goal", "list"], &["--demo", "--lang", "id", "review", "history"]]
    {
        let (out, _) = env.ok(args);
        assert!(out.lines().all(|l| !l.ends_with(' ')), "{args:?}:\n{out:?}");
    }
}
