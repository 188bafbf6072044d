// theme/highlight.js is mdBook's own, cut to a few languages by
// tools/trim-highlight.mjs: it must be exactly what that tool makes from the
// pinned mdBook, and every language the book's code blocks name must be in
// it (else Highlight.js leaves the block plain and warns in the console).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { bookDir, pages, readPage } from '../lib/book.mjs';
import { TARGET, mdbookHighlight, trim } from '../tools/trim-highlight.mjs';

test('theme/highlight.js is mdBook\'s, trimmed by tools/trim-highlight.mjs', () => {
  const expected = trim(mdbookHighlight());
  assert.ok(
    fs.readFileSync(TARGET, 'utf8') === expected,
    'theme/highlight.js is stale: run `node tools/trim-highlight.mjs` in tests/browser',
  );
});

test('every language a code block of the book names is highlighted', () => {
  const hljs = new Function(`${fs.readFileSync(TARGET, 'utf8')}; return hljs;`)();
  const dir = bookDir();
  const missing = new Map();
  for (const page of pages(dir)) {
    for (const [, language] of readPage(dir, page).matchAll(/<code class="[^"]*\blanguage-([\w-]+)/g)) {
      if (!hljs.getLanguage(language)) missing.set(language, page);
    }
  }
  assert.deepEqual(
    [...missing].map(([language, page]) => `${language} (first in ${page})`),
    [],
    'add these to LANGUAGES in tools/trim-highlight.mjs and run it',
  );
});
