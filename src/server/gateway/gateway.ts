import { AppError, problem } from '../../core/errors';
import type { GatewayRequest, GatewayResponse } from '../api/types';
import { isJsonObject } from '../domain/canonical';
import { checkObject, isOneOf, isText, optionalString } from '../service/input';

export interface GatewayOptions {
  /** Hosts the gateway may call: `erp.example.com` (any port) or `erp.example.com:8443` (that port only). */
  allow: string[];
  /** Headers added for a host, e.g. its API key, so credentials stay on the server and out of workbooks. */
  credentials?: Record<string, Record<string, string>>;
  maxResponseBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

/** Headers a pane may pass through; anything else (cookies, Authorization, Host) is dropped. */
const PASS_HEADERS = ['accept', 'accept-language', 'content-type', 'if-none-match', 'if-modified-since'];
const RETURN_HEADERS = ['content-type', 'etag', 'last-modified', 'link'];

export interface Gateway {
  readonly allow: readonly string[];
  call(raw: unknown): Promise<GatewayResponse>;
}

/**
 * Calls ERP sources on a pane's behalf (no CORS, no credentials in the workbook), but only hosts
 * on the allow-list. Redirects are followed by hand so every hop is checked against the list
 * before any connection is made to it.
 */
export function createGateway(opts: GatewayOptions): Gateway {
  const allow = opts.allow.map((h) => h.toLowerCase());
  const maxBytes = opts.maxResponseBytes ?? 5 * 1024 * 1024;
  const maxRedirects = opts.maxRedirects ?? 5;
  const allowed = (url: URL): string | undefined => allow.find((entry) => (entry.includes(':') ? url.host === entry : url.hostname === entry));

  const target = (text: string): URL => {
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
      throw new AppError('server.gateway.scheme', { url: text.slice(0, 200) });
    }
    return url;
  };

  return {
    allow,
    async call(raw) {
      const req = parseRequest(raw);
      let url = target(req.url);
      if (!allowed(url)) throw new AppError('server.gateway.host', { host: url.host, allowed: allow.join(', ') });
      let method = req.method ?? 'GET';
      let body = req.body;
      for (let hop = 0; ; hop += 1) {
        const entry = allowed(url)!;
        const headers = { ...passHeaders(req.headers), ...(opts.credentials?.[entry] ?? {}) };
        const res = await send(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
        const location = res.headers.get('location');
        if (res.status >= 300 && res.status < 400 && location) {
          await res.body?.cancel();
          const next = target(new URL(location, url).href);
          if (!allowed(next)) throw new AppError('server.gateway.redirect', { from: url.host, to: next.host, allowed: allow.join(', ') });
          if (hop + 1 > maxRedirects) throw new AppError('server.gateway.redirects', { max: maxRedirects, url: next.href });
          if (res.status === 303) [method, body] = ['GET', undefined];
          url = next;
          continue;
        }
        return { status: res.status, url: url.href, headers: returnHeaders(res.headers), body: await readLimited(res, url, maxBytes) };
      }
    },
  };
}

function parseRequest(raw: unknown): GatewayRequest {
  const body = checkObject(raw, {
    url: { check: isText({ max: 4000 }), required: true },
    method: { check: isOneOf(['GET', 'POST']) },
    headers: {
      check: (v, path, problems) => {
        if (!isJsonObject(v) || !Object.values(v).every((x) => typeof x === 'string')) {
          problems.push(problem(path, 'catalog.type', { expected: 'object of text values', found: typeof v }));
        }
      },
    },
    body: { check: isText({ max: 1_000_000 }) },
  });
  const headers: Record<string, string> = {};
  if (isJsonObject(body['headers'])) for (const [k, v] of Object.entries(body['headers'])) if (typeof v === 'string') headers[k] = v;
  return {
    url: optionalString(body, 'url') ?? '',
    method: body['method'] === 'POST' ? 'POST' : 'GET',
    headers,
    ...(typeof body['body'] === 'string' ? { body: body['body'] } : {}),
  };
}

const passHeaders = (headers: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([k]) => PASS_HEADERS.includes(k.toLowerCase())));

const returnHeaders = (headers: Headers): Record<string, string> =>
  Object.fromEntries(RETURN_HEADERS.flatMap((k) => (headers.get(k) === null ? [] : [[k, headers.get(k)!]])));

async function send(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw new AppError('server.gateway.failed', { host: url.host, detail: `${err instanceof Error ? err.message : String(err)}${cause}` }, { cause: err });
  }
}

async function readLimited(res: Response, url: URL, limit: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new AppError('server.gateway.tooLarge', { host: url.host, limit });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
