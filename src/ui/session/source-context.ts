import type { SecretStore } from '../../core/secrets';
import type { AbortSignalLike, Clock, FetchLike, SourceContext, SourceEvent } from '../../core/sources';

/** Real time for connectors: retries wait with setTimeout and stop waiting the moment the user cancels. */
export function browserClock(now: () => Date): Clock {
  return {
    now: () => now().getTime(),
    sleep: (ms, signal?: AbortSignalLike) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(new Error('aborted'));
        const onAbort = (): void => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort);
      }),
  };
}

export function sourceContext(fetch: FetchLike, secrets: SecretStore, now: () => Date, onEvent?: (event: SourceEvent) => void): SourceContext {
  const ctx: SourceContext = { fetch, secrets, clock: browserClock(now) };
  if (onEvent) ctx.onEvent = onEvent;
  return ctx;
}

/**
 * The dates `{from}` and `{to}` stand for: the two previous fiscal-agnostic calendar years and this
 * one, enough for year-over-year and seasonal detection. Whole years keep the snapshot's fingerprint
 * (and so incremental sync) stable until the year turns.
 */
export function syncWindow(now: Date): { from: string; to: string } {
  const year = now.getUTCFullYear();
  return { from: `${year - 2}-01-01`, to: `${year}-12-31` };
}
