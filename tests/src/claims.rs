//! Sentences that describe a test. A sentence of the book that names a test
//! function in backticks (`` `busy_loop_uses_ten_times_the_cpu` ``) may
//! state only numbers that the test's code contains: "at least ten times"
//! needs a `10` there. A sentence about a test that states a number, or
//! counts tests ("the third test"), must name the test it means, so that
//! this check can hold it to the code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

use mdbook_course::markdown;
use regex::Regex;

use crate::{Problem, Texts};

/// Each test function's name, and its code, in every `.rs` file of `texts`
/// (the code of all of them, for a name that two files use).
pub fn test_functions(texts: &Texts) -> BTreeMap<String, String> {
    static TEST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"#\[(?:\w+::)?test\b[^\]]*\]\s*(?:#\[[^\]]*\]\s*)*(?:async\s+)?fn\s+(\w+)")
            .unwrap()
    });
    let mut found = BTreeMap::new();
    for (_, text) in texts.below("", ".rs") {
        for test in TEST.captures_iter(text) {
            let start = test.get(0).unwrap().end();
            found
                .entry(test[1].to_string())
                .or_insert_with(String::new)
                .push_str(body_from(&text[start..]));
        }
    }
    found
}

/// The text from the start up to the brace that closes the first `{`.
fn body_from(text: &str) -> &str {
    let mut depth = 0;
    for (at, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => return &text[..=at],
            '}' => depth -= 1,
            _ => {}
        }
    }
    text
}

/// A code span: it names things, and states no number.
static CODE_SPAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"`[^`]*`").unwrap());

const CARDINALS: [&str; 19] = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
const ORDINALS: [&str; 9] = [
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth",
];

/// The numbers a sentence states, as digits: "ten" is `10`, "10,000" is
/// `10000`, "5%" is `5`.
pub fn numbers_in(sentence: &str) -> BTreeSet<String> {
    static DIGITS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[^\w.])(\d[\d,]*(?:\.\d+)?)\b").unwrap());
    // Code spans and links' targets name things; they state no number.
    let text = CODE_SPAN.replace_all(sentence, " ");
    let mut found: BTreeSet<String> = DIGITS
        .captures_iter(&text)
        .map(|number| number[1].trim_end_matches(',').replace(',', ""))
        .collect();
    // Words alone: "join-two" and "two-thirds" are names, not numbers.
    let words: Vec<String> = text
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    for (at, word) in words.iter().enumerate() {
        let Some(n) = CARDINALS.iter().position(|w| w == word) else {
            continue;
        };
        let scale = match words.get(at + 1).map(String::as_str) {
            Some("hundred") => 100,
            Some("thousand") => 1000,
            _ => 1,
        };
        found.insert(((n + 2) * scale).to_string());
    }
    found
}

/// The numbers a test's code holds, with `_` separators dropped, and each
/// fraction also as a percentage (`0.05` is also `5`).
fn numbers_of_code(code: &str) -> BTreeSet<String> {
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b\d[\d_]*(?:\.\d+)?").unwrap());
    let mut found = BTreeSet::new();
    for number in NUMBER.find_iter(code) {
        let number = number.as_str().replace('_', "");
        if let Ok(value) = number.parse::<f64>() {
            found.insert(format_number(value));
            if value < 1.0 {
                found.insert(format_number(value * 100.0));
            }
        }
        found.insert(number);
    }
    found
}

fn format_number(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    format!("{rounded}")
}

/// The sentences of a page's prose, each with its line: code blocks,
/// directives and HTML tags left out.
pub fn sentences(text: &str) -> Vec<(usize, String)> {
    static NOISE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)\{\{#[^}]*\}\}|\{\{/[^}]*\}\}|<[^>]*>").unwrap()
    });
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[.!?:](?:\s+|$)|\n\s*\n|\n\s*[-*]\s|\n#").unwrap()
    });
    let page = markdown::Page::parse(text);
    let prose = NOISE.replace_all(&page.prose, |m: &regex::Captures| {
        // Keep the line breaks, so that lines still count.
        m[0].chars().filter(|&c| c == '\n').collect::<String>()
    });
    let mut found = Vec::new();
    let mut start = 0;
    for end in END.find_iter(&prose).map(|m| m.end()).chain([prose.len()]) {
        if end <= start {
            continue;
        }
        let sentence = &prose[start..end];
        let words = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = words.trim_start_matches(['-', '*', ' ']);
        if !words.is_empty() {
            let first = start + sentence.len() - sentence.trim_start().len();
            found
                .push((1 + prose[..first].matches('\n').count(), words.to_string()));
        }
        start = end;
    }
    found
}

/// Whether a sentence speaks of a test, outside code and commands.
fn about_a_test(sentence: &str) -> bool {
    static TEST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\btests?\b").unwrap());
    TEST.is_match(&CODE_SPAN.replace_all(sentence, ""))
}

/// Whether a sentence counts tests: "the third test".
fn counts_tests(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    ORDINALS.iter().any(|ordinal| {
        lower.contains(&format!("{ordinal} test"))
            || lower.contains(&format!("but the {ordinal}"))
    })
}

/// Every sentence of the pages below `src/` that breaks the rule above.
pub fn test_claim_problems(texts: &Texts) -> Vec<Problem> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`(\w+)`").unwrap());
    let tests = test_functions(texts);
    let mut problems = Vec::new();
    for (path, text) in texts.below("src", ".md") {
        for (line, sentence) in sentences(text) {
            let named: Vec<&str> = NAME
                .captures_iter(&sentence)
                .map(|name| name.get(1).unwrap().as_str())
                .filter(|name| tests.contains_key(*name))
                .collect();
            let numbers = numbers_in(&sentence);
            let at = |message: String| {
                Problem::new(path, format!("line {line}: {message}: \"{sentence}\""))
            };
            if named.is_empty() {
                if about_a_test(&sentence)
                    && (!numbers.is_empty() || counts_tests(&sentence))
                {
                    problems.push(at(
                        "a sentence that gives a test's numbers names the test in \
                         backticks"
                            .into(),
                    ));
                }
                continue;
            }
            let known: BTreeSet<String> = named
                .iter()
                .flat_map(|name| numbers_of_code(&tests[*name]))
                .collect();
            // "0.30" or "3.0" in a sentence is the code's `0.3` or `3`.
            let missing: Vec<&String> = numbers
                .iter()
                .filter(|n| {
                    !known.contains(*n)
                        && !n
                            .parse::<f64>()
                            .is_ok_and(|value| known.contains(&format_number(value)))
                })
                .collect();
            if !missing.is_empty() {
                problems.push(at(format!(
                    "{} not in the code of {}",
                    missing
                        .iter()
                        .map(|n| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    named.join(", ")
                )));
            }
        }
    }
    problems
}

/// The rule, on this tree's pages and every test in `listings/`.
pub fn check_test_claims(root: &Path) -> Vec<Problem> {
    let mut texts = Texts::default();
    texts.load_below(root, "src", ".md");
    texts.load_below(root, "listings", ".rs");
    test_claim_problems(&texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTING: &str = "listings/a/loops/tests/cli.rs";
    const CODE: &str = "#[test]\nfn busy_uses_more() {\n    let ratio = busy / sleeping;\n    \
                        assert!(ratio >= 10.0, \"{ratio}\");\n    \
                        assert!(share < 0.05);\n}\n\n#[test]\nfn other() { let n = 7; }\n";

    fn problems(page: &str) -> Vec<String> {
        let texts = Texts::new([("src/a/page.md", page), (LISTING, CODE)]);
        test_claim_problems(&texts)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_test_function_is_read_up_to_its_closing_brace() {
        let texts = Texts::new([(LISTING, CODE)]);
        let tests = test_functions(&texts);
        assert_eq!(
            tests.keys().collect::<Vec<_>>(),
            ["busy_uses_more", "other"]
        );
        assert!(tests["busy_uses_more"].ends_with("< 0.05);\n}"));
        assert_eq!(tests["other"], "() { let n = 7; }");
    }

    #[test]
    fn numbers_are_read_in_digits_and_in_words() {
        let found =
            numbers_in("At least ten times, in 10,000 runs, 5% of a core, E0277.");
        assert_eq!(
            found,
            BTreeSet::from(["10".into(), "10000".into(), "5".into()])
        );
    }

    #[test]
    fn a_named_test_whose_code_holds_every_number_passes() {
        let page = "The test `busy_uses_more` requires the busy loop's CPU time to be \
                    at least ten times the sleeping loop's, and the share below 5%.\n";
        assert_eq!(problems(page), Vec::<String>::new());
    }

    #[test]
    fn a_number_is_compared_by_its_value() {
        let page =
            "The test `busy_uses_more` wants 10.0 times the CPU, and 0.050 of it.\n";
        assert_eq!(problems(page), Vec::<String>::new());
    }

    #[test]
    fn a_number_the_named_test_does_not_hold_is_named() {
        let page = "# Loops\n\nIntro.\n\nThe test `busy_uses_more` requires 20% of a core.\n";
        assert_eq!(
            problems(page),
            [
                "src/a/page.md: line 5: 20 not in the code of busy_uses_more: \"The \
              test `busy_uses_more` requires 20% of a core.\""
            ]
        );
    }

    #[test]
    fn a_test_described_with_numbers_but_not_named_is_named() {
        let page = "A test requires the busy loop to use ten times the CPU.\n\n\
                    Run `cargo test` twice. Every test fails on the starter.\n\n\
                    It passes every test but the third.\n";
        let found = problems(page);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].contains("line 1: a sentence that gives"),
            "{found:?}"
        );
        assert!(found[1].contains("line 5:"), "{found:?}");
    }

    #[test]
    fn code_blocks_and_directives_are_not_sentences() {
        let page = "```text\nThe test `busy_uses_more` takes 99 s.\n```\n\n\
                    {{#listing loops file=tests/cli.rs}}\nthe 3 tests.\n{{/listing}}\n";
        let found = problems(page);
        assert_eq!(found.len(), 1, "a caption is prose: {found:?}");
        assert!(found[0].contains("the 3 tests"), "{found:?}");
    }
}
