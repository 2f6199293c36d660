import type { AbortSignalLike, Clock } from './web';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseMs: number;
  maxMs: number;
  /** A Retry-After longer than this fails at once rather than stalling a refresh. */
  maxRetryAfterMs: number;
}

/**
 * 429 and 5xx are worth retrying, as are 408 and timeouts; 501 (an OData service without $apply,
 * say) and 505 are answers that will not change, so they fail at once.
 */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);

/**
 * Exponential backoff with "equal jitter": between half and all of base·2^retry (capped), so
 * clients that failed together spread out, yet none retries almost at once.
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** retry);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** One attempt's result: a value, or a reason to try again (with the server's Retry-After, if it sent one). */
export type Attempt<T> = { ok: T } | { retry: string; retryAfterMs?: number };

export interface RetryOptions {
  policy: RetryPolicy;
  clock: Clock;
  random: () => number;
  signal?: AbortSignalLike;
  /** The error once retries are spent; `reason` is the last attempt's. */
  giveUp(reason: string, attempts: number): Error;
  /** The error when the server asks for a wait longer than the policy allows. */
  tooLong(retryAfterMs: number): Error;
  onRetry?(retry: number, delayMs: number, reason: string): void;
}

/** Runs attempts until one succeeds, waiting Retry-After when the server says so and backoff otherwise. */
export async function withRetries<T>(attempt: (n: number) => Promise<Attempt<T>>, opts: RetryOptions): Promise<T> {
  for (let n = 0; ; n += 1) {
    const outcome = await attempt(n);
    if ('ok' in outcome) return outcome.ok;
    if (n >= opts.policy.retries) throw opts.giveUp(outcome.retry, n + 1);
    const wait = outcome.retryAfterMs;
    if (wait !== undefined && wait > opts.policy.maxRetryAfterMs) throw opts.tooLong(wait);
    const delay = wait ?? backoffMs(n, opts.policy, opts.random);
    opts.onRetry?.(n + 1, delay, outcome.retry);
    await opts.clock.sleep(delay, opts.signal);
  }
}
