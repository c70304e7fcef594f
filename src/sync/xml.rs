//! WebDAV's XML: the request bodies jejaring sends and the multistatus answers it reads.
//!
//! Answers are read through quick-xml into a small tree of namespaced elements, then
//! picked apart by name; what a server adds that jejaring does not ask about is ignored.
//! A body that is not XML is an error the caller words as "malformed".

use quick_xml::escape::{escape, resolve_predefined_entity};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

pub const DAV: &str = "DAV:";
pub const CARDDAV: &str = "urn:ietf:params:xml:ns:carddav";
pub const CALDAV: &str = "urn:ietf:params:xml:ns:caldav";

/// One element: its namespace, local name, text and children.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Element {
    pub ns: String,
    pub name: String,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    pub fn is(&self, ns: &str, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    /// The first child with this name.
    pub fn child(&self, ns: &str, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.is(ns, name))
    }

    pub fn all<'a>(&'a self, ns: &'a str, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.is(ns, name))
    }

    /// The text of the first `DAV:href` inside.
    pub fn href(&self) -> Option<String> {
        self.child(DAV, "href").map(|h| h.text.trim().to_string())
    }
}

/// Why a body could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct XmlError(pub String);

/// How deep elements may nest. A multistatus is some eight levels deep (a property's
/// value a few more); past this an answer is refused before the tree it builds could
/// be deep enough to overflow the stack when walked or dropped.
pub const MAX_DEPTH: usize = 64;

/// How many elements one answer may hold. Each costs some 150 bytes in the tree, far
/// more than its few bytes of XML, so a 64 MiB answer of empty elements would take
/// gigabytes: this keeps the tree near 150 MB. A listing of 100,000 cards is some
/// 800,000 elements.
pub const MAX_ELEMENTS: usize = 1_000_000;

/// Parses a whole document into its root element.
pub fn parse(body: &str) -> Result<Element, XmlError> {
    parse_bounded(body, MAX_ELEMENTS)
}

fn parse_bounded(body: &str, max_elements: usize) -> Result<Element, XmlError> {
    let mut reader = NsReader::from_str(body);
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut elements = 0usize;
    loop {
        let (ns, event) = reader.read_resolved_event().map_err(|e| XmlError(e.to_string()))?;
        let ns = match ns {
            ResolveResult::Bound(n) => n.as_ref().to_string(),
            _ => String::new(),
        };
        if matches!(event, Event::Start(_) | Event::Empty(_)) {
            elements += 1;
            if elements > max_elements {
                return Err(XmlError(format!("more than {max_elements} elements")));
            }
        }
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(XmlError(format!("elements nested deeper than {MAX_DEPTH}")));
                }
                let name = e.local_name().as_ref().to_string();
                stack.push(Element { ns, name, ..Element::default() });
            }
            Event::Empty(e) => {
                let name = e.local_name().as_ref().to_string();
                if let Some(top) = stack.last_mut() {
                    top.children.push(Element { ns, name, ..Element::default() });
                }
            }
            Event::End(_) => {
                let done = stack.pop().ok_or_else(|| XmlError("unbalanced end tag".into()))?;
                match stack.last_mut() {
                    Some(top) => top.children.push(done),
                    None => return Err(XmlError("unbalanced end tag".into())),
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| XmlError(e.to_string()))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.xml10_content();
                        resolve_predefined_entity(&name)
                            .ok_or_else(|| XmlError(format!("unknown entity &{name};")))?
                            .to_string()
                    }
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(XmlError("the document ends inside an element".into()));
    }
    let root = stack.pop().unwrap_or_default();
    root.children.into_iter().next().ok_or_else(|| XmlError("an empty document".into()))
}

fn push_text(stack: &mut [Element], text: &str) {
    if let Some(top) = stack.last_mut() {
        top.text.push_str(text);
    }
}

/// One `DAV:response` of a multistatus, with the properties the server found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Response {
    pub href: String,
    /// The response's own status (sync-collection uses 404 for a deleted member).
    pub status: Option<u16>,
    /// The properties found (status 200), by their element.
    pub props: Vec<Element>,
}

impl Response {
    pub fn prop(&self, ns: &str, name: &str) -> Option<&Element> {
        self.props.iter().find(|p| p.is(ns, name))
    }

    /// When the server says the resource last changed (`getlastmodified`, an HTTP date).
    pub fn modified(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let text = self.prop(DAV, "getlastmodified")?.text.trim().to_string();
        chrono::DateTime::parse_from_rfc2822(&text).ok().map(|t| t.to_utc())
    }

    pub fn etag(&self) -> Option<String> {
        self.prop(DAV, "getetag").map(|e| e.text.trim().to_string()).filter(|e| !e.is_empty())
    }

    /// Whether `resourcetype` holds this type.
    pub fn is_type(&self, ns: &str, name: &str) -> bool {
        self.prop(DAV, "resourcetype").is_some_and(|r| r.child(ns, name).is_some())
    }

    /// The href inside a property (current-user-principal, addressbook-home-set…).
    pub fn prop_href(&self, ns: &str, name: &str) -> Option<String> {
        self.prop(ns, name).and_then(Element::href)
    }
}

/// A parsed multistatus: its responses and, for sync-collection, the new token.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Multistatus {
    pub responses: Vec<Response>,
    pub sync_token: Option<String>,
}

fn status_code(e: &Element) -> Option<u16> {
    // "HTTP/1.1 200 OK"
    e.text.split_whitespace().nth(1).and_then(|c| c.parse().ok())
}

/// Reads a multistatus body.
pub fn multistatus(body: &str) -> Result<Multistatus, XmlError> {
    let root = parse(body)?;
    if !root.is(DAV, "multistatus") {
        return Err(XmlError(format!("expected a multistatus, got <{}>", root.name)));
    }
    let mut out = Multistatus {
        sync_token: root.child(DAV, "sync-token").map(|t| t.text.trim().to_string()).filter(|t| !t.is_empty()),
        ..Multistatus::default()
    };
    for r in root.all(DAV, "response") {
        let Some(href) = r.href() else { continue };
        let mut resp = Response { href, status: r.child(DAV, "status").and_then(status_code), props: Vec::new() };
        for ps in r.all(DAV, "propstat") {
            let ok = ps.child(DAV, "status").and_then(status_code).is_none_or(|c| (200..300).contains(&c));
            if let (true, Some(prop)) = (ok, ps.child(DAV, "prop")) {
                resp.props.extend(prop.children.iter().cloned());
            }
        }
        out.responses.push(resp);
    }
    Ok(out)
}

/// A PROPFIND body asking for these properties, each given as (namespace, name).
pub fn propfind(props: &[(&str, &str)]) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav" xmlns:cal="urn:ietf:params:xml:ns:caldav"><d:prop>"#,
    );
    for (ns, name) in props {
        s.push_str(&format!("<{}:{name}/>", prefix(ns)));
    }
    s.push_str("</d:prop></d:propfind>");
    s
}

fn prefix(ns: &str) -> &'static str {
    match ns {
        CARDDAV => "card",
        CALDAV => "cal",
        _ => "d",
    }
}

/// A sync-collection REPORT (RFC 6578) from `token` (empty for a first listing).
pub fn sync_collection(token: Option<&str>) -> String {
    let token = escape(token.unwrap_or_default());
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>{token}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"#
    )
}

/// An addressbook-multiget REPORT for these card paths.
pub fn addressbook_multiget(hrefs: &[String]) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="utf-8"?><card:addressbook-multiget xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:prop><d:getetag/><d:getlastmodified/><card:address-data/></d:prop>"#,
    );
    for h in hrefs {
        s.push_str(&format!("<d:href>{}</d:href>", escape(h.as_str())));
    }
    s.push_str("</card:addressbook-multiget>");
    s
}

/// An extended MKCOL (RFC 5689) making an address book or a calendar with this name.
pub fn mkcol(calendar: bool, name: &str) -> String {
    let kind = if calendar { "<cal:calendar/>" } else { "<card:addressbook/>" };
    let name = escape(name);
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><d:mkcol xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav" xmlns:cal="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:resourcetype><d:collection/>{kind}</d:resourcetype><d:displayname>{name}</d:displayname></d:prop></d:set></d:mkcol>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_sync_collection_answer() {
        let body = r#"<?xml version="1.0"?>
<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">
  <response><href>/ayu/book/a.vcf</href>
    <propstat><prop><getetag>"e1"</getetag><C:address-data>BEGIN:VCARD&#13;
FN:A &amp; B
END:VCARD</C:address-data></prop><status>HTTP/1.1 200 OK</status></propstat>
  </response>
  <response><href>/ayu/book/gone.vcf</href><status>HTTP/1.1 404 Not Found</status></response>
  <sync-token>http://radicale.org/ns/sync/abc</sync-token>
</multistatus>"#;
        let ms = multistatus(body).unwrap();
        assert_eq!(ms.sync_token.as_deref(), Some("http://radicale.org/ns/sync/abc"));
        assert_eq!(ms.responses.len(), 2);
        assert_eq!(ms.responses[0].etag().as_deref(), Some("\"e1\""));
        let data = &ms.responses[0].prop(CARDDAV, "address-data").unwrap().text;
        assert!(data.contains("FN:A & B"), "{data}");
        assert_eq!(ms.responses[1].status, Some(404));
    }

    #[test]
    fn malformed_xml_is_an_error() {
        assert!(multistatus("<multistatus xmlns='DAV:'><response>").is_err());
        assert!(multistatus("not xml at all").is_err());
        assert!(multistatus("<html><body>hi</body></html>").is_err());
    }

    #[test]
    fn nesting_past_the_bound_is_a_clean_error_not_a_stack_overflow() {
        let deep =
            |n: usize| format!("<multistatus xmlns='DAV:'>{}{}</multistatus>", "<a>".repeat(n), "</a>".repeat(n));
        assert!(multistatus(&deep(MAX_DEPTH - 2)).is_ok());
        let err = multistatus(&deep(40_000)).unwrap_err();
        assert!(err.0.contains("nested deeper than 64"), "{err}");
        // Unclosed, as a hostile stream would send it.
        assert!(multistatus(&"<a>".repeat(40_000)).is_err());
    }

    #[test]
    fn more_elements_than_the_bound_is_a_clean_error() {
        let body = |n: usize| format!("<multistatus xmlns='DAV:'>{}</multistatus>", "<a/>".repeat(n));
        assert!(parse_bounded(&body(99), 100).is_ok());
        let err = parse_bounded(&body(100), 100).unwrap_err();
        assert_eq!(err.0, "more than 100 elements");
    }

    #[test]
    fn bodies_escape_what_they_carry() {
        assert!(addressbook_multiget(&["/a&b.vcf".into()]).contains("/a&amp;b.vcf"));
        assert!(mkcol(false, "<x>").contains("&lt;x&gt;"));
    }
}
