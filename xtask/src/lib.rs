//! The pinned mdBook tools and how to run them. Shared by `cargo xtask` and by
//! the contract tests in `tests/`, so both build the book the same way.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

pub mod site;

/// The tools the book needs, each at the one version it is tested with.
pub const TOOLS: [Tool; 2] = [
    Tool {
        crate_name: "mdbook",
        version: "0.5.4",
    },
    Tool {
        crate_name: "mdbook-quiz",
        version: "0.5.0",
    },
];

#[derive(Clone, Copy, Debug)]
pub struct Tool {
    pub crate_name: &'static str,
    pub version: &'static str,
}

impl Tool {
    fn path(self) -> PathBuf {
        tools_dir().join("bin").join(self.crate_name)
    }

    /// Whether the installed binary, if any, reports the pinned version.
    fn is_installed(self) -> bool {
        Command::new(self.path())
            .arg("--version")
            .output()
            .is_ok_and(|out| {
                let words = String::from_utf8_lossy(&out.stdout).into_owned();
                words
                    .split_whitespace()
                    .any(|word| word.trim_start_matches('v') == self.version)
            })
    }
}

/// The workspace root: the folder that holds `book.toml`.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the root")
        .to_path_buf()
}

/// The project's own folder for tools; never a global install.
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// Installs every tool that is missing or at another version.
pub fn install_tools() -> io::Result<()> {
    for tool in TOOLS {
        if tool.is_installed() {
            continue;
        }
        eprintln!("xtask: installing {} {}", tool.crate_name, tool.version);
        let status = Command::new(cargo())
            .args(["install", "--locked", "--force", "--root"])
            .arg(tools_dir())
            .args([tool.crate_name, "--version", tool.version])
            .status()?;
        if !status.success() || !tool.is_installed() {
            return Err(io::Error::other(format!(
                "installing {} {} failed",
                tool.crate_name, tool.version
            )));
        }
    }
    install_course_preprocessor()?;
    write_quiz_rustc()
}

/// The course's own preprocessor, the crate `preprocessor/`, installed
/// beside the pinned tools so that mdBook finds it on `PATH`. Reinstalled
/// each time (a no-op build when nothing changed), so it is never stale.
pub fn install_course_preprocessor() -> io::Result<()> {
    let status = Command::new(cargo())
        .args(["install", "--locked", "--quiet", "--path"])
        .arg(root().join("preprocessor"))
        .args(["--bin", COURSE_PREPROCESSOR, "--root"])
        .arg(tools_dir())
        .arg("--target-dir")
        .arg(root().join("target/tools"))
        .status()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "installing {COURSE_PREPROCESSOR} failed"
        )))
    }
}

const COURSE_PREPROCESSOR: &str = "mdbook-course";

/// Fails, naming the command to run, unless every pinned tool is installed.
pub fn check_tools() -> Result<(), String> {
    let missing = TOOLS.into_iter().find(|tool| !tool.is_installed());
    let missing = match missing {
        Some(tool) => format!("{} {}", tool.crate_name, tool.version),
        None if !quiz_rustc_dir().join("rustc").exists() => "quiz-rustc".into(),
        None if !tools_dir().join("bin").join(COURSE_PREPROCESSOR).exists() => {
            COURSE_PREPROCESSOR.into()
        }
        None => return Ok(()),
    };
    Err(format!(
        "{missing} is not installed in {}: run `cargo xtask tools`",
        tools_dir().display()
    ))
}

/// The pinned `mdbook`, run in `book_dir`, with the pinned tools first on
/// `PATH`: mdBook finds the `mdbook-quiz` and `mdbook-course`
/// preprocessors there.
pub fn mdbook(book_dir: &Path) -> Command {
    let mut path = vec![quiz_rustc_dir(), tools_dir().join("bin")];
    path.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    let mut command = Command::new(TOOLS[0].path());
    command.current_dir(book_dir).env(
        "PATH",
        env::join_paths(path).expect("PATH entries have no `:`"),
    );
    command
}

/// mdbook-quiz checks each Tracing question with a bare `rustc main.rs`, which
/// is edition 2015, where `async fn` does not exist. It finds `rustc` on
/// `PATH`, so `mdbook` gets this folder first: its `rustc` adds the edition.
fn quiz_rustc_dir() -> PathBuf {
    tools_dir().join("quiz-rustc")
}

fn write_quiz_rustc() -> io::Result<()> {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()?;
    let real = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim())
        .join("bin")
        .join("rustc");
    let script = format!(
        "#!/bin/sh\n# Written by `cargo xtask tools`: see xtask/src/lib.rs.\n\
         exec '{}' --edition 2024 \"$@\"\n",
        real.display()
    );
    let dir = quiz_rustc_dir();
    fs::create_dir_all(&dir)?;
    let wrapper = dir.join("rustc");
    fs::write(&wrapper, script)?;
    fs::set_permissions(&wrapper, fs::Permissions::from_mode(0o755))
}

/// The `cargo` that runs us, so the same toolchain builds everything.
pub fn cargo() -> OsString {
    env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}
