// The site as a static host serves it under /course/ (built by `cargo xtask
// site`, which `cargo xtask test` runs): an address that is not a page gets
// the book's own 404 page, whole, from any depth; and the listings archive
// that the introduction offers is there to download.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newSession } from '../lib/browser.mjs';
import { suite, assertNone } from '../lib/suite.mjs';

await suite(async ({ browser, site }) => {
  // One tab for both tests, as a reader would have.
  const session = await newSession(browser, site);
  test.after(() => session.close());

  test('a missing page, however deep, shows the 404 page with its styles, and it leads back', async () => {
    const missing = `${site.base}no/such/chapter/page.html`;
    const response = await session.visit('no/such/chapter/page.html');
    assert.equal(response.status(), 404);
    const page = session.page;
    assert.equal(await page.locator('main h1').first().innerText(), 'Page not found');
    // Its stylesheets came from the top of the site (site-url), not from
    // /course/no/such/chapter/, where there is nothing.
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the 404 page has no styles');
    // The one failed request is the missing page itself.
    const problems = session.watch.problems().filter((p) => p !== `failed request: GET ${missing}: HTTP 404`);
    assertNone(problems);
    await page.locator('main a', { hasText: 'introduction' }).click();
    await page.waitForURL(`${site.base}index.html`);
  });

  test('the introduction links to the listings archive, and it downloads', async () => {
    await session.visit('index.html');
    const link = session.page.locator('main a[href$="listings.tar.gz"]');
    assert.equal(await link.count(), 1, 'the introduction has no link to listings.tar.gz');
    const href = await link.evaluate((a) => a.href);
    assert.equal(href, `${site.base}listings.tar.gz`);
    const download = await session.page.request.get(href);
    assert.equal(download.status(), 200);
    const body = await download.body();
    // A gzip stream; the contract tests unpack and build it.
    assert.deepEqual([...body.subarray(0, 2)], [0x1f, 0x8b], 'listings.tar.gz is not gzip');
  });
});
