//! `cargo xtask <command>`: the one place for the course's tooling.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Instant, SystemTime};

use xtask::site::{LISTINGS_ARCHIVE, SiteArgs, build_site};
use xtask::{cargo, install_tools, mdbook, root};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [ARGS]  serve the book at http://localhost:3000 with live reload
                (ARGS go to `mdbook serve`, e.g. --open)
  site [--site-url PATH] [--dest-dir DIR]
                build the site to host: the book and the listings archive,
                in one folder (default target/site) to copy to any static
                host; PATH is where it will be served, such as /course/
                (default /)
  test          run every test: format, lints, listings, book contract,
                and the book in a real browser (Chromium)
  test-browser  run only the browser tests (tests/browser)
  bench-weight  measure the bytes each page of the book transfers, against
                mdBook's default theme (writes tests/browser/weight-results.md)
  tools         install the pinned mdBook tools into .tools/";

/// Where the browser tests live: a small node project.
const BROWSER: &str = "tests/browser";

/// The sub-path the browser tests serve the book under, the way instructors
/// host it; `tests/browser/lib/server.mjs` serves it there.
const SITE_URL: &str = "/course/";

fn main() -> ExitCode {
    let mut args = env::args().skip(1);
    let command = args.next();
    let rest: Vec<String> = args.collect();
    let root = root();
    let result = match command.as_deref() {
        Some("serve") => install().and_then(|()| serve(&root, &rest)),
        Some("site") => {
            match SiteArgs::parse(&rest, &target_dir(&root).join("site")) {
                Ok(args) => install().and_then(|()| site(&root, &args).map(drop)),
                Err(message) => Err(format!("{message}\n\n{USAGE}")),
            }
        }
        Some("test") if rest.is_empty() => install().and_then(|()| test(&root)),
        Some("test-browser") if rest.is_empty() => {
            install().and_then(|()| browser_tests(&root))
        }
        Some("bench-weight") if rest.is_empty() => {
            install().and_then(|()| bench_weight(&root))
        }
        Some("tools") if rest.is_empty() => install(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
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

fn serve(root: &Path, args: &[String]) -> Result<(), String> {
    let mut serve = mdbook(root);
    serve.args(["serve", "--port", "3000"]).args(args);
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

/// Every check CI runs, cheapest first, so a slip fails fast. The browser
/// tests keep Chromium busy while `cargo test` mostly waits on listings
/// that sleep, so the two run side by side; the browser tests' report is
/// printed once both are done.
fn test(root: &Path) -> Result<(), String> {
    let started = Instant::now();
    let steps: [&[&str]; 4] = [
        &["fmt", "--all", "--check"],
        &[
            "clippy",
            "--locked",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        // The contract tests run the listings' binaries: build them all first.
        &["build", "--locked", "--workspace", "--bins"],
        // And the tests, so that no compiler competes with Chromium for
        // the cores while the browser tests run against their time limits.
        &["test", "--locked", "--workspace", "--no-run"],
    ];
    for step in steps {
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
    let cargo_test = run(Command::new(cargo())
        .current_dir(root)
        .args(["test", "--locked", "--workspace"])
        .env("COURSE_SITE_DIR", browser_site(root))
        .env("COURSE_SITE_LOG", browser_site_log(root)));
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
