//! Checks of the contract between the book and its listings. Each check takes
//! the root of a course tree and returns the problems it found, each naming a
//! file, so that `contract.rs` runs it on this tree and `breakage.rs` on trees
//! broken on purpose.

pub mod archive;
pub mod book;
pub mod hosting;
pub mod instructors;
pub mod listings;
pub mod markdown;

use std::fmt;
use std::path::{Path, PathBuf};

/// One broken promise, and the file that breaks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub message: String,
}

impl Problem {
    pub fn new(file: &Path, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_path_buf(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.message)
    }
}

/// Fails the calling test with every problem, one a line.
pub fn assert_none(problems: Vec<Problem>) {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        lines.is_empty(),
        "{} problem(s):\n{}",
        lines.len(),
        lines.join("\n")
    );
}

/// The root of this course tree.
pub fn root() -> PathBuf {
    xtask::root()
}

/// Every file below `dir` whose name ends with `suffix`, sorted.
pub fn files_below(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                pending.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// `path` relative to `root`, for messages a reader can click.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
