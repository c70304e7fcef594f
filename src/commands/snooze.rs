//! `jejaring snooze`: keep someone out of the weekly picks and `list --due` for a while
//! (they are travelling, on leave, or you agreed to talk next quarter).

use super::resolve;
use crate::app::{App, Change};
use crate::dates::{self, Lean};
use crate::errors::UsageError;
use crate::model::Outcome;
use crate::store::{Outline, Wanted};
use crate::t;
use anyhow::Context;

/// Leave someone out of the picks and `list --due` until a date
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Handle, name, unique prefix or fuzzy match
    pub contact: String,
    /// Until when: 2027-01-15, in 3 weeks, next month
    #[arg(long, value_name = "DATE", required_unless_present = "off")]
    pub until: Option<String>,
    /// End the snooze now
    #[arg(long, conflicts_with = "until")]
    pub off: bool,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let until = match &args.until {
        Some(s) => Some(dates::parse_day(s, today, Lean::Future).context("--until")?),
        None if args.off => None,
        None => {
            return Err(UsageError(t!(lang, "give --until DATE or --off", "berikan --until TANGGAL atau --off")).into());
        }
    };
    if let Some(day) = until
        && day <= today
    {
        anyhow::bail!(t!(lang, "--until {day} is not in the future", "--until {day} bukan di masa depan"));
    }
    // Who is found in the network's outline; only they are read whole.
    let choose = |outline: &Outline| {
        let n = resolve::head(outline, &args.contact, lang)?;
        Ok((Wanted::new([n], []), outline.heads[n].id))
    };
    app.change_part(
        choose,
        |net, id| {
            // The part read holds them, as the whole network does.
            let i = net.contact_index(&id).ok_or_else(|| {
                let who = &args.contact;
                anyhow::anyhow!(t!(lang, "{who} is no longer in the network", "{who} sudah tidak ada di jaringan"))
            })?;
            net.contacts[i].snoozed_until = until;
            Ok(Change::Save(i))
        },
        |net, i| {
            let c = &net.contacts[i];
            if app.ui.json {
                app.ui.json_value(c)?;
            }
            let name = &c.name;
            match until {
                Some(day) => app.ui.info(t!(lang, "{name} is snoozed until {day}", "{name} ditunda sampai {day}")),
                None => app.ui.info(t!(lang, "{name} is back in the picks", "{name} kembali masuk usulan")),
            }
            // A snooze rests the relationship, never a debt: say what is still owed.
            if until.is_some() {
                let mut owed: Vec<_> = net
                    .promises
                    .iter()
                    .filter(|p| p.contact == c.id && matches!(p.outcome(today), Outcome::Open | Outcome::Overdue))
                    .collect();
                owed.sort_by_key(|p| (p.due, p.n));
                for p in owed {
                    let (n, due) = (p.n, p.due);
                    app.ui.warn(if p.outcome(today) == Outcome::Overdue {
                        t!(
                            lang,
                            "you owe {name} promise #{n}, overdue since {due}: the snooze does not hide it, and it stays in the picks until you deliver it",
                            "Anda berutang janji #{n} kepada {name}, lewat tenggat sejak {due}: penundaan tidak menyembunyikannya, dan janji itu tetap diusulkan sampai Anda tepati"
                        )
                    } else {
                        t!(
                            lang,
                            "you owe {name} promise #{n}, due {due}: the snooze does not move it",
                            "Anda berutang janji #{n} kepada {name}, jatuh tempo {due}: penundaan tidak menggesernya"
                        )
                    });
                }
            }
            Ok(())
        },
    )
}
