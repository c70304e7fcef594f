//! Maildirs as mail programs leave them: a folder with `cur/` or `new/` (git and some
//! backups drop the empty one), its sub-folders with a leading dot (Maildir++:
//! `.Sent`) or without (notmuch, mu, mbsync's verbatim layout: `Sent/`), and folders
//! that only hold maildirs. Messages in `tmp/` are still being delivered and are not
//! read. A folder in the tree that holds no maildir is named as skipped. A folder
//! reached again through a symbolic link is not read again, so a link back up the
//! tree ends the walk there.

use crate::history::{Harvest, Problem, ProblemKind, Zone, mail};
use crate::i18n::Lang;
use crate::t;
use anyhow::Context;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A folder whose messages are read: it has `cur/` or `new/`.
pub fn is_maildir(path: &Path) -> bool {
    path.join("cur").is_dir() || path.join("new").is_dir()
}

/// What a tree of maildirs held.
pub struct Tree {
    pub harvest: Harvest,
    /// Problems named by the message file or folder they are about.
    pub problems: Vec<(String, Problem)>,
    /// Messages whose headers were read as Windows-1252.
    pub guessed: usize,
    /// How many maildirs were read.
    pub maildirs: usize,
}

/// Reads every maildir in the tree at `root`.
pub fn read(root: &Path, zone: Zone, lang: Lang) -> anyhow::Result<Tree> {
    let mut walk =
        Walk { reader: mail::Reader::in_zone(zone), problems: Vec::new(), maildirs: 0, seen: HashSet::new(), lang };
    walk.first_visit(root);
    walk.folder(root, false)?;
    let guessed = walk.reader.guessed();
    Ok(Tree { harvest: walk.reader.finish(), problems: walk.problems, guessed, maildirs: walk.maildirs })
}

struct Walk {
    reader: mail::Reader,
    problems: Vec<(String, Problem)>,
    maildirs: usize,
    /// The folders read, as their real paths.
    seen: HashSet<PathBuf>,
    lang: Lang,
}

fn sorted(dir: &Path, lang: Lang) -> anyhow::Result<Vec<PathBuf>> {
    let shown = dir.display();
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| t!(lang, "could not read the folder {shown}", "tidak bisa membaca folder {shown}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    out.sort();
    Ok(out)
}

/// A folder of sent mail by its (lower-cased) name: `Sent`, `.Sent`, `Sent Items`,
/// `[Gmail].Sent Mail`, `sent-mail`, `INBOX.Sent`; not `Presentations` or `Consent`,
/// whose senders are other people.
fn is_sent(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|word| matches!(word, "sent" | "sentitems" | "sentmail" | "sentmessages"))
}

fn hidden(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

impl Walk {
    /// Whether the folder is one not read yet (by its real path, through any links).
    fn first_visit(&mut self, dir: &Path) -> bool {
        self.seen.insert(dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()))
    }

    /// Reads a folder and what is under it; true when it held a maildir. `sent`: it
    /// is inside a folder of sent mail.
    fn folder(&mut self, dir: &Path, sent: bool) -> anyhow::Result<bool> {
        let name = dir.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        let sent = sent || is_sent(&name);
        let here = is_maildir(dir);
        if here {
            self.maildirs += 1;
            for sub in ["cur", "new"] {
                let sub = dir.join(sub);
                if sub.is_dir() {
                    self.messages(&sub, sent)?;
                }
            }
        }
        let mut found = here;
        let mut empty = Vec::new();
        for sub in sorted(dir, self.lang)? {
            let leaf = sub.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if !sub.is_dir() || (here && ["cur", "new", "tmp"].contains(&leaf.as_str())) || !self.first_visit(&sub) {
                continue;
            }
            if self.folder(&sub, sent)? {
                found = true;
            } else {
                empty.push(sub);
            }
        }
        // A folder with no maildir anywhere under it is named once, by its parent.
        if found {
            for sub in empty {
                self.problems.push((sub.display().to_string(), Problem::new(0, ProblemKind::NotMaildir)));
            }
        }
        Ok(found)
    }

    fn messages(&mut self, dir: &Path, sent: bool) -> anyhow::Result<()> {
        for file in sorted(dir, self.lang)? {
            if !file.is_file() || hidden(&file) {
                continue;
            }
            let shown = file.display().to_string();
            // Only the headers are read, up to a bound: a message's size costs nothing.
            let head =
                std::fs::File::open(&file).and_then(|f| mail::headers_of(std::io::BufReader::new(f))).with_context(
                    || t!(self.lang, "could not read the message {shown}", "tidak bisa membaca pesan {shown}"),
                )?;
            let before = self.reader.problems();
            match head {
                Some(head) => self.reader.message_in(&head, 0, sent),
                None => self.reader.too_large(0),
            }
            // A maildir message is a file of its own: its problem is named by it.
            if self.reader.problems() > before
                && let Some(p) = self.reader.take_problem()
            {
                self.problems.push((shown, p));
            }
        }
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_a_folder_named_sent_holds_your_own_mail() {
        for name in ["sent", ".sent", "sent items", "[gmail].sent mail", "sent-mail", ".inbox.sent", "sentitems"] {
            assert!(is_sent(name), "{name}");
        }
        for name in ["presentations", ".consent", "absent", "inbox"] {
            assert!(!is_sent(name), "{name}");
        }
    }

    #[test]
    fn mail_in_a_folder_whose_name_only_contains_sent_is_not_yours() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("Mail");
        std::fs::create_dir_all(root.join("cur")).unwrap();
        std::fs::create_dir_all(root.join(".Presentations/cur")).unwrap();
        std::fs::write(
            root.join(".Presentations/cur/1"),
            "From: Budi <budi@example.com>\nTo: ayu@example.com\nDate: Wed, 4 Nov 2026 06:30:00 +0700\n\nhi\n",
        )
        .unwrap();
        let tree = read(&root, Zone::UTC, Lang::En).unwrap();
        assert_eq!(tree.harvest.read, 1);
        assert!(tree.harvest.me_hints.is_empty(), "Budi is not you: {:?}", tree.harvest.me_hints);
    }

    #[test]
    fn a_link_back_up_the_tree_is_not_followed_round() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("Mail");
        std::fs::create_dir_all(root.join("cur")).unwrap();
        std::fs::write(
            root.join("cur/1"),
            "From: Budi <budi@example.com>\nTo: ayu@example.com\nDate: Wed, 4 Nov 2026 06:30:00 +0700\n\nhi\n",
        )
        .unwrap();
        std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
        let tree = read(&root, Zone::UTC, Lang::En).unwrap();
        assert_eq!(tree.maildirs, 1);
        assert_eq!(tree.harvest.read, 1, "the message is read once");
    }
}
