//! The `jejaring` binary: parse, run, exit. Everything else lives in the library.

#[global_allocator]
static ALLOCATOR: jejaring::arena::Allocator = jejaring::arena::Allocator;

fn main() -> std::process::ExitCode {
    jejaring::main_entry()
}
