'use strict';
/**
 * A tiny read-only static file server, for the web demo (examples/web/serve.mjs) and the
 * browser tests (test/browser/harness.ts): the repository's one static server.
 *
 *   const {startServer} = require('./static_server.cjs');
 *   const {url, close} = await startServer({root, port});   // url: 'http://127.0.0.1:<port>'
 *
 * Listens on 127.0.0.1 only; `port` 0 (the default) lets the OS pick a free one. GET only
 * (405 otherwise). Paths that leave `root` (`..`, encoded or not, or a symlink pointing out
 * of it) get 403; NUL bytes and backslashes 400; directories and missing files 404. Files
 * are sent with a content type from their extension, `Cache-Control: no-store` and
 * `X-Content-Type-Options: nosniff`.
 */
const fs = require('fs');
const http = require('http');
const path = require('path');

const HOST = '127.0.0.1';

const CONTENT_TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function isInside(root, p) {
  return p === root || p.startsWith(root + path.sep);
}

/**
 * Serves `root` read-only on 127.0.0.1:`port`.
 * @param {{root: string, port?: number}} options
 * @returns {Promise<{url: string, close: () => Promise<void>}>} url without a trailing slash
 */
function startServer({root, port = 0} = {}) {
  if (typeof root !== 'string' || !root)
    return Promise.reject(new Error('startServer: root (a directory) is required'));
  let realRoot;
  try {
    realRoot = fs.realpathSync(root);
  } catch (e) {
    return Promise.reject(new Error(`startServer: root ${root} does not exist`));
  }
  const server = http.createServer((req, res) => {
    const reply = (status, body, headers = {}) => {
      res.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers});
      res.end(body);
    };
    if (req.method !== 'GET') return reply(405, 'GET only\n', {Allow: 'GET'});
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url || '/', `http://${HOST}`).pathname);
    } catch {
      return reply(400, 'bad path\n');
    }
    if (rel.includes('\0') || rel.includes('\\')) return reply(400, 'bad path\n');
    const file = path.resolve(realRoot, '.' + path.posix.normalize('/' + rel));
    if (!isInside(realRoot, file)) return reply(403, 'outside the served root\n');
    let real;
    try {
      real = fs.realpathSync(file);
    } catch {
      return reply(404, 'not found\n');
    }
    if (!isInside(realRoot, real)) return reply(403, 'outside the served root\n');
    fs.stat(real, (err, st) => {
      if (err || !st.isFile()) return reply(404, 'not found\n');
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(real).toLowerCase()] || 'application/octet-stream',
        'Content-Length': String(st.size),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      const stream = fs.createReadStream(real);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        url: `http://${HOST}:${address.port}`,
        close: () =>
          new Promise(done => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

module.exports = {startServer, CONTENT_TYPES};
