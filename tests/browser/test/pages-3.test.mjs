// Every page of the book, in a reader's tab: errors, axe-core, figures,
// quizzes, play buttons (see lib/pages.mjs). The pages are dealt out to
// pages-1 to pages-4, which run side by side; this file takes every fourth,
// from the 3rd.

import { registerPages } from '../lib/pages.mjs';

await registerPages(2, 4);
