//! The `jejaring` binary: parse, run, exit. Everything else lives in the library.

fn main() -> std::process::ExitCode {
    jejaring::main_entry()
}
