//! Talking to a WebDAV server: one blocking HTTP client (ureq over rustls, checking
//! certificates against the system's roots), basic authentication, and the bounds a
//! hostile server meets — where the password may go (the origins the user set up, never
//! a redirect elsewhere), where writes may go (inside the collections synced), how long
//! one answer and one whole sync may take, and how big an answer may be.
//!
//! Errors (`DavError`) name the server and what to check, never the password.

use super::xml::{self, Multistatus};
use base64::Engine;
use std::time::{Duration, Instant};
use ureq::http::{Method, Request};
use ureq::tls::{RootCerts, TlsConfig};
use url::Url;

mod error;
pub use error::{DavError, Resource, Stopped};

/// How long connecting and sending may take before the sync gives up, by default.
/// Receiving an answer may take ten times as long: Radicale computes its first listing
/// of 10,000 cards (some 80 s on a small machine) before it sends the first byte.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// How long one whole sync (or setup) may take, by default. A first sync of 10,000
/// contacts takes Radicale some 27 minutes of its own time; an hour leaves room for
/// that, and stops a server that answers each request just inside the timeout from
/// keeping a sync going for hours. A sync stopped here has changed nothing in the data
/// file, and the next one takes up where it stopped.
pub const MAX_TIME: Duration = Duration::from_secs(60 * 60);

/// The largest answer read, in bytes. A multiget of `remote::BATCH` cards with photos
/// of a few hundred kilobytes each stays far below it; a hostile or broken server's
/// endless answer stops here, with the memory held bounded by about twice this.
pub const MAX_ANSWER: u64 = 64 << 20;

/// The time bounds of one run, chosen by the command.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Connecting and sending; receiving an answer may take ten times as long.
    pub timeout: Duration,
    /// The whole run.
    pub max_time: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { timeout: TIMEOUT, max_time: MAX_TIME }
    }
}

/// An answer: status, ETag, Location and body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub etag: Option<String>,
    pub location: Option<String>,
    pub body: String,
}

impl Reply {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// A connection to one server.
pub struct Dav {
    agent: ureq::Agent,
    auth: Option<String>,
    /// The origins requests (and so the password) may go to.
    origins: Vec<String>,
    /// When set, writes go only to direct members of these collections.
    writes: Option<Vec<String>>,
    deadline: Instant,
    max_time: Duration,
}

/// Methods that change something on the server.
const WRITES: [&str; 6] = ["PUT", "DELETE", "MKCOL", "PROPPATCH", "MOVE", "COPY"];

impl Dav {
    /// A connection that may talk to `url`'s origin only (see `allow`). `password` is
    /// used only to build the Authorization header.
    pub fn new(url: &str, user: Option<&str>, password: Option<&str>, insecure: bool, limits: Limits) -> Dav {
        let timeout = limits.timeout;
        let tls = TlsConfig::builder().root_certs(RootCerts::PlatformVerifier).disable_verification(insecure).build();
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .allow_non_standard_methods(true)
            // Redirects are never followed here: discovery follows them itself, within
            // the origins allowed, keeping the method.
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_connect(Some(timeout))
            .timeout_send_request(Some(timeout))
            .timeout_send_body(Some(timeout))
            .timeout_recv_response(Some(timeout * 10))
            .timeout_recv_body(Some(timeout * 10))
            .tls_config(tls)
            .user_agent(concat!("jejaring/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        let auth = user.map(|u| {
            let token = base64::engine::general_purpose::STANDARD.encode(format!("{u}:{}", password.unwrap_or("")));
            format!("Basic {token}")
        });
        Dav {
            agent,
            auth,
            origins: vec![origin(url)],
            writes: None,
            deadline: Instant::now() + limits.max_time,
            max_time: limits.max_time,
        }
    }

    /// Lets requests go to `url`'s origin too (the user chose it).
    pub fn allow(&mut self, url: &str) {
        let o = origin(url);
        if !self.origins.contains(&o) {
            self.origins.push(o);
        }
    }

    /// Whether requests may go to `url`'s origin.
    pub fn allows(&self, url: &str) -> bool {
        self.origins.contains(&origin(url))
    }

    /// From now on, writes go only to direct members of these collections.
    pub fn confine_writes(&mut self, collections: &[String]) {
        self.writes = Some(collections.to_vec());
    }

    /// Sends one request. `headers` are extra headers (Depth, If-Match…).
    pub fn request(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<(&str, String)>,
    ) -> Result<Reply, DavError> {
        let server = host(url);
        let parsed =
            Url::parse(url).map_err(|e| DavError::Connect { server: server.clone(), detail: e.to_string() })?;
        if !self.allows(url) {
            return Err(DavError::Elsewhere { from: self.origins[0].clone(), to: url.to_string() });
        }
        if let Some(collections) = &self.writes
            && WRITES.contains(&method)
            && !collections.iter().any(|c| member(c, url).is_some())
        {
            return Err(DavError::Outside { url: url.to_string() });
        }
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(self.out_of_time());
        }
        let method = Method::from_bytes(method.as_bytes())
            .map_err(|e| DavError::Connect { server: server.clone(), detail: e.to_string() })?;
        let mut req = Request::builder().method(method).uri(parsed.as_str());
        if let Some(auth) = &self.auth {
            req = req.header("Authorization", auth.as_str());
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let (content_type, body) = body.unwrap_or(("", String::new()));
        if !content_type.is_empty() {
            req = req.header("Content-Type", content_type);
        }
        let req = req.body(body).map_err(|e| DavError::Connect { server: server.clone(), detail: e.to_string() })?;
        // The request may not outlast the run: the time left bounds it end to end.
        let req = self.agent.configure_request(req).timeout_global(Some(left)).build();
        let mut resp = self.agent.run(req).map_err(|e| self.transport(&server, e))?;
        let status = resp.status().as_u16();
        let header = |name: &str| resp.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let etag = header("etag");
        let location = header("location");
        if resp.body().content_length().is_some_and(|n| n > MAX_ANSWER) {
            return Err(DavError::TooLarge { server, limit: MAX_ANSWER >> 20 });
        }
        let body =
            resp.body_mut().with_config().limit(MAX_ANSWER).read_to_string().map_err(|e| self.transport(&server, e))?;
        if status == 401 {
            return Err(DavError::Auth { server });
        }
        Ok(Reply { status, etag, location, body })
    }

    /// PROPFIND, returning the multistatus (207 only).
    pub fn propfind(&self, url: &str, depth: &str, props: &[(&str, &str)]) -> Result<Multistatus, DavError> {
        let reply =
            self.request("PROPFIND", url, &[("Depth", depth)], Some(("application/xml", xml::propfind(props))))?;
        multistatus_of(url, reply, "PROPFIND")
    }

    /// A REPORT, returning the multistatus.
    pub fn report(&self, url: &str, depth: &str, body: String) -> Result<Multistatus, DavError> {
        let reply = self.request("REPORT", url, &[("Depth", depth)], Some(("application/xml", body)))?;
        multistatus_of(url, reply, "REPORT")
    }

    fn out_of_time(&self) -> DavError {
        // In whole minutes, as --max-time is given; a limit under one reads as 1, never 0.
        let minutes = self.max_time.as_secs_f64() / 60.0;
        DavError::OutOfTime { minutes: (minutes.ceil() as u64).max(1), run: Stopped::Sync }
    }

    fn transport(&self, server: &str, e: ureq::Error) -> DavError {
        let timed_out = matches!(&e, ureq::Error::Timeout(_))
            || matches!(&e, ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut);
        if timed_out && Instant::now() >= self.deadline {
            return self.out_of_time();
        }
        transport(server, e)
    }
}

/// Reads a 207 answer; anything else is an error naming the request.
pub fn multistatus_of(url: &str, reply: Reply, what: &str) -> Result<Multistatus, DavError> {
    match reply.status {
        207 => xml::multistatus(&reply.body).map_err(|e| DavError::Malformed { server: host(url), detail: e.0 }),
        404 | 405 | 501 => Err(DavError::NotDav { url: url.to_string() }),
        status => Err(DavError::Status { server: host(url), status, what: what.to_string() }),
    }
}

fn transport(server: &str, e: ureq::Error) -> DavError {
    let server = server.to_string();
    match e {
        ureq::Error::Timeout(_) => DavError::Timeout { server },
        ureq::Error::BodyExceedsLimit(_) => DavError::TooLarge { server, limit: MAX_ANSWER >> 20 },
        ureq::Error::Tls(d) => DavError::Tls { server, detail: d.to_string() },
        ureq::Error::Rustls(d) => DavError::Tls { server, detail: d.to_string() },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => DavError::Timeout { server },
        // rustls reports a refused certificate through the socket's I/O error.
        ureq::Error::Io(io) if io.get_ref().is_some_and(|e| e.to_string().contains("certificate")) => {
            DavError::Tls { server, detail: io.get_ref().map(|e| e.to_string()).unwrap_or_default() }
        }
        other => DavError::Connect { server, detail: other.to_string() },
    }
}

/// `scheme://host[:port]` of a URL (the default port left out), as origins compare.
pub fn origin(url: &str) -> String {
    match Url::parse(url) {
        Ok(u) => u.origin().ascii_serialization(),
        Err(_) => String::new(),
    }
}

/// A URL's scheme as the url crate reads it: lower-case, as schemes are case-insensitive
/// (`HTTPS://` is https). Empty for what is no URL.
pub fn scheme(url: &str) -> String {
    Url::parse(url).map(|u| u.scheme().to_string()).unwrap_or_default()
}

/// An http or https address with its scheme written lower-case (`HTTPS://h/a` is
/// `https://h/a`) and the rest as typed, so the address stored and named is the one
/// given; None for anything else.
pub fn web_address(url: &str) -> Option<String> {
    let scheme = scheme(url);
    if scheme != "http" && scheme != "https" {
        return None;
    }
    // Written out as `scheme://`, as before: Url::parse would also take spaces before
    // it or `https:host`, which the checks on the address as typed do not read.
    let (typed, rest) = url.split_once("://")?;
    typed.eq_ignore_ascii_case(&scheme).then(|| format!("{scheme}://{rest}"))
}

/// The host (and port) of a URL, as errors name the server.
pub fn host(url: &str) -> String {
    match Url::parse(url) {
        // Never a user name or password, should a URL carry one.
        Ok(u) => match (u.host_str(), u.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_string(),
            _ => String::new(),
        },
        Err(_) => {
            let rest = url.split_once("://").map_or(url, |(_, r)| r);
            let host = rest.split('/').next().unwrap_or_default();
            host.rsplit('@').next().unwrap_or(host).to_string()
        }
    }
}

/// Resolves an href from a server against the URL it came from, as a browser would
/// (`..`, queries, percent-encoding); empty when it cannot be resolved, which no
/// request accepts.
pub fn join(base: &str, href: &str) -> String {
    Url::parse(base).and_then(|b| b.join(href)).map(String::from).unwrap_or_default()
}

/// The path of a URL (what servers put in hrefs).
pub fn path(url: &str) -> String {
    Url::parse(url).map(|u| u.path().to_string()).unwrap_or_else(|_| "/".to_string())
}

/// A collection URL with its trailing slash.
pub fn collection(url: &str) -> String {
    if url.ends_with('/') { url.to_string() } else { format!("{url}/") }
}

/// The path of `href` when it names a direct member of `collection` on the same
/// origin (a card in the address book, an event in the calendar); None for anything
/// else: another server, a path outside the collection (`../victim/x.vcf`), the
/// collection itself, something deeper, or a name hiding a slash.
pub fn member(collection_url: &str, href: &str) -> Option<String> {
    let base = Url::parse(&collection(collection_url)).ok()?;
    let url = base.join(href).ok()?;
    if url.origin() != base.origin() || url.query().is_some() || url.fragment().is_some() {
        return None;
    }
    let name = url.path().strip_prefix(base.path())?;
    let lower = name.to_ascii_lowercase();
    if name.is_empty() || name.contains('/') || lower.contains("%2f") || lower.contains("%5c") || name.contains('\\') {
        return None;
    }
    Some(url.path().to_string())
}

/// Whether a URL's host is this machine (where plain http keeps the password on it).
pub fn is_loopback(url: &str) -> bool {
    match Url::parse(url).ok().and_then(|u| u.host().map(|h| h.to_owned())) {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scheme_is_read_whatever_its_case() {
        assert_eq!(scheme("HTTPS://dav.example.com/a/"), "https");
        assert_eq!(scheme("Http://h/"), "http");
        assert_eq!(scheme("dav.example.com/a/"), "");
        assert_eq!(
            web_address("HTTPS://dav.example.com/Ayu/Book/").as_deref(),
            Some("https://dav.example.com/Ayu/Book/")
        );
        assert_eq!(web_address("hTTp://127.0.0.1:5232").as_deref(), Some("http://127.0.0.1:5232"));
        assert_eq!(web_address("https://h/a").as_deref(), Some("https://h/a"));
        for not in ["ftp://h/", "dav.example.com/", "https:h/", " https://h/", "webcal://h/"] {
            assert_eq!(web_address(not), None, "{not}");
        }
    }

    #[test]
    fn urls_resolve_like_a_browser() {
        assert_eq!(origin("https://dav.example.com:8443/a/b/"), "https://dav.example.com:8443");
        assert_eq!(origin("https://dav.example.com:443/a/"), "https://dav.example.com");
        assert_ne!(origin("http://h:1/"), origin("http://h:2/"));
        assert_ne!(origin("https://h/"), origin("http://h/"));
        assert_eq!(host("https://ayu:pw@dav.example.com/x"), "dav.example.com");
        assert_eq!(host("http://127.0.0.1:5232/x"), "127.0.0.1:5232");
        assert_eq!(join("http://h:1/ayu/book/", "/ayu/book/a.vcf"), "http://h:1/ayu/book/a.vcf");
        assert_eq!(join("http://h:1/ayu/book/", "a.vcf"), "http://h:1/ayu/book/a.vcf");
        assert_eq!(join("http://h:1/ayu/book/", "https://o/x"), "https://o/x");
        assert_eq!(join("http://h:1/ayu/book/", "../other/"), "http://h:1/ayu/other/");
        assert_eq!(join("http://h:1/ayu/book/", "a%20b.vcf?x=1"), "http://h:1/ayu/book/a%20b.vcf?x=1");
        assert_eq!(join("http://h:1/ayu/book/", "a b.vcf"), "http://h:1/ayu/book/a%20b.vcf");
        assert_eq!(join("not a url", "a.vcf"), "");
        assert_eq!(path("http://h:1/ayu/book/"), "/ayu/book/");
        assert_eq!(path("http://h:1"), "/");
        assert_eq!(collection("http://h/a"), "http://h/a/");
    }

    #[test]
    fn only_direct_members_of_the_collection_are_members() {
        let book = "http://h:1/ayu/book/";
        assert_eq!(member(book, "/ayu/book/t1.vcf").as_deref(), Some("/ayu/book/t1.vcf"));
        assert_eq!(member(book, "t1.vcf").as_deref(), Some("/ayu/book/t1.vcf"));
        assert_eq!(member(book, "http://h:1/ayu/book/t1.vcf").as_deref(), Some("/ayu/book/t1.vcf"));
        assert_eq!(member(book, "/ayu/book/a%40b.vcf").as_deref(), Some("/ayu/book/a%40b.vcf"));
        for hostile in [
            "/ayu/book/../victim/t1.vcf",
            "/ayu/book/%2e%2e/victim/t1.vcf",
            "/ayu/book/..%2fvictim%2ft1.vcf",
            "/ayu/book/",
            "/ayu/book",
            "/ayu/book/sub/t1.vcf",
            "/ayu/victim/t1.vcf",
            "http://other:1/ayu/book/t1.vcf",
            "https://h:1/ayu/book/t1.vcf",
            "http://h:2/ayu/book/t1.vcf",
            "/ayu/book/t1.vcf?delete=all",
            "/ayu/book/..\\victim.vcf",
        ] {
            assert_eq!(member(book, hostile), None, "{hostile}");
        }
    }

    #[test]
    fn loopback_is_this_machine_only() {
        for url in ["http://127.0.0.1:5232/", "http://localhost/", "http://[::1]:8080/", "http://127.1.2.3/"] {
            assert!(is_loopback(url), "{url}");
        }
        for url in ["http://dav.example.com/", "http://10.0.0.2/", "http://localhost.example.com/", "nonsense"] {
            assert!(!is_loopback(url), "{url}");
        }
    }
}
