//! The house's layering, read from the source: the modules that `errors` depends on
//! (to word their typed errors) never depend on `errors` back, so there is no circle
//! through it. A new `use crate::errors` in the model, the store or a reader fails here.

use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file of a top-level module: `src/NAME.rs` and everything under `src/NAME/`.
fn files_of(module: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let file = src().join(format!("{module}.rs"));
    if file.is_file() {
        out.push(file);
    }
    let mut stack = vec![src().join(module)];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// The top-level modules a file names as `crate::NAME` (macros such as `crate::t`
/// are not modules and have no file).
fn modules_used_by(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut out: Vec<String> = text
        .split("crate::")
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>())
        .filter(|m| !m.is_empty() && !files_of(m).is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn nothing_that_errors_depends_on_depends_on_errors() {
    let used = modules_used_by(&src().join("errors.rs"));
    assert!(used.len() >= 5, "errors.rs words the typed errors of several modules: {used:?}");
    let mut offenders = Vec::new();
    for module in &used {
        for file in files_of(module) {
            if modules_used_by(&file).iter().any(|m| m == "errors") {
                offenders.push(file.strip_prefix(src()).unwrap().display().to_string());
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "these files are in modules errors.rs imports, and import errors back (a circle): {offenders:?}; \
         put what they need in a leaf (the Localized trait lives in i18n)"
    );
}
