//! The output files beside the listings, and the one way to run a listing:
//! `cargo xtask bless` records what listings print with it, and the contract
//! tests check the recordings with it, so both run listings alike.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::LazyLock;
use std::thread;
use std::time::{Duration, Instant};

use regex::Regex;

use crate::cargo;

/// Longer than any listing runs with the flags its output file gives.
pub const RUN_LIMIT: Duration = Duration::from_secs(120);

/// Whether a file beside a listing holds a recorded run: `output.txt`,
/// `output-NAME.txt`, or either with a `sample-` prefix (a measurement).
pub fn is_output_file(name: &str) -> bool {
    let stem = name.strip_suffix(".txt").unwrap_or_default();
    let stem = stem.strip_prefix("sample-").unwrap_or(stem);
    stem == "output" || stem.starts_with("output-")
}

/// Whether an output file holds a measurement (`sample-...`), whose
/// numbers change from run to run.
pub fn is_measurement(file: &Path) -> bool {
    file.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with("sample-"))
}

/// Whether `printed` is what the output `file` shows as `expected`: all of
/// it, or all but the numbers for a measurement.
pub fn shows(file: &Path, expected: &str, printed: &str) -> bool {
    if is_measurement(file) {
        mask_numbers(expected) == mask_numbers(printed)
    } else {
        expected == printed
    }
}

/// A measurement's text with each number as `#` and spacing folded, so
/// that only the numbers may change from run to run.
pub fn mask_numbers(text: &str) -> String {
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d+(\.\d+)?(e[-+]?\d+)?").unwrap());
    NUMBER
        .replace_all(text, "#")
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every listing crate: each folder below `listings/` with a `Cargo.toml`,
/// at any depth, so that a misplaced one is found too. Sorted.
pub fn listing_dirs(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![root.join("listings")];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                pending.push(path);
            } else if path.file_name().is_some_and(|name| name == "Cargo.toml") {
                found.push(dir.clone());
            }
        }
    }
    found.sort();
    found
}

/// The output files beside a listing, sorted.
pub fn outputs_of(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| is_output_file(&path.file_name().unwrap().to_string_lossy()))
        .collect();
    files.sort();
    files
}

/// The run an output file records in its first line:
/// `$ cargo run -p NAME [--bin BIN] [-- ARGS...]`.
#[derive(Debug, PartialEq, Eq)]
pub struct Recorded {
    /// The first line, as written.
    pub command: String,
    pub package: String,
    pub bin: String,
    pub args: Vec<String>,
    /// The rest of the file: what the run printed.
    pub expected: String,
}

pub fn parse_output_file(text: &str) -> Result<Recorded, String> {
    let (command, expected) = text.split_once('\n').unwrap_or((text, ""));
    let usage = "the first line must be `$ cargo run -p NAME [--bin BIN] [-- ARGS]`";
    let words: Vec<&str> = command.split_whitespace().collect();
    let (cargo, args) = match words.iter().position(|word| *word == "--") {
        Some(split) => (&words[..split], &words[split + 1..]),
        None => (&words[..], &[][..]),
    };
    let (package, bin) = match cargo {
        ["$", "cargo", "run", "-p", package] => (package, package),
        ["$", "cargo", "run", "-p", package, "--bin", bin] => (package, bin),
        _ => return Err(usage.into()),
    };
    Ok(Recorded {
        command: command.to_string(),
        package: package.to_string(),
        bin: bin.to_string(),
        args: args.iter().map(ToString::to_string).collect(),
        expected: expected.to_string(),
    })
}

/// `cargo build --bins` of `packages` in the workspace at `root`, into
/// `target_dir`: a listing's binary is then `target_dir/debug/BIN`. Cargo
/// rebuilds only what changed, so running it before every check is cheap.
pub fn build_command(
    root: &Path,
    target_dir: &Path,
    packages: &BTreeSet<String>,
) -> Command {
    let mut build = Command::new(cargo());
    build
        .current_dir(root)
        .args(["build", "--bins", "--target-dir"])
        .arg(target_dir);
    for package in packages {
        build.args(["-p", package]);
    }
    build
}

/// Runs a listing's binary with a time limit, stdout and stderr merged as a
/// terminal shows them. It must exit with success and leave no process
/// behind: it runs in a process group of its own, and this process adopts
/// its orphans, so any process left in that group after the listing has gone
/// is a child it failed to wait for (a zombie) or to stop (an orphan).
/// Runs may overlap: each has a group of its own.
pub fn run_listing(
    bin: &Path,
    args: &[String],
    limit: Duration,
) -> Result<String, String> {
    adopt_orphans();

    let (mut reader, writer) = std::io::pipe().map_err(|e| e.to_string())?;
    let mut child = Command::new(bin)
        .args(args)
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(writer.try_clone().map_err(|e| e.to_string())?)
        .stderr(writer)
        .spawn()
        .map_err(|error| {
            format!("cannot run {} ({error}): was it built?", bin.display())
        })?;
    let group = child.id();
    let collector = thread::spawn(move || {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map(|_| bytes)
    });
    let Some(status) = wait_within(&mut child, limit)? else {
        end_group(group);
        return Err(format!("still running after {limit:?}: does it hang?"));
    };
    let leftovers = end_group(group);
    if leftovers > 0 {
        return Err(format!("left {leftovers} child process(es) behind"));
    }
    let bytes = collector.join().unwrap().map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("exited with {status}; it printed:\n{text}"));
    }
    Ok(text)
}

/// Waits for `child` to exit, for at most `limit`; then kills and reaps it
/// and returns `None`.
pub fn wait_within(
    child: &mut Child,
    limit: Duration,
) -> Result<Option<ExitStatus>, String> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            return Ok(Some(status));
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(5));
    }
}

/// Makes this process the reaper of its descendants' orphans, so a
/// listing's unreaped children stay visible as zombies instead of vanishing
/// into init. Only Linux has this, and `/proc`: elsewhere nothing is checked.
#[cfg(not(target_os = "linux"))]
fn adopt_orphans() {}

#[cfg(target_os = "linux")]
fn adopt_orphans() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: prctl with PR_SET_CHILD_SUBREAPER reads no memory of ours.
    ONCE.call_once(|| unsafe {
        assert_eq!(libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
    });
}

/// Kills and reaps what is left of process group `group`; returns how many
/// processes that was.
fn end_group(group: u32) -> usize {
    let members: Vec<(i32, bool)> = fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let stat = fs::read_to_string(entry.path().join("stat")).ok()?;
            // pid (comm) state ppid pgrp ...: comm may hold spaces.
            let (_, fields) = stat.rsplit_once(") ")?;
            let fields: Vec<&str> = fields.split_whitespace().collect();
            let pid: i32 = entry.file_name().to_str()?.parse().ok()?;
            let ours = fields.get(1)?.parse::<u32>().ok()? == std::process::id();
            (fields.get(2)?.parse::<u32>().ok()? == group).then_some((pid, ours))
        })
        .collect();
    for &(pid, ours) in &members {
        // SAFETY: plain syscalls; waitpid only on a child of this process.
        unsafe {
            libc::kill(pid, libc::SIGKILL);
            if ours {
                libc::waitpid(pid, std::ptr::null_mut(), 0);
            }
        }
    }
    members.len()
}

/// The listing crates named, by folder name; every one when none is. An
/// unknown name is an error of one line.
pub fn select_listings(
    root: &Path,
    names: &[String],
) -> Result<Vec<PathBuf>, String> {
    let dirs = listing_dirs(root);
    if names.is_empty() {
        return Ok(dirs);
    }
    let folder = |dir: &PathBuf| dir.file_name().map(|name| name.to_os_string());
    names
        .iter()
        .map(|name| {
            dirs.iter()
                .find(|dir| folder(dir).is_some_and(|folder| folder == **name))
                .cloned()
                .ok_or_else(|| {
                    format!("unknown listing `{name}` (no crate listings/*/{name})")
                })
        })
        .collect()
}

/// What `bless` did to one output file.
#[derive(Debug, PartialEq, Eq)]
pub enum Blessed {
    Rewritten,
    Unchanged,
    /// A measurement whose text, numbers aside, is unchanged: its numbers
    /// are kept, since the prose may quote them.
    MeasurementKept,
}

/// An output file, and what `bless` did to it or why it could not.
pub type BlessOutcome = (PathBuf, Result<Blessed, String>);

/// Records anew each output file of `dirs` (listing crates), from the run
/// its first line gives, after building the listings so that no stale
/// binary runs. A measurement keeps its numbers unless its text changed
/// or `remeasure` is set. One run at a time, so that no run disturbs what
/// another measures. A build that fails is an error for every file.
pub fn bless(
    root: &Path,
    target_dir: &Path,
    dirs: &[PathBuf],
    limit: Duration,
    remeasure: bool,
) -> Result<Vec<BlessOutcome>, String> {
    let mut recordings = Vec::new();
    for dir in dirs {
        for file in outputs_of(dir) {
            let recorded = fs::read_to_string(&file)
                .map_err(|e| e.to_string())
                .and_then(|text| parse_output_file(&text));
            recordings.push((file, recorded));
        }
    }
    let packages: BTreeSet<String> = recordings
        .iter()
        .filter_map(|(_, recorded)| Some(recorded.as_ref().ok()?.package.clone()))
        .collect();
    if !packages.is_empty() {
        let mut build = build_command(root, target_dir, &packages);
        let status = build
            .status()
            .map_err(|error| format!("cannot run {build:?}: {error}"))?;
        if !status.success() {
            return Err(format!("the listings do not build ({status})"));
        }
    }
    let bin_dir = target_dir.join("debug");
    let record = |file: &Path, recorded: Recorded| {
        let bin = bin_dir.join(&recorded.bin);
        let printed = run_listing(&bin, &recorded.args, limit)?;
        if printed == recorded.expected {
            return Ok(Blessed::Unchanged);
        }
        if is_measurement(file)
            && !remeasure
            && shows(file, &recorded.expected, &printed)
        {
            return Ok(Blessed::MeasurementKept);
        }
        fs::write(file, format!("{}\n{printed}", recorded.command))
            .map_err(|e| format!("cannot write it: {e}"))?;
        Ok(Blessed::Rewritten)
    };
    Ok(recordings
        .into_iter()
        .map(|(file, recorded)| {
            let outcome = recorded.and_then(|recorded| record(&file, recorded));
            (file, outcome)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_files_are_named_output_or_output_dash_maybe_as_samples() {
        for name in [
            "output.txt",
            "output-busy.txt",
            "sample-output.txt",
            "sample-output-sleeping.txt",
        ] {
            assert!(is_output_file(name), "{name}");
        }
        for name in ["outputs.txt", "output.md", "my-output.txt", "sample.txt"] {
            assert!(!is_output_file(name), "{name}");
        }
    }

    #[test]
    fn the_first_line_gives_package_bin_and_arguments() {
        let recorded = parse_output_file(
            "$ cargo run -p endless-loop --bin busy -- --seconds 3\nbusy\n",
        )
        .unwrap();
        assert_eq!(
            recorded,
            Recorded {
                command: "$ cargo run -p endless-loop --bin busy -- --seconds 3"
                    .into(),
                package: "endless-loop".into(),
                bin: "busy".into(),
                args: vec!["--seconds".into(), "3".into()],
                expected: "busy\n".into(),
            }
        );
        let plain = parse_output_file("$ cargo run -p hello\nHello\n").unwrap();
        assert_eq!((plain.bin.as_str(), plain.args.len()), ("hello", 0));
    }

    #[test]
    fn any_other_first_line_is_refused() {
        for text in [
            "",
            "cargo run -p hello\n",
            "$ cargo run hello\n",
            "$ cargo run -p hello --release\n",
        ] {
            let error = parse_output_file(text).unwrap_err();
            assert!(error.starts_with("the first line must be"), "{text:?}");
        }
    }

    #[test]
    fn a_measurement_is_shown_whatever_its_numbers() {
        let (sample, plain) =
            (Path::new("sample-output.txt"), Path::new("output.txt"));
        let shown = "wall time: 3000.0 ms\nloop turns: 56400552\n";
        let again = "wall time: 3001.2 ms\nloop turns: 9\n";
        assert!(shows(sample, shown, again));
        assert!(!shows(plain, shown, again));
        assert!(!shows(
            sample,
            shown,
            "wall time: 3001.2 s\nloop turns: 9\n"
        ));
    }

    #[test]
    fn a_run_that_overstays_its_limit_is_stopped() {
        let started = Instant::now();
        let args = ["-c".to_string(), "echo begun; sleep 30".to_string()];
        let limit = Duration::from_millis(300);
        let error = run_listing(Path::new("/bin/sh"), &args, limit).unwrap_err();
        assert!(error.starts_with("still running after 300ms"), "{error}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
