//! Where output goes and how it looks: data on stdout, messages and prompts on stderr,
//! colour decided once, tables sized to the terminal and prose wrapped to it.
//!
//! Stdout is held in memory and written when the command succeeds (or in 64 KiB
//! chunks for big listings). When a command fails — a save refused, a lock timed out —
//! what it had prepared for stdout is dropped, so a script never reads a record that
//! was not saved. On a terminal, stdout is written before each message so the two
//! streams stay in order.

mod fit;
mod grid;
mod safe;
mod share;
mod wrap;

pub use fit::seen_width;
pub use grid::Grid;
pub use safe::shown;

use crate::i18n::Lang;
use anstyle::{AnsiColor, Style};
use std::cell::{OnceCell, RefCell};
use std::io::{self, IsTerminal, Write};

/// `--color`: auto follows the terminal and `NO_COLOR`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// The room a piped table has: never narrowed, so piped output is one line a row,
/// columns as wide as their widest cell, with a `-` rule under the header (on a
/// terminal `fit` draws the same layout with `─`, narrowed to the window).
const PIPE_ROOM: usize = usize::MAX / 4;

/// Styles used across commands.
pub mod style {
    use super::*;
    pub const HEADING: Style = Style::new().bold();
    pub const DIM: Style = Style::new().dimmed();
    pub const GOOD: Style = AnsiColor::Green.on_default();
    pub const WARN: Style = AnsiColor::Yellow.on_default();
    pub const BAD: Style = AnsiColor::Red.on_default();
}

/// The terminal side of a run.
pub struct Ui {
    pub lang: Lang,
    pub json: bool,
    pub quiet: bool,
    /// Prompts are allowed: stdin and stderr are terminals and `--no-input` was not given.
    pub interactive: bool,
    stdout_tty: bool,
    stderr_tty: bool,
    color_out: bool,
    color_err: bool,
    /// Stdout not yet written.
    out: RefCell<Vec<u8>>,
    /// The terminals' widths, asked once (not for every line) and only when wanted.
    stdout_width: OnceCell<Option<usize>>,
    stderr_width: OnceCell<Option<usize>>,
}

/// The facts the colour and prompt decisions rest on, gathered by the caller.
pub struct UiSettings {
    pub lang: Lang,
    pub json: bool,
    pub quiet: bool,
    pub no_input: bool,
    pub color: ColorChoice,
    pub no_color_env: bool,
}

impl Ui {
    pub fn new(s: UiSettings) -> Ui {
        let stdout_tty = io::stdout().is_terminal();
        let stderr_tty = io::stderr().is_terminal();
        let stdin_tty = io::stdin().is_terminal();
        let color = |tty: bool| match s.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !s.no_color_env,
        };
        Ui {
            lang: s.lang,
            json: s.json,
            quiet: s.quiet,
            interactive: !s.no_input && stdin_tty && stderr_tty,
            stdout_tty,
            stderr_tty,
            color_out: color(stdout_tty) && !s.json,
            color_err: color(stderr_tty),
            out: RefCell::new(Vec::new()),
            stdout_width: OnceCell::new(),
            stderr_width: OnceCell::new(),
        }
    }

    /// The width of the terminal stdout is, None when it is not one that tells.
    fn stdout_width(&self) -> Option<usize> {
        *self.stdout_width.get_or_init(|| self.stdout_tty.then(|| width_of(io::stdout())).flatten())
    }

    /// Writes one line of data to stdout; on a terminal, wrapped to its width at spaces
    /// with a hanging indent (`wrap`), never when piped.
    pub fn line(&self, text: impl AsRef<str>) -> io::Result<()> {
        let mut out = Stdout(self);
        let text = shown(text.as_ref());
        match self.stdout_width() {
            Some(width) => out.write_all(wrap::prose(&text, prose_width(width)).as_bytes())?,
            None => out.write_all(text.as_bytes())?,
        }
        out.write_all(b"\n")
    }

    /// Writes a value as pretty JSON to stdout.
    pub fn json_value<T: serde::Serialize + ?Sized>(&self, value: &T) -> io::Result<()> {
        let mut out = Stdout(self);
        // `io::Error::from` hands back serde_json's underlying I/O error as it was, so a
        // closed pipe (`jejaring list --json | head`) is still recognised as one.
        serde_json::to_writer_pretty(Shown(&mut out, safe::json_shown), value).map_err(io::Error::from)?;
        out.write_all(b"\n")
    }

    /// Writes a whole document (an export) to stdout: to a file or a pipe its exact
    /// bytes; to a terminal made harmless like every other output (control characters
    /// made visible, JSON's written as escapes) with CRLF line ends shown as plain ones.
    pub fn document(&self, bytes: &[u8], json: bool) -> io::Result<()> {
        self.flush()?;
        let mut out = io::stdout().lock();
        if !self.stdout_tty {
            out.write_all(bytes)?;
        } else {
            let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
            let safe = if json { safe::json_shown(&text) } else { shown(&text) };
            out.write_all(safe.as_bytes())?;
        }
        if !bytes.ends_with(b"\n") {
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// Writes what is held for stdout; called at the end of a successful run (a broken
    /// pipe surfaces here) and before prompts.
    pub fn flush(&self) -> io::Result<()> {
        let mut held = self.out.borrow_mut();
        let mut stdout = io::stdout().lock();
        stdout.write_all(&held)?;
        held.clear();
        stdout.flush()
    }

    /// Drops what is held for stdout: the command failed.
    pub fn discard(&self) {
        self.out.borrow_mut().clear();
    }

    /// Styles text for stdout (plain when colour is off).
    pub fn paint(&self, style: Style, text: impl std::fmt::Display) -> String {
        paint(self.color_out, style, text)
    }

    /// A status message on stderr; `--quiet` silences it.
    pub fn info(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            self.err_line(msg.as_ref());
        }
    }

    /// A warning on stderr; shown even with `--quiet`.
    pub fn warn(&self, msg: impl AsRef<str>) {
        let label = match self.lang {
            Lang::En => "warning",
            Lang::Id => "peringatan",
        };
        self.err_line(&format!("{}: {}", paint(self.color_err, style::WARN, label), msg.as_ref()));
    }

    /// An error line on stderr.
    pub fn error(&self, msg: impl AsRef<str>) {
        let label = match self.lang {
            Lang::En => "error",
            Lang::Id => "galat",
        };
        self.err_line(&format!("{}: {}", paint(self.color_err, style::BAD, label), msg.as_ref()));
    }

    fn err_line(&self, msg: &str) {
        // Keep stdout and stderr in order when a person reads both on one terminal.
        if self.stdout_tty {
            let _ = self.flush();
        }
        let text = shown(msg);
        let text = match *self.stderr_width.get_or_init(|| self.stderr_tty.then(|| width_of(io::stderr())).flatten()) {
            Some(width) => wrap::prose(&text, prose_width(width)).into_owned(),
            None => text.into_owned(),
        };
        let _ = writeln!(io::stderr().lock(), "{text}");
    }

    /// A table with the given header, to fill and hand to `show_table`. It has no
    /// `Display` on purpose: only `show_table` knows whether to fit it to a terminal.
    pub fn table(&self, header: Vec<String>) -> Rows {
        Rows { header, rows: Vec::new() }
    }

    /// Writes a table: on a terminal fitted to its width (`fit`), whether or not colour
    /// is on; when piped, in the fixed layout scripts read (the same layout, never
    /// narrowed).
    pub fn show_table(&self, table: &Rows) -> io::Result<()> {
        if self.stdout_tty {
            return self.fitted(&table.header, &table.rows);
        }
        // Cells made harmless (jejaring's own colours made escapes) before the layout.
        let safe = |cells: &[String]| cells.iter().map(|c| shown(c).into_owned()).collect::<Vec<_>>();
        let (header, rows) = (safe(&table.header), table.rows.iter().map(|r| safe(r)).collect::<Vec<_>>());
        let text = fit::render(&header, &rows, PIPE_ROOM, '-');
        Stdout(self).write_all(text.as_bytes())
    }

    /// Writes the grid's rows in `order` as a table: on a terminal fitted to its width;
    /// when piped, a line at a time with `grid::write_plain` (the same layout without a
    /// string for every cell, which a long piped list cannot afford).
    pub fn table_lines(&self, header: Vec<String>, grid: &Grid, order: &[usize]) -> io::Result<()> {
        let rows = || -> Vec<Vec<String>> {
            order.iter().map(|&n| grid.cells(n).map(|(cell, _)| cell.to_string()).collect()).collect()
        };
        if self.stdout_tty {
            return self.fitted(&header, &rows());
        }
        if let Some(widths) = grid::plain_widths(&header, grid, order) {
            // The grid's cells were made harmless as they were added.
            let header: Vec<String> = header.iter().map(|h| shown(h).into_owned()).collect();
            return grid::write_plain(&header, grid, order, &widths, &mut Stdout(self));
        }
        self.show_table(&Rows { header, rows: rows() })
    }

    /// A table fitted to the terminal's width (80 when it cannot be told).
    fn fitted(&self, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
        let width = self.stdout_width().unwrap_or(80);
        // Cells made harmless (and jejaring's own colours made escapes) before fitting,
        // so the fitting sees only escapes it knows.
        let safe = |cells: &[String]| cells.iter().map(|c| shown(c).into_owned()).collect::<Vec<_>>();
        let rows: Vec<Vec<String>> = rows.iter().map(|r| safe(r)).collect();
        let text = fit::render(&safe(header), &rows, width, '─');
        Stdout(self).write_all(text.as_bytes())
    }
}

/// A table's header and rows, as `Ui::table` hands it out.
pub struct Rows {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Rows {
    pub fn add_row(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }
}

/// The width of the terminal `stream` is, when it is one that tells.
#[cfg(unix)]
fn width_of(stream: impl std::os::fd::AsFd) -> Option<usize> {
    terminal_size::terminal_size_of(stream).map(|(w, _)| usize::from(w.0)).filter(|&w| w > 0)
}

/// The width of the terminal (elsewhere, the console's).
#[cfg(not(unix))]
fn width_of<T>(_stream: T) -> Option<usize> {
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)).filter(|&w| w > 0)
}

/// The width prose on stderr's terminal is wrapped to, None when stderr is not one.
pub fn stderr_width() -> Option<usize> {
    io::stderr().is_terminal().then(|| width_of(io::stderr())).flatten().map(prose_width)
}

/// Prose stops one column short of the window: terminals differ in what they do with
/// a character in the last column, and a row filled to the edge is then always one the
/// terminal (or a prompt library) broke, never a line of ours.
fn prose_width(window: usize) -> usize {
    window.saturating_sub(1).max(1)
}

/// Prose wrapped to `width` columns at spaces, continuation lines under the value (for
/// text a prompt shows itself).
pub fn wrapped(text: &str, width: usize) -> String {
    wrap::prose(text, width).into_owned()
}

/// `text` continuing a line already `at` columns long, wrapped to `width` (a prompt's
/// echoed answer after its question).
pub fn continued(text: &str, at: usize, width: usize) -> String {
    wrap::continued(text, at, width)
}

/// How much stdout is held before it is written anyway (big listings stream).
const HOLD_BYTES: usize = 64 * 1024;

/// A writer into the held stdout.
struct Stdout<'a>(&'a Ui);

impl Write for Stdout<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let full = {
            let mut held = self.0.out.borrow_mut();
            held.extend_from_slice(buf);
            held.len() >= HOLD_BYTES
        };
        if full {
            self.0.flush()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A writer that passes each piece of text through `safe` (each write is whole text:
/// the writers above write a `str` at a time).
struct Shown<W: Write>(W, fn(&str) -> std::borrow::Cow<'_, str>);

impl<W: Write> Write for Shown<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(text) => self.0.write_all((self.1)(text).as_bytes())?,
            Err(_) => self.0.write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Styled text, the styles as markers that `shown` turns into escapes (see `safe`).
fn paint(on: bool, style: Style, text: impl std::fmt::Display) -> String {
    if on {
        format!("{}{text}{}", safe::marked(&format!("{style}")), safe::marked(&format!("{style:#}")))
    } else {
        text.to_string()
    }
}
