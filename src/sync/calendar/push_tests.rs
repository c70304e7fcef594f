//! A calendar push stopped by a server error, against a small scripted server: what it
//! says the calendar holds is exactly what was done, and the next push does exactly the
//! rest.

use super::*;
use crate::sync::dav::Limits;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// How the scripted server answers a request (method, path): a status and an ETag.
type Script = Arc<dyn Fn(&str, &str) -> (u16, Option<&'static str>) + Send + Sync>;

/// The requests a scripted server got: method and path.
type Seen = Arc<Mutex<Vec<(String, String)>>>;

/// A server on a loopback port answering by `script`, one request a connection; returns
/// its calendar URL and the requests it got.
fn server(script: Script) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let mut parts = line.split_whitespace();
            let (method, path) = (parts.next().unwrap_or("").to_string(), parts.next().unwrap_or("").to_string());
            let mut len = 0;
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = h.split_once(':')
                    && k.eq_ignore_ascii_case("content-length")
                {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; len];
            let _ = reader.read_exact(&mut body);
            let (status, etag) = script(&method, &path);
            log.lock().unwrap().push((method, path));
            let etag = etag.map(|e| format!("ETag: \"{e}\"\r\n")).unwrap_or_default();
            let mut stream = reader.into_inner();
            let _ = write!(stream, "HTTP/1.1 {status} X\r\n{etag}Content-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    (format!("http://127.0.0.1:{port}/ayu/reminders/"), seen)
}

fn now() -> DateTime<Utc> {
    "2026-12-01T10:00:00Z".parse().unwrap()
}

fn event(uid: &str, summary: &str) -> DayEvent {
    DayEvent { uid: uid.into(), date: "2026-12-01".parse().unwrap(), summary: summary.into(), description: None }
}

fn was(uid: &str, summary: &str) -> EventState {
    EventState {
        uid: uid.into(),
        href: format!("/ayu/reminders/{uid}.ics"),
        etag: Some(format!("\"{uid}-1\"")),
        digest: digest(&event(uid, summary)),
    }
}

/// The last push left a, b, c and d; today a is the same, b has new words, e and f are
/// new, and c and d are gone.
fn today() -> (Vec<DayEvent>, Vec<EventState>) {
    let events = vec![event("a", "A"), event("b", "B, changed"), event("e", "E"), event("f", "F")];
    let prev = vec![was("a", "A"), was("b", "B"), was("c", "C"), was("d", "D")];
    (events, prev)
}

fn uids(events: &[EventState]) -> Vec<&str> {
    events.iter().map(|e| e.uid.as_str()).collect()
}

fn dav(url: &str) -> Dav {
    Dav::new(url, None, None, false, Limits::default())
}

#[test]
fn a_push_stopped_by_a_failed_write_keeps_what_it_wrote_and_the_rest_as_it_was() {
    let (events, prev) = today();
    // b is written, then e fails: f and the deletes are not reached.
    let (url, _) = server(Arc::new(|method, path| match (method, path) {
        ("PUT", "/ayu/reminders/b.ics") => (204, Some("b-2")),
        _ => (500, None),
    }));
    let pushed = send(&dav(&url), &url, &events, &prev, now(), false);
    assert_eq!(pushed.failed, Some(DavError::Status { server: dav::host(&url), status: 500, what: "PUT".into() }));
    assert_eq!(pushed.counts, Counts { added: 0, updated: 1, removed: 0 }, "what was done");
    assert_eq!(uids(&pushed.events), ["a", "b", "c", "d"], "e and f stay unknown; c and d are still to delete");
    let b = &pushed.events[1];
    assert_eq!((b.etag.as_deref(), b.digest.as_str()), (Some("\"b-2\""), digest(&events[1]).as_str()));
    assert_eq!(pushed.events[0], prev[0]);
    assert_eq!(pushed.events[2..], prev[2..]);

    // The next push, with the server working, does exactly the rest.
    let (url, seen) = server(Arc::new(|method, _| if method == "PUT" { (201, Some("new")) } else { (204, None) }));
    let again = send(&dav(&url), &url, &events, &pushed.events, now(), false);
    assert_eq!(again.failed, None);
    assert_eq!(again.counts, Counts { added: 2, updated: 0, removed: 2 });
    assert_eq!(uids(&again.events), ["a", "b", "e", "f"]);
    let sent: Vec<(String, String)> = seen.lock().unwrap().clone();
    let want = [("PUT", "e"), ("PUT", "f"), ("DELETE", "c"), ("DELETE", "d")]
        .map(|(m, uid)| (m.to_string(), format!("/ayu/reminders/{uid}.ics")));
    assert_eq!(sent, want, "b is not written again");
}

#[test]
fn an_event_whose_delete_failed_is_still_remembered() {
    let (events, prev) = today();
    let (url, _) = server(Arc::new(|method, path| match (method, path) {
        ("PUT", _) => (201, Some("new")),
        ("DELETE", "/ayu/reminders/c.ics") => (204, None),
        _ => (403, None),
    }));
    let pushed = send(&dav(&url), &url, &events, &prev, now(), false);
    assert_eq!(pushed.failed, Some(DavError::Status { server: dav::host(&url), status: 403, what: "DELETE".into() }));
    assert_eq!(pushed.counts, Counts { added: 2, updated: 1, removed: 1 });
    assert_eq!(uids(&pushed.events), ["a", "b", "e", "f", "d"], "c is gone, d still to delete");
    assert_eq!(pushed.events[4], prev[3]);
}

#[test]
fn a_calendar_that_cannot_be_reached_keeps_every_event_as_it_was() {
    let (events, prev) = today();
    // Nothing listens here any more.
    let url = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://127.0.0.1:{}/ayu/reminders/", listener.local_addr().unwrap().port())
    };
    let pushed = send(&dav(&url), &url, &events, &prev, now(), false);
    assert!(matches!(pushed.failed, Some(DavError::Connect { .. })), "{:?}", pushed.failed);
    assert_eq!(pushed.counts, Counts::default());
    assert_eq!(pushed.events, prev, "the same state, in the same order: nothing to save");
}

#[test]
fn an_event_changed_each_time_it_is_deleted_is_still_remembered() {
    let (events, prev) = today();
    // c is changed by someone else after each look at it: its delete never goes through.
    let (url, seen) = server(Arc::new(|method, path| match (method, path) {
        ("PUT", _) => (201, Some("new")),
        ("DELETE", "/ayu/reminders/c.ics") => (412, None),
        ("GET", "/ayu/reminders/c.ics") => (200, Some("c-again")),
        _ => (204, None),
    }));
    let pushed = send(&dav(&url), &url, &events, &prev, now(), false);
    assert_eq!(pushed.failed, Some(DavError::Status { server: dav::host(&url), status: 412, what: "DELETE".into() }));
    assert_eq!(uids(&pushed.events), ["a", "b", "e", "f", "c", "d"], "c and d are still to delete");
    let deletes = seen.lock().unwrap().iter().filter(|(m, p)| m == "DELETE" && p.ends_with("/c.ics")).count();
    assert_eq!(deletes, 2, "asked twice, with the ETag it was given the second time");
}
