import type { SecretStore } from '../core/secrets';
import type { AbortSignalLike, Clock, FetchLike, SourceContext, SourceEvent } from '../core/sources';

/** Real time for connectors: sleeps end early (rejecting) when their signal aborts. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignalLike) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new Error('aborted'));
        return;
      }
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
