//! The Indonesian `--help` of `jejaring sync` and its subcommands.

/// The Indonesian for one English help string of the sync commands, if there is one.
pub(super) fn sync(en: &str) -> Option<&'static str> {
    Some(match en {
        "Sync contacts with your phone's address book (CardDAV) and reminders to a calendar" => {
            "Sinkronkan kontak dengan buku alamat ponsel (CardDAV) dan pengingat ke kalender"
        }
        "Sync contacts with your phone's address book (CardDAV) and reminders to a calendar\n\nNames, emails, \
         phones, organisation, role, addresses, birthday, web pages and the contact's note travel both ways, with \
         circle, stage and cadence as X-JEJARING-* properties. Trust notes, facts, promises, impressions, \
         conversations, goals and reviews never leave this machine. Set up once with `jejaring sync setup URL`." => {
            "Sinkronkan kontak dengan buku alamat ponsel (CardDAV) dan pengingat ke kalender\n\nNama, email, \
             telepon, organisasi, peran, alamat, tanggal lahir, halaman web, dan catatan kontak berpindah dua \
             arah, dengan lingkaran, tahap, dan jangka waktu sebagai properti X-JEJARING-*. Catatan kepercayaan, \
             fakta, janji, kesan, percakapan, tujuan, dan tinjauan tidak pernah meninggalkan mesin ini. Siapkan \
             sekali dengan `jejaring sync setup URL`."
        }
        "Show what would happen; change nothing here or on the server" => {
            "Tampilkan apa yang akan terjadi; tidak mengubah apa pun di sini maupun di server"
        }
        "Connect jejaring to a CardDAV server (the server's address or an address book's)" => {
            "Hubungkan jejaring ke server CardDAV (alamat server atau alamat buku alamat)"
        }
        "Connect jejaring to a CardDAV server (the server's address or an address book's)\n\nThe password is \
         never stored: it comes from --password-command (run at each sync; its output is the password) or from \
         JEJARING_SYNC_PASSWORD." => {
            "Hubungkan jejaring ke server CardDAV (alamat server atau alamat buku alamat)\n\nKata sandi tidak \
             pernah disimpan: diambil dari --password-command (dijalankan setiap sinkron; keluarannya adalah kata \
             sandi) atau dari JEJARING_SYNC_PASSWORD."
        }
        "The server's address or an address book's" => "Alamat server atau alamat buku alamat",
        "The user name on the server" => "Nama pengguna di server",
        "A command whose output is the password, run at each sync" => {
            "Perintah yang keluarannya adalah kata sandi, dijalankan setiap sinkron"
        }
        "A calendar jejaring owns, for reminders (its events are replaced at each sync); without a URL, the \
         account's calendar named jejaring-reminders" => {
            "Kalender milik jejaring untuk pengingat (acaranya diganti setiap sinkron); tanpa URL, kalender akun \
             yang bernama jejaring-reminders"
        }
        "Make an address book (and the calendar) named jejaring when there is none" => {
            "Buat buku alamat (dan kalender) bernama jejaring bila belum ada"
        }
        "Do not check the server's certificate (only for a server you trust)" => {
            "Jangan periksa sertifikat server (hanya untuk server yang Anda percaya)"
        }
        "Show the server, the last sync and what is waiting to be sent" => {
            "Tampilkan server, sinkron terakhir, dan apa yang menunggu dikirim"
        }
        _ => return None,
    })
}
