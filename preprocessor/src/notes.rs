//! Speaker notes: `{{#speaker-notes minutes=N}}` ... `{{/speaker-notes}}`.
//! The page's minutes are written here once; session plans read them.

use crate::directives::Args;

/// Reads the minutes, if any: a page without them may be in no plan.
pub fn parse_minutes(args: &str) -> Result<Option<u32>, String> {
    let args = Args::parse("speaker-notes", args, &["minutes"])?;
    if let Some(word) = args.words.first() {
        return Err(format!(
            "`{{{{#speaker-notes}}}}` takes only `minutes=N`, not `{word}`"
        ));
    }
    if !args.has("minutes") {
        return Ok(None);
    }
    match args.value("minutes").and_then(|m| m.parse::<u32>().ok()) {
        Some(minutes) if minutes > 0 => Ok(Some(minutes)),
        _ => Err("`minutes=` takes a whole number of minutes, at least 1".into()),
    }
}

/// The `<details>` block the speaker-notes script and style look for. The
/// blank lines let mdBook render the Markdown inside.
pub fn render_notes(minutes: Option<u32>, body: &str) -> String {
    let mut out = String::from(
        "<details class=\"speaker-notes\"><summary>Speaker notes</summary>\n\n",
    );
    if let Some(minutes) = minutes {
        out.push_str(&format!("**Timing:** {}.\n\n", minutes_text(minutes)));
    }
    let body = body.trim();
    if !body.is_empty() {
        out.push_str(body);
        out.push_str("\n\n");
    }
    out.push_str("</details>");
    out
}

/// `1 minute`, `6 minutes`.
pub fn minutes_text(minutes: u32) -> String {
    if minutes == 1 {
        "1 minute".into()
    } else {
        format!("{minutes} minutes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timing_line_opens_the_notes() {
        assert_eq!(
            render_notes(Some(6), "\n- Trace one poll.\n"),
            "<details class=\"speaker-notes\"><summary>Speaker notes</summary>\n\n\
             **Timing:** 6 minutes.\n\n- Trace one poll.\n\n</details>"
        );
        assert!(
            render_notes(Some(1), "")
                .contains("**Timing:** 1 minute.\n\n</details>")
        );
        assert!(!render_notes(None, "- a").contains("Timing"));
    }

    #[test]
    fn minutes_are_optional_but_whole_and_positive() {
        assert_eq!(parse_minutes("minutes=6"), Ok(Some(6)));
        assert_eq!(parse_minutes(""), Ok(None));
        assert!(parse_minutes("minutes=0").is_err());
        assert!(parse_minutes("minutes=six").is_err());
        assert!(parse_minutes("6").is_err());
        assert!(
            parse_minutes("time=6")
                .unwrap_err()
                .contains("unknown option `time`")
        );
    }
}
