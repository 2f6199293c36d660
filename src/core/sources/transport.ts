import { AppError } from '../errors';
import type { Authorizer, PreparedRequest, RawResponse } from './auth';
import type { Redactor } from '../secrets';
import { isRetryableStatus, parseRetryAfter, withRetries, type RetryPolicy } from './retry';
import { utf8Length } from '../encoding';
import { linkedAbort, type AbortSignalLike, type Clock, type FetchLike, type ResponseLike } from './web';

export interface ResolvedLimits {
  maxPages: number;
  maxRows: number;
  maxBytes: number;
  timeoutMs: number;
  concurrency: number;
  retry: RetryPolicy;
}

/** What happened on the wire, for logs and progress; URLs are already redacted. */
export type SourceEvent =
  | { type: 'request'; url: string; status: number; bytes: number; ms: number }
  | { type: 'retry'; url: string; retry: number; delayMs: number; reason: string }
  | { type: 'page'; page: number; records: number; totalRecords?: number };

export interface HttpDeps {
  sourceId: string;
  fetch: FetchLike;
  clock: Clock;
  random: () => number;
  signal?: AbortSignalLike;
  limits: ResolvedLimits;
  redactor: Redactor;
  onEvent?: (event: SourceEvent) => void;
}

export interface HttpStats {
  requests: number;
  retries: number;
  bytes: number;
}

/**
 * Every request of one refresh: timeouts, cancellation, retries with backoff and Retry-After, the
 * byte budget, and credentials (a refused OAuth token is renewed once). Failures become AppErrors
 * that name the source and the URL; the refresh redacts them before they leave.
 */
export class HttpClient {
  readonly stats: HttpStats = { requests: 0, retries: 0, bytes: 0 };
  private auth: Authorizer | undefined;

  constructor(private readonly deps: HttpDeps) {}

  useAuthorizer(auth: Authorizer): void {
    this.auth = auth;
  }

  /** A request with credentials; any answer outside 2xx is an error. */
  async request(req: PreparedRequest): Promise<RawResponse> {
    let renewed = false;
    for (;;) {
      const authed = this.auth ? await this.auth.apply(req) : req;
      const res = await this.send(authed);
      if (res.status >= 200 && res.status <= 299) return res;
      if (res.status === 401 && !renewed && this.auth?.renew()) {
        renewed = true;
        continue;
      }
      const params = { source: this.deps.sourceId, status: res.status, url: res.url, detail: errorDetail(res.text) };
      if (res.status === 401 || res.status === 403) throw new AppError('source.unauthorized', { ...params, secret: this.auth?.secretName ?? '' });
      throw new AppError('source.http', params);
    }
  }

  /** A request as given (no credentials added), retried on 429, 5xx, timeouts and network errors. */
  async send(req: PreparedRequest): Promise<RawResponse> {
    const { limits, clock, random, signal, sourceId } = this.deps;
    let lastTimedOut = false;
    try {
      return await withRetries<RawResponse>(
        async () => {
          const outcome = await this.attempt(req);
          lastTimedOut = outcome === 'timeout';
          if (outcome === 'timeout') return { retry: `no answer within ${limits.timeoutMs} ms` };
          if ('network' in outcome) return { retry: outcome.network };
          if (!isRetryableStatus(outcome.status)) return { ok: outcome };
          const retryAfterMs = parseRetryAfter(outcome.headers.get('Retry-After'), clock.now());
          return retryAfterMs === undefined ? { retry: `HTTP ${outcome.status}` } : { retry: `HTTP ${outcome.status}`, retryAfterMs };
        },
        {
          policy: limits.retry,
          clock,
          random,
          signal,
          giveUp: (reason, attempts) =>
            lastTimedOut
              ? new AppError('source.timeout', { source: sourceId, url: req.url, ms: limits.timeoutMs })
              : new AppError('source.retriesExhausted', { source: sourceId, url: req.url, attempts, reason }),
          tooLong: (ms) => new AppError('source.retryAfterTooLong', { source: sourceId, url: req.url, seconds: ms / 1000, max: limits.retry.maxRetryAfterMs / 1000 }),
          onRetry: (retry, delayMs, reason) => {
            this.stats.retries += 1;
            this.emit({ type: 'retry', url: req.url, retry, delayMs, reason });
          },
        },
      );
    } catch (err) {
      throw signal?.aborted ? this.cancelled() : err;
    }
  }

  cancelled(): AppError {
    return new AppError('source.cancelled', { source: this.deps.sourceId });
  }

  private async attempt(req: PreparedRequest): Promise<RawResponse | 'timeout' | { network: string }> {
    const { fetch, clock, limits, signal } = this.deps;
    if (signal?.aborted) throw this.cancelled();
    const request = linkedAbort(signal);
    const timer = linkedAbort();
    let timedOut = false;
    clock.sleep(limits.timeoutMs, timer.signal).then(
      () => {
        timedOut = true;
        request.abort();
      },
      () => undefined, // the timer was stopped: the attempt finished first
    );
    const started = clock.now();
    try {
      const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: request.signal });
      const text = await this.readBody(res);
      this.stats.requests += 1;
      this.emit({ type: 'request', url: req.url, status: res.status, bytes: utf8Length(text), ms: clock.now() - started });
      return { status: res.status, text, url: req.url, headers: res.headers };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (signal?.aborted) throw this.cancelled();
      if (timedOut) return 'timeout';
      return { network: err instanceof Error ? causeText(err) : String(err) };
    } finally {
      timer.abort();
      // Frees the connection when the body was refused unread (over the byte budget); a no-op once it was read.
      request.abort();
      request.release();
    }
  }

  /** The body, counted against the byte budget; a declared length over budget is refused before reading. */
  private async readBody(res: ResponseLike): Promise<string> {
    const { maxBytes } = this.deps.limits;
    const declared = Number(res.headers.get('Content-Length') ?? NaN);
    if (Number.isFinite(declared) && this.stats.bytes + declared > maxBytes) throw this.tooBig();
    const text = await res.text();
    this.stats.bytes += Number.isFinite(declared) ? declared : utf8Length(text);
    if (this.stats.bytes > maxBytes) throw this.tooBig();
    return text;
  }

  private tooBig(): AppError {
    return new AppError('source.maxBytes', { source: this.deps.sourceId, max: this.deps.limits.maxBytes });
  }

  private emit(event: Parameters<NonNullable<HttpDeps['onEvent']>>[0]): void {
    if (!this.deps.onEvent) return;
    this.deps.onEvent('url' in event ? { ...event, url: this.deps.redactor.redact(event.url) } : event);
  }
}

/** Node's fetch says only "fetch failed"; the reason (ECONNREFUSED…) is in its cause. */
function causeText(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
}

/** The message of a JSON error body ({error, message} or OData's {error: {code, message}}), else its start. */
export function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const inner = body.error;
    if (inner && typeof inner === 'object' && typeof (inner as { message?: unknown }).message === 'string') return (inner as { message: string }).message;
    if (typeof body.message === 'string') return body.message;
    if (typeof inner === 'string') return inner;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.trim().slice(0, 200) || '(empty body)';
}
