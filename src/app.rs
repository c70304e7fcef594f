//! What every command gets: the terminal, the clock, the data file's location and the
//! way to open it (or the demo network in its place).

use crate::clock::Clock;
use crate::dates::{self, Lean};
use crate::demo;
use crate::model::Network;
use crate::model::listed::Listed;
use crate::prompt::{Prompter, Terminal};
use crate::store::part::rows_of;
use crate::store::{Finding, Found, Listing, Outline, Roster, Saved, Store, Wanted, Writer};
use crate::t;
use crate::ui::Ui;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::time::Duration;

/// What `App::change` found to do: save the change and report `T`, or report `T` with
/// nothing saved (the network already was as asked).
pub enum Change<T> {
    Save(T),
    Unchanged(T),
}

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
        if self.demo {
            return Ok(Store::in_memory(demo::network_in(self.clock.today, self.ui.lang)?));
        }
        let store = Store::open(&self.data, self.lock_wait, || self.say_waiting())?;
        // Every command ends the process soon after it is done with the network.
        Ok(store.freed_by_exit())
    }

    /// The contacts `listing` asks for, whole, and the day each was last talked to, given
    /// to `then`, for a command that shows no more (`list`).
    pub fn open_roster<T>(
        &self,
        listing: Listing,
        then: impl FnOnce(Roster) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        if self.demo {
            return then(Found::of(demo::network_in(self.clock.today, self.ui.lang)?, listing).roster());
        }
        Store::open_roster(&self.data, self.lock_wait, || self.say_waiting(), listing, then)
    }

    /// What `row` gathers into `new(n)` from every contact's row and the day each was
    /// last talked to, one gathering after another (see `Store::open_rows`), for a plain
    /// `list`.
    pub fn open_rows<S: Send>(
        &self,
        new: impl Fn(usize) -> S + Sync,
        row: impl Fn(&mut S, &Listed, Option<NaiveDate>) + Sync,
    ) -> anyhow::Result<Vec<S>> {
        if self.demo {
            return Ok(vec![rows_of(&demo::network_in(self.clock.today, self.ui.lang)?, new, row)]);
        }
        Store::open_rows(&self.data, self.lock_wait, || self.say_waiting(), new, row)
    }

    /// The part of the network `choose` picks from its outline, for a command about one
    /// person (`show`; see `Store::open_part`).
    pub fn open_part(
        &self,
        finding: Finding,
        choose: impl Fn(&Outline) -> anyhow::Result<Wanted>,
    ) -> anyhow::Result<Store> {
        if self.demo {
            let outline = Outline::of(demo::network_in(self.clock.today, self.ui.lang)?);
            let wanted = choose(&outline)?;
            return Ok(Store::in_memory(outline.taken(&wanted)));
        }
        // Tests only (the `test-hooks` feature): `JEJARING_TEST_READ_WHOLE` reads the whole
        // network instead, so a test can prove the part says all the whole would.
        #[cfg(feature = "test-hooks")]
        if std::env::var_os("JEJARING_TEST_READ_WHOLE").is_some() {
            let store = self.open_read()?;
            choose(&Outline::of(store.net.clone()))?;
            return Ok(store);
        }
        let store = Store::open_part(&self.data, self.lock_wait, || self.say_waiting(), finding, choose)?;
        Ok(store.freed_by_exit())
    }

    /// The one way a command changes the network: opens it for writing (the lock is
    /// held throughout), lets `apply` change it, saves, and only then lets `report` print
    /// what was done, so data on stdout is always data in the file. Ask every question
    /// before calling this: the lock must not wait on the user.
    pub fn change<T>(
        &self,
        apply: impl FnOnce(&mut Network) -> anyhow::Result<Change<T>>,
        report: impl FnOnce(&Network, T) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let store = self.open_write()?;
        self.save_change(store, apply, report)
    }

    /// `change` for a command about a few people (`log`, `promise`, `add-contact`,
    /// `snooze`, `knows`, `know`, `trust`):
    /// `choose` is given the network in outline and picks the contacts the change needs
    /// whole (see `Store::open_write_part`), with what it found; `apply` is then given a
    /// network that holds those contacts and every record but the other contacts and
    /// the interactions, to change those contacts and add contacts or interactions. The
    /// file saved is the one `change` would save; only less of it is read.
    pub fn change_part<C, T>(
        &self,
        choose: impl Fn(&Outline) -> anyhow::Result<(Wanted, C)>,
        apply: impl FnOnce(&mut Network, C) -> anyhow::Result<Change<T>>,
        report: impl FnOnce(&Network, T) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        // Tests only (the `test-hooks` feature): `JEJARING_TEST_READ_WHOLE` changes the whole
        // network instead, so a test can prove a part saves what the whole would.
        #[cfg(feature = "test-hooks")]
        if std::env::var_os("JEJARING_TEST_READ_WHOLE").is_some() {
            let store = self.open_write()?;
            let (_, chosen) = choose(&Outline::of(store.net.clone()))?;
            return self.save_change(store, |net| apply(net, chosen), report);
        }
        let (store, chosen) = match self.demo {
            true => {
                let outline = Outline::of(demo::network_in(self.clock.today, self.ui.lang)?);
                let (_, chosen) = choose(&outline)?;
                (Writer::in_memory(outline.into_network()), chosen)
            }
            false => {
                let (store, chosen) =
                    Store::open_write_part(&self.data, self.lock_wait, || self.say_waiting(), choose)?;
                (store.freed_by_exit(), chosen)
            }
        };
        self.save_change(store, |net| apply(net, chosen), report)
    }

    /// Lets `apply` change the network `store` holds, saves, then reports.
    fn save_change<T>(
        &self,
        mut store: Writer,
        apply: impl FnOnce(&mut Network) -> anyhow::Result<Change<T>>,
        report: impl FnOnce(&Network, T) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let done = match apply(&mut store.net)? {
            Change::Save(done) => {
                if store.save()? == Saved::NotInDemo {
                    self.ui.info(t!(
                        self.ui.lang,
                        "(demo network: this change is not saved)",
                        "(jaringan demo: perubahan ini tidak disimpan)"
                    ));
                }
                done
            }
            Change::Unchanged(done) => done,
        };
        report(&store.net, done)
    }

    fn open_write(&self) -> anyhow::Result<Writer> {
        if self.demo {
            return Ok(Writer::in_memory(demo::network_in(self.clock.today, self.ui.lang)?));
        }
        let store = Store::open_write(&self.data, self.lock_wait, || self.say_waiting())?;
        Ok(store.freed_by_exit())
    }

    fn say_waiting(&self) {
        let path = self.data.display().to_string();
        self.ui.info(t!(
            self.ui.lang,
            "waiting for another jejaring to finish with {path}…",
            "menunggu jejaring lain selesai dengan {path}…"
        ))
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

    /// Asks for a day after today (a new deadline, a new due date) until one is given,
    /// explaining a bad answer in the user's words; Enter gives None (decide later).
    pub fn ask_future_day(&self, p: &mut dyn Prompter, question: &str) -> anyhow::Result<Option<NaiveDate>> {
        let (lang, today) = (self.ui.lang, self.clock.today);
        let parse = |v: &str| -> anyhow::Result<NaiveDate> {
            let day = dates::parse_day(v, today, Lean::Future)?;
            if day <= today {
                anyhow::bail!(t!(
                    lang,
                    "{day} is not after today; give a later day",
                    "{day} bukan setelah hari ini; berikan tanggal yang lebih lambat"
                ));
            }
            Ok(day)
        };
        let help = t!(
            lang,
            "in 2 weeks, fri, 2027-03-31; Enter to decide later",
            "2 minggu lagi, jumat, 2027-03-31; Enter untuk memutuskan nanti"
        );
        let answer = self.ask_checked(p, question, &help, &|v| parse(v).map(drop))?;
        answer.map(|a| parse(&a)).transpose()
    }

    /// A prompter when the user can be asked, None when they cannot (not a terminal,
    /// or `--no-input`).
    pub fn prompter(&self) -> Option<Terminal> {
        self.ui.interactive.then_some(Terminal { lang: self.ui.lang })
    }
}
