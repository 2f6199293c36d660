import type { SecretStore } from '../../core/secrets';
import type { FetchLike, SourceContext, SourceEvent } from '../../core/sources';
import { timerClock } from '../../runtime';

export function sourceContext(fetch: FetchLike, secrets: SecretStore, now: () => Date, onEvent?: (event: SourceEvent) => void): SourceContext {
  const ctx: SourceContext = { fetch, secrets, clock: timerClock(now) };
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
