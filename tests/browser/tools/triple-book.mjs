// Makes the course three times larger, to measure how the browser tests
// scale: a scratch copy of the course (default target/triple/) whose
// SUMMARY.md lists each numbered chapter three times, the copies under new
// folder names at the same depth (so `../../listings/...` still resolves),
// built with the pinned mdBook for /course/ into <scratch>/book.
//
//   node tools/triple-book.mjs [--out DIR] [--copies N]
//   COURSE_BOOK_DIR=target/triple/book node run.mjs
//   node tools/triple-book.mjs --in-place   (in a copy of the repository, no .git)
//
// The copies must build where the originals do, so in each copied page:
// - a quiz file gets the copy's suffix (mdbook-quiz keys a reader's answers
//   by file name, and the tests want every quiz named apart);
// - `{{#listing ...}}` and `{{#figure ...}}` get an `id=` of the copy's own
//   (the preprocessor rejects a key used twice), and `{{#ref KEY}}` follows
//   them;
// - a quiz question's id changes (mdbook-quiz wants them unique);
// - `{{#speaker-notes minutes=N}}` loses its minutes and a `{{#plan}}`
//   block becomes a plain list (a page's minutes belong in one plan only);
// - a "Discussion" heading becomes "Discussion, again" (its questions are
//   answered once, for the original).
// Pages in today's syntax, without those directives, are copied as they are.
// Only the copy of src/ is new: the rest of the course is linked.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, buildBook } from '../lib/book.mjs';

/** The suffix of the folders, files and ids of copy `n` (2, 3, ...). */
const suffix = (n) => `copy${n}`;

/**
 * SUMMARY.md with each part's numbered chapters listed `copies` times: the
 * originals, then every chapter of the part again for each copy. Returns the
 * new text and the top-level names (folders or files of src/) each copy
 * needs.
 */
export function multiplySummary(summary, copies) {
  const lines = summary.split('\n');
  const out = [];
  const roots = new Set();
  let block = [];
  const flush = () => {
    out.push(...block);
    for (let n = 2; n <= copies && block.length; n++) {
      for (const line of block) {
        out.push(
          line.replace(/^(\s*- \[)(.*?)\]\(([^)]+)\)/, (_, head, title, link) => {
            const top = link.split('/')[0];
            roots.add(top);
            return `${head}${title} (${suffix(n)})](${renameTop(link, n)})`;
          }),
        );
      }
    }
    block = [];
  };
  for (const line of lines) {
    // A numbered chapter or one of its sections: a list item, at any depth.
    if (/^\s*- \[.*\]\([^)]+\)/.test(line)) {
      block.push(line);
    } else if (/^\s*$/.test(line) && block.length) {
      continue; // blank lines inside a part's list
    } else {
      flush();
      out.push(line);
    }
  }
  flush();
  return { text: out.join('\n'), roots: [...roots] };
}

/** `key-definitions/x.md` -> `key-definitions-copy2/x.md`; `a.md` -> `a-copy2.md`. */
function renameTop(link, n) {
  const [top, ...rest] = link.split('/');
  if (rest.length) return [`${top}-${suffix(n)}`, ...rest].join('/');
  return top.replace(/(\.md)?$/, `-${suffix(n)}$1`);
}

/** The arguments of a directive: `NAME:ANCHOR file=x id=y` -> ['NAME:ANCHOR', ...]. */
const words = (args) => args.trim().split(/\s+/).filter(Boolean);

/** mdBook's escape: `\{{#...}}` is text, not a directive. */
const directive = (name) => new RegExp(`(?<!\\\\)\\{\\{#${name}(\\s[^}]*)?\\}\\}`, 'g');

/** The key the course preprocessor gives a listing or a figure: id=, else NAME[:ANCHOR] or figure:STEM. */
function keyOf(kind, args) {
  const list = words(args);
  const id = list.find((w) => w.startsWith('id='));
  if (id) return id.slice(3);
  return kind === 'figure' ? `figure:${list[0].replace(/\.svg$/, '')}` : list[0];
}

/** The id copy `n` gives a key: letters, digits and dashes only. */
const copyId = (key, n) => `${suffix(n)}-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** The listing and figure keys a page defines. */
export function definedKeys(text) {
  const keys = [];
  for (const kind of ['listing', 'figure']) {
    for (const m of text.matchAll(directive(kind))) keys.push(keyOf(kind, m[1] ?? ''));
  }
  return keys;
}

/**
 * A page (or quiz) of copy `n`: its listings and figures with ids of their
 * own, refs to keys in `copied` (defined in copied pages) following them,
 * no minutes, no plan, and quiz files renamed (`renamed`: old -> new name).
 */
export function rewritePage(text, n, copied, renamed = new Map()) {
  let out = text;
  for (const kind of ['listing', 'figure']) {
    out = out.replace(directive(kind), (_, args = '') => {
      const kept = words(args).filter((w) => !w.startsWith('id='));
      return `{{#${kind} ${[...kept, `id=${copyId(keyOf(kind, args), n)}`].join(' ')}}}`;
    });
  }
  out = out.replace(directive('ref'), (whole, args = '') => {
    const key = args.trim();
    return copied.has(key) ? `{{#ref ${copyId(key, n)}}}` : whole;
  });
  out = out.replace(directive('speaker-notes'), (_, args = '') => {
    const kept = words(args).filter((w) => !w.startsWith('minutes='));
    return `{{#speaker-notes${kept.map((w) => ` ${w}`).join('')}}}`;
  });
  out = out.replace(/^[ \t]*(?<!\\)\{\{[#/]plan\}\}[ \t]*\n/gm, '');
  // A discussion question wants an answer in src/instructors/ (the contract
  // tests): the copy's questions are the original's, under another heading.
  out = out.replace(/^(#+)\s+Discussion\s*$/gm, '$1 Discussion, again');
  // A quiz question's id, unique in the book: the copy's number in its first part.
  out = out.replace(/^(id\s*=\s*")[0-9a-f]{8}(-[0-9a-f-]+")/gm, (_, head, rest) => `${head}${String(n).padStart(8, '0')}${rest}`);
  out = out.replace(directive('quiz'), (whole, args = '') => {
    const file = args.trim();
    return renamed.has(file) ? `{{#quiz ${renamed.get(file)}}}` : whole;
  });
  return out;
}

/** Every file under `dir`, as paths relative to it. */
function files(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

/** Writes the scratch tree into `out` (emptied first); returns the src folder. */
export function tripleTree(out, copies = 3) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  // Everything but src/ as it is (read only), so includes of listings/ and
  // the theme resolve; src/ copied, mdbook-quiz writes into it.
  for (const entry of fs.readdirSync(ROOT)) {
    if (['src', 'target', '.git'].includes(entry)) continue;
    fs.symlinkSync(path.join(ROOT, entry), path.join(out, entry));
  }
  const src = path.join(out, 'src');
  fs.cpSync(path.join(ROOT, 'src'), src, { recursive: true });
  return tripleSrc(src, copies);
}

/** Lists each numbered chapter of `src` `copies` times, the copies written beside them. */
export function tripleSrc(src, copies = 3) {
  const { text, roots } = multiplySummary(fs.readFileSync(path.join(src, 'SUMMARY.md'), 'utf8'), copies);
  fs.writeFileSync(path.join(src, 'SUMMARY.md'), text);

  // The keys defined in the pages that get copied: refs to them follow the copy.
  const copiedFiles = roots.flatMap((top) =>
    fs.statSync(path.join(src, top)).isDirectory() ? files(path.join(src, top)).map((f) => path.join(top, f)) : [top],
  );
  const copied = new Set(
    copiedFiles.filter((f) => f.endsWith('.md')).flatMap((f) => definedKeys(fs.readFileSync(path.join(src, f), 'utf8'))),
  );
  for (let n = 2; n <= copies; n++) {
    for (const file of copiedFiles) {
      const target = path.join(src, renameTop(file, n));
      let name = path.basename(target);
      // quiz-x.toml -> quiz-x-copy2.toml
      if (file.endsWith('.toml')) name = name.replace(/\.toml$/, `-${suffix(n)}.toml`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const dest = path.join(path.dirname(target), name);
      if (/\.(md|toml)$/.test(file)) {
        const renamed = new Map(
          files(path.join(src, path.dirname(file)))
            .filter((f) => f.endsWith('.toml') && !f.includes(path.sep))
            .map((f) => [f, f.replace(/\.toml$/, `-${suffix(n)}.toml`)]),
        );
        fs.writeFileSync(dest, rewritePage(fs.readFileSync(path.join(src, file), 'utf8'), n, copied, renamed));
      } else {
        fs.copyFileSync(path.join(src, file), dest);
      }
    }
  }
  return src;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const target = process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target');
  const out = path.resolve(option('--out', path.join(target, 'triple')));
  const copies = Number(option('--copies', '3'));
  if (!(copies >= 1)) throw new Error(`--copies must be a number, at least 1`);
  if (args.includes('--in-place')) {
    // For a throw-away copy of the whole repository (never a checkout you
    // work in): its src/ tripled, for `cargo xtask test` to run on.
    if (fs.existsSync(path.join(ROOT, '.git'))) throw new Error(`${ROOT} is a git checkout: --in-place is for a copy`);
    tripleSrc(path.join(ROOT, 'src'), copies);
    console.log(`${path.join(ROOT, 'src')} now lists each numbered chapter ${copies} times`);
    process.exit(0);
  }
  const started = Date.now();
  tripleTree(out, copies);
  const book = path.join(out, 'book');
  buildBook(out, book);
  // The introduction links to the listings archive: the hosting test wants it.
  const archive = path.join(target, 'browser', 'book', 'listings.tar.gz');
  if (fs.existsSync(archive)) fs.copyFileSync(archive, path.join(book, 'listings.tar.gz'));
  else console.warn(`no ${archive} to copy (run cargo xtask test-browser once): the hosting test will fail`);
  const count = fs.readdirSync(book, { recursive: true }).filter((f) => f.endsWith('.html')).length;
  console.log(`${count} HTML files in ${book} (built in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`run the browser tests on it: COURSE_BOOK_DIR=${book} node run.mjs`);
}
