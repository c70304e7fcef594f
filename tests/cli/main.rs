//! Temporary entry point for the interop tests; merge `mod interop;` into the shared
//! tests/cli/main.rs.

mod interop;
