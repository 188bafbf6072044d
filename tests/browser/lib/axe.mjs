// axe-core, run inside the page.

import { createRequire } from 'node:module';
import { TEST_PATH } from './server.mjs';

const require = createRequire(import.meta.url);

/** The axe-core script, for `serve(dir, AXE_SCRIPT)`. */
export const AXE_SCRIPT = { 'axe.min.js': require.resolve('axe-core/axe.min.js') };

/** The impacts that fail a page. */
export const FAILING = ['critical', 'serious'];

/**
 * Runs axe-core on the page as it is now; returns its violations and what it
 * could not judge (`incomplete`), each with every node, and with `passes`
 * what passed. `rules`:
 * none for all rules, a list of rule ids to run only those, or { skip: ids }
 * to run all others. `context` is axe's: a selector, or { include, exclude }.
 */
export async function axe(page, context, rules, { passes = false } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ url: `${TEST_PATH}axe.min.js` });
  }
  const results = await page.evaluate(
    ([ctx, rules, passes]) => {
      const options = { resultTypes: ['violations', 'incomplete', ...(passes ? ['passes'] : [])] };
      if (Array.isArray(rules)) {
        options.runOnly = { type: 'rule', values: rules };
      } else if (rules) {
        options.rules = Object.fromEntries(rules.skip.map((id) => [id, { enabled: false }]));
      }
      return window.axe.run(ctx ?? document, options);
    },
    [context ?? null, rules ?? null, passes],
  );
  return { violations: results.violations, incomplete: results.incomplete, passes: results.passes };
}
