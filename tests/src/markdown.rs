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

/// Output the book shows comes from a listing's output file, never typed in.
pub fn check_console_blocks(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for chapter in chapters(root) {
        for fence in fences_in(&chapter) {
            if fence.info != "console" {
                continue;
            }
            let sole_include = fence.body.trim().lines().count() == 1
                && INCLUDE.captures(fence.body.trim()).is_some_and(|caps| {
                    let name = caps[2].rsplit('/').next().unwrap_or_default();
                    caps.get(0).unwrap().as_str() == fence.body.trim()
                        && is_output_file(name)
                });
            if !sole_include {
                problems.push(Problem::new(
                    &relative(root, &chapter),
                    format!(
                        "line {}: a console block must be one include of a \
                         listing's output file",
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
