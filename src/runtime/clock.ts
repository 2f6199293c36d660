import type { AbortSignalLike, Clock } from '../core/sources';

/**
 * Real time for connectors, in Node and in the browser alike: sleeps are timers that end early
 * (rejecting) the moment their signal aborts, so a cancelled refresh stops waiting at once.
 */
export function timerClock(now: () => Date = () => new Date()): Clock {
  return {
    now: () => now().getTime(),
    sleep: (ms: number, signal?: AbortSignalLike) =>
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
