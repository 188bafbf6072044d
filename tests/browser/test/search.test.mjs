// Search finds every chapter of the book (its first page: a top-level page,
// or a folder's index; one of each title) by a word of its first heading,
// and its result links lead to that page under /course/.
// axe-core checks the search field with results shown, in both themes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstHeading, readPage, searchTerm } from '../lib/book.mjs';
import { newSession } from '../lib/browser.mjs';
import { axeProblems, setTheme, COLOUR_RULES, DARK, LIGHT } from '../lib/checks.mjs';
import { suite, assertNone } from '../lib/suite.mjs';

await suite(async ({ dir, browser, site, contentPages }) => {
  test('search finds a term from each chapter, and its results lead there', async () => {
    const problems = [];
    // Search from a page in a sub-folder, so the result links must climb.
    const from = contentPages.find((p) => p.includes('/')) ?? contentPages[0];
    const session = await newSession(browser, site);
    const page = session.page;
    await session.visit(from);
    await page.locator('#mdbook-search-toggle').click();
    const bar = page.locator('#mdbook-searchbar');
    await bar.waitFor();
    let clicked = false;
    // One search per chapter title: chapters of the same title (the copies
    // in tools/triple-book.mjs's book) would search for the same word.
    const titled = new Map();
    for (const p of contentPages.filter((p) => !p.includes('/') || p.endsWith('/index.html'))) {
      const title = firstHeading(readPage(dir, p));
      if (!titled.has(title)) titled.set(title, p);
    }
    const chapters = [...titled.values()];
    assert.ok(chapters.length >= 5, `only ${chapters.length} chapters: ${chapters}`);
    for (const target of chapters) {
      const term = searchTerm(dir, target, contentPages);
      if (!term) {
        problems.push(`${target}: its first heading "${firstHeading(readPage(dir, target))}" has no word to search for`);
        continue;
      }
      await bar.fill(term);
      await bar.press('End'); // the searcher listens to keyup
      const want = new URL(target, site.base).href;
      const found = await page
        .waitForFunction(
          (wanted) =>
            [...document.querySelectorAll('#mdbook-searchresults a')].some(
              (a) => a.href.split(/[?#]/)[0] === wanted,
            ),
          want,
          { timeout: 5000 },
        )
        .then(() => true)
        .catch(() => false);
      if (!found) {
        const shown = await page.$$eval('#mdbook-searchresults a', (as) =>
          as.map((a) => a.href.split(/[?#]/)[0]),
        );
        problems.push(`searching "${term}" does not list ${target}; it lists ${JSON.stringify(shown)}`);
      } else if (!clicked) {
        // axe-core on the search field and its results, in both themes.
        for (const [index, theme] of [LIGHT, DARK].entries()) {
          await setTheme(page, theme);
          const found = await axeProblems(page, '#mdbook-search-wrapper', index ? COLOUR_RULES : undefined);
          problems.push(...found.map((line) => `search results, ${theme}: ${line}`));
        }
        await setTheme(page, LIGHT);
        // Follow one result, as a reader would, and come back.
        clicked = true;
        const results = page.locator('#mdbook-searchresults a');
        const hrefs = await results.evaluateAll((as) => as.map((a) => a.href.split(/[?#]/)[0]));
        // Leaving a page cancels what it still loads (its favicon, say),
        // which the watch would count as failed: let each page finish first.
        await session.watch.settle(page);
        await results.nth(hrefs.indexOf(want)).click();
        await page.waitForURL((url) => url.href.split(/[?#]/)[0] === want);
        const heading = await page.locator('main h1').first().innerText();
        const expected = firstHeading(readPage(dir, target));
        if (heading.trim() !== expected) {
          problems.push(`following the result for "${term}" shows "${heading}", not "${expected}"`);
        }
        await session.watch.settle(page);
        await page.goto(site.base + from);
        await page.locator('#mdbook-search-toggle').click();
        await bar.waitFor();
      }
    }
    problems.push(...session.watch.problems());
    await session.close();
    assertNone(problems);
  });
});
