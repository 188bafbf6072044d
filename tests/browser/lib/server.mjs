// Serves a built book on loopback under a sub-path, the way instructors host
// it (`site-url = "/course/"`): plain files, no compression, so the weight
// benchmark counts every byte. Browsers may cache them, as from any host
// (the benchmark uses a new, empty cache for each page). Anything outside
// the sub-path, and any missing file, is a 404 that the tests see as a
// failed request.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const SUB_PATH = '/course/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
};

/** Where the tests' own scripts are served (outside the book): see `extra`. */
export const TEST_PATH = '/__tests__/';

/**
 * Starts serving `dir` at http://127.0.0.1:<free port>/course/. `extra` maps
 * names to files the tests inject into pages (axe-core), served at
 * /__tests__/<name> with caching, so a browser compiles them once.
 */
export async function serve(dir, extra = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let file = null;
    const name = url.pathname.slice(TEST_PATH.length);
    if (url.pathname.startsWith(TEST_PATH) && Object.hasOwn(extra, name)) {
      const body = fs.readFileSync(extra[name]);
      response.writeHead(200, {
        'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'max-age=3600',
      });
      response.end(body);
      return;
    }
    if (url.pathname.startsWith(SUB_PATH)) {
      let relative = decodeURIComponent(url.pathname.slice(SUB_PATH.length));
      if (relative === '' || relative.endsWith('/')) relative += 'index.html';
      const candidate = path.resolve(root, relative);
      if (candidate.startsWith(root + path.sep) && isFile(candidate)) {
        file = candidate;
      }
    }
    if (file === null) {
      const notFound = path.join(root, '404.html');
      if (url.pathname.startsWith(SUB_PATH) && isFile(notFound)) {
        response.writeHead(404, { 'content-type': TYPES['.html'] });
        response.end(fs.readFileSync(notFound));
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found\n');
      }
      return;
    }
    const body = fs.readFileSync(file);
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'max-age=600',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    base: `http://127.0.0.1:${port}${SUB_PATH}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
