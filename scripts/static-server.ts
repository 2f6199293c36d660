// Serves the built pane (dist/web) for the workbench, sideloading and the end-to-end tests, with no
// dependencies: plain http by default (the workbench needs no certificate), https when given a key
// and certificate (Excel loads sideloaded add-ins over https only).
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A PEM key and certificate, as `https.createServer` takes them. */
export interface TlsPair {
  key: Buffer;
  cert: Buffer;
}

export interface ServeOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Serve https with this key and certificate instead of plain http. */
  https?: TlsPair;
}

/** Where office-addin-dev-certs writes its localhost certificate (`npx office-addin-dev-certs install`). */
export const DEV_CERTS_DIR = join(homedir(), '.office-addin-dev-certs');

/**
 * The key and certificate for https: the files HTTPS_KEY and HTTPS_CERT name, else the dev
 * certificate in ~/.office-addin-dev-certs. Rejects naming the file that is missing and how to make it.
 */
export async function readTlsPair(env: NodeJS.ProcessEnv = process.env, dir = DEV_CERTS_DIR): Promise<TlsPair> {
  const key = env['HTTPS_KEY'];
  const cert = env['HTTPS_CERT'];
  if (!key !== !cert) throw new Error(`${key ? 'HTTPS_KEY' : 'HTTPS_CERT'} is set but ${key ? 'HTTPS_CERT' : 'HTTPS_KEY'} is not: set both, to the key and the certificate (PEM files).`);
  const paths = key && cert ? { key: resolve(key), cert: resolve(cert) } : { key: join(dir, 'localhost.key'), cert: join(dir, 'localhost.crt') };
  const how = key
    ? 'Check HTTPS_KEY and HTTPS_CERT.'
    : `Make it with "npx office-addin-dev-certs install" (it writes localhost.key and localhost.crt to ${dir}), or set HTTPS_KEY and HTTPS_CERT to your own key and certificate.`;
  const read = async (what: string, path: string): Promise<Buffer> => {
    try {
      return await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const problem = code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? String(error)})`;
      throw new Error(`HTTPS=1 needs the ${what} ${path}, which ${problem}. ${how}`);
    }
  };
  return { key: await read('private key', paths.key), cert: await read('certificate', paths.cert) };
}

const isInside = (root: string, file: string): boolean => {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/** Maps a URL path to a file under root, or null when it is malformed, outside root or not a file. */
async function fileFor(root: string, realRoot: string, urlPath: string): Promise<{ path: string; size: number } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = resolve(root, '.' + sep + decoded);
  if (!isInside(root, candidate)) return null;
  try {
    // realpath: a symlink inside the root must not lead outside it either.
    const real = await realpath(candidate);
    if (!isInside(realRoot, real)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

async function handle(root: string, realRoot: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
  const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === '/') {
    // The query goes along: `/?lang=zh-CN&theme=dark` configures the workbench as `/workbench.html?…` does.
    res.writeHead(302, { location: `/workbench.html${search}` });
    res.end();
    return;
  }
  const file = await fileFor(root, realRoot, pathname);
  if (file === null) return send(res, 404, 'Not found\n');
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': file.size,
    'x-content-type-options': 'nosniff',
    // Bundles carry a content hash in their name; pages and the manifest must always be re-fetched.
    'cache-control': /\.[0-9a-f]{8}\.js$/.test(file.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(file.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Plain http, or https with the given pair; a key that does not match its certificate is named. */
function createWebServer(listener: RequestListener, tls: TlsPair | undefined): Server {
  if (!tls) return createServer(listener);
  try {
    return createHttpsServer({ key: tls.key, cert: tls.cert }, listener);
  } catch (error) {
    throw new Error(`the https key and certificate cannot be used (${error instanceof Error ? error.message : String(error)}): they must be a matching PEM pair.`);
  }
}

/** Serves `root` on host:port (port 0 picks a free one), over https when given a pair. Rejects with a clear message when it cannot. */
export async function serveStatic(root: string, { host = '127.0.0.1', port = 3000, https }: ServeOptions = {}): Promise<StaticServer> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    if (!(await stat(realRoot)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new Error(`${root} is missing: run npm run build first.`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a number from 0 to 65535, got "${port}".`);
  const server = createWebServer((req, res) => {
    handle(root, realRoot, req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'Internal server error\n');
      else res.destroy();
    });
  }, https);
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const hint = error.code === 'EADDRINUSE' ? ` (port ${port} is in use: stop the other server or set PORT)` : '';
      fail(new Error(`cannot listen on ${host}:${port}${hint}: ${error.message}`));
    });
    server.listen(port, host, done);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `${https ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
