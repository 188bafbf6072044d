//! The built book: a clean build log, a known configuration, quizzes that
//! keep their ids, and internal links that resolve.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::markdown::normalize;
use crate::{Problem, Texts, files_below, relative};

/// Builds the site of the tree at `root` into `out`, as `cargo xtask site`
/// does (the book and the listings archive); returns the build log. The
/// build may fail: its log says why, and `check_build_log` reports it.
pub fn build(root: &Path, out: &Path) -> String {
    // This checkout's preprocessor, never one installed from another state.
    static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();
    let installed = INSTALLED.get_or_init(|| {
        xtask::install_course_preprocessor().map_err(|e| e.to_string())
    });
    if let Err(error) = installed {
        panic!("{error}");
    }
    if let Err(missing) = xtask::check_tools() {
        panic!("{missing}");
    }
    xtask::site::build_site(root, out, "/").unwrap_or_else(|log| log)
}

/// mdBook exits 0 when an include is missing or a key is unknown, but it
/// logs the fault: no line of the log may be an ERROR or a WARN.
pub fn check_build_log(root: &Path, log: &str) -> Vec<Problem> {
    let is_file = |path: &Path| root.join(path).is_file();
    let is_dir = |path: &Path| root.join(path).is_dir();
    build_log_problems(root, log, &is_file, &is_dir)
}

/// The faults in `log`, the log of a build of the tree at `root`, as one
/// problem that names the file at fault; `is_file` and `is_dir` tell what
/// a path below the root is.
pub fn build_log_problems(
    root: &Path,
    log: &str,
    is_file: &dyn Fn(&Path) -> bool,
    is_dir: &dyn Fn(&Path) -> bool,
) -> Vec<Problem> {
    let faults: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("ERROR") || line.contains("WARN"))
        .collect();
    if faults.is_empty() {
        return Vec::new();
    }
    // Name the file the course preprocessor's one line names
    // (`src/page.md:12: ...`), or the first file of ours the log mentions
    // (a quiz, a missing include), or else the configuration.
    let prefix = format!("{}/", root.display());
    let preprocessor_names = log.lines().find_map(|line| {
        let (file, _) = line.split_once(':')?;
        (file.starts_with("src/") && is_file(Path::new(file))).then_some(file)
    });
    let file = log
        .lines()
        .filter_map(|line| line.split_once(&prefix).map(|(_, rest)| rest))
        .map(|rest| {
            rest.split(['`', '"', '\'', ')', ' ', ':'])
                .next()
                .unwrap_or_default()
        })
        .find(|path| !path.is_empty() && !is_dir(Path::new(path)));
    let file = preprocessor_names.or(file).unwrap_or("book.toml");
    vec![Problem::new(
        &normalize(Path::new(file)),
        format!("the book's build logged {} fault(s):\n{log}", faults.len()),
    )]
}

/// The keys `[preprocessor.quiz]` may set: mdBook's own for any
/// preprocessor, and those of mdbook-quiz 0.5.0's `QuizConfig`.
const QUIZ_KEYS: [&str; 13] = [
    "command",
    "before",
    "after",
    "renderers",
    "optional",
    "fullscreen",
    "cache_answers",
    "default_language",
    "spellcheck",
    "more_words",
    "show_bug_reporter",
    "initial_text",
    "dev_mode",
];

/// mdbook-quiz silently ignores a misspelt key (it reads `cache_answers`,
/// not `cache-answers`): only the keys of mdbook-quiz 0.5.0 may be set in
/// `book_toml`, the text of `book.toml`.
pub fn quiz_config_problems(book_toml: &str) -> Vec<Problem> {
    let file = Path::new("book.toml");
    let config: toml::Table = match book_toml.parse() {
        Ok(config) => config,
        Err(error) => return vec![Problem::new(file, error.to_string())],
    };
    let quiz = config
        .get("preprocessor")
        .and_then(|p| p.get("quiz"))
        .and_then(|quiz| quiz.as_table());
    quiz.into_iter()
        .flat_map(|quiz| quiz.keys())
        .filter(|key| !QUIZ_KEYS.contains(&key.as_str()))
        .map(|key| {
            Problem::new(
                file,
                format!(
                    "[preprocessor.quiz] has no key `{key}`; it knows {QUIZ_KEYS:?}"
                ),
            )
        })
        .collect()
}

pub fn check_quiz_config(root: &Path) -> Vec<Problem> {
    let text = fs::read_to_string(root.join("book.toml")).unwrap_or_default();
    quiz_config_problems(&text)
}

/// mdbook-quiz writes an `id` into each question that lacks one while it
/// builds: a quiz without them would leave the checkout dirty. `text` is
/// the quiz at `file`.
pub fn quiz_id_problems(file: &Path, text: &str) -> Vec<Problem> {
    let parsed: Result<toml::Table, _> = text.parse();
    let questions = parsed.as_ref().ok().and_then(|t| t.get("questions"));
    let Some(questions) = questions.and_then(|q| q.as_array()) else {
        return vec![Problem::new(file, "not a quiz with questions")];
    };
    let without = questions.iter().filter(|q| q.get("id").is_none()).count();
    if without == 0 {
        return Vec::new();
    }
    vec![Problem::new(
        file,
        format!("{without} question(s) have no id: build the book and commit"),
    )]
}

/// Every quiz below `src/` keeps the ids of its questions.
pub fn check_quiz_ids(root: &Path) -> Vec<Problem> {
    let mut texts = Texts::default();
    texts.load_below(root, "src", ".toml");
    texts
        .below("src", ".toml")
        .flat_map(|(quiz, text)| quiz_id_problems(quiz, text))
        .collect()
}

static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?:href|src)="([^"]*)""#).unwrap());
static ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?:id|name)="([^"]*)""#).unwrap());
static BASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<base href="([^"]*)""#).unwrap());

/// Every link from a page of the built book to a file of the book, and to a
/// `#fragment` in it, resolves. Problems name the chapter's source.
pub fn check_links(root: &Path, out: &Path) -> Vec<Problem> {
    let mut ids: HashMap<PathBuf, BTreeSet<String>> = HashMap::new();
    // Each page's ids, read once: print.html alone is linked to many times.
    let mut has_id = |page: &Path, id: &str| -> bool {
        ids.entry(page.to_path_buf())
            .or_insert_with(|| {
                let html = fs::read_to_string(page).unwrap_or_default();
                ID.captures_iter(&html)
                    .map(|caps| unescape(&caps[1]))
                    .collect()
            })
            .contains(id)
    };
    let mut problems = Vec::new();
    for page in files_below(out, ".html") {
        let html = fs::read_to_string(&page).unwrap_or_default();
        // A `<base>` (the 404 page has one) makes links relative to the site,
        // and names where the site begins (`site-url`), which absolute links
        // start with.
        let base = BASE.captures(&html).map(|caps| caps[1].to_string());
        let dir = match base {
            Some(_) => out.to_path_buf(),
            None => page.parent().unwrap().to_path_buf(),
        };
        let site_url = base.as_deref().unwrap_or("/");
        for caps in LINK.captures_iter(&html) {
            let link = unescape(&caps[1]);
            if link.is_empty() || is_external(&link) {
                continue;
            }
            let (path, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let path = path.split('?').next().unwrap_or_default();
            let target = if path.is_empty() {
                page.clone()
            } else if path.starts_with('/') {
                match path.strip_prefix(site_url) {
                    Some(from_top) => normalize(&out.join(decode(from_top))),
                    None => out.join("(outside the site)"),
                }
            } else {
                normalize(&dir.join(decode(path)))
            };
            let target = if path.ends_with('/') {
                target.join("index.html")
            } else {
                target
            };
            let broken = if !target.is_file() {
                Some(format!("links to {link}, which is not in the book"))
            } else if !fragment.is_empty() && !has_id(&target, &decode(fragment)) {
                Some(format!("links to {link}, but that page has no #{fragment}"))
            } else {
                None
            };
            if let Some(message) = broken {
                problems.push(Problem::new(&source_of(root, out, &page), message));
            }
        }
    }
    problems.sort_by(|a, b| (&a.file, &a.message).cmp(&(&b.file, &b.message)));
    problems.dedup();
    problems
}

fn is_external(link: &str) -> bool {
    ["http:", "https:", "mailto:", "javascript:", "data:", "//"]
        .iter()
        .any(|scheme| link.starts_with(scheme))
}

/// `src/a/b.md` for the built `a/b.html`, where there is one.
fn source_of(root: &Path, out: &Path, page: &Path) -> PathBuf {
    let built = relative(out, page);
    let source = Path::new("src").join(built.with_extension("md"));
    if root.join(&source).is_file() {
        source
    } else {
        relative(root, page)
    }
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Percent-decoding, for links to files and ids with non-ASCII names.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|hex| {
            u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
        });
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    /// The file a faulty build's one problem names, in a tree holding
    /// `src/page.md` and the folder `src/`.
    fn named_by(log: &str) -> Option<PathBuf> {
        let is_file = |path: &Path| path == Path::new("src/page.md");
        let is_dir = |path: &Path| path == Path::new("src");
        let problems = build_log_problems(Path::new("/t"), log, &is_file, &is_dir);
        let [problem] = &problems[..] else {
            assert_eq!(problems, [], "one problem at most");
            return None;
        };
        assert!(problem.message.contains(log), "{problem}");
        Some(problem.file.clone())
    }

    #[test]
    fn a_build_log_fault_names_the_file_at_fault() {
        assert_eq!(
            named_by("INFO Book building has started\nHTML book written\n"),
            None
        );
        // The preprocessor's one line names the page, before any other path.
        let log = "ERROR in /t/src/other.md\nsrc/page.md:3: unknown listing `x`\nERROR failed\n";
        assert_eq!(named_by(log), Some(PathBuf::from("src/page.md")));
        // A line naming a page that is not there is not the preprocessor's.
        let log =
            "src/gone.md:3: x\nWARN  Missing file /t/src/../listings/a/gone.rs\n";
        assert_eq!(named_by(log), Some(PathBuf::from("listings/a/gone.rs")));
        // A folder is no culprit: the next path is.
        let log = "ERROR Running in /t/src\nERROR \"/t/src/quiz.toml\" is invalid\n";
        assert_eq!(named_by(log), Some(PathBuf::from("src/quiz.toml")));
        let log = "ERROR unknown field `smart-punctuations`\n";
        assert_eq!(named_by(log), Some(PathBuf::from("book.toml")));
    }

    #[test]
    fn quiz_config_keys_are_those_mdbook_quiz_reads() {
        let config = "[book]\ntitle = \"x\"\n\n[preprocessor.quiz]\n\
                      after = [\"links\"]\ncache_answers = true\n\
                      cache-answers = true\n\n[preprocessor.course]\nkeep = 1\n";
        assert_eq!(
            messages(&quiz_config_problems(config)),
            [format!(
                "book.toml: [preprocessor.quiz] has no key `cache-answers`; it knows \
                 {QUIZ_KEYS:?}"
            )]
        );
        assert_eq!(quiz_config_problems("[book]\n"), []);
        let broken = quiz_config_problems("[preprocessor.quiz\n");
        assert_eq!(broken.len(), 1);
        assert_eq!(broken[0].file, Path::new("book.toml"));
    }

    #[test]
    fn every_quiz_question_has_an_id() {
        let quiz = Path::new("src/q.toml");
        let with_ids = "[[questions]]\nid = \"a\"\ntype = \"Tracing\"\n";
        assert_eq!(quiz_id_problems(quiz, with_ids), []);
        let without =
            format!("{with_ids}\n[[questions]]\ntype = \"x\"\n\n[[questions]]\n");
        assert_eq!(
            messages(&quiz_id_problems(quiz, &without)),
            ["src/q.toml: 2 question(s) have no id: build the book and commit"]
        );
        for not_a_quiz in ["title = \"x\"\n", "questions = 3\n", "[[questions]"] {
            assert_eq!(
                messages(&quiz_id_problems(quiz, not_a_quiz)),
                ["src/q.toml: not a quiz with questions"],
                "{not_a_quiz}"
            );
        }
    }
}
