import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErpState } from '../state';
import { authenticate } from './auth';
import type { Method, RequestContext, Route } from './context';
import { corsHeaders, preflightHeaders } from './cors';
import { errorReply, type Family } from './errors';
import type { Reply } from './reply';

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1_000_000;
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/**
 * Waits for the latency and hang faults. A wait ends early when the client goes away (its
 * response closes) or the server closes, so a hanging request never holds the process open.
 */
class Delays {
  private readonly pending = new Set<() => void>();
  private closed = false;

  /** Resolves true when the request should go on, false when nobody is waiting for it any more. */
  wait(ms: number, res: ServerResponse): Promise<boolean> {
    if (this.closed || res.destroyed) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (goOn: boolean): void => {
        clearTimeout(timer);
        res.off('close', stop);
        this.pending.delete(stop);
        resolve(goOn);
      };
      const stop = (): void => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      res.once('close', stop);
      this.pending.add(stop);
    });
  }

  closeAll(): void {
    this.closed = true;
    for (const stop of [...this.pending]) stop();
  }
}

/** Serves the routes on 127.0.0.1 only; `port` 0 picks a free one. */
export async function listen(state: ErpState, routes: readonly Route[], port: number): Promise<Listening> {
  const delays = new Delays();
  let actualPort = port;
  const server = createServer((req, res) => {
    handle(req, res, state, routes, delays, actualPort).catch((err: unknown) => {
      if (res.headersSent) res.destroy();
      else write(req, res, errorReply(familyOf(req.url ?? ''), 500, `Internal error: ${err instanceof Error ? err.message : String(err)}`), corsHeaders(req.headers));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        delays.closeAll();
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets would hold close() (and a test runner) open until they time out.
        server.closeAllConnections();
      }),
  };
}

const familyOf = (path: string): Family => (path.startsWith('/odata') ? 'odata' : 'rest');

async function handle(req: IncomingMessage, res: ServerResponse, state: ErpState, routes: readonly Route[], delays: Delays, port: number): Promise<void> {
  const cors = corsHeaders(req.headers);
  if (req.method === 'OPTIONS') {
    write(req, res, { status: 204, headers: {}, body: '' }, preflightHeaders(req.headers));
    return;
  }
  const url = parseUrl(req.url ?? '/');
  if (url === null) {
    write(req, res, errorReply('rest', 400, 'The request target is not a valid URL path.'), cors);
    return;
  }
  const family = familyOf(url.pathname);
  const extra = family === 'odata' ? { ...cors, 'odata-version': '4.0' } : cors;
  const found = findRoute(routes, url.pathname);
  if (!found) {
    write(req, res, errorReply(family, 404, `No route ${url.pathname}; see src/demo-erp/API.md for the routes.`), extra);
    return;
  }
  const { route, param } = found;
  const method = (req.method === 'HEAD' ? 'GET' : req.method) as Method;
  const handler = route.methods[method];
  const count = (bytes: number): void => {
    if (route.counted) state.stats.record(`${req.method ?? 'GET'} ${route.name}`, bytes);
  };
  if (!handler) {
    const allow = [...Object.keys(route.methods), ...(route.methods.GET ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    count(write(req, res, errorReply(family, 405, `${req.method} is not allowed on ${url.pathname}; use ${allow}.`, [], { allow }), extra));
    return;
  }
  const body = method === 'POST' ? await readBody(req) : '';
  if (body === null) {
    count(write(req, res, errorReply(family, 413, `The request body is over ${MAX_BODY_BYTES} bytes.`), extra));
    return;
  }
  const ctx: RequestContext = { url, headers: req.headers, body, base: baseOf(req, port), state, now: Date.now() };
  const reply = route.data ? await guarded(ctx, req, res, family, delays, () => handler(ctx, param)) : handler(ctx, param);
  if (reply) count(write(req, res, reply, extra));
}

/** Credentials, then the faults: latency, the 429/500 counters, the handler, the hang. */
async function guarded(ctx: RequestContext, req: IncomingMessage, res: ServerResponse, family: Family, delays: Delays, run: () => Reply): Promise<Reply | null> {
  const auth = authenticate(req.headers, ctx.url.searchParams, ctx.state.tokens, ctx.now);
  if (!auth.ok) return errorReply(family, 401, auth.message, [], { 'www-authenticate': 'Bearer realm="demo-erp"' });
  const faults = ctx.state.faults.current;
  if (!(await delays.wait(faults.latencyMs, res))) return null;
  const error = ctx.state.faults.nextError();
  const reply =
    error === null
      ? run()
      : error.status === 429
        ? errorReply(family, 429, `Too many requests; retry after ${error.retryAfterSeconds} s.`, [], { 'retry-after': String(error.retryAfterSeconds) })
        : errorReply(family, 500, 'Injected fault: the server failed this request.');
  return (await delays.wait(faults.hangMs, res)) ? reply : null;
}

/** The request target as a URL; prefixing the origin keeps `//x` a path rather than a host. */
function parseUrl(target: string): URL | null {
  try {
    return new URL(`http://${HOST}${target.startsWith('/') ? target : `/${target}`}`);
  } catch {
    return null;
  }
}

function findRoute(routes: readonly Route[], path: string): { route: Route; param: string } | null {
  for (const route of routes) {
    const m = route.path.exec(path);
    if (m) return { route, param: m[1] ?? '' };
  }
  return null;
}

/** Links point back the way the client came in (`localhost` or `127.0.0.1`), if its Host header is sane. */
function baseOf(req: IncomingMessage, port: number): string {
  const host = req.headers.host;
  return `http://${host !== undefined && HOST_HEADER.test(host) ? host : `${HOST}:${port}`}`;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Writes the reply with its Content-Length; returns the body bytes sent (none for HEAD, whose body Node drops). */
function write(req: IncomingMessage, res: ServerResponse, reply: Reply, extra: Record<string, string>): number {
  if (res.destroyed || res.headersSent) return 0;
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, { ...extra, ...reply.headers, 'content-length': String(body.length) });
  res.end(body);
  return req.method === 'HEAD' ? 0 : body.length;
}
