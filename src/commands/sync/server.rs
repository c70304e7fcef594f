//! What the sync commands share about the server: the time limits (`LimitArgs`), the
//! password (from a command, the environment or a prompt, never stored) and the
//! warnings each run repeats. Server problems are `DavError`s, worded where they are
//! defined (`sync::dav`).

use crate::app::App;
use crate::errors::UsageError;
use crate::i18n::Lang;
use crate::sync::dav::{self, Limits};
use crate::t;
use anyhow::anyhow;
use std::time::Duration;

/// The largest --timeout, in seconds (a day).
const MOST_TIMEOUT: f64 = 24.0 * 60.0 * 60.0;
/// The largest --max-time, in minutes (a week).
const MOST_MAX_TIME: f64 = 7.0 * 24.0 * 60.0;

/// How long the server may take.
#[derive(Debug, Clone, clap::Args)]
pub struct LimitArgs {
    /// Seconds connecting and sending may take (receiving an answer, ten times that)
    #[arg(long, value_name = "SECONDS", env = "JEJARING_SYNC_TIMEOUT", default_value_t = 30.0)]
    pub timeout: f64,
    /// Minutes the whole run may take before it stops; what it found is then not saved
    #[arg(long, value_name = "MINUTES", default_value_t = 60.0)]
    pub max_time: f64,
}

impl LimitArgs {
    /// The limits, each above 0 and at most `MOST_TIMEOUT` / `MOST_MAX_TIME`: a larger
    /// one would overflow the clock's arithmetic (a panic), and waits no one means.
    pub(super) fn limits(&self, lang: Lang) -> anyhow::Result<Limits> {
        let within = |v: f64, most: f64, scale: f64, flag: &str| {
            if v <= most
                && let Some(d) = Duration::try_from_secs_f64(v * scale).ok().filter(|d| !d.is_zero())
            {
                return Ok(d);
            }
            Err(anyhow::Error::from(UsageError(t!(
                lang,
                "{flag} must be a number above 0 and at most {most}",
                "{flag} harus berupa angka di atas 0 dan paling banyak {most}"
            ))))
        };
        Ok(Limits {
            timeout: within(self.timeout, MOST_TIMEOUT, 1.0, "--timeout")?,
            max_time: within(self.max_time, MOST_MAX_TIME, 60.0, "--max-time")?,
        })
    }
}

/// The password for `user` at `url`: from the command (its first line), else from the
/// environment, else asked for on a terminal (and kept only for this run). Without a
/// user name no password is sent. With none of these, an error that names the ways to
/// give one — never an empty password sent to the server.
pub(super) fn password(
    app: &App,
    user: Option<&str>,
    command: Option<&str>,
    url: &str,
) -> anyhow::Result<Option<String>> {
    let lang = app.ui.lang;
    let Some(user) = user else { return Ok(None) };
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
    if let Ok(pw) = std::env::var("JEJARING_SYNC_PASSWORD") {
        return Ok(Some(pw));
    }
    let host = dav::host(url);
    if app.prompter().is_some() {
        // Hidden input straight from inquire: the shared prompter has no secret field.
        let question = t!(lang, "Password for {user} at {host}:", "Kata sandi untuk {user} di {host}:");
        let answer = inquire::Password::new(&crate::ui::shown(&question))
            .without_confirmation()
            .with_display_mode(inquire::PasswordDisplayMode::Hidden)
            .prompt();
        return match answer {
            Ok(pw) => Ok(Some(pw)),
            Err(inquire::InquireError::OperationCanceled | inquire::InquireError::OperationInterrupted) => {
                Err(crate::prompt::Interrupted.into())
            }
            Err(e) => Err(anyhow::Error::new(e).context(t!(
                lang,
                "could not ask for the password on the terminal",
                "tidak bisa menanyakan kata sandi di terminal"
            ))),
        };
    }
    Err(UsageError(t!(
        lang,
        "no password source was given for {user} at {host}: pass --password-command CMD to `sync setup`, set JEJARING_SYNC_PASSWORD, or run on a terminal to be asked",
        "tidak ada sumber kata sandi untuk {user} di {host}: berikan --password-command CMD ke `sync setup`, atur JEJARING_SYNC_PASSWORD, atau jalankan di terminal agar ditanya"
    ))
    .into())
}

/// Whether a password would travel unencrypted: plain http to another machine.
pub(super) fn in_clear(url: &str, user: Option<&str>) -> bool {
    user.is_some() && dav::scheme(url) == "http" && !dav::is_loopback(url)
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

/// Each run over plain http to another machine says so (it was allowed at setup with
/// --allow-insecure-http).
pub(super) fn warn_in_clear(app: &App, url: &str, user: Option<&str>) {
    if in_clear(url, user) {
        let host = dav::host(url);
        app.ui.warn(t!(
            app.ui.lang,
            "the password travels unencrypted to {host} (plain http, --allow-insecure-http)",
            "kata sandi terkirim tanpa enkripsi ke {host} (http biasa, --allow-insecure-http)"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_plain_whatever_the_case_of_its_scheme() {
        for url in ["http://192.0.2.10/dav/", "HTTP://192.0.2.10/dav/", "Http://dav.example.com/"] {
            assert!(in_clear(url, Some("ayu")), "{url}");
        }
        for url in ["https://192.0.2.10/dav/", "HTTPS://192.0.2.10/dav/", "HTTP://127.0.0.1:5232/"] {
            assert!(!in_clear(url, Some("ayu")), "{url}");
        }
    }

    #[test]
    fn limits_too_large_for_the_clock_are_refused_not_a_panic() {
        let limits = |timeout: f64, max_time: f64| LimitArgs { timeout, max_time }.limits(Lang::En);
        assert!(limits(30.0, 60.0).is_ok());
        assert!(limits(MOST_TIMEOUT, MOST_MAX_TIME).is_ok());
        for (timeout, max_time) in
            [(1e19, 60.0), (30.0, 2e17), (30.0, 1e300), (0.0, 60.0), (30.0, f64::NAN), (1e-300, 60.0)]
        {
            let err = limits(timeout, max_time).unwrap_err().to_string();
            assert!(err.contains("must be a number above 0 and at most"), "{err}");
        }
    }
}
