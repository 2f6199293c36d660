import type { HttpRequest } from '../core/alerts';
import type { RawResponse } from './responses';

export type FetchLike = typeof globalThis.fetch;

/** Thrown when an attempt ran out of time, so the caller can tell it from a refused connection. */
export class AttemptTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/**
 * One POST with a deadline that covers reading the body too. Redirects are not followed: a POST
 * would turn into a GET, and the signed URL or body would go to another host.
 */
export async function postOnce(fetch: FetchLike, request: HttpRequest, timeoutMs: number): Promise<RawResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: controller.signal, redirect: 'manual' });
    const body = await res.text();
    return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
  } catch (err) {
    if (controller.signal.aborted) throw new AttemptTimeout(timeoutMs);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

type ErrorLike = { message?: unknown; cause?: unknown; code?: unknown };
// Duck-typed rather than `instanceof Error`: fetch's errors may come from another realm (a test VM, a worker).
const errorLike = (v: unknown): ErrorLike | undefined => (typeof v === 'object' && v !== null ? v : undefined);

/** A network failure's useful words: fetch says only "fetch failed" and puts the reason in `cause`. */
export function networkDetail(err: unknown): string {
  const e = errorLike(err);
  const cause = errorLike(e?.cause);
  const parts = [e?.message, cause?.message ?? cause?.code].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length > 0 ? parts.join(': ') : String(err);
}
