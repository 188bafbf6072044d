//! The course's mdBook preprocessor. It runs after mdbook-quiz and before
//! mdBook's `links`, which then expands the includes written here.
//!
//! - `{{#listing NAME[:ANCHOR] [file=PATH] [output=FILE|output=none]
//!   [fails=E0277] [noplayground] [id=KEY]}}` caption `{{/listing}}`: a
//!   numbered listing of the crate `listings/<chapter>/NAME/`, and the
//!   output it records;
//! - `{{#output NAME [FILE]}}`: a recorded output on its own;
//! - `{{#figure FILE.svg [id=KEY]}}` caption `{{/figure}}`: a numbered
//!   figure;
//! - `{{#ref KEY}}`: "Listing 3-7" or "Figure 1-2", linked, in pages and in
//!   quiz questions;
//! - `{{#speaker-notes [minutes=N]}}` ... `{{/speaker-notes}}`: the page's
//!   minutes, written once;
//! - `{{#plan}}` list `{{/plan}}`: a session plan's timed table.
//!
//! Each discussion question gets a link to its answer (see [`answers`]).
//!
//! Every fault is an [`Error`], one line that names the page.
//!
//! It also takes mdbook-quiz's script and style links out of each page (see
//! [`quiz_assets`]), unless `[preprocessor.course] keep-quiz-assets = true`.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs;
use std::path::{Component, Path, PathBuf};

use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

pub mod answers;
pub mod directives;
pub mod listings;
pub mod markdown;
pub mod notes;
pub mod plan;
pub mod quiz_assets;

use directives::Directive;
use listings::{Figure, LISTINGS, Listing, html_id};
use plan::{Timing, parse_plan, plan_table};

/// A fault in the book's sources: the file (below the book's root), the
/// line where known, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl Error {
    fn at(file: &Path, line: usize, message: impl Into<String>) -> Self {
        Error {
            file: file.to_path_buf(),
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Error {}

/// The files the preprocessor reads, below the book's root: the disk, or a
/// few files in memory for tests.
pub trait Files {
    fn read(&self, path: &Path) -> Option<String>;
    fn exists(&self, path: &Path) -> bool;
    /// The crate of listing `name`: `listings/<chapter>/<name>`.
    fn crate_dir(&self, name: &str) -> Option<PathBuf>;
}

/// The book's files on disk.
pub struct Disk {
    pub root: PathBuf,
}

impl Files for Disk {
    fn read(&self, path: &Path) -> Option<String> {
        fs::read_to_string(self.root.join(path)).ok()
    }

    fn exists(&self, path: &Path) -> bool {
        self.root.join(path).is_file()
    }

    fn crate_dir(&self, name: &str) -> Option<PathBuf> {
        let chapters = fs::read_dir(self.root.join(LISTINGS)).ok()?;
        let mut found: Vec<PathBuf> = chapters
            .flatten()
            .map(|chapter| Path::new(LISTINGS).join(chapter.file_name()).join(name))
            .filter(|dir| self.exists(&dir.join("Cargo.toml")))
            .collect();
        found.sort();
        found.into_iter().next()
    }
}

/// One chapter of the book, as mdBook hands it over.
#[derive(Debug, Clone)]
pub struct Page {
    /// Below the book's `src`: `futures/custom-future.md`.
    pub path: PathBuf,
    /// The number of its top-level chapter in `SUMMARY.md` (3 for 3.2),
    /// if it is numbered.
    pub chapter: Option<u32>,
    pub text: String,
}

/// What the book's configuration says.
#[derive(Debug, Clone)]
pub struct Options {
    /// The book's source folder, below its root.
    pub src: PathBuf,
    /// As mdBook renders the rest of the page (`output.html`).
    pub smart_punctuation: bool,
}

/// What a listing or figure is called, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `Listing 3-7`.
    pub label: String,
    pub page: PathBuf,
    pub id: String,
}

/// A listing or a figure, as the index read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    Listing(Listing),
    Figure(Figure),
}

/// What a page needs from the rest of the book: numbers, refs, plans.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Per page, its listings and figures in order, read once, with their
    /// numbers (`3-7`).
    pub numbered: BTreeMap<PathBuf, Vec<(String, Shown)>>,
    pub targets: BTreeMap<String, Target>,
    /// Per page with `minutes=`, its minutes and the line that gives them.
    pub minutes: BTreeMap<PathBuf, (u32, usize)>,
    /// Per plan page, its tables in order.
    pub tables: BTreeMap<PathBuf, Vec<String>>,
    /// Each discussion answer's id, and its page.
    pub answers: BTreeMap<String, PathBuf>,
}

/// Expands every page; the texts come back in the pages' order.
pub fn expand_book(
    pages: &[Page],
    files: &dyn Files,
    options: &Options,
) -> Result<Vec<String>, Error> {
    let index = index_book(pages, files, options)?;
    pages
        .iter()
        .map(|page| expand_page(page, &index, files, options))
        .collect()
}

fn source_file(page: &Page, options: &Options) -> PathBuf {
    options.src.join(&page.path)
}

fn find_directives<'a>(
    page: &'a Page,
    options: &Options,
) -> Result<Vec<Directive<'a>>, Error> {
    directives::find(&page.text).map_err(|malformed| {
        Error::at(
            &source_file(page, options),
            malformed.line,
            malformed.message,
        )
    })
}

/// Numbers listings and figures in book order, chapter by chapter, and
/// reads every page's minutes and every plan.
pub fn index_book(
    pages: &[Page],
    files: &dyn Files,
    options: &Options,
) -> Result<Index, Error> {
    let mut index = Index::default();
    let mut counts: BTreeMap<u32, (u32, u32)> = BTreeMap::new();
    let mut plans = Vec::new();
    for page in pages {
        let file = source_file(page, options);
        let page_dir = file.parent().unwrap_or(Path::new(""));
        let mut notes_line = None;
        for directive in find_directives(page, options)? {
            let fail = |message: String| Error::at(&file, directive.line, message);
            let shown = match directive.name {
                "listing" => Shown::Listing(
                    listings::parse_listing(directive.args, files).map_err(fail)?,
                ),
                "figure" => Shown::Figure(
                    listings::parse_figure(directive.args, page_dir, files)
                        .map_err(fail)?,
                ),
                "output" => {
                    listings::parse_output(directive.args, files).map_err(fail)?;
                    continue;
                }
                "speaker-notes" => {
                    if let Some(first) = notes_line.replace(directive.line) {
                        return Err(fail(format!(
                            "a second speaker-notes block (the first is on line \
                             {first}): a page has one"
                        )));
                    }
                    if let Some(minutes) =
                        notes::parse_minutes(directive.args).map_err(fail)?
                    {
                        index
                            .minutes
                            .insert(page.path.clone(), (minutes, directive.line));
                    }
                    continue;
                }
                "plan" => {
                    if !directive.args.is_empty() {
                        return Err(fail("`{{#plan}}` takes no arguments".into()));
                    }
                    plans.push((
                        page,
                        directive.line,
                        directive.body.unwrap_or_default(),
                    ));
                    continue;
                }
                _ => continue, // refs are read once every target is known
            };
            let (kind, key) = match &shown {
                Shown::Listing(listing) => ("Listing", listing.key.clone()),
                Shown::Figure(figure) => ("Figure", figure.key.clone()),
            };
            let Some(chapter) = page.chapter else {
                return Err(fail(format!(
                    "a {} needs a numbered chapter, and SUMMARY.md does not number \
                     this page",
                    kind.to_lowercase()
                )));
            };
            let count = counts.entry(chapter).or_default();
            let n = if kind == "Listing" {
                count.0 += 1;
                count.0
            } else {
                count.1 += 1;
                count.1
            };
            let number = format!("{chapter}-{n}");
            let target = Target {
                label: format!("{kind} {number}"),
                page: page.path.clone(),
                id: html_id(&kind.to_lowercase(), &key),
            };
            if let Some(first) = index.targets.insert(key.clone(), target) {
                return Err(fail(format!(
                    "the key `{key}` is {} already: give one of them `id=`",
                    first.label
                )));
            }
            index
                .numbered
                .entry(page.path.clone())
                .or_default()
                .push((number, shown));
        }
    }
    index.tables = plan_tables(pages, &plans, &index.minutes, options)?;
    index.answers = answers::answer_pages(
        pages.iter().map(|p| (p.path.as_path(), p.text.as_str())),
    );
    Ok(index)
}

/// Each plan's tables, after checking that every page with minutes is in
/// exactly one plan, and every page a plan names has minutes.
fn plan_tables(
    pages: &[Page],
    plans: &[(&Page, usize, &str)],
    minutes: &BTreeMap<PathBuf, (u32, usize)>,
    options: &Options,
) -> Result<BTreeMap<PathBuf, Vec<String>>, Error> {
    let mut tables: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    let mut planned_in: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    for (plan_page, line, body) in plans {
        let file = source_file(plan_page, options);
        let rows = parse_plan(body)
            .map_err(|(offset, message)| Error::at(&file, line + offset, message))?;
        let mut segments = Vec::new();
        for row in rows {
            let fail = |message: String| Error::at(&file, line + row.line, message);
            let row_minutes = match &row.timing {
                Timing::Minutes(minutes) => *minutes,
                Timing::Page(dest) => {
                    let dest = dest.split('#').next().unwrap_or_default();
                    let dir = plan_page.path.parent().unwrap_or(Path::new(""));
                    let page = normalize(&dir.join(dest));
                    if !pages.iter().any(|p| p.path == page) {
                        return Err(fail(format!(
                            "{} is not a page of the book (SUMMARY.md)",
                            options.src.join(&page).display()
                        )));
                    }
                    let Some((page_minutes, _)) = minutes.get(&page) else {
                        return Err(fail(format!(
                            "{} has no minutes: give its speaker notes `minutes=N`",
                            options.src.join(&page).display()
                        )));
                    };
                    if let Some(first) =
                        planned_in.insert(page.clone(), file.clone())
                    {
                        return Err(fail(format!(
                            "{} is in {} already: a page's minutes count in one plan",
                            options.src.join(&page).display(),
                            first.display()
                        )));
                    }
                    *page_minutes
                }
            };
            segments.push((row.segment, row_minutes, row.focus));
        }
        tables
            .entry(plan_page.path.clone())
            .or_default()
            .push(plan_table(&segments));
    }
    for (page, (page_minutes, line)) in minutes {
        if !planned_in.contains_key(page) {
            return Err(Error::at(
                &options.src.join(page),
                *line,
                format!(
                    "the speaker notes give {}, but no session plan lists this page",
                    notes::minutes_text(*page_minutes)
                ),
            ));
        }
    }
    Ok(tables)
}

/// The page with every directive of ours expanded.
pub fn expand_page(
    page: &Page,
    index: &Index,
    files: &dyn Files,
    options: &Options,
) -> Result<String, Error> {
    let file = source_file(page, options);
    let depth = file.parent().map_or(0, |dir| dir.components().count());
    let to_root = "../".repeat(depth);
    let mut numbered = index.numbered.get(&page.path).into_iter().flatten();
    let mut tables = index.tables.get(&page.path).into_iter().flatten();
    // Refs inside a block (a caption, notes, a plan's focus) are expanded
    // with the block.
    let refs = |text: &str, line: usize| expand_refs(text, line, page, index, &file);
    let headings: Vec<_> = markdown::Page::parse(&page.text)
        .headings
        .into_iter()
        .map(|heading| heading.range)
        .collect();
    let mut out = String::with_capacity(page.text.len());
    let mut copied = 0;
    for directive in find_directives(page, options)? {
        let fail = |message: String| Error::at(&file, directive.line, message);
        let body = directive.body.unwrap_or_default();
        let text = match directive.name {
            "listing" | "figure" => {
                let caption = refs(body, directive.line)?;
                let caption = caption_html(&caption, options).map_err(fail)?;
                match numbered.next().expect("indexed") {
                    (number, Shown::Listing(listing)) => {
                        listings::render_listing(listing, number, &caption, &to_root)
                    }
                    (number, Shown::Figure(figure)) => {
                        listings::render_figure(figure, number, &caption)
                    }
                }
            }
            "output" => {
                let output =
                    listings::parse_output(directive.args, files).map_err(fail)?;
                listings::render_output(&output, &to_root)
            }
            "speaker-notes" => {
                let minutes =
                    index.minutes.get(&page.path).map(|(minutes, _)| *minutes);
                notes::render_notes(minutes, &refs(body, directive.line)?)
            }
            "plan" => refs(tables.next().expect("indexed"), directive.line)?,
            "ref" => {
                let in_quiz = quiz_name(&page.text, directive.span.start);
                // A heading is a link already: a link inside it is not HTML.
                let plain = in_quiz.is_some()
                    || headings.iter().any(|h| h.contains(&directive.span.start));
                ref_text(directive.args, plain, page, index).map_err(|message| {
                    match in_quiz_file(&file, &page.text, directive.span.start) {
                        Some(quiz) => Error {
                            file: quiz,
                            line: None,
                            message,
                        },
                        None => fail(message),
                    }
                })?
            }
            _ => unreachable!("directives::find returns only ours"),
        };
        out.push_str(&page.text[copied..directive.span.start]);
        out.push_str(&text);
        copied = directive.span.end;
    }
    out.push_str(&page.text[copied..]);
    // mdBook's `links` unescapes `\{{#...}}`, but not a closing tag.
    for name in directives::BLOCKS {
        out =
            out.replace(&format!("\\{{{{/{name}}}}}"), &format!("{{{{/{name}}}}}"));
    }
    Ok(answers::link_answers(&out, &page.path, &index.answers))
}

/// The refs in `text`, a block's body that starts on line `line` of `page`,
/// expanded; any other directive there is a fault.
fn expand_refs(
    text: &str,
    line: usize,
    page: &Page,
    index: &Index,
    file: &Path,
) -> Result<String, Error> {
    let found = directives::find(text).map_err(|malformed| {
        Error::at(file, line + malformed.line - 1, malformed.message)
    })?;
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for directive in found {
        let fail =
            |message: String| Error::at(file, line + directive.line - 1, message);
        if directive.name != "ref" {
            return Err(fail(format!(
                "`{{{{#{}}}}}` cannot stand inside another directive",
                directive.name
            )));
        }
        out.push_str(&text[copied..directive.span.start]);
        out.push_str(&ref_text(directive.args, false, page, index).map_err(fail)?);
        copied = directive.span.end;
    }
    out.push_str(&text[copied..]);
    Ok(out)
}

/// What `{{#ref key}}` becomes: a link, or the number alone (`plain`) in a
/// heading, or in a quiz, which renders its own Markdown, where mdBook
/// rewrites no link.
fn ref_text(
    key: &str,
    plain: bool,
    page: &Page,
    index: &Index,
) -> Result<String, String> {
    let Some(target) = index.targets.get(key) else {
        return Err(format!(
            "`{{{{#ref {key}}}}}`: no listing or figure has this key"
        ));
    };
    Ok(if plain {
        target.label.clone()
    } else {
        ref_link(target, &page.path)
    })
}

/// The quiz file whose data holds byte `offset` of the page at `file`.
fn in_quiz_file(file: &Path, text: &str, offset: usize) -> Option<PathBuf> {
    quiz_name(text, offset).map(|quiz| file.with_file_name(format!("{quiz}.toml")))
}

/// `<a href="../futures/custom-future.md#listing-pending-three-times">Listing
/// 3-7</a>`, written on page `from`. HTML rather than a Markdown link, so
/// that it works in raw HTML too (a hand-written `<figcaption>`); mdBook
/// turns `.md` into `.html` in both.
pub fn ref_link(target: &Target, from: &Path) -> String {
    let href = if target.page == from {
        format!("#{}", target.id)
    } else {
        let depth = from.parent().map_or(0, |dir| dir.components().count());
        format!(
            "{}{}#{}",
            "../".repeat(depth),
            target.page.to_string_lossy(),
            target.id
        )
    };
    format!("<a href=\"{href}\">{}</a>", target.label)
}

/// The quiz whose data holds byte `offset` of `text`, if any: mdbook-quiz
/// puts a quiz on one line, `<div class="quiz-placeholder" data-quiz-name=..`.
fn quiz_name(text: &str, offset: usize) -> Option<String> {
    let start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let line = &text[start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    if !line.contains("class=\"quiz-placeholder\"") {
        return None;
    }
    let name = line.split("data-quiz-name=\"").nth(1)?;
    Some(name[..name.find('"')?].to_string())
}

/// A caption's Markdown as inline HTML, for a `<figcaption>`.
fn caption_html(caption: &str, options: &Options) -> Result<String, String> {
    let caption = caption.trim();
    if caption.contains("\n\n") {
        return Err("a caption is one paragraph: it has a blank line".into());
    }
    let mut parse = pulldown_cmark::Options::empty();
    parse.set(
        pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION,
        options.smart_punctuation,
    );
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(caption, parse),
    );
    let html = html.trim_end();
    Ok(html
        .strip_prefix("<p>")
        .and_then(|html| html.strip_suffix("</p>"))
        .unwrap_or(html)
        .to_string())
}

/// `a/b/../c` as `a/c`, without touching the disk.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The preprocessor as mdBook runs it: `[preprocessor.course]`.
pub struct Course;

impl Preprocessor for Course {
    fn name(&self) -> &str {
        "course"
    }

    fn run(
        &self,
        ctx: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        let options = Options {
            src: ctx.config.book.src.clone(),
            smart_punctuation: ctx
                .config
                .html_config()
                .is_none_or(|html| html.smart_punctuation),
        };
        let pages: Vec<Page> = book
            .iter()
            .filter_map(|item| match item {
                BookItem::Chapter(chapter) => Some(Page {
                    path: chapter.source_path.clone()?,
                    chapter: chapter
                        .number
                        .as_ref()
                        .and_then(|n| n.first().copied()),
                    text: chapter.content.clone(),
                }),
                _ => None,
            })
            .collect();
        let files = Disk {
            root: ctx.root.clone(),
        };
        let expanded = expand_book(&pages, &files, &options)?;
        // The page-weight benchmark measures mdBook's defaults: the quiz's
        // own tags.
        let keep_quiz_assets = ctx
            .config
            .get::<bool>("preprocessor.course.keep-quiz-assets")?
            .unwrap_or(false);
        let mut by_path: HashMap<PathBuf, String> = pages
            .into_iter()
            .map(|page| page.path)
            .zip(expanded)
            .collect();
        book.for_each_chapter_mut(|chapter| {
            let text = chapter.source_path.as_ref().and_then(|p| by_path.remove(p));
            if let Some(text) = text {
                chapter.content = if keep_quiz_assets {
                    text
                } else {
                    quiz_assets::without_asset_tags(&text)
                };
            }
        });
        Ok(book)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few files in memory, by path below the root.
    pub(crate) struct Memory(BTreeMap<PathBuf, String>);

    impl Files for Memory {
        fn read(&self, path: &Path) -> Option<String> {
            self.0.get(path).cloned()
        }

        fn exists(&self, path: &Path) -> bool {
            self.0.contains_key(path)
        }

        fn crate_dir(&self, name: &str) -> Option<PathBuf> {
            self.0.keys().find_map(|path| {
                let dir = path.parent()?;
                let is_crate = path.ends_with("Cargo.toml")
                    && dir.file_name()? == name
                    && dir.parent()?.parent()? == Path::new(LISTINGS);
                is_crate.then(|| dir.to_path_buf())
            })
        }
    }

    pub(crate) fn files(files: &[(&str, &str)]) -> Memory {
        Memory(
            files
                .iter()
                .map(|(path, text)| (PathBuf::from(path), text.to_string()))
                .collect(),
        )
    }

    fn page(path: &str, chapter: Option<u32>, text: &str) -> Page {
        Page {
            path: path.into(),
            chapter,
            text: text.into(),
        }
    }

    fn options() -> Options {
        Options {
            src: "src".into(),
            smart_punctuation: true,
        }
    }

    fn listing_files() -> Memory {
        files(&[
            ("listings/a/one/Cargo.toml", ""),
            ("listings/a/one/src/main.rs", "fn main() {}\n"),
            ("listings/a/two/Cargo.toml", ""),
            ("listings/a/two/src/main.rs", "fn main() {}\n"),
            ("listings/a/two/output.txt", "$ cargo run -p two\n"),
            ("src/a/flow.svg", "<svg/>"),
        ])
    }

    fn expand(pages: &[Page]) -> Result<Vec<String>, Error> {
        expand_book(pages, &listing_files(), &options())
    }

    #[test]
    fn listings_and_figures_are_numbered_per_chapter_and_refs_link_them() {
        let pages = [
            page(
                "a/index.md",
                Some(1),
                "{{#listing one}}\nThe *first*.\n{{/listing}}\n",
            ),
            page(
                "a/more.md",
                Some(1),
                "{{#figure flow.svg}}\nIt's a flow.\n{{/figure}}\n\
                 {{#listing two}}\n{{/listing}}\nSee {{#ref one}} and {{#ref two}}.\n",
            ),
            page(
                "b.md",
                Some(2),
                "{{#listing one id=again output=none}}\n{{/listing}}\n{{#ref figure:flow}}",
            ),
        ];
        let out = expand(&pages).unwrap();
        assert!(
            out[0].contains(
                "Listing 1-1: <code>one</code> — The <em>first</em>.</figcaption>"
            ),
            "{}",
            out[0]
        );
        assert!(out[1].contains("id=\"figure-flow\">\n{{#include flow.svg}}\n<figcaption>Figure 1-1: It’s a flow."), "{}", out[1]);
        assert!(
            out[1].contains("Listing 1-2: <code>two</code></figcaption>"),
            "{}",
            out[1]
        );
        assert!(
            out[1].contains("{{#include ../../listings/a/two/output.txt}}"),
            "{}",
            out[1]
        );
        assert!(
            out[1].ends_with(
                "See <a href=\"../a/index.md#listing-one\">Listing 1-1</a> and \
             <a href=\"#listing-two\">Listing 1-2</a>.\n"
            ),
            "{}",
            out[1]
        );
        assert!(
            out[2].contains("Listing 2-1: <code>one</code>"),
            "{}",
            out[2]
        );
        assert!(
            out[2].contains("{{#rustdoc_include ../listings/a/one/src/main.rs}}"),
            "{}",
            out[2]
        );
        assert!(
            out[2].ends_with("<a href=\"a/more.md#figure-flow\">Figure 1-1</a>"),
            "{}",
            out[2]
        );
    }

    #[test]
    fn refs_inside_captions_notes_and_plans_are_expanded() {
        let pages = [
            page(
                "a/index.md",
                Some(1),
                "{{#listing one}}\nAfter {{#ref two}}.\n{{/listing}}\n\
                 {{#listing two}}\n{{/listing}}\n\
                 {{#speaker-notes minutes=2}}\n- Run {{#ref one}}.\n{{/speaker-notes}}\n",
            ),
            page(
                "plan.md",
                None,
                "{{#plan}}\n- [A](a/index.md): {{#ref two}} live\n{{/plan}}\n",
            ),
        ];
        let out = expand(&pages).unwrap();
        assert!(
            out[0].contains("After <a href=\"#listing-two\">Listing 1-2</a>."),
            "{}",
            out[0]
        );
        assert!(
            out[0].contains("- Run <a href=\"#listing-one\">Listing 1-1</a>."),
            "{}",
            out[0]
        );
        assert!(
            out[1].contains(
                "| <a href=\"a/index.md#listing-two\">Listing 1-2</a> live |"
            ),
            "{}",
            out[1]
        );
        let broken = "{{#speaker-notes}}\n\n- {{#ref nine}}\n{{/speaker-notes}}";
        let error = expand(&[page("a/index.md", Some(1), broken)]).unwrap_err();
        assert_eq!(error.line, Some(3));
    }

    #[test]
    fn refs_in_quiz_data_are_the_number_alone() {
        let quiz = "<div class=\"quiz-placeholder\" data-quiz-name=\"quiz-a\" \
                    data-quiz-questions=\"{&quot;p&quot;:&quot;In {{#ref one}}&quot;}\"></div>";
        let pages = [page(
            "a/index.md",
            Some(1),
            &format!("{{{{#listing one}}}}\n{{{{/listing}}}}\n{quiz}\n"),
        )];
        let out = expand(&pages).unwrap();
        assert!(out[0].contains("&quot;In Listing 1-1&quot;"), "{}", out[0]);
        let unknown = quiz.replace("#ref one", "#ref nine");
        let error = expand(&[page("a/index.md", Some(1), &unknown)]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "src/a/quiz-a.toml: `{{#ref nine}}`: no listing or figure has this key"
        );
    }

    #[test]
    fn a_ref_in_a_heading_is_the_number_alone_and_in_prose_a_link() {
        let text = "## About {{#ref one}}\n\n{{#listing one}}\n{{/listing}}\n\
                    See {{#ref one}}.\n";
        let out = expand(&[page("a/index.md", Some(1), text)]).unwrap();
        assert!(out[0].starts_with("## About Listing 1-1\n"), "{}", out[0]);
        assert!(out[0].contains("See <a href="), "{}", out[0]);
    }

    #[test]
    fn an_escaped_block_is_shown_as_written() {
        let text = "\\{{#listing one}}\ncaption\n\\{{/listing}}\n";
        let out = expand(&[page("a/index.md", Some(1), text)]).unwrap();
        // `links` unescapes the opening tag later; the closing one is ours.
        assert_eq!(out[0], "\\{{#listing one}}\ncaption\n{{/listing}}\n");
    }

    #[test]
    fn faults_name_the_page_and_the_line() {
        let error = |text: &str, chapter| {
            expand(&[page("a/index.md", chapter, text)])
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error("x\n{{#listing nope}}\n{{/listing}}\n", Some(1)),
            "src/a/index.md:2: unknown listing `nope` (no crate listings/*/nope)"
        );
        assert_eq!(
            error("{{#ref one}}", Some(1)),
            "src/a/index.md:1: `{{#ref one}}`: no listing or figure has this key"
        );
        assert!(
            error("{{#listing one}}\n{{/listing}}\n", None)
                .contains("numbered chapter")
        );
        assert!(
            error(
                "{{#listing one}}\n{{/listing}}\n{{#listing one}}\n{{/listing}}\n",
                Some(1)
            )
            .starts_with("src/a/index.md:3: the key `one` is Listing 1-1 already")
        );
        assert!(
            error("{{#figure flow.svg}}\nA\n\nB\n{{/figure}}", Some(1))
                .contains("one paragraph")
        );
        assert!(error("{{#speaker-notes}}\n{{/speaker-notes}}\n{{#speaker-notes}}\n{{/speaker-notes}}", Some(1))
            .starts_with("src/a/index.md:3: a second speaker-notes block"));
        assert!(
            error("{{#output one}}", Some(1))
                .contains("listings/a/one/output.txt does not exist")
        );
    }

    fn plan_book(plan: &str, second: &str) -> Vec<Page> {
        vec![
            page(
                "intro.md",
                None,
                "# Intro\n{{#speaker-notes minutes=3}}\n- Ask.\n{{/speaker-notes}}\n",
            ),
            page(
                "a/index.md",
                Some(1),
                "# A\n\n{{#speaker-notes minutes=55}}\n{{/speaker-notes}}\n",
            ),
            page(
                "a/quiet.md",
                Some(1),
                "# Quiet\n{{#speaker-notes}}\n- None.\n{{/speaker-notes}}\n",
            ),
            page(
                "instructors/plan.md",
                Some(2),
                &format!("# Plan\n\n{{{{#plan}}}}\n{plan}{{{{/plan}}}}\n"),
            ),
            page(
                "instructors/second.md",
                Some(3),
                &format!("{{{{#plan}}}}\n{second}{{{{/plan}}}}\n"),
            ),
        ]
    }

    #[test]
    fn a_plan_times_its_pages_by_their_speaker_notes() {
        let plan = "- [Intro](../intro.md): Who is here\n- Break, 5 minutes\n";
        let out = expand(&plan_book(plan, "- [A](../a/index.md)\n")).unwrap();
        assert!(
            out[0].contains("**Timing:** 3 minutes.\n\n- Ask.\n\n</details>"),
            "{}",
            out[0]
        );
        assert!(!out[2].contains("Timing"), "{}", out[2]);
        assert_eq!(
            out[3],
            "# Plan\n\n| Start | Minutes | Segment | Focus |\n|------:|--------:|---------|-------|\n\
             | 0:00 | 3 | [Intro](../intro.md) | Who is here |\n| 0:03 | 5 | Break | |\n\
             | | **8** | **Total** | |\n"
        );
        assert!(out[4].contains(
            "| 0:00 | 55 | [A](../a/index.md) | |\n| | **55** | **Total** | |"
        ));
    }

    #[test]
    fn every_timed_page_is_in_one_plan_and_every_planned_page_is_timed() {
        let error = |plan: &str, second: &str| {
            expand(&plan_book(plan, second)).unwrap_err().to_string()
        };
        let intro = "- [Intro](../intro.md)\n";
        assert_eq!(
            error(intro, "- Homework, 2 minutes\n"),
            "src/a/index.md:3: the speaker notes give 55 minutes, but no session plan lists this page"
        );
        assert_eq!(
            error(&format!("{intro}- [A](../a/index.md)\n"), intro),
            "src/instructors/second.md:2: src/intro.md is in src/instructors/plan.md already: \
             a page's minutes count in one plan"
        );
        assert_eq!(
            error(
                &format!("{intro}- [Q](../a/quiet.md)\n"),
                "- [A](../a/index.md)\n"
            ),
            "src/instructors/plan.md:5: src/a/quiet.md has no minutes: give its speaker notes `minutes=N`"
        );
        assert_eq!(
            error(
                &format!("{intro}- [Gone](../gone.md)\n"),
                "- [A](../a/index.md)\n"
            ),
            "src/instructors/plan.md:5: src/gone.md is not a page of the book (SUMMARY.md)"
        );
        assert!(
            error("- Break\n", "")
                .starts_with("src/instructors/plan.md:4: `Break` is not a page")
        );
    }
}
