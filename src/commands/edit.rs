//! `jejaring edit`: change a contact's fields from flags, or in your editor.

use super::fields::ContactFields;
use super::resolve;
use crate::app::{App, Change};
use crate::errors::UsageError;
use crate::model::{Contact, Network, text};
use crate::t;
use anyhow::Context;

/// Change a contact
///
/// Flags set fields (an empty value clears one: --org "", --birthday ""); --email,
/// --phone, --tag, --url and --address add, the --remove-… flags remove. With no flags on a terminal, the contact opens
/// in $VISUAL or $EDITOR as JSON.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Handle, name, unique prefix or fuzzy match
    pub contact: String,
    /// New name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub fields: ContactFields,
    /// Remove an email (repeatable)
    #[arg(long, value_name = "EMAIL")]
    pub remove_email: Vec<String>,
    /// Remove a phone number (repeatable)
    #[arg(long, value_name = "PHONE")]
    pub remove_phone: Vec<String>,
    /// Remove a tag (repeatable)
    #[arg(long, value_name = "TAG")]
    pub remove_tag: Vec<String>,
    /// Remove a web page (repeatable)
    #[arg(long, value_name = "URL")]
    pub remove_url: Vec<String>,
    /// Remove an address (repeatable)
    #[arg(long, value_name = "ADDRESS")]
    pub remove_address: Vec<String>,
}

impl Args {
    fn any(&self) -> bool {
        self.name.is_some()
            || self.fields.any()
            || !self.remove_email.is_empty()
            || !self.remove_phone.is_empty()
            || !self.remove_tag.is_empty()
            || !self.remove_url.is_empty()
            || !self.remove_address.is_empty()
    }
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    if !args.any() && app.prompter().is_some() {
        return edit_interactively(app, &args.contact);
    }
    if !args.any() {
        return Err(UsageError(t!(
            lang,
            "nothing to change; give a flag such as --org, --stage or --email (see `jejaring edit --help`)",
            "tidak ada yang diubah; berikan flag seperti --org, --stage atau --email (lihat `jejaring edit --help`)"
        ))
        .into());
    }
    save(app, |net| {
        let index = resolve::contact(net, &args.contact, lang)?;
        let mut after = net.contacts[index].clone();
        apply(&args, &mut after, app)?;
        Ok((index, after))
    })?;
    // A meeting day given in words ("last friday", "kemarin") is echoed as the date it
    // was read as, so a wrong reading is seen at once.
    if let Some(v) = args.fields.met_on.as_deref()
        && let Ok(Some(met)) = super::fields::optional_day("--met-on", v, app.clock.today)
    {
        app.ui.info(t!(lang, "met on {met}", "bertemu pada {met}"));
    }
    Ok(())
}

/// The editor path: the contact is read, edited and checked without holding the lock
/// (an editor can stay open for minutes), then saved only if nobody changed it meanwhile.
fn edit_interactively(app: &App, query: &str) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let before = {
        let net = app.open_read()?.into_network();
        net.contacts[resolve::contact(&net, query, lang)?].clone()
    };
    let (edited, path) = edit_in_editor(&before, app)?;
    // Until the edit is saved, the file holds the user's work: on any refusal it stays,
    // and the error says where.
    let saved = edited.and_then(|after| {
        save(app, |net| {
            let name = &before.name;
            let Some(index) = net.contact_index(&before.id).filter(|&i| net.contacts[i] == before) else {
                anyhow::bail!(t!(
                    lang,
                    "{name} changed in another jejaring while you were editing",
                    "{name} diubah oleh jejaring lain selama Anda menyunting"
                ));
            };
            Ok((index, after))
        })
    });
    match saved {
        Ok(()) => {
            let _ = std::fs::remove_file(&path);
            Ok(())
        }
        Err(e) => {
            let path = path.display();
            Err(e.context(t!(
                lang,
                "nothing was saved; your edit is kept in {path} (run `jejaring edit` again and copy your changes from it)",
                "tidak ada yang disimpan; suntingan Anda tersimpan di {path} (jalankan `jejaring edit` lagi dan salin perubahan dari situ)"
            )))
        }
    }
}

/// Stores the edited contact that `edit` finds (its place, and the contact as edited),
/// unless nothing changed, and reports it.
fn save(app: &App, edit: impl FnOnce(&Network) -> anyhow::Result<(usize, Contact)>) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    app.change(
        |net| {
            let (index, mut after) = edit(net)?;
            if after == net.contacts[index] {
                return Ok(Change::Unchanged((index, false)));
            }
            // Stage-up goals count these; a contact keeps only its current stage.
            let before = &net.contacts[index];
            let (id, from) = (before.id, before.stage.clone());
            net.record_stage_change(id, &from, &after.stage, app.clock.today, app.clock.now);
            after.edited = Some(app.clock.now);
            net.contacts[index] = after;
            Ok(Change::Save((index, true)))
        },
        |net, (index, changed)| {
            let c = &net.contacts[index];
            let name = &c.name;
            if !changed {
                app.ui.info(t!(lang, "{name}: nothing changed", "{name}: tidak ada yang berubah"));
                return Ok(());
            }
            if app.ui.json {
                app.ui.json_value(c)?;
            }
            app.ui.info(t!(lang, "Updated {name}", "{name} diperbarui"));
            Ok(())
        },
    )
}

fn apply(args: &Args, c: &mut Contact, app: &App) -> anyhow::Result<()> {
    if let Some(name) = &args.name {
        c.name = text::line("--name", name, text::MAX_NAME)?;
    }
    args.fields.apply(c, app.clock.today)?;
    let lang = app.ui.lang;
    let remove =
        |list: &mut Vec<String>, gone: &[String], norm: fn(&str) -> String, flag: &str| -> anyhow::Result<()> {
            for g in gone {
                let g = norm(g);
                let Some(pos) = list.iter().position(|v| norm(v) == g) else {
                    let have = if list.is_empty() { "-".to_string() } else { list.join(", ") };
                    anyhow::bail!(t!(
                        lang,
                        "{flag} {g:?}: not on this contact (it has: {have})",
                        "{flag} {g:?}: tidak ada pada kontak ini (yang ada: {have})"
                    ));
                };
                list.remove(pos);
            }
            Ok(())
        };
    remove(&mut c.emails, &args.remove_email, |v| v.trim().to_lowercase(), "--remove-email")?;
    remove(&mut c.phones, &args.remove_phone, |v| v.chars().filter(char::is_ascii_digit).collect(), "--remove-phone")?;
    remove(&mut c.tags, &args.remove_tag, |v| text::fold(v.trim()), "--remove-tag")?;
    remove(&mut c.urls, &args.remove_url, |v| v.trim().trim_end_matches('/').to_lowercase(), "--remove-url")?;
    remove(&mut c.addresses, &args.remove_address, |v| text::fold(v.trim()), "--remove-address")?;
    Ok(())
}

/// Opens the contact as JSON in the user's editor and reads it back. The id, handle and
/// added date cannot be changed this way; every field is checked as the flags would be.
/// Once the editor has closed well, its file is handed back with the edited contact (or
/// the reason it was refused), for the caller to remove once the edit is saved.
fn edit_in_editor(before: &Contact, app: &App) -> anyhow::Result<(anyhow::Result<Contact>, std::path::PathBuf)> {
    let lang = app.ui.lang;
    let editor = std::env::var("VISUAL").or_else(|_| std::env::var("EDITOR")).unwrap_or_else(|_| "vi".into());
    // The shared temp folder is readable by everyone: the file is made fresh (never
    // through a file or link already there) and readable by its owner only, like the data.
    let path = std::env::temp_dir().join(format!("jejaring-edit-{}-{}.json", before.handle, std::process::id()));
    write_private(&path, serde_json::to_string_pretty(before)?.as_bytes())
        .with_context(|| t!(lang, "could not write the file to edit", "tidak bisa menulis berkas untuk disunting"))?;
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&path)
        .status()
        .with_context(|| {
            t!(lang, "could not start the editor {editor:?}", "tidak bisa menjalankan penyunting {editor:?}")
        });
    if !status.as_ref().is_ok_and(|s| s.success()) {
        let _ = std::fs::remove_file(&path);
        status?;
        anyhow::bail!(t!(
            lang,
            "the editor exited with an error; nothing changed",
            "editor keluar dengan galat; tidak ada yang berubah"
        ));
    }
    let checked =
        std::fs::read_to_string(&path).map_err(anyhow::Error::from).and_then(|read| check_edited(before, &read, lang));
    Ok((checked, path))
}

/// The contact the editor left in `read`, checked as the flags would check it.
fn check_edited(before: &Contact, read: &str, lang: crate::i18n::Lang) -> anyhow::Result<Contact> {
    let mut after: Contact = serde_json::from_str(read).map_err(|e| {
        anyhow::anyhow!(t!(
            lang,
            "the edited contact is not valid: {e}; nothing changed",
            "kontak yang disunting tidak sah: {e}; tidak ada yang berubah"
        ))
    })?;
    after.id = before.id;
    after.handle = before.handle.clone();
    after.added = before.added;
    after.name = text::line("name", &after.name, text::MAX_NAME)?;
    for e in &mut after.emails {
        *e = text::email(e)?;
    }
    for p in &mut after.phones {
        *p = text::phone(p)?;
    }
    for t in &mut after.tags {
        *t = text::tag(t)?;
    }
    for u in &mut after.urls {
        *u = text::url(u)?;
    }
    for a in &mut after.addresses {
        *a = text::line("address", a, text::MAX_LINE)?;
    }
    for (field, value) in [("org", &mut after.org), ("role", &mut after.role), ("met_at", &mut after.met_at)] {
        *value = value.as_deref().map(|v| text::optional_line(field, v)).transpose()?.flatten();
    }
    for (field, value) in [("note", &mut after.note), ("impression", &mut after.impression)] {
        *value = value.as_deref().map(|v| text::optional_text(field, v)).transpose()?.flatten();
    }
    if let Some(l) = &after.linkedin {
        after.linkedin = super::fields::optional_linkedin(l)?;
    }
    Ok(after)
}

/// Creates a new file only its owner can read, failing if the name is taken.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(bytes)
}
