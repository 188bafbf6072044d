// Runs the browser tests: `npm test` here, or `cargo xtask test` from the
// repository root (which builds the site first and names it in
// COURSE_BOOK_DIR). Without COURSE_BOOK_DIR this builds the site for
// /course/ with `cargo xtask site`. It starts one Chromium for every test file
// and runs the files side by side. Arguments name test files to run instead
// of all of them.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './lib/book.mjs';
import { launchServer } from './lib/browser.mjs';
import { SUB_PATH } from './lib/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

let dir = process.env.COURSE_BOOK_DIR;
if (!dir) {
  dir = path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'browser', 'book');
  // The site as instructors build it: the book and the listings archive.
  const args = ['xtask', 'site', '--site-url', SUB_PATH, '--dest-dir', dir];
  if (spawnSync('cargo', args, { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}

const started = Date.now();
let server;
try {
  server = await launchServer();
} catch (error) {
  console.error(`browser tests: ${error.message}`);
  process.exit(1);
}
// Every file in test/, the long ones (pages-*) first.
const all = fs
  .readdirSync(path.join(HERE, 'test'))
  .filter((f) => f.endsWith('.test.mjs'))
  .sort((a, b) => Number(b.startsWith('pages-')) - Number(a.startsWith('pages-')) || a.localeCompare(b))
  .map((f) => `test/${f}`);
const files = process.argv.length > 2 ? process.argv.slice(2) : all;
// Two files at a time at least (each drives Chromium, which takes more than
// a core), more where there are more cores.
const concurrency = Math.max(2, Math.min(4, os.availableParallelism()));
const args = ['--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...files];
const child = spawn(process.execPath, args, {
  cwd: HERE,
  stdio: 'inherit',
  env: { ...process.env, COURSE_BOOK_DIR: dir, COURSE_BROWSER_WS: server.wsEndpoint() },
});
const status = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
await server.close();
console.log(`browser tests: ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
