//! A tiny HTTP server on a loopback port for the sync security tests, run on threads
//! that stop with the test. It records every request it gets, and its behaviour can be
//! switched mid-test: pass requests on to a real server (so a data file can be set up
//! against Radicale or Xandikos through it), redirect them elsewhere, or answer with
//! whatever a hostile server would send.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// One request as received.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Makes the whole answer (status line, headers, body) to a request.
pub type Answer = Arc<dyn Fn(&Request) -> Vec<u8> + Send + Sync>;

/// What the server does with a request.
#[derive(Clone)]
pub enum Mode {
    /// Pass it on to the server on this loopback port and send back its answer.
    Forward(u16),
    /// 307 to this base URL with the same path.
    Redirect(String),
    /// Answer it this way.
    Reply(Answer),
}

pub struct Front {
    pub port: u16,
    mode: Arc<Mutex<Mode>>,
    seen: Arc<Mutex<Vec<Request>>>,
}

impl Front {
    pub fn start(mode: Mode) -> Front {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (mode, seen) = (Arc::new(Mutex::new(mode)), Arc::new(Mutex::new(Vec::new())));
        let (m, s) = (mode.clone(), seen.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (m, s) = (m.clone(), s.clone());
                std::thread::spawn(move || serve(stream, &m, &s));
            }
        });
        Front { port, mode, seen }
    }

    pub fn root(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    pub fn set(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }

    /// Every request received so far.
    pub fn seen(&self) -> Vec<Request> {
        self.seen.lock().unwrap().clone()
    }
}

/// A whole answer with a body (the connection closes after it).
pub fn answer(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// A 207 multistatus answer.
pub fn multistatus(inner: &str) -> Vec<u8> {
    answer(
        "207 Multi-Status",
        "application/xml",
        &format!(r#"<?xml version="1.0"?><multistatus xmlns="DAV:">{inner}</multistatus>"#),
    )
}

fn serve(stream: TcpStream, mode: &Mutex<Mode>, seen: &Mutex<Vec<Request>>) {
    let mut reader = BufReader::new(stream);
    let Some(req) = read_request(&mut reader) else { return };
    seen.lock().unwrap().push(req.clone());
    let mode = mode.lock().unwrap().clone();
    let bytes = match mode {
        Mode::Forward(port) => forward(&req, port),
        Mode::Redirect(base) => format!(
            "HTTP/1.1 307 Temporary Redirect\r\nLocation: {}{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            base.trim_end_matches('/'),
            req.path
        )
        .into_bytes(),
        Mode::Reply(f) => f(&req),
    };
    let mut stream = reader.into_inner();
    // The client may stop reading (an answer too big): that is its right.
    let _ = stream.write_all(&bytes);
    let _ = stream.flush();
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let mut req = Request { method, path, headers, body: String::new() };
    let len: usize = req.header("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body).ok()?;
    req.body = String::from_utf8_lossy(&body).into_owned();
    Some(req)
}

/// Sends the request on to the real server (one request per connection) and returns
/// its answer, marked to close the connection.
pub fn forward(req: &Request, port: u16) -> Vec<u8> {
    let mut backend = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut out = format!("{} {} HTTP/1.1\r\n", req.method, req.path);
    for (k, v) in &req.headers {
        if !k.eq_ignore_ascii_case("connection") {
            out.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    out.push_str("Connection: close\r\n\r\n");
    out.push_str(&req.body);
    backend.write_all(out.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = backend.read_to_end(&mut answer);
    // Whatever the server said about keeping the connection, this one closes.
    let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") else { return answer };
    let head = String::from_utf8_lossy(&answer[..end]).into_owned();
    let mut fixed: String =
        head.lines().filter(|l| !l.to_ascii_lowercase().starts_with("connection:")).collect::<Vec<_>>().join("\r\n");
    fixed.push_str("\r\nConnection: close");
    let mut bytes = fixed.into_bytes();
    bytes.extend_from_slice(&answer[end..]);
    bytes
}
