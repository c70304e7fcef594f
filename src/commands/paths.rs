//! `jejaring paths`: where the data file, its lock, its cache and its backups live.

use crate::app::App;
use crate::store::{backup, cache, follow_link, lock_path};
use crate::t;
use serde::Serialize;
use std::path::PathBuf;

/// Show where jejaring keeps your data
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Paths {
    data: PathBuf,
    lock: PathBuf,
    cache: PathBuf,
    backups: PathBuf,
    exists: bool,
}

pub fn run(app: &App, _args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    // Where a linked data file really lives: its lock, cache and backups sit beside it.
    let data = follow_link(&app.data);
    let p = Paths {
        lock: lock_path(&data),
        cache: cache::path_for(&data),
        backups: backup::folder(&data),
        exists: data.is_file(),
        data,
    };
    if app.demo {
        app.ui.info(t!(
            lang,
            "(demo network: held in memory; these paths are not used)",
            "(jaringan demo: hanya di memori; jalur ini tidak dipakai)"
        ));
    }
    if app.ui.json {
        return Ok(app.ui.json_value(&p)?);
    }
    let rows = [
        (t!(lang, "data file", "berkas data"), &p.data),
        (t!(lang, "lock file", "berkas kunci"), &p.lock),
        (t!(lang, "cache", "tembolok"), &p.cache),
        (t!(lang, "backups", "cadangan"), &p.backups),
    ];
    for (label, path) in rows {
        app.ui.line(format!("{:<13} {}", format!("{label}:"), path.display()))?;
    }
    if !p.exists {
        app.ui.info(t!(
            lang,
            "(the data file does not exist yet; it is created on the first change)",
            "(berkas data belum ada; akan dibuat saat perubahan pertama)"
        ));
    }
    Ok(())
}
