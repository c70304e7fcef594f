//! The store against a hostile or broken disk: owner-only files, links and other
//! non-regular files at its paths, leftovers of killed saves, backups stamped by a clock
//! that ran ahead, a file-size limit, and OS errors said once.

use crate::env::{TestEnv, one_error_line};
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::Stdio;

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

/// Runs jejaring through `sh`, after `setup` (say `umask 000` or `ulimit -f 8`).
fn through_sh(env: &TestEnv, setup: &str, args: &[&str]) -> std::process::Output {
    let line = format!("{setup}; exec \"$0\" \"$@\"");
    let c = env.std_command();
    let program = c.get_program().to_owned();
    let mut sh = std::process::Command::new("sh");
    sh.args(["-c", &line]).arg(program).args(args);
    sh.env_clear().envs(c.get_envs().filter_map(|(k, v)| v.map(|v| (k, v)))).current_dir(env.home());
    sh.stdin(Stdio::null()).output().unwrap()
}

#[test]
fn folders_and_the_lock_are_owner_only_whatever_the_umask() {
    let env = TestEnv::new();
    for name in ["Wulan", "Yoga"] {
        let out = through_sh(&env, "umask 000", &["add-contact", name]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let dir = env.data.parent().unwrap();
    assert_eq!(mode(dir), 0o700, "the data folder");
    assert_eq!(mode(&env.backups()), 0o700, "the backups folder");
    assert_eq!(mode(&env.data.with_file_name("jejaring.json.lock")), 0o600, "the lock file");
    assert_eq!(mode(&env.data), 0o600);
}

#[test]
fn a_lock_file_others_could_read_is_made_owner_only() {
    let env = TestEnv::new();
    env.add("Wulan", &[]);
    let lock = env.data.with_file_name("jejaring.json.lock");
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o666)).unwrap();
    env.ok(&["list"]);
    assert_eq!(mode(&lock), 0o600);
}

#[test]
fn devices_and_pipes_are_refused_as_data_files() {
    let env = TestEnv::new();
    let dir = env.data.parent().unwrap();
    std::fs::create_dir_all(dir).unwrap();
    let fifo = dir.join("pipe.json");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let zero = dir.join("zero.json");
    symlink("/dev/zero", &zero).unwrap();
    let had_null_lock = Path::new("/dev/null.lock").exists();
    for (data, args) in [
        ("/dev/null", &["list"][..]),
        ("/dev/null", &["add-contact", "Putri"][..]),
        (zero.to_str().unwrap(), &["list"][..]),
        (zero.to_str().unwrap(), &["add-contact", "Putri"][..]),
        (fifo.to_str().unwrap(), &["list"][..]),
        (fifo.to_str().unwrap(), &["add-contact", "Putri"][..]),
    ] {
        // A pipe that hung would hang this test: the child is killed after a minute.
        let child = env
            .std_command()
            .arg("--data")
            .arg(data)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id();
        let watchdog = std::thread::spawn(move || {
            for _ in 0..600 {
                std::thread::sleep(std::time::Duration::from_millis(100));
                if !Path::new(&format!("/proc/{pid}")).exists() {
                    return;
                }
            }
            let _ = std::process::Command::new("kill").arg("-9").arg(pid.to_string()).status();
        });
        let out = child.wait_with_output().unwrap();
        let _ = watchdog;
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{data} {args:?}: {err}");
        assert!(one_error_line(&err).contains("is not a regular file"), "{err}");
    }
    assert_eq!(Path::new("/dev/null.lock").exists(), had_null_lock, "no lock file beside /dev/null");
    assert!(!dir.join("zero.json.lock").exists() && !dir.join("pipe.json.lock").exists());
}

#[test]
fn a_cache_that_is_a_device_or_a_link_is_never_read_or_written_through() {
    let env = TestEnv::new();
    env.add("Budi", &[]);
    let cache = env.data.with_file_name("jejaring.json.cache");
    let elsewhere = env.home().join("elsewhere");
    for target in [Path::new("/dev/zero"), elsewhere.as_path()] {
        std::fs::remove_file(&cache).unwrap();
        symlink(target, &cache).unwrap();
        // A read ignores it (and allocates nothing like /dev/zero's endless bytes).
        let (out, _) = env.ok(&["list"]);
        assert!(out.contains("Budi"), "{out}");
        env.add("Siti", &["--tag", &target.display().to_string()]);
        assert!(!elsewhere.exists(), "nothing was written through the link");
        env.ok(&["remove", "siti", "--yes"]);
    }
    assert!(std::fs::symlink_metadata(&cache).unwrap().is_file(), "a save replaced the link with a cache of its own");
}

#[test]
fn links_planted_at_the_lock_and_the_backups_folder_are_not_followed() {
    let env = TestEnv::new();
    env.add("Budi", &[]);
    let target = env.home().join("planted-target");
    let lock = env.data.with_file_name("jejaring.json.lock");
    std::fs::remove_file(&lock).unwrap();
    symlink(&target, &lock).unwrap();
    let before = env.snapshot();
    let err = env.fails(&["add-contact", "Putri"], 3);
    assert!(one_error_line(&err).contains(&format!("{} is not a regular file", lock.display())), "{err}");
    assert!(!target.exists(), "no file was created at the link's target");
    before.assert_unchanged();
    std::fs::remove_file(&lock).unwrap();

    // The backups folder as a link to another folder: the save is refused, not written there.
    std::fs::create_dir_all(&target).unwrap();
    symlink(&target, env.backups()).unwrap();
    let before = std::fs::read(&env.data).unwrap();
    let err = env.fails(&["add-contact", "Putri"], 3);
    assert!(one_error_line(&err).contains("is not a regular file"), "{err}");
    assert_eq!(std::fs::read_dir(&target).unwrap().count(), 0, "nothing was written through the link");
    assert_eq!(std::fs::read(&env.data).unwrap(), before);
}

#[test]
fn planted_names_in_the_backups_folder_never_make_real_backups_pruned() {
    let env = TestEnv::new();
    env.add("Contact 0", &[]);
    env.add("Contact 1", &[]);
    env.add("Contact 2", &[]);
    let real = env.backup_names();
    assert_eq!(real.len(), 2);
    // Names that look newest of all: links (dangling and not), folders, and files whose
    // names jejaring never makes.
    let folder = env.backups();
    for i in 0..300 {
        let stamp = format!("2099{:02}{:02}T000000.{i:03}Z", 1 + i % 12, 1 + i % 28);
        match i % 3 {
            0 => symlink(env.home().join(format!("nowhere-{i}")), folder.join(format!("{stamp}.json"))).unwrap(),
            1 => std::fs::create_dir(folder.join(format!("{stamp}.json"))).unwrap(),
            _ => std::fs::write(folder.join(format!("{stamp}.json.txt")), "planted").unwrap(),
        }
    }
    env.add("Contact 3", &[]);
    let names = env.backup_names();
    for name in &real {
        assert!(names.contains(name), "the real backup {name} is still there");
    }
    assert_eq!(names.len(), 300 + 3, "the planted names are left alone, and a third real backup was kept");
    for i in 0..300 {
        assert!(std::fs::symlink_metadata(env.home().join(format!("nowhere-{i}"))).is_err(), "no link was followed");
    }
}

#[test]
fn backups_from_a_clock_that_ran_ahead_do_not_crowd_out_todays() {
    let env = TestEnv::new();
    env.add("Contact 0", &[]);
    std::fs::create_dir_all(env.backups()).unwrap();
    let old = std::fs::read(&env.data).unwrap();
    for i in 0..25 {
        std::fs::write(env.backups().join(format!("20990101T0000{i:02}.000Z.json")), &old).unwrap();
    }
    env.add("Contact 1", &[]);
    env.add("Contact 2", &[]);
    let names = env.backup_names();
    let today: Vec<_> = names.iter().filter(|n| !n.starts_with("2099")).collect();
    assert_eq!(today.len(), 2, "both of today's backups are kept: {names:?}");
    assert_eq!(names.len(), 20, "the newest twenty, counting the future-dated ones as the oldest: {names:?}");
}

/// The temp files a killed save can leave: they and nothing else go at the next save.
#[test]
fn a_save_sweeps_the_temp_files_of_killed_saves() {
    let env = TestEnv::new();
    env.add("Budi", &[]);
    let dir = env.data.parent().unwrap();
    let stale = [".jejaring.json.Ab3xZ9", ".jejaring.json.cache.q1W2e3"];
    for name in stale {
        std::fs::write(dir.join(name), "the whole data file, once").unwrap();
    }
    let kept = ["notes.txt", ".jejaring.json.notes.txt", ".other.json.Ab3xZ9"];
    for name in kept {
        std::fs::write(dir.join(name), "mine").unwrap();
    }
    symlink(env.home().join("linked"), dir.join(".jejaring.json.Zz9Yy8")).unwrap();
    env.ok(&["list"]);
    assert!(dir.join(stale[0]).exists(), "a read sweeps nothing");
    env.add("Siti", &[]);
    for name in stale {
        assert!(!dir.join(name).exists(), "{name} was swept");
    }
    for name in kept {
        assert!(dir.join(name).exists(), "{name} is not jejaring's and stays");
    }
    assert!(std::fs::symlink_metadata(dir.join(".jejaring.json.Zz9Yy8")).is_ok(), "a link is never a temp file");
}

fn inode(p: &Path) -> (u64, u64) {
    let m = std::fs::metadata(p).unwrap();
    (m.dev(), m.ino())
}

/// What a save killed between keeping the backup and replacing the data file leaves.
#[test]
fn a_backup_that_is_the_live_file_itself_is_repaired() {
    let env = TestEnv::new();
    env.add("Budi", &[]);
    env.add("Siti", &[]);
    let live = std::fs::read(&env.data).unwrap();
    // An older jejaring linked the backup before the rename, and was killed.
    let shared = env.backups().join("20261128T090000.000Z.json");
    std::fs::hard_link(&env.data, &shared).unwrap();
    // This one links under a hidden name first: one still the live file, and one whose
    // save went through.
    let hidden_live = env.backups().join(".20261128T090001.000Z.json");
    std::fs::hard_link(&env.data, &hidden_live).unwrap();
    let hidden_done = env.backups().join(".20261128T090002.000Z.json");
    std::fs::write(&hidden_done, b"{\"version\": 1}").unwrap();

    env.ok(&["log", "budi", "Coffee"]);
    assert_ne!(inode(&shared), inode(&env.data), "the backup is a file of its own");
    assert_eq!(std::fs::read(&shared).unwrap(), live, "with the same contents");
    assert!(!hidden_live.exists(), "a hidden link to the live file goes: the new backup holds that file");
    assert!(!hidden_done.exists());
    assert_eq!(std::fs::read(env.backups().join("20261128T090002.000Z.json")).unwrap(), b"{\"version\": 1}");
    for name in env.backup_names() {
        assert_ne!(inode(&env.backups().join(&name)), inode(&env.data), "{name}");
    }
}

#[test]
fn a_file_size_limit_is_a_clean_error_and_leaves_no_temp_file() {
    let env = TestEnv::new();
    for i in 0..40 {
        env.add(&format!("Contact {i}"), &["--note", "a note long enough to make the file grow a little more"]);
    }
    let before = env.snapshot();
    let blocks = std::fs::metadata(&env.data).unwrap().len() / 512;
    let out = through_sh(&env, &format!("ulimit -f {blocks}"), &["add-contact", "One Too Many"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "an error, not a kill by SIGXFSZ: {err}");
    let line = one_error_line(&err);
    assert!(line.contains("could not save") && line.contains("the file is as it was"), "{line}");
    before.assert_unchanged();
    let dir = env.data.parent().unwrap();
    let temps: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}

#[test]
fn an_os_error_is_said_once() {
    let env = TestEnv::new();
    std::fs::write(env.home().join("a-file"), "not a folder").unwrap();
    let data = env.home().join("a-file").join("jejaring.json");
    let err = String::from_utf8(
        env.cmd()
            .arg("--data")
            .arg(&data)
            .args(["add-contact", "Putri"])
            .assert()
            .failure()
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    let line = one_error_line(&err);
    assert_eq!(line.matches("os error").count(), 1, "{line}");
}
