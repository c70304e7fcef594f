//! A contact's head: the little of them a network's outline holds for everyone, enough
//! to find who a command names and who is around them, without reading them whole.

use super::Contact;
use super::lookup::Named;
use uuid::Uuid;

/// What an outline (`store::Outline`) knows of one contact. Its handle, name and
/// organisation share one allocation: an outline holds ten thousand heads at 10,000
/// people, and three strings each would be thirty thousand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub id: Uuid,
    /// The handle, the name and the organisation, one after another.
    text: Box<str>,
    /// Where the handle ends in `text`, where the name ends, and whether an
    /// organisation (the rest) is given.
    ends: (usize, usize),
    has_org: bool,
    /// Their emails: read for a change, which looks people up by email too; empty for
    /// an outline read to show.
    pub emails: Vec<String>,
}

impl Head {
    pub fn new(id: Uuid, handle: &str, name: &str, org: Option<&str>, emails: Vec<String>) -> Head {
        let text = [handle, name, org.unwrap_or_default()].concat().into_boxed_str();
        let ends = (handle.len(), handle.len() + name.len());
        Head { id, text, ends, has_org: org.is_some(), emails }
    }

    /// The head of a contact read whole.
    pub fn of(c: &Contact) -> Head {
        Head::new(c.id, &c.handle, &c.name, c.org.as_deref(), c.emails.clone())
    }

    pub fn handle(&self) -> &str {
        &self.text[..self.ends.0]
    }

    pub fn name(&self) -> &str {
        &self.text[self.ends.0..self.ends.1]
    }

    pub fn org(&self) -> Option<&str> {
        self.has_org.then(|| &self.text[self.ends.1..])
    }

    /// The same head with another handle (one an older version gave is replaced).
    pub fn set_handle(&mut self, handle: &str) {
        let (name, org) = (self.name().to_string(), self.org().map(str::to_string));
        *self = Head::new(self.id, handle, &name, org.as_deref(), std::mem::take(&mut self.emails));
    }
}

impl Named for Head {
    fn id(&self) -> &Uuid {
        &self.id
    }
    fn handle(&self) -> &str {
        Head::handle(self)
    }
    fn name(&self) -> &str {
        Head::name(self)
    }
    fn emails(&self) -> &[String] {
        &self.emails
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_gives_back_what_it_was_made_of() {
        let id = Uuid::now_v7();
        for org in [None, Some(""), Some("Bank Mandiri")] {
            let mut h = Head::new(id, "a1b2", "Jürgen Weiß", org, vec!["jw@example.com".into()]);
            assert_eq!((h.handle(), h.name(), h.org()), ("a1b2", "Jürgen Weiß", org));
            h.set_handle("c3d4e");
            assert_eq!(
                (h.id, h.handle(), h.name(), h.org(), &h.emails[..]),
                (id, "c3d4e", "Jürgen Weiß", org, &["jw@example.com".to_string()][..])
            );
        }
        let empty = Head::new(id, "", "", None, Vec::new());
        assert_eq!((empty.handle(), empty.name(), empty.org()), ("", "", None));
    }
}
