// Debian's Chromium, driven by playwright-core, and a watch on each page for
// JavaScript errors and failed requests.

import fs from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser; COURSE_CHROMIUM overrides it. */
export const CHROMIUM = process.env.COURSE_CHROMIUM || '/usr/bin/chromium';
export const INSTALL = 'apt-get install -y chromium chromium-driver';

/** How Chromium is started: headless, offline, with a new, empty profile. */
function launchOptions() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the browser tests need it. ` +
        `Install it with \`${INSTALL}\` (as root; .ci/run does this).`,
    );
  }
  // playwright-core starts the browser with a fresh temporary profile and
  // never downloads one of its own. Without the background-networking flags
  // Chromium keeps dialling Google services, which a closed network refuses.
  // The host rule makes every other site unreachable, so that the tests run
  // offline the same way on any machine (checkPlayground fakes the playground).
  return {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  };
}

/**
 * The browser for one test file. run.mjs starts one Chromium for all the
 * files (starting it costs more than most tests) and names it in
 * COURSE_BROWSER_WS; a file run on its own starts its own. Fails, never
 * skips, without Chromium.
 */
export async function launch() {
  const shared = process.env.COURSE_BROWSER_WS;
  return shared ? chromium.connect(shared) : chromium.launch(launchOptions());
}

/** Starts the Chromium that run.mjs shares between the test files. */
export function launchServer() {
  return chromium.launchServer(launchOptions());
}

/**
 * A browser context (empty cache and storage) with one page in it, watched
 * from its first request. Unless `keepStorage`, each page starts with an
 * empty localStorage: it opens in the book's default theme, and its quizzes
 * hold no answers from an earlier page.
 */
export async function newSession(browser, site, { keepStorage = false, viewport } = {}) {
  const context = await browser.newContext({
    colorScheme: 'light',
    viewport: viewport ?? { width: 1280, height: 900 },
  });
  if (!keepStorage) {
    await context.addInitScript(() => {
      try {
        window.localStorage.clear();
      } catch {}
    });
  }
  const page = await context.newPage();
  // Fail in seconds, not Playwright's 30: a page of this book is small.
  page.setDefaultTimeout(10000);
  const watch = new Watch(page, site);
  return {
    site,
    context,
    page,
    watch,
    /**
     * Goes to `path` of the book, watching only what this visit does: it
     * lets the page before finish its requests first (leaving would cancel
     * them), and returns once the new page has loaded and gone quiet.
     */
    async visit(path) {
      await watch.settle(page).catch(() => {});
      watch.reset();
      const response = await page.goto(site.base + path, { waitUntil: 'load' });
      // mdBook fades some colours over up to 0.5 s when the theme changes:
      // the checks measure the colours a reader ends up with, at once.
      await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
      await watch.settle(page);
      return response;
    },
    close: () => context.close(),
  };
}

/** Everything that went wrong on a page, as readable lines. */
export class Watch {
  constructor(page, site) {
    this.site = site;
    /** Requests to other sites that a test answers itself (`page.route`). */
    this.faked = new Set();
    this.reset();
    page.on('pageerror', (error) => this.errors.push(error));
    page.on('console', (message) => {
      // Highlight.js only warns when a code block names a language it
      // lacks (see tests/browser/tools/trim-highlight.mjs): count it.
      const unknownLanguage = /^Could not find the language/.test(message.text());
      if (message.type() === 'error' || unknownLanguage) {
        this.consoleErrors.push({ text: message.text(), url: message.location().url });
      }
    });
    page.on('request', (request) => {
      this.inflight++;
      this.lastChange = Date.now();
      const url = new URL(request.url());
      if (/^https?:$/.test(url.protocol) && url.origin !== site.origin) {
        this.offsite.push(`${request.method()} ${request.url()}`);
      }
    });
    const done = () => {
      this.inflight = Math.max(0, this.inflight - 1);
      this.lastChange = Date.now();
    };
    page.on('response', (response) => {
      if (response.status() >= 400) {
        const request = response.request();
        this.failed.push({ method: request.method(), url: request.url(), text: `HTTP ${response.status()}` });
      }
    });
    page.on('requestfinished', done);
    page.on('requestfailed', (request) => {
      done();
      this.failed.push({
        method: request.method(),
        url: request.url(),
        text: request.failure()?.errorText ?? 'failed',
      });
    });
  }

  reset() {
    this.errors = [];
    this.failed = [];
    this.offsite = [];
    this.consoleErrors = [];
    this.inflight = 0;
    this.lastChange = Date.now();
  }

  /** Waits until no request has been in flight for `quiet` ms. */
  async settle(page, { quiet = 50, timeout = 15000 } = {}) {
    const start = Date.now();
    for (;;) {
      if (this.inflight <= 0 && Date.now() - this.lastChange >= quiet) return;
      if (Date.now() - start > timeout) {
        throw new Error(`${page.url()}: requests still in flight after ${timeout} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * The problems seen since the last reset. Nothing is forgiven: a page of
   * the book asks no other host for anything (theme/head.hbs answers the
   * playground's crate list in the page), only Run does.
   */
  problems() {
    const problems = [];
    for (const f of this.failed) {
      problems.push(`failed request: ${f.method} ${f.url}: ${f.text}`);
    }
    for (const request of this.offsite) {
      if (!this.faked.has(request)) {
        problems.push(`request to another site (the book must work offline): ${request}`);
      }
    }
    for (const error of this.errors) {
      problems.push(`JavaScript error: ${error.stack || error.message}`);
    }
    for (const message of this.consoleErrors) {
      // Chromium also logs each failed request to the console: those are
      // reported above, once, as failed requests.
      if (/^Failed to load resource/.test(message.text)) continue;
      problems.push(`console error: ${message.text}${message.url ? ` (${message.url})` : ''}`);
    }
    return problems;
  }
}
