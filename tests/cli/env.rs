//! `TestEnv`: a temporary home with its own data file, and the built `jejaring` run in a
//! clean environment (fixed "now", no colour, English, no inherited JEJARING_* variables).

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// "Now" for every test: a Saturday.
pub const NOW: &str = "2026-11-28";

/// The binary under test.
pub fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_jejaring"))
}

/// The folder holding the fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures")
}

/// The bytes of a fixture.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = fixtures().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// A temporary home folder and a data file inside it (not created until a test or a
/// command writes it).
pub struct TestEnv {
    pub dir: TempDir,
    pub data: PathBuf,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let dir = tempfile::Builder::new().prefix("jejaring-test-").tempdir().expect("temp dir");
        let data = dir.path().join("data").join("jejaring.json");
        TestEnv { dir, data }
    }

    /// A test env whose data file is a copy of `tests/fixtures/<name>`.
    pub fn with_fixture(name: &str) -> TestEnv {
        let env = TestEnv::new();
        env.write_data(fixture(name));
        env
    }

    /// Replaces the data file's contents.
    pub fn write_data(&self, bytes: impl AsRef<[u8]>) {
        std::fs::create_dir_all(self.data.parent().unwrap()).unwrap();
        std::fs::write(&self.data, bytes).unwrap();
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    /// The backups folder beside the data file.
    pub fn backups(&self) -> PathBuf {
        self.data.with_file_name("jejaring.json.backups")
    }

    /// The names of the files in the backups folder, sorted.
    pub fn backup_names(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.backups()) else { return Vec::new() };
        let mut names: Vec<String> = entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    /// `jejaring` as a std command with a clean environment: only PATH survives.
    pub fn std_command(&self) -> std::process::Command {
        let mut c = std::process::Command::new(bin());
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home())
            .env("JEJARING_DATA", &self.data)
            .env("JEJARING_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("LANG", "C")
            .current_dir(self.home());
        c
    }

    /// `jejaring` ready for assert_cmd (stdin is an empty pipe, never a terminal).
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_command())
    }

    /// Runs `jejaring ARGS…`.
    pub fn run(&self, args: &[&str]) -> Assert {
        self.cmd().args(args).assert()
    }

    /// Runs `jejaring ARGS…`, expects success, returns (stdout, stderr).
    pub fn ok(&self, args: &[&str]) -> (String, String) {
        let a = self.run(args).success();
        let o = a.get_output();
        (String::from_utf8(o.stdout.clone()).unwrap(), String::from_utf8(o.stderr.clone()).unwrap())
    }

    /// Runs `jejaring ARGS…`, expects exit `code`, returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let a = self.run(args).code(code);
        String::from_utf8(a.get_output().stderr.clone()).unwrap()
    }

    /// Adds a contact by name (plus extra flags) and returns its handle.
    pub fn add(&self, name: &str, extra: &[&str]) -> String {
        let mut args = vec!["--json", "add-contact", name];
        args.extend_from_slice(extra);
        let (out, _) = self.ok(&args);
        let v: Value = serde_json::from_str(&out).expect("add-contact --json prints JSON");
        v["handle"].as_str().expect("a handle").to_string()
    }

    /// The data file's bytes, or None when it does not exist.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        match std::fs::read(&self.data) {
            Ok(b) => Some(b),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("reading {}: {e}", self.data.display()),
        }
    }

    /// The data file parsed as JSON.
    pub fn json(&self) -> Value {
        let bytes = self.bytes().expect("the data file exists");
        serde_json::from_slice(&bytes).expect("the data file is valid JSON")
    }

    /// The stored contacts.
    pub fn contacts(&self) -> Vec<Value> {
        self.json()["contacts"].as_array().cloned().unwrap_or_default()
    }

    /// The stored contact with exactly this name.
    pub fn contact(&self, name: &str) -> Value {
        self.contacts().into_iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("no contact named {name}"))
    }

    /// The data file as it is now, to compare with later.
    pub fn snapshot(&self) -> Snapshot<'_> {
        Snapshot { env: self, bytes: self.bytes(), backups: self.backup_names() }
    }
}

/// The data file (and its backups folder) at one moment.
pub struct Snapshot<'a> {
    env: &'a TestEnv,
    bytes: Option<Vec<u8>>,
    backups: Vec<String>,
}

impl Snapshot<'_> {
    /// Fails unless the data file is byte-for-byte as it was (or still absent), and no
    /// backup was added or removed.
    #[track_caller]
    pub fn assert_unchanged(&self) {
        let now = self.env.bytes();
        match (&self.bytes, &now) {
            (None, None) => {}
            (Some(_), None) => panic!("the data file was deleted"),
            (None, Some(_)) => panic!("the data file was created"),
            (Some(a), Some(b)) => assert!(a == b, "the data file changed"),
        }
        assert_eq!(self.backups, self.env.backup_names(), "the backups changed");
    }
}

/// Asserts that stderr is exactly one line, an error, and returns that line.
#[track_caller]
pub fn one_error_line(stderr: &str) -> &str {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line on stderr, got:\n{stderr}");
    assert!(lines[0].starts_with("error: "), "expected an error line, got: {}", lines[0]);
    lines[0]
}
