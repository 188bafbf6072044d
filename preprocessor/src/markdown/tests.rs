use super::*;

fn ids(page: &Page) -> Vec<&str> {
    page.headings.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn a_tilde_fence_is_a_code_block_and_backticks_inside_are_code() {
    let page = Page::parse("Text\n\n~~~text\n```\nnot a fence\n~~~\nafter\n");
    let [code] = &page.code_blocks[..] else {
        panic!("{:?}", page.code_blocks)
    };
    assert!(code.fenced);
    assert_eq!(code.info, "text");
    assert_eq!(code.body, "```\nnot a fence\n");
    assert_eq!((code.line, code.end_line), (3, 6));
    assert!(!page.line_in_code(7));
}

#[test]
fn a_fence_of_four_backticks_holds_lines_of_three() {
    let text = "````markdown\n```rust\nfn main() {}\n```\n````\n\nafter\n";
    let page = Page::parse(text);
    let [code] = &page.code_blocks[..] else {
        panic!("{:?}", page.code_blocks)
    };
    assert_eq!(code.info, "markdown");
    assert_eq!(code.body, "```rust\nfn main() {}\n```\n");
    assert_eq!((code.line, code.end_line), (1, 5));
    assert!((1..=5).all(|line| page.line_in_code(line)));
    assert!(!page.line_in_code(7));
}

#[test]
fn an_indented_block_is_code_without_a_fence() {
    let page = Page::parse("Text\n\n    let x = 1;\n    let y = 2;\n\nMore\n");
    let [code] = &page.code_blocks[..] else {
        panic!("{:?}", page.code_blocks)
    };
    assert!(!code.fenced);
    assert_eq!(code.info, "");
    assert_eq!(code.body, "let x = 1;\nlet y = 2;\n");
    assert_eq!((code.line, code.end_line), (3, 4));
    assert!(!page.line_in_code(6));
}

#[test]
fn a_fence_in_a_list_item_belongs_to_the_item() {
    let text = "\
3. Run it:

   ```console
   $ cargo run
   ```
4. Next, [the loop](loop.md).
";
    let page = Page::parse(text);
    let [code] = &page.code_blocks[..] else {
        panic!("{:?}", page.code_blocks)
    };
    assert_eq!(code.info, "console");
    assert_eq!(code.body, "$ cargo run\n");
    assert_eq!((code.line, code.end_line), (3, 5));
    let [list] = &page.lists[..] else {
        panic!("{:?}", page.lists)
    };
    assert_eq!(list.start, Some(3));
    let items: Vec<(&str, usize)> = list
        .items
        .iter()
        .map(|i| (i.text.as_str(), i.line))
        .collect();
    assert_eq!(items, [("Run it:", 1), ("Next, the loop.", 6)]);
    assert_eq!(list.items[1].links[0].dest, "loop.md");
}

#[test]
fn nested_lists_know_their_depth_and_parent() {
    let page =
        Page::parse("- one\n  1. inner\n  2. second\n- two\n\ntext\n\n* other\n");
    let shape: Vec<_> = page
        .lists
        .iter()
        .map(|l| (l.start, l.depth, l.parent, l.line, l.items.len()))
        .collect();
    assert_eq!(
        shape,
        [
            (None, 0, None, 1, 2),
            (Some(1), 1, Some((0, 0)), 2, 2),
            (None, 0, None, 8, 1),
        ]
    );
    // An item's text leaves out the lists inside it.
    assert_eq!(page.lists[0].items[0].text, "one");
    assert_eq!(page.lists[1].items[1].text, "second");
}

#[test]
fn a_loose_item_reads_as_one_text() {
    let page = Page::parse("1. First paragraph,\n   wrapped.\n\n   Second.\n");
    assert_eq!(
        page.lists[0].items[0].text,
        "First paragraph, wrapped. Second."
    );
}

#[test]
fn a_heading_attribute_gives_the_id() {
    let text = "### Question 3: plugins {#answer-key-definitions-questions-3}\n";
    let page = Page::parse(text);
    let heading = &page.headings[0];
    assert_eq!(heading.level, 3);
    assert_eq!(heading.text, "Question 3: plugins");
    assert_eq!(heading.id, "answer-key-definitions-questions-3");
    assert!(heading.explicit_id);
    let page = Page::parse("## Plain {.note id=given}\n");
    assert_eq!(
        (page.headings[0].id.as_str(), page.headings[0].explicit_id),
        ("given", true)
    );
}

#[test]
fn duplicate_headings_get_numbered_ids_as_in_mdbook() {
    let page =
        Page::parse("# Intro\n\n## Intro\n\n## Intro {#intro}\n\n### Intro\n");
    // An explicit id is not counted: mdBook numbers generated ids only.
    assert_eq!(ids(&page), ["intro", "intro-1", "intro", "intro-2"]);
    assert!(!page.headings[0].explicit_id);
    let lines: Vec<usize> = page.headings.iter().map(|h| h.line).collect();
    assert_eq!(lines, [1, 3, 5, 7]);
}

#[test]
fn definition_terms_take_ids_too() {
    let page = Page::parse("Waker\n: what wakes a task\n\n## Waker\n");
    assert_eq!(ids(&page), ["waker-1"]);
}

#[test]
fn a_heading_with_code_and_emphasis_reads_as_plain_text() {
    let page = Page::parse("## The `Future` trait, *up* **close**\n");
    assert_eq!(page.headings[0].text, "The Future trait, up close");
    assert_eq!(page.headings[0].id, "the-future-trait-up-close");
    // mdBook's own examples (mdbook-html 0.5.4, utils.rs).
    let page = Page::parse(
        "# `--passes`: add more rustdoc passes\n# Über\n# 中文標題 CJK title\n",
    );
    assert_eq!(
        ids(&page),
        [
            "--passes-add-more-rustdoc-passes",
            "über",
            "中文標題-cjk-title"
        ]
    );
}

#[test]
fn smart_punctuation_and_entities_shape_text_and_id() {
    let page = Page::parse("## Don't stop -- &amp; \"go\"\n");
    assert_eq!(page.headings[0].text, "Don’t stop – & “go”");
    assert_eq!(page.headings[0].id, "dont-stop---go");
}

#[test]
fn an_image_in_a_heading_gives_its_alt_to_the_text_not_the_id() {
    let page = Page::parse("## ![logo](logo.svg) Title\n");
    assert_eq!(page.headings[0].text, "logo Title");
    assert_eq!(page.headings[0].id, "title");
}

#[test]
fn setext_headings_are_headings() {
    let page = Page::parse("Intro\n\nA title\n=======\n\nSub\n---\n");
    let found: Vec<_> = page.headings.iter().map(|h| (h.level, h.line)).collect();
    assert_eq!(found, [(1, 3), (2, 6)]);
}

#[test]
fn a_table_cell_keeps_its_links_and_inline_code() {
    let text = "\
| Start | Minutes | Segment | Focus |
|------:|--------:|---------|-------|
| 0:00 | 3 | [Introduction](../index.md \"Intro\") | Run `start-costs` |
| | **90** | **Total** | |
";
    let page = Page::parse(text);
    let [table] = &page.tables[..] else {
        panic!("{:?}", page.tables)
    };
    let texts = |row: &Row| -> Vec<String> {
        row.cells.iter().map(|cell| cell.text.clone()).collect()
    };
    assert_eq!(
        texts(&table.header),
        ["Start", "Minutes", "Segment", "Focus"]
    );
    assert_eq!(
        texts(&table.rows[0]),
        ["0:00", "3", "Introduction", "Run start-costs"]
    );
    assert_eq!(texts(&table.rows[1]), ["", "90", "Total", ""]);
    assert_eq!((table.line, table.header.line), (1, 1));
    assert_eq!((table.rows[0].line, table.rows[1].line), (3, 4));
    let link = &table.rows[0].cells[2].links[0];
    assert_eq!(
        (
            link.dest.as_str(),
            link.title.as_str(),
            link.text.as_str(),
            link.line
        ),
        ("../index.md", "Intro", "Introduction", 3)
    );
    assert!(table.rows[0].cells[3].links.is_empty());
}

#[test]
fn links_and_images_everywhere() {
    let text = "\
See [the book][book] and <https://example.com>.

[![A diagram](figure.svg \"Figure\")](big.svg)

[book]: https://rust-lang.github.io/async-book/
";
    let page = Page::parse(text);
    let found: Vec<_> = page
        .links
        .iter()
        .map(|l| {
            (
                l.image,
                l.dest.as_str(),
                l.title.as_str(),
                l.text.as_str(),
                l.line,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                false,
                "https://rust-lang.github.io/async-book/",
                "",
                "the book",
                1
            ),
            (false, "https://example.com", "", "https://example.com", 1),
            (false, "big.svg", "", "A diagram", 3),
            (true, "figure.svg", "Figure", "A diagram", 3),
        ]
    );
}

#[test]
fn speaker_notes_are_two_html_blocks_around_markdown() {
    let text = "\
Prose.

<details class=\"speaker-notes\"><summary>Speaker notes</summary>

**Timing:** 6 minutes.

- Trace one poll.

</details>
";
    let page = Page::parse(text);
    let blocks: Vec<_> = page
        .html_blocks
        .iter()
        .map(|h| (h.text.as_str(), h.line, h.end_line))
        .collect();
    let open = "<details class=\"speaker-notes\"><summary>Speaker notes</summary>";
    let open = format!("{open}\n");
    assert_eq!(blocks, [(open.as_str(), 3, 3), ("</details>\n", 9, 9)]);
    assert_eq!(page.lists[0].items[0].text, "Trace one poll.");
    // Without the blank line the block runs on, and the Markdown is not read.
    let page = Page::parse(
        "<details><summary>Notes</summary>\n**Timing:** 6.\n\n</details>\n",
    );
    assert_eq!(
        (page.html_blocks[0].line, page.html_blocks[0].end_line),
        (1, 2)
    );
}

#[test]
fn inline_html_is_kept_apart_from_the_text() {
    let page = Page::parse("## A <span class=\"x\">styled</span> title\n");
    assert_eq!(page.headings[0].text, "A styled title");
    assert_eq!(page.headings[0].id, "a-styled-title");
    let tags: Vec<&str> = page.inline_html.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(tags, ["<span class=\"x\">", "</span>"]);
    assert_eq!(page.inline_html[0].line, 1);
}

#[test]
fn prose_blanks_code_blocks_and_keeps_includes_outside_them() {
    let text = "\
{{#include outside.rs}}

```rust
{{#include inside.rs}} // ü
```

~~~
{{#include tilde.rs}}
~~~
";
    let page = Page::parse(text);
    assert_eq!(page.prose.len(), text.len());
    assert_eq!(page.prose.lines().count(), text.lines().count());
    let found: Vec<(usize, usize)> = page
        .prose
        .match_indices("{{#include")
        .map(|(at, _)| (at, page.line(at)))
        .collect();
    assert_eq!(found, [(0, 1)]);
    let blanked = page.prose.lines().nth(3).unwrap();
    assert!(
        blanked.trim().is_empty()
            && blanked.len() == text.lines().nth(3).unwrap().len()
    );
    let inside = text.find("{{#include inside").unwrap();
    assert!(page.in_code(inside) && page.line(inside) == 4);
    assert!(!page.in_code(0));
    assert!(page.in_code(text.find("{{#include tilde").unwrap()));
}

#[test]
fn lines_count_from_one_and_follow_crlf() {
    let page = Page::parse("# One\r\n\r\n## Two\r\n");
    let lines: Vec<usize> = page.headings.iter().map(|h| h.line).collect();
    assert_eq!(lines, [1, 3]);
    assert_eq!(page.headings[1].text, "Two");
    assert_eq!((page.line(0), page.line(7), page.line(99)), (1, 2, 4));
}
