#!/usr/bin/env node
// Serves the built pane (dist/web) over plain http for the workbench and headless tests: no
// dependencies and no certificate (Excel sideloading still uses the https dev flow).
// Usage: node scripts/serve.mjs   (HOST and PORT override 127.0.0.1:3000)
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');
const HOST = process.env.HOST || '127.0.0.1';
const PORT = Number(process.env.PORT || 3000);

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

function isInside(root, file) {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Maps a URL path to a file under ROOT, or null when it is malformed, outside ROOT or not a file. */
async function fileFor(urlPath, realRoot) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = resolve(ROOT, '.' + sep + decoded);
  if (!isInside(ROOT, candidate)) return null;
  try {
    // realpath: a symlink inside dist/web must not lead outside it either.
    const real = await realpath(candidate);
    if (!isInside(realRoot, real)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

async function handle(req, res, realRoot) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
    return;
  }
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === '/') {
    res.writeHead(302, { location: '/workbench.html' });
    res.end();
    return;
  }
  const file = await fileFor(pathname, realRoot);
  if (file === null) {
    send(res, 404, 'Not found\n');
    return;
  }
  const ext = extname(file.path).toLowerCase();
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'content-length': file.size,
    'x-content-type-options': 'nosniff',
    // Bundles carry a content hash in their name; pages and the manifest must always be re-fetched.
    'cache-control': /\.[0-9a-f]{8}\.js$/.test(file.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

async function main() {
  let realRoot;
  try {
    realRoot = await realpath(ROOT);
    if (!(await stat(realRoot)).isDirectory()) throw new Error('not a directory');
  } catch {
    console.error(`FinPulse: ${ROOT} is missing: run npm run build first.`);
    process.exit(1);
  }
  if (!Number.isInteger(PORT) || PORT < 0 || PORT > 65535) {
    console.error(`FinPulse: PORT must be a number from 0 to 65535, got "${process.env.PORT}".`);
    process.exit(1);
  }

  const server = createServer((req, res) => {
    handle(req, res, realRoot).catch((error) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'Internal server error\n');
      else res.destroy();
    });
  });
  server.on('error', (error) => {
    const hint = error.code === 'EADDRINUSE' ? ` (port ${PORT} is in use: stop the other server or set PORT)` : '';
    console.error(`FinPulse: cannot listen on ${HOST}:${PORT}${hint}: ${error.message}`);
    process.exit(1);
  });
  server.listen(PORT, HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : PORT;
    const host = HOST.includes(':') ? `[${HOST}]` : HOST;
    console.log(`FinPulse: serving ${ROOT}`);
    console.log(`FinPulse: workbench at http://${host}:${port}/workbench.html (Ctrl+C to stop)`);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}

await main();
