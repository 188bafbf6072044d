//! What the chapters include, and the code blocks they show.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::{Problem, files_below, relative};

/// Every chapter of the book: the Markdown under `src/`.
pub fn chapters(root: &Path) -> Vec<PathBuf> {
    let assets = root.join("src/quiz");
    files_below(&root.join("src"), ".md")
        .into_iter()
        .filter(|path| !path.starts_with(&assets))
        .collect()
}

/// One `{{#include}}`, `{{#rustdoc_include}}` or `{{#playground}}`.
#[derive(Debug, Clone)]
pub struct Include {
    pub chapter: PathBuf,
    pub line: usize,
    /// The file it names, resolved against the chapter's folder.
    pub target: PathBuf,
    pub anchor: Option<String>,
}

static INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\\?)\{\{#(?:include|rustdoc_include|playground)\s+([^}\s]+)[^}]*\}\}",
    )
    .unwrap()
});

/// The includes of one chapter, in order.
pub fn includes_in(chapter: &Path) -> Vec<Include> {
    let text = fs::read_to_string(chapter).unwrap_or_default();
    let dir = chapter.parent().unwrap();
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        for caps in INCLUDE.captures_iter(line) {
            if !caps[1].is_empty() {
                continue; // `\{{#include}}` is mdBook's escape: shown, not included.
            }
            let (file, range) = caps[2].split_once(':').unwrap_or((&caps[2], ""));
            let is_lines = range.chars().all(|c| c.is_ascii_digit() || c == ':');
            found.push(Include {
                chapter: chapter.to_path_buf(),
                line: index + 1,
                target: normalize(&dir.join(file)),
                anchor: (!is_lines).then(|| range.to_string()),
            });
        }
    }
    found
}

/// The includes of every chapter.
pub fn includes(root: &Path) -> Vec<Include> {
    chapters(root)
        .iter()
        .flat_map(|chapter| includes_in(chapter))
        .collect()
}

/// A `{{#listing}}` or `{{#output}}` of a chapter: the listing crate it
/// names, and the files of the crate the book shows through it. The course
/// preprocessor (`preprocessor/`) checks that they exist when it writes
/// their includes.
#[derive(Debug, Clone)]
pub struct Shown {
    pub chapter: PathBuf,
    pub line: usize,
    pub name: String,
    /// Below the root: the source file and the output file, where shown.
    pub files: Vec<PathBuf>,
    /// `fails=E0277`: the listing does not compile, with that error.
    pub fails: Option<String>,
}

static LISTING_DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\\?)\{\{#(listing|output)\s+([^}]*)\}\}").unwrap()
});

/// The listings and outputs one chapter shows, in order.
pub fn shown_in(root: &Path, chapter: &Path) -> Vec<Shown> {
    let text = fs::read_to_string(chapter).unwrap_or_default();
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        for caps in LISTING_DIRECTIVE.captures_iter(line) {
            if !caps[1].is_empty() {
                continue; // mdBook's escape: shown, not expanded.
            }
            let mut words = caps[3].split_whitespace();
            let target = words.next().unwrap_or_default();
            let name = target.split(':').next().unwrap_or_default().to_string();
            let Some(dir) = listing_dir(root, &name) else {
                continue; // the preprocessor fails the build and says why.
            };
            let option = |key: &str| {
                caps[3]
                    .split_whitespace()
                    .find_map(|word| word.strip_prefix(&format!("{key}=")))
                    .map(str::to_string)
            };
            let mut files = Vec::new();
            if &caps[2] == "output" {
                files.push(dir.join(words.next().unwrap_or("output.txt")));
            } else {
                files.push(match option("file") {
                    Some(file) => dir.join(file),
                    None if dir.join("src/main.rs").is_file() => {
                        dir.join("src/main.rs")
                    }
                    None => dir.join("src/lib.rs"),
                });
                match option("output").as_deref() {
                    Some("none") => {}
                    Some(file) => files.push(dir.join(file)),
                    None => files.push(dir.join("output.txt")),
                }
            }
            found.push(Shown {
                chapter: chapter.to_path_buf(),
                line: index + 1,
                name,
                files: files.into_iter().filter(|file| file.is_file()).collect(),
                fails: option("fails"),
            });
        }
    }
    found
}

/// What every chapter shows through `{{#listing}}` and `{{#output}}`.
pub fn shown(root: &Path) -> Vec<Shown> {
    chapters(root)
        .iter()
        .flat_map(|chapter| shown_in(root, chapter))
        .collect()
}

/// The crate of listing `name`: `listings/<chapter>/<name>/`.
pub fn listing_dir(root: &Path, name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(root.join("listings"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|chapter| chapter.path().join(name))
        .filter(|dir| dir.join("Cargo.toml").is_file())
        .collect();
    dirs.sort();
    dirs.into_iter().next()
}

/// Every include names a file that exists, and an anchor that exists in it.
pub fn check_includes(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for include in includes(root) {
        let at = format!("line {}", include.line);
        let shown = relative(root, &include.target);
        let Ok(text) = fs::read_to_string(&include.target) else {
            problems.push(Problem::new(
                &relative(root, &include.chapter),
                format!("{at}: includes {}, which does not exist", shown.display()),
            ));
            continue;
        };
        if let Some(anchor) = include.anchor {
            let has = |mark: &str| {
                text.lines().any(|line| {
                    line.split_once(mark)
                        .is_some_and(|(_, name)| name.trim() == anchor)
                })
            };
            if !has("ANCHOR:") || !has("ANCHOR_END:") {
                problems.push(Problem::new(
                    &relative(root, &include.chapter),
                    format!(
                        "{at}: {} has no anchor `{anchor}` (ANCHOR and ANCHOR_END)",
                        shown.display()
                    ),
                ));
            }
        }
    }
    problems
}

/// A fenced code block of a chapter.
#[derive(Debug, Clone)]
pub struct Fence {
    pub chapter: PathBuf,
    pub line: usize,
    /// The line of the closing fence.
    pub end: usize,
    /// The info string: `rust,compile_fail,E0277`, `console`, ...
    pub info: String,
    pub body: String,
}

/// The fenced code blocks of one chapter (``` fences, as the book uses).
pub fn fences_in(chapter: &Path) -> Vec<Fence> {
    let text = fs::read_to_string(chapter).unwrap_or_default();
    let mut fences = Vec::new();
    let mut open: Option<Fence> = None;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        match (&mut open, trimmed.strip_prefix("```")) {
            (None, Some(info)) => {
                open = Some(Fence {
                    chapter: chapter.to_path_buf(),
                    line: index + 1,
                    end: 0,
                    info: info.trim().to_string(),
                    body: String::new(),
                });
            }
            (Some(fence), Some(rest)) if rest.trim().is_empty() => {
                fence.end = index + 1;
                fences.extend(open.take());
            }
            (Some(fence), _) => {
                fence.body.push_str(line);
                fence.body.push('\n');
            }
            (None, None) => {}
        }
    }
    fences
}

/// Output the book shows comes from a listing's output file, never typed in:
/// a page shows it with `{{#listing}}` or `{{#output}}`, which write the
/// console block, and holds none of its own.
pub fn check_console_blocks(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for chapter in chapters(root) {
        for fence in fences_in(&chapter) {
            if fence.info == "console" {
                problems.push(Problem::new(
                    &relative(root, &chapter),
                    format!(
                        "line {}: a console block: show a listing's output with \
                         `{{{{#output NAME}}}}` or its `{{{{#listing}}}}`",
                        fence.line
                    ),
                ));
            }
        }
    }
    problems
}

/// A chapter that is not written yet is a draft entry in `SUMMARY.md`,
/// never a page with placeholder text.
pub fn check_no_placeholders(root: &Path) -> Vec<Problem> {
    static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(todo|tbd|fixme|coming soon|lorem ipsum|to be written)\b")
            .unwrap()
    });
    let mut problems = Vec::new();
    for chapter in chapters(root) {
        let text = fs::read_to_string(&chapter).unwrap_or_default();
        for (index, line) in text.lines().enumerate() {
            if let Some(found) = PLACEHOLDER.find(line) {
                problems.push(Problem::new(
                    &relative(root, &chapter),
                    format!(
                        "line {}: placeholder text `{}`",
                        index + 1,
                        found.as_str()
                    ),
                ));
            }
        }
    }
    problems
}

/// `output.txt`, `output-<what>.txt`, `sample-output.txt`, ...
pub fn is_output_file(name: &str) -> bool {
    let stem = name.strip_suffix(".txt").unwrap_or_default();
    let stem = stem.strip_prefix("sample-").unwrap_or(stem);
    stem == "output" || stem.starts_with("output-")
}

/// `a/b/../c` as `a/c`, without touching the disk.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
