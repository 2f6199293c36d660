import { AppError } from '../errors';
import { backoffMs, isRetryableStatus, parseRetryAfter, withRetries, type Attempt, type RetryPolicy } from './retry';
import type { AbortSignalLike, Clock } from './web';

/** Time that moves only when slept on, recording each sleep. */
class FakeClock implements Clock {
  t = Date.UTC(2026, 0, 1);
  readonly sleeps: number[] = [];
  now(): number {
    return this.t;
  }
  sleep(ms: number, signal?: AbortSignalLike): Promise<void> {
    if (signal?.aborted) return Promise.reject(new Error('aborted'));
    this.sleeps.push(ms);
    this.t += ms;
    return Promise.resolve();
  }
}

const policy: RetryPolicy = { retries: 4, baseMs: 500, maxMs: 4000, maxRetryAfterMs: 60_000 };

/** Attempts that fail with the given reasons in turn, then succeed. */
function script(...failures: Array<Attempt<never>>): { attempt: () => Promise<Attempt<string>>; calls: () => number } {
  let n = 0;
  return {
    attempt: () => Promise.resolve(n < failures.length ? failures[n++]! : (n++, { ok: 'done' })),
    calls: () => n,
  };
}

const opts = (clock: Clock, random = () => 0.5) => ({
  policy, clock, random,
  giveUp: (reason: string, attempts: number) => new AppError('source.retriesExhausted', { source: 's', url: 'u', attempts, reason }),
  tooLong: (ms: number) => new AppError('source.retryAfterTooLong', { source: 's', url: 'u', seconds: ms / 1000, max: 60 }),
});

describe('retry schedule', () => {
  it('backs off exponentially with jitter between half and all of the step, capped', () => {
    expect([0, 1, 2, 3, 4].map((r) => backoffMs(r, policy, () => 0))).toEqual([250, 500, 1000, 2000, 2000]);
    expect([0, 1, 2, 3, 4].map((r) => backoffMs(r, policy, () => 0.999999))).toEqual([500, 1000, 2000, 4000, 4000]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('retries 429 and 5xx but not answers that will not change', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 501, 505].some(isRetryableStatus)).toBe(false);
  });

  it('sleeps the backoff between attempts and returns the first success', async () => {
    const clock = new FakeClock();
    const s = script({ retry: 'HTTP 500' }, { retry: 'HTTP 503' });
    await expect(withRetries(s.attempt, opts(clock))).resolves.toBe('done');
    expect(clock.sleeps).toEqual([375, 750]);
    expect(s.calls()).toBe(3);
  });

  it('waits exactly what Retry-After asks instead of the backoff', async () => {
    const clock = new FakeClock();
    const s = script({ retry: 'HTTP 429', retryAfterMs: 7000 }, { retry: 'HTTP 500' });
    await withRetries(s.attempt, opts(clock));
    expect(clock.sleeps).toEqual([7000, 750]);
  });

  it('gives up after the last retry with the last reason and the attempt count', async () => {
    const clock = new FakeClock();
    const s = script(...Array.from({ length: 9 }, () => ({ retry: 'HTTP 502' })));
    await expect(withRetries(s.attempt, opts(clock))).rejects.toMatchObject({ code: 'source.retriesExhausted', meta: { attempts: 5, reason: 'HTTP 502' } });
    expect(clock.sleeps).toHaveLength(4);
  });

  it('fails at once when Retry-After is longer than allowed', async () => {
    const clock = new FakeClock();
    const s = script({ retry: 'HTTP 429', retryAfterMs: 3_600_000 });
    await expect(withRetries(s.attempt, opts(clock))).rejects.toMatchObject({ code: 'source.retryAfterTooLong', meta: { seconds: 3600 } });
    expect(clock.sleeps).toEqual([]);
  });

  it('stops waiting when cancelled', async () => {
    const clock = new FakeClock();
    const s = script({ retry: 'HTTP 500' });
    const signal: AbortSignalLike = { aborted: true, addEventListener: () => undefined, removeEventListener: () => undefined };
    await expect(withRetries(s.attempt, { ...opts(clock), signal })).rejects.toThrow('aborted');
    expect(s.calls()).toBe(1);
  });
});
