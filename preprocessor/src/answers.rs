//! Links each discussion question to its answer on an instructors' page, so
//! that a reader working alone can compare, without meeting the answer
//! before trying. A question is item N of the numbered list under a heading
//! "Discussion"; its answer is the heading `{#answer-<page>-<N>}`, where
//! `<page>` is the question's page below `src/`, without `.md`, with `/`
//! written `-`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::markdown;

/// Every answer's id, and the page that holds it.
pub fn answer_pages<'a>(
    pages: impl IntoIterator<Item = (&'a Path, &'a str)>,
) -> BTreeMap<String, PathBuf> {
    let mut answers = BTreeMap::new();
    for (path, text) in pages {
        for heading in markdown::Page::parse(text).headings {
            if heading.explicit_id && heading.id.starts_with("answer-") {
                answers.insert(heading.id, path.to_path_buf());
            }
        }
    }
    answers
}

/// `key-definitions/questions.md` as `key-definitions-questions`.
pub fn page_slug(page: &Path) -> String {
    page.with_extension("").to_string_lossy().replace('/', "-")
}

/// The id of the answer to question `number` on `page`.
pub fn answer_id(page: &Path, number: u64) -> String {
    format!("answer-{}-{number}", page_slug(page))
}

/// A heading "Discussion" and its questions: the items of each numbered
/// list at the top level of its section (up to the next heading), numbered
/// as the reader sees them, from their list's first number on.
pub struct Discussion<'a> {
    pub heading: &'a markdown::Heading,
    pub questions: Vec<(u64, &'a markdown::Item)>,
}

/// Every discussion of `page`, whose text is `text`.
pub fn discussions<'a>(page: &'a markdown::Page, text: &str) -> Vec<Discussion<'a>> {
    let mut found = Vec::new();
    for (index, heading) in page.headings.iter().enumerate() {
        if !heading.text.trim().eq_ignore_ascii_case("discussion") {
            continue;
        }
        let end = page
            .headings
            .get(index + 1)
            .map_or(text.len(), |next| next.range.start);
        let section = heading.range.end..end;
        let questions = page
            .lists
            .iter()
            .filter(|list| {
                list.depth == 0
                    && list.start.is_some()
                    && section.contains(&list.range.start)
            })
            .flat_map(|list| (list.start.unwrap_or(1)..).zip(&list.items))
            .collect();
        found.push(Discussion { heading, questions });
    }
    found
}

/// `text`, the page at `page`, with a link to its answer after the first
/// paragraph of each discussion question that has one.
pub fn link_answers(
    text: &str,
    page: &Path,
    answers: &BTreeMap<String, PathBuf>,
) -> String {
    let parsed = markdown::Page::parse(text);
    let mut insertions = Vec::new();
    let questions = discussions(&parsed, text)
        .into_iter()
        .flat_map(|discussion| discussion.questions);
    for (number, item) in questions {
        let id = answer_id(page, number);
        let Some(answer_page) = answers.get(&id) else {
            continue;
        };
        let item_text = &text[item.range.clone()];
        // The first paragraph ends at a blank line, or where a code block or
        // a list inside the item begins: a link after a closing fence would
        // break the fence.
        let inside = parsed
            .code_blocks
            .iter()
            .map(|block| block.range.start)
            .chain(parsed.lists.iter().map(|list| list.range.start))
            .filter(|start| *start > item.range.start && item.range.contains(start))
            .map(|start| start - item.range.start);
        let paragraph = item_text
            .find("\n\n")
            .into_iter()
            .chain(inside)
            .min()
            .unwrap_or(item_text.len());
        let at = item.range.start + item_text[..paragraph].trim_end().len();
        let href = relative(page, answer_page);
        insertions.push((at, format!(" ([an answer]({href}#{id}))")));
    }
    let mut out = text.to_string();
    for (at, link) in insertions.into_iter().rev() {
        out.insert_str(at, &link);
    }
    out
}

/// The path of `to` as a link written on page `from`, both below `src/`.
fn relative(from: &Path, to: &Path) -> String {
    let depth = from.parent().map_or(0, |dir| dir.components().count());
    format!("{}{}", "../".repeat(depth), to.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> BTreeMap<String, PathBuf> {
        let page = "# Answers\n\n### Question 1: a {#answer-ch-questions-1}\n\nA.\n\n\
                    ### Question 3: c {#answer-ch-questions-3}\n\nC.\n\n\
                    ## Answer key\n";
        answer_pages([(Path::new("instructors/answers-ch.md"), page)])
    }

    #[test]
    fn answers_are_found_by_their_explicit_ids_only() {
        let found: Vec<_> = answers().into_keys().collect();
        assert_eq!(found, ["answer-ch-questions-1", "answer-ch-questions-3"]);
    }

    #[test]
    fn each_question_with_an_answer_links_to_it_after_its_first_paragraph() {
        let page = "# Questions\n\n1. Not a discussion.\n\n## Discussion\n\n\
                    1. First question,\n   on two lines.\n\n   More about it.\n\
                    2. Second, unanswered.\n3. Third.\n\n## Quiz\n\n1. Not one.\n";
        let linked = link_answers(page, Path::new("ch/questions.md"), &answers());
        let link = |n| {
            format!(
                " ([an answer](../instructors/answers-ch.md#answer-ch-questions-{n}))"
            )
        };
        let expected = format!(
            "# Questions\n\n1. Not a discussion.\n\n## Discussion\n\n\
             1. First question,\n   on two lines.{}\n\n   More about it.\n\
             2. Second, unanswered.\n3. Third.{}\n\n## Quiz\n\n1. Not one.\n",
            link(1),
            link(3)
        );
        assert_eq!(linked, expected);
    }

    #[test]
    fn a_code_block_or_a_list_right_under_a_question_ends_its_paragraph() {
        let page = "## Discussion\n\n1. What does this print?\n   ```rust\n   f();\n   ```\n\
                    2. Unanswered.\n3. Which of these?\n   - one\n   - two\n";
        let linked = link_answers(page, Path::new("ch/questions.md"), &answers());
        let link = |n| {
            format!(
                " ([an answer](../instructors/answers-ch.md#answer-ch-questions-{n}))"
            )
        };
        let expected = format!(
            "## Discussion\n\n1. What does this print?{}\n   ```rust\n   f();\n   ```\n\
             2. Unanswered.\n3. Which of these?{}\n   - one\n   - two\n",
            link(1),
            link(3)
        );
        assert_eq!(linked, expected);
    }

    #[test]
    fn a_page_without_a_discussion_is_unchanged() {
        let page = "# Page\n\n1. A list.\n";
        assert_eq!(link_answers(page, Path::new("ch/p.md"), &answers()), page);
    }

    #[test]
    fn a_list_that_starts_at_another_number_keeps_its_numbers() {
        let page = "## Discussion\n\n3. Third.\n";
        let linked = link_answers(page, Path::new("ch/questions.md"), &answers());
        assert!(linked.contains("Third. ([an answer]"), "{linked}");
        assert!(linked.ends_with("#answer-ch-questions-3))\n"), "{linked}");
    }
}
