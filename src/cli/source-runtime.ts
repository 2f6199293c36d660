import type { SecretStore } from '../core/secrets';
import type { Clock, FetchLike, SourceContext, SourceEvent } from '../core/sources';
import { timerClock } from '../runtime';

/** Real time for connectors: sleeps end early (rejecting) when their signal aborts. */
export const systemClock: Clock = timerClock();

// Node's fetch types its init with DOM's AbortSignal; connectors only ever pass signals made by
// AbortController, so the structural init is the real thing.
export const nodeFetch: FetchLike = (url, init) => fetch(url, init as RequestInit);

/** The context connectors run on in Node. */
export const nodeSourceContext = (secrets: SecretStore, onEvent?: (e: SourceEvent) => void): SourceContext => ({
  fetch: nodeFetch,
  secrets,
  clock: systemClock,
  onEvent,
});
