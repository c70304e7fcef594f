//! The contact filters `list` and `export` share: circle, stage, tag and text search.

use crate::model::listed::Listed;
use crate::model::{Circle, Contact, Stage, text};

#[derive(Debug, Default, clap::Args)]
pub struct ContactFilter {
    /// Only this circle (repeatable)
    #[arg(long, value_enum)]
    pub circle: Vec<Circle>,
    /// Only this stage (repeatable)
    #[arg(long, value_enum)]
    pub stage: Vec<Stage>,
    /// Only contacts with this tag (repeatable: all must match)
    #[arg(long)]
    pub tag: Vec<String>,
    /// Only contacts whose name, org, role, emails, tags, notes, web pages, addresses,
    /// LinkedIn profile or birthday contain TEXT
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

impl ContactFilter {
    /// Whether any filter was given.
    pub fn is_set(&self) -> bool {
        !self.circle.is_empty() || !self.stage.is_empty() || !self.tag.is_empty() || self.search.is_some()
    }

    /// A test for contacts, with the tags and search text folded once.
    pub fn matcher(&self) -> impl Fn(&Contact) -> bool + '_ {
        let tags: Vec<String> = self.tag.iter().map(|t| text::fold(t.trim())).collect();
        let needle = self.search.as_deref().map(text::Needle::new);
        move |c| {
            self.holds(&c.circle, &c.stage)
                && tags.iter().all(|t| c.tags.iter().any(|ct| &text::fold(ct) == t))
                && needle.as_ref().is_none_or(|n| c.mentions(n))
        }
    }

    /// Whether a row passes the filters that look at no more than a row: circle and
    /// stage. Tags and search text need the contact whole (`matcher`).
    pub fn keeps(&self, row: &Listed) -> bool {
        self.holds(&row.circle, &row.stage)
    }

    fn holds(&self, circle: &Circle, stage: &Stage) -> bool {
        (self.circle.is_empty() || self.circle.contains(circle))
            && (self.stage.is_empty() || self.stage.contains(stage))
    }
}
