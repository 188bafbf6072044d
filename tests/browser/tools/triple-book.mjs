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
// The copies must build, and pass the contract tests, where the originals
// do, so in each copied page:
// - a quiz file gets the copy's suffix (mdbook-quiz keys a reader's answers
//   by file name, and the tests want every quiz named apart);
// - `{{#listing ...}}` and `{{#figure ...}}` get an `id=` of the copy's own
//   (the preprocessor rejects a key used twice), and `{{#ref KEY}}` follows
//   them;
// - a quiz question's id changes (mdbook-quiz wants them unique);
// - links to an answer (`answers-x.md#answer-<page>-N`) follow the copy's
//   answers page.
// Folders the contract tests know by name (exercises/) keep it: their pages
// are copied beside them (`exercises/jump-key-copy2.md`). The instructors'
// part is not copied; for each copy it gets a session plan that lists the
// copy's timed pages (a page's minutes count in one plan) and a copy of each
// answers page, its ids those of the copy's questions.
// Only the copy of src/ is new: the rest of the course is linked.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, buildBook } from '../lib/book.mjs';

/** The suffix of the folders, files and ids of copy `n` (2, 3, ...). */
const suffix = (n) => `copy${n}`;

/** Folders of src/ that the contract tests treat by name: copies go inside. */
const KEEP = ['exercises'];
/** The part of the book that is not copied (see `instructorPages`). */
const INSTRUCTORS = 'instructors';

/**
 * SUMMARY.md with each part's numbered chapters listed `copies` times: the
 * originals, then every chapter of the part again for each copy; the
 * instructors' part once, followed by `extra(n)` ([title, link] pairs) for
 * each copy. Returns the new text, the top-level names (folders or files of
 * src/) each copy needs, and each copy's pages in order ([title, link]).
 */
export function multiplySummary(summary, copies, extra = () => []) {
  const lines = summary.split('\n');
  const out = [];
  const roots = new Set();
  const pages = new Map();
  let block = [];
  const item = /^(\s*- \[)(.*?)\]\(([^)]+)\)/;
  const flush = () => {
    out.push(...block);
    const instructors = block.some((line) => item.exec(line)?.[3].startsWith(`${INSTRUCTORS}/`));
    for (let n = 2; n <= copies && block.length; n++) {
      if (!pages.has(n)) pages.set(n, []);
      if (instructors) {
        for (const [title, link] of extra(n)) out.push(`- [${title}](${link})`);
        continue;
      }
      for (const line of block) {
        out.push(
          line.replace(item, (_, head, title, link) => {
            roots.add(link.split('/')[0]);
            const copy = [`${title} (${suffix(n)})`, copyPath(link, n)];
            pages.get(n).push(copy);
            return `${head}${copy[0]}](${copy[1]})`;
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
  return { text: out.join('\n'), roots: [...roots], pages };
}

/**
 * Where copy `n` of a file of src/ goes: `futures/x.md` -> `futures-copy2/x.md`,
 * `a.md` -> `a-copy2.md`, `exercises/x.md` -> `exercises/x-copy2.md` (KEEP).
 */
export function copyPath(link, n) {
  const [top, ...rest] = link.split('/');
  if (rest.length && !KEEP.includes(top)) return [`${top}-${suffix(n)}`, ...rest].join('/');
  return link.replace(/(\.\w+)?$/, `-${suffix(n)}$1`);
}

/** The slug of a page's answer ids (`futures/a.md` -> `futures-a`), as the contract tests make it. */
const slug = (page) => page.replace(/\.md$/, '').split('/').join('-');

/**
 * Rewrites answer ids (`answer-<page>-N`) of the pages in `pages` (paths
 * under src/) to copy `n`'s, and links to the answers pages in `answers`
 * (file names in instructors/) to their copies.
 */
function followAnswers(text, n, pages, answers) {
  const slugs = pages.map(slug).sort((a, b) => b.length - a.length);
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let out = text;
  if (slugs.length) {
    const ids = new RegExp(`\\banswer-(${slugs.map(escape).join('|')})-(\\d+)\\b`, 'g');
    const copyOf = new Map(pages.map((p) => [slug(p), slug(copyPath(p, n))]));
    out = out.replace(ids, (_, page, number) => `answer-${copyOf.get(page)}-${number}`);
  }
  for (const file of answers) {
    // `../instructors/answers-x.md#...`, or `answers-x.md#...` beside it.
    out = out.replace(new RegExp(`(?<=[(/])${escape(file)}(?=[#)])`, 'g'), copyPath(file, n));
  }
  return out;
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
 * and quiz files renamed (`renamed`: old -> new name).
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
  const read = (file) => fs.readFileSync(path.join(src, file), 'utf8');
  const answers = fs.readdirSync(path.join(src, INSTRUCTORS)).filter((f) => /\{#answer-/.test(read(path.join(INSTRUCTORS, f))));
  const summary = read('SUMMARY.md');
  const titleOf = (f) => summary.split('\n').find((l) => l.includes(`](${INSTRUCTORS}/${f})`))?.match(/\[(.*?)\]/)[1] ?? f;
  // Each copy's plan and answers pages, listed after the instructors' part.
  const extra = (n) => [
    [`Session plan (${suffix(n)})`, `${INSTRUCTORS}/${copyPath('session-plan.md', n)}`],
    ...answers.map((f) => [`${titleOf(f)} (${suffix(n)})`, `${INSTRUCTORS}/${copyPath(f, n)}`]),
  ];
  const { text, roots, pages } = multiplySummary(summary, copies, extra);
  fs.writeFileSync(path.join(src, 'SUMMARY.md'), text);

  // The files of the copied chapters (a KEEP folder: those its chapters list).
  const listed = [...(pages.get(2) ?? [])].map(([, link]) => link);
  const copiedFiles = roots.flatMap((top) => {
    if (!fs.statSync(path.join(src, top)).isDirectory()) return [top];
    const all = files(path.join(src, top)).map((f) => path.join(top, f));
    if (!KEEP.includes(top)) return all;
    const originals = new Set(listed.filter((l) => l.startsWith(`${top}/`)).map((l) => l.replace(/-copy2(\.md)$/, '$1')));
    return all.filter((f) => originals.has(f) || (f.endsWith('.toml') && !f.includes('-copy')));
  });
  const copiedPages = copiedFiles.filter((f) => f.endsWith('.md'));
  // The keys defined in the pages that get copied: refs to them follow the copy.
  const copied = new Set(copiedPages.flatMap((f) => definedKeys(read(f))));
  for (let n = 2; n <= copies; n++) {
    for (const file of copiedFiles) {
      let dest = path.join(src, copyPath(file, n));
      // quiz-x.toml -> quiz-x-copy2.toml, beside the copied page
      if (file.endsWith('.toml') && !KEEP.includes(file.split('/')[0])) dest = dest.replace(/\.toml$/, `-${suffix(n)}.toml`);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      if (/\.(md|toml)$/.test(file)) {
        const renamed = new Map(
          files(path.join(src, path.dirname(file)))
            .filter((f) => f.endsWith('.toml') && !f.includes(path.sep))
            .map((f) => [f, f.replace(/\.toml$/, `-${suffix(n)}.toml`)]),
        );
        const page = rewritePage(read(file), n, copied, renamed);
        fs.writeFileSync(dest, followAnswers(page, n, copiedPages, answers));
      } else {
        fs.copyFileSync(path.join(src, file), dest);
      }
    }
    for (const file of answers) {
      const page = rewritePage(read(path.join(INSTRUCTORS, file)), n, copied);
      fs.writeFileSync(path.join(src, INSTRUCTORS, copyPath(file, n)), followAnswers(page, n, copiedPages, answers));
    }
    // The copy's pages with minutes, in the book's order, in one plan.
    const timed = pages.get(n).filter(([, link]) => /\{\{#speaker-notes[^}]*minutes=/.test(read(link)));
    const plan = [
      `# Session plan (${suffix(n)})`,
      '',
      `The pages of copy ${n} of the tripled book (tests/browser/tools/triple-book.mjs).`,
      '',
      '{{#plan}}',
      ...timed.map(([title, link]) => `- [${title}](../${link}): as in the original's plan`),
      '{{/plan}}',
      '',
    ];
    fs.writeFileSync(path.join(src, INSTRUCTORS, copyPath('session-plan.md', n)), plan.join('\n'));
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
