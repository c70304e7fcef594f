//! `jejaring intro dropped A --to B [--on DATE]`: the introduction will not happen. It
//! closes the request without blame: not every door opens, and A owed you nothing.

use crate::app::{App, Change};
use crate::model::link::IntroStatus;
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Whom you asked
    pub via: String,
    /// Whom you wanted to meet
    #[arg(long, value_name = "CONTACT")]
    pub to: String,
    /// Why, for yourself
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    // The same date words and checks as `intro ask --on` and `intro done --on`.
    let (on, note) = super::day_and_note(args.on.as_deref(), args.note.as_deref(), today)?;
    app.change(
        |net| {
            let (via, to) = super::pair(net, &args.via, &args.to, lang)?;
            let Some(i) = super::open_request(net, &via, &to) else {
                anyhow::bail!(t!(
                    lang,
                    "there is no open request for this introduction; see them with `jejaring intro list`",
                    "tidak ada permintaan perkenalan ini yang masih terbuka; lihat dengan `jejaring intro list`"
                ));
            };
            let intro = &mut net.intros[i];
            super::not_before_asked(intro, on, lang)?;
            intro.status = IntroStatus::Dropped;
            intro.resolved_on = Some(on);
            if let Some(note) = note {
                intro.note = Some(match intro.note.take() {
                    Some(old) => format!("{old}\n{note}"),
                    None => note,
                });
            }
            Ok(Change::Save(intro.clone()))
        },
        |net, intro| {
            if app.ui.json {
                app.ui.json_value(&intro)?;
            }
            let (via, to, n) = (super::name(net, &intro.via), super::name(net, &intro.to), intro.n);
            // The day is said when it is not today, as `intro done` says its day.
            app.ui.info(if on == today {
                t!(
                    lang,
                    "Closed #{n}: the introduction to {to} will not happen this time. No blame to {via}; there are other routes (`jejaring path \"{to}\"`).",
                    "#{n} ditutup: perkenalan dengan {to} tidak terjadi kali ini. {via} tidak bersalah; ada jalan lain (`jejaring path \"{to}\"`)."
                )
            } else {
                t!(
                    lang,
                    "Closed #{n} on {on}: the introduction to {to} will not happen this time. No blame to {via}; there are other routes (`jejaring path \"{to}\"`).",
                    "#{n} ditutup pada {on}: perkenalan dengan {to} tidak terjadi kali ini. {via} tidak bersalah; ada jalan lain (`jejaring path \"{to}\"`)."
                )
            });
            Ok(())
        },
    )
}
