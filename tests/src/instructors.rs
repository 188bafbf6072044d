//! What the book promises instructors: an answer for every discussion
//! question, a session plan whose minutes add up, speaker notes on every
//! page a class reads, and exercises whose tests fail on the starter code
//! and pass on the solution.
//!
//! The links these checks rely on:
//!
//! - A discussion question is item `N` of the numbered list under a heading
//!   "Discussion" on a page that `SUMMARY.md` lists. Its answer is a heading
//!   in `src/instructors/` that starts with "Question N" and carries the id
//!   `answer-<page>-<N>`, where `<page>` is the page's path under `src/`
//!   without `.md`, with `/` written as `-`:
//!   `### Question 3: plugins {#answer-key-definitions-questions-3}`.
//! - Each session plan (one page per session, listed in `SESSION_PLANS`)
//!   states its total in its title ("A 90-minute session") and holds a
//!   table with a "Start" and a "Minutes" column, one row per segment, a
//!   link to the segment's page, and a last row whose segment is "Total".
//!   A page is in one plan at most.
//! - Speaker notes are `<details class="speaker-notes">` blocks whose first
//!   line of Markdown is `**Timing:** N minutes`; N must be what the plan
//!   that links to the page gives it.
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
/// The timed plans, below the root: one per session, in teaching order.
pub const SESSION_PLANS: &[&str] = &[
    "src/instructors/session-plan.md",
    "src/instructors/second-session.md",
];
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

/// The first line of every speaker-notes block, exactly.
pub const NOTES_OPEN: &str =
    r#"<details class="speaker-notes"><summary>Speaker notes</summary>"#;

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

/// The page below `src/` that `link`, written on page `from` (below `src/`),
/// points to.
fn resolve(from: &Path, link: &str) -> PathBuf {
    let dir = from.parent().unwrap_or(Path::new(""));
    normalize(&dir.join(link))
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
// The session plan

/// One row of the plan's table.
#[derive(Debug, Clone)]
pub struct Segment {
    pub line: usize,
    pub start: String,
    pub minutes: u32,
    pub title: String,
    /// The pages the row links to, below `src/`.
    pub pages: Vec<PathBuf>,
}

/// The plan: its stated total, its segments, and its "Total" row.
#[derive(Debug, Clone)]
pub struct SessionPlan {
    pub stated: Option<u32>,
    pub segments: Vec<Segment>,
    pub total: Option<u32>,
}

static STATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d+)[- ]minutes?\b").unwrap());
static START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d+):([0-5]\d)$").unwrap());

fn cells(row: &str) -> Vec<String> {
    let row = row.trim().trim_start_matches('|').trim_end_matches('|');
    row.split('|')
        .map(|cell| cell.trim().trim_matches('*').trim().to_string())
        .collect()
}

/// Reads the plan at `file`, below the root; problems say what could not
/// be read.
pub fn session_plan(root: &Path, file: &Path) -> Result<SessionPlan, Vec<Problem>> {
    let Ok(text) = fs::read_to_string(root.join(file)) else {
        return Err(vec![Problem::new(file, "the session plan is missing")]);
    };
    let problem = |message: String| vec![Problem::new(file, message)];
    let lines = prose_lines(&text);
    let stated = lines
        .iter()
        .find_map(|line| heading(line.text).filter(|h| h.level == 1))
        .and_then(|title| STATED.captures(&title.text).map(|c| c[1].parse().ok()))
        .flatten();
    // The table: a header row with "Start" and "Minutes", a separator, rows.
    let header = lines.iter().position(|line| {
        let cells = cells(line.text);
        line.text.trim_start().starts_with('|')
            && cells.iter().any(|c| c.eq_ignore_ascii_case("start"))
            && cells.iter().any(|c| c.eq_ignore_ascii_case("minutes"))
    });
    let Some(header) = header else {
        return Err(problem(
            "no table with a \"Start\" and a \"Minutes\" column".into(),
        ));
    };
    let names = cells(lines[header].text);
    let column =
        |name: &str| names.iter().position(|c| c.eq_ignore_ascii_case(name));
    let (start_at, minutes_at) =
        (column("start").unwrap(), column("minutes").unwrap());
    let mut segments = Vec::new();
    let mut total = None;
    // Links are relative to the plan's page, below `src/`.
    let page = file.strip_prefix("src").unwrap_or(file);
    let rows = lines.get(header + 2..).unwrap_or_default();
    for line in rows
        .iter()
        .take_while(|line| line.text.trim_start().starts_with('|'))
    {
        let row = cells(line.text);
        let at = format!("line {}", line.number);
        let minutes: Option<u32> = row.get(minutes_at).and_then(|m| m.parse().ok());
        let Some(minutes) = minutes else {
            return Err(problem(format!("{at}: no whole number of minutes")));
        };
        if row.iter().any(|cell| cell.eq_ignore_ascii_case("total")) {
            total = Some(minutes);
            continue;
        }
        let title = row
            .iter()
            .enumerate()
            .filter(|(index, _)| *index != start_at && *index != minutes_at)
            .map(|(_, cell)| cell.as_str())
            .find(|cell| !cell.is_empty())
            .unwrap_or_default()
            .to_string();
        let pages = LINK
            .captures_iter(line.text)
            .map(|caps| resolve(page, &caps[1]))
            .collect();
        segments.push(Segment {
            line: line.number,
            start: row.get(start_at).cloned().unwrap_or_default(),
            minutes,
            title,
            pages,
        });
    }
    Ok(SessionPlan {
        stated,
        segments,
        total,
    })
}

/// Each plan in `SESSION_PLANS` adds up (see `check_minutes`), and no page
/// is in two of them: its speaker notes give it one time, for one session.
pub fn check_session_plan(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut planned_in: BTreeMap<PathBuf, &Path> = BTreeMap::new();
    for file in SESSION_PLANS.iter().map(Path::new) {
        let plan = match session_plan(root, file) {
            Ok(plan) => plan,
            Err(trouble) => {
                problems.extend(trouble);
                continue;
            }
        };
        problems.extend(check_minutes(file, &plan));
        for segment in &plan.segments {
            for page in &segment.pages {
                let first = *planned_in.entry(page.clone()).or_insert(file);
                if first != file {
                    problems.push(Problem::new(
                        file,
                        format!(
                            "line {}: {} is in {} as well: a page's speaker \
                             notes give one time, so it belongs to one plan",
                            segment.line,
                            page.display(),
                            first.display()
                        ),
                    ));
                }
            }
        }
    }
    problems
}

/// The minutes of the plan's segments add up to its "Total" row, which is
/// the total its title states; each start time follows from the minutes
/// before it.
fn check_minutes(file: &Path, plan: &SessionPlan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |message: String| problems.push(Problem::new(file, message));
    let mut elapsed = 0;
    for segment in &plan.segments {
        let at = format!("line {}", segment.line);
        if segment.minutes == 0 {
            problem(format!("{at}: {} takes 0 minutes", segment.title));
        }
        let expected = format!("{}:{:02}", elapsed / 60, elapsed % 60);
        if !START.is_match(&segment.start) || segment.start != expected {
            problem(format!(
                "{at}: {} starts at {:?}, but the minutes before it add up to {expected}",
                segment.title, segment.start
            ));
        }
        elapsed += segment.minutes;
    }
    match (plan.stated, plan.total) {
        (None, _) => problem(
            "the title must state the total, as in \"A 90-minute session\"".into(),
        ),
        (_, None) => problem("the table has no \"Total\" row".into()),
        (Some(stated), Some(total)) => {
            if total != stated {
                problem(format!(
                    "the Total row says {total} minutes, the title {stated}"
                ));
            }
            if elapsed != stated {
                problem(format!(
                    "the segments add up to {elapsed} minutes, not the {stated} \
                     the title states"
                ));
            }
        }
    }
    problems
}

// ---------------------------------------------------------------------------
// Speaker notes

/// One speaker-notes block on a page.
#[derive(Debug, Clone)]
pub struct Notes {
    pub line: usize,
    pub timing: Option<u32>,
}

static TIMING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\*\*Timing:\*\*\s+(\d+)\s+minutes?\b").unwrap());

/// The speaker-notes blocks of a page, and what is wrong with their form.
pub fn notes_on(root: &Path, file: &Path) -> (Vec<Notes>, Vec<Problem>) {
    let text = fs::read_to_string(root.join(file)).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    // Lines in code fences may show a block, as an example: skip them.
    let prose: BTreeSet<usize> = prose_lines(&text)
        .iter()
        .map(|line| line.number - 1)
        .collect();
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    let mut problem = |line: usize, message: &str| {
        problems.push(Problem::new(file, format!("line {line}: {message}")));
    };
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let opens = line.trim_start().starts_with("<details");
        if !prose.contains(&index) || !opens || !line.contains("speaker-notes") {
            index += 1;
            continue;
        }
        let number = index + 1;
        if line.trim() != NOTES_OPEN {
            problem(
                number,
                &format!("speaker notes must open with exactly `{NOTES_OPEN}`"),
            );
        }
        if lines
            .get(index + 1)
            .is_none_or(|next| !next.trim().is_empty())
        {
            problem(
                number,
                "a blank line must follow the summary, or the Markdown \
                 inside is not rendered",
            );
        }
        let Some(end) =
            (index + 1..lines.len()).find(|&i| lines[i].contains("</details>"))
        else {
            problem(
                number,
                "speaker notes that are never closed with </details>",
            );
            break;
        };
        if lines[end].trim() != "</details>" || !lines[end - 1].trim().is_empty() {
            problem(
                end + 1,
                "</details> must stand on a line of its own, after a blank line",
            );
        }
        if lines[index + 1..end].iter().any(|l| l.contains("<details")) {
            problem(number, "speaker notes must not hold another <details>");
        }
        let first = lines[index + 1..end].iter().find(|l| !l.trim().is_empty());
        let timing = first
            .and_then(|l| TIMING.captures(l.trim()))
            .and_then(|caps| caps[1].parse().ok());
        if timing.is_none() {
            problem(
                number,
                "the notes must begin with `**Timing:** N minutes`, the time \
                 the session plan gives the page",
            );
        }
        notes.push(Notes {
            line: number,
            timing,
        });
        index = end + 1;
    }
    (notes, problems)
}

/// Every page of `SUMMARY.md` that a class reads (all but the exercises and
/// the instructor pages) has one speaker-notes block, in the right form, and
/// the time it gives the page is the time a session plan gives it.
pub fn check_speaker_notes(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut timings: BTreeMap<PathBuf, (u32, usize)> = BTreeMap::new();
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
        if let Some(Notes {
            line,
            timing: Some(minutes),
        }) = notes.first()
        {
            let page = file.strip_prefix("src").unwrap_or(&file).to_path_buf();
            timings.insert(page, (*minutes, *line));
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
        if notes_on(root, &file).0.is_empty() {
            problems.push(Problem::new(
                &file,
                "a page the class reads has no speaker notes: end it with a \
                 <details class=\"speaker-notes\"> block",
            ));
        }
    }
    let mut planned: BTreeMap<PathBuf, u32> = BTreeMap::new();
    for file in SESSION_PLANS.iter().map(Path::new) {
        let Ok(plan) = session_plan(root, file) else {
            return problems; // `check_session_plan` says why.
        };
        for segment in &plan.segments {
            for page in &segment.pages {
                *planned.entry(page.clone()).or_default() += segment.minutes;
            }
        }
    }
    for (page, (minutes, line)) in &timings {
        let file = Path::new("src").join(page);
        match planned.get(page) {
            Some(&plan_minutes) if plan_minutes == *minutes => {}
            Some(plan_minutes) => problems.push(Problem::new(
                &file,
                format!(
                    "line {line}: the speaker notes say {minutes} minutes, the \
                     session plan {plan_minutes}"
                ),
            )),
            None => problems.push(Problem::new(
                &file,
                format!(
                    "line {line}: the speaker notes say {minutes} minutes, but \
                     no session plan ({}) has a row that links to this page",
                    SESSION_PLANS.join(", ")
                ),
            )),
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
