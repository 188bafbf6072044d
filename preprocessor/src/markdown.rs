//! The one Markdown reader of the course: the preprocessor and every check in
//! `tests/` read a page's structure here, never with a scanner of their own.
//!
//! [`Page::parse`] runs pulldown-cmark once, with the options mdBook 0.5.4
//! renders with ([`options`]), and returns plain data: headings with the ids
//! mdBook gives them, lists and their items, tables, code blocks, HTML, links
//! and images. Each carries its 1-based line and its byte range in the text.
//! Texts are plain: formatting dropped, inline code kept, entities decoded,
//! smart punctuation applied, as the reader sees them.
//! [`Page::prose`] is the text with every code block blanked, for scans
//! (placeholder words, directives) that must skip code but keep offsets and
//! line numbers.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// What one page holds; each field in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub headings: Vec<Heading>,
    /// Every list, nested ones too: a list comes before the lists inside it.
    pub lists: Vec<List>,
    pub tables: Vec<Table>,
    pub code_blocks: Vec<CodeBlock>,
    pub html_blocks: Vec<Html>,
    pub inline_html: Vec<Html>,
    /// Links and images, wherever they are (items and cells copy theirs).
    pub links: Vec<Link>,
    /// The text with each byte of a code block (fences included) made a
    /// space, line breaks kept: same length, same lines.
    pub prose: String,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

/// A heading (`#` or underlined); raw HTML headings are not in here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    pub text: String,
    /// The `{#id}` given, or the one mdBook generates (made unique).
    pub id: String,
    /// Whether `id` was written in the page.
    pub explicit_id: bool,
    pub line: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct List {
    /// The first number of an ordered list; `None` for bullets.
    pub start: Option<u64>,
    /// How many lists it sits in: 0 at the top.
    pub depth: usize,
    /// The list and item it sits in, as indexes into `Page::lists` and its
    /// `items`.
    pub parent: Option<(usize, usize)>,
    pub items: Vec<Item>,
    pub line: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    /// The item's text, without the lists nested in it or its code blocks.
    pub text: String,
    /// Its links and images, without those of nested lists.
    pub links: Vec<Link>,
    pub line: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Row,
    pub rows: Vec<Row>,
    pub line: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeBlock {
    /// False for an indented block.
    pub fenced: bool,
    /// The info string, as written: `rust,compile_fail,E0277`, `console`.
    pub info: String,
    /// The code, without fences or the indentation of its container.
    pub body: String,
    /// The opening fence (or first code line) and the closing one (or last).
    pub line: usize,
    pub end_line: usize,
    pub range: Range<usize>,
}

/// An HTML block (up to the blank line that ends it) or an inline tag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html {
    pub text: String,
    pub line: usize,
    pub end_line: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Link {
    pub image: bool,
    /// As written (reference links resolved): `../futures/index.md#x`.
    pub dest: String,
    pub title: String,
    /// The link's text, or the image's alt text.
    pub text: String,
    pub line: usize,
    pub range: Range<usize>,
}

/// The extensions mdBook 0.5.4 turns on (`mdbook-markdown`'s
/// `new_cmark_parser`), with its defaults for the three it makes optional;
/// book.toml keeps them.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM
}

impl Page {
    pub fn parse(text: &str) -> Page {
        let mut reader = Reader {
            page: Page {
                line_starts: line_starts(text),
                ..Page::default()
            },
            ..Reader::default()
        };
        for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
            reader.event(event, range);
        }
        let mut page = reader.page;
        page.prose = blank_code(text, &page.code_blocks);
        page
    }

    /// The 1-based line that holds byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// Whether byte `offset` is in a code block, its fences included.
    pub fn in_code(&self, offset: usize) -> bool {
        self.code_blocks
            .iter()
            .any(|code| code.range.contains(&offset))
    }

    /// Whether 1-based `line` is in a code block, its fences included.
    pub fn line_in_code(&self, line: usize) -> bool {
        let lines = |code: &CodeBlock| code.line..=code.end_line;
        self.code_blocks
            .iter()
            .any(|code| lines(code).contains(&line))
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    let breaks = text.match_indices('\n').map(|(at, _)| at + 1);
    std::iter::once(0).chain(breaks).collect()
}

/// `text` with each byte of a code block a space, except line breaks.
fn blank_code(text: &str, code_blocks: &[CodeBlock]) -> String {
    let mut prose = String::with_capacity(text.len());
    let mut done = 0;
    for code in code_blocks {
        prose.push_str(&text[done..code.range.start]);
        for ch in text[code.range.clone()].chars() {
            match ch {
                '\n' | '\r' => prose.push(ch),
                // One space a byte, so that offsets stay put.
                _ => prose.extend(std::iter::repeat_n(' ', ch.len_utf8())),
            }
        }
        done = code.range.end;
    }
    prose.push_str(&text[done..]);
    prose
}

/// mdBook's `id_from_content` (mdbook-html 0.5.4, `src/utils.rs`).
fn id_from_content(content: &str) -> String {
    let lower = content.trim().to_lowercase();
    lower
        .chars()
        .filter_map(|ch| match ch {
            _ if ch.is_alphanumeric() || ch == '_' || ch == '-' => Some(ch),
            _ if ch.is_whitespace() => Some('-'),
            _ => None,
        })
        .collect()
}

/// mdBook's `unique_id`: `-1`, `-2`, ... after an id already generated.
fn unique_id(id: String, used: &mut HashSet<String>) -> String {
    if used.insert(id.clone()) {
        return id;
    }
    (1..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| used.insert(candidate.clone()))
        .unwrap_or_default()
}

/// Pushes a space unless `text` is empty or already ends with one.
fn space(text: &mut String) {
    if !text.is_empty() && !text.ends_with(char::is_whitespace) {
        text.push(' ');
    }
}

/// The state of one pass over the events.
#[derive(Default)]
struct Reader {
    page: Page,
    /// Generated ids so far; mdBook shares them between headings and
    /// definition-list terms, and never counts the explicit ones.
    used_ids: HashSet<String>,
    /// The text mdBook makes the id of the open heading or term from: an
    /// image's alt text is an attribute there, so it is left out.
    id_source: Option<String>,
    in_heading: bool,
    /// Open lists, innermost last, as indexes into `page.lists`.
    lists: Vec<usize>,
    in_table_head: bool,
    in_cell: bool,
    /// Open links and images (an image may sit in a link).
    links: Vec<usize>,
    in_code: bool,
    in_html_block: bool,
}

impl Reader {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_code => {
                if let Some(code) = self.page.code_blocks.last_mut() {
                    code.body.push_str(&text);
                }
            }
            Event::Text(text) | Event::Html(text) if self.in_html_block => {
                if let Some(html) = self.page.html_blocks.last_mut() {
                    html.text.push_str(&text);
                }
            }
            Event::Text(text) | Event::Code(text) => self.text(&text, &text),
            // mdBook renders a soft break as a line break, a hard one as `<br>`.
            Event::SoftBreak => self.text(" ", "\n"),
            Event::HardBreak => self.text(" ", ""),
            Event::InlineHtml(text) | Event::Html(text) => {
                let html = self.html(&text, range);
                self.page.inline_html.push(html);
            }
            _ => {}
        }
    }

    /// Adds `plain` to every text being read, and `for_id` to the id's.
    fn text(&mut self, plain: &str, for_id: &str) {
        let in_image = self.links.iter().any(|&at| self.page.links[at].image);
        if let Some(source) = self.id_source.as_mut()
            && !in_image
        {
            source.push_str(for_id);
        }
        if self.in_heading
            && let Some(heading) = self.page.headings.last_mut()
        {
            heading.text.push_str(plain);
        }
        if let Some(item) = self.item() {
            item.text.push_str(plain);
        }
        if let Some(cell) = self.cell() {
            cell.text.push_str(plain);
        }
        for &at in &self.links {
            self.page.links[at].text.push_str(plain);
        }
    }

    /// The innermost open list item.
    fn item(&mut self) -> Option<&mut Item> {
        let &list = self.lists.last()?;
        self.page.lists[list].items.last_mut()
    }

    /// The open table cell.
    fn cell(&mut self) -> Option<&mut Cell> {
        if !self.in_cell {
            return None;
        }
        let table = self.page.tables.last_mut()?;
        let row = match self.in_table_head {
            true => &mut table.header,
            false => table.rows.last_mut()?,
        };
        row.cells.last_mut()
    }

    fn html(&self, text: &str, range: Range<usize>) -> Html {
        Html {
            text: text.to_string(),
            line: self.page.line(range.start),
            end_line: self.end_line(&range),
            range,
        }
    }

    /// The line of the last byte in `range`.
    fn end_line(&self, range: &Range<usize>) -> usize {
        self.page.line(range.end.max(range.start + 1) - 1)
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        let line = self.page.line(range.start);
        // Blocks of a loose item are read as one text, a space apart.
        if matches!(tag, Tag::Paragraph | Tag::Heading { .. })
            && let Some(item) = self.item()
        {
            space(&mut item.text);
        }
        match tag {
            Tag::Heading {
                level, id, attrs, ..
            } => {
                // mdBook writes `{id=x}` as an attribute, which `{#x}` overrides.
                let attr = attrs.into_iter().find(|(name, _)| name.as_ref() == "id");
                let id = id.or_else(|| attr.and_then(|(_, value)| value));
                self.page.headings.push(Heading {
                    level: level as u8,
                    explicit_id: id.is_some(),
                    id: id.map(|id| id.to_string()).unwrap_or_default(),
                    line,
                    range,
                    ..Heading::default()
                });
                self.in_heading = true;
                self.id_source = Some(String::new());
            }
            Tag::DefinitionListTitle => self.id_source = Some(String::new()),
            Tag::List(start) => {
                let depth = self.lists.len();
                let parent = self.lists.last().map(|&list| {
                    (list, self.page.lists[list].items.len().saturating_sub(1))
                });
                self.lists.push(self.page.lists.len());
                self.page.lists.push(List {
                    start,
                    depth,
                    parent,
                    line,
                    range,
                    ..List::default()
                });
            }
            Tag::Item => {
                if let Some(&list) = self.lists.last() {
                    self.page.lists[list].items.push(Item {
                        line,
                        range,
                        ..Item::default()
                    });
                }
            }
            Tag::Table(_) => self.page.tables.push(Table {
                line,
                range,
                ..Table::default()
            }),
            Tag::TableHead => {
                self.in_table_head = true;
                if let Some(table) = self.page.tables.last_mut() {
                    table.header.line = line;
                }
            }
            Tag::TableRow => {
                if let Some(table) = self.page.tables.last_mut() {
                    let cells = Vec::new();
                    table.rows.push(Row { cells, line });
                }
            }
            Tag::TableCell => {
                if let Some(table) = self.page.tables.last_mut() {
                    let row = match self.in_table_head {
                        true => Some(&mut table.header),
                        false => table.rows.last_mut(),
                    };
                    row.into_iter()
                        .for_each(|row| row.cells.push(Cell::default()));
                }
                self.in_cell = true;
            }
            Tag::Link {
                dest_url, title, ..
            } => self.link(false, &dest_url, &title, range),
            Tag::Image {
                dest_url, title, ..
            } => self.link(true, &dest_url, &title, range),
            Tag::CodeBlock(kind) => {
                let (fenced, info) = match kind {
                    CodeBlockKind::Fenced(info) => (true, info.to_string()),
                    CodeBlockKind::Indented => (false, String::new()),
                };
                self.page.code_blocks.push(CodeBlock {
                    fenced,
                    info,
                    body: String::new(),
                    line,
                    end_line: self.end_line(&range),
                    range,
                });
                self.in_code = true;
            }
            Tag::HtmlBlock => {
                let html = self.html("", range);
                self.page.html_blocks.push(html);
                self.in_html_block = true;
            }
            _ => {}
        }
    }

    fn link(&mut self, image: bool, dest: &str, title: &str, range: Range<usize>) {
        self.links.push(self.page.links.len());
        self.page.links.push(Link {
            image,
            dest: dest.to_string(),
            title: title.to_string(),
            text: String::new(),
            line: self.page.line(range.start),
            range,
        });
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.in_heading = false;
                let source = self.id_source.take().unwrap_or_default();
                if let Some(heading) = self.page.headings.last_mut() {
                    heading.text = heading.text.trim().to_string();
                    if !heading.explicit_id {
                        let id = id_from_content(&source);
                        heading.id = unique_id(id, &mut self.used_ids);
                    }
                }
            }
            TagEnd::DefinitionListTitle => {
                let source = self.id_source.take().unwrap_or_default();
                unique_id(id_from_content(&source), &mut self.used_ids);
            }
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Item => {
                if let Some(item) = self.item() {
                    item.text = item.text.trim().to_string();
                }
            }
            TagEnd::TableHead => self.in_table_head = false,
            TagEnd::TableCell => {
                if let Some(cell) = self.cell() {
                    cell.text = cell.text.trim().to_string();
                }
                self.in_cell = false;
            }
            TagEnd::Link | TagEnd::Image => {
                let Some(at) = self.links.pop() else { return };
                let link = self.page.links[at].clone();
                if let Some(item) = self.item() {
                    item.links.push(link.clone());
                }
                if let Some(cell) = self.cell() {
                    cell.links.push(link);
                }
            }
            TagEnd::CodeBlock => self.in_code = false,
            TagEnd::HtmlBlock => self.in_html_block = false,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
