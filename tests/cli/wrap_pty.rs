//! Prose on a real pseudo-terminal of 60 and 80 columns, in both languages: the coach,
//! the goal wizard, the review (read and answered), select and show. What the terminal
//! shows is read back as a screen (vt100), and the check fails on any word split:
//!
//! - a row the terminal itself wrapped (the line was wider than the window) is a split;
//! - a row filled to its last column whose word runs on at the next row's first column
//!   is a split made by a program (inquire breaks its own lines at any character):
//!   jejaring's prose stops one column short of the window, so it never fills a row;
//! - for screens that can also be printed piped (never wrapped), every word on the
//!   screen is a word of the piped text (a table may cut a long word of letters with
//!   `…`), so a word can only have been moved whole to the next line.

use crate::env::TestEnv;
use expectrl::session::OsSession as Session;
use expectrl::{Any, Eof, Expect, Regex};
use std::collections::HashSet;
use unicode_width::UnicodeWidthStr;

/// A window tall enough that nothing scrolls away before it is read.
const ROWS: u16 = 400;

/// `jejaring ARGS…` started on a pseudo-terminal `cols` wide (resized before it starts).
fn start(env: &TestEnv, cols: u16, args: &[&str]) -> Session {
    let mut cmd = env.std_command();
    cmd.env("TERM", "xterm").current_dir(env.home()).args(args);
    crate::pty::spawn_sized(cmd, cols, ROWS)
}

/// Everything a session printed, gathered match by match.
#[derive(Default)]
struct Transcript(Vec<u8>);

impl Transcript {
    fn expect(&mut self, s: &mut Session, what: &str) {
        let seen = s.expect(what).unwrap_or_else(|e| panic!("waiting for {what:?}: {e}\n{}", self.text()));
        self.0.extend_from_slice(seen.as_bytes());
    }

    fn step(&mut self, s: &mut Session, what: &str, send: &str) {
        self.expect(s, what);
        s.send(send).unwrap();
    }

    fn end(&mut self, s: &mut Session, what: &str) {
        let seen = s.expect(Eof).unwrap_or_else(|e| panic!("{what} ends: {e}\n{}", self.text()));
        self.0.extend_from_slice(seen.as_bytes());
    }

    /// Answers every question with Enter (its default, or nothing) until the program
    /// ends; after `enters` answers, Esc instead (a loop of fixes is left that way).
    fn enter_to_the_end(&mut self, s: &mut Session, enters: usize) {
        // A new question starts with bracketed paste switched on and the cursor hidden;
        // a redraw of the same question (at each key, or when the window changes) does
        // not. Matching any "? " would answer redraws too, and keys sent faster than the
        // program reads them arrive together, where two Escs read as one other key.
        const QUESTION: &str = r"\x1b\[\?2004h\x1b\[\?25l\? ";
        for n in 0..enters + 50 {
            let seen =
                s.expect(Any::boxed(vec![Box::new(Regex(QUESTION)), Box::new(Eof)])).expect("a prompt or the end");
            self.0.extend_from_slice(seen.as_bytes());
            if !seen.as_bytes().ends_with(b"? ") {
                return;
            }
            let _ = s.send(if n < enters { "\r" } else { "\x1b" });
        }
        panic!("still asking after Esc:\n{}", self.text());
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0).into_owned()
    }
}

/// The screen rows the bytes leave on a terminal `cols` wide, and which of them the
/// terminal wrapped onto the next row.
fn screen(bytes: &[u8], cols: u16) -> Vec<(String, bool)> {
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size");
    let mut parser = vt100::Parser::new(size(ROWS), size(cols), 0);
    parser.process(bytes);
    let screen = parser.screen();
    let rows: Vec<String> = screen.rows(0, cols).collect();
    rows.into_iter().enumerate().map(|(r, row)| (row, screen.row_wrapped(r as u16))).collect()
}

/// No word on the screen is split across two rows (see the module's note).
fn assert_no_split(bytes: &[u8], cols: u16, what: &str) -> String {
    let rows = screen(bytes, cols);
    let shown: String = rows.iter().map(|(r, _)| r.trim_end().to_string() + "\n").collect();
    let shown = shown.trim_end().to_string();
    assert!(shown.lines().count() > 3, "{what} at {cols} shows something:\n{shown}");
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for (i, pair) in rows.windows(2).enumerate() {
        let ((row, wrapped), (next, _)) = (&pair[0], &pair[1]);
        assert!(!wrapped, "{what} at {cols}: row {i} ran past the window and the terminal wrapped it:\n{shown}");
        let full = row.trim_end().width() == usize::from(cols);
        let split = full && letter(row.trim_end().chars().last()) && letter(next.chars().next());
        assert!(!split, "{what} at {cols}: a word is split at the end of row {i}:\n{row}\n{next}\n\n{shown}");
    }
    shown
}

#[test]
fn coach_review_select_and_show_wrap_at_spaces_at_60_and_80_columns() {
    let env = TestEnv::new();
    let commands: [&[&str]; 7] = [
        &["coach"],
        &["select"],
        &["review"],
        &["show", "budi"],
        &["show", "jurgen"],
        &["goal", "show", "1"],
        &["goal", "check"],
    ];
    for lang in ["en", "id"] {
        for command in commands {
            // Read only: --no-input keeps the terminal from being asked anything.
            let args: Vec<&str> = ["--no-input", "--demo", "--lang", lang].iter().chain(command).copied().collect();
            let what = args.join(" ");
            let (out, err) = env.ok(&args);
            let whole: HashSet<String> =
                out.split_whitespace().chain(err.split_whitespace()).map(str::to_string).collect();
            let mut long = false;
            for cols in [60, 80] {
                let mut s = start(&env, cols, &args);
                let mut t = Transcript::default();
                t.end(&mut s, &what);
                let shown = assert_no_split(&t.0, cols, &what);
                crate::pty::assert_whole_words(&shown, &whole, &format!("{what} at {cols}"));
                long |= shown.lines().count() > out.lines().count() + err.lines().count();
            }
            // The check means something only where lines had to be wrapped.
            if command[0] != "goal" {
                assert!(long, "{what}: some line is longer than 60 columns, so some wrapping happened");
            }
        }
    }
}

#[test]
fn a_long_value_continues_under_its_label_and_a_note_under_its_value() {
    let env = TestEnv::new();
    env.add("Nadia Putri", &["--note", "first line of a note\nsecond line of the same note"]);
    let mut s = start(&env, 60, &["show", "nadia"]);
    let mut t = Transcript::default();
    t.end(&mut s, "show");
    let shown = assert_no_split(&t.0, 60, "show");
    let lines: Vec<&str> = shown.lines().collect();
    let at = lines.iter().position(|l| l.starts_with("  note:")).expect("a note line");
    assert_eq!(lines[at + 1], format!("{:21}second line of the same note", ""), "{shown}");
    let keep = lines.iter().position(|l| l.starts_with("  keep in touch:")).expect("keep in touch");
    assert!(lines[keep].width() > 50, "the value fills the line:\n{shown}");
    assert!(lines[keep + 1].starts_with(&" ".repeat(21)), "and continues under itself:\n{shown}");
}

#[test]
fn the_goal_wizard_wraps_its_hints_questions_and_options() {
    for (lang, cols) in [("en", 60), ("id", 60), ("en", 80), ("id", 80)] {
        let env = TestEnv::new();
        let mut s = start(&env, cols, &["--lang", lang, "goal", "new"]);
        let mut t = Transcript::default();
        let first = if lang == "en" { "Goal, in a few words:" } else { "Tujuan, dalam beberapa kata:" };
        t.step(&mut s, first, "Meet more people in fintech this quarter\r");
        // Every other question has a default or may be skipped; the check then offers to
        // fix weak letters, Enter on its first option fixes one, and Esc ends it all.
        t.enter_to_the_end(&mut s, 40);
        assert_no_split(&t.0, cols, &format!("goal new --lang {lang}"));
    }
}

#[test]
fn the_review_answered_on_a_terminal_wraps_at_spaces() {
    for (lang, cols) in [("en", 60), ("id", 60), ("en", 80)] {
        let env = TestEnv::new();
        let mut s = start(&env, cols, &["--demo", "--lang", lang, "review"]);
        let mut t = Transcript::default();
        t.enter_to_the_end(&mut s, 100);
        assert_no_split(&t.0, cols, &format!("review --lang {lang}"));
    }
}

#[test]
fn esc_at_an_indonesian_prompt_leaves_an_indonesian_mark() {
    let env = TestEnv::new();
    let mut s = crate::pty::spawn(&env, &["--lang", "id", "add-contact"]);
    let mut t = Transcript::default();
    t.step(&mut s, "Nama:", "\x1b");
    t.end(&mut s, "add-contact");
    let text = t.text();
    assert!(text.contains("<dibatalkan>") && !text.contains("<canceled>"), "{text}");
}
