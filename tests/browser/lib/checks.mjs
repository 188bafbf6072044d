// The checks, each on one page of a served book, each returning the problems
// it found as readable lines (empty: the page passes). The tests in test/ run
// them over every page of the course; test/breakage.test.mjs runs them on a
// small book broken on purpose, to show that each one notices.

import { axe, FAILING } from './axe.mjs';
import { newSession } from './browser.mjs';

/** The themes mdBook ships; `light` is the course's default, `navy` its dark one. */
export const THEMES = ['light', 'rust', 'coal', 'navy', 'ayu'];
export const LIGHT = 'light';
export const DARK = 'navy';

/** The least contrast a figure's text may have with what is behind it. */
export const FIGURE_CONTRAST = 3;

/**
 * Shows `path` of the book in the session's page, brings every quiz into view
 * (a quiz loads its script only then; not with `quizzes: false`), and waits
 * until each has rendered and the network is quiet. Returns the problems with
 * the page or its quizzes.
 */
export async function show(session, path, { quizzes = true } = {}) {
  const problems = [];
  try {
    // setTheme may have asked for the dark scheme (on toc.html): undo it.
    await session.page.emulateMedia({ colorScheme: 'light' });
    const response = await session.visit(path);
    if (!response || !response.ok()) {
      problems.push(`the page itself failed: HTTP ${response?.status()}`);
    }
    if (quizzes) problems.push(...(await renderQuizzes(session.page, session.watch)));
    await session.watch.settle(session.page);
  } catch (error) {
    problems.push(`the page did not load: ${error.message}`);
  }
  return problems;
}

/**
 * Shows `path` for a check; with `reuse`, a page on show already (checkErrors
 * just loaded it) stays, and since its loading was reported then, the watch
 * starts anew.
 */
async function showFor(session, path, reuse, options) {
  if (reuse && session.page.url() === session.site.base + path) {
    session.watch.reset();
    return [];
  }
  return show(session, path, options);
}

/** Scrolls to each quiz and waits for mdbook-quiz to draw it. */
async function renderQuizzes(page, watch) {
  const problems = [];
  const count = await page.locator('.quiz-placeholder').count();
  for (let i = 0; i < count; i++) {
    const placeholder = page.locator('.quiz-placeholder').nth(i);
    const failed = () => watch.errors.length > 0;
    await placeholder.scrollIntoViewIfNeeded();
    // The quiz's script (1.4 MB) loads once the quiz is near, then draws
    // it. Wait for that, however slow the machine, unless the page has
    // reported an error (a quiz that cannot render rarely says so otherwise).
    let rendered = false;
    for (const start = Date.now(); Date.now() - start < 15000; ) {
      if ((await placeholder.locator('.mdbook-quiz').count()) > 0) {
        rendered = true;
        break;
      }
      if (failed()) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!rendered) {
      problems.push(`quiz ${i + 1} of ${count} did not render`);
      continue;
    }
    const text = await placeholder.innerText();
    if (/encountered a runtime error/.test(text)) {
      problems.push(`quiz ${i + 1} of ${count} shows mdbook-quiz's runtime error`);
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return problems;
}

/** The page loads with no JavaScript error and no failed request. */
export async function checkErrors(session, path, options) {
  const problems = await show(session, path, options);
  return [...problems, ...session.watch.problems()];
}

/**
 * axe-core finds no critical or serious violation, in each theme given: with
 * all its rules in the first theme, and with its colour rules in the others
 * (a theme changes colours only, so the other rules would find the same).
 * `exclude` (selectors) leaves parts out: the sidebar, the same on every
 * page, is checked on one page only, to save time (axe spends most of it on
 * the colour contrast of each sidebar entry).
 *
 * With `kinds` (a Map kept from page to page, see contrastByKind), the check
 * is the one each page gets: PAGE_RULES in the first theme, and
 * color-contrast in each theme on text of a kind no page before has shown.
 */
export async function checkAccessibility(
  session,
  path,
  themes,
  { exclude = [], reuse = false, only, skip, kinds } = {},
) {
  const problems = await showFor(session, path, reuse);
  // What a reader can unfold (speaker notes, in <details>) must read too;
  // axe-core skips what is hidden, so unfold it all first.
  await session.page.evaluate(() =>
    document.querySelectorAll('main details').forEach((details) => {
      details.open = true;
    }),
  );
  for (const [index, theme] of themes.entries()) {
    await setTheme(session.page, theme);
    const found = [];
    const run = async (rules) => found.push(...(await axeProblems(session.page, excluding(exclude), rules)));
    if (only || skip) {
      // `only` or `skip` name rules to run or leave out, in every theme.
      await run(only ?? { skip });
    } else if (kinds) {
      // A page's own content is all in <main>: axe takes half the time there.
      if (index === 0) found.push(...(await axeProblems(session.page, 'main', PAGE_RULES)));
      found.push(...(await contrastByKind(session.page, exclude, kinds, theme)));
    } else {
      if (index === 0) await run({ skip: COLOUR_RULES });
      await run(COLOUR_RULES);
    }
    problems.push(...found.map((line) => `${theme}: ${line}`));
  }
  return problems;
}

/** axe's context for the whole page but `selectors`. */
const excluding = (selectors) => (selectors.length ? { exclude: selectors.map((s) => [s]) } : undefined);

/** The axe-core rules whose result can depend on the theme. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * The axe-core rules that a page's own content (its Markdown, the HTML in
 * it, its quizzes as drawn) can break: every page runs these, on <main>.
 */
export const PAGE_RULES = [
  // Images, figures and other embedded things must have a name.
  'image-alt', 'input-image-alt', 'area-alt', 'object-alt', 'svg-img-alt', 'role-img-alt',
  'image-redundant-alt', 'server-side-image-map', 'frame-title', 'frame-title-unique',
  'frame-focusable-content', 'frame-tested', 'video-caption', 'no-autoplay-audio', 'blink', 'marquee',
  // Links, buttons and form fields (quizzes) must have a name and work by keyboard.
  'link-name', 'button-name', 'input-button-name', 'select-name', 'label', 'form-field-multiple-labels',
  'summary-name', 'nested-interactive', 'tabindex', 'accesskeys', 'scrollable-region-focusable',
  'autocomplete-valid', 'label-content-name-mismatch', 'label-title-only',
  // ARIA written by hand (figures) or by mdbook-quiz.
  'aria-allowed-attr', 'aria-allowed-role', 'aria-braille-equivalent', 'aria-command-name',
  'aria-conditional-attr', 'aria-deprecated-role', 'aria-dialog-name', 'aria-hidden-focus',
  'aria-input-field-name', 'aria-meter-name', 'aria-progressbar-name', 'aria-prohibited-attr',
  'aria-required-attr', 'aria-required-children', 'aria-required-parent', 'aria-roles',
  'aria-tab-name', 'aria-text', 'aria-toggle-field-name', 'aria-tooltip-name', 'aria-treeitem-name',
  'aria-valid-attr-value', 'aria-valid-attr', 'presentation-role-conflict', 'duplicate-id-aria',
  // Structure: headings, lists, tables, language.
  'heading-order', 'empty-heading', 'list', 'listitem', 'definition-list',
  'dlitem', 'td-headers-attr', 'th-has-data-cells', 'empty-table-header', 'scope-attr-valid',
  'table-duplicate-name', 'valid-lang', 'avoid-inline-spacing',
];

/** The blocks theme/a11y.js makes focusable while they scroll. */
const A11Y_SCROLLERS = 'main pre, main pre > code, main .table-wrapper';

/**
 * What print.html is checked for, as it holds every page's content: on a
 * 400-pixel-wide screen, every block that scrolls takes the focus, so that
 * the keyboard can scroll it (most code blocks scroll on a phone, few on a
 * wide screen, where each page is checked). Ids repeated across pages need
 * no check: mdBook numbers them apart in print.html.
 */
export async function checkPrintPage(session, path = 'print.html', { reuse = true } = {}) {
  const page = session.page;
  const problems = await showFor(session, path, reuse, { quizzes: false });
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 400, height: 800 });
  try {
    // theme/a11y.js marks the blocks that scroll on a frame after the resize
    // event, which a loaded machine may deliver late (the print page holds
    // the whole book): wait until every block it manages that scrolls is
    // marked (if it never is, axe says so below).
    await page
      .waitForFunction(
        (scrollers) =>
          [...document.querySelectorAll(scrollers)].every(
            (block) =>
              block.hasAttribute('tabindex') ||
              !(block.scrollWidth > block.clientWidth + 1 && getComputedStyle(block).overflowX !== 'visible'),
          ),
        A11Y_SCROLLERS,
        { timeout: 20000 },
      )
      .catch(() => {});
    const only = ['scrollable-region-focusable'];
    problems.push(...(await checkAccessibility(session, path, [LIGHT], { reuse: true, only })));
    return problems;
  } finally {
    await page.setViewportSize(wide);
  }
}

/**
 * The rules the theme decides (its layout, landmarks, buttons, link and text
 * colours): only the pages chosen per feature run them (lib/pages.mjs), and
 * color-contrast also runs per page on text of new kinds (contrastByKind).
 * link-in-text-block is about the theme's link colour. Every rule axe-core has
 * is in one list or the other (a test in lib/pages.mjs says so), so a new
 * axe-core cannot add a rule no page runs.
 */
export const THEME_RULES = [
  'color-contrast', 'link-in-text-block', 'region', 'bypass', 'skip-link',
  'landmark-banner-is-top-level', 'landmark-contentinfo-is-top-level', 'landmark-main-is-top-level',
  'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo', 'landmark-no-duplicate-main',
  'landmark-one-main', 'landmark-unique', 'html-has-lang', 'html-lang-valid',
  'html-xml-lang-mismatch', 'meta-viewport', 'meta-viewport-large', 'meta-refresh',
  'aria-hidden-body',
  // About the whole document, outside <main>, where the per-page run looks
  // (a page's title and first heading are the contract tests' too).
  'document-title', 'page-has-heading-one',
  // Off in axe-core's default run (disabled, deprecated or experimental).
  'target-size', 'identical-links-same-purpose', 'meta-refresh-no-exceptions',
  'landmark-complementary-is-top-level', 'color-contrast-enhanced', 'duplicate-id',
  'duplicate-id-active', 'aria-roledescription', 'audio-caption', 'css-orientation-lock',
  'focus-order-semantics', 'hidden-content', 'p-as-heading', 'table-fake-caption', 'td-has-header',
];

/** axe-core's critical and serious violations on the page as it is now. */
export async function axeProblems(page, context, rules) {
  const { violations } = await axe(page, context, rules);
  return failing(violations);
}

/** Readable lines for the critical and serious violations among `violations`. */
function failing(violations) {
  return violations
    .filter((violation) => FAILING.includes(violation.impact))
    .map((violation) => {
      // A target axe names by our own mark says little: show the element.
      const name = (node) => {
        const target = node.target.join(' ');
        return target.includes('data-course-') ? `${target} ${node.html.slice(0, 80)}` : target;
      };
      const targets = violation.nodes.slice(0, 3).map(name);
      const more = violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : '';
      return `${violation.impact} ${violation.id} (${violation.help}): ${targets.join(', ')}${more}`;
    });
}

/** Attributes that contrastByKind marks elements with. */
const KIND = 'data-course-kind';
const SAMPLE = 'data-course-sample';
const SAME = 'data-course-same';

/**
 * color-contrast on one element of each kind of text not met before, in
 * `kinds` (theme -> the kinds axe-core has judged). A kind is what the
 * contrast of text depends on: its colour, size, weight and shadow, and the
 * backgrounds and opacities under it (see markKinds). Most text on a page
 * is of kinds other pages showed, so axe checks little of it; new text (a
 * colour set by hand, a new element, a theme change) is checked where it
 * first shows. The rest is left out for axe (all the time the rule takes).
 * A kind's sample is its smallest element with text axe judges (axe skips
 * text of punctuation only), and SVG text is left to checkFigures (axe
 * never judges it). A kind counts as met only once axe has judged its sample; if it cannot,
 * every element of the kind on the page is checked instead, as without
 * sampling. In code blocks, which hold most samples, a sample axe cannot
 * judge is itself a problem.
 */
async function contrastByKind(page, exclude, kinds, theme) {
  if (!kinds.has(theme)) kinds.set(theme, new Set());
  const seen = kinds.get(theme);
  const fresh = await page.evaluate(markKinds, { seen: [...seen], exclude, attributes: [KIND, SAMPLE, SAME] });
  if (fresh.length === 0) return [];
  // Only the samples: axe spends long on a context that leaves out many elements.
  const context = { include: [[`[${SAMPLE}]`]], exclude: exclude.map((s) => [s]) };
  const { violations, incomplete, passes } = await axe(page, context, ['color-contrast'], { passes: true });
  const problems = failing(violations);
  // Which samples axe judged, and which it could not (with why).
  const nodes = (results, judged) =>
    results.flatMap((r) => r.nodes.map((n) => ({ target: n.target.join(' '), judged, why: n.any.map((c) => c.message).join('; ') })));
  const all = [...nodes(violations, true), ...nodes(passes, true), ...nodes(incomplete, false)];
  const where = await page.evaluate(
    ([targets, sample]) =>
      targets.map((t) => {
        const el = document.querySelector(t);
        return { sample: el?.getAttribute(sample) ?? null, code: Boolean(el?.closest('pre')) };
      }),
    [all.map((n) => n.target), SAMPLE],
  );
  const judged = new Set();
  all.forEach((node, i) => {
    const { sample, code } = where[i];
    if (sample !== null && node.judged) judged.add(Number(sample));
    if (!node.judged && code) problems.push(`color-contrast could not judge ${node.target}: ${node.why}`);
  });
  const unjudged = fresh.map((_, i) => i).filter((i) => !judged.has(i));
  if (unjudged.length > 0) {
    const again = { include: unjudged.map((i) => [`[${KIND}="${i}"]`]), exclude: exclude.map((s) => [s]) };
    problems.push(...failing((await axe(page, again, ['color-contrast'])).violations));
  }
  for (const i of judged) seen.add(fresh[i]);
  return problems;
}

/**
 * Runs in the page: gives each element that holds text of a kind not in
 * `seen` its kind's number, marks the first (smallest) of each such kind as
 * its sample, and every other element (of a kind seen, or not the sample)
 * as the same as one checked, unless it holds a sample. Returns the new
 * kinds, by number.
 */
function markKinds({ seen, exclude, attributes: [kindAttr, sampleAttr, sameAttr] }) {
  for (const a of [kindAttr, sampleAttr, sameAttr]) {
    document.querySelectorAll(`[${a}]`).forEach((el) => el.removeAttribute(a));
  }
  const known = new Set(seen);
  const left = exclude.map((s) => [...document.querySelectorAll(s)]).flat();
  const ownText = (el) =>
    [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
  // axe's color-contrast skips text that is only punctuation (its list,
  // copied from axe-core 4.14's getPunctuationRegExp): such an element gets
  // no result, so it must not be a kind's sample.
  const judgeable = (el) =>
    ownText(el).replace(/[\s\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&£¢¥§€()*+,\-.\/:;<=>?@\[\]^_`{|}~±]/g, '') !== '';
  // What a reader cannot see axe does not check: it must not stand for a
  // kind. Text in an inline SVG neither: axe never judges it (the <svg>
  // under it is an image to axe, so its result is always "incomplete");
  // checkFigures measures it, in every theme, on every page with a figure.
  // Smallest first, so that a sample holds little else.
  const candidates = [...document.body.querySelectorAll('*')]
    .filter(
      (el) =>
        ownText(el).trim() &&
        !el.closest('svg') &&
        !left.some((l) => l.contains(el)) &&
        el.checkVisibility({ visibilityProperty: true }),
    )
    .map((el) => [el, el.getElementsByTagName('*').length])
    .sort((a, b) => a[1] - b[1])
    .map(([el]) => el);
  // What is under an element, from it up: backgrounds and opacities, and
  // under the first opaque background only opacity. Kept per element, as
  // text elements share most of their ancestors.
  const chains = [new Map(), new Map()];
  const chain = (e, opaque) => {
    if (!e) return '';
    const known = chains[Number(opaque)].get(e);
    if (known !== undefined) return known;
    const s = getComputedStyle(e);
    const part = opaque ? s.opacity : [s.backgroundColor, s.backgroundImage, s.opacity].join(' ');
    const under = chain(e.parentElement, opaque || /^rgb\(/.test(s.backgroundColor));
    // A layer that paints nothing and fades nothing changes no contrast:
    // left out, so that text at other depths of the page is of one kind.
    const value = part === '1' || part === 'rgba(0, 0, 0, 0) none 1' ? under : `${part}|${under}`;
    chains[Number(opaque)].set(e, value);
    return value;
  };
  const kindOf = (el) => {
    const style = getComputedStyle(el);
    return [style.color, style.fontSize, style.fontWeight, style.textShadow, chain(el, false)].join('|');
  };
  const fresh = [];
  const marked = [];
  const samples = [];
  const same = [];
  // A kind's sample is its smallest element that axe can judge; elements of
  // a kind with none here are left for a page that has one (axe would give
  // them no result either).
  const keys = candidates.map(kindOf);
  const sampleable = new Set(keys.filter((key, i) => judgeable(candidates[i])));
  for (const [i, el] of candidates.entries()) {
    const key = keys[i];
    let index = fresh.indexOf(key);
    if (known.has(key) || !sampleable.has(key)) {
      same.push(el);
      continue;
    }
    if (index < 0 && judgeable(el)) {
      index = fresh.push(key) - 1;
      samples.push([el, index]);
    } else {
      same.push(el);
    }
    if (index >= 0) marked.push([el, index]);
  }
  // Marked only now: each change to the page would make the next
  // getComputedStyle work out every style again.
  for (const [el, index] of marked) el.setAttribute(kindAttr, String(index));
  for (const [el, index] of samples) el.setAttribute(sampleAttr, String(index));
  for (const el of same) {
    if (!samples.some(([sample]) => el.contains(sample))) el.setAttribute(sameAttr, '');
  }
  return fresh;
}

/**
 * Switches theme through mdBook's theme picker, without a reload. The
 * buttons are pressed from inside the page (no pointer moves, so it is
 * quick); checkThemePicker presses them as a reader would.
 */
export async function setTheme(page, theme) {
  if ((await page.locator('#mdbook-theme-toggle').count()) === 0) {
    // toc.html, mdBook's sidebar for readers without JavaScript, has no
    // picker: its colours follow the system's light or dark preference.
    await page.emulateMedia({ colorScheme: theme === 'light' ? 'light' : 'dark' });
    return;
  }
  const done = await page.evaluate((t) => {
    document.getElementById('mdbook-theme-toggle').click();
    document.getElementById(`mdbook-theme-${t}`).click();
    document.getElementById('mdbook-theme-toggle').click();
    return document.documentElement.classList.contains(t);
  }, theme);
  if (!done) throw new Error(`the theme picker did not switch to ${theme}`);
}

/**
 * The theme picker: its button opens the list, a choice changes the page's
 * colours and is remembered on the next page.
 */
export async function checkThemePicker(browser, site, path) {
  const problems = [];
  const session = await newSession(browser, site, { keepStorage: true });
  const page = session.page;
  problems.push(...(await show(session, path)));
  const background = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const before = await background();
  await page.locator('#mdbook-theme-toggle').click();
  if (!(await page.locator('#mdbook-theme-list').isVisible())) {
    problems.push('the theme button does not open the list of themes');
  }
  await page.locator(`#mdbook-theme-${DARK}`).click();
  const classes = await page.evaluate(() => document.documentElement.className);
  if (!classes.split(' ').includes(DARK) || classes.split(' ').includes(LIGHT)) {
    problems.push(`choosing ${DARK} leaves the page's classes at "${classes}"`);
  }
  const after = await background();
  if (after === before) {
    problems.push(`choosing ${DARK} leaves the background at ${before}`);
  }
  // A reload cancels what the page still loads: let it finish first.
  await session.watch.settle(page);
  await page.reload();
  const kept = await page.evaluate(() => document.documentElement.className);
  if (!kept.split(' ').includes(DARK)) {
    problems.push(`the choice of ${DARK} is forgotten on reload ("${kept}")`);
  }
  problems.push(...session.watch.problems());
  await session.close();
  return problems;
}

/**
 * In each theme given, the text of every inline SVG figure has a contrast of
 * at least FIGURE_CONTRAST with what is painted behind it: the shapes of the
 * figure under it, then the page.
 */
export async function checkFigures(session, path, themes, { reuse = false } = {}) {
  const problems = await showFor(session, path, reuse);
  for (const theme of themes) {
    await setTheme(session.page, theme);
    const found = await session.page.evaluate(measureFigureText, FIGURE_CONTRAST);
    problems.push(...found.map((line) => `${theme}: ${line}`));
  }
  return problems;
}

/** Runs in the page: the figure texts whose contrast is under `least`. */
function measureFigureText(least) {
  const problems = [];
  const parse = (css) => {
    const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(css.trim());
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
  };
  const luminance = ([r, g, b]) => {
    const c = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const over = (top, alpha, bottom) => top.map((v, i) => v * alpha + bottom[i] * (1 - alpha));
  // The opacity an SVG element is painted with: its own and its groups'.
  const opacity = (el) => {
    let value = 1;
    for (let e = el; e && e instanceof SVGElement; e = e.parentElement) {
      value *= Number(getComputedStyle(e).opacity);
    }
    return value;
  };
  const shapes = new Set(['rect', 'circle', 'ellipse', 'path', 'polygon', 'polyline']);
  const name = (text) => JSON.stringify(text.textContent.trim().slice(0, 40));
  const svgs = [...document.querySelectorAll('main svg')];
  svgs.forEach((svg, index) => {
    const figure = `figure ${index + 1} (${svg.getAttribute('aria-labelledby') || svg.id || 'svg'})`;
    for (const text of svg.querySelectorAll('text')) {
      if (!text.textContent.trim()) continue;
      const style = getComputedStyle(text);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const fill = parse(style.fill);
      if (!fill) {
        problems.push(`${figure}: text ${name(text)} is filled with ${style.fill}, not a colour`);
        continue;
      }
      text.scrollIntoView({ block: 'center', inline: 'center' });
      const box = text.getBoundingClientRect();
      const stack = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      const at = stack.findIndex((el) => el === text || text.contains(el));
      // The layers under the text, top first, down to the first opaque one.
      const layers = [];
      for (const el of stack.slice(at + 1)) {
        let colour;
        let alpha;
        if (el instanceof SVGElement) {
          if (!shapes.has(el.localName)) continue;
          const s = getComputedStyle(el);
          colour = parse(s.fill);
          if (!colour) {
            if (s.fill !== 'none') {
              problems.push(`${figure}: text ${name(text)} lies on a shape filled with ${s.fill}`);
            }
            continue;
          }
          alpha = colour[3] * Number(s.fillOpacity) * opacity(el);
        } else {
          colour = parse(getComputedStyle(el).backgroundColor);
          if (!colour) continue;
          alpha = colour[3];
        }
        if (alpha <= 0) continue;
        layers.push([colour.slice(0, 3), alpha]);
        if (alpha >= 1) break;
      }
      let background = [255, 255, 255];
      for (const [colour, alpha] of layers.reverse()) {
        background = over(colour, alpha, background);
      }
      const ink = over(fill.slice(0, 3), fill[3] * Number(style.fillOpacity) * opacity(text), background);
      const contrast = ratio(ink, background);
      if (contrast < least) {
        const rgb = (c) => `rgb(${c.map(Math.round).join(', ')})`;
        problems.push(
          `${figure}: text ${name(text)} in ${rgb(ink)} on ${rgb(background)} ` +
            `has contrast ${contrast.toFixed(2)}, under ${least}`,
        );
      }
    }
  });
  window.scrollTo(0, 0);
  return problems;
}

/** The Rust Playground's endpoint that Run calls. */
export const PLAYGROUND = 'https://play.rust-lang.org/evaluate.json';

/**
 * Fakes the playground for the session's page: page.route answers its
 * evaluate endpoint with "faked run N: ...", and the page still believes it
 * talks to play.rust-lang.org.
 */
async function fakePlayground(session) {
  if (session.runs) return session.runs;
  const runs = [];
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'content-type',
    'access-control-allow-methods': 'POST',
  };
  const answer = (body) => (route) =>
    route.request().method() === 'OPTIONS'
      ? route.fulfill({ status: 204, headers: cors })
      : route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: body(route.request()) });
  await session.page.route(
    PLAYGROUND,
    answer((request) => {
      const sent = request.postDataJSON();
      runs.push(sent);
      return JSON.stringify({ result: `faked run ${runs.length}: ${sent.code.length} bytes\n`, error: null });
    }),
  );
  session.watch.faked.add(`POST ${PLAYGROUND}`);
  session.runs = runs;
  return runs;
}

/**
 * With the playground faked, every runnable listing's play button sends the
 * listing's whole code, edition 2024, and shows the output that comes back.
 */
export async function checkPlayground(session, path, { reuse = false } = {}) {
  const page = session.page;
  const problems = await showFor(session, path, reuse);
  const runs = await fakePlayground(session);
  runs.length = 0;
  const blocks = page.locator('pre.playground');
  const count = await blocks.count();
  let pressed = 0;
  for (let i = 0; i < count; i++) {
    const block = blocks.nth(i);
    if (await block.locator('code.no_run').count()) continue;
    const button = block.locator('.play-button');
    const shown = await page
      .waitForFunction((b) => !b.hidden && !b.classList.contains('hidden'), await button.elementHandle(), {
        timeout: 5000,
      })
      .then(() => true)
      .catch(() => false);
    if (!shown) {
      problems.push(`listing ${i + 1}: its play button never shows`);
      continue;
    }
    // The button mid-screen, clear of the sticky menu bar, and the pointer
    // over it (the theme shows a block's buttons while it is hovered).
    await button.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await button.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await button.click();
    pressed++;
    const result = block.locator('.result');
    const answered = await page
      .waitForFunction(
        ([el, n]) => el.innerText.startsWith(`faked run ${n}:`),
        [await result.elementHandle({ timeout: 5000 }).catch(() => null), pressed],
        { timeout: 5000 },
      )
      .then(() => true)
      .catch(() => false);
    if (!answered) {
      const text = await result.innerText({ timeout: 1000 }).catch(() => '(no result block)');
      problems.push(`listing ${i + 1}: after pressing play it shows "${text}"`);
      continue;
    }
    const sent = runs[pressed - 1];
    const code = await block.locator('code').first().evaluate((el) => el.textContent);
    if (sent.edition !== '2024') problems.push(`listing ${i + 1}: sent edition ${sent.edition}`);
    // The whole listing, lines hidden on the page included.
    if (sent.code !== code || !sent.code.includes('fn main')) {
      problems.push(`listing ${i + 1}: sent code that is not the listing's: ${sent.code.slice(0, 80)}`);
    }
  }
  if (pressed === 0 && problems.length === 0) problems.push('no play button to press');
  problems.push(...session.watch.problems());
  // A route makes Playwright intercept every request of the page, on every
  // page it shows after this one: remove it.
  await page.unroute(PLAYGROUND);
  session.runs = null;
  return problems;
}

/**
 * Every quiz on the page takes a real answer (clicks and typing) to its first
 * question, right, and moves on to the next question (or its review).
 * With `full`, every question is answered: the first right, the second (if
 * any) wrong, the rest right, and the review must say exactly that; each
 * type of question gets this on one quiz (lib/pages.mjs), since the review is
 * mdbook-quiz's own, the same on every page. With `themes`, axe-core also
 * checks the quiz while a question is shown and at its review (full only).
 */
export async function checkQuizzes(session, path, { themes = [], reuse = false, full = false } = {}) {
  const page = session.page;
  const problems = await showFor(session, path, reuse);
  const count = await page.locator('.quiz-placeholder').count();
  for (let i = 0; i < count && problems.length === 0; i++) {
    const quiz = page.locator('.quiz-placeholder').nth(i);
    const where = `quiz ${i + 1} of ${count}`;
    try {
      const found = full ? await answerQuiz(page, quiz, themes) : await answerFirst(quiz);
      problems.push(...found.map((p) => `${where}: ${p}`));
    } catch (error) {
      problems.push(`${where}: ${error.message.split('\n')[0]}`);
    }
  }
  if (count === 0) problems.push('the page has no quiz');
  problems.push(...session.watch.problems());
  return problems;
}

/** Answers the first question right; the quiz must move on. */
async function answerFirst(quiz) {
  const questions = await quiz.evaluate((el) => JSON.parse(el.dataset.quizQuestions).questions);
  if (!Array.isArray(questions) || questions.length === 0) return ['has no questions'];
  await quiz.locator('button.start').click({ timeout: 5000 });
  const form = quiz.locator('form.response');
  await form.waitFor({ timeout: 5000 });
  await answer(quiz, form, questions[0], true);
  await form.locator('input[type=submit]').click();
  if (questions.length === 1) {
    await quiz.locator('.answer-wrapper').first().waitFor({ timeout: 5000 });
    const summary = await quiz.innerText();
    return summary.includes('You answered 1/1 questions correctly') ? [] : ['the review does not say "You answered 1/1"'];
  }
  const next = `2 / ${questions.length}`;
  const moved = await quiz
    .locator('.counter', { hasText: next })
    .waitFor({ timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  return moved ? [] : [`after question 1 answered right, the counter does not say "${next}"`];
}

async function answerQuiz(page, quiz, themes) {
  const problems = [];
  const questions = await quiz.evaluate((el) => JSON.parse(el.dataset.quizQuestions).questions);
  if (!Array.isArray(questions) || questions.length === 0) {
    return ['has no questions'];
  }
  await quiz.locator('button.start').click({ timeout: 5000 });
  const wrong = questions.length > 1 ? 1 : -1;
  for (const [n, question] of questions.entries()) {
    const form = quiz.locator('form.response');
    await form.waitFor({ timeout: 5000 });
    const counter = await quiz.locator('.counter').innerText();
    if (!counter.includes(`${n + 1} / ${questions.length}`)) {
      problems.push(`question ${n + 1}: the counter says "${counter}"`);
    }
    if (n === 0) {
      problems.push(...(await quizAxe(page, quiz, themes, 'a question')));
    }
    await answer(quiz, form, question, n !== wrong);
    await form.locator('input[type=submit]').click();
  }
  const review = quiz.locator('.answer-wrapper');
  await review.first().waitFor({ timeout: 5000 });
  const right = questions.length - (wrong >= 0 ? 1 : 0);
  const summary = await quiz.innerText();
  const expected = `You answered ${right}/${questions.length} questions correctly`;
  if (!summary.includes(expected)) {
    problems.push(`the review does not say "${expected}"`);
  }
  for (let n = 0; n < questions.length; n++) {
    const block = review.nth(n);
    const mark = (await block.locator('.incorrect').count()) > 0 ? 'Incorrect' : 'Correct';
    const shown = await block
      .locator(mark === 'Correct' ? '.correct' : '.incorrect')
      .first()
      .evaluate((el) => getComputedStyle(el, '::before').content)
      .catch(() => 'none');
    const want = n === wrong ? 'Incorrect' : 'Correct';
    if (mark !== want || !shown.includes(want)) {
      problems.push(`question ${n + 1} answered ${want.toLowerCase()}ly, but the review shows ${shown}`);
    }
  }
  problems.push(...(await quizAxe(page, quiz, themes, 'the review')));
  return problems;
}

async function quizAxe(page, quiz, themes, state) {
  const problems = [];
  for (const [index, theme] of themes.entries()) {
    await setTheme(page, theme);
    await quiz.scrollIntoViewIfNeeded();
    const rules = index === 0 ? undefined : COLOUR_RULES;
    const found = await axeProblems(page, '.quiz-placeholder', rules);
    problems.push(...found.map((line) => `${theme}, ${state}: ${line}`));
  }
  return problems;
}

/** Gives the question's right answer, or a wrong one, through the form. */
async function answer(quiz, form, question, right) {
  const { type, answer: key, prompt } = question;
  if (type === 'MultipleChoice') {
    const answers = Array.isArray(key.answer) ? key.answer : [key.answer];
    const picks = right ? answers : [prompt.distractors[0]];
    for (const value of picks) {
      await form.locator(`input[value="${cssEscape(value)}"]`).check();
    }
  } else if (type === 'ShortAnswer') {
    await form.locator('input[type=text], textarea').first().fill(right ? key.answer : `not ${key.answer}`);
  } else if (type === 'Tracing') {
    // mdbook-quiz 0.5.0 asks for the output only of a program that compiles.
    const compiles = right ? key.doesCompile : !key.doesCompile;
    await form.locator(`input[name=doesCompile][value=${compiles}]`).check();
    if (compiles) {
      await form.locator('textarea').fill(right ? key.stdout : `${key.stdout ?? ''}\nnot this`);
    }
  } else {
    throw new Error(`question type ${type} is not one the tests can answer`);
  }
}

function cssEscape(value) {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ');
}
