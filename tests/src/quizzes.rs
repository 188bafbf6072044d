//! Quiz questions that show crate code. mdbook-quiz runs a `Tracing`
//! program with plain rustc and no crates, so a question about tokio code is
//! multiple choice or short answer, and nothing would run its code. Here,
//! the code such a question shows must be, verbatim, the `src/main.rs` of a
//! listing crate, and the answer the quiz marks right a whole line of that
//! listing's output file, which the output check runs: the code is built,
//! linted and run, and the answer is what it prints.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use xtask::outputs::{is_output_file, parse_output_file};

use crate::{Problem, Texts, relative};

/// A path into one of these crates names code no rustc alone can build.
static CRATE_PATH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(tokio|tokio_util|smol|futures)::").unwrap());

/// Reads a tree's quizzes, listing sources and output files.
pub fn load(root: &Path) -> Texts {
    let mut texts = Texts::default();
    texts.load_below(root, "src", ".toml");
    texts.load_below(root, "listings", "src/main.rs");
    texts.load_below(root, "listings", ".txt");
    texts
}

/// The Rust code blocks of a question's Markdown.
fn rust_blocks(markdown: &str) -> Vec<String> {
    enum Inside<'a> {
        Text,
        Rust(Vec<&'a str>),
        Other,
    }
    let mut blocks = Vec::new();
    let mut inside = Inside::Text;
    for line in markdown.lines() {
        let fence = line.trim_start().strip_prefix("```");
        inside = match (inside, fence) {
            (Inside::Text, Some(info)) => {
                let lang = info.split([',', ' ']).next().unwrap_or("");
                if lang.is_empty() || lang == "rust" {
                    Inside::Rust(Vec::new())
                } else {
                    Inside::Other
                }
            }
            (Inside::Rust(lines), Some(_)) => {
                blocks.push(lines.join("\n"));
                Inside::Text
            }
            (Inside::Other, Some(_)) => Inside::Text,
            (Inside::Rust(mut lines), None) => {
                lines.push(line);
                Inside::Rust(lines)
            }
            (state, None) => state,
        };
    }
    blocks
}

/// Code compared line by line, trailing spaces and outer blank lines aside.
fn normalized(code: &str) -> String {
    let lines: Vec<&str> = code.lines().map(str::trim_end).collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

/// The text of every string `value` holds (itself, or an array's).
fn strings(value: Option<&toml::Value>) -> Vec<&str> {
    match value {
        Some(toml::Value::String(text)) => vec![text],
        Some(toml::Value::Array(items)) => {
            items.iter().filter_map(|v| v.as_str()).collect()
        }
        _ => Vec::new(),
    }
}

/// The listings that quizzes show, and the problems of their questions.
fn shown_in(texts: &Texts) -> (Vec<PathBuf>, Vec<Problem>) {
    let sources: Vec<(&Path, String)> = texts
        .below("listings", "src/main.rs")
        .filter_map(|(file, text)| {
            Some((file.parent()?.parent()?, normalized(text)))
        })
        .collect();
    let mut listings = Vec::new();
    let mut problems = Vec::new();
    for (quiz, text) in texts.below("src", ".toml") {
        let Ok(table) = text.parse::<toml::Table>() else {
            continue; // The quiz checks report it.
        };
        let questions = table.get("questions").and_then(|q| q.as_array());
        for (index, question) in questions.into_iter().flatten().enumerate() {
            let number = index + 1;
            let mut problem = |message: String| {
                problems.push(Problem::new(
                    quiz,
                    format!("question {number} {message}"),
                ));
            };
            let prompt = question.get("prompt").and_then(|p| p.get("prompt"));
            let crate_code: Vec<String> = rust_blocks(&strings(prompt).concat())
                .into_iter()
                .filter(|code| CRATE_PATH.is_match(code))
                .map(|code| normalized(&code))
                .collect();
            if crate_code.is_empty() {
                continue;
            }
            let kind = question.get("type").and_then(|t| t.as_str());
            if !matches!(kind, Some("MultipleChoice" | "ShortAnswer")) {
                problem(
                    "shows crate code: mdbook-quiz cannot run it, so it must be \
                     MultipleChoice or ShortAnswer"
                        .into(),
                );
            }
            let mut printed = Vec::new();
            for code in crate_code {
                let Some((dir, _)) =
                    sources.iter().find(|(_, source)| *source == code)
                else {
                    problem(
                        "shows crate code that no listing's src/main.rs holds \
                         verbatim: make it a listing crate, run by the tests"
                            .into(),
                    );
                    continue;
                };
                listings.push(dir.to_path_buf());
                for (_, text) in output_files(texts, dir) {
                    if let Ok(recorded) = parse_output_file(text) {
                        let lines = recorded.expected.lines();
                        printed.extend(lines.map(|line| line.trim().to_owned()));
                    }
                }
            }
            if printed.is_empty() {
                continue;
            }
            for answer in
                strings(question.get("answer").and_then(|a| a.get("answer")))
            {
                let answer = answer.replace('`', "");
                if !printed.iter().any(|line| line == answer.trim()) {
                    problem(format!(
                        "marks right \"{}\", which is no whole line of what \
                         its code prints (the listing's output files)",
                        answer.trim()
                    ));
                }
            }
        }
    }
    (listings, problems)
}

/// The output files of the listing in `dir` (see `is_output_file`).
fn output_files<'a>(
    texts: &'a Texts,
    dir: &'a Path,
) -> impl Iterator<Item = (&'a Path, &'a str)> + 'a {
    texts.below(dir, ".txt").filter(move |(file, _)| {
        file.parent() == Some(dir)
            && file
                .file_name()
                .is_some_and(|name| is_output_file(&name.to_string_lossy()))
    })
}

/// Every quiz question that shows crate code shows a listing's `src/main.rs`,
/// is multiple choice or short answer, and its right answer is a line of
/// that listing's output.
pub fn quiz_code_problems(texts: &Texts) -> Vec<Problem> {
    shown_in(texts).1
}

/// The files of the listings that quizzes show: their sources and output
/// files, which count as included by the book.
pub fn shown_by_quizzes(texts: &Texts) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in shown_in(texts).0 {
        files.push(dir.join("src/main.rs"));
        files.extend(output_files(texts, &dir).map(|(file, _)| file.to_path_buf()));
    }
    files.sort();
    files.dedup();
    files
}

/// The quiz checks on the tree at `root`.
pub fn check_quiz_code(root: &Path) -> Vec<Problem> {
    quiz_code_problems(&load(root))
        .into_iter()
        .map(|p| Problem::new(&relative(root, &p.file), p.message))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAIN: &str = "#[tokio::main(flavor = \"current_thread\")]\n\
                        async fn main() {\n    println!(\"3\");\n}\n";

    fn quiz(kind: &str, code: &str, answer: &str) -> String {
        format!(
            "[[questions]]\ntype = \"{kind}\"\nprompt.prompt = \"\"\"\nWhat does it print?\n\n\
             ```rust\n{code}```\n\"\"\"\nanswer.answer = \"{answer}\"\n"
        )
    }

    fn tree(quiz: &str) -> Texts {
        Texts::new([
            ("src/ch/quiz-a.toml", quiz.to_owned()),
            ("listings/ch/quiz-a/src/main.rs", MAIN.to_owned()),
            (
                "listings/ch/quiz-a/output.txt",
                "$ cargo run -p quiz-a\n3\n".to_owned(),
            ),
        ])
    }

    fn messages(texts: &Texts) -> Vec<String> {
        quiz_code_problems(texts)
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    #[test]
    fn a_question_showing_a_listing_with_its_output_as_answer_passes() {
        let texts = tree(&quiz("ShortAnswer", MAIN, "3"));
        assert_eq!(messages(&texts), Vec::<String>::new());
        assert_eq!(
            shown_by_quizzes(&texts),
            [
                PathBuf::from("listings/ch/quiz-a/output.txt"),
                PathBuf::from("listings/ch/quiz-a/src/main.rs"),
            ]
        );
    }

    #[test]
    fn crate_code_that_no_listing_holds_fails() {
        let changed = MAIN.replace('3', "4");
        let texts = tree(&quiz("ShortAnswer", &changed, "4"));
        let found = messages(&texts);
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("no listing's src/main.rs"), "{found:?}");
        assert_eq!(shown_by_quizzes(&texts), Vec::<PathBuf>::new());
    }

    #[test]
    fn an_answer_the_listing_does_not_print_fails() {
        let found = messages(&tree(&quiz("ShortAnswer", MAIN, "4")));
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains("\"4\", which is no whole line"),
            "{found:?}"
        );
    }

    #[test]
    fn a_tracing_question_cannot_show_crate_code() {
        let found = messages(&tree(&quiz("Tracing", MAIN, "3")));
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("must be MultipleChoice or ShortAnswer"));
    }

    #[test]
    fn code_without_crate_paths_needs_no_listing() {
        let plain = "fn main() {\n    println!(\"5\");\n}\n";
        assert_eq!(
            messages(&tree(&quiz("Tracing", plain, "5"))),
            Vec::<String>::new()
        );
    }

    #[test]
    fn code_blocks_are_read_by_language() {
        let markdown =
            "a\n```text\ntokio::x\n```\n```rust,ignore\nsmol::y\n```\n```\nz\n```\n";
        assert_eq!(rust_blocks(markdown), ["smol::y", "z"]);
    }
}
