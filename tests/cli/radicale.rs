//! Real CardDAV/CalDAV servers for the sync tests, Radicale and Xandikos: both installed
//! once into one virtualenv under the target folder (`tests/support/install-servers`,
//! which CI runs first), then one server per test on a free loopback port with its own
//! storage folder and Basic auth (user `ayu`, password `secret`), stopped when the test
//! ends. `servers()` names both, so a test can run against each (`Server::of(kind)`);
//! `Radicale::start()` and its variants start Radicale.
//!
//! The two differ as real servers do: Radicale rewrites the cards it stores and keeps a
//! `getlastmodified`; Xandikos stores the bytes it is sent, keeps each collection in a
//! git repository, and has no `getlastmodified`. Xandikos's own Basic auth is allowed on
//! its command line only together with a self-signed HTTPS certificate, so
//! `tests/support/xandikos-serve` starts the same app with Xandikos's auth middleware on
//! plain loopback HTTP, as Radicale runs here.
//!
//! When the servers cannot be installed the sync tests fail with the reason: they never
//! pass without a server.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use tempfile::TempDir;

pub const USER: &str = "ayu";
pub const PASSWORD: &str = "secret";

/// The header MKCOL's body needs (Xandikos refuses a body without it).
const XML: &[(&str, &str)] = &[("Content-Type", "application/xml")];

/// The virtualenv's python, installing both servers on first use (once per test binary;
/// a lock file in the script makes other processes wait for the same install).
pub fn python() -> &'static Path {
    static PYTHON: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let result = PYTHON.get_or_init(|| {
        let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dav-servers-venv");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/install-servers");
        let out = Command::new("bash").arg(&script).arg(&venv).output().map_err(|e| format!("could not run {}: {e}", script.display()))?;
        if !out.status.success() {
            return Err(format!(
                "installing Radicale and Xandikos into {} failed (needs python3 with venv and access to the Python package index):\n{}{}",
                venv.display(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(venv.join("bin/python"))
    });
    match result {
        Ok(p) => p,
        Err(e) => panic!("the sync tests need the Radicale and Xandikos servers: {e}"),
    }
}

/// Which server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Radicale,
    Xandikos,
}

/// Both servers, for tests that must hold against each.
pub fn servers() -> [Kind; 2] {
    [Kind::Radicale, Kind::Xandikos]
}

/// A running server, stopped on drop.
pub struct Server {
    pub kind: Kind,
    child: Child,
    pub port: u16,
    pub dir: TempDir,
    tls: bool,
}

/// The name older tests use; `Radicale::start()` starts a Radicale.
pub type Radicale = Server;

impl Server {
    /// A server of the given kind (plain HTTP on loopback).
    pub fn of(kind: Kind) -> Server {
        match kind {
            Kind::Radicale => Server::start(),
            Kind::Xandikos => Server::xandikos(),
        }
    }

    /// A Radicale (logging at level info, where it says it listens: see
    /// `wait_listening`).
    pub fn start() -> Server {
        Server::start_with("level = info\n", false)
    }

    /// A Radicale on HTTPS with a self-signed certificate (made with openssl).
    pub fn start_tls() -> Server {
        Server::start_with("level = info\n", true)
    }

    /// A Radicale that logs every request's headers and body (to `log()`), so a test
    /// can check what was sent, not only what was stored.
    pub fn start_logging_requests() -> Server {
        Server::start_with("level = debug\nrequest_header_on_debug = True\nrequest_content_on_debug = True\n", false)
    }

    /// Everything the server logged.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("log")).unwrap_or_default()
    }

    /// A Xandikos (see `tests/support/xandikos-serve`).
    pub fn xandikos() -> Server {
        let python = python();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/xandikos-serve");
        let mut last = String::new();
        for _ in 0..3 {
            let dir = tempfile::Builder::new().prefix("jejaring-xandikos-").tempdir().unwrap();
            let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let log = std::fs::File::create(dir.path().join("log")).unwrap();
            let child = Command::new(python)
                .arg(&script)
                .arg(dir.path())
                .arg(port.to_string())
                .args([USER, PASSWORD])
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("start xandikos");
            match Server::wait_listening(Kind::Xandikos, child, port, dir, false) {
                Ok(server) => return server,
                Err(log) => last = log,
            }
        }
        panic!("Xandikos did not start: {last}");
    }

    /// A bounded wait for the server to listen; on failure, what it logged. Something
    /// answering on the port is not enough: the port was free when it was chosen, but
    /// another test's server may have taken it since, and this one then never starts.
    /// So the server must also have said, in its log, that it listens there (Radicale
    /// does at level info; `xandikos-serve` always does).
    fn wait_listening(kind: Kind, mut child: Child, port: u16, dir: TempDir, tls: bool) -> Result<Server, String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        let said = |dir: &TempDir| {
            let log = std::fs::read_to_string(dir.path().join("log")).unwrap_or_default();
            log.contains("Listening on") && log.contains(&format!("127.0.0.1:{port}"))
        };
        while Instant::now() < deadline {
            if said(&dir) && TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(Server { kind, child, port, dir, tls });
            }
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        Err(std::fs::read_to_string(dir.path().join("log")).unwrap_or_default())
    }

    fn start_with(logging: &str, tls: bool) -> Server {
        let python = python();
        let mut last = String::new();
        for _ in 0..3 {
            let dir = tempfile::Builder::new().prefix("jejaring-radicale-").tempdir().unwrap();
            let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            std::fs::write(dir.path().join("users"), format!("{USER}:{PASSWORD}\n")).unwrap();
            let ssl = if tls {
                let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
                let status = Command::new("openssl")
                    .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"])
                    .args(["-addext", "subjectAltName=IP:127.0.0.1", "-keyout"])
                    .arg(&key)
                    .arg("-out")
                    .arg(&cert)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .expect("the TLS test needs openssl to make a certificate");
                assert!(status.success(), "openssl could not make a certificate");
                format!("ssl = True\ncertificate = {}\nkey = {}\n", cert.display(), key.display())
            } else {
                String::new()
            };
            let config = format!(
                "[server]\nhosts = 127.0.0.1:{port}\n{ssl}[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\ndelay = 0\n[storage]\nfilesystem_folder = {storage}\n[rights]\ntype = owner_only\n[logging]\n{logging}",
                users = dir.path().join("users").display(),
                storage = dir.path().join("collections").display(),
            );
            std::fs::write(dir.path().join("config"), config).unwrap();
            let log = std::fs::File::create(dir.path().join("log")).unwrap();
            let child = Command::new(python)
                .args(["-m", "radicale", "--config"])
                .arg(dir.path().join("config"))
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("start radicale");
            match Server::wait_listening(Kind::Radicale, child, port, dir, tls) {
                Ok(server) => return server,
                Err(log) => last = log,
            }
        }
        panic!("Radicale did not start: {last}");
    }

    pub fn root(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://127.0.0.1:{}/", self.port)
    }

    /// The path of a collection the tests use, by its Radicale name (`contacts` or
    /// `reminders`): Xandikos keeps address books and calendars in homes of their own.
    pub fn collection_path(&self, name: &str) -> String {
        match (self.kind, name) {
            (Kind::Radicale, _) => format!("{USER}/{name}/"),
            (Kind::Xandikos, "contacts") => format!("{USER}/contacts/addressbook/"),
            (Kind::Xandikos, "reminders") => format!("{USER}/calendars/reminders/"),
            (Kind::Xandikos, _) => format!("{USER}/contacts/{name}/"),
        }
    }

    /// The address book `make_book()` makes.
    pub fn book_url(&self) -> String {
        format!("{}{}", self.root(), self.collection_path("contacts"))
    }

    pub fn calendar_url(&self) -> String {
        format!("{}{}", self.root(), self.collection_path("reminders"))
    }

    fn agent(&self) -> ureq::Agent {
        ureq::Agent::config_builder().http_status_as_error(false).allow_non_standard_methods(true).build().new_agent()
    }

    /// Sends a request as the phone would, returns (status, body).
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
        use base64::Engine;
        let url = if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{}", self.root(), path.trim_start_matches('/'))
        };
        let auth = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
        let mut req =
            ureq::http::Request::builder().method(method).uri(url).header("Authorization", format!("Basic {auth}"));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let mut resp = self.agent().run(req.body(body.to_string()).unwrap()).unwrap();
        let status = resp.status().as_u16();
        (status, resp.body_mut().read_to_string().unwrap_or_default())
    }

    /// Makes the user's address book.
    pub fn make_book(&self) {
        let body = r#"<?xml version="1.0"?><d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype><d:collection/><c:addressbook/></d:resourcetype></d:prop></d:set></d:mkcol>"#;
        let (status, out) = self.request("MKCOL", &self.collection_path("contacts"), XML, body);
        assert!((200..300).contains(&status), "MKCOL {status}: {out}");
    }

    /// Makes the reminders calendar.
    pub fn make_calendar(&self) {
        let body = r#"<?xml version="1.0"?><d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype></d:prop></d:set></d:mkcol>"#;
        let (status, out) = self.request("MKCOL", &self.collection_path("reminders"), XML, body);
        assert!((200..300).contains(&status), "MKCOL {status}: {out}");
    }

    /// Writes a card on the "phone" side.
    pub fn put_card(&self, file: &str, card: &str) {
        let (status, out) = self.request(
            "PUT",
            &format!("{}{file}", self.collection_path("contacts")),
            &[("Content-Type", "text/vcard")],
            card,
        );
        assert!((200..300).contains(&status), "PUT {status}: {out}");
    }

    pub fn delete_card(&self, file: &str) {
        let (status, out) = self.request("DELETE", &format!("{}{file}", self.collection_path("contacts")), &[], "");
        assert!((200..300).contains(&status), "DELETE {status}: {out}");
    }

    /// Every file in the server's storage folder, with its contents.
    pub fn stored_files(&self) -> Vec<(PathBuf, String)> {
        fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
            let Ok(entries) = std::fs::read_dir(dir) else { return };
            for e in entries.flatten() {
                let p = e.path();
                // Xandikos's git repositories hold the same items, compressed.
                if p.ends_with(".git") {
                    continue;
                }
                if p.is_dir() {
                    walk(&p, out);
                } else {
                    let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap_or_default()).into_owned();
                    out.push((p, text));
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.dir.path().join("collections"), &mut out);
        out
    }

    /// The items in a collection (`contacts` or `reminders`), as stored.
    pub fn items(&self, collection: &str, ext: &str) -> Vec<String> {
        let root = match self.kind {
            Kind::Radicale => self.dir.path().join("collections/collection-root"),
            Kind::Xandikos => self.dir.path().join("collections"),
        };
        let dir = root.join(self.collection_path(collection));
        let mut out: Vec<String> = std::fs::read_dir(&dir)
            .map(|r| {
                r.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == ext))
                    .map(|e| std::fs::read_to_string(e.path()).unwrap())
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        out
    }

    pub fn cards(&self) -> Vec<String> {
        self.items("contacts", "vcf")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
