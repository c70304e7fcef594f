//! What kind of export a file is, told from its first bytes when `--from` is not given.

/// The exports `import history` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Source {
    /// iCalendar (.ics) from Google Calendar, Outlook or Apple Calendar
    Calendar,
    /// A mailbox file, as Gmail's Takeout writes it
    Mbox,
    /// A maildir folder (cur/, new/)
    Maildir,
    /// LinkedIn's messages.csv
    LinkedinMessages,
    /// A WhatsApp chat exported as .txt
    Whatsapp,
}

impl Source {
    /// Its name in `--from` and `--json`.
    pub fn key(self) -> &'static str {
        match self {
            Source::Calendar => "calendar",
            Source::Mbox => "mbox",
            Source::Maildir => "maildir",
            Source::LinkedinMessages => "linkedin-messages",
            Source::Whatsapp => "whatsapp",
        }
    }
}

/// How much of a file is enough to tell what it is.
pub const HEAD: usize = 4096;

/// The export a file's first bytes look like, or None.
pub fn from_head(head: &[u8]) -> Option<Source> {
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.get(..15).is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR")) {
        return Some(Source::Calendar);
    }
    if text.starts_with("From ") {
        return Some(Source::Mbox);
    }
    let first = text.lines().next().unwrap_or_default().to_ascii_uppercase();
    let has = |name: &str| first.split(',').any(|h| h.trim().trim_matches('"') == name);
    if (has("CONVERSATION ID") || has("DIRECTION")) && has("FROM") && has("DATE") {
        return Some(Source::LinkedinMessages);
    }
    if text.lines().take(5).any(super::whatsapp::is_chat_line) {
        return Some(Source::Whatsapp);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_are_told_apart_by_their_start() {
        assert_eq!(from_head(b"\xef\xbb\xbfBEGIN:VCALENDAR\r\nVERSION:2.0"), Some(Source::Calendar));
        assert_eq!(from_head(b"From 1234@xxx Mon Jan 01 00:00:00 +0000 2024\nX-GM-THRID: 1"), Some(Source::Mbox));
        assert_eq!(
            from_head(b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE"),
            Some(Source::LinkedinMessages)
        );
        assert_eq!(from_head("12/31/23, 9:41\u{202f}PM - Budi: hi".as_bytes()), Some(Source::Whatsapp));
        assert_eq!(from_head("[31/12/23 21.41.05] Budi: halo".as_bytes()), Some(Source::Whatsapp));
        assert_eq!(
            from_head(b"From,To,Date,Subject,Content,Direction,Folder\nBudi,Ayu,2018-04-02 23:30:00 UTC"),
            Some(Source::LinkedinMessages),
            "the 2018 layout"
        );
        assert_eq!(from_head(b"Name,Email\nBudi,b@x"), None);
    }
}
