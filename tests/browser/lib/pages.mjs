// Every page of the book, visited once, as a reader would, in one tab (its
// cache starts empty; failed requests are never cached, so each page shows
// its own). For each page, served under /course/, quizzes drawn:
// - it loads with no JavaScript error and no failed request for a file of
//   the book, and no request to another host (lib/browser.mjs);
// - axe-core finds no critical or serious violation: PAGE_RULES on <main>
//   in the light theme, and color-contrast in light and navy on
//   text of the kinds no page before it in this file showed (a kind: what
//   contrast depends on; see checkAccessibility's `kinds`). One page per
//   feature (FEATURES), and toc.html, get every rule on every element in
//   light and navy instead. theme/a11y.css and theme/a11y.js are what make
//   mdBook pass;
// - the text of every inline SVG figure stands out from what is painted
//   behind it (contrast of at least 3), in all five themes;
// - every quiz takes real clicks and typing on its first question; one quiz
//   per question type is answered in full, and its review shows right and
//   wrong feedback where it should;
// - with the playground faked, every play button runs its listing.
// The checks themselves are in lib/checks.mjs; test/breakage.test.mjs shows
// that each catches what it is for. The pages are shared out between
// test/pages-1.test.mjs to test/pages-4.test.mjs, which run side by side.

import { createRequire } from 'node:module';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mainHtml, readPage } from './book.mjs';
import { newSession } from './browser.mjs';
import {
  checkAccessibility,
  checkErrors,
  checkFigures,
  checkPlayground,
  checkPrintPage,
  checkQuizzes,
  DARK,
  FIGURE_CONTRAST,
  LIGHT,
  PAGE_RULES,
  THEME_RULES,
  THEMES,
} from './checks.mjs';
import { checkPrint } from './print.mjs';
import { suite, assertNone } from './suite.mjs';

/**
 * COURSE_AXE_FULL=1 runs axe-core as an outside auditor would: every rule,
 * on the whole of every page, in all five themes (several times slower).
 */
const FULL = Boolean(process.env.COURSE_AXE_FULL);

/** Declares the tests of every `shards`-th page, from the `shard`-th (0-based). */
export async function registerPages(shard, shards) {
  await suite((book) => pagesSuite(book, shard, shards));
}

async function pagesSuite({ dir, browser, site, pages, contentPages }, shard, shards) {
  // Set up before any test is declared: the runner ends the file as soon as
  // the tests declared so far have run.
  const session = await newSession(browser, site);

  const has = (path, pattern) => pattern.test(mainHtml(readPage(dir, path)));
  const withQuiz = contentPages.filter((p) => has(p, /class="quiz-placeholder"/));
  const withFigures = contentPages.filter((p) => has(p, /<svg[\s>]/));
  const runnable = contentPages.filter((p) => has(p, /class="playground"/));
  if (shard === 0) {
    test('the book has quizzes, figures and runnable listings to check', () => {
      assert.ok(withQuiz.length > 0, 'no page holds a quiz');
      assert.ok(withFigures.length > 0, 'no page holds an inline SVG figure');
      assert.ok(runnable.length > 0, 'no page holds a runnable listing');
    });
    test('every axe-core rule runs on every page or on the pages chosen per feature', () => {
      // A rule added by a new axe-core must be put in one list or the other.
      const known = new Set([...PAGE_RULES, ...THEME_RULES]);
      const rules = createRequire(import.meta.url)('axe-core').getRules().map((r) => r.ruleId);
      assertNone(rules.filter((id) => !known.has(id)).map((id) => `${id} is in neither PAGE_RULES nor THEME_RULES (lib/checks.mjs)`));
    });
    test('every quiz has a name of its own', () => {
      // mdbook-quiz keeps a reader's answers (cache_answers) in localStorage
      // under the quiz's name, its file name without .toml: two quizzes of
      // one name overwrite each other's answers.
      const owners = new Map();
      for (const path of withQuiz) {
        for (const [, name] of readPage(dir, path).matchAll(/data-quiz-name="&quot;(.*?)&quot;"/g)) {
          owners.set(name, [...(owners.get(name) ?? []), path]);
        }
      }
      const shared = [...owners].filter(([, paths]) => paths.length > 1);
      assertNone(
        shared.map(([name, paths]) => `"${name}" (${name}.toml) is the name of the quizzes of ${paths.join(', ')}`),
        'rename the quiz files apart, e.g. quiz-<chapter>.toml',
      );
    });
  }

  // The first page with a quiz of each question type gets every question answered.
  const fullQuiz = new Map();
  for (const path of withQuiz) {
    for (const [, type] of readPage(dir, path).matchAll(/&quot;type&quot;:&quot;(\w+)&quot;/g)) {
      if (![...fullQuiz.values()].flat().includes(type)) fullQuiz.set(path, [...(fullQuiz.get(path) ?? []), type]);
    }
  }
  // The first quiz also gets axe-core: it must be one answered in full.
  if (withQuiz.length && !fullQuiz.has(withQuiz[0])) fullQuiz.set(withQuiz[0], []);

  // axe-core in full (every rule, the whole page, code unsampled) on one page
  // per feature; every other page gets the per-page check, which finds what
  // a page's own content can break (checkAccessibility's `kinds`).
  const exemplars = FULL ? new Map() : featurePages(contentPages, (p) => mainHtml(readPage(dir, p)));
  // The kinds of text axe has judged, in this tab: each file learns its own.
  const kinds = new Map();
  const all = [...pages, 'toc.html'];
  // The sidebar is the same on every page: axe checks it on the first page
  // in full and on toc.html (the sidebar without JavaScript) only.
  const sidebarPage = exemplars.size ? [...exemplars.keys()][0] : pages[0];

  for (const [index, path] of all.entries()) {
    if (index % shards !== shard) continue;
    test(path, async (t) => {
      await t.test('loads with no error and no failed request', async () => {
        assertNone(await checkErrors(session, path, { quizzes: FULL || path !== 'print.html' }));
      });
      if (path === 'print.html') {
        await t.test('holds every chapter, in order (read from the built files)', () => {
          assertNone(checkPrint(dir));
        });
      }
      const exclude = FULL || path === sidebarPage || path === 'toc.html' ? [] : ['#mdbook-sidebar'];
      const what = exclude.length ? ' (sidebar left out: checked on the first page)' : '';
      if (FULL) {
        await t.test('passes axe-core, every rule, in every theme', async () => {
          const themes = [LIGHT, ...THEMES.filter((theme) => theme !== LIGHT)];
          const problems = [];
          for (const theme of themes) {
            problems.push(...(await checkAccessibility(session, path, [theme], { reuse: true })));
          }
          assertNone(problems);
        });
      } else if (path === 'print.html') {
        // Every page's content again, in the same styles, checked page by
        // page; the scrolling blocks are checked here, on a phone's screen.
        // Its quizzes are left undrawn (each is drawn and answered on its own
        // page).
        await t.test('on a 400-pixel-wide screen, every scrolling block takes the focus', async () => {
          assertNone(await checkPrintPage(session));
        });
      } else if (exemplars.has(path) || path === 'toc.html') {
        const why = exemplars.has(path) ? `, as the page with ${exemplars.get(path).join(', ')}` : '';
        await t.test(`passes axe-core in ${LIGHT} and ${DARK}, every rule${why}${what}`, async () => {
          assertNone(await checkAccessibility(session, path, [LIGHT, DARK], { exclude, reuse: true }));
        });
      } else {
        await t.test(`passes axe-core in ${LIGHT} and ${DARK}, text of new kinds only for contrast${what}`, async () => {
          assertNone(await checkAccessibility(session, path, [LIGHT, DARK], { exclude, reuse: true, kinds }));
        });
      }
      if (withFigures.includes(path)) {
        await t.test(`its figures read in every theme (contrast >= ${FIGURE_CONTRAST})`, async () => {
          assertNone(await checkFigures(session, path, THEMES, { reuse: true }));
        });
      }
      if (withQuiz.includes(path)) {
        // Every question answered on the first quiz of each question type,
        // and axe-core on the first quiz with a question shown and at its
        // review (the quiz looks the same on every page); elsewhere each
        // quiz's first question.
        const full = FULL || fullQuiz.has(path);
        const themes = path === withQuiz[0] ? [LIGHT, DARK] : [];
        const axe = themes.length ? `, and pass axe-core in ${LIGHT} and ${DARK}` : '';
        const name = full
          ? `its quizzes take every answer and grade it${fullQuiz.get(path)?.length ? `, as the page with ${fullQuiz.get(path).join(', ')}` : ''}${axe}`
          : 'its quizzes take an answer to their first question';
        await t.test(name, async () => {
          assertNone(await checkQuizzes(session, path, { themes, reuse: true, full }));
        });
      }
      if (runnable.includes(path)) {
        await t.test('its play buttons run their listings', async () => {
          assertNone(await checkPlayground(session, path, { reuse: true }));
        });
      }
    });
  }

}

/**
 * What a page can hold that the theme styles: each feature's first page
 * (in `pages`' order) gets axe-core in full, and so does the first page that
 * holds none of them. Returns page -> the features it stands for.
 */
export const FEATURES = {
  'a quiz': /class="quiz-placeholder"/,
  'an SVG figure': /<svg[\s>]/,
  'a runnable listing': /class="playground"/,
  'code': /<pre[\s>]/,
  'a table': /<table[\s>]/,
  'speaker notes': /class="speaker-notes"/,
  'an image': /<img[\s>]/,
  'a quotation': /<blockquote[\s>]/,
};

export function featurePages(pages, html) {
  const chosen = new Map();
  const add = (page, feature) => chosen.set(page, [...(chosen.get(page) ?? []), feature]);
  const has = new Map(pages.map((p) => [p, Object.keys(FEATURES).filter((f) => FEATURES[f].test(html(p)))]));
  for (const feature of Object.keys(FEATURES)) {
    const page = pages.find((p) => has.get(p).includes(feature));
    if (page) add(page, feature);
  }
  const plain = pages.find((p) => has.get(p).length === 0);
  if (plain) add(plain, 'none of these');
  return chosen;
}
