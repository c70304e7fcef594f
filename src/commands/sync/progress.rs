//! What a long sync says while it runs: before sending many new cards, how many and
//! about how long, and that it can be stopped and resumed; then a labelled progress
//! bar on stderr (hidden when stderr is not a terminal, with --quiet or --json).

use crate::app::App;
use crate::i18n::Lang;
use crate::sync::engine;
use crate::{t, tn};

/// How many cards make a sync big enough for the notice and a progress bar.
const PROGRESS_FROM: u64 = 200;

pub(super) struct Bar<'a> {
    app: &'a App,
    dry_run: bool,
    /// Whether `--only` already limits what is sent (then it is not suggested).
    limited: bool,
    bar: indicatif::ProgressBar,
}

impl<'a> Bar<'a> {
    pub(super) fn new(app: &'a App, dry_run: bool, limited: bool) -> Bar<'a> {
        Bar { app, dry_run, limited, bar: indicatif::ProgressBar::hidden() }
    }

    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl engine::Progress for Bar<'_> {
    fn total(&self, pulls: u64, pushes: u64, on_server: u64) {
        let (app, lang) = (self.app, self.app.ui.lang);
        if pushes >= PROGRESS_FROM {
            let n = pushes;
            let time = duration(estimate(pushes, on_server), lang);
            app.ui.info(tn!(
                lang,
                n,
                "{n} contact to send to the phone as a new card; a slow server takes up to about {time} for that.",
                "{n} contacts to send to the phone as new cards; a slow server takes up to about {time} for that.",
                "{n} kontak akan dikirim ke ponsel sebagai kartu baru; server yang lambat butuh sampai sekitar {time}."
            ));
            if !self.dry_run {
                app.ui.info(t!(
                    lang,
                    "You can stop it at any time (Ctrl-C) and run `jejaring sync` again: it goes on where it stopped, with nobody doubled.",
                    "Anda bisa menghentikannya kapan saja (Ctrl-C) lalu jalankan `jejaring sync` lagi: sinkron berlanjut dari titik itu, tanpa ada yang ganda."
                ));
            }
            if !self.limited {
                app.ui.info(t!(
                    lang,
                    "To put only part of your network on the phone: `jejaring sync --only TAG|CIRCLE`.",
                    "Untuk menaruh sebagian jaringan saja di ponsel: `jejaring sync --only TAG|LINGKARAN`."
                ));
            }
        }
        let n = pulls + pushes;
        if self.dry_run || app.ui.quiet || app.ui.json || n < PROGRESS_FROM {
            return;
        }
        self.bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        self.bar.set_length(n);
        self.bar.set_message(t!(lang, "Syncing", "Sinkron"));
        let left = t!(lang, "left", "lagi");
        if let Ok(style) =
            indicatif::ProgressStyle::with_template(&format!("{{msg}} {{bar:30}} {{pos}}/{{len}} ({{eta}} {left})"))
        {
            self.bar.set_style(style);
        }
    }

    fn step(&self) {
        self.bar.inc(1);
    }
}

/// Seconds a slow server may take for `n` new cards in a book of `m`: measured on
/// Radicale, which checks each new card's UID against every card it holds (1,000 new
/// cards took 24 s, 10,000 took 27 minutes), so the time grows with the square.
fn estimate(n: u64, m: u64) -> u64 {
    let (n, m) = (n as f64, m as f64);
    let secs = 0.0087 * n + 1.53e-5 * ((m + n).powi(2) - m.powi(2));
    secs.ceil() as u64
}

/// A rough duration in words.
fn duration(secs: u64, lang: Lang) -> String {
    let minutes = secs.div_ceil(60);
    match minutes {
        0 | 1 => t!(lang, "a minute", "satu menit"),
        m if m < 120 => tn!(lang, m, "{m} minute", "{m} minutes", "{m} menit"),
        m => {
            let h = m.div_ceil(60);
            tn!(lang, h, "{h} hour", "{h} hours", "{h} jam")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_follows_what_radicale_took() {
        assert!((20..=30).contains(&estimate(1_000, 0)), "{}", estimate(1_000, 0));
        let big = estimate(10_000, 0);
        assert!((1_500..=1_700).contains(&big), "{big}");
        assert!(estimate(100, 10_000) > estimate(100, 0), "a full book is slower");
        assert_eq!(duration(big, Lang::En), "27 minutes");
        assert_eq!(duration(30, Lang::En), "a minute");
        assert_eq!(duration(4 * 3600, Lang::Id), "4 jam");
    }
}
