//! Asking the user, behind a small trait: the terminal implementation uses `inquire`
//! (which refuses anything but a terminal), and every question also has a flag, so
//! scripts never need this.

use crate::i18n::Lang;
use crate::t;
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
        let mut p = inquire::Text::new(question);
        if let Some(h) = help {
            p = p.with_help_message(h);
        }
        p.prompt().map_err(|e| self.map(e))
    }

    fn confirm(&mut self, question: &str, default: bool) -> anyhow::Result<bool> {
        let (yes, no) = match self.lang {
            Lang::En => ("y", "n"),
            Lang::Id => ("y", "t"),
        };
        let lang = self.lang;
        inquire::Confirm::new(question)
            .with_default(default)
            .with_parser(&move |s: &str| match s.trim().to_lowercase().as_str() {
                "y" | "yes" | "ya" => Ok(true),
                "n" | "no" | "t" | "tidak" => Ok(false),
                _ => Err(()),
            })
            .with_error_message(match lang {
                Lang::En => "type y or n",
                Lang::Id => "ketik y atau t",
            })
            .with_placeholder(&format!("{yes}/{no}"))
            .prompt()
            .map_err(|e| self.map(e))
    }

    fn choose(&mut self, question: &str, options: &[String], default: usize) -> anyhow::Result<usize> {
        inquire::Select::new(question, options.to_vec())
            .with_starting_cursor(default)
            .raw_prompt()
            .map(|o| o.index)
            .map_err(|e| self.map(e))
    }
}
