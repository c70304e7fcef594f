//! Which lines are WhatsApp's own notices, in every language, and which are someone writing.

use super::*;

#[test]
fn notices_in_every_language_are_no_one_writing() {
    let notices = [
        "\u{200e}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
        "Pesan dan panggilan terenkripsi end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.",
        "Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos.",
        "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta e ficam somente entre você e os participantes desta conversa.",
        "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp.",
        "Les messages et les appels sont chiffrés de bout en bout. Aucun tiers, pas même WhatsApp, ne peut les lire ou les écouter.",
        "Berichten en gesprekken worden end-to-end versleuteld. Niemand buiten deze chat kan ze lezen of beluisteren, zelfs WhatsApp niet.",
        "I messaggi e le chiamate sono crittografati end-to-end. Nessuno al di fuori di questa chat, nemmeno WhatsApp, può leggerne o ascoltarne il contenuto.",
        "\u{200e}Your security code with Budi changed. Tap to learn more.",
        "Kode keamanan Anda dengan Budi telah berubah.",
        "Tu código de seguridad con Budi cambió.",
        "Seu código de segurança com Budi mudou.",
        "Deine Sicherheitsnummer für Budi hat sich geändert.",
        "Votre code de sécurité avec Budi a changé.",
        "Je beveiligingscode met Budi is gewijzigd.",
        "Il tuo codice di sicurezza con Budi è cambiato.",
        "\u{200e}Budi changed their phone number to a new number. Tap to message or add the new number.",
        "\u{200e}Missed voice call",
        "\u{200e}Panggilan suara tak terjawab",
        "\u{200e}Llamada perdida",
        "\u{200e}Chamada de voz perdida",
        "\u{200e}Verpasster Sprachanruf",
        "\u{200e}Appel vocal manqué",
        "\u{200e}Gemiste spraakoproep",
        "\u{200e}Chiamata vocale persa",
    ];
    for n in notices {
        assert_eq!(said(n), Said::Notice, "{n}");
    }
}

#[test]
fn a_message_that_only_mentions_a_notices_words_is_someone_writing() {
    // The pieces notices were once told by: each inside a real message.
    let pieces = [
        "end-to-end encrypted",
        "terenkripsi end-to-end",
        "cifrados de extremo a extremo",
        "criptografia de ponta a ponta",
        "ende-zu-ende-verschlüsselt",
        "chiffrés de bout en bout",
        "end-to-end versleuteld",
        "crittografia end-to-end",
        "security code with",
        "security code changed",
        "kode keamanan anda dengan",
        "kode keamanan",
        "código de seguridad",
        "código de segurança",
        "sicherheitsnummer",
        "code de sécurité",
        "beveiligingscode",
        "codice di sicurezza",
        "changed their phone number",
        "changed to a new number",
        "changed their number",
        "mengganti nomor telepon",
        "telah mengganti nomornya",
        "cambió su número",
        "cambió de número",
        "mudou seu número",
        "mudou o número",
        "telefonnummer geändert",
        "nummer geändert",
        "changé de numéro",
        "a changé son numéro",
        "telefoonnummer gewijzigd",
        "nummer gewijzigd",
        "ha cambiato numero",
        "cambiato il suo numero",
        "missed voice call",
        "missed video call",
        "panggilan suara tak terjawab",
        "panggilan video tak terjawab",
        "llamada perdida",
        "videollamada perdida",
        "chamada de voz perdida",
        "verpasster sprachanruf",
        "appel vocal manqué",
        "gemiste spraakoproep",
        "chiamata vocale persa",
        "disappearing messages",
        "pesan sementara",
        "mensajes temporales",
        "mensagens temporárias",
        "selbstlöschende nachrichten",
        "messages éphémères",
        "verdwijnende berichten",
        "messaggi effimeri",
        "business account",
        "akun bisnis",
        "cuenta de empresa",
        "conta comercial",
        "unternehmenskonto",
        "compte professionnel",
        "zakelijk account",
        "account business",
        "you blocked this contact",
        "anda memblokir kontak ini",
        "bloqueaste a este contacto",
        "você bloqueou este contato",
        "du hast diesen kontakt blockiert",
        "vous avez bloqué ce contact",
        "je hebt dit contact geblokkeerd",
        "hai bloccato questo contatto",
        "waiting for this message",
        "menunggu pesan ini",
        "esperando este mensaje",
        "aguardando mensagem",
        "warten auf diese nachricht",
        "en attente de ce message",
        "wachten op dit bericht",
        "in attesa di questo messaggio",
    ];
    for piece in pieces {
        for message in [format!("eh, {piece} kemarin?"), format!("Tadi {piece}, jadi aku telepon lagi ya")] {
            assert_eq!(said(&message), Said::Wrote, "{message}");
        }
    }
    assert_eq!(said("Kode keamanan BCA saya hilang, bisa bantu?"), Said::Wrote);
    assert_eq!(said("Llamada perdida de mamá, te llamo luego"), Said::Wrote);
    assert_eq!(said("Is this a business account or yours?"), Said::Wrote);
    // The notices themselves, unmarked as old iOS exports write them, still are.
    for n in [
        "Missed voice call",
        "Llamada perdida",
        "This chat is with a business account. Tap for more info.",
        "Budi turned on disappearing messages. New messages will disappear from this chat after 7 days.",
        "You blocked this contact. Tap to unblock.",
        "Waiting for this message. This may take a while.",
        "Budi's security code changed. Tap for more info.",
    ] {
        assert_eq!(said(n), Said::Notice, "{n}");
    }
}

#[test]
fn media_and_deleted_messages_are_someone_writing() {
    let sent = [
        "\u{200e}image omitted",
        "\u{200e}gambar tidak disertakan",
        "\u{200e}imagen omitida",
        "\u{200e}imagem ocultada",
        "\u{200e}Bild weggelassen",
        "\u{200e}image omise",
        "\u{200e}afbeelding weggelaten",
        "\u{200e}immagine omessa",
        "<Media omitted>",
        "<Media tidak disertakan>",
        "<Multimedia omitido>",
        "<Medien ausgeschlossen>",
        "\u{200e}This message was deleted.",
        "Pesan ini telah dihapus",
        "\u{200e}<attached: 00000012-PHOTO-2023-01-01.jpg>",
        "See you at the end-to-end meeting? no wait",
    ];
    for s in sent {
        assert_eq!(said(s), Said::Wrote, "{s}");
    }
    assert_eq!(said("I added your number"), Said::Wrote, "an everyday sentence without iOS's mark");
    assert_eq!(said("\u{200e}Budi added Siti"), Said::GroupNotice);
    assert_eq!(said("\u{200e}Budi menambahkan Siti"), Said::GroupNotice);
    assert_eq!(said("\u{200e}Budi created group \u{201c}Alumni\u{201d}"), Said::GroupNotice);
}

#[test]
fn a_name_that_begins_with_a_notice_word_is_no_notice() {
    assert!(group_event("Budi keluar"));
    assert!(group_event("Ann left"));
    assert!(!group_event("Tante Keluarga"), "keluarga is a family, not someone leaving");
    assert!(!group_event("Ann Leftwich"));
    assert_eq!(said("\u{200e}Budi keluar"), Said::GroupNotice);
    assert_eq!(said("\u{200e}Ann Leftwich joined using this group's invite link"), Said::Notice);
}

#[test]
fn on_android_a_sender_before_a_colon_writes_whatever_the_name_ends_in() {
    // Android's text after the date: "Name: text" is someone writing.
    for line in [
        "Ann Left: see you tomorrow",
        "Budi Keluar: sampai besok",
        "Citra Salió: hola",
        "Ann added: the file",
        "Ann: Budi turned on disappearing messages. lol",
        "Ann: \"Budi created group \"x: y\"\"",
        // What someone wrote may be a notice's words: the name before ": " is no
        // notice's start.
        "Ann: turned on disappearing messages. lol",
        "Budi: security code changed. Tap to learn more.",
    ] {
        assert_eq!(unsigned(line), None, "{line}");
    }
    // The app's own lines, group notices and others, have no "Name: " part.
    for (line, said) in [
        ("Ann left", Said::GroupNotice),
        ("Budi keluar", Said::GroupNotice),
        ("Budi added Citra", Said::GroupNotice),
        ("You were added", Said::GroupNotice),
        ("Ann changed the subject from \"a\" to \"b: c\"", Said::GroupNotice),
        ("Ann created group \u{201c}Reuni: 2021\u{201d}", Said::GroupNotice),
        ("Budi mengubah nama grup dari \"a\" menjadi \"Reuni: 2021\"", Said::GroupNotice),
        // A notice that names someone whose name ends in a notice word is no group's.
        ("Kode keamanan Anda dengan Budi Keluar telah berubah. Ketuk untuk info selengkapnya.", Said::Notice),
        ("Your security code with Ann Left changed. Tap to learn more.", Said::Notice),
        // The app's words after a name may hold a colon.
        (
            "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more: faq.whatsapp.com",
            Said::Notice,
        ),
        ("Pesan dan panggilan terenkripsi end-to-end. Ketuk untuk info selengkapnya: keamanan.", Said::Notice),
        ("Your security code with Budi changed. Tap to learn more: security.", Said::Notice),
        ("Kode keamanan Anda dengan Budi telah berubah. Info: ketuk.", Said::Notice),
        ("Ann turned on disappearing messages. New messages will disappear: after 7 days.", Said::Notice),
        ("Budi mengaktifkan pesan sementara. Pesan baru: hilang setelah 7 hari.", Said::Notice),
        ("Budi Keluar menonaktifkan pesan sementara. Ketuk: ubah.", Said::Notice),
    ] {
        assert_eq!(unsigned(line), Some(said), "{line}");
    }
}

#[test]
fn no_notice_holds_a_colon_so_the_words_before_a_lines_first_tell() {
    // `unsigned` reads only what comes before a line's first ": ", which is right only
    // while no notice's own words hold a colon.
    assert!(NOTICES.iter().all(|p| !p.contains(':')), "{:?}", NOTICES.iter().find(|p| p.contains(':')));
}
