//! Asking the user, behind a small trait: the terminal implementation uses `inquire`
//! (which refuses anything but a terminal), and every question also has a flag, so
//! scripts never need this.

use crate::i18n::Lang;
use crate::t;
use crate::ui::{self, shown};
use inquire::InquireError;
use inquire::ui::{Color, RenderConfig, Styled};

/// The user pressed Ctrl-C or Esc at a prompt: stop and save nothing.
#[derive(Debug, thiserror::Error)]
#[error("interrupted")]
pub struct Interrupted;

/// The questions commands ask.
pub trait Prompter {
    /// Free text; an empty answer is returned as "" (the caller decides if that is fine).
    fn text(&mut self, question: &str, help: Option<&str>) -> anyhow::Result<String>;
    /// Yes or no.
    fn confirm(&mut self, question: &str, default: bool) -> anyhow::Result<bool>;
    /// One of several options; returns its index.
    fn choose(&mut self, question: &str, options: &[String], default: usize) -> anyhow::Result<usize>;
}

/// Prompts on the terminal (stderr), in the user's language.
pub struct Terminal {
    pub lang: Lang,
}

impl Terminal {
    fn map(&self, e: InquireError) -> anyhow::Error {
        match e {
            InquireError::OperationCanceled | InquireError::OperationInterrupted => Interrupted.into(),
            other => anyhow::Error::new(other).context(t!(
                self.lang,
                "could not ask on the terminal",
                "tidak bisa bertanya di terminal"
            )),
        }
    }

    /// The look of every prompt: inquire's own, with the mark an Esc leaves in the
    /// user's language.
    fn look(&self) -> RenderConfig<'static> {
        let canceled = match self.lang {
            Lang::En => "<canceled>",
            Lang::Id => "<dibatalkan>",
        };
        RenderConfig::default().with_canceled_prompt_indicator(Styled::new(canceled).with_fg(Color::DarkRed))
    }

    /// A question as the prompt shows it: harmless (questions name contacts), and on a
    /// narrow terminal wrapped at spaces under itself, leaving `after` columns on its
    /// last line for the hint and the answer. inquire would break it anywhere.
    fn question(&self, question: &str, after: usize) -> String {
        // "? " comes before the question; continuation lines sit under its first word.
        fit(&shown(question), 2, after, "\n  ")
    }

    /// A help line as the prompt shows it, inside `[` `]`.
    fn help(&self, help: &str) -> String {
        fit(&shown(help), 1, 1, "\n ")
    }
}

/// The answer as the prompt echoes it after `question` (as shown, `? ` before it):
/// wrapped at spaces to continue under the question, where inquire would cut it at the
/// window's edge.
fn echo(question: &str, answer: &str) -> String {
    let Some(width) = ui::stderr_width() else { return answer.to_string() };
    let last = question.rsplit('\n').next().unwrap_or("");
    let before = if question.contains('\n') { 0 } else { 2 };
    ui::continued(answer, before + ui::seen_width(last) + 1, width)
}

/// A wrapped option as one line of words: its continuation lines are indented under
/// its value, as deep as its label, and all of that indent goes.
fn one_line(option: &str) -> String {
    option.split('\n').map(str::trim).collect::<Vec<_>>().join(" ")
}

/// `text` wrapped to the terminal on stderr when it is one, `lead` columns coming before
/// it and `after` columns kept free at the end; continuation lines start with `joint`.
fn fit(text: &str, lead: usize, after: usize, joint: &str) -> String {
    match ui::stderr_width() {
        Some(width) if lead + after + ui::seen_width(text) > width => {
            let room = width.saturating_sub(lead + after).max(20);
            ui::wrapped(text, room).replace('\n', joint)
        }
        _ => text.to_string(),
    }
}

impl Prompter for Terminal {
    fn text(&mut self, question: &str, help: Option<&str>) -> anyhow::Result<String> {
        let question = self.question(question, 1);
        let echoed = |answer: &str| echo(&question, answer);
        let mut p = inquire::Text::new(&question).with_render_config(self.look()).with_formatter(&echoed);
        let help = help.map(|h| self.help(h));
        if let Some(h) = &help {
            p = p.with_help_message(h);
        }
        p.prompt().map_err(|e| self.map(e))
    }

    fn confirm(&mut self, question: &str, default: bool) -> anyhow::Result<bool> {
        let lang = self.lang;
        inquire::Confirm::new(&self.question(question, 7))
            .with_render_config(self.look())
            .with_default(default)
            .with_parser(&|s: &str| match s.trim().to_lowercase().as_str() {
                "y" | "yes" | "ya" => Ok(true),
                "n" | "no" | "t" | "tidak" => Ok(false),
                _ => Err(()),
            })
            .with_error_message(match lang {
                Lang::En => "type y or n",
                Lang::Id => "ketik y atau t",
            })
            // The hint beside the question (the default in capitals) and the answer
            // echoed once given, in the user's language.
            .with_default_value_formatter(&move |default| yes_no_hint(lang, default).to_string())
            .with_formatter(&move |answer| yes_no(lang, answer).to_string())
            .prompt()
            .map_err(|e| self.map(e))
    }

    fn choose(&mut self, question: &str, options: &[String], default: usize) -> anyhow::Result<usize> {
        let help = t!(
            self.lang,
            "[↑↓ to move, enter to select, type to filter]",
            "[↑↓ untuk pindah, enter untuk memilih, ketik untuk menyaring]"
        );
        // Options sit after "> "; a long one continues under its first word.
        let options = options.iter().map(|o| fit(&shown(o), 2, 0, "\n  ")).collect();
        let question = self.question(question, 0);
        // The chosen option is echoed as one line of words after the question.
        let echoed = |o: inquire::list_option::ListOption<&String>| echo(&question, &one_line(o.value));
        inquire::Select::new(&question, options)
            .with_render_config(self.look())
            .with_formatter(&echoed)
            .with_starting_cursor(default)
            .with_help_message(&self.help(&help))
            .raw_prompt()
            .map(|o| o.index)
            .map_err(|e| self.map(e))
    }
}

/// The hint a yes/no question shows, its default in capitals: `y/N`, `Y/t`.
pub fn yes_no_hint(lang: Lang, default: bool) -> &'static str {
    match (lang, default) {
        (Lang::En, true) => "Y/n",
        (Lang::En, false) => "y/N",
        (Lang::Id, true) => "Y/t",
        (Lang::Id, false) => "y/T",
    }
}

/// A yes/no answer as it is echoed.
pub fn yes_no(lang: Lang, answer: bool) -> &'static str {
    match (lang, answer) {
        (Lang::En, true) => "Yes",
        (Lang::En, false) => "No",
        (Lang::Id, true) => "Ya",
        (Lang::Id, false) => "Tidak",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_option_is_echoed_as_one_line_of_words() {
        let option = "Fix S (Specific): the title alone does not say\n                   what you will do";
        assert_eq!(one_line(option), "Fix S (Specific): the title alone does not say what you will do");
        assert_eq!(one_line("Keep it"), "Keep it");
    }
}
