//! The built book: a clean build log, a known configuration, quizzes that
//! keep their ids, and internal links that resolve.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::markdown::normalize;
use crate::{Problem, files_below, relative};

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
        (file.starts_with("src/") && root.join(file).is_file()).then_some(file)
    });
    let file = log
        .lines()
        .filter_map(|line| line.split_once(&prefix).map(|(_, rest)| rest))
        .map(|rest| {
            rest.split(['`', '"', '\'', ')', ' ', ':'])
                .next()
                .unwrap_or_default()
        })
        .find(|path| !path.is_empty() && !root.join(path).is_dir());
    let file = preprocessor_names.or(file).unwrap_or("book.toml");
    vec![Problem::new(
        &normalize(Path::new(file)),
        format!("the book's build logged {} fault(s):\n{log}", faults.len()),
    )]
}

/// mdbook-quiz silently ignores a misspelt key (it reads `cache_answers`,
/// not `cache-answers`): only the keys of mdbook-quiz 0.5.0 may be set.
pub fn check_quiz_config(root: &Path) -> Vec<Problem> {
    const KNOWN: [&str; 13] = [
        // mdBook's own keys for any preprocessor
        "command",
        "before",
        "after",
        "renderers",
        "optional",
        // mdbook-quiz 0.5.0's QuizConfig
        "fullscreen",
        "cache_answers",
        "default_language",
        "spellcheck",
        "more_words",
        "show_bug_reporter",
        "initial_text",
        "dev_mode",
    ];
    let text = fs::read_to_string(root.join("book.toml")).unwrap_or_default();
    let config: toml::Table = match text.parse() {
        Ok(config) => config,
        Err(error) => {
            return vec![Problem::new(Path::new("book.toml"), error.to_string())];
        }
    };
    let quiz = config
        .get("preprocessor")
        .and_then(|p| p.get("quiz"))
        .and_then(|quiz| quiz.as_table());
    quiz.into_iter()
        .flat_map(|quiz| quiz.keys())
        .filter(|key| !KNOWN.contains(&key.as_str()))
        .map(|key| {
            Problem::new(
                Path::new("book.toml"),
                format!(
                    "[preprocessor.quiz] has no key `{key}`; it knows {KNOWN:?}"
                ),
            )
        })
        .collect()
}

/// mdbook-quiz writes an `id` into each question that lacks one while it
/// builds: a quiz without them would leave the checkout dirty.
pub fn check_quiz_ids(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for quiz in files_below(&root.join("src"), ".toml") {
        let text = fs::read_to_string(&quiz).unwrap_or_default();
        let parsed: Result<toml::Table, _> = text.parse();
        let questions = parsed.as_ref().ok().and_then(|t| t.get("questions"));
        let Some(questions) = questions.and_then(|q| q.as_array()) else {
            problems.push(Problem::new(
                &relative(root, &quiz),
                "not a quiz with questions",
            ));
            continue;
        };
        let without = questions.iter().filter(|q| q.get("id").is_none()).count();
        if without > 0 {
            problems.push(Problem::new(
                &relative(root, &quiz),
                format!(
                    "{without} question(s) have no id: build the book and commit"
                ),
            ));
        }
    }
    problems
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
