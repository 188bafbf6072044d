//! Finds the course's directives in a page: `{{#name args}}`, and for block
//! directives a body up to `{{/name}}`. Other `{{#...}}` (mdBook's own
//! `include`, mdbook-quiz's `quiz`) are left for their preprocessors, and
//! `\{{#...}}` is mdBook's escape: shown, never expanded.

use std::ops::Range;

/// Directives with a body, closed by `{{/name}}`.
pub const BLOCKS: [&str; 4] = ["listing", "figure", "speaker-notes", "plan"];
/// Directives that stand alone.
pub const INLINE: [&str; 2] = ["ref", "output"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive<'a> {
    pub name: &'a str,
    pub args: &'a str,
    /// Between the opening and the closing tag; `None` for inline ones.
    pub body: Option<&'a str>,
    /// The whole directive in the page, closing tag included.
    pub span: Range<usize>,
    /// The 1-based line of the opening tag.
    pub line: usize,
}

/// A malformed directive: its line, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub line: usize,
    pub message: String,
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Every directive of ours in `text`, in order.
pub fn find(text: &str) -> Result<Vec<Directive<'_>>, Malformed> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("{{") {
        let start = from + at;
        from = start + 2;
        let escaped = text[..start].ends_with('\\');
        let rest = &text[start + 2..];
        let line = line_of(text, start);
        let malformed = |message: String| Malformed { line, message };
        if let Some(closing) = rest.strip_prefix('/') {
            let name = closing.split(['}', ' ', '\n']).next().unwrap_or_default();
            if !escaped && BLOCKS.contains(&name) {
                return Err(malformed(format!(
                    "`{{{{/{name}}}}}` closes no `{{{{#{name}}}}}`"
                )));
            }
            continue;
        }
        let Some(tag) = rest.strip_prefix('#') else {
            continue;
        };
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '}')
            .next()
            .unwrap_or_default();
        let is_block = BLOCKS.contains(&name);
        if escaped || !(is_block || INLINE.contains(&name)) {
            continue;
        }
        let open_end = match tag.find("}}") {
            Some(end) if !tag[..end].contains('\n') => start + 3 + end + 2,
            _ => {
                return Err(malformed(format!(
                    "`{{{{#{name}` has no `}}}}` on its line"
                )));
            }
        };
        let args = text[start + 3 + name.len()..open_end - 2].trim();
        let (body, end) = if is_block {
            let close = format!("{{{{/{name}}}}}");
            let open = format!("{{{{#{name}");
            let body_end = text[open_end..].find(&close).map(|end| open_end + end);
            let reopened = |end: usize| text[open_end..end].contains(&open);
            match body_end {
                Some(end) if !reopened(end) => {
                    (Some(&text[open_end..end]), end + close.len())
                }
                _ => {
                    return Err(malformed(format!(
                        "`{{{{#{name}}}}}` is never closed with `{close}`"
                    )));
                }
            }
        } else {
            (None, open_end)
        };
        found.push(Directive {
            name,
            args,
            body,
            span: start..end,
            line,
        });
        from = end;
    }
    Ok(found)
}

/// A directive's arguments: words first, then `key=value` options and bare
/// flags, as in `pending-three-times:main file=src/lib.rs noplayground`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Args<'a> {
    pub words: Vec<&'a str>,
    pub options: Vec<(&'a str, Option<&'a str>)>,
}

impl<'a> Args<'a> {
    /// Splits `args`, and fails on an option not in `known`.
    pub fn parse(name: &str, args: &'a str, known: &[&str]) -> Result<Self, String> {
        let mut parsed = Args::default();
        for token in args.split_whitespace() {
            let (key, value) = match token.split_once('=') {
                Some((key, value)) => (key, Some(value)),
                None if known.contains(&token) => (token, None),
                None => {
                    parsed.words.push(token);
                    continue;
                }
            };
            if !known.contains(&key) {
                return Err(format!(
                    "unknown option `{key}` in `{{{{#{name}}}}}` (known: {})",
                    known.join(", ")
                ));
            }
            if parsed.options.iter().any(|(seen, _)| *seen == key) {
                return Err(format!("`{key}` given twice in `{{{{#{name}}}}}`"));
            }
            parsed.options.push((key, value));
        }
        Ok(parsed)
    }

    /// The value of option `key`, if given with one.
    pub fn value(&self, key: &str) -> Option<&'a str> {
        self.options
            .iter()
            .find(|(seen, _)| *seen == key)
            .and_then(|(_, value)| *value)
    }

    pub fn has(&self, key: &str) -> bool {
        self.options.iter().any(|(seen, _)| *seen == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_blocks_and_inline_directives_with_their_lines() {
        let text = "a\n{{#listing foo:bar output=none}}\nCap.\n{{/listing}}\n\
                    See {{#ref foo:bar}}.\n";
        let found = find(text).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "listing");
        assert_eq!(found[0].args, "foo:bar output=none");
        assert_eq!(found[0].body, Some("\nCap.\n"));
        assert_eq!(found[0].line, 2);
        assert_eq!(
            &text[found[0].span.clone()],
            text[2..].split("\nSee").next().unwrap()
        );
        assert_eq!(
            (found[1].name, found[1].args, found[1].line),
            ("ref", "foo:bar", 5)
        );
    }

    #[test]
    fn leaves_escaped_and_foreign_directives_alone() {
        let text =
            "\\{{#ref x}} {{#include a.rs}} {{#quiz q.toml}} \\{{#listing a}}";
        assert_eq!(find(text).unwrap(), vec![]);
    }

    #[test]
    fn an_unclosed_block_is_malformed_at_its_opening_line() {
        let error = find("x\n{{#speaker-notes minutes=3}}\n- a\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("never closed"), "{error:?}");
        // Closed only after a second opening: the first is the unclosed one.
        let text = "{{#listing a}}\n{{#listing b}}\nB\n{{/listing}}\n";
        assert_eq!(find(text).unwrap_err().line, 1);
    }

    #[test]
    fn a_stray_closing_tag_or_a_tag_without_its_end_is_malformed() {
        assert!(find("{{/plan}}").unwrap_err().message.contains("closes no"));
        assert!(
            find("{{#ref a\n}}")
                .unwrap_err()
                .message
                .contains("no `}}`")
        );
    }

    #[test]
    fn parses_words_options_and_flags_and_rejects_unknown_options() {
        let known = ["file", "noplayground"];
        let args = Args::parse("listing", "a:b file=src/x.rs noplayground", &known);
        let args = args.unwrap();
        assert_eq!(args.words, ["a:b"]);
        assert_eq!(args.value("file"), Some("src/x.rs"));
        assert!(args.has("noplayground"));
        let error = Args::parse("listing", "a fails=E0277", &known).unwrap_err();
        assert!(error.contains("unknown option `fails`"), "{error}");
    }
}
