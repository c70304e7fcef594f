//! Text from the bytes of an import file, and what had to be guessed to get it.
//!
//! UTF-8 is the norm; a byte-order mark names UTF-8 or UTF-16. UTF-16 without a mark
//! shows itself by its zero bytes (every ASCII letter has one), so it is read too, as
//! a guess. Anything else is decoded a line at a time: a line that is valid UTF-8 is
//! UTF-8, and another line is read in the character set its vCard property names
//! (`CHARSET=Shift_JIS`), else as Windows-1252, the code page older Outlook and phone
//! exports use — a guess. Line by line, because files are joined (`cat *.vcf`): one
//! Latin-1 card must not turn the UTF-8 cards around it into mojibake.

use super::{At, FormatError};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;

/// A guess made while decoding, reported with the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guess {
    /// UTF-16 without a byte-order mark.
    Utf16 { big_endian: bool },
    /// Lines (CSV) or cards (vCard) that were not UTF-8 and named no character set,
    /// read as Windows-1252: how many, and where the first one is.
    Windows1252 { count: usize, first: At },
}

/// The file as UTF-8-compatible bytes: a UTF-8 mark dropped, UTF-16 (with or without
/// a mark) turned into UTF-8. Other bytes are left for the line-by-line decoding.
/// A file with NUL bytes left is binary, not text.
pub fn unicode(bytes: &[u8]) -> Result<(Cow<'_, [u8]>, Option<Guess>), FormatError> {
    let (out, guess): (Cow<'_, [u8]>, Option<Guess>) = if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        match text {
            Cow::Borrowed(s) => (Cow::Borrowed(s.as_bytes()), None),
            Cow::Owned(s) => (Cow::Owned(s.into_bytes()), None),
        }
    } else if let Some(big_endian) = utf16_without_mark(bytes) {
        let encoding = if big_endian { UTF_16BE } else { UTF_16LE };
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        (Cow::Owned(text.into_owned().into_bytes()), Some(Guess::Utf16 { big_endian }))
    } else {
        (Cow::Borrowed(bytes), None)
    };
    if out.contains(&0) {
        return Err(FormatError::NotText);
    }
    Ok((out, guess))
}

/// Whether the bytes look like UTF-16 without a mark, and which byte order: in text
/// that is mostly ASCII, one byte of nearly every pair is zero, always the same one.
fn utf16_without_mark(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |start: usize| sample.iter().skip(start).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    let mostly = |n: usize| n * 10 >= pairs * 6;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(false)
    } else if mostly(even) && rarely(odd) {
        Some(true)
    } else {
        None
    }
}

/// The character set a vCard `CHARSET=` parameter names, when it is one that can be
/// decoded line by line (ASCII-compatible: not UTF-16 or UTF-32).
pub fn charset(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().trim_matches('"').as_bytes()).filter(|e| e.is_ascii_compatible())
}

/// One line (or one value) as text: UTF-8 when it is valid UTF-8, else the declared
/// character set, else Windows-1252. The flag is true when Windows-1252 was a guess.
pub fn line<'a>(bytes: &'a [u8], declared: Option<&'static Encoding>) -> (Cow<'a, str>, bool) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(s), false);
    }
    let (encoding, guessed) = match declared {
        Some(e) => (e, false),
        None => (WINDOWS_1252, true),
    };
    (encoding.decode_without_bom_handling(bytes).0, guessed)
}

/// A whole file as text, line by line (for CSV files, which name no character set),
/// with the guesses made.
pub fn text(bytes: &[u8]) -> Result<(Cow<'_, str>, Vec<Guess>), FormatError> {
    let (bytes, utf16) = unicode(bytes)?;
    let mut guesses: Vec<Guess> = utf16.into_iter().collect();
    if let Cow::Borrowed(b) = bytes
        && let Ok(s) = std::str::from_utf8(b)
    {
        return Ok((Cow::Borrowed(s), guesses));
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    let (mut count, mut first) = (0, At::Unknown);
    for (i, raw) in bytes.split_inclusive(|b| *b == b'\n').enumerate() {
        let (text, guessed) = line(raw, None);
        if guessed {
            count += 1;
            if count == 1 {
                first = At::Line(i + 1);
            }
        }
        out.push_str(&text);
    }
    if count > 0 {
        guesses.push(Guess::Windows1252 { count, first });
    }
    Ok((Cow::Owned(out), guesses))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_plain_utf8() {
        assert_eq!(text(b"\xef\xbb\xbfFN:Budi").unwrap(), (Cow::Borrowed("FN:Budi"), vec![]));
        assert_eq!(text("Jürgen".as_bytes()).unwrap().0, "Jürgen");
        assert_eq!(text(b"\xff\xfeB\x00u\x00").unwrap(), (Cow::Borrowed("Bu"), vec![]));
        assert_eq!(text(b"\x89PNG\r\n\x1a\n\0\0\0"), Err(FormatError::NotText));
    }

    #[test]
    fn utf16_without_a_mark_is_detected_and_named() {
        let le: Vec<u8> =
            "First Name,E-mail\r\nJürgen,j@x.example\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "BEGIN:VCARD\r\nFN:山田太郎\r\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let (t, g) = text(&le).unwrap();
        assert!(t.starts_with("First Name,E-mail\r\nJürgen"));
        assert_eq!(g, [Guess::Utf16 { big_endian: false }]);
        let (t, g) = text(&be).unwrap();
        assert_eq!(t, "BEGIN:VCARD\r\nFN:山田太郎\r\n");
        assert_eq!(g, [Guess::Utf16 { big_endian: true }]);
    }

    #[test]
    fn each_line_is_decoded_on_its_own() {
        let mut bytes = "Name,Note\nJürgen Weiß,utf-8\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"Jos\xe9 M\xfcller,latin-1 \x80\n");
        let (t, g) = text(&bytes).unwrap();
        assert_eq!(t, "Name,Note\nJürgen Weiß,utf-8\nJosé Müller,latin-1 €\n");
        assert_eq!(g, [Guess::Windows1252 { count: 1, first: At::Line(3) }]);
    }

    #[test]
    fn a_named_character_set_is_honoured() {
        let sjis = encoding_rs::SHIFT_JIS.encode("山田太郎").0;
        assert_eq!(line(&sjis, charset("Shift_JIS")), (Cow::Borrowed("山田太郎"), false));
        let gb = encoding_rs::GBK.encode("王小明").0;
        assert_eq!(line(&gb, charset("GB2312")).0, "王小明");
        assert_eq!(line(b"\xe6\xf8\xe5", charset("ISO-8859-1")).0, "æøå");
        assert_eq!(line(b"\xb1", charset("ISO-8859-2")).0, "ą");
        assert_eq!(charset("UTF-16"), None, "not decodable line by line");
        assert_eq!(line(b"\xe9", None), (Cow::Borrowed("é"), true));
    }
}
