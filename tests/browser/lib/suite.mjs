// What every test file starts with: the built book, served on loopback under
// /course/, and a Chromium to look at it with. If either cannot start, the
// file fails with one test that says why (for Chromium: how to install it).

import { after, test } from 'node:test';
import { bookDir, pages, contentPages } from './book.mjs';
import { AXE_SCRIPT } from './axe.mjs';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

/**
 * Runs `register(book)` to declare the file's tests, where `book` holds the
 * built book's folder, its pages, the server and the browser. `register`
 * must finish its own awaiting before it declares a test: once the declared
 * tests have run, the runner closes the browser.
 */
export async function suite(register) {
  let book;
  try {
    const dir = bookDir();
    const browser = await launch();
    const site = await serve(dir, AXE_SCRIPT);
    book = { dir, browser, site, pages: pages(dir), contentPages: contentPages(dir) };
  } catch (error) {
    test('the book is built and Chromium starts', () => {
      throw error;
    });
    return;
  }
  after(async () => {
    await book.browser.close();
    await book.site.close();
  });
  await register(book);
}

/** Fails the test with every problem, one a line, if there is any. */
export function assertNone(problems, what = '') {
  if (problems.length > 0) {
    const head = what ? `${what}: ` : '';
    throw new Error(`${head}${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
}
