//! The Indonesian `--help` of who knows whom: `knows`, `path`, `who-knows`, `intro` and
//! its subcommands, and `add-contact --introduced-by`.

/// The Indonesian for one English help string of the introduction commands, if any.
pub(super) fn intro(en: &str) -> Option<&'static str> {
    Some(match en {
        // knows
        "Record that two of your contacts know each other" => "Catat bahwa dua kontak Anda saling kenal",
        "Record that two of your contacts know each other\n\n`jejaring knows budi dewi --how \"studied together at \
         ITB\"`. The strongest evidence for `path` and `who-knows`. (To note facts about one person, use `know`.)" => {
            "Catat bahwa dua kontak Anda saling kenal\n\n`jejaring knows budi dewi --how \"kuliah bareng di ITB\"`. \
             Bukti terkuat untuk `path` dan `who-knows`. (Untuk mencatat fakta tentang satu orang, pakai `know`.)"
        }
        "One contact" => "Satu kontak",
        "The other contact" => "Kontak yang lain",
        "How they know each other" => "Bagaimana mereka saling kenal",
        "Since when you know they know each other [default: today]" => {
            "Sejak kapan Anda tahu mereka saling kenal [bawaan: hari ini]"
        }
        "Forget the link instead (it was a mistake)" => "Lupakan tautannya (ternyata keliru)",

        // path
        "Who can introduce you to someone" => "Siapa yang bisa memperkenalkan Anda kepada seseorang",
        "Who can introduce you to someone\n\nThe people in your network who know them, best first: ranked by how \
         much you can ask of the introducer (your trust and warmth, promises you kept to them) times how well they \
         know the person, each with its evidence. Two steps when nobody you know well knows them. For someone not \
         in your network, give where they work with --at." => {
            "Siapa yang bisa memperkenalkan Anda kepada seseorang\n\nOrang di jaringan Anda yang mengenalnya, yang \
             terbaik lebih dulu: diurutkan menurut seberapa besar Anda bisa meminta tolong kepada perantara \
             (kepercayaan dan kehangatan Anda, janji yang Anda tepati kepadanya) dikali seberapa baik mereka \
             mengenal orang itu, masing-masing dengan buktinya. Dua langkah bila belum ada orang yang Anda kenal \
             baik yang mengenalnya. Untuk orang di luar jaringan Anda, sebutkan tempat kerjanya dengan --at."
        }
        "A contact (handle, name or unique prefix), or the name of someone you only know of" => {
            "Kontak (handle, nama, atau awalan yang unik), atau nama orang yang hanya Anda ketahui"
        }
        "Where they work, for someone not in your network: shows your routes into it" => {
            "Tempat kerjanya, untuk orang di luar jaringan Anda: menampilkan jalan Anda ke sana"
        }

        // who-knows
        "Your routes into an organisation or a group" => "Jalan Anda menuju sebuah organisasi atau kelompok",
        "Your routes into an organisation or a group\n\nThe people you know there, and the people in your network \
         who know people there, best first, each with its evidence. Give an organisation, or --tag or --circle." => {
            "Jalan Anda menuju sebuah organisasi atau kelompok\n\nOrang yang Anda kenal di sana, dan orang di \
             jaringan Anda yang mengenal orang di sana, yang terbaik lebih dulu, masing-masing dengan buktinya. \
             Sebutkan organisasi, atau --tag atau --circle."
        }
        "The organisation (as in the contacts' --org)" => "Organisasinya (seperti --org para kontak)",
        "Everyone with this tag" => "Semua yang punya tag ini",
        "Everyone in this circle" => "Semua yang ada di lingkaran ini",

        // intro
        "Introductions: ask for one, log it, drop it, draft the message" => {
            "Perkenalan: minta, catat, batalkan, susun pesannya"
        }
        "Introductions: ask for one, log it, drop it, draft the message\n\n`jejaring intro ask budi --to dewi` \
         records that you asked Budi to introduce you to Dewi; `intro done budi --to dewi` logs the introduction; \
         `intro draft budi --to dewi` writes the message to send. Without a subcommand, lists your requests." => {
            "Perkenalan: minta, catat, batalkan, susun pesannya\n\n`jejaring intro ask budi --to dewi` mencatat \
             bahwa Anda meminta Budi memperkenalkan Anda kepada Dewi; `intro done budi --to dewi` mencatat \
             perkenalannya; `intro draft budi --to dewi` menyusun pesan untuk dikirim. Tanpa subperintah, \
             menampilkan permintaan Anda."
        }
        "Record that you asked someone for an introduction" => "Catat bahwa Anda meminta seseorang memperkenalkan Anda",
        "Log an introduction that happened" => "Catat perkenalan yang sudah terjadi",
        "Close a request that will not happen, without blame" => {
            "Tutup permintaan yang tidak akan terjadi, tanpa menyalahkan siapa pun"
        }
        "Write the message asking for an introduction, and a blurb about you to forward" => {
            "Susun pesan untuk meminta perkenalan, dan sepenggal tentang Anda untuk diteruskan"
        }
        "List introduction requests" => "Tampilkan permintaan perkenalan",
        "Whom you asked (the introducer)" => "Orang yang Anda mintai (perantara)",
        "Whom you asked" => "Orang yang Anda mintai",
        "Whom to ask (the introducer)" => "Orang yang akan dimintai (perantara)",
        "Whom you want to meet" => "Orang yang ingin Anda temui",
        "Whom you wanted to meet" => "Orang yang ingin Anda temui",
        "Whom you were introduced to" => "Orang yang diperkenalkan kepada Anda",
        "Who introduced you" => "Siapa yang memperkenalkan Anda",
        "When to ask again if nothing has happened [default: in two weeks]" => {
            "Kapan bertanya lagi bila belum terjadi apa-apa [bawaan: dua minggu lagi]"
        }
        "A note: what you asked, why" => "Catatan: apa yang Anda minta, dan mengapa",
        "When you asked [default: today]" => "Kapan Anda meminta [bawaan: hari ini]",
        "When [default: today]" => "Kapan [bawaan: hari ini]",
        "What was said, worth remembering" => "Apa yang dibicarakan, yang layak diingat",
        "Why, for yourself" => "Alasannya, untuk Anda sendiri",
        "Also list requests that were made or dropped" => {
            "Tampilkan juga permintaan yang sudah terjadi atau dibatalkan"
        }
        "Why you want to meet them [default: from a goal they matter to]" => {
            "Mengapa Anda ingin bertemu dengannya [bawaan: dari tujuan yang terkait dengannya]"
        }
        "One line about you for the blurb (remembered for next time)" => {
            "Satu kalimat tentang Anda untuk penggalannya (diingat untuk lain kali)"
        }

        // add-contact
        "The contact who introduced you (recorded as someone who knows them)" => {
            "Kontak yang memperkenalkan kalian (dicatat sebagai orang yang mengenalnya)"
        }
        _ => return None,
    })
}
