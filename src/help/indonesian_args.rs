//! The Indonesian `--help`, part two: arguments, flags and the values they take.
//!
//! Flags, placeholders such as DATE and TEXT, and values typed on the command line stay
//! as they are; date examples are ones jejaring also reads in Indonesian.

/// The Indonesian for one English argument or value help, if there is one.
pub(super) fn args(en: &str) -> Option<&'static str> {
    Some(match en {
        // Global flags.
        "The data file [default: the platform's data folder, see `jejaring paths`]" => {
            "Berkas data [bawaan: folder data platform Anda, lihat `jejaring paths`]"
        }
        "Use the bundled demo network, in memory; your own file is never touched" => {
            "Pakai jaringan demo bawaan, hanya di memori; berkas Anda sendiri tidak pernah disentuh"
        }
        "Print data as JSON (a stable schema) instead of text" => "Cetak data sebagai JSON (skema tetap), bukan teks",
        "When to use colour (NO_COLOR is honoured by auto)" => "Kapan memakai warna (auto mematuhi NO_COLOR)",
        "Print only data and warnings, no status messages" => "Cetak hanya data dan peringatan, tanpa pesan status",
        "Never prompt; fail naming the missing flag instead" => {
            "Jangan pernah bertanya; langsung gagal dan sebutkan flag yang kurang"
        }
        "Language for messages and coaching [default: JEJARING_LANG, then LANG]" => {
            "Bahasa untuk pesan dan arahan [bawaan: JEJARING_LANG, lalu LANG]"
        }
        "English" => "Bahasa Inggris",
        "Bahasa Indonesia" => "Bahasa Indonesia",

        // Naming a contact or a goal.
        "Handle, name, unique prefix or fuzzy match" => "Kode, nama, awalan unik, atau pencocokan mirip",
        "The contact to keep: handle, name, unique prefix or fuzzy match" => {
            "Kontak yang dipertahankan: kode, nama, awalan unik, atau pencocokan mirip"
        }
        "The contact merged into A and then removed" => "Kontak yang digabung ke A lalu dihapus",
        "Contacts: handle, name, prefix or fuzzy match" => "Kontak: kode, nama, awalan, atau pencocokan mirip",
        "Contacts (handle, name, prefix or fuzzy), then optionally the note" => {
            "Kontak (kode, nama, awalan, atau pencocokan mirip), lalu catatannya bila perlu"
        }
        "Whom you promised (handle, name, prefix or fuzzy)" => {
            "Kepada siapa Anda berjanji (kode, nama, awalan, atau pencocokan mirip)"
        }
        "The contact" => "Kontaknya",
        "The contact (leave out for the summary)" => "Kontaknya (kosongkan untuk melihat ringkasan)",
        "Goal number, id or part of its title" => "Nomor tujuan, id, atau sebagian judulnya",
        "The promise number" => "Nomor janji",
        "The promise number (see `jejaring promise list`)" => "Nomor janji (lihat `jejaring promise list`)",

        // Contact fields.
        "Their name" => "Namanya",
        "New name" => "Nama baru",
        "Which circle they belong to" => "Lingkaran tempat mereka berada",
        "How well you know them" => "Seberapa baik Anda mengenalnya",
        "Organisation or company" => "Organisasi atau perusahaan",
        "Role or job title" => "Peran atau jabatan",
        "Email address (repeatable)" => "Alamat email (bisa diulang)",
        "Phone number (repeatable)" => "Nomor telepon (bisa diulang)",
        "Tag such as a field or community (repeatable)" => "Tag, misalnya bidang atau komunitas (bisa diulang)",
        "How or where you met" => "Bagaimana atau di mana Anda bertemu",
        "When you met (2026-11-03, yesterday, last friday…)" => {
            "Kapan Anda bertemu (2026-11-03, kemarin, 3 hari lalu…)"
        }
        "Your first impression of them" => "Kesan pertama Anda tentang dia",
        "How often to keep in touch: 30d, 2w, 3m, 1y" => {
            "Seberapa sering menjaga hubungan: 30h, 2mg, 3bln, 1th (atau 2 minggu)"
        }
        "A free note" => "Catatan bebas",
        "Birthday: MM-DD, or YYYY-MM-DD when you know the year" => {
            "Ulang tahun: MM-DD, atau YYYY-MM-DD bila Anda tahu tahunnya"
        }
        "LinkedIn profile URL" => "URL profil LinkedIn",
        "A web page such as a site or portfolio (repeatable)" => {
            "Halaman web, misalnya situs atau portofolio (bisa diulang)"
        }
        "A postal address, on one line (repeatable)" => "Alamat pos, dalam satu baris (bisa diulang)",
        "Add even when a contact with the same name or email exists" => {
            "Tetap tambahkan walaupun sudah ada kontak dengan nama atau email yang sama"
        }
        "Remove an email (repeatable)" => "Hapus email (bisa diulang)",
        "Remove a phone number (repeatable)" => "Hapus nomor telepon (bisa diulang)",
        "Remove a tag (repeatable)" => "Hapus tag (bisa diulang)",
        "Remove a web page (repeatable)" => "Hapus halaman web (bisa diulang)",
        "Remove an address (repeatable)" => "Hapus alamat (bisa diulang)",
        "Do not ask for confirmation" => "Jangan minta konfirmasi",

        // Listing contacts.
        "Only this circle (repeatable)" => "Hanya lingkaran ini (bisa diulang)",
        "Only this stage (repeatable)" => "Hanya tahap ini (bisa diulang)",
        "Only contacts with this tag (repeatable: all must match)" => {
            "Hanya kontak dengan tag ini (bisa diulang: semuanya harus cocok)"
        }
        "Only contacts whose name, org, role, emails, tags, notes, web pages, addresses, LinkedIn profile or \
         birthday contain TEXT" => {
            "Hanya kontak yang nama, organisasi, jabatan, email, tag, catatan, halaman web, alamat, profil LinkedIn, \
             atau ulang tahunnya memuat TEXT"
        }
        "Only contacts past their keep-in-touch rhythm, most overdue first" => {
            "Hanya kontak yang sudah melewati irama jaga hubungannya, yang paling lama terlewat lebih dulu"
        }
        "Only contacts snoozed today, with the day the snooze ends" => {
            "Hanya kontak yang sedang ditunda, dengan tanggal penundaannya berakhir"
        }
        "Sort order [default: name; with --due, most overdue first]" => {
            "Urutan [bawaan: nama; dengan --due, yang paling lama terlewat lebih dulu]"
        }
        "By name" => "Menurut nama",
        "Most recently talked to first" => "Yang paling baru diajak bicara lebih dulu",
        "Most recently added first" => "Yang paling baru ditambahkan lebih dulu",
        "Coldest relationships first (see `jejaring show` for the reasons)" => {
            "Relasi yang paling dingin lebih dulu (alasannya ada di `jejaring show`)"
        }
        "Show at most N contacts" => "Tampilkan paling banyak N kontak",
        "Output: a table, or `mutt` lines (email<TAB>name<TAB>org) for a mail client's address lookup: `set \
         query_command = \"jejaring list --format mutt --search %s\"`" => {
            "Keluaran: tabel, atau baris `mutt` (email<TAB>name<TAB>org) untuk pencarian alamat di program email: \
             `set query_command = \"jejaring list --format mutt --search %s\"`"
        }
        "How many past interactions to show (all with --json)" => {
            "Berapa interaksi terakhir yang ditampilkan (semuanya dengan --json)"
        }

        // Logging, trust, facts and promises.
        "What you talked about (then every argument is a contact)" => {
            "Apa yang Anda bicarakan (maka setiap argumen dianggap kontak)"
        }
        "What kind of interaction" => "Jenis interaksinya",
        "When it happened: 2026-11-03, yesterday, fri, 3 days ago [default: today]" => {
            "Kapan terjadinya: 2026-11-03, kemarin, jumat, 3 hari lalu [bawaan: hari ini]"
        }
        "They made the first move (reciprocity counts in warmth)" => {
            "Mereka yang lebih dulu menghubungi (timbal balik ikut dihitung dalam kehangatan)"
        }
        "Set the trust level: 1 = just met … 5 = would vouch for them" => {
            "Tetapkan tingkat kepercayaan: 1 = baru kenal … 5 = berani menjamin dia"
        }
        "One level up" => "Naik satu tingkat",
        "One level down" => "Turun satu tingkat",
        "What built or eroded trust" => "Apa yang membangun atau mengikis kepercayaan",
        "When it happened [default: today]" => "Kapan terjadinya [bawaan: hari ini]",
        "The fact you learned" => "Fakta yang Anda ketahui",
        "What the fact is about" => "Topik fakta tersebut",
        "When you learned it [default: today]" => "Kapan Anda mengetahuinya [bawaan: hari ini]",
        "Correct fact number N (give the new text, and --topic to change the topic)" => {
            "Perbaiki fakta nomor N (berikan teks barunya, dan --topic untuk mengganti topiknya)"
        }
        "Remove fact number N" => "Hapus fakta nomor N",
        "What you promised" => "Apa yang Anda janjikan",
        "When it is due: 2026-12-04, fri, in 2 weeks" => "Kapan tenggatnya: 2026-12-04, jumat, 2 minggu lagi",
        "A note (context, what they need it for)" => "Catatan (konteksnya, untuk apa mereka membutuhkannya)",
        "Only this contact's promises" => "Hanya janji kepada kontak ini",
        "Only open promises (the default)" => "Hanya janji yang masih terbuka (bawaan)",
        "Only overdue promises" => "Hanya janji yang terlambat",
        "Every promise, kept and broken too" => "Semua janji, termasuk yang ditepati dan yang diingkari",
        "When you kept it [default: today]" => "Kapan Anda menepatinya [bawaan: hari ini]",
        "What happened (worth remembering, and maybe worth an apology)" => {
            "Apa yang terjadi (layak diingat, dan mungkin layak disertai permintaan maaf)"
        }
        "When it was broken [default: today]" => "Kapan janji itu diingkari [bawaan: hari ini]",
        "The new due date you agreed" => "Tenggat baru yang Anda sepakati",
        "What you agreed, e.g. \"asked for one more week\"" => {
            "Apa yang Anda sepakati, mis. \"minta tambahan waktu seminggu\""
        }
        "Until when: 2027-01-15, in 3 weeks, next month" => "Sampai kapan: 2027-01-15, 3 minggu lagi, 1 bulan lagi",
        "End the snooze now" => "Akhiri penundaan sekarang",

        // Goals.
        "A short name for the goal" => "Nama singkat untuk tujuan ini",
        "S: what exactly, with whom" => "S: apa tepatnya, dengan siapa",
        "M: how progress is counted" => "M: cara kemajuan dihitung",
        "M: the number to reach" => "M: angka yang ingin dicapai",
        "Only contacts in this circle count (repeatable)" => {
            "Hanya kontak di lingkaran ini yang dihitung (bisa diulang)"
        }
        "Only contacts with this tag count (repeatable: any of them)" => {
            "Hanya kontak dengan tag ini yang dihitung (bisa diulang: cukup salah satunya)"
        }
        "Only contacts at this stage count; for stage-ups, the stage reached (repeatable)" => {
            "Hanya kontak pada tahap ini yang dihitung; untuk kenaikan tahap, tahap yang dicapai (bisa diulang)"
        }
        "A: why it is within reach, and the plan" => "A: mengapa tujuan ini bisa dicapai, dan rencananya",
        "R: why it matters now" => "R: mengapa ini penting sekarang",
        "T: the first day that counts [default: today]" => "T: hari pertama yang dihitung [bawaan: hari ini]",
        "T: the last day that counts (2027-03-31, in 3 months…)" => {
            "T: hari terakhir yang dihitung (2027-03-31, 3 bulan lagi…)"
        }
        "A checkpoint DATE=COUNT, e.g. 2027-03-31=10 (repeatable)" => {
            "Titik pantau DATE=COUNT, mis. 2027-03-31=10 (bisa diulang)"
        }
        "Minutes a week you have for networking (kept for all goals)" => {
            "Menit per minggu yang Anda sediakan untuk networking (berlaku untuk semua tujuan)"
        }
        "Refuse to save (exit 1) when a letter is weak or missing" => {
            "Tolak menyimpan (exit 1) bila ada huruf yang lemah atau kosong"
        }
        "Include goals that are done or dropped" => "Sertakan tujuan yang sudah selesai atau dilepas",
        "Only goals with this status" => "Hanya tujuan dengan status ini",
        "Remove every circle, tag and stage filter (any contact counts)" => {
            "Hapus semua filter lingkaran, tag, dan tahap (kontak mana pun dihitung)"
        }
        "Remove every milestone" => "Hapus semua tonggak",
        "Make a done or dropped goal active again" => "Aktifkan kembali tujuan yang sudah selesai atau dilepas",
        "+3 adds, -1 takes back, =12 sets the count (only for goals counted by hand)" => {
            "+3 menambah, -1 mengurangi, =12 menetapkan hitungan (hanya untuk tujuan yang dihitung manual)"
        }
        "What happened" => "Apa yang terjadi",
        "The day it happened [default: today]" => "Hari kejadiannya [bawaan: hari ini]",
        "Unlink these contacts instead" => "Lepaskan kaitan kontak-kontak ini",
        "What you learned, or how it went" => "Apa yang Anda pelajari, atau bagaimana hasilnya",
        "Why it is dropped (worth remembering at the next review)" => {
            "Mengapa tujuan ini dilepas (layak diingat pada tinjauan berikutnya)"
        }

        // The weekly habit.
        "How many people to propose" => "Berapa orang yang diusulkan",
        "Save the proposal as this week's plan without asking" => {
            "Simpan usulan sebagai rencana minggu ini tanpa bertanya"
        }
        "Review the days up to this one since the last saved review [default: today]" => {
            "Tinjau hari-hari sejak tinjauan terakhir yang disimpan sampai tanggal ini [bawaan: hari ini]"
        }
        "Save the review (and next week's proposed plan) without asking" => {
            "Simpan tinjauan (dan usulan rencana minggu depan) tanpa bertanya"
        }
        "How many people to propose for next week" => "Berapa orang yang diusulkan untuk minggu depan",
        "The review's date (the last day of its week)" => "Tanggal tinjauan (hari terakhir minggunya)",

        // Data in and out.
        "What the files are: vcard (.vcf files or folders of them), csv (Google or Outlook export), linkedin \
         (Connections.csv)" => {
            "Jenis berkasnya: vcard (berkas .vcf atau folder berisi berkas itu), csv (ekspor Google atau Outlook), \
             linkedin (Connections.csv)"
        }
        "The files to read" => "Berkas yang dibaca",
        "Show what would be added, updated and skipped, and change nothing" => {
            "Tampilkan apa yang akan ditambahkan, diperbarui, dan dilewati, tanpa mengubah apa pun"
        }
        "Circle for new contacts [default: from the file; colleague for LinkedIn; else other]" => {
            "Lingkaran untuk kontak baru [bawaan: dari berkas; colleague untuk LinkedIn; selain itu other]"
        }
        "Stage for new contacts [default: from the file, else acquaintance]" => {
            "Tahap untuk kontak baru [bawaan: dari berkas, selain itu acquaintance]"
        }
        "Tag every imported contact, such as the source (repeatable)" => {
            "Beri tag pada setiap kontak yang diimpor, misalnya sumbernya (bisa diulang)"
        }
        "The exports to read: files, or folders of them (a maildir is a folder)" => {
            "Ekspor yang dibaca: berkas, atau folder berisi berkas itu (maildir adalah folder)"
        }
        "What the files are [default: told from their content]" => "Jenis berkasnya [bawaan: dikenali dari isinya]",
        "Leave out conversations before this day" => "Lewati percakapan sebelum tanggal ini",
        "Who you are in the exports: your email, phone number or name (repeatable; remembered for the next import)" => {
            "Siapa Anda di ekspor itu: email, nomor telepon, atau nama Anda (bisa diulang; diingat untuk impor berikutnya)"
        }
        "Show what would be logged, and change nothing" => "Tampilkan apa yang akan dicatat, tanpa mengubah apa pun",
        "Add the unknown people you had two-way conversations with as contacts" => {
            "Tambahkan orang tak dikenal yang pernah bercakap dua arah dengan Anda sebagai kontak"
        }
        "The order of day and month in WhatsApp chats whose dates do not show it (all 12 or less): dmy for 31/12, mdy for 12/31" => {
            "Urutan hari dan bulan di obrolan WhatsApp yang tanggalnya tidak menunjukkannya (semua 12 atau kurang): dmy untuk 31/12, mdy untuk 12/31"
        }
        "Day, month, year (31/12/23): most of the world" => "Hari, bulan, tahun (31/12/23): sebagian besar dunia",
        "Month, day, year (12/31/23): the United States and a few others" => {
            "Bulan, hari, tahun (12/31/23): Amerika Serikat dan beberapa negara lain"
        }
        "iCalendar (.ics) from Google Calendar, Outlook or Apple Calendar" => {
            "iCalendar (.ics) dari Google Calendar, Outlook, atau Apple Calendar"
        }
        "A mailbox file, as Gmail's Takeout writes it" => "Berkas kotak surat, seperti yang ditulis Takeout Gmail",
        "A maildir folder (cur/, new/)" => "Folder maildir (cur/, new/)",
        "LinkedIn's messages.csv" => "messages.csv dari LinkedIn",
        "A WhatsApp chat exported as .txt" => "Obrolan WhatsApp yang diekspor sebagai .txt",
        "Write to FILE instead of standard output" => "Tulis ke FILE, bukan ke keluaran standar",
        "vCard version: 3.0 (read best by phones) or 4.0" => "Versi vCard: 3.0 (paling mudah dibaca ponsel) atau 4.0",
        "The shell" => "Shell yang dipakai",
        _ => return None,
    })
}
