//! Each contract check, run on a small course tree broken on purpose, must
//! fail and name the file that breaks it. The sound tree passes them all, so
//! each failure below is the breakage's doing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use book_tests::{Problem, book, listings, markdown, root};
use tempfile::TempDir;

const WORKSPACE: &str = r#"[workspace]
resolver = "3"
members = ["listings/*/*"]
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

```rust
{{#rustdoc_include ../listings/demo/hello/src/main.rs:main}}
```

```console
{{#include ../listings/demo/hello/output.txt}}
```

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
    let book_toml = fs::read_to_string(real.join("book.toml")).unwrap();
    write(dir.path(), "book.toml", &book_toml);
    for file in book_tests::files_below(&real.join("theme"), "") {
        let copy = dir.path().join(book_tests::relative(&real, &file));
        fs::create_dir_all(copy.parent().unwrap()).unwrap();
        fs::copy(&file, copy).unwrap();
    }
    dir
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
fn a_deleted_included_file_is_named() {
    let tree = sound_tree();
    fs::remove_file(tree.path().join("listings/demo/hello/output.txt")).unwrap();
    let problems = markdown::check_includes(tree.path());
    assert_named(&problems, "src/demo.md", "does not exist");
    let log = book::build(tree.path(), &tree.path().join("book"));
    let problems = book::check_build_log(tree.path(), &log);
    assert_named(&problems, "listings/demo/hello/output.txt", "ERROR");
}

#[test]
fn a_misspelt_anchor_is_named() {
    let tree = sound_tree();
    edit(tree.path(), "src/demo.md", "main.rs:main", "main.rs:mian");
    let problems = markdown::check_includes(tree.path());
    assert_named(&problems, "src/demo.md", "no anchor `mian`");
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
        "{{#include ../listings/demo/hello/output.txt}}",
        "Hello from a listing",
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
        "```rust\n",
        "```rust,compile_fail,E0277\n",
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
