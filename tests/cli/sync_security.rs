//! Where the sync password may go and what a hostile server cannot do: no redirect to
//! another server carries the password (at setup without a yes, at a later sync
//! never), no plain http to another machine without an explicit flag, no empty password
//! sent when none was given, and answers too deep, too big, too slow or naming cards
//! outside the address book end in a clean error or a warning, with the data file as
//! it was. Each runs against Radicale and Xandikos, with `front` (a tiny server in the
//! test) in front of them or standing in for a hostile one.

use crate::env::TestEnv;
use crate::front::{Answer, Front, Mode, Request, answer, multistatus};
use crate::radicale::{Kind, PASSWORD, Server, USER, servers};
use std::process::Output;
use std::sync::Arc;

fn run(env: &TestEnv, args: &[&str]) -> Output {
    env.std_command().env("JEJARING_SYNC_PASSWORD", PASSWORD).args(args).output().unwrap()
}

fn ok(env: &TestEnv, args: &[&str]) -> String {
    let out = run(env, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?} failed: {err}");
    err
}

/// Runs, expects exit `code`, returns stderr.
fn fails(env: &TestEnv, args: &[&str], code: i32) -> String {
    let out = run(env, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    err
}

fn no_password_seen(front: &Front) {
    let seen = front.seen();
    assert!(seen.iter().all(|r| r.header("authorization").is_none()), "the password reached another server: {seen:?}");
}

/// A real server with an address book, a `front` passing requests on to it, and a data
/// file set up through the front with one contact synced.
fn through_front(kind: Kind) -> (Server, Front, TestEnv) {
    let server = Server::of(kind);
    server.make_book();
    let front = Front::start(Mode::Forward(server.port));
    let env = TestEnv::new();
    ok(&env, &["sync", "setup", &front.root(), "--user", USER]);
    env.add("Budi Santoso", &[]);
    ok(&env, &["sync"]);
    assert_eq!(server.cards().len(), 1, "{kind:?}");
    (server, front, env)
}

/// The address book's path on the server, as the data file has it.
fn book_path(env: &TestEnv) -> String {
    let url = env.json()["sync"]["addressbook"].as_str().unwrap().to_string();
    url.splitn(4, '/').nth(3).map(|p| format!("/{p}")).unwrap()
}

#[test]
fn a_redirect_to_another_server_never_carries_the_password() {
    let recorder = Front::start(Mode::Reply(Arc::new(|_: &Request| multistatus(""))));
    // At setup, without a yes: shown, not followed.
    let redirect = Front::start(Mode::Redirect(recorder.root()));
    let env = TestEnv::new();
    let err = fails(&env, &["sync", "setup", &redirect.root(), "--user", USER], 1);
    assert!(err.contains(&format!("sends jejaring to http://127.0.0.1:{}/", recorder.port)), "{err}");
    assert!(err.contains("another server") && err.contains("--follow-redirect"), "{err}");
    assert!(recorder.seen().is_empty(), "not even asked");
    assert!(env.bytes().is_none(), "nothing written");
    for kind in servers() {
        // A later sync never follows a redirect anywhere.
        let (server, front, env) = through_front(kind);
        front.set(Mode::Redirect(recorder.root()));
        env.add("Siti Rahma", &[]);
        let before = env.bytes();
        let err = fails(&env, &["sync"], 1);
        assert!(err.contains("answered 307"), "{kind:?}: {err}");
        assert_eq!(env.bytes(), before, "{kind:?}");
        no_password_seen(&recorder);
        assert!(recorder.seen().is_empty(), "{kind:?}");
        // With --follow-redirect the user chose to go there: setup follows, says so,
        // and keeps the address book where it really is.
        let to_server = Front::start(Mode::Redirect(server.root()));
        let env = TestEnv::new();
        let err = ok(&env, &["sync", "setup", &to_server.root(), "--user", USER, "--follow-redirect"]);
        assert!(err.contains(&format!("Following http://127.0.0.1:{}", to_server.port)), "{err}");
        assert_eq!(env.json()["sync"]["addressbook"], serde_json::Value::from(server.book_url()), "{kind:?}");
    }
}

#[test]
fn plain_http_to_another_machine_needs_an_explicit_flag() {
    let env = TestEnv::new();
    let err = fails(&env, &["sync", "setup", "http://192.0.2.10/dav/", "--user", USER], 2);
    assert!(
        err.contains("http://192.0.2.10/dav/ is plain http, so the password would travel unencrypted to 192.0.2.10"),
        "{err}"
    );
    assert!(err.contains("--allow-insecure-http"), "{err}");
    assert!(env.bytes().is_none());
    let out = env
        .std_command()
        .args(["--lang", "id", "sync", "setup", "http://192.0.2.10/dav/", "--user", USER])
        .env("JEJARING_SYNC_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("tanpa enkripsi"));
    // With the flag, setup goes on (and says what it allowed); this address answers no one.
    let err = fails(
        &env,
        &["sync", "setup", "http://192.0.2.10/dav/", "--user", USER, "--allow-insecure-http", "--timeout", "0.3"],
        1,
    );
    assert!(err.contains("the password travels unencrypted to 192.0.2.10"), "{err}");
    assert!(!err.contains("is plain http"), "{err}");
}

#[test]
fn without_a_password_source_setup_names_the_ways_to_give_one() {
    let recorder = Front::start(Mode::Reply(Arc::new(|_: &Request| multistatus(""))));
    let env = TestEnv::new();
    for extra in [&[][..], &["--no-input"][..]] {
        let out =
            env.std_command().args(extra).args(["sync", "setup", &recorder.root(), "--user", USER]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(&format!("no password source was given for ayu at 127.0.0.1:{}", recorder.port)), "{err}");
        assert!(err.contains("--password-command") && err.contains("JEJARING_SYNC_PASSWORD"), "{err}");
    }
    assert!(recorder.seen().is_empty(), "no empty password sent");
    assert!(env.bytes().is_none());
}

#[test]
fn answers_too_deep_or_too_big_are_clean_errors_and_change_nothing() {
    let deep: Answer =
        Arc::new(|_: &Request| multistatus(&format!("{}{}", "<a>".repeat(40_000), "</a>".repeat(40_000))));
    let endless: Answer = Arc::new(|_: &Request| {
        let mut v = b"HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml\r\nConnection: close\r\n\r\n<multistatus xmlns=\"DAV:\">".to_vec();
        v.resize(v.len() + (80 << 20), b' ');
        v
    });
    let declared: Answer = Arc::new(|_: &Request| {
        b"HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml\r\nContent-Length: 2147483648\r\nConnection: close\r\n\r\n<multistatus>".to_vec()
    });
    for kind in servers() {
        let (server, front, env) = through_front(kind);
        env.add("Siti Rahma", &[]);
        let before = env.bytes();
        for (mode, says) in [
            (deep.clone(), "elements nested deeper than 64"),
            (endless.clone(), "larger than 64 MiB"),
            (declared.clone(), "larger than 64 MiB"),
        ] {
            front.set(Mode::Reply(mode));
            let err = fails(&env, &["sync"], 1);
            assert!(err.contains(says), "{kind:?}: {err}");
            assert_eq!(err.lines().count(), 1, "one clean line: {err}");
            assert_eq!(env.bytes(), before, "{kind:?}");
        }
        // The server behaves again: the sync goes on from where it was.
        front.set(Mode::Forward(server.port));
        let err = ok(&env, &["sync"]);
        assert!(err.contains("Synced: 0 pulled, 1 pushed"), "{kind:?}: {err}");
        assert_eq!(server.cards().len(), 2, "{kind:?}");
    }
}

/// A listing of `n` cards in the book at `book`, each "changed".
fn listing(book: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!(r#"<response><href>{book}c{i}.vcf</href><propstat><prop><getetag>"e{i}"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>"#))
        .collect()
}

#[test]
fn a_server_answering_slowly_batch_after_batch_meets_the_overall_limit() {
    for kind in servers() {
        let (_server, front, env) = through_front(kind);
        let before = env.bytes();
        let book = book_path(&env);
        // Each answer comes well inside the timeout, and a thousand cards take ten
        // batches: the whole sync is stopped by --max-time (0.02 minutes) instead.
        front.set(Mode::Reply(Arc::new(move |req: &Request| {
            std::thread::sleep(std::time::Duration::from_millis(300));
            if req.body.contains("sync-collection") {
                multistatus(&format!("{}<sync-token>t</sync-token>", listing(&book, 1000)))
            } else {
                multistatus("")
            }
        })));
        let err = fails(&env, &["sync", "--max-time", "0.02"], 1);
        assert!(
            err.contains("the sync did not finish within 1 minute, so it stopped; nothing here was changed"),
            "{err}"
        );
        assert_eq!(env.bytes(), before, "{kind:?}");
    }
}

#[test]
fn a_time_out_says_what_was_kept_here_and_names_setup_as_setup() {
    for kind in servers() {
        let (_server, front, env) = through_front(kind);
        env.add("Ayu Lestari", &["--circle", "friend"]);
        let book = book_path(&env);
        front.set(Mode::Reply(Arc::new(move |req: &Request| {
            std::thread::sleep(std::time::Duration::from_millis(300));
            if req.body.contains("sync-collection") {
                multistatus(&format!("{}<sync-token>t</sync-token>", listing(&book, 1000)))
            } else {
                multistatus("")
            }
        })));
        // `--only` is saved before the server is asked: the sentence says so.
        let err = fails(&env, &["sync", "--only", "friend", "--max-time", "0.01"], 1);
        assert!(
            err.contains(
                "so it stopped; your choice of whom to send (--only or --all) was saved, nothing else here was changed"
            ),
            "{kind:?}: {err}"
        );
        assert_eq!(env.json()["sync"]["only"], serde_json::json!(["friend"]), "{kind:?}");
        let before = env.bytes();
        let err = fails(&env, &["--lang", "id", "sync", "--all", "--max-time", "0.01"], 1);
        assert!(err.contains("pilihan siapa yang dikirim (--only atau --all) sudah disimpan"), "{kind:?}: {err}");
        assert_ne!(env.bytes(), before, "{kind:?}: --all was saved");
        // The same choice again saves nothing: nothing here was changed.
        let before = env.bytes();
        let err = fails(&env, &["sync", "--max-time", "0.01"], 1);
        assert!(err.contains("so it stopped; nothing here was changed"), "{kind:?}: {err}");
        assert_eq!(env.bytes(), before, "{kind:?}");
    }
    // A setup that runs out of time is called a setup, and keeps the setup here.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let env = TestEnv::new();
    let root = format!("http://127.0.0.1:{port}/");
    let err = fails(&env, &["sync", "setup", &root, "--user", USER, "--max-time", "0.005"], 1);
    assert!(
        err.contains("`sync setup` did not finish within 1 minute, so it stopped; the setup here stays as it was"),
        "{err}"
    );
    assert!(!err.contains("the sync"), "{err}");
    let err = fails(&env, &["--lang", "id", "sync", "setup", &root, "--user", USER, "--max-time", "0.005"], 1);
    assert!(err.contains("`sync setup` tidak selesai dalam 1 menit"), "{err}");
}

#[test]
fn a_calendar_for_reminders_that_is_not_there_is_called_not_found() {
    for kind in servers() {
        let server = Server::of(kind);
        server.make_book();
        let env = TestEnv::new();
        let missing = format!("{}{USER}/nothing-here/", server.root());
        let err = fails(&env, &["sync", "setup", &server.book_url(), "--user", USER, "--calendar", &missing], 1);
        assert!(err.contains(&format!("the calendar {missing} was not found")), "{kind:?}: {err}");
        assert!(err.contains("pass --create to make it"), "{kind:?}: {err}");
        assert!(!err.contains("CardDAV") && !err.contains("address book"), "{kind:?}: {err}");
        let args = ["--lang", "id", "sync", "setup", &server.book_url(), "--user", USER, "--calendar", &missing];
        let err = fails(&env, &args, 1);
        assert!(err.contains(&format!("kalender {missing} tidak ditemukan")), "{kind:?}: {err}");
        // The address book given as the calendar is named for what it is not.
        let args = ["sync", "setup", &server.book_url(), "--user", USER, "--calendar", &server.book_url()];
        let err = fails(&env, &args, 1);
        assert!(err.contains(&format!("{} is not a calendar", server.book_url())), "{kind:?}: {err}");
        assert!(env.bytes().is_none(), "{kind:?}: nothing saved");
        // With --create, the calendar that was not there is made.
        let mine = format!("{}{}", server.root(), server.collection_path("mine"));
        let args = ["sync", "setup", &server.book_url(), "--user", USER, "--calendar", &mine, "--create"];
        let out = run(&env, &args);
        assert!(out.status.success(), "{kind:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(env.json()["sync"]["calendar"], serde_json::json!(mine), "{kind:?}");
    }
}

fn card(uid: &str, name: &str) -> String {
    format!("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:;{name};;;\r\nEND:VCARD\r\n")
}

#[test]
fn hrefs_outside_the_address_book_are_ignored_and_never_written() {
    let elsewhere =
        Front::start(Mode::Reply(Arc::new(|_: &Request| answer("200 OK", "text/vcard", &card("x", "Elsewhere")))));
    for kind in servers() {
        let (_server, front, env) = through_front(kind);
        let book = book_path(&env);
        let hostile = [
            format!("{book}../victim/t1.vcf"),
            format!("{book}%2e%2e/victim/t2.vcf"),
            format!("http://127.0.0.1:{}{book}t3.vcf", elsewhere.port),
            format!("{book}sub/t4.vcf"),
        ];
        let mut hrefs = hostile.to_vec();
        hrefs.push(format!("{book}ok.vcf"));
        let skip = front.seen().len();
        front.set(Mode::Reply(Arc::new(move |req: &Request| match req.method.as_str() {
            "REPORT" if req.body.contains("sync-collection") => multistatus(&format!(
                "{}<sync-token>t2</sync-token>",
                hrefs
                    .iter()
                    .map(|h| format!(r#"<response><href>{h}</href><propstat><prop><getetag>"1"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>"#))
                    .collect::<String>()
            )),
            // Every card, whatever was asked for.
            "REPORT" => multistatus(
                &hrefs
                    .iter()
                    .enumerate()
                    .map(|(i, h)| {
                        let name = if h.ends_with("ok.vcf") { "Okta Pratama".to_string() } else { format!("Victim {i}") };
                        format!(r#"<response><href>{h}</href><propstat><prop><getetag>"1"</getetag><C:address-data xmlns:C="urn:ietf:params:xml:ns:carddav">{}</C:address-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>"#, card(&format!("u{i}"), &name))
                    })
                    .collect::<String>(),
            ),
            "PUT" => answer("201 Created", "text/plain", ""),
            "DELETE" => answer("204 No Content", "text/plain", ""),
            _ => answer("404 Not Found", "text/plain", ""),
        })));
        env.add("Siti Rahma", &[]);
        let err = ok(&env, &["sync"]);
        assert!(
            err.contains("the server named 4 cards outside the address book, which jejaring ignored"),
            "{kind:?}: {err}"
        );
        let names: Vec<String> = env.contacts().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect();
        assert!(names.contains(&"Okta Pratama".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with("Victim")), "{names:?}");
        let text = String::from_utf8(env.bytes().unwrap()).unwrap();
        assert!(!text.contains("victim") && !text.contains("t3.vcf") && !text.contains("sub/"), "never stored");
        for r in front.seen().into_iter().skip(skip) {
            if matches!(r.method.as_str(), "PUT" | "DELETE" | "GET" | "PROPFIND") {
                let name = r.path.strip_prefix(&book).unwrap_or_else(|| panic!("{kind:?}: {} {}", r.method, r.path));
                assert!(!name.contains('/') && !r.path.contains("victim"), "{kind:?}: {} {}", r.method, r.path);
            }
        }
        assert!(elsewhere.seen().is_empty(), "another server is never asked");
    }
}

#[test]
fn a_url_that_is_not_an_address_book_is_named_never_replaced() {
    for kind in servers() {
        let server = Server::of(kind);
        server.make_book();
        server.make_calendar();
        let env = TestEnv::new();
        let missing = format!("{}{USER}/contacts-typo/", server.root());
        let err = fails(&env, &["sync", "setup", &missing, "--user", USER], 1);
        assert!(err.contains(&format!("{missing} is nothing there (404)")), "{kind:?}: {err}");
        let err = fails(&env, &["sync", "setup", &server.calendar_url(), "--user", USER], 1);
        assert!(err.contains(&format!("{} is a calendar", server.calendar_url())), "{kind:?}: {err}");
        assert!(env.bytes().is_none(), "{kind:?}: the account's only address book was not picked instead");
        ok(&env, &["sync", "setup", &server.book_url(), "--user", USER]);
        assert_eq!(env.json()["sync"]["addressbook"], serde_json::Value::from(server.book_url()));
    }
}

#[test]
fn on_a_terminal_setup_asks_for_the_password_and_before_following_a_redirect() {
    use crate::pty::{answer, exit_code, spawn};
    use expectrl::Expect;
    for kind in servers() {
        let server = Server::of(kind);
        server.make_book();
        let redirect = Front::start(Mode::Redirect(server.root()));
        // (The terminal wraps the rest of the question.)
        let asked = format!("http://127.0.0.1:{} sends jejaring to {}, another", redirect.port, server.root());
        // No: nothing goes there, nothing is saved.
        let env = TestEnv::new();
        let mut s = spawn(&env, &["sync", "setup", &redirect.root(), "--user", USER]);
        answer(&mut s, &format!("Password for ayu at 127.0.0.1:{}:", redirect.port), PASSWORD);
        answer(&mut s, &asked, "n");
        assert_eq!(exit_code(s), 1, "{kind:?}");
        assert!(env.bytes().is_none());
        // Yes: the address book where it really is, and the typed password never stored.
        let mut s = spawn(&env, &["sync", "setup", &redirect.root(), "--user", USER]);
        answer(&mut s, "Password for ayu", PASSWORD);
        answer(&mut s, &asked, "y");
        s.expect("Sync set up with").unwrap();
        assert_eq!(exit_code(s), 0, "{kind:?}");
        assert_eq!(env.json()["sync"]["addressbook"], serde_json::Value::from(server.book_url()), "{kind:?}");
        assert!(!String::from_utf8(env.bytes().unwrap()).unwrap().contains(PASSWORD));
    }
}

#[test]
fn a_card_address_outside_the_address_book_is_never_written_even_from_the_data_file() {
    for kind in servers() {
        let (server, front, env) = through_front(kind);
        // A data file from an older version, which stored a hostile server's href.
        let mut data = env.json();
        let book = book_path(&env);
        let outside = format!("{book}../victim/t1.vcf");
        data["sync"]["cards"][0]["href"] = serde_json::Value::from(outside.clone());
        env.write_data(serde_json::to_vec_pretty(&data).unwrap());
        let budi = env.contact("Budi Santoso")["handle"].as_str().unwrap().to_string();
        env.ok(&["remove", &budi, "--yes"]);
        let before = env.bytes();
        let skip = front.seen().len();
        let err = fails(&env, &["sync"], 1);
        assert!(err.contains("it is outside the address book and calendar jejaring syncs"), "{kind:?}: {err}");
        assert_eq!(env.bytes(), before);
        assert!(front.seen().iter().skip(skip).all(|r| r.method != "DELETE"), "{kind:?}");
        assert_eq!(server.cards().len(), 1, "{kind:?}");
    }
}

#[test]
fn a_scheme_in_capitals_is_the_same_scheme() {
    // A server whose every answer says: this is an address book.
    let book = Front::start(Mode::Reply(Arc::new(|req: &Request| {
        multistatus(&format!(
            r#"<response><href>{}</href><propstat><prop><resourcetype><collection/><C:addressbook xmlns:C="urn:ietf:params:xml:ns:carddav"/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response>"#,
            req.path
        ))
    })));
    let env = TestEnv::new();
    let url = format!("HTTP://127.0.0.1:{}/ayu/book/", book.port);
    ok(&env, &["sync", "setup", &url, "--user", USER]);
    let stored = format!("http://127.0.0.1:{}/ayu/book/", book.port);
    assert_eq!(env.json()["sync"]["addressbook"], serde_json::Value::from(stored));
    // Plain http to another machine is still plain http, in capitals too.
    let env = TestEnv::new();
    let err = fails(&env, &["sync", "setup", "HTTP://192.0.2.10/dav/", "--user", USER], 2);
    assert!(err.contains("http://192.0.2.10/dav/ is plain http, so the password would travel unencrypted"), "{err}");
    assert!(env.bytes().is_none());
}

#[test]
fn a_calendar_address_is_checked_before_any_server_is_asked() {
    // Nothing listens at the address book's port: only a check made first can answer.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/ayu/book/");
    let env = TestEnv::new();
    let err = fails(&env, &["sync", "setup", &url, "--user", USER, "--calendar", "ftp://127.0.0.1/ayu/cal/"], 2);
    assert!(err.contains("ftp://127.0.0.1/ayu/cal/ is not a web address; start it with https://"), "{err}");
    let err = fails(&env, &["sync", "setup", &url, "--user", USER, "--calendar", "https://ayu@127.0.0.1/ayu/cal/"], 2);
    assert!(err.contains("put the user name in --user, not in the URL"), "{err}");
    let err = fails(&env, &["--lang", "id", "sync", "setup", &url, "--user", USER, "--calendar", "cal"], 2);
    assert!(err.contains("cal bukan alamat web; awali dengan https://"), "{err}");
    assert!(env.bytes().is_none(), "nothing saved");
}
