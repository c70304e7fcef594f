//! Talking to a WebDAV server: one blocking HTTP client (ureq over rustls, checking
//! certificates against the system's roots), basic authentication, timeouts, and
//! errors that name the server and what to check — never the password.

use super::xml::{self, Multistatus};
use base64::Engine;
use std::time::Duration;
use ureq::http::{Method, Request};
use ureq::tls::{RootCerts, TlsConfig};

/// How long connecting and sending may take before the sync gives up;
/// `JEJARING_SYNC_TIMEOUT` (seconds) overrides it. Receiving an answer may take ten
/// times as long: Radicale computes its first listing of 10,000 cards (some 80 s on a
/// small machine) before it sends the first byte.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Why talking to the server failed, each with what the user should check.
#[derive(Debug, thiserror::Error)]
pub enum DavError {
    #[error("{server} refused the user name or password")]
    Auth { server: String },
    #[error("{url} is not a CardDAV address book or server")]
    NotDav { url: String },
    #[error("{server} answered {status} to {what}")]
    Status { server: String, status: u16, what: String },
    #[error("{server} sent something that is not valid WebDAV: {detail}")]
    Malformed { server: String, detail: String },
    #[error("could not reach {server}: {detail}")]
    Connect { server: String, detail: String },
    #[error("{server} did not answer in time")]
    Timeout { server: String },
    #[error("the secure connection to {server} failed: {detail}")]
    Tls { server: String, detail: String },
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
}

impl Dav {
    /// `password` is used only to build the Authorization header.
    pub fn new(user: Option<&str>, password: Option<&str>, insecure: bool) -> Dav {
        let timeout = std::env::var("JEJARING_SYNC_TIMEOUT")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .map(Duration::from_secs_f64)
            .unwrap_or(TIMEOUT);
        let tls = TlsConfig::builder().root_certs(RootCerts::PlatformVerifier).disable_verification(insecure).build();
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .allow_non_standard_methods(true)
            // Redirects are followed by discovery itself, which keeps the method.
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
        Dav { agent, auth }
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
        let method = Method::from_bytes(method.as_bytes())
            .map_err(|e| DavError::Connect { server: server.clone(), detail: e.to_string() })?;
        let mut req = Request::builder().method(method).uri(url);
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
        let mut resp = self.agent.run(req).map_err(|e| transport(&server, e))?;
        let status = resp.status().as_u16();
        let header = |name: &str| resp.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let etag = header("etag");
        let location = header("location");
        let body = resp.body_mut().with_config().limit(1 << 30).read_to_string().map_err(|e| transport(&server, e))?;
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

/// `scheme://host[:port]` of a URL.
pub fn origin(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let host = rest.split('/').next().unwrap_or_default();
    format!("{scheme}://{host}")
}

/// The host (and port) of a URL, as errors name the server.
pub fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split('/').next().unwrap_or_default();
    // Never a user name or password, should a URL carry one.
    host.rsplit('@').next().unwrap_or(host).to_string()
}

/// Resolves an href from a server against the URL it came from.
pub fn join(base: &str, href: &str) -> String {
    if href.starts_with("http://") || href.starts_with("https://") {
        return href.to_string();
    }
    if href.starts_with('/') {
        return format!("{}{href}", origin(base));
    }
    let dir = match base.rfind('/') {
        Some(i) if i + 1 > origin(base).len() => &base[..=i],
        _ => return format!("{}/{href}", origin(base)),
    };
    format!("{dir}{href}")
}

/// The path of a URL (what servers put in hrefs).
pub fn path(url: &str) -> String {
    let o = origin(url);
    let p = &url[o.len().min(url.len())..];
    if p.is_empty() { "/".to_string() } else { p.to_string() }
}

/// A collection URL with its trailing slash.
pub fn collection(url: &str) -> String {
    if url.ends_with('/') { url.to_string() } else { format!("{url}/") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_resolve_like_a_browser() {
        assert_eq!(origin("https://dav.example.com:8443/a/b/"), "https://dav.example.com:8443");
        assert_eq!(host("https://ayu@dav.example.com/x"), "dav.example.com");
        assert_eq!(join("http://h:1/ayu/book/", "/ayu/book/a.vcf"), "http://h:1/ayu/book/a.vcf");
        assert_eq!(join("http://h:1/ayu/book/", "a.vcf"), "http://h:1/ayu/book/a.vcf");
        assert_eq!(join("http://h:1/ayu/book/", "https://o/x"), "https://o/x");
        assert_eq!(path("http://h:1/ayu/book/"), "/ayu/book/");
        assert_eq!(path("http://h:1"), "/");
        assert_eq!(collection("http://h/a"), "http://h/a/");
    }
}
