//! What a chat line's text is when it is not simply someone writing: WhatsApp's own
//! notices (the end-to-end notice, a changed security code or phone number, a missed
//! call, a group's events), which iOS writes under the chat's name, and the stand-ins
//! for what someone did send (a photo left out of the export, a deleted message).
//!
//! They are told by their text, in the languages WhatsApp writes them in — English,
//! Indonesian, Spanish, Portuguese, German, French, Dutch and Italian — whatever the
//! file is called. A notice is the app's whole sentence (a name in it aside), so a
//! message that only mentions a missed call or a security code is someone writing; a
//! text is compared after invisible marks and case are taken off.

/// What a line's text says about the one it is written under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    /// Someone wrote (or sent a photo, a sticker, a message they later deleted).
    Wrote,
    /// The app's own notice: no one wrote.
    Notice,
    /// A notice only a group has (someone added, the group's name changed): the chat
    /// is a group.
    GroupNotice,
}

/// The notices of any chat, each the whole line WhatsApp writes (lower case): `*` is a
/// name or a number (1 to 80 characters), and a `*` at the end is the rest of the
/// app's text after its first sentence ("Tap to learn more."). A line is a notice only
/// when all of it has one of these shapes, never because a phrase such as "kode
/// keamanan" or "business account" is somewhere in what a person wrote.
const NOTICES: &[&str] = &[
    // The end-to-end notice.
    "messages and calls are end-to-end encrypted.*",
    "messages to this chat and calls are now secured with end-to-end encryption.*",
    "messages you send to this chat and calls are now secured with end-to-end encryption.*",
    "pesan dan panggilan terenkripsi end-to-end.*",
    "pesan yang dikirim ke chat ini dan panggilan kini diamankan dengan enkripsi end-to-end.*",
    "los mensajes y las llamadas están cifrados de extremo a extremo.*",
    "los mensajes y las llamadas están protegidos con el cifrado de extremo a extremo.*",
    "as mensagens e as chamadas são protegidas com a criptografia de ponta a ponta*",
    "as mensagens e ligações são protegidas com a criptografia de ponta a ponta*",
    "nachrichten und anrufe sind ende-zu-ende-verschlüsselt.*",
    "les messages et les appels sont chiffrés de bout en bout.*",
    "les messages et les appels sont chiffrés de bout-en-bout.*",
    "berichten en gesprekken worden end-to-end versleuteld.*",
    "berichten en oproepen zijn end-to-end versleuteld.*",
    "i messaggi e le chiamate sono crittografati end-to-end.*",
    "i messaggi e le chiamate sono protetti con la crittografia end-to-end.*",
    // The security code changed.
    "your security code with * changed.*",
    "*'s security code changed.*",
    "* security code changed.*",
    "kode keamanan anda dengan * telah berubah.*",
    "kode keamanan anda dengan * berubah.*",
    "kode keamanan * telah berubah.*",
    "tu código de seguridad con * cambió.*",
    "el código de seguridad de * cambió.*",
    "seu código de segurança com * mudou.*",
    "o código de segurança de * mudou.*",
    "deine sicherheitsnummer für * hat sich geändert.*",
    "die sicherheitsnummer von * hat sich geändert.*",
    "votre code de sécurité avec * a changé.*",
    "le code de sécurité de * a changé.*",
    "je beveiligingscode met * is gewijzigd.*",
    "de beveiligingscode van * is gewijzigd.*",
    "il tuo codice di sicurezza con * è cambiato.*",
    "il codice di sicurezza di * è cambiato.*",
    // A changed phone number.
    "* changed their phone number to a new number.*",
    "* changed their phone number.*",
    "* changed to a new number.*",
    "* changed their number to a new number.*",
    "* telah mengganti nomor teleponnya ke nomor baru.*",
    "* mengganti nomor teleponnya ke nomor baru.*",
    "* telah mengganti nomornya.*",
    "* cambió su número de teléfono a un nuevo número.*",
    "* cambió de número.*",
    "* mudou seu número de telefone para um novo número.*",
    "* mudou o número.*",
    "* hat die telefonnummer zu einer neuen nummer geändert.*",
    "* hat die nummer geändert.*",
    "* a changé de numéro de téléphone pour un nouveau numéro.*",
    "* a changé son numéro.*",
    "* heeft het telefoonnummer gewijzigd in een nieuw nummer.*",
    "* heeft het nummer gewijzigd.*",
    "* ha cambiato numero di telefono con un nuovo numero.*",
    "* ha cambiato il suo numero.*",
    // Missed and unanswered calls: the whole line.
    "missed voice call",
    "missed video call",
    "missed group voice call",
    "missed group video call",
    "panggilan suara tak terjawab",
    "panggilan video tak terjawab",
    "llamada perdida",
    "llamada de voz perdida",
    "videollamada perdida",
    "chamada de voz perdida",
    "chamada de vídeo perdida",
    "verpasster sprachanruf",
    "verpasster videoanruf",
    "appel vocal manqué",
    "appel vidéo manqué",
    "gemiste spraakoproep",
    "gemiste video-oproep",
    "gemiste videogesprek",
    "chiamata vocale persa",
    "videochiamata persa",
    // Disappearing messages turned on or off.
    "* turned on disappearing messages.*",
    "* turned off disappearing messages.*",
    "* mengaktifkan pesan sementara.*",
    "* menonaktifkan pesan sementara.*",
    "* activó los mensajes temporales.*",
    "* desactivó los mensajes temporales.*",
    "activaste los mensajes temporales.*",
    "desactivaste los mensajes temporales.*",
    "* ativou as mensagens temporárias.*",
    "* desativou as mensagens temporárias.*",
    "* hat selbstlöschende nachrichten aktiviert.*",
    "* hat selbstlöschende nachrichten deaktiviert.*",
    "* a activé les messages éphémères.*",
    "* a désactivé les messages éphémères.*",
    "* heeft verdwijnende berichten ingeschakeld.*",
    "* heeft verdwijnende berichten uitgeschakeld.*",
    "* ha attivato i messaggi effimeri.*",
    "* ha disattivato i messaggi effimeri.*",
    // A business chat.
    "this chat is with a business account.*",
    "this chat is with an official business account.*",
    "chat ini dengan akun bisnis.*",
    "este chat es con una cuenta de empresa.*",
    "esta conversa é com uma conta comercial.*",
    "dieser chat ist mit einem unternehmenskonto.*",
    "cette discussion est avec un compte professionnel.*",
    "deze chat is met een zakelijk account.*",
    "questa chat è con un account business.*",
    // Blocking.
    "you blocked this contact.*",
    "you unblocked this contact.*",
    "anda memblokir kontak ini.*",
    "anda membuka blokir kontak ini.*",
    "bloqueaste a este contacto.*",
    "desbloqueaste a este contacto.*",
    "você bloqueou este contato.*",
    "você desbloqueou este contato.*",
    "du hast diesen kontakt blockiert.*",
    "du hast diesen kontakt freigegeben.*",
    "vous avez bloqué ce contact.*",
    "vous avez débloqué ce contact.*",
    "je hebt dit contact geblokkeerd.*",
    "je hebt dit contact gedeblokkeerd.*",
    "hai bloccato questo contatto.*",
    "hai sbloccato questo contatto.*",
    // Waiting for a message that never arrived.
    "waiting for this message.*",
    "menunggu pesan ini.*",
    "esperando este mensaje.*",
    "aguardando mensagem.*",
    "warten auf diese nachricht.*",
    "en attente de ce message.*",
    "wachten op dit bericht.*",
    "in attesa di questo messaggio.*",
];

/// Whether all of `text` has the shape `pattern` (see `NOTICES`). The pieces between
/// the stars are few and short, so trying each place a name could end stays cheap.
fn shaped(pattern: &str, text: &str) -> bool {
    const NAME: usize = 80;
    match pattern.split_once('*') {
        None => text == pattern || text.strip_suffix('.') == Some(pattern),
        Some((head, "")) => text.starts_with(head),
        Some((head, rest)) => {
            let Some(after) = text.strip_prefix(head) else { return false };
            after
                .char_indices()
                .skip(1)
                .map(|(at, _)| at)
                .chain(std::iter::once(after.len()))
                .take(NAME)
                .any(|at| shaped(rest, &after[at..]))
        }
    }
}

/// Whether plain `text` (see `plain`) is one of `NOTICES`; with `open_only`, one that
/// ends in `*` (the text may go on after it). Every piece of a notice's own words is in
/// any text of its shape, so the longest piece is looked for first: most lines hold
/// none, and are passed over without trying where a name in them could end.
fn is_notice(text: &str, open_only: bool) -> bool {
    static LONGEST_PIECES: std::sync::OnceLock<Vec<&str>> = std::sync::OnceLock::new();
    let pieces = LONGEST_PIECES
        .get_or_init(|| NOTICES.iter().map(|p| p.split('*').max_by_key(|s| s.len()).unwrap_or_default()).collect());
    NOTICES
        .iter()
        .zip(pieces)
        .any(|(p, piece)| (!open_only || p.ends_with('*')) && text.contains(piece) && shaped(p, text))
}

/// Pieces of notices only a group has.
const GROUP_NOTICES: &[&str] = &[
    "created group",
    "created this group",
    "changed the group",
    "changed this group",
    "changed the subject",
    "added you",
    "were added",
    " added ",
    " left",
    " removed ",
    "messages to this group",
    "membuat grup",
    "mengubah nama grup",
    "mengubah ikon grup",
    "mengubah deskripsi grup",
    " menambahkan ",
    " keluar",
    " mengeluarkan ",
    "creó el grupo",
    "creó este grupo",
    "cambió el asunto",
    "cambió el nombre del grupo",
    "cambió la imagen del grupo",
    " añadió ",
    " salió",
    " eliminó a ",
    "criou o grupo",
    "mudou o nome do grupo",
    "mudou a imagem do grupo",
    " adicionou ",
    " saiu",
    " removeu ",
    "hat die gruppe",
    "gruppenname",
    "gruppenbild",
    " hat hinzugefügt",
    " hinzugefügt",
    " hat die gruppe verlassen",
    " entfernt",
    "a créé le groupe",
    "a modifié le nom du groupe",
    "a changé le sujet",
    "a changé l'image du groupe",
    " a ajouté ",
    " est parti",
    " a retiré ",
    "heeft groep",
    "heeft de groep",
    "groepsnaam",
    " heeft toegevoegd",
    " toegevoegd",
    " is vertrokken",
    " verwijderd",
    "ha creato il gruppo",
    "ha cambiato il nome del gruppo",
    "ha cambiato l'immagine del gruppo",
    " ha aggiunto ",
    " è uscito",
    " ha rimosso ",
];

/// Stand-ins for something a person did send: media left out of the export, a
/// deleted message, a shared contact or place. iOS puts these behind the same mark as
/// its notices, so they must be told apart.
const SENT: &[&str] = &[
    "<media omitted>",
    "<media tidak disertakan>",
    "<multimedia omitido>",
    "<archivo omitido>",
    "<mídia oculta>",
    "<arquivo de mídia oculto>",
    "<medien ausgeschlossen>",
    "<médias omis>",
    "<media weggelaten>",
    "<media omessi>",
    "<attached:",
    "<terlampir:",
    "<adjunto:",
    "<anexado:",
    "<anhang:",
    "<pièce jointe :",
    "<pièce jointe:",
    "<bijlage:",
    "<allegato:",
    " omitted",
    " tidak disertakan",
    " omitido",
    " omitida",
    " ocultado",
    " oculto",
    " oculta",
    " weggelassen",
    " omis",
    " omise",
    " weggelaten",
    " omesso",
    " omessa",
    "this message was deleted",
    "you deleted this message",
    "pesan ini telah dihapus",
    "anda menghapus pesan ini",
    "se eliminó este mensaje",
    "eliminaste este mensaje",
    "este mensaje fue eliminado",
    "essa mensagem foi apagada",
    "esta mensagem foi apagada",
    "você apagou esta mensagem",
    "diese nachricht wurde gelöscht",
    "du hast diese nachricht gelöscht",
    "ce message a été supprimé",
    "vous avez supprimé ce message",
    "dit bericht is verwijderd",
    "je hebt dit bericht verwijderd",
    "questo messaggio è stato eliminato",
    "hai eliminato questo messaggio",
    "location: ",
    "lokasi: ",
    "ubicación: ",
    "localização: ",
    "standort: ",
    "position : ",
    "locatie: ",
    "posizione: ",
];

/// Characters that take no space and only steer how text is shown.
pub fn invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// What a line's text is, `marked` when iOS put its invisible mark in front of it (its
/// notices and attachments carry one; what a person types does not).
pub fn said(text: &str) -> Said {
    let marked = text.trim_start_matches(char::is_whitespace).starts_with(invisible);
    let clean = plain(text);
    // Bounded work: notices are short, and a long message is someone writing.
    if clean.chars().count() > LONGEST {
        return Said::Wrote;
    }
    if SENT.iter().any(|s| clean.contains(s)) {
        return Said::Wrote;
    }
    if is_notice(&clean, false) {
        return Said::Notice;
    }
    // A group notice's words ("added", "left") are everyday words too: only behind
    // iOS's mark are they the app's.
    if marked {
        return if is_group_notice(&clean) { Said::GroupNotice } else { Said::Notice };
    }
    Said::Wrote
}

/// The longest notice, in characters: text longer than this is someone writing.
const LONGEST: usize = 400;

/// Text as notices are compared: without invisible marks, odd spaces made plain, trimmed
/// and in lower case.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !invisible(*c))
        .map(|c| if c == '\u{a0}' || c == '\u{202f}' { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_lowercase()
}

/// Quotation marks a group's name or subject is written in, in WhatsApp's languages.
const QUOTES: [char; 6] = ['"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{ab}', '\u{bb}'];

/// What a line is when the app wrote it without a sender, as Android writes all its
/// own lines (and iOS some): `text` is the line after its date. None: someone wrote
/// it. "Name: text" is someone writing whatever the name says — "Ann Left: see you",
/// a contact saved as "Budi Keluar" — for the app's own lines have no "Name: " part:
/// their text holds ": " only inside a quoted group name or subject (`Ann changed the
/// subject from "a" to "b: c"`) or in the app's words after a name ("… turned on
/// disappearing messages. …: …"), and the whole line's shape tells those.
pub fn unsigned(text: &str) -> Option<Said> {
    let clean = plain(text);
    // A notice of any chat, whole. No notice's own words hold ": ", nor does a name in
    // one, so in a line that holds one a notice ends before it (its closing `*` takes
    // the rest): the words before it tell.
    let notice = || match clean.find(": ") {
        Some(at) => is_notice(&clean[..at], true),
        None => is_notice(&clean, false),
    };
    if clean.chars().count() <= LONGEST && notice() {
        return Some(Said::Notice);
    }
    let Some(colon) = text.find(": ") else {
        return Some(if group_event(text) { Said::GroupNotice } else { Said::Notice });
    };
    // Inside quotes a group's event opened: the colon is a name's or a subject's.
    let before = &text[..colon];
    let quotes: Vec<usize> = before.match_indices(QUOTES).map(|(at, _)| at).collect();
    match quotes.last() {
        Some(&open) if quotes.len() % 2 == 1 && group_event(&before[..open]) => Some(Said::GroupNotice),
        _ => None,
    }
}

/// Whether one of Android's own lines (no sender) is a group's event.
pub fn group_event(text: &str) -> bool {
    let clean = text.to_lowercase();
    clean.chars().count() <= LONGEST && is_group_notice(&clean)
}

/// Whether lower-case text holds a group notice's piece. A piece that starts with a
/// space is a word (" keluar", " left"): it must end where a word ends, so a name
/// such as "Tante Keluarga" or "Ann Leftwich" is no notice.
fn is_group_notice(clean: &str) -> bool {
    GROUP_NOTICES.iter().any(|piece| {
        if !piece.starts_with(' ') || piece.ends_with(' ') {
            return clean.contains(piece);
        }
        clean.match_indices(piece).any(|(at, _)| !clean[at + piece.len()..].starts_with(char::is_alphanumeric))
    })
}

#[cfg(test)]
#[path = "notices_tests.rs"]
mod tests;
