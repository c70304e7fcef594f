//! What the sync commands share about the server: the password (from a command or
//! the environment, never stored) and each server problem worded with what to check.

use crate::app::App;
use crate::i18n::Lang;
use crate::sync::dav::DavError;
use crate::t;
use anyhow::anyhow;

/// The password: from the command (its first line), else from the environment.
pub(super) fn password(command: Option<&str>, lang: Lang) -> anyhow::Result<Option<String>> {
    if let Some(cmd) = command {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .stderr(std::process::Stdio::inherit())
            .output()
            .map_err(|e| {
            anyhow!(t!(
                lang,
                "could not run the password command: {e}",
                "perintah kata sandi tidak bisa dijalankan: {e}"
            ))
        })?;
        if !out.status.success() {
            return Err(anyhow!(t!(
                lang,
                "the password command failed; check it with --password-command",
                "perintah kata sandi gagal; periksa --password-command"
            )));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        return Ok(Some(text.lines().next().unwrap_or_default().to_string()));
    }
    Ok(std::env::var("JEJARING_SYNC_PASSWORD").ok())
}
/// Words a server problem in the user's language, with what to check.
pub(super) fn explain(e: DavError, lang: Lang) -> anyhow::Error {
    anyhow!(match e {
        DavError::Auth { server } => t!(
            lang,
            "{server} refused the user name or password; check --user and the password (JEJARING_SYNC_PASSWORD or --password-command)",
            "{server} menolak nama pengguna atau kata sandi; periksa --user dan kata sandinya (JEJARING_SYNC_PASSWORD atau --password-command)"
        ),
        DavError::NotDav { url } => t!(
            lang,
            "{url} is not a CardDAV server or address book; check the URL (see `jejaring sync setup --help`)",
            "{url} bukan server atau buku alamat CardDAV; periksa URL-nya (lihat `jejaring sync setup --help`)"
        ),
        DavError::Status { server, status, what } => t!(
            lang,
            "{server} answered {status} to {what}; check the server and try again",
            "{server} menjawab {status} untuk {what}; periksa servernya lalu coba lagi"
        ),
        DavError::Malformed { server, detail } => t!(
            lang,
            "{server} sent an answer that is not valid WebDAV ({detail}); check that the URL is a CardDAV server",
            "{server} mengirim jawaban yang bukan WebDAV yang sah ({detail}); periksa bahwa URL-nya server CardDAV"
        ),
        DavError::Connect { server, detail } => t!(
            lang,
            "could not talk to {server} ({detail}); check the address and your connection",
            "tidak bisa berbicara dengan {server} ({detail}); periksa alamat dan koneksi Anda"
        ),
        DavError::Timeout { server } => t!(
            lang,
            "{server} did not answer in time; check your connection and try again",
            "{server} tidak menjawab tepat waktu; periksa koneksi Anda lalu coba lagi"
        ),
        DavError::Tls { server, detail } => t!(
            lang,
            "the secure connection to {server} failed ({detail}); check the address, or pass --insecure to `sync setup` only for a server you trust",
            "koneksi aman ke {server} gagal ({detail}); periksa alamatnya, atau berikan --insecure ke `sync setup` hanya untuk server yang Anda percaya"
        ),
    })
}
pub(super) fn warn_insecure(app: &App, insecure: bool) {
    if insecure {
        app.ui.warn(t!(
            app.ui.lang,
            "warning: the server's certificate is not checked (--insecure)",
            "peringatan: sertifikat server tidak diperiksa (--insecure)"
        ));
    }
}
