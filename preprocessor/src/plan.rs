//! Session plans: `{{#plan}}` holds a list of the session's segments, and
//! becomes the timed table.
//!
//! - `- [Title](page.md): focus` is a page, timed by its speaker notes;
//! - `- Text, N minutes: focus` is anything else (a break, a quiz review).

use std::ops::Range;

use crate::markdown::Page;

/// One segment as the plan page writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Lines into the plan's body, from 0.
    pub line: usize,
    /// The Segment cell: the page's link as written, or the text.
    pub segment: String,
    pub timing: Timing,
    pub focus: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Timing {
    /// The link's destination: the page's speaker notes give its minutes.
    Page(String),
    Minutes(u32),
}

/// A link's destination, and where the link is written.
type Link = (String, Range<usize>);

/// A row that could not be read: its line in the body, and why.
pub type Misread = (usize, String);

/// Reads the list in a plan's body with the course's Markdown reader; only
/// the list's top-level items are rows, and nothing may stand beside it.
pub fn parse_plan(body: &str) -> Result<Vec<Row>, Misread> {
    let page = Page::parse(body);
    let line_at = |offset: usize| page.line(offset) - 1;
    let top_lists: Vec<_> =
        page.lists.iter().filter(|list| list.depth == 0).collect();
    let outside = (0..body.len()).find(|&at| {
        !body.as_bytes()[at].is_ascii_whitespace()
            && !top_lists.iter().any(|list| list.range.contains(&at))
    });
    if let Some(at) = outside {
        return Err((line_at(at), "a plan holds only its list of segments".into()));
    }
    let mut rows = Vec::new();
    for item in top_lists.iter().flat_map(|list| &list.items) {
        let link = item
            .links
            .iter()
            .find(|link| !link.image)
            .map(|link| (link.dest.clone(), link.range.clone()));
        let row = parse_row(body, item.range.clone(), link)
            .map_err(|message| (line_at(item.range.start), message))?;
        rows.push(Row {
            line: line_at(item.range.start),
            ..row
        });
    }
    Ok(rows)
}

fn parse_row(
    body: &str,
    item: Range<usize>,
    link: Option<Link>,
) -> Result<Row, String> {
    let source = &body[item.clone()];
    let marker_end = source
        .find(|c: char| {
            !(c.is_ascii_digit() || matches!(c, '-' | '*' | '+' | '.' | ')'))
        })
        .unwrap_or(source.len());
    let content_start = item.start + marker_end + source[marker_end..].len()
        - source[marker_end..].trim_start().len();
    let one_line =
        |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let focus_after = |rest: &str| -> Result<String, String> {
        let rest = rest.trim();
        if rest.is_empty() {
            return Ok(String::new());
        }
        match rest.strip_prefix(':') {
            Some(focus) => Ok(one_line(focus)),
            None => Err(format!(
                "after a page's link comes `: focus`, not `{}`: the page's speaker \
                 notes give its minutes",
                one_line(rest)
            )),
        }
    };
    if let Some((dest, range)) =
        link.filter(|(_, range)| range.start == content_start)
    {
        return Ok(Row {
            line: 0,
            segment: body[range.clone()].to_string(),
            timing: Timing::Page(dest),
            focus: focus_after(&body[range.end..item.end])?,
        });
    }
    let text = one_line(&body[content_start..item.end]);
    let (head, focus) = match text.split_once(": ") {
        Some((head, focus)) => (head, focus.trim()),
        None => (text.as_str(), ""),
    };
    let minutes = head.rsplit_once(", ").and_then(|(segment, minutes)| {
        let number = minutes
            .strip_suffix(" minutes")
            .or_else(|| minutes.strip_suffix(" minute"))?;
        Some((segment, number.parse::<u32>().ok().filter(|m| *m > 0)?))
    });
    let Some((segment, minutes)) = minutes else {
        return Err(format!(
            "`{text}` is not a page, so it must say its minutes: \
             `Break, 5 minutes` or `Quiz review, 8 minutes: focus`"
        ));
    };
    Ok(Row {
        line: 0,
        segment: segment.to_string(),
        timing: Timing::Minutes(minutes),
        focus: focus.to_string(),
    })
}

/// The plan's table: each segment's start (h:mm from the session's start),
/// its minutes and focus, and a bold Total row.
pub fn plan_table(segments: &[(String, u32, String)]) -> String {
    let mut table = String::from(
        "| Start | Minutes | Segment | Focus |\n|------:|--------:|---------|-------|\n",
    );
    let mut elapsed = 0;
    for (segment, minutes, focus) in segments {
        let focus = if focus.is_empty() {
            " ".to_string()
        } else {
            format!(" {focus} ")
        };
        table.push_str(&format!(
            "| {}:{:02} | {minutes} | {segment} |{focus}|\n",
            elapsed / 60,
            elapsed % 60
        ));
        elapsed += minutes;
    }
    table.push_str(&format!("| | **{elapsed}** | **Total** | |"));
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pages_and_other_segments_with_their_focus_and_lines() {
        let body = "\n- [Introduction](../index.md): What the module covers; who\n  \
                    has written `async` code\n- Break, 5 minutes\n\
                    - Quiz review, chapters 1 to 3, 8 minutes: The questions: most missed\n\
                    - [Exercises](../exercises/index.md)\n";
        let rows = parse_plan(body).unwrap();
        assert_eq!(
            rows,
            [
                Row {
                    line: 1,
                    segment: "[Introduction](../index.md)".into(),
                    timing: Timing::Page("../index.md".into()),
                    focus: "What the module covers; who has written `async` code"
                        .into(),
                },
                Row {
                    line: 3,
                    segment: "Break".into(),
                    timing: Timing::Minutes(5),
                    focus: String::new(),
                },
                Row {
                    line: 4,
                    segment: "Quiz review, chapters 1 to 3".into(),
                    timing: Timing::Minutes(8),
                    focus: "The questions: most missed".into(),
                },
                Row {
                    line: 5,
                    segment: "[Exercises](../exercises/index.md)".into(),
                    timing: Timing::Page("../exercises/index.md".into()),
                    focus: String::new(),
                },
            ]
        );
    }

    #[test]
    fn a_link_later_in_the_row_does_not_make_it_a_page() {
        let rows =
            parse_plan("- Homework, 2 minutes: the [quiz](quiz.md)\n").unwrap();
        assert_eq!(rows[0].timing, Timing::Minutes(2));
        assert_eq!(rows[0].focus, "the [quiz](quiz.md)");
    }

    #[test]
    fn rows_without_minutes_or_with_minutes_beside_a_page_are_refused() {
        let (line, message) = parse_plan("- a\n- Break\n").unwrap_err();
        assert_eq!(line, 0);
        assert!(message.contains("must say its minutes"), "{message}");
        let (_, message) = parse_plan("- [A](a.md), 5 minutes\n").unwrap_err();
        assert!(
            message.contains("speaker notes give its minutes"),
            "{message}"
        );
        let (line, message) =
            parse_plan("- Break, 5 minutes\n\nProse.\n").unwrap_err();
        assert_eq!((line, message.contains("only its list")), (2, true));
    }

    #[test]
    fn code_headings_and_html_beside_the_list_are_refused_at_their_line() {
        for (body, line) in [
            ("```\n- Break, 5 minutes\n```\n", 0),
            ("- Break, 5 minutes\n\n## Later\n", 2),
            ("\n<div>x</div>\n\n- Break, 5 minutes\n", 1),
            ("- Break, 5 minutes\n\n> a quote\n", 2),
        ] {
            let (at, message) = parse_plan(body).unwrap_err();
            assert_eq!(
                (at, message.as_str()),
                (line, "a plan holds only its list of segments"),
                "{body}"
            );
        }
        // Blank lines and a lazy continuation line stay in the list.
        let rows = parse_plan("\n- Break,\n5 minutes\n\n\n- Lunch, 30 minutes\n\n");
        let minutes: Vec<Timing> =
            rows.unwrap().into_iter().map(|row| row.timing).collect();
        assert_eq!(minutes, [Timing::Minutes(5), Timing::Minutes(30)]);
    }

    #[test]
    fn the_table_times_each_segment_and_totals_them() {
        let segments = [
            (
                "[Intro](../index.md)".to_string(),
                55,
                "What it covers".to_string(),
            ),
            ("Break".to_string(), 5, String::new()),
            (
                "[Futures](../futures/index.md)".to_string(),
                2,
                "The trait".to_string(),
            ),
        ];
        assert_eq!(
            plan_table(&segments),
            "| Start | Minutes | Segment | Focus |\n|------:|--------:|---------|-------|\n\
             | 0:00 | 55 | [Intro](../index.md) | What it covers |\n\
             | 0:55 | 5 | Break | |\n\
             | 1:00 | 2 | [Futures](../futures/index.md) | The trait |\n\
             | | **62** | **Total** | |"
        );
    }
}
