//! `cargo xtask <command>`: the one place for the course's tooling.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Instant, SystemTime};

use clap::{Parser, Subcommand};
use xtask::outputs::{Blessed, RUN_LIMIT, bless, select_listings};
use xtask::site::{
    LISTINGS_ARCHIVE, SiteArgs, SiteOptions, build_site, write_served_archive,
};
use xtask::{cargo, install_tools, mdbook, root};

/// The course's tooling. Commands that need them first install the pinned
/// mdBook tools into .tools/ (never globally).
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", verbatim_doc_comment)]
struct Cli {
    #[command(subcommand)]
    command: Task,
}

// Each command's first line is its summary in the list of commands; the
// rest is added to its own --help. Kept verbatim: clap would not wrap it.
#[derive(Debug, Subcommand)]
enum Task {
    /// Serve the book at http://localhost:3000, rebuilt on every edit
    ///
    /// It serves listings.tar.gz too, written into src/ (git-ignored) as it
    /// starts: restart it to refresh the archive after editing a listing.
    #[command(verbatim_doc_comment)]
    Serve(ServeOptions),
    /// Build the site to host, in one folder (default target/site)
    ///
    /// The folder holds the book, its 404 page and listings.tar.gz (the
    /// listings, with their crates.io dependencies vendored); copy it to
    /// any static host.
    #[command(verbatim_doc_comment)]
    Site(SiteOptions),
    /// Run every test: format, lints, listings, contract, browser
    ///
    /// What CI runs (.ci/run). The browser tests need Node.js 20 or later
    /// with npm, and Chromium at /usr/bin/chromium.
    #[command(verbatim_doc_comment)]
    Test,
    /// Fast loop for authors: every test but clippy and the browser's
    ///
    /// Runs `cargo fmt --check`, builds every binary, then
    /// `cargo test --workspace` (the listings' tests and the contract).
    #[command(verbatim_doc_comment)]
    Check,
    /// Record the listings' output files anew, from their first lines
    ///
    /// Builds the listings, then runs each output file's first line,
    /// `$ cargo run -p NAME [--bin BIN] [-- ARGS]`, and writes what it
    /// prints (stdout and stderr, merged) below that line.
    #[command(verbatim_doc_comment)]
    Bless {
        /// Listings to record, by package name [default: every listing]
        #[arg(value_name = "LISTING")]
        listings: Vec<String>,
        /// Record new numbers in measurements (sample-*.txt) too
        ///
        /// Without it, a measurement keeps its numbers, which the prose
        /// may quote, unless its text changed, numbers aside.
        #[arg(long, verbatim_doc_comment)]
        remeasure: bool,
    },
    /// Run only the browser tests (tests/browser)
    TestBrowser,
    /// Measure the bytes each page of the book transfers
    ///
    /// Against mdBook's default theme; writes tests/browser/weight-results.md.
    #[command(verbatim_doc_comment)]
    BenchWeight,
    /// Install the pinned mdBook tools into .tools/
    Tools,
}

/// `mdbook serve`'s options that authors use; any other goes after `--`.
#[derive(Debug, clap::Args)]
struct ServeOptions {
    /// Open the book in the default web browser
    #[arg(short, long)]
    open: bool,
    /// The port to serve on
    #[arg(short, long, default_value_t = 3000)]
    port: u16,
    /// The host name to listen on
    #[arg(short = 'n', long, default_value = "localhost")]
    hostname: String,
    /// More arguments for `mdbook serve`
    #[arg(last = true, value_name = "MDBOOK_ARGS")]
    more: Vec<String>,
}

/// Where the browser tests live: a small node project.
const BROWSER: &str = "tests/browser";

/// The sub-path the browser tests serve the book under, the way instructors
/// host it; `tests/browser/lib/server.mjs` serves it there.
const SITE_URL: &str = "/course/";

fn main() -> ExitCode {
    let root = root();
    let result = match Cli::parse().command {
        Task::Serve(options) => install().and_then(|()| serve(&root, &options)),
        Task::Site(options) => {
            let args = options.resolve(&target_dir(&root).join("site"));
            install().and_then(|()| site(&root, &args).map(drop))
        }
        Task::Test => install().and_then(|()| test(&root)),
        Task::Check => install().and_then(|()| check(&root)),
        Task::Bless {
            listings,
            remeasure,
        } => bless_listings(&root, &listings, remeasure),
        Task::TestBrowser => install().and_then(|()| browser_tests(&root)),
        Task::BenchWeight => install().and_then(|()| bench_weight(&root)),
        Task::Tools => install(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn install() -> Result<(), String> {
    install_tools().map_err(|error| format!("cannot install tools: {error}"))
}

/// `mdbook serve`, after writing the listings archive where the served book
/// finds it (see `SERVED_ARCHIVE`).
fn serve(root: &Path, options: &ServeOptions) -> Result<(), String> {
    let archive = write_served_archive(root)
        .map_err(|error| format!("cannot write {LISTINGS_ARCHIVE}: {error}"))?;
    eprintln!("xtask: wrote {} for the served book", archive.display());
    let mut serve = mdbook(root);
    serve
        .args(["serve", "--port", &options.port.to_string()])
        .args(["--hostname", &options.hostname]);
    if options.open {
        serve.arg("--open");
    }
    serve.args(&options.more);
    run(&mut serve)
}

/// Builds the site into one folder, from scratch.
fn site(root: &Path, args: &SiteArgs) -> Result<String, String> {
    let _ = fs::remove_dir_all(&args.dest);
    let log = build_site(root, &args.dest, &args.site_url)?;
    eprint!("{log}");
    eprintln!(
        "xtask: the site for {} is in {} (the book, and {LISTINGS_ARCHIVE}): \
         copy that folder to your host",
        args.site_url,
        args.dest.display()
    );
    Ok(log)
}

const FMT: &[&str] = &["fmt", "--all", "--check"];
const CLIPPY: &[&str] = &[
    "clippy",
    "--locked",
    "--workspace",
    "--all-targets",
    "--",
    "-D",
    "warnings",
];
/// Every binary, so that a listing that does not compile fails here, in
/// cargo's words, and the output check's own build finds nothing to do.
const BUILD: &[&str] = &["build", "--locked", "--workspace", "--bins"];

/// Every check CI runs, cheapest first, so a slip fails fast. The browser
/// tests keep Chromium busy while `cargo test` mostly waits on listings
/// that sleep, so the two run side by side; the browser tests' report is
/// printed once both are done.
fn test(root: &Path) -> Result<(), String> {
    let started = Instant::now();
    // The tests are built too, so that no compiler competes with Chromium
    // for the cores while the browser tests run against their time limits.
    for step in [
        FMT,
        CLIPPY,
        BUILD,
        &["test", "--locked", "--workspace", "--no-run"],
    ] {
        run(Command::new(cargo()).current_dir(root).args(step))?;
    }
    // Before `cargo test` starts: two mdBook builds of one tree at once
    // would both rewrite src/quiz/ (mdbook-quiz copies its scripts there).
    let mut browser = browser_command(root)?;
    let log_path = target_dir(root).join("browser/report.txt");
    let log = fs::File::create(&log_path)
        .map_err(|e| format!("cannot write {}: {e}", log_path.display()))?;
    let mut report = browser
        .stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log)
        .spawn()
        .map_err(|error| format!("cannot start {browser:?}: {error}"))?;
    eprintln!("xtask: browser tests started; their report follows cargo test's");
    // The contract tests check the same build of the site (tests/contract.rs).
    let cargo_test = test_workspace_side_by_side(
        root,
        &SideBySide::BESIDE_THE_BROWSER,
        &[
            ("COURSE_SITE_DIR", browser_site(root)),
            ("COURSE_SITE_LOG", browser_site_log(root)),
        ],
    );
    let browser_status = report.wait().map_err(|e| e.to_string())?;
    eprint!("{}", fs::read_to_string(&log_path).unwrap_or_default());
    eprintln!(
        "xtask: every test took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    cargo_test?;
    if browser_status.success() {
        Ok(())
    } else {
        Err(format!("{browser:?} failed ({browser_status})"))
    }
}

/// `cargo xtask check`: what `test` runs but clippy and the browser tests.
/// The contract tests then build the site themselves.
fn check(root: &Path) -> Result<(), String> {
    let started = Instant::now();
    for step in [FMT, BUILD] {
        run(Command::new(cargo()).current_dir(root).args(step))?;
    }
    let tests = test_workspace_side_by_side(root, &SideBySide::ALL, &[]);
    eprintln!(
        "xtask: the checks took {:.1} s (`cargo xtask test` runs clippy and \
         the browser tests too)",
        started.elapsed().as_secs_f64()
    );
    tests
}

/// How many test binaries run at once, and how many tests at once in each.
struct SideBySide {
    binaries: usize,
    /// `None`: the test harness's default, one per core.
    threads: Option<usize>,
}

impl SideBySide {
    /// `check`: every binary at once, eight tests at once in each (most of
    /// them wait on mdBook, cargo or a listing that sleeps).
    const ALL: SideBySide = SideBySide {
        binaries: usize::MAX,
        threads: Some(8),
    };
    /// `test`: beside the browser tests, which need the cores in time, two
    /// binaries at once, enough to overlap the listings' sleeps (with three,
    /// listings paced in real time were woken late more often).
    const BESIDE_THE_BROWSER: SideBySide = SideBySide {
        binaries: 2,
        threads: None,
    };
}

/// A test binary's label, and how its run went.
type Outcome = (String, Result<Output, String>);

/// One test binary that `cargo test` would run.
struct TestBinary {
    label: String,
    executable: PathBuf,
    package_dir: PathBuf,
}

/// `cargo test --workspace`, but with the test binaries (and the doc
/// tests) running side by side instead of one after the other, as many at
/// once as `side_by_side` says, the course's own tests (the longest) first:
/// most of their time is spent waiting for listings that sleep. `envs` are
/// set for every binary.
fn test_workspace_side_by_side(
    root: &Path,
    side_by_side: &SideBySide,
    envs: &[(&str, PathBuf)],
) -> Result<(), String> {
    let mut build = Command::new(cargo());
    build.current_dir(root).args([
        "test",
        "--locked",
        "--workspace",
        "--no-run",
        "--message-format=json-render-diagnostics",
    ]);
    let built = build
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| format!("cannot start {build:?}: {error}"))?;
    if !built.status.success() {
        return Err(format!("{build:?} failed ({})", built.status));
    }
    let mut binaries = test_binaries(root, &String::from_utf8_lossy(&built.stdout));
    binaries.sort_by_key(|binary| !binary.package_dir.ends_with("tests"));
    let command = |job: usize| -> (String, Command) {
        let Some(binary) = binaries.get(job) else {
            let mut doc = Command::new(cargo());
            doc.current_dir(root).args([
                "test",
                "--locked",
                "--workspace",
                "--doc",
                "--quiet",
            ]);
            return ("doc tests".into(), doc);
        };
        // As cargo runs it: in its package's folder.
        let mut test = Command::new(&binary.executable);
        test.current_dir(&binary.package_dir).arg("--quiet");
        if let Some(threads) = side_by_side.threads
            && env::var_os("RUST_TEST_THREADS").is_none()
        {
            test.arg(format!("--test-threads={threads}"));
        }
        (binary.label.clone(), test)
    };
    let jobs = binaries.len() + 1;
    let next = AtomicUsize::new(0);
    let outcomes: Mutex<Vec<(usize, Outcome)>> = Mutex::default();
    thread::scope(|scope| {
        for _ in 0..side_by_side.binaries.min(jobs) {
            scope.spawn(|| {
                loop {
                    let job = next.fetch_add(1, Ordering::Relaxed);
                    if job >= jobs {
                        break;
                    }
                    let (label, mut test) = command(job);
                    test.envs(envs.iter().map(|(key, value)| (key, value)));
                    let outcome = output_of(&mut test);
                    outcomes.lock().unwrap().push((job, (label, outcome)));
                }
            });
        }
    });
    let mut outcomes = outcomes.into_inner().unwrap();
    outcomes.sort_by_key(|(job, ..)| *job);
    let mut failed = Vec::new();
    for (_, (label, outcome)) in outcomes {
        match outcome {
            Ok(out) if out.status.success() => {
                let stdout = String::from_utf8_lossy(&out.stdout);
                let results =
                    stdout.lines().filter(|l| l.starts_with("test result"));
                for result in results {
                    eprintln!("{label}: {result}");
                }
            }
            Ok(out) => {
                eprintln!("---- {label} failed ({}):", out.status);
                eprint!("{}", String::from_utf8_lossy(&out.stdout));
                eprint!("{}", String::from_utf8_lossy(&out.stderr));
                failed.push(label);
            }
            Err(error) => {
                eprintln!("---- {label}: {error}");
                failed.push(label);
            }
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("tests failed: {}", failed.join(", ")))
    }
}

/// The test binaries in cargo's JSON messages, labelled by package folder
/// and target.
fn test_binaries(root: &Path, messages: &str) -> Vec<TestBinary> {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["profile"]["test"] == true)
        .filter_map(|message| {
            let executable = PathBuf::from(message["executable"].as_str()?);
            let manifest = Path::new(message["manifest_path"].as_str()?);
            let package_dir = manifest.parent()?.to_path_buf();
            let folder = package_dir.strip_prefix(root).unwrap_or(&package_dir);
            let target = message["target"]["name"].as_str()?;
            let label = format!("{} ({target})", folder.display());
            Some(TestBinary {
                label,
                executable,
                package_dir,
            })
        })
        .collect()
}

fn output_of(command: &mut Command) -> Result<Output, String> {
    command
        .output()
        .map_err(|error| format!("cannot start {command:?}: {error}"))
}

/// `cargo xtask bless`: records the output files of the listings named, or
/// of every listing, and says what changed.
fn bless_listings(
    root: &Path,
    names: &[String],
    remeasure: bool,
) -> Result<(), String> {
    let dirs = select_listings(root, names)?;
    let outcomes = bless(root, &target_dir(root), &dirs, RUN_LIMIT, remeasure)?;
    let mut failed = 0;
    for (file, outcome) in &outcomes {
        let file = file.strip_prefix(root).unwrap_or(file).display();
        match outcome {
            Ok(Blessed::Rewritten) => eprintln!("xtask: rewrote {file}"),
            Ok(Blessed::Unchanged) => eprintln!("xtask: unchanged {file}"),
            Ok(Blessed::MeasurementKept) => eprintln!(
                "xtask: kept {file}: a measurement, the same numbers aside \
                 (--remeasure records new ones)"
            ),
            Err(error) => {
                failed += 1;
                eprintln!("xtask: {file}: {error}");
            }
        }
    }
    match (outcomes.len(), failed) {
        (0, _) => Err("no output file to record in the listings named".into()),
        (_, 0) => Ok(()),
        (_, failed) => Err(format!("{failed} output file(s) not recorded")),
    }
}

/// Where cargo builds, and so where the browser tests' book goes.
fn target_dir(root: &Path) -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), PathBuf::from)
}

/// The book in Chromium: see tests/browser/README.md. Never skipped: without
/// Chromium, node or npm, this fails and says what to install.
fn browser_tests(root: &Path) -> Result<(), String> {
    let started = Instant::now();
    run(&mut browser_command(root)?)?;
    eprintln!(
        "xtask: browser tests (with the site's build) took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The site the browser tests check, and mdBook's log of its build.
fn browser_site(root: &Path) -> PathBuf {
    target_dir(root).join("browser/book")
}

fn browser_site_log(root: &Path) -> PathBuf {
    target_dir(root).join("browser/book-build.log")
}

/// Installs the browser tests' packages and builds the site they test (as
/// instructors host it, under a sub-path); returns the command that runs
/// them: run.mjs starts one Chromium for all the test files.
fn browser_command(root: &Path) -> Result<Command, String> {
    let dir = root.join(BROWSER);
    npm_ci(&dir)?;
    let book = SiteArgs {
        site_url: SITE_URL.into(),
        dest: browser_site(root),
    };
    let log = site(root, &book)?;
    fs::write(browser_site_log(root), log).map_err(|e| e.to_string())?;
    let mut node = Command::new("node");
    node.current_dir(&dir)
        .arg("run.mjs")
        .env("COURSE_BOOK_DIR", &book.dest);
    Ok(node)
}

/// `cargo xtask bench-weight`: tests/browser/weight.mjs builds the book twice
/// (ours, and with mdBook's default theme) and loads every page uncached.
fn bench_weight(root: &Path) -> Result<(), String> {
    let dir = root.join(BROWSER);
    npm_ci(&dir)?;
    run(Command::new("node")
        .current_dir(&dir)
        .arg("weight.mjs")
        .env("COURSE_WEIGHT_DIR", target_dir(root).join("browser/weight")))
}

/// Installs the pinned browser-test packages (package-lock.json) unless
/// node_modules already holds them.
fn npm_ci(dir: &Path) -> Result<(), String> {
    let modified =
        |path: PathBuf| fs::metadata(path).and_then(|m| m.modified()).ok();
    let lock: Option<SystemTime> = modified(dir.join("package-lock.json"));
    let installed = modified(dir.join("node_modules/.package-lock.json"));
    if installed.is_some() && installed >= lock {
        return Ok(());
    }
    let mut npm = Command::new("npm");
    npm.current_dir(dir).args(["ci", "--no-audit", "--no-fund"]);
    match npm.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("{npm:?} failed ({status})")),
        Err(error) => Err(format!(
            "cannot run npm ({error}): the browser tests need Node.js 20 or later \
             with npm (Debian: `apt-get install -y nodejs npm`)"
        )),
    }
}

fn run(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot start {command:?}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed ({status})"))
    }
}
