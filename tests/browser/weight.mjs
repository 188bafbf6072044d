// The page-weight benchmark (`cargo xtask bench-weight`, or `npm run weight`
// here): a measure to record, not a test that passes or fails.
//
// It builds the book twice for /course/, as configured (book.toml, theme/)
// and with mdBook's default theme (no theme/ folder, no additional CSS or
// JS, mdbook-quiz's own script tags), then loads every page of each on a
// first visit (empty cache, no compression) in Chromium and counts the bytes
// transferred (headers and bodies). A page with a quiz is counted twice: as
// it arrives, and once the reader has scrolled to its quiz. It writes
// tests/browser/weight-results.md.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, buildBook, contentPages, readPage } from './lib/book.mjs';
import { launch, newSession } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = process.env.COURSE_WEIGHT_DIR ?? path.join(ROOT, 'target', 'browser', 'weight');
const RESULTS = path.join(HERE, 'weight-results.md');

/** mdBook's default theme: book.toml's theme additions switched off. */
const DEFAULT_THEME = {
  MDBOOK_OUTPUT__HTML__THEME: path.join(OUT, 'empty-theme'), // an empty folder: all defaults
  MDBOOK_OUTPUT__HTML__ADDITIONAL_CSS: '[]',
  MDBOOK_OUTPUT__HTML__ADDITIONAL_JS: '[]',
  // Our preprocessor keeps mdbook-quiz's tags where the quiz put them.
  MDBOOK_PREPROCESSOR__COURSE__KEEP_QUIZ_ASSETS: 'true',
};

/** Bytes a page transfers until the network is quiet, by kind of file. */
async function weigh(session, page, { reachQuiz = false } = {}) {
  const sizes = [];
  const listener = async (request) => {
    const s = await request.sizes().catch(() => null);
    if (s) sizes.push({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize });
  };
  session.page.on('requestfinished', listener);
  await session.visit(page);
  if (reachQuiz) {
    for (const quiz of await session.page.locator('.quiz-placeholder').all()) {
      await quiz.scrollIntoViewIfNeeded();
      await session.watch.settle(session.page, { quiet: 300 });
      await quiz.locator('.mdbook-quiz').first().waitFor({ timeout: 10000 });
    }
    await session.watch.settle(session.page, { quiet: 300 });
  } else {
    await session.watch.settle(session.page, { quiet: 300 });
  }
  session.page.off('requestfinished', listener);
  return sizes;
}

const kind = (url) => {
  const file = new URL(url).pathname;
  if (/quiz\//.test(file)) return 'quiz';
  if (/\.woff2?$/.test(file)) return 'fonts';
  if (/highlight[^/]*\.js$/.test(file)) return 'highlight.js';
  if (/\.js$/.test(file)) return 'other js';
  if (/\.css$/.test(file)) return 'css';
  if (/\.html$/.test(file) || file.endsWith('/')) return 'html';
  return 'other';
};
const total = (sizes) => sizes.reduce((sum, s) => sum + s.bytes, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const median = (values) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function measure(browser, dir) {
  const site = await serve(dir);
  const results = [];
  try {
    for (const page of contentPages(dir)) {
      const hasQuiz = readPage(dir, page).includes('class="quiz-placeholder"');
      // A new context for each: an empty cache, as on a first visit.
      let session = await newSession(browser, site);
      const arrival = await weigh(session, page);
      await session.close();
      let reached = null;
      if (hasQuiz) {
        session = await newSession(browser, site);
        reached = await weigh(session, page, { reachQuiz: true });
        await session.close();
      }
      results.push({ page, hasQuiz, arrival, reached });
    }
  } finally {
    await site.close();
  }
  return results;
}

function summary(results) {
  const plain = results.filter((r) => !r.hasQuiz).map((r) => total(r.arrival));
  const quizArrival = results.filter((r) => r.hasQuiz).map((r) => total(r.arrival));
  const quizReached = results.filter((r) => r.hasQuiz).map((r) => total(r.reached));
  return {
    plain: median(plain),
    quizArrival: median(quizArrival),
    quizReached: median(quizReached),
    counts: [plain.length, quizArrival.length],
  };
}

function byKind(sizes) {
  const kinds = {};
  for (const s of sizes) kinds[kind(s.url)] = (kinds[kind(s.url)] ?? 0) + s.bytes;
  return kinds;
}

const books = {
  course: path.join(OUT, 'course'),
  default: path.join(OUT, 'default'),
};
console.log('building the book with the course theme and with mdBook\'s default theme');
buildBook(ROOT, books.course);
fs.mkdirSync(path.join(OUT, 'empty-theme'), { recursive: true });
buildBook(ROOT, books.default, { env: DEFAULT_THEME });

const browser = await launch();
const measured = {};
for (const [name, dir] of Object.entries(books)) {
  console.log(`loading every page of the ${name} build`);
  measured[name] = await measure(browser, dir);
}
await browser.close();

const ours = summary(measured.course);
const theirs = summary(measured.default);
const typical = (results) => {
  const plain = results.filter((r) => !r.hasQuiz);
  const sorted = [...plain].sort((a, b) => total(a.arrival) - total(b.arrival));
  return sorted[Math.floor(sorted.length / 2)];
};
const ourTypical = typical(measured.course);
const theirTypical = typical(measured.default);
const kinds = [...new Set([...Object.keys(byKind(ourTypical.arrival)), ...Object.keys(byKind(theirTypical.arrival))])].sort();

const lines = [
  '# Page weight',
  '',
  'Written by `cargo xtask bench-weight` (tests/browser/weight.mjs): bytes each page of the',
  'book transfers on a first visit (empty cache, no compression, headers included), served',
  'under /course/ and loaded in Chromium, for the book as configured and for the same book',
  "built with mdBook's default theme (no theme/ folder, no additional CSS or JS, mdbook-quiz's",
  'own script tags). A page with a quiz is measured as it arrives and again once the reader',
  'has scrolled to the quiz.',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)}, ${ours.counts[0]} pages without a quiz, ${ours.counts[1]} with one.`,
  '',
  '| Median | Course | mdBook default |',
  '| --- | ---: | ---: |',
  `| page without a quiz | ${kb(ours.plain)} | ${kb(theirs.plain)} |`,
  `| page with a quiz, on arrival | ${kb(ours.quizArrival)} | ${kb(theirs.quizArrival)} |`,
  `| page with a quiz, quiz reached | ${kb(ours.quizReached)} | ${kb(theirs.quizReached)} |`,
  '',
  `Where the bytes of the median page without a quiz go (course: ${ourTypical.page}; default: ${theirTypical.page}):`,
  '',
  '| Kind | Course | mdBook default |',
  '| --- | ---: | ---: |',
  ...kinds.map((k) => `| ${k} | ${kb(byKind(ourTypical.arrival)[k] ?? 0)} | ${kb(byKind(theirTypical.arrival)[k] ?? 0)} |`),
  '',
  'Every page:',
  '',
  '| Page | Course | mdBook default |',
  '| --- | ---: | ---: |',
  ...measured.course.map((r, i) => {
    const d = measured.default[i];
    const cell = (x) => (x.hasQuiz ? `${kb(total(x.arrival))}, quiz reached ${kb(total(x.reached))}` : kb(total(x.arrival)));
    return `| ${r.page} | ${cell(r)} | ${cell(d)} |`;
  }),
  '',
];
fs.writeFileSync(RESULTS, lines.join('\n'));
console.log(lines.slice(11, 17).join('\n'));
console.log(`wrote ${path.relative(ROOT, RESULTS)}`);
