//! The `jejaring` binary: parse, run, exit. Everything else lives in the library.

fn main() -> std::process::ExitCode {
    // A file-size limit (`ulimit -f`) would kill the process with SIGXFSZ in the middle of
    // a save, silently. Ignored, the write fails with EFBIG instead, and the save reports
    // it like a full disk, removing its temp file.
    #[cfg(unix)]
    // SAFETY: setting a signal to be ignored, before any other thread exists; no handler
    // runs, so nothing about async-signal safety applies.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    jejaring::main_entry()
}
