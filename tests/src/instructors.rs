//! What the book promises instructors: an answer for every discussion
//! question, timed speaker notes on every page a class reads, and exercises
//! whose tests fail on the starter code and pass on the solution. The
//! session plans' tables are written by the course preprocessor
//! (`preprocessor/`), which fails the build when a timed page is in no plan
//! or in two, or a plan names a page without minutes.
//!
//! The links these checks rely on:
//!
//! - A discussion question is item `N` of the numbered list under a heading
//!   "Discussion" on a page that `SUMMARY.md` lists. Its answer is a heading
//!   in `src/instructors/` that starts with "Question N" and carries the id
//!   `answer-<page>-<N>`, where `<page>` is the page's path under `src/`
//!   without `.md`, with `/` written as `-`:
//!   `### Question 3: plugins {#answer-key-definitions-questions-3}`.
//! - Speaker notes are a `{{#speaker-notes minutes=N}}` ... `{{/speaker-notes}}`
//!   block, one per page, never a hand-written `<details>`; a page a class
//!   reads gives its minutes there, and so is in a session plan.
//! - An exercise is a crate in `listings/exercises/`, whose `src/lib.rs`
//!   builds the reader's file `src/exercise.rs`, or with the feature
//!   `solution` the model answer `solution/exercise.rs` instead, and whose
//!   tests in `tests/` are ignored unless that feature is on (so that
//!   `cargo test --workspace` stays green).
//!
//! A chapter that arrives before its answers and speaker notes is listed in
//! `PENDING` until it has them.
//!
//! Pages are read as mdBook reads them (`mdbook_course::markdown`): a
//! heading or a list shown in a code block is not one, and an answer's
//! heading is an answer only with the id written in it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use mdbook_course::answers::{self, page_slug};
use mdbook_course::directives;
use mdbook_course::markdown::Page;
use mdbook_course::notes::parse_minutes;
use regex::Regex;

use crate::markdown::{
    Include, chapters_in, includes_in_text, normalize, read_chapters,
};
use crate::{Problem, Texts, files_below, relative};

/// Where the instructor pages live, below the root.
pub const INSTRUCTORS: &str = "src/instructors";
/// Where the exercise crates live, below the root.
pub const EXERCISES: &str = "listings/exercises";

/// Chapters (folders below `src/`) that `SUMMARY.md` lists before their
/// instructor material exists: their discussion questions need no answer
/// yet, and their pages no speaker notes. An entry is for the time between
/// a chapter's arrival and its answers and notes: `check_pending_chapters`
/// fails once a chapter here has them all, or has left the book, so that
/// the entry is removed.
pub const PENDING: &[&str] = &[];

/// Whether `page` (below `src/`) is in a chapter listed in `pending`.
pub fn is_pending(pending: &[&str], page: &Path) -> bool {
    pending.iter().any(|chapter| page.starts_with(chapter))
}

/// How a page opens its speaker notes; the preprocessor writes the HTML.
pub const NOTES_OPEN: &str = "{{#speaker-notes";

/// The path below the root of `page`, a path below `src/`.
fn source(page: &Path) -> PathBuf {
    Path::new("src").join(page)
}

/// The pages `SUMMARY.md` lists, in its order, as paths below `src/`
/// (`key-definitions/questions.md`). Draft entries, `[Title]()`, have no
/// page and are left out.
pub fn summary_pages_in(summary: &str) -> Vec<PathBuf> {
    Page::parse(summary)
        .links
        .iter()
        .filter(|link| !link.image)
        .map(|link| link.dest.split('#').next().unwrap_or_default())
        .filter(|dest| dest.ends_with(".md"))
        .map(|dest| normalize(Path::new(dest)))
        .collect()
}

/// The pages of the book in `texts`, in the order `SUMMARY.md` lists them.
fn summary_of(texts: &Texts) -> Vec<PathBuf> {
    summary_pages_in(texts.get(Path::new("src/SUMMARY.md")).unwrap_or_default())
}

// ---------------------------------------------------------------------------
// Discussion questions and their answers

/// Item `number` of the Discussion list on `page` (a path below `src/`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Question {
    pub page: PathBuf,
    pub number: u64,
}

impl Question {
    /// The id of the heading that answers it.
    pub fn answer_id(&self) -> String {
        answers::answer_id(&self.page, self.number)
    }
}

/// The byte where the section of heading `index` ends: the next heading.
fn section_end(page: &Page, index: usize, text: &str) -> usize {
    page.headings
        .get(index + 1)
        .map_or(text.len(), |next| next.range.start)
}

/// The discussion questions of `page` (below `src/`), whose text is `text`,
/// as the preprocessor finds them to link their answers
/// ([`answers::discussions`]), and each Discussion heading with no numbered
/// list.
pub fn questions_in(page: &Path, text: &str) -> (Vec<Question>, Vec<Problem>) {
    let parsed = Page::parse(text);
    let mut questions = Vec::new();
    let mut problems = Vec::new();
    for discussion in answers::discussions(&parsed, text) {
        if discussion.questions.is_empty() {
            problems.push(Problem::new(
                &source(page),
                format!(
                    "line {}: a Discussion heading with no numbered list",
                    discussion.heading.line
                ),
            ));
        }
        questions.extend(discussion.questions.iter().map(|(number, _)| Question {
            page: page.to_path_buf(),
            number: *number,
        }));
    }
    (questions, problems)
}

/// Every discussion question of the pages in `texts`, page by page in
/// `SUMMARY.md`'s order. Pages not in `SUMMARY.md` are drafts, and not
/// asked yet.
pub fn discussion_questions_in(texts: &Texts) -> (Vec<Question>, Vec<Problem>) {
    let mut questions = Vec::new();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for page in summary_of(texts) {
        if page.starts_with("instructors") || !seen.insert(page.clone()) {
            continue;
        }
        let text = texts.get(&source(&page)).unwrap_or_default();
        let (found, trouble) = questions_in(&page, text);
        questions.extend(found);
        problems.extend(trouble);
    }
    (questions, problems)
}

/// A heading in the instructor pages with an id, written in the page, that
/// starts with `answer-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub file: PathBuf,
    pub line: usize,
    pub id: String,
    /// The heading's text, as the reader sees it.
    pub title: String,
    /// The words between this heading and the next, code aside.
    pub words: usize,
}

/// The answer headings of one instructor page.
pub fn answers_in(file: &Path, text: &str) -> Vec<Answer> {
    let page = Page::parse(text);
    page.headings
        .iter()
        .enumerate()
        .filter(|(_, heading)| {
            heading.explicit_id && heading.id.starts_with("answer-")
        })
        .map(|(index, heading)| {
            let body =
                &page.prose[heading.range.end..section_end(&page, index, text)];
            Answer {
                file: file.to_path_buf(),
                line: heading.line,
                id: heading.id.clone(),
                title: heading.text.clone(),
                words: body.split_whitespace().count(),
            }
        })
        .collect()
}

/// Every answer heading in the instructor pages in `texts`.
pub fn answers_of(texts: &Texts) -> Vec<Answer> {
    texts
        .below(INSTRUCTORS, ".md")
        .flat_map(|(file, text)| answers_in(file, text))
        .collect()
}

/// The fewest words an answer may have: a sentence or two at least.
const ANSWER_WORDS: usize = 20;

/// Every discussion question of the pages in `texts` has exactly one
/// answer in the instructor pages, unless its chapter is `pending`, and
/// every answer answers a question that exists.
pub fn discussion_answer_problems(texts: &Texts, pending: &[&str]) -> Vec<Problem> {
    let (questions, mut problems) = discussion_questions_in(texts);
    let answers = answers_of(texts);
    let mut by_id: BTreeMap<&str, Vec<&Answer>> = BTreeMap::new();
    for answer in &answers {
        by_id.entry(&answer.id).or_default().push(answer);
    }
    let expected: BTreeMap<String, &Question> = questions
        .iter()
        .map(|question| (question.answer_id(), question))
        .collect();
    for (id, question) in &expected {
        let page = source(&question.page);
        let Some(found) = by_id.get(id.as_str()) else {
            if is_pending(pending, &question.page) {
                continue;
            }
            problems.push(Problem::new(
                &page,
                format!(
                    "discussion question {} has no answer in {INSTRUCTORS}/: add a \
                     heading `### Question {}: ... {{#{id}}}`",
                    question.number, question.number
                ),
            ));
            continue;
        };
        if found.len() > 1 {
            let places: Vec<String> = found
                .iter()
                .map(|a| format!("{}:{}", a.file.display(), a.line))
                .collect();
            problems.push(Problem::new(
                &page,
                format!(
                    "discussion question {} is answered {} times: {}",
                    question.number,
                    found.len(),
                    places.join(", ")
                ),
            ));
        }
        for answer in found {
            let at = format!("line {}", answer.line);
            let title = format!("Question {}", question.number);
            let rest = answer.title.strip_prefix(&title);
            // "Question 3" but not "Question 30".
            let numbered = rest
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()));
            if !numbered {
                problems.push(Problem::new(
                    &answer.file,
                    format!(
                        "{at}: the heading of #{id} must start with \"{title}\", \
                         the number the reader sees, not {:?}",
                        answer.title
                    ),
                ));
            }
            if answer.words < ANSWER_WORDS {
                problems.push(Problem::new(
                    &answer.file,
                    format!(
                        "{at}: #{id} has {} words of answer; write at least {ANSWER_WORDS}",
                        answer.words
                    ),
                ));
            }
        }
    }
    let counts: BTreeMap<String, usize> =
        questions.iter().fold(BTreeMap::new(), |mut counts, q| {
            *counts.entry(page_slug(&q.page)).or_default() += 1;
            counts
        });
    for answer in &answers {
        let id = answer.id.as_str();
        if expected.contains_key(id) {
            continue;
        }
        let on_page = counts
            .iter()
            .filter(|(slug, _)| id.starts_with(&format!("answer-{slug}-")))
            .max_by_key(|(slug, _)| slug.len());
        let why = match on_page {
            Some((slug, count)) => {
                format!("the page {slug} has {count} discussion question(s)")
            }
            None => {
                "no page in SUMMARY.md has a Discussion list by that name".into()
            }
        };
        problems.push(Problem::new(
            &answer.file,
            format!(
                "line {}: #{id} answers a question that does not exist: {why}",
                answer.line
            ),
        ));
    }
    problems
}

/// Every discussion question has exactly one answer in the instructor
/// pages, and every answer answers a question that exists.
pub fn check_discussion_answers(root: &Path) -> Vec<Problem> {
    discussion_answer_problems(&read_chapters(root), PENDING)
}

// ---------------------------------------------------------------------------
// Speaker notes

/// One speaker-notes block on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notes {
    pub line: usize,
    /// `minutes=N`, if given: as the preprocessor reads them.
    pub timing: Result<Option<u32>, String>,
}

/// The speaker-notes blocks of a page, found as the preprocessor finds
/// them, and what is wrong with their form. The preprocessor fails the
/// build on the rest: a block not closed, minutes in no plan or in two.
pub fn notes_in(file: &Path, text: &str) -> (Vec<Notes>, Vec<Problem>) {
    let mut problems = Vec::new();
    let notes = match directives::find(text) {
        Ok(found) => found
            .iter()
            .filter(|directive| directive.name == "speaker-notes")
            .map(|directive| Notes {
                line: directive.line,
                timing: parse_minutes(directive.args),
            })
            .collect(),
        Err(malformed) => {
            let message = format!("line {}: {}", malformed.line, malformed.message);
            problems.push(Problem::new(file, message));
            Vec::new()
        }
    };
    for note in &notes {
        if let Err(message) = &note.timing {
            problems
                .push(Problem::new(file, format!("line {}: {message}", note.line)));
        }
    }
    let page = Page::parse(text);
    let html = page.html_blocks.iter().chain(&page.inline_html);
    for html in html.filter(|html| {
        html.text.contains("<details") && html.text.contains("speaker-notes")
    }) {
        problems.push(Problem::new(
            file,
            format!(
                "line {}: speaker notes written in HTML: write \
                 `{NOTES_OPEN} minutes=N}}}}` ... `{{{{/speaker-notes}}}}`",
                html.line
            ),
        ));
    }
    (notes, problems)
}

/// Every chapter in `texts` has at most one speaker-notes block, in the
/// directive's form; every page of `SUMMARY.md` that a class reads (all but
/// the exercises, the instructor pages and `pending` chapters) has one that
/// gives its minutes (the preprocessor then puts it in exactly one session
/// plan).
pub fn speaker_notes_problems(texts: &Texts, pending: &[&str]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (file, text) in chapters_in(texts) {
        let (notes, trouble) = notes_in(file, text);
        problems.extend(trouble);
        if notes.len() > 1 {
            problems.push(Problem::new(
                file,
                format!(
                    "{} speaker-notes blocks: a page has one, at its end",
                    notes.len()
                ),
            ));
        }
    }
    let taught = summary_of(texts).into_iter().filter(|page| {
        !page.starts_with("instructors")
            && !page.starts_with("exercises")
            && !is_pending(pending, page)
    });
    for page in taught {
        let file = source(&page);
        let text = texts.get(&file).unwrap_or_default();
        match notes_in(&file, text).0.first() {
            None => problems.push(Problem::new(
                &file,
                "a page the class reads has no speaker notes: end it with a \
                 `{{#speaker-notes minutes=N}}` block",
            )),
            Some(Notes {
                line,
                timing: Ok(None),
            }) => problems.push(Problem::new(
                &file,
                format!(
                    "line {line}: a page the class reads gives its minutes in its \
                     speaker notes, `{{{{#speaker-notes minutes=N}}}}`, for the \
                     session plan"
                ),
            )),
            Some(_) => {}
        }
    }
    problems
}

pub fn check_speaker_notes(root: &Path) -> Vec<Problem> {
    speaker_notes_problems(&read_chapters(root), PENDING)
}

/// The words of core text a class minute leaves time to read or show:
/// listings' code, outputs and questions come on top.
pub const WORDS_PER_MINUTE: usize = 120;

/// The words of a page a class reads: its prose before the speaker notes,
/// without code, directives, or sections whose heading ends "(optional)".
pub fn core_words(text: &str) -> usize {
    let end = text.find(NOTES_OPEN).unwrap_or(text.len());
    let page = Page::parse(&text[..end]);
    let mut skipped = Vec::new();
    for (at, heading) in page.headings.iter().enumerate() {
        if heading.text.trim_end().ends_with("(optional)") {
            let until = page.headings[at + 1..]
                .iter()
                .find(|next| next.level <= heading.level)
                .map_or(end, |next| next.range.start);
            skipped.push(heading.range.start..until);
        }
    }
    // A directive's tags are not words; a caption between them is. A tag
    // may touch punctuation, as in "{{#ref x}}'s" or "({{#ref x}})".
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\{\{[#/][^}]*\}\}").expect("valid"));
    let prose = TAG.replace_all(&page.prose, |tag: &regex::Captures| {
        tag[0].replace(|ch: char| ch != '\n', " ")
    });
    let mut words = 0;
    let mut offset = 0;
    for word in prose.split_inclusive(char::is_whitespace) {
        let at = offset;
        offset += word.len();
        if skipped.iter().any(|range| range.contains(&at)) {
            continue;
        }
        if word.chars().any(char::is_alphanumeric) {
            words += 1;
        }
    }
    words
}

/// Every timed page gives at least a minute per [`WORDS_PER_MINUTE`] words
/// of its core text.
pub fn pace_problems(texts: &Texts) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (file, text) in chapters_in(texts) {
        let Some(Notes {
            line,
            timing: Ok(Some(minutes)),
        }) = notes_in(file, text).0.first().cloned()
        else {
            continue;
        };
        let words = core_words(text);
        let needed = words.div_ceil(WORDS_PER_MINUTE);
        if needed > minutes as usize {
            problems.push(Problem::new(
                file,
                format!(
                    "line {line}: {minutes} minutes for {words} words: give it \
                     {needed}, or mark a section \"(optional)\" in its heading"
                ),
            ));
        }
    }
    problems
}

pub fn check_pace(root: &Path) -> Vec<Problem> {
    pace_problems(&read_chapters(root))
}

/// Each chapter in `pending` is in `SUMMARY.md` and still lacks an answer
/// or speaker notes; once it has them all, it must leave the list.
pub fn pending_chapter_problems(texts: &Texts, pending: &[&str]) -> Vec<Problem> {
    let file = Path::new("tests/src/instructors.rs");
    let pages = summary_of(texts);
    let (questions, _) = discussion_questions_in(texts);
    let answered: BTreeSet<String> = answers_of(texts)
        .into_iter()
        .map(|answer| answer.id)
        .collect();
    let mut problems = Vec::new();
    for chapter in pending {
        let in_chapter: Vec<&PathBuf> = pages
            .iter()
            .filter(|page| page.starts_with(chapter))
            .collect();
        if in_chapter.is_empty() {
            problems.push(Problem::new(
                file,
                format!(
                    "PENDING lists {chapter}, which SUMMARY.md does not: remove it"
                ),
            ));
            continue;
        }
        let unanswered = questions
            .iter()
            .filter(|q| q.page.starts_with(chapter))
            .any(|q| !answered.contains(&q.answer_id()));
        let unnoted = in_chapter.iter().any(|page| {
            let file = source(page);
            let text = texts.get(&file).unwrap_or_default();
            notes_in(&file, text).0.is_empty()
        });
        if !unanswered && !unnoted {
            problems.push(Problem::new(
                file,
                format!(
                    "{chapter} has answers to all its discussion questions and \
                     speaker notes on every page: remove it from PENDING"
                ),
            ));
        }
    }
    problems
}

/// Each chapter in `pending` (the tree's `PENDING`) is in `SUMMARY.md` and
/// still lacks an answer or speaker notes; once it has them all, it must
/// leave the list.
pub fn check_pending_chapters(root: &Path, pending: &[&str]) -> Vec<Problem> {
    pending_chapter_problems(&read_chapters(root), pending)
}

// ---------------------------------------------------------------------------
// Exercises

/// Every exercise crate: `listings/exercises/<name>/`.
pub fn exercise_dirs(root: &Path) -> Vec<PathBuf> {
    files_below(&root.join(EXERCISES), "Cargo.toml")
        .into_iter()
        .filter_map(|manifest| manifest.parent().map(Path::to_path_buf))
        .collect()
}

static ANCHOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR:\s*([\w-]+)").unwrap());

/// The file of an exercise crate that the reader edits. `src/lib.rs` builds
/// it unless the `solution` feature is on; it has no `cfg` attribute, so the
/// reader may add to it freely.
pub const STARTER: &str = "src/exercise.rs";

/// The model answer, outside `src/`: `src/lib.rs` builds it instead of the
/// starter when the `solution` feature is on.
pub const SOLUTION: &str = "solution/exercise.rs";

/// What `src/lib.rs` must say to swap the starter for the model answer.
const SWAP: [&str; 3] = [
    "#[cfg(not(feature = \"solution\"))]\nmod exercise;",
    "#[cfg(feature = \"solution\")]\n#[path = \"../solution/exercise.rs\"]",
    "pub use exercise::*;",
];

static CFG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"#!?\[\s*cfg(_attr)?\b").unwrap());

/// The command that tests a reader's answer, as each exercise page says it.
pub fn test_command(name: &str) -> String {
    format!("cargo test -p {name} -- --include-ignored")
}

/// Whether the includes in `shown` (the anchors a page includes of one
/// file, `""` for the whole file) show all of a file with `anchors`.
fn shows_all(shown: &BTreeSet<String>, anchors: &BTreeSet<String>) -> bool {
    shown.contains("") || (!anchors.is_empty() && anchors.is_subset(shown))
}

/// Each exercise crate in `texts` has a `solution` feature, the reader's
/// file `src/exercise.rs` (`STARTER`) with no `cfg` attribute, the model
/// answer `solution/exercise.rs` (`SOLUTION`), a `src/lib.rs` that builds
/// one or the other, and tests in `tests/`. One page (the exercise) shows
/// all of the starter (the whole file, or each of its anchors) and every
/// test file, says the command that tests an answer, and includes nothing
/// of `solution/`; another page (the solution) shows all of the model
/// answer.
pub fn exercise_page_problems(texts: &Texts) -> Vec<Problem> {
    let mut problems = Vec::new();
    let all: Vec<Include> = chapters_in(texts)
        .flat_map(|(chapter, text)| includes_in_text(chapter, text))
        .collect();
    let dirs: Vec<&Path> = texts
        .below(EXERCISES, "/Cargo.toml")
        .filter_map(|(manifest, _)| manifest.parent())
        .collect();
    for dir in dirs {
        let name = dir.file_name().unwrap_or_default().to_string_lossy();
        let manifest = dir.join("Cargo.toml");
        let (lib, starter, solution) = (
            dir.join("src/lib.rs"),
            dir.join(STARTER),
            dir.join(SOLUTION),
        );
        let mut problem = |file: &Path, message: String| {
            problems.push(Problem::new(file, message));
        };
        let toml = texts.get(&manifest).unwrap_or_default();
        let has_feature = toml
            .parse::<toml::Table>()
            .ok()
            .and_then(|t| Some(t.get("features")?.get("solution")?.is_array()))
            .unwrap_or(false);
        if !has_feature {
            problem(
                &manifest,
                "an exercise needs a feature `solution = []` that builds the \
                 model answer"
                    .into(),
            );
        }
        let (Some(starter_text), Some(_)) =
            (texts.get(&starter), texts.get(&solution))
        else {
            problem(
                &manifest,
                format!(
                    "an exercise needs the reader's file {STARTER} and the model \
                     answer {SOLUTION}"
                ),
            );
            continue;
        };
        if CFG.is_match(starter_text) {
            problem(
                &starter,
                "the reader's file must have no `cfg` attribute: src/lib.rs \
                 chooses between it and the model answer"
                    .into(),
            );
        }
        let lib_text = texts.get(&lib).unwrap_or_default();
        for line in SWAP.iter().filter(|line| !lib_text.contains(*line)) {
            problem(
                &lib,
                format!(
                    "src/lib.rs must build {STARTER} without the `solution` \
                     feature and {SOLUTION} with it; it lacks `{line}`"
                ),
            );
        }
        let tests: Vec<&Path> = texts
            .below(dir.join("tests"), ".rs")
            .map(|(test, _)| test)
            .collect();
        if tests.is_empty() {
            problem(
                &manifest,
                "an exercise needs its tests in tests/*.rs".into(),
            );
        }
        let anchors = |file: &Path| -> BTreeSet<String> {
            ANCHOR
                .captures_iter(texts.get(file).unwrap_or_default())
                .map(|caps| caps[1].to_string())
                .collect()
        };
        // For one file: the pages that include it, and what of it.
        let pages_showing = |file: &Path| {
            let mut pages: BTreeMap<&Path, BTreeSet<String>> = BTreeMap::new();
            for include in all.iter().filter(|i| i.target == file) {
                pages
                    .entry(&include.chapter)
                    .or_default()
                    .insert(include.anchor.clone().unwrap_or_default());
            }
            pages
        };
        let starter_anchors = anchors(&starter);
        let exercise = pages_showing(&starter)
            .into_iter()
            .find(|(_, shown)| shows_all(shown, &starter_anchors));
        let Some((page, _)) = exercise else {
            problem(
                &starter,
                "no page shows all of it: include the whole file, or each of its \
                 anchors"
                    .into(),
            );
            continue;
        };
        let solution_anchors = anchors(&solution);
        let solution_page =
            pages_showing(&solution)
                .into_iter()
                .find(|(shown_on, shown)| {
                    *shown_on != page && shows_all(shown, &solution_anchors)
                });
        if solution_page.is_none() {
            problem(
                &solution,
                format!(
                    "no page other than {} shows all of it: include the whole \
                     file, or each of its anchors",
                    page.display()
                ),
            );
        }
        let on_page = || all.iter().filter(|i| i.chapter == page);
        for include in
            on_page().filter(|i| i.target.starts_with(dir.join("solution")))
        {
            problem(
                page,
                format!(
                    "the exercise page shows {}, the model answer: show it on \
                     the solution page only",
                    include.target.display()
                ),
            );
        }
        let included: BTreeSet<&Path> =
            on_page().map(|i| i.target.as_path()).collect();
        for test in &tests {
            if !included.contains(test) {
                problem(
                    page,
                    format!("the exercise page must show {}", test.display()),
                );
            }
        }
        let text = texts.get(page).unwrap_or_default();
        if !text.contains(&test_command(&name)) {
            problem(
                page,
                format!(
                    "the exercise page must tell the reader to run `{}`",
                    test_command(&name)
                ),
            );
        }
    }
    problems
}

/// The exercise pages of the tree at `root`: see `exercise_page_problems`.
pub fn check_exercise_pages(root: &Path) -> Vec<Problem> {
    let mut texts = read_chapters(root);
    texts.load_below(root, EXERCISES, ".toml");
    texts.load_below(root, EXERCISES, ".rs");
    exercise_page_problems(&texts)
}

/// How one test ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed,
    Ignored,
}

/// The tests one `cargo test` run reported, by name, and whether it built.
#[derive(Debug, Clone, Default)]
pub struct TestRun {
    pub built: bool,
    pub tests: BTreeMap<String, Outcome>,
    pub log: String,
}

static TEST_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^test (\S+) \.\.\. (ok|FAILED|ignored)\b").unwrap()
});

/// Reads libtest's `test NAME ... ok` lines from a `cargo test` log.
pub fn parse_test_log(log: &str) -> BTreeMap<String, Outcome> {
    TEST_LINE
        .captures_iter(log)
        .map(|caps| {
            let outcome = match &caps[2] {
                "ok" => Outcome::Passed,
                "FAILED" => Outcome::Failed,
                _ => Outcome::Ignored,
            };
            (caps[1].to_string(), outcome)
        })
        .collect()
}

/// Runs `cargo COMMAND --target-dir TARGET_DIR REST...` in `root`, and
/// reports the tests it ran.
fn cargo(root: &Path, args: &[&str], target_dir: &Path) -> TestRun {
    let (command, rest) = args.split_first().expect("a cargo command");
    let out = Command::new(xtask::cargo())
        .arg(command)
        .arg("--target-dir")
        .arg(target_dir)
        .args(rest)
        .current_dir(root)
        .env("CARGO_TERM_COLOR", "never")
        .output();
    let Ok(out) = out else {
        return TestRun::default();
    };
    let mut log = String::from_utf8_lossy(&out.stdout).into_owned();
    log.push_str(&String::from_utf8_lossy(&out.stderr));
    // A build error stops cargo before any test runs, with this line.
    let built = !log.contains("error: could not compile");
    TestRun {
        built: built && (out.status.success() || !parse_test_log(&log).is_empty()),
        tests: parse_test_log(&log),
        log,
    }
}

/// The names of the tests with `outcome`.
fn with(run: &TestRun, outcome: Outcome) -> Vec<&str> {
    run.tests
        .iter()
        .filter(|(_, o)| **o == outcome)
        .map(|(name, _)| name.as_str())
        .collect()
}

/// For each exercise: its tests are ignored in a plain `cargo test` (so the
/// workspace stays green), every one of them fails on the starter code and
/// passes on the solution, and clippy passes on the solution too (the
/// workspace's own clippy run sees only the starter).
pub fn check_exercises(root: &Path, target_dir: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for dir in exercise_dirs(root) {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        // Each problem names the file to look at: the reader's, the model
        // answer, or the tests.
        let reader = relative(root, &dir.join(STARTER));
        let answer = relative(root, &dir.join(SOLUTION));
        let tests = relative(root, &dir.join("tests"));
        let mut problem = |file: &Path, message: String| {
            problems.push(Problem::new(file, message));
        };
        let test = ["test", "--offline", "--no-fail-fast", "-p", &name];

        let plain = cargo(root, &test, target_dir);
        if !plain.built {
            problem(
                &reader,
                format!("the starter code does not build:\n{}", plain.log),
            );
            continue;
        }
        let run = with(&plain, Outcome::Passed)
            .into_iter()
            .chain(with(&plain, Outcome::Failed))
            .collect::<Vec<_>>();
        if !run.is_empty() {
            problem(
                &tests,
                format!(
                    "`cargo test -p {name}` runs {run:?} on the starter code: \
                     mark each test #[cfg_attr(not(feature = \"solution\"), ignore = ...)]"
                ),
            );
        }

        let starter = cargo(
            root,
            &[&test[..], &["--", "--include-ignored"]].concat(),
            target_dir,
        );
        let solution = cargo(
            root,
            &[
                &test[..],
                &["--features", "solution", "--", "--include-ignored"],
            ]
            .concat(),
            target_dir,
        );
        if !solution.built {
            problem(
                &answer,
                format!("the solution does not build:\n{}", solution.log),
            );
            continue;
        }
        if starter.tests.is_empty() {
            problem(&tests, "the exercise has no tests".into());
        }
        let passed = with(&starter, Outcome::Passed);
        if !passed.is_empty() {
            problem(
                &reader,
                format!(
                    "these tests pass on the starter code, so they test \
                     nothing the reader writes: {passed:?}"
                ),
            );
        }
        let not_passed: Vec<&str> = solution
            .tests
            .iter()
            .filter(|(_, outcome)| **outcome != Outcome::Passed)
            .map(|(name, _)| name.as_str())
            .collect();
        if !not_passed.is_empty() {
            problem(
                &answer,
                format!(
                    "these tests do not pass on the solution: {not_passed:?}\n{}",
                    solution.log
                ),
            );
        }
        let names =
            |run: &TestRun| run.tests.keys().cloned().collect::<BTreeSet<_>>();
        if names(&starter) != names(&solution) {
            problem(
                &tests,
                format!(
                    "the starter runs the tests {:?}, the solution {:?}: both must run \
                 the same ones",
                    names(&starter),
                    names(&solution)
                ),
            );
        }

        let clippy = Command::new(xtask::cargo())
            .args(["clippy", "--offline", "-p", &name, "--all-targets"])
            .args(["--features", "solution", "--target-dir"])
            .arg(target_dir)
            .args(["--", "-D", "warnings"])
            .current_dir(root)
            .env("CARGO_TERM_COLOR", "never")
            .output();
        match clippy {
            Ok(out) if out.status.success() => {}
            Ok(out) => problem(
                &answer,
                format!(
                    "clippy fails on the solution (--features solution):\n{}",
                    String::from_utf8_lossy(&out.stderr)
                ),
            ),
            Err(error) => {
                problem(&answer, format!("cannot run cargo clippy: {error}"))
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each problem as `file: message`.
    fn messages(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    const SUMMARY: &str = "# Summary\n\n[Intro](index.md)\n\n\
                           - [Questions](demo/questions.md#top)\n\
                           - [Draft]()\n\
                           - [Exercise](exercises/one.md)\n\n\
                           # For instructors\n\n\
                           - [Answers](instructors/answers.md)\n";

    const QUESTIONS: &str = "# Questions\n\n\
                             ```markdown\n## Discussion\n\n1. Not a question.\n```\n\n\
                             ## Discussion\n\n\
                             - a bullet, not a question\n\n\
                             3. Why sleep?\n   1. A nested list is part of it.\n\
                             4. Why block?\n\n\
                             {{#speaker-notes minutes=5}}\n- One question.\n{{/speaker-notes}}\n";

    /// An answer of at least 20 words, code aside.
    const LONG: &str = "The thread is off the processor while it sleeps, so it uses \
                        no CPU time at all until the system wakes it again.";

    fn answer(number: usize, id_number: usize, body: &str) -> String {
        format!(
            "### Question {number}: x {{#answer-demo-questions-{id_number}}}\n\n{body}\n\n"
        )
    }

    fn tree(answers: &str) -> Texts {
        Texts::new([
            ("src/SUMMARY.md", SUMMARY),
            (
                "src/index.md",
                "# Intro\n\n{{#speaker-notes minutes=1}}\n{{/speaker-notes}}\n",
            ),
            ("src/demo/questions.md", QUESTIONS),
            (
                "src/exercises/one.md",
                "# One\n\n## Discussion\n\n1. Asked.\n",
            ),
            (
                "src/draft.md",
                "# Draft\n\n## Discussion\n\n1. Not asked yet.\n",
            ),
            ("src/instructors/answers.md", answers),
        ])
    }

    fn sound_answers() -> String {
        format!(
            "# Answers\n\n{}{}{}",
            answer(3, 3, LONG),
            answer(4, 4, LONG),
            "### Question 1: x {#answer-exercises-one-1}\n\n".to_string()
                + LONG
                + "\n\n"
        )
    }

    #[test]
    fn summary_pages_are_its_links_to_pages_without_drafts() {
        let pages = summary_pages_in(
            "# Summary\n\n[A](./a.md)\n\n- [B](b/c.md#part)\n- [Draft]()\n\
             - [Site](https://example.com)\n- ![logo](logo.svg)\n\n```\n[D](d.md)\n```\n",
        );
        assert_eq!(pages, [PathBuf::from("a.md"), PathBuf::from("b/c.md")]);
    }

    #[test]
    fn questions_are_top_level_numbered_items_under_discussion_headings() {
        let (questions, problems) =
            questions_in(Path::new("demo/questions.md"), QUESTIONS);
        let numbers: Vec<u64> = questions.iter().map(|q| q.number).collect();
        // Numbered from the list's first number; the nested list and the
        // list in the code block are not questions.
        assert_eq!(numbers, [3, 4]);
        assert_eq!(questions[0].answer_id(), "answer-demo-questions-3");
        assert_eq!(problems, []);
    }

    #[test]
    fn a_discussion_heading_without_a_numbered_list_is_named() {
        let text = "# Q\n\n## Discussion\n\n- only bullets\n\n## Next\n\n1. Not under it.\n";
        let (questions, problems) = questions_in(Path::new("q.md"), text);
        assert_eq!(questions, []);
        assert_eq!(
            messages(&problems),
            ["src/q.md: line 3: a Discussion heading with no numbered list"]
        );
    }

    #[test]
    fn the_sound_tree_has_an_answer_for_each_question_asked() {
        // The draft's question is not asked: it is in no SUMMARY.md entry.
        let problems = discussion_answer_problems(&tree(&sound_answers()), &[]);
        assert_eq!(messages(&problems), Vec::<String>::new());
    }

    #[test]
    fn a_question_without_an_answer_is_named_unless_its_chapter_is_pending() {
        let answers = format!("# Answers\n\n{}", answer(3, 3, LONG));
        let texts = tree(&answers);
        let problems = discussion_answer_problems(&texts, &["exercises"]);
        assert_eq!(
            messages(&problems),
            [
                "src/demo/questions.md: discussion question 4 has no answer in \
                 src/instructors/: add a heading `### Question 4: ... \
                 {#answer-demo-questions-4}`"
            ]
        );
        let problems = discussion_answer_problems(&texts, &[]);
        assert_eq!(problems.len(), 2, "{problems:#?}");
    }

    #[test]
    fn an_answer_to_no_question_is_named_with_what_the_page_has() {
        let answers = sound_answers()
            + &answer(5, 5, LONG)
            + "### Question 1: y {#answer-gone-page-1}\n\n"
            + LONG;
        let problems = discussion_answer_problems(&tree(&answers), &[]);
        assert_eq!(
            messages(&problems),
            [
                "src/instructors/answers.md: line 15: #answer-demo-questions-5 \
                 answers a question that does not exist: the page demo-questions \
                 has 2 discussion question(s)",
                "src/instructors/answers.md: line 19: #answer-gone-page-1 answers \
                 a question that does not exist: no page in SUMMARY.md has a \
                 Discussion list by that name",
            ]
        );
    }

    #[test]
    fn an_answer_under_the_wrong_number_or_too_short_is_named() {
        let answers = sound_answers().replace("### Question 4:", "### Question 40:")
            + &answer(
                3,
                3,
                "Too short.\n\n```rust\nfn main() { println!(\"many words here \
                            that are code and do not count at all, not one\"); }\n```",
            );
        let problems = discussion_answer_problems(&tree(&answers), &[]);
        assert_eq!(
            messages(&problems),
            [
                "src/demo/questions.md: discussion question 3 is answered 2 times: \
                 src/instructors/answers.md:3, src/instructors/answers.md:15",
                "src/instructors/answers.md: line 15: #answer-demo-questions-3 has 2 \
                 words of answer; write at least 20",
                "src/instructors/answers.md: line 7: the heading of \
                 #answer-demo-questions-4 must start with \"Question 4\", the number \
                 the reader sees, not \"Question 40: x\"",
            ]
        );
    }

    #[test]
    fn only_a_written_answer_id_makes_a_heading_an_answer() {
        let text = "# Answers\n\n## Answer key\n\nWords.\n\n\
                    ### Question 1 {#answer-a-1}\n\nOne two `three`.\n\n    four\n\n# Next\n";
        let answers = answers_in(Path::new("a.md"), text);
        let read: Vec<(usize, &str, &str, usize)> = answers
            .iter()
            .map(|a| (a.line, a.id.as_str(), a.title.as_str(), a.words))
            .collect();
        // `## Answer key` gets the generated id `answer-key`: not an answer.
        assert_eq!(read, [(7, "answer-a-1", "Question 1", 3)]);
    }

    const TAUGHT: &str =
        "# Page\n\n{{#speaker-notes minutes=3}}\n- A note.\n{{/speaker-notes}}\n";

    fn notes_tree(page: &str) -> Texts {
        Texts::new([
            ("src/SUMMARY.md", SUMMARY),
            ("src/index.md", TAUGHT),
            ("src/demo/questions.md", page),
            ("src/exercises/one.md", "# One\n"),
            ("src/instructors/answers.md", "# Answers\n"),
        ])
    }

    #[test]
    fn pages_a_class_reads_have_one_timed_notes_block_and_others_need_none() {
        assert_eq!(speaker_notes_problems(&notes_tree(TAUGHT), &[]), []);
        let problems = speaker_notes_problems(&notes_tree("# Page\n"), &[]);
        assert_eq!(
            messages(&problems),
            [
                "src/demo/questions.md: a page the class reads has no speaker notes: \
                 end it with a `{{#speaker-notes minutes=N}}` block"
            ]
        );
        assert_eq!(
            speaker_notes_problems(&notes_tree("# Page\n"), &["demo"]),
            []
        );
        let untimed = TAUGHT.replace(" minutes=3", "");
        let problems = speaker_notes_problems(&notes_tree(&untimed), &[]);
        assert_eq!(
            messages(&problems),
            [
                "src/demo/questions.md: line 3: a page the class reads gives its \
                 minutes in its speaker notes, `{{#speaker-notes minutes=N}}`, for \
                 the session plan"
            ]
        );
    }

    #[test]
    fn two_blocks_or_html_notes_or_malformed_ones_are_named() {
        let twice = format!("{TAUGHT}\n{}", TAUGHT.replace("# Page\n", ""));
        let problems = speaker_notes_problems(&notes_tree(&twice), &[]);
        assert_eq!(
            messages(&problems),
            [
                "src/demo/questions.md: 2 speaker-notes blocks: a page has one, at its end"
            ]
        );
        let html = "# Page\n\n<details class=\"speaker-notes\"><summary>Notes</summary>\n\n\
                    - A note.\n\n</details>\n\n\
                    ```html\n<details class=\"speaker-notes\">shown, not written</details>\n```\n\n\
                    {{#speaker-notes minutes=3}}\n{{/speaker-notes}}\n";
        let problems = speaker_notes_problems(&notes_tree(html), &[]);
        assert_eq!(
            messages(&problems),
            [
                "src/demo/questions.md: line 3: speaker notes written in HTML: write \
                 `{{#speaker-notes minutes=N}}` ... `{{/speaker-notes}}`"
            ]
        );
        let unclosed = TAUGHT.replace("{{/speaker-notes}}\n", "");
        let (notes, problems) = notes_in(Path::new("p.md"), &unclosed);
        assert_eq!(notes, []);
        assert_eq!(
            messages(&problems),
            ["p.md: line 3: `{{#speaker-notes}}` is never closed with \
                 `{{/speaker-notes}}`"]
        );
        let (notes, problems) =
            notes_in(Path::new("p.md"), &TAUGHT.replace("minutes=3", "minutes=0"));
        assert_eq!(notes.len(), 1);
        assert_eq!(
            messages(&problems),
            ["p.md: line 3: `minutes=` takes a whole number of minutes, at least 1"]
        );
    }

    #[test]
    fn a_pending_chapter_is_named_once_it_has_its_material_or_leaves_the_book() {
        let texts = tree(&sound_answers());
        assert_eq!(
            messages(&pending_chapter_problems(&texts, &["demo", "gone"])),
            [
                "tests/src/instructors.rs: demo has answers to all its discussion \
                 questions and speaker notes on every page: remove it from PENDING",
                "tests/src/instructors.rs: PENDING lists gone, which SUMMARY.md does \
                 not: remove it",
            ]
        );
        // Pending is right while an answer or a page's notes are missing.
        let texts = tree(&format!("# Answers\n\n{}", answer(3, 3, LONG)));
        assert_eq!(pending_chapter_problems(&texts, &["demo"]), []);
        assert_eq!(pending_chapter_problems(&texts, &["exercises"]), []);
    }

    const EXERCISE_TOML: &str =
        "[package]\nname = \"double\"\n\n[features]\nsolution = []\n";
    const EXERCISE_LIB: &str = "#[cfg(not(feature = \"solution\"))]\nmod exercise;\n\
        #[cfg(feature = \"solution\")]\n#[path = \"../solution/exercise.rs\"]\n\
        mod exercise;\npub use exercise::*;\n";
    const EXERCISE_PAGE: &str = "# Double\n\n```rust\n\
        {{#include ../../listings/exercises/double/src/exercise.rs}}\n```\n\n\
        ```rust\n{{#include ../../listings/exercises/double/tests/check.rs}}\n```\n\n\
        Run `cargo test -p double -- --include-ignored`.\n";
    const SOLUTION_PAGE: &str = "# Solution\n\n```rust\n\
        {{#include ../../listings/exercises/double/solution/exercise.rs}}\n```\n";

    /// The problems of the sound exercise `double`, with each of `changes`
    /// (a file below `listings/exercises/double/` or `src/exercises/`, and
    /// its new text, or `None` for no such file).
    fn exercise(changes: &[(&str, Option<&str>)]) -> Vec<String> {
        let crate_dir = "listings/exercises/double/";
        let mut files: BTreeMap<String, String> = [
            ("Cargo.toml", EXERCISE_TOML),
            ("src/lib.rs", EXERCISE_LIB),
            (
                "src/exercise.rs",
                "// ANCHOR: a\npub fn a() {}\n// ANCHOR_END: a\n",
            ),
            ("solution/exercise.rs", "pub fn a() {}\n"),
            ("tests/check.rs", "#[test]\nfn a() {}\n"),
            ("double.md", EXERCISE_PAGE),
            ("double-solution.md", SOLUTION_PAGE),
        ]
        .into_iter()
        .map(|(file, text)| (file.to_string(), text.to_string()))
        .collect();
        for (file, text) in changes {
            match text {
                Some(text) => files.insert(file.to_string(), text.to_string()),
                None => files.remove(*file),
            };
        }
        let files = files.into_iter().map(|(file, text)| {
            let dir = if file.ends_with(".md") {
                "src/exercises/"
            } else {
                crate_dir
            };
            (format!("{dir}{file}"), text)
        });
        messages(&exercise_page_problems(&Texts::new(files)))
    }

    #[test]
    fn a_sound_exercise_has_no_problem() {
        assert_eq!(exercise(&[]), Vec::<String>::new());
        // A page may show the starter by its anchors instead of whole.
        let page = EXERCISE_PAGE.replace("exercise.rs}}", "exercise.rs:a}}");
        assert_eq!(
            exercise(&[("double.md", Some(&page))]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_exercise_crate_without_feature_files_or_tests_is_named() {
        let toml = EXERCISE_TOML.replace("solution = []", "");
        assert_eq!(
            exercise(&[("Cargo.toml", Some(&toml))]),
            [
                "listings/exercises/double/Cargo.toml: an exercise needs a feature \
                 `solution = []` that builds the model answer"
            ]
        );
        assert_eq!(
            exercise(&[("solution/exercise.rs", None)]),
            [
                "listings/exercises/double/Cargo.toml: an exercise needs the reader's \
                 file src/exercise.rs and the model answer solution/exercise.rs"
            ]
        );
        assert_eq!(
            exercise(&[("tests/check.rs", None)]),
            [
                "listings/exercises/double/Cargo.toml: an exercise needs its tests in \
                 tests/*.rs"
            ]
        );
    }

    #[test]
    fn a_reader_file_with_cfg_or_a_lib_that_does_not_swap_is_named() {
        let starter = "#[cfg(not(feature = \"solution\"))]\npub fn a() {}\n";
        let lib = EXERCISE_LIB.replace("pub use exercise::*;", "");
        assert_eq!(
            exercise(&[
                ("src/exercise.rs", Some(starter)),
                ("src/lib.rs", Some(&lib))
            ]),
            [
                "listings/exercises/double/src/exercise.rs: the reader's file must \
                 have no `cfg` attribute: src/lib.rs chooses between it and the \
                 model answer",
                "listings/exercises/double/src/lib.rs: src/lib.rs must build \
                 src/exercise.rs without the `solution` feature and \
                 solution/exercise.rs with it; it lacks `pub use exercise::*;`",
            ]
        );
    }

    #[test]
    fn pages_that_miss_the_starter_or_the_solution_are_named() {
        let page = EXERCISE_PAGE.replace("exercise.rs}}", "exercise.rs:b}}");
        assert_eq!(
            exercise(&[("double.md", Some(&page))]),
            [
                "listings/exercises/double/src/exercise.rs: no page shows all of it: \
                 include the whole file, or each of its anchors"
            ]
        );
        let solution = SOLUTION_PAGE.replace("exercise.rs}}", "exercise.rs:a}}");
        assert_eq!(
            exercise(&[("double-solution.md", Some(&solution))]),
            [
                "listings/exercises/double/solution/exercise.rs: no page other than \
              src/exercises/double.md shows all of it: include the whole file, or \
              each of its anchors"
            ]
        );
    }

    #[test]
    fn an_exercise_page_that_shows_the_solution_is_named() {
        let page = format!("{EXERCISE_PAGE}\n{SOLUTION_PAGE}");
        let page = page.replace("# Solution", "## Solution");
        assert_eq!(
            exercise(&[("double.md", Some(&page))]),
            ["src/exercises/double.md: the exercise page shows \
                 listings/exercises/double/solution/exercise.rs, the model answer: \
                 show it on the solution page only",]
        );
    }

    #[test]
    fn an_exercise_page_without_its_tests_or_its_command_is_named() {
        let page = EXERCISE_PAGE
            .replace("tests/check.rs", "tests/other.rs")
            .replace("--include-ignored`", "`");
        assert_eq!(
            exercise(&[("double.md", Some(&page))]),
            [
                "src/exercises/double.md: the exercise page must show \
                 listings/exercises/double/tests/check.rs",
                "src/exercises/double.md: the exercise page must tell the reader to \
                 run `cargo test -p double -- --include-ignored`",
            ]
        );
    }

    #[test]
    fn the_test_log_gives_each_test_its_outcome() {
        let log = "running 3 tests\ntest a ... ok\ntest b::c ... FAILED\n\
                   test d ... ignored, run with --include-ignored\nnot test e ... ok\n";
        let outcomes: Vec<(String, Outcome)> =
            parse_test_log(log).into_iter().collect();
        let expected = [
            ("a", Outcome::Passed),
            ("b::c", Outcome::Failed),
            ("d", Outcome::Ignored),
        ]
        .map(|(name, outcome)| (name.to_string(), outcome));
        assert_eq!(outcomes, expected);
    }

    #[test]
    fn core_words_leave_out_code_directives_optional_sections_and_notes() {
        let text = "# Page\n\nOne two three.\n\n```rust\nlet x = 1;\n```\n\n\
                    {{#listing name file=src/main.rs}}\nfour five.\n{{/listing}}\n\n\
                    See {{#ref name}}'s code ({{#ref other:part}}), then\n\n\
                    ## Deep dive (optional)\n\nSkipped words here.\n\n\
                    ### Deeper\n\nSkipped too.\n\n## Back\n\nSix.\n\n\
                    {{#speaker-notes minutes=1}}\n- not counted\n{{/speaker-notes}}\n";
        // "Page", "One two three.", "four five.", "See", "'s", "code",
        // "then", "Back", "Six."
        assert_eq!(core_words(text), 12);
    }

    #[test]
    fn a_page_with_more_words_than_its_minutes_allow_is_named() {
        let words = "word ".repeat(WORDS_PER_MINUTE * 2 + 1);
        let page = |minutes: u32| {
            format!(
                "# T\n\n{words}\n\n{{{{#speaker-notes minutes={minutes}}}}}\n- x\n{{{{/speaker-notes}}}}\n"
            )
        };
        let texts = |minutes| {
            Texts::new([
                ("src/SUMMARY.md", "- [T](t.md)\n".to_string()),
                ("src/t.md", page(minutes)),
            ])
        };
        assert_eq!(pace_problems(&texts(3)), vec![]);
        let problems = pace_problems(&texts(2));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .message
                .contains("2 minutes for 242 words: give it 3")
        );
    }
}
