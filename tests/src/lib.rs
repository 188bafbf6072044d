//! Checks of the contract between the book and its listings. Each check takes
//! the root of a course tree and returns the problems it found, each naming a
//! file, so that `contract.rs` runs it on this tree and `breakage.rs` on trees
//! broken on purpose.
//!
//! A check that reads only files is split in two: a pure function over the
//! files' texts ([`Texts`]), unit-tested in its module on small inline
//! inputs, and a thin `check_*` that reads those files from the tree. Pages
//! are read with the preprocessor's one Markdown reader,
//! [`mdbook_course::markdown`], and its directives with
//! [`mdbook_course::directives`].

pub mod archive;
pub mod book;
pub mod claims;
pub mod flags;
pub mod hosting;
pub mod instructors;
pub mod listings;
pub mod markdown;
pub mod quizzes;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
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

/// Files of a course tree by their path below its root: what a pure check
/// reads. The thin checks fill it from the disk, unit tests inline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    files: BTreeMap<PathBuf, String>,
}

impl Texts {
    pub fn new<P: Into<PathBuf>, T: Into<String>>(
        files: impl IntoIterator<Item = (P, T)>,
    ) -> Self {
        Texts {
            files: files
                .into_iter()
                .map(|(path, text)| (path.into(), text.into()))
                .collect(),
        }
    }

    /// Adds `path` (below `root`) if it is a readable text file.
    pub fn load(&mut self, root: &Path, path: &Path) {
        if let Ok(text) = fs::read_to_string(root.join(path)) {
            self.files.insert(path.to_path_buf(), text);
        }
    }

    /// Adds every file below `dir` (below `root`) whose name ends with
    /// `suffix`.
    pub fn load_below(&mut self, root: &Path, dir: &str, suffix: &str) {
        for file in files_below(&root.join(dir), suffix) {
            self.load(root, &relative(root, &file));
        }
    }

    pub fn get(&self, path: &Path) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// Every file below `dir` whose name ends with `suffix`, sorted.
    pub fn below<'a>(
        &'a self,
        dir: impl AsRef<Path> + 'a,
        suffix: &'a str,
    ) -> impl Iterator<Item = (&'a Path, &'a str)> + 'a {
        self.files
            .iter()
            .filter(move |(path, _)| {
                path.starts_with(&dir) && path.to_string_lossy().ends_with(suffix)
            })
            .map(|(path, text)| (path.as_path(), text.as_str()))
    }
}

/// The preprocessor reads listings through this, so that the tests resolve
/// a `{{#listing}}` with its own code, in memory or on disk.
impl mdbook_course::Files for Texts {
    fn read(&self, path: &Path) -> Option<String> {
        self.get(path).map(str::to_string)
    }

    fn exists(&self, path: &Path) -> bool {
        self.files.contains_key(path)
    }

    fn crate_dir(&self, name: &str) -> Option<PathBuf> {
        let listings = Path::new(mdbook_course::listings::LISTINGS);
        self.files.keys().find_map(|path| {
            let dir = path.strip_prefix(listings).ok()?.parent()?;
            let is_crate = path.ends_with("Cargo.toml")
                && dir.components().count() == 2
                && dir.file_name().is_some_and(|folder| folder == name);
            is_crate.then(|| listings.join(dir))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdbook_course::Files;

    #[test]
    fn texts_find_listing_crates_one_chapter_deep() {
        let texts = Texts::new([
            ("listings/b/hello/Cargo.toml", ""),
            ("listings/a/hello/Cargo.toml", ""),
            ("listings/a/deep/x/hello/Cargo.toml", ""),
            ("listings/a/other/src/hello/Cargo.toml", ""),
        ]);
        // The first chapter in sorted order, as the preprocessor's `Disk`.
        assert_eq!(
            texts.crate_dir("hello"),
            Some(PathBuf::from("listings/a/hello"))
        );
        assert_eq!(texts.crate_dir("deep"), None);
        assert_eq!(texts.crate_dir("x"), None);
    }

    #[test]
    fn texts_list_the_files_below_a_folder_by_suffix() {
        let texts = Texts::new([
            ("src/a.md", "a"),
            ("src/b/c.md", "c"),
            ("src/b/q.toml", "q"),
            ("srcs/d.md", "d"),
        ]);
        let found: Vec<&Path> = texts.below("src", ".md").map(|(p, _)| p).collect();
        assert_eq!(found, [Path::new("src/a.md"), Path::new("src/b/c.md")]);
        assert_eq!(texts.get(Path::new("src/b/q.toml")), Some("q"));
        assert!(texts.exists(Path::new("srcs/d.md")));
    }
}
