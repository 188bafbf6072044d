// Writes theme/highlight.js: mdBook's own highlight.js (Highlight.js 10.1.1
// with 48 languages, 137 KB, loaded by every page) cut down to the languages
// this course can use, about 31 KB. Run it after changing LANGUAGES or the
// pinned mdBook version: `node tools/trim-highlight.mjs` in tests/browser.
// test/highlight.test.mjs checks that the file is what this makes, and that
// every language the built book's code blocks name is in it.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Highlight.js names (their aliases come along: `console` is `shell`'s,
 * `text` is `plaintext`'s, `toml` is `ini`'s). `bash` is needed by `shell`,
 * and book.js marks playground output as `bash`.
 */
export const LANGUAGES = [
  'bash',
  'diff',
  'ini',
  'javascript',
  'json',
  'plaintext',
  'python',
  'python-repl',
  'rust',
  'shell',
  'yaml',
];

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
export const TARGET = path.join(ROOT, 'theme', 'highlight.js');

/** mdBook's default highlight.js, from the pinned mdbook's `init --theme`. */
export function mdbookHighlight() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdbook-theme-'));
  try {
    const mdbook = path.join(ROOT, '.tools', 'bin', 'mdbook');
    const init = spawnSync(mdbook, ['init', '--theme', '--force', '--ignore', 'none', '--title', 'x', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (init.status !== 0) {
      throw new Error(`${mdbook} init failed (run \`cargo xtask tools\`):\n${init.stderr}`);
    }
    return fs.readFileSync(path.join(dir, 'theme', 'highlight.js'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The trimmed file: mdBook's core, then only the kept registrations. */
export function trim(source) {
  const marker = 'hljs.registerLanguage("';
  const first = source.indexOf(marker);
  if (first < 0) throw new Error("mdBook's highlight.js has no registerLanguage calls");
  const parts = source.slice(first).split(marker).slice(1);
  const kept = [];
  for (const part of parts) {
    const name = part.slice(0, part.indexOf('"'));
    if (LANGUAGES.includes(name)) kept.push(marker + part.trimEnd());
  }
  const missing = LANGUAGES.filter((l) => !kept.some((k) => k.startsWith(`${marker}${l}"`)));
  if (missing.length) throw new Error(`mdBook's highlight.js lacks ${missing.join(', ')}`);
  const dropped = parts.length - kept.length;
  const droppedKb = Math.round((source.length - source.slice(0, first).length - kept.join('').length) / 1024);
  const header = `/* Made by tests/browser/tools/trim-highlight.mjs (do not edit; run it):
   mdBook's own highlight.js, cut to the languages the course may use, for
   every page loads it. Dropped: ${dropped} other languages, ${droppedKb} KB. Kept:
   ${wrap(`${LANGUAGES.join(', ')}.`)} */
`;
  return `${header}${source.slice(0, first).trimEnd()}\n${kept.join('\n')}\n`;
}

/** Breaks a list into comment lines of at most 76 characters. */
function wrap(text) {
  const lines = [''];
  for (const word of text.split(' ')) {
    if (`   ${lines.at(-1)} ${word}`.length > 76) lines.push('');
    lines[lines.length - 1] += (lines.at(-1) ? ' ' : '') + word;
  }
  return lines.join('\n   ');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = trim(mdbookHighlight());
  fs.writeFileSync(TARGET, text);
  console.log(`wrote ${path.relative(ROOT, TARGET)}: ${text.length} bytes`);
}
