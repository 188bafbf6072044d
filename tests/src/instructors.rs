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
//! - An exercise is a crate in `listings/exercises/`, with a feature
//!   `solution` that swaps its `starter*` anchors for its `solution*`
//!   anchors, and tests in `tests/` that are ignored unless that feature is
//!   on (so that `cargo test --workspace` stays green).
//!
//! A chapter that arrives before its answers and speaker notes is listed in
//! `PENDING` until it has them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use regex::Regex;

use crate::markdown::{chapters, includes, normalize};
use crate::{Problem, files_below, relative};

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

/// Whether `page` (below `src/`) is in a chapter listed in `PENDING`.
pub fn is_pending(page: &Path) -> bool {
    PENDING.iter().any(|chapter| page.starts_with(chapter))
}

/// How a page opens its speaker notes; the preprocessor writes the HTML.
pub const NOTES_OPEN: &str = "{{#speaker-notes";

// ---------------------------------------------------------------------------
// Markdown, read line by line

/// A line of a page outside code fences, with its 1-based number.
struct Line<'a> {
    number: usize,
    text: &'a str,
}

/// The lines of `text` that are not inside a ``` fence.
fn prose_lines(text: &str) -> Vec<Line<'_>> {
    let mut in_fence = false;
    let mut lines = Vec::new();
    for (index, text) in text.lines().enumerate() {
        if text.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if !in_fence {
            lines.push(Line {
                number: index + 1,
                text,
            });
        }
    }
    lines
}

/// A Markdown heading: its level, its text and its `{#id}`, if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: usize,
    pub text: String,
    pub id: Option<String>,
}

static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})\s+(.*?)\s*$").unwrap());
static HEADING_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\{#([A-Za-z0-9_-]+)[^}]*\}$").unwrap());

pub fn heading(line: &str) -> Option<Heading> {
    let caps = HEADING.captures(line)?;
    let mut text = caps[2].to_string();
    let id = HEADING_ID.captures(&text).map(|id| id[1].to_string());
    if id.is_some() {
        text = HEADING_ID.replace(&text, "").into_owned();
    }
    Some(Heading {
        level: caps[1].len(),
        text,
        id,
    })
}

static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\(([^)\s#]+\.md)(?:#[^)]*)?\)").unwrap());

/// The pages of the book, in the order `SUMMARY.md` lists them, as paths
/// below `src/` (`key-definitions/questions.md`). Draft entries, `[Title]()`,
/// have no page and are left out.
pub fn summary_pages(root: &Path) -> Vec<PathBuf> {
    let text = fs::read_to_string(root.join("src/SUMMARY.md")).unwrap_or_default();
    LINK.captures_iter(&text)
        .map(|caps| normalize(Path::new(&caps[1])))
        .collect()
}

// ---------------------------------------------------------------------------
// Discussion questions and their answers

/// Item `number` of the Discussion list on `page` (a path below `src/`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Question {
    pub page: PathBuf,
    pub number: usize,
}

impl Question {
    /// The id of the heading that answers it.
    pub fn answer_id(&self) -> String {
        format!("answer-{}-{}", page_slug(&self.page), self.number)
    }
}

/// `key-definitions/questions.md` as `key-definitions-questions`.
pub fn page_slug(page: &Path) -> String {
    page.with_extension("")
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d+)[.)]\s+\S").unwrap());

/// The discussion questions of one page: the items of the numbered list
/// under each heading called "Discussion". Items are numbered as the reader
/// sees them: from the list's first number on, one by one.
pub fn questions_on(root: &Path, page: &Path) -> (Vec<Question>, Vec<Problem>) {
    let file = Path::new("src").join(page);
    let text = fs::read_to_string(root.join(&file)).unwrap_or_default();
    let mut questions = Vec::new();
    let mut problems = Vec::new();
    let mut under: Option<usize> = None; // line of the open Discussion heading
    let mut next = 0;
    let close = |under: Option<usize>, found: usize, problems: &mut Vec<_>| {
        if let Some(line) = under
            && found == 0
        {
            problems.push(Problem::new(
                &file,
                format!("line {line}: a Discussion heading with no numbered list"),
            ));
        }
    };
    let mut found = 0;
    for line in prose_lines(&text) {
        if let Some(heading) = heading(line.text) {
            close(under, found, &mut problems);
            under = heading
                .text
                .eq_ignore_ascii_case("discussion")
                .then_some(line.number);
            found = 0;
            next = 0;
            continue;
        }
        if under.is_none() {
            continue;
        }
        if let Some(caps) = LIST_ITEM.captures(line.text) {
            if found == 0 {
                next = caps[1].parse().unwrap_or(1);
            }
            questions.push(Question {
                page: page.to_path_buf(),
                number: next,
            });
            next += 1;
            found += 1;
        }
    }
    close(under, found, &mut problems);
    (questions, problems)
}

/// Every discussion question of the book, page by page in `SUMMARY.md`'s
/// order. Pages not in `SUMMARY.md` are drafts, and not asked yet.
pub fn discussion_questions(root: &Path) -> (Vec<Question>, Vec<Problem>) {
    let mut questions = Vec::new();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for page in summary_pages(root) {
        if page.starts_with("instructors") || !seen.insert(page.clone()) {
            continue;
        }
        let (found, trouble) = questions_on(root, &page);
        questions.extend(found);
        problems.extend(trouble);
    }
    (questions, problems)
}

/// A heading in the instructor pages whose id starts with `answer-`.
#[derive(Debug, Clone)]
pub struct Answer {
    pub file: PathBuf,
    pub line: usize,
    pub heading: Heading,
    /// The words between this heading and the next.
    pub words: usize,
}

/// Every answer heading in the instructor pages.
pub fn answers(root: &Path) -> Vec<Answer> {
    let mut found = Vec::new();
    for file in files_below(&root.join(INSTRUCTORS), ".md") {
        let text = fs::read_to_string(&file).unwrap_or_default();
        let shown = relative(root, &file);
        let mut open: Option<Answer> = None;
        for line in prose_lines(&text) {
            if let Some(heading) = heading(line.text) {
                found.extend(open.take());
                if heading
                    .id
                    .as_deref()
                    .is_some_and(|id| id.starts_with("answer-"))
                {
                    open = Some(Answer {
                        file: shown.clone(),
                        line: line.number,
                        heading,
                        words: 0,
                    });
                }
            } else if let Some(answer) = open.as_mut() {
                answer.words += line.text.split_whitespace().count();
            }
        }
        found.extend(open);
    }
    found
}

/// The fewest words an answer may have: a sentence or two at least.
const ANSWER_WORDS: usize = 20;

/// Every discussion question has exactly one answer in the instructor
/// pages, and every answer answers a question that exists.
pub fn check_discussion_answers(root: &Path) -> Vec<Problem> {
    let (questions, mut problems) = discussion_questions(root);
    let answers = answers(root);
    let mut by_id: BTreeMap<String, Vec<&Answer>> = BTreeMap::new();
    for answer in &answers {
        let id = answer.heading.id.clone().unwrap_or_default();
        by_id.entry(id).or_default().push(answer);
    }
    let expected: BTreeMap<String, &Question> = questions
        .iter()
        .map(|question| (question.answer_id(), question))
        .collect();
    for (id, question) in &expected {
        let page = Path::new("src").join(&question.page);
        let Some(found) = by_id.get(id) else {
            if is_pending(&question.page) {
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
            let rest = answer.heading.text.strip_prefix(&title);
            // "Question 3" but not "Question 30".
            let numbered = rest
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()));
            if !numbered {
                problems.push(Problem::new(
                    &answer.file,
                    format!(
                        "{at}: the heading of #{id} must start with \"{title}\", \
                         the number the reader sees, not {:?}",
                        answer.heading.text
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
        let id = answer.heading.id.as_deref().unwrap_or_default();
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

// ---------------------------------------------------------------------------
// Speaker notes

/// One speaker-notes block on a page.
#[derive(Debug, Clone)]
pub struct Notes {
    pub line: usize,
    /// `minutes=N`, if given.
    pub timing: Option<u32>,
}

static NOTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\{\{#speaker-notes(?:\s+minutes=(\d+))?\s*\}\}").unwrap()
});

/// The speaker-notes blocks of a page, and what is wrong with their form.
/// The preprocessor checks the rest: that each block is closed, and that
/// its minutes are in one plan.
pub fn notes_on(root: &Path, file: &Path) -> (Vec<Notes>, Vec<Problem>) {
    let text = fs::read_to_string(root.join(file)).unwrap_or_default();
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    for line in prose_lines(&text) {
        let trimmed = line.text.trim();
        if let Some(caps) = NOTES.captures(trimmed) {
            notes.push(Notes {
                line: line.number,
                timing: caps.get(1).and_then(|m| m.as_str().parse().ok()),
            });
        } else if trimmed.starts_with("<details")
            && trimmed.contains("speaker-notes")
        {
            problems.push(Problem::new(
                file,
                format!(
                    "line {}: speaker notes written in HTML: write \
                     `{NOTES_OPEN} minutes=N}}}}` ... `{{{{/speaker-notes}}}}`",
                    line.number
                ),
            ));
        }
    }
    (notes, problems)
}

/// Every page of `SUMMARY.md` that a class reads (all but the exercises and
/// the instructor pages) has one speaker-notes block that gives its minutes
/// (the preprocessor then puts it in exactly one session plan).
pub fn check_speaker_notes(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for chapter in chapters(root) {
        let file = relative(root, &chapter);
        let (notes, trouble) = notes_on(root, &file);
        problems.extend(trouble);
        if notes.len() > 1 {
            problems.push(Problem::new(
                &file,
                format!(
                    "{} speaker-notes blocks: a page has one, at its end",
                    notes.len()
                ),
            ));
        }
    }
    let taught: Vec<PathBuf> = summary_pages(root)
        .into_iter()
        .filter(|page| {
            !page.starts_with("instructors") && !page.starts_with("exercises")
        })
        .filter(|page| !is_pending(page))
        .collect();
    for page in &taught {
        let file = Path::new("src").join(page);
        match notes_on(root, &file).0.first() {
            None => problems.push(Problem::new(
                &file,
                "a page the class reads has no speaker notes: end it with a \
                 `{{#speaker-notes minutes=N}}` block",
            )),
            Some(Notes { line, timing: None }) => problems.push(Problem::new(
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

/// Each chapter in `pending` (the tree's `PENDING`) is in `SUMMARY.md` and
/// still lacks an answer or speaker notes; once it has them all, it must
/// leave the list.
pub fn check_pending_chapters(root: &Path, pending: &[&str]) -> Vec<Problem> {
    let file = Path::new("tests/src/instructors.rs");
    let pages = summary_pages(root);
    let (questions, _) = discussion_questions(root);
    let answered: BTreeSet<String> = answers(root)
        .into_iter()
        .filter_map(|answer| answer.heading.id)
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
        let unnoted = in_chapter
            .iter()
            .any(|page| notes_on(root, &Path::new("src").join(page)).0.is_empty());
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
static RUSTDOC_INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{\{#(?:rustdoc_include|playground)\s+([^}\s:]+)").unwrap()
});

/// The command that tests a reader's answer, as each exercise page says it.
pub fn test_command(name: &str) -> String {
    format!("cargo test -p {name} -- --include-ignored")
}

/// Each exercise crate has a `solution` feature, `starter*` and `solution*`
/// anchors in `src/lib.rs`, and tests in `tests/`. One page (the exercise)
/// includes every `starter*` anchor and every test file, says the command
/// that tests an answer, and includes nothing else of `src/lib.rs`; another
/// page (the solution) includes every `solution*` anchor.
pub fn check_exercise_pages(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let all = includes(root);
    for dir in exercise_dirs(root) {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let manifest = relative(root, &dir.join("Cargo.toml"));
        let lib = dir.join("src/lib.rs");
        let shown_lib = relative(root, &lib);
        let mut problem = |file: &Path, message: String| {
            problems.push(Problem::new(file, message));
        };
        let toml = fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
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
        let source = fs::read_to_string(&lib).unwrap_or_default();
        let anchors: BTreeSet<String> = ANCHOR
            .captures_iter(&source)
            .map(|caps| caps[1].to_string())
            .collect();
        let starters: Vec<&String> = anchors
            .iter()
            .filter(|a| a.starts_with("starter"))
            .collect();
        let solutions: Vec<&String> = anchors
            .iter()
            .filter(|a| a.starts_with("solution"))
            .collect();
        if starters.is_empty() || solutions.is_empty() {
            problem(
                &shown_lib,
                "an exercise's src/lib.rs needs `starter` and `solution` anchors"
                    .into(),
            );
            continue;
        }
        let tests = files_below(&dir.join("tests"), ".rs");
        if tests.is_empty() {
            problem(
                &manifest,
                "an exercise needs its tests in tests/*.rs".into(),
            );
        }
        // The pages that include an anchor of src/lib.rs, and which anchors.
        let mut pages: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
        for include in all.iter().filter(|i| i.target == lib) {
            pages
                .entry(include.chapter.clone())
                .or_default()
                .insert(include.anchor.clone().unwrap_or_default());
        }
        let exercise = pages
            .iter()
            .find(|(_, shown)| starters.iter().all(|a| shown.contains(*a)));
        let solution = pages
            .iter()
            .find(|(_, shown)| solutions.iter().all(|a| shown.contains(*a)));
        let Some((exercise, shown)) = exercise else {
            problem(
                &shown_lib,
                format!("no page includes all of its starter anchors {starters:?}"),
            );
            continue;
        };
        let page = relative(root, exercise);
        if solution.is_none_or(|(solution, _)| solution == exercise) {
            problem(
                &shown_lib,
                format!(
                    "no page other than {} includes all of its solution anchors \
                     {solutions:?}",
                    page.display()
                ),
            );
        }
        for anchor in shown {
            if anchor.is_empty() || anchor.starts_with("solution") {
                problem(
                    &page,
                    format!(
                        "the exercise page shows {}, which holds the solution: \
                         include only its setup and starter anchors",
                        if anchor.is_empty() {
                            "the whole of src/lib.rs".to_string()
                        } else {
                            format!("the anchor `{anchor}`")
                        }
                    ),
                );
            }
        }
        let text = fs::read_to_string(exercise).unwrap_or_default();
        for caps in RUSTDOC_INCLUDE.captures_iter(&text) {
            if normalize(&exercise.parent().unwrap().join(&caps[1])) == lib {
                problem(
                    &page,
                    "rustdoc_include hides the rest of src/lib.rs in the page, \
                     the solution too: use {{#include}} on the exercise page"
                        .into(),
                );
            }
        }
        let included: BTreeSet<PathBuf> = all
            .iter()
            .filter(|i| &i.chapter == exercise)
            .map(|i| i.target.clone())
            .collect();
        for test in &tests {
            if !included.contains(test) {
                problem(
                    &page,
                    format!(
                        "the exercise page must show {}",
                        relative(root, test).display()
                    ),
                );
            }
        }
        if !text.contains(&test_command(&name)) {
            problem(
                &page,
                format!(
                    "the exercise page must tell the reader to run `{}`",
                    test_command(&name)
                ),
            );
        }
    }
    problems
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
        let lib = relative(root, &dir.join("src/lib.rs"));
        let mut problem =
            |message: String| problems.push(Problem::new(&lib, message));
        let test = ["test", "--offline", "--no-fail-fast", "-p", &name];

        let plain = cargo(root, &test, target_dir);
        if !plain.built {
            problem(format!("the starter code does not build:\n{}", plain.log));
            continue;
        }
        let run = with(&plain, Outcome::Passed)
            .into_iter()
            .chain(with(&plain, Outcome::Failed))
            .collect::<Vec<_>>();
        if !run.is_empty() {
            problem(format!(
                "`cargo test -p {name}` runs {run:?} on the starter code: mark \
                 each test #[cfg_attr(not(feature = \"solution\"), ignore = ...)]"
            ));
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
            problem(format!("the solution does not build:\n{}", solution.log));
            continue;
        }
        if starter.tests.is_empty() {
            problem("the exercise has no tests".into());
        }
        let passed = with(&starter, Outcome::Passed);
        if !passed.is_empty() {
            problem(format!(
                "these tests pass on the starter code, so they test nothing the \
                 reader writes: {passed:?}"
            ));
        }
        let not_passed: Vec<&str> = solution
            .tests
            .iter()
            .filter(|(_, outcome)| **outcome != Outcome::Passed)
            .map(|(name, _)| name.as_str())
            .collect();
        if !not_passed.is_empty() {
            problem(format!(
                "these tests do not pass on the solution: {not_passed:?}\n{}",
                solution.log
            ));
        }
        let names =
            |run: &TestRun| run.tests.keys().cloned().collect::<BTreeSet<_>>();
        if names(&starter) != names(&solution) {
            problem(format!(
                "the starter runs the tests {:?}, the solution {:?}: both must run \
                 the same ones",
                names(&starter),
                names(&solution)
            ));
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
            Ok(out) => problem(format!(
                "clippy fails on the solution (--features solution):\n{}",
                String::from_utf8_lossy(&out.stderr)
            )),
            Err(error) => problem(format!("cannot run cargo clippy: {error}")),
        }
    }
    problems
}
