//! Each contract check that needs a whole tree (a build and its log, the
//! built links, listings run, the archive, exercises tested, the
//! preprocessor's build failures), run on a copy of a small course tree in
//! `tests/fixtures/` broken on purpose, must fail and name the file that
//! breaks it. The sound trees pass them all, so each failure below is the
//! breakage's doing. Checks that are pure functions over texts are shown
//! breaking by their unit tests, in `tests/src/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use book_tests::{Problem, book, hosting, instructors, listings, markdown, root};
use tempfile::TempDir;
use xtask::outputs::{Blessed, RUN_LIMIT, bless, select_listings};
use xtask::site::{LISTINGS_ARCHIVE, SERVED_ARCHIVE, write_served_archive};

/// The sound course trees, kept on disk: `book` (a listing, its output, a
/// figure and a quiz; the browser's breakage tests build it too), `teaching`
/// (discussion questions, speaker notes, session plans, answers) and
/// `exercise` (one exercise crate and its pages).
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// A copy of fixture `name` in a fresh temporary folder, with the real
/// `book.toml`, theme and Pages workflow, so that it builds as the book
/// does; each test then breaks its own copy.
fn fixture(name: &str) -> TempDir {
    let dir = tempfile::Builder::new()
        .prefix(&format!("{name}-"))
        .tempdir()
        .unwrap();
    let from = fixtures().join(name);
    copy_files(&from, dir.path(), &book_tests::files_below(&from, ""));
    let real = root();
    let shared = ["book.toml", hosting::PAGES_WORKFLOW].map(|f| real.join(f));
    let theme = book_tests::files_below(&real.join("theme"), "");
    copy_files(&real, dir.path(), &[&shared[..], &theme].concat());
    dir
}

/// Copies `files`, below `from`, to the same paths below `to`.
fn copy_files(from: &Path, to: &Path, files: &[PathBuf]) {
    for file in files {
        let copy = to.join(book_tests::relative(from, file));
        fs::create_dir_all(copy.parent().unwrap()).unwrap();
        fs::copy(file, copy).unwrap();
    }
}

fn sound_tree() -> TempDir {
    fixture("book")
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

/// The output check on the tree at `root`, which builds the listings into
/// the tree's own `target/`: trees built at once never share a binary.
fn output_problems(root: &Path, limit: Duration) -> Vec<Problem> {
    listings::check_outputs(root, &root.join("target"), limit)
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
        markdown::check_pages_listed(root),
        listings::check_included(root),
        output_problems(root, RUN_LIMIT),
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
fn a_deleted_included_file_fails_the_build_log() {
    let tree = sound_tree();
    edit(
        tree.path(),
        "src/demo/index.md",
        "# Demo chapter\n",
        "# Demo chapter\n\n```rust\n{{#include ../../listings/demo/hello/src/gone.rs}}\n```\n",
    );
    // `markdown::check_includes` names the page too: its unit tests show it.
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
        "src/demo/index.md",
        "listing `hello` has neither src/main.rs nor src/lib.rs",
    );
}

#[test]
fn a_misspelt_anchor_fails_the_build() {
    let tree = sound_tree();
    edit(tree.path(), "src/demo/index.md", "hello:main", "hello:mian");
    assert_build_names(tree.path(), "src/demo/index.md", "no anchor `mian`");
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
        edit(tree.path(), "src/demo/index.md", from, to);
        assert_build_names(tree.path(), "src/demo/index.md", words);
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
    let problems = output_problems(tree.path(), RUN_LIMIT);
    assert_named(&problems, "listings/demo/hello/output.txt", "differs");
}

const HELLO_MAIN: &str = "listings/demo/hello/src/main.rs";
const HELLO_TOML: &str = "listings/demo/hello/Cargo.toml";
const HELLO_OUTPUT_FILE: &str = "listings/demo/hello/output.txt";

/// What `cargo test` alone does after an author edits a listing: the
/// check builds it, so the edit is seen; `cargo xtask bless` then records
/// the new output, and the check passes.
#[test]
fn an_edited_listing_is_rebuilt_before_the_check_and_bless_records_it() {
    let tree = sound_tree();
    let (root, target) = (tree.path(), tree.path().join("target"));
    book_tests::assert_none(output_problems(root, RUN_LIMIT));
    let file = root.join(HELLO_OUTPUT_FILE);
    let blessed = fs::read_to_string(&file).unwrap().replace("Hello", "Hullo");
    edit(root, HELLO_MAIN, "Hello from", "Hullo from");
    assert_named(
        &output_problems(root, RUN_LIMIT),
        HELLO_OUTPUT_FILE,
        "run `cargo xtask bless hello`",
    );

    let hello = select_listings(root, &["hello".into()]).unwrap();
    let outcomes = bless(root, &target, &hello, RUN_LIMIT, false).unwrap();
    assert_eq!(outcomes, [(file.clone(), Ok(Blessed::Rewritten))]);
    assert_eq!(fs::read_to_string(&file).unwrap(), blessed);
    book_tests::assert_none(output_problems(root, RUN_LIMIT));
    let outcomes = bless(root, &target, &hello, RUN_LIMIT, false).unwrap();
    assert_eq!(outcomes, [(file, Ok(Blessed::Unchanged))]);
}

#[test]
fn bless_refuses_an_unknown_listing_in_one_line() {
    let tree = sound_tree();
    let names = ["hello".to_string(), "helo".to_string()];
    let error = select_listings(tree.path(), &names).unwrap_err();
    assert_eq!(error, "unknown listing `helo` (no crate listings/*/helo)");
}

#[test]
fn a_listing_that_hangs_is_stopped_at_the_limit_and_named() {
    let tree = sound_tree();
    edit(
        tree.path(),
        HELLO_MAIN,
        "}\n// ANCHOR_END",
        "    loop {\n        std::thread::park();\n    }\n}\n// ANCHOR_END",
    );
    let started = Instant::now();
    let problems = output_problems(tree.path(), Duration::from_secs(2));
    assert_named(&problems, HELLO_OUTPUT_FILE, "still running after 2s");
    // Building the listing takes a second or two; the run, two more.
    let took = started.elapsed();
    assert!(took < Duration::from_secs(30), "took {took:?}");
}

#[test]
fn a_listing_that_leaves_a_process_behind_is_named() {
    let tree = sound_tree();
    edit(
        tree.path(),
        HELLO_MAIN,
        "fn main() {\n",
        "fn main() {\n    std::process::Command::new(\"sleep\")\n        .arg(\"30\")\n        .spawn()\n        .unwrap();\n",
    );
    let problems = output_problems(tree.path(), RUN_LIMIT);
    assert_named(
        &problems,
        HELLO_OUTPUT_FILE,
        "left 1 child process(es) behind",
    );
}

#[test]
fn a_wrong_quiz_answer_is_named() {
    let tree = sound_tree();
    edit(
        tree.path(),
        "src/demo/quiz.toml",
        r#"stdout = "dropped""#,
        r#"stdout = "computing""#,
    );
    let log = book::build(tree.path(), &tree.path().join("book"));
    assert_named(
        &book::check_build_log(tree.path(), &log),
        "src/demo/quiz.toml",
        "ERROR",
    );
}

#[test]
fn a_listing_no_chapter_includes_is_named() {
    let tree = sound_tree();
    let hello = fs::read_to_string(tree.path().join(HELLO_TOML)).unwrap();
    let orphan = "listings/demo/orphan/Cargo.toml";
    write(tree.path(), orphan, &hello.replace("hello", "orphan"));
    let main = fs::read_to_string(tree.path().join(HELLO_MAIN)).unwrap();
    write(tree.path(), "listings/demo/orphan/src/main.rs", &main);
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
    edit(
        tree.path(),
        "src/demo/index.md",
        "(#demo-chapter)",
        "(missing.md#demo-chapter)",
    );
    let out = tree.path().join("book");
    book::build(tree.path(), &out);
    assert_named(
        &book::check_links(tree.path(), &out),
        "src/demo/index.md",
        "missing.html",
    );
}

#[test]
fn a_dead_fragment_is_named() {
    let tree = sound_tree();
    edit(
        tree.path(),
        "src/demo/index.md",
        "(#demo-chapter)",
        "(#no-such-heading)",
    );
    let out = tree.path().join("book");
    book::build(tree.path(), &out);
    assert_named(
        &book::check_links(tree.path(), &out),
        "src/demo/index.md",
        "#no-such-heading",
    );
}

#[test]
fn an_unknown_config_key_fails_the_build_log() {
    // A key mdbook-quiz ignores is `book::quiz_config_problems`'s: unit-tested.
    let tree = sound_tree();
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
fn a_compile_fail_listing_that_compiles_is_named() {
    let tree = sound_tree();
    let features = "[features]\ndoes-not-compile = []\n";
    let manifest = fs::read_to_string(tree.path().join(HELLO_TOML)).unwrap();
    write(tree.path(), HELLO_TOML, &(manifest + features));
    edit(
        tree.path(),
        "src/demo/index.md",
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
    let error = listings::run_listing(sh, &args, RUN_LIMIT).unwrap_err();
    assert!(error.contains("left 1 child process(es) behind"), "{error}");
}

/// `cargo xtask serve` writes the archive into `src/`, from which mdBook
/// copies it to the root of every book it builds, served ones included.
#[test]
fn the_archive_xtask_serve_writes_is_at_the_root_of_the_built_book() {
    let tree = sound_tree();
    let archive = write_served_archive(tree.path()).unwrap();
    assert_eq!(archive, tree.path().join(SERVED_ARCHIVE));
    let out = tree.path().join("served");
    let build = xtask::mdbook(tree.path())
        .arg("build")
        .arg("--dest-dir")
        .arg(&out)
        .output()
        .unwrap();
    assert!(build.status.success(), "{build:?}");
    let served = fs::read(out.join(LISTINGS_ARCHIVE)).unwrap();
    assert_eq!(served, fs::read(&archive).unwrap());
    assert_eq!(served[..2], [0x1f, 0x8b], "a gzip file");
}

#[test]
fn a_stale_served_archive_never_reaches_the_site() {
    let tree = sound_tree();
    write(tree.path(), SERVED_ARCHIVE, "stale");
    let out = tree.path().join("site");
    let log = book::build(tree.path(), &out);
    book_tests::assert_none(book::check_build_log(tree.path(), &log));
    let archive = fs::read(out.join(LISTINGS_ARCHIVE)).unwrap();
    assert_eq!(
        archive[..2],
        [0x1f, 0x8b],
        "a fresh gzip file, not the stale one"
    );
}

// The instructor pages, the speaker notes, the session plans and the
// exercises: the fixtures `teaching` and `exercise` pass every check of
// `book_tests::instructors`, and each plan or notes fault the course
// preprocessor refuses fails their build; the exercises' tests are run.

fn teaching_problems(root: &Path) -> Vec<Problem> {
    [
        instructors::check_discussion_answers(root),
        instructors::check_speaker_notes(root),
        instructors::check_pending_chapters(root, instructors::PENDING),
        markdown::check_pages_listed(root),
    ]
    .concat()
}

#[test]
fn the_sound_teaching_tree_passes_every_check_and_builds() {
    let tree = fixture("teaching");
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
fn a_page_in_two_plans_or_in_none_fails_the_build() {
    let (first, second) = (
        "src/instructors/session-plan.md",
        "src/instructors/second-session.md",
    );
    let linked = "- [Questions](../demo/questions.md)";
    let tree = fixture("teaching");
    edit(tree.path(), second, "- Exercises, 5 minutes", linked);
    assert_build_names(
        tree.path(),
        second,
        "src/demo/questions.md is in src/instructors/session-plan.md already",
    );
    let tree = fixture("teaching");
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
    let tree = fixture("teaching");
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
    let tree = fixture("teaching");
    edit(tree.path(), plan, "- Break, 5 minutes", "- [Gone](gone.md)");
    assert_build_names(tree.path(), plan, "is not a page of the book");
    let tree = fixture("teaching");
    edit(tree.path(), plan, "- Break, 5 minutes", "- Break");
    assert_build_names(tree.path(), plan, "must say its minutes");
}

#[test]
fn unclosed_speaker_notes_fail_the_build() {
    let page = "src/demo/questions.md";
    let tree = fixture("teaching");
    edit(tree.path(), page, "{{/speaker-notes}}\n", "");
    assert_build_names(tree.path(), page, "`{{#speaker-notes}}` is never closed");
}

#[test]
fn the_sound_exercise_passes_every_check() {
    let tree = fixture("exercise");
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
    let tree = fixture("exercise");
    let starter = "listings/exercises/double/src/exercise.rs";
    edit(tree.path(), starter, "    n\n}", "    n + n\n}");
    let problems =
        instructors::check_exercises(tree.path(), &tree.path().join("target"));
    assert_named(&problems, starter, "pass on the starter code");
}

#[test]
fn tests_that_fail_on_the_solution_are_named() {
    let tree = fixture("exercise");
    let answer = "listings/exercises/double/solution/exercise.rs";
    edit(tree.path(), answer, "    n * 2\n", "    n * 3\n");
    let problems =
        instructors::check_exercises(tree.path(), &tree.path().join("target"));
    assert_named(&problems, answer, "do not pass on the solution");
}

#[test]
fn tests_that_would_turn_the_workspace_red_are_named() {
    let tree = fixture("exercise");
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
        "listings/exercises/double/tests",
        "on the starter code: mark",
    );
}
