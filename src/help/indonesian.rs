//! The Indonesian `--help`, part one: what commands are for, and clap's own words.
//!
//! Keyed by the English text itself, so a doc comment changed without its translation
//! is no longer found, and the unit tests name it.

/// The Indonesian for one English help string, if there is one.
pub(super) fn translate(en: &str) -> Option<&'static str> {
    commands(en)
        .or_else(|| super::indonesian_args::args(en))
        .or_else(|| super::indonesian_sync::sync(en))
        .or_else(|| super::indonesian_intro::intro(en))
}

/// About texts of the commands (the first paragraph, then the whole doc comment), and
/// the words clap writes itself: its `help` and `--version` entries and its headings.
fn commands(en: &str) -> Option<&'static str> {
    Some(match en {
        // clap's own entries and headings.
        "Usage:" => "Pemakaian:",
        "Commands" => "Perintah",
        "Arguments" => "Argumen",
        "Options" => "Opsi",
        "Global options" => "Opsi umum",
        "default" => "bawaan",
        "possible values" => "nilai yang mungkin",
        "Possible values:" => "Nilai yang mungkin:",
        "Print help" => "Tampilkan bantuan",
        "Print help (see more with '--help')" => "Tampilkan bantuan (selengkapnya dengan '--help')",
        "Print help (see a summary with '-h')" => "Tampilkan bantuan (ringkasannya dengan '-h')",
        "Print version" => "Tampilkan versi",
        "Print this message or the help of the given subcommand(s)" => {
            "Tampilkan pesan ini atau bantuan untuk subperintah yang disebut"
        }
        "Print help for the subcommand(s)" => "Tampilkan bantuan untuk subperintah",

        // jejaring itself.
        "jejaring — a networking coach and contact tracker" => "jejaring — pelatih networking dan pencatat kontak",
        "jejaring — a networking coach and contact tracker.\n\nGrow a network that lasts in three steps: build \
         trust (know people, keep your promises), set SMART goals, and select whom to reach this week, from the \
         people you have to the strangers who widen your circle. Everything stays in one local JSON file." => {
            "jejaring — pelatih networking dan pencatat kontak.\n\nBangun jaringan yang bertahan lama dalam tiga \
             langkah: bangun kepercayaan (kenali orang, tepati janji Anda), tetapkan tujuan SMART, dan pilih siapa \
             yang Anda hubungi minggu ini, dari orang yang sudah Anda kenal sampai orang asing yang memperluas \
             lingkaran Anda. Semua data tersimpan di satu berkas JSON lokal."
        }

        // Contacts.
        "Add a person to your network" => "Tambahkan seseorang ke jaringan Anda",
        "Add a person to your network\n\nEvery field has a flag. Without a name, on a terminal, jejaring asks for \
         each field; with --no-input (or without a terminal) the name is required." => {
            "Tambahkan seseorang ke jaringan Anda\n\nSetiap kolom punya flag sendiri. Tanpa nama, di terminal, \
             jejaring menanyakan kolom satu per satu; dengan --no-input (atau tanpa terminal) nama wajib diisi."
        }
        "List contacts" => "Tampilkan daftar kontak",
        "Show everything about a contact" => "Tampilkan semua hal tentang satu kontak",
        "Change a contact" => "Ubah data kontak",
        "Change a contact\n\nFlags set fields (an empty value clears one: --org \"\", --birthday \"\"); --email, \
         --phone, --tag, --url and --address add, the --remove-… flags remove. With no flags on a terminal, the \
         contact opens in $VISUAL or $EDITOR as JSON." => {
            "Ubah data kontak\n\nFlag mengisi kolom (nilai kosong mengosongkannya: --org \"\", --birthday \"\"); \
             --email, --phone, --tag, --url dan --address menambah, flag --remove-… menghapus. Tanpa flag di \
             terminal, kontak dibuka sebagai JSON di $VISUAL atau $EDITOR."
        }
        "Remove a contact and their place in logged interactions" => {
            "Hapus kontak beserta keikutsertaannya dalam interaksi yang tercatat"
        }
        "Merge contact B into contact A (two records of one person)" => {
            "Gabungkan kontak B ke kontak A (dua catatan untuk satu orang)"
        }
        "Merge contact B into contact A (two records of one person)\n\nNothing is dropped: A gets both sets of \
         emails, phones, tags, web pages and addresses, and B's value for any field A leaves empty. Where both have \
         a different value, A's stays and B's is written into A's note. B's interactions, facts, promises, trust \
         history, goal links and plan picks become A's, and B is removed, in one save. Asks first on a terminal; \
         --yes in scripts. The backup taken before the save undoes it (see `jejaring paths`)." => {
            "Gabungkan kontak B ke kontak A (dua catatan untuk satu orang)\n\nTidak ada yang dibuang: A mendapat \
             email, telepon, tag, halaman web, dan alamat dari keduanya, serta nilai B untuk kolom yang kosong di A. \
             Bila keduanya punya nilai berbeda, nilai A tetap dan nilai B ditulis ke catatan A. Interaksi, fakta, \
             janji, riwayat kepercayaan, kaitan tujuan, dan pilihan rencana milik B menjadi milik A, lalu B dihapus, \
             dalam satu kali simpan. Di terminal bertanya dulu; dalam skrip pakai --yes. Cadangan yang dibuat \
             sebelum menyimpan bisa membatalkannya (lihat `jejaring paths`)."
        }
        "List likely duplicate contacts, with the evidence" => {
            "Tampilkan kontak yang mungkin duplikat, beserta buktinya"
        }
        "List likely duplicate contacts, with the evidence\n\nPairs that share an email, a phone number (its \
         digits), a vCard UID or a LinkedIn profile come first; then the same name at the same organisation, then \
         the same name with accents, case and word order folded. What speaks against a pair (different birthdays, \
         UIDs or LinkedIn profiles) is shown too. Nothing is changed: merge a pair you recognise with `jejaring \
         merge A B`." => {
            "Tampilkan kontak yang mungkin duplikat, beserta buktinya\n\nPasangan yang sama-sama memakai email, \
             nomor telepon (angkanya), UID vCard, atau profil LinkedIn yang sama tampil lebih dulu; lalu nama sama di \
             organisasi yang sama, lalu nama sama tanpa memandang aksen, huruf besar, dan urutan kata. Hal yang \
             menunjukkan keduanya berbeda (tanggal lahir, UID, atau profil LinkedIn yang berbeda) juga ditampilkan. \
             Tidak ada yang diubah: gabungkan pasangan yang Anda kenali dengan `jejaring merge A B`."
        }
        "Record an interaction with one or more contacts" => "Catat interaksi dengan satu kontak atau lebih",
        "Record an interaction with one or more contacts\n\nThe last argument is taken as the note when it does \
         not name a contact (use -m to be explicit): `jejaring log budi siti \"coffee at the meetup\"`." => {
            "Catat interaksi dengan satu kontak atau lebih\n\nArgumen terakhir dianggap catatan bila tidak menyebut \
             kontak (pakai -m agar tegas): `jejaring log budi siti \"coffee at the meetup\"`."
        }
        "Leave someone out of the picks and `list --due` until a date" => {
            "Keluarkan seseorang dari pilihan dan dari `list --due` sampai tanggal tertentu"
        }
        "A one-screen brief before you meet someone" => "Ringkasan satu layar sebelum Anda bertemu seseorang",

        // Step 1: trust.
        "Record or review trust" => "Catat atau tinjau kepercayaan",
        "Record or review trust\n\n`jejaring trust budi --up --note \"vouched for me with the hiring manager\"`. \
         With a contact and no flags, shows their trust history; with no contact, your reliability and trust \
         across the network." => {
            "Catat atau tinjau kepercayaan\n\n`jejaring trust budi --up --note \"vouched for me with the hiring \
             manager\"`. Dengan kontak tanpa flag, menampilkan riwayat kepercayaannya; tanpa kontak, menampilkan \
             keandalan Anda dan kepercayaan di seluruh jaringan."
        }
        "Record what you know about someone" => "Catat apa yang Anda ketahui tentang seseorang",
        "Record what you know about someone\n\n`jejaring know siti \"training for the Bali marathon\" --topic \
         interests`. Without a fact, lists what you know and the next question worth asking. (To record that two \
         people know each other, use `knows`.)" => {
            "Catat apa yang Anda ketahui tentang seseorang\n\n`jejaring know siti \"training for the Bali marathon\" \
             --topic interests`. Tanpa fakta, menampilkan apa yang sudah Anda ketahui dan pertanyaan berikutnya yang \
             layak diajukan. (Untuk mencatat bahwa dua orang saling kenal, pakai `knows`.)"
        }
        "Record a promise, or list and resolve them" => "Catat janji, atau tampilkan dan selesaikan janji",
        "Record a promise, or list and resolve them\n\n`jejaring promise budi \"send the market sizing deck\" --due \
         fri` records one; the subcommands list and resolve them." => {
            "Catat janji, atau tampilkan dan selesaikan janji\n\n`jejaring promise budi \"kirim materi ukuran \
             pasar\" --due jumat` mencatat satu janji; subperintahnya menampilkan dan menyelesaikan janji."
        }
        "List open, overdue or all promises" => "Tampilkan janji yang terbuka, terlambat, atau semuanya",
        "Mark a promise kept (on time or late, from the dates)" => {
            "Tandai janji sebagai ditepati (tepat waktu atau terlambat, menurut tanggalnya)"
        }
        "Mark a promise broken" => "Tandai janji sebagai diingkari",
        "Record a new due date you agreed (both dates are kept)" => {
            "Catat tenggat baru yang Anda sepakati (kedua tanggal tetap disimpan)"
        }

        // Step 2: goals.
        "Set SMART goals for your network and follow their progress" => {
            "Tetapkan tujuan SMART untuk jaringan Anda dan pantau kemajuannya"
        }
        "List goals with their progress" => "Tampilkan daftar tujuan beserta kemajuannya",
        "Set a new SMART goal" => "Tetapkan tujuan SMART baru",
        "Set a new SMART goal\n\nOn a terminal, a wizard asks for each letter (Specific, Measurable, Achievable, \
         Realistic, Timed), checks the goal and lets you fix weak letters or save anyway. Without a terminal (or \
         with --no-input), --title, --metric, --target and --deadline are required; the check is printed and the \
         goal saved unless --strict." => {
            "Tetapkan tujuan SMART baru\n\nDi terminal, panduan langkah demi langkah menanyakan setiap huruf \
             (Specific, Measurable, Achievable, Realistic, Timed), memeriksa tujuannya, lalu Anda bisa memperbaiki \
             huruf yang lemah atau tetap menyimpannya. Tanpa terminal (atau dengan --no-input), --title, --metric, \
             --target dan --deadline wajib diisi; hasil pemeriksaan dicetak dan tujuan disimpan, kecuali dengan \
             --strict."
        }
        "Show a goal: its SMART card, progress, history and linked people" => {
            "Tampilkan tujuan: kartu SMART, kemajuan, riwayat, dan orang yang terkait"
        }
        "Change a goal" => "Ubah tujuan",
        "Change a goal\n\nFlags set letters (an empty value clears a text: --specific \"\"); --circle, --tag and \
         --stage replace that filter; --milestone adds one." => {
            "Ubah tujuan\n\nFlag mengisi huruf (nilai kosong mengosongkan teks: --specific \"\"); --circle, --tag \
             dan --stage mengganti filter tersebut; --milestone menambah satu tonggak."
        }
        "Check how SMART a goal is, letter by letter" => "Periksa seberapa SMART sebuah tujuan, huruf demi huruf",
        "Check how SMART a goal is, letter by letter\n\nWithout an ID, checks every active goal." => {
            "Periksa seberapa SMART sebuah tujuan, huruf demi huruf\n\nTanpa ID, semua tujuan aktif diperiksa."
        }
        "Show a goal's progress, or log progress by hand: +N, -N or =N" => {
            "Tampilkan kemajuan tujuan, atau catat kemajuan secara manual: +N, -N atau =N"
        }
        "Link contacts to a goal (or unlink them with --remove)" => {
            "Kaitkan kontak dengan tujuan (atau lepaskan kaitannya dengan --remove)"
        }
        "Mark a goal as done" => "Tandai tujuan sebagai selesai",
        "Drop a goal you are no longer pursuing" => "Lepaskan tujuan yang tidak lagi Anda kejar",
        "Drop a goal you are no longer pursuing\n\nOn a terminal you are asked why, unless --note gives it." => {
            "Lepaskan tujuan yang tidak lagi Anda kejar\n\nDi terminal Anda akan ditanya alasannya, kecuali --note \
             sudah menyebutkannya."
        }

        // Step 3: the weekly habit.
        "Whom to reach this week (step 3)" => "Siapa yang perlu dihubungi minggu ini (langkah 3)",
        "Whom to reach this week (step 3)\n\nProposes people with a reason each: promises due, goals behind, past \
         the keep-in-touch rhythm, cooling relationships, acquaintances worth deepening and at least one stranger \
         or acquaintance. On a terminal, accept, swap or skip each one and save the plan; with --no-input it \
         prints the proposal (add --save to keep it)." => {
            "Siapa yang perlu dihubungi minggu ini (langkah 3)\n\nMengusulkan orang, masing-masing dengan alasannya: \
             janji yang jatuh tempo, tujuan yang tertinggal, irama jaga hubungan yang terlewat, relasi yang mulai \
             dingin, kenalan yang layak diperdalam, dan setidaknya satu orang asing atau kenalan. Di terminal, \
             terima, tukar, atau lewati setiap usulan lalu simpan rencananya; dengan --no-input usulan hanya \
             dicetak (tambahkan --save untuk menyimpannya)."
        }
        "The weekly check-in" => "Tinjauan mingguan",
        "The weekly check-in\n\nLast week's plan against what happened, the week in numbers, promises, goals, \
         cooling relationships and trust changes; then, on a terminal, resolve promises, pick next week's people \
         and write one reflection. Nothing is saved until the end, so an interrupted review leaves your data as \
         it was." => {
            "Tinjauan mingguan\n\nRencana minggu lalu dibandingkan dengan yang benar-benar terjadi, minggu itu dalam \
             angka, janji, tujuan, relasi yang mulai dingin, dan perubahan kepercayaan; lalu, di terminal, \
             selesaikan janji, pilih orang untuk minggu depan, dan tulis satu refleksi. Tidak ada yang disimpan \
             sebelum selesai, jadi tinjauan yang terputus membiarkan data Anda seperti semula."
        }
        "Past reviews with their key numbers and the streak" => {
            "Tinjauan sebelumnya beserta angka kuncinya dan jumlah minggu beruntun"
        }
        "One past review" => "Satu tinjauan sebelumnya",
        "What is due today (prints nothing when nothing is)" => {
            "Apa yang jatuh tempo hari ini (tidak mencetak apa pun bila tidak ada)"
        }
        "What is due today (prints nothing when nothing is)\n\nPromises due or overdue, people planned for this \
         week you have not reached yet, people met recently whose follow-up is due (a first follow-up stays until \
         done), birthdays today and in the next 3 days, and goal deadlines within a week." => {
            "Apa yang jatuh tempo hari ini (tidak mencetak apa pun bila tidak ada)\n\nJanji yang jatuh tempo atau \
             terlambat, orang yang direncanakan minggu ini tetapi belum Anda hubungi, orang yang baru Anda temui dan \
             sudah waktunya disapa lagi (sapaan pertama tetap muncul sampai dilakukan), ulang tahun hari ini dan 3 hari ke depan, serta tenggat \
             tujuan dalam seminggu."
        }
        "Your three steps: a score, the evidence and the next action for each" => {
            "Tiga langkah Anda: skor, buktinya, dan tindakan berikutnya untuk masing-masing"
        }
        "Your three steps: a score, the evidence and the next action for each\n\nOn a new, empty network this is \
         the onboarding: the method in a few lines, then (on a terminal) your first contacts, a first promise or \
         trust note, and a first goal." => {
            "Tiga langkah Anda: skor, buktinya, dan tindakan berikutnya untuk masing-masing\n\nPada jaringan baru \
             yang masih kosong, ini menjadi pengenalan: metodenya dalam beberapa baris, lalu (di terminal) kontak \
             pertama Anda, janji atau catatan kepercayaan pertama, dan tujuan pertama."
        }

        // Data in and out.
        "Import contacts from vCard, Google/Outlook CSV or LinkedIn files" => {
            "Impor kontak dari berkas vCard, CSV Google/Outlook, atau LinkedIn"
        }
        "Import contacts from vCard, Google/Outlook CSV or LinkedIn files\n\nA person already in your network \
         (the same vCard UID, email, phone number or LinkedIn profile, and no different UID, LinkedIn profile or \
         birthday) is updated, not added again: new emails, phones and tags are added and empty fields filled, but \
         nothing you wrote is overwritten. A name alone never makes two people one: a namesake is added and \
         counted as a possible duplicate (see `jejaring dupes`). Records that cannot be used are skipped and \
         named; the rest imports. Importing the same file twice changes nothing the second time." => {
            "Impor kontak dari berkas vCard, CSV Google/Outlook, atau LinkedIn\n\nOrang yang sudah ada di jaringan \
             Anda (UID vCard, email, nomor telepon, atau profil LinkedIn yang sama, dan tidak ada UID, profil \
             LinkedIn, atau tanggal lahir yang berbeda) diperbarui, tidak ditambahkan lagi: email, telepon, dan tag \
             baru ditambahkan dan kolom kosong diisi, tetapi tidak ada tulisan Anda yang ditimpa. Nama saja tidak \
             pernah menjadikan dua orang satu: orang dengan nama yang sama ditambahkan dan dihitung sebagai \
             kemungkinan duplikat (lihat `jejaring dupes`). Data yang tidak bisa dipakai dilewati dan disebutkan; \
             sisanya tetap diimpor. Mengimpor berkas yang sama dua kali tidak mengubah apa pun pada kali kedua."
        }
        "Log conversations from calendar, mail, LinkedIn and WhatsApp exports" => {
            "Catat percakapan dari ekspor kalender, surel, LinkedIn, dan WhatsApp"
        }
        "Log conversations from calendar, mail, LinkedIn and WhatsApp exports\n\nMeetings in a calendar export \
         (.ics), mail in an mbox (Gmail's Takeout) or a maildir, LinkedIn's messages.csv and WhatsApp chats exported \
         as .txt become interactions with the contacts who took part: one per meeting, one per thread or chat a day. \
         People are matched by email, phone number, LinkedIn profile, then an exact name that only one contact has; \
         unknown people are listed, never created unless you ask. Only a short subject or title is kept, never a \
         message's text. Importing the same export again adds nothing twice." => {
            "Catat percakapan dari ekspor kalender, surel, LinkedIn, dan WhatsApp\n\nRapat di ekspor kalender (.ics), \
             surel di mbox (Takeout Gmail) atau maildir, messages.csv dari LinkedIn, dan obrolan WhatsApp yang \
             diekspor sebagai .txt menjadi interaksi dengan kontak yang ikut serta: satu per rapat, satu per utas atau \
             obrolan per hari. Orang dicocokkan lewat email, nomor telepon, profil LinkedIn, lalu nama persis yang \
             hanya dimiliki satu kontak; orang yang tidak dikenal didaftar, tidak pernah dibuat kecuali Anda minta. \
             Hanya subjek atau judul singkat yang disimpan, tidak pernah isi pesan. Mengimpor ekspor yang sama lagi \
             tidak menambahkan apa pun dua kali."
        }
        "Export contacts as vCard, CSV (Google's layout), JSON or an iCalendar file" => {
            "Ekspor kontak sebagai berkas vCard, CSV (format Google), JSON, atau iCalendar"
        }
        "Export contacts as vCard, CSV (Google's layout), JSON or an iCalendar file\n\nvCard re-imports into \
         jejaring with nothing lost or doubled (circle, stage, the trust level and the rest travel as \
         X-JEJARING-* properties). JSON without filters is the whole data file; with filters, a list of the \
         matching contacts. The calendar holds each person's next keep-in-touch day (by the rhythm you chose, \
         the follow-up of someone newly met, or the stage's default, as `list --due` says), birthdays, open \
         promises' due dates, and active goals' deadlines and milestones as all-day events (with filters: only \
         the matching people's dates, and no goals). Each event's UID stays the same between exports, so importing a newer export updates the events \
         instead of doubling them." => {
            "Ekspor kontak sebagai berkas vCard, CSV (format Google), JSON, atau iCalendar\n\nvCard dapat diimpor \
             kembali ke jejaring tanpa ada yang hilang atau ganda (lingkaran, tahap, tingkat kepercayaan, dan \
             lainnya ikut sebagai properti X-JEJARING-*). JSON tanpa filter berisi seluruh berkas data; dengan \
             filter, daftar kontak yang cocok. Kalender memuat hari jaga hubungan berikutnya tiap orang (menurut \
             jangka waktu pilihan Anda, tindak lanjut orang yang baru dikenal, atau bawaan tahapnya, seperti kata \
             `list --due`), ulang tahun, tenggat janji yang masih terbuka, serta tenggat dan tonggak tujuan aktif sebagai acara sehari penuh (dengan filter: hanya \
             tanggal orang yang cocok, tanpa tujuan). UID setiap acara tetap sama antar-ekspor, sehingga mengimpor \
             ekspor yang lebih baru memperbarui acaranya, bukan menggandakannya."
        }
        "Show where jejaring keeps your data" => "Tampilkan tempat jejaring menyimpan data Anda",
        "Print a shell completion script" => "Cetak skrip pelengkapan otomatis untuk shell",
        "Print a shell completion script\n\nFor example: `jejaring completions bash > \
         ~/.local/share/bash-completion/completions/jejaring`" => {
            "Cetak skrip pelengkapan otomatis untuk shell\n\nContoh: `jejaring completions bash > \
             ~/.local/share/bash-completion/completions/jejaring`"
        }
        "Print the man page (roff)" => "Cetak halaman manual (roff)",
        "Print the man page (roff)\n\nInstall it with: `jejaring man > ~/.local/share/man/man1/jejaring.1`" => {
            "Cetak halaman manual (roff)\n\nPasang dengan: `jejaring man > ~/.local/share/man/man1/jejaring.1`"
        }
        _ => return None,
    })
}
