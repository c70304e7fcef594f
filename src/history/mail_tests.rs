//! What the mail reader keeps and leaves out, and how little of a message it reads.

use super::*;

const MBOX: &str = "From 1@x Mon Nov 02 09:00:00 +0000 2026\n\
    Message-ID: <a1@example.com>\n\
    From: Budi Santoso <budi@example.com>\n\
    To: Ayu <ayu@example.com>\n\
    Subject: Coffee next week?\n\
    Date: Mon, 2 Nov 2026 09:00:00 +0000\n\
    \n\
    The secret body of the message.\n\
    \n\
    From 2@x Mon Nov 02 10:00:00 +0000 2026\n\
    Message-ID: <a2@example.com>\n\
    In-Reply-To: <a1@example.com>\n\
    References: <a1@example.com>\n\
    X-Gmail-Labels: Sent,Opened\n\
    From: Ayu <ayu@example.com>\n\
    To: budi@example.com\n\
    Subject: Re: Coffee next week?\n\
    Date: Mon, 2 Nov 2026 10:00:00 +0000\n\
    \n\
    Yes!\n\
    From 3@x Mon Nov 02 11:00:00 +0000 2026\n\
    Message-ID: <l1@lists.example.com>\n\
    List-Id: <fintech.lists.example.com>\n\
    From: Someone <someone@example.com>\n\
    To: fintech@lists.example.com\n\
    Date: Mon, 2 Nov 2026 11:00:00 +0000\n\
    \n\
    list mail\n\
    From 4@x Mon Nov 02 12:00:00 +0000 2026\n\
    From: GitHub <noreply@github.com>\n\
    Date: Mon, 2 Nov 2026 12:00:00 +0000\n\
    \n\
    robot\n\
    From 5@x Mon Nov 02 13:00:00 +0000 2026\n\
    From: Dewi <dewi@example.com>\n\
    Subject: no date\n\
    \n\
    x\n";

#[test]
fn threads_lists_robots_and_hints() {
    let h = mbox(MBOX.as_bytes()).unwrap();
    assert_eq!(h.ignored, 2);
    assert_eq!(h.problems, [Problem::new(34, ProblemKind::NoDate)]);
    assert_eq!(h.me_hints, ["ayu@example.com"]);
    assert_eq!(h.found.len(), 2);
    let (a, b) = (&h.found[0], &h.found[1]);
    assert_eq!((a.key.as_str(), a.opener, a.line), ("a1@example.com/2026-11-02", Some(0), 1));
    assert_eq!((b.key.as_str(), b.opener, b.line), ("a1@example.com/2026-11-02", None, 10));
    assert_eq!(a.title.as_deref(), Some("Coffee next week?"));
    assert_eq!(b.title.as_deref(), Some("Coffee next week?"), "the thread's name, without Re:");
    assert_eq!(a.people[0].name.as_deref(), Some("Budi Santoso"));
    assert!(a.people[0].spoke && !a.people[1].spoke);
    assert!(!format!("{h:?}").contains("secret"));
}

#[test]
fn only_the_headers_are_kept_and_headers_past_the_bound_are_skipped_and_named() {
    let ok = |n: usize| {
        format!(
            "From {n}@x Mon Nov 02 09:00:00 +0000 2026\nMessage-ID: <m{n}@example.com>\n\
             From: Budi <budi@example.com>\nDate: Mon, 2 Nov 2026 09:00:00 +0000\n\n"
        )
    };
    let huge_header = format!("X-Long: {}\n", "a".repeat(MAX_HEADERS));
    let many_headers = "X-Short: b\n".repeat(MAX_HEADERS / 10);
    let mut mbox_text = ok(1);
    // A body of one 3 MiB line with no line end until its last byte.
    mbox_text.push_str(&"z".repeat(3 << 20));
    mbox_text.push('\n');
    mbox_text.push_str(&format!("From 2@x Mon Nov 02 10:00:00 +0000 2026\n{huge_header}Date: x\n\nbody\n"));
    mbox_text.push_str(&format!("From 3@x Mon Nov 02 10:00:00 +0000 2026\n{many_headers}\nbody\n"));
    mbox_text.push_str(&ok(4));
    let h = mbox(mbox_text.as_bytes()).unwrap();
    assert_eq!(h.read, 4);
    assert_eq!(h.found.len(), 2, "{:?}", h.problems);
    let kib = MAX_HEADERS >> 10;
    // The first message: five lines of headers and one of body; the second: five.
    let (second, third) = (7, 12);
    assert_eq!(
        h.problems,
        [
            Problem::new(second, ProblemKind::HeadersTooLarge { kib }),
            Problem::new(third, ProblemKind::HeadersTooLarge { kib })
        ]
    );
    assert_eq!(h.found[1].line, third + 1 + MAX_HEADERS / 10 + 2, "line numbers count every line read past");
    assert!(h.problems[0].message(crate::i18n::Lang::En).contains("headers are larger than 256 KiB"));
    // A maildir's message: its header block, never its body.
    let file = "From: Budi <budi@example.com>\r\nDate: Mon, 2 Nov 2026 09:00:00 +0000\r\n\r\nthe body\r\n";
    assert_eq!(headers_of(file.as_bytes()).unwrap().as_deref(), Some(&file.as_bytes()[..file.len() - 10]));
    assert_eq!(headers_of(format!("{huge_header}\nbody").as_bytes()).unwrap(), None);
    assert_eq!(headers_of(format!("{many_headers}\nbody").as_bytes()).unwrap(), None);
}

#[test]
fn a_line_is_kept_only_as_far_as_asked() {
    let mut input = &b"From abc\nrest"[..];
    let mut out = Vec::new();
    assert_eq!(next_line(&mut input, 5, &mut out).unwrap(), Some(true));
    assert_eq!(out, b"From ");
    assert_eq!(next_line(&mut input, 100, &mut out).unwrap(), Some(false));
    assert_eq!(out, b"rest");
    assert_eq!(next_line(&mut input, 100, &mut out).unwrap(), None);
}

#[test]
fn robots_and_shared_mailboxes() {
    for robot in ["noreply@x.com", "no-reply@x.com", "notifications@github.com", "team@startup.io", "support@x.com"] {
        assert!(is_robot(robot), "{robot}");
    }
    for person in ["budi@x.com", "teamlead.sari@x.com", "support.engineer@x.com"] {
        assert!(!is_robot(person), "{person}");
    }
}

#[test]
fn a_sender_without_angle_brackets_is_an_address_and_a_name() {
    let raw = b"From: Ruixin Wang wangruixin@CAICT.AC.CN\nTo: ayu@example.com\n\
                Date: Wed, 4 Nov 2026 06:30:00 +0700\nSubject: hi\n\nbody\n";
    let mut r = Reader::new();
    r.message(raw, 1);
    let h = r.finish();
    let p = &h.found[0].people[0];
    assert_eq!(p.email.as_deref(), Some("wangruixin@caict.ac.cn"));
    assert_eq!(p.name.as_deref(), Some("Ruixin Wang"));
    assert_eq!(split_address("budi@example.com"), Some(("budi@example.com".into(), None)));
    assert_eq!(split_address("no address here"), None);
}

#[test]
fn mail_is_dated_by_the_users_own_day() {
    // Wednesday 06:30 in Jakarta is Tuesday in UTC.
    let raw = b"From: Budi <budi@example.com>\nDate: Wed, 4 Nov 2026 06:30:00 +0700\n\nx\n";
    let jakarta = Zone::Fixed(chrono::FixedOffset::east_opt(7 * 3600).unwrap());
    let mut r = Reader::in_zone(jakarta);
    r.message(raw, 1);
    let f = &r.finish().found[0];
    assert_eq!(f.on.to_string(), "2026-11-04");
    assert!(f.key.ends_with("/2026-11-04"));
    let mut utc = Reader::new();
    utc.message(raw, 1);
    assert_eq!(utc.finish().found[0].on.to_string(), "2026-11-03");
}

#[test]
fn windows_1252_headers_are_decoded_and_counted() {
    let mbox_bytes = b"From x Wed Nov 04 06:30:00 2026\nFrom: Jos\xe9 M\xfcller <jose@example.com>\n\
                       Date: Wed, 4 Nov 2026 06:30:00 +0000\nSubject: Caf\xe9\n\nbody \xe9\n";
    let (h, guessed) = mbox_in(&mbox_bytes[..], Zone::UTC).unwrap();
    assert_eq!(guessed, 1);
    assert_eq!(h.read, 1);
    assert_eq!(h.found[0].people[0].name.as_deref(), Some("José Müller"));
    assert_eq!(h.found[0].title.as_deref(), Some("Café"));
}
