// Times browser-test suites against each other, interleaved in one session
// (other work on the machine slows every suite alike, not one of them):
//
//   node tools/bench-suite.mjs --book DIR --rounds N [--beside-cargo-test] SUITE_DIR...
//   node tools/bench-suite.mjs --time CMD ARGS...
//
// Each round runs `node run.mjs` in every SUITE_DIR (a tests/browser folder:
// this one, or an old one unpacked with `git archive`) on the built book
// DIR, in turn, and prints its wall time and core-seconds: the CPU time of
// the whole process tree (node, Chromium and its renderers), read from
// /proc every 200 ms (Linux only; a process's last 200 ms before it exits
// can be missed). With --beside-cargo-test, `cargo test --workspace` runs
// beside each suite, as in `cargo xtask test` (build its tests first).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/book.mjs';

const TICK = 100; // clock ticks a second (USER_HZ) on Linux

/** utime + stime, in ticks, of every process below `root` (itself included). */
function treeTicks(root) {
  const parent = new Map();
  const ticks = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(pid), Number(fields[1]));
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone meanwhile
    }
  }
  const inside = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return new Map([...ticks].filter(([pid]) => inside(pid)));
}

/** Runs `command` in `cwd`; resolves to { status, wall, cpu } (seconds). */
function measure(command, args, options) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const seen = new Map();
    const sample = () => {
      for (const [pid, t] of treeTicks(child.pid)) seen.set(pid, Math.max(t, seen.get(pid) ?? 0));
    };
    const timer = setInterval(sample, 200);
    child.on('close', (status) => {
      clearInterval(timer);
      const cpu = [...seen.values()].reduce((a, b) => a + b, 0) / TICK;
      resolve({ status, wall: (Date.now() - started) / 1000, cpu, output });
    });
  });
}

const args = process.argv.slice(2);
if (args[0] === '--time') {
  // `--time CMD ARGS...`: one command, here, timed the same way (for
  // `cargo xtask test`; compilers that live under 200 ms are missed).
  const { status, wall, cpu, output } = await measure(args[1], args.slice(2), { cwd: process.cwd() });
  process.stdout.write(output);
  console.log(`${args.slice(1).join(' ')}: ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} core-s, status ${status}`);
  process.exit(status ?? 1);
}
const take = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const beside = args.includes('--beside-cargo-test') && args.splice(args.indexOf('--beside-cargo-test'), 1);
const book = path.resolve(take('--book') ?? '');
const rounds = Number(take('--rounds') ?? 1);
const suites = args.map((dir) => path.resolve(dir));
if (!fs.existsSync(path.join(book, 'index.html')) || suites.length === 0) {
  console.error('usage: node tools/bench-suite.mjs --book DIR [--rounds N] [--beside-cargo-test] SUITE_DIR...');
  process.exit(2);
}
for (let round = 1; round <= rounds; round++) {
  for (const suite of suites) {
    const env = { ...process.env, COURSE_BOOK_DIR: book };
    const runs = [measure(process.execPath, ['run.mjs'], { cwd: suite, env })];
    if (beside) {
      // As cargo xtask test runs it: the contract tests check the real site.
      const site = path.join(ROOT, 'target', 'browser');
      const cargoEnv = { ...env, COURSE_SITE_DIR: path.join(site, 'book'), COURSE_SITE_LOG: path.join(site, 'book-build.log') };
      runs.push(measure('cargo', ['test', '--locked', '--workspace'], { cwd: ROOT, env: cargoEnv }));
    }
    const results = await Promise.all(runs);
    const [browser, cargo] = results;
    const tests = /ℹ tests (\d+)/.exec(browser.output)?.[1] ?? '?';
    const failed = results.some((r) => r.status !== 0);
    let line = `round ${round} ${suite}: browser ${browser.wall.toFixed(1)} s wall, ${browser.cpu.toFixed(1)} core-s, ${tests} tests`;
    if (cargo) line += `; cargo test ${cargo.wall.toFixed(1)} s wall, ${cargo.cpu.toFixed(1)} core-s`;
    console.log(`${line}${failed ? ' FAILED' : ''}`);
    if (failed) {
      fs.writeFileSync(path.join(ROOT, 'target', `bench-failed-${round}.log`), results.map((r) => r.output).join('\n'));
    }
  }
}
