// print.html holds every chapter: each page the sidebar lists, in its order,
// with its heading, its text, and all of its listings, figures and quizzes.
// Read from the built files: print.html is mdBook's, written beside the
// pages from the same Markdown, and its order and contents need no browser
// (book.js, which runs on it, adds buttons, not text). lib/pages.mjs loads it
// in the browser only for what a browser alone can tell.
import { chapters, firstHeading, mainHtml, readPage, stripTags } from './book.mjs';

/** Text compared without its white space (tags split words differently). */
const squeeze = (text) => text.replace(/\s+/g, '');

/** How many times `pattern` occurs in `text`. */
const count = (text, pattern) => (text.match(pattern) ?? []).length;

/** What print.html must hold of a page, read from the built page. */
function expectation(dir, path) {
  const html = readPage(dir, path);
  const main = mainHtml(html);
  const paragraphs = [...main.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => stripTags(m[1]));
  const title = firstHeading(html);
  return {
    path,
    title,
    heading: squeeze(title),
    paragraph: squeeze(paragraphs.find((p) => p.length > 20) ?? ''),
    listings: count(main, /<pre[\s>]/g),
    figures: count(main, /<figure[\s>]/g),
    quizzes: count(main, /class="quiz-placeholder"/g),
  };
}

/** The problems with print.html against the built pages, both in `dir`. */
export function checkPrint(dir) {
  const problems = [];
  const expected = chapters(dir).map((chapter) => expectation(dir, chapter.page));
  const main = mainHtml(readPage(dir, 'print.html'));
  const printed = {
    text: squeeze(stripTags(main)),
    headings: [...main.matchAll(/<h[123][^>]*>([\s\S]*?)<\/h[123]>/g)].map((m) => squeeze(stripTags(m[1]))),
    listings: count(main, /<pre[\s>]/g),
    figures: count(main, /<figure[\s>]/g),
    quizzes: count(main, /class="quiz-placeholder"/g),
  };
  let from = 0;
  for (const page of expected) {
    const at = printed.headings.indexOf(page.heading, from);
    if (at < 0) {
      const anywhere = printed.headings.includes(page.heading);
      problems.push(`${page.path}: heading "${page.title}" ${anywhere ? 'is out of order' : 'is missing'}`);
    } else {
      from = at + 1;
    }
    if (page.paragraph && !printed.text.includes(page.paragraph)) {
      problems.push(`${page.path}: its first paragraph ("${page.paragraph.slice(0, 50)}...", spaces left out) is missing`);
    }
  }
  for (const what of ['listings', 'figures', 'quizzes']) {
    const sum = expected.reduce((total, page) => total + page[what], 0);
    if (printed[what] !== sum) {
      problems.push(`print.html has ${printed[what]} ${what}; the pages have ${sum}`);
    }
  }
  return problems;
}
