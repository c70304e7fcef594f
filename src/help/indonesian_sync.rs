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
        "Show who would be linked, added, changed and deleted; change nothing" => {
            "Tampilkan siapa yang akan ditautkan, ditambahkan, diubah, dan dihapus; tidak mengubah apa pun"
        }
        "Send to the phone only the contacts in this circle or with this tag (repeat for several); remembered \
         for later syncs. Cards from the phone always come in, and contacts already on the phone stay synced" => {
            "Kirim ke ponsel hanya kontak di lingkaran ini atau yang punya tag ini (ulangi untuk beberapa); \
             diingat untuk sinkron berikutnya. Kartu dari ponsel selalu masuk, dan kontak yang sudah ada di ponsel \
             tetap disinkronkan"
        }
        "Forget --only: send every contact to the phone from now on" => {
            "Lupakan --only: kirim semua kontak ke ponsel mulai sekarang"
        }
        "Stop sending reminders, and remove the ones jejaring put in the calendar" => {
            "Berhenti mengirim pengingat, dan hapus pengingat yang ditaruh jejaring di kalender"
        }
        "Go ahead when the URL is another address book than the one synced so far" => {
            "Lanjutkan bila URL-nya buku alamat lain dari yang disinkronkan selama ini"
        }
        "Connect jejaring to a CardDAV server (the server's address or an address book's)" => {
            "Hubungkan jejaring ke server CardDAV (alamat server atau alamat buku alamat)"
        }
        "Connect jejaring to a CardDAV server (the server's address or an address book's)\n\nThe password is \
         never stored: it comes from --password-command (run at each sync; its output is the password), from \
         JEJARING_SYNC_PASSWORD, or is asked for on a terminal. It goes only to the server given here: a redirect \
         to another server is shown and needs a yes (or --follow-redirect), and plain http to another machine \
         needs --allow-insecure-http." => {
            "Hubungkan jejaring ke server CardDAV (alamat server atau alamat buku alamat)\n\nKata sandi tidak \
             pernah disimpan: diambil dari --password-command (dijalankan setiap sinkron; keluarannya adalah kata \
             sandi), dari JEJARING_SYNC_PASSWORD, atau ditanyakan di terminal. Kata sandi hanya dikirim ke server \
             yang diberikan di sini: pengalihan ke server lain ditampilkan dan perlu jawaban ya (atau \
             --follow-redirect), dan http biasa ke mesin lain perlu --allow-insecure-http."
        }
        "Follow the server to another address (and send it the password) without asking" => {
            "Ikuti server ke alamat lain (dan kirim kata sandi ke sana) tanpa bertanya"
        }
        "Allow plain http to another machine, though the password then travels unencrypted" => {
            "Izinkan http biasa ke mesin lain, meski kata sandi lalu terkirim tanpa enkripsi"
        }
        "Seconds connecting and sending may take (receiving an answer, ten times that)" => {
            "Detik yang boleh dipakai untuk menyambung dan mengirim (menerima jawaban, sepuluh kali itu)"
        }
        "Minutes the whole run may take before it stops; what it found is then not saved" => {
            "Menit yang boleh dipakai seluruh proses sebelum berhenti; apa yang ditemukannya lalu tidak disimpan"
        }
        "The server's address or an address book's" => "Alamat server atau alamat buku alamat",
        "The user name on the server" => "Nama pengguna di server",
        "A command whose output is the password, run at each sync" => {
            "Perintah yang keluarannya adalah kata sandi, dijalankan setiap sinkron"
        }
        "A calendar jejaring owns, for reminders (its events are replaced at each sync); without a URL, the \
         account's calendar named jejaring-reminders. Without this flag a calendar set up before is kept" => {
            "Kalender milik jejaring untuk pengingat (acaranya diganti setiap sinkron); tanpa URL, kalender akun \
             yang bernama jejaring-reminders. Tanpa opsi ini, kalender yang disiapkan sebelumnya tetap dipakai"
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
