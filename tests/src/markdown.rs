//! What the chapters include, the listings they show, and the code blocks
//! and prose they hold. Pages are read with the preprocessor's Markdown
//! reader and directive finder, so that a check sees a page as mdBook does.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use mdbook_course::markdown::Page;
use mdbook_course::{Disk, Files, directives, listings};
use regex::Regex;

use crate::instructors::summary_pages_in;
use crate::{Problem, Texts, files_below, relative};

/// Where the chapters live, below the root.
pub const SRC: &str = "src";

/// Whether `path` (below the root) is a chapter: Markdown under `src/`, but
/// not the scripts mdbook-quiz copies to `src/quiz/`.
pub fn is_chapter(path: &Path) -> bool {
    path.starts_with(SRC)
        && !path.starts_with(Path::new(SRC).join("quiz"))
        && path.extension().is_some_and(|ext| ext == "md")
}

/// Every chapter of the book: the Markdown under `src/`.
pub fn chapters(root: &Path) -> Vec<PathBuf> {
    files_below(&root.join(SRC), ".md")
        .into_iter()
        .filter(|path| is_chapter(&relative(root, path)))
        .collect()
}

/// The chapters' texts, by their path below the root.
pub fn read_chapters(root: &Path) -> Texts {
    let mut texts = Texts::default();
    for chapter in chapters(root) {
        texts.load(root, &relative(root, &chapter));
    }
    texts
}

/// The chapters in `texts`, in order.
pub fn chapters_in(texts: &Texts) -> impl Iterator<Item = (&Path, &str)> {
    texts.below(SRC, ".md").filter(|(path, _)| is_chapter(path))
}

/// One `{{#include}}`, `{{#rustdoc_include}}` or `{{#playground}}`: mdBook's
/// own directives, which the course preprocessor leaves to mdBook.
#[derive(Debug, Clone)]
pub struct Include {
    pub chapter: PathBuf,
    pub line: usize,
    /// `include`, `rustdoc_include` or `playground`.
    pub directive: String,
    /// The file it names, resolved against the chapter's folder.
    pub target: PathBuf,
    pub anchor: Option<String>,
}

/// mdBook's syntax, which `mdbook_course::directives` does not read: it
/// finds only the course's own directives.
static INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\\?)\{\{#(include|rustdoc_include|playground)\s+([^}\s]+)[^}]*\}\}",
    )
    .unwrap()
});

/// The includes of a chapter's text, in order. mdBook expands them in code
/// blocks too (that is where they stand), so the whole text is read.
pub fn includes_in_text(chapter: &Path, text: &str) -> Vec<Include> {
    let dir = chapter.parent().unwrap_or(Path::new(""));
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        for caps in INCLUDE.captures_iter(line) {
            if !caps[1].is_empty() {
                continue; // `\{{#include}}` is mdBook's escape: shown, not included.
            }
            let (file, range) = caps[3].split_once(':').unwrap_or((&caps[3], ""));
            let is_lines = range.chars().all(|c| c.is_ascii_digit() || c == ':');
            found.push(Include {
                chapter: chapter.to_path_buf(),
                line: index + 1,
                directive: caps[2].to_string(),
                target: normalize(&dir.join(file)),
                anchor: (!is_lines).then(|| range.to_string()),
            });
        }
    }
    found
}

/// The includes of one chapter on disk, in order.
pub fn includes_in(chapter: &Path) -> Vec<Include> {
    let text = fs::read_to_string(chapter).unwrap_or_default();
    includes_in_text(chapter, &text)
}

/// The includes of every chapter; paths are as absolute as `root`.
pub fn includes(root: &Path) -> Vec<Include> {
    chapters(root)
        .iter()
        .flat_map(|chapter| includes_in(chapter))
        .collect()
}

/// A `{{#listing}}` or `{{#output}}` of a chapter: the listing crate it
/// names, and the files of the crate the book shows through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub chapter: PathBuf,
    pub line: usize,
    pub name: String,
    /// The source file and the output file, where shown.
    pub files: Vec<PathBuf>,
    /// `fails=E0277`: the listing does not compile, with that error.
    pub fails: Option<String>,
    /// A listing with a Run button: no `noplayground`.
    pub runnable: bool,
}

/// The listings and outputs a chapter's text shows, in order, read by the
/// preprocessor's own parsers against `files` (paths below the root). A
/// directive the preprocessor refuses shows nothing: it fails the build,
/// and `book::check_build_log` names why.
pub fn shown_in_text(files: &dyn Files, chapter: &Path, text: &str) -> Vec<Shown> {
    let Ok(found) = directives::find(text) else {
        return Vec::new();
    };
    let mut shown = Vec::new();
    for directive in found {
        let name = || {
            let target = directive.args.split_whitespace().next();
            let target = target.unwrap_or_default();
            target.split(':').next().unwrap_or_default().to_string()
        };
        let (files, fails, runnable) = match directive.name {
            "listing" => match listings::parse_listing(directive.args, files) {
                Ok(listing) => {
                    let runnable = !listing.noplayground;
                    let files = std::iter::once(listing.file).chain(listing.output);
                    (files.collect(), listing.fails, runnable)
                }
                Err(_) => continue,
            },
            "output" => match listings::parse_output(directive.args, files) {
                Ok(output) => (vec![output], None, false),
                Err(_) => continue,
            },
            _ => continue,
        };
        shown.push(Shown {
            chapter: chapter.to_path_buf(),
            line: directive.line,
            name: name(),
            files,
            fails,
            runnable,
        });
    }
    shown
}

/// The listings and outputs one chapter on disk shows; paths are as
/// absolute as `root`.
pub fn shown_in(root: &Path, chapter: &Path) -> Vec<Shown> {
    let text = fs::read_to_string(chapter).unwrap_or_default();
    let disk = Disk {
        root: root.to_path_buf(),
    };
    let mut shown = shown_in_text(&disk, chapter, &text);
    for listing in &mut shown {
        for file in &mut listing.files {
            *file = root.join(&*file);
        }
    }
    shown
}

/// What every chapter shows through `{{#listing}}` and `{{#output}}`.
pub fn shown(root: &Path) -> Vec<Shown> {
    chapters(root)
        .iter()
        .flat_map(|chapter| shown_in(root, chapter))
        .collect()
}

/// Every include of the chapters in `texts` names a file in `texts`, and
/// an anchor that exists in it.
pub fn include_problems(texts: &Texts) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (chapter, text) in chapters_in(texts) {
        for include in includes_in_text(chapter, text) {
            let at = format!("line {}", include.line);
            let shown = include.target.display();
            let Some(target) = texts.get(&include.target) else {
                problems.push(Problem::new(
                    chapter,
                    format!("{at}: includes {shown}, which does not exist"),
                ));
                continue;
            };
            if let Some(anchor) = include.anchor
                && !listings::has_anchor(target, &anchor)
            {
                problems.push(Problem::new(
                    chapter,
                    format!(
                        "{at}: {shown} has no anchor `{anchor}` (ANCHOR and \
                         ANCHOR_END)"
                    ),
                ));
            }
        }
    }
    problems
}

/// Whether Rust source marks both ends of `anchor`, as mdBook reads them.
/// Every include names a file that exists, and an anchor that exists in it.
pub fn check_includes(root: &Path) -> Vec<Problem> {
    let mut texts = read_chapters(root);
    let targets: Vec<PathBuf> = chapters_in(&texts)
        .flat_map(|(chapter, text)| includes_in_text(chapter, text))
        .map(|include| include.target)
        .collect();
    for target in targets {
        texts.load(root, &target);
    }
    include_problems(&texts)
}

/// The language of a code block's info string: `rust` for
/// `rust,compile_fail,E0277`, as mdBook reads it.
pub fn language(info: &str) -> &str {
    info.split([',', ' ', '\t']).next().unwrap_or_default()
}

/// Output the book shows comes from a listing's output file, never typed
/// in: a page shows it with `{{#listing}}` or `{{#output}}`, which write the
/// console block, and holds none of its own.
pub fn console_block_problems(file: &Path, text: &str) -> Vec<Problem> {
    Page::parse(text)
        .code_blocks
        .iter()
        .filter(|code| language(&code.info) == "console")
        .map(|code| {
            Problem::new(
                file,
                format!(
                    "line {}: a console block: show a listing's output with \
                     `{{{{#output NAME}}}}` or its `{{{{#listing}}}}`",
                    code.line
                ),
            )
        })
        .collect()
}

pub fn check_console_blocks(root: &Path) -> Vec<Problem> {
    let texts = read_chapters(root);
    chapters_in(&texts)
        .flat_map(|(file, text)| console_block_problems(file, text))
        .collect()
}

/// A chapter that is not written yet is a draft entry in `SUMMARY.md`,
/// never a page with placeholder text. Code may say `todo!()`: only prose
/// is read.
pub fn placeholder_problems(file: &Path, text: &str) -> Vec<Problem> {
    static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(todo|tbd|fixme|coming soon|lorem ipsum|to be written)\b")
            .unwrap()
    });
    let page = Page::parse(text);
    PLACEHOLDER
        .find_iter(&page.prose)
        .map(|found| {
            Problem::new(
                file,
                format!(
                    "line {}: placeholder text `{}`",
                    page.line(found.start()),
                    found.as_str()
                ),
            )
        })
        .collect()
}

pub fn check_no_placeholders(root: &Path) -> Vec<Problem> {
    let texts = read_chapters(root);
    chapters_in(&texts)
        .flat_map(|(file, text)| placeholder_problems(file, text))
        .collect()
}

/// The page mdBook renders as the site's 404 page (`output.html.input-404`),
/// though `SUMMARY.md` does not list it.
pub const NOT_FOUND_PAGE: &str = "404.md";

/// mdBook builds only the pages `summary` (the text of `SUMMARY.md`) lists,
/// and silently leaves out any other Markdown under `src/`: each of `pages`
/// (paths below the root) is listed, but `SUMMARY.md` itself, the 404 page
/// and what mdbook-quiz writes to `src/quiz/`. A draft entry, `[Title]()`,
/// lists no file, so a file written for it must be linked.
pub fn unlisted_page_problems(summary: &str, pages: &[PathBuf]) -> Vec<Problem> {
    let listed = summary_pages_in(summary);
    pages
        .iter()
        .filter(|page| is_chapter(page))
        .filter(|page| {
            let below_src = page.strip_prefix(SRC).unwrap_or(page);
            below_src != Path::new("SUMMARY.md")
                && below_src != Path::new(NOT_FOUND_PAGE)
                && !listed.iter().any(|listed| listed == below_src)
        })
        .map(|page| {
            Problem::new(
                page,
                "SUMMARY.md does not list this page, so mdBook leaves it out of \
                 the book: list it there, or delete it",
            )
        })
        .collect()
}

/// Every page under `src/` is in the book.
pub fn check_pages_listed(root: &Path) -> Vec<Problem> {
    let summary = Path::new(SRC).join("SUMMARY.md");
    let summary = fs::read_to_string(root.join(summary)).unwrap_or_default();
    let pages: Vec<PathBuf> = chapters(root)
        .iter()
        .map(|page| relative(root, page))
        .collect();
    unlisted_page_problems(&summary, &pages)
}

/// Which files hold a listing's recorded output: `cargo xtask bless` asks too.
pub use xtask::outputs::is_output_file;

/// Paths are normalised as the preprocessor does it.
pub use mdbook_course::normalize;

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    const HELLO: &str = "// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n";

    #[test]
    fn includes_resolve_against_the_chapter_and_keep_their_anchor() {
        let text = "```rust\n{{#rustdoc_include ../listings/a/b/src/main.rs:main}}\n\
                    ```\n{{#include ../x.rs:2:4}} \\{{#include escaped.rs}}\n";
        let found = includes_in_text(Path::new("src/futures/page.md"), text);
        let read: Vec<(usize, &str, &Path, Option<&str>)> = found
            .iter()
            .map(|i| {
                let anchor = i.anchor.as_deref();
                (i.line, i.directive.as_str(), i.target.as_path(), anchor)
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    2,
                    "rustdoc_include",
                    Path::new("src/listings/a/b/src/main.rs"),
                    Some("main")
                ),
                (4, "include", Path::new("src/x.rs"), None),
            ]
        );
    }

    #[test]
    fn a_missing_file_or_anchor_of_an_include_is_named_with_its_line() {
        let page = "# P\n\n{{#include ../listings/a/hello/src/main.rs:main}}\n\
                    {{#include ../listings/a/hello/src/main.rs:mian}}\n\
                    {{#include ../listings/a/hello/src/gone.rs}}\n";
        let texts = Texts::new([
            ("src/p.md", page),
            ("listings/a/hello/src/main.rs", HELLO),
        ]);
        assert_eq!(
            messages(&include_problems(&texts)),
            [
                "src/p.md: line 4: listings/a/hello/src/main.rs has no anchor \
                 `mian` (ANCHOR and ANCHOR_END)",
                "src/p.md: line 5: includes listings/a/hello/src/gone.rs, which \
                 does not exist",
            ]
        );
        // An anchor needs both its ends.
        let texts = Texts::new([
            ("src/p.md", page.lines().nth(2).unwrap()),
            ("listings/a/hello/src/main.rs", "// ANCHOR: main\n"),
        ]);
        assert_eq!(include_problems(&texts).len(), 1);
    }

    fn listing_tree(page: &str) -> Texts {
        Texts::new([
            ("src/p.md", page),
            ("listings/a/hello/Cargo.toml", ""),
            ("listings/a/hello/src/main.rs", HELLO),
            ("listings/a/hello/src/bin/other.rs", ""),
            ("listings/a/hello/output.txt", "$ cargo run -p hello\n"),
            ("listings/a/hello/output-other.txt", ""),
        ])
    }

    #[test]
    fn shown_listings_name_the_files_the_preprocessor_shows() {
        let page = "{{#listing hello:main}}\nCap.\n{{/listing}}\n\n\
                    {{#listing hello file=src/bin/other.rs output=none fails=E0277 \
                    id=x}}\nCap.\n{{/listing}}\n\n{{#output hello output-other.txt}}\n\
                    `\\{{#output hello}}` is how a page shows it.\n";
        let texts = listing_tree(page);
        let shown = shown_in_text(&texts, Path::new("src/p.md"), page);
        let read: Vec<(usize, &str, Vec<&str>, Option<&str>)> = shown
            .iter()
            .map(|s| {
                let files = s.files.iter().map(|f| f.to_str().unwrap()).collect();
                (s.line, s.name.as_str(), files, s.fails.as_deref())
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    1,
                    "hello",
                    vec![
                        "listings/a/hello/src/main.rs",
                        "listings/a/hello/output.txt"
                    ],
                    None
                ),
                (
                    5,
                    "hello",
                    vec!["listings/a/hello/src/bin/other.rs"],
                    Some("E0277")
                ),
                (9, "hello", vec!["listings/a/hello/output-other.txt"], None),
            ]
        );
    }

    #[test]
    fn a_listing_the_preprocessor_refuses_shows_nothing() {
        for page in [
            "{{#listing hello:mian}}\nCap.\n{{/listing}}\n",
            "{{#listing helo}}\nCap.\n{{/listing}}\n",
            "{{#output hello gone.txt}}\n",
            // Unclosed: the whole page is refused, as the build refuses it.
            "{{#output hello}}\n{{#listing hello}}\nCap.\n",
        ] {
            let texts = listing_tree(page);
            let shown = shown_in_text(&texts, Path::new("src/p.md"), page);
            assert_eq!(shown, [], "{page}");
        }
    }

    #[test]
    fn a_typed_console_block_is_named_in_any_fence() {
        let text = "# P\n\n```console\n$ cargo run\n```\n\n~~~console,ignore\nx\n~~~\n\n\
                    ```rust\nfn main() {}\n```\n\n    console\n";
        assert_eq!(
            messages(&console_block_problems(Path::new("src/p.md"), text)),
            [3, 7].map(|line| format!(
                "src/p.md: line {line}: a console block: show a listing's output \
                 with `{{{{#output NAME}}}}` or its `{{{{#listing}}}}`"
            ))
        );
        // A fence that holds a console fence as text is not one.
        let text = "````markdown\n```console\n$ x\n```\n````\n";
        assert_eq!(console_block_problems(Path::new("p.md"), text), []);
    }

    #[test]
    fn placeholder_words_are_named_in_prose_and_not_in_code() {
        let text = "# P\n\nThis part is coming soon.\n\n```rust\nfn f() { todo!() }\n\
                    ```\n\n    // TODO in indented code\n\n- TBD\n\nA todolist is fine.\n";
        assert_eq!(
            messages(&placeholder_problems(Path::new("src/p.md"), text)),
            [
                "src/p.md: line 3: placeholder text `coming soon`",
                "src/p.md: line 11: placeholder text `TBD`",
            ]
        );
    }

    #[test]
    fn chapters_are_the_markdown_under_src_but_not_the_quiz_scripts() {
        assert!(is_chapter(Path::new("src/futures/index.md")));
        assert!(!is_chapter(Path::new("src/quiz/readme.md")));
        assert!(!is_chapter(Path::new("src/futures/quiz.toml")));
        assert!(!is_chapter(Path::new("README.md")));
    }

    #[test]
    fn a_page_summary_md_does_not_list_is_named() {
        let summary = "# Summary\n\n[Intro](./index.md)\n\n- [A](a/index.md)\n\
                       - [Draft]()\n\n```\n- [In code](a/shown.md)\n```\n";
        let pages = [
            "src/SUMMARY.md",
            "src/404.md",
            "src/index.md",
            "src/a/index.md",
            "src/a/shown.md",
            "src/a/left-out.md",
            "src/draft.md",
            "src/quiz/README.md",
            "src/a/quiz.toml",
        ]
        .map(PathBuf::from);
        let why = "SUMMARY.md does not list this page, so mdBook leaves it out \
                   of the book: list it there, or delete it";
        // A link shown in a code block lists nothing; a draft's file is
        // left out until it is linked.
        assert_eq!(
            messages(&unlisted_page_problems(summary, &pages)),
            ["src/a/shown.md", "src/a/left-out.md", "src/draft.md"]
                .map(|page| format!("{page}: {why}"))
        );
        // The 404 page is only allowed at the top, where mdBook looks for it.
        let pages = [PathBuf::from("src/a/404.md")];
        assert_eq!(unlisted_page_problems(summary, &pages).len(), 1);
    }

    #[test]
    fn the_language_is_the_first_word_of_the_info_string() {
        assert_eq!(language("rust,compile_fail,E0277"), "rust");
        assert_eq!(language("console title=x"), "console");
        assert_eq!(language(""), "");
    }
}
