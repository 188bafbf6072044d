// The checks catch what they are for. A small book (../fixtures/book/, built with the
// course's own book.toml and theme/) gets pages broken on purpose: a script
// error, a request to another host, quizzes that cannot render, an image,
// an SVG figure or a link without a name, a block that scrolls only on a phone, text, code or a figure whose text cannot
// be read (text of a kind no page before showed, in one theme or both), code
// whose colour axe-core cannot judge. Each check must pass the fixture's sound
// pages and fail each broken one, naming the fault.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AXE_SCRIPT } from '../lib/axe.mjs';
import { ROOT, buildBook, pages } from '../lib/book.mjs';
import { launch, newSession } from '../lib/browser.mjs';
import {
  checkAccessibility,
  checkErrors,
  checkFigures,
  checkPlayground,
  checkQuizzes,
  DARK,
  LIGHT,
  checkPrintPage,
} from '../lib/checks.mjs';
import { serve } from '../lib/server.mjs';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'book');

/** A sound quiz of one question; mdbook-quiz gives it an id as it builds. */
const QUIZ = `[[questions]]
type = "MultipleChoice"
prompt.prompt = "Which of these is a Rust keyword?"
prompt.distractors = ["\`def\`"]
answer.answer = "\`fn\`"
context = "Rust writes \`fn\`."
`;

/** Pages added to the fixture, each with one fault. */
const BROKEN = {
  'broken/script-error.md': `# A script error

<script>window.courseNoSuchFunction();</script>
`,
  'broken/offsite.md': `# A page that asks another host

<img src="https://example.com/dot.svg" alt="A dot from elsewhere">
`,
  'broken/no-alt.md': `# An image without alt text

<img src="dot.svg">
`,
  'broken/dot.svg': `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
`,
  // Their quiz data is broken after the build (see breakQuiz).
  'broken/quiz-data.md': `# A quiz whose data is not JSON

{{#quiz quiz-data.toml}}
`,
  'broken/quiz-data.toml': QUIZ,
  'broken/quiz-type.md': `# A quiz with a question type mdbook-quiz lacks

{{#quiz quiz-type.toml}}
`,
  'broken/quiz-type.toml': QUIZ,
  // One string, after many tokens of other kinds, in a colour that cannot
  // be read: checking one token of each kind (checkAccessibility's kinds) must
  // not miss it.
  'broken/code-colour.md': `# A code token that cannot be read

<style>.hljs-string { color: #fdfdfd !important; }</style>

\`\`\`rust,noplayground
fn main() {
    let one = 1;
    let two = one + 1;
    let three = two + 1;
    println!("{three}");
}
\`\`\`
`,
  // A token axe-core cannot judge (text on a gradient) cannot stand for
  // its kind: sampling must say so rather than pass it.
  'broken/code-unjudged.md': `# A code token on a gradient

<style>.hljs-number { background-image: linear-gradient(#ffffff, #e0e0e0); }</style>

\`\`\`rust,noplayground
const ANSWER: u32 = 42;
\`\`\`
`,
  // Text of a kind the sound pages never showed, set by hand: light grey on
  // white, and dark grey that reads in light but not in navy. The per-page
  // check skips text of kinds other pages showed; these it must check.
  'broken/text-colour.md': `# Text whose colour cannot be read

A sound paragraph, of a kind the demo page showed.

<p style="color: #f4f4f4">A paragraph in light grey on white.</p>
`,
  // A new kind whose smallest element is punctuation only, which axe-core
  // gives no result for: the kind's sample must be the words, and fail.
  'broken/text-colour-punctuation.md': `# Text whose first element is punctuation

<p><span style="color: #f2f2f2">$</span> and then <span style="color: #f2f2f2">words in light grey on white</span>.</p>
`,
  'broken/text-colour-dark.md': `# Text that cannot be read in the dark theme

<p style="color: #2a2a2a">A paragraph in dark grey: it reads on white, not on navy.</p>
`,
  'broken/no-link-name.md': `# A link without a name

A link to <a href="../demo/index.html"></a> nowhere a reader can tell.
`,
  // A block that scrolls on a phone only, and that the keyboard cannot
  // scroll (theme/a11y.js makes code blocks and tables focusable, not this):
  // the page passes on a wide screen; print.html on a narrow one must not.
  'broken/narrow-scroll.md': `# A block that scrolls on a phone

<div style="overflow-x: auto"><p style="width: 600px; margin: 0">A line of text wider than a phone's screen, in a box that scrolls.</p></div>
`,
  'broken/svg-no-name.md': `# A figure without a name

<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img"><circle cx="5" cy="5" r="4"/></svg>
`,
  'broken/figure.md': `# A figure with white text

<figure class="diagram">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 30" role="img" aria-labelledby="bk-title">
<title id="bk-title">White text</title>
<text x="10" y="20" fill="#ffffff">invisible</text>
</svg>
</figure>
`,
};

/** Builds the fixture book with the broken pages into a new temp folder. */
function buildFixture() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'course-fixture-'));
  fs.copyFileSync(path.join(ROOT, 'book.toml'), path.join(root, 'book.toml'));
  fs.cpSync(path.join(ROOT, 'theme'), path.join(root, 'theme'), { recursive: true });
  fs.cpSync(FIXTURE, root, { recursive: true });
  for (const [file, text] of Object.entries(BROKEN)) {
    fs.mkdirSync(path.dirname(path.join(root, 'src', file)), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', file), text);
  }
  const pagesMd = Object.keys(BROKEN).filter((f) => f.endsWith('.md'));
  fs.appendFileSync(
    path.join(root, 'src', 'SUMMARY.md'),
    `- [Broken](broken/script-error.md)\n${pagesMd
      .slice(1)
      .map((f) => `  - [${f}](${f})\n`)
      .join('')}`,
  );
  const out = path.join(root, 'book');
  buildBook(root, out);
  breakQuiz(path.join(out, 'broken/quiz-data.html'), () => '{&quot;questions&quot;: [');
  breakQuiz(path.join(out, 'broken/quiz-type.html'), (json) =>
    json.replace(/&quot;type&quot;:&quot;MultipleChoice&quot;/, '&quot;type&quot;:&quot;Riddle&quot;'),
  );
  return { root, out };
}

/** Rewrites the data-quiz-questions attribute of the page's quiz. */
function breakQuiz(file, change) {
  const html = fs.readFileSync(file, 'utf8');
  const broken = html.replace(/data-quiz-questions="([^"]*)"/, (_, json) => {
    const changed = change(json);
    assert.notEqual(changed, json, `${file}: the quiz data did not change`);
    return `data-quiz-questions="${changed}"`;
  });
  assert.notEqual(broken, html, `${file}: no quiz data to break`);
  fs.writeFileSync(file, broken);
}

let fixture;
let browser;
let site;
try {
  fixture = buildFixture();
  browser = await launch();
  site = await serve(fixture.out, AXE_SCRIPT);
} catch (error) {
  test('the fixture book is built and Chromium starts', () => {
    throw error;
  });
}

/** Asserts that some problem matches `pattern`, and shows them all if not. */
function assertFound(problems, pattern) {
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `expected a problem matching ${pattern}; got:\n  ${problems.join('\n  ') || '(none)'}`,
  );
}

if (site) {
  // One tab for the checks, as in the course's own tests.
  const session = await newSession(browser, site);

  test.after(async () => {
    await browser.close();
    await site.close();
    fs.rmSync(fixture.root, { recursive: true, force: true });
  });

  test('the fixture has the pages the breakage tests need', () => {
    const built = pages(fixture.out);
    for (const page of ['demo/index.html', 'demo/quiz.html', 'broken/script-error.html']) {
      assert.ok(built.includes(page), `${page} is not in ${built.join(', ')}`);
    }
  });

  test('the sound pages of the fixture pass the same checks', async () => {
    // A runnable listing, a figure and a quiz, in the course's theme.
    assert.deepEqual(await checkErrors(session, 'demo/index.html'), []);
    assert.deepEqual(await checkAccessibility(session, 'demo/index.html', [LIGHT, DARK]), []);
    const sampled = { reuse: true, kinds: new Map() };
    assert.deepEqual(await checkAccessibility(session, 'demo/index.html', [LIGHT, DARK], sampled), []);
    assert.deepEqual(await checkFigures(session, 'demo/index.html', [LIGHT, DARK]), []);
    assert.deepEqual(await checkQuizzes(session, 'demo/quiz.html', { full: true }), []);
    assert.deepEqual(await checkQuizzes(session, 'demo/quiz.html'), []);
    assert.deepEqual(await checkPrintPage(session, 'demo/index.html'), []);
    assert.deepEqual(await checkPlayground(session, 'demo/index.html', { reuse: true }), []);
  });

  test('a page that asks another host for anything fails the error check', async () => {
    const problems = await checkErrors(session, 'broken/offsite.html');
    assertFound(problems, /request to another site .*: GET https:\/\/example\.com\/dot\.svg/);
  });

  test('a page with a JavaScript error fails the error check', async () => {
    assertFound(await checkErrors(session, 'broken/script-error.html'), /JavaScript error: .*courseNoSuchFunction/);
  });

  test('a quiz whose data is broken fails the quiz check', async () => {
    // checkQuizzes reports the page's errors too.
    const problems = await checkQuizzes(session, 'broken/quiz-data.html');
    assertFound(problems, /quiz 1 of 1 did not render/);
    assertFound(problems, /JavaScript error: .*JSON/);
  });

  // The quiz check every page gets answers only each quiz's first question.
  test('a quiz with a question it cannot show fails the quiz check', async () => {
    assertFound(await checkQuizzes(session, 'broken/quiz-type.html'), /quiz 1 of 1/);
  });

  test('an image without alt text fails the accessibility check', async () => {
    assertFound(await checkAccessibility(session, 'broken/no-alt.html', [LIGHT]), /critical image-alt/);
  });

  // The check every page gets (lib/pages.mjs): the kinds of text the sound
  // pages showed are learnt first, as pages earlier in the book teach them.
  // Learnt once; each test gets its own copy.
  let sound;
  const learnt = async () => {
    if (!sound) {
      sound = new Map();
      for (const page of ['demo/index.html', 'demo/quiz.html']) {
        assert.deepEqual(await checkAccessibility(session, page, [LIGHT, DARK], { kinds: sound }), []);
      }
    }
    return new Map([...sound].map(([theme, seen]) => [theme, new Set(seen)]));
  };

  test('a link without a name fails the per-page accessibility check', async () => {
    const problems = await checkAccessibility(session, 'broken/no-link-name.html', [LIGHT, DARK], { kinds: await learnt() });
    assertFound(problems, /light: serious link-name/);
  });

  test('a block that scrolls only on a phone, out of the keyboard’s reach, fails the print.html check', async () => {
    const page = 'broken/narrow-scroll.html';
    assert.deepEqual(await checkAccessibility(session, page, [LIGHT], { kinds: await learnt() }), []);
    // Nothing else in the fixture's print.html scrolls out of reach: a <div> is ours.
    assertFound(await checkPrintPage(session), /serious scrollable-region-focusable .*: div/);
  });

  test('an image without alt text fails the per-page accessibility check', async () => {
    const problems = await checkAccessibility(session, 'broken/no-alt.html', [LIGHT, DARK], { kinds: await learnt() });
    assertFound(problems, /light: critical image-alt/);
  });

  test('an SVG figure without a name fails the per-page accessibility check', async () => {
    const problems = await checkAccessibility(session, 'broken/svg-no-name.html', [LIGHT, DARK], { kinds: await learnt() });
    assertFound(problems, /light: serious svg-img-alt/);
  });

  test('text of a new kind that cannot be read fails the per-page check, after pages of sound text', async () => {
    const kinds = await learnt();
    const problems = await checkAccessibility(session, 'broken/text-colour.html', [LIGHT, DARK], { kinds });
    assertFound(problems, /light: serious color-contrast .*<p style="color: #f4f4f4"/);
  });

  test('text of a new kind that cannot be read fails the per-page check, its first element punctuation only', async () => {
    const problems = await checkAccessibility(session, 'broken/text-colour-punctuation.html', [LIGHT], { kinds: await learnt() });
    assertFound(problems, /light: serious color-contrast .*data-course-sample="0">words/);
  });

  test('text that cannot be read in the dark theme only fails the per-page check there', async () => {
    const problems = await checkAccessibility(session, 'broken/text-colour-dark.html', [LIGHT, DARK], { kinds: await learnt() });
    assertFound(problems, /navy: serious color-contrast .*<p style="color: #2a2a2a"/);
    assert.ok(!problems.some((p) => p.startsWith('light:')), problems.join('\n'));
  });

  test('a code token that cannot be read fails the accessibility check, code sampled', async () => {
    const problems = await checkAccessibility(session, 'broken/code-colour.html', [LIGHT], { kinds: new Map() });
    assertFound(problems, /light: serious color-contrast .*hljs-string/);
  });

  test('a sampled code token that axe-core cannot judge fails the accessibility check', async () => {
    const problems = await checkAccessibility(session, 'broken/code-unjudged.html', [LIGHT], { kinds: new Map() });
    assertFound(problems, /light: color-contrast could not judge .*: .*background/i);
  });

  test('a figure whose text cannot be read fails the figure check', async () => {
    const problems = await checkFigures(session, 'broken/figure.html', [LIGHT]);
    assertFound(problems, /light: figure 1 .*"invisible" in rgb\(255, 255, 255\) on rgb\(255, 255, 255\)/);
  });
}
