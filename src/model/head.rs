//! A contact's head: the little of them a network's outline holds for everyone, enough
//! to find who a command names and who is around them, without reading them whole.

use super::Contact;
use super::lookup::Named;
use uuid::Uuid;

/// What an outline (`store::Outline`) knows of one contact.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub id: Uuid,
    pub handle: String,
    pub name: String,
    pub org: Option<String>,
    /// Their emails: read for a change, which looks people up by email too; empty for
    /// an outline read to show.
    pub emails: Vec<String>,
}

impl Head {
    /// The head of a contact read whole.
    pub fn of(c: &Contact) -> Head {
        Head { id: c.id, handle: c.handle.clone(), name: c.name.clone(), org: c.org.clone(), emails: c.emails.clone() }
    }
}

impl Named for Head {
    fn id(&self) -> &Uuid {
        &self.id
    }
    fn handle(&self) -> &str {
        &self.handle
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn emails(&self) -> &[String] {
        &self.emails
    }
}
