// A small static file server for dist/: 127.0.0.1 on a free port, the MIME types the app needs
// (application/wasm included), the precompressed `.br` / `.gz` copies that build-release.sh writes
// served with Content-Encoding, and long cache headers for content-hashed files. Every request is
// recorded so tests can assert that nothing was missing.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

// Trunk names built files `<name>-<16 hex digits>[_bg].<ext>`: their content never changes.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves `root`. Resolves to `{ url, requests, close }`: `url` ends with `/`, `requests` lists
 * `{ method, path, status, encoding }` for every request answered.
 */
export async function serve(root) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const record = { method: req.method, path: req.url, status: 0, encoding: null };
    requests.push(record);
    const send = (status, headers, body) => {
      record.status = status;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'method not allowed\n');
        return;
      }
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        send(403, { 'Content-Type': 'text/plain' }, 'forbidden\n');
        return;
      }
      if (!(await isFile(file))) {
        send(404, { 'Content-Type': 'text/plain' }, `not found: ${path}\n`);
        return;
      }
      const accepted = String(req.headers['accept-encoding'] || '');
      let body = null;
      let encoding = null;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (new RegExp(`\\b${enc}\\b`).test(accepted) && (await isFile(file + ext))) {
          body = await readFile(file + ext);
          encoding = enc;
          break;
        }
      }
      if (body === null) body = await readFile(file);
      record.encoding = encoding;
      const headers = {
        'Content-Type': MIME[extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
      };
      if (encoding) headers['Content-Encoding'] = encoding;
      send(200, headers, body);
    } catch (e) {
      send(500, { 'Content-Type': 'text/plain' }, `server error: ${e.message}\n`);
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
