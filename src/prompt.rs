//! Asking the user, behind a small trait: the terminal implementation uses `inquire`
//! (which refuses anything but a terminal), and every question also has a flag, so
//! scripts never need this.

use crate::i18n::Lang;
use crate::t;
use crate::ui::shown;
use inquire::InquireError;

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
}

impl Prompter for Terminal {
    fn text(&mut self, question: &str, help: Option<&str>) -> anyhow::Result<String> {
        // Questions name contacts: shown harmlessly, like every value on the terminal.
        let question = shown(question);
        let mut p = inquire::Text::new(&question);
        let help = help.map(shown);
        if let Some(h) = &help {
            p = p.with_help_message(h);
        }
        p.prompt().map_err(|e| self.map(e))
    }

    fn confirm(&mut self, question: &str, default: bool) -> anyhow::Result<bool> {
        let lang = self.lang;
        inquire::Confirm::new(&shown(question))
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
        inquire::Select::new(&shown(question), options.iter().map(|o| shown(o).into_owned()).collect())
            .with_starting_cursor(default)
            .with_help_message(&help)
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
