// The theme picker switches theme, and the choice is kept on the next page
// load. (pages.test.mjs checks the figures and axe-core in the themes.)

import { test } from 'node:test';
import { checkThemePicker } from '../lib/checks.mjs';
import { suite, assertNone } from '../lib/suite.mjs';

await suite(async ({ browser, site, contentPages }) => {
  test('the theme picker switches theme and remembers it', async () => {
    assertNone(await checkThemePicker(browser, site, contentPages[0]));
  });
});
