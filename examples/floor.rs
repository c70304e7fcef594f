//! The floor for the benchmark: the least a program must do to use a jejaring file.
//!
//! ```text
//! floor read  FILE   read the file and parse it into a serde_json::Value (the floor the table uses)
//! floor scan  FILE   read the file and only validate it (serde::de::IgnoredAny): a lower bound
//! floor write FILE   read + parse into a Value, serialize it pretty, write it atomically
//!                    (temp file in the same folder, fsync, rename, fsync the folder)
//! ```
//!
//! `read` is the fair floor for a command: any program that works on the data has to
//! build it in memory, and a `Value` does that with no knowledge of the schema. `scan`
//! builds nothing (no allocation per record), so no real command can reach it; it is
//! printed to show how much of the floor is the JSON syntax itself. `write` is the floor
//! for a command that changes the file: everything `read` does, plus what a crash-safe
//! save cannot skip.

use serde::de::IgnoredAny;
use std::fs::{self, File};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, path) = match args.as_slice() {
        [mode, path] => (mode.as_str(), Path::new(path)),
        _ => {
            eprintln!("usage: floor read|scan|write FILE");
            return ExitCode::from(2);
        }
    };
    let result = match mode {
        "read" => read(path).map(|v| drop(std::hint::black_box(v))),
        "scan" => scan(path),
        "write" => write(path),
        _ => {
            eprintln!("unknown mode {mode:?}: use read, scan or write");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("floor {mode} {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> std::io::Result<serde_json::Value> {
    let bytes = fs::read(path)?;
    serde_json::from_slice(&bytes).map_err(std::io::Error::other)
}

fn scan(path: &Path) -> std::io::Result<()> {
    let bytes = fs::read(path)?;
    let _: IgnoredAny = serde_json::from_slice(&bytes).map_err(std::io::Error::other)?;
    Ok(())
}

fn write(path: &Path) -> std::io::Result<()> {
    let value = read(path)?;
    let mut bytes = serde_json::to_vec_pretty(&value).map_err(std::io::Error::other)?;
    bytes.push(b'\n');
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = dir.join(format!(".floor-{}.tmp", std::process::id()));
    let mut file = File::create(&tmp)?;
    file.write_all(&bytes)?;
    file.sync_all()?;
    fs::rename(&tmp, path)?;
    File::open(dir)?.sync_all()
}
