//! The benchmark: whole-process wall time and peak memory of the release `jejaring`
//! binary on generated networks, next to a floor program. See BENCHMARK.md.
//!
//! ```text
//! cargo build --release --bins --examples
//! cargo run --release --example bench -- [--sizes 1000,10000,100000] [--runs 15]
//! ```
//!
//! It builds nothing itself: it runs `target/release/jejaring`,
//! `target/release/examples/gen_network` and `target/release/examples/floor` as
//! processes, in a temporary folder, and prints a Markdown table.
//!
//! `--baseline OTHER_JEJARING` measures another build in the same run, each command of
//! both builds next to each other in every round, and adds a before/after table. Each
//! build gets its own copy of the file and its own cache: a build ignores a cache that
//! another build's code laid out, so sharing one would measure the JSON path.
//!
//! Each command runs with stdout and stdin on /dev/null (not a terminal, so no colour
//! and no prompts; /dev/null never closes, so no broken pipe cuts a run short), stderr to
//! a file that is shown if the command fails, `JEJARING_NOW` fixed, `NO_COLOR` set and
//! `JEJARING_DATA` naming the file. Commands that write get a fresh copy of the file
//! and its cache before every run (copied and fsynced outside the timing, with the
//! backup folder emptied), so the file never grows; reads use a copy of their own that
//! no write touches (a read within two seconds of a write hashes the whole file first,
//! as the cache's note cannot yet vouch for it). One case deletes the cache before
//! each run, to show the first read after the JSON changed outside jejaring. Runs are
//! interleaved round by round, after warm-up rounds, so a burst of load on the machine
//! hits every command alike; the median is reported. Peak memory is the child's own
//! `ru_maxrss` from `wait4` (`RUSAGE_CHILDREN` would give the largest of all children
//! so far, so one big command would mask the rest).

use jejaring::store::{backup, cache};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The pretend "now" of the generated history, given to jejaring as `JEJARING_NOW`.
const NOW: &str = "2026-11-28";
const SEARCH: &str = "mandiri";
const LOG_TEXT: &str = "Coffee at Kopi Kenangan about the fintech meetup";

struct Args {
    sizes: Vec<usize>,
    runs: usize,
    warmup: usize,
    seed: u64,
    dir: Option<PathBuf>,
    /// Another jejaring binary to measure (an older build, to compare).
    bin: Option<PathBuf>,
    /// A build to measure side by side with `bin`, as "before".
    baseline: Option<PathBuf>,
    /// abook, the C address book, measured on the same people (found on PATH unless
    /// named; `--no-abook` leaves it out).
    abook: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![1_000, 10_000, 100_000],
        runs: 15,
        warmup: 2,
        seed: 1,
        dir: None,
        bin: None,
        baseline: None,
        abook: find_on_path("abook"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--sizes" => {
                args.sizes = value()?
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse().map_err(|_| format!("bad size {s:?}")))
                    .collect::<Result<_, _>>()?
            }
            "--runs" => args.runs = value()?.parse().map_err(|_| "bad --runs")?,
            "--warmup" => args.warmup = value()?.parse().map_err(|_| "bad --warmup")?,
            "--seed" => args.seed = value()?.parse().map_err(|_| "bad --seed")?,
            "--dir" => args.dir = Some(PathBuf::from(value()?)),
            "--bin" => args.bin = Some(PathBuf::from(value()?)),
            "--baseline" => args.baseline = Some(PathBuf::from(value()?)),
            "--abook" => args.abook = Some(PathBuf::from(value()?)),
            "--no-abook" => args.abook = None,
            "--pick-name" => {
                println!("{}", pick_name_child(Path::new(&value()?)));
                std::process::exit(0);
            }
            "-h" | "--help" => {
                println!(
                    "usage: bench [--sizes 1000,10000,100000] [--runs 15] [--warmup 2] [--seed 1] [--dir DIR] [--bin JEJARING] [--baseline JEJARING] [--abook PATH | --no-abook]\n\
                     Build first: cargo build --release --bins --examples"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    Ok(args)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::exit(2);
        }
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let release = target.join("release");
    let bins = Bins {
        jejaring: args.bin.clone().unwrap_or_else(|| release.join("jejaring")),
        gen_network: release.join("examples/gen_network"),
        gen_history: release.join("examples/gen_history"),
        floor: release.join("examples/floor"),
        baseline: args.baseline.clone(),
        abook: args.abook.clone(),
    };
    for b in [&bins.jejaring, &bins.gen_network, &bins.gen_history, &bins.floor].into_iter().chain(&bins.baseline) {
        if !b.exists() {
            eprintln!("bench: {} is missing; run `cargo build --release --bins --examples` first", b.display());
            std::process::exit(2);
        }
    }
    warn_if_stale(&bins.jejaring, &root.join("src"));

    let tmp = match &args.dir {
        Some(d) => {
            fs::create_dir_all(d).expect("create --dir");
            None
        }
        None => Some(tempfile::tempdir().expect("create a temporary folder")),
    };
    let dir = args.dir.clone().unwrap_or_else(|| tmp.as_ref().expect("tempdir").path().to_path_buf());

    eprintln!("machine: {}", machine());
    let mut rows = Vec::new();
    for &size in &args.sizes {
        rows.extend(bench_size(&bins, &dir, size, &args));
    }
    println!("{}", table(&rows));
    if bins.baseline.is_some() {
        println!("{}", comparison(&rows));
    }
    if bins.abook.is_some() {
        println!("{}", against_abook(&rows));
    }
    println!("machine: {}; {} runs per command after {} warm-up rounds", machine(), args.runs, args.warmup);
}

struct Bins {
    jejaring: PathBuf,
    gen_network: PathBuf,
    gen_history: PathBuf,
    floor: PathBuf,
    baseline: Option<PathBuf>,
    abook: Option<PathBuf>,
}

/// Labels of the baseline build's rows start with this.
const BASELINE: &str = "baseline: ";

/// The network size the `import history` rows are measured at (issue 15).
const HISTORY_AT: usize = 10_000;
const HISTORY_EVENTS: usize = 2_000;
const HISTORY_MESSAGES: usize = 50_000;
/// The knows-whom rows (issue 22): `path` and `who-knows` on a network of this many
/// interactions at `HISTORY_AT` contacts, a tenth of them with several people.
const GRAPH_INTERACTIONS: usize = 200_000;
const GRAPH_ORG: &str = "Bank Mandiri";

/// A command to measure.
struct Case {
    label: String,
    program: PathBuf,
    args: Vec<String>,
    kind: CaseKind,
    /// What happens before each run, outside the timing, to this file.
    prep: Prep,
    file: PathBuf,
    /// The file (and cache) a fresh copy is made from.
    master: PathBuf,
    /// The size of the network's file, for the memory ratio.
    bytes: u64,
    samples: Vec<Duration>,
    cpu: Vec<Duration>,
    peak_kb: i64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prep {
    Nothing,
    /// A fresh copy of the master file and its cache.
    FreshCopy,
    /// The cache deleted, so the command reads the JSON.
    NoCache,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CaseKind {
    FloorRead,
    FloorScan,
    FloorWrite,
    Read,
    /// A read that finds no cache: shown for information, outside the targets, which
    /// are about commands in steady use.
    FirstRead,
    Write,
    /// `import history` of a big export: a write whose target is its own (issue 15:
    /// under 10 s), not the floor's.
    Import,
    /// `path` and `who-knows` on the bigger network: under 100 ms (issue 22).
    Graph,
    /// Another program doing the same job on the same people (abook).
    Peer,
}

struct Row {
    size: usize,
    file_bytes: u64,
    label: String,
    kind: CaseKind,
    median_ms: f64,
    cpu_ms: f64,
    floor_ratio: Option<f64>,
    peak_kb: i64,
}

fn bench_size(bins: &Bins, dir: &Path, size: usize, args: &Args) -> Vec<Row> {
    let master = dir.join(format!("network-{size}.json"));
    let work = dir.join(format!("work-{size}"));
    fs::create_dir_all(&work).expect("work folder");
    eprintln!("generating {size} contacts…");
    let status = Command::new(&bins.gen_network)
        .args(["--contacts", &size.to_string(), "--seed", &args.seed.to_string(), "--now", NOW, "--out"])
        .arg(&master)
        .stderr(Stdio::null())
        .status()
        .expect("run gen_network");
    assert!(status.success(), "gen_network failed");
    let file_bytes = fs::metadata(&master).expect("generated file").len();
    // Each build measured gets its own master file, data file and cache.
    let builds: Vec<(&str, &Path)> =
        std::iter::once(("", bins.jejaring.as_path())).chain(bins.baseline.as_deref().map(|b| (BASELINE, b))).collect();
    let mut places = Vec::new();
    for (n, &(_, bin)) in builds.iter().enumerate() {
        let own = work.join(format!("build-{n}"));
        fs::create_dir_all(&own).expect("work folder");
        let (own_master, data, reads) = (own.join("master.json"), own.join("jejaring.json"), own.join("reads.json"));
        fs::copy(&master, &own_master).expect("copy the network");
        warm_up(bin, &own_master, &data);
        // Reads get a copy no write touches: a read within two seconds of a write hashes
        // the whole data file (the cache's note vouches only for a file left alone that
        // long), a cost of the write rather than of the read.
        fresh_copy(&own_master, &reads);
        places.push((own_master, data, reads));
    }
    let name = pick_name(&master);
    eprintln!("{size} contacts: {:.1} MB; show/log use {name:?}", file_bytes as f64 / 1e6);

    let floor_data = work.join("floor.json");
    fresh_copy(&master, &floor_data);
    let floor = |label: &str, mode: &str, kind| Case {
        label: label.into(),
        program: bins.floor.clone(),
        // Its own file: the floor's write changes the JSON, which would leave jejaring's
        // cache stale for the next command.
        args: vec![mode.into(), floor_data.display().to_string()],
        kind,
        prep: if kind == CaseKind::FloorWrite { Prep::FreshCopy } else { Prep::Nothing },
        file: floor_data.clone(),
        master: master.clone(),
        bytes: file_bytes,
        samples: Vec::new(),
        cpu: Vec::new(),
        peak_kb: 0,
    };
    // One of the commands, for each build: a build's runs sit next to the other's.
    let jj = |label: &str, a: &[&str], kind: CaseKind| {
        builds
            .iter()
            .zip(&places)
            .map(|(&(prefix, bin), (own_master, data, reads))| Case {
                label: format!("{prefix}{label}"),
                program: bin.to_path_buf(),
                args: a.iter().map(|s| s.to_string()).collect(),
                kind,
                prep: if matches!(kind, CaseKind::Write | CaseKind::Import) { Prep::FreshCopy } else { Prep::Nothing },
                file: if matches!(kind, CaseKind::Read | CaseKind::FirstRead) { reads.clone() } else { data.clone() },
                master: own_master.clone(),
                bytes: file_bytes,
                samples: Vec::new(),
                cpu: Vec::new(),
                peak_kb: 0,
            })
            .collect::<Vec<_>>()
    };
    let no_cache = |case: Case| Case { prep: Prep::NoCache, ..case };
    let label_no_cache = "list, no cache (first read after an outside edit)";
    let cases = [
        vec![floor("floor: read + parse (Value)", "read", CaseKind::FloorRead)],
        vec![floor("floor: scan only (IgnoredAny)", "scan", CaseKind::FloorScan)],
        vec![floor("floor: parse + serialize + atomic write", "write", CaseKind::FloorWrite)],
        jj("list", &["list"], CaseKind::Read),
        jj(label_no_cache, &["list"], CaseKind::FirstRead).into_iter().map(no_cache).collect(),
        jj(&format!("list --search {SEARCH}"), &["list", "--search", SEARCH], CaseKind::Read),
        jj("show NAME", &["show", &name], CaseKind::Read),
        jj(
            "add-contact",
            &[
                "add-contact",
                "Larasati Wirjosandjojo",
                "--circle",
                "colleague",
                "--org",
                "Bank Mandiri",
                "--email",
                "larasati.w@example.co.id",
                "--tag",
                "fintech",
                "--met-at",
                "Jakarta Fintech Meetup",
                "--every",
                "1m",
            ],
            CaseKind::Write,
        ),
        jj("log NAME \"text\"", &["log", &name, LOG_TEXT], CaseKind::Write),
    ];
    let mut cases: Vec<Case> = cases.into_iter().flatten().collect();
    if let Some(abook) = &bins.abook {
        // Each of abook's jobs runs right after jejaring's runs of the same job, so both
        // have the same neighbours in every round: a run just after a big write (an
        // import, a save's fsync) is slower, and the comparison must not turn on that.
        for peer in abook_cases(abook, bins, &work, (size, file_bytes), args.seed) {
            let ours = abook_pairs().find(|(_, theirs)| *theirs == peer.label).map(|(ours, _)| ours);
            let after = cases.iter().rposition(|c| Some(c.label.trim_start_matches(BASELINE)) == ours.as_deref());
            cases.insert(after.map_or(cases.len(), |n| n + 1), peer);
        }
    }
    if size == HISTORY_AT {
        // A year of calendar and a mailbox between "you" and this network's contacts.
        let (ics, mbox) = (work.join("year.ics"), work.join("mail.mbox"));
        let status = Command::new(&bins.gen_history)
            .args(["--network"])
            .arg(&master)
            .arg("--calendar")
            .arg(&ics)
            .args(["--events", &HISTORY_EVENTS.to_string(), "--mbox"])
            .arg(&mbox)
            .args(["--messages", &HISTORY_MESSAGES.to_string(), "--seed", &args.seed.to_string(), "--now", NOW])
            .status()
            .expect("run gen_history");
        assert!(status.success(), "gen_history failed");
        let mb = fs::metadata(&mbox).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
        eprintln!("history exports: {HISTORY_EVENTS} calendar events, {HISTORY_MESSAGES} messages ({mb:.0} MB)");
        let (ics, mbox) = (ics.display().to_string(), mbox.display().to_string());
        // The measured build only: a baseline may predate `import history`.
        let first = |mut both: Vec<Case>| both.swap_remove(0);
        cases.push(first(jj(
            &format!("import history (a year of calendar, {HISTORY_EVENTS} events)"),
            &["import", "history", &ics],
            CaseKind::Import,
        )));
        cases.push(first(jj(
            &format!("import history (mbox, {HISTORY_MESSAGES} messages)"),
            &["import", "history", &mbox],
            CaseKind::Import,
        )));
    }

    if size == HISTORY_AT {
        cases.extend(graph_cases(bins, &work, size, args));
    }

    let stderr_path = work.join("stderr.txt");
    // A first, checked run of each: it must succeed and print something.
    for case in &cases {
        prepare(case);
        let out = work.join("stdout.txt");
        let (_, _, _, ok) = run(case, &File::create(&out).expect("stdout file"), &stderr_path);
        if !ok {
            fail(case, &stderr_path);
        }
        let lines = fs::read_to_string(&out).map(|s| s.lines().count()).unwrap_or(0);
        eprintln!("  check {:<42} ok, {lines} lines on stdout", case.label);
    }
    for round in 0..args.warmup + args.runs {
        // Every other round runs backwards, and every other pair of rounds the two
        // builds' runs of a command swap places, so each build in turn runs just after
        // whatever precedes the pair (another command's write, or the floor's exit from
        // hundreds of megabytes, which slows the next process severalfold at 100,000).
        let command = |n: usize| cases[n].label.trim_start_matches(BASELINE);
        let mut order: Vec<usize> = (0..cases.len()).collect();
        if round / 2 % 2 == 1 {
            order.chunk_by_mut(|&a, &b| command(a) == command(b)).for_each(<[usize]>::reverse);
        }
        if round % 2 == 1 {
            order.reverse();
        }
        for &n in &order {
            let case = &mut cases[n];
            prepare(case);
            let devnull = File::create("/dev/null").expect("/dev/null");
            let (elapsed, cpu, kb, ok) = run(case, &devnull, &stderr_path);
            if !ok {
                fail(case, &stderr_path);
            }
            if round >= args.warmup {
                case.samples.push(elapsed);
                case.cpu.push(cpu);
                case.peak_kb = case.peak_kb.max(kb);
            }
        }
    }
    let _ = fs::remove_file(&floor_data);
    for (_, data, reads) in &places {
        for file in [data, reads] {
            let _ = fs::remove_file(file);
            let _ = fs::remove_file(cache::path_for(file));
            let _ = fs::remove_dir_all(backup::folder(file));
        }
    }
    let _ = fs::remove_dir_all(work.join("graph"));

    let median_of = |c: &Case| median(&c.samples).as_secs_f64() * 1e3;
    let read_floor = cases.iter().find(|c| c.kind == CaseKind::FloorRead).map(median_of).unwrap_or(f64::NAN);
    let write_floor = cases.iter().find(|c| c.kind == CaseKind::FloorWrite).map(median_of).unwrap_or(f64::NAN);
    cases
        .iter()
        .map(|c| {
            let ms = median_of(c);
            let floor_ratio = match c.kind {
                CaseKind::FloorRead | CaseKind::FloorWrite => None,
                CaseKind::FloorScan | CaseKind::Read | CaseKind::FirstRead => Some(ms / read_floor),
                CaseKind::Write => Some(ms / write_floor),
                CaseKind::Import | CaseKind::Graph | CaseKind::Peer => None,
            };
            Row {
                size,
                file_bytes: c.bytes,
                label: c.label.clone(),
                kind: c.kind,
                median_ms: ms,
                cpu_ms: median(&c.cpu).as_secs_f64() * 1e3,
                floor_ratio,
                peak_kb: c.peak_kb,
            }
        })
        .collect()
}

/// abook's rows: the same people, written as vCards by the generator and converted by
/// abook itself into its own file. `list` is abook printing every entry (as CSV) and
/// `list --search` its `--mutt-query`, the two things it does without a terminal.
fn abook_cases(abook: &Path, bins: &Bins, work: &Path, (size, bytes): (usize, u64), seed: u64) -> Vec<Case> {
    let (cards, book) = (work.join("abook.vcf"), work.join("addressbook"));
    let status = Command::new(&bins.gen_network)
        .args([
            "--contacts",
            &size.to_string(),
            "--seed",
            &seed.to_string(),
            "--now",
            NOW,
            "--format",
            "vcard",
            "--out",
        ])
        .arg(&cards)
        .stderr(Stdio::null())
        .status()
        .expect("run gen_network");
    assert!(status.success(), "gen_network --format vcard failed");
    let status = Command::new(abook)
        .args(["--convert", "--informat", "vcard", "--outformat", "abook", "--infile"])
        .arg(&cards)
        .arg("--outfile")
        .arg(&book)
        .stdout(Stdio::null())
        .status()
        .expect("run abook --convert");
    assert!(status.success(), "abook could not convert the generated vCards");
    let book_arg = book.display().to_string();
    let case = |label: &str, args: Vec<&str>| Case {
        label: label.into(),
        program: abook.to_path_buf(),
        args: args.into_iter().map(String::from).collect(),
        kind: CaseKind::Peer,
        prep: Prep::Nothing,
        file: book.clone(),
        master: book.clone(),
        // The network's JSON, as for jejaring's rows of this size.
        bytes,
        samples: Vec::new(),
        cpu: Vec::new(),
        peak_kb: 0,
    };
    vec![
        case(ABOOK_LIST, vec!["--convert", "--informat", "abook", "--infile", &book_arg, "--outformat", "csv"]),
        case(ABOOK_SEARCH, vec!["--datafile", &book_arg, "--mutt-query", SEARCH]),
    ]
}

const ABOOK_LIST: &str = "abook: every entry (--convert --outformat csv)";
const ABOOK_SEARCH: &str = "abook: --mutt-query mandiri";

/// Each of jejaring's commands that abook's jobs are measured against, with abook's.
fn abook_pairs() -> impl Iterator<Item = (String, &'static str)> {
    [("list".to_string(), ABOOK_LIST), (format!("list --search {SEARCH}"), ABOOK_SEARCH)].into_iter()
}

/// jejaring's `list` and `list --search` next to abook's rows of the same size.
fn against_abook(rows: &[Row]) -> String {
    let mut s = String::from(
        "| contacts | command | jejaring ms | abook ms | × abook | jejaring CPU ms | abook CPU ms |\n\
         |---:|---|---:|---:|---:|---:|---:|\n",
    );
    for (ours, theirs) in abook_pairs() {
        for us in rows.iter().filter(|r| r.label == ours) {
            let Some(them) = rows.iter().find(|r| r.size == us.size && r.label == theirs) else { continue };
            s.push_str(&format!(
                "| {} | {} | {:.1} | {:.1} | {:.2} | {:.0} | {:.0} |\n",
                us.size,
                ours,
                us.median_ms,
                them.median_ms,
                us.median_ms / them.median_ms,
                us.cpu_ms,
                them.cpu_ms
            ));
        }
    }
    s
}

/// A program's path on PATH, if it is there.
fn find_on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(name)).find(|p| p.is_file())
}

/// Runs one case once: wall time from spawn to exit, the child's CPU time (user +
/// system, which load on the machine disturbs less), its peak RSS in KB, success.
fn run(case: &Case, stdout: &File, stderr_path: &Path) -> (Duration, Duration, i64, bool) {
    let stderr = File::create(stderr_path).expect("stderr file");
    let mut cmd = Command::new(&case.program);
    cmd.args(&case.args)
        .env("JEJARING_NOW", NOW)
        .env("NO_COLOR", "1")
        .env("JEJARING_DATA", &case.file)
        .env("JEJARING_LANG", "en")
        .stdin(Stdio::null())
        .stdout(stdout.try_clone().expect("dup stdout"))
        .stderr(stderr);
    let start = Instant::now();
    let child = cmd.spawn().unwrap_or_else(|e| panic!("could not start {}: {e}", case.program.display()));
    let (status, cpu, kb) = wait4(child.id() as libc::pid_t);
    let elapsed = start.elapsed();
    // The child was reaped by wait4; std must not wait for it again.
    std::mem::forget(child);
    (elapsed, cpu, kb, status == 0)
}

/// Waits for one child and returns its exit status (or -1 when killed), its CPU time
/// and its own peak RSS.
fn wait4(pid: libc::pid_t) -> (i32, Duration, i64) {
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data that wait4 fills in; pid is our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: valid pointers to locals for the duration of the call.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        assert_eq!(err.kind(), std::io::ErrorKind::Interrupted, "wait4 failed: {err}");
    }
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
    let time = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    (code, time(usage.ru_utime) + time(usage.ru_stime), usage.ru_maxrss)
}

fn fail(case: &Case, stderr_path: &Path) -> ! {
    let err = fs::read_to_string(stderr_path).unwrap_or_default();
    eprintln!("bench: `{}` failed:\n{err}", case.label);
    std::process::exit(1);
}

/// Gives `master` the cache `bin` leaves after a save (which also records where each
/// record sits in the JSON), by adding someone to a copy at `data` and removing them
/// again: the JSON comes back byte for byte.
fn warm_up(bin: &Path, master: &Path, data: &Path) {
    let _ = fs::remove_file(cache::path_for(master));
    fresh_copy(master, data);
    for args in [&["add-contact", "Bench Warm-Up"][..], &["remove", "Bench Warm-Up", "--yes"][..]] {
        let status = Command::new(bin)
            .args(args)
            .env("JEJARING_DATA", data)
            .env("JEJARING_NOW", NOW)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run jejaring");
        assert!(status.success(), "{} {args:?} failed", bin.display());
    }
    assert!(same_bytes(data, master), "the warm-up changed the network");
    fs::copy(cache::path_for(data), cache::path_for(master)).expect("keep the cache");
}

fn prepare(case: &Case) {
    match case.prep {
        Prep::Nothing => {}
        Prep::FreshCopy => fresh_copy(&case.master, &case.file),
        Prep::NoCache => {
            let _ = fs::remove_file(cache::path_for(&case.file));
        }
    }
}

/// Puts a fresh copy of the master file (and its cache, when it has one) in place, on
/// disk (fsynced) so the measured command's own fsync does not pay for it, and empties
/// the backup folder.
fn fresh_copy(master: &Path, data: &Path) {
    let _ = fs::remove_dir_all(backup::folder(data));
    for (from, to) in [(master.to_path_buf(), data.to_path_buf()), (cache::path_for(master), cache::path_for(data))] {
        if !from.exists() {
            continue;
        }
        let tmp = to.with_extension("copying");
        fs::copy(&from, &tmp).expect("copy the network");
        File::open(&tmp).and_then(|f| f.sync_all()).expect("fsync the copy");
        fs::rename(&tmp, &to).expect("put the copy in place");
    }
}

/// Whether two files hold the same bytes, read a piece at a time: holding them whole
/// would raise this process's memory high-water mark, which its children inherit (see
/// `pick_name`).
fn same_bytes(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(mut a), Ok(mut b)) = (File::open(a), File::open(b)) else { return false };
    let (mut x, mut y) = (vec![0; 1 << 20], vec![0; 1 << 20]);
    loop {
        let n = a.read(&mut x).expect("read a file");
        if n == 0 {
            return b.read(&mut y).expect("read a file") == 0;
        }
        if b.read_exact(&mut y[..n]).is_err() || x[..n] != y[..n] {
            return false;
        }
    }
}

/// A name for `show` and `log`: a full name that only one contact has, from the middle
/// of the file, written as the user would type it.
///
/// Found by a child process (this program with `--pick-name FILE`): a child started by
/// this process inherits its memory high-water mark, so the bench itself must never
/// hold a big file, or every measured command would report at least that much.
fn pick_name(master: &Path) -> String {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe).arg("--pick-name").arg(master).output().expect("run --pick-name");
    assert!(out.status.success(), "--pick-name failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 name").trim().to_string()
}

fn pick_name_child(master: &Path) -> String {
    #[derive(serde::Deserialize)]
    struct Doc {
        contacts: Vec<Named>,
    }
    #[derive(serde::Deserialize)]
    struct Named {
        name: String,
    }
    let file = std::io::BufReader::new(File::open(master).expect("open the network"));
    let doc: Doc = serde_json::from_reader(file).expect("the generated file parses");
    let mut counts = std::collections::HashMap::new();
    for c in &doc.contacts {
        *counts.entry(c.name.to_lowercase()).or_insert(0) += 1;
    }
    doc.contacts
        .iter()
        .skip(doc.contacts.len() / 2)
        .map(|c| c.name.as_str())
        .find(|n| n.split_whitespace().count() >= 2 && counts[&n.to_lowercase()] == 1)
        .expect("a unique name")
        .to_string()
}

/// `path NAME` and `who-knows ORG` on a network of `size` contacts and
/// `GRAPH_INTERACTIONS` interactions (the measured build only: a baseline may predate
/// them). The graph is built from the data at every run; nothing is cached.
fn graph_cases(bins: &Bins, work: &Path, size: usize, args: &Args) -> Vec<Case> {
    let own = work.join("graph");
    fs::create_dir_all(&own).expect("work folder");
    let (master, data) = (own.join("master.json"), own.join("jejaring.json"));
    let status = Command::new(&bins.gen_network)
        .args(["--contacts", &size.to_string(), "--seed", &args.seed.to_string(), "--now", NOW])
        .args(["--interactions", &GRAPH_INTERACTIONS.to_string(), "--out"])
        .arg(&master)
        .stderr(Stdio::null())
        .status()
        .expect("run gen_network");
    assert!(status.success(), "gen_network failed");
    let bytes = fs::metadata(&master).expect("generated file").len();
    warm_up(&bins.jejaring, &master, &data);
    let name = pick_name(&master);
    eprintln!("{size} contacts, {GRAPH_INTERACTIONS} interactions: {:.1} MB; path uses {name:?}", bytes as f64 / 1e6);
    let case = |label: String, a: &[&str]| Case {
        label,
        program: bins.jejaring.clone(),
        args: a.iter().map(|s| s.to_string()).collect(),
        kind: CaseKind::Graph,
        prep: Prep::Nothing,
        file: data.clone(),
        master: master.clone(),
        bytes,
        samples: Vec::new(),
        cpu: Vec::new(),
        peak_kb: 0,
    };
    vec![
        case(format!("path NAME ({GRAPH_INTERACTIONS} interactions)"), &["path", &name]),
        case(format!("who-knows \"{GRAPH_ORG}\" ({GRAPH_INTERACTIONS} interactions)"), &["who-knows", GRAPH_ORG]),
    ]
}

fn median(samples: &[Duration]) -> Duration {
    let mut v = samples.to_vec();
    v.sort();
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2 }
}

/// The targets from the foundation issue, as a verdict for one row.
fn verdict(r: &Row) -> (String, &'static str) {
    let mem_ratio = r.peak_kb as f64 * 1024.0 / r.file_bytes as f64;
    let mut checks: Vec<(String, bool)> = Vec::new();
    let is_command = matches!(r.kind, CaseKind::Read | CaseKind::Write);
    if r.kind == CaseKind::Import {
        checks.push(("< 10 s".into(), r.median_ms < 10_000.0));
    }
    if r.kind == CaseKind::Graph {
        checks.push(("< 100 ms".into(), r.median_ms < 100.0));
        checks.push(("mem < 4×".into(), mem_ratio < 4.0));
    }
    if is_command {
        if r.size == 10_000 {
            let limit = if r.kind == CaseKind::Read { 40.0 } else { 80.0 };
            checks.push((format!("≤ {limit:.0} ms"), r.median_ms <= limit));
            checks.push(("≤ 1.5× floor".into(), r.floor_ratio.is_some_and(|x| x <= 1.5)));
        }
        if r.size >= 100_000 {
            checks.push(("< 500 ms".into(), r.median_ms < 500.0));
        }
        // Below ~10,000 contacts the process's fixed few MB outweigh the file.
        if r.size >= 10_000 {
            checks.push(("mem < 4×".into(), mem_ratio < 4.0));
        }
    }
    if checks.is_empty() {
        return (String::from("—"), "");
    }
    let target = checks.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(", ");
    let ok = checks.iter().all(|(_, ok)| *ok);
    let failed: Vec<&str> = checks.iter().filter(|(_, ok)| !ok).map(|(t, _)| t.as_str()).collect();
    if ok { (target, "pass") } else { (format!("{target} (missed: {})", failed.join(", ")), "FAIL") }
}

fn table(rows: &[Row]) -> String {
    let mut s = String::from(
        "| contacts | file MB | command | median ms | × floor | CPU ms | peak RSS MB | × file | target | result |\n\
         |---:|---:|---|---:|---:|---:|---:|---:|---|---|\n",
    );
    for r in rows {
        let (target, result) = verdict(r);
        // A floor is 1.00 against itself; an import, a peer, or a row on the bigger
        // knows-whom network has no floor to compare with.
        let ratio = match (r.floor_ratio, r.kind) {
            (Some(x), _) => format!("{x:.2}"),
            (None, CaseKind::Import | CaseKind::Graph | CaseKind::Peer) => "—".into(),
            (None, _) => "1.00".into(),
        };
        let mb = r.file_bytes as f64 / 1e6;
        let rss = r.peak_kb as f64 * 1024.0 / 1e6;
        s.push_str(&format!(
            "| {} | {:.1} | {} | {:.1} | {} | {:.0} | {:.1} | {:.2} | {} | {} |\n",
            r.size,
            mb,
            r.label,
            r.median_ms,
            ratio,
            r.cpu_ms,
            rss,
            rss / mb,
            target,
            result
        ));
    }
    s
}

/// The baseline build's rows next to the measured build's: medians, CPU and peak
/// memory, and how much slower or faster the measured build is.
fn comparison(rows: &[Row]) -> String {
    let mut s = String::from(
        "| contacts | command | before ms | after ms | change | before CPU ms | after CPU ms | before peak MB (× file) | after peak MB (× file) |\n\
         |---:|---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mb = |r: &Row| r.peak_kb as f64 * 1024.0 / 1e6;
    for before in rows.iter().filter(|r| r.label.starts_with(BASELINE)) {
        let label = &before.label[BASELINE.len()..];
        let Some(after) = rows.iter().find(|r| r.size == before.size && r.label == label) else { continue };
        let file_mb = before.file_bytes as f64 / 1e6;
        s.push_str(&format!(
            "| {} | {} | {:.1} | {:.1} | {:+.1}% | {:.0} | {:.0} | {:.1} ({:.2}) | {:.1} ({:.2}) |\n",
            before.size,
            label,
            before.median_ms,
            after.median_ms,
            (after.median_ms / before.median_ms - 1.0) * 100.0,
            before.cpu_ms,
            after.cpu_ms,
            mb(before),
            mb(before) / file_mb,
            mb(after),
            mb(after) / file_mb,
        ));
    }
    s
}

/// Warns when the binary is older than the sources, so stale figures are not mistaken
/// for the current code.
fn warn_if_stale(bin: &Path, src: &Path) {
    let Ok(built) = fs::metadata(bin).and_then(|m| m.modified()) else { return };
    let mut newest = std::time::SystemTime::UNIX_EPOCH;
    let mut stack = vec![src.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(m) = e.metadata().and_then(|m| m.modified()) {
                newest = newest.max(m);
            }
        }
    }
    if newest > built {
        eprintln!(
            "bench: warning: {} is older than src/; run `cargo build --release --bins --examples`",
            bin.display()
        );
    }
}

fn machine() -> String {
    let cpus = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let model = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let load = fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    format!("{cpus} cores ({model}), load average {load}")
}
