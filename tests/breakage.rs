//! Each contract check, run on a small course tree broken on purpose, must
//! fail and name the file that breaks it. The sound tree passes them all, so
//! each failure below is the breakage's doing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use book_tests::{Problem, book, hosting, instructors, listings, markdown, root};
use tempfile::TempDir;

const WORKSPACE: &str = r#"[workspace]
resolver = "3"
members = ["listings/*/*"]
"#;

const LOCK: &str = r#"version = 4

[[package]]
name = "hello"
version = "0.1.0"
"#;

const HELLO_TOML: &str = r#"[package]
name = "hello"
version = "0.1.0"
edition = "2024"
publish = false
"#;

const HELLO_RS: &str = r#"// ANCHOR: main
fn main() {
    println!("Hello from a listing");
}
// ANCHOR_END: main
"#;

const HELLO_OUTPUT: &str = "$ cargo run -p hello\nHello from a listing\n";

const SUMMARY: &str = "# Summary\n\n- [Demo](demo.md)\n";

const DEMO: &str = r#"# Demo

[Back to the top](#demo)

{{#listing hello:main}}
Says hello.
{{/listing}}

{{#quiz quiz.toml}}
"#;

/// A Tracing question on an `async fn`: it validates only if the build hands
/// mdbook-quiz a `rustc` that compiles edition 2024.
const QUIZ: &str = r#"[[questions]]
id = "4a0c5b0e-2f7e-4d61-9c38-0a6f1a2b3c4d"
type = "Tracing"
prompt.program = """
async fn answer() -> u32 {
    println!("computing");
    42
}

fn main() {
    let future = answer();
    drop(future);
    println!("dropped");
}
"""
answer.doesCompile = true
answer.stdout = "dropped"
context = "A future does nothing until it is polled."
"#;

/// A sound course tree in a fresh temporary folder.
fn sound_tree() -> TempDir {
    let dir = tempfile::Builder::new()
        .prefix("course-")
        .tempdir()
        .unwrap();
    let real = root();
    let files = [
        ("Cargo.toml", WORKSPACE),
        ("Cargo.lock", LOCK),
        ("rustfmt.toml", "max_width = 85\n"),
        ("listings/README.md", "# The listings\n"),
        ("listings/demo/hello/Cargo.toml", HELLO_TOML),
        ("listings/demo/hello/src/main.rs", HELLO_RS),
        ("listings/demo/hello/output.txt", HELLO_OUTPUT),
        ("src/SUMMARY.md", SUMMARY),
        ("src/demo.md", DEMO),
        ("src/quiz.toml", QUIZ),
    ];
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    write(
        dir.path(),
        hosting::PAGES_WORKFLOW,
        &fs::read_to_string(real.join(hosting::PAGES_WORKFLOW)).unwrap(),
    );
    copy_book_config(dir.path());
    dir
}

/// The real `book.toml` and theme, so that a tree builds as the book does.
fn copy_book_config(root: &Path) {
    let real = book_tests::root();
    write(
        root,
        "book.toml",
        &fs::read_to_string(real.join("book.toml")).unwrap(),
    );
    for file in book_tests::files_below(&real.join("theme"), "") {
        let copy = root.join(book_tests::relative(&real, &file));
        fs::create_dir_all(copy.parent().unwrap()).unwrap();
        fs::copy(&file, copy).unwrap();
    }
}

/// Builds the tree's book, and asserts that the build fails with the course
/// preprocessor's one line: `file:line: words...`.
fn assert_build_names(root: &Path, file: &str, words: &str) {
    let log = book::build(root, &root.join("book"));
    let line = log
        .lines()
        .find(|line| line.starts_with(&format!("{file}:")));
    assert!(
        line.is_some_and(|line| line.contains(words)),
        "expected the build to fail with a line naming {file} and saying \
         {words:?}, got:\n{log}"
    );
    assert_named(&book::check_build_log(root, &log), file, words);
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn edit(root: &Path, path: &str, from: &str, to: &str) {
    let text = fs::read_to_string(root.join(path)).unwrap();
    assert!(text.contains(from), "{path} holds no {from:?}");
    write(root, path, &text.replacen(from, to, 1));
}

/// The `hello` listing's binary, built once from a sound tree.
fn hello_bin_dir() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let tree = sound_tree();
        let target = root().join("target/contract/breakage");
        let status = Command::new(xtask::cargo())
            .args(["build", "--offline", "--quiet", "--target-dir"])
            .arg(&target)
            .current_dir(tree.path())
            .status()
            .unwrap();
        assert!(status.success(), "the fixture listing builds");
        target.join("debug")
    })
}

/// Every check, on the tree at `root`.
fn all_problems(root: &Path) -> Vec<Problem> {
    let out = root.join("book");
    let log = book::build(root, &out);
    let compile_fail = root.join("target");
    [
        book::check_build_log(root, &log),
        book::check_links(root, &out),
        book::check_quiz_config(root),
        book::check_quiz_ids(root),
        markdown::check_includes(root),
        markdown::check_console_blocks(root),
        markdown::check_no_placeholders(root),
        listings::check_included(root),
        listings::check_outputs(root, hello_bin_dir()),
        listings::check_compile_fail(root, &compile_fail),
        hosting::check_pages_workflow(root),
    ]
    .concat()
}

/// Asserts that some problem names `file` and says `words`.
fn assert_named(problems: &[Problem], file: &str, words: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.file == Path::new(file) && p.message.contains(words)),
        "expected a problem in {file} saying {words:?}, got: {problems:#?}"
    );
}

#[test]
fn the_sound_tree_passes_every_check() {
    let tree = sound_tree();
    book_tests::assert_none(all_problems(tree.path()));
}

#[test]
fn a_pages_workflow_that_publishes_another_folder_is_named() {
    let tree = sound_tree();
    edit(
        tree.path(),
        hosting::PAGES_WORKFLOW,
        "path: target/site",
        "path: book",
    );
    assert_named(
        &all_problems(tree.path()),
        hosting::PAGES_WORKFLOW,
        "builds the site in target/site but publishes [\"book\"]",
    );
}

#[test]
fn a_deleted_included_file_is_named() {
    let tree = sound_tree();
    edit(
        tree.path(),
        "src/demo.md",
        "# Demo\n",
        "# Demo\n\n```rust\n{{#include ../listings/demo/hello/src/gone.rs}}\n```\n",
    );
    let problems = markdown::check_includes(tree.path());
    assert_named(&problems, "src/demo.md", "does not exist");
    let log = book::build(tree.path(), &tree.path().join("book"));
    let problems = book::check_build_log(tree.path(), &log);
    assert_named(&problems, "listings/demo/hello/src/gone.rs", "ERROR");
}

#[test]
fn a_listing_whose_file_is_gone_fails_the_build() {
    let tree = sound_tree();
    fs::remove_file(tree.path().join("listings/demo/hello/src/main.rs")).unwrap();
    assert_build_names(
        tree.path(),
        "src/demo.md",
        "listing `hello` has neither src/main.rs nor src/lib.rs",
    );
}

#[test]
fn a_misspelt_anchor_fails_the_build() {
    let tree = sound_tree();
    edit(tree.path(), "src/demo.md", "hello:main", "hello:mian");
    assert_build_names(tree.path(), "src/demo.md", "no anchor `mian`");
}

#[test]
fn an_unknown_listing_or_option_or_ref_fails_the_build() {
    let breakages = [
        ("hello:main}}", "helo:main}}", "unknown listing `helo`"),
        (
            "hello:main}}",
            "hello:main colour=red}}",
            "unknown option `colour`",
        ),
        (
            "[Back",
            "{{#ref hello}} [Back",
            "`{{#ref hello}}`: no listing",
        ),
        ("{{/listing}}\n", "", "is never closed"),
    ];
    for (from, to, words) in breakages {
        let tree = sound_tree();
        edit(tree.path(), "src/demo.md", from, to);
        assert_build_names(tree.path(), "src/demo.md", words);
    }
}

#[test]
fn an_edited_output_file_is_named() {
    let tree = sound_tree();
    edit(
        tree.path(),
        "listings/demo/hello/output.txt",
        "Hello",
        "Hullo",
    );
    let problems = listings::check_outputs(tree.path(), hello_bin_dir());
    assert_named(&problems, "listings/demo/hello/output.txt", "differs");
}

#[test]
fn a_wrong_quiz_answer_is_named() {
    let tree = sound_tree();
    edit(
        tree.path(),
        "src/quiz.toml",
        r#"stdout = "dropped""#,
        r#"stdout = "computing""#,
    );
    let log = book::build(tree.path(), &tree.path().join("book"));
    assert_named(
        &book::check_build_log(tree.path(), &log),
        "src/quiz.toml",
        "ERROR",
    );
}

#[test]
fn a_listing_no_chapter_includes_is_named() {
    let tree = sound_tree();
    write(
        tree.path(),
        "listings/demo/orphan/Cargo.toml",
        &HELLO_TOML.replace("hello", "orphan"),
    );
    write(tree.path(), "listings/demo/orphan/src/main.rs", HELLO_RS);
    let problems = listings::check_included(tree.path());
    assert_named(
        &problems,
        "listings/demo/orphan/Cargo.toml",
        "no chapter includes",
    );
}

#[test]
fn a_dead_link_is_named() {
    let tree = sound_tree();
    edit(tree.path(), "src/demo.md", "(#demo)", "(missing.md#demo)");
    let out = tree.path().join("book");
    book::build(tree.path(), &out);
    assert_named(
        &book::check_links(tree.path(), &out),
        "src/demo.md",
        "missing.html",
    );
}

#[test]
fn a_dead_fragment_is_named() {
    let tree = sound_tree();
    edit(tree.path(), "src/demo.md", "(#demo)", "(#no-such-heading)");
    let out = tree.path().join("book");
    book::build(tree.path(), &out);
    assert_named(
        &book::check_links(tree.path(), &out),
        "src/demo.md",
        "#no-such-heading",
    );
}

#[test]
fn an_unknown_config_key_is_named() {
    let tree = sound_tree();
    edit(tree.path(), "book.toml", "cache_answers", "cache-answers");
    assert_named(
        &book::check_quiz_config(tree.path()),
        "book.toml",
        "cache-answers",
    );
    edit(
        tree.path(),
        "book.toml",
        "smart-punctuation",
        "smart-punctuations",
    );
    let log = book::build(tree.path(), &tree.path().join("book"));
    assert_named(
        &book::check_build_log(tree.path(), &log),
        "book.toml",
        "unknown field",
    );
}

#[test]
fn typed_output_is_named() {
    let tree = sound_tree();
    edit(
        tree.path(),
        "src/demo.md",
        "{{/listing}}\n",
        "{{/listing}}\n\n```console\nHello from a listing\n```\n",
    );
    let problems = markdown::check_console_blocks(tree.path());
    assert_named(&problems, "src/demo.md", "console block");
}

#[test]
fn placeholder_text_is_named() {
    let tree = sound_tree();
    edit(
        tree.path(),
        "src/demo.md",
        "# Demo\n",
        "# Demo\n\nComing soon.\n",
    );
    let problems = markdown::check_no_placeholders(tree.path());
    assert_named(&problems, "src/demo.md", "placeholder");
}

#[test]
fn a_compile_fail_listing_that_compiles_is_named() {
    let tree = sound_tree();
    let features = "[features]\ndoes-not-compile = []\n";
    write(
        tree.path(),
        "listings/demo/hello/Cargo.toml",
        &(HELLO_TOML.to_owned() + features),
    );
    edit(
        tree.path(),
        "src/demo.md",
        "{{#listing hello:main}}",
        "{{#listing hello:main fails=E0277}}",
    );
    let problems =
        listings::check_compile_fail(tree.path(), &tree.path().join("target"));
    assert_named(&problems, "listings/demo/hello/src", "but it compiles");
}

#[test]
fn a_listing_that_leaves_a_child_behind_fails() {
    // The shell starts `sleep` in the background and exits without waiting.
    let sh = Path::new("/bin/sh");
    let args = ["-c".to_string(), "sleep 30 & echo started".to_string()];
    let error = listings::run_listing(sh, &args).unwrap_err();
    assert!(error.contains("left 1 child process(es) behind"), "{error}");
}

// The instructor pages, the speaker notes, the session plans and the
// exercises: each check of `book_tests::instructors`, and each plan check of
// the course preprocessor, on a small tree of its own, sound and broken.

const TEACHING_SUMMARY: &str = "# Summary

- [Questions](demo/questions.md)

# For instructors

- [Teaching](instructors/index.md)
  - [Plan](instructors/session-plan.md)
  - [Second plan](instructors/second-session.md)
  - [Answers](instructors/answers.md)
";

const TEACHING_QUESTIONS: &str = r#"# Questions

## Discussion

1. Why does a sleeping loop cost so little?
2. When would you block instead?

{{#speaker-notes minutes=5}}
- Take one question.
{{/speaker-notes}}
"#;

const TEACHING_PLAN: &str = "# The session

{{#plan}}
- [Questions](../demo/questions.md): one discussion question
- Break, 5 minutes
{{/plan}}
";

/// A second plan, so that a page in two plans can be tried.
const SECOND_PLAN: &str = "# The second session

{{#plan}}
- Exercises, 5 minutes
{{/plan}}
";

const TEACHING_ANSWERS: &str = "# Answers

### Question 1: a sleeping loop {#answer-demo-questions-1}

The thread is off the processor while it sleeps, so it uses no CPU time at
all until the operating system wakes it again, once a second.

### Question 2: blocking {#answer-demo-questions-2}

When the source of events can wake the program, blocking on it answers at
once and never wakes for nothing, which a loop on a timer cannot do.
";

/// A tree with one discussion page, its speaker notes, two plans and
/// answers.
fn teaching_tree() -> TempDir {
    let dir = tempfile::Builder::new()
        .prefix("teaching-")
        .tempdir()
        .unwrap();
    let files = [
        ("src/SUMMARY.md", TEACHING_SUMMARY),
        ("src/demo/questions.md", TEACHING_QUESTIONS),
        ("src/instructors/index.md", "# Teaching\n"),
        ("src/instructors/session-plan.md", TEACHING_PLAN),
        ("src/instructors/second-session.md", SECOND_PLAN),
        ("src/instructors/answers.md", TEACHING_ANSWERS),
    ];
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    copy_book_config(dir.path());
    dir
}

fn teaching_problems(root: &Path) -> Vec<Problem> {
    [
        instructors::check_discussion_answers(root),
        instructors::check_speaker_notes(root),
    ]
    .concat()
}

#[test]
fn the_sound_teaching_tree_passes_every_check_and_builds() {
    let tree = teaching_tree();
    book_tests::assert_none(teaching_problems(tree.path()));
    let out = tree.path().join("book");
    // The tree has no listings, so only the archive of them fails.
    let log = book::build(tree.path(), &out);
    assert!(log.contains("HTML book written"), "{log}");
    let plan =
        fs::read_to_string(out.join("instructors/session-plan.html")).unwrap();
    assert!(
        plan.contains("<strong>10</strong>"),
        "the plan's total:\n{plan}"
    );
}

#[test]
fn a_question_without_an_answer_is_named() {
    let tree = teaching_tree();
    let new = "2. When would you block instead?\n3. And a third?\n";
    edit(
        tree.path(),
        "src/demo/questions.md",
        "2. When would you block instead?\n",
        new,
    );
    let problems = instructors::check_discussion_answers(tree.path());
    assert_named(
        &problems,
        "src/demo/questions.md",
        "question 3 has no answer",
    );
}

#[test]
fn an_answer_to_no_question_is_named() {
    let tree = teaching_tree();
    edit(
        tree.path(),
        "src/demo/questions.md",
        "2. When would you block instead?\n",
        "",
    );
    let problems = instructors::check_discussion_answers(tree.path());
    assert_named(
        &problems,
        "src/instructors/answers.md",
        "#answer-demo-questions-2 answers a question that does not exist",
    );
}

#[test]
fn an_answer_under_the_wrong_number_is_named() {
    let tree = teaching_tree();
    edit(
        tree.path(),
        "src/instructors/answers.md",
        "### Question 2:",
        "### Question 3:",
    );
    let problems = instructors::check_discussion_answers(tree.path());
    assert_named(
        &problems,
        "src/instructors/answers.md",
        "must start with \"Question 2\"",
    );
}

#[test]
fn a_page_in_two_plans_or_in_none_fails_the_build() {
    let (first, second) = (
        "src/instructors/session-plan.md",
        "src/instructors/second-session.md",
    );
    let linked = "- [Questions](../demo/questions.md)";
    let tree = teaching_tree();
    edit(tree.path(), second, "- Exercises, 5 minutes", linked);
    assert_build_names(
        tree.path(),
        second,
        "src/demo/questions.md is in src/instructors/session-plan.md already",
    );
    let tree = teaching_tree();
    edit(
        tree.path(),
        first,
        "- [Questions](../demo/questions.md): one discussion question",
        "- Questions, 5 minutes",
    );
    assert_build_names(
        tree.path(),
        "src/demo/questions.md",
        "the speaker notes give 5 minutes, but no session plan lists this page",
    );
}

#[test]
fn a_plan_row_naming_an_untimed_or_missing_page_fails_the_build() {
    let plan = "src/instructors/session-plan.md";
    let tree = teaching_tree();
    edit(
        tree.path(),
        plan,
        "- Break, 5 minutes",
        "- [Answers](answers.md)",
    );
    assert_build_names(
        tree.path(),
        plan,
        "src/instructors/answers.md has no minutes",
    );
    let tree = teaching_tree();
    edit(tree.path(), plan, "- Break, 5 minutes", "- [Gone](gone.md)");
    assert_build_names(tree.path(), plan, "is not a page of the book");
    let tree = teaching_tree();
    edit(tree.path(), plan, "- Break, 5 minutes", "- Break");
    assert_build_names(tree.path(), plan, "must say its minutes");
}

#[test]
fn a_pending_chapter_with_all_its_material_or_none_of_the_book_is_named() {
    let tree = teaching_tree();
    let list = "tests/src/instructors.rs";
    let problems = instructors::check_pending_chapters(tree.path(), &["demo"]);
    assert_named(&problems, list, "demo has answers to all its discussion");
    let problems = instructors::check_pending_chapters(tree.path(), &["gone"]);
    assert_named(
        &problems,
        list,
        "PENDING lists gone, which SUMMARY.md does not",
    );
    // Pending is right while an answer is missing.
    edit(
        tree.path(),
        "src/instructors/answers.md",
        "{#answer-demo-questions-2}",
        "",
    );
    let problems = instructors::check_pending_chapters(tree.path(), &["demo"]);
    book_tests::assert_none(problems);
}

#[test]
fn unclosed_or_hand_written_or_untimed_speaker_notes_are_named() {
    let page = "src/demo/questions.md";
    let tree = teaching_tree();
    edit(tree.path(), page, "{{/speaker-notes}}\n", "");
    assert_build_names(tree.path(), page, "`{{#speaker-notes}}` is never closed");
    let tree = teaching_tree();
    edit(
        tree.path(),
        page,
        "{{#speaker-notes minutes=5}}",
        "<details class=\"speaker-notes\"><summary>Speaker notes</summary>",
    );
    let problems = instructors::check_speaker_notes(tree.path());
    assert_named(&problems, page, "speaker notes written in HTML");
    let tree = teaching_tree();
    edit(tree.path(), page, " minutes=5", "");
    let problems = instructors::check_speaker_notes(tree.path());
    assert_named(&problems, page, "gives its minutes in its speaker notes");
}

#[test]
fn a_page_without_speaker_notes_is_named() {
    let tree = teaching_tree();
    edit(
        tree.path(),
        "src/SUMMARY.md",
        "- [Questions](demo/questions.md)\n",
        "- [Questions](demo/questions.md)\n- [More](demo/more.md)\n",
    );
    write(tree.path(), "src/demo/more.md", "# More\n");
    let problems = instructors::check_speaker_notes(tree.path());
    assert_named(&problems, "src/demo/more.md", "has no speaker notes");
}

const EXERCISE_TOML: &str = r#"[package]
name = "double"
version = "0.1.0"
edition = "2024"
publish = false

[features]
solution = []
"#;

const EXERCISE_LIB: &str = r#"#[cfg(not(feature = "solution"))]
// ANCHOR: starter
pub fn double(n: u32) -> u32 {
    n
}
// ANCHOR_END: starter

#[cfg(feature = "solution")]
// ANCHOR: solution
pub fn double(n: u32) -> u32 {
    n * 2
}
// ANCHOR_END: solution
"#;

const EXERCISE_TESTS: &str = r#"#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn doubles() {
    assert_eq!(double::double(3), 6);
}
"#;

const EXERCISE_PAGE: &str = "# Double

```rust
{{#include ../../listings/exercises/double/src/lib.rs:starter}}
```

```rust
{{#include ../../listings/exercises/double/tests/check.rs}}
```

Run `cargo test -p double -- --include-ignored`.
";

const SOLUTION_PAGE: &str = "# Solution

```rust
{{#include ../../listings/exercises/double/src/lib.rs:solution}}
```
";

/// A tree with one exercise crate, its page and its solution page.
fn exercise_tree() -> TempDir {
    let dir = tempfile::Builder::new()
        .prefix("exercise-")
        .tempdir()
        .unwrap();
    let files = [
        ("Cargo.toml", WORKSPACE),
        ("Cargo.lock", LOCK),
        ("rustfmt.toml", "max_width = 85\n"),
        ("listings/README.md", "# The listings\n"),
        ("listings/exercises/double/Cargo.toml", EXERCISE_TOML),
        ("listings/exercises/double/src/lib.rs", EXERCISE_LIB),
        ("listings/exercises/double/tests/check.rs", EXERCISE_TESTS),
        ("src/exercises/double.md", EXERCISE_PAGE),
        ("src/exercises/double-solution.md", SOLUTION_PAGE),
    ];
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    dir
}

#[test]
fn the_sound_exercise_passes_every_check() {
    let tree = exercise_tree();
    let target = tree.path().join("target");
    book_tests::assert_none(
        [
            instructors::check_exercise_pages(tree.path()),
            instructors::check_exercises(tree.path(), &target),
        ]
        .concat(),
    );
}

#[test]
fn tests_that_pass_on_the_starter_are_named() {
    let tree = exercise_tree();
    let lib = "listings/exercises/double/src/lib.rs";
    edit(tree.path(), lib, "    n\n}", "    n + n\n}");
    let problems =
        instructors::check_exercises(tree.path(), &tree.path().join("target"));
    assert_named(&problems, lib, "pass on the starter code");
}

#[test]
fn tests_that_fail_on_the_solution_are_named() {
    let tree = exercise_tree();
    let lib = "listings/exercises/double/src/lib.rs";
    edit(tree.path(), lib, "    n * 2\n", "    n * 3\n");
    let problems =
        instructors::check_exercises(tree.path(), &tree.path().join("target"));
    assert_named(&problems, lib, "do not pass on the solution");
}

#[test]
fn tests_that_would_turn_the_workspace_red_are_named() {
    let tree = exercise_tree();
    let tests = "listings/exercises/double/tests/check.rs";
    edit(
        tree.path(),
        tests,
        "#[cfg_attr(not(feature = \"solution\"), ignore = \"run with --include-ignored\")]\n",
        "",
    );
    let problems =
        instructors::check_exercises(tree.path(), &tree.path().join("target"));
    assert_named(
        &problems,
        "listings/exercises/double/src/lib.rs",
        "on the starter code: mark",
    );
}

#[test]
fn an_exercise_page_that_shows_the_solution_is_named() {
    let tree = exercise_tree();
    let page = "src/exercises/double.md";
    edit(
        tree.path(),
        page,
        "lib.rs:starter}}",
        "lib.rs:starter}}\n{{#include ../../listings/exercises/double/src/lib.rs:solution}}",
    );
    let problems = instructors::check_exercise_pages(tree.path());
    assert_named(&problems, page, "the anchor `solution`");
    edit(
        tree.path(),
        page,
        "Run `cargo test -p double -- --include-ignored`.",
        "",
    );
    let problems = instructors::check_exercise_pages(tree.path());
    assert_named(&problems, page, "must tell the reader to run");
}
