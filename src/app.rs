//! What every command gets: the terminal, the clock, the data file's location and the
//! way to open it (or the demo network in its place).

use crate::clock::Clock;
use crate::demo;
use crate::prompt::{Prompter, Terminal};
use crate::store::{Access, Saved, Store};
use crate::t;
use crate::ui::Ui;
use std::path::PathBuf;
use std::time::Duration;

/// The context a command runs in.
pub struct App {
    pub ui: Ui,
    pub clock: Clock,
    /// The data file (also shown in demo mode, where it is not used).
    pub data: PathBuf,
    pub demo: bool,
    /// How long to wait for another jejaring's lock.
    pub lock_wait: Duration,
}

impl App {
    /// Opens the network for reading.
    pub fn open_read(&self) -> anyhow::Result<Store> {
        self.open(Access::Read)
    }

    /// Opens the network to change it; the lock is held until the store is dropped.
    pub fn open_write(&self) -> anyhow::Result<Store> {
        self.open(Access::Write)
    }

    fn open(&self, access: Access) -> anyhow::Result<Store> {
        if self.demo {
            return Ok(Store::in_memory(demo::network(self.clock.today)?));
        }
        let lang = self.ui.lang;
        let path = self.data.display().to_string();
        let store = Store::open(&self.data, access, self.lock_wait, || {
            self.ui.info(t!(
                lang,
                "waiting for another jejaring to finish with {path}…",
                "menunggu jejaring lain selesai dengan {path}…"
            ))
        })?;
        // Every command ends the process soon after it is done with the network.
        Ok(store.freed_by_exit())
    }

    /// Saves a changed network, or says that the demo keeps nothing.
    pub fn save(&self, store: &mut Store) -> anyhow::Result<()> {
        if store.save()? == Saved::NotInDemo {
            self.ui.info(t!(
                self.ui.lang,
                "(demo network: this change is not saved)",
                "(jaringan demo: perubahan ini tidak disimpan)"
            ));
        }
        Ok(())
    }

    /// Asks until the answer passes `check` (explaining each refusal) or is empty (None).
    pub fn ask_checked(
        &self,
        p: &mut dyn Prompter,
        question: &str,
        help: &str,
        check: &dyn Fn(&str) -> anyhow::Result<()>,
    ) -> anyhow::Result<Option<String>> {
        loop {
            let answer = p.text(question, Some(help))?;
            if answer.trim().is_empty() {
                return Ok(None);
            }
            match check(&answer) {
                Ok(()) => return Ok(Some(answer)),
                Err(e) => self.ui.warn(crate::errors::report(&e, self.ui.lang).0.unwrap_or_default()),
            }
        }
    }

    /// A prompter when the user can be asked, None when they cannot (not a terminal,
    /// or `--no-input`).
    pub fn prompter(&self) -> Option<Terminal> {
        self.ui.interactive.then_some(Terminal { lang: self.ui.lang })
    }
}
