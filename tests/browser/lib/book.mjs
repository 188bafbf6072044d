// The book under test: building it with the pinned mdBook tools, and the
// pages and chapters the built book has (never a hard-coded list).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUB_PATH } from './server.mjs';

/** The course repository: tests/browser/lib/ is three levels below it. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The folder `cargo xtask test` (or `npm test`) built the book into. */
export function bookDir() {
  const dir = process.env.COURSE_BOOK_DIR;
  if (!dir) {
    throw new Error(
      'COURSE_BOOK_DIR is not set: run the browser tests with `cargo xtask test` ' +
        'from the repository root, or `npm test` in tests/browser, which build the book first',
    );
  }
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`COURSE_BOOK_DIR=${dir} holds no built book (no index.html)`);
  }
  return dir;
}

/**
 * Builds the book whose book.toml is in `bookRoot` into `out` with the pinned
 * mdbook and mdbook-quiz (the same PATH as xtask's `mdbook()`), for hosting
 * under `siteUrl`. Throws with the build's log when it fails.
 */
export function buildBook(bookRoot, out, { siteUrl = SUB_PATH, env = {} } = {}) {
  const tools = path.join(ROOT, '.tools');
  const mdbook = path.join(tools, 'bin', 'mdbook');
  if (!fs.existsSync(mdbook)) {
    throw new Error(`${mdbook} is missing: run \`cargo xtask tools\` first`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  const result = spawnSync(mdbook, ['build', '--dest-dir', out], {
    cwd: bookRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: [path.join(tools, 'quiz-rustc'), path.join(tools, 'bin'), process.env.PATH].join(
        path.delimiter,
      ),
      MDBOOK_OUTPUT__HTML__SITE_URL: siteUrl,
      ...env,
    },
  });
  if (result.status !== 0) {
    throw new Error(`mdbook build in ${bookRoot} failed:\n${result.stderr}${result.stdout}`);
  }
  return `${result.stderr}${result.stdout}`;
}

/**
 * Every HTML page of a built book, as paths relative to its root, sorted.
 * `toc.html` is left out: it is the sidebar that mdBook shows in an iframe
 * only when JavaScript is off, not a page of its own.
 */
export function pages(dir) {
  const found = [];
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.html') && rel !== 'toc.html') found.push(rel);
    }
  };
  walk('');
  return found.sort();
}

/** The pages that show the book's text: every page but print.html and 404.html. */
export function contentPages(dir) {
  return pages(dir).filter((page) => page !== 'print.html' && page !== '404.html');
}

/**
 * The chapters in the sidebar (toc.html), in order: each with its title,
 * its page, and its section pages. Draft chapters (no page) are left out.
 */
export function chapters(dir) {
  const html = fs.readFileSync(path.join(dir, 'toc.html'), 'utf8');
  // toc.html is mdBook's own simple markup: an <ol class="chapter"> of <li>s,
  // each section list an <ol class="section"> inside its chapter's <li>.
  const links = [...html.matchAll(/<a href="([^"#]+\.html)"[^>]*>([\s\S]*?)<\/a>/g)];
  const all = links.map((m) => ({ page: m[1], title: stripTags(m[2]) }));
  const unique = [];
  for (const link of all) {
    if (!unique.some((u) => u.page === link.page)) unique.push(link);
  }
  return unique;
}

export function stripTags(html) {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The HTML of a page of a built book. */
export function readPage(dir, page) {
  return fs.readFileSync(path.join(dir, page), 'utf8');
}

/** The part of a built page between <main> and </main>: the page's own text. */
export function mainHtml(html) {
  const start = html.indexOf('<main>');
  const end = html.lastIndexOf('</main>');
  return start >= 0 && end > start ? html.slice(start + 6, end) : '';
}

/** The text of the first <h1> in a page's main part, or of its first heading. */
export function firstHeading(html) {
  const main = mainHtml(html);
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(main) ?? /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/.exec(main);
  return h1 ? stripTags(h1[1]) : '';
}

/**
 * A word to search for that should find `page`: the word of its first
 * heading found on the fewest pages of the book (ties: the longest), so that
 * search results, which are limited in number, include this page.
 */
export function searchTerm(dir, page, allPages) {
  const texts = new Map(allPages.map((p) => [p, stripTags(mainHtml(readPage(dir, p))).toLowerCase()]));
  const heading = firstHeading(readPage(dir, page));
  const words = [...new Set(heading.toLowerCase().match(/[a-z][a-z0-9_]*/g) ?? [])];
  const long = words.filter((w) => w.length >= 4);
  const candidates = long.length > 0 ? long : words;
  if (candidates.length === 0) return null;
  const spread = (word) => {
    const re = new RegExp(`\\b${word}\\b`);
    return [...texts.values()].filter((t) => re.test(t)).length;
  };
  return candidates
    .map((word) => ({ word, spread: spread(word) }))
    .sort((a, b) => a.spread - b.spread || b.word.length - a.word.length)[0].word;
}
