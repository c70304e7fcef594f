//! The reader against small chats of each shape, counted by hand.

use super::*;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/whatsapp/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Each day as (day, who wrote, who was in it, who opened it).
fn days(h: &Harvest) -> Vec<(String, Vec<String>, Vec<String>, String)> {
    h.found
        .iter()
        .map(|f| {
            let label = |p: &Person| p.label();
            let wrote = f.people.iter().filter(|p| p.spoke).map(label).collect();
            let all = f.people.iter().map(label).collect();
            let opener = f.opener.and_then(|i| f.people.get(i)).map(label).unwrap_or_default();
            (f.on.to_string(), wrote, all, opener)
        })
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn an_unanswered_ios_chat_logs_each_day_you_wrote_with_the_number_from_the_notices() {
    // By hand: Ayu wrote on 14 Nov, 17 Nov (the missed call is no message) and 2 Dec
    // (a photo); the number never wrote, and iOS's notices are under it.
    let h = parse(&fixture("ios-unanswered-_chat.txt"), chat_name("_chat.txt").as_deref());
    let other = "+62 812-3456-7890";
    assert_eq!(
        days(&h),
        [
            ("2026-11-14".into(), strings(&["Ayu Lestari"]), strings(&["Ayu Lestari", other]), "Ayu Lestari".into()),
            ("2026-11-17".into(), strings(&["Ayu Lestari"]), strings(&["Ayu Lestari", other]), "Ayu Lestari".into()),
            ("2026-12-02".into(), strings(&["Ayu Lestari"]), strings(&["Ayu Lestari", other]), "Ayu Lestari".into()),
        ]
    );
    assert_eq!(h.found[0].people[1].phone.as_deref(), Some(other), "a number, without its marks");
    assert_eq!(h.me_hints, ["Ayu Lestari"], "in a chat of two, the one who is not the chat is you");
    assert!(h.found.iter().all(|f| f.key.starts_with("with:")));
}

#[test]
fn the_other_side_comes_from_the_file_name_when_they_never_wrote() {
    let text = "12/30/23, 9:41 PM - Ayu: hi\n12/31/23, 10:00 AM - Ayu: happy new year?\n";
    for file in ["WhatsApp Chat with Budi.txt", "WhatsApp Chat - Budi.txt", "Chat de WhatsApp con Budi.txt"] {
        let h = parse(text, chat_name(file).as_deref());
        assert_eq!(h.found.len(), 2, "{file}");
        assert!(h.found.iter().all(|f| f.people.len() == 2 && f.people[1].name.as_deref() == Some("Budi")));
        assert_eq!(h.me_hints, ["Ayu"]);
    }
    let unzipped = Path::new("/tmp/WhatsApp Chat - Budi Santoso/_chat.txt");
    assert_eq!(chat_name_of(unzipped).as_deref(), Some("Budi Santoso"));
    assert_eq!(chat_name_of(Path::new("/tmp/exports/_chat.txt")), None);
}

#[test]
fn in_an_ios_group_the_groups_name_never_writes() {
    // By hand: 3 Jan, Budi then Ayu (the BOM inside the bracket does not lose her);
    // 4 Jan, the new number then Budi (a photo). The notices (creation, additions, a
    // security code) are no one's; the 13 Jan notice still tells the order.
    let h = parse(&fixture("ios-group-es.txt"), None);
    let number = "+62 811 1111 2222";
    assert_eq!(
        days(&h),
        [
            ("2025-01-03".into(), strings(&["Budi", "Ayu Lestari"]), strings(&["Budi", "Ayu Lestari"]), "Budi".into()),
            ("2025-01-04".into(), strings(&[number, "Budi"]), strings(&[number, "Budi"]), number.into()),
        ]
    );
    assert!(h.me_hints.is_empty());
    assert!(h.found.iter().all(|f| f.key.starts_with("group:") && !f.key.contains("Familia")));
}

#[test]
fn an_android_chat_renamed_in_german_counts_media_and_deleted_messages() {
    let h = parse(&fixture("android-de-renamed.txt"), chat_name("android-de-renamed.txt").as_deref());
    let both = strings(&["Siti Rahayu", "Ayu Lestari"]);
    assert_eq!(
        days(&h),
        [
            ("2016-01-30".into(), both.clone(), both.clone(), "Siti Rahayu".into()),
            ("2016-01-31".into(), strings(&["Siti Rahayu"]), both.clone(), "Siti Rahayu".into()),
            ("2016-02-02".into(), strings(&["Ayu Lestari"]), both.clone(), "Ayu Lestari".into()),
        ]
    );
}

#[test]
fn year_first_dates_and_the_old_ios_layout_are_read() {
    let on = |h: Harvest| h.found.iter().map(|f| f.on.to_string()).collect::<Vec<_>>();
    assert_eq!(on(parse(&fixture("android-year-first.txt"), None)), ["2019-01-30", "2019-08-06"]);
    let h = parse(&fixture("android-year-first.txt"), None);
    assert_eq!(h.found[1].at.format("%H:%M").to_string(), "07:03");
    assert_eq!(on(parse(&fixture("ios-2016.txt"), None)), ["2016-01-30", "2016-02-01"]);
}

#[test]
fn refused_layouts_and_orders_are_named_never_guessed() {
    let h = parse(&fixture("ios-vi-time-first.txt"), None);
    assert!(h.found.is_empty());
    assert_eq!(h.problems, [Problem::new(1, ProblemKind::Chat(Refused::Layout(Unread::TimeFirst)))]);
    let text = fixture("ambiguous-order.txt");
    let h = parse(&text, None);
    assert!(h.found.is_empty());
    assert_eq!(h.problems, [Problem::new(1, ProblemKind::Chat(Refused::Order))]);
    assert!(h.problems[0].message(Lang::En).contains("--date-order"));
    let on = |o| parse_with(&text, None, Some(o)).found.iter().map(|f| f.on.to_string()).collect::<Vec<_>>();
    assert_eq!(on(DateOrder::Mdy), ["2024-01-02", "2024-01-05"]);
    assert_eq!(on(DateOrder::Dmy), ["2024-02-01", "2024-05-01"]);
    // Numbers of 12 or less that run forward only day-first: that order is a guess, so
    // the user's --date-order is taken over it.
    let text = "2/1/24, 9:00 - Budi: hi\n1/3/24, 9:00 - Ayu: hi\n";
    let days = |o| {
        let mut days: Vec<String> = parse_with(text, None, o).found.iter().map(|f| f.on.to_string()).collect();
        days.sort();
        days
    };
    assert_eq!(days(None), ["2024-01-02", "2024-03-01"]);
    assert_eq!(days(Some(DateOrder::Dmy)), ["2024-01-02", "2024-03-01"]);
    assert_eq!(days(Some(DateOrder::Mdy)), ["2024-01-03", "2024-02-01"]);
}

#[test]
fn one_interaction_a_day_opened_by_the_first_writer() {
    let text = "12/30/23, 9:00 AM - Messages and calls are end-to-end encrypted.\n\
                12/30/23, 9:41 AM - Budi: hi\n\
                a second line of the same message\n\
                12/30/23, 9:45 AM - Ayu: hello\n\
                12/31/23, 10:00 PM - Ayu: happy new year\n";
    let h = parse(text, Some("Budi"));
    assert_eq!(h.me_hints, ["Ayu"]);
    assert_eq!(h.found.len(), 2);
    let (a, b) = (&h.found[0], &h.found[1]);
    assert_eq!((a.on.to_string(), a.line), ("2023-12-30".into(), 2));
    assert_eq!(a.people[a.opener.unwrap()].name.as_deref(), Some("Budi"));
    assert!(a.people.iter().all(|p| p.spoke));
    assert_eq!(b.people.len(), 2, "the other side of a one-to-one chat is there even when silent");
    assert_eq!(b.people.iter().filter(|p| p.spoke).count(), 1);
    assert_eq!(b.people[b.opener.unwrap()].name.as_deref(), Some("Ayu"));
    assert_eq!(b.at.format("%H:%M").to_string(), "22:00");
}

#[test]
fn a_photo_is_writing_and_the_encryption_notice_is_not_whatever_the_file_is_called() {
    let text = "[14/11/26 21.41.05] Dimas: \u{200e}Pesan dan panggilan terenkripsi end-to-end.\n\
                [14/11/26 21.50.12] Ayu: halo\n\
                [15/11/26 09.00.00] Dimas: \u{200e}gambar tidak disertakan\n\
                [16/11/26 09.00.00] Dimas: \u{200e}image omitted\n";
    for chat in [Some("Dimas"), None] {
        let h = parse(text, chat);
        let days: Vec<(String, usize)> =
            h.found.iter().map(|f| (f.on.to_string(), f.people.iter().filter(|p| p.spoke).count())).collect();
        assert_eq!(days, [("2026-11-14".into(), 1), ("2026-11-15".into(), 1), ("2026-11-16".into(), 1)]);
        assert_eq!(h.found[0].people[h.found[0].opener.unwrap()].name.as_deref(), Some("Ayu"));
        assert_eq!(h.me_hints, ["Ayu"]);
    }
}

#[test]
fn a_chat_is_keyed_the_same_by_any_file_name_and_never_by_its_writers() {
    let early = "[21/11/26 09.00.00] Budi: \u{200e}Messages and calls are end-to-end encrypted.\n\
                 [21/11/26 09.01.00] Ayu: halo\n[22/11/26 09.00.00] Ayu: ada waktu?\n";
    let later = format!("{early}[22/11/26 10.00.00] Budi: ada\n[23/11/26 10.00.00] Budi: oke\n");
    let keys = |text: &str, chat: Option<&str>| parse(text, chat).found.into_iter().map(|f| f.key).collect::<Vec<_>>();
    let first = keys(early, None);
    let second = keys(&later, Some("Budi"));
    assert_eq!(second[..2], first[..], "a later export of the chat has the same keys for the same days");
    assert!(first.iter().chain(&second).all(|k| !k.contains("Budi") && !k.contains("Ayu")));
    let id = uuid::Uuid::nil();
    let stored = stored_key(&first[0], &[id]).unwrap();
    assert_eq!(stored, format!("with:{id}/2026-11-21"));
    assert_eq!(stored_key("Budi, Ayu/2026-11-21", &[id]), None, "an earlier import's key");
}

#[test]
fn on_android_a_line_with_a_sender_is_someone_writing_whatever_it_says() {
    let text = "21/11/26 09.00 - Budi: kode keamanan saya berubah, llamada perdida\n21/11/26 09.01 - Ayu: ok\n";
    let h = parse(text, None);
    assert_eq!(h.found[0].people.iter().filter(|p| p.spoke).count(), 2);
    let renamed = format!("{text}21/11/26 09.02 - Budi changed the subject to \"Reuni: 2026\"\n");
    let h = parse(&renamed, None);
    assert_eq!(h.found[0].people.len(), 2, "a subject change is nobody writing, and makes it a group");
    assert!(h.found[0].key.starts_with("with:"), "an unnamed group is keyed by its contacts");
}

#[test]
fn file_names_name_the_chat() {
    assert_eq!(chat_name("WhatsApp Chat with Budi Santoso.txt").as_deref(), Some("Budi Santoso"));
    assert_eq!(chat_name("Chat WhatsApp dengan Alumni ITB.txt").as_deref(), Some("Alumni ITB"));
    assert_eq!(chat_name("WhatsApp Chat - Siti.zip").as_deref(), Some("Siti"));
    assert_eq!(
        chat_name("WhatsApp Chat with \u{202a}+62 812\u{2011}3456\u{2011}7890\u{202c}.txt").as_deref(),
        Some("+62 812-3456-7890")
    );
    assert_eq!(chat_name("_chat.txt"), None);
    assert_eq!(chat_name("WhatsApp Chat wi\u{e9}.txt"), None, "a prefix cut inside a character");
}

#[test]
fn a_contact_named_for_the_family_still_wrote() {
    // " keluar" (left) is in "Keluarga" (family): the name is no Android note.
    let text = "31/12/23 21.41 - Tante Keluarga: selamat tahun baru\n31/12/23 21.45 - Ayu: sama-sama\n";
    let h = parse(text, None);
    assert_eq!(h.found.len(), 1);
    assert_eq!(h.found[0].people.iter().filter(|p| p.spoke).count(), 2, "both wrote");
    assert!(h.found[0].key.starts_with("with:"), "a chat of two, not a group");
}

#[test]
fn a_line_dated_a_day_that_does_not_exist_is_counted_and_named() {
    let text = "30/01/24 09.00 - Budi: halo\n31/02/24 09.00 - Budi: ada?\n01/03/24 09.00 - Ayu: ada\n";
    let h = parse(text, Some("Budi"));
    let days: Vec<String> = h.found.iter().map(|f| f.on.to_string()).collect();
    assert_eq!(days, ["2024-01-30", "2024-03-01"]);
    assert_eq!(h.problems, [Problem::new(2, ProblemKind::NoSuchDay { date: "2024-02-31".into() })]);
    assert_eq!(
        h.problems[0].message(Lang::En),
        "line 2: skipped: a message dated 2024-02-31, a day that does not exist"
    );
    assert_eq!(h.problems[0].message(Lang::Id), "baris 2: dilewati: pesan bertanggal 2024-02-31, hari yang tidak ada");
    // Each such line is named by its own line (a case the fuzz guard found).
    let text =
        "30/01/24 09.00 - Budi: halo\n31/02/24 09.05 - Ayu: ya\n31/02/24 09.06 - Ayu: ya\n01/03/24 10.00 - Budi: oke\n";
    let h = parse(text, Some("Budi"));
    let no_such_day = |line| Problem::new(line, ProblemKind::NoSuchDay { date: "2024-02-31".into() });
    assert_eq!(h.problems, [no_such_day(2), no_such_day(3)]);
}

#[test]
fn on_android_a_name_that_ends_in_a_notice_word_still_writes() {
    // By hand: on 31 Dec "Ann Left" and "Budi Keluar" wrote (their names end in
    // "left" and "keluar"); the creation, the additions, the subject changes with a
    // colon inside their quotes, and Citra leaving are the app's, and make it a group.
    let h = parse(&fixture("android-names-like-notices.txt"), None);
    let both = strings(&["Ann Left", "Budi Keluar"]);
    assert_eq!(
        days(&h),
        [
            ("2020-12-31".into(), both.clone(), both, "Ann Left".into()),
            ("2021-01-01".into(), strings(&["Ayu Lestari"]), strings(&["Ayu Lestari"]), "Ayu Lestari".into()),
        ]
    );
    assert!(h.problems.is_empty(), "{:?}", h.problems);
    assert!(h.found.iter().all(|f| f.key.starts_with("with:")), "an unnamed group is keyed by its contacts");

    // A one-to-one chat with a contact saved as "Budi Keluar", whose notices (in
    // Indonesian) name him: he wrote on both days, and the chat is no group.
    let file = "WhatsApp Chat with Budi Keluar.txt";
    let h = parse(&fixture(file), chat_name(file).as_deref());
    let both = strings(&["Budi Keluar", "Ayu Lestari"]);
    assert_eq!(
        days(&h),
        [
            ("2020-12-31".into(), both.clone(), both.clone(), "Budi Keluar".into()),
            ("2021-01-01".into(), strings(&["Budi Keluar"]), both, "Budi Keluar".into()),
        ]
    );
    assert_eq!(h.me_hints, ["Ayu Lestari"], "the one who is not the chat is you");
}

#[test]
fn a_date_order_the_chat_contradicts_refuses_the_chat_and_names_the_line_that_shows_it() {
    // 1/13/24 on line 4 can only be month first; 13/02/24 on line 4 only day first.
    let month_first = fixture("android-month-first.txt");
    let day_first = fixture("android-day-first.txt");
    for (text, asked, file, date) in [
        (&month_first, DateOrder::Dmy, DateOrder::Mdy, (1, 13, 2024)),
        (&day_first, DateOrder::Mdy, DateOrder::Dmy, (13, 2, 2024)),
    ] {
        let h = parse_with(text, None, Some(asked));
        assert!(h.found.is_empty(), "nothing of the chat is imported: {:?}", h.found);
        assert_eq!(h.problems, [Problem::new(4, ProblemKind::Chat(Refused::Contrary { file, date }))]);
    }
    let h = parse_with(&month_first, None, Some(DateOrder::Dmy));
    assert_eq!(
        h.problems[0].message(Lang::En),
        "line 4: skipped: this chat writes month/day (1/13/2024 on this line), not day/month as --date-order dmy says; \
         nothing from it was imported; run again without --date-order, or with --date-order mdy"
    );
    assert_eq!(
        h.problems[0].message(Lang::Id),
        "baris 4: dilewati: obrolan ini menulis bulan/hari (1/13/2024 di baris ini), bukan hari/bulan seperti kata \
         --date-order dmy; tidak ada yang diimpor darinya; jalankan lagi tanpa --date-order, atau dengan --date-order mdy"
    );
    assert_eq!(h.problems[0].kind.key(), "contradicted-date-order");
    // The order the chat shows, asked for or not, reads it as before.
    let on = |h: Harvest| h.found.iter().map(|f| f.on.to_string()).collect::<Vec<_>>();
    for asked in [None, Some(DateOrder::Mdy)] {
        assert_eq!(on(parse_with(&month_first, None, asked)), ["2024-01-02", "2024-01-05", "2024-01-13"]);
    }
    for asked in [None, Some(DateOrder::Dmy)] {
        assert_eq!(on(parse_with(&day_first, None, asked)), ["2024-02-01", "2024-02-05", "2024-02-13"]);
    }
}

#[test]
fn only_lines_that_were_read_say_who_you_are() {
    // Ayu's one line is dated 31/02, a day that does not exist: it is skipped, so it
    // neither makes her you nor puts her in Budi's days.
    let file = "android-no-such-day.txt";
    let h = parse(&fixture(file), Some("Budi Santoso"));
    assert_eq!(h.problems, [Problem::new(3, ProblemKind::NoSuchDay { date: "2024-02-31".into() })]);
    assert!(h.me_hints.is_empty(), "{:?}", h.me_hints);
    let budi = strings(&["Budi Santoso"]);
    assert_eq!(
        days(&h),
        [
            ("2024-01-30".into(), budi.clone(), budi.clone(), "Budi Santoso".into()),
            ("2024-03-01".into(), budi.clone(), budi, "Budi Santoso".into()),
        ]
    );
}
