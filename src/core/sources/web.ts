/**
 * The slice of the fetch standard that connectors use, typed structurally: core compiles without
 * DOM or Node types, yet Node's fetch, a browser's fetch and an Office webview's fetch all fit.
 */
export interface HeadersLike {
  get(name: string): string | null;
}

export interface ResponseLike {
  readonly status: number;
  readonly headers: HeadersLike;
  text(): Promise<string>;
}

export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface RequestInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignalLike;
}

/** The standard `fetch(url, init)` signature, injected so tests and hosts choose the transport. */
export type FetchLike = (url: string, init: RequestInitLike) => Promise<ResponseLike>;

/** Time, injected: tests run retry schedules on a fake clock without waiting. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignalLike): Promise<void>;
}

interface AbortControllerLike {
  readonly signal: AbortSignalLike;
  abort(): void;
}

// AbortController belongs to the fetch standard every host running connectors has (Node 18+,
// browsers, Office webviews); fetch only accepts its own signals, so core cannot substitute one.
const Controller = (globalThis as unknown as { AbortController: new () => AbortControllerLike }).AbortController;

/** An abort handle that also fires when `parent` aborts; `release` detaches it from the parent. */
export interface LinkedAbort {
  readonly signal: AbortSignalLike;
  abort(): void;
  release(): void;
}

export function linkedAbort(parent?: AbortSignalLike): LinkedAbort {
  const controller = new Controller();
  const onParent = (): void => controller.abort();
  if (parent?.aborted) controller.abort();
  else parent?.addEventListener('abort', onParent);
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    release: () => parent?.removeEventListener('abort', onParent),
  };
}
