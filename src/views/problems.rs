//! The problems an import met, as warnings: the first few, then how many more.

use crate::app::App;
use crate::tn;

/// Warns the first `max` problems, then says how many more `--json` would show.
pub fn warn(app: &App, problems: &[String], max: usize) {
    for p in problems.iter().take(max) {
        app.ui.warn(p);
    }
    if problems.len() > max {
        let more = problems.len() - max;
        app.ui.warn(tn!(
            app.ui.lang,
            more,
            "… and {more} more problem (use --json to see them all)",
            "… and {more} more problems (use --json to see them all)",
            "… dan {more} masalah lain (pakai --json untuk melihat semuanya)"
        ));
    }
}
