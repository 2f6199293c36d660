/** How often and how patiently to try again after a failure that may pass. */
export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Four attempts over about 3.5 s, which rides out a restart or a burst limit without holding a run up for long. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Exponential backoff, or the server's Retry-After when it gave one; never more than maxDelayMs. */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  return Math.min(policy.maxDelayMs, retryAfterMs ?? policy.baseDelayMs * 2 ** (attempt - 1));
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
