//! The listing crates: that the book shows each one, that each is built, and
//! that the output the book shows is what it prints.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;
use std::thread;
use std::time::Duration;

use regex::Regex;

// How listings are found, run and compared is shared with `cargo xtask bless`.
pub use xtask::outputs::{
    Recorded, listing_dirs, outputs_of, parse_output_file, run_listing,
};
use xtask::outputs::{build_command, is_measurement, shows};

use crate::markdown::{includes, shown};
use crate::quizzes::{self, shown_by_quizzes};
use crate::{Problem, relative};

/// What `cargo metadata --no-deps` says of the workspace at `root`.
pub fn cargo_metadata(root: &Path) -> Result<serde_json::Value, String> {
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
    serde_json::from_slice(&out.stdout).map_err(|error| error.to_string())
}

/// The folders of the cargo workspace's members.
pub fn workspace_members(root: &Path) -> Result<BTreeSet<PathBuf>, String> {
    let json = cargo_metadata(root)?;
    Ok(json["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|package| package["manifest_path"].as_str())
        .filter_map(|manifest| Path::new(manifest).parent().map(Path::to_path_buf))
        .collect())
}

/// Each listing and each of its output files is shown by a chapter (a
/// `{{#listing}}` or `{{#output}}`, for an exercise an include, or a quiz
/// question that shows its code: see [`quizzes`]), and each
/// listing a chapter shows is a workspace member named after its folder.
pub fn check_included(root: &Path) -> Vec<Problem> {
    let included: Vec<PathBuf> = includes(root)
        .into_iter()
        .map(|i| i.target)
        .chain(shown(root).into_iter().flat_map(|shown| shown.files))
        .chain(
            shown_by_quizzes(&quizzes::load(root))
                .into_iter()
                .map(|file| root.join(file)),
        )
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

/// Every output file equals what its listing prints when run as it says;
/// a `sample-` file, a measurement, equals it but for the numbers. The
/// listings are built first, into `target_dir`, so no stale binary runs;
/// a run that lasts longer than `limit` fails.
pub fn check_outputs(
    root: &Path,
    target_dir: &Path,
    limit: Duration,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut runs = Vec::new();
    for dir in listing_dirs(root) {
        let folder = dir.file_name().unwrap().to_string_lossy().into_owned();
        for file in outputs_of(&dir) {
            let shown = relative(root, &file);
            let text = fs::read_to_string(&file).unwrap_or_default();
            match parse_output_file(&text) {
                Ok(recorded) if recorded.package == folder => {
                    runs.push((shown, recorded));
                }
                Ok(_) => problems.push(Problem::new(
                    &shown,
                    format!("records a run of another package than `{folder}`"),
                )),
                Err(error) => problems.push(Problem::new(&shown, error)),
            }
        }
    }
    let packages: BTreeSet<String> = runs
        .iter()
        .map(|(_, recorded)| recorded.package.clone())
        .collect();
    if packages.is_empty() {
        return problems;
    }
    let mut build = build_command(root, target_dir, &packages);
    match build.arg("--quiet").output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            let log = String::from_utf8_lossy(&out.stderr);
            problems.push(Problem::new(
                Path::new("Cargo.toml"),
                format!("the listings do not build:\n{log}"),
            ));
            return problems;
        }
        Err(error) => {
            let message = format!("cannot run {build:?}: {error}");
            problems.push(Problem::new(Path::new("Cargo.toml"), message));
            return problems;
        }
    }
    // All at once: most listings sleep, and the numbers of a measurement
    // are masked, so one run cannot change what is compared of another.
    let bin_dir = target_dir.join("debug");
    let printed: Vec<Result<String, String>> = thread::scope(|scope| {
        let running: Vec<_> = runs
            .iter()
            .map(|(_, recorded)| {
                let bin = bin_dir.join(&recorded.bin);
                scope.spawn(move || run_listing(&bin, &recorded.args, limit))
            })
            .collect();
        running.into_iter().map(|run| run.join().unwrap()).collect()
    });
    for ((shown, recorded), printed) in runs.into_iter().zip(printed) {
        let run = match printed {
            Ok(run) => {
                let bin = bin_dir.join(&recorded.bin);
                again_if_differs(run, &shown, &bin, &recorded, limit)
            }
            Err(error) => {
                problems.push(Problem::new(&shown, error));
                continue;
            }
        };
        if !shows(&shown, &recorded.expected, &run) {
            let measurement = is_measurement(&shown);
            problems.push(Problem::new(
                &shown,
                format!(
                    "differs from what the listing prints{}:\n--- shown\n{}--- printed\n{}\
                     (if the listing's output should change, run `cargo xtask bless {}`)",
                    if measurement { " (numbers aside)" } else { "" },
                    recorded.expected,
                    run,
                    recorded.package,
                ),
            ));
        }
    }
    problems
}

/// `run`, or if it differs from what `file` shows, the first of two more
/// runs of `bin` that does not. The first runs go side by side, beside the
/// other tests; a listing paced in real time (a key per period, a tick
/// between keys) can then be woken so late that two of its events swap, or
/// the keyboard reports a period unread. A rerun goes alone, and a listing
/// fails only when three runs differ.
pub fn again_if_differs(
    mut run: String,
    file: &Path,
    bin: &Path,
    recorded: &Recorded,
    limit: Duration,
) -> String {
    for _ in 0..2 {
        if shows(file, &recorded.expected, &run) {
            break;
        }
        match run_listing(bin, &recorded.args, limit) {
            Ok(again) => run = again,
            Err(_) => break,
        }
    }
    run
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

/// The crates, and tokio's features, that the Rust Playground has: it ships
/// the most downloaded crates, tokio with its feature `full`, which leaves
/// out `test-util` (the paused clock).
const PLAYGROUND_CRATES: [&str; 4] = ["futures", "rand", "tokio", "tokio-util"];
const NOT_IN_TOKIO_FULL: [&str; 1] = ["test-util"];

/// What a listing's manifest asks for that the Rust Playground lacks: a
/// dependency it does not ship (a path, a crate of its own), or a tokio
/// feature outside `full`.
pub fn playground_lacks(manifest: &str) -> Vec<String> {
    let Ok(manifest) = manifest.parse::<toml::Table>() else {
        return vec!["an unreadable Cargo.toml".into()];
    };
    let dependencies = manifest.get("dependencies").and_then(|d| d.as_table());
    let mut lacks = Vec::new();
    for (name, spec) in dependencies.into_iter().flatten() {
        if !PLAYGROUND_CRATES.contains(&name.as_str()) || spec.get("path").is_some()
        {
            lacks.push(format!("the crate `{name}`"));
            continue;
        }
        let features = spec.get("features").and_then(|f| f.as_array());
        for feature in features.into_iter().flatten().filter_map(|f| f.as_str()) {
            if name == "tokio" && NOT_IN_TOKIO_FULL.contains(&feature) {
                lacks.push(format!("tokio's feature `{feature}`"));
            }
        }
    }
    lacks
}

/// A listing shown with a Run button (no `noplayground`) builds on the Rust
/// Playground: its dependencies are all crates the Playground ships.
pub fn check_playground(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let dirs = listing_dirs(root);
    for shown in shown(root).into_iter().filter(|shown| shown.runnable) {
        let Some(dir) = dirs
            .iter()
            .find(|dir| shown.files.iter().any(|file| file.starts_with(dir)))
        else {
            continue;
        };
        let manifest =
            fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
        let lacks = playground_lacks(&manifest);
        if !lacks.is_empty() {
            problems.push(Problem::new(
                &relative(root, &shown.chapter),
                format!(
                    "line {}: `{}` has a Run button, but the Rust Playground lacks \
                     {}: add `noplayground` to its {{{{#listing}}}}",
                    shown.line,
                    shown.name,
                    lacks.join(" and ")
                ),
            ));
        }
    }
    problems
}

/// What names a host in a listing's source: a URL's host, an IPv4 address,
/// or a host name with a port (`example.com:80`).
static HOSTS: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    [
        r"[a-z]+://([^/\s:\x22]+)",
        r"\b(\d{1,3}(?:\.\d{1,3}){3})\b",
        r"\b([A-Za-z][\w-]*(?:\.[\w-]+)+):\d+\b",
    ]
    .map(|pattern| Regex::new(pattern).unwrap())
});

/// The hosts that `source` names other than this machine's loopback:
/// listings talk to 127.0.0.1 or localhost only, to servers they start.
pub fn foreign_hosts(source: &str) -> Vec<String> {
    HOSTS
        .iter()
        .flat_map(|pattern| pattern.captures_iter(source))
        .map(|found| found[1].to_owned())
        .filter(|host| !matches!(host.as_str(), "127.0.0.1" | "localhost"))
        .collect()
}

/// No listing's Rust source names a host but this machine's loopback.
pub fn check_hosts(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for file in crate::files_below(&root.join("listings"), ".rs") {
        let source = fs::read_to_string(&file).unwrap_or_default();
        for host in foreign_hosts(&source) {
            problems.push(Problem::new(
                &relative(root, &file),
                format!("names the host `{host}`: listings reach 127.0.0.1 or localhost only"),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_playground_lacks_local_crates_smol_and_test_util() {
        let manifest = "[package]\nname = \"x\"\n\n[dependencies]\n\
                        rand.workspace = true\n\
                        tokio = { workspace = true, features = [\"rt-multi-thread\"] }\n";
        assert_eq!(playground_lacks(manifest), Vec::<String>::new());
        let manifest = "[dependencies]\nsmol.workspace = true\n\
                        user-input = { path = \"../u\" }\n\
                        tokio = { workspace = true, features = [\"test-util\"] }\n";
        assert_eq!(
            playground_lacks(manifest),
            [
                "the crate `smol`",
                "tokio's feature `test-util`",
                "the crate `user-input`"
            ]
        );
    }

    #[test]
    fn only_the_loopback_is_a_host_a_listing_may_name() {
        let fine = "bind(\"127.0.0.1:0\"); connect(\"localhost:8080\"); \
                    // http://localhost/x, version 1.2.3, main.rs, 0.25 s";
        assert_eq!(foreign_hosts(fine), Vec::<String>::new());
        let foreign = "get(\"https://httpbin.org/delay/3\"); \
                       bind(\"0.0.0.0:80\"); connect(\"example.com:443\")";
        assert_eq!(
            foreign_hosts(foreign),
            ["httpbin.org", "0.0.0.0", "example.com"]
        );
    }
}
