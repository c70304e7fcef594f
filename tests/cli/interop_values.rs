//! Import and export of the values real address books hold: cells a spreadsheet would
//! run, encodings old phones write, phones with extensions, system labels, and the
//! problems an import must name rather than pass over.

use crate::env::TestEnv;

#[test]
fn a_csv_export_runs_no_formula_and_imports_back_the_same() {
    let env = TestEnv::new();
    env.ok(&["add-contact", "Ana =1+1", "--org", "=HYPERLINK(\"https://x.example\",\"go\")", "--role", "@SUM(1+1)"]);
    let out = env.home().join("out.csv");
    let out = out.display().to_string();
    env.ok(&["export", "csv", "--out", &out]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("Ana,,'=1+1,\"'=HYPERLINK(") && text.contains(",'@SUM(1+1),"), "{text}");

    let other = TestEnv::new();
    other.ok(&["import", "csv", &out]);
    let c = other.contact("Ana =1+1");
    assert_eq!(c["org"], "=HYPERLINK(\"https://x.example\",\"go\")");
    assert_eq!(c["role"], "@SUM(1+1)");
}
