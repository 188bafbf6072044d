//! Listings, figures and recorded output: what a directive asks for, checked
//! against the listing crates, and the Markdown and HTML it becomes.

use std::path::{Path, PathBuf};

use crate::Files;
use crate::directives::Args;

/// Where the listing crates live, below the book's root:
/// `listings/<chapter>/<name>/`.
pub const LISTINGS: &str = "listings";

/// A `{{#listing}}`, checked: every path is below the book's root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub name: String,
    pub anchor: Option<String>,
    pub file: PathBuf,
    /// The file as the page named it (`file=`), for the caption.
    pub named_file: Option<String>,
    pub output: Option<PathBuf>,
    pub fails: Option<String>,
    pub noplayground: bool,
    pub key: String,
}

const LISTING_OPTIONS: [&str; 5] = ["file", "output", "fails", "noplayground", "id"];

/// Reads `{{#listing NAME[:ANCHOR] [file=] [output=] [fails=] [noplayground]
/// [id=]}}` and checks it against the crate.
pub fn parse_listing(args: &str, files: &dyn Files) -> Result<Listing, String> {
    let args = Args::parse("listing", args, &LISTING_OPTIONS)?;
    let [target] = args.words[..] else {
        return Err(
            "`{{#listing}}` takes one listing, `NAME` or `NAME:ANCHOR`".into()
        );
    };
    let (name, anchor) = match target.split_once(':') {
        Some((name, anchor)) => (name, Some(anchor.to_string())),
        None => (target, None),
    };
    let dir = crate_dir(name, files)?;
    let file = match args.value("file") {
        Some(file) => dir.join(file),
        None if files.exists(&dir.join("src/main.rs")) => dir.join("src/main.rs"),
        None => dir.join("src/lib.rs"),
    };
    let Some(source) = files.read(&file) else {
        if args.value("file").is_none() {
            return Err(format!(
                "listing `{name}` has neither src/main.rs nor src/lib.rs: name the \
                 file to show with `file=`"
            ));
        }
        return Err(format!("listing `{name}` has no file {}", file.display()));
    };
    if let Some(anchor) = &anchor {
        check_anchor(&source, anchor, &file)?;
    }
    let output = match args.value("output") {
        Some("none") => None,
        Some(output) => Some(existing(dir.join(output), files)?),
        None if args.has("output") => return Err("`output=` needs a file".into()),
        None => Some(dir.join("output.txt")).filter(|file| files.exists(file)),
    };
    let fails = args.value("fails").map(str::to_string);
    if let Some(code) = &fails {
        let is_code = code.len() == 5
            && code.starts_with('E')
            && code[1..].chars().all(|c| c.is_ascii_digit());
        if !is_code {
            return Err(format!(
                "`fails={code}` must name an error code, e.g. E0277"
            ));
        }
    }
    let key = args.value("id").unwrap_or(target).to_string();
    Ok(Listing {
        name: name.to_string(),
        anchor,
        file,
        named_file: args.value("file").map(str::to_string),
        output,
        fails,
        noplayground: args.has("noplayground"),
        key,
    })
}

/// `{{#output NAME [FILE]}}`: the file, `output.txt` unless named.
pub fn parse_output(args: &str, files: &dyn Files) -> Result<PathBuf, String> {
    let args = Args::parse("output", args, &[])?;
    let (name, file) = match args.words[..] {
        [name] => (name, "output.txt"),
        [name, file] => (name, file),
        _ => {
            return Err(
                "`{{#output}}` takes a listing and, optionally, a file".into()
            );
        }
    };
    existing(crate_dir(name, files)?.join(file), files)
}

/// A `{{#figure FILE.svg [id=KEY]}}`, beside the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub file: String,
    pub key: String,
}

pub fn parse_figure(
    args: &str,
    page_dir: &Path,
    files: &dyn Files,
) -> Result<Figure, String> {
    let args = Args::parse("figure", args, &["id"])?;
    let [file] = args.words[..] else {
        return Err("`{{#figure}}` takes one file, beside the page".into());
    };
    existing(page_dir.join(file), files)?;
    let stem = Path::new(file)
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy();
    let key = match args.value("id") {
        Some(id) => id.to_string(),
        None => format!("figure:{stem}"),
    };
    Ok(Figure {
        file: file.to_string(),
        key,
    })
}

fn crate_dir(name: &str, files: &dyn Files) -> Result<PathBuf, String> {
    files.crate_dir(name).ok_or_else(|| {
        format!("unknown listing `{name}` (no crate {LISTINGS}/*/{name})")
    })
}

fn existing(file: PathBuf, files: &dyn Files) -> Result<PathBuf, String> {
    if files.exists(&file) {
        Ok(file)
    } else {
        Err(format!("{} does not exist", file.display()))
    }
}

/// An anchor exists when the file marks both its ends, as mdBook reads them.
/// Whether `source` marks `anchor` with both `ANCHOR:` and `ANCHOR_END:`, as
/// mdBook's includes need (it says nothing when one is missing).
pub fn has_anchor(source: &str, anchor: &str) -> bool {
    let marks = |mark: &str| {
        source.lines().any(|line| {
            line.split_once(mark)
                .is_some_and(|(_, name)| name.trim() == anchor)
        })
    };
    marks("ANCHOR:") && marks("ANCHOR_END:")
}

fn check_anchor(source: &str, anchor: &str, file: &Path) -> Result<(), String> {
    if has_anchor(source, anchor) {
        Ok(())
    } else {
        Err(format!(
            "{} has no anchor `{anchor}` (ANCHOR and ANCHOR_END)",
            file.display()
        ))
    }
}

/// The HTML id of a listing or figure key: `listing-loop-race-polling`.
pub fn html_id(prefix: &str, key: &str) -> String {
    let key = key.strip_prefix("figure:").unwrap_or(key);
    let slug: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{prefix}-{slug}")
}

/// The Markdown a listing becomes. `to_root` leads from the page's folder
/// to the book's root (`../../`); `number` is `3-7`.
pub fn render_listing(
    listing: &Listing,
    number: &str,
    caption: &str,
    to_root: &str,
) -> String {
    let mut info = String::from("rust");
    if let Some(code) = &listing.fails {
        info.push_str(",compile_fail,");
        info.push_str(code);
    }
    if listing.noplayground {
        info.push_str(",noplayground");
    }
    let anchor = listing
        .anchor
        .as_ref()
        .map_or(String::new(), |anchor| format!(":{anchor}"));
    let file = path_text(&listing.file);
    let mut title = format!("Listing {number}: <code>{}</code>", listing.name);
    if let Some(named) = &listing.named_file {
        title.push_str(&format!(", <code>{named}</code>"));
    }
    let mut out = format!(
        "<figure class=\"listing\" id=\"{}\">\n\n```{info}\n\
         {{{{#rustdoc_include {to_root}{file}{anchor}}}}}\n```\n\n\
         <figcaption>{}</figcaption>\n</figure>",
        html_id("listing", &listing.key),
        with_caption(&title, caption)
    );
    if let Some(output) = &listing.output {
        out.push_str("\n\n");
        out.push_str(&render_output(output, to_root));
    }
    out
}

pub fn render_output(output: &Path, to_root: &str) -> String {
    format!(
        "```console\n{{{{#include {to_root}{}}}}}\n```",
        path_text(output)
    )
}

pub fn render_figure(figure: &Figure, number: &str, caption: &str) -> String {
    format!(
        "<figure class=\"diagram\" id=\"{}\">\n{{{{#include {}}}}}\n\
         <figcaption>{}</figcaption>\n</figure>",
        html_id("figure", &figure.key),
        figure.file,
        with_caption(&format!("Figure {number}"), caption)
    )
}

/// `Listing 3-7: ... — caption`, or the title alone when there is none.
/// A figure's caption follows a colon, as the book has always written it.
fn with_caption(title: &str, caption: &str) -> String {
    match (caption.is_empty(), title.starts_with("Figure")) {
        (true, _) => title.to_string(),
        (false, true) => format!("{title}: {caption}"),
        (false, false) => format!("{title} — {caption}"),
    }
}

fn path_text(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::files;

    fn tree() -> impl Files {
        files(&[
            ("listings/futures/poll/Cargo.toml", ""),
            (
                "listings/futures/poll/src/main.rs",
                "// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n",
            ),
            ("listings/futures/poll/output.txt", "$ cargo run -p poll\n"),
            ("listings/futures/lib-only/Cargo.toml", ""),
            ("listings/futures/lib-only/src/lib.rs", "// ANCHOR: half\n"),
            ("src/futures/loop.svg", "<svg/>"),
        ])
    }

    #[test]
    fn a_listing_defaults_to_main_rs_and_its_output_txt() {
        let listing = parse_listing("poll:main", &tree()).unwrap();
        assert_eq!(listing.file, Path::new("listings/futures/poll/src/main.rs"));
        assert_eq!(
            listing.output.as_deref(),
            Some(Path::new("listings/futures/poll/output.txt"))
        );
        assert_eq!(listing.key, "poll:main");
        let text = render_listing(&listing, "3-7", "a <em>caption</em>", "../../");
        assert_eq!(
            text,
            "<figure class=\"listing\" id=\"listing-poll-main\">\n\n```rust\n\
             {{#rustdoc_include ../../listings/futures/poll/src/main.rs:main}}\n```\n\n\
             <figcaption>Listing 3-7: <code>poll</code> — a <em>caption</em></figcaption>\n\
             </figure>\n\n```console\n{{#include ../../listings/futures/poll/output.txt}}\n```"
        );
    }

    #[test]
    fn flags_become_the_fence_info_and_a_named_file_is_captioned() {
        let args = "poll file=src/main.rs output=none fails=E0277 noplayground id=x";
        let listing = parse_listing(args, &tree()).unwrap();
        assert_eq!((listing.output.clone(), listing.key.as_str()), (None, "x"));
        let text = render_listing(&listing, "1-2", "", "../");
        assert!(
            text.contains("```rust,compile_fail,E0277,noplayground\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "<code>poll</code>, <code>src/main.rs</code></figcaption>"
            ),
            "{text}"
        );
        assert!(!text.contains("console"), "{text}");
    }

    #[test]
    fn a_crate_without_main_rs_shows_its_lib_rs() {
        let listing = parse_listing("lib-only", &tree()).unwrap();
        assert_eq!(
            listing.file,
            Path::new("listings/futures/lib-only/src/lib.rs")
        );
        assert_eq!(listing.output, None);
    }

    #[test]
    fn unknown_crates_files_anchors_options_and_codes_are_refused() {
        let error = |args: &str| parse_listing(args, &tree()).unwrap_err();
        assert_eq!(
            error("nope"),
            "unknown listing `nope` (no crate listings/*/nope)"
        );
        assert!(
            error("poll file=src/x.rs")
                .contains("has no file listings/futures/poll/src/x.rs")
        );
        assert!(
            error("poll:mian").contains("no anchor `mian` (ANCHOR and ANCHOR_END)")
        );
        assert!(error("lib-only:half").contains("no anchor `half`"));
        assert!(error("poll colour=red").contains("unknown option `colour`"));
        assert!(error("poll fails=277").contains("must name an error code"));
        assert!(
            error("poll output=sample.txt").contains("sample.txt does not exist")
        );
        let bare = files(&[("listings/a/bare/Cargo.toml", "")]);
        let error = parse_listing("bare", &bare).unwrap_err();
        assert!(
            error.contains("neither src/main.rs nor src/lib.rs"),
            "{error}"
        );
    }

    #[test]
    fn outputs_and_figures_render_their_includes() {
        let output = parse_output("poll", &tree()).unwrap();
        assert_eq!(
            render_output(&output, "../../"),
            "```console\n{{#include ../../listings/futures/poll/output.txt}}\n```"
        );
        assert!(parse_output("poll sample.txt", &tree()).is_err());
        let figure =
            parse_figure("loop.svg", Path::new("src/futures"), &tree()).unwrap();
        assert_eq!(figure.key, "figure:loop");
        assert_eq!(
            render_figure(&figure, "3-1", "the loop."),
            "<figure class=\"diagram\" id=\"figure-loop\">\n{{#include loop.svg}}\n\
             <figcaption>Figure 3-1: the loop.</figcaption>\n</figure>"
        );
        assert!(
            parse_figure("gone.svg", Path::new("src/futures"), &tree()).is_err()
        );
    }
}
