//! The listing crates: that the book shows each one, that each is built, and
//! that the output the book shows is what it prints.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{LazyLock, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use regex::Regex;

use crate::markdown::{includes, is_output_file, shown};
use crate::{Problem, files_below, relative};

/// Longer than any listing runs with the flags its output file gives.
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// Every listing crate: `listings/<chapter>/<listing>/`.
pub fn listing_dirs(root: &Path) -> Vec<PathBuf> {
    files_below(&root.join("listings"), "Cargo.toml")
        .into_iter()
        .filter_map(|manifest| manifest.parent().map(Path::to_path_buf))
        .collect()
}

/// The folders of the cargo workspace's members.
pub fn workspace_members(root: &Path) -> Result<BTreeSet<PathBuf>, String> {
    let out = Command::new(xtask::cargo())
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(root)
        .output()
        .map_err(|error| format!("cargo metadata: {error}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|error| error.to_string())?;
    Ok(json["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|package| package["manifest_path"].as_str())
        .filter_map(|manifest| Path::new(manifest).parent().map(Path::to_path_buf))
        .collect())
}

/// Each listing and each of its output files is shown by a chapter (a
/// `{{#listing}}` or `{{#output}}`, or for an exercise an include), and each
/// listing a chapter shows is a workspace member named after its folder.
pub fn check_included(root: &Path) -> Vec<Problem> {
    let included: Vec<PathBuf> = includes(root)
        .into_iter()
        .map(|i| i.target)
        .chain(shown(root).into_iter().flat_map(|shown| shown.files))
        .collect();
    let shown = |path: &Path| included.iter().any(|target| target.starts_with(path));
    let mut problems = Vec::new();
    let members = match workspace_members(root) {
        Ok(members) => members,
        Err(error) => return vec![Problem::new(Path::new("Cargo.toml"), error)],
    };
    let dirs = listing_dirs(root);
    for dir in &dirs {
        let manifest = relative(root, &dir.join("Cargo.toml"));
        if !shown(dir) {
            problems
                .push(Problem::new(&manifest, "no chapter includes this listing"));
        }
        if !members.contains(dir) {
            problems.push(Problem::new(&manifest, "not a member of the workspace"));
        }
        let folder = dir.file_name().unwrap().to_string_lossy();
        let text = fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
        let name = text.parse::<toml::Table>().ok().and_then(|manifest| {
            Some(manifest.get("package")?.get("name")?.as_str()?.to_owned())
        });
        if name.as_deref() != Some(&*folder) {
            problems.push(Problem::new(
                &manifest,
                format!("the package must be named `{folder}`, like its folder"),
            ));
        }
        for file in outputs_of(dir) {
            if !shown(&file) {
                let file = relative(root, &file);
                problems
                    .push(Problem::new(&file, "no chapter includes this output"));
            }
        }
    }
    for target in included
        .iter()
        .filter(|t| t.starts_with(root.join("listings")))
    {
        let in_listing = dirs.iter().any(|dir| target.starts_with(dir));
        if !in_listing {
            let target = relative(root, target);
            problems.push(Problem::new(
                &target,
                "included, but not in a listing crate",
            ));
        }
    }
    problems
}

/// The output files beside a listing.
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
    pub package: String,
    pub bin: String,
    pub args: Vec<String>,
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
        package: package.to_string(),
        bin: bin.to_string(),
        args: args.iter().map(ToString::to_string).collect(),
        expected: expected.to_string(),
    })
}

/// Every output file equals what its listing prints when run as it says;
/// a `sample-` file, a measurement, equals it but for the numbers.
pub fn check_outputs(root: &Path, bin_dir: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for dir in listing_dirs(root) {
        let folder = dir.file_name().unwrap().to_string_lossy().into_owned();
        for file in outputs_of(&dir) {
            let shown = relative(root, &file);
            let mut problem = |message: String| {
                problems.push(Problem::new(&shown, message));
            };
            let text = fs::read_to_string(&file).unwrap_or_default();
            let recorded = match parse_output_file(&text) {
                Ok(recorded) if recorded.package == folder => recorded,
                Ok(_) => {
                    problem(format!(
                        "records a run of another package than `{folder}`"
                    ));
                    continue;
                }
                Err(error) => {
                    problem(error);
                    continue;
                }
            };
            let run = match run_listing(&bin_dir.join(&recorded.bin), &recorded.args)
            {
                Ok(run) => run,
                Err(error) => {
                    problem(error);
                    continue;
                }
            };
            let is_sample = shown
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("sample-");
            let same = if is_sample {
                mask_numbers(&run) == mask_numbers(&recorded.expected)
            } else {
                run == recorded.expected
            };
            if !same {
                problem(format!(
                    "differs from what the listing prints{}:\n--- shown\n{}--- printed\n{}",
                    if is_sample { " (numbers aside)" } else { "" },
                    recorded.expected,
                    run
                ));
            }
        }
    }
    problems
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

/// Runs a listing's binary with a time limit, stdout and stderr merged as a
/// terminal shows them. It must exit with success and leave no process
/// behind: it runs in a process group of its own, and this process adopts
/// its orphans, so any process left in that group after the listing has gone
/// is a child it failed to wait for (a zombie) or to stop (an orphan).
pub fn run_listing(bin: &Path, args: &[String]) -> Result<String, String> {
    // One listing at a time, so that measurements do not disturb each other.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poison| poison.into_inner());
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
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            end_group(group);
            return Err(format!("still running after {RUN_LIMIT:?}"));
        }
        thread::sleep(Duration::from_millis(5));
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

/// Each listing the book says does not compile (`{{#listing ... fails=E0277}}`)
/// fails to compile, with the error code the book names; and each such
/// listing is shown as such.
pub fn check_compile_fail(root: &Path, target_dir: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut shown_failing = BTreeSet::new();
    let dirs = listing_dirs(root);
    for listing in shown(root) {
        let Some(code) = &listing.fails else {
            continue;
        };
        let Some(dir) = listing
            .files
            .first()
            .and_then(|file| dirs.iter().find(|dir| file.starts_with(dir)))
        else {
            continue; // the preprocessor fails the build and says why.
        };
        shown_failing.insert(dir.clone());
        if let Err(error) = fails_with(dir, code, target_dir) {
            problems.push(Problem::new(&relative(root, &dir.join("src")), error));
        }
    }
    for dir in dirs {
        let manifest =
            fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
        if manifest.contains("does-not-compile") && !shown_failing.contains(&dir) {
            problems.push(Problem::new(
                &relative(root, &dir.join("Cargo.toml")),
                "does not compile, but no `{{#listing ... fails=E....}}` shows it",
            ));
        }
    }
    problems
}

/// Builds the listing with its `does-not-compile` feature and checks that
/// rustc rejects it with `code`.
fn fails_with(dir: &Path, code: &str, target_dir: &Path) -> Result<(), String> {
    let out = Command::new(xtask::cargo())
        .args(["build", "--offline", "--message-format=json", "--features"])
        .arg("does-not-compile")
        .arg("--target-dir")
        .arg(target_dir)
        .current_dir(dir)
        .output()
        .map_err(|error| format!("cargo build: {error}"))?;
    if out.status.success() {
        return Err(format!(
            "the book says it fails with {code}, but it compiles"
        ));
    }
    let codes: BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|msg| msg["message"]["code"]["code"].as_str().map(String::from))
        .collect();
    if codes.contains(code) {
        Ok(())
    } else {
        Err(format!(
            "the book says it fails with {code}, but rustc reports {codes:?}"
        ))
    }
}
