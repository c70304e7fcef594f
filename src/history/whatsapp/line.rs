//! The start of a chat line: its date and time in the layouts WhatsApp writes, and the
//! layouts it writes that are refused by name rather than misread.
//!
//! ```text
//! 12/31/23, 9:41 PM - Budi: hi                 Android, en-US
//! 31/12/23 21.41 - Budi: halo                  Android, id-ID
//! 31/12/23, 9:41 p. m. - Budi: hola            Android, es (also `p.m.`, `a. m.`)
//! 2019/01/30, 20:49 - Budi: hi                 Android, year first (also `2019-08-06`)
//! [31/12/23, 21:41:05] Budi: hi                iOS
//! 30/01/2016, 20:49: Budi: hi                  iOS, 2015–16, no brackets
//! ```

/// How a line's date is written, as far as the line alone tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// Two numbers of a day and a month in an order the whole file decides, then the year.
    Either,
    /// Year, month, day.
    YearFirst,
}

/// The start of a chat line: its date and time as written, and what follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head<'a> {
    /// The first two numbers of the date in the order written (month and day when
    /// `written` is YearFirst), and the year.
    pub date: (u32, u32, i32),
    pub written: Written,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Some(true) for PM, Some(false) for AM, None for a 24-hour clock.
    pub pm: Option<bool>,
    /// "Sender: text", or the app's own note.
    pub rest: &'a str,
    /// Written as iOS writes (in brackets, or its 2015–16 `date, time: ` layout):
    /// only iOS writes its notices under a sender.
    pub ios: bool,
}

/// A layout WhatsApp writes that is not read, so a chat is refused by name instead of
/// read on the wrong days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unread {
    /// The time before the date (`[20:49:12, 30/01/2016]`, iOS in Vietnamese).
    TimeFirst,
    /// Arabic-Indic digits (`٣٠/٠١/٢٠١٦`).
    ArabicDigits,
    /// Years of the Thai Buddhist era (2562 for 2019).
    BuddhistYear,
    /// Years of a Japanese era (`R1/05/01`, `令和1/5/1`).
    JapaneseEra,
}

/// Spaces WhatsApp writes: plain, no-break, narrow no-break.
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}'
}

fn number(s: &str, max_len: usize) -> Option<(u32, &str)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > max_len {
        return None;
    }
    Some((s[..len].parse().ok()?, &s[len..]))
}

fn sep<'a>(s: &'a str, seps: &[char]) -> Option<&'a str> {
    let c = s.chars().next()?;
    seps.contains(&c).then(|| &s[c.len_utf8()..])
}

/// What comes before a line's date: iOS's marks, a byte-order mark, spaces, and
/// the bracket of an iOS line (with marks inside it too).
fn opening(line: &str) -> (bool, &str) {
    let skip = |c: char| super::notices::invisible(c) || c.is_whitespace();
    let s = line.trim_start_matches(skip);
    match s.strip_prefix('[') {
        Some(rest) => (true, rest.trim_start_matches(skip)),
        None => (false, s),
    }
}

/// `AM`, `PM`, `a.m.`, `p. m.` (with any of WhatsApp's spaces), and what follows.
fn meridiem(s: &str) -> (Option<bool>, &str) {
    let t = s.trim_start_matches(is_space);
    let pm = match t.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('p') => true,
        Some('a') => false,
        _ => return (None, s),
    };
    let rest = &t[1..];
    let rest = rest.strip_prefix('.').unwrap_or(rest).trim_start_matches(is_space);
    let Some(rest) = rest.strip_prefix(['m', 'M']) else { return (None, s) };
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    // `AM` must end there: `Ayu` after a 24-hour time is a name, not a clock.
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return (None, s);
    }
    (Some(pm), rest)
}

/// The date, time and rest of a line that starts a message, or None for a line that
/// continues one.
pub fn starts_message(line: &str) -> Option<Head<'_>> {
    let (bracket, s) = opening(line);
    let year_first = s.bytes().take_while(u8::is_ascii_digit).count() == 4;
    let (first, s) = number(s, 4)?;
    let s = sep(s, &['/', '.', '-'])?;
    let (b, s) = number(s, 2)?;
    let s = sep(s, &['/', '.', '-'])?;
    let (third, s) = number(s, 4)?;
    let s = s.strip_prefix('.').unwrap_or(s);
    let (date, written) = if year_first {
        ((b, third, first as i32), Written::YearFirst)
    } else {
        if first > 99 {
            return None;
        }
        let year = if third < 100 { 2000 + third as i32 } else { third as i32 };
        ((first, b, year), Written::Either)
    };
    let s = s.strip_prefix(',').unwrap_or(s).trim_start_matches(is_space);
    let (hour, s) = number(s, 2)?;
    let s = sep(s, &[':', '.'])?;
    let (minute, mut s) = number(s, 2)?;
    let mut second = 0;
    if let Some(rest) = sep(s, &[':', '.'])
        && let Some((sec, rest)) = number(rest, 2)
    {
        second = sec;
        s = rest;
    }
    let (pm, s) = meridiem(s);
    let (rest, ios) = if bracket {
        (s.strip_prefix(']')?.trim_start_matches(is_space), true)
    } else {
        let s = s.trim_start_matches(is_space);
        // `- ` on Android; `: ` in iOS's layout of 2015–16.
        match s.strip_prefix(['-', '–']) {
            Some(rest) => (rest.trim_start_matches(is_space), false),
            None => (s.strip_prefix(": ")?.trim_start_matches(is_space), true),
        }
    };
    // A month and a day, in one order or the other; a 12-hour clock up to 12.
    let month_fits = match written {
        Written::YearFirst => date.0 <= 12,
        Written::Either => date.0.min(date.1) <= 12,
    };
    let twelve = pm.is_some() && hour > 12;
    if hour > 23 || minute > 59 || second > 59 || date.0 == 0 || date.1 == 0 || date.0.max(date.1) > 31 {
        return None;
    }
    if !month_fits || twelve {
        return None;
    }
    Some(Head { date, written, hour, minute, second, pm, rest, ios })
}

/// Which refused layout a line is written in, if it looks like the start of a
/// message in one of them.
pub fn unread(line: &str) -> Option<Unread> {
    let (_, s) = opening(line);
    let head: String = s.chars().take(24).collect();
    if head.chars().take(3).any(|c| ('\u{660}'..='\u{669}').contains(&c) || ('\u{6f0}'..='\u{6f9}').contains(&c)) {
        return Some(Unread::ArabicDigits);
    }
    if ["令和", "平成", "昭和"].iter().any(|era| head.starts_with(era))
        || (head.starts_with(['R', 'H', 'S'])
            && head[1..].starts_with(|c: char| c.is_ascii_digit())
            && head.contains('/'))
    {
        return Some(Unread::JapaneseEra);
    }
    // `20:49:12, 30/01/2016` or `20:49, 30/1/16`.
    if let Some((_, t)) = number(s, 2)
        && let Some(t) = sep(t, &[':', '.'])
        && let Some((_, t)) = number(t, 2)
    {
        let t = sep(t, &[':', '.']).and_then(|t| number(t, 2)).map_or(t, |(_, t)| t);
        let t = t.strip_prefix(',').unwrap_or(t).trim_start_matches(is_space);
        if let Some((_, t)) = number(t, 2)
            && sep(t, &['/', '.', '-']).is_some()
        {
            return Some(Unread::TimeFirst);
        }
    }
    let h = starts_message(line)?;
    (h.date.2 >= 2400).then_some(Unread::BuddhistYear)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(line: &str) -> ((u32, u32, i32), u32, u32, Option<bool>, &str) {
        let h = starts_message(line).unwrap_or_else(|| panic!("not a message start: {line}"));
        (h.date, h.hour, h.minute, h.pm, h.rest)
    }

    #[test]
    fn android_and_ios_lines_in_english_and_indonesian() {
        assert_eq!(head("12/31/23, 9:41 PM - Budi: hi"), ((12, 31, 2023), 9, 41, Some(true), "Budi: hi"));
        assert_eq!(head("12/31/23, 9:41\u{202f}PM - Budi: hi"), ((12, 31, 2023), 9, 41, Some(true), "Budi: hi"));
        assert_eq!(head("31/12/2023, 21:41 - Budi: hi"), ((31, 12, 2023), 21, 41, None, "Budi: hi"));
        assert_eq!(head("31/12/23 21.41 - Budi: halo"), ((31, 12, 2023), 21, 41, None, "Budi: halo"));
        assert_eq!(head("[12/31/23, 9:41:05 PM] Budi: hi"), ((12, 31, 2023), 9, 41, Some(true), "Budi: hi"));
        assert_eq!(head("\u{200e}[31/12/23 21.41.05] Budi: halo"), ((31, 12, 2023), 21, 41, None, "Budi: halo"));
        assert_eq!(head("31.12.23, 21:41 - Budi: hallo"), ((31, 12, 2023), 21, 41, None, "Budi: hallo"));
        for not in ["see you at 10/11, ok?", "", "Budi: 12/31/23", "[12/31/23] hi", "99/99/99, 25:00 - x: y"] {
            assert_eq!(starts_message(not), None, "{not}");
        }
    }

    #[test]
    fn spanish_clocks_year_first_dates_and_the_old_ios_layout() {
        assert_eq!(head("30/1/19, 8:49 p. m. - Budi: hola"), ((30, 1, 2019), 8, 49, Some(true), "Budi: hola"));
        assert_eq!(
            head("30/1/19 8:49\u{a0}a.\u{a0}m. - Budi: hola"),
            ((30, 1, 2019), 8, 49, Some(false), "Budi: hola")
        );
        assert_eq!(head("30/1/19, 8:49 p.m. - Budi: hola"), ((30, 1, 2019), 8, 49, Some(true), "Budi: hola"));
        assert_eq!(head("[30/1/19, 8:49:00 a. m.] Budi: hola"), ((30, 1, 2019), 8, 49, Some(false), "Budi: hola"));
        let iso = starts_message("2019/01/30, 20:49 - Budi: hi").unwrap();
        assert_eq!((iso.date, iso.written, iso.hour), ((1, 30, 2019), Written::YearFirst, 20));
        let iso = starts_message("2019-08-06, 7:03 a.m. - Budi: hi").unwrap();
        assert_eq!((iso.date, iso.pm, iso.rest), ((8, 6, 2019), Some(false), "Budi: hi"));
        assert_eq!(head("30/01/2016, 20:49: Budi: hi"), ((30, 1, 2016), 20, 49, None, "Budi: hi"));
        assert_eq!(head("30/01/2016, 20:49:12: Budi: hi"), ((30, 1, 2016), 20, 49, None, "Budi: hi"));
        assert_eq!(
            head("30/01/2016, 20:49 - Ayu: hi"),
            ((30, 1, 2016), 20, 49, None, "Ayu: hi"),
            "a name after a clock"
        );
    }

    #[test]
    fn a_byte_order_mark_inside_the_bracket_keeps_the_message() {
        assert_eq!(head("[\u{feff}31/12/23, 21:41:05] Budi: hi").4, "Budi: hi");
        assert_eq!(head("\u{feff}[31/12/23, 21:41:05] Budi: hi").4, "Budi: hi");
    }

    #[test]
    fn layouts_that_are_refused_are_named() {
        assert_eq!(unread("[20:49:12, 30/01/2016] Budi: xin chào"), Some(Unread::TimeFirst));
        assert_eq!(unread("[٣٠/٠١/٢٠١٦، ٨:٤٩:١٢ م] Budi: مرحبا"), Some(Unread::ArabicDigits));
        assert_eq!(unread("30/1/2562 20:49 - Budi: สวัสดี"), Some(Unread::BuddhistYear));
        assert_eq!(unread("[R1/05/01 20:49:12] Budi: こんにちは"), Some(Unread::JapaneseEra));
        assert_eq!(unread("[令和1/5/1 20:49:12] Budi: こんにちは"), Some(Unread::JapaneseEra));
        assert_eq!(unread("30/1/2019 20:49 - Budi: hi"), None);
        assert_eq!(unread("Rapat jam 10/11 ya"), None);
    }
}
