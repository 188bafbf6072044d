//! Session plans: `{{#plan}}` holds a list of the session's segments, and
//! becomes the timed table.
//!
//! - `- [Title](page.md): focus` is a page, timed by its speaker notes;
//! - `- Text, N minutes: focus` is anything else (a break, a quiz review).

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

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

/// Reads the list in a plan's body. Its Markdown is parsed here, and only
/// the list's top-level items are read.
pub fn parse_plan(body: &str) -> Result<Vec<Row>, Misread> {
    let line_at = |offset: usize| body[..offset].matches('\n').count();
    let mut rows = Vec::new();
    let mut depth = 0;
    // The open item's start, and its first link.
    let mut item: Option<(usize, Option<Link>)> = None;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) if depth == 1 => {
                item = Some((range.start, None))
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some((_, link @ None)) = item.as_mut() {
                    *link = Some((dest_url.to_string(), range));
                }
            }
            Event::End(TagEnd::Item) if depth == 1 => {
                let (start, link) = item.take().expect("an item was opened");
                let row = parse_row(body, start..range.end, link)
                    .map_err(|message| (line_at(start), message))?;
                rows.push(Row {
                    line: line_at(start),
                    ..row
                });
            }
            _ if depth == 0
                && !matches!(event, Event::SoftBreak | Event::HardBreak) =>
            {
                return Err((
                    line_at(range.start),
                    "a plan holds only its list of segments".into(),
                ));
            }
            _ => {}
        }
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
