//! Why talking to the server failed, each worded once in both languages with what the
//! user should check (`Localized`), never with the password.

use crate::i18n::{Lang, Localized};
use crate::{t, tn};

/// Why talking to the server failed.
#[derive(Debug, Clone, PartialEq)]
pub enum DavError {
    Auth {
        server: String,
    },
    NotDav {
        url: String,
    },
    /// No CalDAV server answers at the URL where the reminders calendar was looked for.
    NotCalDav {
        url: String,
    },
    /// The calendar named for the reminders is not there (404).
    NoCalendar {
        url: String,
    },
    /// The URL named for the reminders is something other than a calendar.
    NotCalendar {
        url: String,
    },
    /// The URL names something other than what was asked for.
    NotCollection {
        url: String,
        found: Resource,
    },
    Status {
        server: String,
        status: u16,
        what: String,
    },
    Malformed {
        server: String,
        detail: String,
    },
    Connect {
        server: String,
        detail: String,
    },
    Timeout {
        server: String,
    },
    Tls {
        server: String,
        detail: String,
    },
    /// An answer bigger than `dav::MAX_ANSWER` (in MiB).
    TooLarge {
        server: String,
        limit: u64,
    },
    /// The whole run took longer than it may (in minutes).
    OutOfTime {
        minutes: u64,
        run: Stopped,
    },
    /// The server sent jejaring (by a redirect or an href) to an origin the user did
    /// not set up: the password does not go there.
    Elsewhere {
        from: String,
        to: String,
    },
    /// A redirect from https down to plain http: never followed.
    Downgrade {
        from: String,
        to: String,
    },
    /// A write outside the collections synced.
    Outside {
        url: String,
    },
}

/// The run the overall time limit stopped, so the sentence says what is true of it:
/// the connection does not know, the command tells it (`DavError::during`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stopped {
    /// A sync: nothing here was changed.
    #[default]
    Sync,
    /// A sync whose new `--only` (or `--all`) choice was saved before the server was asked.
    SyncChoiceSaved,
    /// `sync setup`: the setup here stays as it was.
    Setup,
    /// A sync's calendar push, after the contacts were synced (and are saved).
    Calendar,
}

impl DavError {
    /// The same error, saying that it stopped `run` when it is the overall time limit.
    pub fn during(self, run: Stopped) -> DavError {
        match self {
            DavError::OutOfTime { minutes, .. } => DavError::OutOfTime { minutes, run },
            e => e,
        }
    }
}

/// What a URL turned out to be, for an error naming it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    /// Nothing (404).
    Missing,
    AddressBook,
    Calendar,
    /// A plain folder (collection) that is neither.
    Folder,
    /// A user's principal (the account itself).
    Principal,
    /// Not a folder: a single file.
    File,
}

crate::localized_error!(DavError);

impl Resource {
    fn words(self, lang: Lang) -> String {
        match self {
            Resource::Missing => t!(lang, "nothing there (404)", "tidak ada apa-apa di sana (404)"),
            Resource::AddressBook => t!(lang, "an address book", "buku alamat"),
            Resource::Calendar => t!(lang, "a calendar", "kalender"),
            Resource::Folder => t!(lang, "a folder that is not an address book", "folder yang bukan buku alamat"),
            Resource::Principal => t!(lang, "a user account, not an address book", "akun pengguna, bukan buku alamat"),
            Resource::File => t!(lang, "a single file", "satu berkas"),
        }
    }
}

impl Localized for DavError {
    fn message(&self, lang: Lang) -> String {
        match self {
            DavError::Auth { server } => t!(
                lang,
                "{server} refused the user name or password; check --user and the password (JEJARING_SYNC_PASSWORD or --password-command)",
                "{server} menolak nama pengguna atau kata sandi; periksa --user dan kata sandinya (JEJARING_SYNC_PASSWORD atau --password-command)"
            ),
            DavError::NotDav { url } => t!(
                lang,
                "{url} is not a CardDAV server or address book; check the URL (see `jejaring sync setup --help`)",
                "{url} bukan server atau buku alamat CardDAV; periksa URL-nya (lihat `jejaring sync setup --help`)"
            ),
            DavError::NotCalDav { url } => t!(
                lang,
                "{url} is not a CalDAV server or calendar, so the calendar for reminders was not found there; check the URL, or leave out --calendar",
                "{url} bukan server atau kalender CalDAV, jadi kalender untuk pengingat tidak ditemukan di sana; periksa URL-nya, atau jangan pakai --calendar"
            ),
            DavError::NoCalendar { url } => t!(
                lang,
                "the calendar {url} was not found (nothing there, 404); check the URL given to --calendar, or pass --create to make it",
                "kalender {url} tidak ditemukan (tidak ada apa-apa di sana, 404); periksa URL yang diberikan ke --calendar, atau berikan --create untuk membuatnya"
            ),
            DavError::NotCalendar { url } => t!(
                lang,
                "{url} is not a calendar; give the calendar's own URL to --calendar, or --calendar alone to find jejaring's own",
                "{url} bukan kalender; berikan URL kalendernya sendiri ke --calendar, atau --calendar saja untuk mencari kalender milik jejaring"
            ),
            DavError::NotCollection { url, found } => {
                let found = found.words(lang);
                t!(
                    lang,
                    "{url} is {found}; give the address book's own URL, or the server's address to find it",
                    "{url} adalah {found}; berikan URL buku alamatnya sendiri, atau alamat server untuk mencarinya"
                )
            }
            DavError::Status { server, status, what } => t!(
                lang,
                "{server} answered {status} to {what}; check the server and try again",
                "{server} menjawab {status} untuk {what}; periksa servernya lalu coba lagi"
            ),
            DavError::Malformed { server, detail } => t!(
                lang,
                "{server} sent an answer that is not valid WebDAV ({detail}); check that the URL is a CardDAV server",
                "{server} mengirim jawaban yang bukan WebDAV yang sah ({detail}); periksa bahwa URL-nya server CardDAV"
            ),
            DavError::Connect { server, detail } => t!(
                lang,
                "could not talk to {server} ({detail}); check the address and your connection",
                "tidak bisa berbicara dengan {server} ({detail}); periksa alamat dan koneksi Anda"
            ),
            DavError::Timeout { server } => t!(
                lang,
                "{server} did not answer in time; check your connection and try again",
                "{server} tidak menjawab tepat waktu; periksa koneksi Anda lalu coba lagi"
            ),
            DavError::Tls { server, detail } => t!(
                lang,
                "the secure connection to {server} failed ({detail}); check the address, or pass --insecure to `sync setup` only for a server you trust",
                "koneksi aman ke {server} gagal ({detail}); periksa alamatnya, atau berikan --insecure ke `sync setup` hanya untuk server yang Anda percaya"
            ),
            DavError::TooLarge { server, limit } => t!(
                lang,
                "{server} sent an answer larger than {limit} MiB, which jejaring does not read; check that the URL is a CardDAV server",
                "{server} mengirim jawaban lebih dari {limit} MiB, yang tidak dibaca jejaring; periksa bahwa URL-nya server CardDAV"
            ),
            DavError::OutOfTime { minutes, run } => {
                let n = *minutes;
                match run {
                    Stopped::Sync => tn!(
                        lang,
                        n,
                        "the sync did not finish within {n} minute, so it stopped; nothing here was changed, and the next sync takes up where it stopped (--max-time gives it longer)",
                        "the sync did not finish within {n} minutes, so it stopped; nothing here was changed, and the next sync takes up where it stopped (--max-time gives it longer)",
                        "sinkron tidak selesai dalam {n} menit, jadi dihentikan; tidak ada yang berubah di sini, dan sinkron berikutnya melanjutkan dari situ (--max-time memberi waktu lebih lama)"
                    ),
                    Stopped::SyncChoiceSaved => tn!(
                        lang,
                        n,
                        "the sync did not finish within {n} minute, so it stopped; your choice of whom to send (--only or --all) was saved, nothing else here was changed, and the next sync takes up where it stopped (--max-time gives it longer)",
                        "the sync did not finish within {n} minutes, so it stopped; your choice of whom to send (--only or --all) was saved, nothing else here was changed, and the next sync takes up where it stopped (--max-time gives it longer)",
                        "sinkron tidak selesai dalam {n} menit, jadi dihentikan; pilihan siapa yang dikirim (--only atau --all) sudah disimpan, selain itu tidak ada yang berubah di sini, dan sinkron berikutnya melanjutkan dari situ (--max-time memberi waktu lebih lama)"
                    ),
                    Stopped::Calendar => tn!(
                        lang,
                        n,
                        "the sync did not finish within {n} minute, so it stopped before the calendar was done (--max-time gives it longer)",
                        "the sync did not finish within {n} minutes, so it stopped before the calendar was done (--max-time gives it longer)",
                        "sinkron tidak selesai dalam {n} menit, jadi dihentikan sebelum kalendernya selesai (--max-time memberi waktu lebih lama)"
                    ),
                    Stopped::Setup => tn!(
                        lang,
                        n,
                        "`sync setup` did not finish within {n} minute, so it stopped; the setup here stays as it was (run it again; --max-time gives it longer)",
                        "`sync setup` did not finish within {n} minutes, so it stopped; the setup here stays as it was (run it again; --max-time gives it longer)",
                        "`sync setup` tidak selesai dalam {n} menit, jadi dihentikan; penyiapan di sini tetap seperti sebelumnya (jalankan lagi; --max-time memberi waktu lebih lama)"
                    ),
                }
            }
            DavError::Elsewhere { from, to } => t!(
                lang,
                "{from} sends jejaring to {to}, another server, and your password goes only where you set up sync; if you trust {to}, run `jejaring sync setup` again and confirm it (or pass --follow-redirect)",
                "{from} mengarahkan jejaring ke {to}, server lain, dan kata sandi Anda hanya dikirim ke tempat sinkron disiapkan; jika Anda percaya {to}, jalankan `jejaring sync setup` lagi dan setujui (atau berikan --follow-redirect)"
            ),
            DavError::Downgrade { from, to } => t!(
                lang,
                "{from} redirects to {to}, plain http, where the password would travel unencrypted; not followed (check the server's address)",
                "{from} mengalihkan ke {to}, http biasa, tempat kata sandi akan terkirim tanpa enkripsi; tidak diikuti (periksa alamat servernya)"
            ),
            DavError::Outside { url } => t!(
                lang,
                "refused to change {url}: it is outside the address book and calendar jejaring syncs",
                "menolak mengubah {url}: letaknya di luar buku alamat dan kalender yang disinkronkan jejaring"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_one_english_wording_and_an_indonesian_one() {
        let s = || "h:1".to_string();
        let all = [
            DavError::Auth { server: s() },
            DavError::NotDav { url: s() },
            DavError::NotCalDav { url: s() },
            DavError::NoCalendar { url: s() },
            DavError::NotCalendar { url: s() },
            DavError::NotCollection { url: s(), found: Resource::Missing },
            DavError::NotCollection { url: s(), found: Resource::Calendar },
            DavError::Status { server: s(), status: 500, what: "PUT".into() },
            DavError::Malformed { server: s(), detail: "x".into() },
            DavError::Connect { server: s(), detail: "x".into() },
            DavError::Timeout { server: s() },
            DavError::Tls { server: s(), detail: "x".into() },
            DavError::TooLarge { server: s(), limit: 64 },
            DavError::OutOfTime { minutes: 60, run: Stopped::Sync },
            DavError::OutOfTime { minutes: 60, run: Stopped::SyncChoiceSaved },
            DavError::OutOfTime { minutes: 60, run: Stopped::Setup },
            DavError::OutOfTime { minutes: 60, run: Stopped::Calendar },
            DavError::Elsewhere { from: s(), to: "http://o:2/".into() },
            DavError::Downgrade { from: s(), to: "http://h/".into() },
            DavError::Outside { url: s() },
        ];
        for e in all {
            assert_eq!(e.to_string(), e.message(Lang::En));
            assert_ne!(e.message(Lang::En), e.message(Lang::Id), "{e}");
        }
    }
}
