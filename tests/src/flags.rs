//! The listings' command lines, checked once for all of them: each binary
//! that takes flags answers `--help` and bad input as `user_input::flags`
//! promises. The parser's own unit tests check the texts; this checks that
//! every listing really goes through it.
//!
//! Which binaries take flags comes from the tree, not from a list: every
//! binary of a listing crate that depends on `user-input`. A listing can
//! read its command line only through `std::env::args` (the listings use no
//! crates.io parser: `rand` is their one dependency), so a listing that
//! reads it without depending on `user-input` is run with `--help` too and
//! must refuse it as bad input: one that takes flags of its own is named.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::LazyLock;
use std::thread;
use std::time::Duration;

use regex::Regex;
use xtask::outputs::{build_command, wait_within};

use crate::listings::cargo_metadata;
use crate::{Problem, files_below, relative};

/// Longer than any answer to `--help` or bad input takes on a loaded
/// machine, which comes at once: a run this long ignored its flags.
pub const ANSWER_LIMIT: Duration = Duration::from_secs(20);

/// The crate whose parser every listing with flags uses.
pub const PARSER_CRATE: &str = "user-input";

/// One binary of a listing crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binary {
    pub package: String,
    pub name: String,
    /// Its `main`, for messages.
    pub source: PathBuf,
    /// Whether its crate depends on the parser.
    pub uses_parser: bool,
    /// Whether its crate's `src/` reads the command line itself.
    pub reads_args: bool,
}

/// How a finished run went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Whether Rust source reads the command line: `env::args()`,
/// `env::args_os()`, or either imported (`use std::env::{self, args}`).
pub fn reads_command_line(source: &str) -> bool {
    static READS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"env::(\{[^}]*)?\bargs(_os)?\b").unwrap());
    READS.is_match(source)
}

/// The bad command lines to try on a binary whose usage is `usage`: an
/// unknown flag, a stray word, each flag without its value (last, so it
/// cannot take the next word), and values its kind never accepts.
pub fn bad_inputs(usage: &str) -> Vec<Vec<String>> {
    static FLAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[(--[\w-]+) ([A-Z]+)\]").unwrap());
    let first = usage.lines().next().unwrap_or_default();
    let mut bad = vec![vec!["--no-such-flag".to_owned()], vec!["extra".to_owned()]];
    for flag in FLAG.captures_iter(first) {
        let (name, kind) = (&flag[1], &flag[2]);
        bad.push(vec![name.to_owned()]);
        // Values that no flag of this kind takes: a zero-length period
        // or wait means nothing, and a count is never negative.
        let values: &[&str] = match kind {
            "SECONDS" => &["0", "-1", "soon"],
            "N" => &["-1", "1.5", "x"],
            _ => &[],
        };
        for value in values {
            bad.push(vec![name.to_owned(), (*value).to_owned()]);
        }
    }
    bad
}

/// What is wrong with `run`, the answer of `bin` to `--help` or `-h`.
pub fn judge_help(bin: &str, run: &Run) -> Option<String> {
    let usage = format!("usage: {bin} ");
    if run.code != Some(0) {
        Some(format!("exited with {:?}, not 0", run.code))
    } else if !run.stdout.starts_with(&usage) {
        Some(format!(
            "stdout does not start with {usage:?}: {:?}",
            run.stdout
        ))
    } else if !run.stderr.is_empty() {
        Some(format!("printed on stderr: {:?}", run.stderr))
    } else {
        None
    }
}

/// What is wrong with `run`, the answer to bad input.
pub fn judge_bad(run: &Run) -> Option<String> {
    if run.code != Some(2) {
        Some(format!("exited with {:?}, not 2", run.code))
    } else if run.stderr.lines().count() != 1 || !run.stderr.starts_with("error: ") {
        Some(format!(
            "stderr is not one `error: ` line: {:?}",
            run.stderr
        ))
    } else if !run.stdout.is_empty() {
        Some(format!("printed on stdout: {:?}", run.stdout))
    } else {
        None
    }
}

/// Every binary of the listing crates of the workspace at `root`.
pub fn listing_binaries(root: &Path) -> Result<Vec<Binary>, String> {
    let json = cargo_metadata(root)?;
    let listings = root.join("listings");
    let mut binaries = Vec::new();
    for package in json["packages"].as_array().into_iter().flatten() {
        let manifest =
            Path::new(package["manifest_path"].as_str().unwrap_or_default());
        let Some(dir) = manifest.parent().filter(|dir| dir.starts_with(&listings))
        else {
            continue;
        };
        // A normal dependency: a dev-dependency does not reach the binary.
        let uses_parser = package["dependencies"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|dep| dep["name"] == PARSER_CRATE && dep["kind"].is_null());
        let reads_args = files_below(&dir.join("src"), ".rs").iter().any(|file| {
            reads_command_line(&std::fs::read_to_string(file).unwrap_or_default())
        });
        for target in package["targets"].as_array().into_iter().flatten() {
            let is_bin = target["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|kind| kind == "bin"));
            // Such as `does-not-compile`: plain `cargo build` leaves it out,
            // so no reader runs it.
            let needs_features = target["required-features"]
                .as_array()
                .is_some_and(|features| !features.is_empty());
            if is_bin && !needs_features {
                let source = target["src_path"].as_str().unwrap_or_default();
                binaries.push(Binary {
                    package: package["name"].as_str().unwrap_or_default().to_owned(),
                    name: target["name"].as_str().unwrap_or_default().to_owned(),
                    source: relative(root, Path::new(source)),
                    uses_parser,
                    reads_args,
                });
            }
        }
    }
    binaries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(binaries)
}

/// Runs `bin` with `args`, stdin empty; a run longer than `limit` is killed
/// and is an error (a binary that ignores its flags runs its program).
pub fn run(bin: &Path, args: &[String], limit: Duration) -> Result<Run, String> {
    let mut child = Command::new(bin)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| {
            format!("cannot run {} ({error}): was it built?", bin.display())
        })?;
    let read = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = read(Box::new(child.stdout.take().unwrap()));
    let stderr = read(Box::new(child.stderr.take().unwrap()));
    let Some(status) = wait_within(&mut child, limit)? else {
        return Err(format!("still running after {limit:?}"));
    };
    Ok(Run {
        code: status.code(),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    })
}

/// Every listing binary that depends on the parser answers `--help` and
/// `-h` with its usage and bad input with one error line; every other one
/// that reads its command line refuses `--help` as bad input. Builds them
/// first, into `target_dir`; a run longer than `limit` fails.
pub fn check_flags(root: &Path, target_dir: &Path, limit: Duration) -> Vec<Problem> {
    let binaries = match listing_binaries(root) {
        Ok(binaries) => binaries,
        Err(error) => return vec![Problem::new(Path::new("Cargo.toml"), error)],
    };
    let checked: Vec<&Binary> = binaries
        .iter()
        .filter(|bin| bin.uses_parser || bin.reads_args)
        .collect();
    let packages = checked.iter().map(|bin| bin.package.clone()).collect();
    let mut build = build_command(root, target_dir, &packages);
    match build.arg("--quiet").output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            let log = String::from_utf8_lossy(&out.stderr);
            let message = format!("the listings do not build:\n{log}");
            return vec![Problem::new(Path::new("Cargo.toml"), message)];
        }
        Err(error) => {
            let message = format!("cannot run {build:?}: {error}");
            return vec![Problem::new(Path::new("Cargo.toml"), message)];
        }
    }
    let bin_dir = target_dir.join("debug");
    // One thread a binary: each run is short, but there are many.
    thread::scope(|scope| {
        let running: Vec<_> = checked
            .iter()
            .map(|bin| {
                scope.spawn(|| check_binary(bin, &bin_dir.join(&bin.name), limit))
            })
            .collect();
        running
            .into_iter()
            .flat_map(|run| run.join().unwrap())
            .collect()
    })
}

/// The problems of one binary, built at `path`.
fn check_binary(bin: &Binary, path: &Path, limit: Duration) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |args: &[String], error: String| {
        let line = format!("`{} {}`: {error}", bin.name, args.join(" "));
        problems.push(Problem::new(&bin.source, line));
    };
    if !bin.uses_parser {
        let args = ["--help".to_owned()];
        let wrong = run(path, &args, limit).map(|run| judge_bad(&run));
        if let Some(error) = wrong.unwrap_or_else(Some) {
            let error = format!(
                "{error}; this listing reads its command line without \
                 `user_input::flags`: parse flags with it, or refuse them all"
            );
            report(&args, error);
        }
        return problems;
    }
    let mut usage = String::new();
    for flag in ["--help", "-h"] {
        let args = [flag.to_owned()];
        match run(path, &args, limit) {
            Ok(run) => match judge_help(&bin.name, &run) {
                Some(error) => report(&args, error),
                None => usage = run.stdout,
            },
            Err(error) => report(&args, error),
        }
    }
    for args in bad_inputs(&usage) {
        let wrong = run(path, &args, limit).map(|run| judge_bad(&run));
        if let Some(error) = wrong.unwrap_or_else(Some) {
            report(&args, error);
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(code: i32, stdout: &str, stderr: &str) -> Run {
        Run {
            code: Some(code),
            stdout: stdout.to_owned(),
            stderr: stderr.to_owned(),
        }
    }

    #[test]
    fn reading_the_command_line_is_seen_however_it_is_written() {
        for source in [
            "let a: Vec<String> = env::args().skip(1).collect();",
            "for a in std::env::args_os() {}",
            "use std::env::{self, args};",
        ] {
            assert!(reads_command_line(source), "{source}");
        }
        for source in ["flags::from_env()", "env::var(\"X\")", "env::argsx"] {
            assert!(!reads_command_line(source), "{source}");
        }
    }

    #[test]
    fn bad_inputs_come_from_the_flags_of_the_usage_line() {
        let usage = "usage: race [--seed N] [--gap SECONDS] [--name WHO]\n\
                     \n  --seed N  ignored here [--not FLAG]\n";
        let bad: Vec<String> =
            bad_inputs(usage).iter().map(|a| a.join(" ")).collect();
        assert_eq!(
            bad,
            [
                "--no-such-flag",
                "extra",
                "--seed",
                "--seed -1",
                "--seed 1.5",
                "--seed x",
                "--gap",
                "--gap 0",
                "--gap -1",
                "--gap soon",
                "--name",
            ]
        );
        assert_eq!(bad_inputs("").len(), 2);
    }

    #[test]
    fn help_must_be_the_usage_on_stdout_alone_with_exit_code_0() {
        let usage = "usage: race [--seed N]\n";
        assert_eq!(judge_help("race", &run(0, usage, "")), None);
        for (wrong, says) in [
            (run(2, usage, ""), "not 0"),
            (run(0, "usage: other [--seed N]\n", ""), "does not start"),
            (run(0, "usage: racer\n", ""), "does not start"),
            (run(0, "", ""), "does not start"),
            (run(0, usage, "warning\n"), "stderr"),
        ] {
            let error = judge_help("race", &wrong).unwrap_or_default();
            assert!(error.contains(says), "{wrong:?}: {error}");
        }
    }

    #[test]
    fn bad_input_must_be_one_error_line_alone_with_exit_code_2() {
        assert_eq!(judge_bad(&run(2, "", "error: no\n")), None);
        for (wrong, says) in [
            (run(1, "", "error: no\n"), "not 2"),
            (run(0, "ran\n", ""), "not 2"),
            (run(2, "", "error: no\nmore\n"), "one `error: ` line"),
            (run(2, "", "no\n"), "one `error: ` line"),
            (run(2, "", ""), "one `error: ` line"),
            (run(2, "usage\n", "error: no\n"), "stdout"),
        ] {
            let error = judge_bad(&wrong).unwrap_or_default();
            assert!(error.contains(says), "{wrong:?}: {error}");
        }
    }
}
