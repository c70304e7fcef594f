//! `--help` in the user's language: the language is decided from the raw arguments
//! before parsing, and for Indonesian the clap command tree is rewritten from a table.
//!
//! English needs nothing: the doc comments are the English help. The translated tree is
//! built only when an Indonesian user asks for help, so no other run pays for it.

mod indonesian;
mod indonesian_args;
mod indonesian_intro;
mod indonesian_sync;

use crate::cli::Cli;
use crate::i18n::Lang;
use clap::builder::{PossibleValue, Resettable, StyledStr};
use clap::error::ErrorKind;
use clap::{Arg, Command, CommandFactory, FromArgMatches, Parser, ValueEnum};
use std::ffi::OsString;

/// The `--lang` given on the command line (`--lang id` or `--lang=id`; the last one
/// wins, anything after `--` is not a flag), read before clap parses so that the help
/// clap prints can already be translated. An unknown value counts as not given.
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut args = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        let value = match arg {
            "--" => break,
            "--lang" => args.next(),
            _ => arg.strip_prefix("--lang="),
        };
        if let Some(value) = value {
            found = Lang::from_str(value, false).ok();
        }
    }
    found
}

/// Parses the arguments, printing help and headings in `lang`; errors (help and version
/// included) are returned for the caller to print, as `Cli::try_parse_from` does.
pub fn parse(lang: Lang, args: &[OsString]) -> Result<Cli, clap::Error> {
    let parsed = Cli::try_parse_from(args);
    match parsed {
        // Only help is translated, so the translated tree is built only when help is
        // asked for: every other run, in any language, parses as cheaply as English.
        Err(e) if lang != Lang::En && matches!(e.kind(), ErrorKind::DisplayHelp) => {
            Cli::from_arg_matches(&command(lang).try_get_matches_from(args)?)
        }
        parsed => parsed,
    }
}

/// Prints a parse error (or the help, or the version) as clap would, except that an
/// unknown value is worded in `lang` with the values listed by the names the screen
/// shows (`orang-asing`, not `stranger`).
pub fn print_error(lang: Lang, e: &clap::Error) -> std::io::Result<()> {
    use clap::error::{ContextKind, ContextValue};
    if lang == Lang::En || e.kind() != ErrorKind::InvalidValue {
        return e.print();
    }
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let (Some(arg), Some(given)) = (text(ContextKind::InvalidArg), text(ContextKind::InvalidValue)) else {
        return e.print();
    };
    let valid: Vec<String> = match e.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    };
    let shown = local_names(&valid);
    let mut msg = if given.is_empty() {
        format!("galat: {arg} perlu sebuah nilai")
    } else {
        format!("galat: nilai '{given}' tidak dikenal untuk '{arg}'")
    };
    if !shown.is_empty() {
        msg.push_str(&format!("\n  [nilai yang mungkin: {}]", shown.join(", ")));
    }
    msg.push_str("\n\nUntuk keterangan lebih lanjut, coba '--help'.\n");
    use std::io::Write;
    std::io::stderr().lock().write_all(msg.as_bytes())
}

/// The names the screen shows for the values clap lists as `valid`: those of the first
/// argument in the command tree whose possible values are exactly these.
fn local_names(valid: &[String]) -> Vec<String> {
    fn find(cmd: &Command, valid: &[String]) -> Option<Vec<String>> {
        for arg in cmd.get_arguments() {
            let values: Vec<PossibleValue> =
                arg.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect();
            if !values.is_empty()
                && values.len() == valid.len()
                && values.iter().zip(valid).all(|(v, n)| v.get_name() == n)
            {
                return Some(values.iter().map(|v| local_name(v).to_string()).collect());
            }
        }
        cmd.get_subcommands().find_map(|sub| find(sub, valid))
    }
    find(&Cli::command(), valid).unwrap_or_else(|| valid.to_vec())
}

/// The whole command tree with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    // Building first adds clap's own `--help`, `--version` and `help` entries and copies
    // the global flags into every subcommand, so the walk translates those too.
    cmd.build();
    localise(cmd, indonesian::translate)
}

/// Looks up the translation of one English help string.
type Table = fn(&str) -> Option<&'static str>;

/// Rewrites one command, its arguments and its subcommands with `table`. Text without
/// a translation stays English (the unit tests make sure there is none).
fn localise(cmd: Command, table: Table) -> Command {
    let tr = |s: Option<&StyledStr>| value(s.map(|s| to_text(s, table)));
    let about = tr(cmd.get_about());
    let long_about = tr(cmd.get_long_about());
    let usage = cmd.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        table("Usage:").unwrap_or("Usage:")
    );
    cmd.about(about)
        .long_about(long_about)
        .help_template(template)
        .subcommand_help_heading(table("Commands").unwrap_or("Commands"))
        .mut_args(|arg| localise_arg(arg, table))
        .mut_subcommands(|sub| localise(sub, table))
}

/// The translation of `s`, or `s` itself.
fn to_text(s: &StyledStr, table: Table) -> String {
    let s = s.to_string();
    table(&s).map(str::to_string).unwrap_or(s)
}

/// Translates an argument's help and heading, and writes its default and possible
/// values into the help itself: clap would label them in English.
fn localise_arg(arg: Arg, table: Table) -> Arg {
    let help = arg.get_help().map(|s| to_text(s, table));
    let long_help = arg.get_long_help().map(|s| to_text(s, table));
    let heading = match arg.get_help_heading() {
        Some(h) => table(h),
        None if arg.is_positional() => table("Arguments"),
        None => table("Options"),
    };
    let arg = match heading {
        Some(h) => arg.help_heading(h),
        None => arg,
    };

    let defaults = arg.get_default_values();
    let default =
        (arg.get_action().takes_values() && !arg.is_hide_default_value_set() && !defaults.is_empty()).then(|| {
            let values: Vec<_> = defaults.iter().map(|v| v.to_string_lossy()).collect();
            format!("[{}: {}]", table("default").unwrap_or("default"), values.join(" "))
        });
    let values: Vec<PossibleValue> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect()
    };
    // A value with an Indonesian name (the vocabularies' first alias) is listed by it:
    // what the help lists is what the screen shows and what can be typed back.
    let names: Vec<&str> = values.iter().map(local_name).collect();
    let inline_values = (!names.is_empty())
        .then(|| format!("[{}: {}]", table("possible values").unwrap_or("possible values"), names.join(", ")));
    if default.is_none() && inline_values.is_none() {
        return arg.help(value(help)).long_help(value(long_help));
    }
    // As clap does: values with their own help are listed one a line in the long help.
    let mut value_list = String::new();
    if values.iter().any(|v| v.get_help().is_some()) {
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0) + 1;
        value_list.push_str(table("Possible values:").unwrap_or("Possible values:"));
        for v in &values {
            let name = format!("{}:", local_name(v));
            let help = v.get_help().map(|h| to_text(h, table)).unwrap_or_default();
            value_list.push_str(&format!("\n- {name:<width$} {help}"));
        }
    }

    let (default, inline_values) = (default.unwrap_or_default(), inline_values.unwrap_or_default());
    let short = join_nonempty(&[help.as_deref().unwrap_or(""), &default, &inline_values], " ");
    let long_specs = if value_list.is_empty() { join_nonempty(&[&default, &inline_values], "\n") } else { default };
    let long_base = long_help.or(help).unwrap_or_default();
    let long = join_nonempty(&[&long_base, &long_specs, &value_list], "\n\n");
    arg.hide_default_value(true).hide_possible_values(true).help(short).long_help(long)
}

/// The name a possible value is listed by in a translated help or error: its first
/// alias when it has one (the vocabularies give their Indonesian name first), else its
/// own name.
fn local_name(v: &PossibleValue) -> &str {
    v.get_name_and_aliases().nth(1).unwrap_or(v.get_name())
}

/// A text for clap's builder, which takes `Option<&'static str>` but not an owned one.
fn value(text: Option<String>) -> Resettable<StyledStr> {
    text.map_or(Resettable::Reset, |t| Resettable::Value(t.into()))
}

/// The non-empty parts joined with `sep`.
fn join_nonempty(parts: &[&str], sep: &str) -> String {
    parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(sep)
}

#[cfg(test)]
mod tests;
