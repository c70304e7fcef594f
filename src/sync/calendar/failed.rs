//! The error of a sync whose contacts were synced and saved but whose calendar push
//! failed: it says both, why the calendar failed (the server and what it answered), and
//! that the next sync retries what the calendar is missing.

use crate::i18n::{Lang, Localized};
use crate::sync::dav::DavError;
use crate::t;

/// The calendar push failed after the contacts were synced and saved.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarFailed(pub DavError);

crate::localized_error!(CalendarFailed);

impl Localized for CalendarFailed {
    fn message(&self, lang: Lang) -> String {
        let why = self.0.message(lang);
        t!(
            lang,
            "the contacts were synced, but the reminders calendar was not: {why}; run `jejaring sync` again to retry the calendar",
            "kontak sudah disinkronkan, tetapi kalender pengingat belum: {why}; jalankan `jejaring sync` lagi untuk mencoba ulang kalendernya"
        )
    }
}
