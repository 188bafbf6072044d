//! mdbook-quiz appends a `<script>` and a `<link>` to each chapter with a
//! quiz, pointing at `../quiz/` relative to the chapter. That is wrong on
//! `print.html`, where every chapter sits at the top: there they would be
//! failed requests. So they are taken out, and `theme/quiz-loader.js` loads
//! the same files from the book's root, on any page that holds a quiz.

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

/// `content` without the quiz's asset tags; other tags stay.
pub fn without_asset_tags(content: &str) -> String {
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
