//! An mdBook preprocessor that runs after mdbook-quiz and takes out the
//! `<script>` and `<link>` it appends to each chapter with a quiz.
//!
//! mdbook-quiz points them at `../quiz/` relative to the chapter, which is
//! wrong on `print.html`, where every chapter is at the top: there they would
//! be failed requests. `theme/quiz-loader.js` loads the same files from the
//! book's root instead, on any page that holds a quiz.

use std::io::{self, Read};
use std::process::ExitCode;

use serde_json::Value;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some("supports") {
        // Only the HTML renderer runs scripts.
        let html = args.next().as_deref() == Some("html");
        return if html {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mdbook-quiz-assets: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut input = String::new();
    io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| e.to_string())?;
    // mdBook sends `[context, book]` and reads back the book.
    let [_context, mut book]: [Value; 2] =
        serde_json::from_str(&input).map_err(|e| e.to_string())?;
    strip_quiz_assets(&mut book);
    serde_json::to_writer(io::stdout(), &book).map_err(|e| e.to_string())
}

/// Removes the asset tags from every chapter's `content`, at any depth.
fn strip_quiz_assets(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                match field {
                    Value::String(content) if key == "content" => {
                        *content = without_asset_tags(content);
                    }
                    _ => strip_quiz_assets(field),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_quiz_assets),
        _ => {}
    }
}

/// The tags mdbook-quiz 0.5.0 appends: each is fixed text around a path that
/// is `quiz/<file>` after as many `../` as the chapter is deep.
const ASSET_TAGS: [(&str, &str, &str); 2] = [
    (
        r#"<script type="text/javascript" src=""#,
        "quiz/quiz-embed.iife.js",
        r#""></script>"#,
    ),
    (
        r#"<link rel="stylesheet" type="text/css" href=""#,
        "quiz/style.css",
        r#"">"#,
    ),
];

fn without_asset_tags(content: &str) -> String {
    let mut text = content.to_string();
    for (open, file, close) in ASSET_TAGS {
        let mut from = 0;
        while let Some(found) = text[from..].find(open) {
            let start = from + found;
            let path = text[start + open.len()..].trim_start_matches("../");
            let tag_end =
                path.strip_prefix(file).and_then(|p| p.strip_prefix(close));
            match tag_end {
                Some(after) => text = format!("{}{after}", &text[..start]),
                None => from = start + open.len(),
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_out_both_tags_at_any_depth_and_keeps_the_rest() {
        let content = "# Quiz\n\n<div class=\"quiz-placeholder\"></div>\n\n\
            <script type=\"text/javascript\" src=\"../../quiz/quiz-embed.iife.js\"></script>\
            <link rel=\"stylesheet\" type=\"text/css\" href=\"../../quiz/style.css\">";
        assert_eq!(
            without_asset_tags(content),
            "# Quiz\n\n<div class=\"quiz-placeholder\"></div>\n\n"
        );
    }

    #[test]
    fn leaves_other_scripts_alone() {
        let content = "<script type=\"text/javascript\" src=\"other.js\"></script>";
        assert_eq!(without_asset_tags(content), content);
    }
}
